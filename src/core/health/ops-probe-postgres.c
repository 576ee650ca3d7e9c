/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-probe-postgres"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>

#include "ops-probe-kinds.h"
#include "ops-probe-net.h"

/*
 * PostgreSQL: libpq's non-blocking connection, driven from the main loop
 * by watching its socket (the host name is resolved first with GIO, so
 * that libpq never blocks on DNS), then `SELECT 1` and one query for the
 * version, the role and, on a standby, the replication lag.
 */
struct _OpsProbePostgres
{
  OpsProbe parent_instance;
};

G_DEFINE_FINAL_TYPE (OpsProbePostgres, ops_probe_postgres, OPS_TYPE_PROBE)

#define STATUS_QUERY                                                            \
  "SELECT 1;"                                                                   \
  "SELECT current_setting('server_version'), pg_is_in_recovery(),"              \
  " CASE WHEN pg_is_in_recovery() THEN"                                         \
  "  CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"     \
  "  ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END END," \
  " CASE WHEN pg_is_in_recovery() THEN"                                         \
  "  pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) END"

typedef struct
{
  OpsCheckResult *result;
  OpsProbeTiming  timing;
  PGconn         *conn;
  guint           watch_id;
  char           *host;     /* for messages */
  char           *hostname; /* resolved by us: the name, once per address */
  char           *hostaddr; /* and the addresses, for libpq to try in turn */
  gint64          phase_start;
  guint           n_results;
  gboolean        connected;
  gboolean        sent;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *d = data;

  g_clear_handle_id (&d->watch_id, g_source_remove);
  g_clear_pointer (&d->conn, PQfinish);
  g_clear_object (&d->result);
  g_free (d->host);
  g_free (d->hostname);
  g_free (d->hostaddr);
  g_free (d);
}

static void step (GTask *task);

/* libpq's message, in one line, without its prefixes. */
static char *
describe_pq_error (RunData *d)
{
  g_autofree char *raw = g_strstrip (g_strdup (PQerrorMessage (d->conn)));
  g_auto(GStrv) lines = g_strsplit (raw, "\n", -1);
  const char *last = lines[0] != NULL ? lines[g_strv_length (lines) - 1] : "";
  const char *text = last;

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "FATAL:") != NULL || strstr (lines[i], "ERROR:") != NULL)
      text = lines[i];

  if (strstr (raw, "Connection refused") != NULL)
    return g_strdup_printf (_("connection refused by %s"), d->host);
  if (strstr (raw, "password authentication failed") != NULL)
    return g_strdup (_("PostgreSQL refused the password"));
  if (strstr (raw, "no password supplied") != NULL || strstr (raw, "fe_sendauth") != NULL)
    return g_strdup (_("PostgreSQL asks for a password; set one for the check"));

  if (strchr (text, ':') != NULL && (strstr (text, "FATAL:") != NULL || strstr (text, "ERROR:") != NULL))
    text = strchr (text, ':') + 1;

  return g_strdup_printf (_("PostgreSQL: %s"), g_strstrip ((char *)text));
}

static void
fail_with_pq_error (GTask *task)
{
  RunData         *d = g_task_get_task_data (task);
  g_autofree char *message = describe_pq_error (d);

  g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE, "%s", message);
}

static gboolean
socket_ready_cb (int          fd,
                 GIOCondition condition,
                 gpointer     user_data)
{
  GTask   *task = user_data;
  RunData *d = g_task_get_task_data (task);

  d->watch_id = 0;
  if (!g_task_return_error_if_cancelled (task))
    step (task);
  return G_SOURCE_REMOVE;
}

static void
wait_for (GTask       *task,
          GIOCondition condition)
{
  RunData      *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GSource      *source;

  /* The socket may change while connecting: watch it afresh each time.
   * Cancellation (the timeout) wakes the watch too. */
  source = g_unix_fd_source_new (PQsocket (d->conn), condition | G_IO_HUP | G_IO_ERR);
  if (cancellable != NULL)
    {
      GSource *cancelled = g_cancellable_source_new (cancellable);

      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (source, cancelled);
      g_source_unref (cancelled);
    }
  g_source_set_callback (source, G_SOURCE_FUNC (socket_ready_cb), g_object_ref (task),
                         g_object_unref);
  d->watch_id = g_source_attach (source, NULL);
  g_source_unref (source);
}

static void
judge (OpsProbe *self,
       RunData  *d,
       PGresult *status)
{
  OpsCheck        *check = ops_probe_get_check (self);
  const char      *expected = ops_check_get_option_string (check, "expect_role");
  double           max_lag = ops_check_get_option_double (check, "max_lag");
  const char      *version = PQgetvalue (status, 0, 0);
  gboolean         standby = g_str_equal (PQgetvalue (status, 0, 1), "t");
  const char      *role = standby ? "standby" : "primary";
  g_autofree char *summary = NULL;

  ops_check_result_set_status (d->result, OPS_HEALTH_STATUS_HEALTHY);
  ops_check_result_set_detail_string (d->result, "server_version", version);
  ops_check_result_set_detail_string (d->result, "role", role);

  if (standby && !PQgetisnull (status, 0, 2))
    ops_check_result_set_detail_double (d->result, "replication_lag_seconds",
                                        g_ascii_strtod (PQgetvalue (status, 0, 2), NULL));
  if (standby && !PQgetisnull (status, 0, 3))
    ops_check_result_set_detail_int (d->result, "replication_lag_bytes",
                                     g_ascii_strtoll (PQgetvalue (status, 0, 3), NULL, 10));

  if (!g_str_equal (expected, "any") && !g_str_equal (expected, role))
    ops_check_result_fail (d->result, OPS_HEALTH_STATUS_DOWN,
                           _("the server is a %s, expected a %s"), role, expected);
  else if (standby && max_lag > 0 && !PQgetisnull (status, 0, 2) &&
           g_ascii_strtod (PQgetvalue (status, 0, 2), NULL) > max_lag)
    ops_check_result_fail (d->result, OPS_HEALTH_STATUS_DEGRADED,
                           _("the standby replays %.1f s behind the primary, more than %.1f s"),
                           g_ascii_strtod (PQgetvalue (status, 0, 2), NULL), max_lag);

  if (standby && !PQgetisnull (status, 0, 2))
    summary = g_strdup_printf (_("standby, PostgreSQL %s, %.1f s behind"), version,
                               g_ascii_strtod (PQgetvalue (status, 0, 2), NULL));
  else
    summary = g_strdup_printf (_("%s, PostgreSQL %s"), role, version);
  ops_check_result_set_summary (d->result, summary);
}

/* Reads results while they are complete; TRUE when all are in. */
static gboolean
read_results (GTask   *task,
              GError **error)
{
  OpsProbe *self = g_task_get_source_object (task);
  RunData  *d = g_task_get_task_data (task);

  while (!PQisBusy (d->conn))
    {
      PGresult *result = PQgetResult (d->conn);

      if (result == NULL)
        return TRUE;

      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        {
          g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE, _("the query failed: %s"),
                       g_strstrip (PQresultErrorMessage (result)));
          PQclear (result);
          return FALSE;
        }

      if (++d->n_results == 1 && d->timing.first_byte_us < 0)
        d->timing.first_byte_us = g_get_monotonic_time () - d->phase_start;
      if (d->n_results == 2 && PQntuples (result) == 1)
        judge (self, d, result);
      PQclear (result);
    }

  return FALSE;
}

static void
step (GTask *task)
{
  OpsProbe *self = g_task_get_source_object (task);
  RunData  *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!d->connected)
    {
      switch (PQconnectPoll (d->conn))
        {
        case PGRES_POLLING_READING:
          wait_for (task, G_IO_IN);
          return;
        case PGRES_POLLING_WRITING:
          wait_for (task, G_IO_OUT);
          return;
        case PGRES_POLLING_FAILED:
          fail_with_pq_error (task);
          return;
        case PGRES_POLLING_OK:
        default:
          d->connected = TRUE;
          d->timing.connect_us = g_get_monotonic_time () - d->phase_start;
          break;
        }
    }

  if (!d->sent)
    {
      ops_probe_set_phase (self, N_("running the query"));
      PQsetnonblocking (d->conn, 1);
      if (!PQsendQuery (d->conn, STATUS_QUERY))
        {
          fail_with_pq_error (task);
          return;
        }
      d->sent = TRUE;
      d->phase_start = g_get_monotonic_time ();
    }

  /* Send what is left, then read. */
  switch (PQflush (d->conn))
    {
    case 1:
      wait_for (task, G_IO_OUT);
      return;
    case -1:
      fail_with_pq_error (task);
      return;
    default:
      break;
    }

  if (!PQconsumeInput (d->conn))
    {
      fail_with_pq_error (task);
      return;
    }

  if (!read_results (task, &error))
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        wait_for (task, G_IO_IN);
      return;
    }

  d->timing.total_us = g_get_monotonic_time () - ops_probe_get_run_start (self);
  ops_check_result_set_timing (d->result, &d->timing);
  if (d->n_results < 2)
    ops_check_result_fail (d->result, OPS_HEALTH_STATUS_DOWN,
                           _("the server did not answer the status query"));
  g_task_return_boolean (task, TRUE);
}

static void
start_connection (GTask *task)
{
  OpsProbe        *self = g_task_get_source_object (task);
  RunData         *d = g_task_get_task_data (task);
  const char      *password = ops_probe_get_secret (self);
  g_autofree char *timeout = g_strdup_printf ("%u",
                                              (ops_check_get_timeout_ms (ops_probe_get_check (self)) + 999) / 1000);
  const char      *keywords[7];
  const char      *values[7];
  guint            n = 0;

  /* The connection string first: what follows overrides it. */
  keywords[n] = "dbname", values[n++] = ops_check_get_target (ops_probe_get_check (self));
  keywords[n] = "application_name", values[n++] = "opsdeck";
  keywords[n] = "connect_timeout", values[n++] = timeout;
  if (d->hostaddr != NULL)
    {
      keywords[n] = "host", values[n++] = d->hostname;
      keywords[n] = "hostaddr", values[n++] = d->hostaddr;
    }
  if (password != NULL)
    keywords[n] = "password", values[n++] = password;
  keywords[n] = NULL, values[n] = NULL;

  ops_probe_set_phase (self, N_("connecting"));
  d->phase_start = g_get_monotonic_time ();
  d->conn = PQconnectStartParams (keywords, values, 1);
  if (d->conn == NULL)
    {
      g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE,
                               _("could not start a PostgreSQL connection"));
      return;
    }
  if (PQstatus (d->conn) == CONNECTION_BAD)
    {
      fail_with_pq_error (task);
      return;
    }

  /* Being asked for a password: libpq would prompt nobody; it fails. */
  step (task);
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GList *addresses;

  addresses = g_resolver_lookup_by_name_finish (G_RESOLVER (object), result, &error);
  if (addresses == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      message = ops_probe_describe_error (error, d->hostname, 0);
      g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE, "%s", message);
      return;
    }

  d->timing.dns_us = g_get_monotonic_time () - d->phase_start;

  /* Every address, each with the name (for TLS), for libpq to try. */
  {
    g_autoptr(GString) names = g_string_new (NULL);
    g_autoptr(GString) list = g_string_new (NULL);
    g_autofree char *name = g_strdup (d->hostname);

    for (GList *l = addresses; l != NULL; l = l->next)
      {
        g_autofree char *text = g_inet_address_to_string (l->data);

        g_string_append_printf (names, "%s%s", names->len > 0 ? "," : "", name);
        g_string_append_printf (list, "%s%s", list->len > 0 ? "," : "", text);
      }
    g_free (d->hostname);
    d->hostname = g_string_free (g_steal_pointer (&names), FALSE);
    d->hostaddr = g_string_free (g_steal_pointer (&list), FALSE);
  }
  g_resolver_free_addresses (addresses);
  start_connection (task);
}

static void
ops_probe_postgres_run_async (OpsProbe           *self,
                              OpsCheckResult     *result,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  OpsProbeTiming    unset = OPS_PROBE_TIMING_INIT;
  PQconninfoOption *options;
  RunData          *d = g_new0 (RunData, 1);
  const char       *host = NULL;
  const char       *hostaddr = NULL;
  const char       *port = "5432";

  g_task_set_source_tag (task, ops_probe_postgres_run_async);
  g_task_set_task_data (task, d, run_data_free);
  d->result = g_object_ref (result);
  d->timing = unset;

  options = PQconninfoParse (ops_check_get_target (ops_probe_get_check (self)), NULL);
  if (options == NULL)
    {
      g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID,
                               _("the connection string cannot be read"));
      return;
    }
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "hostaddr"))
        hostaddr = o->val;
      else if (g_str_equal (o->keyword, "port"))
        port = o->val;
    }
  d->host = g_strdup_printf ("%s:%s", host != NULL ? host : hostaddr != NULL ? hostaddr
                                                                             : "localhost",
                             port);

  /* A single host name: resolve it here, without blocking. Sockets,
   * addresses and lists of hosts go to libpq as they are. */
  if (host != NULL && hostaddr == NULL && host[0] != '/' && strchr (host, ',') == NULL &&
      !g_hostname_is_ip_address (host))
    {
      g_autofree char *name = g_strdup (host);

      d->hostname = g_strdup (host);
      PQconninfoFree (options);
      ops_probe_set_phase (self, N_("resolving the host name"));
      d->phase_start = g_get_monotonic_time ();
      g_resolver_lookup_by_name_async (ops_probe_context_get_resolver (ops_probe_get_context (self)),
                                       name, cancellable, resolved_cb, g_steal_pointer (&task));
      return;
    }

  PQconninfoFree (options);
  start_connection (task);
}

static void
ops_probe_postgres_class_init (OpsProbePostgresClass *klass)
{
  OpsProbeClass *probe_class = OPS_PROBE_CLASS (klass);

  probe_class->run_async = ops_probe_postgres_run_async;
}

static void
ops_probe_postgres_init (OpsProbePostgres *self)
{
}
