/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-probe-http"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ops-probe-http-fetch.h"
#include "ops-probe-net.h"

/*
 * An HTTP exchange for the HTTP and Prometheus probes: the check's
 * headers, its bearer token, its TLS trust, libsoup's metrics for the
 * timing breakdown, the phase for timeout messages, and the body read
 * with a size cap so that a 10 MB page cannot fill the memory.
 */

#define READ_CHUNK (64 * 1024)

typedef struct
{
  OpsHttpResponse     *response;
  GInputStream        *stream;
  GByteArray          *body;
  gsize                max_body;
  gint64               headers_at;
  GTlsCertificateFlags tls_errors;
  char                *host;
} FetchData;

static void
fetch_data_free (gpointer data)
{
  FetchData *d = data;

  g_clear_pointer (&d->response, ops_http_response_free);
  g_clear_object (&d->stream);
  g_clear_pointer (&d->body, g_byte_array_unref);
  g_free (d->host);
  g_free (d);
}

void
ops_http_response_free (OpsHttpResponse *response)
{
  if (response == NULL)
    return;

  g_clear_object (&response->message);
  g_clear_pointer (&response->content_type, g_free);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_object (&response->certificate);
  g_clear_pointer (&response->remote_ip, g_free);
  g_free (response);
}

static gboolean
uses_own_trust (OpsCheck *check)
{
  const char *ca_file = ops_check_get_option_string (check, "ca_file");

  return !ops_check_get_option_boolean (check, "verify_tls") || (ca_file != NULL && *ca_file != '\0');
}

/**
 * ops_probe_http_new_message:
 * @probe: an HTTP or Prometheus probe
 * @method: the request method
 * @uri: the address
 * @error: return location for a #GError
 *
 * Builds a request with the check's headers and bearer token.
 *
 * Returns: (transfer full): the message, or %NULL
 */
SoupMessage *
ops_probe_http_new_message (OpsProbe   *probe,
                            const char *method,
                            const char *uri,
                            GError    **error)
{
  OpsCheck *check = ops_probe_get_check (probe);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GUri) parsed = NULL;
  g_auto(GStrv) headers = NULL;
  SoupMessageHeaders *request;
  SoupMessageFlags    flags = SOUP_MESSAGE_COLLECT_METRICS;
  const char         *token = ops_probe_get_secret (probe);

  parsed = g_uri_parse (uri, SOUP_HTTP_URI_FLAGS, error);
  if (parsed == NULL)
    return NULL;

  message = soup_message_new_from_uri (method, parsed);
  request = soup_message_get_request_headers (message);

  headers = ops_check_dup_option_strv (check, "header");
  for (guint i = 0; headers[i] != NULL; i++)
    {
      const char      *colon = strchr (headers[i], ':');
      g_autofree char *name = g_strndup (headers[i], colon - headers[i]);
      g_autofree char *value = g_strstrip (g_strdup (colon + 1));

      soup_message_headers_replace (request, g_strstrip (name), value);
    }

  if (token != NULL && soup_message_headers_get_one (request, "Authorization") == NULL)
    {
      g_autofree char *bearer = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (request, "Authorization", bearer);
    }

  /* A check that trusts differently never shares a connection with one
   * that does not: its connections are its own and closed after use. */
  if (uses_own_trust (check))
    {
      flags |= SOUP_MESSAGE_NEW_CONNECTION;
      soup_message_headers_replace (request, "Connection", "close");
    }

  soup_message_set_flags (message, soup_message_get_flags (message) | flags);
  return g_steal_pointer (&message);
}

static gboolean
accept_certificate_cb (SoupMessage         *message,
                       GTlsCertificate     *certificate,
                       GTlsCertificateFlags errors,
                       GTask               *task)
{
  OpsProbe  *probe = g_task_get_source_object (task);
  FetchData *d = g_task_get_task_data (task);
  OpsCheck  *check = ops_probe_get_check (probe);
  g_autoptr(GSocketConnectable) identity = NULL;

  identity = g_network_address_new (g_uri_get_host (soup_message_get_uri (message)),
                                    g_uri_get_port (soup_message_get_uri (message)));
  d->tls_errors = ops_probe_context_verify_certificate (ops_probe_get_context (probe), certificate,
                                                        errors, identity,
                                                        ops_check_get_option_string (check, "ca_file"));

  return d->tls_errors == 0 || !ops_check_get_option_boolean (check, "verify_tls");
}

static void
network_event_cb (SoupMessage       *message,
                  GSocketClientEvent event,
                  GIOStream         *connection,
                  OpsProbe          *probe)
{
  switch (event)
    {
    case G_SOCKET_CLIENT_RESOLVING:
      ops_probe_set_phase (probe, N_("resolving the host name"));
      break;
    case G_SOCKET_CLIENT_CONNECTING:
      ops_probe_set_phase (probe, N_("connecting"));
      break;
    case G_SOCKET_CLIENT_TLS_HANDSHAKING:
      ops_probe_set_phase (probe, N_("during the TLS handshake"));
      break;
    case G_SOCKET_CLIENT_COMPLETE:
      ops_probe_set_phase (probe, N_("sending the request"));
      break;
    default:
      break;
    }
}

static void
wrote_body_cb (SoupMessage *message,
               OpsProbe    *probe)
{
  ops_probe_set_phase (probe, N_("waiting for the first byte"));
}

static gint64
span (guint64 start,
      guint64 end)
{
  return start > 0 && end >= start ? (gint64)(end - start) : -1;
}

static void
fill_timing (FetchData *d,
             gint64     finished_at)
{
  SoupMessageMetrics *metrics = soup_message_get_metrics (d->response->message);
  OpsProbeTiming     *t = &d->response->timing;
  guint64             connect_start, connect_end, tls_start, request_start, response_start, fetch_start;

  if (metrics == NULL)
    return;

  fetch_start = soup_message_metrics_get_fetch_start (metrics);
  connect_start = soup_message_metrics_get_connect_start (metrics);
  connect_end = soup_message_metrics_get_connect_end (metrics);
  tls_start = soup_message_metrics_get_tls_start (metrics);
  request_start = soup_message_metrics_get_request_start (metrics);
  response_start = soup_message_metrics_get_response_start (metrics);

  t->dns_us = span (soup_message_metrics_get_dns_start (metrics),
                    soup_message_metrics_get_dns_end (metrics));
  t->connect_us = span (connect_start, tls_start > 0 ? tls_start : connect_end);
  t->tls_us = span (tls_start, connect_end);
  t->first_byte_us = span (request_start, response_start);
  t->download_us = span (response_start > 0 ? response_start : (guint64)d->headers_at,
                         (guint64)finished_at);
  t->total_us = span (fetch_start, (guint64)finished_at);
}

static void
fail (GTask        *task,
      const GError *error)
{
  FetchData       *d = g_task_get_task_data (task);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_error_copy (error));
      return;
    }

  if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) && d->tls_errors != 0)
    message = ops_probe_describe_tls_errors (d->tls_errors,
                                             soup_message_get_tls_peer_certificate (d->response->message),
                                             d->host);
  else
    message = ops_probe_describe_error (error, d->host,
                                        g_uri_get_port (soup_message_get_uri (d->response->message)));

  g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE, "%s", message);
}

static void
finish (GTask *task)
{
  FetchData       *d = g_task_get_task_data (task);
  OpsHttpResponse *response = d->response;
  GSocketAddress  *remote = soup_message_get_remote_address (response->message);
  const char      *content_type;

  fill_timing (d, g_get_monotonic_time ());
  response->body = g_byte_array_free_to_bytes (g_steal_pointer (&d->body));
  response->status = soup_message_get_status (response->message);
  content_type = soup_message_headers_get_content_type (
      soup_message_get_response_headers (response->message), NULL);
  response->content_type = content_type != NULL ? g_ascii_strdown (content_type, -1) : NULL;
  if (soup_message_get_tls_peer_certificate (response->message) != NULL)
    response->certificate = g_object_ref (soup_message_get_tls_peer_certificate (response->message));
  if (remote != NULL && G_IS_INET_SOCKET_ADDRESS (remote))
    response->remote_ip = g_inet_address_to_string (
        g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));

  g_input_stream_close_async (d->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_task_return_pointer (task, g_steal_pointer (&d->response),
                         (GDestroyNotify)ops_http_response_free);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData    *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      fail (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      finish (task);
      return;
    }

  if (d->body->len + g_bytes_get_size (chunk) > d->max_body)
    {
      g_autofree char *limit = g_format_size_full (d->max_body, G_FORMAT_SIZE_IEC_UNITS);

      /* Stop reading: the connection is dropped with the stream. */
      g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_TOO_LARGE,
                               _("the response is larger than %s; raise the check’s max_body "
                                  "option or probe a smaller page"),
                               limit);
      return;
    }

  g_byte_array_append (d->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  g_input_stream_read_bytes_async (d->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   cancellable, read_cb, g_steal_pointer (&task));
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpsProbe     *probe = g_task_get_source_object (task);
  FetchData    *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  goffset length;

  d->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (d->stream == NULL)
    {
      fail (task, error);
      return;
    }

  d->headers_at = g_get_monotonic_time ();
  ops_probe_set_phase (probe, N_("reading the response"));

  /* A declared length over the cap fails before reading anything. */
  length = soup_message_headers_get_content_length (
      soup_message_get_response_headers (d->response->message));
  if (length > 0 && (gsize)length > d->max_body)
    {
      g_autofree char *limit = g_format_size_full (d->max_body, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);

      g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_TOO_LARGE,
                               _("the response is %s, larger than %s; raise the check’s max_body "
                                  "option or probe a smaller page"),
                               size, limit);
      return;
    }

  g_input_stream_read_bytes_async (d->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   cancellable, read_cb, g_steal_pointer (&task));
}

/**
 * ops_probe_http_fetch_async:
 * @probe: the probe
 * @message: a request from ops_probe_http_new_message()
 * @max_body: the most bytes of body to accept
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the response
 * @user_data: data for @callback
 *
 * Sends @message through the shared session and reads the whole answer.
 */
void
ops_probe_http_fetch_async (OpsProbe           *probe,
                            SoupMessage        *message,
                            gsize               max_body,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  GTask     *task = g_task_new (probe, cancellable, callback, user_data);
  FetchData *d = g_new0 (FetchData, 1);

  g_task_set_source_tag (task, ops_probe_http_fetch_async);
  g_task_set_task_data (task, d, fetch_data_free);

  d->response = g_new0 (OpsHttpResponse, 1);
  d->response->message = g_object_ref (message);
  d->response->timing = (OpsProbeTiming)OPS_PROBE_TIMING_INIT;
  d->body = g_byte_array_new ();
  d->max_body = max_body;
  d->host = g_strdup (g_uri_get_host (soup_message_get_uri (message)));

  g_signal_connect_object (message, "accept-certificate", G_CALLBACK (accept_certificate_cb), task, 0);
  g_signal_connect_object (message, "network-event", G_CALLBACK (network_event_cb), probe, 0);
  g_signal_connect_object (message, "wrote-body", G_CALLBACK (wrote_body_cb), probe, 0);

  ops_probe_set_phase (probe, N_("connecting"));
  soup_session_send_async (ops_probe_context_get_session (ops_probe_get_context (probe)), message,
                           G_PRIORITY_DEFAULT, cancellable, sent_cb, task);
}

/**
 * ops_probe_http_fetch_finish:
 *
 * Returns: (transfer full): the response, or %NULL with the error in words
 */
OpsHttpResponse *
ops_probe_http_fetch_finish (OpsProbe     *probe,
                             GAsyncResult *result,
                             GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, probe), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
