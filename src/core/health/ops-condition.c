/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-condition"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ops-condition.h"
#include "ops-health-types.h"

/*
 * Conditions in Gatus's language, so that operators can bring their Gatus
 * checks: `LEFT OPERATOR RIGHT`, where an operand is a placeholder
 * (`[STATUS]`, `[RESPONSE_TIME]`, `[BODY]`, `[BODY].checks.db.status`,
 * `[BODY].items[0].id`, `[CERTIFICATE_EXPIRATION]`, `[CONNECTED]`, `[IP]`),
 * a function of one (`len(…)`, `has(…)`), a pattern or a list on the right
 * (`pat(*ok*)`, `any(UP, WARN)`), or literal text. Numbers compare as
 * numbers; durations (`48h`) compare with the time placeholders in
 * milliseconds. A condition that does not parse says at which column.
 */

#define MAX_SHOWN_TEXT 80

typedef enum
{
  OPERAND_LITERAL,
  OPERAND_PLACEHOLDER,
  OPERAND_LEN,
  OPERAND_HAS,
  OPERAND_PATTERN,
  OPERAND_ANY,
} OperandType;

typedef struct
{
  OperandType     type;
  OpsPlaceholders placeholder;
  char           *path; /* after [BODY]: "checks.db.status", or NULL */
  char           *text; /* literal, pattern, or the operand as written */
  GStrv           values;
} Operand;

typedef enum
{
  OP_EQ,
  OP_NE,
  OP_LT,
  OP_LE,
  OP_GT,
  OP_GE,
} Operator;

struct _OpsCondition
{
  char    *text;
  Operand  left;
  Operand  right;
  Operator op;
};

static const struct
{
  const char *token;
  Operator    op;
} operators[] = {
  { "==", OP_EQ },
  { "!=", OP_NE },
  { "<=", OP_LE },
  { ">=", OP_GE },
  { "<", OP_LT },
  { ">", OP_GT },
};

static const struct
{
  const char     *name;
  OpsPlaceholders placeholder;
} placeholders[] = {
  { "STATUS", OPS_PLACEHOLDER_STATUS },
  { "RESPONSE_TIME", OPS_PLACEHOLDER_RESPONSE_TIME },
  { "BODY", OPS_PLACEHOLDER_BODY },
  { "CERTIFICATE_EXPIRATION", OPS_PLACEHOLDER_CERTIFICATE_EXPIRATION },
  { "CONNECTED", OPS_PLACEHOLDER_CONNECTED },
  { "IP", OPS_PLACEHOLDER_IP },
};

static void
operand_clear (Operand *operand)
{
  g_clear_pointer (&operand->path, g_free);
  g_clear_pointer (&operand->text, g_free);
  g_clear_pointer (&operand->values, g_strfreev);
}

void
ops_condition_free (OpsCondition *self)
{
  if (self == NULL)
    return;

  operand_clear (&self->left);
  operand_clear (&self->right);
  g_free (self->text);
  g_free (self);
}

const char *
ops_condition_get_text (OpsCondition *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

G_GNUC_PRINTF (4, 5)
static gboolean
parse_error (GError    **error,
             const char *text,
             gsize       offset,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Columns count characters, from 1, as editors do. */
  g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_CONDITION,
               _("Condition “%s”, column %ld: %s"), text,
               g_utf8_pointer_to_offset (text, text + offset) + 1, message);
  return FALSE;
}

static gboolean
is_time_placeholder (OpsPlaceholders placeholder)
{
  return placeholder == OPS_PLACEHOLDER_RESPONSE_TIME ||
         placeholder == OPS_PLACEHOLDER_CERTIFICATE_EXPIRATION;
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;
  double v;

  if (text == NULL || *text == '\0')
    return FALSE;

  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v))
    return FALSE;

  if (value != NULL)
    *value = v;
  return TRUE;
}

/* A number, or for time placeholders a duration in milliseconds. */
static gboolean
parse_quantity (const char     *text,
                OpsPlaceholders placeholder,
                double         *value)
{
  gint64 msec;

  if (parse_number (text, value))
    return TRUE;

  if (is_time_placeholder (placeholder) && ops_health_parse_duration (text, &msec, NULL))
    {
      if (value != NULL)
        *value = msec;
      return TRUE;
    }

  return FALSE;
}

/* Finds the operator outside brackets and parentheses. */
static gboolean
find_operator (const char *text,
               gsize      *offset,
               Operator   *op,
               gsize      *length,
               gssize     *unclosed)
{
  int depth = 0;

  *unclosed = -1;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '(' || *p == '[')
        {
          if (depth++ == 0)
            *unclosed = p - text;
        }
      else if ((*p == ')' || *p == ']') && depth > 0)
        {
          if (--depth == 0)
            *unclosed = -1;
        }
      else if (depth == 0)
        for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
          if (g_str_has_prefix (p, operators[i].token))
            {
              *offset = p - text;
              *op = operators[i].op;
              *length = strlen (operators[i].token);
              return TRUE;
            }
    }

  return FALSE;
}

/* Where the operator should be: after the first placeholder or function,
 * else at the end. */
static gsize
where_operator_belongs (const char *text)
{
  const char *p = text;
  const char *close = NULL;

  while (g_ascii_isspace (*p))
    p++;

  if (*p == '[')
    {
      close = strchr (p, ']');
      if (close != NULL)
        {
          p = close + 1;
          while (*p != '\0' && !g_ascii_isspace (*p))
            p++;
        }
    }
  else if (g_str_has_prefix (p, "len(") || g_str_has_prefix (p, "has("))
    {
      close = strchr (p, ')');
      if (close != NULL)
        p = close + 1;
    }

  if (close == NULL)
    return strlen (text);

  while (g_ascii_isspace (*p))
    p++;
  return p - text;
}

static gboolean
parse_body_path (const char *whole,
                 const char *path,
                 gsize       offset,
                 char      **out,
                 GError    **error)
{
  const char *p = path;

  while (*p != '\0')
    {
      if (*p == '.')
        {
          const char *start = ++p;

          while (*p != '\0' && *p != '.' && *p != '[' && !g_ascii_isspace (*p))
            p++;
          if (p == start)
            return parse_error (error, whole, offset + (start - path),
                                _("a field name is missing after “.”."));
        }
      else if (*p == '[')
        {
          const char *start = ++p;

          while (g_ascii_isdigit (*p))
            p++;
          if (p == start || *p != ']')
            return parse_error (error, whole, offset + (start - path),
                                _("an array index such as [0] is expected here."));
          p++;
        }
      else
        return parse_error (error, whole, offset + (p - path),
                            _("unexpected “%c” after [BODY]; write a path such as "
                              "[BODY].status or [BODY].items[0]."),
                            *p);
    }

  *out = g_strdup (*path == '.' ? path + 1 : path);
  return TRUE;
}

static gboolean
parse_placeholder (const char     *whole,
                   const char     *text,
                   gsize           offset,
                   OpsPlaceholders allowed,
                   Operand        *operand,
                   GError        **error)
{
  const char *close = strchr (text, ']');
  g_autofree char *name = NULL;

  if (close == NULL)
    return parse_error (error, whole, offset, _("“[” is never closed with “]”."));

  name = g_strndup (text + 1, close - text - 1);
  operand->placeholder = 0;
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (g_str_equal (placeholders[i].name, name))
      operand->placeholder = placeholders[i].placeholder;

  if (operand->placeholder == 0)
    return parse_error (error, whole, offset,
                        _("unknown placeholder [%s]. Use [STATUS], [RESPONSE_TIME], [BODY], "
                          "[CERTIFICATE_EXPIRATION], [CONNECTED] or [IP]."),
                        name);

  if ((allowed & operand->placeholder) == 0)
    return parse_error (error, whole, offset,
                        _("[%s] is not available for this kind of check."), name);

  operand->type = OPERAND_PLACEHOLDER;
  operand->text = g_strdup (text);

  if (close[1] == '\0')
    return TRUE;

  if (operand->placeholder != OPS_PLACEHOLDER_BODY)
    return parse_error (error, whole, offset + (close + 1 - text),
                        _("unexpected text after [%s]."), name);

  return parse_body_path (whole, close + 1, offset + (close + 1 - text), &operand->path, error);
}

static gboolean
parse_operand (const char     *whole,
               gsize           start,
               gsize           end,
               gboolean        right,
               OpsPlaceholders allowed,
               Operand        *operand,
               GError        **error)
{
  g_autofree char *text = NULL;
  gsize offset = start;
  gsize length;

  while (offset < end && g_ascii_isspace (whole[offset]))
    offset++;
  while (end > offset && g_ascii_isspace (whole[end - 1]))
    end--;

  if (offset == end)
    return parse_error (error, whole, offset,
                        right ? _("a value is missing after the operator.")
                              : _("a value is missing before the operator."));

  text = g_strndup (whole + offset, end - offset);
  length = end - offset;

  if (g_str_has_prefix (text, "len(") || g_str_has_prefix (text, "has(") ||
      g_str_has_prefix (text, "pat(") || g_str_has_prefix (text, "any("))
    {
      g_autofree char *inner = NULL;
      char function[4];

      memcpy (function, text, 3);
      function[3] = '\0';

      if (text[length - 1] != ')')
        return parse_error (error, whole, offset + 3, _("“%s(” is never closed with “)”."),
                            function);

      inner = g_strstrip (g_strndup (text + 4, length - 5));

      if (g_str_equal (function, "pat") || g_str_equal (function, "any"))
        {
          if (!right)
            return parse_error (error, whole, offset,
                                _("%s() can only be used on the right of the operator."),
                                function);
          operand->type = g_str_equal (function, "pat") ? OPERAND_PATTERN : OPERAND_ANY;
          operand->text = g_strdup (inner);
          if (operand->type == OPERAND_ANY)
            {
              operand->values = g_strsplit (inner, ",", -1);
              for (guint i = 0; operand->values[i] != NULL; i++)
                g_strstrip (operand->values[i]);
            }
          return TRUE;
        }

      if (inner[0] != '[')
        return parse_error (error, whole, offset + 4,
                            _("%s() takes a placeholder, such as %s([BODY].items)."), function,
                            function);

      if (!parse_placeholder (whole, inner, offset + 4 + (strstr (text + 4, inner) - (text + 4)),
                              allowed, operand, error))
        return FALSE;

      operand->type = g_str_equal (function, "len") ? OPERAND_LEN : OPERAND_HAS;
      g_free (operand->text);
      operand->text = g_steal_pointer (&text);
      return TRUE;
    }

  if (text[0] == '[')
    return parse_placeholder (whole, text, offset, allowed, operand, error);

  operand->type = OPERAND_LITERAL;
  operand->text = g_steal_pointer (&text);
  return TRUE;
}

/**
 * ops_condition_parse:
 * @text: a condition such as `[STATUS] == 200`
 * @allowed: the placeholders the check offers
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the condition, or %NULL with an error that
 *   names the column
 */
OpsCondition *
ops_condition_parse (const char     *text,
                     OpsPlaceholders allowed,
                     GError        **error)
{
  g_autoptr(OpsCondition) self = NULL;
  gsize offset = 0, length = 0;
  gssize unclosed;
  Operand *numeric_side = NULL;
  Operand *other_side = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_new0 (OpsCondition, 1);
  self->text = g_strdup (text);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_CONDITION,
                   _("A condition is not valid UTF-8 text."));
      return NULL;
    }

  if (!find_operator (text, &offset, &self->op, &length, &unclosed))
    {
      if (unclosed >= 0)
        {
          parse_error (error, text, unclosed, _("“%c” is never closed with “%c”."),
                       text[unclosed], text[unclosed] == '(' ? ')' : ']');
          return NULL;
        }
      parse_error (error, text, where_operator_belongs (text),
                   _("no operator found; write a comparison such as [STATUS] == 200 "
                     "(==, !=, <, <=, >, >=)."));
      return NULL;
    }

  if (!parse_operand (text, 0, offset, FALSE, allowed, &self->left, error) ||
      !parse_operand (text, offset + length, strlen (text), TRUE, allowed, &self->right, error))
    return NULL;

  if ((self->right.type == OPERAND_PATTERN || self->right.type == OPERAND_ANY) &&
      self->op != OP_EQ && self->op != OP_NE)
    {
      parse_error (error, text, offset, _("pat() and any() work only with == and !=."));
      return NULL;
    }

  /* An ordering needs numbers: check a literal compared with a number. */
  if (self->op != OP_EQ && self->op != OP_NE)
    {
      if (self->right.type == OPERAND_LITERAL && self->left.type != OPERAND_LITERAL)
        numeric_side = &self->right, other_side = &self->left;
      else if (self->left.type == OPERAND_LITERAL && self->right.type != OPERAND_LITERAL)
        numeric_side = &self->left, other_side = &self->right;

      if (numeric_side != NULL &&
          !parse_quantity (numeric_side->text,
                           other_side->type == OPERAND_PLACEHOLDER ? other_side->placeholder : 0,
                           NULL))
        {
          gsize at = numeric_side == &self->right
                       ? offset + length + strspn (text + offset + length, " \t")
                       : strspn (text, " \t");

          parse_error (error, text, at,
                       is_time_placeholder (other_side->placeholder)
                         ? _("“%s” is not a number or a duration such as 300ms or 48h.")
                         : _("“%s” is not a number; <, <=, > and >= compare numbers."),
                       numeric_side->text);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

void
ops_condition_context_clear (OpsConditionContext *context)
{
  g_clear_pointer (&context->body_json, json_node_unref);
  g_clear_pointer (&context->body_json_error, g_free);
  context->body_parsed = FALSE;
}

static JsonNode *
get_body_json (OpsConditionContext *context)
{
  if (!context->body_parsed)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;
      gsize size = 0;
      const char *data = context->body != NULL ? g_bytes_get_data (context->body, &size) : "";

      context->body_parsed = TRUE;
      if (json_parser_load_from_data (parser, data, size, &error) &&
          json_parser_get_root (parser) != NULL)
        context->body_json = json_node_ref (json_parser_get_root (parser));
      else
        context->body_json_error = g_strdup (error != NULL ? error->message
                                                           : _("the body is empty"));
    }

  return context->body_json;
}

/* Walks "checks.db.status" or "items[0].id" in a JSON document. */
static JsonNode *
walk_path (JsonNode   *node,
           const char *path)
{
  const char *p = path;

  while (node != NULL && *p != '\0')
    {
      if (*p == '.')
        p++;

      if (*p == '[')
        {
          guint64 index = g_ascii_strtoull (p + 1, (char **) &p, 10);

          p++; /* ']' */
          if (!JSON_NODE_HOLDS_ARRAY (node) ||
              index >= json_array_get_length (json_node_get_array (node)))
            return NULL;
          node = json_array_get_element (json_node_get_array (node), index);
        }
      else
        {
          gsize n = strcspn (p, ".[");
          g_autofree char *member = g_strndup (p, n);

          p += n;
          if (!JSON_NODE_HOLDS_OBJECT (node))
            return NULL;
          node = json_object_get_member (json_node_get_object (node), member);
        }
    }

  return node;
}

static char *
json_to_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (type == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? "true" : "false");
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.17g", json_node_get_double (node)));
    }

  return json_to_string (node, FALSE);
}

static char *
format_ms (double ms)
{
  if (ms >= 48 * 3600 * 1000.0)
    return g_strdup_printf (_("%.1f days"), ms / (24 * 3600 * 1000.0));
  if (ms >= 3600 * 1000.0)
    return g_strdup_printf (_("%.1f hours"), ms / (3600 * 1000.0));
  if (ms >= 10 * 1000.0)
    return g_strdup_printf (_("%.1f s"), ms / 1000.0);
  return g_strdup_printf (_("%.0f ms"), ms);
}

/* The operand's value as text, or NULL with @missing saying why. */
static char *
resolve (Operand             *operand,
         OpsConditionContext *context,
         char               **missing)
{
  JsonNode *node;

  if (operand->type == OPERAND_LITERAL)
    return g_strdup (operand->text);

  if ((context->available & operand->placeholder) == 0)
    {
      *missing = g_strdup_printf (_("%s was not measured"), operand->text);
      return NULL;
    }

  if (operand->type == OPERAND_HAS)
    {
      gboolean present = TRUE;

      if (operand->placeholder == OPS_PLACEHOLDER_BODY)
        {
          JsonNode *root = get_body_json (context);

          present = root != NULL && (operand->path == NULL || walk_path (root, operand->path) != NULL);
        }
      return g_strdup (present ? "true" : "false");
    }

  switch (operand->placeholder)
    {
    case OPS_PLACEHOLDER_STATUS:
      return g_strdup_printf ("%u", context->status);
    case OPS_PLACEHOLDER_RESPONSE_TIME:
      return g_strdup_printf ("%.0f", context->response_time_ms);
    case OPS_PLACEHOLDER_CERTIFICATE_EXPIRATION:
      return g_strdup_printf ("%" G_GINT64_FORMAT, context->certificate_expiration_ms);
    case OPS_PLACEHOLDER_CONNECTED:
      return g_strdup (context->connected ? "true" : "false");
    case OPS_PLACEHOLDER_IP:
      return g_strdup (context->ip != NULL ? context->ip : "");
    case OPS_PLACEHOLDER_BODY:
      if (operand->path == NULL && operand->type != OPERAND_LEN)
        {
          gsize size = 0;
          const char *data = context->body != NULL ? g_bytes_get_data (context->body, &size) : "";

          return g_utf8_make_valid (data, size);
        }

      if (operand->path == NULL)
        node = get_body_json (context);
      else
        {
          JsonNode *root = get_body_json (context);

          if (root == NULL)
            {
              *missing = g_strdup_printf (_("the body is not JSON (%s), so %s cannot be read"),
                                          context->body_json_error, operand->text);
              return NULL;
            }
          node = walk_path (root, operand->path);
        }

      if (node == NULL)
        {
          if (operand->path == NULL)
            {
              /* len([BODY]) of a body that is not JSON: its length. */
              gsize size = context->body != NULL ? g_bytes_get_size (context->body) : 0;

              return g_strdup_printf ("%" G_GSIZE_FORMAT, size);
            }
          *missing = g_strdup_printf (_("JSON field %s is missing"), operand->path);
          return NULL;
        }

      if (operand->type == OPERAND_LEN)
        {
          if (JSON_NODE_HOLDS_ARRAY (node))
            return g_strdup_printf ("%u", json_array_get_length (json_node_get_array (node)));
          if (JSON_NODE_HOLDS_OBJECT (node))
            return g_strdup_printf ("%u", json_object_get_size (json_node_get_object (node)));
          {
            g_autofree char *text = json_to_text (node);

            return g_strdup_printf ("%ld", g_utf8_strlen (text, -1));
          }
        }

      return json_to_text (node);

    default:
      g_assert_not_reached ();
    }
}

static char *
expectation (Operator    op,
             const char *value)
{
  switch (op)
    {
    case OP_EQ:
      return g_strdup_printf (_("expected %s"), value);
    case OP_NE:
      return g_strdup_printf (_("expected anything but %s"), value);
    case OP_LT:
      return g_strdup_printf (_("expected under %s"), value);
    case OP_LE:
      return g_strdup_printf (_("expected at most %s"), value);
    case OP_GT:
      return g_strdup_printf (_("expected over %s"), value);
    case OP_GE:
    default:
      return g_strdup_printf (_("expected at least %s"), value);
    }
}

static char *
shorten (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= MAX_SHOWN_TEXT)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, MAX_SHOWN_TEXT);
  return g_strconcat (start, "…", NULL);
}

/* “JSON field checks.db.status is DOWN, expected UP”. */
static char *
describe_failure (OpsCondition *self,
                  const char   *value)
{
  Operand *subject = self->left.type != OPERAND_LITERAL ? &self->left : &self->right;
  Operand *other = subject == &self->left ? &self->right : &self->left;
  g_autofree char *shown = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *expected = NULL;

  if (other->type == OPERAND_PATTERN)
    wanted = g_strdup_printf (self->op == OP_EQ ? _("text matching %s") : _("text not matching %s"),
                              other->text);
  else if (other->type == OPERAND_ANY)
    wanted = g_strdup_printf (self->op == OP_EQ ? _("one of %s") : _("none of %s"), other->text);

  if (subject->type == OPERAND_PLACEHOLDER && is_time_placeholder (subject->placeholder) &&
      other->type == OPERAND_LITERAL)
    {
      g_autofree char *limit_text = NULL;
      double ms = 0, limit = 0;

      parse_number (value, &ms);
      parse_quantity (other->text, subject->placeholder, &limit);
      shown = format_ms (ms);
      limit_text = format_ms (limit);
      expected = expectation (self->op, limit_text);
    }
  else
    {
      shown = shorten (value);
      if (wanted != NULL)
        expected = g_strdup_printf (_("expected %s"), wanted);
      else
        expected = expectation (self->op, other->text);
    }

  if (subject->type == OPERAND_LEN)
    return g_strdup_printf (_("%s is %s, %s"), subject->text, shown, expected);
  if (subject->type == OPERAND_HAS)
    return g_strdup_printf (_("%s is %s, %s"), subject->text, shown, expected);

  switch (subject->placeholder)
    {
    case OPS_PLACEHOLDER_STATUS:
      return g_strdup_printf (_("HTTP status %s, %s"), shown, expected);
    case OPS_PLACEHOLDER_RESPONSE_TIME:
      return g_strdup_printf (_("response time %s, %s"), shown, expected);
    case OPS_PLACEHOLDER_CERTIFICATE_EXPIRATION:
      return g_strdup_printf (_("TLS certificate expires in %s, %s"), shown, expected);
    case OPS_PLACEHOLDER_CONNECTED:
      return g_strdup_printf (_("connected is %s, %s"), shown, expected);
    case OPS_PLACEHOLDER_IP:
      return g_strdup_printf (_("address %s, %s"), shown, expected);
    case OPS_PLACEHOLDER_BODY:
      if (subject->path != NULL)
        return g_strdup_printf (_("JSON field %s is %s, %s"), subject->path, shown, expected);
      return g_strdup_printf (_("the body is “%s”, %s"), shown, expected);
    default:
      return g_strdup_printf (_("“%s” is not met"), self->text);
    }
}

static gboolean
compare (Operator    op,
         const char *left,
         const char *right,
         double      left_number,
         double      right_number,
         gboolean    numeric)
{
  int order;

  if (numeric)
    order = left_number < right_number ? -1 : left_number > right_number ? 1 : 0;
  else
    order = strcmp (left, right);

  switch (op)
    {
    case OP_EQ:
      return order == 0;
    case OP_NE:
      return order != 0;
    case OP_LT:
      return order < 0;
    case OP_LE:
      return order <= 0;
    case OP_GT:
      return order > 0;
    case OP_GE:
    default:
      return order >= 0;
    }
}

/**
 * ops_condition_evaluate:
 * @self: a condition
 * @context: what the probe measured
 * @failure: (out) (optional): when it is not met, why, in words
 *
 * Returns: %TRUE when the condition is met
 */
gboolean
ops_condition_evaluate (OpsCondition        *self,
                        OpsConditionContext *context,
                        char               **failure)
{
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *missing = NULL;
  OpsPlaceholders unit = 0;
  double left_number = 0, right_number = 0;
  gboolean numeric;
  gboolean met;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (context != NULL, FALSE);

  if (self->right.type == OPERAND_PATTERN || self->right.type == OPERAND_ANY)
    {
      left = resolve (&self->left, context, &missing);
      if (left == NULL)
        goto missing;

      if (self->right.type == OPERAND_PATTERN)
        met = g_pattern_match_simple (self->right.text, left);
      else
        met = g_strv_contains ((const char *const *) self->right.values, left);
      if (self->op == OP_NE)
        met = !met;
    }
  else
    {
      left = resolve (&self->left, context, &missing);
      if (left == NULL)
        goto missing;
      right = resolve (&self->right, context, &missing);
      if (right == NULL)
        goto missing;

      if (self->left.type == OPERAND_PLACEHOLDER)
        unit = self->left.placeholder;
      else if (self->right.type == OPERAND_PLACEHOLDER)
        unit = self->right.placeholder;

      numeric = parse_quantity (left, unit, &left_number) &&
                parse_quantity (right, unit, &right_number);

      if (!numeric && self->op != OP_EQ && self->op != OP_NE)
        {
          if (failure != NULL)
            *failure = g_strdup_printf (_("“%s” cannot be checked: “%s” is not a number"),
                                        self->text,
                                        parse_quantity (left, unit, NULL) ? right : left);
          return FALSE;
        }

      met = compare (self->op, left, right, left_number, right_number, numeric);
    }

  if (!met && failure != NULL)
    *failure = describe_failure (self, self->left.type != OPERAND_LITERAL ? left : right);

  return met;

missing:
  if (failure != NULL)
    *failure = g_strdup_printf (_("%s, expected %s"), missing, self->text);
  return FALSE;
}
