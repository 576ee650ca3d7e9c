/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OPS_TYPE_DR_PAGE (ops_dr_page_get_type ())

G_DECLARE_FINAL_TYPE (OpsDrPage, ops_dr_page, OPS, DR_PAGE, AdwBin)

GtkWidget *ops_dr_page_new (void);

G_END_DECLS
