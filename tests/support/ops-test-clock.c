/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include "ops-test-clock.h"

/* A clock that moves only when the test says so: timeouts fire inside
 * ops_test_clock_advance(), in time order, so scheduler tests never sleep. */
struct _OpsTestClock
{
  OpsClock parent_instance;

  GList *timeouts; /* Timeout, by due time */
  gint64 now;
  gint64 real_offset; /* real time = real_offset + now */
  guint  last_id;
};

typedef struct
{
  guint       id;
  gint64      due;
  guint64     order;
  GSourceFunc func;
  gpointer    user_data;
} Timeout;

G_DEFINE_FINAL_TYPE (OpsTestClock, ops_test_clock, OPS_TYPE_CLOCK)

/* Starts at a year that is not now, so that nothing mixes real and fake
 * time by accident. */
#define START_REAL_USEC (G_GINT64_CONSTANT (1900000000) * G_USEC_PER_SEC)

static gint
compare_timeouts (gconstpointer a,
                  gconstpointer b)
{
  const Timeout *ta = a, *tb = b;

  if (ta->due != tb->due)
    return ta->due < tb->due ? -1 : 1;
  return ta->order < tb->order ? -1 : 1;
}

static gint64
test_get_monotonic (OpsClock *clock)
{
  return OPS_TEST_CLOCK (clock)->now;
}

static gint64
test_get_real (OpsClock *clock)
{
  return OPS_TEST_CLOCK (clock)->real_offset + OPS_TEST_CLOCK (clock)->now;
}

static guint
test_add_timeout (OpsClock   *clock,
                  gint64      delay_usec,
                  GSourceFunc func,
                  gpointer    user_data)
{
  OpsTestClock *self = OPS_TEST_CLOCK (clock);
  Timeout      *timeout = g_new0 (Timeout, 1);

  timeout->id = ++self->last_id;
  timeout->order = timeout->id;
  timeout->due = self->now + delay_usec;
  timeout->func = func;
  timeout->user_data = user_data;
  self->timeouts = g_list_insert_sorted (self->timeouts, timeout, compare_timeouts);

  return timeout->id;
}

static void
test_remove_timeout (OpsClock *clock,
                     guint     id)
{
  OpsTestClock *self = OPS_TEST_CLOCK (clock);

  for (GList *l = self->timeouts; l != NULL; l = l->next)
    if (((Timeout *)l->data)->id == id)
      {
        g_free (l->data);
        self->timeouts = g_list_delete_link (self->timeouts, l);
        return;
      }

  g_assert_not_reached ();
}

static void
ops_test_clock_finalize (GObject *object)
{
  OpsTestClock *self = OPS_TEST_CLOCK (object);

  g_list_free_full (self->timeouts, g_free);

  G_OBJECT_CLASS (ops_test_clock_parent_class)->finalize (object);
}

static void
ops_test_clock_class_init (OpsTestClockClass *klass)
{
  GObjectClass  *object_class = G_OBJECT_CLASS (klass);
  OpsClockClass *clock_class = OPS_CLOCK_CLASS (klass);

  object_class->finalize = ops_test_clock_finalize;
  clock_class->get_monotonic = test_get_monotonic;
  clock_class->get_real = test_get_real;
  clock_class->add_timeout = test_add_timeout;
  clock_class->remove_timeout = test_remove_timeout;
}

static void
ops_test_clock_init (OpsTestClock *self)
{
  self->now = 1000 * G_USEC_PER_SEC;
  self->real_offset = START_REAL_USEC;
}

OpsTestClock *
ops_test_clock_new (void)
{
  return g_object_new (OPS_TYPE_TEST_CLOCK, NULL);
}

/**
 * ops_test_clock_new_at:
 * @real_usec: the real time it shows, in microseconds since 1970 (UTC)
 *
 * A test clock set to a given date, for code that cares about the wall
 * clock: maintenance windows, daylight-saving changes.
 *
 * Returns: (transfer full): the clock
 */
OpsTestClock *
ops_test_clock_new_at (gint64 real_usec)
{
  OpsTestClock *self = ops_test_clock_new ();

  self->real_offset = real_usec - self->now;

  return self;
}

/**
 * ops_test_clock_set_real:
 * @self: a test clock
 * @real_usec: the real time to move to; not before the current one
 *
 * Moves the clock forward to a date, as ops_test_clock_advance() does.
 */
void
ops_test_clock_set_real (OpsTestClock *self,
                         gint64        real_usec)
{
  g_assert_cmpint (real_usec, >=, self->real_offset + self->now);

  ops_test_clock_advance (self, real_usec - self->real_offset - self->now);
}

/**
 * ops_test_clock_advance:
 * @self: a test clock
 * @usec: how far to move
 *
 * Moves time forward, firing each timeout due on the way at its own time.
 */
void
ops_test_clock_advance (OpsTestClock *self,
                        gint64        usec)
{
  gint64 target = self->now + usec;

  g_assert_cmpint (usec, >=, 0);

  while (self->timeouts != NULL && ((Timeout *)self->timeouts->data)->due <= target)
    {
      Timeout *timeout = self->timeouts->data;

      self->timeouts = g_list_delete_link (self->timeouts, self->timeouts);
      self->now = MAX (self->now, timeout->due);
      timeout->func (timeout->user_data);
      g_free (timeout);
    }

  self->now = target;
}

/* The time of the earliest timeout, or -1. */
gint64
ops_test_clock_get_next_due (OpsTestClock *self)
{
  return self->timeouts != NULL ? ((Timeout *)self->timeouts->data)->due : -1;
}

guint
ops_test_clock_get_n_timeouts (OpsTestClock *self)
{
  return g_list_length (self->timeouts);
}
