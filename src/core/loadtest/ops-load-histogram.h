/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A log-linear latency histogram in nanoseconds, like HdrHistogram: exact
 * below 256 ns, then 128 buckets per power of two, so that a value read
 * back (the middle of its bucket) is within 0.4 % of the value recorded.
 * It covers 1 µs to 60 s (larger values are kept as 60 s and counted in
 * `clamped`). Two histograms merge by adding their buckets, and one
 * serialises to a compact blob (only the buckets in use). */

#define OPS_LOAD_HISTOGRAM_SUB_BITS  8
#define OPS_LOAD_HISTOGRAM_MAX_VALUE G_GUINT64_CONSTANT (60000000000) /* 60 s in ns */
#define OPS_LOAD_HISTOGRAM_N_BUCKETS 3840

typedef struct
{
  guint64 count;
  guint64 clamped;
  guint64 min;
  guint64 max;
  guint64 sum;    /* ns, for the mean */
  double  sum_sq; /* ns², for the standard deviation */
  guint64 buckets[OPS_LOAD_HISTOGRAM_N_BUCKETS];
} OpsLoadHistogram;

/* clang-format off */
OpsLoadHistogram *ops_load_histogram_new          (void);
OpsLoadHistogram *ops_load_histogram_copy         (const OpsLoadHistogram *self);
void              ops_load_histogram_free         (OpsLoadHistogram       *self);
void              ops_load_histogram_reset        (OpsLoadHistogram       *self);
void              ops_load_histogram_merge        (OpsLoadHistogram       *self,
                                                   const OpsLoadHistogram *other);
guint64           ops_load_histogram_value_at     (const OpsLoadHistogram *self,
                                                   double                  percentile);
double            ops_load_histogram_mean         (const OpsLoadHistogram *self);
double            ops_load_histogram_stdev        (const OpsLoadHistogram *self);
gboolean          ops_load_histogram_equal        (const OpsLoadHistogram *a,
                                                   const OpsLoadHistogram *b);
GBytes           *ops_load_histogram_serialize    (const OpsLoadHistogram *self);
OpsLoadHistogram *ops_load_histogram_deserialize  (GBytes                 *blob,
                                                   GError                **error);
guint             ops_load_histogram_bucket_index (guint64                 value);
guint64           ops_load_histogram_bucket_lower (guint                   index);
guint64           ops_load_histogram_bucket_width (guint                   index);
/* clang-format on */

/* Records one value; inline, since the workers call it for every response. */
static inline void
ops_load_histogram_record (OpsLoadHistogram *self,
                           guint64           value)
{
  guint index;

  if (G_UNLIKELY (value > OPS_LOAD_HISTOGRAM_MAX_VALUE))
    {
      value = OPS_LOAD_HISTOGRAM_MAX_VALUE;
      self->clamped++;
    }

  if (value < (1u << OPS_LOAD_HISTOGRAM_SUB_BITS))
    index = (guint)value;
  else
    {
      guint shift = (63 - __builtin_clzll (value)) - (OPS_LOAD_HISTOGRAM_SUB_BITS - 1);

      index = shift * (1u << (OPS_LOAD_HISTOGRAM_SUB_BITS - 1)) + (guint)(value >> shift);
    }

  self->buckets[index]++;
  if (G_UNLIKELY (self->count == 0) || value < self->min)
    self->min = value;
  if (value > self->max)
    self->max = value;
  self->count++;
  self->sum += value;
  self->sum_sq += (double)value * (double)value;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsLoadHistogram, ops_load_histogram_free)

G_END_DECLS
