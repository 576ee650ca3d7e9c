/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-loadtest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ops-load-error.h"
#include "ops-load-scenario.h"

/* A scenario as JSON: stored, exported, and printed by `--json`. */

static const char *
mode_to_string (OpsLoadMode mode)
{
  return mode == OPS_LOAD_MODE_CONSTANT_RATE ? "constant-rate" : "max-throughput";
}

/**
 * ops_load_scenario_to_json:
 * @self: a scenario
 * @mask_secrets: replace the values of credential headers with stars
 *
 * Returns: (transfer full): the scenario as stored, exported and printed
 */
JsonNode *
ops_load_scenario_to_json (const OpsLoadScenario *self,
                           gboolean               mask_secrets)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  if (self->name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, self->name);
    }
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, self->url);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, self->method);
  json_builder_set_member_name (builder, "headers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->headers->len; i++)
    {
      g_autofree char *header = mask_secrets ? ops_load_header_masked (self->headers->pdata[i])
                                             : g_strdup (self->headers->pdata[i]);

      json_builder_add_string_value (builder, header);
    }
  json_builder_end_array (builder);

  if (self->body != NULL)
    {
      gsize       size;
      const char *data = g_bytes_get_data (self->body, &size);

      if (g_utf8_validate_len (data, size, NULL) && memchr (data, '\0', size) == NULL)
        {
          g_autofree char *text = g_strndup (data, size);

          json_builder_set_member_name (builder, "body");
          json_builder_add_string_value (builder, text);
        }
      else
        {
          g_autofree char *encoded = g_base64_encode ((const guchar *)data, size);

          json_builder_set_member_name (builder, "body_base64");
          json_builder_add_string_value (builder, encoded);
        }
    }

  json_builder_set_member_name (builder, "connections");
  json_builder_add_int_value (builder, self->connections);
  json_builder_set_member_name (builder, "threads");
  json_builder_add_int_value (builder, self->threads);
  json_builder_set_member_name (builder, "duration_s");
  json_builder_add_double_value (builder, self->duration_usec / 1e6);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, mode_to_string (self->mode));
  json_builder_set_member_name (builder, "rate");
  json_builder_add_double_value (builder, self->rate);
  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->stages->len; i++)
    {
      const OpsLoadStage *stage = &g_array_index (self->stages, OpsLoadStage, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "duration_s");
      json_builder_add_double_value (builder, stage->duration_usec / 1e6);
      json_builder_set_member_name (builder, "target");
      json_builder_add_double_value (builder, stage->target);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "timeout_s");
  json_builder_add_double_value (builder, self->timeout_usec / 1e6);
  json_builder_set_member_name (builder, "thresholds");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->thresholds->len; i++)
    json_builder_add_string_value (builder, ((OpsLoadThreshold *)self->thresholds->pdata[i])->expression);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "abort_on_fail");
  json_builder_add_boolean_value (builder, self->abort_on_fail);
  json_builder_set_member_name (builder, "insecure");
  json_builder_add_boolean_value (builder, self->insecure);
  if (self->ca_file != NULL)
    {
      json_builder_set_member_name (builder, "ca_file");
      json_builder_add_string_value (builder, self->ca_file);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Typed member access with errors that name the member. */
static gboolean
member_type_error (GError    **error,
                   const char *member,
                   const char *expected)
{
  g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
               _("The scenario’s “%s” must be %s."), member, expected);
  return FALSE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return member_type_error (error, member, _("a string"));

  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_number (JsonObject *object,
            const char *member,
            double     *value,
            GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType     type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return member_type_error (error, member, _("a number"));

  *value = json_node_get_double (node);
  if (!isfinite (*value) || *value < 0)
    return member_type_error (error, member, _("a number of 0 or more"));
  return TRUE;
}

static gboolean
get_boolean (JsonObject *object,
             const char *member,
             gboolean   *value,
             GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return member_type_error (error, member, _("true or false"));

  *value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_string_array (JsonObject *object,
                  const char *member,
                  JsonArray **array,
                  GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *array = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return member_type_error (error, member, _("a list of strings"));

  *array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (*array); i++)
    {
      JsonNode *element = json_array_get_element (*array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return member_type_error (error, member, _("a list of strings"));
    }

  return TRUE;
}

static gboolean
seconds_to_usec (double      seconds,
                 const char *member,
                 gint64     *usec,
                 GError    **error)
{
  if (seconds > 24 * 3600.0)
    return member_type_error (error, member, _("at most 24 hours, in seconds"));

  *usec = (gint64)llround (seconds * 1e6);
  return TRUE;
}

/**
 * ops_load_scenario_from_json:
 * @node: what ops_load_scenario_to_json() wrote
 * @error: return location for an error that names the faulty member
 *
 * Returns: (transfer full) (nullable): a valid scenario
 */
OpsLoadScenario *
ops_load_scenario_from_json (JsonNode *node,
                             GError  **error)
{
  g_autoptr(OpsLoadScenario) self = NULL;
  const char *url = NULL, *name = NULL, *method = NULL, *body = NULL, *body_base64 = NULL;
  const char *mode = NULL, *ca_file = NULL;
  double      connections = OPS_LOAD_DEFAULT_CONNECTIONS, threads = 1;
  double      duration = OPS_LOAD_DEFAULT_DURATION / 1e6, timeout = OPS_LOAD_DEFAULT_TIMEOUT / 1e6;
  double      rate = 0;
  JsonArray  *headers, *thresholds;
  JsonObject *object;
  JsonNode   *stages;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                   _("A scenario must be a JSON object."));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!get_string (object, "url", &url, error) || !get_string (object, "name", &name, error) ||
      !get_string (object, "method", &method, error) || !get_string (object, "body", &body, error) ||
      !get_string (object, "body_base64", &body_base64, error) ||
      !get_string (object, "mode", &mode, error) || !get_string (object, "ca_file", &ca_file, error) ||
      !get_number (object, "connections", &connections, error) ||
      !get_number (object, "threads", &threads, error) ||
      !get_number (object, "duration_s", &duration, error) ||
      !get_number (object, "timeout_s", &timeout, error) ||
      !get_number (object, "rate", &rate, error) ||
      !get_string_array (object, "headers", &headers, error) ||
      !get_string_array (object, "thresholds", &thresholds, error))
    return NULL;

  if (url == NULL)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                   _("A scenario has no “url”."));
      return NULL;
    }

  self = ops_load_scenario_new (url);
  self->name = g_strdup (name);
  if (method != NULL)
    {
      g_free (self->method);
      self->method = g_strdup (method);
    }
  if (connections != floor (connections) || threads != floor (threads) ||
      connections > OPS_LOAD_MAX_CONNECTIONS || threads > OPS_LOAD_MAX_THREADS)
    {
      member_type_error (error, connections != floor (connections) ? "connections" : "threads",
                         _("a whole number in range"));
      return NULL;
    }
  self->connections = (guint)connections;
  self->threads = (guint)threads;
  self->rate = rate;
  if (!seconds_to_usec (duration, "duration_s", &self->duration_usec, error) ||
      !seconds_to_usec (timeout, "timeout_s", &self->timeout_usec, error))
    return NULL;

  if (mode == NULL || g_str_equal (mode, "max-throughput"))
    self->mode = OPS_LOAD_MODE_MAX_THROUGHPUT;
  else if (g_str_equal (mode, "constant-rate"))
    self->mode = OPS_LOAD_MODE_CONSTANT_RATE;
  else
    {
      member_type_error (error, "mode", _("“max-throughput” or “constant-rate”"));
      return NULL;
    }

  if (body != NULL && body_base64 != NULL)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO,
                   _("A scenario has both “body” and “body_base64”; keep one."));
      return NULL;
    }
  if (body != NULL)
    self->body = g_bytes_new (body, strlen (body));
  else if (body_base64 != NULL)
    {
      gsize   size;
      guchar *data = g_base64_decode (body_base64, &size);

      self->body = g_bytes_new_take (data, size);
    }

  for (guint i = 0; headers != NULL && i < json_array_get_length (headers); i++)
    if (!ops_load_scenario_add_header (self, json_array_get_string_element (headers, i), error))
      return NULL;
  for (guint i = 0; thresholds != NULL && i < json_array_get_length (thresholds); i++)
    if (!ops_load_scenario_add_threshold (self, json_array_get_string_element (thresholds, i), error))
      return NULL;

  stages = json_object_get_member (object, "stages");
  if (stages != NULL && !JSON_NODE_HOLDS_NULL (stages))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (stages))
        {
          member_type_error (error, "stages", _("a list of {\"duration_s\", \"target\"} objects"));
          return NULL;
        }
      array = json_node_get_array (stages);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode    *element = json_array_get_element (array, i);
          double       stage_duration = -1, target = -1;
          OpsLoadStage stage;

          if (!JSON_NODE_HOLDS_OBJECT (element) ||
              !get_number (json_node_get_object (element), "duration_s", &stage_duration, NULL) ||
              !get_number (json_node_get_object (element), "target", &target, NULL) ||
              stage_duration < 0 || target < 0)
            {
              member_type_error (error, "stages", _("a list of {\"duration_s\", \"target\"} objects"));
              return NULL;
            }
          if (!seconds_to_usec (stage_duration, "stages", &stage.duration_usec, error))
            return NULL;
          stage.target = target;
          g_array_append_val (self->stages, stage);
        }
    }

  if (!get_boolean (object, "abort_on_fail", &self->abort_on_fail, error) ||
      !get_boolean (object, "insecure", &self->insecure, error))
    return NULL;
  self->ca_file = g_strdup (ca_file);

  if (!ops_load_scenario_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
