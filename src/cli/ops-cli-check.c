/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "opsdeckctl"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "health/ops-check-list.h"
#include "health/ops-health-engine.h"
#include "health/ops-history.h"
#include "ops-cli.h"

/*
 * opsdeckctl check list | add | run | history: the health engine from the
 * command line. `check run` probes once and exits with 1 when a check is
 * down, so that scripts and CI can use it.
 */

static const char *
status_word (OpsHealthStatus status)
{
  /* Words, not colours: a terminal may show neither. */
  switch (status)
    {
    case OPS_HEALTH_STATUS_HEALTHY:
      return _("healthy");
    case OPS_HEALTH_STATUS_DEGRADED:
      return _("degraded");
    case OPS_HEALTH_STATUS_DOWN:
      return _("DOWN");
    case OPS_HEALTH_STATUS_UNKNOWN:
    default:
      return _("unknown");
    }
}

static char *
format_latency (double ms)
{
  if (ms < 0 || isnan (ms))
    return g_strdup ("–");
  if (ms < 10)
    return g_strdup_printf ("%.1f ms", ms);
  return g_strdup_printf ("%.0f ms", ms);
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = NULL;

  if (usec <= 0)
    return g_strdup (_("never"));

  time = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  return g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
}

/* check list */

int
ops_cli_check_list (const OpsCliCommand *command,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsCheckList) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  guint n;
  int   status;

  if (!ops_cli_parse_options (command, entries, NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ops_cli_usage_error (command, _("Unexpected argument “%s”."), argv[1]);

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;

  list = ops_check_list_new (store, &error);
  if (list == NULL)
    return ops_cli_fail ("%s", error->message);

  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(OpsCheck) check = g_list_model_get_item (G_LIST_MODEL (list), i);

          json_array_add_element (array, ops_check_to_json (check, TRUE));
        }
      json_node_take_array (root, array);
      ops_cli_print_json (root);
      return OPS_CLI_EXIT_OK;
    }

  if (n == 0)
    {
      g_print ("%s\n", _("No checks yet. Add one with “opsdeckctl check add”."));
      return OPS_CLI_EXIT_OK;
    }

  g_print ("%-24s %-11s %-9s %-9s %-19s %s\n", _("NAME"), _("KIND"), _("STATUS"), _("INTERVAL"),
           _("LAST RESULT"), _("TARGET"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpsCheck) check = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *interval = ops_health_format_duration (ops_check_get_interval_ms (check));
      g_autofree char *last = format_time (ops_check_get_last_result_time (check));
      const char      *state = ops_check_get_paused (check)     ? _("paused")
                               : !ops_check_get_enabled (check) ? _("disabled")
                                                                : status_word (ops_check_get_status (check));

      g_print ("%-24s %-11s %-9s %-9s %-19s %s\n", ops_check_get_name (check),
               ops_check_kind_to_string (ops_check_get_kind (check)), state, interval, last,
               ops_check_get_target (check));
    }

  return OPS_CLI_EXIT_OK;
}

/* check add */

/* The kind options as command-line options: `method` is `--method`,
 * `follow_redirects` is `--follow-redirects`. */
static char *
option_name (const OpsCheckOptionSpec *spec)
{
  return g_strdelimit (g_strdup (spec->key), "_", '-');
}

static char *
kinds_of (const OpsCheckOptionSpec *spec)
{
  g_autoptr(GString) kinds = g_string_new (NULL);

  if (spec->kinds == OPS_CHECK_ALL_KINDS)
    return g_strdup (_("all kinds"));

  for (guint k = 0; k < OPS_CHECK_N_KINDS; k++)
    if (ops_check_option_applies (spec, k))
      g_string_append_printf (kinds, "%s%s", kinds->len > 0 ? ", " : "", ops_check_kind_to_string (k));

  return g_string_free (g_steal_pointer (&kinds), FALSE);
}

/* Per kind: its target, its options, its secret. */
static char *
add_description (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const OpsCheckOptionSpec *specs;
  guint                     n_specs;

  specs = ops_check_option_specs (&n_specs);
  g_string_append (text, _("Kinds, their targets and their options:\n"));
  for (guint k = 0; k < OPS_CHECK_N_KINDS; k++)
    {
      OpsCheckSecretType secret = ops_check_kind_get_secret_type (k);

      g_string_append_printf (text, "\n  %s — %s\n    %s\n", ops_check_kind_to_string (k),
                              ops_check_kind_to_label (k), ops_check_kind_get_target_help (k));
      g_string_append (text, "    ");
      g_string_append (text, _("Options:"));
      for (guint i = 0; i < n_specs; i++)
        if (ops_check_option_applies (&specs[i], k))
          {
            g_autofree char *name = option_name (&specs[i]);

            g_string_append_printf (text, " --%s", name);
          }
      if (secret == OPS_CHECK_SECRET_PASSWORD)
        g_string_append (text, " --password-stdin");
      else if (secret == OPS_CHECK_SECRET_TOKEN)
        g_string_append (text, " --token-stdin");
      if (ops_check_kind_get_placeholders (k) != 0)
        g_string_append (text, " --condition");
      g_string_append_c (text, '\n');
    }

  g_string_append (text, "\n");
  g_string_append (text, _("Conditions use Gatus's language, such as “[STATUS] == 200”, "
                            "“[BODY].status == UP”, “[RESPONSE_TIME] < 300”, "
                            "“len([BODY].items) > 0”, “[CERTIFICATE_EXPIRATION] > 48h”, "
                            "“[CONNECTED] == true”, with ==, !=, <, <=, >, >=, pat(…) and any(…).\n"));
  g_string_append (text, _("Durations are written 500ms, 30s, 5m, 1h or 2d. Passwords and tokens "
                            "are read from standard input and kept in the keyring, never in the "
                            "database or an export."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
read_secret_line (GError **error)
{
  char  buffer[4096];
  gsize length;

  if (isatty (STDIN_FILENO))
    g_printerr ("%s", _("Password or token (then Enter): "));

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Nothing was read from standard input."));
      return NULL;
    }

  length = strcspn (buffer, "\r\n");
  buffer[length] = '\0';
  if (length == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The password or token read from standard input is empty."));
      return NULL;
    }

  return g_strdup (buffer);
}

static gboolean
parse_duration_option (const char *name,
                       const char *text,
                       guint      *msec,
                       GError    **error)
{
  gint64 value;
  g_autoptr(GError) local_error = NULL;

  if (text == NULL)
    return TRUE;

  if (!ops_health_parse_duration (text, &value, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--%s: %s", name,
                   local_error->message);
      return FALSE;
    }

  *msec = (guint)CLAMP (value, 0, G_MAXUINT);
  return TRUE;
}

int
ops_cli_check_add (const OpsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsCheckList) list = NULL;
  g_autoptr(OpsCheck) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(JsonObject) options = json_object_new ();
  g_autofree char *description = add_description ();
  g_autofree char *parameter = NULL;
  g_autofree char *interval_text = NULL;
  g_auto(GStrv) values_store = NULL;
  g_autoptr(GPtrArray) option_values = g_ptr_array_new ();
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) helps = g_ptr_array_new_with_free_func (g_free);
  char                     *kind_text = NULL, *target = NULL, *interval = NULL, *timeout = NULL, *environment = NULL;
  char                    **tags = NULL, **conditions = NULL;
  int                       failure_threshold = 1, success_threshold = 1;
  gboolean                  paused = FALSE, disabled = FALSE, password_stdin = FALSE, token_stdin = FALSE;
  gboolean                  json = FALSE;
  const OpsCheckOptionSpec *specs;
  guint                     n_specs;
  OpsCheckKind              kind;
  OpsEnvironment            env = OPS_ENVIRONMENT_PRODUCTION;
  guint                     interval_ms = OPS_CHECK_DEFAULT_INTERVAL_MS, timeout_ms = 0;
  int                       status;
  const GOptionEntry        common[] = {
           { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_text,
             N_("What to check: http, tcp, dns, tls, postgresql, redis, prometheus or websocket"),
             N_("KIND") },
           { "target", 't', 0, G_OPTION_ARG_STRING, &target, N_("What to probe; see below per kind"),
             N_("TARGET") },
           { "interval", 'i', 0, G_OPTION_ARG_STRING, &interval, N_("How often (30s by default, 1s at least)"),
             N_("DURATION") },
           { "timeout", 0, 0, G_OPTION_ARG_STRING, &timeout,
             N_("How long to wait (10s by default, never more than the interval)"), N_("DURATION") },
           { "failure-threshold", 0, 0, G_OPTION_ARG_INT, &failure_threshold,
             N_("Failures in a row that mark the check down (1)"), N_("N") },
           { "success-threshold", 0, 0, G_OPTION_ARG_INT, &success_threshold,
             N_("Successes in a row that bring it back (1)"), N_("N") },
           { "environment", 'e', 0, G_OPTION_ARG_STRING, &environment,
             N_("production (the default), staging or development"), N_("ENV") },
           { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("A tag; repeat for more"), N_("TAG") },
           { "condition", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &conditions,
             N_("A condition that must hold; repeat for more"), N_("EXPRESSION") },
           { "paused", 0, 0, G_OPTION_ARG_NONE, &paused, N_("Add it paused"), NULL },
           { "disabled", 0, 0, G_OPTION_ARG_NONE, &disabled, N_("Add it disabled"), NULL },
           { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &password_stdin,
             N_("Read the password (PostgreSQL, Redis) from standard input into the keyring"), NULL },
           { "token-stdin", 0, 0, G_OPTION_ARG_NONE, &token_stdin,
             N_("Read the bearer token (HTTP, Prometheus, WebSocket) from standard input into the keyring"),
             NULL },
           { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the saved check as JSON"), NULL },
           { NULL }
  };

  /* One --option per kind option, from the table. */
  specs = ops_check_option_specs (&n_specs);
  g_ptr_array_set_size (option_values, n_specs);
  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *kinds = kinds_of (&specs[i]);
      GOptionEntry     entry = { 0 };
      char            *name = option_name (&specs[i]);
      char            *help = g_strdup_printf ("%s [%s]", _(specs[i].help), kinds);

      g_ptr_array_add (names, name);
      g_ptr_array_add (helps, help);
      entry.long_name = name;
      entry.arg = G_OPTION_ARG_STRING_ARRAY;
      entry.arg_data = &option_values->pdata[i];
      entry.description = help;
      entry.arg_description = specs[i].arg;
      g_array_append_val (entries, entry);
    }

  parameter = g_strdup_printf ("%s %s", command->name, command->parameter_string);
  context = g_option_context_new (parameter);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_description (context, description);

  /* The kinds' options come after the common ones, in --help too. */
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, (GOptionEntry *)(gpointer)entries->data,
                                     GETTEXT_PACKAGE);
  if (!ops_cli_parse_options_with (command, context, NULL, &argc, &argv, &status))
    goto out;

  status = OPS_CLI_EXIT_USAGE;
  if (argc < 2)
    {
      status = ops_cli_usage_error (command, _("Name the check, such as “opsdeckctl check add api "
                                                "--kind http --target https://…”."));
      goto out;
    }
  if (argc > 2)
    {
      status = ops_cli_usage_error (command, _("Unexpected argument “%s”; quote a name with spaces."),
                                    argv[2]);
      goto out;
    }
  if (kind_text == NULL || !ops_check_kind_from_string (kind_text, &kind))
    {
      status = ops_cli_usage_error (command, _("Say what to check with --kind: http, tcp, dns, tls, "
                                                "postgresql, redis, prometheus or websocket."));
      goto out;
    }
  if (environment != NULL && !ops_environment_from_string (environment, &env))
    {
      status = ops_cli_usage_error (command, _("The environment “%s” is unknown; use production, "
                                                "staging or development."),
                                    environment);
      goto out;
    }
  if (!parse_duration_option ("interval", interval, &interval_ms, &error) ||
      !parse_duration_option ("timeout", timeout, &timeout_ms, &error))
    {
      status = ops_cli_usage_error (command, "%s", error->message);
      goto out;
    }

  for (guint i = 0; i < n_specs; i++)
    {
      char **values = option_values->pdata[i];

      if (values == NULL)
        continue;
      if (!ops_check_option_applies (&specs[i], kind))
        {
          status = ops_cli_usage_error (command, _("--%s does not apply to %s checks."),
                                        (const char *)g_ptr_array_index (names, i),
                                        ops_check_kind_to_string (kind));
          goto out;
        }
      for (guint v = 0; values[v] != NULL; v++)
        {
          g_autoptr(JsonNode) node = ops_check_option_parse_text (&specs[i], values[v], &error);

          if (node == NULL)
            {
              status = ops_cli_usage_error (command, "%s", error->message);
              goto out;
            }
          if (JSON_NODE_HOLDS_ARRAY (node) && json_object_has_member (options, specs[i].key))
            json_array_add_string_element (json_object_get_array_member (options, specs[i].key),
                                           values[v]);
          else
            json_object_set_member (options, specs[i].key, g_steal_pointer (&node));
        }
    }

  check = ops_check_new (kind, argv[1], target);
  ops_check_set_interval_ms (check, interval_ms);
  ops_check_set_timeout_ms (check, timeout_ms > 0 ? timeout_ms
                                                  : MIN (interval_ms, OPS_CHECK_DEFAULT_TIMEOUT_MS));
  ops_check_set_failure_threshold (check, CLAMP (failure_threshold, 0, G_MAXINT));
  ops_check_set_success_threshold (check, CLAMP (success_threshold, 0, G_MAXINT));
  ops_check_set_environment (check, env);
  ops_check_set_tags (check, (const char *const *)tags);
  ops_check_set_conditions (check, (const char *const *)conditions);
  ops_check_set_options (check, options);
  ops_check_set_paused (check, paused);
  ops_check_set_enabled (check, !disabled);

  if (!ops_check_validate (check, &error))
    {
      status = ops_cli_fail (_("The check was not added. %s"), error->message);
      goto out;
    }

  if (password_stdin || token_stdin)
    {
      OpsCheckSecretType wanted = password_stdin ? OPS_CHECK_SECRET_PASSWORD : OPS_CHECK_SECRET_TOKEN;
      g_autofree char   *secret = NULL;

      if (ops_check_kind_get_secret_type (kind) != wanted)
        {
          status = ops_cli_usage_error (command, _("%s checks take no %s."),
                                        ops_check_kind_to_string (kind),
                                        password_stdin ? _("password") : _("token"));
          goto out;
        }
      secret = read_secret_line (&error);
      if (secret == NULL)
        {
          status = ops_cli_fail (_("The check was not added. %s"), error->message);
          goto out;
        }
      ops_check_set_secret (check, secret);
      memset (secret, 0, strlen (secret));
    }

  store = ops_cli_open_store ();
  if (store == NULL)
    {
      status = OPS_CLI_EXIT_FAILURE;
      goto out;
    }
  list = ops_check_list_new (store, &error);
  if (list == NULL || !ops_check_list_add (list, check, &error))
    {
      status = ops_cli_fail (_("The check was not added. %s"), error->message);
      goto out;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = ops_check_to_json (check, TRUE);

      ops_cli_print_json (node);
    }
  else
    {
      interval_text = ops_health_format_duration (ops_check_get_interval_ms (check));
      g_print (_("Added the check “%s” (%s, every %s).\n"), ops_check_get_name (check),
               ops_check_kind_to_string (kind), interval_text);
    }
  if (ops_check_get_tls_verification_disabled (check))
    g_printerr (_("opsdeckctl: warning: TLS verification is turned off for “%s”: an impostor "
                   "would not be noticed.\n"),
                ops_check_get_name (check));

  status = OPS_CLI_EXIT_OK;

out:
  for (guint i = 0; i < option_values->len; i++)
    g_strfreev (option_values->pdata[i]);
  g_free (kind_text);
  g_free (target);
  g_free (interval);
  g_free (timeout);
  g_free (environment);
  g_strfreev (tags);
  g_strfreev (conditions);
  return status;
}

/* check run */

typedef struct
{
  GPtrArray *results;
  gboolean   done;
} Outcome;

static void
ran_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->results = ops_health_engine_run_checks_finish (OPS_HEALTH_ENGINE (object), result, NULL);
  outcome->done = TRUE;
}

static OpsCheckResult *
result_of (GPtrArray *results,
           OpsCheck  *check)
{
  for (guint i = 0; i < results->len; i++)
    if (ops_check_result_get_check_id (g_ptr_array_index (results, i)) == ops_check_get_id (check))
      return g_ptr_array_index (results, i);

  return NULL;
}

int
ops_cli_check_run (const OpsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsHealthEngine) engine = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  Outcome            outcome = { NULL, FALSE };
  OpsCheckList      *list;
  gboolean           all = FALSE, json = FALSE, any_down = FALSE;
  const GOptionEntry entries[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Run every enabled check"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  int status;

  if (!ops_cli_parse_options (command, entries,
                              _("Probes each check once and saves the results. Exits with 1 when "
                                 "a check is down, 0 otherwise."),
                              &argc, &argv, &status))
    return status;
  if (all == (argc > 1))
    return ops_cli_usage_error (command, _("Name the checks to run, or give --all."));

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;

  engine = ops_health_engine_new (store, NULL, NULL, &error);
  if (engine == NULL)
    return ops_cli_fail ("%s", error->message);
  list = ops_health_engine_get_checks (engine);

  if (all)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
        {
          g_autoptr(OpsCheck) check = g_list_model_get_item (G_LIST_MODEL (list), i);

          if (ops_check_get_enabled (check))
            g_ptr_array_add (checks, g_steal_pointer (&check));
        }
    }
  else
    for (int i = 1; i < argc; i++)
      {
        OpsCheck *check = ops_check_list_find_by_name (list, argv[i]);

        if (check == NULL)
          return ops_cli_usage_error (command, _("There is no check named “%s”; see “opsdeckctl "
                                                  "check list”."),
                                      argv[i]);
        g_ptr_array_add (checks, g_object_ref (check));
      }

  ops_health_engine_run_checks_async (engine, checks, NULL, ran_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  results = outcome.results != NULL ? outcome.results : g_ptr_array_new ();

  if (!ops_history_flush_sync (ops_health_engine_get_history (engine), &error))
    g_printerr (_("opsdeckctl: warning: the results could not be saved: %s\n"), error->message);

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < checks->len; i++)
        {
          OpsCheck       *check = g_ptr_array_index (checks, i);
          OpsCheckResult *result = result_of (results, check);
          JsonNode       *node = result != NULL ? ops_check_result_to_json (result) : json_node_new (JSON_NODE_OBJECT);

          json_object_set_string_member (json_node_get_object (node), "check", ops_check_get_name (check));
          json_object_set_string_member (json_node_get_object (node), "state",
                                         ops_health_status_to_string (ops_check_get_status (check)));
          json_array_add_element (array, node);
        }
      json_node_take_array (root, array);
      ops_cli_print_json (root);
    }
  else if (checks->len > 0)
    g_print ("%-9s %-24s %9s  %s\n", _("STATUS"), _("NAME"), _("TIME"), _("DETAILS"));

  for (guint i = 0; i < checks->len; i++)
    {
      OpsCheck        *check = g_ptr_array_index (checks, i);
      OpsCheckResult  *result = result_of (results, check);
      OpsHealthStatus  result_status = result != NULL ? ops_check_result_get_status (result)
                                                      : OPS_HEALTH_STATUS_UNKNOWN;
      g_autofree char *latency = NULL;
      const char      *details;

      if (result_status == OPS_HEALTH_STATUS_DOWN)
        any_down = TRUE;
      if (json || result == NULL)
        continue;

      latency = format_latency (ops_check_result_get_latency_ms (result));
      details = ops_check_result_get_error (result) != NULL ? ops_check_result_get_error (result)
                                                            : ops_check_result_get_summary (result);
      g_print ("%-9s %-24s %9s  %s\n", status_word (result_status), ops_check_get_name (check),
               latency, details != NULL ? details : "");
    }

  if (checks->len == 0 && !json)
    g_print ("%s\n", _("No enabled checks to run."));

  return any_down ? OPS_CLI_EXIT_FAILURE : OPS_CLI_EXIT_OK;
}

/* check history */

int
ops_cli_check_history (const OpsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsCheckList) list = NULL;
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char   *since = NULL;
  g_autofree char   *since_text = NULL;
  sqlite3           *db;
  OpsCheck          *check;
  gboolean           json = FALSE;
  int                limit = 50;
  gint64             since_ms = 24 * 3600 * 1000, now = g_get_real_time (), from;
  double             uptime = -1;
  const GOptionEntry entries[] = {
    { "since", 's', 0, G_OPTION_ARG_STRING, &since, N_("How far back (24h by default)"),
      N_("DURATION") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N results, the newest first (50)"),
      N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  int status;

  if (!ops_cli_parse_options (command, entries, NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ops_cli_usage_error (command, _("Name one check."));
  if (since != NULL && !ops_health_parse_duration (since, &since_ms, &error))
    return ops_cli_usage_error (command, "--since: %s", error->message);
  if (limit < 0)
    return ops_cli_usage_error (command, _("--limit cannot be negative."));

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;
  list = ops_check_list_new (store, &error);
  if (list == NULL)
    return ops_cli_fail ("%s", error->message);
  check = ops_check_list_find_by_name (list, argv[1]);
  if (check == NULL)
    return ops_cli_usage_error (command, _("There is no check named “%s”; see “opsdeckctl check "
                                            "list”."),
                                argv[1]);

  db = ops_store_get_handle (store);
  from = now - since_ms * 1000;
  samples = ops_history_samples_query (db, ops_check_get_id (check), from, limit, &error);
  if (samples == NULL || !ops_history_uptime_query (db, ops_check_get_id (check), from, now, &uptime, &error))
    return ops_cli_fail ("%s", error->message);

  since_text = ops_health_format_duration (since_ms);

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();
      JsonArray  *array = json_array_new ();

      json_object_set_string_member (object, "check", ops_check_get_name (check));
      json_object_set_string_member (object, "since", since_text);
      if (uptime >= 0)
        json_object_set_double_member (object, "uptime_percent", uptime);
      for (guint i = 0; i < samples->len; i++)
        json_array_add_element (array, ops_check_result_to_json (g_ptr_array_index (samples, i)));
      json_object_set_array_member (object, "results", array);
      json_node_take_object (root, object);
      ops_cli_print_json (root);
      return OPS_CLI_EXIT_OK;
    }

  if (uptime >= 0)
    g_print (_("%s: %.2f %% up over the last %s\n"), ops_check_get_name (check), uptime, since_text);
  else
    g_print (_("%s: no results in the last %s\n"), ops_check_get_name (check), since_text);

  if (samples->len == 0)
    return OPS_CLI_EXIT_OK;

  g_print ("\n%-19s %-9s %9s %9s %9s %9s %9s  %s\n", _("TIME"), _("STATUS"), _("TOTAL"), _("DNS"),
           _("CONNECT"), _("TLS"), _("1ST BYTE"), _("ERROR"));
  for (guint i = 0; i < samples->len; i++)
    {
      OpsCheckResult       *result = g_ptr_array_index (samples, i);
      const OpsProbeTiming *t = ops_check_result_get_timing (result);
      g_autofree char      *time = format_time (ops_check_result_get_time (result));
      g_autofree char      *total = format_latency (t->total_us >= 0 ? t->total_us / 1000.0 : -1);
      g_autofree char      *dns = format_latency (t->dns_us >= 0 ? t->dns_us / 1000.0 : -1);
      g_autofree char      *connect = format_latency (t->connect_us >= 0 ? t->connect_us / 1000.0 : -1);
      g_autofree char      *tls = format_latency (t->tls_us >= 0 ? t->tls_us / 1000.0 : -1);
      g_autofree char      *first = format_latency (t->first_byte_us >= 0 ? t->first_byte_us / 1000.0 : -1);

      g_print ("%-19s %-9s %9s %9s %9s %9s %9s  %s\n", time,
               status_word (ops_check_result_get_status (result)), total, dns, connect, tls, first,
               ops_check_result_get_error (result) != NULL ? ops_check_result_get_error (result) : "");
    }

  return OPS_CLI_EXIT_OK;
}
