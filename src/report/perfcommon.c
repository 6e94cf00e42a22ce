/*
 * perfcommon.c: indicators evaluated at one unit, shown the same way in
 * every performance paper (see perfcommon.h).
 */
#include "base/wm.h"

#include <math.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/mem.h"
#include "base/numfmt.h"
#include "store/store.h"
#include "report/perfcommon.h"

/* Who is behind a figure: the points missing a period, estimated, or a ratio without counts. */
struct who {
	struct buf missing, estimated, uncounted;	/* names, for the paper */
	json_t *jmissing, *jestimated, *juncounted;	/* refs; missing with their periods */
};

static void
who_release(struct who *w)
{
	buf_release(&w->missing);
	buf_release(&w->estimated);
	buf_release(&w->uncounted);
	json_decref(w->jmissing);
	json_decref(w->jestimated);
	json_decref(w->juncounted);
}

/* Who is behind indicator pi's figure: worked out once for the coverage cell and the JSON. */
struct pview_who {
	size_t pi;
	bool valid;
	struct who w;
};

static void who_of(const struct pview *v, size_t pi, struct who *w);

int
pview_open(struct wm_ctx *ctx, struct pview *v, const char *as_of, const char *unit,
    const char *committee, struct wm_err *err)
{
	struct period at;
	int rc;

	memset(v, 0, sizeof(*v));
	v->ctx = ctx;
	v->committee = committee;
	/*
	 * One snapshot for the whole paper: its figures agree with each other
	 * even while an import runs, and SQLite takes its read lock once rather
	 * than for each of thousands of statements.
	 */
	if ((rc = store_begin_read(ctx->st, err)) != 0)
		return rc;
	if ((rc = perfdata_load(ctx, &v->pd, err)) != 0 ||
	    (rc = perfdata_commentary(ctx, &v->commentary, err)) != 0)
		goto fail;
	if ((rc = perfdata_plans(ctx, &v->pd, &v->plans, err)) != 0 ||
	    (rc = prun_as_of(ctx, as_of, &at, err)) != 0)
		goto fail;
	rc = unit != NULL ? perfdata_unit(ctx, &v->pd, unit, &v->unit, err) :
	    perfdata_main_unit(ctx, &v->pd, &v->unit, err);
	if (rc != 0)
		goto fail;
	if (committee != NULL) {
		v->mask = wm_calloc(v->pd.npis + 1, sizeof(*v->mask));
		if ((rc = perfdata_committee_pis(ctx, &v->pd, committee, v->mask, err)) != 0)
			goto fail;
	}
	v->is_parent = wm_calloc(v->pd.tree.n + 1, sizeof(*v->is_parent));
	for (size_t u = 0; u < v->pd.tree.n; u++)
		if (v->pd.tree.units[u].parent >= 0)
			v->is_parent[v->pd.tree.units[u].parent] = true;
	v->who = wm_calloc(1, sizeof(*v->who));
	if ((rc = prun_run(ctx, &v->pd, &at, v->mask, 13, &v->run, err)) != 0)
		goto fail;
	return store_rollback(ctx->st, 0);
fail:
	pview_close(v);
	return store_rollback(ctx->st, rc);
}

void
pview_close(struct pview *v)
{
	if (v->who != NULL && v->who->valid)
		who_release(&v->who->w);
	free(v->who);
	prun_release(&v->run);
	free(v->mask);
	free(v->is_parent);
	perfdata_release(&v->pd);
	json_decref(v->commentary);
	memset(v, 0, sizeof(*v));
}

bool
pview_wanted(const struct pview *v, size_t pi)
{
	return v->mask == NULL || v->mask[pi];
}

const struct perf_eval *
pview_eval(const struct pview *v, size_t pi)
{
	return &v->run.pis[pi].eval[v->unit];
}

void
pview_meta(const struct pview *v, struct rdoc *d)
{
	char p[PERIOD_LEN];

	period_format(&v->run.as_of, p);
	rdoc_meta(d, "As of", p);
	rdoc_meta(d, "Unit", v->pd.units[v->unit].name);
	if (v->committee != NULL)
		rdoc_meta(d, "Committee", v->committee);
}

json_t *
pview_json(const struct pview *v)
{
	char p[PERIOD_LEN];

	period_format(&v->run.as_of, p);
	return json_pack("{s:s, s:s, s:o}", "as_of", p, "unit", v->pd.units[v->unit].ref,
	    "committee", v->committee ? json_string(v->committee) : json_null());
}

const char *
pview_rag_tag(enum rag r)
{
	return r == RAG_GREEN ? "green" : r == RAG_AMBER ? "amber" : r == RAG_RED ? "red" :
	    r == RAG_MISSING ? "blue" : "grey";
}

void
pview_num(struct rtable *t, const struct pd_pi *pi, double v)
{
	rtable_num(t, v, prun_decimals(pi), prun_suffix(pi));
}

void
pview_numeric(struct rtable *t)
{
	rtable_numeric(t, 3);
	rtable_numeric(t, 4);
}

/* Is the target for a longer period than the figures, so judged on the figures to date? */
static bool
to_date(const struct prun_pi *r, int unit)
{
	return !isnan(r->eval[unit].target) && r->target_period[unit].kind != r->at.kind;
}

bool
pview_points_unit(const struct pd_pi *pi)
{
	static const char *const pct[] = { "%", "percent", "percentage", "percentage points",
		"per cent" };

	for (size_t i = 0; i < WM_ARRAY_LEN(pct); i++)
		if (strcasecmp(pi->measure_unit, pct[i]) == 0)
			return true;
	return false;
}

void
pview_period_text(const struct pview *v, size_t pi, char *out, size_t len)
{
	const struct prun_pi *r = &v->run.pis[pi];
	const struct perf_eval *e = &r->eval[v->unit];
	char per[PERIOD_LEN], tp[PERIOD_LEN], span[PERIOD_RANGE_LEN];

	if (!r->has_series) {
		snprintf(out, len, "%s", "");
		return;
	}
	period_format(&r->at, per);
	if (!to_date(r, v->unit)) {
		snprintf(out, len, "%s", per);
		return;
	}
	/* the figures to date are what is judged, so that is what the row shows */
	period_format(&r->target_period[v->unit], tp);
	period_range_format(r->at.kind, e->from, period_index(&r->at), span, sizeof(span));
	snprintf(out, len, "%s (%s to date)", span, tp);
}

void
pview_cells(const struct pview *v, size_t pi, struct rtable *t)
{
	const struct prun_pi *r = &v->run.pis[pi];
	const struct perf_eval *e = &r->eval[v->unit];
	const struct pd_pi *p = &v->pd.pis[pi];
	char per[PERIOD_LEN + PERIOD_RANGE_LEN + 16];

	pview_period_text(v, pi, per, sizeof(per));
	rtable_cell(t, per);
	pview_num(t, p, e->basis.has ? e->basis.value : NAN);
	pview_num(t, p, e->target);
	rtable_tag(t, rag_name(e->rag), pview_rag_tag(e->rag));
}

/* Is unit u at or below unit top? */
static bool
below(const struct perf_tree *t, int u, int top)
{
	for (int k = u; k >= 0; k = t->units[k].parent)
		if (k == top)
			return true;
	return false;
}

/*
 * The units at or under the one reported on that report the indicator
 * with none below them that do: where coverage is counted.
 */
static bool *
points(const struct pview *v, const struct perf_cell *now)
{
	size_t n = v->pd.tree.n;
	int *below_sum = wm_calloc(n + 1, sizeof(*below_sum));
	bool *pt = wm_calloc(n + 1, sizeof(*pt));

	for (size_t u = 0; u < n; u++)
		if (v->pd.tree.units[u].parent >= 0)
			below_sum[v->pd.tree.units[u].parent] += now[u].expected;
	for (size_t u = 0; u < n; u++)
		pt[u] = now[u].expected > 0 && below_sum[u] == 0 && below(&v->pd.tree, (int)u, v->unit);
	free(below_sum);
	return pt;
}

/*
 * Look at every period the figure at the unit reported on covers: a
 * point missing any of them is missing (with the runs of periods it
 * lacks, when the figure covers more than one).
 */
static void
who_of(const struct pview *v, size_t pi, struct who *w)
{
	const struct prun_pi *r = &v->run.pis[pi];
	const struct perf_eval *e = &r->eval[v->unit];
	const struct pd_pi *p = &v->pd.pis[pi];
	size_t n = v->pd.tree.n, span, first;
	const struct perf_cell *now;
	bool *pt;

	*w = (struct who){ BUF_INIT, BUF_INIT, BUF_INIT, NULL, NULL, NULL };
	w->jmissing = json_array();
	w->jestimated = json_array();
	w->juncounted = json_array();
	if (r->nhistory == 0)
		return;
	now = &r->history[(r->nhistory - 1) * n];
	span = (size_t)e->nperiods < r->nhistory ? (size_t)e->nperiods : r->nhistory;
	first = r->nhistory - span;
	pt = points(v, now);
	for (size_t u = 0; u < n; u++) {
		struct buf runs = BUF_INIT;
		bool est = false, nocount = false, missed = false;
		long start = -1;

		if (!pt[u])
			continue;
		for (size_t k = first; k <= r->nhistory; k++) {
			const struct perf_cell *c = k < r->nhistory ? &r->history[k * n + u] : NULL;

			if (c != NULL && c->has && c->estimated > 0)
				est = true;
			if (c != NULL && c->has && p->rules.agg == AGG_RATIO && c->den == 0)
				nocount = true;
			if (c != NULL && !c->has) {
				if (start < 0)
					start = (long)k;
				continue;
			}
			if (start >= 0 && (span == 1 || w->missing.len >= 200)) {
				missed = true;
				start = -1;
			} else if (start >= 0) {
				char text[PERIOD_RANGE_LEN];
				int a = e->from + (int)((size_t)start - first);
				int b = e->from + (int)(k - 1 - first);

				period_range_format(r->at.kind, a, b, text, sizeof(text));
				buf_addf(&runs, "%s%s", runs.len ? ", " : "", text);
				missed = true;
				start = -1;
			}
		}
		if (missed) {
			/* the paper shows the first few: words past what a cell holds are not built */
			if (w->missing.len < 200) {
				buf_addf(&w->missing, "%s%s", w->missing.len ? ", " : "",
				    v->pd.units[u].name);
				if (span > 1)
					buf_addf(&w->missing, " (%s)", buf_str(&runs));
			}
			json_array_append_new(w->jmissing, json_string(v->pd.units[u].ref));
		}
		if (est) {
			buf_addf(&w->estimated, "%s%s", w->estimated.len ? ", " : "",
			    v->pd.units[u].name);
			json_array_append_new(w->jestimated, json_string(v->pd.units[u].ref));
		}
		if (nocount) {
			buf_addf(&w->uncounted, "%s%s", w->uncounted.len ? ", " : "",
			    v->pd.units[u].name);
			json_array_append_new(w->juncounted, json_string(v->pd.units[u].ref));
		}
		buf_release(&runs);
	}
	free(pt);
}

static const struct who *
who_get(const struct pview *v, size_t pi)
{
	struct pview_who *c = v->who;

	if (c->valid && c->pi == pi)
		return &c->w;
	if (c->valid)
		who_release(&c->w);
	who_of(v, pi, &c->w);
	c->pi = pi;
	c->valid = true;
	return &c->w;
}

/* A list of names, cut where a table cell would overflow. */
static void
names_add(struct buf *b, const char *label, const struct buf *names)
{
	if (names->len == 0)
		return;
	buf_addf(b, "; %s: %.160s%s", label, buf_str((struct buf *)names),
	    names->len > 160 ? "..." : "");
}

void
pview_coverage_text(const struct pview *v, size_t pi, struct buf *out)
{
	const struct prun_pi *r = &v->run.pis[pi];
	const struct perf_eval *e = pview_eval(v, pi);
	const struct who *w;

	if (!r->has_series) {
		buf_adds(out, "no figures");
		return;
	}
	w = who_get(v, pi);
	if (e->nperiods > 1) {
		char span[PERIOD_RANGE_LEN];

		period_range_format(r->at.kind, e->from, period_index(&r->at), span, sizeof(span));
		buf_addf(out, "%d of %d complete for %s", e->basis.complete, e->basis.expected, span);
		if (e->basis.has && e->basis.covered < e->nperiods && v->pd.pis[pi].rules.agg ==
		    AGG_SUM && !isnan(e->target))
			buf_addf(out, "; figures for %d of the %d periods, judged against the target "
			    "for those", e->basis.covered, e->nperiods);
	} else {
		buf_addf(out, "%d of %d", e->now.reported, e->now.expected);
	}
	names_add(out, "missing", &w->missing);
	names_add(out, "no counts to add up", &w->uncounted);
	names_add(out, "estimated", &w->estimated);
	if (e->now.unapproved > 0)
		buf_addf(out, "; %d awaiting approval", e->now.unapproved);
}

void
pview_coverage_cell(const struct pview *v, size_t pi, struct rtable *t)
{
	struct buf b = BUF_INIT;

	pview_coverage_text(v, pi, &b);
	rtable_cell(t, buf_str(&b));
	buf_release(&b);
}

static json_t *
number(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

void
pview_change_text(const struct pd_pi *pi, const struct perf_change *c, bool with_then,
    char *out, size_t len)
{
	char diff[NUM_LEN], then[NUM_LEN + 8];
	double d = c->now - c->then;
	size_t n;

	if (c->trend == TREND_UNKNOWN) {
		snprintf(out, len, "%s", !c->had_now ? "" : !c->had_then ? "no earlier figure" :
		    "cannot compare: no unit has figures for both");
		return;
	}
	num_format(fabs(d), prun_decimals(pi), true, diff, sizeof(diff));
	n = (size_t)snprintf(out, len, "%s", trend_name(c->trend));
	if (with_then && n < len) {
		static const char *const link[] = { "", " than", " as", " than", " on", " on" };

		prun_format(pi, c->then, then, sizeof(then));
		n += (size_t)snprintf(out + n, len - n, "%s %s", link[c->trend], then);
	}
	/* a change that rounds to nothing is not written as "-0.0" */
	if (n < len && strspn(diff, "0.,") < strlen(diff)) {
		if (pview_points_unit(pi))
			n += (size_t)snprintf(out + n, len - n, ", %s%s points", d > 0 ? "+" : "-", diff);
		else if (c->then != 0)
			n += (size_t)snprintf(out + n, len - n, ", %+.1f%%", d / fabs(c->then) * 100);
		else
			n += (size_t)snprintf(out + n, len - n, ", %s%s", d > 0 ? "+" : "-", diff);
	}
	if (c->partial && n < len)
		snprintf(out + n, len - n, " (the %d unit%s with figures for both)", c->units,
		    c->units == 1 ? "" : "s");
}

json_t *
pview_change_json(const struct perf_change *c)
{
	bool both = isfinite(c->now) && isfinite(c->then);
	json_t *j = json_object();

	/* lean: a report holds hundreds of these; now and units only when not the figure shown */
	json_object_set_new_nocheck(j, "trend", json_string(c->trend == TREND_UNKNOWN &&
	    c->had_now && c->had_then ? "cannot compare" : trend_name(c->trend)));
	if (!both)
		return j;
	json_object_set_new_nocheck(j, "then", json_real(c->then));
	if (c->then != 0)
		json_object_set_new_nocheck(j, "percent", json_real((c->now - c->then) /
		    fabs(c->then) * 100));
	json_object_set_new_nocheck(j, "partial", json_boolean(c->partial));
	if (c->partial) {
		json_object_set_new_nocheck(j, "now", json_real(c->now));
		json_object_set_new_nocheck(j, "units", json_integer(c->units));
	}
	return j;
}

void
pview_off_text(const struct pd_pi *pi, const struct perf_eval *e, char *out, size_t len)
{
	char gap[NUM_LEN];

	out[0] = '\0';
	if (!isfinite(e->gap) || e->gap <= 0 || isnan(e->target))
		return;
	num_format(e->gap, prun_decimals(pi), true, gap, sizeof(gap));
	/* a percentage misses by points; a relative figure of a percentage would mislead */
	if (pview_points_unit(pi))
		snprintf(out, len, "%s point%s", gap, strcmp(gap, "1") == 0 ? "" : "s");
	else if (e->target != 0)
		snprintf(out, len, "%s (%.1f%%)", gap, e->off * 100);
	else
		snprintf(out, len, "%s", gap);
}

json_t *
pview_pi_json(const struct pview *v, size_t pi)
{
	const struct prun_pi *r = &v->run.pis[pi];
	const struct perf_eval *e = &r->eval[v->unit];
	const struct pd_pi *p = &v->pd.pis[pi];
	char per[PERIOD_LEN], tp[PERIOD_LEN] = "", from[PERIOD_LEN];
	struct period fp = period_from_index(r->at.kind, e->from);
	const struct who *w;
	json_t *j;

	period_format(&r->at, per);
	period_format(&fp, from);
	if (!isnan(e->target))
		period_format(&r->target_period[v->unit], tp);
	w = who_get(v, pi);
	j = json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:s, s:o, s:o, s:s,"
	    " s:s, s:s, s:{s:i, s:i, s:i, s:i, s:i, s:O, s:O, s:O}}",
	    "pi", p->code, "title", p->title, "measure_unit", p->measure_unit,
	    "period", r->has_series ? json_string(per) : json_null(),
	    "from", r->has_series && to_date(r, v->unit) ? json_string(from) : json_null(),
	    "value", e->now.has ? number(e->now.value) : json_null(),
	    "value_to_date", to_date(r, v->unit) && e->basis.has ? number(e->basis.value) :
	    json_null(),
	    "target", number(e->target),
	    "target_set", number(e->target_set),
	    "target_period", tp[0] ? json_string(tp) : json_null(),
	    "status", rag_name(e->rag),
	    "off", isfinite(e->off) && !isnan(e->target) && e->basis.has ? json_real(e->off) :
	    json_null(),
	    "gap", isfinite(e->gap) && !isnan(e->target) && e->basis.has ? json_real(e->gap) :
	    json_null(),
	    "vs_previous", trend_name(e->vs_previous.trend),
	    "vs_last_year", trend_name(e->vs_last_year.trend),
	    "rollup", agg_name(p->rules.agg),
	    "coverage", "reported", e->now.reported, "expected", e->now.expected,
	    "complete", e->basis.complete, "periods", e->nperiods,
	    "estimated", e->now.estimated, "missing", w->jmissing, "estimated_units", w->jestimated,
	    "no_counts", w->juncounted);
	json_object_set_new(json_object_get(j, "coverage"), "unapproved",
	    json_integer(e->now.unapproved));
	json_object_set_new(j, "commentary", pview_commentary(v, pi) ?
	    json_deep_copy(pview_commentary(v, pi)) : json_null());
	json_object_set_new(j, "change_on_previous", pview_change_json(&e->vs_previous));
	json_object_set_new(j, "change_on_last_year", pview_change_json(&e->vs_last_year));
	json_object_set_new(j, "to_date_on_last_year", to_date(r, v->unit) ?
	    pview_change_json(&e->to_date_vs_last_year) : json_null());
	return j;
}

const json_t *
pview_commentary(const struct pview *v, size_t pi)
{
	const struct prun_pi *r = &v->run.pis[pi];
	char per[PERIOD_LEN], key[160];

	if (!r->has_series)
		return NULL;
	period_format(&r->at, per);
	snprintf(key, sizeof(key), "%s/%s", v->pd.pis[pi].code, per);
	return json_object_get(v->commentary, key);
}

void
pview_commentary_section(const struct pview *v, const size_t *pis, size_t n, struct rdoc *d)
{
	bool any = false;

	for (size_t k = 0; k < n; k++) {
		const struct pd_pi *p = &v->pd.pis[pis[k]];
		const json_t *c = pview_commentary(v, pis[k]);
		const char *action, *whom, *when;
		char per[PERIOD_LEN], head[400];

		if (c == NULL)
			continue;
		if (!any)
			rdoc_heading(d, 2, "Commentary");
		any = true;
		period_format(&v->run.pis[pis[k]].at, per);
		action = json_string_value(json_object_get(c, "action"));
		whom = json_string_value(json_object_get(c, "by_whom"));
		when = json_string_value(json_object_get(c, "by_when"));
		snprintf(head, sizeof(head), "%s %s, %s", p->code, p->title, per);
		rdoc_heading(d, 3, head);
		rdoc_para(d, "Why: %s", json_string_value(json_object_get(c, "why")));
		if (action != NULL)
			rdoc_para(d, "What is being done: %s", action);
		if (whom != NULL || when != NULL)
			rdoc_para(d, "By %s%s%s", whom ? whom : "", whom && when ? ", by " : "",
			    when ? when : "");
	}
}

/*
 * The comparison a committee quotes: for figures to date, with the same
 * periods a year before; else the period's with the same period a year ago.
 */
void
pview_last_year_text(const struct pview *v, size_t i, char *out, size_t len)
{
	const struct perf_eval *e = pview_eval(v, i);
	const struct pd_pi *pi = &v->pd.pis[i];

	if (!e->now.has && !e->basis.has)
		snprintf(out, len, "%s", "");
	else if (e->nperiods > 1)
		pview_change_text(pi, &e->to_date_vs_last_year, true, out, len);
	else
		pview_change_text(pi, &e->vs_last_year, true, out, len);
}

void
pview_rules_para(const struct pview *v, const bool *shown, struct rdoc *d)
{
	struct buf means = BUF_INIT;

	for (size_t i = 0; i < v->pd.npis; i++)
		if (shown[i] && v->pd.pis[i].rules.agg == AGG_MEAN)
			buf_addf(&means, "%s%s", means.len ? ", " : "", v->pd.pis[i].code);
	if (means.len > 0)
		rdoc_para(d, "%s %s a mean: above a unit, the mean of the units' own figures, each "
		    "counting once (unweighted), never a mean of the groups' means.", buf_str(&means),
		    strchr(buf_str(&means), ',') ? "are each" : "is");
	buf_release(&means);
}

void
pview_red_below(const struct pview *v, size_t pi, char *text, size_t len, json_t *j)
{
	const struct prun_pi *r = &v->run.pis[pi];
	json_t *list = json_array();
	size_t n = 0, npoints = 0, used = 0;
	bool *pt = NULL;

	text[0] = '\0';
	if (r->nhistory > 0)
		pt = points(v, &r->history[(r->nhistory - 1) * v->pd.tree.n]);
	for (size_t u = 0; pt != NULL && u < v->pd.tree.n; u++) {
		if (!pt[u] || (int)u == v->unit)
			continue;
		npoints++;
		if (r->eval[u].rag != RAG_RED)
			continue;
		json_array_append_new(list, json_string(v->pd.units[u].ref));
		if (n++ < 6 && used < len)
			used += (size_t)snprintf(text + used, len - used, "%s%s", used ? ", " : "",
			    v->pd.units[u].name);
	}
	if (n > 6 && used < len)
		used += (size_t)snprintf(text + used, len - used, " and %zu more", n - 6);
	if (n > 0 && used < len)
		snprintf(text + used, len - used, " (%zu of %zu)", n, npoints);
	free(pt);
	json_object_set_new(j, "red_below", list);
}

const char *
pview_pi_href(const struct pview *v, const struct pd_pi *pi)
{
	struct buf b = BUF_INIT;
	const char *out;

	buf_adds(&b, "/pis/");
	buf_add_url_escaped(&b, pi->code, false);
	out = arena_strdup(v->pd.a, buf_str(&b));
	buf_release(&b);
	return out;
}

bool
pview_measurable(const struct pd_node *n)
{
	return strcmp(n->kind, "goal") == 0 || strcmp(n->kind, "aim") == 0 ||
	    strcmp(n->kind, "priority") == 0;
}

json_t *
pview_node_json(const struct pd_node *n)
{
	return json_pack("{s:s, s:s, s:s}", "node", n->key, "kind", n->kind, "title", n->title);
}
