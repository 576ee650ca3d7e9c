/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <math.h>

#include "ops-test-health-page.h"
#include "ops-test-node-exporter.h"
#include "ops-test-util.h"

/* The host charts of a Prometheus check in the Health tab's detail,
 * against the real node_exporter: what was measured before the app was
 * closed is charted when it is opened again, over an hour from the raw
 * figures (and new results are added) and over 30 days from the hourly
 * rollups. */

typedef struct
{
  OpsTestHealthPage    page;
  OpsTestNodeExporter *node_exporter;
  OpsCheck            *host;
  guint                results;
} Fixture;

static void
setup (Fixture      *fixture,
       gconstpointer data)
{
  fixture->node_exporter = ops_test_node_exporter_start ();
  ops_test_health_page_open (&fixture->page);
}

static void
teardown (Fixture      *fixture,
          gconstpointer data)
{
  if (fixture->host != NULL)
    g_signal_handlers_disconnect_by_data (fixture->host, fixture);
  g_clear_object (&fixture->host);
  ops_test_health_page_close (&fixture->page);
  ops_test_node_exporter_stop (fixture->node_exporter);
}

static void
result_cb (OpsCheck   *check,
           GParamSpec *pspec,
           Fixture    *fixture)
{
  fixture->results++;
}

static gboolean
enough_results (gpointer data)
{
  Fixture *fixture = data;

  return fixture->results >= 4;
}

static void
maintained_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  ops_history_maintain_finish (OPS_HISTORY (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static int
count_host_rows (Fixture *fixture,
                 gint64   check_id)
{
  g_autofree char *path = g_build_filename (fixture->page.data_dir, "opsdeck.db", NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM health_host_samples "
                                          "WHERE check_id = %" G_GINT64_FORMAT,
                                          check_id);

  return ops_test_sqlite_int (path, sql);
}

static gboolean
host_loaded (gpointer data)
{
  return !ops_health_host_metrics_get_loading (data);
}

/* The stored CPU figures of the check, oldest first. */
static GArray *
stored_cpu (Fixture *fixture,
            gint64   check_id)
{
  g_autofree char *path = g_build_filename (fixture->page.data_dir, "opsdeck.db", NULL);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (OpsChartPoint));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT time, value FROM health_host_samples "
                                       "WHERE check_id = ?1 AND metric = ?2 ORDER BY time",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, check_id);
  sqlite3_bind_int (stmt, 2, OPS_HOST_METRIC_CPU);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      OpsChartPoint point = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };

      g_array_append_val (points, point);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);

  return g_steal_pointer (&points);
}

/* The chart in @root that draws @series. */
static OpsChart *
chart_holding (GtkWidget      *root,
               OpsChartSeries *series)
{
  if (OPS_IS_CHART (root))
    {
      GPtrArray *all = ops_chart_get_series (OPS_CHART (root));

      for (guint i = 0; i < all->len; i++)
        if (g_ptr_array_index (all, i) == series)
          return OPS_CHART (root);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      OpsChart *found = chart_holding (child, series);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_host_charts_after_reopen (Fixture      *fixture,
                               gconstpointer data)
{
  g_autofree char *url = ops_test_node_exporter_url (fixture->node_exporter);
  g_autofree char *id_text = NULL;
  g_autoptr(GArray) stored = NULL;
  g_autoptr(OpsCheck) host = ops_check_new (OPS_CHECK_KIND_PROMETHEUS, "Build host", url);
  g_autoptr(GError) error = NULL;
  OpsHealthDetail      *detail;
  OpsHealthHostMetrics *metrics;
  OpsChartSeries       *cpu;
  const OpsChartPoint  *points;
  gsize                 n_points = 0;
  gint64                id;

  /* A few scrapes of the real node_exporter, stored. */
  ops_check_set_interval_ms (host, 1000);
  ops_check_set_timeout_ms (host, 1000);
  ops_check_list_add (ops_health_engine_get_checks (fixture->page.engine), host, &error);
  g_assert_no_error (error);
  id = ops_check_get_id (host);
  fixture->host = g_object_ref (host);
  g_signal_connect (host, "notify::last-result", G_CALLBACK (result_cb), fixture);
  g_assert_true (ops_test_wait_for (enough_results, fixture));
  ops_check_set_paused (host, TRUE);
  g_signal_handlers_disconnect_by_data (fixture->host, fixture);
  g_clear_object (&fixture->host);
  g_clear_object (&host);

  /* Closed and opened again: the figures come from the database. */
  ops_test_health_page_reopen (&fixture->page);
  stored = stored_cpu (fixture, id);
  g_assert_cmpuint (stored->len, >=, 3);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  ops_health_page_show_check (fixture->page.page, id_text);
  detail = fixture->page.page->detail;
  g_assert_nonnull (ops_health_detail_get_check (detail));
  g_assert_cmpint (ops_check_get_id (ops_health_detail_get_check (detail)), ==, id);
  metrics = ops_health_detail_get_host_metrics (detail);
  g_assert_true (ops_test_wait_for (host_loaded, metrics));

  /* The last hour: every stored figure, as it was measured. */
  cpu = ops_health_host_metrics_get (metrics, OPS_HOST_METRIC_CPU);
  points = ops_chart_series_get_points (cpu, &n_points);
  g_assert_cmpuint (n_points, ==, stored->len);
  for (gsize i = 0; i < n_points; i++)
    {
      const OpsChartPoint *expected = &g_array_index (stored, OpsChartPoint, i);

      g_assert_cmpint (points[i].time, ==, expected->time);
      g_assert_cmpfloat (points[i].value, ==, expected->value);
      g_assert_cmpfloat (points[i].value, >=, 0);
      g_assert_cmpfloat (points[i].value, <=, 100);
    }
  /* On screen, with the other figures (the group of a Prometheus check
   * shows even before its first probe of this run). */
  {
    OpsChart *chart = chart_holding (GTK_WIDGET (detail), cpu);

    g_assert_nonnull (chart);
    g_assert_true (gtk_widget_is_visible (GTK_WIDGET (chart)));
    g_assert_cmpuint (ops_chart_get_series (chart)->len, ==, 3);
  }

  /* Running again, its results are added to what was stored. */
  fixture->results = 0;
  fixture->host = g_object_ref (ops_health_detail_get_check (detail));
  g_signal_connect (fixture->host, "notify::last-result", G_CALLBACK (result_cb), fixture);
  ops_check_set_paused (fixture->host, FALSE);
  g_assert_true (ops_test_wait_for (enough_results, fixture));
  ops_check_set_paused (fixture->host, TRUE);
  points = ops_chart_series_get_points (cpu, &n_points);
  g_assert_cmpuint (n_points, >=, stored->len + 4);
  g_assert_cmpint (points[n_points - 1].time, ==,
                   ops_check_result_get_time (ops_check_get_last_result (fixture->host)));
  for (gsize i = 1; i < n_points; i++)
    g_assert_cmpint (points[i].time, >, points[i - 1].time);
  ops_history_flush_sync (ops_health_engine_get_history (fixture->page.engine), &error);
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_array_unref);
  stored = stored_cpu (fixture, id);

  /* 30 days: an average per hour, the mean of that hour's figures. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ops_test_find_widget (GTK_WIDGET (detail),
                                                                         GTK_TYPE_TOGGLE_BUTTON,
                                                                         "30 d")),
                                TRUE);
  g_assert_true (ops_test_wait_for (host_loaded, metrics));
  points = ops_chart_series_get_points (cpu, &n_points);
  g_assert_cmpuint (n_points, >=, 1);
  g_assert_cmpuint (n_points, <=, 2);
  for (gsize i = 0; i < n_points; i++)
    {
      double sum = 0;
      guint  n = 0;

      for (guint j = 0; j < stored->len; j++)
        {
          const OpsChartPoint *figure = &g_array_index (stored, OpsChartPoint, j);

          if (figure->time >= points[i].time && figure->time < points[i].time + OPS_HISTORY_HOUR_USEC)
            {
              sum += figure->value;
              n++;
            }
        }
      g_assert_cmpuint (n, >, 0);
      g_assert_cmpfloat_with_epsilon (points[i].value, sum / n, 1e-9);
    }
}

/* Deleting the check and undoing it keeps its figures; deleting it for
 * good lets maintenance remove them with the rest of its history. */
static void
test_delete_undo_keeps_figures (Fixture      *fixture,
                                gconstpointer data)
{
  OpsHealthPage *page = fixture->page.page;
  OpsHistory    *history = ops_health_engine_get_history (fixture->page.engine);
  OpsCheckList  *list = ops_health_engine_get_checks (fixture->page.engine);
  g_autofree char *url = ops_test_node_exporter_url (fixture->node_exporter);
  g_autoptr(OpsCheck) host = ops_check_new (OPS_CHECK_KIND_PROMETHEUS, "Build host", url);
  g_autoptr(GError) error = NULL;
  GtkWidget *undo;
  gboolean   done = FALSE;
  gint64     id;
  int        rows;

  ops_check_set_interval_ms (host, 1000);
  ops_check_set_timeout_ms (host, 1000);
  ops_check_list_add (list, host, &error);
  g_assert_no_error (error);
  id = ops_check_get_id (host);
  fixture->host = g_object_ref (host);
  g_signal_connect (host, "notify::last-result", G_CALLBACK (result_cb), fixture);
  g_assert_true (ops_test_wait_for (enough_results, fixture));
  ops_check_set_paused (host, TRUE);
  ops_history_flush_sync (history, &error);
  g_assert_no_error (error);
  rows = count_host_rows (fixture, id);
  g_assert_cmpint (rows, >=, 3 * OPS_HOST_N_CHARTED);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "health.delete", "x", id));
  ops_test_respond_to_dialog ("delete");
  ops_test_flush_events ();
  undo = ops_test_find_widget (GTK_WIDGET (page->toast_overlay), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ops_test_flush_events ();
  g_assert_true (ops_check_list_find_by_id (list, id) == host);

  /* A maintenance pass (as every five minutes) leaves them alone. */
  ops_history_maintain_async (history, g_get_real_time (), NULL, maintained_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (count_host_rows (fixture, id), ==, rows);

  /* Deleted for good when the toast goes without Undo (the window
   * closes); the next pass takes the figures. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "health.delete", "x", id));
  ops_test_respond_to_dialog ("delete");
  ops_test_flush_events ();
  gtk_window_destroy (GTK_WINDOW (fixture->page.window));
  ops_test_flush_events ();
  g_assert_null (ops_check_list_find_by_id (list, id));
  done = FALSE;
  ops_history_maintain_async (history, g_get_real_time (), NULL, maintained_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (count_host_rows (fixture, id), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init_ui (&argc, &argv);

  g_test_add ("/opsdeck/ui/health/host-charts-after-reopen", Fixture, NULL, setup,
              test_host_charts_after_reopen, teardown);
  g_test_add ("/opsdeck/ui/health/delete-undo-keeps-host-figures", Fixture, NULL, setup,
              test_delete_undo_keeps_figures, teardown);

  return g_test_run ();
}
