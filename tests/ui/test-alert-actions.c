/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "alerts/ops-alert-db.h"
#include "pages/health/ops-alert-detail.h"
#include "pages/health/ops-alerts-view.h"
#include "ops-application.h"
#include "ops-preferences-window.h"
#include "ops-test-dunst.h"
#include "ops-test-health-page.h"
#include "ops-test-util.h"
#include "ops-window.h"
#include "store/ops-settings.h"

/* The application's side of alert notifications, under Xvfb with the real
 * dunst: an alert raised while no window is open is shown with its
 * buttons; its Acknowledge action, activated over D-Bus as a notification
 * server does, acknowledges it without opening a window; Open opens the
 * window on the Health tab. And the notification preferences. */

static OpsApplication *
new_application (void)
{
  static guint     counter;
  g_autofree char *id = g_strdup_printf ("%s.TestAlerts%u", APPLICATION_ID, ++counter);
  g_autoptr(GError) error = NULL;
  OpsApplication *app;

  ops_test_fresh_data_dir ();
  app = ops_application_new ();
  g_application_set_application_id (G_APPLICATION (app), id);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ops_application_get_alert_engine (app));

  return app;
}

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
raise_alert (OpsApplication *app,
             const char     *check)
{
  OpsAlertEngine *engine = ops_application_get_alert_engine (app);
  g_autoptr(OpsAlertSample) sample = NULL;
  GListModel *open = ops_alert_engine_get_open_alerts (engine);

  sample = ops_alert_sample_new (g_str_hash (check), check, g_get_real_time (),
                                 OPS_SAMPLE_STATUS_DOWN);
  ops_alert_sample_set_error (sample, "connection refused");
  ops_alert_engine_observe (engine, sample);

  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (open, i);

      if (g_str_equal (ops_alert_get_check_name (alert), check))
        return ops_alert_get_id (alert);
    }

  g_assert_not_reached ();
}

typedef struct
{
  gboolean done;
  GError  *error;
} Call;

static void
activated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &call->error);
  call->done = TRUE;
}

static gboolean
call_done (gpointer data)
{
  return ((Call *)data)->done;
}

/* Activates an application action over D-Bus from a connection of its
 * own, as the desktop's notification service does when a button is
 * pressed (org.gtk.Actions.Activate). */
static void
activate_over_dbus (OpsApplication *app,
                    const char     *action,
                    gint64          alert_id)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  GVariantBuilder  parameters;
  Call             call = { FALSE, NULL };

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                           G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);

  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&parameters, "v", g_variant_new_int64 (alert_id));
  g_dbus_connection_call (connection, g_application_get_application_id (G_APPLICATION (app)),
                          g_application_get_dbus_object_path (G_APPLICATION (app)),
                          "org.gtk.Actions", "Activate",
                          g_variant_new ("(sava{sv})", action, &parameters, NULL), NULL,
                          G_DBUS_CALL_FLAGS_NONE, 10000, NULL, activated_cb, &call);

  g_assert_true (ops_test_wait_until (call_done, &call, 15000));
  g_assert_no_error (call.error);
}

static gboolean
acknowledged (gpointer data)
{
  return ops_alert_get_state (data) == OPS_ALERT_STATE_ACKNOWLEDGED;
}

static void
test_acknowledge_in_background (void)
{
  OpsTestDunst *dunst = ops_test_dunst_start ();
  g_autoptr(OpsApplication) app = new_application ();
  g_autoptr(OpsAlert) alert = NULL;
  g_autofree char *buttons = NULL;
  g_autofree char *printed = NULL;
  gint64           id;

  /* Running in the background, no window: an alert fires. */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  id = raise_alert (app, "web");
  g_assert_true (ops_test_dunst_wait_printed (dunst, "summary: 'web: critical'", 10000));
  buttons = g_strdup_printf ("\"app.alert-acknowledge(int64 %" G_GINT64_FORMAT ")\": \"Acknowledge\"", id);
  printed = ops_test_dunst_read_printed (dunst);
  g_assert_nonnull (strstr (printed, buttons));
  ops_test_dunst_sync (dunst);

  /* The Acknowledge button: the alert is acknowledged by the local user,
   * the notification goes, and still no window opens. */
  alert = g_object_ref (ops_alert_engine_lookup_alert (ops_application_get_alert_engine (app), id));
  activate_over_dbus (app, "alert-acknowledge", id);
  g_assert_true (ops_test_wait_until (acknowledged, alert, 10000));
  g_assert_cmpstr (ops_alert_get_acknowledged_by (alert), ==, g_get_user_name ());
  g_assert_true (ops_test_dunst_wait_displayed (dunst, 0, 10000));
  flush_events ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Pressing it again is harmless: the alert stays as it is. */
  activate_over_dbus (app, "alert-acknowledge", id);
  g_assert_cmpint (ops_alert_get_state (alert), ==, OPS_ALERT_STATE_ACKNOWLEDGED);

  g_free (ops_test_dunst_ctl (dunst, "close-all", NULL));
  ops_test_dunst_sync (dunst);
  ops_test_dunst_stop (dunst);
}

static gboolean
has_window (gpointer data)
{
  return gtk_application_get_active_window (data) != NULL;
}

static void
test_open (void)
{
  OpsTestDunst *dunst = ops_test_dunst_start ();
  g_autoptr(OpsApplication) app = new_application ();
  GtkWindow *window;
  gint64     id;

  id = raise_alert (app, "db");
  g_assert_true (ops_test_dunst_wait_printed (dunst, "summary: 'db: critical'", 10000));
  ops_test_dunst_sync (dunst);

  /* Open raises a window on the Health tab, where alerts live. */
  activate_over_dbus (app, "alert-open", id);
  g_assert_true (ops_test_wait_until (has_window, app, 10000));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (OPS_IS_WINDOW (window));
  g_assert_cmpstr (ops_window_get_tab (OPS_WINDOW (window)), ==, "health");

  /* …in its Alerts view, with the alert's detail open. */
  {
    GtkWidget       *view = ops_test_find_widget (GTK_WIDGET (window), OPS_TYPE_ALERTS_VIEW, NULL);
    GObject         *detail;
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    g_assert_nonnull (view);
    flush_events ();
    g_assert_true (gtk_widget_get_mapped (view));
    detail = gtk_widget_get_template_child (view, OPS_TYPE_ALERTS_VIEW, "detail");
    g_assert_true (OPS_IS_ALERT_DETAIL (detail));
    g_assert_nonnull (ops_alert_detail_get_item (OPS_ALERT_DETAIL (detail)));
    g_assert_cmpstr (ops_alerts_item_get_id (ops_alert_detail_get_item (OPS_ALERT_DETAIL (detail))), ==,
                     expected);
  }

  gtk_window_destroy (window);
  flush_events ();
  g_free (ops_test_dunst_ctl (dunst, "close-all", NULL));
  ops_test_dunst_sync (dunst);
  ops_test_dunst_stop (dunst);
}

static gboolean
name_has_no_owner (gpointer data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = TRUE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", (const char *)data),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return !owned;
}

typedef struct
{
  OpsStore *store;
  gint64    id;
} StoredAlert;

static gboolean
stored_alert_acknowledged (gpointer data)
{
  StoredAlert *wait = data;
  g_autoptr(OpsAlert) alert = ops_alert_db_get_alert (wait->store, wait->id, NULL);

  return alert != NULL && ops_alert_get_state (alert) == OPS_ALERT_STATE_ACKNOWLEDGED;
}

/* Opsdeck is not running at all: the notification server asks D-Bus to
 * activate the Acknowledge action (org.freedesktop.Application), D-Bus
 * starts Opsdeck as a service, and the alert is acknowledged. */
static void
test_acknowledge_starts_the_app (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *path = g_build_filename (dir, "opsdeck.db", NULL);
  g_autofree char *services = g_build_filename (g_get_user_data_dir (), "dbus-1", "services", NULL);
  g_autofree char *service_path = g_build_filename (services, APPLICATION_ID ".service", NULL);
  g_autofree char *service = NULL;
  g_autofree char *object_path = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsEventBus) events = ops_event_bus_new ();
  g_autoptr(OpsClock) clock = ops_clock_new ();
  g_autoptr(OpsAlertSample) sample = NULL;
  GVariantBuilder parameters;
  StoredAlert     wait = { NULL, 0 };

  g_assert_nonnull (g_getenv ("OPSDECK"));

  /* An alert is firing in the database. */
  store = ops_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(OpsAlertEngine) engine = ops_alert_engine_new (store, events, clock, &error);
    g_autoptr(OpsAlert) alert = NULL;

    g_assert_no_error (error);
    sample = ops_alert_sample_new (7, "mail", g_get_real_time (), OPS_SAMPLE_STATUS_DOWN);
    ops_alert_engine_observe (engine, sample);
    alert = g_list_model_get_item (ops_alert_engine_get_open_alerts (engine), 0);
    wait.id = ops_alert_get_id (alert);
  }
  wait.store = store;

  /* Opsdeck's D-Bus service file, as installed, pointed at this build. */
  g_assert_cmpint (g_mkdir_with_parents (services, 0700), ==, 0);
  service = g_strdup_printf ("[D-BUS Service]\nName=%s\nExec=%s --data-dir=%s --gapplication-service\n",
                             APPLICATION_ID, g_getenv ("OPSDECK"), dir);
  g_file_set_contents (service_path, service, -1, &error);
  g_assert_no_error (error);
  g_assert_true (name_has_no_owner ((gpointer)APPLICATION_ID));

  object_path = g_strdup_printf ("/%s", APPLICATION_ID);
  g_strdelimit (object_path, ".", '/');
  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&parameters, "v", g_variant_new_int64 (wait.id));
  reply = g_dbus_connection_call_sync (bus, APPLICATION_ID, object_path,
                                       "org.freedesktop.Application", "ActivateAction",
                                       g_variant_new ("(sava{sv})", "alert-acknowledge",
                                                      &parameters, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 30000, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (ops_test_wait_until (stored_alert_acknowledged, &wait, 15000));

  /* It keeps running in the background: quit it. */
  g_clear_pointer (&reply, g_variant_unref);
  reply = g_dbus_connection_call_sync (bus, APPLICATION_ID, object_path,
                                       "org.freedesktop.Application", "ActivateAction",
                                       g_variant_new ("(sava{sv})", "quit", NULL, NULL), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ops_test_wait_until (name_has_no_owner, (gpointer)APPLICATION_ID, 15000));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 guint      nth)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  g_ptr_array_add (queue, widget);
  for (guint i = 0; i < queue->len; i++)
    {
      GtkWidget *current = g_ptr_array_index (queue, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (current, type) && nth-- == 0)
        return current;
      for (GtkWidget *child = gtk_widget_get_first_child (current); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (queue, child);
    }

  return NULL;
}

static void
test_preferences (void)
{
  g_autoptr(OpsApplication) app = new_application ();
  OpsSettings *settings = ops_store_get_settings (ops_application_get_store (app));
  g_autoptr(GError) error = NULL;
  g_autofree char *severity = NULL;
  GtkWidget       *preferences = ops_preferences_window_new (ops_application_get_store (app));
  AdwComboRow     *severity_row;
  GtkSwitch       *dnd = NULL;

  gtk_window_present (GTK_WINDOW (preferences));
  flush_events ();

  severity_row = ADW_COMBO_ROW (find_descendant (preferences, ADW_TYPE_COMBO_ROW, 0));
  for (guint i = 0; dnd == NULL; i++)
    {
      GtkWidget *row = find_descendant (preferences, ADW_TYPE_ACTION_ROW, i);

      if (row == NULL)
        break;
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Do _Not Disturb") == 0)
        dnd = GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
    }
  g_assert_nonnull (severity_row);
  g_assert_nonnull (dnd);

  /* They show the stored values and write changes back. */
  g_assert_false (gtk_switch_get_active (dnd));
  g_assert_cmpuint (adw_combo_row_get_selected (severity_row), ==, 1);

  gtk_switch_set_active (dnd, TRUE);
  g_assert_true (ops_settings_get_boolean (settings, OPS_SETTINGS_KEY_NOTIFY_DO_NOT_DISTURB));
  adw_combo_row_set_selected (severity_row, 2);
  severity = ops_settings_dup_string (settings, OPS_SETTINGS_KEY_NOTIFY_MINIMUM_SEVERITY);
  g_assert_cmpstr (severity, ==, "critical");

  ops_settings_set_string (settings, OPS_SETTINGS_KEY_NOTIFY_MINIMUM_SEVERITY, "info", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (adw_combo_row_get_selected (severity_row), ==, 0);

  gtk_window_destroy (GTK_WINDOW (preferences));
  flush_events ();
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init_ui (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/opsdeck/ui/alerts/acknowledge-in-background", test_acknowledge_in_background);
  g_test_add_func ("/opsdeck/ui/alerts/open", test_open);
  g_test_add_func ("/opsdeck/ui/alerts/acknowledge-starts-the-app", test_acknowledge_starts_the_app);
  g_test_add_func ("/opsdeck/ui/alerts/notification-preferences", test_preferences);

  return g_test_run ();
}
