/*
 * funding.h: choosing which projects to fund within a budget for the most
 * benefit (seed 001, Appendix 2: the strategic committees fund projects
 * by cost:benefit).
 *
 * Without the cover rule this is the 0/1 knapsack problem, solved exactly
 * by dynamic programming over costs counted in the largest unit that
 * divides them all (every cost in pounds and pence is a whole number of
 * pence, so there always is one). When the budget in that unit times the
 * number of projects is too large to tabulate, costs are counted in a
 * coarser unit twice: rounded up, which gives a choice that certainly fits,
 * and rounded down, which gives a benefit no choice can beat; the answer
 * states both.
 *
 * With the cover rule the committees also want every aim served by at
 * least one funded project where the budget allows: the choice covers as
 * many aims as any choice within the budget can, and among those gives the
 * most benefit. That is found by branch and bound (bounds: the aims the
 * projects still affordable could cover, and the fractional knapsack),
 * exact unless the search is cut short at a stated number of steps, when
 * the best choice found is given with a bound on the benefit.
 *
 * Projects that must be funded are funded first, and the rest chosen
 * within what is left.
 */
#ifndef WM_FUNDING_H
#define WM_FUNDING_H

#include "base/wm.h"

#include "base/err.h"

struct fund_item {
	double cost;		/* pounds, >= 0 */
	double benefit;		/* >= 0 */
	bool must;		/* fund it whatever */
	const size_t *aims;	/* the aims it serves, indexes below naims */
	size_t naims;
	const double *weights;	/* how much it serves each (0..1); NULL: 1 each */
};

struct fund_input {
	const struct fund_item *items;
	size_t n;
	double budget;		/* pounds */
	size_t naims;		/* how many aims there are */
	bool cover;		/* cover as many aims as possible first */
	size_t max_cells;	/* dynamic programming table limit (bits); 0: 1 << 26 */
	size_t max_nodes;	/* branch and bound step limit; 0: 4,000,000 */
	/*
	 * An aim is covered when the funded items' weights on it add up to
	 * this (the portfolio's threshold for a gap); 0: any weight covers.
	 */
	double threshold;
};

enum fund_method {
	FUND_DP,		/* exact dynamic programming */
	FUND_DP_ROUNDED,	/* dynamic programming on rounded costs, with a bound */
	FUND_SEARCH,		/* exact branch and bound (cover rule) */
	FUND_SEARCH_CUT		/* branch and bound stopped at max_nodes, with a bound */
};

struct fund_result {
	bool *funded;		/* per item */
	double cost, benefit;
	bool exact;		/* no choice does better */
	/*
	 * No choice within the budget (with the must-fund items) gives more
	 * benefit than this; with the cover rule, no choice that covers as
	 * many aims. Equal to benefit when exact. With the cover rule, exact
	 * means no choice covers more aims, or as many with more benefit.
	 */
	double bound;
	enum fund_method method;
	double unit;		/* FUND_DP*: the cost unit, in pounds */
	size_t covered;		/* aims served by a funded item */
	bool *aim_covered;	/* per aim */
	bool *aim_coverable;	/* per aim: could be covered by must items and those that fit */
	double *aim_weight;	/* per aim: the funded items' weights on it */
	double left;		/* budget not spent */
};

/*
 * WM_EINVAL if an input is not a finite non-negative number, or the
 * must-fund items alone cost more than the budget.
 */
int fund_solve(const struct fund_input *in, struct fund_result *out, struct wm_err *err);
void fund_result_release(struct fund_result *r);

const char *fund_method_name(enum fund_method m);

#endif
