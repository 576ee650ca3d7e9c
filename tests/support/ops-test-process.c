/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include <glib/gstdio.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ops-test-process.h"

/*
 * Servers a test started must not outlive it, even when an assertion
 * aborts it before its teardown: each runs in a process group of its
 * own, and a handler for the signals a failing test dies of kills those
 * groups first.
 */

#define MAX_GROUPS 64

static volatile sig_atomic_t groups[MAX_GROUPS];
static gsize                 handlers_installed;

static void
kill_groups_handler (int signum)
{
  for (guint i = 0; i < MAX_GROUPS; i++)
    if (groups[i] > 0)
      kill (-groups[i], SIGKILL);

  signal (signum, SIG_DFL);
  raise (signum);
}

static void
install_handlers (void)
{
  if (g_once_init_enter (&handlers_installed))
    {
      static const int signals[] = { SIGABRT, SIGTRAP, SIGSEGV, SIGBUS, SIGTERM, SIGINT };

      for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
        signal (signals[i], kill_groups_handler);
      g_once_init_leave (&handlers_installed, 1);
    }
}

static void
remember_group (pid_t pid)
{
  for (guint i = 0; i < MAX_GROUPS; i++)
    if (groups[i] == 0)
      {
        groups[i] = pid;
        return;
      }
}

static void
forget_group (pid_t pid)
{
  for (guint i = 0; i < MAX_GROUPS; i++)
    if (groups[i] == pid)
      groups[i] = 0;
}

/**
 * ops_test_free_port:
 *
 * Returns: a TCP port on 127.0.0.1 that nothing listens on right now
 */
guint16
ops_test_free_port (void)
{
  struct sockaddr_in addr = { 0 };
  socklen_t          len = sizeof addr;
  int                fd;

  fd = socket (AF_INET, SOCK_STREAM, 0);
  g_assert_cmpint (fd, >=, 0);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  addr.sin_port = 0;
  g_assert_cmpint (bind (fd, (struct sockaddr *)&addr, sizeof addr), ==, 0);
  g_assert_cmpint (getsockname (fd, (struct sockaddr *)&addr, &len), ==, 0);
  close (fd);

  return ntohs (addr.sin_port);
}

/**
 * ops_test_make_server_dir:
 * @name: what the folder is for
 *
 * Makes a folder for a server under the temporary folder. It can be
 * traversed by other users, so that a server run as an unprivileged user
 * (PostgreSQL refuses root) can reach its own sub-folder.
 *
 * Returns: (transfer full): its path
 */
char *
ops_test_make_server_dir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("opsdeck-%s-XXXXXX", name);
  char *dir;

  dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  return dir;
}

void
ops_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          ops_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/**
 * ops_test_wait_for_port:
 * @port: a port on 127.0.0.1
 * @process: (nullable): the server, to stop waiting when it dies
 * @timeout_ms: how long to wait
 *
 * Returns: %TRUE once the port accepts connections
 */
gboolean
ops_test_wait_for_port (guint16      port,
                        GSubprocess *process,
                        guint        timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      struct sockaddr_in addr = { 0 };
      int                fd = socket (AF_INET, SOCK_STREAM, 0);
      int                rc;

      addr.sin_family = AF_INET;
      addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
      addr.sin_port = htons (port);
      rc = connect (fd, (struct sockaddr *)&addr, sizeof addr);
      close (fd);
      if (rc == 0)
        return TRUE;

      if (process != NULL && g_subprocess_get_identifier (process) == NULL)
        return FALSE;

      g_usleep (20 * 1000);
    }

  return FALSE;
}

char *
ops_test_process_read_log (OpsTestProcess *self)
{
  char *contents = NULL;

  if (self->log_path == NULL || !g_file_get_contents (self->log_path, &contents, NULL, NULL))
    return g_strdup ("(no log)");

  return contents;
}

/* In the child, before exec: die with the test. A test that aborts on a
 * failed assertion then leaves no server behind. A GSpawnChildSetupFunc
 * for every helper that starts a program. */
void
ops_test_process_die_with_parent (gpointer user_data)
{
  /* A group of its own, so that what it starts (workers, a server behind
   * runuser) can be killed with it. */
  setpgid (0, 0);
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/**
 * ops_test_process_start:
 * @name: the server's name, for messages
 * @dir: its folder (taken over: removed when it stops)
 * @log_path: (nullable): its log, shown when it cannot start
 * @port: the port it will listen on, waited for
 * @argv: the command
 *
 * Starts a server and waits until it accepts connections on @port. A
 * server that cannot start fails the test at once, loudly, with its log:
 * integration tests never skip.
 *
 * Returns: (transfer full): the running server
 */
OpsTestProcess *
ops_test_process_start (const char        *name,
                        const char        *dir,
                        const char        *log_path,
                        guint16            port,
                        const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  OpsTestProcess *self = g_new0 (OpsTestProcess, 1);

  self->name = g_strdup (name);
  self->dir = g_strdup (dir);
  self->log_path = g_strdup (log_path);
  self->port = port;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_cwd (launcher, dir);
  g_subprocess_launcher_set_child_setup (launcher, ops_test_process_die_with_parent, NULL, NULL);
  install_handlers ();
  self->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (self->process == NULL)
    g_error ("Could not start %s (%s): %s. Is it installed (build-aux/packages-test.txt)?",
             name, argv[0], error->message);
  self->group = atoi (g_subprocess_get_identifier (self->process));
  remember_group (self->group);

  if (!ops_test_wait_for_port (port, self->process, 20000))
    {
      g_autofree char *log = ops_test_process_read_log (self);

      g_error ("%s did not start listening on 127.0.0.1:%u within 20 s. Its log:\n%s",
               name, port, log);
    }

  return self;
}

/**
 * ops_test_process_stop:
 * @self: (transfer full): a server
 *
 * Stops the server (SIGTERM, then SIGKILL after 10 s) and removes its
 * folder.
 */
void
ops_test_process_stop (OpsTestProcess *self)
{
  if (self == NULL)
    return;

  if (self->process != NULL && g_subprocess_get_identifier (self->process) != NULL)
    {
      /* GSubprocess reaps the child on GLib's worker thread, so polling
       * needs no main loop. */
      g_subprocess_send_signal (self->process, SIGTERM);
      for (guint i = 0; i < 500 && g_subprocess_get_identifier (self->process) != NULL; i++)
        g_usleep (20 * 1000);
      if (g_subprocess_get_identifier (self->process) != NULL)
        g_subprocess_force_exit (self->process);
      g_subprocess_wait (self->process, NULL, NULL);
    }

  /* What the server left behind in its group (workers) goes too. */
  if (self->group > 0)
    {
      kill (-self->group, SIGKILL);
      forget_group (self->group);
    }

  g_clear_object (&self->process);
  if (self->dir != NULL)
    ops_test_remove_tree (self->dir);
  g_free (self->name);
  g_free (self->dir);
  g_free (self->log_path);
  g_free (self);
}
