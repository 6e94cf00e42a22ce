/*
 * test_backup.c: the store's whole-database operations: online backup,
 * restore and the integrity check (store.h).
 */
#include "testutil.h"

#include <unistd.h>

struct files {
	char dir[64];
	char db[96], copy[96], other[96];
};

static void
files_make(struct files *f)
{
	snprintf(f->dir, sizeof(f->dir), "%s", "/tmp/wm-backup-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->db, sizeof(f->db), "%s/live.db", f->dir);
	snprintf(f->copy, sizeof(f->copy), "%s/copy.db", f->dir);
	snprintf(f->other, sizeof(f->other), "%s/other", f->dir);
}

static void
files_remove(struct files *f)
{
	const char *const tails[] = { "live.db", "live.db-wal", "live.db-shm", "copy.db",
		"copy.db-wal", "copy.db-shm", "other" };
	char path[128];

	for (size_t i = 0; i < WM_ARRAY_LEN(tails); i++) {
		snprintf(path, sizeof(path), "%s/%s", f->dir, tails[i]);
		unlink(path);
	}
	rmdir(f->dir);
}

/* Write text, times over, into the file f->other. */
static void
write_other(const struct files *f, const char *text, int times)
{
	FILE *o = fopen(f->other, "w");

	assert_non_null(o);
	for (int i = 0; i < times; i++)
		fputs(text, o);
	assert_int_equal(fclose(o), 0);
}

/* How many rows t has in the database at path (-1 if it cannot be read). */
static int64_t
rows(const char *path)
{
	struct wm_err err = WM_ERR_INIT;
	struct store *st;
	struct stmt *s;
	int64_t n = -1;

	if (store_open(&st, path, STORE_READONLY, &err) != 0)
		return -1;
	if (store_prepare(st, "SELECT COUNT(*) FROM t", &s, &err) == 0 &&
	    stmt_step(s, &err) == STORE_ROW)
		n = stmt_int(s, 0);
	store_close(st);
	return n;
}

static struct store *
live_with_rows(const char *path, int n)
{
	struct wm_err err = WM_ERR_INIT;
	struct store *st;

	assert_int_equal(store_open(&st, path, STORE_CREATE, &err), 0);
	assert_int_equal(store_exec(st, "CREATE TABLE t (x INTEGER)", &err), 0);
	for (int i = 0; i < n; i++)
		assert_int_equal(store_exec(st, "INSERT INTO t VALUES (1)", &err), 0);
	return st;
}

/* The fixture is on PostgreSQL when the suite's second pass says so. */
static bool
on_postgres(void)
{
	const char *url = getenv("WAYMARK_TEST_DB");

	return url != NULL && *url != '\0';
}

static void
test_a_backup_is_a_complete_self_contained_copy(void **state)
{
	struct wm_err err = WM_ERR_INIT;
	struct files f;
	struct store *st;
	char wal[128];

	(void)state;
	files_make(&f);
	st = live_with_rows(f.db, 3);
	assert_int_equal(store_backup(st, f.copy, &err), 0);
	assert_int_equal(rows(f.copy), 3);
	snprintf(wal, sizeof(wal), "%s-wal", f.copy);
	assert_int_not_equal(access(wal, F_OK), 0);
	store_close(st);
	files_remove(&f);
}

static void
test_a_backup_never_replaces_a_file(void **state)
{
	struct wm_err err = WM_ERR_INIT;
	struct files f;
	struct store *st;

	(void)state;
	files_make(&f);
	st = live_with_rows(f.db, 1);
	write_other(&f, "keep me", 1);
	assert_int_equal(store_backup(st, f.other, &err), WM_EEXIST);
	assert_non_null(strstr(err.msg, "exists already"));
	assert_int_equal(rows(f.other), -1);
	store_close(st);
	files_remove(&f);
}

static void
test_a_backup_is_not_taken_inside_a_transaction(void **state)
{
	struct fixture *fx = *state;
	struct files f;

	if (on_postgres())
		skip();	/* backup is SQLite's; PostgreSQL has pg_dump */
	files_make(&f);
	assert_ok(fx, store_begin(fx->st, &fx->err));
	assert_int_equal(store_backup(fx->st, f.copy, &fx->err), WM_EINTERNAL);
	store_rollback(fx->st, 0);
	files_remove(&f);
}

static void
test_a_memory_database_backs_up_to_a_file(void **state)
{
	struct fixture *fx = *state;
	struct files f;
	struct store *copy;

	if (on_postgres())
		skip();	/* backup is SQLite's; PostgreSQL has pg_dump */
	files_make(&f);
	assert_ok(fx, store_backup(fx->st, f.copy, &fx->err));
	assert_ok(fx, store_open(&copy, f.copy, STORE_READONLY, &fx->err));
	assert_ok(fx, migrate_check(copy, &fx->err));
	assert_ok(fx, store_check(copy, &fx->err));
	store_close(copy);
	files_remove(&f);
}

static void
test_restore_puts_back_what_the_backup_held(void **state)
{
	struct wm_err err = WM_ERR_INIT;
	struct files f;
	struct store *st;

	(void)state;
	files_make(&f);
	st = live_with_rows(f.db, 2);
	assert_int_equal(store_backup(st, f.copy, &err), 0);
	assert_int_equal(store_exec(st, "INSERT INTO t VALUES (2); INSERT INTO t VALUES (3)",
	    &err), 0);
	assert_int_equal(rows(f.db), 4);
	assert_int_equal(store_restore(st, f.copy, &err), 0);
	assert_int_equal(rows(f.db), 2);
	/* and the connection that restored goes on working */
	assert_int_equal(store_exec(st, "INSERT INTO t VALUES (4)", &err), 0);
	assert_int_equal(rows(f.db), 3);
	assert_int_equal(store_check(st, &err), 0);
	store_close(st);
	files_remove(&f);
}

static void
test_restore_refuses_a_file_that_is_not_a_database(void **state)
{
	struct wm_err err = WM_ERR_INIT;
	struct files f;
	struct store *st;

	(void)state;
	files_make(&f);
	st = live_with_rows(f.db, 2);
	write_other(&f, "this is not a database, whatever its name says\n", 200);
	assert_int_not_equal(store_restore(st, f.other, &err), 0);
	assert_true(err.msg[0] != '\0');
	assert_int_equal(rows(f.db), 2);
	store_close(st);
	files_remove(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_backup_is_a_complete_self_contained_copy),
		cmocka_unit_test(test_a_backup_never_replaces_a_file),
		cmocka_unit_test_setup_teardown(test_a_backup_is_not_taken_inside_a_transaction, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_memory_database_backs_up_to_a_file, fixture_setup, fixture_teardown),
		cmocka_unit_test(test_restore_puts_back_what_the_backup_held),
		cmocka_unit_test(test_restore_refuses_a_file_that_is_not_a_database),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
