/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Servers that misbehave, in the test process, on a loopback port. They
 * run on the thread-default main context of their creator. */
typedef enum
{
  OPS_TEST_SERVER_SILENT,      /* accepts, reads, never answers */
  OPS_TEST_SERVER_CLOSE_EARLY, /* starts an HTTP answer, closes halfway */
  OPS_TEST_SERVER_GARBAGE,     /* answers with something that is not HTTP */
  OPS_TEST_SERVER_ACCEPT,      /* a plain TCP listener: accepts, keeps the connection */
} OpsTestServerMode;

typedef struct
{
  GSocketService   *service;
  GPtrArray        *connections;
  OpsTestServerMode mode;
  guint16           port;
  guint             accepted;
} OpsTestServer;

/* clang-format off */
OpsTestServer *ops_test_server_new   (OpsTestServerMode  mode);
void           ops_test_server_free  (OpsTestServer     *self);
char          *ops_test_server_url   (OpsTestServer     *self,
                                      const char        *path);
/* clang-format on */

G_END_DECLS
