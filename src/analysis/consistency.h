/*
 * consistency.h: checks that a plan hangs together.
 *
 *   - borough (child) targets that do not add up to their parent's target,
 *     for indicators that are sums, and for ratios from the targets' counts
 *     (seed 000, R8), within a tolerance the body sets; boroughs that report
 *     an indicator but have no target where the others do;
 *   - goals, aims and priorities that no indicator measures;
 *   - indicators that measure nothing;
 *   - a lower plan's objectives that underpin no higher objective.
 *
 * Plain arrays in, lists of indexes out; the caller names them.
 */
#ifndef WM_CONSISTENCY_H
#define WM_CONSISTENCY_H

#include "analysis/perf.h"

struct cons_target {
	size_t pi;	/* the caller's index of the indicator */
	int unit;	/* index in the tree */
	int period;	/* an index the caller gives each period text */
	double value;
	double num, den;	/* a ratio target's counts; NAN when not given */
};

/* How an indicator's targets add up, if they do. */
enum cons_rule {
	CONS_NONE,	/* they do not (mean, latest, none): not checked */
	CONS_SUM,	/* the targets below add up to it */
	CONS_RATIO	/* their counts add up, and give it: numerators over denominators */
};

struct cons_sum_gap {
	size_t pi;
	int unit;	/* the parent */
	int period;
	double target;		/* the parent's */
	double children;	/* what the targets below come to: their sum, or their counts' ratio */
	int nchildren;		/* units below with a target, none between them and it */
	bool ratio;		/* worked out from the counts */
};

struct cons_check {
	const enum cons_rule *rule;	/* per indicator */
	const double *scale;		/* per indicator: a ratio's scale */
	double tolerance;		/* percent of the parent's target: a difference within it is not a gap */
	const bool *reports;		/* [pi * tree size + unit]: the unit has figures for it; NULL: unknown */
};

/* A unit with no target among units that have one: its level is set, it is not. */
struct cons_missing {
	size_t pi;
	int unit;
	int period;
	int parent;	/* the unit whose target the others make up */
};

struct cons_result {
	struct cons_sum_gap *gaps;
	size_t ngaps;
	struct cons_missing *missing;
	size_t nmissing;
	size_t unchecked;	/* ratio targets not checked: they, or one below, have no counts */
};

/*
 * For each target of an indicator that adds up, compare with what the
 * targets below it for the same period come to (each counting toward the
 * nearest unit above it that has one, so a level without targets is
 * passed over): their sum, or for a ratio the ratio of their summed
 * counts, checked only where the target and every one below have counts.
 * A difference over the tolerance is a gap. And where a unit's target is
 * made up of targets below it, the units that report the indicator
 * (reports) with no target on that level are missing. Release with
 * cons_result_release().
 */
void cons_check_targets(const struct perf_tree *t, const struct cons_target *targets, size_t n,
    const struct cons_check *how, size_t npis, struct cons_result *out);
void cons_result_release(struct cons_result *r);

/* Indexes (into the caller's arrays) of things with no link: n things, links (a_i -> b_i). */
size_t cons_unlinked(size_t n, const size_t *linked, size_t nlinked, size_t **out);

#endif
