/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "ops-application.h"
#include "ops-window.h"
#include "pages/health/ops-health-page-private.h"

G_BEGIN_DECLS

/* The Health tab in a real window of a real application, for the page's
 * tests and its screenshots. */
typedef struct
{
  OpsApplication  *app;
  OpsWindow       *window;
  OpsHealthPage   *page;
  OpsHealthEngine *engine;
  char            *data_dir;
} OpsTestHealthPage;

/* clang-format off */
void       ops_test_health_page_open     (OpsTestHealthPage *fixture);
void       ops_test_health_page_close    (OpsTestHealthPage *fixture);
void       ops_test_health_page_reopen   (OpsTestHealthPage *fixture);
OpsCheck  *ops_test_health_page_add      (OpsTestHealthPage *fixture,
                                          OpsCheckKind       kind,
                                          const char        *name,
                                          const char        *target,
                                          OpsEnvironment     environment,
                                          const char        *tag);
GPtrArray *ops_test_health_page_cards    (OpsTestHealthPage *fixture);
GtkWidget *ops_test_find_widget          (GtkWidget         *root,
                                          GType              type,
                                          const char        *label);
gboolean   ops_test_has_label            (GtkWidget         *root,
                                          const char        *text);
void       ops_test_flush_events         (void);
void       ops_test_respond_to_dialog    (const char        *response);
gboolean   ops_test_wait_for             (gboolean         (*done) (gpointer),
                                          gpointer           data);
/* clang-format on */

G_END_DECLS
