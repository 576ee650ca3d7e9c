/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "alerts/ops-alert-engine.h"
#include "ops-alerts-item.h"

G_BEGIN_DECLS

#define OPS_TYPE_ALERT_DETAIL (ops_alert_detail_get_type ())

G_DECLARE_FINAL_TYPE (OpsAlertDetail, ops_alert_detail, OPS, ALERT_DETAIL, AdwBin)

/* clang-format off */
void           ops_alert_detail_set_engine (OpsAlertDetail *self,
                                            OpsAlertEngine *engine);
void           ops_alert_detail_set_item   (OpsAlertDetail *self,
                                            OpsAlertsItem  *item);
OpsAlertsItem *ops_alert_detail_get_item   (OpsAlertDetail *self);
/* clang-format on */

G_END_DECLS
