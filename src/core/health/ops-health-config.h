/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <json-glib/json-glib.h>

#include "store/ops-store.h"

G_BEGIN_DECLS

/* The “health” section of the exported configuration. */

/* clang-format off */
JsonNode *ops_health_config_export   (OpsStore  *store,
                                      GError   **error);
gboolean  ops_health_config_validate (OpsStore  *store,
                                      JsonNode  *node,
                                      GError   **error);
gboolean  ops_health_config_apply    (OpsStore  *store,
                                      JsonNode  *node,
                                      GError   **error);
void      ops_health_config_applied  (OpsStore  *store);
/* clang-format on */

G_END_DECLS
