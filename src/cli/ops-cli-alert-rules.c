/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "opsdeckctl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ops-cli-alert-private.h"

/* opsdeckctl alert rules [list|add|edit|enable|disable|remove]. */

static void
print_rule (gpointer item)
{
  OpsAlertRule    *rule = item;
  g_autofree char *description = ops_alert_rule_describe (rule);

  g_print ("%-24s %-9s %s\n", ops_alert_rule_get_name (rule),
           ops_alert_rule_kind_to_string (ops_alert_rule_get_kind (rule)), description);
}

static int
rules_list (const OpsCliCommand *command,
            int                  argc,
            char               **argv)
{
  static const ListSpec spec = {
    N_("Print the rules as JSON, as in an exported configuration"),
    N_("No alert rules: nothing will raise alerts."),
    ops_alert_db_list_rules,
    (void (*) (gpointer, JsonBuilder *))ops_alert_rule_to_json,
    print_rule,
  };

  return _ops_cli_alert_run_list (command, argc, argv, &spec);
}

/* The options of rules add and rules edit. */
typedef struct
{
  gboolean     down;
  char        *absent;
  char        *warning;
  char        *critical;
  char        *window;
  char        *for_duration;
  char        *severity;
  char        *rename;
  gboolean     enable;
  gboolean     disable;
  ScopeOptions scope;
} RuleOptions;

static void
rule_options_clear (RuleOptions *options)
{
  g_free (options->absent);
  g_free (options->warning);
  g_free (options->critical);
  g_free (options->window);
  g_free (options->for_duration);
  g_free (options->severity);
  g_free (options->rename);
  _ops_cli_alert_scope_options_clear (&options->scope);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RuleOptions, rule_options_clear)

/* A level of a threshold rule as a condition, to keep it when only the
 * other one is edited. */
static char *
level_condition (OpsAlertRule *rule,
                 OpsSeverity   severity)
{
  g_autofree char *measure = NULL;
  g_autofree char *value = NULL;
  double           level;

  if (!ops_alert_rule_get_level (rule, severity, &level))
    return NULL;

  measure = ops_alert_rule_describe_measure (rule);
  value = ops_alert_format_value (level);
  return g_strdup_printf ("%s %s %s", measure,
                          ops_alert_operator_to_string (ops_alert_rule_get_operator (rule)), value);
}

/* Applies the options to @rule; a usage error when they do not fit. */
static gboolean
apply_rule_options (OpsAlertRule *rule,
                    RuleOptions  *options,
                    GError      **error)
{
  g_auto(OpsAlertScope) scope = { 0 };
  OpsAlertRuleKind kind = ops_alert_rule_get_kind (rule);
  gint64           seconds;
  int              scoped;

  if (kind != OPS_ALERT_RULE_THRESHOLD &&
      (options->warning != NULL || options->critical != NULL || options->window != NULL))
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("--warning, --critical and --window are for threshold rules."));
      return FALSE;
    }
  if (kind == OPS_ALERT_RULE_THRESHOLD && options->severity != NULL)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("A threshold rule takes its severity from --warning and --critical."));
      return FALSE;
    }
  if (kind != OPS_ALERT_RULE_ABSENCE && options->absent != NULL)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("--absent is for absence rules."));
      return FALSE;
    }

  if (options->warning != NULL || options->critical != NULL)
    {
      g_autofree char *warning = options->warning != NULL ? g_strdup (options->warning)
                                                          : level_condition (rule, OPS_SEVERITY_WARNING);
      g_autofree char *critical = options->critical != NULL ? g_strdup (options->critical)
                                                            : level_condition (rule, OPS_SEVERITY_CRITICAL);

      if (!ops_alert_rule_set_conditions (rule, warning, critical, error))
        return FALSE;
    }

  if (options->window != NULL)
    {
      if (!ops_alert_parse_duration (options->window, &seconds, error))
        return FALSE;
      ops_alert_rule_set_window (rule, seconds);
    }
  if (options->for_duration != NULL)
    {
      if (!ops_alert_parse_duration (options->for_duration, &seconds, error))
        return FALSE;
      ops_alert_rule_set_for (rule, seconds);
    }
  if (options->absent != NULL)
    {
      if (!ops_alert_parse_duration (options->absent, &seconds, error))
        return FALSE;
      ops_alert_rule_set_absence (rule, seconds);
    }
  if (options->severity != NULL)
    {
      OpsSeverity severity;

      if (!ops_severity_from_string (options->severity, &severity) || severity == OPS_SEVERITY_INFO)
        {
          g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                       _("“%s” is not a severity: use warning or critical."), options->severity);
          return FALSE;
        }
      ops_alert_rule_set_severity (rule, severity);
    }

  scoped = _ops_cli_alert_scope_from_options (&options->scope, &scope, error);
  if (scoped < 0)
    return FALSE;
  if (scoped > 0)
    ops_alert_rule_set_scope (rule, &scope);

  if (options->enable && options->disable)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("Give --enable or --disable, not both."));
      return FALSE;
    }
  if (options->enable || options->disable)
    ops_alert_rule_set_enabled (rule, options->enable);

  if (options->rename != NULL)
    ops_alert_rule_set_name (rule, options->rename);

  return ops_alert_rule_validate (rule, error);
}

/* clang-format off */
#define RULE_ENTRIES(o)                                                                            \
  { "warning", 0, 0, G_OPTION_ARG_STRING, &(o).warning,                                           \
    N_("Warn when CONDITION holds, such as “avg(latency_ms) > 500”"), N_("CONDITION") },          \
  { "critical", 0, 0, G_OPTION_ARG_STRING, &(o).critical,                                         \
    N_("Critical when CONDITION holds, such as “avg(latency_ms) > 1000”"), N_("CONDITION") },     \
  { "window", 0, 0, G_OPTION_ARG_STRING, &(o).window,                                             \
    N_("Compute avg(), min() or max() over DURATION, such as 5m"), N_("DURATION") },              \
  { "for", 0, 0, G_OPTION_ARG_STRING, &(o).for_duration,                                         \
    N_("Fire only after the condition held for DURATION"), N_("DURATION") },                      \
  { "severity", 0, 0, G_OPTION_ARG_STRING, &(o).severity,                                         \
    N_("For down and absence rules: warning or critical"), N_("SEVERITY") },                      \
  SCOPE_ENTRIES ((o).scope)
/* clang-format on */

static const char rule_description[] =
    N_("A condition is a value, or avg(), min() or max() of it over the --window, compared with a "
        "level: latency_ms > 500, avg(cpu_percent) >= 90, cert_days < 14. The values come from the "
        "health checks: latency_ms, cpu_percent, memory_percent, disk_percent, cert_days, "
        "replication_lag_s… Without --check, --tag or --environment, a rule covers every check.");

static int
rules_add (const OpsCliCommand *command,
           int                  argc,
           char               **argv)
{
  g_auto(RuleOptions) o = { 0 };
  const GOptionEntry entries[] = {
    { "down", 0, 0, G_OPTION_ARG_NONE, &o.down, N_("Alert when the check is down"), NULL },
    { "absent", 0, 0, G_OPTION_ARG_STRING, &o.absent, N_("Alert when the check has no result for DURATION"), N_("DURATION") },
    RULE_ENTRIES (o),
    { "disabled", 0, 0, G_OPTION_ARG_NONE, &o.disable, N_("Add it disabled"), NULL },
    { NULL }
  };
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsAlertRule) rule = NULL;
  g_autoptr(GError) error = NULL;
  OpsAlertRuleKind kind;
  int              status;
  int              kinds;

  if (!ops_cli_parse_options (command, entries, _(rule_description), &argc, &argv, &status))
    return status;
  if ((status = _ops_cli_alert_expect_names (command, argc, argv, 1)) != OPS_CLI_EXIT_OK)
    return status;

  kinds = (o.down ? 1 : 0) + (o.absent != NULL) + (o.warning != NULL || o.critical != NULL);
  if (kinds != 1)
    return ops_cli_usage_error (command,
                                _("Say what the rule watches: --down, --absent DURATION, or "
                                   "--warning and/or --critical CONDITION."));
  kind = o.down ? OPS_ALERT_RULE_DOWN : o.absent != NULL ? OPS_ALERT_RULE_ABSENCE
                                                         : OPS_ALERT_RULE_THRESHOLD;

  rule = ops_alert_rule_new (kind, argv[1]);
  if (!apply_rule_options (rule, &o, &error))
    return ops_cli_fail ("%s", error->message);

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;
  if (!ops_alert_db_save_rule (store, rule, &error))
    return ops_cli_fail ("%s", error->message);

  {
    g_autofree char *description = ops_alert_rule_describe (rule);

    g_print (_("Added the rule “%s”: %s.\n"), ops_alert_rule_get_name (rule), description);
  }
  return OPS_CLI_EXIT_OK;
}

static int
rules_edit (const OpsCliCommand *command,
            int                  argc,
            char               **argv)
{
  g_auto(RuleOptions) o = { 0 };
  const GOptionEntry entries[] = {
    { "absent", 0, 0, G_OPTION_ARG_STRING, &o.absent, N_("For absence rules: no result for DURATION"), N_("DURATION") },
    RULE_ENTRIES (o),
    { "every-check", 0, 0, G_OPTION_ARG_NONE, &o.scope.every, N_("Cover every check"), NULL },
    { "rename", 0, 0, G_OPTION_ARG_STRING, &o.rename, N_("Give the rule a new NAME"), N_("NAME") },
    { "enable", 0, 0, G_OPTION_ARG_NONE, &o.enable, N_("Enable the rule"), NULL },
    { "disable", 0, 0, G_OPTION_ARG_NONE, &o.disable, N_("Disable the rule"), NULL },
    { NULL }
  };
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsAlertRule) rule = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!ops_cli_parse_options (command, entries, _(rule_description), &argc, &argv, &status))
    return status;
  if ((status = _ops_cli_alert_expect_names (command, argc, argv, 1)) != OPS_CLI_EXIT_OK)
    return status;

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;
  rule = ops_alert_db_find_rule (store, argv[1], &error);
  if (rule == NULL)
    return ops_cli_fail ("%s", error->message);
  if (!apply_rule_options (rule, &o, &error) || !ops_alert_db_save_rule (store, rule, &error))
    return ops_cli_fail ("%s", error->message);

  {
    g_autofree char *description = ops_alert_rule_describe (rule);

    g_print (_("The rule “%s”: %s.\n"), ops_alert_rule_get_name (rule), description);
  }
  return OPS_CLI_EXIT_OK;
}

static int
rules_set_enabled (const OpsCliCommand *command,
                   int                  argc,
                   char               **argv,
                   gboolean             enabled)
{
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsAlertRule) rule = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!ops_cli_parse_options (command, NULL, NULL, &argc, &argv, &status))
    return status;
  if ((status = _ops_cli_alert_expect_names (command, argc, argv, 1)) != OPS_CLI_EXIT_OK)
    return status;

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;
  rule = ops_alert_db_find_rule (store, argv[1], &error);
  if (rule == NULL)
    return ops_cli_fail ("%s", error->message);
  ops_alert_rule_set_enabled (rule, enabled);
  if (!ops_alert_db_save_rule (store, rule, &error))
    return ops_cli_fail ("%s", error->message);

  g_print (enabled ? _("Enabled the rule “%s”.\n") : _("Disabled the rule “%s”; its open alerts resolve.\n"),
           argv[1]);
  return OPS_CLI_EXIT_OK;
}

static int
rules_enable (const OpsCliCommand *command,
              int                  argc,
              char               **argv)
{
  return rules_set_enabled (command, argc, argv, TRUE);
}

static int
rules_disable (const OpsCliCommand *command,
               int                  argc,
               char               **argv)
{
  return rules_set_enabled (command, argc, argv, FALSE);
}

static int
rules_remove (const OpsCliCommand *command,
              int                  argc,
              char               **argv)
{
  g_autofree char *name = NULL;
  int              status = _ops_cli_alert_remove_named (command, argc, argv, ops_alert_db_remove_rule, &name);

  if (name != NULL)
    g_print (_("Removed the rule “%s”; its open alerts resolve.\n"), name);
  return status;
}

static const SubCommand rules_commands[] = {
  { "list", NULL, N_("List the rules (the default)"), rules_list },
  { "add", "NAME", N_("Add a rule: --down, --absent DURATION, or --warning/--critical CONDITION"), rules_add },
  { "edit", "NAME", N_("Change a rule"), rules_edit },
  { "enable", "NAME", N_("Enable a rule"), rules_enable },
  { "disable", "NAME", N_("Disable a rule"), rules_disable },
  { "remove", "NAME", N_("Remove a rule"), rules_remove },
};

int
ops_cli_alert_rules (const OpsCliCommand *command,
                     int                  argc,
                     char               **argv)
{
  return _ops_cli_alert_dispatch (command, rules_commands, G_N_ELEMENTS (rules_commands), argc, argv);
}
