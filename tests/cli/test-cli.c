/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ops-test-util.h"

/* Runs the real opsdeckctl, as a user or a script would. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_with_input (Run        *run,
                const char *input,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list     args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("OPSDECKCTL"));
  va_start (args, input);
  while ((arg = va_arg (args, const char *)) != NULL)
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
}

#define run_cli(run, ...) run_with_input (run, NULL, __VA_ARGS__, NULL)

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "opsdeckctl " PACKAGE_VERSION "\n");
}

static void
test_help_everywhere (void)
{
  static const char *const commands[][3] = {
    { "--help", NULL, NULL },
    { "help", NULL, NULL },
    { "db", "--help", NULL },
    { "config", "--help", NULL },
    { "db", "info", "--help" },
    { "config", "export", "--help" },
    { "config", "import", "--help" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      run_with_input (&run, NULL, commands[i][0], commands[i][1], commands[i][2], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "Usage"));
      g_assert_cmpstr (run.err, ==, "");
    }
}

static void
test_usage_errors (void)
{
  static const char *const commands[][4] = {
    { NULL },
    { "frobnicate", NULL },
    { "db", NULL },
    { "db", "shrink", NULL },
    { "db", "info", "extra", NULL },
    { "db", "info", "--no-such-option", NULL },
    { "config", "import", NULL },
    { "--no-such-option", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      run_with_input (&run, NULL, commands[i][0], commands[i][1], commands[i][2], commands[i][3],
                      NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
    }
}

static void
test_db_info (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_auto(Run) run = { 0 };
  g_auto(Run) json_run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_path = g_build_filename (dir, "opsdeck.db", NULL);
  JsonObject      *object;

  run_cli (&run, "db", "info");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, expected_path));
  g_assert_nonnull (strstr (run.out, "Schema version:"));
  g_assert_nonnull (strstr (run.out, "settings"));
  g_assert_nonnull (strstr (run.out, "schema_history"));

  run_cli (&json_run, "db", "info", "--json");
  g_assert_cmpint (json_run.status, ==, 0);
  json_parser_load_from_data (parser, json_run.out, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, expected_path);
  g_assert_cmpint (json_object_get_int_member (object, "schema_version"), ==,
                   json_object_get_int_member (object, "latest_schema_version"));
  g_assert_cmpint (json_object_get_int_member (object, "size_bytes"), >, 0);
  g_assert_true (json_object_has_member (json_object_get_object_member (object, "tables"),
                                         "settings"));
}

static void
test_data_dir_option (void)
{
  g_autofree char *env_dir = ops_test_fresh_data_dir ();
  g_autofree char *other = ops_test_fresh_data_dir ();
  g_autofree char *expected = g_build_filename (other, "opsdeck.db", NULL);
  g_auto(Run) before = { 0 };
  g_auto(Run) after = { 0 };

  /* The option wins over OPSDECK_DATA_DIR, before or after the command. */
  g_setenv ("OPSDECK_DATA_DIR", env_dir, TRUE);
  run_cli (&before, "--data-dir", other, "db", "info");
  g_assert_cmpint (before.status, ==, 0);
  g_assert_nonnull (strstr (before.out, expected));

  run_cli (&after, "db", "info", "--data-dir", other);
  g_assert_cmpint (after.status, ==, 0);
  g_assert_nonnull (strstr (after.out, expected));
}

static void
test_config_round_trip (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *file = g_build_filename (dir, "exported.json", NULL);
  g_autofree char *edited = NULL;
  g_auto(Run) export_run = { 0 };
  g_auto(Run) stdout_run = { 0 };
  g_auto(Run) import_run = { 0 };
  g_auto(Run) check = { 0 };
  g_autoptr(GBytes) contents = NULL;

  run_cli (&export_run, "config", "export", file);
  g_assert_cmpint (export_run.status, ==, 0);
  contents = ops_test_read_file (file);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                                  "\"format\" : \"opsdeck-config\""));

  run_cli (&stdout_run, "config", "export");
  g_assert_cmpint (stdout_run.status, ==, 0);
  g_assert_nonnull (strstr (stdout_run.out, "\"history.retention-days\" : 30"));

  /* Edit the file as an operator would, then import it from standard input. */
  {
    g_autoptr(GRegex) regex = g_regex_new ("\"history.retention-days\" : 30", 0, 0, NULL);

    edited = g_regex_replace_literal (regex, stdout_run.out, -1, 0,
                                      "\"history.retention-days\" : 120", 0, NULL);
  }
  run_with_input (&import_run, edited, "config", "import", "-", NULL);
  g_assert_cmpint (import_run.status, ==, 0);
  g_assert_nonnull (strstr (import_run.out, "imported"));

  run_cli (&check, "config", "export");
  g_assert_nonnull (strstr (check.out, "\"history.retention-days\" : 120"));
}

static void
test_config_import_rejected (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *file = g_build_filename (dir, "broken.json", NULL);
  g_auto(Run) import_run = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) check = { 0 };

  ops_test_write_file (file,
                       "{\"format\": \"opsdeck-config\", \"version\": 1,"
                       " \"settings\": {\"history.retention-days\": 99,",
                       -1);
  run_cli (&import_run, "config", "import", file);
  g_assert_cmpint (import_run.status, ==, 1);
  g_assert_cmpstr (import_run.out, ==, "");
  g_assert_nonnull (strstr (import_run.err, "Nothing was imported"));
  g_assert_nonnull (strstr (import_run.err, "not valid JSON"));

  run_cli (&missing, "config", "import", "/nonexistent/opsdeck.json");
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "/nonexistent/opsdeck.json"));

  run_cli (&check, "config", "export");
  g_assert_nonnull (strstr (check.out, "\"history.retention-days\" : 30"));
}

static void
test_newer_database (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *path = g_build_filename (dir, "opsdeck.db", NULL);
  g_auto(Run) run = { 0 };

  ops_test_sqlite_exec (path, "CREATE TABLE t (x); PRAGMA user_version = 4242;");
  run_cli (&run, "db", "info");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "newer version of Opsdeck"));
  g_assert_cmpint (ops_test_sqlite_int (path, "PRAGMA user_version"), ==, 4242);
}

static void
test_damaged_database (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *path = g_build_filename (dir, "opsdeck.db", NULL);
  g_auto(Run) run = { 0 };

  ops_test_write_file (path, "not a database at all", -1);
  run_cli (&run, "db", "info");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "moved to"));
  g_assert_nonnull (strstr (run.err, ".corrupt-"));
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);
  g_assert_nonnull (g_getenv ("OPSDECKCTL"));

  g_test_add_func ("/opsdeck/cli/version", test_version);
  g_test_add_func ("/opsdeck/cli/help-everywhere", test_help_everywhere);
  g_test_add_func ("/opsdeck/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/opsdeck/cli/db-info", test_db_info);
  g_test_add_func ("/opsdeck/cli/data-dir-option", test_data_dir_option);
  g_test_add_func ("/opsdeck/cli/config-round-trip", test_config_round_trip);
  g_test_add_func ("/opsdeck/cli/config-import-rejected", test_config_import_rejected);
  g_test_add_func ("/opsdeck/cli/newer-database", test_newer_database);
  g_test_add_func ("/opsdeck/cli/damaged-database", test_damaged_database);

  return g_test_run ();
}
