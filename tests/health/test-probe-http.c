/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "health/ops-check.h"
#include "health/ops-probe.h"
#include "ops-test-nginx.h"
#include "ops-test-probe.h"
#include "ops-test-servers.h"
#include "ops-test-tls.h"
#include "ops-test-util.h"

/* The HTTP probe against the real nginx on loopback (plain and HTTPS with
 * certificates made by the test), and against servers that misbehave. */

static OpsTestNginx    *nginx;
static OpsTestCerts    *certs;
static OpsProbeContext *context;

#define HEALTH_JSON_PASS                                                                  \
  "{\"status\":\"pass\",\"version\":\"1\",\"checks\":{"                                   \
  "\"postgres:responseTime\":[{\"componentId\":\"db-1\",\"componentType\":\"datastore\"," \
  "\"observedValue\":35,\"observedUnit\":\"ms\",\"status\":\"pass\"}],"                   \
  "\"uptime\":[{\"componentType\":\"system\",\"observedValue\":1209600.2,\"status\":\"pass\"}]}}"

static const char server_config[] =
    "location = /ok { return 200 \"fine\"; }\n"
    "location = /error { return 503 \"down\"; }\n"
    "location = /redirect { return 302 /ok; }\n"
    "location = /json { default_type application/json;"
    "  return 200 '{\"status\":\"UP\",\"checks\":{\"db\":{\"status\":\"DOWN\"}},\"items\":[1,2]}'; }\n"
    "location = /malformed { default_type application/json; return 200 '{\"status\": \"UP\", '; }\n"
    "location = /malformed-health { default_type application/health+json; return 200 '{\"status\":'; }\n"
    "location = /health { default_type application/health+json; return 200 '" HEALTH_JSON_PASS "'; }\n"
    "location = /health-warn { default_type application/health+json;"
    "  return 200 '{\"status\":\"warn\",\"checks\":{\"cpu:utilization\":[{\"componentType\":\"system\","
    "\"observedValue\":91,\"observedUnit\":\"percent\",\"status\":\"warn\",\"output\":\"cpu above 90%\"}]}}'; }\n"
    "location = /health-fail { default_type application/health+json;"
    "  return 503 '{\"status\":\"fail\",\"output\":\"database unreachable\"}'; }\n"
    "location = /actuator { default_type application/json;"
    "  return 200 '{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\",\"details\":"
    "{\"database\":\"PostgreSQL\"}},\"broker\":{\"status\":\"UP\",\"components\":{\"us1\":"
    "{\"status\":\"UP\"}}}}}'; }\n"
    "location = /actuator-down { default_type application/json;"
    "  return 503 '{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\",\"details\":"
    "{\"error\":\"java.net.ConnectException: Connection refused\"}}}}'; }\n"
    "location = /private { if ($http_authorization != \"Bearer s3cret\") { return 401; }"
    "  return 200 \"welcome\"; }\n"
    "location = /echo-header { return 200 $http_x_opsdeck; }\n";

static OpsCheck *
http_check (const char *path)
{
  g_autofree char *url = ops_test_nginx_url (nginx, path);
  OpsCheck        *check = ops_check_new (OPS_CHECK_KIND_HTTP, path, url);

  ops_check_set_timeout_ms (check, 5000);
  return check;
}

static void
test_ok (void)
{
  g_autoptr(OpsCheck) check = http_check ("/ok");
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);
  const OpsProbeTiming *timing = ops_check_result_get_timing (result);
  double                status_code = 0;

  ops_test_assert_error (result, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_cmpstr (ops_check_result_get_summary (result), ==, "HTTP 200");
  g_assert_true (ops_check_result_get_detail_double (result, "status_code", &status_code));
  g_assert_cmpfloat (status_code, ==, 200);

  /* The breakdown from libsoup's metrics: a new connection, no TLS. */
  g_assert_cmpint (timing->dns_us, >=, 0);
  g_assert_cmpint (timing->connect_us, >=, 0);
  g_assert_cmpint (timing->tls_us, ==, -1);
  g_assert_cmpint (timing->first_byte_us, >=, 0);
  g_assert_cmpint (timing->download_us, >=, 0);
  g_assert_cmpint (timing->total_us, >=, timing->first_byte_us);
  g_assert_cmpfloat (ops_check_result_get_latency_ms (result), >, 0);
}

static void
test_status (void)
{
  g_autoptr(OpsCheck) check = http_check ("/error");
  g_autoptr(OpsCheckResult) plain = ops_test_run_check (context, check);
  g_autoptr(OpsCheckResult) with_condition = NULL;
  g_autoptr(OpsCheckResult) accepted = NULL;

  ops_test_assert_error (plain, OPS_HEALTH_STATUS_DOWN, "HTTP status 503 Service Unavailable");

  ops_test_set_conditions (check, "[STATUS] == 200", NULL);
  with_condition = ops_test_run_check (context, check);
  ops_test_assert_error (with_condition, OPS_HEALTH_STATUS_DOWN, "HTTP status 503, expected 200");

  /* A condition that expects the 503 makes it healthy. */
  ops_test_set_conditions (check, "[STATUS] == any(503, 504)", NULL);
  accepted = ops_test_run_check (context, check);
  ops_test_assert_error (accepted, OPS_HEALTH_STATUS_HEALTHY, NULL);
}

static void
test_conditions (void)
{
  g_autoptr(OpsCheck) check = http_check ("/json");
  g_autoptr(OpsCheckResult) down = NULL;
  g_autoptr(OpsCheckResult) up = NULL;
  g_autoptr(OpsCheckResult) body = NULL;
  JsonNode *listed;

  ops_test_set_conditions (check, "[STATUS] == 200", "[BODY].status == UP",
                           "[BODY].checks.db.status == UP", NULL);
  down = ops_test_run_check (context, check);
  ops_test_assert_error (down, OPS_HEALTH_STATUS_DOWN,
                         "JSON field checks.db.status is DOWN, expected UP");
  listed = json_object_get_member (ops_check_result_get_details (down), "conditions");
  g_assert_nonnull (listed);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 3);

  ops_test_set_conditions (check, "len([BODY].items) > 0", "[RESPONSE_TIME] < 5000", NULL);
  up = ops_test_run_check (context, check);
  ops_test_assert_error (up, OPS_HEALTH_STATUS_HEALTHY, NULL);

  g_object_unref (check);
  check = http_check ("/ok");
  ops_test_set_conditions (check, "[BODY] == pat(*fin*)", "[CONNECTED] == true", NULL);
  body = ops_test_run_check (context, check);
  ops_test_assert_error (body, OPS_HEALTH_STATUS_HEALTHY, NULL);
}

static void
test_health_json (void)
{
  g_autoptr(OpsCheck) pass_check = http_check ("/health");
  g_autoptr(OpsCheck) warn_check = http_check ("/health-warn");
  g_autoptr(OpsCheck) fail_check = http_check ("/health-fail");
  g_autoptr(OpsCheckResult) pass = ops_test_run_check (context, pass_check);
  g_autoptr(OpsCheckResult) warn = ops_test_run_check (context, warn_check);
  g_autoptr(OpsCheckResult) fail = ops_test_run_check (context, fail_check);
  JsonArray  *components;
  JsonObject *first;

  ops_test_assert_error (pass, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_cmpstr (ops_check_result_get_detail_string (pass, "health_format"), ==, "health+json");
  g_assert_cmpstr (ops_check_result_get_summary (pass), ==, "HTTP 200, pass");
  components = ops_check_result_get_components (pass);
  g_assert_nonnull (components);
  g_assert_cmpuint (json_array_get_length (components), ==, 2);
  first = json_array_get_object_element (components, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "postgres:responseTime");
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "healthy");

  ops_test_assert_error (warn, OPS_HEALTH_STATUS_DEGRADED, "the service reports warn");
  g_assert_nonnull (strstr (ops_check_result_get_error (warn), "cpu:utilization"));

  ops_test_assert_error (fail, OPS_HEALTH_STATUS_DOWN,
                         "the service reports fail: database unreachable");
}

static void
test_actuator (void)
{
  g_autoptr(OpsCheck) up_check = http_check ("/actuator");
  g_autoptr(OpsCheck) down_check = http_check ("/actuator-down");
  g_autoptr(OpsCheckResult) up = ops_test_run_check (context, up_check);
  g_autoptr(OpsCheckResult) down = ops_test_run_check (context, down_check);
  JsonArray *components;

  ops_test_assert_error (up, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_cmpstr (ops_check_result_get_detail_string (up, "health_format"), ==, "actuator");
  components = ops_check_result_get_components (up);
  /* db, broker and the nested broker.us1 */
  g_assert_cmpuint (json_array_get_length (components), ==, 3);

  ops_test_assert_error (down, OPS_HEALTH_STATUS_DOWN, "the service reports DOWN (db DOWN)");
  components = ops_check_result_get_components (down);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (components, 0),
                                                  "output"),
                   ==, "java.net.ConnectException: Connection refused");
}

static void
test_malformed_json (void)
{
  g_autoptr(OpsCheck) check = http_check ("/malformed");
  g_autoptr(OpsCheck) health = http_check ("/malformed-health");
  g_autoptr(OpsCheckResult) plain = NULL;
  g_autoptr(OpsCheckResult) with_condition = NULL;
  g_autoptr(OpsCheckResult) health_result = NULL;

  /* Nothing asks for the body: the status decides, the problem is noted. */
  plain = ops_test_run_check (context, check);
  ops_test_assert_error (plain, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_nonnull (ops_check_result_get_detail_string (plain, "body_error"));

  ops_test_set_conditions (check, "[BODY].status == UP", NULL);
  with_condition = ops_test_run_check (context, check);
  ops_test_assert_error (with_condition, OPS_HEALTH_STATUS_DOWN, "the body is not JSON");

  health_result = ops_test_run_check (context, health);
  ops_test_assert_error (health_result, OPS_HEALTH_STATUS_DEGRADED,
                         "the health document is not valid JSON");
}

static void
test_too_large (void)
{
  g_autoptr(OpsCheck) check = http_check ("/big.bin");
  g_autoptr(OpsCheckResult) result = NULL;
  g_autofree char *big = g_malloc0 (10 * 1024 * 1024);

  ops_test_nginx_write_file (nginx, "big.bin", big, 10 * 1024 * 1024);
  result = ops_test_run_check (context, check);
  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "larger than 1.0");
}

static void
test_redirects (void)
{
  g_autoptr(OpsCheck) check = http_check ("/redirect");
  g_autoptr(OpsCheckResult) followed = NULL;
  g_autoptr(OpsCheckResult) not_followed = NULL;

  ops_test_set_conditions (check, "[STATUS] == 200", NULL);
  followed = ops_test_run_check (context, check);
  ops_test_assert_error (followed, OPS_HEALTH_STATUS_HEALTHY, NULL);

  ops_test_set_option (check, "follow_redirects", "false");
  not_followed = ops_test_run_check (context, check);
  ops_test_assert_error (not_followed, OPS_HEALTH_STATUS_DOWN, "HTTP status 302, expected 200");
}

static void
test_headers_and_token (void)
{
  g_autoptr(OpsCheck) check = http_check ("/private");
  g_autoptr(OpsCheck) echo = http_check ("/echo-header");
  g_autoptr(OpsCheckResult) refused = NULL;
  g_autoptr(OpsCheckResult) welcome = NULL;
  g_autoptr(OpsCheckResult) echoed = NULL;

  refused = ops_test_run_check (context, check);
  ops_test_assert_error (refused, OPS_HEALTH_STATUS_DOWN, "HTTP status 401");

  /* An unsaved check carries its token (the Test button). */
  ops_check_set_secret (check, "s3cret");
  welcome = ops_test_run_check (context, check);
  ops_test_assert_error (welcome, OPS_HEALTH_STATUS_HEALTHY, NULL);

  ops_test_set_option (echo, "header", "X-Opsdeck: hello");
  ops_test_set_conditions (echo, "[BODY] == hello", NULL);
  echoed = ops_test_run_check (context, echo);
  ops_test_assert_error (echoed, OPS_HEALTH_STATUS_HEALTHY, NULL);
}

static void
test_never_answers (void)
{
  OpsTestServer   *server = ops_test_server_new (OPS_TEST_SERVER_SILENT);
  g_autofree char *url = ops_test_server_url (server, "/");
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_HTTP, "silent", url);
  g_autoptr(OpsCheckResult) result = NULL;

  ops_check_set_timeout_ms (check, 1000);
  result = ops_test_run_check (context, check);
  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN,
                         "timed out after 1 s waiting for the first byte");
  g_assert_cmpuint (server->accepted, ==, 1);
  ops_test_server_free (server);
}

static void
test_closes_mid_response (void)
{
  OpsTestServer   *server = ops_test_server_new (OPS_TEST_SERVER_CLOSE_EARLY);
  g_autofree char *url = ops_test_server_url (server, "/");
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_HTTP, "early", url);
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN,
                         "closed the connection in the middle of the response");
  ops_test_server_free (server);
}

static void
test_not_http (void)
{
  OpsTestServer   *server = ops_test_server_new (OPS_TEST_SERVER_GARBAGE);
  g_autofree char *url = ops_test_server_url (server, "/");
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_HTTP, "garbage", url);
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "not valid HTTP");
  ops_test_server_free (server);
}

static void
test_connection_refused (void)
{
  guint16          port = ops_test_free_port ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/", port);
  g_autofree char *where = g_strdup_printf ("connection refused by 127.0.0.1:%u", port);
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_HTTP, "refused", url);
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, where);
}

static void
test_unknown_host (void)
{
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_HTTP, "unknown",
                                              "http://no-such-host.invalid/health");
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "no-such-host.invalid");
}

/* HTTPS: one nginx per certificate. */
static OpsCheckResult *
run_tls (const char *cert,
         const char *key,
         gboolean    trust_test_ca,
         gboolean    verify,
         const char *condition)
{
  OpsTestNginx    *server = ops_test_nginx_start ("location = /ok { return 200 \"secure\"; }", cert, key);
  g_autofree char *url = ops_test_nginx_url (server, "/ok");
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_HTTP, "tls", url);
  OpsCheckResult *result;

  ops_check_set_timeout_ms (check, 5000);
  if (trust_test_ca)
    ops_test_set_option (check, "ca_file", certs->ca);
  if (!verify)
    ops_test_set_option (check, "verify_tls", "false");
  if (condition != NULL)
    ops_test_set_conditions (check, condition, NULL);

  result = ops_test_run_check (context, check);
  ops_test_nginx_stop (server);
  return result;
}

static void
test_tls_valid (void)
{
  g_autoptr(OpsCheckResult) result = run_tls (certs->valid_cert, certs->valid_key, TRUE, TRUE,
                                               "[CERTIFICATE_EXPIRATION] > 48h");
  double days = 0;

  ops_test_assert_error (result, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_true (ops_check_result_get_detail_double (result, "certificate_days_left", &days));
  g_assert_cmpfloat (days, >, 29);
  g_assert_cmpfloat (days, <, 31);
  g_assert_cmpint (ops_check_result_get_timing (result)->tls_us, >=, 0);
}

static void
test_tls_unknown_authority (void)
{
  g_autoptr(OpsCheckResult) result = run_tls (certs->valid_cert, certs->valid_key, FALSE, TRUE,
                                               NULL);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN,
                         "TLS certificate is signed by an unknown authority (CN=Opsdeck Test CA)");
}

static void
test_tls_expired (void)
{
  g_autoptr(OpsCheckResult) result = run_tls (certs->expired_cert, certs->expired_key, TRUE, TRUE,
                                               NULL);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "TLS certificate expired on ");
}

static void
test_tls_self_signed (void)
{
  g_autoptr(OpsCheckResult) result = run_tls (certs->self_signed_cert, certs->self_signed_key,
                                               TRUE, TRUE, NULL);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "TLS certificate is self-signed");
}

static void
test_tls_wrong_host (void)
{
  g_autoptr(OpsCheckResult) result = run_tls (certs->wrong_host_cert, certs->wrong_host_key, TRUE,
                                               TRUE, NULL);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN,
                         "TLS certificate is for wrong.example.invalid, not 127.0.0.1");
}

static void
test_tls_verification_off (void)
{
  g_autoptr(OpsCheckResult) result = run_tls (certs->expired_cert, certs->expired_key, FALSE,
                                               FALSE, NULL);
  JsonNode *flag;

  ops_test_assert_error (result, OPS_HEALTH_STATUS_HEALTHY, NULL);
  flag = json_object_get_member (ops_check_result_get_details (result), "tls_verification_disabled");
  g_assert_nonnull (flag);
  g_assert_true (json_node_get_boolean (flag));
}

static void
test_tls_expires_soon (void)
{
  g_autoptr(OpsCheckResult) result = run_tls (certs->soon_cert, certs->soon_key, TRUE, TRUE,
                                               "[CERTIFICATE_EXPIRATION] > 7d");

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "TLS certificate expires in 3.0 days");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ops_test_init (&argc, &argv);

  certs = ops_test_certs_new ();
  nginx = ops_test_nginx_start (server_config, NULL, NULL);
  context = ops_probe_context_new (NULL);

  g_test_add_func ("/opsdeck/health/http/ok", test_ok);
  g_test_add_func ("/opsdeck/health/http/status", test_status);
  g_test_add_func ("/opsdeck/health/http/conditions", test_conditions);
  g_test_add_func ("/opsdeck/health/http/health-json", test_health_json);
  g_test_add_func ("/opsdeck/health/http/actuator", test_actuator);
  g_test_add_func ("/opsdeck/health/http/malformed-json", test_malformed_json);
  g_test_add_func ("/opsdeck/health/http/too-large", test_too_large);
  g_test_add_func ("/opsdeck/health/http/redirects", test_redirects);
  g_test_add_func ("/opsdeck/health/http/headers-and-token", test_headers_and_token);
  g_test_add_func ("/opsdeck/health/http/never-answers", test_never_answers);
  g_test_add_func ("/opsdeck/health/http/closes-mid-response", test_closes_mid_response);
  g_test_add_func ("/opsdeck/health/http/not-http", test_not_http);
  g_test_add_func ("/opsdeck/health/http/connection-refused", test_connection_refused);
  g_test_add_func ("/opsdeck/health/http/unknown-host", test_unknown_host);
  g_test_add_func ("/opsdeck/health/http/valid-certificate", test_tls_valid);
  g_test_add_func ("/opsdeck/health/http/unknown-authority", test_tls_unknown_authority);
  g_test_add_func ("/opsdeck/health/http/expired-certificate", test_tls_expired);
  g_test_add_func ("/opsdeck/health/http/self-signed-certificate", test_tls_self_signed);
  g_test_add_func ("/opsdeck/health/http/wrong-host-name", test_tls_wrong_host);
  g_test_add_func ("/opsdeck/health/http/verification-off", test_tls_verification_off);
  g_test_add_func ("/opsdeck/health/http/certificate-expires-soon", test_tls_expires_soon);

  status = g_test_run ();

  g_clear_object (&context);
  ops_test_nginx_stop (nginx);
  ops_test_certs_free (certs);

  return status;
}
