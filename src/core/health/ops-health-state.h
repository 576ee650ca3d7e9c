/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-health-types.h"

G_BEGIN_DECLS

/* A check's state between results: what thresholds need to remember. */
typedef struct
{
  OpsHealthStatus status;
  guint           consecutive_failures;
  guint           consecutive_successes;
} OpsHealthState;

typedef enum
{
  OPS_HEALTH_TRANSITION_NONE,
  OPS_HEALTH_TRANSITION_DOWN,
  OPS_HEALTH_TRANSITION_DEGRADED,
  OPS_HEALTH_TRANSITION_RECOVERED,
} OpsHealthTransition;

#define OPS_HEALTH_EVENT_DOWN      "health.down"
#define OPS_HEALTH_EVENT_DEGRADED  "health.degraded"
#define OPS_HEALTH_EVENT_RECOVERED "health.recovered"

/* clang-format off */
OpsHealthTransition  ops_health_state_apply             (OpsHealthState      *state,
                                                         OpsHealthStatus      result,
                                                         guint                failure_threshold,
                                                         guint                success_threshold);
const char          *ops_health_transition_event_kind   (OpsHealthTransition  transition);
/* clang-format on */

G_END_DECLS
