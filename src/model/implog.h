/*
 * implog.h: the log of documents imported, by the hash of their bytes.
 */
#ifndef WM_IMPLOG_H
#define WM_IMPLOG_H

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"

#include "model/audit.h"

/*
 * Note that the document with this SHA-256 was imported (once: a second
 * import of the same bytes adds nothing). kinds is a JSON array of names.
 * span, if not NULL, began before the merge (audit.h): the import's entry
 * then names the entries that hold each record it added or changed, with
 * their old values.
 */
int implog_record(struct wm_ctx *ctx, const char *sha256, const char *file, const json_t *kinds,
    const char *doc_date, const char *source, const struct audit_span *span,
    struct wm_err *err);

#endif
