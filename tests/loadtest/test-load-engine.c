/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

/* The engine against a real nginx and against small misbehaving servers.
 * Runs are 1–3 s; the tests assert what was counted, never speed. */

#include "config.h"

#include <string.h>

#include "loadtest/ops-load-error.h"
#include "loadtest/ops-load-run.h"
#include "ops-test-nginx.h"
#include "ops-test-stand-in.h"
#include "ops-test-util.h"

static const char nginx_locations[] =
    "location = /ok { return 200 \"fine\"; }\n"
    "    location = /missing { return 404; }\n"
    "    location = /broken { return 500 \"broken\"; }\n"
    "    location = /close { keepalive_timeout 0; return 200 \"bye\"; }\n"
    "    location /gz/ { gzip on; gzip_min_length 0; gzip_types text/plain; }\n";

typedef struct
{
  GMainLoop     *loop;
  OpsLoadResult *result;
  GError        *error;
  guint          snapshots;
  guint64        snapshot_responses;
  guint          stop_after_ms;
} RunState;

static void
snapshot_cb (OpsLoadRun      *run,
             OpsLoadSnapshot *snapshot,
             gpointer         user_data)
{
  RunState *state = user_data;

  g_assert_cmpuint (snapshot->second, ==, state->snapshots);
  state->snapshots++;
  state->snapshot_responses += snapshot->counters.responses;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  RunState *state = user_data;

  state->result = ops_load_run_execute_finish (OPS_LOAD_RUN (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static gboolean
stop_cb (gpointer user_data)
{
  ops_load_run_stop (user_data);
  return G_SOURCE_REMOVE;
}

/* Runs @scenario to its end on a main loop, as the CLI and the GUI do. */
static OpsLoadResult *
run_scenario_full (OpsLoadScenario *scenario,
                   OpsEventBus     *bus,
                   guint            stop_after_ms,
                   GError         **error)
{
  g_autoptr(OpsLoadRun) run = ops_load_run_new (scenario, bus);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  RunState state = { .loop = loop };

  g_signal_connect (run, "snapshot", G_CALLBACK (snapshot_cb), &state);
  ops_load_run_execute_async (run, NULL, done_cb, &state);
  g_assert_true (ops_load_run_get_running (run));
  if (stop_after_ms > 0)
    g_timeout_add (stop_after_ms, stop_cb, run);
  g_main_loop_run (loop);
  g_assert_false (ops_load_run_get_running (run));

  if (state.result != NULL)
    {
      /* The snapshots add up to the totals. */
      g_assert_cmpuint (state.snapshots, ==, state.result->timeline->len);
      g_assert_cmpuint (state.snapshot_responses, ==, state.result->totals.responses);
      g_assert_cmpuint (state.result->dropped_seconds, ==, 0);
    }
  if (state.error != NULL)
    g_propagate_error (error, state.error);
  return state.result;
}

static OpsLoadResult *
run_scenario (OpsLoadScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  OpsLoadResult *result = run_scenario_full (scenario, NULL, 0, &error);

  g_assert_no_error (error);
  return result;
}

static OpsLoadScenario *
short_scenario (const char *url,
                guint       connections,
                gint64      duration_usec)
{
  OpsLoadScenario *scenario = ops_load_scenario_new (url);

  scenario->connections = connections;
  scenario->duration_usec = duration_usec;
  return scenario;
}

/* nginx writes its access log line after the response has gone out, so
 * the last lines may lag what the client already counted: wait for them
 * (2 s at most), then count. */
static guint
logged_requests (OpsTestNginx *nginx,
                 guint64       expected)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  guint  count;

  while ((count = ops_test_nginx_count_requests (nginx)) < expected && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);

  return count;
}

static void
assert_no_failures (const OpsLoadCounters *c)
{
  for (guint i = 0; i < OPS_LOAD_N_FAILURES; i++)
    if (c->failures[i] != 0)
      g_error ("%" G_GUINT64_FORMAT " “%s” failures", c->failures[i], ops_load_failure_to_string (i));
}

static void
test_counts_equal_nginx_log (void)
{
  OpsTestNginx    *nginx = ops_test_nginx_start (nginx_locations, NULL, NULL);
  g_autofree char *url = ops_test_nginx_url (nginx, "/ok");
  g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 8, 2 * G_USEC_PER_SEC);
  g_autoptr(OpsLoadResult) result = NULL;

  scenario->threads = 2;
  result = run_scenario (scenario);

  assert_no_failures (&result->totals);
  g_assert_cmpuint (result->totals.responses, >, 100);
  g_assert_cmpuint (result->totals.responses, ==, result->totals.requests);
  g_assert_cmpuint (result->totals.status[2], ==, result->totals.responses);
  g_assert_cmpuint (result->totals.responses, ==, logged_requests (nginx, result->totals.responses));
  g_assert_cmpuint (result->totals.latency.count, ==, result->totals.responses);
  g_assert_cmpuint (result->totals.connections_opened, ==, 8);
  g_assert_cmpint (result->end, ==, OPS_LOAD_END_COMPLETED);
  g_assert_cmpuint (result->timeline->len, >=, 2);

  ops_test_nginx_stop (nginx);
}

static void
test_bodies_of_several_sizes (void)
{
  OpsTestNginx      *nginx = ops_test_nginx_start (nginx_locations, NULL, NULL);
  static const gsize sizes[] = { 0, 1024, 65536, 1048576 };
  guint              logged_before = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("gz/file-%zu.txt", sizes[i]);
      g_autofree char *data = g_malloc (sizes[i] + 1);

      for (gsize j = 0; j < sizes[i]; j++)
        data[j] = 'a' + (j * 7 + j / 13) % 26;
      ops_test_nginx_write_file (nginx, name, data, sizes[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint chunked = 0; chunked < 2; chunked++)
      {
        g_autofree char *path = g_strdup_printf ("/gz/file-%zu.txt", sizes[i]);
        g_autofree char *url = ops_test_nginx_url (nginx, path);
        g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 4, G_USEC_PER_SEC);
        g_autoptr(OpsLoadResult) result = NULL;
        g_autoptr(GError) error = NULL;
        guint logged;

        /* With Accept-Encoding: gzip nginx compresses on the fly and
         * sends the body chunked; without, it sends a Content-Length. */
        if (chunked)
          g_assert_true (ops_load_scenario_add_header (scenario, "Accept-Encoding: gzip", &error));
        result = run_scenario (scenario);
        logged = logged_requests (nginx, logged_before + result->totals.responses);

        g_test_message ("%zu bytes, %s: %" G_GUINT64_FORMAT " responses", sizes[i],
                        chunked ? "chunked" : "Content-Length", result->totals.responses);
        assert_no_failures (&result->totals);
        g_assert_cmpuint (result->totals.responses, >, 0);
        g_assert_cmpuint (result->totals.status[2], ==, result->totals.responses);
        g_assert_cmpuint (result->totals.responses, ==, logged - logged_before);
        if (!chunked)
          g_assert_cmpuint (result->totals.bytes_in, >, result->totals.responses * sizes[i]);
        logged_before = logged;
      }

  ops_test_nginx_stop (nginx);
}

static void
test_connection_close (void)
{
  OpsTestNginx    *nginx = ops_test_nginx_start (nginx_locations, NULL, NULL);
  g_autofree char *url = ops_test_nginx_url (nginx, "/close");
  g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 4, G_USEC_PER_SEC);
  g_autoptr(OpsLoadResult) result = run_scenario (scenario);

  assert_no_failures (&result->totals);
  g_assert_cmpuint (result->totals.responses, >, 10);
  g_assert_cmpuint (result->totals.responses, ==, logged_requests (nginx, result->totals.responses));
  /* A new connection for every response. */
  g_assert_cmpuint (result->totals.connections_opened, >=, result->totals.responses);

  ops_test_nginx_stop (nginx);
}

static void
test_status_classes (void)
{
  OpsTestNginx *nginx = ops_test_nginx_start (nginx_locations, NULL, NULL);
  static const struct
  {
    const char *path;
    guint       status_class;
  } cases[] = { { "/missing", 4 }, { "/broken", 5 } };
  guint logged_before = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = ops_test_nginx_url (nginx, cases[i].path);
      g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 2, G_USEC_PER_SEC);
      g_autoptr(OpsLoadResult) result = NULL;
      g_autoptr(GError) error = NULL;
      guint logged;

      g_assert_true (ops_load_scenario_add_threshold (scenario, "error_rate < 1%", &error));
      result = run_scenario (scenario);
      logged = logged_requests (nginx, logged_before + result->totals.responses);

      assert_no_failures (&result->totals);
      g_assert_cmpuint (result->totals.status[cases[i].status_class], ==, result->totals.responses);
      g_assert_cmpuint (result->totals.responses, ==, logged - logged_before);
      g_assert_cmpfloat (ops_load_counters_error_rate (&result->totals), ==, 1.0);
      g_assert_false (ops_load_result_passed (result));
      logged_before = logged;
    }

  ops_test_nginx_stop (nginx);
}

static void
make_certificate (const char *dir,
                  char      **cert,
                  char      **key)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *standard_error = NULL;
  int              status = 0;

  *cert = g_build_filename (dir, "cert.pem", NULL);
  *key = g_build_filename (dir, "key.pem", NULL);
  {
    const char *argv[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                           "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", *key, "-out", *cert,
                           "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                           "subjectAltName=IP:127.0.0.1", NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                  NULL, &standard_error, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openssl could not make a test certificate: %s", standard_error);
}

static void
test_https (void)
{
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *cert = NULL, *key = NULL;
  OpsTestNginx    *nginx;
  g_autofree char *url = NULL;
  guint            logged_before;

  make_certificate (dir, &cert, &key);
  nginx = ops_test_nginx_start (nginx_locations, cert, key);
  url = ops_test_nginx_url (nginx, "/ok");
  g_assert_true (g_str_has_prefix (url, "https://"));

  /* Trusting the test certificate: verified, and every response counted. */
  {
    g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 4, G_USEC_PER_SEC);
    g_autoptr(OpsLoadResult) result = NULL;

    scenario->ca_file = g_strdup (cert);
    result = run_scenario (scenario);
    assert_no_failures (&result->totals);
    g_assert_cmpuint (result->totals.responses, >, 10);
    g_assert_cmpuint (result->totals.responses, ==, logged_requests (nginx, result->totals.responses));
  }

  /* Not trusting it: a TLS error that says why, and no request sent. */
  logged_before = logged_requests (nginx, 0);
  {
    g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 2, G_USEC_PER_SEC);
    g_autoptr(OpsLoadResult) result = run_scenario (scenario);

    g_assert_cmpuint (result->totals.responses, ==, 0);
    g_assert_cmpuint (result->totals.requests, ==, 0);
    g_assert_cmpuint (result->totals.failures[OPS_LOAD_FAILURE_TLS], >, 0);
    g_assert_nonnull (result->notes[OPS_LOAD_FAILURE_TLS]);
    g_test_message ("TLS failure: %s", result->notes[OPS_LOAD_FAILURE_TLS]);
    g_assert_nonnull (strstr (result->notes[OPS_LOAD_FAILURE_TLS], "certificate"));
    g_assert_cmpuint (logged_requests (nginx, logged_before), ==, logged_before);
  }

  /* --insecure: no verification. */
  {
    g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 2, G_USEC_PER_SEC);
    g_autoptr(OpsLoadResult) result = NULL;

    scenario->insecure = TRUE;
    result = run_scenario (scenario);
    assert_no_failures (&result->totals);
    g_assert_cmpuint (result->totals.responses, ==, logged_requests (nginx, logged_before + result->totals.responses) - logged_before);
  }

  ops_test_nginx_stop (nginx);
}

static void
test_stall_shows_in_constant_rate_p99 (void)
{
  /* The server stalls for one second, 0.7 s after the first request. */
  OpsStandIn      *server = ops_stand_in_start (OPS_STAND_IN_STALL);
  g_autofree char *url = ops_stand_in_url (server);
  g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 10, 3 * G_USEC_PER_SEC);
  g_autoptr(OpsLoadResult) result = NULL;
  guint64 p99;

  scenario->mode = OPS_LOAD_MODE_CONSTANT_RATE;
  scenario->rate = 200;
  result = run_scenario (scenario);
  ops_stand_in_stop (server);

  assert_no_failures (&result->totals);
  p99 = ops_load_histogram_value_at (&result->totals.latency, 99);
  g_test_message ("constant rate: %" G_GUINT64_FORMAT " responses, p50 %.1f ms, p99 %.1f ms",
                  result->totals.responses, ops_load_histogram_value_at (&result->totals.latency, 50) / 1e6,
                  p99 / 1e6);
  /* About 600 requests were scheduled, about 200 of them during the stall:
   * measured from when they were due, they waited up to a second. */
  g_assert_cmpuint (result->totals.responses, >=, 500);
  g_assert_cmpuint (p99, >=, 500 * 1000 * 1000);
  g_assert_cmpuint (ops_load_histogram_value_at (&result->totals.latency, 90), >=, 100 * 1000 * 1000);
}

static void
test_stall_hidden_in_max_throughput (void)
{
  OpsStandIn      *server = ops_stand_in_start (OPS_STAND_IN_STALL);
  g_autofree char *url = ops_stand_in_url (server);
  g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 2, 3 * G_USEC_PER_SEC);
  g_autoptr(OpsLoadResult) result = run_scenario (scenario);
  guint64 p99 = ops_load_histogram_value_at (&result->totals.latency, 99);

  ops_stand_in_stop (server);
  assert_no_failures (&result->totals);
  g_test_message ("max throughput: %" G_GUINT64_FORMAT " responses, p99 %.2f ms, max %.1f ms",
                  result->totals.responses, p99 / 1e6, result->totals.latency.max / 1e6);
  /* Only the two requests in flight during the stall waited: the maximum
   * shows it, the percentiles do not (coordinated omission). */
  g_assert_cmpuint (result->totals.latency.max, >=, 900 * 1000 * 1000);
  g_assert_cmpuint (result->totals.responses, >=, 1000);
  g_assert_cmpuint (p99, <, 250 * 1000 * 1000);
}

static void
test_malformed_responses (void)
{
  OpsStandIn      *server = ops_stand_in_start (OPS_STAND_IN_MALFORMED);
  g_autofree char *url = ops_stand_in_url (server);
  g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 2, G_USEC_PER_SEC);
  g_autoptr(OpsLoadResult) result = run_scenario (scenario);

  ops_stand_in_stop (server);
  g_assert_cmpuint (result->totals.responses, ==, 0);
  g_assert_cmpuint (result->totals.failures[OPS_LOAD_FAILURE_PARSE], >, 10);
  g_assert_cmpuint (result->totals.failures[OPS_LOAD_FAILURE_PARSE], ==, result->totals.requests);
  g_assert_nonnull (result->notes[OPS_LOAD_FAILURE_PARSE]);
}

static void
test_random_closes (void)
{
  OpsStandIn      *server = ops_stand_in_start (OPS_STAND_IN_RANDOM_CLOSE);
  g_autofree char *url = ops_stand_in_url (server);
  g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 4, G_USEC_PER_SEC);
  g_autoptr(OpsLoadResult) result = run_scenario (scenario);
  guint                  answered = ops_stand_in_answered (server);
  const OpsLoadCounters *c = &result->totals;

  ops_stand_in_stop (server);
  g_test_message ("%" G_GUINT64_FORMAT " requests, %" G_GUINT64_FORMAT " responses, %" G_GUINT64_FORMAT
                  " read failures",
                  c->requests, c->responses, c->failures[OPS_LOAD_FAILURE_READ]);
  /* Every request ends as a response or as a read failure. */
  g_assert_cmpuint (c->responses, ==, answered);
  g_assert_cmpuint (c->failures[OPS_LOAD_FAILURE_READ], >, 0);
  g_assert_cmpuint (c->responses + c->failures[OPS_LOAD_FAILURE_READ], ==, c->requests);
  g_assert_cmpuint (c->failures[OPS_LOAD_FAILURE_PARSE] + c->failures[OPS_LOAD_FAILURE_TIMEOUT], ==, 0);
}

static void
test_never_answers (void)
{
  OpsStandIn      *server = ops_stand_in_start (OPS_STAND_IN_SILENT);
  g_autofree char *url = ops_stand_in_url (server);
  g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 2, G_USEC_PER_SEC);
  g_autoptr(OpsLoadResult) result = NULL;

  scenario->timeout_usec = 200 * 1000;
  result = run_scenario (scenario);
  ops_stand_in_stop (server);

  g_assert_cmpuint (result->totals.responses, ==, 0);
  g_assert_cmpuint (result->totals.failures[OPS_LOAD_FAILURE_TIMEOUT], >=, 4);
  g_assert_cmpuint (result->totals.failures[OPS_LOAD_FAILURE_TIMEOUT], ==, result->totals.requests);
  /* The run ends at most one timeout after its duration (and a tick, with
   * room for a busy machine to wake the thread late). */
  g_assert_cmpint (result->duration_usec, <=, G_USEC_PER_SEC + scenario->timeout_usec + 400 * 1000);
}

static void
test_chunked_stand_in (void)
{
  OpsStandIn      *server = ops_stand_in_start (OPS_STAND_IN_CHUNKED);
  g_autofree char *url = ops_stand_in_url (server);
  g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 2, G_USEC_PER_SEC);
  g_autoptr(OpsLoadResult) result = run_scenario (scenario);
  guint answered = ops_stand_in_answered (server);

  ops_stand_in_stop (server);
  assert_no_failures (&result->totals);
  g_assert_cmpuint (result->totals.responses, >, 10);
  g_assert_cmpuint (result->totals.responses, ==, answered);
}

static void
test_connection_refused (void)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/", ops_test_free_port ());
  g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 2, G_USEC_PER_SEC);
  g_autoptr(OpsLoadResult) result = run_scenario (scenario);

  g_assert_cmpuint (result->totals.requests, ==, 0);
  g_assert_cmpuint (result->totals.failures[OPS_LOAD_FAILURE_CONNECT], >, 0);
  g_assert_nonnull (strstr (result->notes[OPS_LOAD_FAILURE_CONNECT], "refused"));
}

static void
test_unknown_host (void)
{
  g_autoptr(OpsLoadScenario) scenario = short_scenario ("http://no-such-host.invalid/", 1, G_USEC_PER_SEC);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsLoadResult) result = run_scenario_full (scenario, NULL, 0, &error);

  g_assert_null (result);
  g_assert_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_RESOLVE);
  g_assert_nonnull (strstr (error->message, "no-such-host.invalid"));
}

static void
event_cb (OpsEvent *event,
          gpointer  user_data)
{
  g_ptr_array_add (user_data, g_object_ref (event));
}

static void
test_events_stop_and_abort (void)
{
  OpsTestNginx *nginx = ops_test_nginx_start (nginx_locations, NULL, NULL);
  g_autoptr(OpsEventBus) bus = ops_event_bus_new ();
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  ops_event_bus_subscribe (bus, "loadtest.", event_cb, events, NULL);

  /* A failing threshold with --abort-on-fail stops a 20 s run early. */
  {
    g_autofree char *url = ops_test_nginx_url (nginx, "/missing");
    g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 2, 20 * G_USEC_PER_SEC);
    g_autoptr(OpsLoadResult) result = NULL;

    scenario->abort_on_fail = TRUE;
    g_assert_true (ops_load_scenario_add_threshold (scenario, "status_4xx == 0", &error));
    result = run_scenario_full (scenario, bus, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (result->end, ==, OPS_LOAD_END_ABORTED);
    g_assert_cmpint (result->duration_usec, <, 10 * G_USEC_PER_SEC);
    g_assert_false (ops_load_result_passed (result));
    g_assert_cmpuint (result->totals.responses, ==, logged_requests (nginx, result->totals.responses));
  }

  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (ops_event_get_kind (events->pdata[0]), ==, "loadtest.finished");
  g_assert_cmpstr (ops_event_get_kind (events->pdata[1]), ==, "loadtest.thresholds_failed");
  g_assert_nonnull (strstr (ops_event_get_field_string (events->pdata[1], "failed"), "status_4xx == 0"));
  g_ptr_array_set_size (events, 0);

  /* stop(): the run ends with what it measured. */
  {
    g_autofree char *url = ops_test_nginx_url (nginx, "/ok");
    g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 2, 30 * G_USEC_PER_SEC);
    g_autoptr(OpsLoadResult) result = NULL;

    g_assert_true (ops_load_scenario_add_threshold (scenario, "status_5xx == 0", &error));
    result = run_scenario_full (scenario, bus, 1200, &error);
    g_assert_no_error (error);
    g_assert_cmpint (result->end, ==, OPS_LOAD_END_STOPPED);
    g_assert_cmpint (result->duration_usec, <, 10 * G_USEC_PER_SEC);
    g_assert_cmpuint (result->totals.responses, >, 0);
    g_assert_true (ops_load_result_passed (result));
  }

  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (ops_event_get_kind (events->pdata[0]), ==, "loadtest.finished");

  ops_test_nginx_stop (nginx);
}

static void
test_stages (void)
{
  OpsTestNginx    *nginx = ops_test_nginx_start (nginx_locations, NULL, NULL);
  g_autofree char *url = ops_test_nginx_url (nginx, "/ok");
  g_autoptr(OpsLoadScenario) scenario = short_scenario (url, 4, G_USEC_PER_SEC);
  g_autoptr(OpsLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Constant rate ramping from 50/s to 150/s, then holding: about 100 + 150 requests. */
  scenario->mode = OPS_LOAD_MODE_CONSTANT_RATE;
  scenario->rate = 50;
  g_assert_true (ops_load_scenario_add_stage_text (scenario, "1s:150", &error));
  g_assert_true (ops_load_scenario_add_stage_text (scenario, "1s:150", &error));
  result = run_scenario (scenario);

  assert_no_failures (&result->totals);
  g_test_message ("%" G_GUINT64_FORMAT " responses in stages", result->totals.responses);
  g_assert_cmpuint (result->totals.responses, >=, 200);
  g_assert_cmpuint (result->totals.responses, <=, 260);
  g_assert_cmpuint (result->totals.responses, ==, logged_requests (nginx, result->totals.responses));
  g_assert_cmpuint (result->timeline->len, >=, 2);
  g_assert_cmpuint (((OpsLoadSnapshot *)result->timeline->pdata[0])->counters.responses, <,
                    ((OpsLoadSnapshot *)result->timeline->pdata[1])->counters.responses);

  ops_test_nginx_stop (nginx);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/loadtest/engine/counts-equal-nginx-log", test_counts_equal_nginx_log);
  g_test_add_func ("/opsdeck/loadtest/engine/bodies-of-several-sizes", test_bodies_of_several_sizes);
  g_test_add_func ("/opsdeck/loadtest/engine/connection-close", test_connection_close);
  g_test_add_func ("/opsdeck/loadtest/engine/status-classes", test_status_classes);
  g_test_add_func ("/opsdeck/loadtest/engine/https", test_https);
  g_test_add_func ("/opsdeck/loadtest/engine/stall-shows-in-constant-rate-p99", test_stall_shows_in_constant_rate_p99);
  g_test_add_func ("/opsdeck/loadtest/engine/stall-hidden-in-max-throughput", test_stall_hidden_in_max_throughput);
  g_test_add_func ("/opsdeck/loadtest/engine/malformed-responses", test_malformed_responses);
  g_test_add_func ("/opsdeck/loadtest/engine/random-closes", test_random_closes);
  g_test_add_func ("/opsdeck/loadtest/engine/never-answers", test_never_answers);
  g_test_add_func ("/opsdeck/loadtest/engine/chunked-stand-in", test_chunked_stand_in);
  g_test_add_func ("/opsdeck/loadtest/engine/connection-refused", test_connection_refused);
  g_test_add_func ("/opsdeck/loadtest/engine/unknown-host", test_unknown_host);
  g_test_add_func ("/opsdeck/loadtest/engine/events-stop-and-abort", test_events_stop_and_abort);
  g_test_add_func ("/opsdeck/loadtest/engine/stages", test_stages);

  return g_test_run ();
}
