/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <json-glib/json-glib.h>

#include "ops-test-process.h"

G_BEGIN_DECLS

typedef struct
{
  OpsTestProcess *process;
  guint16         port;
} OpsTestAlertmanager;

/* clang-format off */
OpsTestAlertmanager *ops_test_alertmanager_start       (void);
void                 ops_test_alertmanager_stop        (OpsTestAlertmanager *self);
char                *ops_test_alertmanager_url         (OpsTestAlertmanager *self,
                                                        const char          *path);
void                 ops_test_alertmanager_post_alerts (OpsTestAlertmanager *self,
                                                        const char          *json);
JsonNode            *ops_test_alertmanager_get         (OpsTestAlertmanager *self,
                                                        const char          *path);
/* clang-format on */

G_END_DECLS
