/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-alert-engine-private.h"

/* Evaluating rules: a result of a check against down and threshold rules
 * (values kept over the rule's window), the time against absence rules,
 * and what follows — an alert opened, pending, fired, escalated, lowered
 * or resolved, with its snapshot and a step in its timeline. */

static char *
build_snapshot (OpsAlertRule   *rule,
                OpsAlertSample *sample,
                gboolean        has_value,
                double          value,
                guint           n_points)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (sample != NULL)
    {
      json_builder_set_member_name (builder, "sample");
      ops_alert_sample_to_json (sample, builder);
    }
  json_builder_set_member_name (builder, "rule");
  ops_alert_rule_to_json (rule, builder);
  if (has_value)
    {
      g_autofree char *measure = ops_alert_rule_describe_measure (rule);

      json_builder_set_member_name (builder, "measure");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "expression");
      json_builder_add_string_value (builder, measure);
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, value);
      json_builder_set_member_name (builder, "points");
      json_builder_add_int_value (builder, n_points);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Closes an open alert: resolved, by itself or by hand. */
void
_ops_alert_engine_close_alert (OpsAlertEngine *self,
                               Series         *series,
                               CheckState     *check,
                               const char     *actor,
                               const char     *note)
{
  g_autoptr(OpsAlert) alert = g_steal_pointer (&series->alert);
  gint64 t = _ops_alert_engine_now (self);

  alert->state = OPS_ALERT_STATE_RESOLVED;
  alert->resolved_at = t;
  _ops_alert_set_string (&alert->resolved_by, actor);
  _ops_alert_set_string (&alert->resolve_note, note);
  _ops_alert_engine_save (self, alert, "resolved", actor, note);
  _ops_alert_engine_remove_open (self, alert);
  series->escalation_pending = FALSE;

  if (alert->notified_at != 0)
    _ops_alert_engine_publish (self, "alert.resolved", alert, actor, note, FALSE);

  _ops_alert_engine_record_change (self, series, check, t);
}

void
_ops_alert_engine_fire (OpsAlertEngine *self,
                        Series         *series,
                        CheckState     *check)
{
  OpsAlert *alert = series->alert;

  alert->state = OPS_ALERT_STATE_FIRING;
  alert->fired_at = _ops_alert_engine_now (self);
  _ops_alert_engine_save (self, alert, "firing", NULL, NULL);
  _ops_alert_engine_record_change (self, series, check, alert->fired_at);
}

/* Applies the outcome of one evaluation of @rule for @check. */
static void
apply (OpsAlertEngine *self,
       OpsAlertRule   *rule,
       CheckState     *check,
       Series         *series,
       gboolean        condition,
       OpsSeverity     severity,
       const char     *cause,
       gboolean        has_value,
       double          value,
       OpsAlertSample *sample)
{
  OpsAlert *alert = series->alert;
  gint64    t = _ops_alert_engine_now (self);

  if (!condition)
    {
      if (alert == NULL)
        return;

      if (alert->state == OPS_ALERT_STATE_PENDING)
        {
          g_autoptr(GError) error = NULL;

          /* It never fired: it was never an alert. */
          if (!ops_alert_db_delete_alert (self->store, alert->id, &error))
            _ops_alert_engine_log_error ("Could not forget a pending alert", error);
          _ops_alert_engine_remove_open (self, alert);
          g_clear_object (&series->alert);
          return;
        }

      _ops_alert_engine_close_alert (self, series, check, NULL, _("The condition cleared."));
      return;
    }

  if (alert == NULL)
    {
      g_autoptr(GError) error = NULL;

      alert = _ops_alert_new ();
      alert->rule_id = ops_alert_rule_get_id (rule);
      alert->rule_name = g_strdup (ops_alert_rule_get_name (rule));
      alert->check_id = check->id;
      alert->check_name = g_strdup (check->name);
      alert->severity = severity;
      alert->cause = g_strdup (cause);
      alert->has_value = has_value;
      alert->value = value;
      alert->snapshot = build_snapshot (rule, sample, has_value, value, series->points->len);
      alert->pending_at = t;
      alert->state = OPS_ALERT_STATE_PENDING;
      if (ops_alert_rule_get_for (rule) == 0)
        {
          alert->state = OPS_ALERT_STATE_FIRING;
          alert->fired_at = t;
        }

      if (!ops_alert_db_insert_alert (self->store, alert, &error) ||
          !ops_alert_db_add_transition (self->store, alert, t,
                                        ops_alert_state_to_string (alert->state), NULL, NULL,
                                        &error))
        _ops_alert_engine_log_error ("Could not record an alert", error);

      series->alert = alert;
      series->escalation_pending = FALSE;
      series->unblocked_at = 0;
      _ops_alert_engine_add_open (self, alert);

      if (alert->state == OPS_ALERT_STATE_FIRING)
        _ops_alert_engine_record_change (self, series, check, t);
      return;
    }

  if (alert->state == OPS_ALERT_STATE_PENDING)
    {
      alert->severity = severity;
      _ops_alert_set_string (&alert->cause, cause);
      alert->has_value = has_value;
      alert->value = value;
      if (t - alert->pending_at >= ops_alert_rule_get_for (rule) * G_USEC_PER_SEC)
        {
          g_free (alert->snapshot);
          alert->snapshot = build_snapshot (rule, sample, has_value, value, series->points->len);
          _ops_alert_engine_fire (self, series, check);
        }
      else
        _ops_alert_engine_save (self, alert, NULL, NULL, NULL);
      return;
    }

  if (severity > alert->severity)
    {
      alert->severity = severity;
      _ops_alert_set_string (&alert->cause, cause);
      alert->has_value = has_value;
      alert->value = value;
      /* Escalation asks for attention again, even after an acknowledgement. */
      alert->state = OPS_ALERT_STATE_FIRING;
      series->escalation_pending = TRUE;
      _ops_alert_engine_save (self, alert, "escalated", NULL, cause);
    }
  else if (severity < alert->severity)
    {
      alert->severity = severity;
      _ops_alert_set_string (&alert->cause, cause);
      alert->has_value = has_value;
      alert->value = value;
      _ops_alert_engine_save (self, alert, "lowered", NULL, cause);
    }
  else if (g_strcmp0 (alert->cause, cause) != 0 || alert->has_value != has_value ||
           (has_value && alert->value != value))
    {
      _ops_alert_set_string (&alert->cause, cause);
      alert->has_value = has_value;
      alert->value = value;
      _ops_alert_engine_save (self, alert, NULL, NULL, NULL);
    }
}

static double
aggregate (OpsAlertAggregate how,
           GArray           *points)
{
  double result;

  g_assert (points->len > 0);

  result = g_array_index (points, Point, how == OPS_ALERT_AGGREGATE_LAST ? points->len - 1 : 0).value;
  if (how == OPS_ALERT_AGGREGATE_LAST)
    return result;

  for (guint i = 1; i < points->len; i++)
    {
      double v = g_array_index (points, Point, i).value;

      if (how == OPS_ALERT_AGGREGATE_MIN)
        result = MIN (result, v);
      else if (how == OPS_ALERT_AGGREGATE_MAX)
        result = MAX (result, v);
      else
        result += v;
    }

  return how == OPS_ALERT_AGGREGATE_AVG ? result / points->len : result;
}

static char *
threshold_cause (OpsAlertRule *rule,
                 double        value,
                 OpsSeverity   severity,
                 gboolean      crossed)
{
  g_autofree char *measure = ops_alert_rule_describe_measure (rule);
  g_autofree char *shown = ops_alert_format_value (value);
  g_autofree char *window = NULL;
  g_autofree char *level_text = NULL;
  double           level = 0;

  if (ops_alert_rule_get_window (rule) > 0)
    {
      g_autofree char *w = ops_alert_format_duration (ops_alert_rule_get_window (rule));

      window = g_strdup_printf (_(" over %s"), w);
    }

  if (!crossed)
    return g_strdup_printf (_("%s%s is %s."), measure, window != NULL ? window : "", shown);

  ops_alert_rule_get_level (rule, severity, &level);
  level_text = ops_alert_format_value (level);

  /* Translators: “avg(latency_ms) over 5m is 812 (critical level: > 500)” */
  return g_strdup_printf (_("%s%s is %s (%s level: %s %s)."), measure,
                          window != NULL ? window : "", shown,
                          severity == OPS_SEVERITY_CRITICAL ? _("critical") : _("warning"),
                          ops_alert_operator_to_string (ops_alert_rule_get_operator (rule)),
                          level_text);
}

static void
evaluate_threshold (OpsAlertEngine *self,
                    OpsAlertRule   *rule,
                    CheckState     *check,
                    OpsAlertSample *sample)
{
  g_autofree char *cause = NULL;
  Series          *series;
  Point            point;
  gint64           window = ops_alert_rule_get_window (rule) * G_USEC_PER_SEC;
  OpsSeverity      severity = OPS_SEVERITY_WARNING;
  gboolean         crossed;
  double           value;

  if (!ops_alert_sample_get_metric (sample, ops_alert_rule_get_metric (rule), &point.value))
    return;

  point.time = ops_alert_sample_get_time (sample);
  series = _ops_alert_engine_lookup_series (self, ops_alert_rule_get_id (rule), check->id, TRUE);
  g_array_append_val (series->points, point);

  /* Keep the window: the last value alone, or those within it. */
  while (series->points->len > 1 &&
         (window == 0 || g_array_index (series->points, Point, 0).time <= point.time - window))
    g_array_remove_index (series->points, 0);

  value = aggregate (ops_alert_rule_get_aggregate (rule), series->points);
  crossed = ops_alert_rule_evaluate (rule, value, &severity);
  cause = threshold_cause (rule, value, severity, crossed);

  apply (self, rule, check, series, crossed, severity, cause, TRUE, value, sample);
}

void
_ops_alert_engine_evaluate (OpsAlertEngine *self,
                            OpsAlertRule   *rule,
                            CheckState     *check,
                            OpsAlertSample *sample)
{
  OpsSampleStatus status = ops_alert_sample_get_status (sample);
  Series         *series;

  switch (ops_alert_rule_get_kind (rule))
    {
    case OPS_ALERT_RULE_DOWN:
      if (status == OPS_SAMPLE_STATUS_UNKNOWN)
        return;
      series = _ops_alert_engine_lookup_series (self, ops_alert_rule_get_id (rule), check->id,
                                                status == OPS_SAMPLE_STATUS_DOWN);
      if (series == NULL)
        return;
      apply (self, rule, check, series, status == OPS_SAMPLE_STATUS_DOWN,
             ops_alert_rule_get_severity (rule),
             ops_alert_sample_get_error (sample) != NULL ? ops_alert_sample_get_error (sample)
                                                         : _("The check is down."),
             FALSE, 0, sample);
      break;

    case OPS_ALERT_RULE_THRESHOLD:
      evaluate_threshold (self, rule, check, sample);
      break;

    case OPS_ALERT_RULE_ABSENCE:
      /* A result arrived: whatever went quiet speaks again. */
      series = _ops_alert_engine_lookup_series (self, ops_alert_rule_get_id (rule), check->id, FALSE);
      if (series != NULL && series->alert != NULL)
        apply (self, rule, check, series, FALSE, ops_alert_rule_get_severity (rule), NULL, FALSE,
               0, sample);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
_ops_alert_engine_check_absence (OpsAlertEngine *self,
                                 gint64          t)
{
  GHashTableIter iter;
  CheckState    *check;

  for (guint r = 0; r < self->rules->len; r++)
    {
      OpsAlertRule *rule = g_ptr_array_index (self->rules, r);
      gint64        limit = ops_alert_rule_get_absence (rule) * G_USEC_PER_SEC;

      if (ops_alert_rule_get_kind (rule) != OPS_ALERT_RULE_ABSENCE || !ops_alert_rule_get_enabled (rule))
        continue;

      g_hash_table_iter_init (&iter, self->checks);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&check))
        {
          OpsAlertCheckRef ref = _ops_alert_engine_check_ref (check);
          gint64           last = check->last_time != 0 ? check->last_time : check->first_seen;
          g_autofree char *cause = NULL;
          g_autofree char *quiet = NULL;
          g_autofree char *when = NULL;
          Series          *series;

          if (!ops_alert_rule_applies_to (rule, &ref) || t - last < limit)
            continue;

          series = _ops_alert_engine_lookup_series (self, ops_alert_rule_get_id (rule), check->id,
                                                    TRUE);
          quiet = ops_alert_format_duration ((t - last) / G_USEC_PER_SEC);
          when = ops_alert_format_time (last);
          if (check->last_time != 0)
            cause = g_strdup_printf (_("No result for %s; the last one came at %s."), quiet, when);
          else
            cause = g_strdup_printf (_("No result for %s, since Opsdeck started watching at %s."),
                                     quiet, when);
          apply (self, rule, check, series, TRUE, ops_alert_rule_get_severity (rule), cause, FALSE,
                 0, check->last_sample);
        }
    }
}

/* Resolves the open alerts of rules that are gone, disabled, or no longer
 * cover their check. */
void
_ops_alert_engine_close_orphans (OpsAlertEngine *self)
{
  g_autoptr(GPtrArray) to_close = g_ptr_array_new ();
  GHashTableIter iter;
  Series        *series;

  g_hash_table_iter_init (&iter, self->series);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&series))
    {
      OpsAlertRule    *rule;
      CheckState      *check;
      OpsAlertCheckRef ref;

      if (series->alert == NULL)
        continue;

      rule = _ops_alert_engine_find_rule (self, series->rule_id);
      check = _ops_alert_engine_lookup_check (self, series->check_id);
      ref = _ops_alert_engine_check_ref (check);
      if (rule == NULL || !ops_alert_rule_get_enabled (rule) ||
          (check->last_time != 0 && !ops_alert_scope_matches (ops_alert_rule_get_scope (rule), &ref)))
        g_ptr_array_add (to_close, series);
    }

  for (guint i = 0; i < to_close->len; i++)
    {
      Series       *s = g_ptr_array_index (to_close, i);
      OpsAlertRule *rule = _ops_alert_engine_find_rule (self, s->rule_id);
      CheckState   *check = _ops_alert_engine_lookup_check (self, s->check_id);
      const char   *note;

      if (rule == NULL)
        note = _("The rule was removed.");
      else if (!ops_alert_rule_get_enabled (rule))
        note = _("The rule was disabled.");
      else
        note = _("The rule no longer covers this check.");

      if (s->alert->state == OPS_ALERT_STATE_PENDING)
        {
          ops_alert_db_delete_alert (self->store, s->alert->id, NULL);
          _ops_alert_engine_remove_open (self, s->alert);
          g_clear_object (&s->alert);
        }
      else
        _ops_alert_engine_close_alert (self, s, check, NULL, note);
    }
}

/**
 * ops_alert_engine_observe:
 * @self: a #OpsAlertEngine
 * @sample: a result of a check
 *
 * Evaluates every enabled rule that covers the sample's check.
 */
void
ops_alert_engine_observe (OpsAlertEngine *self,
                          OpsAlertSample *sample)
{
  CheckState *check;

  g_return_if_fail (OPS_IS_ALERT_ENGINE (self));
  g_return_if_fail (sample != NULL);

  check = _ops_alert_engine_ensure_check (self, ops_alert_sample_get_check_id (sample),
                                          ops_alert_sample_get_check_name (sample));
  if (ops_alert_sample_get_environment (sample) != NULL)
    {
      g_free (check->environment);
      check->environment = g_strdup (ops_alert_sample_get_environment (sample));
    }
  if (ops_alert_sample_get_tags (sample) != NULL)
    {
      g_strfreev (check->tags);
      check->tags = g_strdupv ((char **)ops_alert_sample_get_tags (sample));
    }
  check->status = ops_alert_sample_get_status (sample);
  check->last_time = MAX (check->last_time, ops_alert_sample_get_time (sample));
  g_clear_pointer (&check->last_sample, ops_alert_sample_unref);
  check->last_sample = ops_alert_sample_ref (sample);

  for (guint i = 0; i < self->rules->len; i++)
    {
      OpsAlertRule    *rule = g_ptr_array_index (self->rules, i);
      OpsAlertCheckRef ref = _ops_alert_engine_check_ref (check);

      if (ops_alert_rule_applies_to (rule, &ref))
        _ops_alert_engine_evaluate (self, rule, check, sample);
    }

  /* Tags or environment may have changed which rules cover the check. */
  for (guint i = 0; i < self->rules->len; i++)
    {
      OpsAlertRule    *rule = g_ptr_array_index (self->rules, i);
      OpsAlertCheckRef ref = _ops_alert_engine_check_ref (check);
      Series          *series;

      if (ops_alert_rule_applies_to (rule, &ref) || !ops_alert_rule_get_enabled (rule))
        continue;
      series = _ops_alert_engine_lookup_series (self, ops_alert_rule_get_id (rule), check->id, FALSE);
      if (series == NULL || series->alert == NULL)
        continue;
      if (series->alert->state == OPS_ALERT_STATE_PENDING)
        {
          ops_alert_db_delete_alert (self->store, series->alert->id, NULL);
          _ops_alert_engine_remove_open (self, series->alert);
          g_clear_object (&series->alert);
        }
      else
        _ops_alert_engine_close_alert (self, series, check, NULL, _("The rule no longer covers this check."));
    }

  _ops_alert_engine_consider_check (self, check);
}

/**
 * ops_alert_engine_set_check:
 * @self: a #OpsAlertEngine
 * @check_id: a check's id
 * @name: its name
 * @environment: (nullable): its environment
 * @tags: (nullable): its tags
 *
 * Tells the engine about a check before its first result, so that an
 * absence rule can notice one that never reports.
 */
void
ops_alert_engine_set_check (OpsAlertEngine    *self,
                            gint64             check_id,
                            const char        *name,
                            const char        *environment,
                            const char *const *tags)
{
  CheckState *check;

  g_return_if_fail (OPS_IS_ALERT_ENGINE (self));
  g_return_if_fail (name != NULL);

  check = _ops_alert_engine_ensure_check (self, check_id, name);
  g_free (check->environment);
  check->environment = g_strdup (environment);
  g_strfreev (check->tags);
  check->tags = g_strdupv ((char **)tags);
}

/**
 * ops_alert_engine_forget_check:
 * @self: a #OpsAlertEngine
 * @check_id: a check that was removed or paused
 *
 * Resolves the check's open alerts and stops watching it.
 */
void
ops_alert_engine_forget_check (OpsAlertEngine *self,
                               gint64          check_id)
{
  CheckState    *check;
  GHashTableIter iter;
  Series        *series;

  g_return_if_fail (OPS_IS_ALERT_ENGINE (self));

  check = _ops_alert_engine_lookup_check (self, check_id);
  if (check == NULL)
    return;

  g_hash_table_iter_init (&iter, self->series);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&series))
    {
      if (series->check_id != check_id)
        continue;
      if (series->alert != NULL && series->alert->state == OPS_ALERT_STATE_PENDING)
        {
          ops_alert_db_delete_alert (self->store, series->alert->id, NULL);
          _ops_alert_engine_remove_open (self, series->alert);
          g_clear_object (&series->alert);
        }
      else if (series->alert != NULL)
        _ops_alert_engine_close_alert (self, series, check, NULL, _("The check is no longer watched."));
      g_hash_table_iter_remove (&iter);
    }

  if (g_hash_table_lookup (self->check_names, check->name) == check)
    g_hash_table_remove (self->check_names, check->name);
  g_hash_table_remove (self->checks, &check_id);
}
