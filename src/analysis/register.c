/*
 * register.c: the rules of the recommendation register (see register.h).
 */
#include "base/wm.h"

#include <jansson.h>

#include "analysis/register.h"
#include "base/date.h"

/* overdue and not complete is never green: what audit committees use */
const struct rag_rules rag_rules_default = { 25, 75, 100 };

int
rag_rules_parse(const char *text, struct rag_rules *out, struct wm_err *err)
{
	static const char *const names[] = { "red_upto", "amber_upto", "overdue_red_below" };
	double *slots[] = { &out->red_upto, &out->amber_upto, &out->overdue_red_below };
	json_error_t jerr;
	json_t *j;

	*out = rag_rules_default;
	if (text == NULL)
		return 0;
	if ((j = json_loads(text, 0, &jerr)) == NULL || !json_is_object(j)) {
		json_decref(j);
		return wm_error(err, WM_EINVAL, "setting recommendations.rag: not a JSON object "
		    "like {\"red_upto\": 25, \"amber_upto\": 75, \"overdue_red_below\": 50}");
	}
	for (size_t i = 0; i < WM_ARRAY_LEN(names); i++) {
		json_t *v = json_object_get(j, names[i]);

		if (v == NULL)
			continue;
		if (!json_is_number(v) || json_number_value(v) < 0 || json_number_value(v) > 100) {
			json_decref(j);
			return wm_error(err, WM_EINVAL, "setting recommendations.rag: %s must be a "
			    "percentage from 0 to 100", names[i]);
		}
		*slots[i] = json_number_value(v);
	}
	json_decref(j);
	if (out->red_upto > out->amber_upto)
		return wm_error(err, WM_EINVAL, "setting recommendations.rag: red_upto (%g) is above "
		    "amber_upto (%g)", out->red_upto, out->amber_upto);
	return 0;
}

bool
rec_overdue(const struct rec_facts *r, int as_of)
{
	return !r->closed && r->due != DATE_NONE && as_of > r->due;
}

int
rec_days_since_update(const struct rec_facts *r, int as_of)
{
	int since = r->last_update != DATE_NONE ? r->last_update : r->opened;

	return since == DATE_NONE ? -1 : as_of - since;
}

enum rec_rag
rec_rag(const struct rec_facts *r, const struct rag_rules *rules, int as_of)
{
	if (r->closed)
		return REC_RAG_CLOSED;
	if (r->percent < 0)
		return rec_overdue(r, as_of) ? REC_RAG_RED : REC_RAG_NONE;
	if (rec_overdue(r, as_of) && r->percent < rules->overdue_red_below)
		return REC_RAG_RED;
	if (r->percent <= rules->red_upto)
		return REC_RAG_RED;
	if (r->percent <= rules->amber_upto)
		return REC_RAG_AMBER;
	return REC_RAG_GREEN;
}

const char *
rec_rag_name(enum rec_rag rag)
{
	switch (rag) {
	case REC_RAG_RED: return "red";
	case REC_RAG_AMBER: return "amber";
	case REC_RAG_GREEN: return "green";
	case REC_RAG_CLOSED: return "closed";
	default: return "none";
	}
}

/* How long it has been waiting: days overdue if overdue, else days since it was last touched. */
static int
age(const struct rec_facts *r, int as_of)
{
	if (rec_overdue(r, as_of))
		return 100000 + (as_of - r->due);
	return rec_days_since_update(r, as_of);
}

int
rec_chase_cmp(const struct rec_facts *a, const struct rec_facts *b, int as_of)
{
	int sa = a->statutory == 1, sb = b->statutory == 1;

	if (sa != sb)
		return sb - sa;
	if (a->priority != b->priority)
		return b->priority - a->priority;
	if (age(a, as_of) != age(b, as_of))
		return age(b, as_of) > age(a, as_of) ? 1 : -1;
	return strcmp(a->key ? a->key : "", b->key ? b->key : "");
}
