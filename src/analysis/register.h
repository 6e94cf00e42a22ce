/*
 * register.h: the rules of the recommendation register.
 *
 * Pure functions over plain facts about a recommendation: is it overdue,
 * how stale is it, what is its RAG status under the rules the body sets,
 * and in what order should a list of them be chased. No database here:
 * model/rec.c gathers the facts, reports and pages show the answers.
 */
#ifndef WM_REGISTER_H
#define WM_REGISTER_H

#include "base/wm.h"

#include "base/err.h"

struct rec_facts {
	const char *key;	/* "DA2002/R13", for ties */
	int due;		/* latest target date (day number) or DATE_NONE */
	bool closed;		/* completely met or withdrawn */
	double percent;		/* percent complete, or -1 when nothing says */
	int last_update;	/* date of the latest progress update, or DATE_NONE */
	int opened;		/* the source's date, or DATE_NONE: for age */
	int statutory;		/* 1, 0 or -1 (not stated) */
	int priority;		/* 1-3, 0 when not given */
};

/*
 * The body's RAG rules: up to red_upto percent complete is red, up to
 * amber_upto amber, above that green; and anything past its date with
 * less than overdue_red_below percent done is red whatever the above says.
 */
struct rag_rules {
	double red_upto;
	double amber_upto;
	double overdue_red_below;
};

enum rec_rag {
	REC_RAG_NONE,	/* nothing says how far it has got */
	REC_RAG_RED,
	REC_RAG_AMBER,
	REC_RAG_GREEN,
	REC_RAG_CLOSED
};

extern const struct rag_rules rag_rules_default;	/* 25, 75, 100 */

/*
 * Read rules from the JSON text a body keeps in the setting
 * "recommendations.rag": {"red_upto": 25, "amber_upto": 75,
 * "overdue_red_below": 100}; members left out keep the default.
 */
int rag_rules_parse(const char *json, struct rag_rules *out, struct wm_err *err);

bool rec_overdue(const struct rec_facts *r, int as_of);
/* Days since the latest update (or since it was opened, if never updated); -1 if unknown. */
int rec_days_since_update(const struct rec_facts *r, int as_of);
enum rec_rag rec_rag(const struct rec_facts *r, const struct rag_rules *rules, int as_of);
const char *rec_rag_name(enum rec_rag rag);

/* Order for chasing: statutory first, then higher priority, then the longest overdue or oldest. */
int rec_chase_cmp(const struct rec_facts *a, const struct rec_facts *b, int as_of);

#endif
