/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-store"

#include "config.h"

#include "ops-store-private.h"

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
};

const OpsMigration *
_ops_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
