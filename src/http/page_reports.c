/*
 * page_reports.c: every report of the registry (report/reports.h) as a
 * page, with a form for its options made from the registry's own
 * description of them.
 *
 *   GET /reports                        each report and what it shows
 *   GET /reports/NAME?OPTION=V...       its form, and the report the form chose
 *   GET /reports/NAME?...&format=pdf    the same report as a paper to keep
 *
 * Each option becomes the field its type calls for: a choice of records
 * by name for a reference, a list of its choices, a tick box for a flag,
 * a box with its hint for a period, a date or a number. The form is sent
 * with GET, so it works without script and its address can be kept; the
 * report's own checks decide, and every problem they find is shown at
 * once, beside its field, in words a person reads (never an option's
 * command-line spelling).
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/str.h"
#include "http/form.h"
#include "http/list.h"
#include "http/page.h"
#include "http/pages.h"
#include "report/reports.h"

/* How the formats read on a form, in the order it offers them. */
static const struct {
	const char *name, *label;
} format_labels[] = {
	{ "pdf", "PDF (A4 paper)" },
	{ "docx", "Word document" },
	{ "odt", "OpenDocument text" },
	{ "xlsx", "Excel workbook" },
	{ "csv", "CSV (its tables)" },
	{ "html", "A web page to print" },
	{ "md", "Markdown" },
	{ "text", "Plain text" },
	{ "json", "JSON (for programs)" },
	{ "svg", "SVG chart" },
	{ "ics", "Calendar file (iCalendar)" },
};

/* What the registry's words for a choice mean to a person. */
static const struct {
	const char *value, *label;
} choice_labels[] = {
	{ "month", "Month" },
	{ "quarter", "Quarter" },
	{ "fyear", "Financial year (April to March)" },
	{ "year", "Calendar year" },
};

static const char *
choice_label(struct req *rq, const char *value)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(choice_labels); i++)
		if (strcmp(choice_labels[i].value, value) == 0)
			return choice_labels[i].label;
	return form_choice_text(rq, value);
}

/* /reports: each report, what it shows, and the link to its form. */
void
page_reports(struct req *rq, struct resp *rs)
{
	struct page p;
	struct html *h = &p.h;

	page_begin(&p, rq, rs, "Reports - Waymark", "/reports");
	html_elem(h, "h1", "Reports", "class", "govuk-heading-l", NULL);
	html_elem(h, "p", "Each report is a page to read, print or take away as a PDF, a Word "
	    "document, an Excel workbook or a CSV file. Choose its options on its page.", "class",
	    "govuk-body", NULL);
	html_open(h, "dl", "class", "govuk-summary-list", NULL);
	for (const struct report *r = reports; r->name != NULL; r++) {
		html_open(h, "div", "class", "govuk-summary-list__row", NULL);
		html_open(h, "dt", "class", "govuk-summary-list__key", NULL);
		html_elem(h, "a", r->title, "class", "govuk-link", "href",
		    req_key_url(rq, "/reports/", r->name), NULL);
		html_close(h, "dt");
		html_open(h, "dd", "class", "govuk-summary-list__value", NULL);
		html_textf(h, "%c%s.", toupper((unsigned char)r->summary[0]), r->summary + 1);
		html_close(h, "dd");
		html_close(h, "div");
	}
	html_close(h, "dl");
	page_end(&p);
}

/* The message about option name in errors, or NULL. */
static const char *
error_for(const json_t *errors, const char *name)
{
	for (size_t i = 0; i < json_array_size(errors); i++) {
		const json_t *e = json_array_get(errors, i);

		if (strcmp(json_string_value(json_object_get(e, "field")), name) == 0)
			return json_string_value(json_object_get(e, "message"));
	}
	return NULL;
}

/* A hint: the option's help, and its default when it has one a person can read. */
static const char *
hint_of(struct req *rq, const struct ropt *o)
{
	/* a help that says what empty means has said it */
	if (o->dflt == NULL || o->type == RO_FLAG || o->type == RO_CHOICE ||
	    strstr(o->help, "empty") != NULL)
		return o->help;
	return arena_printf(rq->a, "%s (if empty: %s)", o->help, o->dflt);
}

/* One option's field. */
static void
option_field(struct page *p, const struct ropt *o, const json_t *errors)
{
	struct req *rq = p->rq;
	const char *v = req_query(rq, o->name), *error = error_for(errors, o->name);
	json_t *c;

	switch (o->type) {
	case RO_REF:
		c = pages_choices(rq, o->kind);
		page_group_begin(p, o->name, o->label, o->help, error);
		html_open(&p->h, "select", "class", error ? "govuk-select govuk-select--error" :
		    "govuk-select", "id", o->name, "name", o->name, "aria-describedby",
		    arena_printf(rq->a, "%s-hint%s", o->name, error ? arena_printf(rq->a, " %s-error",
		    o->name) : ""), NULL);
		html_elem(&p->h, "option", (o->flags & RO_REQUIRED) ? "Choose one" : "All", "value",
		    "", NULL);
		for (size_t i = 0; i < json_array_size(c); i++) {
			const char *key = json_string_value(json_array_get(json_array_get(c, i), 0));

			html_elem(&p->h, "option", json_string_value(json_array_get(json_array_get(c, i),
			    1)), "value", key, "selected", v != NULL && strcmp(v, key) == 0 ? "" : NULL,
			    NULL);
		}
		html_close(&p->h, "select");
		html_close(&p->h, "div");
		json_decref(c);
		break;
	case RO_CHOICE:
		c = json_array();
		for (size_t i = 0; o->choices[i] != NULL; i++)
			json_array_append_new(c, json_pack("[s,s]", o->choices[i],
			    choice_label(rq, o->choices[i])));
		page_select(p, o->name, o->label, c, v != NULL && *v != '\0' ? v : o->dflt,
		    o->dflt == NULL ? "As the figures are" : NULL);
		json_decref(c);
		break;
	case RO_FLAG:
		page_checkbox(p, o->name, o->label, v != NULL && *v != '\0' && strcmp(v, "no") != 0);
		break;
	case RO_NUMBER:
	case RO_COUNT:
		page_input_attrs(p, o->name, o->label, "text", v, hint_of(rq, o), error, "5",
		    o->type == RO_COUNT ? "numeric" : "decimal", NULL);
		break;
	default:
		page_input_attrs(p, o->name, o->label, "text", v, hint_of(rq, o), error,
		    o->type == RO_TEXT ? "20" : "10", NULL, NULL);
		break;
	}
}

/* The report's form: a field for each option, then the format it comes in. */
static void
report_form(struct page *p, const struct report *r, const json_t *errors)
{
	struct req *rq = p->rq;
	char names[REPORT_MAX_FORMATS][16];
	size_t n = report_formats(r, names, REPORT_MAX_FORMATS);
	json_t *formats = json_pack("[[s,s]]", "", "This page");
	const char *format = req_query(rq, "format");

	for (size_t i = 0; i < WM_ARRAY_LEN(format_labels); i++)
		for (size_t j = 0; j < n; j++)
			if (strcmp(format_labels[i].name, names[j]) == 0)
				json_array_append_new(formats, json_pack("[s,s]", format_labels[i].name,
				    format_labels[i].label));
	html_open(&p->h, "div", "class", "wm-no-print", NULL);
	page_form_begin(p, req_key_url(rq, "/reports/", r->name), "get");
	for (const struct ropt *o = r->opts; o != NULL && o->name != NULL; o++)
		option_field(p, o, errors);
	page_select(p, "format", "Show it as", formats, format, NULL);
	page_form_end(p, "Show the report");
	html_close(&p->h, "div");
	json_decref(formats);
}

/* The options a person must choose that the address does not give, as errors. */
static void
missing(struct req *rq, const struct report *r, json_t *errors)
{
	for (const struct ropt *o = r->opts; o != NULL && o->name != NULL; o++) {
		const char *v = req_query(rq, o->name);
		const char *what = arena_printf(rq->a, "%c%s", tolower((unsigned char)o->label[0]),
		    o->label + 1);

		if ((o->flags & RO_REQUIRED) && (v == NULL || str_is_blank(v)))
			json_array_append_new(errors, json_pack("{s:s, s:s, s:s}", "field", o->name,
			    "href", arena_printf(rq->a, "#%s", o->name), "message", o->type == RO_REF ||
			    o->type == RO_CHOICE ? arena_printf(rq->a, "Choose the %s", what) :
			    arena_printf(rq->a, "Enter the %s", what)));
	}
}

void
page_report_named(struct req *rq, struct resp *rs, const char *name)
{
	struct wm_err err = WM_ERR_INIT;
	const struct report *r = report_find(name);
	struct ropt_errors errs = { 0 };
	json_t *errors = json_array();
	const char *own = NULL, *title, *guide = NULL;
	enum rformat f = RF_HTML_BODY;
	struct rdoc *d = NULL;
	struct page p;
	bool needs = false;
	int rc = 0;

	if (r == NULL) {
		page_fail(rq, rs, 404, "Page not found", "There is no such report. The Reports page "
		    "lists them all.");
		goto out;
	}
	if (http_report_format(r, req_query(rq, "format"), &f, &own, &err) != 0)
		json_array_append_new(errors, json_pack("{s:s, s:s, s:s}", "field", "format",
		    "href", "#format", "message", "Choose how to show it from the list"));
	for (const struct ropt *o = r->opts; o != NULL && o->name != NULL; o++)
		needs |= (o->flags & RO_REQUIRED) != 0;
	/* the first visit asks; after that, what is missing is a mistake to put right */
	if (rq->query.n > 0)
		missing(rq, r, errors);
	if (json_array_size(errors) == 0 && (rq->query.n > 0 || !needs))
		rc = http_run_report_query(rq, r, &d, &errs, &err);
	/* each option's problem, in the order of the form's fields */
	for (const struct ropt *o = r->opts; rc != 0 && o != NULL && o->name != NULL; o++)
		for (size_t i = 0; i < errs.n; i++) {
			const struct ropt_error *e = &errs.e[i];

			if (e->opt != o)
				continue;
			json_array_append_new(errors, json_pack("{s:s, s:s, s:s}", "field", o->name,
			    "href", arena_printf(rq->a, "#%s", o->name), "message",
			    arena_printf(rq->a, "%s: %c%s", o->label, toupper((unsigned char)e->msg[0]),
			    e->msg + 1)));
		}
	if (rc != 0 && json_array_size(errors) == 0) {
		const char *msg = arena_printf(rq->a, "%c%s", toupper((unsigned char)err.msg[0]),
		    err.msg + 1);

		/* what the options together lack (a committee or a meeting): the form says so */
		if (rc != WM_EUSAGE && rc != WM_EINVAL && rc != WM_ENOTFOUND) {
			page_fail_err(rq, rs, &err);
			goto out;
		}
		if (rq->query.n > 0)
			json_array_append_new(errors, json_pack("{s:s, s:n, s:s}", "field", "",
			    "href", "message", msg));
		else
			guide = msg;
	}
	if (d != NULL && (f != RF_HTML_BODY || own != NULL)) {
		/* a paper to keep; a web page to print opens as it is */
		http_send_report(rq, rs, r, d, f, own, f != RF_HTML);
		goto out;
	}
	title = d != NULL ? rdoc_title(d) : r->title;
	page_begin(&p, rq, rs, arena_printf(rq->a, "%s%s - Waymark", json_array_size(errors) ?
	    "Error: " : "", title), "/reports");
	page_error_list(&p, errors);
	html_elem(&p.h, "span", "Reports", "class", "govuk-caption-l", NULL);
	html_elem(&p.h, "h1", title, "class", "govuk-heading-l", NULL);
	if (d == NULL && json_array_size(errors) == 0)
		html_elem(&p.h, "p", guide != NULL ? guide : arena_printf(rq->a, "The %c%s: choose "
		    "what it is about, then show it.", tolower((unsigned char)r->title[0]),
		    r->title + 1), "class", "govuk-body", NULL);
	report_form(&p, r, errors);
	if (d != NULL)
		page_rdoc_untitled(&p, d);
	page_end(&p);
	if (json_array_size(errors) > 0)
		rs->status = 400;
	if (json_array_size(errors) > 0 && rc == WM_ENOTFOUND)
		rs->status = 404;
out:
	rdoc_free(d);
	json_decref(errors);
}
