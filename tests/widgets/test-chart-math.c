/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <math.h>

#include "ops-test-util.h"
#include "widgets/ops-chart-math.h"

/* The chart's arithmetic, without a display. */

#define SEC G_GINT64_CONSTANT (1000000)

/* The column of @time, in exact integer arithmetic. */
static guint
column_of (gint64 time,
           gint64 start,
           gint64 end,
           guint  n_columns)
{
  return (guint) ((time - start) * (gint64) n_columns / (end - start));
}

/* Compares the decimation of [start, end) with each column's envelope,
 * first and last value computed from the raw points. */
static void
assert_decimation (const OpsChartPoint *points,
                   gsize                n_points,
                   gint64               start,
                   gint64               end,
                   guint                n_columns)
{
  g_autofree OpsChartColumn *columns = g_new (OpsChartColumn, n_columns);
  g_autofree double *min = g_new (double, n_columns);
  g_autofree double *max = g_new (double, n_columns);
  g_autofree double *first = g_new (double, n_columns);
  g_autofree double *last = g_new (double, n_columns);
  g_autofree guint *count = g_new0 (guint, n_columns);

  ops_chart_decimate (points, n_points, start, end, 0, columns, n_columns);

  for (gsize i = 0; i < n_points; i++)
    {
      guint c;

      if (points[i].time < start || points[i].time >= end || isnan (points[i].value))
        continue;
      c = column_of (points[i].time, start, end, n_columns);
      if (count[c] == 0)
        min[c] = max[c] = first[c] = points[i].value;
      min[c] = MIN (min[c], points[i].value);
      max[c] = MAX (max[c], points[i].value);
      last[c] = points[i].value;
      count[c]++;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      g_assert_cmpuint (columns[c].n_values, ==, count[c]);
      if (count[c] == 0)
        continue;
      g_assert_cmpfloat (columns[c].min, ==, min[c]);
      g_assert_cmpfloat (columns[c].max, ==, max[c]);
      g_assert_cmpfloat (columns[c].first, ==, first[c]);
      g_assert_cmpfloat (columns[c].last, ==, last[c]);
    }
}

static OpsChartPoint *
random_points (GRand *rand,
               gsize  n,
               gint64 start)
{
  OpsChartPoint *points = g_new (OpsChartPoint, n);
  gint64         t = start;

  for (gsize i = 0; i < n; i++)
    {
      /* Mostly dense, with a long gap now and then. */
      t += g_rand_int_range (rand, 0, 10) == 0 ? g_rand_int_range (rand, 1, 50 * SEC)
                                                : g_rand_int_range (rand, 1, SEC);
      points[i].time = t;
      points[i].value = g_rand_int_range (rand, 0, 30) == 0 ? NAN : g_rand_double_range (rand, -50, 500);
    }
  return points;
}

static void
test_decimate_envelope (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);

  for (guint round = 0; round < 20; round++)
    {
      gsize                    n = g_rand_int_range (rand, 1, 20000);
      g_autofree OpsChartPoint *points = random_points (rand, n, 1700000000 * SEC);
      gint64                   data_start = points[0].time;
      gint64                   data_end = points[n - 1].time;
      /* A prime number of columns and a span it does not divide: no
       * point falls exactly on a column boundary. */
      guint                    n_columns = 997;
      gint64                   span = (data_end - data_start) | 1;

      if (span % n_columns == 0)
        span++;

      /* The whole data, then ranges partly outside it on either side. */
      assert_decimation (points, n, data_start, data_start + span, n_columns);
      assert_decimation (points, n, data_start - span / 3, data_start + span / 2 + 1, n_columns);
      assert_decimation (points, n, data_start + span / 2, data_start + span * 2 + 1, n_columns);
      assert_decimation (points, n, data_start + span / 5, data_start + span / 5 + span / 7, 101);
    }
}

static void
test_decimate_edges (void)
{
  OpsChartColumn columns[10];
  OpsChartPoint  one = { 5 * SEC, 42 };

  /* No points. */
  ops_chart_decimate (NULL, 0, 0, 10 * SEC, 0, columns, 10);
  for (guint c = 0; c < 10; c++)
    g_assert_cmpuint (columns[c].n_values, ==, 0);

  /* One point, in its column. */
  ops_chart_decimate (&one, 1, 0, 10 * SEC, 0, columns, 10);
  for (guint c = 0; c < 10; c++)
    g_assert_cmpuint (columns[c].n_values, ==, (c == 5 ? 1 : 0));
  g_assert_cmpfloat (columns[5].min, ==, 42);
  g_assert_cmpfloat (columns[5].max, ==, 42);
  g_assert_false (columns[5].joined);

  /* A range entirely before or after the data is empty. */
  ops_chart_decimate (&one, 1, 6 * SEC, 10 * SEC, 0, columns, 10);
  for (guint c = 0; c < 10; c++)
    g_assert_cmpuint (columns[c].n_values, ==, 0);
  ops_chart_decimate (&one, 1, 0, 5 * SEC, 0, columns, 10);
  for (guint c = 0; c < 10; c++)
    g_assert_cmpuint (columns[c].n_values, ==, 0);

  /* An empty range. */
  ops_chart_decimate (&one, 1, 5 * SEC, 5 * SEC, 0, columns, 10);
  g_assert_cmpuint (columns[5].n_values, ==, 0);
}

static void
test_decimate_gaps (void)
{
  /* One point a second, a hole from 4 s to 9 s, a NAN at 12 s. */
  const OpsChartPoint points[] = {
    { 1 * SEC, 1 }, { 2 * SEC, 2 }, { 3 * SEC, 3 }, { 4 * SEC, 4 },
    { 9 * SEC, 9 }, { 10 * SEC, 10 }, { 11 * SEC, 11 },
    { 12 * SEC, NAN }, { 13 * SEC, 13 }, { 14 * SEC, 14 },
  };
  OpsChartColumn columns[20];
  double         value;

  ops_chart_decimate (points, G_N_ELEMENTS (points), 0, 20 * SEC, 2 * SEC, columns, 20);
  g_assert_false (columns[1].joined); /* the first value */
  g_assert_true (columns[2].joined);
  g_assert_true (columns[4].joined);
  g_assert_false (columns[9].joined); /* 5 s after the previous value */
  g_assert_true (columns[10].joined);
  g_assert_cmpuint (columns[12].n_values, ==, 0);
  g_assert_false (columns[13].joined); /* after the NAN */
  g_assert_true (columns[14].joined);

  /* Without a limit, the hole is bridged, the NAN still is not. */
  ops_chart_decimate (points, G_N_ELEMENTS (points), 0, 20 * SEC, 0, columns, 20);
  g_assert_true (columns[9].joined);
  g_assert_false (columns[13].joined);

  /* A line coming in from the left of the range is joined. */
  ops_chart_decimate (points, G_N_ELEMENTS (points), 2 * SEC + 1, 12 * SEC, 2 * SEC, columns, 10);
  g_assert_true (columns[0].joined);

  /* Values at a time: the nearest point, within the gap. */
  g_assert_true (ops_chart_value_at (points, G_N_ELEMENTS (points), 2 * SEC + 400000, 2 * SEC, &value));
  g_assert_cmpfloat (value, ==, 2);
  g_assert_true (ops_chart_value_at (points, G_N_ELEMENTS (points), 2 * SEC + 600000, 2 * SEC, &value));
  g_assert_cmpfloat (value, ==, 3);
  g_assert_false (ops_chart_value_at (points, G_N_ELEMENTS (points), 6 * SEC + 500000, 2 * SEC, &value));
  g_assert_false (ops_chart_value_at (points, G_N_ELEMENTS (points), 12 * SEC, 2 * SEC, &value));
  g_assert_false (ops_chart_value_at (points, 0, 12 * SEC, 2 * SEC, &value));
}

static gint64
utc (int year,
     int month,
     int day,
     int hour)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (dt) * SEC;
}

static GArray *
assert_ticks (gint64 start,
              gint64 end)
{
  GArray *ticks = ops_chart_time_ticks (start, end, 8);

  g_assert_cmpuint (ticks->len, >=, 3);
  g_assert_cmpuint (ticks->len, <=, 8);
  for (guint i = 0; i < ticks->len; i++)
    {
      OpsChartTimeTick *tick = &g_array_index (ticks, OpsChartTimeTick, i);

      g_assert_cmpint (tick->time, >=, start);
      g_assert_cmpint (tick->time, <=, end);
      g_assert_cmpstr (tick->label, !=, "");
      if (i > 0)
        g_assert_cmpint (tick->time, >, g_array_index (ticks, OpsChartTimeTick, i - 1).time);
    }
  return ticks;
}

#define TICK_LABEL(ticks, i) (g_array_index ((ticks), OpsChartTimeTick, (i)).label)

static void
test_time_ticks (void)
{
  gint64 t0 = utc (2026, 12, 4, 10);
  g_autoptr(GArray) seconds = assert_ticks (t0 + 3 * SEC + 250000, t0 + 13 * SEC + 250000);
  g_autoptr(GArray) hour = assert_ticks (t0, t0 + 3600 * SEC);
  g_autoptr(GArray) day = assert_ticks (utc (2026, 12, 4, 0), utc (2026, 12, 5, 0));
  g_autoptr(GArray) week = assert_ticks (t0, t0 + 7 * 86400 * SEC);
  g_autoptr(GArray) month = assert_ticks (t0 - 30 * 86400 * SEC, t0);
  g_autoptr(GArray) year = assert_ticks (utc (2026, 1, 1, 0), utc (2027, 1, 1, 0));
  g_autoptr(GDateTime) january = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) march = g_date_time_new_utc (2026, 3, 1, 0, 0, 0);
  g_autofree char *january_label = g_date_time_format (january, "%b %Y");
  g_autofree char *march_label = g_date_time_format (march, "%b");

  /* 10 s: every 2 s, on even seconds, with seconds. */
  g_assert_cmpstr (TICK_LABEL (seconds, 0), ==, "10:00:04");
  g_assert_cmpint (g_array_index (seconds, OpsChartTimeTick, 1).time -
                     g_array_index (seconds, OpsChartTimeTick, 0).time, ==, 2 * SEC);

  /* 1 h: every 10 minutes. */
  g_assert_cmpuint (hour->len, ==, 7);
  g_assert_cmpstr (TICK_LABEL (hour, 0), ==, "10:00");
  g_assert_cmpstr (TICK_LABEL (hour, 1), ==, "10:10");
  g_assert_cmpstr (TICK_LABEL (hour, 6), ==, "11:00");

  /* 24 h: every 6 hours; midnight shows the date. */
  g_assert_cmpuint (day->len, ==, 5);
  g_assert_cmpstr (TICK_LABEL (day, 1), ==, "06:00");
  g_assert_cmpstr (TICK_LABEL (day, 3), ==, "18:00");
  g_assert_true (g_str_has_suffix (TICK_LABEL (day, 0), " 4"));
  g_assert_true (g_str_has_suffix (TICK_LABEL (day, 4), " 5"));

  /* 7 days: days, at midnight. */
  for (guint i = 0; i < week->len; i++)
    g_assert_cmpint (g_array_index (week, OpsChartTimeTick, i).time % (86400 * SEC), ==, 0);

  /* 30 days: weeks, on Mondays. */
  for (guint i = 0; i < month->len; i++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (g_array_index (month, OpsChartTimeTick, i).time / SEC);

      g_assert_cmpint (g_date_time_get_day_of_week (dt), ==, 1);
      g_assert_cmpint (g_date_time_get_hour (dt), ==, 0);
    }

  /* A year: every other month, on the first, the year on the first tick. */
  g_assert_cmpuint (year->len, ==, 7);
  g_assert_cmpstr (TICK_LABEL (year, 0), ==, january_label);
  g_assert_cmpstr (TICK_LABEL (year, 1), ==, march_label);

  /* No ticks for an empty range. */
  {
    g_autoptr(GArray) none = ops_chart_time_ticks (t0, t0, 8);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static gboolean
is_nice (double step)
{
  double mantissa = step / pow (10.0, floor (log10 (step) + 1e-9));

  return fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 ||
         fabs (mantissa - 2.5) < 1e-9 || fabs (mantissa - 5) < 1e-9;
}

static void
test_value_ticks (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double           lo, hi, step;
  guint            n;

  n = ops_chart_value_ticks (0, 87, 6, OPS_CHART_UNIT_PLAIN, &lo, &hi, &step);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat (hi, ==, 100);
  g_assert_cmpfloat (step, ==, 20);

  n = ops_chart_value_ticks (0.2, 0.9, 5, OPS_CHART_UNIT_PLAIN, &lo, &hi, &step);
  g_assert_cmpfloat_with_epsilon (step, 0.2, 1e-12);
  g_assert_cmpuint (n, <=, 5);

  /* Flat and empty data still give an axis. */
  n = ops_chart_value_ticks (0, 0, 5, OPS_CHART_UNIT_PLAIN, &lo, &hi, &step);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpfloat (hi, >, lo);
  n = ops_chart_value_ticks (NAN, NAN, 5, OPS_CHART_UNIT_PLAIN, &lo, &hi, &step);
  g_assert_cmpfloat (hi, >, lo);

  /* Bytes step in KiB, MiB… */
  ops_chart_value_ticks (0, 3 * 1048576.0, 5, OPS_CHART_UNIT_BYTES, &lo, &hi, &step);
  g_assert_cmpfloat (step, ==, 1048576);
  g_assert_cmpfloat (hi, ==, 3 * 1048576.0);

  for (guint i = 0; i < 1000; i++)
    {
      double a = g_rand_double_range (rand, -1e6, 1e6) * pow (10, g_rand_int_range (rand, -6, 3));
      double b = a + g_rand_double_range (rand, 1e-3, 1e6);
      guint  max_ticks = g_rand_int_range (rand, 2, 12);

      n = ops_chart_value_ticks (a, b, max_ticks, OPS_CHART_UNIT_PLAIN, &lo, &hi, &step);
      g_assert_cmpuint (n, >=, 2);
      g_assert_cmpuint (n, <=, max_ticks);
      g_assert_cmpfloat (lo, <=, a);
      g_assert_cmpfloat (hi, >=, b);
      g_assert_true (is_nice (step));
      g_assert_cmpfloat (fabs (lo / step - round (lo / step)), <, 1e-6);
    }
}

static void
assert_format (double       value,
               OpsChartUnit unit,
               double       step,
               const char  *expected)
{
  g_autofree char *text = ops_chart_format_value (value, unit, step);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  assert_format (250, OPS_CHART_UNIT_MS, 0, "250 ms");
  assert_format (12.5, OPS_CHART_UNIT_MS, 0, "12.5 ms");
  assert_format (1500, OPS_CHART_UNIT_MS, 0, "1.5 s");
  assert_format (2000, OPS_CHART_UNIT_MS, 500, "2.0 s");
  assert_format (200, OPS_CHART_UNIT_MS, 50, "200 ms");
  assert_format (42, OPS_CHART_UNIT_PERCENT, 0, "42 %");
  assert_format (37.5, OPS_CHART_UNIT_PERCENT, 2.5, "37.5 %");
  assert_format (512, OPS_CHART_UNIT_BYTES, 0, "512 B");
  assert_format (1536, OPS_CHART_UNIT_BYTES, 0, "1.5 KiB");
  assert_format (3 * 1048576.0, OPS_CHART_UNIT_BYTES, 1048576, "3 MiB");
  assert_format (1.5 * 1073741824.0, OPS_CHART_UNIT_BYTES, 0, "1.5 GiB");
  assert_format (120, OPS_CHART_UNIT_REQ_PER_SEC, 0, "120 req/s");
  assert_format (1500, OPS_CHART_UNIT_REQ_PER_SEC, 0, "1.5 k req/s");
  assert_format (2500000, OPS_CHART_UNIT_PLAIN, 500000, "2.5 M");
  assert_format (7, OPS_CHART_UNIT_PLAIN, 1, "7");
  assert_format (0, OPS_CHART_UNIT_MS, 0, "0 ms");
}

int
main (int   argc,
      char *argv[])
{
  /* Tick labels are checked on the UTC clock. */
  g_setenv ("TZ", "UTC", TRUE);
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/widgets/chart/decimate/envelope", test_decimate_envelope);
  g_test_add_func ("/opsdeck/widgets/chart/decimate/edges", test_decimate_edges);
  g_test_add_func ("/opsdeck/widgets/chart/decimate/gaps", test_decimate_gaps);
  g_test_add_func ("/opsdeck/widgets/chart/ticks/time", test_time_ticks);
  g_test_add_func ("/opsdeck/widgets/chart/ticks/value", test_value_ticks);
  g_test_add_func ("/opsdeck/widgets/chart/format", test_format);

  return g_test_run ();
}
