/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-settings"

#include "config.h"

#include "ops-settings.h"

/* Every setting Opsdeck knows, with its type, default and range. A key that
 * is not here cannot be read, written or imported. Window geometry is not
 * exported: it belongs to one workstation. */
static const char *const severities[] = { "info", "warning", "critical", NULL };
static const char *const environments[] = { "all", "production", "staging", "development", NULL };
static const char *const statuses[] = { "all", "healthy", "degraded", "down", "unknown", "paused", NULL };

static const OpsSettingSpec specs[] = {
  { OPS_SETTINGS_KEY_RUN_IN_BACKGROUND, OPS_SETTING_BOOLEAN, "true", 0, 0, TRUE },
  { OPS_SETTINGS_KEY_RETENTION_DAYS, OPS_SETTING_INT, "30", 1, 3650, TRUE },
  { OPS_SETTINGS_KEY_HEALTH_MAX_CONCURRENT, OPS_SETTING_INT, "64", 1, 1024, TRUE },
  /* "Pause all" survives a restart of this workstation's Opsdeck. */
  { OPS_SETTINGS_KEY_HEALTH_PAUSED, OPS_SETTING_BOOLEAN, "false", 0, 0, FALSE },
  { OPS_SETTINGS_KEY_WINDOW_WIDTH, OPS_SETTING_INT, "1100", 360, 16384, FALSE },
  { OPS_SETTINGS_KEY_WINDOW_HEIGHT, OPS_SETTING_INT, "720", 294, 16384, FALSE },
  { OPS_SETTINGS_KEY_WINDOW_MAXIMIZED, OPS_SETTING_BOOLEAN, "false", 0, 0, FALSE },
  { OPS_SETTINGS_KEY_WINDOW_LAST_TAB, OPS_SETTING_STRING, "health", 0, 0, FALSE },
  /* Alerts: re-notify a firing alert nobody acknowledged (0: never); a rule
   * and check flap with more than N changes in M minutes; how long an
   * alert waits for the checks it depends on to report. */
  { OPS_SETTINGS_KEY_ALERTS_RENOTIFY_MINUTES, OPS_SETTING_INT, "15", 0, 1440, TRUE },
  { OPS_SETTINGS_KEY_ALERTS_FLAPPING_CHANGES, OPS_SETTING_INT, "5", 2, 100, TRUE },
  { OPS_SETTINGS_KEY_ALERTS_FLAPPING_MINUTES, OPS_SETTING_INT, "15", 1, 1440, TRUE },
  { OPS_SETTINGS_KEY_ALERTS_DEPENDENCY_GRACE, OPS_SETTING_INT, "60", 0, 3600, TRUE },
  /* Desktop notifications belong to one workstation: not exported. */
  { OPS_SETTINGS_KEY_NOTIFY_MINIMUM_SEVERITY, OPS_SETTING_STRING, "warning", 0, 0, FALSE, severities },
  { OPS_SETTINGS_KEY_NOTIFY_DO_NOT_DISTURB, OPS_SETTING_BOOLEAN, "false", 0, 0, FALSE },
  /* How one operator looks at the Health tab: not exported. */
  { OPS_SETTINGS_KEY_HEALTH_FILTER_ENVIRONMENT, OPS_SETTING_STRING, "all", 0, 0, FALSE, environments },
  { OPS_SETTINGS_KEY_HEALTH_FILTER_STATUS, OPS_SETTING_STRING, "all", 0, 0, FALSE, statuses },
  { OPS_SETTINGS_KEY_HEALTH_FILTER_TAG, OPS_SETTING_STRING, "", 0, 0, FALSE },
  { OPS_SETTINGS_KEY_HEALTH_GROUP_BY_ENVIRONMENT, OPS_SETTING_BOOLEAN, "false", 0, 0, FALSE },
};

const OpsSettingSpec *
ops_settings_list_specs (guint *n_specs)
{
  *n_specs = G_N_ELEMENTS (specs);
  return specs;
}

const OpsSettingSpec *
ops_settings_lookup_spec (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    if (g_str_equal (specs[i].key, key))
      return &specs[i];

  return NULL;
}
