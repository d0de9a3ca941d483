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
 * give: strict RFC 8259 syntax, Meridian's own messages, and the position of
 * every value.
 *
 * One pass of our own over the bytes checks the whole grammar and UTF-8, so
 * every syntax error is found and positioned here, in words that do not
 * depend on the locale. The same pass builds a sparse index of line starts
 * and notes the byte extent of each top-level member's value and of each
 * element of a top-level array. Each such slice's tree of json-glib nodes is
 * then built alone, without a second check of what the scan checked, and
 * handed over in file order.
 *
 * Positions cost nothing until a message needs one: the reader knows which
 * slice a node came from, and walks the slice's bytes along the node's path
 * from the slice root (array elements by index, object members by name). */

#define LINES_PER_CHECKPOINT 64

/* The scan checks for cancellation and reports progress this often. */
#define SCAN_STEP ((gsize) 4 * 1024 * 1024)

/* The scan's share of the progress reported; parsing and handing over
 * take the rest. */
#define SCAN_SHARE 0.1

/* Slices are built on the calling thread, one at a time: each tree is
 * converted and freed while it is in the caches. Built on worker threads a
 * window ahead, the same load took 1.2–1.5× the processor time (the trees
 * crossed between cores to be converted and back to be freed), and on a
 * machine whose cores were busy with other work its wall time was no
 * shorter. Progress is reported, and pages given back, this often. */
#define PROGRESS_BYTES ((gsize) 16 * 1024)

/* Pages are given back this far behind the furthest reader. */
#define FAULT_AROUND_SLACK ((gsize) 256 * 1024)

/* The lazy array's pages are given back this many bytes at a time. */
#define LAZY_DROP_STEP ((gsize) 1024 * 1024)

#define NO_ELEMENT G_MAXUINT

typedef struct {
  guint32 start;
  guint32 end;   /* one past the last byte */
} Extent;

typedef struct {
  char    *name;
  Extent   value;
  guint    first_element;
  guint    n_elements;
  gboolean is_array;
  gboolean is_lazy;    /* the lazy array, its elements only bounded, to be checked one by one */
} Member;

/* An element of the lazy array, built and handed out until it is forgotten. */
typedef struct {
  JsonNode *node;
  gsize     start;
} LiveElement;

typedef struct {
  guint     member;
  guint     element;   /* NO_ELEMENT: the member's own value */
  JsonNode *node;
} Job;

/* Where the last walk went through an array, so that the next walk to a
 * later element of the same array starts there, not at the array's start. */
typedef struct {
  JsonArray *array;
  guint      index;
  gsize      offset;
} WalkMark;

struct _MerJsonReader
{
  /* Owned */
  char        *display_name;
  GMappedFile *mapped;
  GArray      *checkpoints;   /* gsize: offset of line 1, 65, 129, … */
  /* The last line found, to go on from: the loader asks in file order, and
   * a file written on one line must not be scanned from its start each time. */
  gsize        line_cache_offset;
  gsize        line_cache_start;
  guint        line_cache_line;
  GArray      *members;       /* Member, the top-level object's, in file order */
  GArray      *elements;      /* Extent, of the elements of top-level arrays */
  JsonNode    *root;
  GArray      *marks;         /* WalkMark, one per array depth of the last walk */
  char        *lazy_name;     /* the top-level array whose elements wait to be asked for */
  int          lazy_member;   /* its index in members, or -1 */
  GArray      *live;          /* LiveElement */
  GString     *scratch;

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

  /* The slice being handed over, and the root's */
  JsonNode *slice_root;
  gsize     slice_start;
  gsize     root_start;
  gsize     root_end;
  JsonNode *marks_root;       /* the slice root the marks belong to */

  guint    n_errors;
  gsize    dropped;           /* bytes of the mapping already given back */

  /* While an element of the lazy array is checked, a syntax error is the
   * caller's to report, not a diagnostic. */
  gboolean quiet;
  gsize    fail_offset;
  gboolean big_integers;      /* integers beyond 64 bits are read as doubles */
  gboolean skim;              /* the lazy array is only bounded by the scan */
};

static void
member_clear (gpointer data)
{
  Member *member = data;

  g_free (member->name);
}

MerJsonReader *
mer_json_reader_new (const char *display_name,
                     GPtrArray  *diagnostics)
{
  MerJsonReader *self = g_new0 (MerJsonReader, 1);

  self->display_name = g_strdup (display_name);
  self->diagnostics = diagnostics;
  self->checkpoints = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->members = g_array_new (FALSE, FALSE, sizeof (Member));
  g_array_set_clear_func (self->members, member_clear);
  self->elements = g_array_new (FALSE, FALSE, sizeof (Extent));
  self->marks = g_array_new (FALSE, FALSE, sizeof (WalkMark));
  self->lazy_member = -1;
  self->live = g_array_new (FALSE, FALSE, sizeof (LiveElement));

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
  g_array_unref (self->members);
  g_array_unref (self->elements);
  g_array_unref (self->marks);
  for (guint i = 0; i < self->live->len; i++)
    json_node_unref (g_array_index (self->live, LiveElement, i).node);
  g_array_unref (self->live);
  g_free (self->lazy_name);
  if (self->scratch != NULL)
    g_string_free (self->scratch, TRUE);
  g_clear_pointer (&self->root, json_node_unref);
  g_free (self);
}

/**
 * mer_json_reader_set_progress:
 * @progress_func: (nullable): called now and then, from the thread that
 *   calls mer_json_reader_load_file(), with how far reading got
 * @cancellable: (nullable): stops the load when cancelled; it is checked
 *   every few megabytes while scanning and before each slice is handed over
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
 * Hands over the top-level members and the elements of top-level arrays one
 * at a time, in file order (see #MerJsonMemberFunc and #MerJsonElementFunc).
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

/* The line holding @offset, and the offset where that line starts. */
static guint
offset_to_line_start (MerJsonReader *self,
                      gsize          offset,
                      gsize         *line_start)
{
  guint lo = 0, hi = self->checkpoints->len;
  gsize start, from;
  guint l;

  g_assert (hi > 0);
  offset = MIN (offset, self->length);
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
  from = start;
  /* Going on from the last offset found, not from its line's start: in a
   * file written on one line, that start is the file's. */
  if (self->line_cache_line > 0 && self->line_cache_start >= start && self->line_cache_offset <= offset)
    {
      start = self->line_cache_start;
      from = self->line_cache_offset;
      l = self->line_cache_line;
    }
  for (;;)
    {
      const char *nl = memchr (self->data + from, '\n', offset - from);

      if (nl == NULL)
        break;
      start = from = (gsize) (nl - self->data) + 1;
      l++;
    }

  self->line_cache_offset = offset;
  self->line_cache_start = start;
  self->line_cache_line = l;
  *line_start = start;
  return l;
}

static void
offset_to_line_column (MerJsonReader *self,
                       gsize          offset,
                       guint         *line,
                       guint         *column)
{
  gsize start;

  offset = MIN (offset, self->length);
  *line = offset_to_line_start (self, offset, &start);
  /* The bytes before a position are valid UTF-8: the scan stops at the
   * first byte that is not. */
  *column = (guint) g_utf8_strlen (self->data + start, (gssize) (offset - start)) + 1;
}

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gsize
skip_space (MerJsonReader *self,
            gsize          offset)
{
  while (offset < self->length && is_json_space (self->data[offset]))
    offset++;
  return offset;
}

static gsize
skip_space_back (MerJsonReader *self,
                 gsize          offset)
{
  while (offset > 0 && is_json_space (self->data[offset]))
    offset--;
  return offset;
}

/* The helpers below walk bytes the scan has already validated. */

/* From the opening quote of a string, returns the offset after its closing
 * quote. A quote preceded by an odd number of backslashes is escaped. */
static gsize
skip_string (MerJsonReader *self,
             gsize          i)
{
  const char *data = self->data;
  gsize from = i + 1;

  for (;;)
    {
      const char *quote = memchr (data + from, '"', self->length - from);
      gsize q, n_backslashes = 0;

      if (quote == NULL)
        return self->length;
      q = (gsize) (quote - data);
      while (data[q - 1 - n_backslashes] == '\\')
        n_backslashes++;
      if (n_backslashes % 2 == 0)
        return q + 1;
      from = q + 1;
    }
}

/* @end is the closing quote of a string; returns its opening quote. */
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

/* From the first byte of a value, returns the offset after it. */
static gsize
skip_value (MerJsonReader *self,
            gsize          i)
{
  const char *data = self->data;
  gsize depth = 0;

  if (i >= self->length)
    return self->length;

  if (data[i] == '"')
    return skip_string (self, i);

  if (data[i] != '{' && data[i] != '[')
    {
      while (i < self->length && !is_json_space (data[i]) && strchr (",:]}", data[i]) == NULL)
        i++;
      return i;
    }

  while (i < self->length)
    {
      switch (data[i])
        {
        case '"':
          i = skip_string (self, i);
          continue;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            return i + 1;
          break;
        default:
          break;
        }
      i++;
    }

  return self->length;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gunichar
read_hex4 (const char *p)
{
  gunichar value = 0;

  for (guint k = 0; k < 4; k++)
    value = value << 4 | (gunichar) hex_value (p[k]);
  return value;
}

/* Appends what the validated escape at @backslash stands for to @s, and
 * returns the byte after the escape. */
static const char *
append_escape (GString    *s,
               const char *backslash)
{
  const char *p = backslash;
  gunichar c;

  switch (p[1])
    {
    case 'b': g_string_append_c (s, '\b'); return p + 2;
    case 'f': g_string_append_c (s, '\f'); return p + 2;
    case 'n': g_string_append_c (s, '\n'); return p + 2;
    case 'r': g_string_append_c (s, '\r'); return p + 2;
    case 't': g_string_append_c (s, '\t'); return p + 2;
    case 'u': break;
    default: g_string_append_c (s, p[1]); return p + 2;
    }

  c = read_hex4 (p + 2);
  p += 6;
  if (c >= 0xD800 && c < 0xDC00)
    {
      c = 0x10000 + ((c - 0xD800) << 10) + (read_hex4 (p + 2) - 0xDC00);
      p += 6;
    }
  g_string_append_unichar (s, c);
  return p;
}

/* Appends the validated string text from @p to @stop, unescaped, to @s. */
static void
append_unescaped (GString    *s,
                  const char *p,
                  const char *stop)
{
  while (p < stop)
    {
      const char *backslash = memchr (p, '\\', (gsize) (stop - p));

      if (backslash == NULL)
        {
          g_string_append_len (s, p, stop - p);
          return;
        }
      g_string_append_len (s, p, backslash - p);
      p = append_escape (s, backslash);
    }
}

/* Decodes the validated string whose opening quote is at @start. */
static char *
decode_string (MerJsonReader *self,
               gsize          start)
{
  gsize end = skip_string (self, start) - 1;
  const char *p = self->data + start + 1;
  const char *stop = self->data + end;
  GString *s;

  if (memchr (p, '\\', (gsize) (stop - p)) == NULL)
    return g_strndup (p, (gsize) (stop - p));

  s = g_string_sized_new ((gsize) (stop - p));
  append_unescaped (s, p, stop);
  return g_string_free (s, FALSE);
}

/* One step from a node up to its container: which element or member it is. */
typedef struct {
  JsonNode   *container;
  guint       index;
  const char *name;
} Step;

static gboolean
find_step (JsonNode *node,
           JsonNode *parent,
           Step     *step)
{
  step->container = parent;
  step->name = NULL;

  if (JSON_NODE_HOLDS_ARRAY (parent))
    {
      JsonArray *array = json_node_get_array (parent);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        if (json_array_get_element (array, i) == node)
          {
            step->index = i;
            return TRUE;
          }
    }
  else if (JSON_NODE_HOLDS_OBJECT (parent))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (parent));
      while (json_object_iter_next (&iter, &name, &member))
        if (member == node)
          {
            step->name = name;
            return TRUE;
          }
    }

  return FALSE;
}

/* From the first byte of an object, finds the value of the member @name.
 * A name given twice is found where it is first given. */
static gboolean
walk_member (MerJsonReader *self,
             gsize         *offset,
             const char    *name)
{
  gsize i = *offset + 1;
  gsize name_length = strlen (name);

  for (;;)
    {
      gsize key = skip_space (self, i);
      gsize key_end;
      gboolean match;

      if (key >= self->length || self->data[key] != '"')
        return FALSE;
      key_end = skip_string (self, key);
      if (memchr (self->data + key, '\\', key_end - key) == NULL)
        match = key_end - key - 2 == name_length && memcmp (self->data + key + 1, name, name_length) == 0;
      else
        {
          g_autofree char *decoded = decode_string (self, key);
          match = g_str_equal (decoded, name);
        }

      i = skip_space (self, key_end) + 1;    /* past the colon */
      i = skip_space (self, i);
      if (match)
        {
          *offset = i;
          return TRUE;
        }
      i = skip_space (self, skip_value (self, i));
      if (i >= self->length || self->data[i] != ',')
        return FALSE;
      i++;
    }
}

static gboolean
walk_element (MerJsonReader *self,
              gsize         *offset,
              JsonArray     *array,
              guint          depth,
              guint          index)
{
  gsize i = skip_space (self, *offset + 1);
  guint k = 0;
  WalkMark *mark = depth < self->marks->len ? &g_array_index (self->marks, WalkMark, depth) : NULL;

  if (mark != NULL && mark->array == array && mark->index <= index)
    {
      k = mark->index;
      i = mark->offset;
    }

  while (k < index)
    {
      i = skip_space (self, skip_value (self, i));
      if (i >= self->length || self->data[i] != ',')
        return FALSE;
      i = skip_space (self, i + 1);
      k++;
    }

  g_array_set_size (self->marks, depth + 1);
  mark = &g_array_index (self->marks, WalkMark, depth);
  mark->array = array;
  mark->index = index;
  mark->offset = i;
  *offset = i;
  return TRUE;
}

static gboolean
node_start_offset (MerJsonReader *self,
                   JsonNode      *node,
                   gsize         *offset)
{
  g_autoptr(GArray) steps = NULL;
  JsonNode *top = node;
  gsize i;
  guint array_depth = 0;

  if (node == NULL || self->data == NULL)
    return FALSE;

  steps = g_array_new (FALSE, FALSE, sizeof (Step));
  while (json_node_get_parent (top) != NULL)
    {
      JsonNode *parent = json_node_get_parent (top);
      Step step;

      if (!find_step (top, parent, &step))
        return FALSE;
      g_array_append_val (steps, step);
      top = parent;
    }

  if (top == self->slice_root && top != NULL)
    i = self->slice_start;
  else if (top == self->root && top != NULL)
    i = self->root_start;
  else
    {
      guint l;

      for (l = 0; l < self->live->len; l++)
        if (g_array_index (self->live, LiveElement, l).node == top)
          break;
      if (l == self->live->len)
        return FALSE;
      i = g_array_index (self->live, LiveElement, l).start;
    }

  if (self->marks_root != top)
    {
      g_array_set_size (self->marks, 0);
      self->marks_root = top;
    }

  for (guint s = steps->len; s > 0; s--)
    {
      const Step *step = &g_array_index (steps, Step, s - 1);
      gboolean found;

      if (step->name != NULL)
        found = self->data[i] == '{' && walk_member (self, &i, step->name);
      else
        found = self->data[i] == '[' &&
                walk_element (self, &i, json_node_get_array (step->container), array_depth++, step->index);

      /* Not where the tree says: a member name given twice, whose first
       * value is not the kept one. Point at the container. */
      if (!found)
        break;
    }

  *offset = i;
  return TRUE;
}

static guint
offset_to_line (MerJsonReader *self,
                gsize          offset)
{
  gsize start;

  return offset_to_line_start (self, MIN (offset, self->length), &start);
}

/**
 * mer_json_reader_get_line:
 * @node: a node handed over by the reader, or one inside it
 *
 * Returns: the line where @node starts, or 0 if it is not known
 */
guint
mer_json_reader_get_line (MerJsonReader *self,
                          JsonNode      *node)
{
  gsize offset;

  if (!node_start_offset (self, node, &offset))
    return 0;
  return offset_to_line (self, offset);
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
  gsize start;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return NULL;
  if (!node_start_offset (self, node, &start))
    return NULL;

  return g_strndup (self->data + start, skip_value (self, start) - start);
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
 * @column: (out): the column, in characters, counting from 1
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
  if (self->quiet)
    self->fail_offset = offset;
  else
    add_diagnostic (self, MER_SEVERITY_ERROR, TRUE, offset, NULL, message);
  g_set_error (error, MER_LOADER_ERROR, MER_LOADER_ERROR_INVALID, "%s", message);
  return FALSE;
}

static gboolean
fail_cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
  return FALSE;
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail_syntax (MerJsonReader *self,
             GError       **error,
             gsize          offset,
             const char    *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return fail_at (self, error, offset, message);
}

/* Gives the pages of the mapped file before @offset back to the kernel: they
 * are clean, so they are read again from the file if ever needed, and the
 * file's bytes never count twice against the memory the model takes. */
static void
drop_pages_before (MerJsonReader *self,
                   gsize          offset)
{
  long page = sysconf (_SC_PAGESIZE);
  const char *base;
  gsize end;

  if (self->mapped == NULL || page <= 0)
    return;

  /* A page fault maps the cached pages round the faulting one too (64 KiB
   * by default on Linux), so dropping right behind the readers would see
   * the pages mapped again, for good, by the next fault nearby. */
  if (offset <= FAULT_AROUND_SLACK)
    return;
  offset -= FAULT_AROUND_SLACK;

  /* Offsets from the start of the mapping, which is page-aligned; the data
   * may start 3 bytes later, after a byte-order mark. */
  base = g_mapped_file_get_contents (self->mapped);
  end = (((gsize) (self->data - base) + offset) / (gsize) page) * (gsize) page;
  if (end <= self->dropped)
    return;

  madvise ((char *) base + self->dropped, end - self->dropped, MADV_DONTNEED);
  self->dropped = end;
}

static void
report_progress (MerJsonReader *self,
                 double         fraction)
{
  if (self->progress_func != NULL)
    self->progress_func (fraction, self->progress_data);
}

/* The scan */

typedef enum {
  EXPECT_VALUE,          /* the root, or after a colon */
  EXPECT_FIRST_ELEMENT,  /* after [ */
  EXPECT_ELEMENT,        /* after a comma in an array */
  EXPECT_FIRST_KEY,      /* after { */
  EXPECT_KEY,            /* after a comma in an object */
  EXPECT_COLON,
  EXPECT_COMMA,          /* after a value in a container */
  EXPECT_END,            /* after the root */
} ScanState;

/* Returns the length of the UTF-8 sequence at @i, or 0 if it is not a
 * well-formed one (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF). */
static guint
utf8_sequence_length (const guchar *p,
                      gsize         available)
{
  guchar c = p[0];
  guchar lo = 0x80, hi = 0xBF;
  guint n;

  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    {
      n = 3;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
    }
  else if (c >= 0xF0 && c <= 0xF4)
    {
      n = 4;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
    }
  else
    return 0;

  if (available < n || p[1] < lo || p[1] > hi)
    return 0;
  for (guint k = 2; k < n; k++)
    if (p[k] < 0x80 || p[k] > 0xBF)
      return 0;
  return n;
}

/* Says which character is at @i, for a message: `x' for printable ASCII,
 * U+XXXX otherwise. Returns FALSE if the bytes there are not UTF-8. */
static gboolean
describe_char (MerJsonReader *self,
               gsize          i,
               char          *buffer,
               gsize          size)
{
  guchar c = (guchar) self->data[i];

  if (c >= 0x20 && c < 0x7F)
    g_snprintf (buffer, size, "`%c'", c);
  else if (c < 0x80)
    g_snprintf (buffer, size, "U+%04X", c);
  else if (utf8_sequence_length ((const guchar *) self->data + i, self->length - i) == 0)
    return FALSE;
  else
    g_snprintf (buffer, size, "U+%04X", g_utf8_get_char (self->data + i));
  return TRUE;
}

static gboolean
fail_utf8 (MerJsonReader *self,
           GError       **error,
           gsize          i)
{
  return fail_at (self, error, i, "the file is not valid UTF-8 text");
}

static gboolean
fail_unexpected (MerJsonReader *self,
                 GError       **error,
                 gsize          i,
                 const char    *expected)
{
  char what[16];

  if (!describe_char (self, i, what, sizeof what))
    return fail_utf8 (self, error, i);
  if (self->data[i] == '/')
    return fail_syntax (self, error, i, "comments are not allowed in JSON");
  if (self->data[i] == '\'')
    return fail_syntax (self, error, i, "strings must be in double quotes, not single quotes");
  return fail_syntax (self, error, i, "unexpected character %s, expected %s", what, expected);
}

/* Checks the string whose opening quote is at @i; returns the offset after
 * its closing quote, or 0 after an error. */
static gsize
scan_string (MerJsonReader *self,
             gsize          i,
             GError       **error)
{
  const guchar *p = (const guchar *) self->data;
  gsize n = self->length;
  gsize start = i;

  i++;
  for (;;)
    {
      guchar c;

      /* The common case: printable ASCII. */
      while (i < n && p[i] >= 0x20 && p[i] < 0x80 && p[i] != '"' && p[i] != '\\')
        i++;
      if (i >= n)
        {
          fail_syntax (self, error, start, "the string is not closed: it needs a `\"' at its end");
          return 0;
        }

      c = p[i];
      if (c == '"')
        return i + 1;

      if (c >= 0x80)
        {
          guint length = utf8_sequence_length (p + i, n - i);

          if (length == 0)
            {
              fail_utf8 (self, error, i);
              return 0;
            }
          i += length;
          continue;
        }

      if (c < 0x20)
        {
          if (c == '\n' || c == '\r')
            fail_syntax (self, error, i, "line break inside a string: close the string, or write \\n");
          else
            fail_syntax (self, error, i, "control character U+%04X inside a string must be escaped (\\u%04X)",
                         c, c);
          return 0;
        }

      /* A backslash. */
      if (i + 1 >= n)
        {
          fail_syntax (self, error, start, "the string is not closed: it needs a `\"' at its end");
          return 0;
        }
      switch (p[i + 1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          i += 2;
          continue;
        case 'u':
          break;
        default:
          {
            char what[16];

            if (p[i + 1] >= 0x20 && p[i + 1] < 0x7F)
              fail_syntax (self, error, i, "invalid escape `\\%c' in a string "
                           "(JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)", p[i + 1]);
            else if (!describe_char (self, i + 1, what, sizeof what))
              fail_utf8 (self, error, i + 1);
            else
              fail_syntax (self, error, i, "invalid escape: a backslash followed by %s", what);
            return 0;
          }
        }

      {
        gunichar unit;

        for (guint k = 2; k < 6; k++)
          if (i + k >= n || hex_value ((char) p[i + k]) < 0)
            {
              fail_syntax (self, error, i, "invalid escape: \\u needs 4 hexadecimal digits");
              return 0;
            }
        unit = read_hex4 ((const char *) p + i + 2);

        if (unit >= 0xDC00 && unit < 0xE000)
          {
            fail_syntax (self, error, i, "invalid escape: \\u%04X is the second half of a surrogate pair "
                         "without its first", unit);
            return 0;
          }
        if (unit >= 0xD800 && unit < 0xDC00)
          {
            gboolean paired = i + 11 < n && p[i + 6] == '\\' && p[i + 7] == 'u';

            for (guint k = 8; paired && k < 12; k++)
              paired = hex_value ((char) p[i + k]) >= 0;
            if (paired)
              {
                gunichar low = read_hex4 ((const char *) p + i + 8);
                paired = low >= 0xDC00 && low < 0xE000;
              }
            if (!paired)
              {
                fail_syntax (self, error, i, "invalid escape: \\u%04X is the first half of a surrogate pair "
                             "without its second", unit);
                return 0;
              }
            i += 6;
          }
        i += 6;
      }
    }
}

/* A token for a message, shortened if long. Tokens are ASCII. */
static char *
dup_token (const char *token,
           gsize       length)
{
  if (length <= 32)
    return g_strndup (token, length);
  return g_strdup_printf ("%.*s…", 31, token);
}

/* Checks the number or word at @i; returns the offset after it, or 0 after
 * an error. Anything that looks like part of the token is taken into it, so
 * that "0x1F" or "2." is reported whole. */
static gsize
scan_token (MerJsonReader *self,
            gsize          i,
            GError       **error)
{
  const char *p = self->data;
  gsize n = self->length;
  gsize start = i, end = i, k;
  g_autofree char *token = NULL;
  const char *reason = NULL;

  while (end < n && (g_ascii_isalnum (p[end]) || p[end] == '.' || p[end] == '+' || p[end] == '-' || p[end] == '_'))
    end++;

  if (g_ascii_isalpha (p[start]))
    {
      gsize length = end - start;

      if ((length == 4 && memcmp (p + start, "true", 4) == 0) ||
          (length == 5 && memcmp (p + start, "false", 5) == 0) ||
          (length == 4 && memcmp (p + start, "null", 4) == 0))
        return end;

      token = dup_token (p + start, length);
      if (g_ascii_strcasecmp (token, "NaN") == 0 || g_ascii_strcasecmp (token, "Infinity") == 0)
        fail_syntax (self, error, start, "invalid number `%s': JSON has no NaN or Infinity", token);
      else
        fail_syntax (self, error, start, "invalid value `%s' (expected a string in double quotes, a number, "
                     "an object, an array, true, false or null)", token);
      return 0;
    }

  /* -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
  k = start;
  if (p[k] == '-')
    k++;
  if (p[start] == '+')
    reason = "a number may not start with `+'";
  else if (k < end && p[k] == '.')
    reason = "a digit must come before the decimal point";
  else if (k >= end || !g_ascii_isdigit (p[k]))
    reason = "a digit must follow the minus sign";
  else if (p[k] == '0' && k + 1 < end && g_ascii_isdigit (p[k + 1]))
    reason = "leading zeros are not allowed";
  else
    {
      if (p[k] == '0')
        k++;
      else
        while (k < end && g_ascii_isdigit (p[k]))
          k++;
      if (k < end && p[k] == '.')
        {
          k++;
          if (k >= end || !g_ascii_isdigit (p[k]))
            reason = "a digit must follow the decimal point";
          while (k < end && g_ascii_isdigit (p[k]))
            k++;
        }
      if (reason == NULL && k < end && (p[k] == 'e' || p[k] == 'E'))
        {
          k++;
          if (k < end && (p[k] == '+' || p[k] == '-'))
            k++;
          if (k >= end || !g_ascii_isdigit (p[k]))
            reason = "the exponent needs digits";
          while (k < end && g_ascii_isdigit (p[k]))
            k++;
        }
      if (reason == NULL && k < end)
        reason = "JSON numbers are decimal, like -12.5e3";
    }

  /* json-glib wraps integers beyond 64 bits round to wrong values, and
   * other readers differ there too. */
  if (reason == NULL && !self->big_integers && end - start >= 19 && memchr (p + start, '.', end - start) == NULL &&
      memchr (p + start, 'e', end - start) == NULL && memchr (p + start, 'E', end - start) == NULL)
    {
      g_autofree char *digits = g_strndup (p + start, end - start);

      errno = 0;
      g_ascii_strtoll (digits, NULL, 10);
      if (errno == ERANGE)
        reason = "the integer does not fit in 64 bits (write it with an exponent, like 1e20)";
    }

  if (reason == NULL)
    return end;

  token = dup_token (p + start, end - start);
  fail_syntax (self, error, start, "invalid number `%s': %s", token, reason);
  return 0;
}

static void
add_checkpoint (MerJsonReader *self,
                gsize          line_start)
{
  g_array_append_val (self->checkpoints, line_start);
}

/* Bounds the elements of the lazy array that starts at @open without
 * checking them: strings are skipped whole and brackets counted, as
 * skip_value() does. Lines are counted as the scan counts them. Returns
 * FALSE, having undone what it did, when the array is not closed or an
 * element is missing: then the scan checks the array itself and says what
 * is wrong. */
static gboolean
skim_array (MerJsonReader *self,
            Member        *member,
            gsize          open,
            guint         *line,
            gsize         *end)
{
  const char *p = self->data;
  gsize n = self->length;
  guint saved_line = *line, saved_checkpoints = self->checkpoints->len, saved_elements = self->elements->len;
  gsize depth = 0, element_start = 0, last = open;
  gboolean in_element = FALSE;

  for (gsize i = open + 1; i < n; i++)
    {
      char c = p[i];

      if (c == '\n')
        {
          if ((*line)++ % LINES_PER_CHECKPOINT == 0)
            add_checkpoint (self, i + 1);
          continue;
        }
      if (is_json_space (c))
        continue;

      if (depth == 0 && (c == ',' || c == ']'))
        {
          Extent extent;

          if (!in_element)
            {
              if (c == ']' && self->elements->len == saved_elements && last == open)
                {
                  *end = i + 1;
                  return TRUE;
                }
              break;
            }
          extent.start = (guint32) element_start;
          extent.end = (guint32) (last + 1);
          g_array_append_val (self->elements, extent);
          member->n_elements++;
          in_element = FALSE;
          last = i;
          if (c == ']')
            {
              *end = i + 1;
              return TRUE;
            }
          continue;
        }

      if (!in_element)
        {
          in_element = TRUE;
          element_start = i;
        }

      if (c == '"')
        {
          for (i++; i < n && p[i] != '"'; i++)
            {
              if (p[i] == '\\' && i + 1 < n)
                i++;
              if (p[i] == '\n' && (*line)++ % LINES_PER_CHECKPOINT == 0)
                add_checkpoint (self, i + 1);
            }
          if (i >= n)
            break;
        }
      else if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        {
          if (depth == 0)
            break;
          depth--;
        }
      last = i;
    }

  *line = saved_line;
  g_array_set_size (self->checkpoints, saved_checkpoints);
  g_array_set_size (self->elements, saved_elements);
  member->n_elements = 0;
  return FALSE;
}

/* One pass over the bytes from @start to @end: the whole grammar, UTF-8 and
 * the nesting limit; for the @whole file, also the line index and the
 * slices. */
static gboolean
scan_range (MerJsonReader *self,
            gsize          start,
            gsize          end,
            gboolean       whole,
            GError       **error)
{
  const char *p = self->data;
  gsize n = end;
  char stack[MER_JSON_MAX_DEPTH];
  guint depth = 0;
  guint line = 1;
  gsize i = start, last_comma = 0, next_step = SCAN_STEP;
  gboolean root_is_object = FALSE;
  ScanState state = EXPECT_VALUE;

  if (whole)
    add_checkpoint (self, 0);

  for (;;)
    {
      char c;
      gsize value_start, value_end;

      while (i < n && is_json_space (p[i]))
        {
          if (whole && p[i] == '\n' && line++ % LINES_PER_CHECKPOINT == 0)
            add_checkpoint (self, i + 1);
          i++;
        }

      if (whole && i >= next_step)
        {
          if (mer_json_reader_is_cancelled (self))
            return fail_cancelled (error);
          drop_pages_before (self, i);
          report_progress (self, SCAN_SHARE * i / n);
          next_step = i + SCAN_STEP;
        }

      if (i >= n)
        break;
      c = p[i];

      switch (state)
        {
        case EXPECT_END:
          {
            char what[16];

            if (!describe_char (self, i, what, sizeof what))
              return fail_utf8 (self, error, i);
            return fail_syntax (self, error, i, "unexpected character %s after the end of the top-level value",
                                what);
          }

        case EXPECT_COLON:
          if (c != ':')
            return fail_syntax (self, error, i, "missing colon after a member name");
          state = EXPECT_VALUE;
          i++;
          continue;

        case EXPECT_COMMA:
          if (c == ',')
            {
              state = stack[depth - 1] == '{' ? EXPECT_KEY : EXPECT_ELEMENT;
              last_comma = i++;
              continue;
            }
          if ((c == '}' && stack[depth - 1] == '{') || (c == ']' && stack[depth - 1] == '['))
            break;    /* closes below */
          if (c == '}' || c == ']')
            return fail_syntax (self, error, i, "unexpected character `%c', expected `,' or `%c'",
                                c, stack[depth - 1] == '{' ? '}' : ']');
          if (c == '/' || (guchar) c >= 0x80 || (guchar) c < 0x20)
            return fail_unexpected (self, error, i, stack[depth - 1] == '{' ? "`,' or `}'" : "`,' or `]'");
          return fail_syntax (self, error, i, "missing comma between two members or elements");

        case EXPECT_FIRST_KEY:
        case EXPECT_KEY:
          if (c == '}')
            {
              if (state == EXPECT_KEY)
                return fail_syntax (self, error, last_comma,
                                    "trailing comma: nothing may follow the last comma in an object or array");
              break;  /* closes below */
            }
          if (c != '"')
            return fail_unexpected (self, error, i, "a member name in double quotes");
          value_end = scan_string (self, i, error);
          if (value_end == 0)
            return FALSE;
          if (whole && depth == 1)
            {
              Member member = { decode_string (self, i), { 0, 0 }, 0, 0, FALSE };
              g_array_append_val (self->members, member);
            }
          state = EXPECT_COLON;
          i = value_end;
          continue;

        case EXPECT_FIRST_ELEMENT:
        case EXPECT_ELEMENT:
          if (c == ']')
            {
              if (state == EXPECT_ELEMENT)
                return fail_syntax (self, error, last_comma,
                                    "trailing comma: nothing may follow the last comma in an object or array");
              break;  /* closes below */
            }
          G_GNUC_FALLTHROUGH;

        case EXPECT_VALUE:
          value_start = i;
          if (whole && depth == 1 && root_is_object)
            {
              Member *member = &g_array_index (self->members, Member, self->members->len - 1);

              member->value.start = (guint32) i;
              if (c == '[')
                {
                  member->is_array = TRUE;
                  member->first_element = self->elements->len;
                  if (self->lazy_name != NULL && g_str_equal (member->name, self->lazy_name))
                    {
                      self->lazy_member = (int) self->members->len - 1;
                      if (self->skim && skim_array (self, member, i, &line, &value_end))
                        {
                          member->is_lazy = TRUE;
                          i = value_end;
                          goto value_done;
                        }
                    }
                }
            }
          else if (whole && depth == 2 && root_is_object && stack[1] == '[')
            {
              Extent extent = { (guint32) i, 0 };

              g_array_index (self->members, Member, self->members->len - 1).n_elements++;
              g_array_append_val (self->elements, extent);
            }
          else if (whole && depth == 0)
            self->root_start = i;

          if (c == '{' || c == '[')
            {
              if (depth == MER_JSON_MAX_DEPTH)
                return fail_syntax (self, error, i, "nesting is deeper than %u levels", MER_JSON_MAX_DEPTH);
              if (depth == 0)
                root_is_object = c == '{';
              stack[depth++] = c;
              state = c == '{' ? EXPECT_FIRST_KEY : EXPECT_FIRST_ELEMENT;
              i++;
              continue;
            }

          if (c == '"')
            value_end = scan_string (self, i, error);
          else if (c == '-' || c == '+' || c == '.' || g_ascii_isalnum (c))
            value_end = scan_token (self, i, error);
          else
            return fail_unexpected (self, error, i, "a value");
          if (value_end == 0)
            return FALSE;
          g_assert (value_end > value_start);
          i = value_end;
          goto value_done;
        }

      /* A } or ] that closes the innermost container. */
      depth--;
      i++;

    value_done:
      if (whole && depth == 0)
        self->root_end = i;
      else if (whole && depth == 1 && root_is_object)
        g_array_index (self->members, Member, self->members->len - 1).value.end = (guint32) i;
      else if (whole && depth == 2 && root_is_object && stack[1] == '[')
        g_array_index (self->elements, Extent, self->elements->len - 1).end = (guint32) i;
      state = depth == 0 ? EXPECT_END : EXPECT_COMMA;
    }

  if (state != EXPECT_END)
    {
      static const char * const expected[] = {
        [EXPECT_VALUE] = "a value",
        [EXPECT_FIRST_ELEMENT] = "a value or `]'",
        [EXPECT_ELEMENT] = "a value",
        [EXPECT_FIRST_KEY] = "a member name or `}'",
        [EXPECT_KEY] = "a member name",
        [EXPECT_COLON] = "`:'",
        [EXPECT_COMMA] = "`,' or the end of the object or array",
      };

      return fail_syntax (self, error, n, "the file ends too early: expected %s", expected[state]);
    }

  if (whole)
    {
      drop_pages_before (self, n);
      /* The parse reads the pages again; they are dropped again behind it. */
      self->dropped = 0;
    }
  return TRUE;
}

/* When a syntax error after the lazy array stopped the scan that only
 * bounded it, the errors in its elements come before that one, as in the
 * file: they are checked now. */
static void
report_lazy_errors (MerJsonReader *self)
{
  g_autoptr(MerDiagnostic) last = NULL;
  const Member *lazy;

  if (self->lazy_member < 0 || self->diagnostics->len == 0)
    return;
  lazy = &g_array_index (self->members, Member, self->lazy_member);
  if (!lazy->is_lazy)
    return;

  last = g_ptr_array_steal_index (self->diagnostics, self->diagnostics->len - 1);
  for (guint e = 0; e < lazy->n_elements; e++)
    {
      const Extent *extent = &g_array_index (self->elements, Extent, lazy->first_element + e);
      g_autoptr(GError) error = NULL;

      self->quiet = TRUE;
      if (!scan_range (self, extent->start, extent->end, FALSE, &error))
        {
          self->quiet = FALSE;
          add_diagnostic (self, MER_SEVERITY_ERROR, TRUE, self->fail_offset, NULL, error->message);
        }
      self->quiet = FALSE;
    }
  g_ptr_array_add (self->diagnostics, g_steal_pointer (&last));
}

/* A file with a lazy array is scanned whole first, as any other: its
 * elements are checked on the way, at no more cost than one by one later.
 * Only when a syntax error stops the scan inside the lazy array is it
 * scanned again, the array's elements only bounded, so that each is checked
 * alone and the errors in the others are found too. */
static gboolean
scan (MerJsonReader *self,
      GError       **error)
{
  guint n_diagnostics = self->diagnostics->len;
  const Member *lazy;

  if (scan_range (self, 0, self->length, TRUE, error))
    return TRUE;
  if (self->lazy_member < 0 || mer_json_reader_is_cancelled (self))
    return FALSE;
  lazy = &g_array_index (self->members, Member, self->lazy_member);
  if (lazy->value.end != 0)
    return FALSE;

  g_clear_error (error);
  g_ptr_array_set_size (self->diagnostics, n_diagnostics);
  self->n_errors = 0;
  g_array_set_size (self->members, 0);
  g_array_set_size (self->elements, 0);
  g_array_set_size (self->checkpoints, 0);
  self->line_cache_offset = self->line_cache_start = 0;
  self->line_cache_line = 0;
  self->lazy_member = -1;
  self->dropped = 0;
  self->skim = TRUE;
  if (scan_range (self, 0, self->length, TRUE, error))
    return TRUE;

  report_lazy_errors (self);
  return FALSE;
}

/* Parsing slices */

static gboolean
job_extent (MerJsonReader *self,
            const Job     *job,
            Extent        *extent)
{
  const Member *member = &g_array_index (self->members, Member, job->member);

  if (job->element != NO_ELEMENT)
    *extent = g_array_index (self->elements, Extent, job->element);
  else if (member->is_array && self->element_func != NULL)
    return FALSE;   /* handed over empty: its elements were streamed */
  else
    *extent = member->value;
  return TRUE;
}

/* Building the trees of slices
 *
 * The scan has checked every slice, so its tree is built in one pass that
 * only tells the kinds of tokens apart, through json-glib's public node API.
 * json-glib's parser read every byte again with all its checks: its
 * tokenizer was a third of the load's processor time. The tree is the one
 * the parser builds: integers as 64-bit integers, numbers with a fraction
 * or an exponent as doubles, and a member name given twice keeps its
 * last value (json_object_set_member()). */

typedef struct {
  const char *p;      /* the next byte to read */
  const char *end;    /* one past the slice's last byte */
  GString    *text;   /* the string being read */
} TreeBuilder;

static inline const char *
skip_space_fast (const char *p)
{
  while (is_json_space (*p))
    p++;
  return p;
}

/* Reads the string whose opening quote is at b->p into b->text, and moves
 * b->p past its closing quote. */
static void
builder_read_string (TreeBuilder *b)
{
  const char *p = b->p + 1;
  const char *quote = memchr (p, '"', (gsize) (b->end - p));

  g_string_truncate (b->text, 0);
  for (;;)
    {
      const char *backslash = memchr (p, '\\', (gsize) (quote - p));

      if (backslash == NULL)
        break;
      g_string_append_len (b->text, p, backslash - p);
      p = append_escape (b->text, backslash);
      /* The quote found may have been an escaped one. */
      if (p > quote)
        quote = memchr (p, '"', (gsize) (b->end - p));
    }
  g_string_append_len (b->text, p, quote - p);
  b->p = quote + 1;
}

static JsonNode *
builder_read_number (TreeBuilder *b,
                     JsonNode    *node)
{
  const char *p = b->p;
  const char *q = p;
  gboolean is_double = FALSE;
  char buffer[64];
  gsize length;

  while (q < b->end && (g_ascii_isdigit (*q) || *q == '-' || *q == '+' || *q == '.' || *q == 'e' || *q == 'E'))
    {
      is_double |= *q == '.' || *q == 'e' || *q == 'E';
      q++;
    }
  b->p = q;
  length = (gsize) (q - p);

  /* The common case, a short integer, without a copy. */
  if (!is_double && length < 19)
    {
      gboolean negative = *p == '-';
      gint64 value = 0;

      for (p += negative; p < q; p++)
        value = value * 10 + (*p - '0');
      return json_node_init_int (node, negative ? -value : value);
    }

  /* The bytes after a number may be the end of the file's mapping. */
  if (length < sizeof buffer)
    {
      memcpy (buffer, p, length);
      buffer[length] = '\0';
      p = buffer;
    }
  else
    {
      g_string_truncate (b->text, 0);
      g_string_append_len (b->text, p, (gssize) length);
      p = b->text->str;
    }

  if (!is_double)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (p, NULL, 10);
      /* Only when the reader lets such integers through. */
      if (errno != ERANGE)
        return json_node_init_int (node, value);
    }
  return json_node_init_double (node, g_ascii_strtod (p, NULL));
}

static JsonNode *
builder_read_value (TreeBuilder *b)
{
  JsonNode *node = json_node_alloc ();

  switch (*b->p)
    {
    case '{':
      {
        JsonObject *object = json_object_new ();

        json_node_init_object (node, NULL);
        b->p = skip_space_fast (b->p + 1);
        while (*b->p != '}')
          {
            /* The name must outlive the value, which reuses b->text. */
            char short_name[64];
            g_autofree char *long_name = NULL;
            const char *name;
            JsonNode *member;

            builder_read_string (b);
            if (b->text->len < sizeof short_name)
              name = memcpy (short_name, b->text->str, b->text->len + 1);
            else
              name = long_name = g_strndup (b->text->str, b->text->len);

            b->p = skip_space_fast (skip_space_fast (b->p) + 1);    /* past the colon */
            member = builder_read_value (b);
            json_node_set_parent (member, node);
            json_object_set_member (object, name, member);

            b->p = skip_space_fast (b->p);
            if (*b->p == ',')
              b->p = skip_space_fast (b->p + 1);
          }
        b->p++;
        json_node_take_object (node, object);
        return node;
      }

    case '[':
      {
        JsonArray *array = json_array_new ();

        json_node_init_array (node, NULL);
        b->p = skip_space_fast (b->p + 1);
        while (*b->p != ']')
          {
            JsonNode *element = builder_read_value (b);

            json_node_set_parent (element, node);
            json_array_add_element (array, element);

            b->p = skip_space_fast (b->p);
            if (*b->p == ',')
              b->p = skip_space_fast (b->p + 1);
          }
        b->p++;
        json_node_take_array (node, array);
        return node;
      }

    case '"':
      builder_read_string (b);
      return json_node_init_string (node, b->text->str);

    case 't':
      b->p += 4;
      return json_node_init_boolean (node, TRUE);

    case 'f':
      b->p += 5;
      return json_node_init_boolean (node, FALSE);

    case 'n':
      b->p += 4;
      return json_node_init_null (node);

    default:
      return builder_read_number (b, node);
    }
}

/* Builds the tree of the validated value from @data, @length bytes long.
 * @text is scratch space. */
static JsonNode *
parse_slice (GString    *text,
             const char *data,
             gsize       length)
{
  TreeBuilder b = { data, data + length, text };

  return builder_read_value (&b);
}

static void
parse_job (MerJsonReader *self,
           GString       *text,
           Job           *job)
{
  Extent extent;

  if (job_extent (self, job, &extent))
    job->node = parse_slice (text, self->data + extent.start, extent.end - extent.start);
}

/* Empty containers that own their contents: json_node_init_object() and
 * json_node_init_array() take a reference of their own. */
static JsonNode *
new_empty_object_node (void)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, json_object_new ());
  return node;
}

static JsonNode *
new_empty_array_node (void)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, json_array_new ());
  return node;
}

/* Hands one built slice to the streaming functions, then frees it. */
static void
hand_over (MerJsonReader *self,
           Job           *job)
{
  const Member *member = &g_array_index (self->members, Member, job->member);
  Extent extent;

  if (!job_extent (self, job, &extent))
    {
      extent = member->value;
      job->node = new_empty_array_node ();
    }

  self->slice_root = job->node;
  self->slice_start = extent.start;
  /* A new tree may reuse the addresses of a freed one. */
  g_array_set_size (self->marks, 0);
  self->marks_root = NULL;

  if (job->element != NO_ELEMENT)
    self->element_func (self, member->name, job->element - member->first_element, job->node, self->user_data);
  else if (self->member_func != NULL)
    self->member_func (self, member->name, job->node, self->user_data);

  self->slice_root = NULL;
  self->marks_root = NULL;
  g_clear_pointer (&job->node, json_node_unref);
}

static GArray *
make_jobs (MerJsonReader *self)
{
  GArray *jobs = g_array_new (FALSE, FALSE, sizeof (Job));

  for (guint m = 0; m < self->members->len; m++)
    {
      const Member *member = &g_array_index (self->members, Member, m);

      if (member->is_array && self->element_func != NULL)
        for (guint e = 0; e < member->n_elements; e++)
          {
            Job job = { m, member->first_element + e, NULL };
            g_array_append_val (jobs, job);
          }
      if (self->member_func != NULL)
        {
          Job job = { m, NO_ELEMENT, NULL };
          g_array_append_val (jobs, job);
        }
    }

  return jobs;
}

static gboolean
stream_inline (MerJsonReader *self,
               GArray        *jobs,
               GError       **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gsize since_progress = 0;

  for (guint j = 0; j < jobs->len; j++)
    {
      Job *job = &g_array_index (jobs, Job, j);
      Extent extent;

      if (mer_json_reader_is_cancelled (self))
        return fail_cancelled (error);

      parse_job (self, text, job);
      hand_over (self, job);

      if (job_extent (self, job, &extent) && (since_progress += extent.end - extent.start) >= PROGRESS_BYTES)
        {
          since_progress = 0;
          drop_pages_before (self, extent.start);
          report_progress (self, SCAN_SHARE + (1 - SCAN_SHARE) * extent.end / self->length);
        }
    }

  return TRUE;
}

static gboolean
parse_root (MerJsonReader *self,
            gsize          end)
{
  g_autoptr(GString) text = NULL;
  char first = self->data[self->root_start];

  /* When streaming, the root's members have been handed over: it stays as
   * an empty container that positions and types can still be asked of. */
  if (self->member_func != NULL || self->element_func != NULL)
    {
      if (first == '{')
        self->root = new_empty_object_node ();
      else if (first == '[')
        self->root = new_empty_array_node ();
    }

  /* The lazy array's elements were not checked: the root is built member
   * by member, the lazy array empty. */
  if (self->root == NULL && self->lazy_member >= 0)
    {
      JsonObject *object = json_object_new ();
      const Member *lazy = &g_array_index (self->members, Member, self->lazy_member);

      text = g_string_new (NULL);
      for (guint m = 0; m < self->members->len; m++)
        {
          const Member *member = &g_array_index (self->members, Member, m);

          json_object_set_member (object, member->name,
                                  member->is_lazy || (int) m == self->lazy_member ? new_empty_array_node ()
                                  : parse_slice (text, self->data + member->value.start,
                                                 member->value.end - member->value.start));
        }
      self->root = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (self->root, object);

      /* A member named twice keeps its last value, which may not be the
       * lazy one. */
      for (guint m = self->lazy_member + 1; m < self->members->len; m++)
        if (g_str_equal (g_array_index (self->members, Member, m).name, lazy->name))
          self->lazy_member = -1;
      return TRUE;
    }

  if (self->root == NULL)
    {
      text = g_string_new (NULL);
      self->root = parse_slice (text, self->data + self->root_start, end - self->root_start);
    }

  return self->root != NULL;
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

/* Scans and parses self->data, once it is read. */
static gboolean
load_text (MerJsonReader  *self,
           GError        **error)
{
  /* A byte-order mark may start the file; positions count from after it. */
  if (self->length >= 3 && memcmp (self->data, "\xEF\xBB\xBF", 3) == 0)
    {
      self->data += 3;
      self->length -= 3;
    }

  if (is_blank (self->data, self->length))
    {
      add_checkpoint (self, 0);
      return fail_at (self, error, 0, "the file is empty");
    }

  if (!scan (self, error))
    return FALSE;

  if (self->member_func != NULL || self->element_func != NULL)
    {
      g_autoptr(GArray) jobs = make_jobs (self);

      if (!stream_inline (self, jobs, error))
        return FALSE;
      report_progress (self, 1.0);
    }

  if (!parse_root (self, self->root_end))
    return fail_at (self, error, self->root_start, "this value cannot be read");

  return TRUE;
}

/**
 * mer_json_reader_load_file:
 * @path: the file to read
 * @max_size: the largest file, in bytes, to accept; at most 4 GiB, as offsets
 *   are kept in 32 bits
 *
 * Reads and parses the file, handing it over in slices when streaming. Every
 * problem found is added to the diagnostics; the error says which kind of
 * failure it was (%G_IO_ERROR_CANCELLED when cancelled).
 *
 * Returns: whether the file is valid JSON and was read whole
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

  g_return_val_if_fail (max_size <= G_MAXUINT32, FALSE);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf ("cannot read the file: %s", g_strerror (saved_errno));

      return fail_file (self, error, MER_LOADER_ERROR_READ, message);
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf ("cannot read the file: %s", g_strerror (saved_errno));

      close (fd);
      return fail_file (self, error, MER_LOADER_ERROR_READ, message);
    }

  if (!S_ISREG (st.st_mode))
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

  return load_text (self, error);
}

/**
 * mer_json_reader_load_mapped:
 * @mapped: a file mapped by the caller; the reader keeps a reference
 *
 * Like mer_json_reader_load_file(), for a file the caller has mapped
 * already (to tell its kind from its content): the pages behind the reader
 * are given back as they are when the reader maps the file.
 *
 * Returns: whether the text is valid JSON
 */
gboolean
mer_json_reader_load_mapped (MerJsonReader  *self,
                             GMappedFile    *mapped,
                             GError        **error)
{
  g_return_val_if_fail (mapped != NULL, FALSE);
  g_return_val_if_fail (g_mapped_file_get_length (mapped) <= G_MAXUINT32, FALSE);

  self->mapped = g_mapped_file_ref (mapped);
  self->length = g_mapped_file_get_length (mapped);
  self->data = self->length > 0 ? g_mapped_file_get_contents (mapped) : "";
  return load_text (self, error);
}

/**
 * mer_json_reader_set_lazy_array:
 * @name: a member of the top-level object
 *
 * When the value of the top-level member @name is an array, its elements
 * are only bounded while the file is read: each is checked and built when
 * mer_json_reader_parse_element() asks for it, so that a file of 100,000
 * GeoJSON features never exists whole as a tree, a syntax error in one
 * element does not hide those in the others, and a reader may look ahead.
 * The root holds an empty array in its place. Not with streaming.
 */
void
mer_json_reader_set_lazy_array (MerJsonReader *self,
                                const char    *name)
{
  g_free (self->lazy_name);
  self->lazy_name = g_strdup (name);
}

/**
 * mer_json_reader_set_big_integers:
 *
 * Reads integers beyond 64 bits as doubles, as json-glib and most other
 * readers do, instead of refusing them: for files that other programs
 * wrote, whose numbers Meridian may not even use.
 */
void
mer_json_reader_set_big_integers (MerJsonReader *self,
                                  gboolean       big_integers)
{
  self->big_integers = big_integers;
}

/**
 * mer_json_reader_get_lazy_array:
 *
 * Returns: (transfer none) (nullable): the empty array standing in the root
 *   for the lazy array, or %NULL when the file has none
 */
JsonNode *
mer_json_reader_get_lazy_array (MerJsonReader *self)
{
  const Member *member;

  if (self->lazy_member < 0 || self->root == NULL || !JSON_NODE_HOLDS_OBJECT (self->root))
    return NULL;
  member = &g_array_index (self->members, Member, self->lazy_member);
  return json_object_get_member (json_node_get_object (self->root), member->name);
}

/**
 * mer_json_reader_get_n_lazy_elements:
 *
 * Returns: the number of elements of the lazy array; after a syntax error
 *   after the array, too
 */
guint
mer_json_reader_get_n_lazy_elements (MerJsonReader *self)
{
  if (self->lazy_member < 0)
    return 0;
  return g_array_index (self->members, Member, self->lazy_member).n_elements;
}

/**
 * mer_json_reader_parse_element:
 * @index: the element of the lazy array
 * @line: (out): where the syntax error is, when there is one
 * @column: (out): its column, in characters
 * @error: the syntax error, in the words of the reader's diagnostics; it is
 *   not added to them
 *
 * Checks and builds one element of the lazy array. Its positions, and those
 * of the nodes inside it, can be asked for until it is given to
 * mer_json_reader_forget(); several may be out at once.
 *
 * Returns: (transfer none) (nullable): the element, the reader's until it is
 *   given to mer_json_reader_forget(), or %NULL when it has a syntax error
 */
JsonNode *
mer_json_reader_parse_element (MerJsonReader  *self,
                               guint           index,
                               guint          *line,
                               guint          *column,
                               GError        **error)
{
  const Member *member;
  Extent extent;
  LiveElement live;
  gboolean ok;

  g_return_val_if_fail (index < mer_json_reader_get_n_lazy_elements (self), NULL);

  member = &g_array_index (self->members, Member, self->lazy_member);
  extent = g_array_index (self->elements, Extent, member->first_element + index);
  /* A call to madvise() for each page of small elements cost more than the
   * elements' checks. */
  if (extent.start >= self->dropped + LAZY_DROP_STEP)
    drop_pages_before (self, extent.start);

  /* Checked by the scan, unless it only bounded the array. */
  self->quiet = TRUE;
  ok = !member->is_lazy || scan_range (self, extent.start, extent.end, FALSE, error);
  self->quiet = FALSE;
  if (!ok)
    {
      offset_to_line_column (self, self->fail_offset, line, column);
      return NULL;
    }

  if (self->scratch == NULL)
    self->scratch = g_string_new (NULL);
  live.node = parse_slice (self->scratch, self->data + extent.start, extent.end - extent.start);
  live.start = extent.start;
  g_array_append_val (self->live, live);
  return live.node;
}

/**
 * mer_json_reader_forget:
 * @node: an element from mer_json_reader_parse_element()
 *
 * Frees the element; its positions are no longer known.
 */
void
mer_json_reader_forget (MerJsonReader *self,
                        JsonNode      *node)
{
  for (guint i = 0; i < self->live->len; i++)
    if (g_array_index (self->live, LiveElement, i).node == node)
      {
        g_array_remove_index_fast (self->live, i);
        break;
      }

  /* A new tree may reuse the addresses of a freed one. */
  if (self->marks_root == node)
    {
      g_array_set_size (self->marks, 0);
      self->marks_root = NULL;
    }
  json_node_unref (node);
}

/**
 * mer_json_reader_load_data:
 * @data: the text, kept alive by the caller until @self is freed
 * @length: its length in bytes, at most 4 GiB
 *
 * Like mer_json_reader_load_file(), for text already in memory: an edited
 * story is checked as it will be written, before it is.
 *
 * Returns: whether the text is valid JSON
 */
gboolean
mer_json_reader_load_data (MerJsonReader  *self,
                           const char     *data,
                           gsize           length,
                           GError        **error)
{
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (length <= G_MAXUINT32, FALSE);

  self->data = length > 0 ? data : "";
  self->length = length;
  return load_text (self, error);
}

/**
 * mer_json_describe_node:
 *
 * Returns: what @node is, as messages name it: "an object", "a string"…
 */
const char *
mer_json_describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "true or false";
    default:
      return "a number";
    }
}

/**
 * mer_json_reader_get_root:
 *
 * Returns: (transfer none) (nullable): the parsed document; when streaming,
 *   an empty object or array of the root's type
 */
JsonNode *
mer_json_reader_get_root (MerJsonReader *self)
{
  return self->root;
}
