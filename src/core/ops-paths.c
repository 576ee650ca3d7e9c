/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-paths"

#include "config.h"

#include "ops-paths.h"

static char *data_dir_override;
static char *data_dir_cached;

/**
 * ops_paths_set_data_dir_override:
 * @data_dir: (nullable): a folder, or %NULL to forget the override
 *
 * Makes @data_dir the data folder, ahead of `OPSDECK_DATA_DIR` and
 * `$XDG_DATA_HOME/opsdeck`. Used by `--data-dir`.
 */
void
ops_paths_set_data_dir_override (const char *data_dir)
{
  g_clear_pointer (&data_dir_override, g_free);
  g_clear_pointer (&data_dir_cached, g_free);

  if (data_dir != NULL && data_dir[0] != '\0')
    {
      if (g_path_is_absolute (data_dir))
        data_dir_override = g_strdup (data_dir);
      else
        {
          g_autofree char *cwd = g_get_current_dir ();
          data_dir_override = g_build_filename (cwd, data_dir, NULL);
        }
    }
}

/**
 * ops_paths_get_data_dir:
 *
 * Returns: (transfer none): the folder that holds the database: the
 *   `--data-dir` override, else `OPSDECK_DATA_DIR`, else
 *   `$XDG_DATA_HOME/opsdeck`.
 */
const char *
ops_paths_get_data_dir (void)
{
  const char *env;

  if (data_dir_override != NULL)
    return data_dir_override;

  /* Not cached across calls: tests change the environment. */
  g_clear_pointer (&data_dir_cached, g_free);

  env = g_getenv ("OPSDECK_DATA_DIR");
  if (env != NULL && env[0] != '\0')
    data_dir_cached = g_strdup (env);
  else
    data_dir_cached = g_build_filename (g_get_user_data_dir (), "opsdeck", NULL);

  return data_dir_cached;
}

/**
 * ops_paths_get_database_path:
 *
 * Returns: (transfer full): the path of `opsdeck.db` in the data folder
 */
char *
ops_paths_get_database_path (void)
{
  return g_build_filename (ops_paths_get_data_dir (), "opsdeck.db", NULL);
}
