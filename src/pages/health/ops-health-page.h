/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OPS_TYPE_HEALTH_PAGE (ops_health_page_get_type ())

G_DECLARE_FINAL_TYPE (OpsHealthPage, ops_health_page, OPS, HEALTH_PAGE, AdwBin)

GtkWidget *ops_health_page_new (void);

G_END_DECLS
