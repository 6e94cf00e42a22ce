/*
 * dm_repair.c: mending what saving a table as text did to it.
 *
 * Word saves a table as text one line a row, but a row whose cells wrap
 * comes out as several lines, a header as two, and the header again at
 * each page break; a cell's sentence may land in the wrong column. The
 * mapper knows a table's columns (what each holds) before it reads its
 * rows; these passes, each on its own and in this order, use that to put
 * the table back as it was:
 *
 *   rep_repeated_headers  a row that names the columns again is a header
 *                         (after a page break), not a record;
 *   rep_header_continued  rows after a header that start no record and
 *                         hold only short cells finish the header ("Repo /
 *                         ort section", "1 = Low 2 = Med 3 = High");
 *   rep_rows_continued    a row that starts no record continues the one
 *                         above, cell by cell; and Word's misplacements
 *                         are undone: a long sentence in a short column,
 *                         or a new sentence after a finished one, goes to
 *                         the last long column that has text (the progress
 *                         update); "Recommendation met: X" goes to the
 *                         progress; a year alone in the lead column is the
 *                         timescale's.
 *
 * Tables a format gave with real cells (HTML, DOCX, spreadsheets) have
 * nothing to mend: their rows each start a record, and the passes leave
 * them as they are. Nor have a PDF's: its reader finds the cells from
 * their positions, joins a cell's wrapped lines and a row a page break
 * cut, and marks a header repeated after the break (pdf.h).
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "import/dm_map_impl.h"

/* Does row r name columns, as a header does? */
static bool
names_columns(const struct mtab *t, const struct mrow *r)
{
	size_t known = 0, other = 0;

	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = r->cell[c];
		enum col_role role;

		if (s == NULL || *s == '\0')
			continue;
		if (strlen(s) > 80)
			return false;
		role = vocab_column(s, NULL);
		if (role > COL_OTHER)
			known++;
		else
			other++;
	}
	return known >= 2 && other <= known;
}

void
rep_repeated_headers(struct mctx *m, struct mtab *t)
{
	(void)m;
	for (size_t r = 0; r < t->nrows; r++)
		if (!t->row[r].head && !t->row[r].group && t->row[r].ref == NULL &&
		    names_columns(t, &t->row[r]))
			t->row[r].head = true;
}

static bool
short_cells(const struct mtab *t, const struct mrow *r)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (r->cell[c] != NULL && strlen(r->cell[c]) >= 40)
			return false;
	return true;
}

void
rep_header_continued(struct mctx *m, struct mtab *t)
{
	bool in_header = false;

	for (size_t r = 0; r < t->nrows; r++) {
		struct mrow *row = &t->row[r];

		if (row->head) {
			in_header = true;
			continue;
		}
		if (row->ref != NULL || row->group) {
			in_header = false;
			continue;
		}
		if (!in_header)
			continue;
		if (short_cells(t, row)) {
			row->head = true;
			continue;
		}
		/* a long cell before the table's first record belongs to no record */
		for (size_t c = 0; c < t->ncols; c++)
			map_unread(m, t->b, row->cpos[c], row->cell[c],
			    "a table line before the table's first record");
		row->merged = true;
	}
}

static bool
long_role(enum col_role r)
{
	return r == COL_TEXT || r == COL_RESPONSE || r == COL_PROGRESS;
}

static bool
ends_sentence(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':');
}

static bool
only_year(const char *s)
{
	int d = 0;

	for (; *s != '\0'; s++) {
		if (isdigit((unsigned char)*s))
			d++;
		else if (*s != ' ' && *s != '.')
			return false;
	}
	return d == 4 || d == 2;
}

static bool
contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return false;
}

/* The column of role r where the record's text has gone so far, or SIZE_MAX. */
static size_t
col_with_text(const struct mtab *t, const struct mrow *rec, enum col_role r)
{
	size_t c = tab_col(t, r);

	return c != SIZE_MAX && rec->cell[c] != NULL && *rec->cell[c] != '\0' ? c : SIZE_MAX;
}

/* The last long column that has text: where misplaced sentences belong. */
static size_t
last_long(const struct mtab *t, const struct mrow *rec)
{
	static const enum col_role order[] = { COL_PROGRESS, COL_RESPONSE, COL_TEXT };

	for (size_t i = 0; i < WM_ARRAY_LEN(order); i++) {
		size_t c = tab_col(t, order[i]);

		if (c != SIZE_MAX && rec->cell[c] != NULL && rec->cell[c][0] != '\0')
			return c;
	}
	return SIZE_MAX;
}

static void
append(struct mctx *m, struct mrow *rec, size_t c, const char *text)
{
	if (rec->cell[c] == NULL || *rec->cell[c] == '\0')
		rec->cell[c] = text;
	else
		rec->cell[c] = arena_printf(m->a, "%s %s", rec->cell[c], text);
}

/* Put a continuation row's cells into the record above. */
static void
continue_row(struct mctx *m, struct mtab *t, struct mrow *rec, const struct mrow *row)
{
	for (size_t i = 0; i < t->ncols; i++) {
		const char *frag = row->cell[i];
		enum col_role role = t->col[i].role;
		size_t tail = last_long(t, rec), to = i;

		if (frag == NULL || *frag == '\0')
			continue;
		if (contains_ci(frag, "recommendation met") && tab_col(t, COL_PROGRESS) != SIZE_MAX) {
			to = tab_col(t, COL_PROGRESS);
		} else if (role == COL_LEAD && only_year(frag) && tab_col(t, COL_TIMESCALE) != SIZE_MAX) {
			to = tab_col(t, COL_TIMESCALE);
		} else if (!long_role(role) && strlen(frag) > 60 && tail != SIZE_MAX) {
			to = tail;
		} else if (long_role(role) && tail != SIZE_MAX && tail != i &&
		    col_with_text(t, rec, role) != SIZE_MAX && ends_sentence(rec->cell[i]) &&
		    isupper((unsigned char)frag[0]) && tail > i) {
			to = tail;
		} else if (role <= COL_OTHER) {
			to = tail != SIZE_MAX ? tail : i;
		}
		append(m, rec, to, frag);
	}
}

void
rep_rows_continued(struct mctx *m, struct mtab *t)
{
	struct mrow *rec = NULL;
	size_t ts = tab_col(t, COL_TIMESCALE);
	bool rows_start = tab_col(t, COL_REF) != SIZE_MAX || t->lettered;

	/* (rows without references start a record by having text: map_table set their ref "") */

	for (size_t r = 0; r < t->nrows; r++) {
		struct mrow *row = &t->row[r];
		bool starts;

		if (row->head || row->group || row->merged)
			continue;
		starts = row->ref != NULL;
		if (starts) {
			rec = row;
			continue;
		}
		if (rec == NULL)
			continue;
		if (!rows_start) {
			/* a time with no step of its own is the time of the step above */
			if (ts != SIZE_MAX && row->cell[ts] != NULL && *row->cell[ts] != '\0')
				append(m, rec, ts, row->cell[ts]);
			for (size_t c = 0; c < t->ncols; c++)
				if (c != ts && row->cell[c] != NULL && *row->cell[c] != '\0')
					append(m, rec, c, row->cell[c]);
		} else {
			continue_row(m, t, rec, row);
		}
		row->merged = true;
	}
}
