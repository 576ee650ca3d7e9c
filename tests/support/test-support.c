/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include <libsoup/soup.h>

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

  g_assert_cmpuint (ops_test_nginx_count_requests (nginx), ==, 2);

  ops_test_nginx_stop (nginx);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
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

  return g_test_run ();
}
