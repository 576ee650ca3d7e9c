/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include "health/ops-check.h"
#include "ops-test-probe.h"
#include "ops-test-redis.h"
#include "ops-test-util.h"

/* The Redis probe against the real redis-server: without a password, with
 * one, and a replica. */

static OpsTestRedis    *open_redis;
static OpsTestRedis    *locked_redis;
static OpsTestRedis    *replica;
static OpsProbeContext *context;

static OpsCheck *
redis_check (OpsTestRedis *redis)
{
  g_autofree char *target = g_strdup_printf ("127.0.0.1:%u", redis->port);
  OpsCheck        *check = ops_check_new (OPS_CHECK_KIND_REDIS, "redis", target);

  ops_check_set_timeout_ms (check, 5000);
  return check;
}

static void
test_no_password (void)
{
  g_autoptr(OpsCheck) check = redis_check (open_redis);
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);
  double used = 0;

  ops_test_assert_error (result, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_cmpstr (ops_check_result_get_detail_string (result, "role"), ==, "master");
  g_assert_nonnull (ops_check_result_get_detail_string (result, "server_version"));
  g_assert_true (ops_check_result_get_detail_double (result, "used_memory_bytes", &used));
  g_assert_cmpfloat (used, >, 0);
  g_assert_cmpint (ops_check_result_get_timing (result)->first_byte_us, >=, 0);
}

static void
test_password (void)
{
  g_autoptr(OpsCheck) check = redis_check (locked_redis);
  g_autoptr(OpsCheckResult) missing = NULL;
  g_autoptr(OpsCheckResult) wrong = NULL;
  g_autoptr(OpsCheckResult) right = NULL;

  missing = ops_test_run_check (context, check);
  ops_test_assert_error (missing, OPS_HEALTH_STATUS_DOWN, "needs a password");

  ops_check_set_secret (check, "not-it");
  wrong = ops_test_run_check (context, check);
  ops_test_assert_error (wrong, OPS_HEALTH_STATUS_DOWN, "refused the password");

  ops_check_set_secret (check, "redis-secret");
  right = ops_test_run_check (context, check);
  ops_test_assert_error (right, OPS_HEALTH_STATUS_HEALTHY, NULL);
}

static void
test_password_not_set_on_server (void)
{
  g_autoptr(OpsCheck) check = redis_check (open_redis);
  g_autoptr(OpsCheckResult) result = NULL;

  ops_check_set_secret (check, "whatever");
  result = ops_test_run_check (context, check);
  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "the server has none set");
}

static gboolean
replica_linked (gpointer data)
{
  g_autoptr(OpsCheck) check = redis_check (replica);
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);

  return g_strcmp0 (ops_check_result_get_detail_string (result, "master_link_status"), "up") == 0;
}

static void
test_roles (void)
{
  g_autoptr(OpsCheck) check = redis_check (replica);
  g_autoptr(OpsCheck) primary = redis_check (open_redis);
  g_autoptr(OpsCheckResult) standby = NULL;
  g_autoptr(OpsCheckResult) expected_primary = NULL;
  g_autoptr(OpsCheckResult) not_standby = NULL;

  g_assert_true (ops_test_wait_until (replica_linked, NULL, 20000));

  ops_test_set_option (check, "expect_role", "standby");
  standby = ops_test_run_check (context, check);
  ops_test_assert_error (standby, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_cmpstr (ops_check_result_get_detail_string (standby, "role"), ==, "slave");

  ops_test_set_option (check, "expect_role", "primary");
  expected_primary = ops_test_run_check (context, check);
  ops_test_assert_error (expected_primary, OPS_HEALTH_STATUS_DOWN,
                         "the server is a standby (slave), expected a primary");

  ops_test_set_option (primary, "expect_role", "standby");
  not_standby = ops_test_run_check (context, primary);
  ops_test_assert_error (not_standby, OPS_HEALTH_STATUS_DOWN, "expected a standby");
}

static void
test_replica_lost_primary (void)
{
  OpsTestRedis *orphan = ops_test_redis_start (NULL, ops_test_free_port ());
  g_autoptr(OpsCheck) check = redis_check (orphan);
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DEGRADED, "lost its link to the primary");
  ops_test_redis_stop (orphan);
}

static void
test_not_redis (void)
{
  guint16          port = ops_test_free_port ();
  g_autofree char *target = g_strdup_printf ("127.0.0.1:%u", port);
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_REDIS, "none", target);
  g_autoptr(OpsCheckResult) result = ops_test_run_check (context, check);

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "connection refused");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ops_test_init (&argc, &argv);
  context = ops_probe_context_new (NULL);
  open_redis = ops_test_redis_start (NULL, 0);
  locked_redis = ops_test_redis_start ("redis-secret", 0);
  replica = ops_test_redis_start (NULL, open_redis->port);

  g_test_add_func ("/opsdeck/health/redis/no-password", test_no_password);
  g_test_add_func ("/opsdeck/health/redis/password", test_password);
  g_test_add_func ("/opsdeck/health/redis/password-not-set-on-server",
                   test_password_not_set_on_server);
  g_test_add_func ("/opsdeck/health/redis/roles", test_roles);
  g_test_add_func ("/opsdeck/health/redis/replica-lost-primary", test_replica_lost_primary);
  g_test_add_func ("/opsdeck/health/redis/connection-refused", test_not_redis);

  status = g_test_run ();

  ops_test_redis_stop (replica);
  ops_test_redis_stop (locked_redis);
  ops_test_redis_stop (open_redis);
  g_clear_object (&context);
  return status;
}
