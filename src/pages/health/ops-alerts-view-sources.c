/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "alerts/ops-alert-db.h"
#include "ops-alerts-item.h"
#include "ops-alerts-view-private.h"

/* The Alertmanager sources: their alerts beside Opsdeck's, and a band
 * that says which one cannot be read, and why. */

typedef struct
{
  OpsAlertsView         *self;
  OpsAlertmanagerClient *client;
  char                  *name;
} SourceFetch;

static void
source_fetch_free (SourceFetch *fetch)
{
  g_clear_object (&fetch->client);
  g_free (fetch->name);
  g_free (fetch);
}

static void
update_source_errors (OpsAlertsView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer       key;
  gpointer       value;

  g_hash_table_iter_init (&iter, self->source_errors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the name of an Alertmanager, and what went wrong */
      g_string_append_printf (text, _("Could not read the alerts of “%s”: %s"), (char *)key, (char *)value);
    }

  gtk_label_set_text (self->source_error_label, text->str);
  gtk_revealer_set_reveal_child (self->source_error_revealer, text->len > 0);
}

static void
list_alerts_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SourceFetch *fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  OpsAlertsView *self;

  alerts = ops_alertmanager_client_list_alerts_finish (OPS_ALERTMANAGER_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      source_fetch_free (fetch);
      return;
    }

  self = fetch->self;
  if (alerts == NULL)
    {
      g_hash_table_remove (self->source_alerts, fetch->name);
      g_hash_table_insert (self->source_errors, g_strdup (fetch->name), g_strdup (error->message));
    }
  else
    {
      GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < alerts->len; i++)
        g_ptr_array_add (items, ops_alerts_item_new_alertmanager (g_ptr_array_index (alerts, i),
                                                                  fetch->name, fetch->client));
      g_hash_table_insert (self->source_alerts, g_strdup (fetch->name), items);
      g_hash_table_remove (self->source_errors, fetch->name);
    }

  update_source_errors (self);
  _ops_alerts_view_rebuild (self);
  source_fetch_free (fetch);
}

void
_ops_alerts_view_refresh_sources (OpsAlertsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint            selected = gtk_drop_down_get_selected (self->source_dropdown);
  g_autofree char *selected_name = NULL;

  if (selected > SOURCE_OPSDECK && selected != GTK_INVALID_LIST_POSITION)
    selected_name = g_strdup (gtk_string_list_get_string (self->sources_model, selected));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  sources = ops_alert_db_list_sources (ops_alert_engine_get_store (self->engine), &error);
  if (sources == NULL)
    {
      g_warning ("Could not read the alert sources: %s", error->message);
      return;
    }

  g_ptr_array_add (names, (gpointer)_("Any source"));
  g_ptr_array_add (names, (gpointer)_("Opsdeck"));
  g_hash_table_remove_all (self->source_errors);
  for (guint i = 0; i < sources->len; i++)
    {
      OpsAlertSourceInfo *info = g_ptr_array_index (sources, i);
      g_autoptr(GError) client_error = NULL;
      OpsAlertmanagerClient *client = ops_alertmanager_client_new (info->url, &client_error);
      SourceFetch           *fetch;

      g_ptr_array_add (names, info->name);
      if (client == NULL)
        {
          g_hash_table_insert (self->source_errors, g_strdup (info->name), g_strdup (client_error->message));
          continue;
        }

      fetch = g_new0 (SourceFetch, 1);
      fetch->self = self;
      fetch->client = client;
      fetch->name = g_strdup (info->name);
      ops_alertmanager_client_list_alerts_async (client, self->cancellable, list_alerts_cb, fetch);
    }
  g_ptr_array_add (names, NULL);

  /* Keep the source filter on the same source when it still exists. */
  self->quiet = TRUE;
  gtk_string_list_splice (self->sources_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->sources_model)),
                          (const char *const *)names->pdata);
  gtk_drop_down_set_selected (self->source_dropdown, selected == SOURCE_OPSDECK ? SOURCE_OPSDECK : SOURCE_ANY);
  for (guint i = 2; selected_name != NULL && i < names->len - 1; i++)
    if (g_str_equal (names->pdata[i], selected_name))
      gtk_drop_down_set_selected (self->source_dropdown, i);
  self->quiet = FALSE;

  /* Forget the sources that are gone. */
  {
    GHashTableIter iter;
    gpointer       key;

    g_hash_table_iter_init (&iter, self->source_alerts);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        gboolean found = FALSE;

        for (guint i = 2; i < names->len - 1 && !found; i++)
          found = g_str_equal (names->pdata[i], key);
        if (!found)
          g_hash_table_iter_remove (&iter);
      }
  }

  update_source_errors (self);
  _ops_alerts_view_filters_changed (self);
}
