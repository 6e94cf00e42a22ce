/*
 * dm_texttab.c: the tables of a plain-text document, in each of the
 * layouts text gives them (see dm_text.c):
 *
 *   - tab-separated, as Word saves a table as text: a line a row, the
 *     first row the header if its cells are labels, a row equal to it a
 *     header repeated after a page break;
 *   - pipe tables ("a | b |", Markdown's "---|---" under the header);
 *   - a stream of cells each ended by a "|" on its line or alone on the
 *     next, rows as wide as the header;
 *   - one cell per line (or per run of lines between blank lines) under a
 *     header whose cells name columns: the rows are found by what each
 *     column holds (a reference starts a row, a word in capitals alone is
 *     a group row, a cell that does not fit its column leaves it empty);
 *   - columns aligned with spaces, as `pdftotext -layout` writes them;
 *   - rows run together on one line under a header line of column names,
 *     split by what each column holds (a date, a number, a status word...).
 *
 * Each layout reads its lines into rows of cells as they stand; mending
 * what the layout broke (a header over two lines, a cell continued on
 * the next line) is the repairs' work (dm_repair.c), for every format.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/arena.h"
#include "base/date.h"
#include "base/tsc.h"
#include "import/dm_text_impl.h"
#include "import/vocab.h"

#define MAX_COLS 40

/* ---- rows, then a table of them ---------------------------------------- */

struct trow {
	const char **cell;
	const char **marks;
	int *pos;
	size_t n;
	int line;
	bool head;
	bool group;		/* one cell across the table: a group's name */
};

struct tcoll {
	struct arena *a;
	struct trow *r;
	size_t n, cap, ncols;
};

static struct trow *
coll_row(struct tcoll *c, size_t ncells, int line)
{
	struct trow *r;

	c->r = tt_grow(c->a, c->r, &c->cap, c->n + 1, sizeof(*c->r));
	r = &c->r[c->n++];
	memset(r, 0, sizeof(*r));
	r->n = ncells;
	r->line = line;
	r->cell = arena_array(c->a, ncells + 1, sizeof(*r->cell));
	r->marks = arena_array(c->a, ncells + 1, sizeof(*r->marks));
	r->pos = arena_array(c->a, ncells + 1, sizeof(*r->pos));
	for (size_t i = 0; i < ncells; i++)
		r->cell[i] = "";
	if (ncells > c->ncols)
		c->ncols = ncells;
	return r;
}

static struct dm_table *
coll_table(struct tdoc *t, struct tcoll *c, struct wm_err *err)
{
	struct dm_table *tb;

	if (c->n == 0 || c->ncols == 0)
		return NULL;
	if (c->ncols > MAX_COLS)
		c->ncols = MAX_COLS;
	if ((tb = dm_table_new(t->d, c->n, c->ncols, err)) == NULL)
		return NULL;
	for (size_t r = 0; r < c->n; r++) {
		const struct trow *row = &c->r[r];

		tb->head[r] = row->head;
		tb->row_pos[r] = row->line;
		for (size_t k = 0; k < row->n && k < c->ncols; k++) {
			struct dm_cell *cell = dm_cell(tb, r, k);

			cell->text = row->cell[k];
			cell->marks = row->marks[k];
			cell->pos = row->pos[k] != row->line ? row->pos[k] : 0;
		}
		if (row->group && c->ncols > 1) {
			dm_cell(tb, r, 0)->colspan = (int)c->ncols;
			for (size_t k = 1; k < c->ncols; k++) {
				dm_cell(tb, r, k)->colspan = 0;
				dm_cell(tb, r, k)->rowspan = 0;
			}
		}
	}
	return tb;
}

/*
 * The table of lines i..last, or (an error, or no rows after all) the
 * lines given back to the prose.
 */
static long
finish(struct tdoc *t, struct tcoll *c, struct dm_table **out, size_t i, size_t last,
    struct wm_err *err)
{
	if ((*out = coll_table(t, c, err)) != NULL)
		return (long)(last - i + 1);
	for (size_t j = i; j <= last && j < t->n; j++)
		t->l[j].used = false;
	return err->code < 0 ? err->code : 0;
}

/* A cell's text from len bytes of s, cleaned, its marks kept. */
static void
set_cell(struct tdoc *t, struct trow *r, size_t k, const char *s, size_t len, int line)
{
	r->cell[k] = dm_clean(t->d, s, len, &r->marks[k]);
	r->pos[k] = line;
}

static bool
label_cells(const struct trow *r)
{
	size_t filled = 0;

	for (size_t k = 0; k < r->n; k++) {
		if (strlen(r->cell[k]) > 80)
			return false;
		filled += r->cell[k][0] != '\0';
	}
	return filled >= 2;
}

static bool
same_row(const struct trow *a, const struct trow *b)
{
	size_t n = a->n > b->n ? a->n : b->n, same = 0, filled = 0;

	for (size_t k = 0; k < n; k++) {
		const char *x = k < a->n ? a->cell[k] : "", *y = k < b->n ? b->cell[k] : "";

		if (*x == '\0' && *y == '\0')
			continue;
		filled++;
		same += strcasecmp(x, y) == 0;
	}
	return filled > 0 && same == filled;
}

/* ---- tab-separated ----------------------------------------------------- */

static long
tabbed(struct tdoc *t, size_t i, struct dm_table **out, struct wm_err *err)
{
	struct tcoll c = { .a = t->d->a };
	size_t j, last = i;

	if (t->l[i].tabs == 0)
		return 0;
	for (j = i; j < t->n; j++) {
		const struct tline *l = &t->l[j];
		struct trow *r;
		const char *s = l->raw, *start = s;
		size_t k = 0;

		if (tt_blank(t, j) && l->tabs == 0) {
			size_t n = j;

			while (n < t->n && tt_blank(t, n) && t->l[n].tabs == 0)
				n++;
			if (n >= t->n || t->l[n].tabs == 0)
				break;
			continue;
		}
		if (l->tabs == 0)
			break;
		r = coll_row(&c, (size_t)l->tabs + 1, l->no);
		for (const char *p = s;; p++) {
			if (*p == '\t' || *p == '\0') {
				set_cell(t, r, k++, start, (size_t)(p - start), l->no);
				if (*p == '\0')
					break;
				start = p + 1;
			}
		}
		t->l[j].used = true;
		last = j;
	}
	/* a header is a row of labels; a row equal to it is the header again */
	if (label_cells(&c.r[0])) {
		c.r[0].head = true;
		for (size_t r = 1; r < c.n; r++)
			if (same_row(&c.r[0], &c.r[r]))
				c.r[r].head = true;
	}
	return finish(t, &c, out, i, last, err);
}

/* ---- pipes ------------------------------------------------------------- */

static bool
separator_row(const char *s)
{
	bool dash = false;

	for (; *s != '\0'; s++) {
		if (*s == '-')
			dash = true;
		else if (*s != '|' && *s != ':' && *s != ' ' && *s != '+')
			return false;
	}
	return dash;
}

static size_t
pipes(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += *s == '|';
	return n;
}

/* "a | b |": cells between pipes, those before the first and after the last dropped if empty. */
static void
pipe_row(struct tdoc *t, struct tcoll *c, const struct tline *l)
{
	const char *s = l->text, *start = s;
	size_t n = pipes(s) + 1, k = 0;
	const char *cells[MAX_COLS + 1];
	size_t lens[MAX_COLS + 1];
	struct trow *r;
	size_t first = 0;

	for (const char *p = s;; p++) {
		if (*p == '|' || *p == '\0') {
			if (k < MAX_COLS) {
				cells[k] = start;
				lens[k] = (size_t)(p - start);
				k++;
			}
			if (*p == '\0')
				break;
			start = p + 1;
		}
	}
	n = k;
	if (n > 0 && strspn(cells[0], " ") >= lens[0])
		first = 1;
	if (n > first && strspn(cells[n - 1], " ") >= lens[n - 1])
		n--;
	r = coll_row(c, n - first, l->no);
	for (size_t i = first; i < n; i++)
		set_cell(t, r, i - first, cells[i], lens[i], l->no);
}

static long
piped(struct tdoc *t, size_t i, struct dm_table **out, struct wm_err *err)
{
	struct tcoll c = { .a = t->d->a };
	size_t j, last = i;
	bool sep = false;

	if (pipes(t->l[i].text) == 0 || strcmp(t->l[i].text, "|") == 0)
		return 0;
	/* two lines with pipes at least, or one over a separator row */
	if (i + 1 >= t->n || pipes(t->l[i + 1].text) == 0)
		return 0;
	for (j = i; j < t->n && pipes(t->l[j].text) > 0 && strcmp(t->l[j].text, "|") != 0; j++) {
		if (separator_row(t->l[j].text)) {
			if (c.n > 0)
				c.r[c.n - 1].head = true;
			sep = true;
		} else {
			pipe_row(t, &c, &t->l[j]);
		}
		t->l[j].used = true;
		last = j;
	}
	if (!sep && c.n > 0 && label_cells(&c.r[0]))
		c.r[0].head = true;
	return finish(t, &c, out, i, last, err);
}

/* ---- a stream of cells each ended by a pipe ----------------------------- */

static bool
label_like(const char *s)
{
	size_t w = tt_words(s);

	if (w == 0 || w > 4 || strlen(s) > 40 || !(isupper((unsigned char)s[0]) ||
	    (unsigned char)s[0] >= 0x80))
		return false;
	for (; *s != '\0'; s++)
		if (isdigit((unsigned char)*s) || *s == '.')
			return false;
	return true;
}

static long
pipe_stream(struct tdoc *t, size_t i, struct dm_table **out, struct wm_err *err)
{
	struct tcoll c = { .a = t->d->a };
	const char **cells = NULL;
	int *lines = NULL;
	size_t ncells = 0, j, alone = 0, k, ncols = 0, last = i, ccap = 0, lcap = 0;
	char *cur = NULL;
	int cur_line = 0;

	if (pipes(t->l[i].text) > 0)
		return 0;
	for (j = i; j < t->n && j < i + 8; j++)
		alone += strcmp(t->l[j].text, "|") == 0;
	if (alone < 2)
		return 0;
	for (j = i; j < t->n && !tt_blank(t, j); j++) {
		const char *s = t->l[j].text;
		size_t n = strlen(s);
		bool ends = n > 0 && s[n - 1] == '|';
		size_t keep = ends ? n - 1 : n;

		if (pipes(s) > (ends ? 1u : 0u))
			break;
		while (keep > 0 && s[keep - 1] == ' ')
			keep--;
		if (keep > 0) {
			cur = cur ? arena_printf(t->d->a, "%s %.*s", cur, (int)keep, s) :
			    arena_strndup(t->d->a, s, keep);
			if (cur_line == 0)
				cur_line = t->l[j].no;
		}
		if (ends) {
			cells = tt_grow(t->d->a, cells, &ccap, ncells + 2, sizeof(*cells));
			lines = tt_grow(t->d->a, lines, &lcap, ncells + 2, sizeof(*lines));
			cells[ncells] = cur ? cur : "";
			lines[ncells++] = cur_line ? cur_line : t->l[j].no;
			cur = NULL;
			cur_line = 0;
			/* a stream without a header of two labels or more is not a table: stop early */
			if (ncells == 3 && (!label_like(cells[0]) || !label_like(cells[1]))) {
				ncells = 0;
				break;
			}
		}
		t->l[j].used = true;
		last = j;
	}
	if (cur != NULL && ncells > 0) {
		cells = tt_grow(t->d->a, cells, &ccap, ncells + 2, sizeof(*cells));
		lines = tt_grow(t->d->a, lines, &lcap, ncells + 2, sizeof(*lines));
		cells[ncells] = cur;
		lines[ncells++] = cur_line;
	}
	/* the header: the labels before the first cell of data */
	while (ncols < ncells && ncols < MAX_COLS && label_like(cells[ncols]))
		ncols++;
	if (ncols < 2 || ncells < ncols * 2) {
		for (j = i; j <= last; j++)
			t->l[j].used = false;
		return 0;
	}
	for (k = 0; k < ncells; k += ncols) {
		struct trow *r = coll_row(&c, ncols, lines[k]);

		for (size_t m = 0; m < ncols && k + m < ncells; m++) {
			r->cell[m] = dm_clean(t->d, cells[k + m], strlen(cells[k + m]), &r->marks[m]);
			r->pos[m] = lines[k + m];
		}
		r->head = k == 0;
	}
	return finish(t, &c, out, i, last, err);
}

/* ---- one cell per line under a header of column names -------------------- */

/* What a column's cells look like, from its role. */
static bool
ref_like(const char *s)
{
	size_t n = strlen(s), digits = 0;

	if (n == 0 || n > 14 || tt_words(s) > 3)
		return false;
	for (const char *p = s; *p != '\0'; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (!isalpha((unsigned char)*p) && *p != '.' && *p != '-' && *p != ' ' &&
		    *p != ')' && *p != '(' && *p != '/')
			return false;
	}
	return digits > 0 && digits * 4 >= n;
}

static bool
priority_like(const char *s)
{
	static const char *const words[] = { "h", "m", "l", "high", "medium", "med", "low",
		"1", "2", "3", "4", "5", "a", "b", "c", "red", "amber", "green", "urgent",
		"essential", "important", "desirable" };

	for (size_t i = 0; i < WM_ARRAY_LEN(words); i++)
		if (strcasecmp(s, words[i]) == 0)
			return true;
	return strlen(s) <= 9 && strncmp(s, "\xE2\x80\xA2", 3) == 0;
}

static bool
time_like(const char *s)
{
	struct timescale ts;
	int a, b;
	char tail;

	if (strlen(s) > 40)
		return false;
	if (sscanf(s, "%2d/%2d%c", &a, &b, &tail) == 2 && b == (a + 1) % 100)
		return true;
	tsc_parse(s, DATE_NONE, &ts);
	return ts.earliest != DATE_NONE || ts.ongoing || ts.complete;
}

static bool
caps_alone(const char *s)
{
	bool letter = false;

	if (tt_words(s) > 4 || strlen(s) > 40)
		return false;
	for (; *s != '\0'; s++) {
		if (islower((unsigned char)*s) || isdigit((unsigned char)*s))
			return false;
		letter = letter || isupper((unsigned char)*s);
	}
	return letter;
}

static bool
fits(enum col_role role, const char *s)
{
	switch (role) {
	case COL_REF:
		return ref_like(s);
	case COL_PRIORITY:
		return priority_like(s);
	case COL_TIMESCALE:
	case COL_DATE:
		return time_like(s) || strlen(s) <= 20;
	case COL_STATUS:
		return strlen(s) <= 40 && tt_words(s) <= 6;
	case COL_LEAD:
		return strlen(s) <= 80 && tt_words(s) <= 10 && s[strlen(s) - 1] != '.';
	default:
		return true;
	}
}

struct chunk {
	const char *text;
	int line, indent_last;
	size_t nlines;
	const char *last;	/* its last line */
	size_t first_len;	/* bytes of text before its last line */
};

static long
flattened(struct tdoc *t, size_t i, struct dm_table **out, struct wm_err *err)
{
	struct tcoll c = { .a = t->d->a };
	struct chunk *ch = NULL;
	enum col_role roles[MAX_COLS];
	size_t nch = 0, ncols = 0, j, last = i, k, chcap = 0;
	struct trow *row = NULL;
	size_t col = 0;

	if (t->l[i].tabs > 0 || pipes(t->l[i].text) > 0 || tt_words(t->l[i].text) > 6 ||
	    !vocab_is_column_name(t->l[i].text))
		return 0;
	/* cells: runs of lines between blank lines */
	for (j = i; j < t->n;) {
		struct chunk *x;

		if (tt_blank(t, j)) {
			size_t n = j;

			while (n < t->n && tt_blank(t, n))
				n++;
			/* a gap of four blank lines or more ends the table */
			if (n - j >= 4 || n >= t->n)
				break;
			j = n;
			continue;
		}
		if (t->l[j].used || t->l[j].tabs > 0)
			break;
		ch = tt_grow(t->d->a, ch, &chcap, nch + 1, sizeof(*ch));
		x = &ch[nch++];
		x->line = t->l[j].no;
		x->text = t->l[j].text;
		x->first_len = 0;
		x->nlines = 1;
		x->last = t->l[j].text;
		x->indent_last = t->l[j].indent;
		last = j;
		for (j++; j < t->n && !tt_blank(t, j) && !t->l[j].used && t->l[j].tabs == 0; j++) {
			x->first_len = strlen(x->text);
			x->text = arena_printf(t->d->a, "%s %s", x->text, t->l[j].text);
			x->last = t->l[j].text;
			x->indent_last = t->l[j].indent;
			x->nlines++;
			last = j;
		}
		/* the header, while it lasts, must name columns */
		if (nch <= (size_t)MAX_COLS && ncols == nch - 1) {
			enum col_role r = vocab_column(x->text, NULL);

			if (r > COL_OTHER && tt_words(x->text) <= 6 && x->nlines <= 3 &&
			    vocab_is_column_name(t->l[j - x->nlines].text))
				roles[ncols++] = r;
			else if (ncols < 3)
				return 0;
		}
	}
	if (ncols < 3 || nch < ncols + 2 || roles[0] != COL_REF)
		return 0;
	/* "Serial No." then "Item": the first names the row, the second holds its text */
	for (k = 1; k < ncols; k++)
		if (roles[k] == COL_REF)
			roles[k] = COL_TEXT;
	row = coll_row(&c, ncols, ch[0].line);
	row->head = true;
	for (k = 0; k < ncols; k++) {
		row->cell[k] = ch[k].text;
		row->pos[k] = ch[k].line;
	}
	row = NULL;
	for (k = ncols; k < nch; k++) {
		const char *s = ch[k].text;
		bool next_starts = k + 1 < nch && ref_like(ch[k + 1].text);

		/* a reference starts a row, once the row before has what it needs */
		if (ref_like(s) && (row == NULL || col >= ncols || !fits(roles[col], s))) {
			row = coll_row(&c, ncols, ch[k].line);
			row->cell[0] = s;
			row->pos[0] = ch[k].line;
			col = 1;
			continue;
		}
		if (caps_alone(s) && strlen(s) >= 3 && (next_starts || k + 1 >= nch)) {
			struct trow *g = coll_row(&c, ncols, ch[k].line);

			g->cell[0] = s;
			g->pos[0] = ch[k].line;
			g->group = true;
			row = NULL;
			continue;
		}
		if (row == NULL) {
			/* text before any row: not this table's */
			break;
		}
		while (col < ncols && !fits(roles[col], s))
			col++;
		if (col >= ncols)
			break;
		/* "...margins of other business" / " 17/18": a short cell set off by its indent */
		if (ch[k].nlines > 1 && ch[k].indent_last > 0 && col + 1 < ncols &&
		    roles[col + 1] != COL_TEXT && fits(roles[col + 1], ch[k].last) &&
		    strlen(ch[k].last) <= 12) {
			row->cell[col] = arena_strndup(t->d->a, s, ch[k].first_len);
			row->pos[col] = ch[k].line;
			col++;
			s = ch[k].last;
		}
		row->cell[col] = s;
		row->pos[col] = ch[k].line;
		col++;
	}
	if (c.n < 2)
		return 0;
	/* the lines read are those up to the last cell placed */
	{
		int end = 0;

		for (size_t r = 0; r < c.n; r++)
			for (size_t m = 0; m < c.r[r].n; m++)
				if (c.r[r].pos[m] > end)
					end = c.r[r].pos[m];
		for (j = i; j <= last && t->l[j].no <= end; j++)
			t->l[j].used = true;
		/* the cell that ends last may run over several lines */
		for (; j <= last && !tt_blank(t, j); j++)
			t->l[j].used = true;
		last = j - 1;
	}
	return finish(t, &c, out, i, last, err);
}

/* ---- columns aligned with spaces --------------------------------------- */

struct seg {
	int start;
	const char *s;
	size_t len;
};

/* Pieces of a line separated by two spaces or more. */
static size_t
segments(const char *raw, struct seg *out, size_t max)
{
	size_t n = 0;
	const char *p = raw;

	while (*p != '\0' && n < max) {
		const char *s, *e;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		s = p;
		for (e = p; *e != '\0' && !(e[0] == ' ' && e[1] == ' '); e++)
			;
		out[n].start = (int)(s - raw);
		out[n].s = s;
		out[n].len = (size_t)(e - s);
		while (out[n].len > 0 && s[out[n].len - 1] == ' ')
			out[n].len--;
		n++;
		p = e;
	}
	return n;
}

static long
aligned(struct tdoc *t, size_t i, struct dm_table **out, struct wm_err *err)
{
	struct tcoll c = { .a = t->d->a };
	struct seg seg[MAX_COLS];
	int starts[MAX_COLS], count[MAX_COLS];
	size_t nstarts = 0, j, lines = 0, ncols = 0, last = i;
	int cols[MAX_COLS];
	bool plain;

	if (t->l[i].tabs > 0 || segments(t->l[i].raw, seg, MAX_COLS) < 2)
		return 0;
	/* where columns start, over the run of lines with several pieces */
	for (j = i; j < t->n && !tt_blank(t, j) && t->l[j].tabs == 0; j++) {
		size_t n = segments(t->l[j].raw, seg, MAX_COLS);

		if (n < 2 && j == i)
			return 0;
		/* a list marker set apart from its text is an item, not a column */
		if (n >= 2 && tt_marker(t->l[j].text, &plain) > 0 && seg[0].len <= 6)
			return 0;
		for (size_t k = 0; k < n; k++) {
			size_t m;

			for (m = 0; m < nstarts; m++)
				if (abs(starts[m] - seg[k].start) <= 2)
					break;
			if (m == nstarts && nstarts < MAX_COLS) {
				starts[nstarts] = seg[k].start;
				count[nstarts++] = 0;
			}
			if (m < nstarts)
				count[m]++;
		}
		lines++;
		last = j;
	}
	if (lines < 3)
		return 0;
	for (size_t m = 0; m < nstarts; m++)
		if (count[m] * 5 >= (int)lines * 3 && ncols < MAX_COLS)
			cols[ncols++] = starts[m];
	if (ncols < 2)
		return 0;
	/* columns left to right */
	for (size_t a = 0; a < ncols; a++)
		for (size_t b = a + 1; b < ncols; b++)
			if (cols[b] < cols[a]) {
				int x = cols[a];

				cols[a] = cols[b];
				cols[b] = x;
			}
	for (j = i; j <= last; j++) {
		size_t n = segments(t->l[j].raw, seg, MAX_COLS);
		struct trow *r = coll_row(&c, ncols, t->l[j].no);

		for (size_t k = 0; k < n; k++) {
			size_t col = 0;

			for (size_t m = 0; m < ncols; m++)
				if (cols[m] <= seg[k].start + 2)
					col = m;
			if (r->cell[col][0] != '\0')
				r->cell[col] = arena_printf(t->d->a, "%s %s", r->cell[col],
				    dm_clean(t->d, seg[k].s, seg[k].len, NULL));
			else
				set_cell(t, r, col, seg[k].s, seg[k].len, t->l[j].no);
		}
		t->l[j].used = true;
	}
	if (label_cells(&c.r[0]))
		c.r[0].head = true;
	return finish(t, &c, out, i, last, err);
}

long
tt_table(struct tdoc *t, size_t i, struct dm_table **out, struct wm_err *err)
{
	long n;

	*out = NULL;
	if ((n = tabbed(t, i, out, err)) != 0 || (n = pipe_stream(t, i, out, err)) != 0 ||
	    (n = piped(t, i, out, err)) != 0 || (n = flattened(t, i, out, err)) != 0 ||
	    (n = aligned(t, i, out, err)) != 0 || (n = tt_rows(t, i, out, err)) != 0)
		return n < 0 ? n : (*out != NULL ? n : 0);
	return 0;
}
