/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "alerts/ops-alert-db.h"
#include "ops-alert-detail.h"
#include "ops-alert-maintenance-dialog.h"
#include "ops-alert-rules-dialog.h"
#include "ops-alerts-item.h"
#include "ops-alerts-view.h"

/* The Alerts view: open alerts, root causes first with their dependents
 * after them; the figures of the last 7 and 30 days; the history, a page
 * at a time; and the detail of the selected alert beside them, or over
 * them when the window is narrow. */

#define HISTORY_PAGE      50
#define SOURCES_REFRESH_S 60

struct _OpsAlertsView
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwLeaflet     *leaflet;
  GtkSearchEntry *search_entry;
  GtkDropDown    *severity_dropdown;
  GtkDropDown    *state_dropdown;
  GtkDropDown    *source_dropdown;
  GtkStringList  *sources_model;
  GtkRevealer    *source_error_revealer;
  GtkLabel       *source_error_label;
  AdwStatusPage  *empty_page;
  GtkLabel       *no_match_label;
  GtkListBox     *open_list;
  GtkGrid        *stats_grid;
  GtkLabel       *history_empty_label;
  GtkListBox     *history_list;
  GtkButton      *more_button;
  OpsAlertDetail *detail;

  /* Owned */
  OpsAlertEngine *engine;
  GListStore     *open_store;    /* OpsAlertsItem, in the order shown */
  GListStore     *history_store; /* OpsAlertsItem */
  GtkFilter      *filter;
  GPtrArray      *watched;       /* OpsAlert whose changes we follow */
  GHashTable     *source_alerts; /* source name → GPtrArray of OpsAlertsItem */
  GHashTable     *source_errors; /* source name → message */
  GCancellable   *cancellable;
  guint           rebuild_idle;
  guint           refresh_timeout;
  guint           history_pages;
  gboolean        history_more;
  char           *selected_id;
};

G_DEFINE_FINAL_TYPE (OpsAlertsView, ops_alerts_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_ENGINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SEVERITY_ANY,
  SEVERITY_CRITICAL,
  SEVERITY_WARNING,
};

enum
{
  SOURCE_ANY,
  SOURCE_OPSDECK,
};

static void rebuild (OpsAlertsView *self);

static gint64
now_usec (OpsAlertsView *self)
{
  return ops_clock_get_real (ops_alert_engine_get_clock (self->engine));
}

/* Rows */

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  OpsAlertsView   *self = user_data;
  OpsAlertsItem   *alert = item;
  OpsSeverity      severity = ops_alerts_item_get_severity (alert);
  const char      *blocked_by = ops_alerts_item_get_blocked_by (alert);
  const char      *source = ops_alerts_item_get_source (alert);
  g_autofree char *value = ops_alerts_item_dup_value (alert);
  g_autofree char *since = ops_alerts_format_since (ops_alerts_item_get_since (alert), now_usec (self));
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

/* Filters */

static gboolean
filter_cb (gpointer item,
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
  guint n_open = g_list_model_get_n_items (G_LIST_MODEL (self->open_store));
  guint shown_open = gtk_widget_get_first_child (GTK_WIDGET (self->open_list)) != NULL;
  guint shown_history = gtk_widget_get_first_child (GTK_WIDGET (self->history_list)) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n_open == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), n_open > 0 && !shown_open);
  gtk_widget_set_visible (GTK_WIDGET (self->open_list), shown_open);
  gtk_widget_set_visible (GTK_WIDGET (self->history_empty_label), !shown_history);
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), shown_history);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->history_more);
}

static void
on_filters_changed_cb (OpsAlertsView *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
}

/* Open alerts, in order */

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

static void
watch_alert_cb (OpsAlertsView *self)
{
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add_once ((GSourceOnceFunc)rebuild, self);
}

static void
unwatch_all (OpsAlertsView *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

/* The open alerts: each root cause, then the alerts it blocks. An alert
 * blocked by a check with no open alert is a root of its own. */
static void
rebuild_open (OpsAlertsView *self)
{
  GListModel *open = ops_alert_engine_get_open_alerts (self->engine);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autoptr(GHashTable) services = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer       value;

  unwatch_all (self);
  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (open, i);

      g_signal_connect_swapped (alert, "notify", G_CALLBACK (watch_alert_cb), self);
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

/* History and figures */

static void
add_figure (OpsAlertsView *self,
            int            column,
            int            row,
            const char    *text,
            gboolean       heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->stats_grid, label, column, row, 1, 1);
}

static char *
format_mean (double seconds)
{
  if (seconds < 0)
    /* Translators: no mean time, as nothing was acknowledged or resolved */
    return g_strdup (_("none yet"));
  return ops_alert_format_duration ((gint64)(seconds + 0.5));
}

static void
refresh_stats (OpsAlertsView *self)
{
  static const int days[] = { 7, 30 };
  OpsStore        *store = ops_alert_engine_get_store (self->engine);
  gint64           now = now_usec (self);
  GtkWidget       *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stats_grid))) != NULL)
    gtk_grid_remove (self->stats_grid, child);

  add_figure (self, 1, 0, _("Last 7 days"), TRUE);
  add_figure (self, 2, 0, _("Last 30 days"), TRUE);
  /* Translators: mean time to acknowledge */
  add_figure (self, 0, 1, _("MTTA"), TRUE);
  /* Translators: mean time to resolve */
  add_figure (self, 0, 2, _("MTTR"), TRUE);
  add_figure (self, 0, 3, _("Alerts per day"), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GError) error = NULL;
      OpsAlertStats stats = { 0 };

      if (!ops_alert_db_query_stats (store, now - (gint64)days[i] * 86400 * G_USEC_PER_SEC, now,
                                     &stats, &error))
        {
          add_figure (self, i + 1, 1, error->message, FALSE);
          continue;
        }

      {
        g_autofree char *mtta = format_mean (stats.mtta_seconds);
        g_autofree char *mttr = format_mean (stats.mttr_seconds);
        /* Two decimals below one a day, so that a few alerts a month do
         * not read as none. */
        g_autofree char *per_day = g_strdup_printf (stats.per_day > 0 && stats.per_day < 1 ? "%.2f" : "%.1f",
                                                    stats.per_day);

        add_figure (self, i + 1, 1, mtta, FALSE);
        add_figure (self, i + 1, 2, mttr, FALSE);
        add_figure (self, i + 1, 3, per_day, FALSE);
      }
    }
}

static void
refresh_history (OpsAlertsView *self)
{
  OpsAlertQuery query = OPS_ALERT_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  /* One more than shown, to know whether there are older ones. */
  query.state = OPS_ALERT_STATE_RESOLVED;
  query.limit = self->history_pages * HISTORY_PAGE + 1;
  alerts = ops_alert_db_list_alerts (ops_alert_engine_get_store (self->engine), &query, &error);
  if (alerts == NULL)
    {
      g_warning ("Could not read the alert history: %s", error->message);
      return;
    }

  self->history_more = alerts->len > self->history_pages * HISTORY_PAGE;
  for (guint i = 0; i < MIN (alerts->len, self->history_pages * HISTORY_PAGE); i++)
    g_ptr_array_add (items, ops_alerts_item_new (g_ptr_array_index (alerts, i)));

  g_list_store_splice (self->history_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->history_store)),
                       items->pdata, items->len);
  refresh_stats (self);
}

static void
rebuild (OpsAlertsView *self)
{
  self->rebuild_idle = 0;
  rebuild_open (self);
  refresh_history (self);
  update_visibility (self);
}

/* Alertmanager sources */

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
  rebuild (self);
  source_fetch_free (fetch);
}

static void
refresh_sources (OpsAlertsView *self)
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
  g_signal_handlers_block_by_func (self->source_dropdown, on_filters_changed_cb, self);
  gtk_string_list_splice (self->sources_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->sources_model)),
                          (const char *const *)names->pdata);
  gtk_drop_down_set_selected (self->source_dropdown, selected == SOURCE_OPSDECK ? SOURCE_OPSDECK : SOURCE_ANY);
  for (guint i = 2; selected_name != NULL && i < names->len - 1; i++)
    if (g_str_equal (names->pdata[i], selected_name))
      gtk_drop_down_set_selected (self->source_dropdown, i);
  g_signal_handlers_unblock_by_func (self->source_dropdown, on_filters_changed_cb, self);

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
  on_filters_changed_cb (self);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  OpsAlertsView *self = user_data;

  refresh_sources (self);
  rebuild (self);
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
  refresh_sources (self);
  rebuild (self);
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
  refresh_history (self);
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
open_items_changed_cb (OpsAlertsView *self)
{
  watch_alert_cb (self);
}

static void
ops_alerts_view_constructed (GObject *object)
{
  OpsAlertsView *self = OPS_ALERTS_VIEW (object);

  G_OBJECT_CLASS (ops_alerts_view_parent_class)->constructed (object);

  g_assert (OPS_IS_ALERT_ENGINE (self->engine));

  ops_alert_detail_set_engine (self->detail, self->engine);
  g_signal_connect_object (ops_alert_engine_get_open_alerts (self->engine), "items-changed",
                           G_CALLBACK (open_items_changed_cb), self, G_CONNECT_SWAPPED);
  self->refresh_timeout = g_timeout_add_seconds (SOURCES_REFRESH_S, refresh_timeout_cb, self);
  refresh_sources (self);
  rebuild (self);
}

static void
ops_alerts_view_dispose (GObject *object)
{
  OpsAlertsView *self = OPS_ALERTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_clear_handle_id (&self->refresh_timeout, g_source_remove);
  if (self->watched != NULL)
    unwatch_all (self);

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

  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_cb, self, NULL));
  open_filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->open_store)),
                                             g_object_ref (self->filter));
  history_filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->history_store)),
                                                g_object_ref (self->filter));
  gtk_list_box_bind_model (self->open_list, G_LIST_MODEL (open_filtered), create_row_cb, self, NULL);
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (history_filtered), create_row_cb, self, NULL);
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
    {
      g_clear_handle_id (&self->rebuild_idle, g_source_remove);
      rebuild (self);
    }

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
  if (!filter_cb (item, self))
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

  refresh_sources (self);
  rebuild (self);
}
