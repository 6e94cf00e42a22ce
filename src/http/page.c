/*
 * page.c: the page frame and form pieces of page.h.
 *
 * The frame follows GOV.UK Frontend's page template: a skip link, a header
 * with the service's name, the service navigation, the main content, a
 * footer. No script or style is inline (the Content-Security-Policy
 * forbids it): app.js starts the components, and without it every page
 * and form still works.
 */
#include "base/wm.h"

#include "base/date.h"
#include "http/page.h"
#include "report/md.h"
#include "report/reports.h"

static const struct {
	const char *href, *text;
	bool admin;
} nav_items[] = {
	{ "/", "Dashboard", false },
	{ "/my", "My work", false },
	{ "/framework", "Framework", false },
	{ "/pis", "Indicators", false },
	{ "/exceptions", "Exceptions", false },
	{ "/recommendations", "Recommendations", false },
	{ "/projects", "Projects", false },
	{ "/timetable", "Timetable", false },
	{ "/committees", "Committees", false },
	{ "/themes", "Themes", false },
	{ "/reports", "Reports", false },
	{ "/records", "Records", false },
	{ "/audit", "Audit log", false },
	{ "/admin/users", "Users", true },
};

static void
header(struct page *p, const char *nav)
{
	struct html *h = &p->h;
	const struct req *rq = p->rq;

	html_open(h, "header", "class", "govuk-template__header", NULL);
	html_open(h, "div", "class", "govuk-service-navigation", "data-module",
	    "govuk-service-navigation", NULL);
	html_open(h, "div", "class", "govuk-width-container", NULL);
	html_open(h, "div", "class", "govuk-service-navigation__container", NULL);
	html_open(h, "span", "class", "govuk-service-navigation__service-name", NULL);
	html_elem(h, "a", "Waymark", "href", "/", "class", "govuk-service-navigation__link", NULL);
	html_close(h, "span");
	html_open(h, "nav", "aria-label", "Menu", "class", "govuk-service-navigation__wrapper", NULL);
	html_elem(h, "button", "Menu", "type", "button", "class",
	    "govuk-service-navigation__toggle govuk-js-service-navigation-toggle",
	    "aria-controls", "navigation", "hidden", "", "aria-hidden", "true", NULL);
	html_open(h, "ul", "class", "govuk-service-navigation__list", "id", "navigation", NULL);
	for (size_t i = 0; i < WM_ARRAY_LEN(nav_items); i++) {
		bool current = nav != NULL && strcmp(nav, nav_items[i].href) == 0;

		if (nav_items[i].admin && (!rq->logged_in || rq->ctx.role != ROLE_ADMIN))
			continue;
		if ((strcmp(nav_items[i].href, "/audit") == 0 || strcmp(nav_items[i].href, "/my") == 0 ||
		    strcmp(nav_items[i].href, "/records") == 0) && !rq->logged_in)
			continue;
		/* the audit log is the planners' (authz_audit) */
		if (strcmp(nav_items[i].href, "/audit") == 0 && rq->ctx.role != ROLE_PLANNER &&
		    rq->ctx.role != ROLE_ADMIN)
			continue;
		html_open(h, "li", "class", current ? "govuk-service-navigation__item "
		    "govuk-service-navigation__item--active" : "govuk-service-navigation__item", NULL);
		/* "page" on the item's own page; "true" on the pages under it (a record, a form) */
		html_open(h, "a", "class", "govuk-service-navigation__link", "href", nav_items[i].href,
		    "aria-current", !current ? NULL : strcmp(rq->path, nav_items[i].href) == 0 ?
		    "page" : "true", NULL);
		if (current)
			html_elem(h, "strong", nav_items[i].text, "class",
			    "govuk-service-navigation__active-fallback", NULL);
		else
			html_text(h, nav_items[i].text);
		html_close(h, "a");
		html_close(h, "li");
	}
	html_open(h, "li", "class", "govuk-service-navigation__item", NULL);
	if (rq->logged_in) {
		html_open(h, "form", "method", "post", "action", "/logout", "class", "wm-inline-form",
		    NULL);
		html_void(h, "input", "type", "hidden", "name", "csrf_token", "value", rq->sess.csrf,
		    NULL);
		html_open(h, "button", "type", "submit", "class",
		    "govuk-button govuk-button--secondary govuk-!-margin-bottom-0", NULL);
		/* whose session it is: their name (else the person they are, else their user name) */
		html_textf(h, "Sign out %s", rq->sess.user.display_name);
		html_close(h, "button");
		html_close(h, "form");
	} else {
		html_elem(h, "a", "Sign in", "class", "govuk-service-navigation__link", "href",
		    "/login", NULL);
	}
	html_close(h, "li");
	html_close(h, "ul");
	html_close(h, "nav");
	/* the site-wide search, on every page of someone who may read (not the search's own) */
	if (route_may_read(rq) && strcmp(rq->path, "/search") != 0 &&
	    strcmp(rq->path, "/login") != 0) {
		html_open(h, "div", "role", "search", "class", "wm-header-search wm-no-print", NULL);
		html_open(h, "form", "method", "get", "action", "/search", NULL);
		html_elem(h, "label", "Search Waymark", "for", "header-search", "class",
		    "govuk-visually-hidden", NULL);
		html_void(h, "input", "type", "search", "name", "q", "id", "header-search", "class",
		    "govuk-input wm-header-search__input", "autocomplete", "off", "placeholder",
		    "Search", NULL);
		html_elem(h, "button", "Search", "type", "submit", "class",
		    "govuk-button govuk-button--secondary govuk-!-margin-bottom-0", NULL);
		html_close(h, "form");
		html_close(h, "div");
	}
	html_close(h, "div");
	html_close(h, "div");
	html_close(h, "div");
	html_close(h, "header");
}

void
page_begin(struct page *p, struct req *rq, struct resp *rs, const char *title, const char *nav)
{
	struct html *h = &p->h;

	p->rq = rq;
	p->rs = rs;
	rs->status = 200;
	rs->type = "text/html; charset=utf-8";
	buf_reset(&rs->body);
	html_init(h, &rs->body);
	html_trusted(h, "<!DOCTYPE html>\n");
	html_open(h, "html", "lang", "en", "class", "govuk-template", NULL);
	html_open(h, "head", NULL);
	html_void(h, "meta", "charset", "utf-8", NULL);
	html_elem(h, "title", title, NULL);
	html_void(h, "meta", "name", "viewport", "content",
	    "width=device-width, initial-scale=1, viewport-fit=cover", NULL);
	html_void(h, "meta", "name", "theme-color", "content", "#1d70b8", NULL);
	html_void(h, "link", "rel", "icon", "href", "/assets/favicon.svg", "type", "image/svg+xml",
	    NULL);
	html_void(h, "link", "rel", "stylesheet", "href", "/assets/govuk-frontend.min.css", NULL);
	html_void(h, "link", "rel", "stylesheet", "href", "/assets/app.css", NULL);
	html_close(h, "head");
	html_open(h, "body", "class", "govuk-template__body", NULL);
	html_elem(h, "a", "Skip to main content", "href", "#main-content", "class",
	    "govuk-skip-link", "data-module", "govuk-skip-link", NULL);
	header(p, nav);
	html_open(h, "div", "class", "govuk-width-container", NULL);
	if (!rq->logged_in && rq->cfg->public_read && strcmp(rq->path, "/login") != 0) {
		html_open(h, "div", "class", "govuk-phase-banner wm-no-print", NULL);
		html_open(h, "p", "class", "govuk-phase-banner__content", NULL);
		html_elem(h, "strong", "Public", "class", "govuk-tag govuk-phase-banner__content__tag",
		    NULL);
		html_elem(h, "span", "You are seeing what has been published. Sign in to see more.",
		    "class", "govuk-phase-banner__text", NULL);
		html_close(h, "p");
		html_close(h, "div");
	}
	html_open(h, "main", "class", "govuk-main-wrapper", "id", "main-content", NULL);
}

void
page_end(struct page *p)
{
	struct html *h = &p->h;

	html_close(h, "main");
	html_close(h, "div");
	html_open(h, "footer", "class", "govuk-footer", NULL);
	html_open(h, "div", "class", "govuk-width-container", NULL);
	html_open(h, "div", "class", "govuk-footer__meta", NULL);
	html_open(h, "div", "class", "govuk-footer__meta-item govuk-footer__meta-item--grow", NULL);
	html_elem(h, "h2", "Support links", "class", "govuk-visually-hidden", NULL);
	html_open(h, "ul", "class", "govuk-footer__inline-list", NULL);
	html_open(h, "li", "class", "govuk-footer__inline-list-item", NULL);
	html_elem(h, "a", "API", "class", "govuk-footer__link", "href", "/api/v1/openapi.json",
	    NULL);
	html_close(h, "li");
	html_close(h, "ul");
	html_elem(h, "span", "Waymark " WAYMARK_VERSION ": planning and performance",
	    "class", "govuk-footer__licence-description", NULL);
	html_close(h, "div");
	html_close(h, "div");
	html_close(h, "div");
	html_close(h, "footer");
	html_void(h, "script", "type", "module", "src", "/assets/app.js", NULL);
	html_close(h, "script");
	html_close(h, "body");
	html_close(h, "html");
}

void
page_doc(struct req *rq, struct resp *rs, const char *title, const char *nav,
    const struct rdoc *d)
{
	struct page p;

	page_begin(&p, rq, rs, title, nav);
	page_rdoc(&p, d);
	page_end(&p);
}

void
page_fail(struct req *rq, struct resp *rs, int status, const char *title, const char *msg)
{
	struct page p;

	page_begin(&p, rq, rs, title, NULL);
	html_elem(&p.h, "h1", title, "class", "govuk-heading-l", NULL);
	html_elem(&p.h, "p", msg, "class", "govuk-body", NULL);
	html_open(&p.h, "p", "class", "govuk-body", NULL);
	html_elem(&p.h, "a", "Go to the dashboard", "href", "/", "class", "govuk-link", NULL);
	html_close(&p.h, "p");
	page_end(&p);
	rs->status = status;
}

void
page_fail_err(struct req *rq, struct resp *rs, const struct wm_err *err)
{
	int status = http_status(err->code);
	const char *title = status == 404 ? "Page not found" : status == 403 ?
	    "You cannot do that" : status >= 500 ? "Sorry, there is a problem" :
	    "There is a problem";

	/* the database's own words stay in the server's log (req.h: log_note) */
	if (status >= 500 && err->code != WM_ESCHEMA && err->code != WM_ETIMEOUT) {
		page_fail(rq, rs, status, title, "Waymark could not do that. The failure has been "
		    "recorded. Try again later.");
		rs->log_note = arena_strdup(rq->a, err->msg);
		return;
	}
	page_fail(rq, rs, status, title, err->msg[0] ? err->msg : wm_code_name(err->code));
}

void
page_login_redirect(struct req *rq, struct resp *rs)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "/login?next=");
	http_url_escape(&b, rq->path);
	resp_redirect(rs, buf_str(&b));
	buf_release(&b);
}

void
page_rdoc(struct page *p, const struct rdoc *d)
{
	struct wm_err err = WM_ERR_INIT;

	rdoc_write(d, RF_HTML_BODY, &p->rs->body, &err);
}

void
page_heading(struct page *p, const struct rdoc *d)
{
	html_elem(&p->h, "h1", rdoc_title(d), "class", "govuk-heading-l", NULL);
}

void
page_rdoc_untitled(struct page *p, const struct rdoc *d)
{
	rdoc_write_html_untitled(d, &p->rs->body);
}

void
page_report_page(struct req *rq, struct resp *rs, const char *title, const char *nav,
    const char *report, void (*form)(struct page *p, const json_t *data, const char *error,
    const char *bad))
{
	struct wm_err err = WM_ERR_INIT;
	const struct report *r = report_find(report);
	struct ropt_errors errs = { 0 };
	struct rdoc *d = NULL;
	const char *bad, *msg, *own = NULL;
	enum rformat f = RF_HTML_BODY;
	struct page p;
	int rc;

	if (r != NULL && http_report_format(r, req_query(rq, "format"), &f, &own, &err) != 0) {
		char names[REPORT_MAX_FORMATS][16];
		size_t n = report_formats(r, names, REPORT_MAX_FORMATS);
		struct buf list = BUF_INIT;

		for (size_t i = 0; i < n; i++)
			if (strcmp(names[i], "html_body") != 0)
				buf_addf(&list, "%s%s", list.len ? ", " : "", names[i]);
		page_fail(rq, rs, 400, "There is no such download", arena_printf(rq->a, "This "
		    "report downloads as %s.", buf_str(&list)));
		buf_release(&list);
		return;
	}
	if (r == NULL)
		rc = wm_error(&err, WM_ENOTFOUND, "there is no report called \"%s\"", report);
	else
		rc = http_run_report_query(rq, r, &d, &errs, &err);
	/* ?format=: the report to take away, as the API and the command line write it */
	if (rc == 0 && (f != RF_HTML_BODY || own != NULL)) {
		http_send_report(rq, rs, r, d, f, own, true);
		rdoc_free(d);
		return;
	}
	/* an option's problem in the words of its field, as a form labels it */
	bad = errs.n > 0 && errs.e[0].opt != NULL ? errs.e[0].name : NULL;
	msg = bad != NULL ? arena_printf(rq->a, "%s: %s", errs.e[0].opt->label, errs.e[0].msg) :
	    err.msg;
	if (rc == 0) {
		page_begin(&p, rq, rs, arena_printf(rq->a, "%s - Waymark", title), nav);
		if (form != NULL) {
			/* the heading first, then the form, then what it chose */
			json_t *data = rdoc_json(d);

			page_heading(&p, d);
			form(&p, data, NULL, NULL);
			json_decref(data);
			page_rdoc_untitled(&p, d);
		} else {
			page_rdoc(&p, d);
		}
		page_end(&p);
	} else if (form == NULL || r == NULL) {
		if (bad != NULL)
			snprintf(err.msg, sizeof(err.msg), "%s", msg);
		page_fail_err(rq, rs, &err);
	} else {
		/* GOV.UK's pattern: "Error:" in the title, the summary first, the form again. */
		page_begin(&p, rq, rs, arena_printf(rq->a, "Error: %s - Waymark", title), nav);
		page_error_summary(&p, msg, bad ? arena_printf(rq->a, "#%s", bad) : NULL);
		html_elem(&p.h, "h1", title, "class", "govuk-heading-l", NULL);
		form(&p, NULL, msg, bad);
		page_end(&p);
		rs->status = http_status(err.code);
	}
	rdoc_free(d);
}

void
page_md(struct page *p, const char *text)
{
	md_html(&p->h, text);
}

const char *
req_key_url(struct req *rq, const char *prefix, const char *key)
{
	struct buf b = BUF_INIT;
	char *s;

	buf_adds(&b, prefix);
	http_path_escape(&b, key);
	s = arena_strdup(rq->a, buf_str(&b));
	buf_release(&b);
	return s;
}

const char *
page_key_url(struct page *p, const char *prefix, const char *key)
{
	return req_key_url(p->rq, prefix, key);
}

void
page_error_summary(struct page *p, const char *msg, const char *href)
{
	json_t *one = json_pack("[{s:s, s:s?}]", "message", msg, "href", href);

	page_error_list(p, one);
	json_decref(one);
}

void
page_error_list(struct page *p, const json_t *errors)
{
	struct html *h = &p->h;

	if (json_array_size(errors) == 0)
		return;
	html_open(h, "div", "class", "govuk-error-summary", "data-module", "govuk-error-summary",
	    NULL);
	html_open(h, "div", "role", "alert", NULL);
	html_elem(h, "h2", "There is a problem", "class", "govuk-error-summary__title", NULL);
	html_open(h, "div", "class", "govuk-error-summary__body", NULL);
	html_open(h, "ul", "class", "govuk-list govuk-error-summary__list", NULL);
	for (size_t i = 0; i < json_array_size(errors); i++) {
		const json_t *e = json_array_get(errors, i);
		const char *href = json_string_value(json_object_get(e, "href"));
		const char *msg = json_string_value(json_object_get(e, "message"));

		html_open(h, "li", NULL);
		if (href != NULL)
			html_elem(h, "a", msg, "href", href, NULL);
		else
			html_text(h, msg);
		html_close(h, "li");
	}
	html_close(h, "ul");
	html_close(h, "div");
	html_close(h, "div");
	html_close(h, "div");
}

void
page_summary_row(struct page *p, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	html_open(&p->h, "div", "class", "govuk-summary-list__row", NULL);
	html_elem(&p->h, "dt", label, "class", "govuk-summary-list__key", NULL);
	html_elem(&p->h, "dd", value, "class", "govuk-summary-list__value", NULL);
	html_close(&p->h, "div");
}

void
page_success(struct page *p, const char *msg)
{
	struct html *h = &p->h;

	html_open(h, "div", "class", "govuk-notification-banner govuk-notification-banner--success",
	    "role", "alert", "aria-labelledby", "success-title", "data-module",
	    "govuk-notification-banner", NULL);
	html_open(h, "div", "class", "govuk-notification-banner__header", NULL);
	html_elem(h, "h2", "Success", "class", "govuk-notification-banner__title", "id",
	    "success-title", NULL);
	html_close(h, "div");
	html_open(h, "div", "class", "govuk-notification-banner__content", NULL);
	html_elem(h, "p", msg, "class", "govuk-notification-banner__heading", NULL);
	html_close(h, "div");
	html_close(h, "div");
}

void
page_form_begin(struct page *p, const char *action, const char *method)
{
	html_open(&p->h, "form", "method", method, "action", action, "novalidate", "", NULL);
	if (strcmp(method, "post") == 0 && p->rq->logged_in)
		html_void(&p->h, "input", "type", "hidden", "name", "csrf_token", "value",
		    p->rq->sess.csrf, NULL);
}

void
page_form_end(struct page *p, const char *button)
{
	html_elem(&p->h, "button", button, "type", "submit", "class", "govuk-button",
	    "data-module", "govuk-button", NULL);
	html_close(&p->h, "form");
}

const char *
page_group_begin(struct page *p, const char *name, const char *label, const char *hint,
    const char *error)
{
	struct html *h = &p->h;
	struct buf ids = BUF_INIT;
	const char *described;

	html_open(h, "div", "class", error ? "govuk-form-group govuk-form-group--error" :
	    "govuk-form-group", NULL);
	html_elem(h, "label", label, "class", "govuk-label", "for", name, NULL);
	if (hint != NULL) {
		buf_addf(&ids, "%s-hint", name);
		html_elem(h, "div", hint, "class", "govuk-hint", "id", buf_str(&ids), NULL);
	}
	if (error != NULL) {
		buf_addf(&ids, "%s%s-error", ids.len ? " " : "", name);
		html_open(h, "p", "class", "govuk-error-message", "id", arena_printf(p->rq->a,
		    "%s-error", name), NULL);
		html_elem(h, "span", "Error:", "class", "govuk-visually-hidden", NULL);
		html_textf(h, " %s", error);
		html_close(h, "p");
	}
	described = ids.len ? arena_strdup(p->rq->a, buf_str(&ids)) : NULL;
	buf_release(&ids);
	return described;
}

void
page_input(struct page *p, const char *name, const char *label, const char *type,
    const char *value, const char *hint, const char *error, const char *width)
{
	page_input_attrs(p, name, label, type, value, hint, error, width, NULL,
	    strcmp(type, "password") == 0 ? "current-password" : NULL);
}

void
page_input_attrs(struct page *p, const char *name, const char *label, const char *type,
    const char *value, const char *hint, const char *error, const char *width,
    const char *inputmode, const char *autocomplete)
{
	const char *described = page_group_begin(p, name, label, hint, error);
	const char *cls = arena_printf(p->rq->a, "govuk-input%s%s%s", width ? " govuk-input--width-" :
	    "", width ? width : "", error ? " govuk-input--error" : "");

	html_void(&p->h, "input", "class", cls, "id", name, "name", name, "type", type,
	    "value", value != NULL ? value : "", "aria-describedby", described,
	    "inputmode", inputmode, "spellcheck", inputmode != NULL ? "false" : NULL,
	    "autocomplete", autocomplete, NULL);
	html_close(&p->h, "div");
}

void
page_textarea(struct page *p, const char *name, const char *label, const char *value,
    const char *hint, const char *error)
{
	const char *described = page_group_begin(p, name, label, hint, error);

	html_open(&p->h, "textarea", "class", error ? "govuk-textarea govuk-textarea--error" :
	    "govuk-textarea", "id", name, "name", name, "rows", "5", "aria-describedby", described,
	    NULL);
	html_text(&p->h, value);
	html_close(&p->h, "textarea");
	html_close(&p->h, "div");
}

void
page_select(struct page *p, const char *name, const char *label, const json_t *options,
    const char *selected, const char *blank)
{
	struct html *h = &p->h;

	page_group_begin(p, name, label, NULL, NULL);
	html_open(h, "select", "class", "govuk-select", "id", name, "name", name, NULL);
	if (blank != NULL)
		html_elem(h, "option", blank, "value", "", "selected", selected == NULL ||
		    *selected == '\0' ? "" : NULL, NULL);
	for (size_t i = 0; i < json_array_size(options); i++) {
		const json_t *o = json_array_get(options, i);
		const char *v = json_string_value(json_is_array(o) ? json_array_get(o, 0) : o);
		const char *text = json_is_array(o) ? json_string_value(json_array_get(o, 1)) : v;

		if (v == NULL)
			continue;
		html_elem(h, "option", text != NULL && *text != '\0' ? text : v, "value", v, "selected",
		    selected != NULL && strcmp(selected, v) == 0 ? "" : NULL, NULL);
	}
	html_close(h, "select");
	html_close(h, "div");
}

void
page_checkbox(struct page *p, const char *name, const char *label, bool checked)
{
	struct html *h = &p->h;

	html_open(h, "div", "class", "govuk-form-group", NULL);
	html_open(h, "div", "class", "govuk-checkboxes govuk-checkboxes--small", "data-module",
	    "govuk-checkboxes", NULL);
	html_open(h, "div", "class", "govuk-checkboxes__item", NULL);
	html_void(h, "input", "class", "govuk-checkboxes__input", "id", name, "name", name,
	    "type", "checkbox", "value", "yes", "checked", checked ? "" : NULL, NULL);
	html_elem(h, "label", label, "class", "govuk-label govuk-checkboxes__label", "for", name,
	    NULL);
	html_close(h, "div");
	html_close(h, "div");
	html_close(h, "div");
}

void
page_pagination(struct page *p, size_t pageno, size_t pages, const char *path, const char *query)
{
	struct html *h = &p->h;

	if (pages <= 1)
		return;
	html_open(h, "nav", "class", "govuk-pagination", "aria-label", "Pages", NULL);
	for (int dir = -1; dir <= 1; dir += 2) {
		size_t to = pageno + (size_t)dir;

		if ((dir < 0 && pageno <= 1) || (dir > 0 && pageno >= pages))
			continue;
		html_open(h, "div", "class", dir < 0 ? "govuk-pagination__prev" :
		    "govuk-pagination__next", NULL);
		html_open(h, "a", "class", "govuk-link govuk-pagination__link", "href",
		    arena_printf(p->rq->a, "%s?page=%zu%s%s", path, to, query ? "&" : "",
		    query ? query : ""), "rel", dir < 0 ? "prev" : "next", NULL);
		html_elem(h, "span", dir < 0 ? "Previous" : "Next", "class",
		    "govuk-pagination__link-title", NULL);
		html_elem(h, "span", arena_printf(p->rq->a, "page %zu of %zu", to, pages), "class",
		    "govuk-pagination__link-label", NULL);
		html_close(h, "a");
		html_close(h, "div");
	}
	html_close(h, "nav");
}

bool
page_local_path(const char *path)
{
	/* "/x...", never "//host" or "/\host", and nothing a header or a log could be split by */
	if (path == NULL || path[0] != '/' || path[1] == '/' || path[1] == '\\')
		return false;
	for (const unsigned char *c = (const unsigned char *)path; *c != '\0'; c++)
		if (*c < 0x21 || *c == 0x7f)
			return false;
	return true;
}

int
page_today(const struct req *rq, char *iso)
{
	int today = date_from_time(rq->ctx.now);

	if (iso != NULL)
		date_format_iso(today, iso);
	return today;
}
