/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ops-paths.h"
#include "ops-preferences-window.h"
#include "store/ops-settings.h"

struct _OpsPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  GtkSwitch     *background_switch;
  GtkSwitch     *dnd_switch;
  AdwComboRow   *severity_row;
  GtkSpinButton *renotify_spin;
  GtkSpinButton *retention_spin;
  GtkLabel      *data_folder_label;
  AdwActionRow  *database_row;

  /* Owned */
  OpsStore *store;
};

G_DEFINE_FINAL_TYPE (OpsPreferencesWindow, ops_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_open_folder_clicked_cb (OpsPreferencesWindow *self)
{
  g_autoptr(GFile) folder = g_file_new_for_path (ops_paths_get_data_dir ());
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* The rows of the minimum-severity list, in order. */
static const char *const severities[] = { "info", "warning", "critical" };

static void
severity_setting_changed_cb (OpsPreferencesWindow *self)
{
  g_autofree char *value = NULL;

  value = ops_settings_dup_string (ops_store_get_settings (self->store),
                                   OPS_SETTINGS_KEY_NOTIFY_MINIMUM_SEVERITY);
  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    if (g_strcmp0 (value, severities[i]) == 0 && adw_combo_row_get_selected (self->severity_row) != i)
      adw_combo_row_set_selected (self->severity_row, i);
}

static void
severity_selected_cb (OpsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->severity_row);

  if (selected >= G_N_ELEMENTS (severities))
    return;

  if (!ops_settings_set_string (ops_store_get_settings (self->store),
                                OPS_SETTINGS_KEY_NOTIFY_MINIMUM_SEVERITY, severities[selected],
                                &error))
    g_warning ("%s", error->message);
}

static void
ops_preferences_window_dispose (GObject *object)
{
  OpsPreferencesWindow *self = OPS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OPS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ops_preferences_window_parent_class)->dispose (object);
}

static void
ops_preferences_window_class_init (OpsPreferencesWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/opsdeck/Opsdeck/ui/ops-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OpsPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, OpsPreferencesWindow, dnd_switch);
  gtk_widget_class_bind_template_child (widget_class, OpsPreferencesWindow, severity_row);
  gtk_widget_class_bind_template_child (widget_class, OpsPreferencesWindow, renotify_spin);
  gtk_widget_class_bind_template_child (widget_class, OpsPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, OpsPreferencesWindow, data_folder_label);
  gtk_widget_class_bind_template_child (widget_class, OpsPreferencesWindow, database_row);
  gtk_widget_class_bind_template_callback (widget_class, on_open_folder_clicked_cb);
}

static void
ops_preferences_window_init (OpsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ops_preferences_window_new (OpsStore *store)
{
  OpsPreferencesWindow *self;
  OpsSettings          *settings;
  g_autofree char      *size = NULL;
  g_autofree char      *subtitle = NULL;

  g_return_val_if_fail (OPS_IS_STORE (store), NULL);

  self = g_object_new (OPS_TYPE_PREFERENCES_WINDOW, NULL);
  self->store = g_object_ref (store);
  settings = ops_store_get_settings (store);

  ops_settings_bind (settings, OPS_SETTINGS_KEY_RUN_IN_BACKGROUND,
                     self->background_switch, "active", OPS_SETTINGS_BIND_DEFAULT);
  ops_settings_bind (settings, OPS_SETTINGS_KEY_RETENTION_DAYS,
                     self->retention_spin, "value", OPS_SETTINGS_BIND_DEFAULT);
  ops_settings_bind (settings, OPS_SETTINGS_KEY_NOTIFY_DO_NOT_DISTURB,
                     self->dnd_switch, "active", OPS_SETTINGS_BIND_DEFAULT);
  ops_settings_bind (settings, OPS_SETTINGS_KEY_ALERTS_RENOTIFY_MINUTES,
                     self->renotify_spin, "value", OPS_SETTINGS_BIND_DEFAULT);

  severity_setting_changed_cb (self);
  g_signal_connect_object (settings, "changed::" OPS_SETTINGS_KEY_NOTIFY_MINIMUM_SEVERITY,
                           G_CALLBACK (severity_setting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->severity_row, "notify::selected",
                           G_CALLBACK (severity_selected_cb), self, G_CONNECT_SWAPPED);

  gtk_label_set_label (self->data_folder_label, ops_paths_get_data_dir ());

  size = g_format_size (ops_store_get_file_size (store));
  /* Translators: the database row's subtitle, e.g. “Schema version 2 · 48.0 kB” */
  subtitle = g_strdup_printf (_("Schema version %d · %s"),
                              ops_store_get_schema_version (store), size);
  adw_action_row_set_subtitle (self->database_row, subtitle);

  return GTK_WIDGET (self);
}
