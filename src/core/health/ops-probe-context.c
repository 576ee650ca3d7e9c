/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-probe"

#include "config.h"

#include "ops-probe-context.h"

/**
 * OpsProbeContext:
 *
 * What the probes share: one HTTP session (its connection pool sized for
 * the scheduler's concurrency), the resolver, the clock, and the extra
 * certificate authorities that checks trust, loaded once per file.
 */
struct _OpsProbeContext
{
  GObject parent_instance;

  /* Owned */
  SoupSession *session;
  GResolver   *resolver;
  OpsClock    *clock;
  GHashTable  *databases; /* ca_file → GTlsDatabase, or a GError for a bad file */
};

G_DEFINE_FINAL_TYPE (OpsProbeContext, ops_probe_context, G_TYPE_OBJECT)

static void
ops_probe_context_finalize (GObject *object)
{
  OpsProbeContext *self = OPS_PROBE_CONTEXT (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->resolver);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->databases, g_hash_table_unref);

  G_OBJECT_CLASS (ops_probe_context_parent_class)->finalize (object);
}

static void
ops_probe_context_class_init (OpsProbeContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ops_probe_context_finalize;
}

static void
ops_probe_context_init (OpsProbeContext *self)
{
  self->databases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * ops_probe_context_new:
 * @clock: (nullable): the clock; %NULL for the real one
 *
 * Returns: (transfer full): a context for probes
 */
OpsProbeContext *
ops_probe_context_new (OpsClock *clock)
{
  OpsProbeContext *self = g_object_new (OPS_TYPE_PROBE_CONTEXT, NULL);
  g_autofree char *user_agent = g_strdup_printf ("Opsdeck/%s (health check)", PACKAGE_VERSION);

  /* Probes set their own timeouts; the session's would apply to all. The
   * pool is larger than the scheduler's default concurrency (64). */
  self->session = soup_session_new_with_options ("user-agent", user_agent,
                                                 "max-conns", 256,
                                                 "max-conns-per-host", 64,
                                                 "timeout", 0,
                                                 "idle-timeout", 30,
                                                 NULL);
  self->resolver = g_resolver_get_default ();
  self->clock = clock != NULL ? g_object_ref (clock) : ops_clock_new ();

  return self;
}

SoupSession *
ops_probe_context_get_session (OpsProbeContext *self)
{
  g_return_val_if_fail (OPS_IS_PROBE_CONTEXT (self), NULL);

  return self->session;
}

GResolver *
ops_probe_context_get_resolver (OpsProbeContext *self)
{
  g_return_val_if_fail (OPS_IS_PROBE_CONTEXT (self), NULL);

  return self->resolver;
}

OpsClock *
ops_probe_context_get_clock (OpsProbeContext *self)
{
  g_return_val_if_fail (OPS_IS_PROBE_CONTEXT (self), NULL);

  return self->clock;
}

static GTlsDatabase *
get_database (OpsProbeContext *self,
              const char      *ca_file)
{
  GTlsDatabase *database = g_hash_table_lookup (self->databases, ca_file);
  g_autoptr(GError) error = NULL;

  if (database != NULL)
    return database;

  database = g_tls_file_database_new (ca_file, &error);
  if (database == NULL)
    {
      g_debug ("Could not read the certificate authorities in %s: %s", ca_file, error->message);
      return NULL;
    }

  g_hash_table_insert (self->databases, g_strdup (ca_file), database);
  return database;
}

/**
 * ops_probe_context_verify_certificate:
 * @self: a context
 * @certificate: the server's certificate
 * @errors: what the system's verification found
 * @identity: the server's name
 * @ca_file: (nullable): more certificate authorities to trust
 *
 * When the system does not know the authority that signed @certificate,
 * verifies it again against @ca_file, so that an internal CA can be
 * trusted for one check.
 *
 * Returns: the problems left; 0 when the certificate is good
 */
GTlsCertificateFlags
ops_probe_context_verify_certificate (OpsProbeContext     *self,
                                      GTlsCertificate     *certificate,
                                      GTlsCertificateFlags errors,
                                      GSocketConnectable  *identity,
                                      const char          *ca_file)
{
  GTlsDatabase        *database;
  GTlsCertificateFlags again;

  g_return_val_if_fail (OPS_IS_PROBE_CONTEXT (self), errors);

  if (ca_file == NULL || *ca_file == '\0' || (errors & G_TLS_CERTIFICATE_UNKNOWN_CA) == 0)
    return errors;

  database = get_database (self, ca_file);
  if (database == NULL)
    return errors;

  again = g_tls_database_verify_chain (database, certificate,
                                       G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER, identity, NULL,
                                       G_TLS_DATABASE_VERIFY_NONE, NULL, NULL);

  /* Trusted by the file: what is left are its own findings. */
  return (again & G_TLS_CERTIFICATE_UNKNOWN_CA) == 0 ? again : errors;
}
