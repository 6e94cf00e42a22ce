/*
 * test_funding.c: the funding choice, on hand-checked cases and against
 * brute force on small random ones.
 */
#include "testutil.h"

#include <math.h>

#include "analysis/funding.h"

/*
 * Issue 15.18: an aim is covered as the portfolio counts it, by funded
 * projects' weights adding up to the threshold. 0.1 and 0.3 do not cover it
 * at 0.5; 0.3 and 0.3 together do.
 */
static void
test_cover_counts_weights_up_to_the_threshold(void **state)
{
	size_t a0[] = { 0 };
	double w1[] = { 0.1 }, w3[] = { 0.3 };
	struct fund_item items[] = {
		{ 50, 90, false, a0, 1, w1 },	/* most benefit, but serves aim 0 only 0.1 */
		{ 50, 10, false, a0, 1, w3 },
		{ 50, 10, false, a0, 1, w3 },
	};
	struct fund_input in = { items, 3, 100, 1, true, 0, 0, 0.5 };
	struct fund_result r;
	struct wm_err err = WM_ERR_INIT;

	(void)state;
	assert_int_equal(fund_solve(&in, &r, &err), 0);
	assert_true(!r.funded[0] && r.funded[1] && r.funded[2]);
	assert_int_equal(r.covered, 1);
	assert_true(fabs(r.aim_weight[0] - 0.6) < 1e-9);
	fund_result_release(&r);
	/* within 50 nothing covers it: the most benefit, and the aim not covered */
	in.budget = 50;
	assert_int_equal(fund_solve(&in, &r, &err), 0);
	assert_int_equal(r.covered, 0);
	assert_true(r.funded[0]);
	fund_result_release(&r);
}

/* Every subset: the best benefit (and, covering, the most aims first). */
static void
brute(const struct fund_item *items, size_t n, double budget, size_t naims, bool cover,
    size_t *best_cov, double *best_ben)
{
	*best_cov = 0;
	*best_ben = -1;
	for (uint32_t set = 0; set < (1u << n); set++) {
		double cost = 0, ben = 0;
		bool aims[64] = { false };
		size_t cov = 0;
		bool ok = true;

		for (size_t i = 0; i < n && ok; i++) {
			bool in = (set >> i) & 1;

			if (items[i].must && !in)
				ok = false;
			if (!in)
				continue;
			cost += items[i].cost;
			ben += items[i].benefit;
			for (size_t a = 0; a < items[i].naims; a++)
				aims[items[i].aims[a]] = true;
		}
		if (!ok || cost > budget + 1e-6)
			continue;
		for (size_t a = 0; a < naims; a++)
			cov += aims[a];
		if (!cover)
			cov = 0;
		if (cov > *best_cov || (cov == *best_cov && ben > *best_ben + 1e-9)) {
			*best_cov = cov;
			*best_ben = ben;
		}
	}
}

static uint64_t rng = 88172645463325252ull;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void
check_result(const struct fund_item *items, size_t n, const struct fund_input *in,
    const struct fund_result *r)
{
	double cost = 0, ben = 0;

	for (size_t i = 0; i < n; i++) {
		if (items[i].must)
			assert_true(r->funded[i]);
		if (r->funded[i]) {
			cost += items[i].cost;
			ben += items[i].benefit;
		}
	}
	assert_true(cost <= in->budget + 1e-6);
	assert_true(fabs(cost - r->cost) < 1e-6);
	assert_true(fabs(ben - r->benefit) < 1e-6);
	assert_true(r->bound >= r->benefit - 1e-9);
}

static void
test_hand_checked_knapsack(void **state)
{
	/* budget 100k: A+C (60k+40k, benefit 50+35=85) beats B alone (90k, 80) and A+... */
	struct fund_item items[] = {
		{ 60000, 50, false, NULL, 0, NULL },
		{ 90000, 80, false, NULL, 0, NULL },
		{ 40000, 35, false, NULL, 0, NULL },
		{ 150000, 200, false, NULL, 0, NULL },	/* does not fit at all */
	};
	struct fund_input in = { items, 4, 100000, 0, false, 0, 0, 0 };
	struct fund_result r;
	struct wm_err err = WM_ERR_INIT;

	(void)state;
	assert_int_equal(fund_solve(&in, &r, &err), 0);
	assert_true(r.funded[0] && !r.funded[1] && r.funded[2] && !r.funded[3]);
	assert_true(fabs(r.benefit - 85) < 1e-9);
	assert_true(fabs(r.cost - 100000) < 1e-9);
	assert_true(r.exact);
	assert_int_equal(r.method, FUND_DP);
	assert_true(fabs(r.unit - 10000) < 1e-9);	/* the largest unit dividing every cost */
	assert_true(fabs(r.left) < 1e-9);
	fund_result_release(&r);
}

static void
test_must_projects_are_funded_first(void **state)
{
	struct fund_item items[] = {
		{ 60000, 50, false, NULL, 0, NULL },
		{ 90000, 10, true, NULL, 0, NULL },	/* poor value, but must be funded */
		{ 40000, 35, false, NULL, 0, NULL },
	};
	struct fund_input in = { items, 3, 100000, 0, false, 0, 0, 0 };
	struct fund_result r;
	struct wm_err err = WM_ERR_INIT;

	(void)state;
	assert_int_equal(fund_solve(&in, &r, &err), 0);
	assert_true(!r.funded[0] && r.funded[1] && !r.funded[2]);
	assert_true(fabs(r.benefit - 10) < 1e-9);
	fund_result_release(&r);
	/* musts over the budget are refused, saying by how much */
	in.budget = 50000;
	assert_int_equal(fund_solve(&in, &r, &err), WM_EINVAL);
	assert_non_null(strstr(err.msg, "more than the budget"));
	fund_result_release(&r);
}

static void
test_cover_every_aim_gives_up_benefit_for_an_aim(void **state)
{
	size_t a0[] = { 0 }, a1[] = { 1 }, a0b[] = { 0 };
	/* without the rule: X and Y (aim 0 twice, 100); with it: X and Z (aims 0 and 1, 70) */
	struct fund_item items[] = {
		{ 50, 60, false, a0, 1, NULL },
		{ 50, 40, false, a0b, 1, NULL },
		{ 50, 10, false, a1, 1, NULL },
	};
	struct fund_input in = { items, 3, 100, 3, false, 0, 0, 0 };
	struct fund_result r;
	struct wm_err err = WM_ERR_INIT;

	(void)state;
	assert_int_equal(fund_solve(&in, &r, &err), 0);
	assert_true(r.funded[0] && r.funded[1] && !r.funded[2]);
	assert_int_equal(r.covered, 1);
	fund_result_release(&r);
	in.cover = true;
	assert_int_equal(fund_solve(&in, &r, &err), 0);
	assert_true(r.funded[0] && !r.funded[1] && r.funded[2]);
	assert_int_equal(r.covered, 2);
	assert_true(r.exact);
	assert_int_equal(r.method, FUND_SEARCH);
	/* aim 2 is served by nothing: it cannot be covered */
	assert_false(r.aim_coverable[2]);
	assert_true(r.aim_coverable[0] && r.aim_coverable[1]);
	fund_result_release(&r);
}

static void
test_bad_numbers_are_refused(void **state)
{
	struct fund_item items[] = { { -5, 10, false, NULL, 0, NULL } };
	struct fund_input in = { items, 1, 100, 0, false, 0, 0, 0 };
	struct fund_result r;
	struct wm_err err = WM_ERR_INIT;

	(void)state;
	assert_int_equal(fund_solve(&in, &r, &err), WM_EINVAL);
	fund_result_release(&r);
	items[0].cost = NAN;
	assert_int_equal(fund_solve(&in, &r, &err), WM_EINVAL);
	fund_result_release(&r);
	items[0].cost = 5;
	in.budget = -1;
	assert_int_equal(fund_solve(&in, &r, &err), WM_EINVAL);
	fund_result_release(&r);
}

static void
random_case(struct fund_item *items, size_t n, size_t (*aims)[3], size_t naims, bool pence,
    double *budget)
{
	double total = 0;

	for (size_t i = 0; i < n; i++) {
		/* costs in thousands of pounds, sometimes with odd pence to defeat a common unit */
		items[i].cost = (double)(next() % 200 + 1) * 1000 + (pence ? (double)(next() % 100) / 100 : 0);
		items[i].benefit = (double)(next() % 100);
		items[i].must = next() % 10 == 0;
		items[i].naims = naims ? next() % 3 : 0;
		for (size_t a = 0; a < items[i].naims; a++)
			aims[i][a] = next() % naims;
		items[i].aims = aims[i];
		items[i].weights = NULL;
		total += items[i].cost;
	}
	*budget = floor((double)(next() % 100 + 1) / 100 * total * 100) / 100;
}

static void
test_knapsack_matches_brute_force(void **state)
{
	(void)state;
	for (int round = 0; round < 300; round++) {
		struct fund_item items[12];
		size_t aims[12][3];
		size_t n = (size_t)(next() % 12) + 1, cov;
		struct fund_input in = { items, n, 0, 0, false, 0, 0, 0 };
		struct fund_result r;
		struct wm_err err = WM_ERR_INIT;
		double best;

		random_case(items, n, aims, 0, round % 2, &in.budget);
		brute(items, n, in.budget, 0, false, &cov, &best);
		if (best < 0) {	/* the musts do not fit */
			assert_int_equal(fund_solve(&in, &r, &err), WM_EINVAL);
			fund_result_release(&r);
			continue;
		}
		assert_int_equal(fund_solve(&in, &r, &err), 0);
		check_result(items, n, &in, &r);
		assert_true(r.exact);
		if (fabs(r.benefit - best) > 1e-6)
			fail_msg("round %d: benefit %g, brute force %g", round, r.benefit, best);
		fund_result_release(&r);
	}
}

static void
test_rounded_costs_give_a_true_bound(void **state)
{
	int rounded = 0;

	(void)state;
	for (int round = 0; round < 300; round++) {
		struct fund_item items[12];
		size_t aims[12][3];
		size_t n = (size_t)(next() % 12) + 1, cov;
		/* a table of at most 64 cells forces a coarse unit */
		struct fund_input in = { items, n, 0, 0, false, 64, 0, 0 };
		struct fund_result r;
		struct wm_err err = WM_ERR_INIT;
		double best;

		random_case(items, n, aims, 0, true, &in.budget);
		brute(items, n, in.budget, 0, false, &cov, &best);
		if (best < 0)
			continue;
		assert_int_equal(fund_solve(&in, &r, &err), 0);
		check_result(items, n, &in, &r);
		assert_true(r.benefit <= best + 1e-6);
		if (r.bound < best - 1e-6)
			fail_msg("round %d: bound %g below the best %g", round, r.bound, best);
		if (r.exact)
			assert_true(fabs(r.benefit - best) < 1e-6);
		rounded += r.method == FUND_DP_ROUNDED;
		fund_result_release(&r);
	}
	assert_true(rounded > 100);
}

static void
test_cover_matches_brute_force(void **state)
{
	(void)state;
	for (int round = 0; round < 300; round++) {
		struct fund_item items[12];
		size_t aims[12][3];
		size_t n = (size_t)(next() % 12) + 1, naims = (size_t)(next() % 6) + 1, cov;
		struct fund_input in = { items, n, 0, naims, true, 0, 0, 0 };
		struct fund_result r;
		struct wm_err err = WM_ERR_INIT;
		double best;

		random_case(items, n, aims, naims, round % 2, &in.budget);
		brute(items, n, in.budget, naims, true, &cov, &best);
		if (best < 0)
			continue;
		assert_int_equal(fund_solve(&in, &r, &err), 0);
		check_result(items, n, &in, &r);
		assert_true(r.exact);
		if (r.covered != cov || fabs(r.benefit - best) > 1e-6)
			fail_msg("round %d: %zu aims and %g, brute force %zu and %g", round, r.covered,
			    r.benefit, cov, best);
		fund_result_release(&r);
	}
}

static void
test_a_cut_search_says_so_and_bounds_the_benefit(void **state)
{
	struct fund_item items[12];
	size_t aims[12][3];
	struct fund_input in = { items, 12, 0, 4, true, 0, 5, 0 };
	struct fund_result r;
	struct wm_err err = WM_ERR_INIT;
	size_t cov;
	double best;

	(void)state;
	do {
		random_case(items, 12, aims, 4, false, &in.budget);
		for (size_t i = 0; i < 12; i++)
			items[i].must = false;
		brute(items, 12, in.budget, 4, true, &cov, &best);
	} while (best < 0);
	assert_int_equal(fund_solve(&in, &r, &err), 0);
	check_result(items, 12, &in, &r);
	assert_int_equal(r.method, FUND_SEARCH_CUT);
	assert_false(r.exact);
	fund_result_release(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hand_checked_knapsack),
		cmocka_unit_test(test_must_projects_are_funded_first),
		cmocka_unit_test(test_cover_every_aim_gives_up_benefit_for_an_aim),
		cmocka_unit_test(test_cover_counts_weights_up_to_the_threshold),
		cmocka_unit_test(test_bad_numbers_are_refused),
		cmocka_unit_test(test_knapsack_matches_brute_force),
		cmocka_unit_test(test_rounded_costs_give_a_true_bound),
		cmocka_unit_test(test_cover_matches_brute_force),
		cmocka_unit_test(test_a_cut_search_says_so_and_bounds_the_benefit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
