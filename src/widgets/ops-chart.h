/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gtk/gtk.h>

#include "ops-chart-render.h"
#include "ops-chart-series.h"

G_BEGIN_DECLS

#define OPS_TYPE_CHART (ops_chart_get_type ())

G_DECLARE_FINAL_TYPE (OpsChart, ops_chart, OPS, CHART, GtkWidget)

/* clang-format off */
OpsChart   *ops_chart_new               (void);
void        ops_chart_add_series        (OpsChart              *self,
                                         OpsChartSeries        *series);
void        ops_chart_remove_series     (OpsChart              *self,
                                         OpsChartSeries        *series);
GPtrArray  *ops_chart_get_series        (OpsChart              *self);
void        ops_chart_add_threshold     (OpsChart              *self,
                                         double                 value,
                                         const char            *label,
                                         OpsChartThresholdRole  role);
void        ops_chart_clear_thresholds  (OpsChart              *self);
void        ops_chart_set_time_range    (OpsChart              *self,
                                         gint64                 start,
                                         gint64                 end);
void        ops_chart_set_value_range   (OpsChart              *self,
                                         double                 min,
                                         double                 max);
gboolean    ops_chart_get_show_axes     (OpsChart              *self);
void        ops_chart_set_show_axes     (OpsChart              *self,
                                         gboolean               show_axes);
const char *ops_chart_get_summary       (OpsChart              *self);
gboolean    ops_chart_get_hover_time    (OpsChart              *self,
                                         gint64                *time);
char       *ops_chart_describe_at       (OpsChart              *self,
                                         gint64                 time);
/* clang-format on */

G_END_DECLS
