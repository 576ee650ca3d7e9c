/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-health-engine.h"
#include "ops-probe.h"

G_BEGIN_DECLS

/* Shared by ops-health-engine.c (checks, probes, state, events) and
 * ops-health-engine-runs.c (runs). */
struct _OpsHealthEngine
{
  GObject parent_instance;

  /* Owned */
  OpsStore        *store;
  OpsEventBus     *bus;
  OpsClock        *clock;
  OpsCheckList    *checks;
  OpsHistory      *history;
  OpsScheduler    *scheduler;
  OpsProbeContext *context;
  GHashTable      *probes; /* OpsCheck → OpsProbe */
  GCancellable    *cancellable;

  guint    uptime_id;
  gboolean running;
  gboolean paused;
};

/* clang-format off */
void      _ops_health_engine_record           (OpsHealthEngine *self,
                                               OpsCheck        *check,
                                               OpsCheckResult  *result);
OpsProbe *_ops_health_engine_ensure_probe     (OpsHealthEngine *self,
                                               OpsCheck        *check);
void      _ops_health_engine_scheduler_run_cb (OpsScheduler    *scheduler,
                                               OpsCheck        *check,
                                               gpointer         user_data);
/* clang-format on */

G_END_DECLS
