/*
 * test_http.c: the web front end without a network: the form parser, URL
 * escaping, error statuses, the OpenAPI description, Markdown, and
 * requests handed to the router as the server would hand them.
 */
#include "testutil.h"

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "http/route.h"
#include "model/account.h"
#include "model/ent.h"
#include "report/md.h"

/* 16.8: password checks at once are bounded; one more waits for a slot, then is refused. */
static atomic_bool slot_freed, let_in, after_freed;

static void *
one_more_sign_in(void *arg)
{
	struct req *rq = arg;

	/* let in only once a slot was given back: it waited, it was not refused */
	atomic_store(&let_in, route_login_enter(rq));
	atomic_store(&after_freed, atomic_load(&slot_freed));
	if (atomic_load(&let_in))
		route_login_leave(rq);
	return NULL;
}

static void
test_password_checks_at_once_are_bounded(void **state)
{
	struct timespec pause = { 0, 200 * 1000 * 1000 };
	struct arena *a = arena_new();
	struct req rq;
	struct resp rs;
	sem_t gate;
	pthread_t t;
	int left;

	(void)state;
	memset(&rq, 0, sizeof(rq));
	assert_int_equal(sem_init(&gate, 0, 2), 0);	/* a server of three workers: two slots */
	rq.login_gate = &gate;
	assert_true(route_login_enter(&rq));
	assert_true(route_login_enter(&rq));
	/* the third waits for a slot */
	atomic_store(&slot_freed, false);
	assert_int_equal(pthread_create(&t, NULL, one_more_sign_in, &rq), 0);
	nanosleep(&pause, NULL);
	atomic_store(&slot_freed, true);
	route_login_leave(&rq);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_true(atomic_load(&let_in));
	assert_true(atomic_load(&after_freed));
	assert_true(route_login_enter(&rq));	/* both slots held again */
	/* no slot given back while it waits: refused, 503 with Retry-After */
	assert_false(route_login_enter(&rq));
	resp_init(&rs, a);
	route_login_busy(&rs);
	assert_int_equal(rs.status, 503);
	assert_string_equal(rs.headers[rs.nheaders - 1].name, "Retry-After");
	resp_release(&rs);
	route_login_leave(&rq);
	route_login_leave(&rq);
	assert_int_equal(sem_getvalue(&gate, &left), 0);
	assert_int_equal(left, 2);
	sem_destroy(&gate);
	arena_free(a);
}

static void
test_urlencoded_forms_parse_whatever_they_hold(void **state)
{
	struct arena *a = arena_new();
	struct params_list l = { 0 };
	const char *in = "a=1&b=two+words&c=%2F%41&d&&e=%zz&=x&f=%4";

	(void)state;
	http_parse_urlencoded(a, in, strlen(in), &l);
	assert_int_equal(l.n, 7);
	assert_string_equal(params_get(&l, "a"), "1");
	assert_string_equal(params_get(&l, "b"), "two words");
	assert_string_equal(params_get(&l, "c"), "/A");
	assert_string_equal(params_get(&l, "d"), "");
	assert_string_equal(params_get(&l, "e"), "%zz");
	assert_string_equal(params_get(&l, ""), "x");
	assert_string_equal(params_get(&l, "f"), "%4");
	arena_free(a);
}

static void
test_urls_escape_all_but_the_unreserved(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	http_url_escape(&b, "BVPI 153b/2003&x");
	assert_string_equal(buf_str(&b), "BVPI%20153b%2F2003%26x");
	buf_reset(&b);
	http_path_escape(&b, "DA2002/R1 a");
	assert_string_equal(buf_str(&b), "DA2002/R1%20a");
	buf_release(&b);
}

static void
test_error_codes_become_statuses(void **state)
{
	(void)state;
	assert_int_equal(http_status(WM_EINVAL), 422);
	assert_int_equal(http_status(WM_EUSAGE), 400);
	assert_int_equal(http_status(WM_ENOTFOUND), 404);
	assert_int_equal(http_status(WM_ECONFLICT), 412);
	assert_int_equal(http_status(WM_EEXIST), 409);
	assert_int_equal(http_status(WM_EPERM), 403);
	assert_int_equal(http_status(WM_ETOOBIG), 413);
	assert_int_equal(http_status(WM_ELIMIT), 429);
	assert_int_equal(http_status(WM_EDB), 500);
}

/* Every "$ref" in j must name a schema or parameter that exists in spec. */
static void
check_refs(const json_t *spec, const json_t *j)
{
	const char *k;
	json_t *v;
	size_t i;

	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			check_refs(spec, v);
		return;
	}
	if (!json_is_object(j))
		return;
	json_object_foreach((json_t *)j, k, v) {
		if (strcmp(k, "$ref") == 0) {
			const char *ref = json_string_value(v);
			char kind[32], name[64];

			assert_int_equal(sscanf(ref, "#/components/%31[^/]/%63s", kind, name), 2);
			if (json_object_get(json_object_get(json_object_get(spec, "components"), kind),
			    name) == NULL)
				fail_msg("dangling $ref %s", ref);
		} else {
			check_refs(spec, v);
		}
	}
}

static void
test_openapi_describes_every_kind(void **state)
{
	json_t *spec = openapi_spec(), *paths;

	(void)state;
	assert_non_null(spec);
	assert_string_equal(json_string_value(json_object_get(spec, "openapi")), "3.0.3");
	paths = json_object_get(spec, "paths");
	for (const struct kind *k = kinds; k->name != NULL; k++) {
		char p[64];

		snprintf(p, sizeof(p), "/%s", k->name);
		if (json_object_get(paths, p) == NULL)
			fail_msg("no path %s", p);
		assert_non_null(json_object_get(json_object_get(paths, p), "get"));
	}
	assert_non_null(json_object_get(paths, "/recommendations/{source_ref}/{ref}"));
	assert_non_null(json_object_get(paths, "/login"));
	assert_null(json_object_get(json_object_get(paths, "/imports"), "post"));
	check_refs(spec, spec);
	json_decref(spec);
}

static void
test_markdown_formats_but_adds_no_markup(void **state)
{
	struct buf b = BUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &b);
	md_html(&h, "*Done* <script>alert(1)</script> [x](javascript:alert(1))\n\n- one\n");
	assert_non_null(strstr(buf_str(&b), "<em>Done</em>"));
	assert_non_null(strstr(buf_str(&b), "<li>one</li>"));
	assert_null(strstr(buf_str(&b), "<script"));
	assert_null(strstr(buf_str(&b), "javascript:"));
	buf_release(&b);
}

/* A request as server.c would make it. */
struct call {
	struct arena *a;
	struct req rq;
	struct resp rs;
	struct http_config cfg;
};

static void
call(struct fixture *fx, struct call *c, const char *method, const char *path, bool public_read,
    const char *token)
{
	memset(c, 0, sizeof(*c));
	c->a = arena_new();
	c->cfg.db = ":memory:";
	c->cfg.public_read = public_read;
	c->rq.a = c->a;
	c->rq.cfg = &c->cfg;
	c->rq.method = method;
	c->rq.path = path;
	c->rq.body = "";
	c->rq.addr = "127.0.0.1";
	c->rq.ctx.st = fx->st;
	c->rq.ctx.now = fx->ctx.now;
	if (token != NULL)
		params_add(c->a, &c->rq.cookies, SESSION_COOKIE, token);
	resp_init(&c->rs, c->a);
	route_request(&c->rq, &c->rs);
}

static void
done(struct call *c)
{
	resp_release(&c->rs);
	arena_free(c->a);
}

static const char *
header(const struct call *c, const char *name)
{
	for (size_t i = 0; i < c->rs.nheaders; i++)
		if (strcasecmp(c->rs.headers[i].name, name) == 0)
			return c->rs.headers[i].value;
	return NULL;
}

static int
web_setup(void **state)
{
	struct fixture *fx;
	json_t *u;

	if (fixture_setup(state) != 0)
		return -1;
	fx = *state;
	u = J("{\"ref\":\"MPS\",\"name\":\"Metropolitan Police Service\",\"published\":true}");
	assert_ok(fx, ent_add(&fx->ctx, kind_find("units"), u, NULL, &fx->err));
	json_decref(u);
	u = J("{\"ref\":\"X\",\"name\":\"Unpublished\",\"published\":false}");
	assert_ok(fx, ent_add(&fx->ctx, kind_find("units"), u, NULL, &fx->err));
	json_decref(u);
	u = J("{\"username\":\"pat\",\"role\":\"planner\"}");
	assert_ok(fx, account_add(&fx->ctx, u, "planner pass", NULL, &fx->err));
	json_decref(u);
	return 0;
}

static void
test_the_api_wants_a_login_unless_public(void **state)
{
	struct fixture *fx = *state;
	struct call c;

	call(fx, &c, "GET", "/api/v1/units", false, NULL);
	assert_int_equal(c.rs.status, 401);
	assert_non_null(strstr(buf_str(&c.rs.body), "log in first"));
	assert_non_null(header(&c, "Content-Security-Policy"));
	done(&c);
	call(fx, &c, "GET", "/api/v1/units", true, NULL);
	assert_int_equal(c.rs.status, 200);
	if (strstr(buf_str(&c.rs.body), "\"total\": 1") == NULL)
		fail_msg("%s", buf_str(&c.rs.body));
	assert_null(strstr(buf_str(&c.rs.body), "Unpublished"));
	done(&c);
	call(fx, &c, "GET", "/", false, NULL);
	assert_int_equal(c.rs.status, 303);
	assert_string_equal(header(&c, "Location"), "/login?next=%2F");
	done(&c);
}

static void
test_a_session_reads_and_needs_csrf_to_write(void **state)
{
	struct fixture *fx = *state;
	char token[ACCOUNT_TOKEN_LEN];
	struct session s;
	struct call c;
	int retry;

	assert_ok(fx, account_login(&fx->ctx, "pat", "planner pass", "127.0.0.1", token, &s, &retry,
	    &fx->err));
	call(fx, &c, "GET", "/api/v1/units/X", false, token);
	assert_int_equal(c.rs.status, 200);
	assert_string_equal(header(&c, "ETag"), "\"1\"");
	done(&c);
	call(fx, &c, "DELETE", "/api/v1/units/X", false, token);
	assert_int_equal(c.rs.status, 403);
	assert_non_null(strstr(buf_str(&c.rs.body), "X-CSRF-Token"));
	done(&c);
	call(fx, &c, "GET", "/framework", false, token);
	assert_int_equal(c.rs.status, 200);
	assert_string_equal(c.rs.type, "text/html; charset=utf-8");
	assert_non_null(strstr(buf_str(&c.rs.body), "Sign out pat"));
	done(&c);
	call(fx, &c, "GET", "/no/such/page", false, token);
	assert_int_equal(c.rs.status, 404);
	done(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_password_checks_at_once_are_bounded),
		cmocka_unit_test(test_urlencoded_forms_parse_whatever_they_hold),
		cmocka_unit_test(test_urls_escape_all_but_the_unreserved),
		cmocka_unit_test(test_error_codes_become_statuses),
		cmocka_unit_test(test_openapi_describes_every_kind),
		cmocka_unit_test(test_markdown_formats_but_adds_no_markup),
		cmocka_unit_test_setup_teardown(test_the_api_wants_a_login_unless_public, web_setup,
		    fixture_teardown),
		cmocka_unit_test_setup_teardown(test_a_session_reads_and_needs_csrf_to_write,
		    web_setup, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
