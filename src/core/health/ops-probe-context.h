/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "ops-clock.h"

G_BEGIN_DECLS

#define OPS_TYPE_PROBE_CONTEXT (ops_probe_context_get_type ())

G_DECLARE_FINAL_TYPE (OpsProbeContext, ops_probe_context, OPS, PROBE_CONTEXT, GObject)

/* clang-format off */
OpsProbeContext     *ops_probe_context_new              (OpsClock             *clock);
SoupSession         *ops_probe_context_get_session      (OpsProbeContext      *self);
GResolver           *ops_probe_context_get_resolver     (OpsProbeContext      *self);
OpsClock            *ops_probe_context_get_clock        (OpsProbeContext      *self);
GTlsCertificateFlags ops_probe_context_verify_certificate (OpsProbeContext    *self,
                                                         GTlsCertificate      *certificate,
                                                         GTlsCertificateFlags  errors,
                                                         GSocketConnectable   *identity,
                                                         const char           *ca_file);
/* clang-format on */

G_END_DECLS
