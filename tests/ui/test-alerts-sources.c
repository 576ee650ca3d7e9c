/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "ops-test-alertmanager.h"
#include "ops-test-alerts-ui.h"

/* Alertmanager sources in the Alerts view, under Xvfb: an unreachable
 * one says so in a band; a real prometheus-alertmanager on loopback shows
 * its alerts beside Opsdeck's, and “Acknowledge for…” silences one. */

static gboolean
revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

static void
test_source_error (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autofree char *url = NULL;
  GtkRevealer     *revealer = child (fixture, GTK_TYPE_REVEALER, "source_error_revealer");
  GtkDropDown     *source = child (fixture, GTK_TYPE_DROP_DOWN, "source_dropdown");

  /* A loopback port that was free a moment ago: nothing listens there. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  g_clear_object (&address);
  address = g_socket_get_local_address (socket, &error);
  url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
  g_socket_close (socket, NULL);

  g_assert_true (ops_alert_db_add_source (fixture->store, "prom-eu", url, &error));
  g_assert_no_error (error);
  raise_down (fixture, "api");

  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  ops_alerts_view_refresh (fixture->view);
  g_assert_true (ops_test_wait_until (revealed, revealer, 20000));
  g_assert_true (has_label (GTK_WIDGET (revealer), "prom-eu"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (source)), 2), ==,
                   "prom-eu");

  /* Opsdeck's own alerts are still there. */
  g_assert_nonnull (open_alert (fixture, "api"));
  {
    g_autofree char *id = alert_id (fixture, "api");

    g_assert_nonnull (find_row (child (fixture, GTK_TYPE_LIST_BOX, "open_list"), id));
  }
  save_screenshot (fixture->window, "alerts-source-error");
}
typedef struct
{
  GtkListBox *list;
  const char *prefix;
  const char *text; /* for silenced_shown() */
} RowWait;

static gboolean
row_appeared (gpointer data)
{
  RowWait *wait = data;

  return find_row_prefix (wait->list, wait->prefix) != NULL;
}

static gboolean
silenced_shown (gpointer data)
{
  RowWait   *wait = data;
  GtkWidget *row = find_row_prefix (wait->list, wait->prefix);

  return row != NULL && has_label (row, wait->text);
}

typedef struct
{
  OpsTestAlertmanager *am;
  JsonObject          *silence; /* owned by the node */
  JsonNode            *node;
} SilenceWait;

static gboolean
silence_created (gpointer data)
{
  SilenceWait *wait = data;
  JsonArray   *silences;

  g_clear_pointer (&wait->node, json_node_unref);
  wait->node = ops_test_alertmanager_get (wait->am, "/api/v2/silences");
  silences = json_node_get_array (wait->node);
  for (guint i = 0; i < json_array_get_length (silences); i++)
    {
      JsonObject *candidate = json_array_get_object_element (silences, i);

      if (g_strcmp0 (json_object_get_string_member (candidate, "createdBy"), g_get_user_name ()) == 0)
        {
          wait->silence = candidate;
          return TRUE;
        }
    }
  return FALSE;
}

/* Alerts of a real Alertmanager beside Opsdeck's; “Acknowledge for…”
 * creates a silence in it with the local user and the note. */
static void
test_alertmanager (Fixture      *fixture,
                   gconstpointer data)
{
  OpsTestAlertmanager *am = ops_test_alertmanager_start ();
  g_autofree char     *url = ops_test_alertmanager_url (am, NULL);
  g_autoptr(GError) error = NULL;
  GtkListBox       *open_list = child (fixture, GTK_TYPE_LIST_BOX, "open_list");
  GtkDropDown      *source = child (fixture, GTK_TYPE_DROP_DOWN, "source_dropdown");
  RowWait           row_wait = { open_list, "prom/", "Silenced" };
  SilenceWait       silence_wait = { am, NULL, NULL };
  GtkWidget        *row;
  AdwMessageDialog *dialog;
  GtkWidget        *extra;
  g_autofree char  *api = NULL;

  g_assert_true (ops_alert_db_add_source (fixture->store, "prom", url, &error));
  g_assert_no_error (error);
  ops_test_alertmanager_post_alerts (am,
                                     "[{\"labels\": {\"alertname\": \"HighCPU\", \"instance\": \"db1:9100\","
                                     "  \"severity\": \"critical\"},"
                                     "  \"annotations\": {\"summary\": \"CPU above 95 % for 10 minutes\"}}]");
  raise_down (fixture, "api");
  api = alert_id (fixture, "api");

  ops_alerts_view_refresh (fixture->view);
  g_assert_true (ops_test_wait_until (row_appeared, &row_wait, 20000));
  row = find_row_prefix (open_list, "prom/");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "db1:9100");
  g_assert_true (has_label (row, "Critical"));
  g_assert_true (has_label (row, "CPU above 95 % for 10 minutes"));
  g_assert_nonnull (find_row (open_list, api));
  g_assert_false (gtk_revealer_get_reveal_child (child (fixture, GTK_TYPE_REVEALER, "source_error_revealer")));

  /* The source filter: the Alertmanager's alone, or Opsdeck's alone. */
  gtk_drop_down_set_selected (source, 2);
  g_assert_null (find_row (open_list, api));
  g_assert_nonnull (find_row_prefix (open_list, "prom/"));
  gtk_drop_down_set_selected (source, 1);
  g_assert_nonnull (find_row (open_list, api));
  g_assert_null (find_row_prefix (open_list, "prom/"));
  gtk_drop_down_set_selected (source, 0);

  /* Its detail: its labels; Acknowledge for… rather than Acknowledge. */
  ops_alerts_view_show_alert (fixture->view, g_object_get_data (G_OBJECT (find_row_prefix (open_list, "prom/")),
                                                                "alert-id"));
  g_assert_true (has_label (GTK_WIDGET (detail (fixture)), "alertname"));
  g_assert_true (detail_offers (fixture, "silence_button"));
  g_assert_false (detail_offers (fixture, "acknowledge_button"));
  g_assert_false (detail_offers (fixture, "resolve_button"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail (fixture)), "alert.silence", NULL));
  flush_events ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  extra = adw_message_dialog_get_extra_child (dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_first_child (extra)), 1); /* 4 hours */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_last_child (extra)), "Replacing the fan");
  adw_message_dialog_response (dialog, "silence");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (ops_test_wait_until (silence_created, &silence_wait, 20000));
  g_assert_cmpstr (json_object_get_string_member (silence_wait.silence, "comment"), ==, "Replacing the fan");
  {
    g_autoptr(GDateTime) starts = g_date_time_new_from_iso8601 (
        json_object_get_string_member (silence_wait.silence, "startsAt"), NULL);
    g_autoptr(GDateTime) ends = g_date_time_new_from_iso8601 (
        json_object_get_string_member (silence_wait.silence, "endsAt"), NULL);

    GTimeSpan span = g_date_time_difference (ends, starts);

    /* Alertmanager starts it when it receives it: 4 hours from when it
     * was sent, give or take the trip. Not 1 hour, not a day. */
    g_assert_cmpint (span, >, SECONDS (3 * 3600));
    g_assert_cmpint (span, <=, SECONDS (4 * 3600));
  }
  g_clear_pointer (&silence_wait.node, json_node_unref);

  /* Read again, the alert says it is silenced. */
  ops_alerts_view_refresh (fixture->view);
  g_assert_true (ops_test_wait_until (silenced_shown, &row_wait, 20000));

  ops_test_alertmanager_stop (am);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_alerts_ui_init (&argc, &argv);

  ADD ("/opsdeck/ui/alerts/source-error", test_source_error);
  ADD ("/opsdeck/ui/alerts/alertmanager", test_alertmanager);

  return g_test_run ();
}
