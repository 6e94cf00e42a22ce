/*
 * page_recs.c: the recommendations register and a recommendation's page.
 *
 *   GET  /recommendations?source=&lead=&grade=&status=&statutory=&overdue=yes
 *   GET  /recommendations/SOURCE/REF             its history, progress, comments
 *   POST /recommendations/SOURCE/REF/progress    add a progress update
 *   POST /recommendations/SOURCE/REF/comments    add a comment
 *
 * Whether someone may add an update is the library's decision (authz.c:
 * a lead officer only on what a post they hold leads); the page offers
 * the form to everyone who might, and shows the library's answer when it
 * says no. A form that fails comes back with what was typed and the
 * reason beside the field.
 */
#include "base/wm.h"

#include "base/date.h"
#include "base/str.h"
#include "http/form.h"
#include "http/list.h"
#include "http/page.h"
#include "http/pages.h"
#include "model/audit.h"
#include "model/authz.h"
#include "model/ent.h"

/* The register's status of a recommendation as a tag: awaiting sign-off, overdue, else open, closed, withdrawn. */
static void
rec_status_tag(struct req *rq, struct list *l, const json_t *r)
{
	const char *st = json_string_value(json_object_get(r, "status"));

	if (json_is_true(json_object_get(r, "awaiting_signoff")))
		list_tag(l, "Awaiting sign-off", "yellow");
	else if (pages_overdue(r))
		list_tag(l, "Overdue", "red");
	else
		list_tag(l, st != NULL ? form_choice_text(rq, st) : "", st == NULL ? NULL :
		    strcmp(st, "closed") == 0 ? "green" : strcmp(st, "withdrawn") == 0 ? "grey" :
		    "blue");
}

/* The RAG status the register gives it under the body's rules. */
static void
rag_tag(struct req *rq, struct list *l, const json_t *r)
{
	const char *rag = json_string_value(json_object_get(r, "rag"));

	if (rag == NULL || strcmp(rag, "none") == 0)
		list_text(l, "", NULL);
	else
		list_tag(l, form_choice_text(rq, rag), strcmp(rag, "closed") == 0 ? "grey" : rag);
}

/* The distinct values of field over a kind's records, for a filter's choices. */
static json_t *
choices(struct req *rq, const char *kind, const char *field)
{
	struct wm_err err = WM_ERR_INIT;
	json_t *rows = NULL, *out = json_array();

	if (pages_list(rq, kind, NULL, &rows, &err) == 0) {
		for (size_t i = 0; i < json_array_size(rows); i++) {
			json_t *v = json_object_get(json_array_get(rows, i), field);
			bool seen = false;

			if (!json_is_string(v))
				continue;
			for (size_t j = 0; j < json_array_size(out) && !seen; j++)
				seen = json_equal(json_array_get(out, j), v);
			if (!seen)
				json_array_append(out, v);
		}
	}
	json_decref(rows);
	return out;
}

static void
filter_select(struct page *p, const char *name, const char *label, json_t *c,
    const char *blank)
{
	page_select(p, name, label, c, req_query(p->rq, name), blank);
	json_decref(c);
}

static void
filters(struct page *p, const struct list *l, const struct pages_names *sources,
    const struct pages_names *posts)
{
	list_filter_begin(p, l, "/recommendations");
	html_open(&p->h, "div", "class", "govuk-grid-column-one-third", NULL);
	filter_select(p, "source", "Source", json_incref(sources->choices), "Any source");
	filter_select(p, "lead", "Lead", json_incref(posts->choices), "Any lead");
	html_close(&p->h, "div");
	html_open(&p->h, "div", "class", "govuk-grid-column-one-third", NULL);
	filter_select(p, "grade", "Degree met", choices(p->rq, "grades", "label"), "Any grade");
	filter_select(p, "statutory", "Statutory", json_pack("[[s,s],[s,s]]", "yes", "Yes", "no",
	    "No"), "Either");
	html_close(&p->h, "div");
	html_open(&p->h, "div", "class", "govuk-grid-column-one-third", NULL);
	filter_select(p, "status", "Status", json_pack("[[s,s],[s,s],[s,s]]", "open", "Open",
	    "closed", "Closed", "withdrawn", "Withdrawn"), "Any status");
	page_checkbox(p, "overdue", "Only overdue", req_query(p->rq, "overdue") != NULL);
	html_close(&p->h, "div");
	list_filter_end(p, l);
}

/* The leads of a recommendation by their posts' titles. */
static const char *
leads_text(struct req *rq, const struct pages_names *posts, const json_t *leads)
{
	struct buf b = BUF_INIT;
	const char *s;

	for (size_t i = 0; i < json_array_size(leads); i++)
		buf_addf(&b, "%s%s", i ? "; " : "", pages_names_get(posts,
		    json_string_value(json_array_get(leads, i))));
	s = arena_strdup(rq->a, buf_str(&b));
	buf_release(&b);
	return s;
}

void
page_register(struct req *rq, struct resp *rs)
{
	static const struct list_col cols[] = { { "ref", "Recommendation", 0 },
		{ "subject", "Subject", 0 }, { "lead", "Lead", 0 }, { "due", "Due", 0 },
		{ "degree", "Degree met", 0 }, { "status", "Status", 0 }, { "rag", "RAG", 0 } };
	static const struct { const char *param, *field; } map[] = {
		{ "source", "source" }, { "lead", "leads" }, { "grade", "degree_met" },
		{ "status", "status" }, { "statutory", "statutory" },
	};
	struct wm_err err = WM_ERR_INIT;
	json_t *where = json_object(), *recs = NULL;
	bool overdue = req_query(rq, "overdue") != NULL;
	struct pages_names sources = { 0 }, posts = { 0 };
	const char *source = req_query(rq, "source");
	char today[DATE_ISO_LEN];
	struct list *l;
	struct page p;

	page_today(rq, today);
	for (size_t i = 0; i < WM_ARRAY_LEN(map); i++) {
		const char *v = req_query(rq, map[i].param);

		if (v != NULL && *v != '\0')
			json_object_set_new(where, map[i].field, json_string(v));
	}
	if (pages_list(rq, "recommendations", where, &recs, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	pages_names_load(rq, &sources, "sources");
	pages_names_load(rq, &posts, "posts");
	l = list_new(rq, "Recommendations", "recommendations", WM_ARRAY_LEN(cols), cols);
	list_nouns(l, "recommendation", "recommendations");
	list_fact(l, "As of", form_date_text(rq, today));
	list_fact(l, "Source", pages_names_get(&sources, source));
	for (size_t i = 0; i < json_array_size(recs); i++) {
		const json_t *r = json_array_get(recs, i);
		const char *key = pages_key(rq, "recommendations", r);

		if (overdue && !pages_overdue(r))
			continue;
		list_text(l, key, req_key_url(rq, "/recommendations/", key));
		list_text(l, pages_text(rq, r, "subject"), NULL);
		list_text(l, leads_text(rq, &posts, json_object_get(r, "leads")), NULL);
		list_date(l, json_string_value(json_object_get(r, "due")));
		list_text(l, pages_text(rq, r, "degree_met"), NULL);
		rec_status_tag(rq, l, r);
		rag_tag(rq, l, r);
		list_end_row(l);
	}
	if (list_prepare(l, rs))
		goto out;
	page_begin(&p, rq, rs, "Recommendations - Waymark", "/recommendations");
	html_elem(&p.h, "h1", "Recommendations", "class", "govuk-heading-l", NULL);
	page_record_add_link(&p, kind_find("recommendations"), NULL, NULL);
	filters(&p, l, &sources, &posts);
	html_open(&p.h, "p", "class", "govuk-body wm-no-print", NULL);
	html_elem(&p.h, "a", "Who to chase", "class", "govuk-link", "href", "/reports/chase", NULL);
	if (source != NULL && *source != '\0') {
		html_text(&p.h, " \xc2\xb7 ");
		html_elem(&p.h, "a", arena_printf(rq->a, "Progress summary of %s",
		    pages_names_get(&sources, source)), "class", "govuk-link", "href",
		    arena_printf(rq->a, "/reports/progress?source=%s", req_key_url(rq, "", source)),
		    NULL);
	}
	html_close(&p.h, "p");
	list_write(&p, l);
	page_end(&p);
out:
	pages_names_release(&sources);
	pages_names_release(&posts);
	json_decref(recs);
}

/* What a failed form sends back: which form, and its errors (form.h's); what was typed is rq->form. */
struct form_state {
	const char *form;	/* "progress" or "comments" */
	const json_t *errors;
};

static void
progress_form(struct page *p, const char *url, const json_t *grades, const json_t *rec,
    const struct form_state *fs)
{
	struct req *rq = p->rq;
	bool mine = fs != NULL && strcmp(fs->form, "progress") == 0;
	const json_t *errors = mine ? fs->errors : NULL;
	char today[DATE_ISO_LEN];
	const char *date = mine ? req_form(rq, "date") : NULL;
	/* the grade it has now is where a new update starts */
	const char *grade = mine ? req_form(rq, "degree_met") :
	    json_string_value(json_object_get(rec, "degree_met"));

	page_today(rq, today);
	html_elem(&p->h, "h2", "Add a progress update", "class", "govuk-heading-m", "id",
	    "add-progress", NULL);
	page_error_list(p, errors);
	page_form_begin(p, arena_printf(rq->a, "%s/progress", url), "post");
	page_input(p, "date", "Date of the update", "text", date ? date : today,
	    "Today or earlier, for example 2005-04-15", form_error_for(errors, "date"), "10");
	page_select(p, "degree_met", "Degree met", grades, grade, "Not assessed");
	page_input_attrs(p, "percent_complete", "Percentage complete (optional)", "text",
	    mine ? req_form(rq, "percent_complete") : NULL, "A number from 0 to 100",
	    form_error_for(errors, "percent_complete"), "3", "decimal", NULL);
	page_textarea(p, "text", "What has been done", mine ? req_form(rq, "text") : NULL,
	    "You can use Markdown: *emphasis*, lists starting with -, and links.",
	    form_error_for(errors, "text"));
	page_form_end(p, "Add update");
}

static void
comments_section(struct page *p, const char *url, const json_t *comments,
    const struct form_state *fs)
{
	struct req *rq = p->rq;
	bool mine = fs != NULL && strcmp(fs->form, "comments") == 0;

	html_elem(&p->h, "h2", "Comments", "class", "govuk-heading-m", "id", "comments", NULL);
	if (json_array_size(comments) == 0)
		html_elem(&p->h, "p", "No comments yet.", "class", "govuk-body", NULL);
	for (size_t i = 0; i < json_array_size(comments); i++) {
		const json_t *c = json_array_get(comments, i);

		html_elem(&p->h, "p", arena_printf(rq->a, "%s, %s", pages_text(rq, c, "author"),
		    pages_text(rq, c, "at")), "class", "govuk-body-s wm-meta", NULL);
		page_md(p, json_string_value(json_object_get(c, "text")));
	}
	if (!rq->logged_in)
		return;
	if (mine)
		page_error_list(p, fs->errors);
	page_form_begin(p, arena_printf(rq->a, "%s/comments", url), "post");
	page_textarea(p, "comment", "Add a comment", mine ? req_form(rq, "comment") : NULL,
	    "You can use Markdown.", mine ? form_error_for(fs->errors, "comment") : NULL);
	page_form_end(p, "Add comment");
}

/* A heading and a table of fields of rows, written straight through html.h. */
static void
record_table(struct page *p, const char *id, const char *heading, const json_t *rows,
    const char *const *cols, const char *const *fields, size_t n)
{
	struct html *h = &p->h;

	html_elem(h, "h2", heading, "class", "govuk-heading-m", "id", id, NULL);
	html_open(h, "table", "class", "govuk-table", NULL);
	html_open(h, "thead", "class", "govuk-table__head", NULL);
	html_open(h, "tr", "class", "govuk-table__row", NULL);
	for (size_t c = 0; c < n; c++)
		html_elem(h, "th", cols[c], "scope", "col", "class", "govuk-table__header", NULL);
	html_close(h, "tr");
	html_close(h, "thead");
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
	for (size_t i = 0; i < json_array_size(rows); i++) {
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		for (size_t c = 0; c < n; c++)
			html_elem(h, "td", pages_text(p->rq, json_array_get(rows, i), fields[c]), "class",
			    "govuk-table__cell", NULL);
		html_close(h, "tr");
	}
	html_close(h, "tbody");
	html_close(h, "table");
}

static void
history_section(struct page *p, const char *key)
{
	static const char *const cols[] = { "When", "Who", "What" };
	static const char *const fields[] = { "at", "actor", "action" };
	struct wm_err err = WM_ERR_INIT;
	struct audit_query q = { 0 };
	json_t *rows = NULL;

	q.kind = "recommendations";
	q.key = key;
	q.newest_first = true;
	if (audit_list(&p->rq->ctx, &q, &rows, &err) != 0)
		return;
	record_table(p, "history", "History", rows, cols, fields, 3);
	json_decref(rows);
}

/* The grades of the scale the recommendation's source uses. */
static json_t *
grades_for(struct req *rq, const json_t *rec)
{
	struct wm_err err = WM_ERR_INIT;
	json_t *src = NULL, *gs = NULL, *out = json_array();
	const char *scale = NULL;

	if (ent_get(&rq->ctx, kind_find("sources"), pages_text(rq, rec, "source"), &src, &err) == 0)
		scale = json_string_value(json_object_get(src, "scale"));
	if (pages_list(rq, "grades", pages_where("scale", scale ? scale : "degree-met"), &gs,
	    &err) == 0)
		for (size_t i = 0; i < json_array_size(gs); i++)
			json_array_append(out, json_object_get(json_array_get(gs, i), "label"));
	json_decref(src);
	json_decref(gs);
	return out;
}

/* Records about the recommendation; NULL, not an error, if the actor may not read them. */
static int
part(struct req *rq, const char *kind, json_t *where, json_t **out, struct wm_err *err)
{
	int rc = pages_list(rq, kind, where, out, err);

	if (rc == WM_EPERM) {
		*out = NULL;
		rc = 0;
	}
	return rc;
}

/*
 * A lead's "met in full" waiting for a planner: whose word it is, and the
 * planner's button to sign it off, which carries the version they saw so
 * that a change made meanwhile is not signed off unseen.
 */
static void
signoff_section(struct page *p, const char *url, const json_t *rec, const json_t *prog)
{
	struct req *rq = p->rq;
	struct html *h = &p->h;
	const json_t *last = prog != NULL && json_array_size(prog) > 0 ?
	    json_array_get(prog, json_array_size(prog) - 1) : NULL;
	const char *by = last != NULL ? pages_text(rq, last, "author") : "";

	if (!json_is_true(json_object_get(rec, "awaiting_signoff")))
		return;
	html_open(h, "div", "class", "govuk-inset-text", "id", "signoff", NULL);
	html_elem(h, "h2", "Awaiting sign-off", "class", "govuk-heading-s", NULL);
	html_elem(h, "p", arena_printf(rq->a, "%s%s%s says this recommendation is met in full. It "
	    "stays open until a planner signs it off.", last == NULL ? "A lead officer's update" :
	    *by ? arena_printf(rq->a, "The update by %s", by) : "The update",
	    last == NULL ? "" : " of ", last == NULL ? "" :
	    form_date_text(rq, pages_text(rq, last, "date"))), "class", "govuk-body", NULL);
	if (rq->logged_in && (rq->ctx.role == ROLE_PLANNER || rq->ctx.role == ROLE_ADMIN)) {
		page_form_begin(p, arena_printf(rq->a, "%s/signoff", url), "post");
		html_void(h, "input", "type", "hidden", "name", "version", "value",
		    arena_printf(rq->a, "%lld", (long long)json_integer_value(json_object_get(rec,
		    "version"))), NULL);
		page_form_end(p, "Sign off as met in full");
	}
	html_close(h, "div");
}

/* A planner's sign-off: the recommendation, as they saw it, closes (authz.h says who may). */
static void
sign_off(struct req *rq, struct resp *rs, const char *key)
{
	const struct kind *k = kind_find("recommendations");
	struct wm_err err = WM_ERR_INIT;
	json_t *rec = NULL, *ch = json_pack("{s:b}", "awaiting_signoff", false);
	const char *v = req_form(rq, "version");
	int64_t version = 0;

	if (v != NULL && (str_to_int64(v, &version) != 0 || version < 0))
		version = 0;
	if (ent_get(&rq->ctx, k, key, &rec, &err) != 0) {
		page_fail_err(rq, rs, &err);
	} else if (!json_is_true(json_object_get(rec, "awaiting_signoff"))) {
		page_fail(rq, rs, 409, "Nothing to sign off", arena_printf(rq->a, "%s is not awaiting "
		    "sign-off: someone may have signed it off or changed its grade meanwhile. Its page "
		    "says where it stands now.", pages_key(rq, "recommendations", rec)));
	} else if (ent_set(&rq->ctx, k, key, ch, version, NULL, &err) != 0) {
		page_fail_err(rq, rs, &err);
	} else {
		resp_redirect(rs, arena_printf(rq->a, "%s?saved=signedoff",
		    req_key_url(rq, "/recommendations/", key)));
	}
	json_decref(rec);
	json_decref(ch);
}

static void
show_rec(struct req *rq, struct resp *rs, const char *key, const struct form_state *fs,
    int status)
{
	static const char *const facts[][2] = { { "Response", "response" }, { "Lead", "leads" },
		{ "Timescale", "timescale" }, { "Due", "due" }, { "First due", "due_original" },
		{ "Degree met", "degree_met" }, { "Percentage complete", "percent_complete" },
		{ "Status", "status" }, { "RAG", "rag" }, { "Days overdue", "days_overdue" },
		{ "Last update", "last_update" }, { "Days since an update", "days_since_update" },
		{ "Statutory", "statutory" }, { "Priority", "priority" }, { "Committee", "committee" } };
	struct wm_err err = WM_ERR_INIT;
	json_t *rec = NULL, *prog = NULL, *revs = NULL, *comments = NULL, *grades = NULL, *w, *rw;
	json_t *rems = NULL;
	const char *url, *subject;
	struct page p;

	if (ent_get(&rq->ctx, kind_find("recommendations"), key, &rec, &err) != 0) {
		page_fail_err(rq, rs, &err);
		return;
	}
	key = pages_key(rq, "recommendations", rec);
	w = pages_where("kind", "recommendations");
	json_object_set_new(w, "ref", json_string(key));
	rw = pages_where("kind", "recommendations");
	json_object_set_new(rw, "ref", json_string(key));
	/*
	 * The public may read a published recommendation but not the updates,
	 * revisions and comments kept about it (authz.c): those sections are
	 * left out for them rather than failing the page.
	 */
	if (part(rq, "progress", pages_where("recommendation", key), &prog, &err) != 0 ||
	    part(rq, "revisions", pages_where("recommendation", key), &revs, &err) != 0 ||
	    part(rq, "comments", w, &comments, &err) != 0 ||
	    part(rq, "reminders", rw, &rems, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	grades = grades_for(rq, rec);
	url = req_key_url(rq, "/recommendations/", key);
	subject = pages_text(rq, rec, "subject");
	page_begin(&p, rq, rs, arena_printf(rq->a, "%s - Waymark", key), "/recommendations");
	html_elem(&p.h, "span", pages_text(rq, rec, "source"), "class", "govuk-caption-l", NULL);
	html_elem(&p.h, "h1", *subject ? arena_printf(rq->a, "%s: %s", key, subject) : key,
	    "class", "govuk-heading-l", NULL);
	if (req_query(rq, "saved") != NULL && fs == NULL &&
	    strcmp(req_query(rq, "saved"), "signedoff") == 0)
		page_success(&p, "Signed off: the recommendation is met in full and closed.");
	else if (req_query(rq, "saved") != NULL && fs == NULL)
		page_saved(&p, kind_find("recommendations"), req_query(rq, "saved"));
	if (req_query(rq, "added") != NULL && fs == NULL)
		page_success(&p, strcmp(req_query(rq, "added"), "comment") == 0 ?
		    "Your comment has been added." : "Your progress update has been added.");
	if (pages_overdue(rec)) {
		html_open(&p.h, "p", "class", "govuk-body", NULL);
		html_elem(&p.h, "strong", "Overdue", "class", "govuk-tag govuk-tag--red", NULL);
		html_close(&p.h, "p");
	}
	page_record_actions(&p, kind_find("recommendations"), rec);
	signoff_section(&p, url, rec, prog);
	html_elem(&p.h, "p", pages_text(rq, rec, "text"), "class", "govuk-body-l", NULL);
	html_open(&p.h, "dl", "class", "govuk-summary-list", NULL);
	for (size_t i = 0; i < WM_ARRAY_LEN(facts); i++)
		page_summary_row(&p, facts[i][0], pages_text(rq, rec, facts[i][1]));
	html_close(&p.h, "dl");
	if (prog != NULL)
		page_progress(&p, prog);
	if (rq->logged_in && rq->ctx.role != ROLE_MEMBER)
		progress_form(&p, url, grades, rec, fs);
	if (revs != NULL && json_array_size(revs) > 0) {
		static const char *const cols[] = { "Changed on", "From", "To", "Why" };
		static const char *const fields[] = { "changed_on", "old_due", "new_due", "reason" };

		record_table(&p, "revisions", "Changes to the target date", revs, cols, fields, 4);
	}
	if (rems != NULL && json_array_size(rems) > 0) {
		/* what `waymark remind` e-mailed about it, and whether it went */
		static const char *const cols[] = { "Day", "To", "Why", "Status", "What the server said" };
		static const char *const fields[] = { "on_day", "sent_to", "why", "status", "error" };

		record_table(&p, "reminders", "Reminders sent", rems, cols, fields, 5);
	}
	if (comments != NULL)
		comments_section(&p, url, comments, fs);
	if (rq->logged_in)
		history_section(&p, key);
	page_end(&p);
	rs->status = status;
out:
	json_decref(rec);
	json_decref(prog);
	json_decref(revs);
	json_decref(comments);
	json_decref(rems);
	json_decref(grades);
}

static void
add_progress(struct req *rq, struct resp *rs, const char *key)
{
	static const char *const names[] = { "date", "text", "degree_met", "percent_complete" };
	const struct kind *k = kind_find("progress");
	struct wm_err err = WM_ERR_INIT;
	json_t *fields = json_object(), *row = NULL, *errors = json_array();
	struct form_state fs = { "progress", errors };
	int rc;

	json_object_set_new(fields, "recommendation", json_string(key));
	for (size_t i = 0; i < WM_ARRAY_LEN(names); i++) {
		const char *v = req_form(rq, names[i]);

		if (v != NULL && !str_is_blank(v))
			json_object_set_new(fields, names[i], json_string(v));
	}
	json_object_set_new(fields, "author", json_string(rq->sess.user.display_name));
	/* every mistake at once, by the kind's rules; then the write's own */
	if ((rc = form_check(rq, k, fields, true, errors, &err)) == 0 &&
	    json_array_size(errors) == 0 && (rc = ent_add(&rq->ctx, k, fields, &row, &err)) == 0) {
		resp_redirect(rs, arena_printf(rq->a, "%s?added=progress#progress",
		    req_key_url(rq, "/recommendations/", key)));
	} else {
		if (rc != 0)
			form_write_error(rq, k, &err, errors);
		show_rec(rq, rs, key, &fs, rc != 0 ? http_status(rc) : 422);
	}
	json_decref(fields);
	json_decref(row);
	json_decref(errors);
}

static void
add_comment(struct req *rq, struct resp *rs, const char *key)
{
	struct wm_err err = WM_ERR_INIT;
	json_t *fields = json_object(), *errors = json_array();
	const char *text = req_form(rq, "comment");
	struct form_state fs = { "comments", errors };
	int rc;

	json_object_set_new(fields, "kind", json_string("recommendations"));
	json_object_set_new(fields, "ref", json_string(key));
	if (text != NULL && !str_is_blank(text))
		json_object_set_new(fields, "text", json_string(text));
	rc = text == NULL || str_is_blank(text) ?
	    wm_error(&err, WM_EINVAL, "Enter your comment") :
	    ent_add(&rq->ctx, kind_find("comments"), fields, NULL, &err);
	if (rc == 0) {
		resp_redirect(rs, arena_printf(rq->a, "%s?added=comment#comments",
		    req_key_url(rq, "/recommendations/", key)));
	} else {
		json_array_append_new(errors, json_pack("{s:s, s:s, s:s}", "field", "comment", "href",
		    "#comment", "message", err.msg));
		show_rec(rq, rs, key, &fs, http_status(err.code));
	}
	json_decref(fields);
	json_decref(errors);
}

void
page_rec(struct req *rq, struct resp *rs, const char *rest)
{
	size_t n = strlen(rest);
	bool post = strcmp(rq->method, "POST") == 0;

	if (post && n > 9 && strcmp(rest + n - 9, "/progress") == 0) {
		const char *key = arena_strndup(rq->a, rest, n - 9);
		json_t *rec = NULL;
		struct wm_err err = WM_ERR_INIT;

		/* Name the recommendation by its whole key, as the update will. */
		if (ent_get(&rq->ctx, kind_find("recommendations"), key, &rec, &err) != 0) {
			page_fail_err(rq, rs, &err);
			return;
		}
		key = pages_key(rq, "recommendations", rec);
		json_decref(rec);
		add_progress(rq, rs, key);
	} else if (post && n > 8 && strcmp(rest + n - 8, "/signoff") == 0) {
		sign_off(rq, rs, arena_strndup(rq->a, rest, n - 8));
	} else if (post && n > 9 && strcmp(rest + n - 9, "/comments") == 0) {
		add_comment(rq, rs, arena_strndup(rq->a, rest, n - 9));
	} else if (post) {
		page_fail(rq, rs, 404, "Page not found", "There is no form at this address.");
	} else if (rq->resumed && ((n > 9 && (strcmp(rest + n - 9, "/progress") == 0 ||
	    strcmp(rest + n - 9, "/comments") == 0)) || (n > 8 && strcmp(rest + n - 8,
	    "/signoff") == 0))) {
		/* a form sent back through signing in again: the page with the form as it was sent */
		size_t cut = strcmp(rest + n - 8, "/signoff") == 0 ? 8 : 9;
		json_t *none = json_array();
		struct form_state fs = { strcmp(rest + n - 9, "/comments") == 0 ? "comments" :
		    "progress", none };

		show_rec(rq, rs, arena_strndup(rq->a, rest, n - cut), &fs, 200);
		json_decref(none);
	} else {
		show_rec(rq, rs, rest, NULL, 200);
	}
}
