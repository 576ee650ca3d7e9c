/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* clang-format off */
void      ops_test_init             (int          *argc,
                                     char       ***argv);
void      ops_test_init_ui          (int          *argc,
                                     char       ***argv);
char     *ops_test_fresh_data_dir   (void);
char     *ops_test_fresh_db_path    (void);
GBytes   *ops_test_read_file        (const char   *path);
void      ops_test_write_file       (const char   *path,
                                     const char   *data,
                                     gssize        length);
void      ops_test_sqlite_exec      (const char   *path,
                                     const char   *sql);
int       ops_test_sqlite_int       (const char   *path,
                                     const char   *sql);
gboolean  ops_test_wait_until       (gboolean    (*done) (gpointer),
                                     gpointer      data,
                                     guint         timeout_ms);
/* clang-format on */

G_END_DECLS
