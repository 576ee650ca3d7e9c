/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "alerts/ops-alert-engine.h"

G_BEGIN_DECLS

#define OPS_TYPE_ALERT_RULES_DIALOG (ops_alert_rules_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OpsAlertRulesDialog, ops_alert_rules_dialog, OPS, ALERT_RULES_DIALOG, AdwWindow)

/* clang-format off */
void ops_alert_rules_dialog_present (GtkWidget      *parent,
                                     OpsAlertEngine *engine,
                                     const char     *check_or_null);
/* clang-format on */

G_END_DECLS
