/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ops-paths.h"
#include "ops-settings.h"
#include "ops-store-private.h"
#include "ops-store.h"

#define BUSY_TIMEOUT_MS 5000

struct _OpsStore
{
  GObject parent_instance;

  /* Owned */
  char        *path;
  char        *moved_aside_path;
  char        *backup_path;
  sqlite3     *db;
  OpsSettings *settings;
  int          schema_version;
};

G_DEFINE_FINAL_TYPE (OpsStore, ops_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (ops-store-error-quark, ops_store_error)

typedef enum
{
  PROBE_MISSING,
  PROBE_DATABASE,
  PROBE_NOT_A_DATABASE,
} ProbeResult;

static void
ops_store_finalize (GObject *object)
{
  OpsStore *self = OPS_STORE (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->moved_aside_path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (ops_store_parent_class)->finalize (object);
}

static void
ops_store_class_init (OpsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ops_store_finalize;
}

static void
ops_store_init (OpsStore *self)
{
}

/**
 * ops_store_set_error_from_sqlite:
 * @error: return location for a #GError
 * @db: (nullable): the connection, for its message
 * @rc: the SQLite result code
 * @context: what was being done, as a sentence fragment for people
 *
 * Turns a SQLite failure into an #OPS_STORE_ERROR that says what went
 * wrong and what to do about it.
 *
 * Returns: %FALSE, always, so that callers can `return` it
 */
gboolean
ops_store_set_error_from_sqlite (GError    **error,
                                 sqlite3    *db,
                                 int         rc,
                                 const char *context)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_BUSY,
                   _("%s: the database is locked by another program. Close other copies of "
                      "Opsdeck or opsdeckctl that use the same data folder and try again."),
                   context);
      break;

    case SQLITE_FULL:
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_FULL,
                   _("%s: the disk is full. Free some disk space and try again."),
                   context);
      break;

    case SQLITE_READONLY:
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_READ_ONLY,
                   _("%s: the database is read-only. Check the permissions of the data folder."),
                   context);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_CORRUPT,
                   _("%s: the database file is damaged (%s)."),
                   context, detail);
      break;

    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_IO,
                   _("%s: the database file could not be read or written (%s). Check the disk "
                      "and the permissions of the data folder."),
                   context, detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_CONSTRAINT,
                   "%s: %s", context, detail);
      break;

    default:
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_FAILED,
                   "%s: %s", context, detail);
      break;
    }

  return FALSE;
}

static char *
timestamp_suffix (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y%m%dT%H%M%S");
}

/* Returns a path beside @path that does not exist yet, such as
 * `opsdeck.db.corrupt-20261122T031500` or `…-2` when that is taken. */
static char *
unused_sibling_path (const char *path,
                     const char *label)
{
  g_autofree char *stamp = timestamp_suffix ();
  char            *candidate = g_strdup_printf ("%s.%s-%s", path, label, stamp);

  for (guint i = 2; g_file_test (candidate, G_FILE_TEST_EXISTS); i++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.%s-%s-%u", path, label, stamp, i);
    }

  return candidate;
}

static gboolean
rename_if_exists (const char *from,
                  const char *to,
                  GError    **error)
{
  if (!g_file_test (from, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_rename (from, to) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_IO,
                   _("Could not move the damaged database %s aside to %s: %s"),
                   from, to, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Moves a damaged database, with its write-ahead log, aside. Nothing is
 * deleted: the user is told where it went. */
static gboolean
move_aside (OpsStore   *self,
            const char *path,
            GError    **error)
{
  g_autofree char         *target = unused_sibling_path (path, "corrupt");
  static const char *const suffixes[] = { "-wal", "-shm", "-journal" };

  if (!rename_if_exists (path, target, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (!rename_if_exists (from, to, error))
        return FALSE;
    }

  g_message ("The database %s was damaged and has been moved to %s", path, target);

  g_free (self->moved_aside_path);
  self->moved_aside_path = g_steal_pointer (&target);

  return TRUE;
}

/* Looks at an existing file without changing it. */
static ProbeResult
probe_file (const char *path,
            int        *version_out,
            GError    **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char          header[16];
  gsize         n_read = 0;
  int           rc;

  *version_out = 0;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return PROBE_MISSING;

      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_IO,
                   _("Could not read the database %s: %s"), path, local_error->message);
      return PROBE_MISSING;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header,
                                &n_read, NULL, &local_error))
    {
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_IO,
                   _("Could not read the database %s: %s"), path, local_error->message);
      return PROBE_MISSING;
    }

  /* SQLite treats an empty file as an empty database. */
  if (n_read == 0)
    return PROBE_DATABASE;

  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    return PROBE_NOT_A_DATABASE;

  /* Read-only: a newer database must be left exactly as it is. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *version_out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      int primary = rc & 0xff;

      if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        {
          sqlite3_close_v2 (db);
          return PROBE_NOT_A_DATABASE;
        }

      ops_store_set_error_from_sqlite (error, db, rc, _("Could not open the database"));
      sqlite3_close_v2 (db);
      return PROBE_MISSING;
    }

  sqlite3_close_v2 (db);
  return PROBE_DATABASE;
}

static gboolean
configure_connection (sqlite3 *db,
                      GError **error)
{
  int rc;

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, TRUE);

  rc = sqlite3_exec (db,
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = NORMAL;"
                     "PRAGMA foreign_keys = ON;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return ops_store_set_error_from_sqlite (error, db, rc, _("Could not open the database"));

  return TRUE;
}

static gboolean
read_user_version (sqlite3 *db,
                   int     *version,
                   GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *version = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return ops_store_set_error_from_sqlite (error, db, rc, _("Could not read the database version"));

  return TRUE;
}

static gboolean
backup_before_migration (OpsStore *self,
                         int       from_version,
                         GError  **error)
{
  g_autofree char *label = g_strdup_printf ("before-migration-v%d", from_version);
  g_autofree char *target = unused_sibling_path (self->path, label);
  char            *sql = sqlite3_mprintf ("VACUUM INTO %Q", target);
  int              rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  sqlite3_free (sql);

  if (rc != SQLITE_OK)
    {
      g_autoptr(GError) local_error = NULL;

      ops_store_set_error_from_sqlite (&local_error, self->db, rc,
                                       _("Could not copy the database aside before upgrading it"));
      g_set_error (error, OPS_STORE_ERROR, local_error->code, "%s %s", local_error->message,
                   _("The database was not changed."));
      return FALSE;
    }

  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&target);

  return TRUE;
}

static gboolean
migrate (OpsStore *self,
         GError  **error)
{
  const OpsMigration *migrations;
  guint               n_migrations;

  migrations = _ops_store_get_migrations (&n_migrations);

  for (guint i = 0; i < n_migrations; i++)
    {
      const OpsMigration *m = &migrations[i];
      g_autoptr(GError) local_error = NULL;
      char *sql;
      int   rc;

      if (m->version <= self->schema_version)
        continue;

      g_assert (m->version == self->schema_version + 1);

      rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, m->sql, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        {
          sql = sqlite3_mprintf ("PRAGMA user_version = %d", m->version);
          rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
          sqlite3_free (sql);
        }
      if (rc == SQLITE_OK && m->version >= OPS_SCHEMA_HISTORY_VERSION)
        {
          sql = sqlite3_mprintf ("INSERT OR REPLACE INTO schema_history "
                                 "(version, description, applied_at, app_version) "
                                 "VALUES (%d, %Q, %lld, %Q)",
                                 m->version, m->description,
                                 (long long)(g_get_real_time () / G_USEC_PER_SEC),
                                 PACKAGE_VERSION);
          rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
          sqlite3_free (sql);
        }
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        {
          g_autofree char *context = NULL;

          context = g_strdup_printf (_("Could not upgrade the database to schema version %d (%s)"),
                                     m->version, m->description);
          ops_store_set_error_from_sqlite (&local_error, self->db, rc, context);
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

          if (self->backup_path != NULL)
            g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_MIGRATION,
                         _("%s The upgrade was rolled back; a copy of the database from before "
                            "the upgrade is at %s."),
                         local_error->message, self->backup_path);
          else
            g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_MIGRATION,
                         _("%s The upgrade was rolled back."), local_error->message);
          return FALSE;
        }

      g_debug ("Migrated %s to schema version %d (%s)", self->path, m->version, m->description);
      self->schema_version = m->version;
    }

  return TRUE;
}

/* One attempt at opening: fails with OPS_STORE_ERROR_CORRUPT when the file
 * turns out to be damaged, so that the caller can move it aside. */
static gboolean
open_existing_or_new (OpsStore *self,
                      GError  **error)
{
  int         latest = ops_store_get_latest_schema_version ();
  int         version = 0;
  ProbeResult probe;
  GError     *probe_error = NULL;
  int         rc;

  probe = probe_file (self->path, &version, &probe_error);
  if (probe_error != NULL)
    {
      g_propagate_error (error, probe_error);
      return FALSE;
    }

  if (probe == PROBE_NOT_A_DATABASE)
    {
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_CORRUPT,
                   _("The file %s is not an Opsdeck database or is damaged."), self->path);
      return FALSE;
    }

  if (version > latest)
    {
      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_NEWER_SCHEMA,
                   _("The database %s was written by a newer version of Opsdeck (schema "
                      "version %d; this version understands up to %d). It has been left "
                      "untouched. Install the newer Opsdeck again, or choose another data "
                      "folder."),
                   self->path, version, latest);
      return FALSE;
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    return ops_store_set_error_from_sqlite (error, self->db, rc, _("Could not open the database"));

  if (!configure_connection (self->db, error))
    return FALSE;

  if (!read_user_version (self->db, &self->schema_version, error))
    return FALSE;

  if (self->schema_version > 0 && self->schema_version < latest &&
      !backup_before_migration (self, self->schema_version, error))
    return FALSE;

  if (!migrate (self, error))
    return FALSE;

  self->settings = _ops_settings_new (self, error);
  if (self->settings == NULL)
    return FALSE;

  return TRUE;
}

/**
 * ops_store_open:
 * @path: the database file; it and its folder are created when missing
 * @error: return location for a #GError
 *
 * Opens the database, upgrading its schema when it is older (after copying
 * it aside), refusing it when a newer Opsdeck wrote it (the file is left
 * untouched), and moving it aside when it is not a database or is damaged
 * (ops_store_get_moved_aside_path() then says where it went).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
OpsStore *
ops_store_open (const char *path,
                GError    **error)
{
  g_autoptr(OpsStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_IO,
                   _("Could not create the data folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (OPS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (open_existing_or_new (self, &local_error))
    return g_steal_pointer (&self);

  if (!g_error_matches (local_error, OPS_STORE_ERROR, OPS_STORE_ERROR_CORRUPT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_debug ("%s", local_error->message);
  g_clear_error (&local_error);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->backup_path, g_free);
  self->schema_version = 0;

  if (!move_aside (self, path, error))
    return NULL;

  if (!open_existing_or_new (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ops_store_open_default:
 * @error: return location for a #GError
 *
 * Opens `opsdeck.db` in the data folder (see ops_paths_get_data_dir()).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
OpsStore *
ops_store_open_default (GError **error)
{
  g_autofree char *path = ops_paths_get_database_path ();

  return ops_store_open (path, error);
}

const char *
ops_store_get_path (OpsStore *self)
{
  g_return_val_if_fail (OPS_IS_STORE (self), NULL);

  return self->path;
}

/**
 * ops_store_get_moved_aside_path:
 * @self: a #OpsStore
 *
 * Returns: (nullable): where a damaged database was moved when this store
 *   was opened, or %NULL when nothing was moved
 */
const char *
ops_store_get_moved_aside_path (OpsStore *self)
{
  g_return_val_if_fail (OPS_IS_STORE (self), NULL);

  return self->moved_aside_path;
}

/**
 * ops_store_get_backup_path:
 * @self: a #OpsStore
 *
 * Returns: (nullable): the copy taken before the schema was upgraded when
 *   this store was opened, or %NULL when no upgrade ran
 */
const char *
ops_store_get_backup_path (OpsStore *self)
{
  g_return_val_if_fail (OPS_IS_STORE (self), NULL);

  return self->backup_path;
}

int
ops_store_get_schema_version (OpsStore *self)
{
  g_return_val_if_fail (OPS_IS_STORE (self), 0);

  return self->schema_version;
}

int
ops_store_get_latest_schema_version (void)
{
  const OpsMigration *migrations;
  guint               n_migrations;

  migrations = _ops_store_get_migrations (&n_migrations);

  return n_migrations > 0 ? migrations[n_migrations - 1].version : 0;
}

/**
 * ops_store_get_settings:
 * @self: a #OpsStore
 *
 * Returns: (transfer none): the settings kept in this database
 */
OpsSettings *
ops_store_get_settings (OpsStore *self)
{
  g_return_val_if_fail (OPS_IS_STORE (self), NULL);

  return self->settings;
}

/**
 * ops_store_get_handle:
 * @self: a #OpsStore
 *
 * The connection of the main thread, for the repositories of the core.
 * Worker threads open their own with ops_store_open_connection().
 *
 * Returns: (transfer none): the SQLite connection
 */
sqlite3 *
ops_store_get_handle (OpsStore *self)
{
  g_return_val_if_fail (OPS_IS_STORE (self), NULL);

  return self->db;
}

/**
 * ops_store_open_connection:
 * @self: a #OpsStore
 * @error: return location for a #GError
 *
 * Opens a second connection to the same database, configured like the
 * first, for a worker thread. Close it with sqlite3_close_v2().
 *
 * Returns: (transfer full): a new connection, or %NULL with @error set
 */
sqlite3 *
ops_store_open_connection (OpsStore *self,
                           GError  **error)
{
  sqlite3 *db = NULL;
  int      rc;

  g_return_val_if_fail (OPS_IS_STORE (self), NULL);

  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK || !configure_connection (db, NULL))
    {
      ops_store_set_error_from_sqlite (error, db, rc != SQLITE_OK ? rc : sqlite3_errcode (db),
                                       _("Could not open the database"));
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

gboolean
ops_store_exec (OpsStore   *self,
                const char *sql,
                GError    **error)
{
  int rc;

  g_return_val_if_fail (OPS_IS_STORE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return ops_store_set_error_from_sqlite (error, self->db, rc, _("Could not update the database"));

  return TRUE;
}

/**
 * ops_store_prepare:
 * @self: a #OpsStore
 * @sql: one SQL statement
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a statement to sqlite3_finalize(), or %NULL
 */
sqlite3_stmt *
ops_store_prepare (OpsStore   *self,
                   const char *sql,
                   GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int           rc;

  g_return_val_if_fail (OPS_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ops_store_set_error_from_sqlite (error, self->db, rc, _("Could not read the database"));
      return NULL;
    }

  return stmt;
}

gboolean
ops_store_begin (OpsStore *self,
                 GError  **error)
{
  int rc;

  g_return_val_if_fail (OPS_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return ops_store_set_error_from_sqlite (error, self->db, rc, _("Could not start a transaction"));

  return TRUE;
}

gboolean
ops_store_commit (OpsStore *self,
                  GError  **error)
{
  int rc;

  g_return_val_if_fail (OPS_IS_STORE (self), FALSE);

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      ops_store_set_error_from_sqlite (error, self->db, rc, _("Could not save the changes"));
      ops_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
ops_store_rollback (OpsStore *self)
{
  g_return_if_fail (OPS_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * ops_store_get_file_size:
 * @self: a #OpsStore
 *
 * Returns: the size in bytes of the database and its write-ahead log
 */
gint64
ops_store_get_file_size (OpsStore *self)
{
  static const char *const suffixes[] = { "", "-wal" };
  gint64                   total = 0;

  g_return_val_if_fail (OPS_IS_STORE (self), 0);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (self->path, suffixes[i], NULL);
      GStatBuf         st;

      if (g_stat (path, &st) == 0)
        total += st.st_size;
    }

  return total;
}
