/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-event"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ops-event.h"

/**
 * OpsEvent:
 *
 * Something that happened and that someone may want to hear about: a check
 * went down, an alert fired, a backup failed. Every feature publishes
 * events on the #OpsEventBus; notifiers subscribe to them.
 *
 * An event is built, then published; once published it is sealed and its
 * fields can no longer change, so that it can cross threads safely.
 */
struct _OpsEvent
{
  GObject parent_instance;

  /* Owned */
  char       *kind;
  char       *source;
  char       *service;
  GHashTable *fields; /* name → GVariant */

  OpsSeverity severity;
  gint64      timestamp;
  gboolean    sealed;
};

G_DEFINE_FINAL_TYPE (OpsEvent, ops_event, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (OpsSeverity, ops_severity,
                    G_DEFINE_ENUM_VALUE (OPS_SEVERITY_INFO, "info"),
                    G_DEFINE_ENUM_VALUE (OPS_SEVERITY_WARNING, "warning"),
                    G_DEFINE_ENUM_VALUE (OPS_SEVERITY_CRITICAL, "critical"))

enum
{
  PROP_0,
  PROP_KIND,
  PROP_SEVERITY,
  PROP_SOURCE,
  PROP_SERVICE,
  PROP_TIMESTAMP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ops_event_finalize (GObject *object)
{
  OpsEvent *self = OPS_EVENT (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->service, g_free);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (ops_event_parent_class)->finalize (object);
}

static void
ops_event_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OpsEvent *self = OPS_EVENT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_SERVICE:
      g_value_set_string (value, self->service);
      break;
    case PROP_TIMESTAMP:
      g_value_set_int64 (value, self->timestamp);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_event_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  OpsEvent *self = OPS_EVENT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;
    case PROP_SEVERITY:
      self->severity = g_value_get_enum (value);
      break;
    case PROP_SOURCE:
      self->source = g_value_dup_string (value);
      break;
    case PROP_SERVICE:
      self->service = g_value_dup_string (value);
      break;
    case PROP_TIMESTAMP:
      ops_event_set_timestamp (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_event_class_init (OpsEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ops_event_finalize;
  object_class->get_property = ops_event_get_property;
  object_class->set_property = ops_event_set_property;

  properties[PROP_KIND] =
      g_param_spec_string ("kind", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
      g_param_spec_enum ("severity", NULL, NULL, OPS_TYPE_SEVERITY, OPS_SEVERITY_INFO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
      g_param_spec_string ("source", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE] =
      g_param_spec_string ("service", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMESTAMP] =
      g_param_spec_int64 ("timestamp", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ops_event_init (OpsEvent *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_variant_unref);
  self->timestamp = g_get_real_time ();
}

const char *
ops_severity_to_string (OpsSeverity severity)
{
  switch (severity)
    {
    case OPS_SEVERITY_INFO:
      return "info";
    case OPS_SEVERITY_WARNING:
      return "warning";
    case OPS_SEVERITY_CRITICAL:
      return "critical";
    default:
      g_return_val_if_reached ("info");
    }
}

gboolean
ops_severity_from_string (const char  *text,
                          OpsSeverity *severity)
{
  static const OpsSeverity all[] = { OPS_SEVERITY_INFO, OPS_SEVERITY_WARNING, OPS_SEVERITY_CRITICAL };

  g_return_val_if_fail (severity != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (g_ascii_strcasecmp (text, ops_severity_to_string (all[i])) == 0)
      {
        *severity = all[i];
        return TRUE;
      }

  return FALSE;
}

/**
 * ops_event_new:
 * @kind: a dotted kind such as `health.down`
 * @severity: how bad it is
 * @source: (nullable): the feature that publishes it, such as `health`
 * @service: (nullable): the service it is about
 *
 * Returns: (transfer full): a new event stamped with the current time
 */
OpsEvent *
ops_event_new (const char *kind,
               OpsSeverity severity,
               const char *source,
               const char *service)
{
  g_return_val_if_fail (kind != NULL && kind[0] != '\0', NULL);

  return g_object_new (OPS_TYPE_EVENT,
                       "kind", kind,
                       "severity", severity,
                       "source", source,
                       "service", service,
                       NULL);
}

const char *
ops_event_get_kind (OpsEvent *self)
{
  g_return_val_if_fail (OPS_IS_EVENT (self), NULL);

  return self->kind;
}

OpsSeverity
ops_event_get_severity (OpsEvent *self)
{
  g_return_val_if_fail (OPS_IS_EVENT (self), OPS_SEVERITY_INFO);

  return self->severity;
}

const char *
ops_event_get_source (OpsEvent *self)
{
  g_return_val_if_fail (OPS_IS_EVENT (self), NULL);

  return self->source;
}

const char *
ops_event_get_service (OpsEvent *self)
{
  g_return_val_if_fail (OPS_IS_EVENT (self), NULL);

  return self->service;
}

/**
 * ops_event_get_timestamp:
 * @self: a #OpsEvent
 *
 * Returns: when it happened, in microseconds since the Unix epoch
 */
gint64
ops_event_get_timestamp (OpsEvent *self)
{
  g_return_val_if_fail (OPS_IS_EVENT (self), 0);

  return self->timestamp;
}

void
ops_event_set_timestamp (OpsEvent *self,
                         gint64    timestamp_usec)
{
  g_return_if_fail (OPS_IS_EVENT (self));
  g_return_if_fail (!self->sealed);

  if (self->timestamp == timestamp_usec)
    return;

  self->timestamp = timestamp_usec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMESTAMP]);
}

/**
 * ops_event_matches_prefix:
 * @self: a #OpsEvent
 * @prefix: (nullable): a kind prefix
 *
 * A prefix matches whole dotted segments: `health` and `health.` match
 * `health.down`, `healthy` does not; an empty or %NULL prefix matches all.
 *
 * Returns: whether the event's kind starts with @prefix
 */
gboolean
ops_event_matches_prefix (OpsEvent   *self,
                          const char *prefix)
{
  gsize len;

  g_return_val_if_fail (OPS_IS_EVENT (self), FALSE);

  if (prefix == NULL || prefix[0] == '\0')
    return TRUE;

  len = strlen (prefix);
  if (strncmp (self->kind, prefix, len) != 0)
    return FALSE;

  return self->kind[len] == '\0' || self->kind[len] == '.' || prefix[len - 1] == '.';
}

/**
 * ops_event_set_field:
 * @self: a #OpsEvent that has not been published yet
 * @name: the field's name
 * @value: (transfer floating): its value
 */
void
ops_event_set_field (OpsEvent   *self,
                     const char *name,
                     GVariant   *value)
{
  g_return_if_fail (OPS_IS_EVENT (self));
  g_return_if_fail (!self->sealed);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  g_hash_table_insert (self->fields, g_strdup (name), g_variant_ref_sink (value));
}

void
ops_event_set_field_string (OpsEvent   *self,
                            const char *name,
                            const char *value)
{
  ops_event_set_field (self, name, g_variant_new_string (value != NULL ? value : ""));
}

void
ops_event_set_field_int (OpsEvent   *self,
                         const char *name,
                         gint64      value)
{
  ops_event_set_field (self, name, g_variant_new_int64 (value));
}

void
ops_event_set_field_double (OpsEvent   *self,
                            const char *name,
                            double      value)
{
  ops_event_set_field (self, name, g_variant_new_double (value));
}

/**
 * ops_event_get_field:
 * @self: a #OpsEvent
 * @name: the field's name
 *
 * Returns: (transfer none) (nullable): the value, or %NULL
 */
GVariant *
ops_event_get_field (OpsEvent   *self,
                     const char *name)
{
  g_return_val_if_fail (OPS_IS_EVENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->fields, name);
}

/**
 * ops_event_get_field_string:
 * @self: a #OpsEvent
 * @name: the field's name
 *
 * Returns: (transfer none) (nullable): the value when it is a string
 */
const char *
ops_event_get_field_string (OpsEvent   *self,
                            const char *name)
{
  GVariant *value = ops_event_get_field (self, name);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return NULL;

  return g_variant_get_string (value, NULL);
}

static int
compare_strv_items (gconstpointer a,
                    gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

/**
 * ops_event_list_fields:
 * @self: a #OpsEvent
 *
 * Returns: (transfer full): the field names, sorted
 */
GStrv
ops_event_list_fields (OpsEvent *self)
{
  GStrv names;

  g_return_val_if_fail (OPS_IS_EVENT (self), NULL);

  names = (GStrv)g_hash_table_get_keys_as_array (self->fields, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    names[i] = g_strdup (names[i]);
  qsort (names, g_strv_length (names), sizeof (char *), compare_strv_items);

  return names;
}

/**
 * ops_event_dup_fields:
 * @self: a #OpsEvent
 *
 * Returns: (transfer full): the fields as an `a{sv}` dictionary
 */
GVariant *
ops_event_dup_fields (OpsEvent *self)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autofree const char **names = NULL;
  guint                   n_names;

  g_return_val_if_fail (OPS_IS_EVENT (self), NULL);

  names = (const char **)g_hash_table_get_keys_as_array (self->fields, &n_names);
  qsort (names, n_names, sizeof (char *), compare_strv_items);

  for (guint i = 0; i < n_names; i++)
    g_variant_builder_add (&builder, "{sv}", names[i], g_hash_table_lookup (self->fields, names[i]));

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * ops_event_to_json:
 * @self: a #OpsEvent
 *
 * Returns: (transfer full): the event as a JSON object, with an RFC 3339
 *   `time`, for templates and logs
 */
JsonNode *
ops_event_to_json (OpsEvent *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GVariant) fields = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (OPS_IS_EVENT (self), NULL);

  time = g_date_time_new_from_unix_utc (self->timestamp / G_USEC_PER_SEC);
  iso = g_date_time_format_iso8601 (time);
  fields = ops_event_dup_fields (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, self->kind);
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, ops_severity_to_string (self->severity));
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, self->source);
  json_builder_set_member_name (builder, "service");
  json_builder_add_string_value (builder, self->service);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, iso);
  json_builder_set_member_name (builder, "fields");
  json_builder_add_value (builder, json_gvariant_serialize (fields));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Called by the bus when the event is published. */
void
_ops_event_seal (OpsEvent *self)
{
  g_return_if_fail (OPS_IS_EVENT (self));

  self->sealed = TRUE;
}
