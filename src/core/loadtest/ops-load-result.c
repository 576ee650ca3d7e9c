/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-loadtest"

#include "config.h"

#include "ops-load-result.h"

G_DEFINE_BOXED_TYPE (OpsLoadSnapshot, ops_load_snapshot, ops_load_snapshot_ref, ops_load_snapshot_unref)
G_DEFINE_BOXED_TYPE (OpsLoadResult, ops_load_result, ops_load_result_ref, ops_load_result_unref)

OpsLoadSnapshot *
ops_load_snapshot_new (void)
{
  OpsLoadSnapshot *self = g_new0 (OpsLoadSnapshot, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

OpsLoadSnapshot *
ops_load_snapshot_ref (OpsLoadSnapshot *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ops_load_snapshot_unref (OpsLoadSnapshot *self)
{
  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

double
ops_load_snapshot_get_rps (const OpsLoadSnapshot *self)
{
  return self->duration_usec > 0 ? self->counters.responses / (self->duration_usec / 1e6) : 0;
}

JsonNode *
ops_load_snapshot_to_json (const OpsLoadSnapshot *self)
{
  JsonNode   *node = ops_load_counters_to_json (&self->counters, self->duration_usec);
  JsonObject *object = json_node_get_object (node);

  json_object_set_int_member (object, "second", self->second);
  json_object_set_double_member (object, "target", self->target);
  return node;
}

void
ops_load_verdict_free (OpsLoadVerdict *self)
{
  g_free (self->expression);
  g_free (self->observed_text);
  g_free (self);
}

OpsLoadResult *
ops_load_result_new (OpsLoadScenario *scenario)
{
  OpsLoadResult *self = g_new0 (OpsLoadResult, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->scenario = ops_load_scenario_ref (scenario);
  self->timeline = g_ptr_array_new_with_free_func ((GDestroyNotify)ops_load_snapshot_unref);
  self->verdicts = g_ptr_array_new_with_free_func ((GDestroyNotify)ops_load_verdict_free);
  return self;
}

OpsLoadResult *
ops_load_result_ref (OpsLoadResult *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ops_load_result_unref (OpsLoadResult *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->name);
  ops_load_scenario_unref (self->scenario);
  g_ptr_array_unref (self->timeline);
  g_ptr_array_unref (self->verdicts);
  for (guint i = 0; i < OPS_LOAD_N_FAILURES; i++)
    g_free (self->notes[i]);
  g_free (self);
}

/* Judges every threshold of the scenario on the totals. */
void
ops_load_result_evaluate (OpsLoadResult *self)
{
  g_ptr_array_set_size (self->verdicts, 0);

  for (guint i = 0; i < self->scenario->thresholds->len; i++)
    {
      const OpsLoadThreshold *threshold = self->scenario->thresholds->pdata[i];
      OpsLoadVerdict         *verdict = g_new0 (OpsLoadVerdict, 1);

      verdict->expression = g_strdup (threshold->expression);
      verdict->observed = ops_load_threshold_observe (threshold, &self->totals, self->duration_usec);
      verdict->observed_text = ops_load_threshold_format_value (threshold, verdict->observed);
      verdict->passed = ops_load_threshold_holds (threshold, verdict->observed);
      g_ptr_array_add (self->verdicts, verdict);
    }
}

gboolean
ops_load_result_passed (const OpsLoadResult *self)
{
  for (guint i = 0; i < self->verdicts->len; i++)
    if (!((OpsLoadVerdict *)self->verdicts->pdata[i])->passed)
      return FALSE;

  return TRUE;
}

double
ops_load_result_get_rps (const OpsLoadResult *self)
{
  return self->duration_usec > 0 ? self->totals.responses / (self->duration_usec / 1e6) : 0;
}

static const char *const end_names[] = {
  [OPS_LOAD_END_COMPLETED] = "completed",
  [OPS_LOAD_END_STOPPED] = "stopped",
  [OPS_LOAD_END_ABORTED] = "aborted",
};

const char *
ops_load_end_to_string (OpsLoadEnd end)
{
  g_return_val_if_fail (end < G_N_ELEMENTS (end_names), NULL);

  return end_names[end];
}

gboolean
ops_load_end_from_string (const char *text,
                          OpsLoadEnd *end)
{
  for (guint i = 0; i < G_N_ELEMENTS (end_names); i++)
    if (g_strcmp0 (text, end_names[i]) == 0)
      {
        *end = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * ops_load_result_to_json:
 * @self: a result
 * @with_timeline: include one entry per second
 *
 * The stable JSON of `opsdeckctl load run --json` and `load show --json`
 * (described in the README). Credential headers are masked.
 *
 * Returns: (transfer full): the JSON
 */
JsonNode *
ops_load_result_to_json (const OpsLoadResult *self,
                         gboolean             with_timeline)
{
  JsonObject *object = json_object_new ();
  JsonNode   *root = json_node_new (JSON_NODE_OBJECT);
  JsonArray  *verdicts = json_array_new ();
  JsonObject *notes = json_object_new ();
  g_autoptr(GDateTime) started = g_date_time_new_from_unix_utc (self->started_at / G_USEC_PER_SEC);
  g_autofree char *started_text = started != NULL ? g_date_time_format_iso8601 (started) : g_strdup ("");

  json_node_take_object (root, object);
  json_object_set_int_member (object, "format_version", 1);
  if (self->id > 0)
    json_object_set_int_member (object, "id", self->id);
  if (self->name != NULL)
    json_object_set_string_member (object, "name", self->name);
  json_object_set_string_member (object, "started_at", started_text);
  json_object_set_string_member (object, "end", ops_load_end_to_string (self->end));
  json_object_set_boolean_member (object, "passed", ops_load_result_passed (self));
  json_object_set_member (object, "scenario", ops_load_scenario_to_json (self->scenario, TRUE));
  json_object_set_member (object, "summary", ops_load_counters_to_json (&self->totals, self->duration_usec));

  for (guint i = 0; i < self->verdicts->len; i++)
    {
      const OpsLoadVerdict *verdict = self->verdicts->pdata[i];
      JsonObject           *entry = json_object_new ();

      json_object_set_string_member (entry, "threshold", verdict->expression);
      json_object_set_boolean_member (entry, "passed", verdict->passed);
      json_object_set_string_member (entry, "observed", verdict->observed_text);
      json_array_add_object_element (verdicts, entry);
    }
  json_object_set_array_member (object, "thresholds", verdicts);

  for (guint i = 0; i < OPS_LOAD_N_FAILURES; i++)
    if (self->notes[i] != NULL)
      json_object_set_string_member (notes, ops_load_failure_to_string (i), self->notes[i]);
  json_object_set_object_member (object, "error_details", notes);

  if (with_timeline)
    {
      JsonArray *timeline = json_array_new ();

      for (guint i = 0; i < self->timeline->len; i++)
        json_array_add_element (timeline, ops_load_snapshot_to_json (self->timeline->pdata[i]));
      json_object_set_array_member (object, "timeline", timeline);
      json_object_set_int_member (object, "dropped_seconds", self->dropped_seconds);
    }

  return root;
}
