/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-condition"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ops-condition-private.h"
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
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Columns count characters, from 1, as editors do. */
  g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_CONDITION,
               _("Condition “%s”, column %ld: %s"), text,
               g_utf8_pointer_to_offset (text, text + offset) + 1, message);
  return FALSE;
}

gboolean
_ops_condition_is_time_placeholder (OpsPlaceholders placeholder)
{
  return placeholder == OPS_PLACEHOLDER_RESPONSE_TIME ||
         placeholder == OPS_PLACEHOLDER_CERTIFICATE_EXPIRATION;
}

gboolean
_ops_condition_parse_number (const char *text,
                             double     *value)
{
  char  *end = NULL;
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
gboolean
_ops_condition_parse_quantity (const char     *text,
                               OpsPlaceholders placeholder,
                               double         *value)
{
  gint64 msec;

  if (_ops_condition_parse_number (text, value))
    return TRUE;

  if (_ops_condition_is_time_placeholder (placeholder) && ops_health_parse_duration (text, &msec, NULL))
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
  const char      *close = strchr (text, ']');
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
  gsize            offset = start;
  gsize            length;

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
      char             function[4];

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
  gsize    offset = 0, length = 0;
  gssize   unclosed;
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
          !_ops_condition_parse_quantity (numeric_side->text,
                                          other_side->type == OPERAND_PLACEHOLDER ? other_side->placeholder : 0,
                                          NULL))
        {
          gsize at = numeric_side == &self->right
                         ? offset + length + strspn (text + offset + length, " \t")
                         : strspn (text, " \t");

          parse_error (error, text, at,
                       _ops_condition_is_time_placeholder (other_side->placeholder)
                           ? _("“%s” is not a number or a duration such as 300ms or 48h.")
                           : _("“%s” is not a number; <, <=, > and >= compare numbers."),
                       numeric_side->text);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}
