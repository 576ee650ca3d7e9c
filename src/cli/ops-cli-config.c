/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "opsdeckctl"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "config/ops-config.h"
#include "ops-cli.h"

int
ops_cli_config_export (const OpsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize            length = 0;
  int              status;

  if (!ops_cli_parse_options (command, NULL,
                              _("Secrets (webhook URLs, passwords, API keys) are never "
                                 "exported: they stay in the keyring."),
                              &argc, &argv, &status))
    return status;
  if (argc > 2)
    return ops_cli_usage_error (command, _("Unexpected argument “%s”."), argv[2]);

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;

  data = ops_config_export_to_data (store, &length, &error);
  if (data == NULL)
    return ops_cli_fail ("%s", error->message);

  if (argc < 2 || g_str_equal (argv[1], "-"))
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        return ops_cli_fail (_("Could not write the configuration to standard output."));
      return OPS_CLI_EXIT_OK;
    }

  /* g_file_set_contents() writes a temporary file and renames it, so a
   * failure never leaves half a file behind. */
  if (!g_file_set_contents_full (argv[1], data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                 &error))
    return ops_cli_fail (_("Could not write %s: %s"), argv[1], error->message);

  return OPS_CLI_EXIT_OK;
}

/* Reads standard input, stopping one byte past the size limit so that the
 * import reports a document that is too large without reading all of it. */
static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];

  while (data->len <= OPS_CONFIG_MAX_SIZE)
    {
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

int
ops_cli_config_import (const OpsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;
  int      status;

  if (!ops_cli_parse_options (command, NULL,
                              _("The whole file is checked before anything is written, and it "
                                 "is imported in one transaction: all of it or nothing."),
                              &argc, &argv, &status))
    return status;
  if (argc < 2)
    return ops_cli_usage_error (command, _("Name the file to import, or “-” for standard input."));
  if (argc > 2)
    return ops_cli_usage_error (command, _("Unexpected argument “%s”."), argv[2]);

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;

  if (g_str_equal (argv[1], "-"))
    {
      g_autoptr(GBytes) bytes = read_stdin (&error);

      ok = bytes != NULL &&
           ops_config_import_data (store, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

      ok = ops_config_import_file (store, file, NULL, &error);
    }

  if (!ok)
    return ops_cli_fail (_("Nothing was imported. %s"), error->message);

  g_print (_("Configuration imported.\n"));
  return OPS_CLI_EXIT_OK;
}
