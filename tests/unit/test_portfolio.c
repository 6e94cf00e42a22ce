/*
 * test_portfolio.c: text similarity, the aims x projects matrix with its
 * gaps and overlaps, and money shared among goals, on hand-checked cases.
 */
#include "testutil.h"

#include <math.h>

#include "analysis/money.h"
#include "analysis/portfolio.h"
#include "analysis/textsim.h"

static void
test_similarity_is_tf_idf_cosine(void **state)
{
	struct textsim *ts = textsim_new();
	double a = log(3.0 / 2), b = log(3.0);

	(void)state;
	assert_int_equal(textsim_add(ts, "Safer homes, Camden"), 0);
	assert_int_equal(textsim_add(ts, "safer HOMES: Hackney"), 1);
	assert_int_equal(textsim_add(ts, "Youth diversion in Lambeth"), 2);
	/* safer and homes are in 2 of 3 texts (weight ln 3/2), the boroughs in one (ln 3) */
	assert_float_equal(textsim_cosine(ts, 0, 1), 2 * a * a / (2 * a * a + b * b), 1e-12);
	assert_float_equal(textsim_cosine(ts, 0, 0), 1, 1e-12);
	assert_float_equal(textsim_cosine(ts, 0, 2), 0, 1e-12);
	assert_float_equal(textsim_cosine(ts, 0, 9), 0, 1e-12);
	textsim_free(ts);
}

static void
test_words_in_every_text_weigh_nothing(void **state)
{
	struct textsim *ts = textsim_new();
	const char *terms[4];

	(void)state;
	textsim_add(ts, "the scheme for the borough of Camden");
	textsim_add(ts, "the scheme for the borough of Hackney");
	textsim_add(ts, "the scheme for the borough of Lambeth");
	/* everything they share is in every text: not alike at all */
	assert_float_equal(textsim_cosine(ts, 0, 1), 0, 1e-12);
	assert_int_equal(textsim_shared(ts, 0, 1, terms, 4), 0);
	textsim_free(ts);
}

static void
test_shared_terms_come_heaviest_first_and_plurals_fold(void **state)
{
	struct textsim *ts = textsim_new();
	const char *terms[4];
	char w[32];

	(void)state;
	textsim_add(ts, "burglaries reduction visits");
	textsim_add(ts, "burglary reduction visits visits");
	textsim_add(ts, "reduction of delays");
	textsim_add(ts, "witnesses kept informed");
	assert_int_equal(textsim_shared(ts, 0, 1, terms, 4), 3);
	/* "visits" is as rare as "burglary" but twice in text 1: heavier; "reduction" is common */
	assert_string_equal(terms[0], "visit");
	assert_string_equal(terms[1], "burglary");
	assert_string_equal(terms[2], "reduction");
	textsim_fold("Witnesses", 9, w, sizeof(w));
	assert_string_equal(w, "witness");
	textsim_fold("business", 8, w, sizeof(w));
	assert_string_equal(w, "business");
	textsim_fold("bus", 3, w, sizeof(w));
	assert_string_equal(w, "bus");
	textsim_free(ts);
}

static void
test_gaps_are_aims_nothing_commissioned_serves_enough(void **state)
{
	struct pf_aim aims[] = { { "P/A1", "Burglary" }, { "P/A2", "Youth" }, { "P/A3", "Calls" },
		{ "P/A4", "Leaders" } };
	struct pf_project projects[] = {
		{ "PJ1", "Safer homes", NULL, PF_RUNNING },
		{ "PJ2", "Youth scheme", NULL, PF_PROPOSED },
		{ "PJ3", "Call centre", NULL, PF_COMMISSIONED },
		{ "PJ4", "Call handling", NULL, PF_COMMISSIONED },
		{ "PJ5", "Leaders", NULL, PF_CLOSED },
	};
	struct pf_contrib c[] = {
		{ 0, 0, 0.8 },	/* A1: served 0.8 */
		{ 1, 1, 1.0 },	/* A2: only a proposal: unserved */
		{ 2, 2, 0.3 },	/* A3: 0.3 + 0.2 = 0.5, exactly the threshold: not a gap */
		{ 3, 2, 0.2 },
		{ 4, 3, 1.0 },	/* A4: its project has closed: unserved */
		{ 0, 1, 0.1 },	/* A2 also 0.1 from PJ1: served, but weakly */
	};
	struct pf_input in = { aims, 4, projects, 5, c, 6, 0.5, 0.3, NULL, 0 };
	struct pf_result r;

	(void)state;
	pf_analyse(&in, &r);
	assert_float_equal(r.matrix[0 * 5 + 0], 0.8, 1e-12);
	assert_float_equal(r.matrix[1 * 5 + 1], 1.0, 1e-12);
	assert_float_equal(r.matrix[3 * 5 + 0], 0, 1e-12);
	assert_float_equal(r.served[2], 0.5, 1e-12);
	assert_int_equal(r.ngaps, 2);
	assert_int_equal(r.gaps[0].aim, 1);
	assert_int_equal(r.gaps[0].why, PF_GAP_WEAK);
	assert_float_equal(r.gaps[0].weight, 0.1, 1e-12);
	assert_int_equal(r.gaps[1].aim, 3);
	assert_int_equal(r.gaps[1].why, PF_GAP_UNSERVED);
	pf_result_release(&r);
}

static void
test_overlaps_are_alike_projects_serving_one_aim(void **state)
{
	struct pf_aim aims[] = { { "P/A1", "Burglary" }, { "P/A2", "Youth" } };
	struct pf_project projects[] = {
		{ "PJ1", "Safer Homes in Camden", "Target hardening for burglary hot spots", PF_RUNNING },
		{ "PJ2", "Safer Homes in Hackney", "Target hardening for burglary hot spots", PF_PROPOSED },
		{ "PJ3", "Youth diversion in Lambeth", "Evening activities for young people", PF_RUNNING },
		{ "PJ4", "Youth diversion in Sutton", "Evening activities for young people", PF_PROPOSED },
		{ "PJ5", "Safer Homes in Barnet", "Target hardening for burglary hot spots", PF_CLOSED },
		{ "PJ6", "Patrol teams in Camden", "Visible patrols in the hot spots", PF_RUNNING },
	};
	struct pf_contrib c[] = {
		{ 0, 0, 0.8 }, { 1, 0, 0.8 }, { 4, 0, 0.8 }, { 5, 0, 0.2 },
		/* PJ3 and PJ4 are alike but serve different aims: not an overlap */
		{ 2, 1, 0.6 }, { 3, 0, 0.1 },
	};
	struct pf_input in = { aims, 2, projects, 6, c, 6, 0.5, 0.5, NULL, 0 };
	struct pf_result r;

	(void)state;
	pf_analyse(&in, &r);
	/* PJ1-PJ2 only: PJ5 has closed; PJ6 shares Camden and hot spots, too little */
	assert_int_equal(r.noverlaps, 1);
	assert_int_equal(r.overlaps[0].a, 0);
	assert_int_equal(r.overlaps[0].b, 1);
	assert_true(r.overlaps[0].similarity > 0.5 && r.overlaps[0].similarity < 1);
	assert_int_equal(r.overlaps[0].naims, 1);
	assert_int_equal(r.overlaps[0].aims[0], 0);
	assert_true(r.overlaps[0].nterms >= 3);
	for (size_t i = 0; i < r.overlaps[0].nterms; i++) {
		assert_string_not_equal(r.overlaps[0].terms[i], "camden");
		assert_string_not_equal(r.overlaps[0].terms[i], "in");
	}
	pf_result_release(&r);
}

static void
test_status_names(void **state)
{
	(void)state;
	assert_int_equal(pf_status_parse("running"), PF_RUNNING);
	assert_int_equal(pf_status_parse("Running"), -1);
	assert_int_equal(pf_status_parse(NULL), -1);
	assert_true(pf_status_live(PF_PROPOSED));
	assert_false(pf_status_live(PF_DECOMMISSIONED));
	assert_false(pf_status_commissioned(PF_PROPOSED));
}

static void
test_money_is_shared_by_weight_and_none_is_lost(void **state)
{
	struct money_link l1[] = { { 0, 0.8 }, { 1, 0.2 } };	/* 80/20 */
	struct money_link l2[] = { { 0, 0 }, { 2, 0 } };	/* no weights: halves */
	struct money_link l3[] = { { 7, 1 } };			/* a goal that is not there */
	struct money_flow f[] = {
		{ 1000, 0, l1, 2 },
		{ 500, 1, l2, 2 },
		{ 300, 1, NULL, 0 },
		{ 200, 0, l3, 1 },
	};
	struct money_split s;

	(void)state;
	money_by_goal(f, 4, 3, &s);
	assert_float_equal(s.goal[0 * MONEY_CHANNELS + 0], 800, 1e-9);
	assert_float_equal(s.goal[1 * MONEY_CHANNELS + 0], 200, 1e-9);
	assert_float_equal(s.goal[0 * MONEY_CHANNELS + 1], 250, 1e-9);
	assert_float_equal(s.goal[2 * MONEY_CHANNELS + 1], 250, 1e-9);
	assert_float_equal(s.unlinked[1], 300, 1e-9);
	assert_float_equal(s.unlinked[0], 200, 1e-9);
	assert_float_equal(s.total[0], 1200, 1e-9);
	assert_float_equal(s.total[1], 800, 1e-9);
	money_split_release(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_similarity_is_tf_idf_cosine),
		cmocka_unit_test(test_words_in_every_text_weigh_nothing),
		cmocka_unit_test(test_shared_terms_come_heaviest_first_and_plurals_fold),
		cmocka_unit_test(test_gaps_are_aims_nothing_commissioned_serves_enough),
		cmocka_unit_test(test_overlaps_are_alike_projects_serving_one_aim),
		cmocka_unit_test(test_status_names),
		cmocka_unit_test(test_money_is_shared_by_weight_and_none_is_lost),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
