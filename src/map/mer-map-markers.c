/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-map-markers"

#include "config.h"

#include "mer-map-markers.h"

#include <glib/gi18n.h>

#include "mer-after-paint.h"

/* The map's markers as assistive technologies see them. The overlay layer
 * draws the markers; over it, this transparent widget that takes no input
 * keeps one light child for each marker or cluster drawn — a list item
 * named by the event's title and date ("Battle of Tsushima, 27–28 May
 * 1905") or by its count, selected or not — placed where the marker is.
 * The children are reused as the map moves and brought up to date after
 * each frame that changed the markers, so a story of thousands of events
 * costs only the markers in view, and a frame that shows a change on the
 * map is not held up by a layout of the window for them. */

/* The size of a marker's accessible box: the largest marker's. */
#define MARKER_SIZE 24

struct _MerMapMarkers
{
  GtkWidget parent_instance;

  /* Owned */
  MerOverlayLayer *layer;
  ShumateViewport *viewport;
  MerState        *state;
  GArray          *hits;      /* MerEventHit, one per child, in order */

  MerAfterPaint update;
  int   width;
  int   height;
};

G_DEFINE_FINAL_TYPE (MerMapMarkers, mer_map_markers, GTK_TYPE_WIDGET)

static GQuark event_quark;
static GQuark count_quark;

static void
on_painted (GtkWidget *widget)
{
  mer_map_markers_update (MER_MAP_MARKERS (widget));
}

static void
queue_update (MerMapMarkers *self)
{
  mer_after_paint_schedule (&self->update, GTK_WIDGET (self), on_painted);
}

static GtkWidget *
new_marker (void)
{
  /* A bare box: nothing to draw, a role and a name to give. */
  GtkWidget *marker = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                    "can-target", FALSE, NULL);

  gtk_accessible_update_state (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
  return marker;
}

static void
name_marker (GtkWidget         *marker,
             const MerEventHit *hit,
             MerEvent          *selected)
{
  g_autofree char *name = NULL;

  if (g_object_get_qdata (G_OBJECT (marker), event_quark) != hit->event ||
      GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (marker), count_quark)) != hit->count)
    {
      if (hit->event != NULL)
        {
          g_autofree char *date = mer_event_format_date (hit->event);

          name = g_strdup_printf (C_("accessible event", "%1$s, %2$s"), mer_event_get_title (hit->event), date);
        }
      else
        name = g_strdup_printf (g_dngettext (NULL, "%u event: click to zoom in", "%u events: click to zoom in",
                                             hit->count), hit->count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_qdata (G_OBJECT (marker), event_quark, hit->event);
      g_object_set_qdata (G_OBJECT (marker), count_quark, GUINT_TO_POINTER (hit->count));
    }

  gtk_accessible_update_state (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_STATE_SELECTED,
                               hit->event != NULL && hit->event == selected, -1);
}

static void
mer_map_markers_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  MerMapMarkers *self = MER_MAP_MARKERS (widget);
  guint i = 0;

  /* The size of the map changes what is in view. */
  if (width != self->width || height != self->height)
    {
      self->width = width;
      self->height = height;
      queue_update (self);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && i < self->hits->len;
       child = gtk_widget_get_next_sibling (child))
    {
      const MerEventHit *hit = &g_array_index (self->hits, MerEventHit, i);
      GtkAllocation allocation = {
        (int) hit->x - MARKER_SIZE / 2, (int) hit->y - MARKER_SIZE / 2, MARKER_SIZE, MARKER_SIZE,
      };

      gtk_widget_size_allocate (child, &allocation, -1);
      i++;
    }
}

static void
mer_map_markers_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  /* The overlay layer draws the markers. */
}

static void
mer_map_markers_unrealize (GtkWidget *widget)
{
  mer_after_paint_flush (&MER_MAP_MARKERS (widget)->update);
  GTK_WIDGET_CLASS (mer_map_markers_parent_class)->unrealize (widget);
}

static void
mer_map_markers_dispose (GObject *object)
{
  MerMapMarkers *self = MER_MAP_MARKERS (object);
  GtkWidget *child;

  mer_after_paint_cancel (&self->update);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_data (self->viewport, self);
  g_clear_object (&self->layer);
  g_clear_object (&self->viewport);
  g_clear_object (&self->state);
  g_clear_pointer (&self->hits, g_array_unref);

  G_OBJECT_CLASS (mer_map_markers_parent_class)->dispose (object);
}

static void
mer_map_markers_class_init (MerMapMarkersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mer_map_markers_dispose;
  widget_class->size_allocate = mer_map_markers_size_allocate;
  widget_class->snapshot = mer_map_markers_snapshot;
  widget_class->unrealize = mer_map_markers_unrealize;

  gtk_widget_class_set_css_name (widget_class, "mer-map-markers");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);

  event_quark = g_quark_from_static_string ("mer-map-markers-event");
  count_quark = g_quark_from_static_string ("mer-map-markers-count");
}

static void
mer_map_markers_init (MerMapMarkers *self)
{
  self->hits = g_array_new (FALSE, FALSE, sizeof (MerEventHit));
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Events on the map"), -1);
}

/**
 * mer_map_markers_new:
 * @layer: the layer that draws the markers
 * @viewport: the map's viewport, followed as it moves
 * @state: the shared state, followed as the selection and filters change
 *
 * Returns: (transfer floating): the accessible markers, to lay over the map
 */
GtkWidget *
mer_map_markers_new (MerOverlayLayer *layer,
                     ShumateViewport *viewport,
                     MerState        *state)
{
  MerMapMarkers *self;
  static const char *viewport_signals[] = {
    "notify::latitude", "notify::longitude", "notify::zoom-level", "notify::rotation",
  };
  static const char *state_signals[] = {
    "notify::document", "notify::selected-event", "filter-changed", "time-window-changed",
  };

  g_return_val_if_fail (MER_IS_OVERLAY_LAYER (layer), NULL);
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (MER_IS_STATE (state), NULL);

  self = g_object_new (MER_TYPE_MAP_MARKERS, NULL);
  self->layer = g_object_ref (layer);
  self->viewport = g_object_ref (viewport);
  self->state = g_object_ref (state);

  for (guint i = 0; i < G_N_ELEMENTS (viewport_signals); i++)
    g_signal_connect_swapped (viewport, viewport_signals[i], G_CALLBACK (queue_update), self);
  for (guint i = 0; i < G_N_ELEMENTS (state_signals); i++)
    g_signal_connect_object (state, state_signals[i], G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/**
 * mer_map_markers_update:
 *
 * Brings the children up to date with the markers drawn now. The layer
 * does it after each frame painted after a change.
 */
void
mer_map_markers_update (MerMapMarkers *self)
{
  MerEvent *selected;
  GtkWidget *child;
  guint n = 0;

  g_return_if_fail (MER_IS_MAP_MARKERS (self));

  selected = mer_state_get_selected_event (self->state);
  mer_overlay_layer_list_markers (self->layer, self->hits);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL && n < self->hits->len;
       child = gtk_widget_get_next_sibling (child))
    name_marker (child, &g_array_index (self->hits, MerEventHit, n++), selected);
  for (; n < self->hits->len; n++)
    {
      child = new_marker ();
      name_marker (child, &g_array_index (self->hits, MerEventHit, n), selected);
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_widget_unparent (child);
      child = next;
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
