/*
 * req.c: requests and responses (see req.h): parameter lists, the
 * urlencoded parser, and the JSON shape of errors.
 */
#include "base/wm.h"

#include "base/mem.h"
#include "base/jsonw.h"
#include "http/req.h"

void
params_add(struct arena *a, struct params_list *l, const char *name, const char *value)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct param *v = arena_array(a, cap, sizeof(*v));

		if (l->n > 0)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n].name = arena_strdup(a, name);
	l->v[l->n].value = arena_strdup(a, value != NULL ? value : "");
	l->n++;
}

const char *
params_get(const struct params_list *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return l->v[i].value;
	return NULL;
}

const char *
req_header(const struct req *r, const char *name)
{
	for (size_t i = 0; i < r->headers.n; i++)
		if (strcasecmp(r->headers.v[i].name, name) == 0)
			return r->headers.v[i].value;
	return NULL;
}

const char *
req_query(const struct req *r, const char *name)
{
	return params_get(&r->query, name);
}

const char *
req_form(const struct req *r, const char *name)
{
	return params_get(&r->form, name);
}

const char *
req_cookie(const struct req *r, const char *name)
{
	return params_get(&r->cookies, name);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
http_unescape(struct arena *a, const char *s, size_t len, bool plus)
{
	char *out = arena_alloc(a, len + 1);
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		int hi = i + 2 < len ? hexval((unsigned char)s[i + 1]) : -1;
		int lo = i + 2 < len ? hexval((unsigned char)s[i + 2]) : -1;

		if (s[i] == '%' && hi >= 0 && lo >= 0) {
			out[n++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (plus && s[i] == '+') {
			out[n++] = ' ';
		} else {
			out[n++] = s[i];
		}
	}
	out[n] = '\0';
	return out;
}

void
http_parse_urlencoded(struct arena *a, const char *s, size_t len, struct params_list *l)
{
	size_t i = 0;

	while (i < len) {
		size_t start = i, eq = (size_t)-1;

		while (i < len && s[i] != '&') {
			if (s[i] == '=' && eq == (size_t)-1)
				eq = i;
			i++;
		}
		if (i > start) {
			const char *name, *value;

			if (eq == (size_t)-1) {
				name = http_unescape(a, s + start, i - start, true);
				value = "";
			} else {
				name = http_unescape(a, s + start, eq - start, true);
				value = http_unescape(a, s + eq + 1, i - eq - 1, true);
			}
			params_add(a, l, name, value);
		}
		i++;	/* past the '&' */
	}
}

json_t *
req_query_options(const struct req *rq)
{
	json_t *o = json_object();

	for (size_t i = 0; i < rq->query.n; i++)
		if (*rq->query.v[i].value != '\0')
			json_object_set_new(o, rq->query.v[i].name, json_string(rq->query.v[i].value));
	return o;
}

void
http_url_escape(struct buf *out, const char *s)
{
	buf_add_url_escaped(out, s, false);
}

void
http_path_escape(struct buf *out, const char *s)
{
	buf_add_url_escaped(out, s, true);
}

void
resp_init(struct resp *rs, struct arena *a)
{
	memset(rs, 0, sizeof(*rs));
	rs->status = 200;
	rs->type = "text/plain; charset=utf-8";
	rs->a = a;
	buf_init(&rs->body, 64 * 1024 * 1024);
}

void
resp_release(struct resp *rs)
{
	buf_release(&rs->body);
}

void
resp_header(struct resp *rs, const char *name, const char *value)
{
	for (size_t i = 0; i < rs->nheaders; i++)
		if (strcasecmp(rs->headers[i].name, name) == 0 && strcasecmp(name, "Set-Cookie") != 0) {
			rs->headers[i].value = arena_strdup(rs->a, value);
			return;
		}
	if (rs->nheaders < RESP_MAX_HEADERS) {
		rs->headers[rs->nheaders].name = arena_strdup(rs->a, name);
		rs->headers[rs->nheaders].value = arena_strdup(rs->a, value);
		rs->nheaders++;
	}
}

void
resp_json(struct resp *rs, int status, json_t *j)
{
	rs->status = status;
	rs->type = "application/json";
	buf_reset(&rs->body);
	if (jsonw_dump(&rs->body, j) != 0) {
		/* Only a bug gives a tree jansson could not write either: say so, not half of it. */
		buf_reset(&rs->body);
		rs->status = 500;
		buf_adds(&rs->body, "{\"error\": {\"status\": 500, \"code\": \"internal error\", "
		    "\"message\": \"the response could not be written as JSON\"}}");
	}
	buf_addc(&rs->body, '\n');
	json_decref(j);
}

void
resp_text(struct resp *rs, int status, const char *type, const char *text)
{
	rs->status = status;
	rs->type = type;
	buf_reset(&rs->body);
	buf_adds(&rs->body, text);
}

void
resp_redirect(struct resp *rs, const char *location)
{
	rs->status = 303;
	rs->type = "text/plain; charset=utf-8";
	resp_header(rs, "Location", location);
	buf_reset(&rs->body);
	buf_addf(&rs->body, "See %s\n", location);
}

int
http_status(int code)
{
	switch (code) {
	case WM_OK: return 200;
	case WM_EINVAL: return 422;
	case WM_EUSAGE: return 400;
	case WM_ENOTFOUND: return 404;
	case WM_ECONFLICT: return 412;
	case WM_EEXIST: return 409;
	case WM_EPERM: return 403;
	case WM_ETOOBIG: return 413;
	case WM_ELIMIT: return 429;
	case WM_EINUSE: return 409;
	case WM_ETIMEOUT: return 503;
	case WM_ESCHEMA: return 503;
	default: return 500;
	}
}

void
resp_status(struct resp *rs, int status, const char *code_name, const char *message)
{
	json_t *e = json_object(), *o = json_object();

	json_object_set_new(e, "status", json_integer(status));
	json_object_set_new(e, "code", json_string(code_name));
	json_object_set_new(e, "message", json_string(message));
	json_object_set_new(o, "error", e);
	resp_json(rs, status, o);
}

void
resp_error_with(struct resp *rs, const struct wm_err *err, const char *member, json_t *value)
{
	const char *msg = err->msg[0] != '\0' ? err->msg : wm_code_name(err->code);
	int status = http_status(err->code);
	json_t *e = json_object(), *o = json_object();

	if (status >= 500 && err->code != WM_ESCHEMA && err->code != WM_ETIMEOUT) {
		rs->log_note = arena_strdup(rs->a, msg);
		msg = "the server could not do that: the failure has been logged; try again later";
	}
	json_object_set_new(e, "status", json_integer(status));
	json_object_set_new(e, "code", json_string(wm_code_name(err->code)));
	json_object_set_new(e, "message", json_string(msg));
	/* which field was wrong, and why in a word (kind.h), for a program or a form to act on */
	if (err->field[0] != '\0')
		json_object_set_new(e, "field", json_string(err->field));
	if (err->reason != NULL)
		json_object_set_new(e, "reason", json_string(err->reason));
	if (member != NULL)
		json_object_set_new(e, member, value);
	json_object_set_new(o, "error", e);
	resp_json(rs, status, o);
	if (err->code == WM_ETIMEOUT)
		resp_header(rs, "Retry-After", "30");
}

void
resp_error(struct resp *rs, const struct wm_err *err)
{
	resp_error_with(rs, err, NULL, NULL);
}

void
resp_errorf(struct resp *rs, int code, const char *fmt, ...)
{
	struct wm_err err = WM_ERR_INIT;
	va_list ap;

	err.code = code;
	va_start(ap, fmt);
	vsnprintf(err.msg, sizeof(err.msg), fmt, ap);
	va_end(ap);
	resp_error(rs, &err);
}
