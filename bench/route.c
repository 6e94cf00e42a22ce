/*
 * route.c (wm-route): the web front end's cost per request without the
 * network: one request, as server.c would hand it to the router, repeated
 * in one process against a database file. bench/run's API figures include
 * libmicrohttpd, the kernel and wrk; this one is the library's share alone,
 * so a change to the request path can be measured on a busy machine too.
 *
 *   wm-route DB TOKEN PATH [QUERY] [N]
 *
 * TOKEN is a session cookie's value (log in first); prints the status,
 * the body's size and the microseconds per request (median of 5 rounds).
 */
#include "base/wm.h"

#include <sodium.h>

#include "base/mem.h"
#include "base/str.h"
#include "http/route.h"
#include "store/store.h"
#include "routeget.h"
#include "timing.h"

int
main(int argc, char **argv)
{
	struct wm_err err = WM_ERR_INIT;
	struct http_config cfg = { 0 };
	struct store *st = NULL;
	struct arena *a = arena_new();
	double rounds[5];
	int64_t n;
	size_t len = 0;
	int status = 0;

	if (argc < 4 || argc > 6) {
		fprintf(stderr, "usage: wm-route DB TOKEN PATH [QUERY] [N]\n");
		return 2;
	}
	n = 20000;
	if (argc > 5 && (str_to_int64(argv[5], &n) != 0 || n < 1)) {
		fprintf(stderr, "wm-route: N must be a positive whole number\n");
		return 2;
	}
	if (sodium_init() < 0 || store_open(&st, argv[1], 0, &err) != 0) {
		fprintf(stderr, "wm-route: %s\n", err.msg);
		return 1;
	}
	route_init();
	cfg.db = argv[1];
	cfg.max_body = 1 << 20;
	for (int r = 0; r < 5; r++) {
		double t0 = bench_now_ms();

		for (int64_t i = 0; i < n; i++)
			status = bench_route_get(st, a, &cfg, argv[2], argv[3], argc > 4 ? argv[4] : "",
			    time(NULL), &len);
		rounds[r] = (bench_now_ms() - t0) * 1e3 / (double)n;
	}
	printf("status %d, %zu bytes, %.2f us per request\n", status, len,
	    bench_median(rounds, 5));
	store_close(st);
	arena_free(a);
	return 0;
}
