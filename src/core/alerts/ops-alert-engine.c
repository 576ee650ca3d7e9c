/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ops-alert-engine-private.h"
#include "store/ops-settings.h"

/**
 * OpsAlertEngine:
 *
 * Turns samples of checks into alerts. Each enabled rule that covers the
 * sample's check is evaluated; a condition that holds opens an alert,
 * pending for the rule's “for” duration and then firing; one that clears
 * resolves it. Escalation from warning to critical is its own step. The
 * engine decides when an alert is notified — not while its check is in a
 * maintenance window, not when a check it depends on is down (it is then
 * *blocked by* that check), not again and again while it flaps — and
 * publishes `alert.firing`, `alert.escalated`, `alert.acknowledged`,
 * `alert.resolved` and `alert.flapping` on the event bus, where notifiers
 * hear them. Every alert and every step of its life is in the database, so
 * an alert that was firing before a restart is the same alert after it.
 *
 * Time comes from an #OpsClock, so that tests drive it without sleeping.
 */

G_DEFINE_FINAL_TYPE (OpsAlertEngine, ops_alert_engine, G_TYPE_OBJECT)

static void
check_state_free (gpointer data)
{
  CheckState *check = data;

  g_free (check->name);
  g_free (check->environment);
  g_strfreev (check->tags);
  g_clear_pointer (&check->last_sample, ops_alert_sample_unref);
  g_free (check);
}

static void
series_free (gpointer data)
{
  Series *series = data;

  g_array_unref (series->points);
  g_array_unref (series->changes);
  g_clear_object (&series->alert);
  g_free (series);
}

static void
ops_alert_engine_dispose (GObject *object)
{
  OpsAlertEngine *self = OPS_ALERT_ENGINE (object);

  if (self->tick_id != 0)
    {
      ops_clock_remove_timeout (self->clock, self->tick_id);
      self->tick_id = 0;
    }

  G_OBJECT_CLASS (ops_alert_engine_parent_class)->dispose (object);
}

static void
ops_alert_engine_finalize (GObject *object)
{
  OpsAlertEngine *self = OPS_ALERT_ENGINE (object);

  g_clear_pointer (&self->series, g_hash_table_unref);
  g_clear_pointer (&self->check_names, g_hash_table_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->dependencies, g_ptr_array_unref);
  g_clear_pointer (&self->windows, g_ptr_array_unref);
  g_clear_object (&self->open_alerts);
  g_clear_object (&self->store);
  g_clear_object (&self->bus);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (ops_alert_engine_parent_class)->finalize (object);
}

static void
ops_alert_engine_class_init (OpsAlertEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ops_alert_engine_dispose;
  object_class->finalize = ops_alert_engine_finalize;
}

static void
ops_alert_engine_init (OpsAlertEngine *self)
{
  self->checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, check_state_free);
  self->check_names = g_hash_table_new (g_str_hash, g_str_equal);
  self->series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, series_free);
  self->open_alerts = g_list_store_new (OPS_TYPE_ALERT);
  self->rules = g_ptr_array_new_with_free_func (g_object_unref);
  self->dependencies = g_ptr_array_new ();
  self->windows = g_ptr_array_new_with_free_func (g_object_unref);
}

gint64
_ops_alert_engine_now (OpsAlertEngine *self)
{
  return ops_clock_get_real (self->clock);
}

void
_ops_alert_engine_log_error (const char *what,
                             GError     *error)
{
  if (error != NULL)
    g_warning ("%s: %s", what, error->message);
}

CheckState *
_ops_alert_engine_lookup_check (OpsAlertEngine *self,
                                gint64          check_id)
{
  return g_hash_table_lookup (self->checks, &check_id);
}

CheckState *
_ops_alert_engine_ensure_check (OpsAlertEngine *self,
                                gint64          check_id,
                                const char     *name)
{
  CheckState *check = _ops_alert_engine_lookup_check (self, check_id);

  if (check == NULL)
    {
      check = g_new0 (CheckState, 1);
      check->id = check_id;
      check->name = g_strdup (name);
      check->first_seen = _ops_alert_engine_now (self);
      g_hash_table_insert (self->checks, &check->id, check);
      g_hash_table_insert (self->check_names, check->name, check);
    }
  else if (name != NULL && g_strcmp0 (check->name, name) != 0)
    {
      if (g_hash_table_lookup (self->check_names, check->name) == check)
        g_hash_table_remove (self->check_names, check->name);
      g_free (check->name);
      check->name = g_strdup (name);
      g_hash_table_insert (self->check_names, check->name, check);
    }

  return check;
}

OpsAlertCheckRef
_ops_alert_engine_check_ref (CheckState *check)
{
  OpsAlertCheckRef ref = { check->name, check->environment, (const char *const *)check->tags };

  return ref;
}

Series *
_ops_alert_engine_lookup_series (OpsAlertEngine *self,
                                 gint64          rule_id,
                                 gint64          check_id,
                                 gboolean        create)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, rule_id,
                                          check_id);
  Series          *series = g_hash_table_lookup (self->series, key);

  if (series == NULL && create)
    {
      series = g_new0 (Series, 1);
      series->rule_id = rule_id;
      series->check_id = check_id;
      series->points = g_array_new (FALSE, FALSE, sizeof (Point));
      series->changes = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->series, g_steal_pointer (&key), series);
    }

  return series;
}

OpsAlertRule *
_ops_alert_engine_find_rule (OpsAlertEngine *self,
                             gint64          rule_id)
{
  for (guint i = 0; i < self->rules->len; i++)
    {
      OpsAlertRule *rule = g_ptr_array_index (self->rules, i);

      if (ops_alert_rule_get_id (rule) == rule_id)
        return rule;
    }

  return NULL;
}

/* Saves the alert and, when @transition is given, a step of its timeline.
 * A database that fails here is reported and the engine goes on: alerting
 * must not stop because the disk is full. */
void
_ops_alert_engine_save (OpsAlertEngine *self,
                        OpsAlert       *alert,
                        const char     *transition,
                        const char     *actor,
                        const char     *note)
{
  g_autoptr(GError) error = NULL;

  if (!ops_alert_db_update_alert (self->store, alert, &error) ||
      (transition != NULL &&
       !ops_alert_db_add_transition (self->store, alert, _ops_alert_engine_now (self), transition, actor, note,
                                     &error)))
    _ops_alert_engine_log_error ("Could not record an alert", error);

  _ops_alert_changed (alert);
}

void
_ops_alert_engine_add_open (OpsAlertEngine *self,
                            OpsAlert       *alert)
{
  g_list_store_append (self->open_alerts, alert);
}

void
_ops_alert_engine_remove_open (OpsAlertEngine *self,
                               OpsAlert       *alert)
{
  guint position;

  if (g_list_store_find (self->open_alerts, alert, &position))
    g_list_store_remove (self->open_alerts, position);
}

/**
 * ops_alert_engine_reload:
 * @self: a #OpsAlertEngine
 * @error: return location for a #GError
 *
 * Reads the rules, dependencies and maintenance windows again, after they
 * were edited. Open alerts of removed or disabled rules are resolved.
 * The engine also notices edits by itself, made by another program such
 * as opsdeckctl, within a tick.
 *
 * Returns: %TRUE on success
 */
gboolean
ops_alert_engine_reload (OpsAlertEngine *self,
                         GError        **error)
{
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) dependencies = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  gint64 revision;

  g_return_val_if_fail (OPS_IS_ALERT_ENGINE (self), FALSE);

  revision = ops_alert_db_get_config_revision (self->store, error);
  if (revision < 0)
    return FALSE;

  rules = ops_alert_db_list_rules (self->store, error);
  if (rules == NULL)
    return FALSE;
  dependencies = ops_alert_db_list_dependencies (self->store, error);
  if (dependencies == NULL)
    return FALSE;
  windows = ops_alert_db_list_windows (self->store, error);
  if (windows == NULL)
    return FALSE;

  /* A threshold that now measures something else starts a new window. */
  for (guint i = 0; i < rules->len; i++)
    {
      OpsAlertRule  *rule = g_ptr_array_index (rules, i);
      OpsAlertRule  *old = _ops_alert_engine_find_rule (self, ops_alert_rule_get_id (rule));
      GHashTableIter iter;
      Series        *series;

      if (old == NULL || ops_alert_rule_equal_definition (old, rule))
        continue;

      g_hash_table_iter_init (&iter, self->series);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&series))
        if (series->rule_id == ops_alert_rule_get_id (rule))
          g_array_set_size (series->points, 0);
    }

  g_ptr_array_unref (self->rules);
  self->rules = g_steal_pointer (&rules);
  g_ptr_array_unref (self->dependencies);
  self->dependencies = g_steal_pointer (&dependencies);
  g_ptr_array_unref (self->windows);
  self->windows = g_steal_pointer (&windows);
  self->config_revision = revision;

  _ops_alert_engine_close_orphans (self);
  _ops_alert_engine_consider_all (self);

  return TRUE;
}

static int
read_data_version (OpsAlertEngine *self)
{
  g_autoptr(sqlite3_stmt) stmt = ops_store_prepare (self->store, "PRAGMA data_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int (stmt, 0);
}

/* Takes in an acknowledgement or a resolution by hand, made here or by
 * another program, from the alert as the database now has it. */
static void
take_human_change (OpsAlertEngine *self,
                   OpsAlert       *alert,
                   OpsAlert       *stored)
{
  g_autoptr(OpsAlert) keep = g_object_ref (alert);
  Series     *series;
  CheckState *check;

  alert->state = stored->state;
  alert->acknowledged_at = stored->acknowledged_at;
  _ops_alert_set_string (&alert->acknowledged_by, stored->acknowledged_by);
  _ops_alert_set_string (&alert->ack_note, stored->ack_note);
  alert->resolved_at = stored->resolved_at;
  _ops_alert_set_string (&alert->resolved_by, stored->resolved_by);
  _ops_alert_set_string (&alert->resolve_note, stored->resolve_note);
  _ops_alert_changed (alert);

  if (alert->state != OPS_ALERT_STATE_RESOLVED)
    {
      if (alert->notified_at != 0)
        _ops_alert_engine_publish (self, "alert.acknowledged", alert, alert->acknowledged_by,
                                   alert->ack_note, FALSE);
      return;
    }

  _ops_alert_engine_remove_open (self, alert);
  series = _ops_alert_engine_lookup_series (self, alert->rule_id, alert->check_id, FALSE);
  check = _ops_alert_engine_lookup_check (self, alert->check_id);
  if (series != NULL && series->alert == alert)
    {
      g_clear_object (&series->alert);
      _ops_alert_engine_record_change (self, series, check, alert->resolved_at);
    }
  if (alert->notified_at != 0)
    _ops_alert_engine_publish (self, "alert.resolved", alert, alert->resolved_by,
                               alert->resolve_note, FALSE);
}

/* Another program (opsdeckctl) acknowledged or resolved alerts, or edited
 * the rules: take it in. */
static void
sync_external_changes (OpsAlertEngine *self)
{
  g_autoptr(GError) error = NULL;
  int    version = read_data_version (self);
  gint64 revision;
  guint  n;

  if (version == self->data_version)
    return;
  self->data_version = version;

  revision = ops_alert_db_get_config_revision (self->store, &error);
  if (revision >= 0 && revision != self->config_revision &&
      !ops_alert_engine_reload (self, &error))
    _ops_alert_engine_log_error ("Could not read the alert rules again", error);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->open_alerts));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (G_LIST_MODEL (self->open_alerts), i - 1);
      g_autoptr(OpsAlert) stored = ops_alert_db_get_alert (self->store, alert->id, NULL);

      if (stored == NULL || stored->state == alert->state ||
          (stored->state != OPS_ALERT_STATE_ACKNOWLEDGED &&
           stored->state != OPS_ALERT_STATE_RESOLVED))
        continue;

      take_human_change (self, alert, stored);
    }
}

/**
 * ops_alert_engine_tick:
 * @self: a #OpsAlertEngine
 *
 * Looks at the time: fires pending alerts that waited long enough, raises
 * absence alerts, starts and ends maintenance, re-notifies, and takes in
 * changes made by other programs. Runs every %OPS_ALERT_ENGINE_TICK_MS on
 * the engine's clock.
 */
void
ops_alert_engine_tick (OpsAlertEngine *self)
{
  gint64         t = _ops_alert_engine_now (self);
  guint          n;
  GHashTableIter iter;
  Series        *series;

  g_return_if_fail (OPS_IS_ALERT_ENGINE (self));

  sync_external_changes (self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->open_alerts));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (G_LIST_MODEL (self->open_alerts), i - 1);
      OpsAlertRule *rule = _ops_alert_engine_find_rule (self, alert->rule_id);

      if (alert->state != OPS_ALERT_STATE_PENDING || rule == NULL)
        continue;

      series = _ops_alert_engine_lookup_series (self, alert->rule_id, alert->check_id, FALSE);
      if (series != NULL && t - alert->pending_at >= ops_alert_rule_get_for (rule) * G_USEC_PER_SEC)
        _ops_alert_engine_fire (self, series, _ops_alert_engine_lookup_check (self, alert->check_id));
    }

  _ops_alert_engine_check_absence (self, t);

  g_hash_table_iter_init (&iter, self->series);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&series))
    if (series->flapping)
      _ops_alert_engine_update_flapping (self, series,
                                         _ops_alert_engine_lookup_check (self, series->check_id), t);

  _ops_alert_engine_consider_all (self);
}

/* The clock's timeouts fire once: each tick asks for the next. */
static gboolean
tick_cb (gpointer user_data)
{
  OpsAlertEngine *self = user_data;

  self->tick_id = 0;
  ops_alert_engine_tick (self);
  if (self->tick_id == 0)
    self->tick_id = ops_clock_add_timeout (self->clock, OPS_ALERT_ENGINE_TICK_MS * 1000, tick_cb, self);

  return G_SOURCE_REMOVE;
}

static gboolean
load_state (OpsAlertEngine *self,
            GError        **error)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) recent = NULL;
  OpsAlertQuery query = OPS_ALERT_QUERY_INIT;
  gint64        window;

  query.open_only = TRUE;
  open = ops_alert_db_list_alerts (self->store, &query, error);
  if (open == NULL)
    return FALSE;

  for (guint i = 0; i < open->len; i++)
    {
      OpsAlert *alert = g_ptr_array_index (open, i);
      Series   *series;

      _ops_alert_engine_ensure_check (self, alert->check_id, alert->check_name);
      series = _ops_alert_engine_lookup_series (self, alert->rule_id, alert->check_id, TRUE);
      g_set_object (&series->alert, alert);
      _ops_alert_engine_add_open (self, alert);
    }

  /* The recent changes, so that flapping survives a restart too. */
  window = ops_settings_get_int (ops_store_get_settings (self->store),
                                 OPS_SETTINGS_KEY_ALERTS_FLAPPING_MINUTES) *
           60 * G_USEC_PER_SEC;
  query.open_only = FALSE;
  query.since = _ops_alert_engine_now (self) - window;
  recent = ops_alert_db_list_alerts (self->store, &query, error);
  if (recent == NULL)
    return FALSE;

  for (guint i = recent->len; i > 0; i--)
    {
      OpsAlert *alert = g_ptr_array_index (recent, i - 1);
      Series   *series = _ops_alert_engine_lookup_series (self, alert->rule_id, alert->check_id, TRUE);

      if (alert->fired_at != 0)
        g_array_append_val (series->changes, alert->fired_at);
      if (alert->resolved_at != 0 && alert->fired_at != 0)
        g_array_append_val (series->changes, alert->resolved_at);
      series->flapping = series->flapping || alert->flapping;
    }

  return TRUE;
}

/**
 * ops_alert_engine_new:
 * @store: the database
 * @bus: where alert events go
 * @clock: the time; a fake one in tests
 * @error: return location for a #GError
 *
 * Reads the rules, dependencies and maintenance windows, and the alerts
 * that were open when the engine last stopped.
 *
 * Returns: (transfer full): the engine, or %NULL
 */
OpsAlertEngine *
ops_alert_engine_new (OpsStore    *store,
                      OpsEventBus *bus,
                      OpsClock    *clock,
                      GError     **error)
{
  g_autoptr(OpsAlertEngine) self = NULL;

  g_return_val_if_fail (OPS_IS_STORE (store), NULL);
  g_return_val_if_fail (OPS_IS_EVENT_BUS (bus), NULL);
  g_return_val_if_fail (OPS_IS_CLOCK (clock), NULL);

  self = g_object_new (OPS_TYPE_ALERT_ENGINE, NULL);
  self->store = g_object_ref (store);
  self->bus = g_object_ref (bus);
  self->clock = g_object_ref (clock);

  if (!load_state (self, error))
    return NULL;
  if (!ops_alert_engine_reload (self, error))
    return NULL;

  self->data_version = read_data_version (self);
  self->tick_id = ops_clock_add_timeout (clock, OPS_ALERT_ENGINE_TICK_MS * 1000, tick_cb, self);

  return g_steal_pointer (&self);
}

typedef OpsAlert *(*ChangeFunc) (OpsStore   *store,
                                 gint64      id,
                                 const char *user,
                                 const char *note,
                                 gint64      now,
                                 GError    **error);

/* Acknowledges or resolves in the database, then here. */
static OpsAlert *
change_by_hand (OpsAlertEngine *self,
                ChangeFunc      change,
                gint64          alert_id,
                const char     *user,
                const char     *note,
                GError        **error)
{
  g_autoptr(OpsAlert) stored = NULL;
  OpsAlert *alert;

  if (user == NULL)
    user = ops_alert_get_user_name ();

  stored = change (self->store, alert_id, user, note, _ops_alert_engine_now (self), error);
  if (stored == NULL)
    return NULL;

  alert = ops_alert_engine_lookup_alert (self, alert_id);
  if (alert == NULL)
    return g_steal_pointer (&stored);

  g_object_ref (alert);
  take_human_change (self, alert, stored);

  return alert;
}

/**
 * ops_alert_engine_acknowledge:
 * @self: a #OpsAlertEngine
 * @alert_id: a firing alert
 * @user: (nullable): who; the local user when %NULL
 * @note: (nullable): a note
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the acknowledged alert, or %NULL with @error
 *   saying why not
 */
OpsAlert *
ops_alert_engine_acknowledge (OpsAlertEngine *self,
                              gint64          alert_id,
                              const char     *user,
                              const char     *note,
                              GError        **error)
{
  g_return_val_if_fail (OPS_IS_ALERT_ENGINE (self), NULL);

  return change_by_hand (self, ops_alert_db_acknowledge, alert_id, user, note, error);
}

/**
 * ops_alert_engine_resolve:
 * @self: a #OpsAlertEngine
 * @alert_id: an open alert
 * @user: (nullable): who; the local user when %NULL
 * @note: (nullable): why
 * @error: return location for a #GError
 *
 * Resolves an alert by hand. If its condition still holds, the next
 * result opens a new one.
 *
 * Returns: (transfer full): the resolved alert, or %NULL
 */
OpsAlert *
ops_alert_engine_resolve (OpsAlertEngine *self,
                          gint64          alert_id,
                          const char     *user,
                          const char     *note,
                          GError        **error)
{
  g_return_val_if_fail (OPS_IS_ALERT_ENGINE (self), NULL);

  return change_by_hand (self, ops_alert_db_resolve, alert_id, user, note, error);
}

/**
 * ops_alert_engine_get_open_alerts:
 * @self: a #OpsAlertEngine
 *
 * Returns: (transfer none): a list of the open #OpsAlert<!-- -->s, kept up
 *   to date
 */
GListModel *
ops_alert_engine_get_open_alerts (OpsAlertEngine *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_ENGINE (self), NULL);

  return G_LIST_MODEL (self->open_alerts);
}

/* Returns: (transfer none) (nullable): an open alert */
OpsAlert *
ops_alert_engine_lookup_alert (OpsAlertEngine *self,
                               gint64          alert_id)
{
  guint n;

  g_return_val_if_fail (OPS_IS_ALERT_ENGINE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->open_alerts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (G_LIST_MODEL (self->open_alerts), i);

      if (alert->id == alert_id)
        return alert;
    }

  return NULL;
}

OpsStore *
ops_alert_engine_get_store (OpsAlertEngine *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_ENGINE (self), NULL);

  return self->store;
}

OpsClock *
ops_alert_engine_get_clock (OpsAlertEngine *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_ENGINE (self), NULL);

  return self->clock;
}
