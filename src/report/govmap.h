/*
 * govmap.h: the accountability map as data (seed 001, Appendix 2): the
 * committees and their reporting lines, and every item someone answers
 * for with the committee it answers to. Private to src/report/: the
 * accountability report draws it, the committee pack takes its scope
 * from it.
 *
 * Where an item names no committee of its own it answers through what it
 * belongs to, and the map says so in `through`: an indicator through the
 * first aim or goal it measures, a recommendation through its source
 * report, a key action through the priority (or any node) above it.
 * Leads are not inherited.
 */
#ifndef WM_GOVMAP_H
#define WM_GOVMAP_H

#include <jansson.h>

#include "analysis/govern.h"
#include "base/err.h"
#include "base/map.h"
#include "model/ctx.h"

struct gm_item {
	const char *kind;	/* "goal", "aim", "pi", "project", "recommendation", "action", "milestone" */
	const char *key, *title;
	const char *committee;	/* key, or NULL */
	const char *through;	/* what the committee was inherited from, or NULL */
	const char *lead_word;	/* "lead", "owner", "manager" */
	const json_t *leads;	/* array of post keys */
	const json_t *row;	/* the record, as the record engine gives it */
	unsigned gaps;
};

struct govmap {
	json_t *hold;		/* every list read, and every string made */
	struct gm_item *items;
	size_t n, cap;
	struct gov_committee *c;
	const json_t **crow;	/* the committees' records */
	size_t nc;
	struct strmap cindex;
	long board;		/* index of the board, or -1 */
	unsigned what;		/* GM_* */
};

/* What to map besides goals, aims, indicators, live projects and open recommendations. */
#define GM_ACTIONS 0x1		/* key actions */
#define GM_MILESTONES 0x2	/* milestones not done */
#define GM_DECORATED 0x4	/* records as the engine shows them: overdue, slippage, updates */

/*
 * Read the committees (board: the committee lines must reach, NULL for
 * the Management Board) and the items (of plan only, or NULL for every
 * plan's).
 */
int govmap_load(struct wm_ctx *ctx, struct govmap *m, const char *board, const char *plan,
    unsigned what, struct wm_err *err);
void govmap_release(struct govmap *m);

/* A committee's index by its key, or -1. */
long govmap_committee(const struct govmap *m, const char *key);
/* A record's text field, or NULL. */
const char *govmap_str(const json_t *row, const char *field);
/* "SC-COMM → MB": the line from committee `from` up to the board, or as far as it goes. */
struct buf;
void govmap_chain_text(const struct govmap *m, size_t from, struct buf *out);

#endif
