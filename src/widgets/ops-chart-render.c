/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ops-chart-render-private.h"

#define PAD           6.0
#define LEGEND_SWATCH 10.0
#define BAND_LANE     10.0

/* The decimated columns of one series, kept until its data, the range or
 * the width change. Each series has two: the first pass finds the value
 * range (which sets the width of the value labels), the second draws. */
typedef struct
{
  OpsChartSeries *series; /* borrowed: compared, never dereferenced */
  guint           slot;   /* the value range's pass, or the drawing's */
  guint64         serial;
  gint64          start;
  gint64          end;
  guint           n_columns;
  OpsChartColumn *columns;
} CachedColumns;

struct _OpsChartRendererCache
{
  GPtrArray *entries; /* CachedColumns */
};

static void
cached_columns_free (gpointer data)
{
  CachedColumns *entry = data;

  g_free (entry->columns);
  g_free (entry);
}


OpsChartRenderer *
ops_chart_renderer_new (void)
{
  OpsChartRenderer *self = g_new0 (OpsChartRenderer, 1);

  self->value_min = self->value_max = NAN;
  self->show_axes = TRUE;
  self->crosshair_x = -1;
  self->cache = g_new0 (OpsChartRendererCache, 1);
  self->cache->entries = g_ptr_array_new_with_free_func (cached_columns_free);
  ops_chart_colors_init (&self->colors, FALSE, FALSE);

  return self;
}

void
ops_chart_renderer_free (OpsChartRenderer *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->cache->entries);
  g_free (self->cache);
  g_free (self);
}

/* Forgets every decimated column; the next draw decimates again. */
void
ops_chart_renderer_invalidate (OpsChartRenderer *self)
{
  g_return_if_fail (self != NULL);
  g_ptr_array_set_size (self->cache->entries, 0);
}

enum
{
  SLOT_RANGE,
  SLOT_DRAW,
};

static const OpsChartColumn *
columns_for (OpsChartRenderer *self,
             OpsChartSeries   *series,
             guint             slot,
             gint64            start,
             gint64            end,
             guint             n_columns)
{
  GPtrArray           *entries = self->cache->entries;
  CachedColumns       *entry = NULL;
  guint64              serial = ops_chart_series_get_serial (series);
  const OpsChartPoint *points;
  gsize                n_points;

  for (guint i = 0; i < entries->len; i++)
    {
      CachedColumns *e = g_ptr_array_index (entries, i);

      if (e->series == series && e->slot == slot)
        {
          entry = e;
          break;
        }
    }

  if (entry == NULL)
    {
      entry = g_new0 (CachedColumns, 1);
      entry->series = series;
      entry->slot = slot;
      g_ptr_array_add (entries, entry);
    }
  else if (entry->serial == serial && entry->start == start && entry->end == end &&
           entry->n_columns == n_columns)
    return entry->columns;

  if (entry->n_columns != n_columns)
    entry->columns = g_renew (OpsChartColumn, entry->columns, n_columns);
  entry->serial = serial;
  entry->start = start;
  entry->end = end;
  entry->n_columns = n_columns;

  points = ops_chart_series_get_points (series, &n_points);
  ops_chart_decimate (points, n_points, start, end,
                      ops_chart_series_get_max_gap_usec (series),
                      entry->columns, n_columns);

  return entry->columns;
}

/**
 * ops_chart_renderer_data_range:
 *
 * The time range of every series' points; start == end when there is none.
 */
void
ops_chart_renderer_data_range (OpsChartRenderer *self,
                               gint64           *start,
                               gint64           *end)
{
  gboolean any = FALSE;

  *start = *end = 0;
  for (guint i = 0; self->series != NULL && i < self->series->len; i++)
    {
      gsize                n;
      const OpsChartPoint *points = ops_chart_series_get_points (g_ptr_array_index (self->series, i), &n);

      if (n == 0)
        continue;
      if (!any || points[0].time < *start)
        *start = points[0].time;
      if (!any || points[n - 1].time > *end)
        *end = points[n - 1].time;
      any = TRUE;
    }
}


static PangoLayout *
new_layout (OpsChartRenderer *self,
            cairo_t          *cr)
{
  PangoLayout *layout;

  if (self->pango != NULL)
    return pango_layout_new (self->pango);

  layout = pango_cairo_create_layout (cr);
  {
    g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 9");
    pango_layout_set_font_description (layout, font);
  }
  return layout;
}

static void
draw_text (cairo_t       *cr,
           PangoLayout   *layout,
           const char    *text,
           double         x,
           double         y,
           double         x_align, /* 0 left, 0.5 centre, 1 right of x */
           const GdkRGBA *color)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  _ops_chart_set_source (cr, color, 1);
  cairo_move_to (cr, round (x - w * x_align), round (y));
  pango_cairo_show_layout (cr, layout);
}


static void
draw_legend (OpsChartRenderer *self,
             cairo_t          *cr,
             PangoLayout      *layout,
             double            x,
             double            y,
             double            line_height)
{
  for (guint i = 0; i < self->series->len; i++)
    {
      OpsChartSeries *series = g_ptr_array_index (self->series, i);
      const char     *name = ops_chart_series_get_name (series);
      int             w, h;

      if (ops_chart_series_get_style (series) == OPS_CHART_STYLE_BAND)
        {
          /* The statuses are named, never shown by colour alone. */
          const char *names[] = { _("Up"), _("Degraded"), _("Down") };

          for (guint s = 0; s < G_N_ELEMENTS (names); s++)
            {
              _ops_chart_set_source (cr, ops_chart_colors_for_band (&self->colors, s), 1);
              cairo_rectangle (cr, x, y + (line_height - LEGEND_SWATCH) / 2, LEGEND_SWATCH, LEGEND_SWATCH);
              cairo_fill (cr);
              draw_text (cr, layout, names[s], x + LEGEND_SWATCH + 4, y, 0, &self->colors.foreground);
              pango_layout_get_pixel_size (layout, &w, &h);
              x += LEGEND_SWATCH + 4 + w + 12;
            }
          continue;
        }

      _ops_chart_set_source (cr, ops_chart_colors_for_series (&self->colors, series, i), 1);
      cairo_rectangle (cr, x, y + (line_height - LEGEND_SWATCH) / 2, LEGEND_SWATCH, LEGEND_SWATCH);
      cairo_fill (cr);
      draw_text (cr, layout, name != NULL ? name : "", x + LEGEND_SWATCH + 4, y, 0, &self->colors.foreground);
      pango_layout_get_pixel_size (layout, &w, &h);
      x += LEGEND_SWATCH + 4 + w + 12;
    }
}

/* The range of the visible values of the line and area series, and of
 * the thresholds; FALSE when there is none. */
static gboolean
visible_value_range (OpsChartRenderer *self,
                     guint             n_columns,
                     double           *min,
                     double           *max)
{
  *min = INFINITY;
  *max = -INFINITY;

  for (guint i = 0; i < self->series->len; i++)
    {
      OpsChartSeries       *series = g_ptr_array_index (self->series, i);
      const OpsChartColumn *columns;

      if (ops_chart_series_get_style (series) == OPS_CHART_STYLE_BAND)
        continue;
      columns = columns_for (self, series, SLOT_RANGE, self->drawn_start, self->drawn_end, n_columns);
      for (guint c = 0; c < n_columns; c++)
        {
          if (columns[c].n_values == 0)
            continue;
          *min = MIN (*min, columns[c].min);
          *max = MAX (*max, columns[c].max);
        }
    }

  if (!isfinite (*min))
    return FALSE;

  for (guint i = 0; self->thresholds != NULL && i < self->thresholds->len; i++)
    {
      double v = g_array_index (self->thresholds, OpsChartThreshold, i).value;

      *min = MIN (*min, v);
      *max = MAX (*max, v);
    }
  /* Measures start from zero. */
  if (*min > 0)
    *min = 0;
  return TRUE;
}

static OpsChartUnit
value_unit (OpsChartRenderer *self)
{
  for (guint i = 0; i < self->series->len; i++)
    {
      OpsChartSeries *series = g_ptr_array_index (self->series, i);

      if (ops_chart_series_get_style (series) != OPS_CHART_STYLE_BAND)
        return ops_chart_series_get_unit (series);
    }
  return OPS_CHART_UNIT_PLAIN;
}

static void
draw_message (OpsChartRenderer *self,
              cairo_t          *cr,
              PangoLayout      *layout,
              const char       *message,
              int               width,
              int               height)
{
  int w, h;

  pango_layout_set_text (layout, message, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  draw_text (cr, layout, message, width / 2.0, (height - h) / 2.0, 0.5, &self->colors.foreground);
}

static void
draw_time_axis (OpsChartRenderer *self,
                cairo_t          *cr,
                PangoLayout      *layout,
                double            label_y)
{
  g_autoptr(GArray) ticks = NULL;
  double span = (double) (self->drawn_end - self->drawn_start);

  ticks = ops_chart_time_ticks (self->drawn_start, self->drawn_end,
                                (guint) MAX (2, self->plot_width / 90));
  for (guint i = 0; i < ticks->len; i++)
    {
      OpsChartTimeTick *tick = &g_array_index (ticks, OpsChartTimeTick, i);
      double            x = round (self->plot_x +
                                     (tick->time - self->drawn_start) / span * self->plot_width) + 0.5;

      _ops_chart_set_source (cr, &self->colors.grid, 1);
      cairo_move_to (cr, x, self->plot_y);
      cairo_line_to (cr, x, self->plot_y + self->plot_height);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      draw_text (cr, layout, tick->label, x, label_y, 0.5, &self->colors.foreground);
    }
}

static void
draw_thresholds (OpsChartRenderer *self,
                 cairo_t          *cr,
                 PangoLayout      *layout,
                 const ValueMap   *map)
{
  static const double dash[] = { 6, 4 };

  for (guint i = 0; self->thresholds != NULL && i < self->thresholds->len; i++)
    {
      OpsChartThreshold *t = &g_array_index (self->thresholds, OpsChartThreshold, i);
      const GdkRGBA     *color = t->role == OPS_CHART_THRESHOLD_CRITICAL ? &self->colors.error
                                                                         : &self->colors.warning;
      double             y = round (map_y (map, t->value)) + 0.5;
      int                w, h;

      if (t->value < map->min || t->value > map->max)
        continue;
      _ops_chart_set_source (cr, color, 1);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, map->x, y);
      cairo_line_to (cr, map->x + map->w, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (self->show_axes && t->label != NULL)
        {
          pango_layout_set_text (layout, t->label, -1);
          pango_layout_get_pixel_size (layout, &w, &h);
          draw_text (cr, layout, t->label, map->x + map->w - 4, y - h - 1, 1, color);
        }
    }
}

static void
draw_crosshair (OpsChartRenderer *self,
                cairo_t          *cr,
                const ValueMap   *map)
{
  gint64 time;
  double x = round (self->crosshair_x) + 0.5;

  if (!ops_chart_renderer_time_at (self, self->crosshair_x, &time))
    return;

  _ops_chart_set_source (cr, &self->colors.foreground, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, self->plot_y);
  cairo_line_to (cr, x, self->plot_y + self->plot_height);
  cairo_stroke (cr);

  for (guint i = 0; map != NULL && i < self->series->len; i++)
    {
      OpsChartSeries      *series = g_ptr_array_index (self->series, i);
      gsize                n;
      const OpsChartPoint *points = ops_chart_series_get_points (series, &n);
      double               value;

      if (ops_chart_series_get_style (series) == OPS_CHART_STYLE_BAND ||
          !ops_chart_value_at (points, n, time, ops_chart_series_get_max_gap_usec (series), &value))
        continue;
      _ops_chart_set_source (cr, ops_chart_colors_for_series (&self->colors, series, i), 1);
      cairo_arc (cr, x, map_y (map, value), 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_series (OpsChartRenderer *self,
             cairo_t          *cr,
             const ValueMap   *map,
             guint             n_columns,
             double            band_y,
             double            band_h)
{
  guint band_index = 0;

  for (guint i = 0; i < self->series->len; i++)
    {
      OpsChartSeries       *series = g_ptr_array_index (self->series, i);
      OpsChartStyle         style = ops_chart_series_get_style (series);
      const OpsChartColumn *columns = columns_for (self, series, SLOT_DRAW,
                                                   self->drawn_start, self->drawn_end, n_columns);
      const GdkRGBA        *color = ops_chart_colors_for_series (&self->colors, series, i);

      if (style == OPS_CHART_STYLE_BAND)
        {
          _ops_chart_draw_band (self, cr, series, columns, n_columns, self->plot_x,
                     band_y + band_index * band_h + 1, band_h - 2);
          band_index++;
          continue;
        }
      if (map == NULL)
        continue;

      if (style == OPS_CHART_STYLE_AREA)
        {
          _ops_chart_trace_area (cr, columns, n_columns, self->plot_x, map,
                      map_y (map, CLAMP (0, map->min, map->max)));
          _ops_chart_set_source (cr, color, 0.25);
          cairo_fill (cr);
        }
      _ops_chart_set_source (cr, color, 1);
      _ops_chart_draw_line (cr, columns, n_columns, self->plot_x, map, self->colors.line_width);
    }
}

/**
 * ops_chart_renderer_draw:
 *
 * Draws the chart in (0, 0, @width, @height) of @cr: legend, axes, grid,
 * series, thresholds and crosshair, or a message when there is no data.
 */
void
ops_chart_renderer_draw (OpsChartRenderer *self,
                         cairo_t          *cr,
                         int               width,
                         int               height)
{
  g_autoptr(PangoLayout) layout = NULL;
  guint    n_bands = 0, n_points = 0;
  gboolean have_values = FALSE;
  double   line_height = 0, left = 0, band_h = 0, band_y;
  double   vmin = 0, vmax = 1, step = 1;
  guint    n_value_ticks = 0, n_columns;
  OpsChartUnit unit;
  ValueMap map;
  int      w, h;

  g_return_if_fail (self != NULL && cr != NULL);

  if (width <= 0 || height <= 0 || self->series == NULL)
    return;

  cairo_save (cr);
  if (self->colors.background.alpha > 0)
    {
      _ops_chart_set_source (cr, &self->colors.background, 1);
      cairo_paint (cr);
    }

  layout = new_layout (self, cr);
  pango_layout_set_text (layout, "0", -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  line_height = h;

  for (guint i = 0; i < self->series->len; i++)
    {
      OpsChartSeries *series = g_ptr_array_index (self->series, i);
      gsize           n;

      ops_chart_series_get_points (series, &n);
      n_points += n > 0;
      if (ops_chart_series_get_style (series) == OPS_CHART_STYLE_BAND)
        n_bands++;
    }

  if (self->start < self->end)
    {
      self->drawn_start = self->start;
      self->drawn_end = self->end;
    }
  else
    {
      ops_chart_renderer_data_range (self, &self->drawn_start, &self->drawn_end);
      if (self->drawn_end - self->drawn_start < G_USEC_PER_SEC)
        {
          self->drawn_start -= 30 * G_USEC_PER_SEC;
          self->drawn_end += 30 * G_USEC_PER_SEC;
        }
    }

  /* The plot area, first without the value labels. */
  self->plot_x = self->show_axes ? PAD : 1;
  /* Below the legend, with room for half the top value label. */
  self->plot_y = self->show_axes && self->series->len > 0 ? 1.5 * line_height + 2 * PAD : 1;
  self->plot_width = width - self->plot_x - (self->show_axes ? PAD : 1);
  self->plot_height = height - self->plot_y - (self->show_axes ? line_height + PAD : 1);

  if (n_points == 0 || self->plot_width < 2 || self->plot_height < 2)
    {
      if (self->show_axes || self->plot_width >= 2)
        draw_message (self, cr, layout, _("No data yet"), width, height);
      cairo_restore (cr);
      return;
    }

  unit = value_unit (self);
  if (n_bands < self->series->len)
    {
      /* Value labels need the value range, which needs the columns of the
       * final width: measure with the first guess, then settle. */
      n_columns = (guint) self->plot_width;
      have_values = visible_value_range (self, n_columns, &vmin, &vmax);
      if (!isnan (self->value_min))
        vmin = self->value_min;
      if (!isnan (self->value_max))
        vmax = self->value_max;
      if (have_values && unit == OPS_CHART_UNIT_PERCENT && vmin >= 0 && vmax <= 100 &&
          isnan (self->value_max))
        vmax = 100;

      band_h = n_bands * BAND_LANE;
      n_value_ticks = ops_chart_value_ticks (vmin, vmax,
                                             (guint) MAX (2, (self->plot_height - band_h) / 40),
                                             unit, &vmin, &vmax, &step);
      if (self->show_axes)
        {
          for (guint k = 0; k < n_value_ticks; k++)
            {
              g_autofree char *label = ops_chart_format_value (vmin + k * step, unit, step);

              pango_layout_set_text (layout, label, -1);
              pango_layout_get_pixel_size (layout, &w, &h);
              left = MAX (left, w);
            }
          self->plot_x += left + PAD;
          self->plot_width -= left + PAD;
        }
    }
  else
    band_h = self->plot_height / n_bands;

  if (self->plot_width < 2)
    {
      cairo_restore (cr);
      return;
    }
  n_columns = (guint) self->plot_width;
  self->plot_width = n_columns;
  self->axis_min = vmin;
  self->axis_max = vmax;

  map = (ValueMap) { self->plot_x, self->plot_y, self->plot_width,
                     self->plot_height - (n_bands < self->series->len ? n_bands * BAND_LANE : 0),
                     vmin, vmax, self->drawn_start,
                     self->plot_width / (double) (self->drawn_end - self->drawn_start) };
  band_y = self->plot_y + map.h;
  if (n_bands == self->series->len)
    band_y = self->plot_y;

  if (self->show_axes)
    {
      draw_legend (self, cr, layout, PAD, PAD, line_height);

      for (guint k = 0; k < n_value_ticks; k++)
        {
          double           v = vmin + k * step;
          double           y = round (map_y (&map, v)) + 0.5;
          g_autofree char *label = ops_chart_format_value (v, unit, step);

          _ops_chart_set_source (cr, &self->colors.grid, 1);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, map.x, y);
          cairo_line_to (cr, map.x + map.w, y);
          cairo_stroke (cr);
          draw_text (cr, layout, label, self->plot_x - PAD, y - line_height / 2, 1, &self->colors.foreground);
        }
      draw_time_axis (self, cr, layout, self->plot_y + self->plot_height + 2);
    }

  cairo_save (cr);
  cairo_rectangle (cr, self->plot_x, self->plot_y, self->plot_width, self->plot_height);
  cairo_clip (cr);
  draw_series (self, cr, n_bands < self->series->len ? &map : NULL, n_columns, band_y,
               n_bands == self->series->len ? band_h : BAND_LANE);
  if (n_bands < self->series->len)
    draw_thresholds (self, cr, layout, &map);
  if (self->crosshair_x >= 0)
    draw_crosshair (self, cr, n_bands < self->series->len ? &map : NULL);
  cairo_restore (cr);

  if (!have_values && n_bands < self->series->len && n_bands == 0)
    draw_message (self, cr, layout, _("No data in this time range"), width, height);

  cairo_restore (cr);
}

/**
 * ops_chart_renderer_time_at:
 * @x: a position in the drawing
 * @time: (out): the time at @x in the last drawing
 *
 * Returns: %FALSE when @x is outside the plot area
 */
gboolean
ops_chart_renderer_time_at (OpsChartRenderer *self,
                            double            x,
                            gint64           *time)
{
  g_return_val_if_fail (self != NULL && time != NULL, FALSE);

  if (self->plot_width <= 0 || x < self->plot_x || x > self->plot_x + self->plot_width)
    return FALSE;

  *time = self->drawn_start +
          (gint64) ((x - self->plot_x) / self->plot_width * (double) (self->drawn_end - self->drawn_start));
  return TRUE;
}
