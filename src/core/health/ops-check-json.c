/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>

#include "ops-check-private.h"

/* Validation of a check's definition, and its JSON form (the exported
 * configuration and `opsdeckctl check … --json`). */

#define MAX_TAG_LENGTH 64
#define MAX_TAGS       32
#define MAX_CONDITIONS 64
#define MAX_TARGET     2048

static gboolean
invalid_target (OpsCheckKind kind,
                const char  *target,
                const char  *why,
                GError     **error)
{
  if (why != NULL)
    g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                 _("The target “%s” cannot be used: %s. Write %s."), target, why,
                 ops_check_kind_get_target_help (kind));
  else
    g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                 _("The target “%s” is not %s."), target, ops_check_kind_get_target_help (kind));
  return FALSE;
}

static gboolean
validate_url (OpsCheckKind       kind,
              const char        *target,
              const char *const *schemes,
              GError           **error)
{
  g_autoptr(GUri) uri = g_uri_parse (target, G_URI_FLAGS_HAS_PASSWORD, NULL);

  if (uri == NULL || g_uri_get_scheme (uri) == NULL)
    return invalid_target (kind, target, NULL, error);

  if (!g_strv_contains (schemes, g_uri_get_scheme (uri)))
    {
      g_autofree char *why = NULL;
      g_autofree char *list = g_strjoinv (", ", (GStrv)schemes);

      why = g_strdup_printf (_("the scheme must be one of %s"), list);
      return invalid_target (kind, target, why, error);
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return invalid_target (kind, target, _("it has no host name"), error);

  if (g_uri_get_password (uri) != NULL)
    return invalid_target (kind, target,
                           _("it contains a password; give the secret separately so that it "
                              "is kept in the keyring"),
                           error);

  return TRUE;
}

static gboolean
validate_host_port (OpsCheckKind kind,
                    const char  *target,
                    guint16      default_port,
                    GError     **error)
{
  g_autoptr(GSocketConnectable) address = NULL;
  g_autoptr(GError) local_error = NULL;

  address = g_network_address_parse (target, default_port, &local_error);
  if (address == NULL)
    return invalid_target (kind, target, NULL, error);

  if (g_network_address_get_port (G_NETWORK_ADDRESS (address)) == 0)
    return invalid_target (kind, target, _("the port is missing"), error);

  if (strpbrk (g_network_address_get_hostname (G_NETWORK_ADDRESS (address)), " /\t") != NULL)
    return invalid_target (kind, target, NULL, error);

  return TRUE;
}

static gboolean
validate_host_name (OpsCheckKind kind,
                    const char  *target,
                    GError     **error)
{
  if (strlen (target) > 253 || strpbrk (target, " /:\t@") != NULL || target[0] == '.' ||
      target[0] == '-')
    return invalid_target (kind, target, NULL, error);

  return TRUE;
}

static gboolean
validate_conninfo (const char *target,
                   GError    **error)
{
  PQconninfoOption *options;
  char             *message = NULL;
  gboolean          has_password = FALSE;

  options = PQconninfoParse (target, &message);
  if (options == NULL)
    {
      g_autofree char *why = g_strstrip (g_strdup (message != NULL ? message : ""));

      PQfreemem (message);
      return invalid_target (OPS_CHECK_KIND_POSTGRESQL, target, why, error);
    }

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "password") && o->val != NULL && *o->val != '\0')
      has_password = TRUE;
  PQconninfoFree (options);

  if (has_password)
    {
      /* Do not echo the connection string: it holds the password. */
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("The connection string contains a password. Remove it and give the "
                      "password separately, so that it is kept in the keyring and never in "
                      "the database or an export."));
      return FALSE;
    }

  return TRUE;
}

gboolean
_ops_check_validate_target (OpsCheckKind kind,
                            const char  *target,
                            GError     **error)
{
  static const char *const web[] = { "http", "https", NULL };
  static const char *const ws[] = { "ws", "wss", "http", "https", NULL };

  if (target == NULL || *target == '\0')
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("The target is missing. Write %s."), ops_check_kind_get_target_help (kind));
      return FALSE;
    }

  if (strlen (target) > MAX_TARGET || !g_utf8_validate (target, -1, NULL))
    return invalid_target (kind, target, _("it is too long or not text"), error);

  switch (kind)
    {
    case OPS_CHECK_KIND_HTTP:
    case OPS_CHECK_KIND_PROMETHEUS:
      return validate_url (kind, target, web, error);
    case OPS_CHECK_KIND_WEBSOCKET:
      return validate_url (kind, target, ws, error);
    case OPS_CHECK_KIND_TCP:
      return validate_host_port (kind, target, 0, error);
    case OPS_CHECK_KIND_TLS:
      return validate_host_port (kind, target, 443, error);
    case OPS_CHECK_KIND_REDIS:
      return validate_host_port (kind, target, 6379, error);
    case OPS_CHECK_KIND_DNS:
      return validate_host_name (kind, target, error);
    case OPS_CHECK_KIND_POSTGRESQL:
      return validate_conninfo (target, error);
    case OPS_CHECK_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
validate_name (const char *name,
               GError    **error)
{
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("A check needs a name."));
      return FALSE;
    }

  if (!g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > OPS_CHECK_MAX_NAME_LENGTH)
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("A check’s name must be text of at most %d characters."),
                   OPS_CHECK_MAX_NAME_LENGTH);
      return FALSE;
    }

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                     _("A check’s name cannot contain line breaks or control characters."));
        return FALSE;
      }

  return TRUE;
}

static gboolean
validate_tags (const char *const *tags,
               GError           **error)
{
  if (g_strv_length ((GStrv)tags) > MAX_TAGS)
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("A check can have at most %d tags."), MAX_TAGS);
      return FALSE;
    }

  for (guint i = 0; tags[i] != NULL; i++)
    if (*tags[i] == '\0' || strlen (tags[i]) > MAX_TAG_LENGTH || strpbrk (tags[i], ", \t\n") ||
        !g_utf8_validate (tags[i], -1, NULL))
      {
        g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                     _("“%s” is not a tag: tags are single words of at most %d characters."),
                     tags[i], MAX_TAG_LENGTH);
        return FALSE;
      }

  return TRUE;
}

static gboolean
validate_conditions (OpsCheck *self,
                     GError  **error)
{
  const char *const *conditions = ops_check_get_conditions (self);
  OpsPlaceholders    allowed = ops_check_kind_get_placeholders (ops_check_get_kind (self));
  guint              n = g_strv_length ((GStrv)conditions);

  if (n > 0 && allowed == 0)
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("%s checks take no conditions; their options decide pass or fail."),
                   ops_check_kind_to_string (ops_check_get_kind (self)));
      return FALSE;
    }

  if (n > MAX_CONDITIONS)
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("A check can have at most %d conditions."), MAX_CONDITIONS);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpsCondition) condition = ops_condition_parse (conditions[i], allowed, error);

      if (condition == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * ops_check_validate:
 * @self: a check
 * @error: return location for a #GError
 *
 * Checks the whole definition: name, target for the kind, interval (1 s to
 * a day), timeout (100 ms to the interval), thresholds (1–100), tags,
 * conditions and options.
 *
 * Returns: %TRUE when the check can be saved and run
 */
gboolean
ops_check_validate (OpsCheck *self,
                    GError  **error)
{
  guint interval = ops_check_get_interval_ms (self);
  guint timeout = ops_check_get_timeout_ms (self);

  g_return_val_if_fail (OPS_IS_CHECK (self), FALSE);

  if (!validate_name (ops_check_get_name (self), error))
    return FALSE;

  if (!_ops_check_validate_target (ops_check_get_kind (self), ops_check_get_target (self), error))
    return FALSE;

  if (interval < OPS_CHECK_MIN_INTERVAL_MS || interval > OPS_CHECK_MAX_INTERVAL_MS)
    {
      g_autofree char *shown = ops_health_format_duration (interval);

      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("The interval must be between 1s and 1d (it is %s)."), shown);
      return FALSE;
    }

  if (timeout < OPS_CHECK_MIN_TIMEOUT_MS || timeout > OPS_CHECK_MAX_TIMEOUT_MS)
    {
      g_autofree char *shown = ops_health_format_duration (timeout);

      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("The timeout must be between 100ms and 10m (it is %s)."), shown);
      return FALSE;
    }

  if (timeout > interval)
    {
      g_autofree char *shown_timeout = ops_health_format_duration (timeout);
      g_autofree char *shown_interval = ops_health_format_duration (interval);

      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("The timeout (%s) must not be longer than the interval (%s)."),
                   shown_timeout, shown_interval);
      return FALSE;
    }

  if (ops_check_get_failure_threshold (self) < 1 ||
      ops_check_get_failure_threshold (self) > OPS_CHECK_MAX_THRESHOLD ||
      ops_check_get_success_threshold (self) < 1 ||
      ops_check_get_success_threshold (self) > OPS_CHECK_MAX_THRESHOLD)
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("The failure and success thresholds must be between 1 and %d."),
                   OPS_CHECK_MAX_THRESHOLD);
      return FALSE;
    }

  if (!validate_tags (ops_check_get_tags (self), error))
    return FALSE;

  if (!validate_conditions (self, error))
    return FALSE;

  return ops_check_options_validate (ops_check_get_kind (self), ops_check_get_options (self),
                                     error);
}

static JsonArray *
strv_to_array (const char *const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  return array;
}

/**
 * ops_check_to_json:
 * @self: a check
 * @with_state: also include the id and the live state
 *
 * Returns: (transfer full): the check as JSON; never includes a secret
 */
JsonNode *
ops_check_to_json (OpsCheck *self,
                   gboolean  with_state)
{
  g_autofree char *interval = NULL;
  g_autofree char *timeout = NULL;
  JsonObject      *object = json_object_new ();
  JsonNode        *node;

  g_return_val_if_fail (OPS_IS_CHECK (self), NULL);

  interval = ops_health_format_duration (ops_check_get_interval_ms (self));
  timeout = ops_health_format_duration (ops_check_get_timeout_ms (self));

  if (with_state)
    json_object_set_int_member (object, "id", ops_check_get_id (self));
  json_object_set_string_member (object, "name", ops_check_get_name (self));
  json_object_set_string_member (object, "kind", ops_check_kind_to_string (ops_check_get_kind (self)));
  json_object_set_string_member (object, "target", ops_check_get_target (self));
  json_object_set_string_member (object, "interval", interval);
  json_object_set_string_member (object, "timeout", timeout);
  json_object_set_int_member (object, "failure_threshold", ops_check_get_failure_threshold (self));
  json_object_set_int_member (object, "success_threshold", ops_check_get_success_threshold (self));
  json_object_set_string_member (object, "environment",
                                 ops_environment_to_string (ops_check_get_environment (self)));
  json_object_set_array_member (object, "tags", strv_to_array (ops_check_get_tags (self)));
  json_object_set_array_member (object, "conditions",
                                strv_to_array (ops_check_get_conditions (self)));
  json_object_set_object_member (object, "options", json_object_ref (ops_check_get_options (self)));
  json_object_set_boolean_member (object, "enabled", ops_check_get_enabled (self));
  json_object_set_boolean_member (object, "paused", ops_check_get_paused (self));

  if (with_state)
    {
      OpsCheckResult *last = ops_check_get_last_result (self);

      json_object_set_boolean_member (object, "has_secret", ops_check_get_has_secret (self));
      json_object_set_string_member (object, "status",
                                     ops_health_status_to_string (ops_check_get_status (self)));
      if (ops_check_get_last_result_time (self) > 0)
        json_object_set_int_member (object, "last_result_time",
                                    ops_check_get_last_result_time (self));
      if (ops_check_get_last_latency_ms (self) >= 0)
        json_object_set_double_member (object, "last_latency_ms",
                                       ops_check_get_last_latency_ms (self));
      if (ops_check_get_last_error (self) != NULL)
        json_object_set_string_member (object, "last_error", ops_check_get_last_error (self));
      if (ops_check_get_uptime_24h (self) >= 0)
        json_object_set_double_member (object, "uptime_24h", ops_check_get_uptime_24h (self));
      if (last != NULL)
        json_object_set_member (object, "last_result", ops_check_result_to_json (last));
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

static const char *const json_members[] = {
  "name",
  "kind",
  "target",
  "interval",
  "timeout",
  "failure_threshold",
  "success_threshold",
  "environment",
  "tags",
  "conditions",
  "options",
  "enabled",
  "paused",
};

static gboolean
wrong_member (const char *name,
              const char *what,
              GError    **error)
{
  g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
               _("The member “%s” of a check must be %s."), name, what);
  return FALSE;
}

static gboolean
read_string (JsonObject  *object,
             const char  *name,
             const char **value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_member (name, _("text"), error);

  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_duration (JsonObject *object,
               const char *name,
               guint      *msec,
               GError    **error)
{
  JsonNode *node = json_object_get_member (object, name);
  gint64    value;

  if (node == NULL)
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (!ops_health_parse_duration (json_node_get_string (node), &value, error))
        return FALSE;
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && (json_node_get_value_type (node) == G_TYPE_INT64 ||
                                            json_node_get_value_type (node) == G_TYPE_DOUBLE))
    value = (gint64)(json_node_get_double (node) * 1000);
  else
    return wrong_member (name, _("a duration such as “30s”, or a number of seconds"), error);

  *msec = (guint)CLAMP (value, 0, G_MAXUINT);
  return TRUE;
}

static gboolean
read_uint (JsonObject *object,
           const char *name,
           guint      *out,
           GError    **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXUINT)
    return wrong_member (name, _("a whole number"), error);

  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_boolean (JsonObject *object,
              const char *name,
              gboolean   *out,
              GError    **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return wrong_member (name, _("true or false"), error);

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_strv (JsonObject *object,
           const char *name,
           GStrv      *out,
           GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode  *node = json_object_get_member (object, name);
  JsonArray *array;

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_member (name, _("a list of text"), error);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return wrong_member (name, _("a list of text"), error);
      g_strv_builder_add (builder, json_node_get_string (item));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

/**
 * ops_check_new_from_json:
 * @node: a check as ops_check_to_json() writes it
 * @error: return location for a #GError
 *
 * Reads and validates a check definition. Unknown members are refused, so
 * that a typo in a file kept in version control is caught.
 *
 * Returns: (transfer full): a new, unsaved check, or %NULL
 */
OpsCheck *
ops_check_new_from_json (JsonNode *node,
                         GError  **error)
{
  g_autoptr(OpsCheck) self = NULL;
  g_autoptr(GList) members = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) conditions = NULL;
  JsonObject    *object;
  const char    *kind_text = NULL;
  const char    *text = NULL;
  OpsCheckKind   kind;
  OpsEnvironment environment;
  guint          value;
  gboolean       flag;
  JsonNode      *options;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("A check must be a JSON object."));
      return NULL;
    }
  object = json_node_get_object (node);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (json_members, l->data))
      {
        g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                     _("A check has an unknown member “%s”."), (const char *)l->data);
        return NULL;
      }

  if (!read_string (object, "kind", &kind_text, error))
    return NULL;
  if (kind_text == NULL || !ops_check_kind_from_string (kind_text, &kind))
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("A check’s “kind” must be one of http, tcp, dns, tls, postgresql, redis, "
                      "prometheus or websocket."));
      return NULL;
    }

  self = ops_check_new (kind, NULL, NULL);

  if (!read_string (object, "name", &text, error))
    return NULL;
  ops_check_set_name (self, text);
  if (!read_string (object, "target", &text, error))
    return NULL;
  ops_check_set_target (self, text);

  value = ops_check_get_interval_ms (self);
  if (!read_duration (object, "interval", &value, error))
    return NULL;
  ops_check_set_interval_ms (self, value);

  /* Without a timeout, the default, but never longer than the interval. */
  value = MIN (ops_check_get_timeout_ms (self), ops_check_get_interval_ms (self));
  if (!read_duration (object, "timeout", &value, error))
    return NULL;
  ops_check_set_timeout_ms (self, value);

  value = 1;
  if (!read_uint (object, "failure_threshold", &value, error))
    return NULL;
  ops_check_set_failure_threshold (self, value);
  value = 1;
  if (!read_uint (object, "success_threshold", &value, error))
    return NULL;
  ops_check_set_success_threshold (self, value);

  if (!read_string (object, "environment", &text, error))
    return NULL;
  if (text != NULL && !ops_environment_from_string (text, &environment))
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                   _("The environment “%s” is unknown; use production, staging or development."),
                   text);
      return NULL;
    }
  if (text != NULL)
    ops_check_set_environment (self, environment);

  if (!read_strv (object, "tags", &tags, error) ||
      !read_strv (object, "conditions", &conditions, error))
    return NULL;
  ops_check_set_tags (self, (const char *const *)tags);
  ops_check_set_conditions (self, (const char *const *)conditions);

  options = json_object_get_member (object, "options");
  if (options != NULL && !JSON_NODE_HOLDS_OBJECT (options))
    {
      wrong_member ("options", _("a JSON object"), error);
      return NULL;
    }
  if (options != NULL)
    {
      g_autoptr(JsonNode) copy = json_node_copy (options);

      ops_check_set_options (self, json_node_get_object (copy));
    }

  flag = TRUE;
  if (!read_boolean (object, "enabled", &flag, error))
    return NULL;
  ops_check_set_enabled (self, flag);
  flag = FALSE;
  if (!read_boolean (object, "paused", &flag, error))
    return NULL;
  ops_check_set_paused (self, flag);

  if (!ops_check_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
