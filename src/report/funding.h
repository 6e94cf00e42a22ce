/*
 * funding.h: what a budget can fund (see funding.c).
 */
#ifndef WM_REPORT_FUNDING_H
#define WM_REPORT_FUNDING_H

#include "base/err.h"
#include "model/ctx.h"
#include "report/rdoc.h"

struct funding_opts {
	double budget;			/* pounds */
	const char *year;		/* a financial year's costs; NULL: whole-life costs */
	const char *const *must;	/* projects that must be funded */
	size_t nmust;
	bool cover;			/* cover each aim where possible (portfolio.cover_threshold) */
	bool free_commissioned;		/* commissioned and running projects may be dropped too */
	const char *plan;		/* the aims to cover: this plan's; NULL: every plan's */
	size_t max_cells;		/* analysis limits (funding.h); 0: the defaults */
	size_t max_nodes;
};

/*
 * Choose the projects to fund for the most benefit within the budget.
 * Candidates are the proposed, commissioned and running projects with a
 * cost (in the year); the commissioned and running ones are funded first
 * (their work is under way) unless free_commissioned. JSON data: {"budget", "candidates", "funded",
 * "dropped": [{"ref", "why"}], "total_cost", "total_benefit", ...}
 * (docs/json.md).
 */
int report_funding(struct wm_ctx *ctx, const struct funding_opts *o, struct rdoc **out,
    struct wm_err *err);

#endif
