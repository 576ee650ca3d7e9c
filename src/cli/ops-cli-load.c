/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "opsdeckctl"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loadtest/ops-load-error.h"
#include "loadtest/ops-load-run.h"
#include "loadtest/ops-load-store.h"
#include "ops-cli.h"

/* `load run` exits with this when a threshold failed, as k6 does with its
 * own code, so that a pipeline can tell a slow service from a broken
 * command. */
#define EXIT_THRESHOLDS_FAILED 3

static char *
format_latency (double ns)
{
  if (ns >= 1e9)
    return g_strdup_printf ("%.2fs", ns / 1e9);
  if (ns >= 1e6)
    return g_strdup_printf ("%.2fms", ns / 1e6);
  return g_strdup_printf ("%.2fus", ns / 1e3);
}

static char *
format_percentile (const OpsLoadHistogram *h,
                   double                  percentile)
{
  return format_latency (ops_load_histogram_value_at (h, percentile));
}

static void
print_plan (FILE                  *out,
            const OpsLoadScenario *scenario)
{
  g_autofree char *duration = ops_load_format_duration (ops_load_scenario_total_duration (scenario));
  g_autofree char *timeout = ops_load_format_duration (scenario->timeout_usec);

  fprintf (out, _("Load test of %s %s\n"), scenario->method, scenario->url);
  fprintf (out, _("  %u connection(s) on %u thread(s) for %s, timeout %s\n"),
           ops_load_scenario_max_connections (scenario), scenario->threads, duration, timeout);
  if (scenario->mode == OPS_LOAD_MODE_CONSTANT_RATE && scenario->stages->len == 0)
    fprintf (out, _("  Constant rate: %.1f requests/s (latency counted from when each request was due)\n"),
             scenario->rate);
  else if (scenario->mode == OPS_LOAD_MODE_CONSTANT_RATE)
    fprintf (out, _("  Constant rate in stages, starting at %.1f requests/s\n"), scenario->rate);
  else
    fprintf (out, _("  Maximum throughput: each connection sends its next request when the last one is answered\n"));
  for (guint i = 0; i < scenario->stages->len; i++)
    {
      const OpsLoadStage *stage = &g_array_index (scenario->stages, OpsLoadStage, i);
      g_autofree char    *stage_duration = ops_load_format_duration (stage->duration_usec);

      if (scenario->mode == OPS_LOAD_MODE_CONSTANT_RATE)
        fprintf (out, _("  Stage %u: to %.1f requests/s over %s\n"), i + 1, stage->target, stage_duration);
      else
        fprintf (out, _("  Stage %u: to %.0f connections over %s\n"), i + 1, stage->target, stage_duration);
    }
  if (g_str_has_prefix (scenario->url, "https:") && scenario->insecure)
    fprintf (out, "  %s\n", _("TLS certificates are NOT verified (--insecure)."));
  fflush (out);
}

static void
print_live_line (const OpsLoadSnapshot *snapshot)
{
  const OpsLoadCounters *c = &snapshot->counters;
  g_autofree char       *p50 = format_percentile (&c->latency, 50);
  g_autofree char       *p99 = format_percentile (&c->latency, 99);

  g_print (_("  %3us  %10.1f req/s  p50 %-9s p99 %-9s  errors %-6" G_GUINT64_FORMAT " 5xx %" G_GUINT64_FORMAT "\n"),
           snapshot->second + 1, ops_load_snapshot_get_rps (snapshot), p50, p99,
           ops_load_counters_failures (c), c->status[5]);
}

static void
print_summary (const OpsLoadResult *result)
{
  const OpsLoadCounters  *c = &result->totals;
  const OpsLoadHistogram *h = &c->latency;
  double                  seconds = result->duration_usec / 1e6;
  g_autofree char        *avg = format_latency (ops_load_histogram_mean (h));
  g_autofree char        *stdev = format_latency (ops_load_histogram_stdev (h));
  g_autofree char        *max = format_latency (h->max);
  g_autofree char        *in = g_format_size (c->bytes_in);
  g_autofree char        *out = g_format_size (c->bytes_out);
  g_autofree char        *in_rate = g_format_size (seconds > 0 ? (guint64)(c->bytes_in / seconds) : 0);
  static const double     percentiles[] = { 50, 75, 90, 99, 99.9 };

  g_print ("\n");
  g_print (_("  Requests     %" G_GUINT64_FORMAT " sent, %" G_GUINT64_FORMAT " responses in %.2fs\n"),
           c->requests, c->responses, seconds);
  g_print (_("  Requests/s   %.2f\n"), ops_load_result_get_rps (result));
  g_print (_("  Transfer     %s in (%s/s), %s out\n"), in, in_rate, out);
  g_print (_("  Latency      avg %s  stdev %s  max %s\n"), avg, stdev, max);
  g_print ("              ");
  for (guint i = 0; i < G_N_ELEMENTS (percentiles); i++)
    {
      g_autofree char *value = format_percentile (h, percentiles[i]);

      g_print (" p%g %s ", percentiles[i], value);
    }
  g_print ("\n");
  g_print (_("  Status       2xx %" G_GUINT64_FORMAT "  3xx %" G_GUINT64_FORMAT "  4xx %" G_GUINT64_FORMAT
              "  5xx %" G_GUINT64_FORMAT "\n"),
           c->status[2], c->status[3], c->status[4], c->status[5]);
  g_print (_("  Errors       %" G_GUINT64_FORMAT " (error rate %.2f%%)\n"), ops_load_counters_failures (c),
           ops_load_counters_error_rate (c) * 100);
  for (guint i = 0; i < OPS_LOAD_N_FAILURES; i++)
    {
      if (c->failures[i] == 0)
        continue;
      g_print ("    %-8s %" G_GUINT64_FORMAT " — %s%s%s\n", ops_load_failure_to_string (i), c->failures[i],
               ops_load_failure_describe (i), result->notes[i] != NULL ? ": " : "",
               result->notes[i] != NULL ? result->notes[i] : "");
    }
  if (g_str_has_prefix (result->scenario->url, "https:") && result->scenario->insecure)
    g_print ("  %s\n", _("TLS certificates were NOT verified (--insecure)."));
  if (result->end == OPS_LOAD_END_STOPPED)
    g_print ("  %s\n", _("Stopped before the end."));
  else if (result->end == OPS_LOAD_END_ABORTED)
    g_print ("  %s\n", _("Stopped early: a threshold could no longer pass."));
  if (result->dropped_seconds > 0)
    g_print (_("  %u second(s) are missing from the timeline (the totals are complete).\n"),
             result->dropped_seconds);

  if (result->verdicts->len > 0)
    {
      g_print (_("  Thresholds\n"));
      for (guint i = 0; i < result->verdicts->len; i++)
        {
          const OpsLoadVerdict *verdict = result->verdicts->pdata[i];

          g_print ("    %s  %s  (%s %s)\n", verdict->passed ? _("PASS") : _("FAIL"), verdict->expression,
                   _("observed"), verdict->observed_text);
        }
    }
}

typedef struct
{
  GMainLoop     *loop;
  OpsLoadRun    *run;
  OpsLoadResult *result;
  GError        *error;
  gboolean       live;
  guint          interrupts;
} RunState;

static void
snapshot_cb (OpsLoadRun      *run,
             OpsLoadSnapshot *snapshot,
             gpointer         user_data)
{
  RunState *state = user_data;

  if (state->live)
    print_live_line (snapshot);
}

static gboolean
interrupt_cb (gpointer user_data)
{
  RunState *state = user_data;

  if (state->interrupts++ == 0)
    {
      g_printerr ("%s\n", _("Stopping: waiting for the requests in flight (press Ctrl+C again to quit now)."));
      ops_load_run_stop (state->run);
      return G_SOURCE_CONTINUE;
    }

  exit (130);
}

static void
run_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RunState *state = user_data;

  state->result = ops_load_run_execute_finish (OPS_LOAD_RUN (source_object), result, &state->error);
  g_main_loop_quit (state->loop);
}

static GBytes *
read_body (const char *path,
           GError    **error)
{
  g_autofree char *contents = NULL;
  gsize            length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* GOption wants `-c 50`; wrk and the issue write `-c50`. Splits attached
 * values of the short options that take one. Returns a new vector. */
static char **
split_short_options (int   *argc,
                     char **argv)
{
  GPtrArray *args = g_ptr_array_new ();
  gboolean   options_done = FALSE;

  for (int i = 0; i < *argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--"))
        options_done = TRUE;
      if (!options_done && i > 0 && arg[0] == '-' && strchr ("ctdHm", arg[1]) != NULL && arg[1] != '\0' &&
          arg[2] != '\0')
        {
          g_ptr_array_add (args, g_strndup (arg, 2));
          g_ptr_array_add (args, g_strdup (arg + 2));
        }
      else
        g_ptr_array_add (args, g_strdup (arg));
    }

  *argc = args->len;
  g_ptr_array_add (args, NULL);
  return (char **)g_ptr_array_free (args, FALSE);
}

int
ops_cli_load_run (const OpsCliCommand *command,
                  int                  argc,
                  char               **argv)
{
  int              connections = -1, threads = -1;
  double           rate = -1;
  g_autofree char *duration = NULL, *timeout = NULL, *method = NULL, *body = NULL;
  g_autofree char *save = NULL, *scenario_name = NULL, *ca_file = NULL;
  g_auto(GStrv) headers = NULL, thresholds = NULL, stages = NULL;
  gboolean           json = FALSE, insecure = FALSE, abort_on_fail = FALSE;
  const GOptionEntry entries[] = {
    { "connections", 'c', 0, G_OPTION_ARG_INT, &connections, N_("Connections to keep open (default 10)"), N_("N") },
    { "threads", 't', 0, G_OPTION_ARG_INT, &threads, N_("Engine threads (default 1)"), N_("N") },
    { "duration", 'd', 0, G_OPTION_ARG_STRING, &duration, N_("How long, such as 30s or 2m (default 10s)"), N_("DURATION") },
    { "rate", 0, 0, G_OPTION_ARG_DOUBLE, &rate, N_("Send R requests per second in all (constant-rate mode)"), N_("R") },
    { "stage", 0, 0, G_OPTION_ARG_STRING_ARRAY, &stages, N_("Ramp to TARGET (rate, or connections) over DURATION; repeat for more stages"), N_("DURATION:TARGET") },
    { "header", 'H', 0, G_OPTION_ARG_STRING_ARRAY, &headers, N_("Add a header; repeat for more"), N_("'NAME: VALUE'") },
    { "method", 'm', 0, G_OPTION_ARG_STRING, &method, N_("The HTTP method (default GET)"), N_("METHOD") },
    { "body", 0, 0, G_OPTION_ARG_FILENAME, &body, N_("Send the contents of FILE as the body"), N_("FILE") },
    { "timeout", 0, 0, G_OPTION_ARG_STRING, &timeout, N_("Time allowed to connect and for each response (default 2s)"), N_("DURATION") },
    { "threshold", 0, 0, G_OPTION_ARG_STRING_ARRAY, &thresholds, N_("Pass/fail condition such as 'p(95) < 200ms'; repeat for more"), N_("EXPR") },
    { "abort-on-fail", 0, 0, G_OPTION_ARG_NONE, &abort_on_fail, N_("Stop as soon as a threshold can no longer pass"), NULL },
    { "insecure", 'k', 0, G_OPTION_ARG_NONE, &insecure, N_("Do not verify TLS certificates"), NULL },
    { "cacert", 0, 0, G_OPTION_ARG_FILENAME, &ca_file, N_("Also trust the certificates in this PEM file"), N_("FILE") },
    { "save", 0, 0, G_OPTION_ARG_STRING, &save, N_("Save the scenario under NAME (the run is stored either way)"), N_("NAME") },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &scenario_name, N_("Run the saved scenario NAME instead of a URL"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(OpsLoadScenario) scenario = NULL;
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(OpsLoadRun) run = NULL;
  RunState state = { 0 };
  g_auto (GStrv) split_argv = NULL;
  guint sigint_id, sigterm_id;
  int   status;

  split_argv = split_short_options (&argc, argv);
  argv = split_argv;
  if (!ops_cli_parse_options (command, entries,
                              _("Prints the planned load first, a line per second on a terminal, then a "
                                 "summary. Exits with 3 when a threshold fails, 1 on an error, 2 on a "
                                 "usage error."),
                              &argc, &argv, &status))
    return status;

  if (scenario_name != NULL && argc > 1)
    return ops_cli_usage_error (command, _("Give either a URL or --scenario, not both."));
  if (scenario_name == NULL && argc < 2)
    return ops_cli_usage_error (command, _("Which URL should be load tested?"));
  if (argc > 2)
    return ops_cli_usage_error (command, _("Unexpected argument “%s”."), argv[2]);

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;

  if (scenario_name != NULL)
    {
      scenario = ops_load_store_get_scenario (store, scenario_name, TRUE, &error);
      if (scenario == NULL)
        return ops_cli_fail ("%s", error->message);
    }
  else
    scenario = ops_load_scenario_new (argv[1]);

  /* Options given on the command line override a saved scenario. */
  if (connections != -1)
    scenario->connections = connections < 0 ? 0 : connections;
  if (threads != -1)
    scenario->threads = threads < 0 ? 0 : threads;
  if (duration != NULL && !ops_load_parse_duration (duration, &scenario->duration_usec, &error))
    return ops_cli_usage_error (command, "%s", error->message);
  if (timeout != NULL && !ops_load_parse_duration (timeout, &scenario->timeout_usec, &error))
    return ops_cli_usage_error (command, "%s", error->message);
  if (rate != -1)
    {
      scenario->mode = OPS_LOAD_MODE_CONSTANT_RATE;
      scenario->rate = rate;
    }
  if (method != NULL)
    {
      g_free (scenario->method);
      scenario->method = g_ascii_strup (method, -1);
    }
  if (body != NULL)
    {
      g_clear_pointer (&scenario->body, g_bytes_unref);
      scenario->body = read_body (body, &error);
      if (scenario->body == NULL)
        return ops_cli_fail (_("Could not read the body: %s"), error->message);
    }
  if (stages != NULL)
    g_array_set_size (scenario->stages, 0);
  for (guint i = 0; stages != NULL && stages[i] != NULL; i++)
    if (!ops_load_scenario_add_stage_text (scenario, stages[i], &error))
      return ops_cli_usage_error (command, "%s", error->message);
  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    if (!ops_load_scenario_add_header (scenario, headers[i], &error))
      return ops_cli_usage_error (command, "%s", error->message);
  for (guint i = 0; thresholds != NULL && thresholds[i] != NULL; i++)
    if (!ops_load_scenario_add_threshold (scenario, thresholds[i], &error))
      return ops_cli_usage_error (command, "%s", error->message);
  if (abort_on_fail)
    scenario->abort_on_fail = TRUE;
  if (insecure)
    scenario->insecure = TRUE;
  if (ca_file != NULL)
    {
      g_free (scenario->ca_file);
      scenario->ca_file = g_steal_pointer (&ca_file);
    }
  if (save != NULL)
    {
      g_free (scenario->name);
      scenario->name = g_strdup (save);
    }

  if (!ops_load_scenario_validate (scenario, &error))
    return ops_cli_usage_error (command, "%s", error->message);

  if (save != NULL && ops_load_store_save_scenario (store, scenario, &error) == 0)
    return ops_cli_fail ("%s", error->message);

  /* The plan goes first, so the operator sees what is about to happen;
   * with --json it goes to standard error to keep the output parseable. */
  print_plan (json ? stderr : stdout, scenario);

  loop = g_main_loop_new (NULL, FALSE);
  run = ops_load_run_new (scenario, NULL);
  state.loop = loop;
  state.run = run;
  state.live = !json && isatty (STDOUT_FILENO);
  g_signal_connect (run, "snapshot", G_CALLBACK (snapshot_cb), &state);
  sigint_id = g_unix_signal_add (SIGINT, interrupt_cb, &state);
  sigterm_id = g_unix_signal_add (SIGTERM, interrupt_cb, &state);

  ops_load_run_execute_async (run, NULL, run_done_cb, &state);
  g_main_loop_run (loop);

  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  if (state.result == NULL)
    {
      status = ops_cli_fail ("%s", state.error->message);
      g_clear_error (&state.error);
      return status;
    }

  if (ops_load_store_save_run (store, state.result, &error) == 0)
    g_printerr (_("opsdeckctl: the run could not be stored: %s\n"), error->message);

  if (json)
    {
      g_autoptr(JsonNode) node = ops_load_result_to_json (state.result, TRUE);

      ops_cli_print_json (node);
    }
  else
    {
      print_summary (state.result);
      if (state.result->id > 0)
        g_print (_("  Stored as run %" G_GINT64_FORMAT " (“opsdeckctl load show %" G_GINT64_FORMAT "”).\n"),
                 state.result->id, state.result->id);
    }

  status = ops_load_result_passed (state.result) ? OPS_CLI_EXIT_OK : EXIT_THRESHOLDS_FAILED;
  ops_load_result_unref (state.result);
  return status;
}

int
ops_cli_load_list (const OpsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  int                limit = 50;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N runs, newest first (default 50, 0 for all)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the list as JSON"), NULL },
    { NULL }
  };
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!ops_cli_parse_options (command, entries, NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ops_cli_usage_error (command, _("Unexpected argument “%s”."), argv[1]);
  if (limit < 0)
    return ops_cli_usage_error (command, _("The limit cannot be negative."));

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;
  runs = ops_load_store_list_runs (store, limit, &error);
  if (runs == NULL)
    return ops_cli_fail ("%s", error->message);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < runs->len; i++)
        {
          const OpsLoadRunInfo *info = runs->pdata[i];
          g_autoptr(GDateTime) started = g_date_time_new_from_unix_utc (info->started_at / G_USEC_PER_SEC);
          g_autofree char *started_text = g_date_time_format_iso8601 (started);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, info->id);
          json_builder_set_member_name (builder, "name");
          if (info->name != NULL)
            json_builder_add_string_value (builder, info->name);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, info->url);
          json_builder_set_member_name (builder, "started_at");
          json_builder_add_string_value (builder, started_text);
          json_builder_set_member_name (builder, "duration_s");
          json_builder_add_double_value (builder, info->duration_usec / 1e6);
          json_builder_set_member_name (builder, "end");
          json_builder_add_string_value (builder, info->end);
          json_builder_set_member_name (builder, "passed");
          json_builder_add_boolean_value (builder, info->passed);
          json_builder_set_member_name (builder, "requests");
          json_builder_add_int_value (builder, info->requests);
          json_builder_set_member_name (builder, "errors");
          json_builder_add_int_value (builder, info->errors);
          json_builder_set_member_name (builder, "requests_per_second");
          json_builder_add_double_value (builder, info->rps);
          json_builder_set_member_name (builder, "p99_ms");
          json_builder_add_double_value (builder, info->p99_usec / 1e3);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      ops_cli_print_json (root);
      return OPS_CLI_EXIT_OK;
    }

  if (runs->len == 0)
    {
      g_print ("%s\n", _("No load tests have been run yet."));
      return OPS_CLI_EXIT_OK;
    }

  g_print ("%-5s %-19s %10s %10s %8s %-6s %s\n", _("RUN"), _("STARTED"), _("REQ/S"), _("P99"), _("ERRORS"),
           _("RESULT"), _("URL"));
  for (guint i = 0; i < runs->len; i++)
    {
      const OpsLoadRunInfo *info = runs->pdata[i];
      g_autoptr(GDateTime) started = g_date_time_new_from_unix_local (info->started_at / G_USEC_PER_SEC);
      g_autofree char *started_text = g_date_time_format (started, "%Y-%m-%d %H:%M:%S");
      g_autofree char *p99 = format_latency (info->p99_usec * 1e3);

      g_print ("%-5" G_GINT64_FORMAT " %-19s %10.1f %10s %8" G_GINT64_FORMAT " %-6s %s%s%s%s\n", info->id,
               started_text, info->rps, p99, info->errors, info->passed ? _("pass") : _("FAIL"), info->url,
               info->name != NULL ? " (" : "", info->name != NULL ? info->name : "", info->name != NULL ? ")" : "");
    }

  return OPS_CLI_EXIT_OK;
}

/* RUN is a number or “last”. */
static OpsLoadResult *
load_run_argument (OpsStore   *store,
                   const char *text,
                   GError    **error)
{
  gint64 id;

  if (g_str_equal (text, "last"))
    {
      id = ops_load_store_get_last_run_id (store, error);
      if (id == 0)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_NOT_FOUND, _("No load tests have been run yet."));
          return NULL;
        }
    }
  else if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_NOT_FOUND,
                   _("“%s” is not a run number; “opsdeckctl load list” shows them."), text);
      return NULL;
    }

  return ops_load_store_get_run (store, id, error);
}

int
ops_cli_load_show (const OpsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the run as JSON, with its timeline"), NULL },
    { NULL }
  };
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!ops_cli_parse_options (command, entries, NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ops_cli_usage_error (command, argc < 2 ? _("Which run? Give its number or “last”.")
                                                  : _("Give one run only."));

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;
  result = load_run_argument (store, argv[1], &error);
  if (result == NULL)
    return ops_cli_fail ("%s", error->message);

  if (json)
    {
      g_autoptr(JsonNode) node = ops_load_result_to_json (result, TRUE);

      ops_cli_print_json (node);
      return OPS_CLI_EXIT_OK;
    }

  g_print (_("Run %" G_GINT64_FORMAT "%s%s%s\n"), result->id, result->name != NULL ? " — " : "",
           result->name != NULL ? result->name : "", "");
  print_plan (stdout, result->scenario);
  print_summary (result);
  if (result->timeline->len > 0)
    {
      g_print ("\n%s\n", _("  Second by second:"));
      for (guint i = 0; i < result->timeline->len; i++)
        print_live_line (result->timeline->pdata[i]);
    }

  return OPS_CLI_EXIT_OK;
}

static void
compare_row (const char *label,
             double      a,
             double      b,
             char       *a_text,
             char       *b_text)
{
  g_autofree char *owned_a = a_text;
  g_autofree char *owned_b = b_text;
  g_autofree char *change = NULL;

  if (a != 0)
    change = g_strdup_printf ("%+.1f%%", (b - a) / fabs (a) * 100);
  else
    change = g_strdup (b == 0 ? "=" : "—");

  g_print ("  %-14s %16s %16s %10s\n", label, owned_a, owned_b, change);
}

int
ops_cli_load_compare (const OpsCliCommand *command,
                      int                  argc,
                      char               **argv)
{
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsLoadResult) a = NULL;
  g_autoptr(OpsLoadResult) b = NULL;
  g_autoptr(GError) error = NULL;
  static const double percentiles[] = { 50, 90, 99, 99.9 };
  int                 status;

  if (!ops_cli_parse_options (command, NULL, NULL, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return ops_cli_usage_error (command, _("Give two runs to compare, such as “3 last”."));

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;
  a = load_run_argument (store, argv[1], &error);
  if (a == NULL)
    return ops_cli_fail ("%s", error->message);
  b = load_run_argument (store, argv[2], &error);
  if (b == NULL)
    return ops_cli_fail ("%s", error->message);

  g_print ("  %-14s %16s %16s %10s\n", "", argv[1], argv[2], _("change"));
  g_print ("  %-14s %16.40s %16.40s\n", _("URL"), a->scenario->url, b->scenario->url);
  compare_row (_("requests/s"), ops_load_result_get_rps (a), ops_load_result_get_rps (b),
               g_strdup_printf ("%.1f", ops_load_result_get_rps (a)), g_strdup_printf ("%.1f", ops_load_result_get_rps (b)));
  compare_row (_("responses"), a->totals.responses, b->totals.responses,
               g_strdup_printf ("%" G_GUINT64_FORMAT, a->totals.responses),
               g_strdup_printf ("%" G_GUINT64_FORMAT, b->totals.responses));
  compare_row (_("latency avg"), ops_load_histogram_mean (&a->totals.latency), ops_load_histogram_mean (&b->totals.latency),
               format_latency (ops_load_histogram_mean (&a->totals.latency)),
               format_latency (ops_load_histogram_mean (&b->totals.latency)));
  for (guint i = 0; i < G_N_ELEMENTS (percentiles); i++)
    {
      g_autofree char *label = g_strdup_printf (_("latency p%g"), percentiles[i]);
      double           va = ops_load_histogram_value_at (&a->totals.latency, percentiles[i]);
      double           vb = ops_load_histogram_value_at (&b->totals.latency, percentiles[i]);

      compare_row (label, va, vb, format_latency (va), format_latency (vb));
    }
  compare_row (_("latency max"), a->totals.latency.max, b->totals.latency.max,
               format_latency (a->totals.latency.max), format_latency (b->totals.latency.max));
  compare_row (_("errors"), ops_load_counters_failures (&a->totals), ops_load_counters_failures (&b->totals),
               g_strdup_printf ("%" G_GUINT64_FORMAT, ops_load_counters_failures (&a->totals)),
               g_strdup_printf ("%" G_GUINT64_FORMAT, ops_load_counters_failures (&b->totals)));
  compare_row (_("error rate"), ops_load_counters_error_rate (&a->totals), ops_load_counters_error_rate (&b->totals),
               g_strdup_printf ("%.2f%%", ops_load_counters_error_rate (&a->totals) * 100),
               g_strdup_printf ("%.2f%%", ops_load_counters_error_rate (&b->totals) * 100));
  compare_row (_("5xx"), a->totals.status[5], b->totals.status[5],
               g_strdup_printf ("%" G_GUINT64_FORMAT, a->totals.status[5]),
               g_strdup_printf ("%" G_GUINT64_FORMAT, b->totals.status[5]));
  g_print ("  %-14s %16s %16s\n", _("thresholds"), ops_load_result_passed (a) ? _("pass") : _("FAIL"),
           ops_load_result_passed (b) ? _("pass") : _("FAIL"));

  return OPS_CLI_EXIT_OK;
}
