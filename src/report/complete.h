/*
 * complete.h: completeness and timeliness of updates and figures over a
 * period, for a committee (issue 18 item 4): how many progress updates
 * the tracked items it oversees were due, how many came in and how many on
 * time, the same for indicator figures, and who has not updated. The
 * exception report and the committee pack show it as a section.
 *
 * An item is due an update in the period when its due date falls in it,
 * or when the chase report's stale rule (tracked.h's titem_stale: open,
 * no update for longer than stale_days, counted from its last update or
 * its opening) would chase it on a day of it; it is due on the first such
 * day. Its update came in when one is dated in the period, on time when
 * the first of those is dated on or before that day. A figure is due its
 * reporting lag after its period ends (model/figures.h); when a figure was
 * entered is not stored, so whether it came in on time is not known.
 */
#ifndef WM_REPORT_COMPLETE_H
#define WM_REPORT_COMPLETE_H

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"
#include "report/rdoc.h"

struct complete_counts {
	size_t updates_due, updates_in, updates_on_time;
	size_t figures_due, figures_in;
};

/*
 * Add the section to d, at heading level (2 or 3), for the days from..to
 * (day numbers) and the committee (its ref; NULL: everything tracked);
 * counts, if not NULL, gets the numbers; the JSON (docs/json.md's
 * "completeness") into *json.
 */
int complete_section(struct wm_ctx *ctx, const char *committee, int from, int to, int stale_days,
    int level, struct rdoc *d, struct complete_counts *counts, json_t **json, struct wm_err *err);

#endif
