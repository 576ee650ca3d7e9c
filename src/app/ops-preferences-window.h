/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "store/ops-store.h"

G_BEGIN_DECLS

#define OPS_TYPE_PREFERENCES_WINDOW (ops_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (OpsPreferencesWindow, ops_preferences_window, OPS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *ops_preferences_window_new (OpsStore *store);

G_END_DECLS
