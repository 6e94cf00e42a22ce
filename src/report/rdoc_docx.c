/*
 * rdoc_docx.c: the report document as a Word document (WordprocessingML
 * in a zip: libzip and libxml2's writer, through package.h).
 *
 * Made to be edited by a clerk, so it uses Word's own structures: the
 * built-in Title, Heading 1 and Heading 2 styles (the navigation pane and
 * a table of contents find them), List Bullet, Caption, real tables whose
 * header row repeats on every page, a status as its words on cell shading,
 * numbers right-aligned, page numbers in the footer ("Page N of M" as
 * fields), charts as PNG pictures drawn by svgdraw.h. A4, 2 cm margins.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "report/package.h"
#include "report/rdoc_impl.h"
#include "report/svgdraw.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define CONTENT_TWIPS 9638	/* A4's 11906 less two margins of 1134 */
#define EMU_PER_TWIP 635
#define CHART_PX 1600

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
    "relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"png\" ContentType=\"image/png\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.numbering+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-"
    "package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.extended-properties+xml\"/>"
    "</Types>";

static const char package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"" REL_NS "\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
    "</Relationships>";

static const char app_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-"
    "properties\"><Application>Waymark</Application></Properties>";

/*
 * The styles: Word's built-in names (styleId Heading1 is "heading 1"), so
 * Word treats them as its own; Arial, as the seeds' papers are set.
 */
static const char styles_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"" W_NS "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" "
    "w:cs=\"Arial\" w:eastAsia=\"Arial\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>"
    "<w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing "
    "w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
    "</w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
    "<w:qFormat/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing "
    "w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
    "<w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>"
    "</w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
    "<w:keepLines/><w:spacing w:before=\"180\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/>"
    "</w:pPr><w:rPr><w:b/><w:sz w:val=\"24\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
    "<w:keepLines/><w:spacing w:before=\"120\" w:after=\"60\"/><w:outlineLvl w:val=\"2\"/>"
    "</w:pPr><w:rPr><w:b/><w:sz w:val=\"21\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
    "</w:pPr><w:rPr><w:b/><w:sz w:val=\"19\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing "
    "w:after=\"60\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
    "w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"17\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:rPr><w:sz w:val=\"16\"/></w:rPr></w:style>"
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal "
    "Table\"/><w:tblPr><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"57\" "
    "w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/>"
    "</w:tblCellMar></w:tblPr></w:style>"
    "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
    "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" "
    "w:sz=\"4\" w:space=\"0\" w:color=\"B1B4B6\"/><w:left w:val=\"single\" w:sz=\"4\" "
    "w:space=\"0\" w:color=\"B1B4B6\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
    "w:color=\"B1B4B6\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
    "w:color=\"B1B4B6\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
    "w:color=\"B1B4B6\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
    "w:color=\"B1B4B6\"/></w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/>"
    "<w:bottom w:w=\"40\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
    "</w:styles>";

static const char numbering_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:numbering xmlns:w=\"" W_NS "\"><w:abstractNum w:abstractNumId=\"0\">"
    "<w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
    "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u2022\"/><w:lvlJc w:val=\"left\"/>"
    "<w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

struct docx {
	struct pkg *pkg;
	struct xw x;
	int nimages;
	struct buf rels;	/* the images' relationships */
};

static void
wtext(struct xw *x, const char *text)
{
	xw_start(x, "w:t");
	xw_attr(x, "xml:space", "preserve");
	xw_text(x, text);
	xw_end(x);
}

static void
run(struct xw *x, const char *text, bool bold, const char *colour)
{
	xw_start(x, "w:r");
	if (bold || colour != NULL) {
		xw_start(x, "w:rPr");
		if (bold)
			xw_empty(x, "w:b", NULL);
		if (colour != NULL)
			xw_empty(x, "w:color", "w:val", colour, NULL);
		xw_end(x);
	}
	/* a line break within the text is a line break in Word */
	xw_lines(x, text, wtext, "w:br");
	xw_end(x);
}

static void
para(struct xw *x, const char *style, const char *text, bool bold)
{
	xw_start(x, "w:p");
	if (style != NULL) {
		xw_start(x, "w:pPr");
		xw_empty(x, "w:pStyle", "w:val", style, NULL);
		xw_end(x);
	}
	run(x, text, bold, NULL);
	xw_end(x);
}


/* The facts under the title: a borderless two-column table, labels in bold. */
static void
facts(struct xw *x, const struct rdoc *d)
{
	char tmp[96];
	bool any = false;

	for (size_t i = 0; i < d->nfacts; i++) {
		const struct fact *f = &d->facts[i];

		if (f->label == NULL || f->v.type == C_NULL)
			continue;
		if (!any) {
			xw_start(x, "w:tbl");
			xw_start(x, "w:tblPr");
			xw_empty(x, "w:tblW", "w:w", "5000", "w:type", "pct", NULL);
			xw_empty(x, "w:tblLook", "w:val", "0000", NULL);
			xw_end(x);
			xw_start(x, "w:tblGrid");
			xw_empty(x, "w:gridCol", "w:w", "2600", NULL);
			xw_empty(x, "w:gridCol", "w:w", "7038", NULL);
			xw_end(x);
			any = true;
		}
		xw_start(x, "w:tr");
		xw_start(x, "w:tc");
		xw_start(x, "w:tcPr");
		xw_empty(x, "w:tcW", "w:w", "2600", "w:type", "dxa", NULL);
		xw_end(x);
		para(x, "TableText", f->label, true);
		xw_end(x);
		xw_start(x, "w:tc");
		xw_start(x, "w:tcPr");
		xw_empty(x, "w:tcW", "w:w", "7038", "w:type", "dxa", NULL);
		xw_end(x);
		para(x, "TableText", cell_text(&f->v, true, tmp, sizeof(tmp)), false);
		xw_end(x);
		xw_end(x);
	}
	if (any) {
		xw_end(x);
		para(x, NULL, "", false);
	}
}

static void
cell(struct xw *x, const struct rtable *t, size_t c, const struct cell *cl, bool header,
    int width)
{
	int k = header ? -1 : rtag_index(cl->tag);
	char tmp[96], fill[8], colour[8];

	xw_start(x, "w:tc");
	xw_start(x, "w:tcPr");
	xw_start(x, "w:tcW");
	xw_attrf(x, "w:w", "%d", width);
	xw_attr(x, "w:type", "dxa");
	xw_end(x);
	if (k >= 0) {
		snprintf(fill, sizeof(fill), "%06X", rtag_at(k)->bg);
		snprintf(colour, sizeof(colour), "%06X", rtag_at(k)->fg);
	}
	if (header || k >= 0)
		xw_empty(x, "w:shd", "w:val", "clear", "w:color", "auto", "w:fill", header ? "F3F2F1" :
		    fill, NULL);
	xw_end(x);
	xw_start(x, "w:p");
	xw_start(x, "w:pPr");
	xw_empty(x, "w:pStyle", "w:val", "TableText", NULL);
	if (t->flags[c] & RC_NUM)
		xw_empty(x, "w:jc", "w:val", "right", NULL);
	xw_end(x);
	run(x, header ? t->headers[c] : cell_text(cl, true, tmp, sizeof(tmp)), header || k >= 0,
	    k >= 0 ? colour : NULL);
	xw_end(x);
	xw_end(x);
}

static void
table(struct xw *x, const struct rtable *t)
{
	double *share = calloc(t->ncols + 1, sizeof(*share));
	int *tw = calloc(t->ncols + 1, sizeof(*tw));
	size_t n = 0;

	if (share == NULL || tw == NULL) {
		free(share);
		free(tw);
		return;
	}
	for (size_t c = 0; c < t->ncols; c++)
		n += rcol_shown(t, c);
	/* about 85 characters of the table's type across the page, with the cells' margins */
	rtable_shares(t, 85, share);
	for (size_t k = 0; k < n; k++)
		tw[k] = (int)(share[k] * CONTENT_TWIPS);
	if (t->caption != NULL)
		para(x, "Caption", t->caption, false);
	xw_start(x, "w:tbl");
	xw_start(x, "w:tblPr");
	xw_empty(x, "w:tblStyle", "w:val", "TableGrid", NULL);
	xw_empty(x, "w:tblW", "w:w", "5000", "w:type", "pct", NULL);
	xw_empty(x, "w:tblLayout", "w:type", "fixed", NULL);
	xw_empty(x, "w:tblLook", "w:val", "04A0", "w:firstRow", "1", "w:lastRow", "0",
	    "w:firstColumn", "0", "w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1", NULL);
	xw_end(x);
	xw_start(x, "w:tblGrid");
	for (size_t k = 0; k < n; k++) {
		xw_start(x, "w:gridCol");
		xw_attrf(x, "w:w", "%d", tw[k]);
		xw_end(x);
	}
	xw_end(x);
	/* the header row repeats at the top of every page the table runs onto */
	xw_start(x, "w:tr");
	xw_start(x, "w:trPr");
	xw_empty(x, "w:tblHeader", NULL);
	xw_empty(x, "w:cantSplit", NULL);
	xw_end(x);
	for (size_t c = 0, k = 0; c < t->ncols; c++)
		if (rcol_shown(t, c))
			cell(x, t, c, NULL, true, tw[k++]);
	xw_end(x);
	for (size_t r = 0; r < t->nrows; r++) {
		if (!rrow_shown(t, r))
			continue;
		xw_start(x, "w:tr");
		xw_start(x, "w:trPr");
		xw_empty(x, "w:cantSplit", NULL);
		xw_end(x);
		for (size_t c = 0, k = 0; c < t->ncols; c++)
			if (rcol_shown(t, c))
				cell(x, t, c, rtable_at(t, r, c), false, tw[k++]);
		xw_end(x);
	}
	xw_end(x);
	para(x, NULL, "", false);
	free(share);
	free(tw);
}

/* A picture in a paragraph of its own, cx by cy EMU, described as descr. */
static int
picture(struct docx *dx, const void *png, size_t len, long cx, long cy, const char *descr,
    bool keep_next, struct wm_err *err)
{
	struct xw *x = &dx->x;
	char name[64], rid[32];
	int rc;

	dx->nimages++;
	snprintf(name, sizeof(name), "word/media/image%d.png", dx->nimages);
	snprintf(rid, sizeof(rid), "rIdImage%d", dx->nimages);
	if ((rc = pkg_add(dx->pkg, name, png, len, true, err)) != 0)
		return rc;
	buf_addf(&dx->rels, "<Relationship Id=\"%s\" Type=\"" R_NS "/image\" "
	    "Target=\"media/image%d.png\"/>", rid, dx->nimages);
	xw_start(x, "w:p");
	if (keep_next) {
		xw_start(x, "w:pPr");
		xw_empty(x, "w:keepNext", NULL);
		xw_end(x);
	}
	xw_start(x, "w:r");
	xw_start(x, "w:drawing");
	xw_start(x, "wp:inline");
	xw_attr(x, "distT", "0");
	xw_attr(x, "distB", "0");
	xw_attr(x, "distL", "0");
	xw_attr(x, "distR", "0");
	xw_start(x, "wp:extent");
	xw_attrf(x, "cx", "%ld", cx);
	xw_attrf(x, "cy", "%ld", cy);
	xw_end(x);
	xw_start(x, "wp:docPr");
	xw_attrf(x, "id", "%d", dx->nimages);
	xw_attrf(x, "name", "Picture %d", dx->nimages);
	xw_attr(x, "descr", descr);
	xw_end(x);
	xw_start(x, "wp:cNvGraphicFramePr");
	xw_empty(x, "a:graphicFrameLocks", "noChangeAspect", "1", NULL);
	xw_end(x);
	xw_start(x, "a:graphic");
	xw_start(x, "a:graphicData");
	xw_attr(x, "uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
	xw_start(x, "pic:pic");
	xw_start(x, "pic:nvPicPr");
	xw_start(x, "pic:cNvPr");
	xw_attrf(x, "id", "%d", dx->nimages);
	xw_attrf(x, "name", "image%d.png", dx->nimages);
	xw_end(x);
	xw_empty(x, "pic:cNvPicPr", NULL);
	xw_end(x);
	xw_start(x, "pic:blipFill");
	xw_empty(x, "a:blip", "r:embed", rid, NULL);
	xw_start(x, "a:stretch");
	xw_empty(x, "a:fillRect", NULL);
	xw_end(x);
	xw_end(x);
	xw_start(x, "pic:spPr");
	xw_start(x, "a:xfrm");
	xw_empty(x, "a:off", "x", "0", "y", "0", NULL);
	xw_start(x, "a:ext");
	xw_attrf(x, "cx", "%ld", cx);
	xw_attrf(x, "cy", "%ld", cy);
	xw_end(x);
	xw_end(x);
	xw_start(x, "a:prstGeom");
	xw_attr(x, "prst", "rect");
	xw_empty(x, "a:avLst", NULL);
	xw_end(x);
	xw_end(x);
	xw_end(x);	/* pic:pic */
	xw_end(x);	/* a:graphicData */
	xw_end(x);	/* a:graphic */
	xw_end(x);	/* wp:inline */
	xw_end(x);	/* w:drawing */
	xw_end(x);	/* w:r */
	xw_end(x);	/* w:p */
	return 0;
}

/* A chart as a picture in its own paragraph, then its caption. */
static int
figure(struct docx *dx, const struct block *b, struct wm_err *err)
{
	struct buf png = BUF_INIT;
	long cx = (long)CONTENT_TWIPS * EMU_PER_TWIP;
	int h, rc;

	if (svgdraw_png(b->svg, CHART_PX, &png, &h, NULL) != 0) {
		buf_release(&png);
		para(&dx->x, "Caption", b->text, false);
		return 0;
	}
	rc = picture(dx, png.s, png.len, cx, (long)((double)cx * h / CHART_PX), b->text, true, err);
	buf_release(&png);
	if (rc == 0)
		para(&dx->x, "Caption", b->text, false);
	return rc;
}

/* Above the title: the body's logo (2 cm high) and its name. */
static int
header(struct docx *dx, const struct rdoc *d, struct wm_err *err)
{
	long w, h;
	int rc = 0;

	if (d->logo != NULL && png_size(d->logo, d->logo_len, &w, &h))
		rc = picture(dx, d->logo, d->logo_len, (long)(720000.0 * w / h), 720000, "Logo",
		    false, err);
	if (rc == 0 && d->header != NULL)
		para(&dx->x, NULL, d->header, true);
	return rc;
}

static int
document(struct docx *dx, const struct rdoc *d, struct wm_err *err)
{
	struct xw *x = &dx->x;
	int rc = 0;

	xw_new(x);
	xw_start(x, "w:document");
	xw_attr(x, "xmlns:w", W_NS);
	xw_attr(x, "xmlns:r", R_NS);
	xw_attr(x, "xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/"
	    "wordprocessingDrawing");
	xw_attr(x, "xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
	xw_attr(x, "xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture");
	xw_start(x, "w:body");
	rc = header(dx, d, err);
	para(x, "Title", d->title, false);
	facts(x, d);
	for (const struct block *b = d->first; b != NULL && rc == 0; b = b->next) {
		if (!block_on_paper(b))
			continue;
		switch (b->kind) {
		case B_HEADING:
			para(x, b->level == 2 ? "Heading1" : b->level == 3 ? "Heading2" : "Heading3", b->text,
			    false);
			break;
		case B_PARA:
			para(x, NULL, b->text, false);
			break;
		case B_ITEM:
			para(x, "ListBullet", b->text, false);
			break;
		case B_FIGURE:
			rc = figure(dx, b, err);
			break;
		case B_BREAK:
			xw_start(x, "w:p");
			xw_start(x, "w:r");
			xw_empty(x, "w:br", "w:type", "page", NULL);
			xw_end(x);
			xw_end(x);
			break;
		case B_TABLE:
			table(x, b->table);
			break;
		default:
			break;
		}
	}
	xw_start(x, "w:sectPr");
	xw_empty(x, "w:footerReference", "w:type", "default", "r:id", "rIdFooter", NULL);
	xw_empty(x, "w:pgSz", "w:w", "11906", "w:h", "16838", NULL);
	xw_empty(x, "w:pgMar", "w:top", "1134", "w:right", "1134", "w:bottom", "1134", "w:left",
	    "1134", "w:header", "567", "w:footer", "567", "w:gutter", "0", NULL);
	xw_end(x);
	xw_end(x);	/* w:body */
	xw_end(x);	/* w:document */
	if (rc != 0) {
		xmlFreeTextWriter(x->w);
		xmlBufferFree(x->buf);
		return rc;
	}
	return xw_add(x, dx->pkg, "word/document.xml", err);
}

/* The footer: the title, then "Page N of M" as fields Word fills in. */
static int
footer(struct docx *dx, const struct rdoc *d, struct wm_err *err)
{
	struct xw *x = &dx->x;
	static const char *const fields[] = { " PAGE ", " NUMPAGES " };

	xw_new(x);
	xw_start(x, "w:ftr");
	xw_attr(x, "xmlns:w", W_NS);
	xw_start(x, "w:p");
	xw_start(x, "w:pPr");
	xw_empty(x, "w:pStyle", "w:val", "Footer", NULL);
	xw_start(x, "w:tabs");
	xw_empty(x, "w:tab", "w:val", "right", "w:pos", "9638", NULL);
	xw_end(x);
	xw_end(x);
	run(x, d->title, false, "505A5F");
	xw_start(x, "w:r");
	xw_empty(x, "w:tab", NULL);
	xw_start(x, "w:t");
	xw_attr(x, "xml:space", "preserve");
	xw_text(x, "Page ");
	xw_end(x);
	xw_end(x);
	for (size_t i = 0; i < 2; i++) {
		xw_start(x, "w:fldSimple");
		xw_attr(x, "w:instr", fields[i]);
		run(x, "1", false, NULL);
		xw_end(x);
		if (i == 0)
			run(x, " of ", false, NULL);
	}
	xw_end(x);
	xw_end(x);
	return xw_add(x, dx->pkg, "word/footer1.xml", err);
}

static int
core(struct docx *dx, const struct rdoc *d, struct wm_err *err)
{
	struct xw *x = &dx->x;

	xw_new(x);
	xw_start(x, "cp:coreProperties");
	xw_attr(x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/"
	    "core-properties");
	xw_attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	xw_start(x, "dc:title");
	xw_text(x, d->title);
	xw_end(x);
	xw_start(x, "dc:creator");
	xw_text(x, "Waymark");
	xw_end(x);
	xw_end(x);
	return xw_add(x, dx->pkg, "docProps/core.xml", err);
}

int
rdoc_write_docx(const struct rdoc *d, struct buf *out, struct wm_err *err)
{
	struct docx dx = { 0 };
	struct buf rels = BUF_INIT;
	int rc;

	if ((dx.pkg = pkg_new(err)) == NULL)
		return WM_EINTERNAL;
	buf_init(&dx.rels, BUF_MAX_DEFAULT);
	if ((rc = pkg_add(dx.pkg, "[Content_Types].xml", content_types, strlen(content_types),
	    false, err)) != 0 ||
	    (rc = pkg_add(dx.pkg, "_rels/.rels", package_rels, strlen(package_rels), false,
	    err)) != 0 ||
	    (rc = pkg_add(dx.pkg, "docProps/app.xml", app_xml, strlen(app_xml), false, err)) != 0 ||
	    (rc = pkg_add(dx.pkg, "word/styles.xml", styles_xml, strlen(styles_xml), false,
	    err)) != 0 ||
	    (rc = pkg_add(dx.pkg, "word/numbering.xml", numbering_xml, strlen(numbering_xml), false,
	    err)) != 0 ||
	    (rc = core(&dx, d, err)) != 0 || (rc = document(&dx, d, err)) != 0 ||
	    (rc = footer(&dx, d, err)) != 0)
		goto fail;
	buf_addf(&rels, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<Relationships xmlns=\"" REL_NS "\">"
	    "<Relationship Id=\"rIdStyles\" Type=\"" R_NS "/styles\" Target=\"styles.xml\"/>"
	    "<Relationship Id=\"rIdNumbering\" Type=\"" R_NS "/numbering\" "
	    "Target=\"numbering.xml\"/>"
	    "<Relationship Id=\"rIdFooter\" Type=\"" R_NS "/footer\" Target=\"footer1.xml\"/>"
	    "%s</Relationships>", buf_str(&dx.rels));
	if ((rc = pkg_add(dx.pkg, "word/_rels/document.xml.rels", rels.s, rels.len, false,
	    err)) != 0)
		goto fail;
	buf_release(&rels);
	buf_release(&dx.rels);
	return pkg_finish(dx.pkg, out, err);
fail:
	buf_release(&rels);
	buf_release(&dx.rels);
	pkg_free(dx.pkg);
	return rc;
}
