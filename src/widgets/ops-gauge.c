/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Opsdeck developers */

#define G_LOG_DOMAIN "ops-gauge"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ops-gauge.h"

/* A 0–100 score on an arc coloured by band (critical, warning, degraded,
 * healthy), with the score and the band's name as text. */

#define ARC_START (0.75 * G_PI)
#define ARC_SWEEP (1.5 * G_PI)

struct _OpsGauge
{
  GtkWidget parent_instance;

  /* Owned */
  OpsGaugeState  state;
  char          *label;
  char          *summary;
  OpsChartColors colors;
};

G_DEFINE_FINAL_TYPE (OpsGauge, ops_gauge, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_VALUE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

OpsGaugeBand
ops_gauge_band_for_value (const OpsGaugeState *state,
                          double               value)
{
  if (value >= state->healthy_from)
    return OPS_GAUGE_BAND_HEALTHY;
  if (value >= state->degraded_from)
    return OPS_GAUGE_BAND_DEGRADED;
  if (value >= state->warning_from)
    return OPS_GAUGE_BAND_WARNING;
  return OPS_GAUGE_BAND_CRITICAL;
}

const char *
ops_gauge_band_name (OpsGaugeBand band)
{
  switch (band)
    {
    case OPS_GAUGE_BAND_HEALTHY:
      return _("Healthy");
    case OPS_GAUGE_BAND_DEGRADED:
      return _("Degraded");
    case OPS_GAUGE_BAND_WARNING:
      return _("Warning");
    case OPS_GAUGE_BAND_CRITICAL:
    default:
      return _("Critical");
    }
}

const GdkRGBA *
ops_gauge_band_color (const OpsChartColors *colors,
                      OpsGaugeBand          band)
{
  switch (band)
    {
    case OPS_GAUGE_BAND_HEALTHY:
      return &colors->success;
    case OPS_GAUGE_BAND_DEGRADED:
      return &colors->degraded;
    case OPS_GAUGE_BAND_WARNING:
      return &colors->orange;
    case OPS_GAUGE_BAND_CRITICAL:
    default:
      return &colors->error;
    }
}

static void
arc (cairo_t       *cr,
     double         cx,
     double         cy,
     double         radius,
     double         from,
     double         to,
     const GdkRGBA *color,
     double         alpha)
{
  if (to <= from)
    return;
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius, ARC_START + from / 100 * ARC_SWEEP, ARC_START + to / 100 * ARC_SWEEP);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
  cairo_stroke (cr);
}

static void
centred_text (cairo_t       *cr,
              PangoLayout   *layout,
              const char    *text,
              double         size,
              gboolean       bold,
              double         cx,
              double         y,
              const GdkRGBA *color)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  int w, h;

  pango_font_description_set_family (font, "Sans");
  pango_font_description_set_absolute_size (font, MAX (size, 6) * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_move_to (cr, round (cx - w / 2.0), round (y - h / 2.0));
  pango_cairo_show_layout (cr, layout);
}

/**
 * ops_gauge_draw:
 * @pango: (nullable): a context for text; %NULL: one of @cr
 *
 * Draws the gauge of @state in (0, 0, @width, @height) of @cr.
 */
void
ops_gauge_draw (cairo_t              *cr,
                int                   width,
                int                   height,
                const OpsGaugeState  *state,
                const OpsChartColors *colors,
                PangoContext         *pango)
{
  g_autoptr(PangoLayout) layout = NULL;
  double bounds[] = { 0, state->warning_from, state->degraded_from, state->healthy_from, 100 };
  double size = MIN (width, height);
  double thickness = MAX (4, size * 0.08);
  double radius = size / 2 - thickness;
  double cx = width / 2.0;
  double cy = height / 2.0 + thickness / 2;

  if (radius <= 0)
    return;

  cairo_save (cr);
  layout = pango != NULL ? pango_layout_new (pango) : pango_cairo_create_layout (cr);
  cairo_set_line_width (cr, thickness);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* The bands, faint, then the score in its band's colour. */
  for (guint b = 0; b < 4; b++)
    arc (cr, cx, cy, radius, bounds[b], bounds[b + 1], ops_gauge_band_color (colors, b), 0.25);

  if (!isnan (state->value))
    {
      double           value = CLAMP (state->value, 0, 100);
      OpsGaugeBand     band = ops_gauge_band_for_value (state, value);
      g_autofree char *number = g_strdup_printf ("%.0f", value);

      arc (cr, cx, cy, radius, 0, value, ops_gauge_band_color (colors, band), 1);
      centred_text (cr, layout, number, radius * 0.55, TRUE, cx, cy - radius * 0.1, &colors->foreground);
      centred_text (cr, layout, ops_gauge_band_name (band), radius * 0.2, FALSE,
                    cx, cy + radius * 0.35, &colors->foreground);
    }
  else
    centred_text (cr, layout, _("No score"), radius * 0.2, FALSE, cx, cy, &colors->foreground);

  if (state->label != NULL)
    centred_text (cr, layout, state->label, MIN (radius * 0.18, 14), FALSE,
                  cx, cy + radius * 0.85, &colors->foreground);

  cairo_restore (cr);
}

static void
update_summary (OpsGauge *self)
{
  const char *label = self->label != NULL ? self->label : _("Score");

  g_free (self->summary);
  if (isnan (self->state.value))
    /* TRANSLATORS: a gauge without a value, "Health score: no score yet." */
    self->summary = g_strdup_printf (_("%s: no score yet."), label);
  else
    /* TRANSLATORS: a gauge, "Health score: 82 of 100 (Degraded)." */
    self->summary = g_strdup_printf (_("%s: %.0f of 100 (%s)."), label, self->state.value,
                                     ops_gauge_band_name (ops_gauge_band_for_value (&self->state,
                                                                                    self->state.value)));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  isnan (self->state.value) ? 0.0 : self->state.value,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->summary,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
style_changed_cb (OpsGauge *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  ops_chart_colors_init (&self->colors,
                         adw_style_manager_get_dark (style),
                         adw_style_manager_get_high_contrast (style));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ops_gauge_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  OpsGauge *self = OPS_GAUGE (widget);
  int       width = gtk_widget_get_width (widget);
  int       height = gtk_widget_get_height (widget);
  cairo_t  *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ops_gauge_draw (cr, width, height, &self->state, &self->colors, NULL);
  cairo_destroy (cr);
}

static void
ops_gauge_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  *minimum = 96;
  *natural = 160;
}

static void
ops_gauge_finalize (GObject *object)
{
  OpsGauge *self = OPS_GAUGE (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (ops_gauge_parent_class)->finalize (object);
}

static void
ops_gauge_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OpsGauge *self = OPS_GAUGE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_double (value, isnan (self->state.value) ? -1 : self->state.value);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_gauge_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  OpsGauge *self = OPS_GAUGE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      ops_gauge_set_value (self, g_value_get_double (value));
      break;
    case PROP_LABEL:
      ops_gauge_set_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ops_gauge_class_init (OpsGaugeClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags     flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ops_gauge_finalize;
  object_class->get_property = ops_gauge_get_property;
  object_class->set_property = ops_gauge_set_property;

  widget_class->snapshot = ops_gauge_snapshot;
  widget_class->measure = ops_gauge_measure;

  /* The score, 0–100; -1: no score. */
  properties[PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -1, 100, -1, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "gauge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_METER);
}

static void
ops_gauge_init (OpsGauge *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  /* The host health score's bands (see DESIGN.md). */
  self->state = (OpsGaugeState) { NAN, 90, 70, 50, NULL };

  g_signal_connect_object (style, "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  style_changed_cb (self);
  update_summary (self);
}

OpsGauge *
ops_gauge_new (void)
{
  return g_object_new (OPS_TYPE_GAUGE, NULL);
}

double
ops_gauge_get_value (OpsGauge *self)
{
  g_return_val_if_fail (OPS_IS_GAUGE (self), NAN);
  return self->state.value;
}

/* @value: 0–100; NAN or below 0 for no score. */
void
ops_gauge_set_value (OpsGauge *self,
                     double    value)
{
  g_return_if_fail (OPS_IS_GAUGE (self));

  if (value < 0)
    value = NAN;
  else if (!isnan (value))
    value = MIN (value, 100);
  if (value == self->state.value || (isnan (value) && isnan (self->state.value)))
    return;

  self->state.value = value;
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
ops_gauge_get_label (OpsGauge *self)
{
  g_return_val_if_fail (OPS_IS_GAUGE (self), NULL);
  return self->label;
}

void
ops_gauge_set_label (OpsGauge   *self,
                     const char *label)
{
  g_return_if_fail (OPS_IS_GAUGE (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  self->state.label = self->label;
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/* The lowest score of each band; below @warning_from the score is critical. */
void
ops_gauge_set_thresholds (OpsGauge *self,
                          double    healthy_from,
                          double    degraded_from,
                          double    warning_from)
{
  g_return_if_fail (OPS_IS_GAUGE (self));
  g_return_if_fail (warning_from <= degraded_from && degraded_from <= healthy_from);

  self->state.healthy_from = healthy_from;
  self->state.degraded_from = degraded_from;
  self->state.warning_from = warning_from;
  update_summary (self);
}

/* The accessible label: the label, the score and its band in words. */
const char *
ops_gauge_get_summary (OpsGauge *self)
{
  g_return_val_if_fail (OPS_IS_GAUGE (self), NULL);
  return self->summary;
}
