/*
 * test_tsc.c: fuzzy timescales, one case per way people write them.
 */
#include "testutil.h"

#include "base/date.h"
#include "base/tsc.h"

struct tcase {
	const char *text;
	const char *doc;	/* the document's date, or NULL */
	const char *earliest;	/* NULL: not placed */
	const char *latest;
	const char *flags;	/* letters: o ongoing, c complete, u uncertain, k conditional */
};

static const struct tcase cases[] = {
	/* the forms the register must read */
	{ "31 March 02", NULL, "2002-03-31", "2002-03-31", "" },
	{ "Dec 2002", NULL, "2002-12-01", "2002-12-31", "" },
	{ "July 2002", NULL, "2002-07-01", "2002-07-31", "" },
	{ "End of 2002/2003", NULL, "2003-03-01", "2003-03-31", "" },
	{ "Process in place by end of 2002", "2002-03-31", "2002-03-31", "2002-12-31", "" },
	{ "Strategy launch in autumn", "2002-04-15", "2002-09-01", "2002-11-30", "" },
	{ "June/July", "2002-04-15", "2002-06-01", "2002-07-31", "" },
	{ "September?", "2002-04-15", "2002-09-01", "2002-09-30", "u" },
	{ "Early - mid December", "2002-09-19", "2002-12-01", "2002-12-20", "" },
	{ "Mid September - mid October", "2002-09-19", "2002-09-11", "2002-10-20", "" },
	{ "December 2004 and ongoing", NULL, "2004-12-01", "2004-12-31", "o" },
	{ "October 2004 March 2005", NULL, "2004-10-01", "2005-03-31", "" },
	{ "Ongoing", NULL, NULL, NULL, "o" },
	{ "Complete", NULL, NULL, NULL, "c" },
	{ "For 2003/04 financial/ business planning cycle.", NULL, "2003-04-01", "2004-03-31", "" },
	/* more of the same family */
	{ "September 02", NULL, "2002-09-01", "2002-09-30", "" },
	{ "16 September", "2002-09-19", "2002-09-16", "2002-09-16", "" },
	{ "13 January 2003", "2002-09-19", "2003-01-13", "2003-01-13", "" },
	{ "Late September", "2002-09-19", "2002-09-21", "2002-09-30", "" },
	{ "Mid - end October", "2002-09-19", "2002-10-11", "2002-10-31", "" },
	{ "Early September", "2002-09-19", "2002-09-01", "2002-09-10", "" },
	{ "March 31st 2002", NULL, "2002-03-31", "2002-03-31", "" },
	{ "31/03/2002", NULL, "2002-03-31", "2002-03-31", "" },
	{ "2003-06-30", NULL, "2003-06-30", "2003-06-30", "" },
	{ "Q2 2003", NULL, "2003-04-01", "2003-06-30", "" },
	{ "second quarter of 2002", NULL, "2002-04-01", "2002-06-30", "" },
	{ "winter 2003", NULL, "2003-12-01", "2004-02-29", "" },
	{ "Framework to be agreed May 2002", NULL, "2002-05-01", "2002-05-31", "" },
	{ "Consistency and cross checking to be completed end of June 2002", NULL, "2002-06-21",
	  "2002-06-30", "" },
	{ "Subject to MPA restructuring of committees process will be fully in place by September 2002",
	  "2002-04-15", "2002-04-15", "2002-09-30", "k" },
	{ "Ongoing during the 2003/04 planning process.", NULL, "2003-04-01", "2004-03-31", "o" },
	{ "Process under way", NULL, NULL, NULL, "o" },
	{ "Prog. to be reviewed in July, re SI 2002/305", "2002-04-15", "2002-07-01", "2002-07-31", "" },
	{ "To be agreed by QPRMG in May/June 2002", NULL, "2002-05-01", "2002-06-30", "" },
	{ "End of 2002", NULL, "2002-12-01", "2002-12-31", "" },
	{ "December - January", "2002-09-19", "2002-12-01", "2003-01-31", "" },
	{ "April 2005 and ongoing", NULL, "2005-04-01", "2005-04-30", "o" },
	{ "TBC", NULL, NULL, NULL, "u" },
	{ "2004/05", NULL, "2004-04-01", "2005-03-31", "" },
	/* issue 15.16: quarters, financial-year quarters, weeks, parts of years, from the document */
	{ "1st quarter 2003", NULL, "2003-01-01", "2003-03-31", "" },
	{ "Q1 2003/04", NULL, "2003-04-01", "2003-06-30", "" },
	{ "Q4 2003/04", NULL, "2004-01-01", "2004-03-31", "" },
	{ "first quarter of 2003/04", NULL, "2003-04-01", "2003-06-30", "" },
	{ "3rd quarter 2002/03", NULL, "2002-10-01", "2002-12-31", "" },
	{ "w/c 14 October", "2002-09-19", "2002-10-14", "2002-10-20", "" },
	{ "Week commencing 3 March 2003", NULL, "2003-03-03", "2003-03-09", "" },
	{ "mid-2003", NULL, "2003-05-01", "2003-08-31", "u" },
	{ "Early 2004", NULL, "2004-01-01", "2004-04-30", "u" },
	{ "by the end of the financial year", "2002-09-30", "2002-09-30", "2003-03-31", "" },
	{ "End of the financial year", "2003-01-10", "2003-03-01", "2003-03-31", "" },
	{ "Next financial year", "2002-09-30", "2003-04-01", "2004-03-31", "" },
	{ "within 3 months", "2002-09-30", "2002-09-30", "2002-12-30", "" },
	{ "Within six weeks of the review", "2002-09-30", "2002-09-30", "2002-11-11", "" },
	{ "before Christmas", "2002-10-15", "2002-10-15", "2002-12-24", "" },
	{ "before Christmas", "2002-12-28", "2002-12-28", "2003-12-24", "" },
	{ "Christmas 2003", NULL, "2003-12-25", "2003-12-25", "" },
	{ "within 3 months", NULL, NULL, NULL, "" },
	/* text that names no time is left unplaced, never guessed */
	{ "When resources allow", NULL, NULL, NULL, "k" },
	{ "Depends on future changes to the BVPI suite", NULL, NULL, NULL, "k" },
	{ "The Performance Management Framework is regularly reviewed", NULL, NULL, NULL, "o" },
	{ "", NULL, NULL, NULL, "" },
	/* a month with no year, in a document with no date: not placed */
	{ "September", NULL, NULL, NULL, "" },
};

static void
check(const struct tcase *c)
{
	struct timescale t;
	int doc = DATE_NONE;
	char got[DATE_ISO_LEN];

	if (c->doc != NULL && date_parse_iso(c->doc, &doc) != 0)
		fail_msg("bad doc date in case %s", c->text);
	tsc_parse(c->text, doc, &t);
	date_format_iso(t.earliest, got);
	if (strcmp(got, c->earliest ? c->earliest : "") != 0)
		fail_msg("\"%s\": earliest %s, want %s", c->text, got, c->earliest ? c->earliest : "none");
	date_format_iso(t.latest, got);
	if (strcmp(got, c->latest ? c->latest : "") != 0)
		fail_msg("\"%s\": latest %s, want %s", c->text, got, c->latest ? c->latest : "none");
	if (t.ongoing != (strchr(c->flags, 'o') != NULL) ||
	    t.complete != (strchr(c->flags, 'c') != NULL) ||
	    t.uncertain != (strchr(c->flags, 'u') != NULL) ||
	    t.conditional != (strchr(c->flags, 'k') != NULL))
		fail_msg("\"%s\": flags o%d c%d u%d k%d, want %s", c->text, t.ongoing, t.complete,
		    t.uncertain, t.conditional, c->flags);
	if ((t.earliest == DATE_NONE && t.latest == DATE_NONE && !t.ongoing && !t.complete) !=
	    (t.why != NULL))
		fail_msg("\"%s\": a reason must be given exactly when nothing is placed", c->text);
}

static void
test_every_written_form_reads_as_people_mean_it(void **state)
{
	(void)state;
	for (size_t i = 0; i < WM_ARRAY_LEN(cases); i++)
		check(&cases[i]);
}

/* A timetable's steps in order: each month without a year follows the step before. */
static void
test_steps_in_order_carry_the_year(void **state)
{
	static const struct {
		const char *text;
		int y, m, d;	/* earliest */
	} steps[] = {
		{ "Early September", 2002, 9, 1 },
		{ "December", 2002, 12, 1 },
		{ "January", 2003, 1, 1 },
		{ "13 January 2003", 2003, 1, 13 },
		{ "January", 2003, 1, 1 },	/* just before the step before: kept */
		{ "ongoing", 0, 0, 0 },		/* no date: the running date stays */
		{ "March", 2003, 3, 1 },
	};
	int running = date_from_ymd(2002, 9, 19), base;

	(void)state;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		struct timescale t;

		tsc_parse_next(steps[i].text, &running, &base, &t);
		if (steps[i].y == 0)
			assert_int_equal(t.earliest, DATE_NONE);
		else
			assert_int_equal(t.earliest, date_from_ymd(steps[i].y, steps[i].m, steps[i].d));
	}
	assert_int_equal(running, date_from_ymd(2003, 3, 1));
}

/*
 * Issue 15.16: a timetable not in date order is a list of times: a step
 * without a year takes the document's, not the row above's.
 */
static void
test_steps_out_of_order_take_the_documents_year(void **state)
{
	static const char *const listed[] = { "November", "June 2003", "January 2003", "May",
		"February" };
	static const char *const timetable[] = { "Early September", "December", "January",
		"13 January 2003", "March" };
	struct timescale t[5];
	int bases[5], doc = date_from_ymd(2002, 9, 19);

	(void)state;
	assert_false(tsc_parse_steps(listed, 5, doc, bases, t));
	assert_int_equal(t[0].earliest, date_from_ymd(2002, 11, 1));
	assert_int_equal(t[3].earliest, date_from_ymd(2002, 5, 1));	/* not after January 2003 */
	assert_int_equal(t[4].earliest, date_from_ymd(2002, 2, 1));
	assert_int_equal(bases[3], doc);
	/* in order: as tsc_parse_next reads them */
	assert_true(tsc_parse_steps(timetable, 5, doc, bases, t));
	assert_int_equal(t[2].earliest, date_from_ymd(2003, 1, 1));
	assert_int_equal(t[4].earliest, date_from_ymd(2003, 3, 1));
	/* no years at all, going back twice: a list */
	{
		static const char *const plain[] = { "October", "May", "December", "February" };

		assert_false(tsc_parse_steps(plain, 4, doc, bases, t));
		assert_int_equal(t[3].earliest, date_from_ymd(2002, 2, 1));
	}
}

static void
test_any_bytes_give_an_answer(void **state)
{
	struct timescale t;
	char junk[64];

	(void)state;
	for (int i = 0; i < 2000; i++) {
		for (size_t k = 0; k + 1 < sizeof(junk); k++)
			junk[k] = (char)((i * 131 + k * 17) % 255 + 1);
		junk[sizeof(junk) - 1] = '\0';
		tsc_parse(junk, date_from_ymd(2002, 1, 1), &t);
		assert_true(t.earliest == DATE_NONE || t.latest == DATE_NONE || t.earliest <= t.latest);
	}
	tsc_parse(NULL, DATE_NONE, &t);
	assert_non_null(t.why);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_written_form_reads_as_people_mean_it),
		cmocka_unit_test(test_steps_in_order_carry_the_year),
		cmocka_unit_test(test_steps_out_of_order_take_the_documents_year),
		cmocka_unit_test(test_any_bytes_give_an_answer),
	};

	return cmocka_run_group_tests_name("tsc", tests, NULL, NULL);
}
