/*
 * dbx.h: a whole database as one JSON document (docs/json.md).
 *
 *   {"format": "waymark-export", "version": 1, "schema": N,
 *    "units": [...], "posts": [...], ..., "audit": [...]}
 *
 * Kinds appear in dependency order, records with references as keys, so a
 * file can be read and written by hand. An export restores into an empty
 * database exactly, audit log included: exporting the copy gives the same
 * file, but for one checkpoint entry at the end of its log when the copy's
 * rows are numbered or its figures laid out otherwise than the original's
 * (the log's digests name rows by number; audit.h). A file whose format is "waymark-data" (no audit log) is merged
 * instead: each record is added or changed as needed, and every change is
 * audited as if made by hand; the bundled sample is such a file.
 */
#ifndef WM_DBX_H
#define WM_DBX_H

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"

#define DBX_FORMAT_EXPORT "waymark-export"
#define DBX_FORMAT_DATA "waymark-data"
#define DBX_VERSION 1

/* The database as it is at one moment, even while others write to it. */
int dbx_export(struct wm_ctx *ctx, json_t **out, struct wm_err *err);

/*
 * Import a document of either format in one transaction. *summary
 * receives {"kind": {"added": n, "changed": n, "unchanged": n}, ...}.
 */
int dbx_import(struct wm_ctx *ctx, const json_t *doc, json_t **summary, struct wm_err *err);

/*
 * Copy the whole of one database, audit log included, into another that
 * has no history yet (on the same engine or not): an export restored, in
 * one transaction. *summary is dbx_import's, with "audit": {"added": n}.
 */
int dbx_copy(struct wm_ctx *from, struct wm_ctx *to, json_t **summary, struct wm_err *err);

#endif
