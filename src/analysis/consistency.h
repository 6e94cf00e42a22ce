/*
 * consistency.h: checks that a plan hangs together.
 *
 *   - borough (child) targets that do not add up to their parent's target,
 *     for indicators that are sums (seed 000, R8);
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
};

struct cons_sum_gap {
	size_t pi;
	int unit;	/* the parent */
	int period;
	double target;		/* the parent's */
	double children;	/* what the targets below it add up to */
	int nchildren;		/* units below with a target, none between them and it */
};

/*
 * For each target of a sum indicator (is_sum[pi]), compare with the sum
 * of the targets below it for the same period (each counting toward the
 * nearest unit above it that has one, so a level without targets is
 * passed over); a difference over half a percent is a gap. Returns the number of gaps, *out malloc'd.
 */
size_t cons_target_gaps(const struct perf_tree *t, const struct cons_target *targets, size_t n,
    const bool *is_sum, struct cons_sum_gap **out);

/* Indexes (into the caller's arrays) of things with no link: n things, links (a_i -> b_i). */
size_t cons_unlinked(size_t n, const size_t *linked, size_t nlinked, size_t **out);

#endif
