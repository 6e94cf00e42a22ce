/*
 * dm_build.c: the pieces the structured readers share (see dm_build.h):
 * the document-or-cell output, list markers, the span-placing grid and
 * the sheet's reading into blocks.
 */
#include "base/wm.h"

#include "base/arena.h"
#include "base/buf.h"
#include "base/mem.h"
#include "import/dm_build.h"
#include "import/text.h"

void
dmb_lines(struct buf *out, struct arena *a, const char *raw, size_t len, struct buf *marks)
{
	size_t i = 0;

	while (i <= len) {
		size_t j = i;
		struct txt_marks m;
		const char *c;

		while (j < len && raw[j] != '\n')
			j++;
		c = txt_clean(a, raw + i, j - i, &m);
		if (*c != '\0') {
			if (out->len > 0)
				buf_addc(out, '\n');
			buf_adds(out, c);
		}
		for (size_t k = 0; marks != NULL && k < m.n; k++)
			buf_addf(marks, "%s%d", marks->len ? "," : "", m.mark[k]);
		i = j + 1;
	}
}

const char *
dmb_marks(struct arena *a, const struct buf *marks)
{
	return marks != NULL && marks->len > 0 ? arena_strdup(a, buf_str(marks)) : NULL;
}

struct dm_block *
dmb_text(struct dmb_out *o, enum dm_type t, int level, const char *marker, const char *text,
    const char *marks, unsigned flags, int *rc, struct wm_err *err)
{
	struct dm_block *b;

	*rc = 0;
	if (text == NULL || *text == '\0')
		return NULL;
	if (o->cell != NULL) {
		o->cell_any = true;
		o->cell_bold = o->cell_bold && t == DM_PARA && (flags & DMF_BOLD);
		if (o->cell->len > 0)
			buf_addc(o->cell, '\n');
		if (t == DM_ITEM && marker != NULL && *marker != '\0')
			buf_addf(o->cell, "%s ", marker);
		buf_adds(o->cell, text);
		if (marks != NULL && o->cell_marks != NULL)
			buf_addf(o->cell_marks, "%s%s", o->cell_marks->len ? "," : "", marks);
		return NULL;
	}
	b = dm_add(o->d, t, err);
	if (b == NULL) {
		*rc = WM_ETOOBIG;
		return NULL;
	}
	b->text = arena_strdup(o->d->a, text);
	b->level = level;
	b->marker = t == DM_ITEM ? arena_strdup(o->d->a, marker ? marker : "") : NULL;
	b->flags = flags;
	b->marks = marks ? arena_strdup(o->d->a, marks) : NULL;
	b->pos = b->pos_end = ++o->para;
	dm_where(o->d, b);
	return b;
}

void
dmb_item_open(struct dmb_item *it, const char *marker, int level)
{
	memset(it, 0, sizeof(*it));
	it->open = true;
	it->marker = marker;
	it->level = level;
	buf_init(&it->more, BUF_MAX_DEFAULT);
	buf_init(&it->more_marks, BUF_MAX_DEFAULT);
}

void
dmb_item_para(struct dmb_out *o, struct dmb_item *it, const char *text, const char *marks,
    int *rc, struct wm_err *err)
{
	struct dm_block *b;

	if (!it->emitted) {
		b = dmb_text(o, DM_ITEM, it->level, it->marker, text, marks, 0, rc, err);
		it->emitted = b != NULL || o->cell != NULL;
		if (b != NULL) {
			it->in_doc = true;
			it->block = (size_t)(b - o->d->blocks);
		}
	} else if (it->in_doc) {
		buf_addf(&it->more, "\n%s", text);
		if (marks != NULL)
			buf_addf(&it->more_marks, ",%s", marks);
	} else {
		dmb_text(o, DM_PARA, 0, NULL, text, marks, 0, rc, err);
	}
}

void
dmb_item_close(struct dmb_out *o, struct dmb_item *it)
{
	if (it->open && it->in_doc && it->more.len > 0 && it->block < o->d->nblocks) {
		struct dm_block *b = &o->d->blocks[it->block];

		b->text = arena_printf(o->d->a, "%s%s", b->text, buf_str(&it->more));
		if (it->more_marks.len > 0)
			b->marks = b->marks ? arena_printf(o->d->a, "%s%s", b->marks,
			    buf_str(&it->more_marks)) : arena_strdup(o->d->a, buf_str(&it->more_marks) + 1);
	}
	buf_release(&it->more);
	buf_release(&it->more_marks);
	it->open = false;
}

void
dmb_cell_begin(struct dmb_out *o, struct dmb_cell *c)
{
	buf_init(&c->lines, BUF_MAX_DEFAULT);
	buf_init(&c->marks, 4096);
	c->outer = o->cell;
	c->outer_marks = o->cell_marks;
	o->cell_marks = &c->marks;
	c->bold = o->cell_bold;
	c->any = o->cell_any;
	o->cell = &c->lines;
	o->cell_bold = true;
	o->cell_any = false;
}

const char *
dmb_cell_end(struct dmb_out *o, struct dmb_cell *c, bool *bold, const char **marks)
{
	const char *text = arena_strdup(o->d->a, buf_str(&c->lines));

	if (bold != NULL)
		*bold = o->cell_any && o->cell_bold;
	if (marks != NULL)
		*marks = dmb_marks(o->d->a, &c->marks);
	buf_release(&c->lines);
	buf_release(&c->marks);
	o->cell = c->outer;
	o->cell_marks = c->outer_marks;
	o->cell_bold = c->bold;
	o->cell_any = c->any;
	return text;
}

int
dmb_table(struct dmb_out *o, struct dm_table *t, struct wm_err *err)
{
	struct dm_block *b;
	size_t n = t->nrows * t->ncols;

	if (n > DM_MAX_CELLS || o->cells > DM_MAX_CELLS - n)
		return wm_error(err, WM_ETOOBIG, "more than %d table cells in all; Waymark reads "
		    "documents of up to that many", DM_MAX_CELLS);
	o->cells += n;
	if (o->cell != NULL) {
		/* a table inside a cell: a line a row, its cells' text side by side */
		for (size_t r = 0; r < t->nrows; r++) {
			size_t start = o->cell->len;
			bool any = false;

			if (start > 0)
				buf_addc(o->cell, '\n');
			for (size_t c = 0; c < t->ncols; c++) {
				const struct dm_cell *cell = dm_cell(t, r, c);

				if (cell->rowspan == 0 || cell->text[0] == '\0')
					continue;
				if (any)
					buf_adds(o->cell, " | ");
				for (const char *p = cell->text; *p; p++)
					buf_addc(o->cell, *p == '\n' ? ' ' : *p);
				any = true;
			}
			if (!any)
				buf_truncate(o->cell, start);	/* an empty row leaves no line */
		}
		return 0;
	}
	if ((b = dm_add(o->d, DM_TABLE, err)) == NULL)
		return WM_ETOOBIG;
	b->table = t;
	b->pos = t->row_pos[0];
	b->pos_end = t->row_pos[t->nrows - 1];
	dm_where(o->d, b);
	return 0;
}

/* Markers */

static void
roman(struct buf *out, long n, bool upper)
{
	static const struct { int v; const char *s; } r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
		{ 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
	};

	for (size_t i = 0; i < WM_ARRAY_LEN(r); i++)
		for (; n >= r[i].v; n -= r[i].v)
			for (const char *p = r[i].s; *p; p++)
				buf_addc(out, upper ? *p - 'a' + 'A' : *p);
}

void
dmb_number(struct buf *out, enum dmb_numfmt f, long n)
{
	char letters[16];
	size_t k = 0;

	switch (f) {
	case DMB_NONE:
	case DMB_BULLET:
		return;
	case DMB_LOWER_ALPHA:
	case DMB_UPPER_ALPHA:
		if (n < 1 || n > 1000000)
			break;
		/* a..z, aa, ab...: bijective base 26, as CSS and ODF count */
		while (n > 0 && k < sizeof(letters)) {
			n--;
			letters[k++] = (char)((f == DMB_UPPER_ALPHA ? 'A' : 'a') + n % 26);
			n /= 26;
		}
		while (k > 0)
			buf_addc(out, letters[--k]);
		return;
	case DMB_LOWER_ROMAN:
	case DMB_UPPER_ROMAN:
		if (n < 1 || n > 3999)
			break;
		roman(out, n, f == DMB_UPPER_ROMAN);
		return;
	case DMB_DECIMAL_ZERO:
		buf_addf(out, "%02ld", n);
		return;
	case DMB_DECIMAL:
		break;
	}
	buf_addf(out, "%ld", n);
}

const char *
dmb_bullet(const char *w)
{
	const unsigned char *p = (const unsigned char *)w;

	if (w == NULL || *w == '\0')
		return "\xE2\x80\xA2";
	/* U+E000-U+F8FF in UTF-8: EE 80 80 to EF A3 BF */
	if (p[0] == 0xEE || (p[0] == 0xEF && p[1] >= 0x80 && p[1] <= 0xA3))
		return "\xE2\x80\xA2";
	if (strcmp(w, "o") == 0)
		return "\xE2\x97\xA6";
	return w;
}

/* The grid */

void
dmb_grid_init(struct dmb_grid *g, struct arena *a)
{
	memset(g, 0, sizeof(*g));
	g->a = a;
}

/*
 * Grow a malloc'd array of size-byte elements to hold at least need, the
 * new ones zeroed. (Not the arena: a grid's arrays are done with once its
 * table is made, and an arena would keep every array it outgrew.)
 */
static void *
grow(void *old, size_t *cap, size_t need, size_t size)
{
	size_t ncap = *cap ? *cap : 16;
	char *n;

	if (need <= *cap)
		return old;
	while (ncap < need)
		ncap *= 2;
	n = wm_reallocarray(old, ncap, size);
	memset(n + *cap * size, 0, (ncap - *cap) * size);
	*cap = ncap;
	return n;
}

void
dmb_grid_release(struct dmb_grid *g)
{
	free(g->cells);
	free(g->head);
	free(g->pos);
	free(g->cover);
	free(g->last);
	free(g->pieces);
	dmb_grid_init(g, g->a);
}

int
dmb_grid_row(struct dmb_grid *g, bool head, int pos, struct wm_err *err)
{
	size_t cap = g->rows_cap;

	if (g->nrows >= DM_MAX_CELLS)
		return wm_error(err, WM_ETOOBIG, "a table of more than %d rows; Waymark reads "
		    "tables of up to %d cells", DM_MAX_CELLS, DM_MAX_CELLS);
	g->head = grow(g->head, &cap, g->nrows + 1, sizeof(*g->head));
	cap = g->rows_cap;
	g->pos = grow(g->pos, &cap, g->nrows + 1, sizeof(*g->pos));
	g->rows_cap = cap;
	g->head[g->nrows] = head;
	g->pos[g->nrows] = pos;
	g->nrows++;
	g->next = 0;
	return 0;
}

static int
ensure_cols(struct dmb_grid *g, size_t n, struct wm_err *err)
{
	size_t cap = g->cols_cap;

	if (n > DM_MAX_CELLS)
		return wm_error(err, WM_ETOOBIG, "a table of more than %d columns; Waymark reads "
		    "tables of up to %d cells", DM_MAX_CELLS, DM_MAX_CELLS);
	if (n <= g->cols_cap)
		return 0;
	g->cover = grow(g->cover, &cap, n, sizeof(*g->cover));
	cap = g->cols_cap;
	g->last = grow(g->last, &cap, n, sizeof(*g->last));
	g->cols_cap = cap;
	return 0;
}

int
dmb_grid_put(struct dmb_grid *g, size_t col, int rowspan, int colspan, const char *text,
    struct wm_err *err)
{
	struct dmb_gcell *c;
	size_t row;
	int rc;

	if (g->nrows == 0 && (rc = dmb_grid_row(g, false, 0, err)) != 0)
		return rc;
	row = g->nrows - 1;
	rowspan = rowspan < 1 ? 1 : rowspan > DMB_MAX_ROWSPAN ? DMB_MAX_ROWSPAN : rowspan;
	colspan = colspan < 1 ? 1 : colspan > DMB_MAX_SPAN ? DMB_MAX_SPAN : colspan;
	if (g->ncells >= DM_MAX_CELLS)
		return wm_error(err, WM_ETOOBIG, "a table of more than %d cells; Waymark reads "
		    "tables of up to that many", DM_MAX_CELLS);
	if ((rc = ensure_cols(g, col + (size_t)colspan, err)) != 0)
		return rc;
	g->cells = grow(g->cells, &g->cap, g->ncells + 1, sizeof(*g->cells));
	c = &g->cells[g->ncells++];
	c->row = row;
	c->col = col;
	c->rowspan = rowspan;
	c->colspan = colspan;
	c->text = text ? text : "";
	c->marks = NULL;
	g->last[col] = g->ncells;
	for (size_t k = col; k < col + (size_t)colspan; k++)
		if (g->cover[k] < row + (size_t)rowspan)
			g->cover[k] = row + (size_t)rowspan;
	if (g->ncols < col + (size_t)colspan)
		g->ncols = col + (size_t)colspan;
	return 0;
}

void
dmb_grid_marks(struct dmb_grid *g, const char *marks)
{
	if (g->ncells > 0)
		g->cells[g->ncells - 1].marks = marks;
}

int
dmb_grid_auto(struct dmb_grid *g, int rowspan, int colspan, const char *text,
    struct wm_err *err)
{
	size_t col = g->next;
	size_t row = g->nrows ? g->nrows - 1 : 0;
	int rc;

	while (col < g->cols_cap && g->cover[col] > row)
		col++;
	if ((rc = dmb_grid_put(g, col, rowspan, colspan, text, err)) != 0)
		return rc;
	g->next = col + (size_t)g->cells[g->ncells - 1].colspan;
	return 0;
}

static void
add_piece(struct dmb_grid *g, struct dmb_gcell *c, const char *text)
{
	g->pieces = grow(g->pieces, &g->pcap, g->npieces + 1, sizeof(*g->pieces));
	g->pieces[g->npieces] = (struct dmb_piece){ text, 0 };
	g->npieces++;
	if (c->last != 0)
		g->pieces[c->last - 1].next = g->npieces;
	else
		c->first = g->npieces;
	c->last = g->npieces;
}

bool
dmb_grid_extend(struct dmb_grid *g, size_t col, const char *text)
{
	struct dmb_gcell *c;

	if (g->nrows < 2 || col >= g->cols_cap || g->last[col] == 0)
		return false;
	c = &g->cells[g->last[col] - 1];
	if (c->row + (size_t)c->rowspan != g->nrows - 1 || c->rowspan >= DMB_MAX_ROWSPAN)
		return false;
	c->rowspan++;
	for (size_t k = col; k < col + (size_t)c->colspan && k < g->cols_cap; k++)
		if (g->cover[k] < g->nrows)
			g->cover[k] = g->nrows;
	if (text != NULL && *text != '\0')
		add_piece(g, c, text);
	return true;
}

/* The cells' texts with their pieces, each in one copy. */
static void
join_pieces(struct dm_doc *d, struct dm_table *t, const struct dmb_grid *g, const uint32_t *owner)
{
	struct buf b = BUF_INIT;

	for (size_t k = 0; k < g->ncells; k++) {
		const struct dmb_gcell *gc = &g->cells[k];
		struct dm_cell *cell;

		if (gc->first == 0 || owner[gc->row * t->ncols + gc->col] != k + 1)
			continue;
		cell = dm_cell(t, gc->row, gc->col);
		buf_reset(&b);
		buf_adds(&b, cell->text);
		for (size_t p = gc->first; p != 0; p = g->pieces[p - 1].next)
			buf_addf(&b, "%s%s", b.len ? "\n" : "", g->pieces[p - 1].text);
		cell->text = arena_strdup(d->a, buf_str(&b));
	}
	buf_release(&b);
}

struct dm_table *
dmb_grid_table(struct dm_doc *d, struct dmb_grid *g, int *rc, struct wm_err *err)
{
	struct dm_table *t;
	uint32_t *owner;
	size_t nc;

	*rc = 0;
	if (g->ncells == 0 || g->nrows == 0)
		return NULL;
	if ((t = dm_table_new(d, g->nrows, g->ncols, err)) == NULL) {
		*rc = WM_ETOOBIG;
		return NULL;
	}
	nc = t->ncols;
	owner = arena_array(d->a, t->nrows * nc, sizeof(*owner));
	for (size_t k = 0; k < g->ncells; k++) {
		struct dmb_gcell *gc = &g->cells[k];
		size_t r = gc->row, c = gc->col, rs = (size_t)gc->rowspan, cs = (size_t)gc->colspan;
		size_t w = 1, h = 1;
		struct dm_cell *cell;

		if (owner[r * nc + c] != 0) {
			/* spans that overlap: the text (and what joined it) joins the cell already there */
			struct dmb_gcell *o = &g->cells[owner[r * nc + c] - 1];

			if (gc->text[0] != '\0')
				add_piece(g, o, gc->text);
			if (gc->first != 0) {
				if (o->last != 0)
					g->pieces[o->last - 1].next = gc->first;
				else
					o->first = gc->first;
				o->last = gc->last;
			}
			continue;
		}
		/* an empty cell spanning others says nothing: as many empty cells (as HTML pads a short row) */
		if (gc->text[0] == '\0')
			rs = cs = 1;
		if (rs > t->nrows - r)
			rs = t->nrows - r;
		if (cs > nc - c)
			cs = nc - c;
		while (w < cs && owner[r * nc + c + w] == 0)
			w++;
		for (; h < rs; h++) {
			bool free_row = true;

			for (size_t x = c; x < c + w; x++)
				free_row = free_row && owner[(r + h) * nc + x] == 0;
			if (!free_row)
				break;
		}
		for (size_t y = r; y < r + h; y++)
			for (size_t x = c; x < c + w; x++) {
				owner[y * nc + x] = (uint32_t)k + 1;
				dm_cell(t, y, x)->rowspan = dm_cell(t, y, x)->colspan = 0;
			}
		cell = dm_cell(t, r, c);
		cell->text = gc->text;
		cell->marks = gc->marks;
		cell->rowspan = (int)h;
		cell->colspan = (int)w;
	}
	join_pieces(d, t, g, owner);
	/* a slot no cell reached is an empty cell of its own */
	for (size_t i = 0; i < t->nrows * nc; i++)
		if (owner[i] == 0)
			t->cells[i].rowspan = t->cells[i].colspan = 1;
	for (size_t r = 0; r < t->nrows; r++) {
		t->head[r] = g->head[r];
		t->row_pos[r] = g->pos[r];
	}
	return t;
}

void
dmb_grid_bold(struct dmb_grid *g, const char *text, bool bold)
{
	if (g->nrows == 1 && text[0] != '\0') {
		g->first_cells++;
		g->first_bold += bold;
	}
}

int
dmb_grid_emit(struct dmb_out *o, struct dmb_grid *g, struct wm_err *err)
{
	struct dm_table *t;
	bool any = false;
	int rc;

	for (size_t r = 0; r < g->nrows; r++)
		any = any || g->head[r];
	if (!any && g->nrows > 1 && g->first_cells >= 2 && g->first_bold == g->first_cells)
		g->head[0] = true;
	t = dmb_grid_table(o->d, g, &rc, err);
	if (t != NULL) {
		t->name = g->name;
		rc = dmb_table(o, t, err);
	}
	dmb_grid_release(g);
	return rc;
}

/* Sheets */

void
dmb_sheet_init(struct dmb_sheet *s, struct arena *a, const char *name, float base_size)
{
	memset(s, 0, sizeof(*s));
	s->a = a;
	s->name = name;
	s->base_size = base_size > 0 ? base_size : 10;
}

void
dmb_sheet_release(struct dmb_sheet *s)
{
	free(s->cells);
	free(s->merges);
	s->cells = NULL;
	s->merges = NULL;
	s->ncells = s->cap = s->nmerges = s->mcap = 0;
}

int
dmb_sheet_cell(struct dmb_sheet *s, const struct dmb_scell *c, struct wm_err *err)
{
	if (c->text == NULL || c->text[0] == '\0')
		return 0;
	if (c->row >= DMB_SHEET_ROWS || c->col >= DMB_SHEET_COLS)
		return wm_error(err, WM_EINVAL, "sheet '%s' has a cell past the last row or column "
		    "a sheet can have", s->name);
	if (s->ncells >= DMB_SHEET_CELLS)
		return wm_error(err, WM_ETOOBIG, "sheet '%s' has more than %d cells with something in "
		    "them; Waymark reads sheets of up to that many", s->name, DMB_SHEET_CELLS);
	WM_GROW(s->cells, s->ncells + 1, s->cap);
	s->cells[s->ncells] = *c;
	s->cells[s->ncells].seq = (uint32_t)s->ncells;
	s->ncells++;
	return 0;
}

int
dmb_sheet_merge(struct dmb_sheet *s, uint32_t r0, uint32_t c0, uint32_t r1, uint32_t c1,
    struct wm_err *err)
{
	if (r1 >= DMB_SHEET_ROWS)
		r1 = DMB_SHEET_ROWS - 1;
	if (c1 >= DMB_SHEET_COLS)
		c1 = DMB_SHEET_COLS - 1;
	if (r1 < r0 || c1 < c0 || (r0 == r1 && c0 == c1))
		return 0;
	if (s->nmerges >= DMB_SHEET_CELLS)
		return wm_error(err, WM_ETOOBIG, "sheet '%s' has more than %d merged ranges", s->name,
		    DMB_SHEET_CELLS);
	WM_GROW(s->merges, s->nmerges + 1, s->mcap);
	s->merges[s->nmerges++] = (struct dmb_merge){ r0, c0, r1, c1 };
	return 0;
}

/* Order cells by position; of two at one position, the one read later last (and kept). */
static int
cell_cmp(const void *pa, const void *pb)
{
	const struct dmb_scell *a = pa, *b = pb;

	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

struct srow {
	uint32_t row;
	size_t first, n;	/* its cells in the sorted array */
};

/* A row holding one text cell in the sheet's first column: a heading or a paragraph. */
static bool
single(const struct dmb_sheet *s, const struct srow *r, uint32_t minc)
{
	const struct dmb_scell *c = &s->cells[r->first];

	return r->n == 1 && c->col == minc && c->type == DM_CELL_TEXT;
}

/* A heading's level from its size against the sheet's ordinary size; 0: not a heading. */
static int
heading_level(const struct dmb_sheet *s, const struct dmb_scell *c)
{
	float ratio = c->size > 0 ? c->size / s->base_size : 1;

	if (ratio < 1.1f || (!c->bold && ratio < 1.3f))
		return 0;
	return ratio >= 1.75f ? 1 : ratio >= 1.3f ? 2 : 3;
}

static int
sheet_text(struct dmb_out *o, struct dmb_sheet *s, const struct dmb_scell *c,
    struct wm_err *err)
{
	int level = heading_level(s, c), rc;
	struct dm_block *b = dmb_text(o, level ? DM_HEADING : DM_PARA, level, NULL, c->text,
	    c->marks, !level && c->bold ? DMF_BOLD : 0, &rc, err);

	if (b != NULL) {
		b->pos = b->pos_end = (int)c->row + 1;
		b->where = arena_printf(o->d->a, "sheet '%s' row %d", s->name, b->pos);
	}
	return rc;
}

/* The index in rows[lo, hi) of the row numbered row, or hi. */
static size_t
find_row(const struct srow *rows, size_t lo, size_t hi, uint32_t row)
{
	size_t a = lo, b = hi;

	while (a < b) {
		size_t m = a + (b - a) / 2;

		if (rows[m].row < row)
			a = m + 1;
		else
			b = m;
	}
	return a;
}

static void
apply_merge(struct dm_table *t, const struct srow *rows, size_t lo, size_t hi, uint32_t minc,
    const struct dmb_merge *m, struct arena *a)
{
	size_t r0 = find_row(rows, lo, hi, m->r0), r1 = find_row(rows, lo, hi, m->r1 + 1);
	size_t c0, c1;
	struct dm_cell *top;
	struct buf hidden = BUF_INIT;

	if (r0 >= hi || rows[r0].row != m->r0 || m->c0 < minc || m->c0 - minc >= t->ncols)
		return;
	r0 -= lo;
	r1 -= lo;
	c0 = m->c0 - minc;
	c1 = m->c1 - minc + 1 > t->ncols ? t->ncols : m->c1 - minc + 1;
	if (r1 - r0 <= 1 && c1 - c0 <= 1)
		return;
	for (size_t r = r0; r < r1; r++)
		for (size_t c = c0; c < c1; c++)
			if (dm_cell(t, r, c)->rowspan != 1 || dm_cell(t, r, c)->colspan != 1)
				return;	/* overlaps another merge: leave both as read */
	top = dm_cell(t, r0, c0);
	if (top->text[0] == '\0')
		return;	/* an empty merge says nothing: leave the empty cells */
	buf_adds(&hidden, top->text);
	for (size_t r = r0; r < r1; r++)
		for (size_t c = c0; c < c1; c++) {
			struct dm_cell *x = dm_cell(t, r, c);

			if (x == top)
				continue;
			/* a value under a merge is hidden in the sheet, but not dropped here */
			if (x->text[0] != '\0')
				buf_addf(&hidden, "\n%s", x->text);
			x->text = "";
			x->rowspan = x->colspan = 0;
			x->type = DM_CELL_TEXT;
		}
	if (strcmp(buf_str(&hidden), top->text) != 0)
		top->text = arena_strdup(a, buf_str(&hidden));
	buf_release(&hidden);
	top->rowspan = (int)(r1 - r0);
	top->colspan = (int)(c1 - c0);
}

/* The sheet's blocks, its cells sorted and grouped in rows (see dmb_sheet_emit). */
static int
emit(struct dmb_out *o, struct dmb_sheet *s, struct srow *rows, struct wm_err *err)
{
	size_t nrows = 0, lo = 0, hi;
	uint32_t minc = UINT32_MAX, maxc = 0;
	bool multi = false;
	struct dm_table *t;
	int rc;

	for (size_t i = 0; i < s->ncells; i++) {
		if (nrows == 0 || rows[nrows - 1].row != s->cells[i].row)
			rows[nrows++] = (struct srow){ s->cells[i].row, i, 0 };
		rows[nrows - 1].n++;
		if (s->cells[i].col < minc)
			minc = s->cells[i].col;
	}
	for (size_t i = 0; i < nrows; i++)
		multi = multi || rows[i].n > 1;
	/* above the table: headings and paragraphs; with no table, only what looks a heading */
	while (lo < nrows && single(s, &rows[lo], minc) &&
	    (multi || heading_level(s, &s->cells[rows[lo].first]) > 0)) {
		if ((rc = sheet_text(o, s, &s->cells[rows[lo].first], err)) != 0)
			return rc;
		lo++;
	}
	hi = nrows;
	while (multi && hi > lo && single(s, &rows[hi - 1], minc) && !s->cells[rows[hi - 1].first].bold)
		hi--;
	if (lo < hi) {
		minc = UINT32_MAX;
		for (size_t i = rows[lo].first; i < rows[hi - 1].first + rows[hi - 1].n; i++) {
			minc = s->cells[i].col < minc ? s->cells[i].col : minc;
			maxc = s->cells[i].col > maxc ? s->cells[i].col : maxc;
		}
		if ((t = dm_table_new(o->d, hi - lo, maxc - minc + 1, err)) == NULL)
			return WM_ETOOBIG;
		t->name = s->name;
		for (size_t r = lo; r < hi; r++) {
			t->row_pos[r - lo] = (int)rows[r].row + 1;
			for (size_t i = rows[r].first; i < rows[r].first + rows[r].n; i++) {
				const struct dmb_scell *sc = &s->cells[i];
				struct dm_cell *c = dm_cell(t, r - lo, sc->col - minc);

				c->text = sc->text;
				c->marks = sc->marks;
				c->type = sc->type;
				c->number = sc->number;
			}
		}
		for (size_t m = 0; m < s->nmerges; m++)
			apply_merge(t, rows, lo, hi, minc, &s->merges[m], o->d->a);
		/* a first row that reads as a header: two or more cells, all text, rows below */
		if (t->nrows > 1) {
			size_t n = 0;
			bool text = true;

			for (size_t c = 0; c < t->ncols; c++) {
				const struct dm_cell *x = dm_cell(t, 0, c);

				if (x->rowspan != 0 && x->text[0] != '\0') {
					n++;
					text = text && x->type == DM_CELL_TEXT;
				}
			}
			t->head[0] = n >= 2 && text;
			/* a header cell merged down over rows makes them all the header */
			for (size_t c = 0; t->head[0] && c < t->ncols; c++)
				for (int r = 1; r < dm_cell(t, 0, c)->rowspan; r++)
					t->head[r] = true;
		}
		if ((rc = dmb_table(o, t, err)) != 0)
			return rc;
	}
	for (size_t r = hi; r < nrows; r++)
		if ((rc = sheet_text(o, s, &s->cells[rows[r].first], err)) != 0)
			return rc;
	return 0;
}

int
dmb_sheet_emit(struct dmb_out *o, struct dmb_sheet *s, struct wm_err *err)
{
	struct srow *rows;
	size_t k = 0;
	int rc;

	if (s->ncells == 0)
		return 0;
	wm_sort(s->cells, s->ncells, sizeof(*s->cells), cell_cmp);
	/* keep the last of cells at one position */
	for (size_t i = 0; i < s->ncells; i++) {
		if (k > 0 && s->cells[k - 1].row == s->cells[i].row &&
		    s->cells[k - 1].col == s->cells[i].col)
			k--;
		s->cells[k++] = s->cells[i];
	}
	s->ncells = k;
	rows = wm_calloc(s->ncells, sizeof(*rows));
	rc = emit(o, s, rows, err);
	free(rows);
	return rc;
}

const char *
dmb_title(struct dm_doc *d, const char *raw)
{
	const char *t = raw ? txt_clean(d->a, raw, strlen(raw), NULL) : "";

	return *t ? t : NULL;
}
