/*
 * page_public.c: the public's home page (`waymark serve --public`, not
 * signed in).
 *
 * What the body has published and nothing else: its framework's goals,
 * each with its published indicators, their latest approved figures,
 * targets and status, and a small chart of each one's last two years; and
 * its published recommendations with how far each has been met. Every
 * figure comes from the reports as the public runs them, so what is not
 * published, and every figure still awaiting approval, is left out by
 * the library (authz.h, cube.h), not by this page.
 */
#include "base/wm.h"

#include <math.h>

#include "base/period.h"
#include "http/form.h"
#include "http/page.h"
#include "http/pages.h"
#include "model/ent.h"
#include "report/chart.h"
#include "report/reports.h"

#define SPARK_PERIODS 24

static enum rag
rag_of(const char *name)
{
	static const char *const names[] = { "green", "amber", "red" };

	for (size_t i = 0; name != NULL && i < WM_ARRAY_LEN(names); i++)
		if (strcmp(name, names[i]) == 0)
			return (enum rag)i;
	return RAG_NO_TARGET;
}

/* A word-sized chart of the indicator's last two years at the unit, or nothing. */
static void
sparkline(struct page *p, const char *pi, const char *unit, const char *title)
{
	struct req *rq = p->rq;
	struct wm_err err = WM_ERR_INIT;
	json_t *opts = json_pack("{s:s, s:s}", "pi", pi, "unit", unit);
	struct rdoc *d = NULL;
	json_t *data = NULL;
	const json_t *points;
	size_t n, from;

	if (http_run_report(rq, report_find("trend"), opts, &d, NULL, &err) == 0 &&
	    (n = json_array_size(points = json_object_get(data = rdoc_json(d), "points"))) > 0) {
		const char **labels;
		double *values, *targets;
		enum rag *rags;
		struct buf svg = BUF_INIT;
		size_t k = 0;

		from = n > SPARK_PERIODS ? n - SPARK_PERIODS : 0;
		labels = arena_array(rq->a, n - from + 1, sizeof(*labels));
		values = arena_array(rq->a, n - from + 1, sizeof(*values));
		targets = arena_array(rq->a, n - from + 1, sizeof(*targets));
		rags = arena_array(rq->a, n - from + 1, sizeof(*rags));
		for (size_t i = from; i < n; i++, k++) {
			const json_t *pt = json_array_get(points, i);
			const json_t *v = json_object_get(pt, "value"), *t = json_object_get(pt, "target");

			labels[k] = arena_strdup(rq->a, pages_text(rq, pt, "period"));
			values[k] = json_is_number(v) ? json_number_value(v) : NAN;
			targets[k] = json_is_number(t) ? json_number_value(t) : NAN;
			rags[k] = rag_of(json_string_value(json_object_get(pt, "status")));
		}
		chart_sparkline(&svg, title, &(struct chart_series){ labels, values, targets, rags, k,
		    NULL });
		html_open(&p->h, "span", "class", "wm-spark", NULL);
		html_trusted(&p->h, buf_str(&svg));
		html_close(&p->h, "span");
		buf_release(&svg);
	}
	json_decref(data);
	rdoc_free(d);
	json_decref(opts);
}

static void
status_tag(struct page *p, const char *status)
{
	const char *colour = strcmp(status, "green") == 0 ? "govuk-tag govuk-tag--green" :
	    strcmp(status, "amber") == 0 ? "govuk-tag govuk-tag--orange" :
	    strcmp(status, "red") == 0 ? "govuk-tag govuk-tag--red" : "govuk-tag govuk-tag--grey";

	html_elem(&p->h, "strong", form_choice_text(p->rq, status), "class", colour, NULL);
}

static void
th(struct page *p, const char *text, bool numeric)
{
	html_elem(&p->h, "th", text, "scope", "col", "class", numeric ?
	    "govuk-table__header govuk-table__header--numeric" : "govuk-table__header", NULL);
}

/* One row: the indicator, its latest figure and target, its status, its chart. */
static void
pi_row(struct page *p, const json_t *pi, const char *unit)
{
	struct req *rq = p->rq;
	struct html *h = &p->h;
	const char *code = pages_text(rq, pi, "pi"), *title = pages_text(rq, pi, "title");
	const json_t *v = json_object_get(pi, "value"), *t = json_object_get(pi, "target");
	const char *mu = pages_text(rq, pi, "measure_unit");

	html_open(h, "tr", "class", "govuk-table__row", NULL);
	html_open(h, "td", "class", "govuk-table__cell", NULL);
	html_elem(h, "a", title, "class", "govuk-link", "href", req_key_url(rq, "/pis/", code), NULL);
	html_close(h, "td");
	html_elem(h, "td", json_is_number(v) ? arena_printf(rq->a, "%.1f%s%s", json_number_value(v),
	    strcmp(mu, "%") == 0 ? "" : " ", mu) : "no figure yet", "class",
	    "govuk-table__cell govuk-table__cell--numeric", NULL);
	html_elem(h, "td", json_is_number(t) ? arena_printf(rq->a, "%.1f", json_number_value(t)) :
	    "none", "class", "govuk-table__cell govuk-table__cell--numeric", NULL);
	html_open(h, "td", "class", "govuk-table__cell", NULL);
	status_tag(p, pages_text(rq, pi, "status"));
	html_close(h, "td");
	html_open(h, "td", "class", "govuk-table__cell", NULL);
	sparkline(p, code, unit, arena_printf(rq->a, "%s over the last two years", title));
	html_close(h, "td");
	html_close(h, "tr");
}

/* Each goal of the scorecard, with its own indicators and its aims'. */
static void
goals(struct page *p, const json_t *card)
{
	struct req *rq = p->rq;
	struct html *h = &p->h;
	const json_t *list = json_object_get(card, "goals");
	const char *unit = pages_text(rq, card, "unit");

	for (size_t g = 0; g < json_array_size(list); g++) {
		const json_t *goal = json_array_get(list, g), *aims = json_object_get(goal, "aims");
		size_t rows = json_array_size(json_object_get(goal, "pis"));

		for (size_t a = 0; a < json_array_size(aims); a++)
			rows += json_array_size(json_object_get(json_array_get(aims, a), "pis"));
		html_elem(h, "h3", pages_text(rq, goal, "title"), "class", "govuk-heading-m", NULL);
		if (rows == 0) {
			html_elem(h, "p", "No indicator of this goal has been published yet.", "class",
			    "govuk-body", NULL);
			continue;
		}
		html_open(h, "table", "class", "govuk-table wm-public-pis", NULL);
		html_elem(h, "caption", arena_printf(rq->a, "Indicators of \xe2\x80\x9c%s\xe2\x80\x9d",
		    pages_text(rq, goal, "title")), "class", "govuk-table__caption govuk-visually-hidden",
		    NULL);
		html_open(h, "thead", "class", "govuk-table__head", NULL);
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		th(p, "Indicator", false);
		th(p, "Latest", true);
		th(p, "Target", true);
		th(p, "Status", false);
		th(p, "Two years", false);
		html_close(h, "tr");
		html_close(h, "thead");
		html_open(h, "tbody", "class", "govuk-table__body", NULL);
		for (size_t a = 0; a <= json_array_size(aims); a++) {
			const json_t *pis = json_object_get(a == 0 ? goal : json_array_get(aims, a - 1),
			    "pis");

			for (size_t i = 0; i < json_array_size(pis); i++)
				pi_row(p, json_array_get(pis, i), unit);
		}
		html_close(h, "tbody");
		html_close(h, "table");
	}
}

/* The published recommendations, by source, and how far each has been met. */
static void
recommendations(struct page *p)
{
	struct req *rq = p->rq;
	struct html *h = &p->h;
	struct wm_err err = WM_ERR_INIT;
	json_t *recs = NULL;
	const char *source = NULL;
	size_t met = 0;

	html_elem(h, "h2", "Recommendations made to us", "class", "govuk-heading-l", NULL);
	if (pages_list(rq, "recommendations", NULL, &recs, &err) != 0 ||
	    json_array_size(recs) == 0) {
		html_elem(h, "p", "No recommendation has been published yet.", "class", "govuk-body",
		    NULL);
		json_decref(recs);
		return;
	}
	for (size_t i = 0; i < json_array_size(recs); i++)
		met += strcmp(pages_text(rq, json_array_get(recs, i), "status"), "closed") == 0;
	html_elem(h, "p", arena_printf(rq->a, "%zu of %zu published recommendations have been met "
	    "in full.", met, json_array_size(recs)), "class", "govuk-body", NULL);
	for (size_t i = 0; i < json_array_size(recs); i++) {
		const json_t *r = json_array_get(recs, i);
		const char *key = pages_key(rq, "recommendations", r), *src = pages_text(rq, r, "source");
		const char *deg = pages_text(rq, r, "degree_met");

		if (source == NULL || strcmp(source, src) != 0) {
			if (source != NULL) {
				html_close(h, "tbody");
				html_close(h, "table");
			}
			source = src;
			html_elem(h, "h3", pages_name(rq, "sources", src), "class", "govuk-heading-m", NULL);
			html_open(h, "table", "class", "govuk-table", NULL);
			html_open(h, "thead", "class", "govuk-table__head", NULL);
			html_open(h, "tr", "class", "govuk-table__row", NULL);
			th(p, "Recommendation", false);
			th(p, "Degree met", false);
			th(p, "Status", false);
			html_close(h, "tr");
			html_close(h, "thead");
			html_open(h, "tbody", "class", "govuk-table__body", NULL);
		}
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		html_open(h, "td", "class", "govuk-table__cell", NULL);
		html_elem(h, "a", *pages_text(rq, r, "subject") ? arena_printf(rq->a, "%s: %s",
		    pages_text(rq, r, "ref"), pages_text(rq, r, "subject")) : key, "class", "govuk-link",
		    "href", req_key_url(rq, "/recommendations/", key), NULL);
		html_close(h, "td");
		html_elem(h, "td", *deg ? form_choice_text(rq, deg) : "Not yet assessed", "class",
		    "govuk-table__cell", NULL);
		html_elem(h, "td", form_choice_text(rq, pages_text(rq, r, "status")), "class",
		    "govuk-table__cell", NULL);
		html_close(h, "tr");
	}
	html_close(h, "tbody");
	html_close(h, "table");
	json_decref(recs);
}

void
page_public_home(struct req *rq, struct resp *rs)
{
	struct wm_err err = WM_ERR_INIT;
	struct rdoc *card = NULL;
	json_t *data = NULL;
	struct page p;

	if (http_run_report(rq, report_find("performance"), NULL, &card, NULL, &err) == 0)
		data = rdoc_json(card);
	page_begin(&p, rq, rs, "Our plans and how we are doing - Waymark", "/");
	html_elem(&p.h, "h1", "Our plans and how we are doing", "class", "govuk-heading-xl", NULL);
	html_elem(&p.h, "p", "What we have published: the goals of our plan, how each of its "
	    "indicators stands against its target, and the recommendations auditors and inspectors "
	    "have made to us with how far each has been met. Figures appear here once they have "
	    "been checked and approved.", "class", "govuk-body-l", NULL);
	if (data == NULL) {
		html_elem(&p.h, "h2", "Our plan", "class", "govuk-heading-l", NULL);
		html_elem(&p.h, "p", "No plan and no indicator has been published yet.", "class",
		    "govuk-body", NULL);
	} else {
		html_elem(&p.h, "h2", pages_name(rq, "plans", pages_text(rq, data, "plan")), "class",
		    "govuk-heading-l", NULL);
		html_elem(&p.h, "p", arena_printf(rq->a, "The latest figures, for %s, as of %s.",
		    pages_name(rq, "units", pages_text(rq, data, "unit")), pages_text(rq, data, "as_of")),
		    "class", "govuk-body", NULL);
		goals(&p, data);
	}
	recommendations(&p);
	page_end(&p);
	json_decref(data);
	rdoc_free(card);
}
