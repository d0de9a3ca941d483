/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MER_TYPE_APPLICATION (mer_application_get_type ())
G_DECLARE_FINAL_TYPE (MerApplication, mer_application, MER, APPLICATION, AdwApplication)

MerApplication *mer_application_new (void);

G_END_DECLS
