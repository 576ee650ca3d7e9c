/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "alerts/ops-alert-db.h"
#include "alerts/ops-alert-engine.h"
#include "ops-test-clock.h"
#include "ops-test-util.h"
#include "store/ops-settings.h"

/* The alert lifecycle, table-driven, on a fake clock: each case is a
 * script of results, waits, and what must have happened. */

typedef enum
{
  STEP_END,
  STEP_SAMPLE,  /* a result of check with a status, and maybe one value */
  STEP_WAIT,    /* move the clock */
  STEP_EVENTS,  /* the alert events published since the last EVENTS */
  STEP_STATE,   /* the check's open alert: "firing/critical", "pending/warning" or "none" */
  STEP_ACK,     /* acknowledge the check's open alert */
  STEP_RESOLVE, /* resolve it by hand */
  STEP_REOPEN,  /* close and reopen the store and the engine */
  STEP_REMEMBER,
  STEP_SAME, /* the check's open alert is the one remembered */
} StepKind;

typedef struct
{
  StepKind    kind;
  const char *check;
  const char *text;
  const char *metric;
  double      value;
  int         seconds;
} Step;

#define SAMPLE(c, status)              \
  {                                    \
    STEP_SAMPLE, c, status, NULL, 0, 0 \
  }
#define VALUE(c, metric, value)                 \
  {                                             \
    STEP_SAMPLE, c, "healthy", metric, value, 0 \
  }
#define WAIT(s)                       \
  {                                   \
    STEP_WAIT, NULL, NULL, NULL, 0, s \
  }
#define EVENTS(text)                    \
  {                                     \
    STEP_EVENTS, NULL, text, NULL, 0, 0 \
  }
#define STATE(c, text)              \
  {                                 \
    STEP_STATE, c, text, NULL, 0, 0 \
  }
#define ACK(c)                    \
  {                               \
    STEP_ACK, c, NULL, NULL, 0, 0 \
  }
#define RESOLVE(c)                    \
  {                                   \
    STEP_RESOLVE, c, NULL, NULL, 0, 0 \
  }
#define REOPEN                          \
  {                                     \
    STEP_REOPEN, NULL, NULL, NULL, 0, 0 \
  }
#define REMEMBER(c)                    \
  {                                    \
    STEP_REMEMBER, c, NULL, NULL, 0, 0 \
  }
#define SAME(c)                    \
  {                                \
    STEP_SAME, c, NULL, NULL, 0, 0 \
  }
#define END                          \
  {                                  \
    STEP_END, NULL, NULL, NULL, 0, 0 \
  }

typedef struct
{
  char           *path;
  OpsStore       *store;
  OpsEventBus    *bus;
  OpsClock       *clock;
  OpsAlertEngine *engine;
  GPtrArray      *events; /* OpsEvent */
  GHashTable     *ids;    /* check name → id */
  gint64          remembered;
} Fixture;

typedef struct
{
  const char *name;
  void (*setup) (Fixture *fixture);
  Step steps[40];
} Case;

/* Monday 2 March 2026, 10:00 UTC. */
#define START_USEC (G_GINT64_CONSTANT (1772445600) * G_USEC_PER_SEC)

static void
event_cb (OpsEvent *event,
          gpointer  user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->events, g_object_ref (event));
}

static void
open_engine (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->store = ops_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->engine = ops_alert_engine_new (fixture->store, fixture->bus, fixture->clock, &error);
  g_assert_no_error (error);
}

static void
close_engine (Fixture *fixture)
{
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->store);
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->path = ops_test_fresh_db_path ();
  fixture->bus = ops_event_bus_new ();
  fixture->clock = OPS_CLOCK (ops_test_clock_new_at (START_USEC));
  fixture->events = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ops_event_bus_subscribe (fixture->bus, "alert", event_cb, fixture, NULL);
  open_engine (fixture);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  close_engine (fixture);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->bus);
  g_clear_pointer (&fixture->events, g_ptr_array_unref);
  g_clear_pointer (&fixture->ids, g_hash_table_unref);
  g_clear_pointer (&fixture->path, g_free);
}

static gint64
check_id (Fixture    *fixture,
          const char *name)
{
  gpointer id = g_hash_table_lookup (fixture->ids, name);

  if (id == NULL)
    {
      id = GINT_TO_POINTER (g_hash_table_size (fixture->ids) + 100);
      g_hash_table_insert (fixture->ids, g_strdup (name), id);
    }

  return GPOINTER_TO_INT (id);
}

static OpsAlert *
open_alert (Fixture    *fixture,
            const char *check)
{
  GListModel *model = ops_alert_engine_get_open_alerts (fixture->engine);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (model, i);

      if (g_str_equal (ops_alert_get_check_name (alert), check))
        return alert;
    }

  return NULL;
}

static char *
take_events (Fixture *fixture)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < fixture->events->len; i++)
    {
      OpsEvent *event = g_ptr_array_index (fixture->events, i);

      g_string_append_printf (text, "%s%s:%s/%s", i > 0 ? " " : "",
                              ops_event_get_kind (event) + strlen ("alert."),
                              ops_event_get_service (event),
                              ops_severity_to_string (ops_event_get_severity (event)));
    }
  g_ptr_array_set_size (fixture->events, 0);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
observe (Fixture    *fixture,
         const Step *step)
{
  g_autoptr(OpsAlertSample) sample = NULL;
  OpsSampleStatus status;

  g_assert_true (ops_sample_status_from_string (step->text, &status));
  sample = ops_alert_sample_new (check_id (fixture, step->check), step->check,
                                 ops_clock_get_real (fixture->clock), status);
  ops_alert_sample_set_environment (sample, "production");
  if (status == OPS_SAMPLE_STATUS_DOWN)
    ops_alert_sample_set_error (sample, "connection refused");
  if (step->metric != NULL)
    ops_alert_sample_set_metric (sample, step->metric, step->value);
  ops_alert_engine_observe (fixture->engine, sample);
}

static void
run_steps (Fixture    *fixture,
           const Step *steps)
{
  for (guint i = 0; steps[i].kind != STEP_END; i++)
    {
      const Step *step = &steps[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(OpsAlert) changed = NULL;
      OpsAlert *alert;

      switch (step->kind)
        {
        case STEP_SAMPLE:
          observe (fixture, step);
          break;

        case STEP_WAIT:
          ops_test_clock_advance (OPS_TEST_CLOCK (fixture->clock), (gint64)step->seconds * G_USEC_PER_SEC);
          break;

        case STEP_EVENTS:
          {
            g_autofree char *events = take_events (fixture);

            if (!g_str_equal (events, step->text))
              g_error ("Step %u: expected events “%s”, got “%s”", i, step->text, events);
          }
          break;

        case STEP_STATE:
          alert = open_alert (fixture, step->check);
          if (g_str_equal (step->text, "none"))
            g_assert_null (alert);
          else
            {
              g_autofree char *state = NULL;

              g_assert_nonnull (alert);
              state = g_strdup_printf ("%s/%s", ops_alert_state_to_string (ops_alert_get_state (alert)),
                                       ops_severity_to_string (ops_alert_get_severity (alert)));
              if (!g_str_equal (state, step->text))
                g_error ("Step %u: expected %s to be %s, it is %s", i, step->check, step->text,
                         state);
            }
          break;

        case STEP_ACK:
          alert = open_alert (fixture, step->check);
          g_assert_nonnull (alert);
          changed = ops_alert_engine_acknowledge (fixture->engine, ops_alert_get_id (alert), "ann",
                                                  "looking", &error);
          g_assert_no_error (error);
          g_assert_cmpint (ops_alert_get_state (changed), ==, OPS_ALERT_STATE_ACKNOWLEDGED);
          break;

        case STEP_RESOLVE:
          alert = open_alert (fixture, step->check);
          g_assert_nonnull (alert);
          changed = ops_alert_engine_resolve (fixture->engine, ops_alert_get_id (alert), "ann",
                                              "fixed by hand", &error);
          g_assert_no_error (error);
          g_assert_cmpint (ops_alert_get_state (changed), ==, OPS_ALERT_STATE_RESOLVED);
          break;

        case STEP_REOPEN:
          close_engine (fixture);
          open_engine (fixture);
          break;

        case STEP_REMEMBER:
          alert = open_alert (fixture, step->check);
          g_assert_nonnull (alert);
          fixture->remembered = ops_alert_get_id (alert);
          break;

        case STEP_SAME:
          alert = open_alert (fixture, step->check);
          g_assert_nonnull (alert);
          g_assert_cmpint (ops_alert_get_id (alert), ==, fixture->remembered);
          break;

        case STEP_END:
        default:
          g_assert_not_reached ();
        }
    }
}

static void
save_rule (Fixture      *fixture,
           OpsAlertRule *rule)
{
  g_autoptr(GError) error = NULL;

  ops_alert_db_save_rule (fixture->store, rule, &error);
  g_assert_no_error (error);
  ops_alert_engine_reload (fixture->engine, &error);
  g_assert_no_error (error);
}

static void
latency_rule (Fixture *fixture)
{
  g_autoptr(OpsAlertRule) rule = ops_alert_rule_new (OPS_ALERT_RULE_THRESHOLD, "Slow");
  g_autoptr(GError) error = NULL;

  ops_alert_rule_set_conditions (rule, "avg(latency_ms) > 500", "avg(latency_ms) > 1000", &error);
  g_assert_no_error (error);
  ops_alert_rule_set_window (rule, 120);
  ops_alert_rule_set_for (rule, 60);
  save_rule (fixture, rule);
}

static void
instant_latency_rule (Fixture *fixture)
{
  g_autoptr(OpsAlertRule) rule = ops_alert_rule_new (OPS_ALERT_RULE_THRESHOLD, "Slow now");
  g_autoptr(GError) error = NULL;

  ops_alert_rule_set_conditions (rule, "latency_ms > 500", "latency_ms > 1000", &error);
  g_assert_no_error (error);
  save_rule (fixture, rule);
}

static void
absence_rule (Fixture *fixture)
{
  g_autoptr(OpsAlertRule) rule = ops_alert_rule_new (OPS_ALERT_RULE_ABSENCE, "Quiet");
  g_auto(OpsAlertScope) scope = { 0 };

  ops_alert_scope_set (&scope, OPS_ALERT_SCOPE_TAG, "stream", NULL);
  ops_alert_rule_set_scope (rule, &scope);
  ops_alert_rule_set_absence (rule, 300);
  save_rule (fixture, rule);
  ops_alert_engine_set_check (fixture->engine, check_id (fixture, "events"), "events", "production",
                              (const char *[]){ "stream", NULL });
}

/* A one-off window from 5 to 35 minutes after the start. */
static void
maintenance_window (Fixture *fixture)
{
  g_autoptr(OpsMaintenanceWindow) window = NULL;
  g_autoptr(GError) error = NULL;

  window = ops_maintenance_window_new_once ("Upgrade", START_USEC + 5 * 60 * G_USEC_PER_SEC,
                                            START_USEC + 35 * 60 * G_USEC_PER_SEC);
  ops_alert_db_save_window (fixture->store, window, &error);
  g_assert_no_error (error);
  ops_alert_engine_reload (fixture->engine, &error);
  g_assert_no_error (error);
}

static void
dependencies (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  static const char *const children[] = { "web1", "web2", "web3", "web4", "web5" };

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      ops_alert_db_add_dependency (fixture->store, children[i], "host", &error);
      g_assert_no_error (error);
    }
  ops_alert_engine_reload (fixture->engine, &error);
  g_assert_no_error (error);
}

static const Case cases[] = {
  { "down-fires-and-resolves", NULL, { SAMPLE ("api", "healthy"), EVENTS (""), STATE ("api", "none"), WAIT (30), SAMPLE ("api", "down"), EVENTS ("firing:api/critical"), STATE ("api", "firing/critical"), WAIT (30), SAMPLE ("api", "down"), EVENTS (""), WAIT (30), SAMPLE ("api", "healthy"), EVENTS ("resolved:api/critical"), STATE ("api", "none"), END } },
  { "unknown-changes-nothing", NULL, { SAMPLE ("api", "down"), EVENTS ("firing:api/critical"), SAMPLE ("api", "unknown"), EVENTS (""), STATE ("api", "firing/critical"), END } },
  { "pending-then-firing", latency_rule, { VALUE ("api", "latency_ms", 800), STATE ("api", "pending/warning"), EVENTS (""), WAIT (30), VALUE ("api", "latency_ms", 800), STATE ("api", "pending/warning"), WAIT (30), STATE ("api", "firing/warning"), EVENTS ("firing:api/warning"), END } },
  { "pending-that-clears-leaves-nothing", latency_rule, { VALUE ("api", "latency_ms", 800), STATE ("api", "pending/warning"), WAIT (30), VALUE ("api", "latency_ms", 100), STATE ("api", "none"), EVENTS (""), WAIT (120), EVENTS (""), END } },
  { "average-over-window", latency_rule, { /* 2000 once, then fast: the average over 2 min falls, then the 2000
                                            * leaves the window. */
                                           VALUE ("api", "latency_ms", 2000), STATE ("api", "pending/critical"), WAIT (30), VALUE ("api", "latency_ms", 100), STATE ("api", "pending/critical"), WAIT (15), VALUE ("api", "latency_ms", 100), STATE ("api", "pending/warning"), WAIT (15), STATE ("api", "firing/warning"), EVENTS ("firing:api/warning"), WAIT (85), VALUE ("api", "latency_ms", 100), STATE ("api", "none"), EVENTS ("resolved:api/warning"), END } },
  { "escalation-is-its-own-step", instant_latency_rule, { VALUE ("api", "latency_ms", 700), EVENTS ("firing:api/warning"), WAIT (10), VALUE ("api", "latency_ms", 1500), EVENTS ("escalated:api/critical"), STATE ("api", "firing/critical"), WAIT (10), VALUE ("api", "latency_ms", 700), EVENTS (""), STATE ("api", "firing/warning"), WAIT (10), VALUE ("api", "latency_ms", 100), EVENTS ("resolved:api/warning"), END } },
  { "cooldown-renotifies", NULL, { SAMPLE ("api", "down"), EVENTS ("firing:api/critical"), WAIT (14 * 60), SAMPLE ("api", "down"), EVENTS (""), WAIT (60), EVENTS ("firing:api/critical"), WAIT (14 * 60), EVENTS (""), WAIT (60), EVENTS ("firing:api/critical"), END } },
  { "acknowledge-stops-renotification", instant_latency_rule, { VALUE ("api", "latency_ms", 700), EVENTS ("firing:api/warning"), ACK ("api"), EVENTS ("acknowledged:api/warning"), STATE ("api", "acknowledged/warning"), WAIT (3600), EVENTS (""),
                                                                /* Escalation asks again, even though it was acknowledged. */
                                                                VALUE ("api", "latency_ms", 1500), EVENTS ("escalated:api/critical"), STATE ("api", "firing/critical"), VALUE ("api", "latency_ms", 100), EVENTS ("resolved:api/critical"), END } },
  { "resolve-by-hand", NULL, { SAMPLE ("api", "down"), EVENTS ("firing:api/critical"), REMEMBER ("api"), RESOLVE ("api"), EVENTS ("resolved:api/critical"), STATE ("api", "none"),
                               /* Still down: the next result opens a new alert. */
                               WAIT (30), SAMPLE ("api", "down"), EVENTS ("firing:api/critical"), END } },
  { "flapping-is-notified-once", NULL, { SAMPLE ("api", "down"), EVENTS ("firing:api/critical"), WAIT (60), SAMPLE ("api", "healthy"), EVENTS ("resolved:api/critical"), WAIT (60), SAMPLE ("api", "down"), EVENTS ("firing:api/critical"), WAIT (60), SAMPLE ("api", "healthy"), EVENTS ("resolved:api/critical"), WAIT (60), SAMPLE ("api", "down"), EVENTS ("firing:api/critical"),
                                         /* The sixth change in 15 minutes: flapping, said once. */
                                         WAIT (60), SAMPLE ("api", "healthy"), EVENTS ("resolved:api/critical flapping:api/critical"), WAIT (60), SAMPLE ("api", "down"), EVENTS (""), STATE ("api", "firing/critical"), WAIT (60), SAMPLE ("api", "healthy"), EVENTS (""), WAIT (60), SAMPLE ("api", "down"), EVENTS (""),
                                         /* Calm for 15 minutes: flapping ends, and the still-firing alert is notified. */
                                         WAIT (15 * 60), SAMPLE ("api", "down"), EVENTS ("firing:api/critical"), END } },
  { "absence", absence_rule, { WAIT (299), EVENTS (""), WAIT (1), EVENTS ("firing:events/warning"), STATE ("events", "firing/warning"), SAMPLE ("events", "healthy"), EVENTS ("resolved:events/warning"), STATE ("events", "none"), WAIT (200), SAMPLE ("events", "healthy"), WAIT (299), EVENTS (""), WAIT (1), EVENTS ("firing:events/warning"), END } },
  { "maintenance-records-without-notifying", maintenance_window, { WAIT (6 * 60), SAMPLE ("api", "down"), EVENTS (""), STATE ("api", "firing/critical"), WAIT (20 * 60), SAMPLE ("api", "down"), EVENTS (""),
                                                                   /* The window ends at +35 min with the check still down. */
                                                                   WAIT (10 * 60), EVENTS ("firing:api/critical"), END } },
  { "maintenance-over-before-it-ends", maintenance_window, { WAIT (6 * 60), SAMPLE ("api", "down"), WAIT (60), SAMPLE ("api", "healthy"), EVENTS (""), WAIT (3600), EVENTS (""), END } },
  { "restart-keeps-the-alert", NULL, { SAMPLE ("api", "down"), EVENTS ("firing:api/critical"), REMEMBER ("api"), REOPEN, SAME ("api"), STATE ("api", "firing/critical"), EVENTS (""), WAIT (60), SAMPLE ("api", "down"), SAME ("api"), EVENTS (""),
                                       /* The cooldown counts from the notification before the restart. */
                                       WAIT (14 * 60), EVENTS ("firing:api/critical"), SAMPLE ("api", "healthy"), EVENTS ("resolved:api/critical"), END } },
  { "restart-keeps-pending", latency_rule, { VALUE ("api", "latency_ms", 800), REMEMBER ("api"), REOPEN, SAME ("api"), STATE ("api", "pending/warning"), WAIT (60), VALUE ("api", "latency_ms", 800), SAME ("api"), STATE ("api", "firing/warning"), EVENTS ("firing:api/warning"), END } },
  { "one-notification-per-outage", dependencies, { SAMPLE ("host", "healthy"), SAMPLE ("web1", "healthy"), SAMPLE ("web2", "healthy"), SAMPLE ("web3", "healthy"), SAMPLE ("web4", "healthy"), SAMPLE ("web5", "healthy"),
                                                   /* The dependents notice first; the host check a few seconds later. */
                                                   WAIT (30), SAMPLE ("web1", "down"), SAMPLE ("web2", "down"), SAMPLE ("web3", "down"), WAIT (2), SAMPLE ("host", "down"), SAMPLE ("web4", "down"), SAMPLE ("web5", "down"), EVENTS ("firing:host/critical"), WAIT (120), EVENTS (""), STATE ("web1", "firing/critical"), STATE ("web5", "firing/critical"),
                                                   /* The host comes back first; the dependents' own results follow. */
                                                   WAIT (30), SAMPLE ("host", "healthy"), EVENTS ("resolved:host/critical"), WAIT (5), SAMPLE ("web1", "healthy"), SAMPLE ("web2", "healthy"), SAMPLE ("web3", "healthy"), SAMPLE ("web4", "healthy"), SAMPLE ("web5", "healthy"), EVENTS (""), WAIT (600), EVENTS (""), END } },
  { "dependent-down-on-its-own", dependencies, { SAMPLE ("host", "healthy"), WAIT (10), SAMPLE ("web1", "down"), EVENTS (""), WAIT (10), SAMPLE ("host", "healthy"), EVENTS ("firing:web1/critical"), END } },
  { "parent-never-reports", dependencies, { SAMPLE ("web1", "healthy"), WAIT (10), SAMPLE ("host", "healthy"), WAIT (10), SAMPLE ("web1", "down"), EVENTS (""), WAIT (59), EVENTS (""), WAIT (1), EVENTS ("firing:web1/critical"), END } },
};

static void
test_case (Fixture      *fixture,
           gconstpointer data)
{
  const Case *c = data;

  if (c->setup != NULL)
    c->setup (fixture);

  run_steps (fixture, c->steps);
}

/* The parent's alert counts the dependents it took down; theirs name it. */
static void
test_blocked_by (Fixture      *fixture,
                 gconstpointer data)
{
  /* The host notices first; it waits for its dependents' results, so
   * that its notification counts them. */
  static const Step steps[] = {
    SAMPLE ("host", "healthy"), SAMPLE ("web1", "healthy"), SAMPLE ("web2", "healthy"),
    SAMPLE ("web3", "healthy"), SAMPLE ("web4", "healthy"), SAMPLE ("web5", "healthy"),
    WAIT (30), SAMPLE ("host", "down"), EVENTS (""),
    WAIT (1), SAMPLE ("web1", "down"), SAMPLE ("web2", "down"), SAMPLE ("web3", "down"),
    SAMPLE ("web4", "down"), EVENTS (""), SAMPLE ("web5", "down"), END
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlert) stored = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  OpsAlert *host;
  OpsAlert *web;
  gboolean  blocked = FALSE;

  dependencies (fixture);
  run_steps (fixture, steps);

  g_assert_cmpuint (fixture->events->len, ==, 1);
  g_assert_cmpstr (ops_event_get_kind (g_ptr_array_index (fixture->events, 0)), ==, "alert.firing");
  g_assert_cmpint (g_variant_get_int64 (ops_event_get_field (g_ptr_array_index (fixture->events, 0),
                                                             "dependents")),
                   ==, 5);

  host = open_alert (fixture, "host");
  g_assert_cmpuint (ops_alert_get_dependents (host), ==, 5);
  g_assert_null (ops_alert_get_blocked_by (host));

  web = open_alert (fixture, "web3");
  g_assert_cmpstr (ops_alert_get_blocked_by (web), ==, "host");
  g_assert_cmpint (ops_alert_get_notified_at (web), ==, 0);

  stored = ops_alert_db_get_alert (fixture->store, ops_alert_get_id (host), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ops_alert_get_dependents (stored), ==, 5);

  timeline = ops_alert_db_list_transitions (fixture->store, ops_alert_get_id (web), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < timeline->len; i++)
    {
      OpsAlertTransition *t = g_ptr_array_index (timeline, i);

      g_assert_cmpstr (t->kind, !=, "notified");
      blocked |= g_str_equal (t->kind, "blocked");
    }
  g_assert_true (blocked);
}

/* The snapshot keeps the values that fired the alert, the timeline every
 * step, and the event the cause and the value. */
static void
test_snapshot_and_timeline (Fixture      *fixture,
                            gconstpointer data)
{
  static const Step steps[] = {
    VALUE ("api", "latency_ms", 1500), EVENTS ("firing:api/critical"), END
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(OpsAlertSample) sample = NULL;
  g_autoptr(OpsAlert) alert = NULL;
  JsonObject *values;
  OpsEvent   *event;
  double      value = 0;
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();

  instant_latency_rule (fixture);
  g_ptr_array_set_size (fixture->events, 0);
  observe (fixture, &steps[0]);
  g_assert_cmpuint (fixture->events->len, ==, 1);
  event = g_ptr_array_index (fixture->events, 0);
  g_assert_cmpstr (ops_event_get_field_string (event, "cause"), ==,
                   "latency_ms is 1500 (critical level: > 1000).");
  g_assert_cmpfloat (g_variant_get_double (ops_event_get_field (event, "value")), ==, 1500);
  g_assert_cmpstr (ops_event_get_field_string (event, "rule"), ==, "Slow now");

  alert = g_object_ref (open_alert (fixture, "api"));
  g_assert_true (ops_alert_get_value (alert, &value));
  g_assert_cmpfloat (value, ==, 1500);
  snapshot = ops_alert_dup_snapshot (alert);
  values = json_object_get_object_member (
      json_object_get_object_member (json_node_get_object (snapshot), "sample"), "values");
  g_assert_cmpfloat (json_object_get_double_member (values, "latency_ms"), ==, 1500);

  ops_test_clock_advance (OPS_TEST_CLOCK (fixture->clock), 60 * G_USEC_PER_SEC);
  sample = ops_alert_sample_new (check_id (fixture, "api"), "api",
                                 ops_clock_get_real (fixture->clock), OPS_SAMPLE_STATUS_HEALTHY);
  ops_alert_sample_set_metric (sample, "latency_ms", 20);
  ops_alert_engine_observe (fixture->engine, sample);

  timeline = ops_alert_db_list_transitions (fixture->store, ops_alert_get_id (alert), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < timeline->len; i++)
    g_ptr_array_add (kinds, ((OpsAlertTransition *)g_ptr_array_index (timeline, i))->kind);
  g_ptr_array_add (kinds, NULL);
  {
    g_autofree char *joined = g_strjoinv (",", (char **)kinds->pdata);

    g_assert_cmpstr (joined, ==, "firing,notified,resolved");
  }
}

/* Acknowledging or resolving what cannot be is refused in words. */
static void
test_refusals (Fixture      *fixture,
               gconstpointer data)
{
  static const Step steps[] = { SAMPLE ("api", "down"), ACK ("api"), END };
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlert) result = NULL;
  gint64 id;

  run_steps (fixture, steps);
  id = ops_alert_get_id (open_alert (fixture, "api"));

  result = ops_alert_engine_acknowledge (fixture->engine, id, "bob", NULL, &error);
  g_assert_null (result);
  g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "already acknowledged by ann"));
  g_clear_error (&error);

  result = ops_alert_engine_acknowledge (fixture->engine, 999999, "bob", NULL, &error);
  g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no alert 999999.");
  g_clear_error (&error);

  result = ops_alert_engine_resolve (fixture->engine, id, "bob", "done", &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  result = ops_alert_engine_resolve (fixture->engine, id, "bob", "again", &error);
  g_assert_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "it was resolved at"));
}

/* opsdeckctl acknowledges in the database; the running engine hears of it
 * within a tick and says so on the bus. */
static void
test_external_acknowledgement (Fixture      *fixture,
                               gconstpointer data)
{
  static const Step steps[] = { SAMPLE ("api", "down"), EVENTS ("firing:api/critical"), END };
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsStore) other = NULL;
  g_autoptr(OpsAlert) acked = NULL;
  g_autoptr(OpsAlertRule) rule = NULL;
  gint64 id;

  run_steps (fixture, steps);
  id = ops_alert_get_id (open_alert (fixture, "api"));

  other = ops_store_open (fixture->path, &error);
  g_assert_no_error (error);
  acked = ops_alert_db_acknowledge (other, id, "carol", "on it", g_get_real_time (), &error);
  g_assert_no_error (error);

  ops_test_clock_advance (OPS_TEST_CLOCK (fixture->clock), 1 * G_USEC_PER_SEC);
  {
    g_autofree char *events = take_events (fixture);

    g_assert_cmpstr (events, ==, "acknowledged:api/critical");
  }
  g_assert_cmpstr (ops_alert_get_acknowledged_by (open_alert (fixture, "api")), ==, "carol");

  /* A rule disabled elsewhere resolves its alerts here. */
  rule = ops_alert_db_find_rule (other, "Check down", &error);
  g_assert_no_error (error);
  ops_alert_rule_set_enabled (rule, FALSE);
  ops_alert_db_save_rule (other, rule, &error);
  g_assert_no_error (error);
  ops_test_clock_advance (OPS_TEST_CLOCK (fixture->clock), 1 * G_USEC_PER_SEC);
  g_assert_null (open_alert (fixture, "api"));
  {
    g_autofree char *events = take_events (fixture);

    g_assert_cmpstr (events, ==, "resolved:api/critical");
  }
}

static void
test_stats (Fixture      *fixture,
            gconstpointer data)
{
  /* Two alerts: acknowledged after 2 and 4 minutes, resolved after 10 and 20. */
  static const Step steps[] = {
    SAMPLE ("a", "down"), WAIT (120), ACK ("a"), WAIT (480), SAMPLE ("a", "healthy"),
    SAMPLE ("b", "down"), WAIT (240), ACK ("b"), WAIT (960), SAMPLE ("b", "healthy"),
    SAMPLE ("c", "down"), END
  };
  g_autoptr(GError) error = NULL;
  OpsAlertStats stats;
  gint64        t;

  run_steps (fixture, steps);
  t = ops_clock_get_real (fixture->clock);

  ops_alert_db_query_stats (fixture->store, t - (gint64)7 * 86400 * G_USEC_PER_SEC, t + 1, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.fired, ==, 3);
  g_assert_cmpuint (stats.acknowledged, ==, 2);
  g_assert_cmpuint (stats.resolved, ==, 2);
  g_assert_cmpfloat_with_epsilon (stats.mtta_seconds, 180, 0.01);
  g_assert_cmpfloat_with_epsilon (stats.mttr_seconds, 900, 0.01);
  g_assert_cmpfloat_with_epsilon (stats.per_day, 3.0 / 7, 0.001);

  ops_alert_db_query_stats (fixture->store, t + 1, t + (gint64)86400 * G_USEC_PER_SEC, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.fired, ==, 0);
  g_assert_cmpfloat (stats.mtta_seconds, ==, -1);
  g_assert_cmpfloat (stats.mttr_seconds, ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/opsdeck/alerts/lifecycle/%s", cases[i].name);

      g_test_add (path, Fixture, &cases[i], fixture_set_up, test_case, fixture_tear_down);
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/opsdeck/alerts/dependencies/blocked-by", test_blocked_by);
  ADD ("/opsdeck/alerts/lifecycle/snapshot-and-timeline", test_snapshot_and_timeline);
  ADD ("/opsdeck/alerts/lifecycle/refusals", test_refusals);
  ADD ("/opsdeck/alerts/lifecycle/external-acknowledgement", test_external_acknowledgement);
  ADD ("/opsdeck/alerts/stats/mtta-mttr-per-day", test_stats);
#undef ADD

  return g_test_run ();
}
