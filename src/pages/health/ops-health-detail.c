/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ops-health-detail.h"
#include "ops-health-ui.h"
#include "widgets/ops-gauge.h"

/**
 * OpsHealthDetail:
 *
 * Everything about one check: status, uptime over a day, a week and a
 * month (from #OpsHistory), the timing breakdown of the last probe, the
 * last error in full, the components of a health document and, for a
 * Prometheus check, the host's figures over the range chosen for the
 * response time (from the history, then as results arrive) and its last
 * health score. It follows the check's properties; the buttons activate
 * the page's `health.*` actions.
 */
struct _OpsHealthDetail
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkScrolledWindow    *scrolled;
  GtkWidget            *back_button;
  GtkLabel             *title_label;
  GtkWidget            *pause_button;
  GtkWidget            *resume_button;
  GtkImage             *status_icon;
  GtkLabel             *status_label;
  GtkLabel             *when_label;
  GtkLabel             *target_label;
  GtkLabel             *summary_label;
  AdwActionRow         *uptime_day_row;
  AdwActionRow         *uptime_week_row;
  AdwActionRow         *uptime_month_row;
  GtkWidget            *charts_box;
  OpsHealthHistoryView *history_view;
  OpsGauge             *score_gauge;
  OpsChart             *usage_chart;
  OpsChart             *network_chart;
  AdwPreferencesGroup  *timing_group;
  AdwPreferencesGroup  *error_group;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *components_group;
  AdwPreferencesGroup  *host_group;

  /* Owned */
  OpsCheck             *check;
  GSignalGroup         *check_signals;
  GCancellable         *cancellable;
  GPtrArray            *dynamic_rows; /* rows added to the groups for this result */
  OpsHealthHostMetrics *host_metrics;

  /* Borrowed */
  OpsHealthEngine *engine;
};

G_DEFINE_FINAL_TYPE (OpsHealthDetail, ops_health_detail, ADW_TYPE_BIN)

static void
clear_dynamic_rows (OpsHealthDetail *self)
{
  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
}

static void
add_row (OpsHealthDetail     *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Long texts (a component's message) wrap; figures stay on one line. */
  if (g_utf8_strlen (value, -1) > 24)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, row);
}

static void
add_duration_row (OpsHealthDetail *self,
                  const char      *title,
                  gint64           usec)
{
  g_autofree char *text = NULL;

  if (usec < 0)
    return;

  text = ops_health_ui_format_latency (usec / 1000.0);
  add_row (self, self->timing_group, title, text);
}

static void
show_timing (OpsHealthDetail *self,
             OpsCheckResult  *result)
{
  const OpsProbeTiming *timing = result != NULL ? ops_check_result_get_timing (result) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->timing_group), timing != NULL && timing->total_us >= 0);
  if (timing == NULL)
    return;

  add_duration_row (self, _("DNS lookup"), timing->dns_us);
  add_duration_row (self, _("Connect"), timing->connect_us);
  add_duration_row (self, _("TLS handshake"), timing->tls_us);
  add_duration_row (self, _("First byte"), timing->first_byte_us);
  add_duration_row (self, _("Download"), timing->download_us);
  add_duration_row (self, _("Total"), timing->total_us);
}

static void
show_components (OpsHealthDetail *self,
                 OpsCheckResult  *result)
{
  JsonArray *components = result != NULL ? ops_check_result_get_components (result) : NULL;
  guint      n = components != NULL ? json_array_get_length (components) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->components_group), n > 0);
  for (guint i = 0; i < n; i++)
    {
      JsonObject      *component = json_array_get_object_element (components, i);
      const char      *name;
      const char      *raw;
      const char      *output;
      g_autofree char *value = NULL;

      if (component == NULL)
        continue;
      name = json_object_get_string_member_with_default (component, "name", "");
      raw = json_object_get_string_member_with_default (component, "raw_status", "");
      output = json_object_get_string_member_with_default (component, "output", NULL);
      /* Translators: a health document's component: its status and message */
      value = output != NULL ? g_strdup_printf (_("%s — %s"), raw, output) : g_strdup (raw);
      add_row (self, self->components_group, name, value);
    }
}

static void
add_percent_row (OpsHealthDetail *self,
                 OpsCheckResult  *result,
                 const char      *key,
                 const char      *title)
{
  g_autofree char *text = NULL;
  double           value;

  if (!ops_check_result_get_detail_double (result, key, &value))
    return;

  text = g_strdup_printf (_("%.1f %%"), value);
  add_row (self, self->host_group, title, text);
}

static void
add_rate_row (OpsHealthDetail *self,
              OpsCheckResult  *result,
              const char      *key,
              const char      *title)
{
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;
  double           value;

  if (!ops_check_result_get_detail_double (result, key, &value))
    return;

  size = g_format_size ((guint64)MAX (value, 0));
  /* Translators: a network rate, such as “1.2 MB/s” */
  text = g_strdup_printf (_("%s/s"), size);
  add_row (self, self->host_group, title, text);
}

/* A Prometheus check shows its host's charts, and the gauge and figures
 * of its last result when it has them. */
static void
show_host (OpsHealthDetail *self,
           OpsCheckResult  *result)
{
  double   score;
  gboolean has_score;

  gtk_widget_set_visible (GTK_WIDGET (self->host_group),
                          ops_check_get_kind (self->check) == OPS_CHECK_KIND_PROMETHEUS);
  has_score = result != NULL && ops_check_result_get_detail_double (result, "health_score", &score);
  gtk_widget_set_visible (GTK_WIDGET (self->score_gauge), has_score);
  if (!has_score)
    return;

  ops_gauge_set_value (self->score_gauge, score);
  {
    g_autofree char *text = NULL;
    const char      *band = ops_check_result_get_detail_string (result, "score_band");

    /* Translators: a health score out of 100 and its band, such as “92 (healthy)” */
    text = g_strdup_printf (_("%.0f (%s)"), score, band != NULL ? band : "");
    add_row (self, self->host_group, _("Health score"), text);
  }
  add_percent_row (self, result, "cpu_percent", _("CPU"));
  add_percent_row (self, result, "memory_percent", _("Memory"));
  add_percent_row (self, result, "disk_percent", _("Disk"));
  add_rate_row (self, result, "network_receive_bytes_per_second", _("Network received"));
  add_rate_row (self, result, "network_transmit_bytes_per_second", _("Network sent"));
}

static void
show_result (OpsHealthDetail *self)
{
  OpsCheckResult  *result;
  OpsHealthStatus  status;
  const char      *error;
  g_autofree char *when = NULL;

  clear_dynamic_rows (self);
  if (self->check == NULL)
    return;

  result = ops_check_get_last_result (self->check);
  status = ops_check_get_status (self->check);
  gtk_image_set_from_icon_name (self->status_icon, ops_health_ui_status_icon (status));
  ops_health_ui_set_status_class (GTK_WIDGET (self->status_icon), status);
  ops_health_ui_set_status_class (GTK_WIDGET (self->status_label), status);
  gtk_label_set_label (self->status_label, ops_health_status_to_label (status));

  if (ops_check_get_last_result_time (self->check) > 0)
    {
      g_autoptr(GDateTime) time =
          g_date_time_new_from_unix_local (ops_check_get_last_result_time (self->check) / G_USEC_PER_SEC);
      g_autofree char *date = ops_health_format_date (time);

      /* Translators: when the last result came, such as “last probe 2026-12-04 17:30:02” */
      when = g_strdup_printf (_("last probe %s"), date);
    }
  else
    when = g_strdup (_("not probed yet"));
  gtk_label_set_label (self->when_label, when);

  gtk_label_set_label (self->summary_label,
                       result != NULL && ops_check_result_get_summary (result) != NULL
                           ? ops_check_result_get_summary (result)
                           : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label),
                          result != NULL && ops_check_result_get_summary (result) != NULL);

  error = ops_check_get_last_error (self->check);
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), error != NULL && *error != '\0');
  gtk_label_set_label (self->error_label, error != NULL ? error : "");

  show_timing (self, result);
  show_components (self, result);
  show_host (self, result);
}

static void
set_uptime_row (AdwActionRow *row,
                double        percent)
{
  g_autofree char *text = ops_health_ui_format_uptime (percent);

  adw_action_row_set_subtitle (row, text);
}

static void
uptime_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpsHealthDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  OpsUptime uptime;

  if (!ops_history_query_uptime_finish (OPS_HISTORY (object), result, &uptime, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the uptime: %s", error->message);
      return;
    }

  set_uptime_row (self->uptime_day_row, uptime.day);
  set_uptime_row (self->uptime_week_row, uptime.week);
  set_uptime_row (self->uptime_month_row, uptime.month);
}

static void
query_uptime (OpsHealthDetail *self)
{
  if (self->check == NULL || self->engine == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  ops_history_query_uptime_async (ops_health_engine_get_history (self->engine),
                                  ops_check_get_id (self->check), g_get_real_time (),
                                  self->cancellable, uptime_cb, self);
}

static void
show_definition (OpsHealthDetail *self)
{
  g_autofree char *target = NULL;

  if (self->check == NULL)
    return;

  target = ops_health_ui_describe_target (self->check);
  gtk_label_set_label (self->title_label, ops_check_get_name (self->check));
  gtk_label_set_label (self->target_label, target);
  gtk_widget_set_visible (self->pause_button, !ops_check_get_paused (self->check));
  gtk_widget_set_visible (self->resume_button, ops_check_get_paused (self->check));
}

/* The host charts end now: results that arrive stay in view. */
static void
slide_host_charts (OpsHealthDetail *self,
                   gint64           now)
{
  gint64 span = ops_health_history_view_get_span (self->history_view);

  ops_chart_set_time_range (self->usage_chart, now - span, now);
  ops_chart_set_time_range (self->network_chart, now - span, now);
}

/* A Prometheus check's host figures over the range the response time
 * shows. */
static void
load_host_charts (OpsHealthDetail *self)
{
  gint64 now = g_get_real_time ();
  gint64 span = ops_health_history_view_get_span (self->history_view);

  slide_host_charts (self, now);
  ops_health_host_metrics_load (self->host_metrics, self->check, now - span, now);
}

static void
last_result_changed_cb (OpsHealthDetail *self)
{
  show_result (self);
  query_uptime (self);
  slide_host_charts (self, g_get_real_time ());
}

static void
ops_health_detail_dispose (GObject *object)
{
  OpsHealthDetail *self = OPS_HEALTH_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->check_signals != NULL)
    g_signal_group_set_target (self->check_signals, NULL);
  g_clear_object (&self->check_signals);
  g_clear_object (&self->check);
  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);
  g_clear_object (&self->host_metrics);
  g_clear_weak_pointer (&self->engine);
  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPS_TYPE_HEALTH_DETAIL);

  G_OBJECT_CLASS (ops_health_detail_parent_class)->dispose (object);
}

static void
ops_health_detail_class_init (OpsHealthDetailClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_health_detail_dispose;

  g_type_ensure (OPS_TYPE_HEALTH_HISTORY_VIEW);
  g_type_ensure (OPS_TYPE_GAUGE);
  g_type_ensure (OPS_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/health/ops-health-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, scrolled);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, pause_button);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, resume_button);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, status_icon);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, when_label);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, target_label);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, uptime_day_row);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, uptime_week_row);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, uptime_month_row);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, charts_box);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, history_view);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, score_gauge);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, usage_chart);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, network_chart);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, timing_group);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, error_group);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, components_group);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthDetail, host_group);

  ops_health_ui_install_check_actions (widget_class, "detail",
                                       (OpsCheck * (*) (gpointer)) ops_health_detail_get_check);
}

static void
ops_health_detail_init (OpsHealthDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->dynamic_rows = g_ptr_array_new ();
  self->check_signals = g_signal_group_new (OPS_TYPE_CHECK);
  g_signal_group_connect_swapped (self->check_signals, "notify::name",
                                  G_CALLBACK (show_definition), self);
  g_signal_group_connect_swapped (self->check_signals, "notify::target",
                                  G_CALLBACK (show_definition), self);
  g_signal_group_connect_swapped (self->check_signals, "notify::paused",
                                  G_CALLBACK (show_definition), self);
  g_signal_group_connect_swapped (self->check_signals, "notify::status",
                                  G_CALLBACK (show_result), self);
  g_signal_group_connect_swapped (self->check_signals, "notify::last-result",
                                  G_CALLBACK (last_result_changed_cb), self);

  self->host_metrics = ops_health_host_metrics_new ();
  for (OpsHostMetric m = OPS_HOST_METRIC_CPU; m <= OPS_HOST_METRIC_DISK; m++)
    ops_chart_add_series (self->usage_chart, ops_health_host_metrics_get (self->host_metrics, m));
  ops_chart_add_series (self->network_chart,
                        ops_health_host_metrics_get (self->host_metrics, OPS_HOST_METRIC_RECEIVED));
  ops_chart_add_series (self->network_chart,
                        ops_health_host_metrics_get (self->host_metrics, OPS_HOST_METRIC_SENT));
  g_signal_connect_object (self->history_view, "notify::span", G_CALLBACK (load_host_charts), self,
                           G_CONNECT_SWAPPED);
}

void
ops_health_detail_set_engine (OpsHealthDetail *self,
                              OpsHealthEngine *engine)
{
  g_return_if_fail (OPS_IS_HEALTH_DETAIL (self));

  g_set_weak_pointer (&self->engine, engine);
  ops_health_history_view_set_engine (self->history_view, engine);
  ops_health_host_metrics_set_engine (self->host_metrics, engine);
}

OpsCheck *
ops_health_detail_get_check (OpsHealthDetail *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_DETAIL (self), NULL);

  return self->check;
}

/**
 * ops_health_detail_set_check:
 * @self: a detail view
 * @check: (nullable): the check to show, or %NULL for none
 */
void
ops_health_detail_set_check (OpsHealthDetail *self,
                             OpsCheck        *check)
{
  g_return_if_fail (OPS_IS_HEALTH_DETAIL (self));

  if (!g_set_object (&self->check, check))
    return;

  g_signal_group_set_target (self->check_signals, check);
  gtk_stack_set_visible_child_name (self->stack, check != NULL ? "check" : "none");
  /* Another check starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  set_uptime_row (self->uptime_day_row, -1);
  set_uptime_row (self->uptime_week_row, -1);
  set_uptime_row (self->uptime_month_row, -1);
  show_definition (self);
  ops_health_history_view_set_check (self->history_view, check);
  load_host_charts (self);
  last_result_changed_cb (self);
}

/* Narrow: the detail is a page of its own, with a way back. */
void
ops_health_detail_set_folded (OpsHealthDetail *self,
                              gboolean         folded)
{
  g_return_if_fail (OPS_IS_HEALTH_DETAIL (self));

  gtk_widget_set_visible (self->back_button, folded);
}

/**
 * ops_health_detail_get_history_view:
 * @self: a detail view
 *
 * Returns: (transfer none): the response-time and uptime charts
 */
OpsHealthHistoryView *
ops_health_detail_get_history_view (OpsHealthDetail *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_DETAIL (self), NULL);

  return self->history_view;
}

/**
 * ops_health_detail_get_host_metrics:
 * @self: a detail view
 *
 * Returns: (transfer none): the host figures of a Prometheus check, as
 *   charted
 */
OpsHealthHostMetrics *
ops_health_detail_get_host_metrics (OpsHealthDetail *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_DETAIL (self), NULL);

  return self->host_metrics;
}
