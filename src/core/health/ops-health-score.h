/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-health-types.h"

G_BEGIN_DECLS

typedef enum
{
  OPS_SCORE_HEALTHY,  /* 90–100 */
  OPS_SCORE_DEGRADED, /* 70–89 */
  OPS_SCORE_WARNING,  /* 50–69 */
  OPS_SCORE_CRITICAL, /* below 50 */
} OpsScoreBand;

typedef struct
{
  double cpu_warning;
  double cpu_critical;
  double memory_warning;
  double memory_critical;
  double disk_warning;
  double disk_critical;
} OpsScoreThresholds;

#define OPS_SCORE_THRESHOLDS_DEFAULT \
  {                                  \
    70, 90, 75, 90, 80, 95           \
  }

typedef struct
{
  double       score;
  OpsScoreBand band;
  guint        warnings;
  guint        criticals;
} OpsScore;

/* clang-format off */
OpsScore         ops_health_score_compute      (double                    cpu_percent,
                                                double                    memory_percent,
                                                double                    disk_percent,
                                                const OpsScoreThresholds *thresholds);
const char      *ops_score_band_to_string      (OpsScoreBand              band);
OpsHealthStatus  ops_score_band_to_status      (OpsScoreBand              band);
/* clang-format on */

G_END_DECLS
