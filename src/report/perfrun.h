/*
 * perfrun.h: evaluating indicators as of a period, for reports and pages.
 *
 * The glue between the stored figures (model/cube.h, model/perfdata.h) and
 * the rules (analysis/perf.h): for each indicator, load the few periods
 * the rules need, roll them up the tree, find each unit's target, and
 * evaluate every unit.
 */
#ifndef WM_PERFRUN_H
#define WM_PERFRUN_H

#include "analysis/perf.h"
#include "base/err.h"
#include "base/period.h"
#include "model/ctx.h"
#include "model/perfdata.h"

struct prun_pi {
	bool has_series;	/* the indicator has figures at all */
	struct period at;	/* the period evaluated, in the figures' own kind */
	struct perf_eval *eval;	/* one per unit of the tree */
	struct period *target_period;	/* per unit: the target's period, if any */
	struct perf_cell *history;	/* [row][unit], oldest first */
	size_t nhistory;
};

struct prun {
	struct period as_of;
	struct prun_pi *pis;	/* one per perfdata indicator; NULL entries' evals when masked out */
	size_t npis;
	size_t nunits;
};

/*
 * Evaluate the indicators whose mask entry is true (all when mask is NULL)
 * as of the period; `history` periods at least (13 months) are kept.
 */
int prun_run(struct wm_ctx *ctx, const struct perfdata *pd, const struct period *as_of,
    const bool *mask, int history, struct prun *out, struct wm_err *err);
void prun_release(struct prun *r);

/* The target that applies to a unit at a period: the shortest period holding it; NULL if none. */
const struct pd_target *prun_target_at(const struct pd_target *targets, size_t n, size_t pi,
    int unit, const struct period *at);

/*
 * Each unit's target at `at` for indicator pi, as the rules take it
 * (value NAN: none), into out (nunits of them): one call per period of a
 * trend.
 */
void prun_targets(const struct pd_target *targets, size_t n, size_t pi, size_t nunits,
    const struct period *at, struct perf_target *out);

/* One indicator's figures over a span, rolled up: every unit, every period. */
struct prun_trend {
	enum period_kind kind;	/* the figures' own kind */
	int first, nperiods;	/* period indexes, oldest first */
	size_t nunits;
	struct perf_cell *cells;	/* [period][unit], nperiods * nunits */
};

/*
 * The figures of indicator pi (an index in pd) from `from` to `to`
 * (either may be NULL: the first or last period held), in the figures'
 * shortest kind, rolled up the tree for every period.
 */
int prun_trend(struct wm_ctx *ctx, const struct perfdata *pd, size_t pi, const struct period *from,
    const struct period *to, struct prun_trend *out, struct wm_err *err);
void prun_trend_release(struct prun_trend *t);

/* The as-of period from text, or the latest with figures when text is NULL. */
int prun_as_of(struct wm_ctx *ctx, const char *text, struct period *out, struct wm_err *err);

/* A figure as the indicator shows it: decimals, unit of measure, thousands grouped. */
void prun_format(const struct pd_pi *pi, double v, char *out, size_t len);
/* The indicator's decimals (0-6) and the suffix its figures carry ("%" or ""). */
int prun_decimals(const struct pd_pi *pi);
const char *prun_suffix(const struct pd_pi *pi);

#endif
