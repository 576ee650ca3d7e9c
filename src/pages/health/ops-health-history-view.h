/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "health/ops-health-engine.h"
#include "widgets/ops-chart.h"

G_BEGIN_DECLS

#define OPS_TYPE_HEALTH_HISTORY_VIEW (ops_health_history_view_get_type ())

G_DECLARE_FINAL_TYPE (OpsHealthHistoryView, ops_health_history_view, OPS, HEALTH_HISTORY_VIEW, AdwBin)

/* clang-format off */
void            ops_health_history_view_set_engine  (OpsHealthHistoryView *self,
                                                     OpsHealthEngine      *engine);
void            ops_health_history_view_set_check   (OpsHealthHistoryView *self,
                                                     OpsCheck             *check);
OpsChart       *ops_health_history_view_get_latency_chart (OpsHealthHistoryView *self);
gboolean        ops_health_history_view_get_loading (OpsHealthHistoryView *self);
gint64          ops_health_history_view_get_span    (OpsHealthHistoryView *self);

void            ops_health_fill_latency             (OpsChartSeries       *series,
                                                     OpsHistorySeries     *history,
                                                     const double         *values);
void            ops_health_fill_band                (OpsChartSeries       *series,
                                                     OpsHistorySeries     *history);
double          ops_health_band_value               (OpsHealthStatus       status);
gint64          ops_health_history_max_gap          (OpsHistoryResolution  resolution,
                                                     OpsCheck             *check);
/* clang-format on */

G_END_DECLS
