/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "alerts/ops-alert-engine.h"
#include "events/ops-event-bus.h"
#include "health/ops-health-engine.h"
#include "store/ops-store.h"

G_BEGIN_DECLS

#define OPS_TYPE_APPLICATION (ops_application_get_type ())

G_DECLARE_FINAL_TYPE (OpsApplication, ops_application, OPS, APPLICATION, AdwApplication)

/* clang-format off */
OpsApplication  *ops_application_new               (void);
OpsStore        *ops_application_get_store         (OpsApplication *self);
OpsEventBus     *ops_application_get_event_bus     (OpsApplication *self);
OpsHealthEngine *ops_application_get_health_engine (OpsApplication *self);
OpsAlertEngine  *ops_application_get_alert_engine  (OpsApplication *self);
/* clang-format on */

G_END_DECLS
