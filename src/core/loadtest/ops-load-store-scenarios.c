/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-loadtest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "config/ops-config.h"
#include "ops-load-error.h"
#include "ops-load-store-private.h"
#include "secrets/ops-secrets.h"

/* Saved scenarios, and the `loadtest` section of the configuration. */

static char *
secret_key (const char *scenario,
            const char *header)
{
  const char      *colon = strchr (header, ':');
  g_autofree char *name = g_ascii_strdown (header, colon != NULL ? colon - header : -1);

  return g_strdup_printf ("loadtest-scenario:%s:%s", scenario, name);
}

/* Writes the scenario row (credential headers masked); in a transaction. */
static gint64
upsert_scenario (OpsStore        *store,
                 OpsLoadScenario *scenario,
                 GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) definition = ops_load_scenario_to_json (scenario, TRUE);
  g_autofree char *text = _ops_load_store_json_to_text (definition);
  gint64           now = g_get_real_time () / G_USEC_PER_SEC;

  stmt = ops_store_prepare (store,
                            "INSERT INTO load_scenarios (name, definition, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?3) ON CONFLICT (name) DO UPDATE "
                            "SET definition = excluded.definition, updated_at = excluded.updated_at",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, scenario->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!_ops_load_store_step_done (store, stmt, _("Could not save the scenario"), error))
    return 0;

  return _ops_load_store_find_scenario_id (store, scenario->name);
}

/**
 * ops_load_store_save_scenario:
 * @store: the database
 * @scenario: a scenario with a name; saved over one of the same name
 * @error: return location for an error
 *
 * The values of credential headers (Authorization, Cookie, API keys…) go
 * to the keyring, never to the database.
 *
 * Returns: the scenario's id, or 0 on error
 */
gint64
ops_load_store_save_scenario (OpsStore        *store,
                              OpsLoadScenario *scenario,
                              GError         **error)
{
  gint64 id;

  g_return_val_if_fail (OPS_IS_STORE (store), 0);

  if (scenario->name == NULL || *g_strstrip (scenario->name) == '\0')
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO, _("A saved scenario needs a name."));
      return 0;
    }
  if (!ops_load_scenario_validate (scenario, error))
    return 0;

  for (guint i = 0; i < scenario->headers->len; i++)
    {
      const char      *header = scenario->headers->pdata[i];
      const char      *colon = strchr (header, ':');
      g_autofree char *key = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!ops_load_header_is_sensitive (header))
        continue;

      key = secret_key (scenario->name, header);
      label = g_strdup_printf (_("Opsdeck load test “%s”: %.*s header"), scenario->name,
                               (int)(colon - header), header);
      if (!ops_secrets_store_sync (key, label, g_strstrip (g_strdup (colon + 1)), NULL, &local_error))
        {
          g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_FAILED,
                       _("The %.*s header is a credential and is kept in the keyring, which "
                          "failed: %s"),
                       (int)(colon - header), header, local_error->message);
          return 0;
        }
    }

  if (!ops_store_begin (store, error))
    return 0;
  id = upsert_scenario (store, scenario, error);
  if (id == 0 || !ops_store_commit (store, error))
    {
      ops_store_rollback (store);
      return 0;
    }

  return id;
}

/**
 * ops_load_store_get_scenario:
 * @store: the database
 * @name: the scenario's name
 * @with_secrets: read credential headers back from the keyring
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the scenario
 */
OpsLoadScenario *
ops_load_store_get_scenario (OpsStore   *store,
                             const char *name,
                             gboolean    with_secrets,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) definition = NULL;
  g_autoptr(OpsLoadScenario) scenario = NULL;
  int rc;

  stmt = ops_store_prepare (store, "SELECT definition FROM load_scenarios WHERE name = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_NOT_FOUND,
                   _("There is no saved scenario “%s”."), name);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc, _("Could not read the scenario"));
      return NULL;
    }

  definition = _ops_load_store_json_from_text ((const char *)sqlite3_column_text (stmt, 0), error);
  if (definition == NULL)
    return NULL;
  scenario = ops_load_scenario_from_json (definition, error);
  if (scenario == NULL)
    return NULL;
  g_free (scenario->name);
  scenario->name = g_strdup (name);

  for (guint i = 0; with_secrets && i < scenario->headers->len; i++)
    {
      const char      *header = scenario->headers->pdata[i];
      const char      *colon = strchr (header, ':');
      g_autofree char *key = NULL;
      g_autoptr(GError) local_error = NULL;
      char *value;

      if (!ops_load_header_is_sensitive (header))
        continue;

      key = secret_key (name, header);
      value = ops_secrets_lookup_sync (key, NULL, &local_error);
      if (value == NULL)
        {
          g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_FAILED,
                       _("The %.*s header of the scenario “%s” is kept in the keyring and could not "
                          "be read: %s"),
                       (int)(colon - header), header, name,
                       local_error != NULL ? local_error->message : _("it is not there."));
          return NULL;
        }
      g_ptr_array_index (scenario->headers, i) = g_strdup_printf ("%.*s: %s", (int)(colon - header), header, value);
      g_free ((char *)header);
      ops_secrets_free (value);
    }

  return g_steal_pointer (&scenario);
}

/* Returns: (transfer full) (element-type OpsLoadScenario): saved scenarios, by name, secrets masked */
GPtrArray *
ops_load_store_list_scenarios (OpsStore *store,
                               GError  **error)
{
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify)ops_load_scenario_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store, "SELECT name FROM load_scenarios ORDER BY name", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OpsLoadScenario *scenario = ops_load_store_get_scenario (store, (const char *)sqlite3_column_text (stmt, 0),
                                                               FALSE, error);

      if (scenario == NULL)
        return NULL;
      g_ptr_array_add (scenarios, scenario);
    }

  if (rc != SQLITE_DONE)
    {
      ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc, _("Could not read the scenarios"));
      return NULL;
    }

  return g_steal_pointer (&scenarios);
}

/* The configuration section: `{"scenarios": [ … ]}`, credentials masked. */
JsonNode *
ops_load_store_export_section (OpsStore *store,
                               GError  **error)
{
  g_autoptr(GPtrArray) scenarios = ops_load_store_list_scenarios (store, error);
  JsonObject *object;
  JsonArray  *array;
  JsonNode   *node;

  if (scenarios == NULL)
    return NULL;

  array = json_array_new ();
  for (guint i = 0; i < scenarios->len; i++)
    json_array_add_element (array, ops_load_scenario_to_json (scenarios->pdata[i], TRUE));
  object = json_object_new ();
  json_object_set_array_member (object, "scenarios", array);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

static GPtrArray *
scenarios_from_section (JsonNode *node,
                        GError  **error)
{
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new_with_free_func ((GDestroyNotify)ops_load_scenario_unref);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode   *list;
  JsonArray  *array;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                   _("The “loadtest” section must be a JSON object."));
      return NULL;
    }
  object = json_node_get_object (node);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "scenarios"))
      {
        g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                     _("The “loadtest” section has an unknown member “%s”."), (const char *)l->data);
        return NULL;
      }

  list = json_object_get_member (object, "scenarios");
  if (list == NULL)
    return g_steal_pointer (&scenarios);
  if (!JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                   _("The “scenarios” of the “loadtest” section must be a list."));
      return NULL;
    }

  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) local_error = NULL;
      OpsLoadScenario *scenario = ops_load_scenario_from_json (json_array_get_element (array, i), &local_error);

      if (scenario == NULL)
        {
          g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                       _("Load test scenario %u cannot be imported: %s"), i + 1, local_error->message);
          return NULL;
        }
      g_ptr_array_add (scenarios, scenario);
      if (scenario->name == NULL || *scenario->name == '\0')
        {
          g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                       _("Load test scenario %u has no “name”."), i + 1);
          return NULL;
        }
      if (g_hash_table_contains (names, scenario->name))
        {
          g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                       _("Two load test scenarios are named “%s”."), scenario->name);
          return NULL;
        }
      g_hash_table_add (names, scenario->name);
    }

  return g_steal_pointer (&scenarios);
}

gboolean
ops_load_store_validate_section (JsonNode *node,
                                 GError  **error)
{
  g_autoptr(GPtrArray) scenarios = scenarios_from_section (node, error);

  return scenarios != NULL;
}

/* Inside the import's transaction. Credential headers arrive masked (they
 * are never exported); the keyring keeps any value it already has. */
gboolean
ops_load_store_apply_section (OpsStore *store,
                              JsonNode *node,
                              GError  **error)
{
  g_autoptr(GPtrArray) scenarios = scenarios_from_section (node, error);

  if (scenarios == NULL)
    return FALSE;

  for (guint i = 0; i < scenarios->len; i++)
    if (upsert_scenario (store, scenarios->pdata[i], error) == 0)
      return FALSE;

  return TRUE;
}
