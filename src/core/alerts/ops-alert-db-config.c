/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-alert-db-private.h"
#include "ops-alertmanager.h"

/* The alert configuration in the database: dependencies between
 * checks, maintenance windows and Alertmanager sources. */

void
ops_alert_dependency_free (OpsAlertDependency *dependency)
{
  if (dependency == NULL)
    return;

  g_free (dependency->check);
  g_free (dependency->parent);
  g_free (dependency);
}

void
ops_alert_source_info_free (OpsAlertSourceInfo *source)
{
  if (source == NULL)
    return;

  g_free (source->name);
  g_free (source->url);
  g_free (source);
}

/* `{ "check": "api", "depends_on": "db" }`, as exported. */
void
ops_alert_dependency_to_json (OpsAlertDependency *dependency,
                              JsonBuilder        *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "check");
  json_builder_add_string_value (builder, dependency->check);
  json_builder_set_member_name (builder, "depends_on");
  json_builder_add_string_value (builder, dependency->parent);
  json_builder_end_object (builder);
}

/* `{ "name": "prod", "kind": "alertmanager", "url": … }`, as exported. */
void
ops_alert_source_info_to_json (OpsAlertSourceInfo *source,
                               JsonBuilder        *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, source->name);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "alertmanager");
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, source->url);
  json_builder_end_object (builder);
}

/* dependencies */

/**
 * ops_alert_db_list_dependencies:
 * @store: a #OpsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type OpsAlertDependency): every
 *   dependency, by check then parent
 */
GPtrArray *
ops_alert_db_list_dependencies (OpsStore *store,
                                GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)ops_alert_dependency_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store,
                            "SELECT check_name, parent_name FROM alert_dependencies "
                            "ORDER BY check_name, parent_name",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OpsAlertDependency *dependency = g_new0 (OpsAlertDependency, 1);

      dependency->check = g_strdup (_ops_alert_db_column_text (stmt, 0));
      dependency->parent = g_strdup (_ops_alert_db_column_text (stmt, 1));
      g_ptr_array_add (list, dependency);
    }

  if (rc != SQLITE_DONE)
    {
      ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                       _("Could not read the dependencies"));
      return NULL;
    }

  return g_steal_pointer (&list);
}

/* Looks for a way up from @from to @to through the parents, depth first;
 * fills @path (from … to) when there is one. */
static gboolean
reaches (GPtrArray  *dependencies,
         const char *from,
         const char *to,
         GHashTable *seen,
         GPtrArray  *path)
{
  if (g_str_equal (from, to))
    {
      g_ptr_array_add (path, (gpointer)from);
      return TRUE;
    }

  if (!g_hash_table_add (seen, (gpointer)from))
    return FALSE;

  for (guint i = 0; i < dependencies->len; i++)
    {
      OpsAlertDependency *dependency = g_ptr_array_index (dependencies, i);

      if (g_str_equal (dependency->check, from) &&
          reaches (dependencies, dependency->parent, to, seen, path))
        {
          g_ptr_array_insert (path, 0, (gpointer)from);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * ops_alert_dependencies_check_cycle:
 * @dependencies: (element-type OpsAlertDependency): the dependencies so far
 * @check: a check
 * @parent: the check it would depend on
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @check may depend on @parent; %FALSE, with
 *   %OPS_ALERT_ERROR_CYCLE and the loop in words, when that would close a
 *   loop
 */
gboolean
ops_alert_dependencies_check_cycle (GPtrArray  *dependencies,
                                    const char *check,
                                    const char *parent,
                                    GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GString) loop = NULL;

  if (g_str_equal (check, parent))
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_CYCLE,
                   _("“%s” cannot depend on itself."), check);
      return FALSE;
    }

  if (!reaches (dependencies, parent, check, seen, path))
    return TRUE;

  loop = g_string_new (check);
  for (guint i = 0; i < path->len; i++)
    g_string_append_printf (loop, " → %s", (const char *)g_ptr_array_index (path, i));

  g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_CYCLE,
               _("“%s” cannot depend on “%s”: “%s” already depends on “%s”, and the "
                  "dependencies would go round in a loop (%s)."),
               check, parent, parent, check, loop->str);
  return FALSE;
}

/**
 * ops_alert_db_add_dependency:
 * @store: a #OpsStore
 * @check: the check's name
 * @parent: the name of the check it depends on
 * @error: return location for a #GError
 *
 * Records that @check depends on @parent, refusing a loop.
 *
 * Returns: %TRUE on success, also when it was already recorded
 */
gboolean
ops_alert_db_add_dependency (OpsStore   *store,
                             const char *check,
                             const char *parent,
                             GError    **error)
{
  g_autoptr(GPtrArray) dependencies = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!ops_alert_validate_name (_("A check"), check, error) ||
      !ops_alert_validate_name (_("A check"), parent, error))
    return FALSE;

  dependencies = ops_alert_db_list_dependencies (store, error);
  if (dependencies == NULL)
    return FALSE;

  if (!ops_alert_dependencies_check_cycle (dependencies, check, parent, error))
    return FALSE;

  stmt = ops_store_prepare (store,
                            "INSERT OR IGNORE INTO alert_dependencies (check_name, parent_name) "
                            "VALUES (?1, ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, check, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, parent, -1, SQLITE_TRANSIENT);

  return _ops_alert_db_step_done (store, stmt, _("Could not save the dependency"), error);
}

gboolean
ops_alert_db_remove_dependency (OpsStore   *store,
                                const char *check,
                                const char *parent,
                                GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ops_store_prepare (store,
                            "DELETE FROM alert_dependencies WHERE check_name = ?1 AND parent_name = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, check, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, parent, -1, SQLITE_TRANSIENT);
  if (!_ops_alert_db_step_done (store, stmt, _("Could not remove the dependency"), error))
    return FALSE;

  if (_ops_alert_db_changes (store) == 0)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND,
                   _("“%s” does not depend on “%s”."), check, parent);
      return FALSE;
    }

  return TRUE;
}

/**
 * ops_alert_db_rename_check:
 * @store: a #OpsStore
 * @old_name: the check's name before
 * @new_name: its name now
 * @error: return location for a #GError
 *
 * Makes the rules and maintenance windows scoped to the check, and the
 * dependencies that name it, follow a rename.
 *
 * Returns: %TRUE on success
 */
gboolean
ops_alert_db_rename_check (OpsStore   *store,
                           const char *old_name,
                           const char *new_name,
                           GError    **error)
{
  static const char *const statements[] = {
    "UPDATE alert_rules SET scope_value = ?2 WHERE scope_kind = 'check' AND scope_value = ?1",
    "UPDATE maintenance_windows SET scope_value = ?2 WHERE scope_kind = 'check' AND scope_value = ?1",
    "UPDATE OR REPLACE alert_dependencies SET check_name = ?2 WHERE check_name = ?1",
    "UPDATE OR REPLACE alert_dependencies SET parent_name = ?2 WHERE parent_name = ?1",
  };

  if (!ops_store_exec (store, "SAVEPOINT rename_check", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = ops_store_prepare (store, statements[i], error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, old_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, new_name, -1, SQLITE_TRANSIENT);
      if (!_ops_alert_db_step_done (store, stmt, _("Could not rename the check in the alert rules"),
                                    error))
        goto fail;
    }

  return ops_store_exec (store, "RELEASE rename_check", error);

fail:
  sqlite3_exec (ops_store_get_handle (store), "ROLLBACK TO rename_check; RELEASE rename_check",
                NULL, NULL, NULL);
  return FALSE;
}

/* maintenance windows */

static OpsMaintenanceWindow *
window_from_row (sqlite3_stmt *stmt)
{
  OpsMaintenanceWindow *window;
  g_auto(OpsAlertScope) scope = { 0 };
  const char *name = _ops_alert_db_column_text (stmt, 1);
  const char *scope_kind = _ops_alert_db_column_text (stmt, 3);

  if (g_strcmp0 (_ops_alert_db_column_text (stmt, 2), "weekly") == 0)
    window = ops_maintenance_window_new_weekly (name, sqlite3_column_int (stmt, 7),
                                                sqlite3_column_int (stmt, 8),
                                                sqlite3_column_int64 (stmt, 9),
                                                _ops_alert_db_column_text (stmt, 10));
  else
    {
      window = ops_maintenance_window_new_once (name, sqlite3_column_int64 (stmt, 5),
                                                sqlite3_column_int64 (stmt, 6));
      ops_maintenance_window_set_time_zone (window, _ops_alert_db_column_text (stmt, 10));
    }

  ops_maintenance_window_set_id (window, sqlite3_column_int64 (stmt, 0));
  for (OpsAlertScopeKind k = OPS_ALERT_SCOPE_ALL; k <= OPS_ALERT_SCOPE_ENVIRONMENT; k++)
    if (g_strcmp0 (scope_kind, ops_alert_scope_kind_to_string (k)) == 0)
      {
        scope.kind = k;
        scope.value = g_strdup (_ops_alert_db_column_text (stmt, 4));
      }
  ops_maintenance_window_set_scope (window, &scope);

  return window;
}

/**
 * ops_alert_db_list_windows:
 * @store: a #OpsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type OpsMaintenanceWindow): every
 *   maintenance window, by name
 */
GPtrArray *
ops_alert_db_list_windows (OpsStore *store,
                           GError  **error)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store,
                            "SELECT id, name, kind, scope_kind, scope_value, starts_at, ends_at, "
                            "days, start_minute, duration_s, time_zone "
                            "FROM maintenance_windows ORDER BY name",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (windows, window_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                       _("Could not read the maintenance windows"));
      return NULL;
    }

  return g_steal_pointer (&windows);
}

/**
 * ops_alert_db_save_window:
 * @store: a #OpsStore
 * @window: a window; a new one (id 0) gets its id
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
ops_alert_db_save_window (OpsStore             *store,
                          OpsMaintenanceWindow *window,
                          GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const OpsAlertScope *scope;
  gboolean             is_new;
  gboolean             once;
  int                  rc;

  if (!ops_maintenance_window_validate (window, error))
    return FALSE;

  is_new = ops_maintenance_window_get_id (window) == 0;
  once = ops_maintenance_window_get_kind (window) == OPS_MAINTENANCE_ONCE;
  stmt = ops_store_prepare (
      store,
      is_new ? "INSERT INTO maintenance_windows (name, kind, scope_kind, scope_value, starts_at, "
               "ends_at, days, start_minute, duration_s, time_zone, created_at) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
             : "UPDATE maintenance_windows SET name = ?1, kind = ?2, scope_kind = ?3, "
               "scope_value = ?4, starts_at = ?5, ends_at = ?6, days = ?7, start_minute = ?8, "
               "duration_s = ?9, time_zone = ?10 WHERE id = ?12",
      error);
  if (stmt == NULL)
    return FALSE;

  scope = ops_maintenance_window_get_scope (window);
  sqlite3_bind_text (stmt, 1, ops_maintenance_window_get_name (window), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, once ? "once" : "weekly", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, ops_alert_scope_kind_to_string (scope->kind), -1, SQLITE_STATIC);
  _ops_alert_db_bind_text (stmt, 4, scope->value);
  if (once)
    {
      sqlite3_bind_int64 (stmt, 5, ops_maintenance_window_get_start (window));
      sqlite3_bind_int64 (stmt, 6, ops_maintenance_window_get_end (window));
    }
  else
    {
      sqlite3_bind_null (stmt, 5);
      sqlite3_bind_null (stmt, 6);
    }
  sqlite3_bind_int (stmt, 7, ops_maintenance_window_get_days (window));
  sqlite3_bind_int (stmt, 8, ops_maintenance_window_get_start_minute (window));
  sqlite3_bind_int64 (stmt, 9, once ? 0 : ops_maintenance_window_get_duration (window));
  _ops_alert_db_bind_text (stmt, 10, ops_maintenance_window_get_time_zone (window));
  if (is_new)
    sqlite3_bind_int64 (stmt, 11, g_get_real_time ());
  else
    sqlite3_bind_int64 (stmt, 12, ops_maintenance_window_get_id (window));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if (_ops_alert_db_is_unique_violation (store))
        {
          g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_EXISTS,
                       _("A maintenance window named “%s” already exists. Choose another name."),
                       ops_maintenance_window_get_name (window));
          return FALSE;
        }
      return ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                              _("Could not save the maintenance window"));
    }

  if (is_new)
    ops_maintenance_window_set_id (window, sqlite3_last_insert_rowid (ops_store_get_handle (store)));

  return TRUE;
}

gboolean
ops_alert_db_remove_window (OpsStore   *store,
                            const char *name,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ops_store_prepare (store, "DELETE FROM maintenance_windows WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!_ops_alert_db_step_done (store, stmt, _("Could not remove the maintenance window"), error))
    return FALSE;

  if (_ops_alert_db_changes (store) == 0)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND,
                   _("There is no maintenance window named “%s”."), name);
      return FALSE;
    }

  return TRUE;
}

/* Alertmanager sources */

/**
 * ops_alert_db_list_sources:
 * @store: a #OpsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type OpsAlertSourceInfo): every
 *   Alertmanager source, by name
 */
GPtrArray *
ops_alert_db_list_sources (OpsStore *store,
                           GError  **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify)ops_alert_source_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store, "SELECT id, name, url FROM alert_sources ORDER BY name", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OpsAlertSourceInfo *source = g_new0 (OpsAlertSourceInfo, 1);

      source->id = sqlite3_column_int64 (stmt, 0);
      source->name = g_strdup (_ops_alert_db_column_text (stmt, 1));
      source->url = g_strdup (_ops_alert_db_column_text (stmt, 2));
      g_ptr_array_add (sources, source);
    }

  if (rc != SQLITE_DONE)
    {
      ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                       _("Could not read the alert sources"));
      return NULL;
    }

  return g_steal_pointer (&sources);
}

gboolean
ops_alert_db_add_source (OpsStore   *store,
                         const char *name,
                         const char *url,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *normalized = NULL;
  int              rc;

  if (!ops_alert_validate_name (_("An alert source"), name, error))
    return FALSE;

  normalized = ops_alertmanager_normalize_url (url, error);
  if (normalized == NULL)
    return FALSE;

  stmt = ops_store_prepare (store,
                            "INSERT INTO alert_sources (name, url, created_at) VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, normalized, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if (_ops_alert_db_is_unique_violation (store))
        {
          g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_EXISTS,
                       _("An alert source named “%s” already exists. Choose another name."),
                       name);
          return FALSE;
        }
      return ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                              _("Could not save the alert source"));
    }

  return TRUE;
}

gboolean
ops_alert_db_remove_source (OpsStore   *store,
                            const char *name,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ops_store_prepare (store, "DELETE FROM alert_sources WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!_ops_alert_db_step_done (store, stmt, _("Could not remove the alert source"), error))
    return FALSE;

  if (_ops_alert_db_changes (store) == 0)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND,
                   _("There is no alert source named “%s”."), name);
      return FALSE;
    }

  return TRUE;
}
