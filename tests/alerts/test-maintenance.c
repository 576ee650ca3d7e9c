/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "alerts/ops-alert-db.h"
#include "alerts/ops-alert-engine.h"
#include "alerts/ops-maintenance-window.h"
#include "ops-test-clock.h"
#include "ops-test-util.h"

/* Maintenance windows: one-off and weekly, in a time zone, across the
 * daylight-saving changes of 2026 (Europe: 29 March and 25 October;
 * United States: 8 March). */

static gint64
utc (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static OpsMaintenanceWindow *
weekly (const char *days,
        const char *at,
        const char *duration,
        const char *zone)
{
  g_autoptr(GError) error = NULL;
  OpsMaintenanceWindow *window;
  guint                 mask = 0;
  guint                 minute = 0;
  gint64                seconds = 0;

  g_assert_true (ops_maintenance_parse_days (days, &mask, &error));
  g_assert_true (ops_maintenance_parse_time_of_day (at, &minute, &error));
  g_assert_true (ops_alert_parse_duration (duration, &seconds, &error));
  g_assert_no_error (error);

  window = ops_maintenance_window_new_weekly ("w", mask, minute, seconds, zone);
  g_assert_true (ops_maintenance_window_validate (window, &error));
  g_assert_no_error (error);

  return window;
}

typedef struct
{
  const char *days;
  const char *at;
  const char *duration;
  const char *zone;
  const char *time; /* UTC */
  gboolean    active;
} ActiveCase;

static void
test_weekly_active (void)
{
  static const ActiveCase cases[] = {
    /* 09:00 in Berlin is 08:00 UTC in winter… */
    { "mon", "09:00", "1h", "Europe/Berlin", "2026-03-23T07:59:00Z", FALSE },
    { "mon", "09:00", "1h", "Europe/Berlin", "2026-03-23T08:00:00Z", TRUE },
    { "mon", "09:00", "1h", "Europe/Berlin", "2026-03-23T08:59:59Z", TRUE },
    { "mon", "09:00", "1h", "Europe/Berlin", "2026-03-23T09:00:00Z", FALSE },
    /* …and 07:00 UTC the week after the clocks went forward. */
    { "mon", "09:00", "1h", "Europe/Berlin", "2026-03-30T06:59:00Z", FALSE },
    { "mon", "09:00", "1h", "Europe/Berlin", "2026-03-30T07:00:00Z", TRUE },
    { "mon", "09:00", "1h", "Europe/Berlin", "2026-03-30T07:59:00Z", TRUE },
    { "mon", "09:00", "1h", "Europe/Berlin", "2026-03-30T08:30:00Z", FALSE },
    /* Back to 08:00 UTC after 25 October. */
    { "mon", "09:00", "1h", "Europe/Berlin", "2026-10-26T07:30:00Z", FALSE },
    { "mon", "09:00", "1h", "Europe/Berlin", "2026-10-26T08:30:00Z", TRUE },
    /* 02:30 does not exist on 29 March in Berlin: the window starts when
     * the clocks jump to 03:00 (01:00 UTC) and lasts its hour. */
    { "sun", "02:30", "1h", "Europe/Berlin", "2026-03-29T00:45:00Z", FALSE },
    { "sun", "02:30", "1h", "Europe/Berlin", "2026-03-29T01:00:00Z", TRUE },
    { "sun", "02:30", "1h", "Europe/Berlin", "2026-03-29T01:59:00Z", TRUE },
    { "sun", "02:30", "1h", "Europe/Berlin", "2026-03-29T02:00:00Z", FALSE },
    /* 02:30 happens twice on 25 October: the window starts the first
     * time (00:30 UTC, summer time). */
    { "sun", "02:30", "1h", "Europe/Berlin", "2026-10-25T00:29:00Z", FALSE },
    { "sun", "02:30", "1h", "Europe/Berlin", "2026-10-25T00:30:00Z", TRUE },
    { "sun", "02:30", "1h", "Europe/Berlin", "2026-10-25T01:29:00Z", TRUE },
    { "sun", "02:30", "1h", "Europe/Berlin", "2026-10-25T01:30:00Z", FALSE },
    /* New York: 01:00 local is 06:00 UTC before 8 March, 05:00 after. */
    { "daily", "01:00", "30m", "America/New_York", "2026-03-07T06:10:00Z", TRUE },
    { "daily", "01:00", "30m", "America/New_York", "2026-03-09T05:10:00Z", TRUE },
    { "daily", "01:00", "30m", "America/New_York", "2026-03-09T06:10:00Z", FALSE },
    /* Across midnight, and on the right days only. */
    { "fri", "23:00", "3h", "UTC", "2026-03-07T01:30:00Z", TRUE },
    { "fri", "23:00", "3h", "UTC", "2026-03-08T01:30:00Z", FALSE },
    { "sat,sun", "00:00", "1d", "Europe/Paris", "2026-03-07T12:00:00Z", TRUE },
    { "weekend", "00:00", "1d", "Europe/Paris", "2026-03-09T12:00:00Z", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ActiveCase *c = &cases[i];
      g_autoptr(OpsMaintenanceWindow) window = weekly (c->days, c->at, c->duration, c->zone);

      if (ops_maintenance_window_is_active (window, utc (c->time)) != c->active)
        g_error ("Case %u: %s %s for %s (%s) at %s should %sbe active", i, c->days, c->at,
                 c->duration, c->zone, c->time, c->active ? "" : "not ");
    }
}

static void
test_next_occurrence (void)
{
  g_autoptr(OpsMaintenanceWindow) window = weekly ("sat", "02:00", "2h", "Europe/Berlin");
  gint64 start;
  gint64 end;

  /* From a Monday, the next one is on Saturday. */
  g_assert_true (ops_maintenance_window_find_occurrence (window, utc ("2026-03-23T12:00:00Z"),
                                                         &start, &end));
  g_assert_cmpint (start, ==, utc ("2026-03-28T01:00:00Z"));
  g_assert_cmpint (end, ==, utc ("2026-03-28T03:00:00Z"));

  /* During it, it is the current one. */
  g_assert_true (ops_maintenance_window_find_occurrence (window, utc ("2026-03-28T02:00:00Z"),
                                                         &start, &end));
  g_assert_cmpint (start, ==, utc ("2026-03-28T01:00:00Z"));

  /* The one after the clocks changed starts an hour earlier in UTC. */
  g_assert_true (ops_maintenance_window_find_occurrence (window, utc ("2026-03-28T04:00:00Z"),
                                                         &start, &end));
  g_assert_cmpint (start, ==, utc ("2026-04-04T00:00:00Z"));
}

static void
test_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsMaintenanceWindow) window = NULL;
  gint64 start;
  gint64 end;

  g_assert_true (ops_maintenance_parse_local_time ("2026-03-29 01:00", "Europe/Berlin", &start, &error));
  g_assert_true (ops_maintenance_parse_local_time ("2026-03-29 04:00", "Europe/Berlin", &end, &error));
  g_assert_no_error (error);
  g_assert_cmpint (start, ==, utc ("2026-03-29T00:00:00Z"));
  /* Three hours on the wall clock, two in real time: the clocks jumped. */
  g_assert_cmpint (end, ==, utc ("2026-03-29T02:00:00Z"));

  window = ops_maintenance_window_new_once ("Upgrade", start, end);
  g_assert_true (ops_maintenance_window_validate (window, &error));
  g_assert_false (ops_maintenance_window_is_active (window, start - 1));
  g_assert_true (ops_maintenance_window_is_active (window, start));
  g_assert_false (ops_maintenance_window_is_active (window, end));
  g_assert_false (ops_maintenance_window_find_occurrence (window, end, &start, &end));
}

typedef struct
{
  const char *json;
  const char *message;
} BadCase;

static void
test_rejected (void)
{
  static const BadCase cases[] = {
    { "{\"name\": \"w\", \"kind\": \"weekly\", \"days\": [\"funday\"], \"at\": \"02:00\", "
      "\"duration\": \"1h\", \"time_zone\": \"UTC\"}",
      "The maintenance window “w”: “days”: “funday” is not a day: use mon, tue, wed, thu, fri, "
      "sat, sun, weekdays, weekend or daily." },
    { "{\"name\": \"w\", \"kind\": \"weekly\", \"days\": [\"mon\"], \"at\": \"25:00\", "
      "\"duration\": \"1h\", \"time_zone\": \"UTC\"}",
      "The maintenance window “w”: “at”: “25:00” is not a time of day: write it as HH:MM, from "
      "00:00 to 23:59." },
    { "{\"name\": \"w\", \"kind\": \"weekly\", \"days\": [\"mon\"], \"at\": \"9:5\", "
      "\"duration\": \"1h\", \"time_zone\": \"UTC\"}",
      "The maintenance window “w”: “at”: “9:5” is not a time of day: write it as HH:MM, from "
      "00:00 to 23:59." },
    { "{\"name\": \"w\", \"kind\": \"weekly\", \"days\": [\"mon\"], \"at\": \"02:00\", "
      "\"duration\": \"1h\", \"time_zone\": \"Mars/Olympus\"}",
      "The maintenance window “w”: “Mars/Olympus” is not a time zone: use a name such as "
      "Europe/Berlin, America/New_York or UTC." },
    { "{\"name\": \"w\", \"kind\": \"weekly\", \"days\": [\"mon\"], \"at\": \"02:00\", "
      "\"duration\": \"8d\", \"time_zone\": \"UTC\"}",
      "The maintenance window “w”: a weekly window lasts from 1 minute to 7 days." },
    { "{\"name\": \"w\", \"kind\": \"weekly\", \"days\": [\"mon\"], \"at\": \"02:00\", "
      "\"time_zone\": \"UTC\"}",
      "The maintenance window “w” needs “duration”." },
    { "{\"name\": \"w\", \"kind\": \"once\", \"start\": \"2026-03-29 04:00\", "
      "\"end\": \"2026-03-29 03:00\", \"time_zone\": \"UTC\"}",
      "The maintenance window “w”: it must end after it starts." },
    { "{\"name\": \"w\", \"kind\": \"once\", \"start\": \"tomorrow\", "
      "\"end\": \"2026-03-29 03:00\"}",
      "The maintenance window “w”: “start”: “tomorrow” is not a date and time: write it as "
      "YYYY-MM-DD HH:MM, such as 2026-03-29 01:00." },
    { "{\"name\": \"w\", \"kind\": \"sometimes\"}",
      "The maintenance window “w”: its kind must be “once” or “weekly”." },
    { "{\"name\": \"\", \"kind\": \"once\"}", "A maintenance window needs a name." },
    { "{\"name\": \"w\", \"kind\": \"once\", \"start\": \"2026-03-29 01:00\", "
      "\"end\": \"2026-03-29 03:00\", \"scope\": {\"planet\": \"mars\"}}",
      "The maintenance window “w”: the scope must be {} for every check, or one of {\"check\": "
      "NAME}, {\"tag\": TAG} and {\"environment\": ENVIRONMENT}." },
    { "{\"name\": \"w\", \"kind\": \"once\", \"start\": \"2026-03-29 01:00\", "
      "\"end\": \"2026-03-29 03:00\", \"scope\": {\"environment\": \"moon\"}}",
      "The maintenance window “w”: “moon” is not an environment: use production, staging or "
      "development." },
    { "{\"name\": \"w\", \"kind\": \"once\", \"start\": \"2026-03-29 01:00\", "
      "\"end\": \"2026-03-29 03:00\", \"colour\": \"red\"}",
      "The maintenance window “w”: “colour” is not a member of a window." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, &error);
      g_autoptr(OpsMaintenanceWindow) window = NULL;

      g_assert_no_error (error);
      window = ops_maintenance_window_new_from_json (node, &error);
      g_assert_null (window);
      g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID);
      if (!g_str_equal (error->message, cases[i].message))
        g_error ("Case %u: expected “%s”, got “%s”", i, cases[i].message, error->message);
    }
}

static void
test_json_round_trip (void)
{
  static const char *const documents[] = {
    "{\"name\":\"Weekend\",\"kind\":\"weekly\",\"scope\":{\"tag\":\"db\"},\"days\":[\"sat\",\"sun\"],"
    "\"at\":\"02:00\",\"duration\":\"2h30m\",\"time_zone\":\"Europe/Berlin\"}",
    "{\"name\":\"Upgrade\",\"kind\":\"once\",\"scope\":{},\"start\":\"2026-03-29T01:00:00+01:00\","
    "\"end\":\"2026-03-29T04:00:00+02:00\",\"time_zone\":\"Europe/Berlin\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_from_string (documents[i], &error);
      g_autoptr(OpsMaintenanceWindow) window = ops_maintenance_window_new_from_json (node, &error);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) again = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      ops_maintenance_window_to_json (window, builder);
      again = json_builder_get_root (builder);
      text = json_to_string (again, FALSE);
      g_assert_cmpstr (text, ==, documents[i]);
    }
}

static void
keep_event_cb (OpsEvent *event,
               gpointer  user_data)
{
  g_ptr_array_add (user_data, g_object_ref (event));
}

/* The engine follows a weekly window across the change to summer time:
 * Mondays 09:00–10:00 in Berlin. */
static void
test_engine_across_dst (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ops_test_fresh_db_path ();
  g_autoptr(OpsStore) store = ops_store_open (path, &error);
  g_autoptr(OpsEventBus) bus = ops_event_bus_new ();
  g_autoptr(OpsClock) clock = OPS_CLOCK (ops_test_clock_new_at (utc ("2026-03-23T07:10:00Z")));
  g_autoptr(OpsAlertEngine) engine = NULL;
  g_autoptr(OpsMaintenanceWindow) window = weekly ("mon", "09:00", "1h", "Europe/Berlin");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  static const struct
  {
    const char *time;
    const char *check;
    gboolean    notified;
  } steps[] = {
    /* 08:10 in Berlin, before the window: notified. */
    { "2026-03-23T07:10:00Z", "a", TRUE },
    /* 09:10 in Berlin (08:10 UTC): in maintenance. */
    { "2026-03-23T08:10:00Z", "b", FALSE },
    /* A week later, summer time: 09:10 in Berlin is 07:10 UTC. */
    { "2026-03-30T07:10:00Z", "c", FALSE },
    /* 10:10 in Berlin: the window is over; c is notified now, and d too. */
    { "2026-03-30T08:10:00Z", "d", TRUE },
  };

  g_assert_no_error (error);
  ops_alert_db_save_window (store, window, &error);
  g_assert_no_error (error);
  engine = ops_alert_engine_new (store, bus, clock, &error);
  g_assert_no_error (error);
  ops_event_bus_subscribe (bus, "alert.firing", keep_event_cb, events, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(OpsAlertSample) sample = NULL;
      gboolean heard = FALSE;

      /* A week passes between the second and third steps: start the engine
       * again rather than tick through it. */
      if (i == 2)
        {
          g_clear_object (&engine);
          g_clear_object (&clock);
          clock = OPS_CLOCK (ops_test_clock_new_at (utc (steps[i].time)));
          engine = ops_alert_engine_new (store, bus, clock, &error);
          g_assert_no_error (error);
        }
      ops_test_clock_set_real (OPS_TEST_CLOCK (clock), utc (steps[i].time));
      sample = ops_alert_sample_new (i + 1, steps[i].check, ops_clock_get_real (clock),
                                     OPS_SAMPLE_STATUS_DOWN);
      ops_alert_engine_observe (engine, sample);

      for (guint e = 0; e < events->len; e++)
        heard |= g_str_equal (ops_event_get_service (g_ptr_array_index (events, e)), steps[i].check);
      g_assert_cmpint (heard, ==, steps[i].notified);
      g_assert_cmpstr (ops_alert_engine_get_maintenance (engine, steps[i].check), ==,
                       steps[i].notified ? NULL : "w");
    }

  /* c was held back while the window lasted, and notified when it ended. */
  {
    gboolean c_heard = FALSE;

    for (guint e = 0; e < events->len; e++)
      c_heard |= g_str_equal (ops_event_get_service (g_ptr_array_index (events, e)), "c");
    g_assert_true (c_heard);
  }
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/alerts/maintenance/weekly-across-dst", test_weekly_active);
  g_test_add_func ("/opsdeck/alerts/maintenance/next-occurrence", test_next_occurrence);
  g_test_add_func ("/opsdeck/alerts/maintenance/once", test_once);
  g_test_add_func ("/opsdeck/alerts/maintenance/rejected", test_rejected);
  g_test_add_func ("/opsdeck/alerts/maintenance/json-round-trip", test_json_round_trip);
  g_test_add_func ("/opsdeck/alerts/maintenance/engine-across-dst", test_engine_across_dst);

  return g_test_run ();
}
