/*
 * svgdraw.c: the charts svg.h writes, drawn with cairo and pango (see
 * svgdraw.h).
 *
 * libxml2 reads the markup into a tree; the one style sheet is read into
 * class rules; each element is drawn with its class's properties, then
 * its own fill and stroke attributes, inheriting from the group it is in,
 * as SVG does. Text is laid out by pango in DejaVu Sans (what fontconfig
 * finds for the sheet's Arial is not the same on every machine; a paper
 * should be).
 */
#include "base/wm.h"

#include <math.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>

#include "base/buf.h"
#include "base/str.h"
#include "report/svgdraw.h"

#define MAX_RULES 96
#define MAX_DEPTH 32
#define MAX_POINTS 4096
/*
 * No chart of ours is wider than this, and none of its numbers is larger.
 * Cairo breaks an arc into segments by its radius and dashes a line by
 * its dash's length, so a radius of 1e300 or a dash of 1e-300 is minutes
 * of work and gigabytes of path: every number read is held inside it.
 */
#define MAX_COORD 1e5
#define MIN_DASH 0.1
#define MAX_FONT 500	/* freetype refuses far larger sizes, noisily */

struct rule {
	char cls[32];
	char decls[400];
};

struct sheet {
	struct rule r[MAX_RULES];
	size_t n;
};

struct colour {
	bool none;
	double r, g, b;
};

struct style {
	struct colour fill, stroke;
	double fill_opacity, stroke_opacity, stroke_width, font_size;
	double dash[4];
	int ndash;
	bool bold, italic;
};

/* "#1d70b8", "#fff", "white", "none"; false if not one. */
static bool
colour_parse(const char *s, struct colour *c)
{
	unsigned v;

	while (*s == ' ')
		s++;
	if (strncmp(s, "none", 4) == 0) {
		c->none = true;
		return true;
	}
	c->none = false;
	if (strncmp(s, "white", 5) == 0) {
		c->r = c->g = c->b = 1;
		return true;
	}
	if (strncmp(s, "black", 5) == 0) {
		c->r = c->g = c->b = 0;
		return true;
	}
	if (s[0] != '#')
		return false;
	if (strspn(s + 1, "0123456789abcdefABCDEF") >= 6 && sscanf(s + 1, "%6x", &v) == 1) {
		c->r = ((v >> 16) & 0xff) / 255.0;
		c->g = ((v >> 8) & 0xff) / 255.0;
		c->b = (v & 0xff) / 255.0;
		return true;
	}
	if (strspn(s + 1, "0123456789abcdefABCDEF") >= 3 && sscanf(s + 1, "%3x", &v) == 1) {
		c->r = ((v >> 8) & 0xf) / 15.0;
		c->g = ((v >> 4) & 0xf) / 15.0;
		c->b = (v & 0xf) / 15.0;
		return true;
	}
	return false;
}

static double
number(const char *s)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || !isfinite(v))
		return 0;
	return v > MAX_COORD ? MAX_COORD : v < -MAX_COORD ? -MAX_COORD : v;
}

/* Apply "prop:value;prop:value" declarations. */
static void
apply_decls(struct style *st, const char *decls)
{
	const char *p = decls;

	while (*p != '\0') {
		const char *colon = strchr(p, ':'), *end = strchr(p, ';');
		char prop[32], val[128];
		size_t pl, vl;

		if (end == NULL)
			end = p + strlen(p);
		if (colon == NULL || colon > end)
			break;
		pl = (size_t)(colon - p);
		vl = (size_t)(end - colon - 1);
		snprintf(prop, sizeof(prop), "%.*s", (int)(pl < 31 ? pl : 31), p);
		snprintf(val, sizeof(val), "%.*s", (int)(vl < 127 ? vl : 127), colon + 1);
		if (strcmp(prop, "fill") == 0)
			colour_parse(val, &st->fill);
		else if (strcmp(prop, "stroke") == 0)
			colour_parse(val, &st->stroke);
		else if (strcmp(prop, "stroke-width") == 0)
			st->stroke_width = number(val);
		else if (strcmp(prop, "fill-opacity") == 0)
			st->fill_opacity = number(val);
		else if (strcmp(prop, "stroke-opacity") == 0)
			st->stroke_opacity = number(val);
		else if (strcmp(prop, "font-size") == 0)
			st->font_size = fmin(number(val), MAX_FONT);
		else if (strcmp(prop, "font-weight") == 0)
			st->bold = strstr(val, "bold") != NULL;
		else if (strcmp(prop, "font-style") == 0)
			st->italic = strstr(val, "italic") != NULL;
		else if (strcmp(prop, "stroke-dasharray") == 0) {
			char *q = val;

			st->ndash = 0;
			while (*q != '\0' && st->ndash < 4) {
				char *e;
				double d = strtod(q, &e);

				if (e == q)
					break;
				if (d >= MIN_DASH && d <= MAX_COORD)
					st->dash[st->ndash++] = d;
				q = e + strspn(e, " ,");
			}
		}
		p = *end ? end + 1 : end;
	}
}

/* ".a,.b{decls}.c{decls}" into rules. */
static void
sheet_parse(struct sheet *sh, const char *css)
{
	const char *p = css;

	while (*p != '\0' && sh->n < MAX_RULES) {
		const char *open = strchr(p, '{'), *close = open ? strchr(open, '}') : NULL;
		const char *sel = p;

		if (open == NULL || close == NULL)
			break;
		while (sel < open && sh->n < MAX_RULES) {
			const char *comma = memchr(sel, ',', (size_t)(open - sel)), *end;
			size_t len;

			end = comma ? comma : open;
			if (*sel == '.') {
				len = (size_t)(end - sel - 1);
				snprintf(sh->r[sh->n].cls, sizeof(sh->r[sh->n].cls), "%.*s",
				    (int)(len < 31 ? len : 31), sel + 1);
				len = (size_t)(close - open - 1);
				snprintf(sh->r[sh->n].decls, sizeof(sh->r[sh->n].decls), "%.*s",
				    (int)(len < 399 ? len : 399), open + 1);
				sh->n++;
			}
			sel = end + 1;
		}
		p = close + 1;
	}
}

static void
apply_class(const struct sheet *sh, struct style *st, const char *cls)
{
	for (size_t i = 0; cls != NULL && i < sh->n; i++)
		if (strcmp(sh->r[i].cls, cls) == 0)
			apply_decls(st, sh->r[i].decls);
}

static const char *
attr(xmlNode *n, const char *name, char *out, size_t len)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);

	if (v == NULL)
		return NULL;
	snprintf(out, len, "%s", (const char *)v);
	xmlFree(v);
	return out;
}

static double
attr_num(xmlNode *n, const char *name)
{
	char tmp[64];

	return attr(n, name, tmp, sizeof(tmp)) ? number(tmp) : 0;
}

static void
set_colour(cairo_t *cr, const struct colour *c, double opacity)
{
	cairo_set_source_rgba(cr, c->r, c->g, c->b, opacity);
}

/* Fill and then stroke the current path, as the style says. */
static void
paint(cairo_t *cr, const struct style *st)
{
	if (!st->fill.none) {
		set_colour(cr, &st->fill, st->fill_opacity);
		cairo_fill_preserve(cr);
	}
	if (!st->stroke.none && st->stroke_width > 0) {
		set_colour(cr, &st->stroke, st->stroke_opacity);
		cairo_set_line_width(cr, st->stroke_width);
		cairo_set_dash(cr, st->dash, st->ndash, 0);
		cairo_stroke_preserve(cr);
	}
	cairo_new_path(cr);
}

/* "x1,y1 x2,y2 ..." as a path; closed for a polygon. */
static void
points_path(cairo_t *cr, const char *pts, bool close)
{
	const char *p = pts;
	size_t n = 0;

	while (*p != '\0' && n < MAX_POINTS) {
		char *e;
		double x = strtod(p, &e), y;

		if (e == p)
			break;
		p = e + strspn(e, " ,");
		y = strtod(p, &e);
		if (e == p)
			break;
		p = e + strspn(e, " ,");
		if (!isfinite(x) || !isfinite(y) || fabs(x) > MAX_COORD || fabs(y) > MAX_COORD)
			break;
		if (n++ == 0)
			cairo_move_to(cr, x, y);
		else
			cairo_line_to(cr, x, y);
	}
	if (close && n > 0)
		cairo_close_path(cr);
}

static void
draw_text(cairo_t *cr, xmlNode *n, const struct style *st)
{
	xmlChar *text = xmlNodeGetContent(n);
	char anchor[16] = "start";
	PangoLayout *layout;
	PangoFontDescription *fd;
	int w, h;
	double x = attr_num(n, "x"), y = attr_num(n, "y");

	if (text == NULL)
		return;
	attr(n, "text-anchor", anchor, sizeof(anchor));
	layout = pango_cairo_create_layout(cr);
	fd = pango_font_description_from_string("DejaVu Sans");
	pango_font_description_set_absolute_size(fd, (st->font_size > 0 ? st->font_size : 11) *
	    PANGO_SCALE);
	if (st->bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	if (st->italic)
		pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
	pango_layout_set_font_description(layout, fd);
	{
		struct buf c = BUF_INIT;

		utf8_clean((const char *)text, &c);
		pango_layout_set_text(layout, buf_str(&c), -1);
		buf_release(&c);
	}
	pango_layout_get_size(layout, &w, &h);
	if (strcmp(anchor, "middle") == 0)
		x -= w / (2.0 * PANGO_SCALE);
	else if (strcmp(anchor, "end") == 0)
		x -= (double)w / PANGO_SCALE;
	/* y is the baseline */
	cairo_move_to(cr, x, y - (double)pango_layout_get_baseline(layout) / PANGO_SCALE);
	set_colour(cr, st->fill.none ? &(struct colour){ false, 0, 0, 0 } : &st->fill,
	    st->fill_opacity);
	pango_cairo_show_layout(cr, layout);
	cairo_new_path(cr);
	pango_font_description_free(fd);
	g_object_unref(layout);
	xmlFree(text);
}

static void
draw_node(cairo_t *cr, const struct sheet *sh, xmlNode *n, const struct style *parent, int depth)
{
	for (; n != NULL; n = n->next) {
		struct style st = *parent;
		const char *name = (const char *)n->name;
		char tmp[4096];

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp(name, "title") == 0 || strcmp(name, "desc") == 0 ||
		    strcmp(name, "style") == 0)
			continue;
		apply_class(sh, &st, attr(n, "class", tmp, sizeof(tmp)));
		if (attr(n, "fill", tmp, sizeof(tmp)))
			colour_parse(tmp, &st.fill);
		if (attr(n, "stroke", tmp, sizeof(tmp)))
			colour_parse(tmp, &st.stroke);
		if (strcmp(name, "g") == 0) {
			if (depth < MAX_DEPTH)
				draw_node(cr, sh, n->children, &st, depth + 1);
		} else if (strcmp(name, "rect") == 0) {
			cairo_rectangle(cr, attr_num(n, "x"), attr_num(n, "y"), attr_num(n, "width"),
			    attr_num(n, "height"));
			paint(cr, &st);
		} else if (strcmp(name, "line") == 0) {
			cairo_move_to(cr, attr_num(n, "x1"), attr_num(n, "y1"));
			cairo_line_to(cr, attr_num(n, "x2"), attr_num(n, "y2"));
			st.fill.none = true;
			paint(cr, &st);
		} else if (strcmp(name, "circle") == 0) {
			double r = attr_num(n, "r");

			cairo_new_sub_path(cr);
			cairo_arc(cr, attr_num(n, "cx"), attr_num(n, "cy"), r > 0 ? r : 0, 0, 2 * M_PI);
			paint(cr, &st);
		} else if (strcmp(name, "polyline") == 0 || strcmp(name, "polygon") == 0) {
			xmlChar *pts = xmlGetProp(n, (const xmlChar *)"points");

			if (pts != NULL) {
				points_path(cr, (const char *)pts, name[4] == 'g');
				paint(cr, &st);
				xmlFree(pts);
			}
		} else if (strcmp(name, "text") == 0) {
			draw_text(cr, n, &st);
		}
	}
}

/* The tree, its root <svg> and its viewBox; WM_EINVAL when it is not a chart of ours. */
static int
load(const char *svg, xmlDoc **doc, xmlNode **root, double *w, double *h, struct wm_err *err)
{
	struct buf clean = BUF_INIT;
	char vb[128];
	double x, y;

	/* broken UTF-8 in a label must not lose the whole chart */
	utf8_clean(svg, &clean);
	*doc = clean.len < INT_MAX ? xmlReadMemory(buf_str(&clean), (int)clean.len, "chart.svg", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING) : NULL;
	buf_release(&clean);
	*root = *doc ? xmlDocGetRootElement(*doc) : NULL;
	if (*root == NULL || strcmp((const char *)(*root)->name, "svg") != 0 ||
	    attr(*root, "viewBox", vb, sizeof(vb)) == NULL ||
	    sscanf(vb, "%lf %lf %lf %lf", &x, &y, w, h) != 4 || !(*w > 0) || !(*h > 0) ||
	    *w > MAX_COORD || *h > MAX_COORD) {
		xmlFreeDoc(*doc);
		*doc = NULL;
		return wm_error(err, WM_EINVAL, "the chart is not one Waymark drew");
	}
	return 0;
}

int
svgdraw_size(const char *svg, double *width, double *height, struct wm_err *err)
{
	xmlDoc *doc;
	xmlNode *root;
	int rc = load(svg, &doc, &root, width, height, err);

	xmlFreeDoc(doc);
	return rc;
}

int
svgdraw(cairo_t *cr, const char *svg, double x, double y, double width, struct wm_err *err)
{
	struct style st = { { false, 0, 0, 0 }, { true, 0, 0, 0 }, 1, 1, 1, 11, { 0 }, 0, false,
		false };
	struct sheet *sh = calloc(1, sizeof(*sh));
	xmlDoc *doc;
	xmlNode *root, *c;
	double w, h;
	int rc;

	if (sh == NULL)
		return wm_error(err, WM_EINTERNAL, "out of memory");
	if ((rc = load(svg, &doc, &root, &w, &h, err)) != 0) {
		free(sh);
		return rc;
	}
	for (c = root->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "style") == 0) {
			xmlChar *css = xmlNodeGetContent(c);

			if (css != NULL)
				sheet_parse(sh, (const char *)css);
			xmlFree(css);
		}
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, width / w, width / w);
	cairo_rectangle(cr, 0, 0, w, h);
	cairo_clip(cr);
	draw_node(cr, sh, root->children, &st, 0);
	cairo_restore(cr);
	xmlFreeDoc(doc);
	free(sh);
	return 0;
}

static cairo_status_t
png_write(void *closure, const unsigned char *data, unsigned int length)
{
	return buf_add(closure, data, length) == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

int
svgdraw_png(const char *svg, int px, struct buf *out, int *height_px, struct wm_err *err)
{
	cairo_surface_t *s;
	cairo_t *cr;
	double w, h;
	int rc, hp;

	if ((rc = svgdraw_size(svg, &w, &h, err)) != 0)
		return rc;
	hp = (int)ceil(px * h / w);
	if (px < 1 || px > 8000 || hp < 1 || hp > 8000)
		return wm_error(err, WM_EINVAL, "the chart is too large to draw (%d by %d pixels)", px,
		    hp);
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, px, hp);
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	rc = svgdraw(cr, svg, 0, 0, px, err);
	cairo_destroy(cr);
	if (rc == 0 && cairo_surface_write_to_png_stream(s, png_write, out) != CAIRO_STATUS_SUCCESS)
		rc = wm_error(err, WM_EIO, "could not write the chart as a PNG");
	cairo_surface_destroy(s);
	*height_px = hp;
	return rc;
}
