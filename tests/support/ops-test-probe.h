/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "health/ops-probe.h"
#include "ops-test-util.h"

G_BEGIN_DECLS

/* clang-format off */
OpsCheckResult *ops_test_run_probe      (OpsProbe        *probe);
OpsCheckResult *ops_test_run_check      (OpsProbeContext *context,
                                         OpsCheck        *check);
void            ops_test_set_option     (OpsCheck        *check,
                                         const char      *key,
                                         const char      *value);
void            ops_test_set_conditions (OpsCheck        *check,
                                         const char      *first,
                                         ...) G_GNUC_NULL_TERMINATED;
void            ops_test_assert_error   (OpsCheckResult  *result,
                                         OpsHealthStatus  status,
                                         const char      *part);
/* clang-format on */

G_END_DECLS
