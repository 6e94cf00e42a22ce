/*
 * implog.h: the log of documents imported, by the hash of their bytes.
 */
#ifndef WM_IMPLOG_H
#define WM_IMPLOG_H

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"

/*
 * Note that the document with this SHA-256 was imported (once: a second
 * import of the same bytes adds nothing). kinds is a JSON array of names.
 */
int implog_record(struct wm_ctx *ctx, const char *sha256, const char *file, const json_t *kinds,
    const char *doc_date, const char *source, struct wm_err *err);

#endif
