/*
 * test_register.c: the register's rules: RAG, overdue, staleness, chasing order.
 */
#include "testutil.h"

#include "analysis/register.h"
#include "base/date.h"

static int
D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static struct rec_facts
rec(double percent, int due)
{
	struct rec_facts f = { "S/R1", due, false, percent, DATE_NONE, DATE_NONE, -1, 0 };

	return f;
}

static void
test_rag_follows_the_percentage_bands(void **state)
{
	const struct rag_rules *r = &rag_rules_default;
	int today = D(2002, 6, 1), later = D(2003, 1, 1);

	(void)state;
	{
		struct rec_facts none = rec(-1, DATE_NONE);

		assert_int_equal(rec_rag(&none, r, today), REC_RAG_NONE);
	}
	{
		struct rec_facts f = rec(25, later);

		assert_int_equal(rec_rag(&f, r, today), REC_RAG_RED);	/* up to 25: red */
		f.percent = 25.5;
		assert_int_equal(rec_rag(&f, r, today), REC_RAG_AMBER);
		f.percent = 75;
		assert_int_equal(rec_rag(&f, r, today), REC_RAG_AMBER);	/* up to 75: amber */
		f.percent = 76;
		assert_int_equal(rec_rag(&f, r, today), REC_RAG_GREEN);
		f.closed = true;
		assert_int_equal(rec_rag(&f, r, today), REC_RAG_CLOSED);
	}
}

static void
test_past_its_date_and_under_half_done_is_red(void **state)
{
	struct rag_rules half = { 25, 75, 50 };	/* a body's own rule: half done escapes red */
	struct rec_facts f = rec(49, D(2002, 5, 31));

	(void)state;
	assert_int_equal(rec_rag(&f, &half, D(2002, 5, 31)), REC_RAG_AMBER);	/* on the day: not yet */
	assert_int_equal(rec_rag(&f, &half, D(2002, 6, 1)), REC_RAG_RED);
	f.percent = 50;
	assert_int_equal(rec_rag(&f, &half, D(2002, 6, 1)), REC_RAG_AMBER);
	f.percent = -1;	/* nothing says how far: overdue is still red */
	assert_int_equal(rec_rag(&f, &half, D(2002, 6, 1)), REC_RAG_RED);
}

/*
 * Issue 15.14: under the shipped rules an overdue recommendation 80% done
 * is not green: overdue and not complete is never green.
 */
static void
test_by_default_overdue_and_not_complete_is_never_green(void **state)
{
	const struct rag_rules *r = &rag_rules_default;
	struct rec_facts f = rec(80, D(2002, 5, 31));

	(void)state;
	assert_int_equal(rec_rag(&f, r, D(2002, 5, 31)), REC_RAG_GREEN);	/* not yet due */
	assert_int_equal(rec_rag(&f, r, D(2002, 6, 1)), REC_RAG_RED);
	f.percent = 99.9;
	assert_int_equal(rec_rag(&f, r, D(2002, 6, 1)), REC_RAG_RED);
	f.closed = true;
	assert_int_equal(rec_rag(&f, r, D(2002, 6, 1)), REC_RAG_CLOSED);
}

static void
test_overdue_and_staleness_count_days(void **state)
{
	struct rec_facts f = rec(10, D(2002, 9, 30));

	(void)state;
	assert_false(rec_overdue(&f, D(2002, 9, 30)));
	assert_true(rec_overdue(&f, D(2002, 10, 1)));
	f.closed = true;
	assert_false(rec_overdue(&f, D(2003, 1, 1)));
	f.due = DATE_NONE;
	f.closed = false;
	assert_false(rec_overdue(&f, D(2003, 1, 1)));
	assert_int_equal(rec_days_since_update(&f, D(2003, 1, 1)), -1);
	f.opened = D(2002, 12, 1);
	assert_int_equal(rec_days_since_update(&f, D(2003, 1, 1)), 31);
	f.last_update = D(2002, 12, 25);
	assert_int_equal(rec_days_since_update(&f, D(2003, 1, 1)), 7);
}

static void
test_rules_come_from_the_bodys_setting(void **state)
{
	struct rag_rules r;
	struct wm_err err;

	(void)state;
	assert_int_equal(rag_rules_parse("{\"red_upto\": 10, \"amber_upto\": 60}", &r, &err), 0);
	assert_true(r.red_upto == 10 && r.amber_upto == 60 && r.overdue_red_below == 100);
	assert_int_equal(rag_rules_parse(NULL, &r, &err), 0);
	assert_true(r.red_upto == 25);
	assert_int_equal(rag_rules_parse("{\"red_upto\": 120}", &r, &err), WM_EINVAL);
	assert_int_equal(rag_rules_parse("{\"red_upto\": 80, \"amber_upto\": 60}", &r, &err),
	    WM_EINVAL);
	assert_int_equal(rag_rules_parse("red", &r, &err), WM_EINVAL);
	assert_non_null(strstr(err.msg, "recommendations.rag"));
}

static void
test_chasing_puts_statutory_then_priority_then_age_first(void **state)
{
	int today = D(2003, 1, 1);
	struct rec_facts stat = rec(10, D(2002, 12, 1)), high = rec(10, D(2002, 6, 1));
	struct rec_facts high_older = rec(10, D(2002, 3, 1)), low = rec(10, D(2001, 1, 1));

	(void)state;
	stat.statutory = 1;
	stat.priority = 1;
	high.priority = 3;
	high_older.priority = 3;
	low.priority = 1;
	assert_true(rec_chase_cmp(&stat, &high, today) < 0);	/* statutory first */
	assert_true(rec_chase_cmp(&high, &low, today) < 0);	/* then priority */
	assert_true(rec_chase_cmp(&high_older, &high, today) < 0);	/* then the longest overdue */
	assert_int_equal(rec_chase_cmp(&high, &high, today), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rag_follows_the_percentage_bands),
		cmocka_unit_test(test_past_its_date_and_under_half_done_is_red),
		cmocka_unit_test(test_by_default_overdue_and_not_complete_is_never_green),
		cmocka_unit_test(test_overdue_and_staleness_count_days),
		cmocka_unit_test(test_rules_come_from_the_bodys_setting),
		cmocka_unit_test(test_chasing_puts_statutory_then_priority_then_age_first),
	};

	return cmocka_run_group_tests_name("register", tests, NULL, NULL);
}
