/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "opsdeckctl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "alerts/ops-alert-db.h"
#include "ops-cli.h"

/* opsdeckctl alert rules|maintenance|depends|sources: the alert
 * configuration. Each is a small group of its own (list, add, remove…);
 * without a verb it lists. A running Opsdeck picks changes up within a
 * second. */

typedef struct
{
  const char *name;
  const char *parameter_string;
  const char *summary;
  int (*run) (const OpsCliCommand *command,
              int                  argc,
              char               **argv);
} SubCommand;

static gboolean
is_help (const char *arg)
{
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h") || g_str_equal (arg, "help");
}

static void
print_sub_usage (FILE                *out,
                 const OpsCliCommand *command,
                 const SubCommand    *subs,
                 guint                n_subs)
{
  fprintf (out, _("Usage:\n  opsdeckctl %s %s COMMAND [OPTIONS…]\n"), command->group, command->name);
  fprintf (out, "\n%s\n\n%s\n", _(command->summary), _("Commands:"));
  for (guint i = 0; i < n_subs; i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s", subs[i].name,
                                                subs[i].parameter_string != NULL ? subs[i].parameter_string : "");

      fprintf (out, "  %-28s %s\n", usage, _(subs[i].summary));
    }
  fprintf (out, "\n%s\n", _("Without a command, lists. Run “opsdeckctl alert … COMMAND --help” for its options."));
}

/* Runs `opsdeckctl alert rules add …` as a command of its own, named
 * “alert rules” “add” in messages and --help. */
static int
dispatch (const OpsCliCommand *command,
          const SubCommand    *subs,
          guint                n_subs,
          int                  argc,
          char               **argv)
{
  g_autofree char *group = g_strdup_printf ("%s %s", command->group, command->name);
  OpsCliCommand    sub = { 0 };
  const char      *verb = "list";
  int              shift = 1;

  if (argc > 1 && is_help (argv[1]))
    {
      print_sub_usage (stdout, command, subs, n_subs);
      return OPS_CLI_EXIT_OK;
    }

  /* `alert rules --json` lists. */
  if (argc > 1 && argv[1][0] != '-')
    {
      verb = argv[1];
      shift = 2;
    }

  for (guint i = 0; i < n_subs; i++)
    if (g_str_equal (subs[i].name, verb))
      {
        sub.group = group;
        sub.name = subs[i].name;
        sub.parameter_string = subs[i].parameter_string;
        sub.summary = subs[i].summary;
        sub.run = subs[i].run;

        /* The sub-command sees its own name as argv[0]. */
        return subs[i].run (&sub, argc - shift + 1, argv + shift - 1);
      }

  g_printerr (_("opsdeckctl: unknown command “%s %s %s”.\n"), command->group, command->name, verb);
  print_sub_usage (stderr, command, subs, n_subs);
  return OPS_CLI_EXIT_USAGE;
}

static int
expect_names (const OpsCliCommand *command,
              int                  argc,
              char               **argv,
              int                  wanted)
{
  if (argc - 1 < wanted)
    return ops_cli_usage_error (command, g_dngettext (GETTEXT_PACKAGE, "Give %d name.", "Give %d names.", wanted),
                                wanted);
  if (argc - 1 > wanted)
    return ops_cli_usage_error (command, _("Unexpected argument “%s”."), argv[wanted + 1]);

  return OPS_CLI_EXIT_OK;
}

/* --check / --tag / --environment / --every-check: at most one. */
typedef struct
{
  char    *check;
  char    *tag;
  char    *environment;
  gboolean every;
} ScopeOptions;

static void
scope_options_clear (ScopeOptions *options)
{
  g_clear_pointer (&options->check, g_free);
  g_clear_pointer (&options->tag, g_free);
  g_clear_pointer (&options->environment, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScopeOptions, scope_options_clear)

/* clang-format off */
#define SCOPE_ENTRIES(options)                                                                     \
  { "check", 0, 0, G_OPTION_ARG_STRING, &(options).check, N_("Only for the check NAME"),          \
    N_("NAME") },                                                                                 \
  { "tag", 0, 0, G_OPTION_ARG_STRING, &(options).tag, N_("For the checks tagged TAG"),            \
    N_("TAG") },                                                                                  \
  { "environment", 0, 0, G_OPTION_ARG_STRING, &(options).environment,                            \
    N_("For the checks in ENVIRONMENT (production, staging or development)"), N_("ENVIRONMENT") }
/* clang-format on */

/* Returns: whether a scope was given; -1 with @error when it is wrong */
static int
scope_from_options (const ScopeOptions *options,
                    OpsAlertScope      *scope,
                    GError            **error)
{
  int given = (options->check != NULL) + (options->tag != NULL) + (options->environment != NULL) +
              (options->every ? 1 : 0);

  if (given > 1)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("Give at most one of --check, --tag, --environment and --every-check."));
      return -1;
    }

  if (options->check != NULL)
    return ops_alert_scope_set (scope, OPS_ALERT_SCOPE_CHECK, options->check, error) ? 1 : -1;
  if (options->tag != NULL)
    return ops_alert_scope_set (scope, OPS_ALERT_SCOPE_TAG, options->tag, error) ? 1 : -1;
  if (options->environment != NULL)
    return ops_alert_scope_set (scope, OPS_ALERT_SCOPE_ENVIRONMENT, options->environment, error) ? 1 : -1;
  if (options->every)
    return ops_alert_scope_set (scope, OPS_ALERT_SCOPE_ALL, NULL, error) ? 1 : -1;

  return 0;
}

/* `… list [--json]` of rules, windows, dependencies and sources. */
typedef struct
{
  const char *json_help; /* N_() */
  const char *empty;     /* N_(), printed when there is nothing */
  GPtrArray *(*load) (OpsStore *store,
                      GError  **error);
  void (*to_json) (gpointer     item,
                   JsonBuilder *builder);
  void (*print) (gpointer item);
} ListSpec;

static int
run_list (const OpsCliCommand *command,
          int                  argc,
          char               **argv,
          const ListSpec      *spec)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, spec->json_help, NULL },
    { NULL }
  };
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!ops_cli_parse_options (command, entries, NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ops_cli_usage_error (command, _("Unexpected argument “%s”."), argv[1]);

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;
  items = spec->load (store, &error);
  if (items == NULL)
    return ops_cli_fail ("%s", error->message);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        spec->to_json (g_ptr_array_index (items, i), builder);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      ops_cli_print_json (root);
      return OPS_CLI_EXIT_OK;
    }

  if (items->len == 0)
    g_print ("%s\n", _(spec->empty));
  for (guint i = 0; i < items->len; i++)
    spec->print (g_ptr_array_index (items, i));

  return OPS_CLI_EXIT_OK;
}

/* rules */

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

  return run_list (command, argc, argv, &spec);
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
  scope_options_clear (&options->scope);
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

  scoped = scope_from_options (&options->scope, &scope, error);
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
  if ((status = expect_names (command, argc, argv, 1)) != OPS_CLI_EXIT_OK)
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
  if ((status = expect_names (command, argc, argv, 1)) != OPS_CLI_EXIT_OK)
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
  if ((status = expect_names (command, argc, argv, 1)) != OPS_CLI_EXIT_OK)
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

/* remove NAME for rules, windows and sources. */
static int
remove_named (const OpsCliCommand *command,
              int                  argc,
              char               **argv,
              gboolean (*remove) (OpsStore   *store,
                                  const char *name,
                                  GError    **error),
              char **removed)
{
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!ops_cli_parse_options (command, NULL, NULL, &argc, &argv, &status))
    return status;
  if ((status = expect_names (command, argc, argv, 1)) != OPS_CLI_EXIT_OK)
    return status;

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;
  if (!remove (store, argv[1], &error))
    return ops_cli_fail ("%s", error->message);

  *removed = g_strdup (argv[1]);
  return OPS_CLI_EXIT_OK;
}

static int
rules_remove (const OpsCliCommand *command,
              int                  argc,
              char               **argv)
{
  g_autofree char *name = NULL;
  int              status = remove_named (command, argc, argv, ops_alert_db_remove_rule, &name);

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
  return dispatch (command, rules_commands, G_N_ELEMENTS (rules_commands), argc, argv);
}

/* maintenance windows */

static void
window_to_json (gpointer     item,
                JsonBuilder *builder)
{
  g_autoptr(JsonBuilder) own = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  ops_maintenance_window_to_json (item, own);
  node = json_builder_get_root (own);
  json_object_set_boolean_member (json_node_get_object (node), "active",
                                  ops_maintenance_window_is_active (item, g_get_real_time ()));
  json_builder_add_value (builder, g_steal_pointer (&node));
}

static void
print_window (gpointer item)
{
  OpsMaintenanceWindow *window = item;
  g_autofree char      *description = ops_maintenance_window_describe (window);
  g_autofree char      *when = NULL;
  gint64                now = g_get_real_time ();
  gint64                start = 0;
  gint64                end = 0;

  if (!ops_maintenance_window_find_occurrence (window, now, &start, &end))
    when = g_strdup (_("over"));
  else if (start <= now)
    {
      g_autofree char *until = ops_alert_format_time (end);

      when = g_strdup_printf (_("active now, until %s"), until);
    }
  else
    {
      g_autofree char *next = ops_alert_format_time (start);

      when = g_strdup_printf (_("next at %s"), next);
    }

  g_print ("%-20s %s\n%-20s %s\n", ops_maintenance_window_get_name (window), description, "", when);
}

static int
maintenance_list (const OpsCliCommand *command,
                  int                  argc,
                  char               **argv)
{
  static const ListSpec spec = {
    N_("Print the windows as JSON"),
    N_("No maintenance windows."),
    ops_alert_db_list_windows,
    window_to_json,
    print_window,
  };

  return run_list (command, argc, argv, &spec);
}

static char *
default_time_zone (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GTimeZone) found = NULL;
  const char *identifier = g_time_zone_get_identifier (local);

  found = identifier != NULL ? g_time_zone_new_identifier (identifier) : NULL;
  return found != NULL ? g_strdup (identifier) : NULL;
}

static int
maintenance_add (const OpsCliCommand *command,
                 int                  argc,
                 char               **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *weekly = NULL;
  g_autofree char *at = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *time_zone = NULL;
  g_auto(ScopeOptions) scope_options = { 0 };
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("A one-off window from TIME, such as “2026-03-29 01:00”"), N_("TIME") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("…until TIME"), N_("TIME") },
    { "weekly", 0, 0, G_OPTION_ARG_STRING, &weekly, N_("A weekly window on DAYS: mon,wed, weekdays, weekend or daily"), N_("DAYS") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("…starting at HH:MM"), N_("HH:MM") },
    { "duration", 0, 0, G_OPTION_ARG_STRING, &duration, N_("…lasting DURATION, such as 2h"), N_("DURATION") },
    { "time-zone", 0, 0, G_OPTION_ARG_STRING, &time_zone, N_("The time zone of the times, such as Europe/Berlin (default: this computer’s)"), N_("ZONE") },
    SCOPE_ENTRIES (scope_options),
    { NULL }
  };
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsMaintenanceWindow) window = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(OpsAlertScope) scope = { 0 };
  g_autofree char *description = NULL;
  int              status;

  if (!ops_cli_parse_options (command, entries,
                              _("While a window is active, the alerts of the checks it covers are "
                                 "recorded but not notified. Weekly windows follow the wall clock "
                                 "of their time zone across daylight-saving changes."),
                              &argc, &argv, &status))
    return status;
  if ((status = expect_names (command, argc, argv, 1)) != OPS_CLI_EXIT_OK)
    return status;

  if ((from != NULL || until != NULL) == (weekly != NULL || at != NULL || duration != NULL))
    return ops_cli_usage_error (command,
                                _("Give either --from and --until, or --weekly, --at and --duration."));

  if (time_zone == NULL)
    time_zone = default_time_zone ();

  if (from != NULL)
    {
      gint64 start;
      gint64 end;

      if (from == NULL || until == NULL)
        return ops_cli_usage_error (command, _("A one-off window needs --from and --until."));
      if (!ops_maintenance_parse_local_time (from, time_zone, &start, &error) ||
          !ops_maintenance_parse_local_time (until, time_zone, &end, &error))
        return ops_cli_fail ("%s", error->message);
      window = ops_maintenance_window_new_once (argv[1], start, end);
      ops_maintenance_window_set_time_zone (window, time_zone);
    }
  else
    {
      guint  days;
      guint  minute;
      gint64 seconds;

      if (weekly == NULL || at == NULL || duration == NULL)
        return ops_cli_usage_error (command, _("A weekly window needs --weekly, --at and --duration."));
      if (time_zone == NULL)
        return ops_cli_usage_error (command,
                                    _("This computer’s time zone has no name: give one with "
                                       "--time-zone, such as Europe/Berlin."));
      if (!ops_maintenance_parse_days (weekly, &days, &error) ||
          !ops_maintenance_parse_time_of_day (at, &minute, &error) ||
          !ops_alert_parse_duration (duration, (gint64 *)&seconds, &error))
        return ops_cli_fail ("%s", error->message);
      window = ops_maintenance_window_new_weekly (argv[1], days, minute, seconds, time_zone);
    }

  if (scope_from_options (&scope_options, &scope, &error) < 0)
    return ops_cli_fail ("%s", error->message);
  ops_maintenance_window_set_scope (window, &scope);

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;
  if (!ops_alert_db_save_window (store, window, &error))
    return ops_cli_fail ("%s", error->message);

  description = ops_maintenance_window_describe (window);
  g_print (_("Added the maintenance window “%s”: %s.\n"), argv[1], description);
  return OPS_CLI_EXIT_OK;
}

static int
maintenance_remove (const OpsCliCommand *command,
                    int                  argc,
                    char               **argv)
{
  g_autofree char *name = NULL;
  int              status = remove_named (command, argc, argv, ops_alert_db_remove_window, &name);

  if (name != NULL)
    g_print (_("Removed the maintenance window “%s”.\n"), name);
  return status;
}

static const SubCommand maintenance_commands[] = {
  { "list", NULL, N_("List the windows, and which is active (the default)"), maintenance_list },
  { "add", "NAME", N_("Add a one-off (--from, --until) or weekly (--weekly, --at, --duration) window"), maintenance_add },
  { "remove", "NAME", N_("Remove a window"), maintenance_remove },
};

int
ops_cli_alert_maintenance (const OpsCliCommand *command,
                           int                  argc,
                           char               **argv)
{
  return dispatch (command, maintenance_commands, G_N_ELEMENTS (maintenance_commands), argc, argv);
}

/* dependencies */

static void
print_dependency (gpointer item)
{
  OpsAlertDependency *dependency = item;

  g_print (_("%s depends on %s\n"), dependency->check, dependency->parent);
}

static int
depends_list (const OpsCliCommand *command,
              int                  argc,
              char               **argv)
{
  static const ListSpec spec = {
    N_("Print the dependencies as JSON"),
    N_("No dependencies between checks."),
    ops_alert_db_list_dependencies,
    (void (*) (gpointer, JsonBuilder *))ops_alert_dependency_to_json,
    print_dependency,
  };

  return run_list (command, argc, argv, &spec);
}

static int
depends_change (const OpsCliCommand *command,
                int                  argc,
                char               **argv,
                gboolean             add)
{
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!ops_cli_parse_options (command, NULL,
                              add ? _("While PARENT is down, the alerts of CHECK are recorded as "
                                       "blocked by it and not notified. Loops are refused.")
                                  : NULL,
                              &argc, &argv, &status))
    return status;
  if ((status = expect_names (command, argc, argv, 2)) != OPS_CLI_EXIT_OK)
    return status;

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;
  if (add ? !ops_alert_db_add_dependency (store, argv[1], argv[2], &error)
          : !ops_alert_db_remove_dependency (store, argv[1], argv[2], &error))
    return ops_cli_fail ("%s", error->message);

  g_print (add ? _("%s now depends on %s.\n") : _("%s no longer depends on %s.\n"), argv[1], argv[2]);
  return OPS_CLI_EXIT_OK;
}

static int
depends_add (const OpsCliCommand *command,
             int                  argc,
             char               **argv)
{
  return depends_change (command, argc, argv, TRUE);
}

static int
depends_remove (const OpsCliCommand *command,
                int                  argc,
                char               **argv)
{
  return depends_change (command, argc, argv, FALSE);
}

static const SubCommand depends_commands[] = {
  { "list", NULL, N_("List which checks depend on which (the default)"), depends_list },
  { "add", "CHECK PARENT", N_("Record that CHECK depends on PARENT"), depends_add },
  { "remove", "CHECK PARENT", N_("Forget that CHECK depends on PARENT"), depends_remove },
};

int
ops_cli_alert_depends (const OpsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  return dispatch (command, depends_commands, G_N_ELEMENTS (depends_commands), argc, argv);
}

/* Alertmanager sources */

static void
print_source (gpointer item)
{
  OpsAlertSourceInfo *source = item;

  g_print ("%-20s %s\n", source->name, source->url);
}

static int
sources_list (const OpsCliCommand *command,
              int                  argc,
              char               **argv)
{
  static const ListSpec spec = {
    N_("Print the sources as JSON"),
    N_("No Alertmanager sources."),
    ops_alert_db_list_sources,
    (void (*) (gpointer, JsonBuilder *))ops_alert_source_info_to_json,
    print_source,
  };

  return run_list (command, argc, argv, &spec);
}

static int
sources_add (const OpsCliCommand *command,
             int                  argc,
             char               **argv)
{
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!ops_cli_parse_options (command, NULL, NULL, &argc, &argv, &status))
    return status;
  if ((status = expect_names (command, argc, argv, 2)) != OPS_CLI_EXIT_OK)
    return status;

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;
  if (!ops_alert_db_add_source (store, argv[1], argv[2], &error))
    return ops_cli_fail ("%s", error->message);

  g_print (_("Added the Alertmanager “%s”.\n"), argv[1]);
  return OPS_CLI_EXIT_OK;
}

static int
sources_remove (const OpsCliCommand *command,
                int                  argc,
                char               **argv)
{
  g_autofree char *name = NULL;
  int              status = remove_named (command, argc, argv, ops_alert_db_remove_source, &name);

  if (name != NULL)
    g_print (_("Removed the alert source “%s”.\n"), name);
  return status;
}

static const SubCommand sources_commands[] = {
  { "list", NULL, N_("List the Alertmanager sources (the default)"), sources_list },
  { "add", "NAME URL", N_("Read the alerts of the Alertmanager at URL"), sources_add },
  { "remove", "NAME", N_("Stop reading an Alertmanager"), sources_remove },
};

int
ops_cli_alert_sources (const OpsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  return dispatch (command, sources_commands, G_N_ELEMENTS (sources_commands), argc, argv);
}
