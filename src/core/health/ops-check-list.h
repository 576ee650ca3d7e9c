/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

#include "ops-check.h"
#include "store/ops-store.h"

G_BEGIN_DECLS

#define OPS_TYPE_CHECK_LIST (ops_check_list_get_type ())

G_DECLARE_FINAL_TYPE (OpsCheckList, ops_check_list, OPS, CHECK_LIST, GObject)

/* clang-format off */
OpsCheckList *ops_check_list_new              (OpsStore             *store,
                                               GError              **error);
OpsStore     *ops_check_list_get_store        (OpsCheckList         *self);
OpsCheck     *ops_check_list_find_by_id       (OpsCheckList         *self,
                                               gint64                id);
OpsCheck     *ops_check_list_find_by_name     (OpsCheckList         *self,
                                               const char           *name);
gboolean      ops_check_list_reload           (OpsCheckList         *self,
                                               GError              **error);

gboolean      ops_check_list_add              (OpsCheckList         *self,
                                               OpsCheck             *check,
                                               GError              **error);
void          ops_check_list_add_async        (OpsCheckList         *self,
                                               OpsCheck             *check,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean      ops_check_list_add_finish       (OpsCheckList         *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gboolean      ops_check_list_update           (OpsCheckList         *self,
                                               OpsCheck             *edited,
                                               GError              **error);
void          ops_check_list_update_async     (OpsCheckList         *self,
                                               OpsCheck             *edited,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean      ops_check_list_update_finish    (OpsCheckList         *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gboolean      ops_check_list_remove           (OpsCheckList         *self,
                                               OpsCheck             *check,
                                               GError              **error);
/* clang-format on */

G_END_DECLS
