/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "events/ops-event-bus.h"
#include "ops-alert-sample.h"
#include "ops-alert.h"
#include "health/ops-clock.h"
#include "store/ops-store.h"

G_BEGIN_DECLS

/* How often the engine looks at the time: pending alerts that are due,
 * checks gone quiet, maintenance windows, re-notification. */
#define OPS_ALERT_ENGINE_TICK_MS 1000

/* How long the alert of a check that others depend on waits for their
 * results before it is notified, at most. */
#define OPS_ALERT_ENGINE_DEPENDENTS_WAIT_S 5

#define OPS_TYPE_ALERT_ENGINE (ops_alert_engine_get_type ())

G_DECLARE_FINAL_TYPE (OpsAlertEngine, ops_alert_engine, OPS, ALERT_ENGINE, GObject)

/* clang-format off */
OpsAlertEngine *ops_alert_engine_new             (OpsStore            *store,
                                                  OpsEventBus         *bus,
                                                  OpsClock            *clock,
                                                  GError             **error);
void            ops_alert_engine_observe         (OpsAlertEngine      *self,
                                                  OpsAlertSample      *sample);
void            ops_alert_engine_set_check       (OpsAlertEngine      *self,
                                                  gint64               check_id,
                                                  const char          *name,
                                                  const char          *environment,
                                                  const char * const  *tags);
void            ops_alert_engine_forget_check    (OpsAlertEngine      *self,
                                                  gint64               check_id);
gboolean        ops_alert_engine_reload          (OpsAlertEngine      *self,
                                                  GError             **error);
void            ops_alert_engine_tick            (OpsAlertEngine      *self);

OpsAlert       *ops_alert_engine_acknowledge     (OpsAlertEngine      *self,
                                                  gint64               alert_id,
                                                  const char          *user,
                                                  const char          *note,
                                                  GError             **error);
OpsAlert       *ops_alert_engine_resolve         (OpsAlertEngine      *self,
                                                  gint64               alert_id,
                                                  const char          *user,
                                                  const char          *note,
                                                  GError             **error);

GListModel     *ops_alert_engine_get_open_alerts (OpsAlertEngine      *self);
OpsAlert       *ops_alert_engine_lookup_alert    (OpsAlertEngine      *self,
                                                  gint64               alert_id);
const char     *ops_alert_engine_get_maintenance (OpsAlertEngine      *self,
                                                  const char          *check_name);
OpsStore       *ops_alert_engine_get_store       (OpsAlertEngine      *self);
OpsClock       *ops_alert_engine_get_clock       (OpsAlertEngine      *self);
/* clang-format on */

G_END_DECLS
