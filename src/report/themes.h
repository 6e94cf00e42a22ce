/*
 * themes.h: the consultation paper (see themes.c).
 */
#ifndef WM_REPORT_THEMES_H
#define WM_REPORT_THEMES_H

#include "base/err.h"
#include "base/period.h"
#include "model/ctx.h"
#include "report/rdoc.h"

struct themes_opts {
	enum period_kind by;	/* count by month, quarter, financial year or year */
	const char *from, *to;	/* dates or periods limiting the issues; NULL: all */
	const char *source;	/* issues raised in this source only; NULL: all */
};

/*
 * Consultation issues tagged with themes, by rule and by hand: counts by
 * theme and source over time, the aims each theme bears on, how often
 * each rule matches, and the issues no theme covers. JSON data: {"by",
 * "periods", "sources", "themes", "rules", "issues", "untagged"}
 * (docs/json.md).
 */
int report_themes(struct wm_ctx *ctx, const struct themes_opts *o, struct rdoc **out,
    struct wm_err *err);

#endif
