/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include <adwaita.h>

#include "alerts/ops-alert-types.h"

G_BEGIN_DECLS

/* What the rules editor and the maintenance-window editor share: the
 * scope rows, the list rows with Edit and Delete, the confirmation before
 * deleting, and the line that says what is wrong while typing. */

typedef void (*OpsAlertEditorConfirmed) (GtkWidget  *dialog,
                                         const char *name);

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
/* clang-format on */

G_END_DECLS
