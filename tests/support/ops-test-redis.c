/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include "ops-test-redis.h"

/**
 * ops_test_redis_start:
 * @password: (nullable): a password to require
 * @replica_of: the port of a Redis on 127.0.0.1 to replicate, or 0
 *
 * Starts the real redis-server on a free port, without persistence.
 *
 * Returns: (transfer full): the running server
 */
OpsTestRedis *
ops_test_redis_start (const char *password,
                      guint16     replica_of)
{
  OpsTestRedis    *self = g_new0 (OpsTestRedis, 1);
  g_autofree char *dir = ops_test_make_server_dir ("redis");
  g_autofree char *log = g_build_filename (dir, "redis.log", NULL);
  g_autofree char *port = NULL;
  g_autofree char *primary = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  self->port = ops_test_free_port ();
  port = g_strdup_printf ("%u", self->port);

  g_strv_builder_add_many (builder, "redis-server", "--port", port, "--bind", "127.0.0.1",
                           "--save", "", "--appendonly", "no", "--dir", dir, "--logfile", log,
                           "--daemonize", "no", "--repl-diskless-sync-delay", "0", NULL);
  if (password != NULL)
    g_strv_builder_add_many (builder, "--requirepass", password, NULL);
  if (replica_of != 0)
    {
      primary = g_strdup_printf ("%u", replica_of);
      g_strv_builder_add_many (builder, "--replicaof", "127.0.0.1", primary, NULL);
    }
  argv = g_strv_builder_end (builder);

  self->process = ops_test_process_start ("redis", dir, log, self->port, (const char *const *)argv);
  return self;
}

void
ops_test_redis_stop (OpsTestRedis *self)
{
  if (self == NULL)
    return;

  ops_test_process_stop (self->process);
  g_free (self);
}
