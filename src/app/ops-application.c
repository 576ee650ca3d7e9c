/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-application"

#include "config.h"

#include <glib/gi18n.h>

#include "alerts/ops-alert-health-feed.h"
#include "notify/ops-alert-actions.h"
#include "notify/ops-desktop-notifier.h"
#include "ops-application.h"
#include "ops-paths.h"
#include "ops-preferences-window.h"
#include "ops-window.h"
#include "health/ops-health-engine.h"
#include "store/ops-settings.h"

struct _OpsApplication
{
  AdwApplication parent_instance;

  /* Owned */
  OpsStore           *store;
  OpsEventBus        *event_bus;
  GError             *store_error;
  OpsClock           *clock;
  OpsHealthEngine    *health_engine;
  OpsAlertEngine     *alert_engine;
  OpsAlertHealthFeed *health_feed;
  OpsDesktopNotifier *notifier;

  gboolean held;
  gboolean moved_aside_reported;
};

G_DEFINE_FINAL_TYPE (OpsApplication, ops_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Keep the database in DIR instead of the user data folder"), N_("DIR") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

static void
update_hold (OpsApplication *self)
{
  gboolean wanted = FALSE;

  if (self->store != NULL)
    wanted = ops_settings_get_boolean (ops_store_get_settings (self->store),
                                       OPS_SETTINGS_KEY_RUN_IN_BACKGROUND);

  if (wanted && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!wanted && self->held)
    g_application_release (G_APPLICATION (self));

  self->held = wanted;
}

static void
run_in_background_changed_cb (OpsApplication *self)
{
  update_hold (self);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  OpsApplication *self = user_data;
  GList          *windows;

  /* Close the windows first so that they save their state. */
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  while (windows != NULL)
    {
      gtk_window_destroy (windows->data);
      windows = gtk_application_get_windows (GTK_APPLICATION (self));
    }

  g_application_quit (G_APPLICATION (self));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  OpsApplication *self = user_data;
  GtkWindow      *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget      *preferences;

  if (self->store == NULL)
    return;

  preferences = ops_preferences_window_new (self->store);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  OpsApplication    *self = user_data;
  GtkWindow         *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Opsdeck developers", NULL };
  GtkWidget         *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Opsdeck"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Opsdeck developers"),
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_BUGREPORT,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Opsdeck developers",
                        "developers", developers,
                        "comments", _("Watch your services, follow your workflows, "
                                       "load-test your endpoints and restore your databases "
                                       "from one desktop console."),
                        "transient-for", parent,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The Open button of an alert's notification: the window, on that alert.
 * Until the Alerts view exists (issue 4), the Health tab and a toast that
 * names the alert. */
static void
alert_open_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  OpsApplication *self = user_data;
  GtkWindow      *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (OPS_IS_WINDOW (window))
    ops_window_show_alert (OPS_WINDOW (window), g_variant_get_int64 (parameter));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

static void
start_alerts (OpsApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleAction) open = NULL;

  self->clock = ops_clock_new ();
  self->alert_engine = ops_alert_engine_new (self->store, self->event_bus, self->clock, &error);
  if (self->alert_engine == NULL)
    {
      g_warning ("Alerts are off: %s", error->message);
      return;
    }

  /* Both work without a window: Acknowledge acknowledges, Open opens one. */
  ops_alert_actions_install (G_ACTION_MAP (self), self->alert_engine);
  open = g_simple_action_new (OPS_ALERT_ACTION_OPEN, G_VARIANT_TYPE_INT64);
  g_signal_connect (open, "activate", G_CALLBACK (alert_open_activated), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (open));

  self->notifier = ops_desktop_notifier_new (G_APPLICATION (self), self->event_bus,
                                             ops_store_get_settings (self->store));
}

static int
ops_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  const char *data_dir = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "data-dir", "^&ay", &data_dir))
    ops_paths_set_data_dir_override (data_dir);

  return -1;
}

static void
ops_application_startup (GApplication *application)
{
  OpsApplication    *self = OPS_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (ops_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  self->event_bus = ops_event_bus_new ();
  self->store = ops_store_open_default (&self->store_error);

  if (self->store == NULL)
    {
      g_warning ("%s", self->store_error->message);
      g_simple_action_set_enabled (
          G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "preferences")),
          FALSE);
      return;
    }

  g_signal_connect_object (ops_store_get_settings (self->store),
                           "changed::" OPS_SETTINGS_KEY_RUN_IN_BACKGROUND,
                           G_CALLBACK (run_in_background_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_hold (self);

  start_alerts (self);

  /* The checks are watched from the start, window or not. */
  {
    g_autoptr(GError) error = NULL;

    self->health_engine = ops_health_engine_new (self->store, self->event_bus, self->clock, &error);
    if (self->health_engine != NULL)
      ops_health_engine_start (self->health_engine);
    else
      g_warning ("The health checks cannot run: %s", error->message);
  }

  /* Their results feed the alerts. */
  if (self->health_engine != NULL && self->alert_engine != NULL)
    self->health_feed = ops_alert_health_feed_new (self->alert_engine, self->health_engine);
}

static void
quit_clicked_cb (GtkButton      *button,
                 OpsApplication *self)
{
  g_application_quit (G_APPLICATION (self));
}

/* The database could not be opened (written by a newer Opsdeck, or the
 * disk failed): say so, and touch nothing. */
static GtkWindow *
create_store_error_window (OpsApplication *self)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *status;
  GtkWidget *button;

  window = adw_application_window_new (GTK_APPLICATION (self));
  gtk_window_set_title (GTK_WINDOW (window), _("Opsdeck"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  status = adw_status_page_new ();
  gtk_widget_set_vexpand (status, TRUE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Cannot Open the Database"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), self->store_error->message);

  button = gtk_button_new_with_mnemonic (_("_Quit"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect (button, "clicked", G_CALLBACK (quit_clicked_cb), self);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);

  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  return GTK_WINDOW (window);
}

static void
report_moved_aside (OpsApplication *self,
                    GtkWindow      *parent)
{
  const char *moved_to = ops_store_get_moved_aside_path (self->store);
  GtkWidget  *dialog;

  if (moved_to == NULL || self->moved_aside_reported)
    return;

  self->moved_aside_reported = TRUE;
  dialog = adw_message_dialog_new (parent, _("The Database Was Damaged"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Opsdeck could not read its database, so it moved the file "
                                     "to %s and started a new, empty one. Nothing was deleted: "
                                     "keep the old file if you want to recover data from it."),
                                  moved_to);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ops_application_activate (GApplication *application)
{
  OpsApplication *self = OPS_APPLICATION (application);
  GtkWindow      *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      if (self->store == NULL)
        window = create_store_error_window (self);
      else
        window = GTK_WINDOW (ops_window_new (self));
    }

  gtk_window_present (window);

  if (self->store != NULL)
    report_moved_aside (self, window);
}

static void
ops_application_shutdown (GApplication *application)
{
  OpsApplication *self = OPS_APPLICATION (application);

  if (self->held)
    {
      self->held = FALSE;
      g_application_release (application);
    }

  G_APPLICATION_CLASS (ops_application_parent_class)->shutdown (application);

  g_clear_object (&self->health_feed);
  g_clear_object (&self->notifier);
  g_clear_object (&self->alert_engine);
  /* Before the store: the engine writes the results it still holds. */
  g_clear_object (&self->health_engine);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);
  g_clear_object (&self->event_bus);
}

static void
ops_application_finalize (GObject *object)
{
  OpsApplication *self = OPS_APPLICATION (object);

  g_clear_object (&self->health_feed);
  g_clear_object (&self->notifier);
  g_clear_object (&self->alert_engine);
  g_clear_object (&self->health_engine);
  g_clear_object (&self->clock);
  g_clear_object (&self->store);
  g_clear_object (&self->event_bus);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (ops_application_parent_class)->finalize (object);
}

static void
ops_application_class_init (OpsApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ops_application_finalize;

  app_class->handle_local_options = ops_application_handle_local_options;
  app_class->startup = ops_application_startup;
  app_class->activate = ops_application_activate;
  app_class->shutdown = ops_application_shutdown;
}

static void
ops_application_init (OpsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (
      G_APPLICATION (self),
      _("A desktop console for infrastructure operators: health checks, workflows, Slack "
         "alerts, load tests and disaster recovery."));
}

OpsApplication *
ops_application_new (void)
{
  return g_object_new (OPS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * ops_application_get_store:
 * @self: a #OpsApplication
 *
 * Returns: (transfer none) (nullable): the database, or %NULL when it
 *   could not be opened
 */
OpsStore *
ops_application_get_store (OpsApplication *self)
{
  g_return_val_if_fail (OPS_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * ops_application_get_event_bus:
 * @self: a #OpsApplication
 *
 * Returns: (transfer none): the bus every feature publishes to
 */
OpsEventBus *
ops_application_get_event_bus (OpsApplication *self)
{
  g_return_val_if_fail (OPS_IS_APPLICATION (self), NULL);

  return self->event_bus;
}

/**
 * ops_application_get_health_engine:
 * @self: the application
 *
 * Returns: (transfer none) (nullable): the engine that runs the health
 *   checks, or %NULL when the database could not be opened
 */
OpsHealthEngine *
ops_application_get_health_engine (OpsApplication *self)
{
  g_return_val_if_fail (OPS_IS_APPLICATION (self), NULL);

  return self->health_engine;
}

/**
 * ops_application_get_alert_engine:
 * @self: a #OpsApplication
 *
 * Returns: (transfer none) (nullable): the alert engine, or %NULL when the
 *   database could not be opened
 */
OpsAlertEngine *
ops_application_get_alert_engine (OpsApplication *self)
{
  g_return_val_if_fail (OPS_IS_APPLICATION (self), NULL);

  return self->alert_engine;
}
