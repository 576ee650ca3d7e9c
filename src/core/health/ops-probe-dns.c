/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-probe-dns"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-probe-kinds.h"
#include "ops-probe-net.h"

/* A DNS name: healthy when it resolves (A, AAAA or both), to the expected
 * addresses when the check names some. */
struct _OpsProbeDns
{
  OpsProbe parent_instance;
};

G_DEFINE_FINAL_TYPE (OpsProbeDns, ops_probe_dns, OPS_TYPE_PROBE)

typedef struct
{
  OpsCheckResult *result;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *d = data;

  g_clear_object (&d->result);
  g_free (d);
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpsProbe *self = g_task_get_source_object (task);
  OpsCheck *check = ops_probe_get_check (self);
  RunData  *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GBytes) body = NULL;
  g_auto(GStrv) expected = NULL;
  JsonArray          *addresses;
  GList              *list;
  OpsConditionContext context = { 0 };
  gint64              elapsed = g_get_monotonic_time () - ops_probe_get_run_start (self);
  OpsProbeTiming      timing = OPS_PROBE_TIMING_INIT;

  list = g_resolver_lookup_by_name_with_flags_finish (G_RESOLVER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  timing.dns_us = elapsed;
  timing.total_us = elapsed;
  ops_check_result_set_timing (d->result, &timing);

  if (list == NULL)
    {
      g_autofree char *message = ops_probe_describe_error (error, ops_check_get_target (check), 0);

      g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE, "%s", message);
      return;
    }

  addresses = json_array_new ();
  for (GList *l = list; l != NULL; l = l->next)
    {
      char *text = g_inet_address_to_string (l->data);

      g_ptr_array_add (texts, text);
      json_array_add_string_element (addresses, text);
      g_string_append_printf (joined, "%s%s", joined->len > 0 ? "," : "", text);
    }
  g_resolver_free_addresses (list);
  ops_check_result_set_detail (d->result, "addresses",
                               json_node_init_array (json_node_alloc (), addresses));
  json_array_unref (addresses);
  ops_check_result_set_summary (d->result, joined->str);
  ops_check_result_set_status (d->result, OPS_HEALTH_STATUS_HEALTHY);

  expected = ops_check_dup_option_strv (check, "expect_address");
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autoptr(GInetAddress) wanted = g_inet_address_new_from_string (expected[i]);
      gboolean found = FALSE;

      for (guint j = 0; j < texts->len && !found; j++)
        {
          g_autoptr(GInetAddress) got = g_inet_address_new_from_string (g_ptr_array_index (texts, j));

          found = wanted != NULL && g_inet_address_equal (wanted, got);
        }

      if (!found)
        ops_check_result_fail (d->result, OPS_HEALTH_STATUS_DOWN,
                               _("%s resolves to %s, not to %s"), ops_check_get_target (check),
                               joined->str, expected[i]);
    }

  body = g_bytes_new (joined->str, joined->len);
  context.available = OPS_PLACEHOLDER_IP | OPS_PLACEHOLDER_RESPONSE_TIME | OPS_PLACEHOLDER_BODY;
  context.ip = g_ptr_array_index (texts, 0);
  context.body = body;
  context.response_time_ms = elapsed / 1000.0;
  ops_probe_apply_conditions (self, d->result, &context);
  ops_condition_context_clear (&context);

  g_task_return_boolean (task, TRUE);
}

static void
ops_probe_dns_run_async (OpsProbe           *self,
                         OpsCheckResult     *result,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  OpsCheck                *check = ops_probe_get_check (self);
  const char              *type = ops_check_get_option_string (check, "record_type");
  GResolverNameLookupFlags flags = G_RESOLVER_NAME_LOOKUP_FLAGS_DEFAULT;
  RunData                 *d = g_new0 (RunData, 1);

  g_task_set_source_tag (task, ops_probe_dns_run_async);
  g_task_set_task_data (task, d, run_data_free);
  d->result = g_object_ref (result);

  if (g_ascii_strcasecmp (type, "a") == 0)
    flags = G_RESOLVER_NAME_LOOKUP_FLAGS_IPV4_ONLY;
  else if (g_ascii_strcasecmp (type, "aaaa") == 0)
    flags = G_RESOLVER_NAME_LOOKUP_FLAGS_IPV6_ONLY;

  ops_probe_set_phase (self, N_("resolving the host name"));
  g_resolver_lookup_by_name_with_flags_async (ops_probe_context_get_resolver (ops_probe_get_context (self)),
                                              ops_check_get_target (check), flags, cancellable,
                                              resolved_cb, g_steal_pointer (&task));
}

static void
ops_probe_dns_class_init (OpsProbeDnsClass *klass)
{
  OpsProbeClass *probe_class = OPS_PROBE_CLASS (klass);

  probe_class->run_async = ops_probe_dns_run_async;
}

static void
ops_probe_dns_init (OpsProbeDns *self)
{
}
