/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ops-health-types.h"

G_DEFINE_QUARK (ops-health-error-quark, ops_health_error)

G_DEFINE_ENUM_TYPE (OpsHealthStatus, ops_health_status,
                    G_DEFINE_ENUM_VALUE (OPS_HEALTH_STATUS_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (OPS_HEALTH_STATUS_HEALTHY, "healthy"),
                    G_DEFINE_ENUM_VALUE (OPS_HEALTH_STATUS_DEGRADED, "degraded"),
                    G_DEFINE_ENUM_VALUE (OPS_HEALTH_STATUS_DOWN, "down"))

G_DEFINE_ENUM_TYPE (OpsCheckKind, ops_check_kind,
                    G_DEFINE_ENUM_VALUE (OPS_CHECK_KIND_HTTP, "http"),
                    G_DEFINE_ENUM_VALUE (OPS_CHECK_KIND_TCP, "tcp"),
                    G_DEFINE_ENUM_VALUE (OPS_CHECK_KIND_DNS, "dns"),
                    G_DEFINE_ENUM_VALUE (OPS_CHECK_KIND_TLS, "tls"),
                    G_DEFINE_ENUM_VALUE (OPS_CHECK_KIND_POSTGRESQL, "postgresql"),
                    G_DEFINE_ENUM_VALUE (OPS_CHECK_KIND_REDIS, "redis"),
                    G_DEFINE_ENUM_VALUE (OPS_CHECK_KIND_PROMETHEUS, "prometheus"),
                    G_DEFINE_ENUM_VALUE (OPS_CHECK_KIND_WEBSOCKET, "websocket"),
                    G_DEFINE_ENUM_VALUE (OPS_CHECK_N_KINDS, "n-kinds"))

G_DEFINE_ENUM_TYPE (OpsEnvironment, ops_environment,
                    G_DEFINE_ENUM_VALUE (OPS_ENVIRONMENT_PRODUCTION, "production"),
                    G_DEFINE_ENUM_VALUE (OPS_ENVIRONMENT_STAGING, "staging"),
                    G_DEFINE_ENUM_VALUE (OPS_ENVIRONMENT_DEVELOPMENT, "development"))

static const char *const status_names[] = { "unknown", "healthy", "degraded", "down" };
static const char *const kind_names[] = {
  "http",
  "tcp",
  "dns",
  "tls",
  "postgresql",
  "redis",
  "prometheus",
  "websocket",
};
static const char *const environment_names[] = { "production", "staging", "development" };

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == OPS_CHECK_N_KINDS);

static int
find_name (const char *const *names,
           guint              n_names,
           const char        *text)
{
  if (text == NULL)
    return -1;

  for (guint i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp (names[i], text) == 0)
      return i;

  return -1;
}

const char *
ops_health_status_to_string (OpsHealthStatus status)
{
  g_return_val_if_fail (status <= OPS_HEALTH_STATUS_DOWN, "unknown");

  return status_names[status];
}

/**
 * ops_health_status_from_string:
 * @text: a status word
 * @status: (out): the status
 *
 * Reads our own status words and those of health documents and event
 * streams, case-insensitively: `pass`, `ok`, `up` are healthy; `warn` is
 * degraded; `fail`, `error`, `down`, `unhealthy`, `out_of_service` are
 * down.
 *
 * Returns: %TRUE when @text is a known status
 */
gboolean
ops_health_status_from_string (const char      *text,
                               OpsHealthStatus *status)
{
  static const struct
  {
    const char     *word;
    OpsHealthStatus status;
  } words[] = {
    { "unknown", OPS_HEALTH_STATUS_UNKNOWN },
    { "healthy", OPS_HEALTH_STATUS_HEALTHY },
    { "pass", OPS_HEALTH_STATUS_HEALTHY },
    { "ok", OPS_HEALTH_STATUS_HEALTHY },
    { "up", OPS_HEALTH_STATUS_HEALTHY },
    { "degraded", OPS_HEALTH_STATUS_DEGRADED },
    { "warn", OPS_HEALTH_STATUS_DEGRADED },
    { "down", OPS_HEALTH_STATUS_DOWN },
    { "unhealthy", OPS_HEALTH_STATUS_DOWN },
    { "fail", OPS_HEALTH_STATUS_DOWN },
    { "error", OPS_HEALTH_STATUS_DOWN },
    { "out_of_service", OPS_HEALTH_STATUS_DOWN },
  };

  g_return_val_if_fail (status != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (words[i].word, text) == 0)
      {
        *status = words[i].status;
        return TRUE;
      }

  return FALSE;
}

/* A word for people; status is never shown by colour alone. */
const char *
ops_health_status_to_label (OpsHealthStatus status)
{
  switch (status)
    {
    case OPS_HEALTH_STATUS_HEALTHY:
      return _("Healthy");
    case OPS_HEALTH_STATUS_DEGRADED:
      return _("Degraded");
    case OPS_HEALTH_STATUS_DOWN:
      return _("Down");
    case OPS_HEALTH_STATUS_UNKNOWN:
    default:
      return _("Unknown");
    }
}

const char *
ops_check_kind_to_string (OpsCheckKind kind)
{
  g_return_val_if_fail (kind < OPS_CHECK_N_KINDS, NULL);

  return kind_names[kind];
}

gboolean
ops_check_kind_from_string (const char   *text,
                            OpsCheckKind *kind)
{
  int found = find_name (kind_names, G_N_ELEMENTS (kind_names), text);

  /* "https" is how people say it; the scheme of the target decides. */
  if (found < 0 && text != NULL && g_ascii_strcasecmp (text, "https") == 0)
    found = OPS_CHECK_KIND_HTTP;
  if (found < 0 && text != NULL && g_ascii_strcasecmp (text, "postgres") == 0)
    found = OPS_CHECK_KIND_POSTGRESQL;
  if (found < 0)
    return FALSE;

  *kind = found;
  return TRUE;
}

const char *
ops_check_kind_to_label (OpsCheckKind kind)
{
  switch (kind)
    {
    case OPS_CHECK_KIND_HTTP:
      return _("HTTP(S)");
    case OPS_CHECK_KIND_TCP:
      return _("TCP port");
    case OPS_CHECK_KIND_DNS:
      return _("DNS name");
    case OPS_CHECK_KIND_TLS:
      return _("TLS certificate");
    case OPS_CHECK_KIND_POSTGRESQL:
      return _("PostgreSQL");
    case OPS_CHECK_KIND_REDIS:
      return _("Redis");
    case OPS_CHECK_KIND_PROMETHEUS:
      return _("Prometheus metrics");
    case OPS_CHECK_KIND_WEBSOCKET:
      return _("WebSocket event stream");
    case OPS_CHECK_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
ops_environment_to_string (OpsEnvironment environment)
{
  g_return_val_if_fail (environment <= OPS_ENVIRONMENT_DEVELOPMENT, NULL);

  return environment_names[environment];
}

gboolean
ops_environment_from_string (const char     *text,
                             OpsEnvironment *environment)
{
  int found = find_name (environment_names, G_N_ELEMENTS (environment_names), text);

  if (found < 0)
    return FALSE;

  *environment = found;
  return TRUE;
}

/**
 * ops_health_parse_duration:
 * @text: a duration such as `500ms`, `30s`, `5m`, `1h30m`, `2d`; a bare
 *   number is seconds
 * @msec: (out): the duration in milliseconds
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @text is a duration
 */
gboolean
ops_health_parse_duration (const char *text,
                           gint64     *msec,
                           GError    **error)
{
  const char *p = text;
  gint64      total = 0;

  g_return_val_if_fail (msec != NULL, FALSE);

  if (text == NULL || *text == '\0')
    goto invalid;

  while (*p != '\0')
    {
      char  *end = NULL;
      double value;
      gint64 unit;

      if (!g_ascii_isdigit (*p) && *p != '.')
        goto invalid;

      value = g_ascii_strtod (p, &end);
      if (end == p || value < 0)
        goto invalid;
      p = end;

      if (g_str_has_prefix (p, "ms"))
        unit = 1, p += 2;
      else if (*p == 's')
        unit = 1000, p += 1;
      else if (*p == 'm')
        unit = 60 * 1000, p += 1;
      else if (*p == 'h')
        unit = 3600 * 1000, p += 1;
      else if (*p == 'd')
        unit = 24 * 3600 * 1000, p += 1;
      else if (*p == '\0' && p != text && total == 0)
        unit = 1000;
      else
        goto invalid;

      if (value * unit > (double)G_MAXINT32 * 1000)
        goto invalid;
      total += (gint64)(value * unit + 0.5);
    }

  *msec = total;
  return TRUE;

invalid:
  g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
               _("“%s” is not a duration. Write it like 500ms, 30s, 5m, 1h or 2d."),
               text != NULL ? text : "");
  return FALSE;
}

/**
 * ops_health_format_duration:
 * @msec: milliseconds
 *
 * Returns: (transfer full): the shortest exact form, such as `30s`,
 *   `1m30s` or `250ms`
 */
char *
ops_health_format_duration (gint64 msec)
{
  static const struct
  {
    gint64      unit;
    const char *suffix;
  } units[] = {
    { 24 * 3600 * 1000, "d" },
    { 3600 * 1000, "h" },
    { 60 * 1000, "m" },
    { 1000, "s" },
    { 1, "ms" },
  };
  GString *out = g_string_new (NULL);

  if (msec <= 0)
    return g_string_free (g_string_append (out, "0s"), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (msec >= units[i].unit)
      {
        g_string_append_printf (out, "%" G_GINT64_FORMAT "%s", msec / units[i].unit,
                                units[i].suffix);
        msec %= units[i].unit;
      }

  return g_string_free (out, FALSE);
}

/* A date for error messages: “2026-11-20 14:03 UTC”. */
char *
ops_health_format_date (GDateTime *date)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date);

  return g_date_time_format (utc, "%Y-%m-%d %H:%M UTC");
}
