/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alert-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "alerts/ops-alert-db.h"
#include "ops-alert-detail.h"
#include "ops-alert-editor-common.h"

/* One alert: what fired it, what happened since, and the buttons to
 * acknowledge or resolve it with a note, or to silence an Alertmanager's
 * alert for a while. */

struct _OpsAlertDetail
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkStack   *stack;
  GtkLabel   *title_label;
  GtkWidget  *severity_box;
  GtkImage   *severity_icon;
  GtkLabel   *severity_label;
  GtkLabel   *state_label;
  GtkLabel   *cause_label;
  GtkLabel   *error_label;
  GtkWidget  *acknowledge_button;
  GtkWidget  *silence_button;
  GtkWidget  *resolve_button;
  GtkListBox *facts_list;
  GtkLabel   *snapshot_heading;
  GtkListBox *snapshot_list;
  GtkLabel   *timeline_heading;
  GtkListBox *timeline_list;

  /* Owned */
  OpsAlertEngine *engine;
  OpsAlertsItem  *item;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (OpsAlertDetail, ops_alert_detail, ADW_TYPE_BIN)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How long “Acknowledge for…” silences an Alertmanager alert. */
static const struct
{
  const char *label;
  gint64      seconds;
} silence_durations[] = {
  { N_("1 hour"), 3600 },
  { N_("4 hours"), 4 * 3600 },
  { N_("1 day"), 86400 },
  { N_("1 week"), 7 * 86400 },
};

static void update (OpsAlertDetail *self);

static void
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    }
  gtk_list_box_append (list, row);
}

static void
show_error (OpsAlertDetail *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Facts */

static void
add_time_fact (OpsAlertDetail *self,
               const char     *title,
               gint64          time_usec,
               const char     *who,
               const char     *note)
{
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (time_usec <= 0)
    return;

  when = ops_alert_format_time (time_usec);
  if (who != NULL && note != NULL && note[0] != '\0')
    /* Translators: a time, who, and their note */
    text = g_strdup_printf (_("%s by %s: “%s”"), when, who, note);
  else if (who != NULL)
    /* Translators: a time, and who */
    text = g_strdup_printf (_("%s by %s"), when, who);
  else
    text = g_steal_pointer (&when);
  add_row (self->facts_list, title, text);
}

static void
show_facts (OpsAlertDetail *self)
{
  OpsAlert        *alert = ops_alerts_item_get_alert (self->item);
  g_autofree char *value = ops_alerts_item_dup_value (self->item);

  _ops_alert_editor_clear_list (self->facts_list);

  if (alert == NULL)
    {
      OpsAlertmanagerAlert *am = ops_alerts_item_get_am_alert (self->item);
      g_autofree char      *since = ops_alert_format_time (ops_alerts_item_get_since (self->item));

      add_row (self->facts_list, _("Source"), ops_alerts_item_get_source (self->item));
      add_row (self->facts_list, _("Since"), since);
      if (ops_alertmanager_alert_get_name (am) != NULL)
        add_row (self->facts_list, _("Alert"), ops_alertmanager_alert_get_name (am));
      if (ops_alertmanager_alert_get_annotation (am, "description") != NULL)
        add_row (self->facts_list, _("Description"), ops_alertmanager_alert_get_annotation (am, "description"));
      return;
    }

  add_row (self->facts_list, _("Source"), _("Opsdeck"));
  add_row (self->facts_list, _("Rule"), ops_alert_get_rule_name (alert));
  if (value != NULL)
    add_row (self->facts_list, _("Value"), value);
  if (ops_alert_get_pending_at (alert) != ops_alert_get_fired_at (alert))
    add_time_fact (self, _("Pending since"), ops_alert_get_pending_at (alert), NULL, NULL);
  add_time_fact (self, _("Fired"), ops_alert_get_fired_at (alert), NULL, NULL);
  add_time_fact (self, _("Acknowledged"), ops_alert_get_acknowledged_at (alert),
                 ops_alert_get_acknowledged_by (alert), ops_alert_get_ack_note (alert));
  add_time_fact (self, _("Resolved"), ops_alert_get_resolved_at (alert),
                 ops_alert_get_resolved_by (alert), ops_alert_get_resolve_note (alert));

  if (ops_alert_get_blocked_by (alert) != NULL)
    {
      /* Translators: the check whose outage caused this alert */
      g_autofree char *text = g_strdup_printf (_("%s is down, so this check is too; it was not notified."),
                                               ops_alert_get_blocked_by (alert));

      add_row (self->facts_list, _("Blocked by"), text);
    }
  if (ops_alert_get_dependents (alert) > 0)
    {
      guint            n = ops_alert_get_dependents (alert);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u dependent check is down with it",
                                                            "%u dependent checks are down with it", n),
                                               n);

      add_row (self->facts_list, _("Dependents"), text);
    }
  if (ops_alert_get_in_maintenance (alert) != NULL)
    add_row (self->facts_list, _("In maintenance"), ops_alert_get_in_maintenance (alert));
  if (ops_alert_get_flapping (alert))
    add_row (self->facts_list, _("Flapping"), _("The check changes state often; it is notified once."));
}

/* Snapshot */

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
show_snapshot (OpsAlertDetail *self)
{
  OpsAlert *alert = ops_alerts_item_get_alert (self->item);
  g_autoptr(JsonNode) snapshot = NULL;
  JsonObject *object;
  JsonObject *measure;
  JsonObject *sample;
  const char *expression = NULL;

  _ops_alert_editor_clear_list (self->snapshot_list);

  if (alert == NULL)
    {
      /* An Alertmanager's alert: its labels. */
      JsonObject *labels = ops_alertmanager_alert_get_labels (ops_alerts_item_get_am_alert (self->item));
      g_autoptr(GList) names = labels != NULL ? json_object_get_members (labels) : NULL;

      gtk_label_set_text (self->snapshot_heading, _("Labels"));
      for (GList *l = names; l != NULL; l = l->next)
        add_row (self->snapshot_list, l->data, ops_alert_json_get_string (labels, l->data));
    }
  else
    {
      gtk_label_set_text (self->snapshot_heading, _("Values That Fired It"));
      snapshot = ops_alert_dup_snapshot (alert);
      object = snapshot != NULL && JSON_NODE_HOLDS_OBJECT (snapshot) ? json_node_get_object (snapshot) : NULL;
      measure = object_member (object, "measure");
      sample = object_member (object, "sample");

      /* What the rule measured: “avg(latency_ms) over 5m”, its value and
       * how many results it was taken from. */
      expression = measure != NULL ? ops_alert_json_get_string (measure, "expression") : NULL;
      if (measure != NULL && json_object_has_member (measure, "value"))
        {
          g_autofree char *value = ops_alert_format_value (json_object_get_double_member (measure, "value"));
          gint64           points = json_object_get_int_member_with_default (measure, "points", 0);
          g_autofree char *text = points > 1 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, from %d result",
                                                                             "%s, from %d results", points),
                                                                value, (int)points)
                                             : g_strdup (value);

          add_row (self->snapshot_list, expression != NULL ? expression : _("Value"), text);
        }

      if (sample != NULL)
        {
          const char *status = ops_alert_json_get_string (sample, "status");
          const char *error = ops_alert_json_get_string (sample, "error");
          JsonObject *values = object_member (sample, "values");

          if (json_object_has_member (sample, "time"))
            {
              g_autofree char *when = ops_alert_format_time (json_object_get_int_member (sample, "time"));

              add_row (self->snapshot_list, _("Result of"), when);
            }
          if (status != NULL)
            add_row (self->snapshot_list, _("Status"), status);
          if (error != NULL)
            add_row (self->snapshot_list, _("Error"), error);
          if (values != NULL)
            {
              g_autoptr(GList) names = json_object_get_members (values);

              for (GList *l = names; l != NULL; l = l->next)
                {
                  JsonNode        *node = json_object_get_member (values, l->data);
                  g_autofree char *text = NULL;

                  /* The measured value is listed above already. */
                  if (!JSON_NODE_HOLDS_VALUE (node) || g_strcmp0 (expression, l->data) == 0)
                    continue;
                  text = ops_alert_format_value (json_node_get_double (node));
                  add_row (self->snapshot_list, l->data, text);
                }
            }
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->snapshot_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->snapshot_list)) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->snapshot_heading),
                          gtk_widget_get_first_child (GTK_WIDGET (self->snapshot_list)) != NULL);
}

/* Timeline */

static char *
describe_transition (OpsAlertTransition *t)
{
  const char *who = t->actor != NULL ? t->actor : NULL;

  if (g_str_equal (t->kind, "pending"))
    return g_strdup (_("Pending: the condition holds, waiting before firing"));
  if (g_str_equal (t->kind, "firing"))
    /* Translators: the severity of the alert */
    return g_strdup_printf (_("Firing (%s)"), ops_alerts_severity_label (t->severity));
  if (g_str_equal (t->kind, "escalated"))
    return g_strdup_printf (_("Escalated to %s"), ops_alerts_severity_label (t->severity));
  if (g_str_equal (t->kind, "lowered"))
    return g_strdup_printf (_("Lowered to %s"), ops_alerts_severity_label (t->severity));
  if (g_str_equal (t->kind, "acknowledged"))
    return who != NULL ? g_strdup_printf (_("Acknowledged by %s"), who) : g_strdup (_("Acknowledged"));
  if (g_str_equal (t->kind, "resolved"))
    return who != NULL ? g_strdup_printf (_("Resolved by %s"), who)
                       : g_strdup (_("Resolved: the condition cleared"));
  if (g_str_equal (t->kind, "notified"))
    return g_strdup (_("Notified"));
  if (g_str_equal (t->kind, "renotified"))
    return g_strdup (_("Notified again: still firing"));
  if (g_str_equal (t->kind, "suppressed"))
    return g_strdup (_("Not notified"));
  if (g_str_equal (t->kind, "blocked"))
    return g_strdup (_("Blocked by the outage of a check it depends on"));
  if (g_str_equal (t->kind, "unblocked"))
    return g_strdup (_("No longer blocked"));
  if (g_str_equal (t->kind, "flapping"))
    return g_strdup (_("Flapping"));
  return g_strdup (t->kind);
}

static void
show_timeline (OpsAlertDetail *self)
{
  OpsAlert *alert = ops_alerts_item_get_alert (self->item);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = NULL;

  _ops_alert_editor_clear_list (self->timeline_list);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_heading), alert != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_list), alert != NULL);
  if (alert == NULL)
    return;

  timeline = ops_alert_db_list_transitions (ops_alert_engine_get_store (self->engine),
                                            ops_alert_get_id (alert), &error);
  if (timeline == NULL)
    {
      add_row (self->timeline_list, error->message, NULL);
      return;
    }

  for (guint i = 0; i < timeline->len; i++)
    {
      OpsAlertTransition *t = g_ptr_array_index (timeline, i);
      g_autofree char    *title = describe_transition (t);
      g_autofree char    *when = ops_alert_format_time (t->at);
      g_autofree char    *subtitle = NULL;

      if (t->note != NULL && t->note[0] != '\0')
        subtitle = g_strdup_printf ("%s — %s", when, t->note);
      else
        subtitle = g_steal_pointer (&when);
      add_row (self->timeline_list, title, subtitle);
    }
}

static void
update (OpsAlertDetail *self)
{
  OpsAlert   *alert;
  OpsSeverity severity;
  gboolean    open;

  if (self->item == NULL || self->engine == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "alert.acknowledge", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "alert.resolve", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "alert.silence", FALSE);
      return;
    }

  alert = ops_alerts_item_get_alert (self->item);
  severity = ops_alerts_item_get_severity (self->item);
  open = ops_alerts_item_is_open (self->item);

  gtk_stack_set_visible_child_name (self->stack, "alert");
  gtk_label_set_text (self->title_label, ops_alerts_item_get_service (self->item));
  gtk_image_set_from_icon_name (self->severity_icon, ops_alerts_severity_icon (severity));
  gtk_widget_remove_css_class (self->severity_box, "status-down");
  gtk_widget_remove_css_class (self->severity_box, "status-degraded");
  gtk_widget_add_css_class (self->severity_box, severity == OPS_SEVERITY_CRITICAL ? "status-down" : "status-degraded");
  gtk_label_set_text (self->severity_label, ops_alerts_severity_label (severity));
  gtk_label_set_text (self->state_label, ops_alerts_item_get_state_label (self->item));
  gtk_label_set_text (self->cause_label, ops_alerts_item_get_cause (self->item));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alert.acknowledge",
                                 alert != NULL && open &&
                                     ops_alert_get_state (alert) != OPS_ALERT_STATE_ACKNOWLEDGED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alert.resolve", alert != NULL && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alert.silence",
                                 alert == NULL &&
                                     ops_alerts_item_get_state (self->item) != OPS_ALERT_STATE_ACKNOWLEDGED);

  show_facts (self);
  show_snapshot (self);
  show_timeline (self);
}

/* Acknowledge and resolve with a note */

static GtkWidget *
new_note_entry (void)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note (optional)"));
  gtk_entry_set_max_length (GTK_ENTRY (entry), OPS_ALERT_MAX_NOTE_LENGTH);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  return entry;
}

static AdwMessageDialog *
new_dialog (OpsAlertDetail *self,
            const char     *heading,
            const char     *body,
            const char     *response,
            const char     *label)
{
  GtkRoot          *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* The answer is for the alert asked about, even if another is shown
   * by then. */
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (self->item), g_object_unref);
  return dialog;
}

static void
note_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  OpsAlertDetail *self = user_data;
  OpsAlertsItem  *item = g_object_get_data (G_OBJECT (dialog), "item");
  GtkWidget      *entry = adw_message_dialog_get_extra_child (dialog);
  const char     *note = gtk_editable_get_text (GTK_EDITABLE (entry));
  OpsAlert       *alert;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlert) changed = NULL;

  if (g_str_equal (response, "cancel"))
    return;

  alert = ops_alerts_item_get_alert (item);
  if (alert == NULL)
    return;

  if (g_str_equal (response, "acknowledge"))
    changed = ops_alert_engine_acknowledge (self->engine, ops_alert_get_id (alert), NULL,
                                            note[0] != '\0' ? note : NULL, &error);
  else
    changed = ops_alert_engine_resolve (self->engine, ops_alert_get_id (alert), NULL,
                                        note[0] != '\0' ? note : NULL, &error);

  if (changed == NULL)
    {
      show_error (self, error->message);
      return;
    }

  if (self->item == item && changed != alert)
    {
      g_autoptr(OpsAlertsItem) shown = ops_alerts_item_new (changed);

      ops_alert_detail_set_item (self, shown);
    }
  else if (self->item == item)
    {
      show_error (self, NULL);
      update (self);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ask_note (OpsAlertDetail *self,
          gboolean        acknowledge)
{
  g_autofree char  *heading = NULL;
  AdwMessageDialog *dialog;
  const char       *service = ops_alerts_item_get_service (self->item);

  if (acknowledge)
    {
      heading = g_strdup_printf (_("Acknowledge the Alert on %s?"), service);
      dialog = new_dialog (self, heading,
                           _("Others see that you are on it, with your note. It is not notified again."),
                           "acknowledge", _("_Acknowledge"));
    }
  else
    {
      heading = g_strdup_printf (_("Resolve the Alert on %s?"), service);
      dialog = new_dialog (self, heading,
                           _("It moves to the history with your note. If the condition still holds, "
                              "the next result opens a new alert."),
                           "resolve", _("_Resolve"));
    }

  adw_message_dialog_set_extra_child (dialog, new_note_entry ());
  g_signal_connect_object (dialog, "response", G_CALLBACK (note_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
acknowledge_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ask_note (OPS_ALERT_DETAIL (widget), TRUE);
}

static void
resolve_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ask_note (OPS_ALERT_DETAIL (widget), FALSE);
}

/* Acknowledge for… an Alertmanager alert: a silence */

static void
silence_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  OpsAlertDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *silence = NULL;

  silence = ops_alertmanager_client_create_silence_finish (OPS_ALERTMANAGER_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (self);
      return;
    }

  if (silence == NULL)
    show_error (self, error->message);
  else
    {
      show_error (self, NULL);
      g_signal_emit (self, signals[CHANGED], 0);
    }
  g_object_unref (self);
}

static void
silence_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  OpsAlertDetail *self = user_data;
  OpsAlertsItem  *item = g_object_get_data (G_OBJECT (dialog), "item");
  GtkWidget      *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget      *dropdown = gtk_widget_get_first_child (box);
  GtkWidget      *entry = gtk_widget_get_next_sibling (dropdown);
  guint           choice = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
  const char     *note = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (!g_str_equal (response, "silence") || ops_alerts_item_get_am_alert (item) == NULL ||
      choice >= G_N_ELEMENTS (silence_durations))
    return;

  ops_alertmanager_client_create_silence_async (ops_alerts_item_get_client (item),
                                                ops_alerts_item_get_am_alert (item),
                                                silence_durations[choice].seconds,
                                                ops_alert_get_user_name (),
                                                note[0] != '\0' ? note : _("Acknowledged in Opsdeck"),
                                                self->cancellable, silence_cb, g_object_ref (self));
}

static void
silence_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OpsAlertDetail  *self = OPS_ALERT_DETAIL (widget);
  g_autofree char *heading = NULL;
  g_autoptr(GtkStringList) durations = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget        *box;
  GtkWidget        *dropdown;

  for (guint i = 0; i < G_N_ELEMENTS (silence_durations); i++)
    gtk_string_list_append (durations, _(silence_durations[i].label));

  heading = g_strdup_printf (_("Acknowledge the Alert on %s For…"), ops_alerts_item_get_service (self->item));
  dialog = new_dialog (self, heading,
                       _("Alertmanager silences it for the time you choose, with your name and note."),
                       "silence", _("_Silence"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&durations)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Duration"), -1);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), new_note_entry ());
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_object (dialog, "response", G_CALLBACK (silence_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
alert_notify_cb (OpsAlertDetail *self)
{
  update (self);
}

static void
ops_alert_detail_dispose (GObject *object)
{
  OpsAlertDetail *self = OPS_ALERT_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  if (self->item != NULL && ops_alerts_item_get_alert (self->item) != NULL)
    g_signal_handlers_disconnect_by_data (ops_alerts_item_get_alert (self->item), self);

  /* The stack is both AdwBin's child and a template child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), OPS_TYPE_ALERT_DETAIL);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->item);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (ops_alert_detail_parent_class)->dispose (object);
}

static void
ops_alert_detail_class_init (OpsAlertDetailClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_alert_detail_dispose;

  /**
   * OpsAlertDetail::changed:
   *
   * The alert was acknowledged, resolved or silenced from here.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/health/ops-alert-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, severity_box);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, severity_icon);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, severity_label);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, state_label);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, cause_label);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, acknowledge_button);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, silence_button);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, facts_list);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, snapshot_heading);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, snapshot_list);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, timeline_heading);
  gtk_widget_class_bind_template_child (widget_class, OpsAlertDetail, timeline_list);

  gtk_widget_class_install_action (widget_class, "alert.acknowledge", NULL, acknowledge_activated);
  gtk_widget_class_install_action (widget_class, "alert.resolve", NULL, resolve_activated);
  gtk_widget_class_install_action (widget_class, "alert.silence", NULL, silence_activated);
}

static void
ops_alert_detail_init (OpsAlertDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  update (self);
}

void
ops_alert_detail_set_engine (OpsAlertDetail *self,
                             OpsAlertEngine *engine)
{
  g_return_if_fail (OPS_IS_ALERT_DETAIL (self));
  g_return_if_fail (OPS_IS_ALERT_ENGINE (engine));

  g_set_object (&self->engine, engine);
  update (self);
}

/**
 * ops_alert_detail_set_item:
 * @self: a #OpsAlertDetail
 * @item: (nullable): the alert to show
 *
 * Shows @item, and follows the changes of an Opsdeck alert.
 */
void
ops_alert_detail_set_item (OpsAlertDetail *self,
                           OpsAlertsItem  *item)
{
  g_return_if_fail (OPS_IS_ALERT_DETAIL (self));
  g_return_if_fail (item == NULL || OPS_IS_ALERTS_ITEM (item));

  if (self->item != NULL && ops_alerts_item_get_alert (self->item) != NULL)
    g_signal_handlers_disconnect_by_data (ops_alerts_item_get_alert (self->item), self);

  g_set_object (&self->item, item);
  if (item != NULL && ops_alerts_item_get_alert (item) != NULL)
    g_signal_connect_swapped (ops_alerts_item_get_alert (item), "notify", G_CALLBACK (alert_notify_cb), self);

  show_error (self, NULL);
  update (self);
}

/* Returns: (transfer none) (nullable): the alert shown */
OpsAlertsItem *
ops_alert_detail_get_item (OpsAlertDetail *self)
{
  g_return_val_if_fail (OPS_IS_ALERT_DETAIL (self), NULL);

  return self->item;
}
