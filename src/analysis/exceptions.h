/*
 * exceptions.h: what a committee's exception report shows, and in what order.
 *
 * Only what is off track: red against target, getting worse for several
 * periods running, missing (from any period the figure covers, or a
 * ratio's counts), or estimated. Red comes first, the furthest
 * off first; then the longest run of getting worse; then missing figures;
 * then estimates.
 */
#ifndef WM_EXCEPTIONS_H
#define WM_EXCEPTIONS_H

#include "analysis/perf.h"

enum exc_reason {
	EXC_RED = 1,
	EXC_WORSENING = 2,
	EXC_MISSING = 4,
	EXC_ESTIMATED = 8
};

struct exc_item {
	size_t pi;	/* the caller's index of the indicator */
	int unit;	/* index in the tree */
	unsigned reasons;
	struct perf_eval eval;
};

/* Why this evaluation is an exception (0: it is not). */
unsigned exc_reasons(const struct perf_eval *e, int min_worsening);

/* qsort order for exc_item: most urgent first. */
int exc_cmp(const void *a, const void *b);

/* "red, worse for 3 periods" */
void exc_describe(unsigned reasons, int worsening, char *out, size_t len);

#endif
