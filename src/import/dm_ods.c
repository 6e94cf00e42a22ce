/*
 * dm_ods.c: OpenDocument spreadsheets (.ods) into the document model.
 *
 * content.xml is streamed a row at a time; each table:table is a sheet,
 * read into a dmb_sheet and from there (dm_build.c) into headings,
 * paragraphs and one table, as for XLSX. A cell's text is what the sheet
 * shows (its text:p), its type what office:value-type says: numbers keep
 * their value, dates their office:date-value as "YYYY-MM-DD". ODF writes
 * runs of equal rows and cells once with a repeat count, and pads every
 * sheet to its last row and column that way: empty runs cost nothing
 * here, repeated content is read as many times as it shows. Spans come
 * from number-columns-spanned and number-rows-spanned. Hidden sheets are
 * not read (a noise block says so).
 */
#include "base/wm.h"

#include "base/arena.h"
#include "base/buf.h"
#include "base/date.h"
#include "import/dm.h"
#include "import/dm_build.h"
#include "import/dm_odf.h"
#include "import/dm_zip.h"

struct colstyle {
	uint32_t first, n;
	const char *style;
};

struct ods {
	struct dmb_out out;
	struct dm_doc *d;
	struct wm_err *err;
	struct odf_styles st;
	struct dmb_sheet sheet;
	bool in_sheet;		/* reading a visible sheet */
	uint32_t row;		/* the next row's index */
	uint32_t ncols_seen;	/* columns described so far */
	struct colstyle *cols;
	size_t ncols, colcap;
};

struct pcell {
	uint32_t col;
	long rs, cs;
	struct dmb_scell c;
};

static const char *
column_style(const struct ods *x, uint32_t col)
{
	for (size_t i = 0; i < x->ncols; i++)
		if (col >= x->cols[i].first && col - x->cols[i].first < x->cols[i].n)
			return x->cols[i].style;
	return NULL;
}

static void
column(struct ods *x, const xmlNode *n)
{
	long rep = dmx_attr_long(n, DMX_TABLE, "number-columns-repeated", 1, 1, DMB_SHEET_COLS);
	const char *style = dmx_attr(n, DMX_TABLE, "default-cell-style-name");

	if (style != NULL && x->ncols_seen < DMB_SHEET_COLS) {
		if (x->ncols == x->colcap) {
			size_t cap = x->colcap ? x->colcap * 2 : 16;
			struct colstyle *c = arena_array(x->d->a, cap, sizeof(*c));

			if (x->ncols)
				memcpy(c, x->cols, x->ncols * sizeof(*c));
			x->cols = c;
			x->colcap = cap;
		}
		x->cols[x->ncols++] = (struct colstyle){ x->ncols_seen, (uint32_t)rep,
			arena_strdup(x->d->a, style) };
	}
	x->ncols_seen += (uint32_t)rep;
}

/* One cell as the sheet shows it; false when it shows nothing. */
static bool
read_cell(struct ods *x, const xmlNode *n, uint32_t col, struct dmb_scell *c)
{
	const char *type = dmx_attr(n, DMX_OFFICE, "value-type");
	const char *style = dmx_attr(n, DMX_TABLE, "style-name");
	struct buf text = BUF_INIT, marks = BUF_INIT;
	bool bold;
	int b;

	if (style == NULL)
		style = column_style(x, col);
	if (style == NULL)
		style = "Default";
	odf_lines(&x->st, n, x->d->a, &text, &marks, &bold);
	memset(c, 0, sizeof(*c));
	c->text = arena_strdup(x->d->a, buf_str(&text));
	c->marks = dmb_marks(x->d->a, &marks);
	buf_release(&text);
	buf_release(&marks);
	b = odf_bold(&x->st, "table-cell", style);
	c->bold = bold || b == 1 || (b < 0 && x->st.cell_bold == 1);
	c->size = odf_size(&x->st, "table-cell", style);
	if (c->size == 0)
		c->size = x->st.cell_size;
	if (type != NULL && (strcmp(type, "float") == 0 || strcmp(type, "percentage") == 0 ||
	    strcmp(type, "currency") == 0)) {
		const char *v = dmx_attr(n, DMX_OFFICE, "value");
		char *end;
		double num = v ? strtod(v, &end) : 0;

		if (v != NULL && end != v) {
			c->type = DM_CELL_NUMBER;
			c->number = num;
			if (c->text[0] == '\0')
				c->text = arena_printf(x->d->a, "%.15g", num);
		}
	} else if (type != NULL && strcmp(type, "date") == 0) {
		const char *v = dmx_attr(n, DMX_OFFICE, "date-value");
		char ymd[DATE_ISO_LEN];
		int date;

		if (v != NULL && strlen(v) >= 10) {
			snprintf(ymd, sizeof(ymd), "%.10s", v);
			if (date_parse_iso(ymd, &date) == 0) {
				date_format_iso(date, ymd);
				c->text = arena_strdup(x->d->a, ymd);
				c->type = DM_CELL_DATE;
			}
		}
	}
	return c->text[0] != '\0';
}

static int
row(struct ods *x, const xmlNode *n)
{
	long rep = dmx_attr_long(n, DMX_TABLE, "number-rows-repeated", 1, 1, DMB_SHEET_ROWS);
	struct pcell *cells = NULL;
	size_t ncells = 0, cap = 0;
	uint32_t col = 0;
	int rc = 0;

	for (const xmlNode *c = n->children; c != NULL && col < DMB_SHEET_COLS; c = c->next) {
		long k = dmx_attr_long(c, DMX_TABLE, "number-columns-repeated", 1, 1, DMB_SHEET_COLS);
		struct dmb_scell sc;

		if (dmx_is(c, DMX_TABLE, "covered-table-cell")) {
			col += (uint32_t)k;
			continue;
		}
		if (!dmx_is(c, DMX_TABLE, "table-cell"))
			continue;
		if (!read_cell(x, c, col, &sc)) {
			col += (uint32_t)k;
			continue;
		}
		/* the same cell k times over, as far as the sheet goes */
		for (long i = 0; i < k && col < DMB_SHEET_COLS; i++, col++) {
			if (ncells == cap) {
				size_t ncap = cap ? cap * 2 : 32;
				struct pcell *p = arena_array(x->d->a, ncap, sizeof(*p));

				if (ncells)
					memcpy(p, cells, ncells * sizeof(*p));
				cells = p;
				cap = ncap;
			}
			if (ncells >= DM_MAX_CELLS)
				return wm_error(x->err, WM_ETOOBIG, "sheet '%s' has a row of more than %d "
				    "cells", x->sheet.name, DM_MAX_CELLS);
			cells[ncells++] = (struct pcell){ col,
				dmx_attr_long(c, DMX_TABLE, "number-rows-spanned", 1, 1, DMB_SHEET_ROWS),
				dmx_attr_long(c, DMX_TABLE, "number-columns-spanned", 1, 1, DMB_SHEET_COLS),
				sc };
		}
	}
	for (long r = 0; r < rep && ncells > 0 && rc == 0; r++) {
		uint32_t at = x->row + (uint32_t)r;

		if (at >= DMB_SHEET_ROWS)
			break;
		for (size_t i = 0; i < ncells && rc == 0; i++) {
			struct dmb_scell sc = cells[i].c;

			sc.row = at;
			sc.col = cells[i].col;
			rc = dmb_sheet_cell(&x->sheet, &sc, x->err);
			if (rc == 0 && (cells[i].rs > 1 || cells[i].cs > 1))
				rc = dmb_sheet_merge(&x->sheet, at, sc.col,
				    at + (uint32_t)(cells[i].rs - 1), sc.col + (uint32_t)(cells[i].cs - 1),
				    x->err);
		}
	}
	x->row = (uint64_t)x->row + (uint64_t)rep > DMB_SHEET_ROWS ? DMB_SHEET_ROWS :
	    x->row + (uint32_t)rep;
	return rc;
}

static int
start_sheet(struct ods *x, const xmlNode *n)
{
	const char *name = dmx_attr(n, DMX_TABLE, "name");
	const struct odf_style *ts = odf_style(&x->st, "table", dmx_attr(n, DMX_TABLE, "style-name"));
	float base = odf_size(&x->st, "table-cell", "Default");
	struct dm_block *b;

	name = arena_strdup(x->d->a, name ? name : "");
	x->row = 0;
	x->ncols = x->ncols_seen = 0;
	if (ts != NULL && ts->hidden) {
		x->in_sheet = false;
		if ((b = dm_add(x->d, DM_PARA, x->err)) == NULL)
			return WM_ETOOBIG;
		b->text = arena_printf(x->d->a, "sheet '%s'", name);
		b->flags = DMF_NOISE;
		b->why = "a hidden sheet, not read";
		b->where = b->text;
		return DMZ_SKIP;
	}
	dmb_sheet_init(&x->sheet, x->d->a, name, base > 0 ? base : x->st.cell_size);
	x->in_sheet = true;
	return DMZ_DESCEND;
}

/* content.xml: document-content (0) > body (1) > spreadsheet (2) > table (3) > rows (4 and on). */
static int
content_fn(void *ctx, xmlNode *n, int depth, enum dmz_event ev, struct wm_err *err)
{
	struct ods *x = ctx;

	if (ev == DMZ_END) {
		if (depth == 3 && dmx_is(n, DMX_TABLE, "table") && x->in_sheet) {
			int rc = dmb_sheet_emit(&x->out, &x->sheet, err);

			x->in_sheet = false;
			dmb_sheet_release(&x->sheet);
			return rc;
		}
		return 0;
	}
	if (ev == DMZ_SUBTREE) {
		if (depth == 1)
			return odf_styles_add(&x->st, n, err);
		if (dmx_is(n, DMX_TABLE, "table-column")) {
			column(x, n);
			return 0;
		}
		return row(x, n);
	}
	switch (depth) {
	case 0: return dmx_is(n, DMX_OFFICE, "document-content") ? DMZ_DESCEND : DMZ_SKIP;
	case 1:
		if (dmx_is(n, DMX_OFFICE, "automatic-styles"))
			return DMZ_EXPAND;
		return dmx_is(n, DMX_OFFICE, "body") ? DMZ_DESCEND : DMZ_SKIP;
	case 2: return dmx_is(n, DMX_OFFICE, "spreadsheet") ? DMZ_DESCEND : DMZ_SKIP;
	case 3: return dmx_is(n, DMX_TABLE, "table") ? start_sheet(x, n) : DMZ_SKIP;
	default:
		if (dmx_is(n, DMX_TABLE, "table-row") || dmx_is(n, DMX_TABLE, "table-column"))
			return DMZ_EXPAND;
		if (dmx_is(n, DMX_TABLE, "table-rows") || dmx_is(n, DMX_TABLE, "table-row-group") ||
		    dmx_is(n, DMX_TABLE, "table-header-rows") || dmx_is(n, DMX_TABLE, "table-columns") ||
		    dmx_is(n, DMX_TABLE, "table-column-group") ||
		    dmx_is(n, DMX_TABLE, "table-header-columns"))
			return DMZ_DESCEND;
		return DMZ_SKIP;
	}
}

int
dm_read_ods(struct dm_doc *d, const char *data, size_t len, struct wm_err *err)
{
	struct ods x = { .d = d, .err = err, .out = { .d = d } };

	int rc;

	d->format = DM_ODS;
	rc = odf_read(d, data, len, "the .ods", "sheets", &x.st, content_fn, &x, err);
	dmb_sheet_release(&x.sheet);	/* a sheet the file broke off in */
	return rc;
}
