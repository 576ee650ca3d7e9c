/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "alerts/ops-alert-db.h"
#include "alerts/ops-alert-engine.h"
#include "ops-test-alertmanager.h"
#include "ops-test-clock.h"
#include "ops-test-util.h"
#include "pages/health/ops-alert-detail.h"
#include "pages/health/ops-alert-maintenance-dialog.h"
#include "pages/health/ops-alert-rules-dialog.h"
#include "pages/health/ops-alerts-view.h"

/* The Alerts view under Xvfb, over a real alert engine on a temporary
 * store, with alerts raised through the engine on the test clock: rows,
 * order, filters, acknowledging and resolving from the detail with a
 * note, the rules and maintenance editors, an unreachable Alertmanager,
 * and screenshots. */

/* Monday 2 March 2026, 10:00 UTC. */
#define START_USEC (G_GINT64_CONSTANT (1772445600) * G_USEC_PER_SEC)
#define SECONDS(s)  ((gint64)(s) * G_USEC_PER_SEC)

typedef struct
{
  char           *path;
  OpsStore       *store;
  OpsEventBus    *bus;
  OpsTestClock   *clock;
  OpsAlertEngine *engine;
  GtkWindow      *window;
  OpsAlertsView  *view;
} Fixture;

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Lets GTK lay out and draw. */
static void
settle (void)
{
  ops_test_wait_until (never, NULL, 300);
  flush_events ();
}

static void
new_window (Fixture *fixture,
            int      width,
            int      height)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, height);
  fixture->view = OPS_ALERTS_VIEW (ops_alerts_view_new (fixture->engine));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  settle ();
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = ops_test_fresh_db_path ();
  fixture->store = ops_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->bus = ops_event_bus_new ();
  fixture->clock = ops_test_clock_new_at (START_USEC);
  fixture->engine = ops_alert_engine_new (fixture->store, fixture->bus, OPS_CLOCK (fixture->clock), &error);
  g_assert_no_error (error);
  new_window (fixture, 1100, 760);
}

static void
close_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) || OPS_IS_ALERT_RULES_DIALOG (l->data) ||
        OPS_IS_ALERT_MAINTENANCE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  flush_events ();
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  close_dialogs ();
  g_clear_pointer (&fixture->window, gtk_window_destroy);
  flush_events ();
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->bus);
  g_clear_pointer (&fixture->path, g_free);
}

/* Driving the engine */

static gint64
check_id (const char *name)
{
  return g_str_hash (name) & 0xffffff;
}

static void
observe (Fixture        *fixture,
         const char     *check,
         OpsSampleStatus status,
         const char     *metric,
         double          value)
{
  g_autoptr(OpsAlertSample) sample = NULL;

  sample = ops_alert_sample_new (check_id (check), check, ops_clock_get_real (OPS_CLOCK (fixture->clock)), status);
  if (status == OPS_SAMPLE_STATUS_DOWN)
    ops_alert_sample_set_error (sample, "connection refused");
  if (metric != NULL)
    ops_alert_sample_set_metric (sample, metric, value);
  ops_alert_engine_observe (fixture->engine, sample);
}

static OpsAlert *
open_alert (Fixture    *fixture,
            const char *check)
{
  GListModel *model = ops_alert_engine_get_open_alerts (fixture->engine);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (model, i);

      if (g_str_equal (ops_alert_get_check_name (alert), check))
        return alert;
    }

  return NULL;
}

static char *
alert_id (Fixture    *fixture,
          const char *check)
{
  OpsAlert *alert = open_alert (fixture, check);

  g_assert_nonnull (alert);
  return g_strdup_printf ("%" G_GINT64_FORMAT, ops_alert_get_id (alert));
}

static void
raise_down (Fixture    *fixture,
            const char *check)
{
  observe (fixture, check, OPS_SAMPLE_STATUS_DOWN, NULL, 0);
  flush_events ();
  g_assert_nonnull (open_alert (fixture, check));
}

/* PARENT goes down, then the checks that depend on it, as the engine
 * sees an outage: all healthy, then the parent's failure first. */
static void
outage (Fixture           *fixture,
        const char        *parent,
        const char *const *children)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; children[i] != NULL; i++)
    {
      ops_alert_db_add_dependency (fixture->store, children[i], parent, &error);
      g_assert_no_error (error);
    }
  g_assert_true (ops_alert_engine_reload (fixture->engine, &error));
  g_assert_no_error (error);

  observe (fixture, parent, OPS_SAMPLE_STATUS_HEALTHY, NULL, 0);
  for (guint i = 0; children[i] != NULL; i++)
    observe (fixture, children[i], OPS_SAMPLE_STATUS_HEALTHY, NULL, 0);
  ops_test_clock_advance (fixture->clock, SECONDS (30));
  observe (fixture, parent, OPS_SAMPLE_STATUS_DOWN, NULL, 0);
  ops_test_clock_advance (fixture->clock, SECONDS (1));
  for (guint i = 0; children[i] != NULL; i++)
    observe (fixture, children[i], OPS_SAMPLE_STATUS_DOWN, NULL, 0);
  flush_events ();
}

/* Reading the screen */

static gpointer
child (Fixture    *fixture,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->view), OPS_TYPE_ALERTS_VIEW, name);

  g_assert_nonnull (object);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (object, type));
  return object;
}

/* Whether a label on screen shows the text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL &&
      gtk_widget_get_mapped (widget))
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

/* The ids of the rows of a list, in order. */
static char *
row_ids (GtkListBox *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      const char *id = g_object_get_data (G_OBJECT (c), "alert-id");

      if (id == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, id);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
find_row (GtkListBox *list,
          const char *id)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (c), "alert-id"), id) == 0)
      return c;
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Answers the message dialog that is open: the note, then the button. */
static void
answer_note_dialog (const char *note,
                    const char *response)
{
  AdwMessageDialog *dialog;
  GtkWidget        *extra;

  flush_events ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (extra));
  gtk_editable_set_text (GTK_EDITABLE (extra), note);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
}

static OpsAlertDetail *
detail (Fixture *fixture)
{
  return child (fixture, OPS_TYPE_ALERT_DETAIL, "detail");
}

/* Whether the detail offers a button (its action is enabled). */
static gboolean
detail_offers (Fixture    *fixture,
               const char *button)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (detail (fixture)), OPS_TYPE_ALERT_DETAIL, button);

  g_assert_true (GTK_IS_BUTTON (object));
  flush_events ();
  return gtk_widget_get_visible (GTK_WIDGET (object)) && gtk_widget_is_sensitive (GTK_WIDGET (object));
}

/* Screenshots */

static void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int          width;
  int          height;

  settle ();
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%d×%d)", path, width, height);
}

/* Tests */

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

/* The dialog's editor rows, by their template names. */
static gpointer
dialog_child (GtkWindow  *dialog,
              GType       type,
              const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), type, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
problem (GtkWindow *dialog,
         GType      type)
{
  GtkLabel *label = dialog_child (dialog, type, "problem_label");

  flush_events ();
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
}

/* Whether Save can be pressed. */
static gboolean
can_save (GtkWindow *dialog,
          GType      type)
{
  flush_events ();
  return gtk_widget_is_sensitive (dialog_child (dialog, type, "save_button"));
}

static void
set_text (GtkWindow  *dialog,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, type, name)), text);
}

static void
test_rules_dialog (Fixture      *fixture,
                   gconstpointer data)
{
  GType      type = OPS_TYPE_ALERT_RULES_DIALOG;
  GtkWindow *dialog;
  g_autoptr(OpsAlertRule) expected = NULL;
  g_autoptr(OpsAlertRule) saved = NULL;
  g_autoptr(GError) core_error = NULL;
  g_autoptr(GError) error = NULL;
  double level;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "alerts.rules", NULL));
  flush_events ();
  dialog = find_toplevel (type);
  g_assert_nonnull (dialog);
  /* The built-in rules are listed. */
  g_assert_true (has_label (GTK_WIDGET (dialog), "Certificate expiring"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.add", NULL));
  set_text (dialog, type, "name_row", "Slow API");
  adw_combo_row_set_selected (dialog_child (dialog, type, "kind_row"), OPS_ALERT_RULE_THRESHOLD);
  set_text (dialog, type, "metric_row", "latency_ms");
  adw_combo_row_set_selected (dialog_child (dialog, type, "aggregate_row"), OPS_ALERT_AGGREGATE_AVG);

  /* No level yet: the core's own words. */
  expected = ops_alert_rule_new (OPS_ALERT_RULE_THRESHOLD, "Slow API");
  ops_alert_rule_set_measure (expected, OPS_ALERT_AGGREGATE_AVG, "latency_ms", OPS_ALERT_OPERATOR_GT);
  g_assert_false (ops_alert_rule_validate (expected, &core_error));
  g_assert_cmpstr (problem (dialog, type), ==, core_error->message);
  g_assert_false (can_save (dialog, type));

  /* A level that is not a number. */
  set_text (dialog, type, "warning_row", "fast");
  g_assert_nonnull (strstr (problem (dialog, type), "“fast” is not a number"));

  /* avg() without a window: the core's words again. */
  set_text (dialog, type, "warning_row", "500");
  g_clear_error (&core_error);
  ops_alert_rule_set_level (expected, OPS_SEVERITY_WARNING, 500);
  g_assert_false (ops_alert_rule_validate (expected, &core_error));
  g_assert_cmpstr (problem (dialog, type), ==, core_error->message);

  /* A duration the core cannot read. */
  set_text (dialog, type, "window_row", "five minutes");
  g_clear_error (&core_error);
  g_assert_false (ops_alert_parse_duration ("five minutes", &(gint64){ 0 }, &core_error));
  g_assert_cmpstr (problem (dialog, type), ==, core_error->message);

  set_text (dialog, type, "window_row", "5m");
  set_text (dialog, type, "critical_row", "2000");
  set_text (dialog, type, "for_row", "2m");
  adw_combo_row_set_selected (dialog_child (dialog, type, "scope_row"), OPS_ALERT_SCOPE_TAG);
  set_text (dialog, type, "scope_value_row", "edge");
  g_assert_null (problem (dialog, type));
  g_assert_true (can_save (dialog, type));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.save", NULL));
  flush_events ();

  saved = ops_alert_db_find_rule (fixture->store, "Slow API", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ops_alert_rule_get_kind (saved), ==, OPS_ALERT_RULE_THRESHOLD);
  g_assert_cmpstr (ops_alert_rule_get_metric (saved), ==, "latency_ms");
  g_assert_cmpint (ops_alert_rule_get_aggregate (saved), ==, OPS_ALERT_AGGREGATE_AVG);
  g_assert_true (ops_alert_rule_get_level (saved, OPS_SEVERITY_WARNING, &level));
  g_assert_cmpfloat (level, ==, 500);
  g_assert_true (ops_alert_rule_get_level (saved, OPS_SEVERITY_CRITICAL, &level));
  g_assert_cmpfloat (level, ==, 2000);
  g_assert_cmpint (ops_alert_rule_get_window (saved), ==, 300);
  g_assert_cmpint (ops_alert_rule_get_for (saved), ==, 120);
  g_assert_cmpint (ops_alert_rule_get_scope (saved)->kind, ==, OPS_ALERT_SCOPE_TAG);
  g_assert_cmpstr (ops_alert_rule_get_scope (saved)->value, ==, "edge");
  g_assert_true (has_label (GTK_WIDGET (dialog), "Slow API"));

  /* A second rule with the same name: the store refuses it in words. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.add", NULL));
  set_text (dialog, type, "name_row", "Slow API");
  g_assert_null (problem (dialog, type));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.save", NULL));
  g_assert_nonnull (problem (dialog, type));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.cancel", NULL));

  /* Deleting asks first; Cancel keeps the rule, Delete removes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.delete", "s", "Slow API"));
  flush_events ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "cancel");
  gtk_window_destroy (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_clear_object (&saved);
  saved = ops_alert_db_find_rule (fixture->store, "Slow API", &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.delete", "s", "Slow API"));
  flush_events ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "delete");
  gtk_window_destroy (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  flush_events ();
  g_clear_object (&saved);
  saved = ops_alert_db_find_rule (fixture->store, "Slow API", &error);
  g_assert_null (saved);
  g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND);
  g_assert_false (has_label (GTK_WIDGET (dialog), "Slow API"));
}

/* For one check: the rules that cover it, and new rules scoped to it. */
static void
test_rules_dialog_for_check (Fixture      *fixture,
                             gconstpointer data)
{
  GType      type = OPS_TYPE_ALERT_RULES_DIALOG;
  GtkWindow *dialog;
  g_autoptr(OpsAlertRule) other = ops_alert_rule_new (OPS_ALERT_RULE_DOWN, "Only db");
  g_autoptr(OpsAlertRule) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(OpsAlertScope) scope = { 0 };

  g_assert_true (ops_alert_scope_set (&scope, OPS_ALERT_SCOPE_CHECK, "db", &error));
  ops_alert_rule_set_scope (other, &scope);
  g_assert_true (ops_alert_db_save_rule (fixture->store, other, &error));
  g_assert_no_error (error);

  ops_alert_rules_dialog_present (GTK_WIDGET (fixture->view), fixture->engine, "api");
  flush_events ();
  dialog = find_toplevel (type);
  g_assert_true (has_label (GTK_WIDGET (dialog), "Certificate expiring"));
  g_assert_false (has_label (GTK_WIDGET (dialog), "Only db"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.add", NULL));
  set_text (dialog, type, "name_row", "API down");
  g_assert_null (problem (dialog, type));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.save", NULL));
  saved = ops_alert_db_find_rule (fixture->store, "API down", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ops_alert_rule_get_scope (saved)->kind, ==, OPS_ALERT_SCOPE_CHECK);
  g_assert_cmpstr (ops_alert_rule_get_scope (saved)->value, ==, "api");
  g_assert_cmpint (ops_alert_rule_get_severity (saved), ==, OPS_SEVERITY_CRITICAL);
  g_assert_true (has_label (GTK_WIDGET (dialog), "API down"));

  /* An absence rule, too short for the core, then right, as a warning. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.add", NULL));
  set_text (dialog, type, "name_row", "API quiet");
  adw_combo_row_set_selected (dialog_child (dialog, type, "kind_row"), OPS_ALERT_RULE_ABSENCE);
  adw_combo_row_set_selected (dialog_child (dialog, type, "severity_row"), 1);
  set_text (dialog, type, "absence_row", "5s");
  {
    g_autoptr(OpsAlertRule) expected = ops_alert_rule_new (OPS_ALERT_RULE_ABSENCE, "API quiet");
    g_autoptr(GError) core_error = NULL;

    ops_alert_rule_set_absence (expected, 5);
    g_assert_false (ops_alert_rule_validate (expected, &core_error));
    g_assert_cmpstr (problem (dialog, type), ==, core_error->message);
  }
  set_text (dialog, type, "absence_row", "10m");
  g_assert_null (problem (dialog, type));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.save", NULL));
  g_clear_object (&saved);
  saved = ops_alert_db_find_rule (fixture->store, "API quiet", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ops_alert_rule_get_kind (saved), ==, OPS_ALERT_RULE_ABSENCE);
  g_assert_cmpint (ops_alert_rule_get_absence (saved), ==, 600);
  g_assert_cmpint (ops_alert_rule_get_severity (saved), ==, OPS_SEVERITY_WARNING);

  /* Editing keeps the rule, under its new name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.edit", "s", "API quiet"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, type, "absence_row"))), ==, "10m");
  set_text (dialog, type, "name_row", "API silent");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "rules.save", NULL));
  {
    g_autoptr(OpsAlertRule) renamed = ops_alert_db_find_rule (fixture->store, "API silent", &error);

    g_assert_no_error (error);
    g_assert_cmpint (ops_alert_rule_get_id (renamed), ==, ops_alert_rule_get_id (saved));
  }
}

static void
test_maintenance_dialog (Fixture      *fixture,
                         gconstpointer data)
{
  GType      type = OPS_TYPE_ALERT_MAINTENANCE_DIALOG;
  GtkWindow *dialog;
  GtkBox    *days;
  g_autoptr(OpsMaintenanceWindow) expected = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GError) core_error = NULL;
  g_autoptr(GError) error = NULL;
  OpsMaintenanceWindow *saved;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "alerts.maintenance", NULL));
  flush_events ();
  dialog = find_toplevel (type);
  g_assert_nonnull (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "maintenance.add", NULL));
  set_text (dialog, type, "name_row", "Patch night");
  set_text (dialog, type, "time_zone_row", "Europe/Paris");
  set_text (dialog, type, "start_time_row", "23:30");
  set_text (dialog, type, "duration_row", "3h");
  g_assert_null (problem (dialog, type));

  /* No day: the core's words. */
  days = dialog_child (dialog, type, "days_box");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_prev_sibling (gtk_widget_get_last_child (GTK_WIDGET (days)))), FALSE);
  expected = ops_maintenance_window_new_weekly ("Patch night", 0, 23 * 60 + 30, 3 * 3600, "Europe/Paris");
  g_assert_false (ops_maintenance_window_validate (expected, &core_error));
  g_assert_cmpstr (problem (dialog, type), ==, core_error->message);

  /* A time zone that does not exist. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (days))), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_last_child (GTK_WIDGET (days))), TRUE);
  set_text (dialog, type, "time_zone_row", "Mars/Olympus");
  g_clear_error (&core_error);
  g_assert_null (ops_maintenance_lookup_time_zone ("Mars/Olympus", &core_error));
  g_assert_cmpstr (problem (dialog, type), ==, core_error->message);
  set_text (dialog, type, "time_zone_row", "Europe/Paris");

  /* A time of day the core cannot read. */
  set_text (dialog, type, "start_time_row", "25:00");
  g_clear_error (&core_error);
  g_assert_false (ops_maintenance_parse_time_of_day ("25:00", &(guint){ 0 }, &core_error));
  g_assert_cmpstr (problem (dialog, type), ==, core_error->message);
  set_text (dialog, type, "start_time_row", "23:30");

  adw_combo_row_set_selected (dialog_child (dialog, type, "scope_row"), OPS_ALERT_SCOPE_ENVIRONMENT);
  set_text (dialog, type, "scope_value_row", "staging");
  g_assert_null (problem (dialog, type));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "maintenance.save", NULL));
  flush_events ();

  windows = ops_alert_db_list_windows (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (windows->len, ==, 1);
  saved = g_ptr_array_index (windows, 0);
  g_assert_cmpstr (ops_maintenance_window_get_name (saved), ==, "Patch night");
  g_assert_cmpint (ops_maintenance_window_get_kind (saved), ==, OPS_MAINTENANCE_WEEKLY);
  g_assert_cmpuint (ops_maintenance_window_get_days (saved), ==, OPS_WEEKDAY_MONDAY | OPS_WEEKDAY_SUNDAY);
  g_assert_cmpuint (ops_maintenance_window_get_start_minute (saved), ==, 23 * 60 + 30);
  g_assert_cmpint (ops_maintenance_window_get_duration (saved), ==, 3 * 3600);
  g_assert_cmpstr (ops_maintenance_window_get_time_zone (saved), ==, "Europe/Paris");
  g_assert_cmpint (ops_maintenance_window_get_scope (saved)->kind, ==, OPS_ALERT_SCOPE_ENVIRONMENT);
  g_assert_true (has_label (GTK_WIDGET (dialog), "Patch night"));

  /* A one-off window that ends before it starts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "maintenance.add", NULL));
  set_text (dialog, type, "name_row", "Migration");
  adw_combo_row_set_selected (dialog_child (dialog, type, "kind_row"), OPS_MAINTENANCE_ONCE);
  set_text (dialog, type, "time_zone_row", "UTC");
  set_text (dialog, type, "start_row", "2026-03-10 22:00");
  set_text (dialog, type, "end_row", "2026-03-10 21:00");
  g_assert_nonnull (problem (dialog, type));
  set_text (dialog, type, "end_row", "2026-03-11 01:00");
  g_assert_null (problem (dialog, type));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "maintenance.save", NULL));
  g_clear_pointer (&windows, g_ptr_array_unref);
  windows = ops_alert_db_list_windows (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (windows->len, ==, 2);

  /* Deleting asks first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "maintenance.delete", "s", "Migration"));
  flush_events ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "delete");
  gtk_window_destroy (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_clear_pointer (&windows, g_ptr_array_unref);
  windows = ops_alert_db_list_windows (fixture->store, &error);
  g_assert_cmpuint (windows->len, ==, 1);
}

static gboolean
revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

static void
test_source_error (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autofree char *url = NULL;
  GtkRevealer     *revealer = child (fixture, GTK_TYPE_REVEALER, "source_error_revealer");
  GtkDropDown     *source = child (fixture, GTK_TYPE_DROP_DOWN, "source_dropdown");

  /* A loopback port that was free a moment ago: nothing listens there. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  g_clear_object (&address);
  address = g_socket_get_local_address (socket, &error);
  url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
  g_socket_close (socket, NULL);

  g_assert_true (ops_alert_db_add_source (fixture->store, "prom-eu", url, &error));
  g_assert_no_error (error);
  raise_down (fixture, "api");

  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  ops_alerts_view_refresh (fixture->view);
  g_assert_true (ops_test_wait_until (revealed, revealer, 20000));
  g_assert_true (has_label (GTK_WIDGET (revealer), "prom-eu"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (source)), 2), ==,
                   "prom-eu");

  /* Opsdeck's own alerts are still there. */
  g_assert_nonnull (open_alert (fixture, "api"));
  {
    g_autofree char *id = alert_id (fixture, "api");

    g_assert_nonnull (find_row (child (fixture, GTK_TYPE_LIST_BOX, "open_list"), id));
  }
  save_screenshot (fixture->window, "alerts-source-error");
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

/* The first row of a list whose id starts with a prefix. */
static GtkWidget *
find_row_prefix (GtkListBox *list,
                 const char *prefix)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (g_str_has_prefix (g_object_get_data (G_OBJECT (c), "alert-id") ?: "", prefix))
      return c;
  return NULL;
}

typedef struct
{
  GtkListBox *list;
  const char *prefix;
  const char *text; /* for silenced_shown() */
} RowWait;

static gboolean
row_appeared (gpointer data)
{
  RowWait *wait = data;

  return find_row_prefix (wait->list, wait->prefix) != NULL;
}

static gboolean
silenced_shown (gpointer data)
{
  RowWait   *wait = data;
  GtkWidget *row = find_row_prefix (wait->list, wait->prefix);

  return row != NULL && has_label (row, wait->text);
}

typedef struct
{
  OpsTestAlertmanager *am;
  JsonObject          *silence; /* owned by the node */
  JsonNode            *node;
} SilenceWait;

static gboolean
silence_created (gpointer data)
{
  SilenceWait *wait = data;
  JsonArray   *silences;

  g_clear_pointer (&wait->node, json_node_unref);
  wait->node = ops_test_alertmanager_get (wait->am, "/api/v2/silences");
  silences = json_node_get_array (wait->node);
  for (guint i = 0; i < json_array_get_length (silences); i++)
    {
      JsonObject *candidate = json_array_get_object_element (silences, i);

      if (g_strcmp0 (json_object_get_string_member (candidate, "createdBy"), g_get_user_name ()) == 0)
        {
          wait->silence = candidate;
          return TRUE;
        }
    }
  return FALSE;
}

/* Alerts of a real Alertmanager beside Opsdeck's; “Acknowledge for…”
 * creates a silence in it with the local user and the note. */
static void
test_alertmanager (Fixture      *fixture,
                   gconstpointer data)
{
  OpsTestAlertmanager *am = ops_test_alertmanager_start ();
  g_autofree char     *url = ops_test_alertmanager_url (am, NULL);
  g_autoptr(GError) error = NULL;
  GtkListBox       *open_list = child (fixture, GTK_TYPE_LIST_BOX, "open_list");
  GtkDropDown      *source = child (fixture, GTK_TYPE_DROP_DOWN, "source_dropdown");
  RowWait           row_wait = { open_list, "prom/", "Silenced" };
  SilenceWait       silence_wait = { am, NULL, NULL };
  GtkWidget        *row;
  AdwMessageDialog *dialog;
  GtkWidget        *extra;
  g_autofree char  *api = NULL;

  g_assert_true (ops_alert_db_add_source (fixture->store, "prom", url, &error));
  g_assert_no_error (error);
  ops_test_alertmanager_post_alerts (am,
                                     "[{\"labels\": {\"alertname\": \"HighCPU\", \"instance\": \"db1:9100\","
                                     "  \"severity\": \"critical\"},"
                                     "  \"annotations\": {\"summary\": \"CPU above 95 % for 10 minutes\"}}]");
  raise_down (fixture, "api");
  api = alert_id (fixture, "api");

  ops_alerts_view_refresh (fixture->view);
  g_assert_true (ops_test_wait_until (row_appeared, &row_wait, 20000));
  row = find_row_prefix (open_list, "prom/");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "db1:9100");
  g_assert_true (has_label (row, "Critical"));
  g_assert_true (has_label (row, "CPU above 95 % for 10 minutes"));
  g_assert_nonnull (find_row (open_list, api));
  g_assert_false (gtk_revealer_get_reveal_child (child (fixture, GTK_TYPE_REVEALER, "source_error_revealer")));

  /* The source filter: the Alertmanager's alone, or Opsdeck's alone. */
  gtk_drop_down_set_selected (source, 2);
  g_assert_null (find_row (open_list, api));
  g_assert_nonnull (find_row_prefix (open_list, "prom/"));
  gtk_drop_down_set_selected (source, 1);
  g_assert_nonnull (find_row (open_list, api));
  g_assert_null (find_row_prefix (open_list, "prom/"));
  gtk_drop_down_set_selected (source, 0);

  /* Its detail: its labels; Acknowledge for… rather than Acknowledge. */
  ops_alerts_view_show_alert (fixture->view, g_object_get_data (G_OBJECT (find_row_prefix (open_list, "prom/")),
                                                                "alert-id"));
  g_assert_true (has_label (GTK_WIDGET (detail (fixture)), "alertname"));
  g_assert_true (detail_offers (fixture, "silence_button"));
  g_assert_false (detail_offers (fixture, "acknowledge_button"));
  g_assert_false (detail_offers (fixture, "resolve_button"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (fixture)), "alert.silence", NULL));
  flush_events ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  extra = adw_message_dialog_get_extra_child (dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_first_child (extra)), 1); /* 4 hours */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_last_child (extra)), "Replacing the fan");
  adw_message_dialog_response (dialog, "silence");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (ops_test_wait_until (silence_created, &silence_wait, 20000));
  g_assert_cmpstr (json_object_get_string_member (silence_wait.silence, "comment"), ==, "Replacing the fan");
  {
    g_autoptr(GDateTime) starts = g_date_time_new_from_iso8601 (
        json_object_get_string_member (silence_wait.silence, "startsAt"), NULL);
    g_autoptr(GDateTime) ends = g_date_time_new_from_iso8601 (
        json_object_get_string_member (silence_wait.silence, "endsAt"), NULL);

    GTimeSpan span = g_date_time_difference (ends, starts);

    /* Alertmanager starts it when it receives it: 4 hours from when it
     * was sent, give or take the trip. Not 1 hour, not a day. */
    g_assert_cmpint (span, >, SECONDS (3 * 3600));
    g_assert_cmpint (span, <=, SECONDS (4 * 3600));
  }
  g_clear_pointer (&silence_wait.node, json_node_unref);

  /* Read again, the alert says it is silenced. */
  ops_alerts_view_refresh (fixture->view);
  g_assert_true (ops_test_wait_until (silenced_shown, &row_wait, 20000));

  ops_test_alertmanager_stop (am);
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  ops_test_init_ui (&argc, &argv);
  gtk_init ();
  adw_init ();
  {
    /* The application's styles, as the app loads them. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/opsdeck/Opsdeck/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  ADD ("/opsdeck/ui/alerts/open-row", test_open_row);
  ADD ("/opsdeck/ui/alerts/acknowledge", test_acknowledge);
  ADD ("/opsdeck/ui/alerts/acknowledge-after-switch", test_acknowledge_after_switch);
  ADD ("/opsdeck/ui/alerts/resolve", test_resolve);
  ADD ("/opsdeck/ui/alerts/filters", test_filters);
  ADD ("/opsdeck/ui/alerts/dependencies", test_dependencies);
  ADD ("/opsdeck/ui/alerts/rules-dialog", test_rules_dialog);
  ADD ("/opsdeck/ui/alerts/rules-dialog-for-check", test_rules_dialog_for_check);
  ADD ("/opsdeck/ui/alerts/maintenance-dialog", test_maintenance_dialog);
  ADD ("/opsdeck/ui/alerts/source-error", test_source_error);
  ADD ("/opsdeck/ui/alerts/show-alert", test_show_alert);
  ADD ("/opsdeck/ui/alerts/stats", test_stats);
  ADD ("/opsdeck/ui/alerts/history-pages", test_history_pages);
  ADD ("/opsdeck/ui/alerts/alertmanager", test_alertmanager);
  ADD ("/opsdeck/ui/alerts/screenshots", test_screenshots);

  return g_test_run ();
}
