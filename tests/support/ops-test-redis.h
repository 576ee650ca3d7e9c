/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-test-process.h"

G_BEGIN_DECLS

typedef struct
{
  OpsTestProcess *process;
  guint16         port;
} OpsTestRedis;

/* clang-format off */
OpsTestRedis *ops_test_redis_start (const char   *password,
                                    guint16       replica_of);
void          ops_test_redis_stop  (OpsTestRedis *self);
/* clang-format on */

G_END_DECLS
