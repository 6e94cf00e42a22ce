/*
 * perfdata.h: what the performance analysis needs from the database, as
 * plain arrays: the unit tree, the indicators' rules, targets, and which
 * indicators a committee answers for.
 */
#ifndef WM_PERFDATA_H
#define WM_PERFDATA_H

#include "base/wm.h"

#include <jansson.h>

#include "analysis/perf.h"
#include "base/err.h"
#include "base/map.h"
#include "base/period.h"
#include "model/ctx.h"

struct arena;

struct pd_unit {
	int64_t id;
	const char *ref;
	const char *name;
};

struct pd_pi {
	int64_t id;
	const char *code;
	const char *title;
	const char *measure_unit;
	struct perf_pi rules;
	int decimals;
	int64_t committee_id;	/* 0: none */
	bool published;
	unsigned kinds;		/* 1 << period kind, for each kind it has figures in */
};

struct pd_target {
	size_t pi;	/* index in pis */
	int unit;	/* index in the tree */
	struct period period;
	double value;
	double tolerance;	/* NAN: the indicator's */
	double num, den;	/* a ratio target's counts; NAN when not given */
};

struct perfdata {
	struct arena *a;
	struct perf_tree tree;
	struct pd_unit *units;	/* tree.n of them, by tree index */
	struct pd_pi *pis;	/* in code order */
	size_t npis;
	struct intmap unit_at;	/* unit id -> tree index */
	struct intmap pi_at;	/* pi id -> index */
};

/* Load the tree and every indicator (the public only sees published ones). */
int perfdata_load(struct wm_ctx *ctx, struct perfdata *pd, struct wm_err *err);
void perfdata_release(struct perfdata *pd);

/* A unit or indicator by key (with the usual suggestions): its index. */
int perfdata_unit(struct wm_ctx *ctx, const struct perfdata *pd, const char *key, int *index,
    struct wm_err *err);
int perfdata_pi(struct wm_ctx *ctx, const struct perfdata *pd, const char *key, size_t *index,
    struct wm_err *err);

/* The unit with the most targets, the shallowest on a tie: where the corporate view is. */
int perfdata_main_unit(struct wm_ctx *ctx, const struct perfdata *pd, int *index,
    struct wm_err *err);

/* The latest period any indicator has figures for (the shortest kind held). */
int perfdata_latest(struct wm_ctx *ctx, struct period *out, bool *any, struct wm_err *err);

/*
 * Targets for the given periods (texts), or every target when nperiods is
 * 0. *out is allocated from the perfdata's arena.
 */
int perfdata_targets(struct wm_ctx *ctx, const struct perfdata *pd, const char *const *periods,
    size_t nperiods, struct pd_target **out, size_t *n, struct wm_err *err);

/*
 * Mark (mask[pi] = true) the indicators a committee answers for: its own,
 * those measuring plan nodes it is accountable for or that sit under one,
 * and those of the committees that report to it.
 */
int perfdata_committee_pis(struct wm_ctx *ctx, const struct perfdata *pd, const char *committee,
    bool *mask, struct wm_err *err);

/*
 * The owners' commentary on the indicators, as an object "CODE/PERIOD" ->
 * {"why", "action", "by_whom", "by_when", "author", "at"}; empty for the
 * public, who may not read it.
 */
int perfdata_commentary(struct wm_ctx *ctx, json_t **out, struct wm_err *err);

/* A node of a plan: a goal, aim, outcome, priority, key action or objective. */
struct pd_node {
	int64_t id;
	const char *key;	/* PLAN/REF, as the user writes it */
	const char *ref;
	const char *kind;
	const char *title;
	int plan;		/* index in plans */
	int parent;		/* index in nodes, or -1 */
	bool underpins;		/* a link makes it underpin a higher plan's node */
};

struct pd_plan {
	int64_t id;
	const char *ref;
	const char *title;
	bool lower;		/* it cascades from another plan */
	int unit;		/* index in the tree, or -1 */
};

struct pd_measure { size_t pi; size_t node; };
struct pd_basket { size_t pi, member; double weight; };

/* The plans, their nodes in tree order, and which indicators measure what. */
struct pd_plans {
	struct pd_plan *plans;
	size_t nplans;
	struct pd_node *nodes;	/* by plan, then parents before children, in sequence */
	size_t nnodes;
	struct pd_measure *measures;
	size_t nmeasures;
	struct pd_basket *baskets;
	size_t nbaskets;
};

/* Load them into pd's arena (the public sees only what is published). */
int perfdata_plans(struct wm_ctx *ctx, const struct perfdata *pd, struct pd_plans *out,
    struct wm_err *err);

#endif
