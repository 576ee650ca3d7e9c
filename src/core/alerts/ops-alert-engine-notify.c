/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ops-alert-engine-private.h"
#include "store/ops-settings.h"

/* When a firing alert is notified, and what goes on the event bus.
 *
 * An alert is notified once when it fires, again when it escalates, and
 * again after the re-notify cooldown while nobody acknowledges it. It is
 * not notified
 * - while its check is in a maintenance window (recorded as “in
 *   maintenance”; notified when the window ends if it still fires);
 * - while a check it depends on is down (recorded as “blocked by” the
 *   check at the root of the outage, whose alert counts it among its
 *   dependents);
 * - while its parents have not reported since it began, for at most the
 *   dependency grace period, so that a host outage seen first by the
 *   dependents still ends up as one notification; and, for at most
 *   OPS_ALERT_ENGINE_DEPENDENTS_WAIT_S, while its dependents have not, so
 *   that its notification counts those the outage took down;
 * - while its rule and check flap: the flapping itself is notified once. */

static gint64
now (OpsAlertEngine *self)
{
  return ops_clock_get_real (self->clock);
}

static OpsSettings *
settings (OpsAlertEngine *self)
{
  return ops_store_get_settings (self->store);
}

static OpsAlertCheckRef
check_ref (CheckState *check)
{
  OpsAlertCheckRef ref = { check->name, check->environment, (const char *const *)check->tags };

  return ref;
}

static OpsMaintenanceWindow *
active_window (OpsAlertEngine *self,
               CheckState     *check,
               gint64          t)
{
  OpsAlertCheckRef ref = check_ref (check);

  for (guint i = 0; i < self->windows->len; i++)
    {
      OpsMaintenanceWindow *window = g_ptr_array_index (self->windows, i);

      if (ops_maintenance_window_applies_to (window, &ref) &&
          ops_maintenance_window_is_active (window, t))
        return window;
    }

  return NULL;
}

/**
 * ops_alert_engine_get_maintenance:
 * @self: a #OpsAlertEngine
 * @check_name: a check
 *
 * Returns: (nullable): the name of the maintenance window the check is in
 *   now, or %NULL
 */
const char *
ops_alert_engine_get_maintenance (OpsAlertEngine *self,
                                  const char     *check_name)
{
  CheckState           *check;
  OpsMaintenanceWindow *window;
  CheckState            bare = { 0 };

  g_return_val_if_fail (OPS_IS_ALERT_ENGINE (self), NULL);

  check = g_hash_table_lookup (self->check_names, check_name);
  if (check == NULL)
    {
      bare.name = (char *)check_name;
      check = &bare;
    }

  window = active_window (self, check, now (self));
  return window != NULL ? ops_maintenance_window_get_name (window) : NULL;
}

static gboolean
is_down (CheckState *check)
{
  return check != NULL && check->status == OPS_SAMPLE_STATUS_DOWN;
}

/* Climbs the chain of parents that are down; returns the one at the top,
 * the root cause, or NULL when no parent is down. */
static CheckState *
find_root (OpsAlertEngine *self,
           CheckState     *check,
           GHashTable     *visited)
{
  if (!g_hash_table_add (visited, check->name))
    return NULL;

  for (guint i = 0; i < self->dependencies->len; i++)
    {
      OpsAlertDependency *dependency = g_ptr_array_index (self->dependencies, i);
      CheckState         *parent;

      if (!g_str_equal (dependency->check, check->name))
        continue;

      parent = g_hash_table_lookup (self->check_names, dependency->parent);
      if (is_down (parent))
        {
          CheckState *higher = find_root (self, parent, visited);

          return higher != NULL ? higher : parent;
        }
    }

  return NULL;
}

/* Whether a check @check depends on (@upward) or that depends on it has
 * not reported since @since. Checks never heard of are not waited for. */
static gboolean
neighbours_pending (OpsAlertEngine *self,
                    CheckState     *check,
                    gboolean        upward,
                    gint64          since)
{
  for (guint i = 0; i < self->dependencies->len; i++)
    {
      OpsAlertDependency *dependency = g_ptr_array_index (self->dependencies, i);
      const char         *self_end = upward ? dependency->check : dependency->parent;
      const char         *other_end = upward ? dependency->parent : dependency->check;
      CheckState         *parent;

      if (!g_str_equal (self_end, check->name))
        continue;

      parent = g_hash_table_lookup (self->check_names, other_end);
      /* A dependent that is down already is counted; one that is up may
       * not have noticed yet. */
      if (!upward && is_down (parent))
        continue;
      if (parent != NULL && parent->last_time < since)
        return TRUE;
    }

  return FALSE;
}

/* How many checks below @check are down now. */
static guint
count_down_descendants (OpsAlertEngine *self,
                        const char     *name,
                        GHashTable     *visited)
{
  guint count = 0;

  for (guint i = 0; i < self->dependencies->len; i++)
    {
      OpsAlertDependency *dependency = g_ptr_array_index (self->dependencies, i);
      CheckState         *child;

      if (!g_str_equal (dependency->parent, name) || !g_hash_table_add (visited, dependency->check))
        continue;

      child = g_hash_table_lookup (self->check_names, dependency->check);
      if (is_down (child))
        count += 1 + count_down_descendants (self, dependency->check, visited);
    }

  return count;
}

/* The open alert of @check that its dependents are blocked by: the worst. */
static OpsAlert *
root_alert (OpsAlertEngine *self,
            CheckState     *root)
{
  OpsAlert *best = NULL;
  guint     n = g_list_model_get_n_items (G_LIST_MODEL (self->open_alerts));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (G_LIST_MODEL (self->open_alerts), i);

      if (alert->check_id == root->id &&
          (best == NULL || alert->severity > best->severity))
        best = alert;
    }

  return best;
}

static void
set_field_string (OpsEvent   *event,
                  const char *name,
                  const char *value)
{
  if (value != NULL)
    ops_event_set_field_string (event, name, value);
}

/* Publishes an alert event: `alert.firing`, `alert.escalated`,
 * `alert.acknowledged`, `alert.resolved` or `alert.flapping`. */
void
_ops_alert_engine_publish (OpsAlertEngine *self,
                           const char     *kind,
                           OpsAlert       *alert,
                           const char     *actor,
                           const char     *note,
                           gboolean        renotify)
{
  g_autoptr(OpsEvent) event = NULL;
  g_autoptr(GHashTable) visited = g_hash_table_new (g_str_hash, g_str_equal);
  guint dependents;

  /* Counted first: MAX() would count twice. */
  dependents = count_down_descendants (self, alert->check_name, visited);
  dependents = MAX (alert->dependents, dependents);

  event = ops_event_new (kind, alert->severity, "alerts", alert->check_name);
  ops_event_set_timestamp (event, now (self));
  ops_event_set_field_int (event, "alert_id", alert->id);
  ops_event_set_field_int (event, "rule_id", alert->rule_id);
  set_field_string (event, "rule", alert->rule_name);
  ops_event_set_field_int (event, "check_id", alert->check_id);
  set_field_string (event, "check", alert->check_name);
  set_field_string (event, "state", ops_alert_state_to_string (alert->state));
  set_field_string (event, "cause", alert->cause);
  if (alert->has_value)
    ops_event_set_field_double (event, "value", alert->value);
  if (alert->fired_at != 0)
    ops_event_set_field_int (event, "fired_at", alert->fired_at);
  ops_event_set_field_int (event, "dependents", dependents);
  ops_event_set_field_int (event, "notify_count", alert->notify_count);
  ops_event_set_field (event, "renotify", g_variant_new_boolean (renotify));
  set_field_string (event, "actor", actor);
  set_field_string (event, "note", note);

  ops_event_bus_publish (self->bus, event);
}

static void
notify (OpsAlertEngine *self,
        Series         *series,
        const char     *kind,
        gboolean        renotify)
{
  OpsAlert *alert = series->alert;

  alert->notified_at = now (self);
  alert->notify_count++;
  series->escalation_pending = FALSE;
  _ops_alert_engine_save (self, alert, renotify ? "renotified" : "notified", NULL, NULL);
  _ops_alert_engine_publish (self, kind, alert, NULL, NULL, renotify);
}

/* Decides whether @series's firing alert should be notified now. */
void
_ops_alert_engine_consider (OpsAlertEngine *self,
                            Series         *series,
                            CheckState     *check)
{
  g_autoptr(GHashTable) visited = NULL;
  OpsMaintenanceWindow *window;
  OpsAlert             *alert = series->alert;
  CheckState           *root;
  gint64                t = now (self);
  gint64                grace;
  gint64                cooldown;

  if (alert == NULL || check == NULL || alert->state != OPS_ALERT_STATE_FIRING)
    return;

  window = active_window (self, check, t);
  if (window != NULL)
    {
      const char *name = ops_maintenance_window_get_name (window);

      if (g_strcmp0 (alert->in_maintenance, name) != 0)
        {
          g_autofree char *note = g_strdup_printf (_("In the maintenance window “%s”."), name);

          _ops_alert_set_string (&alert->in_maintenance, name);
          _ops_alert_engine_save (self, alert, "suppressed", NULL, note);
        }
      return;
    }
  if (alert->in_maintenance != NULL)
    {
      _ops_alert_set_string (&alert->in_maintenance, NULL);
      _ops_alert_engine_save (self, alert, "maintenance-ended", NULL, NULL);
    }

  visited = g_hash_table_new (g_str_hash, g_str_equal);
  root = find_root (self, check, visited);
  if (root != NULL)
    {
      if (g_strcmp0 (alert->blocked_by, root->name) != 0)
        {
          OpsAlert        *parent = root_alert (self, root);
          g_autofree char *note = g_strdup_printf (_("Blocked by “%s”, which is down."), root->name);

          _ops_alert_set_string (&alert->blocked_by, root->name);
          if (parent != NULL && alert->blocked_by_alert != parent->id)
            {
              alert->blocked_by_alert = parent->id;
              parent->dependents++;
              _ops_alert_changed (parent);
            }
          _ops_alert_engine_save (self, alert, "blocked", NULL, note);
        }
      series->unblocked_at = 0;
      return;
    }

  grace = ops_settings_get_int (settings (self), OPS_SETTINGS_KEY_ALERTS_DEPENDENCY_GRACE) *
          G_USEC_PER_SEC;

  if (alert->blocked_by != NULL)
    {
      _ops_alert_set_string (&alert->blocked_by, NULL);
      _ops_alert_engine_save (self, alert, "unblocked", NULL, NULL);
      series->unblocked_at = t;
    }

  /* The parent came back: give the check a result of its own before
   * blaming it, or every dependent would be notified as the outage ends. */
  if (series->unblocked_at != 0 && check->last_time < series->unblocked_at &&
      t - series->unblocked_at < grace)
    return;

  /* The parents may not have noticed the outage yet. */
  if (neighbours_pending (self, check, TRUE, alert->pending_at) && t - alert->pending_at < grace)
    return;

  /* Nor the dependents: a moment for them, so that the notification
   * counts those the outage took down. */
  if (neighbours_pending (self, check, FALSE, alert->pending_at) &&
      t - alert->pending_at < MIN (grace, OPS_ALERT_ENGINE_DEPENDENTS_WAIT_S * G_USEC_PER_SEC))
    return;

  if (series->flapping)
    return;

  cooldown = ops_settings_get_int (settings (self), OPS_SETTINGS_KEY_ALERTS_RENOTIFY_MINUTES) * 60 *
             G_USEC_PER_SEC;

  if (alert->notified_at == 0)
    notify (self, series, "alert.firing", FALSE);
  else if (series->escalation_pending)
    notify (self, series, "alert.escalated", FALSE);
  else if (cooldown > 0 && t - alert->notified_at >= cooldown)
    notify (self, series, "alert.firing", TRUE);
}

/* Considers every open alert, parents before their dependents so that a
 * dependent sees its parent's alert. */
void
_ops_alert_engine_consider_all (OpsAlertEngine *self)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->open_alerts));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (alerts, g_list_model_get_item (G_LIST_MODEL (self->open_alerts), i));

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < alerts->len; i++)
      {
        OpsAlert   *alert = g_ptr_array_index (alerts, i);
        CheckState *check = _ops_alert_engine_lookup_check (self, alert->check_id);
        g_autoptr(GHashTable) visited = g_hash_table_new (g_str_hash, g_str_equal);
        gboolean has_down_parent;
        Series  *series;

        if (check == NULL)
          continue;

        /* First pass: checks whose parents are up; second: the others. */
        has_down_parent = find_root (self, check, visited) != NULL;
        if (has_down_parent != (pass == 1))
          continue;

        series = _ops_alert_engine_lookup_series (self, alert->rule_id, alert->check_id, FALSE);
        if (series != NULL && series->alert == alert)
          _ops_alert_engine_consider (self, series, check);
      }
}

/* Whether @name depends on @ancestor, directly or through other checks. */
static gboolean
depends_on (OpsAlertEngine *self,
            const char     *name,
            const char     *ancestor,
            GHashTable     *visited)
{
  if (!g_hash_table_add (visited, (gpointer)name))
    return FALSE;

  for (guint i = 0; i < self->dependencies->len; i++)
    {
      OpsAlertDependency *dependency = g_ptr_array_index (self->dependencies, i);

      if (g_str_equal (dependency->check, name) &&
          (g_str_equal (dependency->parent, ancestor) ||
           depends_on (self, dependency->parent, ancestor, visited)))
        return TRUE;
    }

  return FALSE;
}

/* After a result of @check: considers the open alerts it can change —
 * its own, and those of the checks that depend on it. The rest waits for
 * the tick. */
void
_ops_alert_engine_consider_check (OpsAlertEngine *self,
                                  CheckState     *check)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_dependents = FALSE;
  gboolean has_parents = FALSE;
  guint    n = g_list_model_get_n_items (G_LIST_MODEL (self->open_alerts));

  for (guint i = 0; i < self->dependencies->len; i++)
    {
      OpsAlertDependency *dependency = g_ptr_array_index (self->dependencies, i);

      has_dependents = has_dependents || g_str_equal (dependency->parent, check->name);
      has_parents = has_parents || g_str_equal (dependency->check, check->name);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (G_LIST_MODEL (self->open_alerts), i);

      if (alert->check_id == check->id)
        g_ptr_array_add (alerts, g_object_ref (alert));
      else if (has_dependents || has_parents)
        {
          g_autoptr(GHashTable) below = g_hash_table_new (g_str_hash, g_str_equal);
          g_autoptr(GHashTable) above = g_hash_table_new (g_str_hash, g_str_equal);

          /* Its dependents may be blocked or freed, its parents may have
           * waited for it to report. */
          if ((has_dependents && depends_on (self, alert->check_name, check->name, below)) ||
              (has_parents && depends_on (self, check->name, alert->check_name, above)))
            g_ptr_array_add (alerts, g_object_ref (alert));
        }
    }

  for (guint i = 0; i < alerts->len; i++)
    {
      OpsAlert   *alert = g_ptr_array_index (alerts, i);
      CheckState *owner = _ops_alert_engine_lookup_check (self, alert->check_id);
      Series     *series = _ops_alert_engine_lookup_series (self, alert->rule_id, alert->check_id, FALSE);

      if (series != NULL && series->alert == alert)
        _ops_alert_engine_consider (self, series, owner);
    }
}

/* Starts or ends flapping from the changes in the last minutes. */
void
_ops_alert_engine_update_flapping (OpsAlertEngine *self,
                                   Series         *series,
                                   CheckState     *check,
                                   gint64          t)
{
  gint64 window = ops_settings_get_int (settings (self), OPS_SETTINGS_KEY_ALERTS_FLAPPING_MINUTES) *
                  60 * G_USEC_PER_SEC;
  guint limit = ops_settings_get_int (settings (self), OPS_SETTINGS_KEY_ALERTS_FLAPPING_CHANGES);

  while (series->changes->len > 0 && g_array_index (series->changes, gint64, 0) <= t - window)
    g_array_remove_index (series->changes, 0);

  if (series->flapping && series->changes->len <= limit / 2)
    {
      series->flapping = FALSE;
      if (series->alert != NULL)
        {
          series->alert->flapping = FALSE;
          _ops_alert_engine_save (self, series->alert, "flapping-ended", NULL, NULL);
        }
    }
}

/* Notes that @series fired or resolved at @t; more than the allowed
 * changes in the flapping window make it flap, which is notified once. */
void
_ops_alert_engine_record_change (OpsAlertEngine *self,
                                 Series         *series,
                                 CheckState     *check,
                                 gint64          t)
{
  guint     limit = ops_settings_get_int (settings (self), OPS_SETTINGS_KEY_ALERTS_FLAPPING_CHANGES);
  guint     minutes = ops_settings_get_int (settings (self), OPS_SETTINGS_KEY_ALERTS_FLAPPING_MINUTES);
  OpsAlert *alert;
  g_autoptr(OpsAlert) latest = NULL;
  g_autofree char *note = NULL;

  g_array_append_val (series->changes, t);
  _ops_alert_engine_update_flapping (self, series, check, t);

  if (series->flapping || series->changes->len <= limit)
    return;

  series->flapping = TRUE;

  /* The alert that is open now, or the one that just resolved. */
  alert = series->alert;
  if (alert == NULL)
    {
      OpsAlertQuery query = OPS_ALERT_QUERY_INIT;
      g_autoptr(GPtrArray) alerts = NULL;

      query.check_name = check != NULL ? check->name : NULL;
      alerts = ops_alert_db_list_alerts (self->store, &query, NULL);
      for (guint i = 0; alerts != NULL && i < alerts->len; i++)
        {
          OpsAlert *candidate = g_ptr_array_index (alerts, i);

          if (candidate->rule_id == series->rule_id)
            {
              latest = g_object_ref (candidate);
              break;
            }
        }
      alert = latest;
    }
  if (alert == NULL)
    return;

  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "It changed state %u times in %u minute.",
                                       "It changed state %u times in %u minutes.", minutes),
                          series->changes->len, minutes);
  alert->flapping = TRUE;
  _ops_alert_engine_save (self, alert, "flapping", NULL, note);

  if (check == NULL || active_window (self, check, t) == NULL)
    _ops_alert_engine_publish (self, "alert.flapping", alert, NULL, note, FALSE);
}
