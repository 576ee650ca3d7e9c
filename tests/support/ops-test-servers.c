/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include <string.h>

#include "ops-test-servers.h"

typedef struct
{
  OpsTestServer     *server; /* NULL once the server is gone */
  GSocketConnection *connection;
  GCancellable      *cancellable;
  gboolean           reading; /* a read is under way: its callback frees */
  char               buffer[4096];
} Client;

static void
client_free (Client *client)
{
  g_io_stream_close (G_IO_STREAM (client->connection), NULL, NULL);
  g_object_unref (client->connection);
  g_object_unref (client->cancellable);
  g_free (client);
}

/* The server lets go of a client: one with a read under way is freed by
 * the read's callback, once the read is cancelled. */
static void
client_release (gpointer data)
{
  Client *client = data;

  client->server = NULL;
  if (client->reading)
    g_cancellable_cancel (client->cancellable);
  else
    client_free (client);
}

static void
request_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Client        *client = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (client->connection));
  gssize         n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);

  client->reading = FALSE;
  if (client->server == NULL)
    {
      client_free (client);
      return;
    }
  static const char partial[] = "HTTP/1.1 200 OK\r\n"
                                "Content-Type: text/plain\r\n"
                                "Content-Length: 1000\r\n"
                                "\r\n"
                                "only the first part of the bo";
  static const char garbage[] = "SSH-2.0-OpenSSH_9.2p1 this is not HTTP at all\r\n\x01\x02\x03\r\n\r\n";

  if (n <= 0)
    return;

  switch (client->server->mode)
    {
    case OPS_TEST_SERVER_CLOSE_EARLY:
      g_output_stream_write_all (out, partial, strlen (partial), NULL, NULL, NULL);
      g_io_stream_close (G_IO_STREAM (client->connection), NULL, NULL);
      break;
    case OPS_TEST_SERVER_GARBAGE:
      g_output_stream_write_all (out, garbage, strlen (garbage), NULL, NULL, NULL);
      g_io_stream_close (G_IO_STREAM (client->connection), NULL, NULL);
      break;
    case OPS_TEST_SERVER_SILENT:
    case OPS_TEST_SERVER_ACCEPT:
    default:
      /* Keep reading, answer nothing. */
      client->reading = TRUE;
      g_input_stream_read_async (G_INPUT_STREAM (object), client->buffer, sizeof client->buffer,
                                 G_PRIORITY_DEFAULT, client->cancellable, request_read_cb, client);
      break;
    }
}

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             OpsTestServer     *self)
{
  Client *client = g_new0 (Client, 1);

  client->server = self;
  client->connection = g_object_ref (connection);
  client->cancellable = g_cancellable_new ();
  client->reading = TRUE;
  g_ptr_array_add (self->connections, client);
  self->accepted++;

  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                             client->buffer, sizeof client->buffer, G_PRIORITY_DEFAULT,
                             client->cancellable, request_read_cb, client);
  return TRUE;
}

/**
 * ops_test_server_new:
 * @mode: how it misbehaves
 *
 * Returns: (transfer full): a listening server on 127.0.0.1
 */
OpsTestServer *
ops_test_server_new (OpsTestServerMode mode)
{
  OpsTestServer *self = g_new0 (OpsTestServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  self->mode = mode;
  self->connections = g_ptr_array_new_with_free_func (client_release);
  self->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (self->service, "incoming", G_CALLBACK (incoming_cb), self);
  g_socket_service_start (self->service);

  return self;
}

void
ops_test_server_free (OpsTestServer *self)
{
  if (self == NULL)
    return;

  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  g_signal_handlers_disconnect_by_data (self->service, self);
  g_clear_object (&self->service);
  g_ptr_array_unref (self->connections);
  g_free (self);
}

char *
ops_test_server_url (OpsTestServer *self,
                     const char    *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", self->port, path != NULL ? path : "/");
}
