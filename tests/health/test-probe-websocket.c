/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "health/ops-check.h"
#include "health/ops-probe-kinds.h"
#include "ops-test-probe.h"
#include "ops-test-process.h"
#include "ops-test-util.h"
#include "ops-test-websocket.h"

/* The event-stream probe against a stand-in server that follows the
 * contract (contracts/health, section C). */

static OpsProbeContext *context;

typedef struct
{
  OpsTestWebsocket *server;
  OpsCheck         *check;
  OpsProbe         *probe;
  GPtrArray        *pushed; /* OpsCheckResult */
} Fixture;

static void
pushed_cb (OpsProbe       *probe,
           OpsCheckResult *result,
           Fixture        *fixture)
{
  g_ptr_array_add (fixture->pushed, g_object_ref (result));
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  const char      *token = data;
  g_autofree char *url = NULL;

  fixture->server = ops_test_websocket_new (token);
  url = ops_test_websocket_url (fixture->server);
  fixture->check = ops_check_new (OPS_CHECK_KIND_WEBSOCKET, "events", url);
  ops_check_set_timeout_ms (fixture->check, 3000);
  ops_test_set_option (fixture->check, "service", "database");
  fixture->pushed = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  if (fixture->probe != NULL)
    ops_probe_stop (fixture->probe);
  g_clear_object (&fixture->probe);
  g_clear_object (&fixture->check);
  g_clear_pointer (&fixture->pushed, g_ptr_array_unref);
  ops_test_websocket_free (fixture->server);
}

static void
start_stream (Fixture *fixture)
{
  fixture->probe = ops_probe_new_for_check (fixture->check, context);
  g_signal_connect (fixture->probe, "result", G_CALLBACK (pushed_cb), fixture);
  ops_probe_start (fixture->probe);
}

static gboolean
has_connections (gpointer data)
{
  Fixture *fixture = data;

  return fixture->server->connections->len > 0;
}

static gboolean
has_pushed (gpointer data)
{
  Fixture *fixture = data;

  return fixture->pushed->len > 0;
}

static OpsCheckResult *
last_pushed (Fixture *fixture)
{
  return g_ptr_array_index (fixture->pushed, fixture->pushed->len - 1);
}

static void
wait_for_push (Fixture *fixture)
{
  g_ptr_array_set_size (fixture->pushed, 0);
  g_assert_true (ops_test_wait_until (has_pushed, fixture, 5000));
}

static void
single_run_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  OpsCheckResult **out = user_data;

  *out = ops_probe_run_finish (OPS_PROBE (object), result, NULL);
}

static gboolean
not_null (gpointer data)
{
  return *(gpointer *)data != NULL;
}

static void
test_test_button (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(OpsProbe) probe = ops_probe_new_for_check (fixture->check, context);
  g_autoptr(OpsCheckResult) result = NULL;
  double latency;

  ops_probe_run_async (probe, NULL, single_run_cb, &result);
  g_assert_true (ops_test_wait_until (has_connections, fixture, 5000));
  ops_test_websocket_send_health (fixture->server, "redis", "unhealthy", 0, "connection refused");
  ops_test_websocket_send_health (fixture->server, "database", "healthy", 12.5, NULL);
  g_assert_true (ops_test_wait_until (not_null, &result, 5000));

  ops_test_assert_error (result, OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_cmpstr (ops_check_result_get_summary (result), ==, "database is healthy");
  latency = ops_check_result_get_latency_ms (result);
  g_assert_cmpfloat_with_epsilon (latency, 12.5, 1e-6);

  /* The subscribe message of the contract was sent. */
  g_assert_cmpuint (fixture->server->received->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (fixture->server->received, 0), "\"subscribe\""));
}

static void
test_updates_become_results (Fixture      *fixture,
                             gconstpointer data)
{
  JsonObject *services;

  start_stream (fixture);
  g_assert_true (ops_test_wait_until (has_connections, fixture, 5000));

  ops_test_websocket_send_health (fixture->server, "database", "unhealthy", 0, "disk full");
  wait_for_push (fixture);
  ops_test_assert_error (last_pushed (fixture), OPS_HEALTH_STATUS_DOWN, "disk full");

  /* The words of the health formats are understood too, any case. */
  ops_test_websocket_send_health (fixture->server, "database", "WARN", 80, NULL);
  wait_for_push (fixture);
  ops_test_assert_error (last_pushed (fixture), OPS_HEALTH_STATUS_DEGRADED, "database reports");

  ops_test_websocket_send_health (fixture->server, "cache", "degraded", 1, NULL);
  ops_test_websocket_send_health (fixture->server, "database", "pass", 3, NULL);
  wait_for_push (fixture);
  ops_test_assert_error (last_pushed (fixture), OPS_HEALTH_STATUS_HEALTHY, NULL);

  /* Every service's last word is kept for the detail view. */
  services = json_node_get_object (json_object_get_member (
      ops_check_result_get_details (last_pushed (fixture)), "services"));
  g_assert_cmpstr (json_object_get_string_member (services, "cache"), ==, "degraded");
  g_assert_cmpstr (json_object_get_string_member (services, "database"), ==, "healthy");
}

/* Non-JSON text, binary frames and unknown types are counted and ignored;
 * then the server drops the connection: the stream is down, and comes
 * back by itself. */
static void
test_garbage_then_drop (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr(OpsCheckResult) snapshot = NULL;
  double ignored = 0;

  start_stream (fixture);
  g_assert_true (ops_test_wait_until (has_connections, fixture, 5000));

  ops_test_websocket_send (fixture->server, "this is not JSON {");
  ops_test_websocket_send (fixture->server, "[1, 2, 3]");
  ops_test_websocket_send (fixture->server, "{\"type\":\"mystery\"}");
  ops_test_websocket_send_binary (fixture->server, 16);
  ops_test_websocket_send (fixture->server, "{\"type\":\"ping\"}");
  ops_test_websocket_send_health (fixture->server, "database", "healthy", 2, NULL);
  wait_for_push (fixture);
  ops_test_assert_error (last_pushed (fixture), OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_true (ops_check_result_get_detail_double (last_pushed (fixture), "ignored_frames",
                                                     &ignored));
  g_assert_cmpfloat (ignored, ==, 4);

  ops_test_websocket_drop (fixture->server);
  wait_for_push (fixture);
  ops_test_assert_error (last_pushed (fixture), OPS_HEALTH_STATUS_DOWN,
                         "the event stream is disconnected: the server dropped the connection; "
                         "reconnecting in");

  /* A scheduled run reports the same. */
  snapshot = ops_test_run_probe (fixture->probe);
  ops_test_assert_error (snapshot, OPS_HEALTH_STATUS_DOWN, "disconnected");

  /* Back after the first backoff (about a second). */
  g_assert_true (ops_test_wait_until (has_connections, fixture, 5000));
  g_assert_cmpuint (fixture->server->n_connected, ==, 2);
}

static void
test_frame_too_large (Fixture      *fixture,
                      gconstpointer data)
{
  g_autofree char *huge = NULL;
  GString         *text = g_string_new ("{\"type\":\"health-update\",\"service\":\"database\",\"status\":\"healthy\",\"pad\":\"");

  start_stream (fixture);
  g_assert_true (ops_test_wait_until (has_connections, fixture, 5000));

  while (text->len < 300 * 1024)
    g_string_append (text, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  g_string_append (text, "\"}");
  huge = g_string_free (text, FALSE);

  ops_test_websocket_send (fixture->server, huge);
  wait_for_push (fixture);
  ops_test_assert_error (last_pushed (fixture), OPS_HEALTH_STATUS_DOWN, "larger than 256 KiB");
}

static void
test_no_service (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(OpsCheckResult) result = NULL;

  /* Without a service, being connected is the status. */
  ops_check_set_options (fixture->check, NULL);
  start_stream (fixture);
  wait_for_push (fixture);
  ops_test_assert_error (last_pushed (fixture), OPS_HEALTH_STATUS_HEALTHY, NULL);
  g_assert_cmpstr (ops_check_result_get_summary (last_pushed (fixture)), ==, "connected");

  result = ops_test_run_probe (fixture->probe);
  ops_test_assert_error (result, OPS_HEALTH_STATUS_HEALTHY, NULL);
}

static void
test_token (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr(OpsProbe) refused = NULL;
  g_autoptr(OpsProbe) welcome = NULL;
  g_autoptr(OpsCheckResult) first = NULL;
  g_autoptr(OpsCheckResult) second = NULL;

  ops_check_set_options (fixture->check, NULL);

  refused = ops_probe_new_for_check (fixture->check, context);
  first = ops_test_run_probe (refused);
  ops_test_assert_error (first, OPS_HEALTH_STATUS_DOWN, "the server did not accept the event stream");
  g_assert_cmpuint (fixture->server->n_refused, ==, 1);

  ops_check_set_secret (fixture->check, "stream-token");
  welcome = ops_probe_new_for_check (fixture->check, context);
  second = ops_test_run_probe (welcome);
  ops_test_assert_error (second, OPS_HEALTH_STATUS_HEALTHY, NULL);
}

static void
test_refused (void)
{
  guint16          port = ops_test_free_port ();
  g_autofree char *url = g_strdup_printf ("ws://127.0.0.1:%u/ws/events", port);
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_WEBSOCKET, "events", url);
  g_autoptr(OpsCheckResult) result = NULL;

  ops_check_set_timeout_ms (check, 3000);
  result = ops_test_run_check (context, check);
  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "connection refused");
}

/* 1 s doubling to 60 s, each ±20 %. */
static void
test_backoff (void)
{
  static const struct
  {
    guint attempt;
    guint base_ms;
  } cases[] = {
    { 1, 1000 },
    { 2, 2000 },
    { 3, 4000 },
    { 4, 8000 },
    { 6, 32000 },
    { 7, 60000 },
    { 20, 60000 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      guint low = G_MAXUINT, high = 0;

      for (guint i = 0; i < 200; i++)
        {
          guint delay = _ops_probe_websocket_backoff_ms (cases[c].attempt);

          low = MIN (low, delay);
          high = MAX (high, delay);
        }

      g_test_message ("attempt %u: %u–%u ms", cases[c].attempt, low, high);
      g_assert_cmpuint (low, >=, cases[c].base_ms * 8 / 10);
      g_assert_cmpuint (high, <=, cases[c].base_ms * 12 / 10);
      /* Jittered, not fixed. */
      g_assert_cmpuint (high - low, >, cases[c].base_ms / 10);
    }
}

/* A stream silent for longer than its limit counts as disconnected. */
static void
test_silence (Fixture      *fixture,
              gconstpointer data)
{
  ops_test_set_option (fixture->check, "silence_timeout", "5");
  start_stream (fixture);
  g_assert_true (ops_test_wait_until (has_connections, fixture, 5000));
  ops_test_websocket_send_health (fixture->server, "database", "healthy", 1, NULL);
  wait_for_push (fixture);

  g_ptr_array_set_size (fixture->pushed, 0);
  g_assert_true (ops_test_wait_until (has_pushed, fixture, 15000));
  ops_test_assert_error (last_pushed (fixture), OPS_HEALTH_STATUS_DOWN,
                         "the stream was silent for 5 s");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ops_test_init (&argc, &argv);
  context = ops_probe_context_new (NULL);

#define ADD(path, func, token) \
  g_test_add (path, Fixture, token, fixture_setup, func, fixture_teardown)
  ADD ("/opsdeck/health/websocket/test-button", test_test_button, NULL);
  ADD ("/opsdeck/health/websocket/updates-become-results", test_updates_become_results, NULL);
  ADD ("/opsdeck/health/websocket/garbage-then-drop", test_garbage_then_drop, NULL);
  ADD ("/opsdeck/health/websocket/frame-too-large", test_frame_too_large, NULL);
  ADD ("/opsdeck/health/websocket/no-service", test_no_service, NULL);
  ADD ("/opsdeck/health/websocket/bearer-token", test_token, "stream-token");
  ADD ("/opsdeck/health/websocket/silence", test_silence, NULL);
#undef ADD
  g_test_add_func ("/opsdeck/health/websocket/connection-refused", test_refused);
  g_test_add_func ("/opsdeck/health/websocket/backoff", test_backoff);

  status = g_test_run ();

  g_clear_object (&context);
  return status;
}
