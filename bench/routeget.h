/*
 * routeget.h: one GET through the web front end's router, as server.c
 * would hand it over, without the network (wm-route, wm-forms).
 */
#ifndef WM_BENCH_ROUTEGET_H
#define WM_BENCH_ROUTEGET_H

#include "base/wm.h"

#include "base/mem.h"
#include "http/route.h"

/*
 * GET path?query with the session cookie token, at the clock now; the
 * status, and *len the body's size. The arena is reset after, as a
 * server's worker keeps its own.
 */
static inline int
bench_route_get(struct store *st, struct arena *a, const struct http_config *cfg,
    const char *token, const char *path, const char *query, time_t now, size_t *len)
{
	struct req rq;
	struct resp rs;
	int status;

	memset(&rq, 0, sizeof(rq));
	rq.a = a;
	rq.cfg = cfg;
	rq.method = "GET";
	rq.path = path;
	http_parse_urlencoded(a, query, strlen(query), &rq.query);
	params_add(a, &rq.cookies, SESSION_COOKIE, token);
	rq.body = "";
	rq.addr = "127.0.0.1";
	rq.ctx.st = st;
	rq.ctx.now = now;
	resp_init(&rs, a);
	route_request(&rq, &rs);
	status = rs.status;
	*len = rs.fixed != NULL ? rs.fixed_len : rs.body.len;
	resp_release(&rs);
	arena_reset(a);
	return status;
}

#endif
