/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-probe-tcp"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-probe-kinds.h"
#include "ops-probe-net.h"

/* A TCP port: healthy when it accepts a connection within the timeout.
 * Conditions can say otherwise, such as `[CONNECTED] == false` for a
 * port that must stay closed. */
struct _OpsProbeTcp
{
  OpsProbe parent_instance;
};

G_DEFINE_FINAL_TYPE (OpsProbeTcp, ops_probe_tcp, OPS_TYPE_PROBE)

static void
host_run_free (gpointer data)
{
  ops_probe_host_run_clear (data);
  g_free (data);
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpsProbe        *self = OPS_PROBE (object);
  OpsProbeHostRun *d = g_task_get_task_data (task);
  g_autoptr(OpsProbeConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char    *ip = NULL;
  OpsConditionContext context = { 0 };
  gboolean            has_conditions = ops_check_get_conditions (ops_probe_get_check (self))[0] != NULL;

  connection = ops_probe_connect_finish (self, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  d->timing.total_us = g_get_monotonic_time () - ops_probe_get_run_start (self);
  ops_check_result_set_timing (d->result, &d->timing);

  context.available = OPS_PLACEHOLDER_CONNECTED | OPS_PLACEHOLDER_RESPONSE_TIME;
  context.connected = connection != NULL;
  context.response_time_ms = d->timing.total_us / 1000.0;
  if (connection != NULL)
    {
      ip = g_inet_address_to_string (connection->address);
      context.ip = ip;
      context.available |= OPS_PLACEHOLDER_IP;
    }
  ops_check_result_set_detail_boolean (d->result, "connected", connection != NULL);
  ops_check_result_set_detail_string (d->result, "address", ip);

  if (connection == NULL && !has_conditions)
    {
      ops_check_result_fail (d->result, OPS_HEALTH_STATUS_DOWN, "%s", error->message);
      g_task_return_boolean (task, TRUE);
      return;
    }

  ops_check_result_set_status (d->result, OPS_HEALTH_STATUS_HEALTHY);
  if (!ops_probe_apply_conditions (self, d->result, &context) && connection == NULL)
    {
      /* The connection error says more than the condition. */
      ops_check_result_set_error (d->result, error->message);
    }
  ops_condition_context_clear (&context);

  if (connection != NULL)
    {
      g_autofree char *summary = g_strdup_printf (_("connected to %s"), ip);

      ops_check_result_set_summary (d->result, summary);
    }
  else
    ops_check_result_set_summary (d->result, _("closed"));

  g_task_return_boolean (task, TRUE);
}

static void
ops_probe_tcp_run_async (OpsProbe           *self,
                         OpsCheckResult     *result,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  ops_probe_connect_target (self, g_new0 (OpsProbeHostRun, 1), host_run_free, result, 0,
                            OPS_PROBE_CONNECT_PLAIN, ops_probe_tcp_run_async, cancellable, callback,
                            user_data, connected_cb);
}

static void
ops_probe_tcp_class_init (OpsProbeTcpClass *klass)
{
  OpsProbeClass *probe_class = OPS_PROBE_CLASS (klass);

  probe_class->run_async = ops_probe_tcp_run_async;
}

static void
ops_probe_tcp_init (OpsProbeTcp *self)
{
}
