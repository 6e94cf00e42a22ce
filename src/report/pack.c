/*
 * pack.c: the committee pack (see pack.h): what a committee oversees,
 * off track first, judged the same way whatever it is.
 *
 * The scope comes from the accountability map: items the committee
 * answers for (its own), the indicators in the baskets of its own goal
 * indicators (it watches the goal through them), and what the committees
 * reporting to it answer for; its own are shown in full, on track too,
 * the rest by exception. Indicators are judged as the exception report
 * judges them (analysis/exceptions.h) at the unit asked for; the rest as
 * of the period's last day, so a pack for 2005-03 says what was overdue on
 * 31 March 2005.
 */
#include "base/wm.h"

#include <math.h>

#include "analysis/exceptions.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
#include "base/period.h"
#include "model/ent.h"
#include "report/complete.h"
#include "report/govmap.h"
#include "report/pack.h"
#include "report/perfcommon.h"

/* Where an item stands in the committee's scope. */
enum reach {
	R_NONE,
	R_OWN,		/* the committee answers for it */
	R_WATCHED,	/* in the basket of one of its own indicators */
	R_BELOW		/* a committee reporting to it answers for it */
};

struct pack {
	struct wm_ctx *ctx, at;	/* at: the clock set to the pack's day */
	const struct pack_opts *o;
	struct govmap map;
	long c;			/* the committee */
	int day;		/* the day the pack is as of */
	struct pview v;
	bool have_v;
	json_t *units, *posts;	/* for a unit's pack: refs to parent refs; posts to units */
	struct rdoc *d;
	int level;
	size_t n_off, n_recs, n_late, n_projects, n_missing;
	size_t ok_pis, ok_recs, ok_projects, ok_actions;
};

static enum reach
reach_of(const struct pack *p, const char *committee)
{
	long k = govmap_committee(&p->map, committee);

	if (k < 0)
		return R_NONE;
	if (k == p->c)
		return R_OWN;
	return p->map.c[k].reports_to == p->c ? R_BELOW : R_NONE;
}

/* Is unit ref at or below the pack's unit (always, for the whole organisation)? */
static bool
unit_within(const struct pack *p, const char *ref)
{
	if (p->o->unit == NULL)
		return true;
	for (int depth = 0; ref != NULL && depth < 64; depth++) {
		if (strcmp(ref, p->o->unit) == 0)
			return true;
		ref = json_string_value(json_object_get(p->units, ref));
	}
	return false;
}

/* Is something led by these posts the unit's to report? */
static bool
led_within(const struct pack *p, const json_t *leads)
{
	size_t i;
	json_t *l;

	if (p->o->unit == NULL)
		return true;
	json_array_foreach(leads, i, l)
		if (unit_within(p, json_string_value(json_object_get(p->posts, json_string_value(l)))))
			return true;
	return false;
}

static int
load_units(struct pack *p, struct wm_err *err)
{
	struct ent_query q = { .raw = true };
	json_t *rows = NULL, *row;
	size_t i;
	int rc;

	p->units = json_object();
	p->posts = json_object();
	if (p->o->unit == NULL)
		return 0;
	if ((rc = ent_list(&p->at, kind_find("units"), &q, &rows, err)) != 0)
		return rc;
	json_array_foreach(rows, i, row)
		if (govmap_str(row, "parent") != NULL)
			json_object_set_new(p->units, govmap_str(row, "ref"),
			    json_string(govmap_str(row, "parent")));
	json_decref(rows);
	rows = NULL;
	if ((rc = ent_list(&p->at, kind_find("posts"), &q, &rows, err)) != 0)
		return rc;
	json_array_foreach(rows, i, row)
		if (govmap_str(row, "unit") != NULL)
			json_object_set_new(p->posts, govmap_str(row, "ref"),
			    json_string(govmap_str(row, "unit")));
	json_decref(rows);
	return 0;
}

/* ---- indicators ----------------------------------------------------------- */

/* The reach of each indicator (by perfdata index): its committee's, or its basket's. */
static enum reach *
pi_reach(struct pack *p)
{
	enum reach *r = wm_calloc(p->v.pd.npis + 1, sizeof(*r));

	for (size_t i = 0; i < p->map.n; i++) {
		const struct gm_item *it = &p->map.items[i];
		size_t k;

		if (strcmp(it->kind, "pi") != 0)
			continue;
		if (perfdata_pi(p->ctx, &p->v.pd, it->key, &k, NULL) == 0)
			r[k] = reach_of(p, it->committee);
	}
	/* a committee watches its own goal indicators through their baskets */
	for (size_t b = 0; b < p->v.plans.nbaskets; b++) {
		const struct pd_basket *bk = &p->v.plans.baskets[b];

		if (r[bk->pi] == R_OWN && r[bk->member] != R_OWN)
			r[bk->member] = R_WATCHED;
	}
	return r;
}

/* Does the pack's unit report the indicator at all? */
static bool
reported_here(const struct pack *p, size_t i)
{
	const struct perf_eval *e = pview_eval(&p->v, i);

	return p->v.run.pis[i].has_series && (p->o->unit == NULL || e->now.expected > 0);
}

static const char *
pi_committee(const struct pack *p, size_t i)
{
	for (size_t k = 0; k < p->map.n; k++)
		if (strcmp(p->map.items[k].kind, "pi") == 0 &&
		    strcmp(p->map.items[k].key, p->v.pd.pis[i].code) == 0)
			return p->map.items[k].committee;
	return NULL;
}

/* "Why: ... What is being done: ... By whom, by when", from the owner's commentary. */
static void
commentary_text(const json_t *c, struct buf *out)
{
	const char *why = govmap_str(c, "why"), *action = govmap_str(c, "action");
	const char *whom = govmap_str(c, "by_whom"), *when = govmap_str(c, "by_when");

	if (c == NULL)
		return;
	if (why != NULL)
		buf_addf(out, "%s", why);
	if (action != NULL)
		buf_addf(out, "%sBeing done: %s", out->len ? " " : "", action);
	if (whom != NULL || when != NULL)
		buf_addf(out, "%s(%s%s%s)", out->len ? " " : "", whom ? whom : "",
		    whom && when ? ", by " : when ? "by " : "", when ? when : "");
}

static void
indicators(struct pack *p, enum reach *reach)
{
	static const struct rcol cols[] = {
		{ "pi", "Indicator", 0 }, { "title", "Title", 0 }, { "committee", "Answers to", 0 },
		{ "period", "Period", 0 }, { "value", "Value", RC_NUM }, { "target", "Target", RC_NUM },
		{ "status", "Status", 0 }, { "why", "Why", 0 },
		{ "change_on_previous", "On the last period", 0 },
		{ "on_last_year", "On last year", 0 }, { "commentary", "Commentary", RC_DATA } };
	struct exc_item *items = wm_calloc(p->v.pd.npis + 1, sizeof(*items));
	struct rtable *t = NULL;
	size_t n = 0;

	for (size_t i = 0; i < p->v.pd.npis; i++) {
		const struct perf_eval *e;
		unsigned why;

		if (reach[i] == R_NONE || !reported_here(p, i))
			continue;
		e = pview_eval(&p->v, i);
		if ((why = exc_reasons(e, 3)) == 0) {
			p->ok_pis += reach[i] == R_OWN;
			continue;
		}
		items[n++] = (struct exc_item){ i, p->v.unit, why, *e };
	}
	wm_sort(items, n, sizeof(*items), exc_cmp);
	rdoc_heading(p->d, p->level, "Indicators off track");
	if (n == 0) {
		rdoc_para(p->d, "No indicator it oversees is red, getting worse, missing figures or "
		    "estimated.");
		rdoc_fact_list(p->d, "indicators", NULL, NULL, 0);
	} else {
		char at[PERIOD_LEN];

		period_format(&p->v.run.as_of, at);
		rdoc_para(p->d, "Red, getting worse three periods running, figures missing, or "
		    "estimated, as of %s for %s; most urgent first.", at, p->v.pd.units[p->v.unit].name);
		t = rdoc_table_cols(p->d, "indicators", NULL, WM_ARRAY_LEN(cols), cols);
	}
	for (size_t k = 0; k < n; k++) {
		size_t i = items[k].pi;
		const struct pd_pi *pi = &p->v.pd.pis[i];
		const struct perf_eval *e = &items[k].eval;
		struct buf comm = BUF_INIT;
		char why[128], change[256], year[256];
		const char *committee = pi_committee(p, i);

		exc_describe(items[k].reasons, e->worsening, why, sizeof(why));
		pview_change_text(pi, &e->vs_previous, false, change, sizeof(change));
		pview_last_year_text(&p->v, i, year, sizeof(year));
		commentary_text(pview_commentary(&p->v, i), &comm);
		rtable_link(t, pi->code, pview_pi_href(&p->v, pi));
		rtable_cell(t, pi->title);
		rtable_cell(t, reach[i] == R_WATCHED ? "in a basket it watches" : committee);
		pview_cells(&p->v, i, t);
		rtable_cell(t, why);
		rtable_cell(t, change);
		rtable_cell(t, year);
		rtable_cell(t, comm.len ? buf_str(&comm) : NULL);
		rtable_end_row(t);
		buf_release(&comm);
	}
	/* what the owners say, under the table: a committee reads it beside the figures */
	for (size_t k = 0; k < n; k++) {
		const struct pd_pi *pi = &p->v.pd.pis[items[k].pi];
		struct buf comm = BUF_INIT;

		if (k == 0)
			rdoc_heading(p->d, p->level + 1 <= 4 ? p->level + 1 : 4, "What the owners say");
		commentary_text(pview_commentary(&p->v, items[k].pi), &comm);
		/* the owner writes about the indicator as a whole, not a unit's share of it */
		rdoc_para(p->d, "%s %s: %s%s", pi->code, pi->title, comm.len && p->o->unit ?
		    "on the indicator as a whole, " : "", comm.len ? buf_str(&comm) :
		    "no commentary has been given for the period.");
		buf_release(&comm);
	}
	p->n_off = n;
	free(items);
}

/* ---- recommendations, key actions, milestones, projects -------------------- */

static int
date_field(const json_t *row, const char *field)
{
	const char *s = govmap_str(row, field);
	int d = DATE_NONE;

	if (s != NULL)
		date_parse_iso(s, &d);
	return d;
}

static bool
shown(const struct pack *p, const struct gm_item *it, const char *kind)
{
	return strcmp(it->kind, kind) == 0 && reach_of(p, it->committee) != R_NONE &&
	    led_within(p, it->leads);
}

static void
leads_cell(struct rtable *t, const json_t *leads)
{
	if (json_array_size(leads) > 0)
		rtable_json(t, leads);
	else
		rtable_list(t, NULL, 0, "; ");
}

static void
recommendations(struct pack *p)
{
	static const struct rcol cols[] = {
		{ "ref", "Recommendation", 0 }, { "subject", "Subject", 0 },
		{ "committee", "Answers to", 0 }, { "due", "Due", 0 },
		{ "days_overdue", "Days overdue", RC_NUM }, { "revisions", "Times moved", RC_NUM },
		{ "degree_met", "Degree met", 0 }, { "rag", "RAG", 0 }, { "leads", "Lead", 0 } };
	struct rtable *t = NULL;

	rdoc_heading(p->d, p->level, "Recommendations overdue or slipping");
	for (size_t i = 0; i < p->map.n; i++) {
		const struct gm_item *it = &p->map.items[i];
		const json_t *slip;
		json_int_t moved;
		bool overdue;

		if (!shown(p, it, "recommendation"))
			continue;
		overdue = json_is_true(json_object_get(it->row, "overdue"));
		slip = json_object_get(it->row, "slippage");
		moved = json_integer_value(json_object_get(slip, "revisions"));
		if (!overdue && moved == 0) {
			p->ok_recs += reach_of(p, it->committee) == R_OWN;
			continue;
		}
		if (t == NULL)
			t = rdoc_table_cols(p->d, "recommendations", NULL, WM_ARRAY_LEN(cols), cols);
		rtable_link(t, it->key, NULL);
		rtable_cell(t, it->title);
		rtable_cell(t, it->committee);
		rtable_date(t, date_field(it->row, "due"));
		if (overdue)
			rtable_json(t, json_object_get(it->row, "days_overdue"));
		else
			rtable_null(t);
		rtable_int(t, moved);
		rtable_cell(t, govmap_str(it->row, "degree_met"));
		rtable_tag(t, govmap_str(it->row, "rag"), govmap_str(it->row, "rag"));
		leads_cell(t, it->leads);
		rtable_end_row(t);
		p->n_recs++;
	}
	if (t == NULL) {
		rdoc_para(p->d, "No recommendation it oversees is overdue, and none has had its date "
		    "moved.");
		rdoc_fact_list(p->d, "recommendations", NULL, NULL, 0);
	}
}

/*
 * Key actions and milestones past their target date and not done: the
 * register's word (model/track.h), as for recommendations, so a revised
 * date is the one they are held to.
 */
static void
late(struct pack *p)
{
	static const struct rcol cols[] = {
		{ "kind", "Kind", 0 }, { "ref", "Item", 0 }, { "title", "Title", 0 },
		{ "committee", "Answers to", 0 }, { "timescale", "Due (as written)", 0 },
		{ "latest", "Due by", 0 }, { "percent", "% complete", RC_NUM },
		{ "last_update", "Last update", 0 }, { "status", "Status", 0 },
		{ "leads", "Lead", 0 } };
	struct rtable *t = NULL;

	rdoc_heading(p->d, p->level, "Key actions and milestones late");
	for (size_t i = 0; i < p->map.n; i++) {
		const struct gm_item *it = &p->map.items[i];
		const json_t *ts, *pc;
		bool action = strcmp(it->kind, "action") == 0;
		int due;

		if (!shown(p, it, action ? "action" : "milestone"))
			continue;
		ts = json_object_get(it->row, "timescale");
		due = date_field(it->row, "due");
		if (due == DATE_NONE)
			due = date_field(ts, "latest");
		if (!json_is_true(json_object_get(it->row, "overdue"))) {
			p->ok_actions += reach_of(p, it->committee) == R_OWN;
			continue;
		}
		if (t == NULL)
			t = rdoc_table_cols(p->d, "late", NULL, WM_ARRAY_LEN(cols), cols);
		rtable_cell(t, action ? "key action" : "milestone");
		rtable_cell(t, it->key);
		rtable_cell(t, it->title);
		rtable_cell(t, it->committee);
		rtable_cell(t, govmap_str(ts, "text"));
		rtable_date(t, due);
		pc = json_object_get(it->row, "percent");
		if (json_is_number(pc))
			rtable_num(t, json_number_value(pc), 0, NULL);
		else
			rtable_null(t);
		rtable_date(t, date_field(it->row, "last_update"));
		rtable_tag(t, govmap_str(it->row, "status"), "red");
		leads_cell(t, it->leads);
		rtable_end_row(t);
		p->n_late++;
	}
	if (t == NULL) {
		rdoc_para(p->d, "No key action or milestone it oversees is past its date.");
		rdoc_fact_list(p->d, "late", NULL, NULL, 0);
	}
}

/* Each project's latest exception report on or before the pack's day. */
static int
latest_reports(struct pack *p, json_t **out, struct wm_err *err)
{
	struct ent_query q = { .raw = true };
	json_t *rows = NULL, *row;
	size_t i;
	int rc;

	*out = json_object();
	if ((rc = ent_list(&p->at, kind_find("project_reports"), &q, &rows, err)) != 0)
		return rc;
	json_array_foreach(rows, i, row) {
		const json_t *had = json_object_get(*out, govmap_str(row, "project"));
		int d = date_field(row, "date");

		if (d == DATE_NONE || d > p->day)
			continue;
		if (had == NULL || date_field(had, "date") <= d)
			json_object_set(*out, govmap_str(row, "project"), row);
	}
	json_decref(rows);
	return 0;
}

static int
projects(struct pack *p, json_t *reports, struct wm_err *err)
{
	static const struct rcol cols[] = {
		{ "ref", "Project", 0 }, { "title", "Title", 0 }, { "committee", "Answers to", 0 },
		{ "status", "Status", 0 }, { "report_date", "Reported", 0 }, { "rag", "RAG", 0 },
		{ "exception", "Exception", 0 } };
	struct rtable *t = NULL;

	(void)err;
	rdoc_heading(p->d, p->level, "Projects reporting red or amber");
	for (size_t i = 0; i < p->map.n; i++) {
		const struct gm_item *it = &p->map.items[i];
		const json_t *rep;
		const char *rag;

		if (strcmp(it->kind, "project") != 0 || reach_of(p, it->committee) == R_NONE ||
		    !unit_within(p, govmap_str(it->row, "unit")))
			continue;
		rep = json_object_get(reports, it->key);
		rag = govmap_str(rep, "rag");
		if (rag == NULL || strcmp(rag, "green") == 0) {
			p->ok_projects += reach_of(p, it->committee) == R_OWN && rag != NULL;
			continue;
		}
		if (t == NULL)
			t = rdoc_table_cols(p->d, "projects", NULL, WM_ARRAY_LEN(cols), cols);
		rtable_cell(t, it->key);
		rtable_cell(t, it->title);
		rtable_cell(t, it->committee);
		rtable_cell(t, govmap_str(it->row, "status"));
		rtable_date(t, date_field(rep, "date"));
		rtable_tag(t, rag, rag);
		rtable_cell(t, govmap_str(rep, "text"));
		rtable_end_row(t);
		p->n_projects++;
	}
	if (t == NULL) {
		rdoc_para(p->d, "No project it oversees reports red or amber.");
		rdoc_fact_list(p->d, "projects", NULL, NULL, 0);
	}
	return 0;
}

/* ---- what did not come in -------------------------------------------------- */

static void
missing(struct pack *p, const enum reach *reach, json_t *reports)
{
	static const struct rcol cols[] = {
		{ "kind", "Kind", 0 }, { "ref", "Item", 0 }, { "title", "Title", 0 },
		{ "committee", "Answers to", 0 }, { "what", "What did not come in", 0 } };
	struct rtable *t = NULL;

	rdoc_heading(p->d, p->level, "Figures and updates that did not come in");
	t = rdoc_table_cols(p->d, "missing", NULL, WM_ARRAY_LEN(cols), cols);
	for (size_t i = 0; p->have_v && i < p->v.pd.npis; i++) {
		const struct perf_eval *e = pview_eval(&p->v, i);
		struct buf what = BUF_INIT;

		if (reach[i] == R_NONE || !reported_here(p, i))
			continue;
		if (!e->now.has)
			buf_addf(&what, "no figure for %s", "the period");
		else if (e->basis.complete < e->basis.expected || e->now.reported < e->now.expected)
			pview_coverage_text(&p->v, i, &what);
		if (what.len > 0) {
			rtable_cell(t, "indicator");
			rtable_link(t, p->v.pd.pis[i].code, pview_pi_href(&p->v, &p->v.pd.pis[i]));
			rtable_cell(t, p->v.pd.pis[i].title);
			rtable_cell(t, reach[i] == R_WATCHED ? "in a basket it watches" : pi_committee(p, i));
			rtable_cellf(t, "figures: %s", buf_str(&what));
			rtable_end_row(t);
			p->n_missing++;
		}
		buf_release(&what);
	}
	for (size_t i = 0; i < p->map.n; i++) {
		const struct gm_item *it = &p->map.items[i];
		bool rec = strcmp(it->kind, "recommendation") == 0;
		json_int_t since;

		if (rec && shown(p, it, "recommendation")) {
			const json_t *s = json_object_get(it->row, "days_since_update");

			since = json_integer_value(s);
			if (!json_is_integer(s) || since <= p->o->stale_days)
				continue;
			rtable_cell(t, "recommendation");
			rtable_cell(t, it->key);
			rtable_cell(t, it->title);
			rtable_cell(t, it->committee);
			if (govmap_str(it->row, "last_update") != NULL)
				rtable_cellf(t, "no update for %lld days (the last %s)", (long long)since,
				    govmap_str(it->row, "last_update"));
			else
				rtable_cellf(t, "never updated (%lld days)", (long long)since);
			rtable_end_row(t);
			p->n_missing++;
		} else if (strcmp(it->kind, "project") == 0 && reach_of(p, it->committee) != R_NONE &&
		    unit_within(p, govmap_str(it->row, "unit")) &&
		    (strcmp(govmap_str(it->row, "status"), "running") == 0 ||
		    strcmp(govmap_str(it->row, "status"), "commissioned") == 0)) {
			const json_t *rep = json_object_get(reports, it->key);
			int d = date_field(rep, "date");

			if (d != DATE_NONE && p->day - d <= p->o->stale_days)
				continue;
			rtable_cell(t, "project");
			rtable_cell(t, it->key);
			rtable_cell(t, it->title);
			rtable_cell(t, it->committee);
			if (d == DATE_NONE)
				rtable_cell(t, "no exception report from its manager");
			else
				rtable_cellf(t, "no exception report for %d days (the last %s)", p->day - d,
				    govmap_str(rep, "date"));
			rtable_end_row(t);
			p->n_missing++;
		}
	}
	if (p->n_missing == 0)
		rdoc_para(p->d, "Every figure, update and report it oversees came in.");
}

/* ---- on track, in brief ------------------------------------------------------ */

static void
on_track(struct pack *p, const enum reach *reach)
{
	struct buf codes = BUF_INIT;

	struct buf amber = BUF_INIT, other = BUF_INIT;
	size_t green = 0;

	rdoc_heading(p->d, p->level, "On track");
	for (size_t i = 0; p->have_v && i < p->v.pd.npis; i++) {
		enum rag r;

		if (reach[i] != R_OWN || !reported_here(p, i) ||
		    exc_reasons(pview_eval(&p->v, i), 3) != 0)
			continue;
		r = pview_eval(&p->v, i)->rag;
		if (r == RAG_GREEN)
			buf_addf(&codes, "%s%s", green++ ? ", " : "", p->v.pd.pis[i].code);
		else if (r == RAG_AMBER)
			buf_addf(&amber, "%s%s", amber.len ? ", " : "", p->v.pd.pis[i].code);
		else
			buf_addf(&other, "%s%s (%s)", other.len ? ", " : "", p->v.pd.pis[i].code,
			    rag_name(r));
	}
	rdoc_list(p->d);
	rdoc_item(p->d, "%zu of its indicators on target%s%s", green, green ? ": " : "",
	    buf_str(&codes));
	if (amber.len > 0)
		rdoc_item(p->d, "off target but within tolerance, and not getting worse: %s",
		    buf_str(&amber));
	if (other.len > 0)
		rdoc_item(p->d, "no target to judge against: %s", buf_str(&other));
	buf_release(&amber);
	buf_release(&other);
	rdoc_item(p->d, "%zu of its recommendations open, on time and not moved", p->ok_recs);
	rdoc_item(p->d, "%zu of its key actions and milestones not yet due", p->ok_actions);
	rdoc_item(p->d, "%zu of its projects reporting green", p->ok_projects);
	rdoc_fact_int(p->d, "on_track.indicators", NULL, (long long)green);
	rdoc_fact_int(p->d, "on_track.recommendations", NULL, (long long)p->ok_recs);
	rdoc_fact_int(p->d, "on_track.actions", NULL, (long long)p->ok_actions);
	rdoc_fact_int(p->d, "on_track.projects", NULL, (long long)p->ok_projects);
	buf_release(&codes);
}

/* ---- the pack -------------------------------------------------------------- */

int
pack_build(struct wm_ctx *ctx, const struct pack_opts *o, struct rdoc *d, char **summary,
    struct wm_err *err)
{
	struct pack p = { 0 };
	struct period per;
	enum reach *reach = NULL;
	json_t *reports = NULL;
	char day[DATE_ISO_LEN];
	int rc;

	p.ctx = ctx;
	p.o = o;
	p.d = d;
	p.level = o->level >= 2 && o->level <= 4 ? o->level : 2;
	if (summary != NULL)
		*summary = NULL;
	/* the day it is as of: the period's last, or today */
	p.day = o->as_of != NULL && period_parse(o->as_of, &per) == 0 ? period_last_day(&per) :
	    date_from_time(ctx->now);
	p.at = *ctx;
	p.at.now = (time_t)p.day * 86400 + 43200;
	if ((rc = govmap_load(&p.at, &p.map, NULL, NULL, GM_ACTIONS | GM_MILESTONES |
	    GM_DECORATED, err)) != 0)
		goto out;
	if ((p.c = govmap_committee(&p.map, o->committee)) < 0) {
		int64_t id;
		json_t *row = NULL;

		/* a short key, or one given another way: as the record engine finds it */
		if ((rc = ent_resolve(ctx, kind_find("committees"), o->committee, &id, err)) != 0 ||
		    (rc = ent_get_by_id(ctx, kind_find("committees"), id, true, &row, err)) != 0)
			goto out;
		p.c = govmap_committee(&p.map, govmap_str(row, "ref"));
		json_decref(row);
	}
	if ((rc = load_units(&p, err)) != 0)
		goto out;
	if ((rc = pview_open(ctx, &p.v, o->as_of, o->unit, NULL, err)) != 0)
		goto out;
	p.have_v = true;
	date_format_iso(p.day, day);
	rdoc_fact(d, "committee", NULL, p.map.c[p.c].key);
	rdoc_fact(d, "unit", NULL, p.v.pd.units[p.v.unit].ref);
	{
		char as_of[PERIOD_LEN];

		period_format(&p.v.run.as_of, as_of);
		rdoc_fact(d, "as_of", NULL, as_of);
	}
	rdoc_fact(d, "date", NULL, day);
	reach = pi_reach(&p);
	if ((rc = latest_reports(&p, &reports, err)) != 0)
		goto out;
	indicators(&p, reach);
	recommendations(&p);
	late(&p);
	if ((rc = projects(&p, reports, err)) != 0)
		goto out;
	missing(&p, reach, reports);
	/* the exception report's count of updates and figures due over the period, and who is late */
	if ((rc = complete_section(&p.at, p.map.c[p.c].key, period_first_day(&p.v.run.as_of),
	    p.day, o->stale_days > 0 ? o->stale_days : 90, p.level, d, NULL, NULL, err)) != 0)
		goto out;
	on_track(&p, reach);
	if (summary != NULL) {
		struct buf s = BUF_INIT;

		buf_addf(&s, "What the %s oversees as of %s: %zu indicator%s off track, %zu "
		    "recommendation%s overdue or slipping, %zu key action%s or milestone%s late, %zu "
		    "project%s reporting red or amber, and %zu figure%s or update%s that did not come in.",
		    govmap_str(p.map.crow[p.c], "name"), day, p.n_off, p.n_off == 1 ? "" : "s",
		    p.n_recs, p.n_recs == 1 ? "" : "s", p.n_late, p.n_late == 1 ? "" : "s",
		    p.n_late == 1 ? "" : "s", p.n_projects, p.n_projects == 1 ? "" : "s", p.n_missing,
		    p.n_missing == 1 ? "" : "s", p.n_missing == 1 ? "" : "s");
		*summary = buf_detach(&s, NULL);
	}
out:
	free(reach);
	json_decref(reports);
	json_decref(p.units);
	json_decref(p.posts);
	if (p.have_v)
		pview_close(&p.v);
	govmap_release(&p.map);
	return rc;
}
