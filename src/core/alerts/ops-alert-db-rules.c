/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-alert-db-private.h"

/* Alert rules in the database, and the revision of the alert
 * configuration that a running engine watches. */

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
  const char       *scope_kind = _ops_alert_db_column_text (stmt, 5);

  ops_alert_rule_kind_from_string (_ops_alert_db_column_text (stmt, 2), &kind);
  rule = ops_alert_rule_new (kind, _ops_alert_db_column_text (stmt, 1));
  ops_alert_rule_set_id (rule, sqlite3_column_int64 (stmt, 0));
  ops_alert_rule_set_enabled (rule, sqlite3_column_int (stmt, 3) != 0);
  ops_alert_rule_set_builtin (rule, sqlite3_column_int (stmt, 4) != 0);

  for (OpsAlertScopeKind k = OPS_ALERT_SCOPE_ALL; k <= OPS_ALERT_SCOPE_ENVIRONMENT; k++)
    if (g_strcmp0 (scope_kind, ops_alert_scope_kind_to_string (k)) == 0)
      {
        scope.kind = k;
        scope.value = g_strdup (_ops_alert_db_column_text (stmt, 6));
      }
  ops_alert_rule_set_scope (rule, &scope);

  if (ops_severity_from_string (_ops_alert_db_column_text (stmt, 7), &severity))
    ops_alert_rule_set_severity (rule, severity);
  ops_alert_aggregate_from_string (_ops_alert_db_column_text (stmt, 9), &aggregate);
  ops_alert_operator_from_string (_ops_alert_db_column_text (stmt, 10), &op);
  ops_alert_rule_set_measure (rule, aggregate, _ops_alert_db_column_text (stmt, 8), op);
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
  _ops_alert_db_bind_text (stmt, 6, scope->value);
  sqlite3_bind_text (stmt, 7, ops_severity_to_string (ops_alert_rule_get_severity (rule)), -1,
                     SQLITE_STATIC);
  _ops_alert_db_bind_text (stmt, 8, ops_alert_rule_get_metric (rule));
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
      if (_ops_alert_db_is_unique_violation (store))
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
  else if (_ops_alert_db_changes (store) == 0)
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
  if (!_ops_alert_db_step_done (store, stmt, _("Could not remove the alert rule"), error))
    return FALSE;

  if (_ops_alert_db_changes (store) == 0)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND,
                   _("There is no alert rule named “%s”."), name);
      return FALSE;
    }

  return TRUE;
}
