/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OPS_TYPE_CLOCK (ops_clock_get_type ())

G_DECLARE_DERIVABLE_TYPE (OpsClock, ops_clock, OPS, CLOCK, GObject)

/* Time for the scheduler: the real one here; tests substitute a clock
 * they move by hand, so that they never sleep. */
struct _OpsClockClass
{
  GObjectClass parent_class;

  gint64 (*get_monotonic) (OpsClock *self);
  gint64 (*get_real) (OpsClock *self);
  guint (*add_timeout) (OpsClock   *self,
                        gint64      delay_usec,
                        GSourceFunc func,
                        gpointer    user_data);
  void (*remove_timeout) (OpsClock *self,
                          guint     id);

  gpointer padding[8];
};

/* clang-format off */
OpsClock *ops_clock_new            (void);
gint64    ops_clock_get_monotonic  (OpsClock    *self);
gint64    ops_clock_get_real       (OpsClock    *self);
guint     ops_clock_add_timeout    (OpsClock    *self,
                                    gint64       delay_usec,
                                    GSourceFunc  func,
                                    gpointer     user_data);
void      ops_clock_remove_timeout (OpsClock    *self,
                                    guint        id);
/* clang-format on */

G_END_DECLS
