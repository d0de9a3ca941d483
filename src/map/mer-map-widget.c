/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-map-widget"

#include "config.h"

#include "mer-map-widget.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <shumate/shumate.h>

#include "mer-after-paint.h"
#include "mer-export-service.h"
#include "mer-fit.h"
#include "mer-map-history.h"
#include "mer-map-markers.h"
#include "mer-overlay-layer.h"
#include "mer-pov-painter.h"
#include "mer-region-painter.h"
#include "mer-tile-source.h"

/* The map half of the window: a libshumate map showing the offline base map
 * and, over it, the story's regions and events. Pointer and keys write the
 * user's intent into the shared state (selection, hover); the overlay redraws
 * from the state. Drag to pan and wheel to zoom are libshumate's own. */

#define ANIMATION_MS 600
#define PAN_FRACTION 0.25
/* How long the map and the state must stay put to make a history entry:
 * the steps of a drag or of a flight are not places the user went to. */
#define HISTORY_SETTLE_MS 500

struct _MerMapWidget
{
  GtkWidget parent_instance;

  /* Owned */
  MerState        *state;
  MerBasemapPainter *basemap;
  GtkWidget       *box;
  GtkWidget       *overlay;
  ShumateMap      *map;
  ShumateViewport *viewport;
  ShumateMapLayer *tile_layer;
  MerTileSource   *tile_source;
  MerOverlayLayer *overlay_layer;
  GtkWidget       *message;
  GtkWidget       *as_of_label;   /* borrowed: the overlay holds it */
  MerAfterPaint    as_of_update;  /* the label follows a frame after the regions */
  GtkWidget       *controls_bar;  /* borrowed: the box holds it */
  ShumateLicense  *license;
  ShumateMapSource *online_source;
  ShumateMapLayer *online_layer;
  MerMapHistory   *history;

  /* Borrowed */
  GtkWidget *back_button;
  GtkWidget *forward_button;
  /* On the window while the map is in one, so that the mouse's side
   * buttons go back and forward anywhere in it, as Alt+Left/Right do. */
  GtkEventController *side_buttons;

  guint    history_timeout_id;
  /* Going back or forward sets the state, which must not fly the map to
   * the selected event nor make an entry of its own. */
  gboolean restoring;

  /* The animation in progress */
  guint   tick_id;
  gint64  start_time;
  MerView from;
  MerView to;
  double  lon_delta;

  /* The press in progress: a press that moves past the drag threshold
   * pans the map and is not a click. */
  double   press_x;
  double   press_y;
  gboolean dragged;

  gboolean dark;
  int      scale_factor;
};

G_DEFINE_FINAL_TYPE (MerMapWidget, mer_map_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  PROP_ONLINE_LAYER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Between the label of the regions' date and the map's edges. */
#define AS_OF_MARGIN 8

/* Style */

/* libadwaita's style manager chooses between its light and dark
 * stylesheets, following the desktop's preference (or
 * $ADW_DEBUG_COLOR_SCHEME); with $GTK_THEME set it loads neither and leaves
 * the theme to GTK. */
static gboolean
style_manager_decides (void)
{
  return adw_is_initialized () && g_getenv ("GTK_THEME") == NULL;
}

/**
 * mer_map_widget_prefers_dark:
 * @widget: any widget of the window
 *
 * Whether the map under @widget's theme is drawn dark: as libadwaita's
 * style manager says when it styles the application; otherwise (a plain
 * GTK program, or $GTK_THEME=Adwaita:dark) when the theme's text is light.
 * What else shows the map's colours (the legend) asks the same question.
 */
gboolean
mer_map_widget_prefers_dark (GtkWidget *widget)
{
  GdkRGBA color;

  if (style_manager_decides ())
    return adw_style_manager_get_dark (adw_style_manager_get_for_display (gtk_widget_get_display (widget)));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue > 0.5;
}

/* GTK's cairo renderer draws texture nodes slowly: under it, tiles are
 * drawn as cairo nodes (see MerTilePaintable). The renderer is known once
 * the window is realized, before the map lays out and asks for tiles. */
static void
update_tile_nodes (MerMapWidget *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  if (self->tile_source != NULL)
    mer_tile_source_set_cairo_nodes (self->tile_source, renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer));
}

/* libshumate caches tiles by source id and cannot restyle a layer: a new
 * style or scale factor takes a new source and a new layer. */
static void
update_tile_layer (MerMapWidget *self)
{
  gboolean dark = mer_map_widget_prefers_dark (GTK_WIDGET (self));
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  ShumateMapLayer *old_layer = self->tile_layer;

  if (self->basemap == NULL)
    return;

  if (self->tile_source != NULL && dark == self->dark && scale_factor == self->scale_factor)
    return;

  self->dark = dark;
  self->scale_factor = scale_factor;

  g_clear_object (&self->tile_source);
  self->tile_source = mer_tile_source_new (self->basemap, dark, scale_factor);
  update_tile_nodes (self);
  shumate_viewport_set_reference_map_source (self->viewport, SHUMATE_MAP_SOURCE (self->tile_source));
  /* Setting the reference source resets the zoom limits to the source's. */
  shumate_viewport_set_min_zoom_level (self->viewport, MER_MAP_MIN_ZOOM);
  shumate_viewport_set_max_zoom_level (self->viewport, MER_MAP_MAX_ZOOM);

  self->tile_layer = shumate_map_layer_new (SHUMATE_MAP_SOURCE (self->tile_source), self->viewport);
  if (old_layer != NULL)
    {
      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->tile_layer), SHUMATE_LAYER (old_layer));
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (old_layer));
    }
  else
    shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->tile_layer),
                                     SHUMATE_LAYER (self->overlay_layer));

  mer_overlay_layer_set_dark (self->overlay_layer, dark);
}

/* Views */

static void
set_view (MerMapWidget  *self,
          const MerView *view)
{
  shumate_viewport_set_zoom_level (self->viewport, view->zoom);
  shumate_location_set_location (SHUMATE_LOCATION (self->viewport), view->lat,
                                 mer_projection_wrap_longitude (view->lon));
}

static void
stop_animation (MerMapWidget *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static double
ease_in_out (double t)
{
  return t < 0.5 ? 4 * t * t * t : 1 - pow (-2 * t + 2, 3) / 2;
}

static gboolean
on_animation_tick (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  MerMapWidget *self = MER_MAP_WIDGET (widget);
  double t, e;
  MerView view;

  /* The flight starts at the first frame after the request, which shows
   * the map where it is: a selection's first frame draws the selection
   * without laying out every marker and tile again for a view moved by
   * less than a pixel. */
  if (self->start_time == 0)
    {
      self->start_time = gdk_frame_clock_get_frame_time (clock);
      return G_SOURCE_CONTINUE;
    }

  t = (gdk_frame_clock_get_frame_time (clock) - self->start_time) / (ANIMATION_MS * 1000.0);
  e = ease_in_out (CLAMP (t, 0, 1));
  view = (MerView) {
    self->from.lat + (self->to.lat - self->from.lat) * e,
    self->from.lon + self->lon_delta * e,
    self->from.zoom + (self->to.zoom - self->from.zoom) * e,
  };

  set_view (self, &view);

  if (t >= 1)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/**
 * mer_map_widget_go_to:
 * @view: where to go
 * @animate: whether to move there smoothly (when animations are enabled)
 *
 * Moves the map, the short way round across ±180°.
 */
void
mer_map_widget_go_to (MerMapWidget  *self,
                      const MerView *view,
                      gboolean       animate)
{
  gboolean animations = TRUE;
  MerView target;

  g_return_if_fail (MER_IS_MAP_WIDGET (self));
  g_return_if_fail (view != NULL);

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animations, NULL);
  stop_animation (self);

  target = *view;
  target.zoom = CLAMP (target.zoom, MER_MAP_MIN_ZOOM, MER_MAP_MAX_ZOOM);

  if (!animate || !animations || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      set_view (self, &target);
      return;
    }

  self->from = (MerView) {
    shumate_location_get_latitude (SHUMATE_LOCATION (self->viewport)),
    shumate_location_get_longitude (SHUMATE_LOCATION (self->viewport)),
    shumate_viewport_get_zoom_level (self->viewport),
  };
  self->to = target;
  self->lon_delta = mer_projection_longitude_delta (self->from.lon, target.lon);
  self->start_time = 0;
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_animation_tick, NULL, NULL);
}

/**
 * mer_map_widget_get_map_view:
 * @view: (out): the current view in the painters' terms
 */
void
mer_map_widget_get_map_view (MerMapWidget *self,
                             MerMapView   *view)
{
  g_return_if_fail (MER_IS_MAP_WIDGET (self));

  mer_overlay_layer_get_map_view (self->overlay_layer, view);
}

/**
 * mer_map_widget_add_obstacle:
 * @over: a widget shown over the map at times, such as a presentation's
 *   caption card
 *
 * The map's labels keep clear of @over wherever and whenever it is shown.
 */
void
mer_map_widget_add_obstacle (MerMapWidget *self,
                             GtkWidget    *over)
{
  g_return_if_fail (MER_IS_MAP_WIDGET (self));
  g_return_if_fail (GTK_IS_WIDGET (over));

  mer_overlay_layer_add_obstacle (self->overlay_layer, over);
}

/**
 * mer_map_widget_get_target_view:
 * @view: (out): where the map is going, or where it is when it is still
 *
 * Lets overlays place themselves for the view the map is flying to.
 */
void
mer_map_widget_get_target_view (MerMapWidget *self,
                                MerView      *view)
{
  g_return_if_fail (MER_IS_MAP_WIDGET (self));
  g_return_if_fail (view != NULL);

  if (self->tick_id != 0)
    {
      *view = self->to;
      return;
    }

  *view = (MerView) {
    shumate_location_get_latitude (SHUMATE_LOCATION (self->viewport)),
    shumate_location_get_longitude (SHUMATE_LOCATION (self->viewport)),
    shumate_viewport_get_zoom_level (self->viewport),
  };
}

/* The height of the map's strip that the "Regions as of" chip covers, at
 * its bottom, its margin included: a fit frames the map above it, so that
 * no marker lands under the chip. Measured, not allocated: the chip may
 * have just been shown. */
static double
get_chip_inset (MerMapWidget *self)
{
  int natural = 0;

  if (!gtk_widget_get_visible (self->as_of_label))
    return 0;
  gtk_widget_measure (self->as_of_label, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* Goes to @fitted, computed for the map less @inset pixels at its bottom,
 * moved so that what it frames is centred in that part. */
static void
go_above_inset (MerMapWidget *self,
                MerView      *fitted,
                double        inset,
                gboolean      animate)
{
  double world = MER_PROJECTION_TILE_SIZE * exp2 (fitted->zoom);
  double y = mer_projection_lat_to_y (fitted->lat) + inset / 2 / world;

  fitted->lat = mer_projection_y_to_lat (y);
  mer_map_widget_go_to (self, fitted, animate);
}

/* Shows every event that passes the filters (every event when none does):
 * their places, and the regions of those without places. Returns whether
 * they had any. */
static gboolean
fit_story (MerMapWidget *self,
           int           width,
           int           height,
           gboolean      animate)
{
  MerDocument *document = mer_state_get_document (self->state);
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (MerPlace));
  g_autoptr(GPtrArray) geometries = g_ptr_array_new ();
  GListModel *events;
  MerView fitted;
  double inset;

  if (document == NULL)
    return FALSE;

  events = mer_document_get_events (document);
  for (int pass = 0; pass < 2 && places->len == 0 && geometries->len == 0; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(MerEvent) event = g_list_model_get_item (events, i);
        const MerPlace *event_places;
        MerRegion * const *regions;
        guint n_places, n_regions;

        if (pass == 0 && !mer_state_event_passes_filters (self->state, event))
          continue;

        event_places = mer_event_get_places (event, &n_places);
        g_array_append_vals (places, event_places, n_places);
        if (n_places > 0)
          continue;
        regions = mer_event_get_regions (event, &n_regions);
        for (guint r = 0; r < n_regions; r++)
          g_ptr_array_add (geometries, mer_region_get_geometry (regions[r]));
      }

  inset = get_chip_inset (self);
  if (!mer_fit_view ((const MerPlace *) places->data, places->len,
                     (MerGeometry * const *) geometries->pdata, geometries->len, width, MAX (height - inset, 1),
                     40, MER_MAP_MIN_ZOOM, MER_FIT_CONTEXT_ZOOM, &fitted))
    return FALSE;

  go_above_inset (self, &fitted, inset, animate);
  return TRUE;
}

static void
show_document (MerMapWidget *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  const MerView *view;

  if (document == NULL)
    return;

  view = mer_document_get_view (document);
  if (view != NULL)
    mer_map_widget_go_to (self, view, FALSE);
  /* A story without a view of its own (most imported ones) opens on its
   * events, or else on its regions. */
  else if (!fit_story (self, MAX (gtk_widget_get_width (GTK_WIDGET (self)), 800),
                       MAX (gtk_widget_get_height (GTK_WIDGET (self)), 500), FALSE))
    {
      GListModel *regions = mer_document_get_regions (document);
      guint n = g_list_model_get_n_items (regions);
      g_autofree MerGeometry **geometries = g_new0 (MerGeometry *, MAX (n, 1));
      int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 800);
      int height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 500);
      MerView fitted;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MerRegion) region = g_list_model_get_item (regions, i);
          geometries[i] = mer_region_get_geometry (region);
        }
      if (mer_fit_view (NULL, 0, geometries, n, width, height, 40, MER_MAP_MIN_ZOOM, 8, &fitted))
        mer_map_widget_go_to (self, &fitted, FALSE);
    }
}

/* What the map says of the date its regions are drawn as of and whose
 * borders it shows, as the exports' legend does; empty when nothing. */
static char *
dup_as_of_text (MerMapWidget *self)
{
  MerDocument *document = mer_state_get_document (self->state);
  const char *pov = mer_state_get_pov (self->state);
  GString *text = g_string_new (NULL);
  gint64 second;

  if (document != NULL && g_list_model_get_n_items (mer_document_get_regions (document)) > 0
      && mer_state_get_as_of (self->state, &second))
    {
      MerDate date;
      g_autofree char *day = NULL;

      mer_date_from_second (second, &date);
      day = mer_date_format (&date, FALSE);
      g_string_append_printf (text, _("Regions as of %s"), day);
    }
  if (pov != NULL)
    {
      g_autofree char *borders = mer_pov_painter_describe (pov);

      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", borders);
    }
  return g_string_free (text, FALSE);
}

static void
update_as_of_label (MerMapWidget *self)
{
  g_autofree char *text = dup_as_of_text (self);

  gtk_label_set_text (GTK_LABEL (self->as_of_label), text);
  gtk_widget_set_visible (self->as_of_label, *text != '\0');
}

static guint
count_lines (const char *text)
{
  guint n = 1;

  for (const char *c = strchr (text, '\n'); c != NULL; c = strchr (c + 1, '\n'))
    n++;
  return n;
}

static void
on_as_of_painted (GtkWidget *widget)
{
  update_as_of_label (MER_MAP_WIDGET (widget));
}

/* A new date in the label costs the window a layout: the regions drawn as
 * of the new date come first, the label in the frame after. The label
 * shown or hidden, or a line more or less, changes at once: how the map
 * frames an event depends on the label's height. */
static void
schedule_as_of_label (MerMapWidget *self)
{
  g_autofree char *text = dup_as_of_text (self);
  const char *shown = gtk_label_get_text (GTK_LABEL (self->as_of_label));

  if (gtk_widget_get_visible (self->as_of_label) != (*text != '\0') || count_lines (text) != count_lines (shown))
    {
      mer_after_paint_cancel (&self->as_of_update);
      update_as_of_label (self);
    }
  else if (!g_str_equal (text, shown))
    mer_after_paint_schedule (&self->as_of_update, GTK_WIDGET (self), on_as_of_painted);
}

/* Flies to the selected event: its own view if it has one, widened when it
 * leaves out one of the event's places; else a frame round its places (or
 * its regions when it has no places). */
static void
on_selected_event (MerMapWidget *self)
{
  MerEvent *event = mer_state_get_selected_event (self->state);
  const MerView *view;
  MerView fitted;
  const MerPlace *places;
  MerRegion * const *regions;
  g_autofree MerGeometry **geometries = NULL;
  guint n_places, n_regions;
  int width, height;
  double inset;

  if (event == NULL || self->restoring)
    return;

  width = MAX (gtk_widget_get_width (GTK_WIDGET (self->map)), 200);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self->map)), 150);
  places = mer_event_get_places (event, &n_places);

  /* Framed above the chip at the map's bottom. */
  inset = get_chip_inset (self);
  view = mer_event_get_view (event);
  if (view != NULL)
    {
      mer_fit_keep_places (view, places, n_places, width, MAX (height - inset, 1), 30, MER_MAP_MIN_ZOOM, &fitted);
      go_above_inset (self, &fitted, inset, TRUE);
      return;
    }

  regions = mer_event_get_regions (event, &n_regions);
  geometries = g_new0 (MerGeometry *, MAX (n_regions, 1));
  for (guint i = 0; i < n_regions; i++)
    geometries[i] = mer_region_get_geometry (regions[i]);

  if (mer_fit_event_view (places, n_places, geometries, n_regions, width, MAX (height - inset, 1), 60,
                          MER_MAP_MIN_ZOOM, &fitted))
    go_above_inset (self, &fitted, inset, TRUE);
}

/* History */

static void
update_history_actions (MerMapWidget *self)
{
  gboolean back = mer_map_history_can_go (self->history, -1);
  gboolean forward = mer_map_history_can_go (self->history, 1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.back", back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.forward", forward);
  gtk_widget_set_sensitive (self->back_button, back);
  gtk_widget_set_sensitive (self->forward_button, forward);
}

/* Records where the map is going, with the state's selection and filters. */
static void
record_history (MerMapWidget *self)
{
  MerView view;

  if (mer_state_get_document (self->state) == NULL)
    return;

  mer_map_widget_get_target_view (self, &view);
  mer_map_history_record (self->history, self->state, &view);
  update_history_actions (self);
}

static gboolean
on_history_timeout (gpointer user_data)
{
  MerMapWidget *self = user_data;

  /* The user has not settled while a flight is on its way. */
  if (self->tick_id != 0)
    return G_SOURCE_CONTINUE;

  record_history (self);

  self->history_timeout_id = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_history (MerMapWidget *self)
{
  /* Disposed: the state and the viewport may still say they changed. */
  if (self->restoring || self->history == NULL)
    return;

  g_clear_handle_id (&self->history_timeout_id, g_source_remove);
  self->history_timeout_id = g_timeout_add (HISTORY_SETTLE_MS, on_history_timeout, self);
}

static void
on_document_for_history (MerMapWidget *self)
{
  if (self->history == NULL)
    return;

  /* The story as it opens is the first entry, whatever follows at once. */
  mer_map_history_clear (self->history);
  g_clear_handle_id (&self->history_timeout_id, g_source_remove);
  record_history (self);
  update_history_actions (self);
}

static void
go_in_history (MerMapWidget *self,
               int           steps)
{
  MerView view;
  gboolean moved;

  /* Where the user is now, or flying to, counts even before it settles. */
  if (self->history_timeout_id != 0)
    {
      g_clear_handle_id (&self->history_timeout_id, g_source_remove);
      record_history (self);
    }

  self->restoring = TRUE;
  moved = mer_map_history_go (self->history, steps, self->state, &view);
  self->restoring = FALSE;
  update_history_actions (self);

  if (moved)
    mer_map_widget_go_to (self, &view, TRUE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go_in_history (MER_MAP_WIDGET (widget), -1);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  go_in_history (MER_MAP_WIDGET (widget), 1);
}

/* The mouse's back and forward buttons, anywhere in the window. */
static void
on_side_button_pressed (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        MerMapWidget    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button != 8 && button != 9)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  go_in_history (self, button == 8 ? -1 : 1);
}

static void
fit_story_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MerMapWidget *self = MER_MAP_WIDGET (widget);

  fit_story (self, MAX (gtk_widget_get_width (GTK_WIDGET (self->map)), 200),
             MAX (gtk_widget_get_height (GTK_WIDGET (self->map)), 150), TRUE);
}

/* Input */

static void
zoom_by (MerMapWidget *self,
         double        delta)
{
  MerView view = {
    shumate_location_get_latitude (SHUMATE_LOCATION (self->viewport)),
    shumate_location_get_longitude (SHUMATE_LOCATION (self->viewport)),
    round (shumate_viewport_get_zoom_level (self->viewport)) + delta,
  };

  mer_map_widget_go_to (self, &view, TRUE);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zoom_by (MER_MAP_WIDGET (widget), 1);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  zoom_by (MER_MAP_WIDGET (widget), -1);
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MerMapWidget *self = MER_MAP_WIDGET (widget);
  MerMapView map_view;
  MerView view;
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  mer_map_widget_get_map_view (self, &map_view);
  mer_map_view_point_to_location (&map_view,
                                  map_view.width / 2 + dx * map_view.width * PAN_FRACTION,
                                  map_view.height / 2 + dy * map_view.height * PAN_FRACTION,
                                  &view.lat, &view.lon);
  view.lat = mer_projection_clamp_latitude (view.lat);
  view.zoom = map_view.zoom;
  mer_map_widget_go_to (self, &view, TRUE);
}

/**
 * mer_map_widget_click:
 * @x: a point of the map, in pixels
 * @y: a point of the map, in pixels
 *
 * What a click does: select the event under the point, zoom into a cluster,
 * or select the region under the point; a click on nothing clears the
 * selection.
 */
void
mer_map_widget_click (MerMapWidget *self,
                      double        x,
                      double        y)
{
  MerEventHit hit;
  MerEvent *event;
  MerRegion *region;

  g_return_if_fail (MER_IS_MAP_WIDGET (self));

  gtk_widget_grab_focus (GTK_WIDGET (self));

  event = mer_overlay_layer_pick_event (self->overlay_layer, x, y, &hit);
  if (event != NULL)
    {
      mer_state_set_selected_event (self->state, event);
      return;
    }

  if (hit.count > 1)
    {
      MerMapView map_view;
      MerView view;

      mer_map_widget_get_map_view (self, &map_view);
      mer_map_view_point_to_location (&map_view, hit.x, hit.y, &view.lat, &view.lon);
      view.zoom = map_view.zoom + 2;
      mer_map_widget_go_to (self, &view, TRUE);
      return;
    }

  /* A region also filters the timeline to its events; a click on open
   * land or sea clears both. */
  region = mer_overlay_layer_pick_region (self->overlay_layer, x, y);
  mer_state_set_selected_event (self->state, NULL);
  mer_state_set_selected_region (self->state, region);
  mer_state_set_filter_region (self->state, region);
}

/**
 * mer_map_widget_hover:
 *
 * What the pointer at (@x, @y) hovers: an event's marker first, else a region.
 */
void
mer_map_widget_hover (MerMapWidget *self,
                      double        x,
                      double        y)
{
  MerEvent *event;

  g_return_if_fail (MER_IS_MAP_WIDGET (self));

  event = mer_overlay_layer_pick_event (self->overlay_layer, x, y, NULL);
  mer_state_set_hovered_event (self->state, event);
  mer_state_set_hovered_region (self->state,
                                event == NULL ? mer_overlay_layer_pick_region (self->overlay_layer, x, y) : NULL);
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  MerMapWidget    *self)
{
  self->press_x = x;
  self->press_y = y;
  self->dragged = FALSE;
}

/* Past the threshold once, a drag for good: coming back to the start does
 * not make it a click. */
static void
note_drag (MerMapWidget *self,
           double        x,
           double        y)
{
  if (!self->dragged && gtk_drag_check_threshold (GTK_WIDGET (self->map), (int) self->press_x,
                                                  (int) self->press_y, (int) x, (int) y))
    self->dragged = TRUE;
}

static void
on_click_update (GtkGesture       *gesture,
                 GdkEventSequence *sequence,
                 MerMapWidget     *self)
{
  double x, y;

  if (gtk_gesture_get_point (gesture, sequence, &x, &y))
    note_drag (self, x, y);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   MerMapWidget    *self)
{
  note_drag (self, x, y);
  if (n_press == 1 && !self->dragged)
    mer_map_widget_click (self, x, y);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           MerMapWidget             *self)
{
  GdkModifierType buttons = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (buttons & GDK_BUTTON1_MASK)
    note_drag (self, x, y);
  mer_map_widget_hover (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          MerMapWidget             *self)
{
  mer_state_set_hovered_event (self->state, NULL);
  mer_state_set_hovered_region (self->state, NULL);
}

static gboolean
on_query_tooltip (GtkWidget    *map,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  MerMapWidget *self)
{
  MerEventHit hit;
  MerEvent *event = mer_overlay_layer_pick_event (self->overlay_layer, x, y, &hit);
  MerRegion *region;
  g_autofree char *markup = NULL;

  if (event != NULL)
    {
      g_autofree char *date = mer_event_format_date (event);

      markup = g_markup_printf_escaped ("<b>%s</b>\n%s", mer_event_get_title (event), date);
    }
  else if (hit.count > 1)
    markup = g_markup_printf_escaped (g_dngettext (NULL, "%u event: click to zoom in", "%u events: click to zoom in",
                                                   hit.count), hit.count);
  else if ((region = mer_overlay_layer_pick_region (self->overlay_layer, x, y)) != NULL)
    {
      g_autofree char *names = mer_region_format_names (region);
      const char *status = mer_region_get_status (region) == MER_REGION_STATUS_UNDISPUTED
                             ? NULL : mer_region_status_get_label (mer_region_get_status (region));

      markup = g_markup_printf_escaped ("<b>%s</b>%s%s%s%s", mer_region_get_display_name (region),
                                        names != NULL ? "\n" : "", names != NULL ? names : "",
                                        status != NULL ? "\n" : "", status != NULL ? status : "");
    }

  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
on_control_clicked (GtkButton    *button,
                    MerMapWidget *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), g_object_get_data (G_OBJECT (button), "mer-action"), NULL);
}

/* Life cycle */

static void
mer_map_widget_constructed (GObject *object)
{
  MerMapWidget *self = MER_MAP_WIDGET (object);
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *icon;
    const char *tooltip;
    const char *action;
    gboolean    group_start;
  } controls[] = {
    { "go-previous-symbolic", N_("Back (Alt+Left)"), "map.back", TRUE },
    { "go-next-symbolic", N_("Forward (Alt+Right)"), "map.forward", FALSE },
    { "zoom-fit-best-symbolic", N_("Fit Story (0)"), "map.fit-story", TRUE },
    { "zoom-out-symbolic", N_("Zoom Out (−)"), "map.zoom-out", TRUE },
    { "zoom-in-symbolic", N_("Zoom In (+)"), "map.zoom-in", FALSE },
  };
  /* The viewport's first, then the state's. */
  static const char *history_signals[] = {
    "notify::latitude", "notify::longitude", "notify::zoom-level",
    "notify::selected-event", "notify::selected-region", "filter-changed", "time-window-changed",
  };
  /* What the label of the regions' date and the borders' point of view
   * follows. */
  static const char *as_of_signals[] = {
    "notify::document", "notify::selected-event", "notify::pov", "time-window-changed", "as-of-changed",
  };
  GtkWidget *bar, *group = NULL;
  GtkGesture *click;
  GtkEventController *shortcuts;
  GtkEventController *motion;
  ShumateScale *scale;
  ShumateLicense *license;

  G_OBJECT_CLASS (mer_map_widget_parent_class)->constructed (object);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->overlay = gtk_overlay_new ();
  gtk_widget_set_vexpand (self->overlay, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->overlay);

  self->map = g_object_ref_sink (shumate_map_new ());
  self->viewport = g_object_ref (shumate_map_get_viewport (self->map));
  gtk_widget_set_hexpand (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->map), TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->map));

  self->overlay_layer = g_object_ref_sink (mer_overlay_layer_new (self->viewport, self->state));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->overlay_layer));
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay),
                           mer_map_markers_new (self->overlay_layer, self->viewport, self->state));

  /* Bottom left, where the story's events are least often. */
  self->as_of_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->as_of_label, "osd");
  gtk_widget_add_css_class (self->as_of_label, "map-as-of");
  gtk_widget_set_halign (self->as_of_label, GTK_ALIGN_START);
  gtk_widget_set_valign (self->as_of_label, GTK_ALIGN_END);
  gtk_widget_set_margin_start (self->as_of_label, AS_OF_MARGIN);
  gtk_widget_set_margin_bottom (self->as_of_label, AS_OF_MARGIN);
  gtk_widget_set_can_target (self->as_of_label, FALSE);
  gtk_label_set_xalign (GTK_LABEL (self->as_of_label), 0);
  gtk_widget_set_visible (self->as_of_label, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->as_of_label);
  mer_overlay_layer_add_obstacle (self->overlay_layer, self->as_of_label);
  for (guint i = 0; i < G_N_ELEMENTS (as_of_signals); i++)
    g_signal_connect_object (self->state, as_of_signals[i], G_CALLBACK (schedule_as_of_label), self,
                             G_CONNECT_SWAPPED);

  /* The base map the exports draw on too: read once for the program. */
  self->basemap = mer_export_service_dup_basemap (mer_export_service_get_default (), &error);
  if (self->basemap != NULL)
    mer_overlay_layer_set_basemap (self->overlay_layer, self->basemap);
  if (self->basemap == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The base map cannot be drawn: %s"), error->message);

      self->message = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
      gtk_widget_add_css_class (self->message, "osd");
      gtk_widget_set_valign (self->message, GTK_ALIGN_START);
      gtk_widget_set_margin_top (self->message, 12);
      gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->message);
    }
  update_tile_layer (self);

  /* The controls sit in a bar under the map, never over it: over the map
   * they would hide markers and take their clicks. */
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (bar, "map-controls");
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_end (bar, 6);
  gtk_widget_set_margin_top (bar, 2);
  gtk_widget_set_margin_bottom (bar, 2);

  /* One unit keeps the bar one line high, and the map as tall as it was. */
  scale = shumate_scale_new (self->viewport);
  shumate_scale_set_unit (scale, SHUMATE_UNIT_METRIC);
  gtk_widget_set_valign (GTK_WIDGET (scale), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (scale), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (scale), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (scale));

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      GtkWidget *button = gtk_button_new_from_icon_name (controls[i].icon);

      gtk_widget_set_tooltip_text (button, _(controls[i].tooltip));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(controls[i].tooltip), -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      if (controls[i].group_start)
        {
          group = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
          gtk_widget_add_css_class (group, "linked");
          gtk_box_append (GTK_BOX (bar), group);
        }
      gtk_box_append (GTK_BOX (group), button);

      /* Not GtkActionable: with GTK 4.8 a button inside the widget never
       * finds the widget's class actions, and shows greyed out. */
      g_object_set_data (G_OBJECT (button), "mer-action", (gpointer) controls[i].action);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_control_clicked), self, 0);
      if (g_str_equal (controls[i].action, "map.back"))
        self->back_button = button;
      else if (g_str_equal (controls[i].action, "map.forward"))
        self->forward_button = button;
    }

  license = self->license = shumate_license_new ();
  if (self->tile_source != NULL)
    shumate_license_append_map_source (license, SHUMATE_MAP_SOURCE (self->tile_source));
  gtk_widget_set_valign (GTK_WIDGET (license), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (license));

  gtk_box_append (GTK_BOX (self->box), bar);
  self->controls_bar = bar;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "update", G_CALLBACK (on_click_update), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->map), TRUE);
  g_signal_connect (self->map, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  g_signal_connect_object (self->state, "notify::document", G_CALLBACK (show_document), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selected-event", G_CALLBACK (on_selected_event), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (update_tile_layer), NULL);

  /* Back and forward work wherever the focus is in the window. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Left, GDK_ALT_MASK),
                                                          gtk_named_action_new ("map.back")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Right, GDK_ALT_MASK),
                                                          gtk_named_action_new ("map.forward")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->history = mer_map_history_new ();
  for (guint i = 0; i < G_N_ELEMENTS (history_signals); i++)
    g_signal_connect_object (i < 3 ? (gpointer) self->viewport : (gpointer) self->state, history_signals[i],
                             G_CALLBACK (schedule_history), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::document", G_CALLBACK (on_document_for_history), self,
                           G_CONNECT_SWAPPED);
  update_history_actions (self);

  show_document (self);
}

/**
 * mer_map_widget_set_controls_visible:
 * @visible: whether to show the bar under the map
 *
 * The bar of the scale, Back and Forward, Fit Story, the zoom buttons and the
 * attribution is for the one exploring: a slide shown to an audience hides
 * it, and its progress takes that place.
 */
void
mer_map_widget_set_controls_visible (MerMapWidget *self,
                                     gboolean      visible)
{
  g_return_if_fail (MER_IS_MAP_WIDGET (self));

  gtk_widget_set_visible (self->controls_bar, visible);
  /* Over the progress, which runs along the map's foot. */
  gtk_widget_set_margin_bottom (self->as_of_label, visible ? AS_OF_MARGIN : 3 * AS_OF_MARGIN);
}

/**
 * mer_map_widget_set_online_layer:
 * @online: whether to show OpenStreetMap's tiles over the base map
 *
 * The online layer is off by default. When on, tiles come from
 * tile.openstreetmap.org and libshumate caches them under ~/.cache/shumate;
 * offline, its tiles fail quietly and the offline base map shows through.
 * The layer's attribution joins the map's.
 */
void
mer_map_widget_set_online_layer (MerMapWidget *self,
                                 gboolean      online)
{
  g_return_if_fail (MER_IS_MAP_WIDGET (self));

  if (online == (self->online_layer != NULL))
    return;

  if (online)
    {
      self->online_source = SHUMATE_MAP_SOURCE (
        shumate_raster_renderer_new_full_from_url ("osm-mapnik", "OpenStreetMap",
                                                   _("Map data © OpenStreetMap contributors"),
                                                   "https://www.openstreetmap.org/copyright",
                                                   0, 19, 256, SHUMATE_MAP_PROJECTION_MERCATOR,
                                                   "https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
      self->online_layer = shumate_map_layer_new (self->online_source, self->viewport);
      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->online_layer),
                                       SHUMATE_LAYER (self->overlay_layer));
      shumate_license_append_map_source (self->license, self->online_source);
    }
  else
    {
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->online_layer));
      shumate_license_remove_map_source (self->license, self->online_source);
      self->online_layer = NULL;
      g_clear_object (&self->online_source);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE_LAYER]);
}

gboolean
mer_map_widget_get_online_layer (MerMapWidget *self)
{
  g_return_val_if_fail (MER_IS_MAP_WIDGET (self), FALSE);
  return self->online_layer != NULL;
}

static void
mer_map_widget_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MerMapWidget *self = MER_MAP_WIDGET (object);

  switch (prop_id)
    {
    case PROP_ONLINE_LAYER:
      g_value_set_boolean (value, mer_map_widget_get_online_layer (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_map_widget_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MerMapWidget *self = MER_MAP_WIDGET (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;

    case PROP_ONLINE_LAYER:
      mer_map_widget_set_online_layer (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mer_map_widget_dispose (GObject *object)
{
  MerMapWidget *self = MER_MAP_WIDGET (object);

  stop_animation (self);
  mer_after_paint_cancel (&self->as_of_update);
  g_clear_pointer (&self->history, mer_map_history_free);
  g_clear_handle_id (&self->history_timeout_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->overlay = NULL;
  g_clear_object (&self->overlay_layer);
  g_clear_object (&self->map);
  g_clear_object (&self->viewport);
  g_clear_object (&self->tile_source);
  g_clear_object (&self->online_source);
  g_clear_pointer (&self->basemap, mer_basemap_painter_unref);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (mer_map_widget_parent_class)->dispose (object);
}

static void
mer_map_widget_unrealize (GtkWidget *widget)
{
  MerMapWidget *self = MER_MAP_WIDGET (widget);

  /* Its frame clock goes: what waited for the next frame is done now. */
  mer_after_paint_flush (&self->as_of_update);
  GTK_WIDGET_CLASS (mer_map_widget_parent_class)->unrealize (widget);
}

static void
mer_map_widget_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (mer_map_widget_parent_class)->css_changed (widget, change);

  update_tile_layer (MER_MAP_WIDGET (widget));
}

static void
mer_map_widget_root (GtkWidget *widget)
{
  MerMapWidget *self = MER_MAP_WIDGET (widget);
  GtkGesture *side_buttons = gtk_gesture_click_new ();

  GTK_WIDGET_CLASS (mer_map_widget_parent_class)->root (widget);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (side_buttons), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (side_buttons), GTK_PHASE_CAPTURE);
  g_signal_connect_object (side_buttons, "pressed", G_CALLBACK (on_side_button_pressed), self, 0);
  self->side_buttons = GTK_EVENT_CONTROLLER (side_buttons);
  gtk_widget_add_controller (GTK_WIDGET (gtk_widget_get_root (widget)), self->side_buttons);
}

static void
mer_map_widget_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mer_map_widget_parent_class)->realize (widget);

  update_tile_nodes (MER_MAP_WIDGET (widget));
}

static void
mer_map_widget_unroot (GtkWidget *widget)
{
  MerMapWidget *self = MER_MAP_WIDGET (widget);

  gtk_widget_remove_controller (GTK_WIDGET (gtk_widget_get_root (widget)), self->side_buttons);
  self->side_buttons = NULL;

  GTK_WIDGET_CLASS (mer_map_widget_parent_class)->unroot (widget);
}

static void
mer_map_widget_class_init (MerMapWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mer_map_widget_constructed;
  object_class->get_property = mer_map_widget_get_property;
  object_class->set_property = mer_map_widget_set_property;
  object_class->dispose = mer_map_widget_dispose;
  widget_class->css_changed = mer_map_widget_css_changed;
  widget_class->root = mer_map_widget_root;
  widget_class->realize = mer_map_widget_realize;
  widget_class->unrealize = mer_map_widget_unrealize;
  widget_class->unroot = mer_map_widget_unroot;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, MER_TYPE_STATE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLINE_LAYER] =
    g_param_spec_boolean ("online-layer", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.pan", "(ii)", pan_action);
  gtk_widget_class_install_action (widget_class, "map.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "map.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "map.fit-story", NULL, fit_story_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "map.fit-story", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "map.fit-story", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "map.pan", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "map.pan", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "map.pan", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "map.pan", "(ii)", 0, 1);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mer-map");
  /* A landmark, so that a screen reader can jump to it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LANDMARK);
}

static void
mer_map_widget_init (MerMapWidget *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  /* The tiles change style with the desktop's, at once. */
  if (style_manager_decides ())
    g_signal_connect_object (adw_style_manager_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))),
                             "notify::dark", G_CALLBACK (update_tile_layer), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Map. Arrow keys pan, plus and minus zoom, 0 fits the story; Alt+Left goes back."), -1);
}

MerMapWidget *
mer_map_widget_new (MerState *state)
{
  g_return_val_if_fail (MER_IS_STATE (state), NULL);

  return g_object_new (MER_TYPE_MAP_WIDGET, "state", state, NULL);
}

/**
 * mer_map_widget_get_map:
 *
 * Returns: (transfer none): the inner #ShumateMap, which receives the
 *   pointer and is what exports of the screen render
 */
GtkWidget *
mer_map_widget_get_map (MerMapWidget *self)
{
  g_return_val_if_fail (MER_IS_MAP_WIDGET (self), NULL);
  return GTK_WIDGET (self->map);
}

/**
 * mer_map_widget_get_n_pending_tiles:
 *
 * Returns: the base-map tiles being drawn
 */
guint
mer_map_widget_get_n_pending_tiles (MerMapWidget *self)
{
  g_return_val_if_fail (MER_IS_MAP_WIDGET (self), 0);
  return self->tile_source != NULL ? mer_tile_source_get_n_pending (self->tile_source) : 0;
}

/**
 * mer_map_widget_get_n_filled_tiles:
 *
 * Returns: the base-map tiles drawn so far
 */
guint
mer_map_widget_get_n_filled_tiles (MerMapWidget *self)
{
  g_return_val_if_fail (MER_IS_MAP_WIDGET (self), 0);
  return self->tile_source != NULL ? mer_tile_source_get_n_filled (self->tile_source) : 0;
}
