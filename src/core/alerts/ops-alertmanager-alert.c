/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alertmanager"

#include "config.h"

#include "ops-alert-types.h"
#include "ops-alertmanager-alert.h"

/**
 * OpsAlertmanagerAlert:
 *
 * One alert of an Alertmanager, as its API describes it: labels,
 * annotations, when it started, its state, and the silences that hold it.
 */
struct _OpsAlertmanagerAlert
{
  GObject parent_instance;

  /* Owned */
  char       *fingerprint;
  char       *state;
  JsonObject *labels;
  JsonObject *annotations;
  GStrv       silenced_by;
  char       *generator_url;

  gint64 starts_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (OpsAlertmanagerAlert, ops_alertmanager_alert, G_TYPE_OBJECT)

static void
ops_alertmanager_alert_finalize (GObject *object)
{
  OpsAlertmanagerAlert *self = OPS_ALERTMANAGER_ALERT (object);

  g_clear_pointer (&self->fingerprint, g_free);
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->labels, json_object_unref);
  g_clear_pointer (&self->annotations, json_object_unref);
  g_clear_pointer (&self->silenced_by, g_strfreev);
  g_clear_pointer (&self->generator_url, g_free);

  G_OBJECT_CLASS (ops_alertmanager_alert_parent_class)->finalize (object);
}

static void
ops_alertmanager_alert_class_init (OpsAlertmanagerAlertClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ops_alertmanager_alert_finalize;
}

static void
ops_alertmanager_alert_init (OpsAlertmanagerAlert *self)
{
}

static gint64
parse_time (const char *text)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL)
    return 0;

  time = g_date_time_new_from_iso8601 (text, NULL);
  return time != NULL ? g_date_time_to_unix (time) * G_USEC_PER_SEC +
                            g_date_time_get_microsecond (time)
                      : 0;
}

static JsonObject *
object_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * ops_alertmanager_alert_new_from_json:
 * @node: one element of `GET /api/v2/alerts`
 *
 * Returns: (transfer full) (nullable): the alert; %NULL when @node is not
 * is not shaped like one. */
OpsAlertmanagerAlert *
ops_alertmanager_alert_new_from_json (JsonNode *node)
{
  OpsAlertmanagerAlert *self;
  JsonObject           *object;
  JsonObject           *labels;
  JsonObject           *annotations;
  JsonObject           *status;
  g_autoptr(GStrvBuilder) silenced = g_strv_builder_new ();

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  labels = object_member (object, "labels");
  if (labels == NULL || ops_alert_json_get_string (object, "fingerprint") == NULL)
    return NULL;

  annotations = object_member (object, "annotations");
  status = object_member (object, "status");

  self = g_object_new (OPS_TYPE_ALERTMANAGER_ALERT, NULL);
  self->fingerprint = g_strdup (ops_alert_json_get_string (object, "fingerprint"));
  self->labels = json_object_ref (labels);
  self->annotations = annotations != NULL ? json_object_ref (annotations) : json_object_new ();
  self->state = g_strdup (status != NULL && ops_alert_json_get_string (status, "state") != NULL
                              ? ops_alert_json_get_string (status, "state")
                              : "unprocessed");
  self->starts_at = parse_time (ops_alert_json_get_string (object, "startsAt"));
  self->updated_at = parse_time (ops_alert_json_get_string (object, "updatedAt"));
  self->generator_url = g_strdup (ops_alert_json_get_string (object, "generatorURL"));

  if (status != NULL && json_object_has_member (status, "silencedBy") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (status, "silencedBy")))
    {
      JsonArray *array = json_object_get_array_member (status, "silencedBy");

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *id = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
            g_strv_builder_add (silenced, json_node_get_string (id));
        }
    }
  self->silenced_by = g_strv_builder_end (silenced);

  return self;
}

const char *
ops_alertmanager_alert_get_fingerprint (OpsAlertmanagerAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERTMANAGER_ALERT (self), NULL);

  return self->fingerprint;
}

/* The `alertname` label. */
const char *
ops_alertmanager_alert_get_name (OpsAlertmanagerAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERTMANAGER_ALERT (self), NULL);

  return ops_alert_json_get_string (self->labels, "alertname");
}

const char *
ops_alertmanager_alert_get_label (OpsAlertmanagerAlert *self,
                                  const char           *name)
{
  g_return_val_if_fail (OPS_IS_ALERTMANAGER_ALERT (self), NULL);

  return ops_alert_json_get_string (self->labels, name);
}

JsonObject *
ops_alertmanager_alert_get_labels (OpsAlertmanagerAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERTMANAGER_ALERT (self), NULL);

  return self->labels;
}

const char *
ops_alertmanager_alert_get_annotation (OpsAlertmanagerAlert *self,
                                       const char           *name)
{
  g_return_val_if_fail (OPS_IS_ALERTMANAGER_ALERT (self), NULL);

  return ops_alert_json_get_string (self->annotations, name);
}

/* `active`, `suppressed` (silenced or inhibited) or `unprocessed`. */
const char *
ops_alertmanager_alert_get_state (OpsAlertmanagerAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERTMANAGER_ALERT (self), NULL);

  return self->state;
}

/* The `severity` label, as Prometheus rules usually set it. */
const char *
ops_alertmanager_alert_get_severity (OpsAlertmanagerAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERTMANAGER_ALERT (self), NULL);

  return ops_alert_json_get_string (self->labels, "severity");
}

gint64
ops_alertmanager_alert_get_starts_at (OpsAlertmanagerAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERTMANAGER_ALERT (self), 0);

  return self->starts_at;
}

const char *const *
ops_alertmanager_alert_get_silenced_by (OpsAlertmanagerAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERTMANAGER_ALERT (self), NULL);

  return (const char *const *)self->silenced_by;
}

void
ops_alertmanager_alert_to_json (OpsAlertmanagerAlert *self,
                                JsonBuilder          *builder)
{
  g_autoptr(JsonNode) labels = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) annotations = json_node_new (JSON_NODE_OBJECT);

  g_return_if_fail (OPS_IS_ALERTMANAGER_ALERT (self));

  json_node_set_object (labels, self->labels);
  json_node_set_object (annotations, self->annotations);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fingerprint");
  json_builder_add_string_value (builder, self->fingerprint);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, self->state);
  json_builder_set_member_name (builder, "labels");
  json_builder_add_value (builder, json_node_copy (labels));
  json_builder_set_member_name (builder, "annotations");
  json_builder_add_value (builder, json_node_copy (annotations));
  if (self->starts_at != 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (self->starts_at / G_USEC_PER_SEC);
      g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");

      json_builder_set_member_name (builder, "starts_at");
      json_builder_add_string_value (builder, text);
    }
  json_builder_set_member_name (builder, "silenced_by");
  json_builder_begin_array (builder);
  for (guint i = 0; self->silenced_by[i] != NULL; i++)
    json_builder_add_string_value (builder, self->silenced_by[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}
