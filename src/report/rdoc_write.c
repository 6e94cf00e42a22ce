/*
 * rdoc_write.c: the report document as plain text, Markdown, HTML and CSV
 * (see rdoc.h). HTML goes through html.h, CSV through csvcell.h; text and
 * Markdown are laid out here. Paper shows numbers grouped (1,234.5, £12);
 * CSV writes them as they are (1234.5).
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/csvcell.h"
#include "base/str.h"
#include "report/html.h"
#include "report/rdoc_impl.h"

/* How a fact or a cell reads on paper. */
#define SHOWN(c, tmp) cell_text((c), true, (tmp), sizeof(tmp))

/* Is the fact shown under the title? */
static bool
fact_shown(const struct fact *f)
{
	return f->label != NULL && f->v.type != C_NULL;
}

/* ---- text ------------------------------------------------------------- */

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
			/* a list item's later lines stand under its text, not under a new bullet */
			buf_addc(out, '\n');
			pad(out, strlen(indent));
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

/* The last column shown, so no padding trails it. */
static size_t
last_shown(const struct rtable *t)
{
	size_t last = 0;

	for (size_t c = 0; c < t->ncols; c++)
		if (rcol_shown(t, c))
			last = c;
	return last;
}

static void
text_table(struct buf *out, const struct rtable *t)
{
	size_t *w = calloc(t->ncols + 1, sizeof(*w)), last = last_shown(t);
	char tmp[96];

	if (w == NULL)
		return;
	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = utf8_width(t->headers[c]);
		for (size_t r = 0; r < t->nrows; r++)
			if (rrow_shown(t, r) && utf8_width(SHOWN(rtable_at(t, r, c), tmp)) > w[c])
				w[c] = utf8_width(SHOWN(rtable_at(t, r, c), tmp));
	}
	if (t->caption != NULL)
		buf_addf(out, "%s\n", t->caption);
	for (size_t c = 0; c < t->ncols; c++) {
		if (!rcol_shown(t, c))
			continue;
		buf_adds(out, t->headers[c]);
		if (c < last)
			pad(out, w[c] - utf8_width(t->headers[c]) + 2);
	}
	buf_addc(out, '\n');
	for (size_t c = 0; c < t->ncols; c++) {
		if (!rcol_shown(t, c))
			continue;
		for (size_t i = 0; i < w[c]; i++)
			buf_addc(out, '-');
		if (c < last)
			buf_adds(out, "  ");
	}
	buf_addc(out, '\n');
	for (size_t r = 0; r < t->nrows; r++) {
		if (!rrow_shown(t, r))
			continue;
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = SHOWN(rtable_at(t, r, c), tmp);
			size_t gap = w[c] - utf8_width(s);
			bool num = t->flags[c] & RC_NUM;

			if (!rcol_shown(t, c))
				continue;
			if (num)
				pad(out, gap);
			buf_adds(out, s);
			if (c < last)
				pad(out, (num ? 0 : gap) + 2);
		}
		buf_addc(out, '\n');
	}
	free(w);
}

void
rdoc_write_text(const struct rdoc *d, struct buf *out)
{
	char tmp[96];

	if (d->header != NULL)
		buf_addf(out, "%s\n\n", d->header);
	buf_addf(out, "%s\n", d->title);
	for (size_t i = 0; i < utf8_width(d->title); i++)
		buf_addc(out, '=');
	buf_addc(out, '\n');
	for (size_t i = 0; i < d->nfacts; i++)
		if (fact_shown(&d->facts[i]))
			buf_addf(out, "%s: %s\n", d->facts[i].label, SHOWN(&d->facts[i].v, tmp));
	for (const struct block *b = d->first; b != NULL; b = b->next) {
		if (!block_on_paper(b))
			continue;
		switch (b->kind) {
		case B_HEADING:
			buf_addf(out, "\n%s\n", b->text);
			for (size_t i = 0; i < utf8_width(b->text); i++)
				buf_addc(out, b->level == 2 ? '-' : b->level == 3 ? '.' : '~');
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
		case B_BREAK:
			buf_adds(out, "\n\f\n");
			break;
		case B_TABLE:
			buf_addc(out, '\n');
			text_table(out, b->table);
			break;
		default:
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

void
rdoc_write_md(const struct rdoc *d, struct buf *out)
{
	char tmp[96];
	size_t shown = 0, nshown = 0;

	if (d->header != NULL) {
		md_escape(out, d->header);
		buf_adds(out, "\n\n");
	}
	buf_adds(out, "# ");
	md_escape(out, d->title);
	buf_addc(out, '\n');
	for (size_t i = 0; i < d->nfacts; i++)
		nshown += fact_shown(&d->facts[i]);
	if (nshown > 0)
		buf_addc(out, '\n');
	for (size_t i = 0; i < d->nfacts; i++) {
		if (!fact_shown(&d->facts[i]))
			continue;
		buf_adds(out, "**");
		md_escape(out, d->facts[i].label);
		buf_adds(out, ":** ");
		md_escape(out, SHOWN(&d->facts[i].v, tmp));
		buf_adds(out, ++shown < nshown ? "  \n" : "\n");
	}
	for (const struct block *b = d->first; b != NULL; b = b->next) {
		if (!block_on_paper(b))
			continue;
		switch (b->kind) {
		case B_HEADING:
			buf_addf(out, "\n%s ", b->level == 2 ? "##" : b->level == 3 ? "###" : "####");
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
		case B_BREAK:
			buf_adds(out, "\n---\n");
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
				if (!rcol_shown(t, c))
					continue;
				buf_addc(out, ' ');
				md_escape(out, t->headers[c]);
				buf_adds(out, " |");
			}
			buf_adds(out, "\n|");
			for (size_t c = 0; c < t->ncols; c++)
				if (rcol_shown(t, c))
					buf_adds(out, t->flags[c] & RC_NUM ? "---:|" : "---|");
			buf_addc(out, '\n');
			for (size_t r = 0; r < t->nrows; r++) {
				if (!rrow_shown(t, r))
					continue;
				buf_addc(out, '|');
				for (size_t c = 0; c < t->ncols; c++) {
					const struct cell *cl = rtable_at(t, r, c);

					if (!rcol_shown(t, c))
						continue;
					buf_addc(out, ' ');
					if (cl->tag != NULL)
						buf_adds(out, "**");
					md_escape(out, SHOWN(cl, tmp));
					if (cl->tag != NULL)
						buf_adds(out, "**");
					buf_adds(out, " |");
				}
				buf_addc(out, '\n');
			}
			break;
		}
		default:
			break;
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
	char tmp[96];

	size_t shown = 0;

	for (size_t c = 0; c < t->ncols; c++)
		shown += rcol_shown(t, c);
	/* a wide table scrolls inside itself (app.css), so the keyboard must reach it */
	if (shown >= 8)
		html_open(h, "table", "class", "govuk-table", "tabindex", "0", NULL);
	else
		html_open(h, "table", "class", "govuk-table", NULL);
	if (t->caption != NULL)
		html_elem(h, "caption", t->caption, "class", "govuk-table__caption govuk-table__caption--m",
		    NULL);
	html_open(h, "thead", "class", "govuk-table__head", NULL);
	html_open(h, "tr", "class", "govuk-table__row", NULL);
	for (size_t c = 0; c < t->ncols; c++) {
		const char *cls = t->flags[c] & RC_NUM ?
		    "govuk-table__header govuk-table__header--numeric" : "govuk-table__header";

		if (!rcol_shown(t, c))
			continue;
		if (!links || t->header_hrefs == NULL || t->header_hrefs[c] == NULL) {
			html_elem(h, "th", t->headers[c], "scope", "col", "class", cls, NULL);
			continue;
		}
		/* a list's header sorts it (http/list.c); aria-sort on the column it is sorted by */
		html_open(h, "th", "scope", "col", "class", cls, "aria-sort", t->sorted[c] > 0 ?
		    "ascending" : t->sorted[c] < 0 ? "descending" : NULL, NULL);
		html_elem(h, "a", t->headers[c], "href", t->header_hrefs[c], "class",
		    "govuk-link wm-sort", NULL);
		html_close(h, "th");
	}
	html_close(h, "tr");
	html_close(h, "thead");
	html_open(h, "tbody", "class", "govuk-table__body", NULL);
	for (size_t r = 0; r < t->nrows; r++) {
		if (!rrow_shown(t, r))
			continue;
		html_open(h, "tr", "class", "govuk-table__row", NULL);
		for (size_t c = 0; c < t->ncols; c++) {
			const struct cell *cl = rtable_at(t, r, c);
			const char *text = SHOWN(cl, tmp);

			if (!rcol_shown(t, c))
				continue;
			html_open(h, "td", "class", t->flags[c] & RC_NUM ?
			    "govuk-table__cell govuk-table__cell--numeric" : "govuk-table__cell", NULL);
			if (cl->tag != NULL)
				html_elem(h, "strong", text, "class", tag_class(cl->tag), NULL);
			else if (cl->href != NULL && links)
				html_elem(h, "a", text, "href", cl->href, "class", "govuk-link", NULL);
			else
				html_text(h, text);
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
	size_t nshown = 0;
	char tmp[96];

	if (titled && d->header != NULL) {
		html_open(h, "p", "class", "wm-paper-header govuk-body-l", NULL);
		if (d->logo != NULL) {
			struct buf src = BUF_INIT;

			buf_adds(&src, "data:image/png;base64,");
			buf_add_base64(&src, d->logo, d->logo_len);
			html_void(h, "img", "src", buf_str(&src), "alt", "", "class", "wm-logo", NULL);
			buf_release(&src);
		}
		html_text(h, d->header);
		html_close(h, "p");
	}
	if (titled)
		html_elem(h, "h1", d->title, "class", "govuk-heading-l", NULL);
	for (size_t i = 0; i < d->nfacts; i++)
		nshown += fact_shown(&d->facts[i]);
	if (nshown > 0) {
		html_open(h, "dl", "class", "govuk-summary-list govuk-summary-list--no-border", NULL);
		for (size_t i = 0; i < d->nfacts; i++) {
			if (!fact_shown(&d->facts[i]))
				continue;
			html_open(h, "div", "class", "govuk-summary-list__row", NULL);
			html_elem(h, "dt", d->facts[i].label, "class", "govuk-summary-list__key", NULL);
			html_elem(h, "dd", SHOWN(&d->facts[i].v, tmp), "class",
			    "govuk-summary-list__value", NULL);
			html_close(h, "div");
		}
		html_close(h, "dl");
	}
	for (const struct block *b = d->first; b != NULL; b = b->next) {
		if (!block_on_paper(b))
			continue;
		if (in_list && b->kind != B_ITEM) {
			html_close(h, "ul");
			in_list = false;
		}
		switch (b->kind) {
		case B_HEADING:
			html_elem(h, b->level == 2 ? "h2" : b->level == 3 ? "h3" : "h4", b->text, "class",
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
		case B_BREAK:
			html_open(h, "div", "class", "wm-page-break", NULL);
			html_close(h, "div");
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
		default:
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
    /* the title block: the title, its facts, a rule */
    "main>h1{margin-bottom:.4em}main>dl{border-bottom:2px solid #1d70b8;padding-bottom:.6em;"
    "margin-bottom:1em}"
    /* printed: A4, the header row on every page, a row never split, no link addresses */
    "@page{size:A4;margin:2cm 2cm 2.2cm 2cm;@bottom-right{content:\"Page \" counter(page) "
    "\" of \" counter(pages);font:8pt Arial,sans-serif;color:#505a5f}}"
    "@media print{body{margin:0;font-size:10pt}h1{font-size:18pt}h2{font-size:13pt}"
    "h3{font-size:11pt}table{font-size:8.5pt}thead{display:table-header-group}"
    "tr,figure,dl{break-inside:avoid}h2,h3,caption{break-after:avoid}"
    "a{color:inherit;text-decoration:none}a[href]::after{content:none}"
    "svg.wm-chart{max-height:12cm}}"
    ".wm-page-break{break-before:page;border-top:1px dashed #b1b4b6;margin:2em 0}"
    ".wm-paper-header{font-weight:bold;color:#505a5f}.wm-logo{height:3em;vertical-align:middle;"
    "margin-right:.6em}@media print{.wm-page-break{border:0;margin:0}}";

/*
 * The title in the printed page's footer: a CSS string whose every
 * character but letters and digits is a CSS escape, so nothing in a title
 * can end the string or the style sheet.
 */
static void
footer_css(struct buf *out, const char *title)
{
	buf_adds(out, "@page{@bottom-left{content:\"");
	for (const unsigned char *s = (const unsigned char *)title; *s != '\0'; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')) {
			buf_addc(out, *s);
		} else if (*s < 0x80) {
			buf_addf(out, "\\%x ", *s);
		} else {
			/* a UTF-8 sequence: the code point it spells */
			unsigned cp = *s, n = *s >= 0xF0 ? 3 : *s >= 0xE0 ? 2 : *s >= 0xC0 ? 1 : 0;

			cp &= n == 3 ? 0x07 : n == 2 ? 0x0F : n == 1 ? 0x1F : 0;
			for (unsigned k = 0; k < n && (s[1] & 0xC0) == 0x80; k++)
				cp = (cp << 6) | (*++s & 0x3F);
			if (cp > 0)
				buf_addf(out, "\\%x ", cp);
		}
	}
	buf_adds(out, "\";font:8pt Arial,sans-serif;color:#505a5f}}");
}

void
rdoc_write_html(const struct rdoc *d, struct buf *out, bool whole)
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
		{
			struct buf foot = BUF_INIT;

			footer_css(&foot, d->title);
			html_trusted(&h, buf_str(&foot));
			buf_release(&foot);
		}
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

/* ---- CSV ---------------------------------------------------------------- */

static void
csv_cell(struct buf *out, const char *s, bool last)
{
	csv_cell_add(out, s);
	buf_adds(out, last ? "\r\n" : ",");
}

void
rdoc_write_csv(const struct rdoc *d, struct buf *out)
{
	bool first = true;
	char tmp[96];

	for (const struct block *b = d->first; b != NULL; b = b->next) {
		const struct rtable *t = b->table;

		if (b->kind != B_TABLE || !block_on_paper(b))
			continue;
		/* Several tables are separated by a blank line. */
		if (!first)
			buf_adds(out, "\r\n");
		first = false;
		for (size_t c = 0; c < t->ncols; c++)
			if (rcol_shown(t, c))
				csv_cell(out, t->headers[c], c == last_shown(t));
		for (size_t r = 0; r < t->nrows; r++)
			for (size_t c = 0; c < t->ncols; c++)
				if (rcol_shown(t, c) && rrow_shown(t, r))
					csv_cell(out, cell_text(rtable_at(t, r, c), false, tmp, sizeof(tmp)),
					    c == last_shown(t));
	}
}

