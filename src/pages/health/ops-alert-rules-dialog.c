/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alert-rules-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "alerts/ops-alert-db.h"
#include "ops-alert-editor-common.h"
#include "ops-alert-rules-dialog.h"

/* The alert rules: a list with Edit and Delete, and an editor that says
 * what is wrong, in the core's words, while the operator types. For one
 * check, the rules for every check and for that check. */

struct _OpsAlertRulesDialog
{
  AdwWindow parent_instance;

  /* The list, the editor and their buttons (template widgets), the
   * engine and the check (owned) */
  OpsAlertEditorFrame frame;

  /* Template widgets */
  GtkListBox          *rules_list;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  GtkSwitch           *enabled_switch;
  AdwPreferencesGroup *threshold_group;
  AdwEntryRow         *metric_row;
  AdwComboRow         *aggregate_row;
  AdwEntryRow         *window_row;
  AdwComboRow         *operator_row;
  AdwEntryRow         *warning_row;
  AdwEntryRow         *critical_row;
  AdwPreferencesGroup *absence_group;
  AdwEntryRow         *absence_row;
  AdwPreferencesGroup *severity_group;
  AdwComboRow         *severity_row;
  AdwEntryRow         *for_row;
  AdwComboRow         *scope_row;
  AdwEntryRow         *scope_value_row;

  /* Owned */
  OpsAlertRule *editing; /* NULL for a new rule */
  gboolean      loading;
};

G_DEFINE_FINAL_TYPE (OpsAlertRulesDialog, ops_alert_rules_dialog, ADW_TYPE_WINDOW)

static gboolean
rule_is_listed (OpsAlertRulesDialog *self,
                OpsAlertRule        *rule)
{
  OpsAlertCheckRef check = { self->frame.check, NULL, NULL };

  return self->frame.check == NULL || ops_alert_rule_applies_to (rule, &check);
}

static void
reload_list (OpsAlertRulesDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = ops_alert_db_list_rules (ops_alert_engine_get_store (self->frame.engine), &error);

  _ops_alert_editor_clear_list (self->rules_list);
  _ops_alert_editor_frame_list_error (&self->frame, error);
  if (rules == NULL)
    return;

  for (guint i = 0; i < rules->len; i++)
    {
      OpsAlertRule    *rule = g_ptr_array_index (rules, i);
      g_autofree char *description = NULL;
      g_autofree char *subtitle = NULL;

      if (!rule_is_listed (self, rule))
        continue;
      description = ops_alert_rule_describe (rule);
      subtitle = ops_alert_rule_get_enabled (rule)
                     ? g_strdup (description)
                     /* Translators: a rule that is switched off, and what it would do */
                     : g_strdup_printf (_("Disabled — %s"), description);
      gtk_list_box_append (self->rules_list,
                           _ops_alert_editor_new_item_row ("rules", ops_alert_rule_get_name (rule), subtitle));
    }

  _ops_alert_editor_show_if_filled (self->rules_list);
}

/* The editor */

static gboolean
read_level (AdwEntryRow  *row,
            OpsAlertRule *rule,
            OpsSeverity   severity,
            GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  char            *end = NULL;
  double           level;

  if (text[0] == '\0')
    {
      ops_alert_rule_unset_level (rule, severity);
      return TRUE;
    }

  level = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (level))
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   /* Translators: the text typed as a warning or critical level */
                   _("“%s” is not a number: type a level such as 500 or 99.5."), text);
      return FALSE;
    }

  ops_alert_rule_set_level (rule, severity, level);
  return TRUE;
}

/* The rule in the editor, or why it cannot be saved. */
static OpsAlertRule *
read_rule (OpsAlertRulesDialog *self,
           GError             **error)
{
  OpsAlertRuleKind kind = (OpsAlertRuleKind)adw_combo_row_get_selected (self->kind_row);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *metric = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->metric_row))));
  g_autoptr(OpsAlertRule) rule = NULL;
  g_auto(OpsAlertScope) scope = { 0 };
  gint64 seconds;

  if (kind > OPS_ALERT_RULE_ABSENCE)
    kind = OPS_ALERT_RULE_DOWN;

  rule = ops_alert_rule_new (kind, name);
  if (self->editing != NULL)
    {
      ops_alert_rule_set_id (rule, ops_alert_rule_get_id (self->editing));
      ops_alert_rule_set_builtin (rule, ops_alert_rule_get_builtin (self->editing));
    }
  ops_alert_rule_set_enabled (rule, gtk_switch_get_active (self->enabled_switch));

  if (kind == OPS_ALERT_RULE_THRESHOLD)
    {
      ops_alert_rule_set_measure (rule, (OpsAlertAggregate)adw_combo_row_get_selected (self->aggregate_row),
                                  metric, (OpsAlertOperator)adw_combo_row_get_selected (self->operator_row));
      if (!read_level (self->warning_row, rule, OPS_SEVERITY_WARNING, error) ||
          !read_level (self->critical_row, rule, OPS_SEVERITY_CRITICAL, error) ||
          !_ops_alert_editor_read_duration (self->window_row, &seconds, error))
        return NULL;
      ops_alert_rule_set_window (rule, seconds);
    }
  else
    {
      ops_alert_rule_set_severity (rule, adw_combo_row_get_selected (self->severity_row) == 1
                                             ? OPS_SEVERITY_WARNING
                                             : OPS_SEVERITY_CRITICAL);
    }

  if (kind == OPS_ALERT_RULE_ABSENCE)
    {
      if (!_ops_alert_editor_read_duration (self->absence_row, &seconds, error))
        return NULL;
      ops_alert_rule_set_absence (rule, seconds);
    }

  if (!_ops_alert_editor_read_duration (self->for_row, &seconds, error))
    return NULL;
  ops_alert_rule_set_for (rule, seconds);

  if (!_ops_alert_editor_read_scope (self->scope_row, self->scope_value_row, &scope, error))
    return NULL;
  ops_alert_rule_set_scope (rule, &scope);

  if (!ops_alert_rule_validate (rule, error))
    return NULL;

  return g_steal_pointer (&rule);
}

static void
on_field_changed_cb (OpsAlertRulesDialog *self)
{
  OpsAlertRuleKind kind = (OpsAlertRuleKind)adw_combo_row_get_selected (self->kind_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlertRule) rule = NULL;

  if (self->loading)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->threshold_group), kind == OPS_ALERT_RULE_THRESHOLD);
  gtk_widget_set_visible (GTK_WIDGET (self->absence_group), kind == OPS_ALERT_RULE_ABSENCE);
  gtk_widget_set_visible (GTK_WIDGET (self->severity_group), kind != OPS_ALERT_RULE_THRESHOLD);
  gtk_widget_set_visible (GTK_WIDGET (self->window_row),
                          adw_combo_row_get_selected (self->aggregate_row) != OPS_ALERT_AGGREGATE_LAST);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_value_row),
                          adw_combo_row_get_selected (self->scope_row) != OPS_ALERT_SCOPE_ALL);

  rule = read_rule (self, &error);
  _ops_alert_editor_show_problem (self->frame.problem_label, GTK_WIDGET (self), "rules.save", error);
}

static void
edit_rule (OpsAlertRulesDialog *self,
           OpsAlertRule        *rule)
{
  OpsAlertRuleKind kind = ops_alert_rule_get_kind (rule);
  double           level;

  g_clear_object (&self->editing);
  if (ops_alert_rule_get_id (rule) != 0)
    self->editing = g_object_ref (rule);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), ops_alert_rule_get_name (rule));
  adw_combo_row_set_selected (self->kind_row, kind);
  gtk_switch_set_active (self->enabled_switch, ops_alert_rule_get_enabled (rule));
  gtk_editable_set_text (GTK_EDITABLE (self->metric_row),
                         ops_alert_rule_get_metric (rule) != NULL ? ops_alert_rule_get_metric (rule) : "");
  adw_combo_row_set_selected (self->aggregate_row, ops_alert_rule_get_aggregate (rule));
  adw_combo_row_set_selected (self->operator_row, ops_alert_rule_get_operator (rule));
  _ops_alert_editor_show_duration (self->window_row, ops_alert_rule_get_window (rule));
  {
    g_autofree char *warning = ops_alert_rule_get_level (rule, OPS_SEVERITY_WARNING, &level)
                                   ? ops_alert_format_value (level)
                                   : g_strdup ("");
    g_autofree char *critical = ops_alert_rule_get_level (rule, OPS_SEVERITY_CRITICAL, &level)
                                    ? ops_alert_format_value (level)
                                    : g_strdup ("");

    gtk_editable_set_text (GTK_EDITABLE (self->warning_row), warning);
    gtk_editable_set_text (GTK_EDITABLE (self->critical_row), critical);
  }
  _ops_alert_editor_show_duration (self->absence_row, ops_alert_rule_get_absence (rule));
  adw_combo_row_set_selected (self->severity_row,
                              ops_alert_rule_get_severity (rule) == OPS_SEVERITY_WARNING ? 1 : 0);
  _ops_alert_editor_show_duration (self->for_row, ops_alert_rule_get_for (rule));
  _ops_alert_editor_show_scope (self->scope_row, self->scope_value_row, ops_alert_rule_get_scope (rule));
  self->loading = FALSE;

  _ops_alert_editor_frame_show_page (&self->frame, TRUE,
                                     self->editing != NULL ? ops_alert_rule_get_name (rule) : _("New rule"));
  on_field_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* Actions */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OpsAlertRulesDialog *self = OPS_ALERT_RULES_DIALOG (widget);
  g_autoptr(OpsAlertRule) rule = ops_alert_rule_new (OPS_ALERT_RULE_DOWN, "");

  if (self->frame.check != NULL)
    {
      g_auto(OpsAlertScope) scope = { 0 };

      if (ops_alert_scope_set (&scope, OPS_ALERT_SCOPE_CHECK, self->frame.check, NULL))
        ops_alert_rule_set_scope (rule, &scope);
    }
  edit_rule (self, rule);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OpsAlertRulesDialog *self = OPS_ALERT_RULES_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlertRule) rule = ops_alert_db_find_rule (ops_alert_engine_get_store (self->frame.engine),
                                                          g_variant_get_string (parameter, NULL), &error);

  if (rule == NULL)
    {
      _ops_alert_editor_frame_list_error (&self->frame, error);
      return;
    }
  edit_rule (self, rule);
}

static void
delete_confirmed (GtkWidget  *dialog,
                  const char *name)
{
  OpsAlertRulesDialog *self = OPS_ALERT_RULES_DIALOG (dialog);

  if (_ops_alert_editor_frame_remove (&self->frame, ops_alert_db_remove_rule, name))
    reload_list (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char      *name = g_variant_get_string (parameter, NULL);
  g_autofree char *heading = g_strdup_printf (_("Delete the Rule “%s”?"), name);

  _ops_alert_editor_confirm_delete (widget, heading,
                                    _("It stops raising alerts, and its open alerts are resolved. "
                                       "The history keeps its past alerts."),
                                    name, delete_confirmed);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OpsAlertRulesDialog *self = OPS_ALERT_RULES_DIALOG (widget);

  g_clear_object (&self->editing);
  _ops_alert_editor_frame_show_page (&self->frame, FALSE, NULL);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OpsAlertRulesDialog *self = OPS_ALERT_RULES_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlertRule) rule = read_rule (self, &error);

  if (rule == NULL || !ops_alert_db_save_rule (ops_alert_engine_get_store (self->frame.engine), rule, &error))
    {
      _ops_alert_editor_show_problem (self->frame.problem_label, widget, "rules.save", error);
      return;
    }

  g_clear_object (&self->editing);
  reload_list (self);
  _ops_alert_editor_frame_saved (&self->frame);
}

/* GObject */

static void
ops_alert_rules_dialog_dispose (GObject *object)
{
  OpsAlertRulesDialog *self = OPS_ALERT_RULES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), OPS_TYPE_ALERT_RULES_DIALOG);

  _ops_alert_editor_frame_clear (&self->frame);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (ops_alert_rules_dialog_parent_class)->dispose (object);
}

static void
ops_alert_rules_dialog_class_init (OpsAlertRulesDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_alert_rules_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/health/ops-alert-rules-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, rules_list);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, threshold_group);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, metric_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, aggregate_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, window_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, operator_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, warning_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, critical_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, absence_group);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, absence_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, severity_group);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, severity_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, for_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertRulesDialog, scope_value_row);
  _ops_alert_editor_frame_bind (widget_class, G_STRUCT_OFFSET (OpsAlertRulesDialog, frame));
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "rules.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "rules.edit", "s", edit_activated);
  gtk_widget_class_install_action (widget_class, "rules.delete", "s", delete_activated);
  gtk_widget_class_install_action (widget_class, "rules.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "rules.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ops_alert_rules_dialog_init (OpsAlertRulesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ops_alert_rules_dialog_present:
 * @parent: a widget of the window to present the dialog over
 * @engine: the alert engine, reloaded after each change
 * @check_or_null: (nullable): a check's name, to list the rules for every
 *   check and for that check, and to scope new rules to it
 *
 * Presents the rules editor.
 */
void
ops_alert_rules_dialog_present (GtkWidget      *parent,
                                OpsAlertEngine *engine,
                                const char     *check_or_null)
{
  OpsAlertRulesDialog *self;
  g_autofree char     *hint = NULL;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (OPS_IS_ALERT_ENGINE (engine));

  if (check_or_null != NULL)
    hint = g_strdup_printf (_("The rules for every check and for “%s”. Rules for a tag or an environment "
                               "are listed without a check."),
                            check_or_null);
  else
    hint = g_strdup (_("Rules turn the checks’ results into alerts. A rule for one check, a tag or an "
                        "environment applies only there."));

  self = g_object_new (OPS_TYPE_ALERT_RULES_DIALOG, NULL);
  _ops_alert_editor_frame_present (&self->frame, GTK_WINDOW (self), parent, engine, check_or_null, hint);
  reload_list (self);
  gtk_window_present (GTK_WINDOW (self));
}
