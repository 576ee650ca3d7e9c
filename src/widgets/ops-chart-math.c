/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ops-chart-math.h"

#define USEC_PER_SEC G_USEC_PER_SEC
#define USEC_PER_DAY (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

/**
 * ops_chart_lower_bound:
 *
 * Returns: the index of the first point at or after @time in @points,
 * which are sorted by time; @n_points when there is none
 */
gsize
ops_chart_lower_bound (const OpsChartPoint *points,
                       gsize                n_points,
                       gint64               time)
{
  gsize lo = 0;
  gsize hi = n_points;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (points[mid].time < time)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static inline gboolean
within_gap (gint64 previous,
            gint64 time,
            gint64 max_gap_usec)
{
  return max_gap_usec <= 0 || time - previous <= max_gap_usec;
}

/**
 * ops_chart_decimate:
 * @points: points sorted by time
 * @start: time at the left edge of the first column
 * @end: time at the right edge of the last column (exclusive)
 * @max_gap_usec: two values further apart are not joined; 0: no limit
 * @columns: (out caller-allocates): @n_columns columns
 *
 * Reduces the points in [@start, @end) to one column per pixel holding
 * their first, last, minimum and maximum values. Finds the visible range
 * by binary search, then reads it once.
 */
void
ops_chart_decimate (const OpsChartPoint *points,
                    gsize                n_points,
                    gint64               start,
                    gint64               end,
                    gint64               max_gap_usec,
                    OpsChartColumn      *columns,
                    guint                n_columns)
{
  gsize    lo, hi;
  double   scale;
  gboolean have_previous = FALSE;
  gint64   previous_time = 0;

  g_return_if_fail (columns != NULL || n_columns == 0);
  g_return_if_fail (points != NULL || n_points == 0);

  for (guint i = 0; i < n_columns; i++)
    columns[i] = (OpsChartColumn) { NAN, NAN, NAN, NAN, 0, 0, FALSE };

  if (end <= start || n_columns == 0 || n_points == 0)
    return;

  lo = ops_chart_lower_bound (points, n_points, start);
  hi = lo + ops_chart_lower_bound (points + lo, n_points - lo, end);

  /* The line may come in from a value left of the range. */
  if (lo > 0 && !isnan (points[lo - 1].value))
    {
      have_previous = TRUE;
      previous_time = points[lo - 1].time;
    }

  scale = (double) n_columns / (double) (end - start);

  for (gsize i = lo; i < hi; i++)
    {
      const OpsChartPoint *p = &points[i];
      OpsChartColumn      *column;
      guint                c;

      if (isnan (p->value))
        {
          have_previous = FALSE;
          continue;
        }

      c = (guint) ((double) (p->time - start) * scale);
      if (c >= n_columns)
        c = n_columns - 1;
      column = &columns[c];

      if (column->n_values == 0)
        {
          column->min = column->max = column->first = p->value;
          column->joined = have_previous && within_gap (previous_time, p->time, max_gap_usec);
        }
      else
        {
          if (p->value < column->min)
            column->min = p->value;
          if (p->value > column->max)
            column->max = p->value;
        }

      column->last = p->value;
      column->last_time = p->time;
      column->n_values++;
      have_previous = TRUE;
      previous_time = p->time;
    }
}

/**
 * ops_chart_value_at:
 * @value: (out): the value of the point nearest to @time
 *
 * Returns: %FALSE when there is no point, when the nearest one has no
 * value, or when it is further than @max_gap_usec from @time
 */
gboolean
ops_chart_value_at (const OpsChartPoint *points,
                    gsize                n_points,
                    gint64               time,
                    gint64               max_gap_usec,
                    double              *value)
{
  gsize                i;
  const OpsChartPoint *nearest;

  g_return_val_if_fail (value != NULL, FALSE);

  *value = NAN;
  if (n_points == 0)
    return FALSE;

  i = ops_chart_lower_bound (points, n_points, time);
  if (i == n_points)
    nearest = &points[n_points - 1];
  else if (i == 0)
    nearest = &points[0];
  else if (time - points[i - 1].time <= points[i].time - time)
    nearest = &points[i - 1];
  else
    nearest = &points[i];

  if (isnan (nearest->value))
    return FALSE;
  if (max_gap_usec > 0 && ABS (nearest->time - time) > max_gap_usec)
    return FALSE;

  *value = nearest->value;
  return TRUE;
}

/* Time ticks ------------------------------------------------------------ */

typedef enum
{
  STEP_FIXED,
  STEP_WEEK,
  STEP_MONTH,
  STEP_YEAR,
} StepKind;

typedef struct
{
  StepKind kind;
  gint64   seconds; /* STEP_FIXED, STEP_WEEK */
  int      count;   /* STEP_MONTH, STEP_YEAR */
} TimeStep;

static const TimeStep time_steps[] = {
  { STEP_FIXED, 1 },
  { STEP_FIXED, 2 },
  { STEP_FIXED, 5 },
  { STEP_FIXED, 10 },
  { STEP_FIXED, 15 },
  { STEP_FIXED, 30 },
  { STEP_FIXED, 60 },
  { STEP_FIXED, 2 * 60 },
  { STEP_FIXED, 5 * 60 },
  { STEP_FIXED, 10 * 60 },
  { STEP_FIXED, 15 * 60 },
  { STEP_FIXED, 30 * 60 },
  { STEP_FIXED, 3600 },
  { STEP_FIXED, 2 * 3600 },
  { STEP_FIXED, 3 * 3600 },
  { STEP_FIXED, 6 * 3600 },
  { STEP_FIXED, 12 * 3600 },
  { STEP_FIXED, 86400 },
  { STEP_FIXED, 2 * 86400 },
  { STEP_FIXED, 3 * 86400 },
  { STEP_WEEK, 7 * 86400 },
  { STEP_WEEK, 14 * 86400 },
  { STEP_MONTH, 0, 1 },
  { STEP_MONTH, 0, 2 },
  { STEP_MONTH, 0, 3 },
  { STEP_MONTH, 0, 6 },
  { STEP_YEAR, 0, 1 },
  { STEP_YEAR, 0, 2 },
  { STEP_YEAR, 0, 5 },
  { STEP_YEAR, 0, 10 },
  { STEP_YEAR, 0, 20 },
  { STEP_YEAR, 0, 50 },
  { STEP_YEAR, 0, 100 },
};

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

static void
label_tick (OpsChartTimeTick *tick,
            const TimeStep   *step,
            gboolean          first)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (tick->time / USEC_PER_SEC);
  g_autofree char *text = NULL;
  const char      *format;

  switch (step->kind)
    {
    case STEP_FIXED:
      if (step->seconds >= 86400)
        format = "%b %-d";
      else if (g_date_time_get_hour (dt) == 0 && g_date_time_get_minute (dt) == 0 &&
               g_date_time_get_second (dt) == 0)
        format = "%b %-d"; /* midnight: the date says more than 00:00 */
      else if (step->seconds < 60)
        format = "%H:%M:%S";
      else
        format = "%H:%M";
      break;
    case STEP_WEEK:
      format = "%b %-d";
      break;
    case STEP_MONTH:
      format = (first || g_date_time_get_month (dt) == 1) ? "%b %Y" : "%b";
      break;
    case STEP_YEAR:
    default:
      format = "%Y";
      break;
    }

  text = g_date_time_format (dt, format);
  g_strlcpy (tick->label, text != NULL ? text : "", sizeof tick->label);
}

/* Fills @ticks with the ticks of @step in [start, end]; stops early past
 * @limit ticks. */
static void
ticks_for_step (const TimeStep *step,
                gint64          start,
                gint64          end,
                guint           limit,
                GArray         *ticks)
{
  g_autoptr(GDateTime) local_start = g_date_time_new_from_unix_local (floor_div (start, USEC_PER_SEC));
  gint64 offset = g_date_time_get_utc_offset (local_start);

  g_array_set_size (ticks, 0);

  if (step->kind == STEP_FIXED || step->kind == STEP_WEEK)
    {
      gint64 size = step->seconds * USEC_PER_SEC;
      /* Weeks start on Monday: 1970-01-05 was one. */
      gint64 origin = step->kind == STEP_WEEK ? 4 * USEC_PER_DAY : 0;
      gint64 local = start + offset - origin;
      gint64 t = (floor_div (local - 1, size) + 1) * size + origin - offset;

      for (; t <= end && ticks->len <= limit; t += size)
        {
          OpsChartTimeTick tick = { t, "" };

          label_tick (&tick, step, ticks->len == 0);
          g_array_append_val (ticks, tick);
        }
      return;
    }

  {
    int                  year = g_date_time_get_year (local_start);
    int                  month = g_date_time_get_month (local_start);
    g_autoptr(GDateTime) dt = NULL;

    if (step->kind == STEP_MONTH)
      month = ((month - 1) / step->count) * step->count + 1;
    else
      {
        year = (year / step->count) * step->count;
        month = 1;
      }

    dt = g_date_time_new_local (year, month, 1, 0, 0, 0);
    while (dt != NULL && ticks->len <= limit)
      {
        gint64           t = g_date_time_to_unix (dt) * USEC_PER_SEC;
        GDateTime       *next;

        if (t > end)
          break;
        if (t >= start)
          {
            OpsChartTimeTick tick = { t, "" };

            label_tick (&tick, step, ticks->len == 0);
            g_array_append_val (ticks, tick);
          }

        if (step->kind == STEP_MONTH)
          next = g_date_time_add_months (dt, step->count);
        else
          next = g_date_time_add_years (dt, step->count);
        g_date_time_unref (dt);
        dt = next;
      }
  }
}

/**
 * ops_chart_time_ticks:
 * @max_ticks: at most this many ticks
 *
 * Chooses the smallest round step (seconds to years, aligned on the local
 * clock and calendar) that puts at most @max_ticks ticks in [@start, @end].
 *
 * Returns: (transfer full) (element-type OpsChartTimeTick): the ticks in
 * increasing order, with their labels
 */
GArray *
ops_chart_time_ticks (gint64 start,
                      gint64 end,
                      guint  max_ticks)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (OpsChartTimeTick));

  if (end <= start || max_ticks == 0)
    return ticks;

  for (guint i = 0; i < G_N_ELEMENTS (time_steps); i++)
    {
      const TimeStep *step = &time_steps[i];

      /* Skip steps that obviously give too many ticks. */
      if ((step->kind == STEP_FIXED || step->kind == STEP_WEEK) &&
          (end - start) / (step->seconds * USEC_PER_SEC) > max_ticks + 1)
        continue;

      ticks_for_step (step, start, end, max_ticks, ticks);
      if (ticks->len <= max_ticks)
        return ticks;
    }

  g_array_set_size (ticks, 0);
  return ticks;
}

/* Value ticks ----------------------------------------------------------- */

static const double nice_factors[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };

/**
 * ops_chart_value_ticks:
 * @axis_min: (out): the first tick, at or below @min
 * @axis_max: (out): the last tick, at or above @max
 * @step: (out): the distance between ticks: 1, 2, 2.5 or 5 times a power
 *   of ten (of 1024 times a power of ten for large byte counts)
 *
 * Returns: the number of ticks, at most @max_ticks (and at least 2)
 */
guint
ops_chart_value_ticks (double       min,
                       double       max,
                       guint        max_ticks,
                       OpsChartUnit unit,
                       double      *axis_min,
                       double      *axis_max,
                       double      *step)
{
  double base = 1.0;
  double raw, magnitude;
  guint  factor = 0;
  guint  n;

  g_return_val_if_fail (axis_min != NULL && axis_max != NULL && step != NULL, 0);

  max_ticks = MAX (max_ticks, 2);
  if (!isfinite (min) || !isfinite (max))
    min = 0, max = 1;
  if (min > max)
    {
      double t = min;
      min = max;
      max = t;
    }
  if (max == min)
    {
      if (min == 0)
        max = 1;
      else
        {
          double pad = fabs (min) * 0.1;
          min -= pad;
          max += pad;
        }
    }

  raw = (max - min) / (max_ticks - 1);
  if (unit == OPS_CHART_UNIT_BYTES)
    while (raw / base >= 1000.0)
      base *= 1024.0;
  magnitude = pow (10.0, floor (log10 (raw / base)));

  while (factor < G_N_ELEMENTS (nice_factors) && nice_factors[factor] * magnitude * base < raw)
    factor++;

  for (;;)
    {
      if (factor >= G_N_ELEMENTS (nice_factors))
        {
          factor = 1; /* 10 × magnitude is 1 × the next magnitude */
          magnitude *= 10.0;
        }
      /* Bytes: 1 MiB rather than 1000 KiB. */
      if (unit == OPS_CHART_UNIT_BYTES && nice_factors[factor] * magnitude >= 1000.0)
        {
          base *= 1024.0;
          magnitude = 1.0;
          factor = 0;
        }
      *step = nice_factors[factor] * magnitude * base;
      *axis_min = floor (min / *step) * *step;
      *axis_max = ceil (max / *step) * *step;
      n = (guint) llround ((*axis_max - *axis_min) / *step) + 1;
      if (n <= max_ticks)
        break;
      factor++;
    }

  /* Avoid -0 in labels. */
  if (*axis_min == 0)
    *axis_min = 0;

  return MAX (n, 2);
}

/* Value formatting ------------------------------------------------------ */

/* The fewest decimals (up to 3) that show multiples of @step exactly. */
static int
decimals_for_step (double step)
{
  if (!(step > 0) || !isfinite (step))
    return -1;

  for (int d = 0; d < 3; d++)
    {
      double scaled = step * pow (10.0, d);

      if (fabs (scaled - round (scaled)) < 1e-6 * MAX (1.0, scaled))
        return d;
    }
  return 3;
}

static char *
format_number (double value,
               double step)
{
  int decimals = decimals_for_step (step);

  char *text;

  if (decimals >= 0)
    return g_strdup_printf ("%.*f", decimals, value);

  /* Three significant digits, without trailing zeros. */
  decimals = fabs (value) >= 100 || value == 0 ? 0 : fabs (value) >= 10 ? 1 : 2;
  text = g_strdup_printf ("%.*f", decimals, value);
  if (decimals > 0)
    {
      char *end = text + strlen (text) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.' || *end == ',')
        *end = '\0';
    }
  return text;
}

/* Scales @value into a prefixed unit: k, M, G, T with @base 1000, or
 * KiB… with 1024. Returns the prefix index. */
static guint
prefix_index (double value,
              double base)
{
  double a = fabs (value);
  guint  i = 0;

  while (a >= base && i < 4)
    {
      a /= base;
      i++;
    }
  return i;
}

/**
 * ops_chart_format_value:
 * @step: the distance between axis ticks, to choose the decimals; 0 for
 *   a single value (three significant digits)
 *
 * Returns: (transfer full): @value with its unit, for people
 */
char *
ops_chart_format_value (double       value,
                        OpsChartUnit unit,
                        double       step)
{
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup (_("no value"));

  switch (unit)
    {
    case OPS_CHART_UNIT_MS:
      if (fabs (value) >= 1000 || step >= 1000)
        {
          number = format_number (value / 1000, step / 1000);
          /* TRANSLATORS: a duration in seconds on a chart, "1.5 s" */
          return g_strdup_printf (C_("chart unit", "%s s"), number);
        }
      number = format_number (value, step);
      /* TRANSLATORS: a duration in milliseconds on a chart, "250 ms" */
      return g_strdup_printf (C_("chart unit", "%s ms"), number);

    case OPS_CHART_UNIT_PERCENT:
      number = format_number (value, step);
      /* TRANSLATORS: a percentage on a chart, "42 %" */
      return g_strdup_printf (C_("chart unit", "%s %%"), number);

    case OPS_CHART_UNIT_BYTES:
      {
        const char *units[] = {
          /* TRANSLATORS: byte units on a chart, "512 B", "1.5 KiB"… */
          C_("chart unit", "B"),
          C_("chart unit", "KiB"),
          C_("chart unit", "MiB"),
          C_("chart unit", "GiB"),
          C_("chart unit", "TiB"),
        };
        guint  i = prefix_index (value, 1024.0);
        double scale = pow (1024.0, i);

        number = format_number (value / scale, step / scale);
        return g_strdup_printf ("%s %s", number, units[i]);
      }

    case OPS_CHART_UNIT_REQ_PER_SEC:
    case OPS_CHART_UNIT_PLAIN:
    default:
      {
        const char *prefixes[] = {
          "",
          /* TRANSLATORS: thousands, millions… on a chart, "1.5 k" */
          C_("chart unit", "k"),
          C_("chart unit", "M"),
          C_("chart unit", "G"),
          C_("chart unit", "T"),
        };
        guint            i = prefix_index (value, 1000.0);
        double           scale = pow (1000.0, i);
        g_autofree char *scaled = NULL;

        number = format_number (value / scale, step / scale);
        scaled = i == 0 ? g_strdup (number) : g_strdup_printf ("%s %s", number, prefixes[i]);
        if (unit == OPS_CHART_UNIT_REQ_PER_SEC)
          /* TRANSLATORS: requests per second on a chart, "120 req/s", "1.5 k req/s" */
          return g_strdup_printf (C_("chart unit", "%s req/s"), scaled);
        return g_steal_pointer (&scaled);
      }
    }
}

/**
 * ops_chart_format_time:
 *
 * Returns: (transfer full): @time (µs) as a local date and time
 */
char *
ops_chart_format_time (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (floor_div (time, USEC_PER_SEC));

  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
}
