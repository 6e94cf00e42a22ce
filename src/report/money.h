/*
 * money.h: the money paper (see money.c).
 */
#ifndef WM_REPORT_MONEY_H
#define WM_REPORT_MONEY_H

#include "base/err.h"
#include "model/ctx.h"
#include "report/rdoc.h"

struct money_opts {
	const char *year;	/* one financial year ("2004/05"); NULL: every year */
	const char *plan;	/* goals of this plan; NULL: every plan's */
};

/*
 * Budget lines by year, unit and category, central and devolved; capital
 * bids and the goals they claim; and the money reaching each goal through
 * projects and approved bids. JSON data: {"year", "plan", "budgets":
 * {"by_year", "by_unit", "by_category"}, "bids", "goals", "unlinked",
 * "not_counted"} (docs/json.md).
 */
int report_money(struct wm_ctx *ctx, const struct money_opts *o, struct rdoc **out,
    struct wm_err *err);

#endif
