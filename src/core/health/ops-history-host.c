/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-history"

#include "config.h"

#include <math.h>

#include "ops-history-private.h"

/*
 * Reading the host figures of Prometheus checks (CPU, memory, disk,
 * network, health score) for charts: raw figures or hourly or daily
 * rollups, chosen by ops_history_pick_resolution() as for latency.
 */

static const char *const detail_keys[OPS_HOST_N_METRICS] = {
  [OPS_HOST_METRIC_CPU] = "cpu_percent",
  [OPS_HOST_METRIC_MEMORY] = "memory_percent",
  [OPS_HOST_METRIC_DISK] = "disk_percent",
  [OPS_HOST_METRIC_RECEIVED] = "network_receive_bytes_per_second",
  [OPS_HOST_METRIC_SENT] = "network_transmit_bytes_per_second",
  [OPS_HOST_METRIC_SCORE] = "health_score",
};

/**
 * ops_host_metric_get_detail_key:
 * @metric: a host figure
 *
 * Returns: the key of the result detail (see
 *   ops_check_result_get_detail_double()) that holds it
 */
const char *
ops_host_metric_get_detail_key (OpsHostMetric metric)
{
  g_return_val_if_fail (metric < OPS_HOST_N_METRICS, NULL);

  return detail_keys[metric];
}

/**
 * ops_history_host_series_query:
 * @db: a connection of the calling thread
 * @check_id: a Prometheus check
 * @metric: which figure
 * @from_usec: the start of the range, µs since 1970
 * @to_usec: its end
 * @error: return location for a #GError
 *
 * Reads the points of a chart of one host figure at the resolution
 * ops_history_pick_resolution() picks: raw figures, or the average,
 * minimum and maximum of each hour or day (count: how many figures). A
 * period is included when it starts in the range or holds @from_usec.
 *
 * Returns: (transfer full): the series, or %NULL
 */
OpsHistorySeries *
ops_history_host_series_query (sqlite3      *db,
                               gint64        check_id,
                               OpsHostMetric metric,
                               gint64        from_usec,
                               gint64        to_usec,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(OpsHistorySeries) series = NULL;
  OpsHistoryResolution resolution = ops_history_pick_resolution (from_usec, to_usec);
  gint64               period = 0;
  int                  rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (metric < OPS_HOST_N_METRICS, NULL);

  series = _ops_history_series_new (resolution);

  if (resolution == OPS_HISTORY_RAW)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT time, value, value, value, 1 FROM health_host_samples "
                             "WHERE check_id = ?1 AND metric = ?2 AND time >= ?3 AND time < ?4 "
                             "ORDER BY time",
                             -1, &stmt, NULL);
  else
    {
      period = resolution == OPS_HISTORY_HOURLY ? OPS_HISTORY_HOUR_USEC : OPS_HISTORY_DAY_USEC;
      from_usec = _ops_history_period_start (from_usec, period);
      rc = sqlite3_prepare_v2 (db,
                               "SELECT start, total / count, minimum, maximum, count "
                               "FROM health_host_rollups WHERE check_id = ?1 AND metric = ?2 AND resolution = ?5 "
                               "AND start >= ?3 AND start < ?4 ORDER BY start",
                               -1, &stmt, NULL);
    }
  if (rc != SQLITE_OK)
    {
      _ops_history_query_failed (error, db, rc);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, check_id);
  sqlite3_bind_int (stmt, 2, metric);
  sqlite3_bind_int64 (stmt, 3, from_usec);
  sqlite3_bind_int64 (stmt, 4, to_usec);
  if (period > 0)
    sqlite3_bind_int64 (stmt, 5, period / G_USEC_PER_SEC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _ops_history_series_append (series, sqlite3_column_int64 (stmt, 0),
                                sqlite3_column_double (stmt, 1), sqlite3_column_double (stmt, 2),
                                sqlite3_column_double (stmt, 3), NAN, OPS_HEALTH_STATUS_UNKNOWN,
                                (guint32)sqlite3_column_int64 (stmt, 4), 0);

  if (rc != SQLITE_DONE)
    {
      _ops_history_query_failed (error, db, rc);
      return NULL;
    }

  return _ops_history_series_seal (g_steal_pointer (&series));
}

typedef struct
{
  gint64        check_id;
  OpsHostMetric metric;
  gint64        from;
  gint64        to;
} HostQuery;

static void
host_series_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  OpsHistory       *self = source_object;
  HostQuery        *query = task_data;
  OpsHistorySeries *series;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = _ops_history_lock_reader (self, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  series = ops_history_host_series_query (db, query->check_id, query->metric, query->from,
                                          query->to, &error);
  g_mutex_unlock (&self->read_lock);

  if (series != NULL)
    g_task_return_pointer (task, series, (GDestroyNotify)ops_history_series_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * ops_history_query_host_series_async:
 * @self: the history
 * @check_id: a Prometheus check
 * @metric: which figure
 * @from_usec: the start of the range, µs since 1970
 * @to_usec: its end
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the series
 * @user_data: data for @callback
 *
 * Reads the points of a chart of one host figure on a thread (see
 * ops_history_host_series_query()).
 */
void
ops_history_query_host_series_async (OpsHistory         *self,
                                     gint64              check_id,
                                     OpsHostMetric       metric,
                                     gint64              from_usec,
                                     gint64              to_usec,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  HostQuery *query;

  g_return_if_fail (OPS_IS_HISTORY (self));
  g_return_if_fail (metric < OPS_HOST_N_METRICS);

  query = g_new0 (HostQuery, 1);
  query->check_id = check_id;
  query->metric = metric;
  query->from = from_usec;
  query->to = to_usec;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_history_query_host_series_async);
  g_task_set_task_data (task, query, g_free);
  g_task_run_in_thread (task, host_series_worker);
}

/**
 * ops_history_query_host_series_finish:
 *
 * Returns: (transfer full): the series, or %NULL
 */
OpsHistorySeries *
ops_history_query_host_series_finish (OpsHistory   *self,
                                      GAsyncResult *result,
                                      GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
