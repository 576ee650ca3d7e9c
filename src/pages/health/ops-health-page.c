/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ops-alerts-view.h"
#include "ops-health-card.h"
#include "ops-health-page-private.h"
#include "ops-health-ui.h"

/**
 * OpsHealthPage:
 *
 * The Health tab. Its content is an #AdwViewStack (`views`) whose first
 * view, “checks”, shows a summary and a virtualised grid of cards (a
 * #GtkGridView over a filter and a sort model of the engine's
 * #OpsCheckList) beside the detail of one check, in an #AdwLeaflet that
 * turns the detail into a page of its own at narrow widths. Other views
 * (alerts) can be added to `views`; the switcher in the page's toolbar
 * shows once there is more than one.
 *
 * The search, the filters and the grouping are remembered in the store's
 * settings (`health.*`). Actions live in ops-health-page-actions.c.
 */

G_DEFINE_FINAL_TYPE (OpsHealthPage, ops_health_page, ADW_TYPE_BIN)

static const char *const environment_names[] = { "all", "production", "staging", "development" };
static const char *const status_names[] = { "all", "healthy", "degraded", "down", "unknown", "paused" };

static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
has_tag (OpsCheck   *check,
         const char *tag)
{
  const char *const *tags = ops_check_get_tags (check);

  return tags != NULL && g_strv_contains (tags, tag);
}

static gboolean
status_matches (OpsHealthStatusFilter filter,
                OpsCheck             *check)
{
  gboolean paused = ops_check_get_paused (check) || !ops_check_get_enabled (check);

  switch (filter)
    {
    case OPS_HEALTH_FILTER_ALL:
      return TRUE;
    case OPS_HEALTH_FILTER_PAUSED:
      return paused;
    case OPS_HEALTH_FILTER_HEALTHY:
      return !paused && ops_check_get_status (check) == OPS_HEALTH_STATUS_HEALTHY;
    case OPS_HEALTH_FILTER_DEGRADED:
      return !paused && ops_check_get_status (check) == OPS_HEALTH_STATUS_DEGRADED;
    case OPS_HEALTH_FILTER_DOWN:
      return !paused && ops_check_get_status (check) == OPS_HEALTH_STATUS_DOWN;
    case OPS_HEALTH_FILTER_UNKNOWN:
      return !paused && ops_check_get_status (check) == OPS_HEALTH_STATUS_UNKNOWN;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  OpsHealthPage *self = user_data;
  OpsCheck      *check = item;

  if (g_hash_table_contains (self->pending_deletes, &(gint64){ ops_check_get_id (check) }))
    return FALSE;
  if (self->environment >= 0 && (int)ops_check_get_environment (check) != self->environment)
    return FALSE;
  if (!status_matches (self->status_filter, check))
    return FALSE;
  if (self->tag != NULL && !has_tag (check, self->tag))
    return FALSE;
  if (self->search_text != NULL &&
      !contains_folded (ops_check_get_name (check), self->search_text) &&
      !contains_folded (ops_check_get_target (check), self->search_text))
    return FALSE;

  return TRUE;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  OpsHealthPage *self = user_data;
  OpsCheck      *check_a = (OpsCheck *)a;
  OpsCheck      *check_b = (OpsCheck *)b;
  int            result;

  if (self->group_by_environment)
    {
      result = (int)ops_check_get_environment (check_a) - (int)ops_check_get_environment (check_b);
      if (result != 0)
        return result;
    }

  result = g_ascii_strcasecmp (ops_check_get_name (check_a), ops_check_get_name (check_b));
  if (result != 0)
    return result;

  return ops_check_get_id (check_a) < ops_check_get_id (check_b) ? -1 : 1;
}

static gboolean
refilter_cb (gpointer user_data)
{
  OpsHealthPage *self = user_data;

  self->refilter_id = 0;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  return G_SOURCE_REMOVE;
}

void
_ops_health_page_refilter (OpsHealthPage *self)
{
  g_clear_handle_id (&self->refilter_id, g_source_remove);
  refilter_cb (self);
}

/* A status changed: refilter once per main-loop turn, and only when the
 * status decides what is shown. */
static void
check_state_changed_cb (OpsHealthPage *self)
{
  if (self->status_filter != OPS_HEALTH_FILTER_ALL && self->refilter_id == 0)
    self->refilter_id = g_idle_add (refilter_cb, self);
}

static void
update_content (OpsHealthPage *self)
{
  GListModel *checks = self->engine != NULL
                           ? G_LIST_MODEL (ops_health_engine_get_checks (self->engine))
                           : NULL;
  gboolean    any = checks != NULL && g_list_model_get_n_items (checks) > 0;

  gtk_stack_set_visible_child_name (self->content_stack, any ? "checks" : "empty");
  gtk_stack_set_visible_child_name (self->results_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0
                                        ? "grid"
                                        : "no-results");
}

static void
checks_changed_cb (GListModel    *model,
                   guint          position,
                   guint          removed,
                   guint          added,
                   OpsHealthPage *self)
{
  ops_health_ui_watch_checks (model, position, added, G_CALLBACK (check_state_changed_cb), self);

  /* The detail of a check that is gone closes. */
  if (removed > 0 && ops_health_detail_get_check (self->detail) != NULL &&
      _ops_health_page_lookup (self, ops_check_get_id (ops_health_detail_get_check (self->detail))) == NULL)
    {
      ops_health_detail_set_check (self->detail, NULL);
      adw_leaflet_set_visible_child (self->leaflet, self->main_pane);
    }

  update_content (self);
  _ops_health_page_update_actions (self);
}

static void
visible_changed_cb (OpsHealthPage *self)
{
  update_content (self);
}

/* Cards */

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               OpsHealthPage            *self)
{
  gtk_list_item_set_child (item, ops_health_card_new (self->engine != NULL
                                                          ? ops_health_engine_get_history (self->engine)
                                                          : NULL,
                                                      self->alert_engine));
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              OpsHealthPage            *self)
{
  ops_health_card_set_check (OPS_HEALTH_CARD (gtk_list_item_get_child (item)),
                             gtk_list_item_get_item (item));
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                OpsHealthPage            *self)
{
  ops_health_card_set_check (OPS_HEALTH_CARD (gtk_list_item_get_child (item)), NULL);
}

/* Settings */

static void
save_string (OpsHealthPage *self,
             const char    *key,
             const char    *value)
{
  g_autoptr(GError) error = NULL;

  if (self->settings != NULL && !self->loading_settings &&
      !ops_settings_set_string (self->settings, key, value, &error))
    g_warning ("%s", error->message);
}

static guint
index_of (const char *const *names,
          guint              n_names,
          const char        *name)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;

  return 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

static void
rebuild_tag_list (OpsHealthPage *self)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *checks;
  guint       n;
  guint       selected = 0;

  checks = self->engine != NULL ? G_LIST_MODEL (ops_health_engine_get_checks (self->engine)) : NULL;
  n = checks != NULL ? g_list_model_get_n_items (checks) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpsCheck) check = g_list_model_get_item (checks, i);
      const char *const *check_tags = ops_check_get_tags (check);

      for (guint j = 0; check_tags != NULL && check_tags[j] != NULL; j++)
        if (!g_hash_table_contains (seen, check_tags[j]))
          {
            char *tag = g_strdup (check_tags[j]);

            g_ptr_array_add (tags, tag);
            g_hash_table_add (seen, tag);
          }
    }
  if (self->tag != NULL && !g_hash_table_contains (seen, self->tag))
    g_ptr_array_add (tags, g_strdup (self->tag));
  g_ptr_array_sort (tags, compare_strings);

  self->loading_settings = TRUE;
  gtk_string_list_splice (self->tag_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->tag_list)),
                          NULL);
  gtk_string_list_append (self->tag_list, _("All tags"));
  for (guint i = 0; i < tags->len; i++)
    {
      gtk_string_list_append (self->tag_list, g_ptr_array_index (tags, i));
      if (g_strcmp0 (self->tag, g_ptr_array_index (tags, i)) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_selected (self->tag_dropdown, selected);
  self->loading_settings = FALSE;
}

static void
environment_selected_cb (OpsHealthPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->environment_dropdown);

  if (selected >= G_N_ELEMENTS (environment_names))
    selected = 0;
  self->environment = (int)selected - 1;
  save_string (self, OPS_SETTINGS_KEY_HEALTH_FILTER_ENVIRONMENT, environment_names[selected]);
  _ops_health_page_refilter (self);
}

static void
status_selected_cb (OpsHealthPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (selected >= G_N_ELEMENTS (status_names))
    selected = 0;
  self->status_filter = selected;
  save_string (self, OPS_SETTINGS_KEY_HEALTH_FILTER_STATUS, status_names[selected]);
  _ops_health_page_refilter (self);
}

static void
tag_selected_cb (OpsHealthPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);

  if (self->loading_settings)
    return;

  g_clear_pointer (&self->tag, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    self->tag = g_strdup (gtk_string_list_get_string (self->tag_list, selected));
  save_string (self, OPS_SETTINGS_KEY_HEALTH_FILTER_TAG, self->tag != NULL ? self->tag : "");
  _ops_health_page_refilter (self);
}

static void
group_changed_cb (OpsHealthPage *self)
{
  g_autoptr(GError) error = NULL;

  self->group_by_environment = gtk_switch_get_active (self->group_switch);
  if (self->settings != NULL && !self->loading_settings &&
      !ops_settings_set_boolean (self->settings, OPS_SETTINGS_KEY_HEALTH_GROUP_BY_ENVIRONMENT,
                                 self->group_by_environment, &error))
    g_warning ("%s", error->message);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
load_settings (OpsHealthPage *self)
{
  g_autofree char *environment = NULL;
  g_autofree char *status = NULL;
  g_autofree char *tag = NULL;

  if (self->settings == NULL)
    return;

  environment = ops_settings_dup_string (self->settings, OPS_SETTINGS_KEY_HEALTH_FILTER_ENVIRONMENT);
  status = ops_settings_dup_string (self->settings, OPS_SETTINGS_KEY_HEALTH_FILTER_STATUS);
  tag = ops_settings_dup_string (self->settings, OPS_SETTINGS_KEY_HEALTH_FILTER_TAG);

  self->loading_settings = TRUE;
  g_clear_pointer (&self->tag, g_free);
  if (tag != NULL && *tag != '\0')
    self->tag = g_steal_pointer (&tag);
  gtk_drop_down_set_selected (self->environment_dropdown,
                              index_of (environment_names, G_N_ELEMENTS (environment_names), environment));
  gtk_drop_down_set_selected (self->status_dropdown,
                              index_of (status_names, G_N_ELEMENTS (status_names), status));
  gtk_switch_set_active (self->group_switch,
                         ops_settings_get_boolean (self->settings,
                                                   OPS_SETTINGS_KEY_HEALTH_GROUP_BY_ENVIRONMENT));
  self->loading_settings = FALSE;
  rebuild_tag_list (self);
  _ops_health_page_refilter (self);
}

void
_ops_health_page_clear_filters (OpsHealthPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_text, g_free);
  gtk_drop_down_set_selected (self->environment_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  _ops_health_page_refilter (self);
}

/* Template callbacks */

static void
on_search_changed_cb (OpsHealthPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search_text, g_free);
  if (text != NULL && *text != '\0')
    self->search_text = g_utf8_casefold (text, -1);
  _ops_health_page_refilter (self);
}

static void
on_grid_activate_cb (OpsHealthPage *self,
                     guint          position)
{
  g_autoptr(OpsCheck) check = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (check == NULL)
    return;

  ops_health_detail_set_check (self->detail, check);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

static void
on_folded_changed_cb (OpsHealthPage *self)
{
  ops_health_detail_set_folded (self->detail, adw_leaflet_get_folded (self->leaflet));
  ops_health_summary_set_compact (self->summary, adw_leaflet_get_folded (self->leaflet));
}

static void
views_changed_cb (OpsHealthPage *self)
{
  GtkSelectionModel *pages = adw_view_stack_get_pages (self->views);

  gtk_widget_set_visible (GTK_WIDGET (self->view_switcher),
                          g_list_model_get_n_items (G_LIST_MODEL (pages)) > 1);
  g_object_unref (pages);
}

/* The Alerts view's switcher button carries the number of open alerts,
 * and asks for attention while one of them is firing, not acknowledged. */
static void
open_alerts_changed_cb (OpsHealthPage *self)
{
  GListModel       *open = ops_alert_engine_get_open_alerts (self->alert_engine);
  AdwViewStackPage *page = adw_view_stack_get_page (self->views, self->alerts_view);
  guint             n = g_list_model_get_n_items (open);
  gboolean          firing = FALSE;

  for (guint i = 0; i < n && !firing; i++)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (open, i);

      firing = ops_alert_get_state (alert) == OPS_ALERT_STATE_FIRING;
    }

  adw_view_stack_page_set_badge_number (page, n);
  adw_view_stack_page_set_needs_attention (page, firing);
}

/* An alert changes state (acknowledged) without leaving the open list. */
static void
open_alerts_items_changed_cb (GListModel    *open,
                              guint          position,
                              guint          removed,
                              guint          added,
                              OpsHealthPage *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (open, i);

      g_signal_connect_object (alert, "notify::state", G_CALLBACK (open_alerts_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  open_alerts_changed_cb (self);
}

static void
add_alerts_view (OpsHealthPage *self)
{
  AdwViewStackPage *page;
  GListModel       *open = ops_alert_engine_get_open_alerts (self->alert_engine);

  self->alerts_view = ops_alerts_view_new (self->alert_engine);
  page = adw_view_stack_add_titled (self->views, self->alerts_view, "alerts", _("Alerts"));
  adw_view_stack_page_set_icon_name (page, "alarm-symbolic");

  g_signal_connect_object (open, "items-changed", G_CALLBACK (open_alerts_items_changed_cb), self, 0);
  open_alerts_items_changed_cb (open, 0, 0, g_list_model_get_n_items (open), self);
}

/* The toolbar and the paused bar belong to the checks; the Alerts view
 * has its own search and menu. */
static void
visible_view_changed_cb (OpsHealthPage *self)
{
  gboolean checks = g_strcmp0 (adw_view_stack_get_visible_child_name (self->views), "checks") == 0;

  gtk_widget_set_visible (self->toolbar, checks);
  gtk_widget_set_visible (GTK_WIDGET (self->paused_revealer), checks);
}

static void
filter_popover_shown_cb (OpsHealthPage *self)
{
  rebuild_tag_list (self);
}

static void
ops_health_page_dispose (GObject *object)
{
  OpsHealthPage *self = OPS_HEALTH_PAGE (object);

  _ops_health_page_commit_deletes (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refilter_id, g_source_remove);

  if (self->engine != NULL)
    g_signal_handlers_disconnect_by_data (ops_health_engine_get_checks (self->engine), self);

  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPS_TYPE_HEALTH_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_pointer (&self->pending_deletes, g_hash_table_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_object (&self->engine);
  self->alert_engine = NULL;
  self->settings = NULL;

  G_OBJECT_CLASS (ops_health_page_parent_class)->dispose (object);
}

static void
ops_health_page_class_init (OpsHealthPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_health_page_dispose;

  g_type_ensure (OPS_TYPE_HEALTH_SUMMARY);
  g_type_ensure (OPS_TYPE_HEALTH_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/health/ops-health-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, views);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, paused_revealer);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, main_pane);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, summary);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, grid);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, detail);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, environment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, tag_list);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, group_switch);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthPage, filter_popover);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);

  _ops_health_page_class_init_actions (widget_class);
}

static void
ops_health_page_init (OpsHealthPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkSelectionModel *pages;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->environment = -1;
  self->cancellable = g_cancellable_new ();
  self->pending_deletes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (GTK_SORTER (self->sorter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (visible_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  gtk_grid_view_set_factory (self->grid, factory);
  gtk_grid_view_set_model (self->grid, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->environment_dropdown, "notify::selected",
                            G_CALLBACK (environment_selected_cb), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected",
                            G_CALLBACK (status_selected_cb), self);
  g_signal_connect_swapped (self->tag_dropdown, "notify::selected", G_CALLBACK (tag_selected_cb), self);
  g_signal_connect_swapped (self->group_switch, "notify::active", G_CALLBACK (group_changed_cb), self);
  g_signal_connect_swapped (self->filter_popover, "show", G_CALLBACK (filter_popover_shown_cb), self);

  pages = adw_view_stack_get_pages (self->views);
  g_signal_connect_object (pages, "items-changed", G_CALLBACK (views_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_unref (pages);
  views_changed_cb (self);
  g_signal_connect_object (self->views, "notify::visible-child-name",
                           G_CALLBACK (visible_view_changed_cb), self, G_CONNECT_SWAPPED);

  rebuild_tag_list (self);
  update_content (self);
  _ops_health_page_update_actions (self);
  _ops_health_page_add_shortcuts (self);
}

GtkWidget *
ops_health_page_new (void)
{
  return g_object_new (OPS_TYPE_HEALTH_PAGE, NULL);
}

/**
 * ops_health_page_set_engines:
 * @self: the page
 * @engine: the health engine whose checks the page shows
 * @alert_engine: (nullable): tells which checks are in maintenance
 * @settings: (nullable): where the filters are remembered
 *
 * Connects the page to the application's engines; called once, by the
 * window.
 */
void
ops_health_page_set_engines (OpsHealthPage   *self,
                             OpsHealthEngine *engine,
                             OpsAlertEngine  *alert_engine,
                             OpsSettings     *settings)
{
  OpsCheckList *checks;

  g_return_if_fail (OPS_IS_HEALTH_PAGE (self));
  g_return_if_fail (OPS_IS_HEALTH_ENGINE (engine));
  g_return_if_fail (self->engine == NULL);

  self->engine = g_object_ref (engine);
  self->alert_engine = alert_engine;
  self->settings = settings;
  ops_health_detail_set_engine (self->detail, engine);
  checks = ops_health_engine_get_checks (engine);

  if (alert_engine != NULL)
    add_alerts_view (self);

  load_settings (self);
  g_signal_connect (checks, "items-changed", G_CALLBACK (checks_changed_cb), self);
  g_signal_connect_object (engine, "notify::paused", G_CALLBACK (_ops_health_page_update_actions), self,
                           G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (checks));
  ops_health_summary_set_model (self->summary, G_LIST_MODEL (checks));
  checks_changed_cb (G_LIST_MODEL (checks), 0, 0, g_list_model_get_n_items (G_LIST_MODEL (checks)),
                     self);
}

/**
 * ops_health_page_get_views:
 * @self: the page
 *
 * Returns: (transfer none): the stack of the tab's views; “checks” is the
 *   first, others may be added
 */
AdwViewStack *
ops_health_page_get_views (OpsHealthPage *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_PAGE (self), NULL);

  return self->views;
}

OpsCheck *
_ops_health_page_lookup (OpsHealthPage *self,
                         gint64         id)
{
  if (self->engine == NULL)
    return NULL;

  return ops_check_list_find_by_id (ops_health_engine_get_checks (self->engine), id);
}

GListModel *
_ops_health_page_get_visible_checks (OpsHealthPage *self)
{
  return G_LIST_MODEL (self->sort_model);
}

/**
 * ops_health_page_show_check:
 * @self: the page
 * @check_id: the id of a check, in decimal
 *
 * Shows the checks view with the detail of one check. An unknown id shows
 * the checks without a detail.
 */
void
ops_health_page_show_check (OpsHealthPage *self,
                            const char    *check_id)
{
  gint64    id = 0;
  OpsCheck *check;

  g_return_if_fail (OPS_IS_HEALTH_PAGE (self));
  g_return_if_fail (check_id != NULL);

  adw_view_stack_set_visible_child_name (self->views, "checks");
  if (!g_ascii_string_to_signed (check_id, 10, 1, G_MAXINT64, &id, NULL) ||
      (check = _ops_health_page_lookup (self, id)) == NULL)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->main_pane);
      return;
    }

  ops_health_detail_set_check (self->detail, check);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

/**
 * ops_health_page_show_alert:
 * @self: the page
 * @alert_id: an alert's id: “42”, or “SOURCE/FINGERPRINT” for an
 *   Alertmanager's alert
 *
 * Shows the Alerts view with the detail of one alert.
 *
 * Returns: %FALSE when the page has no Alerts view (alerts did not start)
 */
gboolean
ops_health_page_show_alert (OpsHealthPage *self,
                            const char    *alert_id)
{
  g_return_val_if_fail (OPS_IS_HEALTH_PAGE (self), FALSE);
  g_return_val_if_fail (alert_id != NULL, FALSE);

  if (self->alerts_view == NULL)
    return FALSE;

  adw_view_stack_set_visible_child_name (self->views, "alerts");
  ops_alerts_view_show_alert (OPS_ALERTS_VIEW (self->alerts_view), alert_id);
  return TRUE;
}
