/*
 * page.h: the frame every HTML page shares, and the pieces pages are made
 * of; private to src/http/.
 *
 * A page is written through html.h, the one escaper, into the response:
 * page_begin() writes the head, the header and the navigation,
 * page_end() the footer. Content is mostly an rdoc (a report, or tables
 * built from records) written with RF_HTML_BODY, so pages and printed
 * papers share one look; forms are GOV.UK Frontend's components written
 * with the helpers below. Every form that changes something carries the
 * session's CSRF token.
 */
#ifndef WM_HTTP_PAGE_H
#define WM_HTTP_PAGE_H

#include "http/route.h"
#include "report/html.h"
#include "report/rdoc.h"

struct page {
	struct req *rq;
	struct resp *rs;
	struct html h;
};

/* nav: the navigation item to mark as current ("/recommendations"), or NULL. */
void page_begin(struct page *p, struct req *rq, struct resp *rs, const char *title,
    const char *nav);
void page_end(struct page *p);

/* A whole page that is the document d. */
void page_doc(struct req *rq, struct resp *rs, const char *title, const char *nav,
    const struct rdoc *d);

/* A whole page saying what went wrong, with this status. */
void page_fail(struct req *rq, struct resp *rs, int status, const char *title, const char *msg);
/* The same for an error from the library (its code gives the status). */
void page_fail_err(struct req *rq, struct resp *rs, const struct wm_err *err);
/* Send someone not logged in to the login page, to come back here after. */
void page_login_redirect(struct req *rq, struct resp *rs);

/* Write a report's body (RF_HTML_BODY) into the page. */
void page_rdoc(struct page *p, const struct rdoc *d);
/*
 * Or its title as the page's heading, then (after the page's own forms,
 * which come below the heading) the rest of it.
 */
void page_heading(struct page *p, const struct rdoc *d);
void page_rdoc_untitled(struct page *p, const struct rdoc *d);
/*
 * A whole page that is the named report, run with the page's query
 * parameters as its options, below form (which may be NULL): a GET form
 * choosing those options. A report that fails shows its message: on the
 * page, above the form to ask again, when there is one; as an error page
 * when there is not. The form is given the report's JSON, or NULL when it
 * failed; then error is the message and bad the option it names (a query
 * parameter), or NULL.
 */
void page_report_page(struct req *rq, struct resp *rs, const char *title, const char *nav,
    const char *report, void (*form)(struct page *p, const json_t *data, const char *error,
    const char *bad));

/* Markdown, through cmark-gfm with raw HTML off. */
void page_md(struct page *p, const char *text);

/* "/prefix" followed by key with each part escaped, in the request's arena. */
const char *page_key_url(struct page *p, const char *prefix, const char *key);
/* The same without a page, for rdoc links built before one starts. */
const char *req_key_url(struct req *rq, const char *prefix, const char *key);

/* An error summary at the top of a form; href is the field it is about ("#text"). */
void page_error_summary(struct page *p, const char *msg, const char *href);
/* One listing several: an array of {"message", "href" (or null)}; nothing when it is empty. */
void page_error_list(struct page *p, const json_t *errors);
/* A row of a summary list (<dl class="govuk-summary-list">); nothing when value is empty. */
void page_summary_row(struct page *p, const char *label, const char *value);
/* A GOV.UK notification banner saying something went well. */
void page_success(struct page *p, const char *msg);

/* <form method="post" action=...> with the CSRF token; close with page_form_end(). */
void page_form_begin(struct page *p, const char *action, const char *method);
void page_form_end(struct page *p, const char *button);
/* Form fields; error (or NULL) is shown beside the field. */
void page_input(struct page *p, const char *name, const char *label, const char *type,
    const char *value, const char *hint, const char *error, const char *width);
/* The same with an inputmode ("numeric", "decimal") and an autocomplete token, either NULL. */
void page_input_attrs(struct page *p, const char *name, const char *label, const char *type,
    const char *value, const char *hint, const char *error, const char *width,
    const char *inputmode, const char *autocomplete);
/*
 * Open a form group (<div class="govuk-form-group">) with the field's
 * label, hint and error; returns what the field's aria-describedby is
 * (or NULL). The caller writes the field and closes the div.
 */
const char *page_group_begin(struct page *p, const char *name, const char *label,
    const char *hint, const char *error);
void page_textarea(struct page *p, const char *name, const char *label, const char *value,
    const char *hint, const char *error);
/*
 * options: a JSON array of strings (each the value and its label) or of
 * [value, label] pairs; blank: the label of an empty first choice, or NULL.
 */
void page_select(struct page *p, const char *name, const char *label, const json_t *options,
    const char *selected, const char *blank);
void page_checkbox(struct page *p, const char *name, const char *label, bool checked);

/* Previous and next links of a paged list: path?page=N&query (query already escaped, or NULL). */
void page_pagination(struct page *p, size_t pageno, size_t pages, const char *path,
    const char *query);
/* Is this a path on this site to send someone back to ("/x", never "//host", no controls)? */
bool page_local_path(const char *path);

/* Today, in the server's clock, as day number and "YYYY-MM-DD". */
int page_today(const struct req *rq, char *iso);


/* The forms above the exception report and the scorecard (page_perf.c). */
void page_exceptions_form(struct page *p, const json_t *data, const char *error,
    const char *bad);
void page_scorecard_form(struct page *p, const json_t *data, const char *error, const char *bad);

/* A meeting's papers, each to download as Word, PDF... (page_meeting.c). */
void page_meeting_papers(struct page *p, const char *meeting);

/* The pages, by file. */
void page_home(struct req *rq, struct resp *rs);
/* GET /my: the signed-in user's My work */
void page_my(struct req *rq, struct resp *rs);
/* page_public.c: the home page of someone not signed in, on a server run with --public. */
void page_public_home(struct req *rq, struct resp *rs);
/* page_framework.c: /framework, and /framework/PLAN[/REF] for each plan and node. */
void page_framework(struct req *rq, struct resp *rs);
void page_framework_under(struct req *rq, struct resp *rs, const char *rest);
void page_pis(struct req *rq, struct resp *rs);
void page_pi(struct req *rq, struct resp *rs, const char *code);
/* page_figures.c: /pis/CODE/figures[/approve] and /pis/CODE/targets. */
void page_figures(struct req *rq, struct resp *rs, const char *code, bool approving);
void page_targets(struct req *rq, struct resp *rs, const char *code);
/* page_project.c: /projects and /projects/REF. */
void page_projects(struct req *rq, struct resp *rs);
void page_project(struct req *rq, struct resp *rs, const char *key);
void page_register(struct req *rq, struct resp *rs);
void page_rec(struct req *rq, struct resp *rs, const char *rest);
void page_audit(struct req *rq, struct resp *rs);
void page_reports(struct req *rq, struct resp *rs);
void page_report_named(struct req *rq, struct resp *rs, const char *name);
void page_users(struct req *rq, struct resp *rs, const char *rest);
/* page_search.c: /search?q=, every record holding the words. */
void page_search(struct req *rq, struct resp *rs);
void page_login(struct req *rq, struct resp *rs);
/* page_import.c: /import, a file's upload, preview and confirm (/import/confirm). */
void page_import(struct req *rq, struct resp *rs);
void page_import_under(struct req *rq, struct resp *rs, const char *rest);
/* A form posted after the session ended: sign in, and the form comes back as it was sent. */
void page_login_again(struct req *rq, struct resp *rs);

/* page_record.c: every kind's list, record page and forms. */
struct kind;
/*
 * The pages under /KIND/: with forms_only, only /KIND/new, /KIND/KEY/edit
 * and /KIND/KEY/remove (kinds with pages of their own leave those to
 * this); else the list and record pages too. False if the path is not
 * one of them.
 */
bool page_records(struct req *rq, struct resp *rs, bool forms_only);
/*
 * The forms of a record of kind k at an address of another page's
 * (/framework/TTSC/G1/edit): rest is "new", "KEY/edit" or "KEY/remove".
 * False if it is none of them.
 */
bool page_record_forms(struct req *rq, struct resp *rs, const struct kind *k, const char *rest);
void page_records_index(struct req *rq, struct resp *rs);
/* The banner after a form: saved is "added" or "changed" (the record page's ?saved=). */
void page_saved(struct page *p, const struct kind *k, const char *saved);
/* The "Change" and "Remove" buttons of a record, for those who may. */
void page_record_actions(struct page *p, const struct kind *k, const json_t *rec);
/*
 * An "Add a ..." button to /KIND/new with these fields filled in (an
 * object of strings, or NULL) and ?back= (or NULL), for those who may add
 * such a record.
 */
void page_record_add_link(struct page *p, const struct kind *k, const json_t *defaults,
    const char *back);
/* A record's progress updates (progress records), newest first, with links to change them. */
void page_progress(struct page *p, const json_t *prog);
/* A tracked item's standing, updates and "Add a progress update" (model/track.h); else nothing. */
void page_tracked(struct page *p, const struct kind *k, const json_t *rec);
void page_logout(struct req *rq, struct resp *rs);

#endif
