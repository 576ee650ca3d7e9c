/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-history-private.h"
#include "store/ops-settings.h"

/**
 * OpsHistory:
 *
 * Every result of every check, kept (with the host figures of Prometheus
 * checks): results are queued on the main
 * thread and written in batches (one transaction each, at most a second
 * apart) on a worker thread with its own connection; hourly and daily
 * rollups stay current as they are written; a maintenance pass every few
 * minutes finishes closed periods and deletes old rows in small batches.
 * Queries for charts, uptime and the latest samples run on a thread too,
 * so the main loop never waits for the disk.
 */
G_DEFINE_FINAL_TYPE (OpsHistory, ops_history, G_TYPE_OBJECT)

/* A batch is written at least this often, or as soon as it is this big. */
#define DEFAULT_BATCH_INTERVAL_MS 1000
#define BATCH_MAX_ROWS            20000
/* Kept in memory while the disk refuses them, then the oldest go. */
#define PENDING_MAX_ROWS       500000
#define MAINTENANCE_FIRST_S    30
#define MAINTENANCE_INTERVAL_S 300

static void     maybe_start_flush (OpsHistory *self);
static gboolean write_rows_locked (OpsHistory          *self,
                                   const OpsHistoryRow *rows,
                                   guint                n_rows,
                                   GError             **error);

static void
ops_history_dispose (GObject *object)
{
  OpsHistory *self = OPS_HISTORY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_clear_handle_id (&self->maintenance_source, g_source_remove);

  /* What is still queued is written now: nothing is lost on exit. No
   * flush is under way: each holds a reference. */
  if (self->pending != NULL && self->pending->len > 0)
    {
      g_autoptr(GError) error = NULL;

      g_mutex_lock (&self->write_lock);
      if (!write_rows_locked (self, (OpsHistoryRow *)(gpointer)self->pending->data,
                              self->pending->len, &error))
        g_warning ("%u check results could not be saved: %s", self->pending->len,
                   error->message);
      g_mutex_unlock (&self->write_lock);
      g_array_set_size (self->pending, 0);
    }

  G_OBJECT_CLASS (ops_history_parent_class)->dispose (object);
}

static void
ops_history_finalize (GObject *object)
{
  OpsHistory *self = OPS_HISTORY (object);

  g_clear_pointer (&self->writer, _ops_history_writer_free);
  g_clear_pointer (&self->write_db, sqlite3_close_v2);
  g_clear_pointer (&self->read_db, sqlite3_close_v2);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->waiters, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_mutex_clear (&self->write_lock);
  g_mutex_clear (&self->read_lock);

  G_OBJECT_CLASS (ops_history_parent_class)->finalize (object);
}

static void
ops_history_class_init (OpsHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ops_history_dispose;
  object_class->finalize = ops_history_finalize;
}

static void
ops_history_init (OpsHistory *self)
{
  self->pending = g_array_new (FALSE, FALSE, sizeof (OpsHistoryRow));
  g_array_set_clear_func (self->pending, (GDestroyNotify)_ops_history_row_clear);
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->batch_interval_ms = DEFAULT_BATCH_INTERVAL_MS;
  g_mutex_init (&self->write_lock);
  g_mutex_init (&self->read_lock);
}

/**
 * ops_history_new:
 * @store: the database
 *
 * Returns: (transfer full): the history of every check
 */
OpsHistory *
ops_history_new (OpsStore *store)
{
  OpsHistory *self;

  g_return_val_if_fail (OPS_IS_STORE (store), NULL);

  self = g_object_new (OPS_TYPE_HISTORY, NULL);
  self->store = g_object_ref (store);

  return self;
}

static gboolean
flush_timeout_cb (gpointer user_data)
{
  OpsHistory *self = user_data;

  self->flush_source = 0;
  maybe_start_flush (self);
  return G_SOURCE_REMOVE;
}

/**
 * ops_history_append:
 * @self: the history
 * @result: a result of a saved check
 * @state: the check's state after it
 *
 * Queues the result; it is written within a second.
 */
void
ops_history_append (OpsHistory     *self,
                    OpsCheckResult *result,
                    OpsHealthStatus state)
{
  OpsHistoryRow row;

  g_return_if_fail (OPS_IS_HISTORY (self));
  g_return_if_fail (OPS_IS_CHECK_RESULT (result));
  g_return_if_fail (ops_check_result_get_check_id (result) > 0);

  _ops_history_row_init_from_result (&row, result, state);
  g_array_append_val (self->pending, row);

  if (self->pending->len >= BATCH_MAX_ROWS)
    maybe_start_flush (self);
  else if (self->flush_source == 0 && !self->flushing)
    self->flush_source = g_timeout_add (self->batch_interval_ms, flush_timeout_cb, self);
}

guint
ops_history_get_n_pending (OpsHistory *self)
{
  g_return_val_if_fail (OPS_IS_HISTORY (self), 0);

  return self->pending->len;
}

/* Samples written since the history was created. */
guint64
ops_history_get_rows_written (OpsHistory *self)
{
  g_return_val_if_fail (OPS_IS_HISTORY (self), 0);

  return self->rows_written;
}

/* How long results wait at most before they are written (1 s). */
void
ops_history_set_batch_interval (OpsHistory *self,
                                guint       msec)
{
  g_return_if_fail (OPS_IS_HISTORY (self));

  self->batch_interval_ms = MAX (msec, 1);
}

static gboolean
write_rows_locked (OpsHistory          *self,
                   const OpsHistoryRow *rows,
                   guint                n_rows,
                   GError             **error)
{
  if (self->write_db == NULL)
    {
      self->write_db = ops_store_open_connection (self->store, error);
      if (self->write_db == NULL)
        return FALSE;
    }

  if (self->writer == NULL)
    {
      self->writer = _ops_history_writer_new (self->write_db);
      if (self->writer == NULL)
        return ops_store_set_error_from_sqlite (error, self->write_db,
                                                sqlite3_errcode (self->write_db),
                                                _("Could not save the check results"));
    }

  return _ops_history_writer_write (self->writer, rows, n_rows, error);
}

static void
flush_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  OpsHistory *self = source_object;
  GArray     *rows = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_mutex_lock (&self->write_lock);
  ok = write_rows_locked (self, (OpsHistoryRow *)(gpointer)rows->data, rows->len, &error);
  g_mutex_unlock (&self->write_lock);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Puts rows that could not be written back in front of the queue. */
static void
requeue (OpsHistory *self,
         GArray     *rows)
{
  guint dropped = 0;

  g_array_prepend_vals (self->pending, rows->data, rows->len);
  /* The rows moved; their strings now belong to the queue. */
  g_array_set_clear_func (rows, NULL);

  if (self->pending->len > PENDING_MAX_ROWS)
    {
      dropped = self->pending->len - PENDING_MAX_ROWS;
      g_array_remove_range (self->pending, 0, dropped);
    }

  if (dropped > 0 && !self->dropped_warned)
    {
      self->dropped_warned = TRUE;
      g_warning ("The database refuses check results; the %u oldest waiting ones were dropped",
                 dropped);
    }
}

static void
flush_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  OpsHistory *self = OPS_HISTORY (object);
  g_autoptr(GPtrArray) waiters = user_data;
  g_autoptr(GError) error = NULL;

  self->flushing = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_warning ("Could not save check results, will try again: %s", error->message);
      requeue (self, g_task_get_task_data (G_TASK (result)));
    }
  else
    self->rows_written += ((GArray *)g_task_get_task_data (G_TASK (result)))->len;

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (waiter, g_error_copy (error));
      else
        g_task_return_boolean (waiter, TRUE);
    }

  if (self->pending->len >= BATCH_MAX_ROWS || self->waiters->len > 0)
    maybe_start_flush (self);
  else if (self->pending->len > 0 && self->flush_source == 0)
    self->flush_source = g_timeout_add (self->batch_interval_ms, flush_timeout_cb, self);
}

static void
maybe_start_flush (OpsHistory *self)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *waiters;
  GArray    *rows;

  if (self->flushing)
    return;

  g_clear_handle_id (&self->flush_source, g_source_remove);

  if (self->pending->len == 0 && self->waiters->len == 0)
    return;

  rows = self->pending;
  self->pending = g_array_new (FALSE, FALSE, sizeof (OpsHistoryRow));
  g_array_set_clear_func (self->pending, (GDestroyNotify)_ops_history_row_clear);
  waiters = self->waiters;
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->flushing = TRUE;

  task = g_task_new (self, NULL, flush_done_cb, waiters);
  g_task_set_source_tag (task, maybe_start_flush);
  g_task_set_task_data (task, rows, (GDestroyNotify)g_array_unref);
  g_task_run_in_thread (task, flush_worker);
}

/**
 * ops_history_flush_async:
 * @self: the history
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every result queued before this call is written
 * @user_data: data for @callback
 *
 * Writes what is queued now rather than within the second.
 */
void
ops_history_flush_async (OpsHistory         *self,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  GTask *task;

  g_return_if_fail (OPS_IS_HISTORY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_history_flush_async);
  g_ptr_array_add (self->waiters, task);
  maybe_start_flush (self);
}

gboolean
ops_history_flush_finish (OpsHistory   *self,
                          GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ops_history_flush_sync:
 * @self: the history
 * @error: return location for a #GError
 *
 * Writes everything queued, blocking: for the command line and tests.
 *
 * Returns: %TRUE when written
 */
gboolean
ops_history_flush_sync (OpsHistory *self,
                        GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (OPS_IS_HISTORY (self), FALSE);

  while (self->flushing)
    g_main_context_iteration (NULL, TRUE);

  g_clear_handle_id (&self->flush_source, g_source_remove);

  g_mutex_lock (&self->write_lock);
  ok = write_rows_locked (self, (OpsHistoryRow *)(gpointer)self->pending->data,
                          self->pending->len, error);
  g_mutex_unlock (&self->write_lock);

  if (ok)
    {
      self->rows_written += self->pending->len;
      g_array_set_size (self->pending, 0);
    }

  return ok;
}

/* Maintenance */

typedef struct
{
  gint64 now;
  guint  retention_days;
} MaintainData;

static void
maintain_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  OpsHistory           *self = source_object;
  MaintainData         *data = task_data;
  OpsHistoryMaintenance done;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  gboolean ok;

  /* A connection of its own: the writer keeps writing meanwhile. */
  db = ops_store_open_connection (self->store, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ok = _ops_history_maintain (db, data->now, data->retention_days, OPS_HISTORY_DELETE_BATCH,
                              OPS_HISTORY_DELETE_BATCHES, &done, &error);
  sqlite3_close_v2 (db);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_memdup2 (&done, sizeof done), g_free);
}

/**
 * ops_history_maintain_async:
 * @self: the history
 * @now_usec: the time to measure ages from
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the pass is over
 * @user_data: data for @callback
 *
 * One maintenance pass: closed hours and days get their 95th percentile,
 * raw samples older than the `history.retention-days` setting and rollups
 * older than a year are deleted, and so is the history of removed checks,
 * in small batches. A pass stops after a bounded amount of work.
 */
void
ops_history_maintain_async (OpsHistory         *self,
                            gint64              now_usec,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  MaintainData *data = g_new0 (MaintainData, 1);

  g_return_if_fail (OPS_IS_HISTORY (self));

  data->now = now_usec;
  data->retention_days = ops_settings_get_int (ops_store_get_settings (self->store),
                                               OPS_SETTINGS_KEY_RETENTION_DAYS);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_history_maintain_async);
  g_task_set_task_data (task, data, g_free);
  g_task_run_in_thread (task, maintain_worker);
}

/* Returns: %TRUE when the pass finished everything there was to do. */
gboolean
ops_history_maintain_finish (OpsHistory   *self,
                             GAsyncResult *result,
                             GError      **error)
{
  g_autofree OpsHistoryMaintenance *done = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;

  g_debug ("History maintenance: %u periods closed, %" G_GUINT64_FORMAT " samples and %" G_GUINT64_FORMAT " rollups deleted, %" G_GUINT64_FORMAT " host figures and %" G_GUINT64_FORMAT " of their rollups deleted, %u removed checks purged%s",
           done->rollups_finalized, done->samples_deleted, done->rollups_deleted,
           done->host_samples_deleted, done->host_rollups_deleted, done->checks_purged,
           done->more ? ", more to do" : "");

  return !done->more;
}

static gboolean maintenance_timeout_cb (gpointer user_data);

static void
maintained_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  OpsHistory *self = OPS_HISTORY (object);
  g_autoptr(GError) error = NULL;
  gboolean finished;
  guint    next;

  self->maintaining = FALSE;
  finished = ops_history_maintain_finish (self, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_warning ("Could not tidy the check history: %s", error->message);

  /* More to do: go on soon, in another small pass. */
  next = finished || error != NULL ? MAINTENANCE_INTERVAL_S : 1;
  if (!g_cancellable_is_cancelled (self->cancellable))
    self->maintenance_source = g_timeout_add_seconds (next, maintenance_timeout_cb, self);
}

static gboolean
maintenance_timeout_cb (gpointer user_data)
{
  OpsHistory *self = user_data;

  self->maintenance_source = 0;
  if (!self->maintaining)
    {
      self->maintaining = TRUE;
      ops_history_maintain_async (self, g_get_real_time (), self->cancellable, maintained_cb,
                                  NULL);
    }

  return G_SOURCE_REMOVE;
}

/**
 * ops_history_start_maintenance:
 * @self: the history
 *
 * Runs a maintenance pass half a minute from now, then every five minutes.
 */
void
ops_history_start_maintenance (OpsHistory *self)
{
  g_return_if_fail (OPS_IS_HISTORY (self));

  if (self->maintenance_source == 0 && !self->maintaining)
    self->maintenance_source = g_timeout_add_seconds (MAINTENANCE_FIRST_S,
                                                      maintenance_timeout_cb, self);
}
