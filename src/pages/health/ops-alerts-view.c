/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "alerts/ops-alert-db.h"
#include "ops-alert-maintenance-dialog.h"
#include "ops-alert-rules-dialog.h"
#include "ops-alerts-item.h"
#include "ops-alerts-view-private.h"

/* The Alerts view: open alerts, root causes first with their dependents
 * after them; the figures of the last 7 and 30 days; the history, a page
 * at a time; and the detail of the selected alert beside them, or over
 * them when the window is narrow. */

G_DEFINE_FINAL_TYPE (OpsAlertsView, ops_alerts_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_ENGINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gint64
_ops_alerts_view_now (OpsAlertsView *self)
{
  return ops_clock_get_real (ops_alert_engine_get_clock (self->engine));
}

/* Filters */

gboolean
_ops_alerts_view_filter (gpointer item,
                         gpointer user_data)
{
  OpsAlertsView *self = user_data;
  OpsAlertsItem *alert = item;
  const char    *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint          severity = gtk_drop_down_get_selected (self->severity_dropdown);
  guint          state = gtk_drop_down_get_selected (self->state_dropdown);
  guint          source = gtk_drop_down_get_selected (self->source_dropdown);

  if (severity == SEVERITY_CRITICAL && ops_alerts_item_get_severity (alert) != OPS_SEVERITY_CRITICAL)
    return FALSE;
  if (severity == SEVERITY_WARNING && ops_alerts_item_get_severity (alert) != OPS_SEVERITY_WARNING)
    return FALSE;

  if (state != 0 && state != GTK_INVALID_LIST_POSITION &&
      ops_alerts_item_get_state (alert) != (int)state - 1)
    return FALSE;

  if (source == SOURCE_OPSDECK && ops_alerts_item_get_source (alert) != NULL)
    return FALSE;
  if (source > SOURCE_OPSDECK && source != GTK_INVALID_LIST_POSITION &&
      g_strcmp0 (ops_alerts_item_get_source (alert),
                 gtk_string_list_get_string (self->sources_model, source)) != 0)
    return FALSE;

  if (search[0] != '\0')
    {
      g_autofree char *service = g_utf8_casefold (ops_alerts_item_get_service (alert), -1);
      g_autofree char *needle = g_utf8_casefold (search, -1);

      if (strstr (service, needle) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
update_visibility (OpsAlertsView *self)
{
  guint    n_open = g_list_model_get_n_items (G_LIST_MODEL (self->open_store));
  gboolean shown_open = gtk_widget_get_first_child (GTK_WIDGET (self->open_list)) != NULL;
  gboolean shown_history = gtk_widget_get_first_child (GTK_WIDGET (self->history_list)) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n_open == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), n_open > 0 && !shown_open);
  gtk_widget_set_visible (GTK_WIDGET (self->open_list), shown_open);
  gtk_widget_set_visible (GTK_WIDGET (self->history_empty_label), !shown_history);
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), shown_history);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->history_more);
}

void
_ops_alerts_view_filters_changed (OpsAlertsView *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
}

static void
on_filters_changed_cb (OpsAlertsView *self)
{
  if (!self->quiet)
    _ops_alerts_view_filters_changed (self);
}

/* Rebuilding */

void
_ops_alerts_view_rebuild (OpsAlertsView *self)
{
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  _ops_alerts_view_rebuild_open (self);
  _ops_alerts_view_refresh_history (self);
  update_visibility (self);
}

static void
rebuild_idle_cb (gpointer user_data)
{
  OpsAlertsView *self = user_data;

  self->rebuild_idle = 0;
  _ops_alerts_view_rebuild (self);
}

/* Rebuilds once the changes under way are all in. */
void
_ops_alerts_view_schedule_rebuild (OpsAlertsView *self)
{
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add_once (rebuild_idle_cb, self);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  OpsAlertsView *self = user_data;

  _ops_alerts_view_refresh_sources (self);
  _ops_alerts_view_rebuild (self);
  return G_SOURCE_CONTINUE;
}

/* Selection and detail */

static OpsAlertsItem *
find_item (GListModel *model,
           const char *id,
           guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OpsAlertsItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (ops_alerts_item_get_id (item), id))
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&item);
        }
    }
  return NULL;
}

static void
select_row (GtkListBox *list,
            const char *id)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) &&
        g_strcmp0 (g_object_get_data (G_OBJECT (child), "alert-id"), id) == 0)
      {
        gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (child));
        return;
      }
  gtk_list_box_unselect_all (list);
}

static void
show_item (OpsAlertsView *self,
           OpsAlertsItem *item)
{
  g_free (self->selected_id);
  self->selected_id = g_strdup (ops_alerts_item_get_id (item));
  select_row (self->open_list, self->selected_id);
  select_row (self->history_list, self->selected_id);
  ops_alert_detail_set_item (self->detail, item);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
on_row_activated_cb (OpsAlertsView *self,
                     GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "alert-id");

  ops_alerts_view_show_alert (self, id);
}

static void
on_detail_changed_cb (OpsAlertsView *self)
{
  _ops_alerts_view_refresh_sources (self);
  _ops_alerts_view_rebuild (self);
}

/* Actions */

static void
rules_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  OpsAlertsView *self = OPS_ALERTS_VIEW (widget);

  ops_alert_rules_dialog_present (widget, self->engine, NULL);
}

static void
maintenance_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  OpsAlertsView *self = OPS_ALERTS_VIEW (widget);

  ops_alert_maintenance_dialog_present (widget, self->engine, NULL);
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ops_alerts_view_refresh (OPS_ALERTS_VIEW (widget));
}

static void
more_history_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  OpsAlertsView *self = OPS_ALERTS_VIEW (widget);

  self->history_pages++;
  _ops_alerts_view_refresh_history (self);
  update_visibility (self);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OpsAlertsView *self = OPS_ALERTS_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

/* GObject */

static void
ops_alerts_view_constructed (GObject *object)
{
  OpsAlertsView *self = OPS_ALERTS_VIEW (object);

  G_OBJECT_CLASS (ops_alerts_view_parent_class)->constructed (object);

  g_assert (OPS_IS_ALERT_ENGINE (self->engine));

  ops_alert_detail_set_engine (self->detail, self->engine);
  g_signal_connect_object (ops_alert_engine_get_open_alerts (self->engine), "items-changed",
                           G_CALLBACK (_ops_alerts_view_schedule_rebuild), self, G_CONNECT_SWAPPED);
  self->refresh_timeout = g_timeout_add_seconds (SOURCES_REFRESH_S, refresh_timeout_cb, self);
  _ops_alerts_view_refresh_sources (self);
  _ops_alerts_view_rebuild (self);
}

static void
ops_alerts_view_dispose (GObject *object)
{
  OpsAlertsView *self = OPS_ALERTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_clear_handle_id (&self->refresh_timeout, g_source_remove);
  if (self->watched != NULL)
    _ops_alerts_view_unwatch_all (self);

  /* The leaflet is both AdwBin's child and a template child: AdwBin lets
   * go of it first, so that it is unparented once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), OPS_TYPE_ALERTS_VIEW);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->open_store);
  g_clear_object (&self->history_store);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->source_alerts, g_hash_table_unref);
  g_clear_pointer (&self->source_errors, g_hash_table_unref);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (ops_alerts_view_parent_class)->dispose (object);
}

static void
ops_alerts_view_finalize (GObject *object)
{
  OpsAlertsView *self = OPS_ALERTS_VIEW (object);

  g_free (self->selected_id);

  G_OBJECT_CLASS (ops_alerts_view_parent_class)->finalize (object);
}

static void
ops_alerts_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OpsAlertsView *self = OPS_ALERTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_alerts_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OpsAlertsView *self = OPS_ALERTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      self->engine = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_alerts_view_class_init (OpsAlertsViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ops_alerts_view_constructed;
  object_class->dispose = ops_alerts_view_dispose;
  object_class->finalize = ops_alerts_view_finalize;
  object_class->get_property = ops_alerts_view_get_property;
  object_class->set_property = ops_alerts_view_set_property;

  properties[PROP_ENGINE] =
      g_param_spec_object ("engine", NULL, NULL, OPS_TYPE_ALERT_ENGINE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OPS_TYPE_ALERT_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/health/ops-alerts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, sources_model);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, source_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, source_error_label);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, open_list);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, stats_grid);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, history_empty_label);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, history_list);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, more_button);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertsView, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_changed_cb);

  gtk_widget_class_install_action (widget_class, "alerts.rules", NULL, rules_activated);
  gtk_widget_class_install_action (widget_class, "alerts.maintenance", NULL, maintenance_activated);
  gtk_widget_class_install_action (widget_class, "alerts.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "alerts.more-history", NULL, more_history_activated);
  gtk_widget_class_install_action (widget_class, "alerts.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "alerts.refresh", NULL);
}

static void
ops_alerts_view_init (OpsAlertsView *self)
{
  GtkFilterListModel *open_filtered;
  GtkFilterListModel *history_filtered;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->open_store = g_list_store_new (OPS_TYPE_ALERTS_ITEM);
  self->history_store = g_list_store_new (OPS_TYPE_ALERTS_ITEM);
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->source_alerts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify)g_ptr_array_unref);
  self->source_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->history_pages = 1;

  self->filter = GTK_FILTER (gtk_custom_filter_new (_ops_alerts_view_filter, self, NULL));
  open_filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->open_store)),
                                             g_object_ref (self->filter));
  history_filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->history_store)),
                                                g_object_ref (self->filter));
  gtk_list_box_bind_model (self->open_list, G_LIST_MODEL (open_filtered), _ops_alerts_view_create_row, self, NULL);
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (history_filtered), _ops_alerts_view_create_row, self, NULL);
  g_object_unref (open_filtered);
  g_object_unref (history_filtered);
}

/**
 * ops_alerts_view_new:
 * @engine: the alert engine
 *
 * Returns: (transfer floating): the Alerts view
 */
GtkWidget *
ops_alerts_view_new (OpsAlertEngine *engine)
{
  g_return_val_if_fail (OPS_IS_ALERT_ENGINE (engine), NULL);

  return g_object_new (OPS_TYPE_ALERTS_VIEW, "engine", engine, NULL);
}

/**
 * ops_alerts_view_show_alert:
 * @self: a #OpsAlertsView
 * @alert_id: an Opsdeck alert's number (as the notification's Open action
 *   carries it), or `SOURCE/FINGERPRINT` for an Alertmanager's
 *
 * Selects the alert and opens its detail. An alert that is neither open
 * nor in the history shown is read from the database.
 */
void
ops_alerts_view_show_alert (OpsAlertsView *self,
                            const char    *alert_id)
{
  g_autoptr(OpsAlertsItem) item = NULL;
  gint64 number;

  g_return_if_fail (OPS_IS_ALERTS_VIEW (self));
  g_return_if_fail (alert_id != NULL);

  if (self->rebuild_idle != 0)
    _ops_alerts_view_rebuild (self);

  item = find_item (G_LIST_MODEL (self->open_store), alert_id, NULL);
  if (item == NULL)
    item = find_item (G_LIST_MODEL (self->history_store), alert_id, NULL);
  if (item == NULL && g_ascii_string_to_signed (alert_id, 10, 1, G_MAXINT64, &number, NULL))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OpsAlert) alert = ops_alert_db_get_alert (ops_alert_engine_get_store (self->engine),
                                                           number, &error);

      if (alert == NULL)
        {
          g_debug ("No alert %s: %s", alert_id, error->message);
          return;
        }
      item = ops_alerts_item_new (alert);
    }
  if (item == NULL)
    return;

  /* A filter must not hide the alert that was asked for. */
  if (!_ops_alerts_view_filter (item, self))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->severity_dropdown, 0);
      gtk_drop_down_set_selected (self->state_dropdown, 0);
      gtk_drop_down_set_selected (self->source_dropdown, 0);
      on_filters_changed_cb (self);
    }

  show_item (self, item);
}

/**
 * ops_alerts_view_refresh:
 * @self: a #OpsAlertsView
 *
 * Reads the sources, the history and the figures again.
 */
void
ops_alerts_view_refresh (OpsAlertsView *self)
{
  g_return_if_fail (OPS_IS_ALERTS_VIEW (self));

  _ops_alerts_view_refresh_sources (self);
  _ops_alerts_view_rebuild (self);
}
