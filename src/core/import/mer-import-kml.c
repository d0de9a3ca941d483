/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-import-kml"

#include "config.h"

#include "mer-import-private.h"
#include "mer-import-date.h"
#include "mer-import-html.h"

#include <string.h>

#include <libxml/xmlreader.h>

/* Reads KML 2.0, 2.1 and 2.2 (Google Earth, QGIS) with libxml2's streaming
 * reader. A file is untrusted: the network is off, entities are never
 * expanded and a file that declares a DOCTYPE is refused, since KML has no
 * use for one and it is how external-entity and billion-laughs attacks come.
 * Elements are matched by local name, so every KML namespace reads alike. */

typedef struct {
  char    *name;        /* of a Folder or Document */
  MerDate  start;
  MerDate  end;
  gboolean has_start;
  gboolean has_end;
  gboolean is_folder;
} Container;

typedef struct {
  char        *name;
  char        *description;
  char        *id;
  GString     *extended;
  GArray      *points;      /* MerLonLat */
  MerGeometry *geometry;
  MerDate      start;
  MerDate      end;
  gboolean     has_start;
  gboolean     has_end;
  gboolean     bad_time;    /* a time was given but could not be read */
  guint        line;
} Placemark;

typedef struct {
  MerImportBuilder  builder;
  xmlTextReaderPtr  reader;
  GPtrArray        *stack;       /* element local names, owned */
  GArray           *containers;  /* Container */
  Placemark        *placemark;
  GString          *text;        /* of the element being read */
  char             *data_name;   /* of the Data or SimpleData being read */
  gboolean          in_time_span;
} Importer;

static void
container_clear (gpointer data)
{
  Container *container = data;

  g_free (container->name);
}

static void
placemark_free (Placemark *placemark)
{
  g_free (placemark->name);
  g_free (placemark->description);
  g_free (placemark->id);
  g_string_free (placemark->extended, TRUE);
  g_array_unref (placemark->points);
  g_clear_pointer (&placemark->geometry, mer_geometry_unref);
  g_free (placemark);
}

/* The line where the current node starts; the parser itself may have
 * read further ahead. */
static guint
node_line (Importer *self)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (self->reader);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  if (line <= 0)
    line = xmlTextReaderGetParserLineNumber (self->reader);
  return (guint) MAX (line, 0);
}

static void
report_line (Importer    *self,
             MerSeverity  severity,
             const char  *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
report_line (Importer    *self,
             MerSeverity  severity,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  mer_import_builder_report (&self->builder, severity, node_line (self), 0, NULL, "%s", message);
}

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  error)
{
  Importer *self = user_data;
  /* libxml2 quotes the file's bytes in its messages, valid UTF-8 or not. */
  g_autofree char *message = g_strstrip (g_utf8_make_valid (error->message != NULL ? error->message : "XML error",
                                                            -1));

  /* libxml2 reports each problem once as an error; warnings are noise here. */
  if (error->level < XML_ERR_ERROR)
    return;

  mer_import_builder_report (&self->builder, MER_SEVERITY_ERROR, (guint) MAX (error->line, 0), 0, NULL,
                             "the XML is malformed: %s", message);
}

static const char *
parent_name (Importer *self,
             guint     up)
{
  if (self->stack->len < up + 2)
    return "";
  return g_ptr_array_index (self->stack, self->stack->len - 2 - up);
}

/* @text without the white space next to its commas: KML parts tuples with
 * white space and a tuple's numbers with commas alone, but files written
 * by hand often have "131.18, 34.37". */
static char *
tighten_commas (const char *text)
{
  GString *tight = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ',')
        {
          while (tight->len > 0 && g_ascii_isspace (tight->str[tight->len - 1]))
            g_string_truncate (tight, tight->len - 1);
          g_string_append_c (tight, ',');
          while (g_ascii_isspace (p[1]))
            p++;
        }
      else
        g_string_append_c (tight, *p);
    }
  return g_string_free (tight, FALSE);
}

/* Reads "lon,lat[,alt] lon,lat[,alt] …". */
static gboolean
read_coordinates (Importer   *self,
                  const char *text,
                  GArray     *points)
{
  g_autofree char *tight = tighten_commas (text);
  g_auto(GStrv) tuples = g_strsplit_set (tight, " \t\r\n", -1);

  for (guint i = 0; tuples[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      MerLonLat point;
      char *end_lon, *end_lat;

      if (*tuples[i] == '\0')
        continue;

      parts = g_strsplit (tuples[i], ",", 4);
      if (g_strv_length (parts) < 2)
        {
          report_line (self, MER_SEVERITY_ERROR, "\"%s\" is not a coordinate (expected lon,lat[,alt])", tuples[i]);
          return FALSE;
        }
      point.lon = g_ascii_strtod (parts[0], &end_lon);
      point.lat = g_ascii_strtod (parts[1], &end_lat);
      if (*end_lon != '\0' || *end_lat != '\0' || end_lon == parts[0] || end_lat == parts[1] ||
          !(point.lon >= -180 && point.lon <= 180) || !(point.lat >= -90 && point.lat <= 90))
        {
          report_line (self, MER_SEVERITY_ERROR, "\"%s\" is not a coordinate in [-180, 180] × [-90, 90]", tuples[i]);
          return FALSE;
        }
      g_array_append_val (points, point);
    }

  return TRUE;
}

static void
read_time (Importer   *self,
           const char *element,
           const char *text,
           MerDate    *date,
           gboolean   *has)
{
  g_autoptr(GError) error = NULL;

  if (mer_import_date_parse_text (text, MER_IMPORT_DAY_ORDER_UNKNOWN, date, &error))
    *has = TRUE;
  else
    report_line (self, MER_SEVERITY_ERROR, "<%s> \"%s\" is not a date (%s)", element, text, error->message);
}

/* Where a TimeStamp or TimeSpan belongs: the Placemark or the container
 * holding it. */
static void
set_time (Importer   *self,
          const char *element,
          const char *text)
{
  MerDate date;
  gboolean has = FALSE;
  gboolean is_end = g_str_equal (element, "end");

  read_time (self, element, text, &date, &has);
  if (!has)
    {
      if (self->placemark != NULL)
        self->placemark->bad_time = TRUE;
      return;
    }

  if (self->placemark != NULL)
    {
      *(is_end ? &self->placemark->end : &self->placemark->start) = date;
      *(is_end ? &self->placemark->has_end : &self->placemark->has_start) = TRUE;
    }
  else if (self->containers->len > 0)
    {
      Container *container = &g_array_index (self->containers, Container, self->containers->len - 1);

      *(is_end ? &container->end : &container->start) = date;
      *(is_end ? &container->has_end : &container->has_start) = TRUE;
    }
}

static void
finish_placemark (Importer *self)
{
  Placemark *placemark = self->placemark;
  g_autoptr(MerEvent) event = NULL;
  const char *category = NULL;
  MerDate start, end;
  gboolean has_start = placemark->has_start, has_end = placemark->has_end;
  MerRegion *region = NULL;
  guint n_polygons = 0;

  start = placemark->start;
  end = placemark->end;

  /* A Placemark without a time takes its closest container's. */
  for (guint i = self->containers->len; i > 0 && !has_start && !has_end; i--)
    {
      Container *container = &g_array_index (self->containers, Container, i - 1);

      start = container->start;
      end = container->end;
      has_start = container->has_start;
      has_end = container->has_end;
    }

  for (guint i = self->containers->len; i > 0 && category == NULL; i--)
    {
      Container *container = &g_array_index (self->containers, Container, i - 1);

      if (container->is_folder && container->name != NULL && *container->name != '\0')
        category = container->name;
    }

  if (placemark->name == NULL || *placemark->name == '\0')
    {
      g_free (placemark->name);
      placemark->name = g_strdup_printf ("Placemark on line %u", placemark->line);
    }

  if (placemark->geometry != NULL)
    mer_geometry_get_polygons (placemark->geometry, &n_polygons);
  if (n_polygons > 0)
    {
      region = mer_region_new ();
      region->line = placemark->line;
      region->name = g_strdup (placemark->name);
      if (placemark->description != NULL)
        region->description = mer_import_html_to_text (placemark->description, NULL);
      region->geometry = g_steal_pointer (&placemark->geometry);
      mer_import_builder_add_region (&self->builder, region);
    }

  if (!has_start && !has_end)
    {
      if (region == NULL && !placemark->bad_time)
        mer_import_builder_report (&self->builder, MER_SEVERITY_WARNING, placemark->line, 0, NULL,
                                   "Placemark \"%s\" has no TimeStamp or TimeSpan, nor has its Folder; "
                                   "it is skipped", placemark->name);
      return;
    }

  /* An open span's one end is where it is. */
  if (!has_start)
    {
      start = end;
      has_end = FALSE;
    }
  if (has_end && mer_date_last_second (&end) < mer_date_first_second (&start))
    {
      mer_import_builder_report (&self->builder, MER_SEVERITY_ERROR, placemark->line, 0, NULL,
                                 "Placemark \"%s\" ends before it begins", placemark->name);
      return;
    }

  event = mer_event_new ();
  event->line = placemark->line;
  mer_import_event_set_dates (event, &start, has_end ? &end : NULL);
  event->draft->title = g_strdup (placemark->name);

  {
    g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) mer_import_link_free);
    g_autoptr(GString) summary = g_string_new (NULL);

    if (placemark->description != NULL)
      {
        g_autofree char *text = mer_import_html_to_text (placemark->description, links);

        g_string_append (summary, text);
      }
    if (placemark->extended->len > 0)
      {
        if (summary->len > 0)
          g_string_append (summary, "\n\n");
        g_string_append (summary, placemark->extended->str);
      }
    if (summary->len > 0)
      event->draft->summary = g_strdup (summary->str);

    for (guint i = 0; i < links->len; i++)
      {
        MerImportLink *link = g_ptr_array_index (links, i);

        mer_import_event_add_source (event, link->title, link->url);
      }
  }

  if (category != NULL)
    event->category = g_object_ref (mer_import_builder_get_category (&self->builder, category));

  for (guint i = 0; i < MIN (placemark->points->len, G_MAXUINT16); i++)
    {
      const MerLonLat *point = &g_array_index (placemark->points, MerLonLat, i);

      mer_import_event_add_place (event, placemark->name, point->lat, point->lon);
    }

  if (region != NULL)
    {
      event->regions = g_new (MerRegion *, 1);
      event->regions[0] = g_object_ref (region);
      event->n_regions = 1;
    }

  mer_import_builder_add_event (&self->builder, g_object_ref (event), placemark->id, event->draft->title);
}

static void
start_element (Importer   *self,
               const char *name)
{
  if (g_str_equal (name, "Document") || g_str_equal (name, "Folder"))
    {
      Container container = { 0 };

      container.is_folder = g_str_equal (name, "Folder");
      g_array_append_val (self->containers, container);
    }
  else if (g_str_equal (name, "Placemark") && self->placemark == NULL)
    {
      xmlChar *id = xmlTextReaderGetAttribute (self->reader, (const xmlChar *) "id");

      self->placemark = g_new0 (Placemark, 1);
      self->placemark->extended = g_string_new (NULL);
      self->placemark->points = g_array_new (FALSE, FALSE, sizeof (MerLonLat));
      self->placemark->line = node_line (self);
      self->placemark->id = g_strdup ((const char *) id);
      xmlFree (id);
    }
  else if (g_str_equal (name, "Polygon") && self->placemark != NULL)
    {
      if (self->placemark->geometry == NULL)
        self->placemark->geometry = mer_geometry_new ();
      mer_geometry_begin_polygon (self->placemark->geometry);
    }
  else if ((g_str_equal (name, "Data") || g_str_equal (name, "SimpleData")) && self->placemark != NULL)
    {
      xmlChar *data_name = xmlTextReaderGetAttribute (self->reader, (const xmlChar *) "name");

      g_free (self->data_name);
      self->data_name = g_strdup ((const char *) data_name);
      xmlFree (data_name);
    }

  g_string_truncate (self->text, 0);
}

static void
end_element (Importer   *self,
             const char *name)
{
  const char *parent = parent_name (self, 0);
  g_autofree char *text = g_strstrip (g_strdup (self->text->str));

  if (g_str_equal (name, "name"))
    {
      if (g_str_equal (parent, "Placemark") && self->placemark != NULL)
        {
          g_free (self->placemark->name);
          self->placemark->name = g_strdup (text);
        }
      else if ((g_str_equal (parent, "Folder") || g_str_equal (parent, "Document")) && self->containers->len > 0)
        {
          Container *container = &g_array_index (self->containers, Container, self->containers->len - 1);

          g_free (container->name);
          container->name = g_strdup (text);
          if (!container->is_folder && self->builder.title == NULL && *text != '\0')
            self->builder.title = g_strdup (text);
        }
    }
  else if (g_str_equal (name, "description"))
    {
      if (g_str_equal (parent, "Placemark") && self->placemark != NULL)
        {
          g_free (self->placemark->description);
          self->placemark->description = g_strdup (text);
        }
      else if (g_str_equal (parent, "Document") && self->builder.description == NULL && *text != '\0')
        self->builder.description = mer_import_html_to_text (text, NULL);
    }
  else if (g_str_equal (name, "when") || g_str_equal (name, "begin") || g_str_equal (name, "end"))
    {
      if (*text != '\0')
        set_time (self, name, text);
    }
  else if (g_str_equal (name, "coordinates") && self->placemark != NULL)
    {
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (MerLonLat));
      const char *owner = parent;

      if (read_coordinates (self, text, points))
        {
          if (g_str_equal (owner, "Point"))
            g_array_append_vals (self->placemark->points, points->data, points->len);
          else if (g_str_equal (owner, "LinearRing") && self->placemark->geometry != NULL)
            {
              const MerLonLat *p = (const MerLonLat *) points->data;

              if (points->len < 4 || p[0].lon != p[points->len - 1].lon || p[0].lat != p[points->len - 1].lat)
                report_line (self, MER_SEVERITY_ERROR,
                             "a LinearRing needs at least 4 coordinates, its first and last the same");
              else
                mer_geometry_add_ring (self->placemark->geometry, p, points->len);
            }
          else if (g_str_equal (owner, "LineString"))
            report_line (self, MER_SEVERITY_WARNING, "a LineString has no place in a Meridian story; it is dropped");
        }
    }
  else if (g_str_equal (name, "value") && g_str_equal (parent, "Data") && self->placemark != NULL)
    {
      if (*text != '\0')
        {
          if (self->placemark->extended->len > 0)
            g_string_append_c (self->placemark->extended, '\n');
          g_string_append_printf (self->placemark->extended, "%s: %s",
                                  self->data_name != NULL ? self->data_name : "value", text);
        }
    }
  else if (g_str_equal (name, "SimpleData") && self->placemark != NULL)
    {
      if (*text != '\0')
        {
          if (self->placemark->extended->len > 0)
            g_string_append_c (self->placemark->extended, '\n');
          g_string_append_printf (self->placemark->extended, "%s: %s",
                                  self->data_name != NULL ? self->data_name : "value", text);
        }
    }
  else if (g_str_equal (name, "Placemark") && self->placemark != NULL)
    {
      finish_placemark (self);
      g_clear_pointer (&self->placemark, placemark_free);
    }
  else if ((g_str_equal (name, "Document") || g_str_equal (name, "Folder")) && self->containers->len > 0)
    g_array_set_size (self->containers, self->containers->len - 1);

  g_string_truncate (self->text, 0);
}

/* Finds a DOCTYPE in the prolog, before libxml2 sees it: its entity
 * declarations are never parsed, let alone expanded. */
static const char *
find_doctype (const char *data,
              gsize       length)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      const char *close;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      if (end - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
        return p;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = g_strstr_len (p, end - p, "-->");
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        close = g_strstr_len (p, end - p, "?>");
      else
        return NULL;
      if (close == NULL)
        return NULL;
      p = close + 2;
    }

  return NULL;
}

/**
 * mer_import_kml:
 *
 * Converts a KML file: Placemarks with their Points, Polygons and
 * MultiGeometry, times inherited from Folders and Documents, Folders as
 * categories.
 */
MerDocument *
mer_import_kml (const char  *data,
                gsize        length,
                const char  *path,
                const char  *display_name,
                GPtrArray   *diagnostics,
                GError     **error)
{
  Importer self = { 0 };
  MerDocument *document;
  const char *doctype;
  gboolean seen_kml = FALSE;
  int status;

  static gsize xml_initialised = 0;

  /* libxml2 2.9 sets up its globals on first use, which two loading
   * threads must not do at once. */
  if (g_once_init_enter (&xml_initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&xml_initialised, 1);
    }

  mer_import_builder_init (&self.builder, display_name, diagnostics);
  self.stack = g_ptr_array_new_with_free_func (g_free);
  self.containers = g_array_new (FALSE, TRUE, sizeof (Container));
  g_array_set_clear_func (self.containers, container_clear);
  self.text = g_string_new (NULL);

  doctype = find_doctype (data, length);
  if (doctype != NULL)
    {
      guint line, column;

      mer_import_text_locate (data, length, (gsize) (doctype - data), &line, &column);
      mer_import_builder_report (&self.builder, MER_SEVERITY_ERROR, line, 0, NULL,
                                 "the file declares a DOCTYPE, which KML does not use; it is refused, as it could "
                                 "make Meridian read other files or expand entities without end");
      goto out;
    }

  /* No network, no DTD loading, no entity substitution: nothing outside
   * the file is ever read. */
  self.reader = xmlReaderForMemory (data, (int) MIN (length, (gsize) G_MAXINT), NULL, NULL,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (self.reader == NULL)
    {
      mer_import_builder_report (&self.builder, MER_SEVERITY_ERROR, 0, 0, NULL, "the XML cannot be read");
      goto out;
    }
  xmlTextReaderSetStructuredErrorHandler (self.reader, on_xml_error, &self);

  while ((status = xmlTextReaderRead (self.reader)) == 1)
    {
      int type = xmlTextReaderNodeType (self.reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (self.reader);

      if (type == XML_READER_TYPE_ENTITY_REFERENCE)
        {
          report_line (&self, MER_SEVERITY_ERROR, "the entity &%s; is not expanded", name);
          break;
        }

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (self.reader);

          if (!seen_kml)
            {
              if (!g_str_equal (name, "kml"))
                {
                  report_line (&self, MER_SEVERITY_ERROR, "the root element is <%s>, not <kml>", name);
                  break;
                }
              seen_kml = TRUE;
            }

          g_ptr_array_add (self.stack, g_strdup (name));
          start_element (&self, name);
          if (empty)
            {
              end_element (&self, name);
              g_ptr_array_set_size (self.stack, self.stack->len - 1);
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && self.stack->len > 0)
        {
          end_element (&self, name);
          g_ptr_array_set_size (self.stack, self.stack->len - 1);
        }
      else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
               type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        g_string_append (self.text, (const char *) xmlTextReaderConstValue (self.reader));
    }

out:
  if (self.placemark != NULL)
    placemark_free (self.placemark);
  g_clear_pointer (&self.reader, xmlFreeTextReader);
  g_ptr_array_unref (self.stack);
  g_array_unref (self.containers);
  g_string_free (self.text, TRUE);
  g_free (self.data_name);

  document = mer_import_builder_finish (&self.builder, path, error);
  mer_import_builder_clear (&self.builder);
  return document;
}
