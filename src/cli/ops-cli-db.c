/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "opsdeckctl"

#include "config.h"

#include <glib/gi18n.h>

#include "ops-cli.h"

typedef struct
{
  char  *name;
  gint64 rows;
} TableCount;

static void
table_count_free (gpointer data)
{
  TableCount *count = data;

  g_free (count->name);
  g_free (count);
}

static GPtrArray *
count_rows (OpsStore *store,
            GError  **error)
{
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (table_count_free);
  g_autoptr(sqlite3_stmt) tables = NULL;
  int rc;

  tables = ops_store_prepare (store,
                              "SELECT name FROM sqlite_master "
                              "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                              error);
  if (tables == NULL)
    return NULL;

  while ((rc = sqlite3_step (tables)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (tables, 0);
      g_autoptr(sqlite3_stmt) count = NULL;
      g_autofree char *sql = NULL;
      TableCount      *entry;
      char            *quoted;

      quoted = sqlite3_mprintf ("%w", name);
      sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", quoted);
      sqlite3_free (quoted);

      count = ops_store_prepare (store, sql, error);
      if (count == NULL)
        return NULL;
      rc = sqlite3_step (count);
      if (rc != SQLITE_ROW)
        {
          ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                           _("Could not count the rows"));
          return NULL;
        }

      entry = g_new0 (TableCount, 1);
      entry->name = g_strdup (name);
      entry->rows = sqlite3_column_int64 (count, 0);
      g_ptr_array_add (counts, entry);
    }

  if (rc != SQLITE_DONE)
    {
      ops_store_set_error_from_sqlite (error, ops_store_get_handle (store), rc,
                                       _("Could not list the tables"));
      return NULL;
    }

  return g_steal_pointer (&counts);
}

int
ops_cli_db_info (const OpsCliCommand *command,
                 int                  argc,
                 char               **argv)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  int              status;

  if (!ops_cli_parse_options (command, entries, NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ops_cli_usage_error (command, _("Unexpected argument “%s”."), argv[1]);

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;

  counts = count_rows (store, &error);
  if (counts == NULL)
    return ops_cli_fail ("%s", error->message);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, ops_store_get_path (store));
      json_builder_set_member_name (builder, "schema_version");
      json_builder_add_int_value (builder, ops_store_get_schema_version (store));
      json_builder_set_member_name (builder, "latest_schema_version");
      json_builder_add_int_value (builder, ops_store_get_latest_schema_version ());
      json_builder_set_member_name (builder, "size_bytes");
      json_builder_add_int_value (builder, ops_store_get_file_size (store));
      json_builder_set_member_name (builder, "tables");
      json_builder_begin_object (builder);
      for (guint i = 0; i < counts->len; i++)
        {
          TableCount *count = g_ptr_array_index (counts, i);

          json_builder_set_member_name (builder, count->name);
          json_builder_add_int_value (builder, count->rows);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      ops_cli_print_json (root);
      return OPS_CLI_EXIT_OK;
    }

  size = g_format_size (ops_store_get_file_size (store));
  g_print (_("Database:        %s\n"), ops_store_get_path (store));
  g_print (_("Schema version:  %d (this Opsdeck knows up to %d)\n"),
           ops_store_get_schema_version (store), ops_store_get_latest_schema_version ());
  g_print (_("Size:            %s (%" G_GINT64_FORMAT " bytes)\n"),
           size, ops_store_get_file_size (store));
  g_print (_("Tables:\n"));
  for (guint i = 0; i < counts->len; i++)
    {
      TableCount *count = g_ptr_array_index (counts, i);

      g_print ("  %-24s %" G_GINT64_FORMAT "\n", count->name, count->rows);
    }

  return OPS_CLI_EXIT_OK;
}
