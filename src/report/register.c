/*
 * register.c: the recommendation register's papers: what to chase, by lead
 * officer, and a source's progress summary as a committee receives it.
 *
 * Both read the register through the model (ent_list), which already says
 * where each recommendation stands as of the context's clock; the order of
 * chasing comes from analysis/register.h.
 */
#include "base/wm.h"

#include "analysis/register.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
#include "model/ent.h"
#include "report/register.h"

static int
load(struct wm_ctx *ctx, const char *source, json_t **recs, struct wm_err *err)
{
	struct ent_query q = { 0 };
	json_t *where = source ? json_pack("{s:s}", "source", source) : NULL;
	int rc;

	q.where = where;
	rc = ent_list(ctx, kind_find("recommendations"), &q, recs, err);
	json_decref(where);
	return rc;
}

static int
date_of(const json_t *rec, const char *field)
{
	const char *s = json_string_value(json_object_get(rec, field));
	int d = DATE_NONE;

	if (s != NULL)
		date_parse_iso(s, &d);
	return d;
}

static void
facts_of(const json_t *rec, struct rec_facts *f)
{
	const json_t *stat = json_object_get(rec, "statutory");

	f->key = NULL;
	f->due = date_of(rec, "due");
	f->closed = strcmp(json_string_value(json_object_get(rec, "status")), "open") != 0;
	f->percent = json_is_number(json_object_get(rec, "percent")) ?
	    json_number_value(json_object_get(rec, "percent")) : -1;
	f->last_update = date_of(rec, "last_update");
	f->opened = DATE_NONE;
	f->statutory = json_is_true(stat) ? 1 : json_is_false(stat) ? 0 : -1;
	f->priority = (int)json_integer_value(json_object_get(rec, "priority"));
}

struct chase_item {
	const json_t *rec;
	struct rec_facts f;
	int as_of;	/* qsort gives the comparison no context, so each item carries it */
	char key[128];
};

static int
chase_cmp(const void *a, const void *b)
{
	const struct chase_item *x = a, *y = b;

	return rec_chase_cmp(&x->f, &y->f, x->as_of);
}

static const char *
yes_no(const json_t *v)
{
	return json_is_true(v) ? "yes" : json_is_false(v) ? "no" : "";
}

int
report_chase(struct wm_ctx *ctx, int as_of, int stale_days, struct rdoc **out, struct wm_err *err)
{
	static const char *const cols[] = { "Recommendation", "Subject", "Statutory", "Priority",
		"Due", "Days overdue", "Last update", "Degree met", "RAG", "Why" };
	struct wm_ctx at = *ctx;
	struct chase_item *items = NULL;
	json_t *recs = NULL, *rec, *data = json_object(), *leads = json_object(), *by_lead;
	char d[DATE_ISO_LEN];
	struct buf href = BUF_INIT;	/* a recommendation's page, on the web */
	size_t n = 0, i;
	struct rdoc *doc;
	int rc;

	*out = NULL;
	at.now = (time_t)as_of * 86400 + 43200;
	if ((rc = load(&at, NULL, &recs, err)) != 0)
		goto out;
	items = wm_calloc(json_array_size(recs) + 1, sizeof(*items));
	json_array_foreach(recs, i, rec) {
		struct chase_item *it = &items[n];
		bool overdue = json_is_true(json_object_get(rec, "overdue"));
		json_int_t since = json_integer_value(json_object_get(rec, "days_since_update"));

		if (strcmp(json_string_value(json_object_get(rec, "status")), "open") != 0)
			continue;
		if (!overdue && !(json_is_integer(json_object_get(rec, "days_since_update")) &&
		    since > stale_days) && json_object_get(rec, "last_update") != NULL &&
		    !json_is_null(json_object_get(rec, "last_update")))
			continue;
		if (!overdue && json_is_null(json_object_get(rec, "last_update")) &&
		    date_of(rec, "due") == DATE_NONE)
			continue;
		it->rec = rec;
		it->as_of = as_of;
		facts_of(rec, &it->f);
		snprintf(it->key, sizeof(it->key), "%s/%s",
		    json_string_value(json_object_get(rec, "source")),
		    json_string_value(json_object_get(rec, "ref")));
		it->f.key = it->key;
		n++;
	}
	wm_sort(items, n, sizeof(*items), chase_cmp);

	doc = rdoc_new("Recommendations to chase");
	date_format_iso(as_of, d);
	rdoc_meta(doc, "As of", d);
	{
		char stale[64];

		snprintf(stale, sizeof(stale), "%d days without an update", stale_days);
		rdoc_meta(doc, "Stale after", stale);
	}
	json_object_set_new(data, "as_of", json_string(d));
	json_object_set_new(data, "stale_days", json_integer(stale_days));
	json_object_set_new(data, "count", json_integer((json_int_t)n));
	if (n == 0)
		rdoc_para(doc, "Nothing to chase: no open recommendation is overdue or without an "
		    "update for %d days.", stale_days);
	else
		rdoc_para(doc, "%zu open recommendation%s overdue or without an update for %d days, "
		    "by lead officer; statutory ones first, then by priority, then the longest waiting.",
		    n, n == 1 ? " is" : "s are", stale_days);
	/* one section per lead post, in the order their first item is chased */
	for (i = 0; i < n; i++) {
		json_t *ls = json_object_get(items[i].rec, "leads"), *l;
		size_t k;

		if (json_array_size(ls) == 0) {
			if (json_object_get(leads, "(no lead named)") == NULL)
				json_object_set_new(leads, "(no lead named)", json_array());
			json_array_append_new(json_object_get(leads, "(no lead named)"),
			    json_integer((json_int_t)i));
		}
		json_array_foreach(ls, k, l) {
			const char *name = json_string_value(l);

			if (json_object_get(leads, name) == NULL)
				json_object_set_new(leads, name, json_array());
			json_array_append_new(json_object_get(leads, name), json_integer((json_int_t)i));
		}
	}
	by_lead = json_array();
	{
		const char *lead;
		json_t *idx;

		json_object_foreach(leads, lead, idx) {
			struct rtable *t;
			json_t *list = json_array(), *v;
			size_t k;

			rdoc_heading(doc, 2, lead);
			t = rdoc_table(doc, NULL, WM_ARRAY_LEN(cols), cols);
			rtable_numeric(t, 5);
			json_array_foreach(idx, k, v) {
				struct chase_item *it = &items[json_integer_value(v)];
				const json_t *r = it->rec;
				bool overdue = json_is_true(json_object_get(r, "overdue"));
				const char *why = overdue ? "overdue" : "no recent update";
				json_t *pri = json_object_get(r, "priority");

				buf_reset(&href);
				buf_adds(&href, "/recommendations/");
				buf_add_url_escaped(&href, it->key, true);
				rtable_link(t, it->key, buf_str(&href));
				rtable_cell(t, json_string_value(json_object_get(r, "subject")));
				rtable_cell(t, yes_no(json_object_get(r, "statutory")));
				if (json_is_integer(pri))
					rtable_cellf(t, "%lld", (long long)json_integer_value(pri));
				else
					rtable_cell(t, "");
				rtable_cell(t, json_string_value(json_object_get(r, "due")));
				if (overdue)
					rtable_cellf(t, "%lld", (long long)json_integer_value(
					    json_object_get(r, "days_overdue")));
				else
					rtable_cell(t, "");
				rtable_cell(t, json_string_value(json_object_get(r, "last_update")));
				rtable_cell(t, json_string_value(json_object_get(r, "degree_met")));
				rtable_tag(t, json_string_value(json_object_get(r, "rag")),
				    json_string_value(json_object_get(r, "rag")));
				rtable_cell(t, why);
				rtable_end_row(t);
				json_array_append_new(list, json_pack("{s:s, s:s, s:O, s:O, s:O, s:O, s:O, "
				    "s:O, s:O, s:O, s:O, s:s}", "source", json_string_value(json_object_get(r,
				    "source")), "ref", json_string_value(json_object_get(r, "ref")),
				    "subject", json_object_get(r, "subject"), "statutory",
				    json_object_get(r, "statutory"), "priority", pri, "due",
				    json_object_get(r, "due"), "days_overdue", json_object_get(r,
				    "days_overdue"), "last_update", json_object_get(r, "last_update"),
				    "days_since_update", json_object_get(r, "days_since_update"),
				    "degree_met", json_object_get(r, "degree_met"), "rag",
				    json_object_get(r, "rag"), "why", why));
			}
			json_array_append_new(by_lead, json_pack("{s:s, s:o}", "lead", lead, "items",
			    list));
		}
	}
	json_object_set_new(data, "leads", by_lead);
	rdoc_set_data(doc, data);
	data = NULL;
	*out = doc;
out:
	buf_release(&href);
	free(items);
	json_decref(recs);
	json_decref(leads);
	json_decref(data);
	return rc;
}

/* "partially" -> "Partially" */
static const char *
capital(char *buf, size_t len, const char *s)
{
	snprintf(buf, len, "%s", s);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}

int
report_progress(struct wm_ctx *ctx, const char *source, struct rdoc **out, struct wm_err *err)
{
	static const char *const cols[] = { "No", "Subject", "Lead", "Timescale", "Recommendation",
		"Progress update and degree met" };
	json_t *src = NULL, *recs = NULL, *rec, *grades = json_object(), *data = NULL, *list;
	struct rdoc *doc = NULL;
	struct rtable *t;
	char line[512], buf[64];
	size_t i;
	int latest = DATE_NONE, rc;

	*out = NULL;
	if ((rc = ent_get(ctx, kind_find("sources"), source, &src, err)) != 0)
		goto out;
	if ((rc = load(ctx, json_string_value(json_object_get(src, "ref")), &recs, err)) != 0)
		goto out;
	doc = rdoc_new(json_string_value(json_object_get(src, "title")));
	rdoc_meta(doc, "Source", json_string_value(json_object_get(src, "ref")));
	t = rdoc_table(doc, "Action plan progress summary", WM_ARRAY_LEN(cols), cols);
	list = json_array();
	json_array_foreach(recs, i, rec) {
		const json_t *hist = json_object_get(rec, "progress");
		const json_t *last = json_array_get(hist, json_array_size(hist) - 1);
		const char *degree = json_string_value(json_object_get(rec, "degree_met"));
		const char *stat = json_is_true(json_object_get(rec, "statutory")) ? " (statutory)" :
		    json_is_false(json_object_get(rec, "statutory")) ? " (non-statutory)" : "";
		struct buf leads = BUF_INIT;
		size_t k;
		json_t *l;
		int d = date_of(last, "date");

		if (d != DATE_NONE && (latest == DATE_NONE || d > latest))
			latest = d;
		json_array_foreach(json_object_get(rec, "leads"), k, l)
			buf_addf(&leads, "%s%s", k ? "/ " : "", json_string_value(l));
		rtable_cell(t, json_string_value(json_object_get(rec, "ref")));
		snprintf(line, sizeof(line), "%s%s", json_string_value(json_object_get(rec, "subject")) ?
		    json_string_value(json_object_get(rec, "subject")) : "", stat);
		rtable_cell(t, line);
		rtable_cell(t, buf_str(&leads));
		rtable_cell(t, json_string_value(json_object_get(json_object_get(rec, "timescale"),
		    "text")));
		rtable_cell(t, json_string_value(json_object_get(rec, "text")));
		rtable_cellf(t, "%s%sRecommendation met: %s",
		    last ? json_string_value(json_object_get(last, "text")) : "", last ? " " : "",
		    degree ? degree : "not graded");
		rtable_end_row(t);
		buf_release(&leads);
		json_object_set_new(grades, degree ? degree : "not graded", json_integer(1 +
		    json_integer_value(json_object_get(grades, degree ? degree : "not graded"))));
		json_array_append_new(list, json_pack("{s:O, s:O, s:O, s:O, s:O, s:O, s:O, s:O}",
		    "ref", json_object_get(rec, "ref"), "subject", json_object_get(rec, "subject"),
		    "statutory", json_object_get(rec, "statutory"), "leads", json_object_get(rec, "leads"),
		    "timescale", json_object_get(rec, "timescale"), "text", json_object_get(rec, "text"),
		    "progress", last ? (json_t *)json_object_get(last, "text") : json_null(),
		    "degree_met", json_object_get(rec, "degree_met")));
	}
	if (latest != DATE_NONE) {
		date_format_iso(latest, buf);
		rdoc_meta(doc, "Latest update", buf);
	}
	{
		/* "Completely met: 6; significantly: 4; ..." in the scale's order */
		static const char *const order[] = { "completely", "significantly", "moderately",
			"partially", "not met" };
		char summary[512] = "";
		const char *g;
		json_t *n;
		bool first = true;

		for (size_t k = 0; k < WM_ARRAY_LEN(order); k++) {
			json_t *v = json_object_get(grades, order[k]);

			if (v == NULL)
				continue;
			snprintf(summary + strlen(summary), sizeof(summary) - strlen(summary),
			    "%s%s: %lld", first ? "" : "; ", capital(buf, sizeof(buf), order[k]),
			    (long long)json_integer_value(v));
			first = false;
		}
		json_object_foreach(grades, g, n) {
			bool known = false;

			for (size_t k = 0; k < WM_ARRAY_LEN(order); k++)
				known = known || strcmp(order[k], g) == 0;
			if (!known) {
				snprintf(summary + strlen(summary), sizeof(summary) - strlen(summary),
				    "%s%s: %lld", first ? "" : "; ", capital(buf, sizeof(buf), g),
				    (long long)json_integer_value(n));
				first = false;
			}
		}
		rdoc_para(doc, "%zu recommendations. Degree met: %s.", json_array_size(recs),
		    first ? "none graded" : summary);
	}
	data = json_pack("{s:O, s:O, s:o, s:O}", "source", json_object_get(src, "ref"), "title",
	    json_object_get(src, "title"), "recommendations", list, "summary", grades);
	rdoc_set_data(doc, data);
	*out = doc;
	doc = NULL;
out:
	rdoc_free(doc);
	json_decref(src);
	json_decref(recs);
	json_decref(grades);
	return rc;
}
