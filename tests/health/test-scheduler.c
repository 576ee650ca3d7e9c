/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include "health/ops-scheduler.h"
#include "ops-test-clock.h"
#include "ops-test-util.h"

/* The scheduler on a clock the test moves by hand: nothing sleeps. Probes
 * are fake: each run is recorded and ends after `probe_usec`. */

#define SEC G_USEC_PER_SEC
#define MS  1000

typedef struct
{
  guint  check;
  gint64 time;
} Run;

typedef struct
{
  OpsTestClock *clock;
  OpsScheduler *scheduler;
  GPtrArray    *checks;
  GArray       *runs;
  GHashTable   *running;    /* OpsCheck set */
  gint64        probe_usec; /* < 0: the test ends runs itself */
  guint         max_running;
} Harness;

typedef struct
{
  Harness  *harness;
  OpsCheck *check;
} Finish;

static gboolean
finish_cb (gpointer data)
{
  Finish *finish = data;

  g_hash_table_remove (finish->harness->running, finish->check);
  ops_scheduler_finished (finish->harness->scheduler, finish->check);
  g_object_unref (finish->check);
  g_free (finish);
  return G_SOURCE_REMOVE;
}

static void
run_cb (OpsScheduler *scheduler,
        OpsCheck     *check,
        gpointer      user_data)
{
  Harness *h = user_data;
  guint    index = 0;
  Run      run;

  g_assert_true (g_ptr_array_find (h->checks, check, &index));
  /* Never two runs of one check at once. */
  g_assert_false (g_hash_table_contains (h->running, check));
  g_hash_table_add (h->running, check);
  h->max_running = MAX (h->max_running, g_hash_table_size (h->running));

  run.check = index;
  run.time = ops_clock_get_monotonic (OPS_CLOCK (h->clock));
  g_array_append_val (h->runs, run);

  if (h->probe_usec >= 0)
    {
      Finish *finish = g_new0 (Finish, 1);

      finish->harness = h;
      finish->check = g_object_ref (check);
      ops_clock_add_timeout (OPS_CLOCK (h->clock), h->probe_usec, finish_cb, finish);
    }
}

static void
harness_init (Harness *h,
              guint    n_checks,
              guint    interval_ms,
              gint64   probe_usec)
{
  h->clock = ops_test_clock_new ();
  h->scheduler = ops_scheduler_new (OPS_CLOCK (h->clock), run_cb, h, NULL);
  ops_scheduler_set_seed (h->scheduler, 42);
  h->checks = g_ptr_array_new_with_free_func (g_object_unref);
  h->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  h->running = g_hash_table_new (NULL, NULL);
  h->probe_usec = probe_usec;

  for (guint i = 0; i < n_checks; i++)
    {
      g_autofree char *name = g_strdup_printf ("check-%u", i);
      OpsCheck        *check = ops_check_new (OPS_CHECK_KIND_TCP, name, "127.0.0.1:1");

      ops_check_set_interval_ms (check, interval_ms);
      ops_check_set_timeout_ms (check, MIN (interval_ms, 10000));
      g_ptr_array_add (h->checks, check);
    }
}

static void
harness_add_all (Harness *h)
{
  for (guint i = 0; i < h->checks->len; i++)
    ops_scheduler_add (h->scheduler, g_ptr_array_index (h->checks, i));
}

static void
harness_clear (Harness *h)
{
  g_clear_object (&h->scheduler);
  g_clear_object (&h->clock);
  g_clear_pointer (&h->checks, g_ptr_array_unref);
  g_clear_pointer (&h->runs, g_array_unref);
  g_clear_pointer (&h->running, g_hash_table_unref);
}

static OpsCheck *
check_at (Harness *h,
          guint    i)
{
  return g_ptr_array_index (h->checks, i);
}

static guint
count_runs (Harness *h,
            guint    check,
            gint64   from,
            gint64   to)
{
  guint n = 0;

  for (guint i = 0; i < h->runs->len; i++)
    {
      Run *run = &g_array_index (h->runs, Run, i);

      if (run->check == check && run->time >= from && run->time < to)
        n++;
    }

  return n;
}

static gint64
now (Harness *h)
{
  return ops_clock_get_monotonic (OPS_CLOCK (h->clock));
}

/* Each check runs once per interval, give or take the jitter. */
static void
test_intervals (void)
{
  static const guint intervals_ms[] = { 1000, 5000, 30000, 60000, 3600000 };

  for (guint c = 0; c < G_N_ELEMENTS (intervals_ms); c++)
    {
      gint64  interval = (gint64)intervals_ms[c] * MS;
      gint64  jitter = MIN (interval * 2 / 100, 500 * MS);
      gint64  span = 20 * interval;
      Harness h = { 0 };
      gint64  start, previous = -1;

      harness_init (&h, 1, intervals_ms[c], 10 * MS);
      start = now (&h);
      harness_add_all (&h);
      ops_test_clock_advance (h.clock, span);

      g_test_message ("interval %u ms: %u runs", intervals_ms[c], h.runs->len);
      g_assert_cmpuint (h.runs->len, >=, 19);
      g_assert_cmpuint (h.runs->len, <=, 21);

      /* The first run falls in the first interval. */
      g_assert_cmpint (g_array_index (h.runs, Run, 0).time - start, <, interval);

      for (guint i = 0; i < h.runs->len; i++)
        {
          gint64 time = g_array_index (h.runs, Run, i).time;

          if (previous >= 0)
            {
              g_assert_cmpint (time - previous, >=, interval - jitter);
              g_assert_cmpint (time - previous, <=, interval + jitter);
            }
          previous = time;
        }

      harness_clear (&h);
    }
}

/* Checks added together do not fire together. */
static void
test_first_runs_spread (void)
{
  g_autoptr(GHashTable) buckets = g_hash_table_new (NULL, NULL);
  Harness h = { 0 };
  gint64  start;

  harness_init (&h, 200, 10000, 5 * MS);
  start = now (&h);
  harness_add_all (&h);
  ops_test_clock_advance (h.clock, 10 * SEC - 1);

  g_assert_cmpuint (h.runs->len, ==, 200);
  for (guint i = 0; i < h.runs->len; i++)
    {
      gint64 offset = g_array_index (h.runs, Run, i).time - start;

      g_assert_cmpint (offset, >=, 0);
      g_assert_cmpint (offset, <, 10 * SEC);
      g_hash_table_add (buckets, GINT_TO_POINTER ((int)(offset / (100 * MS)) + 1));
    }

  /* 200 runs over 100 slots of 100 ms: a uniform spread fills most. */
  g_test_message ("%u of 100 slots used", g_hash_table_size (buckets));
  g_assert_cmpuint (g_hash_table_size (buckets), >, 60);

  harness_clear (&h);
}

/* No more probes at once than the limit, and every check still runs. */
static void
test_concurrency_limit (void)
{
  static const struct
  {
    guint  limit;
    guint  n_checks;
    gint64 probe_usec;
  } cases[] = {
    { 1, 10, 50 * MS },
    { 4, 50, 300 * MS },
    { 16, 200, 900 * MS },
    { 64, 100, 100 * MS },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      Harness h = { 0 };

      harness_init (&h, cases[c].n_checks, 1000, cases[c].probe_usec);
      ops_scheduler_set_max_concurrent (h.scheduler, cases[c].limit);
      harness_add_all (&h);
      ops_test_clock_advance (h.clock, 30 * SEC);

      g_test_message ("limit %u: %u at once at most, %u runs, %u waiting", cases[c].limit,
                      h.max_running, h.runs->len, ops_scheduler_get_n_waiting (h.scheduler));
      g_assert_cmpuint (h.max_running, <=, cases[c].limit);
      g_assert_cmpuint (ops_scheduler_get_n_running (h.scheduler), <=, cases[c].limit);
      for (guint i = 0; i < cases[c].n_checks; i++)
        g_assert_cmpuint (count_runs (&h, i, 0, G_MAXINT64), >, 0);

      harness_clear (&h);
    }
}

static void
test_check_now (void)
{
  Harness   h = { 0 };
  OpsCheck *check;

  harness_init (&h, 1, 60000, -1);
  check = check_at (&h, 0);
  harness_add_all (&h);

  /* At once, before its planned run. */
  ops_scheduler_run_now (h.scheduler, check);
  g_assert_cmpuint (h.runs->len, ==, 1);
  g_assert_cmpuint (ops_scheduler_get_n_running (h.scheduler), ==, 1);

  /* During a run: once more when it ends, not twice at once. */
  ops_scheduler_run_now (h.scheduler, check);
  g_assert_cmpuint (h.runs->len, ==, 1);
  g_hash_table_remove (h.running, check);
  ops_scheduler_finished (h.scheduler, check);
  g_assert_cmpuint (h.runs->len, ==, 2);
  g_hash_table_remove (h.running, check);
  ops_scheduler_finished (h.scheduler, check);

  /* Even when it is paused. */
  ops_check_set_paused (check, TRUE);
  ops_scheduler_run_now (h.scheduler, check);
  g_assert_cmpuint (h.runs->len, ==, 3);
  g_hash_table_remove (h.running, check);
  ops_scheduler_finished (h.scheduler, check);
  g_assert_cmpint (ops_scheduler_get_next_due (h.scheduler, check), ==, -1);

  harness_clear (&h);
}

/* With every slot busy, “check now” goes to the head of the line. */
static void
test_check_now_jumps_the_line (void)
{
  Harness h = { 0 };

  harness_init (&h, 5, 1000, -1);
  ops_scheduler_set_max_concurrent (h.scheduler, 1);
  harness_add_all (&h);
  ops_test_clock_advance (h.clock, 1 * SEC);

  g_assert_cmpuint (h.runs->len, ==, 1);
  g_assert_cmpuint (ops_scheduler_get_n_waiting (h.scheduler), ==, 4);

  {
    guint first = g_array_index (h.runs, Run, 0).check;
    guint wanted = (first + 3) % 5;

    ops_scheduler_run_now (h.scheduler, check_at (&h, wanted));
    g_hash_table_remove (h.running, check_at (&h, first));
    ops_scheduler_finished (h.scheduler, check_at (&h, first));
    g_assert_cmpuint (h.runs->len, ==, 2);
    g_assert_cmpuint (g_array_index (h.runs, Run, 1).check, ==, wanted);
  }

  harness_clear (&h);
}

static void
test_pause_one (void)
{
  Harness h = { 0 };
  gint64  paused_at, resumed_at;

  harness_init (&h, 2, 5000, 10 * MS);
  harness_add_all (&h);
  ops_test_clock_advance (h.clock, 20 * SEC);

  ops_check_set_paused (check_at (&h, 0), TRUE);
  paused_at = now (&h);
  ops_test_clock_advance (h.clock, 60 * SEC);
  g_assert_cmpuint (count_runs (&h, 0, paused_at, now (&h)), ==, 0);
  g_assert_cmpuint (count_runs (&h, 1, paused_at, now (&h)), >=, 11);

  /* Resumed: it runs at once, then on its interval. */
  ops_check_set_paused (check_at (&h, 0), FALSE);
  resumed_at = now (&h);
  ops_test_clock_advance (h.clock, 1 * MS);
  g_assert_cmpuint (count_runs (&h, 0, resumed_at, now (&h)), ==, 1);
  ops_test_clock_advance (h.clock, 20 * SEC);
  g_assert_cmpuint (count_runs (&h, 0, resumed_at, now (&h)), >=, 4);

  /* Disabling works the same way. */
  ops_check_set_enabled (check_at (&h, 1), FALSE);
  paused_at = now (&h);
  ops_test_clock_advance (h.clock, 30 * SEC);
  g_assert_cmpuint (count_runs (&h, 1, paused_at, now (&h)), ==, 0);

  harness_clear (&h);
}

static void
test_pause_all (void)
{
  Harness h = { 0 };
  gint64  paused_at, resumed_at;
  gint64  first = G_MAXINT64, last = 0;

  harness_init (&h, 50, 2000, 10 * MS);
  harness_add_all (&h);
  ops_test_clock_advance (h.clock, 10 * SEC);

  ops_scheduler_set_paused (h.scheduler, TRUE);
  paused_at = now (&h);
  ops_test_clock_advance (h.clock, 60 * SEC);
  g_assert_cmpuint (h.runs->len, >, 0);
  for (guint i = 0; i < h.runs->len; i++)
    g_assert_cmpint (g_array_index (h.runs, Run, i).time, <=, paused_at + 10 * MS);

  /* Resumed: the missed runs are spread over the interval, not at once. */
  ops_scheduler_set_paused (h.scheduler, FALSE);
  resumed_at = now (&h);
  ops_test_clock_advance (h.clock, 2 * SEC);
  for (guint i = 0; i < h.runs->len; i++)
    {
      gint64 time = g_array_index (h.runs, Run, i).time;

      if (time < resumed_at)
        continue;
      first = MIN (first, time);
      last = MAX (last, time);
    }
  for (guint i = 0; i < 50; i++)
    {
      g_assert_cmpuint (count_runs (&h, i, resumed_at, now (&h)), >=, 1);
      g_assert_cmpuint (count_runs (&h, i, resumed_at, now (&h)), <=, 2);
    }
  g_assert_cmpint (last - first, >, 1 * SEC);

  harness_clear (&h);
}

/* A probe slower than the interval: the next run waits for it to end. */
static void
test_overrun (void)
{
  Harness h = { 0 };

  harness_init (&h, 1, 1000, 2500 * MS);
  harness_add_all (&h);
  ops_test_clock_advance (h.clock, 30 * SEC);

  /* run_cb asserts that runs never overlap. */
  g_assert_cmpuint (h.runs->len, >=, 10);
  g_assert_cmpuint (h.runs->len, <=, 13);
  for (guint i = 1; i < h.runs->len; i++)
    g_assert_cmpint (g_array_index (h.runs, Run, i).time - g_array_index (h.runs, Run, i - 1).time,
                     >=, 2500 * MS);

  harness_clear (&h);
}

static void
test_interval_change (void)
{
  Harness h = { 0 };
  gint64  changed_at;

  harness_init (&h, 1, 3600000, 10 * MS);
  harness_add_all (&h);
  ops_test_clock_advance (h.clock, G_GINT64_CONSTANT (3600) * SEC);
  g_assert_cmpuint (h.runs->len, ==, 1);

  ops_check_set_interval_ms (check_at (&h, 0), 10000);
  changed_at = now (&h);
  ops_test_clock_advance (h.clock, 60 * SEC);
  g_assert_cmpuint (count_runs (&h, 0, changed_at, now (&h)), >=, 5);

  harness_clear (&h);
}

static void
test_remove_while_running (void)
{
  Harness   h = { 0 };
  OpsCheck *check;

  harness_init (&h, 1, 1000, -1);
  check = check_at (&h, 0);
  harness_add_all (&h);
  ops_test_clock_advance (h.clock, 1 * SEC);
  g_assert_cmpuint (h.runs->len, ==, 1);

  ops_scheduler_remove (h.scheduler, check);
  g_hash_table_remove (h.running, check);
  ops_scheduler_finished (h.scheduler, check);
  g_assert_cmpuint (ops_scheduler_get_n_running (h.scheduler), ==, 0);

  ops_test_clock_advance (h.clock, 10 * SEC);
  g_assert_cmpuint (h.runs->len, ==, 1);
  g_assert_cmpuint (ops_test_clock_get_n_timeouts (h.clock), ==, 0);

  harness_clear (&h);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/health/scheduler/intervals", test_intervals);
  g_test_add_func ("/opsdeck/health/scheduler/first-runs-spread", test_first_runs_spread);
  g_test_add_func ("/opsdeck/health/scheduler/concurrency-limit", test_concurrency_limit);
  g_test_add_func ("/opsdeck/health/scheduler/check-now", test_check_now);
  g_test_add_func ("/opsdeck/health/scheduler/check-now-jumps-the-line",
                   test_check_now_jumps_the_line);
  g_test_add_func ("/opsdeck/health/scheduler/pause-one", test_pause_one);
  g_test_add_func ("/opsdeck/health/scheduler/pause-all", test_pause_all);
  g_test_add_func ("/opsdeck/health/scheduler/overrun", test_overrun);
  g_test_add_func ("/opsdeck/health/scheduler/interval-change", test_interval_change);
  g_test_add_func ("/opsdeck/health/scheduler/remove-while-running", test_remove_while_running);

  return g_test_run ();
}
