/*
 * fuzz_api.c: any request through the router, as server.c hands it over
 * after libmicrohttpd has read it: any method, path, query string, session
 * cookie, Content-Type, CSRF header and body (JSON for the API, a form for
 * the pages), against a database holding the bundled sample and a user
 * of every role who is logged in (an administrator, a planner, a lead
 * officer who holds posts, a committee member). It must answer with a
 * status a server may send, never 500 (an input fault is the client's, a
 * 4xx), and every answer that says it is JSON must parse as JSON.
 *
 * The input: one byte of switches (bit 0: use a session; 1: send its CSRF
 * token; 2: serve the public; 3-5: which method; 6-7: whose session, the
 * administrator's, a planner's, a lead's or a member's), then the path,
 * query string, cookie value, Content-Type and body, separated by NUL
 * bytes. Without a session the request is nobody's, or the public's. The
 * first @CSRF@ in a body becomes the session's token, so that the forms
 * of the pages get past their check.
 */
#include "base/wm.h"

#include <jansson.h>
#include <sodium.h>
#include <string.h>

#include "fuzzdb.h"
#include "http/route.h"
#include "model/account.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const methods[] = { "GET", "POST", "PUT", "PATCH", "DELETE", "GET",
	"OPTIONS", "TRACE" };

/* Whose sessions an input may use (bits 6-7 of its first byte): 0 keeps the old corpus's. */
static const struct {
	const char *name, *role, *person;
} users[] = {
	{ "fz", "admin", NULL },
	{ "fzplanner", "planner", NULL },
	{ "fzlead", "lead", "rlead" },
	{ "fzmember", "member", NULL },
};

/* A session for each of users, made once (outside any input's transaction). */
static struct wm_ctx *
setup(int who, char *token, char *csrf)
{
	static char tok[WM_ARRAY_LEN(users)][ACCOUNT_TOKEN_LEN];
	static char ck[WM_ARRAY_LEN(users)][ACCOUNT_TOKEN_LEN];
	struct wm_ctx *ctx;
	struct wm_err err = WM_ERR_INIT;
	struct session s;
	json_t *u;
	int retry;

	if (tok[0][0] == '\0') {
		if (sodium_init() < 0)
			abort();
		route_init();
		ctx = fuzzdb(true);
		for (size_t i = 0; i < WM_ARRAY_LEN(users); i++) {
			u = json_pack("{s:s, s:s}", "username", users[i].name, "role", users[i].role);
			if (users[i].person != NULL)
				json_object_set_new(u, "person", json_string(users[i].person));
			if (account_add(ctx, u, "fuzzing password 1", NULL, &err) != 0 ||
			    account_login(ctx, users[i].name, "fuzzing password 1", "127.0.0.1", tok[i],
			    &s, &retry, &err) != 0) {
				fprintf(stderr, "fuzz_api: %s: %s\n", users[i].name, err.msg);
				abort();
			}
			json_decref(u);
			memcpy(ck[i], s.csrf, sizeof(ck[i]));
		}
	}
	memcpy(token, tok[who], sizeof(tok[who]));
	memcpy(csrf, ck[who], sizeof(ck[who]));
	return fuzzdb(true);
}

/* The next NUL-terminated part of the input, as an arena string (NULL once it is all read). */
static const char *
part(struct arena *a, const uint8_t **p, const uint8_t *end, size_t *len)
{
	const uint8_t *nul;
	const char *s;

	if (*p == NULL)
		return NULL;
	nul = memchr(*p, '\0', (size_t)(end - *p));
	*len = nul != NULL ? (size_t)(nul - *p) : (size_t)(end - *p);
	s = arena_strndup(a, (const char *)*p, *len);
	*p = nul != NULL ? nul + 1 : NULL;
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char token[ACCOUNT_TOKEN_LEN], csrf[ACCOUNT_TOKEN_LEN];
	struct wm_ctx *ctx;
	struct http_config cfg = { 0 };
	struct arena *a;
	struct req rq;
	struct resp rs;
	const uint8_t *p, *end = data + size;
	const char *path, *query, *cookie, *type, *body, *mark;
	size_t len = 0, body_len = 0;
	uint8_t sw;

	if (size < 1)
		return 0;
	sw = data[0];
	ctx = setup(sw >> 6, token, csrf);
	p = data + 1;
	a = arena_new();
	path = part(a, &p, end, &len);
	query = part(a, &p, end, &len);
	cookie = part(a, &p, end, &len);
	type = part(a, &p, end, &len);
	body = part(a, &p, end, &body_len);

	cfg.db = ":memory:";
	cfg.public_read = sw & 4;
	cfg.max_body = 1 << 20;
	memset(&rq, 0, sizeof(rq));
	rq.a = a;
	rq.cfg = &cfg;
	rq.method = methods[(sw >> 3) & 7];
	rq.path = path != NULL ? path : "/";
	if (query != NULL)
		http_parse_urlencoded(a, query, strlen(query), &rq.query);
	if (sw & 1)
		params_add(a, &rq.cookies, SESSION_COOKIE, token);
	else if (cookie != NULL)
		params_add(a, &rq.cookies, SESSION_COOKIE, cookie);
	if (sw & 2)
		params_add(a, &rq.headers, "X-CSRF-Token", csrf);
	if (type != NULL)
		params_add(a, &rq.headers, "Content-Type", type);
	if (body != NULL && (mark = strstr(body, "@CSRF@")) != NULL) {
		/* a form that carries the session's token, which no input can know */
		struct buf b = BUF_INIT;

		buf_add(&b, body, (size_t)(mark - body));
		buf_adds(&b, csrf);
		buf_add(&b, mark + 6, body_len - (size_t)(mark + 6 - body));
		body_len = b.len;
		body = arena_strndup(a, buf_str(&b), b.len);
		buf_release(&b);
	}
	rq.body = body != NULL ? body : "";
	rq.body_len = body != NULL ? body_len : 0;
	rq.addr = "127.0.0.1";
	rq.ctx.st = ctx->st;
	rq.ctx.now = ctx->now;

	fuzzdb_begin(ctx);
	resp_init(&rs, a);
	route_request(&rq, &rs);
	fuzzdb_rollback(ctx);

	if (rs.status < 200 || rs.status > 599 || rs.status == 500)
		abort();
	if (rs.type != NULL && strncmp(rs.type, "application/json", 16) == 0) {
		json_error_t jerr;
		json_t *j = json_loadb(buf_str(&rs.body), rs.body.len, 0, &jerr);

		if (j == NULL)
			abort();
		json_decref(j);
	}
	resp_release(&rs);
	arena_free(a);
	return 0;
}
