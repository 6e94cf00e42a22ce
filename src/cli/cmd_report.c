/*
 * cmd_report.c: `waymark report NAME [OPTIONS]`, the reports a committee
 * takes as its paper.
 *
 * Every report and its options are in the registry (report/reports.h):
 * this file only turns the command line into name=value pairs, in the
 * registry's terms (--stale-days 30 is stale_days=30), hands them to it,
 * and writes the document in the format asked for, to standard output or
 * --output FILE.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/str.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "report/rdoc.h"
#include "report/reports.h"

/* The options a report takes on the command line: its own, then the two every one has. */
struct report_defs {
	struct optdef defs[ROPT_MAX + 3];
	char names[ROPT_MAX][64];
};

static void
report_defs(const struct report *r, struct report_defs *rd)
{
	size_t n = 0;

	for (const struct ropt *o = r->opts; o != NULL && o->name != NULL; o++, n++) {
		ropt_spell(o->name, ROPT_CLI, rd->names[n], sizeof(rd->names[n]));
		rd->defs[n].name = rd->names[n] + 2;
		rd->defs[n].value = o->type != RO_FLAG;
	}
	rd->defs[n++] = (struct optdef){ "format", true };
	rd->defs[n++] = (struct optdef){ "output", true };
	rd->defs[n] = (struct optdef){ NULL, false };
}

static int
no_report(const char *name, struct wm_err *err)
{
	const char *names[64];
	size_t n = 0;
	const char *hint;

	for (const struct report *k = reports; k->name != NULL && n < 64; k++)
		names[n++] = k->name;
	hint = str_suggest(name, names, n);
	if (hint != NULL)
		return wm_error(err, WM_EUSAGE, "no report called \"%s\" (did you mean \"%s\"?)", name,
		    hint);
	return wm_error(err, WM_EUSAGE, "no report called \"%s\" (`waymark help report` lists them)",
	    name);
}

/* The report named first (after any shared options), or NULL with err set. */
static const struct report *
which_report(int argc, char **argv, struct wm_err *err)
{
	static const struct optdef common[] = { { "format", true }, { "output", true },
		{ NULL, false } };
	const struct report *r = NULL;
	struct args a;

	if (argc > 0 && argv[0][0] != '-') {
		r = report_find(argv[0]);
		if (r == NULL)
			no_report(argv[0], err);
		return r;
	}
	if (args_parse(&a, argc, argv, common, true, err) != 0)
		return NULL;
	if (a.npos == 0)
		wm_error(err, WM_EUSAGE, "which report? (`waymark help report` lists them)");
	else if ((r = report_find(a.pos[0])) == NULL)
		no_report(a.pos[0], err);
	args_release(&a);
	return r;
}

/* The format asked for: --format, else the extension of --output, else text. */
static int
pick_format(const struct report *r, const char *format, const char *output, enum rformat *f,
    const char **own, struct wm_err *err)
{
	*f = RF_TEXT;
	*own = NULL;
	if (format != NULL && report_own_format(r, format)) {
		*own = format;
		return 0;
	}
	if (format != NULL) {
		if (rformat_parse(format, f, err) == 0)
			return 0;
		if (r->formats != NULL) {
			char names[200];

			rformat_names(names, sizeof(names));
			wm_error(err, WM_EUSAGE, "format \"%s\" is not one of %s, or for this report %s",
			    format, names, r->formats);
		}
		return WM_EUSAGE;
	}
	if (output != NULL && strrchr(output, '.') != NULL) {
		const char *ext = strrchr(output, '.') + 1;

		if (report_own_format(r, ext))
			*own = ext;
		else if (rformat_parse(ext, f, NULL) != 0)
			*f = RF_TEXT;
	}
	return 0;
}

int
cmd_report(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	const struct report *r;
	struct report_defs rd;
	struct rpair pairs[ROPT_MAX + 4];
	struct ropt_errors errs;
	struct ropts o;
	struct args a;
	struct rdoc *doc = NULL;
	struct buf out = BUF_INIT;
	enum rformat f;
	const char *own;
	size_t np = 0;
	int rc;

	if ((r = which_report(argc, argv, err)) == NULL)
		return WM_EUSAGE;
	report_defs(r, &rd);
	/* options the report does not know are collected, for the registry to name */
	if ((rc = args_parse(&a, argc, argv, rd.defs, true, err)) != 0)
		goto done;
	if (a.npos > 1) {
		rc = wm_error(err, WM_EUSAGE, "one report at a time: \"%s\" is not an option (options "
		    "start with --)", a.pos[1]);
		goto done;
	}
	for (size_t i = 0; r->opts != NULL && r->opts[i].name != NULL; i++)
		if (a.vals[i] != NULL)
			pairs[np++] = (struct rpair){ r->opts[i].name, a.vals[i] };
	{
		const char *name;
		json_t *v;

		json_object_foreach(a.fields, name, v)
			if (np < WM_ARRAY_LEN(pairs))
				pairs[np++] = (struct rpair){ name, json_is_string(v) ?
				    json_string_value(v) : "" };
	}
	if ((rc = pick_format(r, args_get(&a, "format"), args_get(&a, "output"), &f, &own,
	    err)) != 0)
		goto done;
	if (report_parse(&c->ctx, r, pairs, np, &o, &errs) != 0) {
		rc = report_errors_join(&errs, ROPT_CLI, err);
		goto done;
	}
	if (own == NULL && rformat_binary(f) && args_get(&a, "output") == NULL && c->out_tty) {
		rc = wm_error(err, WM_EUSAGE, "%s is a file, not text for a terminal: write it with "
		    "--output FILE.%s", rformat_name(f), rformat_name(f));
		goto done;
	}
	if ((rc = report_run(&c->ctx, &o, &doc, err)) != 0)
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
	rc = out_paper(c->out, args_get(&a, "output"), out.s ? out.s : "", out.len, err);
done:
	rdoc_free(doc);
	buf_release(&out);
	args_release(&a);
	return rc;
}

/* One report's options, each with its help and default. */
static void
help_one(FILE *out, const struct report *r)
{
	char usage[1024];

	report_usage(r, usage, sizeof(usage));
	fprintf(out, "\n%s: %s\n  waymark report %s%s%s\n", r->name, r->summary, r->name,
	    *usage ? " " : "", usage);
	for (const struct ropt *o = r->opts; o != NULL && o->name != NULL; o++) {
		char one[300];

		ropt_usage(o, one, sizeof(one));
		fprintf(out, "  %s\n      %s%s%s%s\n", one, o->help, o->dflt ? " (default: " : "",
		    o->dflt ? o->dflt : "", o->dflt ? ")" : "");
	}
	if (r->formats != NULL)
		fprintf(out, "  also --format %s\n", r->formats);
}

void
report_help(FILE *out, const char *name)
{
	const struct report *one = name != NULL ? report_find(name) : NULL;

	if (one != NULL) {
		help_one(out, one);
		return;
	}
	fprintf(out, "\nreports (`waymark help report NAME` explains one's options):\n");
	for (const struct report *r = reports; r->name != NULL; r++) {
		char usage[1024];

		report_usage(r, usage, sizeof(usage));
		fprintf(out, "  %-14s %s%s%s\n", r->name, r->summary, *usage ? "\n                 " :
		    "", usage);
		if (r->formats != NULL)
			fprintf(out, "                 also --format %s\n", r->formats);
	}
}
