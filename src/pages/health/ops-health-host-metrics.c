/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-host-metrics"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ops-health-host-metrics.h"

/**
 * OpsHealthHostMetrics:
 *
 * The CPU, memory, disk and network figures of the Prometheus checks, as
 * their results arrive while Opsdeck runs, as chart series (the history
 * keeps latency and status, not host metrics). Each series keeps the last
 * %MAX_POINTS points.
 */

#define MAX_POINTS 720

struct _OpsHealthHostMetrics
{
  GObject parent_instance;

  /* Owned */
  GListModel *checks;
  GHashTable *series; /* check id → OpsChartSeries *[OPS_HOST_N_METRICS] */
};

G_DEFINE_FINAL_TYPE (OpsHealthHostMetrics, ops_health_host_metrics, G_TYPE_OBJECT)

static const struct
{
  const char  *detail;
  const char  *name;
  OpsChartUnit unit;
} metrics[OPS_HOST_N_METRICS] = {
  [OPS_HOST_METRIC_CPU] = { "cpu_percent", N_("CPU"), OPS_CHART_UNIT_PERCENT },
  [OPS_HOST_METRIC_MEMORY] = { "memory_percent", N_("Memory"), OPS_CHART_UNIT_PERCENT },
  [OPS_HOST_METRIC_DISK] = { "disk_percent", N_("Disk"), OPS_CHART_UNIT_PERCENT },
  [OPS_HOST_METRIC_RECEIVED] = { "network_receive_bytes_per_second", N_("Received"), OPS_CHART_UNIT_BYTES },
  [OPS_HOST_METRIC_SENT] = { "network_transmit_bytes_per_second", N_("Sent"), OPS_CHART_UNIT_BYTES },
};

static void
free_series (gpointer data)
{
  OpsChartSeries **series = data;

  for (guint i = 0; i < OPS_HOST_N_METRICS; i++)
    g_clear_object (&series[i]);
  g_free (series);
}

static OpsChartSeries **
ensure_series (OpsHealthHostMetrics *self,
               gint64                id)
{
  OpsChartSeries **series = g_hash_table_lookup (self->series, &id);

  if (series != NULL)
    return series;

  series = g_new0 (OpsChartSeries *, OPS_HOST_N_METRICS);
  for (guint i = 0; i < OPS_HOST_N_METRICS; i++)
    series[i] = ops_chart_series_new (_(metrics[i].name), metrics[i].unit, OPS_CHART_STYLE_LINE);
  g_hash_table_insert (self->series, g_memdup2 (&id, sizeof id), series);
  return series;
}

static void
append (OpsChartSeries *series,
        gint64          time,
        double          value,
        gint64          max_gap)
{
  gsize                n;
  const OpsChartPoint *points = ops_chart_series_get_points (series, &n);

  if (n >= 2 * MAX_POINTS)
    ops_chart_series_set_points (series, points + n - MAX_POINTS, MAX_POINTS);
  ops_chart_series_set_max_gap_usec (series, max_gap);
  ops_chart_series_append_point (series, time, value);
}

static void
last_result_cb (OpsCheck             *check,
                GParamSpec           *pspec,
                OpsHealthHostMetrics *self)
{
  OpsCheckResult  *result = ops_check_get_last_result (check);
  OpsChartSeries **series;
  gint64           max_gap = 3 * (gint64)ops_check_get_interval_ms (check) * 1000;

  if (result == NULL)
    return;

  series = ensure_series (self, ops_check_get_id (check));
  for (guint i = 0; i < OPS_HOST_N_METRICS; i++)
    {
      double value;

      if (!ops_check_result_get_detail_double (result, metrics[i].detail, &value))
        value = NAN;
      append (series[i], ops_check_result_get_time (result), value, max_gap);
    }
}

static void
items_changed_cb (GListModel           *model,
                  guint                 position,
                  guint                 removed,
                  guint                 added,
                  OpsHealthHostMetrics *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(OpsCheck) check = g_list_model_get_item (model, i);

      if (ops_check_get_kind (check) == OPS_CHECK_KIND_PROMETHEUS)
        g_signal_connect_object (check, "notify::last-result", G_CALLBACK (last_result_cb), self, 0);
    }
}

static void
ops_health_host_metrics_dispose (GObject *object)
{
  OpsHealthHostMetrics *self = OPS_HEALTH_HOST_METRICS (object);

  if (self->checks != NULL)
    g_signal_handlers_disconnect_by_data (self->checks, self);
  g_clear_object (&self->checks);
  g_clear_pointer (&self->series, g_hash_table_unref);

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
  self->series = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_series);
}

/**
 * ops_health_host_metrics_new:
 * @checks: a #GListModel of #OpsCheck
 *
 * Returns: (transfer full): a collector of the host metrics of @checks
 */
OpsHealthHostMetrics *
ops_health_host_metrics_new (GListModel *checks)
{
  OpsHealthHostMetrics *self = g_object_new (OPS_TYPE_HEALTH_HOST_METRICS, NULL);

  self->checks = g_object_ref (checks);
  g_signal_connect (checks, "items-changed", G_CALLBACK (items_changed_cb), self);
  items_changed_cb (checks, 0, 0, g_list_model_get_n_items (checks), self);
  return self;
}

/**
 * ops_health_host_metrics_get:
 * @self: a collector
 * @check_id: a Prometheus check
 * @metric: which figure
 *
 * Returns: (transfer none): the series of that figure (empty until a
 *   result comes)
 */
OpsChartSeries *
ops_health_host_metrics_get (OpsHealthHostMetrics *self,
                             gint64                check_id,
                             OpsHostMetric         metric)
{
  g_return_val_if_fail (OPS_IS_HEALTH_HOST_METRICS (self), NULL);
  g_return_val_if_fail (metric < OPS_HOST_N_METRICS, NULL);

  return ensure_series (self, check_id)[metric];
}
