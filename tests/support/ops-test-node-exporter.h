/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-test-process.h"

G_BEGIN_DECLS

typedef struct
{
  OpsTestProcess *process;
  guint16         port;
} OpsTestNodeExporter;

/* clang-format off */
OpsTestNodeExporter *ops_test_node_exporter_start (void);
void                 ops_test_node_exporter_stop  (OpsTestNodeExporter *self);
char                *ops_test_node_exporter_url   (OpsTestNodeExporter *self);
/* clang-format on */

G_END_DECLS
