/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-check-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-check-list-private.h"
#include "ops-check-private.h"

/* The rows of the `health_checks` table and the checks they hold: tags and
 * conditions as JSON arrays, options as a JSON object, never a secret. */

static char *
strv_to_json (const char *const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static GStrv
strv_from_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *root;

  if (text != NULL && json_parser_load_from_data (parser, text, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *item = json_array_get_string_element (array, i);

          if (item != NULL)
            g_strv_builder_add (builder, item);
        }
    }

  return g_strv_builder_end (builder);
}

static JsonObject *
object_from_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (text != NULL && json_parser_load_from_data (parser, text, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    return json_object_ref (json_node_get_object (root));

  return json_object_new ();
}

/* A check from a row of OPS_CHECK_LIST_COLUMNS; NULL for a kind this
 * version does not know (written by a newer Opsdeck): it is left alone. */
OpsCheck *
_ops_check_list_check_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(JsonObject) options = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) conditions = NULL;
  OpsCheckKind   kind;
  OpsEnvironment environment = OPS_ENVIRONMENT_PRODUCTION;
  OpsCheck      *check;

  if (!ops_check_kind_from_string ((const char *)sqlite3_column_text (stmt, 2), &kind))
    return NULL;

  check = ops_check_new (kind, (const char *)sqlite3_column_text (stmt, 1),
                         (const char *)sqlite3_column_text (stmt, 3));
  _ops_check_set_id (check, sqlite3_column_int64 (stmt, 0));
  ops_check_set_interval_ms (check, sqlite3_column_int (stmt, 4));
  ops_check_set_timeout_ms (check, sqlite3_column_int (stmt, 5));
  ops_check_set_failure_threshold (check, sqlite3_column_int (stmt, 6));
  ops_check_set_success_threshold (check, sqlite3_column_int (stmt, 7));
  ops_environment_from_string ((const char *)sqlite3_column_text (stmt, 8), &environment);
  ops_check_set_environment (check, environment);
  tags = strv_from_json ((const char *)sqlite3_column_text (stmt, 9));
  ops_check_set_tags (check, (const char *const *)tags);
  conditions = strv_from_json ((const char *)sqlite3_column_text (stmt, 10));
  ops_check_set_conditions (check, (const char *const *)conditions);
  options = object_from_json ((const char *)sqlite3_column_text (stmt, 11));
  ops_check_set_options (check, options);
  ops_check_set_enabled (check, sqlite3_column_int (stmt, 12));
  ops_check_set_paused (check, sqlite3_column_int (stmt, 13));
  _ops_check_set_has_secret (check, sqlite3_column_int (stmt, 14));

  return check;
}

/* Sets a check's state from its last sample (state, time, latency_us,
 * error), read by @stmt with the check's id as parameter 1. */
void
_ops_check_list_restore_state (sqlite3_stmt *stmt,
                               OpsCheck     *check)
{
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, ops_check_get_id (check));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    _ops_check_restore_state (check, sqlite3_column_int (stmt, 0),
                              sqlite3_column_int64 (stmt, 1),
                              sqlite3_column_type (stmt, 2) == SQLITE_NULL
                                  ? -1
                                  : sqlite3_column_int64 (stmt, 2) / 1000.0,
                              (const char *)sqlite3_column_text (stmt, 3));
}

static gboolean
bind_definition (sqlite3_stmt *stmt,
                 OpsCheck     *check,
                 gboolean      has_secret)
{
  g_autofree char *tags = strv_to_json (ops_check_get_tags (check));
  g_autofree char *conditions = strv_to_json (ops_check_get_conditions (check));
  g_autoptr(JsonNode) options_node = json_node_init_object (json_node_alloc (),
                                                             ops_check_get_options (check));
  g_autofree char *options = json_to_string (options_node, FALSE);

  sqlite3_bind_text (stmt, 1, ops_check_get_name (check), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ops_check_kind_to_string (ops_check_get_kind (check)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, ops_check_get_target (check), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, ops_check_get_interval_ms (check));
  sqlite3_bind_int (stmt, 5, ops_check_get_timeout_ms (check));
  sqlite3_bind_int (stmt, 6, ops_check_get_failure_threshold (check));
  sqlite3_bind_int (stmt, 7, ops_check_get_success_threshold (check));
  sqlite3_bind_text (stmt, 8, ops_environment_to_string (ops_check_get_environment (check)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, tags, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, conditions, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, options, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 12, ops_check_get_enabled (check));
  sqlite3_bind_int (stmt, 13, ops_check_get_paused (check));
  sqlite3_bind_int (stmt, 14, has_secret);
  sqlite3_bind_int64 (stmt, 15, g_get_real_time () / G_USEC_PER_SEC);

  return TRUE;
}

gboolean
_ops_check_list_check_name_free (OpsStore   *store,
                                 const char *name,
                                 gint64      except_id,
                                 GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ops_store_prepare (store,
                            "SELECT 1 FROM health_checks WHERE name = ?1 AND id != ?2 "
                            "AND removed_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_EXISTS,
                   _("A check named “%s” already exists. Choose another name."), name);
      return FALSE;
    }

  return TRUE;
}

/* Inserts or updates the row of a validated check; returns its id. */
gint64
_ops_check_list_write_row (OpsStore *store,
                           OpsCheck *check,
                           gint64    id,
                           gboolean  has_secret,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = ops_store_get_handle (store);
  int      rc;

  if (!_ops_check_list_check_name_free (store, ops_check_get_name (check), id, error))
    return 0;

  if (id > 0)
    stmt = ops_store_prepare (store,
                              "UPDATE health_checks SET name = ?1, kind = ?2, target = ?3, "
                              "interval_ms = ?4, timeout_ms = ?5, failure_threshold = ?6, "
                              "success_threshold = ?7, environment = ?8, tags = ?9, "
                              "conditions = ?10, options = ?11, enabled = ?12, paused = ?13, "
                              "has_secret = ?14, updated_at = ?15 WHERE id = ?16",
                              error);
  else
    stmt = ops_store_prepare (store,
                              "INSERT INTO health_checks (name, kind, target, interval_ms, "
                              "timeout_ms, failure_threshold, success_threshold, environment, "
                              "tags, conditions, options, enabled, paused, has_secret, "
                              "updated_at, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                              "?14, ?15, ?15)",
                              error);
  if (stmt == NULL)
    return 0;

  bind_definition (stmt, check, has_secret);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 16, id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      ops_store_set_error_from_sqlite (error, db, rc, _("Could not save the check"));
      return 0;
    }

  return id > 0 ? id : sqlite3_last_insert_rowid (db);
}

gboolean
_ops_check_list_delete_row (OpsStore *store,
                            gint64    id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ops_store_prepare (store, "DELETE FROM health_checks WHERE id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return sqlite3_step (stmt) == SQLITE_DONE;
}
