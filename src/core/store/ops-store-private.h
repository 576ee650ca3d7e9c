/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-settings.h"
#include "ops-store.h"

G_BEGIN_DECLS

/* The schema version from which `schema_history` exists. */
#define OPS_SCHEMA_HISTORY_VERSION 2

typedef struct
{
  int         version;
  const char *description;
  const char *sql;
} OpsMigration;

/* clang-format off */
const OpsMigration *_ops_store_get_migrations (guint     *n_migrations);
OpsSettings        *_ops_settings_new         (OpsStore  *store,
                                               GError   **error);
/* clang-format on */

G_END_DECLS
