/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gdk/gdk.h>

#include "ops-chart-series.h"

G_BEGIN_DECLS

/* The colours of the charts and the gauge, from libadwaita's palette. */

#define OPS_CHART_PALETTE_SIZE 6

typedef struct
{
  GdkRGBA background; /* transparent: not painted */
  GdkRGBA foreground;
  GdkRGBA grid;
  GdkRGBA accent;
  GdkRGBA success;
  GdkRGBA warning;
  GdkRGBA error;
  GdkRGBA degraded; /* yellow, between success and warning on the gauge */
  GdkRGBA orange;
  GdkRGBA no_data;
  GdkRGBA palette[OPS_CHART_PALETTE_SIZE];
  double  line_width;
} OpsChartColors;

/* clang-format off */
void               ops_chart_colors_init           (OpsChartColors       *colors,
                                                    gboolean              dark,
                                                    gboolean              high_contrast);
const GdkRGBA     *ops_chart_colors_for_series     (const OpsChartColors *colors,
                                                    OpsChartSeries       *series,
                                                    guint                 index);
const GdkRGBA     *ops_chart_colors_for_band       (const OpsChartColors *colors,
                                                    double                status);
/* clang-format on */

G_END_DECLS
