/*
 * rdoc_pdf.c: the report document as a PDF, typeset with cairo and pango.
 *
 * A4 with 2 cm margins; a title block (the title, the facts beside their
 * labels, a rule); headings kept with what follows them; tables that break
 * across pages with their header row repeated, statuses as shaded cells
 * and words; charts drawn as vectors (svgdraw.h); every page footed with
 * the title and "Page N of M". Fonts are DejaVu Sans, found through
 * fontconfig, and cairo embeds the glyphs used.
 *
 * The document is laid out twice: once to count the pages, once to draw
 * them, so the footer can say how many there are. Both passes measure with
 * the same PDF surface's metrics, so they break pages alike.
 */
#include "base/wm.h"

#include <math.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "base/buf.h"
#include "base/str.h"
#include "report/rdoc_impl.h"
#include "report/svgdraw.h"

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 56.69	/* 2 cm */
#define FOOT 36.0	/* room for the footer below the content */
#define BOTTOM (PAGE_H - MARGIN - FOOT + 20)
#define CONTENT_W (PAGE_W - 2 * MARGIN)
#define CELL_PAD 3.0
#define FONT "DejaVu Sans"

struct pdf {
	cairo_t *cr;
	bool draw;		/* the second pass: draw; the first only counts pages */
	double y;
	int page, pages;
	const char *title;
	double cell_pt;		/* the table being set: its type size */
};

/* A colour as cairo takes it. */
static void
rgb(unsigned c, double *out)
{
	out[0] = ((c >> 16) & 0xff) / 255.0;
	out[1] = ((c >> 8) & 0xff) / 255.0;
	out[2] = (c & 0xff) / 255.0;
}

static PangoLayout *
layout(struct pdf *p, const char *text, double size, bool bold, bool italic, double width)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	PangoFontDescription *fd = pango_font_description_from_string(FONT);

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	if (italic)
		pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	/* a cell or paragraph never grows past a page: the rest is cut, marked ... */
	pango_layout_set_height(l, (int)((BOTTOM - MARGIN - 40) * PANGO_SCALE));
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	{
		struct buf c = BUF_INIT;

		utf8_clean(text, &c);
		pango_layout_set_text(l, buf_str(&c), -1);
		buf_release(&c);
	}
	return l;
}

static double
layout_h(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double
layout_w(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)w / PANGO_SCALE;
}

static void
show(struct pdf *p, PangoLayout *l, double x, double y, const double *rgb)
{
	if (!p->draw)
		return;
	cairo_move_to(p->cr, x, y);
	if (rgb != NULL)
		cairo_set_source_rgb(p->cr, rgb[0], rgb[1], rgb[2]);
	else
		cairo_set_source_rgb(p->cr, 0.043, 0.047, 0.047);
	pango_cairo_show_layout(p->cr, l);
}

static void
footer(struct pdf *p)
{
	char num[64];
	PangoLayout *l;

	if (!p->draw)
		return;
	cairo_set_source_rgb(p->cr, 0.69, 0.71, 0.72);
	cairo_set_line_width(p->cr, 0.5);
	cairo_move_to(p->cr, MARGIN, PAGE_H - MARGIN + 4);
	cairo_line_to(p->cr, PAGE_W - MARGIN, PAGE_H - MARGIN + 4);
	cairo_stroke(p->cr);
	l = layout(p, p->title, 7.5, false, false, CONTENT_W * 0.7);
	pango_layout_set_height(l, -1);
	show(p, l, MARGIN, PAGE_H - MARGIN + 8, (const double[]){ 0.31, 0.35, 0.37 });
	g_object_unref(l);
	snprintf(num, sizeof(num), "Page %d of %d", p->page, p->pages);
	l = layout(p, num, 7.5, false, false, 0);
	show(p, l, PAGE_W - MARGIN - layout_w(l), PAGE_H - MARGIN + 8,
	    (const double[]){ 0.31, 0.35, 0.37 });
	g_object_unref(l);
}

static void
new_page(struct pdf *p)
{
	footer(p);
	if (p->draw)
		cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN;
}

/* Room for h more points on this page, or a new page. */
static void
need(struct pdf *p, double h)
{
	if (p->y + h > BOTTOM && p->y > MARGIN)
		new_page(p);
}

static void
text_block(struct pdf *p, const char *text, double size, bool bold, bool italic, double indent,
    double before, double after, double keep)
{
	PangoLayout *l = layout(p, text, size, bold, italic, CONTENT_W - indent);
	double h = layout_h(l);

	p->y += before;
	need(p, h + keep);
	show(p, l, MARGIN + indent, p->y, NULL);
	p->y += h + after;
	g_object_unref(l);
}

static cairo_status_t
png_read(void *closure, unsigned char *data, unsigned int length)
{
	struct { const unsigned char *p; size_t left; } *in = closure;

	if (length > in->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, in->p, length);
	in->p += length;
	in->left -= length;
	return CAIRO_STATUS_SUCCESS;
}

/* The body's logo, 40 points high at the top left; nothing if it is not a PNG. */
static void
logo(struct pdf *p, const struct rdoc *d)
{
	struct { const unsigned char *p; size_t left; } in = { d->logo, d->logo_len };
	cairo_surface_t *img = cairo_image_surface_create_from_png_stream(png_read, &in);
	double w, h;

	if (cairo_surface_status(img) == CAIRO_STATUS_SUCCESS &&
	    (w = cairo_image_surface_get_width(img)) > 0 &&
	    (h = cairo_image_surface_get_height(img)) > 0) {
		double scale = 40 / h;

		cairo_save(p->cr);
		cairo_translate(p->cr, MARGIN, p->y);
		cairo_scale(p->cr, scale, scale);
		cairo_set_source_surface(p->cr, img, 0, 0);
		cairo_paint(p->cr);
		cairo_restore(p->cr);
	}
	cairo_surface_destroy(img);
}

static void
title_block(struct pdf *p, const struct rdoc *d)
{
	char tmp[96];

	if (d->logo != NULL && p->draw)
		logo(p, d);
	if (d->logo != NULL)
		p->y += 44;
	if (d->header != NULL)
		text_block(p, d->header, 11, true, false, 0, 0, 6, 0);
	text_block(p, d->title, 17, true, false, 0, 0, 8, 0);
	for (size_t i = 0; i < d->nfacts; i++) {
		const struct fact *f = &d->facts[i];
		PangoLayout *k, *v;
		double h;

		if (f->label == NULL || f->v.type == C_NULL)
			continue;
		k = layout(p, f->label, 9, true, false, 130);
		v = layout(p, cell_text(&f->v, true, tmp, sizeof(tmp)), 9, false, false,
		    CONTENT_W - 140);
		h = fmax(layout_h(k), layout_h(v));
		need(p, h);
		show(p, k, MARGIN, p->y, NULL);
		show(p, v, MARGIN + 140, p->y, NULL);
		p->y += h + 3;
		g_object_unref(k);
		g_object_unref(v);
	}
	if (p->draw) {
		cairo_set_source_rgb(p->cr, 0.114, 0.439, 0.722);
		cairo_set_line_width(p->cr, 2);
		cairo_move_to(p->cr, MARGIN, p->y + 4);
		cairo_line_to(p->cr, PAGE_W - MARGIN, p->y + 4);
		cairo_stroke(p->cr);
	}
	p->y += 14;
}

static void
figure(struct pdf *p, const struct block *b)
{
	double w, h, scale, width = CONTENT_W;

	if (svgdraw_size(b->svg, &w, &h, NULL) != 0) {
		text_block(p, b->text, 8.5, false, true, 0, 6, 6, 0);
		return;
	}
	/* at most half a page high */
	if (h * width / w > (BOTTOM - MARGIN) / 2)
		width = w * ((BOTTOM - MARGIN) / 2) / h;
	scale = width / w;
	p->y += 6;
	need(p, h * scale + 20);
	if (p->draw)
		svgdraw(p->cr, b->svg, MARGIN, p->y, width, NULL);
	p->y += h * scale + 4;
	text_block(p, b->text, 8, false, true, 0, 0, 8, 0);
}


/* The word of s with the most characters, into out. */
static void
longest_word(const char *s, char *out, size_t len)
{
	size_t best = 0, best_chars = 0;
	const char *at = s;

	out[0] = '\0';
	while (*s != '\0') {
		size_t n = strcspn(s, " \n"), chars = 0;

		for (size_t k = 0; k < n; k++)
			chars += ((unsigned char)s[k] & 0xC0) != 0x80;
		if (chars > best_chars) {
			best_chars = chars;
			best = n;
			at = s;
		}
		s += n;
		s += strspn(s, " \n");
	}
	snprintf(out, len, "%.*s", (int)(best < len ? best : len - 1), at);
}

/*
 * Column widths for the shown columns: each its natural width (the widest
 * line of its cells) where the page allows, else its longest word, the
 * rest shared out by how much more each would take.
 */
static void
widths(struct pdf *p, const struct rtable *t, const size_t *cols, size_t n, double *w)
{
	double *nat = calloc(n + 1, sizeof(*nat)), *min = calloc(n + 1, sizeof(*min));
	double sum_nat = 0, sum_min = 0;
	char tmp[96], word[128];

	if (nat == NULL || min == NULL) {
		for (size_t i = 0; i < n; i++)
			w[i] = CONTENT_W / (double)n;
		free(nat);
		free(min);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		for (size_t r = 0; r <= t->nrows && r <= 200; r++) {
			const char *s = r == 0 ? t->headers[cols[i]] :
			    cell_text(rtable_at(t, r - 1, cols[i]), true, tmp, sizeof(tmp));
			PangoLayout *l;
			double lw;

			if (r > 0 && !rrow_shown(t, r - 1))
				continue;
			bool bold = r == 0 || rtag_index(rtable_at(t, r - 1, cols[i])->tag) >= 0;

			l = layout(p, s, p->cell_pt, bold, false, 0);
			lw = layout_w(l);
			nat[i] = fmax(nat[i], fmin(lw, CONTENT_W * 0.6));
			g_object_unref(l);
			/* its longest word: what the column should not be narrower than */
			longest_word(s, word, sizeof(word));
			l = layout(p, word, p->cell_pt, bold, false, 0);
			min[i] = fmax(min[i], fmin(layout_w(l), r == 0 ? 75 : 90));
			g_object_unref(l);
		}
		nat[i] += 2 * CELL_PAD;
		min[i] = fmax(min[i] + 2 * CELL_PAD, 24);
		nat[i] = fmax(nat[i], min[i]);
		sum_nat += nat[i];
		sum_min += min[i];
	}
	for (size_t i = 0; i < n; i++) {
		if (sum_nat <= CONTENT_W)
			w[i] = nat[i] * CONTENT_W / sum_nat;
		else if (sum_min >= CONTENT_W)
			w[i] = CONTENT_W * min[i] / sum_min;
		else
			w[i] = min[i] + (CONTENT_W - sum_min) * (nat[i] - min[i]) / (sum_nat - sum_min);
	}
	free(nat);
	free(min);
}

/* One row: its cells' layouts, its height; drawn at p->y when p->draw. */
static double
row(struct pdf *p, const struct rtable *t, const size_t *cols, size_t n, const double *w,
    long r, bool draw)
{
	PangoLayout **ls = calloc(n + 1, sizeof(*ls));
	double h = 0, x = MARGIN;
	char tmp[96];

	if (ls == NULL)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = r < 0 ? t->headers[cols[i]] : cell_text(rtable_at(t, (size_t)r,
		    cols[i]), true, tmp, sizeof(tmp));
		const char *tag = r < 0 ? NULL : rtable_at(t, (size_t)r, cols[i])->tag;

		ls[i] = layout(p, s, p->cell_pt, r < 0 || rtag_index(tag) >= 0, false,
		    w[i] - 2 * CELL_PAD);
		if (t->flags[cols[i]] & RC_NUM)
			pango_layout_set_alignment(ls[i], PANGO_ALIGN_RIGHT);
		h = fmax(h, layout_h(ls[i]) + 2 * CELL_PAD);
	}
	for (size_t i = 0; i < n && draw && p->draw; i++) {
		int k = r < 0 ? -1 : rtag_index(rtable_at(t, (size_t)r, cols[i])->tag);

		double bg[3], fg[3];

		if (r < 0 || k >= 0) {
			rgb(r < 0 ? 0xF3F2F1 : rtag_at(k)->bg, bg);
			cairo_set_source_rgb(p->cr, bg[0], bg[1], bg[2]);
			cairo_rectangle(p->cr, x, p->y, w[i], h);
			cairo_fill(p->cr);
		}
		if (k >= 0)
			rgb(rtag_at(k)->fg, fg);
		show(p, ls[i], x + CELL_PAD, p->y + CELL_PAD, k >= 0 ? fg : NULL);
		x += w[i];
	}
	if (draw && p->draw) {
		cairo_set_source_rgb(p->cr, 0.694, 0.706, 0.714);
		cairo_set_line_width(p->cr, r < 0 ? 1 : 0.5);
		cairo_move_to(p->cr, MARGIN, p->y + h);
		cairo_line_to(p->cr, MARGIN + CONTENT_W, p->y + h);
		cairo_stroke(p->cr);
	}
	for (size_t i = 0; i < n; i++)
		g_object_unref(ls[i]);
	free(ls);
	return h;
}

static void
table(struct pdf *p, const struct rtable *t)
{
	size_t *cols = calloc(t->ncols + 1, sizeof(*cols)), n = 0;
	double *w = calloc(t->ncols + 1, sizeof(*w)), hh;

	if (cols == NULL || w == NULL) {
		free(cols);
		free(w);
		return;
	}
	for (size_t c = 0; c < t->ncols; c++)
		if (rcol_shown(t, c))
			cols[n++] = c;
	/* a wide table in smaller type, so that its words still fit their columns */
	p->cell_pt = n > 10 ? 6.5 : n > 7 ? 7 : 8;
	widths(p, t, cols, n, w);
	p->y += 4;
	if (t->caption != NULL)
		text_block(p, t->caption, 9.5, true, false, 0, 2, 3, 30);
	hh = row(p, t, cols, n, w, -1, false);
	need(p, hh + 16);
	p->y += row(p, t, cols, n, w, -1, true);
	for (size_t r = 0; r < t->nrows; r++) {
		double h;

		if (!rrow_shown(t, r))
			continue;
		h = row(p, t, cols, n, w, (long)r, false);
		/* a row that does not fit starts a page, under the header again */
		if (p->y + h > BOTTOM) {
			new_page(p);
			p->y += row(p, t, cols, n, w, -1, true);
		}
		p->y += row(p, t, cols, n, w, (long)r, true);
	}
	p->y += 8;
	free(cols);
	free(w);
}

static void
body(struct pdf *p, const struct rdoc *d)
{
	title_block(p, d);
	for (const struct block *b = d->first; b != NULL; b = b->next) {
		if (!block_on_paper(b))
			continue;
		switch (b->kind) {
		case B_HEADING:
			/* kept with at least two lines of what follows */
			text_block(p, b->text, b->level == 2 ? 13 : b->level == 3 ? 11 : 10, true, false, 0,
			    b->level == 2 ?
			    10 : 6, 4, 36);
			break;
		case B_PARA:
			text_block(p, b->text, 10, false, false, 0, 0, 6, 0);
			break;
		case B_LIST:
			p->y += 2;
			break;
		case B_ITEM: {
			PangoLayout *l = layout(p, "\u2022", 10, false, false, 0);

			need(p, 14);
			show(p, l, MARGIN + 4, p->y, NULL);
			g_object_unref(l);
			text_block(p, b->text, 10, false, false, 16, 0, 3, 0);
			break;
		}
		case B_FIGURE:
			figure(p, b);
			break;
		case B_BREAK:
			if (p->y > MARGIN)
				new_page(p);
			break;
		case B_TABLE:
			table(p, b->table);
			break;
		default:
			break;
		}
	}
	footer(p);
}

static cairo_status_t
to_buf(void *closure, const unsigned char *data, unsigned int length)
{
	if (closure == NULL)
		return CAIRO_STATUS_SUCCESS;
	return buf_add(closure, data, length) == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* One pass over the document onto a PDF going to out (NULL: nowhere). */
static int
pass(const struct rdoc *d, struct buf *out, int pages, struct wm_err *err)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_buf, out, PAGE_W, PAGE_H);
	struct pdf p = { 0 };
	cairo_status_t st;

	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "Waymark");
	p.cr = cairo_create(s);
	p.draw = out != NULL;
	p.page = 1;
	p.pages = pages;
	p.y = MARGIN;
	p.title = d->title;
	body(&p, d);
	if (p.draw)
		cairo_show_page(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS)
		return wm_error(err, WM_EIO, "could not write the PDF: %s", cairo_status_to_string(st));
	return out == NULL ? p.page : 0;
}

int
rdoc_write_pdf(const struct rdoc *d, struct buf *out, struct wm_err *err)
{
	int pages = pass(d, NULL, 0, err);

	if (pages < 0)
		return pages;
	return pass(d, out, pages, err);
}
