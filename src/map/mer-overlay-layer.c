/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-overlay-layer"

#include "config.h"

#include "mer-overlay-layer.h"

#include "mer-cell-cache.h"
#include "mer-ink.h"
#include "mer-pov-painter.h"

#include <math.h>
#include <string.h>

/* The story drawn over the base map: regions, then event markers, then the
 * event and region labels and the base map's names in one label pass,
 * through the same painters as the exports. The tiles under it draw no
 * names, so that a name never lies under a marker, a ring or a label and
 * is never cut by the map's edge. The layer observes the shared state and
 * the viewport and redraws when either changes; it writes nothing. */

struct _MerOverlayLayer
{
  ShumateLayer parent_instance;

  /* Owned */
  MerState         *state;
  MerRegionPainter *regions;
  MerEventPainter  *events;
  MerLabelMeasure  *measure;   /* kept between frames: names keep their places */
  MerLabels        *labels;    /* the last frame's, nullable */
  GStrv             languages; /* the story's, besides English */
  MerBasemapPainter *basemap;   /* nullable */
  GPtrArray        *over_map;   /* GtkWidget: what lies over the map */
  MerCellCache     *cells;      /* the last frame's drawing, cut into nodes */

  /* The regions as last drawn, and what they were drawn for: a selection
   * that leaves every region's look as it was draws them no more. */
  cairo_surface_t  *regions_image;      /* the plain regions, nullable */
  cairo_surface_t  *emphasis_image;     /* what emphasis adds, nullable */
  MerMapView        regions_view;
  gboolean          regions_dark;
  GArray           *regions_looks;      /* MerRegionLook */
  GArray           *looks;              /* this frame's, MerRegionLook */

  /* What the last frame drew over the regions, and for which point of
   * view (its view and style are the regions'): a frame that draws the same
   * items rasterises only round those that differ. */
  GArray           *ink;                /* MerInk, nullable */
  GArray           *drawn_ink;          /* the last frame's, MerInk, nullable */
  char             *ink_pov;

  gboolean dark;
};

G_DEFINE_FINAL_TYPE (MerOverlayLayer, mer_overlay_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rebuild_painters (MerOverlayLayer *self)
{
  MerDocument *document = mer_state_get_document (self->state);

  g_clear_pointer (&self->regions, mer_region_painter_free);
  g_clear_pointer (&self->events, mer_event_painter_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->regions_image, cairo_surface_destroy);
  g_clear_pointer (&self->emphasis_image, cairo_surface_destroy);
  self->languages = mer_labels_dup_story_languages (document);

  if (document != NULL)
    {
      self->regions = mer_region_painter_new (mer_document_get_regions (document));
      self->events = mer_event_painter_new (mer_document_get_events (document));
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mer_overlay_layer_get_map_view:
 * @view: (out): the view the layer draws, in the painters' terms
 */
void
mer_overlay_layer_get_map_view (MerOverlayLayer *self,
                                MerMapView      *view)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  GtkWidget *widget = GTK_WIDGET (self);

  *view = (MerMapView) {
    shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
    shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
    shumate_viewport_get_zoom_level (viewport),
    gtk_widget_get_width (widget),
    gtk_widget_get_height (widget),
    gtk_widget_get_scale_factor (widget),
  };
}

static void
on_filters_changed (MerOverlayLayer *self)
{
  if (self->events != NULL)
    mer_event_painter_invalidate (self->events);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Markers, rings and labels: what is drawn over the regions. */
static void
draw_over_regions (MerOverlayLayer  *self,
                   cairo_t          *cr,
                   const MerMapView *view)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const MerMapStyle *style = mer_map_style_get (self->dark);
  MerLabels *labels;

  mer_pov_painter_draw (cr, view, style, mer_state_get_pov (self->state));
  mer_event_painter_draw (self->events, cr, view, style, self->state);

  if (self->measure == NULL)
    self->measure = mer_label_measure_new ();
  g_clear_pointer (&self->labels, mer_labels_free);
  labels = self->labels = mer_labels_new (self->measure, view->width, view->height, TRUE);
  /* Recorded, then rasterised at the widget's scale. */
  mer_labels_set_raster_scale (labels, view->scale_factor);
  /* Labels keep clear of what lies over the map where it shows. */
  for (guint i = 0; self->over_map != NULL && i < self->over_map->len; i++)
    {
      GtkWidget *over = g_ptr_array_index (self->over_map, i);
      graphene_rect_t bounds;

      if (gtk_widget_get_visible (over) && gtk_widget_compute_bounds (over, widget, &bounds))
        mer_labels_add_obstacle (labels, &(MerLabelBox) { bounds.origin.x, bounds.origin.y,
                                                          bounds.size.width, bounds.size.height });
    }
  mer_event_painter_add_labels (self->events, labels, view, self->state);
  mer_region_painter_add_labels (self->regions, labels, view, style, self->state);
  if (self->basemap != NULL)
    mer_basemap_painter_add_labels (self->basemap, labels, view, (const char * const *) self->languages);
  mer_labels_place (labels);
  mer_labels_draw (labels, cr, style);
}

static void
add_look_extents (MerOverlayLayer     *self,
                  cairo_region_t      *damage,
                  const MerMapView    *view,
                  const MerRegionLook *look)
{
  cairo_rectangle_t extents;
  int x0, y0, x1, y1;

  mer_region_painter_get_look_extents (self->regions, view, look, &extents);
  if (extents.width <= 0 || extents.height <= 0)
    return;

  x0 = (int) floor (extents.x * view->scale_factor);
  y0 = (int) floor (extents.y * view->scale_factor);
  x1 = (int) ceil ((extents.x + extents.width) * view->scale_factor);
  y1 = (int) ceil ((extents.y + extents.height) * view->scale_factor);
  cairo_region_union_rectangle (damage, &(cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 });
}

/* Where the regions drawn last differ from this frame's, for each of the
 * two images: the plain regions' and the emphasis's. The region painter
 * reads the view, the style and each region's look, and nothing else; the
 * plain regions do not read the emphasis. Each damage is %NULL when its
 * image must be drawn again whole; an empty region when nothing changed;
 * else the extents, in device pixels, of the regions whose look changed,
 * as they were and as they are. Notes this frame's looks. */
static void
regions_damage (MerOverlayLayer  *self,
                const MerMapView *view,
                cairo_region_t  **plain,
                cairo_region_t  **emphasis)
{
  gboolean whole = self->regions_image == NULL || memcmp (view, &self->regions_view, sizeof *view) != 0 ||
                   self->dark != self->regions_dark;
  GArray *swap;

  if (self->regions_looks == NULL)
    {
      self->regions_looks = g_array_new (FALSE, TRUE, sizeof (MerRegionLook));
      self->looks = g_array_new (FALSE, TRUE, sizeof (MerRegionLook));
    }
  mer_region_painter_get_looks (self->regions, self->state, self->looks);
  whole = whole || self->looks->len != self->regions_looks->len;

  *plain = *emphasis = NULL;
  if (!whole)
    {
      *plain = cairo_region_create ();
      *emphasis = cairo_region_create ();
      for (guint i = 0; i < self->looks->len; i++)
        {
          const MerRegionLook *now = &g_array_index (self->looks, MerRegionLook, i);
          const MerRegionLook *before = &g_array_index (self->regions_looks, MerRegionLook, i);

          if (now->shape != before->shape || now->contested != before->contested)
            {
              add_look_extents (self, *plain, view, before);
              add_look_extents (self, *plain, view, now);
            }
          if (memcmp (now, before, sizeof *now) != 0)
            {
              if (before->emphasised)
                add_look_extents (self, *emphasis, view, before);
              if (now->emphasised)
                add_look_extents (self, *emphasis, view, now);
            }
        }
    }

  self->regions_view = *view;
  self->regions_dark = self->dark;
  swap = self->regions_looks;
  self->regions_looks = self->looks;
  self->looks = swap;
}

static cairo_surface_t *
create_regions_image (const MerMapView *view)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                       (int) view->width * (int) view->scale_factor,
                                                       (int) view->height * (int) view->scale_factor);

  cairo_surface_set_device_scale (image, view->scale_factor, view->scale_factor);
  return image;
}

/* Clips @cr to the box round @region, given in device pixels. */
static void
clip_to_extents (cairo_t              *cr,
                 const cairo_region_t *region,
                 const MerMapView     *view)
{
  cairo_rectangle_int_t box;

  cairo_region_get_extents (region, &box);
  cairo_rectangle (cr, box.x / view->scale_factor, box.y / view->scale_factor, box.width / view->scale_factor,
                   box.height / view->scale_factor);
  cairo_clip (cr);
}

/* On screen the regions are rasterised with cairo's coarser antialiasing
 * (4×4 samples a pixel rather than 256×15): their thin outlines look the
 * same at 4× magnification, and drawing them costs half as much (measured
 * on the Kurils at zooms 5 to 8: 6 ms against 3). Exports keep the finer
 * one. */
static void
set_regions_antialias (cairo_t *cr)
{
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
}

/* One pass of the region painter onto its image: whole when @damage is
 * %NULL, else only where it says. */
static void
update_regions_image (MerOverlayLayer   *self,
                      cairo_surface_t  **image,
                      cairo_region_t    *damage,
                      const MerMapView  *view,
                      MerRegionPasses    pass)
{
  const MerMapStyle *style = mer_map_style_get (self->dark);
  cairo_rectangle_int_t box;
  cairo_surface_t *part;
  cairo_t *cr;

  if (damage != NULL && cairo_region_is_empty (damage))
    return;

  if (damage == NULL)
    {
      g_clear_pointer (image, cairo_surface_destroy);
      *image = create_regions_image (view);
      cr = cairo_create (*image);
      set_regions_antialias (cr);
      mer_region_painter_draw_passes (self->regions, cr, view, style, self->state, pass);
      cairo_destroy (cr);
      cairo_surface_flush (*image);
      return;
    }

  /* The box round the damage drawn on an image of its own, at whole device
   * pixels, and copied in: the pixels those the regions have drawn whole,
   * where a clip on the whole image would change some by 1/255. The
   * painter leaves out the regions that do not meet the box. */
  cairo_region_get_extents (damage, &box);
  gdk_rectangle_intersect (&box, &(cairo_rectangle_int_t) { 0, 0, cairo_image_surface_get_width (*image),
                                                            cairo_image_surface_get_height (*image) }, &box);
  if (box.width <= 0 || box.height <= 0)
    return;
  part = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, box.width, box.height);
  cairo_surface_set_device_scale (part, view->scale_factor, view->scale_factor);
  cr = cairo_create (part);
  set_regions_antialias (cr);
  cairo_translate (cr, -box.x / view->scale_factor, -box.y / view->scale_factor);
  clip_to_extents (cr, damage, view);
  mer_region_painter_draw_passes (self->regions, cr, view, style, self->state, pass);
  cairo_destroy (cr);

  cr = cairo_create (*image);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, part, box.x / view->scale_factor, box.y / view->scale_factor);
  cairo_rectangle (cr, box.x / view->scale_factor, box.y / view->scale_factor, box.width / view->scale_factor,
                   box.height / view->scale_factor);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (part);
  cairo_surface_flush (*image);
}

/* The plain regions, then the emphasis over them, onto @cr, whose target
 * is transparent: the emphasis only where it has ink (@emphasised, in
 * device pixels; nullable: everywhere). */
static void
paint_regions_images (cairo_t              *cr,
                      cairo_surface_t      *plain,
                      cairo_surface_t      *emphasis,
                      const cairo_region_t *emphasised,
                      const MerMapView     *view)
{
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, plain, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);

  if (emphasised != NULL && cairo_region_is_empty (emphasised))
    return;
  cairo_save (cr);
  if (emphasised != NULL)
    clip_to_extents (cr, emphasised, view);
  cairo_set_source_surface (cr, emphasis, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* The regions into @cr, whose target is transparent: drawn again where
 * they changed, else copied from the last frame's, the same pixels. A
 * selection moves the emphasis and, most often, leaves the plain regions
 * as they were. Returns where, in device pixels, they differ from the
 * last frame's; %NULL: anywhere. */
static cairo_region_t *
draw_regions_cached (MerOverlayLayer  *self,
                     cairo_t          *cr,
                     const MerMapView *view)
{
  cairo_region_t *plain, *emphasis, *emphasised = cairo_region_create ();

  regions_damage (self, view, &plain, &emphasis);
  update_regions_image (self, &self->regions_image, plain, view, MER_REGION_PASS_PLAIN);
  update_regions_image (self, &self->emphasis_image, emphasis, view, MER_REGION_PASS_EMPHASIS);

  for (guint i = 0; i < self->regions_looks->len; i++)
    if (g_array_index (self->regions_looks, MerRegionLook, i).emphasised)
      add_look_extents (self, emphasised, view, &g_array_index (self->regions_looks, MerRegionLook, i));
  paint_regions_images (cr, self->regions_image, self->emphasis_image, emphasised, view);
  cairo_region_destroy (emphasised);

  if (plain == NULL || emphasis == NULL)
    {
      g_clear_pointer (&plain, cairo_region_destroy);
      g_clear_pointer (&emphasis, cairo_region_destroy);
      return NULL;
    }
  cairo_region_union (plain, emphasis);
  cairo_region_destroy (emphasis);
  return plain;
}

/* Where this frame's markers, rings and labels differ from the last
 * frame's, added to the regions' @damage; %NULL stays %NULL (the regions
 * were drawn whole: another view or style, or the first frame), and the
 * damage is freed for %NULL when the frame was drawn for another point of
 * view. */
static cairo_region_t *
add_ink_damage (MerOverlayLayer  *self,
                const MerMapView *view,
                cairo_region_t   *damage)
{
  const MerMapStyle *style = mer_map_style_get (self->dark);
  const char *pov = mer_state_get_pov (self->state);
  gboolean same_frame = self->drawn_ink != NULL && g_strcmp0 (pov, self->ink_pov) == 0;
  GArray *swap;

  if (self->ink == NULL)
    self->ink = g_array_new (FALSE, FALSE, sizeof (MerInk));
  g_array_set_size (self->ink, 0);
  mer_event_painter_list_ink (self->events, view, style, self->state, self->ink);
  mer_labels_list_ink (self->labels, style, self->ink);

  if (!same_frame)
    g_clear_pointer (&damage, cairo_region_destroy);
  if (damage != NULL)
    mer_ink_add_damage (self->drawn_ink, self->ink, view->scale_factor, damage);

  g_free (self->ink_pov);
  self->ink_pov = g_strdup (pov);
  swap = self->drawn_ink;
  self->drawn_ink = self->ink;
  self->ink = swap;
  return damage;
}

static void
mer_overlay_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  MerOverlayLayer *self = MER_OVERLAY_LAYER (widget);
  cairo_region_t *damage;
  MerMapView view;
  cairo_t *cr;

  if (self->regions == NULL)
    return;

  mer_overlay_layer_get_map_view (self, &view);
  if (view.width <= 0 || view.height <= 0)
    return;

  /* A selection changes a few markers, rings and labels: drawn in cells,
   * the rest of the layer keeps its nodes (see MerCellCache). */
  if (self->cells == NULL)
    self->cells = mer_cell_cache_new ();
  cr = mer_cell_cache_begin (self->cells, widget);
  damage = draw_regions_cached (self, cr, &view);
  draw_over_regions (self, cr, &view);
  damage = add_ink_damage (self, &view, damage);
  mer_cell_cache_end (self->cells, cr, damage, snapshot);
  g_clear_pointer (&damage, cairo_region_destroy);
}

static void
mer_overlay_layer_constructed (GObject *object)
{
  MerOverlayLayer *self = MER_OVERLAY_LAYER (object);

  G_OBJECT_CLASS (mer_overlay_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::document",
                           G_CALLBACK (rebuild_painters), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selected-event",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::hovered-event",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selected-region",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::hovered-region",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::highlighted-regions",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "filter-changed",
                           G_CALLBACK (on_filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "time-window-changed",
                           G_CALLBACK (on_filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "as-of-changed",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::pov",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::hide-outside-window",
                           G_CALLBACK (on_filters_changed), self, G_CONNECT_SWAPPED);
  rebuild_painters (self);
}

static void
mer_overlay_layer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MerOverlayLayer *self = MER_OVERLAY_LAYER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_overlay_layer_dispose (GObject *object)
{
  MerOverlayLayer *self = MER_OVERLAY_LAYER (object);

  g_clear_pointer (&self->regions, mer_region_painter_free);
  g_clear_pointer (&self->events, mer_event_painter_free);
  g_clear_pointer (&self->labels, mer_labels_free);
  g_clear_pointer (&self->measure, mer_label_measure_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->basemap, mer_basemap_painter_unref);
  g_clear_pointer (&self->over_map, g_ptr_array_unref);
  g_clear_pointer (&self->cells, mer_cell_cache_free);
  g_clear_pointer (&self->ink, g_array_unref);
  g_clear_pointer (&self->drawn_ink, g_array_unref);
  g_clear_pointer (&self->ink_pov, g_free);
  g_clear_pointer (&self->regions_image, cairo_surface_destroy);
  g_clear_pointer (&self->emphasis_image, cairo_surface_destroy);
  g_clear_pointer (&self->regions_looks, g_array_unref);
  g_clear_pointer (&self->looks, g_array_unref);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (mer_overlay_layer_parent_class)->dispose (object);
}

static void
mer_overlay_layer_class_init (MerOverlayLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mer_overlay_layer_constructed;
  object_class->set_property = mer_overlay_layer_set_property;
  object_class->dispose = mer_overlay_layer_dispose;
  widget_class->snapshot = mer_overlay_layer_snapshot;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, MER_TYPE_STATE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mer_overlay_layer_init (MerOverlayLayer *self)
{
}

MerOverlayLayer *
mer_overlay_layer_new (ShumateViewport *viewport,
                       MerState        *state)
{
  return g_object_new (MER_TYPE_OVERLAY_LAYER, "viewport", viewport, "state", state, NULL);
}

/**
 * mer_overlay_layer_pick_event:
 * @hit: (out) (optional): the marker or cluster under the point
 *
 * Returns: (transfer none) (nullable): the event whose marker is under the
 *   point; %NULL for a cluster or nothing
 */
MerEvent *
mer_overlay_layer_pick_event (MerOverlayLayer *self,
                              double           x,
                              double           y,
                              MerEventHit     *hit)
{
  MerEventHit local;
  MerMapView view;

  g_return_val_if_fail (MER_IS_OVERLAY_LAYER (self), NULL);

  if (hit == NULL)
    hit = &local;
  *hit = (MerEventHit) { 0 };
  if (self->events == NULL)
    return NULL;

  mer_overlay_layer_get_map_view (self, &view);
  if (!mer_event_painter_pick (self->events, &view, self->state, x, y, hit))
    return NULL;

  return hit->event;
}

/**
 * mer_overlay_layer_list_markers:
 * @hits: (element-type MerEventHit): filled with the markers and clusters
 *   shown, in the layer's pixels
 */
void
mer_overlay_layer_list_markers (MerOverlayLayer *self,
                                GArray          *hits)
{
  MerMapView view;

  g_return_if_fail (MER_IS_OVERLAY_LAYER (self));

  g_array_set_size (hits, 0);
  if (self->events == NULL)
    return;

  mer_overlay_layer_get_map_view (self, &view);
  mer_event_painter_list_markers (self->events, &view, self->state, hits);
}

/**
 * mer_overlay_layer_pick_region:
 *
 * Returns: (transfer none) (nullable): the region under the point
 */
MerRegion *
mer_overlay_layer_pick_region (MerOverlayLayer *self,
                               double           x,
                               double           y)
{
  MerMapView view;

  g_return_val_if_fail (MER_IS_OVERLAY_LAYER (self), NULL);

  if (self->regions == NULL)
    return NULL;

  mer_overlay_layer_get_map_view (self, &view);
  return mer_region_painter_pick (self->regions, &view, x, y, self->state);
}

void
mer_overlay_layer_set_dark (MerOverlayLayer *self,
                            gboolean         dark)
{
  g_return_if_fail (MER_IS_OVERLAY_LAYER (self));

  if (self->dark == dark)
    return;

  self->dark = dark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mer_overlay_layer_set_basemap:
 * @basemap: the painter the map's tiles are drawn with
 *
 * The layer names the base map's places, which the tiles leave out.
 */
void
mer_overlay_layer_set_basemap (MerOverlayLayer   *self,
                               MerBasemapPainter *basemap)
{
  g_return_if_fail (MER_IS_OVERLAY_LAYER (self));

  g_clear_pointer (&self->basemap, mer_basemap_painter_unref);
  self->basemap = basemap != NULL ? mer_basemap_painter_ref (basemap) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mer_overlay_layer_add_obstacle:
 * @over: (transfer none): a widget over the map, such as the label of the
 *   regions' date
 *
 * The layer's labels keep clear of @over wherever it is shown. The layer
 * keeps a reference to @over.
 */
void
mer_overlay_layer_add_obstacle (MerOverlayLayer *self,
                                GtkWidget       *over)
{
  g_return_if_fail (MER_IS_OVERLAY_LAYER (self));
  g_return_if_fail (GTK_IS_WIDGET (over));

  if (self->over_map == NULL)
    self->over_map = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->over_map, g_object_ref (over));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mer_overlay_layer_get_labels:
 *
 * What the layer's label pass placed in the last frame it drew, in the
 * layer's pixels, with the markers, clusters and widgets over the map it
 * kept clear of as its obstacles. For tests.
 *
 * Returns: (transfer none) (nullable): the labels, valid until the next frame
 */
MerLabels *
mer_overlay_layer_get_labels (MerOverlayLayer *self)
{
  g_return_val_if_fail (MER_IS_OVERLAY_LAYER (self), NULL);

  return self->labels;
}

/**
 * mer_overlay_layer_draw:
 * @cr: a context whose user space is the layer's pixels
 *
 * Draws what the layer shows as its snapshot would draw it from nothing:
 * the plain regions and their emphasis whole, each onto an image of its
 * own, then the rest, placing the labels again. For tests: the snapshot,
 * which keeps the regions from a frame to the next and hands GTK its
 * pixels in cells, must show the same.
 */
void
mer_overlay_layer_draw (MerOverlayLayer *self,
                        cairo_t         *cr)
{
  cairo_surface_t *images[2] = { NULL, NULL };
  MerMapView view;

  g_return_if_fail (MER_IS_OVERLAY_LAYER (self));
  g_return_if_fail (cr != NULL);

  if (self->regions == NULL)
    return;

  mer_overlay_layer_get_map_view (self, &view);
  update_regions_image (self, &images[0], NULL, &view, MER_REGION_PASS_PLAIN);
  update_regions_image (self, &images[1], NULL, &view, MER_REGION_PASS_EMPHASIS);
  paint_regions_images (cr, images[0], images[1], NULL, &view);
  cairo_surface_destroy (images[0]);
  cairo_surface_destroy (images[1]);
  draw_over_regions (self, cr, &view);
}

/**
 * mer_overlay_layer_get_n_cells:
 * @n_new: (out) (optional): how many of them were drawn anew rather than
 *   kept from the frame before
 *
 * Returns: how many cells of the layer had ink in the last frame (see
 *   #MerCellCache; 1 under the GL renderers, which get one node). For
 *   tests.
 */
guint
mer_overlay_layer_get_n_cells (MerOverlayLayer *self,
                               guint           *n_new)
{
  g_return_val_if_fail (MER_IS_OVERLAY_LAYER (self), 0);

  if (n_new != NULL)
    *n_new = self->cells != NULL ? mer_cell_cache_get_n_new (self->cells) : 0;
  return self->cells != NULL ? mer_cell_cache_get_n_drawn (self->cells) : 0;
}
