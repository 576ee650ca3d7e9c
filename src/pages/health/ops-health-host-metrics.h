/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

#include "health/ops-health-engine.h"
#include "widgets/ops-chart-series.h"

G_BEGIN_DECLS

/* The figures charted: every OpsHostMetric before the health score, which
 * has its gauge. */
#define OPS_HOST_N_CHARTED OPS_HOST_METRIC_SCORE

#define OPS_TYPE_HEALTH_HOST_METRICS (ops_health_host_metrics_get_type ())

G_DECLARE_FINAL_TYPE (OpsHealthHostMetrics, ops_health_host_metrics, OPS, HEALTH_HOST_METRICS, GObject)

/* clang-format off */
OpsHealthHostMetrics *ops_health_host_metrics_new         (void);
void                  ops_health_host_metrics_set_engine  (OpsHealthHostMetrics *self,
                                                           OpsHealthEngine      *engine);
void                  ops_health_host_metrics_load        (OpsHealthHostMetrics *self,
                                                           OpsCheck             *check,
                                                           gint64                from_usec,
                                                           gint64                to_usec);
OpsChartSeries       *ops_health_host_metrics_get         (OpsHealthHostMetrics *self,
                                                           OpsHostMetric         metric);
gboolean              ops_health_host_metrics_get_loading (OpsHealthHostMetrics *self);
/* clang-format on */

G_END_DECLS
