/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-load-result.h"
#include "store/ops-store.h"

G_BEGIN_DECLS

/* One line of the list of stored runs. */
typedef struct
{
  gint64   id;
  char    *name;
  char    *url;
  gint64   started_at; /* µs since the epoch */
  gint64   duration_usec;
  char    *end;
  gboolean passed;
  gint64   requests;
  gint64   errors;
  double   rps;
  gint64   p99_usec;
} OpsLoadRunInfo;

/* clang-format off */
void             ops_load_run_info_free           (OpsLoadRunInfo   *self);

gint64           ops_load_store_save_run          (OpsStore         *store,
                                                   OpsLoadResult    *result,
                                                   GError          **error);
OpsLoadResult   *ops_load_store_get_run           (OpsStore         *store,
                                                   gint64            id,
                                                   GError          **error);
gint64           ops_load_store_get_last_run_id   (OpsStore         *store,
                                                   GError          **error);
GPtrArray       *ops_load_store_list_runs         (OpsStore         *store,
                                                   guint             limit,
                                                   GError          **error);
gint64           ops_load_store_save_scenario     (OpsStore         *store,
                                                   OpsLoadScenario  *scenario,
                                                   GError          **error);
OpsLoadScenario *ops_load_store_get_scenario      (OpsStore         *store,
                                                   const char       *name,
                                                   gboolean          with_secrets,
                                                   GError          **error);
GPtrArray       *ops_load_store_list_scenarios    (OpsStore         *store,
                                                   GError          **error);
JsonNode        *ops_load_store_export_section    (OpsStore         *store,
                                                   GError          **error);
gboolean         ops_load_store_validate_section  (JsonNode         *node,
                                                   GError          **error);
gboolean         ops_load_store_apply_section     (OpsStore         *store,
                                                   JsonNode         *node,
                                                   GError          **error);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpsLoadRunInfo, ops_load_run_info_free)

G_END_DECLS
