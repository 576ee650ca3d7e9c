/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alert-maintenance-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "alerts/ops-alert-db.h"
#include "ops-alert-editor-common.h"
#include "ops-alert-maintenance-dialog.h"

/* Maintenance windows: one-off (start and end) or weekly (days, start
 * time, duration) in a time zone, for every check, one check, a tag or an
 * environment; validated while the operator types. */

struct _OpsAlertMaintenanceDialog
{
  AdwWindow parent_instance;

  /* The list, the editor and their buttons (template widgets), the
   * engine and the check (owned) */
  OpsAlertEditorFrame frame;

  /* Template widgets */
  GtkListBox          *windows_list;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *time_zone_row;
  AdwPreferencesGroup *once_group;
  AdwEntryRow         *start_row;
  AdwEntryRow         *end_row;
  GtkWidget           *weekly_box;
  GtkBox              *days_box;
  AdwEntryRow         *start_time_row;
  AdwEntryRow         *duration_row;
  AdwComboRow         *scope_row;
  AdwEntryRow         *scope_value_row;

  /* Owned */
  gint64   editing_id; /* 0 for a new window */
  gboolean loading;

  /* Borrowed */
  GtkToggleButton *day_buttons[7];
};

G_DEFINE_FINAL_TYPE (OpsAlertMaintenanceDialog, ops_alert_maintenance_dialog, ADW_TYPE_WINDOW)

static void
reload_list (OpsAlertMaintenanceDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) windows = ops_alert_db_list_windows (ops_alert_engine_get_store (self->frame.engine), &error);
  OpsAlertCheckRef check = { self->frame.check, NULL, NULL };

  _ops_alert_editor_clear_list (self->windows_list);
  _ops_alert_editor_frame_list_error (&self->frame, error);
  if (windows == NULL)
    return;

  for (guint i = 0; i < windows->len; i++)
    {
      OpsMaintenanceWindow *window = g_ptr_array_index (windows, i);
      g_autofree char      *description = NULL;

      if (self->frame.check != NULL && !ops_maintenance_window_applies_to (window, &check))
        continue;
      description = ops_maintenance_window_describe (window);
      gtk_list_box_append (self->windows_list,
                           _ops_alert_editor_new_item_row ("maintenance",
                                                           ops_maintenance_window_get_name (window),
                                                           description));
    }

  _ops_alert_editor_show_if_filled (self->windows_list);
}

/* The editor */

static char *
read_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static OpsMaintenanceWindow *
read_window (OpsAlertMaintenanceDialog *self,
             GError                   **error)
{
  g_autofree char *name = read_text (self->name_row);
  g_autofree char *time_zone = read_text (self->time_zone_row);
  g_autoptr(OpsMaintenanceWindow) window = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_auto(OpsAlertScope) scope = { 0 };

  zone = ops_maintenance_lookup_time_zone (time_zone, error);
  if (zone == NULL)
    return NULL;

  if (adw_combo_row_get_selected (self->kind_row) == OPS_MAINTENANCE_ONCE)
    {
      g_autofree char *start_text = read_text (self->start_row);
      g_autofree char *end_text = read_text (self->end_row);
      gint64           start;
      gint64           end;

      if (!ops_maintenance_parse_local_time (start_text, time_zone, &start, error) ||
          !ops_maintenance_parse_local_time (end_text, time_zone, &end, error))
        return NULL;
      window = ops_maintenance_window_new_once (name, start, end);
      ops_maintenance_window_set_time_zone (window, time_zone);
    }
  else
    {
      g_autofree char *start_text = read_text (self->start_time_row);
      guint            days = 0;
      guint            minute;
      gint64           duration;

      for (guint i = 0; i < G_N_ELEMENTS (self->day_buttons); i++)
        if (gtk_toggle_button_get_active (self->day_buttons[i]))
          days |= 1u << i;

      if (!ops_maintenance_parse_time_of_day (start_text, &minute, error) ||
          !_ops_alert_editor_read_duration (self->duration_row, &duration, error))
        return NULL;
      window = ops_maintenance_window_new_weekly (name, days, minute, duration, time_zone);
    }

  ops_maintenance_window_set_id (window, self->editing_id);
  if (!_ops_alert_editor_read_scope (self->scope_row, self->scope_value_row, &scope, error))
    return NULL;
  ops_maintenance_window_set_scope (window, &scope);

  if (!ops_maintenance_window_validate (window, error))
    return NULL;
  return g_steal_pointer (&window);
}

static void
on_field_changed_cb (OpsAlertMaintenanceDialog *self)
{
  gboolean once = adw_combo_row_get_selected (self->kind_row) == OPS_MAINTENANCE_ONCE;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsMaintenanceWindow) window = NULL;

  if (self->loading)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->once_group), once);
  gtk_widget_set_visible (self->weekly_box, !once);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_value_row),
                          adw_combo_row_get_selected (self->scope_row) != OPS_ALERT_SCOPE_ALL);

  window = read_window (self, &error);
  _ops_alert_editor_show_problem (self->frame.problem_label, GTK_WIDGET (self), "maintenance.save", error);
}

static char *
format_local (gint64      time_usec,
              const char *time_zone)
{
  g_autoptr(GTimeZone) zone = ops_maintenance_lookup_time_zone (time_zone, NULL);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (time_usec <= 0 || zone == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (time_usec / G_USEC_PER_SEC);
  local = utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;
  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static void
edit_window (OpsAlertMaintenanceDialog *self,
             OpsMaintenanceWindow      *window)
{
  const char *time_zone = ops_maintenance_window_get_time_zone (window);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *start_time = NULL;
  guint            minute = ops_maintenance_window_get_start_minute (window);
  guint            days = ops_maintenance_window_get_days (window);

  if (time_zone == NULL || time_zone[0] == '\0')
    time_zone = g_time_zone_get_identifier (local);

  self->editing_id = ops_maintenance_window_get_id (window);
  start = format_local (ops_maintenance_window_get_start (window), time_zone);
  end = format_local (ops_maintenance_window_get_end (window), time_zone);
  start_time = g_strdup_printf ("%02u:%02u", minute / 60, minute % 60);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), ops_maintenance_window_get_name (window));
  adw_combo_row_set_selected (self->kind_row, ops_maintenance_window_get_kind (window));
  gtk_editable_set_text (GTK_EDITABLE (self->time_zone_row), time_zone);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), end);
  for (guint i = 0; i < G_N_ELEMENTS (self->day_buttons); i++)
    gtk_toggle_button_set_active (self->day_buttons[i], (days & (1u << i)) != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->start_time_row), start_time);
  _ops_alert_editor_show_duration (self->duration_row, ops_maintenance_window_get_duration (window));
  _ops_alert_editor_show_scope (self->scope_row, self->scope_value_row,
                                ops_maintenance_window_get_scope (window));
  self->loading = FALSE;

  _ops_alert_editor_frame_show_page (&self->frame, TRUE,
                                     self->editing_id != 0 ? ops_maintenance_window_get_name (window)
                                                           : _("New window"));
  on_field_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* Actions */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OpsAlertMaintenanceDialog *self = OPS_ALERT_MAINTENANCE_DIALOG (widget);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(OpsMaintenanceWindow) window = NULL;

  /* Saturday night, two hours, in this computer's time zone. */
  window = ops_maintenance_window_new_weekly ("", OPS_WEEKDAY_SATURDAY, 22 * 60, 2 * 3600,
                                              g_time_zone_get_identifier (local));
  if (self->frame.check != NULL)
    {
      g_auto(OpsAlertScope) scope = { 0 };

      if (ops_alert_scope_set (&scope, OPS_ALERT_SCOPE_CHECK, self->frame.check, NULL))
        ops_maintenance_window_set_scope (window, &scope);
    }
  edit_window (self, window);
}

static OpsMaintenanceWindow *
find_window (OpsAlertMaintenanceDialog *self,
             const char                *name,
             GError                   **error)
{
  g_autoptr(GPtrArray) windows = ops_alert_db_list_windows (ops_alert_engine_get_store (self->frame.engine), error);

  for (guint i = 0; windows != NULL && i < windows->len; i++)
    if (g_str_equal (ops_maintenance_window_get_name (g_ptr_array_index (windows, i)), name))
      return g_object_ref (g_ptr_array_index (windows, i));

  if (windows != NULL)
    g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND,
                 _("There is no maintenance window “%s” any more."), name);
  return NULL;
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OpsAlertMaintenanceDialog *self = OPS_ALERT_MAINTENANCE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsMaintenanceWindow) window = find_window (self, g_variant_get_string (parameter, NULL), &error);

  if (window == NULL)
    {
      _ops_alert_editor_frame_list_error (&self->frame, error);
      return;
    }
  edit_window (self, window);
}

static void
delete_confirmed (GtkWidget  *dialog,
                  const char *name)
{
  OpsAlertMaintenanceDialog *self = OPS_ALERT_MAINTENANCE_DIALOG (dialog);

  if (_ops_alert_editor_frame_remove (&self->frame, ops_alert_db_remove_window, name))
    reload_list (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char      *name = g_variant_get_string (parameter, NULL);
  g_autofree char *heading = g_strdup_printf (_("Delete the Maintenance Window “%s”?"), name);

  _ops_alert_editor_confirm_delete (widget, heading,
                                    _("The checks it covers are notified again when they fail, "
                                       "even during its hours."),
                                    name, delete_confirmed);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OpsAlertMaintenanceDialog *self = OPS_ALERT_MAINTENANCE_DIALOG (widget);

  self->editing_id = 0;
  _ops_alert_editor_frame_show_page (&self->frame, FALSE, NULL);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OpsAlertMaintenanceDialog *self = OPS_ALERT_MAINTENANCE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsMaintenanceWindow) window = read_window (self, &error);

  if (window == NULL ||
      !ops_alert_db_save_window (ops_alert_engine_get_store (self->frame.engine), window, &error))
    {
      _ops_alert_editor_show_problem (self->frame.problem_label, widget, "maintenance.save", error);
      return;
    }

  self->editing_id = 0;
  reload_list (self);
  _ops_alert_editor_frame_saved (&self->frame);
}

/* GObject */

static void
ops_alert_maintenance_dialog_dispose (GObject *object)
{
  OpsAlertMaintenanceDialog *self = OPS_ALERT_MAINTENANCE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), OPS_TYPE_ALERT_MAINTENANCE_DIALOG);

  _ops_alert_editor_frame_clear (&self->frame);

  G_OBJECT_CLASS (ops_alert_maintenance_dialog_parent_class)->dispose (object);
}

static void
ops_alert_maintenance_dialog_class_init (OpsAlertMaintenanceDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_alert_maintenance_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/health/ops-alert-maintenance-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OpsAlertMaintenanceDialog, windows_list);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertMaintenanceDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertMaintenanceDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertMaintenanceDialog, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertMaintenanceDialog, once_group);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertMaintenanceDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertMaintenanceDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertMaintenanceDialog, weekly_box);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertMaintenanceDialog, days_box);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertMaintenanceDialog, start_time_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertMaintenanceDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertMaintenanceDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertMaintenanceDialog, scope_value_row);
  _ops_alert_editor_frame_bind (widget_class, G_STRUCT_OFFSET (OpsAlertMaintenanceDialog, frame));
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "maintenance.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "maintenance.edit", "s", edit_activated);
  gtk_widget_class_install_action (widget_class, "maintenance.delete", "s", delete_activated);
  gtk_widget_class_install_action (widget_class, "maintenance.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "maintenance.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ops_alert_maintenance_dialog_init (OpsAlertMaintenanceDialog *self)
{
  /* Monday first, as ISO 8601 and OpsWeekdays count. */
  const char *const days[] = {
    /* Translators: short names of the days of the week, Monday first */
    N_("Mon"),
    N_("Tue"),
    N_("Wed"),
    N_("Thu"),
    N_("Fri"),
    N_("Sat"),
    N_("Sun"),
  };
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2026, 3, 2, 12, 0, 0);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, i);
      g_autofree char *full = g_date_time_format (day, "%A");
      GtkWidget       *button = gtk_toggle_button_new_with_label (_(days[i]));

      gtk_widget_set_tooltip_text (button, full);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (on_field_changed_cb), self);
      gtk_box_append (self->days_box, button);
      self->day_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

/**
 * ops_alert_maintenance_dialog_present:
 * @parent: a widget of the window to present the dialog over
 * @engine: the alert engine, reloaded after each change
 * @check_or_null: (nullable): a check's name, to list the windows that
 *   cover it and to scope new windows to it
 *
 * Presents the maintenance-window editor.
 */
void
ops_alert_maintenance_dialog_present (GtkWidget      *parent,
                                      OpsAlertEngine *engine,
                                      const char     *check_or_null)
{
  OpsAlertMaintenanceDialog *self;
  g_autofree char           *hint = NULL;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (OPS_IS_ALERT_ENGINE (engine));

  if (check_or_null != NULL)
    hint = g_strdup_printf (_("The windows that cover “%s”: for every check, or for it by name. Windows "
                               "for a tag or an environment are listed without a check."),
                            check_or_null);
  else
    hint = g_strdup (_("During a maintenance window, alerts are recorded but not notified, and show "
                        "“in maintenance”."));

  self = g_object_new (OPS_TYPE_ALERT_MAINTENANCE_DIALOG, NULL);
  _ops_alert_editor_frame_present (&self->frame, GTK_WINDOW (self), parent, engine, check_or_null, hint);
  reload_list (self);
  gtk_window_present (GTK_WINDOW (self));
}
