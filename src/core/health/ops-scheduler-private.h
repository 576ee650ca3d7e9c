/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-scheduler.h"

G_BEGIN_DECLS

#define NOT_IN_HEAP G_MAXUINT

/* One scheduled check. */
typedef struct
{
  OpsCheck *check;
  gint64    due; /* monotonic µs of the next run */
  guint     heap_index;
  gboolean  waiting; /* in line for a free slot */
  gboolean  running;
  gboolean  run_again; /* “check now” during a run */
  gboolean  removed;
} Entry;

/* clang-format off */
void   _ops_scheduler_heap_push   (GPtrArray *heap,
                                   Entry     *entry);
void   _ops_scheduler_heap_remove (GPtrArray *heap,
                                   Entry     *entry);
Entry *_ops_scheduler_heap_peek   (GPtrArray *heap);
/* clang-format on */

G_END_DECLS
