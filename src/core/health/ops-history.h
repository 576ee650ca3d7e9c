/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

#include "ops-check-result.h"
#include "store/ops-store.h"

G_BEGIN_DECLS

typedef enum
{
  OPS_HISTORY_RAW,
  OPS_HISTORY_HOURLY,
  OPS_HISTORY_DAILY,
} OpsHistoryResolution;

/* The host figures of a Prometheus check kept in the history, with the
 * result detail each comes from. Stored as numbers: never renumber. */
typedef enum
{
  OPS_HOST_METRIC_CPU,      /* cpu_percent */
  OPS_HOST_METRIC_MEMORY,   /* memory_percent */
  OPS_HOST_METRIC_DISK,     /* disk_percent, the fullest filesystem */
  OPS_HOST_METRIC_RECEIVED, /* network_receive_bytes_per_second */
  OPS_HOST_METRIC_SENT,     /* network_transmit_bytes_per_second */
  OPS_HOST_METRIC_SCORE,    /* health_score */
  OPS_HOST_N_METRICS,
} OpsHostMetric;

#define OPS_HISTORY_HOUR_USEC (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)
#define OPS_HISTORY_DAY_USEC  (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

/* Points for a chart, as plain arrays of equal length. Raw samples have
 * count 1 and min = max = p95 = value. Latencies are milliseconds, NAN
 * where there is none (a probe that failed, a period with only failures).
 * A period's status is down when every probe failed, degraded when some
 * did, healthy otherwise. A host metric's series has the figure as value
 * (the average of a period), its minimum and maximum, the number of
 * figures as count, and no p95, status or failures. */
typedef struct
{
  /*< public >*/
  OpsHistoryResolution resolution;
  guint                n_points;
  gint64              *times;  /* µs since 1970, the start of the period */
  double              *values; /* latency, or the period's average */
  double              *minimums;
  double              *maximums;
  double              *p95s;     /* NAN for a period not closed yet */
  guint8              *statuses; /* OpsHealthStatus */
  guint32             *counts;
  guint32             *failures;

  /*< private >*/
  gatomicrefcount ref_count;
  GArray         *storage[8];
} OpsHistorySeries;

/* Uptime in percent over a window, -1 when there is no data. */
typedef struct
{
  double day;
  double week;
  double month;
} OpsUptime;

#define OPS_TYPE_HISTORY_SERIES (ops_history_series_get_type ())
#define OPS_TYPE_HISTORY        (ops_history_get_type ())

G_DECLARE_FINAL_TYPE (OpsHistory, ops_history, OPS, HISTORY, GObject)

/* clang-format off */
GType             ops_history_series_get_type        (void) G_GNUC_CONST;
OpsHistorySeries *ops_history_series_ref             (OpsHistorySeries     *series);
void              ops_history_series_unref           (OpsHistorySeries     *series);

OpsHistory       *ops_history_new                    (OpsStore             *store);
void              ops_history_append                 (OpsHistory           *self,
                                                      OpsCheckResult       *result,
                                                      OpsHealthStatus       state);
guint             ops_history_get_n_pending          (OpsHistory           *self);
guint64           ops_history_get_rows_written       (OpsHistory           *self);
void              ops_history_set_batch_interval     (OpsHistory           *self,
                                                      guint                 msec);
void              ops_history_flush_async            (OpsHistory           *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          ops_history_flush_finish           (OpsHistory           *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
gboolean          ops_history_flush_sync             (OpsHistory           *self,
                                                      GError              **error);

void              ops_history_start_maintenance      (OpsHistory           *self);
void              ops_history_maintain_async         (OpsHistory           *self,
                                                      gint64                now_usec,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          ops_history_maintain_finish        (OpsHistory           *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void              ops_history_query_series_async     (OpsHistory           *self,
                                                      gint64                check_id,
                                                      gint64                from_usec,
                                                      gint64                to_usec,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
OpsHistorySeries *ops_history_query_series_finish    (OpsHistory           *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void              ops_history_query_host_series_async (OpsHistory          *self,
                                                      gint64                check_id,
                                                      OpsHostMetric         metric,
                                                      gint64                from_usec,
                                                      gint64                to_usec,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
OpsHistorySeries *ops_history_query_host_series_finish (OpsHistory         *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void              ops_history_query_uptime_async     (OpsHistory           *self,
                                                      gint64                check_id,
                                                      gint64                now_usec,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          ops_history_query_uptime_finish    (OpsHistory           *self,
                                                      GAsyncResult         *result,
                                                      OpsUptime            *uptime,
                                                      GError              **error);
void              ops_history_query_samples_async    (OpsHistory           *self,
                                                      gint64                check_id,
                                                      gint64                since_usec,
                                                      guint                 limit,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GPtrArray        *ops_history_query_samples_finish   (OpsHistory           *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void              ops_history_query_uptime_24h_all_async (OpsHistory       *self,
                                                      gint64                now_usec,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GHashTable       *ops_history_query_uptime_24h_all_finish (OpsHistory      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* The same queries on a connection of the caller's thread. */
OpsHistorySeries *ops_history_series_query          (sqlite3              *db,
                                                      gint64                check_id,
                                                      gint64                from_usec,
                                                      gint64                to_usec,
                                                      GError              **error);
OpsHistorySeries *ops_history_host_series_query     (sqlite3              *db,
                                                      gint64                check_id,
                                                      OpsHostMetric         metric,
                                                      gint64                from_usec,
                                                      gint64                to_usec,
                                                      GError              **error);
const char       *ops_host_metric_get_detail_key     (OpsHostMetric         metric);
OpsHistoryResolution ops_history_pick_resolution     (gint64                from_usec,
                                                      gint64                to_usec);
gboolean          ops_history_uptime_query           (sqlite3              *db,
                                                      gint64                check_id,
                                                      gint64                from_usec,
                                                      gint64                to_usec,
                                                      double               *uptime,
                                                      GError              **error);
GPtrArray        *ops_history_samples_query          (sqlite3              *db,
                                                      gint64                check_id,
                                                      gint64                since_usec,
                                                      guint                 limit,
                                                      GError              **error);
GHashTable       *ops_history_uptime_24h_all         (sqlite3              *db,
                                                      gint64                now_usec,
                                                      GError              **error);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsHistorySeries, ops_history_series_unref)

G_END_DECLS
