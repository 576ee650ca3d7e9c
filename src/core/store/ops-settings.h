/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

#include "ops-store.h"

G_BEGIN_DECLS

typedef enum
{
  OPS_SETTING_BOOLEAN,
  OPS_SETTING_INT,
  OPS_SETTING_DOUBLE,
  OPS_SETTING_STRING,
} OpsSettingType;

typedef enum
{
  OPS_SETTINGS_BIND_DEFAULT = 0,
  OPS_SETTINGS_BIND_GET = 1 << 0,
  OPS_SETTINGS_BIND_SET = 1 << 1,
} OpsSettingsBindFlags;

/* One known setting. The table lives in ops-settings-schema.c. */
typedef struct
{
  const char    *key;
  OpsSettingType type;
  const char    *default_value; /* in the text form stored in the table */
  double         minimum;       /* numbers only; minimum == maximum: no range */
  double         maximum;
  gboolean       exported;      /* part of the exported configuration */
  const char * const *choices;  /* strings only: the allowed values, or NULL for any */
} OpsSettingSpec;

#define OPS_SETTINGS_KEY_RUN_IN_BACKGROUND "app.run-in-background"
#define OPS_SETTINGS_KEY_RETENTION_DAYS    "history.retention-days"
#define OPS_SETTINGS_KEY_HEALTH_MAX_CONCURRENT "health.max-concurrent"
#define OPS_SETTINGS_KEY_HEALTH_PAUSED     "health.paused"
#define OPS_SETTINGS_KEY_WINDOW_WIDTH      "window.width"
#define OPS_SETTINGS_KEY_WINDOW_HEIGHT     "window.height"
#define OPS_SETTINGS_KEY_WINDOW_MAXIMIZED  "window.maximized"
#define OPS_SETTINGS_KEY_WINDOW_LAST_TAB   "window.last-tab"

#define OPS_SETTINGS_KEY_ALERTS_RENOTIFY_MINUTES "alerts.renotify-minutes"
#define OPS_SETTINGS_KEY_ALERTS_FLAPPING_CHANGES "alerts.flapping-changes"
#define OPS_SETTINGS_KEY_ALERTS_FLAPPING_MINUTES "alerts.flapping-minutes"
#define OPS_SETTINGS_KEY_ALERTS_DEPENDENCY_GRACE "alerts.dependency-grace-seconds"
#define OPS_SETTINGS_KEY_NOTIFY_MINIMUM_SEVERITY "notifications.minimum-severity"
#define OPS_SETTINGS_KEY_NOTIFY_DO_NOT_DISTURB   "notifications.do-not-disturb"

#define OPS_SETTINGS_KEY_HEALTH_FILTER_ENVIRONMENT "health.filter-environment"
#define OPS_SETTINGS_KEY_HEALTH_FILTER_STATUS      "health.filter-status"
#define OPS_SETTINGS_KEY_HEALTH_FILTER_TAG         "health.filter-tag"
#define OPS_SETTINGS_KEY_HEALTH_GROUP_BY_ENVIRONMENT "health.group-by-environment"

#define OPS_TYPE_SETTINGS (ops_settings_get_type ())

G_DECLARE_FINAL_TYPE (OpsSettings, ops_settings, OPS, SETTINGS, GObject)

/* clang-format off */
const OpsSettingSpec *ops_settings_lookup_spec     (const char            *key);
const OpsSettingSpec *ops_settings_list_specs      (guint                 *n_specs);

gboolean     ops_settings_get_boolean     (OpsSettings           *self,
                                           const char            *key);
gint64       ops_settings_get_int         (OpsSettings           *self,
                                           const char            *key);
double       ops_settings_get_double      (OpsSettings           *self,
                                           const char            *key);
char        *ops_settings_dup_string      (OpsSettings           *self,
                                           const char            *key);
const char  *ops_settings_get_text        (OpsSettings           *self,
                                           const char            *key);

gboolean     ops_settings_set_boolean     (OpsSettings           *self,
                                           const char            *key,
                                           gboolean               value,
                                           GError               **error);
gboolean     ops_settings_set_int         (OpsSettings           *self,
                                           const char            *key,
                                           gint64                 value,
                                           GError               **error);
gboolean     ops_settings_set_double      (OpsSettings           *self,
                                           const char            *key,
                                           double                 value,
                                           GError               **error);
gboolean     ops_settings_set_string      (OpsSettings           *self,
                                           const char            *key,
                                           const char            *value,
                                           GError               **error);
gboolean     ops_settings_reset           (OpsSettings           *self,
                                           const char            *key,
                                           GError               **error);

char        *ops_settings_normalize_text  (const char            *key,
                                           const char            *text,
                                           GError               **error);
gboolean     ops_settings_write_text      (OpsSettings           *self,
                                           const char            *key,
                                           const char            *text,
                                           GError               **error);
gboolean     ops_settings_reload          (OpsSettings           *self,
                                           GError               **error);

void         ops_settings_bind            (OpsSettings           *self,
                                           const char            *key,
                                           gpointer               object,
                                           const char            *property,
                                           OpsSettingsBindFlags   flags);
/* clang-format on */

G_END_DECLS
