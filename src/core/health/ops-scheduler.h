/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-check.h"
#include "ops-clock.h"

G_BEGIN_DECLS

#define OPS_TYPE_SCHEDULER (ops_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (OpsScheduler, ops_scheduler, OPS, SCHEDULER, GObject)

/* Starts one probe of @check; the caller reports its end with
 * ops_scheduler_finished(). */
typedef void (*OpsSchedulerRunFunc) (OpsScheduler *scheduler,
                                     OpsCheck     *check,
                                     gpointer      user_data);

#define OPS_SCHEDULER_DEFAULT_MAX_CONCURRENT 64

/* clang-format off */
OpsScheduler *ops_scheduler_new                (OpsClock             *clock,
                                                OpsSchedulerRunFunc   run,
                                                gpointer              user_data,
                                                GDestroyNotify        destroy);
void          ops_scheduler_add                (OpsScheduler         *self,
                                                OpsCheck             *check);
void          ops_scheduler_remove             (OpsScheduler         *self,
                                                OpsCheck             *check);
void          ops_scheduler_run_now            (OpsScheduler         *self,
                                                OpsCheck             *check);
void          ops_scheduler_finished           (OpsScheduler         *self,
                                                OpsCheck             *check);
void          ops_scheduler_set_paused         (OpsScheduler         *self,
                                                gboolean              paused);
gboolean      ops_scheduler_get_paused         (OpsScheduler         *self);
void          ops_scheduler_set_max_concurrent (OpsScheduler         *self,
                                                guint                 max_concurrent);
guint         ops_scheduler_get_max_concurrent (OpsScheduler         *self);
guint         ops_scheduler_get_n_running      (OpsScheduler         *self);
guint         ops_scheduler_get_n_waiting      (OpsScheduler         *self);
gint64        ops_scheduler_get_next_due       (OpsScheduler         *self,
                                                OpsCheck             *check);
void          ops_scheduler_set_seed           (OpsScheduler         *self,
                                                guint32               seed);
/* clang-format on */

G_END_DECLS
