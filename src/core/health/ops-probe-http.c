/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-probe-http"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ops-check-private.h"
#include "ops-health-document.h"
#include "ops-probe-http-fetch.h"
#include "ops-probe-kinds.h"
#include "ops-probe-net.h"

/*
 * HTTP(S): one request, then the verdict. A health document (health+json
 * or Actuator) decides by its own status, and its components are kept for
 * the detail view; otherwise a status under 400 is healthy. The check's
 * conditions come on top: each must be met.
 */
struct _OpsProbeHttp
{
  OpsProbe parent_instance;
};

G_DEFINE_FINAL_TYPE (OpsProbeHttp, ops_probe_http, OPS_TYPE_PROBE)

#define ACCEPT_HEADER "application/health+json, application/json;q=0.9, */*;q=0.5"

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

static gboolean
is_json_type (const char *content_type)
{
  return content_type != NULL &&
         (g_str_equal (content_type, "application/json") ||
          g_str_equal (content_type, "application/health+json") ||
          (g_str_has_prefix (content_type, "application/") && g_str_has_suffix (content_type, "+json")));
}

static gboolean
conditions_mention (OpsCheck   *check,
                    const char *placeholder)
{
  const char *const *conditions = ops_check_get_conditions (check);

  for (guint i = 0; conditions[i] != NULL; i++)
    if (strstr (conditions[i], placeholder) != NULL)
      return TRUE;

  return FALSE;
}

static JsonNode *
parse_body (GBytes  *body,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize       size = 0;
  const char *data = g_bytes_get_data (body, &size);

  if (size == 0)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("the body is empty"));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  return json_parser_get_root (parser) != NULL ? json_node_ref (json_parser_get_root (parser)) : NULL;
}

/* Reads a health document, if the body is one, into the result. */
static gboolean
judge_health_document (OpsCheckResult  *result,
                       OpsHttpResponse *response,
                       JsonNode        *root)
{
  g_auto (OpsHealthDocument) document = { 0 };

  if (!ops_health_document_read (root, response->content_type, &document))
    return FALSE;

  ops_check_result_set_detail_string (result, "health_format",
                                      ops_health_document_format_name (document.format));
  ops_check_result_set_detail_string (result, "health_status", document.raw_status);
  ops_check_result_set_detail (result, "components",
                               json_node_init_array (json_node_alloc (), document.components));

  switch (document.status)
    {
    case OPS_HEALTH_STATUS_HEALTHY:
      ops_check_result_set_status (result, OPS_HEALTH_STATUS_HEALTHY);
      break;
    case OPS_HEALTH_STATUS_DEGRADED:
    case OPS_HEALTH_STATUS_DOWN:
      {
        g_autoptr(GString) why = g_string_new (NULL);
        JsonArray *components = document.components;

        /* Name the components that are not healthy. */
        for (guint i = 0; i < json_array_get_length (components); i++)
          {
            JsonObject *item = json_array_get_object_element (components, i);
            const char *status = json_object_get_string_member (item, "status");

            if (g_strcmp0 (status, "healthy") != 0)
              g_string_append_printf (why, "%s%s %s", why->len > 0 ? ", " : "",
                                      json_object_get_string_member (item, "name"),
                                      json_object_has_member (item, "raw_status")
                                          ? json_object_get_string_member (item, "raw_status")
                                          : status);
          }

        if (document.output != NULL)
          ops_check_result_fail (result, document.status, _("the service reports %s: %s"),
                                 document.raw_status, document.output);
        else if (why->len > 0)
          ops_check_result_fail (result, document.status, _("the service reports %s (%s)"),
                                 document.raw_status, why->str);
        else
          ops_check_result_fail (result, document.status, _("the service reports %s"),
                                 document.raw_status);
      }
      break;
    case OPS_HEALTH_STATUS_UNKNOWN:
    default:
      if (document.raw_status == NULL)
        ops_check_result_fail (result, OPS_HEALTH_STATUS_DEGRADED,
                               _("the health document has no status"));
      break;
    }

  return TRUE;
}

static void
judge_status_code (OpsCheckResult  *result,
                   OpsHttpResponse *response)
{
  if (response->status >= 400)
    ops_check_result_fail (result, OPS_HEALTH_STATUS_DOWN, _("HTTP status %u %s"),
                           response->status, soup_status_get_phrase (response->status));
  else
    ops_check_result_set_status (result, OPS_HEALTH_STATUS_HEALTHY);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpsProbe *self = OPS_PROBE (object);
  OpsCheck *check = ops_probe_get_check (self);
  RunData  *d = g_task_get_task_data (task);
  g_autoptr(OpsHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char    *summary = NULL;
  OpsConditionContext context = { 0 };
  gboolean            judged = FALSE;

  response = ops_probe_http_fetch_finish (self, result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ops_check_result_set_timing (d->result, &response->timing);
  ops_check_result_set_detail_int (d->result, "status_code", response->status);
  ops_check_result_set_detail_string (d->result, "content_type", response->content_type);
  ops_check_result_set_detail_int (d->result, "body_size", g_bytes_get_size (response->body));
  ops_check_result_set_detail_string (d->result, "address", response->remote_ip);
  ops_probe_add_certificate_details (d->result, response->certificate,
                                     ops_check_result_get_time (d->result));

  if (is_json_type (response->content_type))
    {
      root = parse_body (response->body, &json_error);
      if (root != NULL)
        judged = judge_health_document (d->result, response, root);
      else if (g_strcmp0 (response->content_type, "application/health+json") == 0)
        {
          /* The contract: judge by the HTTP status when the body is unreadable. */
          judge_status_code (d->result, response);
          ops_check_result_fail (d->result, OPS_HEALTH_STATUS_DEGRADED,
                                 _("the health document is not valid JSON (%s); judged by the "
                                    "HTTP status alone"),
                                 json_error->message);
          judged = TRUE;
        }
      else if (!conditions_mention (check, "[BODY]"))
        ops_check_result_set_detail_string (d->result, "body_error", json_error->message);
    }

  if (!judged && !conditions_mention (check, "[STATUS]"))
    judge_status_code (d->result, response);
  else if (!judged)
    ops_check_result_set_status (d->result, OPS_HEALTH_STATUS_HEALTHY);

  context.available = OPS_PLACEHOLDER_STATUS | OPS_PLACEHOLDER_RESPONSE_TIME |
                      OPS_PLACEHOLDER_BODY | OPS_PLACEHOLDER_CONNECTED;
  context.status = response->status;
  context.response_time_ms = response->timing.total_us >= 0 ? response->timing.total_us / 1000.0 : 0;
  context.body = response->body;
  context.connected = TRUE;
  if (response->remote_ip != NULL)
    {
      context.ip = response->remote_ip;
      context.available |= OPS_PLACEHOLDER_IP;
    }
  if (response->certificate != NULL)
    {
      context.certificate_expiration_ms =
          ops_probe_certificate_expires_in (response->certificate, ops_check_result_get_time (d->result));
      context.available |= OPS_PLACEHOLDER_CERTIFICATE_EXPIRATION;
    }
  ops_probe_apply_conditions (self, d->result, &context);
  ops_condition_context_clear (&context);

  if (ops_check_result_get_detail_string (d->result, "health_status") != NULL)
    summary = g_strdup_printf (_("HTTP %u, %s"), response->status,
                               ops_check_result_get_detail_string (d->result, "health_status"));
  else
    summary = g_strdup_printf (_("HTTP %u"), response->status);
  ops_check_result_set_summary (d->result, summary);

  g_task_return_boolean (task, TRUE);
}

static void
ops_probe_http_run_async (OpsProbe           *self,
                          OpsCheckResult     *result,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  OpsCheck *check = ops_probe_get_check (self);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  const char         *body = ops_check_get_option_string (check, "body");
  SoupMessageHeaders *headers;
  RunData            *d = g_new0 (RunData, 1);

  g_task_set_source_tag (task, ops_probe_http_run_async);
  g_task_set_task_data (task, d, run_data_free);
  d->result = g_object_ref (result);

  message = ops_probe_http_new_message (self, ops_check_get_option_string (check, "method"),
                                        ops_check_get_target (check), &error);
  if (message == NULL)
    {
      g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                               _("the URL cannot be used: %s"), error->message);
      return;
    }

  headers = soup_message_get_request_headers (message);
  if (soup_message_headers_get_one (headers, "Accept") == NULL)
    soup_message_headers_replace (headers, "Accept", ACCEPT_HEADER);

  if (!ops_check_get_option_boolean (check, "follow_redirects"))
    soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  if (body != NULL && *body != '\0')
    {
      const char *type = soup_message_headers_get_content_type (headers, NULL);
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      if (type == NULL)
        type = body[0] == '{' || body[0] == '[' ? "application/json" : "text/plain";
      soup_message_set_request_body_from_bytes (message, type, bytes);
    }

  if (ops_check_get_tls_verification_disabled (check))
    ops_check_result_set_detail_string (result, "warning",
                                        _("TLS verification is turned off for this check"));

  ops_probe_http_fetch_async (self, message, ops_check_get_option_int (check, "max_body"),
                              cancellable, fetched_cb, g_steal_pointer (&task));
}

static void
ops_probe_http_class_init (OpsProbeHttpClass *klass)
{
  OpsProbeClass *probe_class = OPS_PROBE_CLASS (klass);

  probe_class->run_async = ops_probe_http_run_async;
}

static void
ops_probe_http_init (OpsProbeHttp *self)
{
}
