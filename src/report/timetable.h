/*
 * timetable.h: the timetable paper (see timetable.c).
 */
#ifndef WM_REPORT_TIMETABLE_H
#define WM_REPORT_TIMETABLE_H

#include "base/err.h"
#include "model/ctx.h"
#include "report/rdoc.h"

struct timetable_opts {
	const char *timetable;	/* one timetable; NULL: all */
	int as_of;		/* date.h day */
};

/*
 * Every milestone with its fuzzy date, responsible body, status and
 * dependencies; what is overdue or out of order as of a date. Carries the
 * Gantt chart (rendition "svg") and an iCalendar file ("ics"). JSON data:
 * {"as_of", "timetables": [{"ref", "title", "milestones": [...]}]}
 * (docs/json.md).
 */
int report_timetable(struct wm_ctx *ctx, const struct timetable_opts *o, struct rdoc **out,
    struct wm_err *err);

#endif
