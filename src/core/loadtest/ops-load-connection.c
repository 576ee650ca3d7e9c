/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define _GNU_SOURCE
#define G_LOG_DOMAIN "ops-loadtest"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "ops-load-engine-private.h"

/* One connection of a worker: connect, TLS handshake, write the request,
 * read and parse the response, time it, and go again. */

void
_ops_load_note_failure (Worker        *worker,
                        OpsLoadFailure failure,
                        const char    *detail)
{
  worker->current->failures[failure]++;
  if (worker->notes[failure] == NULL && detail != NULL)
    worker->notes[failure] = g_strdup (detail);
}

/* Connections */

static void
set_events (Conn   *conn,
            guint32 events)
{
  struct epoll_event event = { .events = events, .data.ptr = conn };

  if (conn->events == events)
    return;
  epoll_ctl (conn->worker->epoll_fd, EPOLL_CTL_MOD, conn->fd, &event);
  conn->events = events;
}

void
_ops_load_conn_close (Conn *conn)
{
  if (conn->tls != NULL)
    {
      gnutls_deinit (conn->tls);
      conn->tls = NULL;
    }
  if (conn->fd >= 0)
    {
      close (conn->fd); /* also removes it from the epoll set */
      conn->fd = -1;
    }
  conn->state = CONN_CLOSED;
  conn->events = 0;
  conn->length = 0;
}

gboolean
_ops_load_conn_in_flight (Conn *conn)
{
  return conn->state == CONN_WRITING || conn->state == CONN_READING;
}

static void
conn_fail (Conn          *conn,
           OpsLoadFailure failure,
           const char    *detail,
           gint64         now)
{
  _ops_load_note_failure (conn->worker, failure, detail);
  _ops_load_conn_close (conn);
  /* Do not hammer a server that refuses connections. */
  if (failure == OPS_LOAD_FAILURE_CONNECT || failure == OPS_LOAD_FAILURE_TLS)
    conn->retry_ns = now + TICK_NS;
}

static void conn_ready (Conn  *conn,
                        gint64 now);

static void
conn_open (Conn  *conn,
           gint64 now)
{
  Worker            *worker = conn->worker;
  OpsLoadEngine     *engine = worker->engine;
  struct epoll_event event = { .events = EPOLLOUT, .data.ptr = conn };
  int                one = 1;
  int                fd;

  fd = socket (engine->address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    {
      conn_fail (conn, OPS_LOAD_FAILURE_CONNECT, g_strerror (errno), now);
      return;
    }
  setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

  conn->fd = fd;
  conn->fresh = TRUE;
  conn->length = 0;
  worker->current->connections_opened++;

  if (connect (fd, (struct sockaddr *)&engine->address, engine->address_length) < 0 &&
      errno != EINPROGRESS)
    {
      conn_fail (conn, OPS_LOAD_FAILURE_CONNECT, g_strerror (errno), now);
      return;
    }

  conn->state = CONN_CONNECTING;
  conn->deadline_ns = now + engine->scenario->timeout_usec * 1000;
  epoll_ctl (worker->epoll_fd, EPOLL_CTL_ADD, fd, &event);
  conn->events = EPOLLOUT;
}

static void
conn_handshake (Conn  *conn,
                gint64 now)
{
  int rc = gnutls_handshake (conn->tls);

  if (rc == GNUTLS_E_SUCCESS)
    {
      set_events (conn, EPOLLIN);
      conn_ready (conn, now);
      return;
    }
  if (rc == GNUTLS_E_AGAIN || rc == GNUTLS_E_INTERRUPTED)
    {
      set_events (conn, gnutls_record_get_direction (conn->tls) ? EPOLLOUT : EPOLLIN);
      return;
    }

  if (rc == GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR)
    {
      gnutls_datum_t   out = { 0 };
      unsigned         status = gnutls_session_get_verify_cert_status (conn->tls);
      g_autofree char *detail = NULL;

      gnutls_certificate_verification_status_print (status, GNUTLS_CRT_X509, &out, 0);
      detail = g_strdup_printf (_("the server’s certificate was refused: %s"),
                                out.data != NULL ? (const char *)out.data : gnutls_strerror (rc));
      gnutls_free (out.data);
      conn_fail (conn, OPS_LOAD_FAILURE_TLS, detail, now);
      return;
    }

  conn_fail (conn, OPS_LOAD_FAILURE_TLS, gnutls_strerror (rc), now);
}

static void
conn_connected (Conn  *conn,
                gint64 now)
{
  OpsLoadEngine *engine = conn->worker->engine;
  int            error = 0;
  socklen_t      length = sizeof error;

  if (getsockopt (conn->fd, SOL_SOCKET, SO_ERROR, &error, &length) < 0 || error != 0)
    {
      conn_fail (conn, OPS_LOAD_FAILURE_CONNECT, g_strerror (error != 0 ? error : errno), now);
      return;
    }

  if (!engine->tls)
    {
      set_events (conn, EPOLLIN);
      conn_ready (conn, now);
      return;
    }

  gnutls_init (&conn->tls, GNUTLS_CLIENT | GNUTLS_NONBLOCK | GNUTLS_NO_SIGNAL);
  gnutls_set_default_priority (conn->tls);
  gnutls_credentials_set (conn->tls, GNUTLS_CRD_CERTIFICATE, engine->credentials);
  if (!g_hostname_is_ip_address (engine->host))
    gnutls_server_name_set (conn->tls, GNUTLS_NAME_DNS, engine->host, strlen (engine->host));
  if (!engine->scenario->insecure)
    gnutls_session_set_verify_cert (conn->tls, engine->host, 0);
  gnutls_transport_set_int (conn->tls, conn->fd);
  conn->state = CONN_HANDSHAKE;
  conn_handshake (conn, now);
}

/* Writes what is left of the request. */
static void
conn_write (Conn  *conn,
            gint64 now)
{
  OpsLoadEngine *engine = conn->worker->engine;

  while (conn->written < engine->request_length)
    {
      const char *data = engine->request + conn->written;
      gsize       left = engine->request_length - conn->written;
      ssize_t     n;

      if (conn->tls != NULL)
        {
          n = gnutls_record_send (conn->tls, data, left);
          if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED)
            {
              conn->state = CONN_WRITING;
              set_events (conn, EPOLLIN | EPOLLOUT);
              return;
            }
          if (n < 0)
            {
              conn_fail (conn, OPS_LOAD_FAILURE_WRITE, gnutls_strerror (n), now);
              return;
            }
        }
      else
        {
          n = send (conn->fd, data, left, MSG_NOSIGNAL);
          if (n < 0 && (errno == EAGAIN || errno == EINTR))
            {
              conn->state = CONN_WRITING;
              set_events (conn, EPOLLIN | EPOLLOUT);
              return;
            }
          if (n < 0)
            {
              conn_fail (conn, OPS_LOAD_FAILURE_WRITE, g_strerror (errno), now);
              return;
            }
        }

      conn->written += n;
      conn->worker->current->bytes_out += n;
    }

  conn->state = CONN_READING;
  set_events (conn, EPOLLIN);
}

static void
conn_send (Conn  *conn,
           gint64 start_ns,
           gint64 now)
{
  Worker *worker = conn->worker;

  conn->start_ns = start_ns;
  conn->deadline_ns = now + worker->engine->scenario->timeout_usec * 1000;
  conn->written = 0;
  conn->length = 0;
  ops_http_parser_init (&conn->parser, worker->engine->head_request);
  worker->current->requests++;
  conn->state = CONN_WRITING;
  conn_write (conn, now);
}

/* When the next request is due, in constant-rate mode. */
gint64
_ops_load_next_due (Worker *worker,
                    gint64  due)
{
  OpsLoadEngine *engine = worker->engine;

  for (;;)
    {
      double rate = ops_load_scenario_target_at (engine->scenario, (due - engine->start_ns) / 1000) * worker->share;

      if (due >= engine->end_ns)
        return G_MAXINT64;
      if (rate >= 1e-3)
        return due + (gint64)(NS_PER_SEC / rate);
      due += NS_PER_SEC / 1000; /* nothing to send yet: look again 1 ms later */
    }
}

/* Constant rate: hands each request that is due to an idle connection,
 * with the time it was due, so that waiting for a connection counts in its
 * latency. */
void
_ops_load_dispatch_due (Worker *worker,
                        gint64  now)
{
  if (worker->draining)
    return;

  for (guint i = 0; i < worker->n_conns && worker->next_due_ns <= now; i++)
    {
      Conn *conn = &worker->conns[i];

      if (conn->state != CONN_IDLE)
        continue;
      conn_send (conn, worker->next_due_ns, now);
      worker->next_due_ns = _ops_load_next_due (worker, worker->next_due_ns);
    }
}

/* A connection is ready for a request. */
static void
conn_ready (Conn  *conn,
            gint64 now)
{
  Worker        *worker = conn->worker;
  OpsLoadEngine *engine = worker->engine;

  conn->state = CONN_IDLE;
  if (worker->draining)
    return;

  if (engine->scenario->mode == OPS_LOAD_MODE_MAX_THROUGHPUT)
    {
      if (conn->index < worker->active)
        conn_send (conn, now, now);
    }
  else if (worker->next_due_ns <= now)
    {
      conn_send (conn, worker->next_due_ns, now);
      worker->next_due_ns = _ops_load_next_due (worker, worker->next_due_ns);
    }
}

static void
response_complete (Conn  *conn,
                   gint64 now)
{
  Worker          *worker = conn->worker;
  OpsLoadCounters *counters = worker->current;
  guint            status = conn->parser.status;
  guint            status_class = status / 100;

  counters->responses++;
  counters->status[status_class >= 2 && status_class <= 5 ? status_class : 0]++;
  ops_load_histogram_record (&counters->latency, now > conn->start_ns ? now - conn->start_ns : 0);
  conn->fresh = FALSE;
  conn->length = 0;

  if (!conn->parser.keep_alive)
    {
      _ops_load_conn_close (conn);
      if (!worker->draining)
        conn_open (conn, now);
      return;
    }

  conn_ready (conn, now);
}

static void
conn_eof (Conn  *conn,
          gint64 now)
{
  if (conn->state == CONN_READING || conn->state == CONN_WRITING)
    {
      gboolean nothing_received = ops_http_parser_in_head (&conn->parser) && conn->length == 0;

      if (ops_http_parser_finish (&conn->parser) == OPS_HTTP_PARSE_DONE)
        {
          conn->parser.keep_alive = FALSE;
          response_complete (conn, now);
        }
      else if (nothing_received)
        conn_fail (conn, OPS_LOAD_FAILURE_READ,
                   _("the server closed the connection without answering"), now);
      else
        conn_fail (conn, OPS_LOAD_FAILURE_PARSE,
                   ops_http_parser_error_message (conn->parser.error), now);
      return;
    }

  /* An idle keep-alive connection the server closed: open another. */
  _ops_load_conn_close (conn);
}

static void
conn_read (Conn  *conn,
           gint64 now)
{
  Worker  *worker = conn->worker;
  gboolean more = TRUE;

  while (more)
    {
      ssize_t            n;
      gsize              consumed;
      OpsHttpParseStatus status;

      if (conn->tls != NULL)
        {
          n = gnutls_record_recv (conn->tls, conn->buffer + conn->length, BUFFER_SIZE - conn->length);
          if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED)
            return;
          if (n == GNUTLS_E_PREMATURE_TERMINATION)
            n = 0;
          if (n < 0)
            {
              conn_fail (conn, OPS_LOAD_FAILURE_TLS, gnutls_strerror (n), now);
              return;
            }
        }
      else
        {
          n = recv (conn->fd, conn->buffer + conn->length, BUFFER_SIZE - conn->length, 0);
          if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return;
          if (n < 0)
            {
              conn_fail (conn, OPS_LOAD_FAILURE_READ, g_strerror (errno), now);
              return;
            }
        }

      if (n == 0)
        {
          conn_eof (conn, now);
          return;
        }

      worker->current->bytes_in += n;
      if (!_ops_load_conn_in_flight (conn))
        {
          conn_fail (conn, OPS_LOAD_FAILURE_PARSE, _("the server sent data that no request asked for"), now);
          return;
        }

      conn->length += n;
      status = ops_http_parser_feed (&conn->parser, conn->buffer, conn->length, &consumed);
      switch (status)
        {
        case OPS_HTTP_PARSE_MORE:
          if (consumed > 0 && consumed < conn->length)
            memmove (conn->buffer, conn->buffer + consumed, conn->length - consumed);
          conn->length -= consumed;
          if (conn->length == BUFFER_SIZE)
            {
              conn_fail (conn, OPS_LOAD_FAILURE_PARSE,
                         ops_http_parser_error_message (OPS_HTTP_PARSER_HEAD_TOO_LARGE), now);
              return;
            }
          break;

        case OPS_HTTP_PARSE_DONE:
          if (consumed != conn->length)
            {
              conn_fail (conn, OPS_LOAD_FAILURE_PARSE,
                         _("the server sent more than the response it announced"), now);
              return;
            }
          response_complete (conn, now);
          return;

        case OPS_HTTP_PARSE_ERROR:
        default:
          conn_fail (conn, OPS_LOAD_FAILURE_PARSE, ops_http_parser_error_message (conn->parser.error), now);
          return;
        }

      /* TLS may hold decrypted bytes that epoll cannot see. */
      more = conn->tls != NULL && gnutls_record_check_pending (conn->tls) > 0;
    }
}

void
_ops_load_conn_event (Conn   *conn,
                      guint32 events,
                      gint64  now)
{
  switch (conn->state)
    {
    case CONN_CONNECTING:
      conn_connected (conn, now);
      break;
    case CONN_HANDSHAKE:
      conn_handshake (conn, now);
      break;
    case CONN_WRITING:
      if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))
        conn_write (conn, now);
      if (conn->state == CONN_READING && (events & EPOLLIN))
        conn_read (conn, now);
      break;
    case CONN_READING:
    case CONN_IDLE:
      conn_read (conn, now);
      break;
    case CONN_CLOSED:
    default:
      break;
    }
}

/* Every tick: timeouts, reconnections, stages. */
void
_ops_load_housekeeping (Worker *worker,
                        gint64  now)
{
  OpsLoadEngine *engine = worker->engine;

  if (engine->scenario->mode == OPS_LOAD_MODE_MAX_THROUGHPUT && !worker->draining)
    {
      double target = ops_load_scenario_target_at (engine->scenario, (now - engine->start_ns) / 1000);
      int    total = MAX (1, (int)lround (target));
      int    mine = (total - (int)worker->index + (int)engine->n_workers - 1) / (int)engine->n_workers;

      worker->active = CLAMP (mine, 0, (int)worker->n_conns);
    }

  for (guint i = 0; i < worker->n_conns; i++)
    {
      Conn    *conn = &worker->conns[i];
      gboolean wanted = engine->scenario->mode == OPS_LOAD_MODE_CONSTANT_RATE || i < worker->active;

      switch (conn->state)
        {
        case CONN_CONNECTING:
        case CONN_HANDSHAKE:
          if (now >= conn->deadline_ns)
            conn_fail (conn, conn->state == CONN_CONNECTING ? OPS_LOAD_FAILURE_CONNECT : OPS_LOAD_FAILURE_TLS,
                       _("no answer before the timeout"), now);
          break;
        case CONN_WRITING:
        case CONN_READING:
          if (now >= conn->deadline_ns)
            {
              _ops_load_note_failure (worker, OPS_LOAD_FAILURE_TIMEOUT, _("no response before the timeout"));
              _ops_load_conn_close (conn);
            }
          break;
        case CONN_IDLE:
          if (worker->draining)
            _ops_load_conn_close (conn);
          else if (wanted && engine->scenario->mode == OPS_LOAD_MODE_MAX_THROUGHPUT)
            conn_send (conn, now, now);
          break;
        case CONN_CLOSED:
          if (!worker->draining && wanted && now >= conn->retry_ns)
            conn_open (conn, now);
          break;
        default:
          break;
        }
    }
}
