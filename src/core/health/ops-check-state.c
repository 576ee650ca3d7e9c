/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-check"

#include "config.h"

#include <string.h>

#include "ops-check-impl.h"
#include "ops-check-private.h"

/* OpsCheck, continued: its secret, the values of its options, and its live
 * state, which the engine updates as results arrive. */

/* Whether a secret for this check is in the keyring. */
gboolean
ops_check_get_has_secret (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), FALSE);

  return self->has_secret;
}

void
_ops_check_set_has_secret (OpsCheck *self,
                           gboolean  has_secret)
{
  _ops_check_set_boolean (self, &self->has_secret, has_secret, OPS_CHECK_PROP_HAS_SECRET);
}

/**
 * ops_check_set_secret:
 * @self: a check
 * @secret: (nullable): the password (PostgreSQL, Redis) or bearer token
 *   (HTTP, Prometheus, WebSocket); %NULL or "" to remove it
 *
 * Keeps the secret in memory until the check is saved, which moves it to
 * the keyring; a check tested without saving uses it as it is. It is never
 * a property, never written to the database, and never exported.
 */
void
ops_check_set_secret (OpsCheck   *self,
                      const char *secret)
{
  g_return_if_fail (OPS_IS_CHECK (self));

  if (self->pending_secret != NULL)
    {
      memset (self->pending_secret, 0, strlen (self->pending_secret));
      g_free (self->pending_secret);
    }
  self->pending_secret = g_strdup (secret != NULL ? secret : "");
}

/* NULL: no change pending; "": remove the secret. */
const char *
_ops_check_get_pending_secret (OpsCheck *self)
{
  return self->pending_secret;
}

void
_ops_check_clear_pending_secret (OpsCheck *self)
{
  if (self->pending_secret != NULL)
    memset (self->pending_secret, 0, strlen (self->pending_secret));
  g_clear_pointer (&self->pending_secret, g_free);
}

/**
 * ops_check_dup_secret_key:
 * @self: a saved check
 *
 * Returns: (transfer full): the key of its secret in the keyring
 */
char *
ops_check_dup_secret_key (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), NULL);
  g_return_val_if_fail (self->id > 0, NULL);

  return g_strdup_printf ("health.check.%" G_GINT64_FORMAT, self->id);
}

/* TLS verification turned off: allowed, but the UI shows a warning. */
gboolean
ops_check_get_tls_verification_disabled (OpsCheck *self)
{
  const OpsCheckOptionSpec *spec = ops_check_option_lookup ("verify_tls");

  g_return_val_if_fail (OPS_IS_CHECK (self), FALSE);

  return ops_check_option_applies (spec, self->kind) &&
         !ops_check_get_option_boolean (self, "verify_tls");
}

static JsonNode *
get_option_node (OpsCheck                  *self,
                 const char                *key,
                 const OpsCheckOptionSpec **spec_out)
{
  const OpsCheckOptionSpec *spec = ops_check_option_lookup (key);

  g_return_val_if_fail (spec != NULL, NULL);
  *spec_out = spec;

  return json_object_get_member (self->options, key);
}

/* The option's value, or its default; NULL for unset text. */
const char *
ops_check_get_option_string (OpsCheck   *self,
                             const char *key)
{
  const OpsCheckOptionSpec *spec = NULL;
  JsonNode                 *node;

  g_return_val_if_fail (OPS_IS_CHECK (self), NULL);

  node = get_option_node (self, key, &spec);
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return spec != NULL ? spec->default_value : NULL;
}

gint64
ops_check_get_option_int (OpsCheck   *self,
                          const char *key)
{
  return (gint64)ops_check_get_option_double (self, key);
}

double
ops_check_get_option_double (OpsCheck   *self,
                             const char *key)
{
  const OpsCheckOptionSpec *spec = NULL;
  JsonNode                 *node;

  g_return_val_if_fail (OPS_IS_CHECK (self), 0);

  node = get_option_node (self, key, &spec);
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      (json_node_get_value_type (node) == G_TYPE_INT64 ||
       json_node_get_value_type (node) == G_TYPE_DOUBLE))
    return json_node_get_double (node);

  return spec != NULL && spec->default_value != NULL ? g_ascii_strtod (spec->default_value, NULL)
                                                     : 0;
}

gboolean
ops_check_get_option_boolean (OpsCheck   *self,
                              const char *key)
{
  const OpsCheckOptionSpec *spec = NULL;
  JsonNode                 *node;

  g_return_val_if_fail (OPS_IS_CHECK (self), FALSE);

  node = get_option_node (self, key, &spec);
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);

  return spec != NULL && g_strcmp0 (spec->default_value, "true") == 0;
}

/* A list option; an empty list when unset. */
GStrv
ops_check_dup_option_strv (OpsCheck   *self,
                           const char *key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const OpsCheckOptionSpec *spec = NULL;
  JsonNode                 *node;

  g_return_val_if_fail (OPS_IS_CHECK (self), NULL);

  node = get_option_node (self, key, &spec);
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *item = json_array_get_string_element (array, i);

          if (item != NULL)
            g_strv_builder_add (builder, item);
        }
    }

  return g_strv_builder_end (builder);
}

OpsHealthStatus
ops_check_get_status (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), OPS_HEALTH_STATUS_UNKNOWN);

  return self->status;
}

/**
 * ops_check_get_last_result:
 * @self: a check
 *
 * Returns: (transfer none) (nullable): the last result since the engine
 *   started, with its timing breakdown and details
 */
OpsCheckResult *
ops_check_get_last_result (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), NULL);

  return self->last_result;
}

double
ops_check_get_last_latency_ms (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), -1);

  return self->last_latency_ms;
}

const char *
ops_check_get_last_error (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), NULL);

  return self->last_error;
}

gint64
ops_check_get_last_result_time (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), 0);

  return self->last_result_time;
}

guint
ops_check_get_consecutive_failures (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), 0);

  return self->consecutive_failures;
}

guint
ops_check_get_consecutive_successes (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), 0);

  return self->consecutive_successes;
}

/* Percent of successful probes over the last day, or -1 before any. */
double
ops_check_get_uptime_24h (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), -1);

  return self->uptime_24h;
}

void
_ops_check_set_uptime_24h (OpsCheck *self,
                           double    uptime)
{
  if (self->uptime_24h != uptime)
    {
      self->uptime_24h = uptime;
      g_object_notify_by_pspec (G_OBJECT (self), _ops_check_properties[OPS_CHECK_PROP_UPTIME_24H]);
    }
}

/* Whether a probe of this check is under way. */
gboolean
ops_check_get_running (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), FALSE);

  return self->running;
}

void
_ops_check_set_running (OpsCheck *self,
                        gboolean  running)
{
  _ops_check_set_boolean (self, &self->running, running, OPS_CHECK_PROP_RUNNING);
}

static void
set_live (OpsCheck       *self,
          OpsHealthStatus status,
          gint64          time,
          double          latency_ms,
          const char     *error)
{
  _ops_check_set_uint (self, &self->status, status, OPS_CHECK_PROP_STATUS);
  _ops_check_set_string (self, &self->last_error, error, OPS_CHECK_PROP_LAST_ERROR);
  if (self->last_latency_ms != latency_ms)
    {
      self->last_latency_ms = latency_ms;
      g_object_notify_by_pspec (G_OBJECT (self), _ops_check_properties[OPS_CHECK_PROP_LAST_LATENCY_MS]);
    }
  if (self->last_result_time != time)
    {
      self->last_result_time = time;
      g_object_notify_by_pspec (G_OBJECT (self), _ops_check_properties[OPS_CHECK_PROP_LAST_RESULT_TIME]);
    }
}

/* The engine, on the main thread: one result and the state it led to. */
void
_ops_check_apply_result (OpsCheck       *self,
                         OpsCheckResult *result,
                         OpsHealthStatus status,
                         guint           consecutive_failures,
                         guint           consecutive_successes)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->last_result, result))
    g_object_notify_by_pspec (G_OBJECT (self), _ops_check_properties[OPS_CHECK_PROP_LAST_RESULT]);
  set_live (self, status, ops_check_result_get_time (result),
            ops_check_result_get_latency_ms (result), ops_check_result_get_error (result));
  _ops_check_set_uint (self, &self->consecutive_failures, consecutive_failures, OPS_CHECK_PROP_CONSECUTIVE_FAILURES);
  _ops_check_set_uint (self, &self->consecutive_successes, consecutive_successes,
                       OPS_CHECK_PROP_CONSECUTIVE_SUCCESSES);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The state found in the history when the engine starts. */
void
_ops_check_restore_state (OpsCheck       *self,
                          OpsHealthStatus status,
                          gint64          last_time,
                          double          last_latency_ms,
                          const char     *last_error)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_live (self, status, last_time, last_latency_ms, last_error);
  g_object_thaw_notify (G_OBJECT (self));
}
