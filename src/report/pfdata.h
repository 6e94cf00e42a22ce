/*
 * pfdata.h: the portfolio as the analysis wants it, read through the model.
 *
 * The portfolio, funding and money reports all need the same things: the
 * aims (of one plan, or all), the projects with their benefit and cost (in
 * one financial year, or over all years), which project serves which aim,
 * and the tree of plan nodes above the aims. This reads them once with
 * ent_list() (so the reader's permissions apply) into the plain arrays of
 * analysis/portfolio.h. Strings point into the lists kept in `hold`.
 */
#ifndef WM_PFDATA_H
#define WM_PFDATA_H

#include "base/wm.h"

#include <jansson.h>

#include "analysis/portfolio.h"
#include "base/err.h"
#include "base/map.h"
#include "model/ctx.h"

struct pf_node {
	const char *key;	/* "TTSC/G1.A1" */
	const char *title;
	const char *kind;	/* "goal", "aim", ... */
	const char *plan;
	const char *text;	/* title and description together */
	long parent;		/* index, or -1 */
};

struct pfdata {
	json_t *hold;
	char year[12];		/* "2004/05", or "" for every year */
	const char *plan;	/* as asked, or NULL */
	struct pf_node *nodes;	/* every node of every plan */
	size_t nnodes;
	struct strmap node_index;
	struct pf_aim *aims;	/* aims of the plan, and whatever node a project serves there */
	long *aim_node;		/* each aim's index in nodes */
	size_t naims;
	struct pf_project *projects;
	const json_t **project_rows;	/* each project as listed */
	double *benefit;	/* 0 when not estimated */
	bool *has_benefit;
	double *cost;		/* in the year, or over all years */
	bool *has_cost;		/* has a cost line (in the year) */
	const json_t **last_report;	/* the manager's latest exception report, or NULL */
	size_t nprojects;
	struct strmap project_index;
	struct pf_contrib *contribs;	/* those to the aims above */
	size_t ncontribs;
};

/*
 * Read it all; plan and year (a financial year, "2004/05") may be NULL.
 * WM_EINVAL for a plan that does not exist or a year that is not one.
 */
int pfdata_load(struct wm_ctx *ctx, const char *plan, const char *year, struct pfdata *d,
    struct wm_err *err);
void pfdata_release(struct pfdata *d);

/* The key of the plan a person named (by key, title or alias); WM_ENOTFOUND if none. */
int pfdata_plan_key(struct wm_ctx *ctx, const char *name, char *key, size_t size,
    struct wm_err *err);

/* A node's index by key, or -1. */
long pfdata_node(const struct pfdata *d, const char *key);
/* The goal a node comes under: itself or its nearest goal above, else the top of its tree. */
long pfdata_goal(const struct pfdata *d, long node);

#endif
