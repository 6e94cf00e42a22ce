/*
 * money.c: sharing money among the goals it serves (see money.h).
 */
#include "base/wm.h"

#include "analysis/money.h"
#include "base/mem.h"

void
money_by_goal(const struct money_flow *flows, size_t n, size_t ngoals, struct money_split *out)
{
	memset(out, 0, sizeof(*out));
	out->goal = wm_calloc(ngoals * MONEY_CHANNELS + 1, sizeof(*out->goal));
	for (size_t i = 0; i < n; i++) {
		const struct money_flow *f = &flows[i];
		double sum = 0;
		size_t valid = 0;
		int ch = f->channel >= 0 && f->channel < MONEY_CHANNELS ? f->channel : 0;

		out->total[ch] += f->amount;
		for (size_t k = 0; k < f->nlinks; k++)
			if (f->links[k].goal < ngoals) {
				sum += f->links[k].weight > 0 ? f->links[k].weight : 0;
				valid++;
			}
		if (valid == 0) {
			out->unlinked[ch] += f->amount;
			continue;
		}
		for (size_t k = 0; k < f->nlinks; k++) {
			const struct money_link *l = &f->links[k];
			double share;

			if (l->goal >= ngoals)
				continue;
			share = sum > 0 ? (l->weight > 0 ? l->weight / sum : 0) : 1.0 / (double)valid;
			out->goal[l->goal * MONEY_CHANNELS + (size_t)ch] += f->amount * share;
		}
	}
}

void
money_split_release(struct money_split *s)
{
	free(s->goal);
	memset(s, 0, sizeof(*s));
}
