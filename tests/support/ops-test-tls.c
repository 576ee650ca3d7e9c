/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include "ops-test-process.h"
#include "ops-test-tls.h"

/**
 * ops_test_run:
 * @argv: a command
 * @cwd: (nullable): where to run it
 *
 * Runs a command to its end; a failure fails the test with its output.
 */
void
ops_test_run (const char *const *argv,
              const char        *cwd)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *command = g_strjoinv (" ", (GStrv)argv);
  int              status = 0;

  if (!g_spawn_sync (cwd, (GStrv)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                     &error))
    g_error ("Could not run %s: %s. Is it installed (build-aux/packages-test.txt)?", command,
             error->message);

  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed (%s):\n%s%s", command, error->message, out, err);
}

static char *
openssl_date (GDateTime *date)
{
  return g_date_time_format (date, "%Y%m%d%H%M%SZ");
}

/* A new key and a certificate signed by that key. */
static void
make_self_signed (const char *dir,
                  const char *key,
                  const char *cert,
                  const char *subject,
                  const char *days,
                  const char *extension,
                  const char *another)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  g_strv_builder_add_many (builder, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                           "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert,
                           "-days", days, "-subj", subject, "-addext", extension, NULL);
  if (another != NULL)
    g_strv_builder_add_many (builder, "-addext", another, NULL);
  argv = g_strv_builder_end (builder);

  ops_test_run ((const char *const *)argv, dir);
}

/* A key and a signing request; returns the CSR's path. */
static char *
make_request (const char *dir,
              const char *name,
              const char *common_name)
{
  g_autofree char *key = g_strdup_printf ("%s/%s.key", dir, name);
  g_autofree char *csr = g_strdup_printf ("%s/%s.csr", dir, name);
  g_autofree char *subject = g_strdup_printf ("/CN=%s", common_name);
  const char      *argv[] = {
         "openssl",
         "req",
         "-new",
         "-newkey",
         "ec",
         "-pkeyopt",
         "ec_paramgen_curve:prime256v1",
         "-nodes",
         "-keyout",
         key,
         "-out",
         csr,
         "-subj",
         subject,
         NULL,
  };

  ops_test_run (argv, dir);
  return g_steal_pointer (&csr);
}

static void
write_extensions (const char *path,
                  const char *names)
{
  g_autofree char *text = g_strdup_printf ("subjectAltName=%s\n"
                                           "basicConstraints=CA:FALSE\n"
                                           "keyUsage=digitalSignature,keyEncipherment\n"
                                           "extendedKeyUsage=serverAuth\n",
                                           names);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Signs @name's request with the CA, valid from @start to @end. */
static void
sign (const char *dir,
      const char *name,
      const char *names,
      GDateTime  *start,
      GDateTime  *end)
{
  g_autofree char *csr = g_strdup_printf ("%s/%s.csr", dir, name);
  g_autofree char *cert = g_strdup_printf ("%s/%s.pem", dir, name);
  g_autofree char *ext = g_strdup_printf ("%s/%s.ext", dir, name);
  g_autofree char *config = g_strdup_printf ("%s/ca.cnf", dir);
  g_autofree char *from = openssl_date (start);
  g_autofree char *to = openssl_date (end);
  const char      *argv[] = {
         "openssl",
         "ca",
         "-config",
         config,
         "-batch",
         "-notext",
         "-md",
         "sha256",
         "-startdate",
         from,
         "-enddate",
         to,
         "-in",
         csr,
         "-out",
         cert,
         "-extfile",
         ext,
         NULL,
  };

  write_extensions (ext, names);
  ops_test_run (argv, dir);
}

/**
 * ops_test_certs_new:
 *
 * Makes a CA and the leaf certificates of #OpsTestCerts in a temporary
 * folder, with `openssl req` and `openssl ca` (which can date a
 * certificate in the past).
 *
 * Returns: (transfer full): the paths
 */
OpsTestCerts *
ops_test_certs_new (void)
{
  OpsTestCerts *self = g_new0 (OpsTestCerts, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) month_ago = g_date_time_add_days (now, -30);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) hour_ago = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) in_month = g_date_time_add_days (now, 30);
  g_autoptr(GDateTime) in_three_days = g_date_time_add_days (now, 3);
  g_autofree char *config = NULL;
  g_autofree char *newcerts = NULL;
  g_autofree char *ca_key = NULL;
  g_autofree char *self_signed_ext = NULL;

  self->dir = ops_test_make_server_dir ("certs");
  newcerts = g_build_filename (self->dir, "newcerts", NULL);
  g_assert_cmpint (g_mkdir_with_parents (newcerts, 0700), ==, 0);

  config = g_strdup_printf ("[ ca ]\n"
                            "default_ca = test_ca\n"
                            "[ test_ca ]\n"
                            "dir = %s\n"
                            "database = $dir/index.txt\n"
                            "new_certs_dir = $dir/newcerts\n"
                            "serial = $dir/serial\n"
                            "certificate = $dir/ca.pem\n"
                            "private_key = $dir/ca.key\n"
                            "default_md = sha256\n"
                            "policy = policy_any\n"
                            "unique_subject = no\n"
                            "[ policy_any ]\n"
                            "commonName = supplied\n",
                            self->dir);
  {
    g_autofree char *path = g_build_filename (self->dir, "ca.cnf", NULL);
    g_autofree char *index = g_build_filename (self->dir, "index.txt", NULL);
    g_autofree char *serial = g_build_filename (self->dir, "serial", NULL);

    g_assert_true (g_file_set_contents (path, config, -1, NULL));
    g_assert_true (g_file_set_contents (index, "", 0, NULL));
    g_assert_true (g_file_set_contents (serial, "1000\n", -1, NULL));
  }

  /* The CA, valid around now. */
  ca_key = g_build_filename (self->dir, "ca.key", NULL);
  self->ca = g_build_filename (self->dir, "ca.pem", NULL);
  make_self_signed (self->dir, ca_key, self->ca, "/CN=Opsdeck Test CA", "365",
                    "basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign");

  g_free (make_request (self->dir, "valid", "127.0.0.1"));
  sign (self->dir, "valid", "IP:127.0.0.1,DNS:localhost", hour_ago, in_month);

  g_free (make_request (self->dir, "expired", "127.0.0.1"));
  sign (self->dir, "expired", "IP:127.0.0.1,DNS:localhost", month_ago, yesterday);

  g_free (make_request (self->dir, "wrong-host", "wrong.example.invalid"));
  sign (self->dir, "wrong-host", "DNS:wrong.example.invalid", hour_ago, in_month);

  g_free (make_request (self->dir, "soon", "127.0.0.1"));
  sign (self->dir, "soon", "IP:127.0.0.1,DNS:localhost", hour_ago, in_three_days);

  /* Self-signed: its own issuer, unknown to everyone. */
  self->self_signed_cert = g_build_filename (self->dir, "self-signed.pem", NULL);
  self->self_signed_key = g_build_filename (self->dir, "self-signed.key", NULL);
  make_self_signed (self->dir, self->self_signed_key, self->self_signed_cert, "/CN=127.0.0.1", "30",
                    "subjectAltName=IP:127.0.0.1,DNS:localhost", NULL);

  self->valid_cert = g_build_filename (self->dir, "valid.pem", NULL);
  self->valid_key = g_build_filename (self->dir, "valid.key", NULL);
  self->expired_cert = g_build_filename (self->dir, "expired.pem", NULL);
  self->expired_key = g_build_filename (self->dir, "expired.key", NULL);
  self->wrong_host_cert = g_build_filename (self->dir, "wrong-host.pem", NULL);
  self->wrong_host_key = g_build_filename (self->dir, "wrong-host.key", NULL);
  self->soon_cert = g_build_filename (self->dir, "soon.pem", NULL);
  self->soon_key = g_build_filename (self->dir, "soon.key", NULL);

  return self;
}

void
ops_test_certs_free (OpsTestCerts *self)
{
  if (self == NULL)
    return;

  ops_test_remove_tree (self->dir);
  g_free (self->dir);
  g_free (self->ca);
  g_free (self->valid_cert);
  g_free (self->valid_key);
  g_free (self->expired_cert);
  g_free (self->expired_key);
  g_free (self->self_signed_cert);
  g_free (self->self_signed_key);
  g_free (self->wrong_host_cert);
  g_free (self->wrong_host_key);
  g_free (self->soon_cert);
  g_free (self->soon_key);
  g_free (self);
}
