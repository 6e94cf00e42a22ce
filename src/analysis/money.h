/*
 * money.h: how much money reaches each goal (seed 000, R12-R13).
 *
 * Money flows through channels (projects' costs, capital bids) to the
 * goals they are linked to: a project through the aims it serves (each
 * aim's goal, in proportion to the project's weights), a bid through the
 * goals it claims. An amount with several links is shared in proportion
 * to their weights (equally when no link has weight); an amount with no
 * link is counted as reaching no goal, never dropped.
 *
 * Pure: plain arrays in, sums out.
 */
#ifndef WM_MONEY_H
#define WM_MONEY_H

#include "base/wm.h"

#define MONEY_CHANNELS 2	/* 0: projects, 1: capital bids */

struct money_link {
	size_t goal;		/* index below ngoals */
	double weight;		/* >= 0 */
};

struct money_flow {
	double amount;
	int channel;		/* below MONEY_CHANNELS */
	const struct money_link *links;
	size_t nlinks;
};

struct money_split {
	double *goal;		/* ngoals x MONEY_CHANNELS, row-major */
	double unlinked[MONEY_CHANNELS];
	double total[MONEY_CHANNELS];
};

/* Share every flow among its goals. Release with money_split_release(). */
void money_by_goal(const struct money_flow *flows, size_t n, size_t ngoals,
    struct money_split *out);
void money_split_release(struct money_split *s);

#endif
