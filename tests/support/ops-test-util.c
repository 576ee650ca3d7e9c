/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "ops-test-util.h"

static char *test_root;

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;

      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

          remove_tree (child);
          g_object_unref (info);
        }
    }

  g_file_delete (file, NULL, NULL);
}

static void
remove_test_root (void)
{
  if (test_root != NULL)
    {
      g_autoptr(GFile) root = g_file_new_for_path (test_root);

      remove_tree (root);
      g_clear_pointer (&test_root, g_free);
    }
}

static void
init (int     *argc,
      char  ***argv,
      gboolean isolate_dirs)
{
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  /* The isolated XDG folders hold no GSettings schemas: keep GIO's proxy
   * resolver from looking for the desktop's proxy settings. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (isolate_dirs)
    g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  else
    g_test_init (argc, argv, NULL);

  test_root = g_dir_make_tmp ("opsdeck-test-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_test_root);

  g_setenv ("OPSDECK_DATA_DIR", test_root, TRUE);
}

/**
 * ops_test_init:
 *
 * g_test_init() with isolated XDG folders, and `OPSDECK_DATA_DIR` pointed
 * at a temporary folder that is removed when the test program exits.
 */
void
ops_test_init (int    *argc,
               char ***argv)
{
  init (argc, argv, TRUE);
}

/**
 * ops_test_init_ui:
 *
 * Like ops_test_init(), for widget tests run by
 * `run-in-session.sh --display`: that script already gives the test a
 * home and XDG folders of its own, and GTK needs the system's data
 * folders (icon theme, GSettings schemas), so they are not isolated here.
 */
void
ops_test_init_ui (int    *argc,
                  char ***argv)
{
  init (argc, argv, FALSE);
}

/**
 * ops_test_fresh_data_dir:
 *
 * Makes a new, empty data folder and points `OPSDECK_DATA_DIR` at it.
 *
 * Returns: (transfer full): its path
 */
char *
ops_test_fresh_data_dir (void)
{
  static guint counter;
  char        *dir;

  g_assert_nonnull (test_root);

  dir = g_strdup_printf ("%s/data-%u", test_root, ++counter);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_setenv ("OPSDECK_DATA_DIR", dir, TRUE);

  return dir;
}

/**
 * ops_test_fresh_db_path:
 *
 * Returns: (transfer full): the path of a database that does not exist
 *   yet, in a new data folder
 */
char *
ops_test_fresh_db_path (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();

  return g_build_filename (dir, "opsdeck.db", NULL);
}

GBytes *
ops_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

void
ops_test_write_file (const char *path,
                     const char *data,
                     gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* Runs SQL on a database file directly, as another program would. */
void
ops_test_sqlite_exec (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;
  char    *message = NULL;
  int      rc;

  rc = sqlite3_open (path, &db);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("SQL failed: %s\n%s", message, sql);
  sqlite3_close (db);
}

int
ops_test_sqlite_int (const char *path,
                     const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int           value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * ops_test_wait_until:
 * @done: returns %TRUE when the wait is over
 * @data: data for @done
 * @timeout_ms: at most this long
 *
 * Iterates the main context until @done says so.
 *
 * Returns: %TRUE when done, %FALSE after the timeout
 */
gboolean
ops_test_wait_until (gboolean (*done) (gpointer),
                     gpointer data,
                     guint    timeout_ms)
{
  gint64   deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;
  gboolean ok = TRUE;
  guint    tick;

  /* A tick wakes the loop, so that the deadline is seen. */
  tick = g_timeout_add (10, tick_cb, NULL);
  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          ok = FALSE;
          break;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);

  return ok;
}
