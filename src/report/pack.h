/*
 * pack.h: the committee pack (issue 19): everything a committee oversees,
 * judged the same way, as the supporting information of its paper, and
 * the paper itself laid out as the body's template says (paper.c).
 *
 * What a committee oversees comes from the accountability map
 * (govmap.h): what it answers for itself, in full, and what the
 * committees that report to it answer for, by exception. So the
 * Performance Review Committee's pack is the goals' indicators and their
 * baskets, the Management Board's what its committees escalate, and two
 * committees get different papers.
 */
#ifndef WM_PACK_H
#define WM_PACK_H

#include "base/err.h"
#include "model/ctx.h"
#include "report/rdoc.h"

struct pack_opts {
	const char *committee;	/* required */
	const char *unit;	/* NULL: the whole organisation */
	const char *as_of;	/* a period; NULL: the latest with figures (and today) */
	int stale_days;		/* an update older than this did not come in */
	int level;		/* the heading level its sections start at (2 or 3) */
};

/*
 * Add the pack's sections to d: indicators off track (with commentary,
 * the change on the last period and to date on last year), recommendations
 * overdue or slipping, key actions and milestones late, projects whose
 * latest exception report is red or amber, figures and updates that did
 * not come in; then what is on track, in brief. Its counts are summed up
 * in *summary (a sentence, malloc'd) when summary is not NULL.
 */
int pack_build(struct wm_ctx *ctx, const struct pack_opts *o, struct rdoc *d, char **summary,
    struct wm_err *err);

struct paper_opts {
	const char *committee;	/* a pack of this committee, laid out as a paper of its own */
	const char *meeting;	/* or the papers of this meeting's agenda... */
	const char *paper;	/* ...or only this item of it (its agenda number) */
	const char *unit, *as_of;	/* for the pack; a paper's own fields come first */
	int stale_days;
};

/* `waymark report pack`: the committee's paper, or a meeting's papers one after another. */
int report_pack(struct wm_ctx *ctx, const struct paper_opts *o, struct rdoc **out,
    struct wm_err *err);

#endif
