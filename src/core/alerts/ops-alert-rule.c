/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ops-alert-rule.h"

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
struct _OpsAlertRule
{
  GObject parent_instance;

  /* Owned */
  char         *name;
  char         *metric;
  OpsAlertScope scope;

  gint64            id;
  OpsAlertRuleKind  kind;
  OpsSeverity       severity; /* down and absence */
  OpsAlertAggregate aggregate;
  OpsAlertOperator  op;
  double            warning;
  double            critical;
  gint64            window;
  gint64            for_seconds;
  gint64            absence;
  guint             has_warning : 1;
  guint             has_critical : 1;
  guint             enabled : 1;
  guint             builtin : 1;
};

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

static gboolean
invalid (GError    **error,
         const char *name,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError    **error,
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
    return invalid (error, self->name, _("it can wait at most a day before it fires."));

  switch (self->kind)
    {
    case OPS_ALERT_RULE_DOWN:
      if (self->severity == OPS_SEVERITY_INFO)
        return invalid (error, self->name, _("its severity must be warning or critical."));
      break;

    case OPS_ALERT_RULE_ABSENCE:
      if (self->severity == OPS_SEVERITY_INFO)
        return invalid (error, self->name, _("its severity must be warning or critical."));
      if (self->absence < OPS_ALERT_RULE_MIN_ABSENCE || self->absence > OPS_ALERT_RULE_MAX_ABSENCE)
        return invalid (error, self->name,
                        _("the time without results must be from %d seconds to 7 days."),
                        OPS_ALERT_RULE_MIN_ABSENCE);
      break;

    case OPS_ALERT_RULE_THRESHOLD:
      if (!ops_alert_validate_metric (self->metric, &local_error))
        return invalid (error, self->name, "%s", local_error->message);
      if (!self->has_warning && !self->has_critical)
        return invalid (error, self->name, _("give a warning level, a critical level or both."));
      if ((self->has_warning && !isfinite (self->warning)) ||
          (self->has_critical && !isfinite (self->critical)))
        return invalid (error, self->name, _("its levels must be numbers."));
      if (self->has_warning && self->has_critical)
        {
          if (self->op == OPS_ALERT_OPERATOR_EQ || self->op == OPS_ALERT_OPERATOR_NE)
            return invalid (error, self->name,
                            _("with == or != a rule has one level, warning or critical, not "
                               "both."));
          if (!worse_or_equal (self->op, self->critical, self->warning))
            {
              g_autofree char *w = ops_alert_format_value (self->warning);
              g_autofree char *c = ops_alert_format_value (self->critical);

              return invalid (error, self->name,
                              _("the critical level (%s) must be beyond the warning level (%s) "
                                 "in the direction of “%s”."),
                              c, w, ops_alert_operator_to_string (self->op));
            }
        }
      if (self->window < 0 || self->window > OPS_ALERT_RULE_MAX_WINDOW)
        return invalid (error, self->name, _("its window must be from 1 second to 1 day."));
      if (self->aggregate != OPS_ALERT_AGGREGATE_LAST && self->window == 0)
        return invalid (error, self->name,
                        _("%s(%s) needs a window to compute it over, such as 5m."),
                        ops_alert_aggregate_to_string (self->aggregate), self->metric);
      if (self->aggregate == OPS_ALERT_AGGREGATE_LAST && self->window != 0)
        return invalid (error, self->name,
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

typedef struct
{
  const char *text;
  const char *p;
} Cursor;

static void
skip_spaces (Cursor *c)
{
  while (g_ascii_isspace (*c->p))
    c->p++;
}

static gboolean
syntax_error (Cursor     *c,
              GError    **error,
              const char *expected)
{
  glong column = g_utf8_pointer_to_offset (c->text, c->p) + 1;

  if (*c->p == '\0')
    g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                 _("“%s” is not a condition: at column %ld, the end came where %s was "
                    "expected. Write it like avg(latency_ms) > 500 or cert_days < 14."),
                 c->text, column, expected);
  else
    g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                 _("“%s” is not a condition: at column %ld, %s was expected. Write it like "
                    "avg(latency_ms) > 500 or cert_days < 14."),
                 c->text, column, expected);
  return FALSE;
}

static char *
read_word (Cursor *c)
{
  const char *start = c->p;

  while (g_ascii_isalnum (*c->p) || *c->p == '_' || *c->p == '.')
    c->p++;

  return c->p > start ? g_strndup (start, c->p - start) : NULL;
}

/**
 * ops_alert_parse_condition:
 * @text: a condition such as `avg(latency_ms) > 500`, `max(disk_percent) >= 95`
 *   or `cert_days < 14`
 * @aggregate: (out): `last` when no function is given
 * @metric: (out) (transfer full): the value's name
 * @op: (out): the comparison
 * @threshold: (out): the level
 * @error: return location for a #GError, which points at the column
 *
 * Returns: %TRUE when @text parses
 */
gboolean
ops_alert_parse_condition (const char        *text,
                           OpsAlertAggregate *aggregate,
                           char             **metric,
                           OpsAlertOperator  *op,
                           double            *threshold,
                           GError           **error)
{
  Cursor           c = { text, text };
  g_autofree char *word = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  OpsAlertAggregate agg = OPS_ALERT_AGGREGATE_LAST;
  OpsAlertOperator  oper;
  char              op_text[3] = { 0 };
  char             *end = NULL;
  double            number;

  g_return_val_if_fail (text != NULL, FALSE);

  skip_spaces (&c);
  word = read_word (&c);
  if (word == NULL)
    return syntax_error (&c, error, _("a value name such as latency_ms"));

  skip_spaces (&c);
  if (*c.p == '(')
    {
      if (!ops_alert_aggregate_from_string (word, &agg) || agg == OPS_ALERT_AGGREGATE_LAST)
        {
          c.p = strstr (text, word);
          return syntax_error (&c, error, _("avg, min or max"));
        }
      c.p++;
      skip_spaces (&c);
      name = read_word (&c);
      if (name == NULL)
        return syntax_error (&c, error, _("a value name such as latency_ms"));
      skip_spaces (&c);
      if (*c.p != ')')
        return syntax_error (&c, error, _("“)”"));
      c.p++;
      skip_spaces (&c);
    }
  else
    name = g_steal_pointer (&word);

  if (!ops_alert_validate_metric (name, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (strchr ("<>=!", *c.p) == NULL || *c.p == '\0')
    return syntax_error (&c, error, _("a comparison (>, >=, <, <=, == or !=)"));
  op_text[0] = *c.p++;
  if (*c.p == '=')
    op_text[1] = *c.p++;
  if (!ops_alert_operator_from_string (op_text, &oper))
    {
      c.p -= strlen (op_text);
      return syntax_error (&c, error, _("a comparison (>, >=, <, <=, == or !=)"));
    }

  skip_spaces (&c);
  if (*c.p == '\0' || (!g_ascii_isdigit (*c.p) && *c.p != '-' && *c.p != '+' && *c.p != '.'))
    return syntax_error (&c, error, _("a number"));
  number = g_ascii_strtod (c.p, &end);
  if (end == c.p || !isfinite (number))
    return syntax_error (&c, error, _("a number"));
  c.p = end;
  skip_spaces (&c);
  if (*c.p != '\0')
    return syntax_error (&c, error, _("nothing more"));

  *aggregate = agg;
  *metric = g_steal_pointer (&name);
  *op = oper;
  *threshold = number;

  return TRUE;
}

/**
 * ops_alert_rule_set_conditions:
 * @self: a threshold rule
 * @warning: (nullable): the warning condition, such as `avg(latency_ms) > 500`
 * @critical: (nullable): the critical condition, such as `avg(latency_ms) > 1000`
 * @error: return location for a #GError
 *
 * Sets the measure and levels from one or two conditions, which must
 * measure the same value the same way. On error the rule is unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
ops_alert_rule_set_conditions (OpsAlertRule *self,
                               const char   *warning,
                               const char   *critical,
                               GError      **error)
{
  const char       *texts[2] = { warning, critical };
  OpsAlertAggregate aggregates[2] = { 0 };
  g_autofree char  *warning_metric = NULL;
  g_autofree char  *critical_metric = NULL;
  char            **metrics[2] = { &warning_metric, &critical_metric };
  OpsAlertOperator  ops[2] = { 0 };
  double            levels[2] = { 0 };
  int               first = -1;

  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), FALSE);
  g_return_val_if_fail (self->kind == OPS_ALERT_RULE_THRESHOLD, FALSE);

  if (warning == NULL && critical == NULL)
    return invalid (error, self->name, _("give a warning condition, a critical condition or both."));

  for (int i = 0; i < 2; i++)
    {
      if (texts[i] == NULL)
        continue;
      if (!ops_alert_parse_condition (texts[i], &aggregates[i], metrics[i], &ops[i], &levels[i],
                                      error))
        return FALSE;
      if (first < 0)
        first = i;
    }

  if (warning != NULL && critical != NULL &&
      (aggregates[0] != aggregates[1] || ops[0] != ops[1] || !g_str_equal (warning_metric, critical_metric)))
    return invalid (error, self->name,
                    _("the warning condition “%s” and the critical condition “%s” must measure "
                       "the same value with the same comparison, and differ only in the level."),
                    warning, critical);

  ops_alert_rule_set_measure (self, aggregates[first], *metrics[first], ops[first]);
  self->has_warning = warning != NULL;
  self->has_critical = critical != NULL;
  self->warning = levels[0];
  self->critical = levels[1];
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);

  return TRUE;
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

/* `avg(latency_ms)` or `cert_days`. */
char *
ops_alert_rule_describe_measure (OpsAlertRule *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), NULL);

  if (self->aggregate == OPS_ALERT_AGGREGATE_LAST)
    return g_strdup (self->metric);

  return g_strdup_printf ("%s(%s)", ops_alert_aggregate_to_string (self->aggregate), self->metric);
}

/**
 * ops_alert_rule_describe:
 * @self: a #OpsAlertRule
 *
 * Returns: (transfer full): the rule in words, such as “avg(latency_ms) >
 *   500 (warning), > 1000 (critical) over 5m, for checks tagged “api””
 */
char *
ops_alert_rule_describe (OpsAlertRule *self)
{
  g_autofree char *scope = NULL;
  g_autofree char *condition = NULL;
  g_autofree char *wait = NULL;
  GString         *text;

  g_return_val_if_fail (OPS_IS_ALERT_RULE (self), NULL);

  scope = ops_alert_scope_describe (&self->scope);

  switch (self->kind)
    {
    case OPS_ALERT_RULE_DOWN:
      condition = g_strdup_printf (_("the check is down (%s)"),
                                   ops_severity_to_string (self->severity));
      break;

    case OPS_ALERT_RULE_ABSENCE:
      {
        g_autofree char *after = ops_alert_format_duration (self->absence);

        condition = g_strdup_printf (_("no result for %s (%s)"), after,
                                     ops_severity_to_string (self->severity));
      }
      break;

    case OPS_ALERT_RULE_THRESHOLD:
      {
        g_autofree char *measure = ops_alert_rule_describe_measure (self);
        g_autofree char *w = ops_alert_format_value (self->warning);
        g_autofree char *c = ops_alert_format_value (self->critical);
        const char      *op = ops_alert_operator_to_string (self->op);
        GString         *s = g_string_new (measure);

        if (self->has_warning)
          g_string_append_printf (s, _(" %s %s (warning)"), op, w);
        if (self->has_warning && self->has_critical)
          g_string_append (s, ",");
        if (self->has_critical)
          g_string_append_printf (s, _(" %s %s (critical)"), op, c);
        if (self->window > 0)
          {
            g_autofree char *window = ops_alert_format_duration (self->window);

            g_string_append_printf (s, _(" over %s"), window);
          }
        condition = g_string_free (s, FALSE);
      }
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  text = g_string_new (condition);
  if (self->for_seconds > 0)
    {
      wait = ops_alert_format_duration (self->for_seconds);
      g_string_append_printf (text, _(", for %s"), wait);
    }
  g_string_append_printf (text, _(", on %s"), scope);
  if (!self->enabled)
    g_string_append (text, _(" (disabled)"));

  return g_string_free (text, FALSE);
}

static void
add_duration (JsonBuilder *builder,
              const char  *name,
              gint64       seconds)
{
  g_autofree char *text = ops_alert_format_duration (seconds);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

/* Writes the rule as the object of the exported configuration. */
void
ops_alert_rule_to_json (OpsAlertRule *self,
                        JsonBuilder  *builder)
{
  g_return_if_fail (OPS_IS_ALERT_RULE (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, ops_alert_rule_kind_to_string (self->kind));
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, self->enabled);
  ops_alert_scope_to_json (&self->scope, builder);

  if (self->kind == OPS_ALERT_RULE_THRESHOLD)
    {
      json_builder_set_member_name (builder, "metric");
      json_builder_add_string_value (builder, self->metric);
      json_builder_set_member_name (builder, "aggregate");
      json_builder_add_string_value (builder, ops_alert_aggregate_to_string (self->aggregate));
      json_builder_set_member_name (builder, "operator");
      json_builder_add_string_value (builder, ops_alert_operator_to_string (self->op));
      if (self->has_warning)
        {
          json_builder_set_member_name (builder, "warning");
          json_builder_add_double_value (builder, self->warning);
        }
      if (self->has_critical)
        {
          json_builder_set_member_name (builder, "critical");
          json_builder_add_double_value (builder, self->critical);
        }
      if (self->window > 0)
        add_duration (builder, "window", self->window);
    }
  else
    {
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, ops_severity_to_string (self->severity));
    }

  if (self->kind == OPS_ALERT_RULE_ABSENCE)
    add_duration (builder, "after", self->absence);

  add_duration (builder, "for", self->for_seconds);
  json_builder_end_object (builder);
}

static gboolean
member_duration (JsonObject *object,
                 const char *member,
                 const char *rule,
                 gint64     *seconds,
                 GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GError) local_error = NULL;

  if (node == NULL)
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= 0)
    {
      *seconds = json_node_get_int (node);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !ops_alert_parse_duration (json_node_get_string (node), seconds, &local_error))
    return invalid (error, rule, _("“%s” must be a duration such as “5m”%s%s"), member,
                    local_error != NULL ? ": " : ".",
                    local_error != NULL ? local_error->message : "");

  return TRUE;
}

static gboolean
member_number (JsonObject *object,
               const char *member,
               const char *rule,
               gboolean   *present,
               double     *value,
               GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType     type;

  *present = node != NULL;
  if (node == NULL)
    return TRUE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return invalid (error, rule, _("“%s” must be a number."), member);

  *value = json_node_get_double (node);
  return TRUE;
}

/**
 * ops_alert_rule_new_from_json:
 * @node: a rule as ops_alert_rule_to_json() writes it
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the rule, validated, or %NULL with @error
 *   saying what is wrong
 */
OpsAlertRule *
ops_alert_rule_new_from_json (JsonNode *node,
                              GError  **error)
{
  static const char *const known[] = { "name", "kind", "enabled", "scope", "metric",
                                       "aggregate", "operator", "warning", "critical",
                                       "window", "after", "for", "severity", NULL };
  g_autoptr(OpsAlertRule) self = NULL;
  g_autoptr(GList) members = NULL;
  g_auto(OpsAlertScope) scope = { 0 };
  g_autofree char *where = NULL;
  JsonObject      *object;
  const char      *name;
  const char      *text;
  OpsAlertRuleKind kind;
  JsonNode        *enabled;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("Each rule must be a JSON object."));
      return NULL;
    }

  object = json_node_get_object (node);
  name = ops_alert_json_get_string (object, "name");
  if (!ops_alert_validate_name (_("A rule"), name, error))
    return NULL;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        invalid (error, name, _("“%s” is not a member of a rule."), (const char *)l->data);
        return NULL;
      }

  text = ops_alert_json_get_string (object, "kind");
  if (!ops_alert_rule_kind_from_string (text, &kind))
    {
      invalid (error, name, _("its kind must be “down”, “threshold” or “absence”."));
      return NULL;
    }

  self = ops_alert_rule_new (kind, name);

  enabled = json_object_get_member (object, "enabled");
  if (enabled != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (enabled) || json_node_get_value_type (enabled) != G_TYPE_BOOLEAN)
        {
          invalid (error, name, _("“enabled” must be true or false."));
          return NULL;
        }
      self->enabled = json_node_get_boolean (enabled);
    }

  where = g_strdup_printf (_("The rule “%s”"), name);
  if (!ops_alert_scope_from_json (&scope, json_object_get_member (object, "scope"), where, error))
    return NULL;
  ops_alert_scope_copy (&scope, &self->scope);

  if (json_object_has_member (object, "severity"))
    {
      text = ops_alert_json_get_string (object, "severity");
      if (kind == OPS_ALERT_RULE_THRESHOLD)
        {
          invalid (error, name,
                   _("a threshold rule has a warning and a critical level instead of a "
                      "severity."));
          return NULL;
        }
      if (!ops_severity_from_string (text, &self->severity))
        {
          invalid (error, name, _("its severity must be “warning” or “critical”."));
          return NULL;
        }
    }

  if (kind == OPS_ALERT_RULE_THRESHOLD)
    {
      gboolean present;

      g_free (self->metric);
      self->metric = g_strdup (ops_alert_json_get_string (object, "metric"));
      text = ops_alert_json_get_string (object, "aggregate");
      if (text != NULL && !ops_alert_aggregate_from_string (text, &self->aggregate))
        {
          invalid (error, name, _("its aggregate must be “last”, “avg”, “min” or “max”."));
          return NULL;
        }
      text = ops_alert_json_get_string (object, "operator");
      if (!ops_alert_operator_from_string (text, &self->op))
        {
          invalid (error, name, _("its operator must be one of >, >=, <, <=, == and !=."));
          return NULL;
        }
      if (!member_number (object, "warning", name, &present, &self->warning, error))
        return NULL;
      self->has_warning = present;
      if (!member_number (object, "critical", name, &present, &self->critical, error))
        return NULL;
      self->has_critical = present;
      if (!member_duration (object, "window", name, &self->window, error))
        return NULL;
    }
  else
    {
      static const char *const threshold_only[] = { "metric", "aggregate", "operator", "warning",
                                                    "critical", "window" };

      for (guint i = 0; i < G_N_ELEMENTS (threshold_only); i++)
        if (json_object_has_member (object, threshold_only[i]))
          {
            invalid (error, name, _("“%s” belongs to threshold rules only."), threshold_only[i]);
            return NULL;
          }
    }

  if (kind == OPS_ALERT_RULE_ABSENCE)
    {
      if (!json_object_has_member (object, "after"))
        {
          invalid (error, name, _("an absence rule needs “after”, such as “5m”."));
          return NULL;
        }
      if (!member_duration (object, "after", name, &self->absence, error))
        return NULL;
    }
  else if (json_object_has_member (object, "after"))
    {
      invalid (error, name, _("“after” belongs to absence rules only."));
      return NULL;
    }

  if (!member_duration (object, "for", name, &self->for_seconds, error))
    return NULL;

  if (!ops_alert_rule_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
