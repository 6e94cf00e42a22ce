/*
 * page_users.c: user administration, for administrators.
 *
 *   GET  /admin/users              the accounts, each linked to its page, and the add form
 *   POST /admin/users              add a user (the users kind's fields, and a password)
 *   GET  /admin/users/NAME         one account: what it is, and a form for each change
 *   POST /admin/users/NAME         action=role (role=), unlock, password (password=,
 *                                  current_password=), enable, or disable (a page asking
 *                                  to confirm first; confirm=yes disables)
 *   POST /admin/users/change       the same with username= naming the account
 *
 * The add form is the users kind's own (form.c, from its description);
 * its rules (a user name's letters, the last administrator never disabled
 * or demoted, sessions ended on a disable or a change of role) are the
 * library's (misc.c, account.c), for the web and the command line alike,
 * and every change is audited there. After an error the account's page
 * comes back with the message, the same account still chosen.
 */
#include "base/wm.h"

#include <ctype.h>

#include "http/form.h"
#include "http/page.h"
#include "http/pages.h"
#include "model/account.h"
#include "model/authz.h"
#include "model/ent.h"

/* The library's message as a sentence on the page: its first letter a capital. */
static const char *
sentence(struct req *rq, const char *msg)
{
	return arena_printf(rq->a, "%c%s", toupper((unsigned char)msg[0]), msg[0] ? msg + 1 : "");
}

static const struct kind *
users_kind(void)
{
	return kind_find("users");
}

/* A user's state in words: "Disabled", else "Active". */
static const char *
user_status(const json_t *u)
{
	return json_is_true(json_object_get(u, "disabled")) ? "Disabled" : "Active";
}

static void
users_list(struct req *rq, struct resp *rs, const json_t *errors, int status)
{
	static const char *const cols[] = { "User name", "Name", "Role", "Person", "Status" };
	const struct kind *k = users_kind();
	struct wm_err err = WM_ERR_INIT;
	struct rdoc *d = rdoc_new("Users");
	json_t *users = NULL;
	struct pages_names people = { 0 };
	struct rtable *t;
	struct page p;

	if (pages_list(rq, "users", NULL, &users, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	pages_names_load(rq, &people, "people");
	rdoc_para(d, "Who may sign in, and what each may do. Open an account to change its role, "
	    "lift the waits that failed sign-ins put on it, set its password, or disable it.");
	t = rdoc_table(d, NULL, 5, cols);
	for (size_t i = 0; i < json_array_size(users); i++) {
		const json_t *u = json_array_get(users, i);
		const char *name = json_string_value(json_object_get(u, "username"));

		rtable_link(t, name, req_key_url(rq, "/admin/users/", name));
		pages_cell(rq, t, u, "display_name");
		rtable_cell(t, form_value_text(rq, kind_field(k, "role"), json_object_get(u, "role")));
		rtable_cell(t, pages_names_get(&people, json_string_value(json_object_get(u,
		    "person"))));
		rtable_cell(t, user_status(u));
		rtable_end_row(t);
	}
	page_begin(&p, rq, rs, json_array_size(errors) > 0 ? "Error: Users - Waymark" :
	    "Users - Waymark", "/admin/users");
	page_error_list(&p, errors);
	page_rdoc(&p, d);
	html_elem(&p.h, "h2", "Add a user", "class", "govuk-heading-m", NULL);
	page_form_begin(&p, "/admin/users", "post");
	form_fields(&p, k, NULL, json_array_size(errors) > 0, errors, false);
	page_input_attrs(&p, "password", "Password", "password", NULL,
	    arena_printf(rq->a, "At least %d characters", ACCOUNT_MIN_PASSWORD),
	    form_error_for(errors, "password"), "20", NULL, "new-password");
	page_form_end(&p, "Add user");
	page_end(&p);
	rs->status = status;
out:
	pages_names_release(&people);
	rdoc_free(d);
	json_decref(users);
}

static void
add_user(struct req *rq, struct resp *rs)
{
	const struct kind *k = users_kind();
	struct wm_err err = WM_ERR_INIT;
	json_t *errors = json_array(), *fields = form_read(rq, k, false, errors);
	const char *password = req_form(rq, "password");
	int rc;

	if (form_check(rq, k, fields, true, errors, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	if (account_check_password(password != NULL ? password : "", &err) != 0) {
		/* not a field of the kind's: the box is this form's own */
		json_array_append_new(errors, json_pack("{s:s, s:s, s:s}", "field", "password",
		    "href", "#password", "message", sentence(rq, err.msg)));
		wm_err_clear(&err);
	}
	if (json_array_size(errors) == 0 &&
	    (rc = account_add(&rq->ctx, fields, password, NULL, &err)) != 0) {
		if (rc == WM_EPERM) {
			page_fail_err(rq, rs, &err);
			goto out;
		}
		form_write_error(rq, k, &err, errors);
	}
	if (json_array_size(errors) > 0) {
		form_sort_errors(k, errors);
		users_list(rq, rs, errors, 422);
		goto out;
	}
	resp_redirect(rs, arena_printf(rq->a, "%s?done=added",
	    req_key_url(rq, "/admin/users/", json_string_value(json_object_get(fields,
	    "username")))));
out:
	json_decref(fields);
	json_decref(errors);
}

/* What a finished change says on the account's page (?done=). */
static const char *
done_text(const char *done)
{
	static const char *const words[][2] = {
		{ "added", "The user has been added." },
		{ "role", "The role has been changed. Their sessions have ended: they sign in again "
		    "to act with it." },
		{ "unlock", "Sign-in waits have been lifted: they may sign in again at once." },
		{ "password", "The password has been set. Their other sessions have ended." },
		{ "disable", "The user has been disabled. Their sessions have ended, and they cannot "
		    "sign in." },
		{ "enable", "The user has been enabled: they may sign in again." },
	};

	for (size_t i = 0; done != NULL && i < WM_ARRAY_LEN(words); i++)
		if (strcmp(done, words[i][0]) == 0)
			return words[i][1];
	return NULL;
}

/* A form on the account's page: one action, its fields written by the caller. */
static void
action_form_begin(struct page *p, const char *name, const char *heading, const char *action)
{
	html_elem(&p->h, "h2", heading, "class", "govuk-heading-m", NULL);
	page_form_begin(p, req_key_url(p->rq, "/admin/users/", name), "post");
	html_void(&p->h, "input", "type", "hidden", "name", "action", "value", action, NULL);
}

static void
user_page(struct req *rq, struct resp *rs, const char *name, const char *error,
    const char *error_field, int status)
{
	const struct kind *k = users_kind();
	struct wm_err err = WM_ERR_INIT;
	const char *done = error == NULL ? done_text(req_query(rq, "done")) : NULL;
	bool self = strcmp(name, rq->sess.user.username) == 0;
	json_t *u = NULL, *roles;
	const char *role;
	struct page p;

	if (ent_get(&rq->ctx, k, name, &u, &err) != 0) {
		page_fail_err(rq, rs, &err);
		return;
	}
	name = arena_strdup(rq->a, json_string_value(json_object_get(u, "username")));
	role = json_string_value(json_object_get(u, "role"));
	page_begin(&p, rq, rs, arena_printf(rq->a, "%s%s - Users - Waymark",
	    error != NULL ? "Error: " : "", name), "/admin/users");
	if (done != NULL)
		page_success(&p, done);
	if (error != NULL)
		page_error_summary(&p, error, error_field);
	html_elem(&p.h, "span", "User", "class", "govuk-caption-l", NULL);
	html_elem(&p.h, "h1", name, "class", "govuk-heading-l", NULL);
	html_open(&p.h, "dl", "class", "govuk-summary-list", NULL);
	page_summary_row(&p, "Name", json_string_value(json_object_get(u, "display_name")));
	page_summary_row(&p, "Role", form_value_text(rq, kind_field(k, "role"),
	    json_object_get(u, "role")));
	if (json_string_value(json_object_get(u, "person")) != NULL)
		page_summary_row(&p, "Person", pages_name(rq, "people",
		    json_string_value(json_object_get(u, "person"))));
	page_summary_row(&p, "Status", user_status(u));
	page_summary_row(&p, "Added", form_date_text(rq, arena_printf(rq->a, "%.10s",
	    json_string_value(json_object_get(u, "created_at")) ?
	    json_string_value(json_object_get(u, "created_at")) : "")));
	html_close(&p.h, "dl");

	action_form_begin(&p, name, "Change the role", "role");
	roles = form_enum_choices(rq, kind_field(k, "role"));
	page_select(&p, "role", "Role", roles, error_field != NULL &&
	    strcmp(error_field, "#role") == 0 ? req_form(rq, "role") : role, NULL);
	json_decref(roles);
	html_elem(&p.h, "p", "Their sessions end: they sign in again with the new role. The last "
	    "administrator who can sign in keeps the role.", "class", "govuk-body", NULL);
	page_form_end(&p, "Change role");

	action_form_begin(&p, name, "Lift sign-in waits", "unlock");
	html_elem(&p.h, "p", "After several failed sign-ins each attempt must wait, up to a "
	    "quarter of an hour. Lift the waits once you know the failures were theirs.", "class",
	    "govuk-body", NULL);
	page_form_end(&p, "Lift waits");

	action_form_begin(&p, name, "Set the password", "password");
	page_input_attrs(&p, "password", "New password", "password", NULL,
	    arena_printf(rq->a, "At least %d characters", ACCOUNT_MIN_PASSWORD),
	    error_field != NULL && strcmp(error_field, "#password") == 0 ? error : NULL, "20",
	    NULL, "new-password");
	if (self)
		page_input_attrs(&p, "current_password", "Your current password", "password", NULL,
		    "Your own password is changed only with the one it replaces", NULL, "20", NULL,
		    "current-password");
	page_form_end(&p, "Set password");

	if (json_is_true(json_object_get(u, "disabled"))) {
		action_form_begin(&p, name, "Enable the user", "enable");
		page_form_end(&p, "Enable user");
	} else {
		action_form_begin(&p, name, "Disable the user", "disable");
		html_elem(&p.h, "p", "They can no longer sign in, and their sessions end. You are "
		    "asked to confirm first.", "class", "govuk-body", NULL);
		page_form_end(&p, "Disable user");
	}
	page_end(&p);
	rs->status = status;
	json_decref(u);
}

/* The page asking to confirm disabling name. */
static void
confirm_disable(struct req *rq, struct resp *rs, const char *name)
{
	struct page p;

	page_begin(&p, rq, rs, arena_printf(rq->a, "Disable %s? - Users - Waymark", name),
	    "/admin/users");
	html_elem(&p.h, "h1", arena_printf(rq->a, "Disable %s?", name), "class",
	    "govuk-heading-l", NULL);
	html_elem(&p.h, "p", "They will not be able to sign in, and every session they have open "
	    "ends now. You can enable them again later; they then sign in afresh.", "class",
	    "govuk-body", NULL);
	page_form_begin(&p, req_key_url(rq, "/admin/users/", name), "post");
	html_void(&p.h, "input", "type", "hidden", "name", "action", "value", "disable", NULL);
	html_void(&p.h, "input", "type", "hidden", "name", "confirm", "value", "yes", NULL);
	html_open(&p.h, "div", "class", "govuk-button-group", NULL);
	html_elem(&p.h, "button", "Yes, disable", "type", "submit", "class",
	    "govuk-button govuk-button--warning", "data-module", "govuk-button", NULL);
	html_elem(&p.h, "a", "No, go back", "href", req_key_url(rq, "/admin/users/", name), "class",
	    "govuk-link", NULL);
	html_close(&p.h, "div");
	html_close(&p.h, "form");
	page_end(&p);
}

/* Do action to the account name; *field is the form's field an error is about. */
static int
change_user(struct req *rq, const char *name, const char *action, const char **field,
    struct wm_err *err)
{
	json_t *ch = NULL;
	int rc, cleared;

	*field = NULL;
	if (strcmp(action, "password") == 0) {
		*field = "#password";
		return account_set_password(&rq->ctx, name, req_form(rq, "current_password"),
		    req_form(rq, "password"), rq->token, err);
	}
	if (strcmp(action, "unlock") == 0)
		return account_unlock(&rq->ctx, name, NULL, &cleared, err);
	if (strcmp(action, "role") == 0) {
		*field = "#role";
		ch = json_pack("{s:s?}", "role", req_form(rq, "role"));
	} else if (strcmp(action, "disable") == 0 || strcmp(action, "enable") == 0) {
		ch = json_pack("{s:b}", "disabled", strcmp(action, "disable") == 0);
	} else {
		return wm_error(err, WM_EINVAL, "choose what to change: the role, the sign-in waits, "
		    "the password, or whether the user may sign in");
	}
	rc = ent_set(&rq->ctx, users_kind(), name, ch, 0, NULL, err);
	json_decref(ch);
	return rc;
}

void
page_users(struct req *rq, struct resp *rs, const char *rest)
{
	struct wm_err err = WM_ERR_INIT;
	const char *name = rest, *action, *field;
	int rc;

	/* an administrator's pages: the library's rule, asked before anything is shown */
	if (authz_read(&rq->ctx, users_kind(), &err) != 0) {
		page_fail_err(rq, rs, &err);
		return;
	}
	if (strcmp(rq->method, "POST") != 0) {
		if (*rest == '\0')
			users_list(rq, rs, NULL, 200);
		else
			user_page(rq, rs, rest, NULL, NULL, 200);
		return;
	}
	if (*rest == '\0') {
		add_user(rq, rs);
		return;
	}
	/* the older form names the account in the form, not the address */
	if (strcmp(rest, "change") == 0 && req_form(rq, "username") != NULL)
		name = req_form(rq, "username");
	action = req_form(rq, "action");
	if (action == NULL)
		action = "";
	if (strcmp(action, "disable") == 0 && strcmp(rest, "change") != 0 &&
	    !(req_form(rq, "confirm") != NULL && strcmp(req_form(rq, "confirm"), "yes") == 0)) {
		json_t *u = NULL;

		/* the account must exist before anyone is asked about it */
		if (ent_get(&rq->ctx, users_kind(), name, &u, &err) != 0) {
			page_fail_err(rq, rs, &err);
			return;
		}
		json_decref(u);
		confirm_disable(rq, rs, name);
		return;
	}
	rc = change_user(rq, name, action, &field, &err);
	if (rc == WM_EPERM && strcmp(action, "password") != 0)
		page_fail_err(rq, rs, &err);
	else if (rc == WM_ENOTFOUND)
		page_fail_err(rq, rs, &err);
	else if (rc != 0)
		user_page(rq, rs, name, sentence(rq, err.msg), field, http_status(rc));
	else
		resp_redirect(rs, arena_printf(rq->a, "%s?done=%s",
		    req_key_url(rq, "/admin/users/", name), action));
}
