/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "mer-diagnostic.h"
#include "mer-export.h"
#include "mer-loader.h"

/* A 3840×2160 PNG of the Kurils' seizure (target: under 1 s) and the
 * handout of the bundled briefing (target: under 2 s), five runs each. */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *story = g_build_filename (SRCDIR, "data", "events", "russia-japan.json", NULL);
  g_autofree char *basemap_path = mer_basemap_find_default_path ();
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = mer_loader_load_file (story, NULL, diagnostics, &error);
  g_autoptr(MerBasemap) basemap = mer_basemap_new_from_file (basemap_path, &error);
  g_autoptr(MerBasemapPainter) painter = NULL;
  g_autoptr(MerState) state = mer_state_new ();
  g_autofree char *dir = g_dir_make_tmp ("meridian-bench-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "4k.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  double png_s[5], pdf_s[5];
  MerEvent *event;
  MerExportOptions options;
  MerView view;

  g_assert_no_error (error);
  painter = mer_basemap_painter_new (basemap);
  mer_state_set_document (state, document);
  event = mer_document_lookup_event (document, "kurils-seized");
  mer_state_set_selected_event (state, event);
  mer_export_view_for_event (event, 3840, 2160, &view);
  mer_export_options_init (&options, document, state, &view, 3840, 2160);

  for (guint i = 0; i < 5; i++)
    {
      gint64 start = g_get_monotonic_time ();

      g_assert_true (mer_export_write (png, painter, &options, &error));
      png_s[i] = (g_get_monotonic_time () - start) / 1e6;

      start = g_get_monotonic_time ();
      g_assert_true (mer_export_write_handout (pdf, painter, document, NULL, NULL, &error));
      pdf_s[i] = (g_get_monotonic_time () - start) / 1e6;
    }

  qsort (png_s, 5, sizeof (double), compare_doubles);
  qsort (pdf_s, 5, sizeof (double), compare_doubles);
  printf ("3840×2160 PNG export: median %.2f s, worst %.2f s\n", png_s[2], png_s[4]);
  printf ("handout of the bundled briefing (13 pages): median %.2f s, worst %.2f s\n", pdf_s[2], pdf_s[4]);

  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
  return 0;
}
