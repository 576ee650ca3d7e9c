/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-loadtest"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-load-engine.h"
#include "ops-load-error.h"
#include "ops-load-run.h"

/* How often the run looks for seconds the workers have finished. */
#define COLLECT_INTERVAL_MS 100

struct _OpsLoadRun
{
  GObject parent_instance;

  /* Owned */
  OpsLoadScenario *scenario;
  OpsEventBus     *bus;
  OpsLoadEngine   *engine;
  OpsLoadResult   *result;
  OpsLoadCounters *running_totals; /* of the seconds reported so far */
  GSource         *collect_source;
  gulong           cancelled_id;
  GCancellable    *cancellable;

  guint    next_second;
  gboolean running;
  gboolean stop_requested;
  gboolean aborted;
};

G_DEFINE_FINAL_TYPE (OpsLoadRun, ops_load_run, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SCENARIO,
  PROP_RUNNING,
  N_PROPS
};

enum
{
  SNAPSHOT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
ops_load_run_dispose (GObject *object)
{
  OpsLoadRun *self = OPS_LOAD_RUN (object);

  if (self->collect_source != NULL)
    {
      g_source_destroy (self->collect_source);
      g_clear_pointer (&self->collect_source, g_source_unref);
    }
  if (self->engine != NULL)
    ops_load_engine_stop (self->engine);

  G_OBJECT_CLASS (ops_load_run_parent_class)->dispose (object);
}

static void
ops_load_run_finalize (GObject *object)
{
  OpsLoadRun *self = OPS_LOAD_RUN (object);

  /* The engine is freed by the task that ran it. */
  g_clear_pointer (&self->scenario, ops_load_scenario_unref);
  g_clear_pointer (&self->result, ops_load_result_unref);
  g_clear_object (&self->bus);
  g_free (self->running_totals);

  G_OBJECT_CLASS (ops_load_run_parent_class)->finalize (object);
}

static void
ops_load_run_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OpsLoadRun *self = OPS_LOAD_RUN (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_boxed (value, self->scenario);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_load_run_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OpsLoadRun *self = OPS_LOAD_RUN (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      self->scenario = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_load_run_class_init (OpsLoadRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ops_load_run_dispose;
  object_class->finalize = ops_load_run_finalize;
  object_class->get_property = ops_load_run_get_property;
  object_class->set_property = ops_load_run_set_property;

  properties[PROP_SCENARIO] =
      g_param_spec_boxed ("scenario", NULL, NULL, OPS_TYPE_LOAD_SCENARIO,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
      g_param_spec_boolean ("running", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OpsLoadRun::snapshot:
   * @self: the run
   * @snapshot: one second of the run
   *
   * Emitted once per second of the run, in order, on the main context of
   * the thread that started it.
   */
  signals[SNAPSHOT] =
      g_signal_new ("snapshot", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, OPS_TYPE_LOAD_SNAPSHOT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
ops_load_run_init (OpsLoadRun *self)
{
}

/**
 * ops_load_run_new:
 * @scenario: what to run
 * @bus: (nullable): where to publish `loadtest.finished` and
 *   `loadtest.thresholds_failed`
 *
 * Returns: (transfer full): a run, not started
 */
OpsLoadRun *
ops_load_run_new (OpsLoadScenario *scenario,
                  OpsEventBus     *bus)
{
  OpsLoadRun *self;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (bus == NULL || OPS_IS_EVENT_BUS (bus), NULL);

  self = g_object_new (OPS_TYPE_LOAD_RUN, "scenario", scenario, NULL);
  self->bus = bus != NULL ? g_object_ref (bus) : NULL;
  return self;
}

OpsLoadScenario *
ops_load_run_get_scenario (OpsLoadRun *self)
{
  g_return_val_if_fail (OPS_IS_LOAD_RUN (self), NULL);

  return self->scenario;
}

gboolean
ops_load_run_get_running (OpsLoadRun *self)
{
  g_return_val_if_fail (OPS_IS_LOAD_RUN (self), FALSE);

  return self->running;
}

/* Returns: (transfer none) (nullable): the result, once the run is over */
OpsLoadResult *
ops_load_run_get_result (OpsLoadRun *self)
{
  g_return_val_if_fail (OPS_IS_LOAD_RUN (self), NULL);

  return self->result;
}

/**
 * ops_load_run_stop:
 * @self: a run
 *
 * Stops sending; the requests in flight get one timeout at most, then the
 * run finishes with what it measured.
 */
void
ops_load_run_stop (OpsLoadRun *self)
{
  g_return_if_fail (OPS_IS_LOAD_RUN (self));

  self->stop_requested = TRUE;
  if (self->engine != NULL)
    ops_load_engine_stop (self->engine);
}

/* Reports the seconds the workers have finished. */
static void
collect (OpsLoadRun *self)
{
  for (;;)
    {
      g_autoptr(OpsLoadSnapshot) snapshot = ops_load_snapshot_new ();
      OpsLoadCollect status;

      status = ops_load_engine_collect (self->engine, self->next_second, &snapshot->counters,
                                        &snapshot->duration_usec);
      if (status != OPS_LOAD_COLLECT_READY)
        return;

      snapshot->second = self->next_second++;
      snapshot->target = ops_load_scenario_target_at (self->scenario,
                                                      (gint64)snapshot->second * G_USEC_PER_SEC);
      ops_load_counters_merge (self->running_totals, &snapshot->counters);
      g_ptr_array_add (self->result->timeline, ops_load_snapshot_ref (snapshot));
      g_signal_emit (self, signals[SNAPSHOT], 0, snapshot);

      if (self->scenario->abort_on_fail && !self->aborted)
        for (guint i = 0; i < self->scenario->thresholds->len; i++)
          if (ops_load_threshold_cannot_pass (self->scenario->thresholds->pdata[i], self->running_totals))
            {
              self->aborted = TRUE;
              ops_load_engine_stop (self->engine);
              break;
            }
    }
}

static gboolean
collect_cb (gpointer user_data)
{
  collect (OPS_LOAD_RUN (user_data));
  return G_SOURCE_CONTINUE;
}

static void
ops_load_run_worker (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  OpsLoadEngine *engine = task_data;
  GError        *error = NULL;

  if (!ops_load_engine_prepare (engine, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  ops_load_engine_run (engine);
  g_task_return_boolean (task, TRUE);
}

static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  /* Any thread: only an atomic store. */
  ops_load_engine_stop (user_data);
}

static void
publish_events (OpsLoadRun *self)
{
  OpsLoadResult *result = self->result;
  g_autoptr(OpsEvent) finished = NULL;
  g_autoptr(GUri) uri = g_uri_parse (self->scenario->url, G_URI_FLAGS_NONE, NULL);
  const char *service = uri != NULL ? g_uri_get_host (uri) : self->scenario->url;
  gboolean    passed = ops_load_result_passed (result);

  if (self->bus == NULL)
    return;

  finished = ops_event_new ("loadtest.finished", passed ? OPS_SEVERITY_INFO : OPS_SEVERITY_WARNING,
                            "loadtest", service);
  ops_event_set_field_string (finished, "url", self->scenario->url);
  ops_event_set_field_string (finished, "end", ops_load_end_to_string (result->end));
  ops_event_set_field_int (finished, "requests", result->totals.requests);
  ops_event_set_field_int (finished, "responses", result->totals.responses);
  ops_event_set_field_double (finished, "rps", ops_load_result_get_rps (result));
  ops_event_set_field_double (finished, "p99_ms",
                              ops_load_histogram_value_at (&result->totals.latency, 99) / 1e6);
  ops_event_set_field_double (finished, "error_rate", ops_load_counters_error_rate (&result->totals));
  ops_event_set_field_int (finished, "passed", passed);
  ops_event_bus_publish (self->bus, finished);

  if (!passed)
    {
      g_autoptr(OpsEvent) failed = ops_event_new ("loadtest.thresholds_failed", OPS_SEVERITY_WARNING,
                                                   "loadtest", service);
      g_autoptr(GString) which = g_string_new (NULL);

      for (guint i = 0; i < result->verdicts->len; i++)
        {
          const OpsLoadVerdict *verdict = result->verdicts->pdata[i];

          if (verdict->passed)
            continue;
          if (which->len > 0)
            g_string_append (which, "; ");
          g_string_append_printf (which, "%s (was %s)", verdict->expression, verdict->observed_text);
        }
      ops_event_set_field_string (failed, "url", self->scenario->url);
      ops_event_set_field_string (failed, "failed", which->str);
      ops_event_bus_publish (self->bus, failed);
    }
}

/* Back on the caller's main context: the last seconds, the verdicts. */
static void
engine_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpsLoadRun   *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  OpsLoadEngine *engine = self->engine;

  if (self->collect_source != NULL)
    {
      g_source_destroy (self->collect_source);
      g_clear_pointer (&self->collect_source, g_source_unref);
    }
  if (self->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, self->cancelled_id);
  self->cancelled_id = 0;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->engine = NULL;
      ops_load_engine_free (engine);
      self->running = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
      g_clear_pointer (&self->result, ops_load_result_unref);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  collect (self);
  ops_load_engine_get_totals (engine, &self->result->totals);
  self->result->duration_usec = ops_load_engine_get_elapsed (engine);
  self->result->dropped_seconds = ops_load_engine_get_dropped (engine);
  for (guint i = 0; i < OPS_LOAD_N_FAILURES; i++)
    self->result->notes[i] = ops_load_engine_dup_failure_note (engine, i);
  if (self->aborted)
    self->result->end = OPS_LOAD_END_ABORTED;
  else if (self->stop_requested || g_cancellable_is_cancelled (cancellable))
    self->result->end = OPS_LOAD_END_STOPPED;
  else
    self->result->end = OPS_LOAD_END_COMPLETED;
  ops_load_result_evaluate (self->result);

  self->engine = NULL;
  ops_load_engine_free (engine);
  self->running = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The load test was cancelled."));
      return;
    }

  publish_events (self);
  g_task_return_pointer (task, ops_load_result_ref (self->result), (GDestroyNotify)ops_load_result_unref);
}

/**
 * ops_load_run_execute_async:
 * @self: a run that has not started
 * @cancellable: (nullable): stops the run; the task then returns
 *   %G_IO_ERROR_CANCELLED
 * @callback: called on the current thread's main context when the run is over
 * @user_data: for @callback
 *
 * Starts the load on the engine's own threads. While it runs,
 * #OpsLoadRun::snapshot is emitted once per second on this thread's main
 * context.
 */
void
ops_load_run_execute_async (OpsLoadRun         *self,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) engine_task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (OPS_IS_LOAD_RUN (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_load_run_execute_async);

  if (self->running || self->result != NULL)
    {
      g_task_return_new_error (task, OPS_LOAD_ERROR, OPS_LOAD_ERROR_RUNNING,
                               _("This load test has already been started; start a new one."));
      return;
    }

  self->engine = ops_load_engine_new (self->scenario, &error);
  if (self->engine == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->result = ops_load_result_new (self->scenario);
  self->result->started_at = g_get_real_time ();
  self->running_totals = g_new0 (OpsLoadCounters, 1);
  self->running = TRUE;
  if (self->stop_requested)
    ops_load_engine_stop (self->engine);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), self->engine, NULL);

  self->collect_source = g_timeout_source_new (COLLECT_INTERVAL_MS);
  g_source_set_callback (self->collect_source, collect_cb, self, NULL);
  g_source_set_static_name (self->collect_source, "[ops-load-run] collect");
  g_source_attach (self->collect_source, g_main_context_get_thread_default ());

  /* The engine's task has no cancellable: cancelling stops the engine,
   * which then returns what it measured. */
  engine_task = g_task_new (self, NULL, engine_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (engine_task, ops_load_run_worker);
  g_task_set_task_data (engine_task, self->engine, NULL);
  g_task_run_in_thread (engine_task, ops_load_run_worker);
}

/**
 * ops_load_run_execute_finish:
 * @self: a run
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full): the complete result, thresholds judged
 */
OpsLoadResult *
ops_load_run_execute_finish (OpsLoadRun   *self,
                             GAsyncResult *result,
                             GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
