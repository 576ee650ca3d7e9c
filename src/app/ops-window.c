/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "alerts/ops-alert-db.h"
#include "ops-window.h"
#include "pages/dr/ops-dr-page.h"
#include "pages/health/ops-health-page.h"
#include "pages/loadtest/ops-loadtest-page.h"
#include "pages/slack/ops-slack-page.h"
#include "pages/workflows/ops-workflows-page.h"
#include "store/ops-settings.h"

struct _OpsWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwViewStack    *stack;
  OpsHealthPage   *health_page;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;

  /* Owned */
  OpsStore *store;
  guint     reveal_id;

  /* Borrowed */
  OpsSettings *settings;
};

G_DEFINE_FINAL_TYPE (OpsWindow, ops_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The tabs, in the order of Alt+1…Alt+5. */
static const char *const tab_names[] = { "health", "workflows", "slack", "loadtest", "dr" };

static void
save_setting_int (OpsWindow  *self,
                  const char *key,
                  gint64      value)
{
  g_autoptr(GError) error = NULL;

  if (!ops_settings_set_int (self->settings, key, value, &error))
    g_warning ("%s", error->message);
}

static gboolean
ops_window_close_request (GtkWindow *window)
{
  OpsWindow *self = OPS_WINDOW (window);
  g_autoptr(GError) error = NULL;
  int width;
  int height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      if (!gtk_window_is_maximized (window))
        {
          save_setting_int (self, OPS_SETTINGS_KEY_WINDOW_WIDTH, MAX (width, 360));
          save_setting_int (self, OPS_SETTINGS_KEY_WINDOW_HEIGHT, MAX (height, 294));
        }
      if (!ops_settings_set_boolean (self->settings, OPS_SETTINGS_KEY_WINDOW_MAXIMIZED,
                                     gtk_window_is_maximized (window), &error))
        g_warning ("%s", error->message);
    }

  return GTK_WINDOW_CLASS (ops_window_parent_class)->close_request (window);
}

static void
visible_child_name_cb (OpsWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);
  g_autoptr(GError) error = NULL;

  if (self->settings == NULL || name == NULL)
    return;

  if (!ops_settings_set_string (self->settings, OPS_SETTINGS_KEY_WINDOW_LAST_TAB, name, &error))
    g_warning ("%s", error->message);
}

/* OPSDECK_BENCH_FIRST_FRAME=1: print when the first frame was painted,
 * for tests/bench/launch-bench.sh. */
static void
first_frame_painted_cb (GdkFrameClock *clock,
                        OpsWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  g_print ("opsdeck-first-frame %" G_GINT64_FORMAT "\n", g_get_real_time ());
  fflush (stdout);
}

static void
ops_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ops_window_parent_class)->realize (widget);

  if (g_getenv ("OPSDECK_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_frame_painted_cb), widget, 0);
}

static void
show_tab_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ops_window_show_tab (OPS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
ops_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OpsWindow *self = OPS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  OpsWindow *self = OPS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_window_constructed (GObject *object)
{
  OpsWindow *self = OPS_WINDOW (object);

  G_OBJECT_CLASS (ops_window_parent_class)->constructed (object);

  if (self->store == NULL)
    return;

  self->settings = ops_store_get_settings (self->store);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               ops_settings_get_int (self->settings, OPS_SETTINGS_KEY_WINDOW_WIDTH),
                               ops_settings_get_int (self->settings, OPS_SETTINGS_KEY_WINDOW_HEIGHT));
  if (ops_settings_get_boolean (self->settings, OPS_SETTINGS_KEY_WINDOW_MAXIMIZED))
    gtk_window_maximize (GTK_WINDOW (self));

  ops_window_show_tab (self, ops_settings_get_text (self->settings,
                                                    OPS_SETTINGS_KEY_WINDOW_LAST_TAB));

  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (visible_child_name_cb), self, G_CONNECT_SWAPPED);
}

/* The bottom switcher shows when the title has no room for the tabs. The
 * title finds that out while the window is being allocated; revealing the
 * bar right then made GTK 4.8 allocate the bar before measuring it (a
 * warning, and a bar of the wrong height for a frame), so the bar follows
 * from an idle callback, before the next frame. */
static gboolean
reveal_switcher_bar_cb (gpointer user_data)
{
  OpsWindow *self = user_data;

  self->reveal_id = 0;
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
  return G_SOURCE_REMOVE;
}

static void
title_visible_changed_cb (OpsWindow *self)
{
  if (self->reveal_id == 0)
    self->reveal_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reveal_switcher_bar_cb, self, NULL);
}

static void
ops_window_dispose (GObject *object)
{
  OpsWindow *self = OPS_WINDOW (object);

  g_clear_handle_id (&self->reveal_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPS_TYPE_WINDOW);
  self->settings = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ops_window_parent_class)->dispose (object);
}

static void
ops_window_class_init (OpsWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ops_window_constructed;
  object_class->dispose = ops_window_dispose;
  object_class->get_property = ops_window_get_property;
  object_class->set_property = ops_window_set_property;
  window_class->close_request = ops_window_close_request;
  widget_class->realize = ops_window_realize;

  /**
   * OpsWindow:store:
   *
   * The database whose settings keep the window's size and last tab.
   */
  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, OPS_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OPS_TYPE_HEALTH_PAGE);
  g_type_ensure (OPS_TYPE_WORKFLOWS_PAGE);
  g_type_ensure (OPS_TYPE_SLACK_PAGE);
  g_type_ensure (OPS_TYPE_LOADTEST_PAGE);
  g_type_ensure (OPS_TYPE_DR_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/ops-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OpsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OpsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OpsWindow, health_page);
  gtk_widget_class_bind_template_child (widget_class, OpsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, OpsWindow, switcher_bar);

  gtk_widget_class_install_action (widget_class, "win.show-tab", "s", show_tab_action);

  for (guint i = 0; i < G_N_ELEMENTS (tab_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-tab", "s", tab_names[i]);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
ops_window_init (OpsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_changed_cb), self, G_CONNECT_SWAPPED);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

OpsWindow *
ops_window_new (OpsApplication *application)
{
  OpsWindow *self;

  g_return_val_if_fail (OPS_IS_APPLICATION (application), NULL);

  self = g_object_new (OPS_TYPE_WINDOW,
                       "application", application,
                       "store", ops_application_get_store (application),
                       NULL);

  /* The Health tab shows the checks the application's engine watches. */
  if (ops_application_get_health_engine (application) != NULL)
    ops_health_page_set_engines (self->health_page, ops_application_get_health_engine (application),
                                 ops_application_get_alert_engine (application), self->settings);

  return self;
}

/**
 * ops_window_show_tab:
 * @self: a #OpsWindow
 * @name: `health`, `workflows`, `slack`, `loadtest` or `dr`
 *
 * Shows a tab; an unknown name shows Health.
 */
void
ops_window_show_tab (OpsWindow  *self,
                     const char *name)
{
  g_return_if_fail (OPS_IS_WINDOW (self));

  if (name == NULL || adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    name = tab_names[0];

  adw_view_stack_set_visible_child_name (self->stack, name);
}

/**
 * ops_window_get_tab:
 * @self: a #OpsWindow
 *
 * Returns: (transfer none): the name of the visible tab
 */
const char *
ops_window_get_tab (OpsWindow *self)
{
  g_return_val_if_fail (OPS_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * ops_window_add_toast:
 * @self: a #OpsWindow
 * @toast: (transfer full): a toast
 */
void
ops_window_add_toast (OpsWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (OPS_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * ops_window_show_alert:
 * @self: a #OpsWindow
 * @alert_id: an alert
 *
 * Shows an alert in the Alerts view of the Health tab. When alerts did not
 * start, the Health tab shows and a toast says which alert and why.
 */
void
ops_window_show_alert (OpsWindow *self,
                       gint64     alert_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlert) alert = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast        *toast;

  g_return_if_fail (OPS_IS_WINDOW (self));

  ops_window_show_tab (self, "health");

  id = g_strdup_printf ("%" G_GINT64_FORMAT, alert_id);
  if (ops_health_page_show_alert (self->health_page, id))
    return;

  alert = ops_alert_db_get_alert (self->store, alert_id, &error);
  if (alert == NULL)
    title = g_strdup (error->message);
  else
    /* Translators: a toast: the check, the alert's state, and its cause */
    title = g_strdup_printf (_("%s — %s: %s"), ops_alert_get_check_name (alert),
                             ops_alert_state_to_label (ops_alert_get_state (alert)),
                             ops_alert_get_cause (alert));

  /* A toast's title is markup. */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 10);
  ops_window_add_toast (self, toast);
}
