/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <cairo.h>
#include <gdk/gdk.h>
#include <pango/pango.h>

#include "ops-chart-colors.h"
#include "ops-chart-series.h"

G_BEGIN_DECLS

/* The chart's drawing on any cairo_t: the widget draws through it in
 * snapshot(), tests and benchmarks on an image surface. */

typedef enum
{
  OPS_CHART_THRESHOLD_WARNING,
  OPS_CHART_THRESHOLD_CRITICAL,
} OpsChartThresholdRole;

typedef struct
{
  double                value;
  char                 *label;
  OpsChartThresholdRole role;
} OpsChartThreshold;

typedef struct _OpsChartRendererCache OpsChartRendererCache;

typedef struct
{
  /* Input, set by the owner (borrowed) */
  GPtrArray    *series;     /* OpsChartSeries */
  GArray       *thresholds; /* OpsChartThreshold, may be NULL */
  PangoContext *pango;      /* NULL: a context of the cairo_t */
  gint64        start;      /* start == end: the range of the data */
  gint64        end;
  double        value_min; /* NAN: automatic */
  double        value_max;
  gboolean      show_axes;
  double        crosshair_x; /* < 0: none */
  OpsChartColors colors;

  /* Output of the last draw */
  double plot_x;
  double plot_y;
  double plot_width;
  double plot_height;
  gint64 drawn_start;
  gint64 drawn_end;
  double axis_min;
  double axis_max;

  /* Owned */
  OpsChartRendererCache *cache;
} OpsChartRenderer;

/* clang-format off */
OpsChartRenderer  *ops_chart_renderer_new          (void);
void               ops_chart_renderer_free         (OpsChartRenderer     *self);
void               ops_chart_renderer_invalidate   (OpsChartRenderer     *self);
void               ops_chart_renderer_data_range   (OpsChartRenderer     *self,
                                                    gint64               *start,
                                                    gint64               *end);
void               ops_chart_renderer_draw         (OpsChartRenderer     *self,
                                                    cairo_t              *cr,
                                                    int                   width,
                                                    int                   height);
gboolean           ops_chart_renderer_time_at      (OpsChartRenderer     *self,
                                                    double                x,
                                                    gint64               *time);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsChartRenderer, ops_chart_renderer_free)

G_END_DECLS
