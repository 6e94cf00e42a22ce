/*
 * perf.c: roll-up, RAG and direction of travel (see perf.h).
 */
#include "base/wm.h"

#include <math.h>

#include "analysis/perf.h"
#include "base/err.h"
#include "base/mem.h"

/* The flags of model/cube.h, restated: analysis depends on no model header. */
enum { FLAG_NONE = 0, FLAG_ACTUAL = 1, FLAG_ESTIMATE = 2, FLAG_PROVISIONAL = 3,
	FLAG_NOT_AVAILABLE = 4 };

int
perf_tree_init(struct perf_tree *t)
{
	int *depth = wm_calloc(t->n + 1, sizeof(*depth));
	bool *has_child = wm_calloc(t->n + 1, sizeof(*has_child));
	size_t i;
	int rc = 0;

	t->order = wm_calloc(t->n + 1, sizeof(*t->order));
	t->nleaves = wm_calloc(t->n + 1, sizeof(*t->nleaves));
	for (i = 0; i < t->n; i++) {
		int p = t->units[i].parent, d = 0;

		if (p >= (int)t->n || p < -1) {
			rc = WM_EINVAL;
			goto out;
		}
		if (p >= 0)
			has_child[p] = true;
		for (; p >= 0; p = t->units[p].parent)
			if (++d > (int)t->n) {
				rc = WM_EINVAL;	/* a cycle */
				goto out;
			}
		depth[i] = d;
		t->order[i] = (int)i;
	}
	/* deepest first: a stable insertion sort keeps it simple for a few hundred units */
	for (i = 1; i < t->n; i++) {
		int v = t->order[i];
		size_t j = i;

		while (j > 0 && depth[t->order[j - 1]] < depth[v]) {
			t->order[j] = t->order[j - 1];
			j--;
		}
		t->order[j] = v;
	}
	for (i = 0; i < t->n; i++)
		t->nleaves[i] = has_child[i] ? 0 : 1;
	for (i = 0; i < t->n; i++) {
		int u = t->order[i], p = t->units[u].parent;

		if (p >= 0)
			t->nleaves[p] += t->nleaves[u];
	}
out:
	free(depth);
	free(has_child);
	return rc;
}

void
perf_tree_release(struct perf_tree *t)
{
	free(t->order);
	free(t->nleaves);
	t->order = t->nleaves = NULL;
}

void
perf_rollup(const struct perf_tree *t, const struct perf_pi *pi, const struct perf_series *s,
    long row, struct perf_cell *out)
{
	/* one allocation for the scratch arrays: a report rolls up thousands of times */
	size_t m = t->n + 1;
	double *sum = wm_calloc(m, 3 * sizeof(double) + sizeof(int) + 2 * sizeof(bool));
	double *num = sum + m, *den = num + m;
	int *count = (int *)(den + m);
	bool *own = (bool *)(count + m), *reports = own + m;

	/*
	 * Expected: the units that report this indicator at all (have a
	 * column) and have none below them that do; a unit reporting for
	 * itself alone counts as one.
	 */
	for (size_t u = 0; u < t->n; u++)
		memset(&out[u], 0, sizeof(out[u]));
	for (size_t c = 0; c < s->nunits; c++)
		if (s->tree_index[c] >= 0)
			reports[s->tree_index[c]] = true;
	for (size_t i = 0; i < t->n; i++) {
		int u = t->order[i], p = t->units[u].parent;

		if (reports[u] && out[u].expected == 0)
			out[u].expected = 1;
		if (p >= 0)
			out[p].expected += out[u].expected;
	}
	/* each unit's own figures */
	for (size_t c = 0; row >= 0 && c < s->nunits; c++) {
		int u = s->tree_index[c];
		size_t cell = (size_t)(s->row0 + row) * s->stride + c;
		uint8_t f;

		if (u < 0)
			continue;
		f = s->flag[cell] & 0x7F;
		if (f == FLAG_NONE)
			continue;
		own[u] = true;
		if (f == FLAG_NOT_AVAILABLE) {
			out[u].not_available = true;
			continue;
		}
		out[u].has = true;
		out[u].value = s->value[cell];
		if (s->num != NULL) {
			out[u].num = s->num[cell];
			out[u].den = s->den[cell];
		}
		out[u].reported = out[u].expected;
		out[u].estimated = f == FLAG_ESTIMATE ? out[u].expected : 0;
		out[u].provisional = f == FLAG_PROVISIONAL ? out[u].expected : 0;
	}
	/* children before parents: finish each unit, then hand it up */
	for (size_t i = 0; i < t->n; i++) {
		int u = t->order[i], p = t->units[u].parent;

		if (!own[u] && pi->agg != AGG_NONE) {
			if (pi->agg == AGG_RATIO && den[u] != 0) {
				out[u].has = true;
				out[u].num = num[u];
				out[u].den = den[u];
				out[u].value = num[u] / den[u] * pi->scale;
			} else if (pi->agg != AGG_RATIO && count[u] > 0) {
				out[u].has = true;
				out[u].value = pi->agg == AGG_MEAN ? sum[u] / count[u] : sum[u];
			}
		}
		if (p < 0 || own[p])
			continue;
		out[p].reported += out[u].reported;
		out[p].estimated += out[u].estimated;
		out[p].provisional += out[u].provisional;
		if (!out[u].has)
			continue;
		sum[p] += out[u].value;
		count[p]++;
		num[p] += out[u].num;
		den[p] += out[u].den;
	}
	free(sum);
}

struct perf_cell
perf_combine(const struct perf_pi *pi, const struct perf_cell *cells, size_t n)
{
	struct perf_cell out = { 0 };
	double sum = 0, num = 0, den = 0;
	int count = 0;

	if (n == 0)
		return out;
	out = cells[n - 1];
	out.has = false;
	for (size_t i = 0; i < n; i++) {
		if (!cells[i].has)
			continue;
		sum += cells[i].value;
		num += cells[i].num;
		den += cells[i].den;
		count++;
		if (cells[i].estimated > out.estimated)
			out.estimated = cells[i].estimated;
	}
	if (count == 0)
		return out;
	out.has = true;
	switch (pi->agg) {
	case AGG_SUM:
		out.value = sum;
		break;
	case AGG_MEAN:
		out.value = sum / count;
		break;
	case AGG_RATIO:
		if (den != 0) {
			out.num = num;
			out.den = den;
			out.value = num / den * pi->scale;
		} else {
			out.value = sum / count;
		}
		break;
	case AGG_LATEST:
	case AGG_NONE:
		for (size_t i = n; i-- > 0;)
			if (cells[i].has) {
				out.value = cells[i].value;
				break;
			}
		break;
	}
	return out;
}

void
perf_convert(const struct perf_pi *pi, enum period_kind from, int first,
    const struct perf_cell *cells, size_t nrows, size_t nunits, enum period_kind to,
    int *out_first, size_t *nout, struct perf_cell **out)
{
	struct perf_cell *span;
	int last_index;

	*nout = 0;
	*out = NULL;
	*out_first = 0;
	if (nrows == 0)
		return;
	{
		struct period a = period_from_index(from, first);
		struct period b = period_from_index(from, first + (int)nrows - 1);
		struct period pa = period_of_day(to, period_first_day(&a));
		struct period pb = period_of_day(to, period_last_day(&b));

		*out_first = period_index(&pa);
		last_index = period_index(&pb);
	}
	*nout = (size_t)(last_index - *out_first + 1);
	*out = wm_calloc(*nout * nunits + 1, sizeof(**out));
	span = wm_calloc(nrows + 1, sizeof(*span));
	for (size_t r = 0; r < *nout; r++) {
		struct period p = period_from_index(to, *out_first + (int)r);
		struct period lo = period_of_day(from, period_first_day(&p));
		struct period hi = period_of_day(from, period_last_day(&p));
		long a = period_index(&lo) - first, b = period_index(&hi) - first;

		if (a < 0)
			a = 0;
		if (b >= (long)nrows)
			b = (long)nrows - 1;
		for (size_t u = 0; u < nunits; u++) {
			size_t n = 0;

			for (long k = a; k <= b; k++)
				span[n++] = cells[(size_t)k * nunits + u];
			(*out)[r * nunits + u] = perf_combine(pi, span, n);
		}
	}
	free(span);
}

struct perf_cell
perf_rolling(const struct perf_pi *pi, const struct perf_cell *cells, size_t nunits, size_t row,
    int u, size_t window)
{
	size_t start = row + 1 >= window ? row + 1 - window : 0, n = 0;
	struct perf_cell *span = wm_calloc(window + 1, sizeof(*span)), out;

	for (size_t r = start; r <= row; r++)
		span[n++] = cells[r * nunits + (size_t)u];
	out = perf_combine(pi, span, n);
	free(span);
	return out;
}

enum rag
perf_rag(const struct perf_pi *pi, const struct perf_cell *basis, double target, double tolerance,
    double *off)
{
	double tol, diff;

	*off = 0;
	if (pi->polarity == POL_NONE)
		return RAG_NOT_RATED;
	if (!basis->has)
		return RAG_NO_DATA;
	if (isnan(target))
		return RAG_NO_TARGET;
	tol = pi->tolerance_percent ? fabs(target) * tolerance / 100 : tolerance;
	diff = pi->polarity == POL_HIGHER ? target - basis->value : basis->value - target;
	*off = target != 0 ? diff / fabs(target) : diff;
	/* a hair's breadth, not a miss: figures are often rounded */
	if (diff <= 1e-9 * (fabs(target) + 1))
		return RAG_GREEN;
	if (diff <= tol + 1e-9 * (fabs(target) + 1))
		return RAG_AMBER;
	return RAG_RED;
}

enum trend
perf_trend(const struct perf_pi *pi, const struct perf_cell *now, const struct perf_cell *then)
{
	double d, band;

	if (!now->has || !then->has)
		return TREND_UNKNOWN;
	d = now->value - then->value;
	band = 0.005 * fabs(then->value);
	if (fabs(d) <= band || d == 0)
		return TREND_SAME;
	switch (pi->polarity) {
	case POL_HIGHER: return d > 0 ? TREND_BETTER : TREND_WORSE;
	case POL_LOWER: return d < 0 ? TREND_BETTER : TREND_WORSE;
	default: return d > 0 ? TREND_UP : TREND_DOWN;
	}
}

void
perf_evaluate(const struct perf_pi *pi, enum period_kind kind, int at,
    const struct perf_cell *history, size_t nhistory, size_t nunits, int u,
    const struct perf_target *target, const struct period *target_period,
    struct perf_eval *out)
{
	size_t last = nhistory - 1, per_year = (size_t)period_per_year(kind);
	struct period now_p = period_from_index(kind, at);
	double tgt = NAN, tol = pi->tolerance;

#define H(row) (&history[(row) * nunits + (size_t)u])
	memset(out, 0, sizeof(*out));
	out->target = NAN;
	if (nhistory == 0) {
		out->rag = perf_rag(pi, &out->now, NAN, tol, &out->off);
		return;
	}
	out->now = *H(last);
	out->basis = out->now;
	out->vs_previous = last >= 1 ? perf_trend(pi, H(last), H(last - 1)) : TREND_UNKNOWN;
	out->vs_last_year = last >= per_year ? perf_trend(pi, H(last), H(last - per_year)) :
	    TREND_UNKNOWN;
	for (size_t r = last; r >= 1 && perf_trend(pi, H(r), H(r - 1)) == TREND_WORSE; r--)
		out->worsening++;
	if (target != NULL && target_period != NULL) {
		tgt = target->value;
		if (!isnan(target->tolerance))
			tol = target->tolerance;
		if (target_period->kind != kind) {
			/* a longer target: the figures to date against it, pro rata for a sum */
			int elapsed = period_elapsed(&now_p, target_period);
			int total = period_count_in(kind, target_period);
			size_t n = (size_t)elapsed < nhistory ? (size_t)elapsed : nhistory;
			struct perf_cell *span = wm_calloc(n + 1, sizeof(*span));

			for (size_t i = 0; i < n; i++)
				span[i] = *H(last - n + 1 + i);
			out->basis = perf_combine(pi, span, n);
			free(span);
			if (pi->agg == AGG_SUM && total > 0)
				tgt = tgt * elapsed / total;
		}
	}
#undef H
	out->target = tgt;
	out->rag = perf_rag(pi, &out->basis, tgt, tol, &out->off);
}

const char *
rag_name(enum rag r)
{
	static const char *const names[] = { "green", "amber", "red", "no data", "no target",
		"not rated" };

	return (size_t)r < WM_ARRAY_LEN(names) ? names[r] : "?";
}

const char *
trend_name(enum trend t)
{
	static const char *const names[] = { "unknown", "better", "same", "worse", "up", "down" };

	return (size_t)t < WM_ARRAY_LEN(names) ? names[t] : "?";
}

static const char *const agg_names[] = { "sum", "mean", "ratio", "latest", "none" };

const char *
agg_name(enum agg a)
{
	return (size_t)a < WM_ARRAY_LEN(agg_names) ? agg_names[a] : "?";
}

int
agg_parse(const char *s, enum agg *a)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(agg_names); i++)
		if (strcmp(s, agg_names[i]) == 0) {
			*a = (enum agg)i;
			return 0;
		}
	return WM_EINVAL;
}

int
polarity_parse(const char *s, enum polarity *p)
{
	if (strcmp(s, "higher") == 0)
		*p = POL_HIGHER;
	else if (strcmp(s, "lower") == 0)
		*p = POL_LOWER;
	else if (strcmp(s, "none") == 0)
		*p = POL_NONE;
	else
		return WM_EINVAL;
	return 0;
}
