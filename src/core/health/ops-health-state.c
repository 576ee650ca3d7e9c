/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health"

#include "config.h"

#include "ops-health-state.h"

/**
 * ops_health_state_apply:
 * @state: (inout): the check's state
 * @result: the status of a new result
 * @failure_threshold: consecutive failures that mark the check down
 * @success_threshold: consecutive successes that bring it back up
 *
 * Thresholds as Gatus and Uptime Kuma have them: a check goes down after
 * @failure_threshold failed results in a row, and comes back after
 * @success_threshold good ones in a row. Healthy and degraded results both
 * count as successes, and move between each other at once. A result of
 * unknown status (nothing measured yet) changes nothing.
 *
 * Returns: the transition, for the event to publish
 */
OpsHealthTransition
ops_health_state_apply (OpsHealthState *state,
                        OpsHealthStatus result,
                        guint           failure_threshold,
                        guint           success_threshold)
{
  OpsHealthStatus previous;

  g_return_val_if_fail (state != NULL, OPS_HEALTH_TRANSITION_NONE);

  failure_threshold = MAX (failure_threshold, 1);
  success_threshold = MAX (success_threshold, 1);
  previous = state->status;

  switch (result)
    {
    case OPS_HEALTH_STATUS_UNKNOWN:
      return OPS_HEALTH_TRANSITION_NONE;

    case OPS_HEALTH_STATUS_DOWN:
      state->consecutive_successes = 0;
      if (state->consecutive_failures < G_MAXUINT)
        state->consecutive_failures++;
      if (previous != OPS_HEALTH_STATUS_DOWN && state->consecutive_failures >= failure_threshold)
        {
          state->status = OPS_HEALTH_STATUS_DOWN;
          return OPS_HEALTH_TRANSITION_DOWN;
        }
      return OPS_HEALTH_TRANSITION_NONE;

    case OPS_HEALTH_STATUS_HEALTHY:
    case OPS_HEALTH_STATUS_DEGRADED:
    default:
      state->consecutive_failures = 0;
      if (state->consecutive_successes < G_MAXUINT)
        state->consecutive_successes++;

      if (previous == OPS_HEALTH_STATUS_DOWN)
        {
          if (state->consecutive_successes < success_threshold)
            return OPS_HEALTH_TRANSITION_NONE;
          state->status = result;
          return OPS_HEALTH_TRANSITION_RECOVERED;
        }

      state->status = result;
      if (result == OPS_HEALTH_STATUS_DEGRADED && previous != OPS_HEALTH_STATUS_DEGRADED)
        return OPS_HEALTH_TRANSITION_DEGRADED;
      if (result == OPS_HEALTH_STATUS_HEALTHY && previous == OPS_HEALTH_STATUS_DEGRADED)
        return OPS_HEALTH_TRANSITION_RECOVERED;
      return OPS_HEALTH_TRANSITION_NONE;
    }
}

/* The #OpsEvent kind of a transition, or NULL for none. */
const char *
ops_health_transition_event_kind (OpsHealthTransition transition)
{
  switch (transition)
    {
    case OPS_HEALTH_TRANSITION_DOWN:
      return OPS_HEALTH_EVENT_DOWN;
    case OPS_HEALTH_TRANSITION_DEGRADED:
      return OPS_HEALTH_EVENT_DEGRADED;
    case OPS_HEALTH_TRANSITION_RECOVERED:
      return OPS_HEALTH_EVENT_RECOVERED;
    case OPS_HEALTH_TRANSITION_NONE:
    default:
      return NULL;
    }
}
