/*
 * money.c: where the money goes (seed 000, R12-R13): budget lines by year,
 * unit and category, central or devolved to pathfinder boroughs; capital
 * bids and the goals they claim to serve; and the share of the money that
 * reaches each goal.
 *
 * Money reaches a goal through the projects that serve its aims (their
 * costs shared by contribution weight, analysis/money.h) and through the
 * approved capital bids that claim it. Proposed and decommissioned
 * projects and bids not approved are not counted, but the paper says how
 * much they come to, so nothing disappears from the sums.
 */
#include "base/wm.h"

#include "analysis/money.h"
#include "base/buf.h"
#include "base/map.h"
#include "base/mem.h"
#include "base/period.h"
#include "model/ent.h"
#include "report/money.h"
#include "report/pfdata.h"
#include "report/pounds.h"

/* Sums of central and devolved money by a key (a year, a unit, a category). */
struct tally {
	struct strmap index;
	const char **keys;	/* point into the listed rows */
	double (*sum)[2];	/* [0] central, [1] devolved */
	size_t n, cap;
};

static void
tally_add(struct tally *t, const char *key, bool devolved, double amount)
{
	int64_t i;

	if (key == NULL)
		return;
	if (!strmap_get(&t->index, key, &i)) {
		size_t old = t->cap;

		WM_GROW(t->keys, t->n + 1, t->cap);
		if (t->cap != old)
			t->sum = wm_reallocarray(t->sum, t->cap, sizeof(*t->sum));
		t->keys[t->n] = key;
		t->sum[t->n][0] = t->sum[t->n][1] = 0;
		strmap_put(&t->index, key, (int64_t)t->n);
		i = (int64_t)t->n++;
	}
	t->sum[i][devolved ? 1 : 0] += amount;
}

static void
tally_release(struct tally *t)
{
	strmap_release(&t->index);
	free(t->keys);
	free(t->sum);
}

struct keyed {
	const char *key;
	size_t i;
};

static int
by_key(const void *a, const void *b)
{
	return strcmp(((const struct keyed *)a)->key, ((const struct keyed *)b)->key);
}

static const char *
str(const json_t *row, const char *field)
{
	return json_string_value(json_object_get(row, field));
}

/* Money: the number, in pounds and pence as the paper writes it. */
static void
money_cell(struct rtable *t, double v)
{
	char m[POUNDS_LEN];

	pounds_format(v, m, sizeof(m));
	rtable_pounds(t, v);
	rtable_show(t, m);
}

/*
 * One table of a tally, sorted by key, the JSON array table_key of rows
 * {json_key, "central", "devolved", "total"}; note() may add a remark for
 * a key.
 */
static void
tally_table(struct rdoc *doc, const struct tally *t, const char *what, const char *table_key,
    const char *json_key, const char *(*note)(const char *key, const double *sum,
    const void *arg), const void *arg)
{
	const struct rcol cols[] = { { json_key, what, 0 }, { "central", "Central", RC_NUM },
		{ "devolved", "Devolved", RC_NUM }, { "total", "Total", RC_NUM },
		{ NULL, "Devolved share", RC_NUM }, { NULL, "Note", 0 } };
	struct keyed *order = wm_calloc(t->n + 1, sizeof(*order));
	struct rtable *tab = rdoc_table_cols(doc, table_key, NULL, note ? 6 : 5, cols);

	for (size_t i = 0; i < t->n; i++)
		order[i] = (struct keyed){ t->keys[i], i };
	wm_sort(order, t->n, sizeof(*order), by_key);
	for (size_t k = 0; k < t->n; k++) {
		const double *s = t->sum[order[k].i];
		double total = s[0] + s[1];
		const char *remark = note ? note(order[k].key, s, arg) : NULL;

		rtable_cell(tab, order[k].key);
		money_cell(tab, s[0]);
		money_cell(tab, s[1]);
		money_cell(tab, total);
		rtable_num(tab, total > 0 ? s[1] / total * 100 : 0, 0, "%");
		if (note)
			rtable_cell(tab, remark ? remark : "");
		rtable_end_row(tab);
	}
	free(order);
}

/* Devolved money belongs to pathfinder boroughs (seed 000, R12). */
static const char *
unit_note(const char *unit, const double *sum, const void *arg)
{
	const json_t *pathfinders = arg;
	bool pathfinder = json_is_true(json_object_get(pathfinders, unit));

	if (pathfinder && sum[1] <= 0)
		return "pathfinder with nothing devolved";
	if (!pathfinder && sum[1] > 0)
		return "devolved, but not a pathfinder";
	return pathfinder ? "pathfinder" : NULL;
}

static int
budgets_section(struct wm_ctx *ctx, struct rdoc *doc, const char *year, struct wm_err *err)
{
	struct ent_query q = { .raw = true };
	struct tally years = { STRMAP_INIT, NULL, NULL, 0, 0 }, units = years, cats = years;
	json_t *lines = NULL, *unit_rows = NULL, *row, *pathfinders = json_object();
	size_t i, n = 0;
	int rc;

	if ((rc = ent_list(ctx, kind_find("budgets"), &q, &lines, err)) != 0 ||
	    (rc = ent_list(ctx, kind_find("units"), &q, &unit_rows, err)) != 0)
		goto out;
	json_array_foreach(unit_rows, i, row)
		json_object_set_new(pathfinders, str(row, "ref"),
		    json_boolean(json_is_true(json_object_get(row, "pathfinder"))));
	json_array_foreach(lines, i, row) {
		bool dev = json_is_true(json_object_get(row, "devolved"));
		double amount = json_number_value(json_object_get(row, "amount"));

		tally_add(&years, str(row, "year"), dev, amount);
		if (year != NULL && strcmp(str(row, "year"), year) != 0)
			continue;
		tally_add(&units, str(row, "unit"), dev, amount);
		tally_add(&cats, str(row, "category"), dev, amount);
		n++;
	}
	rdoc_heading(doc, 2, "Budgets");
	if (json_array_size(lines) == 0) {
		rdoc_para(doc, "No budget lines are recorded.");
		rdoc_fact_list(doc, "budgets.by_year", NULL, NULL, 0);
		rdoc_fact_list(doc, "budgets.by_unit", NULL, NULL, 0);
		rdoc_fact_list(doc, "budgets.by_category", NULL, NULL, 0);
		goto out;
	}
	rdoc_para(doc, "Money held centrally and devolved to units, by financial year. Devolved "
	    "budgets go to the pathfinder boroughs.");
	tally_table(doc, &years, "Year", "budgets.by_year", "year", NULL, NULL);
	rdoc_heading(doc, 3, year ? "By unit" : "By unit, every year");
	tally_table(doc, &units, "Unit", "budgets.by_unit", "unit", unit_note, pathfinders);
	rdoc_heading(doc, 3, year ? "By category" : "By category, every year");
	tally_table(doc, &cats, "Category", "budgets.by_category", "category", NULL, NULL);
	if (year != NULL && n == 0)
		rdoc_para(doc, "No budget lines are recorded for %s.", year);
out:
	tally_release(&years);
	tally_release(&units);
	tally_release(&cats);
	json_decref(lines);
	json_decref(unit_rows);
	json_decref(pathfinders);
	return rc;
}

/* Goals as the money paper counts them: slots for the goal nodes money reaches. */
struct goals {
	long *node;		/* pfdata node of each slot */
	size_t n;
	long *slot_of;		/* per pfdata node: its slot, or -1 */
};

static long
goal_slot(struct goals *g, const struct pfdata *d, long node)
{
	long goal;

	if (node < 0 || (d->plan != NULL && strcmp(d->nodes[node].plan, d->plan) != 0))
		return -1;
	goal = pfdata_goal(d, node);
	if (g->slot_of[goal] < 0) {
		g->slot_of[goal] = (long)g->n;
		g->node[g->n++] = goal;
	}
	return g->slot_of[goal];
}

/* A share of all the money: a fraction in the JSON, "12.5%" on paper. */
static void
share_cell(struct rtable *t, double part, double all)
{
	char pct[32];

	snprintf(pct, sizeof(pct), "%.1f%%", all > 0 ? part / all * 100 : 0);
	rtable_num(t, all > 0 ? part / all : 0, NUM_SHORTEST, NULL);
	rtable_show(t, pct);
}

static int
goals_section(struct wm_ctx *ctx, struct rdoc *doc, const struct money_opts *o,
    struct wm_err *err)
{
	static const struct rcol cols[] = { { "goal", "Goal", 0 }, { "title", "Title", 0 },
		{ "projects", "Through projects", RC_NUM }, { "bids", "Through bids", RC_NUM },
		{ "total", "Total", RC_NUM }, { "share", "Share", RC_NUM } };
	static const struct rcol bid_cols[] = { { "ref", "Bid", 0 }, { "title", "Title", 0 },
		{ "unit", "Unit", 0 }, { "year", "Year", 0 }, { "amount", "Amount", RC_NUM },
		{ "score", "Score", RC_NUM }, { "status", "Status", 0 },
		{ "goals", "Goals claimed", RC_DATA }, { NULL, "Goals claimed", 0 } };
	struct ent_query q = { .raw = true };
	struct pfdata d;
	struct goals g = { NULL, 0, NULL };
	struct money_flow *flows = NULL;
	struct money_link *links = NULL;
	struct money_split split = { NULL, { 0 }, { 0 } };
	json_t *bids = NULL, *row;
	double proposed = 0, ended = 0, not_approved = 0, all = 0;
	struct rtable *t;
	size_t nflows = 0, nlinks = 0, i, capl = 0;
	int rc;

	if ((rc = pfdata_load(ctx, o->plan, o->year, &d, err)) != 0 ||
	    (rc = ent_list(ctx, kind_find("bids"), &q, &bids, err)) != 0)
		goto out;
	g.node = wm_calloc(d.nnodes + 1, sizeof(*g.node));
	g.slot_of = wm_calloc(d.nnodes + 1, sizeof(*g.slot_of));
	for (i = 0; i < d.nnodes; i++) {
		g.slot_of[i] = -1;
		if (strcmp(d.nodes[i].kind, "goal") == 0)
			goal_slot(&g, &d, (long)i);
	}
	flows = wm_calloc(d.nprojects + json_array_size(bids) + 1, sizeof(*flows));
	/* links are filled first and pointed at afterwards, as the array may move */
	for (size_t p = 0; p < d.nprojects; p++) {
		enum pf_status st = d.projects[p].status;

		if (!d.has_cost[p])
			continue;
		if (st == PF_PROPOSED) {
			proposed += d.cost[p];
			continue;
		}
		if (st == PF_DECOMMISSIONED) {
			ended += d.cost[p];
			continue;
		}
		flows[nflows] = (struct money_flow){ d.cost[p], 0, NULL, nlinks };
		for (size_t k = 0; k < d.ncontribs; k++) {
			long slot;

			if (d.contribs[k].project != p)
				continue;
			slot = goal_slot(&g, &d, d.aim_node[d.contribs[k].aim]);
			if (slot < 0)
				continue;
			WM_GROW(links, nlinks + 1, capl);
			links[nlinks++] = (struct money_link){ (size_t)slot, d.contribs[k].weight };
		}
		flows[nflows].nlinks = nlinks - flows[nflows].nlinks;
		nflows++;
	}
	rdoc_heading(doc, 2, "Capital bids");
	t = rdoc_table_cols(doc, "bids", NULL, WM_ARRAY_LEN(bid_cols), bid_cols);
	json_array_foreach(bids, i, row) {
		json_t *claimed = json_object_get(row, "goals"), *gk;
		struct buf names = BUF_INIT;
		bool approved = strcmp(str(row, "status"), "approved") == 0;
		double amount = json_number_value(json_object_get(row, "amount"));
		size_t k, first = nlinks;

		if (o->year != NULL && strcmp(str(row, "year"), o->year) != 0)
			continue;
		json_array_foreach(claimed, k, gk) {
			long slot = goal_slot(&g, &d, pfdata_node(&d, json_string_value(gk)));

			buf_addf(&names, "%s%s", k ? ", " : "", json_string_value(gk));
			if (!approved || slot < 0)
				continue;
			WM_GROW(links, nlinks + 1, capl);
			links[nlinks++] = (struct money_link){ (size_t)slot, 1 };
		}
		rtable_cell(t, str(row, "ref"));
		rtable_cell(t, str(row, "title"));
		rtable_cell(t, str(row, "unit"));
		rtable_cell(t, str(row, "year"));
		money_cell(t, amount);
		rtable_json(t, json_object_get(row, "score"));
		rtable_cell(t, str(row, "status"));
		rtable_json(t, claimed != NULL ? claimed : json_array());
		if (json_array_size(claimed) == 0)
			rtable_tag(t, "claims no goal", "red");
		else
			rtable_cell(t, buf_str(&names));
		rtable_end_row(t);
		buf_release(&names);
		if (!approved) {
			not_approved += amount;
			continue;
		}
		flows[nflows++] = (struct money_flow){ amount, 1, NULL, nlinks - first };
	}
	/* now that links will not move, point each flow at its own */
	{
		size_t at = 0;

		for (size_t f = 0; f < nflows; f++) {
			flows[f].links = links != NULL ? links + at : NULL;
			at += flows[f].nlinks;
		}
	}
	money_by_goal(flows, nflows, g.n, &split);
	all = split.total[0] + split.total[1];

	rdoc_heading(doc, 2, "Money reaching each goal");
	rdoc_para(doc, "Commissioned, running and closed projects' costs%s%s, shared among the "
	    "goals of the aims they serve by their weights, and approved capital bids%s%s, shared "
	    "equally among the goals they claim.", o->year ? " in " : "", o->year ? o->year : "",
	    o->year ? " for " : "", o->year ? o->year : "");
	t = rdoc_table_cols(doc, "goals", NULL, WM_ARRAY_LEN(cols), cols);
	for (size_t s = 0; s < g.n; s++) {
		double pj = split.goal[s * MONEY_CHANNELS], bd = split.goal[s * MONEY_CHANNELS + 1];

		rtable_cell(t, d.nodes[g.node[s]].key);
		rtable_cell(t, d.nodes[g.node[s]].title);
		money_cell(t, pj);
		money_cell(t, bd);
		money_cell(t, pj + bd);
		share_cell(t, pj + bd, all);
		rtable_end_row(t);
	}
	if (split.unlinked[0] + split.unlinked[1] > 0) {
		double u = split.unlinked[0] + split.unlinked[1];

		rtable_cell(t, "");
		rtable_tag(t, o->plan ? "no goal of this plan" : "no goal", "red");
		money_cell(t, split.unlinked[0]);
		money_cell(t, split.unlinked[1]);
		money_cell(t, u);
		share_cell(t, u, all);
		rtable_paper_row(t);
		rtable_end_row(t);
	}
	{
		char a[POUNDS_LEN], b[POUNDS_LEN], c[POUNDS_LEN];

		pounds_format(proposed, a, sizeof(a));
		pounds_format(ended, b, sizeof(b));
		pounds_format(not_approved, c, sizeof(c));
		rdoc_para(doc, "Not counted: proposed projects %s, decommissioned projects %s, capital "
		    "bids not approved %s.", a, b, c);
	}
	rdoc_fact_pounds(doc, "unlinked.projects", NULL, split.unlinked[0]);
	rdoc_fact_pounds(doc, "unlinked.bids", NULL, split.unlinked[1]);
	rdoc_fact_pounds(doc, "not_counted.proposed_projects", NULL, proposed);
	rdoc_fact_pounds(doc, "not_counted.decommissioned_projects", NULL, ended);
	rdoc_fact_pounds(doc, "not_counted.bids_not_approved", NULL, not_approved);
out:
	money_split_release(&split);
	free(flows);
	free(links);
	free(g.node);
	free(g.slot_of);
	json_decref(bids);
	pfdata_release(&d);
	return rc;
}

int
report_money(struct wm_ctx *ctx, const struct money_opts *o, struct rdoc **out,
    struct wm_err *err)
{
	struct money_opts norm = *o;
	struct rdoc *doc;
	char year[12];
	int y, rc;

	*out = NULL;
	if (o->year != NULL) {
		if (fyear_parse(o->year, &y) != 0) {
			return wm_error(err, WM_EUSAGE, "financial year: \"%s\" is not one (2004/05)",
			    o->year);
		}
		snprintf(year, sizeof(year), "%d/%02d", y, (y + 1) % 100);
		norm.year = year;
	}
	doc = rdoc_new(norm.year ? "Money" : "Money, every year");
	rdoc_meta(doc, "Year", norm.year ? norm.year : "every year");
	rdoc_meta(doc, "Goals", norm.plan ? norm.plan : "every plan");
	rdoc_fact(doc, "year", NULL, norm.year);
	rdoc_fact(doc, "plan", NULL, norm.plan);
	if ((rc = budgets_section(ctx, doc, norm.year, err)) != 0 ||
	    (rc = goals_section(ctx, doc, &norm, err)) != 0) {
		rdoc_free(doc);
		return rc;
	}
	*out = doc;
	return 0;
}
