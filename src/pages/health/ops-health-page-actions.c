/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-page"

#include "config.h"

#include <glib/gi18n.h>

#include "config/ops-config.h"
#include "ops-alert-maintenance-dialog.h"
#include "ops-alert-rules-dialog.h"
#include "ops-check-dialog.h"
#include "ops-health-page-private.h"

/* The actions of the Health tab, `health.*`. Those on one check take its
 * id (an int64) as parameter, so that a card, the detail view or a test
 * can activate them. */

static void
add_toast (OpsHealthPage *self,
           const char    *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
_ops_health_page_update_actions (OpsHealthPage *self)
{
  gboolean has_engine = self->engine != NULL;
  GListModel *checks = has_engine ? G_LIST_MODEL (ops_health_engine_get_checks (self->engine)) : NULL;
  gboolean    any = checks != NULL && g_list_model_get_n_items (checks) > 0;
  gboolean paused = has_engine && ops_health_engine_get_paused (self->engine);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.add", has_engine);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.import", has_engine);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.check-all", any && !paused);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.pause-all", any && !paused);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.resume-all", paused);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.alert-rules", self->alert_engine != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.maintenance", self->alert_engine != NULL);
  gtk_revealer_set_reveal_child (self->paused_revealer, paused);
}

static OpsCheck *
lookup_parameter (OpsHealthPage *self,
                  GVariant      *parameter)
{
  OpsCheck *check = _ops_health_page_lookup (self, g_variant_get_int64 (parameter));

  if (check == NULL)
    add_toast (self, _("This check no longer exists."));

  return check;
}

static void
check_now_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OpsHealthPage *self = OPS_HEALTH_PAGE (widget);
  OpsCheck      *check = lookup_parameter (self, parameter);

  if (check != NULL)
    ops_health_engine_check_now (self->engine, check);
}

static void
set_paused (OpsHealthPage *self,
            GVariant      *parameter,
            gboolean       paused)
{
  OpsCheck *check = lookup_parameter (self, parameter);

  if (check != NULL)
    ops_check_set_paused (check, paused);
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  set_paused (OPS_HEALTH_PAGE (widget), parameter, TRUE);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_paused (OPS_HEALTH_PAGE (widget), parameter, FALSE);
}

static void
check_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OpsHealthPage *self = OPS_HEALTH_PAGE (widget);
  GListModel    *checks;
  guint          n;

  if (self->engine == NULL)
    return;

  checks = G_LIST_MODEL (ops_health_engine_get_checks (self->engine));
  n = g_list_model_get_n_items (checks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpsCheck) check = g_list_model_get_item (checks, i);

      if (!ops_check_get_paused (check) && ops_check_get_enabled (check))
        ops_health_engine_check_now (self->engine, check);
    }
}

/* Pausing every check is the engine's: remembered across restarts, and
 * each check keeps its own paused flag. */
static void
set_all_paused (OpsHealthPage *self,
                gboolean       paused)
{
  if (self->engine != NULL)
    ops_health_engine_set_paused (self->engine, paused);
}

static void
pause_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  set_all_paused (OPS_HEALTH_PAGE (widget), TRUE);
}

static void
resume_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_all_paused (OPS_HEALTH_PAGE (widget), FALSE);
}

/* Add, edit, duplicate */

static void
dialog_saved_cb (OpsCheckDialog *dialog,
                 OpsCheck       *check,
                 OpsHealthPage  *self)
{
  g_autofree char *text = NULL;

  /* Translators: a toast after a check was saved */
  text = g_strdup_printf (_("Saved “%s”"), ops_check_get_name (check));
  add_toast (self, text);

  /* An edited name, target, environment or tag may move or hide the card. */
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  _ops_health_page_refilter (self);
}

static void
open_dialog (OpsHealthPage     *self,
             OpsCheck          *check,
             OpsCheckDialogMode mode)
{
  GtkWidget *dialog;

  if (self->engine == NULL)
    return;

  dialog = ops_check_dialog_new (self->engine, check, mode);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (OPS_HEALTH_PAGE (widget), NULL, OPS_CHECK_DIALOG_ADD);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  OpsHealthPage *self = OPS_HEALTH_PAGE (widget);
  OpsCheck      *check = lookup_parameter (self, parameter);

  if (check != NULL)
    open_dialog (self, check, OPS_CHECK_DIALOG_EDIT);
}

/* The alert rules and maintenance windows that cover one check. */
static void
alert_rules_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OpsHealthPage *self = OPS_HEALTH_PAGE (widget);
  OpsCheck      *check = lookup_parameter (self, parameter);

  if (check == NULL || self->alert_engine == NULL)
    return;

  if (g_str_equal (action_name, "health.alert-rules"))
    ops_alert_rules_dialog_present (widget, self->alert_engine, ops_check_get_name (check));
  else
    ops_alert_maintenance_dialog_present (widget, self->alert_engine, ops_check_get_name (check));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OpsHealthPage *self = OPS_HEALTH_PAGE (widget);
  OpsCheck      *check = lookup_parameter (self, parameter);

  if (check != NULL)
    open_dialog (self, check, OPS_CHECK_DIALOG_DUPLICATE);
}

/* Delete, with undo: the check is hidden at once and removed when its
 * toast goes away, so that Undo brings it back with its history. */

static void
remove_now (OpsHealthPage *self,
            OpsCheck      *check)
{
  g_autoptr(GError) error = NULL;

  if (self->engine == NULL)
    return;

  if (!ops_check_list_remove (ops_health_engine_get_checks (self->engine), check, &error) &&
      !g_error_matches (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_NOT_FOUND))
    add_toast (self, error->message);
}

void
_ops_health_page_commit_deletes (OpsHealthPage *self)
{
  g_autoptr(GList) checks = NULL;

  if (self->pending_deletes == NULL)
    return;

  checks = g_hash_table_get_values (self->pending_deletes);
  for (GList *l = checks; l != NULL; l = l->next)
    remove_now (self, l->data);
  g_hash_table_remove_all (self->pending_deletes);
}

static void
toast_dismissed_cb (AdwToast      *toast,
                    OpsHealthPage *self)
{
  gint64    id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "check-id"));
  OpsCheck *check;

  if (self->pending_deletes == NULL)
    return;

  check = g_hash_table_lookup (self->pending_deletes, &id);
  if (check == NULL)
    return;

  g_object_ref (check);
  g_hash_table_remove (self->pending_deletes, &id);
  remove_now (self, check);
  g_object_unref (check);
}

static void
undo_clicked_cb (AdwToast      *toast,
                 OpsHealthPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "check-id"));

  if (self->pending_deletes != NULL && g_hash_table_remove (self->pending_deletes, &id))
    _ops_health_page_refilter (self);
}

static void
delete_confirmed (OpsHealthPage *self,
                  OpsCheck      *check)
{
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  gint64           id = ops_check_get_id (check);
  AdwToast        *toast;

  g_hash_table_insert (self->pending_deletes, g_memdup2 (&id, sizeof id), g_object_ref (check));
  _ops_health_page_refilter (self);
  if (ops_health_detail_get_check (self->detail) == check)
    {
      ops_health_detail_set_check (self->detail, NULL);
      adw_leaflet_set_visible_child (self->leaflet, self->main_pane);
    }

  /* Translators: a toast after a check was deleted; it offers Undo */
  title = g_strdup_printf (_("Deleted “%s”"), ops_check_get_name (check));
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 7);
  g_object_set_data (G_OBJECT (toast), "check-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    OpsHealthPage    *self)
{
  gint64    id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "check-id"));
  OpsCheck *check;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  check = _ops_health_page_lookup (self, id);
  if (check != NULL)
    delete_confirmed (self, check);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OpsHealthPage *self = OPS_HEALTH_PAGE (widget);
  OpsCheck      *check = lookup_parameter (self, parameter);
  GtkWidget     *dialog;

  if (check == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), NULL, NULL);
  /* Translators: the title of the dialog that confirms deleting a check */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"),
                                     ops_check_get_name (check));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Opsdeck stops probing %s and deletes its definition and "
                                    "its history. You can undo this for a few seconds."),
                                  ops_check_get_target (check));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "check-id", GSIZE_TO_POINTER ((gsize)ops_check_get_id (check)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Import */

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    OpsHealthPage   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  OpsStore *store;

  if (response != GTK_RESPONSE_ACCEPT || self->engine == NULL)
    {
      g_object_unref (chooser);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  store = ops_check_list_get_store (ops_health_engine_get_checks (self->engine));

  if (!ops_config_import_file (store, file, self->cancellable, &error))
    add_toast (self, error->message);
  else
    add_toast (self, _("Configuration imported"));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OpsHealthPage       *self = OPS_HEALTH_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Configuration"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Opsdeck configuration (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Navigation */

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _ops_health_page_clear_filters (OPS_HEALTH_PAGE (widget));
}

static void
close_detail_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OpsHealthPage *self = OPS_HEALTH_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->main_pane);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OpsHealthPage *self = OPS_HEALTH_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_ops_health_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "health.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "health.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "health.check-all", NULL, check_all_action);
  gtk_widget_class_install_action (widget_class, "health.pause-all", NULL, pause_all_action);
  gtk_widget_class_install_action (widget_class, "health.resume-all", NULL, resume_all_action);
  gtk_widget_class_install_action (widget_class, "health.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "health.close-detail", NULL, close_detail_action);
  gtk_widget_class_install_action (widget_class, "health.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "health.check-now", "x", check_now_action);
  gtk_widget_class_install_action (widget_class, "health.pause", "x", pause_action);
  gtk_widget_class_install_action (widget_class, "health.resume", "x", resume_action);
  gtk_widget_class_install_action (widget_class, "health.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "health.duplicate", "x", duplicate_action);
  gtk_widget_class_install_action (widget_class, "health.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "health.alert-rules", "x", alert_rules_action);
  gtk_widget_class_install_action (widget_class, "health.maintenance", "x", alert_rules_action);
}

/* F5, Ctrl+N and Ctrl+F work anywhere in the window while the tab shows,
 * not only when the focus is inside it. */
void
_ops_health_page_add_shortcuts (OpsHealthPage *self)
{
  static const struct
  {
    guint           key;
    GdkModifierType modifiers;
    const char     *action;
  } shortcuts[] = {
    { GDK_KEY_F5, 0, "health.check-all" },
    { GDK_KEY_n, GDK_CONTROL_MASK, "health.add" },
    { GDK_KEY_f, GDK_CONTROL_MASK, "health.focus-search" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key,
                                                                                    shortcuts[i].modifiers),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
