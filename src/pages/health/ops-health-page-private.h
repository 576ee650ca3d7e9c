/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#pragma once

#include "ops-health-detail.h"
#include "ops-health-page.h"
#include "ops-health-summary.h"

G_BEGIN_DECLS

/* What the status filter keeps. */
typedef enum
{
  OPS_HEALTH_FILTER_ALL,
  OPS_HEALTH_FILTER_HEALTHY,
  OPS_HEALTH_FILTER_DEGRADED,
  OPS_HEALTH_FILTER_DOWN,
  OPS_HEALTH_FILTER_UNKNOWN,
  OPS_HEALTH_FILTER_PAUSED,
} OpsHealthStatusFilter;

struct _OpsHealthPage
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  AdwViewSwitcher  *view_switcher;
  GtkWidget        *toolbar;
  AdwViewStack     *views;
  GtkSearchEntry   *search_entry;
  GtkRevealer      *paused_revealer;
  GtkStack         *content_stack;
  AdwLeaflet       *leaflet;
  GtkWidget        *main_pane;
  OpsHealthSummary *summary;
  GtkStack         *results_stack;
  GtkGridView      *grid;
  OpsHealthDetail  *detail;
  GtkDropDown      *environment_dropdown;
  GtkDropDown      *status_dropdown;
  GtkDropDown      *tag_dropdown;
  GtkStringList    *tag_list;
  GtkSwitch        *group_switch;
  GtkPopover       *filter_popover;

  /* Owned */
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  GHashTable         *pending_deletes; /* id → OpsCheck, hidden until the toast goes */
  GCancellable       *cancellable;
  char               *search_text;   /* case-folded */
  char               *tag;           /* NULL: any */
  guint               refilter_id;
  OpsHealthEngine    *engine; /* kept until the deletes still pending are done */

  GtkWidget          *alerts_view; /* NULL when alerts did not start */

  /* Borrowed */
  OpsAlertEngine  *alert_engine;
  OpsSettings     *settings;

  int                   environment; /* -1: all */
  OpsHealthStatusFilter status_filter;
  gboolean              group_by_environment;
  gboolean              loading_settings;
};

/* clang-format off */
void       _ops_health_page_class_init_actions (GtkWidgetClass  *widget_class);
void       _ops_health_page_update_actions     (OpsHealthPage   *self);
void       _ops_health_page_add_shortcuts      (OpsHealthPage   *self);
void       _ops_health_page_refilter           (OpsHealthPage   *self);
void       _ops_health_page_commit_deletes     (OpsHealthPage   *self);
void       _ops_health_page_clear_filters      (OpsHealthPage   *self);
OpsCheck  *_ops_health_page_lookup             (OpsHealthPage   *self,
                                                gint64           id);
GListModel *_ops_health_page_get_visible_checks (OpsHealthPage  *self);
/* clang-format on */

G_END_DECLS
