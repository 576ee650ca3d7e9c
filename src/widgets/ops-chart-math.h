/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The chart's arithmetic: decimation, axis ticks and value formatting.
 * Nothing here needs GTK or a display. */

typedef struct
{
  gint64 time;  /* µs since the Unix epoch */
  double value; /* NAN: no value */
} OpsChartPoint;

typedef enum
{
  OPS_CHART_UNIT_PLAIN,
  OPS_CHART_UNIT_MS,
  OPS_CHART_UNIT_PERCENT,
  OPS_CHART_UNIT_REQ_PER_SEC,
  OPS_CHART_UNIT_BYTES,
} OpsChartUnit;

/* One pixel column of a decimated series. */
typedef struct
{
  double min;
  double max;
  double first;
  double last;
  guint  n_values;  /* points with a value in the column; 0: empty */
  gint64 last_time; /* time of the column's last point with a value */
  /* TRUE when the column's first value continues the line from the
   * previous value (no NAN between them, no gap over max_gap). */
  gboolean joined;
} OpsChartColumn;

typedef struct
{
  gint64 time;
  char   label[48];
} OpsChartTimeTick;

/* clang-format off */
gsize    ops_chart_lower_bound     (const OpsChartPoint *points,
                                    gsize                n_points,
                                    gint64               time);
void     ops_chart_decimate        (const OpsChartPoint *points,
                                    gsize                n_points,
                                    gint64               start,
                                    gint64               end,
                                    gint64               max_gap_usec,
                                    OpsChartColumn      *columns,
                                    guint                n_columns);
gboolean ops_chart_value_at        (const OpsChartPoint *points,
                                    gsize                n_points,
                                    gint64               time,
                                    gint64               max_gap_usec,
                                    double              *value);
GArray  *ops_chart_time_ticks      (gint64               start,
                                    gint64               end,
                                    guint                max_ticks);
guint    ops_chart_value_ticks     (double               min,
                                    double               max,
                                    guint                max_ticks,
                                    OpsChartUnit         unit,
                                    double              *axis_min,
                                    double              *axis_max,
                                    double              *step);
char    *ops_chart_format_value    (double               value,
                                    OpsChartUnit         unit,
                                    double               step);
char    *ops_chart_format_time     (gint64               time);
/* clang-format on */

G_END_DECLS
