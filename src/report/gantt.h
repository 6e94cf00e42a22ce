/*
 * gantt.h: a Gantt chart of dated steps in SVG, for timetables.
 *
 * Dates in timetables are fuzzy ("June/July", "September?", "December 2004
 * and ongoing"), and the chart shows them as written rather than pretend:
 * a step on a known day is a diamond, a step known to a span is a solid
 * bar, a step somewhere within a span is a pale bar with a dashed edge
 * (and a question mark when uncertain), an ongoing step trails off to the
 * right. Overdue steps are marked in words as well as red, done ones in
 * words as well as grey; dependencies are thin connecting lines; the
 * as-of date is a vertical line.
 */
#ifndef WM_GANTT_H
#define WM_GANTT_H

#include "base/wm.h"

struct buf;

struct gantt_row {
	const char *group;	/* a heading row is drawn when this changes */
	const char *label;	/* "M1 Workshop agrees the plan" (cut short to fit) */
	const char *tip;	/* everything about the step, for its accessible name */
	int first, last;	/* date.h days; DATE_NONE: cannot be placed */
	bool fuzzy;		/* somewhere within the span, not all of it */
	bool uncertain;
	bool ongoing;
	bool done, cancelled, overdue;
	const char *note;	/* words after the bar: "overdue 45 days", "done" */
	const size_t *deps;	/* rows that must come first */
	size_t ndeps;
};

void gantt_svg(const char *title, const char *desc, const struct gantt_row *rows, size_t n,
    int as_of, struct buf *out);

#endif
