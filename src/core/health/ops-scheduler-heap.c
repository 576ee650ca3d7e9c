/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-scheduler"

#include "config.h"

#include "ops-scheduler-private.h"

/* The scheduler's planned runs: a binary heap, earliest first, in which
 * each entry knows its place so that it can leave in O(log n). */

static gboolean
earlier (Entry *a,
         Entry *b)
{
  return a->due < b->due;
}

static void
heap_swap (GPtrArray *heap,
           guint      i,
           guint      j)
{
  Entry *a = g_ptr_array_index (heap, i);
  Entry *b = g_ptr_array_index (heap, j);

  heap->pdata[i] = b;
  heap->pdata[j] = a;
  b->heap_index = i;
  a->heap_index = j;
}

static void
heap_up (GPtrArray *heap,
         guint      i)
{
  while (i > 0 && earlier (g_ptr_array_index (heap, i),
                           g_ptr_array_index (heap, (i - 1) / 2)))
    {
      heap_swap (heap, i, (i - 1) / 2);
      i = (i - 1) / 2;
    }
}

static void
heap_down (GPtrArray *heap,
           guint      i)
{
  for (;;)
    {
      guint left = 2 * i + 1, right = left + 1, first = i;

      if (left < heap->len &&
          earlier (g_ptr_array_index (heap, left), g_ptr_array_index (heap, first)))
        first = left;
      if (right < heap->len &&
          earlier (g_ptr_array_index (heap, right), g_ptr_array_index (heap, first)))
        first = right;
      if (first == i)
        return;
      heap_swap (heap, i, first);
      i = first;
    }
}

void
_ops_scheduler_heap_push (GPtrArray *heap,
                          Entry     *entry)
{
  g_assert (entry->heap_index == NOT_IN_HEAP);

  entry->heap_index = heap->len;
  g_ptr_array_add (heap, entry);
  heap_up (heap, entry->heap_index);
}

void
_ops_scheduler_heap_remove (GPtrArray *heap,
                            Entry     *entry)
{
  guint i = entry->heap_index;
  guint last = heap->len - 1;

  if (i == NOT_IN_HEAP)
    return;

  if (i != last)
    heap_swap (heap, i, last);
  g_ptr_array_remove_index (heap, last);
  entry->heap_index = NOT_IN_HEAP;

  if (i < heap->len)
    {
      heap_up (heap, i);
      heap_down (heap, i);
    }
}

Entry *
_ops_scheduler_heap_peek (GPtrArray *heap)
{
  return heap->len > 0 ? g_ptr_array_index (heap, 0) : NULL;
}
