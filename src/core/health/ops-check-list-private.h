/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-check-list.h"

G_BEGIN_DECLS

#define OPS_CHECK_LIST_COLUMNS                                                              \
  "id, name, kind, target, interval_ms, timeout_ms, failure_threshold, success_threshold, " \
  "environment, tags, conditions, options, enabled, paused, has_secret"

/* clang-format off */
OpsCheckList *_ops_check_list_get_for_store (OpsStore  *store);
OpsCheck     *_ops_check_list_check_from_row (sqlite3_stmt *stmt);
void          _ops_check_list_restore_state (sqlite3_stmt *stmt,
                                             OpsCheck     *check);
gboolean      _ops_check_list_check_name_free (OpsStore   *store,
                                               const char *name,
                                               gint64      except_id,
                                               GError    **error);
gboolean      _ops_check_list_delete_row    (OpsStore  *store,
                                             gint64     id);
gint64        _ops_check_list_write_row     (OpsStore  *store,
                                             OpsCheck  *check,
                                             gint64     id,
                                             gboolean   has_secret,
                                             GError   **error);
/* clang-format on */

G_END_DECLS
