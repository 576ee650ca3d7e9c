/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-probe"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "ops-probe-net.h"

/*
 * What probes that open a connection share: resolving (timed), connecting
 * to each address in turn (timed), a TLS handshake (timed) that trusts
 * what the check trusts, and errors told in words.
 */

typedef struct
{
  char               *host;
  guint16             port;
  OpsProbeConnectMode mode;
  OpsProbeTiming     *timing;
  GList              *addresses; /* GInetAddress */
  GList              *next;
  GSocketConnectable *identity;
  OpsProbeConnection *connection;
  GError             *first_error;
  gint64              phase_start;
} ConnectData;

static void
connect_data_free (gpointer data)
{
  ConnectData *d = data;

  g_free (d->host);
  g_list_free_full (d->addresses, g_object_unref);
  g_clear_object (&d->identity);
  g_clear_pointer (&d->connection, ops_probe_connection_free);
  g_clear_error (&d->first_error);
  g_free (d);
}

void
ops_probe_connection_free (OpsProbeConnection *connection)
{
  if (connection == NULL)
    return;

  if (connection->stream != NULL)
    g_io_stream_close (connection->stream, NULL, NULL);
  g_clear_object (&connection->stream);
  g_clear_object (&connection->address);
  g_clear_object (&connection->certificate);
  g_free (connection);
}

/**
 * ops_probe_split_host_port:
 * @target: HOST:PORT, or [IPv6]:PORT, or HOST alone
 * @default_port: the port when there is none
 * @host: (out): the host
 * @port: (out): the port
 *
 * Returns: %TRUE when @target is one
 */
gboolean
ops_probe_split_host_port (const char *target,
                           guint16     default_port,
                           char      **host,
                           guint16    *port)
{
  g_autoptr(GSocketConnectable) address = g_network_address_parse (target, default_port, NULL);

  if (address == NULL)
    return FALSE;

  *host = g_strdup (g_network_address_get_hostname (G_NETWORK_ADDRESS (address)));
  *port = g_network_address_get_port (G_NETWORK_ADDRESS (address));
  return *port != 0;
}

/**
 * ops_probe_get_host_port:
 * @probe: a probe whose target is HOST:PORT
 * @default_port: the port when the target has none, or 0
 * @host: (out): the host
 * @port: (out): the port
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the check's target is HOST:PORT
 */
gboolean
ops_probe_get_host_port (OpsProbe *probe,
                         guint16   default_port,
                         char    **host,
                         guint16  *port,
                         GError  **error)
{
  if (ops_probe_split_host_port (ops_check_get_target (ops_probe_get_check (probe)), default_port,
                                 host, port))
    return TRUE;

  g_set_error (error, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_INVALID, _("the target is not HOST:PORT"));
  return FALSE;
}

/* “10 s”, “1.5 s” or “500 ms”. */
char *
ops_probe_format_seconds (guint msec)
{
  if (msec < 1000)
    return g_strdup_printf (_("%u ms"), msec);
  if (msec % 1000 == 0)
    return g_strdup_printf (_("%u s"), msec / 1000);
  return g_strdup_printf (_("%.1f s"), msec / 1000.0);
}

/**
 * ops_probe_describe_error:
 * @error: what failed
 * @host: (nullable): the host it was about
 * @port: its port, or 0
 *
 * Returns: (transfer full): the error in words for people
 */
char *
ops_probe_describe_error (const GError *error,
                          const char   *host,
                          guint16       port)
{
  g_autofree char *where = NULL;

  if (host != NULL && port != 0)
    where = g_strdup_printf (strchr (host, ':') != NULL ? "[%s]:%u" : "%s:%u", host, port);
  else
    where = g_strdup (host != NULL ? host : "");

  if (error->domain == G_RESOLVER_ERROR)
    {
      if (error->code == G_RESOLVER_ERROR_NOT_FOUND)
        return g_strdup_printf (_("unknown host name “%s”"), host);
      return g_strdup_printf (_("could not resolve “%s”: %s"), host, error->message);
    }

  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_CONNECTION_REFUSED:
        return g_strdup_printf (_("connection refused by %s"), where);
      case G_IO_ERROR_HOST_UNREACHABLE:
        return g_strdup_printf (_("%s is unreachable"), where);
      case G_IO_ERROR_NETWORK_UNREACHABLE:
        return g_strdup_printf (_("the network of %s is unreachable"), where);
      case G_IO_ERROR_CONNECTION_CLOSED:
        return g_strdup (_("the server closed the connection"));
      case G_IO_ERROR_PARTIAL_INPUT:
        return g_strdup (_("the server closed the connection in the middle of the response"));
      case G_IO_ERROR_TIMED_OUT:
        return g_strdup (_("timed out"));
      case G_IO_ERROR_PERMISSION_DENIED:
        return g_strdup_printf (_("not allowed to connect to %s"), where);
      default:
        break;
      }

  if (error->domain == G_TLS_ERROR)
    switch (error->code)
      {
      case G_TLS_ERROR_NOT_TLS:
        return g_strdup_printf (_("%s does not speak TLS"), where);
      case G_TLS_ERROR_EOF:
        return g_strdup (_("the server closed the connection during the TLS handshake"));
      default:
        return g_strdup_printf (_("the TLS handshake with %s failed: %s"), where, error->message);
      }

  if (error->domain == SOUP_SESSION_ERROR)
    switch (error->code)
      {
      case SOUP_SESSION_ERROR_PARSING:
        return g_strdup (_("the server’s answer is not valid HTTP"));
      case SOUP_SESSION_ERROR_ENCODING:
        return g_strdup (_("the server’s answer is encoded in a way that cannot be read"));
      case SOUP_SESSION_ERROR_TOO_MANY_REDIRECTS:
        return g_strdup (_("too many redirects"));
      case SOUP_SESSION_ERROR_TOO_MANY_RESTARTS:
        return g_strdup (_("the request was restarted too many times"));
      case SOUP_SESSION_ERROR_REDIRECT_NO_LOCATION:
        return g_strdup (_("a redirect without a Location header"));
      case SOUP_SESSION_ERROR_REDIRECT_BAD_URI:
        return g_strdup (_("a redirect to an invalid address"));
      default:
        break;
      }

  return g_strdup (error->message);
}

static char *
certificate_names (GTlsCertificate *certificate)
{
  g_autoptr(GPtrArray) dns = g_tls_certificate_get_dns_names (certificate);
  g_autoptr(GPtrArray) ips = g_tls_certificate_get_ip_addresses (certificate);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; dns != NULL && i < dns->len; i++)
    {
      gsize       size;
      const char *data = g_bytes_get_data (g_ptr_array_index (dns, i), &size);

      g_string_append_printf (names, "%s%.*s", names->len > 0 ? ", " : "", (int)size, data);
    }
  for (guint i = 0; ips != NULL && i < ips->len; i++)
    {
      g_autofree char *text = g_inet_address_to_string (g_ptr_array_index (ips, i));

      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", text);
    }

  if (names->len == 0)
    {
      g_autofree char *subject = g_tls_certificate_get_subject_name (certificate);

      g_string_append (names, subject != NULL ? subject : _("no name"));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/**
 * ops_probe_describe_tls_errors:
 * @errors: what is wrong with a certificate
 * @certificate: (nullable): the certificate
 * @host: the name it should be valid for
 *
 * Returns: (transfer full): the most important problem, in words: “TLS
 *   certificate expired on 2026-11-20 14:03 UTC”
 */
char *
ops_probe_describe_tls_errors (GTlsCertificateFlags errors,
                               GTlsCertificate     *certificate,
                               const char          *host)
{
  if (certificate != NULL && (errors & G_TLS_CERTIFICATE_EXPIRED) != 0)
    {
      g_autoptr(GDateTime) after = g_tls_certificate_get_not_valid_after (certificate);
      g_autofree char *date = after != NULL ? ops_health_format_date (after) : NULL;

      if (date != NULL)
        return g_strdup_printf (_("TLS certificate expired on %s"), date);
      return g_strdup (_("TLS certificate expired"));
    }

  if (certificate != NULL && (errors & G_TLS_CERTIFICATE_NOT_ACTIVATED) != 0)
    {
      g_autoptr(GDateTime) before = g_tls_certificate_get_not_valid_before (certificate);
      g_autofree char *date = before != NULL ? ops_health_format_date (before) : NULL;

      return g_strdup_printf (_("TLS certificate is not valid before %s"), date != NULL ? date : "?");
    }

  if (certificate != NULL && (errors & G_TLS_CERTIFICATE_BAD_IDENTITY) != 0)
    {
      g_autofree char *names = certificate_names (certificate);

      return g_strdup_printf (_("TLS certificate is for %s, not %s"), names, host);
    }

  if ((errors & G_TLS_CERTIFICATE_UNKNOWN_CA) != 0)
    {
      g_autofree char *subject = NULL;
      g_autofree char *issuer = NULL;

      if (certificate != NULL)
        {
          subject = g_tls_certificate_get_subject_name (certificate);
          issuer = g_tls_certificate_get_issuer_name (certificate);
        }

      if (subject != NULL && issuer != NULL && g_str_equal (subject, issuer))
        return g_strdup_printf (_("TLS certificate is self-signed (%s) and not trusted; trust it "
                                   "with a CA file, or turn verification off"),
                                subject);
      return g_strdup_printf (_("TLS certificate is signed by an unknown authority (%s); trust "
                                 "it with a CA file, or turn verification off"),
                              issuer != NULL ? issuer : _("unnamed"));
    }

  if ((errors & G_TLS_CERTIFICATE_REVOKED) != 0)
    return g_strdup (_("TLS certificate has been revoked"));
  if ((errors & G_TLS_CERTIFICATE_INSECURE) != 0)
    return g_strdup (_("TLS certificate uses an insecure algorithm"));

  return g_strdup (_("TLS certificate could not be verified"));
}

/* Milliseconds until @certificate expires (negative once it has). */
gint64
ops_probe_certificate_expires_in (GTlsCertificate *certificate,
                                  gint64           now_usec)
{
  g_autoptr(GDateTime) after = g_tls_certificate_get_not_valid_after (certificate);

  if (after == NULL)
    return G_MAXINT64;

  return (g_date_time_to_unix (after) * G_USEC_PER_SEC - now_usec) / 1000;
}

/* `certificate_expires`, `certificate_days_left`, `certificate_subject`,
 * `certificate_issuer` in a result's details. */
void
ops_probe_add_certificate_details (OpsCheckResult  *result,
                                   GTlsCertificate *certificate,
                                   gint64           now_usec)
{
  g_autoptr(GDateTime) after = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *issuer = NULL;

  if (certificate == NULL)
    return;

  after = g_tls_certificate_get_not_valid_after (certificate);
  if (after != NULL)
    {
      g_autofree char *iso = g_date_time_format_iso8601 (after);

      ops_check_result_set_detail_string (result, "certificate_expires", iso);
      ops_check_result_set_detail_double (result, "certificate_days_left",
                                          ops_probe_certificate_expires_in (certificate, now_usec) /
                                              (24 * 3600 * 1000.0));
    }

  subject = g_tls_certificate_get_subject_name (certificate);
  issuer = g_tls_certificate_get_issuer_name (certificate);
  ops_check_result_set_detail_string (result, "certificate_subject", subject);
  ops_check_result_set_detail_string (result, "certificate_issuer", issuer);
}

static void try_next_address (GTask *task);

static gboolean
accept_certificate_cb (GTlsConnection      *connection,
                       GTlsCertificate     *certificate,
                       GTlsCertificateFlags errors,
                       GTask               *task)
{
  OpsProbe    *probe = g_task_get_source_object (task);
  ConnectData *d = g_task_get_task_data (task);
  OpsCheck    *check = ops_probe_get_check (probe);
  const char  *ca_file = NULL;
  gboolean     verify = TRUE;

  if (ops_check_option_applies (ops_check_option_lookup ("ca_file"), ops_check_get_kind (check)))
    {
      ca_file = ops_check_get_option_string (check, "ca_file");
      verify = ops_check_get_option_boolean (check, "verify_tls");
    }

  g_set_object (&d->connection->certificate, certificate);
  d->connection->tls_errors = ops_probe_context_verify_certificate (ops_probe_get_context (probe),
                                                                    certificate, errors,
                                                                    d->identity, ca_file);

  return d->connection->tls_errors == 0 || !verify || d->mode == OPS_PROBE_CONNECT_TLS_INSPECT;
}

static void
handshake_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConnectData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_tls_connection_handshake_finish (G_TLS_CONNECTION (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) &&
          d->connection->tls_errors != 0)
        message = ops_probe_describe_tls_errors (d->connection->tls_errors,
                                                 d->connection->certificate, d->host);
      else
        message = ops_probe_describe_error (error, d->host, d->port);

      g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE, "%s", message);
      return;
    }

  d->timing->tls_us = g_get_monotonic_time () - d->phase_start;
  g_task_return_pointer (task, g_steal_pointer (&d->connection),
                         (GDestroyNotify)ops_probe_connection_free);
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpsProbe    *probe = g_task_get_source_object (task);
  ConnectData *d = g_task_get_task_data (task);
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GIOStream) tls = NULL;
  g_autoptr(GError) error = NULL;

  connection = g_socket_client_connect_finish (G_SOCKET_CLIENT (object), result, &error);
  if (connection == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (d->first_error == NULL)
        d->first_error = g_steal_pointer (&error);
      try_next_address (g_steal_pointer (&task));
      return;
    }

  d->timing->connect_us = g_get_monotonic_time () - d->phase_start;
  d->connection->address = g_object_ref (d->next->data);

  if (d->mode == OPS_PROBE_CONNECT_PLAIN)
    {
      d->connection->stream = G_IO_STREAM (g_steal_pointer (&connection));
      g_task_return_pointer (task, g_steal_pointer (&d->connection),
                             (GDestroyNotify)ops_probe_connection_free);
      return;
    }

  tls = g_tls_client_connection_new (G_IO_STREAM (connection), d->identity, &error);
  if (tls == NULL)
    {
      g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE,
                               _("TLS is not available: %s"), error->message);
      return;
    }

  ops_probe_set_phase (probe, N_("during the TLS handshake"));
  d->phase_start = g_get_monotonic_time ();
  d->connection->stream = g_object_ref (tls);
  g_signal_connect (tls, "accept-certificate", G_CALLBACK (accept_certificate_cb), task);
  g_tls_connection_handshake_async (G_TLS_CONNECTION (tls), G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), handshake_cb,
                                    g_object_ref (task));
}

static void
try_next_address (GTask *task)
{
  OpsProbe    *probe = g_task_get_source_object (task);
  ConnectData *d = g_task_get_task_data (task);
  g_autoptr(GSocketClient) client = NULL;
  g_autoptr(GSocketAddress) address = NULL;

  d->next = d->next == NULL ? d->addresses : d->next->next;
  if (d->next == NULL)
    {
      g_autofree char *message = ops_probe_describe_error (d->first_error, d->host, d->port);

      g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE, "%s", message);
      g_object_unref (task);
      return;
    }

  ops_probe_set_phase (probe, N_("connecting"));
  d->phase_start = g_get_monotonic_time ();
  client = g_socket_client_new ();
  g_socket_client_set_enable_proxy (client, FALSE);
  address = g_inet_socket_address_new (d->next->data, d->port);
  g_socket_client_connect_async (client, G_SOCKET_CONNECTABLE (address),
                                 g_task_get_cancellable (task), connected_cb, task);
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask       *task = user_data;
  ConnectData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  d->addresses = g_resolver_lookup_by_name_finish (G_RESOLVER (object), result, &error);
  if (d->addresses == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        {
          g_autofree char *message = ops_probe_describe_error (error, d->host, d->port);

          g_task_return_new_error (task, OPS_HEALTH_ERROR, OPS_HEALTH_ERROR_PROBE, "%s", message);
        }
      g_object_unref (task);
      return;
    }

  d->timing->dns_us = g_get_monotonic_time () - d->phase_start;
  try_next_address (task);
}

/**
 * ops_probe_connect_async:
 * @probe: the probe, for its check's TLS options and its phase
 * @host: a host name or address
 * @port: a port
 * @mode: plain, TLS, or TLS taking any certificate to report on it
 * @timing: (out caller-allocates): where to note the DNS, connect and TLS
 *   times; must outlive the call
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when connected or failed
 * @user_data: data for @callback
 *
 * Connects, with errors in words (“connection refused by 127.0.0.1:5432”,
 * “TLS certificate expired on …”).
 */
void
ops_probe_connect_async (OpsProbe           *probe,
                         const char         *host,
                         guint16             port,
                         OpsProbeConnectMode mode,
                         OpsProbeTiming     *timing,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  GTask        *task;
  ConnectData  *d;
  GInetAddress *literal;

  g_return_if_fail (OPS_IS_PROBE (probe));
  g_return_if_fail (host != NULL);
  g_return_if_fail (timing != NULL);

  d = g_new0 (ConnectData, 1);
  d->host = g_strdup (host);
  d->port = port;
  d->mode = mode;
  d->timing = timing;
  d->identity = g_network_address_new (host, port);
  d->connection = g_new0 (OpsProbeConnection, 1);

  task = g_task_new (probe, cancellable, callback, user_data);
  g_task_set_source_tag (task, ops_probe_connect_async);
  g_task_set_task_data (task, d, connect_data_free);

  literal = g_inet_address_new_from_string (host);
  if (literal != NULL)
    {
      /* No name to resolve: no DNS phase. */
      d->addresses = g_list_prepend (NULL, literal);
      try_next_address (task);
      return;
    }

  ops_probe_set_phase (probe, N_("resolving the host name"));
  d->phase_start = g_get_monotonic_time ();
  g_resolver_lookup_by_name_async (ops_probe_context_get_resolver (ops_probe_get_context (probe)),
                                   host, cancellable, resolved_cb, task);
}

/**
 * ops_probe_connect_finish:
 *
 * Returns: (transfer full): the connection, or %NULL
 */
OpsProbeConnection *
ops_probe_connect_finish (OpsProbe     *probe,
                          GAsyncResult *result,
                          GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, probe), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ops_probe_host_run_clear (OpsProbeHostRun *run)
{
  g_clear_object (&run->result);
  g_clear_pointer (&run->host, g_free);
}

/**
 * ops_probe_connect_target:
 * @probe: a probe whose target is HOST:PORT
 * @run: (transfer full): the run's data, zeroed; the task's data
 * @free_run: frees @run (after ops_probe_host_run_clear())
 * @result: the result to fill in
 * @default_port: the port when the target has none, or 0
 * @mode: plain, TLS, or TLS taking any certificate
 * @source_tag: the probe's run_async
 * @cancellable: (nullable): a #GCancellable
 * @callback: the caller of the run
 * @user_data: data for @callback
 * @connected: called with the connection (or its error), the task as data
 *
 * The first half of every probe of HOST:PORT: the run's task, the target
 * read, the connection opened and timed.
 */
void
ops_probe_connect_target (OpsProbe           *probe,
                          OpsProbeHostRun    *run,
                          GDestroyNotify      free_run,
                          OpsCheckResult     *result,
                          guint16             default_port,
                          OpsProbeConnectMode mode,
                          gpointer            source_tag,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data,
                          GAsyncReadyCallback connected)
{
  GTask *task = g_task_new (probe, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  OpsProbeTiming unset = OPS_PROBE_TIMING_INIT;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, run, free_run);
  run->result = g_object_ref (result);
  run->timing = unset;

  if (!ops_probe_get_host_port (probe, default_port, &run->host, &run->port, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  ops_probe_connect_async (probe, run->host, run->port, mode, &run->timing, cancellable,
                           connected, task);
}
