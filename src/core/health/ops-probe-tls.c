/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-probe-tls"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-probe-kinds.h"
#include "ops-probe-net.h"

/* A TLS certificate: the days left until the certificate of HOST:PORT
 * expires, degraded under the warning limit, down under the critical one
 * or when the certificate is not valid (unless verification is off). */
struct _OpsProbeTls
{
  OpsProbe parent_instance;
};

G_DEFINE_FINAL_TYPE (OpsProbeTls, ops_probe_tls, OPS_TYPE_PROBE)

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
  OpsCheck        *check = ops_probe_get_check (self);
  OpsProbeHostRun *d = g_task_get_task_data (task);
  g_autoptr(OpsProbeConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char    *ip = NULL;
  g_autofree char    *summary = NULL;
  OpsConditionContext context = { 0 };
  gint64              now = ops_check_result_get_time (d->result);
  gint64              left_ms;
  double              days;
  gint64              warning = ops_check_get_option_int (check, "warning_days");
  gint64              critical = ops_check_get_option_int (check, "critical_days");

  connection = ops_probe_connect_finish (self, result, &error);
  if (connection == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  d->timing.total_us = g_get_monotonic_time () - ops_probe_get_run_start (self);
  ops_check_result_set_timing (d->result, &d->timing);
  ops_check_result_set_status (d->result, OPS_HEALTH_STATUS_HEALTHY);

  if (connection->certificate == NULL)
    {
      g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE,
                               _("the server sent no certificate"));
      return;
    }

  ops_probe_add_certificate_details (d->result, connection->certificate, now);
  left_ms = ops_probe_certificate_expires_in (connection->certificate, now);
  days = left_ms / (24 * 3600 * 1000.0);

  if (connection->tls_errors != 0 && ops_check_get_option_boolean (check, "verify_tls"))
    {
      g_autofree char *message = ops_probe_describe_tls_errors (connection->tls_errors,
                                                                connection->certificate, d->host);

      ops_check_result_fail (d->result, OPS_HEALTH_STATUS_DOWN, "%s", message);
    }
  else if (left_ms < 0)
    {
      g_autofree char *message = ops_probe_describe_tls_errors (G_TLS_CERTIFICATE_EXPIRED,
                                                                connection->certificate, d->host);

      ops_check_result_fail (d->result, OPS_HEALTH_STATUS_DOWN, "%s", message);
    }
  else if (days < critical)
    ops_check_result_fail (d->result, OPS_HEALTH_STATUS_DOWN,
                           _("TLS certificate expires in %.1f days, under the critical limit of %" G_GINT64_FORMAT " days"),
                           days, critical);
  else if (days < warning)
    ops_check_result_fail (d->result, OPS_HEALTH_STATUS_DEGRADED,
                           _("TLS certificate expires in %.1f days, under the warning limit of %" G_GINT64_FORMAT " days"),
                           days, warning);

  ip = g_inet_address_to_string (connection->address);
  context.available = OPS_PLACEHOLDER_CONNECTED | OPS_PLACEHOLDER_RESPONSE_TIME |
                      OPS_PLACEHOLDER_CERTIFICATE_EXPIRATION | OPS_PLACEHOLDER_IP;
  context.connected = TRUE;
  context.ip = ip;
  context.response_time_ms = d->timing.total_us / 1000.0;
  context.certificate_expiration_ms = left_ms;
  ops_probe_apply_conditions (self, d->result, &context);
  ops_condition_context_clear (&context);

  if (left_ms < 0)
    summary = g_strdup (_("expired"));
  else
    summary = g_strdup_printf (_("%.0f days left"), days);
  ops_check_result_set_summary (d->result, summary);
  g_task_return_boolean (task, TRUE);
}

static void
ops_probe_tls_run_async (OpsProbe           *self,
                         OpsCheckResult     *result,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  /* Take any certificate, to say what is wrong with it. */
  ops_probe_connect_target (self, g_new0 (OpsProbeHostRun, 1), host_run_free, result, 443,
                            OPS_PROBE_CONNECT_TLS_INSPECT, ops_probe_tls_run_async, cancellable, callback,
                            user_data, connected_cb);
}

static void
ops_probe_tls_class_init (OpsProbeTlsClass *klass)
{
  OpsProbeClass *probe_class = OPS_PROBE_CLASS (klass);

  probe_class->run_async = ops_probe_tls_run_async;
}

static void
ops_probe_tls_init (OpsProbeTls *self)
{
}
