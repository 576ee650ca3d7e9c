/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "events/ops-event-bus.h"
#include "health/ops-health-engine.h"
#include "store/ops-settings.h"
#include "ops-test-nginx.h"
#include "ops-test-probe.h"
#include "ops-test-util.h"

/* The engine end to end against a real nginx: results change the checks'
 * state, go to the history, and state changes are published as events. */

static OpsTestNginx *nginx;

typedef struct
{
  char            *path;
  OpsStore        *store;
  OpsEventBus     *bus;
  OpsHealthEngine *engine;
  GPtrArray       *events;
  GPtrArray       *results;
} Fixture;

static void
event_cb (OpsEvent *event,
          gpointer  user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->events, g_object_ref (event));
}

static void
result_cb (OpsHealthEngine *engine,
           OpsCheck        *check,
           OpsCheckResult  *result,
           Fixture         *fixture)
{
  g_ptr_array_add (fixture->results, g_object_ref (result));
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = ops_test_fresh_db_path ();
  fixture->store = ops_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->bus = ops_event_bus_new ();
  fixture->events = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->results = g_ptr_array_new_with_free_func (g_object_unref);
  ops_event_bus_subscribe (fixture->bus, "health.", event_cb, fixture, NULL);
  fixture->engine = ops_health_engine_new (fixture->store, fixture->bus, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->engine, "result", G_CALLBACK (result_cb), fixture);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->bus);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->events, g_ptr_array_unref);
  g_clear_pointer (&fixture->results, g_ptr_array_unref);
  g_free (fixture->path);
}

static OpsCheck *
add_http_check (Fixture    *fixture,
                const char *name,
                const char *path)
{
  g_autofree char *url = ops_test_nginx_url (nginx, path);
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_HTTP, name, url);
  g_autoptr(GError) error = NULL;

  ops_check_set_environment (check, OPS_ENVIRONMENT_STAGING);
  ops_check_list_add (ops_health_engine_get_checks (fixture->engine), check, &error);
  g_assert_no_error (error);

  return check;
}

static void
ran_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ops_health_engine_run_checks_finish (OPS_HEALTH_ENGINE (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
not_null (gpointer data)
{
  return *(gpointer *)data != NULL;
}

static void
run_once (Fixture  *fixture,
          OpsCheck *check)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) results = NULL;

  g_ptr_array_add (checks, check);
  ops_health_engine_run_checks_async (fixture->engine, checks, NULL, ran_cb, &results);
  g_assert_true (ops_test_wait_until (not_null, &results, 20000));
  g_assert_cmpuint (results->len, ==, 1);
}

/* Events arrive on the bus's main context. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_results_update_state (Fixture      *fixture,
                           gconstpointer data)
{
  OpsCheck *check = add_http_check (fixture, "api", "/ok");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ops_check_get_status (check), ==, OPS_HEALTH_STATUS_UNKNOWN);
  run_once (fixture, check);

  g_assert_cmpint (ops_check_get_status (check), ==, OPS_HEALTH_STATUS_HEALTHY);
  g_assert_cmpuint (ops_check_get_consecutive_successes (check), ==, 1);
  g_assert_cmpfloat (ops_check_get_last_latency_ms (check), >, 0);
  g_assert_nonnull (ops_check_get_last_result (check));
  g_assert_cmpuint (fixture->results->len, ==, 1);

  /* Written to the history. */
  ops_history_flush_sync (ops_health_engine_get_history (fixture->engine), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ops_test_sqlite_int (fixture->path, "SELECT count(*) FROM health_samples"), ==, 1);
  g_assert_cmpint (ops_test_sqlite_int (fixture->path, "SELECT state FROM health_samples"), ==,
                   OPS_HEALTH_STATUS_HEALTHY);
}

static OpsEvent *
event_at (Fixture *fixture,
          guint    i)
{
  return g_ptr_array_index (fixture->events, i);
}

static void
test_events (Fixture      *fixture,
             gconstpointer data)
{
  OpsCheck *check = NULL;
  GVariant *latency;

  ops_test_nginx_write_file (nginx, "toggle.txt", "here", -1);
  check = add_http_check (fixture, "toggle", "/toggle.txt");
  ops_check_set_failure_threshold (check, 2);
  ops_check_set_success_threshold (check, 2);

  run_once (fixture, check);
  drain ();
  /* Unknown to healthy is no news. */
  g_assert_cmpuint (fixture->events->len, ==, 0);

  /* Gone: down after two failures, once. */
  {
    g_autofree char *file = g_build_filename (nginx->www, "toggle.txt", NULL);

    g_assert_cmpint (g_unlink (file), ==, 0);
  }
  run_once (fixture, check);
  drain ();
  g_assert_cmpuint (fixture->events->len, ==, 0);
  g_assert_cmpint (ops_check_get_status (check), ==, OPS_HEALTH_STATUS_HEALTHY);
  g_assert_cmpuint (ops_check_get_consecutive_failures (check), ==, 1);

  run_once (fixture, check);
  run_once (fixture, check);
  drain ();
  g_assert_cmpuint (fixture->events->len, ==, 1);
  g_assert_cmpstr (ops_event_get_kind (event_at (fixture, 0)), ==, "health.down");
  g_assert_cmpint (ops_event_get_severity (event_at (fixture, 0)), ==, OPS_SEVERITY_CRITICAL);
  g_assert_cmpstr (ops_event_get_service (event_at (fixture, 0)), ==, "toggle");
  g_assert_cmpstr (ops_event_get_field_string (event_at (fixture, 0), "check_name"), ==, "toggle");
  g_assert_cmpstr (ops_event_get_field_string (event_at (fixture, 0), "kind"), ==, "http");
  g_assert_cmpstr (ops_event_get_field_string (event_at (fixture, 0), "environment"), ==, "staging");
  g_assert_cmpstr (ops_event_get_field_string (event_at (fixture, 0), "status"), ==, "down");
  g_assert_cmpstr (ops_event_get_field_string (event_at (fixture, 0), "target"), ==,
                   ops_check_get_target (check));
  g_assert_cmpstr (ops_event_get_field_string (event_at (fixture, 0), "error"), ==,
                   "HTTP status 404 Not Found");
  latency = ops_event_get_field (event_at (fixture, 0), "latency_ms");
  g_assert_nonnull (latency);
  g_assert_cmpfloat (g_variant_get_double (latency), >, 0);
  g_assert_cmpint (g_variant_get_int64 (ops_event_get_field (event_at (fixture, 0), "check_id")), ==,
                   ops_check_get_id (check));

  /* Back: recovered after two successes. */
  ops_test_nginx_write_file (nginx, "toggle.txt", "here", -1);
  run_once (fixture, check);
  drain ();
  g_assert_cmpuint (fixture->events->len, ==, 1);
  run_once (fixture, check);
  drain ();
  g_assert_cmpuint (fixture->events->len, ==, 2);
  g_assert_cmpstr (ops_event_get_kind (event_at (fixture, 1)), ==, "health.recovered");
  g_assert_cmpint (ops_event_get_severity (event_at (fixture, 1)), ==, OPS_SEVERITY_INFO);
  g_assert_cmpstr (ops_event_get_field_string (event_at (fixture, 1), "status"), ==, "healthy");
  g_assert_cmpstr (ops_event_get_field_string (event_at (fixture, 1), "previous_status"), ==, "down");
}

static void
test_degraded_event (Fixture      *fixture,
                     gconstpointer data)
{
  OpsCheck *check = NULL;

  ops_test_nginx_write_file (nginx, "state.json", "{\"status\":\"warn\",\"output\":\"slow disk\"}", -1);
  check = add_http_check (fixture, "state", "/state.json");
  run_once (fixture, check);
  drain ();

  g_assert_cmpint (ops_check_get_status (check), ==, OPS_HEALTH_STATUS_DEGRADED);
  g_assert_cmpuint (fixture->events->len, ==, 1);
  g_assert_cmpstr (ops_event_get_kind (event_at (fixture, 0)), ==, "health.degraded");
  g_assert_cmpint (ops_event_get_severity (event_at (fixture, 0)), ==, OPS_SEVERITY_WARNING);
  g_assert_nonnull (strstr (ops_event_get_field_string (event_at (fixture, 0), "error"), "slow disk"));
}

static void
tested_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpsCheckResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ops_health_engine_test_check_finish (OPS_HEALTH_ENGINE (object), result, &error);
  g_assert_no_error (error);
}

static void
invalid_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsCheckResult) check_result = NULL;

  check_result = ops_health_engine_test_check_finish (OPS_HEALTH_ENGINE (object), result, &error);
  g_assert_null (check_result);
  g_assert_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a url"));
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/* The Test button: a result, and nothing else. */
static void
test_test_button (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *url = ops_test_nginx_url (nginx, "/missing");
  g_autoptr(OpsCheck) check = ops_check_new (OPS_CHECK_KIND_HTTP, "draft", url);
  g_autoptr(OpsCheckResult) result = NULL;
  g_autoptr(OpsCheck) invalid = ops_check_new (OPS_CHECK_KIND_HTTP, "draft", "not a url");
  gboolean invalid_done = FALSE;

  ops_health_engine_test_check_async (fixture->engine, check, NULL, tested_cb, &result);
  g_assert_true (ops_test_wait_until (not_null, &result, 20000));
  drain ();

  ops_test_assert_error (result, OPS_HEALTH_STATUS_DOWN, "HTTP status 404");
  g_assert_cmpint (ops_check_get_status (check), ==, OPS_HEALTH_STATUS_UNKNOWN);
  g_assert_cmpuint (fixture->events->len, ==, 0);
  g_assert_cmpuint (fixture->results->len, ==, 0);
  g_assert_cmpuint (ops_history_get_n_pending (ops_health_engine_get_history (fixture->engine)), ==, 0);

  /* An invalid check is an error, in words. */
  ops_health_engine_test_check_async (fixture->engine, invalid, NULL, invalid_cb, &invalid_done);
  g_assert_true (ops_test_wait_until (is_true, &invalid_done, 5000));
}

static gboolean
has_results (gpointer data)
{
  Fixture *fixture = data;

  return fixture->results->len >= 2;
}

static void
test_scheduled (Fixture      *fixture,
                gconstpointer data)
{
  OpsCheck *check = add_http_check (fixture, "scheduled", "/ok");
  guint     before;

  ops_check_set_interval_ms (check, 1000);
  ops_check_set_timeout_ms (check, 1000);
  ops_health_engine_start (fixture->engine);

  /* Check now, then the interval. */
  ops_health_engine_check_now (fixture->engine, check);
  g_assert_true (ops_test_wait_until (has_results, fixture, 10000));
  g_assert_cmpint (ops_check_get_status (check), ==, OPS_HEALTH_STATUS_HEALTHY);

  /* Pausing one check is saved, and stops its runs. */
  ops_check_set_paused (check, TRUE);
  g_assert_cmpint (ops_test_sqlite_int (fixture->path,
                                        "SELECT paused FROM health_checks WHERE name = 'scheduled'"),
                   ==, 1);
  before = fixture->results->len;
  drain ();
  g_assert_cmpint (ops_scheduler_get_next_due (ops_health_engine_get_scheduler (fixture->engine), check),
                   ==, -1);
  ops_check_set_paused (check, FALSE);

  /* Pause all. */
  ops_health_engine_set_paused (fixture->engine, TRUE);
  g_assert_true (ops_scheduler_get_paused (ops_health_engine_get_scheduler (fixture->engine)));
  ops_health_engine_set_paused (fixture->engine, FALSE);

  ops_health_engine_stop (fixture->engine);
  g_assert_cmpuint (fixture->results->len, >=, before);
}

/* "Pause all" is remembered: an engine made after a restart starts paused,
 * and resuming is remembered too. */
static void
test_pause_all_survives_restart (Fixture      *fixture,
                                 gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  ops_health_engine_set_paused (fixture->engine, TRUE);
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->store);

  fixture->store = ops_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->engine = ops_health_engine_new (fixture->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ops_health_engine_get_paused (fixture->engine));
  g_assert_true (ops_scheduler_get_paused (ops_health_engine_get_scheduler (fixture->engine)));

  /* Changing the setting (another window, an import) pauses or resumes. */
  ops_settings_set_boolean (ops_store_get_settings (fixture->store),
                            OPS_SETTINGS_KEY_HEALTH_PAUSED, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (ops_health_engine_get_paused (fixture->engine));
  g_assert_false (ops_scheduler_get_paused (ops_health_engine_get_scheduler (fixture->engine)));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ops_test_init (&argc, &argv);
  nginx = ops_test_nginx_start ("location = /ok { return 200 \"fine\"; }\n"
                                "location = /state.json { default_type application/health+json; }\n",
                                NULL, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/opsdeck/health/engine/results-update-state", test_results_update_state);
  ADD ("/opsdeck/health/engine/events", test_events);
  ADD ("/opsdeck/health/engine/degraded-event", test_degraded_event);
  ADD ("/opsdeck/health/engine/test-button", test_test_button);
  ADD ("/opsdeck/health/engine/scheduled", test_scheduled);
  ADD ("/opsdeck/health/engine/pause-all-survives-restart", test_pause_all_survives_restart);
#undef ADD

  status = g_test_run ();
  ops_test_nginx_stop (nginx);
  return status;
}
