/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "ops-test-util.h"
#include "secrets/ops-secrets.h"

/* Runs against a real Secret Service: GNOME Keyring in the test's own
 * D-Bus session (tests/support/run-in-session.sh --keyring). Secret values
 * are compared without ever being printed, even when a test fails. */

#define SECRET_A "https://hooks.slack.com/services/T0TEST/B0TEST/not-a-real-secret-a"
#define SECRET_B "correct horse battery staple"

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} AsyncData;

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncData *data = user_data;

  data->result = g_object_ref (result);
  g_main_loop_quit (data->loop);
}

static GAsyncResult *
wait_for (AsyncData *data)
{
  g_main_loop_run (data->loop);
  return data->result;
}

static void
assert_secret_equals (const char *value,
                      const char *expected)
{
  g_assert_nonnull (value);
  /* Never g_assert_cmpstr: it would print the secret on failure. */
  g_assert_true (strcmp (value, expected) == 0);
}

static void
test_round_trip_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData data = { loop, NULL };
  char     *value;

  ops_secrets_store_async ("test.async", "Opsdeck test secret", SECRET_A, NULL,
                           async_done_cb, &data);
  g_assert_true (ops_secrets_store_finish (wait_for (&data), &error));
  g_assert_no_error (error);
  g_clear_object (&data.result);

  ops_secrets_lookup_async ("test.async", NULL, async_done_cb, &data);
  value = ops_secrets_lookup_finish (wait_for (&data), &error);
  g_assert_no_error (error);
  assert_secret_equals (value, SECRET_A);
  ops_secrets_free (value);
  g_clear_object (&data.result);

  /* Replacing keeps one secret per key. */
  ops_secrets_store_async ("test.async", "Opsdeck test secret", SECRET_B, NULL,
                           async_done_cb, &data);
  g_assert_true (ops_secrets_store_finish (wait_for (&data), &error));
  g_clear_object (&data.result);
  ops_secrets_lookup_async ("test.async", NULL, async_done_cb, &data);
  value = ops_secrets_lookup_finish (wait_for (&data), &error);
  g_assert_no_error (error);
  assert_secret_equals (value, SECRET_B);
  ops_secrets_free (value);
  g_clear_object (&data.result);

  ops_secrets_delete_async ("test.async", NULL, async_done_cb, &data);
  g_assert_true (ops_secrets_delete_finish (wait_for (&data), &error));
  g_assert_no_error (error);
  g_clear_object (&data.result);

  ops_secrets_lookup_async ("test.async", NULL, async_done_cb, &data);
  value = ops_secrets_lookup_finish (wait_for (&data), &error);
  g_assert_no_error (error);
  g_assert_null (value);
  g_clear_object (&data.result);
}

static void
test_round_trip_sync (void)
{
  g_autoptr(GError) error = NULL;
  char *value;

  g_assert_true (ops_secrets_store_sync ("test.sync.1", "Opsdeck test 1", SECRET_A, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ops_secrets_store_sync ("test.sync.2", "Opsdeck test 2", SECRET_B, NULL, &error));
  g_assert_no_error (error);

  /* Keys do not leak into each other. */
  value = ops_secrets_lookup_sync ("test.sync.1", NULL, &error);
  g_assert_no_error (error);
  assert_secret_equals (value, SECRET_A);
  ops_secrets_free (value);
  value = ops_secrets_lookup_sync ("test.sync.2", NULL, &error);
  assert_secret_equals (value, SECRET_B);
  ops_secrets_free (value);

  g_assert_true (ops_secrets_delete_sync ("test.sync.1", NULL, &error));
  g_assert_no_error (error);
  value = ops_secrets_lookup_sync ("test.sync.1", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (value);
  value = ops_secrets_lookup_sync ("test.sync.2", NULL, &error);
  assert_secret_equals (value, SECRET_B);
  ops_secrets_free (value);

  /* Deleting what is not there is fine: it is gone either way. */
  g_assert_true (ops_secrets_delete_sync ("test.sync.never", NULL, &error));
  g_assert_no_error (error);
  ops_secrets_delete_sync ("test.sync.2", NULL, NULL);
}

static void
test_unavailable (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      char *value;

      value = ops_secrets_lookup_sync ("test.unavailable", NULL, &error);
      g_assert_null (value);
      g_assert_error (error, OPS_SECRETS_ERROR, OPS_SECRETS_ERROR_UNAVAILABLE);
      g_assert_nonnull (strstr (error->message, "keyring is not available"));
      g_print ("%s\n", error->message);
      return;
    }

  /* No session bus at all: the error says what to do. */
  {
    g_autofree char *saved = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    if (saved != NULL)
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", saved, TRUE);
    else
      g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  }
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*Install and start GNOME Keyring*");
}

static void
test_mask (void)
{
  g_autofree char *short_mask = ops_secrets_mask ("hunter2");
  g_autofree char *long_mask = ops_secrets_mask (SECRET_A);
  g_autofree char *empty = ops_secrets_mask (NULL);

  g_assert_cmpstr (short_mask, ==, "••••••••");
  g_assert_true (g_str_has_prefix (long_mask, "••••••••"));
  g_assert_true (g_str_has_suffix (long_mask, "-a"));
  g_assert_cmpint (strlen (long_mask), <, strlen (SECRET_A));
  g_assert_null (strstr (long_mask, "hooks.slack.com"));
  g_assert_cmpstr (empty, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/secrets/round-trip-async", test_round_trip_async);
  g_test_add_func ("/opsdeck/secrets/round-trip-sync", test_round_trip_sync);
  g_test_add_func ("/opsdeck/secrets/unavailable", test_unavailable);
  g_test_add_func ("/opsdeck/secrets/mask", test_mask);

  return g_test_run ();
}
