/*
 * perfrun.c: evaluating indicators as of a period (see perfrun.h).
 */
#include "base/wm.h"

#include <math.h>

#include "base/mem.h"
#include "base/numfmt.h"
#include "model/cube.h"
#include "report/perfrun.h"

const struct pd_target *
prun_target_at(const struct pd_target *t, size_t nt, size_t pi, int unit, const struct period *at)
{
	const struct pd_target *best = NULL;

	for (size_t i = 0; i < nt; i++) {
		if (t[i].pi != pi || t[i].unit != unit)
			continue;
		if (t[i].period.kind != at->kind && !period_kind_shorter(at->kind, t[i].period.kind))
			continue;
		if (!period_within(at, &t[i].period))
			continue;
		if (best == NULL || period_kind_shorter(t[i].period.kind, best->period.kind))
			best = &t[i];
	}
	return best;
}

/* Each unit's target at period `at` (value NAN: none); the longest reach to date, in periods. */
static int
unit_targets(const struct pd_target *targets, size_t ntargets, size_t pi, size_t nunits,
    enum period_kind kind, const struct period *at, struct perf_target *out,
    struct period *periods)
{
	const struct pd_target **best = wm_calloc(nunits + 1, sizeof(*best));
	const struct pd_target *seen = NULL, *last = NULL;
	bool last_ok = false;
	int most = 1;

	/*
	 * The shortest target holding `at` for each unit, as prun_target_at
	 * finds it, in one pass: most targets share a period, whose test is
	 * worked out once.
	 */
	for (size_t i = 0; i < ntargets; i++) {
		const struct pd_target *t = &targets[i];
		bool ok;

		if (t->pi != pi || t->unit < 0 || (size_t)t->unit >= nunits)
			continue;
		if (last != NULL && last->period.kind == t->period.kind &&
		    last->period.year == t->period.year && last->period.n == t->period.n) {
			ok = last_ok;
		} else {
			ok = (t->period.kind == at->kind || period_kind_shorter(at->kind,
			    t->period.kind)) && period_within(at, &t->period);
			last = t;
			last_ok = ok;
		}
		if (ok && (best[t->unit] == NULL || period_kind_shorter(t->period.kind,
		    best[t->unit]->period.kind)))
			best[t->unit] = t;
	}
	for (size_t u = 0; u < nunits; u++) {
		const struct pd_target *t = best[u];

		out[u] = (struct perf_target){ NAN, NAN, { 0 } };
		if (t == NULL)
			continue;
		out[u] = (struct perf_target){ t->value, t->tolerance, t->period };
		if (periods != NULL)
			periods[u] = t->period;
		/* units mostly share one target period: its reach is worked out once */
		if (seen == NULL || seen->period.kind != t->period.kind ||
		    seen->period.year != t->period.year || seen->period.n != t->period.n) {
			int n = perf_to_date(kind, period_index(at), &t->period);

			if (n > most)
				most = n;
			seen = t;
		}
	}
	free(best);
	return most;
}

void
prun_targets(const struct pd_target *targets, size_t n, size_t pi, size_t nunits,
    const struct period *at, struct perf_target *out)
{
	unit_targets(targets, n, pi, nunits, at->kind, at, out, NULL);
}

static int
pi_run(struct wm_ctx *ctx, const struct perfdata *pd, size_t i, const struct period *as_of,
    int history, const struct pd_target *targets, size_t ntargets, struct prun_pi *out,
    struct wm_err *err)
{
	const struct pd_pi *pi = &pd->pis[i];
	size_t n = pd->tree.n;
	struct perf_series s = { 0 };
	struct perf_target *tg;
	struct cube c;
	unsigned kinds;
	enum period_kind kind = as_of->kind;
	int at, per, h, reach, full, rc;
	int *cols = NULL, *exp = NULL;

	kinds = pi->kinds;
	/* perf_evaluate and perf_rollup fill every byte: no need to clear them first */
	out->eval = wm_malloc((n + 1) * sizeof(*out->eval));
	out->target_period = wm_calloc(n + 1, sizeof(*out->target_period));
	if (kinds == 0) {
		out->at = *as_of;
		perf_evaluate(&pd->tree, &pi->rules, kind, period_index(as_of), NULL, 0, NULL,
		    out->eval);
		return 0;
	}
	out->has_series = true;
	/* the figures' own kind: as reported on if held, else the shortest held */
	if (!(kinds & (1u << kind)))
		for (int k = 0; k < 4; k++)
			if (kinds & (1u << k)) {
				kind = (enum period_kind)k;
				break;
			}
	out->at = period_of_day(kind, period_last_day(as_of));
	at = period_index(&out->at);
	per = period_per_year(kind);
	tg = wm_calloc(n + 1, sizeof(*tg));
	reach = unit_targets(targets, ntargets, i, n, kind, &out->at, tg, out->target_period);
	/* a year and a period for the trends; a year and the target's reach for last year to date */
	h = history > per + 1 ? history : per + 1;
	if (per + reach > h)
		h = per + reach;
	if ((rc = cube_load(ctx, pi->id, kind, at - h + 1, at, &c, err)) != 0) {
		free(tg);
		return rc;
	}
	cols = wm_calloc(c.nunits + 1, sizeof(*cols));
	for (size_t u = 0; u < c.nunits; u++) {
		int64_t idx;

		cols[u] = intmap_get(&pd->unit_at, c.units[u], &idx) ? (int)idx : -1;
	}
	s = (struct perf_series){ kind, c.first, c.nperiods, c.nunits, cols, c.value, c.num, c.den,
		c.flag, c.stride, c.row0, NULL };
	exp = wm_calloc(n + 1, sizeof(*exp));
	perf_expected(&pd->tree, &s, exp);
	s.expected = exp;
	out->nhistory = (size_t)h;
	out->history = wm_malloc(((size_t)h * n + 1) * sizeof(*out->history));
	/* the year and a period and the target's reach in full; before that, own figures */
	full = per + 1 > history ? per + 1 : history;
	if (reach > full)
		full = reach;
	for (int r = 0; r < h; r++) {
		int index = at - h + 1 + r;
		long row = c.nperiods > 0 && index >= c.first && index < c.first + c.nperiods ?
		    index - c.first : -1;

		if (r >= h - full)
			perf_rollup(&pd->tree, &pi->rules, &s, row, &out->history[(size_t)r * n]);
		else
			perf_rollup_own(&pd->tree, &pi->rules, &s, row, &out->history[(size_t)r * n]);
	}
	perf_evaluate(&pd->tree, &pi->rules, kind, at, out->history, (size_t)h, tg, out->eval);
	free(tg);
	free(cols);
	free(exp);
	cube_release(&c);
	return 0;
}

int
prun_trend(struct wm_ctx *ctx, const struct perfdata *pd, size_t pi, const struct period *from,
    const struct period *to, struct prun_trend *out, struct wm_err *err)
{
	const struct pd_pi *p = &pd->pis[pi];
	size_t n = pd->tree.n;
	struct perf_series s;
	struct cube c;
	unsigned kinds;
	int first, last, rc;
	int *cols, *exp;

	memset(out, 0, sizeof(*out));
	out->nunits = n;
	if ((rc = cube_kinds(ctx, p->id, &kinds, err)) != 0)
		return rc;
	if (kinds == 0)
		return 0;
	for (int k = 0; k < 4; k++)
		if (kinds & (1u << k)) {
			out->kind = (enum period_kind)k;
			break;
		}
	if ((rc = cube_range(ctx, p->id, out->kind, &first, &last, err)) != 0)
		return rc;
	if (from != NULL) {
		struct period f = period_of_day(out->kind, period_first_day(from));

		if (period_index(&f) > first)
			first = period_index(&f);
	}
	if (to != NULL) {
		struct period t = period_of_day(out->kind, period_last_day(to));

		if (period_index(&t) < last)
			last = period_index(&t);
	}
	if (last < first)
		return 0;
	if ((rc = cube_load(ctx, p->id, out->kind, first, last, &c, err)) != 0)
		return rc;
	cols = wm_calloc(c.nunits + 1, sizeof(*cols));
	for (size_t u = 0; u < c.nunits; u++) {
		int64_t idx;

		cols[u] = intmap_get(&pd->unit_at, c.units[u], &idx) ? (int)idx : -1;
	}
	s = (struct perf_series){ out->kind, c.first, c.nperiods, c.nunits, cols, c.value, c.num,
		c.den, c.flag, c.stride, c.row0, NULL };
	exp = wm_calloc(n + 1, sizeof(*exp));
	perf_expected(&pd->tree, &s, exp);
	s.expected = exp;
	out->first = first;
	out->nperiods = last - first + 1;
	out->cells = wm_calloc((size_t)out->nperiods * n + 1, sizeof(*out->cells));
	for (int r = 0; r < out->nperiods; r++) {
		int index = first + r;
		long row = c.nperiods > 0 && index >= c.first && index < c.first + c.nperiods ?
		    index - c.first : -1;

		perf_rollup(&pd->tree, &p->rules, &s, row, &out->cells[(size_t)r * n]);
	}
	free(cols);
	free(exp);
	cube_release(&c);
	return 0;
}

void
prun_trend_release(struct prun_trend *t)
{
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

/*
 * The targets by indicator, in the order read within each: a counting
 * sort, since indicators are numbered from 0. A sort by comparison of the
 * 21,500 targets at 2.5M figures was a sixth of the exception report.
 */
static struct pd_target *
by_pi(const struct pd_target *t, size_t n, size_t npis)
{
	size_t *next = wm_calloc(npis + 1, sizeof(*next));
	struct pd_target *out = wm_malloc((n + 1) * sizeof(*out));

	for (size_t i = 0; i < n; i++)
		next[t[i].pi + 1]++;
	for (size_t i = 1; i < npis; i++)
		next[i] += next[i - 1];
	for (size_t i = 0; i < n; i++)
		out[next[t[i].pi]++] = t[i];
	free(next);
	return out;
}

/* The periods whose targets could apply at as_of, for any kind of figures. */
static size_t
target_periods(const struct period *as_of, char texts[][PERIOD_LEN], size_t max)
{
	size_t n = 0;
	int last = period_last_day(as_of);

	for (int k = 0; k < 4 && n < max; k++) {
		struct period p = period_of_day((enum period_kind)k, last);
		bool dup = false;

		period_format(&p, texts[n]);
		for (size_t j = 0; j < n; j++)
			dup = dup || strcmp(texts[j], texts[n]) == 0;
		if (!dup)
			n++;
	}
	return n;
}

int
prun_run(struct wm_ctx *ctx, const struct perfdata *pd, const struct period *as_of,
    const bool *mask, int history, struct prun *out, struct wm_err *err)
{
	char texts[8][PERIOD_LEN];
	const char *ptrs[8];
	struct pd_target *read, *targets;
	size_t nt, np;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	out->as_of = *as_of;
	out->npis = pd->npis;
	out->nunits = pd->tree.n;
	out->pis = wm_calloc(pd->npis + 1, sizeof(*out->pis));
	np = target_periods(as_of, texts, WM_ARRAY_LEN(texts));
	for (size_t i = 0; i < np; i++)
		ptrs[i] = texts[i];
	if ((rc = perfdata_targets(ctx, pd, ptrs, np, &read, &nt, err)) != 0)
		return rc;
	/* by indicator, so each sees only its own: a scan of all of them per unit was quadratic */
	targets = by_pi(read, nt, pd->npis);
	for (size_t i = 0, lo = 0, hi = 0; i < pd->npis && rc == 0; i++) {
		for (lo = hi; lo < nt && targets[lo].pi < i; lo++)
			;
		for (hi = lo; hi < nt && targets[hi].pi == i; hi++)
			;
		if (mask == NULL || mask[i])
			rc = pi_run(ctx, pd, i, as_of, history, hi > lo ? targets + lo : NULL, hi - lo,
			    &out->pis[i], err);
	}
	free(targets);
	if (rc != 0)
		prun_release(out);
	return rc;
}

void
prun_release(struct prun *r)
{
	for (size_t i = 0; i < r->npis; i++) {
		free(r->pis[i].eval);
		free(r->pis[i].target_period);
		free(r->pis[i].history);
	}
	free(r->pis);
	memset(r, 0, sizeof(*r));
}

int
prun_as_of(struct wm_ctx *ctx, const char *text, struct period *out, struct wm_err *err)
{
	bool any;
	int rc;

	if (text != NULL) {
		if (period_parse(text, out) != 0)
			return wm_error(err, WM_EUSAGE, "--as-of: \"%s\" is not a period (2005-03, 2005-Q1, "
			    "2004/05, 2005)", text);
		return 0;
	}
	if ((rc = perfdata_latest(ctx, out, &any, err)) != 0)
		return rc;
	if (!any)
		return wm_error(err, WM_EINVAL, "there are no performance figures yet "
		    "(`waymark import figures.csv` loads them)");
	return 0;
}

int
prun_decimals(const struct pd_pi *pi)
{
	return pi->decimals < 0 ? 0 : pi->decimals > 6 ? 6 : pi->decimals;
}

const char *
prun_suffix(const struct pd_pi *pi)
{
	return strcmp(pi->measure_unit, "%") == 0 ? "%" : "";
}

void
prun_format(const struct pd_pi *pi, double v, char *out, size_t len)
{
	char n[NUM_LEN];

	if (isnan(v)) {
		snprintf(out, len, "-");
		return;
	}
	num_format(v, prun_decimals(pi), true, n, sizeof(n));
	snprintf(out, len, "%s%s", n, prun_suffix(pi));
}
