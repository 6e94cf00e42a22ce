/*
 * dm_html.c: web pages into the document model.
 *
 * libxml2's HTML parser (with recovery, without the network) gives a tree
 * however broken the page; this walks it once. Text gathers into the
 * paragraph being read until a block element ends it; <h1>-<h6> are
 * headings, <ol>/<ul> items with the marker a browser shows (type,
 * start, value, reversed) and their nesting level, <table> a table
 * placed by HTML's own rules for rowspan and colspan, with <thead> and
 * leading all-<th> rows as its header. A cell's content is read by the
 * same walk into the cell's lines. <script>, <style> and the like are
 * not text; <nav>, and <header>/<footer> outside the page's article, are
 * the site's chrome: kept as noise blocks that say so, not read as
 * content.
 */
#include "base/wm.h"

#include <libxml/HTMLparser.h>

#include "base/arena.h"
#include "base/buf.h"
#include "import/dm.h"
#include "import/dm_build.h"
#include "import/dm_zip.h"

/* Deeper than this, an element's text is read flat (no structure), without recursion. */
#define HTML_MAX_DEPTH 200
/*
 * libxml2's tree of a page takes twenty to thirty times the page's size:
 * past this, a page is refused rather than read into gigabytes. Real pages
 * of the family are a few hundred kilobytes.
 */
#define HTML_MAX_BYTES ((size_t)8 << 20)

enum kind {
	K_INLINE,	/* text and unknown elements: read through */
	K_SKIP,		/* not text at all */
	K_BLOCK,	/* ends the paragraph before it and its own */
	K_HEADING,
	K_LIST,
	K_ITEM,
	K_TABLE,
	K_BR,
	K_BOLD,
	K_PRE,
	K_SUP,
	K_CHROME	/* nav, and header/footer when outside the content */
};

static const struct {
	const char *name;
	enum kind kind;
} tags[] = {
	{ "address", K_BLOCK }, { "article", K_BLOCK }, { "aside", K_BLOCK },
	{ "audio", K_SKIP }, { "b", K_BOLD }, { "blockquote", K_BLOCK }, { "body", K_BLOCK },
	{ "br", K_BR }, { "button", K_SKIP }, { "canvas", K_SKIP }, { "caption", K_BLOCK },
	{ "center", K_BLOCK }, { "dd", K_BLOCK }, { "details", K_BLOCK }, { "dir", K_LIST },
	{ "div", K_BLOCK }, { "dl", K_BLOCK }, { "dt", K_BLOCK }, { "embed", K_SKIP },
	{ "fieldset", K_BLOCK }, { "figcaption", K_BLOCK }, { "figure", K_BLOCK },
	{ "footer", K_CHROME }, { "form", K_BLOCK }, { "h1", K_HEADING }, { "h2", K_HEADING },
	{ "h3", K_HEADING }, { "h4", K_HEADING }, { "h5", K_HEADING }, { "h6", K_HEADING },
	{ "head", K_SKIP }, { "header", K_CHROME }, { "hr", K_BLOCK }, { "html", K_BLOCK },
	{ "iframe", K_SKIP }, { "input", K_SKIP }, { "legend", K_BLOCK }, { "li", K_ITEM },
	{ "main", K_BLOCK }, { "map", K_SKIP }, { "math", K_SKIP }, { "menu", K_LIST },
	{ "nav", K_CHROME }, { "noscript", K_SKIP }, { "object", K_SKIP }, { "ol", K_LIST },
	{ "option", K_SKIP }, { "p", K_BLOCK }, { "pre", K_PRE }, { "script", K_SKIP },
	{ "section", K_BLOCK }, { "select", K_SKIP }, { "strong", K_BOLD }, { "style", K_SKIP },
	{ "summary", K_BLOCK }, { "sup", K_SUP }, { "svg", K_SKIP }, { "table", K_TABLE },
	{ "template", K_SKIP }, { "textarea", K_SKIP }, { "title", K_SKIP }, { "ul", K_LIST },
	{ "video", K_SKIP },
};

static enum kind
kind_of(const xmlNode *n)
{
	size_t lo = 0, hi = WM_ARRAY_LEN(tags);

	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return K_INLINE;
	while (lo < hi) {
		size_t m = lo + (hi - lo) / 2;
		int c = strcmp((const char *)n->name, tags[m].name);

		if (c == 0)
			return tags[m].kind;
		if (c < 0)
			hi = m;
		else
			lo = m + 1;
	}
	return K_INLINE;
}

static bool
named(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    strcmp((const char *)n->name, name) == 0;
}

struct html {
	struct dmb_out out;
	struct dm_doc *d;
	struct wm_err *err;
	int rc;
	struct buf inl;		/* the paragraph being gathered, raw */
	size_t chars, bold_chars;
	int bold, pre;
	struct dmb_item item;
	int level;		/* the level of the next list's items */
};

static void node(struct html *h, xmlNode *n, int depth);

static void
children(struct html *h, xmlNode *n, int depth)
{
	for (xmlNode *c = n->children; c != NULL && h->rc == 0; c = c->next)
		node(h, c, depth);
}

/* Add text as a browser would lay it out: source line breaks are spaces but in <pre>. */
static void
add_text(struct html *h, const char *s)
{
	for (const char *p = s; *p; p++) {
		char c = *p;

		if (c == '\n' && !h->pre)
			c = ' ';
		if (c == '\r')
			continue;
		buf_addc(&h->inl, c);
		if (c != ' ' && c != '\n' && c != '\t') {
			h->chars++;
			if (h->bold > 0)
				h->bold_chars++;
		}
	}
}

/*
 * The text under n, flat: a line break for <br> and between blocks, no
 * script or style. Iterative, so any depth is safe.
 */
static void
flat_text(const xmlNode *top, struct buf *out)
{
	const xmlNode *n = top->children;

	while (n != NULL) {
		enum kind k = kind_of(n);

		if (n->type == XML_TEXT_NODE && n->content != NULL)
			for (const char *p = (const char *)n->content; *p; p++)
				buf_addc(out, *p == '\n' ? ' ' : *p);
		else if (n->type == XML_ELEMENT_NODE && (k == K_BR || k == K_BLOCK || k == K_HEADING ||
		    k == K_ITEM || k == K_TABLE))
			buf_addc(out, '\n');
		n = dmx_step(n, top, n->type == XML_ELEMENT_NODE && k != K_SKIP);
	}
}

/* End the paragraph being gathered: a paragraph, or (part of) the open list item. */
static void
flush(struct html *h)
{
	struct buf text = BUF_INIT, marks = BUF_INIT;
	unsigned flags = h->chars > 0 && h->bold_chars == h->chars ? DMF_BOLD : 0;
	const char *m;

	if (h->inl.len == 0)
		goto out;
	dmb_lines(&text, h->d->a, buf_str(&h->inl), h->inl.len, &marks);
	m = dmb_marks(h->d->a, &marks);
	if (text.len == 0)
		goto out;
	if (h->item.open) {
		dmb_item_para(&h->out, &h->item, buf_str(&text), m, &h->rc, h->err);
	} else {
		dmb_text(&h->out, DM_PARA, 0, NULL, buf_str(&text), m, flags, &h->rc, h->err);
	}
out:
	buf_release(&text);
	buf_release(&marks);
	buf_reset(&h->inl);
	h->chars = h->bold_chars = 0;
}

/* A list's number format from its type attribute or its CSS list-style-type. */
static enum dmb_numfmt
list_format(const xmlNode *n, bool ordered)
{
	static const struct { const char *word; enum dmb_numfmt f; } css[] = {
		{ "decimal-leading-zero", DMB_DECIMAL_ZERO }, { "decimal", DMB_DECIMAL },
		{ "lower-alpha", DMB_LOWER_ALPHA }, { "lower-latin", DMB_LOWER_ALPHA },
		{ "upper-alpha", DMB_UPPER_ALPHA }, { "upper-latin", DMB_UPPER_ALPHA },
		{ "lower-roman", DMB_LOWER_ROMAN }, { "upper-roman", DMB_UPPER_ROMAN },
		{ "none", DMB_NONE }, { "disc", DMB_BULLET }, { "circle", DMB_BULLET },
		{ "square", DMB_BULLET },
	};
	const char *type = dmx_attr(n, DMX_ANY, "type");
	const char *style = dmx_attr(n, DMX_ANY, "style");
	const char *ls = style ? strstr(style, "list-style") : NULL;

	if (ls != NULL)
		for (size_t i = 0; i < WM_ARRAY_LEN(css); i++) {
			const char *w = strstr(ls, css[i].word);

			if (w != NULL && (w == ls || w[-1] == ' ' || w[-1] == ':'))
				return css[i].f == DMB_BULLET && ordered ? DMB_DECIMAL : css[i].f;
		}
	if (type != NULL && ordered && type[0] != '\0' && type[1] == '\0') {
		switch (type[0]) {
		case 'a': return DMB_LOWER_ALPHA;
		case 'A': return DMB_UPPER_ALPHA;
		case 'i': return DMB_LOWER_ROMAN;
		case 'I': return DMB_UPPER_ROMAN;
		default: break;
		}
	}
	return ordered ? DMB_DECIMAL : DMB_BULLET;
}

/* The bullet of an unordered list: a disc unless its type or style says otherwise. */
static const char *
list_bullet(const xmlNode *n)
{
	const char *type = dmx_attr(n, DMX_ANY, "type");
	const char *style = dmx_attr(n, DMX_ANY, "style");

	if ((type && strcasecmp(type, "circle") == 0) || (style && strstr(style, "circle")))
		return "\xE2\x97\xA6";
	if ((type && strcasecmp(type, "square") == 0) || (style && strstr(style, "square")))
		return "\xE2\x96\xAA";
	if (style && strstr(style, "none"))
		return "";
	return "\xE2\x80\xA2";
}

static void
list(struct html *h, xmlNode *n, int depth)
{
	bool ordered = named(n, "ol");
	enum dmb_numfmt f = list_format(n, ordered);
	bool reversed = dmx_attr(n, DMX_ANY, "reversed") != NULL;
	long count = 0, num;
	struct dmb_item saved;
	struct buf marker = BUF_INIT;

	for (xmlNode *c = n->children; c != NULL; c = c->next)
		count += named(c, "li");
	num = dmx_attr_long(n, DMX_ANY, "start", reversed ? count : 1, -1000000, 1000000);
	/* the text before a nested list is its parent item's */
	flush(h);
	saved = h->item;
	memset(&h->item, 0, sizeof(h->item));
	for (xmlNode *c = n->children; c != NULL && h->rc == 0; c = c->next) {
		if (!named(c, "li")) {
			h->level++;
			node(h, c, depth + 1);	/* a list right inside a list nests; text is a paragraph */
			h->level--;
			continue;
		}
		num = dmx_attr_long(c, DMX_ANY, "value", num, -1000000, 1000000);
		buf_reset(&marker);
		if (!ordered) {
			buf_adds(&marker, list_bullet(n));
		} else if (f != DMB_NONE) {
			dmb_number(&marker, f, num);
			buf_addc(&marker, '.');
		}
		flush(h);
		dmb_item_open(&h->item, arena_strdup(h->d->a, buf_str(&marker)), h->level);
		h->level++;
		children(h, c, depth + 1);
		flush(h);
		h->level--;
		dmb_item_close(&h->out, &h->item);
		num += reversed ? -1 : 1;
	}
	buf_release(&marker);
	h->item = saved;
}

static const char *cell_text(struct html *h, xmlNode *cell, int depth, const char **marks);

static bool
all_th(const xmlNode *tr)
{
	int n = 0;

	for (const xmlNode *c = tr->children; c != NULL; c = c->next) {
		if (named(c, "td"))
			return false;
		n += named(c, "th");
	}
	return n > 0;
}

static bool
has_cells(const xmlNode *tr)
{
	for (const xmlNode *c = tr->children; c != NULL; c = c->next)
		if (named(c, "td") || named(c, "th"))
			return true;
	return false;
}

struct tstate {
	struct dmb_grid g;
	bool leading;		/* every row so far has been a header row */
	struct buf first;	/* the first header row's text, to know it when it repeats */
};

/* Rows from tr to the end of its row group, tr included: what rowspan="0" spans. */
static int
rows_left(const xmlNode *tr)
{
	int n = 0;

	for (const xmlNode *r = tr; r != NULL && n < DMB_MAX_ROWSPAN; r = r->next)
		n += named(r, "tr") && has_cells(r);
	return n;
}

static void
row(struct html *h, struct tstate *ts, xmlNode *tr, bool thead, int depth)
{
	bool th = all_th(tr), head;
	struct buf text = BUF_INIT;

	if (!has_cells(tr))
		return;
	for (xmlNode *c = tr->children; c != NULL; c = c->next)
		if (named(c, "th"))
			flat_text(c, &text);
	/* the header, or the header again (after a page break in the source) */
	head = thead || (th && ts->leading) ||
	    (th && ts->first.len > 0 && strcmp(buf_str(&ts->first), buf_str(&text)) == 0);
	if (head && ts->first.len == 0)
		buf_adds(&ts->first, buf_str(&text));
	buf_release(&text);
	ts->leading = ts->leading && head;
	if ((h->rc = dmb_grid_row(&ts->g, head, ++h->out.para, h->err)) != 0)
		return;
	for (xmlNode *c = tr->children; c != NULL && h->rc == 0; c = c->next) {
		long rs, cs;
		const char *t, *marks;

		if (!named(c, "td") && !named(c, "th"))
			continue;
		rs = dmx_attr_long(c, DMX_ANY, "rowspan", 1, 0, DMB_MAX_ROWSPAN);
		cs = dmx_attr_long(c, DMX_ANY, "colspan", 1, 1, DMB_MAX_SPAN);
		t = cell_text(h, c, depth + 1, &marks);
		if (h->rc == 0)
			h->rc = dmb_grid_auto(&ts->g, rs == 0 ? rows_left(tr) : (int)rs, (int)cs, t,
			    h->err);
		dmb_grid_marks(&ts->g, marks);
	}
}

/* A group of rows (thead, tbody, tfoot, or the table itself for rows right in it). */
static void
rows(struct html *h, struct tstate *ts, xmlNode *group, bool thead, int depth)
{
	for (xmlNode *c = group->children; c != NULL && h->rc == 0; c = c->next)
		if (named(c, "tr"))
			row(h, ts, c, thead, depth);
}

static void
table(struct html *h, xmlNode *n, int depth)
{
	struct tstate ts = { .leading = true, .first = BUF_INIT };
	const char *caption = NULL;

	flush(h);
	dmb_grid_init(&ts.g, h->d->a);
	for (xmlNode *c = n->children; c != NULL && h->rc == 0; c = c->next) {
		if (named(c, "caption")) {
			caption = cell_text(h, c, depth + 1, NULL);
			caption = caption[0] ? caption : NULL;
		} else if (named(c, "thead")) {
			rows(h, &ts, c, true, depth + 1);
		} else if (named(c, "tbody")) {
			rows(h, &ts, c, false, depth + 1);
		} else if (named(c, "tr")) {
			row(h, &ts, c, false, depth + 1);
		}
	}
	/* a footer row group may come first in the source; it shows last */
	for (xmlNode *c = n->children; c != NULL && h->rc == 0; c = c->next)
		if (named(c, "tfoot"))
			rows(h, &ts, c, false, depth + 1);
	buf_release(&ts.first);
	ts.g.name = caption;
	if (h->rc == 0)
		h->rc = dmb_grid_emit(&h->out, &ts.g, h->err);
	dmb_grid_release(&ts.g);
}

/* Read a cell's content with the same walk, into its own lines. */
static const char *
cell_text(struct html *h, xmlNode *cell, int depth, const char **marks)
{
	struct buf inl = h->inl;
	struct dmb_cell c;
	struct dmb_item item = h->item;
	int level = h->level, bold = h->bold;
	size_t chars = h->chars, bold_chars = h->bold_chars;
	const char *text;

	dmb_cell_begin(&h->out, &c);
	buf_init(&h->inl, BUF_MAX_DEFAULT);
	memset(&h->item, 0, sizeof(h->item));
	h->level = 0;
	h->chars = h->bold_chars = 0;
	children(h, cell, depth);
	flush(h);
	text = dmb_cell_end(&h->out, &c, NULL, marks);
	buf_release(&h->inl);
	h->inl = inl;
	h->item = item;
	h->level = level;
	h->bold = bold;
	h->chars = chars;
	h->bold_chars = bold_chars;
	return text;
}

/* An element whose ARIA role says it is the site's navigation, banner or footer. */
static bool
role_chrome(const xmlNode *n)
{
	const char *role = dmx_attr(n, DMX_ANY, "role");

	return role != NULL && (strcmp(role, "navigation") == 0 || strcmp(role, "banner") == 0 ||
	    strcmp(role, "contentinfo") == 0);
}

/* Is a <header> or <footer> the site's, not the content's? */
static bool
chrome(const xmlNode *n)
{
	if (named(n, "nav") || role_chrome(n))
		return true;
	for (const xmlNode *p = n->parent; p != NULL; p = p->parent)
		if (named(p, "article") || named(p, "main") || named(p, "section"))
			return false;
	/* a header that holds the page's heading is the content's own */
	if (named(n, "header"))
		for (const xmlNode *c = n->children; c != NULL; c = c->next)
			if (kind_of(c) == K_HEADING)
				return false;
	return true;
}

static void
noise(struct html *h, xmlNode *n)
{
	struct buf raw = BUF_INIT;
	const char *why = named(n, "nav") ? "site navigation" :
	    named(n, "footer") || dmx_attr(n, DMX_ANY, "role") ? "site footer or banner" :
	    "site header";
	struct dm_block *b;

	flush(h);
	flat_text(n, &raw);
	if (h->out.cell == NULL && raw.len > 0) {
		b = dm_add_text(h->d, DM_PARA, buf_str(&raw), raw.len, h->err);
		if (b == NULL) {
			h->rc = WM_ETOOBIG;
		} else if (b->text[0] == '\0') {
			h->d->nblocks--;
		} else {
			b->flags |= DMF_NOISE;
			b->why = why;
			b->pos = b->pos_end = ++h->out.para;
			dm_where(h->d, b);
		}
	}
	buf_release(&raw);
}

static void
heading(struct html *h, xmlNode *n)
{
	struct buf raw = BUF_INIT, text = BUF_INIT, marks = BUF_INIT;
	int level = n->name[1] - '0';

	flush(h);
	flat_text(n, &raw);
	dmb_lines(&text, h->d->a, buf_str(&raw), raw.len, &marks);
	dmb_text(&h->out, DM_HEADING, level, NULL, buf_str(&text), dmb_marks(h->d->a, &marks), 0,
	    &h->rc, h->err);
	buf_release(&raw);
	buf_release(&text);
	buf_release(&marks);
}

static bool
digits_only(const xmlNode *n)
{
	struct buf t = BUF_INIT;
	bool only = true;
	size_t k = 0;

	flat_text(n, &t);
	for (const char *p = buf_str(&t); *p; p++) {
		if (*p == ' ')
			continue;
		only = only && *p >= '0' && *p <= '9';
		k++;
	}
	buf_release(&t);
	return only && k > 0 && k <= 3;
}

static void
node(struct html *h, xmlNode *n, int depth)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			add_text(h, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	if (depth > HTML_MAX_DEPTH) {
		struct buf raw = BUF_INIT;

		flat_text(n, &raw);
		add_text(h, buf_str(&raw));
		buf_release(&raw);
		return;
	}
	switch (role_chrome(n) ? K_CHROME : kind_of(n)) {
	case K_SKIP:
		return;
	case K_BR:
		buf_addc(&h->inl, '\n');
		return;
	case K_BOLD:
		h->bold++;
		children(h, n, depth + 1);
		h->bold--;
		return;
	case K_SUP:
		/* a footnote mark ("<sup>2</sup>"): written for the cleaning to lift out as one */
		if (digits_only(n)) {
			struct buf t = BUF_INIT;

			flat_text(n, &t);
			buf_addf(&h->inl, "<sup>%s</sup>", buf_str(&t));
			buf_release(&t);
		} else {
			children(h, n, depth + 1);
		}
		return;
	case K_HEADING:
		heading(h, n);
		return;
	case K_LIST:
		list(h, n, depth);
		return;
	case K_ITEM: {
		/* an <li> outside any list: a bullet at the current level */
		struct dmb_item saved;

		flush(h);	/* first: what it flushes may grow the open item's buffers */
		saved = h->item;
		dmb_item_open(&h->item, "\xE2\x80\xA2", h->level);
		children(h, n, depth + 1);
		flush(h);
		dmb_item_close(&h->out, &h->item);
		h->item = saved;
		return;
	}
	case K_TABLE:
		table(h, n, depth);
		return;
	case K_CHROME:
		if (chrome(n)) {
			noise(h, n);
			return;
		}
		/* a header or footer of the content itself is a block like any other */
		/* fall through */
	case K_BLOCK:
		flush(h);
		children(h, n, depth + 1);
		flush(h);
		return;
	case K_PRE:
		flush(h);
		h->pre++;
		children(h, n, depth + 1);
		h->pre--;
		flush(h);
		return;
	case K_INLINE:
		children(h, n, depth + 1);
		return;
	}
}

/* The page's <title>, from the <head>. */
static const char *
title(struct dm_doc *d, xmlNode *root)
{
	for (xmlNode *c = root ? root->children : NULL; c != NULL; c = c->next) {
		if (!named(c, "head"))
			continue;
		for (xmlNode *t = c->children; t != NULL; t = t->next)
			if (named(t, "title")) {
				struct buf raw = BUF_INIT;
				const char *s;

				flat_text(t, &raw);
				s = dmb_title(d, buf_str(&raw));
				buf_release(&raw);
				return s;
			}
	}
	return NULL;
}

int
dm_read_html(struct dm_doc *d, const char *data, size_t len, struct wm_err *err)
{
	struct html h = { .d = d, .err = err, .inl = BUF_INIT };
	htmlDocPtr doc;
	xmlNode *root;

	d->format = DM_HTML;
	if (len > HTML_MAX_BYTES)
		return wm_error(err, WM_ETOOBIG, "the web page is %zu MB of HTML; Waymark reads pages "
		    "of up to %zu MB: save the part that holds the plan as a page of its own",
		    len >> 20, HTML_MAX_BYTES >> 20);
	h.out.d = d;
	doc = htmlReadMemory(data, (int)len, NULL, NULL, HTML_PARSE_RECOVER | HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		if (doc != NULL)
			xmlFreeDoc(doc);
		/* nothing a parser can build on: an empty page */
		return 0;
	}
	d->title = title(d, root);
	node(&h, root, 0);
	if (h.rc == 0)
		flush(&h);
	buf_release(&h.inl);
	xmlFreeDoc(doc);
	return h.rc;
}
