/*
 * funding.c: the funding choice (see funding.h).
 *
 * Money is counted in whole pence (int64) so that "does it fit" is exact;
 * benefits are doubles. The must-fund items are taken first; the choice
 * among the rest ("free" items) is made within what they leave.
 */
#include "base/wm.h"

#include <math.h>

#include "analysis/funding.h"
#include "base/mem.h"

#define DEFAULT_CELLS ((size_t)1 << 26)
#define MAX_CAP ((int64_t)1 << 22)	/* budget units tabulated: 32 MB of doubles */
#define DEFAULT_NODES ((size_t)4000000)
#define EPS 1e-9

const char *
fund_method_name(enum fund_method m)
{
	switch (m) {
	case FUND_DP: return "exact 0/1 knapsack (dynamic programming)";
	case FUND_DP_ROUNDED: return "0/1 knapsack on rounded costs, with a bound";
	case FUND_SEARCH: return "exact branch and bound";
	case FUND_SEARCH_CUT: return "branch and bound cut short, with a bound";
	}
	return "";
}

static int64_t
pence(double pounds)
{
	return (int64_t)llround(pounds * 100);
}

static int64_t
gcd64(int64_t a, int64_t b)
{
	while (b != 0) {
		int64_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* One free item, as the solvers see it. */
struct cand {
	size_t item;
	int64_t cost;	/* pence */
	double benefit;
};

/* ---- dynamic programming ---------------------------------------------- */

/*
 * The 0/1 knapsack over weights w (in units) and capacity cap. With take,
 * the chosen items are marked. Returns the best value.
 */
static double
knapsack(const int64_t *w, const struct cand *c, size_t m, int64_t cap, bool *take)
{
	double *best = wm_calloc((size_t)cap + 1, sizeof(*best));
	size_t row = (size_t)cap + 1;
	unsigned char *keep = take ? wm_calloc((m * row + 7) / 8 + 1, 1) : NULL;
	double v;

	for (size_t i = 0; i < m; i++) {
		if (w[i] > cap)
			continue;
		for (int64_t x = cap; x >= w[i]; x--) {
			double cand = best[x - w[i]] + c[i].benefit;

			if (cand > best[x] + EPS) {
				best[x] = cand;
				if (keep != NULL) {
					size_t bit = i * row + (size_t)x;

					keep[bit / 8] |= (unsigned char)(1u << (bit % 8));
				}
			}
		}
	}
	v = best[cap];
	if (take != NULL) {
		int64_t x = cap;

		for (size_t i = m; i-- > 0;) {
			size_t bit = i * row + (size_t)x;

			if (keep[bit / 8] & (1u << (bit % 8))) {
				take[i] = true;
				x -= w[i];
			}
		}
	}
	free(keep);
	free(best);
	return v;
}

/* The fractional knapsack over candidates sorted by benefit per pound: a bound. */
static double
fractional(const struct cand *c, size_t from, size_t m, int64_t room)
{
	double v = 0;

	for (size_t i = from; i < m; i++) {
		if (c[i].cost <= room) {
			room -= c[i].cost;
			v += c[i].benefit;
		} else {
			v += c[i].benefit * (double)room / (double)c[i].cost;
			break;
		}
	}
	return v;
}

static int
density_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	/* compare benefit/cost without dividing: x.b * y.c vs y.b * x.c */
	double l = x->benefit * (double)y->cost, r = y->benefit * (double)x->cost;

	if (l != r)
		return l > r ? -1 : 1;
	return x->item < y->item ? -1 : x->item > y->item;
}

static void
solve_dp(const struct fund_input *in, const struct cand *c, size_t m, int64_t room, bool *take,
    struct fund_result *out)
{
	size_t cells = in->max_cells ? in->max_cells : DEFAULT_CELLS;
	int64_t g = 0, cap, limit;
	int64_t *w = wm_calloc(m + 1, sizeof(*w));
	double got, upper;

	for (size_t i = 0; i < m; i++)
		if (c[i].cost > 0)
			g = gcd64(g, c[i].cost);
	if (g == 0)
		g = 1;
	cap = room / g;
	limit = (int64_t)(cells / (m ? m : 1));
	if (limit > MAX_CAP)
		limit = MAX_CAP;
	if (limit < 2)
		limit = 2;
	if (cap < limit) {
		for (size_t i = 0; i < m; i++)
			w[i] = c[i].cost / g;
		got = knapsack(w, c, m, cap, take);
		out->method = FUND_DP;
		out->unit = (double)g / 100;
		upper = got;
	} else {
		/* a coarser unit u: costs rounded up fit for certain; rounded down bound the best */
		int64_t u = (room + limit - 2) / (limit - 1);
		struct cand *sorted = wm_calloc(m + 1, sizeof(*sorted));
		double frac;

		cap = room / u;
		for (size_t i = 0; i < m; i++)
			w[i] = (c[i].cost + u - 1) / u;
		got = knapsack(w, c, m, cap, take);
		for (size_t i = 0; i < m; i++)
			w[i] = c[i].cost / u;
		upper = knapsack(w, c, m, cap, NULL);
		/* the fractional knapsack is sometimes the tighter bound */
		memcpy(sorted, c, m * sizeof(*c));
		wm_sort(sorted, m, sizeof(*sorted), density_cmp);
		frac = fractional(sorted, 0, m, room);
		if (frac < upper)
			upper = frac;
		free(sorted);
		out->method = FUND_DP_ROUNDED;
		out->unit = (double)u / 100;
	}
	out->bound += upper;
	out->exact = got >= upper - EPS;
	free(w);
}

/* ---- branch and bound, for the cover rule ----------------------------- */

struct search {
	const struct fund_input *in;
	const struct cand *c;
	size_t m, naims;
	double thr;		/* the weight at which an aim counts as covered */
	size_t *off;		/* m + 1: candidate j's aims are pairs [off[j], off[j + 1]) */
	size_t *aim;		/* the pairs: aim and weight */
	double *wt;
	double *stack;		/* (m + 2) x naims: weight on each aim at each depth */
	bool *chosen, *best_set;
	size_t best_cov;
	double best_ben;
	size_t nodes, max_nodes;
	bool cut;
};

static size_t
covered_by(const double *acc, size_t naims, double thr)
{
	size_t c = 0;

	for (size_t a = 0; a < naims; a++)
		c += acc[a] > 0 && acc[a] >= thr - EPS;
	return c;
}

static void
dfs(struct search *s, size_t k, int64_t room, size_t cov, double ben)
{
	double *here = &s->stack[k * s->naims], *next = &s->stack[(k + 1) * s->naims];
	/* the last row of the stack is scratch for the bound */
	double *r = &s->stack[(s->m + 1) * s->naims];
	size_t cov_ub;
	double ben_ub;

	if (++s->nodes > s->max_nodes) {
		s->cut = true;
		return;
	}
	if (cov > s->best_cov || (cov == s->best_cov && ben > s->best_ben + EPS)) {
		s->best_cov = cov;
		s->best_ben = ben;
		memcpy(s->best_set, s->chosen, s->m * sizeof(*s->chosen));
	}
	if (k == s->m)
		return;
	/* bound: the aims everything still affordable could bring to the threshold */
	memcpy(r, here, s->naims * sizeof(*r));
	for (size_t j = k; j < s->m; j++)
		if (s->c[j].cost <= room)
			for (size_t p = s->off[j]; p < s->off[j + 1]; p++)
				r[s->aim[p]] += s->wt[p];
	cov_ub = covered_by(r, s->naims, s->thr);
	ben_ub = ben + fractional(s->c, k, s->m, room);
	if (cov_ub < s->best_cov || (cov_ub == s->best_cov && ben_ub <= s->best_ben + EPS))
		return;
	if (s->c[k].cost <= room) {
		memcpy(next, here, s->naims * sizeof(*next));
		for (size_t p = s->off[k]; p < s->off[k + 1]; p++)
			next[s->aim[p]] += s->wt[p];
		s->chosen[k] = true;
		dfs(s, k + 1, room - s->c[k].cost, covered_by(next, s->naims, s->thr),
		    ben + s->c[k].benefit);
		s->chosen[k] = false;
		if (s->cut)
			return;
	}
	memcpy(next, here, s->naims * sizeof(*next));
	dfs(s, k + 1, room, cov, ben);
}

/* An item's weight on its a-th aim: 1 when it gives none. */
static double
weight_of(const struct fund_item *it, size_t a)
{
	return it->weights != NULL ? it->weights[a] : 1;
}

static double
threshold_of(const struct fund_input *in)
{
	return in->threshold > 0 ? in->threshold : EPS;
}

static void
solve_search(const struct fund_input *in, const struct cand *c, size_t m, int64_t room,
    const double *must_acc, struct fund_result *out, bool *take)
{
	struct search s = { 0 };
	size_t pairs = 0;

	s.in = in;
	s.c = c;
	s.m = m;
	s.naims = in->naims;
	s.thr = threshold_of(in);
	s.off = wm_calloc(m + 2, sizeof(*s.off));
	for (size_t i = 0; i < m; i++)
		pairs += in->items[c[i].item].naims;
	s.aim = wm_calloc(pairs + 1, sizeof(*s.aim));
	s.wt = wm_calloc(pairs + 1, sizeof(*s.wt));
	s.stack = wm_calloc((m + 2) * (s.naims + 1), sizeof(*s.stack));
	s.chosen = wm_calloc(m + 1, sizeof(*s.chosen));
	s.best_set = wm_calloc(m + 1, sizeof(*s.best_set));
	s.max_nodes = in->max_nodes ? in->max_nodes : DEFAULT_NODES;
	pairs = 0;
	for (size_t i = 0; i < m; i++) {
		const struct fund_item *it = &in->items[c[i].item];

		s.off[i] = pairs;
		for (size_t a = 0; a < it->naims; a++)
			if (it->aims[a] < in->naims && weight_of(it, a) > 0) {
				s.aim[pairs] = it->aims[a];
				s.wt[pairs++] = weight_of(it, a);
			}
	}
	s.off[m] = pairs;
	memcpy(s.stack, must_acc, s.naims * sizeof(*s.stack));
	s.best_cov = covered_by(must_acc, s.naims, s.thr);
	s.best_ben = 0;
	dfs(&s, 0, room, s.best_cov, 0);
	memcpy(take, s.best_set, m * sizeof(*take));
	out->method = s.cut ? FUND_SEARCH_CUT : FUND_SEARCH;
	out->exact = !s.cut;
	out->bound += s.cut ? fractional(c, 0, m, room) : s.best_ben;
	free(s.off);
	free(s.aim);
	free(s.wt);
	free(s.stack);
	free(s.chosen);
	free(s.best_set);
}

/* ---- the whole choice --------------------------------------------------- */

static bool
bad_number(double v)
{
	return !isfinite(v) || v < 0 || v > 1e15;
}

int
fund_solve(const struct fund_input *in, struct fund_result *out, struct wm_err *err)
{
	size_t m = 0;
	int64_t budget, must = 0, room;
	double *must_acc = NULL, *funded_acc = NULL, *fit_acc = NULL;
	struct cand *c = NULL;
	bool *take = NULL;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	out->funded = wm_calloc(in->n + 1, sizeof(*out->funded));
	out->aim_covered = wm_calloc(in->naims + 1, sizeof(*out->aim_covered));
	out->aim_coverable = wm_calloc(in->naims + 1, sizeof(*out->aim_coverable));
	out->aim_weight = wm_calloc(in->naims + 1, sizeof(*out->aim_weight));
	if (bad_number(in->budget))
		return wm_error(err, WM_EINVAL, "the budget must be a sum of money from 0 up");
	for (size_t i = 0; i < in->n; i++)
		if (bad_number(in->items[i].cost) || bad_number(in->items[i].benefit))
			return wm_error(err, WM_EINVAL, "item %zu: costs and benefits must be numbers "
			    "from 0 up", i + 1);
	budget = pence(in->budget);
	must_acc = wm_calloc(3 * (in->naims + 1), sizeof(*must_acc));
	funded_acc = must_acc + in->naims + 1;
	fit_acc = funded_acc + in->naims + 1;
	for (size_t i = 0; i < in->n; i++) {
		const struct fund_item *it = &in->items[i];

		if (!it->must)
			continue;
		must += pence(it->cost);
		out->funded[i] = true;
		out->bound += it->benefit;
		for (size_t a = 0; a < it->naims; a++)
			if (it->aims[a] < in->naims)
				must_acc[it->aims[a]] += weight_of(it, a);
	}
	if (must > budget) {
		rc = wm_error(err, WM_EINVAL, "the projects that must be funded cost %.2f, more than "
		    "the budget of %.2f", (double)must / 100, (double)budget / 100);
		goto out;
	}
	room = budget - must;
	/* the free candidates: those that fit, and that add benefit (or, covering, an aim) */
	c = wm_calloc(in->n + 1, sizeof(*c));
	for (size_t i = 0; i < in->n; i++) {
		const struct fund_item *it = &in->items[i];

		if (it->must || pence(it->cost) > room)
			continue;
		if (it->benefit <= 0 && !(in->cover && it->naims > 0))
			continue;
		c[m++] = (struct cand){ i, pence(it->cost), it->benefit };
	}
	take = wm_calloc(m + 1, sizeof(*take));
	if (in->cover) {
		wm_sort(c, m, sizeof(*c), density_cmp);
		solve_search(in, c, m, room, must_acc, out, take);
	} else if (m > 0) {
		solve_dp(in, c, m, room, take, out);
	} else {
		out->method = FUND_DP;
		out->unit = 0.01;
		out->exact = true;
	}
	for (size_t i = 0; i < m; i++)
		if (take[i])
			out->funded[c[i].item] = true;
	for (size_t i = 0; i < in->n; i++) {
		const struct fund_item *it = &in->items[i];
		bool fits = it->must || pence(it->cost) <= room;

		if (out->funded[i]) {
			out->cost += it->cost;
			out->benefit += it->benefit;
		}
		for (size_t a = 0; a < it->naims; a++) {
			if (it->aims[a] >= in->naims)
				continue;
			if (out->funded[i])
				funded_acc[it->aims[a]] += weight_of(it, a);
			if (fits)
				fit_acc[it->aims[a]] += weight_of(it, a);
		}
	}
	/* covered: the funded projects' weights on it reach the threshold, as the portfolio counts */
	for (size_t a = 0; a < in->naims; a++) {
		out->aim_covered[a] = funded_acc[a] > 0 && funded_acc[a] >= threshold_of(in) - EPS;
		out->aim_coverable[a] = fit_acc[a] > 0 && fit_acc[a] >= threshold_of(in) - EPS;
		out->aim_weight[a] = funded_acc[a];
		if (out->aim_covered[a])
			out->covered++;
	}
	if (out->exact && !in->cover)
		out->bound = out->benefit;
	else if (out->bound < out->benefit)
		out->bound = out->benefit;
	out->left = in->budget - out->cost;
out:
	free(must_acc);
	free(c);
	free(take);
	return rc;
}

void
fund_result_release(struct fund_result *r)
{
	free(r->funded);
	free(r->aim_covered);
	free(r->aim_coverable);
	free(r->aim_weight);
	memset(r, 0, sizeof(*r));
}
