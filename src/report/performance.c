/*
 * performance.c: the scorecard and the exception report (see
 * performance.h); the consistency check and the trend are in perfcheck.c.
 *
 * Both evaluate indicators as of a period (report/perfrun.h) at one unit's
 * level: the unit asked for, or the corporate one. Coverage counts the
 * leaf units under it that reported; the exception report also says which
 * units below are red, so a committee sees where as well as what.
 */
#include "base/wm.h"

#include <math.h>

#include "analysis/exceptions.h"
#include "base/buf.h"
#include "base/mem.h"
#include "model/ent.h"
#include "report/complete.h"
#include "report/perfcommon.h"
#include "report/performance.h"

/* ---- the scorecard -------------------------------------------------------- */

static const char *const card_headers[] = { "Indicator", "Title", "Period", "Value", "Target",
	"Status", "On last period", "On a year ago", "To date on last year", "Coverage" };

static void
card_row(const struct pview *v, size_t i, struct rtable *t, json_t *list, bool *shown)
{
	const struct pd_pi *pi = &v->pd.pis[i];
	const struct perf_eval *e = pview_eval(v, i);
	bool any = e->now.has || e->basis.has;
	char text[200];

	shown[i] = true;
	rtable_link(t, pi->code, pview_pi_href(v, pi));
	rtable_cell(t, pi->title);
	pview_cells(v, i, t);
	pview_change_text(pi, &e->vs_previous, false, text, sizeof(text));
	rtable_cell(t, any ? text : "");
	pview_change_text(pi, &e->vs_last_year, false, text, sizeof(text));
	rtable_cell(t, any ? text : "");
	if (e->nperiods > 1)
		pview_last_year_text(v, i, text, sizeof(text));
	else
		text[0] = '\0';
	rtable_cell(t, text);
	pview_coverage_cell(v, i, t);
	rtable_end_row(t);
	json_array_append_new(list, pview_pi_json(v, i));
}

/*
 * A goal's indicator watched through a basket of aim indicators: the
 * members' status, in a sentence and as "basket" in the indicator's JSON.
 */
static void
card_basket(const struct pview *v, size_t i, json_t *jpi, struct rdoc *d)
{
	char text[600];
	size_t len = 0;
	json_t *list = json_array();

	for (size_t b = 0; b < v->plans.nbaskets; b++) {
		const struct pd_basket *bk = &v->plans.baskets[b];
		enum rag r;

		if (bk->pi != i)
			continue;
		r = v->run.pis[bk->member].eval ? pview_eval(v, bk->member)->rag : RAG_NO_DATA;
		if (len < sizeof(text))
			len += (size_t)snprintf(text + len, sizeof(text) - len, "%s%s %s",
			    len ? ", " : "", v->pd.pis[bk->member].code, rag_name(r));
		json_array_append_new(list, json_pack("{s:s, s:f, s:s}", "pi",
		    v->pd.pis[bk->member].code, "weight", bk->weight, "status", rag_name(r)));
	}
	if (json_array_size(list) > 0) {
		rdoc_para(d, "%s is watched through its basket: %s.", v->pd.pis[i].code, text);
		json_object_set_new(jpi, "basket", list);
	} else {
		json_decref(list);
	}
}

/* Indicators measuring node n, in code order. */
static void
card_node_pis(const struct pview *v, size_t n, struct rtable *t, json_t *list, int *counts,
    bool *shown)
{
	for (size_t m = 0; m < v->plans.nmeasures; m++) {
		size_t i = v->plans.measures[m].pi;

		if (v->plans.measures[m].node != n)
			continue;
		card_row(v, i, t, list, shown);
		counts[pview_eval(v, i)->rag]++;
	}
}

static bool
has_pis(const struct pview *v, size_t n)
{
	for (size_t m = 0; m < v->plans.nmeasures; m++)
		if (v->plans.measures[m].node == n)
			return true;
	return false;
}

/* The plan whose nodes most indicators measure: the one a scorecard is about. */
static int
card_plan(const struct pview *v, const char *want, struct wm_err *err)
{
	size_t *count = wm_calloc(v->plans.nplans + 1, sizeof(*count));
	int best = -1;

	for (size_t m = 0; m < v->plans.nmeasures; m++)
		count[v->plans.nodes[v->plans.measures[m].node].plan]++;
	for (size_t p = 0; p < v->plans.nplans; p++) {
		if (want != NULL && strcmp(v->plans.plans[p].ref, want) == 0) {
			best = (int)p;
			break;
		}
		if (want == NULL && count[p] > 0 && (best < 0 || count[p] > count[best]))
			best = (int)p;
	}
	free(count);
	if (best < 0 && want != NULL)
		wm_error(err, WM_ENOTFOUND, "there is no plan \"%s\"", want);
	else if (best < 0)
		wm_error(err, WM_EINVAL, "no indicator measures any plan's goals or aims yet "
		    "(say of an indicator which goals or aims it measures)");
	return best;
}

static void
counts_json(json_t *o, const int *counts)
{
	json_t *c = json_object();

	for (int r = RAG_GREEN; r < RAG__N; r++)
		if (counts[r] > 0)
			json_object_set_new(c, rag_name((enum rag)r), json_integer(counts[r]));
	json_object_set_new(o, "status", c);
}

static void
counts_para(struct rdoc *d, const int *counts)
{
	char text[160] = "";
	size_t len = 0;

	for (int r = RAG_GREEN; r < RAG__N; r++)
		if (counts[r] > 0 && len < sizeof(text))
			len += (size_t)snprintf(text + len, sizeof(text) - len, "%s%d %s",
			    len ? ", " : "", counts[r], rag_name((enum rag)r));
	rdoc_para(d, "%s", len ? text : "No indicator measures it yet.");
}

/* The indicators of a goal's JSON (its own, then its aims'), once each, into pis[]. */
static void
collect_pis(const struct pview *v, const json_t *goal, size_t *pis, size_t *n)
{
	const json_t *aims = json_object_get(goal, "aims");

	for (size_t a = 0; a <= json_array_size(aims); a++) {
		const json_t *list = json_object_get(a == 0 ? goal : json_array_get(aims, a - 1), "pis");

		for (size_t k = 0; k < json_array_size(list); k++) {
			const char *code = json_string_value(json_object_get(json_array_get(list, k), "pi"));
			size_t i;
			bool seen = false;

			if (code == NULL || perfdata_pi(v->ctx, &v->pd, code, &i, NULL) != 0)
				continue;
			for (size_t j = 0; j < *n && !seen; j++)
				seen = pis[j] == i;
			if (!seen)
				pis[(*n)++] = i;
		}
	}
}

int
report_performance(struct wm_ctx *ctx, const struct performance_opts *o, struct rdoc **out,
    struct wm_err *err)
{
	struct pview v;
	json_t *data, *goals;
	int plan, rc;
	int64_t goal_id = 0;
	bool any = false, *shown;

	*out = NULL;
	if ((rc = pview_open(ctx, &v, o->as_of, o->unit, NULL, err)) != 0)
		return rc;
	shown = wm_calloc(v.pd.npis + 1, sizeof(*shown));
	if ((plan = card_plan(&v, o->plan, err)) < 0) {
		rc = WM_ENOTFOUND;
		goto out;
	}
	if (o->goal != NULL && (rc = ent_resolve(ctx, kind_find("nodes"), o->goal, &goal_id,
	    err)) != 0)
		goto out;
	*out = rdoc_new("Performance scorecard");
	pview_meta(&v, *out);
	rdoc_meta(*out, "Plan", v.plans.plans[plan].title);
	data = pview_json(&v);
	json_object_set_new(data, "plan", json_string(v.plans.plans[plan].ref));
	goals = json_array();
	for (size_t g = 0; g < v.plans.nnodes; g++) {
		const struct pd_node *gn = &v.plans.nodes[g];
		int counts[RAG__N] = { 0 };
		json_t *jg, *aims, *pis;
		struct rtable *t;
		char caption[300];

		if (gn->plan != plan || gn->parent >= 0 || (goal_id != 0 && gn->id != goal_id))
			continue;
		any = true;
		snprintf(caption, sizeof(caption), "%s %s", gn->ref, gn->title);
		rdoc_heading(*out, 2, caption);
		jg = pview_node_json(gn);
		aims = json_array();
		pis = json_array();
		t = rdoc_table(*out, NULL, WM_ARRAY_LEN(card_headers), card_headers);
		pview_numeric(t);
		card_node_pis(&v, g, t, pis, counts, shown);
		for (size_t a = g + 1; a < v.plans.nnodes; a++) {
			const struct pd_node *an = &v.plans.nodes[a];
			json_t *ja;

			if (an->parent != (int)g || !pview_measurable(an))
				continue;
			ja = pview_node_json(an);
			json_object_set_new(ja, "pis", json_array());
			rtable_cellf(t, "%s", an->ref);
			rtable_cell(t, an->title);
			if (!has_pis(&v, a)) {
				for (size_t c = 2; c + 1 < WM_ARRAY_LEN(card_headers); c++)
					rtable_cell(t, "");
				rtable_tag(t, "no indicator", "grey");
				rtable_end_row(t);
			} else {
				for (size_t c = 2; c < WM_ARRAY_LEN(card_headers); c++)
					rtable_cell(t, "");
				rtable_end_row(t);
				card_node_pis(&v, a, t, json_object_get(ja, "pis"), counts, shown);
			}
			json_array_append_new(aims, ja);
		}
		counts_para(*out, counts);
		for (size_t k = 0; k < json_array_size(pis); k++) {
			size_t i;

			if (perfdata_pi(ctx, &v.pd, json_string_value(json_object_get(json_array_get(pis,
			    k), "pi")), &i, err) == 0)
				card_basket(&v, i, json_array_get(pis, k), *out);
		}
		json_object_set_new(jg, "pis", pis);
		json_object_set_new(jg, "aims", aims);
		counts_json(jg, counts);
		json_array_append_new(goals, jg);
	}
	if (!any)
		rdoc_para(*out, "The plan has no goals or priorities%s.", goal_id ? " by that name" : "");
	{
		/* what the owners say about the indicators on the card, in its order */
		size_t *pis = wm_calloc(v.pd.npis + 1, sizeof(*pis)), n = 0;

		for (size_t g = 0; g < json_array_size(goals); g++)
			collect_pis(&v, json_array_get(goals, g), pis, &n);
		pview_commentary_section(&v, pis, n, *out);
		free(pis);
	}
	pview_rules_para(&v, shown, *out);
	json_object_set_new(data, "goals", goals);
	rdoc_set_data(*out, data);
out:
	free(shown);
	pview_close(&v);
	return rc;
}

/* ---- the exception report ----------------------------------------------- */

static const char *const exc_headers[] = { "Indicator", "Title", "Period", "Value", "Target",
	"Status", "Why", "Off by", "On last year", "Red below" };

int
report_exceptions(struct wm_ctx *ctx, const struct exceptions_opts *o, struct rdoc **out,
    struct wm_err *err)
{
	int worse = o->deteriorating > 0 ? o->deteriorating : 3;
	struct exc_item *items = NULL;
	size_t nitems = 0, considered = 0;
	int by_reason[4] = { 0 };
	bool *shown;
	struct pview v;
	json_t *data, *list;
	struct rtable *t;
	char rule[96];
	int rc;

	*out = NULL;
	if ((rc = pview_open(ctx, &v, o->as_of, o->unit, o->committee, err)) != 0)
		return rc;
	items = wm_calloc(v.pd.npis + 1, sizeof(*items));
	shown = wm_calloc(v.pd.npis + 1, sizeof(*shown));
	for (size_t i = 0; i < v.pd.npis; i++) {
		const struct perf_eval *e;
		unsigned why;

		if (!pview_wanted(&v, i))
			continue;
		considered++;
		e = pview_eval(&v, i);
		if ((why = exc_reasons(e, worse)) == 0)
			continue;
		items[nitems++] = (struct exc_item){ i, v.unit, why, *e };
		shown[i] = true;
		for (int b = 0; b < 4; b++)
			by_reason[b] += (why >> b) & 1;
	}
	wm_sort(items, nitems, sizeof(*items), exc_cmp);
	*out = rdoc_new("Exception report");
	pview_meta(&v, *out);
	snprintf(rule, sizeof(rule), "worse than the period before, %d or more periods running",
	    worse);
	rdoc_meta(*out, "Getting worse", rule);
	data = pview_json(&v);
	json_object_set_new(data, "deteriorating", json_integer(worse));
	json_object_set_new(data, "considered", json_integer((json_int_t)considered));
	rdoc_para(*out, "%zu of %zu indicators need attention: %d red, %d getting worse, %d with "
	    "figures missing, %d estimated. Everything else is on track or has no target to judge.",
	    nitems, considered, by_reason[0], by_reason[1], by_reason[2], by_reason[3]);
	t = NULL;
	if (nitems > 0) {
		t = rdoc_table(*out, NULL, WM_ARRAY_LEN(exc_headers), exc_headers);
		pview_numeric(t);
		rtable_numeric(t, 7);
	}
	list = json_array();
	for (size_t k = 0; k < nitems; k++) {
		const struct pd_pi *pi = &v.pd.pis[items[k].pi];
		char why[128], below[400], text[200];
		json_t *j = pview_pi_json(&v, items[k].pi), *reasons = json_array();
		static const char *const names[] = { "red", "worsening", "missing", "estimated" };

		exc_describe(items[k].reasons, items[k].eval.worsening, why, sizeof(why));
		pview_red_below(&v, items[k].pi, below, sizeof(below), j);
		rtable_link(t, pi->code, pview_pi_href(&v, pi));
		rtable_cell(t, pi->title);
		pview_cells(&v, items[k].pi, t);
		if (items[k].reasons & EXC_MISSING) {
			struct buf cov = BUF_INIT;

			/* what is missing, beside the figure it leaves incomplete */
			pview_coverage_text(&v, items[k].pi, &cov);
			rtable_cellf(t, "%s (%s)", why, buf_str(&cov));
			buf_release(&cov);
		} else {
			rtable_cell(t, why);
		}
		pview_off_text(pi, &items[k].eval, text, sizeof(text));
		rtable_cell(t, text);
		pview_last_year_text(&v, items[k].pi, text, sizeof(text));
		rtable_cell(t, text);
		rtable_cell(t, below);
		rtable_end_row(t);
		for (int b = 0; b < 4; b++)
			if (items[k].reasons & (1u << b))
				json_array_append_new(reasons, json_string(names[b]));
		json_object_set_new(j, "reasons", reasons);
		json_object_set_new(j, "worsening", json_integer(items[k].eval.worsening));
		json_array_append_new(list, j);
	}
	if (nitems == 0)
		rdoc_para(*out, "Nothing is red, getting worse, missing or estimated.");
	{
		/* updates and figures that did not come in are exceptions in their own right */
		struct complete_counts c;
		json_t *cj = NULL;

		if ((rc = complete_section(ctx, v.committee, period_first_day(&v.run.as_of),
		    period_last_day(&v.run.as_of), o->stale_days > 0 ? o->stale_days : 90, 2, *out,
		    &c, &cj, err)) != 0) {
			json_decref(data);
			json_decref(list);
			rdoc_free(*out);
			*out = NULL;
			goto out;
		}
		json_object_set_new(data, "completeness", cj);
		json_object_set_new(data, "missing_updates",
		    json_integer((json_int_t)(c.updates_due - c.updates_in)));
		json_object_set_new(data, "missing_figures",
		    json_integer((json_int_t)(c.figures_due - c.figures_in)));
	}
	{
		size_t *pis = wm_calloc(nitems + 1, sizeof(*pis));

		for (size_t k = 0; k < nitems; k++)
			pis[k] = items[k].pi;
		pview_commentary_section(&v, pis, nitems, *out);
		free(pis);
	}
	pview_rules_para(&v, shown, *out);
	json_object_set_new(data, "exceptions", list);
	rdoc_set_data(*out, data);
out:
	free(items);
	free(shown);
	pview_close(&v);
	return rc;
}
