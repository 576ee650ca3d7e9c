/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-history"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ops-history-private.h"

/*
 * Reading the history: series for charts (raw samples for a day or less,
 * hourly rollups up to 60 days, daily ones beyond, so a 30-day chart reads
 * 720 rows), uptime over any window, and the latest raw samples.
 */

#define RAW_MAX_SPAN    OPS_HISTORY_DAY_USEC
#define HOURLY_MAX_SPAN (60 * OPS_HISTORY_DAY_USEC)

G_DEFINE_BOXED_TYPE (OpsHistorySeries, ops_history_series, ops_history_series_ref, ops_history_series_unref)

enum
{
  COL_TIMES,
  COL_VALUES,
  COL_MINIMUMS,
  COL_MAXIMUMS,
  COL_P95S,
  COL_STATUSES,
  COL_COUNTS,
  COL_FAILURES,
};

OpsHistorySeries *
_ops_history_series_new (OpsHistoryResolution resolution)
{
  OpsHistorySeries *series = g_new0 (OpsHistorySeries, 1);

  g_atomic_ref_count_init (&series->ref_count);
  series->resolution = resolution;
  series->storage[COL_TIMES] = g_array_new (FALSE, FALSE, sizeof (gint64));
  series->storage[COL_VALUES] = g_array_new (FALSE, FALSE, sizeof (double));
  series->storage[COL_MINIMUMS] = g_array_new (FALSE, FALSE, sizeof (double));
  series->storage[COL_MAXIMUMS] = g_array_new (FALSE, FALSE, sizeof (double));
  series->storage[COL_P95S] = g_array_new (FALSE, FALSE, sizeof (double));
  series->storage[COL_STATUSES] = g_array_new (FALSE, FALSE, sizeof (guint8));
  series->storage[COL_COUNTS] = g_array_new (FALSE, FALSE, sizeof (guint32));
  series->storage[COL_FAILURES] = g_array_new (FALSE, FALSE, sizeof (guint32));

  return series;
}

void
_ops_history_series_append (OpsHistorySeries *series,
                            gint64           time,
                            double           value,
                            double           minimum,
                            double           maximum,
                            double           p95,
                            guint8           status,
                            guint32          count,
                            guint32          failures)
{
  g_array_append_val (series->storage[COL_TIMES], time);
  g_array_append_val (series->storage[COL_VALUES], value);
  g_array_append_val (series->storage[COL_MINIMUMS], minimum);
  g_array_append_val (series->storage[COL_MAXIMUMS], maximum);
  g_array_append_val (series->storage[COL_P95S], p95);
  g_array_append_val (series->storage[COL_STATUSES], status);
  g_array_append_val (series->storage[COL_COUNTS], count);
  g_array_append_val (series->storage[COL_FAILURES], failures);
}

/* Points the public members at the arrays once they are complete. */
OpsHistorySeries *
_ops_history_series_seal (OpsHistorySeries *series)
{
  series->n_points = series->storage[COL_TIMES]->len;
  series->times = (gint64 *)(gpointer)series->storage[COL_TIMES]->data;
  series->values = (double *)(gpointer)series->storage[COL_VALUES]->data;
  series->minimums = (double *)(gpointer)series->storage[COL_MINIMUMS]->data;
  series->maximums = (double *)(gpointer)series->storage[COL_MAXIMUMS]->data;
  series->p95s = (double *)(gpointer)series->storage[COL_P95S]->data;
  series->statuses = (guint8 *)series->storage[COL_STATUSES]->data;
  series->counts = (guint32 *)(gpointer)series->storage[COL_COUNTS]->data;
  series->failures = (guint32 *)(gpointer)series->storage[COL_FAILURES]->data;

  return series;
}

OpsHistorySeries *
ops_history_series_ref (OpsHistorySeries *series)
{
  g_return_val_if_fail (series != NULL, NULL);

  g_atomic_ref_count_inc (&series->ref_count);
  return series;
}

void
ops_history_series_unref (OpsHistorySeries *series)
{
  g_return_if_fail (series != NULL);

  if (!g_atomic_ref_count_dec (&series->ref_count))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (series->storage); i++)
    g_clear_pointer (&series->storage[i], g_array_unref);
  g_free (series);
}

/**
 * ops_history_pick_resolution:
 * @from_usec: the start of the range
 * @to_usec: its end
 *
 * Returns: raw samples for a day or less, hourly rollups up to 60 days,
 *   daily ones beyond
 */
OpsHistoryResolution
ops_history_pick_resolution (gint64 from_usec,
                             gint64 to_usec)
{
  gint64 span = to_usec - from_usec;

  if (span <= RAW_MAX_SPAN)
    return OPS_HISTORY_RAW;
  if (span <= HOURLY_MAX_SPAN)
    return OPS_HISTORY_HOURLY;
  return OPS_HISTORY_DAILY;
}

gboolean
_ops_history_query_failed (GError **error,
                           sqlite3 *db,
                           int      rc)
{
  return ops_store_set_error_from_sqlite (error, db, rc, _("Could not read the check history"));
}

static double
column_double_or_nan (sqlite3_stmt *stmt,
                      int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

static guint8
period_status (gint64 count,
               gint64 failures)
{
  if (count == 0)
    return OPS_HEALTH_STATUS_UNKNOWN;
  if (failures >= count)
    return OPS_HEALTH_STATUS_DOWN;
  if (failures > 0)
    return OPS_HEALTH_STATUS_DEGRADED;
  return OPS_HEALTH_STATUS_HEALTHY;
}

/**
 * ops_history_series_query:
 * @db: a connection of the calling thread
 * @check_id: a check
 * @from_usec: the start of the range, µs since 1970
 * @to_usec: its end
 * @error: return location for a #GError
 *
 * Reads the points of a chart at the resolution
 * ops_history_pick_resolution() picks. A period is included when it
 * starts in the range or holds @from_usec.
 *
 * Returns: (transfer full): the series, or %NULL
 */
OpsHistorySeries *
ops_history_series_query (sqlite3 *db,
                          gint64   check_id,
                          gint64   from_usec,
                          gint64   to_usec,
                          GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(OpsHistorySeries) series = NULL;
  OpsHistoryResolution resolution = ops_history_pick_resolution (from_usec, to_usec);
  int                  rc;

  g_return_val_if_fail (db != NULL, NULL);

  series = _ops_history_series_new (resolution);

  if (resolution == OPS_HISTORY_RAW)
    {
      rc = sqlite3_prepare_v2 (db,
                               "SELECT time, status, latency_us FROM health_samples "
                               "WHERE check_id = ?1 AND time >= ?2 AND time < ?3 ORDER BY time",
                               -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _ops_history_query_failed (error, db, rc);
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, check_id);
      sqlite3_bind_int64 (stmt, 2, from_usec);
      sqlite3_bind_int64 (stmt, 3, to_usec);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          guint8 status = sqlite3_column_int (stmt, 1);
          double value = status != OPS_HEALTH_STATUS_DOWN && sqlite3_column_type (stmt, 2) != SQLITE_NULL
                             ? sqlite3_column_int64 (stmt, 2) / 1000.0
                             : NAN;

          _ops_history_series_append (series, sqlite3_column_int64 (stmt, 0), value, value, value,
                                      value, status, 1, status == OPS_HEALTH_STATUS_DOWN);
        }
    }
  else
    {
      gint64 period = resolution == OPS_HISTORY_HOURLY ? OPS_HISTORY_HOUR_USEC
                                                       : OPS_HISTORY_DAY_USEC;

      rc = sqlite3_prepare_v2 (db,
                               "SELECT start, count, failures, latency_count, latency_min, "
                               "latency_max, latency_sum, latency_p95 FROM health_rollups "
                               "WHERE check_id = ?1 AND resolution = ?2 AND start >= ?3 "
                               "AND start < ?4 ORDER BY start",
                               -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        {
          _ops_history_query_failed (error, db, rc);
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, check_id);
      sqlite3_bind_int64 (stmt, 2, period / G_USEC_PER_SEC);
      sqlite3_bind_int64 (stmt, 3, _ops_history_period_start (from_usec, period));
      sqlite3_bind_int64 (stmt, 4, to_usec);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 count = sqlite3_column_int64 (stmt, 1);
          gint64 failures = sqlite3_column_int64 (stmt, 2);
          gint64 latency_count = sqlite3_column_int64 (stmt, 3);
          double average = latency_count > 0 ? sqlite3_column_double (stmt, 6) / latency_count : NAN;

          _ops_history_series_append (series, sqlite3_column_int64 (stmt, 0), average,
                                      column_double_or_nan (stmt, 4),
                                      column_double_or_nan (stmt, 5),
                                      column_double_or_nan (stmt, 7),
                                      period_status (count, failures), (guint32)count,
                                      (guint32)failures);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _ops_history_query_failed (error, db, rc);
      return NULL;
    }

  return _ops_history_series_seal (g_steal_pointer (&series));
}

static gboolean
count_raw (sqlite3 *db,
           gint64   check_id,
           gint64   from_usec,
           gint64   to_usec,
           gint64  *count,
           gint64  *failures,
           GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (from_usec >= to_usec)
    return TRUE;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT count(*), total(status = 3) FROM health_samples "
                           "WHERE check_id = ?1 AND time >= ?2 AND time < ?3 AND status != 0",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _ops_history_query_failed (error, db, rc);

  sqlite3_bind_int64 (stmt, 1, check_id);
  sqlite3_bind_int64 (stmt, 2, from_usec);
  sqlite3_bind_int64 (stmt, 3, to_usec);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return _ops_history_query_failed (error, db, rc);

  *count += sqlite3_column_int64 (stmt, 0);
  *failures += sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/**
 * ops_history_uptime_query:
 * @db: a connection of the calling thread
 * @check_id: a check
 * @from_usec: the start of the window
 * @to_usec: its end
 * @uptime: (out): percent of probes that did not fail, or -1 without any
 * @error: return location for a #GError
 *
 * Whole hours inside the window come from the hourly rollups; the partial
 * hours at its edges from the raw samples, so that the figure is exact
 * while raw samples are kept.
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
ops_history_uptime_query (sqlite3 *db,
                          gint64   check_id,
                          gint64   from_usec,
                          gint64   to_usec,
                          double  *uptime,
                          GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 first_hour = _ops_history_period_start (from_usec + OPS_HISTORY_HOUR_USEC - 1,
                                                 OPS_HISTORY_HOUR_USEC);
  gint64 last_hour = _ops_history_period_start (to_usec, OPS_HISTORY_HOUR_USEC);
  gint64 count = 0, failures = 0;
  int    rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (uptime != NULL, FALSE);

  if (first_hour >= last_hour)
    {
      if (!count_raw (db, check_id, from_usec, to_usec, &count, &failures, error))
        return FALSE;
    }
  else
    {
      if (!count_raw (db, check_id, from_usec, first_hour, &count, &failures, error) ||
          !count_raw (db, check_id, last_hour, to_usec, &count, &failures, error))
        return FALSE;

      rc = sqlite3_prepare_v2 (db,
                               "SELECT total(count), total(failures) FROM health_rollups "
                               "WHERE check_id = ?1 AND resolution = 3600 AND start >= ?2 "
                               "AND start < ?3",
                               -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        return _ops_history_query_failed (error, db, rc);
      sqlite3_bind_int64 (stmt, 1, check_id);
      sqlite3_bind_int64 (stmt, 2, first_hour);
      sqlite3_bind_int64 (stmt, 3, last_hour);
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        return _ops_history_query_failed (error, db, rc);
      count += sqlite3_column_int64 (stmt, 0);
      failures += sqlite3_column_int64 (stmt, 1);
    }

  *uptime = count > 0 ? 100.0 * (count - failures) / count : -1;
  return TRUE;
}

/**
 * ops_history_samples_query:
 * @db: a connection of the calling thread
 * @check_id: a check
 * @since_usec: the oldest time to include
 * @limit: at most this many, the newest first; 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type OpsCheckResult): the raw samples
 *   as results (status, timing, error), the newest first
 */
GPtrArray *
ops_history_samples_query (sqlite3 *db,
                           gint64   check_id,
                           gint64   since_usec,
                           guint    limit,
                           GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT time, status, latency_us, dns_us, connect_us, tls_us, "
                           "first_byte_us, download_us, error FROM health_samples "
                           "WHERE check_id = ?1 AND time >= ?2 ORDER BY time DESC LIMIT ?3",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _ops_history_query_failed (error, db, rc);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, check_id);
  sqlite3_bind_int64 (stmt, 2, since_usec);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64)limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OpsCheckResult *result = ops_check_result_new (check_id, sqlite3_column_int64 (stmt, 0));
      OpsProbeTiming  timing = OPS_PROBE_TIMING_INIT;
      gint64         *fields[] = { &timing.total_us, &timing.dns_us, &timing.connect_us,
                                   &timing.tls_us, &timing.first_byte_us, &timing.download_us };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        if (sqlite3_column_type (stmt, 2 + i) != SQLITE_NULL)
          *fields[i] = sqlite3_column_int64 (stmt, 2 + i);

      ops_check_result_set_status (result, sqlite3_column_int (stmt, 1));
      ops_check_result_set_timing (result, &timing);
      ops_check_result_set_error (result, (const char *)sqlite3_column_text (stmt, 8));
      g_ptr_array_add (results, result);
    }

  if (rc != SQLITE_DONE)
    {
      _ops_history_query_failed (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&results);
}

/**
 * ops_history_uptime_24h_all:
 * @db: a connection of the calling thread
 * @now_usec: now
 * @error: return location for a #GError
 *
 * The 24-hour uptime of every check from the hourly rollups alone (the
 * last 24 whole hours and the current one): cheap enough to refresh every
 * few minutes for thousands of checks.
 *
 * Returns: (transfer full) (element-type gint64 double): check id (a
 *   pointer to a gint64) → uptime in percent (a pointer to a double);
 *   checks without data are left out
 */
GHashTable *
ops_history_uptime_24h_all (sqlite3 *db,
                            gint64   now_usec,
                            GError **error)
{
  g_autoptr(sqlite3_stmt) ids = NULL;
  g_autoptr(sqlite3_stmt) sums = NULL;
  g_autoptr(GHashTable) uptimes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          g_free);
  gint64 since = _ops_history_period_start (now_usec, OPS_HISTORY_HOUR_USEC) - 24 * OPS_HISTORY_HOUR_USEC;
  int    rc;

  rc = sqlite3_prepare_v2 (db, "SELECT id FROM health_checks WHERE removed_at IS NULL", -1, &ids,
                           NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT total(count), total(failures) FROM health_rollups "
                             "WHERE check_id = ?1 AND resolution = 3600 AND start >= ?2",
                             -1, &sums, NULL);
  if (rc != SQLITE_OK)
    {
      _ops_history_query_failed (error, db, rc);
      return NULL;
    }

  while ((rc = sqlite3_step (ids)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (ids, 0);
      double count, failures;

      sqlite3_reset (sums);
      sqlite3_bind_int64 (sums, 1, id);
      sqlite3_bind_int64 (sums, 2, since);
      if (sqlite3_step (sums) != SQLITE_ROW)
        continue;

      count = sqlite3_column_double (sums, 0);
      failures = sqlite3_column_double (sums, 1);
      if (count > 0)
        g_hash_table_insert (uptimes, g_memdup2 (&id, sizeof id),
                             g_memdup2 (&(double){ 100.0 * (count - failures) / count },
                                        sizeof (double)));
    }

  if (rc != SQLITE_DONE)
    {
      _ops_history_query_failed (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&uptimes);
}

/* The same queries on a thread, with a connection of the history's own. */

typedef struct
{
  gint64        check_id;
  gint64        from;
  gint64        to;
  guint         limit;
  OpsHostMetric metric;
} QueryData;

static sqlite3 *
lock_reader (OpsHistory *self,
             GError    **error)
{
  g_mutex_lock (&self->read_lock);
  if (self->read_db == NULL)
    self->read_db = ops_store_open_connection (self->store, error);
  if (self->read_db == NULL)
    g_mutex_unlock (&self->read_lock);

  return self->read_db;
}

static void
query_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  OpsHistory *self = source_object;
  QueryData  *data = task_data;
  g_autoptr(GError) error = NULL;
  gpointer tag = g_task_get_source_tag (task);
  sqlite3 *db;

  db = lock_reader (self, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (tag == ops_history_query_series_async)
    {
      OpsHistorySeries *series = ops_history_series_query (db, data->check_id, data->from,
                                                           data->to, &error);

      if (series != NULL)
        g_task_return_pointer (task, series, (GDestroyNotify)ops_history_series_unref);
    }
  else if (tag == ops_history_query_uptime_async)
    {
      static const gint64 windows[] = { 1, 7, 30 };
      double              values[3];
      guint               i;

      for (i = 0; i < G_N_ELEMENTS (windows); i++)
        if (!ops_history_uptime_query (db, data->check_id,
                                       data->to - windows[i] * OPS_HISTORY_DAY_USEC, data->to,
                                       &values[i], &error))
          break;

      if (i == G_N_ELEMENTS (windows))
        {
          OpsUptime uptime = { values[0], values[1], values[2] };

          g_task_return_pointer (task, g_memdup2 (&uptime, sizeof uptime), g_free);
        }
    }
  else if (tag == ops_history_query_host_series_async)
    {
      OpsHistorySeries *series = ops_history_host_series_query (db, data->check_id, data->metric,
                                                                data->from, data->to, &error);

      if (series != NULL)
        g_task_return_pointer (task, series, (GDestroyNotify)ops_history_series_unref);
    }
  else if (tag == ops_history_query_uptime_24h_all_async)
    {
      GHashTable *uptimes = ops_history_uptime_24h_all (db, data->to, &error);

      if (uptimes != NULL)
        g_task_return_pointer (task, uptimes, (GDestroyNotify)g_hash_table_unref);
    }
  else
    {
      GPtrArray *samples = ops_history_samples_query (db, data->check_id, data->from,
                                                      data->limit, &error);

      if (samples != NULL)
        g_task_return_pointer (task, samples, (GDestroyNotify)g_ptr_array_unref);
    }

  g_mutex_unlock (&self->read_lock);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Runs the query that @tag names on a thread; @metric is for host
 * series only. */
void
_ops_history_run_query (OpsHistory         *self,
                        gpointer            tag,
                        gint64              check_id,
                        gint64              from,
                        gint64              to,
                        guint               limit,
                        OpsHostMetric       metric,
                        GCancellable       *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  QueryData *data = g_new0 (QueryData, 1);

  data->check_id = check_id;
  data->from = from;
  data->to = to;
  data->limit = limit;
  data->metric = metric;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, data, g_free);
  g_task_run_in_thread (task, query_worker);
}

/**
 * ops_history_query_series_async:
 * @self: the history
 * @check_id: a check
 * @from_usec: the start of the range, µs since 1970
 * @to_usec: its end
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the series
 * @user_data: data for @callback
 *
 * Reads the points of a chart (see ops_history_series_query()).
 */
void
ops_history_query_series_async (OpsHistory         *self,
                                gint64              check_id,
                                gint64              from_usec,
                                gint64              to_usec,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_return_if_fail (OPS_IS_HISTORY (self));

  _ops_history_run_query (self, ops_history_query_series_async, check_id, from_usec, to_usec, 0, 0,
                          cancellable, callback, user_data);
}

/**
 * ops_history_query_series_finish:
 *
 * Returns: (transfer full): the series, or %NULL
 */
OpsHistorySeries *
ops_history_query_series_finish (OpsHistory   *self,
                                 GAsyncResult *result,
                                 GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ops_history_query_uptime_async:
 * @self: the history
 * @check_id: a check
 * @now_usec: the end of the windows
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the uptime over 24 hours, 7 days and 30 days
 * @user_data: data for @callback
 */
void
ops_history_query_uptime_async (OpsHistory         *self,
                                gint64              check_id,
                                gint64              now_usec,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_return_if_fail (OPS_IS_HISTORY (self));

  _ops_history_run_query (self, ops_history_query_uptime_async, check_id, 0, now_usec, 0, 0,
                          cancellable, callback, user_data);
}

gboolean
ops_history_query_uptime_finish (OpsHistory   *self,
                                 GAsyncResult *result,
                                 OpsUptime    *uptime,
                                 GError      **error)
{
  g_autofree OpsUptime *value = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (uptime != NULL, FALSE);

  value = g_task_propagate_pointer (G_TASK (result), error);
  if (value == NULL)
    return FALSE;

  *uptime = *value;
  return TRUE;
}

/**
 * ops_history_query_samples_async:
 * @self: the history
 * @check_id: a check
 * @since_usec: the oldest time to include
 * @limit: at most this many, the newest first; 0 for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the samples
 * @user_data: data for @callback
 */
void
ops_history_query_samples_async (OpsHistory         *self,
                                 gint64              check_id,
                                 gint64              since_usec,
                                 guint               limit,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_return_if_fail (OPS_IS_HISTORY (self));

  _ops_history_run_query (self, ops_history_query_samples_async, check_id, since_usec, 0, limit, 0,
                          cancellable, callback, user_data);
}

/**
 * ops_history_query_samples_finish:
 *
 * Returns: (transfer full) (element-type OpsCheckResult): the samples, the
 *   newest first, or %NULL
 */
GPtrArray *
ops_history_query_samples_finish (OpsHistory   *self,
                                  GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ops_history_query_uptime_24h_all_async:
 * @self: the history
 * @now_usec: now
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the uptimes
 * @user_data: data for @callback
 *
 * The 24-hour uptime of every check, from the hourly rollups (see
 * ops_history_uptime_24h_all()).
 */
void
ops_history_query_uptime_24h_all_async (OpsHistory         *self,
                                        gint64              now_usec,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data)
{
  g_return_if_fail (OPS_IS_HISTORY (self));

  _ops_history_run_query (self, ops_history_query_uptime_24h_all_async, 0, 0, now_usec, 0, 0,
                          cancellable, callback, user_data);
}

/**
 * ops_history_query_uptime_24h_all_finish:
 *
 * Returns: (transfer full): check id → uptime, as
 *   ops_history_uptime_24h_all() gives them, or %NULL
 */
GHashTable *
ops_history_query_uptime_24h_all_finish (OpsHistory   *self,
                                         GAsyncResult *result,
                                         GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
