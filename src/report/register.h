/*
 * register.h: the recommendation register's papers (see register.c).
 */
#ifndef WM_REPORT_REGISTER_H
#define WM_REPORT_REGISTER_H

#include "base/err.h"
#include "model/ctx.h"
#include "report/rdoc.h"

/*
 * What to chase as of a date: open tracked items (report/tracked.h:
 * recommendations, key actions, objectives, milestones) that are overdue,
 * or have had no update for stale_days, grouped by lead post; and the
 * figures of indicators due in the year before that have not come in
 * (kind "pis", item "figure", source the indicator, ref the period), by
 * owner post. JSON data: {"as_of", "stale_days", "count", "leads":
 * [{"lead", "items": [{"kind", "item", "source" (its source, plan,
 * timetable or indicator), "ref", ...}]}]}.
 */
int report_chase(struct wm_ctx *ctx, int as_of, int stale_days, struct rdoc **out,
    struct wm_err *err);

/*
 * A source's progress summary with the columns of an action plan progress
 * summary and a line counting each grade. JSON data: {"source", "title",
 * "recommendations": [...], "summary": {grade: count}}.
 */
int report_progress(struct wm_ctx *ctx, const char *source, struct rdoc **out,
    struct wm_err *err);

#endif
