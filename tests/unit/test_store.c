/*
 * test_store.c: the SQLite store: migrations, constraints, transactions
 * and the statement cache.
 */
#include "testutil.h"

#include <unistd.h>

static void
test_fresh_database_reaches_the_latest_schema(void **state)
{
	struct fixture *fx = *state;
	int v;

	assert_ok(fx, migrate_current(fx->st, &v, &fx->err));
	assert_int_equal(v, migrate_latest());
	assert_ok(fx, migrate_check(fx->st, &fx->err));
}

static void
test_migrating_twice_changes_nothing(void **state)
{
	struct fixture *fx = *state;
	int from, to;

	assert_ok(fx, migrate_apply(fx->st, &from, &to, &fx->err));
	assert_int_equal(from, to);
	assert_int_equal(to, migrate_latest());
}

static void
test_a_newer_schema_is_refused(void **state)
{
	struct fixture *fx = *state;
	int from, to;

	assert_ok(fx, store_exec(fx->st, "INSERT INTO schema_version VALUES (999, 'future', 'x')",
	    &fx->err));
	assert_int_equal(migrate_check(fx->st, &fx->err), WM_ESCHEMA);
	assert_non_null(strstr(fx->err.msg, "newer"));
	assert_int_equal(migrate_apply(fx->st, &from, &to, &fx->err), WM_ESCHEMA);
	assert_ok(fx, store_exec(fx->st, "DELETE FROM schema_version WHERE version = 999", &fx->err));
}

static void
test_an_uninitialised_database_says_run_init(void **state)
{
	struct store *st;
	struct wm_err err = WM_ERR_INIT;
	char schema[TESTDB_SCHEMA_LEN];

	(void)state;
	assert_int_equal(testdb_open(&st, schema, &err), 0);
	assert_int_equal(migrate_check(st, &err), WM_ESCHEMA);
	assert_non_null(strstr(err.msg, "waymark init"));
	testdb_close(st, schema);
}

static void
test_a_missing_file_is_not_created_without_init(void **state)
{
	struct store *st = NULL;
	struct wm_err err = WM_ERR_INIT;
	char path[] = "/tmp/waymark-test-missing-XXXXXX";
	int fd = mkstemp(path);

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(store_open(&st, path, 0, &err), WM_ESCHEMA);
	assert_non_null(strstr(err.msg, "waymark init"));
	assert_int_equal(access(path, F_OK), -1);
}

static void
test_postgres_urls_need_the_postgres_build(void **state)
{
	struct store *st = NULL;
	struct wm_err err = WM_ERR_INIT;
	int rc = store_open(&st, "postgresql://nobody@127.0.0.1:1/none", 0, &err);

	(void)state;
	/* Either refused as not built in, or a connection failure: never a SQLite file. */
	assert_true(rc != 0);
	assert_null(st);
}

static void
test_foreign_keys_are_enforced(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(store_exec(fx->st,
	    "INSERT INTO unit (ref, name, kind, parent_id) VALUES ('X', 'X', 'ocu', 4242)", &fx->err),
	    WM_EINVAL);
	assert_true(strstr(fx->err.msg, "FOREIGN KEY") != NULL ||	/* SQLite */
	    strstr(fx->err.msg, "foreign key") != NULL);		/* PostgreSQL */
}

static void
test_check_constraints_guard_choices(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(store_exec(fx->st,
	    "INSERT INTO unit (ref, name, kind) VALUES ('Y', 'Y', 'planet')", &fx->err), WM_EINVAL);
	assert_int_equal(store_exec(fx->st,
	    "INSERT INTO pi (code, title, polarity) VALUES ('P', 'P', 'sideways')", &fx->err),
	    WM_EINVAL);
}

static int64_t
count_units(struct fixture *fx)
{
	struct stmt *s;
	int64_t n;

	assert_ok(fx, store_prepare(fx->st, "SELECT COUNT(*) FROM unit", &s, &fx->err));
	assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
	n = stmt_int(s, 0);
	stmt_reset(s);
	return n;
}

static void
test_inner_rollback_undoes_only_its_own_work(void **state)
{
	struct fixture *fx = *state;
	int64_t before = count_units(fx);

	assert_ok(fx, store_begin(fx->st, &fx->err));
	assert_ok(fx, store_exec(fx->st, "INSERT INTO unit (ref, name) VALUES ('A', 'A')", &fx->err));
	assert_ok(fx, store_begin(fx->st, &fx->err));
	assert_ok(fx, store_exec(fx->st, "INSERT INTO unit (ref, name) VALUES ('B', 'B')", &fx->err));
	assert_int_equal(store_rollback(fx->st, WM_EINVAL), WM_EINVAL);
	assert_true(store_in_transaction(fx->st));
	assert_ok(fx, store_commit(fx->st, &fx->err));
	assert_false(store_in_transaction(fx->st));
	assert_int_equal(count_units(fx), before + 1);
	assert_ok(fx, store_exec(fx->st, "DELETE FROM unit WHERE ref = 'A'", &fx->err));
}

static void
test_outer_rollback_undoes_everything(void **state)
{
	struct fixture *fx = *state;
	int64_t before = count_units(fx);

	assert_ok(fx, store_begin(fx->st, &fx->err));
	assert_ok(fx, store_begin(fx->st, &fx->err));
	assert_ok(fx, store_exec(fx->st, "INSERT INTO unit (ref, name) VALUES ('C', 'C')", &fx->err));
	assert_ok(fx, store_commit(fx->st, &fx->err));
	store_rollback(fx->st, 0);
	assert_int_equal(count_units(fx), before);
}

static void
test_statements_are_cached_and_nest_safely(void **state)
{
	struct fixture *fx = *state;
	const char *sql = "SELECT label FROM grade ORDER BY seq";
	struct stmt *outer, *inner, *again;
	int rows = 0;

	assert_ok(fx, store_prepare(fx->st, sql, &outer, &fx->err));
	while (stmt_step(outer, &fx->err) == STORE_ROW) {
		/* the same SQL while the outer loop runs: a second instance */
		assert_ok(fx, store_prepare(fx->st, sql, &inner, &fx->err));
		assert_true(inner != outer);
		assert_int_equal(stmt_step(inner, &fx->err), STORE_ROW);
		assert_string_equal(stmt_text(inner, 0), "not met");
		stmt_reset(inner);
		rows++;
	}
	assert_int_equal(rows, 5);
	/* finished: the first instance is handed out again */
	assert_ok(fx, store_prepare(fx->st, sql, &again, &fx->err));
	assert_true(again == outer);
	stmt_reset(again);
}

static void
test_bad_sql_is_an_error_not_a_crash(void **state)
{
	struct fixture *fx = *state;
	struct stmt *s;

	assert_int_equal(store_prepare(fx->st, "SELEC nonsense", &s, &fx->err), WM_EDB);
	assert_true(strlen(fx->err.msg) > 0);
}

static void
test_ddl_dialect_tokens_are_replaced(void **state)
{
	struct fixture *fx = *state;
	struct stmt *s;

	assert_ok(fx, store_exec_ddl(fx->st, "CREATE TABLE t_ddl (id @ID@, x @REAL@, b @BLOB@)",
	    &fx->err));
	assert_ok(fx, store_exec(fx->st, "INSERT INTO t_ddl (x) VALUES (1.5)", &fx->err));
	assert_ok(fx, store_prepare(fx->st, "SELECT id, x FROM t_ddl", &s, &fx->err));
	assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
	assert_int_equal(stmt_int(s, 0), 1);	/* the id was assigned */
	assert_true(stmt_double(s, 1) == 1.5);
	stmt_reset(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh_database_reaches_the_latest_schema, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_migrating_twice_changes_nothing, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_newer_schema_is_refused, fixture_setup, fixture_teardown),
		cmocka_unit_test(test_an_uninitialised_database_says_run_init),
		cmocka_unit_test(test_a_missing_file_is_not_created_without_init),
		cmocka_unit_test(test_postgres_urls_need_the_postgres_build),
		cmocka_unit_test_setup_teardown(test_foreign_keys_are_enforced, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_check_constraints_guard_choices, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_inner_rollback_undoes_only_its_own_work, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_outer_rollback_undoes_everything, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_statements_are_cached_and_nest_safely, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_bad_sql_is_an_error_not_a_crash, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_ddl_dialect_tokens_are_replaced, fixture_setup, fixture_teardown),
	};

	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
