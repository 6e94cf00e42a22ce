/*
 * mywork.h: what each person must act on, from the posts they hold.
 *
 * Everything open that a post leads, as of a date, is loaded once
 * (mywork_load: a mywork_set): the tracked items (report/tracked.h:
 * recommendations, key actions, objectives, milestones) and the figures
 * due of the indicators a post owns,
 * so that one person's list (the My work page, `report mywork`) and every
 * person's (`waymark remind`) come from the same place and say the same.
 * A person's list is what the posts they hold on the day lead that is
 * overdue, due within days, or stale (no update for the setting
 * tracking.stale_days), then the same for the posts that report to theirs.
 */
#ifndef WM_MYWORK_H
#define WM_MYWORK_H

#include "base/wm.h"

#include "base/err.h"
#include "model/ctx.h"
#include "report/rdoc.h"

enum mywork_why {
	MW_OVERDUE,	/* past its due date */
	MW_DUE,		/* due today or within the days asked for */
	MW_STALE	/* no update for the stale period */
};

struct mywork_item {
	const char *kind;	/* "recommendations", "nodes", "milestones", "figures" */
	const char *noun;	/* "Recommendation", "Key action", "Figure"... */
	const char *key;	/* "DA2002/R13" */
	const char *title;	/* what it is, in a line */
	const char *lead;	/* the post that leads it (the first, if several) */
	const char *href;	/* its update form on the web: "/progress/new?node=CS%2FP1.a&back=%2Fmy" */
	int due;		/* a date.h day, or DATE_NONE */
	int last_update;	/* DATE_NONE: never */
	int days_overdue;	/* 0 unless overdue */
	int days_since_update;	/* -1: unknown */
	enum mywork_why why;	/* the first of overdue, due, stale that holds */
	bool stale;		/* no update for the stale period */
	const char *committee;	/* the committee it answers to, or NULL */
};

struct mywork_set;

/*
 * Everything open someone leads, as of as_of (a date.h day), stale after
 * the setting tracking.stale_days.
 */
int mywork_load(struct wm_ctx *ctx, int as_of, struct mywork_set **out, struct wm_err *err);
void mywork_free(struct mywork_set *s);

int mywork_as_of(const struct mywork_set *s);
int mywork_stale_days(const struct mywork_set *s);
/* Every person, in the order of their refs: how many, and the i'th's ref. */
size_t mywork_npeople(const struct mywork_set *s);
const char *mywork_person(const struct mywork_set *s, size_t i);

struct mywork {
	const char *person;	/* ref */
	const char *name;
	const char *email;	/* NULL: none */
	const char **posts;	/* the posts they hold on the day */
	size_t nposts;
	const struct mywork_item *own;	/* what their posts lead */
	size_t nown;
	const struct mywork_item *team;	/* what the posts reporting to theirs lead */
	size_t nteam;
	const char **team_posts;	/* those posts */
	size_t nteam_posts;
};

/*
 * One person's list: what is overdue, due within days of the set's date,
 * or stale; overdue first (longest first), then by due date. WM_ENOTFOUND
 * for no such person. Release with mywork_release().
 */
int mywork_of(const struct mywork_set *s, const char *person, int days, struct mywork *out,
    struct wm_err *err);
void mywork_release(struct mywork *w);

/*
 * Who hears when an item of the list is long overdue: the addresses of the
 * holders of the post its lead post reports to, and of its committee's
 * clerk (where the schema has them), into addrs (at most max); how many.
 */
size_t mywork_escalation(const struct mywork_set *s, const struct mywork_item *it,
    const char **addrs, size_t max);

/* Why, in words: "overdue", "due", "no recent update". */
const char *mywork_why_name(enum mywork_why why);

/*
 * The report: the person of the user called user (or, if no user is
 * called that, the person with that ref), as of as_of, due within days.
 * JSON data: {"person", "name", "as_of", "days", "stale_days", "posts",
 * "items": [...], "team_posts", "team": [...]}.
 */
int report_mywork(struct wm_ctx *ctx, const char *user, int as_of, int days, struct rdoc **out,
    struct wm_err *err);

/* The document for w, as report_mywork writes it. */
struct rdoc *mywork_rdoc(const struct mywork_set *s, const struct mywork *w, int days);

#endif
