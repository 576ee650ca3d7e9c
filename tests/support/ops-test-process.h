/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A real server started by a test: its folder, its log, its process. */
typedef struct
{
  char        *name;     /* "nginx", for messages */
  char        *dir;      /* its private folder, removed when it stops */
  char        *log_path; /* shown when it fails to start */
  GSubprocess *process;
  guint16      port;
  int          group; /* its process group, killed on abort */
} OpsTestProcess;

/* clang-format off */
guint16         ops_test_free_port          (void);
char           *ops_test_make_server_dir    (const char          *name);
OpsTestProcess *ops_test_process_start      (const char          *name,
                                             const char          *dir,
                                             const char          *log_path,
                                             guint16              port,
                                             const char * const  *argv);
gboolean        ops_test_wait_for_port      (guint16              port,
                                             GSubprocess         *process,
                                             guint                timeout_ms);
char           *ops_test_process_read_log   (OpsTestProcess      *self);
void            ops_test_process_stop       (OpsTestProcess      *self);
void            ops_test_remove_tree        (const char          *path);
void            ops_test_process_die_with_parent (gpointer            user_data);
/* clang-format on */

G_END_DECLS
