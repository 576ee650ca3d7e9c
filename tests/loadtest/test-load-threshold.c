/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include "loadtest/ops-load-error.h"
#include "loadtest/ops-load-threshold.h"
#include "ops-test-util.h"

static void
test_parse_every_operator_and_unit (void)
{
  static const struct
  {
    const char    *text;
    OpsLoadMetric  metric;
    double         percentile;
    OpsLoadCompare compare;
    double         value;
  } cases[] = {
    { "p(95) < 200ms", OPS_LOAD_METRIC_PERCENTILE, 95, OPS_LOAD_COMPARE_LT, 200e6 },
    { "p(99.9) < 1s", OPS_LOAD_METRIC_PERCENTILE, 99.9, OPS_LOAD_COMPARE_LT, 1e9 },
    { "p( 50 )<=250us", OPS_LOAD_METRIC_PERCENTILE, 50, OPS_LOAD_COMPARE_LE, 250e3 },
    { "p(100) < 1m", OPS_LOAD_METRIC_PERCENTILE, 100, OPS_LOAD_COMPARE_LT, 60e9 },
    { "avg < 100ms", OPS_LOAD_METRIC_AVG, 0, OPS_LOAD_COMPARE_LT, 100e6 },
    { "avg < 100", OPS_LOAD_METRIC_AVG, 0, OPS_LOAD_COMPARE_LT, 100e6 },
    { "min >= 10µs", OPS_LOAD_METRIC_MIN, 0, OPS_LOAD_COMPARE_GE, 10e3 },
    { "med > 1.5ms", OPS_LOAD_METRIC_MED, 0, OPS_LOAD_COMPARE_GT, 1.5e6 },
    { "max < 2s", OPS_LOAD_METRIC_MAX, 0, OPS_LOAD_COMPARE_LT, 2e9 },
    { "stdev != 0", OPS_LOAD_METRIC_STDEV, 0, OPS_LOAD_COMPARE_NE, 0 },
    { "error_rate < 1%", OPS_LOAD_METRIC_ERROR_RATE, 0, OPS_LOAD_COMPARE_LT, 0.01 },
    { "error_rate <= 0.05", OPS_LOAD_METRIC_ERROR_RATE, 0, OPS_LOAD_COMPARE_LE, 0.05 },
    { "rps > 500", OPS_LOAD_METRIC_RPS, 0, OPS_LOAD_COMPARE_GT, 500 },
    { "rps >= 1000/s", OPS_LOAD_METRIC_RPS, 0, OPS_LOAD_COMPARE_GE, 1000 },
    { "requests > 10", OPS_LOAD_METRIC_REQUESTS, 0, OPS_LOAD_COMPARE_GT, 10 },
    { "errors == 0", OPS_LOAD_METRIC_ERRORS, 0, OPS_LOAD_COMPARE_EQ, 0 },
    { "status_2xx > 0", OPS_LOAD_METRIC_STATUS_2XX, 0, OPS_LOAD_COMPARE_GT, 0 },
    { "status_3xx == 0", OPS_LOAD_METRIC_STATUS_3XX, 0, OPS_LOAD_COMPARE_EQ, 0 },
    { "status_4xx < 5", OPS_LOAD_METRIC_STATUS_4XX, 0, OPS_LOAD_COMPARE_LT, 5 },
    { "  status_5xx == 0  ", OPS_LOAD_METRIC_STATUS_5XX, 0, OPS_LOAD_COMPARE_EQ, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OpsLoadThreshold) t = ops_load_threshold_parse (cases[i].text, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_no_error (error);
      g_assert_nonnull (t);
      g_assert_cmpint (t->metric, ==, cases[i].metric);
      g_assert_cmpfloat_with_epsilon (t->percentile, cases[i].percentile, 1e-9);
      g_assert_cmpint (t->compare, ==, cases[i].compare);
      g_assert_cmpfloat_with_epsilon (t->value, cases[i].value, 1e-6);
    }
}

static void
test_malformed (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "A threshold is empty; write one such as “p(95) < 200ms”." },
    { "   ", "A threshold is empty; write one such as “p(95) < 200ms”." },
    { "p95 < 200ms", "The threshold “p95 < 200ms” cannot be used: “p95” is not a metric; use p(N), avg, min, med, max, stdev, error_rate, rps, requests, errors or status_2xx…status_5xx." },
    { "p(x) < 1s", "The threshold “p(x) < 1s” cannot be used: write the percentile as a number, as in “p(95)”." },
    { "p(95 < 1s", "The threshold “p(95 < 1s” cannot be used: the percentile is missing its closing parenthesis." },
    { "p(0) < 1s", "The threshold “p(0) < 1s” cannot be used: a percentile must be above 0 and at most 100." },
    { "p(101) < 1s", "The threshold “p(101) < 1s” cannot be used: a percentile must be above 0 and at most 100." },
    { "< 200ms", "The threshold “< 200ms” cannot be used: it must start with a metric such as p(95), avg, max, error_rate, rps or status_5xx." },
    { "latency < 200ms", "The threshold “latency < 200ms” cannot be used: “latency” is not a metric; use p(N), avg, min, med, max, stdev, error_rate, rps, requests, errors or status_2xx…status_5xx." },
    { "avg", "The threshold “avg” cannot be used: it has no comparison; add one of <, <=, >, >=, == or != and a value." },
    { "avg = 100ms", "The threshold “avg = 100ms” cannot be used: expected one of <, <=, >, >=, == or != after the metric." },
    { "avg <", "The threshold “avg <” cannot be used: it has no value after the comparison." },
    { "avg < -5ms", "The threshold “avg < -5ms” cannot be used: the value cannot be negative." },
    { "avg < fast", "The threshold “avg < fast” cannot be used: the value must be a number, as in “200ms” or “1%”." },
    { "avg < 1.2.3ms", "The threshold “avg < 1.2.3ms” cannot be used: the value must be a number, as in “200ms” or “1%”." },
    { "avg < 100kg", "The threshold “avg < 100kg” cannot be used: “kg” is not a unit of time; use us, ms, s or m." },
    { "error_rate < 1ms", "The threshold “error_rate < 1ms” cannot be used: an error rate is a percentage (“1%”) or a fraction (“0.01”), not “ms”." },
    { "error_rate < 150%", "The threshold “error_rate < 150%” cannot be used: an error rate cannot be above 100 %." },
    { "rps > 5ms", "The threshold “rps > 5ms” cannot be used: requests per second take no unit, not “ms”." },
    { "status_5xx == 0%", "The threshold “status_5xx == 0%” cannot be used: a count takes no unit, not “%”." },
    { "errors < 1.5", "The threshold “errors < 1.5” cannot be used: a count is a whole number." },
    { "avg < 100ms and more", "The threshold “avg < 100ms and more” cannot be used: unexpected “and more” at the end." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OpsLoadThreshold) t = ops_load_threshold_parse (cases[i].text, &error);

      g_test_message ("“%s”", cases[i].text);
      g_assert_null (t);
      g_assert_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_INVALID_THRESHOLD);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_evaluate (void)
{
  g_autofree OpsLoadCounters *c = g_new0 (OpsLoadCounters, 1);
  static const struct
  {
    const char *text;
    gboolean    holds;
    gboolean    cannot_pass;
  } cases[] = {
    { "p(50) < 2ms", TRUE, FALSE },
    { "p(99) < 2ms", FALSE, FALSE },
    { "max < 5ms", FALSE, TRUE },
    { "max <= 10ms", TRUE, FALSE },
    { "avg > 1ms", TRUE, FALSE },
    { "min == 1ms", TRUE, FALSE },
    { "error_rate < 1%", FALSE, FALSE },
    { "error_rate < 30%", TRUE, FALSE },
    { "rps >= 9", TRUE, FALSE },
    { "rps > 9", FALSE, FALSE },
    { "requests == 10", TRUE, FALSE },
    { "errors == 0", FALSE, TRUE },
    { "errors <= 1", TRUE, FALSE },
    { "status_5xx == 0", FALSE, TRUE },
    { "status_5xx != 0", TRUE, FALSE },
    { "status_2xx > 8", FALSE, FALSE },
  };

  /* 10 requests: 8 answered 200 (1 ms, then 10 ms for the last), 1 answered
   * 503, 1 timed out, over 1 second. */
  c->requests = 10;
  c->responses = 9;
  c->status[2] = 8;
  c->status[5] = 1;
  c->failures[OPS_LOAD_FAILURE_TIMEOUT] = 1;
  for (guint i = 0; i < 8; i++)
    ops_load_histogram_record (&c->latency, 1000000);
  ops_load_histogram_record (&c->latency, 10000000);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OpsLoadThreshold) t = ops_load_threshold_parse (cases[i].text, &error);
      double observed;

      g_assert_no_error (error);
      observed = ops_load_threshold_observe (t, c, G_USEC_PER_SEC);
      g_test_message ("%s: observed %g", cases[i].text, observed);
      g_assert_cmpint (ops_load_threshold_holds (t, observed), ==, cases[i].holds);
      g_assert_cmpint (ops_load_threshold_cannot_pass (t, c), ==, cases[i].cannot_pass);
    }
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/loadtest/threshold/every-operator-and-unit", test_parse_every_operator_and_unit);
  g_test_add_func ("/opsdeck/loadtest/threshold/malformed", test_malformed);
  g_test_add_func ("/opsdeck/loadtest/threshold/evaluate", test_evaluate);

  return g_test_run ();
}
