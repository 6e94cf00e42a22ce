/*
 * rdoc_odt.c: the report document as OpenDocument text (ODF 1.3), the
 * same paper as the Word one (rdoc_docx.c) for LibreOffice's own format.
 *
 * Headings are text:h with their outline level in the standard Heading 1
 * and 2 styles; tables have a header row that repeats on each page; a
 * number is a float cell, a status a shaded cell with its words; charts
 * are PNG pictures (svgdraw.h); the footer holds the page number and the
 * page count as fields. A4, 2 cm margins.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "report/package.h"
#include "report/rdoc_impl.h"
#include "report/svgdraw.h"

#define CHART_PX 1600
#define CONTENT_CM 17.0

static const char *const ns[][2] = {
	{ "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
	{ "xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
	{ "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
	{ "xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
	{ "xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
	{ "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
	{ "xmlns:xlink", "http://www.w3.org/1999/xlink" },
	{ "xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
	{ "xmlns:dc", "http://purl.org/dc/elements/1.1/" },
	{ "xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
};

static void
root(struct xw *x, const char *name)
{
	xw_start(x, name);
	for (size_t i = 0; i < WM_ARRAY_LEN(ns); i++)
		xw_attr(x, ns[i][0], ns[i][1]);
	xw_attr(x, "office:version", "1.3");
}

static void
p(struct xw *x, const char *style, const char *text)
{
	xw_start(x, "text:p");
	if (style != NULL)
		xw_attr(x, "text:style-name", style);
	/* a line break in the text is one in the paragraph */
	xw_lines(x, text, xw_text, "text:line-break");
	xw_end(x);
}

static void column_styles(struct xw *x, const struct rdoc *d);


/* The cell and paragraph styles the content uses: one per status colour, and the columns'. */
static void
automatic_styles(struct xw *x, const struct rdoc *d)
{
	xw_start(x, "office:automatic-styles");
	column_styles(x, d);
	xw_start(x, "style:style");
	xw_attr(x, "style:name", "Tbl");
	xw_attr(x, "style:family", "table");
	xw_empty(x, "style:table-properties", "style:width", "17cm", "table:align", "margins",
	    NULL);
	xw_end(x);
	xw_start(x, "style:style");
	xw_attr(x, "style:name", "Cell");
	xw_attr(x, "style:family", "table-cell");
	xw_empty(x, "style:table-cell-properties", "fo:padding", "0.06cm", "fo:border",
	    "0.5pt solid #b1b4b6", NULL);
	xw_end(x);
	xw_start(x, "style:style");
	xw_attr(x, "style:name", "Head");
	xw_attr(x, "style:family", "table-cell");
	xw_empty(x, "style:table-cell-properties", "fo:padding", "0.06cm", "fo:border",
	    "0.5pt solid #b1b4b6", "fo:background-color", "#f3f2f1", NULL);
	xw_end(x);
	for (int i = 0; rtag_at(i) != NULL; i++) {
		const struct rtag *tg = rtag_at(i);
		char name[32], bg[8], fg[8];

		snprintf(bg, sizeof(bg), "#%06x", tg->bg);
		snprintf(fg, sizeof(fg), "#%06x", tg->fg);
		snprintf(name, sizeof(name), "Cell_%s", tg->name);
		xw_start(x, "style:style");
		xw_attr(x, "style:name", name);
		xw_attr(x, "style:family", "table-cell");
		xw_empty(x, "style:table-cell-properties", "fo:padding", "0.06cm", "fo:border",
		    "0.5pt solid #b1b4b6", "fo:background-color", bg, NULL);
		xw_end(x);
		snprintf(name, sizeof(name), "P_%s", tg->name);
		xw_start(x, "style:style");
		xw_attr(x, "style:name", name);
		xw_attr(x, "style:family", "paragraph");
		xw_attr(x, "style:parent-style-name", "Table_20_Contents");
		xw_empty(x, "style:text-properties", "fo:color", fg, "fo:font-weight",
		    "bold", NULL);
		xw_end(x);
	}
	xw_start(x, "style:style");
	xw_attr(x, "style:name", "P_num");
	xw_attr(x, "style:family", "paragraph");
	xw_attr(x, "style:parent-style-name", "Table_20_Contents");
	xw_empty(x, "style:paragraph-properties", "fo:text-align", "end", NULL);
	xw_end(x);
	xw_start(x, "text:list-style");
	xw_attr(x, "style:name", "L1");
	xw_start(x, "text:list-level-style-bullet");
	xw_attr(x, "text:level", "1");
	xw_attr(x, "text:bullet-char", "\u2022");
	xw_start(x, "style:list-level-properties");
	xw_attr(x, "text:list-level-position-and-space-mode", "label-alignment");
	xw_empty(x, "style:list-level-label-alignment", "text:label-followed-by", "listtab",
	    "fo:text-indent", "-0.6cm", "fo:margin-left", "0.6cm", NULL);
	xw_end(x);
	xw_end(x);
	xw_end(x);
	xw_end(x);
}

static void
facts(struct xw *x, const struct rdoc *d)
{
	char tmp[96];

	for (size_t i = 0; i < d->nfacts; i++) {
		const struct fact *f = &d->facts[i];

		if (f->label == NULL || f->v.type == C_NULL)
			continue;
		xw_start(x, "text:p");
		xw_attr(x, "text:style-name", "Fact");
		xw_start(x, "text:span");
		xw_attr(x, "text:style-name", "Strong_20_Emphasis");
		xw_text(x, f->label);
		xw_text(x, ": ");
		xw_end(x);
		xw_text(x, cell_text(&f->v, true, tmp, sizeof(tmp)));
		xw_end(x);
	}
}

static void
table_cell(struct xw *x, const struct rtable *t, size_t c, const struct cell *cl)
{
	int k = cl != NULL ? rtag_index(cl->tag) : -1;
	char style[32], tmp[96];

	xw_start(x, "table:table-cell");
	if (cl == NULL)
		snprintf(style, sizeof(style), "Head");
	else if (k >= 0)
		snprintf(style, sizeof(style), "Cell_%s", rtag_at(k)->name);
	else
		snprintf(style, sizeof(style), "Cell");
	xw_attr(x, "table:style-name", style);
	if (cl != NULL && cl->type == C_NUM) {
		char v[64];

		snprintf(v, sizeof(v), "%.15g", cl->num);
		xw_attr(x, "office:value-type", "float");
		xw_attr(x, "office:value", v);
	} else {
		xw_attr(x, "office:value-type", "string");
	}
	if (cl == NULL)
		p(x, "Table_20_Heading", t->headers[c]);
	else if (k >= 0) {
		char ps[32];

		snprintf(ps, sizeof(ps), "P_%s", rtag_at(k)->name);
		p(x, ps, cell_text(cl, true, tmp, sizeof(tmp)));
	}
	else
		p(x, t->flags[c] & RC_NUM ? "P_num" : "Table_20_Contents", cell_text(cl, true, tmp,
		    sizeof(tmp)));
	xw_end(x);
}

/*
 * The columns' widths, as automatic styles of their own: "T3.2" is the
 * third table's second column. Written before the body, which uses them.
 */
static void
column_styles(struct xw *x, const struct rdoc *d)
{
	int n = 0;

	for (const struct block *b = d->first; b != NULL; b = b->next) {
		const struct rtable *t = b->table;
		double *share;
		size_t shown = 0;

		if (b->kind != B_TABLE || !block_on_paper(b))
			continue;
		n++;
		for (size_t c = 0; c < t->ncols; c++)
			shown += rcol_shown(t, c);
		if ((share = calloc(t->ncols + 1, sizeof(*share))) == NULL)
			continue;
		rtable_shares(t, 85, share);
		for (size_t k = 0; k < shown; k++) {
			xw_start(x, "style:style");
			xw_attrf(x, "style:name", "T%d.%zu", n, k + 1);
			xw_attr(x, "style:family", "table-column");
			xw_start(x, "style:table-column-properties");
			xw_attrf(x, "style:column-width", "%.3fcm", share[k] * CONTENT_CM);
			xw_attrf(x, "style:rel-column-width", "%d*", (int)(share[k] * 10000) + 1);
			xw_end(x);
			xw_end(x);
		}
		free(share);
	}
}

static void
table(struct xw *x, const struct rtable *t, int n)
{
	size_t shown = 0;

	for (size_t c = 0; c < t->ncols; c++)
		shown += rcol_shown(t, c);
	if (t->caption != NULL)
		p(x, "Table", t->caption);
	xw_start(x, "table:table");
	xw_attrf(x, "table:name", "Table%d", n);
	xw_attr(x, "table:style-name", "Tbl");
	for (size_t k = 0; k < shown; k++) {
		xw_start(x, "table:table-column");
		xw_attrf(x, "table:style-name", "T%d.%zu", n, k + 1);
		xw_end(x);
	}
	xw_start(x, "table:table-header-rows");
	xw_start(x, "table:table-row");
	for (size_t c = 0; c < t->ncols; c++)
		if (rcol_shown(t, c))
			table_cell(x, t, c, NULL);
	xw_end(x);
	xw_end(x);
	for (size_t r = 0; r < t->nrows; r++) {
		if (!rrow_shown(t, r))
			continue;
		xw_start(x, "table:table-row");
		for (size_t c = 0; c < t->ncols; c++)
			if (rcol_shown(t, c))
				table_cell(x, t, c, rtable_at(t, r, c));
		xw_end(x);
	}
	xw_end(x);
}

/* A picture in a paragraph of its own, w by h centimetres, Pictures/NAME in the package. */
static int
picture(struct xw *x, struct pkg *pkg, struct buf *manifest, const void *png, size_t len,
    const char *file, double w, double h, const char *descr, struct wm_err *err)
{
	char name[96];
	int rc;

	snprintf(name, sizeof(name), "Pictures/%s", file);
	if ((rc = pkg_add(pkg, name, png, len, true, err)) != 0)
		return rc;
	buf_addf(manifest, "<manifest:file-entry manifest:full-path=\"%s\" "
	    "manifest:media-type=\"image/png\"/>", name);
	xw_start(x, "text:p");
	xw_attr(x, "text:style-name", "Figure");
	xw_start(x, "draw:frame");
	xw_attr(x, "draw:name", file);
	xw_attr(x, "text:anchor-type", "as-char");
	xw_attrf(x, "svg:width", "%.2fcm", w);
	xw_attrf(x, "svg:height", "%.2fcm", h);
	xw_start(x, "draw:image");
	xw_attr(x, "xlink:href", name);
	xw_attr(x, "xlink:type", "simple");
	xw_attr(x, "xlink:show", "embed");
	xw_attr(x, "xlink:actuate", "onLoad");
	xw_end(x);
	xw_start(x, "svg:desc");
	xw_text(x, descr);
	xw_end(x);
	xw_end(x);
	xw_end(x);
	return 0;
}

static int
figure(struct xw *x, struct pkg *pkg, struct buf *manifest, const struct block *b, int n,
    struct wm_err *err)
{
	struct buf png = BUF_INIT;
	char file[32];
	int h, rc;

	if (svgdraw_png(b->svg, CHART_PX, &png, &h, NULL) != 0) {
		buf_release(&png);
		p(x, "Caption", b->text);
		return 0;
	}
	snprintf(file, sizeof(file), "chart%d.png", n);
	rc = picture(x, pkg, manifest, png.s, png.len, file, CONTENT_CM,
	    CONTENT_CM * h / CHART_PX, b->text, err);
	buf_release(&png);
	if (rc == 0)
		p(x, "Caption", b->text);
	return rc;
}

/* Above the title: the body's logo (2 cm high) and its name. */
static int
header(struct xw *x, struct pkg *pkg, struct buf *manifest, const struct rdoc *d,
    struct wm_err *err)
{
	long w, h;
	int rc = 0;

	if (d->logo != NULL && png_size(d->logo, d->logo_len, &w, &h))
		rc = picture(x, pkg, manifest, d->logo, d->logo_len, "logo.png", 2.0 * w / h, 2,
		    "Logo", err);
	if (rc == 0 && d->header != NULL)
		p(x, "Header", d->header);
	return rc;
}

static int
content(struct pkg *pkg, const struct rdoc *d, struct buf *manifest, struct wm_err *err)
{
	struct xw x;
	bool in_list = false;
	int ntables = 0, nfigures = 0, rc = 0;

	xw_new(&x);
	root(&x, "office:document-content");
	automatic_styles(&x, d);
	xw_start(&x, "office:body");
	xw_start(&x, "office:text");
	rc = header(&x, pkg, manifest, d, err);
	p(&x, "Title", d->title);
	facts(&x, d);
	for (const struct block *b = d->first; b != NULL && rc == 0; b = b->next) {
		if (!block_on_paper(b))
			continue;
		if (in_list && b->kind != B_ITEM) {
			xw_end(&x);
			in_list = false;
		}
		switch (b->kind) {
		case B_HEADING:
			xw_start(&x, "text:h");
			xw_attr(&x, "text:style-name", b->level == 2 ? "Heading_20_1" : b->level == 3 ?
			    "Heading_20_2" : "Heading_20_3");
			xw_attr(&x, "text:outline-level", b->level == 2 ? "1" : b->level == 3 ? "2" : "3");
			xw_text(&x, b->text);
			xw_end(&x);
			break;
		case B_PARA:
			p(&x, "Text_20_body", b->text);
			break;
		case B_ITEM:
			if (!in_list) {
				xw_start(&x, "text:list");
				xw_attr(&x, "text:style-name", "L1");
				in_list = true;
			}
			xw_start(&x, "text:list-item");
			p(&x, "List_20_Bullet", b->text);
			xw_end(&x);
			break;
		case B_FIGURE:
			rc = figure(&x, pkg, manifest, b, ++nfigures, err);
			break;
		case B_BREAK:
			p(&x, "Break", "");
			break;
		case B_TABLE:
			table(&x, b->table, ++ntables);
			break;
		default:
			break;
		}
	}
	if (in_list)
		xw_end(&x);
	xw_end(&x);
	xw_end(&x);
	xw_end(&x);
	if (rc != 0) {
		xmlFreeTextWriter(x.w);
		xmlBufferFree(x.buf);
		return rc;
	}
	return xw_add(&x, pkg, "content.xml", err);
}

static void
para_style(struct xw *x, const char *name, const char *display, const char *parent,
    const char *size, bool bold, const char *level)
{
	xw_start(x, "style:style");
	xw_attr(x, "style:name", name);
	xw_attr(x, "style:display-name", display);
	xw_attr(x, "style:family", "paragraph");
	if (parent != NULL)
		xw_attr(x, "style:parent-style-name", parent);
	if (level != NULL) {
		xw_attr(x, "style:default-outline-level", level);
		xw_attr(x, "style:next-style-name", "Text_20_body");
	}
	xw_empty(x, "style:paragraph-properties", "fo:margin-top", level ? "0.35cm" : "0cm",
	    "fo:margin-bottom", "0.2cm", "fo:keep-with-next", level || strcmp(name, "Table") == 0 ?
	    "always" : "auto", NULL);
	xw_start(x, "style:text-properties");
	xw_attr(x, "style:font-name", "Arial");
	xw_attr(x, "fo:font-family", "Arial");
	xw_attr(x, "fo:font-size", size);
	if (bold)
		xw_attr(x, "fo:font-weight", "bold");
	xw_end(x);
	xw_end(x);
}

/* The named styles, the A4 page and its footer with the page number and count. */
static int
styles(struct pkg *pkg, const struct rdoc *d, struct wm_err *err)
{
	struct xw x;

	xw_new(&x);
	root(&x, "office:document-styles");
	xw_start(&x, "office:styles");
	para_style(&x, "Standard", "Standard", NULL, "10.5pt", false, NULL);
	para_style(&x, "Text_20_body", "Text body", "Standard", "10.5pt", false, NULL);
	para_style(&x, "Title", "Title", "Standard", "18pt", true, NULL);
	para_style(&x, "Heading_20_1", "Heading 1", "Standard", "14pt", true, "1");
	para_style(&x, "Heading_20_2", "Heading 2", "Standard", "12pt", true, "2");
	para_style(&x, "Heading_20_3", "Heading 3", "Standard", "10.5pt", true, "3");
	para_style(&x, "Fact", "Fact", "Standard", "10pt", false, NULL);
	para_style(&x, "List_20_Bullet", "List Bullet", "Standard", "10.5pt", false, NULL);
	para_style(&x, "Table", "Table", "Standard", "9.5pt", true, NULL);
	para_style(&x, "Caption", "Caption", "Standard", "9pt", false, NULL);
	para_style(&x, "Figure", "Figure", "Standard", "10pt", false, NULL);
	para_style(&x, "Table_20_Contents", "Table Contents", "Standard", "8.5pt", false, NULL);
	para_style(&x, "Table_20_Heading", "Table Heading", "Table_20_Contents", "8.5pt", true,
	    NULL);
	para_style(&x, "Footer", "Footer", "Standard", "8pt", false, NULL);
	para_style(&x, "Header", "Header", "Standard", "11pt", true, NULL);
	xw_start(&x, "style:style");
	xw_attr(&x, "style:name", "Break");
	xw_attr(&x, "style:family", "paragraph");
	xw_attr(&x, "style:parent-style-name", "Standard");
	xw_empty(&x, "style:paragraph-properties", "fo:break-before", "page", NULL);
	xw_end(&x);
	xw_start(&x, "style:style");
	xw_attr(&x, "style:name", "Strong_20_Emphasis");
	xw_attr(&x, "style:display-name", "Strong Emphasis");
	xw_attr(&x, "style:family", "text");
	xw_empty(&x, "style:text-properties", "fo:font-weight", "bold", NULL);
	xw_end(&x);
	xw_end(&x);
	xw_start(&x, "office:automatic-styles");
	xw_start(&x, "style:page-layout");
	xw_attr(&x, "style:name", "A4");
	xw_empty(&x, "style:page-layout-properties", "fo:page-width", "21cm", "fo:page-height",
	    "29.7cm", "style:print-orientation", "portrait", "fo:margin-top", "2cm",
	    "fo:margin-bottom", "1.5cm", "fo:margin-left", "2cm", "fo:margin-right", "2cm", NULL);
	xw_start(&x, "style:footer-style");
	xw_empty(&x, "style:header-footer-properties", "fo:min-height", "0.6cm",
	    "fo:margin-top", "0.3cm", NULL);
	xw_end(&x);
	xw_end(&x);
	xw_end(&x);
	xw_start(&x, "office:master-styles");
	xw_start(&x, "style:master-page");
	xw_attr(&x, "style:name", "Standard");
	xw_attr(&x, "style:page-layout-name", "A4");
	xw_start(&x, "style:footer");
	xw_start(&x, "text:p");
	xw_attr(&x, "text:style-name", "Footer");
	xw_text(&x, d->title);
	xw_text(&x, " \u2014 Page ");
	xw_start(&x, "text:page-number");
	xw_attr(&x, "text:select-page", "current");
	xw_text(&x, "1");
	xw_end(&x);
	xw_text(&x, " of ");
	xw_start(&x, "text:page-count");
	xw_text(&x, "1");
	xw_end(&x);
	xw_end(&x);
	xw_end(&x);
	xw_end(&x);
	xw_end(&x);
	xw_end(&x);
	return xw_add(&x, pkg, "styles.xml", err);
}

static int
meta(struct pkg *pkg, const struct rdoc *d, struct wm_err *err)
{
	struct xw x;

	xw_new(&x);
	root(&x, "office:document-meta");
	xw_start(&x, "office:meta");
	xw_start(&x, "dc:title");
	xw_text(&x, d->title);
	xw_end(&x);
	xw_start(&x, "meta:generator");
	xw_text(&x, "Waymark");
	xw_end(&x);
	xw_end(&x);
	xw_end(&x);
	return xw_add(&x, pkg, "meta.xml", err);
}

int
rdoc_write_odt(const struct rdoc *d, struct buf *out, struct wm_err *err)
{
	static const char mimetype[] = "application/vnd.oasis.opendocument.text";
	struct pkg *pkg = pkg_new(err);
	struct buf manifest = BUF_INIT, pictures = BUF_INIT;
	int rc;

	if (pkg == NULL)
		return WM_EINTERNAL;
	/* the mimetype first and stored, as ODF requires, so a reader can tell what it is */
	if ((rc = pkg_add(pkg, "mimetype", mimetype, strlen(mimetype), true, err)) != 0 ||
	    (rc = content(pkg, d, &pictures, err)) != 0 || (rc = styles(pkg, d, err)) != 0 ||
	    (rc = meta(pkg, d, err)) != 0)
		goto fail;
	buf_addf(&manifest, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
	    " manifest:version=\"1.3\">"
	    "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" "
	    "manifest:media-type=\"%s\"/>"
	    "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
	    "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
	    "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
	    "%s</manifest:manifest>", mimetype, buf_str(&pictures));
	if ((rc = pkg_add(pkg, "META-INF/manifest.xml", manifest.s, manifest.len, false,
	    err)) != 0)
		goto fail;
	buf_release(&manifest);
	buf_release(&pictures);
	return pkg_finish(pkg, out, err);
fail:
	buf_release(&manifest);
	buf_release(&pictures);
	pkg_free(pkg);
	return rc;
}
