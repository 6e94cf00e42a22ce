/*
 * page_project.c: the projects, and a page for each.
 *
 *   GET /projects?status=&unit=&committee=&q=&sort=   every project (list.h)
 *   GET /projects/REF                                 one: what it is, who manages it,
 *                                                     the aims it serves, its costs and
 *                                                     its exception reports
 *
 * The portfolio analysis (gaps, overlaps) is a report of its own, linked
 * from the list. A project's costs, the aims it serves and its reports
 * are records of their own kinds, added from here with their forms.
 */
#include "base/wm.h"

#include <math.h>

#include "http/form.h"
#include "http/list.h"
#include "http/page.h"
#include "http/pages.h"
#include "model/ent.h"
#include "report/pounds.h"

/* A project's status as a tag: proposed blue, under way green, ended grey. */
static const char *
status_colour(const char *st)
{
	if (st == NULL)
		return NULL;
	if (strcmp(st, "commissioned") == 0 || strcmp(st, "running") == 0)
		return "green";
	if (strcmp(st, "closed") == 0 || strcmp(st, "decommissioned") == 0)
		return "grey";
	return "blue";
}

void
page_projects(struct req *rq, struct resp *rs)
{
	static const struct list_col cols[] = { { "title", "Project", 0 }, { "ref", "Ref", 0 },
		{ "unit", "Proposed by", 0 }, { "manager", "Manager", 0 },
		{ "committee", "Committee", 0 }, { "status", "Status", 0 },
		{ "benefit", "Benefit", LC_NUM }, { "cost", "Cost", LC_NUM } };
	static const char *const filters[] = { "status", "unit", "committee", NULL };
	const struct kind *k = kind_find("projects");
	const struct field *status = kind_field(k, "status");
	struct wm_err err = WM_ERR_INIT;
	struct pages_names units = { 0 }, posts = { 0 }, committees = { 0 };
	json_t *rows = NULL;
	struct list *l;
	struct page p;

	if (pages_list(rq, "projects", list_where(rq, filters), &rows, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	pages_names_load(rq, &units, "units");
	pages_names_load(rq, &posts, "posts");
	pages_names_load(rq, &committees, "committees");
	l = list_new(rq, "Projects", "projects", WM_ARRAY_LEN(cols), cols);
	list_nouns(l, "project", "projects");
	for (size_t i = 0; i < json_array_size(rows); i++) {
		const json_t *r = json_array_get(rows, i), *cost = json_object_get(r, "cost");
		const json_t *benefit = json_object_get(r, "benefit");
		const char *ref = pages_text(rq, r, "ref");
		const char *st = json_string_value(json_object_get(r, "status"));

		list_text(l, pages_text(rq, r, "title"), pages_record_url(rq, "projects", ref));
		list_text(l, ref, NULL);
		list_text(l, pages_names_get(&units, json_string_value(json_object_get(r, "unit"))),
		    NULL);
		list_text(l, pages_names_get(&posts, json_string_value(json_object_get(r, "manager"))),
		    NULL);
		list_text(l, pages_names_get(&committees, json_string_value(json_object_get(r,
		    "committee"))), NULL);
		list_tag(l, form_value_text(rq, status, json_object_get(r, "status")),
		    status_colour(st));
		list_num(l, json_is_number(benefit) ? json_number_value(benefit) : NAN, NUM_SHORTEST,
		    NULL);
		list_pounds(l, json_is_number(cost) ? json_number_value(cost) : NAN);
		list_end_row(l);
	}
	if (list_prepare(l, rs))
		goto out;
	page_begin(&p, rq, rs, "Projects - Waymark", "/projects");
	html_elem(&p.h, "h1", "Projects", "class", "govuk-heading-l", NULL);
	html_open(&p.h, "p", "class", "govuk-body", NULL);
	html_text(&p.h, "The projects proposed, commissioned and running, and what they cost. ");
	html_elem(&p.h, "a", "The portfolio", "class", "govuk-link", "href", "/reports/portfolio",
	    NULL);
	html_text(&p.h, " sets them against the aims they serve: gaps and overlaps. ");
	html_elem(&p.h, "a", "Money", "class", "govuk-link", "href", "/reports/money", NULL);
	html_text(&p.h, " shows budgets and capital bids.");
	html_close(&p.h, "p");
	page_record_add_link(&p, k, NULL, NULL);
	list_filter_begin(&p, l, "/projects");
	list_filter_select(&p, "status", "Status", form_enum_choices(rq, status));
	list_filter_select(&p, "unit", "Proposed by", json_incref(units.choices));
	list_filter_select(&p, "committee", "Committee", json_incref(committees.choices));
	list_filter_end(&p, l);
	list_write(&p, l);
	page_end(&p);
out:
	pages_names_release(&units);
	pages_names_release(&posts);
	pages_names_release(&committees);
	json_decref(rows);
}

/* A summary row naming a record by its name, linking to it (or not, when href is false). */
static void
row_ref(struct page *p, const char *label, const json_t *rec, const char *field,
    const char *kind, bool link)
{
	const char *key = json_string_value(json_object_get(rec, field));

	if (key == NULL)
		return;
	html_open(&p->h, "div", "class", "govuk-summary-list__row", NULL);
	html_elem(&p->h, "dt", label, "class", "govuk-summary-list__key", NULL);
	html_open(&p->h, "dd", "class", "govuk-summary-list__value", NULL);
	if (link)
		html_elem(&p->h, "a", pages_name(p->rq, kind, key), "class", "govuk-link", "href",
		    pages_record_url(p->rq, kind, key), NULL);
	else
		html_text(&p->h, pages_name(p->rq, kind, key));
	html_close(&p->h, "dd");
	html_close(&p->h, "div");
}

/* A section of the project's records of kind: a table, and the button to add one. */
static void
section(struct page *p, const char *key, const char *kind, const char *heading,
    const char *none, void (*rows)(struct page *, struct rtable *, const json_t *),
    size_t ncols, const char *const *cols)
{
	struct req *rq = p->rq;
	struct wm_err err = WM_ERR_INIT;
	json_t *recs = NULL, *dflt = json_pack("{s:s}", "project", key);

	html_elem(&p->h, "h2", heading, "class", "govuk-heading-m", NULL);
	if (pages_list(rq, kind, pages_where("project", key), &recs, &err) != 0) {
		html_elem(&p->h, "p", err.msg, "class", "govuk-body", NULL);
	} else if (json_array_size(recs) == 0) {
		html_elem(&p->h, "p", none, "class", "govuk-body", NULL);
	} else {
		struct rdoc *d = rdoc_new(heading);
		struct rtable *t = rdoc_table(d, NULL, ncols, cols);

		rows(p, t, recs);
		page_rdoc_untitled(p, d);
		rdoc_free(d);
	}
	page_record_add_link(p, kind_find(kind), dflt, pages_record_url(rq, "projects", key));
	json_decref(recs);
	json_decref(dflt);
}

static void
aim_rows(struct page *p, struct rtable *t, const json_t *recs)
{
	struct req *rq = p->rq;

	rtable_numeric(t, 1);
	for (size_t i = 0; i < json_array_size(recs); i++) {
		const json_t *c = json_array_get(recs, i), *w = json_object_get(c, "weight");
		const char *aim = pages_text(rq, c, "aim");

		rtable_link(t, arena_printf(rq->a, "%s: %s", aim, pages_name(rq, "nodes", aim)),
		    pages_record_url(rq, "nodes", aim));
		if (json_is_number(w))
			rtable_num(t, json_number_value(w), NUM_SHORTEST, NULL);
		else
			rtable_cell(t, "");
		pages_cell(rq, t, c, "note");
		rtable_end_row(t);
	}
}

static void
cost_rows(struct page *p, struct rtable *t, const json_t *recs)
{
	rtable_numeric(t, 1);
	rtable_numeric(t, 2);
	for (size_t i = 0; i < json_array_size(recs); i++) {
		const json_t *c = json_array_get(recs, i);
		const json_t *once = json_object_get(c, "one_off"), *each = json_object_get(c, "recurring");

		pages_cell(p->rq, t, c, "year");
		if (json_is_number(once))
			rtable_pounds(t, json_number_value(once));
		else
			rtable_cell(t, "");
		if (json_is_number(each))
			rtable_pounds(t, json_number_value(each));
		else
			rtable_cell(t, "");
		rtable_end_row(t);
	}
}

static void
report_rows(struct page *p, struct rtable *t, const json_t *recs)
{
	struct req *rq = p->rq;

	/* the newest first */
	for (size_t i = json_array_size(recs); i > 0; i--) {
		const json_t *r = json_array_get(recs, i - 1);
		const char *rag = json_string_value(json_object_get(r, "rag"));

		rtable_cell(t, form_date_text(rq, json_string_value(json_object_get(r, "date"))));
		if (rag != NULL)
			rtable_tag(t, form_choice_text(rq, rag), rag);
		else
			rtable_cell(t, "");
		pages_cell(rq, t, r, "text");
		rtable_end_row(t);
	}
}

void
page_project(struct req *rq, struct resp *rs, const char *key)
{
	static const char *const aim_cols[] = { "Aim", "How much it serves it (0 to 1)", "How" };
	static const char *const cost_cols[] = { "Financial year", "One-off", "Recurring" };
	static const char *const report_cols[] = { "Date", "Status", "Exception" };
	const struct kind *k = kind_find("projects");
	struct wm_err err = WM_ERR_INIT;
	json_t *pj = NULL;
	const char *saved = req_query(rq, "saved"), *st;
	struct page p;

	if (ent_get(&rq->ctx, k, key, &pj, &err) != 0) {
		page_fail_err(rq, rs, &err);
		return;
	}
	key = pages_key(rq, "projects", pj);
	st = json_string_value(json_object_get(pj, "status"));
	page_begin(&p, rq, rs, arena_printf(rq->a, "%s - Waymark", pages_text(rq, pj, "title")),
	    "/projects");
	html_elem(&p.h, "span", arena_printf(rq->a, "Project %s", key), "class", "govuk-caption-l",
	    NULL);
	html_elem(&p.h, "h1", pages_text(rq, pj, "title"), "class", "govuk-heading-l", NULL);
	if (saved != NULL)
		page_saved(&p, k, saved);
	if (st != NULL) {
		html_open(&p.h, "p", "class", "govuk-body", NULL);
		html_elem(&p.h, "strong", form_choice_text(rq, st), "class", arena_printf(rq->a,
		    "govuk-tag govuk-tag--%s", status_colour(st)), NULL);
		html_close(&p.h, "p");
	}
	if (*pages_text(rq, pj, "description") != '\0')
		page_md(&p, pages_text(rq, pj, "description"));
	html_open(&p.h, "dl", "class", "govuk-summary-list", NULL);
	row_ref(&p, "Proposed by", pj, "unit", "units", true);
	row_ref(&p, "Manager", pj, "manager", "posts", false);
	row_ref(&p, "Committee", pj, "committee", "committees", true);
	page_summary_row(&p, "Starts", form_date_text(rq, json_string_value(json_object_get(pj,
	    "start_date"))));
	page_summary_row(&p, "Ends", form_date_text(rq, json_string_value(json_object_get(pj,
	    "end_date"))));
	page_summary_row(&p, "Benefit score", pages_text(rq, pj, "benefit"));
	page_summary_row(&p, "How the benefit was estimated", pages_text(rq, pj, "benefit_basis"));
	if (json_is_number(json_object_get(pj, "cost"))) {
		char c[POUNDS_LEN];

		pounds_format(json_number_value(json_object_get(pj, "cost")), c, sizeof(c));
		page_summary_row(&p, "Cost, every year", c);
	}
	html_close(&p.h, "dl");
	page_record_actions(&p, k, pj);
	section(&p, key, "contributions", "Aims it serves", "It serves no aim yet.", aim_rows,
	    WM_ARRAY_LEN(aim_cols), aim_cols);
	section(&p, key, "costs", "Costs", "It has no costs yet.", cost_rows,
	    WM_ARRAY_LEN(cost_cols), cost_cols);
	section(&p, key, "project_reports", "Exception reports", "Its manager has reported no "
	    "exception.", report_rows, WM_ARRAY_LEN(report_cols), report_cols);
	page_end(&p);
	json_decref(pj);
}
