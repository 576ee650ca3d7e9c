/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "alerts/ops-alert-db.h"
#include "ops-cli.h"

G_BEGIN_DECLS

/* What the files of `opsdeckctl alert …` share: sub-commands (`alert
 * rules add`), `--check/--tag/--environment`, lists and removals. */

typedef struct
{
  const char *name;
  const char *parameter_string;
  const char *summary;
  int (*run) (const OpsCliCommand *command,
              int                  argc,
              char               **argv);
} SubCommand;

/* --check / --tag / --environment / --every-check: at most one. */
typedef struct
{
  char    *check;
  char    *tag;
  char    *environment;
  gboolean every;
} ScopeOptions;

/* clang-format off */
#define SCOPE_ENTRIES(options)                                                                     \
  { "check", 0, 0, G_OPTION_ARG_STRING, &(options).check, N_("Only for the check NAME"),          \
    N_("NAME") },                                                                                 \
  { "tag", 0, 0, G_OPTION_ARG_STRING, &(options).tag, N_("For the checks tagged TAG"),            \
    N_("TAG") },                                                                                  \
  { "environment", 0, 0, G_OPTION_ARG_STRING, &(options).environment,                            \
    N_("For the checks in ENVIRONMENT (production, staging or development)"), N_("ENVIRONMENT") }
/* clang-format on */

/* `… list [--json]` of rules, windows, dependencies and sources. */
typedef struct
{
  const char *json_help; /* N_() */
  const char *empty;     /* N_(), printed when there is nothing */
  GPtrArray *(*load) (OpsStore *store,
                      GError  **error);
  void (*to_json) (gpointer     item,
                   JsonBuilder *builder);
  void (*print) (gpointer item);
} ListSpec;

/* clang-format off */
int  _ops_cli_alert_dispatch            (const OpsCliCommand  *command,
                                         const SubCommand     *subs,
                                         guint                 n_subs,
                                         int                   argc,
                                         char                **argv);
int  _ops_cli_alert_expect_names        (const OpsCliCommand  *command,
                                         int                   argc,
                                         char                **argv,
                                         int                   wanted);
void _ops_cli_alert_scope_options_clear (ScopeOptions         *options);
int  _ops_cli_alert_scope_from_options  (const ScopeOptions   *options,
                                         OpsAlertScope        *scope,
                                         GError              **error);
int  _ops_cli_alert_run_list            (const OpsCliCommand  *command,
                                         int                   argc,
                                         char                **argv,
                                         const ListSpec       *spec);
int  _ops_cli_alert_remove_named        (const OpsCliCommand  *command,
                                         int                   argc,
                                         char                **argv,
                                         gboolean            (*remove) (OpsStore   *store,
                                                                        const char *name,
                                                                        GError    **error),
                                         char                **removed);
/* clang-format on */

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScopeOptions, _ops_cli_alert_scope_options_clear)

G_END_DECLS
