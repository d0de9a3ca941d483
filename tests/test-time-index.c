/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mer-time-index.h"

static void
check_against_scan (const gint64 *firsts,
                    const gint64 *lasts,
                    guint         n,
                    gint64        a,
                    gint64        b,
                    MerTimeIndex *index)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));

  mer_time_index_query (index, a, b, hits);
  for (guint i = 0; i < n; i++)
    if (firsts[i] <= b && lasts[i] >= a)
      g_array_append_val (expected, i);

  g_assert_cmpuint (hits->len, ==, expected->len);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpuint (g_array_index (hits, guint, i), ==, g_array_index (expected, guint, i));
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
test_random (void)
{
  GRand *rand = g_rand_new_with_seed (20161215);

  for (guint round = 0; round < 40; round++)
    {
      guint n = g_rand_int_range (rand, 0, round < 10 ? 20 : 3000);
      g_autofree gint64 *firsts = g_new (gint64, MAX (n, 1));
      g_autofree gint64 *lasts = g_new (gint64, MAX (n, 1));
      g_autoptr(MerTimeIndex) index = NULL;

      for (guint i = 0; i < n; i++)
        firsts[i] = g_rand_int_range (rand, -100000, 100000);
      qsort (firsts, n, sizeof (gint64), compare_gint64);
      for (guint i = 0; i < n; i++)
        {
          /* Mostly short events, a few very long ones. */
          gint64 length = g_rand_int_range (rand, 0, 100) < 95 ? g_rand_int_range (rand, 0, 500)
                                                                : g_rand_int_range (rand, 0, 150000);
          lasts[i] = firsts[i] + length;
        }

      index = mer_time_index_new (firsts, lasts, n);
      for (guint q = 0; q < 200; q++)
        {
          gint64 a = g_rand_int_range (rand, -120000, 120000);
          gint64 b = a + g_rand_int_range (rand, 0, q % 2 ? 1000 : 60000);

          check_against_scan (firsts, lasts, n, a, b, index);
        }
    }

  g_rand_free (rand);
}

static void
test_edges (void)
{
  static const gint64 firsts[] = { 10, 20, 20, 30 };
  static const gint64 lasts[] = { 19, 20, 25, 40 };
  g_autoptr(MerTimeIndex) index = mer_time_index_new (firsts, lasts, G_N_ELEMENTS (firsts));
  g_autoptr(MerTimeIndex) empty = mer_time_index_new (NULL, NULL, 0);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Windows are inclusive at both ends. */
  mer_time_index_query (index, 19, 19, hits);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (g_array_index (hits, guint, 0), ==, 0);

  g_array_set_size (hits, 0);
  mer_time_index_query (index, 20, 20, hits);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpuint (g_array_index (hits, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (hits, guint, 1), ==, 2);

  g_array_set_size (hits, 0);
  mer_time_index_query (index, 41, 100, hits);
  g_assert_cmpuint (hits->len, ==, 0);

  g_array_set_size (hits, 0);
  mer_time_index_query (index, 30, 10, hits);
  g_assert_cmpuint (hits->len, ==, 0);

  mer_time_index_query (empty, G_MININT64, G_MAXINT64, hits);
  g_assert_cmpuint (hits->len, ==, 0);

  /* Two items: the smallest tree whose build once read before its array. */
  {
    g_autoptr(MerTimeIndex) two = mer_time_index_new (firsts, lasts, 2);

    mer_time_index_query (two, 0, 100, hits);
    g_assert_cmpuint (hits->len, ==, 2);
  }
}

/* Only the last item reaches far: the index must carry its last second up
 * through the subtrees that have no right child, whatever the item count. */
static void
test_long_last (void)
{
  for (guint n = 1; n <= 130; n++)
    {
      g_autofree gint64 *firsts = g_new (gint64, n);
      g_autofree gint64 *lasts = g_new (gint64, n);
      g_autoptr(MerTimeIndex) index = NULL;

      for (guint i = 0; i < n; i++)
        firsts[i] = lasts[i] = i;
      lasts[n - 1] = 1000;
      index = mer_time_index_new (firsts, lasts, n);

      for (gint64 t = n; t <= 1000; t += 7)
        {
          g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));

          mer_time_index_query (index, t, t, hits);
          g_assert_cmpuint (hits->len, ==, 1);
          g_assert_cmpuint (g_array_index (hits, guint, 0), ==, n - 1);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/time-index/random", test_random);
  g_test_add_func ("/core/time-index/edges", test_edges);
  g_test_add_func ("/core/time-index/long-last", test_long_last);

  return g_test_run ();
}
