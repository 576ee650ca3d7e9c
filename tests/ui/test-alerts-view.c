/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "ops-test-alerts-ui.h"
#include "pages/health/ops-alert-maintenance-dialog.h"
#include "pages/health/ops-alert-rules-dialog.h"

/* The Alerts view under Xvfb, over a real alert engine on a temporary
 * store, with alerts raised through the engine on the test clock: rows,
 * order, filters, acknowledging and resolving from the detail with a
 * note, the figures, the history, and screenshots. */

static void
test_open_row (Fixture      *fixture,
               gconstpointer data)
{
  GtkListBox      *open_list = child (fixture, GTK_TYPE_LIST_BOX, "open_list");
  GtkWidget       *empty = child (fixture, GTK_TYPE_WIDGET, "empty_page");
  g_autofree char *id = NULL;
  GtkWidget       *row;

  /* Nothing yet: the quiet state. */
  g_assert_true (gtk_widget_get_visible (empty));
  g_assert_true (has_label (empty, "No alerts — everything is quiet"));

  raise_down (fixture, "api");
  id = alert_id (fixture, "api");
  row = find_row (open_list, id);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "api");
  g_assert_true (has_label (row, "Critical"));
  g_assert_true (has_label (row, "Firing"));
  g_assert_true (has_label (row, "connection refused"));
  g_assert_false (gtk_widget_get_visible (empty));

  /* The relative time moves with the clock. */
  ops_test_clock_advance (fixture->clock, SECONDS (5 * 60));
  ops_alerts_view_refresh (fixture->view);
  g_assert_true (has_label (find_row (open_list, id), "5 min ago"));
}

static void
test_acknowledge (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autoptr(OpsAlert) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *open_list = child (fixture, GTK_TYPE_LIST_BOX, "open_list");

  raise_down (fixture, "api");
  id = alert_id (fixture, "api");

  ops_alerts_view_show_alert (fixture->view, id);
  g_assert_cmpstr (ops_alerts_item_get_id (ops_alert_detail_get_item (detail (fixture))), ==, id);
  g_assert_true (detail_offers (fixture, "acknowledge_button"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (fixture)), "alert.acknowledge", NULL));
  answer_note_dialog ("Restarting the pool", "acknowledge");

  stored = ops_alert_db_get_alert (fixture->store, g_ascii_strtoll (id, NULL, 10), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ops_alert_get_state (stored), ==, OPS_ALERT_STATE_ACKNOWLEDGED);
  g_assert_cmpstr (ops_alert_get_acknowledged_by (stored), ==, g_get_user_name ());
  g_assert_cmpstr (ops_alert_get_ack_note (stored), ==, "Restarting the pool");

  /* The row and the detail say so; the timeline has who and the note. */
  flush_events ();
  g_assert_true (has_label (find_row (open_list, id), "Acknowledged"));
  g_assert_true (has_label (GTK_WIDGET (detail (fixture)), "Restarting the pool"));
  {
    g_autofree char *by = g_strdup_printf ("Acknowledged by %s", g_get_user_name ());

    g_assert_true (has_label (GTK_WIDGET (detail (fixture)), by));
  }
  g_assert_false (detail_offers (fixture, "acknowledge_button"));
  g_assert_true (detail_offers (fixture, "resolve_button"));
  g_assert_false (detail_offers (fixture, "silence_button"));
}

/* The note dialog answers for the alert it asked about, even when
 * another alert is shown by the time it is answered. */
static void
test_acknowledge_after_switch (Fixture      *fixture,
                               gconstpointer data)
{
  g_autofree char *api = NULL;
  g_autofree char *db = NULL;

  raise_down (fixture, "api");
  raise_down (fixture, "db");
  api = alert_id (fixture, "api");
  db = alert_id (fixture, "db");

  ops_alerts_view_show_alert (fixture->view, api);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (fixture)), "alert.acknowledge", NULL));
  ops_alerts_view_show_alert (fixture->view, db);
  answer_note_dialog ("On it", "acknowledge");

  g_assert_cmpint (ops_alert_get_state (open_alert (fixture, "api")), ==, OPS_ALERT_STATE_ACKNOWLEDGED);
  g_assert_cmpint (ops_alert_get_state (open_alert (fixture, "db")), ==, OPS_ALERT_STATE_FIRING);
  g_assert_cmpstr (ops_alerts_item_get_id (ops_alert_detail_get_item (detail (fixture))), ==, db);
  g_assert_true (detail_offers (fixture, "acknowledge_button"));
}

static void
test_resolve (Fixture      *fixture,
              gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autoptr(OpsAlert) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *open_list = child (fixture, GTK_TYPE_LIST_BOX, "open_list");
  GtkListBox *history_list = child (fixture, GTK_TYPE_LIST_BOX, "history_list");

  raise_down (fixture, "api");
  id = alert_id (fixture, "api");
  g_assert_null (find_row (history_list, id));

  ops_alerts_view_show_alert (fixture->view, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (fixture)), "alert.resolve", NULL));
  answer_note_dialog ("False alarm: the probe host rebooted", "resolve");

  stored = ops_alert_db_get_alert (fixture->store, g_ascii_strtoll (id, NULL, 10), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ops_alert_get_state (stored), ==, OPS_ALERT_STATE_RESOLVED);
  g_assert_cmpstr (ops_alert_get_resolve_note (stored), ==, "False alarm: the probe host rebooted");

  g_assert_null (find_row (open_list, id));
  g_assert_nonnull (find_row (history_list, id));
  g_assert_true (has_label (find_row (history_list, id), "Resolved"));
  g_assert_true (gtk_widget_get_visible (child (fixture, GTK_TYPE_WIDGET, "empty_page")));
  g_assert_false (detail_offers (fixture, "resolve_button"));
  g_assert_false (detail_offers (fixture, "acknowledge_button"));
}

/* Live: an alert the engine resolves by itself leaves the open list for
 * the history, and the detail showing it says so. */
static void
test_auto_resolve (Fixture      *fixture,
                   gconstpointer data)
{
  GtkListBox      *open_list = child (fixture, GTK_TYPE_LIST_BOX, "open_list");
  GtkListBox      *history_list = child (fixture, GTK_TYPE_LIST_BOX, "history_list");
  g_autofree char *id = NULL;

  raise_down (fixture, "api");
  id = alert_id (fixture, "api");
  ops_alerts_view_show_alert (fixture->view, id);
  g_assert_nonnull (find_row (open_list, id));

  ops_test_clock_advance (fixture->clock, SECONDS (60));
  observe (fixture, "api", OPS_SAMPLE_STATUS_HEALTHY, NULL, 0);
  flush_events ();

  g_assert_null (open_alert (fixture, "api"));
  g_assert_null (find_row (open_list, id));
  g_assert_nonnull (find_row (history_list, id));
  g_assert_true (has_label (GTK_WIDGET (detail (fixture)), "Resolved: the condition cleared"));
  g_assert_false (detail_offers (fixture, "resolve_button"));
}

static void
test_filters (Fixture      *fixture,
              gconstpointer data)
{
  GtkListBox      *open_list = child (fixture, GTK_TYPE_LIST_BOX, "open_list");
  GtkDropDown     *severity = child (fixture, GTK_TYPE_DROP_DOWN, "severity_dropdown");
  GtkDropDown     *state = child (fixture, GTK_TYPE_DROP_DOWN, "state_dropdown");
  GtkDropDown     *source = child (fixture, GTK_TYPE_DROP_DOWN, "source_dropdown");
  GtkEditable     *search = child (fixture, GTK_TYPE_EDITABLE, "search_entry");
  GtkWidget       *no_match = child (fixture, GTK_TYPE_WIDGET, "no_match_label");
  g_autofree char *api = NULL;
  g_autofree char *db = NULL;
  g_autofree char *web = NULL;
  g_autofree char *all = NULL;
  g_autoptr(GError) error = NULL;

  raise_down (fixture, "api");
  raise_down (fixture, "db");
  /* The built-in certificate rule: under 14 days is a warning. */
  observe (fixture, "web", OPS_SAMPLE_STATUS_HEALTHY, "cert_days", 10);
  flush_events ();
  api = alert_id (fixture, "api");
  db = alert_id (fixture, "db");
  web = alert_id (fixture, "web");
  g_assert_nonnull (ops_alert_engine_acknowledge (fixture->engine, g_ascii_strtoll (db, NULL, 10), NULL,
                                                  NULL, &error));
  g_assert_no_error (error);
  flush_events ();
  all = row_ids (open_list);
  g_assert_nonnull (strstr (all, api));
  g_assert_nonnull (strstr (all, db));
  g_assert_nonnull (strstr (all, web));
  g_assert_true (has_label (find_row (open_list, web), "Warning"));

  /* Severity */
  gtk_drop_down_set_selected (severity, 2);
  g_assert_cmpstr (row_ids (open_list), ==, web);
  gtk_drop_down_set_selected (severity, 1);
  g_assert_null (find_row (open_list, web));
  g_assert_nonnull (find_row (open_list, api));
  gtk_drop_down_set_selected (severity, 0);

  /* State */
  gtk_drop_down_set_selected (state, 3);
  g_assert_cmpstr (row_ids (open_list), ==, db);
  gtk_drop_down_set_selected (state, 1);
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (open_list)));
  g_assert_true (gtk_widget_get_visible (no_match));
  gtk_drop_down_set_selected (state, 0);
  g_assert_false (gtk_widget_get_visible (no_match));

  /* Service search */
  gtk_editable_set_text (search, "DB");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpstr (row_ids (open_list), ==, db);
  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_nonnull (find_row (open_list, api));

  /* Source: only Opsdeck's own here. */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (source)), 1), ==,
                   "Opsdeck");
  gtk_drop_down_set_selected (source, 1);
  g_assert_nonnull (find_row (open_list, api));
}

static void
test_dependencies (Fixture      *fixture,
                   gconstpointer data)
{
  static const char *const children[] = { "web2", "web1", "web3", NULL };
  GtkListBox              *open_list = child (fixture, GTK_TYPE_LIST_BOX, "open_list");
  g_autofree char         *expected = NULL;
  g_autofree char         *host = NULL;
  g_autofree char         *other = NULL;

  outage (fixture, "host", children);
  /* An unrelated outage, newer than the host's, which must not come
   * between the host and its dependents. */
  ops_test_clock_advance (fixture->clock, SECONDS (1));
  raise_down (fixture, "mail");
  flush_events ();

  host = alert_id (fixture, "host");
  other = alert_id (fixture, "mail");
  {
    g_autofree char *web1 = alert_id (fixture, "web1");
    g_autofree char *web2 = alert_id (fixture, "web2");
    g_autofree char *web3 = alert_id (fixture, "web3");

    /* The newest root first; each root followed by what it blocks. */
    expected = g_strdup_printf ("%s %s %s %s %s", other, host, web1, web2, web3);
    g_assert_cmpstr (row_ids (open_list), ==, expected);
    g_assert_true (has_label (find_row (open_list, web2), "Blocked by host"));
    g_assert_true (gtk_widget_has_css_class (find_row (open_list, web2), "ops-alert-dependent"));
    g_assert_false (has_label (find_row (open_list, host), "Blocked by"));
  }

  ops_alerts_view_show_alert (fixture->view, host);
  g_assert_true (has_label (GTK_WIDGET (detail (fixture)), "3 dependent checks are down with it"));
}
static void
test_show_alert (Fixture      *fixture,
                 gconstpointer data)
{
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlert) resolved = NULL;
  GtkListBox  *history_list = child (fixture, GTK_TYPE_LIST_BOX, "history_list");
  GtkDropDown *severity = child (fixture, GTK_TYPE_DROP_DOWN, "severity_dropdown");

  raise_down (fixture, "api");
  id = alert_id (fixture, "api");
  resolved = ops_alert_engine_resolve (fixture->engine, g_ascii_strtoll (id, NULL, 10), NULL, "done", &error);
  g_assert_no_error (error);
  flush_events ();

  /* Hidden by a filter, it is shown anyway, in the history. */
  gtk_drop_down_set_selected (severity, 2);
  g_assert_null (find_row (history_list, id));
  ops_alerts_view_show_alert (fixture->view, id);
  g_assert_nonnull (find_row (history_list, id));
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (find_row (history_list, id))));
  g_assert_cmpstr (ops_alerts_item_get_id (ops_alert_detail_get_item (detail (fixture))), ==, id);
  g_assert_true (has_label (GTK_WIDGET (detail (fixture)), "connection refused"));
  g_assert_true (has_label (GTK_WIDGET (detail (fixture)), "Values That Fired It"));
  g_assert_true (has_label (GTK_WIDGET (detail (fixture)), "down"));
  g_assert_true (has_label (GTK_WIDGET (detail (fixture)), "Resolved by"));

  /* One that does not exist changes nothing. */
  ops_alerts_view_show_alert (fixture->view, "999999");
  g_assert_cmpstr (ops_alerts_item_get_id (ops_alert_detail_get_item (detail (fixture))), ==, id);
}

/* MTTA, MTTR and alerts per day, from the core's figures. */
static void
test_stats (Fixture      *fixture,
            gconstpointer data)
{
  GtkWidget       *stats = child (fixture, GTK_TYPE_GRID, "stats_grid");
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlert) acknowledged = NULL;
  g_autoptr(OpsAlert) resolved = NULL;

  g_assert_true (has_label (stats, "none yet"));

  raise_down (fixture, "api");
  id = alert_id (fixture, "api");
  ops_test_clock_advance (fixture->clock, SECONDS (4 * 60));
  acknowledged = ops_alert_engine_acknowledge (fixture->engine, g_ascii_strtoll (id, NULL, 10), NULL, NULL, &error);
  g_assert_no_error (error);
  ops_test_clock_advance (fixture->clock, SECONDS (6 * 60));
  resolved = ops_alert_engine_resolve (fixture->engine, g_ascii_strtoll (id, NULL, 10), NULL, NULL, &error);
  g_assert_no_error (error);
  ops_alerts_view_refresh (fixture->view);

  g_assert_false (has_label (stats, "none yet"));
  g_assert_true (has_label (stats, "4m"));
  g_assert_true (has_label (stats, "10m"));
  g_assert_true (has_label (stats, "0.14")); /* one alert in 7 days */
  g_assert_true (has_label (stats, "0.03")); /* one alert in 30 days */
}

/* The history comes a page of 50 at a time, newest first. */
static void
test_history_pages (Fixture      *fixture,
                    gconstpointer data)
{
  GtkListBox *history_list = child (fixture, GTK_TYPE_LIST_BOX, "history_list");
  GtkWidget  *more = child (fixture, GTK_TYPE_WIDGET, "more_button");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint            n = 0;

  for (guint i = 0; i < 51; i++)
    {
      g_autofree char *check = g_strdup_printf ("service-%02u", i);
      g_autofree char *id = NULL;

      raise_down (fixture, check);
      id = alert_id (fixture, check);
      g_assert_nonnull (ops_alert_engine_resolve (fixture->engine, g_ascii_strtoll (id, NULL, 10), NULL, NULL,
                                                  &error));
      g_assert_no_error (error);
      ops_test_clock_advance (fixture->clock, SECONDS (60));
      if (i == 0)
        first = g_steal_pointer (&id);
      else if (i == 50)
        last = g_steal_pointer (&id);
    }
  ops_alerts_view_refresh (fixture->view);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (history_list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;
  g_assert_cmpuint (n, ==, 50);
  g_assert_true (find_row (history_list, last) == gtk_widget_get_first_child (GTK_WIDGET (history_list)));
  g_assert_null (find_row (history_list, first));
  g_assert_true (gtk_widget_get_visible (more));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "alerts.more-history", NULL));
  g_assert_nonnull (find_row (history_list, first));
  g_assert_false (gtk_widget_get_visible (more));
}
/* A realistic screen: a host outage with its dependents, a warning, an
 * acknowledged alert and some history; light and dark, wide and narrow. */
static void
populate (Fixture *fixture)
{
  static const char *const children[] = { "api", "worker", "cache", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;

  raise_down (fixture, "billing");
  old = alert_id (fixture, "billing");
  ops_test_clock_advance (fixture->clock, SECONDS (600));
  g_assert_nonnull (ops_alert_engine_acknowledge (fixture->engine, g_ascii_strtoll (old, NULL, 10), NULL,
                                                  "Looking at the queue", &error));
  ops_test_clock_advance (fixture->clock, SECONDS (1200));
  g_assert_nonnull (ops_alert_engine_resolve (fixture->engine, g_ascii_strtoll (old, NULL, 10), NULL,
                                              "Queue drained", &error));
  g_assert_no_error (error);

  ops_test_clock_advance (fixture->clock, SECONDS (3600));
  outage (fixture, "db-host", children);
  observe (fixture, "www.example.com", OPS_SAMPLE_STATUS_HEALTHY, "cert_days", 9);
  raise_down (fixture, "smtp");
  {
    g_autofree char *smtp = alert_id (fixture, "smtp");

    g_assert_nonnull (ops_alert_engine_acknowledge (fixture->engine, g_ascii_strtoll (smtp, NULL, 10), NULL,
                                                    "Provider incident", &error));
  }
  ops_test_clock_advance (fixture->clock, SECONDS (7 * 60));
  ops_alerts_view_refresh (fixture->view);
  flush_events ();
}

static void
test_screenshots (Fixture      *fixture,
                  gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *host = NULL;
  g_autofree char *web = NULL;

  populate (fixture);
  host = alert_id (fixture, "db-host");
  web = alert_id (fixture, "www.example.com");

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      g_clear_pointer (&fixture->window, gtk_window_destroy);
      new_window (fixture, 1100, 760);
      ops_alerts_view_show_alert (fixture->view, host);
      save_screenshot (fixture->window, dark ? "alerts-wide-dark" : "alerts-wide-light");

      g_clear_pointer (&fixture->window, gtk_window_destroy);
      new_window (fixture, 360, 720);
      g_assert_true (adw_leaflet_get_folded (child (fixture, ADW_TYPE_LEAFLET, "leaflet")));
      save_screenshot (fixture->window, dark ? "alerts-narrow-dark" : "alerts-narrow-light");
      ops_alerts_view_show_alert (fixture->view, web);
      save_screenshot (fixture->window, dark ? "alerts-narrow-detail-dark" : "alerts-narrow-detail-light");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "alerts.back", NULL));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "alerts.rules", NULL));
      settle ();
      gtk_widget_activate_action (GTK_WIDGET (find_toplevel (OPS_TYPE_ALERT_RULES_DIALOG)), "rules.add", NULL);
      save_screenshot (find_toplevel (OPS_TYPE_ALERT_RULES_DIALOG), dark ? "rules-dark" : "rules-light");
      close_dialogs ();
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "alerts.maintenance", NULL));
      settle ();
      gtk_widget_activate_action (GTK_WIDGET (find_toplevel (OPS_TYPE_ALERT_MAINTENANCE_DIALOG)),
                                  "maintenance.add", NULL);
      save_screenshot (find_toplevel (OPS_TYPE_ALERT_MAINTENANCE_DIALOG),
                       dark ? "maintenance-dark" : "maintenance-light");
      close_dialogs ();
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_alerts_ui_init (&argc, &argv);

  ADD ("/opsdeck/ui/alerts/open-row", test_open_row);
  ADD ("/opsdeck/ui/alerts/acknowledge", test_acknowledge);
  ADD ("/opsdeck/ui/alerts/acknowledge-after-switch", test_acknowledge_after_switch);
  ADD ("/opsdeck/ui/alerts/resolve", test_resolve);
  ADD ("/opsdeck/ui/alerts/auto-resolve", test_auto_resolve);
  ADD ("/opsdeck/ui/alerts/filters", test_filters);
  ADD ("/opsdeck/ui/alerts/dependencies", test_dependencies);
  ADD ("/opsdeck/ui/alerts/show-alert", test_show_alert);
  ADD ("/opsdeck/ui/alerts/stats", test_stats);
  ADD ("/opsdeck/ui/alerts/history-pages", test_history_pages);
  ADD ("/opsdeck/ui/alerts/screenshots", test_screenshots);

  return g_test_run ();
}
