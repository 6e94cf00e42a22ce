/*
 * perfeval.c: judging every unit of the tree at a period (see perf.h).
 *
 * perf.c rolls figures up one period at a time; this takes the rolled-up
 * rows of the last year or two and answers, for every unit at once, what
 * a committee asks: the figure to date against its target, how many of
 * the units expected reported every period of it, and how it compares
 * with the period before, the same period a year ago, and the same
 * periods to date a year ago.
 *
 * Two ideas run through it. Coverage is over every period a figure
 * covers: a unit is complete only with a figure in each, and a figure
 * that lacks some is "figures missing" however it compares. And a
 * comparison is like with like: when the units with figures differ
 * between the two periods, both sides are rolled up again over only the
 * units in both (perf_finish over the "points", the units that report
 * with none below them), so a borough that did not report in May cannot
 * make June look better.
 */
#include "base/wm.h"

#include <math.h>

#include "analysis/perf.h"
#include "base/mem.h"

int
perf_to_date(enum period_kind kind, int at, const struct period *tp)
{
	struct period now = period_from_index(kind, at);

	if (tp == NULL || tp->kind == kind)
		return 1;
	return period_elapsed(&now, tp);
}

/*
 * Scratch for one evaluation, in one allocation: a report evaluates
 * hundreds of indicators, and each needs a dozen arrays of the tree's size.
 */
struct cmp {
	const struct perf_tree *t;
	const struct perf_pi *pi;
	bool *pt;		/* the points */
	bool *keep;		/* the points a comparison keeps */
	bool *running;
	int *ints;
	enum trend *tr;
	struct perf_cell *a, *b;	/* two rows rolled up again */
	struct perf_cell *now, *then, *span;
	struct perf_change *ch;
	size_t *spans;
	void *block;
};

static void
cmp_init(struct cmp *c, const struct perf_tree *t, const struct perf_pi *pi)
{
	size_t m = t->n + 1;
	char *p;

	c->t = t;
	c->pi = pi;
	/* largest alignment first */
	c->block = p = wm_malloc(m * (5 * sizeof(struct perf_cell) + sizeof(struct perf_change) +
	    sizeof(size_t) + sizeof(int) + sizeof(enum trend) + 3 * sizeof(bool)));
	c->a = (struct perf_cell *)p;
	c->b = c->a + m;
	c->now = c->b + m;
	c->then = c->now + m;
	c->span = c->then + m;
	c->ch = (struct perf_change *)(c->span + m);
	c->spans = (size_t *)(c->ch + m);
	c->ints = (int *)(c->spans + m);
	c->tr = (enum trend *)(c->ints + m);
	c->pt = (bool *)(c->tr + m);
	c->keep = c->pt + m;
	c->running = c->keep + m;
}

/* The units that report with none below them that do: where coverage is counted. */
static void
find_points(struct cmp *c, const struct perf_cell *row)
{
	const struct perf_tree *t = c->t;
	int *below = c->ints;

	memset(below, 0, t->n * sizeof(*below));
	for (size_t u = 0; u < t->n; u++)
		if (t->units[u].parent >= 0)
			below[t->units[u].parent] += row[u].expected;
	for (size_t u = 0; u < t->n; u++)
		c->pt[u] = row[u].expected > 0 && below[u] == 0;
}

/*
 * Roll cells up again from the points alone, keeping those in keep:
 * out[u] for every unit. cells give the points' figures (only theirs are
 * read), ref every unit's expected count.
 */
static void
reroll(const struct perf_tree *t, const struct perf_pi *pi, const bool *pt, const bool *keep,
    const struct perf_cell *cells, const struct perf_cell *ref, struct perf_cell *out)
{
	for (size_t u = 0; u < t->n; u++) {
		if (pt[u] && keep[u])
			out[u] = cells[u];
		else
			out[u] = (struct perf_cell){ .expected = ref[u].expected };
	}
	perf_finish(t, pi, pt, out);
}

/* Do the points with a figure differ between two rows? */
static bool
sets_differ(const struct perf_tree *t, const bool *pt, const struct perf_cell *a,
    const struct perf_cell *b)
{
	for (size_t u = 0; u < t->n; u++)
		if (pt[u] && a[u].has != b[u].has)
			return true;
	return false;
}

/*
 * Compare rows a and b (cells of every unit) like with like, for every
 * unit, or only those marked in only (when not NULL): out[u] (NULL to
 * skip), and trends[u].
 */
static void
compare(struct cmp *c, const struct perf_cell *a, const struct perf_cell *b,
    struct perf_change *out, enum trend *trends, const bool *only)
{
	const struct perf_tree *t = c->t;
	const struct perf_cell *la = a, *lb = b;
	bool differ = sets_differ(t, c->pt, a, b);

	if (differ) {
		for (size_t u = 0; u < t->n; u++)
			c->keep[u] = c->pt[u] && a[u].has && b[u].has;
		reroll(t, c->pi, c->pt, c->keep, a, a, c->a);
		reroll(t, c->pi, c->pt, c->keep, b, a, c->b);
		la = c->a;
		lb = c->b;
	}
	for (size_t u = 0; u < t->n; u++) {
		enum trend tr;

		if (only != NULL && !only[u])
			continue;
		tr = perf_trend(c->pi, &la[u], &lb[u]);
		if (trends != NULL)
			trends[u] = tr;
		if (out == NULL)
			continue;
		out[u].trend = tr;
		out[u].had_now = a[u].has;
		out[u].had_then = b[u].has;
		out[u].now = la[u].has && lb[u].has ? la[u].value : NAN;
		out[u].then = la[u].has && lb[u].has ? lb[u].value : NAN;
		out[u].units = la[u].has && lb[u].has ? la[u].reported : 0;
		/* fewer units than one of the figures shown had */
		out[u].partial = differ && la[u].has && lb[u].has &&
		    (la[u].reported < a[u].reported || lb[u].reported < b[u].reported);
	}
}

/* Every unit's cells (only's, when not NULL) combined over rows [first, first + n) of history. */
static void
span_of(const struct perf_pi *pi, const struct perf_cell *history, size_t nunits, size_t first,
    size_t n, const bool *only, struct perf_cell *out)
{
	for (size_t u = 0; u < nunits; u++)
		if (only == NULL || only[u])
			out[u] = perf_combine_every(pi, &history[first * nunits + u], n, nunits);
}

/*
 * The exact count of complete units for a span: a point is complete with
 * a figure in every period; a unit above counts its children's, unless
 * it reported for them all in every period itself.
 */
static void
span_complete(struct cmp *c, const struct perf_cell *history, size_t first, size_t n,
    struct perf_cell *span)
{
	const struct perf_tree *t = c->t;
	const struct perf_pi *pi = c->pi;
	const bool *pt = c->pt;
	int *sum = c->ints;

	memset(sum, 0, t->n * sizeof(*sum));
	for (size_t i = 0; i < t->n; i++) {
		int u = t->order[i], p = t->units[u].parent;
		bool all = n > 0;

		for (size_t k = 0; k < n && all; k++) {
			const struct perf_cell *x = &history[(first + k) * t->n + (size_t)u];

			all = x->has && x->reported == x->expected && x->expected > 0;
		}
		if (pt[u] || all)
			span[u].complete = all ? span[u].expected : 0;
		else
			span[u].complete = sum[u];
		/* a ratio without counts is complete where it is, missing above */
		if (p >= 0 && !(pi->agg == AGG_RATIO && span[u].has && span[u].den == 0))
			sum[p] += span[u].complete;
	}
}

/* The runs of periods, up to the last, each worse than the one before. */
static void
worsening_runs(struct cmp *c, const struct perf_cell *history, size_t nhistory, size_t back,
    struct perf_eval *out)
{
	size_t n = c->t->n;
	enum trend *tr = c->tr;
	bool *running = c->running;
	size_t still = n;

	for (size_t u = 0; u < n; u++)
		running[u] = true;
	for (size_t r = nhistory - 1; r >= 1 && r + back >= nhistory && still > 0; r--) {
		/* only the units whose run goes on: the others' trends are not read */
		compare(c, &history[r * n], &history[(r - 1) * n], NULL, tr, running);
		for (size_t u = 0; u < n; u++) {
			if (!running[u])
				continue;
			if (tr[u] == TREND_WORSE) {
				out[u].worsening++;
			} else {
				running[u] = false;
				still--;
			}
		}
	}
}

/*
 * The figures to date against the same periods a year before, for the
 * units whose basis spans n periods: over only the points complete in
 * both spans.
 */
static void
to_date_last_year(struct cmp *c, const struct perf_cell *history, size_t nhistory,
    size_t per_year, size_t n, struct perf_eval *out)
{
	size_t nu = c->t->n, last = nhistory - 1;
	struct perf_cell *now = c->now, *then = c->then;

	/* rows this far back may hold only the units' own figures: points alone are read */
	span_of(c->pi, history, nu, last + 1 - n, n, c->pt, now);
	span_of(c->pi, history, nu, last + 1 - n - per_year, n, c->pt, then);
	for (size_t u = 0; u < nu; u++)
		c->keep[u] = c->pt[u] && now[u].has && then[u].has && now[u].complete == now[u].expected &&
		    then[u].complete == then[u].expected;
	reroll(c->t, c->pi, c->pt, c->keep, now, &history[last * nu], c->a);
	reroll(c->t, c->pi, c->pt, c->keep, then, &history[last * nu], c->b);
	/* which units had any figure a year before, kept or not */
	memset(c->ints, 0, nu * sizeof(*c->ints));
	for (size_t i = 0; i < nu; i++) {
		int u = c->t->order[i], p = c->t->units[u].parent;

		if (c->pt[u])
			c->ints[u] = then[u].has;
		if (p >= 0)
			c->ints[p] |= c->ints[u];
	}
	for (size_t u = 0; u < nu; u++) {
		struct perf_change *ch = &out[u].to_date_vs_last_year;
		bool both = c->a[u].has && c->b[u].has;

		if ((size_t)out[u].nperiods != n)
			continue;
		ch->trend = perf_trend(c->pi, &c->a[u], &c->b[u]);
		ch->had_now = out[u].basis.has;
		ch->had_then = c->ints[u] != 0;
		ch->now = both ? c->a[u].value : NAN;
		ch->then = both ? c->b[u].value : NAN;
		ch->units = both ? c->a[u].reported : 0;
		ch->partial = both && (!out[u].basis.has || fabs(ch->now - out[u].basis.value) >
		    1e-9 * (fabs(out[u].basis.value) + 1));
	}
}

static void
unknown(struct perf_change *ch)
{
	*ch = (struct perf_change){ TREND_UNKNOWN, NAN, NAN, 0, false, false, false };
}

void
perf_evaluate(const struct perf_tree *t, const struct perf_pi *pi, enum period_kind kind,
    int at, const struct perf_cell *history, size_t nhistory, const struct perf_target *targets,
    struct perf_eval *out)
{
	size_t nu = t->n, per_year = (size_t)period_per_year(kind), last = nhistory - 1, nspans = 0;
	struct period last_tp = { PERIOD_MONTH, 0, 0 }, total_tp = { PERIOD_MONTH, 0, 0 };
	int last_total = 1;
	struct perf_cell *span;
	size_t *spans;
	int last_n = 1;
	bool have;
	struct cmp c;

	cmp_init(&c, t, pi);
	spans = c.spans;
	span = c.span;

	for (size_t u = 0; u < nu; u++) {
		memset(&out[u], 0, sizeof(out[u]));
		out[u].from = at;
		out[u].nperiods = 1;
		out[u].target = out[u].target_set = out[u].period_target = NAN;
		unknown(&out[u].vs_previous);
		unknown(&out[u].vs_last_year);
		unknown(&out[u].to_date_vs_last_year);
	}
	if (nhistory == 0) {
		for (size_t u = 0; u < nu; u++) {
			out[u].rag = perf_rag(pi, &out[u].now, NAN, pi->tolerance, &out[u].off,
			    &out[u].gap);
			out[u].period_rag = out[u].rag;
		}
		goto out;
	}
	find_points(&c, &history[last * nu]);
	have = false;
	/* how far back each unit's target reaches; a report has one or two such spans */
	for (size_t u = 0; u < nu; u++) {
		const struct perf_target *tg = targets != NULL && !isnan(targets[u].value) ?
		    &targets[u] : NULL;
		int n = 1;

		/* units mostly share a target period: work its reach out once */
		if (tg != NULL && have && tg->period.kind == last_tp.kind &&
		    tg->period.year == last_tp.year && tg->period.n == last_tp.n) {
			n = last_n;
		} else if (tg != NULL) {
			n = perf_to_date(kind, at, &tg->period);
			last_tp = tg->period;
			last_n = n;
			have = true;
		}

		out[u].now = history[last * nu + u];
		out[u].nperiods = n < 1 ? 1 : (size_t)n > nhistory ? (int)nhistory : n;
		out[u].from = at - out[u].nperiods + 1;
	}
	for (size_t u = 0; u < nu; u++) {
		size_t k = 0;

		while (k < nspans && spans[k] != (size_t)out[u].nperiods)
			k++;
		if (k == nspans)
			spans[nspans++] = (size_t)out[u].nperiods;
	}
	for (size_t k = 0; k < nspans; k++) {
		size_t n = spans[k];

		span_of(pi, history, nu, last + 1 - n, n, NULL, span);
		span_complete(&c, history, last + 1 - n, n, span);
		for (size_t u = 0; u < nu; u++)
			if ((size_t)out[u].nperiods == n)
				out[u].basis = span[u];
	}
	for (size_t u = 0; u < nu; u++) {
		const struct perf_target *tg = targets != NULL && !isnan(targets[u].value) ?
		    &targets[u] : NULL;
		struct perf_eval *e = &out[u];
		double tol = tg && !isnan(tg->tolerance) ? tg->tolerance : pi->tolerance, off, gap;

		if (tg != NULL) {
			int total = 1;

			/* units mostly share a target period: its length is worked out once */
			if (tg->period.kind != kind && tg->period.kind == total_tp.kind &&
			    tg->period.year == total_tp.year && tg->period.n == total_tp.n) {
				total = last_total;
			} else if (tg->period.kind != kind) {
				total = last_total = period_count_in(kind, &tg->period);
				total_tp = tg->period;
			}

			e->to_date = tg->period.kind != kind;
			e->target_set = tg->value;
			e->target = e->period_target = tg->value;
			/* a sum's target is spread evenly: judged on the periods that have figures */
			if (pi->agg == AGG_SUM && total > 0) {
				e->period_target = tg->value / total;
				e->target = tg->value * (e->basis.covered > 0 ? e->basis.covered :
				    e->nperiods) / total;
			}
		}
		e->rag = perf_rag(pi, &e->basis, e->target, tol, &e->off, &e->gap);
		e->period_rag = perf_rag(pi, &e->now, e->period_target, tol, &off, &gap);
	}
	/* direction of travel, like with like */
	if (last >= 1) {
		struct perf_change *ch = c.ch;

		compare(&c, &history[last * nu], &history[(last - 1) * nu], ch, NULL, NULL);
		for (size_t u = 0; u < nu; u++)
			out[u].vs_previous = ch[u];
		if (last >= per_year) {
			compare(&c, &history[last * nu], &history[(last - per_year) * nu], ch, NULL,
			    NULL);
			for (size_t u = 0; u < nu; u++)
				out[u].vs_last_year = ch[u];
		}
		/* the rows rolled up in full: a year and a period */
		worsening_runs(&c, history, nhistory, per_year, out);
	}
	for (size_t k = 0; k < nspans; k++) {
		if (spans[k] == 1) {
			/* one period to date: the same as the period a year ago */
			for (size_t u = 0; u < nu; u++)
				if (out[u].nperiods == 1)
					out[u].to_date_vs_last_year = out[u].vs_last_year;
		} else if (spans[k] + per_year <= nhistory) {
			to_date_last_year(&c, history, nhistory, per_year, spans[k], out);
		}
	}
out:
	free(c.block);
}
