/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <sqlite3.h>

#include "ops-history.h"

G_BEGIN_DECLS

/* One raw sample, copied out of a result on the main thread so that the
 * writer's thread touches no GObject. */
typedef struct
{
  gint64 check_id;
  gint64 time;
  gint64 latency_us;
  gint64 dns_us;
  gint64 connect_us;
  gint64 tls_us;
  gint64 first_byte_us;
  gint64 download_us;
  char   *error;
  double *host; /* OPS_HOST_N_METRICS figures, NAN for none; or NULL */
  guint8  status;
  guint8  state;
} OpsHistoryRow;

typedef struct _OpsHistoryWriter OpsHistoryWriter;

/* Rollup periods in seconds, as stored in the `resolution` columns. */
#define OPS_HISTORY_HOURLY_S 3600
#define OPS_HISTORY_DAILY_S  86400

/* What one maintenance pass did. */
typedef struct
{
  guint64  samples_deleted;
  guint64  rollups_deleted;
  guint64  host_samples_deleted;
  guint64  host_rollups_deleted;
  guint    rollups_finalized;
  guint    checks_purged;
  gboolean more; /* stopped at its limit: there is more to do */
} OpsHistoryMaintenance;

/* Rows deleted per transaction, and transactions per pass. */
#define OPS_HISTORY_DELETE_BATCH   2000
#define OPS_HISTORY_DELETE_BATCHES 200
#define OPS_HISTORY_ROLLUP_DAYS    365

/* The history object, shared by ops-history.c (writing, maintenance)
 * and ops-history-query.c (queries). */
struct _OpsHistory
{
  GObject parent_instance;

  /* Owned */
  OpsStore         *store;
  GArray           *pending;  /* OpsHistoryRow */
  GPtrArray        *waiters;  /* GTask, for the next flush */
  sqlite3          *write_db; /* guarded by write_lock */
  OpsHistoryWriter *writer;   /* guarded by write_lock */
  sqlite3          *read_db;  /* guarded by read_lock */
  GCancellable     *cancellable;
  GMutex            write_lock;
  GMutex            read_lock;

  guint    flush_source;
  guint    maintenance_source;
  guint    batch_interval_ms;
  guint64  rows_written;
  gboolean flushing;
  gboolean maintaining;
  gboolean dropped_warned;
};

/* clang-format off */
void              _ops_history_row_init_from_result (OpsHistoryRow        *row,
                                                     OpsCheckResult       *result,
                                                     OpsHealthStatus       state);
void              _ops_history_row_clear            (OpsHistoryRow        *row);

OpsHistoryWriter *_ops_history_writer_new           (sqlite3              *db);
void              _ops_history_writer_free          (OpsHistoryWriter     *writer);
gboolean          _ops_history_writer_write         (OpsHistoryWriter     *writer,
                                                     const OpsHistoryRow  *rows,
                                                     guint                 n_rows,
                                                     GError              **error);

gboolean          _ops_history_maintain             (sqlite3              *db,
                                                     gint64                now_usec,
                                                     guint                 retention_days,
                                                     guint                 batch_size,
                                                     guint                 max_batches,
                                                     OpsHistoryMaintenance *done,
                                                     GError              **error);
gint64            _ops_history_period_start         (gint64                time_usec,
                                                     gint64                period_usec);

OpsHistorySeries *_ops_history_series_new           (OpsHistoryResolution  resolution);
void              _ops_history_series_append        (OpsHistorySeries     *series,
                                                     gint64                time,
                                                     double                value,
                                                     double                minimum,
                                                     double                maximum,
                                                     double                p95,
                                                     guint8                status,
                                                     guint32               count,
                                                     guint32               failures);
OpsHistorySeries *_ops_history_series_seal          (OpsHistorySeries     *series);
gboolean          _ops_history_query_failed         (GError              **error,
                                                     sqlite3              *db,
                                                     int                   rc);
void              _ops_history_run_query            (OpsHistory           *self,
                                                     gpointer              tag,
                                                     gint64                check_id,
                                                     gint64                from,
                                                     gint64                to,
                                                     guint                 limit,
                                                     OpsHostMetric         metric,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsHistoryWriter, _ops_history_writer_free)

G_END_DECLS
