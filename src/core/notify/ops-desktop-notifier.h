/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

#include "events/ops-event-bus.h"
#include "store/ops-settings.h"

G_BEGIN_DECLS

#define OPS_TYPE_DESKTOP_NOTIFIER (ops_desktop_notifier_get_type ())

G_DECLARE_FINAL_TYPE (OpsDesktopNotifier, ops_desktop_notifier, OPS, DESKTOP_NOTIFIER, GObject)

/* clang-format off */
OpsDesktopNotifier *ops_desktop_notifier_new              (GApplication       *application,
                                                           OpsEventBus        *bus,
                                                           OpsSettings        *settings);
GNotification      *ops_desktop_notifier_build            (OpsEvent           *event);
char               *ops_desktop_notifier_dup_id           (gint64              alert_id);
guint               ops_desktop_notifier_get_n_sent       (OpsDesktopNotifier *self);
/* clang-format on */

G_END_DECLS
