/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-dr-page"

#include "config.h"

#include "ops-dr-page.h"

struct _OpsDrPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (OpsDrPage, ops_dr_page, ADW_TYPE_BIN)

static void
ops_dr_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OPS_TYPE_DR_PAGE);

  G_OBJECT_CLASS (ops_dr_page_parent_class)->dispose (object);
}

static void
ops_dr_page_class_init (OpsDrPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_dr_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/dr/ops-dr-page.ui");
}

static void
ops_dr_page_init (OpsDrPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ops_dr_page_new (void)
{
  return g_object_new (OPS_TYPE_DR_PAGE, NULL);
}
