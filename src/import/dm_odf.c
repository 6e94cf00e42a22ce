/*
 * dm_odf.c: OpenDocument styles and paragraph text, for the ODT and ODS
 * readers (see dm_odf.h).
 */
#include "base/wm.h"

#include "base/arena.h"
#include "base/buf.h"
#include "import/dm_odf.h"

void
odf_styles_init(struct odf_styles *st, struct arena *a)
{
	memset(st, 0, sizeof(*st));
	st->a = a;
	st->cell_bold = -1;
}

static const char *
dup(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

/* "bold", "700": bold; "normal", "400": not; else not said. */
static int
weight(const char *w)
{
	if (w == NULL)
		return -1;
	if (strcmp(w, "bold") == 0 || (w[0] >= '6' && w[0] <= '9' && w[1] == '0' && w[2] == '0'))
		return 1;
	return 0;
}

/* "22pt" in points; percentages and other units are not said. */
static float
points(const char *s)
{
	char *end;
	double v;

	if (s == NULL)
		return 0;
	v = strtod(s, &end);
	if (end == s || v <= 0 || v > 1000)
		return 0;
	if (strcmp(end, "pt") == 0)
		return (float)v;
	if (strcmp(end, "in") == 0)
		return (float)(v * 72);
	if (strcmp(end, "cm") == 0)
		return (float)(v * 72 / 2.54);
	return 0;
}

static void *
grow(struct arena *a, void *old, size_t n, size_t *cap, size_t size)
{
	size_t ncap = *cap ? *cap * 2 : 32;
	void *p;

	if (n < *cap)
		return old;
	p = arena_array(a, ncap, size);
	if (n > 0)
		memcpy(p, old, n * size);
	*cap = ncap;
	return p;
}

static enum dmb_numfmt
num_format(const char *f)
{
	if (f == NULL || f[0] == '\0')
		return DMB_NONE;
	switch (f[0]) {
	case 'a': return DMB_LOWER_ALPHA;
	case 'A': return DMB_UPPER_ALPHA;
	case 'i': return DMB_LOWER_ROMAN;
	case 'I': return DMB_UPPER_ROMAN;
	default: return DMB_DECIMAL;
	}
}

static void
add_list(struct odf_styles *st, const xmlNode *n)
{
	struct odf_list *l;

	st->l = grow(st->a, st->l, st->nl, &st->lcap, sizeof(*st->l));
	l = &st->l[st->nl++];
	memset(l, 0, sizeof(*l));
	l->name = dup(st->a, dmx_attr(n, DMX_STYLE, "name"));
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		long k = dmx_attr_long(c, DMX_TEXT, "level", 0, 0, ODF_LEVELS) - 1;
		struct odf_level *v;

		if (c->type != XML_ELEMENT_NODE || k < 0 || k >= ODF_LEVELS)
			continue;
		v = &l->lvl[k];
		v->set = true;
		v->prefix = dup(st->a, dmx_attr(c, DMX_STYLE, "num-prefix"));
		v->suffix = dup(st->a, dmx_attr(c, DMX_STYLE, "num-suffix"));
		v->start = dmx_attr_long(c, DMX_TEXT, "start-value", 1, 0, 1000000);
		v->display = (int)dmx_attr_long(c, DMX_TEXT, "display-levels", 1, 1, ODF_LEVELS);
		if (dmx_is(c, DMX_TEXT, "list-level-style-number")) {
			v->fmt = num_format(dmx_attr(c, DMX_STYLE, "num-format"));
		} else {
			/* a bullet, or an image standing for one */
			v->bullet = true;
			v->bullet_char = dup(st->a, dmx_attr(c, DMX_TEXT, "bullet-char"));
		}
	}
}

int
odf_styles_add(struct odf_styles *st, const xmlNode *n, struct wm_err *err)
{
	(void)err;
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		struct odf_style *s;
		const xmlNode *tp;
		bool def = dmx_is(c, DMX_STYLE, "default-style");

		if (dmx_is(c, DMX_TEXT, "list-style")) {
			add_list(st, c);
			continue;
		}
		if (!dmx_is(c, DMX_STYLE, "style") && !def)
			continue;
		tp = dmx_child(c, DMX_STYLE, "text-properties");
		if (def) {
			/* the defaults of a family: only the cell's matter here (a sheet's ordinary size) */
			const char *fam = dmx_attr(c, DMX_STYLE, "family");

			if (fam != NULL && strcmp(fam, "table-cell") == 0) {
				st->cell_size = points(dmx_attr(tp, DMX_FO, "font-size"));
				st->cell_bold = weight(dmx_attr(tp, DMX_FO, "font-weight"));
			}
			continue;
		}
		st->s = grow(st->a, st->s, st->n, &st->cap, sizeof(*st->s));
		s = &st->s[st->n++];
		s->family = dup(st->a, dmx_attr(c, DMX_STYLE, "family"));
		s->name = dup(st->a, dmx_attr(c, DMX_STYLE, "name"));
		s->display = dup(st->a, dmx_attr(c, DMX_STYLE, "display-name"));
		s->parent = dup(st->a, dmx_attr(c, DMX_STYLE, "parent-style-name"));
		s->bold = weight(dmx_attr(tp, DMX_FO, "font-weight"));
		s->size = points(dmx_attr(tp, DMX_FO, "font-size"));
		s->outline = (int)dmx_attr_long(c, DMX_STYLE, "default-outline-level", 0, 0, 10);
		s->hidden = !dmx_attr_bool(dmx_child(c, DMX_STYLE, "table-properties"), DMX_TABLE,
		    "display", true);
		if (s->family == NULL || s->name == NULL)
			st->n--;
	}
	st->sorted = false;
	return 0;
}

int
odf_read(struct dm_doc *d, const char *data, size_t len, const char *what, const char *holds,
    struct odf_styles *st, dmz_fn *fn, void *ctx, struct wm_err *err)
{
	struct dmz z;
	xmlDoc *doc = NULL;
	int rc;

	odf_styles_init(st, d->a);
	if ((rc = dmz_open(&z, data, len, what, err)) != 0)
		return rc;
	if (!dmz_has(&z, "content.xml")) {
		rc = wm_error(err, WM_EINVAL, "%s has no content.xml, the part that holds its %s: "
		    "it is damaged, or not an OpenDocument file", what, holds);
		goto out;
	}
	if ((rc = dmz_xml_opt(&z, "styles.xml", &doc, err)) != 0)
		goto out;
	for (xmlNode *c = doc ? xmlDocGetRootElement(doc)->children : NULL; c; c = c->next)
		if (dmx_is(c, DMX_OFFICE, "styles"))
			odf_styles_add(st, c, err);
	d->title = dmb_title(d, dmz_title(&z, d->a, NULL, "meta.xml", err));
	rc = dmz_walk(&z, "content.xml", fn, ctx, err);
out:
	if (doc != NULL)
		xmlFreeDoc(doc);
	dmz_close(&z);
	return rc;
}

static int
style_cmp(const void *pa, const void *pb)
{
	const struct odf_style *a = pa, *b = pb;
	int c = strcmp(a->family, b->family);

	return c ? c : strcmp(a->name, b->name);
}

const struct odf_style *
odf_style(struct odf_styles *st, const char *family, const char *name)
{
	struct odf_style key = { .family = family, .name = name };

	if (name == NULL || st->n == 0)
		return NULL;
	if (!st->sorted) {
		/* common and automatic styles share no names in practice: one sorted array */
		qsort(st->s, st->n, sizeof(*st->s), style_cmp);
		st->sorted = true;
	}
	return bsearch(&key, st->s, st->n, sizeof(key), style_cmp);
}

int
odf_bold(struct odf_styles *st, const char *family, const char *name)
{
	int hops = 0;

	for (const struct odf_style *s = odf_style(st, family, name); s && hops < 32;
	    s = odf_style(st, family, s->parent), hops++)
		if (s->bold >= 0)
			return s->bold;
	return -1;
}

float
odf_size(struct odf_styles *st, const char *family, const char *name)
{
	int hops = 0;

	for (const struct odf_style *s = odf_style(st, family, name); s && hops < 32;
	    s = odf_style(st, family, s->parent), hops++)
		if (s->size > 0)
			return s->size;
	return 0;
}

int
odf_heading(struct odf_styles *st, const char *name)
{
	int hops = 0;

	for (const struct odf_style *s = odf_style(st, "paragraph", name); s && hops < 32;
	    s = odf_style(st, "paragraph", s->parent), hops++) {
		if (strcmp(s->name, "Title") == 0 || (s->display && strcmp(s->display, "Title") == 0))
			return 1;
	}
	return 0;
}

const struct odf_list *
odf_list_style(struct odf_styles *st, const char *name)
{
	const struct odf_list *found = NULL;

	/* list styles are few: the last of a name (content.xml's, read after styles.xml's) */
	for (size_t i = 0; name != NULL && i < st->nl; i++)
		if (st->l[i].name != NULL && strcmp(st->l[i].name, name) == 0)
			found = &st->l[i];
	return found;
}

static void
add(struct odf_text *t, const char *s, bool bold)
{
	for (; *s; s++) {
		buf_addc(&t->raw, *s == '\n' || *s == '\r' ? ' ' : *s);
		if (*s != ' ' && *s != '\t' && *s != '\n') {
			t->chars++;
			t->bold_chars += bold;
		}
	}
}

/* Not text, though in the text namespace: notes, marks, tracked changes, the ruby's gloss. */
static bool
not_text(const xmlNode *n)
{
	static const char *const skip[] = {
		"note", "bookmark", "bookmark-start", "bookmark-end", "reference-mark",
		"reference-mark-start", "reference-mark-end", "soft-page-break", "change",
		"change-start", "change-end", "ruby-text", "tracked-changes", "alphabetical-index-mark",
		"toc-mark", "user-index-mark",
	};

	for (size_t i = 0; i < WM_ARRAY_LEN(skip); i++)
		if (strcmp((const char *)n->name, skip[i]) == 0)
			return true;
	return false;
}

static void
inline_text(struct odf_styles *st, const xmlNode *n, struct odf_text *t, int bold, int depth)
{
	if (depth > 64)
		return;
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			add(t, (const char *)c->content, bold == 1);
			continue;
		}
		if (dmx_is(c, DMX_TEXT, "note")) {
			/* the note's mark stays, for the cleaning to lift out; its body is not this text */
			struct buf cite = BUF_INIT;

			dmx_text(dmx_child(c, DMX_TEXT, "note-citation"), &cite);
			if (cite.len > 0 && cite.len <= 3 && strspn(buf_str(&cite), "0123456789") == cite.len)
				buf_addf(&t->raw, "<sup>%s</sup>", buf_str(&cite));
			buf_release(&cite);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || !dmx_ns_is(c->ns, DMX_TEXT) || not_text(c))
			continue;	/* frames, annotations and other namespaces: not the paragraph's text */
		if (dmx_is(c, DMX_TEXT, "s")) {
			long k = dmx_attr_long(c, DMX_TEXT, "c", 1, 1, 100);

			while (k-- > 0)
				buf_addc(&t->raw, ' ');
		} else if (dmx_is(c, DMX_TEXT, "tab")) {
			buf_addc(&t->raw, ' ');
		} else if (dmx_is(c, DMX_TEXT, "line-break")) {
			buf_addc(&t->raw, '\n');
		} else if (dmx_is(c, DMX_TEXT, "number")) {
			/* a numbered heading's number, as last shown */
			inline_text(st, c, t, bold, depth + 1);
			buf_addc(&t->raw, ' ');
		} else {
			int b = dmx_is(c, DMX_TEXT, "span") ?
			    odf_bold(st, "text", dmx_attr(c, DMX_TEXT, "style-name")) : -1;

			inline_text(st, c, t, b >= 0 ? b : bold, depth + 1);
		}
	}
}

void
odf_para_text(struct odf_styles *st, const xmlNode *p, struct odf_text *t)
{
	inline_text(st, p, t, odf_bold(st, "paragraph", dmx_attr(p, DMX_TEXT, "style-name")), 0);
}

static void
lines(struct odf_styles *st, const xmlNode *n, struct arena *a, struct buf *out,
    struct buf *marks, size_t *chars, size_t *bold_chars, int depth)
{
	if (depth > 64)
		return;
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (dmx_is(c, DMX_TEXT, "p") || dmx_is(c, DMX_TEXT, "h")) {
			struct odf_text t = { .raw = BUF_INIT };

			odf_para_text(st, c, &t);
			dmb_lines(out, a, buf_str(&t.raw), t.raw.len, marks);
			*chars += t.chars;
			*bold_chars += t.bold_chars;
			buf_release(&t.raw);
		} else if (c->type == XML_ELEMENT_NODE && (dmx_is(c, DMX_TEXT, "list") ||
		    dmx_is(c, DMX_TEXT, "list-item") || dmx_is(c, DMX_TEXT, "section"))) {
			lines(st, c, a, out, marks, chars, bold_chars, depth + 1);
		}
	}
}

void
odf_lines(struct odf_styles *st, const xmlNode *n, struct arena *a, struct buf *out,
    struct buf *marks, bool *bold)
{
	size_t chars = 0, bold_chars = 0;

	lines(st, n, a, out, marks, &chars, &bold_chars, 0);
	*bold = chars > 0 && bold_chars == chars;
}
