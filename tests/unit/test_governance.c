/*
 * test_governance.c: reporting lines and accountability gaps, where
 * milestones stand, and theme rules, on hand-checked cases.
 */
#include "testutil.h"

#include "analysis/govern.h"
#include "analysis/schedule.h"
#include "analysis/themes.h"
#include "base/date.h"

static void
test_reporting_lines_against_the_board(void **state)
{
	/* 0 FA; 1 MB -> FA; 2 PRC -> MB; 3 SC -> PRC; 4 FPBV -> FA; 5 X -> 6 Y -> 5 X; 7 alone */
	struct gov_committee c[] = {
		{ "FA", -1 }, { "MB", 0 }, { "PRC", 1 }, { "SC", 2 }, { "FPBV", 0 },
		{ "X", 6 }, { "Y", 5 }, { "Z", -1 },
	};
	enum gov_line l[8];
	long path[8];
	size_t n;

	(void)state;
	gov_lines(c, 8, 1, l);
	assert_int_equal(l[0], GOV_ABOVE);
	assert_int_equal(l[1], GOV_BOARD);
	assert_int_equal(l[2], GOV_UNDER);
	assert_int_equal(l[3], GOV_UNDER);
	assert_int_equal(l[4], GOV_OUTSIDE);
	assert_int_equal(l[5], GOV_LOOP);
	assert_int_equal(l[6], GOV_LOOP);
	assert_int_equal(l[7], GOV_OUTSIDE);
	assert_true(gov_line_ok(l[0]) && gov_line_ok(l[3]));
	assert_false(gov_line_ok(l[4]) || gov_line_ok(l[5]));
	n = gov_chain(c, 8, 3, path, 8);
	assert_int_equal(n, 4);
	assert_int_equal(path[0], 3);
	assert_int_equal(path[3], 0);
	n = gov_chain(c, 8, 5, path, 8);	/* X, Y, X: stops at the repeat */
	assert_int_equal(n, 3);
	assert_int_equal(path[2], 5);
	gov_lines(c, 8, -1, l);
	assert_int_equal(l[4], GOV_NO_BOARD);
}

static void
test_item_gaps(void **state)
{
	enum gov_line l[] = { GOV_BOARD, GOV_OUTSIDE };
	struct gov_item fine = { 0, 1 }, none = { -1, 0 }, outside = { 1, 2 };

	(void)state;
	assert_int_equal(gov_item_gaps(&fine, l), 0);
	assert_int_equal(gov_item_gaps(&none, l), GOV_NO_COMMITTEE | GOV_NO_LEAD);
	assert_int_equal(gov_item_gaps(&outside, l), GOV_OUT_OF_LINE);
}

static int
D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void
test_milestones_overdue_fuzzy_and_out_of_order(void **state)
{
	size_t dep0[] = { 0 }, dep1[] = { 1 };
	struct ms_item m[] = {
		/* June/July, done */
		{ D(2002, 6, 1), D(2002, 7, 31), false, false, true, false, NULL, 0 },
		/* September?, planned: overdue by 15 days on 15 October */
		{ D(2002, 9, 1), D(2002, 9, 30), false, true, false, false, dep0, 1 },
		/* 1 August: before what it depends on (September) */
		{ D(2002, 8, 1), D(2002, 8, 1), false, false, false, false, dep1, 1 },
		/* ongoing since May: never overdue; done before M1? no: M1 is done */
		{ D(2002, 5, 1), D(2002, 5, 31), true, false, false, false, dep0, 1 },
		/* undated */
		{ DATE_NONE, DATE_NONE, false, false, false, false, NULL, 0 },
		/* done while what it depends on (M1, not done) is not */
		{ D(2002, 10, 1), D(2002, 10, 31), false, false, true, false, dep1, 1 },
	};
	struct ms_state s[6];
	int first, last;

	(void)state;
	ms_assess(m, 6, D(2002, 10, 15), s);
	assert_false(s[0].overdue);
	assert_true(s[0].fuzzy);
	assert_true(s[1].overdue);
	assert_int_equal(s[1].days_overdue, 15);
	assert_true(s[1].fuzzy);
	assert_true(s[2].early);
	assert_int_equal(s[2].dep, 1);
	assert_false(s[2].fuzzy);
	assert_true(s[2].overdue);
	assert_false(s[3].overdue);
	assert_true(s[4].undated);
	assert_false(s[4].overdue);
	assert_true(s[5].done_first);
	assert_int_equal(s[5].dep, 1);
	assert_true(ms_span(m, 6, &first, &last));
	assert_int_equal(first, D(2002, 5, 1));
	assert_int_equal(last, D(2002, 10, 31));
	assert_false(ms_span(m + 4, 1, &first, &last));
}

static void
test_theme_rules_match_words_in_order(void **state)
{
	(void)state;
	assert_true(theme_matches("patrol", "I never see a Patrol car"));
	assert_true(theme_matches("patrol", "more visible patrols, please"));
	assert_false(theme_matches("patrol", "the patio was damaged"));
	assert_true(theme_matches("break-in", "I reported a car break-in"));
	assert_true(theme_matches("break-in", "break ins are up"));
	assert_true(theme_matches("on the beat", "more police On the beat."));
	assert_false(theme_matches("on the beat", "one the beat"));
	assert_false(theme_matches("see more police", "see police more"));
	assert_true(theme_matches("999", "the 999 service"));
	assert_true(theme_matches("burglary", "three burglaries this winter"));
	assert_true(theme_matches("youths", "a youth club"));
	assert_false(theme_matches("broken into", "someone broke into my car"));
	assert_false(theme_matches("terror", "error"));
	assert_false(theme_matches("", "anything"));
	assert_false(theme_matches("---", "anything"));
	assert_false(theme_matches("x", NULL));
}

static void
test_tagging_by_rule_and_by_hand(void **state)
{
	struct theme_rule_in rules[] = { { 0, "visible" }, { 0, "patrol" }, { 1, "burglary" },
		{ 2, "noise" }, { 9, "stray" } };
	size_t hand[] = { 2, 1 };
	unsigned how[3];
	long rule[3];

	(void)state;
	theme_tag("More visible patrols would help with the noise", rules, 5, hand, 2, 3, how, rule);
	assert_int_equal(how[0], THEME_RULE);
	assert_int_equal(rule[0], 0);	/* the first rule that matched */
	assert_int_equal(how[1], THEME_HAND);
	assert_int_equal(rule[1], -1);
	assert_int_equal(how[2], THEME_HAND | THEME_RULE);
	assert_int_equal(rule[2], 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reporting_lines_against_the_board),
		cmocka_unit_test(test_item_gaps),
		cmocka_unit_test(test_milestones_overdue_fuzzy_and_out_of_order),
		cmocka_unit_test(test_theme_rules_match_words_in_order),
		cmocka_unit_test(test_tagging_by_rule_and_by_hand),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
