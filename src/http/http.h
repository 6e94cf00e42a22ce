/*
 * http.h: the web server, as the command line starts it.
 *
 * `waymark serve` fills a struct http_config and calls http_serve(), which
 * listens until SIGTERM or SIGINT, lets the requests under way finish, and
 * returns. Everything else about the server is private to src/http/.
 */
#ifndef WM_HTTP_H
#define WM_HTTP_H

#include "base/wm.h"

#include <time.h>

#include "base/err.h"

#define HTTP_DEFAULT_LISTEN "127.0.0.1:8080"
#define HTTP_DEFAULT_MAX_BODY ((size_t)1024 * 1024)
#define HTTP_DEFAULT_TIMEOUT 30
#define HTTP_DEFAULT_TIME_LIMIT 30.0
#define HTTP_DEFAULT_MAX_PER_ADDRESS 64

struct http_config {
	const char *db;			/* the database, opened once per worker thread */
	const char *listen;		/* "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:0" (any free port) */
	bool public_read;		/* without a login, show what is published */
	const char *trusted_proxy;	/* the proxy whose X-Forwarded-Proto is believed, or NULL */
	unsigned threads;		/* worker threads, each with its own database connection */
	size_t max_body;		/* largest request body, in bytes */
	unsigned timeout;		/* seconds a connection may stay idle, or take over a request head */
	double time_limit;		/* seconds a request may take before it is answered 503; 0: none */
	unsigned max_per_address;	/* connections one client address may hold at once */
	time_t fixed_now;		/* a fixed clock for tests (WAYMARK_NOW); 0: the system's */
	FILE *log;			/* where "listening on ..." and the request log go */
};

/* Serve until SIGTERM or SIGINT. Writes "listening on http://ADDR:PORT/" to cfg->log first. */
int http_serve(const struct http_config *cfg, struct wm_err *err);

#endif
