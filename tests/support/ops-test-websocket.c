/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include <string.h>

#include "ops-test-websocket.h"

/* The endpoint of the contract's example. */
#define PATH "/ws/events"

static void
message_cb (SoupWebsocketConnection *connection,
            int                      type,
            GBytes                  *message,
            OpsTestWebsocket        *self)
{
  if (type == SOUP_WEBSOCKET_DATA_TEXT)
    g_ptr_array_add (self->received, g_strndup (g_bytes_get_data (message, NULL),
                                                g_bytes_get_size (message)));
}

static void
closed_cb (SoupWebsocketConnection *connection,
           OpsTestWebsocket        *self)
{
  g_ptr_array_remove (self->connections, connection);
}

static void
websocket_cb (SoupServer              *server,
              SoupServerMessage       *message,
              const char              *path,
              SoupWebsocketConnection *connection,
              gpointer                 user_data)
{
  OpsTestWebsocket *self = user_data;

  self->n_connected++;
  g_signal_connect (connection, "message", G_CALLBACK (message_cb), self);
  g_signal_connect (connection, "closed", G_CALLBACK (closed_cb), self);
  g_ptr_array_add (self->connections, g_object_ref (connection));
}

/* The handshake needs the token when the stand-in has one. */
static void
early_handler (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  OpsTestWebsocket *self = user_data;
  const char       *authorization;
  g_autofree char  *expected = NULL;

  if (self->token == NULL)
    return;

  authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                "Authorization");
  expected = g_strdup_printf ("Bearer %s", self->token);
  if (g_strcmp0 (authorization, expected) != 0)
    {
      self->n_refused++;
      soup_server_message_set_status (message, SOUP_STATUS_UNAUTHORIZED, NULL);
    }
}

/**
 * ops_test_websocket_new:
 * @token: (nullable): a bearer token to require
 *
 * Returns: (transfer full): the stand-in, listening on 127.0.0.1
 */
OpsTestWebsocket *
ops_test_websocket_new (const char *token)
{
  OpsTestWebsocket *self = g_new0 (OpsTestWebsocket, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  self->token = g_strdup (token);
  self->connections = g_ptr_array_new_with_free_func (g_object_unref);
  self->received = g_ptr_array_new_with_free_func (g_free);
  self->server = soup_server_new (NULL, NULL);

  /* A plain handler runs before the upgrade and can refuse it. */
  soup_server_add_early_handler (self->server, PATH, early_handler, self, NULL);
  soup_server_add_websocket_handler (self->server, PATH, NULL, NULL, websocket_cb, self, NULL);

  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  self->port = g_uri_get_port (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify)g_uri_unref);

  return self;
}

void
ops_test_websocket_free (OpsTestWebsocket *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->connections->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->connections, i), self);
  g_ptr_array_unref (self->connections);
  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_ptr_array_unref (self->received);
  g_free (self->token);
  g_free (self);
}

char *
ops_test_websocket_url (OpsTestWebsocket *self)
{
  return g_strdup_printf ("ws://127.0.0.1:%u" PATH, self->port);
}

/* Sends one text frame to every connected client. */
void
ops_test_websocket_send (OpsTestWebsocket *self,
                         const char       *text)
{
  for (guint i = 0; i < self->connections->len; i++)
    {
      SoupWebsocketConnection *connection = g_ptr_array_index (self->connections, i);

      if (soup_websocket_connection_get_state (connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_send_text (connection, text);
    }
}

void
ops_test_websocket_send_health (OpsTestWebsocket *self,
                                const char       *service,
                                const char       *status,
                                double            response_time_ms,
                                const char       *error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  g_autofree char *text = NULL;
  char             number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (number, sizeof number, response_time_ms);
  if (error != NULL)
    text = g_strdup_printf ("{\"type\":\"health-update\",\"time\":\"%s\",\"service\":\"%s\","
                            "\"status\":\"%s\",\"error\":\"%s\"}",
                            time, service, status, error);
  else
    text = g_strdup_printf ("{\"type\":\"health-update\",\"time\":\"%s\",\"service\":\"%s\","
                            "\"status\":\"%s\",\"responseTimeMs\":%s,"
                            "\"details\":{\"connections\":42}}",
                            time, service, status, number);
  ops_test_websocket_send (self, text);
}

void
ops_test_websocket_send_binary (OpsTestWebsocket *self,
                                gsize             size)
{
  g_autofree guint8 *data = g_malloc0 (size);

  for (guint i = 0; i < self->connections->len; i++)
    soup_websocket_connection_send_binary (g_ptr_array_index (self->connections, i), data, size);
}

/* Drops every connection without a close frame, as a crash would. */
void
ops_test_websocket_drop (OpsTestWebsocket *self)
{
  g_autoptr(GPtrArray) connections = g_ptr_array_ref (self->connections);

  self->connections = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < connections->len; i++)
    {
      SoupWebsocketConnection *connection = g_ptr_array_index (connections, i);

      g_signal_handlers_disconnect_by_data (connection, self);
      g_io_stream_close (soup_websocket_connection_get_io_stream (connection), NULL, NULL);
    }
}
