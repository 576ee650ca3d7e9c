/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One run of the real opsdeckctl: its exit status and what it printed. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} OpsTestRun;

/* clang-format off */
void      ops_test_run_clear  (OpsTestRun  *run);
void      ops_test_run_cli    (OpsTestRun  *run,
                               const char  *input,
                               const char  *first_arg,
                               ...) G_GNUC_NULL_TERMINATED;
JsonNode *ops_test_run_json   (OpsTestRun  *run);
/* clang-format on */

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OpsTestRun, ops_test_run_clear)

G_END_DECLS
