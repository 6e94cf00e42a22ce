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
#include "cli/report.h"
#include "model/ent.h"
#include "model/kind.h"
#include "report/rdoc.h"
#include "report/register.h"

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
		json_t *rows;

		if (k->flags & KF_VIEW || strcmp(k->name, "users") == 0)
			continue;
		if ((rc = ent_list(&c->ctx, k, &q, &rows, err)) != 0)
			break;
		if (json_array_size(rows) > 0) {
			rtable_cell(t, k->name);
			rtable_cellf(t, "%zu", json_array_size(rows));
			rtable_cell(t, k->help);
			rtable_end_row(t);
		}
		json_object_set_new(data, k->name, json_integer((json_int_t)json_array_size(rows)));
		json_decref(rows);
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

const struct report reports[] = {
	{ "summary", report_summary, NULL, "how many records of each kind the database holds" },
	{ "chase", report_chase_cmd, "[--as-of DATE] [--stale-days 90]",
	  "recommendations to chase, by lead officer: overdue, or no update lately" },
	{ "progress", report_progress_cmd, "--source SOURCE",
	  "a source's action plan progress summary, with a count of each grade" },
	{ NULL, NULL, NULL, NULL }
};

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
	for (const struct report *r = reports; r->name != NULL; r++)
		fprintf(out, "  %-14s %s%s%s\n", r->name, r->summary, r->options ? "\n                 " : "",
		    r->options ? r->options : "");
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
	const char *path;
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
	if (args_get(&a, "format") != NULL &&
	    (rc = rformat_parse(args_get(&a, "format"), &f, err)) != 0)
		goto done;
	if ((rc = r->run(c, &a, &doc, err)) != 0)
		goto done;
	if ((rc = rdoc_write(doc, f, &out, err)) != 0)
		goto done;
	path = args_get(&a, "output");
	if (path == NULL || strcmp(path, "-") == 0) {
		fwrite(out.s ? out.s : "", 1, out.len, c->out);
	} else {
		FILE *fp = fopen(path, "wb");

		if (fp == NULL || fwrite(out.s ? out.s : "", 1, out.len, fp) != out.len) {
			rc = wm_error(err, WM_EIO, "%s: %s", path, strerror(errno));
			if (fp != NULL)
				fclose(fp);
			goto done;
		}
		if (fclose(fp) != 0)
			rc = wm_error(err, WM_EIO, "%s: %s", path, strerror(errno));
	}
done:
	rdoc_free(doc);
	buf_release(&out);
	args_release(&a);
	return rc;
}
