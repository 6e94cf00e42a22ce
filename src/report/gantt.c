/*
 * gantt.c: the Gantt chart (see gantt.h).
 *
 * Time runs left to right over whole months, from the month of the
 * earliest step to the month of the latest (and of the as-of date, when
 * it is near). Each step is one row; a timetable's title heads its rows.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
#include "report/gantt.h"
#include "report/svg.h"

#define LABEL_W 300.0
#define CHART_W 620.0
#define NOTE_W 140.0
#define ROW_H 20.0
#define TOP 40.0
#define LABEL_MAX 46

struct axis {
	int start, end;		/* first and last day shown */
};

static double
xpos(const struct axis *ax, double day)
{
	return LABEL_W + (day - ax->start) / (double)(ax->end - ax->start + 1) * CHART_W;
}

static int
month_start(int day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, m, 1);
}

static int
month_end(int day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, m, date_days_in_month(y, m));
}

static void
axis_draw(struct svg *s, const struct axis *ax, double bottom)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
		"Aug", "Sep", "Oct", "Nov", "Dec" };
	int y, m, d, ey, em, count, step;
	bool first = true;

	date_to_ymd(ax->start, &y, &m, &d);
	date_to_ymd(ax->end, &ey, &em, &d);
	count = (ey - y) * 12 + (em - m) + 1;
	/* counted months, and at most a couple of dozen labels whatever the span */
	step = count <= 18 ? 1 : count <= 48 ? 3 : 12 * ((count + 287) / 288);
	for (int i = 0; i < count; i++, m = m == 12 ? 1 : m + 1, y += m == 1) {
		double x = xpos(ax, date_from_ymd(y, m, 1));
		char year[8];

		if (i % step != 0)
			continue;
		svg_line(s, x, TOP - 4, x, bottom, "g-axis", NULL);
		svg_text(s, x + 2, 14, "start", "g-t", months[m - 1]);
		if (first || m == 1 || step >= 12) {
			snprintf(year, sizeof(year), "%d", y);
			svg_text(s, x + 2, 28, "start", "g-m", year);
		}
		first = false;
	}
}

/* "M1 Joint Authority and Service workshop agr…": a label cut to fit its column. */
static void
cut_label(const char *text, struct buf *out)
{
	size_t chars = 0;
	const char *p = text;

	for (; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xC0) != 0x80 && ++chars > LABEL_MAX) {
			buf_adds(out, "\u2026");
			return;
		}
		buf_addc(out, *p);
	}
}

static void
legend(struct svg *s, double y)
{
	double xs[4], ys[4];

	xs[0] = 10; xs[1] = 16; xs[2] = 10; xs[3] = 4;
	ys[0] = y - 6; ys[1] = y; ys[2] = y + 6; ys[3] = y;
	svg_polygon(s, xs, ys, 4, "g-bar", NULL);
	svg_text(s, 22, y + 4, "start", "g-t", "on a known day");
	svg_rect(s, 120, y - 6, 28, 12, "g-bar g-fuzzy", NULL);
	svg_text(s, 154, y + 4, "start", "g-t", "some time within the span (? uncertain)");
	svg_line(s, 390, y, 418, y, "g-ongoing", NULL);
	svg_text(s, 424, y + 4, "start", "g-t", "ongoing");
	svg_rect(s, 490, y - 6, 28, 12, "g-bar g-late", NULL);
	svg_text(s, 524, y + 4, "start", "g-t", "overdue");
	svg_rect(s, 590, y - 6, 28, 12, "g-bar g-done", NULL);
	svg_text(s, 624, y + 4, "start", "g-t", "done");
}

static void
step_draw(struct svg *s, const struct axis *ax, const struct gantt_row *r, double y)
{
	double mid = y + ROW_H / 2, x1, x2;
	const char *state = r->cancelled ? " g-cancel" : r->overdue ? " g-late" :
	    r->done ? " g-done" : "";
	char cls[48];

	if (r->first == DATE_NONE || r->last == DATE_NONE) {
		svg_text(s, LABEL_W + 4, mid + 4, "start", "g-m", "cannot be placed: no date");
		return;
	}
	x1 = xpos(ax, r->first);
	x2 = xpos(ax, r->last + 1);
	if (r->first == r->last && !r->fuzzy) {
		double xs[4] = { x1 + (x2 - x1) / 2, 0, 0, 0 }, ys[4];

		xs[1] = xs[0] + 6;
		xs[2] = xs[0];
		xs[3] = xs[0] - 6;
		ys[0] = mid - 6;
		ys[1] = mid;
		ys[2] = mid + 6;
		ys[3] = mid;
		snprintf(cls, sizeof(cls), "g-bar%s", state);
		svg_polygon(s, xs, ys, 4, cls, NULL);
		x2 = xs[0] + 6;
	} else {
		snprintf(cls, sizeof(cls), "g-bar%s%s", r->fuzzy ? " g-fuzzy" : "", state);
		svg_rect(s, x1, mid - 6, x2 - x1 < 2 ? 2 : x2 - x1, 12, cls, NULL);
	}
	if (r->ongoing)
		svg_line(s, x2, mid, LABEL_W + CHART_W, mid, "g-ongoing", NULL);
	if (r->uncertain)
		svg_text(s, x2 + 3, mid + 4, "start", "g-h", "?");
}

void
gantt_svg(const char *title, const char *desc, const struct gantt_row *rows, size_t n,
    int as_of, struct buf *out)
{
	struct axis ax = { DATE_NONE, DATE_NONE };
	double *ry = wm_calloc(n + 1, sizeof(*ry)), y = TOP, height;
	const char *group = NULL;
	size_t nrows = 0;
	struct svg s;
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		if (rows[i].group != NULL && (group == NULL || strcmp(group, rows[i].group) != 0)) {
			group = rows[i].group;
			nrows++;
		}
		nrows++;
		if (rows[i].first == DATE_NONE || rows[i].last == DATE_NONE)
			continue;
		if (!any || rows[i].first < ax.start)
			ax.start = rows[i].first;
		if (!any || rows[i].last > ax.end)
			ax.end = rows[i].last;
		any = true;
	}
	if (!any)
		ax.start = ax.end = as_of != DATE_NONE ? as_of : date_from_ymd(2000, 1, 1);
	/* the as-of date is shown when it is within three months of the steps */
	if (as_of != DATE_NONE && as_of > ax.end && as_of - ax.end < 92)
		ax.end = as_of;
	if (as_of != DATE_NONE && as_of < ax.start && ax.start - as_of < 92)
		ax.start = as_of;
	ax.start = month_start(ax.start);
	ax.end = month_end(ax.end);
	height = TOP + (double)nrows * ROW_H + 44;
	svg_begin(&s, out, LABEL_W + CHART_W + NOTE_W, height, title, desc);
	axis_draw(&s, &ax, TOP + (double)nrows * ROW_H);
	group = NULL;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].group != NULL && (group == NULL || strcmp(group, rows[i].group) != 0)) {
			group = rows[i].group;
			svg_text(&s, 4, y + ROW_H / 2 + 4, "start", "g-h", group);
			y += ROW_H;
		}
		ry[i] = y;
		y += ROW_H;
	}
	for (size_t i = 0; i < n; i++) {
		const struct gantt_row *r = &rows[i];

		for (size_t k = 0; k < r->ndeps; k++) {
			const struct gantt_row *d = r->deps[k] < n ? &rows[r->deps[k]] : NULL;
			double xs[4], ys[4];

			if (d == NULL || d->last == DATE_NONE || r->first == DATE_NONE)
				continue;
			xs[0] = xpos(&ax, d->last + 1);
			xs[1] = xs[2] = xs[0] + 3;
			xs[3] = xpos(&ax, r->first);
			ys[0] = ys[1] = ry[r->deps[k]] + ROW_H / 2;
			ys[2] = ys[3] = ry[i] + ROW_H / 2;
			svg_polyline(&s, xs, ys, 4, "g-dep", NULL);
		}
	}
	for (size_t i = 0; i < n; i++) {
		const struct gantt_row *r = &rows[i];
		struct buf label = BUF_INIT;

		svg_group_begin(&s, NULL, r->tip);
		cut_label(r->label, &label);
		svg_text(&s, 12, ry[i] + ROW_H / 2 + 4, "start", "g-t", buf_str(&label));
		step_draw(&s, &ax, r, ry[i]);
		if (r->note != NULL)
			svg_text(&s, LABEL_W + CHART_W + 6, ry[i] + ROW_H / 2 + 4, "start",
			    r->overdue ? "g-late-t" : "g-m", r->note);
		svg_group_end(&s);
		buf_release(&label);
	}
	if (as_of != DATE_NONE && as_of >= ax.start && as_of <= ax.end) {
		char d[DATE_ISO_LEN + 8];
		double x = xpos(&ax, as_of + 0.5);

		svg_line(&s, x, TOP - 6, x, TOP + (double)nrows * ROW_H, "g-now", NULL);
		date_format_iso(as_of, d);
		svg_text(&s, x, TOP + (double)nrows * ROW_H + 12, "middle", "g-late-t", d);
	}
	legend(&s, height - 18);
	svg_end(&s);
	free(ry);
}
