/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alert-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "alerts/ops-alert-db.h"
#include "ops-alert-editor-common.h"

/* The scope row lists every check, one check, a tag, an environment, in
 * the order of OpsAlertScopeKind. */
gboolean
_ops_alert_editor_read_scope (AdwComboRow   *kind_row,
                              AdwEntryRow   *value_row,
                              OpsAlertScope *scope,
                              GError       **error)
{
  OpsAlertScopeKind kind = (OpsAlertScopeKind)adw_combo_row_get_selected (kind_row);
  g_autofree char  *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (value_row))));

  if (kind > OPS_ALERT_SCOPE_ENVIRONMENT)
    kind = OPS_ALERT_SCOPE_ALL;
  return ops_alert_scope_set (scope, kind, kind == OPS_ALERT_SCOPE_ALL ? NULL : value, error);
}

void
_ops_alert_editor_show_scope (AdwComboRow         *kind_row,
                              AdwEntryRow         *value_row,
                              const OpsAlertScope *scope)
{
  adw_combo_row_set_selected (kind_row, scope->kind);
  gtk_editable_set_text (GTK_EDITABLE (value_row), scope->value != NULL ? scope->value : "");
}

/* An empty row is no duration (0). */
gboolean
_ops_alert_editor_read_duration (AdwEntryRow *row,
                                 gint64      *seconds,
                                 GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  *seconds = 0;
  if (text[0] == '\0')
    return TRUE;
  return ops_alert_parse_duration (text, seconds, error);
}

void
_ops_alert_editor_show_duration (AdwEntryRow *row,
                                 gint64       seconds)
{
  g_autofree char *text = seconds > 0 ? ops_alert_format_duration (seconds) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *label,
                 const char *action,
                 const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", name);
  return button;
}

/* A row of a list of rules or windows: its name, what it does, and Edit
 * and Delete buttons that activate PREFIX.edit and PREFIX.delete with the
 * name. */
GtkWidget *
_ops_alert_editor_new_item_row (const char *prefix,
                                const char *name,
                                const char *subtitle)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
  g_autofree char *edit = g_strdup_printf ("%s.edit", prefix);
  g_autofree char *remove = g_strdup_printf ("%s.delete", prefix);
  /* Translators: a button's accessible name, with the name of a rule or window */
  g_autofree char *edit_label = g_strdup_printf (_("Edit “%s”"), name);
  /* Translators: a button's accessible name, with the name of a rule or window */
  g_autofree char *remove_label = g_strdup_printf (_("Delete “%s”"), name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("document-edit-symbolic", edit_label, edit, name));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("user-trash-symbolic", remove_label, remove, name));
  return row;
}

typedef struct
{
  GtkWidget              *dialog;
  char                   *name;
  OpsAlertEditorConfirmed confirmed;
} Confirmation;

static void
confirmation_free (gpointer  data,
                   GClosure *closure)
{
  Confirmation *confirmation = data;

  g_object_unref (confirmation->dialog);
  g_free (confirmation->name);
  g_free (confirmation);
}

static void
confirm_response_cb (AdwMessageDialog *message,
                     const char       *response,
                     Confirmation     *confirmation)
{
  if (g_str_equal (response, "delete"))
    confirmation->confirmed (confirmation->dialog, confirmation->name);
}

/* Asks before deleting; CONFIRMED runs with the name when the red button
 * is pressed. */
void
_ops_alert_editor_confirm_delete (GtkWidget              *dialog,
                                  const char             *heading,
                                  const char             *body,
                                  const char             *name,
                                  OpsAlertEditorConfirmed confirmed)
{
  AdwMessageDialog *message;
  Confirmation     *confirmation = g_new0 (Confirmation, 1);

  confirmation->dialog = g_object_ref (dialog);
  confirmation->name = g_strdup (name);
  confirmation->confirmed = confirmed;

  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (dialog), heading, body));
  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (message, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (message, "cancel");
  adw_message_dialog_set_close_response (message, "cancel");
  g_signal_connect_data (message, "response", G_CALLBACK (confirm_response_cb), confirmation,
                         confirmation_free, 0);
  gtk_window_present (GTK_WINDOW (message));
}

/* What is wrong, in the core's words, and Save only when nothing is. */
void
_ops_alert_editor_show_problem (GtkLabel     *label,
                                GtkWidget    *dialog,
                                const char   *save_action,
                                const GError *error)
{
  gtk_label_set_text (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
  gtk_widget_action_set_enabled (dialog, save_action, error == NULL);
}

void
_ops_alert_editor_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Shows a list only when it has rows. */
void
_ops_alert_editor_show_if_filled (GtkListBox *list)
{
  gtk_widget_set_visible (GTK_WIDGET (list), gtk_widget_get_first_child (GTK_WIDGET (list)) != NULL);
}

/* Binds the frame's template children, the frame being OFFSET bytes into
 * the dialog's instance struct. */
void
_ops_alert_editor_frame_bind (GtkWidgetClass *widget_class,
                              gssize          offset)
{
#define BIND(field)                                                       \
  gtk_widget_class_bind_template_child_full (widget_class, #field, FALSE, \
                                             offset + G_STRUCT_OFFSET (OpsAlertEditorFrame, field))
  BIND (window_title);
  BIND (add_button);
  BIND (cancel_button);
  BIND (save_button);
  BIND (stack);
  BIND (hint_label);
  BIND (list_error_label);
  BIND (problem_label);
#undef BIND
}

void
_ops_alert_editor_frame_clear (OpsAlertEditorFrame *frame)
{
  g_clear_object (&frame->engine);
  g_clear_pointer (&frame->check, g_free);
}

/* The list, or the editor with SUBTITLE (the name being edited). */
void
_ops_alert_editor_frame_show_page (OpsAlertEditorFrame *frame,
                                   gboolean             editing,
                                   const char          *subtitle)
{
  gtk_stack_set_visible_child_name (frame->stack, editing ? "edit" : "list");
  gtk_widget_set_visible (frame->add_button, !editing);
  gtk_widget_set_visible (frame->cancel_button, editing);
  gtk_widget_set_visible (frame->save_button, editing);
  if (editing)
    adw_window_title_set_subtitle (frame->window_title, subtitle);
  else
    adw_window_title_set_subtitle (frame->window_title, frame->check != NULL ? frame->check : "");
}

void
_ops_alert_editor_frame_list_error (OpsAlertEditorFrame *frame,
                                    const GError        *error)
{
  gtk_label_set_text (frame->list_error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (frame->list_error_label), error != NULL);
}

static void
reload_engine (OpsAlertEditorFrame *frame)
{
  g_autoptr(GError) error = NULL;

  if (!ops_alert_engine_reload (frame->engine, &error))
    g_warning ("The alert engine did not take the change: %s", error->message);
}

/* Removes a rule or window by name; the engine takes the change. */
gboolean
_ops_alert_editor_frame_remove (OpsAlertEditorFrame *frame,
                                OpsAlertEditorRemove remove,
                                const char          *name)
{
  g_autoptr(GError) error = NULL;

  if (!remove (ops_alert_engine_get_store (frame->engine), name, &error))
    {
      _ops_alert_editor_frame_list_error (frame, error);
      return FALSE;
    }
  reload_engine (frame);
  return TRUE;
}

/* After a save: the engine takes the change, and the list is shown. */
void
_ops_alert_editor_frame_saved (OpsAlertEditorFrame *frame)
{
  reload_engine (frame);
  _ops_alert_editor_frame_list_error (frame, NULL);
  _ops_alert_editor_frame_show_page (frame, FALSE, NULL);
}

void
_ops_alert_editor_frame_present (OpsAlertEditorFrame *frame,
                                 GtkWindow           *dialog,
                                 GtkWidget           *parent,
                                 OpsAlertEngine      *engine,
                                 const char          *check,
                                 const char          *hint)
{
  GtkRoot *root = gtk_widget_get_root (parent);

  frame->engine = g_object_ref (engine);
  frame->check = g_strdup (check);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_label_set_text (frame->hint_label, hint);
  _ops_alert_editor_frame_show_page (frame, FALSE, NULL);
}
