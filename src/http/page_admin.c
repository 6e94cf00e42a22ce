/*
 * page_admin.c: the audit log and user administration.
 *
 *   GET  /audit?kind=&actor=&page=N        who changed what, newest first
 *   GET  /admin/users                      the accounts, and forms to manage them
 *   POST /admin/users                      add a user
 *   POST /admin/users/change               username=, action=disable|enable|password
 *
 * Only an administrator may see or manage accounts; the library says so
 * (authz.c), and these pages pass its answer on.
 */
#include "base/wm.h"

#include "base/str.h"
#include "http/page.h"
#include "http/pages.h"
#include "model/account.h"
#include "model/audit.h"
#include "model/ent.h"

#define AUDIT_PAGE 50

void
page_audit(struct req *rq, struct resp *rs)
{
	static const char *const cols[] = { "When", "Who", "Action", "Kind", "Record" };
	struct wm_err err = WM_ERR_INIT;
	struct audit_query q = { 0 };
	struct rdoc *d = rdoc_new("Audit log");
	const char *pg = req_query(rq, "page");
	json_t *rows = NULL, *kinds_list = json_array();
	int64_t total = 0, pageno = 1;
	struct rtable *t;
	struct page p;

	q.kind = req_query(rq, "kind");
	q.actor = req_query(rq, "actor");
	if (q.kind != NULL && *q.kind == '\0')
		q.kind = NULL;
	if (q.actor != NULL && *q.actor == '\0')
		q.actor = NULL;
	if (pg != NULL && (str_to_int64(pg, &pageno) != 0 || pageno < 1))
		pageno = 1;
	q.newest_first = true;
	q.limit = AUDIT_PAGE;
	q.offset = (size_t)(pageno - 1) * AUDIT_PAGE;
	if (audit_total(&rq->ctx, &q, &total, &err) != 0 ||
	    audit_list(&rq->ctx, &q, &rows, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	rdoc_para(d, "Every change, by whom and when, whether made here or on the command line. "
	    "Each entry is chained to the one before, so `waymark verify` finds any alteration.");
	rdoc_meta(d, "Entries", arena_printf(rq->a, "%lld", (long long)total));
	t = rdoc_table(d, NULL, 5, cols);
	for (size_t i = 0; i < json_array_size(rows); i++) {
		const json_t *e = json_array_get(rows, i);
		const char *kind = json_string_value(json_object_get(e, "kind"));
		const char *ref = json_string_value(json_object_get(e, "ref"));

		pages_cells(rq, t, e, (const char *const[]){ "at", "actor", "action", NULL });
		rtable_cell(t, kind);
		if (strcmp(kind, "recommendations") == 0)
			rtable_link(t, ref, req_key_url(rq, "/recommendations/", ref));
		else
			rtable_cell(t, ref);
		rtable_end_row(t);
	}
	for (const struct kind *k = kinds; k->name != NULL; k++)
		if (!(k->flags & KF_VIEW))
			json_array_append_new(kinds_list, json_string(k->name));
	page_begin(&p, rq, rs, "Audit log - Waymark", "/audit");
	page_heading(&p, d);
	html_open(&p.h, "div", "class", "wm-no-print", NULL);
	page_form_begin(&p, "/audit", "get");
	page_select(&p, "kind", "Kind of record", kinds_list, q.kind, "Any kind");
	page_input(&p, "actor", "Who (as the log names them, e.g. web:alice)", "text", q.actor,
	    NULL, NULL, "20");
	page_form_end(&p, "Filter");
	html_close(&p.h, "div");
	page_rdoc_untitled(&p, d);
	{
		struct buf query = BUF_INIT;

		if (q.kind != NULL) {
			buf_adds(&query, "kind=");
			http_url_escape(&query, q.kind);
		}
		if (q.actor != NULL) {
			buf_adds(&query, query.len ? "&actor=" : "actor=");
			http_url_escape(&query, q.actor);
		}
		page_pagination(&p, (size_t)pageno, (size_t)((total + AUDIT_PAGE - 1) / AUDIT_PAGE),
		    "/audit", query.len ? arena_strdup(rq->a, buf_str(&query)) : NULL);
		buf_release(&query);
	}
	page_end(&p);
out:
	rdoc_free(d);
	json_decref(rows);
	json_decref(kinds_list);
}

static void
users_page(struct req *rq, struct resp *rs, const char *msg, const char *done, int status)
{
	static const char *const cols[] = { "User", "Name", "Role", "Person", "Disabled" };
	struct wm_err err = WM_ERR_INIT;
	struct rdoc *d = rdoc_new("Users");
	json_t *users = NULL, *people = NULL, *roles, *names = json_array();
	struct rtable *t;
	struct page p;

	if (pages_list(rq, "users", NULL, &users, &err) != 0 ||
	    pages_list(rq, "people", NULL, &people, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	t = rdoc_table(d, NULL, 5, cols);
	for (size_t i = 0; i < json_array_size(users); i++) {
		const json_t *u = json_array_get(users, i);

		pages_cells(rq, t, u,
		    (const char *const[]){ "username", "display_name", "role", "person", "disabled", NULL });
		rtable_end_row(t);
		json_array_append(names, json_object_get(u, "username"));
	}
	page_begin(&p, rq, rs, "Users - Waymark", "/admin/users");
	if (done != NULL)
		page_success(&p, done);
	if (msg != NULL)
		page_error_summary(&p, msg, NULL);
	page_rdoc(&p, d);

	html_elem(&p.h, "h2", "Add a user", "class", "govuk-heading-m", NULL);
	page_form_begin(&p, "/admin/users", "post");
	page_input(&p, "username", "User name", "text", msg ? req_form(rq, "username") : NULL,
	    "What they type to sign in", NULL, "20");
	page_input(&p, "display_name", "Name", "text", msg ? req_form(rq, "display_name") : NULL,
	    NULL, NULL, "30");
	roles = json_pack("[s,s,s,s]", "member", "lead", "planner", "admin");
	page_select(&p, "role", "Role", roles, msg ? req_form(rq, "role") : "member", NULL);
	json_decref(roles);
	{
		json_t *refs = json_array();

		for (size_t i = 0; i < json_array_size(people); i++)
			json_array_append(refs, json_object_get(json_array_get(people, i), "ref"));
		page_select(&p, "person", "Person (a lead officer's posts come from the person)", refs,
		    msg ? req_form(rq, "person") : NULL, "None");
		json_decref(refs);
	}
	page_input(&p, "password", "Password", "password", NULL, "At least 8 characters", NULL,
	    "20");
	page_form_end(&p, "Add user");

	html_elem(&p.h, "h2", "Change a user", "class", "govuk-heading-m", NULL);
	page_form_begin(&p, "/admin/users/change", "post");
	page_select(&p, "username", "User", names, NULL, NULL);
	roles = json_pack("[s,s,s]", "password", "disable", "enable");
	page_select(&p, "action", "Change", roles, "password", NULL);
	json_decref(roles);
	page_input(&p, "password", "New password (to set one)", "password", NULL, NULL, NULL, "20");
	page_input(&p, "current_password", "Your current password (to change your own)",
	    "password", NULL, NULL, NULL, "20");
	page_form_end(&p, "Change user");
	page_end(&p);
	rs->status = status;
out:
	rdoc_free(d);
	json_decref(users);
	json_decref(people);
	json_decref(names);
}

static int
add_user(struct req *rq, struct wm_err *err)
{
	static const char *const names[] = { "username", "display_name", "role", "person" };
	json_t *fields = json_object();
	int rc;

	for (size_t i = 0; i < WM_ARRAY_LEN(names); i++) {
		const char *v = req_form(rq, names[i]);

		if (v != NULL && !str_is_blank(v))
			json_object_set_new(fields, names[i], json_string(v));
	}
	rc = account_add(&rq->ctx, fields, req_form(rq, "password"), NULL, err);
	json_decref(fields);
	return rc;
}

static int
change_user(struct req *rq, struct wm_err *err)
{
	const char *user = req_form(rq, "username"), *action = req_form(rq, "action");
	json_t *ch;
	int rc;

	if (user == NULL || action == NULL)
		return wm_error(err, WM_EINVAL, "choose a user and what to change");
	if (strcmp(action, "password") == 0)
		return account_set_password(&rq->ctx, user, req_form(rq, "current_password"),
		    req_form(rq, "password"), rq->token, err);
	if (strcmp(action, "disable") != 0 && strcmp(action, "enable") != 0)
		return wm_error(err, WM_EINVAL, "the change must be password, disable or enable");
	ch = json_pack("{s:b}", "disabled", strcmp(action, "disable") == 0);
	rc = ent_set(&rq->ctx, kind_find("users"), user, ch, 0, NULL, err);
	json_decref(ch);
	return rc;
}

void
page_users(struct req *rq, struct resp *rs, const char *rest)
{
	struct wm_err err = WM_ERR_INIT;
	int rc;

	if (strcmp(rq->method, "POST") != 0) {
		if (*rest != '\0')
			page_fail(rq, rs, 404, "Page not found", "There is nothing at this address.");
		else
			users_page(rq, rs, NULL, NULL, 200);
		return;
	}
	if (*rest != '\0' && strcmp(rest, "change") != 0) {
		page_fail(rq, rs, 404, "Page not found", "There is no form at this address.");
		return;
	}
	rc = *rest == '\0' ? add_user(rq, &err) : change_user(rq, &err);
	if (rc == WM_EPERM)
		page_fail_err(rq, rs, &err);
	else if (rc != 0)
		users_page(rq, rs, err.msg, NULL, http_status(rc));
	else
		users_page(rq, rs, NULL, *rest ? "The user has been changed." :
		    "The user has been added.", 200);
}
