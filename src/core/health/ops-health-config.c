/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-config"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "config/ops-config.h"
#include "ops-check-list-private.h"
#include "ops-check-list.h"
#include "ops-health-config.h"

/*
 * The “health” section: { "checks": [ { "name": …, "kind": …, … } ] }.
 * Secrets stay in the keyring and are never exported. An import adds the
 * checks it names and updates those that exist with the same name (their
 * history and secret stay); checks it does not name are left alone, so
 * that nothing is lost.
 */

/**
 * ops_health_config_export:
 * @store: the database
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the section
 */
JsonNode *
ops_health_config_export (OpsStore *store,
                          GError  **error)
{
  g_autoptr(OpsCheckList) list = NULL;
  OpsCheckList *shown = _ops_check_list_get_for_store (store);
  JsonObject   *object;
  JsonArray    *checks;
  JsonNode     *node;

  /* The app's list when there is one; otherwise read the checks now. */
  if (shown == NULL)
    {
      list = ops_check_list_new (store, error);
      if (list == NULL)
        return NULL;
      shown = list;
    }

  checks = json_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shown)); i++)
    {
      g_autoptr(OpsCheck) check = g_list_model_get_item (G_LIST_MODEL (shown), i);

      json_array_add_element (checks, ops_check_to_json (check, FALSE));
    }

  object = json_object_new ();
  json_object_set_array_member (object, "checks", checks);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

static gboolean
section_error (GError    **error,
               guint       index,
               const char *name,
               GError     *cause)
{
  if (name != NULL)
    g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                 _("Check %u (“%s”) of the “health” section: %s"), index + 1, name,
                 cause->message);
  else
    g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                 _("Check %u of the “health” section: %s"), index + 1, cause->message);
  return FALSE;
}

static const char *
name_in (JsonNode *node)
{
  JsonNode *name;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  name = json_object_get_member (json_node_get_object (node), "name");
  if (name == NULL || !JSON_NODE_HOLDS_VALUE (name) ||
      json_node_get_value_type (name) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (name);
}

/* The kind of the saved check with this name, or NULL. */
static char *
existing_kind (OpsStore   *store,
               const char *name,
               gint64     *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ops_store_prepare (store,
                            "SELECT kind, id FROM health_checks WHERE name = ?1 "
                            "AND removed_at IS NULL",
                            NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  if (id != NULL)
    *id = sqlite3_column_int64 (stmt, 1);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* The list of checks (NULL when the section has none), or FALSE. */
static gboolean
get_checks (JsonNode   *node,
            JsonArray **out,
            GError    **error)
{
  JsonObject *object;
  JsonNode   *checks;
  g_autoptr(GList) members = NULL;

  *out = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                   _("The “health” section must be a JSON object."));
      return FALSE;
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "checks"))
      {
        g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                     _("The “health” section has an unknown member “%s”."),
                     (const char *)l->data);
        return FALSE;
      }

  checks = json_object_get_member (object, "checks");
  if (checks == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (checks))
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                   _("“checks” in the “health” section must be a list."));
      return FALSE;
    }

  *out = json_node_get_array (checks);
  return TRUE;
}

/**
 * ops_health_config_validate:
 * @store: the database
 * @node: the section
 * @error: return location for a #GError
 *
 * Checks every check of the section, that names are unique in it, and
 * that a check does not change the kind of a saved one with its name.
 *
 * Returns: %TRUE when it can be applied
 */
gboolean
ops_health_config_validate (OpsStore *store,
                            JsonNode *node,
                            GError  **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  JsonArray *checks;

  if (!get_checks (node, &checks, error))
    return FALSE;

  for (guint i = 0; checks != NULL && i < json_array_get_length (checks); i++)
    {
      JsonNode *item = json_array_get_element (checks, i);
      g_autoptr(OpsCheck) check = ops_check_new_from_json (item, &local_error);
      g_autofree char *kind = NULL;

      if (check == NULL)
        return section_error (error, i, name_in (item), local_error);

      if (!g_hash_table_add (names, (gpointer)name_in (item)))
        {
          g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                       _("The “health” section names the check “%s” twice."), name_in (item));
          return FALSE;
        }

      kind = existing_kind (store, ops_check_get_name (check), NULL);
      if (kind != NULL && !g_str_equal (kind, ops_check_kind_to_string (ops_check_get_kind (check))))
        {
          g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                       _("The check “%s” is a %s check here, and the file makes it a %s check. "
                          "Rename it in the file, or remove the saved one first."),
                       ops_check_get_name (check), kind,
                       ops_check_kind_to_string (ops_check_get_kind (check)));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * ops_health_config_apply:
 * @store: the database, in the import's transaction
 * @node: a validated section
 * @error: return location for a #GError
 *
 * Returns: %TRUE when written
 */
gboolean
ops_health_config_apply (OpsStore *store,
                         JsonNode *node,
                         GError  **error)
{
  JsonArray *checks;

  if (!get_checks (node, &checks, error))
    return FALSE;

  for (guint i = 0; checks != NULL && i < json_array_get_length (checks); i++)
    {
      JsonNode *item = json_array_get_element (checks, i);
      g_autoptr(OpsCheck) check = ops_check_new_from_json (item, error);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *kind = NULL;
      gboolean         has_secret = FALSE;
      gint64           id = 0;

      if (check == NULL)
        return FALSE;

      kind = existing_kind (store, ops_check_get_name (check), &id);
      if (id > 0)
        {
          /* The secret of the saved check stays. */
          stmt = ops_store_prepare (store, "SELECT has_secret FROM health_checks WHERE id = ?1",
                                    error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          has_secret = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
        }

      if (_ops_check_list_write_row (store, check, id, has_secret, error) == 0)
        return FALSE;
    }

  return TRUE;
}

void
ops_health_config_applied (OpsStore *store)
{
  OpsCheckList *list = _ops_check_list_get_for_store (store);
  g_autoptr(GError) error = NULL;

  if (list != NULL && !ops_check_list_reload (list, &error))
    g_warning ("Imported checks could not be read back: %s", error->message);
}
