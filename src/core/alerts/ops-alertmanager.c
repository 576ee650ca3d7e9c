/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alertmanager"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "ops-alert-types.h"
#include "ops-alertmanager.h"

/**
 * OpsAlertmanagerClient:
 *
 * Reads the alerts of a Prometheus Alertmanager (`GET /api/v2/alerts`)
 * and silences one of them (`POST /api/v2/silences`), which is how
 * Opsdeck acknowledges an alert it does not own. Every failure is an
 * #OPS_ALERTMANAGER_ERROR with a message for people: the server refused
 * the connection, did not answer in time, answered with an error (and
 * Alertmanager's own words), or sent something that is not its API.
 */

G_DEFINE_QUARK (ops-alertmanager-error-quark, ops_alertmanager_error)

struct _OpsAlertmanagerClient
{
  GObject parent_instance;

  /* Owned */
  SoupSession *session;
  char        *url;
};

G_DEFINE_FINAL_TYPE (OpsAlertmanagerClient, ops_alertmanager_client, G_TYPE_OBJECT)

/* client */

static void
ops_alertmanager_client_finalize (GObject *object)
{
  OpsAlertmanagerClient *self = OPS_ALERTMANAGER_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (ops_alertmanager_client_parent_class)->finalize (object);
}

static void
ops_alertmanager_client_class_init (OpsAlertmanagerClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ops_alertmanager_client_finalize;
}

static void
ops_alertmanager_client_init (OpsAlertmanagerClient *self)
{
  self->session = soup_session_new_with_options ("timeout", OPS_ALERTMANAGER_TIMEOUT_S,
                                                 "user-agent", PACKAGE_NAME "/" PACKAGE_VERSION,
                                                 NULL);
}

/**
 * ops_alertmanager_normalize_url:
 * @url: the address of an Alertmanager, such as `http://alertmanager:9093`
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the address without a trailing slash, or %NULL
 *   when it is not an http or https address
 */
char *
ops_alertmanager_normalize_url (const char *url,
                                GError    **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *text = NULL;
  const char      *scheme;
  gsize            length;

  if (url != NULL)
    uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL ||
      g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_INVALID_URL,
                   _("“%s” is not the address of an Alertmanager: write it like "
                      "http://alertmanager.example.com:9093 (http or https, no user name, query "
                      "or fragment)."),
                   url != NULL ? url : "");
      return NULL;
    }

  text = g_uri_to_string (uri);
  length = strlen (text);
  while (length > 0 && text[length - 1] == '/')
    text[--length] = '\0';

  return g_steal_pointer (&text);
}

/**
 * ops_alertmanager_client_new:
 * @url: the address of an Alertmanager
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a client, or %NULL when @url is not usable
 */
OpsAlertmanagerClient *
ops_alertmanager_client_new (const char *url,
                             GError    **error)
{
  OpsAlertmanagerClient *self;
  char                  *normalized;

  normalized = ops_alertmanager_normalize_url (url, error);
  if (normalized == NULL)
    return NULL;

  self = g_object_new (OPS_TYPE_ALERTMANAGER_CLIENT, NULL);
  self->url = normalized;

  return self;
}

const char *
ops_alertmanager_client_get_url (OpsAlertmanagerClient *self)
{
  g_return_val_if_fail (OPS_IS_ALERTMANAGER_CLIENT (self), NULL);

  return self->url;
}

typedef struct
{
  SoupMessage         *message;
  GMemoryOutputStream *body;
  char                *url;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_object (&request->message);
  g_clear_object (&request->body);
  g_free (request->url);
  g_free (request);
}

/* Grows the response buffer, refusing to go beyond the cap. */
static gpointer
capped_realloc (gpointer data,
                gsize    size)
{
  if (size > OPS_ALERTMANAGER_MAX_RESPONSE)
    return NULL;

  return g_realloc (data, size);
}

static void
set_transport_error (GError    **error,
                     const char *url,
                     GError     *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_TIMED_OUT,
                 _("Alertmanager at %s did not answer within %d seconds."), url,
                 OPS_ALERTMANAGER_TIMEOUT_S);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    g_set_error (error, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_UNREACHABLE,
                 _("Could not reach Alertmanager at %s: the connection was refused. Is it "
                    "running, and is the address right?"),
                 url);
  else if (cause->domain == G_RESOLVER_ERROR)
    g_set_error (error, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_UNREACHABLE,
                 _("Could not reach Alertmanager at %s: its host name was not found."), url);
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_UNREACHABLE,
                 _("Could not reach Alertmanager at %s: its TLS certificate is not trusted (%s)."),
                 url, cause->message);
  else
    g_set_error (error, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_UNREACHABLE,
                 _("Could not reach Alertmanager at %s: %s."), url, cause->message);
}

/* Alertmanager's words from an error response: `{"message": …}`, or
 * plain text; not a web page. */
static char *
error_detail (SoupMessage *message,
              const char  *data,
              gsize        length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  const char      *type;
  char            *newline;

  if (length == 0)
    return NULL;

  type = soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL);

  if (json_parser_load_from_data (parser, data, length, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      const char *words = ops_alert_json_get_string (json_node_get_object (json_parser_get_root (parser)),
                                                     "message");

      if (words != NULL)
        return g_strdup (words);
    }

  if (g_strcmp0 (type, "text/plain") != 0 || !g_utf8_validate_len (data, length, NULL))
    return NULL;

  /* The first line, at most 300 bytes of it. */
  text = g_strndup (data, MIN (length, 300));
  newline = strchr (text, '\n');
  if (newline != NULL)
    *newline = '\0';
  g_strstrip (text);

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
spliced_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  Request    *request = g_task_get_task_data (task);
  const char *data;
  gsize       length;
  guint       status;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        g_task_return_new_error (task, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_TOO_LARGE,
                                 _("Alertmanager at %s sent more than %d MiB; Opsdeck stopped "
                                    "reading."),
                                 request->url, OPS_ALERTMANAGER_MAX_RESPONSE / (1024 * 1024));
      else
        {
          GError *mapped = NULL;

          set_transport_error (&mapped, request->url, error);
          g_task_return_error (task, mapped);
        }
      return;
    }

  data = g_memory_output_stream_get_data (request->body);
  length = g_memory_output_stream_get_data_size (request->body);
  status = soup_message_get_status (request->message);

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autofree char *detail = error_detail (request->message, data, length);

      if (detail != NULL)
        g_task_return_new_error (task, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_HTTP,
                                 _("Alertmanager at %s answered %u %s: %s"), request->url, status,
                                 soup_status_get_phrase (status), detail);
      else
        g_task_return_new_error (task, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_HTTP,
                                 _("Alertmanager at %s answered %u %s."), request->url, status,
                                 soup_status_get_phrase (status));
      return;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", length, &error) ||
      json_parser_get_root (parser) == NULL)
    {
      g_task_return_new_error (task, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_BAD_RESPONSE,
                               _("%s did not answer like an Alertmanager: its answer is not JSON "
                                  "(%s)."),
                               request->url, error != NULL ? error->message : _("it is empty"));
      return;
    }

  g_task_return_pointer (task, json_node_copy (json_parser_get_root (parser)),
                         (GDestroyNotify)json_node_unref);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  Request *request = g_task_get_task_data (task);

  stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (stream == NULL)
    {
      GError *mapped = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      set_transport_error (&mapped, request->url, error);
      g_task_return_error (task, mapped);
      return;
    }

  request->body = G_MEMORY_OUTPUT_STREAM (g_memory_output_stream_new (NULL, 0, capped_realloc, g_free));
  g_output_stream_splice_async (G_OUTPUT_STREAM (request->body), stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                    G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, g_task_get_cancellable (task), spliced_cb,
                                g_object_ref (task));
}

/* Sends a request and returns its JSON answer, or an error in words. */
static void
request_json_async (OpsAlertmanagerClient *self,
                    const char            *method,
                    const char            *path,
                    JsonNode              *body,
                    gpointer               source_tag,
                    GCancellable          *cancellable,
                    GAsyncReadyCallback    callback,
                    gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *uri = g_strconcat (self->url, path, NULL);
  Request         *request;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  request = g_new0 (Request, 1);
  request->url = g_strdup (self->url);
  request->message = soup_message_new (method, uri);
  g_task_set_task_data (task, request, request_free);

  if (request->message == NULL)
    {
      g_task_return_new_error (task, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_INVALID_URL,
                               _("“%s” is not a usable address."), uri);
      return;
    }

  soup_message_headers_replace (soup_message_get_request_headers (request->message), "Accept",
                                "application/json");
  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);
      gsize length = strlen (text);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);

      soup_message_set_request_body_from_bytes (request->message, "application/json", bytes);
    }

  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT, cancellable,
                           sent_cb, g_steal_pointer (&task));
}

static void
alerts_received_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  JsonArray *array;

  root = g_task_propagate_pointer (G_TASK (result), &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_task_return_new_error (task, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_BAD_RESPONSE,
                               _("%s did not answer like an Alertmanager: the alerts are not a "
                                  "JSON list."),
                               OPS_ALERTMANAGER_CLIENT (source)->url);
      return;
    }

  array = json_node_get_array (root);
  alerts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      OpsAlertmanagerAlert *alert = ops_alertmanager_alert_new_from_json (json_array_get_element (array, i));

      if (alert == NULL)
        {
          g_task_return_new_error (task, OPS_ALERTMANAGER_ERROR,
                                   OPS_ALERTMANAGER_ERROR_BAD_RESPONSE,
                                   _("%s did not answer like an Alertmanager: alert %u has no "
                                      "fingerprint or labels."),
                                   OPS_ALERTMANAGER_CLIENT (source)->url, i + 1);
          return;
        }
      g_ptr_array_add (alerts, alert);
    }

  g_task_return_pointer (task, g_steal_pointer (&alerts), (GDestroyNotify)g_ptr_array_unref);
}

/**
 * ops_alertmanager_client_list_alerts_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the alerts
 * @user_data: data for @callback
 *
 * Reads the alerts (`GET /api/v2/alerts`).
 */
void
ops_alertmanager_client_list_alerts_async (OpsAlertmanagerClient *self,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OPS_IS_ALERTMANAGER_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_alertmanager_client_list_alerts_async);

  request_json_async (self, "GET", "/api/v2/alerts", NULL, ops_alertmanager_client_list_alerts_async,
                      cancellable, alerts_received_cb, g_steal_pointer (&task));
}

/**
 * ops_alertmanager_client_list_alerts_finish:
 * @self: a client
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type OpsAlertmanagerAlert): the alerts
 */
GPtrArray *
ops_alertmanager_client_list_alerts_finish (OpsAlertmanagerClient *self,
                                            GAsyncResult          *result,
                                            GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static char *
format_time (gint64 time_usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (time_usec / G_USEC_PER_SEC);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static void
silence_created_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *id = NULL;

  root = g_task_propagate_pointer (G_TASK (result), &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    id = ops_alert_json_get_string (json_node_get_object (root), "silenceID");
  if (id == NULL)
    {
      g_task_return_new_error (task, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_BAD_RESPONSE,
                               _("%s did not answer like an Alertmanager: it gave no silence id."),
                               OPS_ALERTMANAGER_CLIENT (source)->url);
      return;
    }

  g_task_return_pointer (task, g_strdup (id), g_free);
}

/**
 * ops_alertmanager_client_create_silence_async:
 * @self: a client
 * @alert: the alert to silence; the silence matches all its labels
 * @duration_s: for how long, in seconds
 * @created_by: who, the local user name
 * @comment: (nullable): the note; Alertmanager requires one, so a plain
 *   one is written when there is none
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the silence's id
 * @user_data: data for @callback
 *
 * Acknowledges an Alertmanager alert for a while by silencing it
 * (`POST /api/v2/silences`).
 */
void
ops_alertmanager_client_create_silence_async (OpsAlertmanagerClient *self,
                                              OpsAlertmanagerAlert  *alert,
                                              gint64                 duration_s,
                                              const char            *created_by,
                                              const char            *comment,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GList) names = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  gint64           now = g_get_real_time ();

  g_return_if_fail (OPS_IS_ALERTMANAGER_CLIENT (self));
  g_return_if_fail (OPS_IS_ALERTMANAGER_ALERT (alert));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_alertmanager_client_create_silence_async);

  if (duration_s < 60 || duration_s > 366 * 86400)
    {
      g_task_return_new_error (task, OPS_ALERTMANAGER_ERROR, OPS_ALERTMANAGER_ERROR_INVALID,
                               _("A silence lasts from 1 minute to a year."));
      return;
    }

  if (comment == NULL || comment[0] == '\0')
    comment = _("Acknowledged in Opsdeck.");

  starts = format_time (now);
  ends = format_time (now + duration_s * G_USEC_PER_SEC);
  names = json_object_get_members (ops_alertmanager_alert_get_labels (alert));
  names = g_list_sort (names, (GCompareFunc)g_strcmp0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "matchers");
  json_builder_begin_array (builder);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *value = ops_alert_json_get_string (ops_alertmanager_alert_get_labels (alert), l->data);

      if (value == NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, l->data);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, value);
      json_builder_set_member_name (builder, "isRegex");
      json_builder_add_boolean_value (builder, FALSE);
      json_builder_set_member_name (builder, "isEqual");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "startsAt");
  json_builder_add_string_value (builder, starts);
  json_builder_set_member_name (builder, "endsAt");
  json_builder_add_string_value (builder, ends);
  json_builder_set_member_name (builder, "createdBy");
  json_builder_add_string_value (builder, created_by != NULL ? created_by : g_get_user_name ());
  json_builder_set_member_name (builder, "comment");
  json_builder_add_string_value (builder, comment);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  request_json_async (self, "POST", "/api/v2/silences", body,
                      ops_alertmanager_client_create_silence_async, cancellable,
                      silence_created_cb, g_steal_pointer (&task));
}

/**
 * ops_alertmanager_client_create_silence_finish:
 * @self: a client
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the new silence's id
 */
char *
ops_alertmanager_client_create_silence_finish (OpsAlertmanagerClient *self,
                                               GAsyncResult          *result,
                                               GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
