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
 *     up by the indicator's rule: sum; mean (of the units' own figures,
 *     each counting once: never a mean of the groups' means); ratio (sum
 *     the numerators and the denominators, then divide: percentages are
 *     never averaged, and a ratio figure without its counts stays with its
 *     own unit, counted as missing above it); latest (summed across units,
 *     the latest over time); none (no roll-up).
 *   - Over time, within a target's period, figures combine by the same
 *     rule, and a target for a longer period than the figures is judged on
 *     the figures to date, against the target for the periods that have
 *     figures (pro rata for a sum).
 *   - Coverage counts, of the units expected, those with a figure in every
 *     period the figure covers; a figure built from fewer is "figures
 *     missing", never green.
 *   - RAG: green meets the target, amber misses by no more than the
 *     tolerance (a percentage of the target, or absolute), red misses by
 *     more. No figure, missing figures, no target or no polarity is its
 *     own status, never green.
 *   - Direction of travel compares with the previous period and the same
 *     period a year before, and the figures to date with the same periods
 *     a year before, like with like: over only the units with figures in
 *     both; a change under half a percent is "same".
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
	RAG_MISSING,	/* a figure, but units expected have not reported every period it covers */
	RAG_NO_DATA,	/* no figure to judge */
	RAG_NO_TARGET,	/* a figure but nothing to judge it by */
	RAG_NOT_RATED,	/* the indicator has no better direction */
	RAG__N
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
	/*
	 * Each unit's expected count (see perf_cell), the same in every row:
	 * perf_expected works it out once for a series; NULL, each roll-up does.
	 */
	const int *expected;
};

/* The expected count of every unit of the tree for a series: out[u]. */
void perf_expected(const struct perf_tree *t, const struct perf_series *s, int *out);

/* One unit's figure for one period (or span of periods). */
struct perf_cell {
	double value;
	/*
	 * ratio: the counts, summed, to roll up further; mean: the units' own
	 * figures summed, and how many there are (each unit counts once).
	 */
	double num, den;
	int reported;		/* of those expected, how many have a figure that rolls up */
	int expected;		/* units at or under it that report the indicator, none below them */
	/*
	 * Of those expected, how many have a figure in every period the cell
	 * covers (for one period, the same as reported). perf_combine gives
	 * the least of its periods', exact for a unit with none below it;
	 * perf_evaluate counts it exactly for every unit.
	 */
	int complete;
	int uncounted;		/* ratio: units with a figure but no counts, which cannot roll up */
	int estimated;		/* of those reported, estimates */
	int provisional;
	int covered;		/* periods it combines that have a figure (one period: 0 or 1) */
	bool has;		/* a figure to show */
	bool not_available;	/* flagged as not available */
	int unapproved;		/* of those reported, figures still awaiting approval */
};

/* A unit's target: value (NAN: none) for its period, its own tolerance or NAN for the indicator's. */
struct perf_target {
	double value;
	double tolerance;
	struct period period;
};

/* A figure against an earlier one, like with like. */
struct perf_change {
	enum trend trend;
	double now, then;	/* over the same units in both periods; NAN when there are none */
	int units;		/* units in both, at or under the unit */
	bool partial;		/* over fewer units than one of the figures shown had */
	bool had_now, had_then;	/* each side had a figure at all, before keeping only units in both */
};

struct perf_eval {
	struct perf_cell now;		/* at the period reported on */
	struct perf_cell basis;		/* what the target is judged against: to date, if longer */
	int from;			/* period index (the figures' kind) where the basis starts */
	int nperiods;			/* periods the basis spans: 1, or the target's to date */
	bool to_date;			/* the target is for a longer period: the basis is to date */
	double target;			/* what the basis is judged against; NAN: none */
	double target_set;		/* the target as set, for its whole period */
	/*
	 * The target's share for the one period `now` (for a sum, the whole
	 * divided evenly; otherwise the target itself), and `now` judged
	 * against it: what a chart of single periods draws.
	 */
	double period_target;
	enum rag period_rag;
	enum rag rag;
	double off;			/* how far off: > 0 worse than target, as a fraction of it */
	double gap;			/* the same in the indicator's own unit */
	struct perf_change vs_previous, vs_last_year;
	struct perf_change to_date_vs_last_year;	/* the basis against the same periods a year before */
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

/*
 * Finish a roll-up of one period: out[u].expected set for every unit, the
 * cells of the units marked own (their own figures, or for a unit without
 * one, nothing), and every other cell zero but for expected; those take
 * their children's rolled up by the rule, children before parents, and
 * the counts pass up. How
 * perf_rollup ends, and how a comparison rolls up only the units it keeps.
 */
void perf_finish(const struct perf_tree *t, const struct perf_pi *pi, const bool *own,
    struct perf_cell *out);

/*
 * The units' own figures only, with every unit's expected count, and
 * nothing rolled up: enough for the rows perf_evaluate reads only the
 * units' own figures from (see there).
 */
void perf_rollup_own(const struct perf_tree *t, const struct perf_pi *pi,
    const struct perf_series *s, long row, struct perf_cell *out);

/* Combine cells of consecutive periods (oldest first) into one by the indicator's rule. */
struct perf_cell perf_combine(const struct perf_pi *pi, const struct perf_cell *cells, size_t n);
/* The same for cells[0], cells[stride], ...: one unit's column of [row][unit] cells. */
struct perf_cell perf_combine_every(const struct perf_pi *pi, const struct perf_cell *cells,
    size_t n, size_t stride);

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

/*
 * Judge a figure against a target (NAN: none) with a tolerance: *off
 * relative, *gap in the indicator's unit (both > 0 when worse).
 */
enum rag perf_rag(const struct perf_pi *pi, const struct perf_cell *basis, double target,
    double tolerance, double *off, double *gap);
enum trend perf_trend(const struct perf_pi *pi, const struct perf_cell *now,
    const struct perf_cell *then);

/*
 * Evaluate every unit of the tree at period index `at` of the figures'
 * kind: `history` holds the cells of rows [at - nhistory + 1, at]
 * ([row][unit], oldest first), enough for the trends (a year and one
 * period) and the figures to date a year ago (a year and the target's
 * periods to date). The last year and one period, and the target's
 * periods to date, are rolled up (perf_rollup); rows before those need
 * only the units' own figures (perf_rollup_own). A run of worsening is
 * counted within the last year. targets (NULL: none) has one per unit,
 * for a period of this kind or a longer one holding `at`. out[u] for
 * every unit.
 */
void perf_evaluate(const struct perf_tree *t, const struct perf_pi *pi, enum period_kind kind,
    int at, const struct perf_cell *history, size_t nhistory, const struct perf_target *targets,
    struct perf_eval *out);

/* How many periods of kind, up to and including index at, a target for tp is judged on. */
int perf_to_date(enum period_kind kind, int at, const struct period *tp);

const char *rag_name(enum rag r);
const char *trend_name(enum trend t);
const char *agg_name(enum agg a);
int agg_parse(const char *s, enum agg *a);
int polarity_parse(const char *s, enum polarity *p);

#endif
