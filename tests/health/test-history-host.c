/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <math.h>

#include "ops-test-history.h"

/* The host figures of Prometheus checks in the history: written with the
 * results, rolled up by hour and day, kept and deleted as the samples
 * are, and read back for charts. */

typedef struct
{
  OpsTestHistory history;
  gint64         host_id;
} Fixture;

static void
setup (Fixture      *fixture,
       gconstpointer data)
{
  ops_test_history_setup (&fixture->history, data);
  fixture->host_id = ops_test_history_add (&fixture->history, OPS_CHECK_KIND_PROMETHEUS,
                                           "build host", "http://127.0.0.1:9100/metrics");
}

static void
teardown (Fixture      *fixture,
          gconstpointer data)
{
  ops_test_history_teardown (&fixture->history, data);
}

/* The figure @metric of the @i-th made-up result: values that differ per
 * metric and move up and down. */
static double
figure (OpsHostMetric metric,
        guint         i)
{
  return 10.0 * metric + (i * 37 + metric * 11) % 50 + 0.25;
}

/* A row for the host check with every figure. */
static OpsHistoryRow
host_row (Fixture *fixture,
          gint64   time,
          guint    i)
{
  OpsHistoryRow row = ops_test_history_sample (fixture->host_id, time, OPS_HEALTH_STATUS_HEALTHY,
                                               4000);

  row.host = g_new (double, OPS_HOST_N_METRICS);
  for (guint m = 0; m < OPS_HOST_N_METRICS; m++)
    row.host[m] = figure (m, i);
  return row;
}

static GArray *
rows_new (void)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (OpsHistoryRow));

  g_array_set_clear_func (rows, (GDestroyNotify)_ops_history_row_clear);
  return rows;
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  ops_history_flush_finish (OPS_HISTORY (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static int
count_host_rows (Fixture *fixture,
                 gint64   check_id)
{
  return ops_test_history_count_printf (&fixture->history,
                                        "SELECT count(*) FROM health_host_samples "
                                        "WHERE check_id = %" G_GINT64_FORMAT,
                                        check_id);
}

/* Results go through the history as the engine hands them over: the
 * figures a Prometheus result has become rows, other results have none. */
static void
test_written_with_results (Fixture      *fixture,
                           gconstpointer data)
{
  OpsTestHistory *history = &fixture->history;
  gboolean        done = FALSE;
  double          value;

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(OpsCheckResult) host = ops_check_result_new (fixture->host_id, NOW + i * MIN_USEC);
      g_autoptr(OpsCheckResult) tcp = ops_check_result_new (history->check_id, NOW + i * MIN_USEC);

      ops_check_result_set_status (host, OPS_HEALTH_STATUS_HEALTHY);
      ops_check_result_set_total_us (host, 3000);
      for (guint m = 0; m < OPS_HOST_N_METRICS; m++)
        {
          /* The first scrape has no network rates yet. */
          if (i == 0 && (m == OPS_HOST_METRIC_RECEIVED || m == OPS_HOST_METRIC_SENT))
            continue;
          ops_check_result_set_detail_double (host, ops_host_metric_get_detail_key (m),
                                              figure (m, i));
        }
      ops_check_result_set_detail_string (host, "score_band", "healthy");
      ops_history_append (history->history, host, OPS_HEALTH_STATUS_HEALTHY);

      ops_check_result_set_status (tcp, OPS_HEALTH_STATUS_HEALTHY);
      ops_check_result_set_total_us (tcp, 1000);
      ops_history_append (history->history, tcp, OPS_HEALTH_STATUS_HEALTHY);
    }

  ops_history_flush_async (history->history, NULL, flushed_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (ops_test_history_count (history, "SELECT count(*) FROM health_samples"), ==, 20);
  g_assert_cmpint (count_host_rows (fixture, fixture->host_id), ==, 10 * OPS_HOST_N_METRICS - 2);
  g_assert_cmpint (count_host_rows (fixture, history->check_id), ==, 0);
  g_assert_cmpint (ops_test_history_count (history, "SELECT count(*) FROM health_host_samples "
                                                    "WHERE metric >= 6 OR metric < 0"),
                   ==, 0);

  /* The rows hold the figures of their results. */
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;
    g_autoptr(GError) error = NULL;

    stmt = ops_store_prepare (history->store,
                              "SELECT value FROM health_host_samples WHERE check_id = ?1 "
                              "AND metric = ?2 AND time = ?3",
                              &error);
    g_assert_no_error (error);
    sqlite3_bind_int64 (stmt, 1, fixture->host_id);
    sqlite3_bind_int (stmt, 2, OPS_HOST_METRIC_MEMORY);
    sqlite3_bind_int64 (stmt, 3, NOW + 7 * MIN_USEC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    value = sqlite3_column_double (stmt, 0);
    g_assert_cmpfloat (value, ==, figure (OPS_HOST_METRIC_MEMORY, 7));
  }
}

/* The figures are written in the samples' transaction: when the database
 * refuses one, neither the samples nor the figures are kept. */
static void
test_same_transaction (Fixture      *fixture,
                       gconstpointer data)
{
  OpsTestHistory *history = &fixture->history;
  g_autoptr(GArray) rows = rows_new ();
  g_autoptr(OpsHistoryWriter) writer = _ops_history_writer_new (history->db);
  g_autoptr(GError) error = NULL;

  ops_test_sqlite_exec (history->path,
                        "CREATE TRIGGER refuse BEFORE INSERT ON health_host_samples "
                        "WHEN NEW.value < 0 BEGIN SELECT RAISE (ABORT, 'refused'); END;");

  for (guint i = 0; i < 5; i++)
    {
      OpsHistoryRow row = host_row (fixture, NOW + i * MIN_USEC, i);

      if (i == 4)
        row.host[OPS_HOST_METRIC_SENT] = -1;
      g_array_append_val (rows, row);
    }

  g_assert_false (_ops_history_writer_write (writer, (OpsHistoryRow *)(gpointer)rows->data,
                                             rows->len, &error));
  g_assert_nonnull (error);
  {
    static const char *const tables[] = {
      "health_samples", "health_rollups", "health_host_samples", "health_host_rollups",
    };

    for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
      g_assert_cmpint (ops_test_history_count_printf (history, "SELECT count(*) FROM %s", tables[t]),
                       ==, 0);
  }

  /* Without the bad figure, everything goes in. */
  g_clear_error (&error);
  g_array_index (rows, OpsHistoryRow, 4).host[OPS_HOST_METRIC_SENT] = 3;
  g_assert_true (_ops_history_writer_write (writer, (OpsHistoryRow *)(gpointer)rows->data,
                                            rows->len, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ops_test_history_count (history, "SELECT count(*) FROM health_samples"), ==, 5);
  g_assert_cmpint (count_host_rows (fixture, fixture->host_id), ==, 5 * OPS_HOST_N_METRICS);
}

typedef struct
{
  guint  count;
  double min;
  double max;
  double sum;
} Expected;

/* The rollups' count, min, max and average equal those of the raw
 * figures of each hour and day, over several batches and with the same
 * result written twice. */
static void
test_rollups (Fixture      *fixture,
              gconstpointer data)
{
  OpsTestHistory *history = &fixture->history;
  g_autoptr(GArray) rows = rows_new ();
  /* Three hours of figures a minute apart, across four hours. */
  gint64 first = NOW - 3 * OPS_HISTORY_HOUR_USEC;
  guint  n = 3 * 60;
  static const struct
  {
    OpsHistoryResolution resolution;
    gint64               period;
    gint64               from;
  } queries[] = {
    { OPS_HISTORY_HOURLY, OPS_HISTORY_HOUR_USEC, NOW - 30 * OPS_HISTORY_DAY_USEC },
    { OPS_HISTORY_DAILY, OPS_HISTORY_DAY_USEC, NOW - 90 * OPS_HISTORY_DAY_USEC },
  };

  for (guint i = 0; i < n; i++)
    {
      OpsHistoryRow row = host_row (fixture, first + i * MIN_USEC, i);

      g_array_append_val (rows, row);
    }
  /* In three batches; the last one repeats a result of the first. */
  ops_test_history_write (history, (OpsHistoryRow *)(gpointer)rows->data, 70);
  ops_test_history_write (history, &g_array_index (rows, OpsHistoryRow, 70), 70);
  ops_test_history_write (history, &g_array_index (rows, OpsHistoryRow, 140), n - 140);
  ops_test_history_write (history, &g_array_index (rows, OpsHistoryRow, 3), 1);
  g_assert_cmpint (count_host_rows (fixture, fixture->host_id), ==, n * OPS_HOST_N_METRICS);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (OpsHostMetric m = 0; m < OPS_HOST_N_METRICS; m++)
      {
        g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                                g_free);
        g_autoptr(OpsHistorySeries) series = NULL;
        g_autoptr(GError) error = NULL;

        for (guint i = 0; i < n; i++)
          {
            gint64    start = _ops_history_period_start (first + i * MIN_USEC, queries[q].period);
            Expected *e = g_hash_table_lookup (expected, &start);
            double    v = figure (m, i);

            if (e == NULL)
              {
                e = g_new0 (Expected, 1);
                e->min = INFINITY;
                e->max = -INFINITY;
                g_hash_table_insert (expected, g_memdup2 (&start, sizeof start), e);
              }
            e->count++;
            e->min = MIN (e->min, v);
            e->max = MAX (e->max, v);
            e->sum += v;
          }

        series = ops_history_host_series_query (history->db, fixture->host_id, m, queries[q].from,
                                                NOW, &error);
        g_assert_no_error (error);
        g_assert_cmpint (series->resolution, ==, queries[q].resolution);
        g_assert_cmpuint (series->n_points, ==, g_hash_table_size (expected));
        for (guint p = 0; p < series->n_points; p++)
          {
            Expected *e = g_hash_table_lookup (expected, &series->times[p]);

            g_assert_nonnull (e);
            g_assert_cmpuint (series->counts[p], ==, e->count);
            g_assert_cmpfloat (series->minimums[p], ==, e->min);
            g_assert_cmpfloat (series->maximums[p], ==, e->max);
            g_assert_cmpfloat_with_epsilon (series->values[p], e->sum / e->count, 1e-9);
            g_assert_true (isnan (series->p95s[p]));
          }
      }
}

/* Old figures go with old samples; the rollups stay a year. */
static void
test_retention (Fixture      *fixture,
                gconstpointer data)
{
  OpsTestHistory       *history = &fixture->history;
  g_autoptr(GArray) rows = rows_new ();
  OpsHistoryMaintenance done;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 30; i++)
    {
      OpsHistoryRow old = host_row (fixture, NOW - 40 * OPS_HISTORY_DAY_USEC + i * MIN_USEC, i);
      OpsHistoryRow recent = host_row (fixture, NOW - 20 * OPS_HISTORY_DAY_USEC + i * MIN_USEC, i);
      OpsHistoryRow ancient = host_row (fixture, NOW - 400 * OPS_HISTORY_DAY_USEC + i * MIN_USEC,
                                        i);

      g_array_append_val (rows, old);
      g_array_append_val (rows, recent);
      g_array_append_val (rows, ancient);
    }
  ops_test_history_write (history, (OpsHistoryRow *)(gpointer)rows->data, rows->len);
  g_assert_cmpint (count_host_rows (fixture, fixture->host_id), ==, 90 * OPS_HOST_N_METRICS);

  /* Small batches and a small budget: several passes. */
  do
    {
      _ops_history_maintain (history->db, NOW, 30, 40, 3, &done, &error);
      g_assert_no_error (error);
    }
  while (done.more);

  g_assert_cmpint (count_host_rows (fixture, fixture->host_id), ==, 30 * OPS_HOST_N_METRICS);
  g_assert_cmpint (ops_test_history_count_printf (history,
                                                  "SELECT count(*) FROM health_host_samples "
                                                  "WHERE time < %" G_GINT64_FORMAT,
                                                  NOW - 30 * OPS_HISTORY_DAY_USEC),
                   ==, 0);
  g_assert_cmpint (ops_test_history_count_printf (history,
                                                  "SELECT count(*) FROM health_host_rollups "
                                                  "WHERE start < %" G_GINT64_FORMAT,
                                                  NOW - 365 * OPS_HISTORY_DAY_USEC),
                   ==, 0);
  /* Rollups of 40 days ago stay: an hour and a day for each figure. */
  g_assert_cmpint (ops_test_history_count_printf (history,
                                                  "SELECT count(*) FROM health_host_rollups "
                                                  "WHERE start < %" G_GINT64_FORMAT,
                                                  NOW - 30 * OPS_HISTORY_DAY_USEC),
                   >=, 2 * OPS_HOST_N_METRICS);
}

/* A removed check's figures go with its history, in batches; until then
 * (while a deletion can be undone) they stay. */
static void
test_removed_check_purged (Fixture      *fixture,
                           gconstpointer data)
{
  OpsTestHistory       *history = &fixture->history;
  g_autoptr(GArray) rows = rows_new ();
  OpsCheck             *check = ops_check_list_find_by_id (history->checks, fixture->host_id);
  OpsHistoryMaintenance done;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 25; i++)
    {
      OpsHistoryRow row = host_row (fixture, NOW - i * MIN_USEC, i);

      g_array_append_val (rows, row);
    }
  ops_test_history_write (history, (OpsHistoryRow *)(gpointer)rows->data, rows->len);

  /* Maintenance leaves a check that is still there alone. */
  _ops_history_maintain (history->db, NOW, 30, 10, 2, &done, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_host_rows (fixture, fixture->host_id), ==, 25 * OPS_HOST_N_METRICS);

  ops_check_list_remove (history->checks, check, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_host_rows (fixture, fixture->host_id), ==, 25 * OPS_HOST_N_METRICS);

  do
    {
      _ops_history_maintain (history->db, NOW, 30, 10, 2, &done, &error);
      g_assert_no_error (error);
    }
  while (done.more);

  g_assert_cmpint (ops_test_history_count (history, "SELECT count(*) FROM health_host_samples"), ==,
                   0);
  g_assert_cmpint (ops_test_history_count (history, "SELECT count(*) FROM health_host_rollups"), ==,
                   0);
  g_assert_cmpint (ops_test_history_count_printf (history,
                                                  "SELECT count(*) FROM health_checks "
                                                  "WHERE id = %" G_GINT64_FORMAT,
                                                  fixture->host_id),
                   ==, 0);
}

static void
series_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpsHistorySeries **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ops_history_query_host_series_finish (OPS_HISTORY (object), result, &error);
  g_assert_no_error (error);
}

/* Raw figures for a day or less, rollups beyond: a 30-day chart reads
 * hours, not every figure. */
static void
test_series (Fixture      *fixture,
             gconstpointer data)
{
  OpsTestHistory *history = &fixture->history;
  g_autoptr(GArray) rows = rows_new ();
  g_autoptr(OpsHistorySeries) raw = NULL;
  g_autoptr(OpsHistorySeries) month = NULL;
  guint i = 0;

  /* Every 10 minutes for 40 days. */
  for (gint64 t = NOW - 40 * OPS_HISTORY_DAY_USEC; t < NOW; t += 10 * MIN_USEC, i++)
    {
      OpsHistoryRow row = host_row (fixture, t, i);

      g_array_append_val (rows, row);
    }
  ops_test_history_write (history, (OpsHistoryRow *)(gpointer)rows->data, rows->len);

  ops_history_query_host_series_async (history->history, fixture->host_id, OPS_HOST_METRIC_CPU,
                                       NOW - OPS_HISTORY_HOUR_USEC, NOW, NULL, series_cb, &raw);
  while (raw == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (raw->resolution, ==, OPS_HISTORY_RAW);
  g_assert_cmpuint (raw->n_points, ==, 6);
  for (guint p = 0; p < raw->n_points; p++)
    {
      guint index = rows->len - raw->n_points + p;

      g_assert_cmpint (raw->times[p], ==, g_array_index (rows, OpsHistoryRow, index).time);
      g_assert_cmpfloat (raw->values[p], ==, figure (OPS_HOST_METRIC_CPU, index));
      g_assert_cmpuint (raw->counts[p], ==, 1);
    }

  ops_history_query_host_series_async (history->history, fixture->host_id, OPS_HOST_METRIC_DISK,
                                       NOW - 30 * OPS_HISTORY_DAY_USEC, NOW, NULL, series_cb,
                                       &month);
  while (month == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (month->resolution, ==, OPS_HISTORY_HOURLY);
  g_assert_cmpuint (month->n_points, ==, 30 * 24 + 1);
  g_assert_cmpuint (month->counts[1], ==, 6);

  /* Another check, another figure: nothing. */
  {
    g_autoptr(OpsHistorySeries) none = NULL;
    g_autoptr(GError) error = NULL;

    none = ops_history_host_series_query (history->db, history->check_id, OPS_HOST_METRIC_CPU,
                                          NOW - OPS_HISTORY_HOUR_USEC, NOW, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (none->n_points, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/opsdeck/health/history/host/written-with-results", test_written_with_results);
  ADD ("/opsdeck/health/history/host/same-transaction", test_same_transaction);
  ADD ("/opsdeck/health/history/host/rollups", test_rollups);
  ADD ("/opsdeck/health/history/host/retention", test_retention);
  ADD ("/opsdeck/health/history/host/removed-check-purged", test_removed_check_purged);
  ADD ("/opsdeck/health/history/host/series", test_series);
#undef ADD

  return g_test_run ();
}
