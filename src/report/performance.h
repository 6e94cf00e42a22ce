/*
 * performance.h: the performance papers: the scorecard, the exception
 * report, the consistency check and one indicator's trend (see
 * performance.c). Each builds an rdoc; JSON shapes are in docs/json.md.
 */
#ifndef WM_REPORT_PERFORMANCE_H
#define WM_REPORT_PERFORMANCE_H

#include "base/err.h"
#include "model/ctx.h"
#include "report/rdoc.h"

struct performance_opts {
	const char *as_of;	/* a period; NULL: the latest with figures */
	const char *unit;	/* NULL: the corporate unit (the one with most targets) */
	const char *goal;	/* one goal or priority; NULL: all of the plan's */
	const char *plan;	/* NULL: the plan whose goals most indicators measure */
};

/* The scorecard: goal -> aim -> indicator, value, target, RAG, direction, coverage. */
int report_performance(struct wm_ctx *ctx, const struct performance_opts *o, struct rdoc **out,
    struct wm_err *err);

struct exceptions_opts {
	const char *as_of;	/* NULL: the latest period with figures */
	const char *committee;	/* only what this committee answers for */
	const char *unit;	/* at this unit's level; NULL: the corporate unit */
	int deteriorating;	/* periods running that count as getting worse; 0: 3 */
	int stale_days;		/* an update is due after this many days without; 0: 90 */
};

/* Only what is red, getting worse, missing or estimated, most urgent first. */
int report_exceptions(struct wm_ctx *ctx, const struct exceptions_opts *o, struct rdoc **out,
    struct wm_err *err);

/* Targets that do not add up, nodes no indicator measures, indicators measuring nothing, ... */
int report_consistency(struct wm_ctx *ctx, struct rdoc **out, struct wm_err *err);

struct trend_opts {
	const char *pi;		/* required */
	const char *unit;	/* NULL: the corporate unit */
	const char *from, *to;	/* periods; NULL: all held */
	const char *by;		/* "quarter", "fyear", "year": combine into these; NULL: as held */
};

/*
 * One indicator over time: its trend chart, the figures with a rolling
 * year beside them, and the units below side by side.
 */
int report_trend(struct wm_ctx *ctx, const struct trend_opts *o, struct rdoc **out,
    struct wm_err *err);

#endif
