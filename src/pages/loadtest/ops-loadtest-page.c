/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-loadtest-page"

#include "config.h"

#include "ops-loadtest-page.h"

struct _OpsLoadtestPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (OpsLoadtestPage, ops_loadtest_page, ADW_TYPE_BIN)

static void
ops_loadtest_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OPS_TYPE_LOADTEST_PAGE);

  G_OBJECT_CLASS (ops_loadtest_page_parent_class)->dispose (object);
}

static void
ops_loadtest_page_class_init (OpsLoadtestPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_loadtest_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/loadtest/ops-loadtest-page.ui");
}

static void
ops_loadtest_page_init (OpsLoadtestPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ops_loadtest_page_new (void)
{
  return g_object_new (OPS_TYPE_LOADTEST_PAGE, NULL);
}
