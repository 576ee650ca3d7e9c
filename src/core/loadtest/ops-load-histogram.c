/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-loadtest"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ops-load-error.h"
#include "ops-load-histogram.h"

#define HALF_SUB_BUCKETS (1u << (OPS_LOAD_HISTOGRAM_SUB_BITS - 1))
#define BLOB_MAGIC       "OLH1"

G_STATIC_ASSERT (OPS_LOAD_HISTOGRAM_N_BUCKETS > (35 - (OPS_LOAD_HISTOGRAM_SUB_BITS - 1)) * HALF_SUB_BUCKETS + 255);

OpsLoadHistogram *
ops_load_histogram_new (void)
{
  return g_new0 (OpsLoadHistogram, 1);
}

OpsLoadHistogram *
ops_load_histogram_copy (const OpsLoadHistogram *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

void
ops_load_histogram_free (OpsLoadHistogram *self)
{
  g_free (self);
}

void
ops_load_histogram_reset (OpsLoadHistogram *self)
{
  memset (self, 0, sizeof *self);
}

guint
ops_load_histogram_bucket_index (guint64 value)
{
  guint index;

  /* The same arithmetic as ops_load_histogram_record(). */
  if (value > OPS_LOAD_HISTOGRAM_MAX_VALUE)
    value = OPS_LOAD_HISTOGRAM_MAX_VALUE;
  if (value < (1u << OPS_LOAD_HISTOGRAM_SUB_BITS))
    return (guint)value;

  index = (63 - __builtin_clzll (value)) - (OPS_LOAD_HISTOGRAM_SUB_BITS - 1);
  return index * HALF_SUB_BUCKETS + (guint)(value >> index);
}

/* The smallest value that falls in bucket @index. */
guint64
ops_load_histogram_bucket_lower (guint index)
{
  guint shift;

  if (index < (1u << OPS_LOAD_HISTOGRAM_SUB_BITS))
    return index;

  shift = index / HALF_SUB_BUCKETS - 1;
  return (guint64)(index - shift * HALF_SUB_BUCKETS) << shift;
}

guint64
ops_load_histogram_bucket_width (guint index)
{
  if (index < (1u << OPS_LOAD_HISTOGRAM_SUB_BITS))
    return 1;

  return G_GUINT64_CONSTANT (1) << (index / HALF_SUB_BUCKETS - 1);
}

void
ops_load_histogram_merge (OpsLoadHistogram       *self,
                          const OpsLoadHistogram *other)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL);

  if (other->count == 0)
    return;

  if (self->count == 0 || other->min < self->min)
    self->min = other->min;
  if (other->max > self->max)
    self->max = other->max;
  self->count += other->count;
  self->clamped += other->clamped;
  self->sum += other->sum;
  self->sum_sq += other->sum_sq;

  for (guint i = 0; i < OPS_LOAD_HISTOGRAM_N_BUCKETS; i++)
    self->buckets[i] += other->buckets[i];
}

/**
 * ops_load_histogram_value_at:
 * @self: a histogram
 * @percentile: 0 to 100
 *
 * Returns: the value below or at which @percentile % of the values lie (the
 *   middle of its bucket, kept within the smallest and largest value
 *   recorded), or 0 for an empty histogram
 */
guint64
ops_load_histogram_value_at (const OpsLoadHistogram *self,
                             double                  percentile)
{
  guint64 wanted;
  guint64 seen = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->count == 0)
    return 0;
  if (percentile <= 0)
    return self->min;
  if (percentile >= 100)
    return self->max;

  /* The rank of the value, counted from 1, as HdrHistogram does. */
  wanted = (guint64)ceil (percentile / 100.0 * (double)self->count);
  if (wanted == 0)
    wanted = 1;

  for (guint i = 0; i < OPS_LOAD_HISTOGRAM_N_BUCKETS; i++)
    {
      seen += self->buckets[i];
      if (seen >= wanted)
        {
          guint64 value = ops_load_histogram_bucket_lower (i) + ops_load_histogram_bucket_width (i) / 2;

          return CLAMP (value, self->min, self->max);
        }
    }

  return self->max;
}

double
ops_load_histogram_mean (const OpsLoadHistogram *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->count > 0 ? (double)self->sum / (double)self->count : 0;
}

double
ops_load_histogram_stdev (const OpsLoadHistogram *self)
{
  double mean, variance;

  g_return_val_if_fail (self != NULL, 0);

  if (self->count < 2)
    return 0;

  mean = ops_load_histogram_mean (self);
  variance = self->sum_sq / (double)self->count - mean * mean;
  return variance > 0 ? sqrt (variance) : 0;
}

gboolean
ops_load_histogram_equal (const OpsLoadHistogram *a,
                          const OpsLoadHistogram *b)
{
  /* sum_sq is a double: compare it with a tolerance, merging may add in a
   * different order. */
  if (a->count != b->count || a->clamped != b->clamped || a->min != b->min ||
      a->max != b->max || a->sum != b->sum)
    return FALSE;
  if (fabs (a->sum_sq - b->sum_sq) > 1e-9 * MAX (fabs (a->sum_sq), 1.0))
    return FALSE;

  return memcmp (a->buckets, b->buckets, sizeof a->buckets) == 0;
}

static void
put_varint (GByteArray *out,
            guint64     value)
{
  guint8 byte;

  do
    {
      byte = value & 0x7f;
      value >>= 7;
      if (value != 0)
        byte |= 0x80;
      g_byte_array_append (out, &byte, 1);
    }
  while (value != 0);
}

static gboolean
get_varint (const guint8 **p,
            const guint8  *end,
            guint64       *value)
{
  guint64 result = 0;

  for (guint shift = 0; shift < 64; shift += 7)
    {
      guint8 byte;

      if (*p >= end)
        return FALSE;
      byte = *(*p)++;
      result |= (guint64)(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0)
        {
          *value = result;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * ops_load_histogram_serialize:
 * @self: a histogram
 *
 * Writes the histogram as a compact blob: a magic, the totals as varints,
 * the sum of squares as 8 bytes, then for each bucket in use the distance
 * from the previous one and its count, as varints. A second of a run at
 * 10,000 requests/s takes a few hundred bytes.
 *
 * Returns: (transfer full): the blob
 */
GBytes *
ops_load_histogram_serialize (const OpsLoadHistogram *self)
{
  GByteArray *out = g_byte_array_sized_new (64);
  guint64     sum_sq_bits;
  guint       previous = 0;
  guint8      le[8];
  guint       used = 0;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < OPS_LOAD_HISTOGRAM_N_BUCKETS; i++)
    if (self->buckets[i] != 0)
      used++;

  g_byte_array_append (out, (const guint8 *)BLOB_MAGIC, 4);
  put_varint (out, self->count);
  put_varint (out, self->clamped);
  put_varint (out, self->min);
  put_varint (out, self->max);
  put_varint (out, self->sum);
  memcpy (&sum_sq_bits, &self->sum_sq, sizeof sum_sq_bits);
  for (guint i = 0; i < 8; i++)
    le[i] = (sum_sq_bits >> (8 * i)) & 0xff;
  g_byte_array_append (out, le, 8);
  put_varint (out, used);

  for (guint i = 0; i < OPS_LOAD_HISTOGRAM_N_BUCKETS; i++)
    if (self->buckets[i] != 0)
      {
        put_varint (out, i - previous);
        put_varint (out, self->buckets[i]);
        previous = i;
      }

  return g_byte_array_free_to_bytes (out);
}

/**
 * ops_load_histogram_deserialize:
 * @blob: what ops_load_histogram_serialize() wrote
 * @error: return location for an error
 *
 * Reads a blob back, checking every field, so that a damaged blob gives an
 * error rather than a wrong histogram.
 *
 * Returns: (transfer full) (nullable): the histogram
 */
OpsLoadHistogram *
ops_load_histogram_deserialize (GBytes  *blob,
                                GError **error)
{
  g_autoptr(OpsLoadHistogram) self = ops_load_histogram_new ();
  gsize         size;
  const guint8 *p = g_bytes_get_data (blob, &size);
  const guint8 *end = p + size;
  guint64       used = 0, index = 0, total = 0, sum_sq_bits = 0;
  gboolean      ok;

  g_return_val_if_fail (blob != NULL, NULL);

  ok = size >= 4 + 8 && memcmp (p, BLOB_MAGIC, 4) == 0;
  if (ok)
    {
      p += 4;
      ok = get_varint (&p, end, &self->count) && get_varint (&p, end, &self->clamped) &&
           get_varint (&p, end, &self->min) && get_varint (&p, end, &self->max) &&
           get_varint (&p, end, &self->sum) && end - p >= 8;
    }
  if (ok)
    {
      for (guint i = 0; i < 8; i++)
        sum_sq_bits |= (guint64)p[i] << (8 * i);
      memcpy (&self->sum_sq, &sum_sq_bits, sizeof self->sum_sq);
      p += 8;
      ok = get_varint (&p, end, &used) && used <= OPS_LOAD_HISTOGRAM_N_BUCKETS;
    }

  for (guint64 i = 0; ok && i < used; i++)
    {
      guint64 gap, count;

      ok = get_varint (&p, end, &gap) && get_varint (&p, end, &count) &&
           (gap > 0 || i == 0) && gap < OPS_LOAD_HISTOGRAM_N_BUCKETS &&
           index + gap < OPS_LOAD_HISTOGRAM_N_BUCKETS && count > 0 && total + count >= total;
      if (ok)
        {
          index += gap;
          self->buckets[index] = count;
          total += count;
        }
    }

  ok = ok && p == end && total == self->count && self->min <= self->max &&
       self->max <= OPS_LOAD_HISTOGRAM_MAX_VALUE && isfinite (self->sum_sq) && self->sum_sq >= 0;
  if (!ok)
    {
      g_set_error (error, OPS_LOAD_ERROR, OPS_LOAD_ERROR_CORRUPT,
                   _("A stored latency histogram is damaged and cannot be read."));
      return NULL;
    }

  return g_steal_pointer (&self);
}
