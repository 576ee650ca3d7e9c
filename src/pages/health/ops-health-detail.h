/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "health/ops-health-engine.h"
#include "ops-health-history-view.h"
#include "ops-health-host-metrics.h"

G_BEGIN_DECLS

#define OPS_TYPE_HEALTH_DETAIL (ops_health_detail_get_type ())

G_DECLARE_FINAL_TYPE (OpsHealthDetail, ops_health_detail, OPS, HEALTH_DETAIL, AdwBin)

/* clang-format off */
void       ops_health_detail_set_engine     (OpsHealthDetail *self,
                                             OpsHealthEngine *engine);
OpsCheck  *ops_health_detail_get_check      (OpsHealthDetail *self);
void       ops_health_detail_set_check      (OpsHealthDetail *self,
                                             OpsCheck        *check);
void       ops_health_detail_set_folded     (OpsHealthDetail *self,
                                             gboolean         folded);
OpsHealthHistoryView *ops_health_detail_get_history_view (OpsHealthDetail *self);
OpsHealthHostMetrics *ops_health_detail_get_host_metrics (OpsHealthDetail *self);
/* clang-format on */

G_END_DECLS
