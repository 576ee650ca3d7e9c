/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "config/ops-config.h"
#include "health/ops-check-list.h"
#include "ops-test-util.h"

/* Check definitions: validation with errors in words, the JSON form,
 * saving through the list, and the “health” section of the exported
 * configuration. */

static OpsCheck *
check_from_text (const char *json,
                 GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  json_parser_load_from_data (parser, json, -1, &local_error);
  g_assert_no_error (local_error);

  return ops_check_new_from_json (json_parser_get_root (parser), error);
}

typedef struct
{
  const char *json;
  const char *error; /* a part of the message */
} BadCase;

static const BadCase bad_checks[] = {
  { "[]", "must be a JSON object" },
  { "{\"kind\":\"gopher\",\"name\":\"a\",\"target\":\"x\"}", "“kind” must be one of" },
  { "{\"kind\":\"http\",\"target\":\"http://a/\"}", "A check needs a name" },
  { "{\"kind\":\"http\",\"name\":\"a\\nb\",\"target\":\"http://a/\"}", "line breaks" },
  { "{\"kind\":\"http\",\"name\":\"a\"}", "The target is missing" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"ftp://a/\"}", "the scheme must be one of http, https" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"https://user:pw@a/\"}", "contains a password" },
  { "{\"kind\":\"tcp\",\"name\":\"a\",\"target\":\"db.example.com\"}", "the port is missing" },
  { "{\"kind\":\"tcp\",\"name\":\"a\",\"target\":\"db.example.com:99999\"}", "is not HOST:PORT" },
  { "{\"kind\":\"dns\",\"name\":\"a\",\"target\":\"http://a/\"}", "is not a host name" },
  { "{\"kind\":\"postgresql\",\"name\":\"a\",\"target\":\"host=db password=hunter2\"}",
    "The connection string contains a password" },
  { "{\"kind\":\"postgresql\",\"name\":\"a\",\"target\":\"postgresql://u:hunter2@db/app\"}",
    "The connection string contains a password" },
  { "{\"kind\":\"postgresql\",\"name\":\"a\",\"target\":\"host=db nonsense\"}", "cannot be used" },
  { "{\"kind\":\"websocket\",\"name\":\"a\",\"target\":\"tcp://a/\"}", "the scheme must be one of ws" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"interval\":\"500ms\"}",
    "The interval must be between 1s and 1d (it is 500ms)" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"interval\":\"soon\"}",
    "“soon” is not a duration" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"interval\":\"5s\",\"timeout\":\"10s\"}",
    "The timeout (10s) must not be longer than the interval (5s)" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"timeout\":\"50ms\"}",
    "The timeout must be between 100ms and 10m" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"failure_threshold\":0}",
    "thresholds must be between 1 and 100" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"failure_threshold\":\"3\"}",
    "“failure_threshold” of a check must be a whole number" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"environment\":\"prod\"}",
    "The environment “prod” is unknown" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"tags\":[\"two words\"]}",
    "is not a tag" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"conditions\":[\"[STATUS] 200\"]}",
    "column 10: no operator found" },
  { "{\"kind\":\"tcp\",\"name\":\"a\",\"target\":\"a:1\",\"conditions\":[\"[BODY].x == 1\"]}",
    "[BODY] is not available for this kind of check" },
  { "{\"kind\":\"redis\",\"name\":\"a\",\"target\":\"a:1\",\"conditions\":[\"[CONNECTED] == true\"]}",
    "redis checks take no conditions" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"options\":{\"methd\":\"GET\"}}",
    "Checks have no option “methd”" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"options\":{\"method\":\"FETCH\"}}",
    "The option “method” cannot be “FETCH”" },
  { "{\"kind\":\"tcp\",\"name\":\"a\",\"target\":\"a:1\",\"options\":{\"method\":\"GET\"}}",
    "The option “method” does not apply to tcp checks" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"options\":{\"header\":[\"no colon\"]}}",
    "“no colon” is not a header" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"options\":{\"max_body\":10}}",
    "The option “max_body” must be between 1024 and" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"options\":{\"verify_tls\":\"no\"}}",
    "The option “verify_tls” must be true or false" },
  { "{\"kind\":\"dns\",\"name\":\"a\",\"target\":\"a.example\",\"options\":{\"expect_address\":[\"1.2.3\"]}}",
    "“1.2.3” is not an IP address" },
  { "{\"kind\":\"http\",\"name\":\"a\",\"target\":\"http://a/\",\"intervall\":\"5s\"}",
    "A check has an unknown member “intervall”" },
};

static void
test_bad_definitions (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_checks); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OpsCheck) check = check_from_text (bad_checks[i].json, &error);

      if (check != NULL)
        g_error ("%s: accepted", bad_checks[i].json);
      g_assert_nonnull (error);
      g_assert_true (error->domain == OPS_HEALTH_ERROR);
      if (strstr (error->message, bad_checks[i].error) == NULL)
        g_error ("%s: expected “%s” in “%s”", bad_checks[i].json, bad_checks[i].error,
                 error->message);
      /* A password never shows in an error. */
      g_assert_null (strstr (error->message, "hunter2"));
    }
}

static void
test_json_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsCheck) check = NULL;
  g_autoptr(OpsCheck) again = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) node_again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  check = check_from_text ("{\"kind\":\"http\",\"name\":\" api \",\"target\":\"https://api.example/health\","
                           "\"interval\":\"1m30s\",\"timeout\":5,\"failure_threshold\":3,"
                           "\"environment\":\"staging\",\"tags\":[\"edge\",\"eu\"],"
                           "\"conditions\":[\"[STATUS] == 200\",\"[BODY].status == UP\"],"
                           "\"options\":{\"method\":\"POST\",\"header\":[\"X-A: 1\"],\"verify_tls\":false},"
                           "\"paused\":true}",
                           &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ops_check_get_name (check), ==, "api");
  g_assert_cmpuint (ops_check_get_interval_ms (check), ==, 90000);
  g_assert_cmpuint (ops_check_get_timeout_ms (check), ==, 5000);
  g_assert_cmpuint (ops_check_get_failure_threshold (check), ==, 3);
  g_assert_cmpuint (ops_check_get_success_threshold (check), ==, 1);
  g_assert_cmpint (ops_check_get_environment (check), ==, OPS_ENVIRONMENT_STAGING);
  g_assert_true (ops_check_get_paused (check));
  g_assert_cmpstr (ops_check_get_option_string (check, "method"), ==, "POST");
  g_assert_true (ops_check_get_tls_verification_disabled (check));
  g_assert_true (ops_check_get_option_boolean (check, "follow_redirects"));
  g_assert_cmpint (ops_check_get_option_int (check, "max_body"), ==, 1048576);

  node = ops_check_to_json (check, FALSE);
  text = json_to_string (node, FALSE);
  again = ops_check_new_from_json (node, &error);
  g_assert_no_error (error);
  node_again = ops_check_to_json (again, FALSE);
  text_again = json_to_string (node_again, FALSE);
  g_assert_cmpstr (text, ==, text_again);
  g_assert_nonnull (strstr (text, "\"interval\":\"1m30s\""));

  /* A short interval takes a timeout no longer than itself. */
  g_clear_object (&check);
  check = check_from_text ("{\"kind\":\"tcp\",\"name\":\"a\",\"target\":\"a:1\",\"interval\":\"2s\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ops_check_get_timeout_ms (check), ==, 2000);
}

typedef struct
{
  char         *path;
  OpsStore     *store;
  OpsCheckList *list;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = ops_test_fresh_db_path ();
  fixture->store = ops_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->list = ops_check_list_new (fixture->store, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  g_clear_object (&fixture->list);
  g_clear_object (&fixture->store);
  g_free (fixture->path);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changes)
{
  (*changes)++;
}

static void
test_list (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr(OpsCheck) api = ops_check_new (OPS_CHECK_KIND_HTTP, "api", "https://api.example/");
  g_autoptr(OpsCheck) twin = ops_check_new (OPS_CHECK_KIND_TCP, "api", "db:5432");
  g_autoptr(OpsCheck) edited = NULL;
  g_autoptr(OpsCheckList) reread = NULL;
  g_autoptr(GError) error = NULL;
  guint     changes = 0;
  OpsCheck *found;

  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  g_assert_true (ops_check_list_add (fixture->list, api, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ops_check_get_id (api), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  /* Names are unique. */
  g_assert_false (ops_check_list_add (fixture->list, twin, &error));
  g_assert_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "A check named “api” already exists"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 1);

  /* Editing a copy, then saving it, updates the live check. */
  edited = ops_check_copy (api);
  ops_check_set_name (edited, "public api");
  ops_check_set_interval_ms (edited, 60000);
  g_assert_true (ops_check_list_update (fixture->list, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ops_check_get_name (api), ==, "public api");
  g_assert_cmpuint (ops_check_get_interval_ms (api), ==, 60000);

  /* An invalid edit is refused and changes nothing. */
  ops_check_set_target (edited, "gopher://x");
  g_assert_false (ops_check_list_update (fixture->list, edited, &error));
  g_assert_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (ops_check_get_target (api), ==, "https://api.example/");

  /* Pausing is saved at once. */
  ops_check_set_paused (api, TRUE);

  reread = ops_check_list_new (fixture->store, &error);
  g_assert_no_error (error);
  found = ops_check_list_find_by_name (reread, "public api");
  g_assert_nonnull (found);
  g_assert_true (ops_check_get_paused (found));
  g_assert_cmpuint (ops_check_get_interval_ms (found), ==, 60000);
  g_assert_true (ops_check_list_find_by_id (reread, ops_check_get_id (api)) == found);

  /* Removed from the list at once; the row waits for its history to go. */
  g_assert_true (ops_check_list_remove (fixture->list, api, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 0);
  g_assert_cmpint (ops_test_sqlite_int (fixture->path, "SELECT count(*) FROM health_checks "
                                                       "WHERE removed_at IS NOT NULL"),
                   ==, 1);

  /* The name is free again. */
  g_assert_true (ops_check_list_add (fixture->list, twin, &error));
  g_assert_no_error (error);
}

static void
test_secret_without_keyring_service (Fixture      *fixture,
                                     gconstpointer data)
{
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_TCP, "port", "db:5432");
  g_autoptr(GError) error = NULL;

  /* A TCP check has nothing to keep secret. */
  ops_check_set_secret (check, "hunter2");
  g_assert_false (ops_check_list_add (fixture->list, check, &error));
  g_assert_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "tcp checks take no password or token"));
  g_assert_cmpint (ops_test_sqlite_int (fixture->path, "SELECT count(*) FROM health_checks"), ==, 0);
}

static const char config_document[] =
    "{\"format\":\"opsdeck-config\",\"version\":1,\"health\":{\"checks\":["
    "{\"kind\":\"http\",\"name\":\"api\",\"target\":\"https://api.example/health\",\"interval\":\"30s\","
    " \"conditions\":[\"[STATUS] == 200\"]},"
    "{\"kind\":\"redis\",\"name\":\"cache\",\"target\":\"cache.example:6379\",\"tags\":[\"eu\"]}"
    "]}}";

static void
test_config (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(OpsCheck) existing = ops_check_new (OPS_CHECK_KIND_HTTP, "api", "http://old.example/");
  OpsCheck *api;

  g_assert_true (ops_check_list_add (fixture->list, existing, &error));

  g_assert_true (ops_config_import_data (fixture->store, config_document, strlen (config_document), &error));
  g_assert_no_error (error);

  /* The list the app shows reloaded: “api” updated in place, “cache” added. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 2);
  api = ops_check_list_find_by_name (fixture->list, "api");
  g_assert_true (api == existing);
  g_assert_cmpstr (ops_check_get_target (api), ==, "https://api.example/health");
  g_assert_nonnull (ops_check_list_find_by_name (fixture->list, "cache"));

  exported = ops_config_export_to_data (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (exported, "\"name\" : \"cache\""));
  g_assert_nonnull (strstr (exported, "\"[STATUS] == 200\""));
  g_assert_null (strstr (exported, "has_secret"));
}

static const BadCase bad_sections[] = {
  { "{\"format\":\"opsdeck-config\",\"version\":1,\"health\":[]}",
    "The “health” section must be a JSON object" },
  { "{\"format\":\"opsdeck-config\",\"version\":1,\"health\":{\"checks\":{}}}",
    "must be a list" },
  { "{\"format\":\"opsdeck-config\",\"version\":1,\"health\":{\"chekcs\":[]}}",
    "unknown member “chekcs”" },
  { "{\"format\":\"opsdeck-config\",\"version\":1,\"health\":{\"checks\":["
    "{\"kind\":\"tcp\",\"name\":\"a\",\"target\":\"a:1\"},"
    "{\"kind\":\"tcp\",\"name\":\"b\",\"target\":\"b\"}]}}",
    "Check 2 (“b”) of the “health” section: The target “b” cannot be used: the port is missing" },
  { "{\"format\":\"opsdeck-config\",\"version\":1,\"health\":{\"checks\":["
    "{\"kind\":\"tcp\",\"name\":\"a\",\"target\":\"a:1\"},"
    "{\"kind\":\"tcp\",\"name\":\"a\",\"target\":\"b:1\"}]}}",
    "names the check “a” twice" },
  { "{\"format\":\"opsdeck-config\",\"version\":1,\"health\":{\"checks\":["
    "{\"kind\":\"dns\",\"name\":\"saved\",\"target\":\"saved.example\"}]}}",
    "The check “saved” is a tcp check here, and the file makes it a dns check" },
};

static void
test_config_bad_input (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr(OpsCheck) saved = ops_check_new (OPS_CHECK_KIND_TCP, "saved", "saved.example:22");
  g_autoptr(GError) error = NULL;

  g_assert_true (ops_check_list_add (fixture->list, saved, &error));

  for (guint i = 0; i < G_N_ELEMENTS (bad_sections); i++)
    {
      g_clear_error (&error);
      g_assert_false (ops_config_import_data (fixture->store, bad_sections[i].json, strlen (bad_sections[i].json), &error));
      g_assert_error (error, OPS_CONFIG_ERROR, OPS_CONFIG_ERROR_INVALID);
      if (strstr (error->message, bad_sections[i].error) == NULL)
        g_error ("expected “%s” in “%s”", bad_sections[i].error, error->message);

      /* Nothing was written. */
      g_assert_cmpint (ops_test_sqlite_int (fixture->path, "SELECT count(*) FROM health_checks"),
                       ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/health/checks/bad-definitions", test_bad_definitions);
  g_test_add_func ("/opsdeck/health/checks/json-round-trip", test_json_round_trip);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/opsdeck/health/checks/list", test_list);
  ADD ("/opsdeck/health/checks/secret-for-a-kind-without", test_secret_without_keyring_service);
  ADD ("/opsdeck/health/checks/config", test_config);
  ADD ("/opsdeck/health/checks/config-bad-input", test_config_bad_input);
#undef ADD

  return g_test_run ();
}
