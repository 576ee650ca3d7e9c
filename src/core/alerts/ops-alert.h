/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-alert-types.h"

G_BEGIN_DECLS

#define OPS_TYPE_ALERT (ops_alert_get_type ())

G_DECLARE_FINAL_TYPE (OpsAlert, ops_alert, OPS, ALERT, GObject)

/* clang-format off */
gint64         ops_alert_get_id               (OpsAlert    *self);
gint64         ops_alert_get_rule_id          (OpsAlert    *self);
const char    *ops_alert_get_rule_name        (OpsAlert    *self);
gint64         ops_alert_get_check_id         (OpsAlert    *self);
const char    *ops_alert_get_check_name       (OpsAlert    *self);
OpsAlertState  ops_alert_get_state            (OpsAlert    *self);
OpsSeverity    ops_alert_get_severity         (OpsAlert    *self);
const char    *ops_alert_get_cause            (OpsAlert    *self);
gboolean       ops_alert_get_value            (OpsAlert    *self,
                                               double      *value);
JsonNode      *ops_alert_dup_snapshot         (OpsAlert    *self);
gint64         ops_alert_get_pending_at       (OpsAlert    *self);
gint64         ops_alert_get_fired_at         (OpsAlert    *self);
gint64         ops_alert_get_acknowledged_at  (OpsAlert    *self);
const char    *ops_alert_get_acknowledged_by  (OpsAlert    *self);
const char    *ops_alert_get_ack_note         (OpsAlert    *self);
gint64         ops_alert_get_resolved_at      (OpsAlert    *self);
const char    *ops_alert_get_resolved_by      (OpsAlert    *self);
const char    *ops_alert_get_resolve_note     (OpsAlert    *self);
gint64         ops_alert_get_notified_at      (OpsAlert    *self);
guint          ops_alert_get_notify_count     (OpsAlert    *self);
const char    *ops_alert_get_blocked_by       (OpsAlert    *self);
const char    *ops_alert_get_in_maintenance   (OpsAlert    *self);
gboolean       ops_alert_get_flapping         (OpsAlert    *self);
guint          ops_alert_get_dependents       (OpsAlert    *self);
gboolean       ops_alert_is_open              (OpsAlert    *self);
char          *ops_alert_dup_title            (OpsAlert    *self);
void           ops_alert_to_json              (OpsAlert    *self,
                                               JsonBuilder *builder);
/* clang-format on */

G_END_DECLS
