/*
 * svg.h: writing SVG, for charts in reports and on pages.
 *
 * A chart is legible without colour (shapes and labels carry the meaning),
 * names itself with <title> and <desc> for screen readers, and scales to its
 * container (viewBox, no fixed size). Text goes through the HTML escaper.
 */
#ifndef WM_SVG_H
#define WM_SVG_H

#include "base/wm.h"

#include "report/html.h"

struct buf;

struct svg {
	struct html h;
	double width, height;
	int id;		/* for unique title/desc ids when several charts share a page */
};

/* Start an SVG of this viewBox size; title and desc are required for accessibility. */
void svg_begin(struct svg *s, struct buf *out, double width, double height, const char *title,
    const char *desc);
void svg_end(struct svg *s);

/* cls names a CSS class (styling) and may be NULL; fill/stroke in attributes if needed. */
void svg_rect(struct svg *s, double x, double y, double w, double h, const char *cls,
    const char *fill);
void svg_line(struct svg *s, double x1, double y1, double x2, double y2, const char *cls,
    const char *stroke);
void svg_circle(struct svg *s, double cx, double cy, double r, const char *cls, const char *fill);
/* anchor: "start", "middle" or "end". */
void svg_text(struct svg *s, double x, double y, const char *anchor, const char *cls,
    const char *text);
/* A polyline through n points (xs[i], ys[i]). */
void svg_polyline(struct svg *s, const double *xs, const double *ys, size_t n, const char *cls,
    const char *stroke);
/* A closed shape through n points (a diamond for a milestone on one day). */
void svg_polygon(struct svg *s, const double *xs, const double *ys, size_t n, const char *cls,
    const char *fill);
/*
 * The style rules of every chart's classes, in one sheet that svg_begin puts
 * inside each chart: it looks the same standing alone as inside a page, and
 * the web server's Content-Security-Policy allows this one sheet by its hash.
 */
extern const char svg_css[];
/* A group with its own accessible name (a <title> child), e.g. one point of a series. */
void svg_group_begin(struct svg *s, const char *cls, const char *title);
void svg_group_end(struct svg *s);

#endif
