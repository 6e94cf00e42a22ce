/*
 * misc.c: hooks for user accounts, comments and aliases.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/buf.h"
#include "base/date.h"
#include "model/authz.h"
#include "model/ent.h"
#include "model/hooks.h"
#include "store/store.h"

/* The longest user name. */
#define USER_NAME_MAX 64

static int
user_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	const char *name = json_string_value(json_object_get(row, "username"));
	char now[TIMESTAMP_LEN];

	/*
	 * What someone types to sign in, and what the log names them by
	 * (web:NAME): letters, digits and . _ - @, starting with a letter or
	 * digit. Checked where a name is given, so names made before stand.
	 */
	if (name != NULL && (before == NULL || !json_equal(json_object_get(before, "username"),
	    json_object_get(row, "username")))) {
		size_t n = strlen(name);
		bool ok = n >= 1 && n <= USER_NAME_MAX && isalnum((unsigned char)name[0]);

		for (size_t i = 0; ok && i < n; i++)
			ok = name[i] > 0 && (isalnum((unsigned char)name[i]) || strchr("._-@", name[i]));
		if (!ok)
			return wm_error(err, WM_EINVAL, "user name \"%s\": use 1 to %d letters, digits, "
			    "dots, dashes, underscores or @, starting with a letter or digit", name,
			    USER_NAME_MAX);
	}
	if (before == NULL && json_string_value(json_object_get(row, "created_at")) == NULL) {
		timestamp_format(ctx->now, now);
		json_object_set_new(row, "created_at", json_string(now));
	}
	return 0;
}

static bool
enabled_admin(const json_t *u)
{
	const char *role = json_string_value(json_object_get(u, "role"));

	return u != NULL && role != NULL && strcmp(role, "admin") == 0 &&
	    !json_is_true(json_object_get(u, "disabled"));
}

/*
 * A user disabled, or given another role, signs in again: their sessions
 * end, so that enabling them later revives none and a session never acts
 * with a role the user no longer has. And someone must always be able to
 * manage accounts: no change, whoever makes it, leaves no enabled
 * administrator where there was one.
 */
static int
user_after(struct wm_ctx *ctx, int64_t id, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	struct stmt *s;
	int rc;

	if (before == NULL)
		return 0;
	if (after != NULL && (json_is_true(json_object_get(after, "disabled")) ||
	    !json_equal(json_object_get(before, "role"), json_object_get(after, "role")))) {
		if ((rc = store_prepare(ctx->st, "DELETE FROM app_session WHERE user_id = ?", &s,
		    err)) != 0)
			return rc;
		stmt_bind_int(s, 1, id);
		if ((rc = stmt_exec(s, err)) != 0)
			return rc;
	}
	if (!enabled_admin(before) || enabled_admin(after))
		return 0;
	if ((rc = store_prepare(ctx->st, "SELECT COUNT(*) FROM app_user WHERE role = 'admin'"
	    " AND disabled = 0", &s, err)) != 0)
		return rc;
	rc = stmt_step(s, err);
	if (rc == STORE_ROW && stmt_int(s, 0) == 0)
		rc = wm_error(err, WM_EINVAL, "%s is the only administrator who can sign in: make "
		    "another user an administrator first", json_string_value(json_object_get(before,
		    "username")));
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

const struct kind_hooks user_hooks = { user_prepare, user_after, NULL };

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
	/* before looking the record up: whether it exists is not theirs to learn */
	if ((rc = authz_read(ctx, k, err)) != 0)
		return rc;
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
