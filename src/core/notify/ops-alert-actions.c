/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-notify"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-alert-actions.h"

static void
acknowledge_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  OpsAlertEngine *engine = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlert) alert = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  alert = ops_alert_engine_acknowledge (engine, id, NULL, _("Acknowledged from the notification."),
                                        &error);
  if (alert != NULL)
    g_debug ("Alert %" G_GINT64_FORMAT " acknowledged from its notification", id);
  else if (g_error_matches (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_STATE))
    g_message ("%s", error->message); /* acknowledged elsewhere, or resolved meanwhile */
  else
    g_warning ("Could not acknowledge alert %" G_GINT64_FORMAT ": %s", id, error->message);
}

/**
 * ops_alert_actions_install:
 * @map: the application
 * @engine: the alert engine the actions act on
 *
 * Adds `alert-acknowledge`, which needs no window, so that the
 * Acknowledge button of a notification works while Opsdeck runs in the
 * background. `alert-open` needs a window and is the application's.
 */
void
ops_alert_actions_install (GActionMap     *map,
                           OpsAlertEngine *engine)
{
  g_autoptr(GSimpleAction) acknowledge = NULL;

  g_return_if_fail (G_IS_ACTION_MAP (map));
  g_return_if_fail (OPS_IS_ALERT_ENGINE (engine));

  acknowledge = g_simple_action_new (OPS_ALERT_ACTION_ACKNOWLEDGE, G_VARIANT_TYPE_INT64);
  g_signal_connect_data (acknowledge, "activate", G_CALLBACK (acknowledge_activated_cb),
                         g_object_ref (engine), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  g_action_map_add_action (map, G_ACTION (acknowledge));
}
