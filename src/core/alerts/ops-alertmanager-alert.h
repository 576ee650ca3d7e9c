/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define OPS_TYPE_ALERTMANAGER_ALERT (ops_alertmanager_alert_get_type ())

G_DECLARE_FINAL_TYPE (OpsAlertmanagerAlert, ops_alertmanager_alert, OPS, ALERTMANAGER_ALERT, GObject)

/* clang-format off */
OpsAlertmanagerAlert  *ops_alertmanager_alert_new_from_json    (JsonNode              *node);
const char            *ops_alertmanager_alert_get_fingerprint  (OpsAlertmanagerAlert  *self);
const char            *ops_alertmanager_alert_get_name         (OpsAlertmanagerAlert  *self);
const char            *ops_alertmanager_alert_get_label        (OpsAlertmanagerAlert  *self,
                                                                const char            *name);
JsonObject            *ops_alertmanager_alert_get_labels       (OpsAlertmanagerAlert  *self);
const char            *ops_alertmanager_alert_get_annotation   (OpsAlertmanagerAlert  *self,
                                                                const char            *name);
const char            *ops_alertmanager_alert_get_state        (OpsAlertmanagerAlert  *self);
const char            *ops_alertmanager_alert_get_severity     (OpsAlertmanagerAlert  *self);
gint64                 ops_alertmanager_alert_get_starts_at    (OpsAlertmanagerAlert  *self);
const char * const    *ops_alertmanager_alert_get_silenced_by  (OpsAlertmanagerAlert  *self);
void                   ops_alertmanager_alert_to_json          (OpsAlertmanagerAlert  *self,
                                                                JsonBuilder           *builder);
/* clang-format on */

G_END_DECLS
