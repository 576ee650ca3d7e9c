/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-history"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ops-history-private.h"

/*
 * Writes batches of raw samples, and keeps the hourly and daily rollups of
 * the periods they fall in up to date (count, failures, latency min, max
 * and sum), in one transaction per batch with prepared statements. The
 * 95th percentile of a period is computed once the period is over (see
 * ops-history-maintenance.c). The host figures of Prometheus checks go in
 * the same transaction, one row per figure, with their own rollups (count,
 * minimum, maximum, total). Runs on the thread that owns the connection.
 */

struct _OpsHistoryWriter
{
  sqlite3      *db;
  sqlite3_stmt *insert_sample;
  sqlite3_stmt *upsert_rollup;
  sqlite3_stmt *insert_host;
  sqlite3_stmt *upsert_host_rollup;
  GHashTable   *periods; /* Period → Period, reused between batches */
};

/* A rollup period: of the check's probes (metric -1: count and failures,
 * latency_* of the latencies), or of one host figure (latency_* of its
 * values). */
typedef struct
{
  gint64 check_id;
  gint   metric;
  gint64 resolution; /* seconds */
  gint64 start;
  gint64 count;
  gint64 failures;
  gint64 latency_count;
  double latency_min;
  double latency_max;
  double latency_sum;
} Period;

static guint
period_hash (gconstpointer key)
{
  const Period *p = key;

  return (guint)(p->check_id * 2654435761u) ^ (guint)(p->start / G_USEC_PER_SEC) ^
         (guint)p->resolution ^ ((guint)(p->metric + 1) << 24);
}

static gboolean
period_equal (gconstpointer a,
              gconstpointer b)
{
  const Period *pa = a, *pb = b;

  return pa->check_id == pb->check_id && pa->metric == pb->metric &&
         pa->resolution == pb->resolution && pa->start == pb->start;
}

/* The start of the UTC period (hour, day) that holds @time_usec. */
gint64
_ops_history_period_start (gint64 time_usec,
                           gint64 period_usec)
{
  gint64 offset = time_usec % period_usec;

  if (offset < 0)
    offset += period_usec;

  return time_usec - offset;
}

void
_ops_history_row_init_from_result (OpsHistoryRow  *row,
                                   OpsCheckResult *result,
                                   OpsHealthStatus state)
{
  const OpsProbeTiming *timing = ops_check_result_get_timing (result);

  row->check_id = ops_check_result_get_check_id (result);
  row->time = ops_check_result_get_time (result);
  row->status = ops_check_result_get_status (result);
  row->state = state;
  row->latency_us = timing->total_us;
  row->dns_us = timing->dns_us;
  row->connect_us = timing->connect_us;
  row->tls_us = timing->tls_us;
  row->first_byte_us = timing->first_byte_us;
  row->download_us = timing->download_us;
  row->error = g_strdup (ops_check_result_get_error (result));
  row->host = NULL;

  /* Every Prometheus result with figures has a health score: one look-up
   * for the results of other kinds. */
  if (ops_check_result_get_detail_double (result,
                                          ops_host_metric_get_detail_key (OPS_HOST_METRIC_SCORE),
                                          &(double){ 0 }))
    {
      row->host = g_new (double, OPS_HOST_N_METRICS);
      for (guint m = 0; m < OPS_HOST_N_METRICS; m++)
        if (!ops_check_result_get_detail_double (result, ops_host_metric_get_detail_key (m),
                                                 &row->host[m]))
          row->host[m] = NAN;
    }
}

void
_ops_history_row_clear (OpsHistoryRow *row)
{
  g_clear_pointer (&row->error, g_free);
  g_clear_pointer (&row->host, g_free);
}

void
_ops_history_writer_free (OpsHistoryWriter *writer)
{
  if (writer == NULL)
    return;

  g_clear_pointer (&writer->insert_sample, sqlite3_finalize);
  g_clear_pointer (&writer->upsert_rollup, sqlite3_finalize);
  g_clear_pointer (&writer->insert_host, sqlite3_finalize);
  g_clear_pointer (&writer->upsert_host_rollup, sqlite3_finalize);
  g_clear_pointer (&writer->periods, g_hash_table_unref);
  g_free (writer);
}

/**
 * _ops_history_writer_new:
 * @db: a connection the writer may use from one thread at a time; it
 *   stays the caller's
 *
 * Returns: (transfer full) (nullable): a writer, or %NULL when the schema
 *   is missing
 */
OpsHistoryWriter *
_ops_history_writer_new (sqlite3 *db)
{
  g_autoptr(OpsHistoryWriter) writer = g_new0 (OpsHistoryWriter, 1);

  writer->db = db;
  writer->periods = g_hash_table_new_full (period_hash, period_equal, g_free, NULL);

  if (sqlite3_prepare_v3 (db,
                          "INSERT INTO health_samples (check_id, time, status, state, "
                          "latency_us, dns_us, connect_us, tls_us, first_byte_us, download_us, "
                          "error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                          -1, SQLITE_PREPARE_PERSISTENT, &writer->insert_sample, NULL) != SQLITE_OK ||
      sqlite3_prepare_v3 (db,
                          "INSERT INTO health_rollups (check_id, resolution, start, count, "
                          "failures, latency_count, latency_min, latency_max, latency_sum) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                          "ON CONFLICT (check_id, resolution, start) DO UPDATE SET "
                          "count = count + excluded.count, "
                          "failures = failures + excluded.failures, "
                          "latency_count = latency_count + excluded.latency_count, "
                          "latency_min = coalesce (min (latency_min, excluded.latency_min), "
                          "  latency_min, excluded.latency_min), "
                          "latency_max = coalesce (max (latency_max, excluded.latency_max), "
                          "  latency_max, excluded.latency_max), "
                          "latency_sum = latency_sum + excluded.latency_sum, "
                          "finalized = 0",
                          -1, SQLITE_PREPARE_PERSISTENT, &writer->upsert_rollup, NULL) != SQLITE_OK ||
      /* A figure already there (the same result twice) is not counted again. */
      sqlite3_prepare_v3 (db,
                          "INSERT OR IGNORE INTO health_host_samples "
                          "(check_id, metric, time, value) VALUES (?1, ?2, ?3, ?4)",
                          -1, SQLITE_PREPARE_PERSISTENT, &writer->insert_host, NULL) != SQLITE_OK ||
      sqlite3_prepare_v3 (db,
                          "INSERT INTO health_host_rollups (check_id, metric, resolution, start, "
                          "count, minimum, maximum, total) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                          "ON CONFLICT (check_id, metric, resolution, start) DO UPDATE SET "
                          "count = count + excluded.count, "
                          "minimum = min (minimum, excluded.minimum), "
                          "maximum = max (maximum, excluded.maximum), "
                          "total = total + excluded.total",
                          -1, SQLITE_PREPARE_PERSISTENT, &writer->upsert_host_rollup, NULL) != SQLITE_OK)
    {
      g_warning ("Could not prepare the history writer: %s", sqlite3_errmsg (db));
      return NULL;
    }

  return g_steal_pointer (&writer);
}

static void
bind_optional (sqlite3_stmt *stmt,
               int           index,
               gint64        value)
{
  if (value >= 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static Period *
lookup_period (OpsHistoryWriter *writer,
               gint64            check_id,
               gint              metric,
               gint64            time,
               gint64            resolution)
{
  Period  key = { check_id, metric, resolution, 0 };
  Period *period;

  key.start = _ops_history_period_start (time, resolution * G_USEC_PER_SEC);
  period = g_hash_table_lookup (writer->periods, &key);
  if (period == NULL)
    {
      period = g_memdup2 (&key, sizeof key);
      period->latency_min = INFINITY;
      period->latency_max = -INFINITY;
      g_hash_table_add (writer->periods, period);
    }

  return period;
}

static void
add_value (Period *period,
           double  value)
{
  period->latency_count++;
  period->latency_min = MIN (period->latency_min, value);
  period->latency_max = MAX (period->latency_max, value);
  period->latency_sum += value;
}

static void
add_to_period (OpsHistoryWriter    *writer,
               const OpsHistoryRow *row,
               gint64               resolution)
{
  Period *period = lookup_period (writer, row->check_id, -1, row->time, resolution);

  period->count++;
  if (row->status == OPS_HEALTH_STATUS_DOWN)
    period->failures++;
  else if (row->latency_us >= 0)
    add_value (period, row->latency_us / 1000.0);
}

/* The host figures of one result: a row each, and their periods. */
static int
write_host (OpsHistoryWriter    *writer,
            const OpsHistoryRow *row)
{
  sqlite3_stmt *stmt = writer->insert_host;
  int           rc = SQLITE_DONE;

  for (guint m = 0; m < OPS_HOST_N_METRICS && rc == SQLITE_DONE; m++)
    {
      if (isnan (row->host[m]))
        continue;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, row->check_id);
      sqlite3_bind_int (stmt, 2, m);
      sqlite3_bind_int64 (stmt, 3, row->time);
      sqlite3_bind_double (stmt, 4, row->host[m]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE && sqlite3_changes (writer->db) > 0)
        {
          add_value (lookup_period (writer, row->check_id, m, row->time, OPS_HISTORY_HOURLY_S),
                     row->host[m]);
          add_value (lookup_period (writer, row->check_id, m, row->time, OPS_HISTORY_DAILY_S),
                     row->host[m]);
        }
    }

  return rc;
}

static int
write_host_period (OpsHistoryWriter *writer,
                   const Period     *period)
{
  sqlite3_stmt *stmt = writer->upsert_host_rollup;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, period->check_id);
  sqlite3_bind_int (stmt, 2, period->metric);
  sqlite3_bind_int64 (stmt, 3, period->resolution);
  sqlite3_bind_int64 (stmt, 4, period->start);
  sqlite3_bind_int64 (stmt, 5, period->latency_count);
  sqlite3_bind_double (stmt, 6, period->latency_min);
  sqlite3_bind_double (stmt, 7, period->latency_max);
  sqlite3_bind_double (stmt, 8, period->latency_sum);
  return sqlite3_step (stmt);
}

static int
write_periods (OpsHistoryWriter *writer)
{
  GHashTableIter iter;
  Period        *period;
  int            rc = SQLITE_DONE;

  g_hash_table_iter_init (&iter, writer->periods);
  while (rc == SQLITE_DONE && g_hash_table_iter_next (&iter, (gpointer *)&period, NULL))
    {
      sqlite3_stmt *stmt = writer->upsert_rollup;

      if (period->metric >= 0)
        {
          rc = write_host_period (writer, period);
          continue;
        }

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, period->check_id);
      sqlite3_bind_int64 (stmt, 2, period->resolution);
      sqlite3_bind_int64 (stmt, 3, period->start);
      sqlite3_bind_int64 (stmt, 4, period->count);
      sqlite3_bind_int64 (stmt, 5, period->failures);
      sqlite3_bind_int64 (stmt, 6, period->latency_count);
      if (period->latency_count > 0)
        {
          sqlite3_bind_double (stmt, 7, period->latency_min);
          sqlite3_bind_double (stmt, 8, period->latency_max);
        }
      else
        {
          sqlite3_bind_null (stmt, 7);
          sqlite3_bind_null (stmt, 8);
        }
      sqlite3_bind_double (stmt, 9, period->latency_sum);
      rc = sqlite3_step (stmt);
    }

  return rc;
}

/**
 * _ops_history_writer_write:
 * @writer: a writer
 * @rows: samples
 * @n_rows: how many
 * @error: return location for a #GError
 *
 * Writes the samples and updates their rollups in one transaction: all of
 * them or, on error, none.
 *
 * Returns: %TRUE when written
 */
gboolean
_ops_history_writer_write (OpsHistoryWriter    *writer,
                           const OpsHistoryRow *rows,
                           guint                n_rows,
                           GError             **error)
{
  sqlite3_stmt *stmt = writer->insert_sample;
  int           rc;

  if (n_rows == 0)
    return TRUE;

  rc = sqlite3_exec (writer->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return ops_store_set_error_from_sqlite (error, writer->db, rc,
                                            _("Could not save the check results"));

  g_hash_table_remove_all (writer->periods);
  rc = SQLITE_DONE;
  for (guint i = 0; i < n_rows && rc == SQLITE_DONE; i++)
    {
      const OpsHistoryRow *row = &rows[i];

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, row->check_id);
      sqlite3_bind_int64 (stmt, 2, row->time);
      sqlite3_bind_int (stmt, 3, row->status);
      sqlite3_bind_int (stmt, 4, row->state);
      bind_optional (stmt, 5, row->latency_us);
      bind_optional (stmt, 6, row->dns_us);
      bind_optional (stmt, 7, row->connect_us);
      bind_optional (stmt, 8, row->tls_us);
      bind_optional (stmt, 9, row->first_byte_us);
      bind_optional (stmt, 10, row->download_us);
      if (row->error != NULL)
        sqlite3_bind_text (stmt, 11, row->error, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 11);
      rc = sqlite3_step (stmt);

      /* Unknown results (nothing measured) are kept raw but not counted. */
      if (row->status != OPS_HEALTH_STATUS_UNKNOWN)
        {
          add_to_period (writer, row, OPS_HISTORY_HOURLY_S);
          add_to_period (writer, row, OPS_HISTORY_DAILY_S);
        }
      if (rc == SQLITE_DONE && row->host != NULL)
        rc = write_host (writer, row);
    }
  sqlite3_clear_bindings (stmt);

  if (rc == SQLITE_DONE)
    rc = write_periods (writer);
  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (writer->db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      ops_store_set_error_from_sqlite (error, writer->db, rc,
                                       _("Could not save the check results"));
      sqlite3_exec (writer->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}
