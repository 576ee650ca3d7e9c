/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-history-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ops-health-history-view.h"

/**
 * OpsHealthHistoryView:
 *
 * The response time of one check over the last hour, day, week or month,
 * and its uptime as a band (up, degraded, down), from #OpsHistory: raw
 * samples or rollups, as the history chooses for the range. New results
 * are added as they arrive while the range shows raw samples.
 */

typedef enum
{
  RANGE_HOUR,
  RANGE_DAY,
  RANGE_WEEK,
  RANGE_MONTH,
} Range;

static const gint64 range_usec[] = {
  [RANGE_HOUR] = OPS_HISTORY_HOUR_USEC,
  [RANGE_DAY] = OPS_HISTORY_DAY_USEC,
  [RANGE_WEEK] = 7 * OPS_HISTORY_DAY_USEC,
  [RANGE_MONTH] = 30 * OPS_HISTORY_DAY_USEC,
};

struct _OpsHealthHistoryView
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkToggleButton *hour_button;
  GtkToggleButton *day_button;
  GtkToggleButton *week_button;
  GtkToggleButton *month_button;
  OpsChart        *latency_chart;
  OpsChart        *band_chart;

  /* Owned */
  OpsCheck       *check;
  GSignalGroup   *check_signals;
  GCancellable   *cancellable;
  OpsChartSeries *latency;
  OpsChartSeries *maximum;
  OpsChartSeries *band;

  /* Borrowed */
  OpsHealthEngine *engine;

  Range                range;
  OpsHistoryResolution resolution;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (OpsHealthHistoryView, ops_health_history_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SPAN,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

double
ops_health_band_value (OpsHealthStatus status)
{
  switch (status)
    {
    case OPS_HEALTH_STATUS_HEALTHY:
      return OPS_CHART_BAND_UP;
    case OPS_HEALTH_STATUS_DEGRADED:
      return OPS_CHART_BAND_DEGRADED;
    case OPS_HEALTH_STATUS_DOWN:
      return OPS_CHART_BAND_DOWN;
    case OPS_HEALTH_STATUS_UNKNOWN:
    default:
      return NAN;
    }
}

/* A chart series from a history query: @values is one of its arrays. */
void
ops_health_fill_latency (OpsChartSeries   *series,
                         OpsHistorySeries *history,
                         const double     *values)
{
  OpsChartPoint *points = g_new (OpsChartPoint, MAX (history->n_points, 1));

  for (guint i = 0; i < history->n_points; i++)
    {
      points[i].time = history->times[i];
      points[i].value = values[i];
    }
  ops_chart_series_take_points (series, points, history->n_points);
}

void
ops_health_fill_band (OpsChartSeries   *series,
                      OpsHistorySeries *history)
{
  OpsChartPoint *points = g_new (OpsChartPoint, MAX (history->n_points, 1));

  for (guint i = 0; i < history->n_points; i++)
    {
      points[i].time = history->times[i];
      points[i].value = ops_health_band_value (history->statuses[i]);
    }
  ops_chart_series_take_points (series, points, history->n_points);
}

/**
 * ops_health_history_max_gap:
 * @resolution: what a chart's points are
 * @check: the check they come from
 *
 * Lines break where no point came for a while: three intervals for raw
 * samples, two periods for rollups.
 *
 * Returns: the longest gap between points joined by a line, µs
 */
gint64
ops_health_history_max_gap (OpsHistoryResolution resolution,
                            OpsCheck            *check)
{
  switch (resolution)
    {
    case OPS_HISTORY_HOURLY:
      return 2 * OPS_HISTORY_HOUR_USEC;
    case OPS_HISTORY_DAILY:
      return 2 * OPS_HISTORY_DAY_USEC;
    case OPS_HISTORY_RAW:
    default:
      return 3 * (gint64)ops_check_get_interval_ms (check) * 1000;
    }
}

static void
series_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpsHealthHistoryView *self = user_data;
  g_autoptr(OpsHistorySeries) series = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();
  gint64 gap;

  series = ops_history_query_series_finish (OPS_HISTORY (object), result, &error);
  if (series == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->loading = FALSE;
          g_warning ("Could not read the history of a check: %s", error->message);
        }
      return;
    }

  self->loading = FALSE;
  self->resolution = series->resolution;
  gap = ops_health_history_max_gap (self->resolution, self->check);
  ops_chart_series_set_max_gap_usec (self->latency, gap);
  ops_chart_series_set_max_gap_usec (self->maximum, gap);
  ops_chart_series_set_max_gap_usec (self->band, gap);

  ops_health_fill_latency (self->latency, series, series->values);
  ops_health_fill_band (self->band, series);

  /* Rollups also show the worst of each period. */
  ops_chart_remove_series (self->latency_chart, self->maximum);
  if (series->resolution != OPS_HISTORY_RAW)
    {
      ops_health_fill_latency (self->maximum, series, series->maximums);
      ops_chart_add_series (self->latency_chart, self->maximum);
    }

  ops_chart_set_time_range (self->latency_chart, now - range_usec[self->range], now);
  ops_chart_set_time_range (self->band_chart, now - range_usec[self->range], now);
}

static void
reload (OpsHealthHistoryView *self)
{
  gint64 now = g_get_real_time ();

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  ops_chart_series_set_points (self->latency, NULL, 0);
  ops_chart_series_set_points (self->maximum, NULL, 0);
  ops_chart_series_set_points (self->band, NULL, 0);
  if (self->check == NULL || self->engine == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  ops_history_query_series_async (ops_health_engine_get_history (self->engine),
                                  ops_check_get_id (self->check), now - range_usec[self->range], now,
                                  self->cancellable, series_cb, self);
}

/* A new result: one more raw point. */
static void
last_result_cb (OpsHealthHistoryView *self)
{
  OpsCheckResult *result = ops_check_get_last_result (self->check);
  double          latency;

  if (result == NULL || self->loading || self->resolution != OPS_HISTORY_RAW)
    return;

  latency = ops_check_result_get_status (result) == OPS_HEALTH_STATUS_DOWN
                ? NAN
                : ops_check_result_get_latency_ms (result);
  ops_chart_series_append_point (self->latency, ops_check_result_get_time (result), latency);
  ops_chart_series_append_point (self->band, ops_check_result_get_time (result),
                                 ops_health_band_value (ops_check_get_status (self->check)));

  /* The charts end now, so the new point shows. */
  {
    gint64 now = MAX (g_get_real_time (), ops_check_result_get_time (result));

    ops_chart_set_time_range (self->latency_chart, now - range_usec[self->range], now);
    ops_chart_set_time_range (self->band_chart, now - range_usec[self->range], now);
  }
}

static void
range_toggled_cb (OpsHealthHistoryView *self,
                  GtkToggleButton      *button)
{
  GtkToggleButton *buttons[] = {
    self->hour_button, self->day_button, self->week_button, self->month_button,
  };

  if (!gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (buttons[i] == button)
      self->range = i;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPAN]);
}

static void
ops_health_history_view_dispose (GObject *object)
{
  OpsHealthHistoryView *self = OPS_HEALTH_HISTORY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->check_signals != NULL)
    g_signal_group_set_target (self->check_signals, NULL);
  g_clear_object (&self->check_signals);
  g_clear_object (&self->check);
  g_clear_weak_pointer (&self->engine);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPS_TYPE_HEALTH_HISTORY_VIEW);
  g_clear_object (&self->latency);
  g_clear_object (&self->maximum);
  g_clear_object (&self->band);

  G_OBJECT_CLASS (ops_health_history_view_parent_class)->dispose (object);
}

static void
ops_health_history_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  OpsHealthHistoryView *self = OPS_HEALTH_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_SPAN:
      g_value_set_int64 (value, ops_health_history_view_get_span (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_health_history_view_class_init (OpsHealthHistoryViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_health_history_view_dispose;
  object_class->get_property = ops_health_history_view_get_property;

  /**
   * OpsHealthHistoryView:span:
   *
   * How far back the charts go, µs: the range the person chose.
   */
  properties[PROP_SPAN] =
      g_param_spec_int64 ("span", NULL, NULL, 0, G_MAXINT64, OPS_HISTORY_HOUR_USEC,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OPS_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/health/ops-health-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OpsHealthHistoryView, hour_button);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthHistoryView, day_button);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthHistoryView, week_button);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthHistoryView, month_button);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthHistoryView, latency_chart);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthHistoryView, band_chart);
  gtk_widget_class_bind_template_callback (widget_class, range_toggled_cb);
}

static void
ops_health_history_view_init (OpsHealthHistoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->latency = ops_chart_series_new (_("Response time"), OPS_CHART_UNIT_MS, OPS_CHART_STYLE_AREA);
  self->maximum = ops_chart_series_new (_("Slowest"), OPS_CHART_UNIT_MS, OPS_CHART_STYLE_LINE);
  ops_chart_series_set_color_role (self->maximum, OPS_CHART_COLOR_WARNING);
  self->band = ops_chart_series_new (_("Uptime"), OPS_CHART_UNIT_PLAIN, OPS_CHART_STYLE_BAND);
  ops_chart_add_series (self->latency_chart, self->latency);
  ops_chart_add_series (self->band_chart, self->band);
  ops_chart_set_show_axes (self->band_chart, FALSE);

  self->check_signals = g_signal_group_new (OPS_TYPE_CHECK);
  g_signal_group_connect_swapped (self->check_signals, "notify::last-result",
                                  G_CALLBACK (last_result_cb), self);
}

void
ops_health_history_view_set_engine (OpsHealthHistoryView *self,
                                    OpsHealthEngine      *engine)
{
  g_return_if_fail (OPS_IS_HEALTH_HISTORY_VIEW (self));

  g_set_weak_pointer (&self->engine, engine);
}

/**
 * ops_health_history_view_set_check:
 * @self: a history view
 * @check: (nullable): the check whose history to show
 */
void
ops_health_history_view_set_check (OpsHealthHistoryView *self,
                                   OpsCheck             *check)
{
  g_return_if_fail (OPS_IS_HEALTH_HISTORY_VIEW (self));

  if (!g_set_object (&self->check, check))
    return;

  g_signal_group_set_target (self->check_signals, check);
  reload (self);
}

/**
 * ops_health_history_view_get_latency_chart:
 * @self: a history view
 *
 * Returns: (transfer none): the response-time chart
 */
OpsChart *
ops_health_history_view_get_latency_chart (OpsHealthHistoryView *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_HISTORY_VIEW (self), NULL);

  return self->latency_chart;
}

/* Whether a query is on its way. */
gboolean
ops_health_history_view_get_loading (OpsHealthHistoryView *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_HISTORY_VIEW (self), FALSE);

  return self->loading;
}

/* How far back the charts go, µs (the range chosen: 1 h to 30 days). */
gint64
ops_health_history_view_get_span (OpsHealthHistoryView *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_HISTORY_VIEW (self), 0);

  return range_usec[self->range];
}
