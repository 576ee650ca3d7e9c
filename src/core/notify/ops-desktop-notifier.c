/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-notify"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-alert-actions.h"
#include "ops-desktop-notifier.h"

/**
 * OpsDesktopNotifier:
 *
 * Shows alerts as desktop notifications through #GNotification, so that
 * the desktop's notification service shows them (or, in Flatpak, the
 * notification portal). It hears alert events on the bus — no feature
 * calls it — and honours the preferences: nothing while “do not disturb”
 * is on, nothing below the minimum severity.
 *
 * A notification's title has the service and the state, its body the
 * cause and the value; critical alerts are urgent. Its buttons,
 * Acknowledge and Open, activate `app.alert-acknowledge` and
 * `app.alert-open` with the alert's id. It is withdrawn when the alert is
 * acknowledged or resolved.
 */
struct _OpsDesktopNotifier
{
  GObject parent_instance;

  /* Borrowed */
  GApplication *application; /* weak */

  /* Owned */
  OpsEventBus *bus;
  OpsSettings *settings;

  guint subscription;
  guint n_sent;
};

G_DEFINE_FINAL_TYPE (OpsDesktopNotifier, ops_desktop_notifier, G_TYPE_OBJECT)

static void
ops_desktop_notifier_dispose (GObject *object)
{
  OpsDesktopNotifier *self = OPS_DESKTOP_NOTIFIER (object);

  if (self->subscription != 0)
    {
      ops_event_bus_unsubscribe (self->bus, self->subscription);
      self->subscription = 0;
    }
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->bus);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ops_desktop_notifier_parent_class)->dispose (object);
}

static void
ops_desktop_notifier_class_init (OpsDesktopNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ops_desktop_notifier_dispose;
}

static void
ops_desktop_notifier_init (OpsDesktopNotifier *self)
{
}

/* The notification of alert @alert_id: one per alert, replaced when it
 * escalates or is notified again. */
char *
ops_desktop_notifier_dup_id (gint64 alert_id)
{
  return g_strdup_printf ("alert-%" G_GINT64_FORMAT, alert_id);
}

static gint64
field_int (OpsEvent   *event,
           const char *name)
{
  GVariant *value = ops_event_get_field (event, name);

  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64)
             ? g_variant_get_int64 (value)
             : 0;
}

static gboolean
field_boolean (OpsEvent   *event,
               const char *name)
{
  GVariant *value = ops_event_get_field (event, name);

  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) &&
         g_variant_get_boolean (value);
}

/**
 * ops_desktop_notifier_build:
 * @event: an `alert.firing`, `alert.escalated` or `alert.flapping` event
 *
 * Returns: (transfer full): the notification for it
 */
GNotification *
ops_desktop_notifier_build (OpsEvent *event)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;
  const char      *kind = ops_event_get_kind (event);
  const char      *service = ops_event_get_service (event);
  const char      *cause = ops_event_get_field_string (event, "cause");
  const char      *rule = ops_event_get_field_string (event, "rule");
  const char      *state;
  OpsSeverity      severity = ops_event_get_severity (event);
  gint64           alert_id = field_int (event, "alert_id");
  gint64           dependents = field_int (event, "dependents");

  if (g_str_equal (kind, "alert.escalated"))
    state = _("escalated to critical");
  else if (g_str_equal (kind, "alert.flapping"))
    state = _("flapping");
  else if (field_boolean (event, "renotify"))
    state = severity == OPS_SEVERITY_CRITICAL ? _("still critical") : _("still in warning");
  else
    state = severity == OPS_SEVERITY_CRITICAL ? _("critical") : _("warning");

  /* Translators: a notification's title: the service, then its state,
   * such as “api.example.com: critical” */
  title = g_strdup_printf (_("%s: %s"), service != NULL ? service : _("Opsdeck"), state);

  if (g_str_equal (kind, "alert.flapping"))
    g_string_append_printf (body, _("It keeps going down and coming back. %s"),
                            ops_event_get_field_string (event, "note") != NULL
                                ? ops_event_get_field_string (event, "note")
                                : "");
  else if (cause != NULL)
    g_string_append (body, cause);

  if (rule != NULL)
    g_string_append_printf (body, "\n%s", rule);
  if (dependents > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%d check that depends on it is down too.",
                                           "%d checks that depend on it are down too.",
                                           (gulong)dependents),
                              (int)dependents);
    }

  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_priority (notification,
                               severity == OPS_SEVERITY_CRITICAL  ? G_NOTIFICATION_PRIORITY_URGENT
                               : severity == OPS_SEVERITY_WARNING ? G_NOTIFICATION_PRIORITY_HIGH
                                                                  : G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_add_button_with_target (notification, _("Acknowledge"),
                                         "app." OPS_ALERT_ACTION_ACKNOWLEDGE, "x", alert_id);
  g_notification_add_button_with_target (notification, _("Open"), "app." OPS_ALERT_ACTION_OPEN,
                                         "x", alert_id);
  g_notification_set_default_action_and_target (notification, "app." OPS_ALERT_ACTION_OPEN, "x",
                                                alert_id);

  return g_steal_pointer (&notification);
}

static gboolean
wanted (OpsDesktopNotifier *self,
        OpsEvent           *event)
{
  g_autofree char *minimum_text = NULL;
  OpsSeverity      minimum = OPS_SEVERITY_WARNING;

  if (ops_settings_get_boolean (self->settings, OPS_SETTINGS_KEY_NOTIFY_DO_NOT_DISTURB))
    return FALSE;

  minimum_text = ops_settings_dup_string (self->settings, OPS_SETTINGS_KEY_NOTIFY_MINIMUM_SEVERITY);
  ops_severity_from_string (minimum_text, &minimum);

  return ops_event_get_severity (event) >= minimum;
}

static void
event_cb (OpsEvent *event,
          gpointer  user_data)
{
  OpsDesktopNotifier *self = user_data;
  const char         *kind = ops_event_get_kind (event);
  g_autofree char    *id = ops_desktop_notifier_dup_id (field_int (event, "alert_id"));

  if (self->application == NULL || !g_application_get_is_registered (self->application))
    return;

  if (g_str_equal (kind, "alert.acknowledged") || g_str_equal (kind, "alert.resolved"))
    {
      g_application_withdraw_notification (self->application, id);
      return;
    }

  if (!g_str_equal (kind, "alert.firing") && !g_str_equal (kind, "alert.escalated") &&
      !g_str_equal (kind, "alert.flapping"))
    return;

  if (wanted (self, event))
    {
      g_autoptr(GNotification) notification = ops_desktop_notifier_build (event);

      g_application_send_notification (self->application, id, notification);
      self->n_sent++;
    }
}

/**
 * ops_desktop_notifier_new:
 * @application: the application that sends the notifications and owns
 *   their actions
 * @bus: where alert events are published
 * @settings: the preferences
 *
 * Returns: (transfer full): a notifier, listening from now on
 */
OpsDesktopNotifier *
ops_desktop_notifier_new (GApplication *application,
                          OpsEventBus  *bus,
                          OpsSettings  *settings)
{
  OpsDesktopNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (OPS_IS_EVENT_BUS (bus), NULL);
  g_return_val_if_fail (OPS_IS_SETTINGS (settings), NULL);

  self = g_object_new (OPS_TYPE_DESKTOP_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->bus = g_object_ref (bus);
  self->settings = g_object_ref (settings);
  self->subscription = ops_event_bus_subscribe (bus, "alert", event_cb, self, NULL);

  return self;
}

/* How many notifications it has shown. */
guint
ops_desktop_notifier_get_n_sent (OpsDesktopNotifier *self)
{
  g_return_val_if_fail (OPS_IS_DESKTOP_NOTIFIER (self), 0);

  return self->n_sent;
}
