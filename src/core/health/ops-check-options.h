/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <json-glib/json-glib.h>

#include "ops-condition.h"
#include "ops-health-types.h"

G_BEGIN_DECLS

typedef enum
{
  OPS_CHECK_OPTION_STRING,
  OPS_CHECK_OPTION_STRING_LIST,
  OPS_CHECK_OPTION_BOOLEAN,
  OPS_CHECK_OPTION_INT,
  OPS_CHECK_OPTION_DOUBLE,
  OPS_CHECK_OPTION_CHOICE,
} OpsCheckOptionType;

#define OPS_CHECK_KIND_FLAG(kind) (1u << (kind))
#define OPS_CHECK_ALL_KINDS       ((1u << OPS_CHECK_N_KINDS) - 1)

/* One kind-specific setting of a check. The table in ops-check-options.c
 * drives validation, the configuration export and `check add --help`. */
typedef struct
{
  const char        *key; /* JSON member, and `--key` on the command line */
  OpsCheckOptionType type;
  guint              kinds;         /* OPS_CHECK_KIND_FLAG () of the kinds that take it */
  const char        *default_value; /* text form; NULL: none */
  double             minimum;       /* numbers */
  double             maximum;
  const char        *choices; /* CHOICE: "any|primary|standby" */
  const char        *arg;     /* placeholder in --help, such as "METHOD" */
  const char        *help;    /* translatable (N_) */
} OpsCheckOptionSpec;

/* The one secret a check may have, by kind: what it is called. */
typedef enum
{
  OPS_CHECK_SECRET_NONE,
  OPS_CHECK_SECRET_PASSWORD,
  OPS_CHECK_SECRET_TOKEN,
} OpsCheckSecretType;

#define OPS_CHECK_MAX_BODY_DEFAULT (1024 * 1024)

/* clang-format off */
const OpsCheckOptionSpec *ops_check_option_specs         (guint               *n_specs);
const OpsCheckOptionSpec *ops_check_option_lookup        (const char          *key);
gboolean                  ops_check_option_applies       (const OpsCheckOptionSpec *spec,
                                                          OpsCheckKind         kind);
gboolean                  ops_check_options_validate     (OpsCheckKind         kind,
                                                          JsonObject          *options,
                                                          GError             **error);
JsonNode                 *ops_check_option_parse_text    (const OpsCheckOptionSpec *spec,
                                                          const char          *text,
                                                          GError             **error);
OpsPlaceholders           ops_check_kind_get_placeholders (OpsCheckKind        kind);
OpsCheckSecretType        ops_check_kind_get_secret_type (OpsCheckKind         kind);
const char               *ops_check_kind_get_target_help (OpsCheckKind         kind);
/* clang-format on */

G_END_DECLS
