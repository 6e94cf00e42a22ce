/*
 * pdf_doc.c: what only a PDF's pages together show (see pdf.h): page
 * headers and footers, a table going on over a page break, heading levels
 * from the sizes the document uses; and the pages' blocks turned into the
 * document model.
 */
#include "base/wm.h"

#include <math.h>

#include "base/arena.h"
#include "base/buf.h"
#include "import/dm.h"
#include "import/pdf.h"

static double
round_size(double s)
{
	return floor(s * 2 + 0.5) / 2;
}

/* The size most of the document's words are set in: the body text's. */
static double
common_size(const struct pdf_page *pages, size_t npages)
{
	double sizes[64], chars[64], best = 10, most = -1;
	size_t n = 0;

	for (size_t p = 0; p < npages; p++)
		for (size_t i = 0; i < pages[p].nwords; i++) {
			double s = round_size(pages[p].words[i].size);
			size_t k;

			for (k = 0; k < n && sizes[k] != s; k++)
				;
			if (k == n) {
				if (n == WM_ARRAY_LEN(sizes))
					continue;
				sizes[n] = s;
				chars[n++] = 0;
			}
			chars[k] += (double)strlen(pages[p].words[i].text);
		}
	for (size_t k = 0; k < n; k++)
		if (chars[k] > most) {
			most = chars[k];
			best = sizes[k];
		}
	return best;
}

/* ---- page headers and footers ---- */

/* The top and bottom bands of a page where headers and footers live (fractions of its height). */
#define NOISE_BAND 0.15

/* A line's text with each run of digits as '#', lower case, spaces dropped: "page#of#". */
static char *
noise_key(struct arena *a, const struct pdf_line *l)
{
	char *text = pdf_lines_text(a, l, 1, 0), *k = arena_alloc(a, strlen(text) + 1), *o = k;

	for (const char *s = text; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (o == k || o[-1] != '#')
				*o++ = '#';
		} else if (*s != ' ') {
			*o++ = (*s >= 'A' && *s <= 'Z') ? (char)(*s - 'A' + 'a') : *s;
		}
	}
	*o = '\0';
	return k;
}

static bool
is_page_number(const char *key)
{
	static const char *const forms[] = {
		"#", "-#-", "\xE2\x80\x93#\xE2\x80\x93", "page#", "page#of#", "#of#", "#/#", "p.#",
		"p#", "[#]", "(#)", "pg#", "page#/#",
	};

	for (size_t i = 0; i < WM_ARRAY_LEN(forms); i++)
		if (strcmp(key, forms[i]) == 0)
			return true;
	return false;
}

struct cand {
	const char *key;
	struct pdf_line *l;
	size_t page;
	bool top;
};

static bool
same_place(const struct pdf_line *a, const struct pdf_line *b)
{
	return fabs(a->y1 - b->y1) <= 3 && (fabs(a->x1 - b->x1) <= 5 || fabs(a->x2 - b->x2) <= 5 ||
	    fabs((a->x1 + a->x2) - (b->x1 + b->x2)) <= 10);
}

/*
 * The page's first (top) or last lines, up to two, that may be a header or
 * footer: inside the band, set no larger than the body text, and apart
 * from the text by a gap (a heading's second line is not a page number).
 */
static size_t
band_lines(const struct pdf_page *pg, bool top, double body, size_t *first)
{
	for (size_t k = 1; k <= 2 && k <= pg->nlines; k++) {
		const struct pdf_line *in = &pg->lines[top ? k - 1 : pg->nlines - k];
		const struct pdf_line *out = k < pg->nlines ? &pg->lines[top ? k : pg->nlines - k - 1] :
		    NULL;
		double gap;

		if (in->size > 1.15 * body || (top ? in->y1 > NOISE_BAND * pg->height :
		    in->y2 < (1 - NOISE_BAND) * pg->height))
			return 0;
		if (out == NULL) {
			*first = 0;
			return k;
		}
		gap = top ? out->y1 - in->y2 : in->y1 - out->y2;
		if (gap >= 0.8 * fmin(in->size, out->size)) {
			*first = top ? 0 : pg->nlines - k;
			return k;
		}
	}
	return 0;
}

static void
find_noise(struct arena *a, struct pdf_page *pages, size_t npages)
{
	struct cand *c = arena_array(a, npages * 4 + 1, sizeof(*c));
	size_t nc = 0;
	double body = common_size(pages, npages);

	for (size_t p = 0; p < npages; p++) {
		for (int top = 1; top >= 0; top--) {
			size_t first = 0, k = band_lines(&pages[p], top, body, &first);

			for (size_t i = first; i < first + k; i++) {
				c[nc].key = noise_key(a, &pages[p].lines[i]);
				c[nc].l = &pages[p].lines[i];
				c[nc].page = p;
				c[nc].top = top;
				nc++;
			}
		}
	}
	for (size_t i = 0; i < nc; i++) {
		size_t on = 1;
		const char *place = c[i].top ? "page header" : "page footer";

		if (c[i].key[0] == '\0')
			continue;
		if (is_page_number(c[i].key)) {
			c[i].l->why = "page number";
			continue;
		}
		/* the pages it comes again on, at the same place */
		for (size_t j = 0; j < nc; j++)
			if (j != i && c[j].page != c[i].page && c[j].top == c[i].top &&
			    strcmp(c[j].key, c[i].key) == 0 && same_place(c[i].l, c[j].l) &&
			    (j == 0 || c[j - 1].page != c[j].page || strcmp(c[j - 1].key, c[j].key) != 0))
				on++;
		if (on < 2 || on * 2 < npages)
			continue;
		c[i].l->why = on == npages ? arena_printf(a, "%s, on every page", place) :
		    arena_printf(a, "%s, on %zu of %zu pages", place, on, npages);
	}
}

/* ---- tables over page breaks ---- */

static bool
same_columns(const struct pdf_table *a, const struct pdf_table *b)
{
	if (a->ncols != b->ncols)
		return false;
	/* the white space between each two columns overlaps: fewer rows leave it wider */
	for (size_t c = 0; c + 1 < a->ncols; c++)
		if (a->gap_a[c] > b->gap_b[c] + 1 || b->gap_a[c] > a->gap_b[c] + 1)
			return false;
	return true;
}

static bool
same_row(const struct pdf_table *a, size_t ra, const struct pdf_table *b, size_t rb)
{
	for (size_t c = 0; c < a->ncols; c++)
		if (strcmp(a->cells[ra * a->ncols + c].text, b->cells[rb * b->ncols + c].text) != 0)
			return false;
	return true;
}

/* Does every body row of t before row end have text in its first column (a column of refs)? */
static bool
keyed(const struct pdf_table *t, size_t end)
{
	size_t rows = 0;

	for (size_t r = 0; r < end; r++) {
		if (t->head[r] || t->spans[r])
			continue;
		if (t->cells[r * t->ncols].text[0] == '\0')
			return false;
		rows++;
	}
	return rows > 0;
}

/*
 * A row the page break cut in two: the rows of the next page start (after
 * the repeated header) with one whose first column is empty where every
 * row before had a ref. Its cells go on the cells of the row before.
 */
static struct pdf_table *
split_row(struct arena *a, struct pdf_table *t, size_t n1)
{
	size_t r = n1, nc = t->ncols, last = n1 - 1;

	while (r < t->nrows && t->head[r])
		r++;
	if (r == t->nrows || t->spans[r] || t->spans[last] || t->head[last] ||
	    t->cells[r * nc].text[0] != '\0' || t->cells[r * nc].rowspan != 1 || !keyed(t, n1))
		return t;
	for (size_t c = 0; c < nc; c++) {
		struct pdf_cell *up = &t->cells[last * nc + c];
		const struct pdf_cell *down = &t->cells[r * nc + c];

		if (down->text[0] == '\0' || up->rowspan == 0)
			continue;
		up->text = up->text[0] == '\0' ? down->text : arena_printf(a, "%s %s", up->text,
		    down->text);
	}
	memmove(&t->cells[r * nc], &t->cells[(r + 1) * nc], (t->nrows - r - 1) * nc *
	    sizeof(*t->cells));
	memmove(&t->head[r], &t->head[r + 1], (t->nrows - r - 1) * sizeof(bool));
	memmove(&t->spans[r], &t->spans[r + 1], (t->nrows - r - 1) * sizeof(bool));
	memmove(&t->page[r], &t->page[r + 1], (t->nrows - r - 1) * sizeof(int));
	t->nrows--;
	return t;
}

/* t2's rows after t1's, in a new table; rows of t2 repeating t1's header are header rows. */
static struct pdf_table *
table_append(struct arena *a, const struct pdf_table *t1, const struct pdf_table *t2)
{
	struct pdf_table *t = arena_alloc(a, sizeof(*t));
	size_t n1 = t1->nrows, nc = t1->ncols;

	*t = *t1;
	t->nrows = n1 + t2->nrows;
	t->cells = arena_array(a, t->nrows * nc, sizeof(*t->cells));
	t->head = arena_array(a, t->nrows, sizeof(bool));
	t->spans = arena_array(a, t->nrows, sizeof(bool));
	t->page = arena_array(a, t->nrows, sizeof(int));
	memcpy(t->cells, t1->cells, n1 * nc * sizeof(*t->cells));
	memcpy(t->cells + n1 * nc, t2->cells, t2->nrows * nc * sizeof(*t->cells));
	memcpy(t->head, t1->head, n1 * sizeof(bool));
	memcpy(t->spans, t1->spans, n1 * sizeof(bool));
	memcpy(t->spans + n1, t2->spans, t2->nrows * sizeof(bool));
	memcpy(t->page, t1->page, n1 * sizeof(int));
	memcpy(t->page + n1, t2->page, t2->nrows * sizeof(int));
	for (size_t r = 0; r < t2->nrows; r++) {
		bool repeated = r < n1 && t1->head[r] && same_row(t1, r, t2, r);

		t->head[n1 + r] = repeated || (t2->head[r] && (r == 0 || t->head[n1 + r - 1]));
		if (!t->head[n1 + r])
			break;
	}
	return split_row(a, t, n1);
}

/* Does the table at the top of a page go on from the one that ended the page before? */
static bool
continues_table(const struct pdf_table *prev, const struct pdf_table *next)
{
	if (!same_columns(prev, next))
		return false;
	/* a repeated header, or none where there was one: either way the same columns */
	return !next->head[0] || prev->head[0];
}

static void
join_tables(struct arena *a, struct pdf_page *pages, size_t npages)
{
	struct pdf_blk *open = NULL;	/* the last content block so far, if a table */

	for (size_t p = 0; p < npages; p++) {
		bool first = true;

		for (size_t i = 0; i < pages[p].nblks; i++) {
			struct pdf_blk *b = &pages[p].blks[i];

			if (b->why != NULL)
				continue;
			if (b->type == PDF_TABLE && first && open != NULL && p > 0 &&
			    continues_table(open->table, b->table)) {
				open->table = table_append(a, open->table, b->table);
				b->table = NULL;	/* emitted with the table it goes on */
				first = false;
				continue;
			}
			first = false;
			open = b->type == PDF_TABLE ? b : NULL;
		}
	}
}

/* ---- into the document model ---- */

static bool
is_heading(const struct pdf_blk *b, double body)
{
	return b->type == PDF_TEXT && b->why == NULL && b->marker == NULL &&
	    b->size >= 1.15 * body && b->nlines <= 4;
}

/* Heading levels: the sizes headings are set in, largest first. */
static size_t
heading_sizes(const struct pdf_page *pages, size_t npages, double body, double *sizes,
    size_t max)
{
	size_t n = 0;

	for (size_t p = 0; p < npages; p++)
		for (size_t i = 0; i < pages[p].nblks; i++) {
			const struct pdf_blk *b = &pages[p].blks[i];
			double s = round_size(b->size);
			size_t k;

			if (!is_heading(b, body))
				continue;
			for (k = 0; k < n && sizes[k] != s; k++)
				;
			if (k < n || n == max)
				continue;
			/* keep them largest first */
			for (k = n++; k > 0 && sizes[k - 1] < s; k--)
				sizes[k] = sizes[k - 1];
			sizes[k] = s;
		}
	return n;
}

static int
emit_table(struct dm_doc *d, const struct pdf_blk *b, struct wm_err *err)
{
	const struct pdf_table *pt = b->table;
	struct dm_block *blk = dm_add(d, DM_TABLE, err);
	struct dm_table *t;

	if (blk == NULL)
		return err ? err->code : WM_ETOOBIG;
	t = dm_table_new(d, pt->nrows, pt->ncols, err);
	if (t == NULL)
		return err ? err->code : WM_ETOOBIG;
	for (size_t r = 0; r < pt->nrows; r++) {
		t->head[r] = pt->head[r];
		t->row_pos[r] = pt->page[r];
		for (size_t c = 0; c < pt->ncols; c++) {
			const struct pdf_cell *pc = &pt->cells[r * pt->ncols + c];
			struct dm_cell *dc = dm_cell(t, r, c);

			dc->text = dm_clean(d, pc->text, strlen(pc->text), &dc->marks);
			dc->rowspan = pc->rowspan;
			dc->colspan = pc->colspan;
		}
	}
	blk->table = t;
	blk->pos = pt->page[0];
	blk->pos_end = pt->page[pt->nrows - 1];
	dm_where(d, blk);
	return 0;
}

/*
 * Does text block q go on the text of p, cut by the end of a column or a
 * page: q tops a new column or page, p's last line does not end a
 * sentence, and they are set alike?
 */
static bool
flows_on(const struct pdf_blk *p, const struct pdf_blk *q, double body)
{
	const struct pdf_line *last;
	const char *t;
	size_t n;

	if (p == NULL || p->type != PDF_TEXT || q->type != PDF_TEXT || q->marker != NULL ||
	    is_heading(p, body) || is_heading(q, body) || p->bold != q->bold ||
	    fabs(p->size - q->size) > 0.1 * p->size || !(q->page > p->page || q->y1 < p->y2 - 1))
		return false;
	if (p->marker != NULL && q->x1 < p->marker_x + 0.5 * p->size)
		return false;
	last = &p->lines[p->nlines - 1];
	t = last->w[last->n - 1].text;
	n = strlen(t);
	return n > 0 && strchr(".!?:;", t[n - 1]) == NULL;
}

static int
emit(struct dm_doc *d, const struct pdf_page *pages, size_t npages, struct wm_err *err)
{
	struct arena *a = d->a;
	double body = common_size(pages, npages), hsizes[6];
	size_t nh = heading_sizes(pages, npages, body, hsizes, WM_ARRAY_LEN(hsizes));
	double list_x[8];	/* the markers' indents of the list going on, outermost first */
	size_t depth = 0, prev_at = 0;
	const struct pdf_blk *prev = NULL;	/* the last block of content, if text */
	int rc;

	for (size_t p = 0; p < npages; p++) {
		for (size_t i = 0; i < pages[p].nblks; i++) {
			const struct pdf_blk *b = &pages[p].blks[i];
			struct dm_block *blk;
			const char *text;
			enum dm_type type = DM_PARA;
			int level = 0;

			if (b->type == PDF_TABLE) {
				if (b->table == NULL)
					continue;
				depth = 0;
				prev = NULL;
				if ((rc = emit_table(d, b, err)) != 0)
					return rc;
				continue;
			}
			text = pdf_lines_text(a, b->lines, b->nlines, b->marker != NULL && !b->why);
			if (b->why == NULL && flows_on(prev, b, body)) {
				struct dm_block *on = &d->blocks[prev_at];
				const char *more = dm_clean(d, text, strlen(text), NULL);

				on->text = arena_printf(a, "%s %s", on->text, more);
				on->pos_end = b->page;
				prev = b;
				continue;
			}
			if (b->why != NULL) {
				type = DM_PARA;
			} else if (b->marker != NULL) {
				size_t k;

				type = DM_ITEM;
				/*
				 * A list's level by its marker's indent among the
				 * list's: further in, a level down; back out to an
				 * indent seen, that level again.
				 */
				for (k = 0; k < depth && list_x[k] < b->marker_x - 3; k++)
					;
				if (k == WM_ARRAY_LEN(list_x))
					k--;
				list_x[k] = k < depth ? fmin(list_x[k], b->marker_x) : b->marker_x;
				depth = k + 1;
				level = (int)k;
			} else if (is_heading(b, body)) {
				type = DM_HEADING;
				for (level = 1; level <= (int)nh && hsizes[level - 1] > round_size(b->size);
				    level++)
					;
			}
			if (type != DM_ITEM && b->why == NULL)
				depth = 0;
			blk = dm_add_text(d, type, text, strlen(text), err);
			if (blk == NULL)
				return err ? err->code : WM_ETOOBIG;
			blk->level = level;
			if (b->marker != NULL && b->why == NULL)
				blk->marker = arena_strdup(a, b->marker);
			if (b->why != NULL) {
				blk->flags |= DMF_NOISE;
				blk->why = arena_strdup(a, b->why);
			} else {
				if (type == DM_PARA && b->bold)
					blk->flags |= DMF_BOLD;
				prev = b;
				prev_at = d->nblocks - 1;
			}
			blk->pos = blk->pos_end = b->page;
			dm_where(d, blk);
		}
	}
	return 0;
}

/*
 * Lay out each page: its page headers and footers as blocks of their own
 * at the top and bottom, the rest through pdf_layout.
 */
static void
layout_pages(struct arena *a, struct pdf_page *pages, size_t npages)
{
	struct pdf_params par = { pdf_line_gap(pages, npages) };
	struct pdf_carry carry = { 0 };

	for (size_t p = 0; p < npages; p++) {
		struct pdf_page *pg = &pages[p];
		struct pdf_line *content = arena_array(a, pg->nlines ? pg->nlines : 1,
		    sizeof(*content));
		struct pdf_blk *blks = NULL;
		size_t n = 0, nb = 0, k = 0;

		for (size_t i = 0; i < pg->nlines; i++)
			if (pg->lines[i].why == NULL)
				content[n++] = pg->lines[i];
		pdf_layout(a, content, n, &par, pg->number, &carry, &blks, &nb);
		pg->blks = arena_array(a, nb + pg->nlines - n + 1, sizeof(*pg->blks));
		for (int bottom = 0; bottom < 2; bottom++) {
			for (size_t i = 0; i < pg->nlines; i++) {
				const struct pdf_line *l = &pg->lines[i];
				struct pdf_blk *b;

				if (l->why == NULL || (l->y1 > pg->height / 2) != bottom)
					continue;
				b = &pg->blks[k++];
				pdf_blk_of_line(b, l);
				b->page = pg->number;
				b->why = l->why;
			}
			if (!bottom) {
				if (nb)
					memcpy(&pg->blks[k], blks, nb * sizeof(*blks));
				k += nb;
			}
		}
		pg->nblks = k;
	}
}

int
pdf_model(struct dm_doc *d, struct arena *a, struct pdf_page *pages, size_t npages,
    struct wm_err *err)
{
	for (size_t p = 0; p < npages; p++)
		pdf_lines(a, pages[p].words, pages[p].nwords, &pages[p].lines, &pages[p].nlines);
	find_noise(a, pages, npages);
	layout_pages(a, pages, npages);
	join_tables(a, pages, npages);
	return emit(d, pages, npages, err);
}
