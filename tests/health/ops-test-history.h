/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "health/ops-check-list.h"
#include "health/ops-history-private.h"
#include "ops-test-util.h"

G_BEGIN_DECLS

/* A fixed “now”, on an hour boundary plus 30 minutes, far from today so
 * that nothing depends on the clock. */
#define NOW      (G_GINT64_CONSTANT (1800000000) * G_USEC_PER_SEC + 30 * 60 * G_USEC_PER_SEC)
#define MIN_USEC (60 * G_USEC_PER_SEC)

/* A fresh database with one TCP check ("api"), its history, and a
 * connection of the test's own, for the history's tests. */
typedef struct
{
  char         *path;
  OpsStore     *store;
  OpsCheckList *checks;
  OpsHistory   *history;
  sqlite3      *db;
  gint64        check_id;
} OpsTestHistory;

/* clang-format off */
void          ops_test_history_setup        (OpsTestHistory      *fixture,
                                             gconstpointer        data);
void          ops_test_history_teardown     (OpsTestHistory      *fixture,
                                             gconstpointer        data);
gint64        ops_test_history_add_check    (OpsTestHistory      *fixture,
                                             const char          *name);
gint64        ops_test_history_add          (OpsTestHistory      *fixture,
                                             OpsCheckKind         kind,
                                             const char          *name,
                                             const char          *target);
int           ops_test_history_count        (OpsTestHistory      *fixture,
                                             const char          *sql);
int           ops_test_history_count_printf (OpsTestHistory      *fixture,
                                             const char          *format,
                                             ...) G_GNUC_PRINTF (2, 3);
void          ops_test_history_write        (OpsTestHistory      *fixture,
                                             const OpsHistoryRow *rows,
                                             guint                n_rows);
OpsHistoryRow ops_test_history_sample       (gint64               check_id,
                                             gint64               time,
                                             OpsHealthStatus      status,
                                             gint64               latency_us);
/* clang-format on */

G_END_DECLS
