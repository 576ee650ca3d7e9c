/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ops-alert-rule-private.h"

/* A rule in words: its conditions (`avg(latency_ms) > 500`), its
 * description, and its JSON form in the exported configuration. */

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
    return _ops_alert_rule_invalid (error, self->name, _("give a warning condition, a critical condition or both."));

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
    return _ops_alert_rule_invalid (error, self->name,
                                    _("the warning condition “%s” and the critical condition “%s” must measure "
                                       "the same value with the same comparison, and differ only in the level."),
                                    warning, critical);

  ops_alert_rule_set_measure (self, aggregates[first], *metrics[first], ops[first]);
  self->has_warning = warning != NULL;
  self->has_critical = critical != NULL;
  self->warning = levels[0];
  self->critical = levels[1];
  g_object_notify (G_OBJECT (self), "description");

  return TRUE;
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
    return _ops_alert_rule_invalid (error, rule, _("“%s” must be a duration such as “5m”%s%s"), member,
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
    return _ops_alert_rule_invalid (error, rule, _("“%s” must be a number."), member);

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
        _ops_alert_rule_invalid (error, name, _("“%s” is not a member of a rule."), (const char *)l->data);
        return NULL;
      }

  text = ops_alert_json_get_string (object, "kind");
  if (!ops_alert_rule_kind_from_string (text, &kind))
    {
      _ops_alert_rule_invalid (error, name, _("its kind must be “down”, “threshold” or “absence”."));
      return NULL;
    }

  self = ops_alert_rule_new (kind, name);

  enabled = json_object_get_member (object, "enabled");
  if (enabled != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (enabled) || json_node_get_value_type (enabled) != G_TYPE_BOOLEAN)
        {
          _ops_alert_rule_invalid (error, name, _("“enabled” must be true or false."));
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
          _ops_alert_rule_invalid (error, name,
                                   _("a threshold rule has a warning and a critical level instead of a "
                                      "severity."));
          return NULL;
        }
      if (!ops_severity_from_string (text, &self->severity))
        {
          _ops_alert_rule_invalid (error, name, _("its severity must be “warning” or “critical”."));
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
          _ops_alert_rule_invalid (error, name, _("its aggregate must be “last”, “avg”, “min” or “max”."));
          return NULL;
        }
      text = ops_alert_json_get_string (object, "operator");
      if (!ops_alert_operator_from_string (text, &self->op))
        {
          _ops_alert_rule_invalid (error, name, _("its operator must be one of >, >=, <, <=, == and !=."));
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
            _ops_alert_rule_invalid (error, name, _("“%s” belongs to threshold rules only."), threshold_only[i]);
            return NULL;
          }
    }

  if (kind == OPS_ALERT_RULE_ABSENCE)
    {
      if (!json_object_has_member (object, "after"))
        {
          _ops_alert_rule_invalid (error, name, _("an absence rule needs “after”, such as “5m”."));
          return NULL;
        }
      if (!member_duration (object, "after", name, &self->absence, error))
        return NULL;
    }
  else if (json_object_has_member (object, "after"))
    {
      _ops_alert_rule_invalid (error, name, _("“after” belongs to absence rules only."));
      return NULL;
    }

  if (!member_duration (object, "for", name, &self->for_seconds, error))
    return NULL;

  if (!ops_alert_rule_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
