/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Small misbehaving HTTP servers for the engine's tests, on a free
 * loopback port, one thread per connection. */
typedef enum
{
  OPS_STAND_IN_STALL,        /* answers at once, except for one second that it stalls */
  OPS_STAND_IN_MALFORMED,    /* answers with broken responses */
  OPS_STAND_IN_RANDOM_CLOSE, /* closes a third of the connections instead of answering */
  OPS_STAND_IN_SILENT,       /* reads requests, never answers */
  OPS_STAND_IN_CHUNKED,      /* chunked bodies of several sizes */
} OpsStandInMode;

typedef struct _OpsStandIn OpsStandIn;

/* clang-format off */
OpsStandIn *ops_stand_in_start    (OpsStandInMode  mode);
char       *ops_stand_in_url      (OpsStandIn     *self);
guint       ops_stand_in_answered (OpsStandIn     *self);
void        ops_stand_in_stop     (OpsStandIn     *self);
/* clang-format on */

G_END_DECLS
