/*
 * portfolio.h: the portfolio paper (see portfolio.c).
 */
#ifndef WM_REPORT_PORTFOLIO_H
#define WM_REPORT_PORTFOLIO_H

#include "base/err.h"
#include "model/ctx.h"
#include "report/rdoc.h"

struct portfolio_opts {
	const char *plan;	/* aims of this plan only; NULL: every plan */
	double threshold;	/* an aim served less than this by commissioned projects is a gap */
	double similarity;	/* projects at least this alike (0..1) overlap */
};

#define PORTFOLIO_THRESHOLD 0.5
#define PORTFOLIO_SIMILARITY 0.5

/*
 * The aims x projects matrix (also as an SVG heat map, rendition "svg"),
 * the gaps and the overlaps. JSON data: {"plan", "threshold", "similarity",
 * "projects": [...], "matrix": [{"aim", "title", "weights": {project: w},
 * "served"}], "gaps": [...], "overlaps": [...]} (docs/json.md).
 */
int report_portfolio(struct wm_ctx *ctx, const struct portfolio_opts *o, struct rdoc **out,
    struct wm_err *err);

#endif
