/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "health/ops-check.h"
#include "ops-test-nginx.h"
#include "ops-test-probe.h"
#include "ops-test-servers.h"
#include "ops-test-tls.h"
#include "ops-test-util.h"

/* TCP, DNS and TLS-certificate checks against listeners on loopback. */

static OpsTestCerts    *certs;
static OpsProbeContext *context;

static OpsCheck *
new_check (OpsCheckKind kind,
           const char  *target)
{
  OpsCheck *check = ops_check_new (kind, "net", target);

  ops_check_set_timeout_ms (check, 3000);
  return check;
}

static void
test_tcp_open (void)
{
  OpsTestServer   *server = ops_test_server_new (OPS_TEST_SERVER_ACCEPT);
  g_autofree char *target = g_strdup_printf ("127.0.0.1:%u", server->port);
  g_autoptr(OpsCheck) check = new_check (OPS_CHECK_KIND_TCP, target);
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_cmpstr (ops_check_result_get_summary (result), ==, "connected to 127.0.0.1");
  g_assert_cmpint (ops_check_result_get_timing (result)->connect_us, >=, 0);
  g_assert_cmpint (ops_check_result_get_timing (result)->dns_us, ==, -1);
  ops_test_server_free (server);
}

static void
test_tcp_refused (void)
{
  guint16          port = ops_test_free_port ();
  g_autofree char *target = g_strdup_printf ("127.0.0.1:%u", port);
  g_autofree char *expected = g_strdup_printf ("connection refused by 127.0.0.1:%u", port);
  g_autoptr(OpsCheck) check = new_check (OPS_CHECK_KIND_TCP, target);
  g_autoptr(OpsCheckResult) refused = ops_test_run_check (context, check);
  g_autoptr(OpsCheckResult) closed_ok = NULL;

  ops_test_assert_error (refused, OPS_HEALTH_STATUS_DOWN, expected);

  /* A port that must stay closed. */
  ops_test_set_conditions (check, "[CONNECTED] == false", NULL);
  closed_ok = ops_test_run_check (context, check);
  ops_test_assert_error (closed_ok, OPS_HEALTH_STATUS_HEALTHY, NULL);
}

static void
test_tcp_by_name (void)
{
  OpsTestServer   *server = ops_test_server_new (OPS_TEST_SERVER_ACCEPT);
  g_autofree char *target = g_strdup_printf ("localhost:%u", server->port);
  g_autoptr(OpsCheck) check = new_check (OPS_CHECK_KIND_TCP, target);
  g_autoptr(OpsCheckResult) result = NULL;

  ops_test_set_conditions (check, "[IP] == 127.0.0.1", NULL);
  result = ops_test_run_check (context, check);
  ops_test_assert_error (result, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_cmpint (ops_check_result_get_timing (result)->dns_us, >=, 0);
  ops_test_server_free (server);
}

static void
test_tcp_unknown_host (void)
{
  g_autoptr(OpsCheck) check = new_check (OPS_CHECK_KIND_TCP, "no-such-host.invalid:5432");
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "no-such-host.invalid");
}

static void
test_dns (void)
{
  g_autoptr(OpsCheck) check = new_check (OPS_CHECK_KIND_DNS, "localhost");
  g_autoptr(OpsCheckResult) found = NULL;
  g_autoptr(OpsCheckResult) wrong = NULL;

  ops_test_set_option (check, "record_type", "a");
  ops_test_set_option (check, "expect_address", "127.0.0.1");
  found = ops_test_run_check (context, check);
  ops_test_assert_error (found, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_cmpstr (ops_check_result_get_summary (found), ==, "127.0.0.1");
  g_assert_cmpint (ops_check_result_get_timing (found)->dns_us, >=, 0);

  ops_test_set_option (check, "expect_address", "10.9.8.7");
  wrong = ops_test_run_check (context, check);
  ops_test_assert_error (wrong, OPS_HEALTH_STATUS_DOWN, "localhost resolves to 127.0.0.1, not to 10.9.8.7");
}

static void
test_dns_unknown (void)
{
  g_autoptr(OpsCheck) check = new_check (OPS_CHECK_KIND_DNS, "no-such-host.invalid");
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "no-such-host.invalid");
}

static OpsCheckResult *
run_tls (const char *cert,
         const char *key,
         gboolean    verify)
{
  OpsTestNginx    *server = ops_test_nginx_start ("location / { return 200; }", cert, key);
  g_autofree char *target = g_strdup_printf ("127.0.0.1:%u", server->port);
  g_autoptr(OpsCheck) check = new_check (OPS_CHECK_KIND_TLS, target);
  OpsCheckResult *result;

  ops_test_set_option (check, "ca_file", certs->ca);
  if (!verify)
    ops_test_set_option (check, "verify_tls", "false");
  result = ops_test_run_check (context, check);
  ops_test_nginx_stop (server);

  return result;
}

static void
test_tls_days_left (void)
{
  g_autoptr(OpsCheckResult) valid = run_tls (certs->valid_cert, certs->valid_key, TRUE);
  g_autoptr(OpsCheckResult) soon = run_tls (certs->soon_cert, certs->soon_key, TRUE);
  double days = 0;

  ops_test_assert_error (valid, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_true (ops_check_result_get_detail_double (valid, "certificate_days_left", &days));
  g_assert_cmpfloat (days, >, 29);
  g_assert_cmpint (ops_check_result_get_timing (valid)->tls_us, >=, 0);

  /* Three days left: under the critical limit (7 days). */
  ops_test_assert_error (soon, OPS_HEALTH_STATUS_DOWN,
                         "TLS certificate expires in 3.0 days, under the critical limit of 7 days");
}

static void
test_tls_limits (void)
{
  OpsTestNginx    *server = ops_test_nginx_start ("location / { return 200; }", certs->soon_cert,
                                                  certs->soon_key);
  g_autofree char *target = g_strdup_printf ("127.0.0.1:%u", server->port);
  g_autoptr(OpsCheck) check = new_check (OPS_CHECK_KIND_TLS, target);
  g_autoptr(OpsCheckResult) result = NULL;

  ops_test_set_option (check, "ca_file", certs->ca);
  ops_test_set_option (check, "warning_days", "10");
  ops_test_set_option (check, "critical_days", "2");
  result = ops_test_run_check (context, check);
  ops_test_assert_error (result, OPS_HEALTH_STATUS_DEGRADED, "under the warning limit of 10 days");
  ops_test_nginx_stop (server);
}

static void
test_tls_invalid (void)
{
  g_autoptr(OpsCheckResult) expired = run_tls (certs->expired_cert, certs->expired_key, TRUE);
  g_autoptr(OpsCheckResult) wrong = run_tls (certs->wrong_host_cert, certs->wrong_host_key, TRUE);
  g_autoptr(OpsCheckResult) unverified = run_tls (certs->wrong_host_cert, certs->wrong_host_key,
                                                   FALSE);

  ops_test_assert_error (expired, OPS_HEALTH_STATUS_DOWN, "TLS certificate expired on ");
  ops_test_assert_error (wrong, OPS_HEALTH_STATUS_DOWN,
                         "TLS certificate is for wrong.example.invalid, not 127.0.0.1");
  /* Without verification only the dates count. */
  ops_test_assert_error (unverified, OPS_HEALTH_STATUS_HEALTHY, NULL);
}

static void
test_tls_not_tls (void)
{
  OpsTestNginx    *server = ops_test_nginx_start ("location / { return 200; }", NULL, NULL);
  g_autofree char *target = g_strdup_printf ("127.0.0.1:%u", server->port);
  g_autoptr(OpsCheck) check = new_check (OPS_CHECK_KIND_TLS, target);
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "TLS");
  ops_test_nginx_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ops_test_init (&argc, &argv);
  certs = ops_test_certs_new ();
  context = ops_probe_context_new (NULL);

  g_test_add_func ("/opsdeck/health/tcp/open", test_tcp_open);
  g_test_add_func ("/opsdeck/health/tcp/connection-refused", test_tcp_refused);
  g_test_add_func ("/opsdeck/health/tcp/by-name", test_tcp_by_name);
  g_test_add_func ("/opsdeck/health/tcp/unknown-host", test_tcp_unknown_host);
  g_test_add_func ("/opsdeck/health/dns/resolves", test_dns);
  g_test_add_func ("/opsdeck/health/dns/unknown-host", test_dns_unknown);
  g_test_add_func ("/opsdeck/health/tls/days-left", test_tls_days_left);
  g_test_add_func ("/opsdeck/health/tls/limits", test_tls_limits);
  g_test_add_func ("/opsdeck/health/tls/invalid-certificates", test_tls_invalid);
  g_test_add_func ("/opsdeck/health/tls/not-tls", test_tls_not_tls);

  status = g_test_run ();

  g_clear_object (&context);
  ops_test_certs_free (certs);
  return status;
}
