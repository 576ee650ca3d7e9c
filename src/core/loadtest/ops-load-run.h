/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

#include "events/ops-event-bus.h"
#include "ops-load-result.h"

G_BEGIN_DECLS

#define OPS_TYPE_LOAD_RUN (ops_load_run_get_type ())

G_DECLARE_FINAL_TYPE (OpsLoadRun, ops_load_run, OPS, LOAD_RUN, GObject)

/* clang-format off */
OpsLoadRun      *ops_load_run_new          (OpsLoadScenario      *scenario,
                                            OpsEventBus          *bus);
OpsLoadScenario *ops_load_run_get_scenario (OpsLoadRun           *self);
gboolean         ops_load_run_get_running  (OpsLoadRun           *self);
OpsLoadResult   *ops_load_run_get_result   (OpsLoadRun           *self);
void             ops_load_run_execute_async  (OpsLoadRun         *self,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
OpsLoadResult   *ops_load_run_execute_finish (OpsLoadRun         *self,
                                              GAsyncResult       *result,
                                              GError            **error);
void             ops_load_run_stop         (OpsLoadRun           *self);
/* clang-format on */

G_END_DECLS
