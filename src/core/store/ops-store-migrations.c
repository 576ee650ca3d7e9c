/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-store"

#include "config.h"

#include "ops-store-private.h"

/* Load testing: saved scenarios (their credential headers stay in the
 * keyring), and runs with their per-second timeline and histograms. */
static const char load_testing_sql[] =
  "CREATE TABLE load_scenarios ("
  "  id         INTEGER PRIMARY KEY,"
  "  name       TEXT NOT NULL UNIQUE,"
  "  definition TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE load_runs ("
  "  id            INTEGER PRIMARY KEY,"
  "  name          TEXT,"
  "  scenario_id   INTEGER REFERENCES load_scenarios (id) ON DELETE SET NULL,"
  "  url           TEXT NOT NULL,"
  "  started_at    INTEGER NOT NULL,"
  "  duration_usec INTEGER NOT NULL,"
  "  end_reason    TEXT NOT NULL,"
  "  passed        INTEGER NOT NULL,"
  "  requests      INTEGER NOT NULL,"
  "  responses     INTEGER NOT NULL,"
  "  errors        INTEGER NOT NULL,"
  "  rps           REAL NOT NULL,"
  "  p99_usec      INTEGER NOT NULL,"
  "  configuration TEXT NOT NULL,"
  "  summary       TEXT NOT NULL,"
  "  histogram     BLOB NOT NULL"
  ");"
  "CREATE INDEX load_runs_started ON load_runs (started_at);"
  "CREATE TABLE load_run_seconds ("
  "  run_id        INTEGER NOT NULL REFERENCES load_runs (id) ON DELETE CASCADE,"
  "  second        INTEGER NOT NULL,"
  "  duration_usec INTEGER NOT NULL,"
  "  target        REAL NOT NULL,"
  "  counters      TEXT NOT NULL,"
  "  histogram     BLOB NOT NULL,"
  "  PRIMARY KEY (run_id, second)"
  ") WITHOUT ROWID;";

/* Health checks, their raw samples and hourly/daily rollups (issue 3).
 * Times are microseconds since 1970 (UTC); latencies of samples are
 * microseconds, those of rollups milliseconds. A removed check keeps its
 * row (removed_at) until its history is deleted in small batches. */
static const char health_schema_sql[] =
    "CREATE TABLE health_checks ("
    "  id                INTEGER PRIMARY KEY,"
    "  name              TEXT NOT NULL,"
    "  kind              TEXT NOT NULL,"
    "  target            TEXT NOT NULL,"
    "  interval_ms       INTEGER NOT NULL,"
    "  timeout_ms        INTEGER NOT NULL,"
    "  failure_threshold INTEGER NOT NULL DEFAULT 1,"
    "  success_threshold INTEGER NOT NULL DEFAULT 1,"
    "  environment       TEXT NOT NULL DEFAULT 'production',"
    "  tags              TEXT NOT NULL DEFAULT '[]',"
    "  conditions        TEXT NOT NULL DEFAULT '[]',"
    "  options           TEXT NOT NULL DEFAULT '{}',"
    "  enabled           INTEGER NOT NULL DEFAULT 1,"
    "  paused            INTEGER NOT NULL DEFAULT 0,"
    "  has_secret        INTEGER NOT NULL DEFAULT 0,"
    "  created_at        INTEGER NOT NULL,"
    "  updated_at        INTEGER NOT NULL,"
    "  removed_at        INTEGER"
    ");"
    "CREATE UNIQUE INDEX health_checks_name ON health_checks (name) WHERE removed_at IS NULL;"
    "CREATE TABLE health_samples ("
    "  check_id      INTEGER NOT NULL,"
    "  time          INTEGER NOT NULL,"
    "  status        INTEGER NOT NULL,"
    "  state         INTEGER NOT NULL,"
    "  latency_us    INTEGER,"
    "  dns_us        INTEGER,"
    "  connect_us    INTEGER,"
    "  tls_us        INTEGER,"
    "  first_byte_us INTEGER,"
    "  download_us   INTEGER,"
    "  error         TEXT"
    ");"
    "CREATE INDEX health_samples_check_time ON health_samples (check_id, time);"
    "CREATE TABLE health_rollups ("
    "  check_id      INTEGER NOT NULL,"
    "  resolution    INTEGER NOT NULL,"
    "  start         INTEGER NOT NULL,"
    "  count         INTEGER NOT NULL,"
    "  failures      INTEGER NOT NULL,"
    "  latency_count INTEGER NOT NULL,"
    "  latency_min   REAL,"
    "  latency_max   REAL,"
    "  latency_sum   REAL NOT NULL DEFAULT 0,"
    "  latency_p95   REAL,"
    "  finalized     INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (check_id, resolution, start)"
    ") WITHOUT ROWID;"
    "CREATE INDEX health_rollups_open ON health_rollups (start) WHERE finalized = 0;";

/* The schema, one step at a time. Each step runs in one transaction and
 * sets `PRAGMA user_version` to its version. Never edit a step that has
 * shipped: add a new one. Versions are contiguous from 1. */
static const OpsMigration migrations[] = {
  {
      1,
      "settings",
      "CREATE TABLE settings ("
      "  key   TEXT PRIMARY KEY NOT NULL,"
      "  value TEXT NOT NULL"
      ");",
  },
  {
      2,
      "schema history and settings timestamps",
      "ALTER TABLE settings ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;"
      "CREATE TABLE schema_history ("
      "  version     INTEGER PRIMARY KEY NOT NULL,"
      "  description TEXT NOT NULL,"
      "  applied_at  INTEGER NOT NULL,"
      "  app_version TEXT NOT NULL"
      ");",
  },
  {
      3,
      "load testing scenarios and runs",
      load_testing_sql,
  },
  {
      4,
      "health checks, samples and rollups",
      health_schema_sql,
  },
};

const OpsMigration *
_ops_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
