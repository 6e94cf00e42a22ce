/*
 * testutil.h: what the unit tests share: a fresh database and a context
 * acting on it.
 *
 * The engine is SQLite in memory unless WAYMARK_TEST_DB names a
 * PostgreSQL database (postgresql://...): then each test works in a schema
 * of its own in that database, dropped when the test ends, so every test
 * starts empty on either engine (tests/run does both).
 */
#ifndef WM_TESTUTIL_H
#define WM_TESTUTIL_H

#include "base/wm.h"

#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>
#include <jansson.h>
#include <unistd.h>

#include "base/err.h"
#include "import/sample.h"
#include "model/audit.h"
#include "model/ctx.h"
#include "model/kind.h"
#include "store/migrate.h"
#include "store/store.h"

#define TESTDB_SCHEMA_LEN 64

/* The PostgreSQL database the tests run on, or NULL for SQLite. */
static inline const char *
testdb_url(void)
{
	const char *url = getenv("WAYMARK_TEST_DB");

	return url != NULL && (strncmp(url, "postgresql://", 13) == 0 ||
	    strncmp(url, "postgres://", 11) == 0) ? url : NULL;
}

/*
 * Open an empty database of the engine under test. On PostgreSQL, schema
 * receives the name of the schema made for it; "" on SQLite.
 */
static inline int
testdb_open(struct store **st, char schema[TESTDB_SCHEMA_LEN], struct wm_err *err)
{
	static unsigned n;
	const char *url = testdb_url();
	char sql[512];
	int rc;

	schema[0] = '\0';
	if (url == NULL)
		return store_open(st, "sqlite::memory:", STORE_CREATE, err);
	if ((rc = store_open(st, url, 0, err)) != 0)
		return rc;
	snprintf(schema, TESTDB_SCHEMA_LEN, "wm_unit_%ld_%u", (long)getpid(), ++n);
	snprintf(sql, sizeof(sql), "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s;"
	    " SET search_path TO %s", schema, schema, schema);
	if ((rc = store_exec(*st, sql, err)) != 0) {
		store_close(*st);
		*st = NULL;
	}
	return rc;
}

/* Close a database from testdb_open(), dropping its schema. Accepts NULL. */
static inline void
testdb_close(struct store *st, const char *schema)
{
	char sql[256];

	if (st != NULL && schema[0] != '\0') {
		snprintf(sql, sizeof(sql), "DROP SCHEMA IF EXISTS %s CASCADE", schema);
		store_exec(st, sql, NULL);
	}
	store_close(st);
}

/* A migrated empty database and a system context on it. */
struct fixture {
	struct store *st;
	char schema[TESTDB_SCHEMA_LEN];
	struct wm_ctx ctx;
	struct wm_err err;
};

static inline int
fixture_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	int from, to;

	if (fx == NULL || testdb_open(&fx->st, fx->schema, &fx->err) != 0 ||
	    migrate_apply(fx->st, &from, &to, &fx->err) != 0) {
		fprintf(stderr, "fixture: %s\n", fx ? fx->err.msg : "out of memory");
		return -1;
	}
	fx->ctx.st = fx->st;
	fx->ctx.actor = "test";
	fx->ctx.role = ROLE_SYSTEM;
	fx->ctx.now = 1049112000;	/* 2003-03-31T12:00:00Z */
	/* as `waymark init` does: the log vouches for the rows the schema brings */
	if (audit_checkpoint(&fx->ctx, "created", &fx->err) != 0) {
		fprintf(stderr, "fixture: %s\n", fx->err.msg);
		return -1;
	}
	*state = fx;
	return 0;
}

static inline int
fixture_teardown(void **state)
{
	struct fixture *fx = *state;

	testdb_close(fx->st, fx->schema);
	free(fx);
	return 0;
}

/* The same, loaded with the bundled sample (import/sample.h). */
static inline int
fixture_sample_setup(void **state)
{
	struct fixture *fx;
	json_t *report = NULL;

	if (fixture_setup(state) != 0)
		return -1;
	fx = *state;
	if (sample_load(&fx->ctx, &report, &fx->err) != 0) {
		fprintf(stderr, "sample: %s\n", fx->err.msg);
		return -1;
	}
	json_decref(report);
	return 0;
}

/* Assert that rc is 0, showing the error message if not. */
#define assert_ok(fx, expr) do { \
	int rc_ = (expr); \
	if (rc_ != 0) \
		fail_msg("%s: rc %d: %s", #expr, rc_, (fx)->err.msg); \
} while (0)

/* The one number a query gives (SELECT COUNT(*) ...). */
static inline int64_t
sql_number(struct fixture *fx, const char *sql)
{
	struct stmt *s;
	int64_t n;

	assert_ok(fx, store_prepare(fx->st, sql, &s, &fx->err));
	assert_int_equal(stmt_step(s, &fx->err), STORE_ROW);
	n = stmt_int(s, 0);
	stmt_reset(s);
	return n;
}

/* A kind by name, failing the test if there is none. */
static inline const struct kind *
K(const char *name)
{
	const struct kind *k = kind_find(name);

	if (k == NULL)
		fail_msg("no kind %s", name);
	return k;
}


/* Parse JSON written in a test, failing loudly on a typo. */
static inline json_t *
J(const char *text)
{
	json_error_t e;
	json_t *j = json_loads(text, 0, &e);

	if (j == NULL)
		fail_msg("bad JSON in test: %s: %s", text, e.text);
	return j;
}

#endif
