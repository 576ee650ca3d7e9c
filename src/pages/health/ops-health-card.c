/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-card"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ops-health-card.h"
#include "ops-health-history-view.h"
#include "ops-health-ui.h"

/**
 * OpsHealthCard:
 *
 * One check in the Health tab's grid: status icon, word and colour, name,
 * kind and target, last latency, 24-hour uptime and badges. A grid view
 * recycles cards, so the check is set and unset as the grid scrolls; the
 * card follows the check's properties through a #GSignalGroup and never
 * polls. Its sparkline is the last hour of response times from the
 * history, with each new result added as it comes. Its menu activates the
 * page's `health.*` actions with the id of its check.
 */
struct _OpsHealthCard
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkWidget *box;
  GtkImage  *status_icon;
  GtkLabel  *name_label;
  GtkLabel  *target_label;
  GtkLabel  *status_label;
  GtkLabel  *latency_label;
  GtkLabel  *uptime_label;
  OpsChart  *sparkline;
  GtkLabel  *environment_badge;
  GtkWidget *paused_badge;
  GtkWidget *maintenance_badge;
  GtkWidget *disconnected_badge;

  /* Owned */
  OpsCheck       *check;
  GSignalGroup   *check_signals;
  GCancellable   *cancellable;
  OpsChartSeries *latency;

  /* Borrowed */
  OpsAlertEngine *alert_engine;
  OpsHistory     *history;

  guint    load_id;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (OpsHealthCard, ops_health_card, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CHECK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible_label (OpsHealthCard *self)
{
  g_autofree char *label = NULL;

  if (self->check == NULL)
    return;

  /* Translators: a card read by a screen reader: name, status, target */
  label = g_strdup_printf (_("%s, %s, %s"), ops_check_get_name (self->check),
                           gtk_label_get_label (self->status_label),
                           gtk_label_get_label (self->target_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_definition (OpsHealthCard *self)
{
  g_autofree char *target = NULL;
  static const char *environments[3];

  if (self->check == NULL)
    return;

  environments[OPS_ENVIRONMENT_PRODUCTION] = C_("environment", "Production");
  environments[OPS_ENVIRONMENT_STAGING] = C_("environment", "Staging");
  environments[OPS_ENVIRONMENT_DEVELOPMENT] = C_("environment", "Development");

  target = ops_health_ui_describe_target (self->check);
  gtk_label_set_label (self->name_label, ops_check_get_name (self->check));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), ops_check_get_name (self->check));
  gtk_label_set_label (self->target_label, target);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->target_label), ops_check_get_target (self->check));
  gtk_label_set_label (self->environment_badge,
                       environments[CLAMP (ops_check_get_environment (self->check), 0, 2)]);
  update_accessible_label (self);
}

static void
update_badges (OpsHealthCard *self)
{
  OpsCheckResult *result;
  gboolean        disconnected = FALSE;
  const char     *maintenance = NULL;

  if (self->check == NULL)
    return;

  result = ops_check_get_last_result (self->check);
  if (ops_check_get_kind (self->check) == OPS_CHECK_KIND_WEBSOCKET && result != NULL)
    {
      JsonObject *details = ops_check_result_get_details (result);

      disconnected = details != NULL && json_object_has_member (details, "connected") &&
                     !json_object_get_boolean_member (details, "connected");
    }

  if (self->alert_engine != NULL)
    maintenance = ops_alert_engine_get_maintenance (self->alert_engine,
                                                    ops_check_get_name (self->check));

  gtk_widget_set_visible (self->paused_badge, ops_check_get_paused (self->check));
  gtk_widget_set_visible (self->disconnected_badge, disconnected);
  gtk_widget_set_visible (self->maintenance_badge, maintenance != NULL);
  gtk_widget_set_tooltip_text (self->maintenance_badge, maintenance);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.pause", !ops_check_get_paused (self->check));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.resume", ops_check_get_paused (self->check));
}

/* A card too small for “No data yet”: the sparkline keeps its place and
 * shows once there is a response time to draw. */
static void
show_sparkline_if_data (OpsHealthCard *self)
{
  double last, min, max;

  gtk_widget_set_opacity (GTK_WIDGET (self->sparkline),
                          ops_chart_series_get_stats (self->latency, &last, &min, &max) ? 1.0 : 0.0);
}

static void
sparkline_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpsHealthCard *self = user_data;
  g_autoptr(OpsHistorySeries) series = NULL;
  g_autoptr(GError) error = NULL;

  series = ops_history_query_series_finish (OPS_HISTORY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (series == NULL)
    {
      g_warning ("Could not read the last hour of a check: %s", error->message);
      return;
    }

  ops_health_fill_latency (self->latency, series, series->values);
  show_sparkline_if_data (self);
}

static gboolean
query_sparkline_cb (gpointer user_data)
{
  OpsHealthCard *self = user_data;
  gint64         now = g_get_real_time ();

  self->load_id = 0;
  ops_chart_series_set_max_gap_usec (self->latency,
                                     3 * (gint64)ops_check_get_interval_ms (self->check) * 1000);
  ops_chart_set_time_range (self->sparkline, now - OPS_HISTORY_HOUR_USEC, now);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  ops_history_query_series_async (self->history, ops_check_get_id (self->check),
                                  now - OPS_HISTORY_HOUR_USEC, now, self->cancellable, sparkline_cb,
                                  self);
  return G_SOURCE_REMOVE;
}

/* The query waits until the frame is drawn: cards first, then their
 * sparklines, so that scrolling and the first frame stay quick. */
static void
load_sparkline (OpsHealthCard *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->load_id, g_source_remove);
  ops_chart_series_set_points (self->latency, NULL, 0);
  show_sparkline_if_data (self);
  self->loading = FALSE;
  if (self->check == NULL || self->history == NULL)
    return;

  self->loading = TRUE;
  self->load_id = g_idle_add_full (G_PRIORITY_LOW, query_sparkline_cb, self, NULL);
}

/* A new result: one more point, and the hour moves on. */
static void
append_result (OpsHealthCard *self)
{
  OpsCheckResult *result = ops_check_get_last_result (self->check);
  gint64          now = g_get_real_time ();

  if (result == NULL || self->loading)
    return;

  ops_chart_series_append_point (self->latency, ops_check_result_get_time (result),
                                 ops_check_result_get_status (result) == OPS_HEALTH_STATUS_DOWN
                                     ? NAN
                                     : ops_check_result_get_latency_ms (result));
  ops_chart_set_time_range (self->sparkline, now - OPS_HISTORY_HOUR_USEC, now);
  show_sparkline_if_data (self);
}

static void
update_status (OpsHealthCard *self)
{
  OpsHealthStatus  status;
  g_autofree char *latency = NULL;
  g_autofree char *uptime = NULL;
  g_autofree char *uptime_text = NULL;

  if (self->check == NULL)
    return;

  status = ops_check_get_status (self->check);
  gtk_image_set_from_icon_name (self->status_icon, ops_health_ui_status_icon (status));
  ops_health_ui_set_status_class (GTK_WIDGET (self->status_icon), status);
  ops_health_ui_set_status_class (GTK_WIDGET (self->status_label), status);
  ops_health_ui_set_status_class (self->box, status);
  gtk_label_set_label (self->status_label, ops_health_status_to_label (status));

  latency = ops_health_ui_format_latency (ops_check_get_last_latency_ms (self->check));
  gtk_label_set_label (self->latency_label, latency);

  uptime = ops_health_ui_format_uptime (ops_check_get_uptime_24h (self->check));
  /* Translators: the 24-hour uptime on a card, such as “99.95 % up” */
  uptime_text = g_strdup_printf (_("%s up"), uptime);
  gtk_label_set_label (self->uptime_label, uptime_text);
  gtk_widget_set_visible (GTK_WIDGET (self->uptime_label), ops_check_get_uptime_24h (self->check) >= 0);

  update_badges (self);
  update_accessible_label (self);
}

static void
ops_health_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OpsHealthCard *self = OPS_HEALTH_CARD (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      g_value_set_object (value, self->check);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_health_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OpsHealthCard *self = OPS_HEALTH_CARD (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      ops_health_card_set_check (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_health_card_dispose (GObject *object)
{
  OpsHealthCard *self = OPS_HEALTH_CARD (object);

  if (self->check_signals != NULL)
    g_signal_group_set_target (self->check_signals, NULL);
  g_clear_object (&self->check_signals);
  g_clear_object (&self->check);
  g_clear_weak_pointer (&self->alert_engine);
  g_clear_weak_pointer (&self->history);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->load_id, g_source_remove);
  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPS_TYPE_HEALTH_CARD);
  g_clear_object (&self->latency);

  G_OBJECT_CLASS (ops_health_card_parent_class)->dispose (object);
}

static void
ops_health_card_class_init (OpsHealthCardClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_health_card_dispose;
  object_class->get_property = ops_health_card_get_property;
  object_class->set_property = ops_health_card_set_property;

  g_type_ensure (OPS_TYPE_CHART);

  /**
   * OpsHealthCard:check:
   *
   * The check the card shows, or %NULL while the grid recycles it.
   */
  properties[PROP_CHECK] =
      g_param_spec_object ("check", NULL, NULL, OPS_TYPE_CHECK,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/health/ops-health-card.ui");
  gtk_widget_class_bind_template_child (widget_class, OpsHealthCard, box);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthCard, status_icon);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthCard, target_label);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthCard, latency_label);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthCard, uptime_label);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthCard, sparkline);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthCard, environment_badge);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthCard, paused_badge);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthCard, maintenance_badge);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthCard, disconnected_badge);

  ops_health_ui_install_check_actions (widget_class, "card",
                                       (OpsCheck * (*) (gpointer)) ops_health_card_get_check);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ops_health_card_init (OpsHealthCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->check_signals = g_signal_group_new (OPS_TYPE_CHECK);
  g_signal_group_connect_swapped (self->check_signals, "notify::name",
                                  G_CALLBACK (update_definition), self);
  g_signal_group_connect_swapped (self->check_signals, "notify::target",
                                  G_CALLBACK (update_definition), self);
  g_signal_group_connect_swapped (self->check_signals, "notify::environment",
                                  G_CALLBACK (update_definition), self);
  g_signal_group_connect_swapped (self->check_signals, "notify::status",
                                  G_CALLBACK (update_status), self);
  g_signal_group_connect_swapped (self->check_signals, "notify::last-result",
                                  G_CALLBACK (update_status), self);
  g_signal_group_connect_swapped (self->check_signals, "notify::uptime-24h",
                                  G_CALLBACK (update_status), self);
  g_signal_group_connect_swapped (self->check_signals, "notify::paused",
                                  G_CALLBACK (update_badges), self);
  g_signal_group_connect_swapped (self->check_signals, "notify::last-result",
                                  G_CALLBACK (append_result), self);

  /* Translators: the series of a card's sparkline */
  self->latency = ops_chart_series_new (_("Response time, last hour"), OPS_CHART_UNIT_MS,
                                        OPS_CHART_STYLE_AREA);
  ops_chart_add_series (self->sparkline, self->latency);
}

/**
 * ops_health_card_new:
 * @history: (nullable): where the sparkline's points come from
 * @alert_engine: (nullable): tells which checks are in maintenance
 *
 * Returns: a new card, showing no check yet
 */
GtkWidget *
ops_health_card_new (OpsHistory     *history,
                     OpsAlertEngine *alert_engine)
{
  OpsHealthCard *self = g_object_new (OPS_TYPE_HEALTH_CARD, NULL);

  g_set_weak_pointer (&self->history, history);
  g_set_weak_pointer (&self->alert_engine, alert_engine);
  return GTK_WIDGET (self);
}

OpsCheck *
ops_health_card_get_check (OpsHealthCard *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_CARD (self), NULL);

  return self->check;
}

void
ops_health_card_set_check (OpsHealthCard *self,
                           OpsCheck      *check)
{
  g_return_if_fail (OPS_IS_HEALTH_CARD (self));
  g_return_if_fail (check == NULL || OPS_IS_CHECK (check));

  if (!g_set_object (&self->check, check))
    return;

  g_signal_group_set_target (self->check_signals, check);
  update_definition (self);
  update_status (self);
  load_sparkline (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK]);
}

/**
 * ops_health_card_get_sparkline:
 * @self: a card
 *
 * Returns: (transfer none): the chart of the last hour's response times
 */
OpsChart *
ops_health_card_get_sparkline (OpsHealthCard *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_CARD (self), NULL);

  return self->sparkline;
}
