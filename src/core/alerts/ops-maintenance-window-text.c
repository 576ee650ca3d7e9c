/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ops-maintenance-window-private.h"

/* Maintenance windows in words and in JSON, and the parsing of what
 * people write: days, times of day, dates and times in a zone. */

static const char *const day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
static const char *const long_day_names[] = { "monday", "tuesday", "wednesday", "thursday",
                                              "friday", "saturday", "sunday" };

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
