/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-import-builder"

#include "config.h"

#include "mer-import-builder.h"
#include "mer-import-private.h"

#include <sys/mman.h>
#include <unistd.h>

#include "mer-document-private.h"
#include "mer-import.h"

#include <string.h>

/* Beyond this many years seconds from 1970 no longer fit in 64 bits; the
 * age of the universe, 13.8 billion years, fits well within it. */
#define MAX_YEAR G_GINT64_CONSTANT (100000000000)

/* Past this many errors in one file, more are not recorded. */
#define MAX_ERRORS 500

/* Ids are kept short enough to read in a message. */
#define MAX_SLUG_LENGTH 48

void
mer_import_builder_init (MerImportBuilder *self,
                         const char       *display_name,
                         GPtrArray        *diagnostics)
{
  memset (self, 0, sizeof *self);
  self->categories = g_ptr_array_new_with_free_func (g_object_unref);
  self->regions = g_ptr_array_new_with_free_func (g_object_unref);
  self->eras = g_ptr_array_new_with_free_func (g_object_unref);
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->briefings = g_ptr_array_new_with_free_func (g_object_unref);
  self->category_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->event_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->other_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->display_name = display_name;
  self->diagnostics = diagnostics;
}

void
mer_import_builder_clear (MerImportBuilder *self)
{
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->eras, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->briefings, g_ptr_array_unref);
  g_clear_pointer (&self->category_names, g_hash_table_unref);
  g_clear_pointer (&self->event_ids, g_hash_table_unref);
  g_clear_pointer (&self->other_ids, g_hash_table_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->attribution, g_free);
}

/**
 * mer_import_builder_report:
 * @line: 1-based, or 0 for the whole file
 * @path: (nullable): where in the source, in its own terms ("events[2].start_date.month",
 *   "column Year")
 *
 * Records a message; an error makes the import fail at the end, after every
 * other problem has been found too.
 */
void
mer_import_builder_report (MerImportBuilder *self,
                           MerSeverity       severity,
                           guint             line,
                           guint             column,
                           const char       *path,
                           const char       *format,
                           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (severity == MER_SEVERITY_ERROR)
    {
      self->n_errors++;
      if (self->n_errors == MAX_ERRORS + 1)
        g_ptr_array_add (self->diagnostics,
                         mer_diagnostic_new (MER_SEVERITY_ERROR, self->display_name, line, column, NULL,
                                             "too many errors; the rest are not shown"));
      if (self->n_errors > MAX_ERRORS)
        return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->diagnostics,
                   mer_diagnostic_new (severity, self->display_name, line, column, path, message));
}

/**
 * mer_import_slug:
 *
 * Returns: (transfer full): @text as an id: lower-case ASCII letters, digits
 *   and hyphens ("Putin–Abe summit" → "putin-abe-summit"); empty when @text
 *   has no letter or digit
 */
char *
mer_import_slug (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  GString *slug = g_string_new (NULL);
  gboolean hyphen = FALSE;

  for (const char *p = ascii; *p != '\0' && slug->len < MAX_SLUG_LENGTH; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (hyphen && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          hyphen = FALSE;
        }
      else
        hyphen = TRUE;
    }

  return g_string_free (slug, FALSE);
}

/* Returns @wanted, or @wanted with the first free "-2", "-3"… after it. */
static char *
unique_id (GHashTable *ids,
           const char *wanted)
{
  char *id = g_strdup (wanted);

  for (guint n = 2; g_hash_table_contains (ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", wanted, n);
    }

  return id;
}

/**
 * mer_import_builder_get_category:
 * @name: a group name as the source writes it
 *
 * Returns: (transfer none): the category of that name, made on first use
 */
MerCategory *
mer_import_builder_get_category (MerImportBuilder *self,
                                 const char       *name)
{
  MerCategory *category = g_hash_table_lookup (self->category_names, name);
  g_autofree char *slug = NULL;

  if (category != NULL)
    return category;

  slug = mer_import_slug (name);
  category = mer_category_new ();
  category->id = unique_id (self->other_ids, *slug != '\0' ? slug : "category");
  category->name = g_strdup (name);
  g_hash_table_add (self->other_ids, category->id);
  g_hash_table_insert (self->category_names, g_strdup (name), category);
  g_ptr_array_add (self->categories, category);

  return category;
}

/**
 * mer_import_builder_add_event:
 * @event: (transfer full): an event with its dates set
 * @wanted_id: (nullable): the id the source gives it
 * @fallback_id: the id to make one from otherwise (its title, say)
 *
 * Returns: the id the event got: @wanted_id, or the slug of @fallback_id,
 *   made unique with a number
 */
const char *
mer_import_builder_add_event (MerImportBuilder *self,
                              MerEvent         *event,
                              const char       *wanted_id,
                              const char       *fallback_id)
{
  g_autofree char *slug = NULL;

  if (wanted_id != NULL && *wanted_id != '\0')
    event->draft->id = unique_id (self->event_ids, wanted_id);
  else
    {
      slug = mer_import_slug (fallback_id);
      event->draft->id = unique_id (self->event_ids, *slug != '\0' ? slug : "event");
    }

  mer_event_pack (event);
  g_hash_table_insert (self->event_ids, (gpointer) mer_event_get_id (event), event);
  g_ptr_array_add (self->events, event);
  return mer_event_get_id (event);
}

void
mer_import_builder_add_region (MerImportBuilder *self,
                               MerRegion        *region)
{
  g_autofree char *slug = mer_import_slug (region->name);

  region->id = unique_id (self->other_ids, *slug != '\0' ? slug : "region");
  g_hash_table_add (self->other_ids, region->id);
  g_ptr_array_add (self->regions, region);
}

void
mer_import_builder_add_era (MerImportBuilder *self,
                            MerEra           *era)
{
  g_autofree char *slug = mer_import_slug (era->title);

  era->id = unique_id (self->other_ids, *slug != '\0' ? slug : "era");
  g_hash_table_add (self->other_ids, era->id);
  g_ptr_array_add (self->eras, era);
}

void
mer_import_builder_add_briefing (MerImportBuilder *self,
                                 MerBriefing      *briefing)
{
  g_autofree char *slug = mer_import_slug (briefing->title);

  briefing->id = unique_id (self->other_ids, *slug != '\0' ? slug : "briefing");
  g_hash_table_add (self->other_ids, briefing->id);
  g_ptr_array_add (self->briefings, briefing);
}

/**
 * mer_import_builder_finish:
 * @path: the file read, which the document remembers
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with a
 *   #MER_IMPORT_ERROR_INVALID when any error was reported
 */
MerDocument *
mer_import_builder_finish (MerImportBuilder *self,
                           const char       *path,
                           GError          **error)
{
  g_autoptr(GFile) file = NULL;
  MerDocument *document;
  guint n_errors;

  mer_diagnostics_sort (self->diagnostics);

  n_errors = mer_diagnostics_count (self->diagnostics, MER_SEVERITY_ERROR);
  if (n_errors > 0)
    {
      g_set_error (error, MER_IMPORT_ERROR, MER_IMPORT_ERROR_INVALID,
                   "%s has %u error%s", self->display_name, n_errors, n_errors == 1 ? "" : "s");
      return NULL;
    }

  /* The document indexes the ids again: the two tables need not be held at
   * once. */
  g_clear_pointer (&self->event_ids, g_hash_table_unref);

  file = g_file_new_for_path (path);
  document = mer_document_new (file);
  mer_document_set_text (document, self->title, NULL, self->description, self->attribution);
  mer_document_set_view (document, self->has_view ? &self->view : NULL);
  mer_document_finish (document, self->categories, self->regions, self->eras, self->events, self->briefings);

  return document;
}

/**
 * mer_import_date_from_parts:
 * @year: an astronomical year (0 is 1 BC)
 * @month: 1..12, or -1 when not given
 * @day: 1..31, or -1
 * @hour: 0..23, or -1
 * @minute: 0..59, or -1
 * @second: 0..59, or -1
 * @error: a #MER_DATE_ERROR saying which part is wrong
 *
 * Builds a date at the precision of its finest part: a time given as an
 * hour alone keeps minute precision at 0 minutes, the finest a #MerDate
 * has below the day.
 */
gboolean
mer_import_date_from_parts (gint64    year,
                            int       month,
                            int       day,
                            int       hour,
                            int       minute,
                            int       second,
                            MerDate  *date,
                            GError  **error)
{
  MerDate result = { 0 };

  if (year > MAX_YEAR || year < -MAX_YEAR)
    {
      g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE,
                   "year %" G_GINT64_FORMAT " is beyond 100 billion years", year);
      return FALSE;
    }

  if ((day >= 0 && month < 0) || (hour >= 0 && day < 0) || (minute >= 0 && hour < 0) ||
      (second >= 0 && minute < 0))
    {
      const char *part = second >= 0 && minute < 0 ? "a second needs a minute" :
                         minute >= 0 && hour < 0 ? "a minute needs an hour" :
                         hour >= 0 && day < 0 ? "an hour needs a day" : "a day needs a month";

      g_set_error_literal (error, MER_DATE_ERROR, MER_DATE_ERROR_SYNTAX, part);
      return FALSE;
    }

  result.year = year;
  result.precision = MER_DATE_PRECISION_YEAR;

  if (month >= 0)
    {
      if (month < 1 || month > 12)
        {
          g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE, "month %d", month);
          return FALSE;
        }
      result.month = (guint8) month;
      result.precision = MER_DATE_PRECISION_MONTH;
    }

  if (day >= 0)
    {
      if (day < 1 || (guint) day > mer_date_days_in_month (year, (guint) month))
        {
          if (day >= 1 && day <= 31)
            {
              static const char * const names[] = {
                "January", "February", "March", "April", "May", "June",
                "July", "August", "September", "October", "November", "December",
              };

              g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE, "%s %" G_GINT64_FORMAT " has %u days",
                           names[month - 1], year, mer_date_days_in_month (year, (guint) month));
            }
          else
            g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE, "day %d", day);
          return FALSE;
        }
      result.day = (guint8) day;
      result.precision = MER_DATE_PRECISION_DAY;
    }

  if (hour >= 0)
    {
      if (hour > 23)
        {
          g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE, "hour %d", hour);
          return FALSE;
        }
      if (minute > 59)
        {
          g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE, "minute %d", minute);
          return FALSE;
        }
      result.hour = (guint8) hour;
      result.minute = (guint8) MAX (minute, 0);
      result.precision = MER_DATE_PRECISION_MINUTE;
    }

  if (second >= 0)
    {
      if (second > 59)
        {
          g_set_error (error, MER_DATE_ERROR, MER_DATE_ERROR_RANGE, "second %d", second);
          return FALSE;
        }
      result.second = (guint8) second;
      result.precision = MER_DATE_PRECISION_SECOND;
    }

  *date = result;
  return TRUE;
}

/**
 * mer_import_event_set_dates:
 * @end: (nullable): the inclusive end; the caller has checked that it does
 *   not end before @start
 */
void
mer_import_event_set_dates (MerEvent      *event,
                            const MerDate *start,
                            const MerDate *end)
{
  event->start = *start;

  if (end != NULL && mer_date_compare (start, end) != 0)
    {
      event->draft->end = *end;
      event->has_end = TRUE;
    }
}

void
mer_import_event_add_place (MerEvent   *event,
                            const char *name,
                            double      lat,
                            double      lon)
{
  MerPlace *place;

  event->draft->places = g_renew (MerPlace, event->draft->places, event->n_places + 1);
  place = &event->draft->places[event->n_places++];
  place->name = g_strdup (name);
  place->lat = lat;
  place->lon = lon;
}

/**
 * mer_import_event_add_source:
 * @url: (nullable): the link
 *
 * Adds a source, unless the event has one with the same link already.
 */
void
mer_import_event_add_source (MerEvent   *event,
                             const char *title,
                             const char *url)
{
  MerSource *source;

  for (guint i = 0; i < event->n_sources && url != NULL; i++)
    if (g_strcmp0 (event->draft->sources[i].url, url) == 0)
      return;

  if (event->n_sources == G_MAXUINT16)
    return;

  event->draft->sources = g_renew (MerSource, event->draft->sources, event->n_sources + 1);
  source = &event->draft->sources[event->n_sources++];
  source->title = g_strdup (title);
  source->url = g_strdup (url);
}

/**
 * mer_import_is_link:
 *
 * Returns: whether @url is a link Meridian opens (http, https or mailto),
 *   as opposed to embed code or a file name
 */
gboolean
mer_import_is_link (const char *url)
{
  g_autofree char *scheme = NULL;

  if (url == NULL || strchr (url, '<') != NULL || strchr (url, ' ') != NULL || strchr (url, '\n') != NULL)
    return FALSE;

  scheme = g_uri_parse_scheme (url);
  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "mailto") == 0);
}

/**
 * mer_import_text_locate:
 * @offset: a byte offset into @data
 * @line: (out): its 1-based line
 * @column: (out): its 1-based column, in characters
 *
 * For a single message about a text that has no index of its lines.
 */
void
mer_import_text_locate (const char *data,
                        gsize       length,
                        gsize       offset,
                        guint      *line,
                        guint      *column)
{
  gsize start = 0;
  guint l = 1;

  offset = MIN (offset, length);
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        l++;
        start = i + 1;
      }

  *line = l;
  *column = (guint) g_utf8_strlen (data + start, (gssize) (offset - start)) + 1;
}

/**
 * mer_import_release_pages:
 * @data: text inside a read-only file mapping (mer_import_load_file_full()'s)
 * @up_to: an offset into it
 *
 * Gives back the memory of the mapping's whole pages from @data to @up_to:
 * a large file read once, in order, would otherwise stay resident whole
 * beside the document it becomes. A page read again is read from the file
 * again. Only for a file mapping: on other memory it would lose the text.
 */
void
mer_import_release_pages (const char *data,
                          gsize       up_to)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  guintptr first = ((guintptr) data + page - 1) / page * page;
  guintptr last = ((guintptr) data + up_to) / page * page;

  if (last > first)
    madvise ((void *) first, last - first, MADV_DONTNEED);
}
