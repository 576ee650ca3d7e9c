/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ops-maintenance-window.h"

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
struct _OpsMaintenanceWindow
{
  GObject parent_instance;

  /* Owned */
  char         *name;
  char         *time_zone;
  GTimeZone    *tz; /* time_zone, looked up once */
  OpsAlertScope scope;

  gint64             id;
  OpsMaintenanceKind kind;
  gint64             start; /* once */
  gint64             end;   /* once */
  guint              days;  /* weekly */
  guint              start_minute;
  gint64             duration; /* weekly, seconds */
};

G_DEFINE_FINAL_TYPE (OpsMaintenanceWindow, ops_maintenance_window, G_TYPE_OBJECT)

static const char *const day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
static const char *const long_day_names[] = { "monday", "tuesday", "wednesday", "thursday",
                                              "friday", "saturday", "sunday" };

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

static char *
format_in_zone (gint64      time_usec,
                const char *time_zone,
                const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_usec / G_USEC_PER_SEC);
  g_autoptr(GTimeZone) tz = time_zone != NULL ? g_time_zone_new_identifier (time_zone) : NULL;
  g_autoptr(GDateTime) local = NULL;

  local = tz != NULL ? g_date_time_to_timezone (utc, tz) : g_date_time_to_local (utc);
  return g_date_time_format (local, format);
}

/* The window in words: “every Sat, Sun at 02:00 for 2h (Europe/Berlin),
 * on every check”. */
char *
ops_maintenance_window_describe (OpsMaintenanceWindow *self)
{
  g_autofree char *scope = NULL;

  g_return_val_if_fail (OPS_IS_MAINTENANCE_WINDOW (self), NULL);

  scope = ops_alert_scope_describe (&self->scope);

  if (self->kind == OPS_MAINTENANCE_ONCE)
    {
      g_autofree char *start = format_in_zone (self->start, self->time_zone, "%Y-%m-%d %H:%M %Z");
      g_autofree char *end = format_in_zone (self->end, self->time_zone, "%Y-%m-%d %H:%M %Z");

      return g_strdup_printf (_("from %s to %s, on %s"), start, end, scope);
    }
  else
    {
      g_autofree char *days = ops_maintenance_format_days (self->days);
      g_autofree char *duration = ops_alert_format_duration (self->duration);

      return g_strdup_printf (_("every %s at %02u:%02u for %s (%s), on %s"), days,
                              self->start_minute / 60, self->start_minute % 60, duration,
                              self->time_zone, scope);
    }
}

void
ops_maintenance_window_to_json (OpsMaintenanceWindow *self,
                                JsonBuilder          *builder)
{
  g_return_if_fail (OPS_IS_MAINTENANCE_WINDOW (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder,
                                 self->kind == OPS_MAINTENANCE_ONCE ? "once" : "weekly");
  ops_alert_scope_to_json (&self->scope, builder);

  if (self->kind == OPS_MAINTENANCE_ONCE)
    {
      g_autofree char *start = format_in_zone (self->start, self->time_zone != NULL ? self->time_zone : "UTC",
                                               "%Y-%m-%dT%H:%M:%S%:z");
      g_autofree char *end = format_in_zone (self->end, self->time_zone != NULL ? self->time_zone : "UTC",
                                             "%Y-%m-%dT%H:%M:%S%:z");

      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_string_value (builder, end);
    }
  else
    {
      g_autofree char *at = g_strdup_printf ("%02u:%02u", self->start_minute / 60,
                                             self->start_minute % 60);
      g_autofree char *duration = ops_alert_format_duration (self->duration);

      json_builder_set_member_name (builder, "days");
      json_builder_begin_array (builder);
      for (guint i = 0; i < G_N_ELEMENTS (day_names); i++)
        if (self->days & (1u << i))
          json_builder_add_string_value (builder, day_names[i]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "at");
      json_builder_add_string_value (builder, at);
      json_builder_set_member_name (builder, "duration");
      json_builder_add_string_value (builder, duration);
    }

  if (self->time_zone != NULL)
    {
      json_builder_set_member_name (builder, "time_zone");
      json_builder_add_string_value (builder, self->time_zone);
    }
  json_builder_end_object (builder);
}

static gboolean
member_invalid (GError    **error,
                const char *name,
                const char *member,
                GError     *cause)
{
  if (cause != NULL)
    g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                 _("The maintenance window “%s”: “%s”: %s"), name, member, cause->message);
  else
    g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                 _("The maintenance window “%s” needs “%s”."), name, member);
  return FALSE;
}

/**
 * ops_maintenance_window_new_from_json:
 * @node: a window as ops_maintenance_window_to_json() writes it
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the window, validated, or %NULL
 */
OpsMaintenanceWindow *
ops_maintenance_window_new_from_json (JsonNode *node,
                                      GError  **error)
{
  static const char *const known[] = { "name", "kind", "scope", "start", "end", "days", "at",
                                       "duration", "time_zone", NULL };
  g_autoptr(OpsMaintenanceWindow) self = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(OpsAlertScope) scope = { 0 };
  g_autofree char *where = NULL;
  JsonObject      *object;
  const char      *name;
  const char      *kind;
  const char      *time_zone;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("Each maintenance window must be a JSON object."));
      return NULL;
    }

  object = json_node_get_object (node);
  name = ops_alert_json_get_string (object, "name");
  if (!ops_alert_validate_name (_("A maintenance window"), name, error))
    return NULL;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                     _("The maintenance window “%s”: “%s” is not a member of a window."), name,
                     (const char *)l->data);
        return NULL;
      }

  time_zone = ops_alert_json_get_string (object, "time_zone");
  kind = ops_alert_json_get_string (object, "kind");

  if (g_strcmp0 (kind, "once") == 0)
    {
      const char *start_text = ops_alert_json_get_string (object, "start");
      const char *end_text = ops_alert_json_get_string (object, "end");
      gint64      start;
      gint64      end;

      if (start_text == NULL)
        {
          member_invalid (error, name, "start", NULL);
          return NULL;
        }
      if (end_text == NULL)
        {
          member_invalid (error, name, "end", NULL);
          return NULL;
        }
      if (!ops_maintenance_parse_local_time (start_text, time_zone, &start, &local_error))
        {
          member_invalid (error, name, "start", local_error);
          return NULL;
        }
      if (!ops_maintenance_parse_local_time (end_text, time_zone, &end, &local_error))
        {
          member_invalid (error, name, "end", local_error);
          return NULL;
        }
      self = ops_maintenance_window_new_once (name, start, end);
      ops_maintenance_window_set_time_zone (self, time_zone);
    }
  else if (g_strcmp0 (kind, "weekly") == 0)
    {
      JsonNode   *days_node = json_object_get_member (object, "days");
      const char *at = ops_alert_json_get_string (object, "at");
      const char *duration_text = ops_alert_json_get_string (object, "duration");
      g_autoptr(GString) days_text = g_string_new (NULL);
      guint  days = 0;
      guint  minute = 0;
      gint64 duration = 0;

      if (days_node == NULL || !JSON_NODE_HOLDS_ARRAY (days_node))
        {
          g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                       _("The maintenance window “%s”: “days” must be a list such as "
                          "[\"sat\", \"sun\"]."),
                       name);
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (json_node_get_array (days_node)); i++)
        {
          JsonNode *day = json_array_get_element (json_node_get_array (days_node), i);

          if (!JSON_NODE_HOLDS_VALUE (day) || json_node_get_value_type (day) != G_TYPE_STRING)
            {
              g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                           _("The maintenance window “%s”: “days” must be a list such as "
                              "[\"sat\", \"sun\"]."),
                           name);
              return NULL;
            }
          g_string_append_printf (days_text, "%s%s", i > 0 ? "," : "", json_node_get_string (day));
        }
      if (!ops_maintenance_parse_days (days_text->str, &days, &local_error))
        {
          member_invalid (error, name, "days", local_error);
          return NULL;
        }
      if (at == NULL)
        {
          member_invalid (error, name, "at", NULL);
          return NULL;
        }
      if (!ops_maintenance_parse_time_of_day (at, &minute, &local_error))
        {
          member_invalid (error, name, "at", local_error);
          return NULL;
        }
      if (duration_text == NULL)
        {
          member_invalid (error, name, "duration", NULL);
          return NULL;
        }
      if (!ops_alert_parse_duration (duration_text, &duration, &local_error))
        {
          member_invalid (error, name, "duration", local_error);
          return NULL;
        }
      if (time_zone == NULL)
        {
          member_invalid (error, name, "time_zone", NULL);
          return NULL;
        }
      self = ops_maintenance_window_new_weekly (name, days, minute, duration, time_zone);
    }
  else
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("The maintenance window “%s”: its kind must be “once” or “weekly”."), name);
      return NULL;
    }

  where = g_strdup_printf (_("The maintenance window “%s”"), name);
  if (!ops_alert_scope_from_json (&scope, json_object_get_member (object, "scope"), where, error))
    return NULL;
  ops_maintenance_window_set_scope (self, &scope);

  if (!ops_maintenance_window_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ops_maintenance_parse_days:
 * @text: days such as `mon,wed,fri`, `sat sun`, `weekdays`, `weekend` or `daily`
 * @days: (out): a mask of #OpsWeekdays
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @text names at least one day
 */
gboolean
ops_maintenance_parse_days (const char *text,
                            guint      *days,
                            GError    **error)
{
  g_auto(GStrv) words = NULL;
  guint mask = 0;

  if (text == NULL)
    text = "";

  words = g_strsplit_set (text, ", ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_ascii_strdown (words[i], -1);
      gboolean         found = FALSE;

      if (word[0] == '\0')
        continue;

      if (g_str_equal (word, "daily") || g_str_equal (word, "everyday"))
        {
          mask |= OPS_WEEKDAYS_ALL;
          continue;
        }
      if (g_str_equal (word, "weekdays"))
        {
          mask |= 0x1f;
          continue;
        }
      if (g_str_equal (word, "weekend"))
        {
          mask |= OPS_WEEKDAY_SATURDAY | OPS_WEEKDAY_SUNDAY;
          continue;
        }

      for (guint d = 0; d < G_N_ELEMENTS (day_names); d++)
        if (g_str_equal (word, day_names[d]) || g_str_equal (word, long_day_names[d]))
          {
            mask |= 1u << d;
            found = TRUE;
          }

      if (!found)
        {
          g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                       _("“%s” is not a day: use mon, tue, wed, thu, fri, sat, sun, weekdays, "
                          "weekend or daily."),
                       words[i]);
          return FALSE;
        }
    }

  if (mask == 0)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("Give at least one day, such as sat,sun or weekdays."));
      return FALSE;
    }

  *days = mask;
  return TRUE;
}

/* `mon,wed,fri`, or `daily` for every day. */
char *
ops_maintenance_format_days (guint days)
{
  GString *text;

  if ((days & OPS_WEEKDAYS_ALL) == OPS_WEEKDAYS_ALL)
    return g_strdup ("daily");

  text = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (day_names); i++)
    if (days & (1u << i))
      g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", day_names[i]);

  return g_string_free (text, FALSE);
}

/**
 * ops_maintenance_parse_time_of_day:
 * @text: a time such as `02:30` or `23:00`
 * @minute: (out): minutes after midnight
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @text is a time of day
 */
gboolean
ops_maintenance_parse_time_of_day (const char *text,
                                   guint      *minute,
                                   GError    **error)
{
  guint64 hours;
  guint64 minutes;
  g_auto(GStrv) parts = NULL;

  if (text != NULL)
    parts = g_strsplit (text, ":", -1);

  if (parts == NULL || g_strv_length (parts) != 2 || strlen (parts[1]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &hours, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minutes, NULL))
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("“%s” is not a time of day: write it as HH:MM, from 00:00 to 23:59."),
                   text != NULL ? text : "");
      return FALSE;
    }

  *minute = hours * 60 + minutes;
  return TRUE;
}

/**
 * ops_maintenance_parse_local_time:
 * @text: a date and time such as `2026-03-29 01:00`, `2026-03-29T01:00:00+01:00`
 *   or `2026-03-29T00:00:00Z`
 * @time_zone: (nullable): the zone of a time written without an offset; the
 *   local zone when %NULL
 * @time_usec: (out): the instant, in microseconds since 1970
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @text is a date and time
 */
gboolean
ops_maintenance_parse_local_time (const char *text,
                                  const char *time_zone,
                                  gint64     *time_usec,
                                  GError    **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *iso = NULL;

  if (time_zone != NULL)
    {
      tz = ops_maintenance_lookup_time_zone (time_zone, error);
      if (tz == NULL)
        return FALSE;
    }
  else
    tz = g_time_zone_new_local ();

  if (text != NULL)
    {
      iso = g_strstrip (g_strdup (text));
      /* `2026-03-29 01:00` reads as `2026-03-29T01:00`; seconds are optional. */
      if (strlen (iso) > 10 && iso[10] == ' ')
        iso[10] = 'T';
      time = g_date_time_new_from_iso8601 (iso, tz);
      if (time == NULL && strlen (iso) == 16)
        {
          g_autofree char *with_seconds = g_strconcat (iso, ":00", NULL);

          time = g_date_time_new_from_iso8601 (with_seconds, tz);
        }
    }

  if (time == NULL)
    {
      g_set_error (error, OPS_ALERT_ERROR, OPS_ALERT_ERROR_INVALID,
                   _("“%s” is not a date and time: write it as YYYY-MM-DD HH:MM, such as "
                      "2026-03-29 01:00."),
                   text != NULL ? text : "");
      return FALSE;
    }

  *time_usec = g_date_time_to_unix (time) * G_USEC_PER_SEC;
  return TRUE;
}
