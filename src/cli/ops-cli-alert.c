/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "opsdeckctl"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "alerts/ops-alert-db.h"
#include "alerts/ops-alertmanager.h"
#include "ops-cli.h"

/* opsdeckctl alert list|show|ack|resolve|stats: the alerts Opsdeck
 * raised, and those of the Alertmanagers it reads. Acknowledging and
 * resolving write the database; a running Opsdeck notices within a
 * second and withdraws its notification. */

/* Waits for one asynchronous call, without a window's main loop. */
typedef struct
{
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  ((Wait *)user_data)->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return wait->result;
}

/* The alerts of one Alertmanager source, or why there are none. */
typedef struct
{
  OpsAlertSourceInfo    *info;
  OpsAlertmanagerClient *client;
  GPtrArray             *alerts; /* OpsAlertmanagerAlert, NULL on error */
  GError                *error;
} SourceAlerts;

static void
source_alerts_free (SourceAlerts *source)
{
  g_clear_object (&source->client);
  g_clear_pointer (&source->alerts, g_ptr_array_unref);
  g_clear_error (&source->error);
  g_free (source);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SourceAlerts, source_alerts_free)

static SourceAlerts *
read_source (OpsAlertSourceInfo *info)
{
  SourceAlerts *source = g_new0 (SourceAlerts, 1);
  Wait          wait = { NULL };

  source->info = info;
  source->client = ops_alertmanager_client_new (info->url, &source->error);
  if (source->client == NULL)
    return source;

  ops_alertmanager_client_list_alerts_async (source->client, NULL, done_cb, &wait);
  source->alerts = ops_alertmanager_client_list_alerts_finish (source->client, wait_for (&wait),
                                                               &source->error);
  g_object_unref (wait.result);

  return source;
}

static char *
labels_text (OpsAlertmanagerAlert *alert)
{
  JsonObject *labels = ops_alertmanager_alert_get_labels (alert);
  g_autoptr(GList) names = g_list_sort (json_object_get_members (labels), (GCompareFunc)g_strcmp0);
  GString *text = g_string_new (NULL);

  for (GList *l = names; l != NULL; l = l->next)
    {
      if (g_str_equal (l->data, "alertname") || g_str_equal (l->data, "severity"))
        continue;
      g_string_append_printf (text, "%s%s=%s", text->len > 0 ? ", " : "", (const char *)l->data,
                              json_object_get_string_member (labels, l->data));
    }

  return g_string_free (text, FALSE);
}

static void
print_local_alert (OpsAlert *alert)
{
  g_autofree char *since = ops_alert_format_time (ops_alert_get_fired_at (alert) != 0
                                                      ? ops_alert_get_fired_at (alert)
                                                      : ops_alert_get_pending_at (alert));

  g_print ("%-6" G_GINT64_FORMAT " %-12s %-8s %-20s %-19s %s\n", ops_alert_get_id (alert),
           ops_alert_state_to_string (ops_alert_get_state (alert)),
           ops_severity_to_string (ops_alert_get_severity (alert)),
           ops_alert_get_check_name (alert), since, ops_alert_get_cause (alert));

  if (ops_alert_get_blocked_by (alert) != NULL)
    g_print (_("       blocked by “%s”, which is down: not notified\n"),
             ops_alert_get_blocked_by (alert));
  if (ops_alert_get_in_maintenance (alert) != NULL)
    g_print (_("       in the maintenance window “%s”: not notified\n"),
             ops_alert_get_in_maintenance (alert));
  if (ops_alert_get_dependents (alert) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "       took %u dependent check down with it\n",
                          "       took %u dependent checks down with it\n",
                          ops_alert_get_dependents (alert)),
             ops_alert_get_dependents (alert));
  if (ops_alert_get_state (alert) == OPS_ALERT_STATE_ACKNOWLEDGED)
    g_print (_("       acknowledged by %s%s%s\n"), ops_alert_get_acknowledged_by (alert),
             ops_alert_get_ack_note (alert) != NULL ? ": " : "",
             ops_alert_get_ack_note (alert) != NULL ? ops_alert_get_ack_note (alert) : "");
}

static void
print_source_alerts (SourceAlerts *source)
{
  if (source->alerts == NULL)
    {
      g_print (_("%s: source error: %s\n"), source->info->name, source->error->message);
      return;
    }

  for (guint i = 0; i < source->alerts->len; i++)
    {
      OpsAlertmanagerAlert *alert = g_ptr_array_index (source->alerts, i);
      g_autofree char      *id = g_strdup_printf ("%s/%s", source->info->name,
                                                  ops_alertmanager_alert_get_fingerprint (alert));
      g_autofree char      *since = ops_alert_format_time (ops_alertmanager_alert_get_starts_at (alert));
      g_autofree char      *labels = labels_text (alert);
      const char           *summary = ops_alertmanager_alert_get_annotation (alert, "summary");

      g_print ("%s\n       %-12s %-8s %-20s %-19s %s%s%s\n", id,
               ops_alertmanager_alert_get_state (alert),
               ops_alertmanager_alert_get_severity (alert) != NULL
                   ? ops_alertmanager_alert_get_severity (alert)
                   : "-",
               ops_alertmanager_alert_get_name (alert) != NULL ? ops_alertmanager_alert_get_name (alert)
                                                               : "-",
               since, summary != NULL ? summary : "", summary != NULL ? " " : "",
               labels[0] != '\0' ? labels : "");
    }
}

int
ops_cli_alert_list (const OpsCliCommand *command,
                    int                  argc,
                    char               **argv)
{
  gboolean           json = FALSE;
  gboolean           open_only = FALSE;
  gboolean           no_sources = FALSE;
  g_autofree char   *since_text = NULL;
  g_autofree char   *state_text = NULL;
  g_autofree char   *severity_text = NULL;
  g_autofree char   *check = NULL;
  const GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("Only open alerts (pending, firing, acknowledged)"), NULL },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text, N_("History back to this long ago (default 7d)"), N_("DURATION") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state_text, N_("Only alerts in STATE: pending, firing, acknowledged or resolved"), N_("STATE") },
    { "severity", 0, 0, G_OPTION_ARG_STRING, &severity_text, N_("Only alerts of SEVERITY: warning or critical"), N_("SEVERITY") },
    { "check", 0, 0, G_OPTION_ARG_STRING, &check, N_("Only the alerts of the check NAME"), N_("NAME") },
    { "no-sources", 0, 0, G_OPTION_ARG_NONE, &no_sources, N_("Do not read the Alertmanager sources"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the alerts as JSON"), NULL },
    { NULL }
  };
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func ((GDestroyNotify)source_alerts_free);
  g_autoptr(GError) error = NULL;
  OpsAlertQuery query = OPS_ALERT_QUERY_INIT;
  OpsAlertState state;
  OpsSeverity   severity;
  gint64        since = 7 * 86400;
  int           status;

  if (!ops_cli_parse_options (command, entries,
                              _("Open alerts come first, then the history. Alerts of Alertmanager "
                                 "sources follow, named SOURCE/FINGERPRINT; a source that cannot "
                                 "be read is shown as a source error."),
                              &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ops_cli_usage_error (command, _("Unexpected argument “%s”."), argv[1]);
  if (since_text != NULL && !ops_alert_parse_duration (since_text, &since, &error))
    return ops_cli_usage_error (command, "%s", error->message);
  if (state_text != NULL && !ops_alert_state_from_string (state_text, &state))
    return ops_cli_usage_error (command, _("“%s” is not a state: use pending, firing, acknowledged or resolved."),
                                state_text);
  if (severity_text != NULL && !ops_severity_from_string (severity_text, &severity))
    return ops_cli_usage_error (command, _("“%s” is not a severity: use warning or critical."),
                                severity_text);

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;

  query.open_only = open_only;
  query.since = open_only ? 0 : g_get_real_time () - since * G_USEC_PER_SEC;
  query.check_name = check;
  query.state = state_text != NULL ? (int)state : -1;
  query.severity = severity_text != NULL ? (int)severity : -1;
  alerts = ops_alert_db_list_alerts (store, &query, &error);
  if (alerts == NULL)
    return ops_cli_fail ("%s", error->message);

  if (!no_sources)
    {
      sources = ops_alert_db_list_sources (store, &error);
      if (sources == NULL)
        return ops_cli_fail ("%s", error->message);
      for (guint i = 0; i < sources->len; i++)
        g_ptr_array_add (read, read_source (g_ptr_array_index (sources, i)));
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "alerts");
      json_builder_begin_array (builder);
      for (guint i = 0; i < alerts->len; i++)
        ops_alert_to_json (g_ptr_array_index (alerts, i), builder);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "sources");
      json_builder_begin_array (builder);
      for (guint i = 0; i < read->len; i++)
        {
          SourceAlerts *source = g_ptr_array_index (read, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, source->info->name);
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, source->info->url);
          json_builder_set_member_name (builder, "error");
          if (source->error != NULL)
            json_builder_add_string_value (builder, source->error->message);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "alerts");
          json_builder_begin_array (builder);
          for (guint j = 0; source->alerts != NULL && j < source->alerts->len; j++)
            ops_alertmanager_alert_to_json (g_ptr_array_index (source->alerts, j), builder);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ops_cli_print_json (root);
      return OPS_CLI_EXIT_OK;
    }

  if (alerts->len == 0)
    g_print ("%s\n", open_only ? _("No open alerts.") : _("No alerts in that time."));
  else
    {
      g_print ("%-6s %-12s %-8s %-20s %-19s %s\n", _("ID"), _("STATE"), _("SEVERITY"), _("CHECK"),
               _("SINCE"), _("CAUSE"));
      for (guint i = 0; i < alerts->len; i++)
        print_local_alert (g_ptr_array_index (alerts, i));
    }

  for (guint i = 0; i < read->len; i++)
    {
      if (i == 0)
        g_print ("\n%s\n", _("Alertmanager sources:"));
      print_source_alerts (g_ptr_array_index (read, i));
    }

  return OPS_CLI_EXIT_OK;
}

static gboolean
parse_alert_id (const char *text,
                gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;

  *id = value;
  return TRUE;
}

int
ops_cli_alert_show (const OpsCliCommand *command,
                    int                  argc,
                    char               **argv)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the alert and its timeline as JSON"), NULL },
    { NULL }
  };
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsAlert) alert = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) snapshot = NULL;
  g_autofree char *snapshot_text = NULL;
  gint64           id;
  int              status;

  if (!ops_cli_parse_options (command, entries, NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ops_cli_usage_error (command, _("Give the number of one alert."));
  if (!parse_alert_id (argv[1], &id))
    return ops_cli_usage_error (command, _("“%s” is not an alert number."), argv[1]);

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;

  alert = ops_alert_db_get_alert (store, id, &error);
  if (alert == NULL)
    return ops_cli_fail ("%s", error->message);
  timeline = ops_alert_db_list_transitions (store, id, &error);
  if (timeline == NULL)
    return ops_cli_fail ("%s", error->message);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "alert");
      ops_alert_to_json (alert, builder);
      json_builder_set_member_name (builder, "timeline");
      json_builder_begin_array (builder);
      for (guint i = 0; i < timeline->len; i++)
        {
          OpsAlertTransition *t = g_ptr_array_index (timeline, i);
          g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (t->at / G_USEC_PER_SEC);
          g_autofree char *at_text = g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "at");
          json_builder_add_string_value (builder, at_text);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, t->kind);
          json_builder_set_member_name (builder, "state");
          json_builder_add_string_value (builder, ops_alert_state_to_string (t->state));
          json_builder_set_member_name (builder, "severity");
          json_builder_add_string_value (builder, ops_severity_to_string (t->severity));
          if (t->actor != NULL)
            {
              json_builder_set_member_name (builder, "actor");
              json_builder_add_string_value (builder, t->actor);
            }
          if (t->note != NULL)
            {
              json_builder_set_member_name (builder, "note");
              json_builder_add_string_value (builder, t->note);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      ops_cli_print_json (root);
      return OPS_CLI_EXIT_OK;
    }

  g_print (_("Alert %" G_GINT64_FORMAT ": %s\n"), id, ops_alert_get_cause (alert));
  g_print (_("  Check:     %s\n"), ops_alert_get_check_name (alert));
  g_print (_("  Rule:      %s\n"), ops_alert_get_rule_name (alert));
  g_print (_("  State:     %s (%s)\n"), ops_alert_state_to_label (ops_alert_get_state (alert)),
           ops_severity_to_string (ops_alert_get_severity (alert)));
  if (ops_alert_get_blocked_by (alert) != NULL)
    g_print (_("  Blocked by “%s”, which is down\n"), ops_alert_get_blocked_by (alert));
  if (ops_alert_get_dependents (alert) > 0)
    g_print (_("  Dependents: %u alerts of dependent checks were blocked by this one\n"),
             ops_alert_get_dependents (alert));
  if (ops_alert_get_in_maintenance (alert) != NULL)
    g_print (_("  In the maintenance window “%s”\n"), ops_alert_get_in_maintenance (alert));

  snapshot = ops_alert_dup_snapshot (alert);
  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();

    json_generator_set_pretty (generator, TRUE);
    json_generator_set_indent (generator, 2);
    json_generator_set_root (generator, snapshot);
    snapshot_text = json_generator_to_data (generator, NULL);
  }

  g_print ("\n%s\n", _("Timeline:"));
  for (guint i = 0; i < timeline->len; i++)
    {
      OpsAlertTransition *t = g_ptr_array_index (timeline, i);
      g_autofree char    *at = ops_alert_format_time (t->at);

      g_print ("  %s  %-18s %s%s%s\n", at, t->kind, t->actor != NULL ? t->actor : "",
               t->actor != NULL && t->note != NULL ? ": " : "", t->note != NULL ? t->note : "");
    }

  g_print ("\n%s\n%s\n", _("Values that fired it:"), snapshot_text);

  return OPS_CLI_EXIT_OK;
}

static int
acknowledge_alertmanager (const OpsCliCommand *command,
                          OpsStore            *store,
                          const char          *target,
                          const char          *duration_text,
                          const char          *note)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SourceAlerts) source = NULL;
  g_autofree char      *name = g_strndup (target, strchr (target, '/') - target);
  g_autofree char      *silence = NULL;
  const char           *fingerprint = strchr (target, '/') + 1;
  OpsAlertSourceInfo   *info = NULL;
  OpsAlertmanagerAlert *alert = NULL;
  gint64                duration;
  Wait                  wait = { NULL };

  if (duration_text == NULL)
    return ops_cli_usage_error (command,
                                _("Acknowledging an Alertmanager alert silences it: say for how "
                                   "long with --for, such as --for 2h."));
  if (!ops_alert_parse_duration (duration_text, &duration, &error))
    return ops_cli_usage_error (command, "%s", error->message);

  sources = ops_alert_db_list_sources (store, &error);
  if (sources == NULL)
    return ops_cli_fail ("%s", error->message);
  for (guint i = 0; i < sources->len; i++)
    if (g_str_equal (((OpsAlertSourceInfo *)g_ptr_array_index (sources, i))->name, name))
      info = g_ptr_array_index (sources, i);
  if (info == NULL)
    return ops_cli_fail (_("There is no alert source named “%s” (see “opsdeckctl alert sources”)."),
                         name);

  source = read_source (info);
  if (source->alerts == NULL)
    return ops_cli_fail ("%s", source->error->message);
  for (guint i = 0; i < source->alerts->len; i++)
    if (g_str_equal (ops_alertmanager_alert_get_fingerprint (g_ptr_array_index (source->alerts, i)),
                     fingerprint))
      alert = g_ptr_array_index (source->alerts, i);
  if (alert == NULL)
    return ops_cli_fail (_("Alertmanager “%s” has no alert %s now; it may have resolved."), name,
                         fingerprint);

  ops_alertmanager_client_create_silence_async (source->client, alert, duration,
                                                ops_alert_get_user_name (), note, NULL, done_cb,
                                                &wait);
  silence = ops_alertmanager_client_create_silence_finish (source->client, wait_for (&wait), &error);
  g_object_unref (wait.result);
  if (silence == NULL)
    return ops_cli_fail ("%s", error->message);

  g_print (_("Silenced %s for %s in Alertmanager “%s” (silence %s).\n"),
           ops_alertmanager_alert_get_name (alert), duration_text, name, silence);
  return OPS_CLI_EXIT_OK;
}

int
ops_cli_alert_ack (const OpsCliCommand *command,
                   int                  argc,
                   char               **argv)
{
  g_autofree char   *note = NULL;
  g_autofree char   *duration = NULL;
  const GOptionEntry entries[] = {
    { "note", 'm', 0, G_OPTION_ARG_STRING, &note, N_("Why, or what is being done"), N_("TEXT") },
    { "for", 0, 0, G_OPTION_ARG_STRING, &duration, N_("For an Alertmanager alert: silence it for DURATION, such as 2h"), N_("DURATION") },
    { NULL }
  };
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsAlert) alert = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int    status;

  if (!ops_cli_parse_options (command, entries,
                              _("ID is an alert's number, or SOURCE/FINGERPRINT for an alert of an "
                                 "Alertmanager source (as “opsdeckctl alert list” shows them), "
                                 "which is acknowledged by silencing it --for a while."),
                              &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ops_cli_usage_error (command, _("Give one alert: a number, or SOURCE/FINGERPRINT."));
  if (note != NULL && !ops_alert_validate_note (note, &error))
    return ops_cli_usage_error (command, "%s", error->message);

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;

  if (strchr (argv[1], '/') != NULL)
    return acknowledge_alertmanager (command, store, argv[1], duration, note);

  if (!parse_alert_id (argv[1], &id))
    return ops_cli_usage_error (command, _("“%s” is not an alert number."), argv[1]);
  if (duration != NULL)
    return ops_cli_usage_error (command,
                                _("--for is for Alertmanager alerts; Opsdeck’s own alerts stay "
                                   "acknowledged until they resolve."));

  alert = ops_alert_db_acknowledge (store, id, ops_alert_get_user_name (), note, g_get_real_time (),
                                    &error);
  if (alert == NULL)
    return ops_cli_fail ("%s", error->message);

  g_print (_("Alert %" G_GINT64_FORMAT " (%s) acknowledged.\n"), id,
           ops_alert_get_check_name (alert));
  return OPS_CLI_EXIT_OK;
}

int
ops_cli_alert_resolve (const OpsCliCommand *command,
                       int                  argc,
                       char               **argv)
{
  g_autofree char   *note = NULL;
  const GOptionEntry entries[] = {
    { "note", 'm', 0, G_OPTION_ARG_STRING, &note, N_("Why it is resolved (required)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(OpsAlert) alert = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int    status;

  if (!ops_cli_parse_options (command, entries,
                              _("If the condition still holds, the next result opens a new alert."),
                              &argc, &argv, &status))
    return status;
  if (argc != 2)
    return ops_cli_usage_error (command, _("Give the number of one alert."));
  if (!parse_alert_id (argv[1], &id))
    return ops_cli_usage_error (command, _("“%s” is not an alert number."), argv[1]);
  if (note == NULL || g_strstrip (note)[0] == '\0')
    return ops_cli_usage_error (command, _("Say why with --note, for the history."));
  if (!ops_alert_validate_note (note, &error))
    return ops_cli_usage_error (command, "%s", error->message);

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;

  alert = ops_alert_db_resolve (store, id, ops_alert_get_user_name (), note, g_get_real_time (),
                                &error);
  if (alert == NULL)
    return ops_cli_fail ("%s", error->message);

  g_print (_("Alert %" G_GINT64_FORMAT " (%s) resolved.\n"), id, ops_alert_get_check_name (alert));
  return OPS_CLI_EXIT_OK;
}

static char *
format_mean (double seconds)
{
  if (seconds < 0)
    return g_strdup ("—");

  return ops_alert_format_duration ((gint64)(seconds + 0.5));
}

int
ops_cli_alert_stats (const OpsCliCommand *command,
                     int                  argc,
                     char               **argv)
{
  int                days = 0;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Over the last N days only (default: 7 and 30)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON"), NULL },
    { NULL }
  };
  g_autoptr(OpsStore) store = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  int    periods[2] = { 7, 30 };
  guint  n_periods = 2;
  gint64 now = g_get_real_time ();
  int    status;

  if (!ops_cli_parse_options (command, entries,
                              _("MTTA is the mean time from firing to acknowledgement, MTTR from "
                                 "firing to resolution, over the alerts that fired in the period."),
                              &argc, &argv, &status))
    return status;
  if (argc > 1)
    return ops_cli_usage_error (command, _("Unexpected argument “%s”."), argv[1]);
  if (days < 0 || days > 3650)
    return ops_cli_usage_error (command, _("--days must be from 1 to 3650."));
  if (days > 0)
    {
      periods[0] = days;
      n_periods = 1;
    }

  store = ops_cli_open_store ();
  if (store == NULL)
    return OPS_CLI_EXIT_FAILURE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_periods; i++)
    {
      OpsAlertStats    stats;
      g_autofree char *mtta = NULL;
      g_autofree char *mttr = NULL;

      if (!ops_alert_db_query_stats (store, now - (gint64)periods[i] * 86400 * G_USEC_PER_SEC,
                                     now + 1, &stats, &error))
        return ops_cli_fail ("%s", error->message);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "days");
      json_builder_add_int_value (builder, periods[i]);
      json_builder_set_member_name (builder, "fired");
      json_builder_add_int_value (builder, stats.fired);
      json_builder_set_member_name (builder, "per_day");
      json_builder_add_double_value (builder, stats.per_day);
      json_builder_set_member_name (builder, "acknowledged");
      json_builder_add_int_value (builder, stats.acknowledged);
      json_builder_set_member_name (builder, "mtta_seconds");
      if (stats.mtta_seconds >= 0)
        json_builder_add_double_value (builder, stats.mtta_seconds);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "resolved");
      json_builder_add_int_value (builder, stats.resolved);
      json_builder_set_member_name (builder, "mttr_seconds");
      if (stats.mttr_seconds >= 0)
        json_builder_add_double_value (builder, stats.mttr_seconds);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);

      if (!json)
        {
          mtta = format_mean (stats.mtta_seconds);
          mttr = format_mean (stats.mttr_seconds);
          g_print (_("Last %d days: %u alerts (%.1f per day), mean time to acknowledge %s, mean "
                      "time to resolve %s\n"),
                   periods[i], stats.fired, stats.per_day, mtta, mttr);
        }
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      ops_cli_print_json (root);
    }

  return OPS_CLI_EXIT_OK;
}
