/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "ops-application.h"

G_BEGIN_DECLS

#define OPS_TYPE_WINDOW (ops_window_get_type ())

G_DECLARE_FINAL_TYPE (OpsWindow, ops_window, OPS, WINDOW, AdwApplicationWindow)

/* clang-format off */
OpsWindow  *ops_window_new          (OpsApplication *application);
void        ops_window_show_tab     (OpsWindow      *self,
                                     const char     *name);
const char *ops_window_get_tab      (OpsWindow      *self);
void        ops_window_add_toast    (OpsWindow      *self,
                                     AdwToast       *toast);
void        ops_window_show_alert   (OpsWindow      *self,
                                     gint64          alert_id);
/* clang-format on */

G_END_DECLS
