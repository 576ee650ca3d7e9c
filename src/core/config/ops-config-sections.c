/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-config"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "alerts/ops-alert-config.h"
#include "health/ops-health-config.h"
#include "ops-config.h"
#include "loadtest/ops-load-store.h"
#include "store/ops-settings.h"

/* The sections of the exported configuration. Each feature owns one; a
 * feature that has nothing to export yet has an empty section, and its
 * import accepts only an empty one. */

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static gboolean
require_object (const char *section,
                JsonNode   *node,
                GError    **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                   _("The “%s” section must be a JSON object."), section);
      return FALSE;
    }

  return TRUE;
}

/* settings */

static JsonNode *
settings_export (OpsStore *store,
                 GError  **error)
{
  OpsSettings          *settings = ops_store_get_settings (store);
  JsonObject           *object = json_object_new ();
  const OpsSettingSpec *specs;
  guint                 n_specs;

  specs = ops_settings_list_specs (&n_specs);
  for (guint i = 0; i < n_specs; i++)
    {
      const OpsSettingSpec *spec = &specs[i];

      if (!spec->exported)
        continue;

      switch (spec->type)
        {
        case OPS_SETTING_BOOLEAN:
          json_object_set_boolean_member (object, spec->key,
                                          ops_settings_get_boolean (settings, spec->key));
          break;
        case OPS_SETTING_INT:
          json_object_set_int_member (object, spec->key,
                                      ops_settings_get_int (settings, spec->key));
          break;
        case OPS_SETTING_DOUBLE:
          json_object_set_double_member (object, spec->key,
                                         ops_settings_get_double (settings, spec->key));
          break;
        case OPS_SETTING_STRING:
          json_object_set_string_member (object, spec->key,
                                         ops_settings_get_text (settings, spec->key));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return object_node (object);
}

/* Turns one member into the setting's text form, checking type and range. */
static char *
setting_text_from_json (const char *key,
                        JsonNode   *value,
                        GError    **error)
{
  const OpsSettingSpec *spec = ops_settings_lookup_spec (key);
  char                  buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char           *text = NULL;
  g_autofree char      *owned = NULL;
  GType                 type;

  if (spec == NULL || !spec->exported)
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                   _("The “settings” section has an unknown setting “%s”."), key);
      return NULL;
    }

  type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;

  switch (spec->type)
    {
    case OPS_SETTING_BOOLEAN:
      if (type == G_TYPE_BOOLEAN)
        text = json_node_get_boolean (value) ? "true" : "false";
      break;
    case OPS_SETTING_INT:
      if (type == G_TYPE_INT64)
        text = owned = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
      break;
    case OPS_SETTING_DOUBLE:
      if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
        text = g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (value));
      break;
    case OPS_SETTING_STRING:
      if (type == G_TYPE_STRING)
        text = json_node_get_string (value);
      break;
    default:
      g_assert_not_reached ();
    }

  if (text == NULL)
    {
      static const char *const type_names[] = {
        [OPS_SETTING_BOOLEAN] = N_("true or false"),
        [OPS_SETTING_INT] = N_("a whole number"),
        [OPS_SETTING_DOUBLE] = N_("a number"),
        [OPS_SETTING_STRING] = N_("a string"),
      };

      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                   _("The setting “%s” must be %s."), key, _(type_names[spec->type]));
      return NULL;
    }

  return ops_settings_normalize_text (key, text, error);
}

static gboolean
settings_validate (OpsStore *store,
                   JsonNode *node,
                   GError  **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!require_object ("settings", node, error))
    return FALSE;

  object = json_node_get_object (node);
  members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) local_error = NULL;

      text = setting_text_from_json (l->data, json_object_get_member (object, l->data),
                                     &local_error);
      if (text == NULL)
        {
          g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID, "%s",
                       local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
settings_apply (OpsStore *store,
                JsonNode *node,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object = json_node_get_object (node);
  sqlite3    *db = ops_store_get_handle (store);

  stmt = ops_store_prepare (store,
                            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT (key) DO UPDATE "
                            "SET value = excluded.value, updated_at = excluded.updated_at",
                            error);
  if (stmt == NULL)
    return FALSE;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *text = NULL;
      int              rc;

      text = setting_text_from_json (l->data, json_object_get_member (object, l->data), error);
      if (text == NULL)
        return FALSE;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, l->data, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        return ops_store_set_error_from_sqlite (error, db, rc, _("Could not import the settings"));
    }

  return TRUE;
}

static void
settings_applied (OpsStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!ops_settings_reload (ops_store_get_settings (store), &error))
    g_warning ("Imported settings could not be read back: %s", error->message);
}

/* Features whose configuration is not exported yet: an empty section,
 * and the import accepts only an empty one (see ops_config_import_data()). */

static JsonNode *
empty_export (OpsStore *store,
              GError  **error)
{
  return object_node (json_object_new ());
}

/* loadtest: the saved scenarios (runs are history, not configuration) */

static gboolean
loadtest_validate (OpsStore *store,
                   JsonNode *node,
                   GError  **error)
{
  return ops_load_store_validate_section (node, error);
}

static const OpsConfigSection sections[] = {
  { "settings", settings_export, settings_validate, settings_apply, settings_applied },
  { "health", ops_health_config_export, ops_health_config_validate, ops_health_config_apply,
    ops_health_config_applied },
  { "alerts", ops_alert_config_export, ops_alert_config_validate, ops_alert_config_apply, NULL },
  { "slack", empty_export, NULL, NULL, NULL },
  { "loadtest", ops_load_store_export_section, loadtest_validate, ops_load_store_apply_section, NULL },
  { "dr", empty_export, NULL, NULL, NULL },
  { "workflows", empty_export, NULL, NULL, NULL },
};

const OpsConfigSection *
_ops_config_get_sections (guint *n_sections)
{
  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}
