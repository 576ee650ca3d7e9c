/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-alert-db.h"

G_BEGIN_DECLS

/* Small helpers shared by the files of the alert database code. */

/* clang-format off */
const char *_ops_alert_db_column_text         (sqlite3_stmt  *stmt,
                                               int            column);
void        _ops_alert_db_bind_text           (sqlite3_stmt  *stmt,
                                               int            index,
                                               const char    *text);
gboolean    _ops_alert_db_step_done           (OpsStore      *store,
                                               sqlite3_stmt  *stmt,
                                               const char    *context,
                                               GError       **error);
int         _ops_alert_db_changes             (OpsStore      *store);
gboolean    _ops_alert_db_is_unique_violation (OpsStore      *store);
/* clang-format on */

G_END_DECLS
