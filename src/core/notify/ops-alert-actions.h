/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

#include "alerts/ops-alert-engine.h"

G_BEGIN_DECLS

/* The application actions that notifications' buttons activate. Both
 * take the alert's id as an int64 (`app.alert-acknowledge(int64 42)`). */
#define OPS_ALERT_ACTION_ACKNOWLEDGE "alert-acknowledge"
#define OPS_ALERT_ACTION_OPEN        "alert-open"

/* clang-format off */
void ops_alert_actions_install (GActionMap     *map,
                                OpsAlertEngine *engine);
/* clang-format on */

G_END_DECLS
