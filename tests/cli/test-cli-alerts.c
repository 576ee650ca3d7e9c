/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "alerts/ops-alert-db.h"
#include "alerts/ops-alert-engine.h"
#include "ops-test-alertmanager.h"
#include "ops-test-cli.h"
#include "ops-test-clock.h"
#include "ops-test-util.h"

/* `opsdeckctl alert …` as an operator or a script uses it: the real
 * binary, alerts raised by the real engine in the same database, and the
 * real Alertmanager on loopback. */

#define run_cli(run, ...) ops_test_run_cli (run, NULL, __VA_ARGS__, NULL)

static void
test_help_everywhere (void)
{
  static const char *const commands[][4] = {
    { "alert", "--help" },
    { "help", "alert" },
    { "alert", "list", "--help" },
    { "alert", "show", "--help" },
    { "alert", "ack", "--help" },
    { "alert", "resolve", "--help" },
    { "alert", "stats", "--help" },
    { "alert", "rules", "--help" },
    { "alert", "rules", "list", "--help" },
    { "alert", "rules", "add", "--help" },
    { "alert", "rules", "edit", "--help" },
    { "alert", "rules", "enable", "--help" },
    { "alert", "rules", "disable", "--help" },
    { "alert", "rules", "remove", "--help" },
    { "alert", "maintenance", "--help" },
    { "alert", "maintenance", "add", "--help" },
    { "alert", "maintenance", "remove", "--help" },
    { "alert", "maintenance", "list", "--help" },
    { "alert", "depends", "--help" },
    { "alert", "depends", "add", "--help" },
    { "alert", "depends", "remove", "--help" },
    { "alert", "depends", "list", "--help" },
    { "alert", "sources", "--help" },
    { "alert", "sources", "add", "--help" },
    { "alert", "sources", "remove", "--help" },
    { "alert", "sources", "list", "--help" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(OpsTestRun) run = { 0 };

      ops_test_run_cli (&run, NULL, commands[i][0], commands[i][1], commands[i][2], commands[i][3],
                        NULL);
      if (run.status != 0 || strstr (run.out, "Usage") == NULL || run.err[0] != '\0')
        g_error ("%s %s %s: exit %d, out “%s”, err “%s”", commands[i][0], commands[i][1],
                 commands[i][2] != NULL ? commands[i][2] : "", run.status, run.out, run.err);
    }
}

static void
test_usage_errors (void)
{
  static const char *const commands[][9] = {
    { "alert", "show" },
    { "alert", "show", "twelve" },
    { "alert", "ack" },
    { "alert", "ack", "1", "--for", "2h" },
    { "alert", "resolve", "1" },
    { "alert", "list", "--state", "happy" },
    { "alert", "list", "--since", "5x" },
    { "alert", "stats", "--days", "-3" },
    { "alert", "rules", "frobnicate" },
    { "alert", "rules", "add" },
    { "alert", "rules", "add", "Nothing" },
    { "alert", "rules", "add", "Both", "--down", "--absent", "5m" },
    { "alert", "maintenance", "add", "W" },
    { "alert", "maintenance", "add", "W", "--from", "2026-03-29 01:00", "--weekly", "sun" },
    { "alert", "depends", "add", "a" },
    { "alert", "sources", "add", "prod" },
  };

  g_free (ops_test_fresh_data_dir ());
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(OpsTestRun) run = { 0 };

      ops_test_run_cli (&run, NULL, commands[i][0], commands[i][1], commands[i][2], commands[i][3],
                        commands[i][4], commands[i][5], commands[i][6], commands[i][7], NULL);
      if (run.status != 2 || run.out[0] != '\0' || run.err[0] == '\0')
        g_error ("%s %s %s: exit %d, out “%s”, err “%s”", commands[i][0], commands[i][1],
                 commands[i][2] != NULL ? commands[i][2] : "", run.status, run.out, run.err);
    }
}

static void
test_rules (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_auto(OpsTestRun) add = { 0 };
  g_auto(OpsTestRun) bad = { 0 };
  g_auto(OpsTestRun) twice = { 0 };
  g_auto(OpsTestRun) edit = { 0 };
  g_auto(OpsTestRun) disable = { 0 };
  g_auto(OpsTestRun) list = { 0 };
  g_auto(OpsTestRun) remove = { 0 };
  g_auto(OpsTestRun) missing = { 0 };
  g_autoptr(JsonNode) rules = NULL;
  JsonObject *slow = NULL;

  run_cli (&add, "alert", "rules", "add", "Slow API", "--warning", "avg(latency_ms) > 500",
           "--critical", "avg(latency_ms) > 1000", "--window", "5m", "--tag", "api");
  g_assert_cmpint (add.status, ==, 0);
  g_assert_cmpstr (add.out, ==,
                   "Added the rule “Slow API”: avg(latency_ms) > 500 (warning), > 1000 (critical) "
                   "over 5m, on checks tagged “api”.\n");

  /* Bad input is refused in words, and nothing is saved. */
  run_cli (&bad, "alert", "rules", "add", "Broken", "--warning", "avg(latency_ms >> 500");
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.err, ==,
                   "opsdeckctl: “avg(latency_ms >> 500” is not a condition: at column 16, “)” was "
                   "expected. Write it like avg(latency_ms) > 500 or cert_days < 14.\n");
  run_cli (&twice, "alert", "rules", "add", "Slow API", "--down");
  g_assert_cmpint (twice.status, ==, 1);
  g_assert_cmpstr (twice.err, ==,
                   "opsdeckctl: An alert rule named “Slow API” already exists. Choose another "
                   "name.\n");

  /* Editing the critical level keeps the warning level. */
  run_cli (&edit, "alert", "rules", "edit", "Slow API", "--critical", "avg(latency_ms) > 2000",
           "--for", "1m");
  g_assert_cmpint (edit.status, ==, 0);
  g_assert_nonnull (strstr (edit.out, "> 500 (warning), > 2000 (critical) over 5m, for 1m"));

  run_cli (&disable, "alert", "rules", "disable", "Host disk");
  g_assert_cmpint (disable.status, ==, 0);

  run_cli (&list, "alert", "rules", "--json");
  g_assert_cmpint (list.status, ==, 0);
  rules = ops_test_run_json (&list);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (rules)), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      JsonObject *rule = json_array_get_object_element (json_node_get_array (rules), i);

      if (g_str_equal (json_object_get_string_member (rule, "name"), "Slow API"))
        slow = rule;
      if (g_str_equal (json_object_get_string_member (rule, "name"), "Host disk"))
        g_assert_false (json_object_get_boolean_member (rule, "enabled"));
    }
  g_assert_nonnull (slow);
  g_assert_cmpfloat (json_object_get_double_member (slow, "critical"), ==, 2000);
  g_assert_cmpstr (json_object_get_string_member (slow, "window"), ==, "5m");

  run_cli (&remove, "alert", "rules", "remove", "Slow API");
  g_assert_cmpint (remove.status, ==, 0);
  run_cli (&missing, "alert", "rules", "remove", "Slow API");
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.err, ==, "opsdeckctl: There is no alert rule named “Slow API”.\n");
}

static void
test_maintenance_and_dependencies (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_auto(OpsTestRun) weekly = { 0 };
  g_auto(OpsTestRun) once = { 0 };
  g_auto(OpsTestRun) zone = { 0 };
  g_auto(OpsTestRun) list = { 0 };
  g_auto(OpsTestRun) depends = { 0 };
  g_auto(OpsTestRun) cycle = { 0 };
  g_auto(OpsTestRun) depends_list = { 0 };
  g_autoptr(JsonNode) windows = NULL;

  run_cli (&weekly, "alert", "maintenance", "add", "Backups", "--weekly", "sat,sun", "--at", "02:00",
           "--duration", "2h", "--time-zone", "Europe/Berlin", "--tag", "db");
  g_assert_cmpint (weekly.status, ==, 0);
  g_assert_cmpstr (weekly.out, ==,
                   "Added the maintenance window “Backups”: every sat,sun at 02:00 for 2h "
                   "(Europe/Berlin), on checks tagged “db”.\n");

  run_cli (&once, "alert", "maintenance", "add", "Upgrade", "--from", "2030-03-29 01:00", "--until",
           "2030-03-29 04:00", "--time-zone", "UTC");
  g_assert_cmpint (once.status, ==, 0);

  run_cli (&zone, "alert", "maintenance", "add", "Mars", "--weekly", "mon", "--at", "02:00",
           "--duration", "1h", "--time-zone", "Mars/Olympus");
  g_assert_cmpint (zone.status, ==, 1);
  g_assert_cmpstr (zone.err, ==,
                   "opsdeckctl: The maintenance window “Mars”: “Mars/Olympus” is not a time zone: "
                   "use a name such as Europe/Berlin, America/New_York or UTC.\n");

  run_cli (&list, "alert", "maintenance", "--json");
  g_assert_cmpint (list.status, ==, 0);
  windows = ops_test_run_json (&list);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (windows)), ==, 2);
  g_assert_false (json_object_get_boolean_member (
      json_array_get_object_element (json_node_get_array (windows), 1), "active"));

  run_cli (&depends, "alert", "depends", "add", "api", "db");
  g_assert_cmpint (depends.status, ==, 0);
  run_cli (&cycle, "alert", "depends", "add", "db", "api");
  g_assert_cmpint (cycle.status, ==, 1);
  g_assert_cmpstr (cycle.err, ==,
                   "opsdeckctl: “db” cannot depend on “api”: “api” already depends on “db”, and "
                   "the dependencies would go round in a loop (db → api → db).\n");
  run_cli (&depends_list, "alert", "depends");
  g_assert_cmpstr (depends_list.out, ==, "api depends on db\n");
}

/* Raises alerts with the real engine in the data folder the CLI uses. */
static gint64
raise_alert (const char *check)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = ops_store_open_default (&error);
  g_autoptr(OpsEventBus) bus = ops_event_bus_new ();
  g_autoptr(OpsClock) clock = OPS_CLOCK (ops_test_clock_new_at (g_get_real_time () - 600 * G_USEC_PER_SEC));
  g_autoptr(OpsAlertEngine) engine = NULL;
  g_autoptr(OpsAlertSample) sample = NULL;
  g_autoptr(OpsAlert) alert = NULL;

  g_assert_no_error (error);
  engine = ops_alert_engine_new (store, bus, clock, &error);
  g_assert_no_error (error);
  sample = ops_alert_sample_new (g_str_hash (check), check, ops_clock_get_real (clock),
                                 OPS_SAMPLE_STATUS_DOWN);
  ops_alert_sample_set_error (sample, "connection refused");
  ops_alert_engine_observe (engine, sample);
  alert = g_list_model_get_item (ops_alert_engine_get_open_alerts (engine), 0);
  g_assert_nonnull (alert);

  return ops_alert_get_id (alert);
}

static void
test_local_alerts (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *id_text = NULL;
  g_auto(OpsTestRun) list = { 0 };
  g_auto(OpsTestRun) ack = { 0 };
  g_auto(OpsTestRun) again = { 0 };
  g_auto(OpsTestRun) show = { 0 };
  g_auto(OpsTestRun) resolve = { 0 };
  g_auto(OpsTestRun) open = { 0 };
  g_auto(OpsTestRun) stats = { 0 };
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) figures = NULL;
  JsonObject *alert;
  JsonArray  *timeline;
  gint64      id = raise_alert ("api.example.com");

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  run_cli (&list, "alert", "list", "--json");
  g_assert_cmpint (list.status, ==, 0);
  listed = ops_test_run_json (&list);
  alert = json_array_get_object_element (
      json_object_get_array_member (json_node_get_object (listed), "alerts"), 0);
  g_assert_cmpint (json_object_get_int_member (alert, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (alert, "state"), ==, "firing");
  g_assert_cmpstr (json_object_get_string_member (alert, "cause"), ==, "connection refused");

  run_cli (&ack, "alert", "ack", id_text, "--note", "restarting it");
  g_assert_cmpint (ack.status, ==, 0);
  {
    g_autofree char *expected = g_strdup_printf ("Alert %s (api.example.com) acknowledged.\n", id_text);

    g_assert_cmpstr (ack.out, ==, expected);
  }
  run_cli (&again, "alert", "ack", id_text);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "was already acknowledged by"));

  run_cli (&resolve, "alert", "resolve", id_text, "--note", "the host was replaced");
  g_assert_cmpint (resolve.status, ==, 0);

  run_cli (&show, "alert", "show", id_text, "--json");
  g_assert_cmpint (show.status, ==, 0);
  shown = ops_test_run_json (&show);
  alert = json_object_get_object_member (json_node_get_object (shown), "alert");
  g_assert_cmpstr (json_object_get_string_member (alert, "state"), ==, "resolved");
  g_assert_cmpstr (json_object_get_string_member (alert, "ack_note"), ==, "restarting it");
  g_assert_cmpstr (json_object_get_string_member (alert, "resolve_note"), ==,
                   "the host was replaced");
  g_assert_cmpstr (json_object_get_string_member (alert, "acknowledged_by"), ==, g_get_user_name ());
  timeline = json_object_get_array_member (json_node_get_object (shown), "timeline");
  g_assert_cmpuint (json_array_get_length (timeline), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (timeline, 2), "kind"),
                   ==, "acknowledged");

  run_cli (&open, "alert", "list", "--open");
  g_assert_cmpstr (open.out, ==, "No open alerts.\n");

  run_cli (&stats, "alert", "stats", "--days", "7", "--json");
  g_assert_cmpint (stats.status, ==, 0);
  figures = ops_test_run_json (&stats);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_node_get_array (figures), 0), "fired"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_node_get_array (figures), 0), "resolved"), ==, 1);
}

static void
test_alertmanager_source (void)
{
  OpsTestAlertmanager *am = ops_test_alertmanager_start ();
  g_autofree char     *dir = ops_test_fresh_data_dir ();
  g_autofree char     *url = ops_test_alertmanager_url (am, NULL);
  g_autofree char     *down_url = g_strdup_printf ("http://127.0.0.1:%u", ops_test_free_port ());
  g_autofree char     *target = NULL;
  g_auto(OpsTestRun) add = { 0 };
  g_auto(OpsTestRun) add_down = { 0 };
  g_auto(OpsTestRun) bad_url = { 0 };
  g_auto(OpsTestRun) list = { 0 };
  g_auto(OpsTestRun) text = { 0 };
  g_auto(OpsTestRun) ack = { 0 };
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) silences = NULL;
  JsonArray  *sources;
  JsonObject *prod = NULL;
  JsonObject *down = NULL;
  JsonObject *silence;

  ops_test_alertmanager_post_alerts (am, "[{\"labels\": {\"alertname\": \"HighCPU\", \"instance\": "
                                         "\"db1:9100\", \"severity\": \"critical\"}}]");

  run_cli (&add, "alert", "sources", "add", "prod", url);
  g_assert_cmpint (add.status, ==, 0);
  run_cli (&add_down, "alert", "sources", "add", "old", down_url);
  g_assert_cmpint (add_down.status, ==, 0);
  run_cli (&bad_url, "alert", "sources", "add", "typo", "alertmanager:9093");
  g_assert_cmpint (bad_url.status, ==, 1);
  g_assert_nonnull (strstr (bad_url.err, "is not the address of an Alertmanager"));

  /* The reachable source's alerts are listed; the other is a source
   * error, and the command still succeeds. */
  run_cli (&list, "alert", "list", "--json");
  g_assert_cmpint (list.status, ==, 0);
  listed = ops_test_run_json (&list);
  sources = json_object_get_array_member (json_node_get_object (listed), "sources");
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source = json_array_get_object_element (sources, i);

      if (g_str_equal (json_object_get_string_member (source, "name"), "prod"))
        prod = source;
      else
        down = source;
    }
  g_assert_nonnull (prod);
  g_assert_nonnull (down);
  g_assert_true (json_object_get_null_member (prod, "error"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (prod, "alerts")), ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (down, "error"), "the connection was refused"));

  run_cli (&text, "alert", "list");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "old: source error: Could not reach Alertmanager"));
  g_assert_nonnull (strstr (text.out, "HighCPU"));

  /* Acknowledge it for 2 hours: a silence with the user and the note. */
  target = g_strdup_printf ("prod/%s", json_object_get_string_member (
                                           json_array_get_object_element (json_object_get_array_member (prod, "alerts"), 0),
                                           "fingerprint"));
  run_cli (&ack, "alert", "ack", target, "--for", "2h", "--note", "disk swap in progress");
  g_assert_cmpint (ack.status, ==, 0);
  g_assert_true (g_str_has_prefix (ack.out, "Silenced HighCPU for 2h in Alertmanager “prod”"));

  silences = ops_test_alertmanager_get (am, "/api/v2/silences");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (silences)), ==, 1);
  silence = json_array_get_object_element (json_node_get_array (silences), 0);
  g_assert_cmpstr (json_object_get_string_member (silence, "createdBy"), ==, g_get_user_name ());
  g_assert_cmpstr (json_object_get_string_member (silence, "comment"), ==, "disk swap in progress");

  ops_test_alertmanager_stop (am);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/cli/alert/help-everywhere", test_help_everywhere);
  g_test_add_func ("/opsdeck/cli/alert/usage-errors", test_usage_errors);
  g_test_add_func ("/opsdeck/cli/alert/rules", test_rules);
  g_test_add_func ("/opsdeck/cli/alert/maintenance-and-dependencies", test_maintenance_and_dependencies);
  g_test_add_func ("/opsdeck/cli/alert/local-alerts", test_local_alerts);
  g_test_add_func ("/opsdeck/cli/alert/alertmanager-source", test_alertmanager_source);

  return g_test_run ();
}
