/*
 * test_cube.c: figures stored as one block newest first (layout 2) come
 * back exactly, for any slice of periods; series written before schema 8
 * (layout 1, four arrays oldest first) are still read, and cube_relayout
 * rewrites them without changing a figure.
 */
#include "testutil.h"

#include "model/cube.h"

#define NUNITS 200
#define FIRST 100	/* period index of the oldest row */
#define NPER 40

struct ids {
	int64_t pi;
	int64_t units[NUNITS];
};

static int64_t
one_id(struct fixture *fx, const char *sql, const char *key)
{
	struct stmt *s;
	int64_t id;

	assert_ok(fx, store_prepare(fx->st, sql, &s, &fx->err));
	stmt_bind_text(s, 1, key);
	assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
	id = stmt_int(s, 0);
	stmt_reset(s);
	return id;
}

static void
make_ids(struct fixture *fx, struct ids *ids)
{
	ids->pi = one_id(fx, "INSERT INTO pi (code, title) VALUES (?, 'Test') RETURNING id", "T1");
	for (int u = 0; u < NUNITS; u++) {
		char ref[16];

		snprintf(ref, sizeof(ref), "U%03d", u);
		ids->units[u] = one_id(fx, "INSERT INTO unit (ref, name) VALUES (?, 'U')"
		    " RETURNING id", ref);
	}
}

/* The figure of unit u in period p: every cell different. */
static double
fig(int p, int u)
{
	return p * 1000.0 + u + 0.25;
}

static void
fill(struct cube *c, const struct ids *ids, bool counts)
{
	cube_init(c, ids->pi, PERIOD_MONTH);
	for (int u = 0; u < NUNITS; u++)
		assert_int_equal(cube_col(c, ids->units[u], true), u);
	if (counts)
		cube_want_counts(c);
	for (int p = FIRST; p < FIRST + NPER; p++) {
		long r = cube_row(c, p, true);

		for (int u = 0; u < NUNITS; u++) {
			size_t cell = cube_cell(c, r, u);

			c->value[cell] = fig(p, u);
			c->flag[cell] = (uint8_t)(1 + (p + u) % 4);
			if (counts) {
				c->num[cell] = p + u;
				c->den[cell] = 1000 + p;
			}
		}
	}
}

/* Every cell of [from, to] as fill() made it. */
static void
expect_slice(const struct cube *c, const struct ids *ids, int from, int to, bool counts)
{
	assert_int_equal(c->first, from);
	assert_int_equal(c->nperiods, to - from + 1);
	assert_int_equal(c->nunits, NUNITS);
	assert_int_equal(c->num != NULL, counts);
	for (int u = 0; u < NUNITS; u++)
		assert_int_equal(c->units[u], ids->units[u]);
	for (int p = from; p <= to; p++)
		for (int u = 0; u < NUNITS; u++) {
			size_t cell = cube_cell(c, p - c->first, u);

			assert_true(c->value[cell] == fig(p, u));
			assert_int_equal(c->flag[cell], 1 + (p + u) % 4);
			if (counts) {
				assert_true(c->num[cell] == p + u);
				assert_true(c->den[cell] == 1000 + p);
			}
		}
}

static void
round_trip(struct fixture *fx, bool counts)
{
	struct ids ids;
	struct cube c, got;
	struct stmt *s;
	int last = FIRST + NPER - 1;

	make_ids(fx, &ids);
	fill(&c, &ids, counts);
	assert_ok(fx, cube_store(&fx->ctx, &c, &fx->err));
	cube_release(&c);

	/* the latest year: the front of the block */
	assert_ok(fx, cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, last - 12, last, &got, &fx->err));
	expect_slice(&got, &ids, last - 12, last, counts);
	cube_release(&got);
	/* recent, but far enough from the front to be read apart from the unit ids */
	assert_ok(fx, cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, last - 20, last - 10, &got,
	    &fx->err));
	expect_slice(&got, &ids, last - 20, last - 10, counts);
	cube_release(&got);
	/* across the recent part and the archive */
	assert_ok(fx, cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, last - 30, last - 20, &got,
	    &fx->err));
	expect_slice(&got, &ids, last - 30, last - 20, counts);
	cube_release(&got);
	/* the oldest periods: in the archive only */
	assert_ok(fx, cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, FIRST - 5, FIRST + 3, &got,
	    &fx->err));
	expect_slice(&got, &ids, FIRST, FIRST + 3, counts);
	cube_release(&got);
	/* the whole of it */
	assert_ok(fx, cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, INT_MIN, INT_MAX, &got, &fx->err));
	expect_slice(&got, &ids, FIRST, last, counts);
	cube_release(&got);
	/* no period held in the range: no rows, but the units */
	assert_ok(fx, cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, last + 1, last + 9, &got, &fx->err));
	assert_int_equal(got.nperiods, 0);
	assert_int_equal(got.nunits, NUNITS);
	assert_int_equal(got.units[NUNITS - 1], ids.units[NUNITS - 1]);
	cube_release(&got);

	assert_ok(fx, store_prepare(fx->st, "SELECT layout, counts, LENGTH(value) FROM pi_series",
	    &s, &fx->err));
	assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
	assert_int_equal(stmt_int(s, 0), 2);
	assert_int_equal(stmt_int(s, 1), counts);
	assert_int_equal(stmt_int(s, 2), 0);
	stmt_reset(s);
	assert_int_equal(sql_number(fx, "SELECT COUNT(*) FROM pi_archive"), 1);

	/* cut to the recent periods: the archive row goes */
	assert_ok(fx, cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, last - CUBE_RECENT + 1, last, &got,
	    &fx->err));
	assert_ok(fx, cube_store(&fx->ctx, &got, &fx->err));
	cube_release(&got);
	assert_int_equal(sql_number(fx, "SELECT COUNT(*) FROM pi_archive"), 0);
	assert_ok(fx, cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, INT_MIN, INT_MAX, &got, &fx->err));
	expect_slice(&got, &ids, last - CUBE_RECENT + 1, last, counts);
	cube_release(&got);
}

static void
test_block_round_trip(void **state)
{
	round_trip(*state, false);
}

static void
test_block_round_trip_with_counts(void **state)
{
	round_trip(*state, true);
}

static unsigned char *
le_doubles(const double *a, size_t n)
{
	unsigned char *out = malloc(n * 8 + 1);

	for (size_t i = 0; i < n; i++) {
		uint64_t bits;

		memcpy(&bits, &a[i], 8);
		for (int b = 0; b < 8; b++)
			out[i * 8 + (size_t)b] = (unsigned char)(bits >> (8 * b));
	}
	return out;
}

/* A series as schema 3 to 5 wrote it: four arrays oldest first, units as rows. */
static void
write_layout1(struct fixture *fx, const struct ids *ids)
{
	size_t cells = (size_t)NPER * NUNITS;
	double *v = malloc(cells * sizeof(*v)), *n = malloc(cells * sizeof(*n));
	double *d = malloc(cells * sizeof(*d));
	uint8_t *f = malloc(cells);
	unsigned char *bv, *bn, *bd;
	struct stmt *s;
	int64_t id;

	for (int p = 0; p < NPER; p++)
		for (int u = 0; u < NUNITS; u++) {
			size_t k = (size_t)p * NUNITS + (size_t)u;

			v[k] = fig(FIRST + p, u);
			f[k] = (uint8_t)(1 + (FIRST + p + u) % 4);
			n[k] = FIRST + p + u;
			d[k] = 1000 + FIRST + p;
		}
	bv = le_doubles(v, cells);
	bn = le_doubles(n, cells);
	bd = le_doubles(d, cells);
	assert_ok(fx, store_prepare(fx->st, "INSERT INTO pi_series (pi_id, period_kind, first_index,"
	    " nperiods, nunits, value, num, den, flag) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)"
	    " RETURNING id", &s, &fx->err));
	stmt_bind_int(s, 1, ids->pi);
	stmt_bind_int(s, 2, FIRST);
	stmt_bind_int(s, 3, NPER);
	stmt_bind_int(s, 4, NUNITS);
	stmt_bind_blob(s, 5, bv, cells * 8);
	stmt_bind_blob(s, 6, bn, cells * 8);
	stmt_bind_blob(s, 7, bd, cells * 8);
	stmt_bind_blob(s, 8, f, cells);
	assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
	id = stmt_int(s, 0);
	stmt_reset(s);
	/* units in reverse order of their columns, as nothing promises row order */
	for (int u = NUNITS - 1; u >= 0; u--) {
		assert_ok(fx, store_prepare(fx->st, "INSERT INTO series_unit (series_id, unit_id, pos)"
		    " VALUES (?, ?, ?)", &s, &fx->err));
		stmt_bind_int(s, 1, id);
		stmt_bind_int(s, 2, ids->units[u]);
		stmt_bind_int(s, 3, u);
		assert_ok(fx, stmt_exec(s, &fx->err));
	}
	free(v);
	free(n);
	free(d);
	free(f);
	free(bv);
	free(bn);
	free(bd);
}

static void
test_layout1_read_and_rewritten(void **state)
{
	struct fixture *fx = *state;
	struct ids ids;
	struct cube got;
	int64_t n = -1;
	int last = FIRST + NPER - 1;

	make_ids(fx, &ids);
	write_layout1(fx, &ids);
	assert_ok(fx, cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, last - 12, last, &got, &fx->err));
	expect_slice(&got, &ids, last - 12, last, true);
	cube_release(&got);

	assert_ok(fx, cube_relayout(&fx->ctx, &n, &fx->err));
	assert_int_equal(n, 1);
	assert_ok(fx, cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, INT_MIN, INT_MAX, &got, &fx->err));
	expect_slice(&got, &ids, FIRST, last, true);
	assert_int_equal(got.version, 2);
	cube_release(&got);
	/* nothing left to rewrite */
	assert_ok(fx, cube_relayout(&fx->ctx, &n, &fx->err));
	assert_int_equal(n, 0);
}

/* Period p of unit u set as fill() would, in a cube holding it. */
static void
set_fig(struct cube *c, const struct ids *ids, int p, int u)
{
	long r = cube_row(c, p, true), col = cube_col(c, ids->units[u], true);
	size_t cell = cube_cell(c, r, col);

	c->value[cell] = fig(p, u);
	c->flag[cell] = (uint8_t)(1 + (p + u) % 4);
}

static int64_t
archive_length(struct fixture *fx)
{
	return sql_number(fx, "SELECT COALESCE(SUM(LENGTH(block)), 0) FROM pi_archive");
}

static void
test_recent_part_written_alone(void **state)
{
	struct fixture *fx = *state;
	struct ids ids;
	struct cube c;
	int last = FIRST + NPER - 1;
	int64_t archive;

	make_ids(fx, &ids);
	fill(&c, &ids, false);
	assert_ok(fx, cube_store(&fx->ctx, &c, &fx->err));
	cube_release(&c);
	archive = archive_length(fx);

	/* the recent part only: a month added leaves the archive as it was */
	assert_ok(fx, cube_load_recent(&fx->ctx, ids.pi, PERIOD_MONTH, &c, &fx->err));
	assert_true(c.partial);
	assert_int_equal(c.nperiods, CUBE_RECENT);
	assert_int_equal(c.first, last - CUBE_RECENT + 1);
	for (int u = 0; u < NUNITS; u++)
		set_fig(&c, &ids, last + 1, u);
	assert_ok(fx, cube_store(&fx->ctx, &c, &fx->err));
	cube_release(&c);
	assert_int_equal(archive_length(fx), archive);
	assert_int_equal(sql_number(fx, "SELECT recent FROM pi_series"), CUBE_RECENT + 1);
	assert_ok(fx, cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, INT_MIN, INT_MAX, &c, &fx->err));
	expect_slice(&c, &ids, FIRST, last + 1, false);
	cube_release(&c);

	/* so many months added that the recent part outgrows itself: all rewritten */
	assert_ok(fx, cube_load_recent(&fx->ctx, ids.pi, PERIOD_MONTH, &c, &fx->err));
	assert_int_equal(c.nperiods, CUBE_RECENT + 1);
	for (int p = last + 2; p <= last + CUBE_RECENT + 1; p++)
		for (int u = 0; u < NUNITS; u++)
			set_fig(&c, &ids, p, u);
	assert_ok(fx, cube_store(&fx->ctx, &c, &fx->err));
	cube_release(&c);
	assert_int_equal(sql_number(fx, "SELECT recent FROM pi_series"), CUBE_RECENT);
	assert_true(archive_length(fx) > archive);
	assert_ok(fx, cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, INT_MIN, INT_MAX, &c, &fx->err));
	expect_slice(&c, &ids, FIRST, last + CUBE_RECENT + 1, false);
	cube_release(&c);

	/* an older period touched: the cube is made whole first */
	assert_ok(fx, cube_load_recent(&fx->ctx, ids.pi, PERIOD_MONTH, &c, &fx->err));
	assert_ok(fx, cube_complete(&fx->ctx, &c, &fx->err));
	assert_false(c.partial);
	assert_int_equal(c.first, FIRST);
	expect_slice(&c, &ids, FIRST, last + CUBE_RECENT + 1, false);
	cube_release(&c);
}

static void
test_partial_cube_with_a_new_unit_rewrites_the_archive(void **state)
{
	struct fixture *fx = *state;
	struct ids ids;
	struct cube c;
	int64_t extra;
	size_t cell;
	long r;

	make_ids(fx, &ids);
	fill(&c, &ids, false);
	assert_ok(fx, cube_store(&fx->ctx, &c, &fx->err));
	cube_release(&c);
	extra = one_id(fx, "INSERT INTO unit (ref, name) VALUES (?, 'U') RETURNING id", "EXTRA");

	assert_ok(fx, cube_load_recent(&fx->ctx, ids.pi, PERIOD_MONTH, &c, &fx->err));
	r = cube_row(&c, FIRST + NPER - 1, false);
	cell = cube_cell(&c, r, cube_col(&c, extra, true));
	c.value[cell] = 7;
	c.flag[cell] = CF_ACTUAL;
	assert_ok(fx, cube_store(&fx->ctx, &c, &fx->err));
	cube_release(&c);

	assert_ok(fx, cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, INT_MIN, INT_MAX, &c, &fx->err));
	assert_int_equal(c.nunits, NUNITS + 1);
	assert_int_equal(c.first, FIRST);
	assert_int_equal(c.nperiods, NPER);
	for (int p = FIRST; p < FIRST + NPER; p++) {
		size_t k = cube_cell(&c, p - FIRST, NUNITS);

		assert_int_equal(c.flag[k], p == FIRST + NPER - 1 ? CF_ACTUAL : CF_NONE);
		assert_true(c.value[cube_cell(&c, p - FIRST, 3)] == fig(p, 3));
	}
	cube_release(&c);
}

/* Cells of the whole series with a figure, counted from the blocks as a walk would. */
static size_t
walked(struct fixture *fx, int64_t pi)
{
	struct cube c;
	size_t n = 0;

	assert_ok(fx, cube_load(&fx->ctx, pi, PERIOD_MONTH, INT_MIN, INT_MAX, &c, &fx->err));
	for (long r = 0; r < c.nperiods; r++)
		for (size_t u = 0; u < c.nunits; u++)
			n += c.flag[cube_cell(&c, r, (long)u)] != CF_NONE;
	cube_release(&c);
	return n;
}

static size_t
counted(struct fixture *fx, int64_t pi)
{
	size_t n = 0;

	assert_ok(fx, cube_count(&fx->ctx, pi, &n, &fx->err));
	return n;
}

static void
test_series_count_their_figures(void **state)
{
	struct fixture *fx = *state;
	struct ids ids;
	struct cube c;
	int last = FIRST + NPER - 1;
	int64_t n;

	make_ids(fx, &ids);
	fill(&c, &ids, false);
	/* gaps, in the recent part and in the archive */
	for (int u = 0; u < NUNITS; u += 3) {
		c.flag[cube_cell(&c, 0, u)] = CF_NONE;
		c.flag[cube_cell(&c, NPER - 1, u)] = CF_NONE;
	}
	assert_ok(fx, cube_store(&fx->ctx, &c, &fx->err));
	cube_release(&c);
	assert_int_equal(counted(fx, ids.pi), walked(fx, ids.pi));
	assert_int_equal(counted(fx, ids.pi), NPER * NUNITS - 2 * ((NUNITS + 2) / 3));
	assert_int_equal(counted(fx, 0), counted(fx, ids.pi));

	/* the recent part rewritten alone still counts the archive it did not read */
	assert_ok(fx, cube_load_recent(&fx->ctx, ids.pi, PERIOD_MONTH, &c, &fx->err));
	assert_true(c.partial);
	for (int u = 0; u < NUNITS; u += 2)
		set_fig(&c, &ids, last + 1, u);
	c.flag[cube_cell(&c, cube_row(&c, last, false), 1)] = CF_NONE;
	assert_ok(fx, cube_store(&fx->ctx, &c, &fx->err));
	cube_release(&c);
	assert_int_equal(counted(fx, ids.pi), walked(fx, ids.pi));

	/* a series stored without counts (before schema 15) is counted from its blocks */
	assert_ok(fx, store_exec(fx->st, "UPDATE pi_series SET figures = NULL, archive_figures = NULL",
	    &fx->err));
	assert_int_equal(counted(fx, ids.pi), walked(fx, ids.pi));
	/* and then partly rewritten: its count stays unknown rather than wrong */
	assert_ok(fx, cube_load_recent(&fx->ctx, ids.pi, PERIOD_MONTH, &c, &fx->err));
	assert_true(c.partial);
	set_fig(&c, &ids, last + 2, 0);
	assert_ok(fx, cube_store(&fx->ctx, &c, &fx->err));
	cube_release(&c);
	assert_int_equal(sql_number(fx, "SELECT COUNT(*) FROM pi_series WHERE figures IS NULL"), 1);
	assert_int_equal(counted(fx, ids.pi), walked(fx, ids.pi));
	/* until waymark init counts it */
	assert_ok(fx, cube_recount(&fx->ctx, &n, &fx->err));
	assert_int_equal(n, 1);
	assert_int_equal(sql_number(fx, "SELECT COUNT(*) FROM pi_series WHERE figures IS NULL"), 0);
	assert_int_equal(counted(fx, ids.pi), walked(fx, ids.pi));
	/* the archive's count was the archive's: a partial rewrite keeps the total exact */
	assert_ok(fx, cube_load_recent(&fx->ctx, ids.pi, PERIOD_MONTH, &c, &fx->err));
	set_fig(&c, &ids, last + 3, 5);
	assert_ok(fx, cube_store(&fx->ctx, &c, &fx->err));
	cube_release(&c);
	assert_int_equal(counted(fx, ids.pi), walked(fx, ids.pi));
	assert_ok(fx, cube_recount(&fx->ctx, &n, &fx->err));
	assert_int_equal(n, 0);
}

static void
test_unknown_layout_is_an_error(void **state)
{
	struct fixture *fx = *state;
	struct ids ids;
	struct cube c;

	make_ids(fx, &ids);
	fill(&c, &ids, false);
	assert_ok(fx, cube_store(&fx->ctx, &c, &fx->err));
	cube_release(&c);
	assert_ok(fx, store_exec(fx->st, "UPDATE pi_series SET layout = 9", &fx->err));
	assert_int_equal(cube_load(&fx->ctx, ids.pi, PERIOD_MONTH, INT_MIN, INT_MAX, &c, &fx->err),
	    WM_EDB);
	assert_non_null(strstr(fx->err.msg, "layout"));
	assert_null(c.value);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_block_round_trip, fixture_setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_block_round_trip_with_counts, fixture_setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_layout1_read_and_rewritten, fixture_setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_recent_part_written_alone, fixture_setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_partial_cube_with_a_new_unit_rewrites_the_archive,
		    fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_series_count_their_figures, fixture_setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_layout_is_an_error, fixture_setup,
		    fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
