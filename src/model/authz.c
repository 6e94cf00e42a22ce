/*
 * authz.c: the permission rules of authz.h.
 *
 * A lead officer's rights follow the posts they hold: a user is linked to
 * a person, the person holds posts, and a recommendation, project or plan
 * node names its lead posts. The check asks the database, in the same
 * transaction as the change, so it sees what the change sees.
 *
 * A change is checked against the record as it was and as it would be:
 * a lead may not rewrite an update on what someone else leads by moving it
 * onto what they lead. Moving a record to another of the records its key
 * names (its parent) is a planner's change alone.
 */
#include "base/wm.h"

#include "model/authz.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/str.h"
#include "model/ent.h"
#include "model/track.h"
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
	if (ctx->role == ROLE_PUBLIC && !authz_public_kind(k))
		return wm_error(err, WM_EPERM, "%s are not published", k->name);
	return 0;
}

bool
authz_read_quiet(const struct wm_ctx *ctx, const char *kind)
{
	const struct kind *k = kind_find(kind);

	return k != NULL && authz_read(ctx, k, NULL) == 0;
}

bool
authz_public_kind(const struct kind *k)
{
	if (kind_field(k, "published") == NULL && !(k->flags & KF_PUBLIC))
		return false;
	for (const struct field *f = k->fields; f->name != NULL; f++)
		if (f->type == FT_REF && (f->flags & FF_KEY) && kind_find(f->target) != k &&
		    !authz_public_kind(kind_find(f->target)))
			return false;
	return true;
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

/* 1 when user ? holds the post that owns indicator ? */
#define PI_OWNED "SELECT 1 FROM pi p JOIN post_holder h ON h.post_id = p.owner_post_id" \
	" JOIN app_user u ON u.person_id = h.person_id WHERE p.id = ? AND u.id = ?"

/* Does the acting user hold the post that owns the indicator (its code)? */
static int
owns_pi(struct wm_ctx *ctx, const char *pi, bool *holds, struct wm_err *err)
{
	return holds_lead_post(ctx, PI_OWNED, "pis", pi, holds, err);
}

bool
authz_may_approve(struct wm_ctx *ctx, const char *pi)
{
	bool holds = false;

	switch (ctx->role) {
	case ROLE_SYSTEM:
	case ROLE_ADMIN:
	case ROLE_PLANNER:
		return true;
	case ROLE_LEAD:
		return owns_pi(ctx, pi, &holds, NULL) == 0 && holds;
	default:
		return false;
	}
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

/*
 * What a lead officer may change, by kind: the records on what their posts
 * lead. For the kinds a lead adds to (updates on a recommendation, reports
 * on a project), field names the record it is on; for the kinds a lead
 * moves along (a plan item, a milestone), the record itself, and only the
 * fields listed.
 */
struct lead_rule {
	const char *kind;
	const char *field;		/* the record whose lead posts count; NULL: itself */
	const char *target;		/* its kind */
	const char *sql;		/* 1 when user ? holds a post leading record ? */
	const char *const *fields;	/* the only fields a lead may change; NULL: any */
	const char *refusal;
	const char *what;		/* for "a lead officer may change only ..." */
	/* or, failing that, the record this field names, by or_sql (NULL: no other way) */
	const char *or_field, *or_target, *or_sql;
};

/* a lead_rule's field for what is on a tracked item, whichever kind it is */
#define TRACKED_ITEM "(tracked item)"
#define PROJECT_LED "SELECT 1 FROM project p JOIN post_holder h ON h.post_id = p.manager_post_id" \
	" JOIN app_user u ON u.person_id = h.person_id WHERE p.id = ? AND u.id = ?"

static const char *const node_fields[] = { "status", NULL };
static const char *const milestone_fields[] = { "status", "done_on", NULL };

static const struct lead_rule lead_rules[] = {
	/* on a tracked item (track.h): the one it names, by that kind's leads */
	{ "progress", TRACKED_ITEM, NULL, NULL, NULL,
	  "you may update only the recommendations, plan items and milestones that a post you "
	  "hold leads", NULL, NULL, NULL, NULL },
	{ "revisions", TRACKED_ITEM, NULL, NULL, NULL,
	  "you may update only the recommendations, plan items and milestones that a post you "
	  "hold leads", NULL, NULL, NULL, NULL },
	{ "project_reports", "project", "projects", PROJECT_LED, NULL,
	  "you may report only on projects that a post you hold manages", NULL,
	  NULL, NULL, NULL },
	{ "commentaries", "pi", "pis", PI_OWNED, NULL,
	  "you may comment only on indicators that a post you hold owns", NULL,
	  NULL, NULL, NULL },
	/* a borough's figures by its own lead (awaiting approval); any unit's by the owner */
	{ "measurements", "unit", "units",
	  "SELECT 1 FROM post p JOIN post_holder h ON h.post_id = p.id"
	  " JOIN app_user u ON u.person_id = h.person_id WHERE p.unit_id = ? AND u.id = ?", NULL,
	  "you may enter figures only for the units that a post you hold belongs to, or for an "
	  "indicator a post you hold owns", NULL, "pi", "pis", PI_OWNED },
	{ "nodes", NULL, "nodes",
	  "SELECT 1 FROM node_lead l JOIN post_holder h ON h.post_id = l.post_id"
	  " JOIN app_user u ON u.person_id = h.person_id WHERE l.node_id = ? AND u.id = ?",
	  node_fields, "you may update only the plan items that a post you hold leads",
	  "the status of a plan item", NULL, NULL, NULL },
	{ "milestones", NULL, "milestones",
	  "SELECT 1 FROM milestone m JOIN post_holder h ON h.post_id = m.post_id"
	  " JOIN app_user u ON u.person_id = h.person_id WHERE m.id = ? AND u.id = ?",
	  milestone_fields, "you may update only the milestones that a post you hold is "
	  "responsible for", "the status and completion date of a milestone",
	  NULL, NULL, NULL },
};

/* Does the acting user lead the record row names (or is) under this rule? */
static int
leads(struct wm_ctx *ctx, const struct lead_rule *r, const struct kind *k, const json_t *row,
    bool *holds, struct wm_err *err)
{
	struct buf key = BUF_INIT;
	int rc = 0;

	*holds = false;
	if (r->field != NULL && strcmp(r->field, TRACKED_ITEM) == 0) {
		const char *item;
		const struct track_kind *t = track_item_of(row, &item);

		return t == NULL ? 0 : holds_lead_post(ctx, t->led_sql, t->kind, item, holds, err);
	}
	if (r->field != NULL)
		return holds_lead_post(ctx, r->sql, r->target,
		    json_string_value(json_object_get(row, r->field)), holds, err);
	if (ent_row_key(kind_base(k), row, &key) == 0)
		rc = holds_lead_post(ctx, r->sql, r->target, buf_str(&key), holds, err);
	buf_release(&key);
	return rc;
}

/* Hours after adding an update in which its lead may change or withdraw it (a setting). */
static int
edit_hours(struct wm_ctx *ctx, double *hours, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	*hours = AUTHZ_EDIT_HOURS;
	if ((rc = store_prepare(ctx->st, "SELECT value FROM setting WHERE key = 'updates.edit_hours'",
	    &s, err)) != 0)
		return rc;
	if ((rc = stmt_step(s, err)) == STORE_ROW && stmt_text(s, 0) != NULL) {
		double h;

		if (str_to_double(stmt_text(s, 0), &h) == 0 && h >= 0)
			*hours = h;
	}
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

/* The field that says who added a record of k, if the kind keeps one. */
static const struct field *
added_by(const struct kind *k)
{
	for (const struct field *f = k->fields; f->name != NULL; f++)
		if (f->flags & FF_ADDED_BY)
			return f;
	return NULL;
}

/*
 * An update a lead added may be changed or withdrawn by them, for a while:
 * nobody else's, and not once it has stood long enough to be relied on.
 */
static int
own_and_recent(struct wm_ctx *ctx, const struct kind *k, const json_t *before, struct wm_err *err)
{
	const char *by = NULL, *at = NULL;
	time_t added = 0;
	double hours;
	int rc;

	for (const struct field *f = k->fields; f->name != NULL; f++) {
		if (f->flags & FF_ADDED_BY)
			by = json_string_value(json_object_get(before, f->name));
		if (f->flags & FF_ADDED_AT)
			at = json_string_value(json_object_get(before, f->name));
	}
	if ((rc = edit_hours(ctx, &hours, err)) != 0)
		return rc;
	if (by == NULL || ctx->actor == NULL || strcmp(by, ctx->actor) != 0 || at == NULL ||
	    timestamp_parse(at, &added) != 0)
		return wm_error(err, WM_EPERM, "a lead officer may change or withdraw only the %s "
		    "they added themselves", k->name);
	if ((double)(ctx->now - added) >= hours * 3600)
		return wm_error(err, WM_EPERM, "this %s was added more than %g hours ago: it can no "
		    "longer be changed or withdrawn (a planner may)", k->one, hours);
	return 0;
}

static int
lead_may(struct wm_ctx *ctx, const struct kind *k, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	const struct lead_rule *r = NULL;
	const char *which = "";
	bool holds = false;
	int rc;

	for (size_t i = 0; i < WM_ARRAY_LEN(lead_rules) && r == NULL; i++)
		if (is(k, lead_rules[i].kind))
			r = &lead_rules[i];
	if (r == NULL)
		return wm_error(err, WM_EPERM, "a lead officer may not change %s", k->name);
	if (r->fields != NULL && !changes_only(kind_base(k), before, after, r->fields, &which))
		return wm_error(err, WM_EPERM, "a lead officer may change only %s%s%s", r->what,
		    *which ? ", not its " : "", which);
	/* the record as it was and as it would be: both must be what the lead leads */
	for (int side = 0; side < 2; side++) {
		const json_t *row = side == 0 ? before : after;

		if (row == NULL)
			continue;
		if ((rc = leads(ctx, r, k, row, &holds, err)) != 0)
			return rc;
		if (!holds && r->or_sql != NULL && (rc = holds_lead_post(ctx, r->or_sql, r->or_target,
		    json_string_value(json_object_get(row, r->or_field)), &holds, err)) != 0)
			return rc;
		if (!holds)
			return wm_error(err, WM_EPERM, "%s", r->refusal);
	}
	/* what a lead adds, where the kind records who did, is theirs to change, for a while */
	if (r->fields == NULL && before != NULL && added_by(kind_base(k)) != NULL)
		return own_and_recent(ctx, kind_base(k), before, err);
	return 0;
}

/*
 * A record belongs to the records its key names (a progress update to its
 * recommendation, a target to its PI and unit): a change that moves it to
 * another is a planner's to make, whoever may change it otherwise.
 */
static int
moves_parent(const struct kind *k, const json_t *before, const json_t *after, struct wm_err *err)
{
	if (before == NULL || after == NULL)
		return 0;
	for (const struct field *f = kind_base(k)->fields; f->name != NULL; f++) {
		const json_t *b = json_object_get(before, f->name), *a = json_object_get(after, f->name);

		if (f->type != FT_REF || !(f->flags & (FF_KEY | FF_ONE_OF)) || a == NULL)
			continue;
		if ((b == NULL && !json_is_null(a)) || (b != NULL && !json_equal(a, b)))
			return wm_error(err, WM_EPERM, "only a planner may move a %s to another %s",
			    k->one, kind_find(f->target)->one);
	}
	return 0;
}

bool
authz_may_write_kind(const struct wm_ctx *ctx, const struct kind *k)
{
	/* what lead_may lets a lead officer change (some of) */
	static const char *const lead_kinds[] = { "progress", "revisions", "project_reports",
		"nodes", "milestones", "comments", "commentaries", "measurements" };

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
	/* who changed what, and every text before it changed: the planners' to read */
	if (ctx->role != ROLE_PLANNER && ctx->role != ROLE_ADMIN && ctx->role != ROLE_SYSTEM)
		return wm_error(err, WM_EPERM, "the audit log is for planners and administrators");
	return 0;
}

/*
 * A word awaiting a planner (FF_SIGNOFF: a lead's that a recommendation is
 * met in full) is Waymark's to give, when the lead's update comes in, and
 * a planner's to take back: that is the sign-off.
 */
static int
signoff_change(const struct wm_ctx *ctx, const struct kind *k, const json_t *before,
    const json_t *after, struct wm_err *err)
{
	if (after == NULL || ctx->role == ROLE_SYSTEM)
		return 0;
	for (const struct field *f = kind_base(k)->fields; f->name != NULL; f++) {
		bool was, now;

		if (!(f->flags & FF_SIGNOFF))
			continue;
		was = before != NULL && json_is_true(json_object_get(before, f->name));
		now = json_is_true(json_object_get(after, f->name));
		if (now && !was)
			return wm_error_field(err, WM_EPERM, f->name, "signoff", "only Waymark marks a "
			    "%s as awaiting sign-off, when a lead officer's update says it is met in "
			    "full", k->one);
		if (was && !now && ctx->role != ROLE_PLANNER && ctx->role != ROLE_ADMIN)
			return wm_error_field(err, WM_EPERM, f->name, "signoff", "only a planner may "
			    "sign off a %s as met in full", k->one);
	}
	return 0;
}

int
authz_write(struct wm_ctx *ctx, const struct kind *k, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	int rc;

	if ((rc = signoff_change(ctx, k, before, after, err)) != 0)
		return rc;
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
		if ((rc = moves_parent(k, before, after, err)) != 0)
			return rc;
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
