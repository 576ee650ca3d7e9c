/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-test-process.h"

G_BEGIN_DECLS

typedef struct
{
  OpsTestProcess *process;
  char           *www;        /* the document root */
  char           *access_log;
  guint16         port;
  gboolean        tls;
} OpsTestNginx;

/* clang-format off */
OpsTestNginx *ops_test_nginx_start          (const char   *server_config,
                                             const char   *certificate,
                                             const char   *key);
OpsTestNginx *ops_test_nginx_start_on_port  (const char   *server_config,
                                             const char   *certificate,
                                             const char   *key,
                                             guint16       port);
void          ops_test_nginx_stop           (OpsTestNginx *self);
char         *ops_test_nginx_url            (OpsTestNginx *self,
                                             const char   *path);
void          ops_test_nginx_write_file     (OpsTestNginx *self,
                                             const char   *path,
                                             const char   *data,
                                             gssize        length);
guint         ops_test_nginx_count_requests (OpsTestNginx *self);
/* clang-format on */

G_END_DECLS
