/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "config/ops-config.h"
#include "ops-alert-config.h"
#include "ops-alert-db.h"
#include "ops-alertmanager.h"

/*
 * The `alerts` section of the exported configuration:
 *
 *   "alerts": {
 *     "rules": [ { "name": "Slow API", "kind": "threshold", "scope": { "tag": "api" },
 *                  "metric": "latency_ms", "aggregate": "avg", "operator": ">",
 *                  "warning": 500, "critical": 1000, "window": "5m", "for": "1m" }, … ],
 *     "dependencies": [ { "check": "api", "depends_on": "db" }, … ],
 *     "maintenance_windows": [ { "name": "Backups", "kind": "weekly", "days": ["sun"],
 *                                "at": "02:00", "duration": "1h",
 *                                "time_zone": "Europe/Berlin", "scope": {} }, … ],
 *     "sources": [ { "name": "prod", "kind": "alertmanager",
 *                    "url": "http://alertmanager:9093" } ]
 *   }
 *
 * Each list that is present replaces what the database has; a list that
 * is absent leaves it alone. Rules and windows keep their ids when their
 * names match, so that open alerts stay attached to their rule.
 */

static const char *const members[] = { "rules", "dependencies", "maintenance_windows", "sources",
                                       NULL };

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID, "%s", message);
  return FALSE;
}

static JsonNode *
build_export (OpsStore *store,
              GError  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) dependencies = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  if ((rules = ops_alert_db_list_rules (store, error)) == NULL ||
      (dependencies = ops_alert_db_list_dependencies (store, error)) == NULL ||
      (windows = ops_alert_db_list_windows (store, error)) == NULL ||
      (sources = ops_alert_db_list_sources (store, error)) == NULL)
    return NULL;

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "rules");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rules->len; i++)
    ops_alert_rule_to_json (g_ptr_array_index (rules, i), builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "dependencies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dependencies->len; i++)
    ops_alert_dependency_to_json (g_ptr_array_index (dependencies, i), builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "maintenance_windows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < windows->len; i++)
    ops_maintenance_window_to_json (g_ptr_array_index (windows, i), builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sources->len; i++)
    ops_alert_source_info_to_json (g_ptr_array_index (sources, i), builder);
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
ops_alert_config_export (OpsStore *store,
                         GError  **error)
{
  return build_export (store, error);
}

/* What a valid section holds, parsed. */
typedef struct
{
  GPtrArray *rules;        /* OpsAlertRule, or NULL when absent */
  GPtrArray *dependencies; /* OpsAlertDependency, or NULL */
  GPtrArray *windows;      /* OpsMaintenanceWindow, or NULL */
  GPtrArray *sources;      /* OpsAlertSourceInfo, or NULL */
} Parsed;

static void
parsed_clear (Parsed *parsed)
{
  g_clear_pointer (&parsed->rules, g_ptr_array_unref);
  g_clear_pointer (&parsed->dependencies, g_ptr_array_unref);
  g_clear_pointer (&parsed->windows, g_ptr_array_unref);
  g_clear_pointer (&parsed->sources, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parsed, parsed_clear)

static JsonArray *
list_member (JsonObject *object,
             const char *name,
             GError    **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, _("The “alerts” section: “%s” must be a list."), name);
      return NULL;
    }

  return json_node_get_array (node);
}

static gboolean
parse_rules (JsonArray *array,
             Parsed    *parsed,
             GError   **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  parsed->rules = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) local_error = NULL;
      OpsAlertRule *rule = ops_alert_rule_new_from_json (json_array_get_element (array, i),
                                                         &local_error);

      if (rule == NULL)
        return invalid (error, _("The “alerts” section: %s"), local_error->message);
      g_ptr_array_add (parsed->rules, rule);
      if (!g_hash_table_add (names, (gpointer)ops_alert_rule_get_name (rule)))
        return invalid (error, _("The “alerts” section has two rules named “%s”."),
                        ops_alert_rule_get_name (rule));
    }

  return TRUE;
}

static gboolean
parse_dependencies (JsonArray *array,
                    Parsed    *parsed,
                    GError   **error)
{
  parsed->dependencies = g_ptr_array_new_with_free_func ((GDestroyNotify)ops_alert_dependency_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      OpsAlertDependency *dependency;
      const char         *check = NULL;
      const char         *parent = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node) && json_object_get_size (json_node_get_object (node)) == 2)
        {
          check = ops_alert_json_get_string (json_node_get_object (node), "check");
          parent = ops_alert_json_get_string (json_node_get_object (node), "depends_on");
        }
      if (check == NULL || parent == NULL ||
          !ops_alert_validate_name (_("A check"), check, &local_error) ||
          !ops_alert_validate_name (_("A check"), parent, &local_error))
        return invalid (error,
                        _("The “alerts” section: dependency %u must be like {\"check\": \"api\", "
                           "\"depends_on\": \"db\"}."),
                        i + 1);

      if (!ops_alert_dependencies_check_cycle (parsed->dependencies, check, parent, &local_error))
        return invalid (error, _("The “alerts” section: %s"), local_error->message);

      dependency = g_new0 (OpsAlertDependency, 1);
      dependency->check = g_strdup (check);
      dependency->parent = g_strdup (parent);
      g_ptr_array_add (parsed->dependencies, dependency);
    }

  return TRUE;
}

static gboolean
parse_windows (JsonArray *array,
               Parsed    *parsed,
               GError   **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  parsed->windows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) local_error = NULL;
      OpsMaintenanceWindow *window;

      window = ops_maintenance_window_new_from_json (json_array_get_element (array, i), &local_error);
      if (window == NULL)
        return invalid (error, _("The “alerts” section: %s"), local_error->message);
      g_ptr_array_add (parsed->windows, window);
      if (!g_hash_table_add (names, (gpointer)ops_maintenance_window_get_name (window)))
        return invalid (error, _("The “alerts” section has two maintenance windows named “%s”."),
                        ops_maintenance_window_get_name (window));
    }

  return TRUE;
}

static gboolean
parse_sources (JsonArray *array,
               Parsed    *parsed,
               GError   **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  parsed->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)ops_alert_source_info_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char    *url = NULL;
      OpsAlertSourceInfo *source;
      const char         *name = NULL;
      const char         *kind = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          name = ops_alert_json_get_string (json_node_get_object (node), "name");
          kind = ops_alert_json_get_string (json_node_get_object (node), "kind");
        }
      if (!ops_alert_validate_name (_("An alert source"), name, &local_error))
        return invalid (error, _("The “alerts” section: %s"), local_error->message);
      if (kind != NULL && !g_str_equal (kind, "alertmanager"))
        return invalid (error, _("The “alerts” section: the source “%s” must be of kind "
                                  "“alertmanager”."),
                        name);
      url = ops_alertmanager_normalize_url (ops_alert_json_get_string (json_node_get_object (node), "url"),
                                            &local_error);
      if (url == NULL)
        return invalid (error, _("The “alerts” section: the source “%s”: %s"), name,
                        local_error->message);
      if (!g_hash_table_add (names, (gpointer)name))
        return invalid (error, _("The “alerts” section has two sources named “%s”."), name);

      source = g_new0 (OpsAlertSourceInfo, 1);
      source->name = g_strdup (name);
      source->url = g_steal_pointer (&url);
      g_ptr_array_add (parsed->sources, source);
    }

  return TRUE;
}

static gboolean
parse (JsonNode *node,
       Parsed   *parsed,
       GError  **error)
{
  g_autoptr(GList) names = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonArray  *array;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("The “alerts” section must be a JSON object."));

  object = json_node_get_object (node);
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (members, l->data))
      return invalid (error,
                      _("The “alerts” section has an unknown member “%s”; it may hold rules, "
                         "dependencies, maintenance_windows and sources."),
                      (const char *)l->data);

#define PARSE(name, func)                                        \
  array = list_member (object, name, &local_error);              \
  if (local_error != NULL)                                       \
    {                                                            \
      g_propagate_error (error, g_steal_pointer (&local_error)); \
      return FALSE;                                              \
    }                                                            \
  if (array != NULL && !func (array, parsed, error))             \
    return FALSE;

  PARSE ("rules", parse_rules)
  PARSE ("dependencies", parse_dependencies)
  PARSE ("maintenance_windows", parse_windows)
  PARSE ("sources", parse_sources)
#undef PARSE

  return TRUE;
}

gboolean
ops_alert_config_validate (OpsStore *store,
                           JsonNode *node,
                           GError  **error)
{
  g_auto(Parsed) parsed = { 0 };

  return parse (node, &parsed, error);
}

static gboolean
wrap_store_error (GError **error,
                  GError  *cause)
{
  return invalid (error, _("The “alerts” section could not be imported: %s"), cause->message);
}

static gboolean
apply_rules (OpsStore  *store,
             GPtrArray *rules,
             GError   **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);

  existing = ops_alert_db_list_rules (store, error);
  if (existing == NULL)
    return FALSE;

  for (guint i = 0; i < rules->len; i++)
    g_hash_table_add (wanted, (gpointer)ops_alert_rule_get_name (g_ptr_array_index (rules, i)));

  for (guint i = 0; i < existing->len; i++)
    {
      OpsAlertRule *rule = g_ptr_array_index (existing, i);

      if (!g_hash_table_contains (wanted, ops_alert_rule_get_name (rule)) &&
          !ops_alert_db_remove_rule (store, ops_alert_rule_get_name (rule), &local_error))
        return wrap_store_error (error, local_error);
    }

  for (guint i = 0; i < rules->len; i++)
    {
      OpsAlertRule *rule = g_ptr_array_index (rules, i);

      for (guint j = 0; j < existing->len; j++)
        {
          OpsAlertRule *old = g_ptr_array_index (existing, j);

          if (g_str_equal (ops_alert_rule_get_name (old), ops_alert_rule_get_name (rule)))
            {
              ops_alert_rule_set_id (rule, ops_alert_rule_get_id (old));
              ops_alert_rule_set_builtin (rule, ops_alert_rule_get_builtin (old));
            }
        }

      if (!ops_alert_db_save_rule (store, rule, &local_error))
        return wrap_store_error (error, local_error);
    }

  return TRUE;
}

static gboolean
apply_windows (OpsStore  *store,
               GPtrArray *windows,
               GError   **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GError) local_error = NULL;

  existing = ops_alert_db_list_windows (store, error);
  if (existing == NULL)
    return FALSE;

  for (guint i = 0; i < existing->len; i++)
    {
      OpsMaintenanceWindow *old = g_ptr_array_index (existing, i);
      gboolean              kept = FALSE;

      for (guint j = 0; j < windows->len; j++)
        {
          OpsMaintenanceWindow *window = g_ptr_array_index (windows, j);

          if (g_str_equal (ops_maintenance_window_get_name (old),
                           ops_maintenance_window_get_name (window)))
            {
              ops_maintenance_window_set_id (window, ops_maintenance_window_get_id (old));
              kept = TRUE;
            }
        }

      if (!kept &&
          !ops_alert_db_remove_window (store, ops_maintenance_window_get_name (old), &local_error))
        return wrap_store_error (error, local_error);
    }

  for (guint i = 0; i < windows->len; i++)
    if (!ops_alert_db_save_window (store, g_ptr_array_index (windows, i), &local_error))
      return wrap_store_error (error, local_error);

  return TRUE;
}

gboolean
ops_alert_config_apply (OpsStore *store,
                        JsonNode *node,
                        GError  **error)
{
  g_auto(Parsed) parsed = { 0 };
  g_autoptr(GError) local_error = NULL;

  if (!parse (node, &parsed, error))
    return FALSE;

  if (parsed.rules != NULL && !apply_rules (store, parsed.rules, error))
    return FALSE;

  if (parsed.dependencies != NULL)
    {
      if (!ops_store_exec (store, "DELETE FROM alert_dependencies", error))
        return FALSE;
      for (guint i = 0; i < parsed.dependencies->len; i++)
        {
          OpsAlertDependency *dependency = g_ptr_array_index (parsed.dependencies, i);

          if (!ops_alert_db_add_dependency (store, dependency->check, dependency->parent,
                                            &local_error))
            return wrap_store_error (error, local_error);
        }
    }

  if (parsed.windows != NULL && !apply_windows (store, parsed.windows, error))
    return FALSE;

  if (parsed.sources != NULL)
    {
      if (!ops_store_exec (store, "DELETE FROM alert_sources", error))
        return FALSE;
      for (guint i = 0; i < parsed.sources->len; i++)
        {
          OpsAlertSourceInfo *source = g_ptr_array_index (parsed.sources, i);

          if (!ops_alert_db_add_source (store, source->name, source->url, &local_error))
            return wrap_store_error (error, local_error);
        }
    }

  return TRUE;
}
