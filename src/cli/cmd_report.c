/*
 * cmd_report.c: `waymark report NAME`, the reports a committee takes as its
 * paper.
 *
 * Each report is a function that builds an rdoc from the library; this file
 * parses the options every report shares (--format, --output) and writes
 * the document. A report's own options arrive in struct report_args.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/str.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "cli/report.h"
#include "model/ent.h"
#include "model/kind.h"
#include "report/rdoc.h"
#include "report/accountability.h"
#include "report/money.h"
#include "report/portfolio.h"
#include "report/register.h"
#include "report/themes.h"
#include "report/timetable.h"

int
report_options(const struct args *a, const char *const *allowed, struct wm_err *err)
{
	const char *name;
	json_t *v;

	json_object_foreach(a->fields, name, v) {
		size_t n = 0;
		const char *hint;

		while (allowed != NULL && allowed[n] != NULL && strcmp(allowed[n], name) != 0)
			n++;
		if (allowed != NULL && allowed[n] != NULL)
			continue;
		hint = allowed != NULL ? str_suggest(name, allowed, n) : NULL;
		if (hint != NULL)
			return wm_error(err, WM_EUSAGE, "this report has no option --%s (did you mean --%s?)",
			    name, hint);
		return wm_error(err, WM_EUSAGE, "this report has no option --%s", name);
	}
	return 0;
}

/* summary: how much of everything the database holds. */
static int
report_summary(struct cli *c, const struct args *a, struct rdoc **out, struct wm_err *err)
{
	static const char *const cols[] = { "Kind", "Records", "What they are" };
	struct rdoc *d = rdoc_new("What this database holds");
	json_t *data = json_object();
	struct rtable *t;
	int rc;

	if ((rc = report_options(a, NULL, err)) != 0) {
		rdoc_free(d);
		json_decref(data);
		return rc;
	}
	rdoc_meta(d, "Database", c->db);
	t = rdoc_table(d, NULL, 3, cols);
	rtable_numeric(t, 1);
	for (const struct kind *k = kinds; k->name != NULL && rc == 0; k++) {
		struct ent_query q = { .raw = true };
		size_t n;

		if (k->flags & KF_VIEW || strcmp(k->name, "users") == 0)
			continue;
		/* counted, not listed: ten million figures are not built to be counted */
		if ((rc = ent_count(&c->ctx, k, &q, &n, err)) != 0)
			break;
		if (n > 0) {
			rtable_cell(t, k->name);
			rtable_cellf(t, "%zu", n);
			rtable_cell(t, k->help);
			rtable_end_row(t);
		}
		json_object_set_new(data, k->name, json_integer((json_int_t)n));
	}
	rdoc_set_data(d, data);
	if (rc != 0) {
		rdoc_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

/* The date a report is as of: --as-of DATE, else today by the context's clock. */
static int
as_of_date(struct cli *c, const struct args *a, int *day, struct wm_err *err)
{
	const char *v = json_string_value(json_object_get(a->fields, "as_of"));

	*day = date_from_time(c->ctx.now);
	if (v != NULL && date_parse_iso(v, day) != 0)
		return wm_error(err, WM_EUSAGE, "--as-of: \"%s\" is not a date (YYYY-MM-DD)", v);
	return 0;
}

static int
report_chase_cmd(struct cli *c, const struct args *a, struct rdoc **out, struct wm_err *err)
{
	static const char *const opts[] = { "as_of", "stale_days", NULL };
	const char *stale = json_string_value(json_object_get(a->fields, "stale_days"));
	int64_t days = 90;
	int as_of, rc;

	if ((rc = report_options(a, opts, err)) != 0 || (rc = as_of_date(c, a, &as_of, err)) != 0)
		return rc;
	if (stale != NULL && (str_to_int64(stale, &days) != 0 || days < 0 || days > 36500))
		return wm_error(err, WM_EUSAGE, "--stale-days: \"%s\" is not a number of days", stale);
	return report_chase(&c->ctx, as_of, (int)days, out, err);
}

static int
report_progress_cmd(struct cli *c, const struct args *a, struct rdoc **out, struct wm_err *err)
{
	static const char *const opts[] = { "source", NULL };
	const char *source = json_string_value(json_object_get(a->fields, "source"));
	int rc;

	if ((rc = report_options(a, opts, err)) != 0)
		return rc;
	if (source == NULL)
		return wm_error(err, WM_EUSAGE, "which source? --source SOURCE (`waymark list sources`)");
	return report_progress(&c->ctx, source, out, err);
}

/* A number option between lo and hi, or dflt when absent. */
static int
number_option(const struct args *a, const char *name, double dflt, double lo, double hi,
    double *out, struct wm_err *err)
{
	const char *v = json_string_value(json_object_get(a->fields, name));
	char opt[64];

	*out = dflt;
	if (v == NULL)
		return 0;
	snprintf(opt, sizeof(opt), "--%s", name);
	for (char *p = opt; *p != '\0'; p++)
		if (*p == '_')
			*p = '-';
	if (str_to_double(v, out) != 0 || *out < lo || *out > hi)
		return wm_error(err, WM_EUSAGE, "%s: \"%s\" is not a number from %g to %g", opt, v,
		    lo, hi);
	return 0;
}

static int
report_portfolio_cmd(struct cli *c, const struct args *a, struct rdoc **out, struct wm_err *err)
{
	static const char *const opts[] = { "plan", "threshold", "similarity", NULL };
	struct portfolio_opts o = { 0 };
	int rc;

	if ((rc = report_options(a, opts, err)) != 0 ||
	    (rc = number_option(a, "threshold", PORTFOLIO_THRESHOLD, 0, 1000, &o.threshold,
	    err)) != 0 ||
	    (rc = number_option(a, "similarity", PORTFOLIO_SIMILARITY, 0, 1, &o.similarity, err)) != 0)
		return rc;
	o.plan = json_string_value(json_object_get(a->fields, "plan"));
	return report_portfolio(&c->ctx, &o, out, err);
}

static int
report_money_cmd(struct cli *c, const struct args *a, struct rdoc **out, struct wm_err *err)
{
	static const char *const opts[] = { "year", "plan", NULL };
	struct money_opts o = { 0 };
	int rc;

	if ((rc = report_options(a, opts, err)) != 0)
		return rc;
	o.year = json_string_value(json_object_get(a->fields, "year"));
	o.plan = json_string_value(json_object_get(a->fields, "plan"));
	return report_money(&c->ctx, &o, out, err);
}

static int
report_accountability_cmd(struct cli *c, const struct args *a, struct rdoc **out,
    struct wm_err *err)
{
	static const char *const opts[] = { "board", "plan", NULL };
	struct accountability_opts o = { 0 };
	int rc;

	if ((rc = report_options(a, opts, err)) != 0)
		return rc;
	o.board = json_string_value(json_object_get(a->fields, "board"));
	o.plan = json_string_value(json_object_get(a->fields, "plan"));
	return report_accountability(&c->ctx, &o, out, err);
}

static int
report_timetable_cmd(struct cli *c, const struct args *a, struct rdoc **out, struct wm_err *err)
{
	static const char *const opts[] = { "timetable", "as_of", NULL };
	struct timetable_opts o = { 0 };
	int rc;

	if ((rc = report_options(a, opts, err)) != 0 || (rc = as_of_date(c, a, &o.as_of, err)) != 0)
		return rc;
	o.timetable = json_string_value(json_object_get(a->fields, "timetable"));
	return report_timetable(&c->ctx, &o, out, err);
}

static int
report_themes_cmd(struct cli *c, const struct args *a, struct rdoc **out, struct wm_err *err)
{
	static const char *const opts[] = { "by", "from", "to", "source", NULL };
	static const struct { const char *name; enum period_kind kind; } bys[] = {
		{ "month", PERIOD_MONTH }, { "quarter", PERIOD_QUARTER }, { "fyear", PERIOD_FYEAR },
		{ "year", PERIOD_YEAR },
	};
	const char *by = json_string_value(json_object_get(a->fields, "by"));
	struct themes_opts o = { PERIOD_FYEAR, NULL, NULL, NULL };
	size_t i;
	int rc;

	if ((rc = report_options(a, opts, err)) != 0)
		return rc;
	for (i = 0; by != NULL && i < WM_ARRAY_LEN(bys) && strcmp(by, bys[i].name) != 0; i++)
		;
	if (by != NULL && i == WM_ARRAY_LEN(bys))
		return wm_error(err, WM_EUSAGE, "--by: \"%s\" is not one of month, quarter, fyear, year",
		    by);
	if (by != NULL)
		o.by = bys[i].kind;
	o.from = json_string_value(json_object_get(a->fields, "from"));
	o.to = json_string_value(json_object_get(a->fields, "to"));
	o.source = json_string_value(json_object_get(a->fields, "source"));
	return report_themes(&c->ctx, &o, out, err);
}

const struct report reports[] = {
	{ "summary", report_summary, NULL, "how many records of each kind the database holds", NULL },
	{ "chase", report_chase_cmd, "[--as-of DATE] [--stale-days 90]",
	  "recommendations to chase, by lead officer: overdue, or no update lately", NULL },
	{ "progress", report_progress_cmd, "--source SOURCE",
	  "a source's action plan progress summary, with a count of each grade", NULL },
	{ "performance", report_performance_cmd, "[--as-of PERIOD] [--unit U] [--goal G] [--plan P]",
	  "the scorecard: goal, aim and indicator with value, target, status, direction, coverage",
	  NULL },
	{ "exceptions", report_exceptions_cmd,
	  "[--as-of PERIOD] [--committee C | --unit U] [--deteriorating 3]",
	  "only what is red, getting worse, missing or estimated: a committee's paper", NULL },
	{ "consistency", report_consistency_cmd, NULL,
	  "targets that do not add up, and goals, aims, indicators and objectives linked to nothing",
	  NULL },
	{ "trend", report_trend_cmd, "--pi CODE [--unit U] [--from PERIOD] [--to PERIOD] [--by quarter|fyear|year]",
	  "one indicator over time with its target and a rolling year, and unit by unit", "svg" },
	{ "portfolio", report_portfolio_cmd, "[--plan P] [--threshold 0.5] [--similarity 0.5]",
	  "projects against aims: the matrix, gaps (aims served too little) and overlaps", "svg" },
	{ "money", report_money_cmd, "[--year 2004/05] [--plan P]",
	  "budgets central and devolved, capital bids, and the money reaching each goal", NULL },
	{ "accountability", report_accountability_cmd, "[--board COMMITTEE] [--plan P]",
	  "committees' reporting lines, who answers for what, and what no one does", NULL },
	{ "timetable", report_timetable_cmd, "[--timetable T] [--as-of DATE]",
	  "milestones with fuzzy dates: overdue, out of order; a Gantt chart and a calendar",
	  "svg ics" },
	{ "themes", report_themes_cmd, "[--by month|quarter|fyear|year] [--from D] [--to D] [--source S]",
	  "consultation issues by theme and source over time, and the aims themes bear on", NULL },
	{ NULL, NULL, NULL, NULL, NULL }
};

/* Is format one the report writes itself ("svg" in "svg ics")? */
static bool
own_format(const struct report *r, const char *format)
{
	size_t len = strlen(format);
	const char *p = r->formats;

	while (p != NULL && *p != '\0' && len > 0) {
		size_t n = strcspn(p, " ");

		if (n == len && strncmp(p, format, len) == 0)
			return true;
		p += n;
		p += strspn(p, " ");
	}
	return false;
}

const struct report *
report_find(const char *name)
{
	for (const struct report *r = reports; r->name != NULL; r++)
		if (strcmp(r->name, name) == 0)
			return r;
	return NULL;
}

void
report_help(FILE *out)
{
	fprintf(out, "\nreports:\n");
	for (const struct report *r = reports; r->name != NULL; r++) {
		fprintf(out, "  %-14s %s%s%s\n", r->name, r->summary, r->options ? "\n                 " : "",
		    r->options ? r->options : "");
		if (r->formats != NULL)
			fprintf(out, "                 also --format %s\n", r->formats);
	}
}

int
cmd_report(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef common[] = { { "format", true }, { "output", true }, { NULL, false } };
	const struct report *r;
	struct args a;
	struct rdoc *doc = NULL;
	struct buf out = BUF_INIT;
	enum rformat f = RF_TEXT;
	const char *format, *own = NULL;
	int rc;

	/* A report's own options are collected as fields and checked by the report. */
	if ((rc = args_parse(&a, argc, argv, common, true, err)) != 0)
		goto done;
	if (a.npos == 0) {
		rc = wm_error(err, WM_EUSAGE, "which report? (`waymark help report` lists them)");
		goto done;
	}
	if ((r = report_find(a.pos[0])) == NULL) {
		const char *names[64];
		size_t n = 0;
		const char *hint;

		for (const struct report *k = reports; k->name != NULL && n < 64; k++)
			names[n++] = k->name;
		hint = str_suggest(a.pos[0], names, n);
		rc = hint ? wm_error(err, WM_EUSAGE, "no report called \"%s\" (did you mean \"%s\"?)",
		    a.pos[0], hint) :
		    wm_error(err, WM_EUSAGE, "no report called \"%s\" (`waymark help report` lists them)",
		    a.pos[0]);
		goto done;
	}
	format = args_get(&a, "format");
	if (format != NULL && own_format(r, format)) {
		own = format;
	} else if (format != NULL && (rc = rformat_parse(format, &f, err)) != 0) {
		if (r->formats != NULL)
			wm_error(err, WM_EUSAGE, "format \"%s\" is not one of text, md, html, csv, json, "
			    "or for this report %s", format, r->formats);
		goto done;
	}
	if ((rc = r->run(c, &a, &doc, err)) != 0)
		goto done;
	if (own != NULL) {
		const char *text = rdoc_rendition(doc, own, NULL);

		if (text == NULL) {
			rc = wm_error(err, WM_EINTERNAL, "report %s made no %s", r->name, own);
			goto done;
		}
		buf_adds(&out, text);
	} else if ((rc = rdoc_write(doc, f, &out, err)) != 0) {
		goto done;
	}
	rc = out_paper(c->out, args_get(&a, "output"), buf_str(&out), out.len, err);
done:
	rdoc_free(doc);
	buf_release(&out);
	args_release(&a);
	return rc;
}
