/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-chart"

#include "config.h"

#include <math.h>

#include "ops-chart-colors.h"

static void
set_rgba (GdkRGBA    *rgba,
          const char *spec,
          double      alpha)
{
  gboolean ok = gdk_rgba_parse (rgba, spec);

  g_assert (ok);
  rgba->alpha = alpha;
}

/**
 * ops_chart_colors_init:
 *
 * Fills @colors with libadwaita's palette for the light or dark style,
 * with stronger grid, text and lines in high contrast.
 */
void
ops_chart_colors_init (OpsChartColors *colors,
                       gboolean        dark,
                       gboolean        high_contrast)
{
  static const char *const light_palette[] = {
    "#1c71d8", "#e66100", "#813d9c", "#26a269", "#c01c28", "#865e3c",
  };
  static const char *const dark_palette[] = {
    "#78aeed", "#ffa348", "#dc8add", "#8ff0a4", "#f66151", "#cdab8f",
  };
  const char *const *palette = dark ? dark_palette : light_palette;

  g_return_if_fail (colors != NULL);

  set_rgba (&colors->background, dark ? "#1e1e1e" : "#ffffff", 0);
  set_rgba (&colors->foreground, dark ? "#ffffff" : "#000000", high_contrast ? 1.0 : 0.8);
  set_rgba (&colors->grid, dark ? "#ffffff" : "#000000", high_contrast ? 0.35 : 0.12);
  set_rgba (&colors->accent, dark ? "#78aeed" : "#1c71d8", 1);
  set_rgba (&colors->success, dark ? "#8ff0a4" : "#1b8553", 1);
  set_rgba (&colors->warning, dark ? "#f8e45c" : "#9c6e03", 1);
  set_rgba (&colors->error, dark ? "#ff7b63" : "#c01c28", 1);
  set_rgba (&colors->degraded, dark ? "#f8e45c" : "#e5a50a", 1);
  set_rgba (&colors->orange, dark ? "#ffa348" : "#e66100", 1);
  set_rgba (&colors->no_data, dark ? "#ffffff" : "#000000", high_contrast ? 0.2 : 0.08);
  for (guint i = 0; i < OPS_CHART_PALETTE_SIZE; i++)
    set_rgba (&colors->palette[i], palette[i], 1);
  colors->line_width = high_contrast ? 3.0 : 1.5;
}

const GdkRGBA *
ops_chart_colors_for_series (const OpsChartColors *colors,
                             OpsChartSeries       *series,
                             guint                 index)
{
  switch (ops_chart_series_get_color_role (series))
    {
    case OPS_CHART_COLOR_ACCENT:
      return &colors->accent;
    case OPS_CHART_COLOR_SUCCESS:
      return &colors->success;
    case OPS_CHART_COLOR_WARNING:
      return &colors->warning;
    case OPS_CHART_COLOR_ERROR:
      return &colors->error;
    case OPS_CHART_COLOR_SERIES:
    default:
      return &colors->palette[index % OPS_CHART_PALETTE_SIZE];
    }
}

/* NAN: no data. */
const GdkRGBA *
ops_chart_colors_for_band (const OpsChartColors *colors,
                           double                status)
{
  if (isnan (status))
    return &colors->no_data;
  if (status >= OPS_CHART_BAND_DOWN)
    return &colors->error;
  if (status >= OPS_CHART_BAND_DEGRADED)
    return &colors->degraded;
  return &colors->success;
}
