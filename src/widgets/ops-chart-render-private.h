/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-chart-render.h"

G_BEGIN_DECLS

/* Shared by the renderer and the series' layers. */

typedef struct
{
  double x, y, w, h; /* the value area */
  double min, max;
  gint64 start;   /* the time at x */
  double x_scale; /* pixels per µs */
} ValueMap;

static inline double
map_y (const ValueMap *map,
       double          v)
{
  return map->y + map->h - (v - map->min) / (map->max - map->min) * map->h;
}

static inline void
_ops_chart_set_source (cairo_t       *cr,
                       const GdkRGBA *rgba,
                       double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

/* clang-format off */
void _ops_chart_trace_area (cairo_t              *cr,
                            const OpsChartColumn *columns,
                            guint                 n_columns,
                            double                x0,
                            const ValueMap       *map,
                            double                base);
void _ops_chart_draw_line  (cairo_t              *cr,
                            const OpsChartColumn *columns,
                            guint                 n_columns,
                            double                x0,
                            const ValueMap       *map,
                            double                line_width);
void _ops_chart_draw_band  (OpsChartRenderer     *self,
                            cairo_t              *cr,
                            OpsChartSeries       *series,
                            const OpsChartColumn *columns,
                            guint                 n_columns,
                            double                x0,
                            double                y,
                            double                h);
/* clang-format on */

G_END_DECLS
