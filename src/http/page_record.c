/*
 * page_record.c: the pages every kind of record has, made from its
 * description: its list, a record's page, and the forms that add, change
 * and remove records (form.h writes their fields).
 *
 *   GET       /KIND                  the records, a page at a time
 *   GET       /KIND/KEY              one record (kinds with no page of their own)
 *   GET, POST /KIND/new              add one (?FIELD=V fills in a field; ?back=/path)
 *   GET, POST /KIND/KEY/edit         change one
 *   GET, POST /KIND/KEY/remove       remove one, after saying what that means
 *   GET       /records               every kind, with its list and add form
 *
 * The library decides who may do what (authz.c): a form is offered only to
 * someone who might use it, and what they send is still checked by the
 * write itself. Nothing typed is lost: a form with mistakes comes back as
 * it was sent with every mistake listed; a change someone else made in the
 * meantime is shown beside the one typed; a session that ended before the
 * form was sent sends it through the sign-in form and back (page_login.c).
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/str.h"
#include "http/form.h"
#include "http/list.h"
#include "http/page.h"
#include "http/pages.h"
#include "model/authz.h"
#include "model/ent.h"
#include "model/track.h"

/* Kinds with forms here: not those Waymark records itself, nor accounts (the admin pages). */
static bool
has_forms(const struct kind *k)
{
	return !(k->flags & KF_READONLY) && strcmp(k->name, "users") != 0 &&
	    strcmp(k->name, "comments") != 0;
}

/* The navigation item a kind's pages come under. */
static const char *
nav_of(struct req *rq, const struct kind *k)
{
	static const char *const own[] = { "pis", "recommendations", "projects", "committees",
		"themes" };

	for (size_t i = 0; i < WM_ARRAY_LEN(own); i++)
		if (strcmp(k->name, own[i]) == 0)
			return arena_printf(rq->a, "/%s", own[i]);
	return "/records";
}

static const char *
lower(struct req *rq, const char *s)
{
	char *c = arena_strdup(rq->a, s);

	c[0] = (char)tolower((unsigned char)c[0]);
	return c;
}

/* Where to go after a form: ?back= or the form's hidden back, if it is a path on this site. */
static const char *
back_to(struct req *rq)
{
	const char *b = req_form(rq, "back");

	if (b == NULL)
		b = req_query(rq, "back");
	return page_local_path(b) ? b : NULL;
}

static void
hidden(struct page *p, const char *name, const char *value)
{
	if (value != NULL)
		html_void(&p->h, "input", "type", "hidden", "name", name, "value", value, NULL);
}

static void
buttons(struct page *p, const char *save, const char *cancel, bool warning)
{
	struct html *h = &p->h;

	html_open(h, "div", "class", "govuk-button-group", NULL);
	html_elem(h, "button", save, "type", "submit", "class", warning ?
	    "govuk-button govuk-button--warning" : "govuk-button", "data-module", "govuk-button",
	    "data-prevent-double-click", "true", NULL);
	html_elem(h, "a", "Cancel", "href", cancel, "class", "govuk-link", NULL);
	html_close(h, "div");
	html_close(h, "form");
}

static void
resumed_banner(struct page *p)
{
	struct html *h = &p->h;

	if (!p->rq->resumed)
		return;
	html_open(h, "div", "class", "govuk-notification-banner", "role", "region",
	    "aria-labelledby", "resumed-title", "data-module", "govuk-notification-banner", NULL);
	html_open(h, "div", "class", "govuk-notification-banner__header", NULL);
	html_elem(h, "h2", "Important", "class", "govuk-notification-banner__title", "id",
	    "resumed-title", NULL);
	html_close(h, "div");
	html_open(h, "div", "class", "govuk-notification-banner__content", NULL);
	html_elem(h, "p", "You were signed out before the form was sent, so nothing has been "
	    "saved yet. You are signed in again and the form is as you left it: check it, then "
	    "save it.", "class", "govuk-notification-banner__heading", NULL);
	html_close(h, "div");
	html_close(h, "div");
}

/* The summary list of a record's fields: references by name, linking to what they name. */
static void
record_summary(struct page *p, const struct kind *k, const json_t *rec, bool keys_only)
{
	struct html *h = &p->h;
	struct req *rq = p->rq;

	html_open(h, "dl", "class", "govuk-summary-list", NULL);
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		const json_t *v = json_object_get(rec, f->name);

		if ((f->flags & FF_SECRET) || (keys_only && !(f->flags & FF_KEY)) ||
		    (k->fixed_col != NULL && f->col != NULL && strcmp(f->col, k->fixed_col) == 0))
			continue;
		html_open(h, "div", "class", "govuk-summary-list__row", NULL);
		html_elem(h, "dt", form_label(rq, f), "class", "govuk-summary-list__key", NULL);
		html_open(h, "dd", "class", "govuk-summary-list__value", NULL);
		if ((f->type == FT_REF || f->type == FT_LINKS) && v != NULL && !json_is_null(v)) {
			size_t n = json_is_array(v) ? json_array_size(v) : 1;

			for (size_t i = 0; i < n; i++) {
				const char *key = json_string_value(json_is_array(v) ? json_array_get(v, i) : v);

				if (key == NULL)
					continue;
				if (i > 0)
					html_text(h, "; ");
				html_elem(h, "a", pages_name(rq, f->target, key), "class", "govuk-link", "href",
				    pages_record_url(rq, f->target, key), NULL);
			}
		} else {
			html_text(h, form_value_text(rq, f, v));
		}
		html_close(h, "dd");
		html_close(h, "div");
	}
	html_close(h, "dl");
}

/* May the actor change (after not NULL) or remove this record? The reason if not. */
static bool
may(struct req *rq, const struct kind *k, const json_t *rec, bool removing, struct wm_err *err)
{
	if (!rq->logged_in || !has_forms(k) || !authz_may_write_kind(&rq->ctx, k))
		return false;
	return authz_write(&rq->ctx, k, rec, removing ? NULL : rec, err) == 0;
}

/* Links to change or withdraw an update, for whoever may (authz.h: its lead, for a day). */
static void
update_actions(struct page *p, const json_t *u)
{
	struct req *rq = p->rq;
	const struct kind *k = kind_find("progress");
	struct wm_err err = WM_ERR_INIT;
	const char *url;
	bool edit, rm;

	if (!rq->logged_in)
		return;
	edit = authz_write(&rq->ctx, k, u, u, &err) == 0;
	rm = authz_write(&rq->ctx, k, u, NULL, &err) == 0;
	if (!edit && !rm)
		return;
	url = pages_record_url(rq, "progress", pages_key(rq, "progress", u));
	html_open(&p->h, "p", "class", "govuk-body-s wm-no-print", NULL);
	if (edit) {
		html_open(&p->h, "a", "class", "govuk-link", "href", arena_printf(rq->a, "%s/edit?back=%s",
		    url, req_key_url(rq, "", rq->path)), NULL);
		html_text(&p->h, "Change");
		html_elem(&p->h, "span", arena_printf(rq->a, " the update of %s",
		    pages_text(rq, u, "date")), "class", "govuk-visually-hidden", NULL);
		html_close(&p->h, "a");
	}
	if (edit && rm)
		html_text(&p->h, " \xc2\xb7 ");
	if (rm) {
		html_open(&p->h, "a", "class", "govuk-link", "href", arena_printf(rq->a, "%s/remove",
		    url), NULL);
		html_text(&p->h, "Withdraw");
		html_elem(&p->h, "span", arena_printf(rq->a, " the update of %s",
		    pages_text(rq, u, "date")), "class", "govuk-visually-hidden", NULL);
		html_close(&p->h, "a");
	}
	html_close(&p->h, "p");
}

void
page_progress(struct page *p, const json_t *prog)
{
	struct html *h = &p->h;

	html_elem(h, "h2", "Progress", "class", "govuk-heading-m", "id", "progress", NULL);
	if (json_array_size(prog) == 0)
		html_elem(h, "p", "No progress has been reported yet.", "class", "govuk-body", NULL);
	for (size_t i = json_array_size(prog); i > 0; i--) {
		const json_t *u = json_array_get(prog, i - 1);
		const char *deg = pages_text(p->rq, u, "degree_met");
		const char *by = pages_text(p->rq, u, "author");
		const json_t *pc = json_object_get(u, "percent_complete");

		/* each update's grade and percentage, as it stood at that date */
		html_elem(h, "h3", arena_printf(p->rq->a, "%s%s%s%s", pages_text(p->rq, u, "date"),
		    *deg ? ": " : "", deg, json_is_number(pc) ? arena_printf(p->rq->a, "%s%.0f%% complete",
		    *deg ? ", " : ": ", json_number_value(pc)) : ""), "class", "govuk-heading-s", NULL);
		if (*by)
			html_elem(h, "p", arena_printf(p->rq->a, "Reported by %s", by), "class",
			    "govuk-body-s wm-meta", NULL);
		page_md(p, json_string_value(json_object_get(u, "text")));
		update_actions(p, u);
	}
}

/*
 * What a tracked item's page shows of the register (model/track.h) beside
 * its fields: where it stands, its updates, and the button to add one,
 * through the progress kind's own form, for whoever may (its lead).
 * Recommendations have a page of their own (page_recs.c).
 */
void
page_tracked(struct page *p, const struct kind *k, const json_t *rec)
{
	static const char *const facts[][2] = { { "RAG", "rag" }, { "Days overdue", "days_overdue" },
		{ "Percentage complete", "percent" }, { "Last update", "last_update" },
		{ "Days since an update", "days_since_update" } };
	const struct track_kind *t = track_kind_of(k);
	struct req *rq = p->rq;
	struct wm_err err = WM_ERR_INIT;
	const char *key = pages_key(rq, k->name, rec);
	json_t *prog = NULL, *d;

	if (t == NULL)
		return;
	html_open(&p->h, "dl", "class", "govuk-summary-list", NULL);
	for (size_t i = 0; i < WM_ARRAY_LEN(facts); i++)
		page_summary_row(p, facts[i][0], pages_text(rq, rec, facts[i][1]));
	html_close(&p->h, "dl");
	/* the public sees where it stands, not what was said (authz.c) */
	if (authz_read_quiet(&rq->ctx, "progress") &&
	    pages_list(rq, "progress", pages_where(t->on, key), &prog, &err) == 0)
		page_progress(p, prog);
	d = json_pack("{s:s}", t->on, key);
	page_record_add_link(p, kind_find("progress"), d, pages_record_url(rq, k->name, key));
	json_decref(d);
	json_decref(prog);
}

/* ---- a record's page and the list ------------------------------------- */

static void
show(struct req *rq, struct resp *rs, const struct kind *k, const char *key)
{
	struct wm_err err = WM_ERR_INIT;
	json_t *rec = NULL;
	const char *saved = req_query(rq, "saved");
	struct page p;

	if (ent_get(&rq->ctx, k, key, &rec, &err) != 0) {
		page_fail_err(rq, rs, &err);
		return;
	}
	key = pages_key(rq, k->name, rec);
	page_begin(&p, rq, rs, arena_printf(rq->a, "%s - Waymark", pages_name(rq, k->name, key)),
	    nav_of(rq, k));
	html_elem(&p.h, "span", form_choice_text(rq, form_noun(rq, k)), "class", "govuk-caption-l",
	    NULL);
	html_elem(&p.h, "h1", pages_name(rq, k->name, key), "class", "govuk-heading-l", NULL);
	if (saved != NULL)
		page_saved(&p, k, saved);
	record_summary(&p, k, rec, false);
	page_record_actions(&p, k, rec);
	page_tracked(&p, k, rec);
	if (strcmp(k->name, "meetings") == 0)
		page_meeting_papers(&p, key);
	page_end(&p);
	json_decref(rec);
}

void
page_saved(struct page *p, const struct kind *k, const char *saved)
{
	struct req *rq = p->rq;

	page_success(p, strcmp(saved, "added") == 0 ? arena_printf(rq->a, "The %s has been added.",
	    form_noun(rq, k)) : arena_printf(rq->a, "Your changes to the %s have been saved.",
	    form_noun(rq, k)));
}

void
page_record_actions(struct page *p, const struct kind *k, const json_t *rec)
{
	struct req *rq = p->rq;
	struct wm_err err = WM_ERR_INIT;
	const char *key = pages_key(rq, k->name, rec), *url = pages_record_url(rq, k->name, key);
	bool edit = may(rq, k, rec, false, &err), rm = may(rq, k, rec, true, &err);

	if (!edit && !rm)
		return;
	html_open(&p->h, "div", "class", "govuk-button-group wm-no-print", NULL);
	if (edit)
		html_elem(&p->h, "a", arena_printf(rq->a, "Change this %s", form_noun(rq, k)), "href",
		    arena_printf(rq->a, "%s/edit", url), "role", "button", "draggable", "false",
		    "class", "govuk-button govuk-button--secondary", "data-module", "govuk-button", NULL);
	if (rm)
		html_elem(&p->h, "a", arena_printf(rq->a, "Remove this %s", form_noun(rq, k)), "href",
		    arena_printf(rq->a, "%s/remove", url), "role", "button", "draggable", "false",
		    "class", "govuk-button govuk-button--warning", "data-module", "govuk-button", NULL);
	html_close(&p->h, "div");
}

void
page_record_add_link(struct page *p, const struct kind *k, const json_t *defaults,
    const char *back)
{
	struct req *rq = p->rq;
	struct wm_err err = WM_ERR_INIT;
	const char *noun = form_noun(rq, k), *name;
	struct buf url = BUF_INIT;
	json_t *v;

	if (!rq->logged_in || !has_forms(k) || !authz_may_write_kind(&rq->ctx, k) ||
	    (json_object_size(defaults) > 0 && authz_write(&rq->ctx, k, NULL, defaults, &err) != 0))
		return;
	buf_addf(&url, "/%s/new", k->name);
	json_object_foreach((json_t *)defaults, name, v) {
		buf_addc(&url, url.len > strlen(k->name) + 5 ? '&' : '?');
		http_url_escape(&url, name);
		buf_addc(&url, '=');
		http_url_escape(&url, json_string_value(v) ? json_string_value(v) : "");
	}
	if (back != NULL) {
		buf_adds(&url, json_object_size(defaults) > 0 ? "&back=" : "?back=");
		http_url_escape(&url, back);
	}
	html_open(&p->h, "p", "class", "govuk-body wm-no-print", NULL);
	html_elem(&p->h, "a", arena_printf(rq->a, "Add %s %s", form_article(noun), noun), "href",
	    buf_str(&url), "role", "button", "draggable", "false", "class",
	    "govuk-button govuk-!-margin-bottom-0", "data-module", "govuk-button", NULL);
	html_close(&p->h, "p");
	buf_release(&url);
}

/*
 * The records a list holds in memory to search, sort and download them;
 * beyond it (a decade of figures) the list is read a page at a time in
 * the kind's own order until the filters narrow it.
 */
#define LIST_HOLD_MAX 5000

/* Names of the records a column refers to, for a list's cells. */
struct names {
	const struct field *f;
	struct pages_names n;
};

static const char *
names_of(struct req *rq, const struct names *n, const json_t *v)
{
	struct buf b = BUF_INIT;
	const char *s;
	size_t count = json_is_array(v) ? json_array_size(v) : 1;

	for (size_t i = 0; i < count; i++) {
		const char *key = json_string_value(json_is_array(v) ? json_array_get(v, i) : v);

		if (key == NULL)
			continue;
		if (b.len > 0)
			buf_adds(&b, "; ");
		buf_adds(&b, pages_names_get(&n->n, key));
	}
	s = arena_strdup(rq->a, buf_str(&b));
	buf_release(&b);
	return s;
}

/* A cell of a list: a reference by name, a number as a number, a date as a date. */
static void
list_cell(struct req *rq, struct list *l, const struct field *f, const struct names *n,
    const json_t *v)
{
	if (n != NULL && v != NULL && !json_is_null(v))
		list_text(l, names_of(rq, n, v), json_is_string(v) ?
		    pages_record_url(rq, f->target, json_string_value(v)) : NULL);
	else if ((f->type == FT_INT || f->type == FT_REAL) && json_is_number(v))
		list_num(l, json_number_value(v), f->type == FT_INT ? 0 : NUM_SHORTEST, NULL);
	else if (f->type == FT_DATE)
		list_date(l, json_string_value(v));
	else
		list_text(l, form_value_text(rq, f, v), NULL);
}

/* "Project reports" as a sentence has it: "project reports" (but "OCUs" stays). */
static const char *
lower_first(struct req *rq, const char *s)
{
	char *t = arena_strdup(rq->a, s);

	if (t[0] != '\0' && islower((unsigned char)t[1]))
		t[0] = (char)tolower((unsigned char)t[0]);
	return t;
}

/* Can the list be filtered by this field with a choice of its values? */
static bool
filterable(const struct field *f)
{
	return (f->type == FT_REF || f->type == FT_LINKS || f->type == FT_ENUM ||
	    f->type == FT_BOOL) && !(f->flags & FF_SECRET);
}

/* The filters the query gives (?FIELD=value for the kind's brief fields), into where. */
static void
kind_where(struct req *rq, const struct kind *k, json_t *where, struct ent_query *q)
{
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		const char *v = req_query(rq, f->name);

		if ((f->flags & FF_BRIEF) && filterable(f) && v != NULL && *v != '\0')
			json_object_set_new(where, f->name, json_string(v));
	}
	q->where = where;
	q->from = req_query(rq, "from");
	q->to = req_query(rq, "to");
	if (q->from != NULL && *q->from == '\0')
		q->from = NULL;
	if (q->to != NULL && *q->to == '\0')
		q->to = NULL;
}

/* The filter form of a kind's list: a choice for each brief reference, choice and yes/no. */
static void
list_filters(struct page *p, const struct kind *k, const struct list *l,
    const struct names *names, size_t nnames)
{
	struct req *rq = p->rq;
	bool ranged = false;

	list_filter_begin(p, l, arena_printf(rq->a, "/%s", k->name));
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		json_t *opts = NULL;

		if (!(f->flags & FF_BRIEF) || !filterable(f) || !form_shows(k, f, false))
			continue;
		if (f->type == FT_ENUM) {
			opts = form_enum_choices(rq, f);
		} else if (f->type == FT_BOOL) {
			opts = json_pack("[[s,s],[s,s]]", "yes", "Yes", "no", "No");
		} else {
			for (size_t i = 0; i < nnames && opts == NULL; i++)
				if (names[i].f == f && json_array_size(names[i].n.choices) <= 500)
					opts = json_incref(names[i].n.choices);
		}
		if (opts != NULL)
			list_filter_select(p, f->name, form_label(rq, f), opts);
	}
	for (const struct field *f = k->fields; f->name != NULL && !ranged; f++)
		ranged = (f->type == FT_PERIOD || f->type == FT_DATE) && (f->flags & FF_BRIEF);
	if (ranged) {
		const char *hint = "A date (2005-03-31) or a period (2005-03, 2004/05, 2005)";

		html_open(&p->h, "div", "class", "govuk-grid-column-one-third", NULL);
		page_input(p, "from", "From", "text", req_query(rq, "from"), hint, NULL, "10");
		html_close(&p->h, "div");
		html_open(&p->h, "div", "class", "govuk-grid-column-one-third", NULL);
		page_input(p, "to", "To", "text", req_query(rq, "to"), NULL, NULL, "10");
		html_close(&p->h, "div");
	}
	list_filter_end(p, l);
}

static void
list(struct req *rq, struct resp *rs, const struct kind *k)
{
	struct wm_err err = WM_ERR_INIT;
	struct ent_query q = { 0 };
	const char *removed = req_query(rq, "removed");
	struct list_col cols[17];
	const struct field *shown[17], *named = NULL, *linked = NULL;
	struct names names[16];
	size_t nnames = 0, total = 0, n = 0;
	json_t *rows = NULL, *where = json_object();
	const char *noun = form_plural(rq, k);
	struct list *l;
	struct page p;
	bool paged;

	/*
	 * Each row links to its record from its name (a unit's, a post's
	 * title), else from the last part of its key (R13 of DA2002/R13);
	 * a kind whose key is not shown gets a column of keys.
	 */
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		if (f->flags & FF_NAME)
			named = f;
		if ((f->flags & FF_KEY) && (f->flags & FF_BRIEF) && form_shows(k, f, false))
			linked = f;
	}
	if (named != NULL)
		linked = named;
	shown[n] = linked;
	cols[n++] = linked == NULL ? (struct list_col){ "record", "Record", 0 } :
	    (struct list_col){ linked->name, form_label(rq, linked), 0 };
	for (const struct field *f = k->fields; f->name != NULL && n < WM_ARRAY_LEN(cols); f++)
		if ((f->flags & FF_BRIEF) && !(f->flags & FF_SECRET) && form_shows(k, f, false) &&
		    f != linked) {
			shown[n] = f;
			cols[n++] = (struct list_col){ f->name, form_label(rq, f),
			    f->type == FT_INT || f->type == FT_REAL ? LC_NUM : 0 };
			if (f->type == FT_REF || f->type == FT_LINKS) {
				names[nnames].f = f;
				pages_names_load(rq, &names[nnames++].n, f->target);
			}
		}
	kind_where(rq, k, where, &q);
	if (ent_count(&rq->ctx, k, &q, &total, &err) != 0)
		goto fail;
	/* too many to hold: a page at a time, in the kind's order, until filtered */
	paged = total > LIST_HOLD_MAX;
	if (paged) {
		const char *pg = req_query(rq, "page");
		int64_t pageno = 1;

		if (pg != NULL && (str_to_int64(pg, &pageno) != 0 || pageno < 1))
			pageno = 1;
		q.limit = LIST_PAGE_ROWS;
		q.offset = (size_t)(pageno - 1) * LIST_PAGE_ROWS;
	}
	if (ent_list(&rq->ctx, k, &q, &rows, &err) != 0)
		goto fail;
	l = list_new(rq, noun, k->name, n, cols);
	list_nouns(l, form_noun(rq, k), lower_first(rq, noun));
	if (paged)
		list_paged(l, total);
	for (size_t i = 0; i < json_array_size(rows); i++) {
		const json_t *r = json_array_get(rows, i);
		const char *key = pages_key(rq, k->name, r);

		const char *url = pages_record_url(rq, k->name, key);

		if (linked == NULL)
			list_text(l, key, url);
		else
			list_text(l, form_value_text(rq, linked, json_object_get(r, linked->name)), url);
		for (size_t c = 1; c < n; c++) {
			const struct names *nm = NULL;

			for (size_t j = 0; j < nnames && nm == NULL; j++)
				if (names[j].f == shown[c])
					nm = &names[j];
			list_cell(rq, l, shown[c], nm, json_object_get(r, shown[c]->name));
		}
		list_end_row(l);
	}
	if (list_prepare(l, rs))
		goto out;
	page_begin(&p, rq, rs, arena_printf(rq->a, "%s - Waymark", noun), nav_of(rq, k));
	if (removed != NULL)
		page_success(&p, arena_printf(rq->a, "%s has been removed.", removed));
	html_elem(&p.h, "h1", noun, "class", "govuk-heading-l", NULL);
	if (k->help != NULL)
		html_elem(&p.h, "p", arena_printf(rq->a, "%s.", form_choice_text(rq,
		    form_plain_help(rq, k->help))), "class", "govuk-body", NULL);
	page_record_add_link(&p, k, NULL, NULL);
	list_filters(&p, k, l, names, nnames);
	list_write(&p, l);
	page_end(&p);
	goto out;
fail:
	/* a filter naming no record: the form again, saying so */
	if (err.code == WM_ENOTFOUND || err.code == WM_EUSAGE || err.code == WM_EINVAL) {
		l = list_new(rq, noun, k->name, n, cols);
		list_prepare(l, rs);
		page_begin(&p, rq, rs, arena_printf(rq->a, "Error: %s - Waymark", noun), nav_of(rq, k));
		page_error_summary(&p, arena_printf(rq->a, "%c%s", toupper((unsigned char)err.msg[0]),
		    err.msg + 1), NULL);
		html_elem(&p.h, "h1", noun, "class", "govuk-heading-l", NULL);
		list_filters(&p, k, l, names, nnames);
		page_end(&p);
		rs->status = http_status(err.code);
	} else {
		page_fail_err(rq, rs, &err);
	}
out:
	for (size_t i = 0; i < nnames; i++)
		pages_names_release(&names[i].n);
	json_decref(rows);
	json_decref(where);
}

/* /records: every kind, its list and its add form. */
void
page_records_index(struct req *rq, struct resp *rs)
{
	static const char *const cols[] = { "Kind of record", "What they are", "" };
	struct rdoc *d = rdoc_new("Records");
	struct rtable *t;
	struct page p;

	rdoc_para(d, "Every kind of record Waymark keeps. Each list links to the records; "
	    "where you may add one, the add form is beside it.");
	t = rdoc_table(d, NULL, 3, cols);
	for (const struct kind *k = kinds; k->name != NULL; k++) {
		struct wm_err err = WM_ERR_INIT;
		const char *noun = form_noun(rq, k);

		if (authz_read(&rq->ctx, k, &err) != 0 || (k->flags & KF_VIEW) ||
		    strcmp(k->name, "users") == 0)
			continue;
		rtable_link(t, form_plural(rq, k), arena_printf(rq->a, "/%s", k->name));
		rtable_cell(t, k->help ? form_choice_text(rq, form_plain_help(rq, k->help)) : "");
		if (rq->logged_in && has_forms(k) && authz_may_write_kind(&rq->ctx, k))
			rtable_link(t, arena_printf(rq->a, "Add %s %s", form_article(noun), noun),
			    arena_printf(rq->a, "/%s/new", k->name));
		else
			rtable_cell(t, "");
		rtable_end_row(t);
	}
	page_begin(&p, rq, rs, "Records - Waymark", "/records");
	page_heading(&p, d);
	/* many records at once come from a file: planners upload it here */
	if (rq->logged_in && (rq->ctx.role == ROLE_PLANNER || rq->ctx.role == ROLE_ADMIN)) {
		html_open(&p.h, "p", "class", "govuk-body", NULL);
		html_elem(&p.h, "a", "Upload a file of records", "href", "/import", "class",
		    "govuk-link", NULL);
		html_text(&p.h, ": a plan, an action plan or a spreadsheet, previewed before it is "
		    "imported.");
		html_close(&p.h, "p");
	}
	page_rdoc_untitled(&p, d);
	page_end(&p);
	rdoc_free(d);
}

/* ---- the forms -------------------------------------------------------- */

struct formpage {
	const struct kind *k;
	const char *key;	/* NULL when adding */
	const json_t *rec;	/* the record as stored (changing), or the defaults (adding) */
	const json_t *errors;
	const json_t *theirs;	/* a conflicting change: the record as someone else left it */
	bool typed;		/* fill the fields from what was posted */
	const char *version;
};

/* The fields that differ between what is stored now and what was typed. */
static void
conflict_table(struct page *p, const struct kind *k, const json_t *theirs, const json_t *yours)
{
	struct html *h = &p->h;
	struct req *rq = p->rq;

	html_elem(h, "h2", "Their version and yours", "class", "govuk-heading-m", NULL);
	html_open(h, "table", "class", "govuk-table", NULL);
	html_open(h, "thead", "class", "govuk-table__head", NULL);
	html_open(h, "tr", "class", "govuk-table__row", NULL);
	html_elem(h, "th", "Field", "scope", "col", "class", "govuk-table__header", NULL);
	html_elem(h, "th", "Saved by them", "scope", "col", "class", "govuk-table__header", NULL);
	html_elem(h, "th", "Typed by you", "scope", "col", "class", "govuk-table__header", NULL);
	html_close(h, "tr");
	html_close(h, "thead");
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		const json_t *y = json_object_get(yours, f->name), *t = json_object_get(theirs, f->name);
		json_t *norm = NULL;
		bool same;
		const char *a, *b;

		if (!form_shows(k, f, true) || y == NULL)
			continue;
		/* what was typed as it would be stored, so "yes" is true and "12.50" is 12.5 */
		if (ent_normalize_field(&rq->ctx, k, f, y, &norm, NULL) != 0)
			norm = json_incref((json_t *)y);
		same = json_equal(norm, t) || ((t == NULL || json_is_null(t)) && json_is_null(norm)) ||
		    (json_is_number(norm) && json_is_number(t) &&
		    json_number_value(norm) == json_number_value(t));
		if (f->type == FT_TIMESCALE)
			same = json_equal(json_object_get(norm, "text"), json_object_get(t, "text"));
		a = form_value_text(rq, f, t);
		b = form_value_text(rq, f, norm);
		json_decref(norm);
		if (same)
			continue;
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		html_elem(h, "th", form_label(rq, f), "scope", "row", "class", "govuk-table__header",
		    NULL);
		html_elem(h, "td", a, "class", "govuk-table__cell", NULL);
		html_elem(h, "td", b, "class", "govuk-table__cell", NULL);
		html_close(h, "tr");
	}
	html_close(h, "tbody");
	html_close(h, "table");
}

static void
form_page(struct req *rq, struct resp *rs, const struct formpage *fp, int status)
{
	const struct kind *k = fp->k;
	const char *noun = form_noun(rq, k);
	const char *title = fp->key == NULL ? arena_printf(rq->a, "Add %s %s", form_article(noun),
	    noun) : arena_printf(rq->a, "Change %s", pages_name(rq, k->name, fp->key));
	const char *url = fp->key == NULL ? arena_printf(rq->a, "/%s/new", k->name) :
	    arena_printf(rq->a, "%s/edit", pages_record_url(rq, k->name, fp->key));
	const char *cancel = back_to(rq) ? back_to(rq) : fp->key != NULL ?
	    pages_record_url(rq, k->name, fp->key) : arena_printf(rq->a, "/%s", k->name);
	struct page p;

	page_begin(&p, rq, rs, arena_printf(rq->a, "%s%s - Waymark", json_array_size(fp->errors) ||
	    fp->theirs ? "Error: " : "", title), nav_of(rq, k));
	html_open(&p.h, "div", "class", "govuk-grid-row", NULL);
	html_open(&p.h, "div", "class", "govuk-grid-column-two-thirds", NULL);
	page_error_list(&p, fp->errors);
	if (fp->theirs != NULL)
		page_error_summary(&p, arena_printf(rq->a, "Someone else changed this %s while you were "
		    "changing it. Their version is below beside yours, and your changes are still in the "
		    "form: save it to replace theirs with yours, or cancel to keep theirs.", noun), NULL);
	resumed_banner(&p);
	html_elem(&p.h, "span", fp->key == NULL ? form_plural(rq, k) : form_choice_text(rq, noun),
	    "class", "govuk-caption-l", NULL);
	html_elem(&p.h, "h1", title, "class", "govuk-heading-l", NULL);
	if (fp->theirs != NULL)
		conflict_table(&p, k, fp->theirs, fp->typed ? form_read(rq, k, true, json_array()) :
		    NULL);
	if (fp->key != NULL)
		record_summary(&p, k, fp->rec, true);
	page_form_begin(&p, url, "post");
	hidden(&p, "back", back_to(rq));
	hidden(&p, "version", fp->version);
	form_fields(&p, k, fp->rec, fp->typed, fp->errors, fp->key != NULL);
	buttons(&p, fp->key == NULL ? arena_printf(rq->a, "Add %s", noun) : "Save changes", cancel,
	    false);
	html_close(&p.h, "div");
	html_close(&p.h, "div");
	page_end(&p);
	rs->status = status;
}

/*
 * After a write (rc): go back where the form came from, or to the record
 * saying it was saved; if the write was refused, the form again saying
 * why (or a page saying it, when no field of the form can put it right).
 */
static void
written(struct req *rq, struct resp *rs, const struct formpage *fp, int rc,
    const struct wm_err *err, json_t *errors, const json_t *row, const char *saved)
{
	const struct kind *k = fp->k;

	if (rc == 0 && back_to(rq) != NULL) {
		resp_redirect(rs, back_to(rq));
	} else if (rc == 0) {
		resp_redirect(rs, arena_printf(rq->a, "%s?saved=%s", pages_record_url(rq, k->name,
		    pages_key(rq, k->name, row)), saved));
	} else if (rc == WM_EPERM || http_status(rc) >= 500) {
		page_fail_err(rq, rs, err);
	} else {
		form_write_error(rq, k, err, errors);
		form_page(rq, rs, fp, http_status(rc));
	}
}

/* The defaults of a new record: the query's parameters that name its fields. */
static json_t *
defaults(struct req *rq, const struct kind *k)
{
	json_t *d = json_object();

	for (size_t i = 0; i < rq->query.n; i++) {
		const struct field *f = kind_field(k, rq->query.v[i].name);

		if (f != NULL && *rq->query.v[i].value != '\0')
			json_object_set_new(d, f->name, f->type == FT_LINKS ?
			    json_pack("[s]", rq->query.v[i].value) : json_string(rq->query.v[i].value));
	}
	return d;
}

static void
add(struct req *rq, struct resp *rs, const struct kind *k)
{
	struct wm_err err = WM_ERR_INIT;
	struct formpage fp = { k, NULL, NULL, NULL, NULL, false, NULL };
	json_t *errors = json_array(), *fields = NULL, *created = NULL, *dflt = defaults(rq, k);
	bool post = strcmp(rq->method, "POST") == 0;
	const char *noun = form_noun(rq, k);
	int rc;

	if (!rq->logged_in || !authz_may_write_kind(&rq->ctx, k)) {
		page_fail(rq, rs, 403, "You cannot do that", arena_printf(rq->a, "Your account may "
		    "not add %s %s.", form_article(noun), noun));
		goto out;
	}
	/* what it is to be added to (?pi=, ?recommendation=): one the actor may add to? */
	if (!post && json_object_size(dflt) > 0 && authz_write(&rq->ctx, k, NULL, dflt, &err) == WM_EPERM) {
		page_fail(rq, rs, 403, "You cannot do that", err.msg);
		goto out;
	}
	fp.rec = dflt;
	fp.errors = errors;
	fp.typed = post || rq->resumed;
	if (!post) {
		form_page(rq, rs, &fp, 200);
		goto out;
	}
	fields = form_read(rq, k, false, errors);
	if (form_check(rq, k, fields, true, errors, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	if (json_array_size(errors) > 0) {
		form_page(rq, rs, &fp, 422);
		goto out;
	}
	rc = ent_add(&rq->ctx, k, fields, &created, &err);
	written(rq, rs, &fp, rc, &err, errors, created, "added");
out:
	json_decref(errors);
	json_decref(fields);
	json_decref(created);
	json_decref(dflt);
}

static void
edit(struct req *rq, struct resp *rs, const struct kind *k, const char *key)
{
	struct wm_err err = WM_ERR_INIT;
	struct formpage fp = { k, NULL, NULL, NULL, NULL, false, NULL };
	json_t *errors = json_array(), *fields = NULL, *rec = NULL, *updated = NULL;
	bool post = strcmp(rq->method, "POST") == 0;
	int64_t version = 0;
	int rc;

	if (ent_get(&rq->ctx, k, key, &rec, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	key = pages_key(rq, k->name, rec);
	if (!may(rq, k, rec, false, &err)) {
		page_fail(rq, rs, 403, "You cannot do that", err.msg[0] ? err.msg :
		    arena_printf(rq->a, "Your account may not change this %s.", form_noun(rq, k)));
		goto out;
	}
	fp.key = key;
	fp.rec = rec;
	fp.errors = errors;
	fp.typed = post || rq->resumed;
	fp.version = rq->resumed || post ? req_form(rq, "version") : NULL;
	if (fp.version == NULL)
		fp.version = arena_printf(rq->a, "%lld",
		    (long long)json_integer_value(json_object_get(rec, "version")));
	if (!post) {
		form_page(rq, rs, &fp, 200);
		goto out;
	}
	if (str_to_int64(fp.version, &version) != 0 || version < 0)
		version = 0;
	fields = form_read(rq, k, true, errors);
	if (form_check(rq, k, fields, false, errors, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	if (json_array_size(errors) > 0) {
		form_page(rq, rs, &fp, 422);
		goto out;
	}
	rc = ent_set(&rq->ctx, k, key, fields, version, &updated, &err);
	if (rc == WM_ECONFLICT) {
		/* theirs is what is there now; saving again replaces it with what was typed */
		json_decref(rec);
		rec = NULL;
		if (ent_get(&rq->ctx, k, key, &rec, &err) != 0) {
			page_fail_err(rq, rs, &err);
			goto out;
		}
		fp.rec = fp.theirs = rec;
		fp.version = arena_printf(rq->a, "%lld",
		    (long long)json_integer_value(json_object_get(rec, "version")));
		form_page(rq, rs, &fp, 409);
		goto out;
	}
	written(rq, rs, &fp, rc, &err, errors, updated, "changed");
out:
	json_decref(errors);
	json_decref(fields);
	json_decref(rec);
	json_decref(updated);
}

/*
 * What refers to the record, and what removing it would do to each (the
 * store refuses unless told to go on): true if anything does.
 */
static bool
referrers(struct page *p, const struct kind *k, const char *key)
{
	static const struct { const char *on, *words; } fate[] = {
		{ "removed", "would be removed with it" },
		{ "cleared", "would no longer name it" },
		{ "unlinked", "would no longer list it" },
	};
	struct req *rq = p->rq;
	struct html *h = &p->h;
	struct wm_err err = WM_ERR_INIT;
	json_t *refs = NULL;
	bool any;

	if (ent_referrers(&rq->ctx, k, key, &refs, &err) != 0 || json_array_size(refs) == 0) {
		json_decref(refs);
		return false;
	}
	html_elem(h, "h2", "What refers to it", "class", "govuk-heading-m", NULL);
	html_open(h, "ul", "class", "govuk-list govuk-list--bullet", NULL);
	for (size_t i = 0; i < json_array_size(refs); i++) {
		const json_t *r = json_array_get(refs, i), *keys = json_object_get(r, "keys");
		const struct kind *rk = kind_find(json_string_value(json_object_get(r, "kind")));
		const char *on = json_string_value(json_object_get(r, "on_cascade")), *words = "";
		json_int_t n = json_integer_value(json_object_get(r, "count"));
		struct buf list = BUF_INIT;

		for (size_t f = 0; f < WM_ARRAY_LEN(fate); f++)
			if (on != NULL && strcmp(on, fate[f].on) == 0)
				words = fate[f].words;
		for (size_t j = 0; j < json_array_size(keys); j++)
			buf_addf(&list, "%s%s", j ? ", " : "", json_string_value(json_array_get(keys, j)));
		html_open(h, "li", NULL);
		html_textf(h, "%lld %s (%s%s) %s", (long long)n, rk == NULL ? "records" : n == 1 ?
		    form_noun(rq, rk) : lower(rq, form_plural(rq, rk)), buf_str(&list),
		    (json_int_t)json_array_size(keys) < n ? ", ..." : "", words);
		html_close(h, "li");
		buf_release(&list);
	}
	html_close(h, "ul");
	any = json_array_size(refs) > 0;
	json_decref(refs);
	return any;
}

static void
remove_page(struct req *rq, struct resp *rs, const struct kind *k, const json_t *rec,
    const char *key, const char *error, int status)
{
	const char *noun = form_noun(rq, k), *name = pages_name(rq, k->name, key);
	const char *url = pages_record_url(rq, k->name, key);
	struct page p;
	bool used;

	page_begin(&p, rq, rs, arena_printf(rq->a, "%sRemove %s - Waymark", error ? "Error: " : "",
	    name), nav_of(rq, k));
	html_open(&p.h, "div", "class", "govuk-grid-row", NULL);
	html_open(&p.h, "div", "class", "govuk-grid-column-two-thirds", NULL);
	if (error != NULL)
		page_error_summary(&p, error, NULL);
	html_elem(&p.h, "span", form_choice_text(rq, noun), "class", "govuk-caption-l", NULL);
	html_elem(&p.h, "h1", arena_printf(rq->a, "Are you sure you want to remove %s?", name),
	    "class", "govuk-heading-l", NULL);
	record_summary(&p, k, rec, false);
	html_open(&p.h, "div", "class", "govuk-warning-text", NULL);
	html_elem(&p.h, "span", "!", "class", "govuk-warning-text__icon", "aria-hidden", "true",
	    NULL);
	html_open(&p.h, "strong", "class", "govuk-warning-text__text", NULL);
	html_elem(&p.h, "span", "Warning", "class", "govuk-visually-hidden", NULL);
	html_textf(&p.h, "The %s is removed for good; the audit log keeps what it said.", noun);
	html_close(&p.h, "strong");
	html_close(&p.h, "div");
	used = referrers(&p, k, key);
	page_form_begin(&p, arena_printf(rq->a, "%s/remove", url), "post");
	hidden(&p, "version", arena_printf(rq->a, "%lld",
	    (long long)json_integer_value(json_object_get(rec, "version"))));
	if (used)
		page_checkbox(&p, "cascade", arena_printf(rq->a, "Remove it all the same, and change "
		    "what refers to it as the list says"), false);
	buttons(&p, arena_printf(rq->a, "Yes, remove this %s", noun), url, true);
	html_close(&p.h, "div");
	html_close(&p.h, "div");
	page_end(&p);
	rs->status = status;
}

static void
remove_record(struct req *rq, struct resp *rs, const struct kind *k, const char *key)
{
	struct wm_err err = WM_ERR_INIT;
	json_t *rec = NULL;
	int64_t version = 0;
	const char *v;

	if (ent_get(&rq->ctx, k, key, &rec, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	key = pages_key(rq, k->name, rec);
	if (!may(rq, k, rec, true, &err)) {
		page_fail(rq, rs, 403, "You cannot do that", err.msg[0] ? err.msg :
		    arena_printf(rq->a, "Your account may not remove this %s.", form_noun(rq, k)));
		goto out;
	}
	if (strcmp(rq->method, "POST") != 0) {
		remove_page(rq, rs, k, rec, key, NULL, 200);
		goto out;
	}
	v = req_form(rq, "version");
	if (v != NULL && (str_to_int64(v, &version) != 0 || version < 0))
		version = 0;
	if ((req_form(rq, "cascade") != NULL ? ent_remove_cascade(&rq->ctx, k, key, version, &err) :
	    ent_remove(&rq->ctx, k, key, version, &err)) != 0) {
		if (err.code == WM_EINUSE)
			snprintf(err.msg, sizeof(err.msg), "Other records refer to this %s (the list below "
			    "says which). Tick the box to remove it all the same, or change them first.",
			    form_noun(rq, k));
		if (err.code == WM_ECONFLICT)
			snprintf(err.msg, sizeof(err.msg), "Someone else changed this %s since you opened "
			    "this page. Check it below, then remove it if you still want to.",
			    form_noun(rq, k));
		json_decref(rec);
		rec = NULL;
		if (ent_get(&rq->ctx, k, key, &rec, NULL) != 0) {
			page_fail_err(rq, rs, &err);
			goto out;
		}
		remove_page(rq, rs, k, rec, key, arena_printf(rq->a, "%c%s",
		    toupper((unsigned char)err.msg[0]), err.msg + 1), http_status(err.code));
		goto out;
	}
	resp_redirect(rs, arena_printf(rq->a, "/%s?removed=%s", k->name,
	    req_key_url(rq, "", key)));
out:
	json_decref(rec);
}

/* ---- dispatch --------------------------------------------------------- */

/* Is rest the address of a form: new, KEY/edit, KEY/remove? */
static bool
form_path(const char *rest)
{
	size_t n = strlen(rest);

	return strcmp(rest, "new") == 0 || (n > 5 && strcmp(rest + n - 5, "/edit") == 0) ||
	    (n > 7 && strcmp(rest + n - 7, "/remove") == 0);
}

bool
page_record_forms(struct req *rq, struct resp *rs, const struct kind *k, const char *rest)
{
	size_t n = strlen(rest);

	if (!has_forms(k) || !form_path(rest))
		return false;
	if (strcmp(rest, "new") == 0) {
		add(rq, rs, k);
		return true;
	}
	if (n > 5 && strcmp(rest + n - 5, "/edit") == 0) {
		edit(rq, rs, k, arena_strndup(rq->a, rest, n - 5));
		return true;
	}
	if (n > 7 && strcmp(rest + n - 7, "/remove") == 0) {
		remove_record(rq, rs, k, arena_strndup(rq->a, rest, n - 7));
		return true;
	}
	return false;
}

bool
page_records(struct req *rq, struct resp *rs, bool forms_only)
{
	const char *path = rq->path + 1, *slash = strchr(path, '/');
	const char *name = slash ? arena_strndup(rq->a, path, (size_t)(slash - path)) : path;
	const struct kind *k = kind_find(name);
	const char *rest = slash ? slash + 1 : "";
	bool post = strcmp(rq->method, "POST") == 0;

	if (k == NULL || strcmp(k->name, name) != 0)
		return false;
	if (page_record_forms(rq, rs, k, rest))
		return true;
	/* a kind Waymark keeps itself has no forms: nothing is there */
	if (forms_only || form_path(rest))
		return false;
	if (post) {
		page_fail(rq, rs, 405, "That cannot be done here", "This address can only be read.");
		resp_header(rs, "Allow", "GET");
		return true;
	}
	if (*rest == '\0')
		list(rq, rs, k);
	else if (!str_has_prefix(pages_record_url(rq, k->name, rest),
	    arena_printf(rq->a, "/%s/", k->name)))
		/* a kind whose records have pages of their own elsewhere (the framework's) */
		resp_redirect(rs, pages_record_url(rq, k->name, rest));
	else
		show(rq, rs, k, rest);
	return true;
}
