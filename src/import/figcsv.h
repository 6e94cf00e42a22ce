/*
 * figcsv.h: performance figures and targets from CSV (see figcsv.c).
 */
#ifndef WM_FIGCSV_H
#define WM_FIGCSV_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "import/import.h"
#include "model/ctx.h"

/*
 * Is this the start of a figures or targets CSV (a header with pi, unit,
 * period and value)? *targets says which, by the header.
 */
bool figcsv_claims(const char *head, size_t len, bool *targets);

/*
 * Stream the CSV from in (size bytes, for progress; 0 if unknown) into the
 * database inside the caller's transaction. Rows that cannot be taken go
 * into report's "unread" with their row number and why.
 */
int figcsv_read(struct wm_ctx *ctx, const char *file, FILE *in, uint64_t size,
    const struct import_opts *opts, bool targets, json_t *report, struct wm_err *err);

#endif
