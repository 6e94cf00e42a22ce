/*
 * schedule.h: where the milestones of a timetable stand (seed 000's launch
 * timetable, seed 001's Appendix 1).
 *
 * A milestone's date is fuzzy: an interval from its timescale ("June/July"
 * is 1 June to 31 July), perhaps uncertain ("September?") or ongoing. As of
 * a date, a milestone not done or cancelled whose latest day has passed is
 * overdue (an ongoing one never is). A milestone dated to end before one it
 * depends on can begin, or done while that one is not, is out of order.
 *
 * Pure: milestones as plain structs, dates as date.h day numbers.
 */
#ifndef WM_SCHEDULE_H
#define WM_SCHEDULE_H

#include "base/wm.h"

struct ms_item {
	int earliest, latest;	/* DATE_NONE when the timescale names no time */
	bool ongoing, uncertain;
	bool done, cancelled;
	const size_t *deps;	/* indexes of the milestones that must come first */
	size_t ndeps;
};

struct ms_state {
	bool undated;		/* no interval: cannot be placed on a chart or calendar */
	bool fuzzy;		/* an interval of more than a day, or uncertain */
	bool overdue;
	int days_overdue;	/* as_of - latest, when overdue */
	bool early;		/* dated to end before a milestone it depends on begins */
	bool done_first;	/* done while a milestone it depends on is not */
	size_t dep;		/* the dependency that makes it early or done_first */
};

void ms_assess(const struct ms_item *items, size_t n, int as_of, struct ms_state *out);

/* The first and last days any dated milestone covers; false if none is dated. */
bool ms_span(const struct ms_item *items, size_t n, int *first, int *last);

#endif
