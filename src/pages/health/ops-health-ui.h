/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "health/ops-check.h"

G_BEGIN_DECLS

/* How the Health tab shows a status, a latency and an uptime: always an
 * icon and a word with the colour, never the colour alone. */

/* clang-format off */
const char *ops_health_ui_status_icon      (OpsHealthStatus  status);
const char *ops_health_ui_status_css_class (OpsHealthStatus  status);
void        ops_health_ui_set_status_class (GtkWidget       *widget,
                                            OpsHealthStatus  status);
char       *ops_health_ui_format_latency   (double           latency_ms);
char       *ops_health_ui_format_uptime    (double           percent);
char       *ops_health_ui_describe_target  (OpsCheck        *check);
void        ops_health_ui_install_check_actions (GtkWidgetClass *widget_class,
                                                 const char     *prefix,
                                                 OpsCheck *   (*get_check) (gpointer widget));
void        ops_health_ui_watch_checks     (GListModel      *checks,
                                            guint            position,
                                            guint            added,
                                            GCallback        callback,
                                            gpointer         object);
/* clang-format on */

G_END_DECLS
