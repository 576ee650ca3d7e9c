/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "alerts/ops-alert-db.h"
#include "alerts/ops-alert-engine.h"
#include "notify/ops-alert-actions.h"
#include "notify/ops-desktop-notifier.h"
#include "ops-test-dunst.h"
#include "ops-test-clock.h"
#include "ops-test-util.h"

/* Desktop notifications against the real dunst on the test's session
 * bus: what it receives, with its buttons; the Acknowledge button pressed
 * in dunst's own menu acknowledges the alert; resolved alerts are
 * withdrawn; the preferences are honoured. Run by run-in-session.sh
 * --display. */

typedef struct
{
  OpsTestDunst       *dunst;
  GApplication       *application;
  OpsStore           *store;
  OpsEventBus        *bus;
  OpsClock           *clock;
  OpsAlertEngine     *engine;
  OpsDesktopNotifier *notifier;
  guint               next_check;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autofree char *id = NULL;
  static guint     counter;

  fixture->dunst = ops_test_dunst_start ();

  /* A plain GApplication: the notifier needs no GTK. */
  id = g_strdup_printf ("io.github.opsdeck.NotifierTest%u", ++counter);
  fixture->application = g_application_new (id, G_APPLICATION_DEFAULT_FLAGS);
  g_application_register (fixture->application, NULL, &error);
  g_assert_no_error (error);

  fixture->store = ops_store_open (path, &error);
  g_assert_no_error (error);
  fixture->bus = ops_event_bus_new ();
  fixture->clock = OPS_CLOCK (ops_test_clock_new_at (g_get_real_time ()));
  fixture->engine = ops_alert_engine_new (fixture->store, fixture->bus, fixture->clock, &error);
  g_assert_no_error (error);
  fixture->notifier = ops_desktop_notifier_new (fixture->application, fixture->bus,
                                                ops_store_get_settings (fixture->store));
  ops_alert_actions_install (G_ACTION_MAP (fixture->application), fixture->engine);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  /* GLib's notification backend must hear the answers to what it sent,
   * and see its notifications closed, before the application goes. */
  g_free (ops_test_dunst_ctl (fixture->dunst, "close-all", NULL));
  ops_test_dunst_sync (fixture->dunst);
  g_clear_object (&fixture->notifier);
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->bus);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->application);
  g_clear_pointer (&fixture->dunst, ops_test_dunst_stop);
}

/* Reports a check's result; returns the id of its open alert, or 0. */
static gint64
report (Fixture        *fixture,
        const char     *check,
        OpsSampleStatus status,
        const char     *error)
{
  g_autoptr(OpsAlertSample) sample = NULL;
  GListModel *open = ops_alert_engine_get_open_alerts (fixture->engine);

  sample = ops_alert_sample_new (g_str_hash (check), check, ops_clock_get_real (fixture->clock),
                                 status);
  ops_alert_sample_set_error (sample, error);
  ops_alert_engine_observe (fixture->engine, sample);

  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (open, i);

      if (g_str_equal (ops_alert_get_check_name (alert), check))
        return ops_alert_get_id (alert);
    }

  return 0;
}

static gboolean
acknowledged (gpointer data)
{
  OpsAlert *alert = data;

  return ops_alert_get_state (alert) == OPS_ALERT_STATE_ACKNOWLEDGED;
}

/* Everything dunst printed about the notification whose title is @title. */
static char *
printed_block (Fixture    *fixture,
               const char *title)
{
  g_autofree char *printed = ops_test_dunst_read_printed (fixture->dunst);
  g_autofree char *needle = g_strdup_printf ("summary: '%s'", title);
  const char      *start = strstr (printed, needle);
  const char      *end;

  g_assert_nonnull (start);
  end = strstr (start, "script_count");
  g_assert_nonnull (end);

  return g_strndup (start, end - start);
}

static void
test_firing_then_acknowledged (Fixture      *fixture,
                               gconstpointer data)
{
  g_autofree char *block = NULL;
  g_autofree char *acknowledge = NULL;
  g_autofree char *open = NULL;
  g_autofree char *history = NULL;
  OpsAlert        *alert;
  gint64           id;

  id = report (fixture, "api.example.com", OPS_SAMPLE_STATUS_DOWN, "connection refused");
  g_assert_cmpint (id, >, 0);
  g_assert_true (ops_test_dunst_wait_printed (fixture->dunst, "summary: 'api.example.com: critical'",
                                              10000));

  /* The title has the service and the state, the body the cause, the
   * urgency is critical, and the buttons carry the alert's id. */
  block = printed_block (fixture, "api.example.com: critical");
  g_assert_nonnull (strstr (block, "body: 'connection refused\nCheck down'"));
  g_assert_nonnull (strstr (block, "urgency: CRITICAL"));
  acknowledge = g_strdup_printf ("\"app.alert-acknowledge(int64 %" G_GINT64_FORMAT ")\": \"Acknowledge\"", id);
  open = g_strdup_printf ("\"app.alert-open(int64 %" G_GINT64_FORMAT ")\": \"Open\"", id);
  g_assert_nonnull (strstr (block, acknowledge));
  g_assert_nonnull (strstr (block, open));
  g_assert_cmpuint (ops_test_dunst_count (fixture->dunst, "displayed"), ==, 1);

  /* Press Acknowledge in dunst's menu: dunst tells the application, which
   * acknowledges the alert. */
  alert = ops_alert_engine_lookup_alert (fixture->engine, id);
  g_object_ref (alert);
  {
    g_autofree char *choice = g_strdup_printf ("alert-acknowledge(int64 %" G_GINT64_FORMAT ")", id);
    g_autofree char *out = NULL;

    ops_test_dunst_choose (fixture->dunst, choice);
    out = ops_test_dunst_ctl (fixture->dunst, "context", NULL);
  }
  g_assert_true (ops_test_wait_until (acknowledged, alert, 10000));
  g_assert_cmpstr (ops_alert_get_acknowledged_by (alert), ==, g_get_user_name ());
  g_assert_cmpstr (ops_alert_get_ack_note (alert), ==, "Acknowledged from the notification.");
  g_object_unref (alert);

  /* Acknowledged: the notification is gone from the screen, into history. */
  g_assert_true (ops_test_dunst_wait_displayed (fixture->dunst, 0, 10000));
  history = ops_test_dunst_ctl (fixture->dunst, "history", NULL);
  g_assert_nonnull (strstr (history, "api.example.com: critical"));
}

static void
test_resolved_is_withdrawn (Fixture      *fixture,
                            gconstpointer data)
{
  g_autofree char *history = NULL;

  report (fixture, "db", OPS_SAMPLE_STATUS_DOWN, "timed out after 10 s");
  g_assert_true (ops_test_dunst_wait_displayed (fixture->dunst, 1, 10000));
  ops_test_dunst_sync (fixture->dunst);

  ops_test_clock_advance (OPS_TEST_CLOCK (fixture->clock), 30 * G_USEC_PER_SEC);
  g_assert_cmpint (report (fixture, "db", OPS_SAMPLE_STATUS_HEALTHY, NULL), ==, 0);
  g_assert_true (ops_test_dunst_wait_displayed (fixture->dunst, 0, 10000));
  history = ops_test_dunst_ctl (fixture->dunst, "history", NULL);
  g_assert_nonnull (strstr (history, "db: critical"));
  g_assert_nonnull (strstr (history, "timed out after 10 s"));
}

static void
add_warning_rule (Fixture *fixture)
{
  g_autoptr(OpsAlertRule) rule = ops_alert_rule_new (OPS_ALERT_RULE_THRESHOLD, "Slow");
  g_autoptr(GError) error = NULL;

  ops_alert_rule_set_conditions (rule, "latency_ms > 500", NULL, &error);
  g_assert_no_error (error);
  ops_alert_db_save_rule (fixture->store, rule, &error);
  g_assert_no_error (error);
  ops_alert_engine_reload (fixture->engine, &error);
  g_assert_no_error (error);
}

static void
report_latency (Fixture    *fixture,
                const char *check,
                double      latency_ms)
{
  g_autoptr(OpsAlertSample) sample = NULL;

  sample = ops_alert_sample_new (g_str_hash (check), check, ops_clock_get_real (fixture->clock),
                                 OPS_SAMPLE_STATUS_HEALTHY);
  ops_alert_sample_set_metric (sample, "latency_ms", latency_ms);
  ops_alert_engine_observe (fixture->engine, sample);
}

/* Notifications are sent in order on one connection: once the last one is
 * on screen, any earlier one would have been printed before it. */
static void
test_minimum_severity (Fixture      *fixture,
                       gconstpointer data)
{
  OpsSettings *settings = ops_store_get_settings (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;

  add_warning_rule (fixture);

  ops_settings_set_string (settings, OPS_SETTINGS_KEY_NOTIFY_MINIMUM_SEVERITY, "critical", &error);
  g_assert_no_error (error);
  report_latency (fixture, "slow", 900);
  report (fixture, "prod", OPS_SAMPLE_STATUS_DOWN, "connection refused");
  g_assert_true (ops_test_dunst_wait_printed (fixture->dunst, "summary: 'prod: critical'", 10000));
  printed = ops_test_dunst_read_printed (fixture->dunst);
  g_assert_null (strstr (printed, "slow"));
  g_clear_pointer (&printed, g_free);

  ops_settings_set_string (settings, OPS_SETTINGS_KEY_NOTIFY_MINIMUM_SEVERITY, "warning", &error);
  g_assert_no_error (error);
  ops_test_clock_advance (OPS_TEST_CLOCK (fixture->clock), 10 * G_USEC_PER_SEC);
  report_latency (fixture, "slow", 100);
  report_latency (fixture, "slow", 900);
  g_assert_true (ops_test_dunst_wait_printed (fixture->dunst, "summary: 'slow: warning'", 10000));
  printed = printed_block (fixture, "slow: warning");
  g_assert_nonnull (strstr (printed, "latency_ms is 900 (warning level: > 500)."));
  g_assert_nonnull (strstr (printed, "urgency: NORMAL"));

  /* An invalid preference is refused in words. */
  g_assert_false (ops_settings_set_string (settings, OPS_SETTINGS_KEY_NOTIFY_MINIMUM_SEVERITY,
                                           "loud", &error));
  g_assert_error (error, OPS_STORE_ERROR, OPS_STORE_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "The setting “notifications.minimum-severity” must be one of info, warning, "
                   "critical, not “loud”.");
}

static void
test_do_not_disturb (Fixture      *fixture,
                     gconstpointer data)
{
  OpsSettings *settings = ops_store_get_settings (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;

  ops_settings_set_boolean (settings, OPS_SETTINGS_KEY_NOTIFY_DO_NOT_DISTURB, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report (fixture, "quiet", OPS_SAMPLE_STATUS_DOWN, "connection refused"), >, 0);
  g_assert_cmpuint (ops_desktop_notifier_get_n_sent (fixture->notifier), ==, 0);

  ops_settings_set_boolean (settings, OPS_SETTINGS_KEY_NOTIFY_DO_NOT_DISTURB, FALSE, &error);
  g_assert_no_error (error);
  report (fixture, "loud", OPS_SAMPLE_STATUS_DOWN, "connection refused");
  g_assert_true (ops_test_dunst_wait_printed (fixture->dunst, "summary: 'loud: critical'", 10000));
  printed = ops_test_dunst_read_printed (fixture->dunst);
  g_assert_null (strstr (printed, "quiet"));
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init_ui (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/opsdeck/notify/desktop/firing-then-acknowledged", test_firing_then_acknowledged);
  ADD ("/opsdeck/notify/desktop/resolved-is-withdrawn", test_resolved_is_withdrawn);
  ADD ("/opsdeck/notify/desktop/minimum-severity", test_minimum_severity);
  ADD ("/opsdeck/notify/desktop/do-not-disturb", test_do_not_disturb);
#undef ADD

  return g_test_run ();
}
