/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ops-alert-rule-private.h"

/**
 * OpsAlertRule:
 *
 * Turns results into alerts. Three kinds:
 *
 * - down: the check is down (after its failure threshold);
 * - threshold: a measured value, as its last, average, minimum or maximum
 *   over a window, compared with a warning and/or a critical level, such
 *   as “avg(latency_ms) > 500” (warning) and “avg(latency_ms) > 1000”
 *   (critical) over 5 minutes;
 * - absence: no result for some time.
 *
 * A rule covers every check, one check, the checks with a tag, or an
 * environment; it waits for its “for” duration (pending) before it fires.
 */

G_DEFINE_FINAL_TYPE (OpsAlertRule, ops_alert_rule, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ENABLED,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ops_alert_rule_finalize (GObject *object)
{
  OpsAlertRule *self = OPS_ALERT_RULE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->metric, g_free);
  ops_alert_scope_clear (&self->scope);

  G_OBJECT_CLASS (ops_alert_rule_parent_class)->finalize (object);
}

static void
ops_alert_rule_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OpsAlertRule *self = OPS_ALERT_RULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_DESCRIPTION:
      g_value_take_string (value, ops_alert_rule_describe (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_alert_rule_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OpsAlertRule *self = OPS_ALERT_RULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      ops_alert_rule_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      ops_alert_rule_set_name (self, g_value_get_string (value));
      break;
    case PROP_ENABLED:
      ops_alert_rule_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_alert_rule_class_init (OpsAlertRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ops_alert_rule_finalize;
  object_class->get_property = ops_alert_rule_get_property;
  object_class->set_property = ops_alert_rule_set_property;

  properties[PROP_ID] =
      g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
      g_param_spec_string ("name", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED] =
      g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
      g_param_spec_string ("description", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ops_alert_rule_init (OpsAlertRule *self)
{
  self->enabled = TRUE;
  self->severity = OPS_SEVERITY_CRITICAL;
  self->aggregate = OPS_ALERT_AGGREGATE_LAST;
  self->op = OPS_ALERT_OPERATOR_GT;
}

/**
 * ops_alert_rule_new:
 * @kind: what the rule watches
 * @name: its name, unique among rules
 *
 * A down rule is critical and an absence rule a warning unless told
 * otherwise; a threshold rule needs its measure and levels.
 *
 * Returns: (transfer full): a new rule for every check
 */
OpsAlertRule *
ops_alert_rule_new (OpsAlertRuleKind kind,
                    const char      *name)
{
  OpsAlertRule *self = g_object_new (OPS_TYPE_ALERT_RULE, NULL);

  self->kind = kind;
  self->name = g_strdup (name);
  if (kind == OPS_ALERT_RULE_ABSENCE)
    {
      self->severity = OPS_SEVERITY_WARNING;
      self->absence = 300;
    }

  return self;
}

OpsAlertRule *
ops_alert_rule_copy (OpsAlertRule *self)
{
  OpsAlertRule *copy;

  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), NULL);

  copy = ops_alert_rule_new (self->kind, self->name);
  copy->id = self->id;
  copy->metric = g_strdup (self->metric);
  ops_alert_scope_copy (&self->scope, &copy->scope);
  copy->severity = self->severity;
  copy->aggregate = self->aggregate;
  copy->op = self->op;
  copy->warning = self->warning;
  copy->critical = self->critical;
  copy->window = self->window;
  copy->for_seconds = self->for_seconds;
  copy->absence = self->absence;
  copy->has_warning = self->has_warning;
  copy->has_critical = self->has_critical;
  copy->enabled = self->enabled;
  copy->builtin = self->builtin;

  return copy;
}

/* Whether two rules watch the same thing the same way (id, name and
 * builtin aside). */
gboolean
ops_alert_rule_equal_definition (OpsAlertRule *self,
                                 OpsAlertRule *other)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), FALSE);
  g_return_val_if_fail (OPS_IS_ALERT_RULE (other), FALSE);

  return self->kind == other->kind && self->enabled == other->enabled &&
         ops_alert_scope_equal (&self->scope, &other->scope) &&
         self->for_seconds == other->for_seconds &&
         (self->kind == OPS_ALERT_RULE_THRESHOLD || self->severity == other->severity) &&
         (self->kind != OPS_ALERT_RULE_ABSENCE || self->absence == other->absence) &&
         (self->kind != OPS_ALERT_RULE_THRESHOLD ||
          (g_strcmp0 (self->metric, other->metric) == 0 &&
           self->aggregate == other->aggregate && self->op == other->op &&
           self->window == other->window && self->has_warning == other->has_warning &&
           self->has_critical == other->has_critical &&
           (!self->has_warning || self->warning == other->warning) &&
           (!self->has_critical || self->critical == other->critical)));
}

static gboolean
replace_string (char      **field,
                const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Sets @error to “The rule “NAME”: …” and returns %FALSE. */
gboolean
_ops_alert_rule_invalid (GError    **error,
                         const char *name,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID, _("The rule “%s”: %s"),
               name != NULL ? name : "", message);
  return FALSE;
}

static gboolean
worse_or_equal (OpsAlertOperator op,
                double           critical,
                double           warning)
{
  if (op == OPS_ALERT_OPERATOR_GT || op == OPS_ALERT_OPERATOR_GE)
    return critical >= warning;
  return critical <= warning;
}

/**
 * ops_alert_rule_validate:
 * @self: a #OpsAlertRule
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the rule can be used; otherwise @error says what to
 *   change, in words
 */
gboolean
ops_alert_rule_validate (OpsAlertRule *self,
                         GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), FALSE);

  if (!ops_alert_validate_name (_("A rule"), self->name, error))
    return FALSE;

  if (self->for_seconds < 0 || self->for_seconds > OPS_ALERT_RULE_MAX_FOR)
    return _ops_alert_rule_invalid (error, self->name, _("it can wait at most a day before it fires."));

  switch (self->kind)
    {
    case OPS_ALERT_RULE_DOWN:
      if (self->severity == OPS_SEVERITY_INFO)
        return _ops_alert_rule_invalid (error, self->name, _("its severity must be warning or critical."));
      break;

    case OPS_ALERT_RULE_ABSENCE:
      if (self->severity == OPS_SEVERITY_INFO)
        return _ops_alert_rule_invalid (error, self->name, _("its severity must be warning or critical."));
      if (self->absence < OPS_ALERT_RULE_MIN_ABSENCE || self->absence > OPS_ALERT_RULE_MAX_ABSENCE)
        return _ops_alert_rule_invalid (error, self->name,
                                        _("the time without results must be from %d seconds to 7 days."),
                                        OPS_ALERT_RULE_MIN_ABSENCE);
      break;

    case OPS_ALERT_RULE_THRESHOLD:
      if (!ops_alert_validate_metric (self->metric, &local_error))
        return _ops_alert_rule_invalid (error, self->name, "%s", local_error->message);
      if (!self->has_warning && !self->has_critical)
        return _ops_alert_rule_invalid (error, self->name, _("give a warning level, a critical level or both."));
      if ((self->has_warning && !isfinite (self->warning)) ||
          (self->has_critical && !isfinite (self->critical)))
        return _ops_alert_rule_invalid (error, self->name, _("its levels must be numbers."));
      if (self->has_warning && self->has_critical)
        {
          if (self->op == OPS_ALERT_OPERATOR_EQ || self->op == OPS_ALERT_OPERATOR_NE)
            return _ops_alert_rule_invalid (error, self->name,
                                            _("with == or != a rule has one level, warning or critical, not "
                                               "both."));
          if (!worse_or_equal (self->op, self->critical, self->warning))
            {
              g_autofree char *w = ops_alert_format_value (self->warning);
              g_autofree char *c = ops_alert_format_value (self->critical);

              return _ops_alert_rule_invalid (error, self->name,
                                              _("the critical level (%s) must be beyond the warning level (%s) "
                                                 "in the direction of “%s”."),
                                              c, w, ops_alert_operator_to_string (self->op));
            }
        }
      if (self->window < 0 || self->window > OPS_ALERT_RULE_MAX_WINDOW)
        return _ops_alert_rule_invalid (error, self->name, _("its window must be from 1 second to 1 day."));
      if (self->aggregate != OPS_ALERT_AGGREGATE_LAST && self->window == 0)
        return _ops_alert_rule_invalid (error, self->name,
                                        _("%s(%s) needs a window to compute it over, such as 5m."),
                                        ops_alert_aggregate_to_string (self->aggregate), self->metric);
      if (self->aggregate == OPS_ALERT_AGGREGATE_LAST && self->window != 0)
        return _ops_alert_rule_invalid (error, self->name,
                                        _("a window only makes sense with avg(), min() or max(), such as "
                                           "avg(%s)."),
                                        self->metric);
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  return TRUE;
}

gint64
ops_alert_rule_get_id (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), 0);

  return self->id;
}

void
ops_alert_rule_set_id (OpsAlertRule *self,
                       gint64        id)
{
  g_return_if_fail (OPS_IS_ALERT_RULE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ops_alert_rule_get_name (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), NULL);

  return self->name;
}

void
ops_alert_rule_set_name (OpsAlertRule *self,
                         const char   *name)
{
  g_return_if_fail (OPS_IS_ALERT_RULE (self));

  if (replace_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

OpsAlertRuleKind
ops_alert_rule_get_kind (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), OPS_ALERT_RULE_DOWN);

  return self->kind;
}

gboolean
ops_alert_rule_get_enabled (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), FALSE);

  return self->enabled;
}

void
ops_alert_rule_set_enabled (OpsAlertRule *self,
                            gboolean      enabled)
{
  g_return_if_fail (OPS_IS_ALERT_RULE (self));

  enabled = !!enabled;
  if (self->enabled == (guint)enabled)
    return;

  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

/* Whether Opsdeck made the rule as one of its defaults. */
gboolean
ops_alert_rule_get_builtin (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), FALSE);

  return self->builtin;
}

void
ops_alert_rule_set_builtin (OpsAlertRule *self,
                            gboolean      builtin)
{
  g_return_if_fail (OPS_IS_ALERT_RULE (self));

  self->builtin = !!builtin;
}

const OpsAlertScope *
ops_alert_rule_get_scope (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), NULL);

  return &self->scope;
}

void
ops_alert_rule_set_scope (OpsAlertRule        *self,
                          const OpsAlertScope *scope)
{
  g_return_if_fail (OPS_IS_ALERT_RULE (self));
  g_return_if_fail (scope != NULL);

  ops_alert_scope_clear (&self->scope);
  ops_alert_scope_copy (scope, &self->scope);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/* The severity of a down or absence rule. */
OpsSeverity
ops_alert_rule_get_severity (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), OPS_SEVERITY_CRITICAL);

  return self->severity;
}

void
ops_alert_rule_set_severity (OpsAlertRule *self,
                             OpsSeverity   severity)
{
  g_return_if_fail (OPS_IS_ALERT_RULE (self));

  self->severity = severity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/* How long the condition must hold before the alert fires, in seconds. */
gint64
ops_alert_rule_get_for (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), 0);

  return self->for_seconds;
}

void
ops_alert_rule_set_for (OpsAlertRule *self,
                        gint64        seconds)
{
  g_return_if_fail (OPS_IS_ALERT_RULE (self));

  self->for_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
ops_alert_rule_get_metric (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), NULL);

  return self->metric;
}

OpsAlertAggregate
ops_alert_rule_get_aggregate (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), OPS_ALERT_AGGREGATE_LAST);

  return self->aggregate;
}

OpsAlertOperator
ops_alert_rule_get_operator (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), OPS_ALERT_OPERATOR_GT);

  return self->op;
}

/* What a threshold rule measures: `avg(latency_ms) >`. */
void
ops_alert_rule_set_measure (OpsAlertRule     *self,
                            OpsAlertAggregate aggregate,
                            const char       *metric,
                            OpsAlertOperator  op)
{
  g_return_if_fail (OPS_IS_ALERT_RULE (self));

  self->aggregate = aggregate;
  replace_string (&self->metric, metric);
  self->op = op;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * ops_alert_rule_get_level:
 * @self: a threshold rule
 * @severity: %OPS_SEVERITY_WARNING or %OPS_SEVERITY_CRITICAL
 * @threshold: (out) (optional): the level
 *
 * Returns: whether the rule has that level
 */
gboolean
ops_alert_rule_get_level (OpsAlertRule *self,
                          OpsSeverity   severity,
                          double       *threshold)
{
  gboolean has;
  double   value;

  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), FALSE);

  has = severity == OPS_SEVERITY_CRITICAL ? self->has_critical : self->has_warning;
  value = severity == OPS_SEVERITY_CRITICAL ? self->critical : self->warning;
  if (has && threshold != NULL)
    *threshold = value;

  return has;
}

void
ops_alert_rule_set_level (OpsAlertRule *self,
                          OpsSeverity   severity,
                          double        threshold)
{
  g_return_if_fail (OPS_IS_ALERT_RULE (self));
  g_return_if_fail (severity != OPS_SEVERITY_INFO);

  if (severity == OPS_SEVERITY_CRITICAL)
    {
      self->critical = threshold;
      self->has_critical = TRUE;
    }
  else
    {
      self->warning = threshold;
      self->has_warning = TRUE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

void
ops_alert_rule_unset_level (OpsAlertRule *self,
                            OpsSeverity   severity)
{
  g_return_if_fail (OPS_IS_ALERT_RULE (self));

  if (severity == OPS_SEVERITY_CRITICAL)
    self->has_critical = FALSE;
  else
    self->has_warning = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/* The window of a threshold rule, in seconds; 0 for the last value. */
gint64
ops_alert_rule_get_window (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), 0);

  return self->window;
}

void
ops_alert_rule_set_window (OpsAlertRule *self,
                           gint64        seconds)
{
  g_return_if_fail (OPS_IS_ALERT_RULE (self));

  self->window = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/* How long without a result an absence rule waits, in seconds. */
gint64
ops_alert_rule_get_absence (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), 0);

  return self->absence;
}

void
ops_alert_rule_set_absence (OpsAlertRule *self,
                            gint64        seconds)
{
  g_return_if_fail (OPS_IS_ALERT_RULE (self));

  self->absence = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * ops_alert_rule_evaluate:
 * @self: a threshold rule
 * @value: the measured value (already aggregated over the window)
 * @severity: (out): the worst level it crosses
 *
 * Returns: whether @value crosses a level
 */
gboolean
ops_alert_rule_evaluate (OpsAlertRule *self,
                         double        value,
                         OpsSeverity  *severity)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), FALSE);

  if (self->has_critical && ops_alert_operator_compare (self->op, value, self->critical))
    {
      *severity = OPS_SEVERITY_CRITICAL;
      return TRUE;
    }
  if (self->has_warning && ops_alert_operator_compare (self->op, value, self->warning))
    {
      *severity = OPS_SEVERITY_WARNING;
      return TRUE;
    }

  return FALSE;
}

gboolean
ops_alert_rule_applies_to (OpsAlertRule           *self,
                           const OpsAlertCheckRef *check)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), FALSE);

  return self->enabled && ops_alert_scope_matches (&self->scope, check);
}
