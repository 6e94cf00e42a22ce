/*
 * track.c: the one tracking mechanism (see track.h): what the register's
 * rules do to any tracked item, its progress updates and its revisions.
 *
 * The kinds differ only in the data of track_kinds[]; every rule below is
 * written once. SQL is composed from those compile-time strings alone
 * (tables and columns), values always bound.
 */
#include "base/wm.h"

#include "analysis/register.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
#include "model/authz.h"
#include "model/ent.h"
#include "model/hooks.h"
#include "model/track.h"
#include "store/store.h"

/* The scale plan items and milestones are graded on: the setting tracking.scale, else the default. */
#define TRACK_SCALE "COALESCE((SELECT id FROM grade_scale WHERE ref = (SELECT value FROM setting" \
	" WHERE key = 'tracking.scale')), (SELECT id FROM grade_scale WHERE ref = 'degree-met'))"
#define RAG_SETTING "(SELECT value FROM setting WHERE key = 'recommendations.rag')"
/* user ? holds post p (a post leading the item) */
#define HOLDS(post) " JOIN post_holder h ON h.post_id = " post \
	" JOIN app_user u ON u.person_id = h.person_id"

const struct track_kind track_kinds[] = {
	{ "recommendations", "recommendation", "rec_id", "recommendation", "closed", "open",
	  NULL, "withdrawn", "completed_on",
	  "SELECT g.label, g.closes FROM grade g WHERE g.scale_id = COALESCE((SELECT scale_id FROM"
	  " source WHERE ref = ?), (SELECT id FROM grade_scale WHERE ref = 'degree-met'))"
	  " ORDER BY g.seq", true,
	  "SELECT r.id, r.due, CASE WHEN r.status = 'open' THEN 0 ELSE 1 END, r.percent_complete,"
	  " (SELECT g.percent FROM grade g WHERE g.label = r.degree_met AND g.scale_id ="
	  "  COALESCE(src.scale_id, (SELECT id FROM grade_scale WHERE ref = 'degree-met'))),"
	  " src.issued, r.statutory, r.priority, r.due_original,"
	  " (SELECT COUNT(*) FROM due_change d WHERE d.rec_id = r.id), " RAG_SETTING
	  " FROM recommendation r JOIN source src ON src.id = r.source_id"
	  " WHERE r.id BETWEEN ? AND ?",
	  "SELECT 1 FROM rec_lead l" HOLDS("l.post_id") " WHERE l.rec_id = ? AND u.id = ?" },
	{ "nodes", "node", "node_id", "plan_node", "done", "in_progress", "open", "dropped",
	  "completed_on",
	  "SELECT g.label, g.closes FROM grade g WHERE g.scale_id = " TRACK_SCALE " ORDER BY g.seq",
	  false,
	  "SELECT n.id, n.due, CASE WHEN n.status IN ('done', 'dropped') THEN 1 ELSE 0 END,"
	  " n.percent_complete, (SELECT g.percent FROM grade g WHERE g.label = n.degree_met AND"
	  " g.scale_id = " TRACK_SCALE "), COALESCE(p.doc_date, p.period_start), NULL, NULL,"
	  " n.due_original, (SELECT COUNT(*) FROM due_change d WHERE d.node_id = n.id), "
	  RAG_SETTING " FROM plan_node n JOIN plan p ON p.id = n.plan_id WHERE n.id BETWEEN ? AND ?",
	  "SELECT 1 FROM node_lead l" HOLDS("l.post_id") " WHERE l.node_id = ? AND u.id = ?" },
	{ "milestones", "milestone", "milestone_id", "milestone", "done", "in_progress", "planned",
	  "cancelled", "done_on",
	  "SELECT g.label, g.closes FROM grade g WHERE g.scale_id = " TRACK_SCALE " ORDER BY g.seq",
	  false,
	  "SELECT m.id, m.due, CASE WHEN m.status IN ('done', 'cancelled') THEN 1 ELSE 0 END,"
	  " m.percent_complete, (SELECT g.percent FROM grade g WHERE g.label = m.degree_met AND"
	  " g.scale_id = " TRACK_SCALE "), t.doc_date, NULL, NULL, m.due_original,"
	  " (SELECT COUNT(*) FROM due_change d WHERE d.milestone_id = m.id), " RAG_SETTING
	  " FROM milestone m JOIN timetable t ON t.id = m.timetable_id WHERE m.id BETWEEN ? AND ?",
	  "SELECT 1 FROM milestone m" HOLDS("m.post_id") " WHERE m.id = ? AND u.id = ?" },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, NULL }
};

const struct track_kind *
track_kind_of(const struct kind *k)
{
	if (k == NULL)
		return NULL;
	k = kind_base(k);
	for (const struct track_kind *t = track_kinds; t->kind != NULL; t++)
		if (strcmp(t->kind, k->name) == 0)
			return t;
	return NULL;
}

const struct track_kind *
track_item_of(const json_t *row, const char **key)
{
	*key = NULL;
	for (const struct track_kind *t = track_kinds; t->kind != NULL; t++) {
		const char *v = json_string_value(json_object_get(row, t->on));

		if (v != NULL) {
			*key = v;
			return t;
		}
	}
	return NULL;
}

/*
 * What follows from a change the actor was allowed to make is made by
 * Waymark in their name: a lead's progress update may regrade the item
 * even though a lead may not edit it directly.
 */
static struct wm_ctx
as_system(const struct wm_ctx *ctx)
{
	struct wm_ctx sys = *ctx;

	sys.role = ROLE_SYSTEM;
	return sys;
}

static bool
null_or_missing(const json_t *row, const char *field)
{
	const json_t *v = json_object_get(row, field);

	return v == NULL || json_is_null(v);
}

static bool
is_status(const json_t *row, const char *status)
{
	const char *s = json_string_value(json_object_get(row, "status"));

	return s != NULL && status != NULL && strcmp(s, status) == 0;
}

bool
track_same_text(const json_t *a, const json_t *b, const char *field)
{
	const char *x = json_string_value(json_object_get(a, field));
	const char *y = json_string_value(json_object_get(b, field));

	return (x == NULL && y == NULL) || (x != NULL && y != NULL && strcmp(x, y) == 0);
}

/*
 * Check row's grade (field) against the item's scale (source: the source
 * of a recommendation) and make it the scale's own label; *closes says
 * whether it closes. Not strict, a grade the scale no longer has (the
 * scale was changed since it was given) is left as it was, closing
 * nothing: a grade is checked when it is given, not on every later write.
 */
static int
check_grade_as(struct wm_ctx *ctx, const struct track_kind *t, const char *source, json_t *row,
    const char *field, bool strict, bool *closes, struct wm_err *err)
{
	const char *label = json_string_value(json_object_get(row, field));
	struct buf labels = BUF_INIT;
	struct stmt *s;
	bool found = false;
	int rc;

	*closes = false;
	if (label == NULL)
		return 0;
	if ((rc = store_prepare(ctx->st, t->grades_sql, &s, err)) != 0)
		return rc;
	if (t->by_source)
		stmt_bind_text(s, 1, source);
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		const char *g = stmt_text(s, 0);

		buf_addf(&labels, "%s%s", labels.len ? ", " : "", g);
		if (!found && strcasecmp(g, label) == 0) {
			found = true;
			*closes = stmt_int(s, 1) != 0;
			json_object_set_new(row, field, json_string(g));
		}
	}
	if (rc >= 0 && !found && strict)
		rc = wm_error(err, WM_EINVAL, "%s: \"%s\" is not a grade of the scale it is graded on "
		    "(%s)", field, label, buf_str(&labels));
	buf_release(&labels);
	return rc < 0 ? rc : 0;
}

static int
check_grade(struct wm_ctx *ctx, const struct track_kind *t, const char *source, json_t *row,
    const char *field, bool *closes, struct wm_err *err)
{
	return check_grade_as(ctx, t, source, row, field, true, closes, err);
}

int
track_prepare(struct wm_ctx *ctx, const struct track_kind *t, json_t *row,
    const json_t *before, struct wm_err *err)
{
	const json_t *ts = json_object_get(row, "timescale");
	const char *latest = json_string_value(json_object_get(ts, "latest"));
	const char *due = json_string_value(json_object_get(row, "due"));
	bool closes, complete, graded;
	int rc;

	/* The due date follows the timescale, unless someone has set it apart from it. */
	if (latest != NULL) {
		const char *old_due = before ? json_string_value(json_object_get(before, "due")) : NULL;
		const char *old_latest = before ? json_string_value(json_object_get(
		    json_object_get(before, "timescale"), "latest")) : NULL;
		bool follows = due == NULL || (old_due != NULL && old_latest != NULL &&
		    strcmp(old_due, old_latest) == 0 && strcmp(due, old_due) == 0);

		if (follows)
			json_object_set_new(row, "due", json_string(latest));
	}
	due = json_string_value(json_object_get(row, "due"));
	if (due != NULL && null_or_missing(row, "due_original"))
		json_object_set_new(row, "due_original", json_string(due));
	if ((rc = check_grade_as(ctx, t, json_string_value(json_object_get(row, "source")), row,
	    "degree_met", before == NULL || !track_same_text(row, before, "degree_met") ||
	    !track_same_text(row, before, "source"), &closes, err)) != 0)
		return rc;
	/* "Complete" as a timescale is done: on the date it gives, if it gives one */
	complete = json_is_true(json_object_get(ts, "complete"));
	graded = !null_or_missing(row, "degree_met");
	/* a lead's "met in full" awaits a planner's sign-off; only a grade that closes awaits it */
	if (!closes)
		json_object_set_new(row, "awaiting_signoff", json_false());
	if ((complete || graded) && !is_status(row, t->dropped)) {
		/*
		 * A recommendation's status is its grade's; the other kinds have
		 * statuses of their own, which a grade changes only when it moves.
		 */
		bool moved = before == NULL || !track_same_text(row, before, "degree_met");
		bool awaiting = closes && !complete &&
		    json_is_true(json_object_get(row, "awaiting_signoff"));

		if ((closes || complete) && !awaiting)
			json_object_set_new(row, "status", json_string(t->done));
		else if (t->fresh == NULL || (moved && is_status(row, t->done)) ||
		    (moved && is_status(row, t->fresh)))
			json_object_set_new(row, "status", json_string(t->reopen));
	}
	if (complete && null_or_missing(row, t->done_on) && latest != NULL)
		json_object_set_new(row, t->done_on, json_string(latest));
	return 0;
}

/* The latest revision of item id: its new due date into out (DATE_ISO_LEN), or "". */
static int
latest_revision(struct wm_ctx *ctx, const struct track_kind *t, int64_t id, char *out,
    struct wm_err *err)
{
	struct buf sql = BUF_INIT;
	struct stmt *s;
	int rc;

	out[0] = '\0';
	buf_addf(&sql, "SELECT new_due FROM due_change WHERE %s = ?"
	    " ORDER BY changed_on DESC, seq DESC LIMIT 1", t->col);
	rc = store_prepare(ctx->st, buf_str(&sql), &s, err);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	if ((rc = stmt_step(s, err)) == STORE_ROW && !stmt_is_null(s, 0))
		snprintf(out, DATE_ISO_LEN, "%s", stmt_text(s, 0));
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

int
track_after(struct wm_ctx *ctx, const struct track_kind *t, const json_t *before,
    const json_t *after, const char *dated, const char *why, struct wm_err *err)
{
	const struct kind *k = kind_find(t->kind);
	const char *old_due, *new_due;
	struct buf key = BUF_INIT;
	char today[DATE_ISO_LEN], latest[DATE_ISO_LEN];
	struct wm_ctx sys = as_system(ctx);
	json_t *rev;
	int64_t id;
	int rc = 0;

	if (before == NULL || after == NULL)
		return 0;
	old_due = json_string_value(json_object_get(before, "due"));
	new_due = json_string_value(json_object_get(after, "due"));
	if (old_due == NULL || new_due == NULL || strcmp(old_due, new_due) == 0)
		return 0;
	if (ent_row_key(k, after, &key) != 0 ||
	    (rc = ent_resolve(ctx, k, buf_str(&key), &id, err)) != 0 ||
	    (rc = latest_revision(ctx, t, id, latest, err)) != 0)
		goto out;
	/* a revision moved it: it is already there */
	if (strcmp(latest, new_due) == 0)
		goto out;
	date_format_iso(date_from_time(ctx->now), today);
	rev = json_pack("{s:s, s:s, s:s, s:s}", t->on, buf_str(&key), "changed_on",
	    dated != NULL ? dated : today, "old_due", old_due, "new_due", new_due);
	if (why != NULL)
		json_object_set_new(rev, "reason", json_string(why));
	rc = ent_add(&sys, kind_find("revisions"), rev, NULL, err);
	json_decref(rev);
out:
	buf_release(&key);
	return rc;
}

/*
 * Each row's progress updates in its "progress", oldest first so the
 * newest is last, and last[i] the date of rows[i]'s newest: one query a
 * run of near ids (ent_rows_next), not one an item.
 */
static int
progress_lists(struct wm_ctx *ctx, const struct track_kind *t, const struct kind_row *rows,
    size_t n, int *last, struct wm_err *err)
{
	bool readable = authz_read_quiet(ctx, "progress");
	struct buf sql = BUF_INIT;
	struct stmt *s;
	size_t at = 0;
	int rc;

	for (size_t i = 0; i < n; i++) {
		json_object_set_new_nocheck(rows[i].row, "progress", json_array());
		last[i] = DATE_NONE;
	}
	buf_addf(&sql, "SELECT %s, date, text, degree_met, percent_complete, author FROM progress"
	    " WHERE %s BETWEEN ? AND ? ORDER BY %s, date, seq", t->col, t->col, t->col);
	while ((rc = ent_rows_next(ctx, buf_str(&sql), rows, n, &at, &s, err)) == STORE_ROW) {
		while ((rc = stmt_step(s, err)) == STORE_ROW) {
			struct kind_row *r = kind_row_find(rows, n, stmt_int(s, 0));
			json_t *u;

			if (r == NULL)
				continue;
			date_parse_iso(stmt_text(s, 1), &last[r - rows]);
			/* updates are not published: the public sees where it stands, not what was said */
			if (!readable)
				continue;
			u = json_object();
			json_object_set_new_nocheck(u, "date", json_string(stmt_text(s, 1)));
			json_object_set_new_nocheck(u, "text", json_string(stmt_text(s, 2)));
			json_object_set_new_nocheck(u, "degree_met",
			    stmt_is_null(s, 3) ? json_null() : json_string(stmt_text(s, 3)));
			json_object_set_new_nocheck(u, "percent_complete",
			    stmt_is_null(s, 4) ? json_null() : json_real(stmt_double(s, 4)));
			json_object_set_new_nocheck(u, "author",
			    stmt_is_null(s, 5) ? json_null() : json_string(stmt_text(s, 5)));
			json_array_append_new(json_object_get(r->row, "progress"), u);
		}
		if (rc < 0)
			break;
	}
	buf_release(&sql);
	return rc < 0 ? rc : 0;
}

static int
date_col(struct stmt *s, int col)
{
	int d = DATE_NONE;

	if (!stmt_is_null(s, col))
		date_parse_iso(stmt_text(s, col), &d);
	return d;
}

/*
 * The register shows, beside what is stored: how far it has got (its
 * percentage, else its grade's), whether it is overdue and by how long,
 * how long since it was last updated, how often and how far its date has
 * slipped, and its RAG status under the body's rules.
 */
static int
present(json_t *row, struct stmt *s, int last_update, int as_of, struct wm_err *err)
{
	struct rec_facts f = { 0 };
	struct rag_rules rules;
	char d[DATE_ISO_LEN];
	int original, revisions, since, rc;
	json_t *slip;

	f.last_update = last_update;
	f.due = date_col(s, 1);
	f.closed = stmt_int(s, 2) != 0;
	f.percent = !stmt_is_null(s, 3) ? stmt_double(s, 3) : !stmt_is_null(s, 4) ?
	    stmt_double(s, 4) : -1;
	f.opened = date_col(s, 5);
	f.statutory = stmt_is_null(s, 6) ? -1 : (int)stmt_int(s, 6);
	f.priority = stmt_is_null(s, 7) ? 0 : (int)stmt_int(s, 7);
	original = date_col(s, 8);
	revisions = (int)stmt_int(s, 9);
	if ((rc = rag_rules_parse(stmt_is_null(s, 10) ? NULL : stmt_text(s, 10), &rules, err)) != 0)
		return rc;

	json_object_set_new_nocheck(row, "percent", f.percent < 0 ? json_null() : json_real(f.percent));
	json_object_set_new_nocheck(row, "rag", json_string(rec_rag_name(rec_rag(&f, &rules, as_of))));
	json_object_set_new_nocheck(row, "overdue", json_boolean(rec_overdue(&f, as_of)));
	json_object_set_new_nocheck(row, "days_overdue", rec_overdue(&f, as_of) ?
	    json_integer(as_of - f.due) : json_null());
	since = rec_days_since_update(&f, as_of);
	date_format_iso(f.last_update, d);
	json_object_set_new_nocheck(row, "last_update", f.last_update == DATE_NONE ? json_null() :
	    json_string(d));
	json_object_set_new_nocheck(row, "days_since_update", since < 0 ? json_null() :
	    json_integer(since));
	/* the day the stale rule counts from when it has had no update */
	date_format_iso(f.opened, d);
	json_object_set_new_nocheck(row, "opened", f.opened == DATE_NONE ? json_null() :
	    json_string(d));
	slip = json_object();
	json_object_set_new_nocheck(slip, "revisions", json_integer(revisions));
	json_object_set_new_nocheck(slip, "days", original != DATE_NONE && f.due != DATE_NONE ?
	    json_integer(f.due - original) : json_null());
	json_object_set_new_nocheck(row, "slippage", slip);
	return 0;
}

int
track_decorate(struct wm_ctx *ctx, const struct track_kind *t, const struct kind_row *rows,
    size_t n, struct wm_err *err)
{
	int *last = wm_calloc(n + 1, sizeof(*last));
	int as_of = date_from_time(ctx->now);
	size_t at = 0, found = 0;
	struct stmt *s;
	int rc;

	if ((rc = progress_lists(ctx, t, rows, n, last, err)) != 0)
		goto out;
	/* The body's RAG rules come with the facts: no query of their own. */
	while ((rc = ent_rows_next(ctx, t->facts_sql, rows, n, &at, &s, err)) == STORE_ROW) {
		while ((rc = stmt_step(s, err)) == STORE_ROW) {
			struct kind_row *r = kind_row_find(rows, n, stmt_int(s, 0));

			if (r == NULL)
				continue;
			if ((rc = present(r->row, s, last[r - rows], as_of, err)) != 0) {
				stmt_reset(s);
				goto out;
			}
			found++;
		}
		if (rc < 0)
			goto out;
	}
	if (rc == 0 && found < n)
		rc = wm_error(err, WM_ENOTFOUND, "%s: a record vanished while it was read", t->kind);
out:
	free(last);
	return rc < 0 ? rc : 0;
}

/* ---- progress updates and revisions ------------------------------------ */

/* The item row is on: its kind, key and id; WM_EINVAL (for the engine's message) if none. */
static int
item_of(struct wm_ctx *ctx, const json_t *row, const struct track_kind **t, const char **key,
    int64_t *id, struct wm_err *err)
{
	if ((*t = track_item_of(row, key)) == NULL)
		return WM_EINVAL;
	return ent_resolve(ctx, kind_find((*t)->kind), *key, id, err);
}

/* The next number of an update or a revision on its item, unless given. */
static int
numbered(struct wm_ctx *ctx, json_t *row, const char *table, struct wm_err *err)
{
	const struct track_kind *t;
	const char *key;
	int64_t id, seq;
	int rc;

	if (json_is_integer(json_object_get(row, "seq")))
		return 0;
	if ((rc = item_of(ctx, row, &t, &key, &id, err)) != 0)
		return rc == WM_EINVAL ? 0 : rc;
	if ((rc = ent_next_seq(ctx, table, t->col, id, &seq, err)) != 0)
		return rc;
	json_object_set_new(row, "seq", json_integer(seq));
	return 0;
}

/*
 * Who reported an update a lead officer makes is the lead: Waymark says
 * so, by their name, and it stays theirs when they change it. A planner
 * or the command line records what a document says.
 */
static int
set_author(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	if (ctx->role > ROLE_LEAD)
		return 0;
	if (before != NULL) {
		json_object_set(row, "author", json_object_get(before, "author"));
		return 0;
	}
	json_object_set_new(row, "author", json_string(ctx->actor ? ctx->actor : "unknown"));
	if ((rc = store_prepare(ctx->st, "SELECT COALESCE(display_name, username) FROM app_user"
	    " WHERE id = ?", &s, err)) != 0)
		return rc;
	stmt_bind_int(s, 1, ctx->user_id);
	if ((rc = stmt_step(s, err)) == STORE_ROW && stmt_text(s, 0) != NULL)
		json_object_set_new(row, "author", json_string(stmt_text(s, 0)));
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

static int
progress_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	const struct track_kind *t;
	const char *key;
	json_t *item = NULL;
	bool closes;
	int64_t id;
	int rc;

	if ((rc = set_author(ctx, row, before, err)) != 0)
		return rc;
	if ((rc = numbered(ctx, row, "progress", err)) != 0)
		return rc;
	if ((rc = item_of(ctx, row, &t, &key, &id, err)) != 0)
		return rc == WM_EINVAL ? 0 : rc;
	if (t->by_source &&
	    (rc = ent_get_by_id(ctx, kind_find(t->kind), id, true, &item, err)) != 0)
		return rc;
	rc = check_grade(ctx, t, json_string_value(json_object_get(item, "source")), row,
	    "degree_met", &closes, err);
	json_decref(item);
	return rc;
}

/*
 * The newest update's grade and percentage become the item's. When the
 * newest is withdrawn, the newest left gives them back (what it carries,
 * else none): a grade goes with the update that gave it.
 *
 * A lead officer's grade that closes the item awaits a planner's sign-off
 * (track_prepare keeps it open) unless it is closed already: signed off,
 * or closed by a planner. A closing grade a lead's withdrawal brings back
 * awaits sign-off the same way, so that no order of updates closes an item
 * on a lead's word alone. A closing grade that does close a plan item or
 * a milestone says when it was done: the update's date.
 */
static int
progress_after(struct wm_ctx *ctx, int64_t id, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	const json_t *u = after != NULL ? after : before;
	const struct track_kind *t;
	const struct kind *k;
	const char *key;
	struct buf sql = BUF_INIT;
	struct wm_ctx sys = as_system(ctx);
	json_t *changes = NULL, *item = NULL, *grade = NULL, *percent = NULL;
	struct stmt *s;
	int64_t item_id, newest = 0, newest_seq = 0;
	char newest_date[DATE_ISO_LEN] = "";
	bool first = true;
	int rc;

	if ((rc = item_of(&sys, u, &t, &key, &item_id, err)) != 0)
		return rc == WM_EINVAL ? 0 : rc;
	k = kind_find(t->kind);
	/* the updates left, newest first: the newest, and the latest grade and percentage given */
	buf_addf(&sql, "SELECT id, date, seq, degree_met, percent_complete FROM progress"
	    " WHERE %s = ? ORDER BY date DESC, seq DESC", t->col);
	rc = store_prepare(ctx->st, buf_str(&sql), &s, err);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, item_id);
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		if (first) {
			newest = stmt_int(s, 0);
			snprintf(newest_date, sizeof(newest_date), "%s", stmt_text(s, 1) ?
			    stmt_text(s, 1) : "");
			newest_seq = stmt_int(s, 2);
			first = false;
		}
		if (grade == NULL && !stmt_is_null(s, 3))
			grade = json_string(stmt_text(s, 3));
		if (percent == NULL && !stmt_is_null(s, 4))
			percent = json_real(stmt_double(s, 4));
	}
	stmt_reset(s);
	if (rc < 0)
		goto out;
	rc = 0;
	changes = json_object();
	if (after != NULL) {
		if (newest != id)
			goto out;
		if (!json_is_null(json_object_get(after, "degree_met")))
			json_object_set(changes, "degree_met", json_object_get(after, "degree_met"));
		if (!json_is_null(json_object_get(after, "percent_complete")))
			json_object_set(changes, "percent_complete",
			    json_object_get(after, "percent_complete"));
	} else {
		/* withdrawn: did it stand after every update left? */
		const char *d = json_string_value(json_object_get(before, "date"));
		int cmp = d != NULL ? strcmp(d, newest_date) : -1;

		if (newest != 0 && (cmp < 0 || (cmp == 0 &&
		    json_integer_value(json_object_get(before, "seq")) < newest_seq)))
			goto out;
		if (!null_or_missing(before, "degree_met"))
			json_object_set(changes, "degree_met", grade != NULL ? grade : json_null());
		if (!null_or_missing(before, "percent_complete"))
			json_object_set(changes, "percent_complete", percent != NULL ? percent :
			    json_null());
	}
	if (json_object_size(changes) == 0)
		goto out;
	if (json_object_get(changes, "degree_met") != NULL) {
		bool closes = false, open;
		json_t *probe = json_deep_copy(changes);

		if ((rc = ent_get_by_id(&sys, k, item_id, true, &item, err)) != 0 ||
		    (!json_is_null(json_object_get(probe, "degree_met")) &&
		    (rc = check_grade(&sys, t, json_string_value(json_object_get(item, "source")),
		    probe, "degree_met", &closes, err)) != 0)) {
			json_decref(probe);
			goto out;
		}
		json_decref(probe);
		/*
		 * a lead's word on an open one awaits a planner's (track_prepare drops
		 * it for a grade that does not close); a done or dropped one stays so
		 */
		open = !is_status(item, t->done) && !is_status(item, t->dropped);
		if (open)
			json_object_set_new(changes, "awaiting_signoff",
			    json_boolean(ctx->role == ROLE_LEAD));
		if (open && closes && ctx->role != ROLE_LEAD && !t->by_source && after != NULL &&
		    null_or_missing(item, t->done_on))
			json_object_set(changes, t->done_on, json_object_get(after, "date"));
	}
	rc = ent_set(&sys, k, key, changes, 0, NULL, err);
out:
	json_decref(changes);
	json_decref(item);
	json_decref(grade);
	json_decref(percent);
	return rc;
}

const struct kind_hooks progress_hooks = { progress_prepare, progress_after, NULL };

/* A revision given without the date before it took the item's due date then. */
static int
revision_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	const struct track_kind *t;
	const char *key;
	json_t *item;
	int64_t id;
	int rc;

	if ((rc = numbered(ctx, row, "due_change", err)) != 0)
		return rc;
	if (before != NULL || !null_or_missing(row, "old_due"))
		return 0;
	if ((rc = item_of(ctx, row, &t, &key, &id, err)) != 0)
		return rc == WM_EINVAL ? 0 : rc;
	if ((rc = ent_get_by_id(ctx, kind_find(t->kind), id, true, &item, err)) != 0)
		return rc;
	if (json_string_value(json_object_get(item, "due")) != NULL)
		json_object_set(row, "old_due", json_object_get(item, "due"));
	json_decref(item);
	return 0;
}

/*
 * The current due date is always the latest revision's (by its date, then
 * its number): adding, changing or removing one moves the item's.
 */
static int
revision_after(struct wm_ctx *ctx, int64_t id, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	const json_t *r = after != NULL ? after : before;
	const struct track_kind *t;
	const char *key, *due;
	char latest[DATE_ISO_LEN];
	struct wm_ctx sys = as_system(ctx);
	json_t *item, *changes;
	int64_t item_id;
	int rc;

	(void)id;
	if ((rc = item_of(ctx, r, &t, &key, &item_id, err)) != 0)
		return rc == WM_EINVAL ? 0 : rc;
	if ((rc = latest_revision(ctx, t, item_id, latest, err)) != 0)
		return rc;
	if (latest[0] == '\0')
		return 0;
	if ((rc = ent_get_by_id(ctx, kind_find(t->kind), item_id, true, &item, err)) != 0)
		return rc;
	due = json_string_value(json_object_get(item, "due"));
	rc = due != NULL && strcmp(due, latest) == 0;
	json_decref(item);
	if (rc)
		return 0;
	changes = json_pack("{s:s}", "due", latest);
	rc = ent_set(&sys, kind_find(t->kind), key, changes, 0, NULL, err);
	json_decref(changes);
	return rc;
}

const struct kind_hooks revision_hooks = { revision_prepare, revision_after, NULL };
