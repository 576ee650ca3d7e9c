/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ops-maintenance-window-private.h"

/**
 * OpsMaintenanceWindow:
 *
 * A time when alerts of the checks it covers are recorded but not
 * notified: once (from a start to an end), or every week (on some days, at
 * a time of day in a time zone, for a duration). Weekly windows follow the
 * wall clock of their time zone across daylight-saving changes: a window
 * at 09:00 in Europe/Berlin starts at 08:00 UTC in winter and 07:00 UTC in
 * summer. A start time that does not exist on the day the clocks go
 * forward starts when the clocks jump; one that happens twice on the day
 * they go back starts the first time.
 */

G_DEFINE_FINAL_TYPE (OpsMaintenanceWindow, ops_maintenance_window, G_TYPE_OBJECT)

static void
ops_maintenance_window_finalize (GObject *object)
{
  OpsMaintenanceWindow *self = OPS_MAINTENANCE_WINDOW (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  ops_alert_scope_clear (&self->scope);

  G_OBJECT_CLASS (ops_maintenance_window_parent_class)->finalize (object);
}

static void
ops_maintenance_window_class_init (OpsMaintenanceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ops_maintenance_window_finalize;
}

static void
ops_maintenance_window_init (OpsMaintenanceWindow *self)
{
}

/**
 * ops_maintenance_window_new_once:
 * @name: its name
 * @start_usec: when it starts, in microseconds since 1970
 * @end_usec: when it ends
 *
 * Returns: (transfer full): a one-off window for every check
 */
OpsMaintenanceWindow *
ops_maintenance_window_new_once (const char *name,
                                 gint64      start_usec,
                                 gint64      end_usec)
{
  OpsMaintenanceWindow *self = g_object_new (OPS_TYPE_MAINTENANCE_WINDOW, NULL);

  self->name = g_strdup (name);
  self->kind = OPS_MAINTENANCE_ONCE;
  self->start = start_usec;
  self->end = end_usec;

  return self;
}

/**
 * ops_maintenance_window_new_weekly:
 * @name: its name
 * @days: the days, a mask of #OpsWeekdays
 * @start_minute: when it starts, in minutes after midnight, local time
 * @duration: how long it lasts, in seconds
 * @time_zone: the time zone of @start_minute, such as `Europe/Berlin`
 *
 * Returns: (transfer full): a weekly window for every check
 */
OpsMaintenanceWindow *
ops_maintenance_window_new_weekly (const char *name,
                                   guint       days,
                                   guint       start_minute,
                                   gint64      duration,
                                   const char *time_zone)
{
  OpsMaintenanceWindow *self = g_object_new (OPS_TYPE_MAINTENANCE_WINDOW, NULL);

  self->name = g_strdup (name);
  self->kind = OPS_MAINTENANCE_WEEKLY;
  self->days = days;
  self->start_minute = start_minute;
  self->duration = duration;
  self->time_zone = g_strdup (time_zone);

  return self;
}

/**
 * ops_maintenance_lookup_time_zone:
 * @identifier: (nullable): an IANA time zone such as `Europe/Berlin`, or `UTC`
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the time zone, or %NULL when there is none of
 *   that name
 */
GTimeZone *
ops_maintenance_lookup_time_zone (const char *identifier,
                                  GError    **error)
{
  GTimeZone *tz = NULL;

  if (identifier != NULL && identifier[0] != '\0')
    tz = g_time_zone_new_identifier (identifier);

  if (tz == NULL)
    g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                 _("“%s” is not a time zone: use a name such as Europe/Berlin, America/New_York "
                    "or UTC."),
                 identifier != NULL ? identifier : "");

  return tz;
}

static gboolean
window_invalid (GError    **error,
                const char *name,
                const char *message)
{
  g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
               _("The maintenance window “%s”: %s"), name, message);
  return FALSE;
}

gboolean
ops_maintenance_window_validate (OpsMaintenanceWindow *self,
                                 GError              **error)
{
  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), FALSE);

  if (!ops_alert_validate_name (_("A maintenance window"), self->name, error))
    return FALSE;

  if (self->time_zone != NULL)
    {
      g_autoptr(GTimeZone) tz = NULL;
      g_autoptr(GError) local_error = NULL;

      tz = ops_maintenance_lookup_time_zone (self->time_zone, &local_error);
      if (tz == NULL)
        return window_invalid (error, self->name, local_error->message);
    }

  if (self->kind == OPS_MAINTENANCE_ONCE)
    {
      if (self->end <= self->start)
        return window_invalid (error, self->name, _("it must end after it starts."));
      if (self->end - self->start > (gint64)OPS_MAINTENANCE_MAX_ONCE * G_USEC_PER_SEC)
        return window_invalid (error, self->name, _("a one-off window lasts at most 90 days."));
      return TRUE;
    }

  if (self->time_zone == NULL)
    return window_invalid (error, self->name, _("a weekly window needs a time zone."));
  if ((self->days & OPS_WEEKDAYS_ALL) == 0 || (self->days & ~OPS_WEEKDAYS_ALL) != 0)
    return window_invalid (error, self->name, _("a weekly window needs at least one day."));
  if (self->start_minute >= 24 * 60)
    return window_invalid (error, self->name, _("its start must be a time from 00:00 to 23:59."));
  if (self->duration < 60 || self->duration > OPS_MAINTENANCE_MAX_WEEKLY)
    return window_invalid (error, self->name,
                           _("a weekly window lasts from 1 minute to 7 days."));

  return TRUE;
}

gint64
ops_maintenance_window_get_id (OpsMaintenanceWindow *self)
{
  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), 0);

  return self->id;
}

void
ops_maintenance_window_set_id (OpsMaintenanceWindow *self,
                               gint64                id)
{
  g_return_if_fail (OPS_IS_MAINTENANCE_WINDOW (self));

  self->id = id;
}

const char *
ops_maintenance_window_get_name (OpsMaintenanceWindow *self)
{
  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), NULL);

  return self->name;
}

OpsMaintenanceKind
ops_maintenance_window_get_kind (OpsMaintenanceWindow *self)
{
  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), OPS_MAINTENANCE_ONCE);

  return self->kind;
}

const OpsAlertScope *
ops_maintenance_window_get_scope (OpsMaintenanceWindow *self)
{
  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), NULL);

  return &self->scope;
}

void
ops_maintenance_window_set_scope (OpsMaintenanceWindow *self,
                                  const OpsAlertScope  *scope)
{
  g_return_if_fail (OPS_IS_MAINTENANCE_WINDOW (self));

  ops_alert_scope_clear (&self->scope);
  ops_alert_scope_copy (scope, &self->scope);
}

gint64
ops_maintenance_window_get_start (OpsMaintenanceWindow *self)
{
  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), 0);

  return self->start;
}

gint64
ops_maintenance_window_get_end (OpsMaintenanceWindow *self)
{
  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), 0);

  return self->end;
}

guint
ops_maintenance_window_get_days (OpsMaintenanceWindow *self)
{
  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), 0);

  return self->days;
}

guint
ops_maintenance_window_get_start_minute (OpsMaintenanceWindow *self)
{
  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), 0);

  return self->start_minute;
}

gint64
ops_maintenance_window_get_duration (OpsMaintenanceWindow *self)
{
  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), 0);

  return self->kind == OPS_MAINTENANCE_ONCE ? (self->end - self->start) / G_USEC_PER_SEC
                                            : self->duration;
}

/* Returns: (nullable): the time zone; a one-off window may have none */
const char *
ops_maintenance_window_get_time_zone (OpsMaintenanceWindow *self)
{
  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), NULL);

  return self->time_zone;
}

/* The zone a one-off window was written in, for display and export. */
void
ops_maintenance_window_set_time_zone (OpsMaintenanceWindow *self,
                                      const char           *time_zone)
{
  g_return_if_fail (OPS_IS_MAINTENANCE_WINDOW (self));

  g_free (self->time_zone);
  self->time_zone = g_strdup (time_zone);
  g_clear_pointer (&self->tz, g_time_zone_unref);
}

/* The instant the wall clock of @tz shows @minute on the given day: the
 * first of two when the clocks went back, the moment the clocks jumped
 * when they went forward over it. */
static gint64
wall_clock_instant (GTimeZone *tz,
                    int        year,
                    int        month,
                    int        day,
                    guint      minute)
{
  g_autoptr(GDateTime) glib_choice = NULL;
  g_autoptr(GDateTime) as_utc = NULL;
  gint64 best;
  gint64 wall;

  glib_choice = g_date_time_new (tz, year, month, day, minute / 60, minute % 60, 0);
  best = g_date_time_to_unix (glib_choice);

  /* The same wall time read as if it were UTC: instant + offset. */
  as_utc = g_date_time_new_utc (year, month, day, minute / 60, minute % 60, 0);
  wall = g_date_time_to_unix (as_utc);

  /* Try the offsets in force around it; keep the earliest instant whose
   * wall clock matches. */
  for (int hours = -26; hours <= 26; hours += 26)
    {
      g_autoptr(GDateTime) around = g_date_time_new_from_unix_utc (best + hours * 3600);
      gint64 candidate;
      int    interval;

      interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, g_date_time_to_unix (around));
      if (interval < 0)
        continue;
      candidate = wall - g_time_zone_get_offset (tz, interval);
      interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, candidate);
      if (interval >= 0 && candidate + g_time_zone_get_offset (tz, interval) == wall &&
          candidate < best)
        best = candidate;
    }

  return best * G_USEC_PER_SEC;
}

/* Walks the weekly occurrences whose start day lies from @first_day to
 * @last_day days after the local day of @now. */
static gboolean
find_weekly (OpsMaintenanceWindow *self,
             gint64                now_usec,
             int                   first_day,
             int                   last_day,
             gboolean              active_only,
             gint64               *start_out,
             gint64               *end_out)
{
  GTimeZone *tz;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;

  /* Reading a zone from disk is slow; the engine asks every second. */
  if (self->tz == NULL && self->time_zone != NULL)
    self->tz = g_time_zone_new_identifier (self->time_zone);
  tz = self->tz;
  if (tz == NULL)
    return FALSE;

  now = g_date_time_new_from_unix_utc (now_usec / G_USEC_PER_SEC);
  local = g_date_time_to_timezone (now, tz);

  for (int offset = first_day; offset <= last_day; offset++)
    {
      /* Noon is never in a daylight-saving gap: a safe way to step days. */
      g_autoptr(GDateTime) noon = g_date_time_new (tz, g_date_time_get_year (local),
                                                    g_date_time_get_month (local),
                                                    g_date_time_get_day_of_month (local), 12, 0, 0);
      g_autoptr(GDateTime) day = g_date_time_add_days (noon, offset);
      int    weekday = g_date_time_get_day_of_week (day); /* 1 = Monday */
      gint64 start;
      gint64 end;

      if ((self->days & (1u << (weekday - 1))) == 0)
        continue;

      start = wall_clock_instant (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                                  g_date_time_get_day_of_month (day), self->start_minute);
      end = start + self->duration * G_USEC_PER_SEC;

      if (end <= now_usec)
        continue;
      if (active_only && start > now_usec)
        continue;

      *start_out = start;
      *end_out = end;
      return TRUE;
    }

  return FALSE;
}

/**
 * ops_maintenance_window_find_occurrence:
 * @self: a window
 * @now_usec: the time
 * @start_usec: (out): when the occurrence starts
 * @end_usec: (out): when it ends
 *
 * Finds the occurrence that is active at @now_usec or, when none is, the
 * next one.
 *
 * Returns: %FALSE when the window never happens again
 */
gboolean
ops_maintenance_window_find_occurrence (OpsMaintenanceWindow *self,
                                        gint64                now_usec,
                                        gint64               *start_usec,
                                        gint64               *end_usec)
{
  int days_back;

  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), FALSE);

  if (self->kind == OPS_MAINTENANCE_ONCE)
    {
      if (self->end <= now_usec)
        return FALSE;
      *start_usec = self->start;
      *end_usec = self->end;
      return TRUE;
    }

  /* An occurrence that started days ago may still run. */
  days_back = (int)(self->duration / 86400) + 1;

  return find_weekly (self, now_usec, -days_back, 0, TRUE, start_usec, end_usec) ||
         find_weekly (self, now_usec, -days_back, 8, FALSE, start_usec, end_usec);
}

gboolean
ops_maintenance_window_is_active (OpsMaintenanceWindow *self,
                                  gint64                now_usec)
{
  gint64 start;
  gint64 end;

  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), FALSE);

  return ops_maintenance_window_find_occurrence (self, now_usec, &start, &end) &&
         start <= now_usec && now_usec < end;
}

gboolean
ops_maintenance_window_applies_to (OpsMaintenanceWindow   *self,
                                   const OpsAlertCheckRef *check)
{
  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), FALSE);

  return ops_alert_scope_matches (&self->scope, check);
}
