/*
 * pages.c: which page answers which address, who may see it, and the
 * helpers the page files share for reading records.
 *
 * Every page needs a session, or a server started with --public (then
 * only what is published shows, because the library filters it). A form
 * posted without the session's CSRF token is refused before any page
 * sees it.
 */
#include "base/wm.h"

#include "base/mem.h"
#include "base/str.h"
#include "http/multipart.h"
#include "http/page.h"
#include "http/pages.h"
#include "model/ent.h"

int
pages_list(struct req *rq, const char *kind, json_t *where, json_t **out, struct wm_err *err)
{
	struct ent_query q = { 0 };
	int rc;

	q.where = where;
	rc = ent_list(&rq->ctx, kind_find(kind), &q, out, err);
	json_decref(where);
	return rc;
}

int
pages_count(struct req *rq, const char *kind, const char *field, const char *value, size_t *n,
    struct wm_err *err)
{
	struct ent_query q = { 0 };
	int rc;

	q.where = pages_where(field, value);
	rc = ent_count(&rq->ctx, kind_find(kind), &q, n, err);
	json_decref((json_t *)q.where);
	return rc;
}

const char *
pages_text(struct req *rq, const json_t *row, const char *field)
{
	char *t = kind_value_text(json_object_get(row, field));
	const char *s = arena_strdup(rq->a, t != NULL ? t : "");

	free(t);
	return s;
}

const char *
pages_key(struct req *rq, const char *kind, const json_t *row)
{
	struct buf key = BUF_INIT;
	const char *s;

	ent_row_key(kind_base(kind_find(kind)), row, &key);
	s = arena_strdup(rq->a, buf_str(&key));
	buf_release(&key);
	return s;
}

void
pages_cell(struct req *rq, struct rtable *t, const json_t *row, const char *field)
{
	rtable_cell(t, pages_text(rq, row, field));
}

void
pages_cells(struct req *rq, struct rtable *t, const json_t *row, const char *const *fields)
{
	for (size_t i = 0; fields[i] != NULL; i++)
		pages_cell(rq, t, row, fields[i]);
}

json_t *
pages_where(const char *field, const char *value)
{
	json_t *w = json_object();

	if (field != NULL)
		json_object_set_new(w, field, json_string(value));
	return w;
}

json_t *
pages_named(struct req *rq, const char *kind, json_t *where, const char *label)
{
	struct wm_err err = WM_ERR_INIT;
	json_t *rows = NULL, *out = json_array();

	if (pages_list(rq, kind, where, &rows, &err) == 0)
		for (size_t i = 0; i < json_array_size(rows); i++) {
			const json_t *r = json_array_get(rows, i);

			json_array_append_new(out, json_pack("[s,s]", pages_key(rq, kind, r),
			    pages_text(rq, r, label)));
		}
	json_decref(rows);
	return out;
}

const char *
pages_record_url(struct req *rq, const char *kind, const char *key)
{
	const struct kind *k = kind_find(kind);

	/* the framework's plans and their goals, aims... are pages of the framework */
	if (k != NULL && (strcmp(kind_base(k)->name, "nodes") == 0 || strcmp(k->name, "plans") == 0))
		return req_key_url(rq, "/framework/", key);
	return req_key_url(rq, arena_printf(rq->a, "/%s/", k != NULL ? k->name : kind), key);
}

const char *
pages_name(struct req *rq, const char *kind, const char *key)
{
	const struct kind *k = kind_find(kind);
	const struct field *name = NULL;
	json_t *row = NULL;
	const char *out = key;
	int64_t id;

	for (const struct field *f = k ? k->fields : NULL; f != NULL && f->name != NULL &&
	    name == NULL; f++)
		if (f->flags & FF_NAME)
			name = f;
	if (name != NULL && ent_resolve(&rq->ctx, k, key, &id, NULL) == 0 &&
	    ent_get_by_id(&rq->ctx, k, id, true, &row, NULL) == 0) {
		const char *v = json_string_value(json_object_get(row, name->name));

		if (v != NULL && *v != '\0')
			out = arena_strdup(rq->a, v);
	}
	json_decref(row);
	return out;
}

static int
choice_cmp(const void *a, const void *b)
{
	const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;

	return strcasecmp(json_string_value(json_array_get(x, 1)),
	    json_string_value(json_array_get(y, 1)));
}

json_t *
pages_choices(struct req *rq, const char *kind)
{
	const struct kind *k = kind_find(kind);
	const struct field *name = NULL;
	struct wm_err err = WM_ERR_INIT;
	struct ent_query q = { 0 };
	json_t *rows = NULL, *out = json_array();
	json_t **sorted;
	size_t n;

	for (const struct field *f = k->fields; f->name != NULL && name == NULL; f++)
		if (f->flags & FF_NAME)
			name = f;
	q.raw = true;	/* the stored fields are enough: no decoration to pay for */
	if (ent_list(&rq->ctx, k, &q, &rows, &err) != 0)
		return out;
	n = json_array_size(rows);
	sorted = arena_array(rq->a, n + 1, sizeof(*sorted));
	for (size_t i = 0; i < n; i++) {
		const json_t *r = json_array_get(rows, i);
		const char *key = pages_key(rq, kind, r);
		const char *nm = name ? json_string_value(json_object_get(r, name->name)) : NULL;

		sorted[i] = json_pack("[s,s]", key, nm != NULL && *nm != '\0' ? nm : key);
	}
	wm_sort(sorted, n, sizeof(*sorted), choice_cmp);
	for (size_t i = 0; i < n; i++) {
		const char *key = json_string_value(json_array_get(sorted[i], 0));
		const char *label = json_string_value(json_array_get(sorted[i], 1));
		bool twin = (i > 0 && strcasecmp(label, json_string_value(json_array_get(sorted[i - 1],
		    1))) == 0) || (i + 1 < n && strcasecmp(label,
		    json_string_value(json_array_get(sorted[i + 1], 1))) == 0);

		if (twin && strcmp(key, label) != 0)
			json_array_set_new(sorted[i], 1, json_string(arena_printf(rq->a, "%s (%s)", label,
			    key)));
		json_array_append_new(out, sorted[i]);
	}
	json_decref(rows);
	return out;
}

void
pages_names_load(struct req *rq, struct pages_names *n, const char *kind)
{
	memset(n, 0, sizeof(*n));
	n->choices = pages_choices(rq, kind);
	for (size_t i = 0; i < json_array_size(n->choices); i++)
		strmap_put(&n->at, json_string_value(json_array_get(json_array_get(n->choices, i), 0)),
		    (int64_t)i);
}

const char *
pages_names_get(const struct pages_names *n, const char *key)
{
	int64_t at;

	if (key == NULL || !strmap_get(&n->at, key, &at))
		return key;
	return json_string_value(json_array_get(json_array_get(n->choices, (size_t)at), 1));
}

void
pages_names_release(struct pages_names *n)
{
	json_decref(n->choices);
	strmap_release(&n->at);
	memset(n, 0, sizeof(*n));
}

bool
pages_overdue(const json_t *rec)
{
	/* The register's own rule (analysis/register.c), as the record engine decorates it. */
	return json_is_true(json_object_get(rec, "overdue"));
}

struct route {
	const char *path;
	bool prefix;
	bool post;	/* takes forms */
	void (*plain)(struct req *, struct resp *);
	void (*rest)(struct req *, struct resp *, const char *);
	/* Or: the report this page shows, its title, the form choosing its options. */
	const char *report;
	const char *title;
	void (*form)(struct page *, const json_t *, const char *, const char *);
	const char *nav;
};

#define PAGE(path, post, fn) { path, false, post, fn, NULL, NULL, NULL, NULL, NULL }
#define UNDER(path, post, fn) { path, true, post, NULL, fn, NULL, NULL, NULL, NULL }
#define REPORT(path, report, title, form, nav) \
	{ path, false, false, NULL, NULL, report, title, form, nav }

static const struct route routes[] = {
	PAGE("/", false, page_home),
	PAGE("/my", false, page_my),
	PAGE("/framework", false, page_framework),
	UNDER("/framework/", true, page_framework_under),
	PAGE("/pis", false, page_pis),
	UNDER("/pis/", true, page_pi),
	REPORT("/exceptions", "exceptions", "Exceptions", page_exceptions_form, "/exceptions"),
	REPORT("/scorecard", "performance", "Scorecard", page_scorecard_form, "/exceptions"),
	PAGE("/recommendations", false, page_register),
	UNDER("/recommendations/", true, page_rec),
	PAGE("/projects", false, page_projects),
	UNDER("/projects/", false, page_project),
	REPORT("/timetable", "timetable", "Timetable", NULL, "/timetable"),
	REPORT("/committees", "accountability", "Committees", NULL, "/committees"),
	REPORT("/themes", "themes", "Consultation themes", NULL, "/themes"),
	PAGE("/audit", false, page_audit),
	PAGE("/records", false, page_records_index),
	PAGE("/reports", false, page_reports),
	PAGE("/search", false, page_search),
	PAGE("/import", true, page_import),
	UNDER("/import/", true, page_import_under),
	UNDER("/reports/", false, page_report_named),
	{ "/admin/users", false, true, NULL, page_users, NULL, NULL, NULL, NULL },
	UNDER("/admin/users/", true, page_users),
};

void
pages_handle(struct req *rq, struct resp *rs)
{
	const char *path = rq->path;
	bool post = strcmp(rq->method, "POST") == 0;

	if (strcmp(path, "/login") == 0) {
		page_login(rq, rs);
		return;
	}
	if (post) {
		const char *type = req_header(rq, "Content-Type");

		if (type != NULL && str_has_prefix_nocase(type, "application/x-www-form-urlencoded"))
			http_parse_urlencoded(rq->a, rq->body, rq->body_len, &rq->form);
		else if (multipart_is(type)) {
			/* a form with a file (/import); a body that is not one has no token either */
			rq->files = arena_alloc(rq->a, sizeof(*rq->files));
			memset(rq->files, 0, sizeof(*rq->files));
			if (multipart_parse(rq->a, type, rq->body, rq->body_len, &rq->form,
			    rq->files) != 0)
				rq->files->n = 0;
		}
	}
	if (!route_may_read(rq) || (post && !rq->logged_in)) {
		if (post)
			page_login_again(rq, rs);
		else
			page_login_redirect(rq, rs);
		return;
	}
	if (post && !route_csrf_ok(rq, req_form(rq, "csrf_token"))) {
		page_fail(rq, rs, 403, "The form has expired", "The form was not sent from this "
		    "session (its security token is missing or old). Go back, reload the page and "
		    "send it again.");
		return;
	}
	if (strcmp(path, "/logout") == 0) {
		page_logout(rq, rs);
		return;
	}
	/* every kind's add, change and remove forms, before the kinds' own pages */
	if (page_records(rq, rs, true))
		return;
	for (size_t i = 0; i < WM_ARRAY_LEN(routes); i++) {
		const struct route *r = &routes[i];
		bool hit = r->prefix ? str_has_prefix(path, r->path) && path[strlen(r->path)] != '\0' :
		    strcmp(path, r->path) == 0;

		if (!hit)
			continue;
		if (strcmp(rq->method, "GET") != 0 && !(post && r->post)) {
			page_fail(rq, rs, 405, "That cannot be done here",
			    "This address can only be read.");
			resp_header(rs, "Allow", r->post ? "GET, POST" : "GET");
			return;
		}
		if (r->report != NULL)
			page_report_page(rq, rs, r->title, r->nav, r->report, r->form);
		else if (r->plain != NULL)
			r->plain(rq, rs);
		else
			r->rest(rq, rs, r->prefix ? path + strlen(r->path) : "");
		return;
	}
	if (page_records(rq, rs, false))
		return;
	page_fail(rq, rs, 404, "Page not found", "There is nothing at this address. Check it, or "
	    "start from the dashboard.");
}
