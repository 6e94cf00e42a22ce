/*
 * accountability.h: the accountability map (see accountability.c).
 */
#ifndef WM_REPORT_ACCOUNTABILITY_H
#define WM_REPORT_ACCOUNTABILITY_H

#include "base/err.h"
#include "model/ctx.h"
#include "report/rdoc.h"

struct accountability_opts {
	const char *board;	/* the committee lines must reach; NULL: the Management Board */
	const char *plan;	/* goals and aims of this plan; NULL: every plan */
};

/*
 * Committees and their reporting lines; who is accountable for and who
 * leads each goal, aim, PI, live project and open recommendation; and
 * everything with no committee, no lead, or a committee outside the line
 * to the board. JSON data: {"board", "committees": [...], "items": [...],
 * "gaps": [...]} (docs/json.md).
 */
int report_accountability(struct wm_ctx *ctx, const struct accountability_opts *o,
    struct rdoc **out, struct wm_err *err);

#endif
