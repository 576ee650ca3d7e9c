/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-config"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-config.h"

/*
 * The exported configuration: one JSON document, versioned, with one
 * section per feature, so that operators can keep their checks and routes
 * in version control. Secrets are never part of it.
 *
 *   { "format": "opsdeck-config", "version": 1,
 *     "generator": "Opsdeck 0.1.0", "exported_at": "2026-11-22T10:00:00Z",
 *     "settings": { … }, "health": { … }, … }
 *
 * An import is checked whole before anything is written, then applied in
 * one transaction: it lands completely or not at all.
 */

G_DEFINE_QUARK (ops-config-error-quark, ops_config_error)

static const char *const envelope_members[] = { "format", "version", "generator", "exported_at" };

/**
 * ops_config_export:
 * @store: a #OpsStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the configuration document, or %NULL
 */
JsonNode *
ops_config_export (OpsStore *store,
                   GError  **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char        *exported_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  const OpsConfigSection *sections;
  JsonNode               *node;
  guint                   n_sections;

  g_return_val_if_fail (OPS_IS_STORE (store), NULL);

  json_object_set_string_member (root, "format", OPS_CONFIG_FORMAT);
  json_object_set_int_member (root, "version", OPS_CONFIG_VERSION);
  json_object_set_string_member (root, "generator", PACKAGE_NAME " " PACKAGE_VERSION);
  json_object_set_string_member (root, "exported_at", exported_at);

  sections = _ops_config_get_sections (&n_sections);
  for (guint i = 0; i < n_sections; i++)
    {
      JsonNode *section = sections[i].export(store, error);

      if (section == NULL)
        return NULL;

      json_object_set_member (root, sections[i].name, section);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, root);

  return node;
}

/**
 * ops_config_export_to_data:
 * @store: a #OpsStore
 * @length: (out) (optional): the length of the text
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the configuration as indented JSON text
 */
char *
ops_config_export_to_data (OpsStore *store,
                           gsize    *length,
                           GError  **error)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize            text_length = 0;

  root = ops_config_export (store, error);
  if (root == NULL)
    return NULL;

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &text_length);

  /* End with a newline, as files kept in version control do. */
  if (length != NULL)
    *length = text_length + 1;

  return g_strconcat (text, "\n", NULL);
}

static const OpsConfigSection *
find_section (const char *name)
{
  const OpsConfigSection *sections;
  guint                   n_sections;

  sections = _ops_config_get_sections (&n_sections);
  for (guint i = 0; i < n_sections; i++)
    if (g_str_equal (sections[i].name, name))
      return &sections[i];

  return NULL;
}

static gboolean
is_envelope_member (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (envelope_members); i++)
    if (g_str_equal (envelope_members[i], name))
      return TRUE;

  return FALSE;
}

static gboolean
validate_envelope (JsonNode *root,
                   GError  **error)
{
  JsonObject *object;
  JsonNode   *format;
  JsonNode   *version;
  gint64      version_number;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_WRONG_FORMAT,
                   _("This is not an Opsdeck configuration: the document is not a JSON object."));
      return FALSE;
    }

  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format == NULL || json_node_get_value_type (format) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (format), OPS_CONFIG_FORMAT))
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_WRONG_FORMAT,
                   _("This is not an Opsdeck configuration: it has no “format”: “%s” member."),
                   OPS_CONFIG_FORMAT);
      return FALSE;
    }

  version = json_object_get_member (object, "version");
  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                   _("The configuration has no “version” number."));
      return FALSE;
    }

  version_number = json_node_get_int (version);
  if (version_number > OPS_CONFIG_VERSION)
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_UNSUPPORTED_VERSION,
                   _("The configuration was written by a newer Opsdeck (format version "
                      "%" G_GINT64_FORMAT "; this version reads up to %d). Update Opsdeck to "
                      "import it."),
                   version_number, OPS_CONFIG_VERSION);
      return FALSE;
    }
  if (version_number < 1)
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                   _("The configuration has an invalid version number (%" G_GINT64_FORMAT ")."),
                   version_number);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_section (const OpsConfigSection *section,
                  OpsStore               *store,
                  JsonNode               *node,
                  GError                **error)
{
  if (section->validate != NULL)
    return section->validate (store, node, error);

  /* A feature that exports nothing yet takes only an empty section. */
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                   _("The “%s” section must be a JSON object."), section->name);
      return FALSE;
    }
  if (json_object_get_size (json_node_get_object (node)) > 0)
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                   _("This version of Opsdeck cannot import the “%s” section yet. Remove it "
                      "from the file, or import it with a newer Opsdeck."),
                   section->name);
      return FALSE;
    }

  return TRUE;
}

/**
 * ops_config_import_data:
 * @store: a #OpsStore
 * @data: the document's text
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Imports a configuration document: every section is checked before
 * anything is written, then all are applied in one transaction. On any
 * error the database is unchanged.
 *
 * Returns: %TRUE when the whole configuration was imported
 */
gboolean
ops_config_import_data (OpsStore   *store,
                        const char *data,
                        gsize       length,
                        GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) todo = NULL;
  JsonObject *object;
  JsonNode   *root;

  g_return_val_if_fail (OPS_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length > OPS_CONFIG_MAX_SIZE)
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_TOO_LARGE,
                   _("The configuration is too large (%" G_GSIZE_FORMAT " bytes; at most %d)."),
                   length, OPS_CONFIG_MAX_SIZE);
      return FALSE;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_MALFORMED,
                   _("The configuration is not valid JSON: %s"), local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_MALFORMED,
                   _("The configuration is empty."));
      return FALSE;
    }

  if (!validate_envelope (root, error))
    return FALSE;

  /* Check everything first: nothing is written unless all of it is valid. */
  object = json_node_get_object (root);
  todo = g_ptr_array_new ();
  {
    g_autoptr(GList) members = json_object_get_members (object);

    for (GList *l = members; l != NULL; l = l->next)
      {
        const char             *name = l->data;
        const OpsConfigSection *section;

        if (is_envelope_member (name))
          continue;

        section = find_section (name);
        if (section == NULL)
          {
            g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID,
                         _("The configuration has an unknown section “%s”."), name);
            return FALSE;
          }

        if (!validate_section (section, store, json_object_get_member (object, name), error))
          return FALSE;

        g_ptr_array_add (todo, (gpointer)section);
      }
  }

  if (!ops_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < todo->len; i++)
    {
      const OpsConfigSection *section = g_ptr_array_index (todo, i);

      if (section->apply != NULL &&
          !section->apply (store, json_object_get_member (object, section->name), error))
        {
          ops_store_rollback (store);
          return FALSE;
        }
    }

  if (!ops_store_commit (store, error))
    return FALSE;

  for (guint i = 0; i < todo->len; i++)
    {
      const OpsConfigSection *section = g_ptr_array_index (todo, i);

      if (section->applied != NULL)
        section->applied (store);
    }

  return TRUE;
}

/**
 * ops_config_import_file:
 * @store: a #OpsStore
 * @file: the document
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file (at most %OPS_CONFIG_MAX_SIZE bytes) and imports it with
 * ops_config_import_data().
 *
 * Returns: %TRUE when the whole configuration was imported
 */
gboolean
ops_config_import_file (OpsStore     *store,
                        GFile        *file,
                        GCancellable *cancellable,
                        GError      **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (OPS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);

  /* Refuse a huge file before reading it into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > OPS_CONFIG_MAX_SIZE)
    {
      g_set_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_TOO_LARGE,
                   _("%s is too large to be an Opsdeck configuration (more than %d bytes)."),
                   name, OPS_CONFIG_MAX_SIZE);
      return FALSE;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read %s: %s"), name, local_error->message);
      return FALSE;
    }

  return ops_config_import_data (store, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 error);
}
