/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ops-check-options.h"

#define K(kind)  OPS_CHECK_KIND_FLAG (OPS_CHECK_KIND_##kind)
#define WEB      (K (HTTP) | K (PROMETHEUS))
#define VERIFIED (K (HTTP) | K (TLS) | K (PROMETHEUS) | K (WEBSOCKET))

static const OpsCheckOptionSpec specs[] = {
  /* HTTP */
  { "method", OPS_CHECK_OPTION_CHOICE, K (HTTP), "GET", 0, 0,
    "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS", "METHOD",
    N_("The request method (GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS)") },
  { "header", OPS_CHECK_OPTION_STRING_LIST, WEB | K (WEBSOCKET), NULL, 0, 0, NULL,
    "“NAME: VALUE”", N_("A request header; repeat for more") },
  { "body", OPS_CHECK_OPTION_STRING, K (HTTP), NULL, 0, 0, NULL, "TEXT",
    N_("The request body") },
  { "follow_redirects", OPS_CHECK_OPTION_BOOLEAN, K (HTTP), "true", 0, 0, NULL, "true|false",
    N_("Follow redirects (on by default)") },
  { "max_body", OPS_CHECK_OPTION_INT, WEB, "1048576", 1024, 256 * 1024 * 1024, NULL, "BYTES",
    N_("Fail when the response body is larger than this (1 MiB by default)") },
  /* TLS, wherever a certificate is verified */
  { "verify_tls", OPS_CHECK_OPTION_BOOLEAN, VERIFIED, "true", 0, 0, NULL, "true|false",
    N_("Verify the TLS certificate (on by default; turning it off is shown as a warning)") },
  { "ca_file", OPS_CHECK_OPTION_STRING, VERIFIED, NULL, 0, 0, NULL, "FILE",
    N_("Also trust the certificate authorities in this PEM file (an internal CA)") },
  /* DNS */
  { "record_type", OPS_CHECK_OPTION_CHOICE, K (DNS), "any", 0, 0, "any|a|aaaa", "any|a|aaaa",
    N_("Which addresses to resolve: IPv4 (a), IPv6 (aaaa) or both (any)") },
  { "expect_address", OPS_CHECK_OPTION_STRING_LIST, K (DNS), NULL, 0, 0, NULL, "ADDRESS",
    N_("An address the name must resolve to; repeat for more") },
  /* TLS certificate */
  { "warning_days", OPS_CHECK_OPTION_INT, K (TLS), "14", 0, 3650, NULL, "DAYS",
    N_("Degraded when the certificate expires within this many days (14)") },
  { "critical_days", OPS_CHECK_OPTION_INT, K (TLS), "7", 0, 3650, NULL, "DAYS",
    N_("Down when the certificate expires within this many days (7)") },
  /* PostgreSQL and Redis */
  { "expect_role", OPS_CHECK_OPTION_CHOICE, K (POSTGRESQL) | K (REDIS), "any", 0, 0,
    "any|primary|standby", "any|primary|standby",
    N_("Down unless the server has this role (a Redis replica is a standby)") },
  { "max_lag", OPS_CHECK_OPTION_DOUBLE, K (POSTGRESQL), "0", 0, 86400 * 365, NULL, "SECONDS",
    N_("Degraded when a standby replays more than this many seconds behind (0: off)") },
  /* Prometheus host metrics and the health score */
  { "cpu_warning", OPS_CHECK_OPTION_DOUBLE, K (PROMETHEUS), "70", 0, 100, NULL, "PERCENT",
    N_("CPU use that counts as a warning in the health score (70 %)") },
  { "cpu_critical", OPS_CHECK_OPTION_DOUBLE, K (PROMETHEUS), "90", 0, 100, NULL, "PERCENT",
    N_("CPU use that counts as critical (90 %)") },
  { "memory_warning", OPS_CHECK_OPTION_DOUBLE, K (PROMETHEUS), "75", 0, 100, NULL, "PERCENT",
    N_("Memory use that counts as a warning (75 %)") },
  { "memory_critical", OPS_CHECK_OPTION_DOUBLE, K (PROMETHEUS), "90", 0, 100, NULL, "PERCENT",
    N_("Memory use that counts as critical (90 %)") },
  { "disk_warning", OPS_CHECK_OPTION_DOUBLE, K (PROMETHEUS), "80", 0, 100, NULL, "PERCENT",
    N_("Disk use (the fullest mount) that counts as a warning (80 %)") },
  { "disk_critical", OPS_CHECK_OPTION_DOUBLE, K (PROMETHEUS), "95", 0, 100, NULL, "PERCENT",
    N_("Disk use that counts as critical (95 %)") },
  /* WebSocket event streams */
  { "service", OPS_CHECK_OPTION_STRING, K (WEBSOCKET), NULL, 0, 0, NULL, "NAME",
    N_("Follow the health-update events of this service; without it, the stream’s own "
        "connection is the status") },
  { "subscribe", OPS_CHECK_OPTION_BOOLEAN, K (WEBSOCKET), "true", 0, 0, NULL, "true|false",
    N_("Send the subscribe message after connecting (on by default)") },
  { "silence_timeout", OPS_CHECK_OPTION_INT, K (WEBSOCKET), "90", 5, 3600, NULL, "SECONDS",
    N_("Treat a stream silent for this long as disconnected (90)") },
  /* Every kind */
  { "degraded_latency", OPS_CHECK_OPTION_INT, OPS_CHECK_ALL_KINDS & ~K (WEBSOCKET), "0", 0,
    600000, NULL, "MS",
    N_("Degraded when the probe takes longer than this many milliseconds (0: off)") },
};

const OpsCheckOptionSpec *
ops_check_option_specs (guint *n_specs)
{
  *n_specs = G_N_ELEMENTS (specs);
  return specs;
}

const OpsCheckOptionSpec *
ops_check_option_lookup (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (g_str_equal (specs[i].key, key))
      return &specs[i];

  return NULL;
}

gboolean
ops_check_option_applies (const OpsCheckOptionSpec *spec,
                          OpsCheckKind              kind)
{
  return (spec->kinds & OPS_CHECK_KIND_FLAG (kind)) != 0;
}

static gboolean
choice_is_valid (const OpsCheckOptionSpec *spec,
                 const char               *value)
{
  g_auto(GStrv) choices = g_strsplit (spec->choices, "|", -1);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_ascii_strcasecmp (choices[i], value) == 0)
      return TRUE;

  return FALSE;
}

/* A header line: a token, a colon, a value without line breaks. */
static gboolean
header_is_valid (const char *line)
{
  const char *colon = strchr (line, ':');

  if (colon == NULL || colon == line)
    return FALSE;

  for (const char *p = line; p < colon; p++)
    if (!g_ascii_isalnum (*p) && strchr ("!#$%&'*+-.^_`|~", *p) == NULL)
      return FALSE;

  return strpbrk (colon, "\r\n") == NULL;
}

static gboolean
validate_value (const OpsCheckOptionSpec *spec,
                JsonNode                 *value,
                GError                  **error)
{
  GType  type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;
  double number;

  switch (spec->type)
    {
    case OPS_CHECK_OPTION_STRING:
      if (type != G_TYPE_STRING)
        goto wrong_type;
      if (!g_utf8_validate (json_node_get_string (value), -1, NULL))
        goto wrong_type;
      return TRUE;

    case OPS_CHECK_OPTION_CHOICE:
      if (type != G_TYPE_STRING)
        goto wrong_type;
      if (!choice_is_valid (spec, json_node_get_string (value)))
        {
          g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                       _("The option “%s” cannot be “%s”; choose one of %s."), spec->key,
                       json_node_get_string (value), spec->choices);
          return FALSE;
        }
      return TRUE;

    case OPS_CHECK_OPTION_BOOLEAN:
      if (type != G_TYPE_BOOLEAN)
        goto wrong_type;
      return TRUE;

    case OPS_CHECK_OPTION_INT:
    case OPS_CHECK_OPTION_DOUBLE:
      if (type != G_TYPE_INT64 && !(spec->type == OPS_CHECK_OPTION_DOUBLE && type == G_TYPE_DOUBLE))
        goto wrong_type;
      number = json_node_get_double (value);
      if (number < spec->minimum || number > spec->maximum)
        {
          g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                       _("The option “%s” must be between %g and %g (it is %g)."), spec->key,
                       spec->minimum, spec->maximum, number);
          return FALSE;
        }
      return TRUE;

    case OPS_CHECK_OPTION_STRING_LIST:
      if (!JSON_NODE_HOLDS_ARRAY (value))
        goto wrong_type;
      for (guint i = 0; i < json_array_get_length (json_node_get_array (value)); i++)
        {
          JsonNode *item = json_array_get_element (json_node_get_array (value), i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            goto wrong_type;
          if (g_str_equal (spec->key, "header") && !header_is_valid (json_node_get_string (item)))
            {
              g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                           _("“%s” is not a header; write it as “Name: value”."),
                           json_node_get_string (item));
              return FALSE;
            }
          if (g_str_equal (spec->key, "expect_address") &&
              !g_hostname_is_ip_address (json_node_get_string (item)))
            {
              g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                           _("“%s” is not an IP address."), json_node_get_string (item));
              return FALSE;
            }
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }

wrong_type:
  {
    static const char *const type_names[] = {
      [OPS_CHECK_OPTION_STRING] = N_("text"),
      [OPS_CHECK_OPTION_STRING_LIST] = N_("a list of text"),
      [OPS_CHECK_OPTION_BOOLEAN] = N_("true or false"),
      [OPS_CHECK_OPTION_INT] = N_("a whole number"),
      [OPS_CHECK_OPTION_DOUBLE] = N_("a number"),
      [OPS_CHECK_OPTION_CHOICE] = N_("text"),
    };

    g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                 _("The option “%s” must be %s."), spec->key, _(type_names[spec->type]));
    return FALSE;
  }
}

/**
 * ops_check_options_validate:
 * @kind: the check's kind
 * @options: its options
 * @error: return location for a #GError
 *
 * Returns: %TRUE when every option is known for @kind and valid
 */
gboolean
ops_check_options_validate (OpsCheckKind kind,
                            JsonObject  *options,
                            GError     **error)
{
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (options != NULL, FALSE);

  members = json_object_get_members (options);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const OpsCheckOptionSpec *spec = ops_check_option_lookup (l->data);

      if (spec == NULL)
        {
          g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                       _("Checks have no option “%s”."), (const char *)l->data);
          return FALSE;
        }
      if (!ops_check_option_applies (spec, kind))
        {
          g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                       _("The option “%s” does not apply to %s checks."), spec->key,
                       ops_check_kind_to_string (kind));
          return FALSE;
        }
      if (!validate_value (spec, json_object_get_member (options, l->data), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ops_check_option_parse_text:
 * @spec: an option
 * @text: its value as typed on a command line
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the value as JSON, validated; a list option
 *   gives a one-element array
 */
JsonNode *
ops_check_option_parse_text (const OpsCheckOptionSpec *spec,
                             const char               *text,
                             GError                  **error)
{
  g_autoptr(JsonNode) node = NULL;

  switch (spec->type)
    {
    case OPS_CHECK_OPTION_STRING:
    case OPS_CHECK_OPTION_CHOICE:
      node = json_node_init_string (json_node_alloc (), text);
      break;

    case OPS_CHECK_OPTION_STRING_LIST:
      {
        JsonArray *array = json_array_new ();

        json_array_add_string_element (array, text);
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
      }
      break;

    case OPS_CHECK_OPTION_BOOLEAN:
      if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "yes") == 0 ||
          g_str_equal (text, "1") || g_ascii_strcasecmp (text, "on") == 0)
        node = json_node_init_boolean (json_node_alloc (), TRUE);
      else if (g_ascii_strcasecmp (text, "false") == 0 || g_ascii_strcasecmp (text, "no") == 0 ||
               g_str_equal (text, "0") || g_ascii_strcasecmp (text, "off") == 0)
        node = json_node_init_boolean (json_node_alloc (), FALSE);
      break;

    case OPS_CHECK_OPTION_INT:
      {
        gint64 value;

        if (g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
          node = json_node_init_int (json_node_alloc (), value);
      }
      break;

    case OPS_CHECK_OPTION_DOUBLE:
      {
        char  *end = NULL;
        double value = g_ascii_strtod (text, &end);

        if (end != text && *end == '\0')
          node = json_node_init_double (json_node_alloc (), value);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (node == NULL)
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("“%s” is not a valid value for the option “%s” (expected %s)."), text,
                   spec->key, spec->arg);
      return NULL;
    }

  if (!validate_value (spec, node, error))
    return NULL;

  return g_steal_pointer (&node);
}

/* Which placeholders conditions may use for a kind; 0: no conditions. */
OpsPlaceholders
ops_check_kind_get_placeholders (OpsCheckKind kind)
{
  switch (kind)
    {
    case OPS_CHECK_KIND_HTTP:
      return OPS_PLACEHOLDER_STATUS | OPS_PLACEHOLDER_RESPONSE_TIME | OPS_PLACEHOLDER_BODY |
             OPS_PLACEHOLDER_CERTIFICATE_EXPIRATION | OPS_PLACEHOLDER_CONNECTED |
             OPS_PLACEHOLDER_IP;
    case OPS_CHECK_KIND_TCP:
      return OPS_PLACEHOLDER_CONNECTED | OPS_PLACEHOLDER_RESPONSE_TIME | OPS_PLACEHOLDER_IP;
    case OPS_CHECK_KIND_DNS:
      return OPS_PLACEHOLDER_RESPONSE_TIME | OPS_PLACEHOLDER_IP | OPS_PLACEHOLDER_BODY;
    case OPS_CHECK_KIND_TLS:
      return OPS_PLACEHOLDER_CONNECTED | OPS_PLACEHOLDER_RESPONSE_TIME |
             OPS_PLACEHOLDER_CERTIFICATE_EXPIRATION | OPS_PLACEHOLDER_IP;
    case OPS_CHECK_KIND_POSTGRESQL:
    case OPS_CHECK_KIND_REDIS:
    case OPS_CHECK_KIND_PROMETHEUS:
    case OPS_CHECK_KIND_WEBSOCKET:
    case OPS_CHECK_N_KINDS:
    default:
      return 0;
    }
}

OpsCheckSecretType
ops_check_kind_get_secret_type (OpsCheckKind kind)
{
  switch (kind)
    {
    case OPS_CHECK_KIND_POSTGRESQL:
    case OPS_CHECK_KIND_REDIS:
      return OPS_CHECK_SECRET_PASSWORD;
    case OPS_CHECK_KIND_HTTP:
    case OPS_CHECK_KIND_PROMETHEUS:
    case OPS_CHECK_KIND_WEBSOCKET:
      return OPS_CHECK_SECRET_TOKEN;
    case OPS_CHECK_KIND_TCP:
    case OPS_CHECK_KIND_DNS:
    case OPS_CHECK_KIND_TLS:
    case OPS_CHECK_N_KINDS:
    default:
      return OPS_CHECK_SECRET_NONE;
    }
}

/* What the target of a kind looks like, for help and errors. */
const char *
ops_check_kind_get_target_help (OpsCheckKind kind)
{
  switch (kind)
    {
    case OPS_CHECK_KIND_HTTP:
      return _("a URL such as https://api.example.com/health");
    case OPS_CHECK_KIND_TCP:
      return _("HOST:PORT, such as db.example.com:5432");
    case OPS_CHECK_KIND_DNS:
      return _("a host name, such as api.example.com");
    case OPS_CHECK_KIND_TLS:
      return _("HOST:PORT, such as api.example.com:443 (the port defaults to 443)");
    case OPS_CHECK_KIND_POSTGRESQL:
      return _("a libpq connection string without the password, such as "
                "“host=db.example.com port=5432 dbname=app user=monitor” or "
                "postgresql://monitor@db.example.com/app");
    case OPS_CHECK_KIND_REDIS:
      return _("HOST:PORT, such as cache.example.com:6379 (the port defaults to 6379)");
    case OPS_CHECK_KIND_PROMETHEUS:
      return _("the metrics URL, such as http://host.example.com:9100/metrics");
    case OPS_CHECK_KIND_WEBSOCKET:
      return _("the event stream’s URL, such as wss://api.example.com/ws/events");
    case OPS_CHECK_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}
