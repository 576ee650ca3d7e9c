/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "health/ops-check.h"

G_BEGIN_DECLS

typedef struct
{
  guint healthy;
  guint degraded;
  guint down;
  guint unknown;
  guint paused;
} OpsHealthCounts;

#define OPS_TYPE_HEALTH_SUMMARY (ops_health_summary_get_type ())

G_DECLARE_FINAL_TYPE (OpsHealthSummary, ops_health_summary, OPS, HEALTH_SUMMARY, GtkWidget)

/* clang-format off */
void    ops_health_summary_set_model   (OpsHealthSummary      *self,
                                        GListModel            *checks);
void    ops_health_summary_set_compact (OpsHealthSummary      *self,
                                        gboolean               compact);
double  ops_health_summary_get_percent (OpsHealthSummary      *self);
void    ops_health_summary_get_counts  (OpsHealthSummary      *self,
                                        OpsEnvironment         environment,
                                        OpsHealthCounts       *counts);
/* clang-format on */

G_END_DECLS
