/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-alert-db.h"
#include "ops-alert-engine.h"
#include "ops-alert-private.h"

G_BEGIN_DECLS

/* What the engine knows of one check. */
typedef struct
{
  gint64          id;
  char           *name;
  char           *environment;
  GStrv           tags;
  OpsSampleStatus status;
  gint64          first_seen; /* when the engine learned of it */
  gint64          last_time;  /* the time of its last result; 0: none yet */
  OpsAlertSample *last_sample;
} CheckState;

/* One rule applied to one check: the values in its window, its open
 * alert, and its recent changes for flapping. */
typedef struct
{
  gint64    rule_id;
  gint64    check_id;
  GArray   *points;  /* Point, oldest first */
  GArray   *changes; /* gint64: times it fired or resolved */
  OpsAlert *alert;   /* open alert, or NULL */
  gboolean  flapping;
  gboolean  escalation_pending;
  gint64    unblocked_at;
} Series;

typedef struct
{
  gint64 time;
  double value;
} Point;

struct _OpsAlertEngine
{
  GObject parent_instance;

  /* Owned */
  OpsStore    *store;
  OpsEventBus *bus;
  OpsClock    *clock;
  GPtrArray   *rules;        /* OpsAlertRule, enabled or not */
  GPtrArray   *dependencies; /* OpsAlertDependency */
  GPtrArray   *windows;      /* OpsMaintenanceWindow */
  GHashTable  *checks;       /* gint64* id → CheckState */
  GHashTable  *check_names;  /* name → CheckState (borrowed) */
  GHashTable  *series;       /* "rule:check" → Series */
  GListStore  *open_alerts;  /* OpsAlert */

  guint  tick_id;
  gint64 config_revision;
  int    data_version;
};

/* clang-format off */
gint64      _ops_alert_engine_now                 (OpsAlertEngine *self);
void        _ops_alert_engine_log_error           (const char     *what,
                                                   GError         *error);
OpsAlertCheckRef _ops_alert_engine_check_ref      (CheckState     *check);
void        _ops_alert_engine_add_open            (OpsAlertEngine *self,
                                                   OpsAlert       *alert);
void        _ops_alert_engine_remove_open         (OpsAlertEngine *self,
                                                   OpsAlert       *alert);
CheckState *_ops_alert_engine_ensure_check        (OpsAlertEngine *self,
                                                   gint64          check_id,
                                                   const char     *name);
OpsAlertRule *_ops_alert_engine_find_rule         (OpsAlertEngine *self,
                                                   gint64          rule_id);
void        _ops_alert_engine_close_orphans       (OpsAlertEngine *self);
void        _ops_alert_engine_evaluate            (OpsAlertEngine *self,
                                                   OpsAlertRule   *rule,
                                                   CheckState     *check,
                                                   OpsAlertSample *sample);
void        _ops_alert_engine_check_absence       (OpsAlertEngine *self,
                                                   gint64          t);
void        _ops_alert_engine_fire                (OpsAlertEngine *self,
                                                   Series         *series,
                                                   CheckState     *check);
void        _ops_alert_engine_close_alert         (OpsAlertEngine *self,
                                                   Series         *series,
                                                   CheckState     *check,
                                                   const char     *actor,
                                                   const char     *note);
CheckState *_ops_alert_engine_lookup_check        (OpsAlertEngine *self,
                                                   gint64          check_id);
Series     *_ops_alert_engine_lookup_series       (OpsAlertEngine *self,
                                                   gint64          rule_id,
                                                   gint64          check_id,
                                                   gboolean        create);
void        _ops_alert_engine_consider            (OpsAlertEngine *self,
                                                   Series         *series,
                                                   CheckState     *check);
void        _ops_alert_engine_consider_all        (OpsAlertEngine *self);
void        _ops_alert_engine_consider_check      (OpsAlertEngine *self,
                                                   CheckState     *check);
void        _ops_alert_engine_record_change       (OpsAlertEngine *self,
                                                   Series         *series,
                                                   CheckState     *check,
                                                   gint64          now);
void        _ops_alert_engine_update_flapping     (OpsAlertEngine *self,
                                                   Series         *series,
                                                   CheckState     *check,
                                                   gint64          now);
void        _ops_alert_engine_publish             (OpsAlertEngine *self,
                                                   const char     *kind,
                                                   OpsAlert       *alert,
                                                   const char     *actor,
                                                   const char     *note,
                                                   gboolean        renotify);
void        _ops_alert_engine_save                (OpsAlertEngine *self,
                                                   OpsAlert       *alert,
                                                   const char     *transition,
                                                   const char     *actor,
                                                   const char     *note);
/* clang-format on */

G_END_DECLS
