/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include "ops-test-history.h"

gint64
ops_test_history_add (OpsTestHistory *fixture,
                      OpsCheckKind    kind,
                      const char     *name,
                      const char     *target)
{
  g_autoptr(OpsCheck) check = ops_check_new (kind, name, target);
  g_autoptr(GError) error = NULL;

  ops_check_list_add (fixture->checks, check, &error);
  g_assert_no_error (error);

  return ops_check_get_id (check);
}

/* A TCP check. */
gint64
ops_test_history_add_check (OpsTestHistory *fixture,
                            const char     *name)
{
  return ops_test_history_add (fixture, OPS_CHECK_KIND_TCP, name, "127.0.0.1:1");
}

void
ops_test_history_setup (OpsTestHistory *fixture,
                        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = ops_test_fresh_db_path ();
  fixture->store = ops_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->checks = ops_check_list_new (fixture->store, &error);
  g_assert_no_error (error);
  fixture->history = ops_history_new (fixture->store);
  fixture->db = ops_store_open_connection (fixture->store, &error);
  g_assert_no_error (error);
  fixture->check_id = ops_test_history_add_check (fixture, "api");
}

void
ops_test_history_teardown (OpsTestHistory *fixture,
                           gconstpointer   data)
{
  sqlite3_close_v2 (fixture->db);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->checks);
  g_clear_object (&fixture->store);
  g_free (fixture->path);
}

int
ops_test_history_count (OpsTestHistory *fixture,
                        const char     *sql)
{
  return ops_test_sqlite_int (fixture->path, sql);
}

int
ops_test_history_count_printf (OpsTestHistory *fixture,
                               const char     *format,
                               ...)
{
  g_autofree char *sql = NULL;
  va_list          args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return ops_test_sqlite_int (fixture->path, sql);
}

/* Writes samples directly, with the times the test chooses. */
void
ops_test_history_write (OpsTestHistory      *fixture,
                        const OpsHistoryRow *rows,
                        guint                n_rows)
{
  g_autoptr(OpsHistoryWriter) writer = _ops_history_writer_new (fixture->db);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (writer);
  _ops_history_writer_write (writer, rows, n_rows, &error);
  g_assert_no_error (error);
}

OpsHistoryRow
ops_test_history_sample (gint64          check_id,
                         gint64          time,
                         OpsHealthStatus status,
                         gint64          latency_us)
{
  OpsHistoryRow row = { 0 };

  row.check_id = check_id;
  row.time = time;
  row.status = status;
  row.state = status;
  row.latency_us = latency_us;
  row.dns_us = row.connect_us = row.tls_us = row.first_byte_us = row.download_us = -1;
  return row;
}
