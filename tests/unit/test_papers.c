/*
 * test_papers.c: the portfolio, funding, money, accountability, timetable
 * and themes papers on a small database whose answers are worked out by
 * hand below; the timetable's calendar is read back with libical.
 */
#include "testutil.h"

#include <libical/ical.h>

#include "base/buf.h"
#include "base/date.h"
#include "model/dbx.h"
#include "model/ent.h"
#include "report/accountability.h"
#include "report/funding.h"
#include "report/money.h"
#include "report/portfolio.h"
#include "report/themes.h"
#include "report/timetable.h"

static const char world[] =
    "{\"format\": \"waymark-data\", \"version\": 1,"
    " \"units\": [{\"ref\": \"TP\", \"name\": \"Territorial Policing\"},"
    "  {\"ref\": \"Camden\", \"name\": \"Camden\", \"parent\": \"TP\", \"pathfinder\": true}],"
    " \"posts\": [{\"ref\": \"Lead\"}],"
    " \"committees\": [{\"ref\": \"FA\", \"name\": \"Full Authority\"},"
    "  {\"ref\": \"MB\", \"name\": \"Management Board\", \"reports_to\": \"FA\"},"
    "  {\"ref\": \"SC\", \"name\": \"Strategic Committee\", \"reports_to\": \"MB\"},"
    "  {\"ref\": \"X\", \"name\": \"Outsiders\"}],"
    " \"plans\": [{\"ref\": \"P\", \"title\": \"Plan\", \"doc_date\": \"2004-01-01\"}],"
    " \"nodes\": ["
    "  {\"plan\": \"P\", \"ref\": \"G1\", \"kind\": \"goal\", \"title\": \"Safer\","
    "   \"committee\": \"MB\", \"leads\": [\"Lead\"]},"
    "  {\"plan\": \"P\", \"ref\": \"G1.A1\", \"kind\": \"aim\", \"title\": \"Less burglary\","
    "   \"parent\": \"G1\", \"committee\": \"SC\", \"leads\": [\"Lead\"]},"
    "  {\"plan\": \"P\", \"ref\": \"G1.A2\", \"kind\": \"aim\", \"title\": \"Fewer youths in trouble\","
    "   \"parent\": \"G1\", \"committee\": \"X\"},"
    "  {\"plan\": \"P\", \"ref\": \"G2\", \"kind\": \"goal\", \"title\": \"Quicker\"},"
    "  {\"plan\": \"P\", \"ref\": \"G2.A1\", \"kind\": \"aim\", \"title\": \"Answer calls\","
    "   \"parent\": \"G2\"}],"
    " \"projects\": ["
    "  {\"ref\": \"PJ1\", \"title\": \"Safer homes in Camden\", \"description\": \"Target hardening"
    "   for burglary hot spots\", \"status\": \"running\", \"benefit\": 60, \"committee\": \"SC\","
    "   \"manager\": \"Lead\"},"
    "  {\"ref\": \"PJ2\", \"title\": \"Safer homes in Hackney\", \"description\": \"Target hardening"
    "   for burglary hot spots\", \"status\": \"proposed\", \"benefit\": 40},"
    "  {\"ref\": \"PJ3\", \"title\": \"Youth club\", \"description\": \"Evening activities\","
    "   \"status\": \"commissioned\", \"benefit\": 5, \"committee\": \"X\", \"manager\": \"Lead\"},"
    "  {\"ref\": \"PJ4\", \"title\": \"Old scheme\", \"status\": \"closed\", \"benefit\": 1}],"
    " \"costs\": [{\"project\": \"PJ1\", \"year\": \"2004/05\", \"one_off\": 100000},"
    "  {\"project\": \"PJ2\", \"year\": \"2004/05\", \"one_off\": 60000},"
    "  {\"project\": \"PJ3\", \"year\": \"2004/05\", \"recurring\": 50000}],"
    " \"contributions\": [{\"project\": \"PJ1\", \"aim\": \"P/G1.A1\", \"weight\": 0.8},"
    "  {\"project\": \"PJ1\", \"aim\": \"P/G2.A1\", \"weight\": 0.2},"
    "  {\"project\": \"PJ2\", \"aim\": \"P/G1.A1\", \"weight\": 0.5},"
    "  {\"project\": \"PJ3\", \"aim\": \"P/G1.A2\", \"weight\": 0.3}],"
    " \"budgets\": [{\"unit\": \"Camden\", \"category\": \"Pay\", \"year\": \"2004/05\","
    "   \"amount\": 1000, \"devolved\": true},"
    "  {\"unit\": \"TP\", \"category\": \"Pay\", \"year\": \"2004/05\", \"amount\": 3000}],"
    " \"bids\": [{\"ref\": \"B1\", \"title\": \"Vans\", \"year\": \"2004/05\", \"amount\": 1000,"
    "   \"status\": \"approved\", \"goals\": [\"P/G1\", \"P/G2\"]},"
    "  {\"ref\": \"B2\", \"title\": \"Boats\", \"year\": \"2004/05\", \"amount\": 500,"
    "   \"status\": \"rejected\", \"goals\": [\"P/G1\"]}],"
    " \"timetables\": [{\"ref\": \"T\", \"title\": \"Launch\", \"doc_date\": \"2004-01-01\"}],"
    " \"milestones\": ["
    "  {\"timetable\": \"T\", \"ref\": \"M1\", \"seq\": 1, \"title\": \"Draft\","
    "   \"timescale\": \"March 2004\", \"status\": \"done\"},"
    "  {\"timetable\": \"T\", \"ref\": \"M2\", \"seq\": 2, \"title\": \"Consult\","
    "   \"timescale\": \"May/June 2004\", \"depends_on\": [\"M1\"]},"
    "  {\"timetable\": \"T\", \"ref\": \"M3\", \"seq\": 3, \"title\": \"Celebrate\","
    "   \"timescale\": \"when funding allows\"},"
    "  {\"timetable\": \"T\", \"ref\": \"M4\", \"seq\": 4, \"title\": \"Launch\","
    "   \"timescale\": \"1 April 2004\", \"depends_on\": [\"M2\"]}],"
    " \"themes\": [{\"ref\": \"VIS\", \"name\": \"Visible policing\", \"aims\": [\"P/G1.A1\"]}],"
    " \"theme_rules\": [{\"theme\": \"VIS\", \"pattern\": \"patrol\"},"
    "  {\"theme\": \"VIS\", \"pattern\": \"bobbies\"}],"
    " \"issues\": [{\"ref\": \"C1\", \"source\": \"survey\", \"date\": \"2004-05-01\","
    "   \"text\": \"More patrols, please\"},"
    "  {\"ref\": \"C2\", \"source\": \"review\", \"date\": \"2004-06-01\", \"text\": \"Nothing\","
    "   \"themes\": [\"VIS\"]},"
    "  {\"ref\": \"C3\", \"source\": \"survey\", \"date\": \"2005-05-01\", \"text\": \"Noise\"}]}";

static int
setup(void **state)
{
	struct fixture *fx;
	json_t *doc, *summary = NULL;

	if (fixture_setup(state) != 0)
		return -1;
	fx = *state;
	doc = J(world);
	if (dbx_import(&fx->ctx, doc, &summary, &fx->err) != 0) {
		fprintf(stderr, "setup: %s\n", fx->err.msg);
		return -1;
	}
	json_decref(summary);
	json_decref(doc);
	return 0;
}

/* The report's JSON data: written and read back, as a user of --format json sees it. */
static json_t *
data_of(struct rdoc *d)
{
	struct buf b = BUF_INIT;
	struct wm_err err = WM_ERR_INIT;
	json_t *j;

	assert_int_equal(rdoc_write(d, RF_JSON, &b, &err), 0);
	j = J(buf_str(&b));
	buf_release(&b);
	return j;
}

static json_t *
find(const json_t *list, const char *field, const char *value)
{
	size_t i;
	json_t *v;

	json_array_foreach(list, i, v)
		if (strcmp(json_string_value(json_object_get(v, field)), value) == 0)
			return v;
	fail_msg("no %s %s", field, value);
	return NULL;
}

static void
test_portfolio_gaps_and_overlaps(void **state)
{
	struct fixture *fx = *state;
	struct portfolio_opts o = { "P", 0.5, 0.5 };
	struct rdoc *d;
	json_t *j, *gaps, *ov;

	assert_ok(fx, report_portfolio(&fx->ctx, &o, &d, &fx->err));
	j = data_of(d);
	/* G1.A1 is served 0.8 by running PJ1; G1.A2 only 0.3 (PJ3); G2.A1 only 0.2 (PJ1) */
	assert_float_equal(json_number_value(json_object_get(find(json_object_get(j, "matrix"),
	    "aim", "P/G1.A1"), "served")), 0.8, 1e-9);
	gaps = json_object_get(j, "gaps");
	assert_int_equal(json_array_size(gaps), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(gaps, 0), "aim")),
	    "P/G1.A2");
	assert_string_equal(json_string_value(json_object_get(json_array_get(gaps, 0), "why")), "weak");
	/* PJ1 and PJ2 serve G1.A1 in the same words but for the borough */
	ov = json_object_get(j, "overlaps");
	assert_int_equal(json_array_size(ov), 1);
	assert_string_equal(json_string_value(json_array_get(json_object_get(json_array_get(ov, 0),
	    "projects"), 1)), "PJ2");
	assert_true(json_array_size(json_object_get(json_array_get(ov, 0), "shared_terms")) >= 3);
	assert_non_null(rdoc_rendition(d, "svg", NULL));
	json_decref(j);
	rdoc_free(d);
}

static void
test_funding_hand_checked(void **state)
{
	struct fixture *fx = *state;
	const char *must[] = { "PJ1" };
	/* first the choice among all three: the running projects are freed */
	struct funding_opts o = { 120000, "2004/05", NULL, 0, false, true, "P", 0, 0 };
	struct rdoc *d;
	json_t *j, *set;

	/* 120k: PJ2 + PJ3 (110k, benefit 45) would lose to PJ1 alone (100k, 60) */
	assert_ok(fx, report_funding(&fx->ctx, &o, &d, &fx->err));
	j = data_of(d);
	assert_int_equal(json_array_size(json_object_get(j, "candidates")), 3);
	assert_int_equal(json_array_size(json_object_get(j, "funded")), 1);
	assert_string_equal(json_string_value(json_array_get(json_object_get(j, "funded"), 0)), "PJ1");
	assert_float_equal(json_number_value(json_object_get(j, "total_benefit")), 60, 1e-9);
	assert_float_equal(json_number_value(json_object_get(j, "total_cost")), 100000, 1e-9);
	assert_int_equal(json_array_size(json_object_get(j, "dropped")), 2);
	assert_non_null(strstr(json_string_value(json_object_get(json_array_get(json_object_get(j,
	    "dropped"), 0), "why")), "only \u00a320,000 is left"));
	json_decref(j);
	rdoc_free(d);
	/* 160k: PJ1 + PJ2 give most (100) but leave G1.A2 unserved */
	o.budget = 160000;
	assert_ok(fx, report_funding(&fx->ctx, &o, &d, &fx->err));
	j = data_of(d);
	assert_float_equal(json_number_value(json_object_get(j, "total_benefit")), 100, 1e-9);
	json_decref(j);
	rdoc_free(d);
	/*
	 * Issue 15.18: covering counts an aim served as the portfolio does, at
	 * the setting's 0.5: PJ3's 0.3 on G1.A2 is no cover, so covering changes
	 * nothing; at 0.3 it is, and PJ1 + PJ3 (65) cover it.
	 */
	o.cover = true;
	assert_ok(fx, report_funding(&fx->ctx, &o, &d, &fx->err));
	j = data_of(d);
	assert_float_equal(json_number_value(json_object_get(j, "total_benefit")), 100, 1e-9);
	assert_float_equal(json_number_value(json_object_get(j, "cover_threshold")), 0.5, 1e-9);
	json_decref(j);
	rdoc_free(d);
	set = J("{\"key\": \"portfolio.cover_threshold\", \"value\": \"0.3\"}");
	assert_ok(fx, ent_add(&fx->ctx, kind_find("settings"), set, NULL, &fx->err));
	json_decref(set);
	assert_ok(fx, report_funding(&fx->ctx, &o, &d, &fx->err));
	j = data_of(d);
	assert_float_equal(json_number_value(json_object_get(j, "total_benefit")), 65, 1e-9);
	assert_string_equal(json_string_value(json_array_get(json_object_get(j, "funded"), 1)), "PJ3");
	/* G2.A1 is served only PJ1's 0.2: not covered, and said so */
	assert_int_equal(json_array_size(json_object_get(j, "aims_unserved")), 1);
	json_decref(j);
	rdoc_free(d);
	/* Issue 15.17: by default what is under way is funded first, and the paper says so */
	o.cover = false;
	o.free_commissioned = false;
	o.budget = 200000;
	assert_ok(fx, report_funding(&fx->ctx, &o, &d, &fx->err));
	j = data_of(d);
	assert_true(json_array_size(json_object_get(j, "prefunded")) > 0);
	json_decref(j);
	rdoc_free(d);
	o.free_commissioned = true;
	/* a must that does not fit is refused; one that is not a candidate too */
	o.budget = 50000;
	o.must = must;
	o.nmust = 1;
	assert_int_equal(report_funding(&fx->ctx, &o, &d, &fx->err), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "more than the budget"));
	o.year = "2003/04";
	assert_int_equal(report_funding(&fx->ctx, &o, &d, &fx->err), WM_EINVAL);
	assert_non_null(strstr(fx->err.msg, "no cost in 2003/04"));
}

static void
test_money_reaches_goals(void **state)
{
	struct fixture *fx = *state;
	struct money_opts o = { "2004/05", NULL };
	struct rdoc *d;
	json_t *j, *g1, *g2;

	assert_ok(fx, report_money(&fx->ctx, &o, &d, &fx->err));
	j = data_of(d);
	/* G1: PJ1 80% of 100k + PJ3 50k + half of bid B1; G2: PJ1 20% + half of B1 */
	g1 = find(json_object_get(j, "goals"), "goal", "P/G1");
	g2 = find(json_object_get(j, "goals"), "goal", "P/G2");
	assert_float_equal(json_number_value(json_object_get(g1, "total")), 130500, 1e-6);
	assert_float_equal(json_number_value(json_object_get(g2, "total")), 20500, 1e-6);
	assert_float_equal(json_number_value(json_object_get(json_object_get(j, "not_counted"),
	    "proposed_projects")), 60000, 1e-6);
	assert_float_equal(json_number_value(json_object_get(json_object_get(j, "not_counted"),
	    "bids_not_approved")), 500, 1e-6);
	g1 = json_array_get(json_object_get(json_object_get(j, "budgets"), "by_year"), 0);
	assert_float_equal(json_number_value(json_object_get(g1, "devolved")), 1000, 1e-6);
	assert_float_equal(json_number_value(json_object_get(g1, "central")), 3000, 1e-6);
	json_decref(j);
	rdoc_free(d);
}

static void
test_accountability_gaps(void **state)
{
	struct fixture *fx = *state;
	struct accountability_opts o = { NULL, NULL };
	struct rdoc *d;
	json_t *j, *gaps;

	assert_ok(fx, report_accountability(&fx->ctx, &o, &d, &fx->err));
	j = data_of(d);
	assert_string_equal(json_string_value(json_object_get(j, "board")), "MB");
	assert_string_equal(json_string_value(json_object_get(find(json_object_get(j, "committees"),
	    "ref", "X"), "line")), "outside");
	assert_string_equal(json_string_value(json_object_get(find(json_object_get(j, "committees"),
	    "ref", "FA"), "line")), "above");
	gaps = json_object_get(j, "gaps");
	/* G2, G1.A2, G2.A1, PJ2, PJ3; not G1, G1.A1 or PJ1 */
	assert_int_equal(json_array_size(gaps), 5);
	assert_int_equal(json_array_size(json_object_get(find(gaps, "ref", "P/G1.A2"), "gaps")), 2);
	assert_string_equal(json_string_value(json_array_get(json_object_get(find(gaps, "ref", "PJ3"),
	    "gaps"), 0)), "outside the line");
	json_decref(j);
	rdoc_free(d);
	/* with X as the board, SC's line no longer reaches it */
	o.board = "X";
	assert_ok(fx, report_accountability(&fx->ctx, &o, &d, &fx->err));
	j = data_of(d);
	assert_string_equal(json_string_value(json_object_get(find(json_object_get(j, "committees"),
	    "ref", "SC"), "line")), "outside");
	json_decref(j);
	rdoc_free(d);
}

static void
test_timetable_and_its_calendar(void **state)
{
	struct fixture *fx = *state;
	struct timetable_opts o = { NULL, date_from_ymd(2004, 7, 15) };
	struct rdoc *d;
	json_t *j, *ms;
	icalcomponent *cal;
	const char *ics;

	assert_ok(fx, report_timetable(&fx->ctx, &o, &d, &fx->err));
	j = data_of(d);
	ms = json_object_get(json_array_get(json_object_get(j, "timetables"), 0), "milestones");
	assert_int_equal(json_array_size(ms), 4);
	/* M2 (May/June) is 15 days overdue; M4 is dated before M2, which it waits on */
	assert_int_equal(json_integer_value(json_object_get(find(ms, "ref", "M2"), "days_overdue")), 15);
	assert_true(json_is_true(json_object_get(find(ms, "ref", "M2"), "fuzzy")));
	assert_non_null(strstr(json_string_value(json_object_get(find(ms, "ref", "M4"), "note")),
	    "overdue by 105 days; dated to end before M2"));
	assert_true(json_is_null(json_object_get(find(ms, "ref", "M3"), "earliest")));
	assert_false(json_is_true(json_object_get(find(ms, "ref", "M1"), "overdue")));
	json_decref(j);

	/* the calendar reads back: three events and a to-do for the undated step, no errors */
	ics = rdoc_rendition(d, "ics", NULL);
	assert_non_null(ics);
	cal = icalparser_parse_string(ics);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	assert_int_equal(icalcomponent_count_errors(cal), 0);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 3);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VTODO_COMPONENT), 1);
	for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	    e != NULL; e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		struct icaltimetype start = icalcomponent_get_dtstart(e);

		assert_true(start.is_date);
		if (strcmp(icalcomponent_get_uid(e), "T/M2@waymark") == 0) {
			struct icaltimetype end = icalcomponent_get_dtend(e);

			/* May/June: 1 May to the end of June, DTEND the day after */
			assert_int_equal(start.month, 5);
			assert_int_equal(end.month, 7);
			assert_int_equal(end.day, 1);
			assert_int_equal(icalcomponent_get_status(e), ICAL_STATUS_TENTATIVE);
			assert_non_null(strstr(icalcomponent_get_description(e), "May/June 2004"));
		}
	}
	icalcomponent_free(cal);
	assert_non_null(strstr(rdoc_rendition(d, "svg", NULL), "overdue 15 days"));
	rdoc_free(d);
}

static void
test_themes_by_rule_hand_and_period(void **state)
{
	struct fixture *fx = *state;
	struct themes_opts o = { PERIOD_FYEAR, NULL, NULL, NULL };
	struct rdoc *d;
	json_t *j, *vis;

	assert_ok(fx, report_themes(&fx->ctx, &o, &d, &fx->err));
	j = data_of(d);
	assert_int_equal(json_array_size(json_object_get(j, "periods")), 2);
	vis = json_array_get(json_object_get(j, "themes"), 0);
	assert_int_equal(json_integer_value(json_object_get(vis, "count")), 2);
	assert_int_equal(json_integer_value(json_object_get(vis, "by_rule")), 1);
	assert_int_equal(json_integer_value(json_object_get(vis, "by_hand")), 1);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(vis, "by_period"),
	    "2004/05")), 2);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(json_object_get(vis,
	    "by_source"), "survey"), "2004/05")), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(vis,
	    "aims"), 0), "aim")), "P/G1.A1");
	assert_int_equal(json_integer_value(json_object_get(find(json_object_get(j, "rules"),
	    "pattern", "bobbies"), "matches")), 0);
	assert_string_equal(json_string_value(json_array_get(json_object_get(j, "untagged"), 0)), "C3");
	json_decref(j);
	rdoc_free(d);
	/* only what the survey said, in 2004 */
	o.source = "survey";
	o.to = "2004";
	assert_ok(fx, report_themes(&fx->ctx, &o, &d, &fx->err));
	j = data_of(d);
	assert_int_equal(json_array_size(json_object_get(j, "issues")), 1);
	json_decref(j);
	rdoc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_portfolio_gaps_and_overlaps, setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_funding_hand_checked, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_money_reaches_goals, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_accountability_gaps, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_timetable_and_its_calendar, setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_themes_by_rule_hand_and_period, setup,
		    fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
