/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health"

#include "config.h"

#include <math.h>

#include "ops-health-score.h"

/* A breach of one resource's limits: critical, else warning, else none. */
static void
count_breach (double    value,
              double    warning,
              double    critical,
              OpsScore *score)
{
  if (isnan (value))
    return;
  if (value >= critical)
    score->criticals++;
  else if (value >= warning)
    score->warnings++;
}

/**
 * ops_health_score_compute:
 * @cpu_percent: CPU use, or NAN when unknown
 * @memory_percent: memory use, or NAN
 * @disk_percent: use of the fullest disk, or NAN
 * @thresholds: warning and critical limits
 *
 * The host health score of DESIGN.md: 100, minus CPU % × 0.30, memory % ×
 * 0.30 and disk % × 0.20, minus 5 per warning and 15 per critical breach,
 * kept within 0–100. What is unknown takes nothing off.
 *
 * Returns: the score and its band
 */
OpsScore
ops_health_score_compute (double                    cpu_percent,
                          double                    memory_percent,
                          double                    disk_percent,
                          const OpsScoreThresholds *thresholds)
{
  OpsScore score = { 100, OPS_SCORE_HEALTHY, 0, 0 };

  if (!isnan (cpu_percent))
    score.score -= cpu_percent * 0.30;
  if (!isnan (memory_percent))
    score.score -= memory_percent * 0.30;
  if (!isnan (disk_percent))
    score.score -= disk_percent * 0.20;

  count_breach (cpu_percent, thresholds->cpu_warning, thresholds->cpu_critical, &score);
  count_breach (memory_percent, thresholds->memory_warning, thresholds->memory_critical, &score);
  count_breach (disk_percent, thresholds->disk_warning, thresholds->disk_critical, &score);
  score.score -= 5.0 * score.warnings + 15.0 * score.criticals;
  score.score = CLAMP (score.score, 0, 100);

  if (score.score >= 90)
    score.band = OPS_SCORE_HEALTHY;
  else if (score.score >= 70)
    score.band = OPS_SCORE_DEGRADED;
  else if (score.score >= 50)
    score.band = OPS_SCORE_WARNING;
  else
    score.band = OPS_SCORE_CRITICAL;

  return score;
}

const char *
ops_score_band_to_string (OpsScoreBand band)
{
  static const char *const names[] = { "healthy", "degraded", "warning", "critical" };

  g_return_val_if_fail (band <= OPS_SCORE_CRITICAL, NULL);

  return names[band];
}

/* Healthy stays healthy, degraded and warning are degraded, critical is down. */
OpsHealthStatus
ops_score_band_to_status (OpsScoreBand band)
{
  switch (band)
    {
    case OPS_SCORE_HEALTHY:
      return OPS_HEALTH_STATUS_HEALTHY;
    case OPS_SCORE_DEGRADED:
    case OPS_SCORE_WARNING:
      return OPS_HEALTH_STATUS_DEGRADED;
    case OPS_SCORE_CRITICAL:
    default:
      return OPS_HEALTH_STATUS_DOWN;
    }
}
