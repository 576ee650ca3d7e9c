/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-alerts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "alerts/ops-alert-db.h"
#include "ops-alerts-item.h"
#include "ops-alerts-view-private.h"

/* The history of resolved alerts, a page at a time, and the figures of
 * the last 7 and 30 days. */

static void
add_figure (OpsAlertsView *self,
            int            column,
            int            row,
            const char    *text,
            gboolean       heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->stats_grid, label, column, row, 1, 1);
}

static char *
format_mean (double seconds)
{
  if (seconds < 0)
    /* Translators: no mean time, as nothing was acknowledged or resolved */
    return g_strdup (_("none yet"));
  return ops_alert_format_duration ((gint64)(seconds + 0.5));
}

static void
refresh_stats (OpsAlertsView *self)
{
  static const int days[] = { 7, 30 };
  OpsStore        *store = ops_alert_engine_get_store (self->engine);
  gint64           now = _ops_alerts_view_now (self);
  GtkWidget       *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stats_grid))) != NULL)
    gtk_grid_remove (self->stats_grid, child);

  add_figure (self, 1, 0, _("Last 7 days"), TRUE);
  add_figure (self, 2, 0, _("Last 30 days"), TRUE);
  /* Translators: mean time to acknowledge */
  add_figure (self, 0, 1, _("MTTA"), TRUE);
  /* Translators: mean time to resolve */
  add_figure (self, 0, 2, _("MTTR"), TRUE);
  add_figure (self, 0, 3, _("Alerts per day"), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GError) error = NULL;
      OpsAlertStats stats = { 0 };

      if (!ops_alert_db_query_stats (store, now - (gint64)days[i] * 86400 * G_USEC_PER_SEC, now,
                                     &stats, &error))
        {
          add_figure (self, i + 1, 1, error->message, FALSE);
          continue;
        }

      {
        g_autofree char *mtta = format_mean (stats.mtta_seconds);
        g_autofree char *mttr = format_mean (stats.mttr_seconds);
        /* Two decimals below one a day, so that a few alerts a month do
         * not read as none. */
        g_autofree char *per_day = g_strdup_printf (stats.per_day > 0 && stats.per_day < 1 ? "%.2f" : "%.1f",
                                                    stats.per_day);

        add_figure (self, i + 1, 1, mtta, FALSE);
        add_figure (self, i + 1, 2, mttr, FALSE);
        add_figure (self, i + 1, 3, per_day, FALSE);
      }
    }
}

void
_ops_alerts_view_refresh_history (OpsAlertsView *self)
{
  OpsAlertQuery query = OPS_ALERT_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  /* One more than shown, to know whether there are older ones. */
  query.state = OPS_ALERT_STATE_RESOLVED;
  query.limit = self->history_pages * HISTORY_PAGE + 1;
  alerts = ops_alert_db_list_alerts (ops_alert_engine_get_store (self->engine), &query, &error);
  if (alerts == NULL)
    {
      g_warning ("Could not read the alert history: %s", error->message);
      return;
    }

  self->history_more = alerts->len > self->history_pages * HISTORY_PAGE;
  for (guint i = 0; i < MIN (alerts->len, self->history_pages * HISTORY_PAGE); i++)
    g_ptr_array_add (items, ops_alerts_item_new (g_ptr_array_index (alerts, i)));

  g_list_store_splice (self->history_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->history_store)),
                       items->pdata, items->len);
  refresh_stats (self);
}
