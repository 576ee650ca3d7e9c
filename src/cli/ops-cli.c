/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "opsdeckctl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ops-cli.h"
#include "ops-paths.h"

static gboolean
data_dir_cb (const char *option_name,
             const char *value,
             gpointer    data,
             GError    **error)
{
  ops_paths_set_data_dir_override (value);
  return TRUE;
}

/**
 * ops_cli_parse_options:
 * @command: the command being run
 * @entries: (nullable): its options
 * @description: (nullable): text shown after the options in `--help`
 * @argc: (inout): the arguments after the command's name
 * @argv: (inout): the arguments
 * @exit_status: (out): the status to exit with when this returns %FALSE
 *
 * Parses a command's options, and `--data-dir` and `--help`, which every
 * command takes.
 *
 * Returns: %TRUE to go on; %FALSE when the command should exit
 */
gboolean
ops_cli_parse_options (const OpsCliCommand *command,
                       const GOptionEntry  *entries,
                       const char          *description,
                       int                 *argc,
                       char              ***argv,
                       int                 *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *parameter_string = NULL;

  parameter_string = g_strdup_printf ("%s %s", command->name,
                                      command->parameter_string != NULL ? command->parameter_string : "");
  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (description != NULL)
    g_option_context_set_description (context, description);

  return ops_cli_parse_options_with (command, context, entries, argc, argv, exit_status);
}

/**
 * ops_cli_parse_options_with:
 * @command: the command being run
 * @context: a context the command set up (groups, description)
 * @entries: (nullable): its main options
 * @argc: (inout): the arguments after the command's name
 * @argv: (inout): the arguments
 * @exit_status: (out): the status to exit with when this returns %FALSE
 *
 * Like ops_cli_parse_options(), for commands with option groups.
 *
 * Returns: %TRUE to go on; %FALSE when the command should exit
 */
gboolean
ops_cli_parse_options_with (const OpsCliCommand *command,
                            GOptionContext      *context,
                            const GOptionEntry  *entries,
                            int                 *argc,
                            char              ***argv,
                            int                 *exit_status)
{
  const GOptionEntry common_entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_CALLBACK, data_dir_cb,
      N_("Use the database in DIR instead of the user data folder"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  g_set_prgname (g_strdup_printf ("opsdeckctl %s", command->group));

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_status = ops_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  g_set_prgname ("opsdeckctl");
  *exit_status = OPS_CLI_EXIT_OK;
  return TRUE;
}

/**
 * ops_cli_open_store:
 *
 * Opens the database, printing why it could not be, or where a damaged
 * one was moved.
 *
 * Returns: (transfer full) (nullable): the store
 */
OpsStore *
ops_cli_open_store (void)
{
  g_autoptr(GError) error = NULL;
  OpsStore *store;

  store = ops_store_open_default (&error);
  if (store == NULL)
    {
      ops_cli_fail ("%s", error->message);
      return NULL;
    }

  if (ops_store_get_moved_aside_path (store) != NULL)
    g_printerr (_("opsdeckctl: warning: the database was damaged and has been moved to %s; a new, "
                   "empty one was created. Nothing was deleted.\n"),
                ops_store_get_moved_aside_path (store));

  if (ops_store_get_backup_path (store) != NULL)
    g_printerr (_("opsdeckctl: the database was upgraded to schema version %d; a copy from before "
                   "the upgrade is at %s.\n"),
                ops_store_get_schema_version (store), ops_store_get_backup_path (store));

  return store;
}

/**
 * ops_cli_fail:
 * @format: a printf() format for the message
 *
 * Prints `opsdeckctl: <message>` on standard error.
 *
 * Returns: %OPS_CLI_EXIT_FAILURE
 */
int
ops_cli_fail (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("opsdeckctl: %s\n", message);

  return OPS_CLI_EXIT_FAILURE;
}

/**
 * ops_cli_usage_error:
 * @command: the command
 * @format: a printf() format for the message
 *
 * Prints the message and a hint to use `--help`.
 *
 * Returns: %OPS_CLI_EXIT_USAGE
 */
int
ops_cli_usage_error (const OpsCliCommand *command,
                     const char          *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("opsdeckctl: %s\n", message);
  g_printerr (_("Run “opsdeckctl %s %s --help” to see how to use it.\n"),
              command->group, command->name);

  return OPS_CLI_EXIT_USAGE;
}

void
ops_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  g_print ("%s\n", text);
}
