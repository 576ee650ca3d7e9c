/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "health/ops-health-engine.h"
#include "ops-alert-engine.h"

G_BEGIN_DECLS

#define OPS_TYPE_ALERT_HEALTH_FEED (ops_alert_health_feed_get_type ())

G_DECLARE_FINAL_TYPE (OpsAlertHealthFeed, ops_alert_health_feed, OPS, ALERT_HEALTH_FEED, GObject)

/* clang-format off */
OpsAlertHealthFeed *ops_alert_health_feed_new        (OpsAlertEngine  *alerts,
                                                      OpsHealthEngine *health);
OpsAlertSample     *ops_alert_sample_new_from_result (OpsCheck        *check,
                                                      OpsCheckResult  *result);
/* clang-format on */

G_END_DECLS
