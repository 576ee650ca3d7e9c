/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ops-test-nginx.h"
#include "ops-test-util.h"

/* opsdeckctl check list | add | run | history, as a person or a script
 * uses them, against a real nginx. */

static OpsTestNginx *nginx;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->out, g_free);
  g_clear_pointer (&outcome->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Outcome, outcome_clear)

/* Runs opsdeckctl with a data folder; @input goes to standard input. */
static Outcome
ctl (const char *data_dir,
     const char *input,
     ...)
{
  g_autofree char *program = g_build_filename (g_getenv ("OPSDECK_BUILDDIR"), "src", "cli",
                                               "opsdeckctl", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome = { 0 };
  va_list args;

  g_ptr_array_add (argv, program);
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, (gpointer)data_dir);
  va_start (args, input);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                   G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &outcome.out, &outcome.err, &error);
  g_assert_no_error (error);
  outcome.status = g_subprocess_get_exit_status (process);

  g_test_message ("exit %d\n%s%s", outcome.status, outcome.out, outcome.err);
  return outcome;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("Expected “%s” in:\n%s", part, text);
}

static void
test_add_list_run_history (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *ok_url = ops_test_nginx_url (nginx, "/ok");
  g_autofree char *gone_url = ops_test_nginx_url (nginx, "/gone");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  {
    g_auto (Outcome) o = ctl (dir, NULL, "check", "add", "web", "--kind", "http", "--target",
                              ok_url, "--interval", "10s", "--condition", "[STATUS] == 200",
                              "--condition", "[BODY] == pat(*fine*)", "--tag", "edge",
                              "--header", "X-From: opsdeck", NULL);

    g_assert_cmpint (o.status, ==, 0);
    assert_contains (o.out, "Added the check “web” (http, every 10s).");
  }
  {
    g_auto (Outcome) o = ctl (dir, NULL, "check", "add", "gone", "--kind", "http", "--target",
                              gone_url, "--failure-threshold", "1", NULL);

    g_assert_cmpint (o.status, ==, 0);
  }
  {
    g_auto (Outcome) o = ctl (dir, NULL, "check", "list", NULL);

    g_assert_cmpint (o.status, ==, 0);
    assert_contains (o.out, "web");
    assert_contains (o.out, "unknown");
    assert_contains (o.out, "10s");
  }

  /* All healthy: 0. */
  {
    g_auto (Outcome) o = ctl (dir, NULL, "check", "run", "web", NULL);

    g_assert_cmpint (o.status, ==, 0);
    assert_contains (o.out, "healthy");
    assert_contains (o.out, "HTTP 200");
  }

  /* One down: 1, and the reason in words. */
  {
    g_auto (Outcome) o = ctl (dir, NULL, "check", "run", "--all", NULL);

    g_assert_cmpint (o.status, ==, 1);
    assert_contains (o.out, "DOWN");
    assert_contains (o.out, "HTTP status 404 Not Found");
  }

  /* The state is kept between runs. */
  {
    g_auto (Outcome) o = ctl (dir, NULL, "check", "list", "--json", NULL);
    JsonArray *checks;

    g_assert_cmpint (o.status, ==, 0);
    json_parser_load_from_data (parser, o.out, -1, &error);
    g_assert_no_error (error);
    checks = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (checks), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (checks, 0), "status"),
                     ==, "healthy");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (checks, 1), "status"),
                     ==, "down");
  }

  {
    g_auto (Outcome) o = ctl (dir, NULL, "check", "history", "web", "--since", "1h", "--json", NULL);
    JsonObject *history;

    g_assert_cmpint (o.status, ==, 0);
    json_parser_load_from_data (parser, o.out, -1, &error);
    g_assert_no_error (error);
    history = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (history, "check"), ==, "web");
    g_assert_cmpfloat (json_object_get_double_member (history, "uptime_percent"), ==, 100);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (history, "results")), ==, 2);
  }
  {
    g_auto (Outcome) o = ctl (dir, NULL, "check", "history", "gone", NULL);

    g_assert_cmpint (o.status, ==, 0);
    assert_contains (o.out, "gone: 0.00 % up over the last 1d");
    assert_contains (o.out, "HTTP status 404 Not Found");
  }

  /* The checks are part of the exported configuration. */
  {
    g_auto (Outcome) o = ctl (dir, NULL, "config", "export", NULL);

    g_assert_cmpint (o.status, ==, 0);
    assert_contains (o.out, "\"[BODY] == pat(*fine*)\"");
    assert_contains (o.out, "\"X-From: opsdeck\"");
  }
}

typedef struct
{
  const char *args[12];
  int         status;
  const char *message;
} BadCase;

static void
test_bad_input (void)
{
  static const BadCase cases[] = {
    { { "check", "add", NULL }, 2, "Name the check" },
    { { "check", "add", "x", NULL }, 2, "Say what to check with --kind" },
    { { "check", "add", "x", "--kind", "gopher", NULL }, 2, "Say what to check with --kind" },
    { { "check", "add", "x", "--kind", "http", NULL }, 1, "The target is missing" },
    { { "check", "add", "x", "--kind", "http", "--target", "https://a/", "--interval", "fast", NULL },
      2,
      "--interval: “fast” is not a duration" },
    { { "check", "add", "x", "--kind", "tcp", "--target", "a:1", "--method", "GET", NULL },
      2,
      "--method does not apply to tcp checks" },
    { { "check", "add", "x", "--kind", "http", "--target", "https://a/", "--max-body", "lots", NULL },
      2,
      "“lots” is not a valid value for the option “max_body”" },
    { { "check", "add", "x", "--kind", "http", "--target", "https://a/", "--condition",
        "[STATUS] = 200", NULL },
      1,
      "column" },
    { { "check", "add", "x", "--kind", "postgresql", "--target", "host=db password=hunter2", NULL },
      1,
      "The connection string contains a password" },
    { { "check", "add", "x", "--kind", "tcp", "--target", "a:1", "--password-stdin", NULL },
      2,
      "tcp checks take no password" },
    { { "check", "run", NULL }, 2, "Name the checks to run, or give --all" },
    { { "check", "run", "nothing-by-that-name", NULL }, 2, "There is no check named" },
    { { "check", "history", "x", "--since", "yesterday", NULL }, 2, "--since" },
    { { "check", "frobnicate", NULL }, 2, "unknown command" },
  };
  g_autofree char *dir = ops_test_fresh_data_dir ();

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const char *const *a = cases[c].args;
      g_auto (Outcome) o = ctl (dir, NULL, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8],
                                a[9], a[10], NULL);

      g_assert_cmpint (o.status, ==, cases[c].status);
      assert_contains (o.err, cases[c].message);
      /* A password never shows. */
      g_assert_null (strstr (o.err, "hunter2"));
      g_assert_null (strstr (o.out, "hunter2"));
    }

  /* Nothing was added by any of them. */
  {
    g_auto (Outcome) o = ctl (dir, NULL, "check", "list", NULL);

    assert_contains (o.out, "No checks yet");
  }
}

static void
test_help (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_auto (Outcome) o = ctl (dir, NULL, "check", "add", "--help", NULL);

  g_assert_cmpint (o.status, ==, 0);
  /* Every kind, with its target and options. */
  assert_contains (o.out, "postgresql — PostgreSQL");
  assert_contains (o.out, "--expect-role");
  assert_contains (o.out, "--silence-timeout");
  assert_contains (o.out, "--cpu-critical");
  assert_contains (o.out, "[CERTIFICATE_EXPIRATION] > 48h");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ops_test_init (&argc, &argv);
  nginx = ops_test_nginx_start ("location = /ok { return 200 \"all fine\"; }", NULL, NULL);

  g_test_add_func ("/opsdeck/cli/check/add-list-run-history", test_add_list_run_history);
  g_test_add_func ("/opsdeck/cli/check/bad-input", test_bad_input);
  g_test_add_func ("/opsdeck/cli/check/help", test_help);

  status = g_test_run ();
  ops_test_nginx_stop (nginx);
  return status;
}
