/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "health/ops-health-engine.h"

G_BEGIN_DECLS

typedef enum
{
  OPS_CHECK_DIALOG_ADD,
  OPS_CHECK_DIALOG_EDIT,
  OPS_CHECK_DIALOG_DUPLICATE,
} OpsCheckDialogMode;

#define OPS_TYPE_CHECK_DIALOG (ops_check_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OpsCheckDialog, ops_check_dialog, OPS, CHECK_DIALOG, AdwWindow)

/* clang-format off */
GtkWidget *ops_check_dialog_new          (OpsHealthEngine    *engine,
                                          OpsCheck           *check,
                                          OpsCheckDialogMode  mode);
gboolean   ops_check_dialog_is_valid     (OpsCheckDialog     *self);
const char *ops_check_dialog_get_problem (OpsCheckDialog     *self);
/* clang-format on */

G_END_DECLS
