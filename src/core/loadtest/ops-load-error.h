/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OPS_LOAD_ERROR (ops_load_error_quark ())

typedef enum
{
  OPS_LOAD_ERROR_FAILED,
  OPS_LOAD_ERROR_INVALID_SCENARIO,
  OPS_LOAD_ERROR_INVALID_THRESHOLD,
  OPS_LOAD_ERROR_RESOLVE,
  OPS_LOAD_ERROR_TLS,
  OPS_LOAD_ERROR_CORRUPT,
  OPS_LOAD_ERROR_NOT_FOUND,
  OPS_LOAD_ERROR_RUNNING,
} OpsLoadError;

GQuark ops_load_error_quark (void);

G_END_DECLS
