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
	FLAG_NOT_AVAILABLE = 4, FLAG_QUALITY = 0x0F, FLAG_PENDING = 0x40 };

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

/*
 * Finish a roll-up: every unit not marked own takes its children's cells
 * rolled up by the rule, children before parents; counts pass up from
 * every unit. out[u].expected is already set, and the own units' cells.
 */
void
perf_finish(const struct perf_tree *t, const struct perf_pi *pi, const bool *own,
    struct perf_cell *out)
{
	/*
	 * A unit not its own adds its children up in its own cell, zero to
	 * begin with: value, num and den are the sums, and covered counts the
	 * children until the unit is finished. No scratch: a report finishes
	 * thousands of roll-ups.
	 */
	for (size_t i = 0; i < t->n; i++) {
		int u = t->order[i], p = t->units[u].parent;
		struct perf_cell *c = &out[u];
		bool rolls;

		/* nothing at or under it reports the indicator: nothing to finish or hand up */
		if (c->expected == 0)
			continue;
		if (!own[u]) {
			int count = c->covered;

			switch (pi->agg) {
			case AGG_RATIO:
			case AGG_MEAN:
				c->has = c->den != 0;
				c->value = c->has ? c->num / c->den *
				    (pi->agg == AGG_RATIO ? pi->scale : 1) : 0;
				break;
			case AGG_SUM:
			case AGG_LATEST:
				c->has = count > 0;
				break;
			case AGG_NONE:
				c->has = false;
				c->value = c->num = c->den = 0;
				break;
			}
			c->covered = c->has;
		}
		if (p < 0 || own[p])
			continue;
		/* a ratio without its counts cannot be added to others: above it, it is missing */
		rolls = c->has && !(pi->agg == AGG_RATIO && c->den == 0);
		out[p].reported += rolls ? c->reported : 0;
		out[p].complete += rolls ? c->complete : 0;
		out[p].uncounted += c->uncounted + (c->has && !rolls ? c->reported : 0);
		out[p].estimated += c->estimated;
		out[p].unapproved += c->unapproved;
		out[p].provisional += c->provisional;
		if (!rolls)
			continue;
		out[p].value += c->value;
		out[p].num += c->num;
		out[p].den += c->den;
		out[p].covered++;
	}
}

/*
 * Expected: the units that report this indicator at all (have a column)
 * and have none below them that do; a unit reporting for itself alone
 * counts as one. Into cells' expected, or ints.
 */
static void
expected(const struct perf_tree *t, const struct perf_series *s, bool *reports,
    struct perf_cell *cells, int *ints)
{
	for (size_t c = 0; c < s->nunits; c++)
		if (s->tree_index[c] >= 0)
			reports[s->tree_index[c]] = true;
	for (size_t i = 0; i < t->n; i++) {
		int u = t->order[i], p = t->units[u].parent;
		int *e = cells != NULL ? &cells[u].expected : &ints[u];

		if (reports[u] && *e == 0)
			*e = 1;
		if (p >= 0)
			*(cells != NULL ? &cells[p].expected : &ints[p]) += *e;
	}
}

void
perf_expected(const struct perf_tree *t, const struct perf_series *s, int *out)
{
	bool *reports = wm_calloc(t->n + 1, sizeof(*reports));

	memset(out, 0, t->n * sizeof(*out));
	expected(t, s, reports, NULL, out);
	free(reports);
}

/* Each unit's expected count and its own figures for a row of the series; own[u] marks them. */
static void
own_figures(const struct perf_tree *t, const struct perf_pi *pi, const struct perf_series *s,
    long row, struct perf_cell *out, bool *own, bool *reports)
{
	if (s->expected != NULL) {
		for (size_t u = 0; u < t->n; u++)
			out[u] = (struct perf_cell){ .expected = s->expected[u] };
	} else {
		memset(out, 0, t->n * sizeof(*out));
		expected(t, s, reports, out, NULL);
	}
	for (size_t c = 0; row >= 0 && c < s->nunits; c++) {
		int u = s->tree_index[c];
		size_t cell = (size_t)(s->row0 + row) * s->stride + c;
		uint8_t f;

		if (u < 0)
			continue;
		f = s->flag[cell] & FLAG_QUALITY;
		if (f == FLAG_NONE)
			continue;
		out[u].unapproved = s->flag[cell] & FLAG_PENDING ? out[u].expected : 0;
		own[u] = true;
		if (f == FLAG_NOT_AVAILABLE) {
			out[u].not_available = true;
			continue;
		}
		out[u].has = true;
		out[u].covered = 1;
		out[u].value = s->value[cell];
		if (pi->agg == AGG_MEAN) {
			/* one figure of the unit's own: the mean above counts it once */
			out[u].num = s->value[cell];
			out[u].den = 1;
		} else if (s->num != NULL) {
			out[u].num = s->num[cell];
			out[u].den = s->den[cell];
		}
		out[u].reported = out[u].complete = out[u].expected;
		out[u].estimated = f == FLAG_ESTIMATE ? out[u].expected : 0;
		out[u].provisional = f == FLAG_PROVISIONAL ? out[u].expected : 0;
	}
}

static void
rollup(const struct perf_tree *t, const struct perf_pi *pi, const struct perf_series *s,
    long row, struct perf_cell *out, bool finish)
{
	bool local[2 * 256];
	bool *own = t->n < 256 ? local : wm_calloc(2 * (t->n + 1), sizeof(bool));
	bool *reports = own + t->n + 1;

	if (own == local)
		memset(local, 0, 2 * (t->n + 1) * sizeof(bool));
	own_figures(t, pi, s, row, out, own, reports);
	if (finish)
		perf_finish(t, pi, own, out);
	if (own != local)
		free(own);
}

void
perf_rollup(const struct perf_tree *t, const struct perf_pi *pi, const struct perf_series *s,
    long row, struct perf_cell *out)
{
	rollup(t, pi, s, row, out, true);
}

void
perf_rollup_own(const struct perf_tree *t, const struct perf_pi *pi,
    const struct perf_series *s, long row, struct perf_cell *out)
{
	rollup(t, pi, s, row, out, false);
}

struct perf_cell
perf_combine(const struct perf_pi *pi, const struct perf_cell *cells, size_t n)
{
	return perf_combine_every(pi, cells, n, 1);
}

struct perf_cell
perf_combine_every(const struct perf_pi *pi, const struct perf_cell *first, size_t n,
    size_t stride)
{
#define C(i) (&first[(i) * stride])
	struct perf_cell out = { 0 };
	double sum = 0, num = 0, den = 0;
	int count = 0;

	if (n == 0)
		return out;
	out = *C(n - 1);
	out.has = false;
	out.covered = 0;
	for (size_t i = 0; i < n; i++) {
		if (C(i)->complete < out.complete)
			out.complete = C(i)->complete;
		if (C(i)->uncounted > out.uncounted)
			out.uncounted = C(i)->uncounted;
		if (!C(i)->has) {
			out.complete = 0;
			continue;
		}
		sum += C(i)->value;
		num += C(i)->num;
		den += C(i)->den;
		count++;
		if (C(i)->estimated > out.estimated)
			out.estimated = C(i)->estimated;
		if (C(i)->unapproved > out.unapproved)
			out.unapproved = C(i)->unapproved;
	}
	out.covered = count;
	if (count == 0)
		return out;
	out.has = true;
	switch (pi->agg) {
	case AGG_SUM:
		out.value = sum;
		break;
	case AGG_MEAN:
		/* every figure of the span counts once, as across units */
		out.num = num;
		out.den = den;
		out.value = den != 0 ? num / den : sum / count;
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
			if (C(i)->has) {
				out.value = C(i)->value;
				break;
			}
		break;
	}
	return out;
#undef C
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
    double *off, double *gap)
{
	double tol, diff;

	*off = *gap = 0;
	if (pi->polarity == POL_NONE)
		return RAG_NOT_RATED;
	if (!basis->has)
		return RAG_NO_DATA;
	if (isnan(target))
		return RAG_NO_TARGET;
	tol = pi->tolerance_percent ? fabs(target) * tolerance / 100 : tolerance;
	diff = pi->polarity == POL_HIGHER ? target - basis->value : basis->value - target;
	*gap = diff;
	*off = target != 0 ? diff / fabs(target) : diff;
	/* how far off what there is, but not green, amber or red: what is missing could change it */
	if (basis->complete < basis->expected)
		return RAG_MISSING;
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

const char *
rag_name(enum rag r)
{
	static const char *const names[] = { "green", "amber", "red", "figures missing", "no data",
		"no target", "not rated" };

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
