/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-clock"

#include "config.h"

#include "ops-clock.h"

/**
 * OpsClock:
 *
 * The time as the scheduler sees it: monotonic microseconds for planning,
 * real microseconds for results, and one-shot timeouts on the thread's
 * main context. Subclasses replace it in tests.
 */
G_DEFINE_TYPE (OpsClock, ops_clock, G_TYPE_OBJECT)

static gint64
real_get_monotonic (OpsClock *self)
{
  return g_get_monotonic_time ();
}

static gint64
real_get_real (OpsClock *self)
{
  return g_get_real_time ();
}

static guint
real_add_timeout (OpsClock   *self,
                  gint64      delay_usec,
                  GSourceFunc func,
                  gpointer    user_data)
{
  /* Rounded up: a timeout never fires before its time. */
  guint msec = (guint)CLAMP ((delay_usec + 999) / 1000, 0, G_MAXUINT);

  return g_timeout_add (msec, func, user_data);
}

static void
real_remove_timeout (OpsClock *self,
                     guint     id)
{
  g_source_remove (id);
}

static void
ops_clock_class_init (OpsClockClass *klass)
{
  klass->get_monotonic = real_get_monotonic;
  klass->get_real = real_get_real;
  klass->add_timeout = real_add_timeout;
  klass->remove_timeout = real_remove_timeout;
}

static void
ops_clock_init (OpsClock *self)
{
}

/**
 * ops_clock_new:
 *
 * Returns: (transfer full): the real clock
 */
OpsClock *
ops_clock_new (void)
{
  return g_object_new (OPS_TYPE_CLOCK, NULL);
}

gint64
ops_clock_get_monotonic (OpsClock *self)
{
  g_return_val_if_fail (OPS_IS_CLOCK (self), 0);

  return OPS_CLOCK_GET_CLASS (self)->get_monotonic (self);
}

gint64
ops_clock_get_real (OpsClock *self)
{
  g_return_val_if_fail (OPS_IS_CLOCK (self), 0);

  return OPS_CLOCK_GET_CLASS (self)->get_real (self);
}

/**
 * ops_clock_add_timeout:
 * @self: a clock
 * @delay_usec: in how long
 * @func: called once, on the main context; its return value is ignored
 * @user_data: data for @func
 *
 * Returns: an id for ops_clock_remove_timeout()
 */
guint
ops_clock_add_timeout (OpsClock   *self,
                       gint64      delay_usec,
                       GSourceFunc func,
                       gpointer    user_data)
{
  g_return_val_if_fail (OPS_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  return OPS_CLOCK_GET_CLASS (self)->add_timeout (self, MAX (delay_usec, 0), func, user_data);
}

void
ops_clock_remove_timeout (OpsClock *self,
                          guint     id)
{
  g_return_if_fail (OPS_IS_CLOCK (self));
  g_return_if_fail (id != 0);

  OPS_CLOCK_GET_CLASS (self)->remove_timeout (self, id);
}
