/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <math.h>

#include "widgets/ops-chart-render.h"

/* Redraw time of the chart's render path with 1,000,000 points at
 * 1,200 × 400 px into an image surface: decimation and drawing (cache
 * emptied before each draw), then the redraw from cached columns. */

#define N_POINTS   1000000
#define WIDTH      1200
#define HEIGHT     400
#define ITERATIONS 60

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        double     *ms,
        guint       n)
{
  qsort (ms, n, sizeof *ms, compare_doubles);
  g_print ("%-34s median %6.2f ms   p95 %6.2f ms   max %6.2f ms   (%u draws)\n",
           what, ms[n / 2], ms[(guint) ceil (n * 0.95) - 1], ms[n - 1], n);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) thresholds = g_array_new (FALSE, TRUE, sizeof (OpsChartThreshold));
  g_autoptr(OpsChartRenderer) renderer = ops_chart_renderer_new ();
  OpsChartSeries   *latency = ops_chart_series_new ("Latency", OPS_CHART_UNIT_MS, OPS_CHART_STYLE_LINE);
  OpsChartPoint    *points = g_new (OpsChartPoint, N_POINTS);
  OpsChartThreshold threshold = { 400, (char *) "p95 target", OPS_CHART_THRESHOLD_WARNING };
  cairo_surface_t  *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  gint64            start = G_GINT64_CONSTANT (1764806400) * G_USEC_PER_SEC;
  double            value = 120;
  double            uncached[ITERATIONS], cached[ITERATIONS], decimate[ITERATIONS];

  /* 30 days of a latency random walk, a point every 2.6 s, with NANs. */
  for (guint i = 0; i < N_POINTS; i++)
    {
      value = CLAMP (value + g_rand_double_range (rand, -10, 10), 5, 800);
      points[i].time = start + (gint64) i * 2592 * 1000;
      points[i].value = g_rand_int_range (rand, 0, 1000) == 0 ? NAN : value;
    }
  ops_chart_series_take_points (latency, points, N_POINTS);
  ops_chart_series_set_max_gap_usec (latency, 30 * G_USEC_PER_SEC);
  g_ptr_array_add (series, latency);
  g_array_append_val (thresholds, threshold);

  renderer->series = series;
  renderer->thresholds = thresholds;
  renderer->colors.background.alpha = 1;

  for (guint i = 0; i < ITERATIONS; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64   t0;

      ops_chart_renderer_invalidate (renderer);
      t0 = g_get_monotonic_time ();
      ops_chart_renderer_draw (renderer, cr, WIDTH, HEIGHT);
      cairo_surface_flush (surface);
      uncached[i] = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      ops_chart_renderer_draw (renderer, cr, WIDTH, HEIGHT);
      cairo_surface_flush (surface);
      cached[i] = (g_get_monotonic_time () - t0) / 1000.0;
      cairo_destroy (cr);
    }

  /* Decimation alone, for the share of the total. */
  {
    g_autofree OpsChartColumn *columns = g_new (OpsChartColumn, WIDTH);
    gsize                      n;
    const OpsChartPoint       *p = ops_chart_series_get_points (latency, &n);

    for (guint i = 0; i < ITERATIONS; i++)
      {
        gint64 t0 = g_get_monotonic_time ();

        ops_chart_decimate (p, n, p[0].time, p[n - 1].time + 1, 30 * G_USEC_PER_SEC, columns, WIDTH);
        decimate[i] = (g_get_monotonic_time () - t0) / 1000.0;
      }
  }

  g_print ("OpsChart, %d points, %d x %d px\n", N_POINTS, WIDTH, HEIGHT);
  report ("redraw, decimating (no cache)", uncached, ITERATIONS);
  report ("redraw from cached columns", cached, ITERATIONS);
  report ("decimation alone", decimate, ITERATIONS);

  cairo_surface_destroy (surface);
  return 0;
}
