/*
 * forms.c (wm-forms): the server time of the web's form pages on the
 * bundled sample (issue 17's target: under 50 ms each).
 *
 *   wm-forms [--repeat 20] [--json]
 *
 * It loads the sample into a fresh SQLite file in a temporary folder (as
 * `waymark init; waymark sample` would), with the clock at 15 April 2005,
 * signs an administrator in, then asks the router (as server.c would, without the
 * network) for every form page: each kind's add form (/KIND/new), the
 * change form of its first record (/KIND/KEY/edit), an indicator's figures
 * and targets grids, the upload page and the accounts' pages. Each page
 * --repeat times after a first: the first, and the median of the rest. A
 * kind whose forms are elsewhere (users, comments) is listed with its
 * status (404) and not timed.
 * See bench/README.md.
 */
#include "base/wm.h"

#include <sodium.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/buf.h"
#include "import/sample.h"
#include "model/account.h"
#include "model/ent.h"
#include "model/kind.h"
#include "routeget.h"
#include "store/migrate.h"
#include "store/store.h"
#include "timing.h"

#define MAX_REPEAT 1000
#define TARGET_MS 50
#define MAX_PAGES 200
/* The sample's clock, as the other programs keep it. */
#define NOW 1113555600	/* 2005-04-15T09:00:00Z */

struct figure {
	const char *path;
	int status;
	double first_ms, median_ms;
	size_t bytes;
};

/* "/KIND/KEY/edit", decoded, as the server hands the router a path. */
static const char *
edit_path(struct arena *a, const struct kind *k, const char *key)
{
	return arena_printf(a, "/%s/%s/edit", k->name, key);
}

/* The form pages of the sample: each kind's add and change forms, the grids, the upload. */
static size_t
form_pages(struct wm_ctx *ctx, struct arena *a, const char **paths, size_t max)
{
	size_t n = 0;

	for (const struct kind *k = kinds; k->name != NULL && n + 2 < max; k++) {
		struct ent_query q = { .limit = 1 };
		json_t *rows = NULL;
		struct wm_err err = WM_ERR_INIT;

		if (k->flags & (KF_VIEW | KF_READONLY))
			continue;
		paths[n++] = arena_printf(a, "/%s/new", k->name);
		if (ent_list(ctx, k, &q, &rows, &err) == 0 && json_array_size(rows) > 0) {
			struct buf key = BUF_INIT;

			ent_row_key(k, json_array_get(rows, 0), &key);
			paths[n++] = edit_path(a, k, buf_str(&key));
			buf_release(&key);
		}
		json_decref(rows);
	}
	if (n + 5 <= max) {
		paths[n++] = "/pis/SC-01/figures?period=2005-03";
		paths[n++] = "/pis/SC-01/targets?year=2005/06";
		paths[n++] = "/import";
		paths[n++] = "/admin/users";
		paths[n++] = "/admin/users/bench";
	}
	return n;
}

/* One GET of path (with its query after '?'): ms, status and size. */
static int
once(struct store *st, struct arena *a, const struct http_config *cfg, const char *token,
    const char *path, double *ms, size_t *bytes)
{
	const char *q = strchr(path, '?');
	char just[512];
	double t0;
	int status;

	snprintf(just, sizeof(just), "%.*s", q != NULL ? (int)(q - path) : (int)strlen(path), path);
	t0 = bench_now_ms();
	status = bench_route_get(st, a, cfg, token, just, q != NULL ? q + 1 : "", NOW, bytes);
	*ms = bench_now_ms() - t0;
	return status;
}

static void
print_json(const struct figure *fig, size_t n, int repeat)
{
	json_t *res = json_object(), *pages = json_array();

	json_object_set_new(res, "repeat", json_integer(repeat));
	json_object_set_new(res, "target_ms", json_integer(TARGET_MS));
	for (size_t i = 0; i < n; i++)
		json_array_append_new(pages, json_pack("{s:s, s:i, s:f, s:f, s:I}", "path",
		    fig[i].path, "status", fig[i].status, "first_ms", fig[i].first_ms, "median_ms",
		    fig[i].median_ms, "bytes", (json_int_t)fig[i].bytes));
	json_object_set_new(res, "pages", pages);
	json_dumpf(res, stdout, JSON_INDENT(1) | JSON_REAL_PRECISION(6));
	putchar('\n');
	json_decref(res);
}

static void
print_table(const struct figure *fig, size_t n, int repeat)
{
	size_t over = 0, timed = 0;

	printf("%-52s %6s %10s %10s %9s\n", "page", "status", "median ms", "first ms", "bytes");
	for (size_t i = 0; i < n; i++) {
		bool ok = fig[i].status == 200;

		if (!ok) {
			printf("%-52s %6d %10s %10s %9s\n", fig[i].path, fig[i].status, "-", "-", "-");
			continue;
		}
		timed++;
		over += fig[i].median_ms >= TARGET_MS;
		printf("%-52s %6d %10.2f %10.2f %9zu%s\n", fig[i].path, fig[i].status,
		    fig[i].median_ms, fig[i].first_ms, fig[i].bytes,
		    fig[i].median_ms < TARGET_MS ? "" : "  (over the target)");
	}
	printf("%zu pages timed, %zu over; median of %d runs after the first; target < %d ms each\n",
	    timed, over, repeat, TARGET_MS);
}

int
main(int argc, char **argv)
{
	struct wm_err err = WM_ERR_INIT;
	struct wm_ctx ctx = { 0 };
	struct http_config cfg = { 0 };
	struct store *st = NULL;
	struct arena *a, *pa;
	struct figure fig[MAX_PAGES];
	const char *paths[MAX_PAGES];
	char dir[] = "/tmp/wm-forms.XXXXXX", db[64], token[ACCOUNT_TOKEN_LEN];
	struct session sess;
	json_t *report = NULL, *user = NULL;
	bool as_json = false;
	int repeat = 20, from, to, retry = 0, rc;
	size_t n = 0;
	double *ms;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
			repeat = (int)strtol(argv[++i], NULL, 10);
			if (repeat < 1 || repeat > MAX_REPEAT) {
				fprintf(stderr, "wm-forms: --repeat takes 1 to %d\n", MAX_REPEAT);
				return 2;
			}
		} else if (strcmp(argv[i], "--json") == 0) {
			as_json = true;
		} else {
			fprintf(stderr, "usage: wm-forms [--repeat 20] [--json]\n");
			return strcmp(argv[i], "--help") == 0 ? 0 : 2;
		}
	}
	if (sodium_init() < 0 || (ms = calloc((size_t)repeat, sizeof(*ms))) == NULL ||
	    mkdtemp(dir) == NULL) {
		perror("wm-forms");
		return 1;
	}
	snprintf(db, sizeof(db), "%s/sample.db", dir);
	a = arena_new();
	pa = arena_new();
	ctx.actor = "bench";
	ctx.role = ROLE_SYSTEM;
	ctx.now = NOW;
	/* an administrator: every form a planner has, and the accounts' */
	user = json_pack("{s:s, s:s}", "username", "bench", "role", "admin");
	if ((rc = store_open(&st, db, STORE_CREATE, &err)) == 0 &&
	    (rc = migrate_apply(st, &from, &to, &err)) == 0) {
		ctx.st = st;
		if ((rc = sample_load(&ctx, &report, &err)) == 0 &&
		    (rc = account_add(&ctx, user, "bench password", NULL, &err)) == 0)
			rc = account_login(&ctx, "bench", "bench password", "127.0.0.1", token, &sess,
			    &retry, &err);
	}
	route_init();
	cfg.db = db;
	cfg.max_body = 1 << 20;
	if (rc == 0)
		n = form_pages(&ctx, pa, paths, MAX_PAGES);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		fig[i] = (struct figure){ .path = paths[i] };
		fig[i].status = once(st, a, &cfg, token, paths[i], &fig[i].first_ms, &fig[i].bytes);
		for (int r = 0; fig[i].status == 200 && r < repeat; r++)
			once(st, a, &cfg, token, paths[i], &ms[r], &fig[i].bytes);
		if (fig[i].status == 200)
			fig[i].median_ms = bench_median(ms, (size_t)repeat);
	}
	if (rc == 0) {
		if (as_json)
			print_json(fig, n, repeat);
		else
			print_table(fig, n, repeat);
	}
	store_close(st);
	bench_remove_db(dir, db);
	free(ms);
	json_decref(report);
	json_decref(user);
	arena_free(a);
	arena_free(pa);
	if (rc != 0) {
		fprintf(stderr, "wm-forms: %s\n", err.msg);
		return 1;
	}
	return 0;
}
