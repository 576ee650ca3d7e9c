/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

/* `opsdeckctl load …` as a pipeline uses it: the real binary, a real nginx. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ops-test-nginx.h"
#include "ops-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Outcome;

static void
outcome_clear (Outcome *o)
{
  g_free (o->out);
  g_free (o->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Outcome, outcome_clear)

static void
run_ctl (Outcome    *outcome,
         const char *data_dir,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *binary = g_build_filename (g_getenv ("OPSDECK_BUILDDIR"), "src", "cli", "opsdeckctl", NULL);
  const char      *arg;
  va_list          args;

  g_ptr_array_add (argv, binary);
  g_ptr_array_add (argv, (char *)"--data-dir");
  g_ptr_array_add (argv, (char *)data_dir);
  va_start (args, data_dir);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &outcome->out, &outcome->err, &error);
  g_assert_no_error (error);
  outcome->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\n%s\n%s", outcome->status, outcome->out, outcome->err);
}

static const char locations[] = "location = /ok { return 200 \"fine\"; }\n"
                                "    location = /broken { return 500; }\n";

static void
test_run_json_and_thresholds (void)
{
  OpsTestNginx    *nginx = ops_test_nginx_start (locations, NULL, NULL);
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *ok = ops_test_nginx_url (nginx, "/ok");
  g_autofree char *broken = ops_test_nginx_url (nginx, "/broken");
  g_auto (Outcome) pass = { 0 };
  g_auto (Outcome) fail = { 0 };
  g_auto (Outcome) list = { 0 };
  g_auto (Outcome) show = { 0 };
  g_auto (Outcome) compare = { 0 };
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *summary;

  run_ctl (&pass, dir, "load", "run", ok, "-c", "2", "-d", "1s", "--threshold", "status_5xx == 0",
           "--threshold", "p(99) < 10s", "--json", NULL);
  g_assert_cmpint (pass.status, ==, 0);
  /* The plan goes to standard error with --json; standard output is JSON only. */
  g_assert_nonnull (strstr (pass.err, "Load test of GET"));
  g_assert_nonnull (strstr (pass.err, "2 connection(s) on 1 thread(s) for 1s"));
  json = json_from_string (pass.out, &error);
  g_assert_no_error (error);
  summary = json_object_get_object_member (json_node_get_object (json), "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "responses"), >, 0);
  g_assert_cmpint (json_object_get_int_member (summary, "responses"), ==, ops_test_nginx_count_requests (nginx));
  g_assert_true (json_object_get_boolean_member (json_node_get_object (json), "passed"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json), "format_version"), ==, 1);

  run_ctl (&fail, dir, "load", "run", broken, "-c", "1", "-d", "1s", "--threshold", "status_5xx == 0", NULL);
  g_assert_cmpint (fail.status, ==, 3);
  g_assert_nonnull (strstr (fail.out, "Load test of GET"));
  g_assert_nonnull (strstr (fail.out, "FAIL  status_5xx == 0"));
  /* Not a terminal: no line per second. */
  g_assert_null (strstr (fail.out, " 1s "));

  run_ctl (&list, dir, "load", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "/broken"));
  g_assert_nonnull (strstr (list.out, "FAIL"));

  run_ctl (&show, dir, "load", "show", "last", "--json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  shown = json_from_string (show.out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (shown), "id"), ==, 2);
  g_assert_true (json_object_has_member (json_node_get_object (shown), "timeline"));

  run_ctl (&compare, dir, "load", "compare", "1", "2", NULL);
  g_assert_cmpint (compare.status, ==, 0);
  g_assert_nonnull (strstr (compare.out, "requests/s"));

  ops_test_nginx_stop (nginx);
}

static void
test_saved_scenario (void)
{
  OpsTestNginx    *nginx = ops_test_nginx_start (locations, NULL, NULL);
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *ok = ops_test_nginx_url (nginx, "/ok");
  g_auto (Outcome) save = { 0 };
  g_auto (Outcome) again = { 0 };
  g_auto (Outcome) exported = { 0 };

  /* Values attached to short options, as wrk takes them. */
  run_ctl (&save, dir, "load", "run", "-t1", "-c1", "-d1s", ok, "--rate", "20", "--save", "smoke", NULL);
  g_assert_cmpint (save.status, ==, 0);
  g_assert_nonnull (strstr (save.out, "Constant rate: 20.0 requests/s"));
  g_assert_nonnull (strstr (save.out, "1 connection(s) on 1 thread(s) for 1s"));

  run_ctl (&again, dir, "load", "run", "--scenario", "smoke", "-d", "1s", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "Constant rate: 20.0 requests/s"));

  run_ctl (&exported, dir, "config", "export", NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_nonnull (strstr (exported.out, "\"smoke\""));

  ops_test_nginx_stop (nginx);
}

static void
test_usage_errors (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  static const struct
  {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { "load", "run", NULL }, "Which URL should be load tested?" },
    { { "load", "run", "ftp://x/", NULL }, "must start with http:// or https://" },
    { { "load", "run", "http://127.0.0.1:1/", "--threshold", "p95 < 1s", NULL }, "“p95” is not a metric" },
    { { "load", "run", "http://127.0.0.1:1/", "-d", "ten", NULL }, "“ten” is not a duration" },
    { { "load", "run", "http://127.0.0.1:1/", "-H", "NoColon", NULL }, "is not of the form “Name: value”" },
    { { "load", "run", "http://127.0.0.1:1/", "--stage", "10s", NULL }, "must be DURATION:TARGET" },
    { { "load", "run", "http://127.0.0.1:1/", "-c", "0", NULL }, "connections must be from 1" },
    { { "load", "run", "http://127.0.0.1:1/", "--scenario", "x", NULL }, "either a URL or --scenario" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Outcome) o = { 0 };

      run_ctl (&o, dir, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3],
               cases[i].args[4], cases[i].args[5], NULL);
      g_assert_cmpint (o.status, ==, 2);
      g_assert_nonnull (strstr (o.err, cases[i].message));
    }

  {
    g_auto (Outcome) missing = { 0 };
    g_auto (Outcome) not_a_number = { 0 };
    g_auto (Outcome) no_scenario = { 0 };

    run_ctl (&missing, dir, "load", "show", "42", NULL);
    g_assert_cmpint (missing.status, ==, 1);
    g_assert_nonnull (strstr (missing.err, "There is no load test run 42"));
    run_ctl (&not_a_number, dir, "load", "compare", "1", "abc", NULL);
    g_assert_cmpint (not_a_number.status, ==, 1);
    run_ctl (&no_scenario, dir, "load", "run", "--scenario", "nope", NULL);
    g_assert_cmpint (no_scenario.status, ==, 1);
    g_assert_nonnull (strstr (no_scenario.err, "There is no saved scenario “nope”."));
  }
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/loadtest/cli/run-json-and-thresholds", test_run_json_and_thresholds);
  g_test_add_func ("/opsdeck/loadtest/cli/saved-scenario", test_saved_scenario);
  g_test_add_func ("/opsdeck/loadtest/cli/usage-errors", test_usage_errors);

  return g_test_run ();
}
