/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-map-labels"

#include "config.h"

#include <adwaita.h>
#include <gtk/gtk.h>

#include "mer-cli.h"
#include "mer-map-widget.h"
#include "mer-overlay-layer.h"
#include "mer-window.h"
#include "window-test-utils.h"

/* The base map's names on screen, placed by the overlay's label pass after
 * the markers, rings, cluster badges and event labels: at the Amur by
 * Khabarovsk and over the southern Kurils, in the window of the bundled
 * story, no name covers any of them or another label, and none is cut by
 * the map's edge. Without a display the tests cannot run: exit 77. */

static MerWindow *
show_story (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  MerWindow *window = mer_window_new (NULL);

  g_assert_true (mer_window_open_path (window, story));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (widget_mapped, window);
  return window;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
overlap (const MerLabelBox *a,
         const MerLabelBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Whether a placed label says @name on its first line. */
static gboolean
has_label (MerLabels  *labels,
           const char *name)
{
  for (guint i = 0; i < mer_labels_get_n_placed (labels); i++)
    {
      MerLabel label;
      g_auto(GStrv) lines = NULL;

      mer_labels_get_placed (labels, i, NULL, &label);
      lines = g_strsplit (label.markup, "\n", 2);
      if (g_str_equal (lines[0], name))
        return TRUE;
    }
  return FALSE;
}

/* Moves the map to @view, waits for the overlay to draw it, and checks
 * every base-map name the overlay placed against the widget's bounds, every
 * obstacle (markers and clusters with their rings and badges, widgets over
 * the map), every other label and every marker's centre. Returns the
 * labels and the number of base-map names placed. */
static MerLabels *
check_view (MerWindow     *window,
            const MerView *view,
            guint         *n_names)
{
  MerMapWidget *map = MER_MAP_WIDGET (find_widget (GTK_WIDGET (window), is_type,
                                                   GSIZE_TO_POINTER (MER_TYPE_MAP_WIDGET)));
  MerOverlayLayer *overlay = MER_OVERLAY_LAYER (find_widget (GTK_WIDGET (map), is_type,
                                                             GSIZE_TO_POINTER (MER_TYPE_OVERLAY_LAYER)));
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (MerEventHit));
  double width, height;
  MerLabels *labels;

  mer_map_widget_go_to (map, view, FALSE);
  wait_for_frame (GTK_WIDGET (map));
  width = gtk_widget_get_width (GTK_WIDGET (overlay));
  height = gtk_widget_get_height (GTK_WIDGET (overlay));
  g_assert_cmpfloat (width, >, 400);
  labels = mer_overlay_layer_get_labels (overlay);
  g_assert_nonnull (labels);
  mer_overlay_layer_list_markers (overlay, markers);
  g_assert_cmpuint (markers->len, >, 0);

  *n_names = 0;
  for (guint i = 0; i < mer_labels_get_n_placed (labels); i++)
    {
      MerLabelBox box;
      MerLabel label;

      mer_labels_get_placed (labels, i, &box, &label);
      if (label.priority < MER_LABEL_PRIORITY_GAZETTEER)
        continue;
      (*n_names)++;

      g_assert_cmpfloat (box.x, >=, 0);
      g_assert_cmpfloat (box.y, >=, 0);
      g_assert_cmpfloat (box.x + box.width, <=, width);
      g_assert_cmpfloat (box.y + box.height, <=, height);

      for (guint k = 0; k < mer_labels_get_n_obstacles (labels); k++)
        {
          MerLabelBox obstacle;

          mer_labels_get_obstacle (labels, k, &obstacle);
          if (overlap (&box, &obstacle))
            g_error ("“%s” at %.0f,%.0f covers obstacle %u at %.0f,%.0f", label.markup, box.x, box.y, k,
                     obstacle.x, obstacle.y);
        }

      for (guint j = 0; j < mer_labels_get_n_placed (labels); j++)
        {
          MerLabelBox other;

          mer_labels_get_placed (labels, j, &other, NULL);
          g_assert_true (j == i || !overlap (&box, &other));
        }

      /* Drawn markers, as the map lists them for assistive technologies:
       * none within a small marker's radius of a name. */
      for (guint m = 0; m < markers->len; m++)
        {
          const MerEventHit *hit = &g_array_index (markers, MerEventHit, m);
          MerLabelBox around = { hit->x - 4, hit->y - 4, 8, 8 };

          g_assert_false (overlap (&box, &around));
        }
    }

  return labels;
}

/* The Amur past Khabarovsk, where the Ussuri joins it, at zooms 5 to 7:
 * the names of the base map around the handover's marker, and around the
 * ring of its selection. */
static void
test_amur (void)
{
  MerWindow *window = show_story ();
  MerState *state = mer_window_get_state (window);
  MerDocument *document = mer_state_get_document (state);

  for (guint selected = 0; selected < 2; selected++)
    {
      if (selected)
        mer_state_set_selected_event (state, mer_document_lookup_event (document, "amur-islands-handover"));

      for (double zoom = 5; zoom <= 7; zoom += 0.5)
        {
          MerView view = { 47.5, 132.0, zoom };
          MerLabels *labels;
          guint n_names;

          labels = check_view (window, &view, &n_names);
          g_test_message ("zoom %.1f: %u names, %u labels", zoom, n_names, mer_labels_get_n_placed (labels));
          /* A named map, not one or two names (7 to 22 here, by zoom). */
          g_assert_cmpuint (n_names, >=, 6);
          g_assert_true (has_label (labels, "Amur"));
          g_assert_true (zoom < 7 || has_label (labels, "Ussuri"));
          /* The marker's label says the place's name, the base map's from
           * zoom 5.6; selected, it says the event's title instead. */
          g_assert_true (selected || zoom < 6 || has_label (labels, "Khabarovsk"));
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The southern Kurils at zoom 7, with the four events at Yuzhno-Kurilsk
 * spread round it and one of them selected: the islands are named, in
 * Japanese and Russian too. */
static void
test_southern_kurils (void)
{
  MerWindow *window = show_story ();
  MerState *state = mer_window_get_state (window);
  MerDocument *document = mer_state_get_document (state);
  MerView view = { 44.0, 146.5, 7 };
  MerLabels *labels;
  guint n_names;

  labels = check_view (window, &view, &n_names);
  g_assert_true (has_label (labels, "Kunashir"));
  g_assert_true (has_label (labels, "Iturup"));
  g_assert_true (has_label (labels, "Shikotan"));
  g_assert_true (has_label (labels, "Nemuro"));

  mer_state_set_selected_event (state, mer_document_lookup_event (document, "medvedev-kunashir"));
  labels = check_view (window, &view, &n_names);
  g_test_message ("%u names, %u labels", n_names, mer_labels_get_n_placed (labels));
  g_assert_true (has_label (labels, "Kunashir"));
  g_assert_true (has_label (labels, "Iturup"));
  g_assert_true (has_label (labels, "Shikotan"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  /* Moves are instant, so that the tests need not wait for animations. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* libadwaita styles the window, as in MerApplication. */
  adw_init ();

  g_test_add_func ("/app/map-labels/amur", test_amur);
  g_test_add_func ("/app/map-labels/southern-kurils", test_southern_kurils);

  return g_test_run ();
}
