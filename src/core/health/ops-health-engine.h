/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "events/ops-event-bus.h"
#include "ops-check-list.h"
#include "ops-clock.h"
#include "ops-history.h"
#include "ops-probe-context.h"
#include "ops-scheduler.h"

G_BEGIN_DECLS

#define OPS_TYPE_HEALTH_ENGINE (ops_health_engine_get_type ())

G_DECLARE_FINAL_TYPE (OpsHealthEngine, ops_health_engine, OPS, HEALTH_ENGINE, GObject)

/* clang-format off */
OpsHealthEngine *ops_health_engine_new                (OpsStore            *store,
                                                       OpsEventBus         *bus,
                                                       OpsClock            *clock,
                                                       GError             **error);
OpsCheckList    *ops_health_engine_get_checks         (OpsHealthEngine     *self);
OpsHistory      *ops_health_engine_get_history        (OpsHealthEngine     *self);
OpsScheduler    *ops_health_engine_get_scheduler      (OpsHealthEngine     *self);
OpsProbeContext *ops_health_engine_get_probe_context  (OpsHealthEngine     *self);
void             ops_health_engine_start              (OpsHealthEngine     *self);
void             ops_health_engine_stop               (OpsHealthEngine     *self);
gboolean         ops_health_engine_get_running        (OpsHealthEngine     *self);
void             ops_health_engine_set_paused         (OpsHealthEngine     *self,
                                                       gboolean             paused);
gboolean         ops_health_engine_get_paused         (OpsHealthEngine     *self);
void             ops_health_engine_check_now          (OpsHealthEngine     *self,
                                                       OpsCheck            *check);
void             ops_health_engine_test_check_async   (OpsHealthEngine     *self,
                                                       OpsCheck            *check,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
OpsCheckResult  *ops_health_engine_test_check_finish  (OpsHealthEngine     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void             ops_health_engine_run_checks_async   (OpsHealthEngine     *self,
                                                       GPtrArray           *checks,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GPtrArray       *ops_health_engine_run_checks_finish  (OpsHealthEngine     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
/* clang-format on */

G_END_DECLS
