/*
 * pdf_text.c: a PDF page's words made lines, list markers told, lines'
 * text joined, and lines that are no table cut into blocks of text (see
 * pdf.h): at gaps wider than the document's usual gap between a
 * paragraph's lines, at changes of size or weight, at a list marker,
 * where the indentation jumps, and after a short line that ends a
 * sentence.
 */
#include "base/wm.h"

#include <math.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/mem.h"
#include "import/pdf_impl.h"

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
void
pdf_line_measure(struct pdf_line *l)
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
		pdf_line_measure(&out[nout]);
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
bool
pdf_is_bullet(const char *w)
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
int
pdf_marker_kind(const char *s)
{
	/* besides bullets proper: dashes, a star, ticks and diamonds */
	static const char *const others[] = {
		"\xE2\x80\x93", "\xE2\x80\x94", "-", "*", "\xE2\x9C\x93", "\xE2\x9C\x94",
		"\xE2\x97\x86", "\xE2\x97\x87", "\xEF\x80\xAD",
	};
	size_t n = strlen(s), d = 0;

	if (pdf_is_bullet(s))
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
	return pdf_marker_kind(word) != 0;
}


/* The line's marker, if its first word is one (and something follows it). */
static const struct pdf_word *
line_marker(const struct pdf_line *l)
{
	int k;

	if (l->n < 2)
		return NULL;
	k = pdf_marker_kind(l->w[0].text);
	if (k == 1 || (k == 2 && l->w[1].x1 - l->w[0].x2 >= 0.5 * l->size))
		return &l->w[0];
	return NULL;
}

/* ---- text of lines ---- */

bool
pdf_lower_start(const char *s)
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
				    (c >= '0' && c <= '9')) && (pdf_lower_start(t) || (*t >= '0' && *t <= '9'));

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

/* ---- blocks of text ---- */


void
pdf_blk_of_line(struct pdf_blk *b, const struct pdf_line *l)
{
	b->type = PDF_TEXT;
	b->lines = l;
	b->nlines = 1;
	b->x1 = l->x1;
	b->y1 = l->y1;
	b->x2 = l->x2;
	b->y2 = l->y2;
	b->size = l->size;
	b->bold = l->bold;
}

struct pdf_blk *
pdf_out_add(struct out *o, enum pdf_blk_type t)
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

void
pdf_text_blocks(struct out *o, const struct pdf_line *lines, size_t n, const struct pdf_params *par)
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

			b = pdf_out_add(o, PDF_TEXT);
			pdf_blk_of_line(b, l);
			if (m != NULL) {
				b->marker = m->text;
				b->marker_x = m->x1;
			}
		}
	}
}

/* The part of each line inside [x1, x2): a column of a page set in columns. */
struct pdf_line *
pdf_column_lines(struct arena *a, const struct pdf_line *lines, size_t first, size_t end, double x1,
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
		pdf_line_measure(&out[k]);
		k++;
	}
	*n = k;
	return out;
}
