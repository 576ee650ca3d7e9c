/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <glib-object.h>

#include "ops-chart-math.h"

G_BEGIN_DECLS

typedef enum
{
  OPS_CHART_STYLE_LINE,
  OPS_CHART_STYLE_AREA,
  OPS_CHART_STYLE_BAND,
} OpsChartStyle;

/* OPS_CHART_COLOR_SERIES takes the series' place in the chart's palette. */
typedef enum
{
  OPS_CHART_COLOR_SERIES,
  OPS_CHART_COLOR_ACCENT,
  OPS_CHART_COLOR_SUCCESS,
  OPS_CHART_COLOR_WARNING,
  OPS_CHART_COLOR_ERROR,
} OpsChartColorRole;

/* Values of a band series' points: the status from that point's time to
 * the next point's (NAN: no data). Worse statuses are larger. */
typedef enum
{
  OPS_CHART_BAND_UP = 0,
  OPS_CHART_BAND_DEGRADED = 1,
  OPS_CHART_BAND_DOWN = 2,
} OpsChartBandStatus;

#define OPS_CHART_N_BAND_STATUSES 3

#define OPS_TYPE_CHART_UNIT       (ops_chart_unit_get_type ())
#define OPS_TYPE_CHART_STYLE      (ops_chart_style_get_type ())
#define OPS_TYPE_CHART_COLOR_ROLE (ops_chart_color_role_get_type ())
#define OPS_TYPE_CHART_SERIES     (ops_chart_series_get_type ())

GType ops_chart_unit_get_type (void);
GType ops_chart_style_get_type (void);
GType ops_chart_color_role_get_type (void);

G_DECLARE_FINAL_TYPE (OpsChartSeries, ops_chart_series, OPS, CHART_SERIES, GObject)

/* clang-format off */
OpsChartSeries      *ops_chart_series_new              (const char          *name,
                                                        OpsChartUnit         unit,
                                                        OpsChartStyle        style);
const char          *ops_chart_series_get_name         (OpsChartSeries      *self);
void                 ops_chart_series_set_name         (OpsChartSeries      *self,
                                                        const char          *name);
OpsChartUnit         ops_chart_series_get_unit         (OpsChartSeries      *self);
void                 ops_chart_series_set_unit         (OpsChartSeries      *self,
                                                        OpsChartUnit         unit);
OpsChartStyle        ops_chart_series_get_style        (OpsChartSeries      *self);
void                 ops_chart_series_set_style        (OpsChartSeries      *self,
                                                        OpsChartStyle        style);
OpsChartColorRole    ops_chart_series_get_color_role   (OpsChartSeries      *self);
void                 ops_chart_series_set_color_role   (OpsChartSeries      *self,
                                                        OpsChartColorRole    role);
gint64               ops_chart_series_get_max_gap_usec (OpsChartSeries      *self);
void                 ops_chart_series_set_max_gap_usec (OpsChartSeries      *self,
                                                        gint64               max_gap_usec);
void                 ops_chart_series_set_points       (OpsChartSeries      *self,
                                                        const OpsChartPoint *points,
                                                        gsize                n_points);
void                 ops_chart_series_take_points      (OpsChartSeries      *self,
                                                        OpsChartPoint       *points,
                                                        gsize                n_points);
void                 ops_chart_series_append_point     (OpsChartSeries      *self,
                                                        gint64               time,
                                                        double               value);
const OpsChartPoint *ops_chart_series_get_points       (OpsChartSeries      *self,
                                                        gsize               *n_points);
guint64              ops_chart_series_get_serial       (OpsChartSeries      *self);
gboolean             ops_chart_series_get_stats        (OpsChartSeries      *self,
                                                        double              *last,
                                                        double              *min,
                                                        double              *max);
gboolean             ops_chart_series_get_band_shares  (OpsChartSeries      *self,
                                                        double               shares[OPS_CHART_N_BAND_STATUSES]);
char                *ops_chart_series_describe         (OpsChartSeries      *self);
/* clang-format on */

G_END_DECLS
