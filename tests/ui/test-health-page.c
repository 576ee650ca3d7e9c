/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ops-test-health-page.h"
#include "ops-test-nginx.h"
#include "ops-test-util.h"
#include "pages/health/ops-alert-maintenance-dialog.h"
#include "pages/health/ops-alert-rules-dialog.h"
#include "pages/health/ops-check-dialog.h"
#include "pages/health/ops-health-card.h"

/* The Health tab in a real window, against a real nginx on loopback. The
 * tests act as a person would (the dialog's fields, the filter controls,
 * the buttons of a toast) and look at what is on screen (cards, labels). */

typedef struct
{
  OpsTestHealthPage page;
  OpsTestNginx     *nginx;
} Fixture;

static void
setup (Fixture      *fixture,
       gconstpointer data)
{
  fixture->nginx = ops_test_nginx_start ("location = /health { return 200 \"fine\"; }\n", NULL, NULL);
  ops_test_health_page_open (&fixture->page);
}

static void
teardown (Fixture      *fixture,
          gconstpointer data)
{
  ops_test_health_page_close (&fixture->page);
  if (fixture->nginx != NULL)
    ops_test_nginx_stop (fixture->nginx);
}

static guint
n_cards (Fixture *fixture)
{
  g_autoptr(GPtrArray) cards = ops_test_health_page_cards (&fixture->page);

  return cards->len;
}

static OpsHealthCard *
card_of (Fixture    *fixture,
         const char *name)
{
  g_autoptr(GPtrArray) cards = ops_test_health_page_cards (&fixture->page);

  for (guint i = 0; i < cards->len; i++)
    {
      OpsHealthCard *card = g_ptr_array_index (cards, i);

      if (g_strcmp0 (ops_check_get_name (ops_health_card_get_check (card)), name) == 0)
        return card;
    }

  return NULL;
}

static const char *
visible_content (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (fixture->page.page->content_stack);
}

static void
test_empty_state (Fixture      *fixture,
                  gconstpointer data)
{
  GtkWidget *add;
  GtkWidget *import;

  g_assert_cmpstr (visible_content (fixture), ==, "empty");
  g_assert_true (ops_test_has_label (GTK_WIDGET (fixture->page.page), "No Health Checks Yet"));

  add = ops_test_find_widget (GTK_WIDGET (fixture->page.page), GTK_TYPE_BUTTON, "_Add Check");
  import = ops_test_find_widget (GTK_WIDGET (fixture->page.page), GTK_TYPE_BUTTON,
                                 "_Import Configuration…");
  g_assert_nonnull (add);
  g_assert_nonnull (import);
  g_assert_true (gtk_widget_is_sensitive (add));
  g_assert_true (gtk_widget_is_sensitive (import));

  /* With a check, the grid takes its place. */
  g_object_unref (ops_test_health_page_add (&fixture->page, OPS_CHECK_KIND_TCP, "db", "127.0.0.1:1",
                                            OPS_ENVIRONMENT_PRODUCTION, NULL));
  g_assert_cmpstr (visible_content (fixture), ==, "checks");
}

static OpsCheckDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (OPS_IS_CHECK_DIALOG (window))
        return OPS_CHECK_DIALOG (window);
    }

  return NULL;
}

static void
type_into (GtkWidget  *root,
           const char *title,
           const char *text)
{
  GtkWidget *row = ops_test_find_widget (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
test_result_shown (gpointer data)
{
  return g_str_has_prefix (gtk_label_get_label (GTK_LABEL (data)), "Healthy in ");
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
card_shown (gpointer data)
{
  Fixture *fixture = data;

  return card_of (fixture, "Web") != NULL;
}

/* The label that shows a test's result follows the Test button. */
static GtkWidget *
label_after (GtkWidget *button)
{
  for (GtkWidget *w = gtk_widget_get_next_sibling (button); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LABEL (w))
      return w;

  g_assert_not_reached ();
}

static void
test_add_through_dialog (Fixture      *fixture,
                         gconstpointer data)
{
  g_autofree char *url = ops_test_nginx_url (fixture->nginx, "/health");
  g_autofree char *db = NULL;
  OpsCheckDialog  *dialog;
  GtkWidget       *save;
  GtkWidget       *test;
  OpsCheck        *check;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page.page), "health.add", NULL));
  ops_test_flush_events ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  /* Nothing typed yet: the form says what is missing and cannot be saved. */
  save = ops_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Save");
  test = ops_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Test");
  g_assert_false (ops_check_dialog_is_valid (dialog));
  g_assert_false (gtk_widget_get_sensitive (save));

  type_into (GTK_WIDGET (dialog), "Name", "Web");
  type_into (GTK_WIDGET (dialog), "Target", "not a url");
  g_assert_false (ops_check_dialog_is_valid (dialog));
  g_assert_nonnull (strstr (ops_check_dialog_get_problem (dialog), "not a url"));

  type_into (GTK_WIDGET (dialog), "Target", url);
  type_into (GTK_WIDGET (dialog), "Interval (such as 30s or 5m)", "soon");
  g_assert_false (ops_check_dialog_is_valid (dialog));
  type_into (GTK_WIDGET (dialog), "Interval (such as 30s or 5m)", "2s");
  type_into (GTK_WIDGET (dialog), "Timeout (such as 10s)", "5s");
  g_assert_false (ops_check_dialog_is_valid (dialog)); /* timeout longer than the interval */
  type_into (GTK_WIDGET (dialog), "Timeout (such as 10s)", "1s");
  type_into (GTK_WIDGET (dialog), "Tags (separated by commas)", "web, public");
  g_assert_cmpstr (ops_check_dialog_get_problem (dialog), ==, NULL);
  g_assert_true (gtk_widget_get_sensitive (save));

  /* Test probes the real server once and shows the result, without saving. */
  g_signal_emit_by_name (test, "clicked");
  g_assert_true (ops_test_wait_for (test_result_shown, label_after (test)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ops_health_engine_get_checks (fixture->page.engine))), ==, 0);

  g_signal_emit_by_name (save, "clicked");
  g_assert_true (ops_test_wait_for (dialog_gone, NULL));

  check = ops_check_list_find_by_name (ops_health_engine_get_checks (fixture->page.engine), "Web");
  g_assert_nonnull (check);
  g_assert_cmpstr (ops_check_get_target (check), ==, url);
  g_assert_cmpuint (ops_check_get_interval_ms (check), ==, 2000);
  g_assert_true (g_strv_contains (ops_check_get_tags (check), "public"));

  /* Stored in the database, and a card shows it. */
  db = g_build_filename (fixture->page.data_dir, "opsdeck.db", NULL);
  g_assert_cmpint (ops_test_sqlite_int (db, "SELECT count(*) FROM health_checks WHERE name = 'Web' "
                                            "AND removed_at IS NULL"), ==, 1);
  g_assert_true (ops_test_wait_for (card_shown, fixture));
}

typedef struct
{
  Fixture    *fixture;
  const char *status;
} CardStatus;

static gboolean
card_says (gpointer data)
{
  CardStatus    *wanted = data;
  OpsHealthCard *card = card_of (wanted->fixture, "nginx");

  return card != NULL && ops_test_has_label (GTK_WIDGET (card), wanted->status);
}

static void
test_server_down (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *url = ops_test_nginx_url (fixture->nginx, "/health");
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_HTTP, "nginx", url);
  g_autoptr(GError) error = NULL;
  CardStatus healthy = { fixture, "Healthy" };
  CardStatus down = { fixture, "Down" };

  ops_check_set_interval_ms (check, 1000);
  ops_check_set_timeout_ms (check, 1000);
  ops_check_set_failure_threshold (check, 2);
  ops_check_list_add (ops_health_engine_get_checks (fixture->page.engine), check, &error);
  g_assert_no_error (error);

  g_assert_true (ops_test_wait_for (card_says, &healthy));
  g_assert_false (card_says (&down));

  /* The server goes away: after two failed probes the card says so, with
   * its icon and word, not only a colour. */
  ops_test_nginx_stop (g_steal_pointer (&fixture->nginx));
  g_assert_true (ops_test_wait_for (card_says, &down));
  g_assert_cmpuint (ops_check_get_consecutive_failures (check), >=, 2);
  {
    OpsHealthCard *card = card_of (fixture, "nginx");
    GtkWidget     *icon = ops_test_find_widget (GTK_WIDGET (card), GTK_TYPE_IMAGE, NULL);

    g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "dialog-error-symbolic");
  }
}

static void
test_filters (Fixture      *fixture,
              gconstpointer data)
{
  OpsHealthPage *page = fixture->page.page;
  OpsSettings   *settings = ops_store_get_settings (ops_application_get_store (fixture->page.app));
  g_autoptr(OpsCheck) paused = NULL;

  g_object_unref (ops_test_health_page_add (&fixture->page, OPS_CHECK_KIND_TCP, "orders-db",
                                            "127.0.0.1:1", OPS_ENVIRONMENT_PRODUCTION, "db"));
  g_object_unref (ops_test_health_page_add (&fixture->page, OPS_CHECK_KIND_DNS, "staging-dns",
                                            "localhost", OPS_ENVIRONMENT_STAGING, "dns"));
  paused = ops_test_health_page_add (&fixture->page, OPS_CHECK_KIND_TCP, "dev-cache",
                                     "127.0.0.1:2", OPS_ENVIRONMENT_DEVELOPMENT, "db");
  ops_check_set_paused (paused, TRUE);
  ops_test_flush_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 3);

  /* Environment */
  gtk_drop_down_set_selected (page->environment_dropdown, 2);
  ops_test_flush_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 1);
  g_assert_nonnull (card_of (fixture, "staging-dns"));
  g_assert_cmpstr (ops_settings_get_text (settings, OPS_SETTINGS_KEY_HEALTH_FILTER_ENVIRONMENT), ==,
                   "staging");
  gtk_drop_down_set_selected (page->environment_dropdown, 0);
  ops_test_flush_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 3);

  /* Tag */
  g_signal_emit_by_name (page->filter_popover, "show");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (page->tag_list)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (page->tag_list, i), "db") == 0)
      gtk_drop_down_set_selected (page->tag_dropdown, i);
  ops_test_flush_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 2);
  g_assert_null (card_of (fixture, "staging-dns"));
  g_assert_cmpstr (ops_settings_get_text (settings, OPS_SETTINGS_KEY_HEALTH_FILTER_TAG), ==, "db");

  /* Status: paused */
  gtk_drop_down_set_selected (page->status_dropdown, OPS_HEALTH_FILTER_PAUSED);
  ops_test_flush_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 1);
  g_assert_nonnull (card_of (fixture, "dev-cache"));
  ops_check_set_paused (paused, FALSE);
  ops_test_flush_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->results_stack), ==, "no-results");

  /* Clear, then search by name and by target. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "health.clear-filters", NULL));
  ops_test_flush_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "ORDERS");
  g_signal_emit_by_name (page->search_entry, "search-changed");
  ops_test_flush_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "localhost");
  g_signal_emit_by_name (page->search_entry, "search-changed");
  ops_test_flush_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 1);
  g_assert_nonnull (card_of (fixture, "staging-dns"));

  /* Grouping is remembered too. */
  gtk_switch_set_active (page->group_switch, TRUE);
  g_assert_true (ops_settings_get_boolean (settings, OPS_SETTINGS_KEY_HEALTH_GROUP_BY_ENVIRONMENT));
}

static void
append_history (OpsHealthEngine *engine,
                OpsCheck        *check,
                guint            n)
{
  OpsHistory *history = ops_health_engine_get_history (engine);
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpsCheckResult) result =
          ops_check_result_new (ops_check_get_id (check), now - (gint64)(n - i) * 60 * G_USEC_PER_SEC);

      ops_check_result_set_status (result, i % 10 == 0 ? OPS_HEALTH_STATUS_DOWN : OPS_HEALTH_STATUS_HEALTHY);
      ops_check_result_set_total_us (result, 1000 + i * 10);
      ops_history_append (history, result, ops_check_result_get_status (result));
    }
  ops_history_flush_sync (history, &error);
  g_assert_no_error (error);
}

static gboolean
uptime_shown (gpointer data)
{
  Fixture *fixture = data;

  return ops_test_has_label (GTK_WIDGET (fixture->page.page->detail), "90.00 %");
}

static gboolean
history_loaded (gpointer data)
{
  return !ops_health_history_view_get_loading (data);
}

/* Destroys the one toplevel of @type, and says whether there was one. */
static gboolean
close_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      {
        gtk_window_destroy (l->data);
        found = TRUE;
      }

  ops_test_flush_events ();
  return found;
}

static void
test_detail (Fixture      *fixture,
             gconstpointer data)
{
  OpsHealthPage *page = fixture->page.page;
  g_autoptr(OpsCheck) check = NULL;
  g_autofree char *id = NULL;

  check = ops_test_health_page_add (&fixture->page, OPS_CHECK_KIND_TCP, "queue", "127.0.0.1:1",
                                    OPS_ENVIRONMENT_PRODUCTION, NULL);
  ops_check_set_paused (check, TRUE);
  append_history (fixture->page.engine, check, 100);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, ops_check_get_id (check));
  ops_health_page_show_check (page, id);
  ops_test_flush_events ();

  g_assert_true (ops_health_detail_get_check (page->detail) == check);
  g_assert_true (ops_test_has_label (GTK_WIDGET (page->detail), "queue"));
  /* 10 of the 100 stored results failed. */
  g_assert_true (ops_test_wait_for (uptime_shown, fixture));

  /* Over 24 hours, the response-time chart holds every stored result:
   * the 90 that passed as values, the 10 that failed as gaps. */
  {
    OpsHealthHistoryView *history = ops_health_detail_get_history_view (page->detail);
    GtkWidget            *day = ops_test_find_widget (GTK_WIDGET (history), GTK_TYPE_TOGGLE_BUTTON, "24 h");
    OpsChartSeries       *series;
    const OpsChartPoint  *points;
    gsize                 n_points = 0;
    guint                 n_values = 0;

    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (day), TRUE);
    g_assert_true (ops_test_wait_for (history_loaded, history));
    series = g_ptr_array_index (ops_chart_get_series (ops_health_history_view_get_latency_chart (history)), 0);
    points = ops_chart_series_get_points (series, &n_points);
    g_assert_cmpuint (n_points, ==, 100);
    for (gsize i = 0; i < n_points; i++)
      n_values += !isnan (points[i].value);
    g_assert_cmpuint (n_values, ==, 90);
  }

  /* The check's alert rules and maintenance windows open from the detail;
   * the Alerts view sits beside the checks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page->detail), "detail.alert-rules", NULL));
  ops_test_flush_events ();
  g_assert_true (close_toplevel (OPS_TYPE_ALERT_RULES_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page->detail), "detail.maintenance", NULL));
  ops_test_flush_events ();
  g_assert_true (close_toplevel (OPS_TYPE_ALERT_MAINTENANCE_DIALOG));
  g_assert_nonnull (adw_view_stack_get_child_by_name (ops_health_page_get_views (page), "alerts"));

  /* Narrow, the detail is a page of its own with a way back. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->page.window), 360, 720);
  ops_test_flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "health.close-detail", NULL));
  g_assert_true (adw_leaflet_get_visible_child (page->leaflet) == page->main_pane);

  /* An unknown id shows the checks. */
  ops_health_page_show_check (page, "999999");
  g_assert_true (adw_leaflet_get_visible_child (page->leaflet) == page->main_pane);
}

static gboolean
no_toast (gpointer data)
{
  OpsHealthPage *page = data;

  return ops_test_find_widget (GTK_WIDGET (page->toast_overlay), GTK_TYPE_BUTTON, "_Undo") == NULL;
}

static void
test_delete_undo (Fixture      *fixture,
                  gconstpointer data)
{
  OpsHealthPage   *page = fixture->page.page;
  OpsCheckList    *list = ops_health_engine_get_checks (fixture->page.engine);
  g_autoptr(OpsCheck) check = NULL;
  g_autofree char *db = g_build_filename (fixture->page.data_dir, "opsdeck.db", NULL);
  g_autofree char *count_sql = NULL;
  GtkWidget       *undo;
  gint64           id;

  check = ops_test_health_page_add (&fixture->page, OPS_CHECK_KIND_TCP, "payments", "127.0.0.1:1",
                                    OPS_ENVIRONMENT_PRODUCTION, NULL);
  ops_check_set_paused (check, TRUE);
  append_history (fixture->page.engine, check, 50);
  id = ops_check_get_id (check);
  count_sql = g_strdup_printf ("SELECT count(*) FROM health_samples WHERE check_id = %" G_GINT64_FORMAT, id);
  ops_test_flush_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 1);

  /* Cancel keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "health.delete", "x", id));
  ops_test_respond_to_dialog ("cancel");
  ops_test_flush_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 1);

  /* Delete hides it at once; Undo on the toast brings it back with its
   * history. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "health.delete", "x", id));
  ops_test_respond_to_dialog ("delete");
  ops_test_flush_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 0);

  undo = ops_test_find_widget (GTK_WIDGET (page->toast_overlay), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ops_test_flush_events ();
  g_assert_cmpuint (n_cards (fixture), ==, 1);
  g_assert_true (ops_check_list_find_by_id (list, id) == check);
  g_assert_cmpint (ops_test_sqlite_int (db, count_sql), ==, 50);
  g_assert_true (ops_test_wait_for (no_toast, page));

  /* Deleted for good when the toast goes without Undo (here: the window
   * closes). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "health.delete", "x", id));
  ops_test_respond_to_dialog ("delete");
  ops_test_flush_events ();
  gtk_window_destroy (GTK_WINDOW (fixture->page.window));
  ops_test_flush_events ();
  g_assert_null (ops_check_list_find_by_id (list, id));
  g_assert_cmpint (ops_test_sqlite_int (db, "SELECT count(*) FROM health_checks WHERE removed_at IS NULL"),
                   ==, 0);
}

static void
test_pause_resume (Fixture      *fixture,
                   gconstpointer data)
{
  OpsHealthPage *page = fixture->page.page;
  g_autoptr(OpsCheck) check = NULL;
  OpsHealthCard *card;
  GtkWidget     *badge;

  check = ops_test_health_page_add (&fixture->page, OPS_CHECK_KIND_TCP, "mail", "127.0.0.1:1",
                                    OPS_ENVIRONMENT_PRODUCTION, NULL);
  ops_test_flush_events ();
  card = card_of (fixture, "mail");
  badge = ops_test_find_widget (GTK_WIDGET (card), GTK_TYPE_LABEL, "Paused");
  g_assert_false (gtk_widget_get_visible (badge));

  /* One check, from its card's menu: the badge says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.pause", NULL));
  g_assert_true (ops_check_get_paused (check));
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.resume", NULL));
  g_assert_false (ops_check_get_paused (check));
  g_assert_false (gtk_widget_get_visible (badge));

  /* All: the engine stops probing, the tab says so and offers to resume. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "health.pause-all", NULL));
  g_assert_true (ops_health_engine_get_paused (fixture->page.engine));
  g_assert_true (gtk_revealer_get_reveal_child (page->paused_revealer));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "health.resume-all", NULL));
  g_assert_false (ops_health_engine_get_paused (fixture->page.engine));
  g_assert_false (gtk_revealer_get_reveal_child (page->paused_revealer));
}

static gboolean
two_checks (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (G_LIST_MODEL (ops_health_engine_get_checks (fixture->page.engine))) == 2;
}

static void
test_edit_duplicate (Fixture      *fixture,
                     gconstpointer data)
{
  OpsHealthPage  *page = fixture->page.page;
  g_autoptr(OpsCheck) check = NULL;
  OpsCheckDialog *dialog;
  GtkWidget      *name;

  check = ops_test_health_page_add (&fixture->page, OPS_CHECK_KIND_TCP, "cache", "127.0.0.1:1",
                                    OPS_ENVIRONMENT_PRODUCTION, "redis");
  ops_check_set_paused (check, TRUE);
  ops_test_flush_events ();

  /* Edit: the form shows the check; a new name is saved into the same
   * check, and its card says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "health.edit", "x",
                                             ops_check_get_id (check)));
  dialog = find_dialog ();
  name = ops_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "cache");
  g_assert_true (ops_check_dialog_is_valid (dialog));
  gtk_editable_set_text (GTK_EDITABLE (name), "session cache");
  g_signal_emit_by_name (ops_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Save"), "clicked");
  g_assert_true (ops_test_wait_for (dialog_gone, NULL));
  g_assert_cmpstr (ops_check_get_name (check), ==, "session cache");
  ops_test_flush_events ();
  g_assert_nonnull (card_of (fixture, "session cache"));

  /* Duplicate: a new check with the same definition and a name of its own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "health.duplicate", "x",
                                             ops_check_get_id (check)));
  dialog = find_dialog ();
  name = ops_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "session cache (copy)");
  g_signal_emit_by_name (ops_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Save"), "clicked");
  g_assert_true (ops_test_wait_for (two_checks, fixture));
  {
    OpsCheck *copy = ops_check_list_find_by_name (ops_health_engine_get_checks (fixture->page.engine),
                                                  "session cache (copy)");

    g_assert_nonnull (copy);
    g_assert_cmpstr (ops_check_get_target (copy), ==, "127.0.0.1:1");
    g_assert_true (g_strv_contains (ops_check_get_tags (copy), "redis"));
  }
}

static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window))
        return GTK_WIDGET (window);
    }

  return NULL;
}

static gboolean
file_chosen (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

static gboolean
card_named_imported (gpointer data)
{
  return card_of (data, "imported") != NULL;
}

static void
test_import (Fixture      *fixture,
             gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->page.data_dir, "checks.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *chooser;

  ops_test_write_file (path,
                       "{ \"format\": \"opsdeck-config\", \"version\": 1, \"health\": { \"checks\": [ "
                       "{ \"name\": \"imported\", \"kind\": \"tcp\", \"target\": \"127.0.0.1:1\", "
                       "\"environment\": \"staging\" } ] } }",
                       -1);

  /* From the empty state: Import Configuration…, choose the file. */
  g_assert_cmpstr (visible_content (fixture), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page.page), "health.import", NULL));
  ops_test_flush_events ();
  chooser = find_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  g_assert_true (ops_test_wait_for (file_chosen, chooser));
  g_signal_emit_by_name (ops_test_find_widget (chooser, GTK_TYPE_BUTTON, "_Import"), "clicked");

  g_assert_true (ops_test_wait_for (card_named_imported, fixture));
  g_assert_cmpstr (visible_content (fixture), ==, "checks");
  g_assert_true (ops_test_has_label (GTK_WIDGET (fixture->page.page->toast_overlay),
                                     "Configuration imported"));
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init_ui (&argc, &argv);
  gtk_init ();
  adw_init ();
  /* Toasts and pages appear at once: what the tests wait for is the effect,
   * not an animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/opsdeck/health-page/empty-state", test_empty_state);
  ADD ("/opsdeck/health-page/add-through-dialog", test_add_through_dialog);
  ADD ("/opsdeck/health-page/server-down", test_server_down);
  ADD ("/opsdeck/health-page/filters", test_filters);
  ADD ("/opsdeck/health-page/detail", test_detail);
  ADD ("/opsdeck/health-page/delete-undo", test_delete_undo);
  ADD ("/opsdeck/health-page/pause-resume", test_pause_resume);
  ADD ("/opsdeck/health-page/import", test_import);
  ADD ("/opsdeck/health-page/edit-duplicate", test_edit_duplicate);
#undef ADD

  return g_test_run ();
}
