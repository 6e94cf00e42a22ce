/*
 * test_store.c: the store: migrations, constraints, transactions, the
 * statement cache, and values read back as written, on whichever engine
 * the suite's pass runs (testutil.h).
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

/*
 * A report reads the targets of a few periods: 22 keeps every column it
 * reads in the index, so that none of them is fetched from its row (a
 * sixth of the exception report at 2.5M figures when one was not).
 */
static void
test_a_reports_targets_are_read_from_their_index_alone(void **state)
{
	struct fixture *fx = *state;
	struct stmt *s;
	bool covering = false;

	if (store_engine(fx->st) != STORE_SQLITE)
		skip();	/* the plan is SQLite's words; PostgreSQL chooses by its statistics */
	assert_ok(fx, store_prepare(fx->st, "EXPLAIN QUERY PLAN SELECT pi_id, unit_id, period, value,"
	    " tolerance, numerator, denominator FROM target WHERE period IN (?, ?)", &s, &fx->err));
	stmt_bind_text(s, 1, "2004/05");
	stmt_bind_text(s, 2, "2004-09");
	while (stmt_step(s, &fx->err) == STORE_ROW)
		covering = covering || strstr(stmt_text(s, 3), "COVERING INDEX target_period") != NULL;
	assert_true(covering);
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

/*
 * A commit is on the disk before it is acknowledged: WAL with
 * synchronous=FULL (2), not NORMAL, which a power cut may roll back.
 */
static void
test_sqlite_commits_are_durable(void **state)
{
	struct store *st = NULL;
	struct wm_err err = WM_ERR_INIT;
	char path[] = "/tmp/waymark-test-durable-XXXXXX";
	char wal[64];
	struct stmt *s;
	int fd = mkstemp(path);

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(store_open(&st, path, STORE_CREATE, &err), 0);
	assert_int_equal(store_prepare(st, "PRAGMA synchronous", &s, &err), 0);
	assert_int_equal(stmt_step(s, &err), STORE_ROW);
	assert_int_equal(stmt_int(s, 0), 2);
	stmt_reset(s);
	assert_int_equal(store_prepare(st, "PRAGMA journal_mode", &s, &err), 0);
	assert_int_equal(stmt_step(s, &err), STORE_ROW);
	assert_string_equal(stmt_text(s, 0), "wal");
	stmt_reset(s);
	store_close(st);
	unlink(path);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof(wal), "%s-shm", path);
	unlink(wal);
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
test_passwords_are_blanked_from_urls_and_nothing_else(void **state)
{
	static const char *const cases[][2] = {
		{ "postgresql://u:p@h/d", "postgresql://u:***@h/d" },
		{ "postgres://u:p:q@h:5432/d?sslmode=require", "postgres://u:***@h:5432/d?sslmode=require" },
		{ "postgresql://u@h/d?password=p&sslmode=require",
		  "postgresql://u@h/d?password=***&sslmode=require" },
		{ "postgresql://u@h/d?a=1&password=p", "postgresql://u@h/d?a=1&password=***" },
		{ "postgresql://h:5432/d", "postgresql://h:5432/d" },
		{ "postgresql://h/d?xpassword=p", "postgresql://h/d?xpassword=p" },
		{ "postgresql://", "postgresql://" },
		{ "sqlite:u:p@h.db", "sqlite:u:p@h.db" },
		/* libpq's keyword form, as libpq reads its values */
		{ "host=h dbname=d user=u password=p sslmode=require",
		  "host=h dbname=d user=u password=*** sslmode=require" },
		{ " dbname = d  password = 'two words\\' sekret' port=5",
		  " dbname = d  password = *** port=5" },
		{ "password=p\\ q host=h", "password=*** host=h" },
		{ "host=h passwordx=p", "host=h passwordx=p" },
		{ "user=u password=", "user=u password=***" },
		{ "waymark=1.db", "waymark=1.db" },
		{ "", "" },
	};

	(void)state;
	for (size_t i = 0; i < WM_ARRAY_LEN(cases); i++) {
		char *got = store_url_redact(cases[i][0]);

		assert_string_equal(got, cases[i][1]);
		free(got);
	}
}

static void
test_a_password_never_reaches_a_message(void **state)
{
	struct store *st = NULL;
	struct wm_err err = WM_ERR_INIT;

	(void)state;
	assert_true(store_open(&st, "postgresql://nobody:sekret@127.0.0.1:1/none", 0, &err) != 0);
	assert_null(strstr(err.msg, "sekret"));
	assert_non_null(strstr(err.msg, "nobody"));
	assert_true(store_open(&st, "postgres://127.0.0.1:1/none?user=u&password=sekret&x=1", 0,
	    &err) != 0);
	assert_null(strstr(err.msg, "sekret"));
	/* the keyword form is PostgreSQL's too, never a file of that name */
	assert_true(store_open(&st, "host=127.0.0.1 port=1 dbname=none user=u password='sek ret'",
	    STORE_CREATE, &err) != 0);
	assert_null(strstr(err.msg, "sek"));
	assert_non_null(strstr(err.msg, "password=***"));
	assert_int_equal(access("host=127.0.0.1 port=1 dbname=none user=u password='sek ret'", F_OK),
	    -1);
}

static void
test_foreign_keys_are_enforced(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(store_exec(fx->st,
	    "INSERT INTO unit (ref, name, kind, parent_id) VALUES ('X', 'X', 'ocu', 4242)", &fx->err),
	    WM_EINVAL);
	/* the same words on either engine, naming no table or column of its own */
	assert_non_null(strstr(fx->err.msg, "a reference to a record that is not there"));
	assert_null(strstr(fx->err.msg, "parent_id"));
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


static void
test_placeholders_inside_quotes_are_left_alone(void **state)
{
	struct fixture *fx = *state;
	struct stmt *s;

	assert_ok(fx, store_prepare(fx->st,
	    "SELECT '?' || ?, 'it''s ?' /* ? */, ? -- ?\n", &s, &fx->err));
	stmt_bind_text(s, 1, "x");
	stmt_bind_text(s, 2, "y");
	assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
	assert_string_equal(stmt_text(s, 0), "?x");
	assert_string_equal(stmt_text(s, 1), "it's ?");
	assert_string_equal(stmt_text(s, 2), "y");
	stmt_reset(s);
}

/* A table of every type, for the tests of values. */
static void
make_values_table(struct fixture *fx)
{
	assert_ok(fx, store_exec_ddl(fx->st, "CREATE TABLE t_val (id @ID@, i BIGINT, r @REAL@,"
	    " t TEXT, b @BLOB@)", &fx->err));
}

static void
test_nulls_read_back_as_null_of_every_type(void **state)
{
	struct fixture *fx = *state;
	size_t len = 99;
	struct stmt *s;

	make_values_table(fx);
	assert_ok(fx, store_prepare(fx->st, "INSERT INTO t_val (i, r, t, b) VALUES (?, ?, ?, ?)",
	    &s, &fx->err));
	stmt_bind_null(s, 1);
	stmt_bind_null(s, 2);
	stmt_bind_text(s, 3, NULL);
	stmt_bind_blob(s, 4, NULL, 0);
	assert_ok(fx, stmt_exec(s, &fx->err));
	assert_ok(fx, store_prepare(fx->st, "SELECT i, r, t, b FROM t_val", &s, &fx->err));
	assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
	for (int c = 0; c < 4; c++) {
		assert_true(stmt_is_null(s, c));
		assert_null(stmt_text(s, c));
	}
	assert_int_equal(stmt_int(s, 0), 0);
	assert_true(stmt_double(s, 1) == 0.0);
	assert_null(stmt_blob(s, 3, &len));
	assert_int_equal(len, 0);
	assert_int_equal(stmt_step(s, &fx->err), STORE_DONE);
}

static void
test_numbers_and_text_read_back_exactly(void **state)
{
	struct fixture *fx = *state;
	static const double reals[] = { 0.1, -2.5e-300, 1.7976931348623157e308, 27.123456789,
		1.0 / 3.0 };
	struct stmt *s;

	make_values_table(fx);
	for (size_t k = 0; k < WM_ARRAY_LEN(reals); k++) {
		assert_ok(fx, store_prepare(fx->st, "INSERT INTO t_val (i, r, t) VALUES (?, ?, ?)",
		    &s, &fx->err));
		stmt_bind_int(s, 1, k == 0 ? INT64_MAX : k == 1 ? INT64_MIN : (int64_t)k);
		stmt_bind_double(s, 2, reals[k]);
		stmt_bind_text(s, 3, "caf\xc3\xa9 \xe2\x80\x94 'quoted' \\ ?");
		assert_ok(fx, stmt_exec(s, &fx->err));
		assert_int_equal(stmt_changes(s), 1);
	}
	assert_ok(fx, store_prepare(fx->st, "SELECT i, r, t FROM t_val ORDER BY id", &s,
	    &fx->err));
	for (size_t k = 0; k < WM_ARRAY_LEN(reals); k++) {
		assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
		assert_true(stmt_int(s, 0) == (k == 0 ? INT64_MAX : k == 1 ? INT64_MIN : (int64_t)k));
		assert_true(stmt_double(s, 1) == reals[k]);
		assert_string_equal(stmt_text(s, 2), "caf\xc3\xa9 \xe2\x80\x94 'quoted' \\ ?");
	}
	assert_int_equal(stmt_step(s, &fx->err), STORE_DONE);
	/* a comparison reads as a number, whatever type the engine gives it */
	assert_ok(fx, store_prepare(fx->st, "SELECT 1 = 1, 1 = 2", &s, &fx->err));
	assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
	assert_int_equal(stmt_int(s, 0), 1);
	assert_int_equal(stmt_int(s, 1), 0);
	stmt_reset(s);
}

static void
test_blobs_keep_every_byte_and_read_in_slices(void **state)
{
	struct fixture *fx = *state;
	unsigned char bytes[600], slice[10];
	const unsigned char *got;
	size_t len;
	int64_t id;
	struct stmt *s;

	for (size_t i = 0; i < sizeof(bytes); i++)
		bytes[i] = (unsigned char)(i * 7);
	make_values_table(fx);
	assert_ok(fx, store_prepare(fx->st, "INSERT INTO t_val (b) VALUES (?) RETURNING id", &s,
	    &fx->err));
	stmt_bind_blob(s, 1, bytes, sizeof(bytes));
	assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
	id = stmt_int(s, 0);
	stmt_reset(s);
	assert_ok(fx, store_prepare(fx->st, "SELECT b FROM t_val WHERE id = ?", &s, &fx->err));
	stmt_bind_int(s, 1, id);
	assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
	got = stmt_blob(s, 0, &len);
	assert_int_equal(len, sizeof(bytes));
	assert_memory_equal(got, bytes, sizeof(bytes));
	stmt_reset(s);
	assert_ok(fx, store_blob_read(fx->st, "t_val", "b", id, 595, slice, 5, &fx->err));
	assert_memory_equal(slice, bytes + 595, 5);
	assert_ok(fx, store_blob_read(fx->st, "t_val", "b", id, 0, slice, 10, &fx->err));
	assert_memory_equal(slice, bytes, 10);
	/* past the end is an error, not a short read */
	assert_int_not_equal(store_blob_read(fx->st, "t_val", "b", id, 598, slice, 5, &fx->err), 0);
}

static void
test_column_names_are_known_before_the_first_row(void **state)
{
	struct fixture *fx = *state;
	struct stmt *s;

	assert_ok(fx, store_prepare(fx->st, "SELECT ref, name AS called FROM unit", &s, &fx->err));
	assert_int_equal(stmt_column_count(s), 2);
	assert_string_equal(stmt_column_name(s, 0), "ref");
	assert_string_equal(stmt_column_name(s, 1), "called");
	assert_int_equal(stmt_step(s, &fx->err), STORE_DONE);
}

static void
test_a_duplicate_key_exists_already_and_the_transaction_goes_on(void **state)
{
	struct fixture *fx = *state;
	int64_t before = count_units(fx);
	struct stmt *s;

	assert_ok(fx, store_begin(fx->st, &fx->err));
	assert_ok(fx, store_exec(fx->st, "INSERT INTO unit (ref, name) VALUES ('D', 'D')", &fx->err));
	assert_ok(fx, store_begin(fx->st, &fx->err));
	assert_ok(fx, store_prepare(fx->st, "INSERT INTO unit (ref, name) VALUES (?, ?)", &s,
	    &fx->err));
	stmt_bind_text(s, 1, "D");
	stmt_bind_text(s, 2, "again");
	assert_int_equal(stmt_exec(s, &fx->err), WM_EEXIST);
	/* in the same words on either engine, without the engine's names for things */
	assert_null(strstr(fx->err.msg, "unit"));
	/* undoing the savepoint leaves the outer transaction usable on either engine */
	store_rollback(fx->st, WM_EEXIST);
	assert_ok(fx, store_exec(fx->st, "INSERT INTO unit (ref, name) VALUES ('E', 'E')", &fx->err));
	assert_ok(fx, store_commit(fx->st, &fx->err));
	assert_int_equal(count_units(fx), before + 2);
}

static void
test_table_exists_sees_only_tables_that_exist(void **state)
{
	struct fixture *fx = *state;
	bool exists = false;

	assert_ok(fx, store_table_exists(fx->st, "audit", &exists, &fx->err));
	assert_true(exists);
	assert_ok(fx, store_table_exists(fx->st, "no_such_table", &exists, &fx->err));
	assert_false(exists);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh_database_reaches_the_latest_schema, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_migrating_twice_changes_nothing, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_reports_targets_are_read_from_their_index_alone,
		    fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_newer_schema_is_refused, fixture_setup, fixture_teardown),
		cmocka_unit_test(test_an_uninitialised_database_says_run_init),
		cmocka_unit_test(test_a_missing_file_is_not_created_without_init),
		cmocka_unit_test(test_sqlite_commits_are_durable),
		cmocka_unit_test(test_postgres_urls_need_the_postgres_build),
		cmocka_unit_test(test_passwords_are_blanked_from_urls_and_nothing_else),
		cmocka_unit_test(test_a_password_never_reaches_a_message),
		cmocka_unit_test_setup_teardown(test_foreign_keys_are_enforced, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_check_constraints_guard_choices, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_inner_rollback_undoes_only_its_own_work, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_outer_rollback_undoes_everything, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_statements_are_cached_and_nest_safely, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_bad_sql_is_an_error_not_a_crash, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_ddl_dialect_tokens_are_replaced, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_placeholders_inside_quotes_are_left_alone, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_nulls_read_back_as_null_of_every_type, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_numbers_and_text_read_back_exactly, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_blobs_keep_every_byte_and_read_in_slices, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_column_names_are_known_before_the_first_row, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_duplicate_key_exists_already_and_the_transaction_goes_on, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_table_exists_sees_only_tables_that_exist, fixture_setup, fixture_teardown),
	};

	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
