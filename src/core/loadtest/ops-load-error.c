/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#include "config.h"

#include "ops-load-error.h"

G_DEFINE_QUARK (ops-load-error-quark, ops_load_error)
