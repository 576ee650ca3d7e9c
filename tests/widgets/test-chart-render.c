/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <math.h>

#include "ops-test-util.h"
#include "widgets/ops-chart-render.h"
#include "widgets/ops-gauge.h"

/* The chart and the gauge drawn into an image surface, checked pixel by
 * pixel. No display needed. */

#define SEC G_GINT64_CONSTANT (1000000)

typedef struct
{
  cairo_surface_t  *surface;
  OpsChartRenderer *renderer;
  GPtrArray        *series;
  GArray           *thresholds;
} Fixture;

/* A plot of 0–100 s by 0–100 filling the surface but for a 1 px border:
 * x = 1 + t × 4 per second, y = 1 + (100 - v) × 2 + 0.5. */
#define WIDTH  402
#define HEIGHT 202

static double
x_of (double seconds)
{
  return 1 + seconds * 4;
}

static double
y_of (double value)
{
  return 1 + (100 - value) * 2;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  f->renderer = ops_chart_renderer_new ();
  f->series = g_ptr_array_new_with_free_func (g_object_unref);
  f->thresholds = g_array_new (FALSE, TRUE, sizeof (OpsChartThreshold));
  f->renderer->series = f->series;
  f->renderer->thresholds = f->thresholds;
  f->renderer->show_axes = FALSE;
  f->renderer->start = 0;
  f->renderer->end = 100 * SEC;
  f->renderer->value_min = 0;
  f->renderer->value_max = 100;
  f->renderer->colors.background.alpha = 1; /* opaque white */
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cairo_surface_destroy (f->surface);
  ops_chart_renderer_free (f->renderer);
  g_ptr_array_unref (f->series);
  g_array_unref (f->thresholds);
}

static void
render (Fixture *f)
{
  cairo_t *cr = cairo_create (f->surface);

  ops_chart_renderer_draw (f->renderer, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
}

static void
draw (Fixture *f)
{
  render (f);

  /* The fixture's geometry. */
  g_assert_cmpfloat (f->renderer->plot_x, ==, 1);
  g_assert_cmpfloat (f->renderer->plot_width, ==, 400);
  g_assert_cmpfloat (f->renderer->plot_height, ==, 200);
}

static void
assert_pixel_full (cairo_surface_t *surface,
                   int              x,
                   int              y,
                   const GdkRGBA   *expected,
                   const char      *what)
{
  guint8  *data = cairo_image_surface_get_data (surface);
  int      stride = cairo_image_surface_get_stride (surface);
  guint32  pixel = *(guint32 *) (data + y * stride + x * 4);
  int      r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;
  int      er = lround (expected->red * 255), eg = lround (expected->green * 255);
  int      eb = lround (expected->blue * 255);

  if (ABS (r - er) > 8 || ABS (g - eg) > 8 || ABS (b - eb) > 8)
    g_error ("%s: pixel (%d, %d) is #%02x%02x%02x, expected #%02x%02x%02x",
             what, x, y, r, g, b, er, eg, eb);
}

#define assert_pixel(f, x, y, expected, what) \
  assert_pixel_full ((f)->surface, (int) (x), (int) (y), (expected), (what))

static OpsChartSeries *
add_series (Fixture      *f,
            OpsChartStyle style,
            gint64        max_gap)
{
  OpsChartSeries *series = ops_chart_series_new ("Latency", OPS_CHART_UNIT_MS, style);

  ops_chart_series_set_max_gap_usec (series, max_gap);
  g_ptr_array_add (f->series, series);
  return series;
}

static void
test_line_and_threshold (Fixture       *f,
                         gconstpointer  data)
{
  OpsChartSeries   *series = add_series (f, OPS_CHART_STYLE_LINE, 0);
  const GdkRGBA    *line = &f->renderer->colors.palette[0];
  const GdkRGBA    *white = &f->renderer->colors.background;
  OpsChartThreshold critical = { 80, NULL, OPS_CHART_THRESHOLD_CRITICAL };
  /* A flat line at 49.75 (y = 101.5, the middle of pixel row 101). */
  OpsChartPoint     points[] = { { 0, 49.75 }, { 50 * SEC, 49.75 }, { 99 * SEC, 49.75 } };

  ops_chart_series_set_points (series, points, G_N_ELEMENTS (points));
  g_array_append_val (f->thresholds, critical);
  draw (f);

  g_assert_cmpfloat (y_of (49.75), ==, 101.5);
  for (double s = 5; s < 99; s += 10)
    assert_pixel (f, x_of (s), 101, line, "the line");
  assert_pixel (f, x_of (50), 101 - 10, white, "above the line");
  assert_pixel (f, x_of (50), 101 + 10, white, "below the line");

  /* The threshold: dashes of 6 px from the left edge, in the error colour. */
  assert_pixel (f, x_of (0) + 2, round (y_of (80)), &f->renderer->colors.error, "the threshold");
  assert_pixel (f, x_of (0) + 8, round (y_of (80)), white, "between two dashes");
  assert_pixel (f, x_of (50), round (y_of (80)) + 10, white, "below the threshold");

  /* High contrast draws a wider line: it covers the row above as well. */
  {
    guint8  *pixels = cairo_image_surface_get_data (f->surface);
    guint32  above = *(guint32 *) (pixels + 100 * cairo_image_surface_get_stride (f->surface) + (int) x_of (50) * 4);

    g_assert_cmphex (above & 0xffffff, !=, 0x1c71d8);
    ops_chart_colors_init (&f->renderer->colors, FALSE, TRUE);
    f->renderer->colors.background.alpha = 1;
    draw (f);
    assert_pixel (f, x_of (50), 100, line, "the line in high contrast");
    ops_chart_colors_init (&f->renderer->colors, FALSE, FALSE);
    f->renderer->colors.background.alpha = 1;
  }

  /* An area fills down to zero. */
  ops_chart_series_set_style (series, OPS_CHART_STYLE_AREA);
  draw (f);
  assert_pixel (f, x_of (50), 101, line, "the area's line");
  {
    guint8  *pixels = cairo_image_surface_get_data (f->surface);
    guint32  below = *(guint32 *) (pixels + 150 * cairo_image_surface_get_stride (f->surface) + (int) x_of (50) * 4);

    g_assert_cmphex (below & 0xffffff, !=, 0xffffff);
  }
}

/* @data: points per second: 1 draws a polyline (4 px between points),
 * 50 the dense path (about 12 points per column). */
static void
test_gap (Fixture       *f,
          gconstpointer  data)
{
  OpsChartSeries *series = add_series (f, OPS_CHART_STYLE_LINE, 5 * SEC);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (OpsChartPoint));
  const GdkRGBA  *line = &f->renderer->colors.palette[0];
  int             per_second = GPOINTER_TO_INT (data);

  /* None from 40 s to 60 s, NANs from 80 s (one, or 2 s of them). Dense data wobbles by ±0.25
   * around the line, within the line's width. */
  for (int i = 0; i < 100 * per_second; i++)
    {
      double        s = (double) i / per_second;
      OpsChartPoint p = { (gint64) (s * SEC), 49.75 + (per_second > 1 ? (i % 3 - 1) * 0.25 : 0) };

      if (s > 40 && s < 60)
        continue;
      if (s >= 80 && s < (per_second > 1 ? 82 : 81))
        p.value = NAN;
      g_array_append_val (points, p);
    }
  ops_chart_series_set_points (series, (OpsChartPoint *) points->data, points->len);
  draw (f);

  assert_pixel (f, x_of (20), 101, line, "the line before the gap");
  assert_pixel (f, x_of (70), 101, line, "the line after the gap");
  assert_pixel (f, x_of (50), 101, &f->renderer->colors.background, "the middle of the gap");
  assert_pixel (f, x_of (80.5), 101, &f->renderer->colors.background, "the NAN");

  /* Without a gap limit, the line crosses the hole. */
  ops_chart_series_set_max_gap_usec (series, 0);
  draw (f);
  assert_pixel (f, x_of (50), 101, line, "the bridged gap");
  assert_pixel (f, x_of (80.5), 101, &f->renderer->colors.background, "the NAN, still");
}

static void
test_band (Fixture       *f,
           gconstpointer  data)
{
  OpsChartSeries *series = add_series (f, OPS_CHART_STYLE_BAND, 5 * SEC);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (OpsChartPoint));
  OpsChartColors *colors = &f->renderer->colors;
  const GdkRGBA   no_data = { 0.92, 0.92, 0.92, 1 };
  double          shares[OPS_CHART_N_BAND_STATUSES];
  g_autofree char *summary = NULL;

  /* Up for 30 s, degraded for 20 s, down for 30 s, no data for 20 s. */
  for (int s = 0; s < 80; s++)
    {
      OpsChartPoint p = { s * SEC, s < 30 ? OPS_CHART_BAND_UP : s < 50 ? OPS_CHART_BAND_DEGRADED
                                                                         : OPS_CHART_BAND_DOWN };
      g_array_append_val (points, p);
    }
  ops_chart_series_set_points (series, (OpsChartPoint *) points->data, points->len);
  draw (f);

  assert_pixel (f, x_of (15), HEIGHT / 2, &colors->success, "up");
  assert_pixel (f, x_of (40), HEIGHT / 2, &colors->degraded, "degraded");
  assert_pixel (f, x_of (65), HEIGHT / 2, &colors->error, "down");
  /* No data: a faint grey over white. */
  assert_pixel (f, x_of (95), HEIGHT / 2, &no_data, "no data");

  /* In words, for screen readers. */
  g_assert_true (ops_chart_series_get_band_shares (series, shares));
  /* Each status lasts until the next point; the last one's end is unknown. */
  g_assert_cmpfloat_with_epsilon (shares[OPS_CHART_BAND_UP], 30.0 / 79, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares[OPS_CHART_BAND_DEGRADED], 20.0 / 79, 1e-9);
  g_assert_cmpfloat_with_epsilon (shares[OPS_CHART_BAND_DOWN], 29.0 / 79, 1e-9);
  summary = ops_chart_series_describe (series);
  g_assert_cmpstr (summary, ==, "Latency: now down; up 38.0 %, degraded 25.3 %, down 36.7 % of the time.");
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  guint8 *pixels;
  int     stride = cairo_image_surface_get_stride (f->surface);
  guint   dark = 0;

  add_series (f, OPS_CHART_STYLE_LINE, 0);
  f->renderer->show_axes = TRUE;
  render (f);

  /* "No data yet" in the middle: dark text pixels there, none at the edges. */
  pixels = cairo_image_surface_get_data (f->surface);
  for (int y = HEIGHT / 2 - 10; y < HEIGHT / 2 + 10; y++)
    for (int x = WIDTH / 2 - 60; x < WIDTH / 2 + 60; x++)
      dark += (*(guint32 *) (pixels + y * stride + x * 4) & 0xff) < 0x80;
  g_assert_cmpuint (dark, >, 20);
  assert_pixel (f, 5, HEIGHT - 5, &f->renderer->colors.background, "the corner");
}

static void
test_axes (Fixture       *f,
           gconstpointer  data)
{
  OpsChartSeries *series = add_series (f, OPS_CHART_STYLE_LINE, 0);
  OpsChartPoint   points[] = { { 0, 10 }, { 100 * SEC, 90 } };

  ops_chart_series_set_points (series, points, G_N_ELEMENTS (points));
  f->renderer->show_axes = TRUE;
  render (f);

  /* Room for the legend above, the value labels left, the times below. */
  g_assert_cmpfloat (f->renderer->plot_x, >, 20);
  g_assert_cmpfloat (f->renderer->plot_y, >, 10);
  g_assert_cmpfloat (f->renderer->plot_y + f->renderer->plot_height, <, HEIGHT - 10);
  g_assert_cmpfloat (f->renderer->axis_min, ==, 0);
  g_assert_cmpfloat (f->renderer->axis_max, ==, 100);
}

static void
test_gauge (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 200);
  OpsChartColors   colors;
  OpsGaugeState    state = { 82, 90, 70, 50, "Health score" };
  const double     radius = 100 - 16; /* size / 2 - thickness (8 % of 200) */
  cairo_t         *cr;

  ops_chart_colors_init (&colors, FALSE, FALSE);
  g_assert_cmpint (ops_gauge_band_for_value (&state, 95), ==, OPS_GAUGE_BAND_HEALTHY);
  g_assert_cmpint (ops_gauge_band_for_value (&state, 82), ==, OPS_GAUGE_BAND_DEGRADED);
  g_assert_cmpint (ops_gauge_band_for_value (&state, 60), ==, OPS_GAUGE_BAND_WARNING);
  g_assert_cmpint (ops_gauge_band_for_value (&state, 12), ==, OPS_GAUGE_BAND_CRITICAL);

  for (guint i = 0; i < 3; i++)
    {
      static const double      values[] = { 82, 95, 30 };
      static const OpsGaugeBand bands[] = { OPS_GAUGE_BAND_DEGRADED, OPS_GAUGE_BAND_HEALTHY,
                                            OPS_GAUGE_BAND_CRITICAL };
      /* On the arc at a score of 20, inside the filled part. */
      double angle = 0.75 * G_PI + 0.2 * 1.5 * G_PI;
      double x = 100 + radius * cos (angle);
      double y = 100 + 8 + radius * sin (angle);

      state.value = values[i];
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      ops_gauge_draw (cr, 200, 200, &state, &colors, NULL);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      assert_pixel_full (surface, (int) x, (int) y, ops_gauge_band_color (&colors, bands[i]), "the gauge's arc");
    }

  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/opsdeck/widgets/chart/render/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("line-and-threshold", test_line_and_threshold);
  g_test_add ("/opsdeck/widgets/chart/render/gap", Fixture, GINT_TO_POINTER (1),
              fixture_set_up, test_gap, fixture_tear_down);
  g_test_add ("/opsdeck/widgets/chart/render/gap-dense", Fixture, GINT_TO_POINTER (50),
              fixture_set_up, test_gap, fixture_tear_down);
  ADD ("band", test_band);
  ADD ("empty", test_empty);
  ADD ("axes", test_axes);
#undef ADD
  g_test_add_func ("/opsdeck/widgets/gauge/render", test_gauge);

  return g_test_run ();
}
