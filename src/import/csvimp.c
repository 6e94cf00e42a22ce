/*
 * csvimp.c: projects and consultation issues from CSV files.
 *
 * The programme office collects projects from every department and
 * borough in a spreadsheet; consultation issues come from surveys and
 * reviews the same way. The header row names the columns by the kind's
 * field names (case, spaces and hyphens do not matter), which also tells
 * what the file is: ref and title, projects; ref, source, date and text,
 * issues. A projects file may also have
 *
 *   aims              the aims it serves: "TTSC/G1.A1=0.8; G1.A3=0.2"
 *                     (a weight of 1 when none is given)
 *   one_off 2003/04   its one-off cost in that financial year (any year)
 *   recurring 2003/04 its recurring cost in that year
 *
 * and an issues file a themes column ("VIS; TRUST") for themes given by
 * hand. Each row is one record, added or changed field by field (empty
 * cells change nothing); a row that cannot be taken is reported with its
 * line and why, and taken whole or not at all.
 */
#include "base/wm.h"

#include <ctype.h>
#include <sodium.h>

#include "base/buf.h"
#include "base/mem.h"
#include "base/period.h"
#include "base/str.h"
#include "import/csvimp.h"
#include "import/csvtab.h"
#include "model/ent.h"
#include "model/implog.h"
#include "store/store.h"

/* "One-off 2003/04" -> "one_off_2003/04" */
static void
column_name(const char *in, char *out, size_t size)
{
	size_t n = 0;

	while (*in == ' ' || *in == '\t')
		in++;
	for (; *in != '\0' && n + 1 < size; in++)
		out[n++] = *in == ' ' || *in == '-' || *in == '\t' ? '_' :
		    (char)tolower((unsigned char)*in);
	while (n > 0 && out[n - 1] == '_')
		n--;
	out[n] = '\0';
}

static bool
has_column(const struct csvtab_row *h, const char *name)
{
	char col[128];

	for (size_t i = 0; i < h->ncells; i++) {
		column_name(h->cells[i], col, sizeof(col));
		if (strcmp(col, name) == 0)
			return true;
	}
	return false;
}

static enum csvimp_kind
kind_of_header(const struct csvtab_row *h)
{
	if (has_column(h, "ref") && has_column(h, "source") && has_column(h, "date") &&
	    has_column(h, "text"))
		return CSVIMP_ISSUES;
	if (has_column(h, "ref") && has_column(h, "title"))
		return CSVIMP_PROJECTS;
	return CSVIMP_NONE;
}

enum csvimp_kind
csvimp_detect(const char *data, size_t len)
{
	struct wm_err quiet = WM_ERR_INIT;
	struct csvtab t;
	enum csvimp_kind k;
	const char *nl = memchr(data, '\n', len);

	/* a CSV header has a comma before its first line ends */
	if (memchr(data, ',', nl ? (size_t)(nl - data) : len) == NULL)
		return CSVIMP_NONE;
	if (csvtab_header(data, len, &t, &quiet) != 0)
		return CSVIMP_NONE;
	k = kind_of_header(&t.header);
	csvtab_release(&t);
	return k;
}

/* What one column of the file is. */
enum col_role { COL_FIELD, COL_AIMS, COL_ONE_OFF, COL_RECURRING };

struct column {
	enum col_role role;
	const struct field *f;	/* COL_FIELD */
	char year[12];		/* COL_ONE_OFF, COL_RECURRING: "2003/04" */
	char name[128];
};

static int
cost_column(const char *name, struct column *c)
{
	const char *y;
	int start;

	if (str_has_prefix(name, "one_off_")) {
		c->role = COL_ONE_OFF;
		y = name + strlen("one_off_");
	} else if (str_has_prefix(name, "recurring_")) {
		c->role = COL_RECURRING;
		y = name + strlen("recurring_");
	} else {
		return WM_EINVAL;
	}
	if (fyear_parse(y, &start) != 0)
		return WM_EINVAL;
	snprintf(c->year, sizeof(c->year), "%d/%02d", start, (start + 1) % 100);
	return 0;
}

static int
read_columns(const struct kind *k, const struct csvtab_row *h, struct column *cols,
    struct wm_err *err)
{
	bool projects = strcmp(k->name, "projects") == 0;

	for (size_t i = 0; i < h->ncells; i++) {
		struct column *c = &cols[i];

		column_name(h->cells[i], c->name, sizeof(c->name));
		c->f = kind_field(k, c->name);
		if (c->f != NULL && !(c->f->flags & FF_DERIVED)) {
			c->role = COL_FIELD;
			continue;
		}
		if (projects && strcmp(c->name, "aims") == 0) {
			c->role = COL_AIMS;
			continue;
		}
		if (projects && cost_column(c->name, c) == 0)
			continue;
		return wm_error(err, WM_EINVAL, "line %zu: column \"%s\" is not one Waymark reads "
		    "for %s (`waymark help add %s` lists the fields%s)", h->line, h->cells[i],
		    k->name, k->one, projects ? "; also aims, one_off YYYY/YY, recurring YYYY/YY" : "");
	}
	return 0;
}

/* "a; b, c" -> ["a", "b", "c"] */
static json_t *
split_list(const char *text)
{
	json_t *list = json_array();
	char *copy = wm_strdup(text), *save = NULL;

	for (char *tok = strtok_r(copy, ";,", &save); tok != NULL; tok = strtok_r(NULL, ";,", &save))
		if (!str_is_blank(tok))
			json_array_append_new(list, json_string(str_trim(tok)));
	free(copy);
	return list;
}

/* "£120,000" -> "120000": money as spreadsheets show it. */
static void
plain_amount(const char *in, struct buf *out)
{
	if (strncmp(in, "\u00a3", strlen("\u00a3")) == 0)
		in += strlen("\u00a3");
	for (; *in != '\0'; in++)
		if (*in != ',' && *in != ' ')
			buf_addc(out, *in);
}

struct counts {
	json_t *summary;	/* dbx's shape: {"kind": {"added", "changed", "unchanged"}} */
};

static void
count(struct counts *c, const char *kind, int changed)
{
	static const char *const names[] = { "unchanged", "added", "changed" };
	json_t *k = json_object_get(c->summary, kind);

	if (k == NULL) {
		k = json_pack("{s:i, s:i, s:i}", "added", 0, "changed", 0, "unchanged", 0);
		json_object_set_new(c->summary, kind, k);
	}
	json_object_set_new(k, names[changed], json_integer(json_integer_value(json_object_get(k,
	    names[changed])) + 1));
}

static void
counts_add(struct counts *to, const struct counts *from)
{
	const char *kind, *what;
	json_t *v, *n;

	json_object_foreach(from->summary, kind, v) {
		json_t *k = json_object_get(to->summary, kind);

		if (k == NULL) {
			json_object_set(to->summary, kind, v);
			continue;
		}
		json_object_foreach(v, what, n)
			json_object_set_new(k, what, json_integer(json_integer_value(json_object_get(k,
			    what)) + json_integer_value(n)));
	}
}

static int
upsert(struct wm_ctx *ctx, const char *kind, json_t *rec, struct counts *c, struct wm_err *err)
{
	int changed, rc;

	rc = ent_upsert(ctx, kind_find(kind), rec, false, &changed, err);
	if (rc == 0)
		count(c, kind, changed);
	return rc;
}

static int
node_key(struct wm_ctx *ctx, const char *name, struct buf *key, struct wm_err *err)
{
	const struct kind *nodes = kind_find("nodes");
	json_t *row;
	int64_t id;
	int rc;

	if ((rc = ent_resolve(ctx, nodes, name, &id, err)) != 0 ||
	    (rc = ent_get_by_id(ctx, nodes, id, true, &row, err)) != 0) {
		wm_error_prefix(err, "aims: ");
		return rc;
	}
	ent_row_key(nodes, row, key);
	json_decref(row);
	return 0;
}

/* One row as its records: the project or issue, and a project's costs and aims. */
static int
write_row(struct wm_ctx *ctx, const struct kind *k, const struct column *cols,
    const struct csvtab_row *row, struct counts *c, struct wm_err *err)
{
	json_t *rec = json_object(), *costs = json_object(), *aims = NULL, *v;
	const char *ref = NULL, *year;
	int rc = 0;

	for (size_t i = 0; i < row->ncells; i++) {
		char *cell = wm_strdup(row->cells[i]);
		const char *text = str_trim(cell);

		if (*text == '\0') {
			free(cell);
			continue;
		}
		switch (cols[i].role) {
		case COL_FIELD:
			json_object_set_new(rec, cols[i].name, cols[i].f->type == FT_LINKS ?
			    split_list(text) : json_string(text));
			if (strcmp(cols[i].name, "ref") == 0)
				ref = json_string_value(json_object_get(rec, "ref"));
			break;
		case COL_AIMS:
			json_decref(aims);
			aims = split_list(text);
			break;
		case COL_ONE_OFF:
		case COL_RECURRING: {
			struct buf amount = BUF_INIT;
			json_t *cost = json_object_get(costs, cols[i].year);

			if (cost == NULL) {
				cost = json_object();
				json_object_set_new(costs, cols[i].year, cost);
			}
			plain_amount(text, &amount);
			json_object_set_new(cost, cols[i].role == COL_ONE_OFF ? "one_off" : "recurring",
			    json_string(buf_str(&amount)));
			buf_release(&amount);
			break;
		}
		}
		free(cell);
	}
	if (ref == NULL) {
		rc = wm_error(err, WM_EINVAL, "no ref: every row needs one");
		goto out;
	}
	if ((rc = upsert(ctx, k->name, rec, c, err)) != 0)
		goto out;
	json_object_foreach(costs, year, v) {
		json_object_set_new(v, "project", json_string(ref));
		json_object_set_new(v, "year", json_string(year));
		if ((rc = upsert(ctx, "costs", v, c, err)) != 0)
			goto out;
	}
	for (size_t i = 0; aims != NULL && i < json_array_size(aims); i++) {
		const char *spec = json_string_value(json_array_get(aims, i));
		const char *eq = strchr(spec, '=');
		char *aim = eq ? wm_strndup(spec, (size_t)(eq - spec)) : wm_strdup(spec);
		struct buf key = BUF_INIT;
		json_t *contrib;

		/* "G1.A3" is "TTSC/G1.A3" where only one aim could be meant; store the whole key */
		rc = node_key(ctx, str_trim(aim), &key, err);
		free(aim);
		if (rc != 0)
			goto out;
		contrib = json_pack("{s:s, s:s, s:s}", "project", ref, "aim", buf_str(&key),
		    "weight", eq ? eq + 1 : "1");
		rc = upsert(ctx, "contributions", contrib, c, err);
		json_decref(contrib);
		buf_release(&key);
		if (rc != 0)
			goto out;
	}
out:
	json_decref(rec);
	json_decref(costs);
	json_decref(aims);
	return rc;
}

/* The row's cells as one line of text, for the report of what was not read. */
static json_t *
row_text(const struct csvtab_row *row)
{
	struct buf b = BUF_INIT;
	json_t *j;

	for (size_t i = 0; i < row->ncells; i++)
		buf_addf(&b, "%s%s", i ? "," : "", row->cells[i]);
	if (b.len > 200) {
		buf_truncate(&b, 197);
		buf_adds(&b, "...");
	}
	j = json_string(buf_str(&b));
	buf_release(&b);
	return j ? j : json_string("");
}

int
csvimp_import(struct wm_ctx *ctx, const char *name, const char *data, size_t len,
    enum csvimp_kind kind, const struct import_opts *opts, json_t *report, struct wm_err *err)
{
	const struct kind *k = kind_find(kind == CSVIMP_ISSUES ? "issues" : "projects");
	struct counts c = { json_object() };
	json_t *unread = json_object_get(report, "unread");
	struct column *cols = NULL;
	struct csvtab t;
	struct audit_span span;
	unsigned char hash[crypto_hash_sha256_BYTES];
	char sha[crypto_hash_sha256_BYTES * 2 + 1];
	int rc;

	json_array_append_new(json_object_get(report, "kinds"), json_pack("s+", k->name, " (csv)"));
	if ((rc = csvtab_read(data, len, &t, err)) != 0) {
		wm_error_prefix(err, "%s: ", name);
		json_decref(c.summary);
		return rc;
	}
	cols = wm_calloc(t.header.ncells + 1, sizeof(*cols));
	if ((rc = read_columns(k, &t.header, cols, err)) != 0) {
		wm_error_prefix(err, "%s: ", name);
		goto out;
	}
	if ((rc = store_begin(ctx->st, err)) != 0)
		goto out;
	if ((rc = audit_span_begin(ctx, &span, err)) != 0) {
		store_rollback(ctx->st, rc);
		goto out;
	}
	for (size_t i = 0; i < t.nrows && rc == 0; i++) {
		const struct csvtab_row *row = &t.rows[i];
		struct wm_err why = WM_ERR_INIT;
		int bad;

		if (row->ncells > t.header.ncells) {
			wm_error(&why, WM_EINVAL, "%zu cells, but the header names %zu columns",
			    row->ncells, t.header.ncells);
			bad = WM_EINVAL;
		} else if ((bad = store_begin(ctx->st, &why)) == 0) {
			/* a row is all or nothing, and counts only when it is taken */
			struct counts mine = { json_object() };

			bad = write_row(ctx, k, cols, row, &mine, &why);
			bad = bad ? store_rollback(ctx->st, bad) : store_commit(ctx->st, &why);
			if (bad == 0)
				counts_add(&c, &mine);
			json_decref(mine.summary);
		}
		if (bad == WM_EDB || bad == WM_EINTERNAL) {
			rc = wm_error(err, bad, "%s: line %zu: %s", name, row->line, why.msg);
			break;
		}
		if (bad != 0)
			json_array_append_new(unread, json_pack("{s:I, s:o, s:s}", "line",
			    (json_int_t)row->line, "text", row_text(row), "why", why.msg));
	}
	if (rc == 0 && json_array_size(unread) > 0 && !opts->partial)
		rc = wm_error(err, WM_EINVAL, "%s: %zu of %zu rows could not be read (listed above); "
		    "nothing was imported: mend them, or import the rest with --partial", name,
		    json_array_size(unread), t.nrows);
	if (rc == 0) {
		crypto_hash_sha256(hash, (const unsigned char *)data, len);
		sodium_bin2hex(sha, sizeof(sha), hash, sizeof(hash));
		rc = implog_record(ctx, sha, name, json_object_get(report, "kinds"), NULL, NULL, &span,
		    err);
	}
	rc = rc ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
	if (rc == 0)
		import_report_counts(report, c.summary);
out:
	free(cols);
	csvtab_release(&t);
	json_decref(c.summary);
	return rc;
}
