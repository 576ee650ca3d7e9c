/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-load-counters.h"

G_BEGIN_DECLS

/* A pass/fail condition on a run, in the style of k6: `p(95) < 200ms`,
 * `error_rate < 1%`, `rps > 500`, `status_5xx == 0`. */

typedef enum
{
  OPS_LOAD_METRIC_PERCENTILE, /* p(N) */
  OPS_LOAD_METRIC_AVG,
  OPS_LOAD_METRIC_MIN,
  OPS_LOAD_METRIC_MED,
  OPS_LOAD_METRIC_MAX,
  OPS_LOAD_METRIC_STDEV,
  OPS_LOAD_METRIC_ERROR_RATE,
  OPS_LOAD_METRIC_RPS,
  OPS_LOAD_METRIC_REQUESTS,
  OPS_LOAD_METRIC_ERRORS,
  OPS_LOAD_METRIC_STATUS_2XX,
  OPS_LOAD_METRIC_STATUS_3XX,
  OPS_LOAD_METRIC_STATUS_4XX,
  OPS_LOAD_METRIC_STATUS_5XX,
} OpsLoadMetric;

typedef enum
{
  OPS_LOAD_COMPARE_LT,
  OPS_LOAD_COMPARE_LE,
  OPS_LOAD_COMPARE_GT,
  OPS_LOAD_COMPARE_GE,
  OPS_LOAD_COMPARE_EQ,
  OPS_LOAD_COMPARE_NE,
} OpsLoadCompare;

typedef struct
{
  char          *expression; /* as written */
  OpsLoadMetric  metric;
  double         percentile; /* for p(N) */
  OpsLoadCompare compare;
  double         value; /* latencies in ns, error_rate as a fraction */
} OpsLoadThreshold;

/* clang-format off */
OpsLoadThreshold *ops_load_threshold_parse         (const char             *text,
                                                    GError                **error);
OpsLoadThreshold *ops_load_threshold_copy          (const OpsLoadThreshold *self);
void              ops_load_threshold_free          (OpsLoadThreshold       *self);
gboolean          ops_load_threshold_is_latency    (const OpsLoadThreshold *self);
double            ops_load_threshold_observe       (const OpsLoadThreshold *self,
                                                    const OpsLoadCounters  *counters,
                                                    gint64                  duration_usec);
gboolean          ops_load_threshold_holds         (const OpsLoadThreshold *self,
                                                    double                  observed);
gboolean          ops_load_threshold_cannot_pass   (const OpsLoadThreshold *self,
                                                    const OpsLoadCounters  *counters);
char             *ops_load_threshold_format_value  (const OpsLoadThreshold *self,
                                                    double                  observed);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsLoadThreshold, ops_load_threshold_free)

G_END_DECLS
