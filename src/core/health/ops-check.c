/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-check"

#include "config.h"

#include <string.h>

#include "ops-check-impl.h"
#include "ops-check-private.h"

/**
 * OpsCheck:
 *
 * One service the operator watches: its definition (name, kind, target,
 * interval, timeout, thresholds, environment, tags, conditions and the
 * options of its kind) and its live state (status, last result, latency,
 * error, consecutive failures and successes, 24-hour uptime).
 *
 * Widgets bind to its properties; the engine updates the live state on the
 * main thread as results arrive, so nothing needs to poll. The definition
 * is saved through #OpsCheckList; a secret (a password or a bearer token)
 * is kept in the keyring, never in a property.
 */
G_DEFINE_FINAL_TYPE (OpsCheck, ops_check, G_TYPE_OBJECT)

GParamSpec *_ops_check_properties[OPS_CHECK_N_PROPS];

static void
ops_check_finalize (GObject *object)
{
  OpsCheck *self = OPS_CHECK (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->conditions, g_strfreev);
  g_clear_pointer (&self->parsed_conditions, g_ptr_array_unref);
  g_clear_pointer (&self->options, json_object_unref);
  g_clear_pointer (&self->pending_secret, g_free);
  g_clear_object (&self->last_result);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (ops_check_parent_class)->finalize (object);
}

static void
ops_check_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OpsCheck *self = OPS_CHECK (object);

  switch (prop_id)
    {
    case OPS_CHECK_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case OPS_CHECK_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case OPS_CHECK_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case OPS_CHECK_PROP_TARGET:
      g_value_set_string (value, self->target);
      break;
    case OPS_CHECK_PROP_INTERVAL_MS:
      g_value_set_uint (value, self->interval_ms);
      break;
    case OPS_CHECK_PROP_TIMEOUT_MS:
      g_value_set_uint (value, self->timeout_ms);
      break;
    case OPS_CHECK_PROP_FAILURE_THRESHOLD:
      g_value_set_uint (value, self->failure_threshold);
      break;
    case OPS_CHECK_PROP_SUCCESS_THRESHOLD:
      g_value_set_uint (value, self->success_threshold);
      break;
    case OPS_CHECK_PROP_ENVIRONMENT:
      g_value_set_enum (value, self->environment);
      break;
    case OPS_CHECK_PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case OPS_CHECK_PROP_CONDITIONS:
      g_value_set_boxed (value, self->conditions);
      break;
    case OPS_CHECK_PROP_OPTIONS:
      g_value_set_boxed (value, self->options);
      break;
    case OPS_CHECK_PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case OPS_CHECK_PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case OPS_CHECK_PROP_HAS_SECRET:
      g_value_set_boolean (value, self->has_secret);
      break;
    case OPS_CHECK_PROP_TLS_VERIFICATION_DISABLED:
      g_value_set_boolean (value, ops_check_get_tls_verification_disabled (self));
      break;
    case OPS_CHECK_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case OPS_CHECK_PROP_LAST_RESULT:
      g_value_set_object (value, self->last_result);
      break;
    case OPS_CHECK_PROP_LAST_LATENCY_MS:
      g_value_set_double (value, self->last_latency_ms);
      break;
    case OPS_CHECK_PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case OPS_CHECK_PROP_LAST_RESULT_TIME:
      g_value_set_int64 (value, self->last_result_time);
      break;
    case OPS_CHECK_PROP_CONSECUTIVE_FAILURES:
      g_value_set_uint (value, self->consecutive_failures);
      break;
    case OPS_CHECK_PROP_CONSECUTIVE_SUCCESSES:
      g_value_set_uint (value, self->consecutive_successes);
      break;
    case OPS_CHECK_PROP_UPTIME_24H:
      g_value_set_double (value, self->uptime_24h);
      break;
    case OPS_CHECK_PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_check_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  OpsCheck *self = OPS_CHECK (object);

  switch (prop_id)
    {
    case OPS_CHECK_PROP_NAME:
      ops_check_set_name (self, g_value_get_string (value));
      break;
    case OPS_CHECK_PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case OPS_CHECK_PROP_TARGET:
      ops_check_set_target (self, g_value_get_string (value));
      break;
    case OPS_CHECK_PROP_INTERVAL_MS:
      ops_check_set_interval_ms (self, g_value_get_uint (value));
      break;
    case OPS_CHECK_PROP_TIMEOUT_MS:
      ops_check_set_timeout_ms (self, g_value_get_uint (value));
      break;
    case OPS_CHECK_PROP_FAILURE_THRESHOLD:
      ops_check_set_failure_threshold (self, g_value_get_uint (value));
      break;
    case OPS_CHECK_PROP_SUCCESS_THRESHOLD:
      ops_check_set_success_threshold (self, g_value_get_uint (value));
      break;
    case OPS_CHECK_PROP_ENVIRONMENT:
      ops_check_set_environment (self, g_value_get_enum (value));
      break;
    case OPS_CHECK_PROP_TAGS:
      ops_check_set_tags (self, g_value_get_boxed (value));
      break;
    case OPS_CHECK_PROP_CONDITIONS:
      ops_check_set_conditions (self, g_value_get_boxed (value));
      break;
    case OPS_CHECK_PROP_OPTIONS:
      ops_check_set_options (self, g_value_get_boxed (value));
      break;
    case OPS_CHECK_PROP_ENABLED:
      ops_check_set_enabled (self, g_value_get_boolean (value));
      break;
    case OPS_CHECK_PROP_PAUSED:
      ops_check_set_paused (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
ops_check_class_init (OpsCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ops_check_finalize;
  object_class->get_property = ops_check_get_property;
  object_class->set_property = ops_check_set_property;

  _ops_check_properties[OPS_CHECK_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, RO);
  _ops_check_properties[OPS_CHECK_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, RW);
  _ops_check_properties[OPS_CHECK_PROP_KIND] =
      g_param_spec_enum ("kind", NULL, NULL, OPS_TYPE_CHECK_KIND, OPS_CHECK_KIND_HTTP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  _ops_check_properties[OPS_CHECK_PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, NULL, RW);
  _ops_check_properties[OPS_CHECK_PROP_INTERVAL_MS] =
      g_param_spec_uint ("interval-ms", NULL, NULL, 0, G_MAXUINT, OPS_CHECK_DEFAULT_INTERVAL_MS, RW);
  _ops_check_properties[OPS_CHECK_PROP_TIMEOUT_MS] =
      g_param_spec_uint ("timeout-ms", NULL, NULL, 0, G_MAXUINT, OPS_CHECK_DEFAULT_TIMEOUT_MS, RW);
  _ops_check_properties[OPS_CHECK_PROP_FAILURE_THRESHOLD] =
      g_param_spec_uint ("failure-threshold", NULL, NULL, 0, G_MAXUINT, 1, RW);
  _ops_check_properties[OPS_CHECK_PROP_SUCCESS_THRESHOLD] =
      g_param_spec_uint ("success-threshold", NULL, NULL, 0, G_MAXUINT, 1, RW);
  _ops_check_properties[OPS_CHECK_PROP_ENVIRONMENT] =
      g_param_spec_enum ("environment", NULL, NULL, OPS_TYPE_ENVIRONMENT,
                         OPS_ENVIRONMENT_PRODUCTION, RW);
  _ops_check_properties[OPS_CHECK_PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, RW);
  _ops_check_properties[OPS_CHECK_PROP_CONDITIONS] = g_param_spec_boxed ("conditions", NULL, NULL, G_TYPE_STRV, RW);
  _ops_check_properties[OPS_CHECK_PROP_OPTIONS] = g_param_spec_boxed ("options", NULL, NULL, JSON_TYPE_OBJECT, RW);
  _ops_check_properties[OPS_CHECK_PROP_ENABLED] = g_param_spec_boolean ("enabled", NULL, NULL, TRUE, RW);
  _ops_check_properties[OPS_CHECK_PROP_PAUSED] = g_param_spec_boolean ("paused", NULL, NULL, FALSE, RW);
  _ops_check_properties[OPS_CHECK_PROP_HAS_SECRET] = g_param_spec_boolean ("has-secret", NULL, NULL, FALSE, RO);
  _ops_check_properties[OPS_CHECK_PROP_TLS_VERIFICATION_DISABLED] =
      g_param_spec_boolean ("tls-verification-disabled", NULL, NULL, FALSE, RO);
  _ops_check_properties[OPS_CHECK_PROP_STATUS] =
      g_param_spec_enum ("status", NULL, NULL, OPS_TYPE_HEALTH_STATUS, OPS_HEALTH_STATUS_UNKNOWN, RO);
  _ops_check_properties[OPS_CHECK_PROP_LAST_RESULT] =
      g_param_spec_object ("last-result", NULL, NULL, OPS_TYPE_CHECK_RESULT, RO);
  _ops_check_properties[OPS_CHECK_PROP_LAST_LATENCY_MS] =
      g_param_spec_double ("last-latency-ms", NULL, NULL, -1, G_MAXDOUBLE, -1, RO);
  _ops_check_properties[OPS_CHECK_PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, RO);
  _ops_check_properties[OPS_CHECK_PROP_LAST_RESULT_TIME] =
      g_param_spec_int64 ("last-result-time", NULL, NULL, 0, G_MAXINT64, 0, RO);
  _ops_check_properties[OPS_CHECK_PROP_CONSECUTIVE_FAILURES] =
      g_param_spec_uint ("consecutive-failures", NULL, NULL, 0, G_MAXUINT, 0, RO);
  _ops_check_properties[OPS_CHECK_PROP_CONSECUTIVE_SUCCESSES] =
      g_param_spec_uint ("consecutive-successes", NULL, NULL, 0, G_MAXUINT, 0, RO);
  _ops_check_properties[OPS_CHECK_PROP_UPTIME_24H] =
      g_param_spec_double ("uptime-24h", NULL, NULL, -1, 100, -1, RO);
  _ops_check_properties[OPS_CHECK_PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, RO);

  g_object_class_install_properties (object_class, OPS_CHECK_N_PROPS, _ops_check_properties);
}

static void
ops_check_init (OpsCheck *self)
{
  self->interval_ms = OPS_CHECK_DEFAULT_INTERVAL_MS;
  self->timeout_ms = OPS_CHECK_DEFAULT_TIMEOUT_MS;
  self->failure_threshold = 1;
  self->success_threshold = 1;
  self->environment = OPS_ENVIRONMENT_PRODUCTION;
  self->enabled = TRUE;
  self->tags = g_new0 (char *, 1);
  self->conditions = g_new0 (char *, 1);
  self->parsed_conditions = g_ptr_array_new ();
  self->options = json_object_new ();
  self->last_latency_ms = -1;
  self->uptime_24h = -1;
}

/**
 * ops_check_new:
 * @kind: what kind of service it watches
 * @name: (nullable): its name, unique among checks
 * @target: (nullable): what it probes (a URL, HOST:PORT, a connection string…)
 *
 * Returns: (transfer full): a check with the default interval (30 s),
 *   timeout (10 s) and thresholds (1), not saved yet
 */
OpsCheck *
ops_check_new (OpsCheckKind kind,
               const char  *name,
               const char  *target)
{
  g_return_val_if_fail (kind < OPS_CHECK_N_KINDS, NULL);

  return g_object_new (OPS_TYPE_CHECK, "kind", kind, "name", name, "target", target, NULL);
}

static JsonObject *
deep_copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = json_to_string (node, FALSE);

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    g_return_val_if_reached (json_object_new ());

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/**
 * ops_check_copy:
 * @self: a check
 *
 * Copies the definition (with the id and a pending secret), not the live
 * state: an editor works on the copy and saves it back with
 * ops_check_list_update().
 *
 * Returns: (transfer full): the copy
 */
OpsCheck *
ops_check_copy (OpsCheck *self)
{
  OpsCheck *copy;

  g_return_val_if_fail (OPS_IS_CHECK (self), NULL);

  copy = ops_check_new (self->kind, NULL, NULL);
  copy->id = self->id;
  copy->has_secret = self->has_secret;
  copy->pending_secret = g_strdup (self->pending_secret);
  ops_check_set_definition_from (copy, self);

  return copy;
}

/**
 * ops_check_set_definition_from:
 * @self: a check
 * @other: a check of the same kind
 *
 * Takes @other's definition, notifying what changed; the live state and
 * the id stay.
 */
void
ops_check_set_definition_from (OpsCheck *self,
                               OpsCheck *other)
{
  g_autoptr(JsonObject) options = NULL;

  g_return_if_fail (OPS_IS_CHECK (self));
  g_return_if_fail (OPS_IS_CHECK (other));
  g_return_if_fail (self->kind == other->kind);

  g_object_freeze_notify (G_OBJECT (self));
  ops_check_set_name (self, other->name);
  ops_check_set_target (self, other->target);
  ops_check_set_interval_ms (self, other->interval_ms);
  ops_check_set_timeout_ms (self, other->timeout_ms);
  ops_check_set_failure_threshold (self, other->failure_threshold);
  ops_check_set_success_threshold (self, other->success_threshold);
  ops_check_set_environment (self, other->environment);
  ops_check_set_tags (self, (const char *const *)other->tags);
  ops_check_set_conditions (self, (const char *const *)other->conditions);

  /* A deep copy, so that the two never share a mutable object. */
  options = deep_copy_object (other->options);
  ops_check_set_options (self, options);
  ops_check_set_enabled (self, other->enabled);
  ops_check_set_paused (self, other->paused);
  if (other->pending_secret != NULL)
    ops_check_set_secret (self, other->pending_secret);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
ops_check_get_id (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), 0);

  return self->id;
}

void
_ops_check_set_id (OpsCheck *self,
                   gint64    id)
{
  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), _ops_check_properties[OPS_CHECK_PROP_ID]);
    }
}

void
_ops_check_set_string (OpsCheck   *self,
                       char      **field,
                       const char *value,
                       guint       prop)
{
  if (g_strcmp0 (*field, value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), _ops_check_properties[prop]);
    }
}

void
_ops_check_set_uint (OpsCheck *self,
                     guint    *field,
                     guint     value,
                     guint     prop)
{
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), _ops_check_properties[prop]);
    }
}

void
_ops_check_set_boolean (OpsCheck *self,
                        gboolean *field,
                        gboolean  value,
                        guint     prop)
{
  value = !!value;
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), _ops_check_properties[prop]);
    }
}

const char *
ops_check_get_name (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), NULL);

  return self->name;
}

void
ops_check_set_name (OpsCheck   *self,
                    const char *name)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (OPS_IS_CHECK (self));

  if (name != NULL)
    stripped = g_strstrip (g_strdup (name));
  _ops_check_set_string (self, &self->name, stripped, OPS_CHECK_PROP_NAME);
}

OpsCheckKind
ops_check_get_kind (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), OPS_CHECK_KIND_HTTP);

  return self->kind;
}

const char *
ops_check_get_target (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), NULL);

  return self->target;
}

void
ops_check_set_target (OpsCheck   *self,
                      const char *target)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (OPS_IS_CHECK (self));

  if (target != NULL)
    stripped = g_strstrip (g_strdup (target));
  _ops_check_set_string (self, &self->target, stripped, OPS_CHECK_PROP_TARGET);
}

guint
ops_check_get_interval_ms (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), 0);

  return self->interval_ms;
}

void
ops_check_set_interval_ms (OpsCheck *self,
                           guint     interval_ms)
{
  g_return_if_fail (OPS_IS_CHECK (self));

  _ops_check_set_uint (self, &self->interval_ms, interval_ms, OPS_CHECK_PROP_INTERVAL_MS);
}

guint
ops_check_get_timeout_ms (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), 0);

  return self->timeout_ms;
}

void
ops_check_set_timeout_ms (OpsCheck *self,
                          guint     timeout_ms)
{
  g_return_if_fail (OPS_IS_CHECK (self));

  _ops_check_set_uint (self, &self->timeout_ms, timeout_ms, OPS_CHECK_PROP_TIMEOUT_MS);
}

guint
ops_check_get_failure_threshold (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), 1);

  return self->failure_threshold;
}

void
ops_check_set_failure_threshold (OpsCheck *self,
                                 guint     threshold)
{
  g_return_if_fail (OPS_IS_CHECK (self));

  _ops_check_set_uint (self, &self->failure_threshold, threshold, OPS_CHECK_PROP_FAILURE_THRESHOLD);
}

guint
ops_check_get_success_threshold (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), 1);

  return self->success_threshold;
}

void
ops_check_set_success_threshold (OpsCheck *self,
                                 guint     threshold)
{
  g_return_if_fail (OPS_IS_CHECK (self));

  _ops_check_set_uint (self, &self->success_threshold, threshold, OPS_CHECK_PROP_SUCCESS_THRESHOLD);
}

OpsEnvironment
ops_check_get_environment (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), OPS_ENVIRONMENT_PRODUCTION);

  return self->environment;
}

void
ops_check_set_environment (OpsCheck      *self,
                           OpsEnvironment environment)
{
  g_return_if_fail (OPS_IS_CHECK (self));

  _ops_check_set_uint (self, &self->environment, environment, OPS_CHECK_PROP_ENVIRONMENT);
}

static gboolean
strv_equal (const char *const *a,
            const char *const *b)
{
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (!g_str_equal (a[i], b[i]))
      return FALSE;

  return a[i] == NULL && b[i] == NULL;
}

const char *const *
ops_check_get_tags (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), NULL);

  return (const char *const *)self->tags;
}

void
ops_check_set_tags (OpsCheck          *self,
                    const char *const *tags)
{
  static const char *const none[] = { NULL };

  g_return_if_fail (OPS_IS_CHECK (self));

  if (tags == NULL)
    tags = none;
  if (strv_equal ((const char *const *)self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((GStrv)tags);
  g_object_notify_by_pspec (G_OBJECT (self), _ops_check_properties[OPS_CHECK_PROP_TAGS]);
}

const char *const *
ops_check_get_conditions (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), NULL);

  return (const char *const *)self->conditions;
}

void
ops_check_set_conditions (OpsCheck          *self,
                          const char *const *conditions)
{
  static const char *const none[] = { NULL };

  g_return_if_fail (OPS_IS_CHECK (self));

  if (conditions == NULL)
    conditions = none;
  if (strv_equal ((const char *const *)self->conditions, conditions))
    return;

  g_strfreev (self->conditions);
  self->conditions = g_strdupv ((GStrv)conditions);

  /* Parsed once here, not on every probe. */
  g_clear_pointer (&self->parsed_conditions, g_ptr_array_unref);
  self->parsed_conditions = g_ptr_array_new_with_free_func ((GDestroyNotify)ops_condition_free);
  for (guint i = 0; self->conditions[i] != NULL; i++)
    {
      OpsCondition *condition = ops_condition_parse (self->conditions[i],
                                                     ops_check_kind_get_placeholders (self->kind),
                                                     NULL);

      if (condition == NULL)
        {
          g_clear_pointer (&self->parsed_conditions, g_ptr_array_unref);
          break;
        }
      g_ptr_array_add (self->parsed_conditions, condition);
    }

  g_object_notify_by_pspec (G_OBJECT (self), _ops_check_properties[OPS_CHECK_PROP_CONDITIONS]);
}

/* The parsed conditions, or NULL when one does not parse (validation
 * then says which). */
GPtrArray *
_ops_check_get_parsed_conditions (OpsCheck *self)
{
  return self->parsed_conditions;
}

/**
 * ops_check_get_options:
 * @self: a check
 *
 * Returns: (transfer none): the options of its kind (see
 *   ops_check_option_specs()); options left out take their defaults
 */
JsonObject *
ops_check_get_options (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), NULL);

  return self->options;
}

void
ops_check_set_options (OpsCheck   *self,
                       JsonObject *options)
{
  gboolean was_disabled;

  g_return_if_fail (OPS_IS_CHECK (self));

  if (options == self->options)
    return;

  was_disabled = ops_check_get_tls_verification_disabled (self);
  g_clear_pointer (&self->options, json_object_unref);
  self->options = options != NULL ? json_object_ref (options) : json_object_new ();
  g_object_notify_by_pspec (G_OBJECT (self), _ops_check_properties[OPS_CHECK_PROP_OPTIONS]);

  if (was_disabled != ops_check_get_tls_verification_disabled (self))
    g_object_notify_by_pspec (G_OBJECT (self), _ops_check_properties[OPS_CHECK_PROP_TLS_VERIFICATION_DISABLED]);
}

gboolean
ops_check_get_enabled (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), FALSE);

  return self->enabled;
}

void
ops_check_set_enabled (OpsCheck *self,
                       gboolean  enabled)
{
  g_return_if_fail (OPS_IS_CHECK (self));

  _ops_check_set_boolean (self, &self->enabled, enabled, OPS_CHECK_PROP_ENABLED);
}

gboolean
ops_check_get_paused (OpsCheck *self)
{
  g_return_val_if_fail (OPS_IS_CHECK (self), FALSE);

  return self->paused;
}

void
ops_check_set_paused (OpsCheck *self,
                      gboolean  paused)
{
  g_return_if_fail (OPS_IS_CHECK (self));

  _ops_check_set_boolean (self, &self->paused, paused, OPS_CHECK_PROP_PAUSED);
}
