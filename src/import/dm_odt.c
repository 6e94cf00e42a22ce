/*
 * dm_odt.c: OpenDocument text (.odt) into the document model.
 *
 * content.xml is streamed a block at a time: its automatic styles first,
 * then each child of office:text. text:h is a heading at its outline
 * level (and a paragraph styled Title a heading too); text:list items get
 * the marker their list style gives (number format, prefix, suffix,
 * display-levels, start values), counted per list as ODF counts them: a
 * new list starts again unless it continues another
 * (text:continue-numbering, text:continue-list); tables keep their spans
 * (number-columns-spanned, number-rows-spanned over covered cells) and
 * header rows (table:table-header-rows, or a first row wholly in bold).
 * A table of contents is kept as noise. Notes, annotations, frames and
 * tracked deletions are not text.
 */
#include "base/wm.h"

#include "base/arena.h"
#include "base/buf.h"
#include "import/dm.h"
#include "import/dm_build.h"
#include "import/dm_odf.h"
#include "import/dm_zip.h"

struct counters {
	long cnt[ODF_LEVELS];
	bool started[ODF_LEVELS];
	const char *id;		/* xml:id, for text:continue-list */
	struct counters *prev;	/* lists read before, newest first */
};

struct odt {
	struct dmb_out out;
	struct dm_doc *d;
	struct wm_err *err;
	int rc;
	struct odf_styles st;
	struct counters *lists;	/* every top-level list so far, newest first */
	struct dmb_item item;
	const char *noise;	/* why what is read now is not content, or NULL */
	/* a table of the body, read a row at a time */
	bool in_tbl;
	int head_depth;		/* the depth of the table:table-header-rows being read, or 0 */
	struct dmb_grid tbl;
};

static void block(struct odt *x, const xmlNode *n, int depth);

static void
emitted(struct odt *x, struct dm_block *b)
{
	if (b != NULL && x->noise != NULL) {
		b->flags |= DMF_NOISE;
		b->why = x->noise;
	}
}

static void
paragraph(struct odt *x, const xmlNode *p)
{
	struct odf_text t = { .raw = BUF_INIT };
	struct buf text = BUF_INIT, marks = BUF_INIT;
	const char *m;
	const char *style = dmx_attr(p, DMX_TEXT, "style-name");
	int heading = dmx_is(p, DMX_TEXT, "h") ?
	    (int)dmx_attr_long(p, DMX_TEXT, "outline-level", 1, 1, 6) : odf_heading(&x->st, style);
	bool bold;

	odf_para_text(&x->st, p, &t);
	dmb_lines(&text, x->d->a, buf_str(&t.raw), t.raw.len, &marks);
	m = dmb_marks(x->d->a, &marks);
	bold = t.chars > 0 && t.bold_chars == t.chars;
	if (heading > 0) {
		emitted(x, dmb_text(&x->out, DM_HEADING, heading, NULL, buf_str(&text), m, 0, &x->rc,
		    x->err));
	} else if (x->item.open && text.len > 0) {
		/* a list item's later paragraphs are its own */
		dmb_item_para(&x->out, &x->item, buf_str(&text), m, &x->rc, x->err);
	} else {
		emitted(x, dmb_text(&x->out, DM_PARA, 0, NULL, buf_str(&text), m,
		    bold ? DMF_BOLD : 0, &x->rc, x->err));
	}
	buf_release(&t.raw);
	buf_release(&text);
	buf_release(&marks);
}

/* The label of an item at level k, from the list style's levels. */
static void
label(const struct odf_list *ls, const struct counters *c, int k, struct buf *out)
{
	const struct odf_level *l = ls ? &ls->lvl[k] : NULL;

	if (l == NULL || !l->set) {
		buf_adds(out, "\xE2\x80\xA2");
		return;
	}
	if (l->bullet) {
		buf_adds(out, dmb_bullet(l->bullet_char));
		return;
	}
	if (l->prefix)
		buf_adds(out, l->prefix);
	if (l->fmt != DMB_NONE) {
		int from = k - l->display + 1 < 0 ? 0 : k - l->display + 1;

		for (int j = from; j <= k; j++) {
			const struct odf_level *lj = &ls->lvl[j];

			if (j > from)
				buf_addc(out, '.');
			dmb_number(out, lj->set && lj->fmt != DMB_NONE ? lj->fmt : DMB_DECIMAL,
			    c->started[j] ? c->cnt[j] : lj->set ? lj->start : 1);
		}
	}
	if (l->suffix)
		buf_adds(out, l->suffix);
}

static bool
has_paragraph(const xmlNode *li)
{
	for (const xmlNode *c = li->children; c != NULL; c = c->next)
		if (dmx_is(c, DMX_TEXT, "p") || dmx_is(c, DMX_TEXT, "h"))
			return true;
	return false;
}

static struct counters *
list_counters(struct odt *x, const xmlNode *n)
{
	const char *cont = dmx_attr(n, DMX_TEXT, "continue-list");
	const char *id = dmx_attr(n, DMX_XML, "id");
	struct counters *c = NULL;

	if (cont != NULL)
		for (c = x->lists; c != NULL && !(c->id && strcmp(c->id, cont) == 0); c = c->prev)
			;
	if (c == NULL && dmx_attr_bool(n, DMX_TEXT, "continue-numbering", false))
		c = x->lists;
	if (c == NULL) {
		c = arena_alloc(x->d->a, sizeof(*c));
		c->prev = x->lists;
		x->lists = c;
	}
	if (id != NULL)
		c->id = arena_strdup(x->d->a, id);
	return c;
}

static void
list(struct odt *x, const xmlNode *n, int level, struct counters *c, const char *style,
    int depth)
{
	const char *own = dmx_attr(n, DMX_TEXT, "style-name");
	const struct odf_list *ls;
	struct dmb_item saved = x->item;
	int k = level < ODF_LEVELS ? level : ODF_LEVELS - 1;
	struct buf marker = BUF_INIT;

	style = own ? own : style;
	ls = odf_list_style(&x->st, style);
	if (c == NULL)
		c = list_counters(x, n);
	for (const xmlNode *li = n->children; li != NULL && x->rc == 0; li = li->next) {
		bool header = dmx_is(li, DMX_TEXT, "list-header");

		if (!header && !dmx_is(li, DMX_TEXT, "list-item"))
			continue;
		buf_reset(&marker);
		if (!header && has_paragraph(li)) {
			long start = dmx_attr_long(li, DMX_TEXT, "start-value", -1, -1, 1000000);

			if (start >= 0)
				c->cnt[k] = start;
			else if (!c->started[k])
				c->cnt[k] = ls && ls->lvl[k].set ? ls->lvl[k].start : 1;
			else if (c->cnt[k] < 1000000)
				c->cnt[k]++;
			c->started[k] = true;
			for (int j = k + 1; j < ODF_LEVELS; j++)
				c->started[j] = false;
			label(ls, c, k, &marker);
		}
		dmb_item_open(&x->item, arena_strdup(x->d->a, buf_str(&marker)), level);
		x->item.open = !header;
		for (const xmlNode *ch = li->children; ch != NULL && x->rc == 0; ch = ch->next) {
			if (dmx_is(ch, DMX_TEXT, "list"))
				list(x, ch, level + 1, c, style, depth + 1);
			else
				block(x, ch, depth + 1);
		}
		dmb_item_close(&x->out, &x->item);
	}
	buf_release(&marker);
	x->item = saved;
}

/* Tables */

static const char *
cell_text(struct odt *x, const xmlNode *cell, bool *bold, const char **marks, int depth)
{
	struct dmb_item item = x->item;
	struct dmb_cell c;
	const char *text;

	dmb_cell_begin(&x->out, &c);
	memset(&x->item, 0, sizeof(x->item));
	for (const xmlNode *n = cell->children; n != NULL && x->rc == 0; n = n->next)
		block(x, n, depth + 1);
	text = dmb_cell_end(&x->out, &c, bold, marks);
	x->item = item;
	return text;
}

static void
table_row(struct odt *x, struct dmb_grid *g, const xmlNode *tr, bool head, int depth)
{
	long rep = dmx_attr_long(tr, DMX_TABLE, "number-rows-repeated", 1, 1, DM_MAX_CELLS);
	size_t start = g->ncells;

	head = head && (g->nrows == 0 || g->head[g->nrows - 1]);

	for (long r = 0; r < rep && x->rc == 0; r++) {
		size_t col = 0, end = g->ncells;

		/* a repeated row is the same cells again; an empty one, only once */
		if (r > 0 && end == start)
			return;
		if ((x->rc = dmb_grid_row(g, head, ++x->out.para, x->err)) != 0)
			return;
		if (r > 0) {
			for (size_t i = start; i < end && x->rc == 0; i++) {
				struct dmb_gcell c = g->cells[i];

				x->rc = dmb_grid_put(g, c.col, c.rowspan, c.colspan, c.text, x->err);
			}
			start = end;
			continue;
		}
		for (const xmlNode *c = tr->children; c != NULL && x->rc == 0; c = c->next) {
			long n = dmx_attr_long(c, DMX_TABLE, "number-columns-repeated", 1, 1,
			    DMB_MAX_SPAN);
			long cs = dmx_attr_long(c, DMX_TABLE, "number-columns-spanned", 1, 1,
			    DMB_MAX_SPAN);
			long rs = dmx_attr_long(c, DMX_TABLE, "number-rows-spanned", 1, 1,
			    DMB_MAX_ROWSPAN);
			const char *text, *marks;
			bool bold;

			if (dmx_is(c, DMX_TABLE, "covered-table-cell")) {
				col += (size_t)n;
				continue;
			}
			if (!dmx_is(c, DMX_TABLE, "table-cell"))
				continue;
			text = cell_text(x, c, &bold, &marks, depth);
			dmb_grid_bold(g, text, bold);
			for (long k = 0; k < n && x->rc == 0; k++, col++)
				if (text[0] != '\0' || cs > 1 || rs > 1) {
					x->rc = dmb_grid_put(g, col, (int)rs, (int)cs, text, x->err);
					dmb_grid_marks(g, marks);
				}
		}
		if (g->ncols < col && x->rc == 0)
			x->rc = dmb_grid_put(g, col - 1, 1, 1, "", x->err);
	}
}

static void
table_rows(struct odt *x, struct dmb_grid *g, const xmlNode *n, bool head, int depth)
{
	if (depth > 64)
		return;
	for (const xmlNode *c = n->children; c != NULL && x->rc == 0; c = c->next) {
		if (dmx_is(c, DMX_TABLE, "table-row"))
			table_row(x, g, c, head, depth);
		else if (dmx_is(c, DMX_TABLE, "table-header-rows"))
			table_rows(x, g, c, true, depth + 1);
		else if (dmx_is(c, DMX_TABLE, "table-rows") || dmx_is(c, DMX_TABLE, "table-row-group"))
			table_rows(x, g, c, head, depth + 1);
	}
}

static void
table(struct odt *x, const xmlNode *n, int depth)
{
	struct dmb_grid g;

	dmb_grid_init(&g, x->d->a);
	table_rows(x, &g, n, false, depth);
	if (x->rc == 0)
		x->rc = dmb_grid_emit(&x->out, &g, x->err);
	dmb_grid_release(&g);
}

static void
block(struct odt *x, const xmlNode *n, int depth)
{
	if (depth > 64 || x->rc != 0 || n->type != XML_ELEMENT_NODE)
		return;
	if (dmx_is(n, DMX_TEXT, "p") || dmx_is(n, DMX_TEXT, "h")) {
		paragraph(x, n);
	} else if (dmx_is(n, DMX_TEXT, "list")) {
		list(x, n, 0, NULL, NULL, depth);
	} else if (dmx_is(n, DMX_TABLE, "table")) {
		table(x, n, depth);
	} else if (dmx_is(n, DMX_TEXT, "table-of-content") || dmx_is(n, DMX_TEXT, "index-body") ||
	    dmx_is(n, DMX_TEXT, "section")) {
		const char *saved = x->noise;

		if (dmx_is(n, DMX_TEXT, "table-of-content"))
			x->noise = "table of contents";
		for (const xmlNode *c = n->children; c != NULL && x->rc == 0; c = c->next)
			block(x, c, depth + 1);
		x->noise = saved;
	}
}

/*
 * content.xml, streamed: document-content (0) > automatic-styles | body
 * (1) > text (2) > blocks (3); a table of the body a row (4 and on) at a
 * time, so that a long one costs the memory of its longest row.
 */
static int
content_fn(void *ctx, xmlNode *n, int depth, enum dmz_event ev, struct wm_err *err)
{
	struct odt *x = ctx;

	if (ev == DMZ_END) {
		if (depth == x->head_depth)
			x->head_depth = 0;
		if (depth == 3 && x->in_tbl) {
			x->in_tbl = false;
			if (x->rc == 0)
				x->rc = dmb_grid_emit(&x->out, &x->tbl, x->err);
			dmb_grid_release(&x->tbl);
		}
		return x->rc;
	}
	if (ev == DMZ_SUBTREE) {
		if (depth == 1)
			return odf_styles_add(&x->st, n, err);
		if (x->in_tbl)
			table_row(x, &x->tbl, n, x->head_depth > 0, 0);
		else
			block(x, n, 0);
		return x->rc;
	}
	if (x->in_tbl && depth >= 4) {
		if (dmx_is(n, DMX_TABLE, "table-row"))
			return DMZ_EXPAND;
		if (dmx_is(n, DMX_TABLE, "table-header-rows") && x->head_depth == 0)
			x->head_depth = depth;
		return dmx_is(n, DMX_TABLE, "table-header-rows") || dmx_is(n, DMX_TABLE, "table-rows") ||
		    dmx_is(n, DMX_TABLE, "table-row-group") ? DMZ_DESCEND : DMZ_SKIP;
	}
	if (depth == 3 && dmx_is(n, DMX_TABLE, "table") && x->noise == NULL) {
		x->in_tbl = true;
		x->head_depth = 0;
		dmb_grid_init(&x->tbl, x->d->a);
		return DMZ_DESCEND;
	}
	switch (depth) {
	case 0: return dmx_is(n, DMX_OFFICE, "document-content") ? DMZ_DESCEND : DMZ_SKIP;
	case 1:
		if (dmx_is(n, DMX_OFFICE, "automatic-styles"))
			return DMZ_EXPAND;
		return dmx_is(n, DMX_OFFICE, "body") ? DMZ_DESCEND : DMZ_SKIP;
	case 2: return dmx_is(n, DMX_OFFICE, "text") ? DMZ_DESCEND : DMZ_SKIP;
	case 3: return DMZ_EXPAND;
	default: return DMZ_SKIP;
	}
}

int
dm_read_odt(struct dm_doc *d, const char *data, size_t len, struct wm_err *err)
{
	struct odt x = { .d = d, .err = err, .out = { .d = d } };

	int rc;

	d->format = DM_ODT;
	rc = odf_read(d, data, len, "the .odt", "text", &x.st, content_fn, &x, err);
	dmb_grid_release(&x.tbl);	/* a table the file broke off in */
	return rc;
}
