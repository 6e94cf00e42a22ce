/*
 * ent_impl.h: what the two halves of the record engine share. Private to
 * model/: ent.c reads (SQL, keys, resolution), ent_write.c normalises and
 * writes.
 */
#ifndef WM_ENT_IMPL_H
#define WM_ENT_IMPL_H

#include "base/buf.h"
#include "model/ent.h"
#include "store/store.h"

#define MAX_PARAMS 96

/* Bound parameters collected while composing a statement. */
struct params {
	size_t n;
	struct param {
		enum { P_NULL, P_INT, P_REAL, P_TEXT } type;
		int64_t i;
		double d;
		const char *s;
	} p[MAX_PARAMS];
};

/* What a read includes. */
#define READ_RAW 0x1		/* no decoration */
#define READ_SECRETS 0x2	/* include FF_SECRET fields */

void param_int(struct params *ps, int64_t v);
void param_real(struct params *ps, double v);
void param_text(struct params *ps, const char *v);
void param_null(struct params *ps);
int prepare_bound(struct store *st, const struct buf *sql, const struct params *ps,
    struct stmt **out, struct wm_err *err);

const struct kind *target_kind(const struct field *f);
bool is_fixed(const struct kind *k, const struct field *f);
bool has_column(const struct field *f);

/* Fields a read or write of k deals with, in order. */
#define FOR_FIELDS(k, f) \
	for (const struct field *f = (k)->fields; f->name != NULL; f++) \
		if (!is_fixed((k), f))

/* The ts_* columns of a timescale, in order. */
#define TS_NCOLS 7
extern const char *const ts_cols[TS_NCOLS];

int read_one(struct wm_ctx *ctx, const struct kind *k, int64_t id, unsigned how, json_t **out,
    struct wm_err *err);
/* quiet: no "unknown ..." message, just WM_ENOTFOUND. */
int resolve(struct wm_ctx *ctx, const struct kind *k, const char *key, bool quiet, int64_t *id,
    struct wm_err *err);
/* Only the key exactly as written: WM_ENOTFOUND (no message) if none. */
int resolve_exact(struct wm_ctx *ctx, const struct kind *k, const char *key, int64_t *id,
    struct wm_err *err);
int normalize_value(struct wm_ctx *ctx, const struct kind *k, const struct field *f,
    const json_t *in, json_t **out, struct wm_err *err);
json_t *text_or_null(const char *s);

/* The SQL expression for the key of the row of k aliased alias; *n numbers the subqueries. */
void key_expr(struct buf *b, const struct kind *k, const char *alias, int *n);
/* A record as stored, secrets and all: what the audit log keeps. */
int stored(struct wm_ctx *ctx, const struct kind *k, int64_t id, json_t **out, struct wm_err *err);
/*
 * Record a change to record id in the audit log (action "add", "set",
 * "remove"), without secrets, with the digest of the row as it now is.
 */
int audit_change(struct wm_ctx *ctx, const struct kind *k, int64_t id, const char *action,
    const json_t *before, const json_t *after, struct wm_err *err);
/* Change the record with this id (see ent_set); *changed says whether anything did. */
int set_row(struct wm_ctx *ctx, const struct kind *k, int64_t id, const json_t *changes,
    int64_t if_version, bool restore, bool *changed, json_t **updated, struct wm_err *err);

#endif
