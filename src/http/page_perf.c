/*
 * page_perf.c: the performance pages: the indicators, one indicator's
 * page, the forms above the exception report and the scorecard, and the
 * reports as pages.
 *
 * The exception report and the scorecard are reports (`waymark report
 * exceptions`, `performance`) that pages.c shows with the page's query
 * parameters as their options (?as_of=2005-03&committee=PRC); the forms
 * here only choose those parameters, with GET, so they work without
 * script and the address can be kept or shared. An indicator's page
 * shows `waymark report trend` inside its own document.
 */
#include "base/wm.h"

#include "http/page.h"
#include "http/form.h"
#include "http/list.h"
#include "http/pages.h"
#include "model/authz.h"
#include "model/ent.h"
#include "report/reports.h"

/* The indicators: searched, sorted, filtered by committee, owner, frequency and polarity. */
void
page_pis(struct req *rq, struct resp *rs)
{
	static const struct list_col cols[] = { { "code", "Code", 0 }, { "title", "Title", 0 },
		{ "measure_unit", "Measured in", 0 }, { "polarity", "Better when", 0 },
		{ "frequency", "Frequency", 0 }, { "committee", "Committee", 0 },
		{ "owner", "Owner", 0 } };
	static const char *const filters[] = { "committee", "owner", "frequency", "polarity",
		NULL };
	const struct kind *k = kind_find("pis");
	struct wm_err err = WM_ERR_INIT;
	json_t *pis = NULL;
	struct pages_names committees = { 0 }, posts = { 0 };
	struct list *l;
	struct page p;

	if (pages_list(rq, "pis", list_where(rq, filters), &pis, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	l = list_new(rq, "Performance indicators", "indicators", WM_ARRAY_LEN(cols), cols);
	list_nouns(l, "indicator", "indicators");
	pages_names_load(rq, &committees, "committees");
	pages_names_load(rq, &posts, "posts");
	for (size_t i = 0; i < json_array_size(pis); i++) {
		const json_t *pi = json_array_get(pis, i);
		const char *code = json_string_value(json_object_get(pi, "code"));
		const char *committee = json_string_value(json_object_get(pi, "committee"));
		const char *owner = json_string_value(json_object_get(pi, "owner"));

		list_text(l, code, req_key_url(rq, "/pis/", code));
		list_text(l, pages_text(rq, pi, "title"), NULL);
		list_text(l, pages_text(rq, pi, "measure_unit"), NULL);
		list_text(l, form_value_text(rq, kind_field(k, "polarity"),
		    json_object_get(pi, "polarity")), NULL);
		list_text(l, form_value_text(rq, kind_field(k, "frequency"),
		    json_object_get(pi, "frequency")), NULL);
		list_text(l, pages_names_get(&committees, committee), committee ?
		    pages_record_url(rq, "committees", committee) : NULL);
		list_text(l, pages_names_get(&posts, owner), NULL);
		list_end_row(l);
	}
	if (list_prepare(l, rs))
		goto out;
	page_begin(&p, rq, rs, "Indicators - Waymark", "/pis");
	html_elem(&p.h, "h1", "Performance indicators", "class", "govuk-heading-l", NULL);
	page_record_add_link(&p, k, NULL, NULL);
	list_filter_begin(&p, l, "/pis");
	list_filter_select(&p, "committee", "Committee", json_incref(committees.choices));
	list_filter_select(&p, "owner", "Owner", json_incref(posts.choices));
	list_filter_select(&p, "frequency", "Measured", form_enum_choices(rq, kind_field(k, "frequency")));
	list_filter_select(&p, "polarity", "Better when", form_enum_choices(rq, kind_field(k, "polarity")));
	list_filter_end(&p, l);
	list_write(&p, l);
	page_end(&p);
out:
	pages_names_release(&committees);
	pages_names_release(&posts);
	json_decref(pis);
}

/* A unit's field (its "name", its "kind") by its ref, or NULL. */
static const char *
unit_field(const json_t *units, const char *ref, const char *field)
{
	for (size_t i = 0; i < json_array_size(units); i++) {
		const json_t *u = json_array_get(units, i);

		if (strcmp(json_string_value(json_object_get(u, "ref")), ref) == 0)
			return json_string_value(json_object_get(u, field));
	}
	return NULL;
}

/* Each borough's latest figure, linking to its own trend: figures are sorted by unit, then period. */
static void
borough_table(struct req *rq, struct rdoc *d, const char *code, const json_t *figures,
    const json_t *units, int decimals)
{
	static const char *const cols[] = { "Unit", "Period", "Value", "Quality" };
	struct rtable *t;

	rdoc_heading(d, 2, "Latest figures");
	t = rdoc_table(d, "Each borough's latest figure", 4, cols);
	rtable_numeric(t, 2);
	for (size_t i = 0; i < json_array_size(figures); i++) {
		const json_t *m = json_array_get(figures, i), *next = json_array_get(figures, i + 1);
		const char *u = pages_text(rq, m, "unit"), *k = unit_field(units, u, "kind");
		const json_t *v = json_object_get(m, "value");

		if (k == NULL || strcmp(k, "ocu") != 0 ||
		    (next != NULL && strcmp(pages_text(rq, next, "unit"), u) == 0))
			continue;
		rtable_link(t, u, arena_printf(rq->a, "%s?unit=%s", req_key_url(rq, "/pis/", code),
		    req_key_url(rq, "", u)));
		pages_cell(rq, t, m, "period");
		if (json_is_number(v))
			rtable_num(t, json_number_value(v), decimals, NULL);
		else
			rtable_cell(t, "");
		pages_cell(rq, t, m, "flag");
		rtable_end_row(t);
	}
}

/* Start a filter form: GET to action, in a row of columns; end with filter_end(). */
static void
filter_begin(struct page *p, const char *action)
{
	html_open(&p->h, "div", "class", "wm-no-print", NULL);
	page_form_begin(p, action, "get");
	html_open(&p->h, "div", "class", "govuk-grid-row", NULL);
}

static void
filter_column(struct page *p)
{
	html_open(&p->h, "div", "class", "govuk-grid-column-one-third", NULL);
}

static void
filter_end(struct page *p)
{
	html_close(&p->h, "div");
	page_form_end(p, "Show");
	html_close(&p->h, "div");
}

/* A column choosing the unit, by name. */
static void
unit_select(struct page *p)
{
	json_t *c = pages_named(p->rq, "units", NULL, "name");

	filter_column(p);
	page_select(p, "unit", "Unit", c, req_query(p->rq, "unit"), "The whole organisation");
	html_close(&p->h, "div");
	json_decref(c);
}

/* The form above an indicator's page: the unit and how its periods are combined. */
static void
pi_form(struct page *p, const char *code)
{
	struct req *rq = p->rq;
	json_t *by = json_pack("[[s,s],[s,s],[s,s]]", "quarter", "Quarter", "fyear",
	    "Financial year", "year", "Calendar year");

	filter_begin(p, req_key_url(rq, "/pis/", code));
	unit_select(p);
	filter_column(p);
	page_select(p, "by", "Figures by", by, req_query(rq, "by"), "As measured");
	html_close(&p->h, "div");
	filter_end(p);
	json_decref(by);
}

/*
 * The owner's commentary: the latest period's, with a button to write or
 * change it for those who may, and the earlier ones below it. The public
 * may not read commentary, so sees none of this.
 */
static void
commentary_section(struct page *p, const char *code, const char *period)
{
	struct req *rq = p->rq;
	struct html *h = &p->h;
	const struct kind *k = kind_find("commentaries");
	struct wm_err err = WM_ERR_INIT;
	json_t *rows = NULL, *now = NULL;
	const char *back = req_key_url(rq, "/pis/", code);

	if (authz_read(&rq->ctx, k, &err) != 0 ||
	    pages_list(rq, "commentaries", pages_where("pi", code), &rows, &err) != 0) {
		json_decref(rows);
		return;
	}
	for (size_t i = 0; i < json_array_size(rows) && period != NULL; i++)
		if (strcmp(pages_text(rq, json_array_get(rows, i), "period"), period) == 0)
			now = json_array_get(rows, i);
	html_elem(h, "h2", "Commentary", "class", "govuk-heading-m", "id", "commentary", NULL);
	if (period != NULL && now == NULL)
		html_elem(h, "p", arena_printf(rq->a, "The owner has written no commentary for %s.",
		    period), "class", "govuk-body", NULL);
	/* newest first */
	for (size_t i = json_array_size(rows); i > 0; i--) {
		const json_t *c = json_array_get(rows, i - 1);
		const char *action = pages_text(rq, c, "action"), *whom = pages_text(rq, c, "by_whom");
		const char *when = form_value_text(rq, kind_field(k, "by_when"),
		    json_object_get(c, "by_when"));

		html_elem(h, "h3", pages_text(rq, c, "period"), "class", "govuk-heading-s", NULL);
		html_open(h, "dl", "class", "govuk-summary-list", NULL);
		page_summary_row(p, "Why", pages_text(rq, c, "why"));
		page_summary_row(p, "What is being done", action);
		page_summary_row(p, "By whom", whom);
		page_summary_row(p, "By when", when);
		page_summary_row(p, "Written by", arena_printf(rq->a, "%s, %s",
		    pages_text(rq, c, "author"), pages_text(rq, c, "at")));
		html_close(h, "dl");
		if (c == now)
			page_record_actions(p, k, c);
	}
	if (period != NULL && now == NULL) {
		json_t *d = json_pack("{s:s, s:s}", "pi", code, "period", period);

		page_record_add_link(p, k, d, back);
		json_decref(d);
	}
	json_decref(rows);
}

/* Where those who may enter this indicator's figures, or set its targets, do so. */
static void
data_links(struct page *p, const char *code)
{
	struct req *rq = p->rq;
	bool figures = rq->logged_in && authz_may_write_kind(&rq->ctx, kind_find("measurements"));
	bool targets = rq->logged_in && authz_may_write_kind(&rq->ctx, kind_find("targets"));

	if (!figures && !targets)
		return;
	html_open(&p->h, "p", "class", "govuk-body wm-no-print", NULL);
	if (figures)
		html_elem(&p->h, "a", authz_may_approve(&rq->ctx, code) ? "Enter or approve figures" :
		    "Enter figures", "class", "govuk-link", "href", arena_printf(rq->a, "%s/figures",
		    req_key_url(rq, "/pis/", code)), NULL);
	if (figures && targets)
		html_text(&p->h, " \xc2\xb7 ");
	if (targets)
		html_elem(&p->h, "a", "Set targets", "class", "govuk-link", "href",
		    arena_printf(rq->a, "%s/targets", req_key_url(rq, "/pis/", code)), NULL);
	html_close(&p->h, "p");
}

/*
 * One indicator: what it is, its trend for a unit (?unit=, else the
 * corporate one; ?by=, ?from=, ?to= as the report takes them) from
 * `waymark report trend` with the units below it as small multiples, and
 * each borough's latest figure.
 */
void
page_pi(struct req *rq, struct resp *rs, const char *code)
{
	static const char *const facts[][2] = { { "What it counts", "description" },
		{ "Measured in", "measure_unit" }, { "Better when", "polarity" },
		{ "Measured", "frequency" }, { "Owner", "owner" }, { "Committee", "committee" },
		{ "Data from", "data_source" }, { "Statutory", "statutory" },
		{ "Rolls up by", "aggregation" }, { "Tolerance", "tolerance" },
		{ "Measures", "measures" } };
	static const char *const passed[] = { "unit", "by", "from", "to" };
	struct wm_err err = WM_ERR_INIT;
	json_t *pi = NULL, *figures = NULL, *units = NULL, *opts = NULL, *tdata = NULL;
	struct rdoc *d = NULL, *trend = NULL;
	const char *ref, *name, *slash = strchr(code, '/');
	struct page p;

	/* an indicator's own forms: its figures, their approval, its targets */
	if (slash != NULL) {
		const char *of = arena_strndup(rq->a, code, (size_t)(slash - code));

		if (strcmp(slash, "/figures") == 0 || strcmp(slash, "/figures/approve") == 0)
			page_figures(rq, rs, of, strcmp(slash, "/figures/approve") == 0);
		else if (strcmp(slash, "/targets") == 0)
			page_targets(rq, rs, of);
		else
			page_fail(rq, rs, 404, "Page not found", "There is nothing at this address.");
		return;
	}
	if (strcmp(rq->method, "GET") != 0) {
		page_fail(rq, rs, 405, "That cannot be done here", "This address can only be read.");
		resp_header(rs, "Allow", "GET");
		return;
	}

	if (ent_get(&rq->ctx, kind_find("pis"), code, &pi, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	opts = json_pack("{s:s}", "pi", code);
	for (size_t i = 0; i < WM_ARRAY_LEN(passed); i++) {
		const char *v = req_query(rq, passed[i]);

		if (v != NULL && *v != '\0')
			json_object_set_new(opts, passed[i], json_string(v));
	}
	if (http_run_report(rq, report_find("trend"), opts, &trend, NULL, &err) != 0 ||
	    pages_list(rq, "measurements", pages_where("pi", code), &figures, &err) != 0 ||
	    pages_list(rq, "units", NULL, &units, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	d = rdoc_new(arena_printf(rq->a, "%s: %s", code, pages_text(rq, pi, "title")));
	for (size_t i = 0; i < WM_ARRAY_LEN(facts); i++) {
		const char *v = pages_text(rq, pi, facts[i][1]);

		if (*v != '\0')
			rdoc_meta(d, facts[i][0], v);
	}
	tdata = rdoc_json(trend);
	ref = json_string_value(json_object_get(tdata, "unit"));
	name = ref != NULL ? unit_field(units, ref, "name") : NULL;
	rdoc_heading(d, 2, arena_printf(rq->a, "Trend for %s", name ? name : ref ? ref : code));
	rdoc_append(d, trend);
	if (json_array_size(figures) > 0)
		borough_table(rq, d, code, figures, units,
		    json_is_integer(json_object_get(pi, "decimals")) ?
		    (int)json_integer_value(json_object_get(pi, "decimals")) : 1);
	page_begin(&p, rq, rs, arena_printf(rq->a, "%s - Waymark", code), "/pis");
	page_heading(&p, d);
	if (req_query(rq, "saved") != NULL)
		page_saved(&p, kind_find("pis"), req_query(rq, "saved"));
	page_record_actions(&p, kind_find("pis"), pi);
	data_links(&p, code);
	pi_form(&p, code);
	page_rdoc_untitled(&p, d);
	commentary_section(&p, code, json_string_value(json_object_get(json_array_get(
	    json_object_get(tdata, "points"), json_array_size(json_object_get(
	    tdata, "points")) - 1), "period")));
	page_end(&p);
out:
	rdoc_free(d);
	rdoc_free(trend);
	json_decref(pi);
	json_decref(figures);
	json_decref(units);
	json_decref(opts);
	json_decref(tdata);
}

/* The period and the unit, which both performance forms choose. */
static void
period_and_unit(struct page *p, const char *error, const char *bad)
{
	struct req *rq = p->rq;

	filter_column(p);
	page_input(p, "as_of", "As of", "text", req_query(rq, "as_of"),
	    "A period, such as 2005-03, 2005-Q1, 2004/05 or 2005; empty for the latest with figures",
	    bad != NULL && strcmp(bad, "as_of") == 0 ? error : NULL, "10");
	html_close(&p->h, "div");
	unit_select(p);
}

void
page_exceptions_form(struct page *p, const json_t *data, const char *error, const char *bad)
{
	json_t *c = pages_named(p->rq, "committees", NULL, "name");

	(void)data;
	filter_begin(p, "/exceptions");
	period_and_unit(p, error, bad);
	filter_column(p);
	page_select(p, "committee", "Committee", c, req_query(p->rq, "committee"),
	    "Any committee");
	html_close(&p->h, "div");
	filter_end(p);
	json_decref(c);
}

void
page_scorecard_form(struct page *p, const json_t *data, const char *error, const char *bad)
{
	const char *plan = json_string_value(json_object_get(data, "plan"));
	/* The goals of the plan the scorecard is about (all plans' when it failed). */
	json_t *goals = pages_named(p->rq, "goals", pages_where(plan ? "plan" : NULL, plan), "title");

	filter_begin(p, "/scorecard");
	period_and_unit(p, error, bad);
	filter_column(p);
	page_select(p, "goal", "Goal", goals, req_query(p->rq, "goal"), "Every goal");
	html_close(&p->h, "div");
	filter_end(p);
	json_decref(goals);
}
