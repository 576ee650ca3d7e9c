/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-host-metrics"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ops-health-history-view.h"
#include "ops-health-host-metrics.h"

/**
 * OpsHealthHostMetrics:
 *
 * The CPU, memory, disk and network figures of one Prometheus check as
 * chart series: read from #OpsHistory for a range (raw figures or hourly
 * or daily averages, as the history chooses), then extended by the
 * check's results as they arrive while the range shows raw figures.
 */

struct _OpsHealthHostMetrics
{
  GObject parent_instance;

  /* Owned */
  OpsCheck       *check;
  GSignalGroup   *check_signals;
  GCancellable   *cancellable;
  OpsChartSeries *series[OPS_HOST_N_CHARTED];

  /* Borrowed */
  OpsHealthEngine *engine;

  OpsHistoryResolution resolution;
  guint                pending; /* queries on their way */
};

G_DEFINE_FINAL_TYPE (OpsHealthHostMetrics, ops_health_host_metrics, G_TYPE_OBJECT)

static const struct
{
  const char  *name;
  OpsChartUnit unit;
} metrics[OPS_HOST_N_CHARTED] = {
  [OPS_HOST_METRIC_CPU] = { N_("CPU"), OPS_CHART_UNIT_PERCENT },
  [OPS_HOST_METRIC_MEMORY] = { N_("Memory"), OPS_CHART_UNIT_PERCENT },
  [OPS_HOST_METRIC_DISK] = { N_("Disk"), OPS_CHART_UNIT_PERCENT },
  [OPS_HOST_METRIC_RECEIVED] = { N_("Received"), OPS_CHART_UNIT_BYTES },
  [OPS_HOST_METRIC_SENT] = { N_("Sent"), OPS_CHART_UNIT_BYTES },
};

typedef struct
{
  OpsHealthHostMetrics *self;
  OpsHostMetric         metric;
} Query;

static void
series_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autofree Query *query = user_data;
  OpsHealthHostMetrics *self = query->self;
  g_autoptr(OpsHistorySeries) series = NULL;
  g_autoptr(GError) error = NULL;

  series = ops_history_query_host_series_finish (OPS_HISTORY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->pending--;
  if (series == NULL)
    {
      g_warning ("Could not read the host figures of a check: %s", error->message);
      return;
    }

  self->resolution = series->resolution;
  ops_chart_series_set_max_gap_usec (self->series[query->metric],
                                     ops_health_history_max_gap (series->resolution, self->check));
  ops_health_fill_latency (self->series[query->metric], series, series->values);
}

/* A new result: one more raw point per figure, a gap where it has none. */
static void
last_result_cb (OpsHealthHostMetrics *self)
{
  OpsCheckResult *result = ops_check_get_last_result (self->check);

  if (result == NULL || self->pending > 0 || self->resolution != OPS_HISTORY_RAW)
    return;

  for (guint m = 0; m < OPS_HOST_N_CHARTED; m++)
    {
      double value;

      if (!ops_check_result_get_detail_double (result, ops_host_metric_get_detail_key (m), &value))
        value = NAN;
      ops_chart_series_append_point (self->series[m], ops_check_result_get_time (result), value);
    }
}

static void
ops_health_host_metrics_dispose (GObject *object)
{
  OpsHealthHostMetrics *self = OPS_HEALTH_HOST_METRICS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->check_signals != NULL)
    g_signal_group_set_target (self->check_signals, NULL);
  g_clear_object (&self->check_signals);
  g_clear_object (&self->check);
  g_clear_weak_pointer (&self->engine);
  for (guint m = 0; m < OPS_HOST_N_CHARTED; m++)
    g_clear_object (&self->series[m]);

  G_OBJECT_CLASS (ops_health_host_metrics_parent_class)->dispose (object);
}

static void
ops_health_host_metrics_class_init (OpsHealthHostMetricsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ops_health_host_metrics_dispose;
}

static void
ops_health_host_metrics_init (OpsHealthHostMetrics *self)
{
  for (guint m = 0; m < OPS_HOST_N_CHARTED; m++)
    self->series[m] = ops_chart_series_new (_(metrics[m].name), metrics[m].unit,
                                            OPS_CHART_STYLE_LINE);

  self->check_signals = g_signal_group_new (OPS_TYPE_CHECK);
  g_signal_group_connect_swapped (self->check_signals, "notify::last-result",
                                  G_CALLBACK (last_result_cb), self);
}

/**
 * ops_health_host_metrics_new:
 *
 * Returns: (transfer full): empty host figures, until one is loaded
 */
OpsHealthHostMetrics *
ops_health_host_metrics_new (void)
{
  return g_object_new (OPS_TYPE_HEALTH_HOST_METRICS, NULL);
}

void
ops_health_host_metrics_set_engine (OpsHealthHostMetrics *self,
                                    OpsHealthEngine      *engine)
{
  g_return_if_fail (OPS_IS_HEALTH_HOST_METRICS (self));

  g_set_weak_pointer (&self->engine, engine);
}

/**
 * ops_health_host_metrics_load:
 * @self: host figures
 * @check: (nullable): a Prometheus check, or %NULL for none
 * @from_usec: the start of the range
 * @to_usec: its end
 *
 * Empties the series and reads @check's figures over the range from the
 * history; results that arrive afterwards are added.
 */
void
ops_health_host_metrics_load (OpsHealthHostMetrics *self,
                              OpsCheck             *check,
                              gint64                from_usec,
                              gint64                to_usec)
{
  g_return_if_fail (OPS_IS_HEALTH_HOST_METRICS (self));
  g_return_if_fail (check == NULL || OPS_IS_CHECK (check));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->pending = 0;
  for (guint m = 0; m < OPS_HOST_N_CHARTED; m++)
    ops_chart_series_set_points (self->series[m], NULL, 0);

  if (check != NULL && ops_check_get_kind (check) != OPS_CHECK_KIND_PROMETHEUS)
    check = NULL;
  g_set_object (&self->check, check);
  g_signal_group_set_target (self->check_signals, check);
  if (check == NULL || self->engine == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->resolution = ops_history_pick_resolution (from_usec, to_usec);
  for (guint m = 0; m < OPS_HOST_N_CHARTED; m++)
    {
      Query *query = g_new0 (Query, 1);

      query->self = self;
      query->metric = m;
      self->pending++;
      ops_history_query_host_series_async (ops_health_engine_get_history (self->engine),
                                           ops_check_get_id (check), m, from_usec, to_usec,
                                           self->cancellable, series_cb, query);
    }
}

/**
 * ops_health_host_metrics_get:
 * @self: host figures
 * @metric: which figure, before %OPS_HOST_METRIC_SCORE
 *
 * Returns: (transfer none): the series of that figure
 */
OpsChartSeries *
ops_health_host_metrics_get (OpsHealthHostMetrics *self,
                             OpsHostMetric         metric)
{
  g_return_val_if_fail (OPS_IS_HEALTH_HOST_METRICS (self), NULL);
  g_return_val_if_fail (metric < OPS_HOST_N_CHARTED, NULL);

  return self->series[metric];
}

/* Whether queries are on their way. */
gboolean
ops_health_host_metrics_get_loading (OpsHealthHostMetrics *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_HOST_METRICS (self), FALSE);

  return self->pending > 0;
}
