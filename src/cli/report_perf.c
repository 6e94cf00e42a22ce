/*
 * report_perf.c: the options of the performance reports (`waymark report
 * performance|exceptions|consistency|trend`); the papers themselves are
 * in src/report/performance.c and perfcheck.c.
 */
#include "base/wm.h"

#include "base/str.h"
#include "cli/report.h"
#include "report/performance.h"

static const char *
opt(const struct args *a, const char *name)
{
	return json_string_value(json_object_get(a->fields, name));
}

int
report_performance_cmd(struct cli *c, const struct args *a, struct rdoc **out, struct wm_err *err)
{
	static const char *const opts[] = { "as_of", "unit", "goal", "plan", NULL };
	struct performance_opts o = { opt(a, "as_of"), opt(a, "unit"), opt(a, "goal"),
		opt(a, "plan") };
	int rc;

	if ((rc = report_options(a, opts, err)) != 0)
		return rc;
	return report_performance(&c->ctx, &o, out, err);
}

int
report_exceptions_cmd(struct cli *c, const struct args *a, struct rdoc **out, struct wm_err *err)
{
	static const char *const opts[] = { "as_of", "committee", "unit", "deteriorating", NULL };
	struct exceptions_opts o = { opt(a, "as_of"), opt(a, "committee"), opt(a, "unit"), 3 };
	const char *n = opt(a, "deteriorating");
	int64_t runs;
	int rc;

	if ((rc = report_options(a, opts, err)) != 0)
		return rc;
	if (o.committee != NULL && o.unit != NULL)
		return wm_error(err, WM_EUSAGE, "give --committee or --unit, not both");
	if (n != NULL && (str_to_int64(n, &runs) != 0 || runs < 1 || runs > 120))
		return wm_error(err, WM_EUSAGE, "--deteriorating: \"%s\" is not a number of periods "
		    "from 1 to 120", n);
	if (n != NULL)
		o.deteriorating = (int)runs;
	return report_exceptions(&c->ctx, &o, out, err);
}

int
report_consistency_cmd(struct cli *c, const struct args *a, struct rdoc **out, struct wm_err *err)
{
	int rc;

	if ((rc = report_options(a, NULL, err)) != 0)
		return rc;
	return report_consistency(&c->ctx, out, err);
}

int
report_trend_cmd(struct cli *c, const struct args *a, struct rdoc **out, struct wm_err *err)
{
	static const char *const opts[] = { "pi", "unit", "from", "to", "by", NULL };
	struct trend_opts o = { opt(a, "pi"), opt(a, "unit"), opt(a, "from"), opt(a, "to"),
		opt(a, "by") };
	int rc;

	if ((rc = report_options(a, opts, err)) != 0)
		return rc;
	return report_trend(&c->ctx, &o, out, err);
}
