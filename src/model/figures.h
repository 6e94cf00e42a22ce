/*
 * figures.h: one indicator's figures for one period, as a data-entry page
 * lays them out: a row for each unit the actor may enter figures for, with
 * the figure as it stands (and whether it awaits approval), the period
 * before's and the same period a year before beside it, and the unit's
 * own history for the checks before saving (analysis/figcheck.h).
 *
 * Who may enter for which unit is authz.h's: a planner or the indicator's
 * owner for every unit that reports it, a borough's lead for the units
 * their posts belong to. Writing the figures is the measurements kind's
 * (measure.h), so every rule and the audit log apply as anywhere else.
 */
#ifndef WM_FIGURES_H
#define WM_FIGURES_H

#include "base/wm.h"

#include "analysis/figcheck.h"
#include "base/err.h"
#include "base/period.h"
#include "model/ctx.h"

struct arena;

struct fig_unit {
	const char *ref, *name;
	bool has;		/* a figure is held for the period */
	double value;		/* NAN when not available */
	bool counts;		/* held with its numerator and denominator */
	double num, den;
	const char *flag;	/* "actual", "estimate", "provisional", "not_available" */
	bool pending;		/* it awaits approval */
	const char *note, *submitted_by, *reason;
	double previous, year_before;	/* NAN where there is none */
	double history[FIGCHECK_HISTORY];	/* the unit's figures before the period, NAN gaps */
	size_t nhistory;
};

struct fig_grid {
	struct arena *a;
	const char *pi, *title, *measure_unit;
	int decimals;
	bool ratio;		/* figures are a ratio of counts (aggregation "ratio") */
	double scale;
	double lo, hi;		/* the figures' stated range; NAN where none */
	char period[PERIOD_LEN], previous[PERIOD_LEN], year_before[PERIOD_LEN];
	bool may_approve;	/* the actor is the owner or a planner */
	struct fig_unit *units;	/* by name */
	size_t n;
};

/*
 * The grid of indicator pi for period (NULL: the one after the latest held,
 * the next to come in). WM_EINVAL for a period of a kind the indicator is
 * not measured in; an actor who may enter nothing gets an empty grid.
 */
int figures_grid(struct wm_ctx *ctx, const char *pi, const char *period, struct fig_grid *out,
    struct wm_err *err);
void figures_grid_release(struct fig_grid *g);

/*
 * Figures due (issue 18): each period's figure of an indicator is due its
 * reporting lag after the period ends (pi.reporting_lag days, else the
 * setting figures.reporting_lag). fig_due_load gives the periods of the
 * indicator's frequency whose figures fall due from day from to day to,
 * oldest first, each with whether a figure for it has come in (any unit's,
 * one awaiting approval included), and *latest the index in out of the
 * newest that has (-1: none). Nothing is due before the indicator's
 * first figure (its reporting had not begun); an indicator with none is
 * due them all. *out is malloc'd.
 */
struct fig_due {
	char period[PERIOD_LEN];
	int due;	/* day number (date.h) */
	bool in;
};
int fig_due_load(struct wm_ctx *ctx, const char *pi, int from, int to, struct fig_due **out,
    size_t *n, long *latest, struct wm_err *err);
/* The day a period's figure is due, lag days after the period ends. */
int fig_due_day(const struct period *p, int lag);

/* The checks of figcheck.h for value as unit u's figure (an index in g->units). */
void figures_check(const struct fig_grid *g, size_t u, double value, bool has_counts,
    struct figcheck_result *out);

#endif
