/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-check-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "health/ops-check-options.h"
#include "ops-check-dialog.h"
#include "ops-health-ui.h"

/**
 * OpsCheckDialog:
 *
 * Adds, edits or duplicates a check. Every field is checked as it is
 * typed, with the rules of the core (ops_check_validate(), the condition
 * parser, the option table): the first problem is named under the form
 * and its row is marked, and Save stays off until there is none. **Test**
 * runs the probe once with what is in the form, without saving, and shows
 * the result and its timing.
 */
struct _OpsCheckDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *target_row;
  AdwComboRow         *environment_row;
  AdwEntryRow         *tags_row;
  AdwEntryRow         *interval_row;
  AdwEntryRow         *timeout_row;
  AdwEntryRow         *failure_row;
  AdwEntryRow         *success_row;
  AdwPreferencesGroup *conditions_group;
  GtkTextView         *conditions_view;
  AdwPreferencesGroup *options_group;
  AdwPreferencesGroup *secret_group;
  AdwPasswordEntryRow *secret_row;
  GtkLabel            *problem_label;
  GtkWidget           *test_button;
  GtkSpinner          *test_spinner;
  GtkLabel            *test_label;

  /* Owned */
  OpsCheck     *original; /* edited or duplicated */
  OpsCheck     *saving;   /* being saved */
  GPtrArray    *option_rows;
  GCancellable *cancellable;
  char         *problem;

  /* Borrowed */
  OpsHealthEngine *engine;

  OpsCheckDialogMode mode;
};

G_DEFINE_FINAL_TYPE (OpsCheckDialog, ops_check_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A target each kind accepts, so that one field can be checked alone. */
static const char *const sample_targets[OPS_CHECK_N_KINDS] = {
  [OPS_CHECK_KIND_HTTP] = "https://example.com/",
  [OPS_CHECK_KIND_TCP] = "example.com:80",
  [OPS_CHECK_KIND_DNS] = "example.com",
  [OPS_CHECK_KIND_TLS] = "example.com:443",
  [OPS_CHECK_KIND_POSTGRESQL] = "host=example.com dbname=app user=monitor",
  [OPS_CHECK_KIND_REDIS] = "example.com:6379",
  [OPS_CHECK_KIND_PROMETHEUS] = "http://example.com:9100/metrics",
  [OPS_CHECK_KIND_WEBSOCKET] = "wss://example.com/ws",
};

static OpsCheckKind
get_kind (OpsCheckDialog *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  return kind < OPS_CHECK_N_KINDS ? kind : OPS_CHECK_KIND_HTTP;
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static GStrv
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,\\s]+", text, 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

static GStrv
get_conditions (OpsCheckDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->conditions_view);
  GtkTextIter    start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }

  return g_strv_builder_end (builder);
}

static gboolean
parse_count (const char *text,
             guint      *value)
{
  guint64 parsed;

  if (!g_ascii_string_to_unsigned (text, 10, 1, OPS_CHECK_MAX_THRESHOLD, &parsed, NULL))
    return FALSE;

  *value = parsed;
  return TRUE;
}

/* Marks a row and remembers the first problem of the form. */
static gboolean
report (OpsCheckDialog *self,
        GtkWidget      *row,
        const char     *problem)
{
  if (problem == NULL)
    return TRUE;

  gtk_widget_add_css_class (row, "error");
  if (self->problem == NULL)
    self->problem = g_strdup (problem);
  return FALSE;
}

static gboolean
report_error (OpsCheckDialog *self,
              GtkWidget      *row,
              OpsCheck       *check)
{
  g_autoptr(GError) error = NULL;

  if (ops_check_validate (check, &error))
    return TRUE;

  return report (self, row, error->message);
}

/* One field alone on a check that is otherwise valid. */
static OpsCheck *
new_base_check (OpsCheckDialog *self)
{
  return ops_check_new (get_kind (self), "check", sample_targets[get_kind (self)]);
}

static JsonObject *
read_options (OpsCheckDialog *self,
              gboolean        mark)
{
  JsonObject *options = json_object_new ();

  for (guint i = 0; i < self->option_rows->len; i++)
    {
      AdwEntryRow              *row = g_ptr_array_index (self->option_rows, i);
      const OpsCheckOptionSpec *spec = g_object_get_data (G_OBJECT (row), "spec");
      const char               *text = row_text (row);
      g_autoptr(GError) error = NULL;
      JsonNode *node;

      if (*text == '\0')
        continue;

      node = ops_check_option_parse_text (spec, text, &error);
      if (node == NULL)
        {
          if (mark)
            report (self, GTK_WIDGET (row), error->message);
          continue;
        }
      json_object_set_member (options, spec->key, node);
    }

  return options;
}

/* Reads the form into @check's definition; returns FALSE (and marks what
 * is wrong) when a field cannot be read or is not valid. */
static gboolean
read_form (OpsCheckDialog *self,
           OpsCheck       *check)
{
  g_autoptr(OpsCheck) base = NULL;
  g_autoptr(JsonObject) options = NULL;
  g_auto(GStrv) tags = split_tags (row_text (self->tags_row));
  g_auto(GStrv) conditions = get_conditions (self);
  gint64   interval = 0;
  gint64   timeout = 0;
  guint    failures = 0;
  guint    successes = 0;
  gboolean ok = TRUE;

  base = new_base_check (self);
  ops_check_set_name (base, row_text (self->name_row));
  ok &= report_error (self, GTK_WIDGET (self->name_row), base);

  g_clear_object (&base);
  base = ops_check_new (get_kind (self), "check", row_text (self->target_row));
  ok &= report_error (self, GTK_WIDGET (self->target_row), base);

  {
    g_autoptr(GError) error = NULL;

    if (!ops_health_parse_duration (row_text (self->interval_row), &interval, &error))
      ok &= report (self, GTK_WIDGET (self->interval_row), error->message);
  }
  {
    g_autoptr(GError) error = NULL;

    if (!ops_health_parse_duration (row_text (self->timeout_row), &timeout, &error))
      ok &= report (self, GTK_WIDGET (self->timeout_row), error->message);
  }
  if (ok && interval > 0 && timeout > 0)
    {
      g_clear_object (&base);
      base = new_base_check (self);
      ops_check_set_interval_ms (base, CLAMP (interval, 0, G_MAXUINT));
      ops_check_set_timeout_ms (base, CLAMP (timeout, 0, G_MAXUINT));
      ok &= report_error (self, GTK_WIDGET (self->interval_row), base);
    }

  if (!parse_count (row_text (self->failure_row), &failures))
    ok &= report (self, GTK_WIDGET (self->failure_row),
                  _("The number of failures must be a whole number from 1 to 100."));
  if (!parse_count (row_text (self->success_row), &successes))
    ok &= report (self, GTK_WIDGET (self->success_row),
                  _("The number of successes must be a whole number from 1 to 100."));

  g_clear_object (&base);
  base = new_base_check (self);
  ops_check_set_tags (base, (const char *const *)tags);
  ok &= report_error (self, GTK_WIDGET (self->tags_row), base);

  g_clear_object (&base);
  base = new_base_check (self);
  ops_check_set_conditions (base, (const char *const *)conditions);
  ok &= report_error (self, GTK_WIDGET (self->conditions_view), base);

  {
    const char *problem_before = self->problem;

    options = read_options (self, TRUE);
    ok &= self->problem == problem_before;
  }

  if (!ok)
    return FALSE;

  ops_check_set_name (check, row_text (self->name_row));
  ops_check_set_target (check, row_text (self->target_row));
  ops_check_set_environment (check, adw_combo_row_get_selected (self->environment_row));
  ops_check_set_tags (check, (const char *const *)tags);
  ops_check_set_conditions (check, (const char *const *)conditions);
  ops_check_set_interval_ms (check, interval);
  ops_check_set_timeout_ms (check, timeout);
  ops_check_set_failure_threshold (check, failures);
  ops_check_set_success_threshold (check, successes);
  ops_check_set_options (check, options);

  if (gtk_widget_get_visible (GTK_WIDGET (self->secret_group)) &&
      *gtk_editable_get_text (GTK_EDITABLE (self->secret_row)) != '\0')
    ops_check_set_secret (check, gtk_editable_get_text (GTK_EDITABLE (self->secret_row)));

  /* What the fields do not show alone, such as the options together. */
  return report_error (self, GTK_WIDGET (self->options_group), check);
}

/* A new check from the form, or a changed copy of the edited one. */
static OpsCheck *
build_check (OpsCheckDialog *self)
{
  g_autoptr(OpsCheck) check = NULL;

  if (self->mode == OPS_CHECK_DIALOG_EDIT)
    check = ops_check_copy (self->original);
  else
    check = ops_check_new (get_kind (self), row_text (self->name_row), row_text (self->target_row));

  if (!read_form (self, check))
    return NULL;

  return g_steal_pointer (&check);
}

static void
clear_marks (OpsCheckDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->target_row), GTK_WIDGET (self->tags_row),
    GTK_WIDGET (self->interval_row), GTK_WIDGET (self->timeout_row), GTK_WIDGET (self->failure_row),
    GTK_WIDGET (self->success_row), GTK_WIDGET (self->conditions_view), GTK_WIDGET (self->options_group),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
  for (guint i = 0; i < self->option_rows->len; i++)
    gtk_widget_remove_css_class (g_ptr_array_index (self->option_rows, i), "error");
  g_clear_pointer (&self->problem, g_free);
}

static void
validate (OpsCheckDialog *self)
{
  g_autoptr(OpsCheck) check = NULL;

  clear_marks (self);
  check = build_check (self);

  gtk_widget_set_sensitive (self->save_button, check != NULL);
  gtk_widget_set_sensitive (self->test_button, check != NULL);
  gtk_label_set_label (self->problem_label, self->problem != NULL ? self->problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), self->problem != NULL);
}

static void
rebuild_kind_rows (OpsCheckDialog *self)
{
  const OpsCheckOptionSpec *specs;
  OpsCheckKind              kind = get_kind (self);
  guint                     n_specs;
  JsonObject               *options = NULL;

  if (self->original != NULL)
    options = ops_check_get_options (self->original);

  for (guint i = 0; i < self->option_rows->len; i++)
    adw_preferences_group_remove (self->options_group, g_ptr_array_index (self->option_rows, i));
  g_ptr_array_set_size (self->option_rows, 0);

  specs = ops_check_option_specs (&n_specs);
  for (guint i = 0; i < n_specs; i++)
    {
      GtkWidget *row;

      if (!ops_check_option_applies (&specs[i], kind))
        continue;

      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), specs[i].key);
      gtk_widget_set_tooltip_text (row, _(specs[i].help));
      g_object_set_data (G_OBJECT (row), "spec", (gpointer)&specs[i]);
      if (options != NULL && json_object_has_member (options, specs[i].key) &&
          self->original != NULL && ops_check_get_kind (self->original) == kind)
        {
          JsonNode        *node = json_object_get_member (options, specs[i].key);
          g_autofree char *text = NULL;

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            text = g_strdup (json_node_get_string (node));
          else if (JSON_NODE_HOLDS_ARRAY (node))
            {
              g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
              g_auto(GStrv) items = NULL;
              JsonArray *array = json_node_get_array (node);

              for (guint j = 0; j < json_array_get_length (array); j++)
                g_strv_builder_add (builder, json_array_get_string_element (array, j));
              items = g_strv_builder_end (builder);
              text = g_strjoinv (",", items);
            }
          else
            text = json_to_string (node, FALSE);
          gtk_editable_set_text (GTK_EDITABLE (row), text);
        }
      g_signal_connect_object (row, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->options_group, row);
      g_ptr_array_add (self->option_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->options_group), self->option_rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->conditions_group),
                          ops_check_kind_get_placeholders (kind) != 0);

  switch (ops_check_kind_get_secret_type (kind))
    {
    case OPS_CHECK_SECRET_PASSWORD:
      gtk_widget_set_visible (GTK_WIDGET (self->secret_group), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row), _("Password"));
      break;
    case OPS_CHECK_SECRET_TOKEN:
      gtk_widget_set_visible (GTK_WIDGET (self->secret_group), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row), _("Bearer token"));
      break;
    case OPS_CHECK_SECRET_NONE:
    default:
      gtk_widget_set_visible (GTK_WIDGET (self->secret_group), FALSE);
      break;
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->target_row), ops_check_kind_get_target_help (kind));
}

static void
kind_changed_cb (OpsCheckDialog *self)
{
  rebuild_kind_rows (self);
  validate (self);
}

/* Test */

static void
test_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpsCheckDialog) self = user_data;
  g_autoptr(OpsCheckResult) check_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *latency = NULL;
  g_autofree char *text = NULL;
  const OpsProbeTiming *timing;
  const char           *message;

  check_result = ops_health_engine_test_check_finish (OPS_HEALTH_ENGINE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->test_spinner);
  gtk_widget_set_sensitive (self->test_button, TRUE);

  if (check_result == NULL)
    {
      gtk_label_set_label (self->test_label, error->message);
      return;
    }

  timing = ops_check_result_get_timing (check_result);
  latency = ops_health_ui_format_latency (ops_check_result_get_latency_ms (check_result));
  message = ops_check_result_get_error (check_result);
  if (message == NULL)
    message = ops_check_result_get_summary (check_result);
  {
    g_autofree char *dns = ops_health_ui_format_latency (timing->dns_us / 1000.0);
    g_autofree char *connect = ops_health_ui_format_latency (timing->connect_us / 1000.0);
    g_autofree char *tls = ops_health_ui_format_latency (timing->tls_us / 1000.0);
    g_autofree char *first = ops_health_ui_format_latency (timing->first_byte_us / 1000.0);

    /* Translators: the result of a test probe: status, total time, then
     * DNS, connect, TLS and first-byte times, then the probe's message */
    text = g_strdup_printf (_("%s in %s (DNS %s, connect %s, TLS %s, first byte %s)\n%s"),
                            ops_health_status_to_label (ops_check_result_get_status (check_result)),
                            latency, dns, connect, tls, first, message != NULL ? message : "");
  }
  gtk_label_set_label (self->test_label, text);
  ops_health_ui_set_status_class (GTK_WIDGET (self->test_label),
                                  ops_check_result_get_status (check_result));
}

static void
on_test_clicked_cb (OpsCheckDialog *self)
{
  g_autoptr(OpsCheck) check = build_check (self);

  if (check == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_widget_set_sensitive (self->test_button, FALSE);
  gtk_spinner_start (self->test_spinner);
  gtk_label_set_label (self->test_label, _("Probing…"));
  ops_health_ui_set_status_class (GTK_WIDGET (self->test_label), OPS_HEALTH_STATUS_UNKNOWN);
  ops_health_engine_test_check_async (self->engine, check, self->cancellable, test_done_cb,
                                      g_object_ref (self));
}

/* Save */

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(OpsCheckDialog) self = user_data;
  g_autoptr(OpsCheck) check = g_steal_pointer (&self->saving);
  g_autoptr(GError) error = NULL;
  OpsCheckList *list = OPS_CHECK_LIST (object);
  gboolean      ok;

  if (g_task_get_source_tag (G_TASK (result)) == ops_check_list_add_async)
    ok = ops_check_list_add_finish (list, result, &error);
  else
    ok = ops_check_list_update_finish (list, result, &error);

  /* Closed while saving. */
  if (self->option_rows == NULL)
    return;

  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (!ok)
    {
      gtk_label_set_label (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0,
                 self->mode == OPS_CHECK_DIALOG_EDIT ? self->original : check);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_clicked_cb (OpsCheckDialog *self)
{
  g_autoptr(OpsCheck) check = NULL;
  OpsCheckList *list = ops_health_engine_get_checks (self->engine);

  if (self->saving != NULL || (check = build_check (self)) == NULL)
    return;

  gtk_widget_set_sensitive (self->save_button, FALSE);
  self->saving = g_object_ref (check);
  if (self->mode == OPS_CHECK_DIALOG_EDIT)
    ops_check_list_update_async (list, check, NULL, saved_cb, g_object_ref (self));
  else
    ops_check_list_add_async (list, check, NULL, saved_cb, g_object_ref (self));
}

static void
on_cancel_clicked_cb (OpsCheckDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_form (OpsCheckDialog *self)
{
  g_autofree char *interval = NULL;
  g_autofree char *timeout = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *conditions = NULL;
  g_autofree char *failures = NULL;
  g_autofree char *successes = NULL;
  g_autofree char *name = NULL;
  OpsCheck        *check = self->original;

  if (check == NULL)
    {
      check = ops_check_new (OPS_CHECK_KIND_HTTP, "", "");
      g_object_set_data_full (G_OBJECT (self), "defaults", check, g_object_unref);
    }

  interval = ops_health_format_duration (ops_check_get_interval_ms (check));
  timeout = ops_health_format_duration (ops_check_get_timeout_ms (check));
  tags = g_strjoinv (", ", (GStrv)ops_check_get_tags (check));
  conditions = g_strjoinv ("\n", (GStrv)ops_check_get_conditions (check));
  failures = g_strdup_printf ("%u", ops_check_get_failure_threshold (check));
  successes = g_strdup_printf ("%u", ops_check_get_success_threshold (check));
  if (self->mode == OPS_CHECK_DIALOG_DUPLICATE)
    /* Translators: the name proposed for a duplicated check */
    name = g_strdup_printf (_("%s (copy)"), ops_check_get_name (check));
  else
    name = g_strdup (ops_check_get_name (check));

  adw_combo_row_set_selected (self->kind_row, ops_check_get_kind (check));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->target_row), ops_check_get_target (check));
  adw_combo_row_set_selected (self->environment_row, ops_check_get_environment (check));
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  gtk_editable_set_text (GTK_EDITABLE (self->interval_row), interval);
  gtk_editable_set_text (GTK_EDITABLE (self->timeout_row), timeout);
  gtk_editable_set_text (GTK_EDITABLE (self->failure_row), failures);
  gtk_editable_set_text (GTK_EDITABLE (self->success_row), successes);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->conditions_view), conditions, -1);

  if (self->mode == OPS_CHECK_DIALOG_EDIT && ops_check_get_has_secret (check))
    adw_preferences_group_set_description (self->secret_group,
                                           _("Kept in the keyring. Leave empty to keep it."));
}

static void
ops_check_dialog_dispose (GObject *object)
{
  OpsCheckDialog *self = OPS_CHECK_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->original);
  g_clear_object (&self->saving);
  g_clear_pointer (&self->option_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPS_TYPE_CHECK_DIALOG);

  G_OBJECT_CLASS (ops_check_dialog_parent_class)->dispose (object);
}

static void
ops_check_dialog_class_init (OpsCheckDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_check_dialog_dispose;

  /**
   * OpsCheckDialog::saved:
   * @check: the saved check (the live one when edited)
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, OPS_TYPE_CHECK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/health/ops-check-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, environment_row);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, tags_row);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, interval_row);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, timeout_row);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, failure_row);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, success_row);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, conditions_group);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, conditions_view);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, secret_group);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, secret_row);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, test_button);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, OpsCheckDialog, test_label);
  gtk_widget_class_bind_template_callback (widget_class, on_test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ops_check_dialog_init (OpsCheckDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->option_rows = g_ptr_array_new ();

  for (guint i = 0; i < OPS_CHECK_N_KINDS; i++)
    gtk_string_list_append (kinds, ops_check_kind_to_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/**
 * ops_check_dialog_new:
 * @engine: the engine whose list the check is saved to, and which tests it
 * @check: (nullable): the check to edit or duplicate
 * @mode: add, edit or duplicate
 *
 * Returns: a new dialog, not shown yet
 */
GtkWidget *
ops_check_dialog_new (OpsHealthEngine   *engine,
                      OpsCheck          *check,
                      OpsCheckDialogMode mode)
{
  OpsCheckDialog *self;
  GtkWidget      *editables[] = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };

  g_return_val_if_fail (OPS_IS_HEALTH_ENGINE (engine), NULL);
  g_return_val_if_fail (mode == OPS_CHECK_DIALOG_ADD || OPS_IS_CHECK (check), NULL);

  self = g_object_new (OPS_TYPE_CHECK_DIALOG, NULL);
  self->engine = engine;
  self->mode = mode;
  if (mode != OPS_CHECK_DIALOG_ADD)
    self->original = g_object_ref (check);

  switch (mode)
    {
    case OPS_CHECK_DIALOG_EDIT:
      adw_window_title_set_title (self->window_title, _("Edit Check"));
      /* The kind of a saved check does not change: its history is of that kind. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), FALSE);
      break;
    case OPS_CHECK_DIALOG_DUPLICATE:
      adw_window_title_set_title (self->window_title, _("Duplicate Check"));
      break;
    case OPS_CHECK_DIALOG_ADD:
    default:
      adw_window_title_set_title (self->window_title, _("Add Check"));
      break;
    }

  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  fill_form (self);
  rebuild_kind_rows (self);

  editables[0] = GTK_WIDGET (self->name_row);
  editables[1] = GTK_WIDGET (self->target_row);
  editables[2] = GTK_WIDGET (self->tags_row);
  editables[3] = GTK_WIDGET (self->interval_row);
  editables[4] = GTK_WIDGET (self->timeout_row);
  editables[5] = GTK_WIDGET (self->failure_row);
  editables[6] = GTK_WIDGET (self->success_row);
  editables[7] = GTK_WIDGET (self->secret_row);
  for (guint i = 0; i < G_N_ELEMENTS (editables); i++)
    g_signal_connect_object (editables[i], "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->conditions_view), "changed",
                           G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->environment_row, "notify::selected", G_CALLBACK (validate), self,
                           G_CONNECT_SWAPPED);
  validate (self);

  return GTK_WIDGET (self);
}

gboolean
ops_check_dialog_is_valid (OpsCheckDialog *self)
{
  g_return_val_if_fail (OPS_IS_CHECK_DIALOG (self), FALSE);

  return self->problem == NULL;
}

/**
 * ops_check_dialog_get_problem:
 * @self: a dialog
 *
 * Returns: (nullable): the first problem of the form, as shown under it
 */
const char *
ops_check_dialog_get_problem (OpsCheckDialog *self)
{
  g_return_val_if_fail (OPS_IS_CHECK_DIALOG (self), NULL);

  return self->problem;
}
