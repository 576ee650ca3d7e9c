/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <libsoup/soup.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ops-test-nginx.h"
#include "ops-test-util.h"

/* The helpers that start real servers work, so that a failing integration
 * test points at the product, not at its harness. */

static void
test_nginx (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *url = NULL;
  g_autofree char *dir = NULL;
  OpsTestNginx    *nginx;

  nginx = ops_test_nginx_start ("location = /ok { return 200 \"fine\"; }", NULL, NULL);
  ops_test_nginx_write_file (nginx, "static/hello.txt", "hello", -1);
  dir = g_strdup (nginx->process->dir);

  url = ops_test_nginx_url (nginx, "/ok");
  message = soup_message_new ("GET", url);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "fine", 4);
  g_clear_object (&message);
  g_clear_pointer (&body, g_bytes_unref);
  g_free (url);

  url = ops_test_nginx_url (nginx, "/static/hello.txt");
  message = soup_message_new ("GET", url);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "hello", 5);

  /* nginx logs a request once it is done with it, which can be just after
   * the client has the answer. */
  for (guint i = 0; i < 250 && ops_test_nginx_count_requests (nginx) < 2; i++)
    g_usleep (20 * 1000);
  g_assert_cmpuint (ops_test_nginx_count_requests (nginx), ==, 2);

  ops_test_nginx_stop (nginx);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static char *
port_file (GPid parent)
{
  g_autofree char *name = g_strdup_printf ("opsdeck-test-port-%d", (int) parent);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
test_no_server_left_behind (void)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  guint64 port;

  if (g_test_subprocess ())
    {
      OpsTestNginx *nginx = ops_test_nginx_start (NULL, NULL, NULL);
      g_autofree char *text = g_strdup_printf ("%u", nginx->port);

      path = port_file (getppid ());
      ops_test_write_file (path, text, -1);
      g_assert_not_reached (); /* as a failed assertion would */
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  path = port_file (getpid ());
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_unlink (path);
  port = g_ascii_strtoull (contents, NULL, 10);
  g_assert_cmpuint (port, >, 0);

  /* The test that aborted took its nginx with it. */
  for (guint i = 0; i < 100 && ops_test_wait_for_port (port, NULL, 10); i++)
    g_usleep (50 * 1000);
  g_assert_false (ops_test_wait_for_port (port, NULL, 10));
}

static void
test_free_port (void)
{
  guint16 a = ops_test_free_port ();

  g_assert_cmpuint (a, >, 0);
  g_assert_false (ops_test_wait_for_port (a, NULL, 100));
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/support/free-port", test_free_port);
  g_test_add_func ("/opsdeck/support/nginx", test_nginx);
  g_test_add_func ("/opsdeck/support/no-server-left-behind", test_no_server_left_behind);

  return g_test_run ();
}
