/*
 * consistency.c: the plan's consistency checks (see consistency.h).
 */
#include "base/wm.h"

#include <math.h>

#include "analysis/consistency.h"
#include "base/mem.h"

static int
target_cmp(const void *a, const void *b)
{
	const struct cons_target *x = a, *y = b;

	if (x->pi != y->pi)
		return x->pi < y->pi ? -1 : 1;
	if (x->period != y->period)
		return x->period - y->period;
	return x->unit - y->unit;
}

/* Is unit u a point: it reports the indicator and nothing below it does? */
static bool
is_point(const bool *reports, const int *below, size_t u)
{
	return reports[u] && below[u] == 0;
}

/* One (pi, period) group of targets, sorted[i..j). */
static void
check_group(const struct perf_tree *t, const struct cons_target *g, size_t ng,
    const struct cons_check *how, struct cons_result *out, size_t *capg, size_t *capm)
{
	size_t pi = g[0].pi, n = t->n;
	enum cons_rule rule = how->rule[pi];
	double tol = how->tolerance / 100;
	/* per unit: has a target, its value and counts; sums toward it; the nearest above with one */
	double *value = wm_calloc(5 * (n + 1), sizeof(double));
	double *num = value + n + 1, *den = num + n + 1, *sum = den + n + 1, *snum = sum + n + 1;
	double *sden = wm_calloc(n + 1, sizeof(double));
	int *have = wm_calloc(5 * (n + 1), sizeof(int));
	int *count = have + n + 1, *up = count + n + 1, *nocounts = up + n + 1, *below = nocounts + n + 1;
	const bool *reports = how->reports != NULL ? &how->reports[pi * n] : NULL;

	for (size_t k = 0; k < ng; k++) {
		int u = g[k].unit;

		if (u < 0 || (size_t)u >= n)
			continue;
		value[u] = g[k].value;
		num[u] = g[k].num;
		den[u] = g[k].den;
		have[u] = 1;
	}
	/* each target counts toward the nearest unit above it that has one */
	for (size_t u = 0; u < n; u++) {
		int p = t->units[u].parent;

		while (p >= 0 && !have[p])
			p = t->units[p].parent;
		up[u] = p;
		if (!have[u] || p < 0)
			continue;
		sum[p] += value[u];
		count[p]++;
		if (isnan(num[u]) || isnan(den[u])) {
			nocounts[p]++;
		} else {
			snum[p] += num[u];
			sden[p] += den[u];
		}
	}
	for (size_t u = 0; u < n && rule != CONS_NONE; u++) {
		double children;

		if (!have[u] || count[u] == 0)
			continue;
		if (rule == CONS_RATIO) {
			/* a ratio adds up only through its counts, where every target has them */
			if (nocounts[u] > 0 || isnan(num[u]) || isnan(den[u]) || sden[u] == 0) {
				out->unchecked++;
				continue;
			}
			children = snum[u] / sden[u] * how->scale[pi];
		} else {
			children = sum[u];
		}
		if (fabs(children - value[u]) <= tol * fabs(value[u]) + 1e-9)
			continue;
		WM_GROW(out->gaps, out->ngaps + 1, *capg);
		out->gaps[out->ngaps++] = (struct cons_sum_gap){ pi, (int)u, g[0].period, value[u],
			children, count[u], rule == CONS_RATIO };
	}
	/*
	 * Missing: a unit that reports the indicator, with nothing below it
	 * that does, counting toward a target made up of others' (count > 0),
	 * with no target of its own.
	 */
	if (reports != NULL) {
		for (size_t u = 0; u < n; u++)
			if (t->units[u].parent >= 0 && reports[u])
				below[t->units[u].parent]++;
		for (size_t u = 0; u < n; u++) {
			int p = up[u];

			if (have[u] || p < 0 || count[p] == 0 || !is_point(reports, below, u))
				continue;
			WM_GROW(out->missing, out->nmissing + 1, *capm);
			out->missing[out->nmissing++] = (struct cons_missing){ pi, (int)u, g[0].period,
				p };
		}
	}
	free(value);
	free(sden);
	free(have);
}

void
cons_check_targets(const struct perf_tree *t, const struct cons_target *targets, size_t n,
    const struct cons_check *how, size_t npis, struct cons_result *out)
{
	struct cons_target *sorted = wm_calloc(n + 1, sizeof(*sorted));
	size_t capg = 0, capm = 0, i = 0;

	memset(out, 0, sizeof(*out));
	memcpy(sorted, targets, n * sizeof(*sorted));
	wm_sort(sorted, n, sizeof(*sorted), target_cmp);
	while (i < n) {
		size_t j = i;

		while (j < n && sorted[j].pi == sorted[i].pi && sorted[j].period == sorted[i].period)
			j++;
		if (sorted[i].pi < npis)
			check_group(t, &sorted[i], j - i, how, out, &capg, &capm);
		i = j;
	}
	free(sorted);
}

void
cons_result_release(struct cons_result *r)
{
	free(r->gaps);
	free(r->missing);
	memset(r, 0, sizeof(*r));
}

size_t
cons_unlinked(size_t n, const size_t *linked, size_t nlinked, size_t **out)
{
	bool *seen = wm_calloc(n + 1, sizeof(bool));
	size_t *list = wm_calloc(n + 1, sizeof(size_t)), k = 0;

	for (size_t i = 0; i < nlinked; i++)
		if (linked[i] < n)
			seen[linked[i]] = true;
	for (size_t i = 0; i < n; i++)
		if (!seen[i])
			list[k++] = i;
	free(seen);
	*out = list;
	return k;
}
