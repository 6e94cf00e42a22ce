/*
 * perfcheck.c: the consistency check and one indicator's trend (see
 * performance.h).
 */
#include "base/wm.h"

#include <math.h>

#include "analysis/consistency.h"
#include "base/buf.h"
#include "base/mem.h"
#include "model/cube.h"
#include "model/setting.h"
#include "report/chart.h"
#include "report/perfcommon.h"
#include "report/performance.h"

/* ---- consistency ---------------------------------------------------------- */

/* Which units have figures for each indicator: [pi * tree size + unit]. */
static int
reporting_units(struct wm_ctx *ctx, const struct perfdata *pd, bool *reports, struct wm_err *err)
{
	size_t n = pd->tree.n;
	int rc = 0;

	for (size_t i = 0; i < pd->npis && rc == 0; i++) {
		for (int k = 0; k < 4 && rc == 0; k++) {
			struct cube c;
			int first, last;

			if (!(pd->pis[i].kinds & (1u << k)))
				continue;
			/* the series' columns are every unit it has figures for: one period shows them */
			if ((rc = cube_range(ctx, pd->pis[i].id, (enum period_kind)k, &first, &last,
			    err)) != 0 || first > last)
				continue;
			if ((rc = cube_load(ctx, pd->pis[i].id, (enum period_kind)k, last, last, &c,
			    err)) != 0)
				break;
			for (size_t u = 0; u < c.nunits; u++) {
				int64_t idx;

				if (intmap_get(&pd->unit_at, c.units[u], &idx))
					reports[i * n + (size_t)idx] = true;
			}
			cube_release(&c);
		}
	}
	return rc;
}

/* A row's first cells: the indicator, the unit, the period (its text also into per). */
static void
target_row(const struct pview *v, struct rtable *t, size_t pi, int unit, const struct period *p,
    char *per)
{
	period_format(p, per);
	rtable_link(t, v->pd.pis[pi].code, pview_pi_href(v, &v->pd.pis[pi]));
	rtable_cell(t, v->pd.units[unit].name);
	rtable_cell(t, per);
}

/*
 * Targets of indicators that add up whose children's targets do not come
 * to them, and units with figures but no target where the others have one.
 */
static int
check_sums(struct wm_ctx *ctx, const struct pview *v, const struct pd_target *tg, size_t nt,
    struct rdoc *d, json_t *data, struct wm_err *err)
{
	static const char *const headers[] = { "Indicator", "Unit", "Period", "Target",
		"Units below come to", "Difference", "Units below with a target", "How" };
	static const char *const mheaders[] = { "Indicator", "Unit", "Period",
		"Making up the target of" };
	struct cons_target *ct = wm_calloc(nt + 1, sizeof(*ct));
	struct period *periods = wm_calloc(nt + 1, sizeof(*periods));
	enum cons_rule *rule = wm_calloc(v->pd.npis + 1, sizeof(*rule));
	double *scale = wm_calloc(v->pd.npis + 1, sizeof(*scale));
	bool *reports = wm_calloc(v->pd.npis * v->pd.tree.n + 1, sizeof(*reports));
	struct cons_result res = { 0 };
	struct cons_check how = { rule, scale, 0, reports };
	size_t np = 0;
	json_t *list = json_array(), *mlist = json_array();
	int rc;

	if ((rc = setting_number(ctx, "performance.consistency_tolerance", &how.tolerance,
	    err)) != 0 || (rc = reporting_units(ctx, &v->pd, reports, err)) != 0)
		goto out;
	for (size_t i = 0; i < v->pd.npis; i++) {
		enum agg a = v->pd.pis[i].rules.agg;

		rule[i] = a == AGG_SUM ? CONS_SUM : a == AGG_RATIO ? CONS_RATIO : CONS_NONE;
		scale[i] = v->pd.pis[i].rules.scale;
	}
	for (size_t i = 0; i < nt; i++) {
		size_t p = 0;

		while (p < np && !(periods[p].kind == tg[i].period.kind &&
		    period_index(&periods[p]) == period_index(&tg[i].period)))
			p++;
		if (p == np)
			periods[np++] = tg[i].period;
		ct[i] = (struct cons_target){ tg[i].pi, tg[i].unit, (int)p, tg[i].value, tg[i].num,
			tg[i].den };
	}
	cons_check_targets(&v->pd.tree, ct, nt, &how, v->pd.npis, &res);
	rdoc_heading(d, 2, "Targets that do not add up");
	rdoc_para(d, "A unit's target should be what the targets of the units below it come to: "
	    "their sum, for an indicator that adds up, or for a rate or ratio the ratio of their "
	    "summed counts, where the targets have counts. Differences of up to %g%% of the unit's "
	    "target are not listed (the setting performance.consistency_tolerance).",
	    how.tolerance);
	if (res.ngaps == 0) {
		rdoc_para(d, "Every target checked is what the targets below it come to.");
	} else {
		struct rtable *t = rdoc_table(d, NULL, WM_ARRAY_LEN(headers), headers);

		for (size_t c = 3; c <= 6; c++)
			rtable_numeric(t, c);
		for (size_t g = 0; g < res.ngaps; g++) {
			const struct cons_sum_gap *x = &res.gaps[g];
			const struct pd_pi *pi = &v->pd.pis[x->pi];
			char per[PERIOD_LEN];

			target_row(v, t, x->pi, x->unit, &periods[x->period], per);
			pview_num(t, pi, x->target);
			pview_num(t, pi, x->children);
			pview_num(t, pi, x->children - x->target);
			rtable_num(t, x->nchildren, 0, NULL);
			rtable_cell(t, x->ratio ? "from their counts" : "their sum");
			rtable_end_row(t);
			json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:f, s:f, s:f, s:i, s:s}",
			    "pi", pi->code, "unit", v->pd.units[x->unit].ref, "period", per,
			    "target", x->target, "children", x->children,
			    "difference", x->children - x->target, "units_below", x->nchildren,
			    "how", x->ratio ? "counts" : "sum"));
		}
	}
	if (res.unchecked > 0)
		rdoc_para(d, "%zu rate or ratio target%s could not be checked: %s, or a target below, "
		    "has no counts (a target's numerator and denominator).", res.unchecked,
		    res.unchecked == 1 ? "" : "s", res.unchecked == 1 ? "it" : "each");
	rdoc_heading(d, 2, "Units with figures but no target");
	if (res.nmissing == 0) {
		rdoc_para(d, "Where a unit's target is made up of the targets below it, every unit "
		    "below with figures has a target.");
	} else {
		struct rtable *t;

		rdoc_para(d, "These units have figures for the indicator but no target, where the "
		    "units beside them have one that makes up a target above:");
		t = rdoc_table(d, NULL, WM_ARRAY_LEN(mheaders), mheaders);
		for (size_t m = 0; m < res.nmissing; m++) {
			const struct cons_missing *x = &res.missing[m];
			const struct pd_pi *pi = &v->pd.pis[x->pi];
			char per[PERIOD_LEN];

			target_row(v, t, x->pi, x->unit, &periods[x->period], per);
			rtable_cell(t, v->pd.units[x->parent].name);
			rtable_end_row(t);
			json_array_append_new(mlist, json_pack("{s:s, s:s, s:s, s:s}", "pi", pi->code,
			    "unit", v->pd.units[x->unit].ref, "period", per, "parent",
			    v->pd.units[x->parent].ref));
		}
	}
	json_object_set_new(data, "tolerance_percent", json_real(how.tolerance));
	json_object_set_new(data, "unchecked_ratio_targets", json_integer((json_int_t)res.unchecked));
out:
	json_object_set_new(data, "target_gaps", list);
	json_object_set_new(data, "missing_targets", mlist);
	cons_result_release(&res);
	free(ct);
	free(periods);
	free(rule);
	free(scale);
	free(reports);
	return rc;
}

/* A list of plan nodes under a heading, or a sentence saying there are none. */
static void
node_list(struct rdoc *d, const struct pview *v, const bool *pick, const char *heading,
    const char *intro, const char *none, json_t *data, const char *member)
{
	json_t *list = json_array();
	bool any = false;

	rdoc_heading(d, 2, heading);
	for (size_t n = 0; n < v->plans.nnodes; n++) {
		const struct pd_node *nd = &v->plans.nodes[n];

		if (!pick[n])
			continue;
		if (!any)
			rdoc_para(d, "%s", intro);
		if (!any)
			rdoc_list(d);
		any = true;
		rdoc_item(d, "%s (%s): %s", nd->key, nd->kind, nd->title);
		json_array_append_new(list, pview_node_json(nd));
	}
	if (!any)
		rdoc_para(d, "%s", none);
	json_object_set_new(data, member, list);
}

int
report_consistency(struct wm_ctx *ctx, struct rdoc **out, struct wm_err *err)
{
	struct pview v = { 0 };
	struct pd_target *tg;
	size_t nt, nlinked = 0, *linked, *unlinked = NULL, nun;
	bool *measured = NULL, *pick = NULL;
	json_t *data, *list;
	int rc;

	*out = NULL;
	if ((rc = perfdata_load(ctx, &v.pd, err)) != 0)
		return rc;
	if ((rc = perfdata_plans(ctx, &v.pd, &v.plans, err)) != 0 ||
	    (rc = perfdata_targets(ctx, &v.pd, NULL, 0, &tg, &nt, err)) != 0)
		goto out;
	*out = rdoc_new("Consistency of the plans and targets");
	data = json_object();
	if ((rc = check_sums(ctx, &v, tg, nt, *out, data, err)) != 0) {
		json_decref(data);
		rdoc_free(*out);
		*out = NULL;
		goto out;
	}

	/* a node counts as measured when it, or anything under it, has an indicator */
	measured = wm_calloc(v.plans.nnodes + 1, sizeof(*measured));
	pick = wm_calloc(v.plans.nnodes + 1, sizeof(*pick));
	for (size_t m = 0; m < v.plans.nmeasures; m++)
		for (int n = (int)v.plans.measures[m].node; n >= 0; n = v.plans.nodes[n].parent)
			measured[n] = true;
	for (size_t n = 0; n < v.plans.nnodes; n++)
		pick[n] = pview_measurable(&v.plans.nodes[n]) && !measured[n];
	node_list(*out, &v, pick, "Goals, aims and priorities with no indicator",
	    "Nothing measures these, nor anything under them:",
	    "Every goal, aim and priority has an indicator.", data, "unmeasured");

	linked = wm_calloc(v.plans.nmeasures + v.plans.nbaskets + 1, sizeof(*linked));
	for (size_t m = 0; m < v.plans.nmeasures; m++)
		linked[nlinked++] = v.plans.measures[m].pi;
	for (size_t b = 0; b < v.plans.nbaskets; b++)
		linked[nlinked++] = v.plans.baskets[b].member;
	nun = cons_unlinked(v.pd.npis, linked, nlinked, &unlinked);
	free(linked);
	rdoc_heading(*out, 2, "Indicators that measure nothing");
	list = json_array();
	if (nun == 0) {
		rdoc_para(*out, "Every indicator measures a goal, aim or priority, or is in a basket.");
	} else {
		rdoc_para(*out, "These are linked to no goal, aim or priority, and are in no basket:");
		rdoc_list(*out);
		for (size_t i = 0; i < nun; i++) {
			const struct pd_pi *pi = &v.pd.pis[unlinked[i]];

			rdoc_item(*out, "%s: %s", pi->code, pi->title);
			json_array_append_new(list, json_pack("{s:s, s:s}", "pi", pi->code, "title",
			    pi->title));
		}
	}
	json_object_set_new(data, "measuring_nothing", list);

	for (size_t n = 0; n < v.plans.nnodes; n++) {
		const struct pd_node *nd = &v.plans.nodes[n];

		pick[n] = strcmp(nd->kind, "objective") == 0 && v.plans.plans[nd->plan].lower &&
		    !nd->underpins;
	}
	node_list(*out, &v, pick, "Objectives that underpin nothing",
	    "These objectives of plans that cascade from another are linked to nothing above them:",
	    "Every objective of a lower plan underpins one above it.", data,
	    "underpinning_nothing");
	rdoc_set_data(*out, data);
out:
	free(unlinked);
	free(measured);
	free(pick);
	perfdata_release(&v.pd);
	return rc;
}

/* ---- one indicator's trend ------------------------------------------------ */

/*
 * Every unit judged at every period of the trend ([period][unit]): as the
 * scorecard would have judged it then, with the figures to that period.
 */
static struct perf_eval *
trend_evals(const struct pview *v, size_t pi, const struct prun_trend *tr,
    const struct pd_target *tg, size_t nt)
{
	size_t n = tr->nunits, mine = 0;
	struct perf_eval *e = wm_calloc((size_t)tr->nperiods * n + 1, sizeof(*e));
	struct perf_target *targets = wm_calloc(n + 1, sizeof(*targets));
	struct pd_target *own = wm_calloc(nt + 1, sizeof(*own));

	/* this indicator's targets only: every period looks them up for every unit */
	for (size_t i = 0; i < nt; i++)
		if (tg[i].pi == pi)
			own[mine++] = tg[i];
	for (int r = 0; r < tr->nperiods; r++) {
		struct period at = period_from_index(tr->kind, tr->first + r);

		prun_targets(own, mine, pi, n, &at, targets);
		perf_evaluate(&v->pd.tree, &v->pd.pis[pi].rules, tr->kind, tr->first + r, tr->cells,
		    (size_t)r + 1, targets, &e[(size_t)r * n]);
	}
	free(own);
	free(targets);
	return e;
}

/*
 * What a chart of single periods draws for unit u: each period's figure,
 * the target's share for that period, and the figure judged against it.
 */
static void
unit_series(const struct prun_trend *tr, const struct perf_eval *e, int u, double *values,
    double *targets, enum rag *rags, bool *pending)
{
	for (int r = 0; r < tr->nperiods; r++) {
		const struct perf_eval *x = &e[(size_t)r * tr->nunits + (size_t)u];

		values[r] = x->now.has ? x->now.value : NAN;
		targets[r] = x->period_target;
		rags[r] = x->period_rag;
		/* a figure still awaiting approval, at the unit or below it */
		pending[r] = x->now.has && x->now.unapproved > 0;
	}
}

struct trend_series {
	double *values, *targets;
	enum rag *rags;
	bool *pending;
};

static void
series_alloc(struct trend_series *s, size_t n)
{
	s->values = wm_calloc(n + 1, sizeof(*s->values));
	s->targets = wm_calloc(n + 1, sizeof(*s->targets));
	s->rags = wm_calloc(n + 1, sizeof(*s->rags));
	s->pending = wm_calloc(n + 1, sizeof(*s->pending));
}

static void
series_free(struct trend_series *s)
{
	free(s->values);
	free(s->targets);
	free(s->rags);
	free(s->pending);
}

/* Small multiples: the leaf units under the unit, over the last three years at most. */
static void
trend_multiples(const struct pview *v, size_t pi, const struct prun_trend *tr,
    const struct perf_eval *ev, char **labels, int show, struct rdoc *d)
{
	const struct pd_pi *p = &v->pd.pis[pi];
	size_t n = v->pd.tree.n, np = 0, per = (size_t)period_per_year(tr->kind) * 3;
	size_t skip = (size_t)tr->nperiods > per ? (size_t)tr->nperiods - per : 0;

	if (skip < (size_t)show)
		skip = (size_t)show;
	struct chart_panel *panels = wm_calloc(n + 1, sizeof(*panels));
	struct trend_series *ser = wm_calloc(n + 1, sizeof(*ser));
	char **vals = wm_calloc(n + 1, sizeof(*vals));
	struct buf svg = BUF_INIT;
	char title[300], desc[400];

	for (size_t u = 0; u < n; u++) {
		const struct perf_cell *c;
		int k = (int)u;

		while (k >= 0 && k != v->unit)
			k = v->pd.tree.units[k].parent;
		/* a unit that has never reported this indicator has no panel */
		if (v->is_parent[u] || k < 0 || (int)u == v->unit ||
		    tr->cells[(size_t)(tr->nperiods - 1) * n + u].expected == 0)
			continue;
		series_alloc(&ser[np], (size_t)tr->nperiods);
		unit_series(tr, ev, (int)u, ser[np].values, ser[np].targets, ser[np].rags,
		    ser[np].pending);
		c = &tr->cells[(size_t)(tr->nperiods - 1) * n + u];
		vals[np] = wm_malloc(48);
		prun_format(p, c->has ? c->value : NAN, vals[np], 48);
		panels[np] = (struct chart_panel){ v->pd.units[u].name, vals[np], {
			(const char *const *)labels + skip, ser[np].values + skip,
			ser[np].targets + skip, ser[np].rags + skip, (size_t)tr->nperiods - skip,
			ser[np].pending + skip } };
		np++;
	}
	if (np > 1) {
		snprintf(title, sizeof(title), "%s in each unit of %s", p->title,
		    v->pd.units[v->unit].name);
		snprintf(desc, sizeof(desc), "%zu small charts on one scale, one per unit, from %s to "
		    "%s; each names its unit and latest figure, and marks each figure against the target "
		    "for one period green, amber, red or not judged.", np, labels[skip], labels[tr->nperiods - 1]);
		chart_multiples(&svg, title, desc, panels, np);
		rdoc_heading(d, 2, "Unit by unit");
		rdoc_figure(d, buf_str(&svg), title);
	}
	for (size_t i = 0; i < np; i++) {
		series_free(&ser[i]);
		free(vals[i]);
	}
	buf_release(&svg);
	free(panels);
	free(ser);
	free(vals);
}

/* Figures held monthly shown by quarter or year: each combined by the indicator's rule. */
static int
trend_by(const struct pd_pi *pi, const char *by, struct prun_trend *tr, struct wm_err *err)
{
	static const struct { const char *name; enum period_kind kind; } kinds[] = {
		{ "month", PERIOD_MONTH }, { "quarter", PERIOD_QUARTER }, { "fyear", PERIOD_FYEAR },
		{ "year", PERIOD_YEAR },
	};
	struct perf_cell *cells;
	size_t i, n;
	int first;

	for (i = 0; i < WM_ARRAY_LEN(kinds) && strcmp(by, kinds[i].name) != 0; i++)
		;
	if (i == WM_ARRAY_LEN(kinds))
		return wm_error(err, WM_EUSAGE, "figures by: \"%s\" is not one of month, quarter, "
		    "fyear, year", by);
	if (kinds[i].kind == tr->kind || tr->nperiods == 0)
		return 0;
	if (!period_kind_shorter(tr->kind, kinds[i].kind))
		return wm_error(err, WM_EUSAGE, "figures by %s: the figures are held by %s, which "
		    "cannot be split into shorter periods", by, kinds[tr->kind].name);
	perf_convert(&pi->rules, tr->kind, tr->first, tr->cells, (size_t)tr->nperiods, tr->nunits,
	    kinds[i].kind, &first, &n, &cells);
	free(tr->cells);
	tr->cells = cells;
	tr->kind = kinds[i].kind;
	tr->first = first;
	tr->nperiods = (int)n;
	return 0;
}

int
report_trend(struct wm_ctx *ctx, const struct trend_opts *o, struct rdoc **out,
    struct wm_err *err)
{
	static const char *const headers[] = { "Period", "Value", "Rolling year", "To date",
		"Target", "Status", "On a year ago", "To date on last year" };
	struct period from, to, before;
	struct prun_trend tr = { 0 };
	struct trend_series s = { 0 };
	struct pview v = { 0 };
	struct pd_target *tg;
	struct perf_eval *ev = NULL;
	struct buf svg = BUF_INIT;
	char **labels = NULL, title[300], desc[600];
	json_t *data, *points;
	struct rtable *t;
	size_t pi, nt;
	int rc, show = 0, nshow;

	*out = NULL;
	if (o->pi == NULL)
		return wm_error(err, WM_EUSAGE, "a trend needs its indicator");
	if (o->from != NULL && period_parse(o->from, &from) != 0)
		return wm_error(err, WM_EUSAGE, "from: \"%s\" is not a period (2005-03, 2005-Q1, "
		    "2004/05, 2005)", o->from);
	if (o->to != NULL && period_parse(o->to, &to) != 0)
		return wm_error(err, WM_EUSAGE, "to: \"%s\" is not a period (2005-03, 2005-Q1, "
		    "2004/05, 2005)", o->to);
	if (o->from != NULL)
		before = period_add(&from, -2 * period_per_year(from.kind));
	if ((rc = perfdata_load(ctx, &v.pd, err)) != 0)
		return rc;
	v.is_parent = wm_calloc(v.pd.tree.n + 1, sizeof(*v.is_parent));
	for (size_t u = 0; u < v.pd.tree.n; u++)
		if (v.pd.tree.units[u].parent >= 0)
			v.is_parent[v.pd.tree.units[u].parent] = true;
	if ((rc = perfdata_pi(ctx, &v.pd, o->pi, &pi, err)) != 0 ||
	    (rc = (o->unit ? perfdata_unit(ctx, &v.pd, o->unit, &v.unit, err) :
	    perfdata_main_unit(ctx, &v.pd, &v.unit, err))) != 0 ||
	    (rc = perfdata_targets(ctx, &v.pd, NULL, 0, &tg, &nt, err)) != 0 ||
	    (rc = prun_trend(ctx, &v.pd, pi, o->from ? &before : NULL, o->to ? &to : NULL, &tr,
	    err)) != 0 || (o->by != NULL && (rc = trend_by(&v.pd.pis[pi], o->by, &tr, err)) != 0))
		goto out;
	/* the two years before --from are read too, for the comparisons with a year ago, not shown */
	while (o->from != NULL && show < tr.nperiods) {
		struct period p = period_from_index(tr.kind, tr.first + show);

		if (period_last_day(&p) >= period_first_day(&from))
			break;
		show++;
	}
	nshow = tr.nperiods - show;
	*out = rdoc_new(v.pd.pis[pi].title);
	rdoc_meta(*out, "Indicator", v.pd.pis[pi].code);
	rdoc_meta(*out, "Unit", v.pd.units[v.unit].name);
	data = json_pack("{s:s, s:s, s:s}", "pi", v.pd.pis[pi].code, "unit",
	    v.pd.units[v.unit].ref, "measure_unit", v.pd.pis[pi].measure_unit);
	points = json_array();
	if (nshow <= 0) {
		rdoc_para(*out, "There are no figures for this indicator%s.", o->from || o->to ?
		    " in those periods" : "");
	} else {
		labels = wm_calloc((size_t)tr.nperiods + 1, sizeof(*labels));
		series_alloc(&s, (size_t)tr.nperiods);
		for (int r = 0; r < tr.nperiods; r++) {
			struct period p = period_from_index(tr.kind, tr.first + r);

			labels[r] = wm_malloc(PERIOD_LEN);
			period_format(&p, labels[r]);
		}
		ev = trend_evals(&v, pi, &tr, tg, nt);
		unit_series(&tr, ev, v.unit, s.values, s.targets, s.rags, s.pending);
		rdoc_meta(*out, "From", labels[show]);
		rdoc_meta(*out, "To", labels[tr.nperiods - 1]);
		snprintf(title, sizeof(title), "%s, %s", v.pd.pis[pi].title, v.pd.units[v.unit].name);
		snprintf(desc, sizeof(desc), "A line of each %s's figure from %s to %s, with the "
		    "target for one %s as a dashed line (%s); each figure is marked against that line "
		    "green (circle), amber (square), red (triangle) or not judged (hollow circle), "
		    "and ringed with dashes while it awaits approval.",
		    period_kind_name(tr.kind), labels[show], labels[tr.nperiods - 1],
		    period_kind_name(tr.kind), v.pd.pis[pi].rules.agg == AGG_SUM ?
		    "a longer period's target shared evenly between its periods" :
		    "a longer period's target holds for each of its periods");
		chart_trend(&svg, title, desc, v.pd.pis[pi].measure_unit,
		    &(struct chart_series){ (const char *const *)labels + show, s.values + show,
		    s.targets + show, s.rags + show, (size_t)nshow, s.pending + show });
		rdoc_figure(*out, buf_str(&svg), title);
		rdoc_add_rendition(*out, "svg", "image/svg+xml", buf_str(&svg));
		rdoc_para(*out, "Status judges what the target is for: a period's figure against a "
		    "target for that period, and where the target is for a longer one (a year's target "
		    "for monthly figures) the figures to date against the target to date%s. The chart "
		    "draws each period's figure against the target for one period.",
		    v.pd.pis[pi].rules.agg == AGG_SUM ? ", pro rata for the periods with figures" : "");
		t = rdoc_table(*out, "The figures", WM_ARRAY_LEN(headers), headers);
		for (size_t c = 1; c <= 4; c++)
			rtable_numeric(t, c);
		for (int r = tr.nperiods; r-- > show;) {
			const struct pd_pi *p = &v.pd.pis[pi];
			const struct perf_eval *e = &ev[(size_t)r * tr.nunits + (size_t)v.unit];
			size_t per_year = (size_t)period_per_year(tr.kind);
			/* a rolling year needs a year of periods behind it */
			struct perf_cell y = (size_t)r + 1 >= per_year && per_year > 1 ?
			    perf_rolling(&p->rules, tr.cells, tr.nunits, (size_t)r, v.unit,
			    per_year) : (struct perf_cell){ 0 };
			bool td = e->to_date, any = e->now.has || e->basis.has;
			char ya[200] = "", tly[200] = "";

			if (any)
				pview_change_text(p, &e->vs_last_year, false, ya, sizeof(ya));
			if (any && td)
				pview_change_text(p, &e->to_date_vs_last_year, true, tly, sizeof(tly));
			if (s.pending[r])
				rtable_cellf(t, "%s (awaiting approval)", labels[r]);
			else
				rtable_cell(t, labels[r]);
			pview_num(t, p, s.values[r]);
			pview_num(t, p, y.has ? y.value : NAN);
			pview_num(t, p, td && e->basis.has ? e->basis.value : NAN);
			pview_num(t, p, e->target);
			rtable_tag(t, rag_name(e->rag), pview_rag_tag(e->rag));
			rtable_cell(t, ya);
			rtable_cell(t, tly);
			rtable_end_row(t);
			json_array_insert_new(points, 0, json_pack("{s:s, s:o, s:o, s:o, s:o, s:s, s:o, "
			    "s:s, s:o, s:o, s:b}", "period", labels[r],
			    "value", isfinite(s.values[r]) ? json_real(s.values[r]) : json_null(),
			    "rolling_year", y.has ? json_real(y.value) : json_null(),
			    "to_date", td && e->basis.has ? json_real(e->basis.value) : json_null(),
			    "target", isfinite(e->target) ? json_real(e->target) : json_null(),
			    "status", rag_name(e->rag),
			    "period_target", isfinite(s.targets[r]) ? json_real(s.targets[r]) :
			    json_null(), "period_status", rag_name(s.rags[r]),
			    "change_on_last_year", pview_change_json(&e->vs_last_year),
			    "to_date_on_last_year", td ? pview_change_json(&e->to_date_vs_last_year) :
			    json_null(), "approved", !s.pending[r]));
		}
		trend_multiples(&v, pi, &tr, ev, labels, show, *out);
		{
			bool *shown = wm_calloc(v.pd.npis + 1, sizeof(*shown));

			shown[pi] = true;
			pview_rules_para(&v, shown, *out);
			free(shown);
		}
	}
	json_object_set_new(data, "points", points);
	rdoc_set_data(*out, data);
out:
	for (int r = 0; labels != NULL && r < tr.nperiods; r++)
		free(labels[r]);
	free(labels);
	series_free(&s);
	free(ev);
	buf_release(&svg);
	prun_trend_release(&tr);
	free(v.is_parent);
	perfdata_release(&v.pd);
	return rc;
}
