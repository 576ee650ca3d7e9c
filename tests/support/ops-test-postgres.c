/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include <glib/gstdio.h>
#include <pwd.h>
#include <unistd.h>

#include "ops-test-postgres.h"
#include "ops-test-tls.h"

/*
 * PostgreSQL refuses to run as root, and CI runs as root: then every
 * server command runs as the `postgres` user through runuser, in folders
 * that user owns. A normal user runs them directly.
 */

#define SERVER_USER "postgres"

static char *
find_bindir (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  const char *name;
  int         best = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *initdb = g_build_filename ("/usr/lib/postgresql", name, "bin", "initdb", NULL);

      if (g_file_test (initdb, G_FILE_TEST_IS_EXECUTABLE) && atoi (name) > best)
        best = atoi (name);
    }

  if (best > 0)
    return g_strdup_printf ("/usr/lib/postgresql/%d/bin", best);

  {
    g_autofree char *initdb = g_find_program_in_path ("initdb");

    if (initdb == NULL)
      g_error ("PostgreSQL's initdb was not found. Install postgresql "
               "(build-aux/packages-test.txt).");
    return g_path_get_dirname (initdb);
  }
}

/* The command as the server's user when we are root. */
static GStrv
as_server_user (const char *const *argv)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (geteuid () == 0)
    {
      g_strv_builder_add (builder, "runuser");
      g_strv_builder_add (builder, "-u");
      g_strv_builder_add (builder, SERVER_USER);
      g_strv_builder_add (builder, "--");
    }
  g_strv_builder_addv (builder, (const char **)argv);

  return g_strv_builder_end (builder);
}

static void
run_as_server_user (const char *const *argv,
                    const char        *cwd)
{
  g_auto(GStrv) full = as_server_user (argv);

  ops_test_run ((const char *const *)full, cwd);
}

static void
give_to_server_user (const char *path)
{
  struct passwd *pw;

  if (geteuid () != 0)
    return;

  pw = getpwnam (SERVER_USER);
  if (pw == NULL)
    g_error ("There is no “%s” user to run PostgreSQL as; install postgresql "
             "(build-aux/packages-test.txt).",
             SERVER_USER);
  g_assert_cmpint (chown (path, pw->pw_uid, pw->pw_gid), ==, 0);
}

static char *
tool (OpsTestPostgres *self,
      const char      *name)
{
  return g_build_filename (self->bindir, name, NULL);
}

static void
wait_until_ready (OpsTestPostgres     *self,
                  OpsTestPostgresNode *node)
{
  g_autofree char *isready = tool (self, "pg_isready");
  g_autofree char *port = g_strdup_printf ("%u", node->port);
  gint64           deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      const char *argv[] = { isready, "-q", "-h", "127.0.0.1", "-p", port, "-U", "postgres", NULL };
      int         status = -1;

      if (g_spawn_sync (NULL, (GStrv)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, NULL, NULL, &status, NULL) &&
          g_spawn_check_wait_status (status, NULL))
        return;
      g_usleep (50 * 1000);
    }

  {
    g_autofree char *log = ops_test_process_read_log (node->process);

    g_error ("PostgreSQL on port %u did not accept connections within 30 s. Its log:\n%s",
             node->port, log);
  }
}

static OpsTestPostgresNode *
start_node (OpsTestPostgres *self,
            const char      *data_dir,
            guint16          port)
{
  OpsTestPostgresNode *node = g_new0 (OpsTestPostgresNode, 1);
  g_autofree char     *postgres = tool (self, "postgres");
  g_autofree char     *port_option = g_strdup_printf ("port=%u", port);
  g_autofree char     *socket_option = g_strdup_printf ("unix_socket_directories=%s", data_dir);
  g_autofree char     *log_path = g_build_filename (data_dir, "log", "postgres.log", NULL);
  const char          *argv[] = {
             postgres,
             "-D",
             data_dir,
             "-c",
             port_option,
             "-c",
             socket_option,
             "-c",
             "listen_addresses=127.0.0.1",
             "-c",
             "logging_collector=on",
             "-c",
             "log_directory=log",
             "-c",
             "log_filename=postgres.log",
             "-c",
             "fsync=off",
             "-c",
             "synchronous_commit=off",
             "-c",
             "shared_buffers=16MB",
             "-c",
             "wal_level=replica",
             "-c",
             "max_wal_senders=4",
             "-c",
             "hot_standby=on",
             NULL,
  };
  g_auto(GStrv) full = as_server_user (argv);

  node->data_dir = g_strdup (data_dir);
  node->port = port;
  /* The folder is the root's to remove: hand ops_test_process a copy
   * that it must not delete (the root goes at the end). */
  node->process = ops_test_process_start ("postgres", NULL, log_path, port,
                                          (const char *const *)full);
  wait_until_ready (self, node);

  return node;
}

static void
stop_node (OpsTestPostgres     *self,
           OpsTestPostgresNode *node)
{
  g_autofree char *pg_ctl = tool (self, "pg_ctl");
  const char      *argv[] = { pg_ctl, "-D", node->data_dir, "-m", "immediate", "-w", "stop", NULL };
  g_auto(GStrv) full = NULL;

  if (node == NULL)
    return;

  /* Immediate: nothing here needs a clean shutdown. */
  full = as_server_user (argv);
  g_spawn_sync (NULL, full, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
  ops_test_process_stop (node->process);
  g_free (node->data_dir);
  g_free (node);
}

/**
 * ops_test_postgres_start:
 * @with_standby: also start a streaming standby of the primary
 *
 * initdb, a primary on a free port (password logins for `monitor` over
 * TCP), and a standby made with pg_basebackup. Fails the test loudly with
 * the server's log when something does not start.
 *
 * Returns: (transfer full): the running servers
 */
OpsTestPostgres *
ops_test_postgres_start (gboolean with_standby)
{
  OpsTestPostgres *self = g_new0 (OpsTestPostgres, 1);
  g_autofree char *primary_dir = NULL;
  g_autofree char *initdb = NULL;
  g_autofree char *hba_path = NULL;

  self->bindir = find_bindir ();
  self->root = ops_test_make_server_dir ("postgres");
  self->user = "monitor";
  self->password = "password";
  give_to_server_user (self->root);

  primary_dir = g_build_filename (self->root, "primary", NULL);
  initdb = tool (self, "initdb");
  {
    const char *argv[] = { initdb, "-D", primary_dir, "-A", "trust", "-U", "postgres",
                           "--no-sync", "-E", "UTF8", "--locale=C", NULL };

    run_as_server_user (argv, self->root);
  }

  /* Password logins for the monitoring role over TCP; the rest trusted. */
  hba_path = g_build_filename (primary_dir, "pg_hba.conf", NULL);
  {
    const char *argv[] = { "sh", "-c",
                           "printf '%s\\n' "
                           "'local all all trust' "
                           "'host all monitor 127.0.0.1/32 scram-sha-256' "
                           "'host all postgres 127.0.0.1/32 trust' "
                           "'host replication postgres 127.0.0.1/32 trust' > pg_hba.conf",
                           NULL };

    run_as_server_user (argv, primary_dir);
  }

  self->primary = start_node (self, primary_dir, ops_test_free_port ());
  ops_test_postgres_sql (self, self->primary,
                         "CREATE ROLE monitor LOGIN PASSWORD 'password';"
                         "CREATE TABLE beats (at timestamptz DEFAULT now());");

  if (with_standby)
    {
      g_autofree char *standby_dir = g_build_filename (self->root, "standby", NULL);
      g_autofree char *basebackup = tool (self, "pg_basebackup");
      g_autofree char *port = g_strdup_printf ("%u", self->primary->port);
      const char      *argv[] = { basebackup, "-h", "127.0.0.1", "-p", port, "-U", "postgres",
                                  "-D", standby_dir, "-R", "-X", "stream", "--no-sync", NULL };

      run_as_server_user (argv, self->root);
      self->standby = start_node (self, standby_dir, ops_test_free_port ());
    }

  return self;
}

void
ops_test_postgres_stop (OpsTestPostgres *self)
{
  if (self == NULL)
    return;

  stop_node (self, self->standby);
  stop_node (self, self->primary);
  ops_test_remove_tree (self->root);
  g_free (self->root);
  g_free (self->bindir);
  g_free (self);
}

/* A connection string for `monitor`, without the password. */
char *
ops_test_postgres_conninfo (OpsTestPostgres     *self,
                            OpsTestPostgresNode *node)
{
  return g_strdup_printf ("host=127.0.0.1 port=%u dbname=postgres user=%s connect_timeout=10",
                          node->port, self->user);
}

/* Runs SQL as the superuser, over the node's socket. */
void
ops_test_postgres_sql (OpsTestPostgres     *self,
                       OpsTestPostgresNode *node,
                       const char          *sql)
{
  g_autofree char *psql = tool (self, "psql");
  g_autofree char *port = g_strdup_printf ("%u", node->port);
  const char      *argv[] = { psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", node->data_dir, "-p",
                              port, "-U", "postgres", "-d", "postgres", "-c", sql, NULL };

  ops_test_run (argv, NULL);
}
