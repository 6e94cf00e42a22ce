/*
 * funding.c: the strategic committee's funding paper: which projects a
 * budget funds for the most benefit, which it drops and why, and how
 * sure the choice is (analysis/funding.h says how it is made).
 *
 * Candidates are the live projects (proposed, commissioned, running) with
 * a cost in scope; each serves the aims it contributes to. Projects that
 * must be funded are named by the caller and checked to be candidates.
 */
#include "base/wm.h"

#include <math.h>

#include "analysis/funding.h"
#include "base/buf.h"
#include "base/mem.h"
#include "model/ent.h"
#include "model/setting.h"
#include "report/funding.h"
#include "report/pfdata.h"
#include "report/pounds.h"

struct cand {
	size_t project;		/* index in pfdata */
	size_t *aims;		/* aims it serves */
	double *weights;	/* how much it serves each */
	size_t naims;
};

/* Benefit per million pounds, as text: "263.2", or "free" for no cost. */
static void
per_million(double benefit, double cost, char *out, size_t size)
{
	if (cost <= 0)
		snprintf(out, size, "free");
	else
		snprintf(out, size, "%.1f", benefit / cost * 1e6);
}

/* Decimals that show v to three significant figures without an exponent. */
static int
significant(double v)
{
	int d = v > 0 ? 2 - (int)floor(log10(v)) : 0;

	return d < 0 ? 0 : d > 12 ? 12 : d;
}

/* Find the --must projects among the candidates, or say why one is not there. */
static int
mark_musts(struct wm_ctx *ctx, const struct funding_opts *o, const struct pfdata *d,
    const struct cand *c, size_t nc, bool *must, struct wm_err *err)
{
	for (size_t i = 0; i < o->nmust; i++) {
		json_t *row = NULL;
		int64_t id, p;
		size_t k;
		int rc;

		if ((rc = ent_resolve(ctx, kind_find("projects"), o->must[i], &id, err)) != 0 ||
		    (rc = ent_get_by_id(ctx, kind_find("projects"), id, true, &row, err)) != 0) {
			wm_error_prefix(err, "--must: ");
			return rc;
		}
		strmap_get(&d->project_index, json_string_value(json_object_get(row, "ref")), &p);
		json_decref(row);
		for (k = 0; k < nc && c[k].project != (size_t)p; k++)
			;
		if (k < nc) {
			must[k] = true;
			continue;
		}
		if (!pf_status_live(d->projects[p].status))
			return wm_error(err, WM_EINVAL, "--must %s: the project is %s; only proposed, "
			    "commissioned and running projects are funded", d->projects[p].key,
			    json_string_value(json_object_get(d->project_rows[p], "status")));
		return wm_error(err, WM_EINVAL, "--must %s: the project has no cost%s%s to fund "
		    "(add one: waymark add cost --project %s --year ... --one-off ...)",
		    d->projects[p].key, d->year[0] ? " in " : "", d->year, d->projects[p].key);
	}
	return 0;
}

static void
method_para(struct rdoc *doc, const struct fund_result *r, const struct funding_opts *o,
    size_t naims)
{
	char unit[POUNDS_LEN], bound[NUM_LEN];

	pounds_format(r->unit, unit, sizeof(unit));
	num_format(r->bound, NUM_SHORTEST, true, bound, sizeof(bound));
	switch (r->method) {
	case FUND_DP:
		rdoc_para(doc, "Chosen exactly, as a 0/1 knapsack solved by dynamic programming over "
		    "costs counted in units of %s: no other choice within the budget gives more "
		    "benefit.", unit);
		break;
	case FUND_DP_ROUNDED:
		rdoc_para(doc, "Too many projects and too fine a budget to tabulate exactly, so costs "
		    "were counted in units of %s: rounded up, which gives this choice (it certainly "
		    "fits), and rounded down, which shows no choice gives more than %s benefit.%s",
		    unit, bound, r->exact ? " This choice reaches that bound: it is the best." : "");
		break;
	case FUND_SEARCH:
		rdoc_para(doc, "Chosen exactly by branch and bound: no choice within the budget "
		    "serves more of the %zu aims, and none serving as many gives more benefit.", naims);
		break;
	case FUND_SEARCH_CUT:
		rdoc_para(doc, "The search for the best choice serving every aim was cut short; this "
		    "is the best it found. No choice within the budget gives more than %s benefit.",
		    bound);
		break;
	}
	(void)o;
}

static void
project_row(struct rtable *t, const struct pfdata *d, size_t p, const char *why)
{
	char per[32];

	per_million(d->benefit[p], d->cost[p], per, sizeof(per));
	rtable_cell(t, d->projects[p].key);
	rtable_cell(t, d->projects[p].title);
	rtable_cell(t, json_string_value(json_object_get(d->project_rows[p], "status")));
	rtable_pounds(t, d->cost[p]);
	if (d->has_benefit[p])
		rtable_num(t, d->benefit[p], NUM_SHORTEST, NULL);
	else
		rtable_cell(t, "not estimated");
	rtable_cell(t, d->has_benefit[p] ? per : "");
	rtable_cell(t, why);
	rtable_end_row(t);
}

/* Why a candidate was not funded; room is what the budget has beyond the must-fund projects. */
static void
dropped_why(const struct pfdata *d, const struct fund_item *it, size_t p, double room,
    bool musts, const struct fund_result *r, struct buf *why)
{
	char cost[POUNDS_LEN], left[POUNDS_LEN], free_room[POUNDS_LEN];

	pounds_format(it->cost, cost, sizeof(cost));
	pounds_format(r->left, left, sizeof(left));
	pounds_format(room, free_room, sizeof(free_room));
	if (!d->has_benefit[p])
		buf_adds(why, "no benefit estimated");
	else if (it->cost > room + 0.005)
		buf_addf(why, "costs %s, more than the %s the budget has%s", cost, free_room,
		    musts ? " beside the projects funded first" : "");
	else if (it->benefit <= 0)
		buf_adds(why, "no benefit to add");
	else if (it->cost <= r->left + 0.005)
		buf_addf(why, "fits in the %s left but was not chosen: the choice is within the "
		    "stated bound, not exact", left);
	else
		buf_addf(why, "costs %s and only %s is left; making room for it would lose more "
		    "benefit than it adds", cost, left);
}

static void
aims_section(struct rdoc *doc, const struct pfdata *d, const struct fund_result *r,
    bool cover, double threshold, json_t *data)
{
	char weak[160], coverable[160];

	static const char *const cols[] = { "Aim", "Title", "Why" };
	json_t *list = json_array();
	struct rtable *t = NULL;

	for (size_t a = 0; a < d->naims; a++) {
		const char *why;

		if (r->aim_covered[a])
			continue;
		snprintf(weak, sizeof(weak), "funded projects serve it only %.3g, under the %.3g that "
		    "covers an aim", r->aim_weight[a], threshold);
		snprintf(coverable, sizeof(coverable), "no candidate within the budget serves it "
		    "enough (%.3g covers an aim)", threshold);
		why = r->aim_weight[a] > 0 && !cover ? weak :
		    !r->aim_coverable[a] ? coverable : 
		    cover ? "serving it too would not fit the budget" :
		    "no funded project serves it (--cover-every-aim would try)";
		if (t == NULL) {
			rdoc_heading(doc, 2, "Aims no funded project serves");
			t = rdoc_table(doc, NULL, 3, cols);
		}
		rtable_cell(t, d->aims[a].key);
		rtable_cell(t, d->aims[a].title);
		rtable_cell(t, why);
		rtable_end_row(t);
		json_array_append_new(list, json_pack("{s:s, s:s}", "aim", d->aims[a].key, "why", why));
	}
	json_object_set_new(data, "aims_unserved", list);
}

int
report_funding(struct wm_ctx *ctx, const struct funding_opts *o, struct rdoc **out,
    struct wm_err *err)
{
	static const char *const cols[] = { "Project", "Title", "Status", "Cost", "Benefit",
		"Per \u00a31m", "Why" };
	struct fund_input in = { 0 };
	struct fund_result r = { 0 };
	struct fund_item *items = NULL;
	struct cand *c = NULL;
	bool *must = NULL, *pre = NULL;
	double threshold = 0, pre_cost = 0;
	struct pfdata d;
	struct rdoc *doc = NULL;
	struct rtable *t;
	json_t *data = NULL, *cands, *funded, *dropped, *musts, *prefunded;
	struct buf pre_names = BUF_INIT;
	double must_cost = 0;
	char money[POUNDS_LEN], spent[POUNDS_LEN], title[128], benefit[NUM_LEN];
	size_t nc = 0, nfunded = 0;
	int rc;

	*out = NULL;
	if ((rc = pfdata_load(ctx, o->plan, o->year, &d, err)) != 0)
		goto out;
	c = wm_calloc(d.nprojects + 1, sizeof(*c));
	for (size_t p = 0; p < d.nprojects; p++)
		if (pf_status_live(d.projects[p].status) && d.has_cost[p])
			c[nc++].project = p;
	for (size_t i = 0; i < d.ncontribs; i++)
		for (size_t k = 0; k < nc; k++)
			if (c[k].project == d.contribs[i].project && d.contribs[i].weight > 0) {
				c[k].aims = wm_reallocarray(c[k].aims, c[k].naims + 1, sizeof(*c[k].aims));
				c[k].weights = wm_reallocarray(c[k].weights, c[k].naims + 1,
				    sizeof(*c[k].weights));
				c[k].weights[c[k].naims] = d.contribs[i].weight;
				c[k].aims[c[k].naims++] = d.contribs[i].aim;
			}
	must = wm_calloc(nc + 1, sizeof(*must));
	pre = wm_calloc(nc + 1, sizeof(*pre));
	if ((rc = mark_musts(ctx, o, &d, c, nc, must, err)) != 0 ||
	    (rc = setting_number(ctx, "portfolio.cover_threshold", &threshold, err)) != 0)
		goto out;
	/* work under way is funded first: dropping it is a decision of its own (--free-commissioned) */
	for (size_t k = 0; k < nc && !o->free_commissioned; k++)
		if (pf_status_commissioned(d.projects[c[k].project].status) && !must[k])
			must[k] = pre[k] = true;
	items = wm_calloc(nc + 1, sizeof(*items));
	for (size_t k = 0; k < nc; k++) {
		items[k] = (struct fund_item){ d.cost[c[k].project], d.benefit[c[k].project], must[k],
			c[k].aims, c[k].naims, c[k].weights };
		if (must[k])
			must_cost += items[k].cost;
		if (pre[k])
			pre_cost += items[k].cost;
	}
	if (must_cost > o->budget) {
		struct buf names = BUF_INIT;
		char mc[POUNDS_LEN], b[POUNDS_LEN];

		for (size_t k = 0; k < nc; k++)
			if (must[k])
				buf_addf(&names, "%s%s", names.len ? ", " : "", d.projects[c[k].project].key);
		pounds_format(must_cost, mc, sizeof(mc));
		pounds_format(o->budget, b, sizeof(b));
		rc = wm_error(err, WM_EINVAL, "the projects %s (%s) cost %s, more than the budget "
		    "of %s%s", pre_cost == 0 ? "that must be funded" : pre_cost == must_cost ?
		    "under way, which are funded first" : "that must be funded and those under way",
		    buf_str(&names), mc, b, pre_cost > 0 ? ": give a larger budget, or "
		    "--free-commissioned to weigh the commissioned and running ones like the others" :
		    "");
		buf_release(&names);
		goto out;
	}
	in.items = items;
	in.n = nc;
	in.budget = o->budget;
	in.naims = d.naims;
	in.cover = o->cover;
	in.threshold = threshold;
	in.max_cells = o->max_cells;
	in.max_nodes = o->max_nodes;
	if ((rc = fund_solve(&in, &r, err)) != 0)
		goto out;

	pounds_format(o->budget, money, sizeof(money));
	snprintf(title, sizeof(title), "Funding within %s%s%s", money, d.year[0] ? " in " : "",
	    d.year);
	doc = rdoc_new(title);
	rdoc_meta(doc, "Budget", money);
	rdoc_meta(doc, "Costs", d.year[0] ? d.year : "whole life, every year");
	{
		char aims[200];

		snprintf(aims, sizeof(aims), "covered where possible: funded projects' weights on each "
		    "adding up to %.3g (the setting portfolio.cover_threshold)", threshold);
		rdoc_meta(doc, "Aims", o->cover ? aims : "not required");
	}
	data = json_pack("{s:f, s:s?, s:b, s:f, s:b}", "budget", o->budget, "year",
	    d.year[0] ? d.year : NULL, "cover_every_aim", o->cover, "cover_threshold", threshold,
	    "free_commissioned", o->free_commissioned);
	cands = json_array();
	funded = json_array();
	dropped = json_array();
	musts = json_array();
	prefunded = json_array();
	for (size_t k = 0; k < nc; k++) {
		json_array_append_new(cands, json_string(d.projects[c[k].project].key));
		if (must[k] && !pre[k])
			json_array_append_new(musts, json_string(d.projects[c[k].project].key));
		if (pre[k]) {
			json_array_append_new(prefunded, json_string(d.projects[c[k].project].key));
			buf_addf(&pre_names, "%s%s", pre_names.len ? ", " : "",
			    d.projects[c[k].project].key);
		}
		nfunded += r.funded[k];
	}
	pounds_format(r.cost, spent, sizeof(spent));
	num_format(r.benefit, NUM_SHORTEST, true, benefit, sizeof(benefit));
	if (r.cost > 0)
		rdoc_para(doc, "Funds %zu of %zu candidates for %s of %s, for a benefit of %s: "
		    "%.*f per pound (%.1f per \u00a31m).", nfunded, nc, spent, money, benefit,
		    significant(r.benefit / r.cost), r.benefit / r.cost, r.benefit / r.cost * 1e6);
	else
		rdoc_para(doc, "Funds %zu of %zu candidates, for a benefit of %s.", nfunded, nc,
		    benefit);
	if (pre_names.len > 0) {
		char pc[POUNDS_LEN];

		pounds_format(pre_cost, pc, sizeof(pc));
		rdoc_para(doc, "Pre-funded: %zu commissioned or running project%s (%s), %s, funded "
		    "first because the work is under way; the choice is made within what is left "
		    "(--free-commissioned lets it drop them).", json_array_size(prefunded),
		    json_array_size(prefunded) == 1 ? "" : "s", buf_str(&pre_names), pc);
	} else if (o->free_commissioned) {
		rdoc_para(doc, "Commissioned and running projects were weighed like the others "
		    "(--free-commissioned): the choice may drop work under way.");
	}
	if (o->cover)
		rdoc_para(doc, "The funded projects serve %zu of the %zu aims.", r.covered, d.naims);
	method_para(doc, &r, o, d.naims);

	rdoc_heading(doc, 2, "Funded");
	t = rdoc_table(doc, NULL, 7, cols);
	rtable_numeric(t, 3);
	rtable_numeric(t, 4);
	rtable_numeric(t, 5);
	for (size_t k = 0; k < nc; k++)
		if (r.funded[k]) {
			project_row(t, &d, c[k].project, pre[k] ? "under way: funded first" :
			    must[k] ? "must be funded" : "chosen");
			json_array_append_new(funded, json_string(d.projects[c[k].project].key));
		}
	rdoc_heading(doc, 2, "Dropped");
	t = rdoc_table(doc, NULL, 7, cols);
	rtable_numeric(t, 3);
	rtable_numeric(t, 4);
	rtable_numeric(t, 5);
	for (size_t k = 0; k < nc; k++) {
		struct buf why = BUF_INIT;

		if (r.funded[k])
			continue;
		dropped_why(&d, &items[k], c[k].project, o->budget - must_cost, must_cost > 0, &r,
		    &why);
		project_row(t, &d, c[k].project, buf_str(&why));
		json_array_append_new(dropped, json_pack("{s:s, s:s}", "ref",
		    d.projects[c[k].project].key, "why", buf_str(&why)));
		buf_release(&why);
	}
	if (d.naims > 0)
		aims_section(doc, &d, &r, o->cover, threshold, data);
	json_object_set_new(data, "candidates", cands);
	json_object_set_new(data, "must", musts);
	json_object_set_new(data, "prefunded", prefunded);
	json_object_set_new(data, "funded", funded);
	json_object_set_new(data, "dropped", dropped);
	json_object_set_new(data, "total_cost", json_real(r.cost));
	json_object_set_new(data, "total_benefit", json_real(r.benefit));
	json_object_set_new(data, "benefit_per_pound", r.cost > 0 ? json_real(r.benefit / r.cost) :
	    json_null());
	json_object_set_new(data, "method", json_string(fund_method_name(r.method)));
	json_object_set_new(data, "exact", json_boolean(r.exact));
	json_object_set_new(data, "bound", json_real(r.bound));
	rdoc_set_data(doc, data);
	*out = doc;
	doc = NULL;
out:
	rdoc_free(doc);
	for (size_t k = 0; c != NULL && k < nc; k++) {
		free(c[k].aims);
		free(c[k].weights);
	}
	free(pre);
	buf_release(&pre_names);
	free(c);
	free(items);
	free(must);
	fund_result_release(&r);
	pfdata_release(&d);
	return rc;
}
