/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <string.h>

#include "alerts/ops-alertmanager.h"
#include "ops-test-alertmanager.h"
#include "ops-test-nginx.h"
#include "ops-test-util.h"

/* The Alertmanager source against the real prometheus-alertmanager,
 * started on loopback by the test: alerts posted to it are read back, a
 * silence created from Opsdeck shows up in its API; and every failure —
 * nothing listening, something that is not an Alertmanager, an error
 * answer, an answer too large — is an error in words. */

static const char alerts_json[] =
    "[{\"labels\": {\"alertname\": \"HighCPU\", \"instance\": \"db1:9100\", \"severity\": \"critical\"},"
    "  \"annotations\": {\"summary\": \"CPU above 95 % for 10 minutes\"}},"
    " {\"labels\": {\"alertname\": \"DiskFilling\", \"instance\": \"web1:9100\", \"severity\": \"warning\"},"
    "  \"annotations\": {\"summary\": \"Disk full in 4 hours\"}}]";

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return wait->result;
}

static GPtrArray *
list_alerts (OpsAlertmanagerClient *client,
             GError               **error)
{
  Wait       wait = { NULL };
  GPtrArray *alerts;

  ops_alertmanager_client_list_alerts_async (client, NULL, done_cb, &wait);
  alerts = ops_alertmanager_client_list_alerts_finish (client, wait_for (&wait), error);
  g_object_unref (wait.result);

  return alerts;
}

static OpsAlertmanagerAlert *
find_alert (GPtrArray  *alerts,
            const char *name)
{
  for (guint i = 0; i < alerts->len; i++)
    if (g_strcmp0 (ops_alertmanager_alert_get_name (g_ptr_array_index (alerts, i)), name) == 0)
      return g_ptr_array_index (alerts, i);

  return NULL;
}

static void
test_read_alerts (void)
{
  OpsTestAlertmanager *am = ops_test_alertmanager_start ();
  g_autofree char     *url = ops_test_alertmanager_url (am, "/");
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlertmanagerClient) client = ops_alertmanager_client_new (url, &error);
  g_autoptr(GPtrArray) alerts = NULL;
  OpsAlertmanagerAlert *cpu;
  OpsAlertmanagerAlert *disk;

  g_assert_no_error (error);
  /* The trailing slash goes. */
  g_assert_false (g_str_has_suffix (ops_alertmanager_client_get_url (client), "/"));

  /* Nothing yet: an empty list, not an error. */
  alerts = list_alerts (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 0);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  ops_test_alertmanager_post_alerts (am, alerts_json);
  alerts = list_alerts (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 2);

  cpu = find_alert (alerts, "HighCPU");
  disk = find_alert (alerts, "DiskFilling");
  g_assert_nonnull (cpu);
  g_assert_nonnull (disk);
  g_assert_cmpstr (ops_alertmanager_alert_get_severity (cpu), ==, "critical");
  g_assert_cmpstr (ops_alertmanager_alert_get_label (cpu, "instance"), ==, "db1:9100");
  g_assert_cmpstr (ops_alertmanager_alert_get_annotation (disk, "summary"), ==,
                   "Disk full in 4 hours");
  g_assert_cmpuint (strlen (ops_alertmanager_alert_get_fingerprint (cpu)), >, 0);
  g_assert_cmpint (ops_alertmanager_alert_get_starts_at (cpu), >, 0);
  g_assert_cmpstr (ops_alertmanager_alert_get_state (cpu), !=, "suppressed");

  ops_test_alertmanager_stop (am);
}

static gboolean
is_silenced (OpsAlertmanagerClient *client,
             const char            *name,
             const char            *silence_id)
{
  g_autoptr(GPtrArray) alerts = list_alerts (client, NULL);
  OpsAlertmanagerAlert *alert = alerts != NULL ? find_alert (alerts, name) : NULL;

  return alert != NULL && g_str_equal (ops_alertmanager_alert_get_state (alert), "suppressed") &&
         g_strv_contains (ops_alertmanager_alert_get_silenced_by (alert), silence_id);
}

static void
test_acknowledge_creates_silence (void)
{
  OpsTestAlertmanager *am = ops_test_alertmanager_start ();
  g_autofree char     *url = ops_test_alertmanager_url (am, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlertmanagerClient) client = ops_alertmanager_client_new (url, &error);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(JsonNode) silences = NULL;
  g_autofree char *id = NULL;
  JsonObject      *silence = NULL;
  JsonArray       *matchers;
  Wait             wait = { NULL };
  gint64           deadline;

  ops_test_alertmanager_post_alerts (am, alerts_json);
  alerts = list_alerts (client, &error);
  g_assert_no_error (error);

  /* “Acknowledge for 2 hours”, with a note. */
  ops_alertmanager_client_create_silence_async (client, find_alert (alerts, "HighCPU"), 2 * 3600,
                                                "ann", "Replacing the fan; back by noon.", NULL,
                                                done_cb, &wait);
  id = ops_alertmanager_client_create_silence_finish (client, wait_for (&wait), &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
  g_assert_nonnull (id);

  /* Alertmanager's own API shows it: who, why, which labels, how long. */
  silences = ops_test_alertmanager_get (am, "/api/v2/silences");
  for (guint i = 0; i < json_array_get_length (json_node_get_array (silences)); i++)
    {
      JsonObject *candidate = json_array_get_object_element (json_node_get_array (silences), i);

      if (g_str_equal (json_object_get_string_member (candidate, "id"), id))
        silence = candidate;
    }
  g_assert_nonnull (silence);
  g_assert_cmpstr (json_object_get_string_member (silence, "createdBy"), ==, "ann");
  g_assert_cmpstr (json_object_get_string_member (silence, "comment"), ==,
                   "Replacing the fan; back by noon.");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (silence, "status"),
                                                  "state"),
                   ==, "active");
  matchers = json_object_get_array_member (silence, "matchers");
  g_assert_cmpuint (json_array_get_length (matchers), ==, 3);
  {
    g_autoptr(GDateTime) starts = g_date_time_new_from_iso8601 (json_object_get_string_member (silence, "startsAt"), NULL);
    g_autoptr(GDateTime) ends = g_date_time_new_from_iso8601 (json_object_get_string_member (silence, "endsAt"), NULL);
    GTimeSpan span = g_date_time_difference (ends, starts);

    g_assert_cmpint (span, >=, (2 * 3600 - 5) * G_TIME_SPAN_SECOND);
    g_assert_cmpint (span, <=, (2 * 3600 + 5) * G_TIME_SPAN_SECOND);
  }

  /* The alert is now silenced by it; the other is not. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!is_silenced (client, "HighCPU", id) && g_get_monotonic_time () < deadline)
    g_usleep (100 * 1000);
  g_assert_true (is_silenced (client, "HighCPU", id));
  g_assert_false (is_silenced (client, "DiskFilling", id));

  /* A silence too short is refused before anything is sent. */
  wait.result = NULL;
  ops_alertmanager_client_create_silence_async (client, find_alert (alerts, "DiskFilling"), 10,
                                                "ann", NULL, NULL, done_cb, &wait);
  g_assert_null (ops_alertmanager_client_create_silence_finish (client, wait_for (&wait), &error));
  g_object_unref (wait.result);
  g_assert_error (error, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A silence lasts from 1 minute to a year.");

  ops_test_alertmanager_stop (am);
}

static void
test_unreachable (void)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", ops_test_free_port ());
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpsAlertmanagerClient) client = ops_alertmanager_client_new (url, &error);
  g_autoptr(GPtrArray) alerts = NULL;

  g_assert_no_error (error);
  alerts = list_alerts (client, &error);
  g_assert_null (alerts);
  g_assert_error (error, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_UNREACHABLE);
  expected = g_strdup_printf ("Could not reach Alertmanager at %s: the connection was refused. "
                              "Is it running, and is the address right?",
                              url);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_bad_addresses (void)
{
  static const char *const bad[] = { "", "alertmanager:9093", "ftp://alertmanager", "http://",
                                     "http://a:9093/?x=1", "http://user:pw@host:9093", "http:///x" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OpsAlertmanagerClient) client = ops_alertmanager_client_new (bad[i], &error);
      g_autofree char *expected = g_strdup_printf ("“%s” is not the address of an Alertmanager: "
                                                   "write it like "
                                                   "http://alertmanager.example.com:9093 (http or "
                                                   "https, no user name, query or fragment).",
                                                   bad[i]);

      g_assert_null (client);
      g_assert_error (error, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_INVALID_URL);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

/* A real web server that is not an Alertmanager, or answers with errors:
 * each case is a source error in words, never a crash or an empty list. */
static void
test_wrong_answers (void)
{
  OpsTestNginx *nginx = ops_test_nginx_start (
      "location = /html/api/v2/alerts { default_type text/html; return 200 '<html>Welcome</html>'; }\n"
      "location = /object/api/v2/alerts { default_type application/json; return 200 '{\"alerts\": []}'; }\n"
      "location = /shape/api/v2/alerts { default_type application/json; return 200 '[{\"labels\": 1}]'; }\n"
      "location = /error/api/v2/alerts { default_type application/json; "
      "  return 500 '{\"code\": 500, \"message\": \"the alert store is unavailable\"}'; }\n"
      "location = /error/api/v2/silences { default_type application/json; "
      "  return 422 '{\"code\": 602, \"message\": \"comment in body is required\"}'; }\n"
      "location = /big/api/v2/alerts { default_type application/json; try_files /big.json =404; }\n",
      NULL, NULL);
  static const struct
  {
    const char          *prefix;
    OpsAlertmanagerError code;
    const char          *message; /* after the address */
  } cases[] = {
    { "/html", OPS_ALERTMANAGER_ERROR_BAD_RESPONSE, " did not answer like an Alertmanager: its answer is not JSON" },
    { "/object", OPS_ALERTMANAGER_ERROR_BAD_RESPONSE, " did not answer like an Alertmanager: the alerts are not a JSON list." },
    { "/shape", OPS_ALERTMANAGER_ERROR_BAD_RESPONSE, " did not answer like an Alertmanager: alert 1 has no fingerprint or labels." },
    { "/nothing", OPS_ALERTMANAGER_ERROR_HTTP, " answered 404 Not Found." },
    { "/error", OPS_ALERTMANAGER_ERROR_HTTP, " answered 500 Internal Server Error: the alert store is unavailable" },
    { "/big", OPS_ALERTMANAGER_ERROR_TOO_LARGE, " sent more than 16 MiB; Opsdeck stopped reading." },
  };
  g_autofree char *big = NULL;

  /* 17 MiB of a JSON list. */
  big = g_malloc (17 * 1024 * 1024 + 1);
  memset (big, ' ', 17 * 1024 * 1024);
  big[0] = '[';
  big[17 * 1024 * 1024 - 1] = ']';
  big[17 * 1024 * 1024] = '\0';
  ops_test_nginx_write_file (nginx, "big.json", big, -1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *base = ops_test_nginx_url (nginx, cases[i].prefix);
      g_autoptr(GError) error = NULL;
      g_autoptr(OpsAlertmanagerClient) client = ops_alertmanager_client_new (base, &error);
      g_autoptr(GPtrArray) alerts = NULL;

      g_assert_no_error (error);
      alerts = list_alerts (client, &error);
      g_assert_null (alerts);
      g_assert_error (error, OPS_ALERTMANAGER_ERROR, (int)cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "Alertmanager at ") ||
                     g_str_has_prefix (error->message, base));
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("Case %s: “%s” does not say “%s”", cases[i].prefix, error->message,
                 cases[i].message);
    }

  /* Alertmanager's words when it refuses a silence. */
  {
    OpsTestAlertmanager *am = ops_test_alertmanager_start ();
    g_autofree char     *am_url = ops_test_alertmanager_url (am, NULL);
    g_autofree char     *base = ops_test_nginx_url (nginx, "/error");
    g_autoptr(GError) error = NULL;
    g_autoptr(OpsAlertmanagerClient) real = ops_alertmanager_client_new (am_url, &error);
    g_autoptr(OpsAlertmanagerClient) client = ops_alertmanager_client_new (base, &error);
    g_autoptr(GPtrArray) alerts = NULL;
    g_autofree char *expected = g_strdup_printf ("Alertmanager at %s answered 422 Unprocessable Entity: comment in body is required", base);
    Wait             wait = { NULL };

    ops_test_alertmanager_post_alerts (am, alerts_json);
    alerts = list_alerts (real, &error);
    g_assert_no_error (error);
    ops_alertmanager_client_create_silence_async (client, g_ptr_array_index (alerts, 0), 3600,
                                                  "ann", "note", NULL, done_cb, &wait);
    g_assert_null (ops_alertmanager_client_create_silence_finish (client, wait_for (&wait), &error));
    g_object_unref (wait.result);
    g_assert_error (error, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_HTTP);
    g_assert_cmpstr (error->message, ==, expected);
    ops_test_alertmanager_stop (am);
  }

  ops_test_nginx_stop (nginx);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/alerts/alertmanager/read-alerts", test_read_alerts);
  g_test_add_func ("/opsdeck/alerts/alertmanager/acknowledge-creates-silence",
                   test_acknowledge_creates_silence);
  g_test_add_func ("/opsdeck/alerts/alertmanager/unreachable", test_unreachable);
  g_test_add_func ("/opsdeck/alerts/alertmanager/bad-addresses", test_bad_addresses);
  g_test_add_func ("/opsdeck/alerts/alertmanager/wrong-answers", test_wrong_answers);

  return g_test_run ();
}
