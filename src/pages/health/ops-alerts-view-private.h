/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-alert-detail.h"
#include "ops-alerts-view.h"

G_BEGIN_DECLS

/* What the files of the Alerts view share: ops-alerts-view.c (the widget,
 * filters, selection, actions), -rows.c (the open alerts in order and their
 * rows), -history.c (the history and the figures), -sources.c (the
 * Alertmanager sources). */

#define HISTORY_PAGE      50
#define SOURCES_REFRESH_S 60

struct _OpsAlertsView
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwLeaflet     *leaflet;
  GtkSearchEntry *search_entry;
  GtkDropDown    *severity_dropdown;
  GtkDropDown    *state_dropdown;
  GtkDropDown    *source_dropdown;
  GtkStringList  *sources_model;
  GtkRevealer    *source_error_revealer;
  GtkLabel       *source_error_label;
  AdwStatusPage  *empty_page;
  GtkLabel       *no_match_label;
  GtkListBox     *open_list;
  GtkGrid        *stats_grid;
  GtkLabel       *history_empty_label;
  GtkListBox     *history_list;
  GtkButton      *more_button;
  OpsAlertDetail *detail;

  /* Owned */
  OpsAlertEngine *engine;
  GListStore     *open_store;    /* OpsAlertsItem, in the order shown */
  GListStore     *history_store; /* OpsAlertsItem */
  GtkFilter      *filter;
  GPtrArray      *watched;       /* OpsAlert whose changes we follow */
  GHashTable     *source_alerts; /* source name → GPtrArray of OpsAlertsItem */
  GHashTable     *source_errors; /* source name → message */
  GCancellable   *cancellable;
  guint           rebuild_idle;
  guint           refresh_timeout;
  guint           history_pages;
  gboolean        history_more;
  char           *selected_id;
  gboolean        quiet; /* while the source filter's choices change */
};

enum
{
  SEVERITY_ANY,
  SEVERITY_CRITICAL,
  SEVERITY_WARNING,
};

enum
{
  SOURCE_ANY,
  SOURCE_OPSDECK,
};

/* clang-format off */
gint64     _ops_alerts_view_now              (OpsAlertsView *self);
gboolean   _ops_alerts_view_filter           (gpointer       item,
                                              gpointer       user_data);
void       _ops_alerts_view_filters_changed  (OpsAlertsView *self);
void       _ops_alerts_view_rebuild          (OpsAlertsView *self);
void       _ops_alerts_view_schedule_rebuild (OpsAlertsView *self);

GtkWidget *_ops_alerts_view_create_row       (gpointer       item,
                                              gpointer       user_data);
void       _ops_alerts_view_rebuild_open     (OpsAlertsView *self);
void       _ops_alerts_view_unwatch_all      (OpsAlertsView *self);

void       _ops_alerts_view_refresh_history  (OpsAlertsView *self);

void       _ops_alerts_view_refresh_sources  (OpsAlertsView *self);
/* clang-format on */

G_END_DECLS
