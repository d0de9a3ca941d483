/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-translations"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "mer-cli.h"
#include "mer-date.h"
#include "mer-diagnostic.h"
#include "mer-document.h"
#include "mer-state.h"
#include "mer-time-axis.h"
#include "mer-export-dialog.h"
#include "mer-basemap.h"
#include "mer-basemap-painter.h"
#include "mer-labels.h"
#include "mer-language.h"
#include "mer-loader.h"
#include "mer-paths.h"
#include "mer-pov.h"
#include "mer-window.h"
#include "window-test-utils.h"

/* Runs the window in one language (the first argument: "ja" or "ru") and
 * proves that no interface string is left in English: the catalogue has a
 * translation for every message, and no label, tooltip, placeholder, menu
 * item or drop-down item of the window, its menus, the export dialog and the
 * shortcuts window is still the English text of a message that has a
 * different translation. Dates are checked in the language's own form. */

typedef struct {
  const char *lang;
  const char *locale;
  /* What the date functions and the details panel must show. */
  const char *year;            /* 1905 */
  const char *month;           /* 2014-03 */
  const char *day;             /* 2016-12-15 */
  const char *day_range;       /* 2016-12-15 – 2016-12-16 */
  const char *month_range;     /* 2014-03 – 2014-06 */
  const char *year_range;      /* 1904 – 1905 */
  const char *before_christ;   /* -0480 */
  const char *circa;           /* c. 1780 */
  const char *mixed_range;     /* 1904-02 – 1905-09 */
  const char *labelled;        /* 1945, labelled "Spring" */
  const char *axis_month;      /* the time axis over the days of December 2016 */
  const char *axis_day;        /* … over the hours of 15 December 2016 */
  const char *axis_tick;       /* a tick of months: March */
  const char *axis_ages;       /* a tick near the Big Bang: 13.9 billion years ago */
  const char *one_error;       /* the error page's heading, plural forms */
  const char *few_errors;
  const char *many_errors;
  /* Base-map names the gazetteer has in the language. */
  const char *sea_of_japan;
  const char *russia;
} Language;

static const Language languages[] = {
  { "ja", "ja_JP.UTF-8", "1905年", "2014年3月", "2016年12月15日", "2016年12月15日–16日", "2014年3月–6月",
    "1904–1905年", "紀元前481年", "1780年頃", "1904年2月 – 1905年9月", "Spring（1945年）",
    "2016年12月", "2016年12月15日", "3月", "139億年前",
    "このストーリーには 1 件のエラーがあります", "このストーリーには 3 件のエラーがあります",
    "このストーリーには 11 件のエラーがあります", "日本海", "ロシア" },
  { "ru", "ru_RU.UTF-8", "1905 г.", "март 2014 г.", "15 декабря 2016 г.", "15–16 декабря 2016 г.",
    "март–июнь 2014 г.", "1904–1905 гг.", "481 г. до н. э.", "ок. 1780 г.", "февраль 1904 г. – сентябрь 1905 г.",
    "Spring (1945 г.)",
    "декабрь 2016", "15 декабря 2016", "мар", "13,9 млрд лет назад",
    "В этой истории 1 ошибка", "В этой истории 3 ошибки", "В этой истории 11 ошибок",
    "Японское море", "Россия" },
};

static const Language *language;

/* Every string of the bundled story, longest first: the story's own text
 * (titles, names) is not the interface's and stays in its language. */
static GPtrArray *story_strings;

/* Words the interface writes the same in every language. */
static const char * const untranslatable_words[] = {
  "Meridian", "OpenStreetMap", "Natural Earth", "TimelineJS", "StoryMapJS", "GeoJSON", "KML", "CSV",
  "PNG", "SVG", "PDF", "dpi", "Ctrl", "Shift", "Alt", "Esc", "Page Up", "Page Down", "Enter", "Escape", "UTC",
  "YYYY-MM-DD", "https://",
};

/* English message (mnemonic removed) → its translation, for every message
 * whose translation differs from it. */
static GHashTable *translated;

/* Removes GTK's mnemonic marks: "_Open…" → "Open…", "開く(_O)…" → "開く…". */
static char *
strip_mnemonic (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        {
          p += 3;
          continue;
        }
      if (p[0] == '_' && p[1] != '\0' && p[1] != '_')
        continue;
      g_string_append_c (s, *p);
    }

  return g_string_free (s, FALSE);
}

static char *
unquote (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');
  g_autofree char *quoted = NULL;

  g_assert_nonnull (start);
  g_assert_true (end > start);
  quoted = g_strndup (start + 1, end - start - 1);
  return g_strcompress (quoted);
}

typedef struct {
  GString   *msgctxt;
  GString   *msgid;
  GPtrArray *msgstr;
  gboolean   fuzzy;
  int        line;
} Entry;

static void
check_entry (Entry      *entry,
             const char *path)
{
  if (entry->msgid == NULL)
    return;

  /* The header is the empty msgid; it may not be fuzzy either, or msgfmt
   * would drop the plural forms. */
  if (entry->fuzzy)
    g_error ("%s:%d: a fuzzy translation", path, entry->line);
  for (guint i = 0; i < entry->msgstr->len; i++)
    {
      GString *msgstr = g_ptr_array_index (entry->msgstr, i);

      if (msgstr->len == 0)
        g_error ("%s:%d: “%s” is not translated", path, entry->line, entry->msgid->str);
    }
  /* A message with a context ("compass" N, "month in a date" Mar) is a
   * piece of a larger text, and the same letters elsewhere (the key N in the
   * shortcuts window) are not that message. */
  if (entry->msgid->len > 0 && entry->msgctxt == NULL)
    {
      g_autofree char *english = strip_mnemonic (entry->msgid->str);
      g_autofree char *translation = strip_mnemonic (((GString *) g_ptr_array_index (entry->msgstr, 0))->str);

      if (!g_str_equal (english, translation))
        g_hash_table_insert (translated, g_steal_pointer (&english), g_steal_pointer (&translation));
    }
}

static void
clear_entry (Entry *entry)
{
  if (entry->msgctxt != NULL)
    g_string_free (entry->msgctxt, TRUE);
  if (entry->msgid != NULL)
    g_string_free (entry->msgid, TRUE);
  g_clear_pointer (&entry->msgstr, g_ptr_array_unref);
  memset (entry, 0, sizeof *entry);
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Reads the language's catalogue; every message must have a non-empty,
 * non-fuzzy translation (what `msgfmt --statistics` would count). */
static void
read_catalogue (void)
{
  g_autofree char *path = g_strdup_printf ("%s/po/%s.po", SRCDIR, language->lang);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Entry entry = { 0 };
  GString *current = NULL;
  guint n_messages = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (line[0] == '\0')
        {
          check_entry (&entry, path);
          n_messages += entry.msgid != NULL;
          clear_entry (&entry);
          current = NULL;
        }
      else if (g_str_has_prefix (line, "#,") && strstr (line, "fuzzy") != NULL)
        entry.fuzzy = TRUE;
      else if (line[0] == '#')
        continue;
      else if (g_str_has_prefix (line, "msgctxt "))
        current = entry.msgctxt = g_string_new (NULL);
      else if (g_str_has_prefix (line, "msgid "))
        {
          current = entry.msgid = g_string_new (NULL);
          entry.msgstr = g_ptr_array_new_with_free_func (free_string);
          entry.line = (int) i + 1;
        }
      else if (g_str_has_prefix (line, "msgid_plural "))
        {
          /* The plural's English text is the same message in another
           * number: a label must not show it untranslated either. */
          current = NULL;
          continue;
        }
      else if (g_str_has_prefix (line, "msgstr"))
        {
          current = g_string_new (NULL);
          g_ptr_array_add (entry.msgstr, current);
        }
      else
        g_assert_true (line[0] == '"');

      if (current != NULL && strchr (line, '"') != NULL)
        {
          g_autofree char *text = unquote (line);

          g_string_append (current, text);
        }
    }
  check_entry (&entry, path);
  n_messages += entry.msgid != NULL;
  clear_entry (&entry);

  /* A header and the interface: a catalogue that lost its messages would
   * pass the walk vacuously. */
  g_assert_cmpuint (n_messages, >, 250);
}

static void
remove_all (GString    *text,
            const char *part)
{
  const char *found;

  while ((found = strstr (text->str, part)) != NULL)
    g_string_erase (text, found - text->str, (gssize) strlen (part));
}

/* Whether @text, once the story's strings and the words every language
 * writes alike are taken out, still has an English word: a string that
 * was never marked for translation. Only for Japanese, where no interface
 * word is written in Latin letters. */
static gboolean
has_english_word (const char *text)
{
  g_autoptr(GString) rest = g_string_new (text);
  guint run = 0;

  /* A file's path (the recent stories) is the user's data. */
  if (g_path_is_absolute (text))
    return FALSE;

  for (guint i = 0; i < story_strings->len; i++)
    remove_all (rest, g_ptr_array_index (story_strings, i));
  for (guint i = 0; i < G_N_ELEMENTS (untranslatable_words); i++)
    remove_all (rest, untranslatable_words[i]);

  for (const char *p = rest->str; *p != '\0'; p++)
    {
      run = g_ascii_isalpha (*p) ? run + 1 : 0;
      if (run >= 3)
        return TRUE;
    }
  return FALSE;
}

static void
check_text (GPtrArray  *untranslated,
            const char *what,
            const char *text)
{
  g_autofree char *plain = NULL;

  if (text == NULL || *text == '\0')
    return;

  plain = strip_mnemonic (text);
  /* The story's own text, even where a message has the same words (a new
   * story's categories are named as the bundled story's are). */
  for (guint i = 0; story_strings != NULL && i < story_strings->len; i++)
    if (g_str_equal (plain, g_ptr_array_index (story_strings, i)))
      return;
  if (g_hash_table_contains (translated, plain))
    g_ptr_array_add (untranslated, g_strdup_printf ("%s “%s”", what, plain));
  else if (g_str_equal (language->lang, "ja") && has_english_word (plain))
    g_ptr_array_add (untranslated, g_strdup_printf ("%s “%s” (not marked for translation?)", what, plain));
}

static void
collect_strings (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, NULL, &member))
          collect_strings (member);
      }
      break;

    case JSON_NODE_ARRAY:
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        collect_strings (json_array_get_element (json_node_get_array (node), i));
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING && strlen (json_node_get_string (node)) > 1)
        g_ptr_array_add (story_strings, g_strdup (json_node_get_string (node)));
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  return (int) strlen (*(const char * const *) b) - (int) strlen (*(const char * const *) a);
}

static void
read_story_strings (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  MerPovSet *pov_set = mer_pov_set_get_default ();

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  story_strings = g_ptr_array_new_with_free_func (g_free);
  collect_strings (json_parser_get_root (parser));
  /* The base map's points of view are named by its data, in English: the
   * base map's gazetteer is what would name them in other languages. */
  for (guint i = 0; pov_set != NULL && i < mer_pov_set_get_n_povs (pov_set); i++)
    {
      g_ptr_array_add (story_strings, g_strdup (mer_pov_set_get_name (pov_set, i)));
      g_ptr_array_add (story_strings, g_strdup (mer_pov_set_get_seat (pov_set, i)));
    }
  g_ptr_array_sort (story_strings, longest_first);
}

static void
check_menu (GPtrArray  *untranslated,
            GMenuModel *model)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text (untranslated, "menu item", label);

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          check_menu (untranslated, link);
        }
    }
}

static void
check_widget (GPtrArray *untranslated,
              GtkWidget *widget)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  /* Key caps are GTK's, named as the keyboard names them. */
  if (GTK_IS_SHORTCUT_LABEL (widget))
    return;

  check_text (untranslated, type, gtk_widget_get_tooltip_text (widget));

  if (GTK_IS_LABEL (widget))
    check_text (untranslated, type, gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_BUTTON (widget))
    check_text (untranslated, type, gtk_button_get_label (GTK_BUTTON (widget)));
  if (GTK_IS_CHECK_BUTTON (widget))
    check_text (untranslated, type, gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));
  if (GTK_IS_EDITABLE (widget) && g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "placeholder-text"))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      check_text (untranslated, type, placeholder);
    }
  if (GTK_IS_WINDOW (widget))
    check_text (untranslated, type, gtk_window_get_title (GTK_WINDOW (widget)));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    check_menu (untranslated, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
  if (GTK_IS_DROP_DOWN (widget) && GTK_IS_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))))
    {
      GtkStringList *strings = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (widget)));

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (strings)); i++)
        check_text (untranslated, "drop-down item", gtk_string_list_get_string (strings, i));
    }
  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (widget)));

      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          g_autoptr(GObject) page = g_list_model_get_item (pages, i);

          check_text (untranslated, "stack page", gtk_stack_page_get_title (GTK_STACK_PAGE (page)));
        }
    }
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget) || GTK_IS_SHORTCUTS_GROUP (widget) || GTK_IS_SHORTCUTS_SECTION (widget))
    {
      g_autofree char *title = NULL;

      g_object_get (widget, "title", &title, NULL);
      check_text (untranslated, type, title);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    check_widget (untranslated, child);
}

static void
assert_all_translated (GtkWidget  *root,
                       const char *name)
{
  g_autoptr(GPtrArray) untranslated = g_ptr_array_new_with_free_func (g_free);

  check_widget (untranslated, root);
  if (untranslated->len > 0)
    {
      g_ptr_array_add (untranslated, NULL);
      g_autofree char *list = g_strjoinv ("\n  ", (char **) untranslated->pdata);

      g_error ("%s in %s: still in English:\n  %s", name, language->lang, list);
    }
}

static char *
format_range (const char *start,
              const char *end,
              gboolean    circa)
{
  MerDate a, b;

  g_assert_true (mer_date_parse (start, &a, NULL));
  if (end == NULL)
    return mer_date_format (&a, circa);
  g_assert_true (mer_date_parse (end, &b, NULL));
  return mer_date_format_range (&a, &b, circa);
}

static void
test_dates (void)
{
  struct {
    const char *start, *end;
    gboolean circa;
    const char *expected;
  } cases[] = {
    { "1905", NULL, FALSE, language->year },
    { "2014-03", NULL, FALSE, language->month },
    { "2016-12-15", NULL, FALSE, language->day },
    { "2016-12-15", "2016-12-16", FALSE, language->day_range },
    { "2014-03", "2014-06", FALSE, language->month_range },
    { "1904", "1905", FALSE, language->year_range },
    { "-0480", NULL, FALSE, language->before_christ },
    { "1780", NULL, TRUE, language->circa },
    { "1904-02", "1905-09", FALSE, language->mixed_range },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = format_range (cases[i].start, cases[i].end, cases[i].circa);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* An event's date label comes first, its dates after it in the language's
 * own brackets. */
static void
test_date_label (void)
{
  static const char text[] = "{ \"meridian\": 1, \"events\": [ { \"id\": \"a\", \"title\": \"A\", "
                             "\"start\": \"1945\", \"date_label\": \"Spring\" } ] }";
  g_autoptr(GPtrArray) diagnostics = mer_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MerDocument) document = NULL;
  g_autofree char *dir = g_dir_make_tmp ("meridian-i18n-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "label.json", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  document = mer_loader_load_file (path, NULL, diagnostics, &error);
  g_assert_no_error (error);

  shown = mer_event_format_date (mer_document_lookup_event (document, "a"));
  g_assert_cmpstr (shown, ==, language->labelled);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static const char *
axis_label (GArray *ticks,
            guint   index)
{
  g_assert_cmpuint (ticks->len, >, index);
  return g_array_index (ticks, MerTimeAxisTick, index).label;
}

static void
test_time_axis (void)
{
  struct {
    const char *start, *end;
    gboolean context;
    const char *expected;
  } cases[] = {
    { "2016-12-01", "2016-12-20", TRUE, language->axis_month },
    { "2016-12-15", "2016-12-15", TRUE, language->axis_day },
    { "2014-03", "2014-06", FALSE, language->axis_tick },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MerDate start, end;
      g_autoptr(GArray) ticks = NULL;

      g_assert_true (mer_date_parse (cases[i].start, &start, NULL));
      g_assert_true (mer_date_parse (cases[i].end, &end, NULL));
      ticks = (cases[i].context ? mer_time_axis_context : mer_time_axis_ticks) (mer_date_first_second (&start),
                                                                                mer_date_last_second (&end),
                                                                                1000, 70);
      g_assert_cmpstr (axis_label (ticks, 0), ==, cases[i].expected);
    }

  /* Ages in the language's own units (Japanese counts in 億, 10⁸) and with
   * its decimal separator, as under LANG=ru_RU.UTF-8 (gtk_init() took the
   * numbers' locale from the environment, which names only the language). */
  {
    g_autofree char *numeric = g_strdup (setlocale (LC_NUMERIC, NULL));
    g_autoptr(GArray) ticks = NULL;

    g_assert_nonnull (setlocale (LC_NUMERIC, language->locale));
    ticks = mer_time_axis_ticks (mer_date_days_from_civil (G_GINT64_CONSTANT (-13900000000), 1, 1) * 86400.0,
                                 mer_date_days_from_civil (G_GINT64_CONSTANT (-13700000000), 1, 1) * 86400.0,
                                 1000, 70);
    setlocale (LC_NUMERIC, numeric);
    g_assert_cmpstr (axis_label (ticks, 0), ==, language->axis_ages);
  }
}

static void
test_plural_forms (void)
{
  /* Russian has three forms: 1 ошибка, 3 ошибки, 11 ошибок. */
  struct { guint n; const char *expected; } cases[] = {
    { 1, language->one_error }, { 3, language->few_errors }, { 11, language->many_errors },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *heading = g_strdup_printf (g_dngettext (NULL, "This story has %u error",
                                                               "This story has %u errors", cases[i].n),
                                                  cases[i].n);

      g_assert_cmpstr (heading, ==, cases[i].expected);
    }
}

static void
test_interface_language (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  g_autoptr(MerDocument) document = NULL;
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) mer_diagnostic_free);
  g_autoptr(GError) error = NULL;
  MerRegion *kurils;

  g_assert_cmpstr (mer_language_get_interface (), ==, language->lang);

  /* The story names the southern Kurils in both languages. */
  document = mer_loader_load_file (story, NULL, diagnostics, &error);
  g_assert_no_error (error);
  kurils = mer_document_lookup_region (document, "southern-kurils");
  g_assert_cmpstr (mer_region_get_display_name (kurils), ==, mer_region_get_name_for_lang (kurils, language->lang));
}

/* The base map names the Sea of Japan and Russia in the interface's
 * language: its gazetteer has their names in it. */
static void
test_basemap_names (void)
{
  g_autofree char *path = mer_paths_build_data_path ("basemap", "world.mbm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MerBasemap) basemap = mer_basemap_new_from_file (path, &error);
  g_autoptr(MerBasemapPainter) painter = NULL;
  MerLabelMeasure *measure = mer_label_measure_new ();
  const MerView centre = { .lat = 45, .lon = 135, .zoom = 4 };
  gboolean sea = FALSE, russia = FALSE;
  MerLabels *labels;
  MerMapView view;

  g_assert_no_error (error);
  painter = mer_basemap_painter_new (basemap);
  mer_map_view_init (&view, &centre, 1600, 1000, 1);
  labels = mer_labels_new (measure, view.width, view.height, TRUE);
  mer_basemap_painter_add_labels (painter, labels, &view, NULL);
  mer_labels_place (labels);
  for (guint i = 0; i < mer_labels_get_n_placed (labels); i++)
    {
      MerLabelBox box;
      MerLabel label;

      mer_labels_get_placed (labels, i, &box, &label);
      sea |= g_str_equal (label.markup, language->sea_of_japan);
      russia |= g_str_equal (label.markup, language->russia);
    }
  g_assert_true (sea);
  g_assert_true (russia);
  mer_labels_free (labels);
  mer_label_measure_free (measure);
}

static gboolean
document_loaded (gpointer data)
{
  return mer_window_get_document (data) != NULL;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

/* The details follow the selection in the frame after the views'. */
static gboolean
shows_details_date (gpointer window)
{
  return find_widget (window, is_label_with_text, language->day_range) != NULL;
}

static void
test_window (void)
{
  g_autofree char *story = mer_cli_find_bundled_story ();
  MerWindow *window = mer_window_new (NULL);
  MerDocument *document;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *dialog;
  GtkWidget *details_date;

  read_story_strings (story);
  g_assert_true (mer_window_open_path (window, story));
  gtk_window_present (GTK_WINDOW (window));
  wait_until (document_loaded, window);
  wait_for_frame (GTK_WIDGET (window));

  /* The details panel names the selected event's dates the language's way. */
  document = mer_window_get_document (window);
  mer_state_set_selected_event (mer_window_get_state (window), mer_document_lookup_event (document, "nagato-summit"));
  wait_until (shows_details_date, window);
  details_date = find_widget (GTK_WIDGET (window), is_label_with_text, language->day_range);
  g_assert_nonnull (details_date);

  assert_all_translated (GTK_WIDGET (window), "the window");

  dialog = GTK_WIDGET (mer_export_dialog_new (GTK_WINDOW (window), mer_window_get_state (window),
                                              mer_window_get_map (window), NULL));
  assert_all_translated (dialog, "the export dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));

  builder = gtk_builder_new_from_resource ("/org/meridian/Meridian/gtk/help-overlay.ui");
  assert_all_translated (GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay")), "the shortcuts window");
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;
  g_autofree char *recent_dir = NULL;
  int status;

  for (guint i = 0; argc > 1 && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (argv[1], languages[i].lang))
      language = &languages[i];
  if (language == NULL)
    {
      g_printerr ("usage: %s ja|ru [TEST OPTIONS]\n", argv[0]);
      return 2;
    }
  argv[1] = argv[0];
  argc--;
  argv++;

  /* The recent files are the user's, not the interface's: none here. */
  recent_dir = g_dir_make_tmp ("meridian-translations-XXXXXX", NULL);
  g_assert_nonnull (recent_dir);
  g_setenv ("XDG_DATA_HOME", recent_dir, TRUE);
  g_setenv ("LANGUAGE", language->lang, TRUE);
  if (setlocale (LC_ALL, language->locale) == NULL)
    {
      g_print ("1..0 # SKIP the %s locale is not installed (Debian: locales-all)\n", language->locale);
      return 77;
    }
  /* As main.c does: the catalogues compiled in the build tree. */
  locale_dir = mer_paths_dup_locale_dir ();
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  translated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  read_catalogue ();

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/i18n/dates", test_dates);
  g_test_add_func ("/i18n/date-label", test_date_label);
  g_test_add_func ("/i18n/time-axis", test_time_axis);
  g_test_add_func ("/i18n/plural-forms", test_plural_forms);
  g_test_add_func ("/i18n/basemap-names", test_basemap_names);
  g_test_add_func ("/i18n/interface-language", test_interface_language);

  /* Without a display the catalogue and the dates are still checked;
   * CI has Xvfb, so there the window must be checked too. */
  if (gtk_init_check ())
    {
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
      /* libadwaita styles the window, as in MerApplication; after animations
       * are off, so that its style manager leaves them off. */
      adw_init ();
      g_test_add_func ("/i18n/window", test_window);
    }
  else if (g_getenv ("CI") != NULL)
    {
      g_printerr ("No display in CI: run the window tests under xvfb-run.\n");
      return 1;
    }

  status = g_test_run ();
  g_rmdir (recent_dir);
  g_clear_pointer (&translated, g_hash_table_unref);
  g_clear_pointer (&story_strings, g_ptr_array_unref);
  return status;
}
