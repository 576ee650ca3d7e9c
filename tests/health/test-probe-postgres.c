/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include "health/ops-check.h"
#include "ops-test-postgres.h"
#include "ops-test-probe.h"
#include "ops-test-util.h"

/* The PostgreSQL probe against a real primary and its streaming standby
 * (initdb, pg_basebackup), run as the postgres user when the test is root. */

static OpsTestPostgres *postgres;
static OpsProbeContext *context;

static OpsCheck *
pg_check (OpsTestPostgresNode *node,
          gboolean             with_password)
{
  g_autofree char *target = ops_test_postgres_conninfo (postgres, node);
  OpsCheck        *check = ops_check_new (OPS_CHECK_KIND_POSTGRESQL, "db", target);

  ops_check_set_timeout_ms (check, 10000);
  if (with_password)
    ops_check_set_secret (check, postgres->password);
  return check;
}

static void
test_primary (void)
{
  g_autoptr(OpsCheck) check = pg_check (postgres->primary, TRUE);
  g_autoptr(OpsCheckResult) result = NULL;
  const OpsProbeTiming *timing;

  ops_test_set_option (check, "expect_role", "primary");
  result = ops_test_run_check (context, check);
  ops_test_assert_error (result, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_cmpstr (ops_check_result_get_detail_string (result, "role"), ==, "primary");
  g_assert_true (g_str_has_prefix (ops_check_result_get_detail_string (result, "server_version"),
                                   "1"));
  timing = ops_check_result_get_timing (result);
  g_assert_cmpint (timing->connect_us, >, 0);
  g_assert_cmpint (timing->first_byte_us, >=, 0);
}

static gboolean
standby_caught_up (gpointer data)
{
  g_autoptr(OpsCheck) check = pg_check (postgres->standby, TRUE);
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);
  double lag = -1;

  return ops_check_result_get_detail_double (result, "replication_lag_seconds", &lag) && lag == 0;
}

static void
test_standby (void)
{
  g_autoptr(OpsCheck) check = pg_check (postgres->standby, TRUE);
  g_autoptr(OpsCheckResult) standby = NULL;
  g_autoptr(OpsCheckResult) wrong_role = NULL;
  double lag = -1, lag_bytes = -1;

  /* A write on the primary streams to the standby. */
  ops_test_postgres_sql (postgres, postgres->primary, "INSERT INTO beats DEFAULT VALUES;");
  g_assert_true (ops_test_wait_until (standby_caught_up, NULL, 20000));

  ops_test_set_option (check, "expect_role", "standby");
  ops_test_set_option (check, "max_lag", "60");
  standby = ops_test_run_check (context, check);
  ops_test_assert_error (standby, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_cmpstr (ops_check_result_get_detail_string (standby, "role"), ==, "standby");
  g_assert_true (ops_check_result_get_detail_double (standby, "replication_lag_seconds", &lag));
  g_assert_cmpfloat (lag, >=, 0);
  g_assert_true (ops_check_result_get_detail_double (standby, "replication_lag_bytes", &lag_bytes));
  g_assert_cmpfloat (lag_bytes, >=, 0);

  ops_test_set_option (check, "expect_role", "primary");
  wrong_role = ops_test_run_check (context, check);
  ops_test_assert_error (wrong_role, OPS_HEALTH_STATUS_DOWN,
                         "the server is a standby, expected a primary");
}

static void
test_passwords (void)
{
  g_autoptr(OpsCheck) missing_check = pg_check (postgres->primary, FALSE);
  g_autoptr(OpsCheck) wrong_check = pg_check (postgres->primary, FALSE);
  g_autoptr(OpsCheckResult) missing = NULL;
  g_autoptr(OpsCheckResult) wrong = NULL;

  /* libpq must not find a password anywhere else. */
  g_setenv ("PGPASSFILE", "/nonexistent", TRUE);
  g_unsetenv ("PGPASSWORD");

  missing = ops_test_run_check (context, missing_check);
  ops_test_assert_error (missing, OPS_HEALTH_STATUS_DOWN, "asks for a password");

  ops_check_set_secret (wrong_check, "not-the-password");
  wrong = ops_test_run_check (context, wrong_check);
  ops_test_assert_error (wrong, OPS_HEALTH_STATUS_DOWN, "PostgreSQL refused the password");
}

static void
test_refused (void)
{
  guint16          port = ops_test_free_port ();
  g_autofree char *target = g_strdup_printf ("host=127.0.0.1 port=%u dbname=postgres user=monitor", port);
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_POSTGRESQL, "db", target);
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "connection refused");
}

static void
test_unknown_host (void)
{
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_POSTGRESQL, "db",
                                              "host=no-such-host.invalid dbname=postgres");
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "unknown host name “no-such-host.invalid”");
}

static void
test_host_name (void)
{
  g_autofree char *target = g_strdup_printf ("postgresql://monitor@localhost:%u/postgres",
                                             postgres->primary->port);
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_POSTGRESQL, "db", target);
  g_autoptr(OpsCheckResult) result = NULL;

  /* Resolved by GIO, then given to libpq as hostaddr. */
  ops_check_set_secret (check, postgres->password);
  result = ops_test_run_check (context, check);
  ops_test_assert_error (result, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_cmpint (ops_check_result_get_timing (result)->dns_us, >=, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ops_test_init (&argc, &argv);
  context = ops_probe_context_new (NULL);
  postgres = ops_test_postgres_start (TRUE);

  g_test_add_func ("/opsdeck/health/postgresql/primary", test_primary);
  g_test_add_func ("/opsdeck/health/postgresql/standby", test_standby);
  g_test_add_func ("/opsdeck/health/postgresql/passwords", test_passwords);
  g_test_add_func ("/opsdeck/health/postgresql/connection-refused", test_refused);
  g_test_add_func ("/opsdeck/health/postgresql/unknown-host", test_unknown_host);
  g_test_add_func ("/opsdeck/health/postgresql/host-name", test_host_name);

  status = g_test_run ();

  ops_test_postgres_stop (postgres);
  g_clear_object (&context);
  return status;
}
