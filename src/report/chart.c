/*
 * chart.c: trend, sparkline and small-multiple charts (see chart.h).
 */
#include "base/wm.h"

#include <math.h>

#include "base/buf.h"
#include "base/mem.h"
#include "report/chart.h"
#include "report/svg.h"

/* The plot area inside a chart, and the values it spans. */
struct frame {
	double x, y, w, h;
	double lo, hi;
	size_t n;
};

static double
px(const struct frame *f, size_t i)
{
	return f->n <= 1 ? f->x + f->w / 2 : f->x + f->w * (double)i / (double)(f->n - 1);
}

static double
py(const struct frame *f, double v)
{
	return f->y + f->h - (v - f->lo) / (f->hi - f->lo) * f->h;
}

/*
 * A range any chart can draw: finite, in order, and wide enough that its
 * gridlines are distinct numbers. Two figures 1e7 and 1e7 + 2e-9 are the
 * same to a reader (and a step between them is below a double's
 * resolution there); one near the largest double would overflow hi - lo.
 */
static void
drawable(double *lo, double *hi)
{
	double m, t;

	if (!isfinite(*lo) || !isfinite(*hi)) {
		*lo = 0;
		*hi = 1;
	}
	if (*lo > *hi) {
		t = *lo;
		*lo = *hi;
		*hi = t;
	}
	*lo = fmin(fmax(*lo, -CHART_VALUE_MAX), CHART_VALUE_MAX);
	*hi = fmin(fmax(*hi, -CHART_VALUE_MAX), CHART_VALUE_MAX);
	m = fmax(fabs(*lo), fabs(*hi));
	if (*hi - *lo < fmax(1e-9, m * 1e-9)) {
		double pad = m > 0 ? fmax(m * 0.1, 1e-9) : 1;

		*lo -= pad;
		*hi += pad;
	}
}

/* The range of values and targets, padded, never empty. */
static void
span(const struct chart_series *s, size_t ns, double *lo, double *hi)
{
	*lo = INFINITY;
	*hi = -INFINITY;
	for (size_t k = 0; k < ns; k++)
		for (size_t i = 0; i < s[k].n; i++) {
			double v[2] = { s[k].values[i], s[k].targets ? s[k].targets[i] : NAN };

			for (int j = 0; j < 2; j++)
				if (isfinite(v[j])) {
					*lo = fmin(*lo, v[j]);
					*hi = fmax(*hi, v[j]);
				}
		}
	drawable(lo, hi);
	/* counts and rates near zero read best from zero */
	if (*lo > 0 && *lo < (*hi - *lo) * 0.5)
		*lo = 0;
}

void
chart_axis(double lo, double hi, int want, struct chart_axis *out)
{
	double raw, mag, r, step;
	int n;

	if (want < 1 || want > CHART_MAX_TICKS / 2)
		want = 5;
	drawable(&lo, &hi);
	/* a step of 1, 2 or 5 times a power of ten giving about `want` of them */
	raw = (hi - lo) / want;
	mag = pow(10, floor(log10(raw)));
	r = raw / mag;
	step = (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * mag;
	out->lo = floor(lo / step) * step;
	out->hi = ceil(hi / step) * step;
	/* counted, never accumulated: lo + i * step for i = 0..nticks */
	n = (int)fmin(fmax(round((out->hi - out->lo) / step), 1), CHART_MAX_TICKS);
	out->step = step;
	out->nticks = n;
	out->hi = out->lo + n * step;
	if (!(out->lo < out->hi) || !isfinite(out->hi)) {
		/* beyond what rounding to steps can keep finite: the range as it is */
		out->lo = lo;
		out->hi = hi;
		out->step = (hi - lo) / want;
		out->nticks = want;
	}
}

static void
fmt(char *out, size_t len, double v)
{
	if (!isfinite(v))
		snprintf(out, len, "no figure");
	else
		snprintf(out, len, "%.4g", v);
}

/* Lines through runs of figures; a missing figure breaks the line. */
static void
runs(struct svg *s, const struct frame *f, const double *v, size_t n, const char *cls)
{
	double *xs = wm_calloc(n + 1, sizeof(*xs)), *ys = wm_calloc(n + 1, sizeof(*ys));
	size_t k = 0;

	for (size_t i = 0; i <= n; i++) {
		if (i < n && isfinite(v[i])) {
			xs[k] = px(f, i);
			ys[k++] = py(f, v[i]);
			continue;
		}
		if (k >= 2)
			svg_polyline(s, xs, ys, k, cls, NULL);
		k = 0;
	}
	free(xs);
	free(ys);
}

/* A point whose shape says its status: circle, square, triangle, hollow circle. */
static void
mark(struct svg *s, double x, double y, double r, enum rag rag)
{
	double tx[3] = { x, x + r * 1.2, x - r * 1.2 }, ty[3] = { y - r * 1.3, y + r, y + r };

	switch (rag) {
	case RAG_GREEN:
		svg_circle(s, x, y, r, "c-green", NULL);
		break;
	case RAG_AMBER:
		svg_rect(s, x - r, y - r, 2 * r, 2 * r, "c-amber", NULL);
		break;
	case RAG_RED:
		svg_polygon(s, tx, ty, 3, "c-red", NULL);
		break;
	default:
		svg_circle(s, x, y, r, "c-none", NULL);
		break;
	}
}

static void
points(struct svg *s, const struct frame *f, const struct chart_series *c, double r)
{
	for (size_t i = 0; i < c->n; i++) {
		char v[32], t[32], title[160];
		enum rag rag = c->rags ? c->rags[i] : RAG_NOT_RATED;

		if (!isfinite(c->values[i]))
			continue;
		fmt(v, sizeof(v), c->values[i]);
		fmt(t, sizeof(t), c->targets ? c->targets[i] : NAN);
		snprintf(title, sizeof(title), "%s: %s%s%s, %s%s", c->labels[i], v,
		    c->targets && isfinite(c->targets[i]) ? ", target " : "",
		    c->targets && isfinite(c->targets[i]) ? t : "", rag_name(rag),
		    c->pending && c->pending[i] ? ", awaiting approval" : "");
		svg_group_begin(s, NULL, title);
		mark(s, px(f, i), py(f, c->values[i]), r, rag);
		if (c->pending && c->pending[i])
			svg_circle(s, px(f, i), py(f, c->values[i]), r * 2, "c-pending", NULL);
		svg_group_end(s);
	}
}

void
chart_trend(struct buf *out, const char *title, const char *desc, const char *y_label,
    const struct chart_series *c)
{
	struct frame f = { 64, 28, 556, 200, 0, 1, c->n };
	struct chart_axis ax;
	struct svg s;
	size_t every = c->n > 12 ? (c->n + 11) / 12 : 1;
	char label[32];

	span(c, 1, &f.lo, &f.hi);
	chart_axis(f.lo, f.hi, 5, &ax);
	f.lo = ax.lo;
	f.hi = ax.hi;
	svg_begin(&s, out, 640, 300, title, desc);
	svg_text(&s, f.x - 8, 14, "start", "c-t", y_label);
	for (int i = 0; i <= ax.nticks; i++) {
		double v = ax.lo + i * ax.step;

		svg_line(&s, f.x, py(&f, v), f.x + f.w, py(&f, v), "c-grid", NULL);
		fmt(label, sizeof(label), fabs(v) < ax.step / 1e6 ? 0 : v);
		svg_text(&s, f.x - 6, py(&f, v) + 4, "end", "c-t", label);
	}
	svg_line(&s, f.x, f.y + f.h, f.x + f.w, f.y + f.h, "c-axis", NULL);
	for (size_t i = 0; i < c->n; i += every)
		svg_text(&s, px(&f, i), f.y + f.h + 16, "middle", "c-t", c->labels[i]);
	if (c->targets != NULL)
		runs(&s, &f, c->targets, c->n, "c-target");
	runs(&s, &f, c->values, c->n, "c-line");
	points(&s, &f, c, c->n > 60 ? 2.5 : 4);
	/* the key, in shapes and words */
	svg_line(&s, 64, 282, 84, 282, "c-line", NULL);
	svg_text(&s, 88, 286, "start", "c-t", "figure");
	svg_line(&s, 140, 282, 160, 282, "c-target", NULL);
	svg_text(&s, 164, 286, "start", "c-t", "target");
	mark(&s, 220, 282, 4, RAG_GREEN);
	svg_text(&s, 228, 286, "start", "c-t", "green");
	mark(&s, 276, 282, 4, RAG_AMBER);
	svg_text(&s, 284, 286, "start", "c-t", "amber");
	mark(&s, 332, 282, 4, RAG_RED);
	svg_text(&s, 340, 286, "start", "c-t", "red");
	mark(&s, 380, 282, 4, RAG_NO_TARGET);
	svg_text(&s, 388, 286, "start", "c-t", "not judged");
	svg_end(&s);
}

/* The line, the target line and the last figure's mark, inside frame f. */
static void
small_trend(struct svg *s, const struct frame *f, const struct chart_series *c)
{
	size_t last = c->n;

	if (c->targets != NULL)
		runs(s, f, c->targets, c->n, "c-target");
	runs(s, f, c->values, c->n, "c-line");
	while (last > 0 && !isfinite(c->values[last - 1]))
		last--;
	if (last > 0)
		mark(s, px(f, last - 1), py(f, c->values[last - 1]), 3,
		    c->rags ? c->rags[last - 1] : RAG_NOT_RATED);
}

void
chart_sparkline(struct buf *out, const char *title, const struct chart_series *c)
{
	struct frame f = { 4, 4, 112, 22, 0, 1, c->n };
	struct svg s;
	char desc[200], v[32];
	size_t last = c->n;

	while (last > 0 && !isfinite(c->values[last - 1]))
		last--;
	fmt(v, sizeof(v), last > 0 ? c->values[last - 1] : NAN);
	snprintf(desc, sizeof(desc), "%zu periods%s%s: %s, %s", c->n, c->n ? " to " : "",
	    last > 0 ? c->labels[last - 1] : "", v,
	    rag_name(last > 0 && c->rags ? c->rags[last - 1] : RAG_NO_DATA));
	span(c, 1, &f.lo, &f.hi);
	svg_begin(&s, out, 120, 30, title, desc);
	small_trend(&s, &f, c);
	svg_end(&s);
}

/* s in at most max characters (UTF-8), an ellipsis ending it if it was cut. */
static void
clip_name(char *out, size_t size, const char *s, size_t max)
{
	size_t chars = 0, i = 0, cut = 0;

	for (; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && chars++ == max - 1)
			cut = i;
	if (chars <= max || cut == 0) {
		snprintf(out, size, "%s", s);
		return;
	}
	snprintf(out, size, "%.*s\xe2\x80\xa6", (int)cut, s);
}

void
chart_multiples(struct buf *out, const char *title, const char *desc,
    const struct chart_panel *panels, size_t n)
{
	/* each panel: its unit's name, then its latest figure below it (never side by side) */
	enum { COLS = 4, PW = 160, PH = 90, NAME_MAX_CHARS = 24 };
	size_t rows = (n + COLS - 1) / COLS;
	struct chart_series *all = wm_calloc(n + 1, sizeof(*all));
	double lo, hi;
	struct svg s;

	for (size_t i = 0; i < n; i++)
		all[i] = panels[i].s;
	span(all, n, &lo, &hi);
	svg_begin(&s, out, COLS * PW, (double)(rows > 0 ? rows : 1) * PH, title, desc);
	for (size_t i = 0; i < n; i++) {
		double x = (double)(i % COLS) * PW, y = (double)(i / COLS) * PH;
		struct frame f = { x + 8, y + 36, PW - 20, PH - 46, lo, hi, panels[i].s.n };
		char t[200], name[NAME_MAX_CHARS * 4 + 4];

		snprintf(t, sizeof(t), "%s: %s, %s", panels[i].label, panels[i].value,
		    rag_name(panels[i].s.rags && panels[i].s.n ?
		    panels[i].s.rags[panels[i].s.n - 1] : RAG_NO_DATA));
		svg_group_begin(&s, NULL, t);
		svg_rect(&s, x + 2, y + 2, PW - 6, PH - 6, "c-panel", NULL);
		/* a long name is cut to the panel's width; the panel's title holds it whole */
		clip_name(name, sizeof(name), panels[i].label, NAME_MAX_CHARS);
		svg_text(&s, x + 8, y + 16, "start", "c-h", name);
		svg_text(&s, x + 8, y + 30, "start", "c-t", panels[i].value);
		small_trend(&s, &f, &panels[i].s);
		svg_group_end(&s);
	}
	svg_end(&s);
	free(all);
}
