/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-import-csv"

#include "config.h"

#include "mer-import-private.h"
#include "mer-import-date.h"
#include "mer-import-html.h"
#include "mer-import-timelinejs.h"

#include <math.h>
#include <string.h>

/* Reads CSV (RFC 4180: quoted cells holding separators, quotes and line
 * breaks; CRLF or LF; a byte order mark; ',', ';' or tab as the separator,
 * whichever the header uses) in one of two layouts, told apart by the
 * header: the TimelineJS Google sheet, and tables of dated points with a
 * latitude, a longitude and a date column. Messages give the line and
 * column where the cell starts and the column's name. */

typedef struct {
  char  *text;
  guint  line;
  guint  column;
} Cell;

typedef struct {
  GArray *cells;   /* Cell */
  guint   line;
} Record;

/* Records are read one at a time and let go of once converted: a table of
 * 100,000 rows held whole as cells would take several times the file. The
 * file is read twice: a first pass reports what is wrong with its syntax
 * and settles the order of slashed dates, the second converts. */
typedef struct {
  MerImportBuilder        builder;
  const MerImportOptions *options;
  Record                 *header;
  gboolean                unclosed;

  /* The reader */
  const char *data;
  const char *end;
  const char *p;
  const char *line_start;
  guint       line;
  char        separator;
  GString    *scratch;
  gboolean    quiet;         /* the second pass: problems were reported */
  gboolean    mapped;        /* @data is a read-only file mapping */
  gsize       released;      /* its pages before this were given back */
  const char *body;          /* after the header, and where it stands: */
  guint       body_line;
  const char *body_line_start;

  /* Found by the first pass */
  MerImportDayOrder start_order;
  MerImportDayOrder end_order;
} Importer;

/* Parsing */

static void record_free (Record *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Record, record_free)

static void
record_free (Record *record)
{
  for (guint i = 0; i < record->cells->len; i++)
    g_free (g_array_index (record->cells, Cell, i).text);
  g_array_unref (record->cells);
  g_free (record);
}

/* The separator is the one of ',', ';' and tab that the header line uses
 * most, outside quotes. */
static char
detect_separator (const char *data,
                  gsize       length)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        {
          commas += c == ',';
          semicolons += c == ';';
          tabs += c == '\t';
        }
    }

  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

static guint
column_at (const char *line_start,
           const char *p)
{
  return (guint) g_utf8_strlen (line_start, (gssize) (p - line_start)) + 1;
}

static void
reader_init (Importer   *self,
             const char *data,
             gsize       length)
{
  self->data = self->p = self->line_start = data;
  self->end = data + length;
  self->line = 1;
  self->separator = detect_separator (data, length);
  self->scratch = g_string_new (NULL);
}

/* Pages of a mapped file are given back this many bytes at a time. */
#define RELEASE_STEP (1 << 20)

/* Reads the next record, skipping blank lines; %NULL at the end. An
 * unclosed quote takes the rest of the file and sets @unclosed. */
static Record *
next_record (Importer *self)
{
  const char *p = self->p;
  const char *end = self->end;
  const char *line_start = self->line_start;
  char separator = self->separator;
  guint line = self->line;

  /* Rows are read in order: the file's pages before this one are done with. */
  if (self->mapped && (gsize) (p - self->data) >= self->released + RELEASE_STEP)
    {
      self->released = (gsize) (p - self->data);
      mer_import_release_pages (self->data, self->released);
    }

  while (p < end)
    {
      Record *record = g_new0 (Record, 1);

      record->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
      record->line = line;

      for (;;)
        {
          GString *text = g_string_truncate (self->scratch, 0);
          Cell cell = { NULL, line, column_at (line_start, p) };

          if (p < end && *p == '"')
            {
              guint open_line = line;
              guint open_column = cell.column;

              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      self->unclosed = TRUE;
                      if (!self->quiet)
                        mer_import_builder_report (&self->builder, MER_SEVERITY_ERROR, open_line, open_column, NULL,
                                                   "the quoted cell is not closed");
                      break;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (text, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (*p == '\n')
                    {
                      line++;
                      line_start = p + 1;
                    }
                  g_string_append_c (text, *p++);
                }

              if (p < end && *p != separator && *p != '\n' && *p != '\r')
                {
                  if (!self->quiet)
                    mer_import_builder_report (&self->builder, MER_SEVERITY_ERROR, line, column_at (line_start, p),
                                               NULL, "unexpected text after the closing quote of a cell "
                                               "(a quote inside a quoted cell is written twice: \"\")");
                  while (p < end && *p != separator && *p != '\n' && *p != '\r')
                    g_string_append_c (text, *p++);
                }
            }
          else
            {
              const char *start = p;

              while (p < end && *p != separator && *p != '\n' && *p != '\r')
                p++;
              g_string_append_len (text, start, p - start);
            }

          /* A quoted cell's CRLF line breaks are line breaks. */
          /* Copied to its size: a table has many small cells. */
          cell.text = g_strndup (text->str, text->len);
          if (strchr (cell.text, '\r') != NULL)
            {
              GString *s = g_string_new (NULL);

              for (const char *q = cell.text; *q != '\0'; q++)
                if (*q != '\r' || q[1] != '\n')
                  g_string_append_c (s, *q);
              g_free (cell.text);
              cell.text = g_string_free (s, FALSE);
            }
          g_array_append_val (record->cells, cell);

          if (p < end && *p == separator)
            {
              p++;
              continue;
            }
          break;
        }

      /* The end of the record. */
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
      line++;
      line_start = p;

      if (record->cells->len == 1 && *g_array_index (record->cells, Cell, 0).text == '\0')
        {
          record_free (record);
          continue;
        }

      self->p = p;
      self->line = line;
      self->line_start = line_start;
      return record;
    }

  self->p = p;
  self->line = line;
  self->line_start = line_start;
  return NULL;
}

/* Reads the header, and remembers where the rows begin. */
static gboolean
read_header (Importer *self)
{
  self->header = next_record (self);
  self->body = self->p;
  self->body_line = self->line;
  self->body_line_start = self->line_start;
  return self->header != NULL && !self->unclosed;
}

/* Back to the first row, for the second pass, which says nothing of what
 * the first has said. */
static void
rewind_rows (Importer *self)
{
  self->p = self->body;
  self->line = self->body_line;
  self->line_start = self->body_line_start;
  self->quiet = TRUE;
  self->released = (gsize) (self->body - self->data);
}

static void
reader_clear (Importer *self)
{
  g_clear_pointer (&self->header, record_free);
  if (self->scratch != NULL)
    g_string_free (g_steal_pointer (&self->scratch), TRUE);
}

/* Columns */

static char *
normalise_name (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  char *lower = g_utf8_strdown (stripped, -1);

  for (char *p = lower; *p != '\0'; p++)
    if (*p == '_' || *p == '-')
      *p = ' ';
  return lower;
}

static int find_column (Importer           *self,
                        const char * const *names,
                        gboolean           *used);

/* Finds the column the user named in an option, or else by its usual
 * names. */
static int
find_role (Importer           *self,
           const char         *wanted,
           const char * const *names,
           gboolean           *used)
{
  g_autofree char *normalised = NULL;

  if (wanted == NULL)
    return find_column (self, names, used);

  normalised = normalise_name (wanted);
  return find_column (self, (const char * const[]) { normalised, NULL }, used);
}

/* Returns the index of the first header cell named one of @names (in that
 * order of preference), or -1. */
static int
find_column (Importer           *self,
             const char * const *names,
             gboolean           *used)
{
  for (guint n = 0; names[n] != NULL; n++)
    for (guint i = 0; i < self->header->cells->len; i++)
      {
        g_autofree char *name = normalise_name (g_array_index (self->header->cells, Cell, i).text);

        if (g_str_equal (name, names[n]))
          {
            used[i] = TRUE;
            return (int) i;
          }
      }

  return -1;
}

static const Cell *
get_cell (Record *record,
          int     column)
{
  static const Cell empty = { (char *) "", 0, 0 };

  if (column < 0 || (guint) column >= record->cells->len)
    return &empty;
  return &g_array_index (record->cells, Cell, column);
}

/* The text of @column in @record, trimmed; "" when absent. */
static const char *
get_text (Record *record,
          int     column)
{
  if (column < 0 || (guint) column >= record->cells->len)
    return "";
  return g_strstrip (g_array_index (record->cells, Cell, column).text);
}

static const char *
column_name (Importer *self,
             int       column)
{
  return g_array_index (self->header->cells, Cell, column).text;
}

static void
report_cell (Importer    *self,
             MerSeverity  severity,
             Record      *record,
             int          column,
             const char  *format,
             ...) G_GNUC_PRINTF (5, 6);

static void
report_cell (Importer    *self,
             MerSeverity  severity,
             Record      *record,
             int          column,
             const char  *format,
             ...)
{
  const Cell *cell = get_cell (record, column);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (cell->line > 0)
    mer_import_builder_report (&self->builder, severity, cell->line, cell->column,
                               column >= 0 ? column_name (self, column) : NULL, "%s", message);
  else
    mer_import_builder_report (&self->builder, severity, record->line, 1,
                               column >= 0 ? column_name (self, column) : NULL, "%s", message);
}

static void
warn_unused (Importer       *self,
             const gboolean *used)
{
  for (guint i = 0; i < self->header->cells->len; i++)
    {
      const char *name = column_name (self, (int) i);

      if (!used[i] && *name != '\0')
        report_cell (self, MER_SEVERITY_WARNING, self->header, (int) i, "this column is dropped");
    }
}

static gboolean
read_coordinate (Importer *self,
                 Record   *record,
                 int       column,
                 double    limit,
                 double   *value)
{
  const char *text = get_text (record, column);
  g_autofree char *point = NULL;
  char *end;

  /* Where the cells are parted by ';' or tabs, a spreadsheet in a language
   * that writes "43,5" writes its decimal comma too. */
  if (self->separator != ',' && strchr (text, ',') != NULL && strchr (text, '.') == NULL)
    {
      point = g_strdup (text);
      g_strdelimit (point, ",", '.');
    }

  *value = g_ascii_strtod (point != NULL ? point : text, &end);
  if (end == (point != NULL ? point : text) || *end != '\0' || !isfinite (*value))
    {
      report_cell (self, MER_SEVERITY_ERROR, record, column, "\"%s\" is not a number", text);
      return FALSE;
    }
  if (*value < -limit || *value > limit)
    {
      report_cell (self, MER_SEVERITY_ERROR, record, column, "%s is out of range [%g, %g]", text, -limit, limit);
      return FALSE;
    }
  return TRUE;
}

/* Reads a place from latitude and longitude columns when both have a value. */
static void
read_place (Importer   *self,
            Record     *record,
            int         lat_column,
            int         lon_column,
            const char *name,
            MerEvent   *event)
{
  double lat, lon;
  gboolean ok;

  if (lat_column < 0 || lon_column < 0)
    return;
  if (*get_text (record, lat_column) == '\0' && *get_text (record, lon_column) == '\0')
    return;

  ok = read_coordinate (self, record, lat_column, 90, &lat);
  ok &= read_coordinate (self, record, lon_column, 180, &lon);
  if (ok)
    mer_import_event_add_place (event, name, lat, lon);
}

/* The TimelineJS sheet */

enum {
  SHEET_YEAR, SHEET_MONTH, SHEET_DAY, SHEET_TIME,
  SHEET_END_YEAR, SHEET_END_MONTH, SHEET_END_DAY, SHEET_END_TIME,
  SHEET_DISPLAY_DATE, SHEET_HEADLINE, SHEET_TEXT, SHEET_MEDIA, SHEET_MEDIA_CREDIT,
  SHEET_MEDIA_CAPTION, SHEET_MEDIA_THUMBNAIL, SHEET_TYPE, SHEET_GROUP, SHEET_BACKGROUND,
  SHEET_ALT_TEXT, SHEET_LATITUDE, SHEET_LONGITUDE, SHEET_LOCATION, SHEET_ZOOM,
  N_SHEET_COLUMNS
};

static const char * const sheet_names[N_SHEET_COLUMNS] = {
  "year", "month", "day", "time", "end year", "end month", "end day", "end time",
  "display date", "headline", "text", "media", "media credit", "media caption", "media thumbnail",
  "type", "group", "background", "alt text", "latitude", "longitude", "location", "zoom",
};

/* "10:30", "10:30:05", "10:30:05.250", "10:30 PM", "9 PM" into hour, minute,
 * second and millisecond texts. */
static gboolean
split_time (const char *text,
            char       *parts[4])
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  unsigned values[4] = { 0 };
  int n_values = 0;
  const char *p = lower;
  gboolean pm = FALSE, am = FALSE;

  while (*p != '\0' && n_values < 4)
    {
      char *end;

      if (!g_ascii_isdigit (*p))
        break;
      values[n_values++] = (unsigned) g_ascii_strtoull (p, &end, 10);
      p = end;
      if (*p == ':' || (*p == '.' && n_values == 3))
        p++;
      else
        break;
    }

  while (*p == ' ')
    p++;
  if (g_str_equal (p, "pm") || g_str_equal (p, "p.m."))
    pm = TRUE;
  else if (g_str_equal (p, "am") || g_str_equal (p, "a.m."))
    am = TRUE;
  else if (*p != '\0')
    return FALSE;

  if (n_values == 0 || ((pm || am) && (values[0] < 1 || values[0] > 12)))
    return FALSE;
  if (pm && values[0] < 12)
    values[0] += 12;
  if (am && values[0] == 12)
    values[0] = 0;

  for (int i = 0; i < 4; i++)
    parts[i] = i < n_values || (i == 1 && (pm || am)) ? g_strdup_printf ("%u", values[i]) : NULL;
  return TRUE;
}

/* Reads the date in the four columns from @first (year, month, day, time). */
static gboolean
read_sheet_date (Importer   *self,
                 Record     *record,
                 const int  *columns,
                 int         first,
                 gboolean    required,
                 MerDate    *date)
{
  g_autoptr(GError) error = NULL;
  char *parts[7] = { NULL };
  const char *time;
  gboolean ok = TRUE;
  guint bad_part;

  if (*get_text (record, columns[first]) == '\0' && *get_text (record, columns[first + 1]) == '\0' &&
      *get_text (record, columns[first + 2]) == '\0' && *get_text (record, columns[first + 3]) == '\0')
    {
      if (required)
        report_cell (self, MER_SEVERITY_ERROR, record, columns[first], "a date needs a year");
      return FALSE;
    }

  for (int i = 0; i < 3; i++)
    parts[i] = g_strdup (get_text (record, columns[first + i]));

  time = get_text (record, columns[first + 3]);
  if (*time != '\0' && !split_time (time, parts + 3))
    {
      report_cell (self, MER_SEVERITY_ERROR, record, columns[first + 3],
                   "\"%s\" is not a time (expected hh:mm, hh:mm:ss or hh:mm AM/PM)", time);
      ok = FALSE;
    }

  if (ok && !mer_import_timelinejs_date ((const char * const *) parts, date, &bad_part, &error))
    {
      report_cell (self, MER_SEVERITY_ERROR, record, columns[first + MIN (bad_part, 3)], "%s", error->message);
      ok = FALSE;
    }

  for (guint i = 0; i < 7; i++)
    g_free (parts[i]);
  return ok;
}

static void
convert_sheet_row (Importer  *self,
                   Record    *record,
                   const int *columns)
{
  g_autoptr(MerEvent) event = NULL;
  MerImportTimelineSlide slide = { 0 };
  const char *type = get_text (record, columns[SHEET_TYPE]);
  MerDate start, end;
  gboolean has_end = FALSE;
  double zoom;

  if (g_ascii_strcasecmp (type, "title") == 0)
    {
      g_autofree char *title = mer_import_html_to_text (get_text (record, columns[SHEET_HEADLINE]), NULL);
      g_autofree char *description = mer_import_html_to_text (get_text (record, columns[SHEET_TEXT]), NULL);

      if (*title != '\0')
        {
          g_free (self->builder.title);
          self->builder.title = g_steal_pointer (&title);
        }
      if (*description != '\0')
        {
          g_free (self->builder.description);
          self->builder.description = g_steal_pointer (&description);
        }
      return;
    }

  if (g_ascii_strcasecmp (type, "era") == 0)
    {
      g_autoptr(MerEra) era = mer_era_new ();
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;
      gboolean ok;

      era->line = record->line;
      ok = read_sheet_date (self, record, columns, SHEET_YEAR, TRUE, &era->start);
      ok &= read_sheet_date (self, record, columns, SHEET_END_YEAR, TRUE, &era->end);
      if (!ok)
        return;
      if (mer_date_last_second (&era->end) < mer_date_first_second (&era->start))
        {
          report_cell (self, MER_SEVERITY_ERROR, record, columns[SHEET_END_YEAR], "the era ends before it starts");
          return;
        }

      title = mer_import_html_to_text (get_text (record, columns[SHEET_HEADLINE]), NULL);
      description = mer_import_html_to_text (get_text (record, columns[SHEET_TEXT]), NULL);
      era->title = *title != '\0' ? g_steal_pointer (&title) : mer_date_format_range (&era->start, &era->end, FALSE);
      if (*description != '\0')
        era->description = g_steal_pointer (&description);
      mer_import_builder_add_era (&self->builder, g_steal_pointer (&era));
      return;
    }

  if (*type != '\0')
    report_cell (self, MER_SEVERITY_WARNING, record, columns[SHEET_TYPE],
                 "type \"%s\" is not title or era; the row is read as an event", type);

  if (!read_sheet_date (self, record, columns, SHEET_YEAR, TRUE, &start))
    {
      read_sheet_date (self, record, columns, SHEET_END_YEAR, FALSE, &end);
      return;
    }

  if (read_sheet_date (self, record, columns, SHEET_END_YEAR, FALSE, &end))
    {
      if (mer_date_last_second (&end) >= mer_date_first_second (&start))
        has_end = TRUE;
      else
        {
          g_autofree char *start_text = mer_date_to_iso (&start);
          g_autofree char *end_text = mer_date_to_iso (&end);

          report_cell (self, MER_SEVERITY_ERROR, record, columns[SHEET_END_YEAR],
                       "the end %s is before the start %s", end_text, start_text);
          return;
        }
    }

  event = mer_event_new ();
  event->line = record->line;
  mer_import_event_set_dates (event, &start, has_end ? &end : NULL);

  slide.headline = get_text (record, columns[SHEET_HEADLINE]);
  slide.text = get_text (record, columns[SHEET_TEXT]);
  slide.media_url = get_text (record, columns[SHEET_MEDIA]);
  slide.media_credit = get_text (record, columns[SHEET_MEDIA_CREDIT]);
  slide.media_caption = get_text (record, columns[SHEET_MEDIA_CAPTION]);
  slide.group = get_text (record, columns[SHEET_GROUP]);
  slide.display_date = get_text (record, columns[SHEET_DISPLAY_DATE]);
  mer_import_timelinejs_fill (&self->builder, event, &slide);

  {
    const char *location = get_text (record, columns[SHEET_LOCATION]);

    read_place (self, record, columns[SHEET_LATITUDE], columns[SHEET_LONGITUDE],
                *location != '\0' ? location : event->draft->title, event);
  }

  if (event->n_places > 0 && *get_text (record, columns[SHEET_ZOOM]) != '\0' &&
      read_coordinate (self, record, columns[SHEET_ZOOM], 20, &zoom))
    {
      if (zoom < 0)
        report_cell (self, MER_SEVERITY_ERROR, record, columns[SHEET_ZOOM], "%g is out of range [0, 20]", zoom);
      else
        {
          MerView view = { event->draft->places[0].lat, event->draft->places[0].lon, zoom };

          mer_event_set_view (event, &view);
        }
    }

  mer_import_builder_add_event (&self->builder, g_object_ref (event), NULL, event->draft->title);
}

static void
convert_sheet (Importer *self)
{
  g_autofree gboolean *used = g_new0 (gboolean, self->header->cells->len);
  int columns[N_SHEET_COLUMNS];

  for (int i = 0; i < N_SHEET_COLUMNS; i++)
    {
      const char * const names[] = { sheet_names[i], NULL };

      columns[i] = find_column (self, names, used);
    }

  /* Thumbnails and backgrounds have no place in Meridian;
   * docs/import.md says so once, not each file. */
  warn_unused (self, used);

  rewind_rows (self);
  for (;;)
    {
      g_autoptr(Record) record = next_record (self);

      if (record == NULL)
        break;
      convert_sheet_row (self, record, columns);
    }
}

/* Tables of dated points */

static const char * const lat_names[] = { "latitude", "lat", NULL };
static const char * const lon_names[] = { "longitude", "lon", "lng", "long", NULL };
static const char * const date_names[] = {
  "date", "event date", "start", "start date", "begin", "time", "datetime", "timestamp", "when", "year", NULL
};
static const char * const end_names[] = { "end", "end date", "until", "finish", NULL };
static const char * const title_names[] = { "title", "name", "headline", "event", "event name", "label", NULL };
static const char * const text_names[] = { "description", "notes", "summary", "text", "details", NULL };
static const char * const category_names[] = { "category", "group", "type", "event type", "class", NULL };
static const char * const place_names[] = { "place", "location", "location name", "city", "site", NULL };
static const char * const id_names[] = { "id", "unique id", "event id", "event id cnty", "identifier", NULL };
static const char * const url_names[] = { "url", "link", "source url", "href", NULL };
static const char * const source_names[] = { "source", "sources", NULL };

/* Reads a date cell; a span ("1904–1905") gives its end in @span_end. */
static gboolean
read_table_date (Importer          *self,
                 Record            *record,
                 int                column,
                 MerImportDayOrder  order,
                 MerDate           *date,
                 MerDate           *span_end,
                 gboolean          *spanned)
{
  g_autoptr(GError) error = NULL;
  const char *text = get_text (record, column);
  MerDate ignored;
  gboolean ignored_span;

  if (mer_import_date_parse_span (text, order, date, span_end != NULL ? span_end : &ignored,
                                  spanned != NULL ? spanned : &ignored_span, &error))
    return TRUE;

  report_cell (self, MER_SEVERITY_ERROR, record, column, "\"%s\" is not a date (%s)", text, error->message);
  return FALSE;
}

static void
convert_table (Importer *self,
               int       lat_column,
               int       lon_column,
               int       date_column,
               gboolean *used)
{
  int end_column = find_role (self, self->options->end_property, end_names, used);
  int title_column = find_role (self, self->options->title_property, title_names, used);
  int text_column = find_column (self, text_names, used);
  int category_column = find_column (self, category_names, used);
  int place_column = find_column (self, place_names, used);
  int id_column = find_column (self, id_names, used);
  int url_column = find_column (self, url_names, used);
  int source_column = find_column (self, source_names, used);
  MerImportDayOrder start_order = self->start_order;
  MerImportDayOrder end_order = self->end_order;

  warn_unused (self, used);

  rewind_rows (self);
  for (;;)
    {
      g_autoptr(Record) record = next_record (self);
      g_autoptr(MerEvent) event = NULL;
      g_autofree char *title = NULL;
      const char *category, *place, *text;
      MerDate start, end;
      gboolean has_end = FALSE;

      if (record == NULL)
        break;
      category = get_text (record, category_column);
      place = get_text (record, place_column);

      if (*get_text (record, date_column) == '\0')
        {
          report_cell (self, MER_SEVERITY_WARNING, record, date_column, "no date; the row is skipped");
          continue;
        }
      if (!read_table_date (self, record, date_column, start_order, &start, &end, &has_end))
        continue;
      if (*get_text (record, end_column) != '\0' &&
          read_table_date (self, record, end_column, end_order, &end, NULL, NULL))
        {
          if (mer_date_last_second (&end) < mer_date_first_second (&start))
            {
              report_cell (self, MER_SEVERITY_ERROR, record, end_column, "the end is before the start");
              continue;
            }
          has_end = TRUE;
        }

      event = mer_event_new ();
      event->line = record->line;
      mer_import_event_set_dates (event, &start, has_end ? &end : NULL);

      /* A table of incidents (ACLED) has no titles: its type and place say
       * what and where. */
      title = g_strdup (get_text (record, title_column));
      if (*title == '\0')
        {
          g_free (title);
          if (*category != '\0' && *place != '\0')
            title = g_strdup_printf ("%s — %s", category, place);
          else if (*category != '\0' || *place != '\0')
            title = g_strdup (*category != '\0' ? category : place);
          else
            title = g_strdup_printf ("Row %u", record->line);
        }
      event->draft->title = g_steal_pointer (&title);

      text = get_text (record, text_column);
      if (*text != '\0')
        event->draft->summary = g_strdup (text);
      if (*category != '\0')
        event->category = g_object_ref (mer_import_builder_get_category (&self->builder, category));

      read_place (self, record, lat_column, lon_column, *place != '\0' ? place : event->draft->title, event);

      if (mer_import_is_link (get_text (record, url_column)))
        mer_import_event_add_source (event, event->draft->title, get_text (record, url_column));
      if (*get_text (record, source_column) != '\0')
        {
          const char *source = get_text (record, source_column);

          mer_import_event_add_source (event, source, mer_import_is_link (source) ? source : NULL);
        }

      mer_import_builder_add_event (&self->builder, g_object_ref (event), get_text (record, id_column),
                                    event->draft->title);
    }
}

/* The first pass: every row's syntax, rows with more cells than the
 * header names, and the order of slashed dates in the columns a table's
 * start and end are read from. */
static void
survey (Importer *self)
{
  g_autofree gboolean *scratch = g_new0 (gboolean, self->header->cells->len);
  int date_column = find_role (self, self->options->time_property, date_names, scratch);
  int end_column = find_role (self, self->options->end_property, end_names, scratch);
  guint n = self->header->cells->len;

  for (;;)
    {
      g_autoptr(Record) record = next_record (self);

      if (record == NULL)
        break;
      if (record->cells->len > n)
        {
          const Cell *extra = &g_array_index (record->cells, Cell, n);

          mer_import_builder_report (&self->builder, MER_SEVERITY_WARNING, extra->line, extra->column, NULL,
                                     "the row has %u cells and the header names %u columns; the rest are dropped",
                                     record->cells->len, n);
        }
      if (self->start_order == MER_IMPORT_DAY_ORDER_UNKNOWN && date_column >= 0)
        self->start_order = mer_import_date_day_order (get_text (record, date_column));
      if (self->end_order == MER_IMPORT_DAY_ORDER_UNKNOWN && end_column >= 0)
        self->end_order = mer_import_date_day_order (get_text (record, end_column));
    }
}

/**
 * mer_import_csv:
 * @data: the file's text, without a byte order mark
 * @mapped: whether @data is a read-only mapping of the file, whose pages
 *   may be given back once read
 *
 * Converts a CSV file in the TimelineJS sheet layout or a table of dated
 * points.
 */
MerDocument *
mer_import_csv (const char             *data,
                gsize                   length,
                gboolean                mapped,
                const MerImportOptions *options,
                const char             *path,
                const char  *display_name,
                GPtrArray   *diagnostics,
                GError     **error)
{
  static const MerImportOptions no_options = { NULL };
  Importer self = { .options = options != NULL ? options : &no_options };
  g_autofree gboolean *used = NULL;
  g_autofree gboolean *scratch = NULL;
  const char *invalid;
  MerDocument *document = NULL;
  int lat_column = -1, lon_column = -1, date_column;

  mer_import_builder_init (&self.builder, display_name, diagnostics);

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint line, column;

      mer_import_text_locate (data, length, (gsize) (invalid - data), &line, &column);
      mer_import_builder_report (&self.builder, MER_SEVERITY_ERROR, line, column, NULL,
                                 "the file is not valid UTF-8 text");
      goto out;
    }

  reader_init (&self, data, length);
  self.mapped = mapped;
  /* An unclosed quote swallows the rest of the file: its cells mean nothing. */
  if (!read_header (&self))
    goto out;

  used = g_new0 (gboolean, self.header->cells->len);
  survey (&self);
  if (self.unclosed)
    goto out;

  scratch = g_new0 (gboolean, self.header->cells->len);
  if (find_column (&self, (const char * const[]) { "year", NULL }, scratch) >= 0 &&
      find_column (&self, (const char * const[]) { "headline", NULL }, scratch) >= 0)
    convert_sheet (&self);
  else if ((lat_column = find_column (&self, lat_names, used)) >= 0 &&
           (lon_column = find_column (&self, lon_names, used)) >= 0 &&
           (date_column = find_role (&self, self.options->time_property, date_names, used)) >= 0)
    convert_table (&self, lat_column, lon_column, date_column, used);
  else if (self.options->time_property != NULL && lat_column >= 0 && lon_column >= 0)
    mer_import_builder_report (&self.builder, MER_SEVERITY_ERROR, 1, 1, NULL,
                               "the header has no column \"%s\" to read the time from",
                               self.options->time_property);
  else
    mer_import_builder_report (&self.builder, MER_SEVERITY_ERROR, 1, 1, NULL,
                               "the header names neither the TimelineJS sheet's columns (Year, Headline, …) "
                               "nor a latitude, a longitude and a date column");

out:
  document = mer_import_builder_finish (&self.builder, path, error);
  reader_clear (&self);
  mer_import_builder_clear (&self.builder);
  return document;
}

/* The first column named one of @names, in their order of preference. */
static char *
detect_column (Importer           *self,
               const char * const *names)
{
  g_autofree gboolean *used = g_new0 (gboolean, self->header->cells->len);
  int column = find_column (self, names, used);

  return column >= 0 ? g_strdup (g_array_index (self->header->cells, Cell, column).text) : NULL;
}

/**
 * mer_import_csv_fields:
 * @data: the file's text, without a byte order mark
 *
 * Returns: (transfer full) (nullable): the columns of a table of points,
 *   or %NULL when the file is not one
 */
MerImportFields *
mer_import_csv_fields (const char *data,
                       gsize       length)
{
  static const MerImportOptions no_options = { NULL };
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autofree gboolean *scratch = NULL;
  Importer self = { .options = &no_options };
  MerImportFields *fields = NULL;

  if (!g_utf8_validate_len (data, length, NULL))
    return NULL;

  mer_import_builder_init (&self.builder, "", diagnostics);
  reader_init (&self, data, length);
  if (!read_header (&self))
    goto out;

  scratch = g_new0 (gboolean, self.header->cells->len);
  if ((find_column (&self, (const char * const[]) { "year", NULL }, scratch) >= 0 &&
       find_column (&self, (const char * const[]) { "headline", NULL }, scratch) >= 0) ||
      find_column (&self, lat_names, scratch) < 0 || find_column (&self, lon_names, scratch) < 0)
    goto out;

  fields = g_new0 (MerImportFields, 1);
  fields->format = g_strdup ("CSV");
  fields->names = g_new0 (char *, self.header->cells->len + 1);
  for (guint i = 0; i < self.header->cells->len; i++)
    fields->names[i] = g_strdup (g_array_index (self.header->cells, Cell, i).text);
  fields->time = detect_column (&self, date_names);
  fields->end = detect_column (&self, end_names);
  fields->title = detect_column (&self, title_names);

out:
  reader_clear (&self);
  mer_import_builder_clear (&self.builder);
  return fields;
}
