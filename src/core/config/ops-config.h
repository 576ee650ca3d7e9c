/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "store/ops-store.h"

G_BEGIN_DECLS

#define OPS_CONFIG_ERROR (ops_config_error_quark ())

#define OPS_CONFIG_FORMAT      "opsdeck-config"
#define OPS_CONFIG_VERSION     1
#define OPS_CONFIG_MAX_SIZE    (16 * 1024 * 1024)

typedef enum
{
  OPS_CONFIG_ERROR_MALFORMED,
  OPS_CONFIG_ERROR_WRONG_FORMAT,
  OPS_CONFIG_ERROR_UNSUPPORTED_VERSION,
  OPS_CONFIG_ERROR_INVALID,
  OPS_CONFIG_ERROR_TOO_LARGE,
} OpsConfigError;

/* One feature's part of the exported configuration. */
typedef struct
{
  const char *name;
  /* Builds the section; never includes a secret. */
  JsonNode *(*export) (OpsStore *store,
                       GError  **error);
  /* Checks the section without writing anything. NULL: the feature has
   * nothing to import yet and only an empty section is accepted. */
  gboolean (*validate) (OpsStore   *store,
                        JsonNode   *node,
                        GError    **error);
  /* Writes the section; runs inside the import's transaction. */
  gboolean (*apply) (OpsStore   *store,
                     JsonNode   *node,
                     GError    **error);
  /* After the transaction committed: refresh what caches the data. */
  void (*applied) (OpsStore *store);
} OpsConfigSection;

/* clang-format off */
GQuark                  ops_config_error_quark       (void);

JsonNode               *ops_config_export            (OpsStore      *store,
                                                      GError       **error);
char                   *ops_config_export_to_data    (OpsStore      *store,
                                                      gsize         *length,
                                                      GError       **error);
gboolean                ops_config_import_data       (OpsStore      *store,
                                                      const char    *data,
                                                      gsize          length,
                                                      GError       **error);
gboolean                ops_config_import_file       (OpsStore      *store,
                                                      GFile         *file,
                                                      GCancellable  *cancellable,
                                                      GError       **error);

const OpsConfigSection *_ops_config_get_sections     (guint         *n_sections);
/* clang-format on */

G_END_DECLS
