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
#include "base/buf.h"
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

/*
 * Does the change touch only these fields? A lead officer may move a plan
 * node or a milestone along, not rewrite it.
 */
static bool
changes_only(const struct kind *k, const json_t *before, const json_t *after,
    const char *const *allowed, const char **which)
{
	if (before == NULL || after == NULL)
		return false;
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		const json_t *b = json_object_get(before, f->name), *a = json_object_get(after, f->name);
		bool ok = false;

		if (a == NULL || (b != NULL && json_equal(a, b)) || (b == NULL && json_is_null(a)))
			continue;
		for (size_t i = 0; allowed[i] != NULL; i++)
			ok = ok || strcmp(allowed[i], f->name) == 0;
		if (!ok) {
			*which = f->name;
			return false;
		}
	}
	return true;
}

static int
lead_may(struct wm_ctx *ctx, const struct kind *k, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	static const char *const node_fields[] = { "status", NULL };
	static const char *const milestone_fields[] = { "status", "done_on", NULL };
	const json_t *row = after != NULL ? after : before;
	struct buf key = BUF_INIT;
	const char *which = "";
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
	if (is(k, "commentaries")) {
		rc = holds_lead_post(ctx,
		    "SELECT 1 FROM pi p JOIN post_holder h ON h.post_id = p.owner_post_id"
		    " JOIN app_user u ON u.person_id = h.person_id WHERE p.id = ? AND u.id = ?",
		    "pis", json_string_value(json_object_get(row, "pi")), &holds, err);
		if (rc == 0 && !holds)
			rc = wm_error(err, WM_EPERM,
			    "you may comment only on indicators that a post you hold owns");
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
	if (is(k, "nodes")) {
		if (!changes_only(kind_base(k), before, after, node_fields, &which))
			return wm_error(err, WM_EPERM, "a lead officer may change only the status of a "
			    "plan item%s%s", *which ? ", not its " : "", which);
		if (ent_row_key(kind_base(k), row, &key) == 0)
			rc = holds_lead_post(ctx,
			    "SELECT 1 FROM node_lead l JOIN post_holder h ON h.post_id = l.post_id"
			    " JOIN app_user u ON u.person_id = h.person_id WHERE l.node_id = ? AND u.id = ?",
			    "nodes", buf_str(&key), &holds, err);
		buf_release(&key);
		if (rc == 0 && !holds)
			rc = wm_error(err, WM_EPERM,
			    "you may update only the plan items that a post you hold leads");
		return rc;
	}
	if (is(k, "milestones")) {
		if (!changes_only(k, before, after, milestone_fields, &which))
			return wm_error(err, WM_EPERM, "a lead officer may change only the status and "
			    "completion date of a milestone%s%s", *which ? ", not its " : "", which);
		if (ent_row_key(k, row, &key) == 0)
			rc = holds_lead_post(ctx,
			    "SELECT 1 FROM milestone m JOIN post_holder h ON h.post_id = m.post_id"
			    " JOIN app_user u ON u.person_id = h.person_id WHERE m.id = ? AND u.id = ?",
			    "milestones", buf_str(&key), &holds, err);
		buf_release(&key);
		if (rc == 0 && !holds)
			rc = wm_error(err, WM_EPERM,
			    "you may update only the milestones that a post you hold is responsible for");
		return rc;
	}
	return wm_error(err, WM_EPERM, "a lead officer may not change %s", k->name);
}

bool
authz_may_write_kind(const struct wm_ctx *ctx, const struct kind *k)
{
	/* what lead_may lets a lead officer change (some of) */
	static const char *const lead_kinds[] = { "progress", "revisions", "project_reports",
		"nodes", "milestones", "comments", "commentaries" };

	if (k->flags & KF_READONLY)
		return false;
	switch (ctx->role) {
	case ROLE_SYSTEM:
	case ROLE_ADMIN:
		return true;
	case ROLE_PLANNER:
		return !is(k, "users");
	case ROLE_LEAD:
		for (size_t i = 0; i < WM_ARRAY_LEN(lead_kinds); i++)
			if (is(k, lead_kinds[i]))
				return true;
		return false;
	case ROLE_MEMBER:
		return is(k, "comments");
	case ROLE_PUBLIC:
		break;
	}
	return false;
}

int
authz_audit(const struct wm_ctx *ctx, struct wm_err *err)
{
	if (ctx->role == ROLE_PUBLIC)
		return wm_error(err, WM_EPERM, "the audit log is not published: log in to read it");
	return 0;
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
