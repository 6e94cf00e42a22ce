/*
 * api.c: the JSON API under /api/v1 (docs/api.md; openapi.c describes it).
 *
 *   GET    /api/v1/KIND[?FIELD=V...&from=&to=&limit=&offset=]   a page of records
 *   POST   /api/v1/KIND                                         add one
 *   GET    /api/v1/KIND/KEY                                     one record, with its ETag
 *   PATCH  /api/v1/KIND/KEY   (If-Match: "VERSION")             change fields of one
 *   DELETE /api/v1/KIND/KEY   (If-Match: "VERSION")             remove one
 *   GET    /api/v1/audit, /api/v1/reports[/NAME], /api/v1/me, /api/v1/openapi.json
 *   POST   /api/v1/login, /api/v1/logout
 *
 * Records are exactly what the command line's --json shows, through the
 * same engine (ent.h), so the permission checks, the kinds' rules and the
 * audit log are the same whichever front end makes a change. A record's
 * ETag is its version; a change sent with a stale If-Match is refused
 * with 412 and changes nothing. Every change made with a session needs
 * the session's CSRF token in the X-CSRF-Token header.
 */
#include "base/wm.h"

#include "base/str.h"
#include "http/route.h"
#include "model/audit.h"
#include "model/ent.h"
#include "model/kind.h"
#include "report/reports.h"

#define API_DEFAULT_LIMIT 100
#define API_MAX_LIMIT 10000

static bool
is_write(const struct req *rq)
{
	return strcmp(rq->method, "GET") != 0;
}

static void
not_allowed(struct resp *rs, const char *allow, const char *method)
{
	struct buf msg = BUF_INIT;

	buf_addf(&msg, "%s is not allowed here; use %s", method, allow);
	resp_status(rs, 405, "method not allowed", buf_str(&msg));
	resp_header(rs, "Allow", allow);
	buf_release(&msg);
}

/* The request's JSON object body, or an answer saying what is wrong with it. */
static json_t *
json_body(struct req *rq, struct resp *rs)
{
	const char *type = req_header(rq, "Content-Type");
	json_error_t e;
	json_t *j;

	if (type == NULL || !str_has_prefix_nocase(type, "application/json")) {
		resp_status(rs, 415, "unsupported media type",
		    "send the body as JSON, with Content-Type: application/json");
		return NULL;
	}
	if (rq->body_len == 0) {
		resp_status(rs, 400, "bad request", "the body is empty: send a JSON object");
		return NULL;
	}
	j = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &e);
	if (j == NULL) {
		struct buf msg = BUF_INIT;

		buf_addf(&msg, "the body is not valid JSON: line %d, column %d: %s", e.line, e.column,
		    e.text);
		resp_status(rs, 400, "bad request", buf_str(&msg));
		buf_release(&msg);
		return NULL;
	}
	if (!json_is_object(j)) {
		json_decref(j);
		resp_status(rs, 400, "bad request", "the body must be a JSON object of fields");
		return NULL;
	}
	return j;
}

/* If-Match: "3" -> 3; absent -> 0; anything else -> -1. */
static int64_t
if_match(const struct req *rq)
{
	const char *h = req_header(rq, "If-Match");
	char tmp[32];
	size_t n;
	int64_t v;

	if (h == NULL)
		return 0;
	n = strlen(h);
	if (n < 3 || n >= sizeof(tmp) || h[0] != '"' || h[n - 1] != '"')
		return -1;
	memcpy(tmp, h + 1, n - 2);
	tmp[n - 2] = '\0';
	if (str_to_int64(tmp, &v) != 0 || v < 1)
		return -1;
	return v;
}

static void
set_etag(struct resp *rs, const json_t *row)
{
	char etag[32];

	snprintf(etag, sizeof(etag), "\"%lld\"",
	    (long long)json_integer_value(json_object_get(row, "version")));
	resp_header(rs, "ETag", etag);
}

/* /api/v1/KIND/KEY for a record, each part of its key escaped. */
static void
record_url(struct buf *out, const struct kind *k, const json_t *row)
{
	struct buf key = BUF_INIT;

	buf_addf(out, "/api/v1/%s/", k->name);
	ent_row_key(kind_base(k), row, &key);
	http_path_escape(out, buf_str(&key));
	buf_release(&key);
}

static int
size_param(const struct req *rq, const char *name, size_t dflt, size_t max, size_t *out,
    struct resp *rs)
{
	const char *v = req_query(rq, name);
	int64_t n;

	*out = dflt;
	if (v == NULL)
		return 0;
	if (str_to_int64(v, &n) != 0 || n < 0 || (uint64_t)n > max) {
		struct buf msg = BUF_INIT;

		buf_addf(&msg, "%s: \"%s\" is not a whole number from 0 to %zu", name, v, max);
		resp_status(rs, 400, "bad request", buf_str(&msg));
		buf_release(&msg);
		return -1;
	}
	*out = (size_t)n;
	return 0;
}

static void
list_records(struct req *rq, struct resp *rs, const struct kind *k)
{
	struct wm_err err = WM_ERR_INIT;
	struct ent_query q = { 0 };
	json_t *where = json_object(), *rows = NULL, *o;
	size_t total = 0;

	for (size_t i = 0; i < rq->query.n; i++) {
		const char *name = rq->query.v[i].name;

		if (strcmp(name, "limit") == 0 || strcmp(name, "offset") == 0 ||
		    strcmp(name, "from") == 0 || strcmp(name, "to") == 0)
			continue;
		if (json_object_get(where, name) != NULL) {
			resp_errorf(rs, WM_EUSAGE, "give the filter %s once", name);
			goto out;
		}
		json_object_set_new(where, name, json_string(rq->query.v[i].value));
	}
	q.where = where;
	q.from = req_query(rq, "from");
	q.to = req_query(rq, "to");
	if (size_param(rq, "limit", API_DEFAULT_LIMIT, API_MAX_LIMIT, &q.limit, rs) != 0 ||
	    size_param(rq, "offset", 0, SIZE_MAX / 2, &q.offset, rs) != 0)
		goto out;
	if (q.limit == 0)
		q.limit = API_DEFAULT_LIMIT;
	/* route.c reads a GET from one snapshot: the total agrees with the page */
	if (ent_count(&rq->ctx, k, &q, &total, &err) != 0 ||
	    ent_list(&rq->ctx, k, &q, &rows, &err) != 0) {
		resp_error(rs, &err);
		goto out;
	}
	o = json_object();
	json_object_set_new(o, "kind", json_string(k->name));
	json_object_set_new(o, "total", json_integer((json_int_t)total));
	json_object_set_new(o, "limit", json_integer((json_int_t)q.limit));
	json_object_set_new(o, "offset", json_integer((json_int_t)q.offset));
	json_object_set_new(o, "items", rows);
	rows = NULL;
	resp_json(rs, 200, o);
out:
	json_decref(where);
	json_decref(rows);
}

/* "password" in a user's fields is not a field: it is set through account.h. */
static char *
take_password(struct req *rq, const struct kind *k, json_t *body, const char *name)
{
	const char *pw = json_string_value(json_object_get(body, name));
	char *copy;

	if (strcmp(k->name, "users") != 0 || pw == NULL)
		return NULL;
	copy = arena_strdup(rq->a, pw);
	json_object_del(body, name);
	return copy;
}

static void
add_record(struct req *rq, struct resp *rs, const struct kind *k)
{
	struct wm_err err = WM_ERR_INIT;
	struct buf url = BUF_INIT;
	json_t *body, *row = NULL;
	char *pw;
	int rc;

	if ((body = json_body(rq, rs)) == NULL)
		return;
	pw = take_password(rq, k, body, "password");
	if (strcmp(k->name, "users") == 0)
		rc = pw != NULL ? account_add(&rq->ctx, body, pw, &row, &err) :
		    wm_error(&err, WM_EINVAL, "a new user needs a \"password\"");
	else
		rc = ent_add(&rq->ctx, k, body, &row, &err);
	if (rc != 0) {
		resp_error(rs, &err);
	} else {
		record_url(&url, k, row);
		resp_header(rs, "Location", buf_str(&url));
		set_etag(rs, row);
		resp_json(rs, 201, row);
	}
	buf_release(&url);
	json_decref(body);
}

/* 409: what refers to the record, in the message and as data ("referred_by", ent.h). */
static void
referred(struct req *rq, struct resp *rs, const struct kind *k, const char *key,
    struct wm_err *err)
{
	struct wm_err quiet = WM_ERR_INIT;
	json_t *refs = NULL, *body;

	char said[sizeof(err->msg)];

	memcpy(said, err->msg, sizeof(said));
	wm_error(err, WM_EINUSE, "%.900s (DELETE ...?cascade=true)", said);
	resp_error(rs, err);
	if (ent_referrers(&rq->ctx, k, key, &refs, &quiet) != 0)
		return;
	body = json_loadb(rs->body.s, rs->body.len, 0, NULL);
	json_object_set_new(json_object_get(body, "error"), "referred_by", refs);
	resp_json(rs, 409, body);
}

static void
one_record(struct req *rq, struct resp *rs, const struct kind *k, const char *key)
{
	struct wm_err err = WM_ERR_INIT;
	json_t *row = NULL, *body = NULL;
	int64_t version = 0;
	char *pw = NULL, *current = NULL;
	int rc = 0;

	if (is_write(rq) && (version = if_match(rq)) < 0) {
		resp_status(rs, 400, "bad request",
		    "If-Match must be the record's ETag, a version in double quotes: \"3\"");
		return;
	}
	if (strcmp(rq->method, "GET") == 0) {
		const char *inm = req_header(rq, "If-None-Match");

		if ((rc = ent_get(&rq->ctx, k, key, &row, &err)) != 0) {
			resp_error(rs, &err);
			return;
		}
		set_etag(rs, row);
		if (inm != NULL) {
			char etag[32];

			snprintf(etag, sizeof(etag), "\"%lld\"",
			    (long long)json_integer_value(json_object_get(row, "version")));
			if (strcmp(inm, etag) == 0) {
				json_decref(row);
				rs->status = 304;
				return;
			}
		}
		resp_json(rs, 200, row);
	} else if (strcmp(rq->method, "PATCH") == 0) {
		if ((body = json_body(rq, rs)) == NULL)
			return;
		pw = take_password(rq, k, body, "password");
		current = take_password(rq, k, body, "current_password");
		if (json_object_size(body) > 0 || pw == NULL)
			rc = ent_set(&rq->ctx, k, key, body, version, &row, &err);
		if (rc == 0 && pw != NULL)
			rc = account_set_password(&rq->ctx, key, current, pw, rq->token, &err);
		if (rc != 0) {
			resp_error(rs, &err);
		} else if (row == NULL) {
			/* only the password: done, and nothing to show (a user may not read accounts) */
			rs->status = 204;
		} else {
			set_etag(rs, row);
			resp_json(rs, 200, row);
			row = NULL;
		}
		json_decref(row);
		json_decref(body);
	} else if (strcmp(rq->method, "DELETE") == 0) {
		const char *cascade = req_query(rq, "cascade");

		if (cascade != NULL && strcmp(cascade, "true") != 0 && strcmp(cascade, "false") != 0) {
			resp_status(rs, 400, "bad request", "cascade is true or false");
			return;
		}
		rc = cascade != NULL && strcmp(cascade, "true") == 0 ?
		    ent_remove_cascade(&rq->ctx, k, key, version, &err) :
		    ent_remove(&rq->ctx, k, key, version, &err);
		if (rc == WM_EINUSE)
			referred(rq, rs, k, key, &err);
		else if (rc != 0)
			resp_error(rs, &err);
		else
			rs->status = 204;
	} else {
		not_allowed(rs, "GET, PATCH, DELETE", rq->method);
	}
}

static void
audit(struct req *rq, struct resp *rs)
{
	struct wm_err err = WM_ERR_INIT;
	struct audit_query q = { 0 };
	json_t *rows = NULL, *o;
	int64_t total = 0;

	q.kind = req_query(rq, "kind");
	q.key = req_query(rq, "ref");
	q.actor = req_query(rq, "actor");
	q.since = req_query(rq, "since");
	q.newest_first = true;
	if (q.kind != NULL && kind_find(q.kind) != NULL)
		q.kind = kind_base(kind_find(q.kind))->name;
	if (size_param(rq, "limit", API_DEFAULT_LIMIT, API_MAX_LIMIT, &q.limit, rs) != 0 ||
	    size_param(rq, "offset", 0, SIZE_MAX / 2, &q.offset, rs) != 0)
		return;
	if (q.limit == 0)
		q.limit = API_DEFAULT_LIMIT;
	if (audit_total(&rq->ctx, &q, &total, &err) != 0 ||
	    audit_list(&rq->ctx, &q, &rows, &err) != 0) {
		resp_error(rs, &err);
		return;
	}
	o = json_object();
	json_object_set_new(o, "total", json_integer(total));
	json_object_set_new(o, "limit", json_integer((json_int_t)q.limit));
	json_object_set_new(o, "offset", json_integer((json_int_t)q.offset));
	json_object_set_new(o, "items", rows);
	resp_json(rs, 200, o);
}

/* An option as the API lists it: what a form or a client needs to ask for it. */
static json_t *
option_json(const struct ropt *o)
{
	json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:b}", "name", o->name, "type",
	    ropt_type_name(o->type), "label", o->label, "help", o->help, "required",
	    (o->flags & RO_REQUIRED) != 0);

	json_object_set_new(j, "default", o->dflt ? json_string(o->dflt) : json_null());
	if (o->type == RO_REF)
		json_object_set_new(j, "kind", json_string(o->kind));
	if (o->type == RO_NUMBER || o->type == RO_COUNT) {
		json_object_set_new(j, "minimum", json_real(o->min));
		json_object_set_new(j, "maximum", json_real(o->max));
	}
	if (o->type == RO_CHOICE) {
		json_t *c = json_array();

		for (size_t i = 0; o->choices[i] != NULL; i++)
			json_array_append_new(c, json_string(o->choices[i]));
		json_object_set_new(j, "choices", c);
	}
	if (o->not_with != NULL)
		json_object_set_new(j, "not_with", json_string(o->not_with));
	return j;
}

static void
report_list(struct resp *rs)
{
	json_t *arr = json_array(), *o = json_object();

	for (const struct report *r = reports; r->name != NULL; r++) {
		json_t *e = json_object(), *opts = json_array(), *fmts = json_array();
		char fmt[REPORT_MAX_FORMATS][16];
		char usage[1024];

		for (const struct ropt *op = r->opts; op != NULL && op->name != NULL; op++)
			json_array_append_new(opts, option_json(op));
		size_t nfmt = report_formats(r, fmt, REPORT_MAX_FORMATS);

		for (size_t i = 0; i < nfmt; i++)
			json_array_append_new(fmts, json_string(fmt[i]));
		report_usage(r, usage, sizeof(usage));
		json_object_set_new(e, "name", json_string(r->name));
		json_object_set_new(e, "title", json_string(r->title));
		json_object_set_new(e, "summary", json_string(r->summary));
		json_object_set_new(e, "usage", json_string(usage));
		json_object_set_new(e, "options", opts);
		json_object_set_new(e, "formats", fmts);
		json_array_append_new(arr, e);
	}
	json_object_set_new(o, "reports", arr);
	resp_json(rs, 200, o);
}

int
http_run_report(struct req *rq, const struct report *r, const json_t *opts, struct rdoc **out,
    struct ropt_errors *errs, struct wm_err *err)
{
	struct rpair pairs[ROPT_MAX + 4];
	struct ropt_errors mine;
	struct ropts o;
	const char *name;
	json_t *v;
	size_t n = 0;

	*out = NULL;
	if (errs == NULL)
		errs = &mine;
	json_object_foreach((json_t *)opts, name, v) {
		if (n == WM_ARRAY_LEN(pairs))
			return wm_error(err, WM_EUSAGE, "too many options: a report has at most %d",
			    ROPT_MAX);
		pairs[n++] = (struct rpair){ name, json_is_string(v) ? json_string_value(v) : "" };
	}
	if (report_parse(&rq->ctx, r, pairs, n, &o, errs) != 0)
		return report_errors_join(errs, ROPT_API, err);
	return report_run(&rq->ctx, &o, out, err);
}

int
http_run_report_query(struct req *rq, const struct report *r, struct rdoc **out,
    struct ropt_errors *errs, struct wm_err *err)
{
	json_t *opts = req_query_options(rq);
	int rc;

	json_object_del(opts, "format");
	rc = http_run_report(rq, r, opts, out, errs, err);
	json_decref(opts);
	return rc;
}

int
http_report_format(const struct report *r, const char *format, enum rformat *f,
    const char **own, struct wm_err *err)
{
	*own = NULL;
	if (format == NULL || *format == '\0')
		return 0;
	if (report_own_format(r, format)) {
		*own = format;
		return 0;
	}
	if (rformat_parse(format, f, err) != 0 || *f == RF_HTML_BODY) {
		char names[200];

		rformat_names(names, sizeof(names));
		return wm_error(err, WM_EUSAGE, "format: \"%s\" is not one of %s%s%s", format, names,
		    r->formats ? ", " : "", r->formats ? r->formats : "");
	}
	return 0;
}

void
http_send_report(struct req *rq, struct resp *rs, const struct report *r,
    const struct rdoc *doc, enum rformat f, const char *own, bool download)
{
	struct wm_err err = WM_ERR_INIT;
	struct buf out = BUF_INIT;
	const char *type;

	if (own != NULL) {
		const char *text = rdoc_rendition(doc, own, &type);

		rs->status = 200;
		/* the rendition's media type lives in the document, freed before the answer is sent */
		rs->type = type != NULL ? arena_strdup(rq->a, type) : NULL;
		buf_reset(&rs->body);
		buf_adds(&rs->body, text ? text : "");
	} else if (rdoc_write(doc, f, &out, &err) != 0) {
		resp_error(rs, &err);
	} else {
		rs->status = 200;
		rs->type = rformat_media_type(f);
		/* a paper to keep is a download, named for the report */
		if (rformat_binary(f) || download)
			resp_header(rs, "Content-Disposition", arena_printf(rq->a,
			    "attachment; filename=\"%s.%s\"", r->name, rformat_name(f)));
		buf_reset(&rs->body);
		buf_add(&rs->body, out.s ? out.s : "", out.len);
	}
	buf_release(&out);
}

/* A report's answer: JSON unless ?format= names another of its formats. */
static void
report(struct req *rq, struct resp *rs, const char *name)
{
	struct wm_err err = WM_ERR_INIT;
	const struct report *r = report_find(name);
	const char *own = NULL;
	struct ropt_errors errs = { 0 };
	enum rformat f = RF_JSON;
	struct rdoc *doc = NULL;

	if (r == NULL) {
		resp_errorf(rs, WM_ENOTFOUND, "no report called \"%s\" (GET /api/v1/reports lists them)",
		    name);
		return;
	}
	if (http_report_format(r, req_query(rq, "format"), &f, &own, &err) != 0) {
		resp_error(rs, &err);
		return;
	}
	if (http_run_report_query(rq, r, &doc, &errs, &err) != 0) {
		/* each option's problem apart too, for a client that shows them by its fields */
		json_t *list = json_array();

		for (size_t i = 0; i < errs.n; i++)
			json_array_append_new(list, json_pack("{s:s, s:s, s:s*}", "option",
			    errs.e[i].name, "message", errs.e[i].msg, "did_you_mean", errs.e[i].hint));
		if (errs.n > 0)
			resp_error_with(rs, &err, "options", list);
		else
			resp_error(rs, &err);
		if (errs.n == 0)
			json_decref(list);
	} else {
		http_send_report(rq, rs, r, doc, f, own, false);
	}
	rdoc_free(doc);
}

static json_t *
whoami(const struct req *rq, const struct session *s)
{
	json_t *o = json_object();

	if (s == NULL) {
		json_object_set_new(o, "role", json_string("public"));
		return o;
	}
	json_object_set_new(o, "username", json_string(s->user.username));
	json_object_set_new(o, "display_name", json_string(s->user.display_name));
	json_object_set_new(o, "role", json_string(role_name(s->user.role)));
	json_object_set_new(o, "csrf_token", json_string(s->csrf));
	(void)rq;
	return o;
}

static void
login(struct req *rq, struct resp *rs)
{
	struct wm_err err = WM_ERR_INIT;
	char token[ACCOUNT_TOKEN_LEN];
	struct session s;
	json_t *body;
	int retry, rc;

	if ((body = json_body(rq, rs)) == NULL)
		return;
	if (!route_login_enter(rq)) {
		json_decref(body);
		route_login_busy(rs);
		return;
	}
	rc = account_login(&rq->ctx, json_string_value(json_object_get(body, "username")),
	    json_string_value(json_object_get(body, "password")), rq->addr, token, &s, &retry,
	    &err);
	route_login_leave(rq);
	json_decref(body);
	if (rc == WM_EPERM) {
		resp_status(rs, 401, "not logged in", err.msg);
	} else if (rc != 0) {
		resp_error(rs, &err);
		if (rc == WM_ELIMIT) {
			char secs[32];

			snprintf(secs, sizeof(secs), "%d", retry);
			resp_header(rs, "Retry-After", secs);
		}
	} else {
		route_set_cookie(rq, rs, SESSION_COOKIE, token, ACCOUNT_SESSION_HOURS * 3600L);
		resp_json(rs, 200, whoami(rq, &s));
	}
}

static void
api_index(struct resp *rs)
{
	json_t *o = json_object(), *arr = json_array();

	for (const struct kind *k = kinds; k->name != NULL; k++)
		json_array_append_new(arr, json_string(k->name));
	json_object_set_new(o, "version", json_string(WAYMARK_VERSION));
	json_object_set_new(o, "openapi", json_string("/api/v1/openapi.json"));
	json_object_set_new(o, "kinds", arr);
	resp_json(rs, 200, o);
}

void
api_handle(struct req *rq, struct resp *rs, const char *rest)
{
	const struct kind *k;
	const char *slash;
	char *kname;

	if (*rest == '/')
		rest++;
	if (strcmp(rest, "login") == 0) {
		if (strcmp(rq->method, "POST") != 0)
			not_allowed(rs, "POST", rq->method);
		else
			login(rq, rs);
		return;
	}
	if (strcmp(rest, "openapi.json") == 0) {
		resp_json(rs, 200, openapi_spec());
		return;
	}
	if (!route_may_read(rq) || (is_write(rq) && !rq->logged_in)) {
		resp_status(rs, 401, "not logged in",
		    "log in first: POST /api/v1/login with {\"username\": ..., \"password\": ...}");
		resp_header(rs, "WWW-Authenticate", "Cookie realm=\"waymark\"");
		return;
	}
	if (is_write(rq) && !route_csrf_ok(rq, req_header(rq, "X-CSRF-Token"))) {
		resp_status(rs, 403, "not allowed", "send the X-CSRF-Token header with the "
		    "csrf_token that POST /api/v1/login (or GET /api/v1/me) gave");
		return;
	}
	if (*rest == '\0') {
		api_index(rs);
	} else if (strcmp(rest, "me") == 0) {
		resp_json(rs, 200, whoami(rq, rq->logged_in ? &rq->sess : NULL));
	} else if (strcmp(rest, "logout") == 0) {
		if (strcmp(rq->method, "POST") != 0) {
			not_allowed(rs, "POST", rq->method);
			return;
		}
		account_logout(&rq->ctx, rq->token, NULL);
		route_set_cookie(rq, rs, SESSION_COOKIE, "", 0);
		rs->status = 204;
	} else if (strcmp(rest, "audit") == 0) {
		if (is_write(rq))
			not_allowed(rs, "GET", rq->method);
		else
			audit(rq, rs);
	} else if (strcmp(rest, "reports") == 0 || str_has_prefix(rest, "reports/")) {
		if (is_write(rq))
			not_allowed(rs, "GET", rq->method);
		else if (rest[7] == '\0')
			report_list(rs);
		else
			report(rq, rs, rest + 8);
	} else {
		slash = strchr(rest, '/');
		kname = arena_strndup(rq->a, rest, slash ? (size_t)(slash - rest) : strlen(rest));
		if ((k = kind_find(kname)) == NULL || strcmp(k->name, kname) != 0) {
			const char *hint = k != NULL ? k->name : kind_suggest(kname);

			if (hint != NULL)
				resp_errorf(rs, WM_ENOTFOUND, "nothing at /api/v1/%s (did you mean /api/v1/%s?)",
				    kname, hint);
			else
				resp_errorf(rs, WM_ENOTFOUND, "nothing at /api/v1/%s (GET /api/v1 lists "
				    "the kinds of record)", kname);
			return;
		}
		if (slash == NULL || slash[1] == '\0') {
			if (strcmp(rq->method, "GET") == 0)
				list_records(rq, rs, k);
			else if (strcmp(rq->method, "POST") == 0)
				add_record(rq, rs, k);
			else
				not_allowed(rs, "GET, POST", rq->method);
		} else {
			one_record(rq, rs, k, slash + 1);
		}
	}
}
