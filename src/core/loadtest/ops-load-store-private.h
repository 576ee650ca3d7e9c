/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-load-store.h"

G_BEGIN_DECLS

/* clang-format off */
char     *_ops_load_store_json_to_text      (JsonNode      *node);
JsonNode *_ops_load_store_json_from_text    (const char    *text,
                                             GError       **error);
gboolean  _ops_load_store_step_done         (OpsStore      *store,
                                             sqlite3_stmt  *stmt,
                                             const char    *context,
                                             GError       **error);
gint64    _ops_load_store_find_scenario_id  (OpsStore      *store,
                                             const char    *name);
/* clang-format on */

G_END_DECLS
