/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ops-chart.h"

/* A time-series chart: several series with a legend, axes, grid,
 * thresholds and a hover crosshair, drawn from the series' points by
 * OpsChartRenderer, in the colours of the libadwaita style. */

struct _OpsChart
{
  GtkWidget parent_instance;

  /* Owned */
  GPtrArray        *series;     /* OpsChartSeries */
  GArray           *thresholds; /* OpsChartThreshold */
  OpsChartRenderer *renderer;
  char             *summary;
  double            hover_x; /* < 0: the pointer is elsewhere */
};

G_DEFINE_FINAL_TYPE (OpsChart, ops_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SHOW_AXES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_summary (OpsChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->series->len; i++)
    {
      g_autofree char *sentence = ops_chart_series_describe (g_ptr_array_index (self->series, i));

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentence);
    }
  if (text->len == 0)
    g_string_append (text, _("Chart: no data yet."));

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary,
                                  -1);
}

static void
series_changed_cb (OpsChart *self)
{
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
style_changed_cb (OpsChart *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  ops_chart_colors_init (&self->renderer->colors,
                         adw_style_manager_get_dark (style),
                         adw_style_manager_get_high_contrast (style));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           OpsChart                 *self)
{
  self->hover_x = x;
  self->renderer->crosshair_x = x;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

static void
leave_cb (GtkEventControllerMotion *motion,
          OpsChart                 *self)
{
  self->hover_x = -1;
  self->renderer->crosshair_x = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (OpsChart   *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;
  gint64           time;

  if (keyboard || !ops_chart_renderer_time_at (self->renderer, x, &time))
    return FALSE;

  text = ops_chart_describe_at (self, time);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
ops_chart_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  OpsChart *self = OPS_CHART (widget);
  int       width = gtk_widget_get_width (widget);
  int       height = gtk_widget_get_height (widget);
  cairo_t  *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  self->renderer->pango = gtk_widget_get_pango_context (widget);
  ops_chart_renderer_draw (self->renderer, cr, width, height);
  self->renderer->pango = NULL;
  cairo_destroy (cr);
}

static void
ops_chart_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  OpsChart *self = OPS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->renderer->show_axes ? 160 : 40;
      *natural = self->renderer->show_axes ? 480 : 120;
    }
  else
    {
      *minimum = self->renderer->show_axes ? 120 : 16;
      *natural = self->renderer->show_axes ? 240 : 32;
    }
}

static void
clear_threshold (gpointer data)
{
  OpsChartThreshold *threshold = data;

  g_clear_pointer (&threshold->label, g_free);
}

static void
ops_chart_dispose (GObject *object)
{
  OpsChart *self = OPS_CHART (object);

  for (guint i = 0; i < self->series->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->series, i), series_changed_cb, self);
  g_ptr_array_set_size (self->series, 0);
  ops_chart_renderer_invalidate (self->renderer);

  G_OBJECT_CLASS (ops_chart_parent_class)->dispose (object);
}

static void
ops_chart_finalize (GObject *object)
{
  OpsChart *self = OPS_CHART (object);

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->thresholds, g_array_unref);
  g_clear_pointer (&self->renderer, ops_chart_renderer_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (ops_chart_parent_class)->finalize (object);
}

static void
ops_chart_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OpsChart *self = OPS_CHART (object);

  switch (prop_id)
    {
    case PROP_SHOW_AXES:
      g_value_set_boolean (value, ops_chart_get_show_axes (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_chart_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  OpsChart *self = OPS_CHART (object);

  switch (prop_id)
    {
    case PROP_SHOW_AXES:
      ops_chart_set_show_axes (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_chart_class_init (OpsChartClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_chart_dispose;
  object_class->finalize = ops_chart_finalize;
  object_class->get_property = ops_chart_get_property;
  object_class->set_property = ops_chart_set_property;

  widget_class->snapshot = ops_chart_snapshot;
  widget_class->measure = ops_chart_measure;

  /* Axes, legend and grid; without them, a sparkline. */
  properties[PROP_SHOW_AXES] =
    g_param_spec_boolean ("show-axes", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ops_chart_init (OpsChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  AdwStyleManager    *style = adw_style_manager_get_default ();

  self->series = g_ptr_array_new_with_free_func (g_object_unref);
  self->thresholds = g_array_new (FALSE, TRUE, sizeof (OpsChartThreshold));
  g_array_set_clear_func (self->thresholds, clear_threshold);
  self->renderer = ops_chart_renderer_new ();
  self->renderer->series = self->series;
  self->renderer->thresholds = self->thresholds;
  self->hover_x = -1;

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  g_signal_connect_object (style, "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  style_changed_cb (self);
  update_summary (self);
}

OpsChart *
ops_chart_new (void)
{
  return g_object_new (OPS_TYPE_CHART, NULL);
}

/**
 * ops_chart_add_series:
 *
 * Shows @series after the others; the chart redraws when it changes.
 */
void
ops_chart_add_series (OpsChart       *self,
                      OpsChartSeries *series)
{
  g_return_if_fail (OPS_IS_CHART (self));
  g_return_if_fail (OPS_IS_CHART_SERIES (series));

  g_ptr_array_add (self->series, g_object_ref (series));
  g_signal_connect_object (series, "changed", G_CALLBACK (series_changed_cb), self, G_CONNECT_SWAPPED);
  series_changed_cb (self);
}

void
ops_chart_remove_series (OpsChart       *self,
                         OpsChartSeries *series)
{
  g_return_if_fail (OPS_IS_CHART (self));
  g_return_if_fail (OPS_IS_CHART_SERIES (series));

  g_signal_handlers_disconnect_by_func (series, series_changed_cb, self);
  /* The cache knows series by address: a new one may take this one's. */
  ops_chart_renderer_invalidate (self->renderer);
  g_ptr_array_remove (self->series, series);
  series_changed_cb (self);
}

/**
 * ops_chart_get_series:
 *
 * Returns: (transfer none) (element-type OpsChartSeries): the series, in order
 */
GPtrArray *
ops_chart_get_series (OpsChart *self)
{
  g_return_val_if_fail (OPS_IS_CHART (self), NULL);
  return self->series;
}

/* A dashed horizontal line at @value, named by @label. */
void
ops_chart_add_threshold (OpsChart              *self,
                         double                 value,
                         const char            *label,
                         OpsChartThresholdRole  role)
{
  OpsChartThreshold threshold = { value, g_strdup (label), role };

  g_return_if_fail (OPS_IS_CHART (self));

  g_array_append_val (self->thresholds, threshold);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ops_chart_clear_thresholds (OpsChart *self)
{
  g_return_if_fail (OPS_IS_CHART (self));

  g_array_set_size (self->thresholds, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ops_chart_set_time_range:
 *
 * Shows [@start, @end) (µs); start == end shows the range of the data.
 */
void
ops_chart_set_time_range (OpsChart *self,
                          gint64    start,
                          gint64    end)
{
  g_return_if_fail (OPS_IS_CHART (self));
  g_return_if_fail (start <= end);

  self->renderer->start = start;
  self->renderer->end = end;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* NAN for either bound: fitted to the visible values. */
void
ops_chart_set_value_range (OpsChart *self,
                           double    min,
                           double    max)
{
  g_return_if_fail (OPS_IS_CHART (self));

  self->renderer->value_min = min;
  self->renderer->value_max = max;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
ops_chart_get_show_axes (OpsChart *self)
{
  g_return_val_if_fail (OPS_IS_CHART (self), FALSE);
  return self->renderer->show_axes;
}

void
ops_chart_set_show_axes (OpsChart *self,
                         gboolean  show_axes)
{
  g_return_if_fail (OPS_IS_CHART (self));

  show_axes = !!show_axes;
  if (self->renderer->show_axes == show_axes)
    return;

  self->renderer->show_axes = show_axes;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_AXES]);
}

/* The accessible label: one sentence per series. */
const char *
ops_chart_get_summary (OpsChart *self)
{
  g_return_val_if_fail (OPS_IS_CHART (self), NULL);
  return self->summary;
}

/**
 * ops_chart_get_hover_time:
 * @time: (out): the time under the pointer
 *
 * Returns: %FALSE when the pointer is not over the plot
 */
gboolean
ops_chart_get_hover_time (OpsChart *self,
                          gint64   *time)
{
  g_return_val_if_fail (OPS_IS_CHART (self), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);

  return self->hover_x >= 0 && ops_chart_renderer_time_at (self->renderer, self->hover_x, time);
}

static const char *
band_status_label (double status)
{
  if (isnan (status))
    return _("no data");
  if (status >= OPS_CHART_BAND_DOWN)
    return _("down");
  if (status >= OPS_CHART_BAND_DEGRADED)
    return _("degraded");
  return _("up");
}

/**
 * ops_chart_describe_at:
 *
 * Returns: (transfer full): the tooltip at @time: the time, then each
 * series' name and value at that time
 */
char *
ops_chart_describe_at (OpsChart *self,
                       gint64    time)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (OPS_IS_CHART (self), NULL);

  when = ops_chart_format_time (time);
  text = g_string_new (when);

  for (guint i = 0; i < self->series->len; i++)
    {
      OpsChartSeries      *series = g_ptr_array_index (self->series, i);
      gint64               max_gap = ops_chart_series_get_max_gap_usec (series);
      const char          *name = ops_chart_series_get_name (series);
      gsize                n;
      const OpsChartPoint *points = ops_chart_series_get_points (series, &n);
      g_autofree char     *value_text = NULL;
      double               value = NAN;

      if (ops_chart_series_get_style (series) == OPS_CHART_STYLE_BAND)
        {
          /* A status lasts from its point to the next one. */
          gsize after = ops_chart_lower_bound (points, n, time + 1);

          if (after > 0 && (max_gap <= 0 || time - points[after - 1].time <= max_gap))
            value = points[after - 1].value;
          value_text = g_strdup (band_status_label (value));
        }
      else
        {
          ops_chart_value_at (points, n, time, max_gap, &value);
          value_text = ops_chart_format_value (value, ops_chart_series_get_unit (series), 0);
        }

      /* TRANSLATORS: one line of a chart's tooltip, "Latency: 120 ms" */
      g_string_append_printf (text, _("\n%s: %s"), name != NULL ? name : "", value_text);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
