/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include "ops-test-health-page.h"
#include "ops-test-util.h"
#include "pages/health/ops-health-card.h"

void
ops_test_flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Waits without asserting a duration: long enough for a loaded machine. */
gboolean
ops_test_wait_for (gboolean (*done) (gpointer),
                   gpointer data)
{
  return ops_test_wait_until (done, data, 60000);
}

void
ops_test_health_page_open (OpsTestHealthPage *fixture)
{
  static guint counter;
  g_autofree char *id = g_strdup_printf ("%s.HealthTest%u", APPLICATION_ID, ++counter);
  g_autoptr(GError) error = NULL;

  /* A data folder of its own, or the one of a run before (reopen). */
  if (fixture->data_dir == NULL)
    fixture->data_dir = ops_test_fresh_data_dir ();
  else
    g_setenv ("OPSDECK_DATA_DIR", fixture->data_dir, TRUE);
  fixture->app = ops_application_new ();
  g_application_set_application_id (G_APPLICATION (fixture->app), id);
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  fixture->engine = ops_application_get_health_engine (fixture->app);
  g_assert_nonnull (fixture->engine);

  fixture->window = ops_window_new (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = OPS_HEALTH_PAGE (ops_test_find_widget (GTK_WIDGET (fixture->window),
                                                         OPS_TYPE_HEALTH_PAGE, NULL));
  g_assert_nonnull (fixture->page);
  ops_test_flush_events ();
}

void
ops_test_health_page_close (OpsTestHealthPage *fixture)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app))) != NULL)
    gtk_window_destroy (windows->data);
  ops_test_flush_events ();
  /* The engine writes its last results before the application goes. */
  ops_history_flush_sync (ops_health_engine_get_history (fixture->engine), NULL);
  ops_health_engine_stop (fixture->engine);
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->data_dir, g_free);
}

/* Quits the application and starts another on the same database, as a
 * person who closes Opsdeck and opens it again. */
void
ops_test_health_page_reopen (OpsTestHealthPage *fixture)
{
  g_autofree char *data_dir = g_strdup (fixture->data_dir);

  ops_test_health_page_close (fixture);
  fixture->data_dir = g_steal_pointer (&data_dir);
  ops_test_health_page_open (fixture);
}

OpsCheck *
ops_test_health_page_add (OpsTestHealthPage *fixture,
                          OpsCheckKind       kind,
                          const char        *name,
                          const char        *target,
                          OpsEnvironment     environment,
                          const char        *tag)
{
  g_autoptr(OpsCheck) check = ops_check_new (kind, name, target);
  g_autoptr(GError) error = NULL;
  const char *tags[] = { tag, NULL };

  ops_check_set_environment (check, environment);
  if (tag != NULL)
    ops_check_set_tags (check, tags);
  ops_check_list_add (ops_health_engine_get_checks (fixture->engine), check, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&check);
}

static void
collect_cards (GtkWidget *widget,
               GPtrArray *cards)
{
  if (OPS_IS_HEALTH_CARD (widget))
    {
      if (ops_health_card_get_check (OPS_HEALTH_CARD (widget)) != NULL &&
          gtk_widget_get_mapped (widget))
        g_ptr_array_add (cards, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cards (child, cards);
}

/* The cards a person sees: on screen, showing a check. */
GPtrArray *
ops_test_health_page_cards (OpsTestHealthPage *fixture)
{
  GPtrArray *cards = g_ptr_array_new ();

  collect_cards (GTK_WIDGET (fixture->page), cards);
  return cards;
}

/* Answers the message dialog on screen. */
void
ops_test_respond_to_dialog (const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        {
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (window), response);
          gtk_window_destroy (GTK_WINDOW (window));
          return;
        }
    }

  g_assert_not_reached ();
}

static const char *
widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

  return NULL;
}

/* The first descendant of @type whose label or title is @label (any when
 * NULL). */
GtkWidget *
ops_test_find_widget (GtkWidget  *root,
                      GType       type,
                      const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (label == NULL || g_strcmp0 (widget_text (root), label) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ops_test_find_widget (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
ops_test_has_label (GtkWidget  *root,
                    const char *text)
{
  GtkWidget *label = ops_test_find_widget (root, GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_get_visible (label);
}
