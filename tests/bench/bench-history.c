/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

/*
 * The history's speed: samples written per second (batches of 10,000, one
 * transaction each, rollups kept current), and the chart queries of a
 * check probed every minute for 30 days: 30 days (hourly rollups), 24
 * hours (raw samples) and the 30-day uptime. Then the same for Prometheus
 * results, each with its six host figures (rows and rollups of their own,
 * in the same transactions): results written per second, and a figure's
 * 30-day and 1-hour charts.
 *
 *   bench-history [--samples 1000000] [--host-results 200000]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "health/ops-check-list-private.h"
#include "health/ops-history-private.h"

#define N_CHECKS 100
#define BATCH    10000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* Runs @query @n times; prints the median and the slowest. */
static void
time_query (const char *what,
            void (*query) (sqlite3 *db, gint64 id, gint64 now),
            sqlite3 *db,
            gint64   id,
            gint64   now,
            guint    n)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      query (db, id, now);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_array_sort (times, compare_doubles);
  g_print ("  %s: median %.2f ms, slowest %.2f ms (%u runs)\n", what,
           g_array_index (times, double, n / 2), g_array_index (times, double, n - 1), n);
  g_print ("RESULT query=%s median_ms=%.3f max_ms=%.3f\n", what, g_array_index (times, double, n / 2),
           g_array_index (times, double, n - 1));
}

static void
query_30_days (sqlite3 *db,
               gint64   id,
               gint64   now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsHistorySeries) series = ops_history_series_query (db, id, now - 30 * OPS_HISTORY_DAY_USEC,
                                                                  now, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (series->n_points, >=, 720);
}

static void
query_24_hours (sqlite3 *db,
                gint64   id,
                gint64   now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsHistorySeries) series = ops_history_series_query (db, id, now - OPS_HISTORY_DAY_USEC,
                                                                  now, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (series->n_points, >=, 1400);
}

static void
query_host_30_days (sqlite3 *db,
                    gint64   id,
                    gint64   now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsHistorySeries) series = ops_history_host_series_query (db, id, OPS_HOST_METRIC_CPU,
                                                                       now - 30 * OPS_HISTORY_DAY_USEC,
                                                                       now, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (series->n_points, >=, 720);
}

static void
query_host_1_hour (sqlite3 *db,
                   gint64   id,
                   gint64   now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsHistorySeries) series = ops_history_host_series_query (db, id, OPS_HOST_METRIC_CPU,
                                                                       now - OPS_HISTORY_HOUR_USEC,
                                                                       now, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (series->n_points, >=, 59);
}

/* Writes @n_samples results of @kind checks, the first every minute for
 * 30 days, the others spread over the same days; Prometheus results carry
 * their six host figures. Returns the first check's id. */
static gint64
write_samples (OpsStore         *store,
               OpsHistoryWriter *writer,
               OpsCheckKind      kind,
               gint64            n_samples,
               gint64            now)
{
  g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (OpsHistoryRow));
  g_autoptr(GError) error = NULL;
  gint64 ids[N_CHECKS];
  gint64 dense_step = 60 * G_USEC_PER_SEC;
  gint64 dense_samples = 30 * 24 * 60;
  gint64 sparse_step;
  gint64 written = 0, spent = 0;

  g_array_set_clear_func (batch, (GDestroyNotify)_ops_history_row_clear);

  for (guint i = 0; i < N_CHECKS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u", ops_check_kind_to_string (kind), i);
      g_autoptr(OpsCheck) check = ops_check_new (kind, name, "127.0.0.1:1");

      ids[i] = _ops_check_list_write_row (store, check, 0, FALSE, &error);
      g_assert_no_error (error);
    }

  /* Check 0: every minute for 30 days. The others share the rest, spread
   * over the same 30 days. */
  sparse_step = 30 * OPS_HISTORY_DAY_USEC / MAX ((n_samples - dense_samples) / (N_CHECKS - 1), 1);
  for (gint64 i = 0; i < n_samples; i++)
    {
      OpsHistoryRow row = { 0 };
      gint64        start;

      if (i < dense_samples)
        {
          row.check_id = ids[0];
          row.time = now - 30 * OPS_HISTORY_DAY_USEC + i * dense_step;
        }
      else
        {
          gint64 k = i - dense_samples;

          row.check_id = ids[1 + k % (N_CHECKS - 1)];
          row.time = now - 30 * OPS_HISTORY_DAY_USEC + (k / (N_CHECKS - 1)) * sparse_step;
        }
      row.status = i % 50 == 0 ? OPS_HEALTH_STATUS_DOWN : OPS_HEALTH_STATUS_HEALTHY;
      row.state = row.status;
      row.latency_us = 1000 + (i * 7919) % 50000;
      row.dns_us = row.connect_us = 100;
      row.tls_us = -1;
      row.first_byte_us = 800;
      row.download_us = 50;
      if (kind == OPS_CHECK_KIND_PROMETHEUS)
        {
          row.host = g_new (double, OPS_HOST_N_METRICS);
          for (guint m = 0; m < OPS_HOST_N_METRICS; m++)
            row.host[m] = (i * 31 + m * 17) % 100 + 0.5;
        }
      g_array_append_val (batch, row);

      if (batch->len == BATCH || i == n_samples - 1)
        {
          start = g_get_monotonic_time ();
          _ops_history_writer_write (writer, (OpsHistoryRow *)(gpointer)batch->data, batch->len,
                                     &error);
          spent += g_get_monotonic_time () - start;
          g_assert_no_error (error);
          written += batch->len;
          g_array_set_size (batch, 0);
        }
    }

  if (kind == OPS_CHECK_KIND_PROMETHEUS)
    {
      g_print ("history: %" G_GINT64_FORMAT " Prometheus results with %d host figures each, "
               "for %d checks over 30 days\n",
               written, OPS_HOST_N_METRICS, N_CHECKS);
      g_print ("  inserts: %.0f results/s, %.0f host figures/s (batches of %d, rollups included)\n",
               written / (spent / (double)G_USEC_PER_SEC),
               written * OPS_HOST_N_METRICS / (spent / (double)G_USEC_PER_SEC), BATCH);
      g_print ("RESULT host_results_per_s=%.0f\n", written / (spent / (double)G_USEC_PER_SEC));
    }
  else
    {
      g_print ("history: %" G_GINT64_FORMAT " samples for %d checks over 30 days\n", written,
               N_CHECKS);
      g_print ("  inserts: %.0f samples/s (batches of %d, rollups included)\n",
               written / (spent / (double)G_USEC_PER_SEC), BATCH);
      g_print ("RESULT inserts_per_s=%.0f\n", written / (spent / (double)G_USEC_PER_SEC));
    }

  return ids[0];
}

static void
query_uptime (sqlite3 *db,
              gint64   id,
              gint64   now)
{
  g_autoptr(GError) error = NULL;
  double uptime;

  ops_history_uptime_query (db, id, now - 30 * OPS_HISTORY_DAY_USEC, now, &uptime, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (uptime, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int                n_samples = 1000000;
  int                n_host_results = 200000;
  const GOptionEntry entries[] = {
    { "samples", 'n', 0, G_OPTION_ARG_INT, &n_samples, "How many samples to write", "N" },
    { "host-results", 0, 0, G_OPTION_ARG_INT, &n_host_results,
      "How many Prometheus results (with host figures) to write", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsHistoryWriter) writer = NULL;
  gint64   now = g_get_real_time ();
  gint64   id, host_id = 0;
  sqlite3 *db;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-history: %s\n", error->message);
      return 2;
    }

  dir = g_dir_make_tmp ("opsdeck-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "opsdeck.db", NULL);
  store = ops_store_open (path, &error);
  g_assert_no_error (error);

  db = ops_store_open_connection (store, &error);
  g_assert_no_error (error);
  writer = _ops_history_writer_new (db);

  id = write_samples (store, writer, OPS_CHECK_KIND_TCP, n_samples, now);
  if (n_host_results > 0)
    host_id = write_samples (store, writer, OPS_CHECK_KIND_PROMETHEUS, n_host_results, now);

  /* Close the hours and days, as maintenance does. */
  {
    OpsHistoryMaintenance done;
    gint64                start = g_get_monotonic_time ();
    guint                 passes = 0;

    do
      {
        _ops_history_maintain (db, now, 30, OPS_HISTORY_DELETE_BATCH, 1000, &done, &error);
        g_assert_no_error (error);
        passes++;
      }
    while (done.more);
    g_print ("  closing the rollups: %.0f ms (%u passes)\n",
             (g_get_monotonic_time () - start) / 1000.0, passes);
  }

  time_query ("30-days-hourly", query_30_days, db, id, now, 50);
  time_query ("24-hours-raw", query_24_hours, db, id, now, 50);
  time_query ("uptime-30-days", query_uptime, db, id, now, 50);
  if (host_id > 0)
    {
      time_query ("host-cpu-30-days-hourly", query_host_30_days, db, host_id, now, 50);
      time_query ("host-cpu-1-hour-raw", query_host_1_hour, db, host_id, now, 50);
    }

  g_clear_pointer (&writer, _ops_history_writer_free);
  sqlite3_close_v2 (db);
  g_clear_object (&store);
  {
    static const char *const files[] = { "opsdeck.db", "opsdeck.db-wal", "opsdeck.db-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *file = g_build_filename (dir, files[i], NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
