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
};

const OpsMigration *
_ops_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
