/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-event.h"

G_BEGIN_DECLS

typedef void (*OpsEventFunc) (OpsEvent *event,
                              gpointer  user_data);

#define OPS_TYPE_EVENT_BUS (ops_event_bus_get_type ())

G_DECLARE_FINAL_TYPE (OpsEventBus, ops_event_bus, OPS, EVENT_BUS, GObject)

/* clang-format off */
OpsEventBus *ops_event_bus_new         (void);
guint        ops_event_bus_subscribe   (OpsEventBus    *self,
                                        const char     *prefix,
                                        OpsEventFunc    func,
                                        gpointer        user_data,
                                        GDestroyNotify  destroy);
void         ops_event_bus_unsubscribe (OpsEventBus    *self,
                                        guint           subscription_id);
void         ops_event_bus_publish     (OpsEventBus    *self,
                                        OpsEvent       *event);
/* clang-format on */

G_END_DECLS
