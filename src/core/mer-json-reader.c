/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "mer-json-reader"

#include "config.h"

#include "mer-json-reader.h"

#include "mer-diagnostic.h"
#include "mer-loader.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

/* Reads a JSON file with json-glib while keeping what json-glib alone cannot
 * give: the position of every value, for messages that point at it.
 *
 * Before parsing, one pass over the bytes validates UTF-8, refuses nesting
 * that would overflow json-glib's recursive parser, builds a sparse index of
 * line starts and notes which top-level members hold arrays. While parsing,
 * the parser's signals log where each value ended (json-glib reports the
 * position of the last token it consumed) and where each object and array
 * began. A message about a value scans back from its end to its start in the
 * bytes, so the log costs a few words per value and nothing is computed
 * unless a message needs it.
 *
 * In streaming mode each element of a top-level array is handed over as soon
 * as it is complete and then freed, together with its log entries, so memory
 * stays proportional to one element, not to the file. */

#define LINES_PER_CHECKPOINT 64

typedef struct {
  gconstpointer key;     /* a JsonNode for a scalar, a JsonObject or JsonArray for a container */
  guint         line;
  guint         pos;     /* 1-based byte column */
  gboolean      is_start;
} LogEntry;

typedef struct {
  guint       line;
  guint       pos;
  guint       log_mark;
  const char *array_name; /* for an array that is a top-level member's value */
  gboolean    is_object;
} Frame;

struct _MerJsonReader
{
  /* Owned */
  char        *display_name;
  GMappedFile *mapped;
  GArray      *checkpoints;   /* gsize: offset of line 1, 65, 129, … */
  GPtrArray   *array_names;   /* top-level members with array values, in order */
  GArray      *frames;
  GArray      *log;
  JsonParser  *parser;

  /* Borrowed */
  GPtrArray          *diagnostics;
  const char         *data;
  gsize               length;
  MerJsonMemberFunc   member_func;
  MerJsonElementFunc  element_func;
  gpointer            user_data;

  MerJsonProgressFunc progress_func;
  gpointer            progress_data;
  GCancellable       *cancellable;
  guint               n_lines;

  guint        next_array_name;
  guint        n_errors;
  gsize        dropped;        /* bytes of the mapping already given back */
  guint        since_drop;
};

MerJsonReader *
mer_json_reader_new (const char *display_name,
                     GPtrArray  *diagnostics)
{
  MerJsonReader *self = g_new0 (MerJsonReader, 1);

  self->display_name = g_strdup (display_name);
  self->diagnostics = diagnostics;
  self->checkpoints = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->array_names = g_ptr_array_new_with_free_func (g_free);
  self->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  self->log = g_array_new (FALSE, FALSE, sizeof (LogEntry));

  return self;
}

void
mer_json_reader_free (MerJsonReader *self)
{
  if (self == NULL)
    return;

  g_free (self->display_name);
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_array_unref (self->checkpoints);
  g_ptr_array_unref (self->array_names);
  g_array_unref (self->frames);
  g_array_unref (self->log);
  g_clear_object (&self->parser);
  g_free (self);
}

/**
 * mer_json_reader_set_progress:
 * @progress_func: (nullable): called now and then with how far reading got
 * @cancellable: (nullable): stops the conversion of elements when cancelled
 *
 * json-glib cannot stop in the middle of a parse: once cancelled, the rest
 * of the file is only scanned, and the load fails with %G_IO_ERROR_CANCELLED.
 */
void
mer_json_reader_set_progress (MerJsonReader       *self,
                              MerJsonProgressFunc  progress_func,
                              gpointer             user_data,
                              GCancellable        *cancellable)
{
  self->progress_func = progress_func;
  self->progress_data = user_data;
  self->cancellable = cancellable;
}

gboolean
mer_json_reader_is_cancelled (MerJsonReader *self)
{
  return self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable);
}

/**
 * mer_json_reader_set_streaming:
 *
 * Hands over the top-level members and the elements of top-level arrays as
 * they are parsed (see #MerJsonMemberFunc and #MerJsonElementFunc).
 */
void
mer_json_reader_set_streaming (MerJsonReader      *self,
                               MerJsonMemberFunc   member_func,
                               MerJsonElementFunc  element_func,
                               gpointer            user_data)
{
  self->member_func = member_func;
  self->element_func = element_func;
  self->user_data = user_data;
}

const char *
mer_json_reader_get_display_name (MerJsonReader *self)
{
  return self->display_name;
}

gsize
mer_json_reader_get_size (MerJsonReader *self)
{
  return self->length;
}

guint
mer_json_reader_get_n_errors (MerJsonReader *self)
{
  return self->n_errors;
}

/* Positions */

static gsize
line_start_offset (MerJsonReader *self,
                   guint          line)
{
  guint k = (line - 1) / LINES_PER_CHECKPOINT;
  gsize offset;

  if (k >= self->checkpoints->len)
    k = self->checkpoints->len - 1;

  offset = g_array_index (self->checkpoints, gsize, k);
  for (guint l = k * LINES_PER_CHECKPOINT + 1; l < line; l++)
    {
      const char *nl = memchr (self->data + offset, '\n', self->length - offset);

      if (nl == NULL)
        break;
      offset = (gsize) (nl - self->data) + 1;
    }

  return offset;
}

static gsize
position_to_offset (MerJsonReader *self,
                    guint          line,
                    guint          pos)
{
  gsize offset = line_start_offset (self, line) + (pos > 0 ? pos - 1 : 0);

  return MIN (offset, self->length > 0 ? self->length - 1 : 0);
}

static void
offset_to_line_column (MerJsonReader *self,
                       gsize          offset,
                       guint         *line,
                       guint         *column)
{
  guint lo = 0, hi = self->checkpoints->len;
  gsize start;
  guint l;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->checkpoints, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  start = g_array_index (self->checkpoints, gsize, lo);
  l = lo * LINES_PER_CHECKPOINT + 1;
  for (;;)
    {
      const char *nl = memchr (self->data + start, '\n', offset - start);

      if (nl == NULL)
        break;
      start = (gsize) (nl - self->data) + 1;
      l++;
    }

  *line = l;
  *column = (guint) g_utf8_strlen (self->data + start, (gssize) (offset - start)) + 1;
}

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gsize
skip_space_back (MerJsonReader *self,
                 gsize          offset)
{
  while (offset > 0 && is_json_space (self->data[offset]))
    offset--;
  return offset;
}

/* @end is the closing quote of a string; returns its opening quote. A quote
 * preceded by an odd number of backslashes is escaped. */
static gsize
string_start_back (MerJsonReader *self,
                   gsize          end)
{
  gsize i = end;

  while (i > 0)
    {
      gsize n_backslashes = 0;

      i--;
      if (self->data[i] != '"')
        continue;
      while (n_backslashes < i && self->data[i - 1 - n_backslashes] == '\\')
        n_backslashes++;
      if (n_backslashes % 2 == 0)
        return i;
    }

  return 0;
}

/* From the position json-glib logged for a scalar (its last character, or the
 * comma after it), finds the scalar's first and last bytes. */
static void
scalar_extent (MerJsonReader *self,
               const LogEntry *entry,
               gsize         *first,
               gsize         *last)
{
  gsize offset = position_to_offset (self, entry->line, entry->pos);

  if (self->data[offset] == ',')
    offset = skip_space_back (self, offset - 1);

  *last = offset;
  if (self->data[offset] == '"')
    {
      *first = string_start_back (self, offset);
      return;
    }

  while (offset > 0 && !is_json_space (self->data[offset - 1]) &&
         strchr (",:[{", self->data[offset - 1]) == NULL)
    offset--;
  *first = offset;
}

static const LogEntry *
find_entry (MerJsonReader *self,
            gconstpointer  key)
{
  for (guint i = self->log->len; i > 0; i--)
    {
      const LogEntry *entry = &g_array_index (self->log, LogEntry, i - 1);

      if (entry->key == key)
        return entry;
    }

  return NULL;
}

static gboolean
node_start_offset (MerJsonReader *self,
                   JsonNode      *node,
                   gsize         *offset)
{
  const LogEntry *entry = NULL;
  gsize last;

  if (node == NULL || self->data == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_OBJECT (node))
    entry = find_entry (self, json_node_get_object (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    entry = find_entry (self, json_node_get_array (node));

  if (entry != NULL)
    {
      *offset = position_to_offset (self, entry->line, entry->pos);
      return TRUE;
    }

  entry = find_entry (self, node);
  if (entry == NULL)
    return FALSE;

  scalar_extent (self, entry, offset, &last);
  return TRUE;
}

/**
 * mer_json_reader_get_line:
 *
 * Returns: the line where @node starts, or 0 if it is not known
 */
guint
mer_json_reader_get_line (MerJsonReader *self,
                          JsonNode      *node)
{
  const LogEntry *entry = NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    entry = find_entry (self, json_node_get_object (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    entry = find_entry (self, json_node_get_array (node));
  else
    {
      gsize offset;
      guint line, column;

      if (!node_start_offset (self, node, &offset))
        return 0;
      offset_to_line_column (self, offset, &line, &column);
      return line;
    }

  return entry != NULL ? entry->line : 0;
}

/**
 * mer_json_reader_dup_text:
 *
 * Returns: (transfer full) (nullable): the source text of the scalar @node,
 *   as the user wrote it ("1e400", not "inf")
 */
char *
mer_json_reader_dup_text (MerJsonReader *self,
                          JsonNode      *node)
{
  const LogEntry *entry;
  gsize first, last;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return NULL;

  entry = find_entry (self, node);
  if (entry == NULL)
    return NULL;

  scalar_extent (self, entry, &first, &last);
  return g_strndup (self->data + first, last - first + 1);
}

/* Diagnostics */

static void
add_diagnostic (MerJsonReader *self,
                MerSeverity    severity,
                gboolean       have_offset,
                gsize          offset,
                const char    *path,
                const char    *message)
{
  guint line = 0, column = 0;

  if (severity == MER_SEVERITY_ERROR)
    {
      self->n_errors++;
      if (self->n_errors == MER_JSON_MAX_ERRORS + 1)
        {
          g_ptr_array_add (self->diagnostics,
                           mer_diagnostic_new (MER_SEVERITY_ERROR, self->display_name, 0, 0, NULL,
                                               "too many errors; the rest are not shown"));
          return;
        }
      if (self->n_errors > MER_JSON_MAX_ERRORS)
        return;
    }
  else if (self->n_errors > MER_JSON_MAX_ERRORS)
    return;

  if (have_offset)
    offset_to_line_column (self, offset, &line, &column);

  g_ptr_array_add (self->diagnostics,
                   mer_diagnostic_new (severity, self->display_name, line, column, path, message));
}

static void
add_node_diagnostic (MerJsonReader *self,
                     MerSeverity    severity,
                     JsonNode      *node,
                     const char    *path,
                     const char    *message)
{
  gsize offset = 0;
  gboolean have_offset = node_start_offset (self, node, &offset);

  add_diagnostic (self, severity, have_offset, offset, path, message);
}

/**
 * mer_json_reader_locate:
 * @line: (out): the line where @node starts
 * @column: (out): the column, in characters
 *
 * Returns: whether the position of @node is known
 */
gboolean
mer_json_reader_locate (MerJsonReader *self,
                        JsonNode      *node,
                        guint         *line,
                        guint         *column)
{
  gsize offset;

  if (!node_start_offset (self, node, &offset))
    return FALSE;

  offset_to_line_column (self, offset, line, column);
  return TRUE;
}

/**
 * mer_json_reader_error_at:
 *
 * Records an error at a position found earlier with mer_json_reader_locate(),
 * for problems that can only be told once the whole file has been read.
 */
void
mer_json_reader_error_at (MerJsonReader *self,
                          guint          line,
                          guint          column,
                          const char    *path,
                          const char    *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  self->n_errors++;
  if (self->n_errors > MER_JSON_MAX_ERRORS)
    return;

  g_ptr_array_add (self->diagnostics,
                   mer_diagnostic_new (MER_SEVERITY_ERROR, self->display_name, line, column, path, message));
}

/**
 * mer_json_reader_error:
 * @node: (nullable): the value at fault; the message points at its start
 * @path: (nullable): where it is in the document
 */
void
mer_json_reader_error (MerJsonReader *self,
                       JsonNode      *node,
                       const char    *path,
                       const char    *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_node_diagnostic (self, MER_SEVERITY_ERROR, node, path, message);
}

void
mer_json_reader_warning (MerJsonReader *self,
                         JsonNode      *node,
                         const char    *path,
                         const char    *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_node_diagnostic (self, MER_SEVERITY_WARNING, node, path, message);
}

/**
 * mer_json_reader_member_warning:
 * @value: the value of an object member; the message points at the member's name
 */
void
mer_json_reader_member_warning (MerJsonReader *self,
                                JsonNode      *value,
                                const char    *path,
                                const char    *format,
                                ...)
{
  g_autofree char *message = NULL;
  gsize offset = 0;
  gboolean have_offset;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  have_offset = node_start_offset (self, value, &offset);
  if (have_offset && offset > 0)
    {
      gsize colon = skip_space_back (self, offset - 1);

      if (self->data[colon] == ':' && colon > 0)
        {
          gsize name_end = skip_space_back (self, colon - 1);

          if (self->data[name_end] == '"')
            offset = string_start_back (self, name_end);
        }
    }

  add_diagnostic (self, MER_SEVERITY_WARNING, have_offset, offset, path, message);
}

/* Reading */

static gboolean
fail_file (MerJsonReader *self,
           GError       **error,
           int            code,
           const char    *message)
{
  add_diagnostic (self, MER_SEVERITY_ERROR, FALSE, 0, NULL, message);
  g_set_error_literal (error, MER_LOADER_ERROR, code, message);
  return FALSE;
}

static gboolean
fail_at (MerJsonReader *self,
         GError       **error,
         gsize          offset,
         const char    *message)
{
  add_diagnostic (self, MER_SEVERITY_ERROR, TRUE, offset, NULL, message);
  g_set_error (error, MER_LOADER_ERROR, MER_LOADER_ERROR_INVALID, "%s", message);
  return FALSE;
}

/* From the opening quote of a string, returns the offset of its closing
 * quote (or the end). memchr finds candidate quotes fast; a quote preceded by
 * an odd number of backslashes is escaped. A raw newline is not valid JSON
 * and json-glib says so; the string is taken to end there, so that the line
 * index still counts it. */
static gsize
skip_string (MerJsonReader *self,
             gsize          i,
             gboolean      *has_escape)
{
  const char *data = self->data;
  gsize n = self->length;
  gsize start = i + 1;

  for (gsize from = start; from < n;)
    {
      const char *quote = memchr (data + from, '"', n - from);
      gsize q = quote != NULL ? (gsize) (quote - data) : n;
      const char *newline = memchr (data + from, '\n', q - from);
      gsize n_backslashes = 0;

      if (newline != NULL)
        return (gsize) (newline - data) - 1;
      if (quote == NULL)
        return n;

      while (q - n_backslashes > start && data[q - 1 - n_backslashes] == '\\')
        n_backslashes++;
      if (n_backslashes > 0 || memchr (data + from, '\\', q - from) != NULL)
        *has_escape = TRUE;
      if (n_backslashes % 2 == 0)
        return q;
      from = q + 1;
    }

  return n;
}

typedef enum {
  ROOT_EXPECT_KEY,
  ROOT_EXPECT_COLON,
  ROOT_EXPECT_VALUE,
  ROOT_IN_VALUE,
} RootState;

static gboolean
prescan (MerJsonReader *self,
         GError       **error)
{
  const char *data = self->data;
  gsize n = self->length;
  guint depth = 0;
  guint line = 1;
  gboolean root_is_object = FALSE;
  RootState state = ROOT_EXPECT_KEY;
  gsize key_start = 0, key_end = 0;
  gboolean key_has_escape = FALSE;
  gsize zero = 0;

  g_array_append_val (self->checkpoints, zero);

  for (gsize i = 0; i < n; i++)
    {
      char c = data[i];

      switch (c)
        {
        case '\n':
          line++;
          if ((line - 1) % LINES_PER_CHECKPOINT == 0)
            {
              gsize next = i + 1;
              g_array_append_val (self->checkpoints, next);
            }
          break;

        case '"':
          {
            gboolean has_escape = FALSE;
            gsize end = skip_string (self, i, &has_escape);

            if (depth == 1 && root_is_object && state == ROOT_EXPECT_KEY)
              {
                key_start = i + 1;
                key_end = end;
                key_has_escape = has_escape;
                state = ROOT_EXPECT_COLON;
              }
            else if (depth == 1 && state == ROOT_EXPECT_VALUE)
              state = ROOT_IN_VALUE;
            i = end;
          }
          break;

        case ':':
          if (depth == 1 && state == ROOT_EXPECT_COLON)
            state = ROOT_EXPECT_VALUE;
          break;

        case ',':
          if (depth == 1)
            state = ROOT_EXPECT_KEY;
          break;

        case '{':
        case '[':
          if (depth == 0)
            root_is_object = c == '{';
          else if (depth == 1 && root_is_object && state == ROOT_EXPECT_VALUE)
            {
              if (c == '[')
                g_ptr_array_add (self->array_names,
                                 key_has_escape ? NULL : g_strndup (data + key_start, key_end - key_start));
              state = ROOT_IN_VALUE;
            }
          if (++depth > MER_JSON_MAX_DEPTH)
            {
              g_autofree char *message = g_strdup_printf ("nesting is deeper than %u levels", MER_JSON_MAX_DEPTH);
              return fail_at (self, error, i, message);
            }
          break;

        case '}':
        case ']':
          if (depth > 0)
            depth--;
          break;

        case ' ':
        case '\t':
        case '\r':
          break;

        default:
          if (depth == 1 && state == ROOT_EXPECT_VALUE)
            state = ROOT_IN_VALUE;
          break;
        }
    }

  self->n_lines = line;
  return TRUE;
}

/* Gives the pages of a mapped file that the parser has passed back to the
 * kernel: they are clean, so they are read again from the file if ever
 * needed, and the file's bytes never count twice against the memory the
 * model takes. */
static void
drop_consumed_pages (MerJsonReader *self,
                     guint          line)
{
  long page = sysconf (_SC_PAGESIZE);
  const char *base;
  gsize offset, end;

  if (self->mapped == NULL || page <= 0)
    return;

  /* Offsets from the start of the mapping, which is page-aligned; the data
   * may start 3 bytes later, after a byte-order mark. */
  base = g_mapped_file_get_contents (self->mapped);
  offset = (gsize) (self->data - base) + line_start_offset (self, line);
  end = (offset / (gsize) page) * (gsize) page;
  /* Keep a page of slack behind the parser for messages about recent values. */
  end = end > (gsize) page ? end - (gsize) page : 0;
  if (end <= self->dropped)
    return;

  madvise ((char *) base + self->dropped, end - self->dropped, MADV_DONTNEED);
  self->dropped = end;
}

static Frame *
top_frame (MerJsonReader *self)
{
  g_assert (self->frames->len > 0);
  return &g_array_index (self->frames, Frame, self->frames->len - 1);
}

static void
log_position (MerJsonReader *self,
              gconstpointer  key,
              guint          line,
              guint          pos,
              gboolean       is_start)
{
  LogEntry entry = { key, line, pos, is_start };

  g_array_append_val (self->log, entry);
}

static void
push_frame (MerJsonReader *self,
            gboolean       is_object)
{
  Frame frame = {
    json_parser_get_current_line (self->parser),
    json_parser_get_current_pos (self->parser),
    self->log->len,
    NULL,
    is_object,
  };

  if (!is_object && self->frames->len == 1 && g_array_index (self->frames, Frame, 0).is_object &&
      self->next_array_name < self->array_names->len)
    frame.array_name = g_ptr_array_index (self->array_names, self->next_array_name++);

  g_array_append_val (self->frames, frame);
}

static void
on_object_start (JsonParser    *parser,
                 MerJsonReader *self)
{
  push_frame (self, TRUE);
}

static void
on_array_start (JsonParser    *parser,
                MerJsonReader *self)
{
  push_frame (self, FALSE);
}

static void
on_container_end (MerJsonReader *self,
                  gconstpointer  container)
{
  Frame frame = *top_frame (self);

  g_array_set_size (self->frames, self->frames->len - 1);
  log_position (self, container, frame.line, frame.pos, TRUE);
}

static void
on_object_end (JsonParser    *parser,
               JsonObject    *object,
               MerJsonReader *self)
{
  on_container_end (self, object);
}

static void
on_array_end (JsonParser    *parser,
              JsonArray     *array,
              MerJsonReader *self)
{
  on_container_end (self, array);
}

static void
on_object_member (JsonParser    *parser,
                  JsonObject    *object,
                  const char    *name,
                  MerJsonReader *self)
{
  JsonNode *node = json_object_get_member (object, name);
  Frame *frame = top_frame (self);

  log_position (self, node,
                json_parser_get_current_line (parser),
                json_parser_get_current_pos (parser),
                FALSE);

  if (self->member_func != NULL && self->frames->len == 1)
    {
      self->member_func (self, name, node, self->user_data);
      json_object_remove_member (object, name);
      g_array_set_size (self->log, frame->log_mark);
    }
}

static void
on_array_element (JsonParser    *parser,
                  JsonArray     *array,
                  int            index,
                  MerJsonReader *self)
{
  guint length = json_array_get_length (array);
  JsonNode *node = json_array_get_element (array, length - 1);
  Frame *frame = top_frame (self);
  guint line = json_parser_get_current_line (parser);

  log_position (self, node, line, json_parser_get_current_pos (parser), FALSE);

  if (self->element_func != NULL && frame->array_name != NULL)
    {
      if (!mer_json_reader_is_cancelled (self))
        self->element_func (self, frame->array_name, (guint) index, node, self->user_data);
      json_array_remove_element (array, length - 1);
      g_array_set_size (self->log, frame->log_mark);

      if (++self->since_drop == 256)
        {
          self->since_drop = 0;
          drop_consumed_pages (self, line);
          if (self->progress_func != NULL && self->n_lines > 0)
            self->progress_func ((double) line / self->n_lines, self->progress_data);
        }
    }
}

static void
set_text (char       **text,
          const char  *value)
{
  g_free (*text);
  *text = g_strdup (value);
}

static void
report_syntax_error (MerJsonReader *self,
                     const GError  *parse_error)
{
  const char *message = parse_error->message;
  const char *marker = strstr (message, "Parse error: ");
  guint line = 0, pos = 0;
  g_autofree char *text = NULL;
  char unexpected = 0, expected = 0;

  /* json-glib writes "<data>:LINE:COLUMN: Parse error: …" */
  if (sscanf (message, "<data>:%u:%u:", &line, &pos) != 2)
    line = pos = 0;
  text = g_strdup (marker != NULL ? marker + strlen ("Parse error: ") : message);

  /* Say plainly what the common mistakes are; json-glib 1.6 even says
   * "unexpected character `}', expected character `}'" for a missing value. */
  if (g_error_matches (parse_error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_TRAILING_COMMA))
    set_text (&text, "trailing comma: nothing may follow the last comma in an object or array");
  else if (g_error_matches (parse_error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_MISSING_COMMA))
    set_text (&text, "missing comma between two members or elements");
  else if (g_error_matches (parse_error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_MISSING_COLON))
    set_text (&text, "missing colon after a member name");
  else if (sscanf (text, "unexpected character `%c', expected character `%c'", &unexpected, &expected) == 2 &&
           unexpected == expected)
    {
      g_free (text);
      text = g_strdup_printf ("unexpected character `%c', expected a value", unexpected);
    }

  add_diagnostic (self, MER_SEVERITY_ERROR, line > 0, line > 0 ? position_to_offset (self, line, pos) : 0,
                  NULL, text);
}

/* json-glib 1.6 registers its parser signals without marshallers, so every
 * emission goes through GLib's generic marshaller and libffi; with a handful
 * of signals per value that cost more than the parse itself. These
 * marshallers for the exact signatures let GLib call the one handler
 * directly. They are set once per process on json-glib's signals; they are
 * correct for any handler, so other users of JsonParser are unaffected. */
typedef void (*BoxedStringFunc) (gpointer instance, gpointer boxed, const char *text, gpointer data);
typedef void (*BoxedIntFunc) (gpointer instance, gpointer boxed, int value, gpointer data);

static void
marshal_void__boxed_string_v (GClosure *closure,
                              GValue   *return_value,
                              gpointer  instance,
                              va_list   args,
                              gpointer  marshal_data,
                              int       n_params,
                              GType    *param_types)
{
  GCClosure *cclosure = (GCClosure *) closure;
  BoxedStringFunc callback = (BoxedStringFunc) (marshal_data != NULL ? marshal_data : cclosure->callback);
  va_list copy;
  gpointer boxed;
  const char *text;

  /* The arguments live for the whole emission, so no copies are made. */
  va_copy (copy, args);
  boxed = va_arg (copy, gpointer);
  text = va_arg (copy, const char *);
  va_end (copy);

  if (G_CCLOSURE_SWAP_DATA (closure))
    callback (closure->data, boxed, text, instance);
  else
    callback (instance, boxed, text, closure->data);
}

static void
marshal_void__boxed_int_v (GClosure *closure,
                           GValue   *return_value,
                           gpointer  instance,
                           va_list   args,
                           gpointer  marshal_data,
                           int       n_params,
                           GType    *param_types)
{
  GCClosure *cclosure = (GCClosure *) closure;
  BoxedIntFunc callback = (BoxedIntFunc) (marshal_data != NULL ? marshal_data : cclosure->callback);
  va_list copy;
  gpointer boxed;
  int value;

  va_copy (copy, args);
  boxed = va_arg (copy, gpointer);
  value = va_arg (copy, int);
  va_end (copy);

  if (G_CCLOSURE_SWAP_DATA (closure))
    callback (closure->data, boxed, value, instance);
  else
    callback (instance, boxed, value, closure->data);
}

static void
marshal_void__boxed_v (GClosure *closure,
                       GValue   *return_value,
                       gpointer  instance,
                       va_list   args,
                       gpointer  marshal_data,
                       int       n_params,
                       GType    *param_types)
{
  GCClosure *cclosure = (GCClosure *) closure;
  void (*callback) (gpointer, gpointer, gpointer) =
    (void (*) (gpointer, gpointer, gpointer)) (marshal_data != NULL ? marshal_data : cclosure->callback);
  va_list copy;
  gpointer boxed;

  va_copy (copy, args);
  boxed = va_arg (copy, gpointer);
  va_end (copy);

  if (G_CCLOSURE_SWAP_DATA (closure))
    callback (closure->data, boxed, instance);
  else
    callback (instance, boxed, closure->data);
}

/* GLib also offers each marshaller to the signal's class closure, which
 * already has the generic one and says so in a warning; JsonParser's class
 * handlers are empty, so that closure never runs and the warning is noise. */
static void
drop_override_warning (const char     *domain,
                       GLogLevelFlags  level,
                       const char     *message,
                       gpointer        user_data)
{
  if (!g_str_has_prefix (message, "attempt to override closure->va_marshal"))
    g_log_default_handler (domain, level, message, user_data);
}

static void
install_marshallers (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      GType type = JSON_TYPE_PARSER;
      GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
      guint handler = g_log_set_handler ("GLib-GObject", G_LOG_LEVEL_WARNING, drop_override_warning, NULL);

      g_type_class_unref (g_type_class_ref (type));
      g_signal_set_va_marshaller (g_signal_lookup ("object-start", type), type, g_cclosure_marshal_VOID__VOIDv);
      g_signal_set_va_marshaller (g_signal_lookup ("array-start", type), type, g_cclosure_marshal_VOID__VOIDv);
      g_signal_set_va_marshaller (g_signal_lookup ("object-end", type), type, marshal_void__boxed_v);
      g_signal_set_va_marshaller (g_signal_lookup ("array-end", type), type, marshal_void__boxed_v);
      g_signal_set_va_marshaller (g_signal_lookup ("object-member", type), type, marshal_void__boxed_string_v);
      g_signal_set_va_marshaller (g_signal_lookup ("array-element", type), type, marshal_void__boxed_int_v);
      g_log_remove_handler ("GLib-GObject", handler);
      g_log_set_always_fatal (fatal);
      g_once_init_leave (&done, 1);
    }
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!is_json_space (data[i]))
      return FALSE;
  return TRUE;
}

/**
 * mer_json_reader_load_file:
 * @path: the file to read
 * @max_size: the largest file, in bytes, to accept
 *
 * Reads and parses the file. Every problem found is added to the
 * diagnostics; the error says which kind of failure it was.
 *
 * Returns: whether the file is syntactically valid JSON
 */
gboolean
mer_json_reader_load_file (MerJsonReader  *self,
                           const char     *path,
                           gsize           max_size,
                           GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf ("cannot read the file: %s", g_strerror (saved_errno));

      return fail_file (self, error, MER_LOADER_ERROR_READ, message);
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf ("cannot read the file: %s",
                                 S_ISDIR (st.st_mode) ? "it is a folder" : "it is not a regular file");
      close (fd);
      return fail_file (self, error, MER_LOADER_ERROR_READ, message);
    }

  if ((guint64) st.st_size > max_size)
    {
      g_autofree char *message = NULL;

      /* In plain digits: g_format_size() separates the unit with a
       * no-break space, which terminals and logs mangle. */
      message = g_strdup_printf ("the file is %.1f MiB; Meridian reads files of up to %.1f MiB",
                                 st.st_size / 1048576.0, max_size / 1048576.0);
      close (fd);
      return fail_file (self, error, MER_LOADER_ERROR_TOO_LARGE, message);
    }

  if (st.st_size > 0)
    {
      self->mapped = g_mapped_file_new_from_fd (fd, FALSE, &local_error);
      close (fd);
      if (self->mapped == NULL)
        {
          g_autofree char *message = g_strdup_printf ("cannot read the file: %s", local_error->message);

          return fail_file (self, error, MER_LOADER_ERROR_READ, message);
        }
      self->data = g_mapped_file_get_contents (self->mapped);
      self->length = g_mapped_file_get_length (self->mapped);
    }
  else
    {
      close (fd);
      self->data = "";
      self->length = 0;
    }

  /* json-glib skips a byte-order mark; positions must count from after it. */
  if (self->length >= 3 && memcmp (self->data, "\xEF\xBB\xBF", 3) == 0)
    {
      self->data += 3;
      self->length -= 3;
    }

  if (is_blank (self->data, self->length))
    {
      gsize zero = 0;

      g_array_append_val (self->checkpoints, zero);
      return fail_at (self, error, 0, "the file is empty");
    }

  if (!prescan (self, error))
    return FALSE;

  install_marshallers ();
  self->parser = json_parser_new ();
  g_signal_connect (self->parser, "object-start", G_CALLBACK (on_object_start), self);
  g_signal_connect (self->parser, "object-end", G_CALLBACK (on_object_end), self);
  g_signal_connect (self->parser, "object-member", G_CALLBACK (on_object_member), self);
  g_signal_connect (self->parser, "array-start", G_CALLBACK (on_array_start), self);
  g_signal_connect (self->parser, "array-end", G_CALLBACK (on_array_end), self);
  g_signal_connect (self->parser, "array-element", G_CALLBACK (on_array_element), self);

  if (!json_parser_load_from_data (self->parser, self->data, (gssize) self->length, &local_error))
    {
      /* json-glib checks the encoding first but does not say where it fails. */
      if (g_error_matches (local_error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA))
        {
          const char *end = NULL;
          const char *nul = memchr (self->data, '\0', self->length);

          g_utf8_validate_len (self->data, self->length, &end);
          if (nul != NULL && nul < end)
            end = nul;
          return fail_at (self, error, (gsize) (end - self->data), "the file is not valid UTF-8 text");
        }

      report_syntax_error (self, local_error);
      g_set_error_literal (error, MER_LOADER_ERROR, MER_LOADER_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * mer_json_reader_get_root:
 *
 * Returns: (transfer none) (nullable): the parsed document; in streaming mode,
 *   the top-level object has no members left
 */
JsonNode *
mer_json_reader_get_root (MerJsonReader *self)
{
  return self->parser != NULL ? json_parser_get_root (self->parser) : NULL;
}
