/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ink"

#include "config.h"

#include "mer-ink.h"

/* Where two frames' items differ (MerInk): the boxes of the items that
 * went, came, changed or changed places with one they overlap; nothing
 * for items drawn alike. */

static GArray *
items (void)
{
  GArray *ink = g_array_new (FALSE, FALSE, sizeof (MerInk));

  mer_ink_add (ink, 10, 10, 20, 20, 1);    /* a marker */
  mer_ink_add (ink, 15, 15, 40, 22, 2);    /* its label, over it */
  mer_ink_add (ink, 100, 50, 110, 60, 3);  /* another marker, apart */
  return ink;
}

static void
assert_damage (cairo_region_t              *damage,
               const cairo_rectangle_int_t *expected,
               int                          n_expected)
{
  cairo_region_t *want = cairo_region_create ();

  for (int i = 0; i < n_expected; i++)
    cairo_region_union_rectangle (want, &expected[i]);
  g_assert_true (cairo_region_equal (damage, want));
  cairo_region_destroy (want);
}

static void
test_same (void)
{
  g_autoptr(GArray) before = items ();
  g_autoptr(GArray) after = items ();
  cairo_region_t *damage = cairo_region_create ();

  mer_ink_add_damage (before, after, 1, damage);
  g_assert_true (cairo_region_is_empty (damage));
  cairo_region_destroy (damage);
}

static void
test_changed (void)
{
  g_autoptr(GArray) before = items ();
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (MerInk));
  cairo_region_t *damage = cairo_region_create ();

  /* The first marker's look changed (selected), the other moved by half
   * a pixel, the label stayed. */
  mer_ink_add (after, 10, 10, 20, 20, 7);
  mer_ink_add (after, 15, 15, 40, 22, 2);
  mer_ink_add (after, 100.5, 50, 110.5, 60, 3);
  mer_ink_add_damage (before, after, 1, damage);
  assert_damage (damage, (cairo_rectangle_int_t[]) { { 10, 10, 10, 10 }, { 100, 50, 11, 10 } }, 2);
  cairo_region_destroy (damage);

  /* At scale 2, in device pixels. */
  damage = cairo_region_create ();
  g_array_set_size (after, 2);
  mer_ink_add_damage (before, after, 2, damage);
  assert_damage (damage, (cairo_rectangle_int_t[]) { { 20, 20, 20, 20 }, { 200, 100, 20, 20 } }, 2);
  cairo_region_destroy (damage);
}

static void
test_order (void)
{
  g_autoptr(GArray) before = items ();
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (MerInk));
  cairo_region_t *damage = cairo_region_create ();

  /* The label now under the marker it overlaps: both; the apart marker
   * drawn first now: nothing, it overlaps neither. */
  g_array_append_val (after, g_array_index (before, MerInk, 2));
  g_array_append_val (after, g_array_index (before, MerInk, 1));
  g_array_append_val (after, g_array_index (before, MerInk, 0));
  mer_ink_add_damage (before, after, 1, damage);
  assert_damage (damage, (cairo_rectangle_int_t[]) { { 10, 10, 10, 10 }, { 15, 15, 25, 7 } }, 2);
  cairo_region_destroy (damage);
}

static void
test_repeated (void)
{
  g_autoptr(GArray) before = items ();
  g_autoptr(GArray) after = items ();
  cairo_region_t *damage = cairo_region_create ();

  /* The same item twice in one frame: the second copy is new. */
  g_array_append_val (after, g_array_index (before, MerInk, 2));
  mer_ink_add_damage (before, after, 1, damage);
  assert_damage (damage, (cairo_rectangle_int_t[]) { { 100, 50, 10, 10 } }, 1);
  cairo_region_destroy (damage);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/ink/same", test_same);
  g_test_add_func ("/render/ink/changed", test_changed);
  g_test_add_func ("/render/ink/order", test_order);
  g_test_add_func ("/render/ink/repeated", test_repeated);

  return g_test_run ();
}
