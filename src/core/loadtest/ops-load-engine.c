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

#include "ops-load-engine-private.h"
#include "ops-load-error.h"

/* Serialises the request once, with the host from the URL. */
static char *
build_request (OpsLoadScenario *scenario,
               GUri            *uri,
               gboolean         tls,
               gsize           *length)
{
  GString    *request = g_string_new (NULL);
  const char *path = g_uri_get_path (uri);
  const char *query = g_uri_get_query (uri);
  const char *host = g_uri_get_host (uri);
  int         port = g_uri_get_port (uri);
  gboolean    has_user_agent = FALSE;
  gsize       body_size = scenario->body != NULL ? g_bytes_get_size (scenario->body) : 0;

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
  struct addrinfo  hints = { 0 };
  struct addrinfo *result = NULL;
  char             port[8];
  int              rc;

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

/* Moves the worker to @second: publishes the seconds before it. */
static void
advance_second (Worker *worker,
                guint   second)
{
  while (worker->current_second < second)
    {
      guint next = worker->current_second + 1;

      ops_load_counters_merge (&worker->total, worker->current);
      g_atomic_int_set (&worker->published, (int)worker->current_second);

      /* The slot of second next - RING must have been read; if the watcher
       * fell that far behind, the second is lost for the timeline (never
       * for the totals). */
      if (next >= RING && g_atomic_int_get (&worker->consumed) < (int)(next - RING))
        g_atomic_int_inc (&worker->dropped);

      worker->current_second = next;
      worker->current = &worker->slots[next % RING];
      ops_load_counters_reset (worker->current);
    }
}

static gboolean
any_in_flight (Worker *worker)
{
  for (guint i = 0; i < worker->n_conns; i++)
    if (_ops_load_conn_in_flight (&worker->conns[i]))
      return TRUE;

  return FALSE;
}

static int
wait_events (int                 epoll_fd,
             struct epoll_event *events,
             gint64              timeout_ns)
{
  struct timespec ts = { timeout_ns / NS_PER_SEC, timeout_ns % NS_PER_SEC };
  static int      have_pwait2 = 1;
  int             n;

  /* epoll_pwait2() takes nanoseconds, so that a constant rate of
   * thousands per second is kept without 1 ms steps. */
  if (g_atomic_int_get (&have_pwait2))
    {
      n = epoll_pwait2 (epoll_fd, events, MAX_EVENTS, &ts, NULL);
      if (n >= 0 || errno != ENOSYS)
        return n;
      g_atomic_int_set (&have_pwait2, 0);
    }

  return epoll_wait (epoll_fd, events, MAX_EVENTS, (int)((timeout_ns + 999999) / 1000000));
}

static gpointer
ops_load_engine_worker (gpointer data)
{
  Worker            *worker = data;
  OpsLoadEngine     *engine = worker->engine;
  struct epoll_event events[MAX_EVENTS];
  gint64             now = now_ns ();
  gint64             next_tick = now;
  gint64             next_second = engine->start_ns + NS_PER_SEC;
  gboolean           rate_mode = engine->scenario->mode == OPS_LOAD_MODE_CONSTANT_RATE;

  worker->epoll_fd = epoll_create1 (EPOLL_CLOEXEC);
  if (rate_mode)
    worker->next_due_ns = _ops_load_next_due (worker, engine->start_ns + (gint64)(worker->index * NS_PER_SEC /
                                                                                  MAX (1.0, engine->scenario->rate)));

  for (;;)
    {
      gint64 wake = MIN (next_tick, next_second);
      int    n;

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
          advance_second (worker, (guint)((now - engine->start_ns) / NS_PER_SEC));
          next_second = engine->start_ns + (gint64)(worker->current_second + 1) * NS_PER_SEC;
        }

      for (int i = 0; i < n; i++)
        _ops_load_conn_event (events[i].data.ptr, events[i].events, now);

      if (rate_mode)
        _ops_load_dispatch_due (worker, now);

      if (!worker->draining && (now >= engine->end_ns || g_atomic_int_get (&engine->stopping)))
        {
          worker->draining = TRUE;
          worker->end_ns = now + engine->scenario->timeout_usec * 1000;
        }

      if (now >= next_tick)
        {
          _ops_load_housekeeping (worker, now);
          next_tick = now + TICK_NS;
        }

      if (worker->draining && (!any_in_flight (worker) || now >= worker->end_ns))
        break;
    }

  /* Requests still without a response when the last timeout ran out. */
  for (guint i = 0; i < worker->n_conns; i++)
    {
      if (_ops_load_conn_in_flight (&worker->conns[i]))
        _ops_load_note_failure (worker, OPS_LOAD_FAILURE_TIMEOUT, _("no response before the timeout"));
      _ops_load_conn_close (&worker->conns[i]);
    }
  close (worker->epoll_fd);

  worker->finished_ns = now;
  ops_load_counters_merge (&worker->total, worker->current);
  g_atomic_int_set (&worker->published, (int)worker->current_second);
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
  guint            n = scenario->threads;

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
  gint64   last_end = 0;

  if (!ops_load_engine_is_started (self))
    return OPS_LOAD_COLLECT_NOT_YET;

  for (guint w = 0; w < self->n_workers; w++)
    {
      Worker  *worker = &self->workers[w];
      int      published = g_atomic_int_get (&worker->published);
      gboolean finished = g_atomic_int_get (&worker->finished);

      if (published < (int)second && !finished)
        return OPS_LOAD_COLLECT_NOT_YET;
      if (published >= (int)second)
        any = TRUE;
    }
  if (!any)
    return OPS_LOAD_COLLECT_OVER;

  ops_load_counters_reset (out);
  for (guint w = 0; w < self->n_workers; w++)
    {
      Worker *worker = &self->workers[w];

      if (g_atomic_int_get (&worker->published) < (int)second)
        continue;
      ops_load_counters_merge (out, &worker->slots[second % RING]);
      g_atomic_int_set (&worker->consumed, (int)second);
      if (g_atomic_int_get (&worker->finished))
        last_end = MAX (last_end, worker->finished_ns);
    }

  *duration_usec = G_USEC_PER_SEC;
  for (guint w = 0; w < self->n_workers; w++)
    if (!g_atomic_int_get (&self->workers[w].finished))
      last_end = G_MAXINT64;
  if (last_end != G_MAXINT64 && last_end > 0)
    {
      gint64 second_start = self->start_ns + (gint64)second * NS_PER_SEC;

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
