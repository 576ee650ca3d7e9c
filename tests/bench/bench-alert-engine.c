/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <glib/gstdio.h>

#include "alerts/ops-alert-db.h"
#include "alerts/ops-alert-engine.h"
#include "ops-test-clock.h"

/* How much the alert engine costs the health engine: samples evaluated
 * per second with 10,000 checks under the default rules plus a latency
 * rule over a window, an outage of 1 % of them (alerts written to the
 * database), and the once-a-second tick with an absence rule watching
 * every check. Run with `meson test -C _build --benchmark alert-engine`. */

#define N_CHECKS 10000
#define ROUNDS   20

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
observe_round (OpsAlertEngine *engine,
               OpsClock       *clock,
               guint           down_every)
{
  static const char *const environments[] = { "production", "staging", "development" };
  static const char *const tags[][2] = { { "api", NULL }, { "db", NULL }, { "web", NULL } };

  for (guint i = 0; i < N_CHECKS; i++)
    {
      g_autoptr(OpsAlertSample) sample = NULL;
      g_autofree char *name = g_strdup_printf ("check-%05u", i);
      gboolean         down = down_every > 0 && i % down_every == 0;

      sample = ops_alert_sample_new (i + 1, name, ops_clock_get_real (clock),
                                     down ? OPS_SAMPLE_STATUS_DOWN : OPS_SAMPLE_STATUS_HEALTHY);
      ops_alert_sample_set_environment (sample, environments[i % 3]);
      ops_alert_sample_set_tags (sample, tags[i % 3]);
      if (down)
        ops_alert_sample_set_error (sample, "connection refused");
      else
        ops_alert_sample_set_metric (sample, "latency_ms", 20 + (i % 50));
      ops_alert_engine_observe (engine, sample);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("opsdeck-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsEventBus) bus = ops_event_bus_new ();
  g_autoptr(OpsClock) clock = OPS_CLOCK (ops_test_clock_new_at (g_get_real_time ()));
  g_autoptr(OpsAlertEngine) engine = NULL;
  g_autoptr(OpsAlertRule) latency = ops_alert_rule_new (OPS_ALERT_RULE_THRESHOLD, "Slow");
  g_autoptr(OpsAlertRule) quiet = ops_alert_rule_new (OPS_ALERT_RULE_ABSENCE, "Quiet");
  gint64 start;
  double elapsed;
  guint  n_open;

  g_assert_no_error (error);
  path = g_build_filename (dir, "opsdeck.db", NULL);
  store = ops_store_open (path, &error);
  g_assert_no_error (error);

  ops_alert_rule_set_conditions (latency, "avg(latency_ms) > 500", "avg(latency_ms) > 1000", &error);
  ops_alert_rule_set_window (latency, 300);
  ops_alert_db_save_rule (store, latency, &error);
  g_assert_no_error (error);
  ops_alert_rule_set_absence (quiet, 600);
  ops_alert_db_save_rule (store, quiet, &error);
  g_assert_no_error (error);

  engine = ops_alert_engine_new (store, bus, clock, &error);
  g_assert_no_error (error);

  g_print ("# alert engine, %d checks, %d rules\n", N_CHECKS, 7);

  /* Healthy results: every rule evaluated, nothing written. */
  start = g_get_monotonic_time ();
  for (guint round = 0; round < ROUNDS; round++)
    {
      ops_test_clock_advance (OPS_TEST_CLOCK (clock), 0);
      observe_round (engine, clock, 0);
    }
  elapsed = seconds_since (start);
  g_print ("healthy samples: %.0f per second (%.1f us each)\n", ROUNDS * N_CHECKS / elapsed,
           elapsed * 1e6 / (ROUNDS * N_CHECKS));

  /* An outage of 1 % of the checks: 100 alerts fire and are written. */
  start = g_get_monotonic_time ();
  observe_round (engine, clock, 100);
  elapsed = seconds_since (start);
  n_open = g_list_model_get_n_items (ops_alert_engine_get_open_alerts (engine));
  g_print ("round with 1 %% down: %.1f ms for %d samples, %u alerts open\n", elapsed * 1e3,
           N_CHECKS, n_open);

  /* The tick: pending alerts, absence of every check, maintenance,
   * re-notification. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 100; i++)
    ops_alert_engine_tick (engine);
  elapsed = seconds_since (start);
  g_print ("tick: %.2f ms each (%.2f %% of one core at one tick a second)\n", elapsed * 10,
           elapsed);

  g_clear_object (&engine);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
