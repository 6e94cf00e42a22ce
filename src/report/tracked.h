/*
 * tracked.h: the tracked items (model/track.h) as the papers read them:
 * recommendations, plan items and milestones side by side, each with its
 * facts for the register's rules (analysis/register.h), who leads it and
 * where its page is. Chasing, My work, reminders and the committee pack
 * read the same list.
 *
 * A plan item is a tracked item when someone may be asked for an update on
 * it: a key action or an objective, or any other that has a due date or
 * has had an update (a goal watched through its indicators is not).
 */
#ifndef WM_REPORT_TRACKED_H
#define WM_REPORT_TRACKED_H

#include "base/wm.h"

#include <jansson.h>

#include "analysis/register.h"
#include "base/err.h"
#include "base/period.h"
#include "model/ctx.h"

struct buf;

struct titem {
	const char *noun;	/* "recommendation", "key action", "objective", "milestone"... */
	const char *kind;	/* the base kind, whose pages show it: "recommendations", "nodes", */
				/* "milestones" */
	const char *on;		/* the field a progress update names it by */
	const char *key;	/* "DA2002/R1", "CS/P1.a", "TT/M1" */
	const char *parent;	/* its source, plan or timetable */
	const char *ref;	/* its own ref within that */
	const char *title;
	const char *committee;	/* the committee that oversees it, or NULL */
	const json_t *leads;	/* array of the keys of the posts that lead it */
	const json_t *row;	/* the record as the engine gives it */
	struct rec_facts f;	/* f.key is key */
	bool open;		/* not done, closed, withdrawn, dropped or cancelled */
	bool overdue;
	int days_overdue;	/* or -1 */
	int since;		/* days since the last update (or since it was opened), or -1 */
};

struct titems {
	struct titem *v;
	size_t n, cap;
	json_t *hold;	/* the lists read, and the strings made */
};

/*
 * Every tracked item, as of ctx's clock; with posts (n of them, keys),
 * only those they lead (a milestone's responsible post).
 */
int titems_load(struct wm_ctx *ctx, const char *const *posts, size_t nposts,
    struct titems *out, struct wm_err *err);
void titems_release(struct titems *items);

/* Open, and with no update for longer than stale_days (never updated counts from its opening). */
bool titem_stale(const struct titem *it, int stale_days);

/* Its page on the web ("/recommendations/DA2002/R1", "/nodes/CS/P1.a") into out. */
void titem_href(const struct titem *it, struct buf *out);
/* The web's form for adding an update to it (/progress/new?node=CS/P1.a), coming back to back ("/my"). */
void titem_update_href(const struct titem *it, const char *back, struct buf *out);

/*
 * Figures due (model/figures.h's fig_due_load): each period's figure of
 * an indicator, due its reporting lag after the period ends, owned by the
 * indicator's owner post. Every indicator's figures falling due from day
 * from to day to; with posts, only those of the indicators they own.
 */
struct tfigure {
	const char *pi, *title;
	const char *owner;	/* the owner post's key, or NULL */
	const char *committee;	/* the accountable committee, or NULL */
	char period[PERIOD_LEN];
	int due;		/* day number */
	bool in;		/* a figure for the period has come in */
	const json_t *row;	/* the indicator as the engine gives it */
};

struct tfigures {
	struct tfigure *v;
	size_t n, cap;
	json_t *hold;
};

int tfigures_load(struct wm_ctx *ctx, const char *const *posts, size_t nposts, int from, int to,
    struct tfigures *out, struct wm_err *err);
void tfigures_release(struct tfigures *f);
/* The web's page for entering it: /pis/CODE/figures?period=P, coming back to back. */
void tfigure_href(const struct tfigure *f, const char *back, struct buf *out);

#endif
