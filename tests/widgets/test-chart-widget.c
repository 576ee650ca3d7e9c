/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "ops-test-util.h"
#include "widgets/ops-chart.h"
#include "widgets/ops-gauge.h"

/* OpsChart and OpsGauge in a window under Xvfb: the accessible summary,
 * the hover crosshair, the light and dark styles. Saves screenshots under
 * the build directory (screenshots/). */

#define SEC G_GINT64_CONSTANT (1000000)

typedef struct
{
  GtkWindow      *window;
  OpsChart       *chart;
  OpsGauge       *gauge;
  OpsChartSeries *latency;
  OpsChartSeries *uptime;
  gint64          start;
} Fixture;

static void
flush_events (void)
{
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

static gboolean
is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (OpsChartPoint));
  g_autoptr(GArray) statuses = g_array_new (FALSE, FALSE, sizeof (OpsChartPoint));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* An hour of latency, a point every 10 s, with a 5-minute hole. */
  f->start = G_GINT64_CONSTANT (1764842400) * SEC;
  for (int i = 0; i < 360; i++)
    {
      OpsChartPoint p = { f->start + i * 10 * SEC, 150 + 70 * sin (i / 20.0) };
      OpsChartPoint s = { p.time, i >= 200 && i < 215 ? OPS_CHART_BAND_DOWN : OPS_CHART_BAND_UP };

      if (i >= 120 && i < 150)
        continue;
      g_array_append_val (points, p);
      g_array_append_val (statuses, s);
    }
  /* The last value is 120 ms, the extremes 80 ms and 300 ms. */
  g_array_index (points, OpsChartPoint, 10).value = 80;
  g_array_index (points, OpsChartPoint, 20).value = 300;
  g_array_index (points, OpsChartPoint, points->len - 1).value = 120;

  f->latency = ops_chart_series_new ("Latency", OPS_CHART_UNIT_MS, OPS_CHART_STYLE_AREA);
  ops_chart_series_set_max_gap_usec (f->latency, 30 * SEC);
  ops_chart_series_set_points (f->latency, (OpsChartPoint *) points->data, points->len);
  f->uptime = ops_chart_series_new ("Uptime", OPS_CHART_UNIT_PLAIN, OPS_CHART_STYLE_BAND);
  ops_chart_series_set_max_gap_usec (f->uptime, 30 * SEC);
  ops_chart_series_set_points (f->uptime, (OpsChartPoint *) statuses->data, statuses->len);

  f->chart = ops_chart_new ();
  gtk_widget_set_size_request (GTK_WIDGET (f->chart), 760, 300);
  ops_chart_add_threshold (f->chart, 250, "Slow", OPS_CHART_THRESHOLD_WARNING);

  f->gauge = ops_gauge_new ();
  ops_gauge_set_label (f->gauge, "Health score");
  gtk_widget_set_size_request (GTK_WIDGET (f->gauge), 180, 180);
  gtk_widget_set_halign (GTK_WIDGET (f->gauge), GTK_ALIGN_START);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->chart));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->gauge));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  g_assert_true (ops_test_wait_until (is_drawn, f->chart, 5000));
  flush_events ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->latency);
  g_clear_object (&f->uptime);
  flush_events ();
}

/* The window as it is drawn, through its renderer. */
static GdkTexture *
render (GtkWidget *widget)
{
  int                      width = gtk_widget_get_width (widget);
  int                      height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable)  paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot             *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer             *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
save (GdkTexture *texture,
      const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* Pixels within 6 of @rgb in each channel. */
static guint
count_color (GdkTexture *texture,
             guint32     rgb)
{
  int               width = gdk_texture_get_width (texture);
  int               height = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc ((gsize) width * height * 4);
  guint             count = 0;

  gdk_texture_download (texture, data, width * 4);
  for (int i = 0; i < width * height; i++)
    {
      guint32 pixel = ((guint32 *) data)[i];
      int     dr = (int) ((pixel >> 16) & 0xff) - (int) ((rgb >> 16) & 0xff);
      int     dg = (int) ((pixel >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff);
      int     db = (int) (pixel & 0xff) - (int) (rgb & 0xff);

      count += ABS (dr) <= 6 && ABS (dg) <= 6 && ABS (db) <= 6;
    }
  return count;
}

static guint
count_differences (GdkTexture *a,
                   GdkTexture *b)
{
  int               width = gdk_texture_get_width (a);
  int               height = gdk_texture_get_height (a);
  g_autofree guint8 *da = g_malloc ((gsize) width * height * 4);
  g_autofree guint8 *db = g_malloc ((gsize) width * height * 4);
  guint             count = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, width);
  g_assert_cmpint (gdk_texture_get_height (b), ==, height);
  gdk_texture_download (a, da, width * 4);
  gdk_texture_download (b, db, width * 4);
  for (int i = 0; i < width * height; i++)
    count += ((guint32 *) da)[i] != ((guint32 *) db)[i];
  return count;
}

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_assert_cmpstr (ops_chart_get_summary (f->chart), ==, "Chart: no data yet.");

  ops_chart_add_series (f->chart, f->latency);
  g_assert_cmpstr (ops_chart_get_summary (f->chart), ==,
                   "Latency: last 120 ms, minimum 80 ms, maximum 300 ms.");

  /* Follows the data. */
  ops_chart_series_append_point (f->latency, f->start + 3600 * SEC, 1500);
  g_assert_cmpstr (ops_chart_get_summary (f->chart), ==,
                   "Latency: last 1.5 s, minimum 80 ms, maximum 1.5 s.");

  ops_chart_add_series (f->chart, f->uptime);
  g_assert_true (g_str_has_suffix (ops_chart_get_summary (f->chart),
                                   " Uptime: now up; up 95.5 %, degraded 0.0 %, down 4.5 % of the time."));

  ops_chart_remove_series (f->chart, f->uptime);
  g_assert_null (strstr (ops_chart_get_summary (f->chart), "Uptime"));

  /* The gauge says its value and band in words. */
  g_assert_cmpstr (ops_gauge_get_summary (f->gauge), ==, "Health score: no score yet.");
  ops_gauge_set_value (f->gauge, 82);
  g_assert_cmpstr (ops_gauge_get_summary (f->gauge), ==, "Health score: 82 of 100 (Degraded).");
  ops_gauge_set_value (f->gauge, 140);
  g_assert_cmpfloat (ops_gauge_get_value (f->gauge), ==, 100);
  g_assert_cmpstr (ops_gauge_get_summary (f->gauge), ==, "Health score: 100 of 100 (Healthy).");
}

static GtkEventController *
motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }
  g_assert_not_reached ();
}

static void
test_hover (Fixture       *f,
            gconstpointer  data)
{
  GtkEventController  *motion;
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  g_autofree char     *tooltip = NULL;
  g_autofree char     *tooltip_gap = NULL;
  gint64               left, right;
  int                  width = gtk_widget_get_width (GTK_WIDGET (f->chart));

  ops_chart_add_series (f->chart, f->latency);
  ops_chart_add_series (f->chart, f->uptime);
  flush_events ();
  before = render (GTK_WIDGET (f->chart));

  motion = motion_controller (GTK_WIDGET (f->chart));
  g_assert_false (ops_chart_get_hover_time (f->chart, &left));
  g_signal_emit_by_name (motion, "motion", width * 0.25, 150.0);
  g_assert_true (ops_chart_get_hover_time (f->chart, &left));
  g_signal_emit_by_name (motion, "motion", width * 0.75, 150.0);
  g_assert_true (ops_chart_get_hover_time (f->chart, &right));
  g_assert_cmpint (left, >, f->start);
  g_assert_cmpint (left, <, right);
  g_assert_cmpint (right, <, f->start + 3600 * SEC);

  /* The crosshair is drawn. */
  flush_events ();
  after = render (GTK_WIDGET (f->chart));
  save (after, "chart-hover.png");
  g_assert_cmpuint (count_differences (before, after), >, 100);

  /* The tooltip: the time, and each series' value at that time. */
  tooltip = ops_chart_describe_at (f->chart, f->start + 600 * SEC);
  g_assert_true (g_str_has_prefix (tooltip, "2025-12-04 10:10:00\nLatency: "));
  g_assert_true (g_str_has_suffix (tooltip, " ms\nUptime: up"));
  tooltip_gap = ops_chart_describe_at (f->chart, f->start + 1350 * SEC);
  g_assert_cmpstr (strstr (tooltip_gap, "Latency"), ==, "Latency: no value\nUptime: no data");

  g_signal_emit_by_name (motion, "leave");
  g_assert_false (ops_chart_get_hover_time (f->chart, &left));
}

static void
test_styles (Fixture       *f,
             gconstpointer  data)
{
  AdwStyleManager      *style = adw_style_manager_get_default ();
  GtkWidget            *content = GTK_WIDGET (f->window);
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;

  ops_chart_add_series (f->chart, f->latency);
  ops_chart_add_series (f->chart, f->uptime);
  ops_gauge_set_value (f->gauge, 82);
  flush_events ();

  light = render (content);
  save (light, "chart-light.png");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  flush_events ();
  dark = render (content);
  save (dark, "chart-dark.png");

  /* The line and the gauge's band take the style's colours. */
  g_assert_cmpuint (count_color (light, 0x1c71d8), >, 100);
  g_assert_cmpuint (count_color (light, 0x78aeed), <, count_color (light, 0x1c71d8) / 10);
  g_assert_cmpuint (count_color (dark, 0x78aeed), >, 100);
  g_assert_cmpuint (count_color (dark, 0x1c71d8), <, count_color (dark, 0x78aeed) / 10);
  g_assert_cmpuint (count_color (light, 0xe5a50a), >, 50);
  g_assert_cmpuint (count_color (dark, 0xf8e45c), >, 50);

  /* An empty chart says so. */
  ops_chart_remove_series (f->chart, f->latency);
  ops_chart_remove_series (f->chart, f->uptime);
  ops_gauge_set_value (f->gauge, 35);
  flush_events ();
  {
    g_autoptr(GdkTexture) empty = render (content);
    save (empty, "chart-empty-dark.png");
  }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  ops_test_init_ui (&argc, &argv);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/opsdeck/widgets/chart/widget/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("summary", test_summary);
  ADD ("hover", test_hover);
  ADD ("styles", test_styles);
#undef ADD

  return g_test_run ();
}
