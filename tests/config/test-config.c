/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "config/ops-config.h"
#include "ops-test-util.h"
#include "store/ops-settings.h"

typedef struct
{
  OpsStore *store;
  char     *path;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = ops_test_fresh_db_path ();
  fixture->store = ops_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->path, g_free);
}

/* Everything the database holds, as text, to prove that a refused import
 * changed nothing. */
static char *
dump_database (OpsStore *store)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ops_store_prepare (store, "SELECT key, value, updated_at FROM settings ORDER BY key", NULL);
  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (dump, "%s=%s@%lld\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1),
                            (long long)sqlite3_column_int64 (stmt, 2));

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_export_shape (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject              *object;
  JsonObject              *settings;
  static const char *const sections[] = { "settings", "health", "alerts", "slack",
                                          "loadtest", "dr", "workflows" };

  root = ops_config_export (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);

  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "opsdeck-config");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_true (json_object_has_member (object, "exported_at"));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, sections[i])));

  settings = json_object_get_object_member (object, "settings");
  g_assert_true (json_object_get_boolean_member (settings, OPS_SETTINGS_KEY_RUN_IN_BACKGROUND));
  g_assert_cmpint (json_object_get_int_member (settings, OPS_SETTINGS_KEY_RETENTION_DAYS), ==, 30);
  /* A workstation's window geometry is not configuration. */
  g_assert_false (json_object_has_member (settings, OPS_SETTINGS_KEY_WINDOW_WIDTH));
  g_assert_false (json_object_has_member (settings, OPS_SETTINGS_KEY_WINDOW_LAST_TAB));
}

static void
test_round_trip (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) other = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *exported_again = NULL;
  OpsSettings     *settings = ops_store_get_settings (fixture->store);
  OpsSettings     *other_settings;
  guint            changes = 0;
  gsize            length;

  ops_settings_set_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS, 90, &error);
  ops_settings_set_boolean (settings, OPS_SETTINGS_KEY_RUN_IN_BACKGROUND, FALSE, &error);
  g_assert_no_error (error);

  exported = ops_config_export_to_data (fixture->store, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (exported));
  g_assert_true (g_str_has_suffix (exported, "}\n"));

  other_path = ops_test_fresh_db_path ();
  other = ops_store_open (other_path, &error);
  g_assert_no_error (error);
  other_settings = ops_store_get_settings (other);
  g_signal_connect_swapped (other_settings, "changed", G_CALLBACK (count_cb), &changes);

  g_assert_true (ops_config_import_data (other, exported, length, &error));
  g_assert_no_error (error);

  g_assert_cmpint (ops_settings_get_int (other_settings, OPS_SETTINGS_KEY_RETENTION_DAYS), ==, 90);
  g_assert_false (ops_settings_get_boolean (other_settings, OPS_SETTINGS_KEY_RUN_IN_BACKGROUND));
  /* Those who watch the settings heard about both changes. */
  g_assert_cmpuint (changes, ==, 2);

  /* Exporting the imported configuration gives the same document, but
   * for the time stamp. */
  exported_again = ops_config_export_to_data (other, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GRegex) stamp = g_regex_new ("\"exported_at\" : \"[^\"]*\"", 0, 0, NULL);
    g_autofree char *a = g_regex_replace_literal (stamp, exported, -1, 0, "", 0, NULL);
    g_autofree char *b = g_regex_replace_literal (stamp, exported_again, -1, 0, "", 0, NULL);

    g_assert_cmpstr (a, ==, b);
  }
}

static void
test_import_file (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *path = g_build_filename (dir, "opsdeck.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = NULL;

  ops_test_write_file (path,
                       "{\"format\": \"opsdeck-config\", \"version\": 1,"
                       " \"settings\": {\"history.retention-days\": 14}}",
                       -1);
  g_assert_true (ops_config_import_file (fixture->store, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ops_settings_get_int (ops_store_get_settings (fixture->store),
                                         OPS_SETTINGS_KEY_RETENTION_DAYS),
                   ==, 14);

  g_free (path);
  path = g_build_filename (dir, "nowhere.json", NULL);
  missing = g_file_new_for_path (path);
  g_assert_false (ops_config_import_file (fixture->store, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere.json"));
}

typedef struct
{
  const char *name;
  const char *document;
  int         code;
  const char *message_part;
} BadDocument;

static const BadDocument bad_documents[] = {
  { "not-json", "{\"format\": \"opsdeck-config\", \"version\": 1,", OPS_CONFIG_ERROR_MALFORMED,
    "not valid JSON" },
  { "empty", "", OPS_CONFIG_ERROR_MALFORMED, "" },
  { "array", "[1, 2, 3]", OPS_CONFIG_ERROR_WRONG_FORMAT, "not an Opsdeck configuration" },
  { "other-format", "{\"format\": \"grafana\", \"version\": 1}", OPS_CONFIG_ERROR_WRONG_FORMAT,
    "not an Opsdeck configuration" },
  { "no-version", "{\"format\": \"opsdeck-config\"}", OPS_CONFIG_ERROR_INVALID, "version" },
  { "newer", "{\"format\": \"opsdeck-config\", \"version\": 7, \"settings\": {}}",
    OPS_CONFIG_ERROR_UNSUPPORTED_VERSION, "newer Opsdeck" },
  { "zero-version", "{\"format\": \"opsdeck-config\", \"version\": 0}", OPS_CONFIG_ERROR_INVALID,
    "invalid version" },
  { "unknown-section", "{\"format\": \"opsdeck-config\", \"version\": 1, \"dashboards\": {}}",
    OPS_CONFIG_ERROR_INVALID, "unknown section “dashboards”" },
  { "section-not-object", "{\"format\": \"opsdeck-config\", \"version\": 1, \"settings\": []}",
    OPS_CONFIG_ERROR_INVALID, "must be a JSON object" },
  { "unknown-setting",
    "{\"format\": \"opsdeck-config\", \"version\": 1,"
    " \"settings\": {\"history.retention-days\": 90, \"theme\": \"dark\"}}",
    OPS_CONFIG_ERROR_INVALID, "unknown setting “theme”" },
  { "workstation-setting",
    "{\"format\": \"opsdeck-config\", \"version\": 1, \"settings\": {\"window.width\": 800}}",
    OPS_CONFIG_ERROR_INVALID, "window.width" },
  { "wrong-type",
    "{\"format\": \"opsdeck-config\", \"version\": 1,"
    " \"settings\": {\"history.retention-days\": 90, \"app.run-in-background\": \"yes\"}}",
    OPS_CONFIG_ERROR_INVALID, "must be true or false" },
  { "out-of-range",
    "{\"format\": \"opsdeck-config\", \"version\": 1,"
    " \"settings\": {\"app.run-in-background\": false, \"history.retention-days\": 0}}",
    OPS_CONFIG_ERROR_INVALID, "from 1 to 3650" },
  { "unsupported-section",
    "{\"format\": \"opsdeck-config\", \"version\": 1,"
    " \"settings\": {\"history.retention-days\": 90}, \"dr\": {\"targets\": []}}",
    OPS_CONFIG_ERROR_INVALID, "cannot import the “dr” section" },
};

static void
test_rejected_unchanged (Fixture      *fixture,
                         gconstpointer data)
{
  const BadDocument *bad = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint            changes = 0;

  ops_settings_set_int (ops_store_get_settings (fixture->store), OPS_SETTINGS_KEY_RETENTION_DAYS,
                        45, &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (ops_store_get_settings (fixture->store), "changed",
                            G_CALLBACK (count_cb), &changes);
  before = dump_database (fixture->store);

  g_assert_false (ops_config_import_data (fixture->store, bad->document, strlen (bad->document),
                                          &error));
  g_assert_error (error, OPS_CONFIG_ERROR, bad->code);
  g_assert_nonnull (strstr (error->message, bad->message_part));

  after = dump_database (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (changes, ==, 0);
}

static void
test_too_large (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gsize            size = OPS_CONFIG_MAX_SIZE + 1;
  g_autofree char *huge = g_malloc (size);

  memset (huge, ' ', size);
  g_assert_false (ops_config_import_data (fixture->store, huge, size, &error));
  g_assert_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too large"));
}

static void
test_failure_while_applying_rolls_back (Fixture      *fixture,
                                        gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char  *before = NULL;
  g_autofree char  *after = NULL;
  static const char document[] =
      "{\"format\": \"opsdeck-config\", \"version\": 1,"
      " \"settings\": {\"app.run-in-background\": false, \"history.retention-days\": 60}}";

  /* The database refuses the second write half-way through the import, as
   * a full disk would. */
  ops_store_exec (fixture->store,
                  "CREATE TEMP TRIGGER refuse BEFORE INSERT ON settings "
                  "WHEN NEW.key = 'history.retention-days' "
                  "BEGIN SELECT RAISE (FAIL, 'database or disk is full'); END;",
                  &error);
  g_assert_no_error (error);
  before = dump_database (fixture->store);

  g_assert_false (ops_config_import_data (fixture->store, document, -1 + sizeof document, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Could not import the settings"));

  /* The first setting, written before the failure, was rolled back. */
  after = dump_database (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (ops_settings_get_boolean (ops_store_get_settings (fixture->store),
                                           OPS_SETTINGS_KEY_RUN_IN_BACKGROUND));
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/opsdeck/config/export-shape", NULL, test_export_shape);
  ADD ("/opsdeck/config/round-trip", NULL, test_round_trip);
  ADD ("/opsdeck/config/import-file", NULL, test_import_file);
  ADD ("/opsdeck/config/too-large", NULL, test_too_large);
  ADD ("/opsdeck/config/failure-while-applying", NULL, test_failure_while_applying_rolls_back);
  for (guint i = 0; i < G_N_ELEMENTS (bad_documents); i++)
    {
      g_autofree char *path = g_strdup_printf ("/opsdeck/config/rejected/%s", bad_documents[i].name);

      ADD (path, &bad_documents[i], test_rejected_unchanged);
    }
#undef ADD

  return g_test_run ();
}
