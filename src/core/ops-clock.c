/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-clock"

#include "config.h"

#include "ops-clock.h"

/**
 * OpsClock:
 *
 * Where the core reads the time and schedules periodic work, so that tests
 * can drive it. The system clock reads g_get_real_time() and schedules with
 * g_timeout_add(); a fake clock stands still until the test moves it with
 * ops_clock_advance(), which runs every timeout that falls due on the way,
 * in order, with the clock set to the moment each one is due. Tests never
 * sleep.
 */
typedef struct
{
  guint          id;
  gint64         interval_usec;
  gint64         due;
  GSourceFunc    func;
  gpointer       user_data;
  GDestroyNotify destroy;
  gboolean       removed;
} FakeTimeout;

struct _OpsClock
{
  GObject parent_instance;

  /* Owned */
  GPtrArray *timeouts; /* FakeTimeout; fake clocks only */

  gboolean fake;
  gboolean advancing;
  gint64   now;
  guint    last_id;
};

G_DEFINE_FINAL_TYPE (OpsClock, ops_clock, G_TYPE_OBJECT)

static void
fake_timeout_free (gpointer data)
{
  FakeTimeout *timeout = data;

  if (timeout->destroy != NULL)
    timeout->destroy (timeout->user_data);
  g_free (timeout);
}

static void
ops_clock_finalize (GObject *object)
{
  OpsClock *self = OPS_CLOCK (object);

  g_clear_pointer (&self->timeouts, g_ptr_array_unref);

  G_OBJECT_CLASS (ops_clock_parent_class)->finalize (object);
}

static void
ops_clock_class_init (OpsClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ops_clock_finalize;
}

static void
ops_clock_init (OpsClock *self)
{
  self->timeouts = g_ptr_array_new_with_free_func (fake_timeout_free);
}

/**
 * ops_clock_new_system:
 *
 * Returns: (transfer full): the wall clock of the machine
 */
OpsClock *
ops_clock_new_system (void)
{
  return g_object_new (OPS_TYPE_CLOCK, NULL);
}

/**
 * ops_clock_new_fake:
 * @start_usec: the time it shows, in microseconds since 1970 (UTC)
 *
 * Returns: (transfer full): a clock that moves only when told to
 */
OpsClock *
ops_clock_new_fake (gint64 start_usec)
{
  OpsClock *self = g_object_new (OPS_TYPE_CLOCK, NULL);

  self->fake = TRUE;
  self->now = start_usec;

  return self;
}

gboolean
ops_clock_is_fake (OpsClock *self)
{
  g_return_val_if_fail (OPS_IS_CLOCK (self), FALSE);

  return self->fake;
}

/**
 * ops_clock_get_now:
 * @self: a #OpsClock
 *
 * Returns: the time, in microseconds since 1970 (UTC)
 */
gint64
ops_clock_get_now (OpsClock *self)
{
  g_return_val_if_fail (OPS_IS_CLOCK (self), 0);

  return self->fake ? self->now : g_get_real_time ();
}

/**
 * ops_clock_add_timeout:
 * @self: a #OpsClock
 * @interval_ms: how often @func runs
 * @func: called every @interval_ms until it returns %G_SOURCE_REMOVE
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data when the timeout ends
 *
 * Returns: an id for ops_clock_remove()
 */
guint
ops_clock_add_timeout (OpsClock      *self,
                       guint          interval_ms,
                       GSourceFunc    func,
                       gpointer       user_data,
                       GDestroyNotify destroy)
{
  FakeTimeout *timeout;

  g_return_val_if_fail (OPS_IS_CLOCK (self), 0);
  g_return_val_if_fail (interval_ms > 0, 0);
  g_return_val_if_fail (func != NULL, 0);

  if (!self->fake)
    return g_timeout_add_full (G_PRIORITY_DEFAULT, interval_ms, func, user_data, destroy);

  timeout = g_new0 (FakeTimeout, 1);
  timeout->id = ++self->last_id;
  timeout->interval_usec = (gint64)interval_ms * 1000;
  timeout->due = self->now + timeout->interval_usec;
  timeout->func = func;
  timeout->user_data = user_data;
  timeout->destroy = destroy;
  g_ptr_array_add (self->timeouts, timeout);

  return timeout->id;
}

static void
sweep_removed (OpsClock *self)
{
  for (guint i = self->timeouts->len; i > 0; i--)
    {
      FakeTimeout *timeout = g_ptr_array_index (self->timeouts, i - 1);

      if (timeout->removed)
        g_ptr_array_remove_index (self->timeouts, i - 1);
    }
}

void
ops_clock_remove (OpsClock *self,
                  guint     timeout_id)
{
  g_return_if_fail (OPS_IS_CLOCK (self));
  g_return_if_fail (timeout_id != 0);

  if (!self->fake)
    {
      g_source_remove (timeout_id);
      return;
    }

  for (guint i = 0; i < self->timeouts->len; i++)
    {
      FakeTimeout *timeout = g_ptr_array_index (self->timeouts, i);

      if (timeout->id == timeout_id && !timeout->removed)
        {
          timeout->removed = TRUE;
          if (!self->advancing)
            sweep_removed (self);
          return;
        }
    }

  g_critical ("No timeout %u on this clock", timeout_id);
}

static FakeTimeout *
next_due (OpsClock *self,
          gint64    until)
{
  FakeTimeout *best = NULL;

  for (guint i = 0; i < self->timeouts->len; i++)
    {
      FakeTimeout *timeout = g_ptr_array_index (self->timeouts, i);

      if (timeout->removed || timeout->due > until)
        continue;
      if (best == NULL || timeout->due < best->due ||
          (timeout->due == best->due && timeout->id < best->id))
        best = timeout;
    }

  return best;
}

/**
 * ops_clock_set_now:
 * @self: a fake #OpsClock
 * @now_usec: the new time
 *
 * Moves a fake clock to @now_usec. Going forward runs the timeouts that
 * fall due on the way, as ops_clock_advance() does; going back runs none.
 */
void
ops_clock_set_now (OpsClock *self,
                   gint64    now_usec)
{
  FakeTimeout *timeout;

  g_return_if_fail (OPS_IS_CLOCK (self));
  g_return_if_fail (self->fake);
  g_return_if_fail (!self->advancing);

  if (now_usec < self->now)
    {
      self->now = now_usec;
      for (guint i = 0; i < self->timeouts->len; i++)
        {
          timeout = g_ptr_array_index (self->timeouts, i);
          timeout->due = MIN (timeout->due, now_usec + timeout->interval_usec);
        }
      return;
    }

  g_object_ref (self);
  self->advancing = TRUE;

  while ((timeout = next_due (self, now_usec)) != NULL)
    {
      self->now = MAX (self->now, timeout->due);
      timeout->due += timeout->interval_usec;
      if (timeout->func (timeout->user_data) == G_SOURCE_REMOVE)
        timeout->removed = TRUE;
    }

  self->now = now_usec;
  self->advancing = FALSE;
  sweep_removed (self);
  g_object_unref (self);
}

/**
 * ops_clock_advance:
 * @self: a fake #OpsClock
 * @usec: how far to move it forward
 *
 * Moves a fake clock forward, running every timeout that falls due on the
 * way with the clock set to its due time.
 */
void
ops_clock_advance (OpsClock *self,
                   gint64    usec)
{
  g_return_if_fail (OPS_IS_CLOCK (self));
  g_return_if_fail (usec >= 0);

  ops_clock_set_now (self, self->now + usec);
}
