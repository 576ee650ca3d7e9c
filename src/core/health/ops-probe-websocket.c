/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-probe-websocket"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ops-probe-http-fetch.h"
#include "ops-probe-kinds.h"
#include "ops-probe-net.h"

/*
 * A service's event stream (our WebSocket protocol, see the contract):
 * one connection kept open while the check runs, reading one JSON object
 * per text frame. `health-update` events of the followed service become
 * results at once; the scheduled runs report the latest state. Whether the
 * stream is connected is itself a status: a dropped or silent stream is
 * down, and it reconnects with exponential backoff (1 s doubling to 60 s,
 * ±20 % jitter). Binary frames, non-JSON text and unknown types are
 * counted and ignored; a frame over 256 KiB closes the connection (1009).
 */
struct _OpsProbeWebsocket
{
  OpsProbe parent_instance;

  /* Owned */
  SoupWebsocketConnection *connection;
  SoupMessage             *handshake;   /* of the connection attempt */
  GCancellable            *cancellable; /* of the connection attempt */
  GHashTable              *services;    /* name → status word */
  GPtrArray               *waiters;     /* GTask of one-shot runs */
  JsonObject              *last_details;
  char                    *last_error;
  char                    *last_event_error;
  GError                  *protocol_error; /* what libsoup closed the stream for */

  OpsHealthStatus service_status;
  double          service_latency_ms;
  gint64          connect_started;
  gint64          connect_us;
  gint64          last_activity;
  guint           reconnect_id;
  guint           silence_id;
  guint           attempt;
  guint           events;
  guint           ignored;
  gboolean        running; /* started: keep connected */
  gboolean        connected;
  gboolean        got_update;
};

G_DEFINE_FINAL_TYPE (OpsProbeWebsocket, ops_probe_websocket, OPS_TYPE_PROBE)

#define MAX_FRAME        (256 * 1024)
#define BACKOFF_FIRST_MS 1000
#define BACKOFF_MAX_MS   60000
#define SILENCE_CHECK_S  5

static void connect_stream (OpsProbeWebsocket *self);
static void disconnect (OpsProbeWebsocket *self,
                        const char        *why);

static const char *
followed_service (OpsProbeWebsocket *self)
{
  const char *service = ops_check_get_option_string (ops_probe_get_check (OPS_PROBE (self)), "service");

  return service != NULL && *service != '\0' ? service : NULL;
}

/* The state now, as a result. */
static OpsCheckResult *
snapshot (OpsProbeWebsocket *self)
{
  OpsCheckResult *result = ops_probe_new_result (OPS_PROBE (self));
  const char     *service = followed_service (self);
  JsonObject     *services = json_object_new ();
  GHashTableIter  iter;
  const char     *name, *status;
  OpsProbeTiming  timing = OPS_PROBE_TIMING_INIT;

  g_hash_table_iter_init (&iter, self->services);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, (gpointer *)&status))
    json_object_set_string_member (services, name, status);

  ops_check_result_set_detail_boolean (result, "connected", self->connected);
  ops_check_result_set_detail (result, "services", json_node_init_object (json_node_alloc (), services));
  json_object_unref (services);
  ops_check_result_set_detail_int (result, "events_received", self->events);
  ops_check_result_set_detail_int (result, "ignored_frames", self->ignored);
  ops_check_result_set_detail_string (result, "service", service);
  if (self->last_details != NULL)
    ops_check_result_set_detail (result, "service_details",
                                 json_node_init_object (json_node_alloc (), self->last_details));

  if (!self->connected)
    {
      ops_check_result_fail (result, OPS_HEALTH_STATUS_DOWN, _("the event stream is disconnected: %s"),
                             self->last_error != NULL ? self->last_error : _("not connected yet"));
      return result;
    }

  timing.connect_us = self->connect_us;
  if (service == NULL)
    {
      ops_check_result_set_status (result, OPS_HEALTH_STATUS_HEALTHY);
      ops_check_result_set_summary (result, _("connected"));
      timing.total_us = self->connect_us;
    }
  else if (!self->got_update)
    {
      ops_check_result_set_status (result, OPS_HEALTH_STATUS_UNKNOWN);
      ops_check_result_set_summary (result, _("connected, no update from the service yet"));
    }
  else
    {
      g_autofree char *summary = g_strdup_printf (_("%s is %s"), service,
                                                  ops_health_status_to_string (self->service_status));

      ops_check_result_set_status (result, self->service_status);
      if (self->last_event_error != NULL && self->service_status != OPS_HEALTH_STATUS_HEALTHY)
        ops_check_result_set_error (result, self->last_event_error);
      else if (self->service_status == OPS_HEALTH_STATUS_DOWN ||
               self->service_status == OPS_HEALTH_STATUS_DEGRADED)
        ops_check_result_fail (result, self->service_status, _("%s reports it is %s"), service,
                               ops_health_status_to_string (self->service_status));
      ops_check_result_set_summary (result, summary);
      if (self->service_latency_ms >= 0)
        timing.total_us = (gint64)(self->service_latency_ms * 1000);
    }

  ops_check_result_set_timing (result, &timing);
  return result;
}

/* One-shot runs wait for the first word from the stream. */
static void
answer_waiters (OpsProbeWebsocket *self)
{
  g_autoptr(GPtrArray) waiters = NULL;

  if (self->waiters->len == 0)
    return;

  waiters = g_steal_pointer (&self->waiters);
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    g_task_return_pointer (g_ptr_array_index (waiters, i), snapshot (self), g_object_unref);
}

static void
push_state (OpsProbeWebsocket *self)
{
  g_autoptr(OpsCheckResult) result = snapshot (self);

  answer_waiters (self);
  if (self->running)
    ops_probe_push_result (OPS_PROBE (self), result);
}

static void
handle_health_update (OpsProbeWebsocket *self,
                      JsonObject        *event)
{
  const char     *service = json_object_get_string_member_with_default (event, "service", NULL);
  const char     *status_word = json_object_get_string_member_with_default (event, "status", NULL);
  const char     *followed = followed_service (self);
  OpsHealthStatus status;
  JsonNode       *details;

  if (service == NULL || status_word == NULL)
    {
      self->ignored++;
      return;
    }

  if (!ops_health_status_from_string (status_word, &status))
    status = OPS_HEALTH_STATUS_UNKNOWN;
  g_hash_table_replace (self->services, g_strdup (service),
                        g_strdup (ops_health_status_to_string (status)));

  if (followed == NULL || !g_str_equal (followed, service))
    return;

  self->got_update = TRUE;
  self->service_status = status;
  self->service_latency_ms = json_object_get_double_member_with_default (event, "responseTimeMs", -1);
  g_free (self->last_event_error);
  self->last_event_error = g_strdup (json_object_get_string_member_with_default (event, "error", NULL));
  g_clear_pointer (&self->last_details, json_object_unref);
  details = json_object_get_member (event, "details");
  if (details != NULL && JSON_NODE_HOLDS_OBJECT (details))
    self->last_details = json_object_ref (json_node_get_object (details));

  push_state (self);
}

static void
message_cb (SoupWebsocketConnection *connection,
            int                      type,
            GBytes                  *message,
            OpsProbeWebsocket       *self)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode   *root;
  const char *kind;
  gsize       size = 0;
  const char *data = g_bytes_get_data (message, &size);

  self->last_activity = g_get_monotonic_time ();
  self->events++;

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    {
      self->ignored++;
      return;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      self->ignored++;
      return;
    }

  kind = json_object_get_string_member_with_default (json_node_get_object (root), "type", NULL);
  if (g_strcmp0 (kind, "health-update") == 0)
    handle_health_update (self, json_node_get_object (root));
  else if (g_strcmp0 (kind, "ping") != 0 && g_strcmp0 (kind, "alert") != 0 &&
           g_strcmp0 (kind, "workflow-update") != 0 && g_strcmp0 (kind, "load-test-update") != 0 &&
           g_strcmp0 (kind, "backup-update") != 0)
    self->ignored++;
}

static void
error_cb (SoupWebsocketConnection *connection,
          GError                  *error,
          OpsProbeWebsocket       *self)
{
  g_clear_error (&self->protocol_error);
  self->protocol_error = g_error_copy (error);
}

static char *
describe_close (OpsProbeWebsocket       *self,
                SoupWebsocketConnection *connection)
{
  gushort     code = soup_websocket_connection_get_close_code (connection);
  const char *data = soup_websocket_connection_get_close_data (connection);

  if (self->protocol_error != NULL && self->protocol_error->domain == SOUP_WEBSOCKET_ERROR &&
      self->protocol_error->code == SOUP_WEBSOCKET_CLOSE_TOO_BIG)
    code = SOUP_WEBSOCKET_CLOSE_TOO_BIG;

  if (code == SOUP_WEBSOCKET_CLOSE_TOO_BIG)
    return g_strdup (_("a frame was larger than 256 KiB, so the connection was closed"));
  if (code == 0 || code == SOUP_WEBSOCKET_CLOSE_NO_STATUS || code == SOUP_WEBSOCKET_CLOSE_ABNORMAL)
    return g_strdup (_("the server dropped the connection"));
  if (data != NULL && *data != '\0')
    return g_strdup_printf (_("the server closed the stream (%u: %s)"), code, data);
  return g_strdup_printf (_("the server closed the stream (%u)"), code);
}

static void
closed_cb (SoupWebsocketConnection *connection,
           OpsProbeWebsocket       *self)
{
  g_autofree char *why = describe_close (self, connection);

  g_clear_error (&self->protocol_error);
  disconnect (self, why);
}

static gboolean
reconnect_cb (gpointer user_data)
{
  OpsProbeWebsocket *self = user_data;

  self->reconnect_id = 0;
  connect_stream (self);
  return G_SOURCE_REMOVE;
}

/* 1 s doubling to 60 s, ±20 %. */
guint
_ops_probe_websocket_backoff_ms (guint attempt)
{
  double delay = BACKOFF_FIRST_MS;

  for (guint i = 1; i < attempt && delay < BACKOFF_MAX_MS; i++)
    delay *= 2;
  delay = MIN (delay, BACKOFF_MAX_MS);

  return (guint)(delay * g_random_double_range (0.8, 1.2));
}

static void
disconnect (OpsProbeWebsocket *self,
            const char        *why)
{
  gboolean was_connected = self->connected;

  g_clear_handle_id (&self->silence_id, g_source_remove);
  if (self->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->connection, self);
      if (soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&self->connection);
    }

  self->connected = FALSE;
  self->got_update = FALSE;
  if (why != NULL)
    {
      g_free (self->last_error);
      self->last_error = g_strdup (why);
    }

  if (self->running && self->reconnect_id == 0)
    {
      guint            delay = _ops_probe_websocket_backoff_ms (++self->attempt);
      g_autofree char *when = ops_probe_format_seconds (delay);
      g_autofree char *with_retry = g_strdup_printf (_("%s; reconnecting in %s"),
                                                     self->last_error, when);

      g_free (self->last_error);
      self->last_error = g_steal_pointer (&with_retry);
      self->reconnect_id = g_timeout_add (delay, reconnect_cb, self);
    }

  if (was_connected || self->waiters->len > 0 || why != NULL)
    push_state (self);
}

static gboolean
silence_cb (gpointer user_data)
{
  OpsProbeWebsocket *self = user_data;
  gint64             limit = ops_check_get_option_int (ops_probe_get_check (OPS_PROBE (self)), "silence_timeout");

  if (g_get_monotonic_time () - self->last_activity < limit * G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;

  self->silence_id = 0;
  {
    g_autofree char *why = g_strdup_printf (_("the stream was silent for %" G_GINT64_FORMAT " s"),
                                            limit);

    disconnect (self, why);
  }
  return G_SOURCE_REMOVE;
}

static gboolean
accept_certificate_cb (SoupMessage         *message,
                       GTlsCertificate     *certificate,
                       GTlsCertificateFlags errors,
                       OpsProbeWebsocket   *self)
{
  OpsCheck *check = ops_probe_get_check (OPS_PROBE (self));
  g_autoptr(GSocketConnectable) identity = NULL;
  GTlsCertificateFlags left;

  identity = g_network_address_new (g_uri_get_host (soup_message_get_uri (message)),
                                    g_uri_get_port (soup_message_get_uri (message)));
  left = ops_probe_context_verify_certificate (ops_probe_get_context (OPS_PROBE (self)),
                                               certificate, errors, identity,
                                               ops_check_get_option_string (check, "ca_file"));
  if (left != 0)
    {
      g_free (self->last_error);
      self->last_error = ops_probe_describe_tls_errors (left, certificate,
                                                        g_uri_get_host (soup_message_get_uri (message)));
    }

  return left == 0 || !ops_check_get_option_boolean (check, "verify_tls");
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpsProbeWebsocket) self = user_data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *connection;

  connection = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  if (connection == NULL)
    {
      g_autofree char *why = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) && self->last_error != NULL)
        why = g_strdup (self->last_error);
      else if (error->domain == SOUP_WEBSOCKET_ERROR && self->handshake != NULL &&
               soup_message_get_status (self->handshake) >= 400)
        why = g_strdup_printf (_("the server did not accept the event stream: HTTP %u %s"),
                               soup_message_get_status (self->handshake),
                               soup_status_get_phrase (soup_message_get_status (self->handshake)));
      else if (error->domain == SOUP_WEBSOCKET_ERROR)
        why = g_strdup_printf (_("the server did not accept the event stream: %s"), error->message);
      else if (self->handshake != NULL)
        why = ops_probe_describe_error (error, g_uri_get_host (soup_message_get_uri (self->handshake)),
                                        g_uri_get_port (soup_message_get_uri (self->handshake)));
      else
        why = ops_probe_describe_error (error, NULL, 0);
      g_clear_object (&self->handshake);
      disconnect (self, why);
      return;
    }

  g_clear_object (&self->handshake);
  self->connection = connection;
  self->connected = TRUE;
  self->attempt = 0;
  self->connect_us = g_get_monotonic_time () - self->connect_started;
  self->last_activity = g_get_monotonic_time ();
  g_clear_pointer (&self->last_error, g_free);

  soup_websocket_connection_set_max_incoming_payload_size (connection, MAX_FRAME);
  g_signal_connect (connection, "message", G_CALLBACK (message_cb), self);
  g_signal_connect (connection, "closed", G_CALLBACK (closed_cb), self);
  g_signal_connect (connection, "error", G_CALLBACK (error_cb), self);
  self->silence_id = g_timeout_add_seconds (SILENCE_CHECK_S, silence_cb, self);

  if (ops_check_get_option_boolean (ops_probe_get_check (OPS_PROBE (self)), "subscribe"))
    soup_websocket_connection_send_text (connection,
                                         "{\"type\":\"subscribe\",\"events\":[\"health-update\"]}");

  /* Without a followed service, being connected is the answer. */
  if (followed_service (self) == NULL)
    push_state (self);
}

static void
connect_stream (OpsProbeWebsocket *self)
{
  OpsProbe *probe = OPS_PROBE (self);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  const char      *target = ops_check_get_target (ops_probe_get_check (probe));

  /* libsoup speaks ws:// as http:// with an upgrade. */
  if (g_str_has_prefix (target, "ws://"))
    uri = g_strconcat ("http://", target + 5, NULL);
  else if (g_str_has_prefix (target, "wss://"))
    uri = g_strconcat ("https://", target + 6, NULL);
  else
    uri = g_strdup (target);

  message = ops_probe_http_new_message (probe, "GET", uri, &error);
  if (message == NULL)
    {
      disconnect (self, error->message);
      return;
    }
  g_signal_connect_object (message, "accept-certificate", G_CALLBACK (accept_certificate_cb), self, 0);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->handshake, message);
  self->connect_started = g_get_monotonic_time ();
  soup_session_websocket_connect_async (ops_probe_context_get_session (ops_probe_get_context (probe)),
                                        message, NULL, NULL, G_PRIORITY_DEFAULT, self->cancellable,
                                        connected_cb, g_object_ref (self));
}

static void
ops_probe_websocket_start (OpsProbe *probe)
{
  OpsProbeWebsocket *self = OPS_PROBE_WEBSOCKET (probe);

  if (self->running)
    return;

  self->running = TRUE;
  self->attempt = 0;
  if (self->connection == NULL && self->reconnect_id == 0)
    connect_stream (self);
}

static void
ops_probe_websocket_stop (OpsProbe *probe)
{
  OpsProbeWebsocket *self = OPS_PROBE_WEBSOCKET (probe);

  self->running = FALSE;
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->connection != NULL || self->connected)
    disconnect (self, _("stopped"));
}

static void
waiter_cancelled_cb (GCancellable      *cancellable,
                     OpsProbeWebsocket *self)
{
  /* A one-shot run timed out: drop its waiter and the stream it opened. */
  for (guint i = 0; i < self->waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (self->waiters, i);

      if (g_task_get_cancellable (task) == cancellable)
        {
          g_object_ref (task);
          g_ptr_array_remove_index (self->waiters, i);
          g_task_return_error_if_cancelled (task);
          g_object_unref (task);
          break;
        }
    }

  if (!self->running)
    ops_probe_websocket_stop (OPS_PROBE (self));
}

static void
ops_probe_websocket_run_async (OpsProbe           *probe,
                               OpsCheckResult     *result,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  OpsProbeWebsocket *self = OPS_PROBE_WEBSOCKET (probe);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ops_probe_websocket_run_async);
  g_task_set_task_data (task, g_object_ref (result), g_object_unref);

  /* A stream that is kept open: report what it says now. */
  if (self->running)
    {
      g_task_return_pointer (task, snapshot (self), g_object_unref);
      return;
    }

  /* A single run (the Test button, `check run`): connect and wait for the
   * first word, or for the timeout. */
  ops_probe_set_phase (probe, followed_service (self) != NULL
                                  ? N_("waiting for a health-update of the service")
                                  : N_("connecting to the event stream"));
  g_ptr_array_add (self->waiters, g_object_ref (task));
  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (waiter_cancelled_cb), self, NULL);
  if (self->connection == NULL)
    connect_stream (self);
}

static gboolean
ops_probe_websocket_run_finish (OpsProbe     *probe,
                                GAsyncResult *result,
                                GError      **error)
{
  OpsProbeWebsocket *self = OPS_PROBE_WEBSOCKET (probe);
  g_autoptr(OpsCheckResult) state = g_task_propagate_pointer (G_TASK (result), error);
  OpsCheckResult *run = NULL;
  GCancellable   *cancellable = g_task_get_cancellable (G_TASK (result));

  if (cancellable != NULL)
    g_signal_handlers_disconnect_by_func (cancellable, waiter_cancelled_cb, self);

  /* A one-shot run closes the stream it opened. */
  if (!self->running && self->connection != NULL)
    ops_probe_websocket_stop (probe);

  if (state == NULL)
    return FALSE;

  /* The snapshot becomes the run's result. */
  run = g_task_get_task_data (G_TASK (result));
  ops_check_result_copy_outcome (state, run);
  return TRUE;
}

static void
ops_probe_websocket_dispose (GObject *object)
{
  OpsProbeWebsocket *self = OPS_PROBE_WEBSOCKET (object);

  ops_probe_websocket_stop (OPS_PROBE (self));
  g_clear_object (&self->cancellable);
  g_clear_object (&self->handshake);

  G_OBJECT_CLASS (ops_probe_websocket_parent_class)->dispose (object);
}

static void
ops_probe_websocket_finalize (GObject *object)
{
  OpsProbeWebsocket *self = OPS_PROBE_WEBSOCKET (object);

  g_clear_pointer (&self->services, g_hash_table_unref);
  g_clear_pointer (&self->waiters, g_ptr_array_unref);
  g_clear_pointer (&self->last_details, json_object_unref);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->last_event_error, g_free);
  g_clear_error (&self->protocol_error);

  G_OBJECT_CLASS (ops_probe_websocket_parent_class)->finalize (object);
}

static void
ops_probe_websocket_class_init (OpsProbeWebsocketClass *klass)
{
  GObjectClass  *object_class = G_OBJECT_CLASS (klass);
  OpsProbeClass *probe_class = OPS_PROBE_CLASS (klass);

  object_class->dispose = ops_probe_websocket_dispose;
  object_class->finalize = ops_probe_websocket_finalize;

  probe_class->run_async = ops_probe_websocket_run_async;
  probe_class->run_finish = ops_probe_websocket_run_finish;
  probe_class->start = ops_probe_websocket_start;
  probe_class->stop = ops_probe_websocket_stop;
}

static void
ops_probe_websocket_init (OpsProbeWebsocket *self)
{
  self->services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->service_latency_ms = -1;
}
