/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include "events/ops-event-bus.h"
#include "ops-test-util.h"

typedef struct
{
  OpsEventBus *bus;
  GPtrArray   *log; /* "subscriber:kind" */
} Fixture;

typedef struct
{
  Fixture    *fixture;
  const char *name;
  guint       id;
} Subscriber;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->bus = ops_event_bus_new ();
  fixture->log = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->bus);
  g_clear_pointer (&fixture->log, g_ptr_array_unref);
}

static void
log_event_cb (OpsEvent *event,
              gpointer  user_data)
{
  Subscriber *sub = user_data;

  g_ptr_array_add (sub->fixture->log,
                   g_strdup_printf ("%s:%s", sub->name, ops_event_get_kind (event)));
}

static Subscriber *
subscribe (Fixture     *fixture,
           const char  *name,
           const char  *prefix,
           OpsEventFunc func)
{
  Subscriber *sub = g_new0 (Subscriber, 1);

  sub->fixture = fixture;
  sub->name = name;
  sub->id = ops_event_bus_subscribe (fixture->bus, prefix, func, sub, g_free);

  return sub;
}

static void
publish (Fixture    *fixture,
         const char *kind)
{
  g_autoptr(OpsEvent) event = ops_event_new (kind, OPS_SEVERITY_INFO, "test", "api");

  ops_event_bus_publish (fixture->bus, event);
}

static char *
joined_log (Fixture *fixture)
{
  g_ptr_array_add (fixture->log, NULL);
  {
    char *joined = g_strjoinv (" ", (char **)fixture->log->pdata);

    g_ptr_array_remove_index (fixture->log, fixture->log->len - 1);
    return joined;
  }
}

static void
test_prefix (Fixture      *fixture,
             gconstpointer data)
{
  g_autofree char *log = NULL;

  subscribe (fixture, "all", "", log_event_cb);
  subscribe (fixture, "health", "health", log_event_cb);
  subscribe (fixture, "health.", "health.", log_event_cb);
  subscribe (fixture, "down", "health.down", log_event_cb);
  subscribe (fixture, "alert", "alert.", log_event_cb);

  publish (fixture, "health.down");
  publish (fixture, "healthy.thing");
  publish (fixture, "alert.firing");
  publish (fixture, "health.down.partial");

  log = joined_log (fixture);
  g_assert_cmpstr (log, ==,
                   "all:health.down health:health.down health.:health.down down:health.down "
                   "all:healthy.thing "
                   "all:alert.firing alert:alert.firing "
                   "all:health.down.partial health:health.down.partial "
                   "health.:health.down.partial down:health.down.partial");
}

static void
test_unsubscribe (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *log = NULL;
  Subscriber      *a = subscribe (fixture, "a", "x", log_event_cb);

  subscribe (fixture, "b", "x", log_event_cb);
  publish (fixture, "x.1");
  ops_event_bus_unsubscribe (fixture->bus, a->id);
  publish (fixture, "x.2");

  log = joined_log (fixture);
  g_assert_cmpstr (log, ==, "a:x.1 b:x.1 b:x.2");
}

static Subscriber *self_removing;

static void
unsubscribe_self_cb (OpsEvent *event,
                     gpointer  user_data)
{
  Subscriber *sub = user_data;

  log_event_cb (event, user_data);
  ops_event_bus_unsubscribe (sub->fixture->bus, sub->id);
}

static void
unsubscribe_other_cb (OpsEvent *event,
                      gpointer  user_data)
{
  Subscriber *sub = user_data;

  log_event_cb (event, user_data);
  if (self_removing != NULL)
    {
      ops_event_bus_unsubscribe (sub->fixture->bus, self_removing->id);
      self_removing = NULL;
    }
}

static void
test_unsubscribe_during_delivery (Fixture      *fixture,
                                  gconstpointer data)
{
  g_autofree char *log = NULL;

  subscribe (fixture, "once", "", unsubscribe_self_cb);
  subscribe (fixture, "remover", "", unsubscribe_other_cb);
  self_removing = subscribe (fixture, "victim", "", log_event_cb);

  publish (fixture, "e.1");
  publish (fixture, "e.2");

  /* "once" heard one event; "victim" was removed before its turn. */
  log = joined_log (fixture);
  g_assert_cmpstr (log, ==, "once:e.1 remover:e.1 remover:e.2");
}

static void
republish_cb (OpsEvent *event,
              gpointer  user_data)
{
  Subscriber *sub = user_data;

  log_event_cb (event, user_data);
  if (g_str_equal (ops_event_get_kind (event), "a.first"))
    publish (sub->fixture, "a.second");
}

static void
test_ordering (Fixture      *fixture,
               gconstpointer data)
{
  g_autofree char *log = NULL;

  /* The first subscriber publishes while the event is delivered: every
   * subscriber still sees the events in the same order. */
  subscribe (fixture, "1", "a", republish_cb);
  subscribe (fixture, "2", "a", log_event_cb);
  subscribe (fixture, "3", "a", log_event_cb);

  publish (fixture, "a.first");

  log = joined_log (fixture);
  g_assert_cmpstr (log, ==, "1:a.first 2:a.first 3:a.first 1:a.second 2:a.second 3:a.second");
}

static gpointer
publish_from_thread_worker (gpointer data)
{
  Fixture *fixture = data;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *kind = g_strdup_printf ("thread.%03u", i);

      publish (fixture, kind);
    }

  return NULL;
}

static void
test_other_thread (Fixture      *fixture,
                   gconstpointer data)
{
  GThread *thread;

  subscribe (fixture, "main", "thread", log_event_cb);

  thread = g_thread_new ("publisher", publish_from_thread_worker, fixture);
  g_thread_join (thread);

  /* Delivered on the bus's own main context, not on the publisher's
   * thread, and in order. */
  g_assert_cmpuint (fixture->log->len, ==, 0);
  while (fixture->log->len < 100)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *expected = g_strdup_printf ("main:thread.%03u", i);

      g_assert_cmpstr (g_ptr_array_index (fixture->log, i), ==, expected);
    }
}

static void
test_event_fields (void)
{
  g_autoptr(OpsEvent) event = ops_event_new ("health.down", OPS_SEVERITY_CRITICAL, "health", "api");
  g_autoptr(OpsEventBus) bus = ops_event_bus_new ();
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) names = NULL;
  OpsSeverity severity;

  ops_event_set_timestamp (event, G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC);
  ops_event_set_field_string (event, "error", "connection refused");
  ops_event_set_field_double (event, "latency_ms", 12.5);
  ops_event_set_field_int (event, "failures", 3);

  g_assert_cmpstr (ops_event_get_field_string (event, "error"), ==, "connection refused");
  g_assert_null (ops_event_get_field_string (event, "failures"));
  g_assert_null (ops_event_get_field (event, "missing"));
  names = ops_event_list_fields (event);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpstr (names[0], ==, "error");
  g_assert_cmpstr (names[2], ==, "latency_ms");

  json = ops_event_to_json (event);
  json_generator_set_root (generator, json);
  text = json_generator_to_data (generator, NULL);
  g_assert_cmpstr (text, ==,
                   "{\"kind\":\"health.down\",\"severity\":\"critical\",\"source\":\"health\","
                   "\"service\":\"api\",\"time\":\"2023-11-14T22:13:20Z\",\"fields\":{"
                   "\"error\":\"connection refused\",\"failures\":3,\"latency_ms\":12.5}}");

  g_assert_true (ops_severity_from_string ("Warning", &severity));
  g_assert_cmpint (severity, ==, OPS_SEVERITY_WARNING);
  g_assert_false (ops_severity_from_string ("bad", &severity));

  /* Published events are sealed: changing one afterwards is refused. */
  ops_event_bus_publish (bus, event);
  g_test_expect_message ("ops-event", G_LOG_LEVEL_CRITICAL, "*!self->sealed*");
  ops_event_set_field_string (event, "error", "changed");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (ops_event_get_field_string (event, "error"), ==, "connection refused");
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/opsdeck/events/prefix", test_prefix);
  ADD ("/opsdeck/events/unsubscribe", test_unsubscribe);
  ADD ("/opsdeck/events/unsubscribe-during-delivery", test_unsubscribe_during_delivery);
  ADD ("/opsdeck/events/ordering", test_ordering);
  ADD ("/opsdeck/events/other-thread", test_other_thread);
#undef ADD
  g_test_add_func ("/opsdeck/events/fields", test_event_fields);

  return g_test_run ();
}
