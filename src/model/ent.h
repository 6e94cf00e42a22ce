/*
 * ent.h: the generic engine that lists, shows, adds, sets and removes
 * records of every kind described in kinds.c.
 *
 * Records travel as jansson objects with the fields' names, references as
 * the keys of what they refer to (never ids), so the same JSON serves the
 * command line, the API and export files. Every change runs in one
 * transaction with its permission check, its kind's hooks and its audit
 * entry; any failure leaves nothing behind.
 */
#ifndef WM_ENT_H
#define WM_ENT_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"
#include "model/kind.h"

struct buf;
struct stmt;

struct ent_query {
	const json_t *where;	/* object: field name -> value that must match */
	const char *from;	/* period or date: only records within [from, to] */
	const char *to;
	size_t limit;		/* 0: no limit */
	size_t offset;
	bool raw;		/* stored fields only, as exported (no decoration) */
	bool secrets;		/* with raw: include secret fields (system and admin only) */
};

/* A JSON array of records. */
int ent_list(struct wm_ctx *ctx, const struct kind *k, const struct ent_query *q,
    json_t **out, struct wm_err *err);
/* How many records ent_list would give without q's limit and offset. */
int ent_count(struct wm_ctx *ctx, const struct kind *k, const struct ent_query *q, size_t *n,
    struct wm_err *err);
int ent_get(struct wm_ctx *ctx, const struct kind *k, const char *key, json_t **out,
    struct wm_err *err);
/* Find a record by key, or by name or alias where the kind allows. */
int ent_resolve(struct wm_ctx *ctx, const struct kind *k, const char *key, int64_t *id,
    struct wm_err *err);
int ent_get_by_id(struct wm_ctx *ctx, const struct kind *k, int64_t id, bool raw,
    json_t **out, struct wm_err *err);

/*
 * Add a record from fields (strings are accepted for every type, as the
 * command line gives them). *created, if not NULL, receives the record as
 * stored.
 */
int ent_add(struct wm_ctx *ctx, const struct kind *k, const json_t *fields, json_t **created,
    struct wm_err *err);

/*
 * Change the given fields of the record with this key. With if_version > 0
 * the change is made only if the record is still at that version
 * (WM_ECONFLICT otherwise).
 */
int ent_set(struct wm_ctx *ctx, const struct kind *k, const char *key, const json_t *changes,
    int64_t if_version, json_t **updated, struct wm_err *err);

/*
 * Every problem with these fields at once, for a form to show beside each
 * (the engine itself stops at the first): *problems receives an array of
 * {"field", "reason", "message"}, empty when the fields would be taken as
 * far as their own values and what they refer to go (a kind's own rules
 * are checked when the change is made). reason is one of kind.h's words,
 * or "unknown" (no such field), "derived" (Waymark works it out) or
 * "reference" (it names no record). A required field given empty is a
 * problem; with adding, so is one not given.
 */
int ent_check(struct wm_ctx *ctx, const struct kind *k, const json_t *fields, bool adding,
    json_t **problems, struct wm_err *err);

/*
 * Remove the record with this key. A record others refer to is refused
 * (WM_EINUSE) saying which and how many, unless cascade: then every
 * record that needs it is removed first (and what needs those), every
 * optional reference to it cleared and every link list dropping it, each
 * change permitted and audited as if made one by one.
 */
int ent_remove(struct wm_ctx *ctx, const struct kind *k, const char *key, int64_t if_version,
    struct wm_err *err);
int ent_remove_cascade(struct wm_ctx *ctx, const struct kind *k, const char *key,
    int64_t if_version, struct wm_err *err);

/*
 * What refers to the record with this key, as a remove form shows it: an
 * array of {"kind", "field", "count", "keys" (the first few),
 * "on_cascade": "removed" | "cleared" | "unlinked"}, one per kind and
 * field that refers to it; empty when nothing does.
 */
int ent_referrers(struct wm_ctx *ctx, const struct kind *k, const char *key, json_t **out,
    struct wm_err *err);

/* One field's value as the engine would store it (strings are read by the field's type). */
int ent_normalize_field(struct wm_ctx *ctx, const struct kind *k, const struct field *f,
    const json_t *in, json_t **out, struct wm_err *err);

/*
 * Make the record in row exist as given: add it, change what differs, or
 * leave it alone (*changed says which: 0 none, 1 added, 2 changed). With
 * restore, derived fields and versions are taken as given and nothing is
 * audited: a whole-database import puts back what an export took away.
 */
enum { ENT_UNCHANGED = 0, ENT_ADDED = 1, ENT_CHANGED = 2 };
int ent_upsert(struct wm_ctx *ctx, const struct kind *k, const json_t *row, bool restore,
    int *changed, struct wm_err *err);

/* The key of a record given as JSON: its key fields joined by '/'. */
int ent_row_key(const struct kind *k, const json_t *row, struct buf *out);
/*
 * For a hook that adds to many rows at once (rows[] sorted by id): sql,
 * whose two placeholders are the first and last id of a range ("WHERE
 * x.rec_id BETWEEN ? AND ?"), prepared and bound in *s for the next run of
 * near ids from *at, so that one query serves a page and never reads much
 * beyond its rows. STORE_ROW when *s is ready to step, STORE_DONE after
 * the last run, or an error. Rows in the range that are not in rows[]
 * come back too: kind_row_find() tells them apart.
 */
int ent_rows_next(struct wm_ctx *ctx, const char *sql, const struct kind_row *rows, size_t n,
    size_t *at, struct stmt **s, struct wm_err *err);

/*
 * Fill row's "timescale" (a string or an object with only "text") with what
 * the text means, the year taken from doc_date where the text has none. A
 * timescale already read (one with its flags) is left as it is.
 */
void ent_fill_timescale(json_t *row, int doc_date);

/* The date field `field` of the record of kind `kind` with this key; DATE_NONE if unset. */
int ent_ref_date(struct wm_ctx *ctx, const char *kind, const char *key, const char *field,
    int *date, struct wm_err *err);

/* Next free sequence number: 1 + the largest `seq` where col = id in table. */
int ent_next_seq(struct wm_ctx *ctx, const char *table, const char *col, int64_t id,
    int64_t *seq, struct wm_err *err);

#endif
