/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts-item"

#include "config.h"

#include <glib/gi18n.h>

#include "ops-alerts-item.h"

struct _OpsAlertsItem
{
  GObject parent_instance;

  /* Owned */
  char                  *id;
  OpsAlert              *alert;
  OpsAlertmanagerAlert  *am_alert;
  OpsAlertmanagerClient *client;
  char                  *source;
};

G_DEFINE_FINAL_TYPE (OpsAlertsItem, ops_alerts_item, G_TYPE_OBJECT)

static void
ops_alerts_item_finalize (GObject *object)
{
  OpsAlertsItem *self = OPS_ALERTS_ITEM (object);

  g_free (self->id);
  g_clear_object (&self->alert);
  g_clear_object (&self->am_alert);
  g_clear_object (&self->client);
  g_free (self->source);

  G_OBJECT_CLASS (ops_alerts_item_parent_class)->finalize (object);
}

static void
ops_alerts_item_class_init (OpsAlertsItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ops_alerts_item_finalize;
}

static void
ops_alerts_item_init (OpsAlertsItem *self)
{
}

/**
 * ops_alerts_item_new:
 * @alert: an alert of Opsdeck's
 *
 * Returns: (transfer full): the item, whose id is the alert's number
 */
OpsAlertsItem *
ops_alerts_item_new (OpsAlert *alert)
{
  OpsAlertsItem *self;

  g_return_val_if_fail (OPS_IS_ALERT (alert), NULL);

  self = g_object_new (OPS_TYPE_ALERTS_ITEM, NULL);
  self->alert = g_object_ref (alert);
  self->id = g_strdup_printf ("%" G_GINT64_FORMAT, ops_alert_get_id (alert));
  return self;
}

/**
 * ops_alerts_item_new_alertmanager:
 * @alert: an alert read from an Alertmanager
 * @source: the name of the Alertmanager
 * @client: its client, to silence the alert
 *
 * Returns: (transfer full): the item, whose id is `SOURCE/FINGERPRINT`
 */
OpsAlertsItem *
ops_alerts_item_new_alertmanager (OpsAlertmanagerAlert  *alert,
                                  const char            *source,
                                  OpsAlertmanagerClient *client)
{
  OpsAlertsItem *self;

  g_return_val_if_fail (OPS_IS_ALERTMANAGER_ALERT (alert), NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (OPS_IS_ALERTMANAGER_CLIENT (client), NULL);

  self = g_object_new (OPS_TYPE_ALERTS_ITEM, NULL);
  self->am_alert = g_object_ref (alert);
  self->client = g_object_ref (client);
  self->source = g_strdup (source);
  self->id = g_strdup_printf ("%s/%s", source, ops_alertmanager_alert_get_fingerprint (alert));
  return self;
}

const char *
ops_alerts_item_get_id (OpsAlertsItem *self)
{
  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), NULL);

  return self->id;
}

/* Returns: (transfer none) (nullable): the Opsdeck alert, or %NULL for an
 * Alertmanager's */
OpsAlert *
ops_alerts_item_get_alert (OpsAlertsItem *self)
{
  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), NULL);

  return self->alert;
}

/* Returns: (transfer none) (nullable): the Alertmanager's alert */
OpsAlertmanagerAlert *
ops_alerts_item_get_am_alert (OpsAlertsItem *self)
{
  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), NULL);

  return self->am_alert;
}

/* Returns: (transfer none) (nullable): the client of the item's Alertmanager */
OpsAlertmanagerClient *
ops_alerts_item_get_client (OpsAlertsItem *self)
{
  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), NULL);

  return self->client;
}

/* Returns: (nullable): the Alertmanager's name, %NULL for Opsdeck's own */
const char *
ops_alerts_item_get_source (OpsAlertsItem *self)
{
  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), NULL);

  return self->source;
}

OpsSeverity
ops_alerts_item_get_severity (OpsAlertsItem *self)
{
  OpsSeverity severity;
  const char *text;

  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), OPS_SEVERITY_INFO);

  if (self->alert != NULL)
    return ops_alert_get_severity (self->alert);

  text = ops_alertmanager_alert_get_severity (self->am_alert);
  if (text != NULL && ops_severity_from_string (text, &severity))
    return severity;
  if (text != NULL && (g_ascii_strcasecmp (text, "error") == 0 ||
                       g_ascii_strcasecmp (text, "page") == 0))
    return OPS_SEVERITY_CRITICAL;
  return OPS_SEVERITY_WARNING;
}

/* The check, or the Alertmanager alert's service, instance or job. */
const char *
ops_alerts_item_get_service (OpsAlertsItem *self)
{
  static const char *const labels[] = { "service", "instance", "job" };

  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), NULL);

  if (self->alert != NULL)
    return ops_alert_get_check_name (self->alert);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *value = ops_alertmanager_alert_get_label (self->am_alert, labels[i]);

      if (value != NULL)
        return value;
    }
  return ops_alertmanager_alert_get_name (self->am_alert) != NULL
             ? ops_alertmanager_alert_get_name (self->am_alert)
             : "";
}

const char *
ops_alerts_item_get_cause (OpsAlertsItem *self)
{
  const char *text;

  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), NULL);

  if (self->alert != NULL)
    return ops_alert_get_cause (self->alert) != NULL ? ops_alert_get_cause (self->alert) : "";

  text = ops_alertmanager_alert_get_annotation (self->am_alert, "summary");
  if (text == NULL)
    text = ops_alertmanager_alert_get_annotation (self->am_alert, "description");
  if (text == NULL)
    text = ops_alertmanager_alert_get_name (self->am_alert);
  return text != NULL ? text : "";
}

/* Returns: an #OpsAlertState; an Alertmanager's alert is firing, or
 * acknowledged when a silence covers it */
int
ops_alerts_item_get_state (OpsAlertsItem *self)
{
  const char *const *silenced;

  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), OPS_ALERT_STATE_FIRING);

  if (self->alert != NULL)
    return ops_alert_get_state (self->alert);

  silenced = ops_alertmanager_alert_get_silenced_by (self->am_alert);
  if ((silenced != NULL && silenced[0] != NULL) ||
      g_strcmp0 (ops_alertmanager_alert_get_state (self->am_alert), "suppressed") == 0)
    return OPS_ALERT_STATE_ACKNOWLEDGED;
  return OPS_ALERT_STATE_FIRING;
}

const char *
ops_alerts_item_get_state_label (OpsAlertsItem *self)
{
  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), NULL);

  if (self->am_alert != NULL && ops_alerts_item_get_state (self) == OPS_ALERT_STATE_ACKNOWLEDGED)
    return _("Silenced");
  return ops_alert_state_to_label (ops_alerts_item_get_state (self));
}

/* Returns: when the alert fired (or went pending), in microseconds */
gint64
ops_alerts_item_get_since (OpsAlertsItem *self)
{
  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), 0);

  if (self->alert != NULL)
    return ops_alert_get_fired_at (self->alert) != 0 ? ops_alert_get_fired_at (self->alert)
                                                     : ops_alert_get_pending_at (self->alert);
  return ops_alertmanager_alert_get_starts_at (self->am_alert);
}

/* Returns: (transfer full) (nullable): the value that fired the alert */
char *
ops_alerts_item_dup_value (OpsAlertsItem *self)
{
  double value;

  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), NULL);

  if (self->alert != NULL && ops_alert_get_value (self->alert, &value))
    return ops_alert_format_value (value);
  if (self->am_alert != NULL && ops_alertmanager_alert_get_annotation (self->am_alert, "value") != NULL)
    return g_strdup (ops_alertmanager_alert_get_annotation (self->am_alert, "value"));
  return NULL;
}

/* Returns: (nullable): the check whose outage took this one down */
const char *
ops_alerts_item_get_blocked_by (OpsAlertsItem *self)
{
  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), NULL);

  return self->alert != NULL ? ops_alert_get_blocked_by (self->alert) : NULL;
}

gboolean
ops_alerts_item_is_open (OpsAlertsItem *self)
{
  g_return_val_if_fail (OPS_IS_ALERTS_ITEM (self), FALSE);

  return self->alert == NULL || ops_alert_is_open (self->alert);
}

/* The word for a severity; the icon comes with it, never colour alone. */
const char *
ops_alerts_severity_label (OpsSeverity severity)
{
  switch (severity)
    {
    case OPS_SEVERITY_CRITICAL:
      return _("Critical");
    case OPS_SEVERITY_WARNING:
      return _("Warning");
    case OPS_SEVERITY_INFO:
    default:
      return _("Information");
    }
}

const char *
ops_alerts_severity_icon (OpsSeverity severity)
{
  switch (severity)
    {
    case OPS_SEVERITY_CRITICAL:
      return "dialog-error-symbolic";
    case OPS_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case OPS_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

/* “2 min ago”, “3 h ago”, “4 days ago”; the date past a week. */
char *
ops_alerts_format_since (gint64 since_usec,
                         gint64 now_usec)
{
  gint64 seconds;

  if (since_usec <= 0)
    return g_strdup ("—");

  seconds = MAX (0, (now_usec - since_usec) / G_USEC_PER_SEC);
  if (seconds < 60)
    return g_strdup (_("just now"));
  if (seconds < 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min ago", "%d min ago", seconds / 60),
                            (int)(seconds / 60));
  if (seconds < 86400)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", seconds / 3600),
                            (int)(seconds / 3600));
  if (seconds < 7 * 86400)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", seconds / 86400),
                            (int)(seconds / 86400));
  return ops_alert_format_time (since_usec);
}
