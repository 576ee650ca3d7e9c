/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ops-health-ui.h"

static const char *const status_classes[] = {
  [OPS_HEALTH_STATUS_UNKNOWN] = "status-unknown",
  [OPS_HEALTH_STATUS_HEALTHY] = "status-healthy",
  [OPS_HEALTH_STATUS_DEGRADED] = "status-degraded",
  [OPS_HEALTH_STATUS_DOWN] = "status-down",
};

const char *
ops_health_ui_status_icon (OpsHealthStatus status)
{
  switch (status)
    {
    case OPS_HEALTH_STATUS_HEALTHY:
      return "emblem-ok-symbolic";
    case OPS_HEALTH_STATUS_DEGRADED:
      return "dialog-warning-symbolic";
    case OPS_HEALTH_STATUS_DOWN:
      return "dialog-error-symbolic";
    case OPS_HEALTH_STATUS_UNKNOWN:
    default:
      return "dialog-question-symbolic";
    }
}

const char *
ops_health_ui_status_css_class (OpsHealthStatus status)
{
  if (status > OPS_HEALTH_STATUS_DOWN)
    status = OPS_HEALTH_STATUS_UNKNOWN;

  return status_classes[status];
}

/* Replaces whichever status class @widget had with the one of @status. */
void
ops_health_ui_set_status_class (GtkWidget      *widget,
                                OpsHealthStatus status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (widget, status_classes[i]);
  gtk_widget_add_css_class (widget, ops_health_ui_status_css_class (status));
}

char *
ops_health_ui_format_latency (double latency_ms)
{
  if (latency_ms < 0 || isnan (latency_ms))
    /* Translators: no latency measured yet */
    return g_strdup (C_("latency", "—"));
  if (latency_ms < 10)
    /* Translators: a latency in milliseconds */
    return g_strdup_printf (_("%.1f ms"), latency_ms);
  if (latency_ms < 10000)
    return g_strdup_printf (_("%.0f ms"), latency_ms);

  /* Translators: a latency in seconds */
  return g_strdup_printf (_("%.1f s"), latency_ms / 1000);
}

char *
ops_health_ui_format_uptime (double percent)
{
  if (percent < 0 || isnan (percent))
    /* Translators: no uptime known yet */
    return g_strdup (C_("uptime", "—"));
  if (percent >= 99.995 && percent < 100)
    return g_strdup (_("99.99 %"));

  /* Translators: an uptime in percent */
  return g_strdup_printf (_("%.2f %%"), percent);
}

/* “HTTP(S) · https://example.com/health” */
char *
ops_health_ui_describe_target (OpsCheck *check)
{
  /* Translators: a check's kind and target */
  return g_strdup_printf (_("%s · %s"), ops_check_kind_to_label (ops_check_get_kind (check)),
                          ops_check_get_target (check));
}

/* The actions on one check (check now, pause, resume, edit, duplicate,
 * delete, its alert rules and maintenance windows) of a widget that shows a check, as “PREFIX.check-now”…: each
 * activates the page's “health.check-now”… with the check's id. */
static const char *const check_actions[] = {
  "check-now", "pause", "resume", "edit", "duplicate", "delete", "alert-rules", "maintenance",
};

static void
forward_check_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OpsCheck *(*get_check) (gpointer) = g_type_get_qdata (G_OBJECT_TYPE (widget),
                                                        g_quark_from_static_string ("ops-health-get-check"));
  OpsCheck        *check = get_check (widget);
  g_autofree char *page_action = NULL;

  if (check == NULL)
    return;

  page_action = g_strconcat ("health.", strchr (action_name, '.') + 1, NULL);
  gtk_widget_activate_action (widget, page_action, "x", ops_check_get_id (check));
}

void
ops_health_ui_install_check_actions (GtkWidgetClass *widget_class,
                                     const char     *prefix,
                                     OpsCheck *(*get_check) (gpointer widget))
{
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class),
                    g_quark_from_static_string ("ops-health-get-check"), get_check);

  for (guint i = 0; i < G_N_ELEMENTS (check_actions); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", prefix, check_actions[i]);

      gtk_widget_class_install_action (widget_class, name, NULL, forward_check_action);
    }
}

/* Calls @callback (swapped, on @object) when the status, paused flag or
 * environment of one of the @added checks from @position changes. */
void
ops_health_ui_watch_checks (GListModel *checks,
                            guint       position,
                            guint       added,
                            GCallback   callback,
                            gpointer    object)
{
  static const char *const signals[] = { "notify::status", "notify::paused", "notify::environment" };

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(OpsCheck) check = g_list_model_get_item (checks, i);

      for (guint j = 0; j < G_N_ELEMENTS (signals); j++)
        g_signal_connect_object (check, signals[j], callback, object, G_CONNECT_SWAPPED);
    }
}
