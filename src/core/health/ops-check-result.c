/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-check-result"

#include "config.h"

#include "ops-check-result.h"

/**
 * OpsCheckResult:
 *
 * What one probe of a check found: when, the status, how long each phase
 * took, the error in words, and what the kind of check reports besides
 * (`details`): the components of a health document, a host's metrics and
 * health score, a database's role and lag, a Redis server's memory.
 *
 * A probe fills it in; once handed out it does not change, so it can be
 * read from the history writer's thread.
 */
struct _OpsCheckResult
{
  GObject parent_instance;

  /* Owned */
  char       *error;
  char       *summary;
  JsonObject *details;

  gint64          check_id;
  gint64          time;
  OpsHealthStatus status;
  OpsProbeTiming  timing;
};

G_DEFINE_FINAL_TYPE (OpsCheckResult, ops_check_result, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CHECK_ID,
  PROP_TIME,
  PROP_STATUS,
  PROP_LATENCY_MS,
  PROP_ERROR,
  PROP_SUMMARY,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ops_check_result_finalize (GObject *object)
{
  OpsCheckResult *self = OPS_CHECK_RESULT (object);

  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->details, json_object_unref);

  G_OBJECT_CLASS (ops_check_result_parent_class)->finalize (object);
}

static void
ops_check_result_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OpsCheckResult *self = OPS_CHECK_RESULT (object);

  switch (prop_id)
    {
    case PROP_CHECK_ID:
      g_value_set_int64 (value, self->check_id);
      break;
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_LATENCY_MS:
      g_value_set_double (value, ops_check_result_get_latency_ms (self));
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_DETAILS:
      g_value_set_boxed (value, self->details);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_check_result_class_init (OpsCheckResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ops_check_result_finalize;
  object_class->get_property = ops_check_result_get_property;

  properties[PROP_CHECK_ID] =
      g_param_spec_int64 ("check-id", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME] =
      g_param_spec_int64 ("time", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
      g_param_spec_enum ("status", NULL, NULL, OPS_TYPE_HEALTH_STATUS, OPS_HEALTH_STATUS_UNKNOWN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LATENCY_MS] =
      g_param_spec_double ("latency-ms", NULL, NULL, -1, G_MAXDOUBLE, -1,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
      g_param_spec_string ("error", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
      g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAILS] =
      g_param_spec_boxed ("details", NULL, NULL, JSON_TYPE_OBJECT,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ops_check_result_init (OpsCheckResult *self)
{
  OpsProbeTiming unset = OPS_PROBE_TIMING_INIT;

  self->timing = unset;
  self->details = json_object_new ();
}

/**
 * ops_check_result_new:
 * @check_id: the check, or 0 for one that is not saved
 * @time_usec: when the probe started, in microseconds since 1970
 *
 * Returns: (transfer full): an empty result with an unknown status
 */
OpsCheckResult *
ops_check_result_new (gint64 check_id,
                      gint64 time_usec)
{
  OpsCheckResult *self = g_object_new (OPS_TYPE_CHECK_RESULT, NULL);

  self->check_id = check_id;
  self->time = time_usec;

  return self;
}

gint64
ops_check_result_get_check_id (OpsCheckResult *self)
{
  g_return_val_if_fail (OPS_IS_CHECK_RESULT (self), 0);

  return self->check_id;
}

gint64
ops_check_result_get_time (OpsCheckResult *self)
{
  g_return_val_if_fail (OPS_IS_CHECK_RESULT (self), 0);

  return self->time;
}

OpsHealthStatus
ops_check_result_get_status (OpsCheckResult *self)
{
  g_return_val_if_fail (OPS_IS_CHECK_RESULT (self), OPS_HEALTH_STATUS_UNKNOWN);

  return self->status;
}

/* The whole probe in milliseconds, or -1 when it was not timed. */
double
ops_check_result_get_latency_ms (OpsCheckResult *self)
{
  g_return_val_if_fail (OPS_IS_CHECK_RESULT (self), -1);

  return self->timing.total_us >= 0 ? self->timing.total_us / 1000.0 : -1;
}

const OpsProbeTiming *
ops_check_result_get_timing (OpsCheckResult *self)
{
  g_return_val_if_fail (OPS_IS_CHECK_RESULT (self), NULL);

  return &self->timing;
}

const char *
ops_check_result_get_error (OpsCheckResult *self)
{
  g_return_val_if_fail (OPS_IS_CHECK_RESULT (self), NULL);

  return self->error;
}

/* One line for a card, such as “HTTP 200” or “primary, PostgreSQL 15.4”. */
const char *
ops_check_result_get_summary (OpsCheckResult *self)
{
  g_return_val_if_fail (OPS_IS_CHECK_RESULT (self), NULL);

  return self->summary;
}

/**
 * ops_check_result_get_details:
 * @self: a result
 *
 * Returns: (transfer none): what the kind of check reports besides the
 *   status, such as `role`, `replication_lag_seconds`, `health_score`,
 *   `cpu_percent` or `components`
 */
JsonObject *
ops_check_result_get_details (OpsCheckResult *self)
{
  g_return_val_if_fail (OPS_IS_CHECK_RESULT (self), NULL);

  return self->details;
}

gboolean
ops_check_result_get_detail_double (OpsCheckResult *self,
                                    const char     *key,
                                    double         *value)
{
  JsonNode *node;
  GType     type;

  g_return_val_if_fail (OPS_IS_CHECK_RESULT (self), FALSE);

  node = json_object_get_member (self->details, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return FALSE;

  if (value != NULL)
    *value = json_node_get_double (node);
  return TRUE;
}

const char *
ops_check_result_get_detail_string (OpsCheckResult *self,
                                    const char     *key)
{
  JsonNode *node;

  g_return_val_if_fail (OPS_IS_CHECK_RESULT (self), NULL);

  node = json_object_get_member (self->details, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * ops_check_result_get_components:
 * @self: a result
 *
 * The components of a health document (health+json `checks`, Actuator
 * `components`), each `{"name", "status", "raw_status", "output"?}`.
 *
 * Returns: (transfer none) (nullable): the components, or %NULL
 */
JsonArray *
ops_check_result_get_components (OpsCheckResult *self)
{
  JsonNode *node;

  g_return_val_if_fail (OPS_IS_CHECK_RESULT (self), NULL);

  node = json_object_get_member (self->details, "components");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static void
add_timing (JsonObject *object,
            const char *name,
            gint64      usec)
{
  if (usec >= 0)
    json_object_set_double_member (object, name, usec / 1000.0);
}

/**
 * ops_check_result_to_json:
 * @self: a result
 *
 * Returns: (transfer full): the result as JSON, for `check run --json`
 */
JsonNode *
ops_check_result_to_json (OpsCheckResult *self)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *iso = NULL;
  JsonObject      *object = json_object_new ();
  JsonObject      *timing = json_object_new ();
  JsonNode        *node;

  g_return_val_if_fail (OPS_IS_CHECK_RESULT (self), NULL);

  time = g_date_time_new_from_unix_utc (self->time / G_USEC_PER_SEC);
  iso = g_date_time_format_iso8601 (time);

  json_object_set_string_member (object, "time", iso);
  json_object_set_string_member (object, "status", ops_health_status_to_string (self->status));
  if (self->timing.total_us >= 0)
    json_object_set_double_member (object, "latency_ms", self->timing.total_us / 1000.0);
  if (self->error != NULL)
    json_object_set_string_member (object, "error", self->error);
  if (self->summary != NULL)
    json_object_set_string_member (object, "summary", self->summary);

  add_timing (timing, "dns_ms", self->timing.dns_us);
  add_timing (timing, "connect_ms", self->timing.connect_us);
  add_timing (timing, "tls_ms", self->timing.tls_us);
  add_timing (timing, "first_byte_ms", self->timing.first_byte_us);
  add_timing (timing, "download_ms", self->timing.download_us);
  add_timing (timing, "total_ms", self->timing.total_us);
  json_object_set_object_member (object, "timing", timing);
  json_object_set_object_member (object, "details", json_object_ref (self->details));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

/* Copies what the probe found (status, error, summary, timing, details)
 * into @into, which keeps its check and time. */
void
ops_check_result_copy_outcome (OpsCheckResult *self,
                               OpsCheckResult *into)
{
  g_return_if_fail (OPS_IS_CHECK_RESULT (self));
  g_return_if_fail (OPS_IS_CHECK_RESULT (into));

  into->status = self->status;
  into->timing = self->timing;
  ops_check_result_set_error (into, self->error);
  ops_check_result_set_summary (into, self->summary);
  g_clear_pointer (&into->details, json_object_unref);
  into->details = json_object_ref (self->details);
}

void
ops_check_result_set_status (OpsCheckResult *self,
                             OpsHealthStatus status)
{
  g_return_if_fail (OPS_IS_CHECK_RESULT (self));

  self->status = status;
}

void
ops_check_result_set_error (OpsCheckResult *self,
                            const char     *error)
{
  g_return_if_fail (OPS_IS_CHECK_RESULT (self));

  g_free (self->error);
  self->error = g_strdup (error);
}

/**
 * ops_check_result_fail:
 * @self: a result
 * @status: %OPS_HEALTH_STATUS_DOWN or %OPS_HEALTH_STATUS_DEGRADED
 * @format: the error, in words
 *
 * Sets the status and the error. A result keeps the first error set: the
 * first thing that went wrong is the one to show.
 */
void
ops_check_result_fail (OpsCheckResult *self,
                       OpsHealthStatus status,
                       const char     *format,
                       ...)
{
  va_list args;

  g_return_if_fail (OPS_IS_CHECK_RESULT (self));

  if (status > self->status)
    self->status = status;

  if (self->error != NULL)
    return;

  va_start (args, format);
  self->error = g_strdup_vprintf (format, args);
  va_end (args);
}

void
ops_check_result_set_summary (OpsCheckResult *self,
                              const char     *summary)
{
  g_return_if_fail (OPS_IS_CHECK_RESULT (self));

  g_free (self->summary);
  self->summary = g_strdup (summary);
}

void
ops_check_result_set_timing (OpsCheckResult       *self,
                             const OpsProbeTiming *timing)
{
  g_return_if_fail (OPS_IS_CHECK_RESULT (self));
  g_return_if_fail (timing != NULL);

  self->timing = *timing;
}

void
ops_check_result_set_total_us (OpsCheckResult *self,
                               gint64          total_us)
{
  g_return_if_fail (OPS_IS_CHECK_RESULT (self));

  self->timing.total_us = total_us;
}

void
ops_check_result_set_time (OpsCheckResult *self,
                           gint64          time_usec)
{
  g_return_if_fail (OPS_IS_CHECK_RESULT (self));

  self->time = time_usec;
}

void
ops_check_result_set_detail (OpsCheckResult *self,
                             const char     *key,
                             JsonNode       *value)
{
  g_return_if_fail (OPS_IS_CHECK_RESULT (self));

  json_object_set_member (self->details, key, value);
}

void
ops_check_result_set_detail_string (OpsCheckResult *self,
                                    const char     *key,
                                    const char     *value)
{
  g_return_if_fail (OPS_IS_CHECK_RESULT (self));

  if (value != NULL)
    json_object_set_string_member (self->details, key, value);
}

void
ops_check_result_set_detail_double (OpsCheckResult *self,
                                    const char     *key,
                                    double          value)
{
  g_return_if_fail (OPS_IS_CHECK_RESULT (self));

  json_object_set_double_member (self->details, key, value);
}

void
ops_check_result_set_detail_int (OpsCheckResult *self,
                                 const char     *key,
                                 gint64          value)
{
  g_return_if_fail (OPS_IS_CHECK_RESULT (self));

  json_object_set_int_member (self->details, key, value);
}

void
ops_check_result_set_detail_boolean (OpsCheckResult *self,
                                     const char     *key,
                                     gboolean        value)
{
  g_return_if_fail (OPS_IS_CHECK_RESULT (self));

  json_object_set_boolean_member (self->details, key, value);
}
