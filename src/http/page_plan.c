/*
 * page_plan.c: the dashboard: the plans' goals, how their indicators
 * stand (from the scorecard), and what needs attention now (the framework
 * itself is page_framework.c's).
 *
 * Committees, projects, the timetable and themes are reports shown as
 * pages (the route table in pages.c); this one lays out the records
 * themselves, as tables built with rdoc so they print like the reports do.
 */
#include "base/wm.h"

#include "base/date.h"
#include "base/mem.h"
#include "http/page.h"
#include "http/pages.h"
#include "model/ent.h"
#include "report/reports.h"

static int
date_cmp_desc(const void *a, const void *b)
{
	const json_t *x = *(const json_t *const *)a, *y = *(const json_t *const *)b;
	const char *dx = json_string_value(json_object_get(x, "date"));
	const char *dy = json_string_value(json_object_get(y, "date"));
	int c = strcmp(dy ? dy : "", dx ? dx : "");

	if (c != 0)
		return c;
	return (int)(json_integer_value(json_object_get(y, "seq")) -
	    json_integer_value(json_object_get(x, "seq")));
}

static void
rec_link(struct req *rq, struct rtable *t, const char *key)
{
	rtable_link(t, key, req_key_url(rq, "/recommendations/", key));
}

/*
 * How the indicators of each goal stand, counted from the scorecard's
 * JSON (goals[].status), each goal linking to its part of the scorecard.
 */
static void
goal_status(struct req *rq, struct rdoc *d)
{
	static const char *const cols[] = { "Goal", "Title", "Green", "Amber", "Red",
		"Not judged" };
	static const char *const judged[] = { "green", "amber", "red" };
	struct wm_err err = WM_ERR_INIT;
	struct rdoc *card = NULL;
	json_t *data;
	const json_t *goals;
	json_int_t all[4] = { 0 };
	struct rtable *t;

	rdoc_heading(d, 2, "How the indicators stand");
	if (http_run_report(rq, report_find("performance"), NULL, &card, NULL, &err) != 0) {
		rdoc_para(d, "There is no scorecard yet: %s.", err.msg);
		return;
	}
	data = rdoc_json(card);
	goals = json_object_get(data, "goals");
	t = rdoc_table(d, arena_printf(rq->a, "The scorecard as of %s, for %s",
	    pages_text(rq, data, "as_of"), pages_text(rq, data, "unit")), 6, cols);
	for (size_t c = 2; c < 6; c++)
		rtable_numeric(t, c);
	for (size_t i = 0; i < json_array_size(goals); i++) {
		const json_t *g = json_array_get(goals, i), *st = json_object_get(g, "status"), *v;
		const char *key;
		json_int_t n[4] = { 0 };

		json_object_foreach((json_t *)st, key, v) {
			size_t k = 0;

			while (k < WM_ARRAY_LEN(judged) && strcmp(key, judged[k]) != 0)
				k++;
			n[k] += json_integer_value(v);
		}
		rtable_link(t, pages_text(rq, g, "node"), arena_printf(rq->a, "/scorecard?goal=%s",
		    req_key_url(rq, "", pages_text(rq, g, "node"))));
		pages_cell(rq, t, g, "title");
		for (size_t k = 0; k < 4; k++) {
			rtable_cellf(t, "%" JSON_INTEGER_FORMAT, n[k]);
			all[k] += n[k];
		}
		rtable_end_row(t);
	}
	rtable_link(t, "All goals", "/scorecard");
	rtable_cell(t, "The whole scorecard");
	for (size_t k = 0; k < 4; k++)
		rtable_cellf(t, "%" JSON_INTEGER_FORMAT, all[k]);
	rtable_end_row(t);
	json_decref(data);
	rdoc_free(card);
}

/* The dashboard: the goals, how their indicators stand, what needs attention, the latest progress. */
void
page_home(struct req *rq, struct resp *rs)
{
	static const char *const goal_cols[] = { "Goal", "Title", "Aims", "Indicators",
		"Committee" };
	static const char *const rec_cols[] = { "Recommendation", "Subject", "Due", "Lead" };
	static const char *const ms_cols[] = { "Milestone", "What", "Due", "Status" };
	static const char *const prog_cols[] = { "Date", "Recommendation", "Degree met", "By" };
	struct wm_err err = WM_ERR_INIT;
	json_t *goals = NULL, *recs = NULL, *ms = NULL, *prog = NULL;
	struct rdoc *d = rdoc_new("Dashboard");
	struct rtable *t;
	char today[DATE_ISO_LEN];
	size_t n = 0;
	const json_t **sorted = NULL;
	if (!rq->logged_in) {
		page_public_home(rq, rs);
		goto out;
	}

	page_today(rq, today);
	if (pages_list(rq, "goals", NULL, &goals, &err) != 0 ||
	    pages_list(rq, "recommendations", pages_where("status", "open"), &recs, &err) != 0 ||
	    pages_list(rq, "milestones", NULL, &ms, &err) != 0 ||
	    pages_list(rq, "progress", NULL, &prog, &err) != 0)
		goto fail;
	rdoc_meta(d, "As of", today);
	rdoc_heading(d, 2, "Goals");
	t = rdoc_table(d, NULL, 5, goal_cols);
	rtable_numeric(t, 2);
	rtable_numeric(t, 3);
	for (size_t i = 0; i < json_array_size(goals); i++) {
		const json_t *g = json_array_get(goals, i);
		const char *key = pages_key(rq, "nodes", g);
		size_t aims = 0, pis = 0;

		if (pages_count(rq, "aims", "parent", key, &aims, &err) != 0 ||
		    pages_count(rq, "pis", "measures", key, &pis, &err) != 0)
			goto fail;
		rtable_link(t, key, "/framework");
		pages_cell(rq, t, g, "title");
		rtable_cellf(t, "%zu", aims);
		rtable_cellf(t, "%zu", pis);
		pages_cell(rq, t, g, "committee");
		rtable_end_row(t);
	}
	goal_status(rq, d);

	rdoc_heading(d, 2, "Needs attention now");
	t = rdoc_table(d, "Overdue recommendations", 4, rec_cols);
	for (size_t i = 0; i < json_array_size(recs); i++) {
		const json_t *r = json_array_get(recs, i);

		if (!pages_overdue(r))
			continue;
		n++;
		rec_link(rq, t, pages_key(rq, "recommendations", r));
		pages_cell(rq, t, r, "subject");
		rtable_tag(t, json_string_value(json_object_get(r, "due")), "red");
		pages_cell(rq, t, r, "leads");
		rtable_end_row(t);
	}
	if (n == 0)
		rdoc_para(d, "No recommendation is overdue.");
	n = 0;
	t = rdoc_table(d, "Milestones past their date and not done", 4, ms_cols);
	for (size_t i = 0; i < json_array_size(ms); i++) {
		const json_t *m = json_array_get(ms, i);
		const char *st = json_string_value(json_object_get(m, "status"));
		const char *latest = json_string_value(json_object_get(json_object_get(m,
		    "timescale"), "latest"));

		if (latest == NULL || strcmp(latest, today) >= 0 || (st != NULL &&
		    (strcmp(st, "done") == 0 || strcmp(st, "cancelled") == 0)))
			continue;
		n++;
		rtable_cell(t, pages_key(rq, "milestones", m));
		pages_cell(rq, t, m, "title");
		rtable_cell(t, latest);
		rtable_tag(t, st ? st : "planned", "red");
		rtable_end_row(t);
	}
	if (n == 0)
		rdoc_para(d, "No milestone is past its date.");

	rdoc_heading(d, 2, "Latest progress updates");
	t = rdoc_table(d, NULL, 4, prog_cols);
	sorted = calloc(json_array_size(prog) + 1, sizeof(*sorted));
	for (size_t i = 0; i < json_array_size(prog); i++)
		sorted[i] = json_array_get(prog, i);
	wm_sort(sorted, json_array_size(prog), sizeof(*sorted), date_cmp_desc);
	for (size_t i = 0; i < json_array_size(prog) && i < 8; i++) {
		pages_cell(rq, t, sorted[i], "date");
		rec_link(rq, t, pages_text(rq, sorted[i], "recommendation"));
		pages_cell(rq, t, sorted[i], "degree_met");
		pages_cell(rq, t, sorted[i], "author");
		rtable_end_row(t);
	}
	page_doc(rq, rs, "Dashboard - Waymark", "/", d);
	goto out;
fail:
	page_fail_err(rq, rs, &err);
out:
	free(sorted);
	rdoc_free(d);
	json_decref(goals);
	json_decref(recs);
	json_decref(ms);
	json_decref(prog);
}
