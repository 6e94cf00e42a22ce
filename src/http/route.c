/*
 * route.c: authentication, dispatch and the headers every response
 * carries (see route.h).
 *
 * The address a request came from, and whether it came over HTTPS, are
 * taken from X-Forwarded-For and X-Forwarded-Proto only when the request
 * came from the proxy named by --trusted-proxy; anyone else could send
 * those headers.
 */
#include "base/wm.h"

#include <sodium.h>
#include <time.h>

#include "base/str.h"
#include "http/route.h"
#include "report/svg.h"
#include "store/store.h"

static char csp[512];

void
route_init(void)
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];

	/* No inline script or style, except the charts' one sheet, allowed by its hash. */
	crypto_hash_sha256(digest, (const unsigned char *)svg_css, strlen(svg_css));
	sodium_bin2base64(b64, sizeof(b64), digest, sizeof(digest), sodium_base64_VARIANT_ORIGINAL);
	snprintf(csp, sizeof(csp),
	    "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-%s'; "
	    "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
	    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'", b64);
}

void
route_security_headers(struct resp *rs)
{
	resp_header(rs, "Content-Security-Policy", csp);
	resp_header(rs, "X-Content-Type-Options", "nosniff");
	resp_header(rs, "X-Frame-Options", "DENY");
	resp_header(rs, "Referrer-Policy", "same-origin");
}

bool
route_may_read(const struct req *rq)
{
	return rq->logged_in || rq->cfg->public_read;
}

void
route_set_cookie(const struct req *rq, struct resp *rs, const char *name, const char *value,
    long max_age)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s=%s; Path=/; HttpOnly; SameSite=Lax", name, max_age > 0 ? value : "");
	if (rq->tls)
		buf_adds(&b, "; Secure");
	if (max_age > 0)
		buf_addf(&b, "; Max-Age=%ld", max_age);
	else
		buf_adds(&b, "; Max-Age=0");
	resp_header(rs, "Set-Cookie", buf_str(&b));
	buf_release(&b);
}

#define LOGIN_WAIT_SECONDS 5

bool
route_login_enter(struct req *rq)
{
	struct timespec until;

	if (rq->login_gate == NULL)
		return true;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += LOGIN_WAIT_SECONDS;
	while (sem_timedwait(rq->login_gate, &until) != 0)
		if (errno != EINTR)
			return false;
	return true;
}

void
route_login_leave(struct req *rq)
{
	if (rq->login_gate != NULL)
		sem_post(rq->login_gate);
}

void
route_login_busy(struct resp *rs)
{
	resp_status(rs, 503, "busy", "many people are signing in at once: try again in a moment");
	resp_header(rs, "Retry-After", "2");
}

bool
route_csrf_ok(const struct req *rq, const char *token)
{
	size_t n = strlen(rq->sess.csrf);

	if (!rq->logged_in || token == NULL || n == 0 || strlen(token) != n)
		return false;
	return sodium_memcmp(token, rq->sess.csrf, n) == 0;
}

/* Believe the forwarding headers only from the trusted proxy. */
static void
forwarded(struct req *rq)
{
	const char *proto, *fwd;

	if (rq->cfg->trusted_proxy == NULL || strcmp(rq->addr, rq->cfg->trusted_proxy) != 0)
		return;
	proto = req_header(rq, "X-Forwarded-Proto");
	rq->tls = proto != NULL && strcasecmp(proto, "https") == 0;
	fwd = req_header(rq, "X-Forwarded-For");
	if (fwd != NULL && *fwd != '\0') {
		/* The last address is the one the proxy saw. */
		const char *last = strrchr(fwd, ',');
		char *a = arena_strdup(rq->a, last != NULL ? last + 1 : fwd);

		rq->addr = str_trim(a);
	}
}

static void
authenticate(struct req *rq)
{
	struct wm_err err = WM_ERR_INIT;

	rq->ctx.role = ROLE_PUBLIC;
	rq->ctx.actor = "web:public";
	rq->token = req_cookie(rq, SESSION_COOKIE);
	if (rq->token != NULL && account_session(&rq->ctx, rq->token, &rq->sess, &err) == 0) {
		rq->logged_in = true;
		account_act_as(&rq->ctx, &rq->sess, rq->actor, sizeof(rq->actor));
	}
}

void
route_request(struct req *rq, struct resp *rs)
{
	const char *path = rq->path;
	bool api = strcmp(path, "/api/v1") == 0 || str_has_prefix(path, "/api/v1/");
	struct wm_err err = WM_ERR_INIT;
	bool snapshot = false;

	forwarded(rq);
	if (str_has_prefix(path, "/assets/")) {
		assets_serve(rq, rs, path + strlen("/assets/"));
		goto out;
	}
	/*
	 * An API GET only reads: one snapshot from the session check to its
	 * last row, so a list's total agrees with its page while others
	 * write, and SQLite takes its file locks once, not per statement.
	 */
	if (api && strcmp(rq->method, "GET") == 0) {
		if (store_begin_read(rq->ctx.st, &err) != 0) {
			resp_error(rs, &err);
			goto out;
		}
		snapshot = true;
	}
	authenticate(rq);
	resp_header(rs, "Cache-Control", "no-store");
	if (api)
		api_handle(rq, rs, path + strlen("/api/v1"));
	else
		pages_handle(rq, rs);
	if (snapshot)
		store_rollback(rq->ctx.st, 0);	/* nothing was written: end the snapshot */
out:
	route_security_headers(rs);
}
