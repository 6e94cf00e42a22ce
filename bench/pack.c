/*
 * pack.c (wm-pack): how long the committee's paper takes on the bundled
 * sample, as Word and as PDF (issue 19's target: under 500 ms each).
 *
 *   wm-pack [--repeat 10] [--json]
 *
 * It loads the sample into a fresh SQLite file in a temporary folder (as
 * `waymark init; waymark sample` would), with the clock at 15 April 2005,
 * then for each paper (the Performance Review Committee's pack, the
 * Management Board's, and the Management Board's meeting of 21 April 2005,
 * every paper on its agenda) runs the report and writes it as DOCX and as
 * PDF, --repeat times, in this process: the first run, and the median of
 * the rest, each from the registry's options to the finished bytes. See
 * bench/README.md.
 */
#include "base/wm.h"

#include <sys/resource.h>
#include <unistd.h>

#include "base/buf.h"
#include "import/sample.h"
#include "report/rdoc.h"
#include "report/reports.h"
#include "store/migrate.h"
#include "store/store.h"
#include "timing.h"

#define MAX_REPEAT 1000
#define TARGET_MS 500

static const struct {
	const char *name;
	struct rpair opts[3];
	size_t nopts;
} papers[] = {
	{ "prc", { { "committee", "PRC" }, { "as_of", "2005-03" } }, 2 },
	{ "mb", { { "committee", "MB" }, { "as_of", "2005-03" } }, 2 },
	{ "mb_meeting", { { "meeting", "MB/2005-04-21" } }, 1 },
};

/* The formats each paper is written in, as fig[] of main() takes them in turn. */
static const enum rformat formats[] = { RF_DOCX, RF_PDF };

/* One paper in one format, from its options to the bytes: ms, and its size. */
static int
once(struct wm_ctx *ctx, size_t k, enum rformat f, double *ms, size_t *bytes, struct wm_err *err)
{
	const struct report *r = report_find("pack");
	struct ropt_errors errs;
	struct ropts o;
	struct rdoc *d = NULL;
	struct buf out = BUF_INIT;
	double t0 = bench_now_ms();
	int rc;

	if (report_parse(ctx, r, papers[k].opts, papers[k].nopts, &o, &errs) != 0)
		return report_errors_join(&errs, ROPT_API, err);
	if ((rc = report_run(ctx, &o, &d, err)) == 0)
		rc = rdoc_write(d, f, &out, err);
	*ms = bench_now_ms() - t0;
	*bytes = out.len;
	rdoc_free(d);
	buf_release(&out);
	return rc;
}

/* What one paper in one format took. */
struct figure {
	double first_ms, median_ms;
	size_t bytes;
};

static void
print_json(const struct figure *fig, size_t n, int repeat)
{
	json_t *res = json_object();
	struct rusage ru;

	json_object_set_new(res, "repeat", json_integer(repeat));
	for (size_t i = 0; i < n; i++) {
		const char *paper = papers[i / WM_ARRAY_LEN(formats)].name;
		const char *f = rformat_name(formats[i % WM_ARRAY_LEN(formats)]);
		char name[96];

		snprintf(name, sizeof(name), "%s_%s_first_ms", paper, f);
		json_object_set_new(res, name, json_real(fig[i].first_ms));
		snprintf(name, sizeof(name), "%s_%s_ms", paper, f);
		json_object_set_new(res, name, json_real(fig[i].median_ms));
		snprintf(name, sizeof(name), "%s_%s_bytes", paper, f);
		json_object_set_new(res, name, json_integer((json_int_t)fig[i].bytes));
	}
	getrusage(RUSAGE_SELF, &ru);
	json_object_set_new(res, "peak_rss_mb", json_real((double)ru.ru_maxrss / 1024));
	json_dumpf(res, stdout, JSON_INDENT(1) | JSON_REAL_PRECISION(6));
	putchar('\n');
	json_decref(res);
}

static void
print_table(const struct figure *fig, size_t n, int repeat)
{
	struct rusage ru;

	printf("%-12s %-6s %12s %12s %10s\n", "paper", "format", "median ms", "first ms", "bytes");
	for (size_t i = 0; i < n; i++)
		printf("%-12s %-6s %12.1f %12.1f %10zu%s\n", papers[i / WM_ARRAY_LEN(formats)].name,
		    rformat_name(formats[i % WM_ARRAY_LEN(formats)]), fig[i].median_ms, fig[i].first_ms, fig[i].bytes,
		    fig[i].median_ms < TARGET_MS ? "" : "  (over the target)");
	getrusage(RUSAGE_SELF, &ru);
	printf("median of %d runs after the first; target < %d ms each; peak %.1f MB\n", repeat,
	    TARGET_MS, (double)ru.ru_maxrss / 1024);
}

int
main(int argc, char **argv)
{
	struct figure fig[WM_ARRAY_LEN(papers) * WM_ARRAY_LEN(formats)];
	struct wm_err err = WM_ERR_INIT;
	struct wm_ctx ctx = { 0 };
	struct store *st = NULL;
	char dir[] = "/tmp/wm-pack.XXXXXX", db[64];
	json_t *report = NULL;
	bool as_json = false;
	int repeat = 10, from, to, rc;
	double *ms;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
			repeat = (int)strtol(argv[++i], NULL, 10);
			if (repeat < 1 || repeat > MAX_REPEAT) {
				fprintf(stderr, "wm-pack: --repeat takes 1 to %d\n", MAX_REPEAT);
				return 2;
			}
		} else if (strcmp(argv[i], "--json") == 0) {
			as_json = true;
		} else {
			fprintf(stderr, "usage: wm-pack [--repeat 10] [--json]\n");
			return strcmp(argv[i], "--help") == 0 ? 0 : 2;
		}
	}
	if ((ms = calloc((size_t)repeat, sizeof(*ms))) == NULL || mkdtemp(dir) == NULL) {
		perror("wm-pack");
		free(ms);
		return 1;
	}
	snprintf(db, sizeof(db), "%s/sample.db", dir);
	ctx.actor = "bench";
	ctx.role = ROLE_SYSTEM;
	ctx.now = 1113555600;	/* 2005-04-15T09:00:00Z */
	if ((rc = store_open(&st, db, STORE_CREATE, &err)) == 0 &&
	    (rc = migrate_apply(st, &from, &to, &err)) == 0) {
		ctx.st = st;
		rc = sample_load(&ctx, &report, &err);
	}
	for (size_t i = 0; rc == 0 && i < WM_ARRAY_LEN(fig); i++) {
		size_t k = i / WM_ARRAY_LEN(formats);
		enum rformat f = formats[i % WM_ARRAY_LEN(formats)];

		rc = once(&ctx, k, f, &fig[i].first_ms, &fig[i].bytes, &err);
		for (int r = 0; rc == 0 && r < repeat; r++)
			rc = once(&ctx, k, f, &ms[r], &fig[i].bytes, &err);
		if (rc == 0)
			fig[i].median_ms = bench_median(ms, (size_t)repeat);
	}
	store_close(st);
	bench_remove_db(dir, db);
	free(ms);
	json_decref(report);
	if (rc != 0) {
		fprintf(stderr, "wm-pack: %s\n", err.msg);
		return 1;
	}
	if (as_json)
		print_json(fig, WM_ARRAY_LEN(fig), repeat);
	else
		print_table(fig, WM_ARRAY_LEN(fig), repeat);
	return 0;
}
