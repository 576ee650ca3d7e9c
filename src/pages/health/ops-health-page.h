/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "alerts/ops-alert-engine.h"
#include "health/ops-health-engine.h"
#include "store/ops-settings.h"

G_BEGIN_DECLS

#define OPS_TYPE_HEALTH_PAGE (ops_health_page_get_type ())

G_DECLARE_FINAL_TYPE (OpsHealthPage, ops_health_page, OPS, HEALTH_PAGE, AdwBin)

/* clang-format off */
GtkWidget    *ops_health_page_new         (void);
void          ops_health_page_set_engines (OpsHealthPage   *self,
                                           OpsHealthEngine *engine,
                                           OpsAlertEngine  *alert_engine,
                                           OpsSettings     *settings);
AdwViewStack *ops_health_page_get_views   (OpsHealthPage   *self);
void          ops_health_page_show_check  (OpsHealthPage   *self,
                                           const char      *check_id);
gboolean      ops_health_page_show_alert  (OpsHealthPage   *self,
                                           const char      *alert_id);
/* clang-format on */

G_END_DECLS
