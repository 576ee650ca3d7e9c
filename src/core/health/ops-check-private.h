/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-check.h"
#include "ops-condition.h"

G_BEGIN_DECLS

/* clang-format off */
void             _ops_check_set_id                 (OpsCheck         *self,
                                                    gint64            id);
void             _ops_check_set_has_secret         (OpsCheck         *self,
                                                    gboolean          has_secret);
const char      *_ops_check_get_pending_secret     (OpsCheck         *self);
void             _ops_check_clear_pending_secret   (OpsCheck         *self);
GPtrArray       *_ops_check_get_parsed_conditions  (OpsCheck         *self);
void             _ops_check_set_running            (OpsCheck         *self,
                                                    gboolean          running);
void             _ops_check_set_uptime_24h         (OpsCheck         *self,
                                                    double            uptime);
void             _ops_check_apply_result           (OpsCheck         *self,
                                                    OpsCheckResult   *result,
                                                    OpsHealthStatus   status,
                                                    guint             consecutive_failures,
                                                    guint             consecutive_successes);
void             _ops_check_restore_state          (OpsCheck         *self,
                                                    OpsHealthStatus   status,
                                                    gint64            last_time,
                                                    double            last_latency_ms,
                                                    const char       *last_error);
gboolean         _ops_check_validate_target        (OpsCheckKind      kind,
                                                    const char       *target,
                                                    GError          **error);
/* clang-format on */

G_END_DECLS
