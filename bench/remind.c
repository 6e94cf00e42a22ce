/*
 * remind.c (wm-remind): how long `waymark remind` takes to build its
 * digests for many people (issue 18's target: under 2 s for 10,000 people
 * and 100,000 tracked items), without sending them.
 *
 *   wm-remind [--people 10000] [--items 100000] [--repeat 3] [--json]
 *
 * It makes a fresh SQLite file in a temporary folder and imports, as
 * `waymark import` would, that many people, each holding one post, and
 * that many open recommendations spread over the posts, due over the two
 * years around the day, a third of them updated lately; then, as of that
 * day, times what `remind` does before it sends anything: load everything
 * open someone leads (mywork_load), read what was sent before, and build
 * every person's digest (remind_build): the first run in this process, and
 * the median of --repeat. It prints its figures; it asserts nothing (the
 * lead measures on a quiet machine; see bench/README.md).
 */
#include "base/wm.h"

#include <jansson.h>
#include <sys/resource.h>
#include <unistd.h>

#include "base/date.h"
#include "base/err.h"
#include "model/dbx.h"
#include "model/reminder.h"
#include "report/remind.h"
#include "store/migrate.h"
#include "store/store.h"
#include "timing.h"

#define MAX_REPEAT 1000
#define TARGET_MS 2000

/* The data: people p0..pN-1 holding posts P0.., items spread over the posts. */
static json_t *
make_doc(long people, long items, int today)
{
	json_t *doc = json_pack("{s:s, s:i}", "format", DBX_FORMAT_DATA, "version", DBX_VERSION);
	json_t *pp = json_array(), *posts = json_array(), *holders = json_array();
	json_t *recs = json_array(), *prog = json_array();
	char ref[64], post[64], due[DATE_ISO_LEN], upd[DATE_ISO_LEN], email[96];

	for (long i = 0; i < people; i++) {
		snprintf(ref, sizeof(ref), "p%ld", i);
		snprintf(post, sizeof(post), "Post %ld", i);
		snprintf(email, sizeof(email), "p%ld@example.org", i);
		json_array_append_new(pp, json_pack("{s:s, s:s, s:s}", "ref", ref, "name", ref,
		    "email", email));
		json_array_append_new(posts, json_pack("{s:s}", "ref", post));
		json_array_append_new(holders, json_pack("{s:s, s:s}", "post", post, "person", ref));
	}
	for (long i = 0; i < items; i++) {
		snprintf(ref, sizeof(ref), "R%ld", i + 1);
		snprintf(post, sizeof(post), "Post %ld", people > 0 ? i % people : 0);
		/* due from a year before the day to a year after, by a step that is no period */
		date_format_iso(today - 365 + (int)((i * 37) % 730), due);
		json_array_append_new(recs, json_pack("{s:s, s:s, s:I, s:s, s:s, s:[s], s:s}",
		    "source", "BENCH", "ref", ref, "seq", (json_int_t)(i + 1), "subject", ref,
		    "text", "A recommendation made for the benchmark", "leads", post, "due", due));
		if (i % 3 == 0) {
			date_format_iso(today - (int)(i % 120), upd);
			json_array_append_new(prog, json_pack("{s:s, s:i, s:s, s:s}", "recommendation",
			    ref, "seq", 1, "date", upd, "text", "Work under way"));
		}
	}
	json_object_set_new(doc, "people", pp);
	json_object_set_new(doc, "posts", posts);
	json_object_set_new(doc, "holders", holders);
	date_format_iso(today - 400, due);
	json_object_set_new(doc, "sources", json_pack("[{s:s, s:s, s:s}]", "ref", "BENCH",
	    "title", "The benchmark's source", "issued", due));
	json_object_set_new(doc, "recommendations", recs);
	json_object_set_new(doc, "progress", prog);
	return doc;
}

/* One run of what remind does before sending: ms, and how many digests. */
static int
once(struct wm_ctx *ctx, int today, double *ms, size_t *ndigests, size_t *nitems,
    struct wm_err *err)
{
	struct mywork_set *set = NULL;
	struct remind_rules rules;
	struct digest *d = NULL;
	json_t *sent = NULL;
	double t0 = bench_now_ms();
	size_t n = 0;
	int rc;

	*nitems = 0;
	if ((rc = remind_rules_load(ctx, &rules, err)) == 0 &&
	    (rc = reminder_sent(ctx, &sent, err)) == 0 &&
	    (rc = mywork_load(ctx, today, &set, err)) == 0)
		rc = remind_build(set, &rules, sent, "https://waymark.example.org", &d, &n, err);
	*ms = bench_now_ms() - t0;
	*ndigests = n;
	for (size_t i = 0; i < n; i++)
		*nitems += d[i].nrows;
	remind_free(d, n);
	mywork_free(set);
	json_decref(sent);
	return rc;
}

static long
arg_long(int argc, char **argv, int *i, long max)
{
	char *end;
	long v;

	if (*i + 1 >= argc) {
		fprintf(stderr, "wm-remind: %s needs a number\n", argv[*i]);
		exit(2);
	}
	v = strtol(argv[++*i], &end, 10);
	if (*end != '\0' || v < 1 || v > max) {
		fprintf(stderr, "wm-remind: %s: give a whole number from 1 to %ld\n", argv[*i - 1],
		    max);
		exit(2);
	}
	return v;
}

int
main(int argc, char **argv)
{
	struct wm_err err = WM_ERR_INIT;
	struct wm_ctx ctx = { 0 };
	struct store *st = NULL;
	long people = 10000, items = 100000, repeat = 3;
	bool json = false;
	char dir[] = "/tmp/wm-remind.XXXXXX", db[64];
	double first = 0, *ms = NULL, load_ms = 0, t0;
	size_t nd = 0, ni = 0;
	json_t *doc = NULL, *summary = NULL;
	int from, to, today, rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--people") == 0)
			people = arg_long(argc, argv, &i, 10000000);
		else if (strcmp(argv[i], "--items") == 0)
			items = arg_long(argc, argv, &i, 100000000);
		else if (strcmp(argv[i], "--repeat") == 0)
			repeat = arg_long(argc, argv, &i, MAX_REPEAT);
		else if (strcmp(argv[i], "--json") == 0)
			json = true;
		else {
			fprintf(stderr, "usage: wm-remind [--people N] [--items N] [--repeat N] "
			    "[--json]\n");
			return 2;
		}
	}
	if (mkdtemp(dir) == NULL) {
		perror("wm-remind: mkdtemp");
		return 1;
	}
	snprintf(db, sizeof(db), "%s/remind.db", dir);
	ctx.actor = "bench";
	ctx.role = ROLE_SYSTEM;
	ctx.now = 1113555600;	/* 2005-04-15T09:00:00Z */
	today = date_from_time(ctx.now);
	ms = calloc((size_t)repeat, sizeof(*ms));
	doc = make_doc(people, items, today);
	if ((rc = store_open(&st, db, STORE_CREATE, &err)) == 0 &&
	    (rc = migrate_apply(st, &from, &to, &err)) == 0) {
		ctx.st = st;
		t0 = bench_now_ms();
		rc = dbx_import(&ctx, doc, &summary, &err);
		load_ms = bench_now_ms() - t0;
	}
	if (rc == 0)
		rc = once(&ctx, today, &first, &nd, &ni, &err);
	for (long r = 0; rc == 0 && r < repeat; r++)
		rc = once(&ctx, today, &ms[r], &nd, &ni, &err);
	store_close(st);
	unlink(db);
	{
		char side[80];

		snprintf(side, sizeof(side), "%s-wal", db);
		unlink(side);
		snprintf(side, sizeof(side), "%s-shm", db);
		unlink(side);
	}
	rmdir(dir);
	json_decref(doc);
	json_decref(summary);
	if (rc != 0) {
		fprintf(stderr, "wm-remind: %s\n", err.msg);
		free(ms);
		return 1;
	}
	{
		double median = bench_median(ms, (size_t)repeat);
		struct rusage ru;

		getrusage(RUSAGE_SELF, &ru);
		if (json)
			printf("{\"people\": %ld, \"items\": %ld, \"digests\": %zu, \"items_listed\": %zu, "
			    "\"load_ms\": %.1f, \"first_ms\": %.1f, \"median_ms\": %.1f, "
			    "\"target_ms\": %d, \"peak_rss_mb\": %.1f}\n", people, items, nd, ni, load_ms,
			    first, median, TARGET_MS, (double)ru.ru_maxrss / 1024);
		else
			printf("remind over %ld people and %ld items: %zu digests listing %zu items; "
			    "built in %.1f ms first, %.1f ms median of %ld (target %d ms); loading the "
			    "data took %.1f ms\n", people, items, nd, ni, first, median, repeat,
			    TARGET_MS, load_ms);
	}
	free(ms);
	return 0;
}
