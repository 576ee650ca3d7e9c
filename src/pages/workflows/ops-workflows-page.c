/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-workflows-page"

#include "config.h"

#include "ops-workflows-page.h"

struct _OpsWorkflowsPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (OpsWorkflowsPage, ops_workflows_page, ADW_TYPE_BIN)

static void
ops_workflows_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OPS_TYPE_WORKFLOWS_PAGE);

  G_OBJECT_CLASS (ops_workflows_page_parent_class)->dispose (object);
}

static void
ops_workflows_page_class_init (OpsWorkflowsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_workflows_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/workflows/ops-workflows-page.ui");
}

static void
ops_workflows_page_init (OpsWorkflowsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ops_workflows_page_new (void)
{
  return g_object_new (OPS_TYPE_WORKFLOWS_PAGE, NULL);
}
