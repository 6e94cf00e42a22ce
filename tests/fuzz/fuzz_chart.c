/*
 * fuzz_chart.c: any doubles (every bit pattern: NaN, infinities, the
 * largest and smallest, neighbours a step of resolution apart) as the
 * figures and targets of the charts. The axis must be finite and in order
 * with a counted, bounded number of distinct gridlines, and every chart
 * must be drawn in bounded output: a figure near 1.7e308, or two figures
 * such as 1e7 and 1e7 + 2e-9, once made the tick loop run for ever.
 */
#include "base/wm.h"

#include <math.h>

#include "base/buf.h"
#include "report/chart.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_POINTS 64

static void
check_axis(double lo, double hi, int want)
{
	struct chart_axis ax;

	chart_axis(lo, hi, want, &ax);
	if (!isfinite(ax.lo) || !isfinite(ax.hi) || !isfinite(ax.step) || !(ax.lo < ax.hi) ||
	    ax.nticks < 1 || ax.nticks > CHART_MAX_TICKS || !(ax.step > 0))
		abort();
	/* every gridline its own number, in order */
	for (int i = 1; i <= ax.nticks; i++)
		if (!(ax.lo + (i - 1) * ax.step < ax.lo + i * ax.step))
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	double v[2 * MAX_POINTS];
	const char *labels[MAX_POINTS];
	enum rag rags[MAX_POINTS];
	size_t n = size / sizeof(double);
	struct chart_series s;
	struct chart_panel panels[2];
	struct buf out = BUF_INIT;

	if (n > 2 * MAX_POINTS)
		n = 2 * MAX_POINTS;
	memcpy(v, data, n * sizeof(double));
	if (n >= 2) {
		check_axis(v[0], v[1], 5);
		check_axis(v[1], v[0], (int)(size % 8) + 1);
	}
	for (size_t i = 0; i < MAX_POINTS; i++) {
		labels[i] = "2004-05";
		rags[i] = (enum rag)(i % 4);
	}
	s.labels = labels;
	s.values = v;
	s.targets = n / 2 > 0 ? v + n / 2 : NULL;
	s.rags = rags;
	s.n = n / 2;
	s.pending = NULL;
	chart_trend(&out, "t", "d", "%", &s);
	chart_sparkline(&out, "t", &s);
	panels[0] = (struct chart_panel){ "Camden", "1", s };
	panels[1] = (struct chart_panel){ "Hackney", "2", s };
	chart_multiples(&out, "t", "d", panels, 2);
	/* bounded: a few kilobytes a point, whatever the figures */
	if (out.len > 64 * 1024 + (size_t)s.n * 8 * 1024)
		abort();
	buf_release(&out);
	return 0;
}
