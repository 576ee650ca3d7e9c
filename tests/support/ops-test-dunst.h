/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The real dunst notification service on the test's D-Bus session (run
 * the test with run-in-session.sh --display). It prints every
 * notification it receives, with its urgency and buttons, to a file, and
 * its context menu picks the button named by ops_test_dunst_choose(), as
 * a person would. */
typedef struct
{
  GSubprocess *process;
  char        *dir;
  char        *print_path;
  char        *choice_path;
} OpsTestDunst;

/* clang-format off */
OpsTestDunst *ops_test_dunst_start           (void);
void          ops_test_dunst_stop            (OpsTestDunst *self);
char         *ops_test_dunst_read_printed    (OpsTestDunst *self);
gboolean      ops_test_dunst_wait_printed    (OpsTestDunst *self,
                                              const char   *text,
                                              guint         timeout_ms);
char         *ops_test_dunst_ctl             (OpsTestDunst *self,
                                              const char   *first_arg,
                                              ...) G_GNUC_NULL_TERMINATED;
void          ops_test_dunst_sync            (OpsTestDunst *self);
gboolean      ops_test_dunst_wait_displayed  (OpsTestDunst *self,
                                              guint         n,
                                              guint         timeout_ms);
guint         ops_test_dunst_count           (OpsTestDunst *self,
                                              const char   *which);
void          ops_test_dunst_choose          (OpsTestDunst *self,
                                              const char   *text);
/* clang-format on */

G_END_DECLS
