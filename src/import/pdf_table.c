/*
 * pdf_table.c: a run of lines that holds columns made a table (see
 * pdf.h, pdf_layout.c): each line's pieces are a row's cells, and rows are
 * the horizontal bands of white space across the columns that hold a cell
 * in most rows, wider than the gap between two lines of one cell (so a
 * cell's wrapped lines join up, and a cell centred beside a taller one
 * lands in its row). A column with cells in few rows, its text centred
 * among rows empty in it, is a parent merged down them; a band a centred
 * header name bridged is parted into its rows; then group rows, header
 * rows and the spans in a header of several rows.
 */
#include "base/wm.h"

#include <math.h>

#include "base/arena.h"
#include "import/pdf_impl.h"

/*
 * The widest gap (in ems) between two lines of one cell. The smallest
 * gaps between pieces one under the other in a column are a cell's
 * wrapped lines if they are tight (boxes touching or overlapping) or if
 * the lower line often goes on the sentence of the upper (starts in lower
 * case after no full stop); then a gap a fifth of an em wider ends a row.
 * Otherwise the cells never wrap, and every such gap ends a row.
 */
static bool
goes_on(const struct pdf_line *upper, const struct pdf_line *lower)
{
	const char *t = upper->w[upper->n - 1].text;
	size_t n = strlen(t);

	return n > 0 && strchr(".!?", t[n - 1]) == NULL && pdf_lower_start(lower->w[0].text);
}

double
pdf_cell_gap(const struct piece *p, size_t n, size_t ncols)
{
	double m = HUGE_VAL;
	size_t pairs = 0, on = 0;

	for (int pass = 0; pass < 2; pass++)
		for (size_t c = 0; c < ncols; c++) {
			const struct piece *prev = NULL;

			for (size_t i = 0; i < n; i++) {
				double g;

				if (p[i].c1 != c || p[i].c2 != c)
					continue;
				if (prev != NULL &&
				    p[i].l.y1 - prev->l.y1 <= 1.8 * (prev->l.y2 - prev->l.y1)) {
					g = (p[i].l.y1 - prev->l.y2) / prev->l.size;
					if (pass == 0) {
						m = fmin(m, g);
					} else if (g <= m + 0.1) {
						pairs++;
						on += goes_on(&prev->l, &p[i].l);
					}
				}
				prev = &p[i];
			}
		}
	if (m == HUGE_VAL)
		return 0;
	if (m <= 0.12 || on * 3 >= pairs)
		return m + 0.2;
	return m - 0.05;
}

/*
 * Rows. A row ends at white space across the table taller than a cell's
 * gap, but only the columns holding a cell in most rows say where: a
 * column with few cells (a parent item merged down many rows, its text
 * centred among them) would bridge the rows it sits across. Its cells are
 * then placed in the rows they overlap, and one centred across several
 * rows whose cells in its column are empty spans them.
 */
struct rows {
	size_t n;
	double *top, *bottom;	/* per row, from the dense columns' pieces */
	bool *blocked;		/* per row and column: a piece spanning columns covers it */
	int *span;		/* per row and column: rows a cell spans (>1), else 1 or 0 */
};

static void
band_dense(struct piece *p, size_t n, size_t ncols, double gap, const bool *dense,
    struct rows *rows)
{
	double bottom = -HUGE_VAL;
	size_t nr = 0;

	for (size_t i = 0; i < n; i++) {
		if (p[i].c1 == p[i].c2 && !dense[p[i].c1])
			continue;
		if (nr == 0 || p[i].l.y1 - bottom > gap * p[i].l.size) {
			rows->top[nr] = p[i].l.y1;
			rows->bottom[nr] = p[i].l.y2;
			nr++;
		}
		p[i].row = nr - 1;
		bottom = fmax(bottom, p[i].l.y2);
		rows->bottom[nr - 1] = fmax(rows->bottom[nr - 1], p[i].l.y2);
		for (size_t c = p[i].c1; p[i].c2 > p[i].c1 && c <= p[i].c2; c++)
			rows->blocked[(nr - 1) * ncols + c] = true;
	}
	rows->n = nr;
}

/* The rows [r1, r2] a box overlaps (the nearest row if none). */
static void
overlapped(const struct rows *rows, double y1, double y2, size_t *r1, size_t *r2)
{
	size_t best = 0;
	double d = HUGE_VAL, mid = (y1 + y2) / 2;

	*r1 = rows->n;
	for (size_t r = 0; r < rows->n; r++) {
		double m = (rows->top[r] + rows->bottom[r]) / 2;

		if (rows->top[r] < y2 && y1 < rows->bottom[r]) {
			if (*r1 == rows->n)
				*r1 = r;
			*r2 = r;
		}
		if (fabs(m - mid) < d) {
			d = fabs(m - mid);
			best = r;
		}
	}
	if (*r1 == rows->n)
		*r1 = *r2 = best;
}

/* Place a sparse column's stacks of pieces [from, to) (in p's order, all in column c). */
static void
place_stack(struct piece *p, const size_t *idx, size_t from, size_t to, size_t c, size_t ncols,
    struct rows *rows, size_t lo, size_t hi, double em, size_t *placed_end)
{
	double y1 = HUGE_VAL, y2 = -HUGE_VAL, mid;
	size_t r1 = 0, r2 = 0, ba, bb;
	double best;

	for (size_t k = from; k < to; k++) {
		y1 = fmin(y1, p[idx[k]].l.y1);
		y2 = fmax(y2, p[idx[k]].l.y2);
	}
	mid = (y1 + y2) / 2;
	overlapped(rows, y1, y2, &r1, &r2);
	if (r1 < lo)
		r1 = lo;
	if (r2 < r1)
		r2 = r1;
	if (hi < r2)
		hi = r2;
	ba = r1;
	bb = r2;
	best = fabs((rows->top[r1] + rows->bottom[r2]) / 2 - mid);
	/* the rows empty in its column on either side, no further than a row spanning columns */
	for (size_t r = r1; r > lo; r--)
		if (rows->blocked[(r - 1) * ncols + c]) {
			lo = r;
			break;
		}
	for (size_t r = r2 + 1; r <= hi; r++)
		if (rows->blocked[r * ncols + c]) {
			hi = r - 1;
			break;
		}
	/* a parent merged down all of them, its text centred among them */
	if ((lo < r1 || hi > r2) && fabs((rows->top[lo] + rows->bottom[hi]) / 2 - mid) <= 0.3 * em) {
		ba = lo;
		bb = hi;
	} else if (best > 0.5 * em) {
		/* widen to the rows it is centred among */
		double own = best;

		for (size_t a = r1 + 1; a-- > lo;)
			for (size_t b = r2; b <= hi && b < r1 + 200; b++) {
				double d = fabs((rows->top[a] + rows->bottom[b]) / 2 - mid);

				if (d < best - 0.01) {
					best = d;
					ba = a;
					bb = b;
				}
			}
		if (best > 0.3 * em) {
			ba = r1;
			bb = r2;
			best = own;
		}
	}
	for (size_t k = from; k < to; k++)
		p[idx[k]].row = ba;
	rows->span[ba * ncols + c] = (int)(bb - ba + 1);
	for (size_t r = ba + 1; r <= bb; r++)
		rows->span[r * ncols + c] = 0;
	*placed_end = bb + 1;
}

/* Does every piece of row r lie above top or below bot, but for one stack of a column each? */
static bool
parting_holds(const struct piece *p, size_t np, size_t r, double top, double bot, size_t ncols,
    const bool *bridge)
{
	for (size_t c = 0; c < ncols; c++) {
		bool across = false, apart = false;

		for (size_t i = 0; i < np; i++) {
			if (p[i].row != r || bridge[i] || p[i].c1 > c || p[i].c2 < c)
				continue;
			if (p[i].l.y2 <= top + 0.5 || p[i].l.y1 >= bot - 0.5) {
				apart = true;
			} else {
				if (p[i].c1 != p[i].c2)
					return false;
				across = true;
			}
		}
		if (across && apart)
			return false;
	}
	return true;
}

/*
 * A band may be two rows that a cell centred beside both bridges (a
 * header's name centred down its two rows): where a column's pieces in
 * the band part by more than a cell's gap and every other piece of the
 * band lies above or below the parting, or is its column's only stack in
 * the band, the band is two rows. The pieces across the parting are
 * bridges, placed after as cells that may span both.
 */
static void
split_bands(struct piece *p, size_t np, size_t ncols, double gap, const bool *dense,
    struct rows *rows, bool *bridge)
{
	/* a bounded search: a hostile page of many columns and rows gets no partings after it */
	size_t budget = (size_t)20 * 1000 * 1000;

	for (size_t r = 0; r < rows->n; r++) {
		double top = 0, bot = 0;
		bool found = false;

		for (size_t c = 0; c < ncols && !found && budget > np * ncols; c++) {
			const struct piece *prev = NULL;

			if (!dense[c])
				continue;
			for (size_t i = 0; i < np && !found; i++) {
				if (p[i].row != r || p[i].c1 != c || p[i].c2 != c || bridge[i])
					continue;
				if (prev != NULL && p[i].l.y1 - prev->l.y2 > gap * p[i].l.size &&
				    budget > np * ncols && (budget -= np * ncols) > 0 &&
				    parting_holds(p, np, r, prev->l.y2, p[i].l.y1, ncols, bridge)) {
					found = true;
					top = prev->l.y2;
					bot = p[i].l.y1;
				}
				prev = &p[i];
			}
		}
		if (!found)
			continue;
		/* rows after r move down one; r's pieces below the parting are row r + 1 */
		memmove(&rows->top[r + 2], &rows->top[r + 1], (rows->n - r - 1) * sizeof(double));
		memmove(&rows->bottom[r + 2], &rows->bottom[r + 1], (rows->n - r - 1) * sizeof(double));
		memmove(&rows->blocked[(r + 2) * ncols], &rows->blocked[(r + 1) * ncols],
		    (rows->n - r - 1) * ncols * sizeof(bool));
		memset(&rows->blocked[(r + 1) * ncols], 0, ncols * sizeof(bool));
		rows->n++;
		rows->top[r] = rows->top[r + 1] = HUGE_VAL;
		rows->bottom[r] = rows->bottom[r + 1] = -HUGE_VAL;
		for (size_t i = 0; i < np; i++) {
			size_t to;

			if (p[i].row > r && p[i].row != SIZE_MAX) {
				p[i].row++;
				continue;
			}
			if (p[i].row != r)
				continue;
			if (p[i].l.y2 > top + 0.5 && p[i].l.y1 < bot - 0.5) {
				bridge[i] = true;
				continue;
			}
			to = p[i].l.y1 >= bot - 0.5 ? r + 1 : r;
			p[i].row = to;
			rows->top[to] = fmin(rows->top[to], p[i].l.y1);
			rows->bottom[to] = fmax(rows->bottom[to], p[i].l.y2);
		}
		for (size_t i = 0; i < np; i++)
			if (bridge[i] && p[i].row == r)
				p[i].row = (p[i].l.y1 + p[i].l.y2) / 2 < (top + bot) / 2 ? r : r + 1;
		r--;
	}
}

static void
band_rows(struct arena *a, struct piece *p, size_t np, size_t ncols, double gap,
    struct rows *rows)
{
	size_t *stacks = arena_array(a, ncols, sizeof(size_t)), most = 0;
	bool *dense = arena_array(a, ncols, sizeof(bool));
	size_t *idx = arena_array(a, np ? np : 1, sizeof(size_t));
	bool *bridge = arena_array(a, np ? np : 1, sizeof(bool));

	/* a column's stacks: its pieces one under the other, a cell's gap apart */
	for (size_t c = 0; c < ncols; c++) {
		const struct piece *prev = NULL;

		for (size_t i = 0; i < np; i++) {
			if (p[i].c1 != c || p[i].c2 != c)
				continue;
			if (prev == NULL || p[i].l.y1 - prev->l.y2 > gap * p[i].l.size)
				stacks[c]++;
			prev = &p[i];
		}
		most = stacks[c] > most ? stacks[c] : most;
	}
	for (size_t c = 0; c < ncols; c++)
		dense[c] = stacks[c] * 2 >= most;
	rows->top = arena_array(a, np ? np : 1, sizeof(double));
	rows->bottom = arena_array(a, np ? np : 1, sizeof(double));
	rows->blocked = arena_array(a, (np ? np : 1) * ncols, sizeof(bool));
	band_dense(p, np, ncols, gap, dense, rows);
	split_bands(p, np, ncols, gap, dense, rows, bridge);
	rows->span = arena_array(a, (rows->n ? rows->n : 1) * ncols, sizeof(int));
	for (size_t i = 0; i < rows->n * ncols; i++)
		rows->span[i] = 1;
	/* a bridge: centred across the rows it parted, it may span them */
	for (size_t c = 0; c < ncols; c++) {
		size_t n = 0, lo = SIZE_MAX, hi = 0, end;

		for (size_t i = 0; i < np; i++)
			if (bridge[i] && p[i].c1 == c) {
				idx[n++] = i;
				lo = p[i].row < lo ? p[i].row : lo;
				hi = p[i].row > hi ? p[i].row : hi;
			}
		if (n > 0)
			place_stack(p, idx, 0, n, c, ncols, rows, lo, hi, p[idx[0]].l.size, &end);
	}
	for (size_t c = 0; c < ncols; c++) {
		size_t n = 0, lo = 0, from = 0;

		if (dense[c])
			continue;
		for (size_t i = 0; i < np; i++)
			if (p[i].c1 == c && p[i].c2 == c)
				idx[n++] = i;
		for (size_t k = 1; k <= n; k++) {
			size_t hi = rows->n ? rows->n - 1 : 0;

			if (k < n && p[idx[k]].l.y1 - p[idx[k - 1]].l.y2 <= gap * p[idx[k]].l.size)
				continue;
			/* up to the row before the next stack's first */
			if (k < n) {
				size_t r1, r2;

				overlapped(rows, p[idx[k]].l.y1, p[idx[k]].l.y2, &r1, &r2);
				hi = r1 > 0 ? r1 - 1 : 0;
			}
			if (rows->n > 0)
				place_stack(p, idx, from, k, c, ncols, rows, lo, hi, p[idx[from]].l.size,
				    &lo);
			from = k;
		}
	}
}

static bool
all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || *s == '.' || *s == '%' || *s == ','))
			return false;
	return true;
}

static size_t
count_words(const char *s)
{
	size_t n = 0;

	for (bool in = false; *s; s++) {
		if (*s == ' ')
			in = false;
		else if (!in) {
			in = true;
			n++;
		}
	}
	return n;
}

/* Header rows: the leading rows set in bold; else a first row that reads as column names. */
static void
mark_head(struct pdf_table *t)
{
	size_t r;
	bool names = t->nrows >= 3 && !t->spans[0];
	size_t filled = 0;

	for (r = 0; r < t->nrows && !t->spans[r]; r++) {
		bool bold = true, any = false;

		for (size_t c = 0; c < t->ncols; c++) {
			const struct pdf_cell *cell = &t->cells[r * t->ncols + c];

			if (cell->text[0] == '\0')
				continue;
			any = true;
			if (!cell->bold)
				bold = false;
		}
		if (!any || !bold)
			break;
		t->head[r] = true;
	}
	if (r > 0)
		return;
	for (size_t c = 0; names && c < t->ncols; c++) {
		const char *s = t->cells[c].text;

		if (s[0] == '\0')
			continue;
		filled++;
		if (count_words(s) > 6 || all_digits(s))
			names = false;
	}
	t->head[0] = names && filled >= 2;
}

/* A row of one bold cell in the first column, the rest empty: a group row ("ADMIN"). */
static bool
is_group_row(const struct pdf_table *t, size_t r)
{
	const struct pdf_cell *row = &t->cells[r * t->ncols];

	if (t->ncols < 3 || row[0].text[0] == '\0' || !row[0].bold || row[0].rowspan != 1)
		return false;
	for (size_t c = 1; c < t->ncols; c++)
		if (row[c].text[0] != '\0' || row[c].rowspan != 1 || row[c].colspan != 1)
			return false;
	return true;
}

static void
span_row(struct pdf_table *t, size_t r, size_t c1)
{
	struct pdf_cell *row = &t->cells[r * t->ncols];

	t->spans[r] = true;
	if (c1 != 0) {
		row[0] = row[c1];
		row[c1].text = "";
	}
	row[0].colspan = (int)t->ncols;
	for (size_t c = 1; c < t->ncols; c++) {
		row[c].rowspan = row[c].colspan = 0;
		row[c].text = "";
	}
}

/*
 * Row r's cells c1 to c2 as one cell at c1. A covered cell's text (a
 * piece of another line in the same row) goes on the spanning cell's: no
 * word is lost to a span.
 */
static void
span_cols(struct arena *a, struct pdf_table *t, size_t r, size_t c1, size_t c2)
{
	struct pdf_cell *row = &t->cells[r * t->ncols];

	if (row[c1].rowspan != 1)
		return;
	for (size_t c = c1 + 1; c <= c2; c++)
		if (row[c].rowspan != 1 || row[c].colspan != 1)
			return;
	row[c1].colspan = (int)(c2 - c1 + 1);
	for (size_t c = c1 + 1; c <= c2; c++) {
		if (row[c].text[0] != '\0')
			row[c1].text = row[c1].text[0] != '\0' ?
			    arena_printf(a, "%s %s", row[c1].text, row[c].text) : row[c].text;
		row[c].rowspan = row[c].colspan = 0;
		row[c].text = "";
	}
}

/*
 * Spans inside a header of several rows: a name centred down all of them
 * over empty cells ("Measures") spans them; a name over empty cells in
 * its row whose columns the row below names ("Actuals" over the years)
 * spans those columns.
 */
static void
head_spans(struct arena *a, struct pdf_table *t, const struct rows *rows, const double *mid,
    double em)
{
	size_t h = 0, nc = t->ncols;

	while (h < t->nrows && t->head[h])
		h++;
	if (h < 2)
		return;
	for (size_t c = 0; c < nc; c++) {
		size_t with = 0, at = 0;
		double all = (rows->top[0] + rows->bottom[h - 1]) / 2;

		for (size_t r = 0; r < h; r++) {
			const struct pdf_cell *cell = &t->cells[r * nc + c];

			if (cell->rowspan != 1 || cell->colspan != 1)
				with = h;
			else if (cell->text[0] != '\0') {
				with++;
				at = r;
			}
		}
		if (with != 1 || fabs(mid[at * nc + c] - all) > 0.3 * em ||
		    fabs(mid[at * nc + c] - (rows->top[at] + rows->bottom[at]) / 2) <= 0.3 * em)
			continue;
		t->cells[c] = t->cells[at * nc + c];
		t->cells[c].rowspan = (int)h;
		for (size_t r = 1; r < h; r++) {
			t->cells[r * nc + c].rowspan = t->cells[r * nc + c].colspan = 0;
			t->cells[r * nc + c].text = "";
		}
	}
	for (size_t r = 0; r + 1 < h; r++)
		for (size_t c = 0; c < nc; c++) {
			const struct pdf_cell *cell = &t->cells[r * nc + c];
			size_t k = c + 1;

			if (cell->text[0] == '\0' || cell->rowspan != 1 || cell->colspan != 1 ||
			    t->cells[(r + 1) * nc + c].text[0] == '\0')
				continue;
			while (k < nc && t->cells[r * nc + k].text[0] == '\0' &&
			    t->cells[r * nc + k].rowspan == 1 && t->cells[r * nc + k].colspan == 1 &&
			    t->cells[(r + 1) * nc + k].text[0] != '\0')
				k++;
			if (k > c + 1)
				span_cols(a, t, r, c, k - 1);
		}
}

/*
 * Spans that would overlap (a parent merged down rows that a group row
 * crosses, on a hostile page) are undone: each span, first come first
 * served, covers only empty cells no other span has; one that cannot is
 * a cell of its own again. So every slot of the table is covered once.
 */
static void
settle_spans(struct arena *a, struct pdf_table *t)
{
	size_t n = t->nrows * t->ncols;
	bool *claimed = arena_array(a, n ? n : 1, sizeof(bool));

	for (size_t i = 0; i < n; i++)
		if (t->cells[i].rowspan == 0) {
			t->cells[i].rowspan = t->cells[i].colspan = 1;
			t->cells[i].text = "";
		}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			struct pdf_cell *cell = &t->cells[r * t->ncols + c];
			size_t rs = (size_t)cell->rowspan, cs = (size_t)cell->colspan;
			bool fits = !claimed[r * t->ncols + c] && r + rs <= t->nrows && c + cs <= t->ncols;

			if (rs == 0 || (rs == 1 && cs == 1))
				continue;
			for (size_t y = r; fits && y < r + rs; y++)
				for (size_t x = c; fits && x < c + cs; x++) {
					const struct pdf_cell *o = &t->cells[y * t->ncols + x];

					if (y == r && x == c)
						continue;
					fits = !claimed[y * t->ncols + x] && o->rowspan == 1 &&
					    o->colspan == 1 && o->text[0] == '\0';
				}
			if (!fits) {
				cell->rowspan = cell->colspan = 1;
				if (cs > 1)
					t->spans[r] = false;
				continue;
			}
			for (size_t y = r; y < r + rs; y++)
				for (size_t x = c; x < c + cs; x++) {
					claimed[y * t->ncols + x] = true;
					if (y != r || x != c)
						t->cells[y * t->ncols + x].rowspan =
						    t->cells[y * t->ncols + x].colspan = 0;
				}
		}
}

/* The run's pieces as a table (going on from carry, if not NULL). */
struct pdf_table *
pdf_make_table(struct arena *a, struct piece *p, size_t np, const struct run *run, int page,
    const struct pdf_table *carry)
{
	struct pdf_table *t = arena_alloc(a, sizeof(*t));
	size_t ncols = run->cols.n + 1, nrows;
	struct rows rows = { 0 };
	double *mid;	/* per cell: the middle of its text, down the page */

	/* a table going on from the page before: its rows are told apart as they were there */
	t->cell_gap = carry != NULL ? carry->cell_gap : pdf_cell_gap(p, np, ncols);
	band_rows(a, p, np, ncols, t->cell_gap, &rows);
	nrows = rows.n;
	t->nrows = nrows;
	t->ncols = ncols;
	t->cells = arena_array(a, nrows * ncols, sizeof(*t->cells));
	t->head = arena_array(a, nrows, sizeof(bool));
	t->spans = arena_array(a, nrows, sizeof(bool));
	t->page = arena_array(a, nrows, sizeof(int));
	t->gap_a = arena_array(a, ncols, sizeof(double));
	t->gap_b = arena_array(a, ncols, sizeof(double));
	for (size_t c = 0; c < run->cols.n; c++) {
		t->gap_a[c] = run->cols.r[c].a;
		t->gap_b[c] = run->cols.r[c].b;
	}
	mid = arena_array(a, nrows * ncols + 1, sizeof(double));
	for (size_t i = 0; i < nrows * ncols; i++) {
		t->cells[i].text = "";
		t->cells[i].rowspan = rows.span[i];
		t->cells[i].colspan = rows.span[i] ? 1 : 0;
	}
	for (size_t r = 0; r < nrows; r++) {
		size_t first = np, last = 0, pieces = 0;

		t->page[r] = page;
		for (size_t i = 0; i < np; i++) {
			if (p[i].row != r)
				continue;
			if (first == np)
				first = i;
			last = i;
			pieces++;
		}
		for (size_t c = 0; c < ncols; c++) {
			struct pdf_cell *cell = &t->cells[r * ncols + c];
			struct pdf_line *ls = arena_array(a, pieces ? pieces : 1, sizeof(*ls));
			size_t nl = 0;
			bool bold = true;
			double y1 = HUGE_VAL, y2 = -HUGE_VAL;

			for (size_t i = first; pieces && i <= last; i++) {
				if (p[i].row != r || p[i].c1 != c)
					continue;
				ls[nl++] = p[i].l;
				bold = bold && p[i].l.bold;
				y1 = fmin(y1, p[i].l.y1);
				y2 = fmax(y2, p[i].l.y2);
			}
			if (nl == 0)
				continue;
			cell->text = pdf_lines_text(a, ls, nl, 0);
			cell->bold = bold;
			mid[r * ncols + c] = (y1 + y2) / 2;
		}
		/* A row whose one piece crosses columns is a group row, across them all. */
		if (pieces == 1 && p[first].c2 > p[first].c1) {
			span_row(t, r, p[first].c1);
			continue;
		}
		/* a piece crossing some columns: a cell spanning them */
		for (size_t i = first; pieces && i <= last; i++)
			if (p[i].row == r && p[i].c2 > p[i].c1)
				span_cols(a, t, r, p[i].c1, p[i].c2);
	}
	for (size_t r = 0; r < nrows; r++)
		if (is_group_row(t, r))
			span_row(t, r, 0);
	mark_head(t);
	head_spans(a, t, &rows, mid, run->size);
	settle_spans(a, t);
	return t;
}
