/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include "ops-test-nginx.h"

/**
 * ops_test_nginx_start:
 * @server_config: (nullable): directives for the `server { }` block, such as
 *   `location = /ok { return 200 "fine"; }`
 * @certificate: (nullable): a PEM certificate, to serve HTTPS
 * @key: (nullable): its PEM key
 *
 * Starts the real nginx on a free port of 127.0.0.1, in a folder of its
 * own, with files served from a document root (see
 * ops_test_nginx_write_file()) and an access log of every request.
 *
 * Returns: (transfer full): the running server
 */
OpsTestNginx *
ops_test_nginx_start (const char *server_config,
                      const char *certificate,
                      const char *key)
{
  return ops_test_nginx_start_on_port (server_config, certificate, key, 0);
}

/**
 * ops_test_nginx_start_on_port:
 * @server_config: (nullable): as for ops_test_nginx_start()
 * @certificate: (nullable): as for ops_test_nginx_start()
 * @key: (nullable): as for ops_test_nginx_start()
 * @port: the port, or 0 for a free one
 *
 * Like ops_test_nginx_start(), on a given port: to start nginx again where
 * a stopped one served, as after an outage.
 *
 * Returns: (transfer full): the running server
 */
OpsTestNginx *
ops_test_nginx_start_on_port (const char *server_config,
                              const char *certificate,
                              const char *key,
                              guint16     port)
{
  OpsTestNginx    *self = g_new0 (OpsTestNginx, 1);
  g_autofree char *dir = ops_test_make_server_dir ("nginx");
  g_autofree char *conf_path = g_build_filename (dir, "nginx.conf", NULL);
  g_autofree char *error_log = g_build_filename (dir, "error.log", NULL);
  g_autofree char *tmp = g_build_filename (dir, "tmp", NULL);
  g_autofree char *conf = NULL;
  g_autofree char *tls_config = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/sbin/nginx", "-p", dir, "-c", conf_path, "-e", error_log, NULL };

  self->port = port != 0 ? port : ops_test_free_port ();
  self->tls = certificate != NULL;
  self->www = g_build_filename (dir, "www", NULL);
  self->access_log = g_build_filename (dir, "access.log", NULL);
  g_assert_cmpint (g_mkdir_with_parents (self->www, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (tmp, 0755), ==, 0);

  if (self->tls)
    tls_config = g_strdup_printf ("ssl_certificate %s;\n    ssl_certificate_key %s;\n",
                                  certificate, key);

  /* One process, no master: it runs as the test's user, reads the test's
   * folder, and dies with the test (see ops_test_process_start()). */
  conf = g_strdup_printf ("daemon off;\n"
                          "master_process off;\n"
                          "pid %s/nginx.pid;\n"
                          "error_log %s info;\n"
                          "events { worker_connections 4096; }\n"
                          "http {\n"
                          "  access_log %s;\n"
                          "  client_body_temp_path %s/body;\n"
                          "  proxy_temp_path %s/proxy;\n"
                          "  fastcgi_temp_path %s/fastcgi;\n"
                          "  uwsgi_temp_path %s/uwsgi;\n"
                          "  scgi_temp_path %s/scgi;\n"
                          "  default_type application/octet-stream;\n"
                          "  types { text/html html; text/plain txt; application/json json; }\n"
                          "  keepalive_requests 1000000;\n"
                          "  server {\n"
                          "    listen 127.0.0.1:%u%s;\n"
                          "    server_name localhost;\n"
                          "    root %s;\n"
                          "    %s"
                          "    %s\n"
                          "  }\n"
                          "}\n",
                          dir, error_log, self->access_log, tmp, tmp, tmp, tmp, tmp,
                          self->port, self->tls ? " ssl" : "", self->www,
                          tls_config != NULL ? tls_config : "",
                          server_config != NULL ? server_config : "");

  g_file_set_contents (conf_path, conf, -1, &error);
  g_assert_no_error (error);

  self->process = ops_test_process_start ("nginx", dir, error_log, self->port, argv);

  return self;
}

void
ops_test_nginx_stop (OpsTestNginx *self)
{
  if (self == NULL)
    return;

  ops_test_process_stop (self->process);
  g_free (self->www);
  g_free (self->access_log);
  g_free (self);
}

char *
ops_test_nginx_url (OpsTestNginx *self,
                    const char   *path)
{
  return g_strdup_printf ("%s://127.0.0.1:%u%s", self->tls ? "https" : "http", self->port,
                          path != NULL ? path : "/");
}

/* Puts a file in the document root; @path is relative to it. */
void
ops_test_nginx_write_file (OpsTestNginx *self,
                           const char   *path,
                           const char   *data,
                           gssize        length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *full = g_build_filename (self->www, path, NULL);
  g_autofree char *parent = g_path_get_dirname (full);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (full, data, length, &error);
  g_assert_no_error (error);
}

/**
 * ops_test_nginx_count_requests:
 * @self: a running nginx
 *
 * Returns: how many requests nginx logged so far
 */
guint
ops_test_nginx_count_requests (OpsTestNginx *self)
{
  g_autofree char *contents = NULL;
  guint            lines = 0;

  if (!g_file_get_contents (self->access_log, &contents, NULL, NULL))
    return 0;

  for (const char *p = contents; *p != '\0'; p++)
    if (*p == '\n')
      lines++;

  return lines;
}
