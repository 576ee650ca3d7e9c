/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-loadtest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ops-load-error.h"
#include "ops-load-threshold.h"

typedef enum
{
  KIND_LATENCY,
  KIND_RATE,
  KIND_THROUGHPUT,
  KIND_COUNT,
} MetricKind;

static const struct
{
  const char   *name;
  OpsLoadMetric metric;
  MetricKind    kind;
} metrics[] = {
  { "avg", OPS_LOAD_METRIC_AVG, KIND_LATENCY },
  { "min", OPS_LOAD_METRIC_MIN, KIND_LATENCY },
  { "med", OPS_LOAD_METRIC_MED, KIND_LATENCY },
  { "max", OPS_LOAD_METRIC_MAX, KIND_LATENCY },
  { "stdev", OPS_LOAD_METRIC_STDEV, KIND_LATENCY },
  { "error_rate", OPS_LOAD_METRIC_ERROR_RATE, KIND_RATE },
  { "rps", OPS_LOAD_METRIC_RPS, KIND_THROUGHPUT },
  { "requests", OPS_LOAD_METRIC_REQUESTS, KIND_COUNT },
  { "errors", OPS_LOAD_METRIC_ERRORS, KIND_COUNT },
  { "status_2xx", OPS_LOAD_METRIC_STATUS_2XX, KIND_COUNT },
  { "status_3xx", OPS_LOAD_METRIC_STATUS_3XX, KIND_COUNT },
  { "status_4xx", OPS_LOAD_METRIC_STATUS_4XX, KIND_COUNT },
  { "status_5xx", OPS_LOAD_METRIC_STATUS_5XX, KIND_COUNT },
};

static const struct
{
  const char    *symbol;
  OpsLoadCompare compare;
} operators[] = {
  /* Two-character operators first. */
  { "<=", OPS_LOAD_COMPARE_LE },
  { ">=", OPS_LOAD_COMPARE_GE },
  { "==", OPS_LOAD_COMPARE_EQ },
  { "!=", OPS_LOAD_COMPARE_NE },
  { "<", OPS_LOAD_COMPARE_LT },
  { ">", OPS_LOAD_COMPARE_GT },
};

static MetricKind
metric_kind (OpsLoadMetric metric)
{
  if (metric == OPS_LOAD_METRIC_PERCENTILE)
    return KIND_LATENCY;
  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    if (metrics[i].metric == metric)
      return metrics[i].kind;
  g_return_val_if_reached (KIND_COUNT);
}

static void
skip_spaces (const char **p)
{
  while (g_ascii_isspace (**p))
    (*p)++;
}

static gboolean
invalid (GError    **error,
         const char *text,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError    **error,
         const char *text,
         const char *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list          args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_THRESHOLD,
               _("The threshold “%s” cannot be used: %s"), text, reason);
  return FALSE;
}

/* Reads a plain decimal number (no sign, no exponent, no hex). */
static gboolean
read_number (const char **p,
             double      *value)
{
  const char      *start = *p;
  g_autofree char *copy = NULL;
  char            *end;

  while (g_ascii_isdigit (**p) || **p == '.')
    (*p)++;
  if (*p == start)
    return FALSE;

  copy = g_strndup (start, *p - start);
  *value = g_ascii_strtod (copy, &end);
  return *end == '\0' && isfinite (*value);
}

static gboolean
parse_metric (OpsLoadThreshold *self,
              const char      **p,
              const char       *text,
              GError          **error)
{
  const char      *start = *p;
  g_autofree char *name = NULL;

  if (g_str_has_prefix (*p, "p("))
    {
      double percentile;

      *p += 2;
      skip_spaces (p);
      if (!read_number (p, &percentile))
        return invalid (error, text, _("write the percentile as a number, as in “p(95)”."));
      skip_spaces (p);
      if (**p != ')')
        return invalid (error, text, _("the percentile is missing its closing parenthesis."));
      (*p)++;
      if (percentile <= 0 || percentile > 100)
        return invalid (error, text, _("a percentile must be above 0 and at most 100."));
      self->metric = OPS_LOAD_METRIC_PERCENTILE;
      self->percentile = percentile;
      return TRUE;
    }

  while (g_ascii_isalnum (**p) || **p == '_')
    (*p)++;
  name = g_strndup (start, *p - start);

  if (*name == '\0')
    return invalid (error, text, _("it must start with a metric such as p(95), avg, max, "
                                    "error_rate, rps or status_5xx."));

  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    if (g_str_equal (metrics[i].name, name))
      {
        self->metric = metrics[i].metric;
        return TRUE;
      }

  return invalid (error, text, _("“%s” is not a metric; use p(N), avg, min, med, max, stdev, "
                                  "error_rate, rps, requests, errors or status_2xx…status_5xx."),
                  name);
}

/* Converts @value with the unit that follows it into the metric's unit. */
static gboolean
parse_unit (OpsLoadThreshold *self,
            const char      **p,
            double            value,
            const char       *text,
            GError          **error)
{
  const char      *start = *p;
  g_autofree char *unit = NULL;
  MetricKind       kind = metric_kind (self->metric);

  while (**p != '\0' && !g_ascii_isspace (**p))
    (*p)++;
  unit = g_strndup (start, *p - start);

  switch (kind)
    {
    case KIND_LATENCY:
      /* As in k6, a latency without a unit is in milliseconds. */
      if (*unit == '\0' || g_str_equal (unit, "ms"))
        self->value = value * 1e6;
      else if (g_str_equal (unit, "s"))
        self->value = value * 1e9;
      else if (g_str_equal (unit, "us") || g_str_equal (unit, "µs"))
        self->value = value * 1e3;
      else if (g_str_equal (unit, "m") || g_str_equal (unit, "min"))
        self->value = value * 60e9;
      else
        return invalid (error, text, _("“%s” is not a unit of time; use us, ms, s or m."), unit);
      return TRUE;

    case KIND_RATE:
      if (g_str_equal (unit, "%"))
        self->value = value / 100;
      else if (*unit == '\0')
        self->value = value;
      else
        return invalid (error, text, _("an error rate is a percentage (“1%%”) or a fraction "
                                        "(“0.01”), not “%s”."),
                        unit);
      if (self->value > 1)
        return invalid (error, text, _("an error rate cannot be above 100 %%."));
      return TRUE;

    case KIND_THROUGHPUT:
      if (*unit != '\0' && !g_str_equal (unit, "/s"))
        return invalid (error, text, _("requests per second take no unit, not “%s”."), unit);
      self->value = value;
      return TRUE;

    case KIND_COUNT:
    default:
      if (*unit != '\0')
        return invalid (error, text, _("a count takes no unit, not “%s”."), unit);
      if (value != floor (value))
        return invalid (error, text, _("a count is a whole number."));
      self->value = value;
      return TRUE;
    }
}

/**
 * ops_load_threshold_parse:
 * @text: such as `p(95) < 200ms`
 * @error: return location for an error that says what is wrong
 *
 * Latencies take `us`, `ms` (the default), `s` or `m`; `error_rate` a
 * percentage or a fraction; `rps` and counts a plain number.
 *
 * Returns: (transfer full) (nullable): the threshold
 */
OpsLoadThreshold *
ops_load_threshold_parse (const char *text,
                          GError    **error)
{
  g_autoptr(OpsLoadThreshold) self = g_new0 (OpsLoadThreshold, 1);
  g_autofree char *stripped = NULL;
  const char      *p;
  gboolean         found = FALSE;
  double           value;

  g_return_val_if_fail (text != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_THRESHOLD,
                   _("A threshold is empty; write one such as “p(95) < 200ms”."));
      return NULL;
    }
  if (!g_utf8_validate (stripped, -1, NULL))
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_THRESHOLD,
                   _("A threshold is not valid UTF-8 text."));
      return NULL;
    }

  self->expression = g_strdup (stripped);
  p = stripped;

  if (!parse_metric (self, &p, stripped, error))
    return NULL;

  skip_spaces (&p);
  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    if (g_str_has_prefix (p, operators[i].symbol))
      {
        self->compare = operators[i].compare;
        p += strlen (operators[i].symbol);
        found = TRUE;
        break;
      }
  if (!found)
    {
      invalid (error, stripped, *p == '\0' ? _("it has no comparison; add one of <, <=, >, >=, == or != and a value.") : _("expected one of <, <=, >, >=, == or != after the metric."));
      return NULL;
    }

  skip_spaces (&p);
  if (*p == '\0')
    {
      invalid (error, stripped, _("it has no value after the comparison."));
      return NULL;
    }
  if (*p == '-')
    {
      invalid (error, stripped, _("the value cannot be negative."));
      return NULL;
    }
  if (!read_number (&p, &value))
    {
      invalid (error, stripped, _("the value must be a number, as in “200ms” or “1%%”."));
      return NULL;
    }
  if (!parse_unit (self, &p, value, stripped, error))
    return NULL;

  skip_spaces (&p);
  if (*p != '\0')
    {
      invalid (error, stripped, _("unexpected “%s” at the end."), p);
      return NULL;
    }

  return g_steal_pointer (&self);
}

OpsLoadThreshold *
ops_load_threshold_copy (const OpsLoadThreshold *self)
{
  OpsLoadThreshold *copy = g_memdup2 (self, sizeof *self);

  copy->expression = g_strdup (self->expression);
  return copy;
}

void
ops_load_threshold_free (OpsLoadThreshold *self)
{
  if (self == NULL)
    return;

  g_free (self->expression);
  g_free (self);
}

gboolean
ops_load_threshold_is_latency (const OpsLoadThreshold *self)
{
  return metric_kind (self->metric) == KIND_LATENCY;
}

/**
 * ops_load_threshold_observe:
 * @self: a threshold
 * @counters: what the run measured
 * @duration_usec: how long the run lasted, for rps
 *
 * Returns: the metric's value, in the unit of #OpsLoadThreshold.value
 */
double
ops_load_threshold_observe (const OpsLoadThreshold *self,
                            const OpsLoadCounters  *counters,
                            gint64                  duration_usec)
{
  const OpsLoadHistogram *h = &counters->latency;

  switch (self->metric)
    {
    case OPS_LOAD_METRIC_PERCENTILE:
      return ops_load_histogram_value_at (h, self->percentile);
    case OPS_LOAD_METRIC_AVG:
      return ops_load_histogram_mean (h);
    case OPS_LOAD_METRIC_MIN:
      return h->min;
    case OPS_LOAD_METRIC_MED:
      return ops_load_histogram_value_at (h, 50);
    case OPS_LOAD_METRIC_MAX:
      return h->max;
    case OPS_LOAD_METRIC_STDEV:
      return ops_load_histogram_stdev (h);
    case OPS_LOAD_METRIC_ERROR_RATE:
      return ops_load_counters_error_rate (counters);
    case OPS_LOAD_METRIC_RPS:
      return duration_usec > 0 ? counters->responses / (duration_usec / 1e6) : 0;
    case OPS_LOAD_METRIC_REQUESTS:
      return counters->requests;
    case OPS_LOAD_METRIC_ERRORS:
      return ops_load_counters_failures (counters);
    case OPS_LOAD_METRIC_STATUS_2XX:
    case OPS_LOAD_METRIC_STATUS_3XX:
    case OPS_LOAD_METRIC_STATUS_4XX:
    case OPS_LOAD_METRIC_STATUS_5XX:
      return counters->status[2 + (self->metric - OPS_LOAD_METRIC_STATUS_2XX)];
    default:
      g_return_val_if_reached (0);
    }
}

gboolean
ops_load_threshold_holds (const OpsLoadThreshold *self,
                          double                  observed)
{
  switch (self->compare)
    {
    case OPS_LOAD_COMPARE_LT:
      return observed < self->value;
    case OPS_LOAD_COMPARE_LE:
      return observed <= self->value;
    case OPS_LOAD_COMPARE_GT:
      return observed > self->value;
    case OPS_LOAD_COMPARE_GE:
      return observed >= self->value;
    case OPS_LOAD_COMPARE_EQ:
      return observed == self->value;
    case OPS_LOAD_COMPARE_NE:
      return observed != self->value;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * ops_load_threshold_cannot_pass:
 * @self: a threshold
 * @counters: the run so far
 *
 * Whether the threshold has already failed for good: only metrics that
 * can only grow (max and the counts) compared with < or <= or == can tell
 * before the end.
 *
 * Returns: %TRUE if the run can stop now
 */
gboolean
ops_load_threshold_cannot_pass (const OpsLoadThreshold *self,
                                const OpsLoadCounters  *counters)
{
  double observed;

  if (self->metric != OPS_LOAD_METRIC_MAX && metric_kind (self->metric) != KIND_COUNT)
    return FALSE;

  observed = ops_load_threshold_observe (self, counters, 0);
  switch (self->compare)
    {
    case OPS_LOAD_COMPARE_LT:
      return observed >= self->value;
    case OPS_LOAD_COMPARE_LE:
    case OPS_LOAD_COMPARE_EQ:
      return observed > self->value;
    case OPS_LOAD_COMPARE_GT:
    case OPS_LOAD_COMPARE_GE:
    case OPS_LOAD_COMPARE_NE:
    default:
      return FALSE;
    }
}

/* The observed value in the threshold's own terms, such as “212.4ms”. */
char *
ops_load_threshold_format_value (const OpsLoadThreshold *self,
                                 double                  observed)
{
  switch (metric_kind (self->metric))
    {
    case KIND_LATENCY:
      if (observed >= 1e9)
        return g_strdup_printf ("%.2fs", observed / 1e9);
      if (observed >= 1e6)
        return g_strdup_printf ("%.2fms", observed / 1e6);
      return g_strdup_printf ("%.2fus", observed / 1e3);
    case KIND_RATE:
      return g_strdup_printf ("%.2f%%", observed * 100);
    case KIND_THROUGHPUT:
      return g_strdup_printf ("%.1f", observed);
    case KIND_COUNT:
    default:
      return g_strdup_printf ("%.0f", observed);
    }
}
