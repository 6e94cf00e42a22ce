/*
 * search.h: the site-wide search over records' names and texts.
 *
 * Every kind with words worth finding (a name, or text of several lines:
 * derived from the kinds' descriptions, kind.h's FF_NAME and FF_LONG) has
 * each record's name and texts in the table search_doc, which the record
 * engine writes in the same transaction as the record (ent_write.c,
 * ent_remove.c), so a search never lags a change. Each engine indexes the
 * table its own way behind the store's dialect (store_search_sql): FTS5 on
 * SQLite, a weighted tsvector on PostgreSQL. What a reader may not see
 * (the public: what is not published) is never found, because each hit is
 * read back through the engine with the reader's rights.
 */
#ifndef WM_SEARCH_H
#define WM_SEARCH_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"
#include "model/kind.h"

/* The most records one search gives. */
#define SEARCH_MAX 200
/* The most words of a search, and the longest word, that are looked for. */
#define SEARCH_WORDS 8
#define SEARCH_WORD_LEN 64

/* Does the search hold records of this kind (a base kind with a name or long text)? */
bool search_indexed(const struct kind *k);

/* Put the record id of kind k (row as the engine stores it) in the search, or take it out. */
int search_put(struct wm_ctx *ctx, const struct kind *k, int64_t id, const json_t *row,
    struct wm_err *err);
int search_drop(struct wm_ctx *ctx, const struct kind *k, int64_t id, struct wm_err *err);

/* Does the search hold nothing? (`waymark init` fills it then.) */
int search_empty(struct wm_ctx *ctx, bool *empty, struct wm_err *err);

/* Fill the search from every record, as `waymark init` does on upgrading; *n: how many. */
int search_rebuild(struct wm_ctx *ctx, int64_t *n, struct wm_err *err);

/*
 * The words of text a search looks for: runs of letters and digits, in
 * lower case, at most SEARCH_WORDS of them; how many.
 */
size_t search_words(const char *text, char words[][SEARCH_WORD_LEN], size_t max);

/*
 * The records whose name or texts hold every word of text (each the start
 * of a word there), the best first: *out is an array of {"kind": the kind's
 * name, "key", "record": the record as ent_get gives it}, only those the
 * actor may read, at most SEARCH_MAX; *more is true when there were more.
 * Text with no words gives none; text that is not UTF-8, WM_EINVAL.
 */
int search_find(struct wm_ctx *ctx, const char *text, json_t **out, bool *more,
    struct wm_err *err);

#endif
