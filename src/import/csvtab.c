/*
 * csvtab.c: reading CSV into a table (see csvtab.h).
 *
 * libcsv does the quoting; this feeds it a line at a time so that each
 * record knows the line it began on. A record begins at the start of the
 * first line that is not inside a quoted field: after an even number of
 * quote characters, since a quote inside a quoted field is written twice.
 */
#include "base/wm.h"

#include <csv.h>

#include "base/mem.h"
#include "base/str.h"
#include "import/csvtab.h"

struct reader {
	struct csvtab *t;
	struct csvtab_row cur;
	size_t capcells;
	size_t line;		/* the line being fed */
	size_t start;		/* the line the record being read began on */
	bool header_only;
	bool have_header;
	bool too_wide;
	bool done;
};

static void
on_field(void *s, size_t len, void *arg)
{
	struct reader *r = arg;

	if (r->done)
		return;
	if (r->cur.ncells == 0)
		r->cur.line = r->start;
	if (r->cur.ncells >= CSVTAB_MAX_COLS) {
		r->too_wide = true;
		return;
	}
	WM_GROW(r->cur.cells, r->cur.ncells + 1, r->capcells);
	/* a NUL byte inside a field ends its text: cells are C strings */
	r->cur.cells[r->cur.ncells++] = wm_strndup(s ? s : "", s ? strnlen(s, len) : 0);
}

static void
row_free(struct csvtab_row *row)
{
	for (size_t i = 0; i < row->ncells; i++)
		free(row->cells[i]);
	free(row->cells);
	memset(row, 0, sizeof(*row));
}

static bool
blank_row(const struct csvtab_row *row)
{
	for (size_t i = 0; i < row->ncells; i++)
		if (row->cells[i][0] != '\0')
			return false;
	return true;
}

static void
on_row(int c, void *arg)
{
	struct reader *r = arg;
	struct csvtab_row row = r->cur;

	(void)c;
	memset(&r->cur, 0, sizeof(r->cur));
	r->capcells = 0;
	if (r->done || blank_row(&row)) {
		row_free(&row);
		return;
	}
	if (!r->have_header) {
		r->t->header = row;
		r->have_header = true;
		r->done = r->header_only;
		return;
	}
	/* pad a short row to the header's width */
	if (row.ncells < r->t->header.ncells) {
		row.cells = wm_reallocarray(row.cells, r->t->header.ncells, sizeof(*row.cells));
		while (row.ncells < r->t->header.ncells)
			row.cells[row.ncells++] = wm_strdup("");
	}
	WM_GROW(r->t->rows, r->t->nrows + 1, r->t->cap);
	r->t->rows[r->t->nrows++] = row;
}

/* The bytes of the line at s, with its ending: "\n", "\r\n" or a lone "\r" (as libcsv reads them). */
static size_t
line_length(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			return i + 1;
		if (s[i] == '\r')
			return i + 1 < len && s[i + 1] == '\n' ? i + 2 : i + 1;
	}
	return len;
}

static int
read_csv(const char *data, size_t len, struct csvtab *t, bool header_only, struct wm_err *err)
{
	struct csv_parser p;
	struct reader r = { 0 };
	size_t pos = 0, quotes = 0;
	int rc = 0;

	memset(t, 0, sizeof(*t));
	r.t = t;
	r.header_only = header_only;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return wm_error(err, WM_EINTERNAL, "cannot start the CSV reader");
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < len && !r.done) {
		size_t n = line_length(data + pos, len - pos);

		r.line++;
		if (quotes % 2 == 0)
			r.start = r.line;
		for (size_t i = 0; i < n; i++)
			quotes += data[pos + i] == '"';
		/* text that is not UTF-8 would be stored and shown as nothing: refuse, with the line */
		if (!utf8_valid(data + pos, n)) {
			rc = wm_error(err, WM_EINVAL, "line %zu is not UTF-8 text: save the file as "
			    "\"CSV UTF-8\" and import it again", r.line);
			goto out;
		}
		if (csv_parse(&p, data + pos, n, on_field, on_row, &r) != n) {
			rc = wm_error(err, WM_EINVAL, "line %zu: %s", r.line, csv_strerror(csv_error(&p)));
			goto out;
		}
		if (r.too_wide) {
			rc = wm_error(err, WM_EINVAL, "line %zu: more than %d columns", r.start,
			    CSVTAB_MAX_COLS);
			goto out;
		}
		pos += n;
	}
	if (!r.done && csv_fini(&p, on_field, on_row, &r) != 0) {
		rc = wm_error(err, WM_EINVAL, "line %zu: a quoted cell is never closed", r.start);
		goto out;
	}
	if (!r.have_header)
		rc = wm_error(err, WM_EINVAL, "no header row: the file is empty");
out:
	row_free(&r.cur);
	csv_free(&p);
	if (rc != 0)
		csvtab_release(t);
	return rc;
}

int
csvtab_read(const char *data, size_t len, struct csvtab *t, struct wm_err *err)
{
	return read_csv(data, len, t, false, err);
}

int
csvtab_header(const char *data, size_t len, struct csvtab *t, struct wm_err *err)
{
	return read_csv(data, len, t, true, err);
}

void
csvtab_release(struct csvtab *t)
{
	row_free(&t->header);
	for (size_t i = 0; i < t->nrows; i++)
		row_free(&t->rows[i]);
	free(t->rows);
	memset(t, 0, sizeof(*t));
}
