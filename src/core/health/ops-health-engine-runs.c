/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-check-private.h"
#include "ops-health-engine-private.h"
#include "ops-probe.h"

/* OpsHealthEngine, continued: probe runs, scheduled or on demand (the
 * Test button, `opsdeckctl check run`), and what happens to their results. */

typedef struct
{
  OpsHealthEngine *engine;
  OpsCheck        *check;
  OpsProbe        *probe;
  GTask           *task; /* of run_checks, or NULL for a scheduled run */
  gboolean         scheduled;
  gboolean         record;
} Run;

/* One run_checks call: its checks start as slots free up. */
typedef struct
{
  GPtrArray *checks;  /* OpsCheck */
  GPtrArray *results; /* OpsCheckResult */
  guint      next;
  guint      running;
} Batch;

static void batch_start_more (GTask *task);

static void
run_free (Run *run)
{
  g_clear_object (&run->engine);
  g_clear_object (&run->check);
  g_clear_object (&run->probe);
  g_clear_object (&run->task);
  g_free (run);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run             *run = user_data;
  OpsHealthEngine *self = run->engine;
  g_autoptr(OpsCheckResult) check_result = NULL;
  g_autoptr(GError) error = NULL;

  check_result = ops_probe_run_finish (OPS_PROBE (object), result, &error);
  _ops_check_set_running (run->check, FALSE);

  if (check_result != NULL && run->record)
    _ops_health_engine_record (self, run->check, check_result);

  if (run->scheduled)
    ops_scheduler_finished (self->scheduler, run->check);

  if (run->task != NULL)
    {
      Batch *batch = g_task_get_task_data (run->task);

      batch->running--;
      if (check_result != NULL)
        g_ptr_array_add (batch->results, g_object_ref (check_result));

      if (error != NULL)
        {
          /* Cancelled: the others are cancelled too; answer once. */
          if (!g_task_had_error (run->task))
            g_task_return_error (run->task, g_steal_pointer (&error));
        }
      else if (batch->results->len == batch->checks->len)
        g_task_return_pointer (run->task, g_ptr_array_ref (batch->results),
                               (GDestroyNotify)g_ptr_array_unref);
      else if (!g_task_had_error (run->task))
        batch_start_more (run->task);
    }

  run_free (run);
}

void
_ops_health_engine_scheduler_run_cb (OpsScheduler *scheduler,
                                     OpsCheck     *check,
                                     gpointer      user_data)
{
  OpsHealthEngine *self = user_data;
  Run             *run = g_new0 (Run, 1);

  run->engine = g_object_ref (self);
  run->check = g_object_ref (check);
  run->probe = g_object_ref (_ops_health_engine_ensure_probe (self, check));
  run->scheduled = TRUE;
  run->record = TRUE;

  _ops_check_set_running (check, TRUE);
  ops_probe_run_async (run->probe, self->cancellable, run_done_cb, run);
}

static void
tested_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpsCheckResult *check_result;

  check_result = ops_probe_run_finish (OPS_PROBE (object), result, &error);
  if (check_result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, check_result, g_object_unref);
}

/**
 * ops_health_engine_test_check_async:
 * @self: the engine
 * @check: a check, saved or not; an unsaved one carries its secret
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Probes @check once, for the Test button: nothing is recorded, no state
 * changes and no event is published. An invalid check is an error.
 */
void
ops_health_engine_test_check_async (OpsHealthEngine    *self,
                                    OpsCheck           *check,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(OpsProbe) probe = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (OPS_IS_HEALTH_ENGINE (self));
  g_return_if_fail (OPS_IS_CHECK (check));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_health_engine_test_check_async);

  if (!ops_check_validate (check, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A probe of its own: the scheduled one may be busy. */
  probe = ops_probe_new_for_check (check, self->context);
  g_task_set_task_data (task, g_object_ref (probe), g_object_unref);
  ops_probe_run_async (probe, cancellable, tested_cb, g_steal_pointer (&task));
}

/**
 * ops_health_engine_test_check_finish:
 *
 * Returns: (transfer full): the result, or %NULL
 */
OpsCheckResult *
ops_health_engine_test_check_finish (OpsHealthEngine *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
batch_free (Batch *batch)
{
  g_ptr_array_unref (batch->checks);
  g_ptr_array_unref (batch->results);
  g_free (batch);
}

static void
batch_start_more (GTask *task)
{
  OpsHealthEngine *self = g_task_get_source_object (task);
  Batch           *batch = g_task_get_task_data (task);
  guint            limit = ops_scheduler_get_max_concurrent (self->scheduler);

  while (batch->running < limit && batch->next < batch->checks->len)
    {
      OpsCheck *check = g_ptr_array_index (batch->checks, batch->next++);
      Run      *run = g_new0 (Run, 1);

      run->engine = g_object_ref (self);
      run->check = g_object_ref (check);
      run->probe = ops_probe_new_for_check (check, self->context);
      run->task = g_object_ref (task);
      run->record = TRUE;

      batch->running++;
      _ops_check_set_running (check, TRUE);
      ops_probe_run_async (run->probe, g_task_get_cancellable (task), run_done_cb, run);
    }
}

/**
 * ops_health_engine_run_checks_async:
 * @self: the engine
 * @checks: (element-type OpsCheck): saved checks
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the results
 * @user_data: data for @callback
 *
 * Probes each check once, at most #OpsScheduler:max-concurrent at a time,
 * recording the results like scheduled runs (state, history, events):
 * `opsdeckctl check run`.
 */
void
ops_health_engine_run_checks_async (OpsHealthEngine    *self,
                                    GPtrArray          *checks,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  Batch *batch;

  g_return_if_fail (OPS_IS_HEALTH_ENGINE (self));
  g_return_if_fail (checks != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_health_engine_run_checks_async);

  batch = g_new0 (Batch, 1);
  batch->checks = g_ptr_array_copy (checks, (GCopyFunc)(void (*) (void))g_object_ref, NULL);
  g_ptr_array_set_free_func (batch->checks, g_object_unref);
  batch->results = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, batch, (GDestroyNotify)batch_free);

  if (checks->len == 0)
    {
      g_task_return_pointer (task, g_ptr_array_ref (batch->results),
                             (GDestroyNotify)g_ptr_array_unref);
      return;
    }

  batch_start_more (task);
}

/**
 * ops_health_engine_run_checks_finish:
 *
 * Returns: (transfer full) (element-type OpsCheckResult): one result per
 *   check, in the order they finished, or %NULL when cancelled
 */
GPtrArray *
ops_health_engine_run_checks_finish (OpsHealthEngine *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
