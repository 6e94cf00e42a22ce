/*
 * register.c: the register's papers: what to chase (every tracked item,
 * report/tracked.h), by lead officer, and a source's progress summary as a
 * committee receives it.
 *
 * Both read the register through the model (ent_list), which already says
 * where each recommendation stands as of the context's clock; the order of
 * chasing comes from analysis/register.h.
 */
#include "base/wm.h"

#include "analysis/register.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
#include "model/ent.h"
#include "report/register.h"
#include "report/tracked.h"

static int
load(struct wm_ctx *ctx, const char *source, json_t **recs, struct wm_err *err)
{
	struct ent_query q = { 0 };
	json_t *where = source ? json_pack("{s:s}", "source", source) : NULL;
	int rc;

	q.where = where;
	rc = ent_list(ctx, kind_find("recommendations"), &q, recs, err);
	json_decref(where);
	return rc;
}

/* How far back chasing looks for figures that have not come in. */
#define CHASE_FIGURE_DAYS 366

static int
date_of(const json_t *rec, const char *field)
{
	const char *s = json_string_value(json_object_get(rec, field));
	int d = DATE_NONE;

	if (s != NULL)
		date_parse_iso(s, &d);
	return d;
}

/* What is chased: a tracked item's update, or an indicator's figure. */
struct chase_item {
	const struct titem *it;		/* or NULL, and: */
	const struct tfigure *fig;
	struct rec_facts f;
	char key[64];			/* the figure's: "SC-01/2005-02" */
	int as_of;	/* qsort gives the comparison no context, so each item carries it */
};

static int
chase_cmp(const void *a, const void *b)
{
	const struct chase_item *x = a, *y = b;

	return rec_chase_cmp(&x->f, &y->f, x->as_of);
}

/* A figure not in by its due date is chased like an overdue update, from the indicator's owner. */
static void
figure_facts(struct chase_item *c)
{
	const json_t *stat = json_object_get(c->fig->row, "statutory");

	snprintf(c->key, sizeof(c->key), "%s/%s", c->fig->pi, c->fig->period);
	memset(&c->f, 0, sizeof(c->f));
	c->f.key = c->key;
	c->f.due = c->fig->due;
	c->f.percent = -1;
	c->f.last_update = DATE_NONE;
	c->f.opened = DATE_NONE;
	c->f.statutory = json_is_true(stat) ? 1 : json_is_false(stat) ? 0 : -1;
}

/* A cell for a member of a record as the record engine gives it: a date's text as a date. */
static void
date_cell(struct rtable *t, const json_t *rec, const char *field)
{
	rtable_date(t, date_of(rec, field));
}

static void
int_cell(struct rtable *t, const json_t *v)
{
	if (json_is_integer(v))
		rtable_int(t, (long long)json_integer_value(v));
	else
		rtable_null(t);
}

/*
 * The chase table's columns: the JSON's members, and what the paper shows.
 * "source" is what the item is in: a recommendation's source, a plan item's
 * plan, a milestone's timetable.
 */
static const struct rcol chase_cols[] = {
	{ "kind", "Kind", RC_DATA }, { "item", "Item", 0 },
	{ "source", "Source", RC_DATA }, { "ref", "Ref", RC_DATA },
	{ NULL, "Key", 0 }, { "subject", "Subject", 0 },
	{ "statutory", "Statutory", 0 }, { "priority", "Priority", RC_NUM },
	{ "due", "Due", 0 }, { "days_overdue", "Days overdue", RC_NUM },
	{ "last_update", "Last update", 0 }, { "days_since_update", "Days since update", RC_DATA },
	{ "degree_met", "Degree met", 0 }, { "rag", "RAG", 0 }, { "why", "Why", 0 },
};

static void
figure_row(struct rtable *t, const struct chase_item *c, struct buf *href)
{
	const json_t *stat = json_object_get(c->fig->row, "statutory");

	buf_reset(href);
	tfigure_href(c->fig, NULL, href);
	rtable_cell(t, "pis");
	rtable_cell(t, "figure");
	rtable_cell(t, c->fig->pi);
	rtable_cell(t, c->fig->period);
	rtable_link(t, c->key, buf_str(href));
	rtable_cell(t, c->fig->title);
	rtable_bool(t, json_is_true(stat) ? 1 : json_is_false(stat) ? 0 : -1);
	rtable_null(t);
	rtable_date(t, c->fig->due);
	rtable_int(t, c->as_of - c->fig->due);
	rtable_null(t);
	rtable_null(t);
	rtable_null(t);
	rtable_null(t);
	rtable_cell(t, "figure not in");
	rtable_end_row(t);
}

static void
chase_row(struct rtable *t, const struct titem *it, struct buf *href)
{
	const json_t *r = it->row;
	const json_t *stat = json_object_get(r, "statutory");

	buf_reset(href);
	titem_href(it, href);
	rtable_cell(t, it->kind);
	rtable_cell(t, it->noun);
	rtable_cell(t, it->parent);
	rtable_cell(t, it->ref);
	rtable_link(t, it->key, buf_str(href));
	rtable_cell(t, it->title);
	rtable_bool(t, json_is_true(stat) ? 1 : json_is_false(stat) ? 0 : -1);
	int_cell(t, json_object_get(r, "priority"));
	date_cell(t, r, "due");
	int_cell(t, json_object_get(r, "days_overdue"));
	date_cell(t, r, "last_update");
	int_cell(t, json_object_get(r, "days_since_update"));
	rtable_cell(t, json_string_value(json_object_get(r, "degree_met")));
	rtable_tag(t, json_string_value(json_object_get(r, "rag")),
	    json_string_value(json_object_get(r, "rag")));
	rtable_cell(t, it->overdue ? "overdue" : it->f.last_update == DATE_NONE ?
	    "never updated" : "no recent update");
	rtable_end_row(t);
}

int
report_chase(struct wm_ctx *ctx, int as_of, int stale_days, struct rdoc **out, struct wm_err *err)
{
	struct wm_ctx at = *ctx;
	struct titems all = { 0 };
	struct tfigures figs = { 0 };
	struct chase_item *items = NULL;
	json_t *leads = json_object(), *idx;
	char d[DATE_ISO_LEN], stale[64];
	struct buf href = BUF_INIT;	/* an item's page, on the web */
	size_t n = 0, i;
	struct rdoc *doc;
	const char *lead;
	int rc;

	*out = NULL;
	at.now = (time_t)as_of * 86400 + 43200;
	/* figures: those due in the year before as_of that have not come in */
	if ((rc = titems_load(&at, NULL, 0, &all, err)) != 0 ||
	    (rc = tfigures_load(&at, NULL, 0, as_of - CHASE_FIGURE_DAYS, as_of - 1, &figs, err)) != 0)
		goto out;
	items = wm_calloc(all.n + figs.n + 1, sizeof(*items));
	for (i = 0; i < all.n; i++) {
		/*
		 * Open and overdue, or stale: no update (or, never updated, none
		 * since it was made) for longer than stale_days, or never updated
		 * with no date to tell how long. An item with no due date is chased
		 * when it is stale like any other.
		 */
		if (all.v[i].open && (all.v[i].overdue || titem_stale(&all.v[i], stale_days))) {
			items[n].it = &all.v[i];
			items[n].f = all.v[i].f;
			items[n++].as_of = as_of;
		}
	}
	for (i = 0; i < figs.n; i++) {
		if (figs.v[i].in)
			continue;
		items[n].fig = &figs.v[i];
		items[n].as_of = as_of;
		figure_facts(&items[n++]);
	}
	wm_sort(items, n, sizeof(*items), chase_cmp);

	doc = rdoc_new("Updates to chase");
	date_format_iso(as_of, d);
	rdoc_fact(doc, "as_of", "As of", d);
	snprintf(stale, sizeof(stale), "%d days without an update", stale_days);
	rdoc_meta(doc, "Stale after", stale);
	rdoc_fact_int(doc, "stale_days", NULL, stale_days);
	rdoc_fact_int(doc, "count", NULL, (long long)n);
	if (n == 0)
		rdoc_para(doc, "Nothing to chase: no open recommendation, key action, objective or "
		    "milestone is overdue or without an update for %d days, and no indicator's figure "
		    "due in the last year is missing.", stale_days);
	else
		rdoc_para(doc, "%zu item%s to chase, by lead officer or indicator owner: open "
		    "recommendations, key actions, objectives and milestones overdue or without an "
		    "update for %d days, and figures due in the last year that have not come in; "
		    "statutory ones first, then by priority, then the longest waiting.",
		    n, n == 1 ? "" : "s", stale_days);
	/* one section per lead post, in the order their first item is chased */
	for (i = 0; i < n; i++) {
		const json_t *l;
		size_t k;

		if (items[i].fig != NULL) {
			const char *owner = items[i].fig->owner ? items[i].fig->owner :
			    "(no lead named)";

			if (json_object_get(leads, owner) == NULL)
				json_object_set_new(leads, owner, json_array());
			json_array_append_new(json_object_get(leads, owner), json_integer((json_int_t)i));
			continue;
		}
		if (json_array_size(items[i].it->leads) == 0) {
			if (json_object_get(leads, "(no lead named)") == NULL)
				json_object_set_new(leads, "(no lead named)", json_array());
			json_array_append_new(json_object_get(leads, "(no lead named)"),
			    json_integer((json_int_t)i));
		}
		json_array_foreach(items[i].it->leads, k, l) {
			const char *name = json_string_value(l);

			if (json_object_get(leads, name) == NULL)
				json_object_set_new(leads, name, json_array());
			json_array_append_new(json_object_get(leads, name), json_integer((json_int_t)i));
		}
	}
	json_object_foreach(leads, lead, idx) {
		struct rtable *t;
		json_t *v;
		size_t k;

		rdoc_group(doc, "leads");
		rdoc_fact(doc, "lead", NULL, lead);
		rdoc_heading(doc, 2, lead);
		t = rdoc_table_cols(doc, "items", NULL, WM_ARRAY_LEN(chase_cols), chase_cols);
		json_array_foreach(idx, k, v) {
			const struct chase_item *c = &items[json_integer_value(v)];

			if (c->fig != NULL)
				figure_row(t, c, &href);
			else
				chase_row(t, c->it, &href);
		}
		rdoc_group_end(doc);
	}
	if (n == 0)
		rdoc_fact_list(doc, "leads", NULL, NULL, 0);
	*out = doc;
out:
	buf_release(&href);
	free(items);
	titems_release(&all);
	tfigures_release(&figs);
	json_decref(leads);
	return rc;
}

/* "partially" -> "Partially" */
static const char *
capital(char *buf, size_t len, const char *s)
{
	snprintf(buf, len, "%s", s);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}

/* The progress summary's columns; a timescale is its words and what they mean. */
static const struct rcol progress_cols[] = {
	{ "ref", "No", 0 }, { "subject", "Subject", 0 }, { "statutory", "Statutory", RC_DATA },
	{ "leads", "Lead", 0 }, { "timescale.text", "Timescale", 0 },
	{ "timescale.earliest", "Earliest", RC_DATA }, { "timescale.latest", "Latest", RC_DATA },
	{ "timescale.ongoing", "Ongoing", RC_DATA }, { "timescale.complete", "Complete", RC_DATA },
	{ "timescale.uncertain", "Uncertain", RC_DATA },
	{ "timescale.conditional", "Conditional", RC_DATA },
	{ "text", "Recommendation", 0 }, { "progress", "Progress", RC_DATA },
	{ "degree_met", "Degree met", RC_DATA }, { NULL, "Progress update and degree met", 0 },
};

static void
progress_row(struct rtable *t, const json_t *rec)
{
	const json_t *hist = json_object_get(rec, "progress");
	const json_t *last = json_array_get(hist, json_array_size(hist) - 1);
	const json_t *ts = json_object_get(rec, "timescale"), *stat = json_object_get(rec, "statutory");
	const char *degree = json_string_value(json_object_get(rec, "degree_met"));
	const char *subject = json_string_value(json_object_get(rec, "subject"));
	static const char *const flags[] = { "ongoing", "complete", "uncertain", "conditional" };
	char line[512];

	rtable_cell(t, json_string_value(json_object_get(rec, "ref")));
	rtable_cell(t, subject);
	snprintf(line, sizeof(line), "%s%s", subject ? subject : "", json_is_true(stat) ?
	    " (statutory)" : json_is_false(stat) ? " (non-statutory)" : "");
	rtable_show(t, line);
	rtable_bool(t, json_is_true(stat) ? 1 : json_is_false(stat) ? 0 : -1);
	rtable_json(t, json_object_get(rec, "leads"));
	{
		/* leads joined as the seeds join them */
		struct buf leads = BUF_INIT;
		size_t k;
		json_t *l;

		json_array_foreach(json_object_get(rec, "leads"), k, l)
			buf_addf(&leads, "%s%s", k ? "/ " : "", json_string_value(l));
		rtable_show(t, buf_str(&leads));
		buf_release(&leads);
	}
	rtable_cell(t, json_string_value(json_object_get(ts, "text")));
	rtable_date(t, date_of(ts, "earliest"));
	rtable_date(t, date_of(ts, "latest"));
	for (size_t i = 0; i < WM_ARRAY_LEN(flags); i++) {
		const json_t *f = json_object_get(ts, flags[i]);

		rtable_bool(t, json_is_boolean(f) ? json_is_true(f) : -1);
	}
	rtable_cell(t, json_string_value(json_object_get(rec, "text")));
	rtable_cell(t, last ? json_string_value(json_object_get(last, "text")) : NULL);
	rtable_cell(t, degree);
	rtable_cellf(t, "%s%sRecommendation met: %s%s",
	    last ? json_string_value(json_object_get(last, "text")) : "", last ? " " : "",
	    degree ? degree : "not graded", json_is_true(json_object_get(rec, "awaiting_signoff")) ?
	    " (awaiting a planner's sign-off)" : "");
	rtable_end_row(t);
}

int
report_progress(struct wm_ctx *ctx, const char *source, struct rdoc **out, struct wm_err *err)
{
	static const struct rcol grade_cols[] = { { NULL, "Grade", RC_DATA },
		{ NULL, "Recommendations", RC_DATA } };
	/* "Completely met: 6; significantly: 4; ..." in the scale's order */
	static const char *const order[] = { "completely", "significantly", "moderately",
		"partially", "not met" };
	json_t *src = NULL, *recs = NULL, *rec, *grades = json_object();
	struct rdoc *doc = NULL;
	struct rtable *t;
	char buf[64], summary[512] = "";
	const char *g;
	json_t *v;
	size_t i;
	bool first = true;
	int latest = DATE_NONE, rc;

	*out = NULL;
	if ((rc = ent_get(ctx, kind_find("sources"), source, &src, err)) != 0)
		goto out;
	if ((rc = load(ctx, json_string_value(json_object_get(src, "ref")), &recs, err)) != 0)
		goto out;
	doc = rdoc_new(json_string_value(json_object_get(src, "title")));
	rdoc_fact(doc, "source", "Source", json_string_value(json_object_get(src, "ref")));
	rdoc_fact(doc, "title", NULL, json_string_value(json_object_get(src, "title")));
	t = rdoc_table_cols(doc, "recommendations", "Action plan progress summary",
	    WM_ARRAY_LEN(progress_cols), progress_cols);
	json_array_foreach(recs, i, rec) {
		const json_t *hist = json_object_get(rec, "progress");
		const char *degree = json_string_value(json_object_get(rec, "degree_met"));
		int d = date_of(json_array_get(hist, json_array_size(hist) - 1), "date");

		if (d != DATE_NONE && (latest == DATE_NONE || d > latest))
			latest = d;
		progress_row(t, rec);
		json_object_set_new(grades, degree ? degree : "not graded", json_integer(1 +
		    json_integer_value(json_object_get(grades, degree ? degree : "not graded"))));
	}
	if (latest != DATE_NONE) {
		date_format_iso(latest, buf);
		rdoc_meta(doc, "Latest update", buf);
	}
	{
		/* a lead's "met in full" stays open until a planner signs it off: say which */
		struct buf which = BUF_INIT;

		json_array_foreach(recs, i, rec)
			if (json_is_true(json_object_get(rec, "awaiting_signoff")))
				buf_addf(&which, "%s%s", which.len ? ", " : "",
				    json_string_value(json_object_get(rec, "ref")));
		if (which.len > 0)
			rdoc_meta(doc, "Awaiting sign-off", buf_str(&which));
		buf_release(&which);
	}
	/* the count of each grade: in words on paper, {grade: n} in the JSON, scale's order first */
	t = rdoc_table_cols(doc, "summary", NULL, WM_ARRAY_LEN(grade_cols), grade_cols);
	rtable_as_map(t);
	for (size_t k = 0; k < WM_ARRAY_LEN(order); k++) {
		if ((v = json_object_get(grades, order[k])) == NULL)
			continue;
		snprintf(summary + strlen(summary), sizeof(summary) - strlen(summary), "%s%s: %lld",
		    first ? "" : "; ", capital(buf, sizeof(buf), order[k]),
		    (long long)json_integer_value(v));
		first = false;
	}
	json_object_foreach(grades, g, v) {
		bool known = false;

		for (size_t k = 0; k < WM_ARRAY_LEN(order); k++)
			known = known || strcmp(order[k], g) == 0;
		if (!known) {
			snprintf(summary + strlen(summary), sizeof(summary) - strlen(summary),
			    "%s%s: %lld", first ? "" : "; ", capital(buf, sizeof(buf), g),
			    (long long)json_integer_value(v));
			first = false;
			rtable_cell(t, g);
			rtable_int(t, (long long)json_integer_value(v));
			rtable_end_row(t);
		}
	}
	for (size_t k = 0; k < WM_ARRAY_LEN(order); k++)
		if ((v = json_object_get(grades, order[k])) != NULL) {
			rtable_cell(t, order[k]);
			rtable_int(t, (long long)json_integer_value(v));
			rtable_end_row(t);
		}
	rdoc_para(doc, "%zu recommendations. Degree met: %s.", json_array_size(recs),
	    first ? "none graded" : summary);
	*out = doc;
	doc = NULL;
out:
	rdoc_free(doc);
	json_decref(src);
	json_decref(recs);
	json_decref(grades);
	return rc;
}
