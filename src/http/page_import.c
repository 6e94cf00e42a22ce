/*
 * page_import.c: /import, the upload page (issue 17, item 4).
 *
 * A planner sends a file (multipart/form-data, bounded by the server's
 * --max-body); the importer reads it in a dry run (import_bytes, as
 * `waymark import --dry-run` does) and the page shows what would be
 * created or changed, each record previewed, and every line or cell not
 * read with the reason. The bytes wait server-side in a file named by a
 * random token, with whose upload it is, the database and the audit log's
 * last entry when it was previewed (the store's change counter). Confirm
 * imports exactly those bytes with the same options, and refuses when the
 * log has moved on meanwhile: the preview no longer says what would
 * happen. The import is audited as the command line's is (each record
 * written is logged with the actor, web:USER). Between the two, the
 * planner may say what each column holds and what the records are
 * (/import/again: the importer's --map and --as); the same bytes are read
 * again so, and a new preview, under a new token, replaces the old.
 */
#include "base/wm.h"

#include <dirent.h>
#include <sys/stat.h>
#include <stdio.h>

#include "base/buf.h"
#include "base/mem.h"
#include "http/form.h"
#include "http/multipart.h"
#include "http/page.h"
#include "import/import.h"
#include "model/account.h"
#include "model/audit.h"

static bool
str_eq(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static bool
may_import(const struct req *rq)
{
	return rq->logged_in && (rq->ctx.role == ROLE_PLANNER || rq->ctx.role == ROLE_ADMIN);
}

static const char *
tmp_dir(void)
{
	const char *d = getenv("TMPDIR");

	return d != NULL && *d != '\0' ? d : "/tmp";
}

/* The waiting file of token, or NULL when the token is not one of ours (hex only). */
static const char *
wait_path(struct req *rq, const char *token)
{
	if (token == NULL || strlen(token) != ACCOUNT_TOKEN_LEN - 1)
		return NULL;
	for (const char *p = token; *p != '\0'; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return NULL;
	return arena_printf(rq->a, "%s/waymark-upload-%s", tmp_dir(), token);
}

/* Uploads previewed and never confirmed are dropped after a day, so they cannot pile up. */
#define WAIT_SECONDS (24 * 60 * 60)

static void
wait_tidy(struct req *rq)
{
	DIR *d = opendir(tmp_dir());
	struct dirent *e;
	struct stat st;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		const char *path;

		if (strncmp(e->d_name, "waymark-upload-", 15) != 0)
			continue;
		path = arena_printf(rq->a, "%s/%s", tmp_dir(), e->d_name);
		if (stat(path, &st) == 0 && st.st_mtime + WAIT_SECONDS < time(NULL))
			remove(path);
	}
	closedir(d);
}

static const char *const as_choices[][2] = {
	{ "", "Let Waymark decide" },
	{ "recommendations", "Recommendations" },
	{ "actions", "Actions" },
	{ "priorities", "Priorities" },
	{ "milestones", "Milestones" },
};

static void
upload_form(struct page *p, const char *error)
{
	struct html *h = &p->h;
	double mb = (double)p->rq->cfg->max_body / (1024.0 * 1024.0);
	json_t *as = json_array();
	const char *described;

	for (size_t i = 0; i < WM_ARRAY_LEN(as_choices); i++)
		json_array_append_new(as, json_pack("[s,s]", as_choices[i][0], as_choices[i][1]));
	html_open(h, "form", "method", "post", "action", "/import", "enctype",
	    "multipart/form-data", "novalidate", "", NULL);
	html_void(h, "input", "type", "hidden", "name", "csrf_token", "value", p->rq->sess.csrf,
	    NULL);
	described = page_group_begin(p, "file", "Upload a file", arena_printf(p->rq->a,
	    "A plan, action plan or report as Word, OpenDocument, PDF, web page or text; or a "
	    "spreadsheet (CSV or Excel) of figures, targets, projects or issues. Up to %.*f MB.",
	    mb < 1 ? 2 : mb < 10 ? 1 : 0, mb), error);
	html_void(h, "input", "class", error ? "govuk-file-upload govuk-file-upload--error" :
	    "govuk-file-upload", "id", "file", "name", "file", "type", "file",
	    "aria-describedby", described, NULL);
	html_close(h, "div");
	page_select(p, "as", "Read the records in a document as", as, "", NULL);
	json_decref(as);
	page_form_end(p, "Preview the import");
}

static void
counts_table(struct page *p, const json_t *report, bool done)
{
	static const char *const cols[] = { "created", "changed", "unchanged" };
	static const char *const heads[] = { "Would be added", "Would be changed", "Unchanged" };
	static const char *const done_heads[] = { "Added", "Changed", "Unchanged" };
	struct html *h = &p->h;
	json_t *seen = json_object();
	const char *kind;
	json_t *v;

	for (size_t i = 0; i < WM_ARRAY_LEN(cols); i++)
		json_object_foreach(json_object_get(report, cols[i]), kind, v)
			json_object_set_new(seen, kind, json_true());
	if (json_object_size(seen) == 0) {
		html_elem(h, "p", done ? "Nothing was added or changed." :
		    "Nothing would be added or changed.", "class", "govuk-body", NULL);
		json_decref(seen);
		return;
	}
	html_open(h, "table", "class", "govuk-table", NULL);
	html_elem(h, "caption", done ? "What was imported" : "What the import would do", "class",
	    "govuk-table__caption govuk-table__caption--m", NULL);
	html_open(h, "thead", "class", "govuk-table__head", NULL);
	html_open(h, "tr", "class", "govuk-table__row", NULL);
	html_elem(h, "th", "Records", "scope", "col", "class", "govuk-table__header", NULL);
	for (size_t i = 0; i < WM_ARRAY_LEN(heads); i++)
		html_elem(h, "th", done ? done_heads[i] : heads[i], "scope", "col", "class",
		    "govuk-table__header govuk-table__header--numeric", NULL);
	html_close(h, "tr");
	html_close(h, "thead");
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
	json_object_foreach(seen, kind, v) {
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		html_elem(h, "th", form_choice_text(p->rq, kind), "scope", "row", "class",
		    "govuk-table__header", NULL);
		for (size_t i = 0; i < WM_ARRAY_LEN(cols); i++) {
			html_open(h, "td", "class", "govuk-table__cell govuk-table__cell--numeric", NULL);
			html_textf(h, "%lld", (long long)json_integer_value(json_object_get(
			    json_object_get(report, cols[i]), kind)));
			html_close(h, "td");
		}
		html_close(h, "tr");
	}
	html_close(h, "tbody");
	html_close(h, "table");
	json_decref(seen);
}

/* A table of rows (objects) with these members; caption says what they are. */
static void
rows_table(struct page *p, const char *caption, const json_t *rows, const char *const *members,
    const char *const *heads)
{
	struct html *h = &p->h;
	const json_t *r;
	size_t i;

	html_open(h, "table", "class", "govuk-table", NULL);
	html_elem(h, "caption", caption, "class", "govuk-table__caption govuk-table__caption--m",
	    NULL);
	html_open(h, "thead", "class", "govuk-table__head", NULL);
	html_open(h, "tr", "class", "govuk-table__row", NULL);
	for (size_t c = 0; heads[c] != NULL; c++)
		html_elem(h, "th", heads[c], "scope", "col", "class", "govuk-table__header", NULL);
	html_close(h, "tr");
	html_close(h, "thead");
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
	json_array_foreach(rows, i, r) {
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		for (size_t c = 0; members[c] != NULL; c++) {
			const json_t *v = json_object_get(r, members[c]);
			char *t = json_is_integer(v) ? NULL : kind_value_text(v);

			html_open(h, "td", "class", "govuk-table__cell", NULL);
			if (json_is_integer(v))
				html_textf(h, "%lld", (long long)json_integer_value(v));
			else
				html_text(h, t != NULL ? t : "");
			html_close(h, "td");
			free(t);
		}
		html_close(h, "tr");
	}
	html_close(h, "tbody");
	html_close(h, "table");
}

/* The records previewed, one table a kind, in the order they first come. */
static void
records_tables(struct page *p, const json_t *records)
{
	static const char *const members[] = { "ref", "title", "lead", "timescale", "status", NULL };
	static const char *const heads[] = { "Reference", "Title", "Lead", "Timescale", "Status",
		NULL };
	json_t *by = json_object(), *order = json_array(), *r;
	size_t i;

	json_array_foreach(records, i, r) {
		const char *k = json_string_value(json_object_get(r, "kind"));

		k = k != NULL ? k : "record";
		if (json_object_get(by, k) == NULL) {
			json_object_set_new(by, k, json_array());
			json_array_append_new(order, json_string(k));
		}
		json_array_append(json_object_get(by, k), r);
	}
	json_array_foreach(order, i, r) {
		const char *k = json_string_value(r);
		const json_t *rows = json_object_get(by, k);

		rows_table(p, arena_printf(p->rq->a, "%s (%zu)", form_choice_text(p->rq, k),
		    json_array_size(rows)), rows, members, heads);
	}
	json_decref(order);
	json_decref(by);
}

static void
unread_table(struct page *p, const json_t *report)
{
	static const char *const members[] = { "line", "text", "why", NULL };
	static const char *const heads[] = { "Line or row", "What it says", "Why it was not read",
		NULL };
	const json_t *unread = json_object_get(report, "unread");

	if (json_array_size(unread) == 0) {
		html_elem(&p->h, "p", "Every line of the file was read.", "class", "govuk-body", NULL);
		return;
	}
	rows_table(p, arena_printf(p->rq->a, "Not read (%zu)", json_array_size(unread)), unread,
	    members, heads);
}

/* Read the waiting file: its first line is the JSON of who, where and when; the bytes follow. */
static int
wait_read(struct req *rq, const char *path, json_t **meta, char **data, size_t *len,
    struct wm_err *err)
{
	char *all;
	size_t n;
	const char *nl;
	int rc;

	*meta = NULL;
	*data = NULL;
	if ((rc = import_read_file(path, &all, &n, err)) != 0)
		return wm_error(err, WM_ENOTFOUND, "This upload has already been imported, or has "
		    "expired. Upload the file again.");
	if ((nl = memchr(all, '\n', n)) == NULL ||
	    (*meta = json_loadb(all, (size_t)(nl - all), 0, NULL)) == NULL) {
		free(all);
		return wm_error(err, WM_EINVAL, "This upload cannot be read back. Upload the file "
		    "again.");
	}
	*len = n - (size_t)(nl + 1 - all);
	*data = wm_malloc(*len + 1);
	memcpy(*data, nl + 1, *len);
	(*data)[*len] = '\0';
	free(all);
	(void)rq;
	return 0;
}

/*
 * The fields a document's column may be read as (the importer's --map),
 * in words. The importer says how it read each column (the report's
 * "columns"); the preview offers each with these, and reads the file
 * again with the ones the planner changed.
 */
static const char *const col_roles[][2] = {
	{ "ref", "Reference" }, { "text", "The record's text" }, { "subject", "Subject" },
	{ "priority", "Priority" }, { "response", "Response" },
	{ "lead", "Lead (who is responsible)" }, { "timescale", "When (timescale)" },
	{ "status", "Status" }, { "progress", "Progress" }, { "measure", "Measure" },
	{ "evidence", "Evidence" }, { "source", "Source" }, { "date", "Date" },
	{ "extra", "Kept as a note" },
};
/* The most columns offered: the importer's own limit of overrides. */
#define COLS_MAX 32

static bool
col_role_known(const char *role)
{
	for (size_t i = 0; role != NULL && i < WM_ARRAY_LEN(col_roles); i++)
		if (strcmp(role, col_roles[i][0]) == 0)
			return true;
	return false;
}

/*
 * The form that reads the file again another way: the kind its records
 * are read as, and a field for each column the importer found (a header
 * with a comma cannot be named in a map, so is shown as read).
 */
static void
columns_form(struct page *p, const char *token, const json_t *meta, const json_t *report)
{
	const json_t *cols = json_object_get(report, "columns");
	struct html *h = &p->h;
	json_t *as = json_array(), *roles = json_array();
	size_t n = 0;

	for (size_t i = 0; i < WM_ARRAY_LEN(as_choices); i++)
		json_array_append_new(as, json_pack("[s,s]", as_choices[i][0], as_choices[i][1]));
	for (size_t i = 0; i < WM_ARRAY_LEN(col_roles); i++)
		json_array_append_new(roles, json_pack("[s,s]", col_roles[i][0], col_roles[i][1]));
	html_elem(h, "h2", "Read it another way", "class", "govuk-heading-m", NULL);
	html_elem(h, "p", "If a column was read as the wrong thing, say what it holds, and "
	    "Waymark reads the file again and shows a new preview.", "class", "govuk-body", NULL);
	page_form_begin(p, "/import/again", "post");
	html_void(h, "input", "type", "hidden", "name", "upload", "value", token, NULL);
	page_select(p, "as", "Read the records as", as,
	    json_string_value(json_object_get(meta, "as")), NULL);
	for (size_t i = 0; i < json_array_size(cols) && n < COLS_MAX; i++) {
		const json_t *c = json_array_get(cols, i);
		const char *head = json_string_value(json_object_get(c, "header"));
		const char *was = json_string_value(json_object_get(c, "read_as"));

		if (head == NULL || strchr(head, ',') != NULL || !col_role_known(was))
			continue;
		html_void(h, "input", "type", "hidden", "name", arena_printf(p->rq->a, "head-%zu", n),
		    "value", head, NULL);
		html_void(h, "input", "type", "hidden", "name", arena_printf(p->rq->a, "was-%zu", n),
		    "value", was, NULL);
		page_select(p, arena_printf(p->rq->a, "col-%zu", n),
		    arena_printf(p->rq->a, "Column “%s”", head), roles, was, NULL);
		n++;
	}
	page_form_end(p, "Read the file again");
	json_decref(as);
	json_decref(roles);
}

static void
preview(struct req *rq, struct resp *rs, const char *token, const json_t *meta,
    const json_t *report, const char *failure)
{
	struct page p;
	struct html *h = &p.h;
	const char *name = json_string_value(json_object_get(meta, "name"));

	page_begin(&p, rq, rs, "Check the import", "/records");
	html_elem(h, "h1", "Check the import", "class", "govuk-heading-l", NULL);
	html_open(h, "p", "class", "govuk-body", NULL);
	html_textf(h, "Nothing has been imported yet. This is what importing %s would do.", name);
	html_close(h, "p");
	if (json_array_size(json_object_get(report, "kinds")) > 0 ||
	    json_string_value(json_object_get(meta, "map")) != NULL) {
		html_open(h, "dl", "class", "govuk-summary-list", NULL);
		page_summary_row(&p, "Read as", json_string_value(json_array_get(
		    json_object_get(report, "kinds"), 0)));
		page_summary_row(&p, "Columns read as you said",
		    json_string_value(json_object_get(meta, "map")));
		html_close(h, "dl");
	}
	if (failure != NULL)
		page_error_summary(&p, failure, NULL);
	counts_table(&p, report, false);
	records_tables(&p, json_object_get(report, "records"));
	unread_table(&p, report);
	if (failure == NULL) {
		page_form_begin(&p, "/import/confirm", "post");
		html_void(h, "input", "type", "hidden", "name", "upload", "value", token, NULL);
		page_form_end(&p, "Confirm and import");
	}
	if (token != NULL)
		columns_form(&p, token, meta, report);
	html_open(h, "p", "class", "govuk-body", NULL);
	html_elem(h, "a", "Upload another file", "href", "/import", "class", "govuk-link", NULL);
	html_close(h, "p");
	page_end(&p);
}

static struct import_opts
options_of(const json_t *meta, bool dry_run)
{
	struct import_opts o = { 0 };
	const char *as = json_string_value(json_object_get(meta, "as"));

	o.dry_run = dry_run;
	o.as_targets = -1;
	o.as_kind = as != NULL && *as != '\0' ? as : NULL;
	o.map = json_string_value(json_object_get(meta, "map"));
	return o;
}

/* A kind to read a document's records as, one of as_choices; "" for any other. */
static const char *
known_as(const char *as)
{
	for (size_t i = 1; as != NULL && i < WM_ARRAY_LEN(as_choices); i++)
		if (strcmp(as, as_choices[i][0]) == 0)
			return as;
	return "";
}

/*
 * Read data in a dry run with meta's options, keep it waiting under a new
 * token (also when it fails: read another way it may not), and answer
 * with the preview.
 */
static void
preview_kept(struct req *rq, struct resp *rs, const json_t *meta, const char *data, size_t len)
{
	struct wm_err err = WM_ERR_INIT;
	char token[ACCOUNT_TOKEN_LEN];
	struct import_opts o = options_of(meta, true);
	json_t *report = NULL;
	const char *path;
	char *line;
	FILE *out;
	int rc;

	rc = import_bytes(&rq->ctx, json_string_value(json_object_get(meta, "name")), data, len,
	    &o, &report, &err);
	wait_tidy(rq);
	account_random_token(token);
	path = wait_path(rq, token);
	line = json_dumps(meta, JSON_COMPACT);
	if ((out = fopen(path, "wbx")) == NULL || fprintf(out, "%s\n", line) < 0 ||
	    fwrite(data, 1, len, out) != len || fclose(out) != 0) {
		remove(path);
		free(line);
		json_decref(report);
		page_fail(rq, rs, 503, "Sorry, there is a problem", "Waymark could not keep the "
		    "file to import. Try again later.");
		return;
	}
	free(line);
	preview(rq, rs, token, meta, report, rc == 0 ? NULL : err.msg);
	if (rc != 0)
		rs->status = 422;
	json_decref(report);
}

static void
upload(struct req *rq, struct resp *rs)
{
	struct wm_err err = WM_ERR_INIT;
	const struct upload *f = NULL;
	const char *as;
	json_t *meta = NULL;
	char hash[AUDIT_HASH_LEN];
	int64_t seq = 0;

	for (size_t i = 0; rq->files != NULL && i < rq->files->n && f == NULL; i++)
		if (strcmp(rq->files->v[i].field, "file") == 0)
			f = &rq->files->v[i];
	if (f == NULL || f->len == 0) {
		struct page p;

		page_begin(&p, rq, rs, "Error: Upload a file", "/records");
		page_error_summary(&p, "Choose a file to upload", "#file");
		html_elem(&p.h, "h1", "Upload a file", "class", "govuk-heading-l", NULL);
		upload_form(&p, "Choose a file to upload");
		page_end(&p);
		rs->status = 400;
		return;
	}
	as = known_as(req_form(rq, "as"));
	if (audit_head(&rq->ctx, &seq, hash, &err) != 0) {
		page_fail_err(rq, rs, &err);
		return;
	}
	meta = json_pack("{s:s, s:s, s:I, s:s, s:s}", "user", rq->sess.user.username, "db",
	    rq->cfg->db ? rq->cfg->db : "", "seq", (json_int_t)seq, "name",
	    *f->filename ? f->filename : "the file", "as", as);
	preview_kept(rq, rs, meta, f->data, f->len);
	json_decref(meta);
}

/*
 * The upload waiting at path, read back, when it is this user's on this
 * database; else the page saying why not, and false.
 */
static bool
waiting(struct req *rq, struct resp *rs, const char *path, json_t **meta, char **data,
    size_t *len)
{
	struct wm_err err = WM_ERR_INIT;

	if (path == NULL || wait_read(rq, path, meta, data, len, &err) != 0) {
		page_fail(rq, rs, 404, "Upload the file again", path == NULL ? "This upload is not "
		    "one Waymark knows. Upload the file again." : err.msg);
		return false;
	}
	if (!str_eq(json_string_value(json_object_get(*meta, "user")), rq->sess.user.username) ||
	    !str_eq(json_string_value(json_object_get(*meta, "db")), rq->cfg->db ? rq->cfg->db : "")) {
		page_fail(rq, rs, 403, "You cannot do that", "Someone else uploaded this file. Upload "
		    "it yourself to import it.");
		return false;
	}
	return true;
}

/*
 * /import/again: the waiting file read again, as the planner said: its
 * records as a kind, and each column changed from how it was read as the
 * field chosen (with the columns said before). A new preview, with a new
 * token and the log's last entry now, replaces the old one.
 */
static void
again(struct req *rq, struct resp *rs)
{
	struct wm_err err = WM_ERR_INIT;
	const char *path = wait_path(rq, req_form(rq, "upload"));
	const char *was_map, *name, *was, *col;
	json_t *meta = NULL, *said = json_object(), *v;
	struct buf map = BUF_INIT;
	char hash[AUDIT_HASH_LEN];
	int64_t seq = 0;
	char *data = NULL, *spec;
	size_t len = 0;

	if (!waiting(rq, rs, path, &meta, &data, &len))
		goto out;
	/* what was said before stands unless said again */
	was_map = json_string_value(json_object_get(meta, "map"));
	spec = wm_strdup(was_map != NULL ? was_map : "");
	for (char *tok = spec, *next; tok != NULL && *tok != '\0'; tok = next) {
		char *eq;

		if ((next = strchr(tok, ',')) != NULL)
			*next++ = '\0';
		if ((eq = strrchr(tok, '=')) != NULL) {
			*eq = '\0';
			json_object_set_new(said, tok, json_string(eq + 1));
		}
	}
	free(spec);
	for (size_t i = 0; i < COLS_MAX; i++) {
		name = req_form(rq, arena_printf(rq->a, "head-%zu", i));
		was = req_form(rq, arena_printf(rq->a, "was-%zu", i));
		col = req_form(rq, arena_printf(rq->a, "col-%zu", i));
		if (name == NULL || *name == '\0' || strchr(name, ',') != NULL || !col_role_known(col))
			continue;
		if (was == NULL || strcmp(was, col) != 0 || json_object_get(said, name) != NULL)
			json_object_set_new(said, name, json_string(col));
	}
	json_object_foreach(said, name, v)
		buf_addf(&map, "%s%s=%s", map.len > 0 ? "," : "", name, json_string_value(v));
	if (audit_head(&rq->ctx, &seq, hash, &err) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	json_object_set_new(meta, "as", json_string(known_as(req_form(rq, "as"))));
	json_object_set_new(meta, "seq", json_integer((json_int_t)seq));
	if (map.len > 0)
		json_object_set_new(meta, "map", json_string(buf_str(&map)));
	else
		json_object_del(meta, "map");
	/* one waiting file an upload: the old preview's is done with */
	remove(path);
	preview_kept(rq, rs, meta, data, len);
out:
	buf_release(&map);
	json_decref(said);
	json_decref(meta);
	free(data);
}

static void
confirm(struct req *rq, struct resp *rs)
{
	struct wm_err err = WM_ERR_INIT;
	const char *path = wait_path(rq, req_form(rq, "upload"));
	json_t *meta = NULL, *report = NULL;
	char hash[AUDIT_HASH_LEN];
	struct import_opts o;
	int64_t seq = 0;
	char *data = NULL;
	size_t len = 0;
	struct page p;
	int rc;

	if (!waiting(rq, rs, path, &meta, &data, &len))
		goto out;
	if ((rc = audit_head(&rq->ctx, &seq, hash, &err)) != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	if (seq != json_integer_value(json_object_get(meta, "seq"))) {
		remove(path);
		page_fail(rq, rs, 409, "The records changed after the preview", "Someone changed "
		    "the records after you previewed this file, so the preview may no longer say what "
		    "the import would do. Nothing was imported. Upload the file again to see a new "
		    "preview.");
		goto out;
	}
	o = options_of(meta, false);
	rc = import_bytes(&rq->ctx, json_string_value(json_object_get(meta, "name")), data, len,
	    &o, &report, &err);
	if (rc != 0) {
		page_fail_err(rq, rs, &err);
		goto out;
	}
	remove(path);
	page_begin(&p, rq, rs, "File imported", "/records");
	page_success(&p, arena_printf(rq->a, "%s has been imported",
	    json_string_value(json_object_get(meta, "name"))));
	html_elem(&p.h, "h1", "File imported", "class", "govuk-heading-l", NULL);
	counts_table(&p, report, true);
	html_open(&p.h, "p", "class", "govuk-body", NULL);
	html_elem(&p.h, "a", "See the recommendations", "href", "/recommendations", "class",
	    "govuk-link", NULL);
	html_close(&p.h, "p");
	page_end(&p);
out:
	free(data);
	json_decref(meta);
	json_decref(report);
}

void
page_import_under(struct req *rq, struct resp *rs, const char *rest)
{
	bool post = strcmp(rq->method, "POST") == 0;
	struct page p;

	if (!may_import(rq)) {
		page_fail(rq, rs, 403, "You cannot do that", "Only planners and administrators can "
		    "import files.");
		return;
	}
	if (post && strcmp(rest, "") == 0) {
		upload(rq, rs);
		return;
	}
	if (post && strcmp(rest, "confirm") == 0) {
		confirm(rq, rs);
		return;
	}
	if (post && strcmp(rest, "again") == 0) {
		again(rq, rs);
		return;
	}
	if (strcmp(rest, "") != 0) {
		page_fail(rq, rs, 404, "Page not found", "There is nothing at this address.");
		return;
	}
	page_begin(&p, rq, rs, "Upload a file", "/records");
	html_elem(&p.h, "h1", "Upload a file", "class", "govuk-heading-l", NULL);
	html_elem(&p.h, "p", "Waymark reads the file and shows what it would add or change, and "
	    "anything it could not read. Nothing is imported until you confirm.", "class",
	    "govuk-body", NULL);
	upload_form(&p, NULL);
	page_end(&p);
}

void
page_import(struct req *rq, struct resp *rs)
{
	page_import_under(rq, rs, "");
}
