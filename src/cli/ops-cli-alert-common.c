/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "opsdeckctl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ops-cli-alert-private.h"

/* The pieces the `opsdeckctl alert` configuration commands share. */

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
int
_ops_cli_alert_dispatch (const OpsCliCommand *command,
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

int
_ops_cli_alert_expect_names (const OpsCliCommand *command,
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

void
_ops_cli_alert_scope_options_clear (ScopeOptions *options)
{
  g_clear_pointer (&options->check, g_free);
  g_clear_pointer (&options->tag, g_free);
  g_clear_pointer (&options->environment, g_free);
}

/* Returns: whether a scope was given; -1 with @error when it is wrong */
int
_ops_cli_alert_scope_from_options (const ScopeOptions *options,
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

int
_ops_cli_alert_run_list (const OpsCliCommand *command,
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

/* remove NAME for rules, windows and sources. */
int
_ops_cli_alert_remove_named (const OpsCliCommand *command,
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
  if ((status = _ops_cli_alert_expect_names (command, argc, argv, 1)) != OPS_CLI_EXIT_OK)
    return status;

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;
  if (!remove (store, argv[1], &error))
    return ops_cli_fail ("%s", error->message);

  *removed = g_strdup (argv[1]);
  return OPS_CLI_EXIT_OK;
}
