/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-check-private.h"
#include "ops-health-engine-private.h"
#include "ops-health-state.h"
#include "ops-probe.h"
#include "store/ops-settings.h"

/**
 * OpsHealthEngine:
 *
 * Watches the saved checks: the scheduler runs each check's probe on its
 * interval; each result updates the check's live state through the
 * failure and success thresholds, goes to the history, and a change of
 * state is published on the event bus as `health.down`,
 * `health.degraded` or `health.recovered`. Event streams stay connected
 * while their check runs. The app and `opsdeckctl` share it; the Health
 * tab binds to #OpsCheckList and the checks' properties.
 */
G_DEFINE_FINAL_TYPE (OpsHealthEngine, ops_health_engine, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_RUNNING,
  PROP_PAUSED,
  N_PROPS
};

enum
{
  RESULT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

#define UPTIME_REFRESH_S 300

static void
publish (OpsHealthEngine    *self,
         OpsCheck           *check,
         OpsCheckResult     *result,
         OpsHealthStatus     previous,
         OpsHealthTransition transition)
{
  static const OpsSeverity severities[] = {
    [OPS_HEALTH_TRANSITION_DOWN] = OPS_SEVERITY_CRITICAL,
    [OPS_HEALTH_TRANSITION_DEGRADED] = OPS_SEVERITY_WARNING,
    [OPS_HEALTH_TRANSITION_RECOVERED] = OPS_SEVERITY_INFO,
  };
  g_autoptr(OpsEvent) event = NULL;

  if (self->bus == NULL)
    return;

  event = ops_event_new (ops_health_transition_event_kind (transition), severities[transition],
                         "health", ops_check_get_name (check));
  ops_event_set_timestamp (event, ops_check_result_get_time (result));
  ops_event_set_field_int (event, "check_id", ops_check_get_id (check));
  ops_event_set_field_string (event, "check_name", ops_check_get_name (check));
  ops_event_set_field_string (event, "kind", ops_check_kind_to_string (ops_check_get_kind (check)));
  ops_event_set_field_string (event, "target", ops_check_get_target (check));
  ops_event_set_field_string (event, "environment",
                              ops_environment_to_string (ops_check_get_environment (check)));
  ops_event_set_field_string (event, "status", ops_health_status_to_string (ops_check_get_status (check)));
  ops_event_set_field_string (event, "previous_status", ops_health_status_to_string (previous));
  if (ops_check_result_get_error (result) != NULL)
    ops_event_set_field_string (event, "error", ops_check_result_get_error (result));
  if (ops_check_result_get_latency_ms (result) >= 0)
    ops_event_set_field_double (event, "latency_ms", ops_check_result_get_latency_ms (result));

  ops_event_bus_publish (self->bus, event);
}

/* A result of a saved check: its state, its history, its events. */
void
_ops_health_engine_record (OpsHealthEngine *self,
                           OpsCheck        *check,
                           OpsCheckResult  *result)
{
  OpsHealthState state = {
    ops_check_get_status (check),
    ops_check_get_consecutive_failures (check),
    ops_check_get_consecutive_successes (check),
  };
  OpsHealthStatus     previous = state.status;
  OpsHealthTransition transition;

  transition = ops_health_state_apply (&state, ops_check_result_get_status (result),
                                       ops_check_get_failure_threshold (check),
                                       ops_check_get_success_threshold (check));
  _ops_check_apply_result (check, result, state.status, state.consecutive_failures,
                           state.consecutive_successes);

  if (ops_check_get_id (check) > 0)
    ops_history_append (self->history, result, state.status);

  if (transition != OPS_HEALTH_TRANSITION_NONE)
    publish (self, check, result, previous, transition);

  g_signal_emit (self, signals[RESULT], 0, check, result);
}

static void
pushed_result_cb (OpsProbe        *probe,
                  OpsCheckResult  *result,
                  OpsHealthEngine *self)
{
  _ops_health_engine_record (self, ops_probe_get_check (probe), result);
}

static gboolean
should_stream (OpsHealthEngine *self,
               OpsCheck        *check)
{
  return self->running && !self->paused && ops_check_get_enabled (check) &&
         !ops_check_get_paused (check);
}

static void
update_stream (OpsHealthEngine *self,
               OpsCheck        *check)
{
  OpsProbe *probe = g_hash_table_lookup (self->probes, check);

  if (probe == NULL)
    return;

  if (should_stream (self, check))
    ops_probe_start (probe);
  else
    ops_probe_stop (probe);
}

static void check_changed_cb (OpsCheck        *check,
                              GParamSpec      *pspec,
                              OpsHealthEngine *self);

static void
drop_probe (OpsHealthEngine *self,
            OpsCheck        *check)
{
  OpsProbe *probe = g_hash_table_lookup (self->probes, check);

  if (probe == NULL)
    return;

  g_signal_handlers_disconnect_by_func (probe, pushed_result_cb, self);
  ops_probe_stop (probe);
  g_hash_table_remove (self->probes, check);
}

OpsProbe *
_ops_health_engine_ensure_probe (OpsHealthEngine *self,
                                 OpsCheck        *check)
{
  OpsProbe *probe = g_hash_table_lookup (self->probes, check);

  if (probe != NULL)
    return probe;

  probe = ops_probe_new_for_check (check, self->context);
  g_signal_connect_object (probe, "result", G_CALLBACK (pushed_result_cb), self, 0);
  g_hash_table_insert (self->probes, g_object_ref (check), probe);
  update_stream (self, check);

  return probe;
}

static void
add_check (OpsHealthEngine *self,
           OpsCheck        *check)
{
  g_signal_connect_object (check, "notify", G_CALLBACK (check_changed_cb), self, 0);
  _ops_health_engine_ensure_probe (self, check);
  if (self->running)
    ops_scheduler_add (self->scheduler, check);
}

static void
remove_check (OpsHealthEngine *self,
              OpsCheck        *check)
{
  g_signal_handlers_disconnect_by_func (check, check_changed_cb, self);
  ops_scheduler_remove (self->scheduler, check);
  drop_probe (self, check);
}

static void
check_changed_cb (OpsCheck        *check,
                  GParamSpec      *pspec,
                  OpsHealthEngine *self)
{
  const char *name = pspec->name;

  /* A probe keeps what it learnt of its target (an open stream, the last
   * scrape): a new target or new options get a new probe. */
  if (g_str_equal (name, "target") || g_str_equal (name, "options"))
    {
      drop_probe (self, check);
      _ops_health_engine_ensure_probe (self, check);
    }
  else if (g_str_equal (name, "enabled") || g_str_equal (name, "paused"))
    update_stream (self, check);
}

static void
items_changed_cb (GListModel      *model,
                  guint            position,
                  guint            removed,
                  guint            added,
                  OpsHealthEngine *self)
{
  if (removed > 0)
    {
      g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
      g_autoptr(GPtrArray) gone = g_ptr_array_new ();
      GHashTableIter iter;
      OpsCheck      *check;

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(OpsCheck) item = g_list_model_get_item (model, i);

          g_hash_table_add (present, item);
        }

      g_hash_table_iter_init (&iter, self->probes);
      while (g_hash_table_iter_next (&iter, (gpointer *)&check, NULL))
        if (!g_hash_table_contains (present, check))
          g_ptr_array_add (gone, check);

      for (guint i = 0; i < gone->len; i++)
        remove_check (self, g_ptr_array_index (gone, i));
    }

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(OpsCheck) check = g_list_model_get_item (model, i);

      add_check (self, check);
    }
}

static void
max_concurrent_changed_cb (OpsSettings     *settings,
                           const char      *key,
                           OpsHealthEngine *self)
{
  ops_scheduler_set_max_concurrent (self->scheduler,
                                    ops_settings_get_int (settings,
                                                          OPS_SETTINGS_KEY_HEALTH_MAX_CONCURRENT));
}

static void
paused_changed_cb (OpsSettings     *settings,
                   const char      *key,
                   OpsHealthEngine *self)
{
  ops_health_engine_set_paused (self, ops_settings_get_boolean (settings, key));
}

static void
uptimes_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(OpsHealthEngine) self = user_data;
  g_autoptr(GHashTable) uptimes = NULL;
  g_autoptr(GError) error = NULL;

  uptimes = ops_history_query_uptime_24h_all_finish (OPS_HISTORY (object), result, &error);
  if (uptimes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the uptime of the checks: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->checks)); i++)
    {
      g_autoptr(OpsCheck) check = g_list_model_get_item (G_LIST_MODEL (self->checks), i);
      gint64  id = ops_check_get_id (check);
      double *uptime = g_hash_table_lookup (uptimes, &id);

      _ops_check_set_uptime_24h (check, uptime != NULL ? *uptime : -1);
    }
}

static gboolean
refresh_uptimes_cb (gpointer user_data)
{
  OpsHealthEngine *self = user_data;

  ops_history_query_uptime_24h_all_async (self->history, ops_clock_get_real (self->clock),
                                          self->cancellable, uptimes_cb, g_object_ref (self));
  return G_SOURCE_CONTINUE;
}

static void
ops_health_engine_dispose (GObject *object)
{
  OpsHealthEngine *self = OPS_HEALTH_ENGINE (object);

  ops_health_engine_stop (self);
  g_cancellable_cancel (self->cancellable);

  if (self->checks != NULL)
    g_signal_handlers_disconnect_by_data (self->checks, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (ops_store_get_settings (self->store), self);

  if (self->probes != NULL)
    {
      g_autoptr(GList) checks = g_hash_table_get_keys (self->probes);

      for (GList *l = checks; l != NULL; l = l->next)
        remove_check (self, l->data);
    }

  g_clear_object (&self->scheduler);
  g_clear_object (&self->history);
  g_clear_object (&self->checks);

  G_OBJECT_CLASS (ops_health_engine_parent_class)->dispose (object);
}

static void
ops_health_engine_finalize (GObject *object)
{
  OpsHealthEngine *self = OPS_HEALTH_ENGINE (object);

  g_clear_pointer (&self->probes, g_hash_table_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->clock);
  g_clear_object (&self->bus);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ops_health_engine_parent_class)->finalize (object);
}

static void
ops_health_engine_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OpsHealthEngine *self = OPS_HEALTH_ENGINE (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_health_engine_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_PAUSED:
      ops_health_engine_set_paused (OPS_HEALTH_ENGINE (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_health_engine_class_init (OpsHealthEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ops_health_engine_dispose;
  object_class->finalize = ops_health_engine_finalize;
  object_class->get_property = ops_health_engine_get_property;
  object_class->set_property = ops_health_engine_set_property;

  properties[PROP_RUNNING] =
      g_param_spec_boolean ("running", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAUSED] =
      g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OpsHealthEngine::result:
   * @check: the check
   * @result: its new result
   *
   * Emitted for every result, after the check's state was updated.
   */
  signals[RESULT] = g_signal_new ("result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 2, OPS_TYPE_CHECK, OPS_TYPE_CHECK_RESULT);
}

static void
ops_health_engine_init (OpsHealthEngine *self)
{
  self->probes = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->cancellable = g_cancellable_new ();
}

/**
 * ops_health_engine_new:
 * @store: the database
 * @bus: (nullable): where to publish state changes
 * @clock: (nullable): the clock; %NULL for the real one
 * @error: return location for a #GError
 *
 * Reads the checks; nothing runs until ops_health_engine_start().
 *
 * Returns: (transfer full): the engine, or %NULL
 */
OpsHealthEngine *
ops_health_engine_new (OpsStore    *store,
                       OpsEventBus *bus,
                       OpsClock    *clock,
                       GError     **error)
{
  g_autoptr(OpsHealthEngine) self = NULL;
  OpsSettings *settings;

  g_return_val_if_fail (OPS_IS_STORE (store), NULL);
  g_return_val_if_fail (bus == NULL || OPS_IS_EVENT_BUS (bus), NULL);
  g_return_val_if_fail (clock == NULL || OPS_IS_CLOCK (clock), NULL);

  self = g_object_new (OPS_TYPE_HEALTH_ENGINE, NULL);
  self->store = g_object_ref (store);
  self->bus = bus != NULL ? g_object_ref (bus) : NULL;
  self->clock = clock != NULL ? g_object_ref (clock) : ops_clock_new ();
  self->context = ops_probe_context_new (self->clock);
  self->history = ops_history_new (store);
  self->scheduler = ops_scheduler_new (self->clock, _ops_health_engine_scheduler_run_cb, self, NULL);

  settings = ops_store_get_settings (store);
  ops_scheduler_set_max_concurrent (self->scheduler,
                                    ops_settings_get_int (settings,
                                                          OPS_SETTINGS_KEY_HEALTH_MAX_CONCURRENT));
  g_signal_connect (settings, "changed::" OPS_SETTINGS_KEY_HEALTH_MAX_CONCURRENT,
                    G_CALLBACK (max_concurrent_changed_cb), self);
  self->paused = ops_settings_get_boolean (settings, OPS_SETTINGS_KEY_HEALTH_PAUSED);
  ops_scheduler_set_paused (self->scheduler, self->paused);
  g_signal_connect (settings, "changed::" OPS_SETTINGS_KEY_HEALTH_PAUSED,
                    G_CALLBACK (paused_changed_cb), self);

  self->checks = ops_check_list_new (store, error);
  if (self->checks == NULL)
    return NULL;

  g_signal_connect (self->checks, "items-changed", G_CALLBACK (items_changed_cb), self);
  items_changed_cb (G_LIST_MODEL (self->checks), 0, 0,
                    g_list_model_get_n_items (G_LIST_MODEL (self->checks)), self);

  return g_steal_pointer (&self);
}

OpsCheckList *
ops_health_engine_get_checks (OpsHealthEngine *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_ENGINE (self), NULL);

  return self->checks;
}

OpsHistory *
ops_health_engine_get_history (OpsHealthEngine *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_ENGINE (self), NULL);

  return self->history;
}

OpsScheduler *
ops_health_engine_get_scheduler (OpsHealthEngine *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_ENGINE (self), NULL);

  return self->scheduler;
}

OpsProbeContext *
ops_health_engine_get_probe_context (OpsHealthEngine *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_ENGINE (self), NULL);

  return self->context;
}

/**
 * ops_health_engine_start:
 * @self: the engine
 *
 * Schedules every check, opens the event streams, starts the history's
 * maintenance and keeps the checks' 24-hour uptime current.
 */
void
ops_health_engine_start (OpsHealthEngine *self)
{
  GHashTableIter iter;
  OpsCheck      *check;

  g_return_if_fail (OPS_IS_HEALTH_ENGINE (self));

  if (self->running)
    return;

  self->running = TRUE;
  g_hash_table_iter_init (&iter, self->probes);
  while (g_hash_table_iter_next (&iter, (gpointer *)&check, NULL))
    {
      ops_scheduler_add (self->scheduler, check);
      update_stream (self, check);
    }

  ops_history_start_maintenance (self->history);
  refresh_uptimes_cb (self);
  self->uptime_id = g_timeout_add_seconds (UPTIME_REFRESH_S, refresh_uptimes_cb, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/* Stops scheduling and closes the event streams; runs under way finish. */
void
ops_health_engine_stop (OpsHealthEngine *self)
{
  GHashTableIter iter;
  OpsCheck      *check;

  g_return_if_fail (OPS_IS_HEALTH_ENGINE (self));

  if (!self->running)
    return;

  self->running = FALSE;
  g_clear_handle_id (&self->uptime_id, g_source_remove);
  g_hash_table_iter_init (&iter, self->probes);
  while (g_hash_table_iter_next (&iter, (gpointer *)&check, NULL))
    {
      ops_scheduler_remove (self->scheduler, check);
      update_stream (self, check);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

gboolean
ops_health_engine_get_running (OpsHealthEngine *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_ENGINE (self), FALSE);

  return self->running;
}

/* Pauses every check (each keeps its own paused flag). The choice is
 * kept in the settings, so it survives a restart. */
void
ops_health_engine_set_paused (OpsHealthEngine *self,
                              gboolean         paused)
{
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  OpsCheck      *check;

  g_return_if_fail (OPS_IS_HEALTH_ENGINE (self));

  paused = !!paused;
  if (self->paused == paused)
    return;

  self->paused = paused;
  if (!ops_settings_set_boolean (ops_store_get_settings (self->store),
                                 OPS_SETTINGS_KEY_HEALTH_PAUSED, paused, &error))
    g_warning ("Could not remember that every check is %s: %s",
               paused ? "paused" : "running", error->message);
  ops_scheduler_set_paused (self->scheduler, paused);
  g_hash_table_iter_init (&iter, self->probes);
  while (g_hash_table_iter_next (&iter, (gpointer *)&check, NULL))
    update_stream (self, check);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

gboolean
ops_health_engine_get_paused (OpsHealthEngine *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_ENGINE (self), FALSE);

  return self->paused;
}

/* Runs a saved check as soon as a slot is free, even when paused. */
void
ops_health_engine_check_now (OpsHealthEngine *self,
                             OpsCheck        *check)
{
  g_return_if_fail (OPS_IS_HEALTH_ENGINE (self));
  g_return_if_fail (OPS_IS_CHECK (check));

  if (!self->running)
    ops_scheduler_add (self->scheduler, check);
  ops_scheduler_run_now (self->scheduler, check);
}
