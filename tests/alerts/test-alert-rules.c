/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "alerts/ops-alert-db.h"
#include "config/ops-config.h"
#include "ops-test-util.h"

/* Rules: conditions, validation, defaults, storage, dependencies and the
 * `alerts` section of the exported configuration. */

typedef struct
{
  OpsStore *store;
  char     *path;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = ops_test_fresh_db_path ();
  fixture->store = ops_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->path, g_free);
}

static void
test_parse_condition (void)
{
  static const struct
  {
    const char *text;
    const char *aggregate;
    const char *metric;
    const char *op;
    double      threshold;
  } cases[] = {
    { "avg(latency_ms) > 500", "avg", "latency_ms", ">", 500 },
    { "cert_days<14", "last", "cert_days", "<", 14 },
    { "  max( disk_percent ) >= 95.5 ", "max", "disk_percent", ">=", 95.5 },
    { "min(free_mb) <= -1", "min", "free_mb", "<=", -1 },
    { "replication_lag_s != 0", "last", "replication_lag_s", "!=", 0 },
    { "up == 1", "last", "up", "==", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char  *metric = NULL;
      OpsAlertAggregate aggregate;
      OpsAlertOperator  op;
      double            threshold;

      g_assert_true (ops_alert_parse_condition (cases[i].text, &aggregate, &metric, &op,
                                                &threshold, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (ops_alert_aggregate_to_string (aggregate), ==, cases[i].aggregate);
      g_assert_cmpstr (metric, ==, cases[i].metric);
      g_assert_cmpstr (ops_alert_operator_to_string (op), ==, cases[i].op);
      g_assert_cmpfloat (threshold, ==, cases[i].threshold);
    }
}

static void
test_condition_errors (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "“” is not a condition: at column 1, the end came where a value name such as "
          "latency_ms was expected. Write it like avg(latency_ms) > 500 or cert_days < 14." },
    { "avg(latency_ms > 500", "“avg(latency_ms > 500” is not a condition: at column 16, “)” was "
                              "expected. Write it like avg(latency_ms) > 500 or cert_days < 14." },
    { "median(latency_ms) > 5", "“median(latency_ms) > 5” is not a condition: at column 1, avg, "
                                "min or max was expected. Write it like avg(latency_ms) > 500 or "
                                "cert_days < 14." },
    { "latency_ms >> 500", "“latency_ms >> 500” is not a condition: at column 13, a number was "
                           "expected. Write it like avg(latency_ms) > 500 or cert_days < 14." },
    { "latency_ms 500", "“latency_ms 500” is not a condition: at column 12, a comparison (>, >=, "
                        "<, <=, == or !=) was expected. Write it like avg(latency_ms) > 500 or "
                        "cert_days < 14." },
    { "latency_ms > fast", "“latency_ms > fast” is not a condition: at column 14, a number was "
                           "expected. Write it like avg(latency_ms) > 500 or cert_days < 14." },
    { "latency_ms > 5 ms", "“latency_ms > 5 ms” is not a condition: at column 16, nothing more "
                           "was expected. Write it like avg(latency_ms) > 500 or cert_days < 14." },
    { "Latency > 5", "“Latency” is not a value name: use lower-case letters, digits and "
                     "underscores, starting with a letter, such as latency_ms." },
    { "latency_ms = 5", "“latency_ms = 5” is not a condition: at column 12, a comparison (>, >=, "
                        "<, <=, == or !=) was expected. Write it like avg(latency_ms) > 500 or "
                        "cert_days < 14." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char  *metric = NULL;
      OpsAlertAggregate aggregate;
      OpsAlertOperator  op;
      double            threshold;

      g_assert_false (ops_alert_parse_condition (cases[i].text, &aggregate, &metric, &op,
                                                 &threshold, &error));
      g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID);
      if (!g_str_equal (error->message, cases[i].message))
        g_error ("Case %u: expected “%s”, got “%s”", i, cases[i].message, error->message);
    }
}

static void
test_durations (void)
{
  static const struct
  {
    const char *text;
    gint64      seconds; /* -1: refused */
  } cases[] = {
    { "30s", 30 },
    { "5m", 300 },
    { "1h30m", 5400 },
    { "2d", 172800 },
    { "90", 90 },
    { "1w", 604800 },
    { " 1h 5m ", 3900 },
    { "0", 0 },
    { "5x", -1 },
    { "-1m", -1 },
    { "", -1 },
    { "m", -1 },
    { "5m30", -1 },
    { "400d", -1 },
    { "9999999999s", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 seconds = -1;

      if (cases[i].seconds >= 0)
        {
          g_autofree char *again = NULL;
          gint64           back;

          g_assert_true (ops_alert_parse_duration (cases[i].text, &seconds, &error));
          g_assert_no_error (error);
          g_assert_cmpint (seconds, ==, cases[i].seconds);
          again = ops_alert_format_duration (seconds);
          g_assert_true (ops_alert_parse_duration (again, &back, NULL));
          g_assert_cmpint (back, ==, seconds);
        }
      else
        {
          g_assert_false (ops_alert_parse_duration (cases[i].text, &seconds, &error));
          g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID);
        }
    }
}

/* Rules in JSON, as in an imported configuration: each bad one is refused
 * with a message that names the rule and says what to change. */
static void
test_rules_rejected (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"name\": \"r\", \"kind\": \"threshold\", \"metric\": \"latency_ms\", "
      "\"aggregate\": \"avg\", \"operator\": \">\", \"warning\": 500}",
      "The rule “r”: avg(latency_ms) needs a window to compute it over, such as 5m." },
    { "{\"name\": \"r\", \"kind\": \"threshold\", \"metric\": \"latency_ms\", "
      "\"operator\": \">\", \"warning\": 500, \"window\": \"5m\"}",
      "The rule “r”: a window only makes sense with avg(), min() or max(), such as "
      "avg(latency_ms)." },
    { "{\"name\": \"r\", \"kind\": \"threshold\", \"metric\": \"latency_ms\", "
      "\"aggregate\": \"avg\", \"operator\": \">\", \"warning\": 500, \"window\": \"25h\"}",
      "The rule “r”: its window must be from 1 second to 1 day." },
    { "{\"name\": \"r\", \"kind\": \"threshold\", \"metric\": \"latency_ms\", "
      "\"aggregate\": \"avg\", \"operator\": \">\", \"warning\": 500, \"window\": \"5 minutes\"}",
      "The rule “r”: “window” must be a duration such as “5m”: “5 minutes” is not a duration: "
      "write a number followed by s, m, h or d, such as 30s, 5m or 1h30m." },
    { "{\"name\": \"r\", \"kind\": \"threshold\", \"metric\": \"latency_ms\", "
      "\"operator\": \">\", \"warning\": 500, \"critical\": 100}",
      "The rule “r”: the critical level (100) must be beyond the warning level (500) in the "
      "direction of “>”." },
    { "{\"name\": \"r\", \"kind\": \"threshold\", \"metric\": \"cert_days\", "
      "\"operator\": \"<\", \"warning\": 3, \"critical\": 14}",
      "The rule “r”: the critical level (14) must be beyond the warning level (3) in the "
      "direction of “<”." },
    { "{\"name\": \"r\", \"kind\": \"threshold\", \"metric\": \"up\", "
      "\"operator\": \"==\", \"warning\": 0, \"critical\": 0}",
      "The rule “r”: with == or != a rule has one level, warning or critical, not both." },
    { "{\"name\": \"r\", \"kind\": \"threshold\", \"metric\": \"latency_ms\", \"operator\": \">\"}",
      "The rule “r”: give a warning level, a critical level or both." },
    { "{\"name\": \"r\", \"kind\": \"threshold\", \"operator\": \">\", \"warning\": 1}",
      "The rule “r”: A threshold needs the name of the value it measures, such as latency_ms "
      "or disk_percent." },
    { "{\"name\": \"r\", \"kind\": \"threshold\", \"metric\": \"latency_ms\", "
      "\"operator\": \"=>\", \"warning\": 1}",
      "The rule “r”: its operator must be one of >, >=, <, <=, == and !=." },
    { "{\"name\": \"r\", \"kind\": \"threshold\", \"metric\": \"latency_ms\", "
      "\"operator\": \">\", \"warning\": \"high\"}",
      "The rule “r”: “warning” must be a number." },
    { "{\"name\": \"r\", \"kind\": \"absence\", \"after\": \"5s\"}",
      "The rule “r”: the time without results must be from 10 seconds to 7 days." },
    { "{\"name\": \"r\", \"kind\": \"absence\"}",
      "The rule “r”: an absence rule needs “after”, such as “5m”." },
    { "{\"name\": \"r\", \"kind\": \"down\", \"severity\": \"info\"}",
      "The rule “r”: its severity must be warning or critical." },
    { "{\"name\": \"r\", \"kind\": \"down\", \"severity\": \"awful\"}",
      "The rule “r”: its severity must be “warning” or “critical”." },
    { "{\"name\": \"r\", \"kind\": \"down\", \"for\": \"2d\"}",
      "The rule “r”: it can wait at most a day before it fires." },
    { "{\"name\": \"r\", \"kind\": \"down\", \"window\": \"5m\"}",
      "The rule “r”: “window” belongs to threshold rules only." },
    { "{\"name\": \"r\", \"kind\": \"sometimes\"}",
      "The rule “r”: its kind must be “down”, “threshold” or “absence”." },
    { "{\"name\": \"r\", \"kind\": \"down\", \"colour\": \"red\"}",
      "The rule “r”: “colour” is not a member of a rule." },
    { "{\"name\": \"   \", \"kind\": \"down\"}", "A rule needs a name." },
    { "{\"name\": \"r\", \"kind\": \"down\", \"scope\": {\"tag\": \"\"}}",
      "The rule “r”: A tag needs a name." },
    { "[1, 2]", "Each rule must be a JSON object." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, &error);
      g_autoptr(OpsAlertRule) rule = NULL;

      g_assert_no_error (error);
      rule = ops_alert_rule_new_from_json (node, &error);
      g_assert_null (rule);
      g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID);
      if (!g_str_equal (error->message, cases[i].message))
        g_error ("Case %u: expected “%s”, got “%s”", i, cases[i].message, error->message);
    }
}

static void
test_conditions_must_agree (void)
{
  g_autoptr(OpsAlertRule) rule = ops_alert_rule_new (OPS_ALERT_RULE_THRESHOLD, "Slow");
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  g_assert_false (ops_alert_rule_set_conditions (rule, "avg(latency_ms) > 500",
                                                 "max(latency_ms) > 1000", &error));
  g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The rule “Slow”: the warning condition “avg(latency_ms) > 500” and the "
                   "critical condition “max(latency_ms) > 1000” must measure the same value with "
                   "the same comparison, and differ only in the level.");
  g_clear_error (&error);

  g_assert_true (ops_alert_rule_set_conditions (rule, "avg(latency_ms) > 500",
                                                "avg(latency_ms) > 1000", &error));
  g_assert_no_error (error);
  ops_alert_rule_set_window (rule, 300);
  g_assert_true (ops_alert_rule_validate (rule, &error));
  description = ops_alert_rule_describe (rule);
  g_assert_cmpstr (description, ==,
                   "avg(latency_ms) > 500 (warning), > 1000 (critical) over 5m, on every check");
}

static void
test_defaults (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = ops_alert_db_list_rules (fixture->store, &error);
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rules->len; i++)
    {
      OpsAlertRule    *rule = g_ptr_array_index (rules, i);
      g_autofree char *text = ops_alert_rule_describe (rule);

      g_assert_true (ops_alert_rule_get_builtin (rule));
      g_assert_true (ops_alert_rule_validate (rule, &error));
      g_assert_no_error (error);
      g_string_append_printf (all, "%s: %s\n", ops_alert_rule_get_name (rule), text);
    }

  g_assert_cmpstr (all->str, ==,
                   "Certificate expiring: cert_days < 14 (warning), < 3 (critical), on every check\n"
                   "Check down: the check is down (critical), on every check\n"
                   "Host CPU: avg(cpu_percent) > 70 (warning), > 90 (critical) over 5m, on every check\n"
                   "Host disk: disk_percent > 80 (warning), > 95 (critical), on every check\n"
                   "Host memory: avg(memory_percent) > 75 (warning), > 90 (critical) over 5m, on every "
                   "check\n");
}

static void
test_save_and_rename (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlertRule) rule = ops_alert_rule_new (OPS_ALERT_RULE_DOWN, "API down");
  g_autoptr(OpsAlertRule) twin = ops_alert_rule_new (OPS_ALERT_RULE_DOWN, "API down");
  g_autoptr(OpsAlertRule) found = NULL;
  g_auto(OpsAlertScope) scope = { 0 };

  g_assert_true (ops_alert_scope_set (&scope, OPS_ALERT_SCOPE_CHECK, "api", &error));
  ops_alert_rule_set_scope (rule, &scope);
  ops_alert_rule_set_severity (rule, OPS_SEVERITY_WARNING);
  g_assert_true (ops_alert_db_save_rule (fixture->store, rule, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ops_alert_rule_get_id (rule), >, 0);

  g_assert_false (ops_alert_db_save_rule (fixture->store, twin, &error));
  g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==,
                   "An alert rule named “API down” already exists. Choose another name.");
  g_clear_error (&error);

  found = ops_alert_db_find_rule (fixture->store, "API down", &error);
  g_assert_no_error (error);
  g_assert_true (ops_alert_rule_equal_definition (found, rule));
  g_assert_cmpint (ops_alert_rule_get_severity (found), ==, OPS_SEVERITY_WARNING);
  g_assert_cmpstr (ops_alert_rule_get_scope (found)->value, ==, "api");

  g_assert_false (ops_alert_db_remove_rule (fixture->store, "Nope", &error));
  g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no alert rule named “Nope”.");
}

static void
test_cycles_refused (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (ops_alert_db_add_dependency (fixture->store, "api", "db", &error));
  g_assert_true (ops_alert_db_add_dependency (fixture->store, "db", "host", &error));
  g_assert_true (ops_alert_db_add_dependency (fixture->store, "web", "api", &error));
  g_assert_no_error (error);

  g_assert_false (ops_alert_db_add_dependency (fixture->store, "host", "web", &error));
  g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_CYCLE);
  g_assert_cmpstr (error->message, ==,
                   "“host” cannot depend on “web”: “web” already depends on “host”, and the "
                   "dependencies would go round in a loop (host → web → api → db → host).");
  g_clear_error (&error);

  g_assert_false (ops_alert_db_add_dependency (fixture->store, "api", "api", &error));
  g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_CYCLE);
  g_assert_cmpstr (error->message, ==, "“api” cannot depend on itself.");
  g_clear_error (&error);

  g_assert_false (ops_alert_db_remove_dependency (fixture->store, "api", "host", &error));
  g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = ops_alert_db_list_dependencies (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
}

static const char alerts_section[] =
    "{\"format\": \"opsdeck-config\", \"version\": 1, \"alerts\": {"
    " \"rules\": ["
    "  {\"name\": \"Check down\", \"kind\": \"down\", \"severity\": \"critical\"},"
    "  {\"name\": \"Slow API\", \"kind\": \"threshold\", \"scope\": {\"tag\": \"api\"},"
    "   \"metric\": \"latency_ms\", \"aggregate\": \"avg\", \"operator\": \">\","
    "   \"warning\": 500, \"critical\": 1000, \"window\": \"5m\", \"for\": \"1m\"},"
    "  {\"name\": \"Quiet stream\", \"kind\": \"absence\", \"after\": \"2m\","
    "   \"scope\": {\"environment\": \"production\"}}],"
    " \"dependencies\": [{\"check\": \"api\", \"depends_on\": \"db\"}],"
    " \"maintenance_windows\": [{\"name\": \"Backups\", \"kind\": \"weekly\", \"days\": [\"sun\"],"
    "   \"at\": \"02:00\", \"duration\": \"1h\", \"time_zone\": \"Europe/Berlin\"}],"
    " \"sources\": [{\"name\": \"prod\", \"kind\": \"alertmanager\","
    "   \"url\": \"http://alertmanager.example.com:9093/\"}]}}";

static void
test_config_import_export (Fixture      *fixture,
                           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlertRule) check_down_before = NULL;
  g_autoptr(OpsAlertRule) check_down_after = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(JsonNode) exported = NULL;
  g_autofree char *text = NULL;
  JsonObject      *alerts;

  check_down_before = ops_alert_db_find_rule (fixture->store, "Check down", &error);
  g_assert_no_error (error);

  g_assert_true (ops_config_import_data (fixture->store, alerts_section, strlen (alerts_section),
                                         &error));
  g_assert_no_error (error);

  /* The rule of the same name kept its id; the other defaults went. */
  check_down_after = ops_alert_db_find_rule (fixture->store, "Check down", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ops_alert_rule_get_id (check_down_after), ==,
                   ops_alert_rule_get_id (check_down_before));
  g_assert_true (ops_alert_rule_get_builtin (check_down_after));
  rules = ops_alert_db_list_rules (fixture->store, &error);
  g_assert_cmpuint (rules->len, ==, 3);
  windows = ops_alert_db_list_windows (fixture->store, &error);
  g_assert_cmpuint (windows->len, ==, 1);
  sources = ops_alert_db_list_sources (fixture->store, &error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpstr (((OpsAlertSourceInfo *)g_ptr_array_index (sources, 0))->url, ==,
                   "http://alertmanager.example.com:9093");

  exported = ops_config_export (fixture->store, &error);
  g_assert_no_error (error);
  alerts = json_object_get_object_member (json_node_get_object (exported), "alerts");
  text = json_to_string (json_object_get_member (alerts, "rules"), FALSE);
  g_assert_cmpstr (text, ==,
                   "[{\"name\":\"Check down\",\"kind\":\"down\",\"enabled\":true,\"scope\":{},"
                   "\"severity\":\"critical\",\"for\":\"0s\"},"
                   "{\"name\":\"Quiet stream\",\"kind\":\"absence\",\"enabled\":true,"
                   "\"scope\":{\"environment\":\"production\"},\"severity\":\"warning\","
                   "\"after\":\"2m\",\"for\":\"0s\"},"
                   "{\"name\":\"Slow API\",\"kind\":\"threshold\",\"enabled\":true,"
                   "\"scope\":{\"tag\":\"api\"},\"metric\":\"latency_ms\",\"aggregate\":\"avg\","
                   "\"operator\":\">\",\"warning\":500.0,\"critical\":1000.0,\"window\":\"5m\","
                   "\"for\":\"1m\"}]");
  g_clear_pointer (&text, g_free);
  text = json_to_string (json_object_get_member (alerts, "dependencies"), FALSE);
  g_assert_cmpstr (text, ==, "[{\"check\":\"api\",\"depends_on\":\"db\"}]");
}

static void
test_config_rejected (Fixture      *fixture,
                      gconstpointer data)
{
  static const struct
  {
    const char *section;
    const char *message;
  } cases[] = {
    { "[]", "The “alerts” section must be a JSON object." },
    { "{\"rulez\": []}", "The “alerts” section has an unknown member “rulez”; it may hold rules, "
                         "dependencies, maintenance_windows and sources." },
    { "{\"rules\": {}}", "The “alerts” section: “rules” must be a list." },
    { "{\"rules\": [{\"name\": \"a\", \"kind\": \"down\"}, {\"name\": \"a\", \"kind\": \"down\"}]}",
      "The “alerts” section has two rules named “a”." },
    { "{\"rules\": [{\"name\": \"a\", \"kind\": \"threshold\"}]}",
      "The “alerts” section: The rule “a”: its operator must be one of >, >=, <, <=, == and !=." },
    { "{\"dependencies\": [{\"check\": \"a\", \"depends_on\": \"b\"}, "
      "{\"check\": \"b\", \"depends_on\": \"a\"}]}",
      "The “alerts” section: “b” cannot depend on “a”: “a” already depends on “b”, and the "
      "dependencies would go round in a loop (b → a → b)." },
    { "{\"dependencies\": [{\"check\": \"a\"}]}",
      "The “alerts” section: dependency 1 must be like {\"check\": \"api\", \"depends_on\": "
      "\"db\"}." },
    { "{\"sources\": [{\"name\": \"x\", \"url\": \"ftp://example.com\"}]}",
      "The “alerts” section: the source “x”: “ftp://example.com” is not the address of an "
      "Alertmanager: write it like http://alertmanager.example.com:9093 (http or https, no user "
      "name, query or fragment)." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *document = g_strdup_printf ("{\"format\": \"opsdeck-config\", \"version\": "
                                                   "1, \"alerts\": %s}",
                                                   cases[i].section);
      g_autoptr(GPtrArray) rules = NULL;

      g_assert_false (ops_config_import_data (fixture->store, document, strlen (document), &error));
      g_assert_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID);
      if (!g_str_equal (error->message, cases[i].message))
        g_error ("Case %u: expected “%s”, got “%s”", i, cases[i].message, error->message);

      /* Nothing was changed. */
      rules = ops_alert_db_list_rules (fixture->store, NULL);
      g_assert_cmpuint (rules->len, ==, 5);
    }
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/alerts/rules/parse-condition", test_parse_condition);
  g_test_add_func ("/opsdeck/alerts/rules/condition-errors", test_condition_errors);
  g_test_add_func ("/opsdeck/alerts/rules/durations", test_durations);
  g_test_add_func ("/opsdeck/alerts/rules/rejected", test_rules_rejected);
  g_test_add_func ("/opsdeck/alerts/rules/conditions-must-agree", test_conditions_must_agree);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/opsdeck/alerts/rules/defaults", test_defaults);
  ADD ("/opsdeck/alerts/rules/save-and-find", test_save_and_rename);
  ADD ("/opsdeck/alerts/dependencies/cycles-refused", test_cycles_refused);
  ADD ("/opsdeck/alerts/config/import-export", test_config_import_export);
  ADD ("/opsdeck/alerts/config/rejected", test_config_rejected);
#undef ADD

  return g_test_run ();
}
