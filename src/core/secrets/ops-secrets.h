/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OPS_SECRETS_ERROR (ops_secrets_error_quark ())

typedef enum
{
  OPS_SECRETS_ERROR_UNAVAILABLE,
  OPS_SECRETS_ERROR_LOCKED,
  OPS_SECRETS_ERROR_FAILED,
} OpsSecretsError;

/* clang-format off */
GQuark    ops_secrets_error_quark  (void);

void      ops_secrets_store_async  (const char           *key,
                                    const char           *label,
                                    const char           *value,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean  ops_secrets_store_finish (GAsyncResult         *result,
                                    GError              **error);
void      ops_secrets_lookup_async (const char           *key,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
char     *ops_secrets_lookup_finish (GAsyncResult        *result,
                                    GError              **error);
void      ops_secrets_delete_async (const char           *key,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean  ops_secrets_delete_finish (GAsyncResult        *result,
                                    GError              **error);

gboolean  ops_secrets_store_sync   (const char           *key,
                                    const char           *label,
                                    const char           *value,
                                    GCancellable         *cancellable,
                                    GError              **error);
char     *ops_secrets_lookup_sync  (const char           *key,
                                    GCancellable         *cancellable,
                                    GError              **error);
gboolean  ops_secrets_delete_sync  (const char           *key,
                                    GCancellable         *cancellable,
                                    GError              **error);
void      ops_secrets_free         (char                 *value);
char     *ops_secrets_mask         (const char           *value);
/* clang-format on */

G_END_DECLS
