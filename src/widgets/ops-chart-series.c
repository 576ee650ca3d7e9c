/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "ops-chart-series.h"

/* One series of a chart: its name, unit, style and points, sorted by
 * time. The chart reads the points; it never computes them. */

struct _OpsChartSeries
{
  GObject parent_instance;

  /* Owned */
  char          *name;
  OpsChartPoint *points;
  gsize          n_points;
  gsize          capacity;

  OpsChartUnit      unit;
  OpsChartStyle     style;
  OpsChartColorRole color_role;
  gint64            max_gap_usec;
  guint64           serial;

  /* Over every value, NAN when there is none */
  double last;
  double min;
  double max;
};

G_DEFINE_FINAL_TYPE (OpsChartSeries, ops_chart_series, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (OpsChartUnit, ops_chart_unit,
                    G_DEFINE_ENUM_VALUE (OPS_CHART_UNIT_PLAIN, "plain"),
                    G_DEFINE_ENUM_VALUE (OPS_CHART_UNIT_MS, "ms"),
                    G_DEFINE_ENUM_VALUE (OPS_CHART_UNIT_PERCENT, "percent"),
                    G_DEFINE_ENUM_VALUE (OPS_CHART_UNIT_REQ_PER_SEC, "req-per-sec"),
                    G_DEFINE_ENUM_VALUE (OPS_CHART_UNIT_BYTES, "bytes"))

G_DEFINE_ENUM_TYPE (OpsChartStyle, ops_chart_style,
                    G_DEFINE_ENUM_VALUE (OPS_CHART_STYLE_LINE, "line"),
                    G_DEFINE_ENUM_VALUE (OPS_CHART_STYLE_AREA, "area"),
                    G_DEFINE_ENUM_VALUE (OPS_CHART_STYLE_BAND, "band"))

G_DEFINE_ENUM_TYPE (OpsChartColorRole, ops_chart_color_role,
                    G_DEFINE_ENUM_VALUE (OPS_CHART_COLOR_SERIES, "series"),
                    G_DEFINE_ENUM_VALUE (OPS_CHART_COLOR_ACCENT, "accent"),
                    G_DEFINE_ENUM_VALUE (OPS_CHART_COLOR_SUCCESS, "success"),
                    G_DEFINE_ENUM_VALUE (OPS_CHART_COLOR_WARNING, "warning"),
                    G_DEFINE_ENUM_VALUE (OPS_CHART_COLOR_ERROR, "error"))

enum
{
  PROP_0,
  PROP_NAME,
  PROP_UNIT,
  PROP_STYLE,
  PROP_COLOR_ROLE,
  PROP_MAX_GAP_USEC,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
ops_chart_series_finalize (GObject *object)
{
  OpsChartSeries *self = OPS_CHART_SERIES (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->points, g_free);

  G_OBJECT_CLASS (ops_chart_series_parent_class)->finalize (object);
}

static void
ops_chart_series_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OpsChartSeries *self = OPS_CHART_SERIES (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;
    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;
    case PROP_COLOR_ROLE:
      g_value_set_enum (value, self->color_role);
      break;
    case PROP_MAX_GAP_USEC:
      g_value_set_int64 (value, self->max_gap_usec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_chart_series_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OpsChartSeries *self = OPS_CHART_SERIES (object);

  switch (prop_id)
    {
    case PROP_NAME:
      ops_chart_series_set_name (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      ops_chart_series_set_unit (self, g_value_get_enum (value));
      break;
    case PROP_STYLE:
      ops_chart_series_set_style (self, g_value_get_enum (value));
      break;
    case PROP_COLOR_ROLE:
      ops_chart_series_set_color_role (self, g_value_get_enum (value));
      break;
    case PROP_MAX_GAP_USEC:
      ops_chart_series_set_max_gap_usec (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_chart_series_class_init (OpsChartSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ops_chart_series_finalize;
  object_class->get_property = ops_chart_series_get_property;
  object_class->set_property = ops_chart_series_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_enum ("unit", NULL, NULL, OPS_TYPE_CHART_UNIT,
                                             OPS_CHART_UNIT_PLAIN, flags);
  properties[PROP_STYLE] = g_param_spec_enum ("style", NULL, NULL, OPS_TYPE_CHART_STYLE,
                                              OPS_CHART_STYLE_LINE, flags);
  properties[PROP_COLOR_ROLE] = g_param_spec_enum ("color-role", NULL, NULL,
                                                   OPS_TYPE_CHART_COLOR_ROLE,
                                                   OPS_CHART_COLOR_SERIES, flags);
  properties[PROP_MAX_GAP_USEC] = g_param_spec_int64 ("max-gap-usec", NULL, NULL,
                                                      0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when the points or anything that changes the drawing change. */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
ops_chart_series_init (OpsChartSeries *self)
{
  self->last = self->min = self->max = NAN;
}

OpsChartSeries *
ops_chart_series_new (const char   *name,
                      OpsChartUnit  unit,
                      OpsChartStyle style)
{
  return g_object_new (OPS_TYPE_CHART_SERIES,
                       "name", name,
                       "unit", unit,
                       "style", style,
                       NULL);
}

static void
changed (OpsChartSeries *self)
{
  self->serial++;
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
ops_chart_series_get_name (OpsChartSeries *self)
{
  g_return_val_if_fail (OPS_IS_CHART_SERIES (self), NULL);
  return self->name;
}

void
ops_chart_series_set_name (OpsChartSeries *self,
                           const char     *name)
{
  g_return_if_fail (OPS_IS_CHART_SERIES (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  changed (self);
}

/* The setters of plain fields only differ by their field and property. */
#define DEFINE_FIELD_ACCESSORS(Type, field, PROP)                            \
  Type                                                                       \
  ops_chart_series_get_##field (OpsChartSeries *self)                        \
  {                                                                          \
    g_return_val_if_fail (OPS_IS_CHART_SERIES (self), 0);                    \
    return self->field;                                                      \
  }                                                                          \
                                                                             \
  void                                                                       \
  ops_chart_series_set_##field (OpsChartSeries *self,                        \
                                Type            field)                       \
  {                                                                          \
    g_return_if_fail (OPS_IS_CHART_SERIES (self));                           \
    if (self->field == field)                                                \
      return;                                                                \
    self->field = field;                                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
    changed (self);                                                          \
  }

DEFINE_FIELD_ACCESSORS (OpsChartUnit, unit, PROP_UNIT)
DEFINE_FIELD_ACCESSORS (OpsChartStyle, style, PROP_STYLE)
DEFINE_FIELD_ACCESSORS (OpsChartColorRole, color_role, PROP_COLOR_ROLE)
DEFINE_FIELD_ACCESSORS (gint64, max_gap_usec, PROP_MAX_GAP_USEC)

static int
compare_points (const void *a,
                const void *b)
{
  gint64 ta = ((const OpsChartPoint *) a)->time;
  gint64 tb = ((const OpsChartPoint *) b)->time;

  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/* Sorts the points if needed and computes last, min and max in one pass. */
static void
points_replaced (OpsChartSeries *self)
{
  gboolean sorted = TRUE;

  self->last = self->min = self->max = NAN;

  for (gsize i = 0; i < self->n_points; i++)
    {
      if (i > 0 && self->points[i].time < self->points[i - 1].time)
        sorted = FALSE;
    }
  if (!sorted)
    qsort (self->points, self->n_points, sizeof (OpsChartPoint), compare_points);

  for (gsize i = 0; i < self->n_points; i++)
    {
      double v = self->points[i].value;

      if (isnan (v))
        continue;
      if (isnan (self->min) || v < self->min)
        self->min = v;
      if (isnan (self->max) || v > self->max)
        self->max = v;
      self->last = v;
    }

  changed (self);
}

/**
 * ops_chart_series_set_points:
 * @points: (array length=n_points): copied
 *
 * Replaces the points by a copy of @points (sorted by time if they are not).
 */
void
ops_chart_series_set_points (OpsChartSeries      *self,
                             const OpsChartPoint *points,
                             gsize                n_points)
{
  g_return_if_fail (OPS_IS_CHART_SERIES (self));
  g_return_if_fail (points != NULL || n_points == 0);

  ops_chart_series_take_points (self,
                                n_points > 0 ? g_memdup2 (points, n_points * sizeof *points) : NULL,
                                n_points);
}

/**
 * ops_chart_series_take_points:
 * @points: (transfer full) (array length=n_points): allocated with g_malloc()
 *
 * Replaces the points by @points without copying them.
 */
void
ops_chart_series_take_points (OpsChartSeries *self,
                              OpsChartPoint  *points,
                              gsize           n_points)
{
  g_return_if_fail (OPS_IS_CHART_SERIES (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_free (self->points);
  self->points = points;
  self->n_points = self->capacity = n_points;
  points_replaced (self);
}

/**
 * ops_chart_series_append_point:
 *
 * Adds a point after the last one, as live data arrives. A point older
 * than the last one is put in its place.
 */
void
ops_chart_series_append_point (OpsChartSeries *self,
                               gint64          time,
                               double          value)
{
  g_return_if_fail (OPS_IS_CHART_SERIES (self));

  if (self->n_points == self->capacity)
    {
      self->capacity = MAX (64, self->capacity * 2);
      self->points = g_renew (OpsChartPoint, self->points, self->capacity);
    }
  self->points[self->n_points++] = (OpsChartPoint) { time, value };

  if (self->n_points > 1 && time < self->points[self->n_points - 2].time)
    {
      points_replaced (self);
      return;
    }

  if (!isnan (value))
    {
      if (isnan (self->min) || value < self->min)
        self->min = value;
      if (isnan (self->max) || value > self->max)
        self->max = value;
      self->last = value;
    }
  changed (self);
}

/**
 * ops_chart_series_get_points:
 *
 * Returns: (array length=n_points) (transfer none): the points, sorted by time
 */
const OpsChartPoint *
ops_chart_series_get_points (OpsChartSeries *self,
                             gsize          *n_points)
{
  g_return_val_if_fail (OPS_IS_CHART_SERIES (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = self->n_points;
  return self->points;
}

/* Changes whenever the series changes: caches compare it. */
guint64
ops_chart_series_get_serial (OpsChartSeries *self)
{
  g_return_val_if_fail (OPS_IS_CHART_SERIES (self), 0);
  return self->serial;
}

/**
 * ops_chart_series_get_stats:
 * @last: (out) (optional): the last value
 * @min: (out) (optional): the smallest value
 * @max: (out) (optional): the largest value
 *
 * Returns: %FALSE when the series has no value
 */
gboolean
ops_chart_series_get_stats (OpsChartSeries *self,
                            double         *last,
                            double         *min,
                            double         *max)
{
  g_return_val_if_fail (OPS_IS_CHART_SERIES (self), FALSE);

  if (last != NULL)
    *last = self->last;
  if (min != NULL)
    *min = self->min;
  if (max != NULL)
    *max = self->max;

  return !isnan (self->last);
}

/**
 * ops_chart_series_get_band_shares:
 * @shares: (out): the share of time up, degraded and down, from 0 to 1
 *
 * For band series: each status lasts until the next point, or at most
 * max-gap-usec; the last one, whose end is unknown, not at all. When no
 * duration is known, each point counts once.
 *
 * Returns: %FALSE when there is no status
 */
gboolean
ops_chart_series_get_band_shares (OpsChartSeries *self,
                                  double          shares[OPS_CHART_N_BAND_STATUSES])
{
  double durations[OPS_CHART_N_BAND_STATUSES] = { 0 };
  guint  counts[OPS_CHART_N_BAND_STATUSES] = { 0 };
  double total_duration = 0;
  guint  total_count = 0;

  g_return_val_if_fail (OPS_IS_CHART_SERIES (self), FALSE);

  for (gsize i = 0; i < self->n_points; i++)
    {
      double v = self->points[i].value;
      gint64 duration;
      int    status;

      if (isnan (v))
        continue;
      status = CLAMP ((int) v, 0, OPS_CHART_N_BAND_STATUSES - 1);
      /* The last status's end is unknown: it counts when nothing else does. */
      duration = i + 1 < self->n_points ? self->points[i + 1].time - self->points[i].time : 0;
      if (self->max_gap_usec > 0)
        duration = MIN (duration, self->max_gap_usec);

      durations[status] += (double) duration;
      total_duration += (double) duration;
      counts[status]++;
      total_count++;
    }

  for (guint s = 0; s < OPS_CHART_N_BAND_STATUSES; s++)
    {
      if (total_duration > 0)
        shares[s] = durations[s] / total_duration;
      else
        shares[s] = total_count > 0 ? (double) counts[s] / total_count : 0;
    }

  return total_count > 0;
}

static const char *
band_status_name (double status)
{
  switch ((int) status)
    {
    case OPS_CHART_BAND_UP:
      return _("up");
    case OPS_CHART_BAND_DEGRADED:
      return _("degraded");
    case OPS_CHART_BAND_DOWN:
    default:
      return _("down");
    }
}

/**
 * ops_chart_series_describe:
 *
 * Returns: (transfer full): one sentence for people and screen readers:
 * the name, last value, minimum and maximum with units, or for a band
 * series the current status and the share of each status, in words
 */
char *
ops_chart_series_describe (OpsChartSeries *self)
{
  const char      *name;
  g_autofree char *last = NULL;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;

  g_return_val_if_fail (OPS_IS_CHART_SERIES (self), NULL);

  name = self->name != NULL ? self->name : "";
  if (isnan (self->last))
    /* TRANSLATORS: a chart's series without data, "Latency: no data yet." */
    return g_strdup_printf (_("%s: no data yet."), name);

  if (self->style == OPS_CHART_STYLE_BAND)
    {
      double shares[OPS_CHART_N_BAND_STATUSES];

      ops_chart_series_get_band_shares (self, shares);
      /* TRANSLATORS: an uptime timeline,
       * "Uptime: now up; up 98.5 %, degraded 1.0 %, down 0.5 % of the time." */
      return g_strdup_printf (_("%s: now %s; up %.1f %%, degraded %.1f %%, down %.1f %% of the time."),
                              name, band_status_name (self->last),
                              shares[OPS_CHART_BAND_UP] * 100,
                              shares[OPS_CHART_BAND_DEGRADED] * 100,
                              shares[OPS_CHART_BAND_DOWN] * 100);
    }

  last = ops_chart_format_value (self->last, self->unit, 0);
  min = ops_chart_format_value (self->min, self->unit, 0);
  max = ops_chart_format_value (self->max, self->unit, 0);
  /* TRANSLATORS: a chart's series, "Latency: last 120 ms, minimum 80 ms, maximum 300 ms." */
  return g_strdup_printf (_("%s: last %s, minimum %s, maximum %s."), name, last, min, max);
}
