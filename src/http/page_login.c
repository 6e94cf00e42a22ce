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

/*
 * Only a path on this site: "/" then a printable character other than '/'
 * or '\\' ("/x", not "//host", "/\\host" or "/\t/host", which browsers
 * drop the tab from and take off-site), and no control character anywhere.
 */
static const char *
safe_next(const char *next)
{
	if (next == NULL || next[0] != '/')
		return "/";
	if (next[1] == '\0')
		return next;
	if (next[1] == '/' || next[1] == '\\' || (unsigned char)next[1] <= ' ' ||
	    (unsigned char)next[1] == 0x7F)
		return "/";
	for (const unsigned char *p = (const unsigned char *)next; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7F)
			return "/";
	return next;
}

/*
 * resume: a form posted after the session had ended, urlencoded, carried
 * through the sign-in form so that signing in brings it back (or NULL).
 */
static void
login_form(struct req *rq, struct resp *rs, const char *next, const char *error, int status,
    const char *resume)
{
	char token[ACCOUNT_TOKEN_LEN];
	struct page p;

	account_random_token(token);
	page_begin(&p, rq, rs, error ? "Error: Sign in - Waymark" : "Sign in - Waymark", NULL);
	html_open(&p.h, "div", "class", "govuk-grid-row", NULL);
	html_open(&p.h, "div", "class", "govuk-grid-column-two-thirds", NULL);
	if (error != NULL)
		page_error_summary(&p, error, "#username");
	html_elem(&p.h, "h1", resume ? "Sign in again" : "Sign in", "class", "govuk-heading-l",
	    NULL);
	if (resume != NULL)
		html_elem(&p.h, "p", "You were signed out before your form was sent, so it has not "
		    "been saved. Sign in again and the form will come back as you left it.", "class",
		    "govuk-body", NULL);
	html_open(&p.h, "form", "method", "post", "action", "/login", "novalidate", "", NULL);
	html_void(&p.h, "input", "type", "hidden", "name", "csrf_token", "value", token, NULL);
	html_void(&p.h, "input", "type", "hidden", "name", "next", "value", next, NULL);
	if (resume != NULL)
		html_void(&p.h, "input", "type", "hidden", "name", "resume", "value", resume, NULL);
	page_input_attrs(&p, "username", "User name", "text",
	    error ? req_form(rq, "username") : NULL, NULL, NULL, "20", NULL, "username");
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
	const char *sent, *cookie, *next, *resume;
	struct session s;
	int retry, rc;

	if (strcmp(rq->method, "GET") == 0) {
		next = safe_next(req_query(rq, "next"));
		if (rq->logged_in)
			resp_redirect(rs, strcmp(next, "/") == 0 ? "/my" : next);
		else
			login_form(rq, rs, next, NULL, 200, NULL);
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
	resume = req_form(rq, "resume");
	if (sent == NULL || cookie == NULL || strlen(sent) != strlen(cookie) ||
	    sodium_memcmp(sent, cookie, strlen(sent)) != 0) {
		login_form(rq, rs, next, "The sign-in form had expired. Sign in again.", 403, resume);
		return;
	}
	if (!route_login_enter(rq)) {
		login_form(rq, rs, next, "Many people are signing in at once. Try again in a moment.",
		    503, resume);
		resp_header(rs, "Retry-After", "2");
		return;
	}
	rc = account_login(&rq->ctx, req_form(rq, "username"), req_form(rq, "password"),
	    rq->addr, token, &s, &retry, &err);
	route_login_leave(rq);
	if (rc != 0) {
		login_form(rq, rs, next, err.msg, rc == WM_EPERM ? 401 : http_status(rc), resume);
		if (rc == WM_ELIMIT)
			resp_header(rs, "Retry-After", arena_printf(rq->a, "%d", retry));
		return;
	}
	if (resume != NULL && strcmp(next, "/") != 0) {
		/*
		 * Show the form again, filled in as it was sent and not yet saved,
		 * as the new session sees it: a GET of its page with the form's
		 * fields (form.h reads them), so nothing is written until the
		 * person sends it again with the new session's token.
		 */
		rq->sess = s;
		rq->logged_in = true;
		rq->token = arena_strdup(rq->a, token);
		account_act_as(&rq->ctx, &rq->sess, rq->actor, sizeof(rq->actor));
		memset(&rq->form, 0, sizeof(rq->form));
		http_parse_urlencoded(rq->a, resume, strlen(resume), &rq->form);
		memset(&rq->query, 0, sizeof(rq->query));
		rq->method = "GET";
		rq->path = next;
		rq->resumed = true;
		pages_handle(rq, rs);
	} else {
		/* no page asked for: the first page a signed-in user sees is their own work */
		resp_redirect(rs, strcmp(next, "/") == 0 ? "/my" : next);
	}
	route_set_cookie(rq, rs, SESSION_COOKIE, token, ACCOUNT_SESSION_HOURS * 3600L);
	route_set_cookie(rq, rs, LOGIN_CSRF_COOKIE, "", 0);
}

void
page_login_again(struct req *rq, struct resp *rs)
{
	struct buf b = BUF_INIT;

	/* everything sent but the old session's token, which will not do for the new one */
	for (size_t i = 0; i < rq->form.n; i++) {
		if (strcmp(rq->form.v[i].name, "csrf_token") == 0)
			continue;
		if (b.len > 0)
			buf_addc(&b, '&');
		http_url_escape(&b, rq->form.v[i].name);
		buf_addc(&b, '=');
		http_url_escape(&b, rq->form.v[i].value);
	}
	login_form(rq, rs, safe_next(rq->path), NULL, 401, arena_strdup(rq->a, buf_str(&b)));
	buf_release(&b);
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
