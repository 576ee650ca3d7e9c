/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "store/ops-store.h"

G_BEGIN_DECLS

/* Exit statuses of opsdeckctl. */
#define OPS_CLI_EXIT_OK      0
#define OPS_CLI_EXIT_FAILURE 1
#define OPS_CLI_EXIT_USAGE   2

typedef struct _OpsCliCommand OpsCliCommand;

struct _OpsCliCommand
{
  const char *group;            /* "db" */
  const char *name;             /* "info" */
  const char *parameter_string; /* "[FILE]", shown in --help */
  const char *summary;          /* one line, translatable (N_) */
  int (*run) (const OpsCliCommand *command,
              int                  argc,
              char               **argv);
};

/* clang-format off */
gboolean  ops_cli_parse_options  (const OpsCliCommand  *command,
                                  const GOptionEntry   *entries,
                                  const char           *description,
                                  int                  *argc,
                                  char               ***argv,
                                  int                  *exit_status);
gboolean  ops_cli_parse_options_with (const OpsCliCommand *command,
                                      GOptionContext      *context,
                                      const GOptionEntry  *entries,
                                      int                 *argc,
                                      char              ***argv,
                                      int                 *exit_status);
OpsStore *ops_cli_open_store     (void);
int       ops_cli_fail           (const char           *format,
                                  ...) G_GNUC_PRINTF (1, 2);
int       ops_cli_usage_error    (const OpsCliCommand  *command,
                                  const char           *format,
                                  ...) G_GNUC_PRINTF (2, 3);
void      ops_cli_print_json     (JsonNode             *node);

int       ops_cli_db_info        (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_config_export  (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_config_import  (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_load_run       (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_load_list      (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_load_show      (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_load_compare   (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_check_list     (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_check_add      (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_check_run      (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_check_history  (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_alert_list        (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_alert_show        (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_alert_ack         (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_alert_resolve     (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_alert_stats       (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_alert_rules       (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_alert_maintenance (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_alert_depends     (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
int       ops_cli_alert_sources     (const OpsCliCommand  *command,
                                  int                   argc,
                                  char                **argv);
/* clang-format on */

G_END_DECLS
