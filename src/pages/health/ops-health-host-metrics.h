/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

#include "health/ops-check.h"
#include "widgets/ops-chart-series.h"

G_BEGIN_DECLS

typedef enum
{
  OPS_HOST_METRIC_CPU,
  OPS_HOST_METRIC_MEMORY,
  OPS_HOST_METRIC_DISK,
  OPS_HOST_METRIC_RECEIVED,
  OPS_HOST_METRIC_SENT,
  OPS_HOST_N_METRICS,
} OpsHostMetric;

#define OPS_TYPE_HEALTH_HOST_METRICS (ops_health_host_metrics_get_type ())

G_DECLARE_FINAL_TYPE (OpsHealthHostMetrics, ops_health_host_metrics, OPS, HEALTH_HOST_METRICS, GObject)

/* clang-format off */
OpsHealthHostMetrics *ops_health_host_metrics_new    (GListModel           *checks);
OpsChartSeries       *ops_health_host_metrics_get    (OpsHealthHostMetrics *self,
                                                      gint64                check_id,
                                                      OpsHostMetric         metric);
/* clang-format on */

G_END_DECLS
