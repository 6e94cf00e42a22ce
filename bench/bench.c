/*
 * bench.c: wm-bench, the in-process timings behind bench/run.
 *
 * Opens a database the way `waymark` does and times, inside one process,
 * the work the issue sets targets for, without process start or output:
 *
 *   - the full exception report (roll-up, RAG, direction of travel) for
 *     the latest period, built and written as JSON: the first call in this
 *     process (cold: nothing of the database cached by Waymark, and the
 *     operating system's page cache as bench/run left it), then the median
 *     of --repeat more (warm);
 *   - one indicator's figures over every period held, rolled up for every
 *     unit (prun_trend), the indicators loaded once beforehand: the median
 *     of --repeat calls.
 *
 * It prints one JSON object of figures in milliseconds. This is a tool for
 * bench/run, not part of Waymark: it prints its own errors and exits.
 */
#include "base/wm.h"

#include <jansson.h>
#include <sys/resource.h>
#include <time.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/mem.h"
#include "model/ctx.h"
#include "model/perfdata.h"
#include "report/perfrun.h"
#include "report/performance.h"
#include "report/rdoc.h"
#include "store/migrate.h"
#include "store/store.h"
#include "timing.h"

#define MAX_REPEAT 1000

/* The exception report as `waymark report exceptions --format json` makes it; *bytes its size. */
static int
exceptions_once(struct wm_ctx *ctx, double *ms, size_t *bytes, struct wm_err *err)
{
	struct exceptions_opts o = { 0 };
	struct rdoc *doc = NULL;
	struct buf out;
	double t0 = bench_now_ms();
	int rc;

	buf_init(&out, BUF_MAX_DEFAULT);
	if ((rc = report_exceptions(ctx, &o, &doc, err)) == 0)
		rc = rdoc_write(doc, RF_JSON, &out, err);
	*ms = bench_now_ms() - t0;
	*bytes = out.len;
	buf_release(&out);
	rdoc_free(doc);
	return rc;
}

static int
trend_once(struct wm_ctx *ctx, const struct perfdata *pd, size_t pi, double *ms, size_t *cells,
    struct wm_err *err)
{
	struct prun_trend t;
	double t0 = bench_now_ms();
	int rc;

	rc = prun_trend(ctx, pd, pi, NULL, NULL, &t, err);
	if (rc == 0) {
		*cells = (size_t)t.nperiods * t.nunits;
		prun_trend_release(&t);
	}
	*ms = bench_now_ms() - t0;
	return rc;
}

static int
run(struct wm_ctx *ctx, const char *pi_code, int repeat, json_t *res, struct wm_err *err)
{
	double *ms = wm_calloc((size_t)repeat, sizeof(*ms));
	struct perfdata pd;
	size_t bytes = 0, cells = 0, pi;
	double cold, load;
	bool loaded = false;
	int rc;

	if ((rc = exceptions_once(ctx, &cold, &bytes, err)) != 0)
		goto out;
	json_object_set_new(res, "exception_report_cold_ms", json_real(cold));
	json_object_set_new(res, "exception_report_bytes", json_integer((json_int_t)bytes));
	for (int i = 0; i < repeat; i++)
		if ((rc = exceptions_once(ctx, &ms[i], &bytes, err)) != 0)
			goto out;
	json_object_set_new(res, "exception_report_warm_ms", json_real(bench_median(ms, (size_t)repeat)));

	load = bench_now_ms();
	if ((rc = perfdata_load(ctx, &pd, err)) != 0)
		goto out;
	loaded = true;
	json_object_set_new(res, "perfdata_load_ms", json_real(bench_now_ms() - load));
	if ((rc = perfdata_pi(ctx, &pd, pi_code, &pi, err)) != 0)
		goto out;
	for (int i = 0; i < repeat; i++)
		if ((rc = trend_once(ctx, &pd, pi, &ms[i], &cells, err)) != 0)
			goto out;
	json_object_set_new(res, "pi_trend_ms", json_real(bench_median(ms, (size_t)repeat)));
	json_object_set_new(res, "pi_trend_cells", json_integer((json_int_t)cells));
out:
	if (loaded)
		perfdata_release(&pd);
	free(ms);
	return rc;
}

int
main(int argc, char **argv)
{
	struct wm_err err = WM_ERR_INIT;
	struct wm_ctx ctx = { 0 };
	struct store *st = NULL;
	struct rusage ru;
	const char *pi = "BP-0002", *db = NULL;
	int repeat = 20, rc;
	json_t *res;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			printf("usage: wm-bench [--repeat 20] [--pi BP-0002] DB\n\n"
			    "Times the exception report (cold, then the median of --repeat) and\n"
			    "one indicator's rolled-up trend (the median of --repeat) in this\n"
			    "process, and prints the figures in milliseconds as JSON.\n");
			return 0;
		} else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
			repeat = (int)strtol(argv[++i], NULL, 10);
			if (repeat < 1 || repeat > MAX_REPEAT) {
				fprintf(stderr, "wm-bench: --repeat takes 1 to %d\n", MAX_REPEAT);
				return 2;
			}
		} else if (strcmp(argv[i], "--pi") == 0 && i + 1 < argc) {
			pi = argv[++i];
		} else if (argv[i][0] != '-' && db == NULL) {
			db = argv[i];
		} else {
			fprintf(stderr, "usage: wm-bench [--repeat 20] [--pi BP-0002] DB\n");
			return 2;
		}
	}
	if (db == NULL) {
		fprintf(stderr, "usage: wm-bench [--repeat 20] [--pi BP-0002] DB\n");
		return 2;
	}
	ctx.actor = "bench";
	ctx.role = ROLE_SYSTEM;
	ctx.now = time(NULL);
	res = json_object();
	rc = store_open(&st, db, 0, &err);
	if (rc == 0)
		rc = migrate_check(st, &err);
	ctx.st = st;
	if (rc == 0)
		rc = run(&ctx, pi, repeat, res, &err);
	store_close(st);
	if (rc != 0) {
		fprintf(stderr, "wm-bench: %s: %s\n", db, err.msg);
		json_decref(res);
		return 1;
	}
	getrusage(RUSAGE_SELF, &ru);
	json_object_set_new(res, "peak_rss_mb", json_real((double)ru.ru_maxrss / 1024));
	json_dumpf(res, stdout, JSON_INDENT(1) | JSON_REAL_PRECISION(6));
	putchar('\n');
	json_decref(res);
	return 0;
}
