/*
 * route.h: how a request finds its handler, and what every handler may
 * rely on; private to src/http/.
 *
 * route.c authenticates the request (the session cookie, or the public
 * when the server was started with --public), sends /assets/ to the
 * built-in files, /api/v1 to the JSON API and everything else to the
 * pages, and puts the security headers on every response.
 */
#ifndef WM_HTTP_ROUTE_H
#define WM_HTTP_ROUTE_H

#include "http/req.h"
#include "report/rdoc.h"

#define SESSION_COOKIE "waymark_session"
#define LOGIN_CSRF_COOKIE "waymark_login"

void route_request(struct req *rq, struct resp *rs);
/* Work out the Content-Security-Policy; once, after sodium_init() and before threads. */
void route_init(void);
/* Content-Security-Policy and the other headers every response carries. */
void route_security_headers(struct resp *rs);

/* May this request read anything? (A session, or a server started with --public.) */
bool route_may_read(const struct req *rq);
/* Set a cookie: HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS; max_age 0 deletes it. */
void route_set_cookie(const struct req *rq, struct resp *rs, const char *name, const char *value,
    long max_age);
/*
 * Take one of the server's slots for checking a password, waiting a few
 * seconds at most; false: answer 503 and say to try again. Give it back
 * with route_login_leave().
 */
bool route_login_enter(struct req *rq);
void route_login_leave(struct req *rq);
/* The 503 for a sign-in that found no slot. */
void route_login_busy(struct resp *rs);

/* Does token match the session's CSRF token (in constant time)? */
bool route_csrf_ok(const struct req *rq, const char *token);

/* api.c: everything under /api/v1. */
void api_handle(struct req *rq, struct resp *rs, const char *rest);
struct report;
struct rdoc;
struct ropt_errors;
/*
 * Run a report of the registry (report/reports.h) with opts, a JSON
 * object of strings (NULL for none), as its options; an error about the
 * options names them as the API does (stale_days) and, when errs is not
 * NULL, is there option by option.
 */
int http_run_report(struct req *rq, const struct report *r, const json_t *opts,
    struct rdoc **out, struct ropt_errors *errs, struct wm_err *err);
/*
 * The same with the request's query parameters as the options: those with
 * a value (a blank form field is an option not given), but for "format",
 * which chooses how the answer is written.
 */
int http_run_report_query(struct req *rq, const struct report *r, struct rdoc **out,
    struct ropt_errors *errs, struct wm_err *err);
/*
 * ?format= for a report: one of the document's formats into *f (not
 * RF_HTML_BODY), or one the report writes itself into *own; nothing given
 * leaves *f as it is. WM_EUSAGE naming the formats there are.
 */
int http_report_format(const struct report *r, const char *format, enum rformat *f,
    const char **own, struct wm_err *err);
/*
 * The report's document in f (or its own rendition own); a paper to keep
 * (binary) is a download named for the report, and so is every format
 * when download is true (a page's link).
 */
void http_send_report(struct req *rq, struct resp *rs, const struct report *r,
    const struct rdoc *doc, enum rformat f, const char *own, bool download);
/* openapi.c: the OpenAPI 3 description of the API, made from the kinds. */
json_t *openapi_spec(void);
/* assets.c: /assets/NAME from the files built into the binary. */
void assets_serve(struct req *rq, struct resp *rs, const char *name);
/* pages.c: the HTML pages. */
void pages_handle(struct req *rq, struct resp *rs);

#endif
