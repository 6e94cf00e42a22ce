/*
 * test_store_pg.c: what only the PostgreSQL driver does: finding its way
 * back to a server that dropped the connection, and refusing to do so in
 * the middle of a transaction. Everything else the store does is tested
 * on both engines by test_store.c. Outside the suite's PostgreSQL pass
 * this program has nothing to test and says so.
 */
#include "testutil.h"

/* End this connection's session from the server side, as a restart would. */
static void
kill_session(struct fixture *fx)
{
	struct stmt *s;

	assert_ok(fx, store_prepare(fx->st, "SELECT pg_terminate_backend(pg_backend_pid())", &s,
	    &fx->err));
	assert_int_not_equal(stmt_exec(s, &fx->err), 0);
}

static int
open_plain(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	/* The database itself, not a schema: a new session would not find one again. */
	if (fx == NULL || store_open(&fx->st, testdb_url(), 0, &fx->err) != 0)
		return -1;
	*state = fx;
	return 0;
}

static int
close_plain(void **state)
{
	struct fixture *fx = *state;

	store_close(fx->st);
	free(fx);
	return 0;
}

static int64_t
one_plus(struct fixture *fx, int64_t n)
{
	struct stmt *s;
	int64_t v;

	assert_ok(fx, store_prepare(fx->st, "SELECT 1 + ?", &s, &fx->err));
	stmt_bind_int(s, 1, n);
	assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
	v = stmt_int(s, 0);
	stmt_reset(s);
	return v;
}

static void
test_a_dropped_connection_is_made_again_and_statements_prepared_again(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(one_plus(fx, 1), 2);	/* prepared on the first session */
	kill_session(fx);
	assert_int_equal(one_plus(fx, 2), 3);	/* the same statement, on a new one */
}

static void
test_a_transaction_cut_short_fails_until_rolled_back(void **state)
{
	struct fixture *fx = *state;
	struct stmt *s;

	assert_ok(fx, store_begin(fx->st, &fx->err));
	kill_session(fx);
	/* the rest of the transaction must not run on its own, outside it */
	assert_int_not_equal(store_prepare(fx->st, "SELECT 2 + ?", &s, &fx->err), 0);
	assert_int_not_equal(store_commit(fx->st, &fx->err), 0);
	assert_false(store_in_transaction(fx->st));
	assert_int_equal(one_plus(fx, 3), 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_a_dropped_connection_is_made_again_and_statements_prepared_again, open_plain, close_plain),
		cmocka_unit_test_setup_teardown(test_a_transaction_cut_short_fails_until_rolled_back, open_plain, close_plain),
	};

	if (testdb_url() == NULL) {
		printf("1..0 # SKIP these tests run in the suite's PostgreSQL pass\n");
		return 0;
	}
	return cmocka_run_group_tests_name("store_pg", tests, NULL, NULL);
}
