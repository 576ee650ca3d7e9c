/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-loadtest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "config/ops-config.h"
#include "ops-load-error.h"
#include "ops-load-store-private.h"
#include "secrets/ops-secrets.h"

#define MAX_JSON_SIZE (4 * 1024 * 1024)

void
ops_load_run_info_free (OpsLoadRunInfo *self)
{
  g_free (self->name);
  g_free (self->url);
  g_free (self->end);
  g_free (self);
}

char *
_ops_load_store_json_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

JsonNode *
_ops_load_store_json_from_text (const char *text,
                                GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (text == NULL || strlen (text) > MAX_JSON_SIZE || !json_parser_load_from_data (parser, text, -1, NULL))
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_CORRUPT,
                   _("A stored load test is damaged and cannot be read."));
      return NULL;
    }

  return json_node_copy (json_parser_get_root (parser));
}

/* The counters without their histogram, as stored. */
static JsonNode *
counters_to_json (const OpsLoadCounters *counters)
{
  JsonObject *object = json_object_new ();
  JsonArray  *status = json_array_new ();
  JsonArray  *failures = json_array_new ();
  JsonNode   *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "requests", counters->requests);
  json_object_set_int_member (object, "responses", counters->responses);
  for (guint i = 0; i < G_N_ELEMENTS (counters->status); i++)
    json_array_add_int_element (status, counters->status[i]);
  json_object_set_array_member (object, "status", status);
  for (guint i = 0; i < OPS_LOAD_N_FAILURES; i++)
    json_array_add_int_element (failures, counters->failures[i]);
  json_object_set_array_member (object, "failures", failures);
  json_object_set_int_member (object, "bytes_in", counters->bytes_in);
  json_object_set_int_member (object, "bytes_out", counters->bytes_out);
  json_object_set_int_member (object, "connections_opened", counters->connections_opened);

  json_node_take_object (node, object);
  return node;
}

static gboolean
counters_from_json (JsonNode        *node,
                    GBytes          *histogram,
                    OpsLoadCounters *counters,
                    GError         **error)
{
  g_autoptr(OpsLoadHistogram) latency = NULL;
  JsonObject *object;
  JsonArray  *status, *failures;

  ops_load_counters_reset (counters);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto corrupt;
  object = json_node_get_object (node);
  status = json_object_get_array_member (object, "status");
  failures = json_object_get_array_member (object, "failures");
  if (status == NULL || failures == NULL || json_array_get_length (status) != G_N_ELEMENTS (counters->status) ||
      json_array_get_length (failures) != OPS_LOAD_N_FAILURES)
    goto corrupt;

  counters->requests = json_object_get_int_member (object, "requests");
  counters->responses = json_object_get_int_member (object, "responses");
  for (guint i = 0; i < G_N_ELEMENTS (counters->status); i++)
    counters->status[i] = json_array_get_int_element (status, i);
  for (guint i = 0; i < OPS_LOAD_N_FAILURES; i++)
    counters->failures[i] = json_array_get_int_element (failures, i);
  counters->bytes_in = json_object_get_int_member (object, "bytes_in");
  counters->bytes_out = json_object_get_int_member (object, "bytes_out");
  counters->connections_opened = json_object_get_int_member (object, "connections_opened");

  latency = ops_load_histogram_deserialize (histogram, error);
  if (latency == NULL)
    return FALSE;
  counters->latency = *latency;
  return TRUE;

corrupt:
  g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_CORRUPT,
               _("A stored load test is damaged and cannot be read."));
  return FALSE;
}

gboolean
_ops_load_store_step_done (OpsStore     *store,
                           sqlite3_stmt *stmt,
                           const char   *context,
                           GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc, context);
  return TRUE;
}

gint64
_ops_load_store_find_scenario_id (OpsStore   *store,
                                  const char *name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (name == NULL)
    return 0;
  stmt = ops_store_prepare (store, "SELECT id FROM load_scenarios WHERE name = ?1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
insert_seconds (OpsStore      *store,
                OpsLoadResult *result,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ops_store_prepare (store,
                            "INSERT INTO load_run_seconds (run_id, second, duration_usec, target, counters, histogram) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < result->timeline->len; i++)
    {
      const OpsLoadSnapshot *snapshot = result->timeline->pdata[i];
      g_autoptr(JsonNode) counters = counters_to_json (&snapshot->counters);
      g_autofree char *counters_text = _ops_load_store_json_to_text (counters);
      g_autoptr(GBytes) blob = ops_load_histogram_serialize (&snapshot->counters.latency);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, result->id);
      sqlite3_bind_int64 (stmt, 2, snapshot->second);
      sqlite3_bind_int64 (stmt, 3, snapshot->duration_usec);
      sqlite3_bind_double (stmt, 4, snapshot->target);
      sqlite3_bind_text (stmt, 5, counters_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob (stmt, 6, g_bytes_get_data (blob, NULL), g_bytes_get_size (blob), SQLITE_TRANSIENT);
      if (!_ops_load_store_step_done (store, stmt, _("Could not save the load test’s timeline"), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ops_load_store_save_run:
 * @store: the database
 * @result: a finished run; its id is set
 * @error: return location for an error
 *
 * Saves the run, its timeline and its histograms in one transaction.
 * Credential headers are saved masked.
 *
 * Returns: the run's id, or 0 on error
 */
gint64
ops_load_store_save_run (OpsStore      *store,
                         OpsLoadResult *result,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) configuration = ops_load_scenario_to_json (result->scenario, TRUE);
  g_autofree char *configuration_text = _ops_load_store_json_to_text (configuration);
  g_autoptr(JsonBuilder) summary = json_builder_new ();
  g_autoptr(JsonNode) summary_node = NULL;
  g_autofree char *summary_text = NULL;
  g_autoptr(GBytes) blob = ops_load_histogram_serialize (&result->totals.latency);
  gint64 scenario_id;

  g_return_val_if_fail (OPS_IS_STORE (store), 0);

  json_builder_begin_object (summary);
  json_builder_set_member_name (summary, "counters");
  json_builder_add_value (summary, counters_to_json (&result->totals));
  json_builder_set_member_name (summary, "verdicts");
  json_builder_begin_array (summary);
  for (guint i = 0; i < result->verdicts->len; i++)
    {
      const OpsLoadVerdict *verdict = result->verdicts->pdata[i];

      json_builder_begin_object (summary);
      json_builder_set_member_name (summary, "threshold");
      json_builder_add_string_value (summary, verdict->expression);
      json_builder_set_member_name (summary, "observed");
      json_builder_add_double_value (summary, verdict->observed);
      json_builder_set_member_name (summary, "observed_text");
      json_builder_add_string_value (summary, verdict->observed_text);
      json_builder_set_member_name (summary, "passed");
      json_builder_add_boolean_value (summary, verdict->passed);
      json_builder_end_object (summary);
    }
  json_builder_end_array (summary);
  json_builder_set_member_name (summary, "notes");
  json_builder_begin_object (summary);
  for (guint i = 0; i < OPS_LOAD_N_FAILURES; i++)
    if (result->notes[i] != NULL)
      {
        json_builder_set_member_name (summary, ops_load_failure_to_string (i));
        json_builder_add_string_value (summary, result->notes[i]);
      }
  json_builder_end_object (summary);
  json_builder_set_member_name (summary, "dropped_seconds");
  json_builder_add_int_value (summary, result->dropped_seconds);
  json_builder_end_object (summary);
  summary_node = json_builder_get_root (summary);
  summary_text = _ops_load_store_json_to_text (summary_node);

  if (!ops_store_begin (store, error))
    return 0;

  scenario_id = _ops_load_store_find_scenario_id (store, result->scenario->name);
  stmt = ops_store_prepare (store,
                            "INSERT INTO load_runs (name, scenario_id, url, started_at, duration_usec, "
                            "end_reason, passed, requests, responses, errors, rps, p99_usec, "
                            "configuration, summary, histogram) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, result->name, -1, SQLITE_TRANSIENT);
  if (scenario_id > 0)
    sqlite3_bind_int64 (stmt, 2, scenario_id);
  sqlite3_bind_text (stmt, 3, result->scenario->url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, result->started_at);
  sqlite3_bind_int64 (stmt, 5, result->duration_usec);
  sqlite3_bind_text (stmt, 6, ops_load_end_to_string (result->end), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, ops_load_result_passed (result));
  sqlite3_bind_int64 (stmt, 8, result->totals.requests);
  sqlite3_bind_int64 (stmt, 9, result->totals.responses);
  sqlite3_bind_int64 (stmt, 10, ops_load_counters_failures (&result->totals));
  sqlite3_bind_double (stmt, 11, ops_load_result_get_rps (result));
  sqlite3_bind_int64 (stmt, 12, ops_load_histogram_value_at (&result->totals.latency, 99) / 1000);
  sqlite3_bind_text (stmt, 13, configuration_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, summary_text, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 15, g_bytes_get_data (blob, NULL), g_bytes_get_size (blob), SQLITE_STATIC);
  if (!_ops_load_store_step_done (store, stmt, _("Could not save the load test"), error))
    goto failed;

  result->id = sqlite3_last_insert_rowid (ops_store_get_handle (store));
  if (!insert_seconds (store, result, error) || !ops_store_commit (store, error))
    goto failed;

  return result->id;

failed:
  ops_store_rollback (store);
  result->id = 0;
  return 0;
}

static gboolean
load_timeline (OpsStore      *store,
               OpsLoadResult *result,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store,
                            "SELECT second, duration_usec, target, counters, histogram "
                            "FROM load_run_seconds WHERE run_id = ?1 ORDER BY second",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, result->id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(OpsLoadSnapshot) snapshot = ops_load_snapshot_new ();
      g_autoptr(JsonNode) counters = _ops_load_store_json_from_text ((const char *)sqlite3_column_text (stmt, 3), error);
      g_autoptr(GBytes) blob = g_bytes_new (sqlite3_column_blob (stmt, 4), sqlite3_column_bytes (stmt, 4));

      if (counters == NULL || !counters_from_json (counters, blob, &snapshot->counters, error))
        return FALSE;
      snapshot->second = sqlite3_column_int (stmt, 0);
      snapshot->duration_usec = sqlite3_column_int64 (stmt, 1);
      snapshot->target = sqlite3_column_double (stmt, 2);
      g_ptr_array_add (result->timeline, g_steal_pointer (&snapshot));
    }

  if (rc != SQLITE_DONE)
    return ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                            _("Could not read the load test’s timeline"));
  return TRUE;
}

/**
 * ops_load_store_get_run:
 * @store: the database
 * @id: a run's id
 * @error: return location for an error (%OPS_LOAD_ERROR_NOT_FOUND)
 *
 * Returns: (transfer full) (nullable): the run as it was saved
 */
OpsLoadResult *
ops_load_store_get_run (OpsStore *store,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(OpsLoadResult) result = NULL;
  g_autoptr(OpsLoadScenario) scenario = NULL;
  g_autoptr(JsonNode) configuration = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autoptr(GBytes) blob = NULL;
  JsonObject *summary_object;
  JsonArray  *verdicts;
  JsonObject *notes;
  int         rc;

  g_return_val_if_fail (OPS_IS_STORE (store), NULL);

  stmt = ops_store_prepare (store,
                            "SELECT name, started_at, duration_usec, end_reason, configuration, summary, histogram "
                            "FROM load_runs WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_NOT_FOUND,
                   _("There is no load test run %" G_GINT64_FORMAT "; “opsdeckctl load list” shows "
                      "the stored runs."),
                   id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc, _("Could not read the load test"));
      return NULL;
    }

  configuration = _ops_load_store_json_from_text ((const char *)sqlite3_column_text (stmt, 4), error);
  if (configuration == NULL)
    return NULL;
  scenario = ops_load_scenario_from_json (configuration, error);
  if (scenario == NULL)
    return NULL;
  summary = _ops_load_store_json_from_text ((const char *)sqlite3_column_text (stmt, 5), error);
  if (summary == NULL)
    return NULL;

  result = ops_load_result_new (scenario);
  result->id = id;
  result->name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  result->started_at = sqlite3_column_int64 (stmt, 1);
  result->duration_usec = sqlite3_column_int64 (stmt, 2);
  ops_load_end_from_string ((const char *)sqlite3_column_text (stmt, 3), &result->end);
  blob = g_bytes_new (sqlite3_column_blob (stmt, 6), sqlite3_column_bytes (stmt, 6));

  summary_object = JSON_NODE_HOLDS_OBJECT (summary) ? json_node_get_object (summary) : NULL;
  if (summary_object == NULL || !json_object_has_member (summary_object, "counters") ||
      !counters_from_json (json_object_get_member (summary_object, "counters"), blob, &result->totals, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_CORRUPT,
                     _("A stored load test is damaged and cannot be read."));
      return NULL;
    }

  verdicts = json_object_get_array_member (summary_object, "verdicts");
  for (guint i = 0; verdicts != NULL && i < json_array_get_length (verdicts); i++)
    {
      JsonObject     *entry = json_array_get_object_element (verdicts, i);
      OpsLoadVerdict *verdict;

      if (entry == NULL)
        continue;
      verdict = g_new0 (OpsLoadVerdict, 1);
      verdict->expression = g_strdup (json_object_get_string_member_with_default (entry, "threshold", ""));
      verdict->observed = json_object_get_double_member_with_default (entry, "observed", 0);
      verdict->observed_text = g_strdup (json_object_get_string_member_with_default (entry, "observed_text", ""));
      verdict->passed = json_object_get_boolean_member_with_default (entry, "passed", FALSE);
      g_ptr_array_add (result->verdicts, verdict);
    }

  notes = json_object_get_object_member (summary_object, "notes");
  for (guint i = 0; notes != NULL && i < OPS_LOAD_N_FAILURES; i++)
    result->notes[i] = g_strdup (json_object_get_string_member_with_default (notes, ops_load_failure_to_string (i), NULL));
  result->dropped_seconds = json_object_get_int_member_with_default (summary_object, "dropped_seconds", 0);

  if (!load_timeline (store, result, error))
    return NULL;

  return g_steal_pointer (&result);
}

/* Returns: the newest run's id, 0 if there is none (and no error) */
gint64
ops_load_store_get_last_run_id (OpsStore *store,
                                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store, "SELECT id FROM load_runs ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc, _("Could not read the load tests"));
  return 0;
}

/**
 * ops_load_store_list_runs:
 * @store: the database
 * @limit: at most this many, newest first (0: all)
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type OpsLoadRunInfo) (nullable): the runs
 */
GPtrArray *
ops_load_store_list_runs (OpsStore *store,
                          guint     limit,
                          GError  **error)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify)ops_load_run_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store,
                            "SELECT id, name, url, started_at, duration_usec, end_reason, passed, requests, "
                            "errors, rps, p99_usec FROM load_runs ORDER BY id DESC LIMIT ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64)limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OpsLoadRunInfo *info = g_new0 (OpsLoadRunInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      info->url = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      info->started_at = sqlite3_column_int64 (stmt, 3);
      info->duration_usec = sqlite3_column_int64 (stmt, 4);
      info->end = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      info->passed = sqlite3_column_int (stmt, 6);
      info->requests = sqlite3_column_int64 (stmt, 7);
      info->errors = sqlite3_column_int64 (stmt, 8);
      info->rps = sqlite3_column_double (stmt, 9);
      info->p99_usec = sqlite3_column_int64 (stmt, 10);
      g_ptr_array_add (runs, info);
    }

  if (rc != SQLITE_DONE)
    {
      ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc, _("Could not read the load tests"));
      return NULL;
    }

  return g_steal_pointer (&runs);
}
