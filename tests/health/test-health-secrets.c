/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "config/ops-config.h"
#include "health/ops-health-engine.h"
#include "ops-test-probe.h"
#include "ops-test-redis.h"
#include "ops-test-util.h"
#include "secrets/ops-secrets.h"

/* A check's password lives in the keyring (a private GNOME Keyring in a
 * D-Bus session of the test's own), never in the database or the export,
 * and the probe finds it there. Runs against a real Redis with a password. */

#define PASSWORD "keyring-only-S3cret"

static OpsTestRedis *redis;

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize            length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return FALSE;

  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (data + i, needle, strlen (needle)) == 0)
      return TRUE;

  return FALSE;
}

static void
ran_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  GPtrArray **out = user_data;

  *out = ops_health_engine_run_checks_finish (OPS_HEALTH_ENGINE (object), result, NULL);
}

static gboolean
not_null (gpointer data)
{
  return *(gpointer *)data != NULL;
}

static OpsCheckResult *
run_once (OpsHealthEngine *engine,
          OpsCheck        *check)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) results = NULL;

  g_ptr_array_add (checks, check);
  ops_health_engine_run_checks_async (engine, checks, NULL, ran_cb, &results);
  g_assert_true (ops_test_wait_until (not_null, &results, 20000));

  return g_object_ref (g_ptr_array_index (results, 0));
}

static void
test_keyring (void)
{
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *target = g_strdup_printf ("127.0.0.1:%u", redis->port);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = ops_store_open (path, &error);
  g_autoptr(OpsHealthEngine) engine = NULL;
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_REDIS, "cache", target);
  g_autoptr(OpsCheck) edited = NULL;
  g_autoptr(OpsProbe) probe = NULL;
  g_autoptr(OpsCheckResult) with_secret = NULL;
  g_autoptr(OpsCheckResult) wrong = NULL;
  g_autoptr(OpsCheckResult) without = NULL;
  g_autofree char *key = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *exported = NULL;

  g_assert_no_error (error);
  engine = ops_health_engine_new (store, NULL, NULL, &error);
  g_assert_no_error (error);

  ops_check_set_secret (check, PASSWORD);
  g_assert_true (ops_check_list_add (ops_health_engine_get_checks (engine), check, &error));
  g_assert_no_error (error);
  g_assert_true (ops_check_get_has_secret (check));

  /* In the keyring under the check's key… */
  key = ops_check_dup_secret_key (check);
  stored = ops_secrets_lookup_sync (key, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, PASSWORD);

  /* …and the probe finds it there (and keeps it while it lives). */
  probe = ops_probe_new_for_check (check, ops_health_engine_get_probe_context (engine));
  with_secret = ops_test_run_probe (probe);
  ops_test_assert_error (with_secret, OPS_HEALTH_STATUS_HEALTHY, NULL);

  /* Never in the database, its log, or the export. */
  ops_history_flush_sync (ops_health_engine_get_history (engine), &error);
  g_assert_no_error (error);
  g_assert_false (file_contains (path, PASSWORD));
  g_assert_false (file_contains (wal, PASSWORD));
  exported = ops_config_export_to_data (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (exported, PASSWORD));

  /* A new secret replaces the one the probe had read. */
  edited = ops_check_copy (check);
  ops_check_set_secret (edited, "not-the-password");
  g_assert_true (ops_check_list_update (ops_health_engine_get_checks (engine), edited, &error));
  g_assert_no_error (error);
  wrong = ops_test_run_probe (probe);
  ops_test_assert_error (wrong, OPS_HEALTH_STATUS_DOWN, "refused the password");
  g_clear_object (&edited);

  /* An empty secret removes it: the server then refuses the probe. */
  edited = ops_check_copy (check);
  ops_check_set_secret (edited, "");
  g_assert_true (ops_check_list_update (ops_health_engine_get_checks (engine), edited, &error));
  g_assert_no_error (error);
  g_assert_false (ops_check_get_has_secret (check));
  g_clear_pointer (&stored, ops_secrets_free);
  stored = ops_secrets_lookup_sync (key, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (stored);

  without = run_once (engine, check);
  ops_test_assert_error (without, OPS_HEALTH_STATUS_DOWN, "needs a password");
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ops_check_list_add_finish (OPS_CHECK_LIST (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/* The app's way: the keyring without blocking. */
static void
test_add_async (void)
{
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autofree char *target = g_strdup_printf ("127.0.0.1:%u", redis->port);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) store = ops_store_open (path, &error);
  g_autoptr(OpsCheckList) list = ops_check_list_new (store, &error);
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_REDIS, "cache-async", target);
  g_autofree char *key = NULL;
  g_autofree char *stored = NULL;
  gboolean         done = FALSE;

  ops_check_set_secret (check, PASSWORD);
  ops_check_list_add_async (list, check, NULL, added_cb, &done);
  g_assert_true (ops_test_wait_until (is_true, &done, 20000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  key = ops_check_dup_secret_key (check);
  stored = ops_secrets_lookup_sync (key, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, PASSWORD);
  g_assert_false (file_contains (path, PASSWORD));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ops_test_init (&argc, &argv);
  redis = ops_test_redis_start (PASSWORD, 0);

  g_test_add_func ("/opsdeck/health/secrets/keyring", test_keyring);
  g_test_add_func ("/opsdeck/health/secrets/add-async", test_add_async);

  status = g_test_run ();
  ops_test_redis_stop (redis);
  return status;
}
