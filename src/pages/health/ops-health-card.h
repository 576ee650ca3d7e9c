/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "alerts/ops-alert-engine.h"
#include "health/ops-check.h"
#include "health/ops-history.h"
#include "widgets/ops-chart.h"

G_BEGIN_DECLS

#define OPS_TYPE_HEALTH_CARD (ops_health_card_get_type ())

G_DECLARE_FINAL_TYPE (OpsHealthCard, ops_health_card, OPS, HEALTH_CARD, AdwBin)

/* clang-format off */
GtkWidget *ops_health_card_new              (OpsHistory     *history,
                                             OpsAlertEngine *alert_engine);
OpsCheck  *ops_health_card_get_check        (OpsHealthCard  *self);
void       ops_health_card_set_check        (OpsHealthCard  *self,
                                             OpsCheck       *check);
OpsChart  *ops_health_card_get_sparkline   (OpsHealthCard  *self);
/* clang-format on */

G_END_DECLS
