/*
 * test_reports.c: the report registry: options checked into typed values,
 * every problem found at once and worded without syntax, references
 * checked against the records, and the descriptions every front end
 * derives from.
 */
#include "testutil.h"

#include "base/date.h"
#include "model/ent.h"
#include "model/kind.h"
#include "report/reports.h"

#define PAIRS(...) ((const struct rpair[]){ __VA_ARGS__ }), \
	(sizeof((const struct rpair[]){ __VA_ARGS__ }) / sizeof(struct rpair))

static const struct ropt_error *
error_for(const struct ropt_errors *errs, const char *name)
{
	for (size_t i = 0; i < errs->n; i++)
		if (strcmp(errs->e[i].name, name) == 0)
			return &errs->e[i];
	return NULL;
}

static void
test_defaults_fill_what_is_not_given(void **state)
{
	const struct report *r = report_find("chase");
	struct wm_ctx ctx = { .now = 1049112000 };	/* 2003-03-31 */
	struct ropt_errors errs;
	struct ropts o;
	int day;

	(void)state;
	assert_non_null(r);
	assert_int_equal(report_parse(&ctx, r, NULL, 0, &o, &errs), 0);
	assert_int_equal((int)ropts_num(&o, "stale_days"), 90);
	assert_false(ropts_get(&o, "stale_days")->given);
	date_parse_iso("2003-03-31", &day);
	assert_int_equal(ropts_day(&o, "as_of"), day);
	assert_int_equal(report_parse(&ctx, r, PAIRS({ "stale_days", "30" }, { "as_of",
	    "2002-12-01" }), &o, &errs), 0);
	assert_int_equal((int)ropts_num(&o, "stale_days"), 30);
	assert_true(ropts_get(&o, "stale_days")->given);
	date_parse_iso("2002-12-01", &day);
	assert_int_equal(ropts_day(&o, "as_of"), day);
}

static void
test_every_problem_is_found_at_once(void **state)
{
	const struct report *r = report_find("exceptions");
	struct ropt_errors errs;
	struct ropts o;
	const struct ropt_error *e;

	(void)state;
	assert_int_equal(report_parse(NULL, r, PAIRS({ "as_of", "2005-13" }, { "deteriorating",
	    "0" }, { "comittee", "PRC" }, { "unit", "Camden" }, { "unit", "Hackney" }), &o, &errs),
	    WM_EUSAGE);
	assert_int_equal(errs.n, 4);
	e = error_for(&errs, "as_of");
	assert_non_null(e);
	assert_non_null(strstr(e->msg, "\"2005-13\" is not a period"));
	e = error_for(&errs, "deteriorating");
	assert_non_null(e);
	assert_non_null(strstr(e->msg, "from 1 to 120"));
	e = error_for(&errs, "comittee");
	assert_non_null(e);
	assert_null(e->opt);
	assert_string_equal(e->hint, "committee");
	e = error_for(&errs, "unit");
	assert_non_null(strstr(e->msg, "given twice"));
	/* messages name no syntax: the front end names the option its own way */
	for (size_t i = 0; i < errs.n; i++)
		assert_null(strstr(errs.e[i].msg, "--"));
}

static void
test_front_ends_name_options_their_own_way(void **state)
{
	const struct report *r = report_find("chase");
	struct wm_err err = WM_ERR_INIT;
	struct ropt_errors errs;
	struct ropts o;

	(void)state;
	assert_int_not_equal(report_parse(NULL, r, PAIRS({ "stale_days", "soon" }, { "stale_dys",
	    "3" }), &o, &errs), 0);
	assert_int_equal(report_errors_join(&errs, ROPT_CLI, &err), WM_EUSAGE);
	assert_non_null(strstr(err.msg, "--stale-days: \"soon\" is not a whole number"));
	assert_non_null(strstr(err.msg, "(did you mean --stale-days?)"));
	report_errors_join(&errs, ROPT_API, &err);
	assert_non_null(strstr(err.msg, "stale_days: \"soon\""));
	assert_null(strstr(err.msg, "--"));
}

static void
test_required_and_exclusive_options(void **state)
{
	struct ropt_errors errs;
	struct ropts o;

	(void)state;
	assert_int_equal(report_parse(NULL, report_find("progress"), NULL, 0, &o, &errs),
	    WM_EUSAGE);
	assert_non_null(strstr(error_for(&errs, "source")->msg, "missing"));
	assert_int_equal(report_parse(NULL, report_find("exceptions"), PAIRS({ "committee", "PRC" },
	    { "unit", "Camden" }), &o, &errs), WM_EUSAGE);
	assert_non_null(strstr(error_for(&errs, "committee")->msg, "cannot be given with a unit"));
	assert_int_equal(report_parse(NULL, report_find("trend"), PAIRS({ "pi", "SC-01" }, { "by",
	    "week" }), &o, &errs), WM_EUSAGE);
	assert_non_null(strstr(errs.e[0].msg, "month, quarter, fyear or year"));
}

static void
test_a_reference_to_no_record_is_not_found(void **state)
{
	struct fixture *fx = *state;
	const struct report *r = report_find("exceptions");
	struct wm_err err = WM_ERR_INIT;
	struct ropt_errors errs;
	struct ropts o;
	json_t *unit = J("{\"ref\": \"Camden\", \"name\": \"Camden\"}");

	assert_ok(fx, ent_add(&fx->ctx, kind_find("units"), unit, NULL, &fx->err));
	json_decref(unit);
	assert_int_equal(report_parse(&fx->ctx, r, PAIRS({ "unit", "Camden" }), &o, &errs), 0);
	assert_string_equal(ropts_text(&o, "unit"), "Camden");
	assert_int_equal(report_parse(&fx->ctx, r, PAIRS({ "unit", "Camdn" }), &o, &errs),
	    WM_ENOTFOUND);
	assert_non_null(strstr(errs.e[0].msg, "Camden"));
	assert_int_equal(report_errors_join(&errs, ROPT_API, &err), WM_ENOTFOUND);
	/* with a problem of another sort too, it is a usage error */
	assert_int_equal(report_parse(&fx->ctx, r, PAIRS({ "unit", "Camdn" }, { "as_of", "x" }),
	    &o, &errs), WM_EUSAGE);
}

static void
test_every_report_is_described_for_its_front_ends(void **state)
{
	(void)state;
	for (const struct report *r = reports; r->name != NULL; r++) {
		char usage[1024];

		assert_non_null(r->title);
		assert_non_null(r->summary);
		assert_non_null(r->run);
		report_usage(r, usage, sizeof(usage));
		for (const struct ropt *o = r->opts; o != NULL && o->name != NULL; o++) {
			assert_non_null(o->label);
			assert_non_null(o->help);
			assert_null(strchr(o->name, '-'));
			if (o->type == RO_REF)
				assert_non_null(kind_find(o->kind));
			if (o->type == RO_CHOICE)
				assert_non_null(o->choices);
			if (o->not_with != NULL)
				assert_non_null(report_opt(r, o->not_with));
			if (o->dflt != NULL) {
				/* a default is a value the option takes */
				struct ropt_errors errs;
				struct ropts v;
				struct rpair p = { o->name, o->dflt };

				assert_int_equal(report_parse(NULL, r, &p, 1, &v, &errs) == 0 ||
				    error_for(&errs, o->name) == NULL, 1);
			}
		}
	}
	{
		char usage[1024];

		report_usage(report_find("trend"), usage, sizeof(usage));
		assert_string_equal(usage, "--pi CODE [--unit UNIT] [--from PERIOD] [--to PERIOD] "
		    "[--by month|quarter|fyear|year]");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_fill_what_is_not_given),
		cmocka_unit_test(test_every_problem_is_found_at_once),
		cmocka_unit_test(test_front_ends_name_options_their_own_way),
		cmocka_unit_test(test_required_and_exclusive_options),
		cmocka_unit_test_setup_teardown(test_a_reference_to_no_record_is_not_found,
		    fixture_setup, fixture_teardown),
		cmocka_unit_test(test_every_report_is_described_for_its_front_ends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
