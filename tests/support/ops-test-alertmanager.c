/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "ops-test-alertmanager.h"

#define ALERTMANAGER "/usr/bin/prometheus-alertmanager"

/**
 * ops_test_alertmanager_start:
 *
 * Starts the real Prometheus Alertmanager (Debian's
 * prometheus-alertmanager) on a free port of 127.0.0.1, in a folder of its
 * own, alone (no cluster), with one receiver that sends nowhere.
 *
 * Returns: (transfer full): the running server
 */
OpsTestAlertmanager *
ops_test_alertmanager_start (void)
{
  OpsTestAlertmanager *self = g_new0 (OpsTestAlertmanager, 1);
  g_autofree char     *dir = ops_test_make_server_dir ("alertmanager");
  g_autofree char     *config_path = g_build_filename (dir, "alertmanager.yml", NULL);
  g_autofree char     *data = g_build_filename (dir, "data", NULL);
  g_autofree char     *log_path = g_build_filename (dir, "alertmanager.log", NULL);
  g_autofree char     *config_arg = NULL;
  g_autofree char     *data_arg = NULL;
  g_autofree char     *listen_arg = NULL;
  g_autoptr(GError) error = NULL;

  self->port = ops_test_free_port ();

  g_file_set_contents (config_path,
                       "route:\n"
                       "  receiver: nowhere\n"
                       "receivers:\n"
                       "  - name: nowhere\n",
                       -1, &error);
  g_assert_no_error (error);

  config_arg = g_strdup_printf ("--config.file=%s", config_path);
  data_arg = g_strdup_printf ("--storage.path=%s", data);
  listen_arg = g_strdup_printf ("--web.listen-address=127.0.0.1:%u", self->port);

  {
    /* Its log goes to standard error: keep it, to show when it fails. */
    const char *argv[] = { "/bin/sh", "-c", "exec \"$0\" \"$@\" 2>>\"$LOG\"",
                           ALERTMANAGER, config_arg, data_arg, listen_arg,
                           "--cluster.listen-address=", "--log.level=info", NULL };

    g_setenv ("LOG", log_path, TRUE);
    self->process = ops_test_process_start ("Alertmanager", dir, log_path, self->port, argv);
    g_unsetenv ("LOG");
  }

  return self;
}

void
ops_test_alertmanager_stop (OpsTestAlertmanager *self)
{
  if (self == NULL)
    return;

  ops_test_process_stop (self->process);
  g_free (self);
}

char *
ops_test_alertmanager_url (OpsTestAlertmanager *self,
                           const char          *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", self->port, path != NULL ? path : "");
}

static GBytes *
request (OpsTestAlertmanager *self,
         const char          *method,
         const char          *path,
         const char          *body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = ops_test_alertmanager_url (self, path);
  GBytes          *answer;

  message = soup_message_new (method, url);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    g_error ("Alertmanager answered %s %s with %u: %.*s", method, path,
             soup_message_get_status (message), (int)g_bytes_get_size (answer),
             (const char *)g_bytes_get_data (answer, NULL));

  return answer;
}

/* Raises alerts in Alertmanager, as Prometheus does (`POST /api/v2/alerts`). */
void
ops_test_alertmanager_post_alerts (OpsTestAlertmanager *self,
                                   const char          *json)
{
  g_bytes_unref (request (self, "POST", "/api/v2/alerts", json));
}

/* Reads its API directly, to see what Opsdeck did. */
JsonNode *
ops_test_alertmanager_get (OpsTestAlertmanager *self,
                           const char          *path)
{
  g_autoptr(GBytes) answer = request (self, "GET", path, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize       length;
  const char *data = g_bytes_get_data (answer, &length);

  json_parser_load_from_data (parser, data != NULL ? data : "", length, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}
