/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-document"

#include "config.h"

#include <string.h>

#include "ops-health-document.h"

/*
 * Health documents: the draft “Health Check Response Format for HTTP
 * APIs” (application/health+json: pass / warn / fail, with `checks`) and
 * Spring Boot Actuator’s health (UP / DOWN / OUT_OF_SERVICE / UNKNOWN,
 * with nested `components`). Statuses compare case-insensitively; a status
 * this code does not know (Actuator allows custom ones) counts as
 * degraded, as does Actuator's UNKNOWN.
 */

static const char *const actuator_words[] = { "UP", "DOWN", "OUT_OF_SERVICE", "UNKNOWN", NULL };
static const char *const draft_words[] = { "pass", "ok", "warn", "fail", "error", NULL };

static gboolean
word_in (const char        *word,
         const char *const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (word, words[i]) == 0)
      return TRUE;

  return FALSE;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static OpsHealthStatus
map_status (const char *raw)
{
  OpsHealthStatus status;

  if (raw == NULL)
    return OPS_HEALTH_STATUS_UNKNOWN;

  /* Actuator's UNKNOWN is a status of its own: degraded, per the contract. */
  if (g_ascii_strcasecmp (raw, "unknown") == 0)
    return OPS_HEALTH_STATUS_DEGRADED;

  if (ops_health_status_from_string (raw, &status))
    return status;

  /* A custom code: something is off, not necessarily down. */
  return OPS_HEALTH_STATUS_DEGRADED;
}

static void
add_component (JsonArray  *components,
               const char *name,
               JsonObject *object)
{
  JsonObject *item = json_object_new ();
  const char *raw = string_member (object, "status");
  const char *output = string_member (object, "output");
  JsonNode   *value = json_object_get_member (object, "observedValue");
  JsonNode   *details = json_object_get_member (object, "details");

  json_object_set_string_member (item, "name", name);
  json_object_set_string_member (item, "status", ops_health_status_to_string (map_status (raw)));
  if (raw != NULL)
    json_object_set_string_member (item, "raw_status", raw);

  /* Actuator puts the error in details.error. */
  if (output == NULL && details != NULL && JSON_NODE_HOLDS_OBJECT (details))
    output = string_member (json_node_get_object (details), "error");
  if (output != NULL)
    json_object_set_string_member (item, "output", output);

  if (value != NULL)
    json_object_set_member (item, "observed_value", json_node_copy (value));
  if (string_member (object, "observedUnit") != NULL)
    json_object_set_string_member (item, "observed_unit", string_member (object, "observedUnit"));
  if (string_member (object, "componentType") != NULL)
    json_object_set_string_member (item, "type", string_member (object, "componentType"));

  json_array_add_object_element (components, item);
}

/* draft-inadarei: "checks": { "db:responseTime": [ {…}, … ] } */
static void
read_checks (JsonObject *checks,
             JsonArray  *components)
{
  g_autoptr(GList) names = json_object_get_members (checks);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode  *node = json_object_get_member (checks, l->data);
      JsonArray *nodes;
      guint      n;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        continue;

      nodes = json_node_get_array (node);
      n = json_array_get_length (nodes);
      for (guint i = 0; i < n; i++)
        {
          JsonNode        *element = json_array_get_element (nodes, i);
          JsonObject      *object;
          g_autofree char *name = NULL;
          const char      *id;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          object = json_node_get_object (element);
          id = string_member (object, "componentId");

          /* One node: its check's name; several: name them apart. */
          if (n > 1)
            name = id != NULL ? g_strdup_printf ("%s (%s)", (const char *)l->data, id)
                              : g_strdup_printf ("%s #%u", (const char *)l->data, i + 1);
          else
            name = g_strdup (l->data);
          add_component (components, name, object);
        }
    }
}

/* Actuator: "components": { "db": {…}, "broker": { "components": {…} } } */
static void
read_components (JsonObject *object,
                 const char *prefix,
                 JsonArray  *components,
                 guint       depth)
{
  g_autoptr(GList) names = json_object_get_members (object);

  if (depth > 8)
    return;

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode        *node = json_object_get_member (object, l->data);
      g_autofree char *name = NULL;
      JsonNode        *nested;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      name = prefix != NULL ? g_strdup_printf ("%s.%s", prefix, (const char *)l->data)
                            : g_strdup (l->data);
      add_component (components, name, json_node_get_object (node));

      nested = json_object_get_member (json_node_get_object (node), "components");
      if (nested != NULL && JSON_NODE_HOLDS_OBJECT (nested))
        read_components (json_node_get_object (nested), name, components, depth + 1);
    }
}

static gboolean
is_health_json (const char *content_type)
{
  return content_type != NULL && g_ascii_strncasecmp (content_type, "application/health+json",
                                                      strlen ("application/health+json")) == 0;
}

/**
 * ops_health_document_read:
 * @root: a parsed JSON body
 * @content_type: (nullable): the response's media type
 * @document: (out caller-allocates): what it says; clear it with
 *   ops_health_document_clear()
 *
 * Recognises a health document by its media type, or by a top-level
 * `status` in one of the two vocabularies with `checks` or `components`
 * (or alone).
 *
 * Returns: %TRUE when @root is a health document
 */
gboolean
ops_health_document_read (JsonNode          *root,
                          const char        *content_type,
                          OpsHealthDocument *document)
{
  JsonObject *object;
  const char *raw;
  JsonNode   *checks;
  JsonNode   *components;

  g_return_val_if_fail (document != NULL, FALSE);

  memset (document, 0, sizeof *document);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  object = json_node_get_object (root);
  raw = string_member (object, "status");
  checks = json_object_get_member (object, "checks");
  components = json_object_get_member (object, "components");

  if (is_health_json (content_type))
    document->format = OPS_HEALTH_DOCUMENT_HEALTH_JSON;
  else if (raw == NULL)
    return FALSE;
  else if (components != NULL && JSON_NODE_HOLDS_OBJECT (components))
    document->format = OPS_HEALTH_DOCUMENT_ACTUATOR;
  else if ((checks != NULL && JSON_NODE_HOLDS_OBJECT (checks)) || word_in (raw, draft_words))
    document->format = OPS_HEALTH_DOCUMENT_HEALTH_JSON;
  else if (word_in (raw, actuator_words))
    document->format = OPS_HEALTH_DOCUMENT_ACTUATOR;
  else
    return FALSE;

  document->raw_status = g_strdup (raw);
  document->status = map_status (raw);
  document->output = g_strdup (string_member (object, "output"));
  document->components = json_array_new ();

  if (checks != NULL && JSON_NODE_HOLDS_OBJECT (checks))
    read_checks (json_node_get_object (checks), document->components);
  if (components != NULL && JSON_NODE_HOLDS_OBJECT (components))
    read_components (json_node_get_object (components), NULL, document->components, 0);

  return TRUE;
}

void
ops_health_document_clear (OpsHealthDocument *document)
{
  g_clear_pointer (&document->raw_status, g_free);
  g_clear_pointer (&document->output, g_free);
  g_clear_pointer (&document->components, json_array_unref);
}

const char *
ops_health_document_format_name (OpsHealthDocumentFormat format)
{
  switch (format)
    {
    case OPS_HEALTH_DOCUMENT_HEALTH_JSON:
      return "health+json";
    case OPS_HEALTH_DOCUMENT_ACTUATOR:
      return "actuator";
    case OPS_HEALTH_DOCUMENT_NONE:
    default:
      return NULL;
    }
}
