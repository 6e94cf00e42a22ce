/*
 * perf.h: how an indicator is doing: roll-up, RAG, direction of travel.
 *
 * Pure computation over plain arrays: the organisation as a tree of units,
 * an indicator's rules, its figures laid out [period][unit] (the layout of
 * model/cube.h) and its targets. No database, no I/O: model/perfdata.c
 * loads the inputs; reports and pages show the answers.
 *
 * Rules:
 *   - A unit's figure is its own if it has one, else its children's rolled
 *     up by the indicator's rule: sum; mean; ratio (sum the numerators and
 *     the denominators, then divide: percentages are never averaged);
 *     latest (summed across units, the latest over time); none (no roll-up).
 *   - Over time, within a target's period, figures combine by the same
 *     rule, and a target for a longer period than the figures is compared
 *     with the figures to date (pro rata for a sum).
 *   - RAG: green meets the target, amber misses by no more than the
 *     tolerance (a percentage of the target, or absolute), red misses by
 *     more. No figure, no target or no polarity is its own status, never
 *     green.
 *   - Direction of travel compares with the previous period and the same
 *     period a year before; a change under half a percent is "same".
 */
#ifndef WM_PERF_H
#define WM_PERF_H

#include "base/wm.h"

#include "base/period.h"

enum agg { AGG_SUM, AGG_MEAN, AGG_RATIO, AGG_LATEST, AGG_NONE };
enum polarity { POL_HIGHER, POL_LOWER, POL_NONE };

enum rag {
	RAG_GREEN,
	RAG_AMBER,
	RAG_RED,
	RAG_NO_DATA,	/* no figure to judge */
	RAG_NO_TARGET,	/* a figure but nothing to judge it by */
	RAG_NOT_RATED	/* the indicator has no better direction */
};

enum trend { TREND_UNKNOWN, TREND_BETTER, TREND_SAME, TREND_WORSE, TREND_UP, TREND_DOWN };

struct perf_unit {
	int64_t id;
	int parent;	/* index in the tree, or -1 */
};

/* Units in any order; perf_tree_init works out the order to roll up in. */
struct perf_tree {
	struct perf_unit *units;
	size_t n;
	int *order;	/* children before parents */
	int *nleaves;	/* leaves under each unit (1 for a leaf) */
};

struct perf_pi {
	enum agg agg;
	enum polarity polarity;
	double scale;		/* ratio: numerator / denominator * scale */
	double tolerance;
	bool tolerance_percent;
};

/* An indicator's figures: the same fields as struct cube, borrowed. */
struct perf_series {
	enum period_kind kind;
	int first, nperiods;	/* period indexes held */
	size_t nunits;
	const int *tree_index;	/* column -> unit index in the tree, -1 if not in it */
	const double *value, *num, *den;	/* num and den NULL when there are no counts */
	const uint8_t *flag;	/* model/cube.h's flags */
	size_t stride;
	int row0;
};

/* One unit's figure for one period (or span of periods). */
struct perf_cell {
	bool has;		/* a figure to show */
	double value;
	double num, den;	/* for ratios, to roll up further */
	int reported;		/* of those expected, how many have a figure */
	int expected;		/* units at or under it that report the indicator, none below them */
	int estimated;		/* of those reported, estimates */
	int provisional;
	bool not_available;	/* flagged as not available */
};

/* A target: value for a unit and period, its own tolerance or NAN for the indicator's. */
struct perf_target {
	double value;
	double tolerance;
};

struct perf_eval {
	struct perf_cell now;		/* at the period reported on */
	struct perf_cell basis;		/* what the target is judged against: to date, if longer */
	double target;			/* NAN: none (pro rata for a sum, to date) */
	enum rag rag;
	double off;			/* how far off: > 0 worse than target, as a fraction of it */
	enum trend vs_previous, vs_last_year;
	int worsening;			/* consecutive periods, up to now, each worse than the one before */
};

/* Work out the roll-up order and leaf counts; WM_EINVAL on a cycle or bad parent. */
int perf_tree_init(struct perf_tree *t);
void perf_tree_release(struct perf_tree *t);

/*
 * Roll one period (a row of the series, or -1 for none) up the tree:
 * out[u] for every unit of the tree.
 */
void perf_rollup(const struct perf_tree *t, const struct perf_pi *pi,
    const struct perf_series *s, long row, struct perf_cell *out);

/* Combine cells of consecutive periods (oldest first) into one by the indicator's rule. */
struct perf_cell perf_combine(const struct perf_pi *pi, const struct perf_cell *cells, size_t n);

/*
 * Convert a run of rolled-up cells ([row][unit], nrows of kind `from`
 * starting at period index `first`) to a longer kind `to` by the
 * indicator's rule: each longer period combines the rows within it.
 * *out ([row][unit], malloc'd) holds *nout rows from period index
 * *out_first; a longer period only partly covered combines what is there.
 */
void perf_convert(const struct perf_pi *pi, enum period_kind from, int first,
    const struct perf_cell *cells, size_t nrows, size_t nunits, enum period_kind to,
    int *out_first, size_t *nout, struct perf_cell **out);

/*
 * The rolling window ending at row `row` for unit u: the last `window`
 * rows (fewer at the start) combined by the rule; a year of months is 12.
 */
struct perf_cell perf_rolling(const struct perf_pi *pi, const struct perf_cell *cells,
    size_t nunits, size_t row, int u, size_t window);

enum rag perf_rag(const struct perf_pi *pi, const struct perf_cell *basis, double target,
    double tolerance, double *off);
enum trend perf_trend(const struct perf_pi *pi, const struct perf_cell *now,
    const struct perf_cell *then);

/*
 * Evaluate unit u at period index `at` of the series: `history` holds the
 * rolled-up cells of rows [at - nhistory + 1, at] for every unit
 * ([row][unit], oldest first), at least 13 periods or one year's worth
 * plus one for the trends. target (NULL: none) is for `target_period`,
 * which holds `at` (same kind or longer).
 */
void perf_evaluate(const struct perf_pi *pi, enum period_kind kind, int at,
    const struct perf_cell *history, size_t nhistory, size_t nunits, int u,
    const struct perf_target *target, const struct period *target_period,
    struct perf_eval *out);

const char *rag_name(enum rag r);
const char *trend_name(enum trend t);
const char *agg_name(enum agg a);
int agg_parse(const char *s, enum agg *a);
int polarity_parse(const char *s, enum polarity *p);

#endif
