/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "ops-test-alerts-ui.h"
#include "pages/health/ops-alert-maintenance-dialog.h"
#include "pages/health/ops-alert-rules-dialog.h"

/* The rules and maintenance-window editors under Xvfb, over a real alert
 * engine on a temporary store: validation as the operator types, in the
 * core's words; saving; editing; deleting after a confirmation. */

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

int
main (int   argc,
      char *argv[])
{
  ops_test_alerts_ui_init (&argc, &argv);

  ADD ("/opsdeck/ui/alerts/rules-dialog", test_rules_dialog);
  ADD ("/opsdeck/ui/alerts/rules-dialog-for-check", test_rules_dialog_for_check);
  ADD ("/opsdeck/ui/alerts/maintenance-dialog", test_maintenance_dialog);

  return g_test_run ();
}
