/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-test"

#include "config.h"

#include "ops-test-node-exporter.h"

/**
 * ops_test_node_exporter_start:
 *
 * Starts the real node_exporter on a free port with the collectors the
 * host health score reads (CPU, memory, filesystems, network).
 *
 * Returns: (transfer full): the running exporter
 */
OpsTestNodeExporter *
ops_test_node_exporter_start (void)
{
  OpsTestNodeExporter *self = g_new0 (OpsTestNodeExporter, 1);
  g_autofree char     *dir = ops_test_make_server_dir ("node-exporter");
  g_autofree char     *listen = NULL;
  g_autofree char     *program = g_find_program_in_path ("prometheus-node-exporter");

  if (program == NULL)
    program = g_find_program_in_path ("node_exporter");
  if (program == NULL)
    g_error ("node_exporter was not found. Install prometheus-node-exporter "
             "(build-aux/packages-test.txt).");

  self->port = ops_test_free_port ();
  listen = g_strdup_printf ("--web.listen-address=127.0.0.1:%u", self->port);

  {
    const char *argv[] = { program, listen, "--collector.disable-defaults", "--collector.cpu",
                           "--collector.meminfo", "--collector.filesystem", "--collector.netdev",
                           NULL };

    self->process = ops_test_process_start ("node_exporter", dir, NULL, self->port, argv);
  }

  return self;
}

void
ops_test_node_exporter_stop (OpsTestNodeExporter *self)
{
  if (self == NULL)
    return;

  ops_test_process_stop (self->process);
  g_free (self);
}

char *
ops_test_node_exporter_url (OpsTestNodeExporter *self)
{
  return g_strdup_printf ("http://127.0.0.1:%u/metrics", self->port);
}
