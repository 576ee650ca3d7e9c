/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ops-test-util.h"
#include "store/ops-settings.h"
#include "store/ops-store.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

/* A database as version 1 of the schema left it, from the fixture file. */
static void
create_v1_database (const char *path)
{
  g_autofree char *fixture = fixture_path ("schema-v1.sql");
  g_autoptr(GBytes) sql = ops_test_read_file (fixture);
  g_autofree char *text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));

  ops_test_sqlite_exec (path, text);
}

/* A database as version 5 left it: checks, samples and rollups. */
static void
create_v5_database (const char *path)
{
  g_autofree char *fixture = fixture_path ("schema-v5.sql");
  g_autoptr(GBytes) sql = ops_test_read_file (fixture);
  g_autofree char *text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));

  ops_test_sqlite_exec (path, text);
}

static GPtrArray *
siblings_with_prefix (const char *path,
                      const char *prefix)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *full_prefix = g_strconcat (base, prefix, NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray  *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, full_prefix))
      g_ptr_array_add (found, g_build_filename (dir, name, NULL));

  return found;
}

static void
test_fresh (void)
{
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  store = ops_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (ops_store_get_schema_version (store), ==, ops_store_get_latest_schema_version ());
  g_assert_cmpint (ops_store_get_latest_schema_version (), >=, 2);
  g_assert_null (ops_store_get_moved_aside_path (store));
  g_assert_null (ops_store_get_backup_path (store));
  g_assert_nonnull (ops_store_get_settings (store));

  stmt = ops_store_prepare (store, "PRAGMA journal_mode", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = ops_store_prepare (store, "PRAGMA foreign_keys", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = ops_store_prepare (store, "PRAGMA busy_timeout", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Every migration is recorded from the one that made the history on. */
  g_clear_object (&store);
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM schema_history"), ==,
                   ops_store_get_latest_schema_version () - 1);
  g_assert_cmpint (ops_test_sqlite_int (path, "PRAGMA user_version"), ==,
                   ops_store_get_latest_schema_version ());
}

static void
test_default_path (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *expected = g_build_filename (dir, "opsdeck.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = NULL;

  store = ops_store_open_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (ops_store_get_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

static void
test_missing_folder_created (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *path = g_build_filename (dir, "deeper", "still", "opsdeck.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = NULL;

  store = ops_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_upgrade_from_v1 (void)
{
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = NULL;
  OpsSettings *settings;
  const char  *backup;

  create_v1_database (path);
  g_assert_cmpint (ops_test_sqlite_int (path, "PRAGMA user_version"), ==, 1);

  store = ops_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ops_store_get_schema_version (store), ==, ops_store_get_latest_schema_version ());

  /* The data of version 1 came through every migration. */
  settings = ops_store_get_settings (store);
  g_assert_cmpint (ops_settings_get_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS), ==, 45);
  g_assert_false (ops_settings_get_boolean (settings, OPS_SETTINGS_KEY_RUN_IN_BACKGROUND));
  g_assert_cmpstr (ops_settings_get_text (settings, OPS_SETTINGS_KEY_WINDOW_LAST_TAB), ==, "slack");

  /* A copy from before the upgrade sits beside the database. */
  backup = ops_store_get_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, path));
  g_assert_nonnull (strstr (backup, "before-migration-v1"));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (ops_test_sqlite_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (ops_test_sqlite_int (backup, "SELECT count(*) FROM settings"), ==, 3);

  g_clear_object (&store);
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM schema_history WHERE version = 2"), ==, 1);

  /* Opening again migrates nothing and copies nothing. */
  store = ops_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (ops_store_get_backup_path (store));
}

/* Version 6 adds the host figures of Prometheus checks; what version 5
 * kept comes through. */
static void
test_upgrade_from_v5 (void)
{
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = NULL;
  const char *backup;

  create_v5_database (path);
  g_assert_cmpint (ops_test_sqlite_int (path, "PRAGMA user_version"), ==, 5);

  store = ops_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ops_store_get_schema_version (store), ==, ops_store_get_latest_schema_version ());
  g_assert_cmpint (ops_store_get_latest_schema_version (), >=, 6);
  backup = ops_store_get_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_nonnull (strstr (backup, "before-migration-v5"));
  g_assert_cmpint (ops_settings_get_int (ops_store_get_settings (store),
                                         OPS_SETTINGS_KEY_RETENTION_DAYS),
                   ==, 45);
  g_clear_object (&store);

  /* The checks, samples, rollups and alert rules are all there. */
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM health_checks"), ==, 2);
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM health_samples"), ==, 5);
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT sum(latency_us) FROM health_samples"), ==,
                   34000);
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM health_samples "
                                              "WHERE error = 'connection refused'"),
                   ==, 1);
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT sum(count) FROM health_rollups "
                                              "WHERE resolution = 3600"),
                   ==, 5);
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM alert_rules"), ==, 5);
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM schema_history "
                                              "WHERE version = 6"),
                   ==, 1);

  /* The new tables are empty, compact, and take figures. */
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM health_host_samples"), ==, 0);
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM health_host_rollups"), ==, 0);
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM sqlite_schema "
                                              "WHERE name LIKE 'health_host_%' "
                                              "AND sql LIKE '%WITHOUT ROWID'"),
                   ==, 2);
  ops_test_sqlite_exec (path, "INSERT INTO health_host_samples (check_id, metric, time, value) "
                              "VALUES (1, 0, 1800000000000000, 12.5)");
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM health_host_samples"), ==, 1);
}

static void
test_failed_migration_rolls_back (void)
{
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  /* A version-1 database that someone edited by hand: the table that
   * migration 2 creates is in the way. */
  create_v1_database (path);
  ops_test_sqlite_exec (path, "CREATE TABLE schema_history (x);");

  store = ops_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "schema version 2"));
  g_assert_nonnull (strstr (error->message, "rolled back"));

  backups = siblings_with_prefix (path, ".before-migration-v1");
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_nonnull (strstr (error->message, g_ptr_array_index (backups, 0)));

  /* Nothing of the failed step remains. */
  g_assert_cmpint (ops_test_sqlite_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM pragma_table_info('settings') "
                                              "WHERE name = 'updated_at'"),
                   ==, 0);
}

static void
check_newer_refused (gboolean wal)
{
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) siblings = NULL;

  ops_test_sqlite_exec (path, wal ? "PRAGMA journal_mode = WAL;"
                                    "CREATE TABLE future (x);"
                                    "INSERT INTO future VALUES (42);"
                                    "PRAGMA user_version = 999;"
                                  : "CREATE TABLE future (x);"
                                    "INSERT INTO future VALUES (42);"
                                    "PRAGMA user_version = 999;");
  before = ops_test_read_file (path);

  store = ops_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version of Opsdeck"));
  g_assert_nonnull (strstr (error->message, "999"));
  g_assert_nonnull (strstr (error->message, "untouched"));

  after = ops_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));

  /* Neither moved aside nor copied. */
  siblings = siblings_with_prefix (path, ".");
  g_assert_cmpuint (siblings->len, ==, 0);
}

static void
test_newer_refused (void)
{
  check_newer_refused (FALSE);
}

static void
test_newer_refused_wal (void)
{
  check_newer_refused (TRUE);
}

static void
check_moved_aside (const char *path,
                   GBytes     *original)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(GBytes) moved = NULL;
  const char *moved_to;

  store = ops_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  moved_to = ops_store_get_moved_aside_path (store);
  g_assert_nonnull (moved_to);
  g_assert_true (g_str_has_prefix (moved_to, path));
  g_assert_nonnull (strstr (moved_to, ".corrupt-"));

  /* Nothing was lost: the damaged file is there, byte for byte. */
  moved = ops_test_read_file (moved_to);
  g_assert_true (g_bytes_equal (moved, original));

  /* And a fresh database took its place. */
  g_assert_cmpint (ops_store_get_schema_version (store), ==, ops_store_get_latest_schema_version ());
  g_assert_true (ops_settings_get_boolean (ops_store_get_settings (store),
                                           OPS_SETTINGS_KEY_RUN_IN_BACKGROUND));
}

static void
test_not_a_database (void)
{
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autoptr(GBytes) original = NULL;
  static const char garbage[] = "this is a shopping list, not a database\n";

  ops_test_write_file (path, garbage, sizeof garbage - 1);
  original = ops_test_read_file (path);

  check_moved_aside (path, original);
}

static void
test_corrupt_database (void)
{
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) valid = NULL;
  g_autofree guint8 *damaged = NULL;
  gsize              size;

  /* A real SQLite file whose pages after the header are overwritten. */
  ops_test_sqlite_exec (path, "PRAGMA page_size = 1024; CREATE TABLE t (x TEXT);"
                              "INSERT INTO t VALUES (hex (randomblob (4000)));");
  valid = ops_test_read_file (path);
  size = g_bytes_get_size (valid);
  g_assert_cmpuint (size, >, 2048);
  damaged = g_memdup2 (g_bytes_get_data (valid, NULL), size);
  for (gsize i = 100; i < size; i++)
    damaged[i] = (guint8)(i * 7 + 3);
  ops_test_write_file (path, (const char *)damaged, size);
  original = ops_test_read_file (path);

  check_moved_aside (path, original);
}

static void
test_two_corrupt_files_both_kept (void)
{
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autoptr(GPtrArray) moved = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OpsStore) store = NULL;
      g_autofree char *garbage = g_strdup_printf ("garbage number %u", i);

      g_remove (path);
      ops_test_write_file (path, garbage, -1);
      store = ops_store_open (path, &error);
      g_assert_no_error (error);
    }

  moved = siblings_with_prefix (path, ".corrupt-");
  g_assert_cmpuint (moved->len, ==, 2);
}

static void
test_empty_file_is_a_fresh_database (void)
{
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = NULL;

  ops_test_write_file (path, "", 0);
  store = ops_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (ops_store_get_moved_aside_path (store));
  g_assert_cmpint (ops_store_get_schema_version (store), ==, ops_store_get_latest_schema_version ());
}

static void
test_unreadable_folder (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "opsdeck.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = NULL;

  /* The data folder's path is taken by a file. */
  ops_test_write_file (blocker, "x", 1);

  store = ops_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "data folder"));
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/store/fresh", test_fresh);
  g_test_add_func ("/opsdeck/store/default-path", test_default_path);
  g_test_add_func ("/opsdeck/store/missing-folder-created", test_missing_folder_created);
  g_test_add_func ("/opsdeck/store/upgrade-from-v1", test_upgrade_from_v1);
  g_test_add_func ("/opsdeck/store/upgrade-from-v5", test_upgrade_from_v5);
  g_test_add_func ("/opsdeck/store/failed-migration-rolls-back", test_failed_migration_rolls_back);
  g_test_add_func ("/opsdeck/store/newer-refused", test_newer_refused);
  g_test_add_func ("/opsdeck/store/newer-refused-wal", test_newer_refused_wal);
  g_test_add_func ("/opsdeck/store/not-a-database", test_not_a_database);
  g_test_add_func ("/opsdeck/store/corrupt-database", test_corrupt_database);
  g_test_add_func ("/opsdeck/store/two-corrupt-files-both-kept", test_two_corrupt_files_both_kept);
  g_test_add_func ("/opsdeck/store/empty-file", test_empty_file_is_a_fresh_database);
  g_test_add_func ("/opsdeck/store/unusable-folder", test_unreadable_folder);

  return g_test_run ();
}
