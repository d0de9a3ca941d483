/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-details"

#include "config.h"

#include "mer-details.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "mer-after-paint.h"
#include "mer-map-style.h"
#include "mer-map-widget.h"

/* The selected event in full: title, date at its precision, category,
 * places, the regions it touches with the names each side uses, summary and
 * sources. Sources are links, opened only when clicked and only if they are
 * http, https or mailto. */

struct _MerDetails
{
  GtkWidget parent_instance;

  /* Owned */
  MerState  *state;

  MerAfterPaint pending;   /* the details, waiting for the next frame */

  /* Children */
  GtkWidget *scrolled;
  GtkWidget *box;
  GtkWidget *placeholder;
  GtkWidget *title;
  GtkWidget *date;
  GtkWidget *category;
  GtkWidget *places;
  GtkWidget *regions;
  GtkWidget *summary;
  GtkWidget *sources;
};

G_DEFINE_FINAL_TYPE (MerDetails, mer_details, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * mer_details_link_allowed:
 *
 * Returns: whether @uri may be opened: http, https and mailto only, never
 *   file:, javascript: or a program's scheme
 */
gboolean
mer_details_link_allowed (const char *uri)
{
  g_autofree char *scheme = uri != NULL ? g_uri_parse_scheme (uri) : NULL;

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "mailto") == 0);
}

static gboolean
on_activate_link (GtkLabel   *label,
                  const char *uri,
                  MerDetails *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Handled either way: a link that is not allowed does nothing. */
  if (mer_details_link_allowed (uri))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

static GtkWidget *
section_label (GtkWidget  *box,
               const char *heading)
{
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_set_margin_top (title, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), label);

  g_object_set_data (G_OBJECT (label), "heading", title);
  return label;
}

static void
set_section (GtkWidget  *label,
             const char *markup)
{
  GtkWidget *heading = g_object_get_data (G_OBJECT (label), "heading");
  gboolean visible = markup != NULL && *markup != '\0';

  gtk_label_set_markup (GTK_LABEL (label), visible ? markup : "");
  gtk_widget_set_visible (label, visible);
  if (heading != NULL)
    gtk_widget_set_visible (heading, visible);
}

static void
update (MerDetails *self)
{
  MerEvent *event = mer_state_get_selected_event (self->state);
  g_autoptr(GString) places = g_string_new (NULL);
  g_autoptr(GString) regions = g_string_new (NULL);
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *category = NULL;
  const MerPlace *place_list;
  const MerSource *source_list;
  MerRegion * const *region_list;
  MerCategory *c;
  guint n;

  gtk_widget_set_visible (self->placeholder, event == NULL);
  gtk_widget_set_visible (self->box, event != NULL);
  if (event == NULL)
    return;

  title = g_markup_escape_text (mer_event_get_title (event), -1);
  gtk_label_set_markup (GTK_LABEL (self->title), title);
  date = mer_event_format_date (event);
  gtk_label_set_text (GTK_LABEL (self->date), date);

  c = mer_event_get_category (event);
  if (c != NULL)
    {
      guint32 rgb = mer_category_get_color (c);

      category = rgb != MER_NO_COLOR
                   ? g_markup_printf_escaped ("<span foreground='#%06x'>●</span> %s",
                                              mer_map_style_marker_rgb (mer_map_widget_prefers_dark (GTK_WIDGET (self)), rgb),
                                              mer_category_get_name (c))
                   : g_markup_escape_text (mer_category_get_name (c), -1);
    }
  gtk_label_set_markup (GTK_LABEL (self->category), category != NULL ? category : "");
  gtk_widget_set_visible (self->category, category != NULL);

  place_list = mer_event_get_places (event, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = NULL;
      /* Translators: a latitude or longitude: degrees, then the compass
       * point ("compass" N, S, E or W), e.g. "40.76°N"; Japanese 北緯40.76° */
      g_autofree char *lat = g_strdup_printf (C_("coordinate", "%1$.2f°%2$s"), fabs (place_list[i].lat),
                                              place_list[i].lat >= 0 ? C_("compass", "N") : C_("compass", "S"));
      g_autofree char *lon = g_strdup_printf (C_("coordinate", "%1$.2f°%2$s"), fabs (place_list[i].lon),
                                              place_list[i].lon >= 0 ? C_("compass", "E") : C_("compass", "W"));

      line = g_markup_printf_escaped ("%s <span alpha='60%%'>%s %s</span>",
                                      place_list[i].name != NULL ? place_list[i].name : "—", lat, lon);
      g_string_append_printf (places, "%s%s", places->len > 0 ? "\n" : "", line);
    }
  set_section (self->places, places->str);

  region_list = mer_event_get_regions (event, &n);
  for (guint i = 0; i < n; i++)
    {
      MerRegion *region = region_list[i];
      const MerName *names;
      guint n_names;
      g_autofree char *name = g_markup_escape_text (mer_region_get_display_name (region), -1);

      const MerRegionPeriod *periods;
      guint n_periods;
      MerRegionStatus status = mer_region_get_status_at (region, mer_date_last_second (mer_event_get_start (event)));

      /* The status at the event's date: Crimea was not contested in 1954. */
      g_string_append_printf (regions, "%s<b>%s</b>", regions->len > 0 ? "\n" : "", name);
      if (status != MER_REGION_STATUS_UNDISPUTED)
        {
          /* Translators: a region's status at the event's date, e.g. "(disputed then)" */
          g_autofree char *then = g_strdup_printf (_("(%s then)"), mer_region_status_get_label (status));

          g_string_append_printf (regions, " <span alpha='60%%'>%s</span>", then);
        }
      names = mer_region_get_names (region, &n_names);
      for (guint k = 0; k < n_names; k++)
        {
          g_autofree char *line = g_markup_printf_escaped ("\n    %s: %s", names[k].lang, names[k].text);
          g_string_append (regions, line);
        }

      /* Its history: who held it, who claimed it, period by period. */
      periods = mer_region_get_periods (region, &n_periods);
      for (guint k = 0; k < n_periods; k++)
        {
          g_autofree char *span = periods[k].has_end ? mer_date_format_range (&periods[k].start, &periods[k].end, FALSE)
                                                     : mer_date_format (&periods[k].start, FALSE);
          g_autofree char *claimants = periods[k].claimed_by != NULL && periods[k].claimed_by[0] != NULL
                                         ? g_strjoinv (", ", periods[k].claimed_by) : NULL;
          g_autofree char *line = NULL;

          line = g_markup_printf_escaped ("\n    <span alpha='60%%'>%s%s</span> %s, %s%s%s",
                                          span, periods[k].has_end ? "" : " –",
                                          periods[k].held_by != NULL ? periods[k].held_by : "—",
                                          mer_region_status_get_label (periods[k].status),
                                          claimants != NULL ? _("; claimed by ") : "",
                                          claimants != NULL ? claimants : "");
          g_string_append (regions, line);
        }
    }
  set_section (self->regions, regions->str);

  summary = mer_event_get_summary (event) != NULL ? g_markup_escape_text (mer_event_get_summary (event), -1) : NULL;
  set_section (self->summary, summary);

  source_list = mer_event_get_sources (event, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *line = NULL;

      if (source_list[i].url != NULL && mer_details_link_allowed (source_list[i].url))
        line = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", source_list[i].url, source_list[i].title);
      else
        line = g_markup_escape_text (source_list[i].title, -1);
      g_string_append_printf (sources, "%s• %s", sources->len > 0 ? "\n" : "", line);
    }
  set_section (self->sources, sources->str);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
}

/* A selection shows on the map and the timeline in the window's next frame,
 * and its details in the frame after: laying out their wrapped text takes
 * a few milliseconds, which the views' response does not wait for. */
static void
on_painted (GtkWidget *widget)
{
  update (MER_DETAILS (widget));
}

static void
schedule_update (MerDetails *self)
{
  mer_after_paint_schedule (&self->pending, GTK_WIDGET (self), on_painted);
}

static void
mer_details_unrealize (GtkWidget *widget)
{
  MerDetails *self = MER_DETAILS (widget);

  /* Its frame clock goes with it: what was waiting for the next frame is
   * shown now. */
  mer_after_paint_flush (&self->pending);
  GTK_WIDGET_CLASS (mer_details_parent_class)->unrealize (widget);
}

static void
mer_details_constructed (GObject *object)
{
  MerDetails *self = MER_DETAILS (object);

  G_OBJECT_CLASS (mer_details_parent_class)->constructed (object);

  g_signal_connect_object (self->state, "notify::selected-event", G_CALLBACK (schedule_update), self, G_CONNECT_SWAPPED);
  /* The category's dot has the map's marker colour, which changes with the
   * style. */
  if (adw_is_initialized ())
    g_signal_connect_object (adw_style_manager_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))),
                             "notify::dark", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
mer_details_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MerDetails *self = MER_DETAILS (object);

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
mer_details_dispose (GObject *object)
{
  MerDetails *self = MER_DETAILS (object);

  mer_after_paint_cancel (&self->pending);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (mer_details_parent_class)->dispose (object);
}

static void
mer_details_class_init (MerDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mer_details_constructed;
  object_class->set_property = mer_details_set_property;
  object_class->dispose = mer_details_dispose;
  widget_class->unrealize = mer_details_unrealize;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, MER_TYPE_STATE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mer-details");
}

static void
mer_details_init (MerDetails *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *previous = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *next = gtk_button_new_from_icon_name ("go-next-symbolic");

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), outer);

  gtk_widget_add_css_class (nav, "linked");
  gtk_widget_set_halign (nav, GTK_ALIGN_END);
  gtk_widget_set_margin_top (nav, 8);
  gtk_widget_set_margin_end (nav, 8);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (previous), "win.previous-event");
  gtk_widget_set_tooltip_text (previous, _("Previous Event (Left)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (next), "win.next-event");
  gtk_widget_set_tooltip_text (next, _("Next Event (Right)"));
  gtk_box_append (GTK_BOX (nav), previous);
  gtk_box_append (GTK_BOX (nav), next);
  gtk_box_append (GTK_BOX (outer), nav);

  self->placeholder = gtk_label_new (_("Select an event on the map or the timeline to see its details."));
  gtk_label_set_wrap (GTK_LABEL (self->placeholder), TRUE);
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_widget_set_margin_top (self->placeholder, 24);
  gtk_widget_set_margin_start (self->placeholder, 18);
  gtk_widget_set_margin_end (self->placeholder, 18);
  gtk_box_append (GTK_BOX (outer), self->placeholder);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (self->box, 14);
  gtk_widget_set_margin_end (self->box, 14);
  gtk_widget_set_margin_bottom (self->box, 14);
  gtk_box_append (GTK_BOX (outer), self->box);

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->title), TRUE);
  gtk_widget_add_css_class (self->title, "title-3");
  gtk_box_append (GTK_BOX (self->box), self->title);

  self->date = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->date), 0);
  gtk_widget_add_css_class (self->date, "heading");
  gtk_box_append (GTK_BOX (self->box), self->date);

  self->category = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->category), 0);
  gtk_box_append (GTK_BOX (self->box), self->category);

  self->summary = section_label (self->box, _("Summary"));
  self->places = section_label (self->box, _("Places"));
  self->regions = section_label (self->box, _("Regions"));
  self->sources = section_label (self->box, _("Sources"));
  g_signal_connect (self->sources, "activate-link", G_CALLBACK (on_activate_link), self);

  gtk_widget_set_size_request (GTK_WIDGET (self), 260, -1);
}

MerDetails *
mer_details_new (MerState *state)
{
  g_return_val_if_fail (MER_IS_STATE (state), NULL);

  return g_object_new (MER_TYPE_DETAILS, "state", state, NULL);
}
