/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-test-process.h"

G_BEGIN_DECLS

typedef struct
{
  OpsTestProcess *process;
  char           *data_dir;
  guint16         port;
} OpsTestPostgresNode;

/* A real PostgreSQL: a primary and, when asked, a streaming standby, in a
 * temporary folder, run as the `postgres` user when the test is root.
 * A login role `monitor` has the password `password`. */
typedef struct
{
  char                *root;
  char                *bindir;
  OpsTestPostgresNode *primary;
  OpsTestPostgresNode *standby;
  const char          *user;
  const char          *password;
} OpsTestPostgres;

/* clang-format off */
OpsTestPostgres *ops_test_postgres_start    (gboolean            with_standby);
void             ops_test_postgres_stop     (OpsTestPostgres    *self);
char            *ops_test_postgres_conninfo (OpsTestPostgres    *self,
                                             OpsTestPostgresNode *node);
void             ops_test_postgres_sql      (OpsTestPostgres    *self,
                                             OpsTestPostgresNode *node,
                                             const char         *sql);
/* clang-format on */

G_END_DECLS
