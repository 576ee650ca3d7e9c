/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ops-test-stand-in.h"

#define STALL_AFTER_USEC (700 * 1000)
#define STALL_USEC       G_USEC_PER_SEC

struct _OpsStandIn
{
  OpsStandInMode mode;
  int            listen_fd;
  guint16        port;
  GThread       *acceptor;
  GMutex         lock;
  GPtrArray     *threads;
  int            stopping;      /* atomic */
  int            answered;      /* atomic */
  int            requests;      /* atomic */
  gint64         first_request; /* monotonic µs, atomic via lock */
};

typedef struct
{
  OpsStandIn *server;
  int         fd;
} Connection;

static gboolean
wait_readable (OpsStandIn *self,
               int         fd)
{
  struct pollfd p = { .fd = fd, .events = POLLIN };

  while (!g_atomic_int_get (&self->stopping))
    if (poll (&p, 1, 50) > 0)
      return TRUE;

  return FALSE;
}

/* Reads one request head; FALSE when the client closed or we stop. */
static gboolean
read_request (OpsStandIn *self,
              int         fd,
              GString    *pending)
{
  char buffer[4096];

  while (strstr (pending->str, "\r\n\r\n") == NULL)
    {
      ssize_t n;

      if (!wait_readable (self, fd))
        return FALSE;
      n = recv (fd, buffer, sizeof buffer, 0);
      if (n <= 0)
        return FALSE;
      g_string_append_len (pending, buffer, n);
    }

  g_string_erase (pending, 0, strstr (pending->str, "\r\n\r\n") - pending->str + 4);
  g_atomic_int_inc (&self->requests);
  return TRUE;
}

static gboolean
send_all (int         fd,
          const char *data,
          gsize       length)
{
  while (length > 0)
    {
      ssize_t n = send (fd, data, length, MSG_NOSIGNAL);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }

  return TRUE;
}

static const char ok_response[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

static void
stall_if_due (OpsStandIn *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 start;

  g_mutex_lock (&self->lock);
  if (self->first_request == 0)
    self->first_request = now;
  start = self->first_request + STALL_AFTER_USEC;
  g_mutex_unlock (&self->lock);

  if (now >= start && now < start + STALL_USEC)
    g_usleep (start + STALL_USEC - now);
}

static gboolean
answer_chunked (int   fd,
                guint n)
{
  static const gsize sizes[] = { 0, 1, 100, 4096, 100000 };
  gsize              size = sizes[n % G_N_ELEMENTS (sizes)];
  g_autoptr(GString) response = g_string_new ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
  gsize left = size;

  /* Chunks of at most 3000 bytes, with an extension on the first. */
  while (left > 0)
    {
      gsize chunk = MIN (left, 3000);

      g_string_append_printf (response, left == size ? "%zx;note=first\r\n" : "%zx\r\n", chunk);
      for (gsize i = 0; i < chunk; i++)
        g_string_append_c (response, 'a' + i % 26);
      g_string_append (response, "\r\n");
      left -= chunk;
    }
  g_string_append (response, "0\r\nX-Trailer: yes\r\n\r\n");

  return send_all (fd, response->str, response->len);
}

static gpointer
connection_thread (gpointer data)
{
  Connection *connection = data;
  OpsStandIn *self = connection->server;
  g_autoptr(GString) pending = g_string_new (NULL);
  static const char *const malformed[] = {
    "HTTP/1.1 abc OK\r\n\r\n",
    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    "HTTP/1.1 200 OK\nContent-Length: 0\n\n",
    "\x16\x03\x01 this is not HTTP\r\n\r\n",
    "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
  };
  guint n = 0;

  while (read_request (self, connection->fd, pending))
    {
      gboolean keep = TRUE;

      switch (self->mode)
        {
        case OPS_STAND_IN_STALL:
          stall_if_due (self);
          keep = send_all (connection->fd, ok_response, sizeof ok_response - 1);
          break;
        case OPS_STAND_IN_MALFORMED:
          send_all (connection->fd, malformed[g_atomic_int_get (&self->requests) % G_N_ELEMENTS (malformed)],
                    strlen (malformed[g_atomic_int_get (&self->requests) % G_N_ELEMENTS (malformed)]));
          keep = FALSE;
          break;
        case OPS_STAND_IN_RANDOM_CLOSE:
          if (g_random_int_range (0, 3) == 0)
            keep = FALSE;
          else
            keep = send_all (connection->fd, ok_response, sizeof ok_response - 1);
          break;
        case OPS_STAND_IN_SILENT:
          break;
        case OPS_STAND_IN_CHUNKED:
          keep = answer_chunked (connection->fd, n);
          break;
        default:
          g_assert_not_reached ();
        }

      if (!keep)
        break;
      if (self->mode != OPS_STAND_IN_SILENT)
        g_atomic_int_inc (&self->answered);
      n++;
    }

  close (connection->fd);
  g_free (connection);
  return NULL;
}

static gpointer
accept_thread (gpointer data)
{
  OpsStandIn *self = data;

  while (wait_readable (self, self->listen_fd))
    {
      Connection *connection;
      int         fd = accept4 (self->listen_fd, NULL, NULL, SOCK_CLOEXEC);

      if (fd < 0)
        continue;
      connection = g_new0 (Connection, 1);
      connection->server = self;
      connection->fd = fd;
      g_mutex_lock (&self->lock);
      g_ptr_array_add (self->threads, g_thread_new ("stand-in-connection", connection_thread, connection));
      g_mutex_unlock (&self->lock);
    }

  return NULL;
}

OpsStandIn *
ops_stand_in_start (OpsStandInMode mode)
{
  OpsStandIn        *self = g_new0 (OpsStandIn, 1);
  struct sockaddr_in address = { .sin_family = AF_INET, .sin_addr.s_addr = htonl (INADDR_LOOPBACK) };
  socklen_t          length = sizeof address;
  int                one = 1;

  self->mode = mode;
  g_mutex_init (&self->lock);
  self->threads = g_ptr_array_new ();
  self->listen_fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  g_assert_cmpint (self->listen_fd, >=, 0);
  setsockopt (self->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  g_assert_cmpint (bind (self->listen_fd, (struct sockaddr *)&address, sizeof address), ==, 0);
  g_assert_cmpint (listen (self->listen_fd, 1024), ==, 0);
  g_assert_cmpint (getsockname (self->listen_fd, (struct sockaddr *)&address, &length), ==, 0);
  self->port = ntohs (address.sin_port);
  self->acceptor = g_thread_new ("stand-in-accept", accept_thread, self);

  return self;
}

char *
ops_stand_in_url (OpsStandIn *self)
{
  return g_strdup_printf ("http://127.0.0.1:%u/", self->port);
}

guint
ops_stand_in_answered (OpsStandIn *self)
{
  return g_atomic_int_get (&self->answered);
}

void
ops_stand_in_stop (OpsStandIn *self)
{
  g_atomic_int_set (&self->stopping, 1);
  g_thread_join (self->acceptor);
  close (self->listen_fd);
  for (guint i = 0; i < self->threads->len; i++)
    g_thread_join (self->threads->pdata[i]);
  g_ptr_array_unref (self->threads);
  g_mutex_clear (&self->lock);
  g_free (self);
}
