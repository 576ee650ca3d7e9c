/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-alert-db.h"
#include "ops-alertmanager.h"

/* The alert configuration in the database: rules, dependencies between
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

static gboolean
step_done (OpsStore     *store,
           sqlite3_stmt *stmt,
           const char   *context,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc, context);

  return TRUE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static int
changes (OpsStore *store)
{
  return sqlite3_changes (ops_store_get_handle (store));
}

static gboolean
is_unique_violation (OpsStore *store)
{
  return sqlite3_extended_errcode (ops_store_get_handle (store)) == SQLITE_CONSTRAINT_UNIQUE ||
         sqlite3_extended_errcode (ops_store_get_handle (store)) == SQLITE_CONSTRAINT_PRIMARYKEY;
}

/**
 * ops_alert_db_get_config_revision:
 * @store: a #OpsStore
 * @error: return location for a #GError
 *
 * Returns: a number that goes up whenever rules, dependencies or
 *   maintenance windows change, or -1 on error
 */
gint64
ops_alert_db_get_config_revision (OpsStore *store,
                                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ops_store_prepare (store, "SELECT revision FROM alert_config WHERE id = 1", error);
  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ops_store_set_error_from_sqlite (error, ops_store_get_handle (store),
                                       sqlite3_errcode (ops_store_get_handle (store)),
                                       _("Could not read the alert configuration"));
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/* rules */

#define RULE_COLUMNS                                                                         \
  "id, name, kind, enabled, builtin, scope_kind, scope_value, severity, metric, aggregate, " \
  "operator, warning, critical, window_s, for_s, absence_s"

static OpsAlertRule *
rule_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(OpsAlertRule) rule = NULL;
  g_auto(OpsAlertScope) scope = { 0 };
  OpsAlertRuleKind  kind = OPS_ALERT_RULE_DOWN;
  OpsAlertAggregate aggregate = OPS_ALERT_AGGREGATE_LAST;
  OpsAlertOperator  op = OPS_ALERT_OPERATOR_GT;
  OpsSeverity       severity = OPS_SEVERITY_CRITICAL;
  const char       *scope_kind = column_text (stmt, 5);

  ops_alert_rule_kind_from_string (column_text (stmt, 2), &kind);
  rule = ops_alert_rule_new (kind, column_text (stmt, 1));
  ops_alert_rule_set_id (rule, sqlite3_column_int64 (stmt, 0));
  ops_alert_rule_set_enabled (rule, sqlite3_column_int (stmt, 3) != 0);
  ops_alert_rule_set_builtin (rule, sqlite3_column_int (stmt, 4) != 0);

  for (OpsAlertScopeKind k = OPS_ALERT_SCOPE_ALL; k <= OPS_ALERT_SCOPE_ENVIRONMENT; k++)
    if (g_strcmp0 (scope_kind, ops_alert_scope_kind_to_string (k)) == 0)
      {
        scope.kind = k;
        scope.value = g_strdup (column_text (stmt, 6));
      }
  ops_alert_rule_set_scope (rule, &scope);

  if (ops_severity_from_string (column_text (stmt, 7), &severity))
    ops_alert_rule_set_severity (rule, severity);
  ops_alert_aggregate_from_string (column_text (stmt, 9), &aggregate);
  ops_alert_operator_from_string (column_text (stmt, 10), &op);
  ops_alert_rule_set_measure (rule, aggregate, column_text (stmt, 8), op);
  if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    ops_alert_rule_set_level (rule, OPS_SEVERITY_WARNING, sqlite3_column_double (stmt, 11));
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    ops_alert_rule_set_level (rule, OPS_SEVERITY_CRITICAL, sqlite3_column_double (stmt, 12));
  ops_alert_rule_set_window (rule, sqlite3_column_int64 (stmt, 13));
  ops_alert_rule_set_for (rule, sqlite3_column_int64 (stmt, 14));
  ops_alert_rule_set_absence (rule, sqlite3_column_int64 (stmt, 15));

  return g_steal_pointer (&rule);
}

/**
 * ops_alert_db_list_rules:
 * @store: a #OpsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type OpsAlertRule): every rule, by name
 */
GPtrArray *
ops_alert_db_list_rules (OpsStore *store,
                         GError  **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store, "SELECT " RULE_COLUMNS " FROM alert_rules ORDER BY name", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rules, rule_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                       _("Could not read the alert rules"));
      return NULL;
    }

  return g_steal_pointer (&rules);
}

/**
 * ops_alert_db_find_rule:
 * @store: a #OpsStore
 * @name: the rule's name
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the rule, or %NULL with %OPS_ALERT_ERROR_NOT_FOUND
 */
OpsAlertRule *
ops_alert_db_find_rule (OpsStore   *store,
                        const char *name,
                        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store, "SELECT " RULE_COLUMNS " FROM alert_rules WHERE name = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return rule_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND,
                 _("There is no alert rule named “%s”."), name);
  else
    ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                     _("Could not read the alert rules"));
  return NULL;
}

static void
bind_level (sqlite3_stmt *stmt,
            int           index,
            OpsAlertRule *rule,
            OpsSeverity   severity)
{
  double level;

  if (ops_alert_rule_get_level (rule, severity, &level))
    sqlite3_bind_double (stmt, index, level);
  else
    sqlite3_bind_null (stmt, index);
}

/**
 * ops_alert_db_save_rule:
 * @store: a #OpsStore
 * @rule: a rule; a new one (id 0) gets its id
 * @error: return location for a #GError
 *
 * Validates and stores the rule.
 *
 * Returns: %TRUE on success
 */
gboolean
ops_alert_db_save_rule (OpsStore     *store,
                        OpsAlertRule *rule,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const OpsAlertScope *scope;
  gint64               now = g_get_real_time ();
  gboolean             is_new;
  int                  rc;

  g_return_val_if_fail (OPS_IS_STORE (store), FALSE);
  g_return_val_if_fail (OPS_IS_ALERT_RULE (rule), FALSE);

  if (!ops_alert_rule_validate (rule, error))
    return FALSE;

  is_new = ops_alert_rule_get_id (rule) == 0;
  stmt = ops_store_prepare (
      store,
      is_new ? "INSERT INTO alert_rules (name, kind, enabled, builtin, scope_kind, scope_value, "
               "severity, metric, aggregate, operator, warning, critical, window_s, for_s, "
               "absence_s, created_at, updated_at, id) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
               "?16, NULL)"
             : "UPDATE alert_rules SET name = ?1, kind = ?2, enabled = ?3, builtin = ?4, "
               "scope_kind = ?5, scope_value = ?6, severity = ?7, metric = ?8, aggregate = ?9, "
               "operator = ?10, warning = ?11, critical = ?12, window_s = ?13, for_s = ?14, "
               "absence_s = ?15, updated_at = ?16 WHERE id = ?17",
      error);
  if (stmt == NULL)
    return FALSE;

  scope = ops_alert_rule_get_scope (rule);
  sqlite3_bind_text (stmt, 1, ops_alert_rule_get_name (rule), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ops_alert_rule_kind_to_string (ops_alert_rule_get_kind (rule)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, ops_alert_rule_get_enabled (rule));
  sqlite3_bind_int (stmt, 4, ops_alert_rule_get_builtin (rule));
  sqlite3_bind_text (stmt, 5, ops_alert_scope_kind_to_string (scope->kind), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 6, scope->value);
  sqlite3_bind_text (stmt, 7, ops_severity_to_string (ops_alert_rule_get_severity (rule)), -1,
                     SQLITE_STATIC);
  bind_text_or_null (stmt, 8, ops_alert_rule_get_metric (rule));
  sqlite3_bind_text (stmt, 9, ops_alert_aggregate_to_string (ops_alert_rule_get_aggregate (rule)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, ops_alert_operator_to_string (ops_alert_rule_get_operator (rule)),
                     -1, SQLITE_STATIC);
  bind_level (stmt, 11, rule, OPS_SEVERITY_WARNING);
  bind_level (stmt, 12, rule, OPS_SEVERITY_CRITICAL);
  sqlite3_bind_int64 (stmt, 13, ops_alert_rule_get_window (rule));
  sqlite3_bind_int64 (stmt, 14, ops_alert_rule_get_for (rule));
  sqlite3_bind_int64 (stmt, 15, ops_alert_rule_get_absence (rule));
  sqlite3_bind_int64 (stmt, 16, now);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 17, ops_alert_rule_get_id (rule));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if (is_unique_violation (store))
        {
          g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_EXISTS,
                       _("An alert rule named “%s” already exists. Choose another name."),
                       ops_alert_rule_get_name (rule));
          return FALSE;
        }
      return ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                              _("Could not save the alert rule"));
    }

  if (is_new)
    ops_alert_rule_set_id (rule, sqlite3_last_insert_rowid (ops_store_get_handle (store)));
  else if (changes (store) == 0)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND,
                   _("The alert rule “%s” no longer exists."), ops_alert_rule_get_name (rule));
      return FALSE;
    }

  return TRUE;
}

gboolean
ops_alert_db_remove_rule (OpsStore   *store,
                          const char *name,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ops_store_prepare (store, "DELETE FROM alert_rules WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!step_done (store, stmt, _("Could not remove the alert rule"), error))
    return FALSE;

  if (changes (store) == 0)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND,
                   _("There is no alert rule named “%s”."), name);
      return FALSE;
    }

  return TRUE;
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

      dependency->check = g_strdup (column_text (stmt, 0));
      dependency->parent = g_strdup (column_text (stmt, 1));
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

  return step_done (store, stmt, _("Could not save the dependency"), error);
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
  if (!step_done (store, stmt, _("Could not remove the dependency"), error))
    return FALSE;

  if (changes (store) == 0)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND,
                   _("“%s” does not depend on “%s”."), check, parent);
      return FALSE;
    }

  return TRUE;
}

/* maintenance windows */

static OpsMaintenanceWindow *
window_from_row (sqlite3_stmt *stmt)
{
  OpsMaintenanceWindow *window;
  g_auto(OpsAlertScope) scope = { 0 };
  const char *name = column_text (stmt, 1);
  const char *scope_kind = column_text (stmt, 3);

  if (g_strcmp0 (column_text (stmt, 2), "weekly") == 0)
    window = ops_maintenance_window_new_weekly (name, sqlite3_column_int (stmt, 7),
                                                sqlite3_column_int (stmt, 8),
                                                sqlite3_column_int64 (stmt, 9),
                                                column_text (stmt, 10));
  else
    {
      window = ops_maintenance_window_new_once (name, sqlite3_column_int64 (stmt, 5),
                                                sqlite3_column_int64 (stmt, 6));
      ops_maintenance_window_set_time_zone (window, column_text (stmt, 10));
    }

  ops_maintenance_window_set_id (window, sqlite3_column_int64 (stmt, 0));
  for (OpsAlertScopeKind k = OPS_ALERT_SCOPE_ALL; k <= OPS_ALERT_SCOPE_ENVIRONMENT; k++)
    if (g_strcmp0 (scope_kind, ops_alert_scope_kind_to_string (k)) == 0)
      {
        scope.kind = k;
        scope.value = g_strdup (column_text (stmt, 4));
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
  bind_text_or_null (stmt, 4, scope->value);
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
  bind_text_or_null (stmt, 10, ops_maintenance_window_get_time_zone (window));
  if (is_new)
    sqlite3_bind_int64 (stmt, 11, g_get_real_time ());
  else
    sqlite3_bind_int64 (stmt, 12, ops_maintenance_window_get_id (window));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if (is_unique_violation (store))
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
  if (!step_done (store, stmt, _("Could not remove the maintenance window"), error))
    return FALSE;

  if (changes (store) == 0)
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
      source->name = g_strdup (column_text (stmt, 1));
      source->url = g_strdup (column_text (stmt, 2));
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
      if (is_unique_violation (store))
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
  if (!step_done (store, stmt, _("Could not remove the alert source"), error))
    return FALSE;

  if (changes (store) == 0)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND,
                   _("There is no alert source named “%s”."), name);
      return FALSE;
    }

  return TRUE;
}
