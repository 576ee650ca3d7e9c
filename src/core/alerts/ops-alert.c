/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-alert-private.h"

/**
 * OpsAlert:
 *
 * One alert: a rule's condition held for a check. It is pending while the
 * rule waits for its “for” duration, then firing, perhaps acknowledged by
 * someone with a note, and finally resolved, by itself when the condition
 * clears or by hand. It keeps the values that fired it (its snapshot) and,
 * in the database, the timeline of its transitions.
 */

G_DEFINE_FINAL_TYPE (OpsAlert, ops_alert, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_RULE_NAME,
  PROP_CHECK_NAME,
  PROP_STATE,
  PROP_SEVERITY,
  PROP_CAUSE,
  PROP_FIRED_AT,
  PROP_BLOCKED_BY,
  PROP_IN_MAINTENANCE,
  PROP_FLAPPING,
  PROP_DEPENDENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ops_alert_finalize (GObject *object)
{
  OpsAlert *self = OPS_ALERT (object);

  g_clear_pointer (&self->rule_name, g_free);
  g_clear_pointer (&self->check_name, g_free);
  g_clear_pointer (&self->cause, g_free);
  g_clear_pointer (&self->snapshot, g_free);
  g_clear_pointer (&self->acknowledged_by, g_free);
  g_clear_pointer (&self->ack_note, g_free);
  g_clear_pointer (&self->resolved_by, g_free);
  g_clear_pointer (&self->resolve_note, g_free);
  g_clear_pointer (&self->blocked_by, g_free);
  g_clear_pointer (&self->in_maintenance, g_free);

  G_OBJECT_CLASS (ops_alert_parent_class)->finalize (object);
}

static void
ops_alert_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OpsAlert *self = OPS_ALERT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_RULE_NAME:
      g_value_set_string (value, self->rule_name);
      break;
    case PROP_CHECK_NAME:
      g_value_set_string (value, self->check_name);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_CAUSE:
      g_value_set_string (value, self->cause);
      break;
    case PROP_FIRED_AT:
      g_value_set_int64 (value, self->fired_at);
      break;
    case PROP_BLOCKED_BY:
      g_value_set_string (value, self->blocked_by);
      break;
    case PROP_IN_MAINTENANCE:
      g_value_set_string (value, self->in_maintenance);
      break;
    case PROP_FLAPPING:
      g_value_set_boolean (value, self->flapping);
      break;
    case PROP_DEPENDENTS:
      g_value_set_uint (value, self->dependents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_alert_class_init (OpsAlertClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ops_alert_finalize;
  object_class->get_property = ops_alert_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_RULE_NAME] = g_param_spec_string ("rule-name", NULL, NULL, NULL, flags);
  properties[PROP_CHECK_NAME] = g_param_spec_string ("check-name", NULL, NULL, NULL, flags);
  properties[PROP_STATE] =
      g_param_spec_enum ("state", NULL, NULL, OPS_TYPE_ALERT_STATE, OPS_ALERT_STATE_PENDING, flags);
  properties[PROP_SEVERITY] =
      g_param_spec_enum ("severity", NULL, NULL, OPS_TYPE_SEVERITY, OPS_SEVERITY_WARNING, flags);
  properties[PROP_CAUSE] = g_param_spec_string ("cause", NULL, NULL, NULL, flags);
  properties[PROP_FIRED_AT] = g_param_spec_int64 ("fired-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_BLOCKED_BY] = g_param_spec_string ("blocked-by", NULL, NULL, NULL, flags);
  properties[PROP_IN_MAINTENANCE] =
      g_param_spec_string ("in-maintenance", NULL, NULL, NULL, flags);
  properties[PROP_FLAPPING] = g_param_spec_boolean ("flapping", NULL, NULL, FALSE, flags);
  properties[PROP_DEPENDENTS] =
      g_param_spec_uint ("dependents", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ops_alert_init (OpsAlert *self)
{
  self->severity = OPS_SEVERITY_WARNING;
}

OpsAlert *
_ops_alert_new (void)
{
  return g_object_new (OPS_TYPE_ALERT, NULL);
}

/* Tells those bound to the alert's properties that its fields changed. */
void
_ops_alert_changed (OpsAlert *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_ops_alert_set_string (char      **field,
                       const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
}

gint64
ops_alert_get_id (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), 0);

  return self->id;
}

/* Returns: the rule's id, or 0 when the rule was removed */
gint64
ops_alert_get_rule_id (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), 0);

  return self->rule_id;
}

const char *
ops_alert_get_rule_name (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), NULL);

  return self->rule_name;
}

gint64
ops_alert_get_check_id (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), 0);

  return self->check_id;
}

const char *
ops_alert_get_check_name (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), NULL);

  return self->check_name;
}

OpsAlertState
ops_alert_get_state (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), OPS_ALERT_STATE_RESOLVED);

  return self->state;
}

OpsSeverity
ops_alert_get_severity (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), OPS_SEVERITY_WARNING);

  return self->severity;
}

/* What is wrong, in words: “connection refused”, “avg(latency_ms) is 812,
 * above 500”. */
const char *
ops_alert_get_cause (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), NULL);

  return self->cause;
}

/* The value that fired a threshold alert, or raised it last. */
gboolean
ops_alert_get_value (OpsAlert *self,
                     double   *value)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), FALSE);

  if (self->has_value && value != NULL)
    *value = self->value;

  return self->has_value;
}

/**
 * ops_alert_dup_snapshot:
 * @self: an alert
 *
 * Returns: (transfer full): the values that fired it: the sample (check,
 *   time, status, error, values) and, for thresholds, the measure
 */
JsonNode *
ops_alert_dup_snapshot (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), NULL);

  return json_from_string (self->snapshot != NULL ? self->snapshot : "{}", NULL);
}

gint64
ops_alert_get_pending_at (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), 0);

  return self->pending_at;
}

/* Returns: when it fired, or 0 while pending */
gint64
ops_alert_get_fired_at (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), 0);

  return self->fired_at;
}

gint64
ops_alert_get_acknowledged_at (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), 0);

  return self->acknowledged_at;
}

const char *
ops_alert_get_acknowledged_by (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), NULL);

  return self->acknowledged_by;
}

const char *
ops_alert_get_ack_note (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), NULL);

  return self->ack_note;
}

gint64
ops_alert_get_resolved_at (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), 0);

  return self->resolved_at;
}

/* Returns: (nullable): who resolved it by hand; %NULL when it cleared */
const char *
ops_alert_get_resolved_by (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), NULL);

  return self->resolved_by;
}

const char *
ops_alert_get_resolve_note (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), NULL);

  return self->resolve_note;
}

/* Returns: when it was last notified, or 0 when it never was */
gint64
ops_alert_get_notified_at (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), 0);

  return self->notified_at;
}

guint
ops_alert_get_notify_count (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), 0);

  return self->notify_count;
}

/* Returns: (nullable): the check whose outage took this one down */
const char *
ops_alert_get_blocked_by (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), NULL);

  return self->blocked_by;
}

/* Returns: (nullable): the maintenance window it happened in */
const char *
ops_alert_get_in_maintenance (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), NULL);

  return self->in_maintenance;
}

gboolean
ops_alert_get_flapping (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), FALSE);

  return self->flapping;
}

/* How many alerts of dependent checks this one's outage caused. */
guint
ops_alert_get_dependents (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), 0);

  return self->dependents;
}

gboolean
ops_alert_is_open (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), FALSE);

  return ops_alert_state_is_open (self->state);
}

/* “api: Check down” */
char *
ops_alert_dup_title (OpsAlert *self)
{
  g_return_val_if_fail (OPS_IS_ALERT (self), NULL);

  return g_strdup_printf ("%s: %s", self->check_name, self->rule_name);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (time == 0)
    return;

  utc = g_date_time_new_from_unix_utc (time / G_USEC_PER_SEC);
  text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

void
ops_alert_to_json (OpsAlert    *self,
                   JsonBuilder *builder)
{
  g_return_if_fail (OPS_IS_ALERT (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, "opsdeck");
  add_string (builder, "rule", self->rule_name);
  json_builder_set_member_name (builder, "check_id");
  json_builder_add_int_value (builder, self->check_id);
  add_string (builder, "check", self->check_name);
  add_string (builder, "state", ops_alert_state_to_string (self->state));
  add_string (builder, "severity", ops_severity_to_string (self->severity));
  add_string (builder, "cause", self->cause);
  if (self->has_value)
    {
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, self->value);
    }
  add_time (builder, "pending_at", self->pending_at);
  add_time (builder, "fired_at", self->fired_at);
  add_time (builder, "acknowledged_at", self->acknowledged_at);
  add_string (builder, "acknowledged_by", self->acknowledged_by);
  add_string (builder, "ack_note", self->ack_note);
  add_time (builder, "resolved_at", self->resolved_at);
  add_string (builder, "resolved_by", self->resolved_by);
  add_string (builder, "resolve_note", self->resolve_note);
  add_time (builder, "notified_at", self->notified_at);
  json_builder_set_member_name (builder, "notify_count");
  json_builder_add_int_value (builder, self->notify_count);
  add_string (builder, "blocked_by", self->blocked_by);
  add_string (builder, "in_maintenance", self->in_maintenance);
  json_builder_set_member_name (builder, "flapping");
  json_builder_add_boolean_value (builder, self->flapping);
  json_builder_set_member_name (builder, "dependents");
  json_builder_add_int_value (builder, self->dependents);
  json_builder_set_member_name (builder, "snapshot");
  json_builder_add_value (builder, ops_alert_dup_snapshot (self));
  json_builder_end_object (builder);
}
