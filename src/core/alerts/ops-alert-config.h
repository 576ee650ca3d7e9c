/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <json-glib/json-glib.h>

#include "store/ops-store.h"

G_BEGIN_DECLS

/* The `alerts` section of the exported configuration. */

/* clang-format off */
JsonNode *ops_alert_config_export   (OpsStore  *store,
                                     GError   **error);
gboolean  ops_alert_config_validate (OpsStore  *store,
                                     JsonNode  *node,
                                     GError   **error);
gboolean  ops_alert_config_apply    (OpsStore  *store,
                                     JsonNode  *node,
                                     GError   **error);
/* clang-format on */

G_END_DECLS
