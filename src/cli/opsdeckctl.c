/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "opsdeckctl"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ops-cli.h"
#include "ops-paths.h"

/* Every command of opsdeckctl, by group. Features add theirs here. */
static const OpsCliCommand commands[] = {
  { "db", "info", NULL,
    N_("Show the database’s path, schema version, size and the rows in each table"),
    ops_cli_db_info },
  { "config", "export", "[FILE]",
    N_("Write the configuration as JSON to FILE, or to standard output"),
    ops_cli_config_export },
  { "config", "import", "FILE",
    N_("Import a configuration exported earlier (“-” reads standard input)"),
    ops_cli_config_import },
  { "check", "list", NULL,
    N_("List the health checks with their last known state"),
    ops_cli_check_list },
  { "check", "add", "NAME --kind KIND --target TARGET",
    N_("Add a health check (see --help for the options of each kind)"),
    ops_cli_check_add },
  { "check", "run", "[NAME…|--all]",
    N_("Probe checks once; exit with 1 when one is down"),
    ops_cli_check_run },
  { "check", "history", "NAME",
    N_("Show a check’s recent results and uptime"),
    ops_cli_check_history },
  { "load", "run", "URL",
    N_("Load test URL and print a summary like wrk’s; exits with 3 if a threshold fails"),
    ops_cli_load_run },
  { "load", "list", NULL,
    N_("List the stored load test runs, newest first"),
    ops_cli_load_list },
  { "load", "show", "RUN",
    N_("Show a stored run (a number, or “last”) with its timeline"),
    ops_cli_load_show },
  { "load", "compare", "RUN RUN",
    N_("Show two stored runs side by side"),
    ops_cli_load_compare },
  { "alert", "list", NULL,
    N_("List alerts, open ones first, and those of the Alertmanager sources"),
    ops_cli_alert_list },
  { "alert", "show", "ID",
    N_("Show an alert, the values that fired it and its timeline"),
    ops_cli_alert_show },
  { "alert", "ack", "ID",
    N_("Acknowledge an alert (an Alertmanager one --for a while)"),
    ops_cli_alert_ack },
  { "alert", "resolve", "ID",
    N_("Resolve an alert by hand, with a --note"),
    ops_cli_alert_resolve },
  { "alert", "stats", NULL,
    N_("Mean time to acknowledge and to resolve, and alerts per day"),
    ops_cli_alert_stats },
  { "alert", "rules", "[COMMAND]",
    N_("List, add, edit, enable, disable or remove alert rules"),
    ops_cli_alert_rules },
  { "alert", "maintenance", "[COMMAND]",
    N_("List, add or remove maintenance windows"),
    ops_cli_alert_maintenance },
  { "alert", "depends", "[COMMAND]",
    N_("List, add or remove dependencies between checks"),
    ops_cli_alert_depends },
  { "alert", "sources", "[COMMAND]",
    N_("List, add or remove Alertmanager sources"),
    ops_cli_alert_sources },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage:\n  opsdeckctl [--data-dir DIR] COMMAND [OPTIONS…]"));
  fprintf (out, "\n%s\n", _("Opsdeck’s command-line tool: the same core as the app, no window."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s %s %s", commands[i].group, commands[i].name,
                                                commands[i].parameter_string != NULL ? commands[i].parameter_string : "");

      fprintf (out, "  %-24s %s\n", usage, _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  %-24s %s\n", "--data-dir DIR", _("Use the database in DIR instead of the user data folder"));
  fprintf (out, "  %-24s %s\n", "--version", _("Print the version and exit"));
  fprintf (out, "  %-24s %s\n", "-h, --help", _("Show this help"));
  fprintf (out, "\n%s\n", _("Run “opsdeckctl COMMAND --help” for the options of a command."));
}

static void
print_group_usage (FILE       *out,
                   const char *group)
{
  fprintf (out, _("Usage:\n  opsdeckctl %s COMMAND [OPTIONS…]\n"), group);
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = NULL;

      if (!g_str_equal (commands[i].group, group))
        continue;

      usage = g_strdup_printf ("%s %s", commands[i].name,
                               commands[i].parameter_string != NULL ? commands[i].parameter_string : "");
      fprintf (out, "  %-24s %s\n", usage, _(commands[i].summary));
    }
}

static gboolean
is_group (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].group, name))
      return TRUE;

  return FALSE;
}

static const OpsCliCommand *
find_command (const char *group,
              const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].group, group) && g_str_equal (commands[i].name, name))
      return &commands[i];

  return NULL;
}

static gboolean
is_help (const char *arg)
{
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h") || g_str_equal (arg, "help");
}

int
main (int   argc,
      char *argv[])
{
  const OpsCliCommand *command;
  int                  first = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("opsdeckctl");

  /* Options that come before the command. */
  while (first < argc && argv[first][0] == '-')
    {
      const char *arg = argv[first];

      if (g_str_equal (arg, "--version"))
        {
          g_print ("opsdeckctl %s\n", PACKAGE_VERSION);
          return OPS_CLI_EXIT_OK;
        }
      else if (is_help (arg))
        {
          print_usage (stdout);
          return OPS_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--data-dir") && first + 1 < argc)
        {
          ops_paths_set_data_dir_override (argv[first + 1]);
          first += 2;
        }
      else if (g_str_has_prefix (arg, "--data-dir="))
        {
          ops_paths_set_data_dir_override (arg + strlen ("--data-dir="));
          first += 1;
        }
      else
        {
          g_printerr (_("opsdeckctl: unknown option “%s”.\n"), arg);
          print_usage (stderr);
          return OPS_CLI_EXIT_USAGE;
        }
    }

  if (first >= argc)
    {
      print_usage (stderr);
      return OPS_CLI_EXIT_USAGE;
    }

  if (is_help (argv[first]))
    {
      if (first + 1 < argc && is_group (argv[first + 1]))
        print_group_usage (stdout, argv[first + 1]);
      else
        print_usage (stdout);
      return OPS_CLI_EXIT_OK;
    }

  if (!is_group (argv[first]))
    {
      g_printerr (_("opsdeckctl: unknown command “%s”.\n"), argv[first]);
      print_usage (stderr);
      return OPS_CLI_EXIT_USAGE;
    }

  if (first + 1 >= argc || is_help (argv[first + 1]))
    {
      gboolean asked = first + 1 < argc;

      print_group_usage (asked ? stdout : stderr, argv[first]);
      return asked ? OPS_CLI_EXIT_OK : OPS_CLI_EXIT_USAGE;
    }

  command = find_command (argv[first], argv[first + 1]);
  if (command == NULL)
    {
      g_printerr (_("opsdeckctl: unknown command “%s %s”.\n"), argv[first], argv[first + 1]);
      print_group_usage (stderr, argv[first]);
      return OPS_CLI_EXIT_USAGE;
    }

  /* The command sees its own name as argv[0]. */
  return command->run (command, argc - first - 1, argv + first + 1);
}
