/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "opsdeckctl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ops-cli-alert-private.h"

/* opsdeckctl alert maintenance|depends|sources: the alert configuration
 * besides the rules (ops-cli-alert-rules.c). Each is a small group of its
 * own (list, add, remove); without a verb it lists. A running Opsdeck
 * picks changes up within a second. */

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

  return _ops_cli_alert_run_list (command, argc, argv, &spec);
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
  if ((status = _ops_cli_alert_expect_names (command, argc, argv, 1)) != OPS_CLI_EXIT_OK)
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

  if (_ops_cli_alert_scope_from_options (&scope_options, &scope, &error) < 0)
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
  int              status = _ops_cli_alert_remove_named (command, argc, argv, ops_alert_db_remove_window, &name);

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
  return _ops_cli_alert_dispatch (command, maintenance_commands, G_N_ELEMENTS (maintenance_commands), argc, argv);
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

  return _ops_cli_alert_run_list (command, argc, argv, &spec);
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
  if ((status = _ops_cli_alert_expect_names (command, argc, argv, 2)) != OPS_CLI_EXIT_OK)
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
  return _ops_cli_alert_dispatch (command, depends_commands, G_N_ELEMENTS (depends_commands), argc, argv);
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

  return _ops_cli_alert_run_list (command, argc, argv, &spec);
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
  if ((status = _ops_cli_alert_expect_names (command, argc, argv, 2)) != OPS_CLI_EXIT_OK)
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
  int              status = _ops_cli_alert_remove_named (command, argc, argv, ops_alert_db_remove_source, &name);

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
  return _ops_cli_alert_dispatch (command, sources_commands, G_N_ELEMENTS (sources_commands), argc, argv);
}
