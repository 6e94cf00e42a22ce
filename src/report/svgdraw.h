/*
 * svgdraw.h: our own charts drawn with cairo, for the papers that cannot
 * hold SVG: vectors in a PDF, a PNG in a Word or OpenDocument file.
 *
 * It reads the SVG that svg.h writes (rect, line, circle, polyline,
 * polygon, text and groups, styled by the classes of its one style sheet
 * and by fill and stroke attributes), not SVG at large: anything else is
 * left out, and markup that is not XML is refused, never a crash.
 */
#ifndef WM_SVGDRAW_H
#define WM_SVGDRAW_H

#include "base/wm.h"

#include <cairo.h>

#include "base/err.h"

struct buf;

/* The chart's size in its own units (the viewBox); WM_EINVAL if it is not one of ours. */
int svgdraw_size(const char *svg, double *width, double *height, struct wm_err *err);

/* Draw it with its top left at (x, y), width wide, keeping its proportions. */
int svgdraw(cairo_t *cr, const char *svg, double x, double y, double width, struct wm_err *err);

/* The chart as a PNG px pixels wide (its height in proportion, into *height_px). */
int svgdraw_png(const char *svg, int px, struct buf *out, int *height_px, struct wm_err *err);

#endif
