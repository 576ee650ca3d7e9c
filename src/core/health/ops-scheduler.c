/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-scheduler"

#include "config.h"

#include "ops-scheduler-private.h"

/**
 * OpsScheduler:
 *
 * Runs every enabled, unpaused check on its interval. The first runs are
 * spread over each check's interval and every later one moves by a little
 * jitter, so that checks do not fire together; at most
 * #OpsScheduler:max-concurrent probes run at once and the others wait in
 * line. “Check now” puts a check at the head of the line; pausing one
 * check or all of them stops their runs.
 *
 * One timer serves every check: the planned runs are kept in a binary
 * heap ordered by time, and the timer is set for the earliest. Time comes
 * from an #OpsClock, so tests move it by hand.
 */

/* Later runs move by up to ±2 % of the interval, at most half a second. */
#define JITTER_PERCENT  2
#define JITTER_MAX_USEC (500 * 1000)
/* A run is due when it is this close. */
#define DUE_SLACK_USEC 500

struct _OpsScheduler
{
  GObject parent_instance;

  /* Owned */
  OpsClock           *clock;
  GHashTable         *entries; /* OpsCheck → Entry */
  GPtrArray          *heap;    /* Entry, earliest first */
  GQueue              line;    /* Entry waiting for a slot */
  GRand              *rand;
  OpsSchedulerRunFunc run;
  gpointer            run_data;
  GDestroyNotify      run_destroy;

  guint    timer_id;
  gint64   timer_due;
  guint    max_concurrent;
  guint    n_running;
  gboolean paused;
};

G_DEFINE_FINAL_TYPE (OpsScheduler, ops_scheduler, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PAUSED,
  PROP_MAX_CONCURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void arm_timer (OpsScheduler *self);
static void check_changed_cb (OpsCheck     *check,
                              GParamSpec   *pspec,
                              OpsScheduler *self);

/* Entries */

static gboolean
is_schedulable (Entry *entry)
{
  return !entry->removed && ops_check_get_enabled (entry->check) &&
         !ops_check_get_paused (entry->check);
}

static gint64
interval_usec (Entry *entry)
{
  return (gint64)ops_check_get_interval_ms (entry->check) * 1000;
}

static gint64
jitter (OpsScheduler *self,
        Entry        *entry)
{
  gint64 range = MIN (interval_usec (entry) * JITTER_PERCENT / 100, JITTER_MAX_USEC);

  if (range <= 0)
    return 0;

  return g_rand_int_range (self->rand, -(gint32)range, (gint32)range + 1);
}

static gint64
spread (OpsScheduler *self,
        Entry        *entry)
{
  gint64 interval = interval_usec (entry);

  return interval > 1 ? (gint64)(g_rand_double (self->rand) * interval) : 0;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->check);
  g_free (entry);
}

static void
schedule_at (OpsScheduler *self,
             Entry        *entry,
             gint64        due)
{
  _ops_scheduler_heap_remove (self->heap, entry);
  entry->due = due;
  if (!entry->running && !entry->waiting && is_schedulable (entry))
    _ops_scheduler_heap_push (self->heap, entry);
  arm_timer (self);
}

static void
start (OpsScheduler *self,
       Entry        *entry)
{
  gint64 now = ops_clock_get_monotonic (self->clock);
  gint64 next;

  g_assert (!entry->running);

  /* The next run keeps to the rhythm of the planned ones; after a late
   * start (a busy line, a pause) it is one interval from now. */
  next = entry->due + interval_usec (entry) + jitter (self, entry);
  if (next <= now)
    next = now + interval_usec (entry);
  entry->due = next;

  entry->running = TRUE;
  self->n_running++;
  g_object_ref (entry->check);
  self->run (self, entry->check, self->run_data);
  g_object_unref (entry->check);
}

static void
start_waiting (OpsScheduler *self)
{
  while (self->n_running < self->max_concurrent && !g_queue_is_empty (&self->line))
    {
      Entry *entry = g_queue_pop_head (&self->line);

      entry->waiting = FALSE;
      if (is_schedulable (entry) && !entry->running)
        start (self, entry);
    }
}

static void
dispatch (OpsScheduler *self,
          Entry        *entry)
{
  if (self->n_running < self->max_concurrent && g_queue_is_empty (&self->line))
    start (self, entry);
  else
    {
      entry->waiting = TRUE;
      g_queue_push_tail (&self->line, entry);
    }
}

static gboolean
timer_cb (gpointer user_data)
{
  OpsScheduler *self = user_data;
  gint64        now = ops_clock_get_monotonic (self->clock);
  Entry        *entry;

  self->timer_id = 0;

  g_object_ref (self);
  while (!self->paused && (entry = _ops_scheduler_heap_peek (self->heap)) != NULL && entry->due <= now + DUE_SLACK_USEC)
    {
      _ops_scheduler_heap_remove (self->heap, entry);
      dispatch (self, entry);
    }
  arm_timer (self);
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

static void
arm_timer (OpsScheduler *self)
{
  Entry *first = _ops_scheduler_heap_peek (self->heap);

  if (self->paused || first == NULL)
    {
      if (self->timer_id != 0)
        ops_clock_remove_timeout (self->clock, self->timer_id);
      self->timer_id = 0;
      return;
    }

  if (self->timer_id != 0 && self->timer_due == first->due)
    return;

  if (self->timer_id != 0)
    ops_clock_remove_timeout (self->clock, self->timer_id);

  self->timer_due = first->due;
  self->timer_id = ops_clock_add_timeout (self->clock,
                                          first->due - ops_clock_get_monotonic (self->clock),
                                          timer_cb, self);
}

static void
ops_scheduler_dispose (GObject *object)
{
  OpsScheduler *self = OPS_SCHEDULER (object);

  if (self->timer_id != 0)
    ops_clock_remove_timeout (self->clock, self->timer_id);
  self->timer_id = 0;

  if (self->entries != NULL)
    {
      GHashTableIter iter;
      Entry         *entry;

      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
        g_signal_handlers_disconnect_by_func (entry->check, check_changed_cb, self);
    }

  g_queue_clear (&self->line);
  g_clear_pointer (&self->heap, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  if (self->run_destroy != NULL)
    self->run_destroy (self->run_data);
  self->run_destroy = NULL;
  self->run_data = NULL;

  G_OBJECT_CLASS (ops_scheduler_parent_class)->dispose (object);
}

static void
ops_scheduler_finalize (GObject *object)
{
  OpsScheduler *self = OPS_SCHEDULER (object);

  g_clear_object (&self->clock);
  g_clear_pointer (&self->rand, g_rand_free);

  G_OBJECT_CLASS (ops_scheduler_parent_class)->finalize (object);
}

static void
ops_scheduler_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OpsScheduler *self = OPS_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_MAX_CONCURRENT:
      g_value_set_uint (value, self->max_concurrent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_scheduler_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OpsScheduler *self = OPS_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_PAUSED:
      ops_scheduler_set_paused (self, g_value_get_boolean (value));
      break;
    case PROP_MAX_CONCURRENT:
      ops_scheduler_set_max_concurrent (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_scheduler_class_init (OpsSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ops_scheduler_dispose;
  object_class->finalize = ops_scheduler_finalize;
  object_class->get_property = ops_scheduler_get_property;
  object_class->set_property = ops_scheduler_set_property;

  properties[PROP_PAUSED] =
      g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_CONCURRENT] =
      g_param_spec_uint ("max-concurrent", NULL, NULL, 1, 65536,
                         OPS_SCHEDULER_DEFAULT_MAX_CONCURRENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ops_scheduler_init (OpsScheduler *self)
{
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, entry_free);
  self->heap = g_ptr_array_new ();
  g_queue_init (&self->line);
  self->rand = g_rand_new ();
  self->max_concurrent = OPS_SCHEDULER_DEFAULT_MAX_CONCURRENT;
}

/**
 * ops_scheduler_new:
 * @clock: (nullable): the clock; %NULL for the real one
 * @run: starts a probe
 * @user_data: data for @run
 * @destroy: (nullable): frees @user_data
 *
 * Returns: (transfer full): a scheduler with no checks
 */
OpsScheduler *
ops_scheduler_new (OpsClock           *clock,
                   OpsSchedulerRunFunc run,
                   gpointer            user_data,
                   GDestroyNotify      destroy)
{
  OpsScheduler *self;

  g_return_val_if_fail (clock == NULL || OPS_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (run != NULL, NULL);

  self = g_object_new (OPS_TYPE_SCHEDULER, NULL);
  self->clock = clock != NULL ? g_object_ref (clock) : ops_clock_new ();
  self->run = run;
  self->run_data = user_data;
  self->run_destroy = destroy;

  return self;
}

static void
leave_line (OpsScheduler *self,
            Entry        *entry)
{
  if (entry->waiting)
    {
      g_queue_remove (&self->line, entry);
      entry->waiting = FALSE;
    }
}

static void
check_changed_cb (OpsCheck     *check,
                  GParamSpec   *pspec,
                  OpsScheduler *self)
{
  Entry *entry = g_hash_table_lookup (self->entries, check);
  gint64 now = ops_clock_get_monotonic (self->clock);

  if (entry == NULL)
    return;

  if (!is_schedulable (entry))
    {
      _ops_scheduler_heap_remove (self->heap, entry);
      leave_line (self, entry);
      arm_timer (self);
      return;
    }

  if (entry->running || entry->waiting)
    return;

  if (entry->heap_index == NOT_IN_HEAP)
    /* Resumed or enabled: run now. */
    schedule_at (self, entry, now);
  else if (g_str_equal (pspec->name, "interval-ms"))
    /* A shorter interval takes effect at once, a longer one next time. */
    schedule_at (self, entry, MIN (entry->due, now + interval_usec (entry)));
}

/**
 * ops_scheduler_add:
 * @self: a scheduler
 * @check: a check
 *
 * Schedules @check; its first run falls somewhere in its first interval.
 * Pausing, disabling and changing its interval take effect as its
 * properties change.
 */
void
ops_scheduler_add (OpsScheduler *self,
                   OpsCheck     *check)
{
  Entry *entry;

  g_return_if_fail (OPS_IS_SCHEDULER (self));
  g_return_if_fail (OPS_IS_CHECK (check));

  if (g_hash_table_contains (self->entries, check))
    return;

  entry = g_new0 (Entry, 1);
  entry->check = g_object_ref (check);
  entry->heap_index = NOT_IN_HEAP;
  g_hash_table_insert (self->entries, check, entry);

  g_signal_connect_object (check, "notify::enabled", G_CALLBACK (check_changed_cb), self, 0);
  g_signal_connect_object (check, "notify::paused", G_CALLBACK (check_changed_cb), self, 0);
  g_signal_connect_object (check, "notify::interval-ms", G_CALLBACK (check_changed_cb), self, 0);

  schedule_at (self, entry, ops_clock_get_monotonic (self->clock) + spread (self, entry));
}

/**
 * ops_scheduler_remove:
 * @self: a scheduler
 * @check: a scheduled check
 *
 * Stops scheduling @check. A run under way still ends with
 * ops_scheduler_finished(), which then does nothing more.
 */
void
ops_scheduler_remove (OpsScheduler *self,
                      OpsCheck     *check)
{
  Entry *entry;

  g_return_if_fail (OPS_IS_SCHEDULER (self));
  g_return_if_fail (OPS_IS_CHECK (check));

  entry = g_hash_table_lookup (self->entries, check);
  if (entry == NULL)
    return;

  g_signal_handlers_disconnect_by_func (check, check_changed_cb, self);
  _ops_scheduler_heap_remove (self->heap, entry);
  leave_line (self, entry);
  entry->removed = TRUE;

  if (entry->running)
    {
      /* Kept until the run ends, so that the count of runs stays right. */
      g_hash_table_steal (self->entries, check);
      g_hash_table_insert (self->entries, entry, entry);
    }
  else
    g_hash_table_remove (self->entries, check);

  arm_timer (self);
}

/**
 * ops_scheduler_run_now:
 * @self: a scheduler
 * @check: a scheduled check
 *
 * Runs @check as soon as a slot is free, even when it or the scheduler is
 * paused; a check that is running runs again when it ends.
 */
void
ops_scheduler_run_now (OpsScheduler *self,
                       OpsCheck     *check)
{
  Entry *entry;

  g_return_if_fail (OPS_IS_SCHEDULER (self));
  g_return_if_fail (OPS_IS_CHECK (check));

  entry = g_hash_table_lookup (self->entries, check);
  g_return_if_fail (entry != NULL);

  if (entry->running)
    {
      entry->run_again = TRUE;
      return;
    }

  _ops_scheduler_heap_remove (self->heap, entry);
  leave_line (self, entry);
  entry->due = ops_clock_get_monotonic (self->clock);

  if (self->n_running < self->max_concurrent)
    start (self, entry);
  else
    {
      entry->waiting = TRUE;
      g_queue_push_head (&self->line, entry);
    }
  arm_timer (self);
}

static Entry *
find_running (OpsScheduler *self,
              OpsCheck     *check)
{
  GHashTableIter iter;
  Entry         *entry = g_hash_table_lookup (self->entries, check);

  if (entry != NULL)
    return entry;

  /* A removed check, kept under its own key until now. */
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
    if (entry->removed && entry->check == check)
      return entry;

  return NULL;
}

/**
 * ops_scheduler_finished:
 * @self: a scheduler
 * @check: a check whose run ended
 *
 * Frees the run's slot and plans the check's next run.
 */
void
ops_scheduler_finished (OpsScheduler *self,
                        OpsCheck     *check)
{
  Entry *entry;

  g_return_if_fail (OPS_IS_SCHEDULER (self));
  g_return_if_fail (OPS_IS_CHECK (check));

  entry = find_running (self, check);
  g_return_if_fail (entry != NULL && entry->running);

  entry->running = FALSE;
  self->n_running--;

  g_object_ref (self);
  if (entry->removed)
    g_hash_table_remove (self->entries, entry);
  else if (entry->run_again)
    {
      entry->run_again = FALSE;
      ops_scheduler_run_now (self, check);
    }
  else
    {
      gint64 now = ops_clock_get_monotonic (self->clock);

      schedule_at (self, entry, MAX (entry->due, now));
    }

  start_waiting (self);
  arm_timer (self);
  g_object_unref (self);
}

/**
 * ops_scheduler_set_paused:
 * @self: a scheduler
 * @paused: whether to pause every check
 *
 * Pausing all keeps runs under way; resuming spreads the runs that were
 * missed over their intervals rather than starting them all at once.
 */
void
ops_scheduler_set_paused (OpsScheduler *self,
                          gboolean      paused)
{
  g_return_if_fail (OPS_IS_SCHEDULER (self));

  paused = !!paused;
  if (self->paused == paused)
    return;

  self->paused = paused;

  if (!paused)
    {
      gint64 now = ops_clock_get_monotonic (self->clock);
      g_autoptr(GPtrArray) late = g_ptr_array_new ();

      for (guint i = 0; i < self->heap->len; i++)
        if (((Entry *)g_ptr_array_index (self->heap, i))->due < now)
          g_ptr_array_add (late, g_ptr_array_index (self->heap, i));
      for (guint i = 0; i < late->len; i++)
        {
          Entry *entry = g_ptr_array_index (late, i);

          _ops_scheduler_heap_remove (self->heap, entry);
          entry->due = now + spread (self, entry);
          _ops_scheduler_heap_push (self->heap, entry);
        }
    }

  arm_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

gboolean
ops_scheduler_get_paused (OpsScheduler *self)
{
  g_return_val_if_fail (OPS_IS_SCHEDULER (self), FALSE);

  return self->paused;
}

/* How many probes may run at once (64 by default). */
void
ops_scheduler_set_max_concurrent (OpsScheduler *self,
                                  guint         max_concurrent)
{
  g_return_if_fail (OPS_IS_SCHEDULER (self));
  g_return_if_fail (max_concurrent > 0);

  if (self->max_concurrent == max_concurrent)
    return;

  self->max_concurrent = max_concurrent;
  start_waiting (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_CONCURRENT]);
}

guint
ops_scheduler_get_max_concurrent (OpsScheduler *self)
{
  g_return_val_if_fail (OPS_IS_SCHEDULER (self), 0);

  return self->max_concurrent;
}

guint
ops_scheduler_get_n_running (OpsScheduler *self)
{
  g_return_val_if_fail (OPS_IS_SCHEDULER (self), 0);

  return self->n_running;
}

/* How many due checks wait for a slot. */
guint
ops_scheduler_get_n_waiting (OpsScheduler *self)
{
  g_return_val_if_fail (OPS_IS_SCHEDULER (self), 0);

  return self->line.length;
}

/**
 * ops_scheduler_get_next_due:
 * @self: a scheduler
 * @check: a check
 *
 * Returns: the monotonic time of its next planned run, or -1 when none is
 *   planned (paused, disabled, running or waiting for a slot)
 */
gint64
ops_scheduler_get_next_due (OpsScheduler *self,
                            OpsCheck     *check)
{
  Entry *entry;

  g_return_val_if_fail (OPS_IS_SCHEDULER (self), -1);

  entry = g_hash_table_lookup (self->entries, check);
  if (entry == NULL || entry->heap_index == NOT_IN_HEAP)
    return -1;

  return entry->due;
}

/* Makes the jitter repeatable, for tests. */
void
ops_scheduler_set_seed (OpsScheduler *self,
                        guint32       seed)
{
  g_return_if_fail (OPS_IS_SCHEDULER (self));

  g_rand_set_seed (self->rand, seed);
}
