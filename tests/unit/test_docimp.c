/*
 * test_docimp.c: reading planning papers, one rule at a time. The
 * documents are written here for the tests, in the layouts the real papers
 * use; tests/e2e/t1000-seeds.sh reads the real ones.
 */
#include "testutil.h"

#include "base/date.h"
#include "import/docimp.h"

static json_t *
read_doc(const char *text, int date, int want_rc)
{
	struct map_opts o = { .file = "test.txt", .date = date };
	struct wm_err err = WM_ERR_INIT;
	json_t *out = NULL;
	int rc = docimp_read(text, strlen(text), &o, &out, &err);

	if (rc != want_rc)
		fail_msg("docimp_read: rc %d (%s), wanted %d", rc, err.msg, want_rc);
	if (out == NULL)
		fail_msg("no result");
	return out;
}

static json_t *
records(json_t *out, const char *kind)
{
	return json_object_get(json_object_get(out, "data"), kind);
}

static const char *
str(const json_t *o, const char *field)
{
	const char *s = json_string_value(json_object_get(o, field));

	return s ? s : "(null)";
}

static const char plan_text[] =
    "AUDIT OF PLANNING: ACTION PLAN\n"
    "\n"
    "Ref.\tRecommendation\tPriority\tResponse\tOfficer\tTimescale\n"
    "\t\t1 = Low 3 = High\t\tresponsible\t\n"
    "R1\tPublish the plan on time.\t\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\tAgreed.\tHead of Planning/ Treasurer\tJuly 2004\n"
    "\n"
    "R2\tKeep a register\tlow\tAgreed in part, because\tClerk\tDec 2004\n"
    "\tof the actions.\t\tresources are short.\t\t\n"
    "\n"
    "Ref.\tRecommendation\tPriority\tResponse\tOfficer\tTimescale\n"
    "R3\tReview the review programme.\t\t\tHead of Review\tOngoing\n";

static void
test_an_action_plan_gives_recommendations(void **state)
{
	json_t *out = read_doc(plan_text, date_from_ymd(2004, 3, 1), 0), *recs, *r;

	(void)state;
	recs = records(out, "recommendations");
	assert_int_equal(json_array_size(recs), 3);
	r = json_array_get(recs, 0);
	assert_string_equal(str(r, "ref"), "R1");
	assert_int_equal(json_integer_value(json_object_get(r, "priority")), 3);
	assert_int_equal(json_array_size(json_object_get(r, "leads")), 2);
	assert_string_equal(json_string_value(json_array_get(json_object_get(r, "leads"), 1)),
	    "Treasurer");
	assert_string_equal(str(json_object_get(r, "timescale"), "latest"), "2004-07-31");
	/* a continuation row's cells join their columns */
	r = json_array_get(recs, 1);
	assert_string_equal(str(r, "text"), "Keep a register of the actions.");
	assert_string_equal(str(r, "response"), "Agreed in part, because resources are short.");
	assert_int_equal(json_integer_value(json_object_get(r, "priority")), 1);
	/* the repeated header is not a record, and nothing is unread */
	assert_null(json_object_get(json_array_get(recs, 2), "priority"));
	assert_int_equal(json_array_size(json_object_get(out, "unread")), 0);
	assert_string_equal(json_string_value(json_array_get(json_object_get(out, "kinds"), 0)),
	    "recommendation action plan");
	json_decref(out);
}

static const char progress_text[] =
    "## ACTION PLAN PROGRESS SUMMARY: REVIEW OF ESTATES 2003\n"
    "\n"
    "June 30th 2004\n"
    "\n"
    "No\tSubject\tLead\tTimescales\tRecommendation\tProgress update and degree met\n"
    "R1\tSales of surplus sites  STATUTORY\tHead of Estates\tMarch 05\tSell the sites no longer needed.\tTwo sites sold. Recommendation met: partially\n"
    "R2\tMaintenance backlog\tHead of\t\tCut the backlog by a third.\tContracts let for the worst buildings.\n"
    "\tNon-statutory\tEstates\t\t\tThe remainder is costed.  Recommendation met :significantly\n"
    "\tthe work continues into next year as funds allow and as the surveys of the remaining buildings are finished\n"
    "R3\tEnergy\tHead of Estates\t2004\tMeasure energy use.\tMeters fitted.\n"
    "\t\t2005\t\t\t\n";

static void
test_a_progress_summary_gives_grades_flags_and_dated_updates(void **state)
{
	json_t *out = read_doc(progress_text, DATE_NONE, 0), *recs, *prog, *r;

	(void)state;
	assert_string_equal(str(out, "date"), "2004-06-30");
	recs = records(out, "recommendations");
	prog = records(out, "progress");
	assert_int_equal(json_array_size(recs), 3);
	assert_int_equal(json_array_size(prog), 3);
	r = json_array_get(recs, 0);
	assert_true(json_is_true(json_object_get(r, "statutory")));
	assert_string_equal(str(r, "subject"), "Sales of surplus sites");
	assert_string_equal(str(json_array_get(prog, 0), "degree_met"), "partially");
	assert_string_equal(str(json_array_get(prog, 0), "text"), "Two sites sold.");
	assert_string_equal(str(json_array_get(prog, 0), "date"), "2004-06-30");
	assert_string_equal(str(json_array_get(prog, 0), "recommendation"), "RE-2003/R1");
	/* a flag on a continuation line; a lead broken over two lines */
	r = json_array_get(recs, 1);
	assert_true(json_is_false(json_object_get(r, "statutory")));
	assert_string_equal(json_string_value(json_array_get(json_object_get(r, "leads"), 0)),
	    "Head of Estates");
	/* a long sentence that landed in a short column belongs to the update */
	assert_string_equal(str(json_array_get(prog, 1), "degree_met"), "significantly");
	assert_non_null(strstr(str(json_array_get(prog, 1), "text"), "as funds allow"));
	/* a year alone in the lead column is the timescale's */
	assert_int_equal(json_array_size(json_object_get(json_array_get(recs, 2), "leads")), 1);
	assert_string_equal(str(json_object_get(json_array_get(recs, 2), "timescale"), "text"),
	    "2004 2005");
	/* no grade written: none given */
	assert_null(json_object_get(json_array_get(prog, 2), "degree_met"));
	assert_string_equal(str(json_array_get(records(out, "sources"), 0), "title"),
	    "REVIEW OF ESTATES 2003");
	json_decref(out);
}

static void
test_a_progress_summary_without_a_date_says_it_needs_one(void **state)
{
	const char *text = "No\tSubject\tRecommendation\tProgress\n"
	    "R1\tA\tDo a.\tDone. Recommendation met: completely\n";
	json_t *out;

	(void)state;
	/* the reading is kept, for a preview; the merge refuses it without a date */
	out = read_doc(text, DATE_NONE, 0);
	assert_true(json_is_true(json_object_get(out, "needs_date")));
	assert_non_null(strstr(json_string_value(json_array_get(json_object_get(out, "notes"), 0)),
	    "--date"));
	assert_null(records(out, "progress"));
	json_decref(out);
	out = read_doc(text, date_from_ymd(2005, 1, 31), 0);
	assert_string_equal(str(json_array_get(records(out, "progress"), 0), "date"), "2005-01-31");
	json_decref(out);
}

static const char strategy_text[] =
    "Borough Strategy 2005-08\n"
    "\n"
    "The three priorities are as follows:\n"
    "- Safer streets;\n"
    "- Fewer burglaries; and\n"
    "- Better service.\n"
    "\n"
    "Key actions\tLead\tTimescale\tPerformance Measure\n"
    "a) Patrol the high street\xC2\xB9\tInspector\tOngoing\tPatrols done\n"
    "b) Light the alleys\tCouncil\tMay 2005\tLights fitted\n"
    "\n"
    "\xC2\xB9 With the council's wardens.\n"
    "\n"
    "Key actions\tLead\tTimescale\tPerformance Measure\n"
    "a) Mark property\tCrime Prevention Officer\tJune 2005\tHomes marked\n"
    "a) Visit victims again\tCrime Prevention Officer\tJuly 2005\tVisits made\n"
    "\n"
    "Priority 3: Better service\n"
    "Key actions\tLead\tTimescale\tPerformance Measure\n"
    "a) Answer calls faster\tCall centre manager\tSeptember 2005\tCalls answered\n";

static void
test_key_actions_find_their_priorities(void **state)
{
	json_t *out = read_doc(strategy_text, DATE_NONE, 0), *nodes, *n;
	size_t i, actions = 0, priorities = 0;
	const char *keys[8] = { 0 };

	(void)state;
	nodes = records(out, "nodes");
	json_array_foreach(nodes, i, n) {
		if (strcmp(str(n, "kind"), "priority") == 0)
			priorities++;
		if (strcmp(str(n, "kind"), "key_action") == 0 && actions < 8)
			keys[actions++] = json_string_value(json_object_get(n, "ref"));
	}
	assert_int_equal(priorities, 3);
	assert_int_equal(actions, 5);
	assert_string_equal(keys[0], "P1.a");
	assert_string_equal(keys[1], "P1.b");
	assert_string_equal(keys[2], "P2.a");	/* a table with no heading: the next priority */
	assert_string_equal(keys[3], "P2.b");	/* a letter that does not move on: the next one */
	assert_string_equal(keys[4], "P3.a");	/* under "Priority 3:" */
	/* the footnote is the first action's note; the priorities are titled from the list */
	json_array_foreach(nodes, i, n) {
		if (strcmp(str(n, "ref"), "P1.a") == 0)
			assert_string_equal(str(n, "description"), "Note 1: With the council's wardens.");
		if (strcmp(str(n, "ref"), "P2") == 0)
			assert_string_equal(str(n, "title"), "Fewer burglaries");
	}
	assert_string_equal(str(json_array_get(records(out, "plans"), 0), "ref"), "BS-2005-08");
	assert_string_equal(str(json_array_get(records(out, "plans"), 0), "period_end"), "2008-03-31");
	json_decref(out);
}

static const char report_text[] =
    "Update on 'Safer Together'\n"
    "\n"
    "Report: 3\n"
    "Date: 10 October 2004\n"
    "\n"
    "A long paragraph of narrative that explains the background to the strategy and why it matters to the people of the borough.\n"
    "The strategy sets 4 goals, namely:\n"
    "\xE2\x80\xA2 cutting crime, reassuring residents\n"
    "\xE2\x80\xA2 helping victims\n"
    "\xE2\x80\xA2 working with partners.\n"
    "\n"
    "Date Action\n"
    "\n"
    "November\n"
    "Consult partners.\n"
    "\n"
    "Early - mid December\n"
    "Revise the draft.\n"
    "\n"
    "February\n"
    "Publish.\n";

static void
test_a_report_gives_a_list_of_goals_and_a_timetable(void **state)
{
	json_t *out = read_doc(report_text, DATE_NONE, 0), *nodes, *ms, *unread;

	(void)state;
	nodes = records(out, "nodes");
	/* "4 goals" and three bullets, one holding two: split at the comma */
	assert_int_equal(json_array_size(nodes), 4);
	assert_string_equal(str(json_array_get(nodes, 1), "title"), "Reassuring residents");
	assert_string_equal(str(json_array_get(nodes, 3), "title"), "Working with partners");
	assert_string_equal(str(json_array_get(nodes, 0), "plan"), "ST");
	ms = records(out, "milestones");
	assert_int_equal(json_array_size(ms), 3);
	assert_string_equal(str(json_object_get(json_array_get(ms, 1), "timescale"), "latest"),
	    "2004-12-20");
	/* February after December is the next year */
	assert_string_equal(str(json_object_get(json_array_get(ms, 2), "timescale"), "earliest"),
	    "2005-02-01");
	/* the narrative is reported, with its line number and why */
	unread = json_object_get(out, "unread");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(unread, 1), "line")), 6);
	assert_non_null(strstr(str(json_array_get(unread, 1), "why"), "narrative"));
	json_decref(out);
}

static void
test_every_line_is_read_or_reported(void **state)
{
	const char *texts[] = { plan_text, progress_text, strategy_text, report_text };

	(void)state;
	for (size_t t = 0; t < WM_ARRAY_LEN(texts); t++) {
		json_t *out = read_doc(texts[t], date_from_ymd(2004, 1, 1), 0), *u;
		size_t i;
		int prev = 0;

		/* unread lines are in order and each has a reason */
		json_array_foreach(json_object_get(out, "unread"), i, u) {
			int line = (int)json_integer_value(json_object_get(u, "line"));

			assert_true(line > prev);
			assert_true(strlen(str(u, "why")) > 10);
			prev = line;
		}
		json_decref(out);
	}
}

static void
test_a_document_with_nothing_to_read_says_so(void **state)
{
	json_t *out = read_doc("Dear colleague,\nThank you for your letter.\n", DATE_NONE,
	    WM_EINVAL);

	(void)state;
	assert_int_equal(json_array_size(json_object_get(out, "unread")), 1);
	json_decref(out);
}

static void
test_any_bytes_give_a_result_or_an_error(void **state)
{
	char buf[512];
	uint64_t x = 88172645463325252ULL;

	(void)state;
	for (int round = 0; round < 300; round++) {
		struct map_opts o = { .file = "junk", .date = DATE_NONE };
		struct wm_err err = WM_ERR_INIT;
		json_t *out = NULL;
		size_t len = (size_t)(round * 7 % (sizeof(buf) - 1));

		for (size_t i = 0; i < len; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			/* mostly tabs, newlines, bullets and letters: table-like junk */
			static const char alphabet[] =
			    "\t\n\t\nR1ab)\xE2\x80\xA2:. Ref Recommendation Lead 2004";

			buf[i] = alphabet[x % (sizeof(alphabet) - 1)];
		}
		buf[len] = '\0';
		docimp_read(buf, len, &o, &out, &err);
		assert_non_null(out);
		json_decref(out);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_an_action_plan_gives_recommendations),
		cmocka_unit_test(test_a_progress_summary_gives_grades_flags_and_dated_updates),
		cmocka_unit_test(test_a_progress_summary_without_a_date_says_it_needs_one),
		cmocka_unit_test(test_key_actions_find_their_priorities),
		cmocka_unit_test(test_a_report_gives_a_list_of_goals_and_a_timetable),
		cmocka_unit_test(test_every_line_is_read_or_reported),
		cmocka_unit_test(test_a_document_with_nothing_to_read_says_so),
		cmocka_unit_test(test_any_bytes_give_a_result_or_an_error),
	};

	return cmocka_run_group_tests_name("docimp", tests, NULL, NULL);
}
