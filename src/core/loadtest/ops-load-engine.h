/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-load-counters.h"
#include "ops-load-scenario.h"

G_BEGIN_DECLS

/* The load engine: worker threads, each with its own epoll loop, its own
 * connections and its own counters. No GLib main loop and no lock on the
 * path of a request. Each worker writes the second it is in to a slot of a
 * small ring and publishes it with an atomic store when the second is
 * over; the thread that watches the run reads published slots and tells
 * the worker, again with an atomic store, that it may reuse them. */

typedef struct _OpsLoadEngine OpsLoadEngine;

typedef enum
{
  OPS_LOAD_COLLECT_NOT_YET, /* some worker is still in that second */
  OPS_LOAD_COLLECT_READY,   /* @out holds the second */
  OPS_LOAD_COLLECT_OVER,    /* the run ended before that second */
} OpsLoadCollect;

/* clang-format off */
OpsLoadEngine  *ops_load_engine_new              (OpsLoadScenario       *scenario,
                                                  GError               **error);
void            ops_load_engine_free             (OpsLoadEngine         *self);
gboolean        ops_load_engine_prepare          (OpsLoadEngine         *self,
                                                  GError               **error);
void            ops_load_engine_run              (OpsLoadEngine         *self);
void            ops_load_engine_stop             (OpsLoadEngine         *self);
gboolean        ops_load_engine_is_started       (OpsLoadEngine         *self);
OpsLoadCollect  ops_load_engine_collect          (OpsLoadEngine         *self,
                                                  guint                  second,
                                                  OpsLoadCounters       *out,
                                                  gint64                *duration_usec);
void            ops_load_engine_get_totals       (OpsLoadEngine         *self,
                                                  OpsLoadCounters       *out);
gint64          ops_load_engine_get_elapsed      (OpsLoadEngine         *self);
guint           ops_load_engine_get_dropped      (OpsLoadEngine         *self);
char           *ops_load_engine_dup_failure_note (OpsLoadEngine         *self,
                                                  OpsLoadFailure         failure);
/* clang-format on */

G_END_DECLS
