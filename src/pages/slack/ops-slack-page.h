/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OPS_TYPE_SLACK_PAGE (ops_slack_page_get_type ())

G_DECLARE_FINAL_TYPE (OpsSlackPage, ops_slack_page, OPS, SLACK_PAGE, AdwBin)

GtkWidget *ops_slack_page_new (void);

G_END_DECLS
