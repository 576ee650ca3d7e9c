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
  g_return_if_fail (OPS_IS_HISTORY (self));
  g_return_if_fail (metric < OPS_HOST_N_METRICS);

  _ops_history_run_query (self, ops_history_query_host_series_async, check_id, from_usec, to_usec,
                          0, metric, cancellable, callback, user_data);
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
