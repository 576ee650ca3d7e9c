/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OPS_TYPE_WORKFLOWS_PAGE (ops_workflows_page_get_type ())

G_DECLARE_FINAL_TYPE (OpsWorkflowsPage, ops_workflows_page, OPS, WORKFLOWS_PAGE, AdwBin)

GtkWidget *ops_workflows_page_new (void);

G_END_DECLS
