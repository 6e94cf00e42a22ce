/*
 * govern.h: the accountability map's rules (seed 001, Appendix 2).
 *
 * Committees report to one another up to a board (the Management Board);
 * every goal, aim, indicator, project and recommendation should have a
 * committee accountable for it and a post that leads it, and that
 * committee should answer to the board: be the board, report to it
 * however indirectly, or be one the board itself reports to. A committee
 * whose reporting line ends elsewhere, or goes round in a loop, leaves
 * what it is accountable for outside the line.
 *
 * Pure: committees and items as plain arrays.
 */
#ifndef WM_GOVERN_H
#define WM_GOVERN_H

#include "base/wm.h"

struct gov_committee {
	const char *key;
	long reports_to;	/* index of the committee it reports to, or -1 */
};

enum gov_line {
	GOV_BOARD,	/* it is the board */
	GOV_UNDER,	/* it reports to the board, directly or not */
	GOV_ABOVE,	/* the board reports to it, directly or not */
	GOV_OUTSIDE,	/* its line ends without reaching the board */
	GOV_LOOP,	/* its line goes round in a circle */
	GOV_NO_BOARD	/* no board was named */
};

/* Where each committee stands against the board (index, or -1 for none). */
void gov_lines(const struct gov_committee *c, size_t n, long board, enum gov_line *out);
/* Is a committee on this line answerable to the board? */
bool gov_line_ok(enum gov_line l);
/*
 * The reporting line from committee `from` upwards, from itself: up to max
 * indexes into path, stopping after the first repeat. Returns its length.
 */
size_t gov_chain(const struct gov_committee *c, size_t n, size_t from, long *path, size_t max);

/* What an item lacks. */
#define GOV_NO_COMMITTEE 0x1
#define GOV_NO_LEAD 0x2
#define GOV_OUT_OF_LINE 0x4

struct gov_item {
	long committee;		/* index, or -1 for none */
	size_t nleads;		/* lead posts (a project's manager, a PI's owner) */
};

unsigned gov_item_gaps(const struct gov_item *it, const enum gov_line *lines);

#endif
