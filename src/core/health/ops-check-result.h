/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <json-glib/json-glib.h>

#include "ops-health-types.h"

G_BEGIN_DECLS

/* Where the time of one probe went, in microseconds; -1: not measured
 * (a reused connection has no DNS or connect phase, a TCP check has no
 * first byte). */
typedef struct
{
  gint64 dns_us;
  gint64 connect_us;
  gint64 tls_us;
  gint64 first_byte_us;
  gint64 download_us;
  gint64 total_us;
} OpsProbeTiming;

#define OPS_PROBE_TIMING_INIT \
  {                           \
    -1, -1, -1, -1, -1, -1    \
  }

#define OPS_TYPE_CHECK_RESULT (ops_check_result_get_type ())

G_DECLARE_FINAL_TYPE (OpsCheckResult, ops_check_result, OPS, CHECK_RESULT, GObject)

/* clang-format off */
OpsCheckResult       *ops_check_result_new                (gint64            check_id,
                                                           gint64            time_usec);
gint64                ops_check_result_get_check_id       (OpsCheckResult   *self);
gint64                ops_check_result_get_time           (OpsCheckResult   *self);
OpsHealthStatus       ops_check_result_get_status         (OpsCheckResult   *self);
double                ops_check_result_get_latency_ms     (OpsCheckResult   *self);
const OpsProbeTiming *ops_check_result_get_timing         (OpsCheckResult   *self);
const char           *ops_check_result_get_error          (OpsCheckResult   *self);
const char           *ops_check_result_get_summary        (OpsCheckResult   *self);
JsonObject           *ops_check_result_get_details        (OpsCheckResult   *self);
gboolean              ops_check_result_get_detail_double  (OpsCheckResult   *self,
                                                           const char       *key,
                                                           double           *value);
const char           *ops_check_result_get_detail_string  (OpsCheckResult   *self,
                                                           const char       *key);
JsonArray            *ops_check_result_get_components     (OpsCheckResult   *self);
JsonNode             *ops_check_result_to_json            (OpsCheckResult   *self);

/* For probes, before the result is handed out. */
void                  ops_check_result_copy_outcome       (OpsCheckResult   *self,
                                                           OpsCheckResult   *into);
void                  ops_check_result_set_status         (OpsCheckResult   *self,
                                                           OpsHealthStatus   status);
void                  ops_check_result_set_error          (OpsCheckResult   *self,
                                                           const char       *error);
void                  ops_check_result_fail               (OpsCheckResult   *self,
                                                           OpsHealthStatus   status,
                                                           const char       *format,
                                                           ...) G_GNUC_PRINTF (3, 4);
void                  ops_check_result_set_summary        (OpsCheckResult   *self,
                                                           const char       *summary);
void                  ops_check_result_set_timing         (OpsCheckResult   *self,
                                                           const OpsProbeTiming *timing);
void                  ops_check_result_set_total_us       (OpsCheckResult   *self,
                                                           gint64            total_us);
void                  ops_check_result_set_time           (OpsCheckResult   *self,
                                                           gint64            time_usec);
void                  ops_check_result_set_detail         (OpsCheckResult   *self,
                                                           const char       *key,
                                                           JsonNode         *value);
void                  ops_check_result_set_detail_string  (OpsCheckResult   *self,
                                                           const char       *key,
                                                           const char       *value);
void                  ops_check_result_set_detail_double  (OpsCheckResult   *self,
                                                           const char       *key,
                                                           double            value);
void                  ops_check_result_set_detail_int     (OpsCheckResult   *self,
                                                           const char       *key,
                                                           gint64            value);
void                  ops_check_result_set_detail_boolean (OpsCheckResult   *self,
                                                           const char       *key,
                                                           gboolean          value);
/* clang-format on */

G_END_DECLS
