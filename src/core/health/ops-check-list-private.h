/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-check-list.h"

G_BEGIN_DECLS

/* clang-format off */
OpsCheckList *_ops_check_list_get_for_store (OpsStore  *store);
gint64        _ops_check_list_write_row     (OpsStore  *store,
                                             OpsCheck  *check,
                                             gint64     id,
                                             gboolean   has_secret,
                                             GError   **error);
/* clang-format on */

G_END_DECLS
