/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "loadtest/ops-load-error.h"
#include "loadtest/ops-load-histogram.h"
#include "ops-test-util.h"

static int
compare_u64 (const void *a,
             const void *b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

  return x < y ? -1 : x > y;
}

/* The exact percentile as HdrHistogram defines it: the value of rank
 * ceil(p/100 × n), counted from 1. */
static guint64
exact_percentile (const guint64 *sorted,
                  gsize          n,
                  double         percentile)
{
  gsize rank = (gsize)ceil (percentile / 100.0 * n);

  return sorted[MAX (rank, 1) - 1];
}

static guint64 *
random_samples (GRand *rand,
                gsize  n)
{
  guint64 *samples = g_new (guint64, n);

  /* Log-uniform from 1 µs to 60 s, as latencies spread. */
  for (gsize i = 0; i < n; i++)
    samples[i] = (guint64)exp (g_rand_double_range (rand, log (1e3), log (6e10)));

  return samples;
}

static void
test_percentiles_within_one_percent (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(OpsLoadHistogram) h = ops_load_histogram_new ();
  const gsize         n = 200000;
  g_autofree guint64 *samples = random_samples (rand, n);
  static const double percentiles[] = { 0.1, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100 };

  for (gsize i = 0; i < n; i++)
    ops_load_histogram_record (h, samples[i]);
  qsort (samples, n, sizeof *samples, compare_u64);

  g_assert_cmpuint (h->count, ==, n);
  g_assert_cmpuint (h->min, ==, samples[0]);
  g_assert_cmpuint (h->max, ==, samples[n - 1]);

  for (guint i = 0; i < G_N_ELEMENTS (percentiles); i++)
    {
      double exact = exact_percentile (samples, n, percentiles[i]);
      double measured = ops_load_histogram_value_at (h, percentiles[i]);

      g_test_message ("p%g: exact %.0f, histogram %.0f", percentiles[i], exact, measured);
      g_assert_cmpfloat (fabs (measured - exact) / exact, <=, 0.01);
    }
}

static void
test_every_bucket_within_one_percent (void)
{
  /* Each value from 1 µs to 60 s, stepping by 0.1 %, reads back within 1 %. */
  for (double v = 1000; v <= 6e10; v *= 1.001)
    {
      g_autoptr(OpsLoadHistogram) h = ops_load_histogram_new ();
      guint64 value = (guint64)v;

      ops_load_histogram_record (h, value);
      ops_load_histogram_record (h, value);
      /* p50 of two equal values is the middle of their bucket (not clamped
       * to min and max, which are exact). */
      h->min = 0;
      h->max = G_MAXUINT64;
      g_assert_cmpfloat (fabs ((double)ops_load_histogram_value_at (h, 50) - value) / value, <=, 0.01);
    }
}

static void
test_mean_and_stdev (void)
{
  g_autoptr(OpsLoadHistogram) h = ops_load_histogram_new ();

  ops_load_histogram_record (h, 1000);
  ops_load_histogram_record (h, 3000);
  g_assert_cmpfloat_with_epsilon (ops_load_histogram_mean (h), 2000, 1e-9);
  g_assert_cmpfloat_with_epsilon (ops_load_histogram_stdev (h), 1000, 1e-6);
}

static void
test_clamped (void)
{
  g_autoptr(OpsLoadHistogram) h = ops_load_histogram_new ();

  ops_load_histogram_record (h, G_GUINT64_CONSTANT (120000000000));
  g_assert_cmpuint (h->clamped, ==, 1);
  g_assert_cmpuint (h->max, ==, OPS_LOAD_HISTOGRAM_MAX_VALUE);
  g_assert_cmpuint (ops_load_histogram_value_at (h, 99), ==, OPS_LOAD_HISTOGRAM_MAX_VALUE);
}

static void
test_merge_equals_single_pass (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(OpsLoadHistogram) single = ops_load_histogram_new ();
  g_autoptr(OpsLoadHistogram) merged = ops_load_histogram_new ();
  OpsLoadHistogram   *parts[4];
  const gsize         n = 50000;
  g_autofree guint64 *samples = random_samples (rand, n);

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    parts[p] = ops_load_histogram_new ();
  for (gsize i = 0; i < n; i++)
    {
      ops_load_histogram_record (single, samples[i]);
      ops_load_histogram_record (parts[i % G_N_ELEMENTS (parts)], samples[i]);
    }
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      ops_load_histogram_merge (merged, parts[p]);
      ops_load_histogram_free (parts[p]);
    }

  g_assert_true (ops_load_histogram_equal (single, merged));
  g_assert_cmpuint (ops_load_histogram_value_at (single, 99), ==, ops_load_histogram_value_at (merged, 99));
}

static void
test_serialize_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(OpsLoadHistogram) h = ops_load_histogram_new ();
  g_autoptr(OpsLoadHistogram) back = NULL;
  g_autoptr(OpsLoadHistogram) empty = ops_load_histogram_new ();
  g_autoptr(OpsLoadHistogram) empty_back = NULL;
  g_autoptr(GBytes) blob = NULL;
  g_autoptr(GBytes) empty_blob = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint64 *samples = random_samples (rand, 10000);

  for (gsize i = 0; i < 10000; i++)
    ops_load_histogram_record (h, samples[i]);

  blob = ops_load_histogram_serialize (h);
  /* Compact: far smaller than the 30 KiB of buckets. */
  g_assert_cmpuint (g_bytes_get_size (blob), <, 12000);
  back = ops_load_histogram_deserialize (blob, &error);
  g_assert_no_error (error);
  g_assert_true (ops_load_histogram_equal (h, back));

  empty_blob = ops_load_histogram_serialize (empty);
  empty_back = ops_load_histogram_deserialize (empty_blob, &error);
  g_assert_no_error (error);
  g_assert_true (ops_load_histogram_equal (empty, empty_back));
}

static void
test_damaged_blob (void)
{
  g_autoptr(OpsLoadHistogram) h = ops_load_histogram_new ();
  g_autoptr(GBytes) blob = NULL;
  gsize         size;
  const guint8 *data;

  ops_load_histogram_record (h, 12345);
  ops_load_histogram_record (h, 67890);
  blob = ops_load_histogram_serialize (h);
  data = g_bytes_get_data (blob, &size);

  /* Every truncation, and every single flipped byte, is refused or reads
   * back as a consistent histogram; never a crash. */
  for (gsize cut = 0; cut < size; cut++)
    {
      g_autoptr(GBytes) part = g_bytes_new (data, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(OpsLoadHistogram) back = ops_load_histogram_deserialize (part, &error);

      g_assert_null (back);
      g_assert_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_CORRUPT);
    }

  for (gsize i = 0; i < size; i++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(GBytes) damaged = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(OpsLoadHistogram) back = NULL;

      copy[i] ^= 0x5a;
      damaged = g_bytes_new (copy, size);
      back = ops_load_histogram_deserialize (damaged, &error);
      if (back == NULL)
        g_assert_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_CORRUPT);
      else
        g_assert_cmpuint (back->min, <=, back->max);
    }
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/loadtest/histogram/percentiles-within-one-percent", test_percentiles_within_one_percent);
  g_test_add_func ("/opsdeck/loadtest/histogram/every-bucket-within-one-percent", test_every_bucket_within_one_percent);
  g_test_add_func ("/opsdeck/loadtest/histogram/mean-and-stdev", test_mean_and_stdev);
  g_test_add_func ("/opsdeck/loadtest/histogram/clamped", test_clamped);
  g_test_add_func ("/opsdeck/loadtest/histogram/merge-equals-single-pass", test_merge_equals_single_pass);
  g_test_add_func ("/opsdeck/loadtest/histogram/serialize-round-trip", test_serialize_round_trip);
  g_test_add_func ("/opsdeck/loadtest/histogram/damaged-blob", test_damaged_blob);

  return g_test_run ();
}
