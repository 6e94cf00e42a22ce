/*
 * misc.c: hooks for user accounts, comments and aliases.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "model/ent.h"
#include "model/hooks.h"
#include "store/store.h"

static int
user_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	char now[TIMESTAMP_LEN];

	(void)err;
	if (before == NULL && json_string_value(json_object_get(row, "created_at")) == NULL) {
		timestamp_format(ctx->now, now);
		json_object_set_new(row, "created_at", json_string(now));
	}
	return 0;
}

const struct kind_hooks user_hooks = { user_prepare, NULL, NULL };

/* Who wrote it (as the audit log names them) and when: set by Waymark, never given. */
static void
stamp(const struct wm_ctx *ctx, json_t *row)
{
	char now[TIMESTAMP_LEN];

	timestamp_format(ctx->now, now);
	json_object_set_new(row, "author", json_string(ctx->actor ? ctx->actor : "unknown"));
	json_object_set_new(row, "at", json_string(now));
}

/* A comment names what it is on by kind and key; both must exist. */
static int
comment_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	const char *kind = json_string_value(json_object_get(row, "kind"));
	const char *ref = json_string_value(json_object_get(row, "ref"));
	const struct kind *k;
	struct stmt *s;
	int64_t id;
	int rc;

	if (before != NULL)
		return 0;
	if (kind == NULL || (k = kind_find(kind)) == NULL)
		return wm_error(err, WM_EINVAL, "comment kind: \"%s\" is not a kind of record",
		    kind ? kind : "");
	if ((rc = ent_resolve(ctx, k, ref, &id, err)) != 0)
		return rc;
	json_object_set_new(row, "kind", json_string(kind_base(k)->name));
	if (!json_is_integer(json_object_get(row, "seq"))) {
		rc = store_prepare(ctx->st,
		    "SELECT COALESCE(MAX(seq), 0) + 1 FROM comment WHERE kind = ? AND ref = ?", &s, err);
		if (rc != 0)
			return rc;
		stmt_bind_text(s, 1, kind_base(k)->name);
		stmt_bind_text(s, 2, ref);
		rc = stmt_step(s, err);
		json_object_set_new(row, "seq", json_integer(rc == STORE_ROW ? stmt_int(s, 0) : 1));
		stmt_reset(s);
		if (rc < 0)
			return rc;
	}
	stamp(ctx, row);
	return 0;
}

const struct kind_hooks comment_hooks = { comment_prepare, NULL, NULL };

/* A commentary says who wrote it and when, rewritten or not. */
static int
commentary_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	(void)before;
	(void)err;
	stamp(ctx, row);
	return 0;
}

const struct kind_hooks commentary_hooks = { commentary_prepare, NULL, NULL };

/* An alias must name a kind and stand for a record of it that exists. */
static int
alias_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	const char *kind = json_string_value(json_object_get(row, "kind"));
	const char *target = json_string_value(json_object_get(row, "target"));
	const struct kind *k;
	int64_t id;
	int rc;

	(void)before;
	if (kind == NULL || (k = kind_find(kind)) == NULL)
		return wm_error(err, WM_EINVAL, "alias kind: \"%s\" is not a kind of record",
		    kind ? kind : "");
	json_object_set_new(row, "kind", json_string(kind_base(k)->name));
	if ((rc = ent_resolve(ctx, k, target, &id, err)) != 0) {
		wm_error_prefix(err, "alias target: ");
		return rc;
	}
	return 0;
}

const struct kind_hooks alias_hooks = { alias_prepare, NULL, NULL };
