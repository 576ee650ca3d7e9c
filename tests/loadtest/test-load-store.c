/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "config/ops-config.h"
#include "loadtest/ops-load-error.h"
#include "loadtest/ops-load-store.h"
#include "ops-test-util.h"

static OpsStore *
open_store (char **path_out)
{
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autoptr(GError) error = NULL;
  OpsStore *store = ops_store_open (path, &error);

  g_assert_no_error (error);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

static OpsLoadScenario *
full_scenario (void)
{
  OpsLoadScenario *scenario = ops_load_scenario_new ("http://127.0.0.1:8080/api?q=1");
  g_autoptr(GError) error = NULL;

  g_free (scenario->method);
  scenario->method = g_strdup ("POST");
  scenario->body = g_bytes_new_static ("{\"a\": 1}", 8);
  scenario->connections = 20;
  scenario->threads = 2;
  scenario->mode = OPS_LOAD_MODE_CONSTANT_RATE;
  scenario->rate = 100;
  scenario->timeout_usec = 500000;
  scenario->abort_on_fail = TRUE;
  g_assert_true (ops_load_scenario_add_header (scenario, "Content-Type: application/json", &error));
  g_assert_true (ops_load_scenario_add_stage_text (scenario, "5s:200", &error));
  g_assert_true (ops_load_scenario_add_stage_text (scenario, "500ms:0", &error));
  g_assert_true (ops_load_scenario_add_threshold (scenario, "p(95) < 200ms", &error));
  g_assert_no_error (error);
  return scenario;
}

static char *
to_text (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

static void
test_scenario_json_round_trip (void)
{
  g_autoptr(OpsLoadScenario) scenario = full_scenario ();
  g_autoptr(JsonNode) json = ops_load_scenario_to_json (scenario, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsLoadScenario) back = ops_load_scenario_from_json (json, &error);
  g_autoptr(JsonNode) json_again = NULL;
  g_autofree char *a = NULL, *b = NULL;

  g_assert_no_error (error);
  json_again = ops_load_scenario_to_json (back, FALSE);
  a = to_text (json);
  b = to_text (json_again);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpint (ops_load_scenario_total_duration (back), ==, 5500000);
  /* Ramps from the base rate to 200/s over 5 s. */
  g_assert_cmpfloat_with_epsilon (ops_load_scenario_target_at (back, 2500000), 150, 1e-9);
  g_assert_cmpfloat_with_epsilon (ops_load_scenario_target_at (back, 5250000), 100, 1e-9);
}

static void
test_scenario_invalid (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "[]", "A scenario must be a JSON object." },
    { "{}", "A scenario has no “url”." },
    { "{\"url\": 5}", "The scenario’s “url” must be a string." },
    { "{\"url\": \"ftp://host/\"}", "The URL “ftp://host/” must start with http:// or https://." },
    { "{\"url\": \"not a url\"}", NULL },
    { "{\"url\": \"http://h/\", \"connections\": 0}", "The number of connections must be from 1 to 10000." },
    { "{\"url\": \"http://h/\", \"connections\": 2.5}", "The scenario’s “connections” must be a whole number in range." },
    { "{\"url\": \"http://h/\", \"threads\": 4, \"connections\": 2}", "Each thread needs at least one connection: use fewer threads or more connections." },
    { "{\"url\": \"http://h/\", \"duration_s\": 0}", "The duration must be more than 0 and at most 24 hours." },
    { "{\"url\": \"http://h/\", \"mode\": \"fast\"}", "The scenario’s “mode” must be “max-throughput” or “constant-rate”." },
    { "{\"url\": \"http://h/\", \"mode\": \"constant-rate\"}", "A constant rate must be more than 0 requests per second." },
    { "{\"url\": \"http://h/\", \"timeout_s\": 0}", "The timeout must be from 1 ms to 60 seconds." },
    { "{\"url\": \"http://h/\", \"headers\": [\"Bad header\"]}", "The header “Bad header” is not of the form “Name: value”." },
    { "{\"url\": \"http://h/\", \"headers\": [\"Host: x\"]}", "The header “Host” is set by Opsdeck from the URL and the body; leave it out." },
    { "{\"url\": \"http://h/\", \"thresholds\": [\"p95 < 1\"]}", NULL },
    { "{\"url\": \"http://h/\", \"stages\": [{\"duration_s\": 1}]}", "The scenario’s “stages” must be a list of {\"duration_s\", \"target\"} objects." },
    { "{\"url\": \"http://user:pw@h/\"}", "Put credentials in an Authorization header, not in the URL." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, &error);
      g_autoptr(OpsLoadScenario) scenario = NULL;

      g_assert_no_error (error);
      scenario = ops_load_scenario_from_json (node, &error);
      g_test_message ("%s → %s", cases[i].json, error != NULL ? error->message : "(valid)");
      g_assert_null (scenario);
      g_assert_nonnull (error);
      g_assert_true (error->domain == OPS_LOAD_ERROR);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_durations (void)
{
  static const struct
  {
    const char *text;
    gint64      usec;
  } good[] = { { "10", 10000000 }, { "10s", 10000000 }, { "250ms", 250000 }, { "1.5s", 1500000 }, { "2m", 120000000 }, { "1h", 3600000000 }, { "100us", 100 } };
  static const char *const bad[] = { "", "s", "-1s", "10 s", "10x", "1d", "25h", "abc" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 usec = 0;

      g_assert_true (ops_load_parse_duration (good[i].text, &usec, &error));
      g_assert_no_error (error);
      g_assert_cmpint (usec, ==, good[i].usec);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 usec = 0;

      g_assert_false (ops_load_parse_duration (bad[i], &usec, &error));
      g_assert_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_SCENARIO);
    }
}

static OpsLoadResult *
fake_finished_result (OpsLoadScenario *scenario)
{
  OpsLoadResult *result = ops_load_result_new (scenario);

  /* Counters of a run as the engine leaves them: this test is about
   * storage, the engine's own tests run real load. */
  result->started_at = g_get_real_time ();
  result->duration_usec = 2 * G_USEC_PER_SEC;
  for (guint s = 0; s < 2; s++)
    {
      OpsLoadSnapshot *snapshot = ops_load_snapshot_new ();

      snapshot->second = s;
      snapshot->duration_usec = G_USEC_PER_SEC;
      snapshot->target = 100;
      snapshot->counters.requests = 100;
      snapshot->counters.responses = 99;
      snapshot->counters.status[2] = 98;
      snapshot->counters.status[5] = 1;
      snapshot->counters.failures[OPS_LOAD_FAILURE_TIMEOUT] = 1;
      for (guint i = 0; i < 99; i++)
        ops_load_histogram_record (&snapshot->counters.latency, 1000000 + i * 1000 * (s + 1));
      ops_load_counters_merge (&result->totals, &snapshot->counters);
      g_ptr_array_add (result->timeline, snapshot);
    }
  result->notes[OPS_LOAD_FAILURE_TIMEOUT] = g_strdup ("no response before the timeout");
  ops_load_result_evaluate (result);
  return result;
}

static void
test_save_and_read_run (void)
{
  g_autofree char *path = NULL;
  g_autoptr(OpsStore) store = open_store (&path);
  g_autoptr(OpsLoadScenario) scenario = full_scenario ();
  g_autoptr(OpsLoadResult) result = NULL;
  g_autoptr(OpsLoadResult) back = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) a = NULL, b = NULL;
  g_autofree char *a_text = NULL, *b_text = NULL;
  gint64           id;

  g_assert_true (ops_load_scenario_add_header (scenario, "Authorization: Bearer sekrit-token-123", &error));
  result = fake_finished_result (scenario);
  result->name = g_strdup ("nightly");
  id = ops_load_store_save_run (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* The credential never reaches the database. */
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM load_runs WHERE configuration LIKE '%sekrit%'"), ==, 0);
  g_assert_cmpint (ops_test_sqlite_int (path, "SELECT count(*) FROM load_run_seconds WHERE run_id = 1"), ==, 2);

  back = ops_load_store_get_run (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "nightly");
  g_assert_true (ops_load_histogram_equal (&result->totals.latency, &back->totals.latency));
  g_assert_cmpuint (back->totals.failures[OPS_LOAD_FAILURE_TIMEOUT], ==, 2);
  g_assert_cmpuint (back->timeline->len, ==, 2);
  g_assert_cmpuint (back->verdicts->len, ==, 1);
  g_assert_cmpstr (back->notes[OPS_LOAD_FAILURE_TIMEOUT], ==, "no response before the timeout");

  a = ops_load_result_to_json (result, TRUE);
  b = ops_load_result_to_json (back, TRUE);
  json_object_remove_member (json_node_get_object (a), "id");
  json_object_remove_member (json_node_get_object (b), "id");
  a_text = to_text (a);
  b_text = to_text (b);
  g_assert_cmpstr (a_text, ==, b_text);
  g_assert_null (strstr (a_text, "sekrit"));

  runs = ops_load_store_list_runs (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpint (((OpsLoadRunInfo *)runs->pdata[0])->id, ==, id);
  g_assert_cmpint (ops_load_store_get_last_run_id (store, &error), ==, id);

  g_clear_pointer (&back, ops_load_result_unref);
  back = ops_load_store_get_run (store, id + 100, &error);
  g_assert_null (back);
  g_assert_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_NOT_FOUND);
}

static void
test_damaged_run (void)
{
  g_autofree char *path = NULL;
  g_autoptr(OpsStore) store = open_store (&path);
  g_autoptr(OpsLoadScenario) scenario = ops_load_scenario_new ("http://127.0.0.1/");
  g_autoptr(OpsLoadResult) result = fake_finished_result (scenario);
  g_autoptr(OpsLoadResult) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = ops_load_store_save_run (store, result, &error);

  g_assert_no_error (error);
  ops_test_sqlite_exec (path, "UPDATE load_runs SET histogram = x'00112233'");
  back = ops_load_store_get_run (store, id, &error);
  g_assert_null (back);
  g_assert_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_CORRUPT);
}

static void
test_config_section_round_trip (void)
{
  g_autoptr(OpsStore) store = open_store (NULL);
  g_autoptr(OpsStore) other = open_store (NULL);
  g_autoptr(OpsLoadScenario) scenario = full_scenario ();
  g_autoptr(OpsLoadScenario) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  gsize            length;

  scenario->name = g_strdup ("checkout");
  g_assert_cmpint (ops_load_store_save_scenario (store, scenario, &error), >, 0);
  g_assert_no_error (error);

  data = ops_config_export_to_data (store, &length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (data, "\"checkout\""));

  g_assert_true (ops_config_import_data (other, data, length, &error));
  g_assert_no_error (error);
  back = ops_load_store_get_scenario (other, "checkout", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->url, ==, scenario->url);
  g_assert_cmpuint (back->thresholds->len, ==, 1);

  data_again = ops_config_export_to_data (other, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (data, ==, data_again);
}

static void
test_config_section_invalid (void)
{
  static const struct
  {
    const char *section;
    const char *message;
  } cases[] = {
    { "[]", "The “loadtest” section must be a JSON object." },
    { "{\"runs\": []}", "The “loadtest” section has an unknown member “runs”." },
    { "{\"scenarios\": {}}", "The “scenarios” of the “loadtest” section must be a list." },
    { "{\"scenarios\": [{\"url\": \"http://h/\"}]}", "Load test scenario 1 has no “name”." },
    { "{\"scenarios\": [{\"name\": \"a\", \"url\": \"gopher://h/\"}]}",
      "Load test scenario 1 cannot be imported: The URL “gopher://h/” must start with http:// or https://." },
    { "{\"scenarios\": [{\"name\": \"a\", \"url\": \"http://h/\"}, {\"name\": \"a\", \"url\": \"http://h/\"}]}",
      "Two load test scenarios are named “a”." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OpsStore) store = open_store (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) scenarios = NULL;
      g_autofree char *document = g_strdup_printf ("{\"format\": \"opsdeck-config\", \"version\": 1, "
                                                   "\"loadtest\": %s}",
                                                   cases[i].section);

      g_assert_false (ops_config_import_data (store, document, strlen (document), &error));
      g_test_message ("%s → %s", cases[i].section, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));

      /* Nothing was written. */
      scenarios = ops_load_store_list_scenarios (store, NULL);
      g_assert_cmpuint (scenarios->len, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/loadtest/scenario/json-round-trip", test_scenario_json_round_trip);
  g_test_add_func ("/opsdeck/loadtest/scenario/invalid", test_scenario_invalid);
  g_test_add_func ("/opsdeck/loadtest/scenario/durations", test_durations);
  g_test_add_func ("/opsdeck/loadtest/store/save-and-read-run", test_save_and_read_run);
  g_test_add_func ("/opsdeck/loadtest/store/damaged-run", test_damaged_run);
  g_test_add_func ("/opsdeck/loadtest/config/round-trip", test_config_section_round_trip);
  g_test_add_func ("/opsdeck/loadtest/config/invalid", test_config_section_invalid);

  return g_test_run ();
}
