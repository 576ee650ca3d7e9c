/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OPS_TYPE_LOADTEST_PAGE (ops_loadtest_page_get_type ())

G_DECLARE_FINAL_TYPE (OpsLoadtestPage, ops_loadtest_page, OPS, LOADTEST_PAGE, AdwBin)

GtkWidget *ops_loadtest_page_new (void);

G_END_DECLS
