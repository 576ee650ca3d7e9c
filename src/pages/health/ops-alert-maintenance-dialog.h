/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "alerts/ops-alert-engine.h"

G_BEGIN_DECLS

#define OPS_TYPE_ALERT_MAINTENANCE_DIALOG (ops_alert_maintenance_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OpsAlertMaintenanceDialog, ops_alert_maintenance_dialog, OPS, ALERT_MAINTENANCE_DIALOG, AdwWindow)

/* clang-format off */
void ops_alert_maintenance_dialog_present (GtkWidget      *parent,
                                           OpsAlertEngine *engine,
                                           const char     *check_or_null);
/* clang-format on */

G_END_DECLS
