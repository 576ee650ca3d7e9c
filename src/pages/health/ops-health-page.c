/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-page"

#include "config.h"

#include "ops-health-page.h"

struct _OpsHealthPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (OpsHealthPage, ops_health_page, ADW_TYPE_BIN)

static void
ops_health_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OPS_TYPE_HEALTH_PAGE);

  G_OBJECT_CLASS (ops_health_page_parent_class)->dispose (object);
}

static void
ops_health_page_class_init (OpsHealthPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_health_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/health/ops-health-page.ui");
}

static void
ops_health_page_init (OpsHealthPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ops_health_page_new (void)
{
  return g_object_new (OPS_TYPE_HEALTH_PAGE, NULL);
}
