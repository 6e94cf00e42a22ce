/*
 * chart.h: the performance charts, as SVG: one indicator's trend with its
 * target line and RAG points, a sparkline, and small multiples (one
 * indicator across many units, one small trend each).
 *
 * Every chart names itself (title, desc), labels its axes, and carries its
 * meaning in shapes as well as colour: a green point is a circle, amber a
 * square, red a triangle, unjudged a hollow circle. Missing figures leave
 * a gap in the line rather than being drawn as zero; a figure that still
 * awaits approval has a dashed ring around its point.
 */
#ifndef WM_CHART_H
#define WM_CHART_H

#include "base/wm.h"

#include "analysis/perf.h"

struct buf;

/* A series over periods: NAN where there is no figure or no target. */
struct chart_series {
	const char *const *labels;	/* one per period, oldest first */
	const double *values;
	const double *targets;		/* NULL: no target line */
	const enum rag *rags;		/* NULL: points not judged */
	size_t n;
	const bool *pending;		/* figures awaiting approval, ringed; NULL: none */
};

/*
 * A value axis: gridlines at lo + i * step for i = 0..nticks, lo < hi and
 * all of it finite, whatever the figures (the largest doubles, two figures
 * a billionth apart, NaN). Counted, so a loop over it always ends.
 */
struct chart_axis {
	double lo, hi, step;
	int nticks;
};

#define CHART_MAX_TICKS 24
/* Values beyond this are drawn at it (input refuses them: kind.h's limits). */
#define CHART_VALUE_MAX 1e300

/* The axis for values from lo to hi, with about want (1 to 12) steps of 1, 2 or 5 x 10^n. */
void chart_axis(double lo, double hi, int want, struct chart_axis *out);

/* A trend chart, about 640 x 300; y_label names the unit of measure. */
void chart_trend(struct buf *out, const char *title, const char *desc, const char *y_label,
    const struct chart_series *s);

/* A word-sized trend (about 120 x 30): the line, and the last point's RAG. */
void chart_sparkline(struct buf *out, const char *title, const struct chart_series *s);

/* One small trend per panel, in a grid; all panels share the y scale. */
struct chart_panel {
	const char *label;	/* the unit */
	const char *value;	/* the latest figure as shown */
	struct chart_series s;
};

void chart_multiples(struct buf *out, const char *title, const char *desc,
    const struct chart_panel *panels, size_t n);

#endif
