/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gnutls/gnutls.h>
#include <sys/socket.h>
#include <time.h>

#include "ops-http-parser.h"
#include "ops-load-engine.h"

G_BEGIN_DECLS

#define RING        8     /* seconds a worker may run ahead of the watcher */
#define BUFFER_SIZE 16384 /* per connection; a response head must fit */
#define MAX_EVENTS  256
#define TICK_NS     G_GINT64_CONSTANT (10000000) /* timeouts and stages, 10 ms */
#define NS_PER_SEC  G_GINT64_CONSTANT (1000000000)

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
  guint            index; /* within the worker */
  int              fd;
  ConnState        state;
  guint32          events; /* registered with epoll */
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
  OpsLoadEngine *engine;
  guint          index;
  GThread       *thread;
  int            epoll_fd;
  Conn          *conns;
  guint          n_conns;
  guint          active; /* connections that may send */
  gboolean       draining;
  gint64         end_ns; /* a request in flight at the end gets until then */

  /* Constant rate: when the next request is due. */
  double share; /* of the rate */
  gint64 next_due_ns;

  /* Counters: the slot of the current second, the ring, the total. */
  OpsLoadCounters *current;
  guint            current_second;
  OpsLoadCounters *slots; /* RING of them */
  OpsLoadCounters  total;
  int              published; /* atomic: last complete second, -1 */
  int              consumed;  /* atomic: last second the watcher took, -1 */
  int              finished;  /* atomic */
  int              dropped;   /* atomic: seconds overwritten before they were read */
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

  gint64  start_ns;
  gint64  end_ns;
  int     started;  /* atomic */
  int     stopping; /* atomic */
  Worker *workers;
  guint   n_workers;
};

static inline gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

/* clang-format off */
void     _ops_load_note_failure    (Worker         *worker,
                                    OpsLoadFailure  failure,
                                    const char     *detail);
void     _ops_load_conn_close      (Conn           *conn);
gboolean _ops_load_conn_in_flight  (Conn           *conn);
void     _ops_load_conn_event      (Conn           *conn,
                                    guint32         events,
                                    gint64          now);
gint64   _ops_load_next_due        (Worker         *worker,
                                    gint64          due);
void     _ops_load_dispatch_due    (Worker         *worker,
                                    gint64          now);
void     _ops_load_housekeeping    (Worker         *worker,
                                    gint64          now);
/* clang-format on */

G_END_DECLS
