/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-check.h"
#include "ops-condition.h"
#include "ops-probe-context.h"

G_BEGIN_DECLS

#define OPS_TYPE_PROBE (ops_probe_get_type ())

G_DECLARE_DERIVABLE_TYPE (OpsProbe, ops_probe, OPS, PROBE, GObject)

/* One kind of check. The base class runs the probe with the check's
 * timeout, looks up its secret, measures the total time and applies what
 * every kind shares; a subclass fills in the result of one probe. */
struct _OpsProbeClass
{
  GObjectClass parent_class;

  void (*run_async) (OpsProbe           *self,
                     OpsCheckResult     *result,
                     GCancellable       *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer            user_data);
  gboolean (*run_finish) (OpsProbe     *self,
                          GAsyncResult *result,
                          GError      **error);
  /* Probes that keep a connection (event streams) open it and close it. */
  void (*start) (OpsProbe *self);
  void (*stop) (OpsProbe *self);

  gpointer padding[8];
};

/* clang-format off */
OpsProbe        *ops_probe_new_for_check  (OpsCheck             *check,
                                           OpsProbeContext      *context);
OpsCheck        *ops_probe_get_check      (OpsProbe             *self);
OpsProbeContext *ops_probe_get_context    (OpsProbe             *self);
void             ops_probe_run_async      (OpsProbe             *self,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
OpsCheckResult  *ops_probe_run_finish     (OpsProbe             *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void             ops_probe_start          (OpsProbe             *self);
void             ops_probe_stop           (OpsProbe             *self);

/* For subclasses. */
const char      *ops_probe_get_secret     (OpsProbe             *self);
void             ops_probe_set_phase      (OpsProbe             *self,
                                           const char           *phase);
gint64           ops_probe_get_run_start  (OpsProbe             *self);
void             ops_probe_push_result    (OpsProbe             *self,
                                           OpsCheckResult       *result);
OpsCheckResult  *ops_probe_new_result     (OpsProbe             *self);
gboolean         ops_probe_apply_conditions (OpsProbe           *self,
                                           OpsCheckResult       *result,
                                           OpsConditionContext  *context);
/* clang-format on */

G_END_DECLS
