/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "alerts/ops-alert.h"
#include "alerts/ops-alertmanager.h"

G_BEGIN_DECLS

/* One line of the Alerts view: an Opsdeck alert, or an alert read from an
 * Alertmanager, seen through the same questions. */

#define OPS_TYPE_ALERTS_ITEM (ops_alerts_item_get_type ())

G_DECLARE_FINAL_TYPE (OpsAlertsItem, ops_alerts_item, OPS, ALERTS_ITEM, GObject)

/* clang-format off */
OpsAlertsItem         *ops_alerts_item_new              (OpsAlert              *alert);
OpsAlertsItem         *ops_alerts_item_new_alertmanager (OpsAlertmanagerAlert  *alert,
                                                         const char            *source,
                                                         OpsAlertmanagerClient *client);
const char            *ops_alerts_item_get_id           (OpsAlertsItem         *self);
OpsAlert              *ops_alerts_item_get_alert        (OpsAlertsItem         *self);
OpsAlertmanagerAlert  *ops_alerts_item_get_am_alert     (OpsAlertsItem         *self);
OpsAlertmanagerClient *ops_alerts_item_get_client       (OpsAlertsItem         *self);
const char            *ops_alerts_item_get_source       (OpsAlertsItem         *self);
OpsSeverity            ops_alerts_item_get_severity     (OpsAlertsItem         *self);
const char            *ops_alerts_item_get_service      (OpsAlertsItem         *self);
const char            *ops_alerts_item_get_cause        (OpsAlertsItem         *self);
const char            *ops_alerts_item_get_state_label  (OpsAlertsItem         *self);
int                    ops_alerts_item_get_state        (OpsAlertsItem         *self);
gint64                 ops_alerts_item_get_since        (OpsAlertsItem         *self);
char                  *ops_alerts_item_dup_value        (OpsAlertsItem         *self);
const char            *ops_alerts_item_get_blocked_by   (OpsAlertsItem         *self);
gboolean               ops_alerts_item_is_open          (OpsAlertsItem         *self);

const char            *ops_alerts_severity_label        (OpsSeverity            severity);
const char            *ops_alerts_severity_icon         (OpsSeverity            severity);
char                  *ops_alerts_format_since          (gint64                 since_usec,
                                                         gint64                 now_usec);
/* clang-format on */

G_END_DECLS
