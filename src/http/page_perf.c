/*
 * page_perf.c: the performance pages: the indicators, one indicator's
 * page, the exception report and the scorecard.
 *
 * The exception report and the scorecard are reports (`waymark report
 * exceptions`, `scorecard`), shown with the page's query parameters as
 * their options (?committee=PRC). Without those reports the pages show
 * the figures that need attention as the records have them.
 */
#include "base/wm.h"

#include "cli/report.h"
#include "http/page.h"
#include "http/pages.h"
#include "model/ent.h"

void
page_pis(struct req *rq, struct resp *rs)
{
	static const char *const cols[] = { "Code", "Title", "Measured in", "Better when",
		"Frequency", "Committee" };
	struct wm_err err = WM_ERR_INIT;
	struct rdoc *d = rdoc_new("Performance indicators");
	json_t *pis = NULL;
	struct rtable *t;

	if (pages_list(rq, "pis", NULL, &pis, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	t = rdoc_table(d, NULL, 6, cols);
	for (size_t i = 0; i < json_array_size(pis); i++) {
		const json_t *pi = json_array_get(pis, i);
		const char *code = json_string_value(json_object_get(pi, "code"));

		rtable_link(t, code, req_key_url(rq, "/pis/", code));
		pages_cells(rq, t, pi,
		    (const char *const[]){ "title", "measure_unit", "polarity", "frequency", "committee", NULL });
		rtable_end_row(t);
	}
	page_doc(rq, rs, "Indicators - Waymark", "/pis", d);
out:
	rdoc_free(d);
	json_decref(pis);
}

/* The unit to show: ?unit=, else the service as a whole, else the first with figures. */
static const char *
pick_unit(struct req *rq, const json_t *units, const json_t *figures)
{
	const char *u = req_query(rq, "unit");

	if (u != NULL && *u != '\0')
		return u;
	for (size_t i = 0; i < json_array_size(units); i++) {
		const json_t *un = json_array_get(units, i);
		const char *kind = json_string_value(json_object_get(un, "kind"));
		const char *ref = json_string_value(json_object_get(un, "ref"));

		if (kind == NULL || strcmp(kind, "service") != 0)
			continue;
		for (size_t j = 0; j < json_array_size(figures); j++)
			if (strcmp(json_string_value(json_object_get(json_array_get(figures, j),
			    "unit")), ref) == 0)
				return ref;
	}
	if (json_array_size(figures) > 0)
		return json_string_value(json_object_get(json_array_get(figures, 0), "unit"));
	return NULL;
}

static const char *
unit_kind(const json_t *units, const char *ref)
{
	for (size_t i = 0; i < json_array_size(units); i++) {
		const json_t *u = json_array_get(units, i);

		if (strcmp(json_string_value(json_object_get(u, "ref")), ref) == 0)
			return json_string_value(json_object_get(u, "kind"));
	}
	return NULL;
}

/* A figure to the PI's decimal places (one unless it says). */
static void
figure_cell(struct req *rq, struct rtable *t, const json_t *row, int decimals)
{
	const json_t *v = json_object_get(row, "value");

	(void)rq;
	if (json_is_number(v))
		rtable_cellf(t, "%.*f", decimals, json_number_value(v));
	else
		rtable_cell(t, "");
}

static void
pi_tables(struct req *rq, struct rdoc *d, const json_t *figures, const json_t *targets,
    const json_t *units, const char *unit, int decimals)
{
	static const char *const fcols[] = { "Period", "Value", "Quality", "Note" };
	static const char *const tcols[] = { "Period", "Target", "Tolerance" };
	static const char *const bcols[] = { "Unit", "Period", "Value", "Quality" };
	struct rtable *t;
	size_t shown = 0, first = 0, n = 0;

	for (size_t i = 0; i < json_array_size(figures); i++)
		n += strcmp(pages_text(rq, json_array_get(figures, i), "unit"), unit) == 0;
	first = n > 24 ? n - 24 : 0;
	rdoc_heading(d, 2, arena_printf(rq->a, "Figures for %s", unit));
	t = rdoc_table(d, n > 24 ? "The latest 24 periods" : NULL, 4, fcols);
	rtable_numeric(t, 1);
	for (size_t i = 0; i < json_array_size(figures); i++) {
		const json_t *m = json_array_get(figures, i);
		const char *flag = json_string_value(json_object_get(m, "flag"));

		if (strcmp(pages_text(rq, m, "unit"), unit) != 0 || shown++ < first)
			continue;
		pages_cell(rq, t, m, "period");
		figure_cell(rq, t, m, decimals);
		if (flag != NULL && strcmp(flag, "actual") != 0)
			rtable_tag(t, flag, strcmp(flag, "not_available") == 0 ? "red" : "amber");
		else
			rtable_cell(t, flag ? flag : "");
		pages_cell(rq, t, m, "note");
		rtable_end_row(t);
	}
	rdoc_heading(d, 2, arena_printf(rq->a, "Targets for %s", unit));
	t = rdoc_table(d, NULL, 3, tcols);
	rtable_numeric(t, 1);
	rtable_numeric(t, 2);
	for (size_t i = 0; i < json_array_size(targets); i++) {
		const json_t *tg = json_array_get(targets, i);

		if (strcmp(pages_text(rq, tg, "unit"), unit) != 0)
			continue;
		pages_cell(rq, t, tg, "period");
		figure_cell(rq, t, tg, decimals);
		pages_cell(rq, t, tg, "tolerance");
		rtable_end_row(t);
	}
	/* Each borough's latest figure: figures are sorted by unit, then period. */
	rdoc_heading(d, 2, "Boroughs");
	t = rdoc_table(d, "Each borough's latest figure", 4, bcols);
	rtable_numeric(t, 2);
	for (size_t i = 0; i < json_array_size(figures); i++) {
		const json_t *m = json_array_get(figures, i), *next = json_array_get(figures, i + 1);
		const char *u = pages_text(rq, m, "unit"), *k = unit_kind(units, u);

		if (k == NULL || strcmp(k, "ocu") != 0 ||
		    (next != NULL && strcmp(pages_text(rq, next, "unit"), u) == 0))
			continue;
		rtable_link(t, u, arena_printf(rq->a, "%s?unit=%s", req_key_url(rq, "/pis/",
		    pages_text(rq, m, "pi")), u));
		pages_cell(rq, t, m, "period");
		figure_cell(rq, t, m, decimals);
		pages_cell(rq, t, m, "flag");
		rtable_end_row(t);
	}
}

void
page_pi(struct req *rq, struct resp *rs, const char *code)
{
	static const char *const facts[][2] = { { "What it counts", "description" },
		{ "Measured in", "measure_unit" }, { "Better when", "polarity" },
		{ "Measured", "frequency" }, { "Owner", "owner" }, { "Committee", "committee" },
		{ "Data from", "data_source" }, { "Statutory", "statutory" },
		{ "Rolls up by", "aggregation" }, { "Tolerance", "tolerance" },
		{ "Measures", "measures" } };
	struct wm_err err = WM_ERR_INIT;
	json_t *pi = NULL, *figures = NULL, *targets = NULL, *units = NULL;
	struct rdoc *d = NULL;
	const char *unit;

	if (ent_get(&rq->ctx, kind_find("pis"), code, &pi, &err) != 0 ||
	    pages_list(rq, "measurements", pages_where("pi", code), &figures, &err) != 0 ||
	    pages_list(rq, "targets", pages_where("pi", code), &targets, &err) != 0 ||
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
	unit = pick_unit(rq, units, figures);
	if (unit == NULL)
		rdoc_para(d, "There are no figures for this indicator yet.");
	else
		pi_tables(rq, d, figures, targets, units, unit,
		    json_is_integer(json_object_get(pi, "decimals")) ?
		    (int)json_integer_value(json_object_get(pi, "decimals")) : 1);
	page_doc(rq, rs, arena_printf(rq->a, "%s - Waymark", code), "/pis", d);
out:
	rdoc_free(d);
	json_decref(pi);
	json_decref(figures);
	json_decref(targets);
	json_decref(units);
}

/* Without the exception report: the figures whose quality needs a word. */
int
page_exceptions_doc(struct req *rq, struct rdoc *d, struct wm_err *err)
{
	static const char *const flags[] = { "not_available", "provisional", "estimate" };
	static const char *const cols[] = { "Indicator", "Unit", "Period", "Quality", "Note" };
	int rc = 0;

	rdoc_para(d, "Figures that are missing or not yet final, newest first.");
	for (size_t f = 0; f < WM_ARRAY_LEN(flags) && rc == 0; f++) {
		json_t *ms = NULL;
		struct rtable *t;
		size_t n;

		if ((rc = pages_list(rq, "measurements", pages_where("flag", flags[f]), &ms, err)) != 0)
			break;
		n = json_array_size(ms);
		t = rdoc_table(d, arena_printf(rq->a, "Figures flagged %s (%zu)", flags[f], n), 5, cols);
		for (size_t i = n; i > 0 && n - i < 50; i--) {
			const json_t *m = json_array_get(ms, i - 1);

			pages_cells(rq, t, m,
			    (const char *const[]){ "pi", "unit", "period", NULL });
			rtable_tag(t, flags[f], f == 0 ? "red" : "amber");
			pages_cell(rq, t, m, "note");
			rtable_end_row(t);
		}
		json_decref(ms);
	}
	return rc;
}

/* Without the scorecard: each indicator's latest figure for the service. */
int
page_scorecard_doc(struct req *rq, struct rdoc *d, struct wm_err *err)
{
	static const char *const cols[] = { "Indicator", "Title", "Unit", "Period", "Value" };
	json_t *pis = NULL;
	struct rtable *t;
	int rc;

	if ((rc = pages_list(rq, "pis", NULL, &pis, err)) != 0)
		return rc;
	t = rdoc_table(d, "The latest figure of each indicator", 5, cols);
	rtable_numeric(t, 4);
	for (size_t i = 0; i < json_array_size(pis) && rc == 0; i++) {
		const char *code = json_string_value(json_object_get(json_array_get(pis, i), "code"));
		const char *unit = req_query(rq, "unit");
		json_t *where = pages_where("pi", code), *ms = NULL;
		const json_t *last;

		json_object_set_new(where, "unit", json_string(unit != NULL && *unit ? unit : "MPS"));
		if ((rc = pages_list(rq, "measurements", where, &ms, err)) != 0)
			break;
		last = json_array_get(ms, json_array_size(ms) - 1);
		rtable_link(t, code, req_key_url(rq, "/pis/", code));
		pages_cell(rq, t, json_array_get(pis, i), "title");
		rtable_cell(t, last ? pages_text(rq, last, "unit") : "");
		rtable_cell(t, last ? pages_text(rq, last, "period") : "");
		rtable_cell(t, last ? pages_text(rq, last, "value") : "no figures");
		rtable_end_row(t);
		json_decref(ms);
	}
	json_decref(pis);
	return rc;
}



/* Every report `waymark report` makes, as a page. */
void
page_reports(struct req *rq, struct resp *rs)
{
	static const char *const cols[] = { "Report", "What it shows", "Options" };
	struct rdoc *d = rdoc_new("Reports");
	struct rtable *t;

	rdoc_para(d, "Each report as a page to read or print. Options go in the address, as "
	    "?source=DA2002 for --source DA2002; the same report is at /api/v1/reports as JSON.");
	t = rdoc_table(d, NULL, 3, cols);
	for (const struct report *r = reports; r->name != NULL; r++) {
		rtable_link(t, r->name, req_key_url(rq, "/reports/", r->name));
		rtable_cell(t, r->summary);
		rtable_cell(t, r->options ? r->options : "");
		rtable_end_row(t);
	}
	page_doc(rq, rs, "Reports - Waymark", "/reports", d);
	rdoc_free(d);
}

void
page_report_named(struct req *rq, struct resp *rs, const char *name)
{
	struct wm_err err = WM_ERR_INIT;
	struct page p;
	int rc;

	page_begin(&p, rq, rs, arena_printf(rq->a, "%s - Waymark", name), "/reports");
	rc = page_report(&p, name, page_query_options(rq), &err);
	if (rc == WM_ENOTFOUND && err.msg[0] == '\0')
		wm_error(&err, WM_ENOTFOUND, "there is no report called \"%s\"", name);
	if (rc != 0) {
		page_fail_err(rq, rs, &err);
		return;
	}
	page_end(&p);
}
