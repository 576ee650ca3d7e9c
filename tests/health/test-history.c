/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <math.h>

#include "ops-test-history.h"
#include "store/ops-settings.h"

typedef OpsTestHistory Fixture;

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  g_assert_true (ops_history_flush_finish (OPS_HISTORY (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_batching (Fixture      *fixture,
               gconstpointer data)
{
  gboolean done = FALSE;

  for (guint i = 0; i < 2500; i++)
    {
      g_autoptr(OpsCheckResult) result = ops_check_result_new (fixture->check_id, NOW + i);

      ops_check_result_set_status (result, i % 10 == 0 ? OPS_HEALTH_STATUS_DOWN
                                                       : OPS_HEALTH_STATUS_HEALTHY);
      ops_check_result_set_total_us (result, 1000 + i);
      if (i % 10 == 0)
        ops_check_result_set_error (result, "connection refused");
      ops_history_append (fixture->history, result, OPS_HEALTH_STATUS_HEALTHY);
    }

  /* Queued, not written yet. */
  g_assert_cmpuint (ops_history_get_n_pending (fixture->history), ==, 2500);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT count(*) FROM health_samples"), ==, 0);

  ops_history_flush_async (fixture->history, NULL, flushed_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (ops_history_get_n_pending (fixture->history), ==, 0);
  g_assert_cmpuint (ops_history_get_rows_written (fixture->history), ==, 2500);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT count(*) FROM health_samples"), ==,
                   2500);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT count(*) FROM health_samples "
                                                    "WHERE error = 'connection refused'"),
                   ==, 250);
  /* The rollups were kept current in the same transaction. */
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT sum(count) FROM health_rollups "
                                        "WHERE resolution = 3600"),
                   ==, 2500);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT sum(failures) FROM health_rollups "
                                        "WHERE resolution = 86400"),
                   ==, 250);
}

static void
test_batch_timer (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(OpsCheckResult) result = ops_check_result_new (fixture->check_id, NOW);

  ops_history_set_batch_interval (fixture->history, 20);
  ops_check_result_set_status (result, OPS_HEALTH_STATUS_HEALTHY);
  ops_history_append (fixture->history, result, OPS_HEALTH_STATUS_HEALTHY);

  /* Written by the timer, without asking. */
  while (ops_history_get_rows_written (fixture->history) < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT count(*) FROM health_samples"), ==, 1);
}

static void
test_rollups (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (OpsHistoryRow));
  gint64                hour = _ops_history_period_start (NOW, OPS_HISTORY_HOUR_USEC) - 2 * OPS_HISTORY_HOUR_USEC;
  OpsHistoryMaintenance done;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* Hour one: latencies 1..100 ms and 5 failures. */
  for (guint i = 1; i <= 100; i++)
    {
      OpsHistoryRow row = ops_test_history_sample (fixture->check_id,
                                                   hour + i * 30 * G_USEC_PER_SEC,
                                                   OPS_HEALTH_STATUS_HEALTHY, i * 1000);

      g_array_append_val (rows, row);
    }
  for (guint i = 0; i < 5; i++)
    {
      OpsHistoryRow row = ops_test_history_sample (fixture->check_id, hour + i * G_USEC_PER_SEC,
                                  OPS_HEALTH_STATUS_DOWN, 10000000);

      g_array_append_val (rows, row);
    }
  /* Written in two batches, so that the upsert adds to the rows. */
  ops_test_history_write (fixture, (OpsHistoryRow *)(gpointer)rows->data, 50);
  ops_test_history_write (fixture, &g_array_index (rows, OpsHistoryRow, 50), rows->len - 50);

  g_assert_cmpint (ops_test_history_count (fixture, "SELECT count FROM health_rollups "
                                                    "WHERE resolution = 3600"),
                   ==, 105);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT failures FROM health_rollups "
                                        "WHERE resolution = 3600"),
                   ==, 5);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT latency_count FROM health_rollups "
                                        "WHERE resolution = 3600"),
                   ==, 100);
  /* Failed probes do not count in the latency. */
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT latency_max FROM health_rollups "
                                        "WHERE resolution = 3600"),
                   ==, 100);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT latency_min FROM health_rollups "
                                        "WHERE resolution = 3600"),
                   ==, 1);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT count(*) FROM health_rollups "
                                        "WHERE latency_p95 IS NOT NULL"),
                   ==, 0);

  /* The hour is over: maintenance computes its 95th percentile (the
   * nearest rank: the 95th of 100). The day is not over. */
  _ops_history_maintain (fixture->db, NOW, 30, 100, 10, &done, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (done.rollups_finalized, ==, 1);
  g_assert_false (done.more);

  stmt = ops_store_prepare (fixture->store,
                            "SELECT latency_p95, finalized, latency_sum FROM health_rollups "
                            "WHERE resolution = 3600",
                            &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpfloat_with_epsilon (sqlite3_column_double (stmt, 0), 95.0, 1e-9);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  g_assert_cmpfloat_with_epsilon (sqlite3_column_double (stmt, 2), 5050.0, 1e-9);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT finalized FROM health_rollups "
                                        "WHERE resolution = 86400"),
                   ==, 0);

  /* A late sample reopens the hour. */
  {
    OpsHistoryRow late = ops_test_history_sample (fixture->check_id, hour + 1,
                                                  OPS_HEALTH_STATUS_HEALTHY, 500);

    ops_test_history_write (fixture, &late, 1);
  }
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT finalized FROM health_rollups "
                                        "WHERE resolution = 3600"),
                   ==, 0);
}

static void
test_retention (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (OpsHistoryRow));
  gint64                other = ops_test_history_add_check (fixture, "db");
  OpsHistoryMaintenance done;
  g_autoptr(GError) error = NULL;

  /* 40 and 20 days old, for two checks; rollups 400 days old too. */
  for (guint i = 0; i < 50; i++)
    {
      OpsHistoryRow old = ops_test_history_sample (i % 2 ? other : fixture->check_id,
                                  NOW - 40 * OPS_HISTORY_DAY_USEC + i * MIN_USEC,
                                  OPS_HEALTH_STATUS_HEALTHY, 1000);
      OpsHistoryRow recent = ops_test_history_sample (fixture->check_id,
                                     NOW - 20 * OPS_HISTORY_DAY_USEC + i * MIN_USEC,
                                     OPS_HEALTH_STATUS_HEALTHY, 1000);
      OpsHistoryRow ancient = ops_test_history_sample (other,
                                                       NOW - 400 * OPS_HISTORY_DAY_USEC + i * MIN_USEC,
                                                       OPS_HEALTH_STATUS_HEALTHY, 1000);

      g_array_append_val (rows, old);
      g_array_append_val (rows, recent);
      g_array_append_val (rows, ancient);
    }
  ops_test_history_write (fixture, (OpsHistoryRow *)(gpointer)rows->data, rows->len);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT count(*) FROM health_samples"), ==,
                   150);

  /* Small batches and a small budget: the pass stops and says so. */
  _ops_history_maintain (fixture->db, NOW, 30, 10, 3, &done, &error);
  g_assert_no_error (error);
  g_assert_true (done.more);
  g_assert_cmpuint (done.samples_deleted, ==, 25);

  /* Further passes finish the job. */
  for (guint i = 0; i < 10 && done.more; i++)
    {
      _ops_history_maintain (fixture->db, NOW, 30, 10, 3, &done, &error);
      g_assert_no_error (error);
    }
  g_assert_false (done.more);

  /* Raw samples older than 30 days are gone, the 20-day-old ones stay. */
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT count(*) FROM health_samples"), ==, 50);
  g_assert_cmpint (ops_test_history_count_printf (fixture,
                                      "SELECT count(*) FROM health_samples WHERE time < %" G_GINT64_FORMAT,
                                      NOW - 30 * OPS_HISTORY_DAY_USEC),
                   ==, 0);
  /* Rollups stay a year: those of 40 days ago remain, those of 400 do not. */
  g_assert_cmpint (ops_test_history_count_printf (fixture,
                                      "SELECT count(*) FROM health_rollups WHERE start < %" G_GINT64_FORMAT,
                                      NOW - 365 * OPS_HISTORY_DAY_USEC),
                   ==, 0);
  g_assert_cmpint (ops_test_history_count_printf (fixture,
                                      "SELECT count(*) FROM health_rollups WHERE start < %" G_GINT64_FORMAT,
                                      NOW - 30 * OPS_HISTORY_DAY_USEC),
                   >, 0);
}

static void
test_removed_check_purged (Fixture      *fixture,
                           gconstpointer data)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (OpsHistoryRow));
  OpsCheck             *check = ops_check_list_find_by_id (fixture->checks, fixture->check_id);
  OpsHistoryMaintenance done;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 25; i++)
    {
      OpsHistoryRow row = ops_test_history_sample (fixture->check_id, NOW - i * MIN_USEC,
                                  OPS_HEALTH_STATUS_HEALTHY, 1000);

      g_array_append_val (rows, row);
    }
  ops_test_history_write (fixture, (OpsHistoryRow *)(gpointer)rows->data, rows->len);

  ops_check_list_remove (fixture->checks, check, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->checks)), ==, 0);
  /* The history stays until maintenance deletes it in batches. */
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT count(*) FROM health_samples"), ==, 25);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT count(*) FROM health_checks"), ==, 1);

  do
    {
      _ops_history_maintain (fixture->db, NOW, 30, 10, 2, &done, &error);
      g_assert_no_error (error);
    }
  while (done.more);

  g_assert_cmpint (ops_test_history_count (fixture, "SELECT count(*) FROM health_samples"), ==, 0);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT count(*) FROM health_rollups"), ==, 0);
  g_assert_cmpint (ops_test_history_count (fixture, "SELECT count(*) FROM health_checks"), ==, 0);
}

/* Uptime from rollups and raw edges equals counting every sample. */
static void
test_uptime (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (OpsHistoryRow));
  g_autoptr(GError) error = NULL;
  static const struct
  {
    gint64 from_ago;
    gint64 to_ago;
  } windows[] = {
    { 24 * 60, 0 },
    { 7 * 24 * 60, 0 },
    { 3 * 24 * 60 + 17, 45 },
    { 50, 10 },
    { 10, 0 },
  };
  double uptime;

  /* Three days of minutes: every 7th fails, every 11th is degraded (still
   * up), every 13th unknown (not counted). */
  for (gint64 m = 0; m < 3 * 24 * 60; m++)
    {
      OpsHealthStatus status = m % 7 == 0    ? OPS_HEALTH_STATUS_DOWN
                               : m % 13 == 0 ? OPS_HEALTH_STATUS_UNKNOWN
                               : m % 11 == 0 ? OPS_HEALTH_STATUS_DEGRADED
                                             : OPS_HEALTH_STATUS_HEALTHY;
      OpsHistoryRow   row = ops_test_history_sample (fixture->check_id, NOW - m * MIN_USEC - 1,
                                                     status, 2000);

      g_array_append_val (rows, row);
    }
  ops_test_history_write (fixture, (OpsHistoryRow *)(gpointer)rows->data, rows->len);

  for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
    {
      gint64 from = NOW - windows[w].from_ago * MIN_USEC;
      gint64 to = NOW - windows[w].to_ago * MIN_USEC;
      guint  count = 0, failures = 0;

      for (guint i = 0; i < rows->len; i++)
        {
          OpsHistoryRow *row = &g_array_index (rows, OpsHistoryRow, i);

          if (row->time < from || row->time >= to || row->status == OPS_HEALTH_STATUS_UNKNOWN)
            continue;
          count++;
          failures += row->status == OPS_HEALTH_STATUS_DOWN;
        }

      ops_history_uptime_query (fixture->db, fixture->check_id, from, to, &uptime, &error);
      g_assert_no_error (error);
      g_test_message ("window %u: %u samples, %u failures, uptime %f", w, count, failures, uptime);
      g_assert_cmpfloat_with_epsilon (uptime, 100.0 * (count - failures) / count, 1e-9);
    }

  /* No data: -1, not 0 % or 100 %. */
  ops_history_uptime_query (fixture->db, fixture->check_id, NOW + OPS_HISTORY_DAY_USEC,
                            NOW + 2 * OPS_HISTORY_DAY_USEC, &uptime, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (uptime, ==, -1);
}

static void
test_series (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (OpsHistoryRow));
  g_autoptr(OpsHistorySeries) raw = NULL;
  g_autoptr(OpsHistorySeries) hourly = NULL;
  g_autoptr(OpsHistorySeries) daily = NULL;
  g_autoptr(GError) error = NULL;

  gint64 down_hour = _ops_history_period_start (NOW, OPS_HISTORY_HOUR_USEC) - 5 * OPS_HISTORY_HOUR_USEC;

  /* Every 10 minutes for 40 days; down for one whole hour, 5 hours ago. */
  for (gint64 t = NOW - 40 * OPS_HISTORY_DAY_USEC; t < NOW; t += 10 * MIN_USEC)
    {
      gboolean      down = t >= down_hour && t < down_hour + OPS_HISTORY_HOUR_USEC;
      OpsHistoryRow row = ops_test_history_sample (fixture->check_id, t,
                                  down ? OPS_HEALTH_STATUS_DOWN : OPS_HEALTH_STATUS_HEALTHY,
                                  down ? -1 : 3000);

      g_array_append_val (rows, row);
    }
  ops_test_history_write (fixture, (OpsHistoryRow *)(gpointer)rows->data, rows->len);

  g_assert_cmpint (ops_history_pick_resolution (NOW - OPS_HISTORY_HOUR_USEC, NOW), ==,
                   OPS_HISTORY_RAW);
  g_assert_cmpint (ops_history_pick_resolution (NOW - 30 * OPS_HISTORY_DAY_USEC, NOW), ==,
                   OPS_HISTORY_HOURLY);
  g_assert_cmpint (ops_history_pick_resolution (NOW - 365 * OPS_HISTORY_DAY_USEC, NOW), ==,
                   OPS_HISTORY_DAILY);

  raw = ops_history_series_query (fixture->db, fixture->check_id, NOW - 12 * OPS_HISTORY_HOUR_USEC,
                                  NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw->resolution, ==, OPS_HISTORY_RAW);
  g_assert_cmpuint (raw->n_points, ==, 72);
  for (guint i = 1; i < raw->n_points; i++)
    g_assert_cmpint (raw->times[i], >, raw->times[i - 1]);
  g_assert_cmpfloat (raw->values[0], ==, 3.0);
  g_assert_cmpint (raw->statuses[38], ==, OPS_HEALTH_STATUS_HEALTHY);
  g_assert_cmpint (raw->statuses[39], ==, OPS_HEALTH_STATUS_DOWN);
  g_assert_cmpint (raw->times[39], ==, down_hour);
  g_assert_true (isnan (raw->values[39]));

  hourly = ops_history_series_query (fixture->db, fixture->check_id,
                                     NOW - 30 * OPS_HISTORY_DAY_USEC, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hourly->resolution, ==, OPS_HISTORY_HOURLY);
  g_assert_cmpuint (hourly->n_points, ==, 30 * 24 + 1);
  g_assert_cmpuint (hourly->counts[0], ==, 6);
  g_assert_cmpfloat (hourly->values[0], ==, 3.0);
  g_assert_cmpint (hourly->statuses[hourly->n_points - 6], ==, OPS_HEALTH_STATUS_DOWN);
  g_assert_true (isnan (hourly->values[hourly->n_points - 6]));

  daily = ops_history_series_query (fixture->db, fixture->check_id,
                                    NOW - 90 * OPS_HISTORY_DAY_USEC, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (daily->resolution, ==, OPS_HISTORY_DAILY);
  g_assert_cmpuint (daily->n_points, ==, 41);
  g_assert_cmpint (daily->statuses[daily->n_points - 1], ==, OPS_HEALTH_STATUS_DEGRADED);
}

static void
samples_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ops_history_query_samples_finish (OPS_HISTORY (object), result, &error);
  g_assert_no_error (error);
}

static void
test_samples (Fixture      *fixture,
              gconstpointer data)
{
  OpsHistoryRow rows[3] = {
    ops_test_history_sample (fixture->check_id, NOW - 3 * MIN_USEC, OPS_HEALTH_STATUS_HEALTHY,
                             1500),
    ops_test_history_sample (fixture->check_id, NOW - 2 * MIN_USEC, OPS_HEALTH_STATUS_DOWN, -1),
    ops_test_history_sample (fixture->check_id, NOW - 1 * MIN_USEC, OPS_HEALTH_STATUS_HEALTHY,
                             2500),
  };
  g_autoptr(GPtrArray) samples = NULL;
  OpsCheckResult *result;

  rows[1].error = (char *)"timed out after 10 s waiting for the first byte";
  rows[2].dns_us = 100;
  ops_test_history_write (fixture, rows, G_N_ELEMENTS (rows));

  ops_history_query_samples_async (fixture->history, fixture->check_id, NOW - 150 * G_USEC_PER_SEC,
                                   0, NULL, samples_cb, &samples);
  while (samples == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (samples->len, ==, 2);
  result = g_ptr_array_index (samples, 0);
  g_assert_cmpint (ops_check_result_get_time (result), ==, NOW - MIN_USEC);
  g_assert_cmpfloat (ops_check_result_get_latency_ms (result), ==, 2.5);
  g_assert_cmpint (ops_check_result_get_timing (result)->dns_us, ==, 100);
  g_assert_cmpint (ops_check_result_get_timing (result)->connect_us, ==, -1);
  result = g_ptr_array_index (samples, 1);
  g_assert_cmpint (ops_check_result_get_status (result), ==, OPS_HEALTH_STATUS_DOWN);
  g_assert_cmpstr (ops_check_result_get_error (result), ==,
                   "timed out after 10 s waiting for the first byte");
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, ops_test_history_setup, func, \
                                    ops_test_history_teardown)
  ADD ("/opsdeck/health/history/batching", test_batching);
  ADD ("/opsdeck/health/history/batch-timer", test_batch_timer);
  ADD ("/opsdeck/health/history/rollups", test_rollups);
  ADD ("/opsdeck/health/history/retention", test_retention);
  ADD ("/opsdeck/health/history/removed-check-purged", test_removed_check_purged);
  ADD ("/opsdeck/health/history/uptime", test_uptime);
  ADD ("/opsdeck/health/history/series", test_series);
  ADD ("/opsdeck/health/history/samples", test_samples);
#undef ADD

  return g_test_run ();
}
