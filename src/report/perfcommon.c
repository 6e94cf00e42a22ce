/*
 * perfcommon.c: indicators evaluated at one unit, shown the same way in
 * every performance paper (see perfcommon.h).
 */
#include "base/wm.h"

#include <math.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/mem.h"
#include "store/store.h"
#include "report/perfcommon.h"

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
	return r == RAG_GREEN ? "green" : r == RAG_AMBER ? "amber" : r == RAG_RED ? "red" : "grey";
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

void
pview_cells(const struct pview *v, size_t pi, struct rtable *t)
{
	const struct prun_pi *r = &v->run.pis[pi];
	const struct perf_eval *e = &r->eval[v->unit];
	const struct pd_pi *p = &v->pd.pis[pi];
	char per[PERIOD_LEN];

	period_format(&r->at, per);
	if (to_date(r, v->unit)) {
		char tp[PERIOD_LEN];

		/* judged on the figures to date against the target, so that is what is shown */
		period_format(&r->target_period[v->unit], tp);
		rtable_cellf(t, "%s (%s to date)", per, tp);
		pview_num(t, p, e->basis.has ? e->basis.value : NAN);
	} else {
		rtable_cell(t, r->has_series ? per : "");
		pview_num(t, p, e->now.has ? e->now.value : NAN);
	}
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

/* Those points missing a figure (or, if est, estimated): names, and refs into list. */
static void
points_where(const struct pview *v, size_t pi, bool est, struct buf *names, json_t *list)
{
	const struct prun_pi *r = &v->run.pis[pi];
	const struct perf_cell *now;
	size_t n = v->pd.tree.n;
	bool *pt;

	if (r->nhistory == 0)
		return;
	now = &r->history[(r->nhistory - 1) * n];
	pt = points(v, now);
	for (size_t u = 0; u < n; u++) {
		if (!pt[u] || (est ? !(now[u].has && now[u].estimated > 0) : now[u].has))
			continue;
		if (names != NULL)
			buf_addf(names, "%s%s", names->len ? ", " : "", v->pd.units[u].name);
		if (list != NULL)
			json_array_append_new(list, json_string(v->pd.units[u].ref));
	}
	free(pt);
}

void
pview_coverage_cell(const struct pview *v, size_t pi, struct rtable *t)
{
	const struct perf_eval *e = pview_eval(v, pi);
	struct buf missing = BUF_INIT, est = BUF_INIT;

	points_where(v, pi, false, &missing, NULL);
	points_where(v, pi, true, &est, NULL);
	if (!v->run.pis[pi].has_series)
		rtable_cell(t, "no figures");
	else
		rtable_cellf(t, "%d of %d%s%.120s%s%s%.120s", e->now.reported, e->now.expected,
		    missing.len ? "; missing: " : "", buf_str(&missing),
		    missing.len > 120 ? "..." : "", est.len ? "; estimated: " : "", buf_str(&est));
	buf_release(&missing);
	buf_release(&est);
}

static json_t *
number(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

json_t *
pview_pi_json(const struct pview *v, size_t pi)
{
	const struct prun_pi *r = &v->run.pis[pi];
	const struct perf_eval *e = &r->eval[v->unit];
	const struct pd_pi *p = &v->pd.pis[pi];
	char per[PERIOD_LEN], tp[PERIOD_LEN] = "";
	json_t *missing = json_array(), *est = json_array();

	period_format(&r->at, per);
	if (!isnan(e->target))
		period_format(&r->target_period[v->unit], tp);
	points_where(v, pi, false, NULL, missing);
	points_where(v, pi, true, NULL, est);
	return json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:s, s:o, s:s, s:s,"
	    " s:{s:i, s:i, s:i, s:o, s:o}, s:o}",
	    "pi", p->code, "title", p->title, "measure_unit", p->measure_unit,
	    "period", r->has_series ? json_string(per) : json_null(),
	    "value", e->now.has ? number(e->now.value) : json_null(),
	    "value_to_date", to_date(r, v->unit) && e->basis.has ? number(e->basis.value) :
	    json_null(),
	    "target", number(e->target),
	    "target_period", tp[0] ? json_string(tp) : json_null(),
	    "status", rag_name(e->rag),
	    "off", isfinite(e->off) && !isnan(e->target) ? json_real(e->off) : json_null(),
	    "vs_previous", trend_name(e->vs_previous),
	    "vs_last_year", trend_name(e->vs_last_year),
	    "coverage", "reported", e->now.reported, "expected", e->now.expected,
	    "estimated", e->now.estimated, "missing", missing, "estimated_units", est,
	    "commentary", pview_commentary(v, pi) ? json_deep_copy(pview_commentary(v, pi)) :
	    json_null());
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
