/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-condition"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ops-condition-private.h"
#include "ops-health-types.h"

/* Evaluating a parsed condition against what a probe measured, and saying
 * in words why it is not met. */

#define MAX_SHOWN_TEXT 80

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
      gsize       size = 0;
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
          guint64 index = g_ascii_strtoull (p + 1, (char **)&p, 10);

          p++; /* ']' */
          if (!JSON_NODE_HOLDS_ARRAY (node) ||
              index >= json_array_get_length (json_node_get_array (node)))
            return NULL;
          node = json_array_get_element (json_node_get_array (node), index);
        }
      else
        {
          gsize            n = strcspn (p, ".[");
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
      char  buffer[G_ASCII_DTOSTR_BUF_SIZE];

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
          gsize       size = 0;
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
  Operand         *subject = self->left.type != OPERAND_LITERAL ? &self->left : &self->right;
  Operand         *other = subject == &self->left ? &self->right : &self->left;
  g_autofree char *shown = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *expected = NULL;

  if (other->type == OPERAND_PATTERN)
    wanted = g_strdup_printf (self->op == OP_EQ ? _("text matching %s") : _("text not matching %s"),
                              other->text);
  else if (other->type == OPERAND_ANY)
    wanted = g_strdup_printf (self->op == OP_EQ ? _("one of %s") : _("none of %s"), other->text);

  if (subject->type == OPERAND_PLACEHOLDER && _ops_condition_is_time_placeholder (subject->placeholder) &&
      other->type == OPERAND_LITERAL)
    {
      g_autofree char *limit_text = NULL;
      double           ms = 0, limit = 0;

      _ops_condition_parse_number (value, &ms);
      _ops_condition_parse_quantity (other->text, subject->placeholder, &limit);
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
    order = left_number < right_number ? -1 : left_number > right_number ? 1
                                                                         : 0;
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
  OpsPlaceholders  unit = 0;
  double           left_number = 0, right_number = 0;
  gboolean         numeric;
  gboolean         met;

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
        met = g_strv_contains ((const char *const *)self->right.values, left);
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

      numeric = _ops_condition_parse_quantity (left, unit, &left_number) &&
                _ops_condition_parse_quantity (right, unit, &right_number);

      if (!numeric && self->op != OP_EQ && self->op != OP_NE)
        {
          if (failure != NULL)
            *failure = g_strdup_printf (_("“%s” cannot be checked: “%s” is not a number"),
                                        self->text,
                                        _ops_condition_parse_quantity (left, unit, NULL) ? right : left);
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
