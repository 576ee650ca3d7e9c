/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-alert-rule.h"
#include "ops-alert.h"
#include "ops-maintenance-window.h"
#include "store/ops-store.h"

G_BEGIN_DECLS

/* “api depends on db”. */
typedef struct
{
  char *check;
  char *parent;
} OpsAlertDependency;

/* An Alertmanager the operator reads alerts from. */
typedef struct
{
  gint64 id;
  char  *name;
  char  *url;
} OpsAlertSourceInfo;

/* One step in an alert's life. */
typedef struct
{
  gint64 at;
  char  *kind; /* pending, firing, escalated, lowered, acknowledged, resolved,
                  notified, renotified, suppressed, blocked, unblocked, flapping */
  OpsAlertState state;
  OpsSeverity   severity;
  char         *actor;
  char         *note;
  double        value;
  gboolean      has_value;
} OpsAlertTransition;

/* Which alerts ops_alert_db_list_alerts() returns, newest first. */
typedef struct
{
  gboolean    open_only;
  gint64      since;      /* fired or pending at or after; 0: any time */
  const char *check_name; /* NULL: every check */
  int         state;      /* an OpsAlertState, or -1 for any */
  int         severity;   /* an OpsSeverity, or -1 for any */
  guint       limit;      /* 0: no limit */
} OpsAlertQuery;

#define OPS_ALERT_QUERY_INIT  \
  {                           \
    FALSE, 0, NULL, -1, -1, 0 \
  }

/* Mean time to acknowledge and to resolve, and alerts per day, over the
 * alerts that fired in a period. */
typedef struct
{
  gint64 since;
  gint64 until;
  guint  fired;
  guint  acknowledged;
  guint  resolved;
  double mtta_seconds; /* -1 when none was acknowledged */
  double mttr_seconds; /* -1 when none was resolved */
  double per_day;
} OpsAlertStats;

/* clang-format off */
void                  ops_alert_dependency_free       (OpsAlertDependency   *dependency);
void                  ops_alert_source_info_free      (OpsAlertSourceInfo   *source);
void                  ops_alert_transition_free       (OpsAlertTransition   *transition);
void                  ops_alert_dependency_to_json    (OpsAlertDependency   *dependency,
                                                       JsonBuilder          *builder);
void                  ops_alert_source_info_to_json   (OpsAlertSourceInfo   *source,
                                                       JsonBuilder          *builder);

gint64                ops_alert_db_get_config_revision (OpsStore            *store,
                                                       GError              **error);

GPtrArray            *ops_alert_db_list_rules         (OpsStore             *store,
                                                       GError              **error);
OpsAlertRule         *ops_alert_db_find_rule          (OpsStore             *store,
                                                       const char           *name,
                                                       GError              **error);
gboolean              ops_alert_db_save_rule          (OpsStore             *store,
                                                       OpsAlertRule         *rule,
                                                       GError              **error);
gboolean              ops_alert_db_remove_rule        (OpsStore             *store,
                                                       const char           *name,
                                                       GError              **error);

GPtrArray            *ops_alert_db_list_dependencies  (OpsStore             *store,
                                                       GError              **error);
gboolean              ops_alert_db_add_dependency     (OpsStore             *store,
                                                       const char           *check,
                                                       const char           *parent,
                                                       GError              **error);
gboolean              ops_alert_db_remove_dependency  (OpsStore             *store,
                                                       const char           *check,
                                                       const char           *parent,
                                                       GError              **error);
gboolean              ops_alert_db_rename_check       (OpsStore             *store,
                                                       const char           *old_name,
                                                       const char           *new_name,
                                                       GError              **error);
gboolean              ops_alert_dependencies_check_cycle (GPtrArray         *dependencies,
                                                       const char           *check,
                                                       const char           *parent,
                                                       GError              **error);

GPtrArray            *ops_alert_db_list_windows       (OpsStore             *store,
                                                       GError              **error);
gboolean              ops_alert_db_save_window        (OpsStore             *store,
                                                       OpsMaintenanceWindow *window,
                                                       GError              **error);
gboolean              ops_alert_db_remove_window      (OpsStore             *store,
                                                       const char           *name,
                                                       GError              **error);

GPtrArray            *ops_alert_db_list_sources       (OpsStore             *store,
                                                       GError              **error);
gboolean              ops_alert_db_add_source         (OpsStore             *store,
                                                       const char           *name,
                                                       const char           *url,
                                                       GError              **error);
gboolean              ops_alert_db_remove_source      (OpsStore             *store,
                                                       const char           *name,
                                                       GError              **error);

gboolean              ops_alert_db_insert_alert       (OpsStore             *store,
                                                       OpsAlert             *alert,
                                                       GError              **error);
gboolean              ops_alert_db_update_alert       (OpsStore             *store,
                                                       OpsAlert             *alert,
                                                       GError              **error);
gboolean              ops_alert_db_delete_alert       (OpsStore             *store,
                                                       gint64                id,
                                                       GError              **error);
gboolean              ops_alert_db_add_transition     (OpsStore             *store,
                                                       OpsAlert             *alert,
                                                       gint64                at,
                                                       const char           *kind,
                                                       const char           *actor,
                                                       const char           *note,
                                                       GError              **error);
OpsAlert             *ops_alert_db_get_alert          (OpsStore             *store,
                                                       gint64                id,
                                                       GError              **error);
GPtrArray            *ops_alert_db_list_alerts        (OpsStore             *store,
                                                       const OpsAlertQuery  *query,
                                                       GError              **error);
GPtrArray            *ops_alert_db_list_transitions   (OpsStore             *store,
                                                       gint64                alert_id,
                                                       GError              **error);
OpsAlert             *ops_alert_db_acknowledge        (OpsStore             *store,
                                                       gint64                id,
                                                       const char           *user,
                                                       const char           *note,
                                                       gint64                now,
                                                       GError              **error);
OpsAlert             *ops_alert_db_resolve            (OpsStore             *store,
                                                       gint64                id,
                                                       const char           *user,
                                                       const char           *note,
                                                       gint64                now,
                                                       GError              **error);
gboolean              ops_alert_db_query_stats        (OpsStore             *store,
                                                       gint64                since,
                                                       gint64                until,
                                                       OpsAlertStats        *stats,
                                                       GError              **error);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsAlertDependency, ops_alert_dependency_free)

G_END_DECLS
