/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <math.h>

#include "ops-test-health-page.h"
#include "ops-test-nginx.h"
#include "ops-test-node-exporter.h"
#include "ops-test-util.h"
#include "pages/health/ops-check-dialog.h"

/* Pictures of the Health tab, light and dark, wide and narrow, saved as
 * PNG under the build folder (screenshots/) for a person to look at. The
 * checks probe a real nginx (up) and a closed port (down). */

typedef struct
{
  OpsTestHealthPage page;
  OpsTestNginx        *nginx;
  OpsTestNodeExporter *node_exporter;
  OpsCheck            *api;
  OpsCheck            *host;
  guint                host_results;
} Fixture;

static gboolean
all_probed (gpointer data)
{
  Fixture    *fixture = data;
  GListModel *checks = G_LIST_MODEL (ops_health_engine_get_checks (fixture->page.engine));

  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      g_autoptr(OpsCheck) check = g_list_model_get_item (checks, i);

      if (!ops_check_get_paused (check) && ops_check_get_status (check) == OPS_HEALTH_STATUS_UNKNOWN)
        return FALSE;
    }

  return TRUE;
}

static OpsCheck *
add (Fixture       *fixture,
     OpsCheckKind   kind,
     const char    *name,
     const char    *target,
     OpsEnvironment environment,
     const char    *tag)
{
  return ops_test_health_page_add (&fixture->page, kind, name, target, environment, tag);
}

typedef struct
{
  GtkWidget *window;
  int        width;
} Size;

static gboolean
has_width (gpointer data)
{
  Size *size = data;

  /* Within the window's own frame: the screen may take a few pixels. */
  return ABS (gtk_widget_get_width (size->window) - size->width) <= 20;
}

static gboolean
one_frame_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *)data;
}

static void
wait_frames (GtkWidget *window,
             int        n)
{
  for (int i = 0; i < n; i++)
    {
      gboolean painted = FALSE;

      gtk_widget_add_tick_callback (window, one_frame_cb, &painted, NULL);
      g_assert_true (ops_test_wait_for (flag_set, &painted));
    }
  ops_test_flush_events ();
}

/* Renders the window as it is on screen into a PNG. */
static void
save_window (GtkWidget  *window,
             const char *name,
             int         width,
             int         height)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s/%s.png", dir, name);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  Size         size = { window, width };

  if (!has_width (&size))
    {
      /* A shown window keeps its size: show it again at the new one. */
      gtk_widget_hide (window);
      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      gtk_window_present (GTK_WINDOW (window));
    }
  if (!ops_test_wait_for (has_width, &size))
    g_error ("The window is %d pixels wide, not %d.", gtk_widget_get_width (window), width);
  /* Two frames: the layout, then the paint of what it placed. */
  wait_frames (window, 2);

  width = gtk_widget_get_width (window);
  gdk_paintable_snapshot (paintable, snapshot, width, gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_test_message ("saved %s", file);
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WIDGET (window);
    }

  g_assert_not_reached ();
}

/* A day of stored results, one every 30 seconds (the check's interval),
 * a few of them slow or failed, so that the charts have a history to draw. */
static void
store_history (Fixture  *fixture,
               OpsCheck *check)
{
  OpsHistory *history = ops_health_engine_get_history (fixture->page.engine);
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();

  for (guint i = 0; i < 2880; i++)
    {
      gint64 time = now - (gint64)(2880 - i) * 30 * G_USEC_PER_SEC;
      g_autoptr(OpsCheckResult) result = ops_check_result_new (ops_check_get_id (check), time);
      OpsHealthStatus status = i % 311 < 3 ? OPS_HEALTH_STATUS_DOWN
                               : i % 173 < 4 ? OPS_HEALTH_STATUS_DEGRADED
                                             : OPS_HEALTH_STATUS_HEALTHY;

      ops_check_result_set_status (result, status);
      ops_check_result_set_total_us (result, 20000 + (i % 40) * 900 + (status == OPS_HEALTH_STATUS_DEGRADED ? 250000 : 0));
      ops_history_append (history, result, status);
    }
  ops_history_flush_sync (history, &error);
  g_assert_no_error (error);
}

/* The hour before: a host's stored figures, one result per interval of
 * the check (as the engine would have stored them), so that its charts
 * have a history to draw as lines. */
static void
store_host_history (Fixture  *fixture,
                    OpsCheck *check)
{
  OpsHistory *history = ops_health_engine_get_history (fixture->page.engine);
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();
  gint64 step = (gint64)ops_check_get_interval_ms (check) * 1000;
  guint  n = (guint)(G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC / step);

  for (guint i = 0; i < n; i++)
    {
      gint64 time = now - (gint64)(n - i) * step;
      g_autoptr(OpsCheckResult) result = ops_check_result_new (ops_check_get_id (check), time);
      static const struct
      {
        OpsHostMetric metric;
        double        base;
        double        swing;
      } figures[] = {
        { OPS_HOST_METRIC_CPU, 35, 25 },
        { OPS_HOST_METRIC_MEMORY, 62, 6 },
        { OPS_HOST_METRIC_DISK, 71, 0.5 },
        { OPS_HOST_METRIC_RECEIVED, 180000, 120000 },
        { OPS_HOST_METRIC_SENT, 60000, 40000 },
        { OPS_HOST_METRIC_SCORE, 72, 6 },
      };

      ops_check_result_set_status (result, OPS_HEALTH_STATUS_HEALTHY);
      ops_check_result_set_total_us (result, 4000);
      for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
        ops_check_result_set_detail_double (result, ops_host_metric_get_detail_key (figures[f].metric),
                                            figures[f].base +
                                                figures[f].swing *
                                                    sin ((double)(i * step) / (30.0 * G_USEC_PER_SEC * (7.0 + f))));
      ops_history_append (history, result, OPS_HEALTH_STATUS_HEALTHY);
    }
  ops_history_flush_sync (history, &error);
  g_assert_no_error (error);
}

static gboolean
host_charted (gpointer data)
{
  Fixture *fixture = data;

  return fixture->host_results >= 4;
}

static void
host_result_cb (OpsCheck   *check,
                GParamSpec *pspec,
                Fixture    *fixture)
{
  fixture->host_results++;
}

static void
setup (Fixture      *fixture,
       gconstpointer data)
{
  g_autofree char *health = NULL;
  g_autofree char *slow = NULL;
  g_autoptr(OpsCheck) docs = NULL;

  fixture->nginx = ops_test_nginx_start ("location = /health { return 200 \"fine\"; }\n"
                                         "location = /missing { return 503 \"maintenance\"; }\n",
                                         NULL, NULL);
  ops_test_health_page_open (&fixture->page);
  /* A fresh install first. */
  save_window (GTK_WIDGET (fixture->page.window), "health-light-empty", 1200, 760);

  health = ops_test_nginx_url (fixture->nginx, "/health");
  slow = ops_test_nginx_url (fixture->nginx, "/missing");
  fixture->api = add (fixture, OPS_CHECK_KIND_HTTP, "Public API", health, OPS_ENVIRONMENT_PRODUCTION, "api");
  store_history (fixture, fixture->api);
  g_object_unref (add (fixture, OPS_CHECK_KIND_HTTP, "Checkout service", slow,
                       OPS_ENVIRONMENT_PRODUCTION, "shop"));
  g_object_unref (add (fixture, OPS_CHECK_KIND_TCP, "Orders database", "127.0.0.1:1",
                       OPS_ENVIRONMENT_PRODUCTION, "db"));
  g_object_unref (add (fixture, OPS_CHECK_KIND_DNS, "Internal resolver", "localhost",
                       OPS_ENVIRONMENT_STAGING, "dns"));
  g_object_unref (add (fixture, OPS_CHECK_KIND_HTTP, "Staging API", health, OPS_ENVIRONMENT_STAGING,
                       "api"));
  docs = add (fixture, OPS_CHECK_KIND_HTTP, "Documentation site", health,
              OPS_ENVIRONMENT_DEVELOPMENT, "docs");
  ops_check_set_paused (docs, TRUE);

  /* A host's figures: an hour stored, then a few results of the real
   * node_exporter, charted from the history. */
  fixture->node_exporter = ops_test_node_exporter_start ();
  {
    g_autofree char *metrics = ops_test_node_exporter_url (fixture->node_exporter);
    g_autoptr(OpsCheck) host = ops_check_new (OPS_CHECK_KIND_PROMETHEUS, "Build host", metrics);
    g_autoptr(GError) error = NULL;

    ops_check_set_environment (host, OPS_ENVIRONMENT_STAGING);
    ops_check_set_interval_ms (host, 1000);
    ops_check_set_timeout_ms (host, 1000);
    ops_check_list_add (ops_health_engine_get_checks (fixture->page.engine), host, &error);
    g_assert_no_error (error);
    store_host_history (fixture, host);
    g_signal_connect (host, "notify::last-result", G_CALLBACK (host_result_cb), fixture);
    fixture->host = g_steal_pointer (&host);
  }
  g_assert_true (ops_test_wait_for (host_charted, fixture));
  /* Stored: the detail's charts read them from the history. */
  ops_history_flush_sync (ops_health_engine_get_history (fixture->page.engine), NULL);

  /* F5: every running check now, rather than within its interval. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page.page), "health.check-all", NULL));
  g_assert_true (ops_test_wait_for (all_probed, fixture));
}

static void
teardown (Fixture      *fixture,
          gconstpointer data)
{
  g_clear_object (&fixture->api);
  if (fixture->host != NULL)
    g_signal_handlers_disconnect_by_data (fixture->host, fixture);
  g_clear_object (&fixture->host);
  ops_test_health_page_close (&fixture->page);
  ops_test_nginx_stop (fixture->nginx);
  ops_test_node_exporter_stop (fixture->node_exporter);
}

/* The host's figures are at the end of the detail. */
static void
scroll_detail_to_end (Fixture *fixture)
{
  GtkWidget     *history = GTK_WIDGET (ops_health_detail_get_history_view (fixture->page.page->detail));
  GtkWidget     *scrolled = gtk_widget_get_ancestor (history, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  wait_frames (GTK_WIDGET (fixture->page.window), 2);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
test_screenshots (Fixture      *fixture,
                  gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget       *window = GTK_WIDGET (fixture->page.window);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ops_check_get_id (fixture->api));
  g_autofree char *host_id = g_strdup_printf ("%" G_GINT64_FORMAT, ops_check_get_id (fixture->host));
  static const struct
  {
    AdwColorScheme scheme;
    const char    *name;
  } schemes[] = {
    { ADW_COLOR_SCHEME_FORCE_LIGHT, "light" },
    { ADW_COLOR_SCHEME_FORCE_DARK, "dark" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *wide = g_strdup_printf ("health-%s-wide", schemes[i].name);
      g_autofree char *detail = g_strdup_printf ("health-%s-wide-detail", schemes[i].name);
      g_autofree char *narrow = g_strdup_printf ("health-%s-narrow", schemes[i].name);
      g_autofree char *narrow_detail = g_strdup_printf ("health-%s-narrow-detail", schemes[i].name);
      g_autofree char *host = g_strdup_printf ("health-%s-wide-host", schemes[i].name);

      adw_style_manager_set_color_scheme (style, schemes[i].scheme);

      gtk_widget_activate_action (GTK_WIDGET (fixture->page.page), "health.close-detail", NULL);
      save_window (window, wide, 1200, 760);
      ops_health_page_show_check (fixture->page.page, id);
      save_window (window, detail, 1200, 760);
      ops_health_page_show_check (fixture->page.page, host_id);
      scroll_detail_to_end (fixture);
      save_window (window, host, 1200, 760);

      gtk_widget_activate_action (GTK_WIDGET (fixture->page.page), "health.close-detail", NULL);
      save_window (window, narrow, 360, 720);
      ops_health_page_show_check (fixture->page.page, id);
      save_window (window, narrow_detail, 360, 720);
    }

  /* The dialog, with a problem to show. */
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *dialog_wide = g_strdup_printf ("health-%s-dialog", schemes[i].name);
      g_autofree char *dialog_narrow = g_strdup_printf ("health-%s-dialog-narrow", schemes[i].name);
      GtkWidget       *dialog;

      adw_style_manager_set_color_scheme (style, schemes[i].scheme);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page.page), "health.edit", "x",
                                                 ops_check_get_id (fixture->api)));
      dialog = find_toplevel (OPS_TYPE_CHECK_DIALOG);
      gtk_editable_set_text (GTK_EDITABLE (ops_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "Target")),
                             "api.example.com/health");
      save_window (dialog, dialog_wide, 560, 720);
      save_window (dialog, dialog_narrow, 360, 720);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init_ui (&argc, &argv);
  gtk_init ();
  adw_init ();
  /* GNOME's title buttons (Xvfb has no desktop to say so): with three of
   * them, the window's own header bar is wider than a phone. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_add ("/opsdeck/health-page/screenshots", Fixture, NULL, setup, test_screenshots, teardown);

  return g_test_run ();
}
