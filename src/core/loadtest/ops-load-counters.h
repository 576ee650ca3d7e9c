/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <json-glib/json-glib.h>

#include "ops-load-histogram.h"

G_BEGIN_DECLS

/* Why a request failed without a response. */
typedef enum
{
  OPS_LOAD_FAILURE_CONNECT,
  OPS_LOAD_FAILURE_TIMEOUT,
  OPS_LOAD_FAILURE_READ,
  OPS_LOAD_FAILURE_WRITE,
  OPS_LOAD_FAILURE_TLS,
  OPS_LOAD_FAILURE_PARSE,
  OPS_LOAD_N_FAILURES,
} OpsLoadFailure;

/* What happened during one interval (a second, or a whole run). */
typedef struct
{
  guint64          requests;  /* sent */
  guint64          responses; /* complete responses of any status */
  guint64          status[6]; /* responses by class: [2] is 2xx … [5] is 5xx, [0] others */
  guint64          failures[OPS_LOAD_N_FAILURES];
  guint64          bytes_in;
  guint64          bytes_out;
  guint64          connections_opened;
  OpsLoadHistogram latency; /* of complete responses, ns */
} OpsLoadCounters;

/* clang-format off */
const char *ops_load_failure_to_string   (OpsLoadFailure         failure);
const char *ops_load_failure_describe    (OpsLoadFailure         failure);
void        ops_load_counters_reset      (OpsLoadCounters       *self);
void        ops_load_counters_merge      (OpsLoadCounters       *self,
                                          const OpsLoadCounters *other);
guint64     ops_load_counters_failures   (const OpsLoadCounters *self);
double      ops_load_counters_error_rate (const OpsLoadCounters *self);
JsonNode   *ops_load_counters_to_json    (const OpsLoadCounters *self,
                                          gint64                 duration_usec);
/* clang-format on */

G_END_DECLS
