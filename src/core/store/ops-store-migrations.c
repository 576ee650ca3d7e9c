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

/* Alerts (issue 5): rules, the alerts they raise and the timeline of
 * each, dependencies between checks, maintenance windows and Alertmanager
 * sources. Times are microseconds since 1970 (UTC); durations are
 * seconds. Checks are named in rules, dependencies and windows (names
 * travel in exported configurations; ids do not), and by id and name in
 * alerts. `alert_config.revision` goes up with every change to the alert
 * configuration, whoever makes it, so that a running app notices edits
 * made by opsdeckctl. */
static const char alerts_schema_sql[] =
  "CREATE TABLE alert_rules ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL UNIQUE,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('down', 'threshold', 'absence')),"
  "  enabled     INTEGER NOT NULL DEFAULT 1,"
  "  builtin     INTEGER NOT NULL DEFAULT 0,"
  "  scope_kind  TEXT NOT NULL DEFAULT 'all'"
  "              CHECK (scope_kind IN ('all', 'check', 'tag', 'environment')),"
  "  scope_value TEXT,"
  "  severity    TEXT NOT NULL DEFAULT 'critical',"
  "  metric      TEXT,"
  "  aggregate   TEXT NOT NULL DEFAULT 'last',"
  "  operator    TEXT NOT NULL DEFAULT '>',"
  "  warning     REAL,"
  "  critical    REAL,"
  "  window_s    INTEGER NOT NULL DEFAULT 0,"
  "  for_s       INTEGER NOT NULL DEFAULT 0,"
  "  absence_s   INTEGER NOT NULL DEFAULT 0,"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL"
  ");"
  "CREATE TABLE alerts ("
  "  id               INTEGER PRIMARY KEY,"
  "  rule_id          INTEGER REFERENCES alert_rules (id) ON DELETE SET NULL,"
  "  rule_name        TEXT NOT NULL,"
  "  check_id         INTEGER NOT NULL,"
  "  check_name       TEXT NOT NULL,"
  "  state            TEXT NOT NULL"
  "                   CHECK (state IN ('pending', 'firing', 'acknowledged', 'resolved')),"
  "  severity         TEXT NOT NULL,"
  "  cause            TEXT NOT NULL,"
  "  value            REAL,"
  "  snapshot         TEXT NOT NULL DEFAULT '{}',"
  "  pending_at       INTEGER NOT NULL,"
  "  fired_at         INTEGER,"
  "  acknowledged_at  INTEGER,"
  "  acknowledged_by  TEXT,"
  "  ack_note         TEXT,"
  "  resolved_at      INTEGER,"
  "  resolved_by      TEXT,"
  "  resolve_note     TEXT,"
  "  notified_at      INTEGER,"
  "  notify_count     INTEGER NOT NULL DEFAULT 0,"
  "  blocked_by       TEXT,"
  "  blocked_by_alert INTEGER,"
  "  in_maintenance   TEXT,"
  "  flapping         INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE UNIQUE INDEX alerts_open ON alerts (rule_id, check_id) WHERE state != 'resolved';"
  "CREATE INDEX alerts_fired_at ON alerts (fired_at);"
  "CREATE INDEX alerts_check ON alerts (check_id, fired_at);"
  "CREATE TABLE alert_transitions ("
  "  id       INTEGER PRIMARY KEY,"
  "  alert_id INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,"
  "  at       INTEGER NOT NULL,"
  "  kind     TEXT NOT NULL,"
  "  state    TEXT NOT NULL,"
  "  severity TEXT NOT NULL,"
  "  actor    TEXT,"
  "  note     TEXT,"
  "  value    REAL"
  ");"
  "CREATE INDEX alert_transitions_alert ON alert_transitions (alert_id, at);"
  "CREATE TABLE alert_dependencies ("
  "  check_name  TEXT NOT NULL,"
  "  parent_name TEXT NOT NULL,"
  "  PRIMARY KEY (check_name, parent_name),"
  "  CHECK (check_name != parent_name)"
  ") WITHOUT ROWID;"
  "CREATE TABLE maintenance_windows ("
  "  id           INTEGER PRIMARY KEY,"
  "  name         TEXT NOT NULL UNIQUE,"
  "  kind         TEXT NOT NULL CHECK (kind IN ('once', 'weekly')),"
  "  scope_kind   TEXT NOT NULL DEFAULT 'all'"
  "               CHECK (scope_kind IN ('all', 'check', 'tag', 'environment')),"
  "  scope_value  TEXT,"
  "  starts_at    INTEGER,"
  "  ends_at      INTEGER,"
  "  days         INTEGER NOT NULL DEFAULT 0,"
  "  start_minute INTEGER NOT NULL DEFAULT 0,"
  "  duration_s   INTEGER NOT NULL DEFAULT 0,"
  "  time_zone    TEXT,"
  "  created_at   INTEGER NOT NULL"
  ");"
  "CREATE TABLE alert_sources ("
  "  id         INTEGER PRIMARY KEY,"
  "  name       TEXT NOT NULL UNIQUE,"
  "  kind       TEXT NOT NULL DEFAULT 'alertmanager' CHECK (kind IN ('alertmanager')),"
  "  url        TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE alert_config ("
  "  id       INTEGER PRIMARY KEY CHECK (id = 1),"
  "  revision INTEGER NOT NULL"
  ");"
  "INSERT INTO alert_config (id, revision) VALUES (1, 0);"
  "CREATE TRIGGER alert_rules_insert AFTER INSERT ON alert_rules BEGIN"
  "  UPDATE alert_config SET revision = revision + 1; END;"
  "CREATE TRIGGER alert_rules_update AFTER UPDATE ON alert_rules BEGIN"
  "  UPDATE alert_config SET revision = revision + 1; END;"
  "CREATE TRIGGER alert_rules_delete AFTER DELETE ON alert_rules BEGIN"
  "  UPDATE alert_config SET revision = revision + 1; END;"
  "CREATE TRIGGER alert_dependencies_insert AFTER INSERT ON alert_dependencies BEGIN"
  "  UPDATE alert_config SET revision = revision + 1; END;"
  "CREATE TRIGGER alert_dependencies_delete AFTER DELETE ON alert_dependencies BEGIN"
  "  UPDATE alert_config SET revision = revision + 1; END;"
  "CREATE TRIGGER maintenance_windows_insert AFTER INSERT ON maintenance_windows BEGIN"
  "  UPDATE alert_config SET revision = revision + 1; END;"
  "CREATE TRIGGER maintenance_windows_update AFTER UPDATE ON maintenance_windows BEGIN"
  "  UPDATE alert_config SET revision = revision + 1; END;"
  "CREATE TRIGGER maintenance_windows_delete AFTER DELETE ON maintenance_windows BEGIN"
  "  UPDATE alert_config SET revision = revision + 1; END;"
  /* The default rules every new check gets; they can be edited or disabled. */
  "INSERT INTO alert_rules (name, kind, builtin, severity, created_at, updated_at)"
  "  VALUES ('Check down', 'down', 1, 'critical', 0, 0);"
  "INSERT INTO alert_rules (name, kind, builtin, metric, aggregate, operator, warning, critical,"
  "                         created_at, updated_at)"
  "  VALUES ('Certificate expiring', 'threshold', 1, 'cert_days', 'last', '<', 14, 3, 0, 0);"
  "INSERT INTO alert_rules (name, kind, builtin, metric, aggregate, operator, warning, critical,"
  "                         window_s, created_at, updated_at)"
  "  VALUES ('Host CPU', 'threshold', 1, 'cpu_percent', 'avg', '>', 70, 90, 300, 0, 0);"
  "INSERT INTO alert_rules (name, kind, builtin, metric, aggregate, operator, warning, critical,"
  "                         window_s, created_at, updated_at)"
  "  VALUES ('Host memory', 'threshold', 1, 'memory_percent', 'avg', '>', 75, 90, 300, 0, 0);"
  "INSERT INTO alert_rules (name, kind, builtin, metric, aggregate, operator, warning, critical,"
  "                         created_at, updated_at)"
  "  VALUES ('Host disk', 'threshold', 1, 'disk_percent', 'last', '>', 80, 95, 0, 0);";

/* Host metrics of Prometheus checks (CPU %, memory %, worst disk %,
 * network bytes/s, health score), one row per figure with the metric as a
 * small integer (OpsHostMetric; never renumbered), and their hourly and
 * daily rollups (count, minimum, maximum, total). Same times, retention and purge
 * of removed checks as health_samples and health_rollups. */
static const char host_metrics_sql[] =
  "CREATE TABLE health_host_samples ("
  "  check_id INTEGER NOT NULL,"
  "  metric   INTEGER NOT NULL,"
  "  time     INTEGER NOT NULL,"
  "  value    REAL NOT NULL,"
  "  PRIMARY KEY (check_id, metric, time)"
  ") WITHOUT ROWID;"
  "CREATE TABLE health_host_rollups ("
  "  check_id   INTEGER NOT NULL,"
  "  metric     INTEGER NOT NULL,"
  "  resolution INTEGER NOT NULL,"
  "  start      INTEGER NOT NULL,"
  "  count      INTEGER NOT NULL,"
  "  minimum    REAL NOT NULL,"
  "  maximum    REAL NOT NULL,"
  "  total      REAL NOT NULL,"
  "  PRIMARY KEY (check_id, metric, resolution, start)"
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
  {
      4,
      "health checks, samples and rollups",
      health_schema_sql,
  },
  {
      5,
      "alert rules, alerts, dependencies, maintenance windows",
      alerts_schema_sql,
  },
  {
      6,
      "host metrics of Prometheus checks and their rollups",
      host_metrics_sql,
  },
};

const OpsMigration *
_ops_store_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
