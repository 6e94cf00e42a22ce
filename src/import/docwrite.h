/*
 * docwrite.h: importing a planning paper into the database (see docwrite.c).
 */
#ifndef WM_DOCWRITE_H
#define WM_DOCWRITE_H

#include <jansson.h>

#include "base/err.h"
#include "import/import.h"
#include "model/ctx.h"

/* Read the paper in data and merge it; fills report (import.h's shape). */
int docwrite(struct wm_ctx *ctx, const char *name, const char *data, size_t len,
    const struct import_opts *opts, json_t *report, struct wm_err *err);

#endif
