/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* clang-format off */
void         ops_paths_set_data_dir_override (const char *data_dir);
const char  *ops_paths_get_data_dir          (void);
char        *ops_paths_get_database_path     (void);
/* clang-format on */

G_END_DECLS
