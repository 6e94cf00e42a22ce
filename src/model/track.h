/*
 * track.h: everything that has a lead is tracked the same way.
 *
 * A tracked item is a recommendation, a plan item (a key action, an
 * objective, any node of a plan) or a milestone. Each keeps a due date
 * that follows its timescale until revised, the first due date, how far it
 * has got on the body's scale (degree_met) and in percent, and when it was
 * done. Dated progress updates (kind "progress") and revisions of the due
 * date (kind "revisions") are on exactly one tracked item, named by one
 * of the fields recommendation, node and milestone (kind.h's FF_ONE_OF),
 * and the register's rules (analysis/register.h) apply to all of them
 * alike: the latest update's grade and percentage become the item's, a
 * grade that closes closes it, the latest revision's date is its due
 * date, a due date moved otherwise is recorded as a revision, and listed,
 * an item shows its history, how overdue and how stale it is, its
 * slippage and its RAG status.
 *
 * What differs by kind is data, in track_kinds[]: the table, the status
 * that means done, the scale (a recommendation's source's, else the
 * setting tracking.scale), the date never-updated items are stale from,
 * and who leads it. rec.c and node.c read each kind's timescale against
 * its own document, then call track_prepare().
 */
#ifndef WM_TRACK_H
#define WM_TRACK_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"
#include "model/kind.h"

struct track_kind {
	const char *kind;	/* base kind: "recommendations", "nodes", "milestones" */
	const char *on;		/* the field of progress and revisions that names it */
	const char *col;	/* that field's column, in progress and due_change */
	const char *table;
	const char *done;	/* the status a grade that closes gives it */
	const char *reopen;	/* the status a grade that does not close gives it */
	const char *fresh;	/* its status before work starts, left to a grade that closes or */
				/* moves; NULL: its status is always its grade's */
	const char *dropped;	/* the status no grade changes (withdrawn, dropped, cancelled) */
	const char *done_on;	/* the field of when it was done */
	/* the grades of its scale, in order: label, closes (? the source's ref, if by_source) */
	const char *grades_sql;
	bool by_source;
	/*
	 * For listing, by id range: id, due, closed (0/1), percent_complete,
	 * its grade's percent, the date it is stale from when never updated,
	 * statutory, priority, due_original, number of revisions, RAG rules.
	 */
	const char *facts_sql;
	/* 1 when user ? holds a post that leads item ? (authz.c) */
	const char *led_sql;
};

/* Every tracked kind, ending with one whose kind is NULL. */
extern const struct track_kind track_kinds[];

/* The tracked kind a kind (or a view of it: "actions") is; NULL if it is not tracked. */
const struct track_kind *track_kind_of(const struct kind *k);

/*
 * The item a progress update or revision (row) is on: its tracked kind,
 * and *key its key; NULL if the row names none.
 */
const struct track_kind *track_item_of(const json_t *row, const char **key);

/*
 * The register's rules on an item about to be written (row, complete; before
 * the stored record or NULL on add), after its kind has read the timescale:
 * the due date follows the timescale's latest date unless set apart from
 * it; the first due date is kept; the grade must be one of its scale's; a
 * grade that closes marks it done, and a timescale of "Complete" too.
 */
int track_prepare(struct wm_ctx *ctx, const struct track_kind *t, json_t *row,
    const json_t *before, struct wm_err *err);

/*
 * After it was written: a due date that moved other than by a revision is
 * recorded as one, dated dated (NULL: today), with why (NULL: none).
 */
int track_after(struct wm_ctx *ctx, const struct track_kind *t, const json_t *before,
    const json_t *after, const char *dated, const char *why, struct wm_err *err);

/*
 * What a list of items shows beside what is stored (rows sorted by id):
 * "progress" (the updates, oldest first), "percent", "rag", "overdue",
 * "days_overdue", "last_update", "days_since_update", "slippage"
 * {revisions, days}, as of the context's clock.
 */
int track_decorate(struct wm_ctx *ctx, const struct track_kind *t, const struct kind_row *rows,
    size_t n, struct wm_err *err);

/* Does a text field read the same in both (both absent or null counting as the same)? */
bool track_same_text(const json_t *a, const json_t *b, const char *field);

#endif
