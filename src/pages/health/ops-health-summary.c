/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-health-summary"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ops-health-summary.h"
#include "ops-health-ui.h"

/**
 * OpsHealthSummary:
 *
 * The header of the Health tab: the overall health (the share of running
 * checks that are healthy) and, per environment, how many checks are
 * healthy, degraded, down and paused. It follows the checks' `status` and
 * `paused` properties and counts again once per main-loop turn at most.
 */

#define N_ENVIRONMENTS 3

struct _OpsHealthSummary
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkBox    *box;
  GtkLabel  *percent_label;
  GtkLabel  *caption_label;
  GtkWidget *environments_box;
  GtkLabel  *environment_labels[N_ENVIRONMENTS];
  GtkLabel  *count_labels[N_ENVIRONMENTS];

  /* Owned */
  GListModel *checks;
  guint       recount_id;

  OpsHealthCounts counts[N_ENVIRONMENTS];
  double          percent;
};

G_DEFINE_FINAL_TYPE (OpsHealthSummary, ops_health_summary, GTK_TYPE_WIDGET)

static void
count_check (OpsHealthCounts *counts,
             OpsCheck        *check)
{
  if (ops_check_get_paused (check) || !ops_check_get_enabled (check))
    {
      counts->paused++;
      return;
    }

  switch (ops_check_get_status (check))
    {
    case OPS_HEALTH_STATUS_HEALTHY:
      counts->healthy++;
      break;
    case OPS_HEALTH_STATUS_DEGRADED:
      counts->degraded++;
      break;
    case OPS_HEALTH_STATUS_DOWN:
      counts->down++;
      break;
    case OPS_HEALTH_STATUS_UNKNOWN:
    default:
      counts->unknown++;
      break;
    }
}

static void
show_counts (OpsHealthSummary *self)
{
  guint healthy = 0;
  guint known = 0;

  for (guint e = 0; e < N_ENVIRONMENTS; e++)
    {
      const OpsHealthCounts *c = &self->counts[e];
      guint            total = c->healthy + c->degraded + c->down + c->unknown + c->paused;
      g_autofree char *text = NULL;

      healthy += c->healthy;
      known += c->healthy + c->degraded + c->down;

      gtk_widget_set_visible (GTK_WIDGET (self->environment_labels[e]), total > 0);
      gtk_widget_set_visible (GTK_WIDGET (self->count_labels[e]), total > 0);
      /* Translators: counts of checks in one environment */
      text = g_strdup_printf (_("%u healthy · %u degraded · %u down · %u paused"),
                              c->healthy, c->degraded, c->down, c->paused);
      gtk_label_set_label (self->count_labels[e], text);
    }

  self->percent = known > 0 ? 100.0 * healthy / known : -1;
  if (self->percent < 0)
    {
      gtk_label_set_label (self->percent_label, C_("health", "—"));
      gtk_label_set_label (self->caption_label, _("No results yet"));
    }
  else
    {
      g_autofree char *percent = g_strdup_printf (_("%.0f %%"), self->percent);
      /* Translators: under the overall health percentage */
      g_autofree char *caption = g_strdup_printf (ngettext ("of %u running check healthy",
                                                            "of %u running checks healthy", known),
                                                  known);

      gtk_label_set_label (self->percent_label, percent);
      gtk_label_set_label (self->caption_label, caption);
    }
}

static gboolean
recount_cb (gpointer user_data)
{
  OpsHealthSummary *self = user_data;
  guint             n;

  self->recount_id = 0;
  memset (self->counts, 0, sizeof self->counts);

  n = self->checks != NULL ? g_list_model_get_n_items (self->checks) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpsCheck) check = g_list_model_get_item (self->checks, i);

      count_check (&self->counts[CLAMP (ops_check_get_environment (check), 0, N_ENVIRONMENTS - 1)],
                   check);
    }

  show_counts (self);
  return G_SOURCE_REMOVE;
}

static void
queue_recount (OpsHealthSummary *self)
{
  if (self->recount_id == 0)
    self->recount_id = g_idle_add_full (G_PRIORITY_LOW, recount_cb, self, NULL);
}

static void
items_changed_cb (GListModel       *model,
                  guint             position,
                  guint             removed,
                  guint             added,
                  OpsHealthSummary *self)
{
  ops_health_ui_watch_checks (model, position, added, G_CALLBACK (queue_recount), self);

  queue_recount (self);
}

static void
disconnect_model (OpsHealthSummary *self)
{
  guint n;

  if (self->checks == NULL)
    return;

  n = g_list_model_get_n_items (self->checks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpsCheck) check = g_list_model_get_item (self->checks, i);

      g_signal_handlers_disconnect_by_data (check, self);
    }
  g_signal_handlers_disconnect_by_data (self->checks, self);
  g_clear_object (&self->checks);
}

static void
ops_health_summary_dispose (GObject *object)
{
  OpsHealthSummary *self = OPS_HEALTH_SUMMARY (object);

  disconnect_model (self);
  g_clear_handle_id (&self->recount_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPS_TYPE_HEALTH_SUMMARY);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ops_health_summary_parent_class)->dispose (object);
}

static void
ops_health_summary_class_init (OpsHealthSummaryClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ops_health_summary_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/opsdeck/Opsdeck/ui/health/ops-health-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, OpsHealthSummary, box);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthSummary, percent_label);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthSummary, caption_label);
  gtk_widget_class_bind_template_child (widget_class, OpsHealthSummary, environments_box);
  gtk_widget_class_bind_template_child_full (widget_class, "production_label", FALSE,
                                             G_STRUCT_OFFSET (OpsHealthSummary, environment_labels[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "staging_label", FALSE,
                                             G_STRUCT_OFFSET (OpsHealthSummary, environment_labels[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "development_label", FALSE,
                                             G_STRUCT_OFFSET (OpsHealthSummary, environment_labels[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "production_counts", FALSE,
                                             G_STRUCT_OFFSET (OpsHealthSummary, count_labels[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "staging_counts", FALSE,
                                             G_STRUCT_OFFSET (OpsHealthSummary, count_labels[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "development_counts", FALSE,
                                             G_STRUCT_OFFSET (OpsHealthSummary, count_labels[2]));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ops-health-summary");
}

static void
ops_health_summary_init (OpsHealthSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->percent = -1;
  show_counts (self);
}

/**
 * ops_health_summary_set_model:
 * @self: a summary
 * @checks: (nullable): a #GListModel of #OpsCheck
 */
void
ops_health_summary_set_model (OpsHealthSummary *self,
                              GListModel       *checks)
{
  g_return_if_fail (OPS_IS_HEALTH_SUMMARY (self));
  g_return_if_fail (checks == NULL || G_IS_LIST_MODEL (checks));

  disconnect_model (self);
  if (checks == NULL)
    {
      queue_recount (self);
      return;
    }

  self->checks = g_object_ref (checks);
  g_signal_connect (checks, "items-changed", G_CALLBACK (items_changed_cb), self);
  items_changed_cb (checks, 0, 0, g_list_model_get_n_items (checks), self);
}

/**
 * ops_health_summary_get_percent:
 * @self: a summary
 *
 * Returns: the share of running checks with a result that are healthy, in
 *   percent; -1 while none has a result
 */
double
ops_health_summary_get_percent (OpsHealthSummary *self)
{
  g_return_val_if_fail (OPS_IS_HEALTH_SUMMARY (self), -1);

  return self->percent;
}

void
ops_health_summary_get_counts (OpsHealthSummary *self,
                               OpsEnvironment    environment,
                               OpsHealthCounts  *counts)
{
  g_return_if_fail (OPS_IS_HEALTH_SUMMARY (self));
  g_return_if_fail (environment < N_ENVIRONMENTS);

  *counts = self->counts[environment];
}

/**
 * ops_health_summary_set_compact:
 * @self: a summary
 * @compact: whether the tab is narrow
 *
 * Narrow, the counts go under the overall health rather than beside it.
 */
void
ops_health_summary_set_compact (OpsHealthSummary *self,
                                gboolean          compact)
{
  g_return_if_fail (OPS_IS_HEALTH_SUMMARY (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->box),
                                  compact ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (self->box, compact ? 6 : 18);
}
