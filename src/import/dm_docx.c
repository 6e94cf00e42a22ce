/*
 * dm_docx.c: Word documents (Office Open XML) into the document model.
 *
 * A .docx is a zip: the package's relationships name the main part
 * (word/document.xml), whose own relationships name the styles and the
 * numbering definitions. The body is streamed a block at a time
 * (dmz_walk), so a large document costs the memory of its largest table,
 * not of the whole. Headings come from the paragraph's style (Heading N,
 * Title) or outline level; list items from numbering: the marker is the
 * one Word shows, computed from the level's format, text, start and the
 * counters of the list it belongs to; tables keep their grid (gridSpan,
 * vMerge) and their header rows (tblHeader, or a first row set wholly in
 * bold). Deleted revisions, field codes, hidden text, drawings and
 * footnote marks are not text. Headers, footers, footnotes and comments
 * are not read.
 */
#include "base/wm.h"

#include "base/arena.h"
#include "base/buf.h"
#include "import/dm.h"
#include "import/dm_build.h"
#include "import/dm_zip.h"

#define NLVL 9

struct style {
	const char *id;
	const char *name;
	const char *based_on;
	int outline;		/* w:outlineLvl, -1 if not said */
	long num_id;		/* numPr, -1 if not said */
	int ilvl;
	int bold;		/* -1 not said, else 0 or 1 */
	bool first_row;		/* a table style that sets its first row apart (a header) */
	/* resolved along basedOn */
	int heading;		/* 0, or the level its paragraphs are headings at */
	int r_bold;
	long r_num_id;
	int r_ilvl;
	bool r_first_row;
};

struct lvl {
	bool set;
	long start;
	enum dmb_numfmt fmt;
	const char *text;	/* lvlText: "%1.%2." or a bullet */
	int restart;		/* lvlRestart: -1 not said, 0 never */
	bool legal;		/* isLgl: every level shown in decimal */
};

struct abstract {
	long id;
	struct lvl lvl[NLVL];
	long cnt[NLVL];
	bool started[NLVL];
	long pending[NLVL];	/* a start a list's override asks for, or -1 */
};

struct num {
	long id;
	long abs_id;
	struct abstract *abs;
	long start_override[NLVL];
	struct lvl lvl[NLVL];	/* whole-level overrides */
	bool applied;
};

struct docx {
	struct dmb_out out;
	struct dm_doc *d;
	struct wm_err *err;
	int rc;
	struct style *styles;
	size_t nstyles;
	const char *default_style;
	struct abstract *abs;
	size_t nabs;
	struct num *nums;
	size_t nnums;
	int notes;		/* footnote and endnote references so far: the next one's number */
	/* a table of the body, read a row at a time */
	bool in_tbl, tbl_styled;
	struct dmb_grid tbl;
};

static long
val_long(const xmlNode *n, long def, long lo, long hi)
{
	return dmx_attr_long(n, DMX_W, "val", def, lo, hi);
}

static const char *
val_str(const xmlNode *n)
{
	return dmx_attr(n, DMX_W, "val");
}

/* A toggle such as <w:b/>, <w:b w:val="false"/>: -1 when absent. */
static int
toggle(const xmlNode *parent, const char *name)
{
	const xmlNode *n = dmx_child(parent, DMX_W, name);
	const char *v;

	if (n == NULL)
		return -1;
	v = val_str(n);
	return !(v != NULL && (strcmp(v, "false") == 0 || strcmp(v, "0") == 0 ||
	    strcmp(v, "off") == 0));
}

/* Styles */

static int
style_cmp(const void *a, const void *b)
{
	return strcmp(((const struct style *)a)->id, ((const struct style *)b)->id);
}

static struct style *
find_style(struct docx *x, const char *id)
{
	struct style key = { .id = id };

	if (id == NULL || x->nstyles == 0)
		return NULL;
	return bsearch(&key, x->styles, x->nstyles, sizeof(key), style_cmp);
}

/* The heading level a style's name gives: "heading 2" is 2, "Title" is 1. */
static int
name_heading(const char *name)
{
	if (name == NULL)
		return 0;
	if (strcasecmp(name, "title") == 0)
		return 1;
	if (strncasecmp(name, "heading ", 8) == 0 && name[8] >= '1' && name[8] <= '9' &&
	    name[9] == '\0')
		return name[8] - '0' > 6 ? 6 : name[8] - '0';
	return 0;
}

/* Resolve what a style inherits along basedOn (a cycle is cut after a few steps). */
static void
resolve(struct docx *x, struct style *s)
{
	int outline = -1, name_level = 0, hops = 0;

	s->r_bold = -1;
	s->r_num_id = -1;
	s->r_ilvl = 0;
	for (struct style *p = s; p != NULL && hops < 32; p = find_style(x, p->based_on), hops++) {
		if (outline < 0)
			outline = p->outline;
		if (name_level == 0)
			name_level = name_heading(p->name);
		if (s->r_bold < 0)
			s->r_bold = p->bold;
		if (s->r_num_id < 0 && p->num_id >= 0) {
			s->r_num_id = p->num_id;
			s->r_ilvl = p->ilvl;
		}
		s->r_first_row = s->r_first_row || p->first_row;
	}
	s->heading = name_heading(s->name);
	if (s->heading == 0 && outline >= 0 && outline <= 8)
		s->heading = outline + 1 > 6 ? 6 : outline + 1;
	if (s->heading == 0)
		s->heading = name_level;
}

static int
load_styles(struct docx *x, struct dmz *z, const char *part)
{
	xmlDoc *doc;
	xmlNode *root;
	size_t n = 0, cap = 0;
	int rc = dmz_xml_opt(z, part, &doc, x->err);

	if (rc != 0 || doc == NULL)
		return rc;
	root = xmlDocGetRootElement(doc);
	for (xmlNode *c = root->children; c != NULL; c = c->next)
		cap += dmx_is(c, DMX_W, "style");
	x->styles = arena_array(x->d->a, cap ? cap : 1, sizeof(*x->styles));
	for (xmlNode *c = root->children; c != NULL; c = c->next) {
		struct style *s;
		const char *id = dmx_attr(c, DMX_W, "styleId"), *type = dmx_attr(c, DMX_W, "type");
		xmlNode *ppr, *numpr;

		if (!dmx_is(c, DMX_W, "style") || id == NULL)
			continue;
		s = &x->styles[n++];
		s->id = arena_strdup(x->d->a, id);
		s->name = val_str(dmx_child(c, DMX_W, "name"));
		s->name = s->name ? arena_strdup(x->d->a, s->name) : NULL;
		s->based_on = val_str(dmx_child(c, DMX_W, "basedOn"));
		s->based_on = s->based_on ? arena_strdup(x->d->a, s->based_on) : NULL;
		ppr = dmx_child(c, DMX_W, "pPr");
		s->outline = (int)val_long(dmx_child(ppr, DMX_W, "outlineLvl"), -1, -1, 9);
		numpr = dmx_child(ppr, DMX_W, "numPr");
		s->num_id = numpr ? val_long(dmx_child(numpr, DMX_W, "numId"), -1, -1, LONG_MAX) : -1;
		s->ilvl = (int)val_long(dmx_child(numpr, DMX_W, "ilvl"), 0, 0, NLVL - 1);
		s->bold = toggle(dmx_child(c, DMX_W, "rPr"), "b");
		for (xmlNode *t = dmx_child(c, DMX_W, "tblStylePr"); t; t = dmx_next(t, DMX_W, "tblStylePr")) {
			const char *kind = dmx_attr(t, DMX_W, "type");

			s->first_row = s->first_row || (kind && strcmp(kind, "firstRow") == 0);
		}
		if (type != NULL && strcmp(type, "paragraph") == 0 &&
		    dmx_attr_bool(c, DMX_W, "default", false))
			x->default_style = s->id;
	}
	x->nstyles = n;
	qsort(x->styles, n, sizeof(*x->styles), style_cmp);
	for (size_t i = 0; i < n; i++)
		resolve(x, &x->styles[i]);
	xmlFreeDoc(doc);
	return 0;
}

/* Numbering */

static enum dmb_numfmt
numfmt(const char *v)
{
	static const struct { const char *name; enum dmb_numfmt f; } fmts[] = {
		{ "decimal", DMB_DECIMAL }, { "decimalZero", DMB_DECIMAL_ZERO },
		{ "lowerLetter", DMB_LOWER_ALPHA }, { "upperLetter", DMB_UPPER_ALPHA },
		{ "lowerRoman", DMB_LOWER_ROMAN }, { "upperRoman", DMB_UPPER_ROMAN },
		{ "bullet", DMB_BULLET }, { "none", DMB_NONE },
	};

	for (size_t i = 0; v != NULL && i < WM_ARRAY_LEN(fmts); i++)
		if (strcmp(v, fmts[i].name) == 0)
			return fmts[i].f;
	return DMB_DECIMAL;	/* ordinal, cardinalText and the rest: the number will do */
}

static void
read_lvl(struct docx *x, const xmlNode *n, struct lvl *l)
{
	const char *text = val_str(dmx_child(n, DMX_W, "lvlText"));

	l->set = true;
	l->start = val_long(dmx_child(n, DMX_W, "start"), 1, -1000000, 1000000);
	l->fmt = numfmt(val_str(dmx_child(n, DMX_W, "numFmt")));
	l->text = arena_strdup(x->d->a, text ? text : "");
	l->restart = (int)val_long(dmx_child(n, DMX_W, "lvlRestart"), -1, 0, NLVL + 1);
	l->legal = toggle(n, "isLgl") == 1;
}

static int
abs_cmp(const void *a, const void *b)
{
	long x = ((const struct abstract *)a)->id, y = ((const struct abstract *)b)->id;

	return x < y ? -1 : x > y;
}

static int
num_cmp(const void *a, const void *b)
{
	long x = ((const struct num *)a)->id, y = ((const struct num *)b)->id;

	return x < y ? -1 : x > y;
}

static int
load_numbering(struct docx *x, struct dmz *z, const char *part)
{
	xmlDoc *doc;
	xmlNode *root;
	size_t na = 0, nn = 0;
	int rc = dmz_xml_opt(z, part, &doc, x->err);

	if (rc != 0 || doc == NULL)
		return rc;
	root = xmlDocGetRootElement(doc);
	for (xmlNode *c = root->children; c != NULL; c = c->next) {
		na += dmx_is(c, DMX_W, "abstractNum");
		nn += dmx_is(c, DMX_W, "num");
	}
	x->abs = arena_array(x->d->a, na ? na : 1, sizeof(*x->abs));
	x->nums = arena_array(x->d->a, nn ? nn : 1, sizeof(*x->nums));
	for (xmlNode *c = root->children; c != NULL; c = c->next) {
		if (dmx_is(c, DMX_W, "abstractNum")) {
			struct abstract *a = &x->abs[x->nabs++];

			a->id = dmx_attr_long(c, DMX_W, "abstractNumId", -1, -1, LONG_MAX);
			for (int k = 0; k < NLVL; k++)
				a->pending[k] = -1;
			for (xmlNode *l = dmx_child(c, DMX_W, "lvl"); l; l = dmx_next(l, DMX_W, "lvl")) {
				long k = dmx_attr_long(l, DMX_W, "ilvl", -1, -1, NLVL);

				if (k >= 0 && k < NLVL)
					read_lvl(x, l, &a->lvl[k]);
			}
		} else if (dmx_is(c, DMX_W, "num")) {
			struct num *m = &x->nums[x->nnums++];

			m->id = dmx_attr_long(c, DMX_W, "numId", -1, -1, LONG_MAX);
			m->abs_id = val_long(dmx_child(c, DMX_W, "abstractNumId"), -1, -1, LONG_MAX);
			for (int k = 0; k < NLVL; k++)
				m->start_override[k] = -1;
			for (xmlNode *o = dmx_child(c, DMX_W, "lvlOverride"); o;
			    o = dmx_next(o, DMX_W, "lvlOverride")) {
				long k = dmx_attr_long(o, DMX_W, "ilvl", -1, -1, NLVL);
				xmlNode *so = dmx_child(o, DMX_W, "startOverride"), *l;

				if (k < 0 || k >= NLVL)
					continue;
				if (so != NULL)
					m->start_override[k] = val_long(so, 1, 0, 1000000);
				if ((l = dmx_child(o, DMX_W, "lvl")) != NULL)
					read_lvl(x, l, &m->lvl[k]);
			}
		}
	}
	qsort(x->abs, x->nabs, sizeof(*x->abs), abs_cmp);
	qsort(x->nums, x->nnums, sizeof(*x->nums), num_cmp);
	for (size_t i = 0; i < x->nnums; i++) {
		struct abstract key = { .id = x->nums[i].abs_id };

		x->nums[i].abs = bsearch(&key, x->abs, x->nabs, sizeof(key), abs_cmp);
	}
	xmlFreeDoc(doc);
	return 0;
}

static const struct lvl *
level(const struct num *m, int k)
{
	return m->lvl[k].set ? &m->lvl[k] : &m->abs->lvl[k];
}

/*
 * Count the paragraph of list num_id at level ilvl and write the marker
 * Word shows for it. Counters belong to the abstract list, as in Word: two
 * lists drawn from one definition continue each other unless one says
 * where to start. False when the paragraph is not numbered after all.
 */
static bool
number(struct docx *x, long num_id, int ilvl, struct buf *marker)
{
	struct num key = { .id = num_id }, *m;
	struct abstract *a;
	const struct lvl *l;

	if (num_id <= 0 || x->nnums == 0)
		return false;
	m = bsearch(&key, x->nums, x->nnums, sizeof(key), num_cmp);
	if (m == NULL || m->abs == NULL)
		return false;
	a = m->abs;
	if (!m->applied) {
		for (int k = 0; k < NLVL; k++)
			if (m->start_override[k] >= 0)
				a->pending[k] = m->start_override[k];
		m->applied = true;
	}
	l = level(m, ilvl);
	if (a->pending[ilvl] >= 0) {
		a->cnt[ilvl] = a->pending[ilvl];
		a->pending[ilvl] = -1;
	} else if (!a->started[ilvl]) {
		a->cnt[ilvl] = l->set ? l->start : 1;
	} else if (a->cnt[ilvl] < 1000000) {
		a->cnt[ilvl]++;
	}
	a->started[ilvl] = true;
	/* deeper levels start again, unless theirs says after which level (or never) */
	for (int k = ilvl + 1; k < NLVL; k++) {
		int r = level(m, k)->restart;

		if (r != 0 && (r < 0 || r > k || ilvl < r))
			a->started[k] = false;
	}
	if (!l->set)
		return false;
	if (l->fmt == DMB_BULLET) {
		buf_adds(marker, dmb_bullet(l->text));
		return true;
	}
	for (const char *p = l->text; *p; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
			int j = p[1] - '1';
			const struct lvl *lj = level(m, j);
			long v = j == ilvl || a->started[j] ? a->cnt[j] : lj->start;

			dmb_number(marker, l->legal ? DMB_DECIMAL : lj->fmt, v);
			p++;
		} else {
			buf_addc(marker, *p);
		}
	}
	return true;
}

/* Paragraphs */

struct ptext {
	struct buf raw;
	size_t chars, bold_chars;
};

static void
add_run_text(struct ptext *t, const char *s, bool bold)
{
	for (; *s; s++) {
		buf_addc(&t->raw, *s == '\n' || *s == '\r' ? ' ' : *s);
		if (*s != ' ' && *s != '\t' && *s != '\n') {
			t->chars++;
			t->bold_chars += bold;
		}
	}
}

static void
run(struct docx *x, const xmlNode *r, struct ptext *t, int pbold)
{
	const xmlNode *rpr = dmx_child(r, DMX_W, "rPr");
	int b = toggle(rpr, "b");
	struct style *cs;

	if (toggle(rpr, "vanish") == 1)
		return;
	if (b < 0 && (cs = find_style(x, val_str(dmx_child(rpr, DMX_W, "rStyle")))) != NULL)
		b = cs->r_bold;
	if (b < 0)
		b = pbold;
	for (const xmlNode *c = r->children; c != NULL; c = c->next) {
		if (dmx_is(c, DMX_W, "t")) {
			struct buf s = BUF_INIT;

			dmx_text(c, &s);
			add_run_text(t, buf_str(&s), b == 1);
			buf_release(&s);
		} else if (dmx_is(c, DMX_W, "tab") || dmx_is(c, DMX_W, "ptab")) {
			buf_addc(&t->raw, ' ');
		} else if (dmx_is(c, DMX_W, "br") || dmx_is(c, DMX_W, "cr")) {
			buf_addc(&t->raw, '\n');
		} else if (dmx_is(c, DMX_W, "noBreakHyphen")) {
			add_run_text(t, "-", b == 1);
		} else if (dmx_is(c, DMX_W, "footnoteReference") ||
		    dmx_is(c, DMX_W, "endnoteReference")) {
			/* Word numbers notes in order; the mark is lifted out by the cleaning */
			buf_addf(&t->raw, "<sup>%d</sup>", ++x->notes);
		}
		/* delText, instrText (a field's code, not its result), drawings, notes: not text */
	}
}

/* The runs of a paragraph, through the inline containers that hold them. */
static void
runs(struct docx *x, const xmlNode *n, struct ptext *t, int pbold, int depth)
{
	static const char *const through[] = {
		"hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "bdo", "dir",
		"sdt", "sdtContent",
	};

	if (depth > 64)
		return;
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (dmx_is(c, DMX_W, "r")) {
			run(x, c, t, pbold);
			continue;
		}
		for (size_t i = 0; i < WM_ARRAY_LEN(through); i++)
			if (dmx_is(c, DMX_W, through[i]))
				runs(x, c, t, pbold, depth + 1);
	}
}

static void
paragraph(struct docx *x, const xmlNode *p)
{
	const xmlNode *ppr = dmx_child(p, DMX_W, "pPr"), *numpr = dmx_child(ppr, DMX_W, "numPr");
	const char *sid = val_str(dmx_child(ppr, DMX_W, "pStyle"));
	struct style *s = find_style(x, sid ? sid : x->default_style);
	int outline = (int)val_long(dmx_child(ppr, DMX_W, "outlineLvl"), -1, -1, 9);
	int heading = outline >= 0 ? (outline <= 8 ? (outline + 1 > 6 ? 6 : outline + 1) : 0) :
	    s ? s->heading : 0;
	long num_id = s ? s->r_num_id : -1;
	int ilvl = s ? s->r_ilvl : 0;
	struct ptext t = { .raw = BUF_INIT };
	struct buf marker = BUF_INIT, text = BUF_INIT, marks = BUF_INIT;
	const char *m;
	bool numbered;

	if (numpr != NULL) {
		num_id = val_long(dmx_child(numpr, DMX_W, "numId"), num_id, -1, LONG_MAX);
		ilvl = (int)val_long(dmx_child(numpr, DMX_W, "ilvl"), ilvl, 0, NLVL - 1);
	}
	numbered = number(x, num_id, ilvl, &marker);
	runs(x, p, &t, s ? s->r_bold : -1, 0);
	dmb_lines(&text, x->d->a, buf_str(&t.raw), t.raw.len, &marks);
	m = dmb_marks(x->d->a, &marks);
	if (heading > 0) {
		/* a numbered heading shows its number: keep it in the text */
		const char *h = marker.len > 0 && text.len > 0 ?
		    arena_printf(x->d->a, "%s %s", buf_str(&marker), buf_str(&text)) : buf_str(&text);

		dmb_text(&x->out, DM_HEADING, heading, NULL, h, m, 0, &x->rc, x->err);
	} else if (numbered) {
		dmb_text(&x->out, DM_ITEM, ilvl, buf_str(&marker), buf_str(&text), m, 0, &x->rc,
		    x->err);
	} else {
		dmb_text(&x->out, DM_PARA, 0, NULL, buf_str(&text), m,
		    t.chars > 0 && t.bold_chars == t.chars ? DMF_BOLD : 0, &x->rc, x->err);
	}
	buf_release(&t.raw);
	buf_release(&marker);
	buf_release(&text);
	buf_release(&marks);
}

/* Tables */

static void block(struct docx *x, const xmlNode *n, int depth);

/* Children of n, looking through the content controls and custom XML that may wrap them. */
static const xmlNode *
wrapped(const xmlNode *n)
{
	if (dmx_is(n, DMX_W, "sdt"))
		return dmx_child(n, DMX_W, "sdtContent");
	if (dmx_is(n, DMX_W, "customXml"))
		return n;
	return NULL;
}

static const char *
cell_text(struct docx *x, const xmlNode *tc, bool *bold, const char **marks, int depth)
{
	struct dmb_cell cell;

	dmb_cell_begin(&x->out, &cell);
	for (const xmlNode *c = tc->children; c != NULL && x->rc == 0; c = c->next)
		block(x, c, depth + 1);
	return dmb_cell_end(&x->out, &cell, bold, marks);
}

static void
table_cell(struct docx *x, struct dmb_grid *g, const xmlNode *tc, size_t *col, int depth)
{
	const xmlNode *tcpr = dmx_child(tc, DMX_W, "tcPr");
	long span = val_long(dmx_child(tcpr, DMX_W, "gridSpan"), 1, 1, DMB_MAX_SPAN);
	const xmlNode *vm = dmx_child(tcpr, DMX_W, "vMerge");
	const char *v = vm ? val_str(vm) : NULL, *marks;
	bool bold;
	const char *text = cell_text(x, tc, &bold, &marks, depth);

	dmb_grid_bold(g, text, bold);
	if (!(vm != NULL && (v == NULL || strcmp(v, "continue") == 0) &&
	    dmb_grid_extend(g, *col, text))) {
		x->rc = dmb_grid_put(g, *col, 1, (int)span, text, x->err);
		dmb_grid_marks(g, marks);
	}
	*col += (size_t)span;
}

/* The cells of a row, looking through content controls that wrap some of them. */
static void
table_cells(struct docx *x, struct dmb_grid *g, const xmlNode *n, size_t *col, int depth)
{
	for (const xmlNode *c = n->children; c != NULL && x->rc == 0; c = c->next) {
		const xmlNode *w = wrapped(c);

		if (dmx_is(c, DMX_W, "tc"))
			table_cell(x, g, c, col, depth);
		else if (w != NULL && depth < 64)
			table_cells(x, g, w, col, depth + 1);
	}
}

static void
table_row(struct docx *x, struct dmb_grid *g, const xmlNode *tr, int depth)
{
	const xmlNode *trpr = dmx_child(tr, DMX_W, "trPr");
	size_t col = (size_t)val_long(dmx_child(trpr, DMX_W, "gridBefore"), 0, 0, DMB_MAX_SPAN);
	/* Word repeats the leading rows marked as the header; a mark further down means nothing */
	bool head = toggle(trpr, "tblHeader") == 1 && (g->nrows == 0 || g->head[g->nrows - 1]);

	if ((x->rc = dmb_grid_row(g, head, ++x->out.para, x->err)) != 0)
		return;
	table_cells(x, g, tr, &col, depth);
}

static void
table_rows(struct docx *x, struct dmb_grid *g, const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c != NULL && x->rc == 0; c = c->next) {
		const xmlNode *w = wrapped(c);

		if (dmx_is(c, DMX_W, "tr"))
			table_row(x, g, c, depth);
		else if (w != NULL && depth < 64)
			table_rows(x, g, w, depth + 1);
	}
}

/*
 * Does the table's style set its first row apart, and the table use that
 * (tblLook firstRow)? Word's tables most often show their header so.
 */
static bool
styled_header(struct docx *x, const xmlNode *pr)
{
	const xmlNode *look = dmx_child(pr, DMX_W, "tblLook");
	struct style *s = find_style(x, val_str(dmx_child(pr, DMX_W, "tblStyle")));
	const char *first = dmx_attr(look, DMX_W, "firstRow"), *v = val_str(look);

	if (s == NULL || !s->r_first_row || look == NULL)
		return false;
	if (first != NULL)
		return strcmp(first, "1") == 0 || strcmp(first, "true") == 0 || strcmp(first, "on") == 0;
	return v != NULL && (strtol(v, NULL, 16) & 0x0020) != 0;
}

/* The table read into g, to the output; styled: its style sets the first row apart. */
static void
table_end(struct docx *x, struct dmb_grid *g, bool styled)
{
	bool any = false;

	if (x->rc != 0) {
		dmb_grid_release(g);
		return;
	}
	for (size_t r = 0; r < g->nrows; r++)
		any = any || g->head[r];
	if (!any && g->nrows > 1 && g->first_cells >= 2 && styled)
		g->head[0] = true;
	x->rc = dmb_grid_emit(&x->out, g, x->err);
}

static void
table(struct docx *x, const xmlNode *n, int depth)
{
	struct dmb_grid g;

	dmb_grid_init(&g, x->d->a);
	table_rows(x, &g, n, depth);
	table_end(x, &g, styled_header(x, dmx_child(n, DMX_W, "tblPr")));
}

static void
block(struct docx *x, const xmlNode *n, int depth)
{
	const xmlNode *w;

	if (depth > 64 || x->rc != 0)
		return;
	if (dmx_is(n, DMX_W, "p"))
		paragraph(x, n);
	else if (dmx_is(n, DMX_W, "tbl"))
		table(x, n, depth);
	else if ((w = wrapped(n)) != NULL)
		for (const xmlNode *c = w->children; c != NULL && x->rc == 0; c = c->next)
			block(x, c, depth + 1);
}

/*
 * The body, streamed: document (0) > body (1) > a block (2) at a time;
 * a table of the body a row (3) at a time, so that a long one costs the
 * memory of its longest row.
 */
static int
body_fn(void *ctx, xmlNode *n, int depth, enum dmz_event ev, struct wm_err *err)
{
	struct docx *x = ctx;
	const xmlNode *w;

	(void)err;
	if (ev == DMZ_END) {
		if (depth == 2 && x->in_tbl) {
			x->in_tbl = false;
			table_end(x, &x->tbl, x->tbl_styled);
		}
		return x->rc;
	}
	if (ev == DMZ_SUBTREE) {
		if (!x->in_tbl)
			block(x, n, 0);
		else if (dmx_is(n, DMX_W, "tblPr"))
			x->tbl_styled = styled_header(x, n);
		else if (dmx_is(n, DMX_W, "tr"))
			table_row(x, &x->tbl, n, 0);
		else if ((w = wrapped(n)) != NULL)
			table_rows(x, &x->tbl, w, 1);
		return x->rc;
	}
	if (depth == 0)
		return dmx_is(n, DMX_W, "document") ? DMZ_DESCEND : DMZ_SKIP;
	if (depth == 1)
		return dmx_is(n, DMX_W, "body") ? DMZ_DESCEND : DMZ_SKIP;
	if (depth == 2 && dmx_is(n, DMX_W, "tbl")) {
		x->in_tbl = true;
		x->tbl_styled = false;
		dmb_grid_init(&x->tbl, x->d->a);
		return DMZ_DESCEND;
	}
	if (depth == 3 && x->in_tbl)
		return dmx_is(n, DMX_W, "tblPr") || dmx_is(n, DMX_W, "tr") || wrapped(n) != NULL ?
		    DMZ_EXPAND : DMZ_SKIP;
	return depth == 2 ? DMZ_EXPAND : DMZ_SKIP;
}

int
dm_read_docx(struct dm_doc *d, const char *data, size_t len, struct wm_err *err)
{
	struct docx x = { .d = d, .err = err, .out = { .d = d } };
	struct dmz z;
	const char *main;
	int rc;

	d->format = DM_DOCX;
	if ((rc = dmz_open(&z, data, len, "the .docx", err)) != 0)
		return rc;
	main = dmz_part(&z, d->a, "", "/officeDocument", "word/document.xml", err);
	if (!dmz_has(&z, main)) {
		rc = wm_error(err, WM_EINVAL, "the .docx has no word/document.xml, the part that "
		    "holds its text: it is damaged, or not a Word document");
		goto out;
	}
	if ((rc = load_styles(&x, &z, dmz_part(&z, d->a, main, "/styles", "word/styles.xml",
	    err))) != 0 || (rc = load_numbering(&x, &z, dmz_part(&z, d->a, main, "/numbering",
	    "word/numbering.xml", err))) != 0)
		goto out;
	d->title = dmb_title(d, dmz_title(&z, d->a, dmz_part(&z, d->a, "", "/core-properties",
	    "docProps/core.xml", err), NULL, err));
	rc = dmz_walk(&z, main, body_fn, &x, err);
	dmb_grid_release(&x.tbl);	/* a table the file broke off in */
out:
	dmz_close(&z);
	return rc;
}
