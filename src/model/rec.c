/*
 * rec.c: the recommendation register's rules that the generic engine
 * cannot know.
 *
 *   - A timescale is read against the date of the source report.
 *   - The due date follows the timescale unless set by hand; the first due
 *     date is kept as due_original and every later change is recorded as
 *     a revision, so slippage shows.
 *   - The degree met must be a grade of the source's scale; a grade that
 *     closes (completely met) closes the recommendation.
 *   - A progress update that is the latest carries its grade and
 *     percentage onto the recommendation; withdrawn, it takes them back.
 *   - A lead officer's grade that closes it awaits a planner's sign-off.
 *   - Listed, a recommendation shows its history and where it stands
 *     under the register's rules (analysis/register.h), as of the
 *     context's clock.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "analysis/register.h"
#include "base/mem.h"
#include "model/authz.h"
#include "model/ent.h"
#include "model/hooks.h"
#include "store/store.h"

/*
 * What follows from a change the actor was allowed to make is made by
 * Waymark in their name: a lead's progress update may regrade the
 * recommendation even though a lead may not edit it directly.
 */
static struct wm_ctx
as_system(const struct wm_ctx *ctx)
{
	struct wm_ctx sys = *ctx;

	sys.role = ROLE_SYSTEM;
	return sys;
}

/*
 * Check a grade against the scale of the source the recommendation (given
 * by key, or the source directly) belongs to, and return its canonical
 * label and whether it closes. Sources without a scale use 'degree-met'.
 */
static int
check_grade(struct wm_ctx *ctx, const char *source, json_t *row, const char *field,
    bool *closes, struct wm_err *err)
{
	const char *label = json_string_value(json_object_get(row, field));
	struct buf labels = BUF_INIT;
	struct stmt *s;
	bool found = false;
	int rc;

	*closes = false;
	if (label == NULL)
		return 0;
	rc = store_prepare(ctx->st,
	    "SELECT g.label, g.closes FROM grade g JOIN grade_scale sc ON sc.id = g.scale_id"
	    " WHERE sc.id = COALESCE((SELECT scale_id FROM source WHERE ref = ?),"
	    " (SELECT id FROM grade_scale WHERE ref = 'degree-met')) ORDER BY g.seq", &s, err);
	if (rc != 0)
		return rc;
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
	if (rc >= 0 && !found)
		rc = wm_error(err, WM_EINVAL, "%s: \"%s\" is not a grade of this source's scale (%s)",
		    field, label, buf_str(&labels));
	buf_release(&labels);
	return rc < 0 ? rc : 0;
}

static bool
json_is_null_or_missing(const json_t *row, const char *field)
{
	const json_t *v = json_object_get(row, field);

	return v == NULL || json_is_null(v);
}

/* Does a text field read the same in both (both absent or null counting as the same)? */
static bool
same_text(const json_t *a, const json_t *b, const char *field)
{
	const char *x = json_string_value(json_object_get(a, field));
	const char *y = json_string_value(json_object_get(b, field));

	return (x == NULL && y == NULL) || (x != NULL && y != NULL && strcmp(x, y) == 0);
}

/* Are the timescale's words the same in both? */
static bool
same_ts_text(const json_t *a, const json_t *b)
{
	const json_t *x = json_object_get(a, "timescale"), *y = json_object_get(b, "timescale");
	const char *tx = json_is_string(x) ? json_string_value(x) :
	    json_string_value(json_object_get(x, "text"));
	const char *ty = json_is_string(y) ? json_string_value(y) :
	    json_string_value(json_object_get(y, "text"));

	return (tx == NULL && ty == NULL) || (tx != NULL && ty != NULL && strcmp(tx, ty) == 0);
}

static int
rec_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	const char *source = json_string_value(json_object_get(row, "source"));
	const json_t *ts;
	const char *latest, *due;
	bool closes, complete;
	int date, rc;

	if ((rc = ent_ref_date(ctx, "sources", source, "issued", &date, err)) != 0)
		return rc;
	/*
	 * The words are read against the date of the document they come from:
	 * the one this write names, else the source's. New words with no new
	 * date come from no document: the old date does not follow them.
	 */
	if (before != NULL && !same_ts_text(row, before) &&
	    same_text(row, before, "timescale_date")) {
		json_object_set_new(row, "timescale_date", json_null());
	} else if (before != NULL && !same_text(row, before, "timescale_date")) {
		/* a later document's date: the same words read again against it */
		const json_t *t = json_object_get(row, "timescale");
		const char *text = json_is_object(t) ? json_string_value(json_object_get(t, "text")) :
		    NULL;

		if (text != NULL)
			json_object_set_new(row, "timescale", json_string(text));
	}
	{
		const char *td = json_string_value(json_object_get(row, "timescale_date"));
		int d;

		if (td != NULL && date_parse_iso(td, &d) == 0)
			date = d;
	}
	ts = json_object_get(row, "timescale");
	if (json_is_object(ts) || json_is_string(ts))
		ent_fill_timescale(row, date);
	ts = json_object_get(row, "timescale");
	latest = json_string_value(json_object_get(ts, "latest"));
	due = json_string_value(json_object_get(row, "due"));
	/* The due date follows the timescale, unless someone has set it apart from it. */
	if (latest != NULL) {
		const char *old_due = before ? json_string_value(json_object_get(before, "due")) : NULL;
		const char *old_latest = before ?
		    json_string_value(json_object_get(json_object_get(before, "timescale"), "latest")) : NULL;
		bool due_follows = due == NULL ||
		    (old_due != NULL && old_latest != NULL && strcmp(old_due, old_latest) == 0 &&
		     strcmp(due, old_due) == 0);

		if (due_follows)
			json_object_set_new(row, "due", json_string(latest));
	}
	due = json_string_value(json_object_get(row, "due"));
	if (due != NULL && json_string_value(json_object_get(row, "due_original")) == NULL)
		json_object_set_new(row, "due_original", json_string(due));
	if ((rc = check_grade(ctx, source, row, "degree_met", &closes, err)) != 0)
		return rc;
	/* "Complete" as a timescale is done: closed, on the date it gives if it gives one */
	complete = json_is_true(json_object_get(ts, "complete"));
	/* a lead's "met in full" awaits a planner's sign-off; only a grade that closes awaits it */
	if (!closes)
		json_object_set_new(row, "awaiting_signoff", json_false());
	if (complete || (json_object_get(row, "degree_met") != NULL &&
	    !json_is_null(json_object_get(row, "degree_met")))) {
		const char *status = json_string_value(json_object_get(row, "status"));
		bool awaiting = closes && !complete &&
		    json_is_true(json_object_get(row, "awaiting_signoff"));

		if (status == NULL || strcmp(status, "withdrawn") != 0)
			json_object_set_new(row, "status", json_string((closes || complete) &&
			    !awaiting ? "closed" : "open"));
	}
	if (complete && json_is_null_or_missing(row, "completed_on") && latest != NULL)
		json_object_set_new(row, "completed_on", json_string(latest));
	return 0;
}

/* The latest revision of recommendation id: its new due date into out (DATE_ISO_LEN), or "". */
static int
latest_revision(struct wm_ctx *ctx, int64_t id, char *out, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	out[0] = '\0';
	rc = store_prepare(ctx->st, "SELECT new_due FROM due_change WHERE rec_id = ?"
	    " ORDER BY changed_on DESC, seq DESC LIMIT 1", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	if ((rc = stmt_step(s, err)) == STORE_ROW && !stmt_is_null(s, 0))
		snprintf(out, DATE_ISO_LEN, "%s", stmt_text(s, 0));
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

/*
 * Record a moved due date as a revision, dated with the document that
 * moved it (a new timescale_date) or else today; unless a revision moved
 * it, when the revision is already there.
 */
static int
rec_after(struct wm_ctx *ctx, int64_t id, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	const char *old_due, *new_due, *dated;
	struct buf key = BUF_INIT;
	char today[DATE_ISO_LEN], latest[DATE_ISO_LEN];
	struct wm_ctx sys = as_system(ctx);
	json_t *rev;
	int rc;

	if (before == NULL || after == NULL)
		return 0;
	old_due = json_string_value(json_object_get(before, "due"));
	new_due = json_string_value(json_object_get(after, "due"));
	if (old_due == NULL || new_due == NULL || strcmp(old_due, new_due) == 0)
		return 0;
	if ((rc = latest_revision(ctx, id, latest, err)) != 0)
		return rc;
	if (strcmp(latest, new_due) == 0)
		return 0;
	ent_row_key(kind_find("recommendations"), after, &key);
	date_format_iso(date_from_time(ctx->now), today);
	dated = json_string_value(json_object_get(after, "timescale_date"));
	if (dated == NULL || same_text(before, after, "timescale_date"))
		dated = today;
	rev = json_pack("{s:s, s:s, s:s, s:s}", "recommendation", buf_str(&key),
	    "changed_on", dated, "old_due", old_due, "new_due", new_due);
	if (!same_ts_text(before, after)) {
		const json_t *ts = json_object_get(after, "timescale");
		struct buf why = BUF_INIT;

		buf_addf(&why, "timescale now \"%.200s\"", json_string_value(json_object_get(ts,
		    "text")) ? json_string_value(json_object_get(ts, "text")) : "");
		if (dated != today)
			buf_addf(&why, " (document of %s)", dated);
		json_object_set_new(rev, "reason", json_string(buf_str(&why)));
		buf_release(&why);
	}
	rc = ent_add(&sys, kind_find("revisions"), rev, NULL, err);
	json_decref(rev);
	buf_release(&key);
	return rc;
}

/*
 * Each row's progress updates in its "progress", oldest first so the
 * newest is last, and last[i] the date of rows[i]'s newest: one query a
 * run of near ids (ent_rows_next), not one a recommendation.
 */
static int
progress_lists(struct wm_ctx *ctx, const struct kind_row *rows, size_t n, int *last,
    struct wm_err *err)
{
	struct stmt *s;
	size_t at = 0;
	int rc;

	for (size_t i = 0; i < n; i++) {
		json_object_set_new_nocheck(rows[i].row, "progress", json_array());
		last[i] = DATE_NONE;
	}
	while ((rc = ent_rows_next(ctx,
	    "SELECT rec_id, date, text, degree_met, percent_complete, author FROM progress"
	    " WHERE rec_id BETWEEN ? AND ? ORDER BY rec_id, date, seq",
	    rows, n, &at, &s, err)) == STORE_ROW) {
		while ((rc = stmt_step(s, err)) == STORE_ROW) {
			struct kind_row *r = kind_row_find(rows, n, stmt_int(s, 0));
			json_t *u;

			if (r == NULL)
				continue;
			date_parse_iso(stmt_text(s, 1), &last[r - rows]);
			/* updates are not published: the public sees where it stands, not what was said */
			if (!authz_read_quiet(ctx, "progress"))
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
			return rc;
	}
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
 * The register shows, beside what is stored: the history of updates, how
 * far it has got (its percentage, else its grade's), whether it is overdue
 * and by how long, how long since it was last updated, how often and how
 * far its date has slipped, and its RAG status under the body's rules.
 */
static int
rec_present(json_t *row, struct stmt *s, int last_update, int as_of, struct wm_err *err)
{
	struct rec_facts f = { 0 };
	struct rag_rules rules;
	char d[DATE_ISO_LEN];
	int original, revisions, since, rc;
	json_t *slip;

	/* column 0 is the recommendation's id */
	f.key = NULL;
	f.last_update = last_update;
	f.due = date_col(s, 1);
	f.closed = strcmp(stmt_text(s, 2), "open") != 0;
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
	slip = json_object();
	json_object_set_new_nocheck(slip, "revisions", json_integer(revisions));
	json_object_set_new_nocheck(slip, "days", original != DATE_NONE && f.due != DATE_NONE ?
	    json_integer(f.due - original) : json_null());
	json_object_set_new_nocheck(row, "slippage", slip);
	return 0;
}

static int
rec_decorate(struct wm_ctx *ctx, const struct kind_row *rows, size_t n, struct wm_err *err)
{
	int *last = wm_calloc(n, sizeof(*last));
	int as_of = date_from_time(ctx->now);
	size_t at = 0, found = 0;
	struct stmt *s;
	int rc;

	if ((rc = progress_lists(ctx, rows, n, last, err)) != 0)
		goto out;
	/* The body's RAG rules come with the facts: no query of their own. */
	while ((rc = ent_rows_next(ctx,
	    "SELECT r.id, r.due, r.status, r.percent_complete,"
	    " (SELECT g.percent FROM grade g WHERE g.label = r.degree_met AND g.scale_id ="
	    "  COALESCE(src.scale_id, (SELECT id FROM grade_scale WHERE ref = 'degree-met'))),"
	    " src.issued, r.statutory, r.priority, r.due_original,"
	    " (SELECT COUNT(*) FROM due_change d WHERE d.rec_id = r.id),"
	    " (SELECT value FROM setting WHERE key = 'recommendations.rag')"
	    " FROM recommendation r JOIN source src ON src.id = r.source_id"
	    " WHERE r.id BETWEEN ? AND ?", rows, n, &at, &s, err)) == STORE_ROW) {
		while ((rc = stmt_step(s, err)) == STORE_ROW) {
			struct kind_row *r = kind_row_find(rows, n, stmt_int(s, 0));

			if (r == NULL)
				continue;
			if ((rc = rec_present(r->row, s, last[r - rows], as_of, err)) != 0) {
				stmt_reset(s);
				goto out;
			}
			found++;
		}
		if (rc < 0)
			goto out;
	}
	if (rc == 0 && found < n)
		rc = wm_error(err, WM_ENOTFOUND, "recommendation vanished");
out:
	free(last);
	return rc < 0 ? rc : 0;
}

const struct kind_hooks rec_hooks = { rec_prepare, rec_after, rec_decorate };

/* The source of the recommendation with this key ("DA2002/R1" -> "DA2002"). */
static int
rec_source(struct wm_ctx *ctx, const char *rec, char **source, struct wm_err *err)
{
	const struct kind *k = kind_find("recommendations");
	json_t *row;
	int64_t id;
	int rc;

	*source = NULL;
	if ((rc = ent_resolve(ctx, k, rec, &id, err)) != 0)
		return rc;
	if ((rc = ent_get_by_id(ctx, k, id, true, &row, err)) != 0)
		return rc;
	*source = wm_strdup(json_string_value(json_object_get(row, "source")));
	json_decref(row);
	return 0;
}

static int
numbered(struct wm_ctx *ctx, json_t *row, const char *table, struct wm_err *err)
{
	const char *rec = json_string_value(json_object_get(row, "recommendation"));
	int64_t id, seq;
	int rc;

	if (json_is_integer(json_object_get(row, "seq")) || rec == NULL)
		return 0;
	if ((rc = ent_resolve(ctx, kind_find("recommendations"), rec, &id, err)) != 0)
		return rc;
	if ((rc = ent_next_seq(ctx, table, "rec_id", id, &seq, err)) != 0)
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
	const char *rec = json_string_value(json_object_get(row, "recommendation"));
	char *source = NULL;
	bool closes;
	int rc;

	if ((rc = set_author(ctx, row, before, err)) != 0)
		return rc;
	if ((rc = numbered(ctx, row, "progress", err)) != 0)
		return rc;
	if (rec == NULL)
		return 0;
	if ((rc = rec_source(ctx, rec, &source, err)) != 0)
		return rc;
	rc = check_grade(ctx, source, row, "degree_met", &closes, err);
	free(source);
	return rc;
}

/*
 * The newest update's grade and percentage become the recommendation's.
 * When the newest is withdrawn, the newest left gives them back (what it
 * carries, else none): a grade goes with the update that gave it.
 *
 * A lead officer's grade that closes the recommendation awaits a
 * planner's sign-off (rec_prepare keeps it open) unless it is closed
 * already: signed off, or closed by a planner. A closing grade a lead's
 * withdrawal brings back awaits sign-off the same way, so that no order of
 * updates closes a recommendation on a lead's word alone.
 */
static int
progress_after(struct wm_ctx *ctx, int64_t id, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	const struct kind *rk = kind_find("recommendations");
	const json_t *u = after != NULL ? after : before;
	const char *rec = json_string_value(json_object_get(u, "recommendation"));
	struct wm_ctx sys = as_system(ctx);
	json_t *changes = NULL, *r = NULL, *grade = NULL, *percent = NULL;
	struct stmt *s;
	int64_t rid, newest = 0;
	char newest_date[DATE_ISO_LEN] = "";
	int64_t newest_seq = 0;
	bool first = true;
	int rc;

	if (rec == NULL || (rc = ent_resolve(&sys, rk, rec, &rid, err)) != 0)
		return rec == NULL ? 0 : rc;
	/* the updates left, newest first: the newest, and the latest grade and percentage given */
	if ((rc = store_prepare(ctx->st, "SELECT id, date, seq, degree_met, percent_complete"
	    " FROM progress WHERE rec_id = ? ORDER BY date DESC, seq DESC", &s, err)) != 0)
		return rc;
	stmt_bind_int(s, 1, rid);
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
		if (!json_is_null_or_missing(before, "degree_met"))
			json_object_set(changes, "degree_met", grade != NULL ? grade : json_null());
		if (!json_is_null_or_missing(before, "percent_complete"))
			json_object_set(changes, "percent_complete", percent != NULL ? percent :
			    json_null());
	}
	if (json_object_size(changes) == 0)
		goto out;
	if (json_object_get(changes, "degree_met") != NULL) {
		const char *status;

		if ((rc = ent_get_by_id(&sys, rk, rid, true, &r, err)) != 0)
			goto out;
		status = json_string_value(json_object_get(r, "status"));
		/*
		 * a lead's word on an open one awaits a planner's (rec_prepare drops
		 * it for a grade that does not close); a closed or withdrawn one stays so
		 */
		if (status == NULL || strcmp(status, "open") == 0)
			json_object_set_new(changes, "awaiting_signoff",
			    json_boolean(ctx->role == ROLE_LEAD));
	}
	rc = ent_set(&sys, rk, rec, changes, 0, NULL, err);
out:
	json_decref(changes);
	json_decref(r);
	json_decref(grade);
	json_decref(percent);
	return rc;
}

const struct kind_hooks progress_hooks = { progress_prepare, progress_after, NULL };

/* A revision given without the date before it took the recommendation's due date then. */
static int
revision_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	const char *rec = json_string_value(json_object_get(row, "recommendation"));
	int rc;

	if ((rc = numbered(ctx, row, "due_change", err)) != 0)
		return rc;
	if (before == NULL && rec != NULL && json_is_null_or_missing(row, "old_due")) {
		const struct kind *k = kind_find("recommendations");
		json_t *r;
		int64_t id;

		if ((rc = ent_resolve(ctx, k, rec, &id, err)) != 0 ||
		    (rc = ent_get_by_id(ctx, k, id, true, &r, err)) != 0)
			return rc;
		if (json_string_value(json_object_get(r, "due")) != NULL)
			json_object_set(row, "old_due", json_object_get(r, "due"));
		json_decref(r);
	}
	return 0;
}

/*
 * The current due date is always the latest revision's (by its date, then
 * its number): adding, changing or removing one moves the recommendation's.
 */
static int
revision_after(struct wm_ctx *ctx, int64_t id, const json_t *before, const json_t *after,
    struct wm_err *err)
{
	const json_t *r = after != NULL ? after : before;
	const char *rec = json_string_value(json_object_get(r, "recommendation"));
	const struct kind *k = kind_find("recommendations");
	char latest[DATE_ISO_LEN];
	struct wm_ctx sys = as_system(ctx);
	json_t *row, *changes;
	int64_t rid;
	int rc;

	(void)id;
	if (rec == NULL)
		return 0;
	if ((rc = ent_resolve(ctx, k, rec, &rid, err)) != 0 ||
	    (rc = latest_revision(ctx, rid, latest, err)) != 0)
		return rc;
	if (latest[0] == '\0')
		return 0;
	if ((rc = ent_get_by_id(ctx, k, rid, true, &row, err)) != 0)
		return rc;
	if (json_string_value(json_object_get(row, "due")) != NULL &&
	    strcmp(json_string_value(json_object_get(row, "due")), latest) == 0) {
		json_decref(row);
		return 0;
	}
	json_decref(row);
	changes = json_pack("{s:s}", "due", latest);
	rc = ent_set(&sys, k, rec, changes, 0, NULL, err);
	json_decref(changes);
	return rc;
}

const struct kind_hooks revision_hooks = { revision_prepare, revision_after, NULL };
