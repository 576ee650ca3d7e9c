/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <adwaita.h>

#include "ops-application.h"
#include "ops-preferences-window.h"
#include "ops-test-health-page.h"
#include "ops-test-util.h"
#include "ops-window.h"
#include "store/ops-settings.h"

/* The window and its parts, built from their templates under Xvfb. Every
 * critical or warning fails the test, so a broken template shows here. */

static const char *const tab_names[] = { "health", "workflows", "slack", "loadtest", "dr" };

/* Each test has its own application, with an id of its own on the bus. */
static OpsApplication *
new_unregistered_application (void)
{
  static guint     counter;
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APPLICATION_ID, ++counter);
  OpsApplication  *app = ops_application_new ();

  g_application_set_application_id (G_APPLICATION (app), id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);

  return app;
}

static OpsApplication *
new_application (void)
{
  g_autoptr(GError) error = NULL;
  OpsApplication *app;

  ops_test_fresh_data_dir ();
  app = new_unregistered_application ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ops_application_get_store (app));

  return app;
}

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
destroy_all_windows (OpsApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  flush_events ();
}

static void
test_resources (void)
{
  static const char *const paths[] = {
    "/io/github/opsdeck/Opsdeck/style.css",
    "/io/github/opsdeck/Opsdeck/gtk/help-overlay.ui",
    "/io/github/opsdeck/Opsdeck/ui/ops-window.ui",
    "/io/github/opsdeck/Opsdeck/ui/ops-preferences-window.ui",
    "/io/github/opsdeck/Opsdeck/ui/health/ops-health-page.ui",
    "/io/github/opsdeck/Opsdeck/ui/workflows/ops-workflows-page.ui",
    "/io/github/opsdeck/Opsdeck/ui/slack/ops-slack-page.ui",
    "/io/github/opsdeck/Opsdeck/ui/loadtest/ops-loadtest-page.ui",
    "/io/github/opsdeck/Opsdeck/ui/dr/ops-dr-page.ui",
    "/io/github/opsdeck/Opsdeck/icons/scalable/actions/opsdeck-health-symbolic.svg",
    "/io/github/opsdeck/Opsdeck/icons/scalable/actions/opsdeck-workflows-symbolic.svg",
    "/io/github/opsdeck/Opsdeck/icons/scalable/actions/opsdeck-slack-symbolic.svg",
    "/io/github/opsdeck/Opsdeck/icons/scalable/actions/opsdeck-loadtest-symbolic.svg",
    "/io/github/opsdeck/Opsdeck/icons/scalable/actions/opsdeck-recovery-symbolic.svg",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (paths[i], 0, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
    }

  /* The symbolic icons of the tabs are found by the icon theme. */
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

    gtk_icon_theme_add_resource_path (theme, "/io/github/opsdeck/Opsdeck/icons");
    g_assert_true (gtk_icon_theme_has_icon (theme, "opsdeck-health-symbolic"));
    g_assert_true (gtk_icon_theme_has_icon (theme, "opsdeck-recovery-symbolic"));
  }
}

static void
test_tabs (void)
{
  g_autoptr(OpsApplication) app = new_application ();
  OpsWindow *window = ops_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  flush_events ();

  g_assert_cmpstr (ops_window_get_tab (window), ==, "health");

  for (guint i = 0; i < G_N_ELEMENTS (tab_names); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tab", "s",
                                                 tab_names[i]));
      g_assert_cmpstr (ops_window_get_tab (window), ==, tab_names[i]);
    }

  /* An unknown tab, such as one a newer version saved, falls back to Health. */
  ops_window_show_tab (window, "dashboards");
  g_assert_cmpstr (ops_window_get_tab (window), ==, "health");

  destroy_all_windows (app);
}

static gboolean
bar_revealed (gpointer data)
{
  return adw_view_switcher_bar_get_reveal (data);
}

static gboolean
bar_hidden (gpointer data)
{
  return !adw_view_switcher_bar_get_reveal (data);
}

/* Narrow, the tabs move from the header bar to a bar at the bottom, and
 * back when the window is wide again; every warning is fatal here, so
 * going from wide to narrow in one step must not upset GTK's layout. */
static void
test_narrow (void)
{
  g_autoptr(OpsApplication) app = new_application ();
  OpsWindow          *window = ops_window_new (app);
  AdwViewSwitcherBar *bar;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();
  bar = ADW_VIEW_SWITCHER_BAR (ops_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR,
                                                     NULL));
  g_assert_true (ops_test_wait_until (bar_hidden, bar, 5000));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  g_assert_true (ops_test_wait_until (bar_revealed, bar, 5000));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (ops_test_wait_until (bar_hidden, bar, 5000));

  destroy_all_windows (app);
}

static void
test_state_remembered (void)
{
  g_autoptr(OpsApplication) app = new_application ();
  OpsSettings *settings = ops_store_get_settings (ops_application_get_store (app));
  OpsWindow   *window = ops_window_new (app);
  int          width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();
  ops_window_show_tab (window, "slack");

  g_assert_cmpstr (ops_settings_get_text (settings, OPS_SETTINGS_KEY_WINDOW_LAST_TAB), ==, "slack");

  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  g_assert_cmpint (ops_settings_get_int (settings, OPS_SETTINGS_KEY_WINDOW_WIDTH), ==, 900);
  g_assert_cmpint (ops_settings_get_int (settings, OPS_SETTINGS_KEY_WINDOW_HEIGHT), ==, 640);
  g_assert_false (ops_settings_get_boolean (settings, OPS_SETTINGS_KEY_WINDOW_MAXIMIZED));

  /* A new window opens where the last one was left. */
  window = ops_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (ops_window_get_tab (window), ==, "slack");

  destroy_all_windows (app);
}

static void
test_preferences (void)
{
  g_autoptr(OpsApplication) app = new_application ();
  OpsStore    *store = ops_application_get_store (app);
  OpsSettings *settings = ops_store_get_settings (store);
  g_autoptr(GError) error = NULL;
  GtkWidget     *preferences = ops_preferences_window_new (store);
  GtkSwitch     *background;
  GtkSpinButton *retention;

  gtk_window_present (GTK_WINDOW (preferences));
  flush_events ();

  background = GTK_SWITCH (ops_test_find_widget (preferences, GTK_TYPE_SWITCH, NULL));
  retention = GTK_SPIN_BUTTON (ops_test_find_widget (preferences, GTK_TYPE_SPIN_BUTTON, NULL));
  g_assert_nonnull (background);
  g_assert_nonnull (retention);

  /* The controls show the stored values and write changes back. */
  g_assert_true (gtk_switch_get_active (background));
  g_assert_cmpfloat (gtk_spin_button_get_value (retention), ==, 30.0);

  gtk_switch_set_active (background, FALSE);
  g_assert_false (ops_settings_get_boolean (settings, OPS_SETTINGS_KEY_RUN_IN_BACKGROUND));
  gtk_spin_button_set_value (retention, 90);
  g_assert_cmpint (ops_settings_get_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS), ==, 90);

  ops_settings_set_int (settings, OPS_SETTINGS_KEY_RETENTION_DAYS, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (gtk_spin_button_get_value (retention), ==, 7.0);

  gtk_window_destroy (GTK_WINDOW (preferences));
  destroy_all_windows (app);
}

static void
test_app_actions (void)
{
  g_autoptr(OpsApplication) app = new_application ();
  gboolean found_about = FALSE;
  GList   *windows;
  gboolean found_preferences = FALSE;

  g_application_activate (G_APPLICATION (app));
  flush_events ();
  g_assert_true (OPS_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  flush_events ();

  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      {
        found_about = TRUE;
        g_assert_cmpstr (adw_about_window_get_version (l->data), ==, PACKAGE_VERSION);
        g_assert_cmpstr (adw_about_window_get_issue_url (l->data), ==, PACKAGE_BUGREPORT);
        g_assert_cmpint (adw_about_window_get_license_type (l->data), ==, GTK_LICENSE_GPL_3_0);
      }
    else if (OPS_IS_PREFERENCES_WINDOW (l->data))
      found_preferences = TRUE;
  g_assert_true (found_about);
  g_assert_true (found_preferences);

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data) || OPS_IS_PREFERENCES_WINDOW (l->data))
      gtk_window_destroy (l->data);
  g_list_free (windows);
  destroy_all_windows (app);
}

static void
test_store_error_window (void)
{
  g_autoptr(OpsApplication) app = NULL;
  g_autofree char *dir = ops_test_fresh_data_dir ();
  g_autofree char *path = g_build_filename (dir, "opsdeck.db", NULL);
  GtkWindow       *window;

  ops_test_sqlite_exec (path, "CREATE TABLE t (x); PRAGMA user_version = 777;");

  app = new_unregistered_application ();
  g_test_expect_message ("ops-application", G_LOG_LEVEL_WARNING, "*newer version of Opsdeck*");
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_test_assert_expected_messages ();
  g_assert_null (ops_application_get_store (app));

  /* The app explains itself instead of opening an empty window. */
  g_application_activate (G_APPLICATION (app));
  flush_events ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  g_assert_false (OPS_IS_WINDOW (window));
  g_assert_nonnull (ops_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_cmpint (ops_test_sqlite_int (path, "PRAGMA user_version"), ==, 777);

  destroy_all_windows (app);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init_ui (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/opsdeck/ui/resources", test_resources);
  g_test_add_func ("/opsdeck/ui/tabs", test_tabs);
  g_test_add_func ("/opsdeck/ui/narrow", test_narrow);
  g_test_add_func ("/opsdeck/ui/state-remembered", test_state_remembered);
  g_test_add_func ("/opsdeck/ui/preferences", test_preferences);
  g_test_add_func ("/opsdeck/ui/app-actions", test_app_actions);
  g_test_add_func ("/opsdeck/ui/store-error-window", test_store_error_window);

  return g_test_run ();
}
