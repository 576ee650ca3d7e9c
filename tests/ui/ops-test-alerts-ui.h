/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "alerts/ops-alert-db.h"
#include "alerts/ops-alert-engine.h"
#include "ops-test-clock.h"
#include "ops-test-util.h"
#include "pages/health/ops-alert-detail.h"
#include "pages/health/ops-alerts-view.h"

G_BEGIN_DECLS

/* What the tests of the Alerts screens share: a real alert engine on a
 * temporary store and the test clock, a window with the Alerts view,
 * alerts raised through the engine, and ways to read the screen. */

/* Monday 2 March 2026, 10:00 UTC. */
#define START_USEC (G_GINT64_CONSTANT (1772445600) * G_USEC_PER_SEC)
#define SECONDS(s)  ((gint64)(s) * G_USEC_PER_SEC)

typedef struct
{
  char           *path;
  OpsStore       *store;
  OpsEventBus    *bus;
  OpsTestClock   *clock;
  OpsAlertEngine *engine;
  GtkWindow      *window;
  OpsAlertsView  *view;
} Fixture;

/* clang-format off */
void           ops_test_alerts_ui_init (int              *argc,
                                        char           ***argv);
void           flush_events            (void);
void           settle                  (void);
void           new_window              (Fixture          *fixture,
                                        int               width,
                                        int               height);
void           fixture_set_up          (Fixture          *fixture,
                                        gconstpointer     data);
void           close_dialogs           (void);
void           fixture_tear_down       (Fixture          *fixture,
                                        gconstpointer     data);
void           observe                 (Fixture          *fixture,
                                        const char       *check,
                                        OpsSampleStatus   status,
                                        const char       *metric,
                                        double            value);
OpsAlert      *open_alert              (Fixture          *fixture,
                                        const char       *check);
char          *alert_id                (Fixture          *fixture,
                                        const char       *check);
void           raise_down              (Fixture          *fixture,
                                        const char       *check);
void           outage                  (Fixture          *fixture,
                                        const char       *parent,
                                        const char *const *children);
gpointer       child                   (Fixture          *fixture,
                                        GType             type,
                                        const char       *name);
gboolean       has_label               (GtkWidget        *widget,
                                        const char       *text);
char          *row_ids                 (GtkListBox       *list);
GtkWidget     *find_row                (GtkListBox       *list,
                                        const char       *id);
GtkWindow     *find_toplevel           (GType             type);
void           answer_note_dialog      (const char       *note,
                                        const char       *response);
OpsAlertDetail*detail                  (Fixture          *fixture);
gboolean       detail_offers           (Fixture          *fixture,
                                        const char       *button);
void           save_screenshot         (GtkWindow        *window,
                                        const char       *name);
GtkWidget     *find_row_prefix         (GtkListBox       *list,
                                        const char       *prefix);
gpointer       dialog_child            (GtkWindow        *dialog,
                                        GType             type,
                                        const char       *name);
const char     *problem                (GtkWindow        *dialog,
                                        GType             type);
gboolean       can_save                (GtkWindow        *dialog,
                                        GType             type);
void           set_text                (GtkWindow        *dialog,
                                        GType             type,
                                        const char       *name,
                                        const char       *text);
/* clang-format on */

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
