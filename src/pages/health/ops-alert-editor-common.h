/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "alerts/ops-alert-engine.h"

G_BEGIN_DECLS

/* What the rules editor and the maintenance-window editor share: the
 * scope rows, the list rows with Edit and Delete, the confirmation before
 * deleting, and the line that says what is wrong while typing. */

typedef void (*OpsAlertEditorConfirmed) (GtkWidget  *dialog,
                                         const char *name);

/* The frame of both dialogs: a list page and an editor page, Add on the
 * list, Cancel and Save on the editor. Each dialog embeds one and binds
 * its template children with _ops_alert_editor_frame_bind(). */
typedef struct
{
  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *add_button;
  GtkWidget      *cancel_button;
  GtkWidget      *save_button;
  GtkStack       *stack;
  GtkLabel       *hint_label;
  GtkLabel       *list_error_label;
  GtkLabel       *problem_label;

  /* Owned */
  OpsAlertEngine *engine;
  char           *check;
} OpsAlertEditorFrame;

typedef gboolean (*OpsAlertEditorRemove) (OpsStore   *store,
                                          const char *name,
                                          GError    **error);

/* clang-format off */
gboolean   _ops_alert_editor_read_scope      (AdwComboRow             *kind_row,
                                              AdwEntryRow             *value_row,
                                              OpsAlertScope           *scope,
                                              GError                 **error);
void       _ops_alert_editor_show_scope      (AdwComboRow             *kind_row,
                                              AdwEntryRow             *value_row,
                                              const OpsAlertScope     *scope);
gboolean   _ops_alert_editor_read_duration   (AdwEntryRow             *row,
                                              gint64                  *seconds,
                                              GError                 **error);
void       _ops_alert_editor_show_duration   (AdwEntryRow             *row,
                                              gint64                   seconds);
GtkWidget *_ops_alert_editor_new_item_row    (const char              *prefix,
                                              const char              *name,
                                              const char              *subtitle);
void       _ops_alert_editor_confirm_delete  (GtkWidget               *dialog,
                                              const char              *heading,
                                              const char              *body,
                                              const char              *name,
                                              OpsAlertEditorConfirmed  confirmed);
void       _ops_alert_editor_show_problem    (GtkLabel                *label,
                                              GtkWidget               *dialog,
                                              const char              *save_action,
                                              const GError            *error);
void       _ops_alert_editor_clear_list      (GtkListBox              *list);
void       _ops_alert_editor_show_if_filled  (GtkListBox              *list);

void       _ops_alert_editor_frame_bind      (GtkWidgetClass          *widget_class,
                                              gssize                   offset);
void       _ops_alert_editor_frame_clear     (OpsAlertEditorFrame     *frame);
void       _ops_alert_editor_frame_show_page (OpsAlertEditorFrame     *frame,
                                              gboolean                 editing,
                                              const char              *subtitle);
void       _ops_alert_editor_frame_list_error (OpsAlertEditorFrame    *frame,
                                              const GError            *error);
gboolean   _ops_alert_editor_frame_remove    (OpsAlertEditorFrame     *frame,
                                              OpsAlertEditorRemove     remove,
                                              const char              *name);
void       _ops_alert_editor_frame_saved     (OpsAlertEditorFrame     *frame);
void       _ops_alert_editor_frame_present   (OpsAlertEditorFrame     *frame,
                                              GtkWindow               *dialog,
                                              GtkWidget               *parent,
                                              OpsAlertEngine          *engine,
                                              const char              *check,
                                              const char              *hint);
/* clang-format on */

G_END_DECLS
