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

size_t
cons_target_gaps(const struct perf_tree *t, const struct cons_target *targets, size_t n,
    const bool *is_sum, struct cons_sum_gap **out)
{
	struct cons_target *sorted = wm_calloc(n + 1, sizeof(*sorted));
	struct cons_sum_gap *gaps = NULL;
	size_t ngaps = 0, cap = 0, i = 0;

	memcpy(sorted, targets, n * sizeof(*sorted));
	wm_sort(sorted, n, sizeof(*sorted), target_cmp);
	/* one group per (pi, period) */
	while (i < n) {
		size_t j = i;
		double *value, *sum;
		int *have, *count;

		while (j < n && sorted[j].pi == sorted[i].pi && sorted[j].period == sorted[i].period)
			j++;
		if (!is_sum[sorted[i].pi]) {
			i = j;
			continue;
		}
		value = wm_calloc(t->n + 1, sizeof(double));
		sum = wm_calloc(t->n + 1, sizeof(double));
		have = wm_calloc(t->n + 1, sizeof(int));
		count = wm_calloc(t->n + 1, sizeof(int));
		for (size_t k = i; k < j; k++) {
			int u = sorted[k].unit;

			if (u < 0 || (size_t)u >= t->n)
				continue;
			value[u] = sorted[k].value;
			have[u] = 1;
		}
		/* each target counts toward the nearest unit above it that has one */
		for (size_t u = 0; u < t->n; u++) {
			int p = t->units[u].parent;

			if (!have[u])
				continue;
			while (p >= 0 && !have[p])
				p = t->units[p].parent;
			if (p >= 0) {
				sum[p] += value[u];
				count[p]++;
			}
		}
		for (size_t u = 0; u < t->n; u++) {
			if (!have[u] || count[u] == 0)
				continue;
			if (fabs(sum[u] - value[u]) <= 0.005 * fabs(value[u]) + 1e-9)
				continue;
			WM_GROW(gaps, ngaps + 1, cap);
			gaps[ngaps++] = (struct cons_sum_gap){ sorted[i].pi, (int)u, sorted[i].period,
				value[u], sum[u], count[u] };
		}
		free(value);
		free(sum);
		free(have);
		free(count);
		i = j;
	}
	free(sorted);
	*out = gaps;
	return ngaps;
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
