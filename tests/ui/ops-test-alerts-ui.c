/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "ops-test-alerts-ui.h"
#include "ops-test-util.h"
#include "pages/health/ops-alert-maintenance-dialog.h"
#include "pages/health/ops-alert-rules-dialog.h"

/* Like ops_test_init_ui(), with GTK, libadwaita and the application's
 * styles and icons as the app loads them. */
void
ops_test_alerts_ui_init (int    *argc,
                         char ***argv)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  ops_test_init_ui (argc, argv);
  gtk_init ();
  adw_init ();

  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/opsdeck/Opsdeck/icons");
  gtk_css_provider_load_from_resource (css, "/io/github/opsdeck/Opsdeck/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Lets GTK lay out and draw. */
void
settle (void)
{
  ops_test_wait_until (never, NULL, 300);
  flush_events ();
}

void
new_window (Fixture *fixture,
            int      width,
            int      height)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, height);
  fixture->view = OPS_ALERTS_VIEW (ops_alerts_view_new (fixture->engine));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  settle ();
}

void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = ops_test_fresh_db_path ();
  fixture->store = ops_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->bus = ops_event_bus_new ();
  fixture->clock = ops_test_clock_new_at (START_USEC);
  fixture->engine = ops_alert_engine_new (fixture->store, fixture->bus, OPS_CLOCK (fixture->clock), &error);
  g_assert_no_error (error);
  new_window (fixture, 1100, 760);
}

void
close_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) || OPS_IS_ALERT_RULES_DIALOG (l->data) ||
        OPS_IS_ALERT_MAINTENANCE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  flush_events ();
}

void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  close_dialogs ();
  g_clear_pointer (&fixture->window, gtk_window_destroy);
  flush_events ();
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->bus);
  g_clear_pointer (&fixture->path, g_free);
}

/* Driving the engine */

static gint64
check_id (const char *name)
{
  return g_str_hash (name) & 0xffffff;
}

void
observe (Fixture        *fixture,
         const char     *check,
         OpsSampleStatus status,
         const char     *metric,
         double          value)
{
  g_autoptr(OpsAlertSample) sample = NULL;

  sample = ops_alert_sample_new (check_id (check), check, ops_clock_get_real (OPS_CLOCK (fixture->clock)), status);
  if (status == OPS_SAMPLE_STATUS_DOWN)
    ops_alert_sample_set_error (sample, "connection refused");
  if (metric != NULL)
    ops_alert_sample_set_metric (sample, metric, value);
  ops_alert_engine_observe (fixture->engine, sample);
}

OpsAlert *
open_alert (Fixture    *fixture,
            const char *check)
{
  GListModel *model = ops_alert_engine_get_open_alerts (fixture->engine);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OpsAlert) alert = g_list_model_get_item (model, i);

      if (g_str_equal (ops_alert_get_check_name (alert), check))
        return alert;
    }

  return NULL;
}

char *
alert_id (Fixture    *fixture,
          const char *check)
{
  OpsAlert *alert = open_alert (fixture, check);

  g_assert_nonnull (alert);
  return g_strdup_printf ("%" G_GINT64_FORMAT, ops_alert_get_id (alert));
}

void
raise_down (Fixture    *fixture,
            const char *check)
{
  observe (fixture, check, OPS_SAMPLE_STATUS_DOWN, NULL, 0);
  flush_events ();
  g_assert_nonnull (open_alert (fixture, check));
}

/* PARENT goes down, then the checks that depend on it, as the engine
 * sees an outage: all healthy, then the parent's failure first. */
void
outage (Fixture           *fixture,
        const char        *parent,
        const char *const *children)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; children[i] != NULL; i++)
    {
      ops_alert_db_add_dependency (fixture->store, children[i], parent, &error);
      g_assert_no_error (error);
    }
  g_assert_true (ops_alert_engine_reload (fixture->engine, &error));
  g_assert_no_error (error);

  observe (fixture, parent, OPS_SAMPLE_STATUS_HEALTHY, NULL, 0);
  for (guint i = 0; children[i] != NULL; i++)
    observe (fixture, children[i], OPS_SAMPLE_STATUS_HEALTHY, NULL, 0);
  ops_test_clock_advance (fixture->clock, SECONDS (30));
  observe (fixture, parent, OPS_SAMPLE_STATUS_DOWN, NULL, 0);
  ops_test_clock_advance (fixture->clock, SECONDS (1));
  for (guint i = 0; children[i] != NULL; i++)
    observe (fixture, children[i], OPS_SAMPLE_STATUS_DOWN, NULL, 0);
  flush_events ();
}

/* Reading the screen */

gpointer
child (Fixture    *fixture,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->view), OPS_TYPE_ALERTS_VIEW, name);

  g_assert_nonnull (object);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (object, type));
  return object;
}

/* Whether a label on screen shows the text. */
gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL &&
      gtk_widget_get_mapped (widget))
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

/* The ids of the rows of a list, in order. */
char *
row_ids (GtkListBox *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      const char *id = g_object_get_data (G_OBJECT (c), "alert-id");

      if (id == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, id);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

GtkWidget *
find_row (GtkListBox *list,
          const char *id)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (c), "alert-id"), id) == 0)
      return c;
  return NULL;
}

GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Answers the message dialog that is open: the note, then the button. */
void
answer_note_dialog (const char *note,
                    const char *response)
{
  AdwMessageDialog *dialog;
  GtkWidget        *extra;

  flush_events ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (extra));
  gtk_editable_set_text (GTK_EDITABLE (extra), note);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
}

OpsAlertDetail *
detail (Fixture *fixture)
{
  return child (fixture, OPS_TYPE_ALERT_DETAIL, "detail");
}

/* Whether the detail offers a button (its action is enabled). */
gboolean
detail_offers (Fixture    *fixture,
               const char *button)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (detail (fixture)), OPS_TYPE_ALERT_DETAIL, button);

  g_assert_true (GTK_IS_BUTTON (object));
  flush_events ();
  return gtk_widget_get_visible (GTK_WIDGET (object)) && gtk_widget_is_sensitive (GTK_WIDGET (object));
}

/* Screenshots */

void
save_screenshot (GtkWindow  *window,
                 const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int          width;
  int          height;

  settle ();
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%d×%d)", path, width, height);
}
/* The first row of a list whose id starts with a prefix. */
GtkWidget *
find_row_prefix (GtkListBox *list,
                 const char *prefix)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (g_str_has_prefix (g_object_get_data (G_OBJECT (c), "alert-id") ?: "", prefix))
      return c;
  return NULL;
}

/* The dialog's editor rows, by their template names. */
gpointer
dialog_child (GtkWindow  *dialog,
              GType       type,
              const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), type, name);

  g_assert_nonnull (object);
  return object;
}

const char *
problem (GtkWindow *dialog,
         GType      type)
{
  GtkLabel *label = dialog_child (dialog, type, "problem_label");

  flush_events ();
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
}

/* Whether Save can be pressed. */
gboolean
can_save (GtkWindow *dialog,
          GType      type)
{
  flush_events ();
  return gtk_widget_is_sensitive (dialog_child (dialog, type, "save_button"));
}

void
set_text (GtkWindow  *dialog,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, type, name)), text);
}
