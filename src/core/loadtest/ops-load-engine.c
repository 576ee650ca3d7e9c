/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define _GNU_SOURCE
#define G_LOG_DOMAIN "ops-loadtest"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <gnutls/gnutls.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "ops-http-parser.h"
#include "ops-load-engine.h"
#include "ops-load-error.h"

#define RING            8     /* seconds a worker may run ahead of the watcher */
#define BUFFER_SIZE     16384 /* per connection; a response head must fit */
#define MAX_EVENTS      256
#define TICK_NS         G_GINT64_CONSTANT (10000000) /* timeouts and stages, 10 ms */
#define NS_PER_SEC      G_GINT64_CONSTANT (1000000000)

typedef enum
{
  CONN_CLOSED,
  CONN_CONNECTING,
  CONN_HANDSHAKE,
  CONN_IDLE,    /* connected, no request */
  CONN_WRITING, /* a request partly written */
  CONN_READING, /* waiting for the response */
} ConnState;

typedef struct _Worker Worker;

typedef struct
{
  Worker          *worker;
  guint            index;       /* within the worker */
  int              fd;
  ConnState        state;
  guint32          events;      /* registered with epoll */
  gnutls_session_t tls;
  gsize            written;
  gint64           start_ns;    /* when the request was due (rate) or sent */
  gint64           deadline_ns; /* of the connect, handshake or response */
  gint64           retry_ns;    /* a failed connection waits until then */
  gboolean         fresh;       /* no response on this connection yet */
  OpsHttpParser    parser;
  gsize            length;
  char             buffer[BUFFER_SIZE];
} Conn;

struct _Worker
{
  OpsLoadEngine   *engine;
  guint            index;
  GThread         *thread;
  int              epoll_fd;
  Conn            *conns;
  guint            n_conns;
  guint            active;      /* connections that may send */
  gboolean         draining;
  gint64           end_ns;      /* a request in flight at the end gets until then */

  /* Constant rate: when the next request is due. */
  double           share;       /* of the rate */
  gint64           next_due_ns;

  /* Counters: the slot of the current second, the ring, the total. */
  OpsLoadCounters *current;
  guint            current_second;
  OpsLoadCounters *slots;       /* RING of them */
  OpsLoadCounters  total;
  int              published;   /* atomic: last complete second, -1 */
  int              consumed;    /* atomic: last second the watcher took, -1 */
  int              finished;    /* atomic */
  int              dropped;     /* atomic: seconds overwritten before they were read */
  gint64           finished_ns;
  char            *notes[OPS_LOAD_N_FAILURES]; /* the first failure of each kind */
};

struct _OpsLoadEngine
{
  OpsLoadScenario                 *scenario;
  char                            *host;
  guint16                          port;
  gboolean                         tls;
  struct sockaddr_storage          address;
  socklen_t                        address_length;
  gnutls_certificate_credentials_t credentials;
  gboolean                         head_request;
  char                            *request;
  gsize                            request_length;
  guint                            max_connections;

  gint64                           start_ns;
  gint64                           end_ns;
  int                              started;  /* atomic */
  int                              stopping; /* atomic */
  Worker                          *workers;
  guint                            n_workers;
};

static inline gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

/* Serialises the request once, with the host from the URL. */
static char *
build_request (OpsLoadScenario *scenario,
               GUri            *uri,
               gboolean         tls,
               gsize           *length)
{
  GString *request = g_string_new (NULL);
  const char *path = g_uri_get_path (uri);
  const char *query = g_uri_get_query (uri);
  const char *host = g_uri_get_host (uri);
  int port = g_uri_get_port (uri);
  gboolean has_user_agent = FALSE;
  gsize body_size = scenario->body != NULL ? g_bytes_get_size (scenario->body) : 0;

  g_string_append_printf (request, "%s %s%s%s HTTP/1.1\r\n", scenario->method,
                          *path != '\0' ? path : "/", query != NULL ? "?" : "",
                          query != NULL ? query : "");
  if (strchr (host, ':') != NULL)
    g_string_append_printf (request, "Host: [%s]", host);
  else
    g_string_append_printf (request, "Host: %s", host);
  if (port > 0 && port != (tls ? 443 : 80))
    g_string_append_printf (request, ":%d", port);
  g_string_append (request, "\r\n");

  for (guint i = 0; i < scenario->headers->len; i++)
    {
      const char *header = scenario->headers->pdata[i];

      if (g_ascii_strncasecmp (header, "User-Agent:", 11) == 0)
        has_user_agent = TRUE;
      g_string_append_printf (request, "%s\r\n", header);
    }
  if (!has_user_agent)
    g_string_append (request, "User-Agent: Opsdeck/" PACKAGE_VERSION "\r\n");
  if (scenario->body != NULL || g_str_equal (scenario->method, "POST") ||
      g_str_equal (scenario->method, "PUT") || g_str_equal (scenario->method, "PATCH"))
    g_string_append_printf (request, "Content-Length: %" G_GSIZE_FORMAT "\r\n", body_size);
  g_string_append (request, "\r\n");
  if (body_size > 0)
    g_string_append_len (request, g_bytes_get_data (scenario->body, NULL), body_size);

  *length = request->len;
  return g_string_free (request, FALSE);
}

OpsLoadEngine *
ops_load_engine_new (OpsLoadScenario *scenario,
                     GError         **error)
{
  OpsLoadEngine *self;
  g_autoptr(GUri) uri = NULL;

  if (!ops_load_scenario_validate (scenario, error))
    return NULL;

  uri = g_uri_parse (scenario->url, G_URI_FLAGS_ENCODED, error);
  if (uri == NULL)
    return NULL;

  self = g_new0 (OpsLoadEngine, 1);
  self->scenario = ops_load_scenario_ref (scenario);
  self->tls = g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0;
  self->host = g_strdup (g_uri_get_host (uri));
  self->port = g_uri_get_port (uri) > 0 ? g_uri_get_port (uri) : (self->tls ? 443 : 80);
  self->head_request = g_str_equal (scenario->method, "HEAD");
  self->request = build_request (scenario, uri, self->tls, &self->request_length);
  self->max_connections = ops_load_scenario_max_connections (scenario);

  return self;
}

void
ops_load_engine_free (OpsLoadEngine *self)
{
  if (self == NULL)
    return;

  for (guint w = 0; w < self->n_workers; w++)
    {
      Worker *worker = &self->workers[w];

      g_free (worker->conns);
      g_free (worker->slots);
      for (guint i = 0; i < OPS_LOAD_N_FAILURES; i++)
        g_free (worker->notes[i]);
    }
  g_free (self->workers);
  if (self->credentials != NULL)
    gnutls_certificate_free_credentials (self->credentials);
  g_free (self->request);
  g_free (self->host);
  ops_load_scenario_unref (self->scenario);
  g_free (self);
}

/**
 * ops_load_engine_prepare:
 * @self: an engine
 * @error: return location for an error
 *
 * Resolves the host and loads the TLS trust; blocks, so it runs in the
 * run's thread, never in a main loop.
 *
 * Returns: %TRUE if the engine can run
 */
gboolean
ops_load_engine_prepare (OpsLoadEngine *self,
                         GError       **error)
{
  struct addrinfo hints = { 0 };
  struct addrinfo *result = NULL;
  char port[8];
  int rc;

  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_ADDRCONFIG | AI_NUMERICSERV;
  g_snprintf (port, sizeof port, "%u", self->port);
  rc = getaddrinfo (self->host, port, &hints, &result);
  if (rc != 0 || result == NULL)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_RESOLVE,
                   _("Could not find the address of “%s”: %s"), self->host, gai_strerror (rc));
      return FALSE;
    }
  memcpy (&self->address, result->ai_addr, result->ai_addrlen);
  self->address_length = result->ai_addrlen;
  freeaddrinfo (result);

  if (self->tls)
    {
      gnutls_certificate_allocate_credentials (&self->credentials);
      if (!self->scenario->insecure)
        {
          rc = gnutls_certificate_set_x509_system_trust (self->credentials);
          if (rc < 0)
            g_debug ("No system trust store: %s", gnutls_strerror (rc));
        }
      if (self->scenario->ca_file != NULL)
        {
          rc = gnutls_certificate_set_x509_trust_file (self->credentials, self->scenario->ca_file,
                                                       GNUTLS_X509_FMT_PEM);
          if (rc <= 0)
            {
              g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_TLS,
                           _("Could not read a certificate from %s: %s"), self->scenario->ca_file,
                           rc < 0 ? gnutls_strerror (rc) : _("the file holds no certificate"));
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Counters */

static void
note_failure (Worker        *worker,
              OpsLoadFailure failure,
              const char    *detail)
{
  worker->current->failures[failure]++;
  if (worker->notes[failure] == NULL && detail != NULL)
    worker->notes[failure] = g_strdup (detail);
}

/* Moves the worker to @second: publishes the seconds before it. */
static void
advance_second (Worker *worker,
                guint   second)
{
  while (worker->current_second < second)
    {
      guint next = worker->current_second + 1;

      ops_load_counters_merge (&worker->total, worker->current);
      g_atomic_int_set (&worker->published, (int) worker->current_second);

      /* The slot of second next - RING must have been read; if the watcher
       * fell that far behind, the second is lost for the timeline (never
       * for the totals). */
      if (next >= RING && g_atomic_int_get (&worker->consumed) < (int) (next - RING))
        g_atomic_int_inc (&worker->dropped);

      worker->current_second = next;
      worker->current = &worker->slots[next % RING];
      ops_load_counters_reset (worker->current);
    }
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

static void
conn_close (Conn *conn)
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

static gboolean
in_flight (Conn *conn)
{
  return conn->state == CONN_WRITING || conn->state == CONN_READING;
}

static void
conn_fail (Conn          *conn,
           OpsLoadFailure failure,
           const char    *detail,
           gint64         now)
{
  note_failure (conn->worker, failure, detail);
  conn_close (conn);
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
  Worker *worker = conn->worker;
  OpsLoadEngine *engine = worker->engine;
  struct epoll_event event = { .events = EPOLLOUT, .data.ptr = conn };
  int one = 1;
  int fd;

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

  if (connect (fd, (struct sockaddr *) &engine->address, engine->address_length) < 0 &&
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
      gnutls_datum_t out = { 0 };
      unsigned status = gnutls_session_get_verify_cert_status (conn->tls);
      g_autofree char *detail = NULL;

      gnutls_certificate_verification_status_print (status, GNUTLS_CRT_X509, &out, 0);
      detail = g_strdup_printf (_("the server’s certificate was refused: %s"),
                                out.data != NULL ? (const char *) out.data : gnutls_strerror (rc));
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
  int error = 0;
  socklen_t length = sizeof error;

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
      gsize left = engine->request_length - conn->written;
      ssize_t n;

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
static gint64
next_due (Worker *worker,
          gint64  due)
{
  OpsLoadEngine *engine = worker->engine;

  for (;;)
    {
      double rate = ops_load_scenario_target_at (engine->scenario, (due - engine->start_ns) / 1000) * worker->share;

      if (due >= engine->end_ns)
        return G_MAXINT64;
      if (rate >= 1e-3)
        return due + (gint64) (NS_PER_SEC / rate);
      due += NS_PER_SEC / 1000; /* nothing to send yet: look again 1 ms later */
    }
}

/* Constant rate: hands each request that is due to an idle connection,
 * with the time it was due, so that waiting for a connection counts in its
 * latency. */
static void
dispatch_due (Worker *worker,
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
      worker->next_due_ns = next_due (worker, worker->next_due_ns);
    }
}

/* A connection is ready for a request. */
static void
conn_ready (Conn  *conn,
            gint64 now)
{
  Worker *worker = conn->worker;
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
      worker->next_due_ns = next_due (worker, worker->next_due_ns);
    }
}

static void
response_complete (Conn  *conn,
                   gint64 now)
{
  Worker *worker = conn->worker;
  OpsLoadCounters *counters = worker->current;
  guint status = conn->parser.status;
  guint status_class = status / 100;

  counters->responses++;
  counters->status[status_class >= 2 && status_class <= 5 ? status_class : 0]++;
  ops_load_histogram_record (&counters->latency, now > conn->start_ns ? now - conn->start_ns : 0);
  conn->fresh = FALSE;
  conn->length = 0;

  if (!conn->parser.keep_alive)
    {
      conn_close (conn);
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
  conn_close (conn);
}

static void
conn_read (Conn  *conn,
           gint64 now)
{
  Worker *worker = conn->worker;
  gboolean more = TRUE;

  while (more)
    {
      ssize_t n;
      gsize consumed;
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
      if (!in_flight (conn))
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

static void
conn_event (Conn    *conn,
            guint32  events,
            gint64   now)
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
static void
housekeeping (Worker *worker,
              gint64  now)
{
  OpsLoadEngine *engine = worker->engine;

  if (engine->scenario->mode == OPS_LOAD_MODE_MAX_THROUGHPUT && !worker->draining)
    {
      double target = ops_load_scenario_target_at (engine->scenario, (now - engine->start_ns) / 1000);
      int total = MAX (1, (int) lround (target));
      int mine = (total - (int) worker->index + (int) engine->n_workers - 1) / (int) engine->n_workers;

      worker->active = CLAMP (mine, 0, (int) worker->n_conns);
    }

  for (guint i = 0; i < worker->n_conns; i++)
    {
      Conn *conn = &worker->conns[i];
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
              note_failure (worker, OPS_LOAD_FAILURE_TIMEOUT, _("no response before the timeout"));
              conn_close (conn);
            }
          break;
        case CONN_IDLE:
          if (worker->draining)
            conn_close (conn);
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

static gboolean
any_in_flight (Worker *worker)
{
  for (guint i = 0; i < worker->n_conns; i++)
    if (in_flight (&worker->conns[i]))
      return TRUE;

  return FALSE;
}

static int
wait_events (int                 epoll_fd,
             struct epoll_event *events,
             gint64              timeout_ns)
{
  struct timespec ts = { timeout_ns / NS_PER_SEC, timeout_ns % NS_PER_SEC };
  static int have_pwait2 = 1;
  int n;

  /* epoll_pwait2() takes nanoseconds, so that a constant rate of
   * thousands per second is kept without 1 ms steps. */
  if (g_atomic_int_get (&have_pwait2))
    {
      n = epoll_pwait2 (epoll_fd, events, MAX_EVENTS, &ts, NULL);
      if (n >= 0 || errno != ENOSYS)
        return n;
      g_atomic_int_set (&have_pwait2, 0);
    }

  return epoll_wait (epoll_fd, events, MAX_EVENTS, (int) ((timeout_ns + 999999) / 1000000));
}

static gpointer
ops_load_engine_worker (gpointer data)
{
  Worker *worker = data;
  OpsLoadEngine *engine = worker->engine;
  struct epoll_event events[MAX_EVENTS];
  gint64 now = now_ns ();
  gint64 next_tick = now;
  gint64 next_second = engine->start_ns + NS_PER_SEC;
  gboolean rate_mode = engine->scenario->mode == OPS_LOAD_MODE_CONSTANT_RATE;

  worker->epoll_fd = epoll_create1 (EPOLL_CLOEXEC);
  if (rate_mode)
    worker->next_due_ns = next_due (worker, engine->start_ns + (gint64) (worker->index * NS_PER_SEC /
                                                                          MAX (1.0, engine->scenario->rate)));

  for (;;)
    {
      gint64 wake = MIN (next_tick, next_second);
      int n;

      if (rate_mode && !worker->draining)
        {
          gboolean idle = FALSE;

          for (guint i = 0; i < worker->n_conns && !idle; i++)
            idle = worker->conns[i].state == CONN_IDLE;
          if (idle)
            wake = MIN (wake, worker->next_due_ns);
        }

      n = wait_events (worker->epoll_fd, events, MAX (0, wake - now));
      now = now_ns ();

      if (now >= next_second)
        {
          advance_second (worker, (guint) ((now - engine->start_ns) / NS_PER_SEC));
          next_second = engine->start_ns + (gint64) (worker->current_second + 1) * NS_PER_SEC;
        }

      for (int i = 0; i < n; i++)
        conn_event (events[i].data.ptr, events[i].events, now);

      if (rate_mode)
        dispatch_due (worker, now);

      if (!worker->draining && (now >= engine->end_ns || g_atomic_int_get (&engine->stopping)))
        {
          worker->draining = TRUE;
          worker->end_ns = now + engine->scenario->timeout_usec * 1000;
        }

      if (now >= next_tick)
        {
          housekeeping (worker, now);
          next_tick = now + TICK_NS;
        }

      if (worker->draining && (!any_in_flight (worker) || now >= worker->end_ns))
        break;
    }

  /* Requests still without a response when the last timeout ran out. */
  for (guint i = 0; i < worker->n_conns; i++)
    {
      if (in_flight (&worker->conns[i]))
        note_failure (worker, OPS_LOAD_FAILURE_TIMEOUT, _("no response before the timeout"));
      conn_close (&worker->conns[i]);
    }
  close (worker->epoll_fd);

  worker->finished_ns = now;
  ops_load_counters_merge (&worker->total, worker->current);
  g_atomic_int_set (&worker->published, (int) worker->current_second);
  g_atomic_int_set (&worker->finished, 1);

  return NULL;
}

/**
 * ops_load_engine_run:
 * @self: a prepared engine
 *
 * Runs the load on worker threads and returns when it is over: after the
 * duration (and what is in flight then, one timeout at most) or after
 * ops_load_engine_stop().
 */
void
ops_load_engine_run (OpsLoadEngine *self)
{
  OpsLoadScenario *scenario = self->scenario;
  guint n = scenario->threads;

  self->n_workers = n;
  self->workers = g_new0 (Worker, n);
  self->start_ns = now_ns ();
  self->end_ns = self->start_ns + ops_load_scenario_total_duration (scenario) * 1000;

  for (guint w = 0; w < n; w++)
    {
      Worker *worker = &self->workers[w];

      worker->engine = self;
      worker->index = w;
      worker->n_conns = self->max_connections / n + (w < self->max_connections % n ? 1 : 0);
      worker->conns = g_new0 (Conn, worker->n_conns);
      worker->share = 1.0 / n;
      worker->slots = g_new0 (OpsLoadCounters, RING);
      worker->current = &worker->slots[0];
      worker->published = -1;
      worker->consumed = -1;
      for (guint i = 0; i < worker->n_conns; i++)
        {
          worker->conns[i].worker = worker;
          worker->conns[i].index = i;
          worker->conns[i].fd = -1;
        }
      worker->active = worker->n_conns;
    }
  g_atomic_int_set (&self->started, 1);

  for (guint w = 0; w < n; w++)
    self->workers[w].thread = g_thread_new ("ops-load-worker", ops_load_engine_worker, &self->workers[w]);
  for (guint w = 0; w < n; w++)
    g_thread_join (self->workers[w].thread);
}

void
ops_load_engine_stop (OpsLoadEngine *self)
{
  g_atomic_int_set (&self->stopping, 1);
}

gboolean
ops_load_engine_is_started (OpsLoadEngine *self)
{
  return g_atomic_int_get (&self->started) != 0;
}

/**
 * ops_load_engine_collect:
 * @self: a running or finished engine
 * @second: which second of the run
 * @out: (out caller-allocates): its counters, merged across workers
 * @duration_usec: (out): how long that second lasted (the last one is
 *   shorter)
 *
 * Called by the one thread that watches the run, in order of seconds.
 *
 * Returns: whether @out holds the second
 */
OpsLoadCollect
ops_load_engine_collect (OpsLoadEngine   *self,
                         guint            second,
                         OpsLoadCounters *out,
                         gint64          *duration_usec)
{
  gboolean any = FALSE;
  gint64 last_end = 0;

  if (!ops_load_engine_is_started (self))
    return OPS_LOAD_COLLECT_NOT_YET;

  for (guint w = 0; w < self->n_workers; w++)
    {
      Worker *worker = &self->workers[w];
      int published = g_atomic_int_get (&worker->published);
      gboolean finished = g_atomic_int_get (&worker->finished);

      if (published < (int) second && !finished)
        return OPS_LOAD_COLLECT_NOT_YET;
      if (published >= (int) second)
        any = TRUE;
    }
  if (!any)
    return OPS_LOAD_COLLECT_OVER;

  ops_load_counters_reset (out);
  for (guint w = 0; w < self->n_workers; w++)
    {
      Worker *worker = &self->workers[w];

      if (g_atomic_int_get (&worker->published) < (int) second)
        continue;
      ops_load_counters_merge (out, &worker->slots[second % RING]);
      g_atomic_int_set (&worker->consumed, (int) second);
      if (g_atomic_int_get (&worker->finished))
        last_end = MAX (last_end, worker->finished_ns);
    }

  *duration_usec = G_USEC_PER_SEC;
  for (guint w = 0; w < self->n_workers; w++)
    if (!g_atomic_int_get (&self->workers[w].finished))
      last_end = G_MAXINT64;
  if (last_end != G_MAXINT64 && last_end > 0)
    {
      gint64 second_start = self->start_ns + (gint64) second * NS_PER_SEC;

      if (last_end - second_start < NS_PER_SEC)
        *duration_usec = MAX (1, (last_end - second_start) / 1000);
    }

  return OPS_LOAD_COLLECT_READY;
}

/* After ops_load_engine_run() returned: everything, exact. */
void
ops_load_engine_get_totals (OpsLoadEngine   *self,
                            OpsLoadCounters *out)
{
  ops_load_counters_reset (out);
  for (guint w = 0; w < self->n_workers; w++)
    ops_load_counters_merge (out, &self->workers[w].total);
}

/* After ops_load_engine_run() returned: from the start to the last worker's end. */
gint64
ops_load_engine_get_elapsed (OpsLoadEngine *self)
{
  gint64 end = self->start_ns;

  for (guint w = 0; w < self->n_workers; w++)
    end = MAX (end, self->workers[w].finished_ns);

  return (end - self->start_ns) / 1000;
}

guint
ops_load_engine_get_dropped (OpsLoadEngine *self)
{
  guint dropped = 0;

  for (guint w = 0; w < self->n_workers; w++)
    dropped += g_atomic_int_get (&self->workers[w].dropped);

  return dropped;
}

/* After the run: the first failure of that kind, in words, or NULL. */
char *
ops_load_engine_dup_failure_note (OpsLoadEngine *self,
                                  OpsLoadFailure failure)
{
  for (guint w = 0; w < self->n_workers; w++)
    if (self->workers[w].notes[failure] != NULL)
      return g_strdup (self->workers[w].notes[failure]);

  return NULL;
}
