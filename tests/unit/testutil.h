/*
 * testutil.h: what the unit tests share: a fresh database and a context
 * acting on it.
 */
#ifndef WM_TESTUTIL_H
#define WM_TESTUTIL_H

#include "base/wm.h"

#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>
#include <jansson.h>

#include "base/err.h"
#include "model/ctx.h"
#include "store/migrate.h"
#include "store/store.h"

/* A migrated in-memory database and a system context on it. */
struct fixture {
	struct store *st;
	struct wm_ctx ctx;
	struct wm_err err;
};

static inline int
fixture_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	int from, to;

	if (fx == NULL || store_open(&fx->st, "sqlite::memory:", STORE_CREATE, &fx->err) != 0 ||
	    migrate_apply(fx->st, &from, &to, &fx->err) != 0) {
		fprintf(stderr, "fixture: %s\n", fx ? fx->err.msg : "out of memory");
		return -1;
	}
	fx->ctx.st = fx->st;
	fx->ctx.actor = "test";
	fx->ctx.role = ROLE_SYSTEM;
	fx->ctx.now = 1049112000;	/* 2003-03-31T12:00:00Z */
	*state = fx;
	return 0;
}

static inline int
fixture_teardown(void **state)
{
	struct fixture *fx = *state;

	store_close(fx->st);
	free(fx);
	return 0;
}

/* Assert that rc is 0, showing the error message if not. */
#define assert_ok(fx, expr) do { \
	int rc_ = (expr); \
	if (rc_ != 0) \
		fail_msg("%s: rc %d: %s", #expr, rc_, (fx)->err.msg); \
} while (0)

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
