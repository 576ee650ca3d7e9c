/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-probe.h"

G_BEGIN_DECLS

/* What ops_probe_connect_async() set up. */
typedef struct
{
  GIOStream           *stream;      /* a TLS stream when asked for TLS */
  GInetAddress        *address;     /* the address it reached */
  GTlsCertificate     *certificate; /* the server's, with TLS */
  GTlsCertificateFlags tls_errors;  /* what is wrong with it; 0: good */
} OpsProbeConnection;

/* The data of a run of a probe of HOST:PORT (TCP, TLS, Redis): the first
 * member of a larger struct when the probe needs more. */
typedef struct
{
  OpsCheckResult *result;
  OpsProbeTiming  timing;
  char           *host;
  guint16         port;
} OpsProbeHostRun;

typedef enum
{
  OPS_PROBE_CONNECT_PLAIN,
  OPS_PROBE_CONNECT_TLS,         /* refuse a certificate the check does not trust */
  OPS_PROBE_CONNECT_TLS_INSPECT, /* take any certificate, and report on it */
} OpsProbeConnectMode;

/* clang-format off */
void                ops_probe_connect_async         (OpsProbe             *probe,
                                                     const char           *host,
                                                     guint16               port,
                                                     OpsProbeConnectMode   mode,
                                                     OpsProbeTiming       *timing,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
OpsProbeConnection *ops_probe_connect_finish        (OpsProbe             *probe,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void                ops_probe_connection_free       (OpsProbeConnection   *connection);
void                ops_probe_host_run_clear        (OpsProbeHostRun      *run);
void                ops_probe_connect_target        (OpsProbe             *probe,
                                                     OpsProbeHostRun      *run,
                                                     GDestroyNotify        free_run,
                                                     OpsCheckResult       *result,
                                                     guint16               default_port,
                                                     OpsProbeConnectMode   mode,
                                                     gpointer              source_tag,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data,
                                                     GAsyncReadyCallback   connected);
gboolean            ops_probe_split_host_port       (const char           *target,
                                                     guint16               default_port,
                                                     char                **host,
                                                     guint16              *port);

gboolean            ops_probe_get_host_port         (OpsProbe             *probe,
                                                     guint16               default_port,
                                                     char                **host,
                                                     guint16              *port,
                                                     GError              **error);
char               *ops_probe_format_seconds        (guint                 msec);
char               *ops_probe_describe_error        (const GError         *error,
                                                     const char           *host,
                                                     guint16               port);
char               *ops_probe_describe_tls_errors   (GTlsCertificateFlags  errors,
                                                     GTlsCertificate      *certificate,
                                                     const char           *host);
gint64              ops_probe_certificate_expires_in (GTlsCertificate     *certificate,
                                                     gint64                now_usec);
void                ops_probe_add_certificate_details (OpsCheckResult     *result,
                                                     GTlsCertificate      *certificate,
                                                     gint64                now_usec);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsProbeConnection, ops_probe_connection_free)

G_END_DECLS
