/*
 * fuzzdb.h: what the fuzz targets that write to a database share.
 *
 * A target opens one in-memory database the first time it runs (migrated,
 * and with the bundled sample loaded if it asks) and keeps it for every
 * input after: each input's work runs inside a transaction that is rolled
 * back, so every input starts from the same database. The handle lives in
 * a static because libFuzzer calls the target once per input and gives it
 * nowhere else to keep state; it is still reachable at exit, so the leak
 * checkers do not count it.
 */
#ifndef WM_FUZZDB_H
#define WM_FUZZDB_H

#include "base/wm.h"

#include <time.h>

#include "base/err.h"
#include "import/sample.h"
#include "model/ctx.h"
#include "store/migrate.h"
#include "store/store.h"

/* The database for this target; aborts (a harness fault) if it cannot be made. */
static inline struct wm_ctx *
fuzzdb(bool with_sample)
{
	static struct wm_ctx ctx;
	struct wm_err err = WM_ERR_INIT;
	int from, to;

	if (ctx.st != NULL)
		return &ctx;
	if (store_open(&ctx.st, "sqlite::memory:", STORE_CREATE, &err) != 0 ||
	    migrate_apply(ctx.st, &from, &to, &err) != 0) {
		fprintf(stderr, "fuzzdb: %s\n", err.msg);
		abort();
	}
	ctx.actor = "fuzz";
	ctx.role = ROLE_SYSTEM;
	ctx.now = 1113555600;	/* 2005-04-15T09:00:00Z, as the end-to-end tests */
	if (with_sample) {
		json_t *report = NULL;

		if (sample_load(&ctx, &report, &err) != 0) {
			fprintf(stderr, "fuzzdb: loading the sample: %s\n", err.msg);
			abort();
		}
		json_decref(report);
	}
	return &ctx;
}

/* Begin the transaction an input's work runs in. */
static inline void
fuzzdb_begin(struct wm_ctx *ctx)
{
	struct wm_err err = WM_ERR_INIT;

	if (store_begin(ctx->st, &err) != 0) {
		fprintf(stderr, "fuzzdb: %s\n", err.msg);
		abort();
	}
}

/*
 * Undo the input's work. Whatever the library did, it must have closed
 * every transaction it opened: the depth is back to the one we began.
 */
static inline void
fuzzdb_rollback(struct wm_ctx *ctx)
{
	if (!store_in_transaction(ctx->st))
		abort();
	store_rollback(ctx->st, 0);
	if (store_in_transaction(ctx->st))
		abort();
}

#endif
