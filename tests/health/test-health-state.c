/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "health/ops-health-state.h"
#include "ops-test-util.h"

/* Sequences of results, written one letter each: H healthy, G degraded,
 * D down, U unknown. The expected state after each, and the events. */
typedef struct
{
  const char *name;
  guint       failure_threshold;
  guint       success_threshold;
  const char *results;
  const char *states;
  const char *events; /* per result: '.' none, 'd' down, 'g' degraded, 'r' recovered */
} Case;

static const Case cases[] = {
  { "first result sets the state", 1, 1, "H", "H", "." },
  { "one failure is down at threshold 1", 1, 1, "HD", "HD", ".d" },
  { "three failures needed", 3, 1, "HDDDD", "HHHDD", "...d." },
  { "a success resets the failures", 3, 1, "HDDHDDD", "HHHHHHD", "......d" },
  { "unknown first, then down after the threshold", 2, 1, "DD", "UD", ".d" },
  { "recovery needs two successes", 1, 2, "DHHH", "DDHH", "d.r." },
  { "a failure resets the successes", 1, 3, "DHHDHHH", "DDDDDDH", "d.....r" },
  { "degraded counts as a success", 2, 1, "HGDGDD", "HGGGGD", ".g...d" },
  { "degraded and healthy move at once", 3, 3, "HGHG", "HGHG", ".grg" },
  { "recovering into degraded", 1, 1, "DG", "DG", "dr" },
  { "unknown results change nothing", 2, 2, "HDUDUHUH", "HHHDDDDH", "...d...r" },
  { "unknown to degraded", 1, 1, "G", "G", "g" },
  { "threshold 0 acts as 1", 0, 0, "DH", "DH", "dr" },
};

static OpsHealthStatus
status_of (char c)
{
  switch (c)
    {
    case 'H':
      return OPS_HEALTH_STATUS_HEALTHY;
    case 'G':
      return OPS_HEALTH_STATUS_DEGRADED;
    case 'D':
      return OPS_HEALTH_STATUS_DOWN;
    case 'U':
    default:
      return OPS_HEALTH_STATUS_UNKNOWN;
    }
}

static char
event_of (OpsHealthTransition transition)
{
  switch (transition)
    {
    case OPS_HEALTH_TRANSITION_DOWN:
      return 'd';
    case OPS_HEALTH_TRANSITION_DEGRADED:
      return 'g';
    case OPS_HEALTH_TRANSITION_RECOVERED:
      return 'r';
    case OPS_HEALTH_TRANSITION_NONE:
    default:
      return '.';
    }
}

static void
test_thresholds (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      OpsHealthState   state = { OPS_HEALTH_STATUS_UNKNOWN, 0, 0 };
      g_autofree char *states = g_strnfill (strlen (cases[c].results), ' ');
      g_autofree char *events = g_strnfill (strlen (cases[c].results), ' ');

      for (guint i = 0; cases[c].results[i] != '\0'; i++)
        {
          OpsHealthTransition transition;

          transition = ops_health_state_apply (&state, status_of (cases[c].results[i]),
                                               cases[c].failure_threshold,
                                               cases[c].success_threshold);
          states[i] = "UHGD"[state.status];
          events[i] = event_of (transition);
        }

      g_test_message ("%s: %s → %s %s", cases[c].name, cases[c].results, states, events);
      g_assert_cmpstr (states, ==, cases[c].states);
      g_assert_cmpstr (events, ==, cases[c].events);
    }
}

static void
test_counters (void)
{
  OpsHealthState state = { OPS_HEALTH_STATUS_UNKNOWN, 0, 0 };

  ops_health_state_apply (&state, OPS_HEALTH_STATUS_DOWN, 5, 1);
  ops_health_state_apply (&state, OPS_HEALTH_STATUS_DOWN, 5, 1);
  g_assert_cmpuint (state.consecutive_failures, ==, 2);
  g_assert_cmpuint (state.consecutive_successes, ==, 0);

  ops_health_state_apply (&state, OPS_HEALTH_STATUS_DEGRADED, 5, 1);
  g_assert_cmpuint (state.consecutive_failures, ==, 0);
  g_assert_cmpuint (state.consecutive_successes, ==, 1);

  g_assert_cmpstr (ops_health_transition_event_kind (OPS_HEALTH_TRANSITION_DOWN), ==,
                   "health.down");
  g_assert_cmpstr (ops_health_transition_event_kind (OPS_HEALTH_TRANSITION_DEGRADED), ==,
                   "health.degraded");
  g_assert_cmpstr (ops_health_transition_event_kind (OPS_HEALTH_TRANSITION_RECOVERED), ==,
                   "health.recovered");
  g_assert_null (ops_health_transition_event_kind (OPS_HEALTH_TRANSITION_NONE));
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/health/state/thresholds", test_thresholds);
  g_test_add_func ("/opsdeck/health/state/counters", test_counters);

  return g_test_run ();
}
