/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-probe.h"

G_BEGIN_DECLS

/* One probe per kind of check, each in its own file. */

#define OPS_TYPE_PROBE_HTTP       (ops_probe_http_get_type ())
#define OPS_TYPE_PROBE_TCP        (ops_probe_tcp_get_type ())
#define OPS_TYPE_PROBE_DNS        (ops_probe_dns_get_type ())
#define OPS_TYPE_PROBE_TLS        (ops_probe_tls_get_type ())
#define OPS_TYPE_PROBE_POSTGRES   (ops_probe_postgres_get_type ())
#define OPS_TYPE_PROBE_REDIS      (ops_probe_redis_get_type ())
#define OPS_TYPE_PROBE_PROMETHEUS (ops_probe_prometheus_get_type ())
#define OPS_TYPE_PROBE_WEBSOCKET  (ops_probe_websocket_get_type ())

G_DECLARE_FINAL_TYPE (OpsProbeHttp, ops_probe_http, OPS, PROBE_HTTP, OpsProbe)
G_DECLARE_FINAL_TYPE (OpsProbeTcp, ops_probe_tcp, OPS, PROBE_TCP, OpsProbe)
G_DECLARE_FINAL_TYPE (OpsProbeDns, ops_probe_dns, OPS, PROBE_DNS, OpsProbe)
G_DECLARE_FINAL_TYPE (OpsProbeTls, ops_probe_tls, OPS, PROBE_TLS, OpsProbe)
G_DECLARE_FINAL_TYPE (OpsProbePostgres, ops_probe_postgres, OPS, PROBE_POSTGRES, OpsProbe)
G_DECLARE_FINAL_TYPE (OpsProbeRedis, ops_probe_redis, OPS, PROBE_REDIS, OpsProbe)
G_DECLARE_FINAL_TYPE (OpsProbePrometheus, ops_probe_prometheus, OPS, PROBE_PROMETHEUS, OpsProbe)
G_DECLARE_FINAL_TYPE (OpsProbeWebsocket, ops_probe_websocket, OPS, PROBE_WEBSOCKET, OpsProbe)

/* The reconnection delay of event streams, after @attempt failures. */
guint _ops_probe_websocket_backoff_ms (guint attempt);

G_END_DECLS
