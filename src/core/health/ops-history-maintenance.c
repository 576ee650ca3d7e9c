/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-history"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ops-history-private.h"

/*
 * Keeping the history tidy, on a thread with a connection of its own, in
 * small transactions so that the writer and the app never wait long:
 *
 * - closed hours and days get their 95th percentile from the raw samples
 *   and are marked final;
 * - raw samples older than the retention setting are deleted, and rollups
 *   older than a year (or the retention, if longer), host figures of
 *   Prometheus checks and their rollups alike;
 * - the history of removed checks is deleted, then their rows.
 */

#define FINALIZE_BATCH 500

static gboolean
sqlite_failed (GError **error,
               sqlite3 *db,
               int      rc)
{
  return ops_store_set_error_from_sqlite (error, db, rc, _("Could not tidy the check history"));
}

static gboolean
finalize_rollups (sqlite3               *db,
                  gint64                 now_usec,
                  guint                  max_batches,
                  OpsHistoryMaintenance *done,
                  GError               **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) p95 = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT check_id, resolution, start, latency_count FROM health_rollups "
                           "WHERE finalized = 0 AND start + resolution * 1000000 <= ?1 "
                           "ORDER BY start LIMIT ?2",
                           -1, &select, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT latency_us FROM health_samples "
                             "WHERE check_id = ?1 AND time >= ?2 AND time < ?3 "
                             "AND status IN (1, 2) AND latency_us IS NOT NULL "
                             "ORDER BY latency_us LIMIT 1 OFFSET ?4",
                             -1, &p95, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "UPDATE health_rollups SET latency_p95 = ?4, finalized = 1 "
                             "WHERE check_id = ?1 AND resolution = ?2 AND start = ?3",
                             -1, &update, NULL);
  if (rc != SQLITE_OK)
    return sqlite_failed (error, db, rc);

  for (guint batch = 0; batch < max_batches; batch++)
    {
      guint n = 0;

      if ((rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
        return sqlite_failed (error, db, rc);

      sqlite3_reset (select);
      sqlite3_bind_int64 (select, 1, now_usec);
      sqlite3_bind_int (select, 2, FINALIZE_BATCH);

      /* Collect first: the update changes the index the select walks. */
      {
        g_autoptr(GArray) todo = g_array_new (FALSE, FALSE, sizeof (gint64) * 4);

        while ((rc = sqlite3_step (select)) == SQLITE_ROW)
          {
            gint64 row[4] = {
              sqlite3_column_int64 (select, 0),
              sqlite3_column_int64 (select, 1),
              sqlite3_column_int64 (select, 2),
              sqlite3_column_int64 (select, 3),
            };

            g_array_append_vals (todo, row, 1);
          }

        for (guint i = 0; i < todo->len && rc == SQLITE_DONE; i++)
          {
            gint64 *row = &g_array_index (todo, gint64, i * 4);
            gint64  end = row[2] + row[1] * G_USEC_PER_SEC;
            gint64  rank = (gint64)ceil (0.95 * row[3]);

            sqlite3_reset (update);
            sqlite3_bind_int64 (update, 1, row[0]);
            sqlite3_bind_int64 (update, 2, row[1]);
            sqlite3_bind_int64 (update, 3, row[2]);
            sqlite3_bind_null (update, 4);

            if (rank > 0)
              {
                sqlite3_reset (p95);
                sqlite3_bind_int64 (p95, 1, row[0]);
                sqlite3_bind_int64 (p95, 2, row[2]);
                sqlite3_bind_int64 (p95, 3, end);
                sqlite3_bind_int64 (p95, 4, rank - 1);
                if (sqlite3_step (p95) == SQLITE_ROW)
                  sqlite3_bind_double (update, 4, sqlite3_column_int64 (p95, 0) / 1000.0);
              }

            rc = sqlite3_step (update);
            n++;
          }
      }

      if (rc != SQLITE_DONE)
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return sqlite_failed (error, db, rc);
        }
      if ((rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return sqlite_failed (error, db, rc);
        }

      done->rollups_finalized += n;
      if (n < FINALIZE_BATCH)
        return TRUE;
    }

  done->more = TRUE;
  return TRUE;
}

/* Runs a bound DELETE until it deletes fewer than a batch, each run its
 * own transaction; runs that delete something count against *budget. */
static gboolean
delete_in_batches (sqlite3      *db,
                   sqlite3_stmt *stmt,
                   guint         batch_size,
                   guint        *budget,
                   guint64      *deleted,
                   gboolean     *more,
                   GError      **error)
{
  while (*budget > 0)
    {
      int rc;
      int changes;

      sqlite3_reset (stmt);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        return sqlite_failed (error, db, rc);

      changes = sqlite3_changes (db);
      sqlite3_reset (stmt);
      if (changes > 0)
        (*budget)--;
      *deleted += changes;
      if ((guint)changes < batch_size)
        return TRUE;
    }

  *more = TRUE;
  return TRUE;
}

static GArray *
list_checks (sqlite3 *db,
             gboolean removed,
             GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           removed ? "SELECT id FROM health_checks WHERE removed_at IS NOT NULL"
                                   : "SELECT id FROM health_checks",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      rc = SQLITE_OK;
    }
  if (rc != SQLITE_DONE)
    {
      sqlite_failed (error, db, rc);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* What the deletes of one check's history clear, and what they count. */
enum
{
  TABLE_SAMPLES,
  TABLE_ROLLUPS,
  TABLE_HOST_SAMPLES,
  TABLE_HOST_ROLLUPS,
  N_TABLES,
};

typedef struct
{
  sqlite3_stmt *stmts[N_TABLES];
} Deletes;

static void
deletes_clear (Deletes *deletes)
{
  for (guint i = 0; i < N_TABLES; i++)
    g_clear_pointer (&deletes->stmts[i], sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Deletes, deletes_clear)

static guint64 *
deleted_counter (OpsHistoryMaintenance *done,
                 guint                  table)
{
  switch (table)
    {
    case TABLE_SAMPLES:
      return &done->samples_deleted;
    case TABLE_ROLLUPS:
      return &done->rollups_deleted;
    case TABLE_HOST_SAMPLES:
      return &done->host_samples_deleted;
    case TABLE_HOST_ROLLUPS:
    default:
      return &done->host_rollups_deleted;
    }
}

/* Deletes of a check's oldest samples and rollups, a batch at a time:
 * parameters check id, (with @before: the cutoff,) batch size. Host rows
 * are found by their key, metric by metric. */
static gboolean
prepare_deletes (sqlite3 *db,
                 gboolean before,
                 Deletes *deletes,
                 GError **error)
{
  g_autoptr(GString) metrics = g_string_new (NULL);
  g_autofree char *host_samples = NULL;
  g_autofree char *host_rollups = NULL;
  const char      *sql[N_TABLES];
  int              rc = SQLITE_OK;

  for (guint m = 0; m < OPS_HOST_N_METRICS; m++)
    g_string_append_printf (metrics, "%s%u", m > 0 ? ", " : "", m);

  host_samples = g_strdup_printf ("DELETE FROM health_host_samples "
                                  "WHERE (check_id, metric, time) IN "
                                  "(SELECT check_id, metric, time FROM health_host_samples "
                                  "WHERE check_id = ?1 AND metric IN (%s) AND time < ?2 LIMIT ?3)",
                                  metrics->str);
  host_rollups = g_strdup_printf ("DELETE FROM health_host_rollups "
                                  "WHERE (check_id, metric, resolution, start) IN "
                                  "(SELECT check_id, metric, resolution, start FROM "
                                  "health_host_rollups WHERE check_id = ?1 AND metric IN (%s) "
                                  "AND resolution IN (%d, %d) AND start < ?2 LIMIT ?3)",
                                  metrics->str, OPS_HISTORY_HOURLY_S, OPS_HISTORY_DAILY_S);

  if (before)
    {
      sql[TABLE_SAMPLES] = "DELETE FROM health_samples WHERE rowid IN (SELECT rowid FROM "
                           "health_samples WHERE check_id = ?1 AND time < ?2 LIMIT ?3)";
      sql[TABLE_ROLLUPS] = "DELETE FROM health_rollups WHERE (check_id, resolution, start) "
                           "IN (SELECT check_id, resolution, start FROM health_rollups "
                           "WHERE check_id = ?1 AND start < ?2 LIMIT ?3)";
      sql[TABLE_HOST_SAMPLES] = host_samples;
      sql[TABLE_HOST_ROLLUPS] = host_rollups;
    }
  else
    {
      sql[TABLE_SAMPLES] = "DELETE FROM health_samples WHERE rowid IN (SELECT rowid FROM "
                           "health_samples WHERE check_id = ?1 LIMIT ?2)";
      sql[TABLE_ROLLUPS] = "DELETE FROM health_rollups WHERE (check_id, resolution, start) "
                           "IN (SELECT check_id, resolution, start FROM health_rollups "
                           "WHERE check_id = ?1 LIMIT ?2)";
      sql[TABLE_HOST_SAMPLES] = "DELETE FROM health_host_samples WHERE (check_id, metric, time) "
                                "IN (SELECT check_id, metric, time FROM health_host_samples "
                                "WHERE check_id = ?1 LIMIT ?2)";
      sql[TABLE_HOST_ROLLUPS] = "DELETE FROM health_host_rollups "
                                "WHERE (check_id, metric, resolution, start) IN "
                                "(SELECT check_id, metric, resolution, start FROM "
                                "health_host_rollups WHERE check_id = ?1 LIMIT ?2)";
    }

  for (guint i = 0; i < N_TABLES && rc == SQLITE_OK; i++)
    rc = sqlite3_prepare_v2 (db, sql[i], -1, &deletes->stmts[i], NULL);
  if (rc != SQLITE_OK)
    return sqlite_failed (error, db, rc);

  return TRUE;
}

static gboolean
apply_retention (sqlite3               *db,
                 gint64                 now_usec,
                 guint                  retention_days,
                 guint                  batch_size,
                 guint                 *budget,
                 OpsHistoryMaintenance *done,
                 GError               **error)
{
  g_auto(Deletes) deletes = { { NULL } };
  g_autoptr(GArray) ids = NULL;
  gint64 raw_cutoff = now_usec - retention_days * OPS_HISTORY_DAY_USEC;
  gint64 rollup_cutoff = now_usec - MAX (retention_days, OPS_HISTORY_ROLLUP_DAYS) * OPS_HISTORY_DAY_USEC;

  ids = list_checks (db, FALSE, error);
  if (ids == NULL)
    return FALSE;

  if (!prepare_deletes (db, TRUE, &deletes, error))
    return FALSE;

  for (guint i = 0; i < ids->len && (*budget) > 0; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      for (guint t = 0; t < N_TABLES; t++)
        {
          sqlite3_stmt *stmt = deletes.stmts[t];
          gboolean      raw = t == TABLE_SAMPLES || t == TABLE_HOST_SAMPLES;

          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, raw ? raw_cutoff : rollup_cutoff);
          sqlite3_bind_int (stmt, 3, batch_size);
          if (!delete_in_batches (db, stmt, batch_size, budget, deleted_counter (done, t),
                                  &done->more, error))
            return FALSE;
        }
    }

  /* Out of budget: the checks after this one wait for the next pass. */
  if (*budget == 0)
    done->more = TRUE;

  return TRUE;
}

static gboolean
purge_removed (sqlite3               *db,
               guint                  batch_size,
               guint                 *budget,
               OpsHistoryMaintenance *done,
               GError               **error)
{
  g_auto(Deletes) deletes = { { NULL } };
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(GArray) ids = NULL;
  int rc;

  ids = list_checks (db, TRUE, error);
  if (ids == NULL)
    return FALSE;

  if (!prepare_deletes (db, FALSE, &deletes, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (db, "DELETE FROM health_checks WHERE id = ?1", -1, &check, NULL);
  if (rc != SQLITE_OK)
    return sqlite_failed (error, db, rc);

  for (guint i = 0; i < ids->len && (*budget) > 0; i++)
    {
      gint64   id = g_array_index (ids, gint64, i);
      gboolean more = FALSE;

      for (guint t = 0; t < N_TABLES && !more; t++)
        {
          sqlite3_bind_int64 (deletes.stmts[t], 1, id);
          sqlite3_bind_int (deletes.stmts[t], 2, batch_size);
          if (!delete_in_batches (db, deletes.stmts[t], batch_size, budget,
                                  deleted_counter (done, t), &more, error))
            return FALSE;
        }

      if (more || *budget == 0)
        {
          done->more = TRUE;
          break;
        }

      sqlite3_reset (check);
      sqlite3_bind_int64 (check, 1, id);
      if ((rc = sqlite3_step (check)) != SQLITE_DONE)
        return sqlite_failed (error, db, rc);
      done->checks_purged++;
    }

  return TRUE;
}

/**
 * _ops_history_maintain:
 * @db: a connection of the calling thread
 * @now_usec: the time to measure ages from
 * @retention_days: how long raw samples are kept
 * @batch_size: rows per delete
 * @max_batches: at most this many transactions per step; what is left is
 *   for the next pass (@done->more)
 * @done: (out): what was done
 * @error: return location for a #GError
 *
 * Returns: %TRUE unless the database failed
 */
gboolean
_ops_history_maintain (sqlite3               *db,
                       gint64                 now_usec,
                       guint                  retention_days,
                       guint                  batch_size,
                       guint                  max_batches,
                       OpsHistoryMaintenance *done,
                       GError               **error)
{
  guint budget = max_batches;

  *done = (OpsHistoryMaintenance){ 0 };

  if (!finalize_rollups (db, now_usec, max_batches, done, error))
    return FALSE;

  if (!apply_retention (db, now_usec, retention_days, batch_size, &budget, done, error))
    return FALSE;

  return purge_removed (db, batch_size, &budget, done, error);
}
