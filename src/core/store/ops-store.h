/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define OPS_STORE_ERROR (ops_store_error_quark ())

typedef enum
{
  OPS_STORE_ERROR_FAILED,
  OPS_STORE_ERROR_NEWER_SCHEMA,
  OPS_STORE_ERROR_CORRUPT,
  OPS_STORE_ERROR_BUSY,
  OPS_STORE_ERROR_FULL,
  OPS_STORE_ERROR_READ_ONLY,
  OPS_STORE_ERROR_IO,
  OPS_STORE_ERROR_MIGRATION,
  OPS_STORE_ERROR_CONSTRAINT,
  OPS_STORE_ERROR_NOT_FOUND,
  OPS_STORE_ERROR_INVALID_VALUE,
} OpsStoreError;

typedef struct _OpsSettings OpsSettings;

#define OPS_TYPE_STORE (ops_store_get_type ())

G_DECLARE_FINAL_TYPE (OpsStore, ops_store, OPS, STORE, GObject)

/* clang-format off */
GQuark        ops_store_error_quark                 (void);

OpsStore     *ops_store_open                        (const char    *path,
                                                     GError       **error);
OpsStore     *ops_store_open_default                (GError       **error);
const char   *ops_store_get_path                    (OpsStore      *self);
const char   *ops_store_get_moved_aside_path        (OpsStore      *self);
const char   *ops_store_get_backup_path             (OpsStore      *self);
int           ops_store_get_schema_version          (OpsStore      *self);
int           ops_store_get_latest_schema_version   (void);
OpsSettings  *ops_store_get_settings                (OpsStore      *self);
sqlite3      *ops_store_get_handle                  (OpsStore      *self);
sqlite3      *ops_store_open_connection             (OpsStore      *self,
                                                     GError       **error);

gboolean      ops_store_exec                        (OpsStore      *self,
                                                     const char    *sql,
                                                     GError       **error);
sqlite3_stmt *ops_store_prepare                     (OpsStore      *self,
                                                     const char    *sql,
                                                     GError       **error);
gboolean      ops_store_begin                       (OpsStore      *self,
                                                     GError       **error);
gboolean      ops_store_commit                      (OpsStore      *self,
                                                     GError       **error);
void          ops_store_rollback                    (OpsStore      *self);
gint64        ops_store_get_file_size               (OpsStore      *self);

gboolean      ops_store_set_error_from_sqlite       (GError       **error,
                                                     sqlite3       *db,
                                                     int            rc,
                                                     const char    *context);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
