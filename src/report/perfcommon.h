/*
 * perfcommon.h: what the performance papers share (performance.c,
 * perfcheck.c): the indicators evaluated as of a period at one unit, and
 * the cells and JSON every paper shows them with. Private to src/report/.
 */
#ifndef WM_PERFCOMMON_H
#define WM_PERFCOMMON_H

#include <jansson.h>

#include "base/buf.h"
#include "model/perfdata.h"
#include "report/perfrun.h"
#include "report/rdoc.h"

struct pview {
	struct wm_ctx *ctx;
	struct perfdata pd;
	struct pd_plans plans;
	struct prun run;
	int unit;		/* the level reported on: an index in the tree */
	const char *committee;	/* as asked for, or NULL */
	bool *mask;		/* the committee's indicators; NULL: all */
	bool *is_parent;	/* per unit: something reports into it */
	json_t *commentary;	/* perfdata_commentary's */
	struct pview_who *who;	/* who is missing from the indicator last asked about */
};

/*
 * Load and evaluate, as of the period (NULL: the latest with figures), at
 * the unit (NULL: the corporate one), only for the committee's indicators
 * when committee is not NULL.
 */
int pview_open(struct wm_ctx *ctx, struct pview *v, const char *as_of, const char *unit,
    const char *committee, struct wm_err *err);
void pview_close(struct pview *v);

bool pview_wanted(const struct pview *v, size_t pi);
/* Indicator pi at the unit reported on. */
const struct perf_eval *pview_eval(const struct pview *v, size_t pi);

/* "As of", "Unit", "Committee" under the title; the same as JSON members. */
void pview_meta(const struct pview *v, struct rdoc *d);
json_t *pview_json(const struct pview *v);

/*
 * Four cells, like with like: the period the status judges ("2005-03", or
 * "Apr 2004–Mar 2005 (2004/05 to date)"), the figure for it, the target
 * for it, and the status (as a tag); pview_numeric marks them.
 */
void pview_cells(const struct pview *v, size_t pi, struct rtable *t);
/* The first of those: what the figures shown cover. */
void pview_period_text(const struct pview *v, size_t pi, char *out, size_t len);
void pview_numeric(struct rtable *t);
/* A figure of the indicator as a number cell: its decimals, its unit, NAN as "-". */
void pview_num(struct rtable *t, const struct pd_pi *pi, double v);
/*
 * "31 of 32", or "27 of 32 complete for Apr–Oct 2004", then the units
 * missing (with the periods they lack), without counts, or estimated.
 */
void pview_coverage_text(const struct pview *v, size_t pi, struct buf *out);
void pview_coverage_cell(const struct pview *v, size_t pi, struct rtable *t);
/*
 * The indicator as JSON: code, title, period, value, target, status,
 * trends and their changes, coverage.
 */
json_t *pview_pi_json(const struct pview *v, size_t pi);
/* The owner's commentary on the indicator for the period it is judged at, or NULL. */
const json_t *pview_commentary(const struct pview *v, size_t pi);
/*
 * "Commentary": what the owners say about those of the n indicators pis[]
 * that have commentary for the period, each under its own heading.
 */
void pview_commentary_section(const struct pview *v, const size_t *pis, size_t n,
    struct rdoc *d);
/* Is the indicator a percentage, so that it moves and misses by points? */
bool pview_points_unit(const struct pd_pi *pi);
/*
 * A change in words: "better, -3.1%", "worse, +0.8 points", with the
 * earlier figure when with_then ("better than 48,002, -3.0%"), and the
 * units compared when fewer than the figure shown.
 */
void pview_change_text(const struct pd_pi *pi, const struct perf_change *c, bool with_then,
    char *out, size_t len);
json_t *pview_change_json(const struct perf_change *c);
/* How far off the target, in the indicator's own unit: "0.8 points", "1,234 (2.6%)"; "" if not. */
void pview_off_text(const struct pd_pi *pi, const struct perf_eval *e, char *out, size_t len);
/* The comparison with last year a committee quotes: to date if the figure is, else the period's. */
void pview_last_year_text(const struct pview *v, size_t pi, char *out, size_t len);
/* A sentence on how the indicators shown (shown[pi]) that are means roll up; none if none. */
void pview_rules_para(const struct pview *v, const bool *shown, struct rdoc *d);
/* The units directly below that are red, as text and as "red_below" in j. */
void pview_red_below(const struct pview *v, size_t pi, char *text, size_t len, json_t *j);
/* The indicator's web page, for links. */
const char *pview_pi_href(const struct pview *v, const struct pd_pi *pi);

/* Goals, aims and priorities: the nodes an indicator measures. */
bool pview_measurable(const struct pd_node *n);
json_t *pview_node_json(const struct pd_node *n);

/* How a RAG status is shown: its words and its tag colour. */
const char *pview_rag_tag(enum rag r);

#endif
