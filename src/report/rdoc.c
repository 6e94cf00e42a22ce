/*
 * rdoc.c: the report document and its writers (see rdoc.h).
 *
 * A document is a list of blocks kept in an arena; each writer walks the
 * list once. HTML goes through html.h, CSV through libcsv, JSON through
 * jansson; only text and Markdown are laid out here.
 */
#include "base/wm.h"

#include <csv.h>
#include <math.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/numfmt.h"
#include "report/html.h"
#include "report/pounds.h"
#include "report/rdoc.h"

enum block_kind { B_HEADING, B_PARA, B_LIST, B_ITEM, B_FIGURE, B_TABLE };

struct cell {
	const char *text;	/* as a person reads it: numbers grouped in thousands */
	const char *plain;	/* a number as a program reads it (CSV), or NULL */
	const char *tag;	/* status colour, or NULL */
	const char *href;	/* link target, or NULL */
	bool is_num;
	bool has_unit;		/* the number is shown with a suffix ("%") */
	double num;		/* the number itself, when is_num */
};

struct rtable {
	struct rdoc *doc;
	const char *caption;
	size_t ncols, nrows, caprows;
	const char **headers;
	bool *numeric;
	struct cell *cells;	/* nrows * ncols, row-major */
	size_t filled;		/* cells of the row being built */
};

struct block {
	enum block_kind kind;
	int level;
	const char *text;	/* heading, paragraph, item; figure caption */
	const char *svg;	/* figure */
	struct rtable *table;
	struct block *next;
};

/* A report's own rendering in a format of its own (see rdoc_add_rendition). */
struct rendition {
	const char *format, *media_type, *text;
	struct rendition *next;
};

struct rdoc {
	struct arena *arena;
	const char *title;
	const char **meta;	/* label, value pairs */
	size_t nmeta, capmeta;
	struct block *first, *last;
	json_t *data;
	struct rendition *renditions;
};

/* Every format, in the order messages list them; RF_HTML_BODY is for pages only. */
static const struct {
	const char *name;
	enum rformat f;
	const char *media_type;
} formats[] = {
	{ "text", RF_TEXT, "text/plain; charset=utf-8" },
	{ "md", RF_MD, "text/markdown; charset=utf-8" },
	{ "html", RF_HTML, "text/html; charset=utf-8" },
	{ "csv", RF_CSV, "text/csv; charset=utf-8" },
	{ "json", RF_JSON, "application/json" },
};

int
rformat_parse(const char *name, enum rformat *out, struct wm_err *err)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(formats); i++)
		if (strcmp(name, formats[i].name) == 0) {
			*out = formats[i].f;
			return 0;
		}
	if (strcmp(name, "markdown") == 0) {
		*out = RF_MD;
		return 0;
	}
	return wm_error(err, WM_EUSAGE, "format \"%s\" is not one of %s", name, rformat_names());
}

const char *
rformat_names(void)
{
	return "text, md, html, csv, json";
}

const char *
rformat_name(enum rformat f)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(formats); i++)
		if (formats[i].f == f)
			return formats[i].name;
	return "html";
}

const char *
rformat_media_type(enum rformat f)
{
	for (size_t i = 0; i < WM_ARRAY_LEN(formats); i++)
		if (formats[i].f == f)
			return formats[i].media_type;
	return "text/html; charset=utf-8";
}

struct rdoc *
rdoc_new(const char *title)
{
	struct arena *a = arena_new();
	struct rdoc *d = arena_alloc(a, sizeof(*d));

	d->arena = a;
	d->title = arena_strdup(a, title);
	return d;
}

void
rdoc_free(struct rdoc *d)
{
	if (d == NULL)
		return;
	json_decref(d->data);
	arena_free(d->arena);
}

static struct block *
add_block(struct rdoc *d, enum block_kind kind)
{
	struct block *b = arena_alloc(d->arena, sizeof(*b));

	b->kind = kind;
	if (d->last != NULL)
		d->last->next = b;
	else
		d->first = b;
	d->last = b;
	return b;
}

void
rdoc_meta(struct rdoc *d, const char *label, const char *value)
{
	if (d->nmeta + 2 > d->capmeta) {
		size_t cap = d->capmeta ? d->capmeta * 2 : 8;
		const char **m = arena_array(d->arena, cap, sizeof(*m));

		if (d->nmeta > 0)
			memcpy(m, d->meta, d->nmeta * sizeof(*m));
		d->meta = m;
		d->capmeta = cap;
	}
	d->meta[d->nmeta++] = arena_strdup(d->arena, label);
	d->meta[d->nmeta++] = arena_strdup(d->arena, value ? value : "");
}

void
rdoc_heading(struct rdoc *d, int level, const char *text)
{
	struct block *b = add_block(d, B_HEADING);

	b->level = level < 2 ? 2 : level > 3 ? 3 : level;
	b->text = arena_strdup(d->arena, text);
}

static const char *
vformat(struct rdoc *d, const char *fmt, va_list ap)
{
	struct buf tmp = BUF_INIT;
	const char *s;

	buf_vaddf(&tmp, fmt, ap);
	s = arena_strdup(d->arena, buf_str(&tmp));
	buf_release(&tmp);
	return s;
}

void
rdoc_para(struct rdoc *d, const char *fmt, ...)
{
	struct block *b = add_block(d, B_PARA);
	va_list ap;

	va_start(ap, fmt);
	b->text = vformat(d, fmt, ap);
	va_end(ap);
}

void
rdoc_list(struct rdoc *d)
{
	add_block(d, B_LIST);
}

void
rdoc_item(struct rdoc *d, const char *fmt, ...)
{
	struct block *b = add_block(d, B_ITEM);
	va_list ap;

	va_start(ap, fmt);
	b->text = vformat(d, fmt, ap);
	va_end(ap);
}

void
rdoc_figure(struct rdoc *d, const char *svg, const char *caption)
{
	struct block *b = add_block(d, B_FIGURE);

	b->svg = arena_strdup(d->arena, svg);
	b->text = arena_strdup(d->arena, caption);
}

struct rtable *
rdoc_table(struct rdoc *d, const char *caption, size_t ncols, const char *const *headers)
{
	struct block *b = add_block(d, B_TABLE);
	struct rtable *t = arena_alloc(d->arena, sizeof(*t));

	t->doc = d;
	t->caption = caption ? arena_strdup(d->arena, caption) : NULL;
	t->ncols = ncols;
	t->headers = arena_array(d->arena, ncols, sizeof(*t->headers));
	t->numeric = arena_array(d->arena, ncols, sizeof(*t->numeric));
	for (size_t i = 0; i < ncols; i++)
		t->headers[i] = arena_strdup(d->arena, headers[i]);
	b->table = t;
	return t;
}

void
rtable_numeric(struct rtable *t, size_t col)
{
	if (col < t->ncols)
		t->numeric[col] = true;
}

static struct cell *
next_cell(struct rtable *t)
{
	if (t->filled == t->ncols)
		rtable_end_row(t);
	if (t->filled == 0) {
		if (t->nrows == t->caprows) {
			size_t cap = t->caprows ? t->caprows * 2 : 16;
			struct cell *c = arena_array(t->doc->arena, cap * t->ncols, sizeof(*c));

			if (t->nrows > 0)
				memcpy(c, t->cells, t->nrows * t->ncols * sizeof(*c));
			t->cells = c;
			t->caprows = cap;
		}
		t->nrows++;
	}
	return &t->cells[(t->nrows - 1) * t->ncols + t->filled++];
}

void
rtable_cell(struct rtable *t, const char *text)
{
	next_cell(t)->text = arena_strdup(t->doc->arena, text ? text : "");
}

void
rtable_cellf(struct rtable *t, const char *fmt, ...)
{
	struct cell *c = next_cell(t);
	va_list ap;

	va_start(ap, fmt);
	c->text = vformat(t->doc, fmt, ap);
	va_end(ap);
}

void
rtable_num(struct rtable *t, double v, int decimals, const char *suffix)
{
	struct cell *c = next_cell(t);
	char grouped[NUM_LEN], plain[NUM_LEN];
	struct buf tmp = BUF_INIT;

	if (!isfinite(v)) {
		c->text = "-";
		return;
	}
	num_format(v, decimals, true, grouped, sizeof(grouped));
	num_format(v, decimals, false, plain, sizeof(plain));
	buf_addf(&tmp, "%s%s", grouped, suffix ? suffix : "");
	c->text = arena_strdup(t->doc->arena, buf_str(&tmp));
	buf_reset(&tmp);
	buf_addf(&tmp, "%s%s", plain, suffix ? suffix : "");
	c->plain = arena_strdup(t->doc->arena, buf_str(&tmp));
	buf_release(&tmp);
	c->is_num = true;
	c->has_unit = suffix != NULL && *suffix != '\0';
	c->num = v;
}

void
rtable_pounds(struct rtable *t, double v)
{
	struct cell *c;
	char money[POUNDS_LEN], plain[NUM_LEN];
	double a = round(v * 100) / 100;

	if (!isfinite(v)) {
		rtable_cell(t, "-");
		return;
	}
	c = next_cell(t);
	pounds_format(v, money, sizeof(money));
	num_format(a, fmod(a, 1) != 0 ? 2 : 0, false, plain, sizeof(plain));
	c->text = arena_strdup(t->doc->arena, money);
	c->plain = arena_strdup(t->doc->arena, plain);
	c->is_num = true;
	c->num = a;
}

void
rtable_tag(struct rtable *t, const char *text, const char *tag)
{
	struct cell *c = next_cell(t);

	c->text = arena_strdup(t->doc->arena, text ? text : "");
	c->tag = tag ? arena_strdup(t->doc->arena, tag) : NULL;
}

void
rtable_link(struct rtable *t, const char *text, const char *href)
{
	struct cell *c = next_cell(t);

	c->text = arena_strdup(t->doc->arena, text ? text : "");
	c->href = href ? arena_strdup(t->doc->arena, href) : NULL;
}

void
rtable_end_row(struct rtable *t)
{
	/* A short row is padded with empty cells, so every row has ncols. */
	while (t->filled > 0 && t->filled < t->ncols)
		t->cells[(t->nrows - 1) * t->ncols + t->filled++].text = "";
	t->filled = 0;
}

void
rdoc_set_data(struct rdoc *d, json_t *data)
{
	json_decref(d->data);
	d->data = data;
}

const json_t *
rdoc_data(const struct rdoc *d)
{
	return d->data;
}

static void
append_table(struct rdoc *d, const struct rtable *src)
{
	struct rtable *t = rdoc_table(d, src->caption, src->ncols, src->headers);

	memcpy(t->numeric, src->numeric, src->ncols * sizeof(*t->numeric));
	for (size_t r = 0; r < src->nrows; r++) {
		for (size_t c = 0; c < src->ncols; c++) {
			const struct cell *cl = &src->cells[r * src->ncols + c];

			if (cl->is_num) {
				struct cell *to = next_cell(t);

				*to = *cl;
				to->text = arena_strdup(d->arena, cl->text);
				to->plain = arena_strdup(d->arena, cl->plain);
			} else if (cl->tag != NULL)
				rtable_tag(t, cl->text, cl->tag);
			else
				rtable_link(t, cl->text, cl->href);
		}
		rtable_end_row(t);
	}
}

void
rdoc_append(struct rdoc *d, const struct rdoc *src)
{
	for (const struct block *b = src->first; b != NULL; b = b->next) {
		struct block *nb;

		if (b->kind == B_TABLE) {
			append_table(d, b->table);
			continue;
		}
		nb = add_block(d, b->kind);
		nb->level = b->level;
		nb->text = b->text != NULL ? arena_strdup(d->arena, b->text) : NULL;
		nb->svg = b->svg != NULL ? arena_strdup(d->arena, b->svg) : NULL;
	}
}

void
rdoc_add_rendition(struct rdoc *d, const char *format, const char *media_type, const char *text)
{
	struct rendition *r = arena_alloc(d->arena, sizeof(*r));

	r->format = arena_strdup(d->arena, format);
	r->media_type = arena_strdup(d->arena, media_type);
	r->text = arena_strdup(d->arena, text);
	r->next = d->renditions;
	d->renditions = r;
}

const char *
rdoc_rendition(const struct rdoc *d, const char *format, const char **media_type)
{
	for (const struct rendition *r = d->renditions; r != NULL; r = r->next)
		if (strcmp(r->format, format) == 0) {
			if (media_type != NULL)
				*media_type = r->media_type;
			return r->text;
		}
	return NULL;
}

static const struct cell *
cell_at(const struct rtable *t, size_t r, size_t c)
{
	return &t->cells[r * t->ncols + c];
}

/* ---- text ------------------------------------------------------------- */

static size_t
width(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static void
pad(struct buf *out, size_t n)
{
	while (n-- > 0)
		buf_addc(out, ' ');
}

/* Wrap a paragraph at 78 columns. */
static void
wrapped(struct buf *out, const char *text, const char *indent)
{
	size_t col = 0;
	const char *p = text;

	buf_adds(out, indent);
	col = strlen(indent);
	while (*p != '\0') {
		const char *end = p;
		size_t w;

		while (*end != '\0' && *end != ' ' && *end != '\n')
			end++;
		w = (size_t)(end - p);
		if (col > strlen(indent) && col + 1 + w > 78) {
			buf_addc(out, '\n');
			buf_adds(out, indent);
			col = strlen(indent);
		} else if (col > strlen(indent)) {
			buf_addc(out, ' ');
			col++;
		}
		buf_add(out, p, w);
		col += w;
		p = end;
		while (*p == ' ' || *p == '\n')
			p++;
	}
	buf_addc(out, '\n');
}

static void
text_table(struct buf *out, const struct rtable *t)
{
	size_t *w = calloc(t->ncols, sizeof(*w));

	if (w == NULL)
		return;
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = width(t->headers[c]);
		for (size_t r = 0; r < t->nrows; r++)
			if (width(cell_at(t, r, c)->text) > w[c])
				w[c] = width(cell_at(t, r, c)->text);
	}
	if (t->caption != NULL)
		buf_addf(out, "%s\n", t->caption);
	for (size_t c = 0; c < t->ncols; c++) {
		buf_adds(out, t->headers[c]);
		if (c + 1 < t->ncols)
			pad(out, w[c] - width(t->headers[c]) + 2);
	}
	buf_addc(out, '\n');
	for (size_t c = 0; c < t->ncols; c++) {
		for (size_t i = 0; i < w[c]; i++)
			buf_addc(out, '-');
		if (c + 1 < t->ncols)
			buf_adds(out, "  ");
	}
	buf_addc(out, '\n');
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = cell_at(t, r, c)->text;
			size_t gap = w[c] - width(s);

			if (t->numeric[c])
				pad(out, gap);
			buf_adds(out, s);
			if (c + 1 < t->ncols)
				pad(out, (t->numeric[c] ? 0 : gap) + 2);
		}
		buf_addc(out, '\n');
	}
	free(w);
}

static void
write_text(const struct rdoc *d, struct buf *out)
{
	buf_addf(out, "%s\n", d->title);
	for (size_t i = 0; i < width(d->title); i++)
		buf_addc(out, '=');
	buf_addc(out, '\n');
	for (size_t i = 0; i < d->nmeta; i += 2)
		buf_addf(out, "%s: %s\n", d->meta[i], d->meta[i + 1]);
	for (const struct block *b = d->first; b != NULL; b = b->next) {
		switch (b->kind) {
		case B_HEADING:
			buf_addf(out, "\n%s\n", b->text);
			for (size_t i = 0; i < width(b->text); i++)
				buf_addc(out, b->level == 2 ? '-' : '.');
			buf_addc(out, '\n');
			break;
		case B_PARA:
			buf_addc(out, '\n');
			wrapped(out, b->text, "");
			break;
		case B_LIST:
			buf_addc(out, '\n');
			break;
		case B_ITEM:
			wrapped(out, b->text, "  - ");
			break;
		case B_FIGURE:
			buf_addf(out, "\n[figure: %s]\n", b->text);
			break;
		case B_TABLE:
			buf_addc(out, '\n');
			text_table(out, b->table);
			break;
		}
	}
}

/* ---- Markdown ----------------------------------------------------------- */

static void
md_escape(struct buf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '|' || *s == '\\' || *s == '*' || *s == '_' || *s == '`' || *s == '[' ||
		    *s == ']' || *s == '<')
			buf_addc(out, '\\');
		buf_addc(out, *s == '\n' ? ' ' : *s);
	}
}

static void
write_md(const struct rdoc *d, struct buf *out)
{
	buf_adds(out, "# ");
	md_escape(out, d->title);
	buf_addc(out, '\n');
	if (d->nmeta > 0)
		buf_addc(out, '\n');
	for (size_t i = 0; i < d->nmeta; i += 2) {
		buf_adds(out, "**");
		md_escape(out, d->meta[i]);
		buf_adds(out, ":** ");
		md_escape(out, d->meta[i + 1]);
		buf_adds(out, i + 2 < d->nmeta ? "  \n" : "\n");
	}
	for (const struct block *b = d->first; b != NULL; b = b->next) {
		switch (b->kind) {
		case B_HEADING:
			buf_addf(out, "\n%s ", b->level == 2 ? "##" : "###");
			md_escape(out, b->text);
			buf_addc(out, '\n');
			break;
		case B_PARA:
			buf_addc(out, '\n');
			md_escape(out, b->text);
			buf_addc(out, '\n');
			break;
		case B_LIST:
			buf_addc(out, '\n');
			break;
		case B_ITEM:
			buf_adds(out, "- ");
			md_escape(out, b->text);
			buf_addc(out, '\n');
			break;
		case B_FIGURE:
			buf_adds(out, "\n*Figure: ");
			md_escape(out, b->text);
			buf_adds(out, "*\n");
			break;
		case B_TABLE: {
			const struct rtable *t = b->table;

			if (t->caption != NULL) {
				buf_adds(out, "\n**");
				md_escape(out, t->caption);
				buf_adds(out, "**\n");
			}
			buf_adds(out, "\n|");
			for (size_t c = 0; c < t->ncols; c++) {
				buf_addc(out, ' ');
				md_escape(out, t->headers[c]);
				buf_adds(out, " |");
			}
			buf_adds(out, "\n|");
			for (size_t c = 0; c < t->ncols; c++)
				buf_adds(out, t->numeric[c] ? "---:|" : "---|");
			buf_addc(out, '\n');
			for (size_t r = 0; r < t->nrows; r++) {
				buf_addc(out, '|');
				for (size_t c = 0; c < t->ncols; c++) {
					const struct cell *cl = cell_at(t, r, c);

					buf_addc(out, ' ');
					if (cl->tag != NULL)
						buf_adds(out, "**");
					md_escape(out, cl->text);
					if (cl->tag != NULL)
						buf_adds(out, "**");
					buf_adds(out, " |");
				}
				buf_addc(out, '\n');
			}
			break;
		}
		}
	}
}

/* ---- HTML --------------------------------------------------------------- */

static const char *
tag_class(const char *tag)
{
	static const char *const known[] = { "red", "amber", "green", "grey", "blue" };
	static const char *const classes[] = { "govuk-tag govuk-tag--red",
		"govuk-tag govuk-tag--orange", "govuk-tag govuk-tag--green",
		"govuk-tag govuk-tag--grey", "govuk-tag govuk-tag--blue" };

	for (size_t i = 0; i < WM_ARRAY_LEN(known); i++)
		if (strcmp(tag, known[i]) == 0)
			return classes[i];
	return "govuk-tag";
}

/* links: the web application's page, where a link cell's site address leads somewhere */
static void
html_table(struct html *h, const struct rtable *t, bool links)
{
	/* a wide table scrolls inside itself (app.css), so the keyboard must reach it */
	if (t->ncols >= 8)
		html_open(h, "table", "class", "govuk-table", "tabindex", "0", NULL);
	else
		html_open(h, "table", "class", "govuk-table", NULL);
	if (t->caption != NULL)
		html_elem(h, "caption", t->caption, "class", "govuk-table__caption govuk-table__caption--m",
		    NULL);
	html_open(h, "thead", "class", "govuk-table__head", NULL);
	html_open(h, "tr", "class", "govuk-table__row", NULL);
	for (size_t c = 0; c < t->ncols; c++)
		html_elem(h, "th", t->headers[c], "scope", "col", "class", t->numeric[c] ?
		    "govuk-table__header govuk-table__header--numeric" : "govuk-table__header", NULL);
	html_close(h, "tr");
	html_close(h, "thead");
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
	for (size_t r = 0; r < t->nrows; r++) {
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		for (size_t c = 0; c < t->ncols; c++) {
			const struct cell *cl = cell_at(t, r, c);

			html_open(h, "td", "class", t->numeric[c] ?
			    "govuk-table__cell govuk-table__cell--numeric" : "govuk-table__cell", NULL);
			if (cl->tag != NULL)
				html_elem(h, "strong", cl->text, "class", tag_class(cl->tag), NULL);
			else if (cl->href != NULL && links)
				html_elem(h, "a", cl->text, "href", cl->href, "class", "govuk-link", NULL);
			else
				html_text(h, cl->text);
			html_close(h, "td");
		}
		html_close(h, "tr");
	}
	html_close(h, "tbody");
	html_close(h, "table");
}

static void
write_html_body(const struct rdoc *d, struct html *h, bool links, bool titled)
{
	bool in_list = false;

	if (titled)
		html_elem(h, "h1", d->title, "class", "govuk-heading-l", NULL);
	if (d->nmeta > 0) {
		html_open(h, "dl", "class", "govuk-summary-list govuk-summary-list--no-border", NULL);
		for (size_t i = 0; i < d->nmeta; i += 2) {
			html_open(h, "div", "class", "govuk-summary-list__row", NULL);
			html_elem(h, "dt", d->meta[i], "class", "govuk-summary-list__key", NULL);
			html_elem(h, "dd", d->meta[i + 1], "class", "govuk-summary-list__value", NULL);
			html_close(h, "div");
		}
		html_close(h, "dl");
	}
	for (const struct block *b = d->first; b != NULL; b = b->next) {
		if (in_list && b->kind != B_ITEM) {
			html_close(h, "ul");
			in_list = false;
		}
		switch (b->kind) {
		case B_HEADING:
			html_elem(h, b->level == 2 ? "h2" : "h3", b->text, "class",
			    b->level == 2 ? "govuk-heading-m" : "govuk-heading-s", NULL);
			break;
		case B_PARA:
			html_elem(h, "p", b->text, "class", "govuk-body", NULL);
			break;
		case B_LIST:
		case B_ITEM:
			if (!in_list) {
				html_open(h, "ul", "class", "govuk-list govuk-list--bullet", NULL);
				in_list = true;
			}
			if (b->kind == B_ITEM)
				html_elem(h, "li", b->text, NULL);
			break;
		case B_FIGURE:
			html_open(h, "figure", "class", "wm-figure", NULL);
			html_trusted(h, b->svg);
			html_elem(h, "figcaption", b->text, "class", "govuk-body-s", NULL);
			html_close(h, "figure");
			break;
		case B_TABLE:
			html_table(h, b->table, links);
			break;
		}
	}
	if (in_list)
		html_close(h, "ul");
}

/* Enough style to print a committee paper without the web application's assets. */
static const char paper_css[] =
    "body{font-family:Arial,sans-serif;margin:2em;color:#0b0c0c;line-height:1.4}"
    "table{border-collapse:collapse;margin:1em 0;width:100%}"
    "caption{text-align:left;font-weight:bold;margin-bottom:.5em}"
    "th,td{border-bottom:1px solid #b1b4b6;padding:.4em .6em .4em 0;text-align:left;"
    "vertical-align:top}"
    ".govuk-table__header--numeric,.govuk-table__cell--numeric{text-align:right}"
    ".govuk-tag{font-weight:bold;padding:0 .3em}"
    ".govuk-tag--red{background:#f6d7d2;color:#942514}"
    ".govuk-tag--orange{background:#fcd6c3;color:#6e3619}"
    ".govuk-tag--green{background:#cce2d8;color:#005a30}"
    ".govuk-tag--grey{background:#eeefef;color:#383f43}"
    ".govuk-tag--blue{background:#d2e2f1;color:#144e81}"
    "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dd{margin:0}"
    "figure{margin:1em 0}svg.wm-chart{max-width:100%;height:auto}"
    "@media print{body{margin:0}a{color:inherit;text-decoration:none}}";

static void
write_html(const struct rdoc *d, struct buf *out, bool whole)
{
	struct html h;

	html_init(&h, out);
	if (whole) {
		buf_adds(out, "<!DOCTYPE html>\n");
		html_open(&h, "html", "lang", "en", NULL);
		html_open(&h, "head", NULL);
		html_void(&h, "meta", "charset", "utf-8", NULL);
		html_void(&h, "meta", "name", "viewport", "content", "width=device-width, initial-scale=1",
		    NULL);
		html_elem(&h, "title", d->title, NULL);
		html_open(&h, "style", NULL);
		html_trusted(&h, paper_css);
		html_close(&h, "style");
		html_close(&h, "head");
		html_open(&h, "body", NULL);
		html_open(&h, "main", NULL);
	}
	/* A whole document is a file of its own: a site's address would lead nowhere. */
	write_html_body(d, &h, !whole, true);
	if (whole) {
		html_close(&h, "main");
		html_close(&h, "body");
		html_close(&h, "html");
		buf_addc(out, '\n');
	}
}

void
rdoc_write_html_untitled(const struct rdoc *d, struct buf *out)
{
	struct html h;

	html_init(&h, out);
	write_html_body(d, &h, true, false);
}

const char *
rdoc_title(const struct rdoc *d)
{
	return d->title;
}

/* ---- CSV ---------------------------------------------------------------- */

static void
csv_cell(struct buf *out, const char *s, bool last)
{
	size_t len = strlen(s), need = len * 2 + 2;
	char *tmp = malloc(need + 1);

	if (tmp == NULL)
		return;
	need = csv_write(tmp, need, s, len);
	buf_add(out, tmp, need);
	free(tmp);
	buf_adds(out, last ? "\r\n" : ",");
}

static void
write_csv(const struct rdoc *d, struct buf *out)
{
	bool first = true;

	for (const struct block *b = d->first; b != NULL; b = b->next) {
		const struct rtable *t = b->table;

		if (b->kind != B_TABLE)
			continue;
		/* Several tables are separated by a blank line. */
		if (!first)
			buf_adds(out, "\r\n");
		first = false;
		for (size_t c = 0; c < t->ncols; c++)
			csv_cell(out, t->headers[c], c + 1 == t->ncols);
		for (size_t r = 0; r < t->nrows; r++)
			for (size_t c = 0; c < t->ncols; c++)
				csv_cell(out, cell_at(t, r, c)->plain ? cell_at(t, r, c)->plain :
				    cell_at(t, r, c)->text, c + 1 == t->ncols);
	}
}

/* ---- JSON --------------------------------------------------------------- */

static json_t *
doc_json(const struct rdoc *d)
{
	json_t *o = json_object(), *meta = json_object(), *blocks = json_array();

	json_object_set_new(o, "title", json_string(d->title));
	for (size_t i = 0; i < d->nmeta; i += 2)
		json_object_set_new(meta, d->meta[i], json_string(d->meta[i + 1]));
	json_object_set_new(o, "meta", meta);
	for (const struct block *b = d->first; b != NULL; b = b->next) {
		json_t *j = NULL;

		switch (b->kind) {
		case B_HEADING:
			j = json_pack("{s:s, s:s}", "heading", b->text, "level",
			    b->level == 2 ? "2" : "3");
			break;
		case B_PARA:
		case B_ITEM:
			j = json_pack("{s:s}", b->kind == B_PARA ? "paragraph" : "item", b->text);
			break;
		case B_LIST:
		case B_FIGURE:
			break;
		case B_TABLE: {
			const struct rtable *t = b->table;
			json_t *rows = json_array();

			for (size_t r = 0; r < t->nrows; r++) {
				json_t *row = json_object();

				for (size_t c = 0; c < t->ncols; c++) {
					const struct cell *cl = cell_at(t, r, c);

					/* a number a program reads: the number, unless it has a unit */
					json_object_set_new(row, t->headers[c], cl->is_num &&
					    !cl->has_unit ? json_real(cl->num) : cl->is_num ?
					    json_string(cl->plain) : json_string(cl->text));
				}
				json_array_append_new(rows, row);
			}
			j = json_pack("{s:s?, s:o}", "table", t->caption, "rows", rows);
			break;
		}
		}
		if (j != NULL)
			json_array_append_new(blocks, j);
	}
	json_object_set_new(o, "blocks", blocks);
	return o;
}

int
rdoc_write(const struct rdoc *d, enum rformat f, struct buf *out, struct wm_err *err)
{
	switch (f) {
	case RF_TEXT: write_text(d, out); break;
	case RF_MD: write_md(d, out); break;
	case RF_HTML: write_html(d, out, true); break;
	case RF_HTML_BODY: write_html(d, out, false); break;
	case RF_CSV: write_csv(d, out); break;
	case RF_JSON: {
		json_t *j = d->data != NULL ? json_incref(d->data) : doc_json(d);
		char *s = json_dumps(j, JSON_INDENT(2) | JSON_REAL_PRECISION(15));

		buf_adds(out, s ? s : "null");
		buf_addc(out, '\n');
		free(s);
		json_decref(j);
		break;
	}
	}
	if (out->failed)
		return wm_error(err, WM_ETOOBIG, "report too large");
	return 0;
}
