/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "health/ops-clock.h"

G_BEGIN_DECLS

#define OPS_TYPE_TEST_CLOCK (ops_test_clock_get_type ())

G_DECLARE_FINAL_TYPE (OpsTestClock, ops_test_clock, OPS, TEST_CLOCK, OpsClock)

/* clang-format off */
OpsTestClock *ops_test_clock_new             (void);
OpsTestClock *ops_test_clock_new_at          (gint64        real_usec);
void          ops_test_clock_set_real        (OpsTestClock *self,
                                              gint64        real_usec);
void          ops_test_clock_advance         (OpsTestClock *self,
                                              gint64        usec);
gint64        ops_test_clock_get_next_due    (OpsTestClock *self);
guint         ops_test_clock_get_n_timeouts  (OpsTestClock *self);
/* clang-format on */

G_END_DECLS
