/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OPS_HEALTH_ERROR (ops_health_error_quark ())

typedef enum
{
  OPS_HEALTH_ERROR_INVALID,   /* a check definition that cannot be used */
  OPS_HEALTH_ERROR_CONDITION, /* a condition that does not parse */
  OPS_HEALTH_ERROR_NOT_FOUND,
  OPS_HEALTH_ERROR_EXISTS,
  OPS_HEALTH_ERROR_PROBE, /* a probe failed (the message says why) */
  OPS_HEALTH_ERROR_TIMED_OUT,
  OPS_HEALTH_ERROR_TOO_LARGE,
} OpsHealthError;

/* The status of one result, and the state of a check. Ordered by severity
 * so that the worst of several is the largest. */
typedef enum
{
  OPS_HEALTH_STATUS_UNKNOWN,
  OPS_HEALTH_STATUS_HEALTHY,
  OPS_HEALTH_STATUS_DEGRADED,
  OPS_HEALTH_STATUS_DOWN,
} OpsHealthStatus;

typedef enum
{
  OPS_CHECK_KIND_HTTP,
  OPS_CHECK_KIND_TCP,
  OPS_CHECK_KIND_DNS,
  OPS_CHECK_KIND_TLS,
  OPS_CHECK_KIND_POSTGRESQL,
  OPS_CHECK_KIND_REDIS,
  OPS_CHECK_KIND_PROMETHEUS,
  OPS_CHECK_KIND_WEBSOCKET,
  OPS_CHECK_N_KINDS,
} OpsCheckKind;

typedef enum
{
  OPS_ENVIRONMENT_PRODUCTION,
  OPS_ENVIRONMENT_STAGING,
  OPS_ENVIRONMENT_DEVELOPMENT,
} OpsEnvironment;

#define OPS_TYPE_HEALTH_STATUS (ops_health_status_get_type ())
#define OPS_TYPE_CHECK_KIND    (ops_check_kind_get_type ())
#define OPS_TYPE_ENVIRONMENT   (ops_environment_get_type ())

/* Limits of a check definition. */
#define OPS_CHECK_MIN_INTERVAL_MS     1000
#define OPS_CHECK_DEFAULT_INTERVAL_MS 30000
#define OPS_CHECK_MAX_INTERVAL_MS     (24 * 3600 * 1000)
#define OPS_CHECK_MIN_TIMEOUT_MS      100
#define OPS_CHECK_DEFAULT_TIMEOUT_MS  10000
#define OPS_CHECK_MAX_TIMEOUT_MS      (10 * 60 * 1000)
#define OPS_CHECK_MAX_THRESHOLD       100
#define OPS_CHECK_MAX_NAME_LENGTH     200

/* clang-format off */
GQuark           ops_health_error_quark        (void);
GType            ops_health_status_get_type    (void) G_GNUC_CONST;
GType            ops_check_kind_get_type       (void) G_GNUC_CONST;
GType            ops_environment_get_type      (void) G_GNUC_CONST;

const char      *ops_health_status_to_string   (OpsHealthStatus   status);
gboolean         ops_health_status_from_string (const char       *text,
                                                OpsHealthStatus  *status);
const char      *ops_health_status_to_label    (OpsHealthStatus   status);
const char      *ops_check_kind_to_string      (OpsCheckKind      kind);
gboolean         ops_check_kind_from_string    (const char       *text,
                                                OpsCheckKind     *kind);
const char      *ops_check_kind_to_label       (OpsCheckKind      kind);
const char      *ops_environment_to_string     (OpsEnvironment    environment);
gboolean         ops_environment_from_string   (const char       *text,
                                                OpsEnvironment   *environment);

gboolean         ops_health_parse_duration     (const char       *text,
                                                gint64           *msec,
                                                GError          **error);
char            *ops_health_format_duration    (gint64            msec);
char            *ops_health_format_date        (GDateTime        *date);
/* clang-format on */

G_END_DECLS
