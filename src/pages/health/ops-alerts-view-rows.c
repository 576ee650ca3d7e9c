/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ops-alerts-item.h"
#include "ops-alerts-view-private.h"

/* The open alerts of the engine and of the Alertmanagers, root causes
 * first with the alerts they block after them, and their rows. */

/* A row: the severity as an icon and a word, the service, what happened,
 * since when, the value, and the state. */
GtkWidget *
_ops_alerts_view_create_row (gpointer item,
                             gpointer user_data)
{
  OpsAlertsView   *self = user_data;
  OpsAlertsItem   *alert = item;
  OpsSeverity      severity = ops_alerts_item_get_severity (alert);
  const char      *blocked_by = ops_alerts_item_get_blocked_by (alert);
  const char      *source = ops_alerts_item_get_source (alert);
  g_autofree char *value = ops_alerts_item_dup_value (alert);
  g_autofree char *since = ops_alerts_format_since (ops_alerts_item_get_since (alert), _ops_alerts_view_now (self));
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row;
  GtkWidget *badge;
  GtkWidget *icon;
  GtkWidget *label;
  GtkWidget *state;

  row = adw_action_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "alert-id", g_strdup (ops_alerts_item_get_id (alert)), g_free);

  title = g_markup_escape_text (ops_alerts_item_get_service (alert), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  if (blocked_by != NULL)
    {
      /* Translators: an alert that is a consequence of another check's outage */
      g_string_append_printf (subtitle, _("Blocked by %s"), blocked_by);
      g_string_append (subtitle, " · ");
      gtk_widget_add_css_class (row, "ops-alert-dependent");
    }
  g_string_append (subtitle, ops_alerts_item_get_cause (alert));
  g_string_append (subtitle, " · ");
  g_string_append (subtitle, since);
  if (value != NULL)
    {
      g_string_append (subtitle, " · ");
      /* Translators: the measured value that fired an alert */
      g_string_append_printf (subtitle, _("value %s"), value);
    }
  if (source != NULL)
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, source);
    }
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle->str, -1);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  }

  /* The severity: an icon and its word, never a colour alone. */
  badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, severity == OPS_SEVERITY_CRITICAL ? "status-down" : "status-degraded");
  icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", ops_alerts_severity_icon (severity),
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  label = gtk_label_new (ops_alerts_severity_label (severity));
  gtk_label_set_width_chars (GTK_LABEL (label), 7);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (badge), icon);
  gtk_box_append (GTK_BOX (badge), label);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);

  state = gtk_label_new (ops_alerts_item_get_state_label (alert));
  gtk_widget_add_css_class (state, "dim-label");
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

  return row;
}
static int
compare_roots (gconstpointer a,
               gconstpointer b)
{
  OpsAlertsItem *x = *(OpsAlertsItem **)a;
  OpsAlertsItem *y = *(OpsAlertsItem **)b;
  int            firing_x = ops_alerts_item_get_state (x) == OPS_ALERT_STATE_FIRING;
  int            firing_y = ops_alerts_item_get_state (y) == OPS_ALERT_STATE_FIRING;
  gint64         since_x = ops_alerts_item_get_since (x);
  gint64         since_y = ops_alerts_item_get_since (y);

  /* The worst first, then what still needs someone, then the newest. */
  if (ops_alerts_item_get_severity (x) != ops_alerts_item_get_severity (y))
    return (int)ops_alerts_item_get_severity (y) - (int)ops_alerts_item_get_severity (x);
  if (firing_x != firing_y)
    return firing_y - firing_x;
  if (since_x != since_y)
    return since_x < since_y ? 1 : -1;
  return g_strcmp0 (ops_alerts_item_get_service (x), ops_alerts_item_get_service (y));
}

static int
compare_services (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (ops_alerts_item_get_service (*(OpsAlertsItem **)a),
                    ops_alerts_item_get_service (*(OpsAlertsItem **)b));
}

void
_ops_alerts_view_unwatch_all (OpsAlertsView *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

/* The open alerts: each root cause, then the alerts it blocks. An alert
 * blocked by a check with no open alert is a root of its own. */
void
_ops_alerts_view_rebuild_open (OpsAlertsView *self)
{
  GListModel *open = ops_alert_engine_get_open_alerts (self->engine);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autoptr(GHashTable) services = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer       value;

  _ops_alerts_view_unwatch_all (self);
  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (open, i);

      g_signal_connect_swapped (alert, "notify", G_CALLBACK (_ops_alerts_view_schedule_rebuild), self);
      g_ptr_array_add (self->watched, g_object_ref (alert));
      g_ptr_array_add (all, ops_alerts_item_new (alert));
    }
  g_hash_table_iter_init (&iter, self->source_alerts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *items = value;

      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (items, i)));
    }

  for (guint i = 0; i < all->len; i++)
    {
      OpsAlertsItem *item = g_ptr_array_index (all, i);

      if (ops_alerts_item_get_source (item) == NULL)
        g_hash_table_insert (services, (gpointer)ops_alerts_item_get_service (item), item);
    }
  for (guint i = 0; i < all->len; i++)
    {
      OpsAlertsItem *item = g_ptr_array_index (all, i);
      const char    *parent = ops_alerts_item_get_blocked_by (item);

      if (parent == NULL || !g_hash_table_contains (services, parent))
        g_ptr_array_add (roots, item);
    }
  g_ptr_array_sort (roots, compare_roots);

  for (guint i = 0; i < roots->len; i++)
    {
      OpsAlertsItem *root = g_ptr_array_index (roots, i);
      g_autoptr(GPtrArray) dependents = g_ptr_array_new ();

      g_ptr_array_add (ordered, root);
      if (ops_alerts_item_get_source (root) != NULL)
        continue;
      for (guint j = 0; j < all->len; j++)
        {
          OpsAlertsItem *item = g_ptr_array_index (all, j);

          if (item != root &&
              g_strcmp0 (ops_alerts_item_get_blocked_by (item), ops_alerts_item_get_service (root)) == 0)
            g_ptr_array_add (dependents, item);
        }
      g_ptr_array_sort (dependents, compare_services);
      g_ptr_array_extend (ordered, dependents, NULL, NULL);
    }

  g_list_store_splice (self->open_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->open_store)),
                       ordered->pdata, ordered->len);
}
