/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

/* Every error domain of the core has the quark name its header promises:
 * a source formatter once rewrote "ops-load-error-quark" into
 * "ops - load - error - quark", which still compiled. */

#include "config.h"

#include "ops-test-util.h"
#include "alerts/ops-alert-types.h"
#include "alerts/ops-alertmanager.h"
#include "config/ops-config.h"
#include "health/ops-health-types.h"
#include "loadtest/ops-load-error.h"
#include "secrets/ops-secrets.h"
#include "store/ops-store.h"

static void
test_quark_names (void)
{
  struct {
    GQuark      quark;
    const char *name;
  } domains[] = {
    { OPS_ALERT_ERROR, "ops-alert-error-quark" },
    { OPS_ALERTMANAGER_ERROR, "ops-alertmanager-error-quark" },
    { OPS_CONFIG_ERROR, "ops-config-error-quark" },
    { OPS_HEALTH_ERROR, "ops-health-error-quark" },
    { OPS_LOAD_ERROR, "ops-load-error-quark" },
    { OPS_SECRETS_ERROR, "ops-secrets-error-quark" },
    { OPS_STORE_ERROR, "ops-store-error-quark" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (domains); i++)
    g_assert_cmpstr (g_quark_to_string (domains[i].quark), ==, domains[i].name);
}

int
main (int   argc,
      char *argv[])
{
  ops_test_init (&argc, &argv);

  g_test_add_func ("/opsdeck/core/error-domains/quark-names", test_quark_names);

  return g_test_run ();
}
