/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OPS_TYPE_CLOCK (ops_clock_get_type ())

G_DECLARE_FINAL_TYPE (OpsClock, ops_clock, OPS, CLOCK, GObject)

/* clang-format off */
OpsClock *ops_clock_new_system   (void);
OpsClock *ops_clock_new_fake     (gint64          start_usec);
gboolean  ops_clock_is_fake      (OpsClock       *self);
gint64    ops_clock_get_now      (OpsClock       *self);
guint     ops_clock_add_timeout  (OpsClock       *self,
                                  guint           interval_ms,
                                  GSourceFunc     func,
                                  gpointer        user_data,
                                  GDestroyNotify  destroy);
void      ops_clock_remove       (OpsClock       *self,
                                  guint           timeout_id);
void      ops_clock_advance      (OpsClock       *self,
                                  gint64          usec);
void      ops_clock_set_now      (OpsClock       *self,
                                  gint64          now_usec);
/* clang-format on */

G_END_DECLS
