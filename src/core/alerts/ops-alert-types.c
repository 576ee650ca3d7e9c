/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ops-alert-types.h"

G_DEFINE_QUARK (ops-alert-error-quark, ops_alert_error)

G_DEFINE_ENUM_TYPE (OpsAlertState, ops_alert_state,
                    G_DEFINE_ENUM_VALUE (OPS_ALERT_STATE_PENDING, "pending"),
                    G_DEFINE_ENUM_VALUE (OPS_ALERT_STATE_FIRING, "firing"),
                    G_DEFINE_ENUM_VALUE (OPS_ALERT_STATE_ACKNOWLEDGED, "acknowledged"),
                    G_DEFINE_ENUM_VALUE (OPS_ALERT_STATE_RESOLVED, "resolved"))

G_DEFINE_ENUM_TYPE (OpsSampleStatus, ops_sample_status,
                    G_DEFINE_ENUM_VALUE (OPS_SAMPLE_STATUS_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (OPS_SAMPLE_STATUS_HEALTHY, "healthy"),
                    G_DEFINE_ENUM_VALUE (OPS_SAMPLE_STATUS_DEGRADED, "degraded"),
                    G_DEFINE_ENUM_VALUE (OPS_SAMPLE_STATUS_DOWN, "down"))

static const char *const state_names[] = { "pending", "firing", "acknowledged", "resolved" };
static const char *const status_names[] = { "unknown", "healthy", "degraded", "down" };
static const char *const rule_kind_names[] = { "down", "threshold", "absence" };
static const char *const aggregate_names[] = { "last", "avg", "min", "max" };
static const char *const operator_names[] = { ">", ">=", "<", "<=", "==", "!=" };
static const char *const scope_kind_names[] = { "all", "check", "tag", "environment" };
static const char *const environments[] = { "production", "staging", "development" };

static gboolean
lookup_name (const char *const *names,
             guint              n_names,
             const char        *text,
             int               *value)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (names[i], text))
      {
        *value = i;
        return TRUE;
      }

  return FALSE;
}

/* to_string () and from_string () of an enumeration, from its names. */
#define DEFINE_NAMES(Type, prefix, names)                             \
  const char *prefix##_to_string (Type value)                         \
  {                                                                   \
    g_return_val_if_fail ((guint)value < G_N_ELEMENTS (names), NULL); \
    return names[value];                                              \
  }                                                                   \
                                                                      \
  gboolean prefix##_from_string (const char *text, Type *value)       \
  {                                                                   \
    int found;                                                        \
                                                                      \
    if (!lookup_name (names, G_N_ELEMENTS (names), text, &found))     \
      return FALSE;                                                   \
    *value = found;                                                   \
    return TRUE;                                                      \
  }

/* clang-format off */
DEFINE_NAMES (OpsAlertState, ops_alert_state, state_names)
DEFINE_NAMES (OpsSampleStatus, ops_sample_status, status_names)
DEFINE_NAMES (OpsAlertRuleKind, ops_alert_rule_kind, rule_kind_names)
DEFINE_NAMES (OpsAlertAggregate, ops_alert_aggregate, aggregate_names)
DEFINE_NAMES (OpsAlertOperator, ops_alert_operator, operator_names)
/* clang-format on */

/* The state in words for people. */
const char *
ops_alert_state_to_label (OpsAlertState state)
{
  switch (state)
    {
    case OPS_ALERT_STATE_PENDING:
      return _("Pending");
    case OPS_ALERT_STATE_FIRING:
      return _("Firing");
    case OPS_ALERT_STATE_ACKNOWLEDGED:
      return _("Acknowledged");
    case OPS_ALERT_STATE_RESOLVED:
      return _("Resolved");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
ops_alert_state_is_open (OpsAlertState state)
{
  return state != OPS_ALERT_STATE_RESOLVED;
}

gboolean
ops_alert_operator_compare (OpsAlertOperator op,
                            double           value,
                            double           threshold)
{
  switch (op)
    {
    case OPS_ALERT_OPERATOR_GT:
      return value > threshold;
    case OPS_ALERT_OPERATOR_GE:
      return value >= threshold;
    case OPS_ALERT_OPERATOR_LT:
      return value < threshold;
    case OPS_ALERT_OPERATOR_LE:
      return value <= threshold;
    case OPS_ALERT_OPERATOR_EQ:
      return value == threshold;
    case OPS_ALERT_OPERATOR_NE:
      return value != threshold;
    default:
      g_return_val_if_reached (FALSE);
    }
}

const char *
ops_alert_scope_kind_to_string (OpsAlertScopeKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (scope_kind_names), NULL);

  return scope_kind_names[kind];
}

/**
 * ops_alert_validate_name:
 * @what: what is named, for the message, such as “A rule”
 * @name: (nullable): the name
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @name is a usable name: not empty, not only spaces,
 *   valid UTF-8 of at most %OPS_ALERT_MAX_NAME_LENGTH bytes
 */
gboolean
ops_alert_validate_name (const char *what,
                         const char *name,
                         GError    **error)
{
  g_autofree char *stripped = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID, _("%s needs a name."), what);
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (name));
  if (stripped[0] == '\0')
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID, _("%s needs a name."), what);
      return FALSE;
    }

  if (strlen (name) > OPS_ALERT_MAX_NAME_LENGTH)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("The name “%.40s…” is too long: use at most %d characters."), name,
                   OPS_ALERT_MAX_NAME_LENGTH);
      return FALSE;
    }

  return TRUE;
}

gboolean
ops_alert_validate_note (const char *note,
                         GError    **error)
{
  if (note == NULL)
    return TRUE;

  if (!g_utf8_validate (note, -1, NULL) || strlen (note) > OPS_ALERT_MAX_NOTE_LENGTH)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("The note is too long: write at most %d characters."),
                   OPS_ALERT_MAX_NOTE_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/* A metric is a name such as `latency_ms`, `disk_percent` or
 * `replication_lag_s`: lower-case letters, digits, `_` and `.`. */
gboolean
ops_alert_validate_metric (const char *metric,
                           GError    **error)
{
  gsize length = metric != NULL ? strlen (metric) : 0;

  if (length == 0)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("A threshold needs the name of the value it measures, such as latency_ms "
                      "or disk_percent."));
      return FALSE;
    }

  if (length > 64 || !g_ascii_islower (metric[0]))
    goto invalid;

  for (const char *p = metric; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_' && *p != '.')
      goto invalid;

  return TRUE;

invalid:
  g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
               _("“%s” is not a value name: use lower-case letters, digits and underscores, "
                  "starting with a letter, such as latency_ms."),
               metric);
  return FALSE;
}

gboolean
ops_alert_validate_environment (const char *environment,
                                GError    **error)
{
  int value;

  if (lookup_name (environments, G_N_ELEMENTS (environments), environment, &value))
    return TRUE;

  g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
               _("“%s” is not an environment: use production, staging or development."),
               environment != NULL ? environment : "");
  return FALSE;
}

/**
 * ops_alert_parse_duration:
 * @text: a duration such as `30s`, `5m`, `1h30m` or `2d`
 * @seconds: (out): the duration in seconds
 * @error: return location for a #GError
 *
 * A number alone is a number of seconds. The result is at most a year.
 *
 * Returns: %TRUE when @text is a duration
 */
gboolean
ops_alert_parse_duration (const char *text,
                          gint64     *seconds,
                          GError    **error)
{
  const char *p = text;
  gint64      total = 0;
  gboolean    any = FALSE;

  if (text == NULL)
    goto invalid;

  while (g_ascii_isspace (*p))
    p++;

  while (*p != '\0')
    {
      gint64 number = 0;
      gint64 unit = 1;
      guint  digits = 0;

      while (g_ascii_isdigit (*p))
        {
          if (++digits > 9)
            goto too_long;
          number = number * 10 + (*p - '0');
          p++;
        }
      if (digits == 0)
        goto invalid;

      switch (*p)
        {
        case 's':
          unit = 1;
          p++;
          break;
        case 'm':
          unit = 60;
          p++;
          break;
        case 'h':
          unit = 3600;
          p++;
          break;
        case 'd':
          unit = 86400;
          p++;
          break;
        case 'w':
          unit = 7 * 86400;
          p++;
          break;
        case '\0':
          /* A bare number counts in seconds, but only alone. */
          if (any)
            goto invalid;
          break;
        default:
          goto invalid;
        }

      total += number * unit;
      if (total > 366 * 86400)
        goto too_long;
      any = TRUE;

      while (g_ascii_isspace (*p))
        p++;
    }

  if (!any)
    goto invalid;

  *seconds = total;
  return TRUE;

too_long:
  g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
               _("The duration “%s” is too long: use at most a year."), text);
  return FALSE;

invalid:
  g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
               _("“%s” is not a duration: write a number followed by s, m, h or d, such as "
                  "30s, 5m or 1h30m."),
               text != NULL ? text : "");
  return FALSE;
}

/* The inverse of ops_alert_parse_duration(): `90` gives `1m30s`. */
char *
ops_alert_format_duration (gint64 seconds)
{
  static const struct
  {
    gint64 size;
    char   unit;
  } units[] = { { 86400, 'd' }, { 3600, 'h' }, { 60, 'm' }, { 1, 's' } };
  GString *text;

  if (seconds <= 0)
    return g_strdup ("0s");

  text = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (seconds >= units[i].size)
      {
        g_string_append_printf (text, "%" G_GINT64_FORMAT "%c", seconds / units[i].size,
                                units[i].unit);
        seconds %= units[i].size;
      }

  return g_string_free (text, FALSE);
}

/* A measured value for people: `812`, `99.5`, `0.25`. */
char *
ops_alert_format_value (double value)
{
  char  buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize length;

  if (!isfinite (value))
    return g_strdup ("—");

  if (fabs (value) >= 1e15 || value == floor (value))
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.0f", value));

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  length = strlen (buffer);
  while (length > 0 && buffer[length - 1] == '0')
    buffer[--length] = '\0';
  if (length > 0 && buffer[length - 1] == '.')
    buffer[--length] = '\0';

  return g_strdup (buffer);
}

/* A time for people, in the local time zone. */
char *
ops_alert_format_time (gint64 time_usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("—");

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

void
ops_alert_scope_clear (OpsAlertScope *scope)
{
  scope->kind = OPS_ALERT_SCOPE_ALL;
  g_clear_pointer (&scope->value, g_free);
}

void
ops_alert_scope_copy (const OpsAlertScope *src,
                      OpsAlertScope       *dest)
{
  dest->kind = src->kind;
  dest->value = g_strdup (src->value);
}

/**
 * ops_alert_scope_set:
 * @scope: a scope
 * @kind: what it covers
 * @value: (nullable): the check's name, the tag or the environment
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the scope was set; on error @scope is unchanged
 */
gboolean
ops_alert_scope_set (OpsAlertScope    *scope,
                     OpsAlertScopeKind kind,
                     const char       *value,
                     GError          **error)
{
  switch (kind)
    {
    case OPS_ALERT_SCOPE_ALL:
      value = NULL;
      break;
    case OPS_ALERT_SCOPE_CHECK:
      if (!ops_alert_validate_name (_("A check"), value, error))
        return FALSE;
      break;
    case OPS_ALERT_SCOPE_TAG:
      if (!ops_alert_validate_name (_("A tag"), value, error))
        return FALSE;
      break;
    case OPS_ALERT_SCOPE_ENVIRONMENT:
      if (!ops_alert_validate_environment (value, error))
        return FALSE;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  g_free (scope->value);
  scope->kind = kind;
  scope->value = g_strdup (value);

  return TRUE;
}

gboolean
ops_alert_scope_equal (const OpsAlertScope *a,
                       const OpsAlertScope *b)
{
  return a->kind == b->kind && g_strcmp0 (a->value, b->value) == 0;
}

gboolean
ops_alert_scope_matches (const OpsAlertScope    *scope,
                         const OpsAlertCheckRef *check)
{
  switch (scope->kind)
    {
    case OPS_ALERT_SCOPE_ALL:
      return TRUE;
    case OPS_ALERT_SCOPE_CHECK:
      return g_strcmp0 (scope->value, check->name) == 0;
    case OPS_ALERT_SCOPE_TAG:
      return check->tags != NULL && g_strv_contains (check->tags, scope->value);
    case OPS_ALERT_SCOPE_ENVIRONMENT:
      return g_strcmp0 (scope->value, check->environment) == 0;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The scope in words: “every check”, “the check “api””, … */
char *
ops_alert_scope_describe (const OpsAlertScope *scope)
{
  switch (scope->kind)
    {
    case OPS_ALERT_SCOPE_ALL:
      return g_strdup (_("every check"));
    case OPS_ALERT_SCOPE_CHECK:
      return g_strdup_printf (_("the check “%s”"), scope->value);
    case OPS_ALERT_SCOPE_TAG:
      return g_strdup_printf (_("checks tagged “%s”"), scope->value);
    case OPS_ALERT_SCOPE_ENVIRONMENT:
      return g_strdup_printf (_("checks in %s"), scope->value);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Adds `"scope": { "tag": "db" }` (or `{}` for every check) to an object
 * being built. */
void
ops_alert_scope_to_json (const OpsAlertScope *scope,
                         JsonBuilder         *builder)
{
  json_builder_set_member_name (builder, "scope");
  json_builder_begin_object (builder);
  if (scope->kind != OPS_ALERT_SCOPE_ALL)
    {
      json_builder_set_member_name (builder, scope_kind_names[scope->kind]);
      json_builder_add_string_value (builder, scope->value);
    }
  json_builder_end_object (builder);
}

/**
 * ops_alert_scope_from_json:
 * @scope: the scope to fill
 * @node: (nullable): `{}`, `{ "check": NAME }`, `{ "tag": TAG }` or
 *   `{ "environment": ENV }`; %NULL means every check
 * @where: what it belongs to, for messages, such as “The rule “Slow API””
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @node is a valid scope
 */
gboolean
ops_alert_scope_from_json (OpsAlertScope *scope,
                           JsonNode      *node,
                           const char    *where,
                           GError       **error)
{
  g_autoptr(GList) members = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode   *value;
  int         kind;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return ops_alert_scope_set (scope, OPS_ALERT_SCOPE_ALL, NULL, error);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto invalid;

  object = json_node_get_object (node);
  if (json_object_get_size (object) == 0)
    return ops_alert_scope_set (scope, OPS_ALERT_SCOPE_ALL, NULL, error);
  if (json_object_get_size (object) > 1)
    goto invalid;

  members = json_object_get_members (object);
  value = json_object_get_member (object, members->data);
  if (!lookup_name (scope_kind_names, G_N_ELEMENTS (scope_kind_names), members->data, &kind) ||
      kind == OPS_ALERT_SCOPE_ALL || !JSON_NODE_HOLDS_VALUE (value) ||
      json_node_get_value_type (value) != G_TYPE_STRING)
    goto invalid;

  if (!ops_alert_scope_set (scope, kind, json_node_get_string (value), &local_error))
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID, "%s: %s", where,
                   local_error->message);
      return FALSE;
    }

  return TRUE;

invalid:
  g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
               _("%s: the scope must be {} for every check, or one of {\"check\": NAME}, "
                  "{\"tag\": TAG} and {\"environment\": ENVIRONMENT}."),
               where);
  return FALSE;
}

/* Who acknowledges and resolves alerts by hand: the local user. */
const char *
ops_alert_get_user_name (void)
{
  return g_get_user_name ();
}

/* Returns: (nullable): the string member of @object, or %NULL when it is
 * missing or not a string (or @object is %NULL) */
const char *
ops_alert_json_get_string (JsonObject *object,
                           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}
