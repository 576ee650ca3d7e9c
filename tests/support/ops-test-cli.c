/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include "ops-test-cli.h"

void
ops_test_run_clear (OpsTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/**
 * ops_test_run_cli:
 * @run: (out caller-allocates): the outcome
 * @input: (nullable): what to write on its standard input
 * @first_arg: the first argument, then more, ending with %NULL
 *
 * Runs the opsdeckctl of the build (`$OPSDECK_BUILDDIR/src/cli/opsdeckctl`),
 * as a user or a script would, in the data folder of `OPSDECK_DATA_DIR`.
 */
void
ops_test_run_cli (OpsTestRun *run,
                  const char *input,
                  const char *first_arg,
                  ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *binary = NULL;
  const char      *arg;
  va_list          args;

  g_assert_nonnull (g_getenv ("OPSDECK_BUILDDIR"));
  binary = g_build_filename (g_getenv ("OPSDECK_BUILDDIR"), "src", "cli", "opsdeckctl", NULL);

  g_ptr_array_add (argv, binary);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                   G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("opsdeckctl %s…: exit %d\n%s%s", first_arg, run->status, run->out, run->err);
}

/* Returns: (transfer full): what the run printed, parsed as JSON */
JsonNode *
ops_test_run_json (OpsTestRun *run)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (run->out, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}
