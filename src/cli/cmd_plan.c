/*
 * cmd_plan.c: `waymark plan funding`, what a budget can fund.
 *
 * "plan" gathers commands that look ahead rather than report what is;
 * funding is the first. The choice and its paper are made by the library
 * (report/funding.h); this reads the options and writes the paper as text,
 * JSON or any report format.
 */
#include "base/wm.h"

#include <ctype.h>
#include <math.h>

#include "base/buf.h"
#include "base/mem.h"
#include "base/str.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "report/funding.h"
#include "report/rdoc.h"

/*
 * A sum of money as people type it: 2000000, 2,000,000, £2m, 2.5m, 750k,
 * 1500.50. WM_EUSAGE otherwise.
 */
static int
parse_amount(const char *text, double *out, struct wm_err *err)
{
	char digits[64];
	size_t n = 0;
	const char *p = text;
	double scale = 1;

	if (strncmp(p, "\u00a3", strlen("\u00a3")) == 0)
		p += strlen("\u00a3");
	for (; *p != '\0' && n + 1 < sizeof(digits); p++) {
		if (*p == ',' || *p == '_')
			continue;
		if (!isdigit((unsigned char)*p) && *p != '.')
			break;
		digits[n++] = *p;
	}
	digits[n] = '\0';
	if (*p == 'k' || *p == 'K') {
		scale = 1e3;
		p++;
	} else if (*p == 'm' || *p == 'M') {
		scale = 1e6;
		p++;
	}
	if (n == 0 || *p != '\0' || str_to_double(digits, out) != 0 || !isfinite(*out))
		return wm_error(err, WM_EUSAGE, "--budget: \"%s\" is not a sum of money "
		    "(2000000, 2,000,000, 2m or 750k)", text);
	*out *= scale;
	if (*out > 1e15)
		return wm_error(err, WM_EUSAGE, "--budget: \"%s\" is more than Waymark counts", text);
	return 0;
}

/* --must PJ01 --must PJ05, or --must PJ01,PJ05: the names, in hold. */
static int
must_list(const struct args *a, json_t *hold, struct wm_err *err)
{
	const char *name;
	json_t *v, *one;
	size_t i;

	json_object_foreach(a->fields, name, v) {
		if (strcmp(name, "must") != 0)
			return wm_error(err, WM_EUSAGE, "plan funding has no option --%s "
			    "(`waymark help plan`)", name);
		if (json_is_string(v)) {
			one = json_array();
			json_array_append(one, v);
		} else {
			one = json_incref(v);
		}
		json_array_foreach(one, i, v) {
			char *list = wm_strdup(json_string_value(v)), *save = NULL;

			for (char *tok = strtok_r(list, ",", &save); tok != NULL;
			    tok = strtok_r(NULL, ",", &save))
				if (!str_is_blank(tok))
					json_array_append_new(hold, json_string(str_trim(tok)));
			free(list);
		}
		json_decref(one);
	}
	return 0;
}

static int
plan_funding(struct cli *c, const struct args *a, struct wm_err *err)
{
	struct funding_opts o = { 0 };
	json_t *hold = json_array(), *v;
	const char **must = NULL;
	enum rformat f = RF_TEXT;
	struct rdoc *doc = NULL;
	struct buf out = BUF_INIT;
	size_t i;
	int rc;

	if (a->npos > 1) {
		rc = wm_error(err, WM_EUSAGE, "unexpected argument \"%s\" (give --must once for "
		    "each project, or --must PJ01,PJ05)", a->pos[1]);
		goto done;
	}
	if (!args_has(a, "budget")) {
		rc = wm_error(err, WM_EUSAGE, "how much is there to spend? --budget AMOUNT");
		goto done;
	}
	if ((rc = parse_amount(args_get(a, "budget"), &o.budget, err)) != 0 ||
	    (rc = must_list(a, hold, err)) != 0)
		goto done;
	if (args_has(a, "json") && args_has(a, "format")) {
		rc = wm_error(err, WM_EUSAGE, "give --json or --format, not both");
		goto done;
	}
	if (args_has(a, "json"))
		f = RF_JSON;
	else if (args_has(a, "format") && (rc = rformat_parse(args_get(a, "format"), &f, err)) != 0)
		goto done;
	must = wm_calloc(json_array_size(hold) + 1, sizeof(*must));
	json_array_foreach(hold, i, v)
		must[i] = json_string_value(v);
	o.must = must;
	o.nmust = json_array_size(hold);
	o.year = args_get(a, "year");
	o.plan = args_get(a, "plan");
	o.cover = args_has(a, "cover-every-aim");
	o.free_commissioned = args_has(a, "free-commissioned");
	if ((rc = report_funding(&c->ctx, &o, &doc, err)) != 0 ||
	    (rc = rdoc_write(doc, f, &out, err)) != 0)
		goto done;
	rc = out_paper(c->out, args_get(a, "output"), buf_str(&out), out.len, err);
done:
	rdoc_free(doc);
	buf_release(&out);
	free(must);
	json_decref(hold);
	return rc;
}

int
cmd_plan(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "budget", true }, { "year", true },
		{ "cover-every-aim", false }, { "free-commissioned", false }, { "plan", true },
		{ "json", false }, { "format", true },
		{ "output", true }, { NULL, false } };
	struct args a;
	int rc;

	/* --must may be given many times: collected as a field */
	if ((rc = args_parse(&a, argc, argv, defs, true, err)) != 0)
		goto done;
	if (a.npos == 0 || strcmp(a.pos[0], "funding") != 0) {
		rc = a.npos == 0 ?
		    wm_error(err, WM_EUSAGE, "plan what? waymark plan funding --budget AMOUNT ...") :
		    wm_error(err, WM_EUSAGE, "no plan command \"%s\" (there is: funding)", a.pos[0]);
		goto done;
	}
	rc = plan_funding(c, &a, err);
done:
	args_release(&a);
	return rc;
}
