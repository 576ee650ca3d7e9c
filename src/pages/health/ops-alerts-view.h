/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "alerts/ops-alert-engine.h"

G_BEGIN_DECLS

#define OPS_TYPE_ALERTS_VIEW (ops_alerts_view_get_type ())

G_DECLARE_FINAL_TYPE (OpsAlertsView, ops_alerts_view, OPS, ALERTS_VIEW, AdwBin)

/* clang-format off */
GtkWidget *ops_alerts_view_new           (OpsAlertEngine *engine);
void       ops_alerts_view_show_alert    (OpsAlertsView  *self,
                                          const char     *alert_id);
void       ops_alerts_view_refresh       (OpsAlertsView  *self);
/* clang-format on */

G_END_DECLS
