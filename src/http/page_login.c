/*
 * page_login.c: signing in and out.
 *
 * The sign-in form is protected from cross-site posting like every other
 * form, before there is a session: the page sets a short-lived cookie
 * holding a random token and puts the same token in the form; a post
 * whose token does not match the cookie is refused. After signing in,
 * the browser goes back to where it was sent from (?next=, a path on
 * this site only).
 */
#include "base/wm.h"

#include <sodium.h>

#include "base/str.h"
#include "http/page.h"

/* Only a path on this site: "/x", not "//host" or "http://...". */
static const char *
safe_next(const char *next)
{
	if (next == NULL || next[0] != '/' || next[1] == '/' || next[1] == '\\' ||
	    strchr(next, '\r') != NULL || strchr(next, '\n') != NULL)
		return "/";
	return next;
}

static void
login_form(struct req *rq, struct resp *rs, const char *next, const char *error, int status)
{
	char token[ACCOUNT_TOKEN_LEN];
	struct page p;

	account_random_token(token);
	page_begin(&p, rq, rs, error ? "Error: Sign in - Waymark" : "Sign in - Waymark", NULL);
	html_open(&p.h, "div", "class", "govuk-grid-row", NULL);
	html_open(&p.h, "div", "class", "govuk-grid-column-two-thirds", NULL);
	if (error != NULL)
		page_error_summary(&p, error, "#username");
	html_elem(&p.h, "h1", "Sign in", "class", "govuk-heading-l", NULL);
	html_open(&p.h, "form", "method", "post", "action", "/login", "novalidate", "", NULL);
	html_void(&p.h, "input", "type", "hidden", "name", "csrf_token", "value", token, NULL);
	html_void(&p.h, "input", "type", "hidden", "name", "next", "value", next, NULL);
	page_input(&p, "username", "User name", "text", error ? req_form(rq, "username") : NULL,
	    NULL, NULL, "20");
	page_input(&p, "password", "Password", "password", NULL, NULL, NULL, "20");
	page_form_end(&p, "Sign in");
	html_close(&p.h, "div");
	html_close(&p.h, "div");
	page_end(&p);
	rs->status = status;
	route_set_cookie(rq, rs, LOGIN_CSRF_COOKIE, token, 3600);
}

void
page_login(struct req *rq, struct resp *rs)
{
	struct wm_err err = WM_ERR_INIT;
	char token[ACCOUNT_TOKEN_LEN];
	const char *sent, *cookie, *next;
	struct session s;
	int retry, rc;

	if (strcmp(rq->method, "GET") == 0) {
		next = safe_next(req_query(rq, "next"));
		if (rq->logged_in)
			resp_redirect(rs, next);
		else
			login_form(rq, rs, next, NULL, 200);
		return;
	}
	if (strcmp(rq->method, "POST") != 0) {
		page_fail(rq, rs, 405, "That cannot be done here", "Sign in with the form.");
		resp_header(rs, "Allow", "GET, POST");
		return;
	}
	http_parse_urlencoded(rq->a, rq->body, rq->body_len, &rq->form);
	next = safe_next(req_form(rq, "next"));
	sent = req_form(rq, "csrf_token");
	cookie = req_cookie(rq, LOGIN_CSRF_COOKIE);
	if (sent == NULL || cookie == NULL || strlen(sent) != strlen(cookie) ||
	    sodium_memcmp(sent, cookie, strlen(sent)) != 0) {
		login_form(rq, rs, next, "The sign-in form had expired. Sign in again.", 403);
		return;
	}
	rc = account_login(&rq->ctx, req_form(rq, "username"), req_form(rq, "password"),
	    rq->addr, token, &s, &retry, &err);
	if (rc != 0) {
		login_form(rq, rs, next, err.msg, rc == WM_EPERM ? 401 : http_status(rc));
		if (rc == WM_ELIMIT)
			resp_header(rs, "Retry-After", arena_printf(rq->a, "%d", retry));
		return;
	}
	resp_redirect(rs, next);
	route_set_cookie(rq, rs, SESSION_COOKIE, token, ACCOUNT_SESSION_HOURS * 3600L);
	route_set_cookie(rq, rs, LOGIN_CSRF_COOKIE, "", 0);
}

void
page_logout(struct req *rq, struct resp *rs)
{
	struct wm_err err = WM_ERR_INIT;

	if (strcmp(rq->method, "POST") != 0) {
		page_fail(rq, rs, 405, "That cannot be done here", "Sign out with the button.");
		resp_header(rs, "Allow", "POST");
		return;
	}
	account_logout(&rq->ctx, rq->token, &err);
	resp_redirect(rs, "/login");
	route_set_cookie(rq, rs, SESSION_COOKIE, "", 0);
}
