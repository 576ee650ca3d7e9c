/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gtk/gtk.h>

#include "ops-chart-render.h"

G_BEGIN_DECLS

/* The bands of a 0–100 health score, worst first. */
typedef enum
{
  OPS_GAUGE_BAND_CRITICAL,
  OPS_GAUGE_BAND_WARNING,
  OPS_GAUGE_BAND_DEGRADED,
  OPS_GAUGE_BAND_HEALTHY,
} OpsGaugeBand;

typedef struct
{
  double      value;         /* 0–100, NAN: no score */
  double      healthy_from;  /* 90 */
  double      degraded_from; /* 70 */
  double      warning_from;  /* 50; below: critical */
  const char *label;
} OpsGaugeState;

#define OPS_TYPE_GAUGE (ops_gauge_get_type ())

G_DECLARE_FINAL_TYPE (OpsGauge, ops_gauge, OPS, GAUGE, GtkWidget)

/* clang-format off */
OpsGauge      *ops_gauge_new               (void);
double         ops_gauge_get_value         (OpsGauge             *self);
void           ops_gauge_set_value         (OpsGauge             *self,
                                            double                value);
const char    *ops_gauge_get_label         (OpsGauge             *self);
void           ops_gauge_set_label         (OpsGauge             *self,
                                            const char           *label);
void           ops_gauge_set_thresholds    (OpsGauge             *self,
                                            double                healthy_from,
                                            double                degraded_from,
                                            double                warning_from);
const char    *ops_gauge_get_summary       (OpsGauge             *self);

OpsGaugeBand   ops_gauge_band_for_value    (const OpsGaugeState  *state,
                                            double                value);
const char    *ops_gauge_band_name         (OpsGaugeBand          band);
const GdkRGBA *ops_gauge_band_color        (const OpsChartColors *colors,
                                            OpsGaugeBand          band);
void           ops_gauge_draw              (cairo_t              *cr,
                                            int                   width,
                                            int                   height,
                                            const OpsGaugeState  *state,
                                            const OpsChartColors *colors,
                                            PangoContext         *pango);
/* clang-format on */

G_END_DECLS
