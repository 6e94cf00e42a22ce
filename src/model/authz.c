/*
 * authz.c: the permission rules of authz.h.
 *
 * A lead officer's rights follow the posts they hold: a user is linked to
 * a person, the person holds posts, and a recommendation, project or plan
 * node names its lead posts. The check asks the database, in the same
 * transaction as the change, so it sees what the change sees.
 */
#include "base/wm.h"

#include "model/authz.h"
#include "model/ent.h"
#include "store/store.h"

bool
authz_published_only(const struct wm_ctx *ctx)
{
	return ctx->role == ROLE_PUBLIC;
}

static bool
is(const struct kind *k, const char *name)
{
	return strcmp(kind_base(k)->name, name) == 0;
}

int
authz_read(const struct wm_ctx *ctx, const struct kind *k, struct wm_err *err)
{
	if (is(k, "users") && ctx->role != ROLE_ADMIN && ctx->role != ROLE_SYSTEM)
		return wm_error(err, WM_EPERM, "only an administrator may see user accounts");
	if (ctx->role == ROLE_PUBLIC && kind_field(k, "published") == NULL &&
	    !is(k, "measurements") && !is(k, "targets") && !is(k, "nodes"))
		return wm_error(err, WM_EPERM, "%s are not published", k->name);
	return 0;
}

/* Does the acting user hold one of the posts linked to the record? */
static int
holds_lead_post(struct wm_ctx *ctx, const char *sql, const char *key_kind, const char *key,
    bool *holds, struct wm_err *err)
{
	const struct kind *k = kind_find(key_kind);
	struct stmt *s;
	int64_t id;
	int rc;

	*holds = false;
	if (key == NULL)
		return 0;
	if ((rc = ent_resolve(ctx, k, key, &id, err)) != 0)
		return rc;
	if ((rc = store_prepare(ctx->st, sql, &s, err)) != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	stmt_bind_int(s, 2, ctx->user_id);
	rc = stmt_step(s, err);
	*holds = rc == STORE_ROW;
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

static int
lead_may(struct wm_ctx *ctx, const struct kind *k, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	const json_t *row = after != NULL ? after : before;
	bool holds = false;
	int rc = 0;

	if (is(k, "progress") || is(k, "revisions")) {
		rc = holds_lead_post(ctx,
		    "SELECT 1 FROM rec_lead l JOIN post_holder h ON h.post_id = l.post_id"
		    " JOIN app_user u ON u.person_id = h.person_id WHERE l.rec_id = ? AND u.id = ?",
		    "recommendations", json_string_value(json_object_get(row, "recommendation")),
		    &holds, err);
		if (rc == 0 && !holds)
			rc = wm_error(err, WM_EPERM,
			    "you may update only the recommendations that a post you hold leads");
		return rc;
	}
	if (is(k, "project_reports")) {
		rc = holds_lead_post(ctx,
		    "SELECT 1 FROM project p JOIN post_holder h ON h.post_id = p.manager_post_id"
		    " JOIN app_user u ON u.person_id = h.person_id WHERE p.id = ? AND u.id = ?",
		    "projects", json_string_value(json_object_get(row, "project")), &holds, err);
		if (rc == 0 && !holds)
			rc = wm_error(err, WM_EPERM,
			    "you may report only on projects that a post you hold manages");
		return rc;
	}
	return wm_error(err, WM_EPERM, "a lead officer may not change %s", k->name);
}

int
authz_write(struct wm_ctx *ctx, const struct kind *k, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	switch (ctx->role) {
	case ROLE_SYSTEM:
	case ROLE_ADMIN:
		return 0;
	case ROLE_PLANNER:
		if (is(k, "users"))
			return wm_error(err, WM_EPERM, "only an administrator may manage users");
		return 0;
	case ROLE_LEAD:
		if (is(k, "comments") && before == NULL)
			return 0;
		return lead_may(ctx, k, before, after, err);
	case ROLE_MEMBER:
		if (is(k, "comments") && before == NULL)
			return 0;
		return wm_error(err, WM_EPERM, "a committee member may add comments but not change %s",
		    k->name);
	case ROLE_PUBLIC:
		break;
	}
	return wm_error(err, WM_EPERM, "log in to make changes");
}
