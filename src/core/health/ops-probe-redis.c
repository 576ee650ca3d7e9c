/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-probe-redis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ops-probe-kinds.h"
#include "ops-probe-net.h"

/*
 * Redis: AUTH (when the check has a password), PING and INFO over RESP,
 * pipelined on one connection. Reports the role (a master is a primary, a
 * slave a standby), the memory used and the version; a replica that lost
 * its link to the primary is degraded.
 */
struct _OpsProbeRedis
{
  OpsProbe parent_instance;
};

G_DEFINE_FINAL_TYPE (OpsProbeRedis, ops_probe_redis, OPS_TYPE_PROBE)

#define MAX_REPLY (1024 * 1024)

typedef struct
{
  OpsProbeHostRun     base;
  OpsProbeConnection *connection;
  GByteArray         *input;
  GPtrArray          *replies; /* char *: "+PONG", "-ERR …", "$<bulk>" */
  GBytes             *request;
  guint               n_expected;
  gboolean            with_auth;
  gint64              sent_at;
  guint8              buffer[16384];
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *d = data;

  ops_probe_host_run_clear (&d->base);
  g_clear_pointer (&d->connection, ops_probe_connection_free);
  g_clear_pointer (&d->input, g_byte_array_unref);
  g_clear_pointer (&d->replies, g_ptr_array_unref);
  g_clear_pointer (&d->request, g_bytes_unref);
  g_free (d);
}

static void
append_command (GString           *out,
                const char *const *words)
{
  guint n = g_strv_length ((GStrv)words);

  g_string_append_printf (out, "*%u\r\n", n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "$%zu\r\n%s\r\n", strlen (words[i]), words[i]);
}

/* Takes one complete reply off the front of the input: TRUE when there
 * was one. Replies are kept as "+text", "-error" or "$bulk". */
static gboolean
take_reply (RunData *d,
            GError **error)
{
  const char *data = (const char *)d->input->data;
  const char *end = memchr (data, '\n', d->input->len);
  gsize       header;

  if (end == NULL || end == data || end[-1] != '\r')
    return FALSE;
  header = end - data + 1;

  switch (data[0])
    {
    case '+':
    case '-':
    case ':':
      g_ptr_array_add (d->replies, g_strndup (data, header - 2));
      g_byte_array_remove_range (d->input, 0, header);
      return TRUE;

    case '$':
      {
        gint64 length = g_ascii_strtoll (data + 1, NULL, 10);

        if (length < 0)
          {
            g_ptr_array_add (d->replies, g_strdup ("$"));
            g_byte_array_remove_range (d->input, 0, header);
            return TRUE;
          }
        if (length > MAX_REPLY)
          break;
        if (d->input->len < header + length + 2)
          return FALSE;
        g_ptr_array_add (d->replies, g_strdup_printf ("$%.*s", (int)length, data + header));
        g_byte_array_remove_range (d->input, 0, header + length + 2);
        return TRUE;
      }

    default:
      break;
    }

  g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE,
               _("the server’s answer is not the Redis protocol"));
  return FALSE;
}

static char *
info_value (const char *info,
            const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\n%s:", key);
  g_autofree char *text = g_strconcat ("\n", info, NULL);
  const char      *found = strstr (text, needle);
  const char      *end;

  if (found == NULL)
    return NULL;

  found += strlen (needle);
  end = strpbrk (found, "\r\n");
  return g_strndup (found, end != NULL ? (gsize)(end - found) : strlen (found));
}

/* Turns a Redis error reply into words. */
static char *
describe_redis_error (const char *reply,
                      gboolean    with_auth)
{
  const char *text = reply + 1;

  if (g_str_has_prefix (text, "NOAUTH"))
    return g_strdup (_("the server needs a password; set one for the check"));
  if (g_str_has_prefix (text, "WRONGPASS") || strstr (text, "invalid password") != NULL)
    return g_strdup (_("the server refused the password"));
  if (with_auth && strstr (text, "without any password configured") != NULL)
    return g_strdup (_("the check gives a password, but the server has none set"));

  return g_strdup_printf (_("the server answered with an error: %s"), text);
}

static void
judge (OpsProbe *self,
       RunData  *d)
{
  OpsCheck        *check = ops_probe_get_check (self);
  const char      *expected = ops_check_get_option_string (check, "expect_role");
  guint            first = d->with_auth ? 1 : 0;
  const char      *pong = g_ptr_array_index (d->replies, first);
  const char      *info = g_ptr_array_index (d->replies, first + 1);
  g_autofree char *role = NULL;
  g_autofree char *version = NULL;
  g_autofree char *used = NULL;
  g_autofree char *maxmemory = NULL;
  g_autofree char *clients = NULL;
  g_autofree char *link = NULL;
  g_autofree char *used_text = NULL;
  g_autofree char *summary = NULL;
  const char      *our_role;

  if (d->with_auth && ((const char *)g_ptr_array_index (d->replies, 0))[0] == '-')
    {
      g_autofree char *message = describe_redis_error (g_ptr_array_index (d->replies, 0), TRUE);

      ops_check_result_fail (d->base.result, OPS_HEALTH_STATUS_DOWN, "%s", message);
      return;
    }

  if (pong[0] == '-' || info[0] == '-')
    {
      g_autofree char *message = describe_redis_error (pong[0] == '-' ? pong : info, d->with_auth);

      ops_check_result_fail (d->base.result, OPS_HEALTH_STATUS_DOWN, "%s", message);
      return;
    }

  if (!g_str_equal (pong, "+PONG"))
    {
      ops_check_result_fail (d->base.result, OPS_HEALTH_STATUS_DOWN,
                             _("the server answered PING with “%s”"), pong + 1);
      return;
    }

  ops_check_result_set_status (d->base.result, OPS_HEALTH_STATUS_HEALTHY);

  role = info_value (info + 1, "role");
  version = info_value (info + 1, "redis_version");
  used = info_value (info + 1, "used_memory");
  maxmemory = info_value (info + 1, "maxmemory");
  clients = info_value (info + 1, "connected_clients");
  link = info_value (info + 1, "master_link_status");

  ops_check_result_set_detail_string (d->base.result, "role", role);
  ops_check_result_set_detail_string (d->base.result, "server_version", version);
  if (used != NULL)
    ops_check_result_set_detail_int (d->base.result, "used_memory_bytes", g_ascii_strtoll (used, NULL, 10));
  if (maxmemory != NULL)
    ops_check_result_set_detail_int (d->base.result, "maxmemory_bytes",
                                     g_ascii_strtoll (maxmemory, NULL, 10));
  if (clients != NULL)
    ops_check_result_set_detail_int (d->base.result, "connected_clients",
                                     g_ascii_strtoll (clients, NULL, 10));
  if (link != NULL)
    ops_check_result_set_detail_string (d->base.result, "master_link_status", link);

  our_role = g_strcmp0 (role, "slave") == 0 ? "standby" : "primary";
  if (!g_str_equal (expected, "any") && !g_str_equal (expected, our_role))
    ops_check_result_fail (d->base.result, OPS_HEALTH_STATUS_DOWN,
                           _("the server is a %s (%s), expected a %s"), our_role,
                           role != NULL ? role : "?", expected);
  else if (g_strcmp0 (role, "slave") == 0 && g_strcmp0 (link, "up") != 0)
    ops_check_result_fail (d->base.result, OPS_HEALTH_STATUS_DEGRADED,
                           _("the replica has lost its link to the primary (%s)"),
                           link != NULL ? link : "?");

  used_text = used != NULL ? g_format_size (g_ascii_strtoull (used, NULL, 10)) : g_strdup ("?");
  summary = g_strdup_printf (_("%s, Redis %s, %s used"), role != NULL ? role : "?",
                             version != NULL ? version : "?", used_text);
  ops_check_result_set_summary (d->base.result, summary);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpsProbe     *self = g_task_get_source_object (task);
  RunData      *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  if (n < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = ops_probe_describe_error (error, d->base.host, d->base.port);

          g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE, "%s", message);
        }
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (n == 0)
    {
      g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE,
                               _("the server closed the connection before answering"));
      return;
    }

  if (d->base.timing.first_byte_us < 0)
    d->base.timing.first_byte_us = g_get_monotonic_time () - d->sent_at;

  g_byte_array_append (d->input, d->buffer, n);
  if (d->input->len > MAX_REPLY)
    {
      g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_TOO_LARGE,
                               _("the server’s answer is larger than 1 MiB"));
      return;
    }

  while (d->replies->len < d->n_expected && d->input->len > 0 && take_reply (d, &error))
    ;
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (d->replies->len < d->n_expected)
    {
      g_input_stream_read_async (g_io_stream_get_input_stream (d->connection->stream), d->buffer,
                                 sizeof d->buffer, G_PRIORITY_DEFAULT,
                                 cancellable, read_cb, g_steal_pointer (&task));
      return;
    }

  d->base.timing.total_us = g_get_monotonic_time () - ops_probe_get_run_start (self);
  ops_check_result_set_timing (d->base.result, &d->base.timing);
  judge (self, d);
  g_task_return_boolean (task, TRUE);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpsProbe     *self = g_task_get_source_object (task);
  RunData      *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, &error))
    {
      g_autofree char *message = ops_probe_describe_error (error, d->base.host, d->base.port);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE, "%s", message);
      return;
    }

  ops_probe_set_phase (self, N_("waiting for the server’s answer"));
  g_input_stream_read_async (g_io_stream_get_input_stream (d->connection->stream), d->buffer,
                             sizeof d->buffer, G_PRIORITY_DEFAULT, cancellable, read_cb,
                             g_steal_pointer (&task));
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpsProbe     *self = OPS_PROBE (object);
  RunData      *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) commands = g_string_new (NULL);
  const char *password = ops_probe_get_secret (self);

  d->connection = ops_probe_connect_finish (self, result, &error);
  if (d->connection == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Pipelined: one write, then the answers in order. */
  d->with_auth = password != NULL;
  if (d->with_auth)
    append_command (commands, (const char *[]){ "AUTH", password, NULL });
  append_command (commands, (const char *[]){ "PING", NULL });
  append_command (commands, (const char *[]){ "INFO", NULL });
  d->n_expected = d->with_auth ? 3 : 2;

  /* Kept in the task's data until the write is done. */
  d->request = g_string_free_to_bytes (g_steal_pointer (&commands));
  d->sent_at = g_get_monotonic_time ();
  ops_probe_set_phase (self, N_("sending the commands"));
  g_output_stream_write_all_async (g_io_stream_get_output_stream (d->connection->stream),
                                   g_bytes_get_data (d->request, NULL),
                                   g_bytes_get_size (d->request), G_PRIORITY_DEFAULT,
                                   cancellable, written_cb, g_steal_pointer (&task));
}

static void
ops_probe_redis_run_async (OpsProbe           *self,
                           OpsCheckResult     *result,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  RunData *d = g_new0 (RunData, 1);

  d->input = g_byte_array_new ();
  d->replies = g_ptr_array_new_with_free_func (g_free);
  ops_probe_connect_target (self, &d->base, run_data_free, result, 6379, OPS_PROBE_CONNECT_PLAIN,
                            ops_probe_redis_run_async, cancellable, callback, user_data,
                            connected_cb);
}

static void
ops_probe_redis_class_init (OpsProbeRedisClass *klass)
{
  OpsProbeClass *probe_class = OPS_PROBE_CLASS (klass);

  probe_class->run_async = ops_probe_redis_run_async;
}

static void
ops_probe_redis_init (OpsProbeRedis *self)
{
}
