/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "alerts/ops-alert-db.h"
#include "alerts/ops-alert-health-feed.h"
#include "notify/ops-desktop-notifier.h"
#include "ops-test-dunst.h"
#include "ops-test-nginx.h"
#include "ops-test-util.h"

/* Alerts end to end: the real health engine probes a real nginx that is
 * stopped and started again; its results feed the alert engine; alerts
 * reach the real dunst as desktop notifications. Run by
 * run-in-session.sh --display. */

static const char locations[] = "location = /ok { return 200 'fine'; }\n"
                                "    location = /gone { return 404 'gone'; }\n";

typedef struct
{
  OpsTestNginx       *nginx;
  guint16             port;
  OpsTestDunst       *dunst;
  GApplication       *application;
  OpsStore           *store;
  OpsEventBus        *bus;
  OpsClock           *clock;
  OpsHealthEngine    *health;
  OpsAlertEngine     *alerts;
  OpsAlertHealthFeed *feed;
  OpsDesktopNotifier *notifier;
  GPtrArray          *checks; /* OpsCheck */
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autofree char *id = NULL;
  static guint     counter;

  fixture->nginx = ops_test_nginx_start (locations, NULL, NULL);
  fixture->port = fixture->nginx->port;
  fixture->dunst = ops_test_dunst_start ();

  id = g_strdup_printf ("io.github.opsdeck.AlertsHealthTest%u", ++counter);
  fixture->application = g_application_new (id, G_APPLICATION_DEFAULT_FLAGS);
  g_application_register (fixture->application, NULL, &error);
  g_assert_no_error (error);

  fixture->store = ops_store_open (path, &error);
  g_assert_no_error (error);
  fixture->bus = ops_event_bus_new ();
  fixture->clock = ops_clock_new ();
  fixture->alerts = ops_alert_engine_new (fixture->store, fixture->bus, fixture->clock, &error);
  g_assert_no_error (error);
  fixture->health = ops_health_engine_new (fixture->store, fixture->bus, fixture->clock, &error);
  g_assert_no_error (error);
  fixture->feed = ops_alert_health_feed_new (fixture->alerts, fixture->health);
  fixture->notifier = ops_desktop_notifier_new (fixture->application, fixture->bus,
                                                ops_store_get_settings (fixture->store));
  fixture->checks = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_free (ops_test_dunst_ctl (fixture->dunst, "close-all", NULL));
  ops_test_dunst_sync (fixture->dunst);
  g_clear_pointer (&fixture->checks, g_ptr_array_unref);
  g_clear_object (&fixture->notifier);
  g_clear_object (&fixture->feed);
  g_clear_object (&fixture->health);
  g_clear_object (&fixture->alerts);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->bus);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->application);
  g_clear_pointer (&fixture->dunst, ops_test_dunst_stop);
  g_clear_pointer (&fixture->nginx, ops_test_nginx_stop);
}

static OpsCheck *
add_check (Fixture     *fixture,
           OpsCheckKind kind,
           const char  *name,
           const char  *target)
{
  g_autoptr(OpsCheck) check = ops_check_new (kind, name, target);
  g_autoptr(GError) error = NULL;

  ops_check_set_timeout_ms (check, 2000);
  ops_check_list_add (ops_health_engine_get_checks (fixture->health), check, &error);
  g_assert_no_error (error);
  g_ptr_array_add (fixture->checks, g_object_ref (check));

  return check;
}

static OpsCheck *
add_http_check (Fixture    *fixture,
                const char *name,
                const char *path)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s", fixture->port, path);

  return add_check (fixture, OPS_CHECK_KIND_HTTP, name, url);
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

/* Probes every check once, together, as the scheduler does in a round. */
static void
run_all (Fixture *fixture)
{
  g_autoptr(GPtrArray) results = NULL;

  ops_health_engine_run_checks_async (fixture->health, fixture->checks, NULL, ran_cb, &results);
  g_assert_true (ops_test_wait_until (not_null, &results, 20000));
  g_assert_cmpuint (results->len, ==, fixture->checks->len);

  /* Events reach their subscribers on the main context. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
stop_nginx (Fixture *fixture)
{
  g_clear_pointer (&fixture->nginx, ops_test_nginx_stop);
}

static void
start_nginx (Fixture *fixture)
{
  fixture->nginx = ops_test_nginx_start_on_port (locations, NULL, NULL, fixture->port);
}

static OpsAlert *
open_alert (Fixture    *fixture,
            const char *check)
{
  GListModel *open = ops_alert_engine_get_open_alerts (fixture->alerts);

  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (open, i);

      if (g_str_equal (ops_alert_get_check_name (alert), check))
        return alert;
    }

  return NULL;
}

static guint
count_printed (Fixture *fixture)
{
  g_autofree char *printed = ops_test_dunst_read_printed (fixture->dunst);
  guint            count = 0;

  for (const char *p = printed; (p = strstr (p, "summary: '")) != NULL; p++)
    count++;

  return count;
}

/* A check goes down when nginx stops and comes back when it starts; a
 * threshold rule reads a value the probe measured. */
static void
test_down_and_back (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr(OpsAlertRule) rule = ops_alert_rule_new (OPS_ALERT_RULE_THRESHOLD, "Missing page");
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlert) alert = NULL;
  g_autofree char *history = NULL;
  g_autofree char *printed = NULL;
  OpsCheck        *gone;
  const char      *allow_404[] = { "[STATUS] < 500", NULL };

  ops_alert_rule_set_conditions (rule, "status_code >= 400", NULL, &error);
  g_assert_no_error (error);
  ops_alert_db_save_rule (fixture->store, rule, &error);
  g_assert_no_error (error);
  ops_alert_engine_reload (fixture->alerts, &error);
  g_assert_no_error (error);

  add_http_check (fixture, "web", "/ok");
  gone = add_http_check (fixture, "docs", "/gone");
  ops_check_set_conditions (gone, allow_404);
  ops_check_list_update (ops_health_engine_get_checks (fixture->health), gone, &error);
  g_assert_no_error (error);

  /* Up: no alert for web; the 404 of docs is a warning from the rule. */
  run_all (fixture);
  g_assert_null (open_alert (fixture, "web"));
  g_assert_nonnull (open_alert (fixture, "docs"));
  g_assert_cmpstr (ops_alert_get_cause (open_alert (fixture, "docs")), ==,
                   "status_code is 404 (warning level: >= 400).");
  g_assert_true (ops_test_dunst_wait_printed (fixture->dunst, "summary: 'docs: warning'", 10000));

  /* nginx stops: web is down, with the error the probe saw. */
  stop_nginx (fixture);
  run_all (fixture);
  alert = g_object_ref (open_alert (fixture, "web"));
  g_assert_cmpint (ops_alert_get_state (alert), ==, OPS_ALERT_STATE_FIRING);
  g_assert_cmpint (ops_alert_get_severity (alert), ==, OPS_SEVERITY_CRITICAL);
  g_assert_true (ops_test_dunst_wait_printed (fixture->dunst, "summary: 'web: critical'", 10000));
  printed = ops_test_dunst_read_printed (fixture->dunst);
  g_assert_nonnull (strstr (printed, "refused"));

  /* nginx is back: the alert resolves and its notification goes. */
  start_nginx (fixture);
  ops_test_dunst_sync (fixture->dunst);
  run_all (fixture);
  g_assert_null (open_alert (fixture, "web"));
  g_assert_cmpint (ops_alert_get_state (alert), ==, OPS_ALERT_STATE_RESOLVED);
  g_assert_cmpstr (ops_alert_get_resolve_note (alert), ==, "The condition cleared.");
  g_free (ops_test_dunst_ctl (fixture->dunst, "close-all", NULL));
  g_assert_true (ops_test_dunst_wait_displayed (fixture->dunst, 0, 10000));
  history = ops_test_dunst_ctl (fixture->dunst, "history", NULL);
  g_assert_nonnull (strstr (history, "web: critical"));
}

/* Five services behind one host: when the host goes, one notification. */
static void
test_one_notification_per_outage (Fixture      *fixture,
                                  gconstpointer data)
{
  g_autofree char *host_target = g_strdup_printf ("127.0.0.1:%u", fixture->port);
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;
  OpsAlert        *host;

  add_check (fixture, OPS_CHECK_KIND_TCP, "host", host_target);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("web%u", i);

      add_http_check (fixture, name, "/ok");
      ops_alert_db_add_dependency (fixture->store, name, "host", &error);
      g_assert_no_error (error);
    }
  ops_alert_engine_reload (fixture->alerts, &error);
  g_assert_no_error (error);

  run_all (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (ops_alert_engine_get_open_alerts (fixture->alerts)), ==, 0);

  /* The host goes down: six checks fail in the same round. */
  stop_nginx (fixture);
  run_all (fixture);
  for (guint i = 0; i < 3; i++)
    ops_alert_engine_tick (fixture->alerts);
  g_assert_cmpuint (g_list_model_get_n_items (ops_alert_engine_get_open_alerts (fixture->alerts)), ==, 6);

  host = open_alert (fixture, "host");
  g_assert_nonnull (host);
  g_assert_cmpuint (ops_alert_get_dependents (host), ==, 5);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("web%u", i);
      OpsAlert        *web = open_alert (fixture, name);

      g_assert_cmpstr (ops_alert_get_blocked_by (web), ==, "host");
      g_assert_cmpint (ops_alert_get_notified_at (web), ==, 0);
    }

  g_assert_true (ops_test_dunst_wait_printed (fixture->dunst, "summary: 'host: critical'", 10000));
  ops_test_dunst_sync (fixture->dunst);
  g_assert_cmpuint (count_printed (fixture), ==, 1);
  printed = ops_test_dunst_read_printed (fixture->dunst);
  if (strstr (printed, "5 checks that depend on it are down too.") == NULL)
    g_error ("The host's notification does not count its dependents:\n%s", printed);

  /* It comes back: everything resolves, and still one notification. */
  start_nginx (fixture);
  run_all (fixture);
  for (guint i = 0; i < 3; i++)
    ops_alert_engine_tick (fixture->alerts);
  g_assert_cmpuint (g_list_model_get_n_items (ops_alert_engine_get_open_alerts (fixture->alerts)), ==, 0);
  ops_test_dunst_sync (fixture->dunst);
  g_assert_cmpuint (count_printed (fixture), ==, 1);
}

/* The alerts follow the checks: a renamed check keeps its rules and
 * dependencies, a paused or removed one stops alerting. */
static void
test_checks_followed (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr(OpsAlertRule) rule = ops_alert_rule_new (OPS_ALERT_RULE_DOWN, "API down");
  g_autoptr(OpsAlertRule) stored = NULL;
  g_autoptr(OpsCheck) edited = NULL;
  g_autoptr(GPtrArray) dependencies = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(OpsAlertScope) scope = { 0 };
  g_autoptr(OpsAlert) alert = NULL;
  OpsCheckList *list = ops_health_engine_get_checks (fixture->health);
  OpsCheck     *api;
  OpsCheck     *db;

  ops_alert_scope_set (&scope, OPS_ALERT_SCOPE_CHECK, "api", NULL);
  ops_alert_rule_set_scope (rule, &scope);
  ops_alert_rule_set_severity (rule, OPS_SEVERITY_WARNING);
  ops_alert_db_save_rule (fixture->store, rule, &error);
  g_assert_no_error (error);
  api = add_http_check (fixture, "api", "/ok");
  db = add_http_check (fixture, "db", "/ok");
  ops_alert_db_add_dependency (fixture->store, "api", "db", &error);
  g_assert_no_error (error);
  ops_alert_engine_reload (fixture->alerts, &error);
  g_assert_no_error (error);

  /* Renamed: the rule and the dependency name it by its new name. */
  edited = ops_check_copy (api);
  ops_check_set_name (edited, "public-api");
  ops_check_list_update (list, edited, &error);
  g_assert_no_error (error);
  stored = ops_alert_db_find_rule (fixture->store, "API down", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ops_alert_rule_get_scope (stored)->value, ==, "public-api");
  dependencies = ops_alert_db_list_dependencies (fixture->store, &error);
  g_assert_cmpuint (dependencies->len, ==, 1);
  g_assert_cmpstr (((OpsAlertDependency *)g_ptr_array_index (dependencies, 0))->check, ==,
                   "public-api");

  /* Down, then paused: its alert resolves, as it is no longer watched. */
  stop_nginx (fixture);
  run_all (fixture);
  alert = g_object_ref (open_alert (fixture, "db"));
  g_assert_nonnull (open_alert (fixture, "public-api"));
  g_clear_object (&edited);
  edited = ops_check_copy (api);
  ops_check_set_paused (edited, TRUE);
  ops_check_list_update (list, edited, &error);
  g_assert_no_error (error);
  g_assert_null (open_alert (fixture, "public-api"));

  /* Removed: the same. */
  ops_check_list_remove (list, db, &error);
  g_assert_no_error (error);
  g_assert_null (open_alert (fixture, "db"));
  g_assert_cmpint (ops_alert_get_state (alert), ==, OPS_ALERT_STATE_RESOLVED);
  g_assert_cmpstr (ops_alert_get_resolve_note (alert), ==, "The check is no longer watched.");
  start_nginx (fixture);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init_ui (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/opsdeck/alerts/health/down-and-back", test_down_and_back);
  ADD ("/opsdeck/alerts/health/one-notification-per-outage", test_one_notification_per_outage);
  ADD ("/opsdeck/alerts/health/checks-followed", test_checks_followed);
#undef ADD

  return g_test_run ();
}
