/*
 * req.h: a request and its response as the handlers see them, private to
 * src/http/.
 *
 * server.c copies what libmicrohttpd knows about a request into a struct
 * req (all of it allocated from the request's arena, dropped in one call
 * when the response has gone) and sends whatever the handler left in the
 * struct resp. Handlers never see libmicrohttpd, so they can be driven by
 * the unit tests with a request made by hand.
 */
#ifndef WM_HTTP_REQ_H
#define WM_HTTP_REQ_H

#include "base/wm.h"

#include <jansson.h>
#include <semaphore.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "http/http.h"
#include "model/account.h"
#include "model/ctx.h"

struct param {
	const char *name;
	const char *value;
};

struct upload_list;

struct params_list {
	struct param *v;
	size_t n, cap;
};

struct req {
	struct arena *a;
	const struct http_config *cfg;
	const char *method;		/* "GET", "POST"... (HEAD is handled as GET) */
	const char *path;		/* decoded, without the query */
	struct params_list query;
	struct params_list headers;	/* names as sent; looked up without regard to case */
	struct params_list cookies;
	struct params_list form;	/* an application/x-www-form-urlencoded body */
	struct upload_list *files;	/* a multipart/form-data body's files (multipart.h), or NULL */
	const char *body;		/* NUL-terminated; body_len bytes */
	size_t body_len;
	const char *addr;		/* the client's address */
	bool tls;			/* reached over HTTPS (directly or via the trusted proxy) */
	struct wm_ctx ctx;		/* who acts: the session's user, or the public */
	bool logged_in;
	struct session sess;
	const char *token;		/* the session cookie's value, or NULL */
	char actor[160];
	bool resumed;			/* a form sent back through signing in again: form holds it */
	/*
	 * The server's bound on password checks under way at once (fewer than
	 * its workers, so sign-ins cannot take every worker and the memory
	 * Argon2id needs); NULL: none (the unit tests).
	 */
	sem_t *login_gate;
};

#define RESP_MAX_HEADERS 16

struct resp {
	int status;
	const char *type;		/* Content-Type */
	struct buf body;
	const unsigned char *fixed;	/* a body that outlives the request (an asset) */
	size_t fixed_len;
	struct param headers[RESP_MAX_HEADERS];
	size_t nheaders;
	struct arena *a;		/* the request's arena, for header values */
	/*
	 * What went wrong inside the server, for its log only: a 5xx answer
	 * says no more than that it failed, since the database's own words
	 * name its tables and columns.
	 */
	const char *log_note;
};

/* Names are compared without regard to case for headers, exactly otherwise. */
void params_add(struct arena *a, struct params_list *l, const char *name, const char *value);
const char *params_get(const struct params_list *l, const char *name);
const char *req_header(const struct req *r, const char *name);
const char *req_query(const struct req *r, const char *name);
const char *req_form(const struct req *r, const char *name);
const char *req_cookie(const struct req *r, const char *name);
/*
 * The query parameters that have a value, as a report's options: an empty
 * one, as a form sends a field left blank, is an option not given.
 */
json_t *req_query_options(const struct req *rq);

/*
 * Parse "a=1&b=two+words&c=%2F" into l (arena strings). Total: any bytes
 * give a list; malformed escapes are kept as they are written.
 */
void http_parse_urlencoded(struct arena *a, const char *s, size_t len, struct params_list *l);

/* Decode %XX and '+' (as a space, when plus is true) into a new arena string. */
char *http_unescape(struct arena *a, const char *s, size_t len, bool plus);

/* Escape a path segment or query value for a URL (RFC 3986 unreserved kept). */
void http_url_escape(struct buf *out, const char *s);
/* The same, keeping '/' (a record's key in a path). */
void http_path_escape(struct buf *out, const char *s);

void resp_init(struct resp *rs, struct arena *a);
void resp_release(struct resp *rs);
void resp_header(struct resp *rs, const char *name, const char *value);
/* A JSON body (the reference is taken) with this status. */
void resp_json(struct resp *rs, int status, json_t *j);
void resp_text(struct resp *rs, int status, const char *type, const char *text);
/* 303 See Other to location. */
void resp_redirect(struct resp *rs, const char *location);

/* The HTTP status for a WM_E* code. */
int http_status(int code);
/* {"error": {"status", "code", "message"}} from err, with the status its code maps to. */
void resp_error(struct resp *rs, const struct wm_err *err);
/* The same with one more member in the error object (taken): "options": [...]. */
void resp_error_with(struct resp *rs, const struct wm_err *err, const char *member,
    json_t *value);
/* The same, for an error made here. */
void resp_errorf(struct resp *rs, int code, const char *fmt, ...) WM_PRINTF(3, 4);
/* An error with a status no WM_E* code maps to (401, 405, 415). */
void resp_status(struct resp *rs, int status, const char *code_name, const char *message);

#endif
