/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-alert-types.h"

G_BEGIN_DECLS

typedef enum
{
  OPS_MAINTENANCE_ONCE,
  OPS_MAINTENANCE_WEEKLY,
} OpsMaintenanceKind;

/* Days of a weekly window, Monday first as ISO 8601 counts them. */
typedef enum
{
  OPS_WEEKDAY_MONDAY = 1 << 0,
  OPS_WEEKDAY_TUESDAY = 1 << 1,
  OPS_WEEKDAY_WEDNESDAY = 1 << 2,
  OPS_WEEKDAY_THURSDAY = 1 << 3,
  OPS_WEEKDAY_FRIDAY = 1 << 4,
  OPS_WEEKDAY_SATURDAY = 1 << 5,
  OPS_WEEKDAY_SUNDAY = 1 << 6,
} OpsWeekdays;

#define OPS_WEEKDAYS_ALL           0x7f
#define OPS_MAINTENANCE_MAX_ONCE   (90 * 24 * 3600)
#define OPS_MAINTENANCE_MAX_WEEKLY (7 * 24 * 3600)

#define OPS_TYPE_MAINTENANCE_WINDOW (ops_maintenance_window_get_type ())

G_DECLARE_FINAL_TYPE (OpsMaintenanceWindow, ops_maintenance_window, OPS, MAINTENANCE_WINDOW, GObject)

/* clang-format off */
OpsMaintenanceWindow *ops_maintenance_window_new_once     (const char           *name,
                                                           gint64                start_usec,
                                                           gint64                end_usec);
OpsMaintenanceWindow *ops_maintenance_window_new_weekly   (const char           *name,
                                                           guint                 days,
                                                           guint                 start_minute,
                                                           gint64                duration,
                                                           const char           *time_zone);
gboolean              ops_maintenance_window_validate     (OpsMaintenanceWindow *self,
                                                           GError              **error);

gint64                ops_maintenance_window_get_id       (OpsMaintenanceWindow *self);
void                  ops_maintenance_window_set_id       (OpsMaintenanceWindow *self,
                                                           gint64                id);
const char           *ops_maintenance_window_get_name     (OpsMaintenanceWindow *self);
OpsMaintenanceKind    ops_maintenance_window_get_kind     (OpsMaintenanceWindow *self);
const OpsAlertScope  *ops_maintenance_window_get_scope    (OpsMaintenanceWindow *self);
void                  ops_maintenance_window_set_scope    (OpsMaintenanceWindow *self,
                                                           const OpsAlertScope  *scope);
gint64                ops_maintenance_window_get_start    (OpsMaintenanceWindow *self);
gint64                ops_maintenance_window_get_end      (OpsMaintenanceWindow *self);
guint                 ops_maintenance_window_get_days     (OpsMaintenanceWindow *self);
guint                 ops_maintenance_window_get_start_minute (OpsMaintenanceWindow *self);
gint64                ops_maintenance_window_get_duration (OpsMaintenanceWindow *self);
const char           *ops_maintenance_window_get_time_zone (OpsMaintenanceWindow *self);
void                  ops_maintenance_window_set_time_zone (OpsMaintenanceWindow *self,
                                                           const char           *time_zone);

gboolean              ops_maintenance_window_is_active    (OpsMaintenanceWindow *self,
                                                           gint64                now_usec);
gboolean              ops_maintenance_window_find_occurrence (OpsMaintenanceWindow *self,
                                                           gint64                now_usec,
                                                           gint64               *start_usec,
                                                           gint64               *end_usec);
gboolean              ops_maintenance_window_applies_to   (OpsMaintenanceWindow *self,
                                                           const OpsAlertCheckRef *check);
char                 *ops_maintenance_window_describe     (OpsMaintenanceWindow *self);

void                  ops_maintenance_window_to_json      (OpsMaintenanceWindow *self,
                                                           JsonBuilder          *builder);
OpsMaintenanceWindow *ops_maintenance_window_new_from_json (JsonNode            *node,
                                                           GError              **error);

gboolean              ops_maintenance_parse_days          (const char           *text,
                                                           guint                *days,
                                                           GError              **error);
char                 *ops_maintenance_format_days         (guint                 days);
gboolean              ops_maintenance_parse_time_of_day   (const char           *text,
                                                           guint                *minute,
                                                           GError              **error);
gboolean              ops_maintenance_parse_local_time    (const char           *text,
                                                           const char           *time_zone,
                                                           gint64               *time_usec,
                                                           GError              **error);
GTimeZone            *ops_maintenance_lookup_time_zone    (const char           *identifier,
                                                           GError              **error);
/* clang-format on */

G_END_DECLS
