/*
 * pdf_layout.c: a PDF page laid out again from its words' positions (see
 * pdf.h): lines, then tables, columns and blocks of text.
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
 * Everything else is cut into blocks at gaps wider than the document's
 * usual gap between a paragraph's lines, at changes of size or weight,
 * at a list marker and where the indentation jumps.
 */
#include "base/wm.h"

#include <math.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/mem.h"
#include "import/pdf.h"

/* A gap at least this wide (in ems) between two words of a line may be a column's edge. */
#define WIDE_GAP 0.42
/* A river narrower than this (in ems) is closed: wider than the widest space between words. */
#define RIVER_MIN 0.4
/* Past this gap (in ems) between two lines a table or paragraph is over. */
#define TABLE_MAX_GAP 3.0
/* A line that is not a table's first looks this far ahead for the table to go on. */
#define LOOKAHEAD 3

/* ---- words into lines ---- */

static int
cmp_center(const void *pa, const void *pb)
{
	const struct pdf_word *a = *(const struct pdf_word *const *)pa;
	const struct pdf_word *b = *(const struct pdf_word *const *)pb;
	double ca = (a->y1 + a->y2) / 2, cb = (b->y1 + b->y2) / 2;

	if (ca != cb)
		return ca < cb ? -1 : 1;
	return a->x1 < b->x1 ? -1 : a->x1 > b->x1;
}

static int
cmp_x(const void *pa, const void *pb)
{
	const struct pdf_word *a = *(const struct pdf_word *const *)pa;
	const struct pdf_word *b = *(const struct pdf_word *const *)pb;

	return a->x1 < b->x1 ? -1 : a->x1 > b->x1;
}

/* The box, size and weight of a line from its words. */
static void
line_measure(struct pdf_line *l)
{
	double best = 0, best_chars = -1;

	l->x1 = l->y1 = HUGE_VAL;
	l->x2 = l->y2 = -HUGE_VAL;
	l->bold = l->n > 0;
	for (size_t i = 0; i < l->n; i++) {
		const struct pdf_word *w = &l->w[i];
		double chars = 0;

		l->x1 = fmin(l->x1, w->x1);
		l->y1 = fmin(l->y1, w->y1);
		l->x2 = fmax(l->x2, w->x2);
		l->y2 = fmax(l->y2, w->y2);
		if (!w->bold)
			l->bold = false;
		/* the size most of its characters are set in */
		for (size_t j = 0; j < l->n; j++)
			if (fabs(l->w[j].size - w->size) < 0.25)
				chars += (double)strlen(l->w[j].text);
		if (chars > best_chars) {
			best_chars = chars;
			best = w->size;
		}
	}
	l->size = best > 0 ? best : 10;
}

void
pdf_lines(struct arena *a, const struct pdf_word *w, size_t n, struct pdf_line **lines,
    size_t *nlines)
{
	const struct pdf_word **order;
	struct pdf_word *sorted;
	struct pdf_line *out;
	size_t nout = 0, k = 0;

	*lines = NULL;
	*nlines = 0;
	if (n == 0)
		return;
	order = wm_reallocarray(NULL, n, sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = &w[i];
	wm_sort(order, n, sizeof(*order), cmp_center);
	sorted = arena_array(a, n, sizeof(*sorted));
	out = arena_array(a, n, sizeof(*out));
	/*
	 * Down the page by the words' middles: a word joins the line so far
	 * when its middle is within a third of the smaller height of the
	 * line's. Lines of two cells side by side whose baselines differ by
	 * half a line stay apart.
	 */
	for (size_t i = 0; i < n;) {
		double mid = (order[i]->y1 + order[i]->y2) / 2;
		double h = order[i]->y2 - order[i]->y1;
		size_t j = i + 1;

		while (j < n) {
			double m2 = (order[j]->y1 + order[j]->y2) / 2;
			double h2 = order[j]->y2 - order[j]->y1;

			if (m2 - mid > 0.3 * fmin(h, h2))
				break;
			j++;
		}
		wm_sort(order + i, j - i, sizeof(*order), cmp_x);
		for (size_t m = i; m < j; m++)
			sorted[k + (m - i)] = *order[m];
		out[nout].w = &sorted[k];
		out[nout].n = j - i;
		line_measure(&out[nout]);
		nout++;
		k += j - i;
		i = j;
	}
	free(order);
	*lines = out;
	*nlines = nout;
}

double
pdf_line_gap(const struct pdf_page *pages, size_t npages)
{
	/* The commonest gap, in bins of 0.02 em from -0.6 to +1.0 */
	enum { NBIN = 80 };
	int hist[NBIN] = { 0 };
	int best = -1;

	for (size_t p = 0; p < npages; p++) {
		const struct pdf_page *pg = &pages[p];

		for (size_t i = 0; i + 1 < pg->nlines; i++) {
			const struct pdf_line *l = &pg->lines[i];

			/* the next line below starting where this one does: the same paragraph or cell */
			for (size_t j = i + 1; j < pg->nlines && pg->lines[j].y1 < l->y2 + 2 * l->size; j++) {
				const struct pdf_line *m = &pg->lines[j];
				double gap;
				int bin;

				/* first words: a line of two columns whose baselines differ a little is taller */
				if (fabs(m->x1 - l->x1) > 1 || fabs(m->size - l->size) > 0.1 * l->size ||
				    m->w[0].y1 <= l->w[0].y1 + 0.5 * l->size)
					continue;
				gap = (m->w[0].y1 - l->w[0].y2) / l->size;
				bin = (int)floor((gap + 0.6) / 0.02);
				if (bin >= 0 && bin < NBIN)
					hist[bin]++;
				break;
			}
		}
	}
	for (int b = 0; b < NBIN; b++)
		if (hist[b] > 0 && (best < 0 || hist[b] > hist[best]))
			best = b;
	return best < 0 ? 0.05 : -0.6 + 0.02 * best + 0.01;
}

/* ---- list markers ---- */

static bool
is_roman(const char *s, size_t n)
{
	static const char *const numerals[] = {
		"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
		"xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
	};

	for (size_t i = 0; i < WM_ARRAY_LEN(numerals); i++)
		if (strlen(numerals[i]) == n && strncasecmp(s, numerals[i], n) == 0)
			return true;
	return false;
}

/*
 * Is the word a bullet proper (•, ◦, ▪, ■...)? Not a dash, a star or a
 * tick, which a column of a table may hold for its own sake ("-" for
 * none, "✓" for done).
 */
static bool
is_bullet(const char *w)
{
	static const char *const bullets[] = {
		"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x96\xAB", "\xE2\x97\x8F",
		"\xE2\x97\x8B", "\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x96\xBA", "\xE2\x96\xB8",
		"\xE2\x80\xA3", "\xE2\x81\x83", "\xC2\xB7", "\xE2\x9E\xA2", "\xE2\x9E\xA4",
		"\xEF\x82\xB7", "\xEF\x82\xA7", "\xEF\x83\x98", "\xEF\x82\xA8",
	};

	for (size_t i = 0; i < WM_ARRAY_LEN(bullets); i++)
		if (strcmp(w, bullets[i]) == 0)
			return true;
	return false;
}

/*
 * 0: not a marker; 1: a marker ("1.", "a)", "(iv)", "•"); 2: a marker only
 * when a wide gap follows it (a bare "2.1", which could be a number).
 */
static int
marker_kind(const char *s)
{
	/* besides bullets proper: dashes, a star, ticks and diamonds */
	static const char *const others[] = {
		"\xE2\x80\x93", "\xE2\x80\x94", "-", "*", "\xE2\x9C\x93", "\xE2\x9C\x94",
		"\xE2\x97\x86", "\xE2\x97\x87", "\xEF\x80\xAD",
	};
	size_t n = strlen(s), d = 0;

	if (is_bullet(s))
		return 1;
	for (size_t i = 0; i < WM_ARRAY_LEN(others); i++)
		if (strcmp(s, others[i]) == 0)
			return 1;
	if (n < 2 || n > 12)
		return 0;
	/* (a) (iv) (12) */
	if (s[0] == '(' && s[n - 1] == ')') {
		const char *in = s + 1;
		size_t m = n - 2;

		if (m == 0)
			return 0;
		if (m == 1 && ((in[0] >= 'a' && in[0] <= 'z') || (in[0] >= 'A' && in[0] <= 'Z')))
			return 1;
		if (is_roman(in, m))
			return 1;
		for (d = 0; d < m && in[d] >= '0' && in[d] <= '9'; d++)
			;
		return d == m && d <= 3 ? 1 : 0;
	}
	if (s[n - 1] == '.' || s[n - 1] == ')') {
		size_t m = n - 1;

		/* a. A) iv. */
		if (m == 1 && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
			return 1;
		if (is_roman(s, m))
			return 1;
	}
	/* 1. 12) 2.1 2.1. 2.1a 1.1.1 3a) */
	for (size_t i = 0, groups = 0; i < n;) {
		for (d = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			d++;
		if (d == 0 || d > 3)
			return 0;
		groups++;
		if (i < n && s[i] >= 'a' && s[i] <= 'z')
			i++;
		if (i == n)
			return groups > 1 ? 2 : 0;
		if (s[i] == ')' && i + 1 == n)
			return 1;
		if (s[i] != '.')
			return 0;
		if (++i == n)
			return 1;
	}
	return 0;
}

bool
pdf_is_marker(const char *word)
{
	return marker_kind(word) != 0;
}


/* The line's marker, if its first word is one (and something follows it). */
static const struct pdf_word *
line_marker(const struct pdf_line *l)
{
	int k;

	if (l->n < 2)
		return NULL;
	k = marker_kind(l->w[0].text);
	if (k == 1 || (k == 2 && l->w[1].x1 - l->w[0].x2 >= 0.5 * l->size))
		return &l->w[0];
	return NULL;
}

/* ---- text of lines ---- */

static bool
is_lower_start(const char *s)
{
	return (*s >= 'a' && *s <= 'z');
}

char *
pdf_lines_text(struct arena *a, const struct pdf_line *lines, size_t n, size_t skip_words)
{
	struct buf b = BUF_INIT;
	char *s;

	for (size_t i = 0; i < n; i++) {
		for (size_t j = i == 0 ? skip_words : 0; j < lines[i].n; j++) {
			const char *t = lines[i].w[j].text;

			if (b.len > 0) {
				/*
				 * "self-" at a line's end and "directed" below it are
				 * one word, as are "2024-" and "2027"; a dash standing
				 * alone is not.
				 */
				char c = b.len >= 2 ? b.s[b.len - 2] : ' ';
				bool tight = j == 0 && b.s[b.len - 1] == '-' &&
				    ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
				    (c >= '0' && c <= '9')) && (is_lower_start(t) || (*t >= '0' && *t <= '9'));

				if (!tight)
					buf_addc(&b, ' ');
			}
			buf_adds(&b, t);
		}
	}
	s = arena_strdup(a, buf_str(&b));
	buf_release(&b);
	return s;
}

/* ---- rivers ---- */

struct river {
	double a, b;		/* -HUGE_VAL / HUGE_VAL at the run's outside edges */
	int starts;		/* lines with a word starting right at b (a left-aligned column) */
	int ends;		/* lines with a word ending right at a (a right-aligned column) */
	int both;		/* lines with text on both sides of it */
	bool bullets;		/* every word just left of it is a bullet: a list's, not a column */
};

struct rivers {
	struct river *r;
	size_t n, cap;
};

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
			    is_bullet(l->w[i - 1].text) });
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
					piece.bullets = j > 0 && is_bullet(l->w[j - 1].text);
				else if (j > 0 && fabs(l->w[j - 1].x2 - pa) <= 0.5)
					piece.bullets = piece.bullets && is_bullet(l->w[j - 1].text);
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

struct run {
	size_t first, end;	/* lines [first, end) */
	struct rivers cols;	/* the established rivers inside the run: the columns' edges */
	double x1, x2, size;
};

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

struct piece {
	struct pdf_line l;	/* its words, as a line of their own */
	size_t c1, c2;		/* the columns it covers */
	size_t row;
};

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
			line_measure(&p[n].l);
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

	return n > 0 && strchr(".!?", t[n - 1]) == NULL && is_lower_start(lower->w[0].text);
}

static double
cell_gap(const struct piece *p, size_t n, size_t ncols)
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
static struct pdf_table *
make_table(struct arena *a, struct piece *p, size_t np, const struct run *run, int page,
    const struct pdf_table *carry)
{
	struct pdf_table *t = arena_alloc(a, sizeof(*t));
	size_t ncols = run->cols.n + 1, nrows;
	struct rows rows = { 0 };
	double *mid;	/* per cell: the middle of its text, down the page */

	/* a table going on from the page before: its rows are told apart as they were there */
	t->cell_gap = carry != NULL ? carry->cell_gap : cell_gap(p, np, ncols);
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
			only = p[i].l.n == 1 && (is_bullet(p[i].l.w[0].text) ||
			    (run->cols.n == 1 && marker_kind(p[i].l.w[0].text) != 0));
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

/* ---- blocks of text ---- */

struct out {
	struct arena *a;
	struct pdf_blk *b;
	size_t n, cap;
	int page;
};

static struct pdf_blk *
out_add(struct out *o, enum pdf_blk_type t)
{
	struct pdf_blk *b;

	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 32;
		struct pdf_blk *nb = arena_array(o->a, cap, sizeof(*nb));

		if (o->n)
			memcpy(nb, o->b, o->n * sizeof(*nb));
		o->b = nb;
		o->cap = cap;
	}
	b = &o->b[o->n++];
	memset(b, 0, sizeof(*b));
	b->type = t;
	b->page = o->page;
	return b;
}

static bool
ends_sentence(const struct pdf_line *l)
{
	const char *t = l->w[l->n - 1].text;
	size_t n = strlen(t);

	return n > 0 && strchr(".:;!?", t[n - 1]) != NULL;
}

/* Does line l go on the text block b (whose lines are lines[first..i))? */
static bool
continues(const struct pdf_blk *b, const struct pdf_line *prev, const struct pdf_line *l,
    const struct pdf_params *par)
{
	double em = prev->size, gap = l->y1 - prev->y2;

	if (line_marker(l) != NULL || fabs(l->size - b->size) > 0.1 * b->size || l->bold != b->bold)
		return false;
	if (gap > (par->line_gap + 0.25) * em || gap < -0.6 * em)
		return false;
	if (b->marker != NULL)
		return l->x1 >= b->marker_x + 0.5 * em && l->x1 <= b->marker_x + 8 * em;
	if (l->x1 < b->x1 - 3 * em || l->x1 > b->x1 + 3 * em || l->x1 > prev->x2)
		return false;
	/* a short line ending a sentence ends its paragraph */
	if (b->nlines >= 1 && ends_sentence(prev) && prev->x2 - prev->x1 < 0.6 * (l->x2 - l->x1))
		return false;
	return true;
}

static void
text_blocks(struct out *o, const struct pdf_line *lines, size_t n, const struct pdf_params *par)
{
	struct pdf_blk *b = NULL;

	for (size_t i = 0; i < n; i++) {
		const struct pdf_line *l = &lines[i];

		if (b != NULL && continues(b, &lines[i - 1], l, par)) {
			b->nlines++;
			b->x1 = fmin(b->x1, l->x1);
			b->x2 = fmax(b->x2, l->x2);
			b->y2 = fmax(b->y2, l->y2);
			continue;
		}
		{
			const struct pdf_word *m = line_marker(l);

			b = out_add(o, PDF_TEXT);
			b->lines = l;
			b->nlines = 1;
			b->x1 = l->x1;
			b->y1 = l->y1;
			b->x2 = l->x2;
			b->y2 = l->y2;
			b->size = l->size;
			b->bold = l->bold;
			if (m != NULL) {
				b->marker = m->text;
				b->marker_x = m->x1;
			}
		}
	}
}

/* The part of each line inside [x1, x2): a column of a page set in columns. */
static struct pdf_line *
column_lines(struct arena *a, const struct pdf_line *lines, size_t first, size_t end, double x1,
    double x2, size_t *n)
{
	struct pdf_line *out = arena_array(a, end - first, sizeof(*out));
	size_t k = 0;

	for (size_t i = first; i < end; i++) {
		size_t s = 0, e;

		while (s < lines[i].n && (lines[i].w[s].x1 + lines[i].w[s].x2) / 2 < x1)
			s++;
		for (e = s; e < lines[i].n && (lines[i].w[e].x1 + lines[i].w[e].x2) / 2 < x2; e++)
			;
		if (e == s)
			continue;
		out[k].w = &lines[i].w[s];
		out[k].n = e - s;
		out[k].why = NULL;
		line_measure(&out[k]);
		k++;
	}
	*n = k;
	return out;
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
		text_blocks(o, lines + text_from, run.first - text_from, par);
		memset(&next, 0, sizeof(next));
		if (go_on == NULL && run.cols.n == 1 && depth == 0 &&
		    ((carry != NULL && carry->columns && run.first == 0 &&
		    run.cols.r[0].a < carry->gutter_b && carry->gutter_a < run.cols.r[0].b) ||
		    !breaks_together(p, np, cell_gap(p, np, 2)))) {
			double mid = (run.cols.r[0].a + run.cols.r[0].b) / 2;

			for (int side = 0; side < 2; side++) {
				size_t nc;
				struct pdf_line *cl = column_lines(o->a, lines, run.first, run.end,
				    side ? mid : -HUGE_VAL, side ? HUGE_VAL : mid, &nc);

				layout(o, cl, nc, par, depth + 1, NULL);
			}
			next.columns = true;
			next.gutter_a = run.cols.r[0].a;
			next.gutter_b = run.cols.r[0].b;
		} else {
			struct pdf_blk *b = out_add(o, PDF_TABLE);

			b->table = make_table(o->a, p, np, &run, o->page, go_on);
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
	text_blocks(o, lines + text_from, n - text_from, par);
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
