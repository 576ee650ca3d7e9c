/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-chart"

#include "config.h"

#include <math.h>

#include "ops-chart-render-private.h"

/* The layers of a series: a line, the area under it, a status band. */


/* Traces an area under each joined run of columns, along their maxima,
 * down to @base: one vertex per column. */
void
_ops_chart_trace_area (cairo_t              *cr,
                       const OpsChartColumn *columns,
                       guint                 n_columns,
                       double                x0,
                       const ValueMap       *map,
                       double                base)
{
  gboolean pen = FALSE;
  double   run_x = 0, last_x = 0;

  cairo_new_path (cr);
  for (guint c = 0; c < n_columns; c++)
    {
      const OpsChartColumn *col = &columns[c];
      double                x = x0 + c + 0.5;

      if (col->n_values == 0)
        continue;
      if (pen && !col->joined)
        {
          cairo_line_to (cr, last_x, base);
          cairo_line_to (cr, run_x, base);
          cairo_close_path (cr);
          pen = FALSE;
        }
      if (!pen)
        {
          cairo_move_to (cr, x, base);
          run_x = x;
        }
      cairo_line_to (cr, x, map_y (map, col->max));
      pen = TRUE;
      last_x = x;
    }
  if (pen)
    {
      cairo_line_to (cr, last_x, base);
      cairo_line_to (cr, run_x, base);
      cairo_close_path (cr);
    }
}

/* Few values: a stroked polyline through the columns' values, with
 * round joins; a value joined to nothing is a dot. */
static void
stroke_line (cairo_t              *cr,
             const OpsChartColumn *columns,
             guint                 n_columns,
             double                x0,
             const ValueMap       *map,
             double                line_width)
{
  gboolean pen = FALSE;

  cairo_new_path (cr);
  for (guint c = 0; c < n_columns; c++)
    {
      const OpsChartColumn *col = &columns[c];
      double                x = x0 + c + 0.5;

      if (col->n_values == 0)
        continue;
      /* A single value sits at its own time rather than mid-column. */
      if (col->n_values == 1)
        x = map->x + (double) (col->last_time - map->start) * map->x_scale;
      if (pen && col->joined)
        cairo_line_to (cr, x, map_y (map, col->first));
      else
        {
          cairo_move_to (cr, x, map_y (map, col->first));
          cairo_line_to (cr, x, map_y (map, col->first));
        }
      if (col->n_values > 1)
        {
          cairo_line_to (cr, x, map_y (map, col->min));
          cairo_line_to (cr, x, map_y (map, col->max));
          cairo_line_to (cr, x, map_y (map, col->last));
        }
      pen = TRUE;
    }
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

/* Draws a line through the columns.
 *
 * With fewer values than columns, a stroked polyline. With more, where
 * columns touch, one rectangle per column covers its values and the step
 * from its neighbour: Cairo fills rectangles far faster than it strokes
 * the zigzag of a million points. Where joined columns are apart, line
 * segments join them; a value joined to nothing is a dot. */
void
_ops_chart_draw_line (cairo_t              *cr,
                      const OpsChartColumn *columns,
                      guint                 n_columns,
                      double                x0,
                      const ValueMap       *map,
                      double                line_width)
{
  double   half = line_width / 2;
  gsize    n_values = 0;
  gboolean have_previous = FALSE, previous_alone = FALSE;
  guint    previous = 0;

  for (guint c = 0; c < n_columns; c++)
    n_values += columns[c].n_values;
  if (n_values <= n_columns)
    {
      stroke_line (cr, columns, n_columns, x0, map, line_width);
      return;
    }

  cairo_new_path (cr);
  for (guint c = 0; c < n_columns; c++)
    {
      const OpsChartColumn *col = &columns[c];
      double                top, bottom;

      if (col->n_values == 0)
        continue;
      top = map_y (map, col->max);
      bottom = map_y (map, col->min);
      if (have_previous && col->joined && previous + 1 == c)
        {
          double step = map_y (map, columns[previous].last);

          top = MIN (top, step);
          bottom = MAX (bottom, step);
        }
      cairo_rectangle (cr, x0 + c, top - half, 1, bottom - top + line_width);
      have_previous = TRUE;
      previous = c;
    }
  cairo_fill (cr);

  have_previous = FALSE;
  for (guint c = 0; c <= n_columns; c++)
    {
      const OpsChartColumn *col = c < n_columns ? &columns[c] : NULL;
      gboolean              joined;

      if (col != NULL && col->n_values == 0)
        continue;
      joined = col != NULL && have_previous && col->joined;

      if (have_previous && previous_alone && !joined)
        {
          double x = x0 + previous + 0.5, y = map_y (map, columns[previous].last);

          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x, y);
        }
      if (col == NULL)
        break;
      if (joined && previous + 1 < c)
        {
          cairo_move_to (cr, x0 + previous + 0.5, map_y (map, columns[previous].last));
          cairo_line_to (cr, x0 + c + 0.5, map_y (map, col->first));
        }
      previous_alone = !joined && col->n_values == 1;
      have_previous = TRUE;
      previous = c;
    }
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

/* Fills one lane with the status of each column: the worst status that
 * starts in it, else the one that goes on from the left, within max-gap. */
void
_ops_chart_draw_band (OpsChartRenderer     *self,
                      cairo_t              *cr,
                      OpsChartSeries       *series,
                      const OpsChartColumn *columns,
                      guint                 n_columns,
                      double                x0,
                      double                y,
                      double                h)
{
  gint64               max_gap = ops_chart_series_get_max_gap_usec (series);
  double               span = (double) (self->drawn_end - self->drawn_start);
  double               status = NAN, run_status = NAN;
  gint64               status_time = 0;
  guint                run_start = 0;
  gsize                n_points;
  const OpsChartPoint *points = ops_chart_series_get_points (series, &n_points);
  gsize                before = ops_chart_lower_bound (points, n_points, self->drawn_start);

  _ops_chart_set_source (cr, &self->colors.no_data, 1);
  cairo_rectangle (cr, x0, y, n_columns, h);
  cairo_fill (cr);

  if (before > 0)
    {
      status = points[before - 1].value;
      status_time = points[before - 1].time;
    }

  for (guint c = 0; c <= n_columns; c++)
    {
      double column_status = NAN;

      if (c < n_columns)
        {
          const OpsChartColumn *col = &columns[c];
          gint64                column_start = self->drawn_start + (gint64) (c * span / n_columns);

          if (col->n_values > 0)
            {
              column_status = col->max;
              status = col->last;
              status_time = col->last_time;
            }
          else if (!isnan (status) && (max_gap <= 0 || column_start - status_time <= max_gap))
            column_status = status;
          else
            status = NAN;
        }

      if (c == n_columns ||
          !(column_status == run_status || (isnan (column_status) && isnan (run_status))))
        {
          if (c > run_start && !isnan (run_status))
            {
              _ops_chart_set_source (cr, ops_chart_colors_for_band (&self->colors, run_status), 1);
              cairo_rectangle (cr, x0 + run_start, y, c - run_start, h);
              cairo_fill (cr);
            }
          run_start = c;
          run_status = column_status;
        }
    }
}
