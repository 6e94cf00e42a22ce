/*
 * pdf_layout.c: a PDF page laid out again from its words' positions (see
 * pdf.h): the runs of lines that hold columns, tables and pages set in
 * columns, and the page's reading order.
 *
 * The one idea: a column of a table, or of a page set in two columns, is
 * a vertical river of white space that holds down consecutive lines.
 * Starting at a line with a wide gap in it, the rivers are its gaps; each
 * line below that has gaps of its own narrows them (a word in a river's
 * way cuts it), and a river two lines have text on both sides of is
 * established. A line that would close an established river ends the run
 * of lines, unless it is a row spanning the columns (a group row such as
 * "Reablement Service", bold or set where a column's text starts) with
 * the table going on below it. The run's established rivers are the
 * columns' edges; the words between them make each line's cells; and rows
 * are the horizontal bands of white space across every column, wider than
 * the gap between two lines of one cell, so a cell's wrapped lines (which
 * sit under its first, inside its column) join up and a cell centred
 * beside a taller one lands in the right row.
 *
 * A run of two columns is a table only if its columns break into rows
 * together; when each column breaks into paragraphs on its own, it is a
 * page set in two columns, read down the left and then down the right
 * (each laid out again on its own). Two columns whose left one holds only
 * list markers are a list, not a table.
 *
 * Everything else is cut into blocks of text (pdf_text.c); a run that is
 * a table is made one in pdf_table.c.
 */
#include "base/wm.h"

#include <math.h>

#include "base/arena.h"
#include "base/mem.h"
#include "import/pdf_impl.h"

/* A gap at least this wide (in ems) between two words of a line may be a column's edge. */
#define WIDE_GAP 0.42
/* A river narrower than this (in ems) is closed: wider than the widest space between words. */
#define RIVER_MIN 0.4
/* Past this gap (in ems) between two lines a table or paragraph is over. */
#define TABLE_MAX_GAP 3.0
/* A line that is not a table's first looks this far ahead for the table to go on. */
#define LOOKAHEAD 3

/* ---- rivers ---- */



static void
rivers_push(struct rivers *rs, struct river r)
{
	WM_GROW(rs->r, rs->n + 1, rs->cap);
	rs->r[rs->n++] = r;
}

/*
 * Is the river a column's edge? Words line up against it on one side in
 * three lines or more (cells are set flush left or right), or two when
 * it is wide; or it is wide and three lines have text on both sides
 * (centred cells). A gap between two words of one cell that the lines
 * below happen to leave open has neither, nor have two lines of a
 * justified paragraph whose gaps happen to fall together; and the gap
 * after a list's bullets is the list's.
 */
static bool
established(const struct river *r, double em)
{
	bool wide = r->b - r->a >= em;

	return !r->bullets && r->both >= 2 && (r->starts >= 3 || r->ends >= 3 ||
	    (wide && (r->starts >= 2 || r->ends >= 2 || r->both >= 3)));
}

static int
cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return a < b ? -1 : a > b;
}

/*
 * Has the line a gap that may be a column's edge: wide, and wider than
 * its spaces between words (a justified line's gaps are all wide alike)?
 */
static bool
is_multi(const struct pdf_line *l)
{
	double gaps[64], median, widest = 0;
	size_t n = 0;

	for (size_t i = 1; i < l->n; i++) {
		double g = l->w[i].x1 - l->w[i - 1].x2;

		widest = fmax(widest, g);
		if (n < WM_ARRAY_LEN(gaps))
			gaps[n++] = g;
	}
	if (widest < WIDE_GAP * l->size)
		return false;
	if (widest >= 1.5 * l->size)
		return true;
	wm_sort(gaps, n, sizeof(*gaps), cmp_double);
	median = gaps[n / 2];
	return widest >= 1.6 * median;
}

/* The rivers of one line: its outsides and every gap between its words. */
static void
rivers_of(const struct pdf_line *l, struct rivers *rs)
{
	rs->n = 0;
	rivers_push(rs, (struct river){ -HUGE_VAL, l->w[0].x1, 1, 0, 0, false });
	for (size_t i = 1; i < l->n; i++)
		if (l->w[i].x1 - l->w[i - 1].x2 >= RIVER_MIN * l->size)
			rivers_push(rs, (struct river){ l->w[i - 1].x2, l->w[i].x1, 1, 1, 1,
			    pdf_is_bullet(l->w[i - 1].text) });
	rivers_push(rs, (struct river){ l->w[l->n - 1].x2, HUGE_VAL, 0, 1, 0, false });
}

/* Does a word of l start at x (ends: end at x), give or take half a point? */
static bool
edge_at(const struct pdf_line *l, double x, bool ends)
{
	for (size_t i = 0; i < l->n; i++)
		if (fabs((ends ? l->w[i].x2 : l->w[i].x1) - x) <= 0.5)
			return true;
	return false;
}

/*
 * What line l leaves of rivers in: into out (the pieces of each river
 * its words leave open, each at least min wide), counting the
 * established rivers it closes. With keep_outside, the rivers outside
 * the outermost words so far are left as they are.
 */
static int
rivers_narrow(const struct rivers *in, const struct pdf_line *l, double min, double em,
    bool keep_outside, struct rivers *out)
{
	int closed = 0;

	out->n = 0;
	for (size_t i = 0; i < in->n; i++) {
		const struct river *r = &in->r[i];
		double a = r->a;
		size_t before = out->n;

		if (keep_outside && (r->a == -HUGE_VAL || r->b == HUGE_VAL)) {
			rivers_push(out, *r);
			continue;
		}

		for (size_t j = 0; j <= l->n; j++) {
			double b = j < l->n ? l->w[j].x1 : HUGE_VAL;

			if (j < l->n && l->w[j].x2 <= r->a)
				continue;
			if (fmin(b, r->b) - a >= min) {
				double pa = a, pb = fmin(b, r->b);
				bool left = l->x1 < pa && pa > -HUGE_VAL, right = l->x2 > pb;
				struct river piece = { pa, pb, 0, 0, r->both + (left && right), r->bullets };

				/* an edge l moved by more than a point starts counting again, at l */
				piece.starts = pb < r->b - 0.5 ? 1 : r->starts + edge_at(l, pb, false);
				piece.ends = pa > r->a + 0.5 ? 1 : r->ends + edge_at(l, pa, true);
				/* the word of l just against its left edge says whether it follows bullets */
				if (pa > r->a + 0.5)
					piece.bullets = j > 0 && pdf_is_bullet(l->w[j - 1].text);
				else if (j > 0 && fabs(l->w[j - 1].x2 - pa) <= 0.5)
					piece.bullets = piece.bullets && pdf_is_bullet(l->w[j - 1].text);
				rivers_push(out, piece);
			}
			if (j == l->n || b >= r->b)
				break;
			a = fmax(a, l->w[j].x2);
		}
		/* an established river closes when no piece of it is still a column's edge */
		if (established(r, em)) {
			bool kept = false;

			for (size_t k = before; k < out->n; k++)
				kept = kept || established(&out->r[k], em);
			closed += !kept;
		}
	}
	return closed;
}

/* Does l close one of the established rivers? */
static bool
closes(const struct rivers *rs, const struct pdf_line *l, double min, double em,
    struct rivers *tmp)
{
	return rivers_narrow(rs, l, min, em, false, tmp) > 0;
}

/* ---- runs of lines that may be a table ---- */


/* Does some column's text start where l does? (A spanning row is set so.) */
static bool
starts_at_column(const struct pdf_line *lines, const struct run *run, size_t upto,
    const struct pdf_line *l)
{
	for (size_t i = run->first; i < upto; i++)
		for (size_t j = 0; j < lines[i].n; j++)
			if (fabs(lines[i].w[j].x1 - l->x1) <= 1.0 && (j == 0 ||
			    lines[i].w[j].x1 - lines[i].w[j - 1].x2 >= RIVER_MIN * lines[i].size))
				return true;
	return false;
}

static int
cmp_river(const void *pa, const void *pb)
{
	const struct river *a = pa, *b = pb;

	return a->a < b->a ? -1 : a->a > b->a;
}

/*
 * Rivers only narrow, so a column's edge that a cell spanning columns
 * covered before any line showed it ("New measure" across two years) is
 * lost. Find such edges again where cells start: an x where the pieces of
 * three lines or more start, crossed by few lines, with room before it.
 */
static void
lost_columns(const struct pdf_line *lines, struct run *run)
{
	double *xs = NULL, min = RIVER_MIN * run->size;
	size_t n = 0, cap = 0;

	for (size_t i = run->first; i < run->end; i++)
		for (size_t j = 0; j < lines[i].n; j++)
			if (j == 0 || lines[i].w[j].x1 - lines[i].w[j - 1].x2 >= min) {
				WM_GROW(xs, n + 1, cap);
				xs[n++] = lines[i].w[j].x1;
			}
	wm_sort(xs, n, sizeof(*xs), cmp_double);
	for (size_t i = 0, j; i < n; i = j) {
		double x = xs[i], a = -HUGE_VAL, prev = run->x1;
		size_t starts = 0, crossing = 0;
		bool known = x <= run->x1 + 1;

		for (j = i; j < n && xs[j] - x <= 0.5; j++)
			starts++;
		for (size_t c = 0; c < run->cols.n && !known; c++) {
			known = x >= run->cols.r[c].a - 1 && x <= run->cols.r[c].b + 1;
			if (run->cols.r[c].b < x)
				prev = run->cols.r[c].b;
		}
		if (known || starts < 3)
			continue;
		for (size_t k = run->first; k < run->end; k++)
			for (size_t w = 0; w < lines[k].n; w++) {
				const struct pdf_word *wd = &lines[k].w[w];

				if (wd->x1 < x - 0.5 && wd->x2 > x + 0.5)
					crossing++;
				else if (wd->x2 <= x - 0.5 && wd->x1 >= prev - 0.5)
					a = fmax(a, wd->x2);
			}
		if (crossing * 3 > starts || a == -HUGE_VAL || x - a < min)
			continue;
		rivers_push(&run->cols, (struct river){ a, x, (int)starts, 0, (int)starts, false });
		wm_sort(run->cols.r, run->cols.n, sizeof(*run->cols.r), cmp_river);
	}
	free(xs);
}

/*
 * Find the run of lines from lines[i] that keeps rivers open; false if
 * it is no table (too few lines, no established river). With carry (the
 * table that ended the page before), its columns are the rivers from the
 * start: a table going on over a page break keeps its columns even when
 * this page holds only a line or two of it.
 */
static bool
find_run(const struct pdf_line *lines, size_t n, size_t i, const struct pdf_table *carry,
    struct run *run)
{
	struct rivers rs = { 0 }, next = { 0 }, tmp = { 0 };
	const struct pdf_line *l0 = &lines[i];
	double min = RIVER_MIN * l0->size, bottom = l0->y2;
	size_t j, multi = 1;
	bool ok = false;

	memset(run, 0, sizeof(*run));
	run->first = i;
	if (carry != NULL) {
		for (size_t c = 0; c + 1 < carry->ncols; c++)
			rivers_push(&rs, (struct river){ carry->gap_a[c], carry->gap_b[c], 2, 2, 3, false });
		j = i;
		bottom = l0->y1;
	} else {
		rivers_of(l0, &rs);
		j = i + 1;
	}
	for (; j < n; j++) {
		const struct pdf_line *l = &lines[j];
		int closed;

		if (l->y1 - bottom > TABLE_MAX_GAP * l0->size)
			break;
		/*
		 * A line of one piece narrows only the rivers between columns:
		 * beyond the outermost ones lie columns the lines so far left
		 * empty, which a group row's text may cross before a row below
		 * shows them.
		 */
		closed = rivers_narrow(&rs, l, min, l0->size, !is_multi(l), &next);
		/*
		 * A bold line of one piece may be a group row right under a
		 * header of one line, whose rivers are not established yet:
		 * it leaves them as they are (it must still not close one).
		 */
		if (closed == 0 && !is_multi(l) && l->bold && l->size < 1.25 * l0->size &&
		    l->size > 0.75 * l0->size) {
			bottom = fmax(bottom, l->y2);
			continue;
		}

		if (closed == 0) {
			struct rivers t = rs;
			size_t inside = 0;

			/* a river only the lines above had, this one closes, was a gap by chance */
			rs = next;
			next = t;
			multi += is_multi(l);
			for (size_t k = 0; k < rs.n; k++)
				inside += rs.r[k].a > -HUGE_VAL && rs.r[k].b < HUGE_VAL;
			if (inside == 0)
				break;
			bottom = fmax(bottom, l->y2);
			continue;
		}
		/* A row spanning columns: bold or set where a column starts, with the table below. */
		if ((l->bold || starts_at_column(lines, run, j, l)) && l->size < 1.25 * l0->size &&
		    l->size > 0.75 * l0->size) {
			size_t k;

			for (k = j + 1; k < n && k <= j + LOOKAHEAD; k++)
				if (lines[k].y1 - lines[k - 1].y2 > TABLE_MAX_GAP * l0->size ||
				    !closes(&rs, &lines[k], min, l0->size, &tmp))
					break;
			/* or the table's last row, a group row set as the others (a heading is not) */
			if ((k < n && k <= j + LOOKAHEAD &&
			    lines[k].y1 - lines[k - 1].y2 <= TABLE_MAX_GAP * l0->size) ||
			    (l->bold && fabs(l->size - l0->size) <= 0.05 * l0->size &&
			    starts_at_column(lines, run, j, l) &&
			    (j + 1 == n || lines[j + 1].y1 - l->y2 > l0->size))) {
				bottom = fmax(bottom, l->y2);
				continue;
			}
		}
		break;
	}
	/* a heading just after the table, inside its columns, is not its last row */
	while (j > i + 1 && !is_multi(&lines[j - 1]) && lines[j - 1].size > 1.12 * l0->size)
		j--;
	run->end = j;
	run->x1 = HUGE_VAL;
	run->x2 = -HUGE_VAL;
	run->size = l0->size;
	for (size_t k = i; k < j; k++) {
		run->x1 = fmin(run->x1, lines[k].x1);
		run->x2 = fmax(run->x2, lines[k].x2);
	}
	for (size_t k = 0; k < rs.n; k++)
		if (established(&rs.r[k], run->size) && rs.r[k].a > -HUGE_VAL && rs.r[k].b < HUGE_VAL &&
		    (carry != NULL || (rs.r[k].a > run->x1 && rs.r[k].b < run->x2)))
			rivers_push(&run->cols, rs.r[k]);
	if (carry == NULL && run->cols.n > 0)
		lost_columns(lines, run);

	ok = carry != NULL ? j > i && run->cols.n + 1 == carry->ncols :
	    multi >= 2 && run->cols.n > 0;
	free(rs.r);
	free(next.r);
	free(tmp.r);
	if (!ok) {
		free(run->cols.r);
		run->cols.r = NULL;
		run->cols.n = 0;
	}
	return ok;
}

/*
 * A table's first line may hold only one cell (a header's first line
 * above a cell centred beside it): take in the lines just above the run,
 * tight against it, that sit inside its columns.
 */
static void
extend_up(const struct pdf_line *lines, size_t from, struct run *run)
{
	struct rivers tmp = { 0 };

	while (run->first > from) {
		const struct pdf_line *l = &lines[run->first - 1];
		double top = HUGE_VAL;

		for (size_t k = run->first; k < run->end && lines[k].y1 < top + l->size; k++)
			top = fmin(top, lines[k].y1);
		if (top - l->y2 > 0.25 * l->size || fabs(l->size - run->size) > 0.2 * run->size ||
		    is_multi(l) || l->x1 < run->x1 - 1 || l->x2 > run->x2 + 1 ||
		    closes(&run->cols, l, RIVER_MIN * run->size, run->size, &tmp))
			break;
		run->first--;
	}
	free(tmp.r);
}

/* ---- a run's pieces: the words of a line between two column edges ---- */


/* The column a piece starting at x1 starts in, and the one ending at x2 ends in. */
static size_t
column_from(const struct run *run, double x1)
{
	size_t c = 0;

	while (c < run->cols.n && run->cols.r[c].a < x1)
		c++;
	return c;
}

static size_t
column_to(const struct run *run, double x2)
{
	size_t c = 0;

	while (c < run->cols.n && run->cols.r[c].b < x2)
		c++;
	return c;
}

static int
cmp_piece(const void *pa, const void *pb)
{
	const struct piece *a = pa, *b = pb;

	if (a->l.y1 != b->l.y1)
		return a->l.y1 < b->l.y1 ? -1 : 1;
	return a->l.x1 < b->l.x1 ? -1 : a->l.x1 > b->l.x1;
}

/* Cut the run's lines into pieces at the column edges no word of theirs covers. */
static struct piece *
run_pieces(struct arena *a, const struct pdf_line *lines, const struct run *run, size_t *np)
{
	size_t cap = 0, n = 0;
	struct piece *p;

	for (size_t i = run->first; i < run->end; i++)
		cap += lines[i].n;
	p = arena_array(a, cap, sizeof(*p));
	for (size_t i = run->first; i < run->end; i++) {
		const struct pdf_line *l = &lines[i];
		size_t start = 0;

		for (size_t j = 1; j <= l->n; j++) {
			bool cut = j == l->n;

			/* an edge whose white space a gap wider than a space between the words meets */
			for (size_t c = 0; !cut && c < run->cols.n; c++)
				cut = l->w[j].x1 - l->w[j - 1].x2 >= RIVER_MIN * l->size &&
				    fmax(l->w[j - 1].x2, run->cols.r[c].a) <
				    fmin(l->w[j].x1, run->cols.r[c].b);
			if (!cut)
				continue;
			p[n].l.w = &l->w[start];
			p[n].l.n = j - start;
			pdf_line_measure(&p[n].l);
			p[n].c1 = column_from(run, l->w[start].x1);
			p[n].c2 = column_to(run, l->w[j - 1].x2);
			if (p[n].c2 < p[n].c1)
				p[n].c2 = p[n].c1;
			n++;
			start = j;
		}
	}
	wm_sort(p, n, sizeof(*p), cmp_piece);
	*np = n;
	return p;
}

/*
 * Two columns are a table when they break into rows together: nearly
 * every gap between blocks of one column lies level with a gap of the
 * other. Columns of a page break into paragraphs each on its own.
 */
static bool
breaks_together(const struct piece *p, size_t np, double gap)
{
	struct { double y1, y2; } *br[2] = { NULL, NULL };
	size_t nb[2] = { 0, 0 }, cap[2] = { 0, 0 }, matched = 0, fewer;
	bool together;

	for (size_t c = 0; c < 2; c++) {
		const struct piece *prev = NULL;

		for (size_t i = 0; i < np; i++) {
			if (p[i].c1 != c || p[i].c2 != c)
				continue;
			if (prev != NULL && p[i].l.y1 - prev->l.y2 > gap * prev->l.size) {
				WM_GROW(br[c], nb[c] + 1, cap[c]);
				br[c][nb[c]].y1 = prev->l.y2;
				br[c][nb[c]].y2 = p[i].l.y1;
				nb[c]++;
			}
			prev = &p[i];
		}
	}
	fewer = nb[0] <= nb[1] ? 0 : 1;
	for (size_t i = 0; i < nb[fewer]; i++)
		for (size_t k = 0; k < nb[!fewer]; k++)
			if (br[fewer][i].y1 < br[!fewer][k].y2 && br[!fewer][k].y1 < br[fewer][i].y2) {
				matched++;
				break;
			}
	together = nb[fewer] > 0 ? matched * 4 >= nb[fewer] * 3 : nb[0] + nb[1] == 0;
	free(br[0]);
	free(br[1]);
	return together;
}


/*
 * A column holding only list markers is the markers of a list, not a
 * column: of a list set with its markers hanging (when the run is two
 * columns), or of a bulleted list inside a cell. Its edge with the text
 * beside it goes (numbers alone in a column of a wider table are refs,
 * and stay). True if an edge went.
 */
static bool
drop_marker_columns(const struct piece *p, size_t np, struct run *run)
{
	bool dropped = false;

	for (size_t c = run->cols.n; c-- > 0;) {
		size_t markers = 0;
		bool only = true;

		for (size_t i = 0; i < np && only; i++) {
			if (p[i].c1 != c || p[i].c2 != c)
				continue;
			only = p[i].l.n == 1 && (pdf_is_bullet(p[i].l.w[0].text) ||
			    (run->cols.n == 1 && pdf_marker_kind(p[i].l.w[0].text) != 0));
			markers++;
		}
		if (!only || markers == 0)
			continue;
		memmove(&run->cols.r[c], &run->cols.r[c + 1], (run->cols.n - c - 1) *
		    sizeof(*run->cols.r));
		run->cols.n--;
		dropped = true;
	}
	return dropped;
}

static void
layout(struct out *o, const struct pdf_line *lines, size_t n, const struct pdf_params *par,
    int depth, struct pdf_carry *carry)
{
	size_t text_from = 0;
	struct pdf_carry next = { 0 };

	for (size_t i = 0; i < n;) {
		const struct pdf_table *go_on = i == 0 && carry != NULL ? carry->table : NULL;
		struct run run;
		struct piece *p;
		size_t np;

		if ((go_on == NULL || !find_run(lines, n, i, go_on, &run)) &&
		    (!is_multi(&lines[i]) || !find_run(lines, n, i, NULL, &run))) {
			i++;
			continue;
		}
		if (!(go_on != NULL && run.first == i))
			go_on = NULL;
		extend_up(lines, text_from, &run);
		p = run_pieces(o->a, lines, &run, &np);
		if (go_on == NULL && drop_marker_columns(p, np, &run))
			p = run_pieces(o->a, lines, &run, &np);
		if (run.cols.n == 0) {
			/* a list, its markers hanging: its lines are text */
			free(run.cols.r);
			i = run.end;
			continue;
		}
		pdf_text_blocks(o, lines + text_from, run.first - text_from, par);
		memset(&next, 0, sizeof(next));
		if (go_on == NULL && run.cols.n == 1 && depth == 0 &&
		    ((carry != NULL && carry->columns && run.first == 0 &&
		    run.cols.r[0].a < carry->gutter_b && carry->gutter_a < run.cols.r[0].b) ||
		    !breaks_together(p, np, pdf_cell_gap(p, np, 2)))) {
			double mid = (run.cols.r[0].a + run.cols.r[0].b) / 2;

			for (int side = 0; side < 2; side++) {
				size_t nc;
				struct pdf_line *cl = pdf_column_lines(o->a, lines, run.first, run.end,
				    side ? mid : -HUGE_VAL, side ? HUGE_VAL : mid, &nc);

				layout(o, cl, nc, par, depth + 1, NULL);
			}
			next.columns = true;
			next.gutter_a = run.cols.r[0].a;
			next.gutter_b = run.cols.r[0].b;
		} else {
			struct pdf_blk *b = pdf_out_add(o, PDF_TABLE);

			b->table = pdf_make_table(o->a, p, np, &run, o->page, go_on);
			b->x1 = run.x1;
			b->x2 = run.x2;
			b->y1 = lines[run.first].y1;
			b->y2 = lines[run.end - 1].y2;
			next.table = b->table;
		}
		free(run.cols.r);
		i = text_from = run.end;
	}
	if (text_from < n)
		memset(&next, 0, sizeof(next));
	pdf_text_blocks(o, lines + text_from, n - text_from, par);
	if (carry != NULL)
		*carry = next;
}

void
pdf_layout(struct arena *a, const struct pdf_line *lines, size_t n, const struct pdf_params *p,
    int page, struct pdf_carry *carry, struct pdf_blk **blks, size_t *nblks)
{
	struct out o = { a, NULL, 0, 0, page };

	layout(&o, lines, n, p, 0, carry);
	*blks = o.b;
	*nblks = o.n;
}
