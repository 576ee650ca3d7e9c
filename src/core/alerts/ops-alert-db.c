/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-alert-db-private.h"
#include "ops-alert-private.h"

/* Alerts and their timelines in the database, and the figures drawn from
 * them (mean time to acknowledge, to resolve, alerts per day). */

#define ALERT_COLUMNS                                                                            \
  "id, rule_id, rule_name, check_id, check_name, state, severity, cause, value, snapshot, "      \
  "pending_at, fired_at, acknowledged_at, acknowledged_by, ack_note, resolved_at, resolved_by, " \
  "resolve_note, notified_at, notify_count, blocked_by, blocked_by_alert, in_maintenance, "      \
  "flapping, (SELECT count(*) FROM alerts AS d WHERE d.blocked_by_alert = alerts.id)"

void
ops_alert_transition_free (OpsAlertTransition *transition)
{
  if (transition == NULL)
    return;

  g_free (transition->kind);
  g_free (transition->actor);
  g_free (transition->note);
  g_free (transition);
}

const char *
_ops_alert_db_column_text (sqlite3_stmt *stmt,
                           int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

/* Binds @text, or NULL. */
void
_ops_alert_db_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Runs a statement that returns no rows. */
gboolean
_ops_alert_db_step_done (OpsStore     *store,
                         sqlite3_stmt *stmt,
                         const char   *context,
                         GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc, context);

  return TRUE;
}

int
_ops_alert_db_changes (OpsStore *store)
{
  return sqlite3_changes (ops_store_get_handle (store));
}

/* Whether the last statement broke a UNIQUE constraint: a name taken. */
gboolean
_ops_alert_db_is_unique_violation (OpsStore *store)
{
  int code = sqlite3_extended_errcode (ops_store_get_handle (store));

  return code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY;
}

static void
bind_time_or_null (sqlite3_stmt *stmt,
                   int           index,
                   gint64        time)
{
  if (time != 0)
    sqlite3_bind_int64 (stmt, index, time);
  else
    sqlite3_bind_null (stmt, index);
}

static OpsAlert *
alert_from_row (sqlite3_stmt *stmt)
{
  OpsAlert *alert = _ops_alert_new ();

  alert->id = sqlite3_column_int64 (stmt, 0);
  alert->rule_id = sqlite3_column_int64 (stmt, 1);
  alert->rule_name = g_strdup (_ops_alert_db_column_text (stmt, 2));
  alert->check_id = sqlite3_column_int64 (stmt, 3);
  alert->check_name = g_strdup (_ops_alert_db_column_text (stmt, 4));
  ops_alert_state_from_string (_ops_alert_db_column_text (stmt, 5), &alert->state);
  ops_severity_from_string (_ops_alert_db_column_text (stmt, 6), &alert->severity);
  alert->cause = g_strdup (_ops_alert_db_column_text (stmt, 7));
  alert->has_value = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  alert->value = sqlite3_column_double (stmt, 8);
  alert->snapshot = g_strdup (_ops_alert_db_column_text (stmt, 9));
  alert->pending_at = sqlite3_column_int64 (stmt, 10);
  alert->fired_at = sqlite3_column_int64 (stmt, 11);
  alert->acknowledged_at = sqlite3_column_int64 (stmt, 12);
  alert->acknowledged_by = g_strdup (_ops_alert_db_column_text (stmt, 13));
  alert->ack_note = g_strdup (_ops_alert_db_column_text (stmt, 14));
  alert->resolved_at = sqlite3_column_int64 (stmt, 15);
  alert->resolved_by = g_strdup (_ops_alert_db_column_text (stmt, 16));
  alert->resolve_note = g_strdup (_ops_alert_db_column_text (stmt, 17));
  alert->notified_at = sqlite3_column_int64 (stmt, 18);
  alert->notify_count = sqlite3_column_int (stmt, 19);
  alert->blocked_by = g_strdup (_ops_alert_db_column_text (stmt, 20));
  alert->blocked_by_alert = sqlite3_column_int64 (stmt, 21);
  alert->in_maintenance = g_strdup (_ops_alert_db_column_text (stmt, 22));
  alert->flapping = sqlite3_column_int (stmt, 23) != 0;
  alert->dependents = sqlite3_column_int (stmt, 24);

  return alert;
}

/* Binds the fields the engine changes, from ?1 to ?21. */
static void
bind_alert (sqlite3_stmt *stmt,
            OpsAlert     *alert)
{
  if (alert->rule_id != 0)
    sqlite3_bind_int64 (stmt, 1, alert->rule_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, alert->rule_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, alert->check_id);
  sqlite3_bind_text (stmt, 4, alert->check_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, ops_alert_state_to_string (alert->state), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, ops_severity_to_string (alert->severity), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, alert->cause != NULL ? alert->cause : "", -1, SQLITE_TRANSIENT);
  if (alert->has_value)
    sqlite3_bind_double (stmt, 8, alert->value);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_text (stmt, 9, alert->snapshot != NULL ? alert->snapshot : "{}", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 10, alert->pending_at);
  bind_time_or_null (stmt, 11, alert->fired_at);
  bind_time_or_null (stmt, 12, alert->acknowledged_at);
  _ops_alert_db_bind_text (stmt, 13, alert->acknowledged_by);
  _ops_alert_db_bind_text (stmt, 14, alert->ack_note);
  bind_time_or_null (stmt, 15, alert->resolved_at);
  _ops_alert_db_bind_text (stmt, 16, alert->resolved_by);
  _ops_alert_db_bind_text (stmt, 17, alert->resolve_note);
  bind_time_or_null (stmt, 18, alert->notified_at);
  sqlite3_bind_int (stmt, 19, alert->notify_count);
  _ops_alert_db_bind_text (stmt, 20, alert->blocked_by);
  bind_time_or_null (stmt, 21, alert->blocked_by_alert);
  _ops_alert_db_bind_text (stmt, 22, alert->in_maintenance);
  sqlite3_bind_int (stmt, 23, alert->flapping);
}

/**
 * ops_alert_db_insert_alert:
 * @store: a #OpsStore
 * @alert: a new alert; it gets its id
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
ops_alert_db_insert_alert (OpsStore *store,
                           OpsAlert *alert,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store,
                            "INSERT INTO alerts (rule_id, rule_name, check_id, check_name, state, "
                            "severity, cause, value, snapshot, pending_at, fired_at, "
                            "acknowledged_at, acknowledged_by, ack_note, resolved_at, resolved_by, "
                            "resolve_note, notified_at, notify_count, blocked_by, "
                            "blocked_by_alert, in_maintenance, flapping) VALUES (?1, ?2, ?3, ?4, "
                            "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
                            "?19, ?20, ?21, ?22, ?23)",
                            error);
  if (stmt == NULL)
    return FALSE;

  bind_alert (stmt, alert);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                            _("Could not record the alert"));

  alert->id = sqlite3_last_insert_rowid (ops_store_get_handle (store));
  return TRUE;
}

gboolean
ops_alert_db_update_alert (OpsStore *store,
                           OpsAlert *alert,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store,
                            "UPDATE alerts SET rule_id = ?1, rule_name = ?2, check_id = ?3, "
                            "check_name = ?4, state = ?5, severity = ?6, cause = ?7, value = ?8, "
                            "snapshot = ?9, pending_at = ?10, fired_at = ?11, "
                            "acknowledged_at = ?12, acknowledged_by = ?13, ack_note = ?14, "
                            "resolved_at = ?15, resolved_by = ?16, resolve_note = ?17, "
                            "notified_at = ?18, notify_count = ?19, blocked_by = ?20, "
                            "blocked_by_alert = ?21, in_maintenance = ?22, flapping = ?23 "
                            "WHERE id = ?24",
                            error);
  if (stmt == NULL)
    return FALSE;

  bind_alert (stmt, alert);
  sqlite3_bind_int64 (stmt, 24, alert->id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                            _("Could not record the alert"));

  return TRUE;
}

/* Forgets an alert that never fired (a pending one whose condition
 * cleared). */
gboolean
ops_alert_db_delete_alert (OpsStore *store,
                           gint64    id,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store, "DELETE FROM alerts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                            _("Could not record the alert"));

  return TRUE;
}

/**
 * ops_alert_db_add_transition:
 * @store: a #OpsStore
 * @alert: the alert, in its new state
 * @at: when
 * @kind: what happened, such as `firing` or `suppressed`
 * @actor: (nullable): who did it, for acknowledgements and resolutions by hand
 * @note: (nullable): a note or a reason
 * @error: return location for a #GError
 *
 * Adds a step to the alert's timeline.
 *
 * Returns: %TRUE on success
 */
gboolean
ops_alert_db_add_transition (OpsStore   *store,
                             OpsAlert   *alert,
                             gint64      at,
                             const char *kind,
                             const char *actor,
                             const char *note,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store,
                            "INSERT INTO alert_transitions (alert_id, at, kind, state, severity, "
                            "actor, note, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, alert->id);
  sqlite3_bind_int64 (stmt, 2, at);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, ops_alert_state_to_string (alert->state), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, ops_severity_to_string (alert->severity), -1, SQLITE_STATIC);
  _ops_alert_db_bind_text (stmt, 6, actor);
  _ops_alert_db_bind_text (stmt, 7, note);
  if (alert->has_value)
    sqlite3_bind_double (stmt, 8, alert->value);
  else
    sqlite3_bind_null (stmt, 8);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                            _("Could not record the alert"));

  return TRUE;
}

/**
 * ops_alert_db_get_alert:
 * @store: a #OpsStore
 * @id: the alert's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the alert, or %NULL with %OPS_ALERT_ERROR_NOT_FOUND
 */
OpsAlert *
ops_alert_db_get_alert (OpsStore *store,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store, "SELECT " ALERT_COLUMNS " FROM alerts WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return alert_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_NOT_FOUND,
                 _("There is no alert %" G_GINT64_FORMAT "."), id);
  else
    ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                     _("Could not read the alerts"));
  return NULL;
}

/**
 * ops_alert_db_list_alerts:
 * @store: a #OpsStore
 * @query: (nullable): which alerts; %NULL for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type OpsAlert): the alerts, open ones
 *   first, then the newest first
 */
GPtrArray *
ops_alert_db_list_alerts (OpsStore            *store,
                          const OpsAlertQuery *query,
                          GError             **error)
{
  static const OpsAlertQuery all = OPS_ALERT_QUERY_INIT;
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT " ALERT_COLUMNS " FROM alerts WHERE 1");
  int rc;

  if (query == NULL)
    query = &all;

  if (query->open_only)
    g_string_append (sql, " AND state != 'resolved'");
  if (query->since != 0)
    g_string_append (sql, " AND coalesce (fired_at, pending_at) >= ?1");
  if (query->check_name != NULL)
    g_string_append (sql, " AND check_name = ?2");
  if (query->state >= 0)
    g_string_append (sql, " AND state = ?3");
  if (query->severity >= 0)
    g_string_append (sql, " AND severity = ?4");
  g_string_append (sql, " ORDER BY state = 'resolved', coalesce (fired_at, pending_at) DESC, id DESC");
  if (query->limit > 0)
    g_string_append_printf (sql, " LIMIT %u", query->limit);

  stmt = ops_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (query->since != 0)
    sqlite3_bind_int64 (stmt, 1, query->since);
  if (query->check_name != NULL)
    sqlite3_bind_text (stmt, 2, query->check_name, -1, SQLITE_TRANSIENT);
  if (query->state >= 0)
    sqlite3_bind_text (stmt, 3, ops_alert_state_to_string (query->state), -1, SQLITE_STATIC);
  if (query->severity >= 0)
    sqlite3_bind_text (stmt, 4, ops_severity_to_string (query->severity), -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (alerts, alert_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                       _("Could not read the alerts"));
      return NULL;
    }

  return g_steal_pointer (&alerts);
}

/**
 * ops_alert_db_list_transitions:
 * @store: a #OpsStore
 * @alert_id: an alert
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type OpsAlertTransition): the alert's
 *   timeline, oldest first
 */
GPtrArray *
ops_alert_db_list_transitions (OpsStore *store,
                               gint64    alert_id,
                               GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)ops_alert_transition_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ops_store_prepare (store,
                            "SELECT at, kind, state, severity, actor, note, value "
                            "FROM alert_transitions WHERE alert_id = ?1 ORDER BY at, id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, alert_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OpsAlertTransition *transition = g_new0 (OpsAlertTransition, 1);

      transition->at = sqlite3_column_int64 (stmt, 0);
      transition->kind = g_strdup (_ops_alert_db_column_text (stmt, 1));
      ops_alert_state_from_string (_ops_alert_db_column_text (stmt, 2), &transition->state);
      ops_severity_from_string (_ops_alert_db_column_text (stmt, 3), &transition->severity);
      transition->actor = g_strdup (_ops_alert_db_column_text (stmt, 4));
      transition->note = g_strdup (_ops_alert_db_column_text (stmt, 5));
      transition->has_value = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
      transition->value = sqlite3_column_double (stmt, 6);
      g_ptr_array_add (list, transition);
    }

  if (rc != SQLITE_DONE)
    {
      ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                       _("Could not read the alert’s timeline"));
      return NULL;
    }

  return g_steal_pointer (&list);
}

/* Explains why an alert cannot be acknowledged or resolved. */
static void
set_state_error (OpsAlert *alert,
                 gboolean  acknowledging,
                 GError  **error)
{
  g_autofree char *when = NULL;

  switch (alert->state)
    {
    case OPS_ALERT_STATE_RESOLVED:
      when = ops_alert_format_time (alert->resolved_at);
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_STATE,
                   acknowledging
                       ? _("Alert %" G_GINT64_FORMAT " (%s) cannot be acknowledged: it was "
                            "resolved at %s.")
                       : _("Alert %" G_GINT64_FORMAT " (%s) cannot be resolved: it was resolved "
                            "at %s."),
                   alert->id, alert->check_name, when);
      break;
    case OPS_ALERT_STATE_ACKNOWLEDGED:
      when = ops_alert_format_time (alert->acknowledged_at);
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_STATE,
                   _("Alert %" G_GINT64_FORMAT " (%s) was already acknowledged by %s at %s."),
                   alert->id, alert->check_name,
                   alert->acknowledged_by != NULL ? alert->acknowledged_by : "?", when);
      break;
    case OPS_ALERT_STATE_PENDING:
    default:
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_STATE,
                   _("Alert %" G_GINT64_FORMAT " (%s) cannot be acknowledged: it has not fired "
                      "yet."),
                   alert->id, alert->check_name);
      break;
    }
}

/* Runs @sql on one alert inside a savepoint, adds the transition, and
 * returns the alert as it is afterwards. */
static OpsAlert *
change_state (OpsStore   *store,
              gint64      id,
              const char *sql,
              const char *kind,
              gboolean    acknowledging,
              const char *user,
              const char *note,
              gint64      now,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(OpsAlert) alert = NULL;
  sqlite3 *db = ops_store_get_handle (store);
  int      rc;

  if (!ops_alert_validate_note (note, error))
    return NULL;

  if (!ops_store_exec (store, "SAVEPOINT alert_state", error))
    return NULL;

  stmt = ops_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, now);
  _ops_alert_db_bind_text (stmt, 2, user);
  _ops_alert_db_bind_text (stmt, 3, note != NULL && note[0] != '\0' ? note : NULL);
  sqlite3_bind_int64 (stmt, 4, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      ops_store_set_error_from_sqlite (error, db, rc, _("Could not record the alert"));
      goto fail;
    }

  if (sqlite3_changes (db) == 0)
    {
      alert = ops_alert_db_get_alert (store, id, error);
      if (alert != NULL)
        set_state_error (alert, acknowledging, error);
      goto fail;
    }

  alert = ops_alert_db_get_alert (store, id, error);
  if (alert == NULL ||
      !ops_alert_db_add_transition (store, alert, now, kind, user, note, error))
    goto fail;

  if (!ops_store_exec (store, "RELEASE alert_state", error))
    goto fail;

  return g_steal_pointer (&alert);

fail:
  sqlite3_exec (db, "ROLLBACK TO alert_state; RELEASE alert_state", NULL, NULL, NULL);
  return NULL;
}

/**
 * ops_alert_db_acknowledge:
 * @store: a #OpsStore
 * @id: a firing alert
 * @user: who acknowledges it
 * @note: (nullable): a note
 * @now: when
 * @error: return location for a #GError
 *
 * Acknowledges a firing alert. An alert that is pending, already
 * acknowledged or resolved is refused with %OPS_ALERT_ERROR_STATE and the
 * reason in words.
 *
 * Returns: (transfer full): the alert, acknowledged, or %NULL
 */
OpsAlert *
ops_alert_db_acknowledge (OpsStore   *store,
                          gint64      id,
                          const char *user,
                          const char *note,
                          gint64      now,
                          GError    **error)
{
  return change_state (store, id,
                       "UPDATE alerts SET state = 'acknowledged', acknowledged_at = ?1, "
                       "acknowledged_by = ?2, ack_note = ?3 WHERE id = ?4 AND state = 'firing'",
                       "acknowledged", TRUE, user, note, now, error);
}

/**
 * ops_alert_db_resolve:
 * @store: a #OpsStore
 * @id: an open alert
 * @user: who resolves it
 * @note: (nullable): why
 * @now: when
 * @error: return location for a #GError
 *
 * Resolves an open alert by hand.
 *
 * Returns: (transfer full): the alert, resolved, or %NULL
 */
OpsAlert *
ops_alert_db_resolve (OpsStore   *store,
                      gint64      id,
                      const char *user,
                      const char *note,
                      gint64      now,
                      GError    **error)
{
  return change_state (store, id,
                       "UPDATE alerts SET state = 'resolved', resolved_at = ?1, resolved_by = ?2, "
                       "resolve_note = ?3 WHERE id = ?4 AND state != 'resolved'",
                       "resolved", FALSE, user, note, now, error);
}

/**
 * ops_alert_db_query_stats:
 * @store: a #OpsStore
 * @since: the start of the period, in microseconds since 1970
 * @until: its end
 * @stats: (out caller-allocates): the figures
 * @error: return location for a #GError
 *
 * Computes, over the alerts that fired in the period, the mean time from
 * firing to acknowledgement (MTTA), from firing to resolution (MTTR), and
 * the number of alerts per day.
 *
 * Returns: %TRUE on success
 */
gboolean
ops_alert_db_query_stats (OpsStore      *store,
                          gint64         since,
                          gint64         until,
                          OpsAlertStats *stats,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  double days;
  int    rc;

  g_return_val_if_fail (until > since, FALSE);

  stmt = ops_store_prepare (store,
                            "SELECT count(*), count(acknowledged_at), "
                            "avg(acknowledged_at - fired_at), count(resolved_at), "
                            "avg(resolved_at - fired_at) "
                            "FROM alerts WHERE fired_at >= ?1 AND fired_at < ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, since);
  sqlite3_bind_int64 (stmt, 2, until);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                            _("Could not compute the alert figures"));

  days = (double)(until - since) / (86400.0 * G_USEC_PER_SEC);
  stats->since = since;
  stats->until = until;
  stats->fired = sqlite3_column_int (stmt, 0);
  stats->acknowledged = sqlite3_column_int (stmt, 1);
  stats->mtta_seconds = stats->acknowledged > 0 ? sqlite3_column_double (stmt, 2) / G_USEC_PER_SEC
                                                : -1;
  stats->resolved = sqlite3_column_int (stmt, 3);
  stats->mttr_seconds = stats->resolved > 0 ? sqlite3_column_double (stmt, 4) / G_USEC_PER_SEC : -1;
  stats->per_day = stats->fired / days;

  return TRUE;
}
