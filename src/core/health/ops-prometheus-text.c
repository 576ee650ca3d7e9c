/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-prometheus"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ops-prometheus-text.h"

/*
 * The Prometheus text format, a line at a time:
 *
 *   # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
 *   node_cpu_seconds_total{cpu="0",mode="idle"} 12345.6 1700000000000
 *
 * Comments are skipped; a line that does not parse is counted and skipped,
 * never fatal, so one garbled line does not hide a whole host.
 */

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == ':';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == ':';
}

static gboolean
parse_value (const char *p,
             const char *end,
             double     *value)
{
  g_autofree char *text = g_strndup (p, end - p);
  char            *stop = NULL;

  if (g_str_equal (text, "+Inf") || g_str_equal (text, "Inf"))
    *value = INFINITY;
  else if (g_str_equal (text, "-Inf"))
    *value = -INFINITY;
  else if (g_str_equal (text, "NaN"))
    *value = NAN;
  else
    {
      *value = g_ascii_strtod (text, &stop);
      if (stop == text || *stop != '\0')
        return FALSE;
    }

  return TRUE;
}

/* Parses one line; FALSE when it is not a sample. */
static gboolean
parse_line (const char *p,
            const char *end,
            GHashTable *labels,
            char      **name,
            double     *value)
{
  const char *start = p;
  const char *value_end;

  if (p == end || !is_name_start (*p))
    return FALSE;
  while (p < end && is_name_char (*p))
    p++;
  *name = g_strndup (start, p - start);

  if (p < end && *p == '{')
    {
      p++;
      for (;;)
        {
          const char      *label_start;
          g_autofree char *label = NULL;
          GString         *label_value;

          while (p < end && *p == ' ')
            p++;
          if (p < end && *p == '}')
            {
              p++;
              break;
            }
          if (p == end || !is_name_start (*p))
            return FALSE;
          label_start = p;
          while (p < end && is_name_char (*p))
            p++;
          label = g_strndup (label_start, p - label_start);
          if (p + 1 >= end || p[0] != '=' || p[1] != '"')
            return FALSE;
          p += 2;

          label_value = g_string_new (NULL);
          while (p < end && *p != '"')
            {
              if (*p == '\\' && p + 1 < end)
                {
                  p++;
                  g_string_append_c (label_value, *p == 'n' ? '\n' : *p);
                }
              else
                g_string_append_c (label_value, *p);
              p++;
            }
          if (p == end)
            {
              g_string_free (label_value, TRUE);
              return FALSE;
            }
          p++; /* the closing quote */
          g_hash_table_replace (labels, g_steal_pointer (&label), g_string_free (label_value, FALSE));

          while (p < end && *p == ' ')
            p++;
          if (p < end && *p == ',')
            p++;
          else if (p < end && *p == '}')
            {
              p++;
              break;
            }
          else
            return FALSE;
        }
    }

  if (p == end || (*p != ' ' && *p != '\t'))
    return FALSE;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;

  value_end = p;
  while (value_end < end && *value_end != ' ' && *value_end != '\t')
    value_end++;
  if (value_end == p || !parse_value (p, value_end, value))
    return FALSE;

  /* An optional timestamp, then nothing. */
  p = value_end;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (p < end)
    {
      const char *stamp = p;

      if (*p == '-')
        p++;
      while (p < end && g_ascii_isdigit (*p))
        p++;
      while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
      if (p != end || stamp == p)
        return FALSE;
    }

  return TRUE;
}

/**
 * ops_prometheus_text_parse:
 * @text: the exposition (need not be NUL-terminated)
 * @length: its length
 * @func: called for each sample
 * @user_data: data for @func
 * @n_ignored: (out) (optional): lines that are neither samples nor
 *   comments
 *
 * Returns: the number of samples
 */
guint
ops_prometheus_text_parse (const char             *text,
                           gsize                   length,
                           OpsPrometheusSampleFunc func,
                           gpointer                user_data,
                           guint                  *n_ignored)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *p = text;
  const char *end = text + length;
  guint       samples = 0, ignored = 0;

  while (p < end)
    {
      const char      *line_end = memchr (p, '\n', end - p);
      const char      *content_end;
      g_autofree char *name = NULL;
      double           value = 0;

      if (line_end == NULL)
        line_end = end;
      content_end = line_end;
      if (content_end > p && content_end[-1] == '\r')
        content_end--;

      while (p < content_end && (*p == ' ' || *p == '\t'))
        p++;

      if (p == content_end || *p == '#')
        ;
      else if (parse_line (p, content_end, labels, &name, &value))
        {
          OpsPrometheusSample sample = { name, labels, value };

          func (&sample, user_data);
          samples++;
        }
      else
        ignored++;

      g_hash_table_remove_all (labels);
      p = line_end + 1;
    }

  if (n_ignored != NULL)
    *n_ignored = ignored;
  return samples;
}
