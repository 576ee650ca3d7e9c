/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-check.h"

G_BEGIN_DECLS

/* The instance of OpsCheck, shared by ops-check.c (the definition) and
 * ops-check-state.c (the secret, option values and live state). */
struct _OpsCheck
{
  GObject parent_instance;

  /* Owned */
  char           *name;
  char           *target;
  GStrv           tags;
  GStrv           conditions;
  GPtrArray      *parsed_conditions; /* OpsCondition, NULL when one does not parse */
  JsonObject     *options;
  char           *pending_secret;
  OpsCheckResult *last_result;
  char           *last_error;

  gint64         id;
  OpsCheckKind   kind;
  guint          interval_ms;
  guint          timeout_ms;
  guint          failure_threshold;
  guint          success_threshold;
  OpsEnvironment environment;
  gboolean       enabled;
  gboolean       paused;
  gboolean       has_secret;

  OpsHealthStatus status;
  double          last_latency_ms;
  gint64          last_result_time;
  guint           consecutive_failures;
  guint           consecutive_successes;
  double          uptime_24h;
  gboolean        running;
};

enum
{
  OPS_CHECK_PROP_0,
  OPS_CHECK_PROP_ID,
  OPS_CHECK_PROP_NAME,
  OPS_CHECK_PROP_KIND,
  OPS_CHECK_PROP_TARGET,
  OPS_CHECK_PROP_INTERVAL_MS,
  OPS_CHECK_PROP_TIMEOUT_MS,
  OPS_CHECK_PROP_FAILURE_THRESHOLD,
  OPS_CHECK_PROP_SUCCESS_THRESHOLD,
  OPS_CHECK_PROP_ENVIRONMENT,
  OPS_CHECK_PROP_TAGS,
  OPS_CHECK_PROP_CONDITIONS,
  OPS_CHECK_PROP_OPTIONS,
  OPS_CHECK_PROP_ENABLED,
  OPS_CHECK_PROP_PAUSED,
  OPS_CHECK_PROP_HAS_SECRET,
  OPS_CHECK_PROP_TLS_VERIFICATION_DISABLED,
  OPS_CHECK_PROP_STATUS,
  OPS_CHECK_PROP_LAST_RESULT,
  OPS_CHECK_PROP_LAST_LATENCY_MS,
  OPS_CHECK_PROP_LAST_ERROR,
  OPS_CHECK_PROP_LAST_RESULT_TIME,
  OPS_CHECK_PROP_CONSECUTIVE_FAILURES,
  OPS_CHECK_PROP_CONSECUTIVE_SUCCESSES,
  OPS_CHECK_PROP_UPTIME_24H,
  OPS_CHECK_PROP_RUNNING,
  OPS_CHECK_N_PROPS
};

extern GParamSpec *_ops_check_properties[OPS_CHECK_N_PROPS];

/* clang-format off */
void _ops_check_set_string  (OpsCheck    *self,
                             char       **field,
                             const char  *value,
                             guint        prop);
void _ops_check_set_uint    (OpsCheck    *self,
                             guint       *field,
                             guint        value,
                             guint        prop);
void _ops_check_set_boolean (OpsCheck    *self,
                             gboolean    *field,
                             gboolean     value,
                             guint        prop);
/* clang-format on */

G_END_DECLS
