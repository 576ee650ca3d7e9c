/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-loadtest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ops-load-counters.h"

static const char *const failure_names[] = {
  [OPS_LOAD_FAILURE_CONNECT] = "connect",
  [OPS_LOAD_FAILURE_TIMEOUT] = "timeout",
  [OPS_LOAD_FAILURE_READ] = "read",
  [OPS_LOAD_FAILURE_WRITE] = "write",
  [OPS_LOAD_FAILURE_TLS] = "tls",
  [OPS_LOAD_FAILURE_PARSE] = "parse",
};

G_STATIC_ASSERT (G_N_ELEMENTS (failure_names) == OPS_LOAD_N_FAILURES);

/* The stable name used in JSON and thresholds. */
const char *
ops_load_failure_to_string (OpsLoadFailure failure)
{
  g_return_val_if_fail (failure < OPS_LOAD_N_FAILURES, NULL);

  return failure_names[failure];
}

const char *
ops_load_failure_describe (OpsLoadFailure failure)
{
  switch (failure)
    {
    case OPS_LOAD_FAILURE_CONNECT:
      return _("could not connect");
    case OPS_LOAD_FAILURE_TIMEOUT:
      return _("timed out");
    case OPS_LOAD_FAILURE_READ:
      return _("read failed or connection closed");
    case OPS_LOAD_FAILURE_WRITE:
      return _("write failed");
    case OPS_LOAD_FAILURE_TLS:
      return _("TLS failed");
    case OPS_LOAD_FAILURE_PARSE:
      return _("malformed response");
    case OPS_LOAD_N_FAILURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
ops_load_counters_reset (OpsLoadCounters *self)
{
  memset (self, 0, sizeof *self);
}

void
ops_load_counters_merge (OpsLoadCounters       *self,
                         const OpsLoadCounters *other)
{
  self->requests += other->requests;
  self->responses += other->responses;
  for (guint i = 0; i < G_N_ELEMENTS (self->status); i++)
    self->status[i] += other->status[i];
  for (guint i = 0; i < OPS_LOAD_N_FAILURES; i++)
    self->failures[i] += other->failures[i];
  self->bytes_in += other->bytes_in;
  self->bytes_out += other->bytes_out;
  self->connections_opened += other->connections_opened;
  ops_load_histogram_merge (&self->latency, &other->latency);
}

guint64
ops_load_counters_failures (const OpsLoadCounters *self)
{
  guint64 total = 0;

  for (guint i = 0; i < OPS_LOAD_N_FAILURES; i++)
    total += self->failures[i];

  return total;
}

/**
 * ops_load_counters_error_rate:
 * @self: counters
 *
 * The share of requests that failed: those without a response, and those
 * answered with a 4xx or 5xx status (as k6's `http_req_failed`).
 *
 * Returns: 0 to 1
 */
double
ops_load_counters_error_rate (const OpsLoadCounters *self)
{
  guint64 failures = ops_load_counters_failures (self);
  guint64 finished = self->responses + failures;

  if (finished == 0)
    return 0;

  return (double)(failures + self->status[4] + self->status[5]) / (double)finished;
}

static double
ms (guint64 ns)
{
  return (double)ns / 1e6;
}

/* The counters as the stable JSON of `opsdeckctl load run --json`. */
JsonNode *
ops_load_counters_to_json (const OpsLoadCounters *self,
                           gint64                 duration_usec)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const OpsLoadHistogram  *h = &self->latency;
  static const double      percentiles[] = { 50, 75, 90, 95, 99, 99.9 };
  static const char *const percentile_names[] = { "p50", "p75", "p90", "p95", "p99", "p99_9" };
  double                   seconds = duration_usec / 1e6;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "duration_s");
  json_builder_add_double_value (builder, seconds);
  json_builder_set_member_name (builder, "requests");
  json_builder_add_int_value (builder, self->requests);
  json_builder_set_member_name (builder, "responses");
  json_builder_add_int_value (builder, self->responses);
  json_builder_set_member_name (builder, "requests_per_second");
  json_builder_add_double_value (builder, seconds > 0 ? self->responses / seconds : 0);
  json_builder_set_member_name (builder, "bytes_in");
  json_builder_add_int_value (builder, self->bytes_in);
  json_builder_set_member_name (builder, "bytes_out");
  json_builder_add_int_value (builder, self->bytes_out);
  json_builder_set_member_name (builder, "connections_opened");
  json_builder_add_int_value (builder, self->connections_opened);
  json_builder_set_member_name (builder, "error_rate");
  json_builder_add_double_value (builder, ops_load_counters_error_rate (self));

  json_builder_set_member_name (builder, "status");
  json_builder_begin_object (builder);
  for (guint i = 2; i <= 5; i++)
    {
      char name[8];

      g_snprintf (name, sizeof name, "%uxx", i);
      json_builder_set_member_name (builder, name);
      json_builder_add_int_value (builder, self->status[i]);
    }
  json_builder_set_member_name (builder, "other");
  json_builder_add_int_value (builder, self->status[0] + self->status[1]);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "errors");
  json_builder_begin_object (builder);
  for (guint i = 0; i < OPS_LOAD_N_FAILURES; i++)
    {
      json_builder_set_member_name (builder, failure_names[i]);
      json_builder_add_int_value (builder, self->failures[i]);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "latency_ms");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "min");
  json_builder_add_double_value (builder, ms (h->min));
  json_builder_set_member_name (builder, "avg");
  json_builder_add_double_value (builder, ops_load_histogram_mean (h) / 1e6);
  json_builder_set_member_name (builder, "stdev");
  json_builder_add_double_value (builder, ops_load_histogram_stdev (h) / 1e6);
  json_builder_set_member_name (builder, "max");
  json_builder_add_double_value (builder, ms (h->max));
  for (guint i = 0; i < G_N_ELEMENTS (percentiles); i++)
    {
      json_builder_set_member_name (builder, percentile_names[i]);
      json_builder_add_double_value (builder, ms (ops_load_histogram_value_at (h, percentiles[i])));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
