/*
 * svg.c: the SVG writer.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "report/svg.h"

/* Coordinates with two decimals are plenty and keep files small. */
static void
num(char *out, size_t len, double v)
{
	snprintf(out, len, "%.2f", v);
	/* trim "12.50" to "12.5" and "12.00" to "12" */
	char *dot = strchr(out, '.');

	if (dot != NULL) {
		char *end = out + strlen(out) - 1;

		while (end > dot && *end == '0')
			*end-- = '\0';
		if (end == dot)
			*end = '\0';
	}
}

const char svg_css[] =
    /* gantt.c: the timetable's Gantt chart */
    ".g-t,.g-h,.g-m,.g-late-t{font-family:Arial,sans-serif;font-size:11px;"
    "fill:#0b0c0c}.g-h{font-weight:bold;font-size:12px}.g-m{fill:#505a5f;"
    "font-style:italic}.g-late-t{fill:#d4351c;font-weight:bold}.g-axis{stroke:#dddddd;"
    "stroke-width:1}.g-bar{fill:#1d70b8;stroke:#1d70b8;stroke-width:1}"
    ".g-fuzzy{fill-opacity:0.25;stroke-dasharray:3 2}.g-done{fill:#b1b4b6;"
    "stroke:#505a5f}.g-late{fill:#d4351c;stroke:#942514}.g-cancel{fill:none;"
    "stroke:#505a5f}.g-now{stroke:#d4351c;stroke-width:1.5;stroke-dasharray:5 3}"
    ".g-dep{stroke:#505a5f;stroke-width:0.8;fill:none;stroke-opacity:0.6}"
    ".g-ongoing{stroke:#1d70b8;stroke-width:2;stroke-dasharray:2 3}"
    /* portfolio.c: the aims x projects heat map */
    ".hm,.hm-dark,.hm-gap,.hm-muted,.hm-head{font-family:Arial,sans-serif;"
    "font-size:11px;fill:#0b0c0c}.hm-dark{fill:#ffffff}.hm-gap{fill:#d4351c;"
    "font-weight:bold}.hm-muted{fill:#505a5f}.hm-head{font-weight:bold}"
    ".hm-grid{stroke:#ffffff;stroke-width:1}"
    /* chart.c: trends, sparklines and small multiples */
    ".c-t,.c-h{font-family:Arial,sans-serif;font-size:11px;fill:#0b0c0c}"
    ".c-h{font-weight:bold}.c-grid{stroke:#e5e6e7;stroke-width:1}"
    ".c-axis{stroke:#505a5f;stroke-width:1}.c-line{fill:none;stroke:#1d70b8;stroke-width:2}"
    ".c-target{fill:none;stroke:#505a5f;stroke-width:1.5;stroke-dasharray:6 4}"
    ".c-green{fill:#00703c}.c-amber{fill:#f47738}.c-red{fill:#d4351c}"
    ".c-none{fill:#ffffff;stroke:#505a5f;stroke-width:1.5}"
    ".c-pending{fill:none;stroke:#0b0c0c;stroke-width:1.5;stroke-dasharray:2 2}"
    ".c-panel{fill:none;stroke:#b1b4b6;stroke-width:1}";

/* FNV-1a over the title, the description and the offset. */
static uint32_t
chart_hash(const char *title, const char *desc, size_t offset)
{
	const char *parts[] = { title, "\n", desc };
	uint32_t h = 2166136261u;

	for (size_t p = 0; p < WM_ARRAY_LEN(parts); p++)
		for (const unsigned char *c = (const unsigned char *)parts[p]; *c != '\0'; c++)
			h = (h ^ *c) * 16777619u;
	return (h ^ (uint32_t)offset) * 16777619u;
}

void
svg_begin(struct svg *s, struct buf *out, double width, double height, const char *title,
    const char *desc)
{
	char vb[96], tid[32], did[32], labelled[72];

	html_init(&s->h, out);
	s->width = width;
	s->height = height;
	/*
	 * ids derive from what the chart is and where it starts in its buffer:
	 * stable across runs, and unique on a page that holds several charts
	 * each written into a buffer of its own (a trend and its small multiples).
	 */
	s->id = (int)(chart_hash(title, desc, out->len) % 1000000);
	snprintf(vb, sizeof(vb), "0 0 %.0f %.0f", width, height);
	snprintf(tid, sizeof(tid), "svg-t%d", s->id);
	snprintf(did, sizeof(did), "svg-d%d", s->id);
	snprintf(labelled, sizeof(labelled), "%s %s", tid, did);
	html_open(&s->h, "svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", vb,
	    "role", "img", "aria-labelledby", labelled, "class", "wm-chart", NULL);
	html_elem(&s->h, "title", title, "id", tid, NULL);
	html_elem(&s->h, "desc", desc, "id", did, NULL);
	/* the sheet has no character the escaper would change, so its hash holds */
	html_open(&s->h, "style", NULL);
	html_trusted(&s->h, svg_css);
	html_close(&s->h, "style");
}

void
svg_end(struct svg *s)
{
	html_close(&s->h, "svg");
}

void
svg_rect(struct svg *s, double x, double y, double w, double h, const char *cls, const char *fill)
{
	char a[24], b[24], c[24], d[24];

	num(a, sizeof(a), x);
	num(b, sizeof(b), y);
	num(c, sizeof(c), w < 0 ? 0 : w);
	num(d, sizeof(d), h < 0 ? 0 : h);
	html_selfclose(&s->h, "rect", "x", a, "y", b, "width", c, "height", d, "class", cls, "fill", fill,
	    NULL);
}

void
svg_line(struct svg *s, double x1, double y1, double x2, double y2, const char *cls,
    const char *stroke)
{
	char a[24], b[24], c[24], d[24];

	num(a, sizeof(a), x1);
	num(b, sizeof(b), y1);
	num(c, sizeof(c), x2);
	num(d, sizeof(d), y2);
	html_selfclose(&s->h, "line", "x1", a, "y1", b, "x2", c, "y2", d, "class", cls, "stroke", stroke,
	    NULL);
}

void
svg_circle(struct svg *s, double cx, double cy, double r, const char *cls, const char *fill)
{
	char a[24], b[24], c[24];

	num(a, sizeof(a), cx);
	num(b, sizeof(b), cy);
	num(c, sizeof(c), r);
	html_selfclose(&s->h, "circle", "cx", a, "cy", b, "r", c, "class", cls, "fill", fill, NULL);
}

void
svg_text(struct svg *s, double x, double y, const char *anchor, const char *cls, const char *text)
{
	char a[24], b[24];

	num(a, sizeof(a), x);
	num(b, sizeof(b), y);
	html_elem(&s->h, "text", text, "x", a, "y", b, "text-anchor", anchor, "class", cls, NULL);
}

/* "x1,y1 x2,y2 ...", for polylines and polygons. */
static void
points(const double *xs, const double *ys, size_t n, struct buf *out)
{
	char a[24], b[24];

	for (size_t i = 0; i < n; i++) {
		num(a, sizeof(a), xs[i]);
		num(b, sizeof(b), ys[i]);
		buf_addf(out, "%s%s,%s", i ? " " : "", a, b);
	}
}

void
svg_polyline(struct svg *s, const double *xs, const double *ys, size_t n, const char *cls,
    const char *stroke)
{
	struct buf pts = BUF_INIT;

	points(xs, ys, n, &pts);
	html_selfclose(&s->h, "polyline", "points", buf_str(&pts), "class", cls, "stroke", stroke,
	    "fill", "none", NULL);
	buf_release(&pts);
}

void
svg_polygon(struct svg *s, const double *xs, const double *ys, size_t n, const char *cls,
    const char *fill)
{
	struct buf pts = BUF_INIT;

	points(xs, ys, n, &pts);
	html_selfclose(&s->h, "polygon", "points", buf_str(&pts), "class", cls, "fill", fill, NULL);
	buf_release(&pts);
}

void
svg_group_begin(struct svg *s, const char *cls, const char *title)
{
	html_open(&s->h, "g", "class", cls, NULL);
	if (title != NULL)
		html_elem(&s->h, "title", title, NULL);
}

void
svg_group_end(struct svg *s)
{
	html_close(&s->h, "g");
}
