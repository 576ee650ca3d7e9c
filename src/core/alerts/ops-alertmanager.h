/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ops-alertmanager-alert.h"

G_BEGIN_DECLS

#define OPS_ALERTMANAGER_ERROR (ops_alertmanager_error_quark ())

typedef enum
{
  OPS_ALERTMANAGER_ERROR_INVALID_URL, /* not an http(s) address */
  OPS_ALERTMANAGER_ERROR_UNREACHABLE, /* refused, unknown host, network down, TLS */
  OPS_ALERTMANAGER_ERROR_TIMED_OUT,
  OPS_ALERTMANAGER_ERROR_HTTP,         /* an error status; the message has Alertmanager's words */
  OPS_ALERTMANAGER_ERROR_BAD_RESPONSE, /* not the JSON of the API */
  OPS_ALERTMANAGER_ERROR_TOO_LARGE,
  OPS_ALERTMANAGER_ERROR_INVALID, /* a silence Opsdeck refuses to send */
} OpsAlertmanagerError;

#define OPS_ALERTMANAGER_MAX_RESPONSE (16 * 1024 * 1024)
#define OPS_ALERTMANAGER_TIMEOUT_S    10

#define OPS_TYPE_ALERTMANAGER_CLIENT (ops_alertmanager_client_get_type ())

G_DECLARE_FINAL_TYPE (OpsAlertmanagerClient, ops_alertmanager_client, OPS, ALERTMANAGER_CLIENT, GObject)

/* clang-format off */
GQuark                 ops_alertmanager_error_quark            (void);
char                  *ops_alertmanager_normalize_url          (const char            *url,
                                                                GError               **error);


OpsAlertmanagerClient *ops_alertmanager_client_new             (const char            *url,
                                                                GError               **error);
const char            *ops_alertmanager_client_get_url         (OpsAlertmanagerClient *self);
void                   ops_alertmanager_client_list_alerts_async  (OpsAlertmanagerClient *self,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
GPtrArray             *ops_alertmanager_client_list_alerts_finish (OpsAlertmanagerClient *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);
void                   ops_alertmanager_client_create_silence_async  (OpsAlertmanagerClient *self,
                                                                OpsAlertmanagerAlert  *alert,
                                                                gint64                 duration_s,
                                                                const char            *created_by,
                                                                const char            *comment,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
char                  *ops_alertmanager_client_create_silence_finish (OpsAlertmanagerClient *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);
/* clang-format on */

G_END_DECLS
