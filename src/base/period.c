/*
 * period.c: parsing and arithmetic of reporting periods.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/date.h"
#include "base/err.h"
#include "base/period.h"

static bool
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static int
num(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int
fyear_parse(const char *s, int *start_year)
{
	size_t len = strlen(s);
	int y, end;

	/* "2003/04" or "2003/2004"; the second year must follow the first. */
	if ((len != 7 && len != 9) || s[4] != '/' || !all_digits(s, 4) ||
	    !all_digits(s + 5, len - 5))
		return WM_EINVAL;
	y = num(s, 4);
	end = num(s + 5, len - 5);
	if (len == 7 ? end != (y + 1) % 100 : end != y + 1)
		return WM_EINVAL;
	if (y < 1 || y > 9998)
		return WM_EINVAL;
	*start_year = y;
	return 0;
}

int
period_parse(const char *s, struct period *p)
{
	size_t len;

	if (s == NULL)
		return WM_EINVAL;
	len = strlen(s);
	if (len == 4 && all_digits(s, 4)) {
		*p = (struct period){ PERIOD_YEAR, num(s, 4), 0 };
	} else if (len == 7 && s[4] == '-' && all_digits(s, 4) && all_digits(s + 5, 2)) {
		*p = (struct period){ PERIOD_MONTH, num(s, 4), num(s + 5, 2) };
		if (p->n < 1 || p->n > 12)
			return WM_EINVAL;
	} else if (len == 7 && s[4] == '-' && (s[5] == 'Q' || s[5] == 'q') &&
	    all_digits(s, 4) && s[6] >= '1' && s[6] <= '4') {
		*p = (struct period){ PERIOD_QUARTER, num(s, 4), s[6] - '0' };
	} else if (len > 4 && s[4] == '/') {
		int y;

		if (fyear_parse(s, &y) != 0)
			return WM_EINVAL;
		*p = (struct period){ PERIOD_FYEAR, y, 0 };
	} else {
		return WM_EINVAL;
	}
	return p->year >= 1 && p->year <= 9998 ? 0 : WM_EINVAL;
}

void
period_format(const struct period *p, char *out)
{
	switch (p->kind) {
	case PERIOD_MONTH:
		snprintf(out, PERIOD_LEN, "%04d-%02d", p->year, p->n);
		break;
	case PERIOD_QUARTER:
		snprintf(out, PERIOD_LEN, "%04d-Q%d", p->year, p->n);
		break;
	case PERIOD_FYEAR:
		snprintf(out, PERIOD_LEN, "%04d/%02d", p->year, (p->year + 1) % 100);
		break;
	case PERIOD_YEAR:
		snprintf(out, PERIOD_LEN, "%04d", p->year);
		break;
	}
}

void
period_range_format(enum period_kind kind, int first, int last, char *out, size_t len)
{
	struct period a = period_from_index(kind, first), b = period_from_index(kind, last);
	char x[PERIOD_LEN], y[PERIOD_LEN];

	if (kind == PERIOD_MONTH) {
		if (first == last)
			snprintf(out, len, "%.3s %d", date_month_names[a.n - 1], a.year);
		else if (a.year == b.year)
			snprintf(out, len, "%.3s\u2013%.3s %d", date_month_names[a.n - 1],
			    date_month_names[b.n - 1], b.year);
		else
			snprintf(out, len, "%.3s %d\u2013%.3s %d", date_month_names[a.n - 1], a.year,
			    date_month_names[b.n - 1], b.year);
		return;
	}
	period_format(&a, x);
	period_format(&b, y);
	if (first == last)
		snprintf(out, len, "%s", x);
	else
		snprintf(out, len, "%s to %s", x, y);
}

int
period_first_day(const struct period *p)
{
	switch (p->kind) {
	case PERIOD_MONTH: return date_from_ymd(p->year, p->n, 1);
	case PERIOD_QUARTER: return date_from_ymd(p->year, (p->n - 1) * 3 + 1, 1);
	case PERIOD_FYEAR: return date_from_ymd(p->year, 4, 1);
	case PERIOD_YEAR: return date_from_ymd(p->year, 1, 1);
	}
	return DATE_NONE;
}

int
period_last_day(const struct period *p)
{
	struct period next = period_add(p, 1);

	return period_first_day(&next) - 1;
}

int
period_per_year(enum period_kind kind)
{
	switch (kind) {
	case PERIOD_MONTH: return 12;
	case PERIOD_QUARTER: return 4;
	default: return 1;
	}
}

int
period_index(const struct period *p)
{
	int per = period_per_year(p->kind);

	return p->year * per + (per > 1 ? p->n - 1 : 0);
}

struct period
period_from_index(enum period_kind kind, int index)
{
	int per = period_per_year(kind);
	struct period p = { kind, index / per, per > 1 ? index % per + 1 : 0 };

	return p;
}

struct period
period_add(const struct period *p, int steps)
{
	return period_from_index(p->kind, period_index(p) + steps);
}

bool
period_within(const struct period *a, const struct period *b)
{
	return period_first_day(a) >= period_first_day(b) &&
	    period_last_day(a) <= period_last_day(b);
}

const char *
period_kind_name(enum period_kind kind)
{
	switch (kind) {
	case PERIOD_MONTH: return "month";
	case PERIOD_QUARTER: return "quarter";
	case PERIOD_FYEAR: return "financial year";
	case PERIOD_YEAR: return "year";
	}
	return "period";
}

struct period
period_of_day(enum period_kind kind, int day)
{
	int y, m, d;
	struct period p = { kind, 0, 0 };

	date_to_ymd(day, &y, &m, &d);
	p.year = y;
	switch (kind) {
	case PERIOD_MONTH: p.n = m; break;
	case PERIOD_QUARTER: p.n = (m - 1) / 3 + 1; break;
	case PERIOD_FYEAR: p.year = m >= 4 ? y : y - 1; break;
	case PERIOD_YEAR: break;
	}
	return p;
}

static int
kind_rank(enum period_kind kind)
{
	switch (kind) {
	case PERIOD_MONTH: return 0;
	case PERIOD_QUARTER: return 1;
	default: return 2;
	}
}

bool
period_kind_shorter(enum period_kind kind, enum period_kind other)
{
	return kind_rank(kind) < kind_rank(other);
}

int
period_container(const struct period *p, enum period_kind kind, struct period *out)
{
	if (p->kind == kind) {
		*out = *p;
		return 0;
	}
	if (!period_kind_shorter(p->kind, kind))
		return WM_EINVAL;
	*out = period_of_day(kind, period_first_day(p));
	return period_within(p, out) ? 0 : WM_EINVAL;
}

int
period_elapsed(const struct period *p, const struct period *container)
{
	struct period first = period_of_day(p->kind, period_first_day(container));

	return period_index(p) - period_index(&first) + 1;
}

int
period_count_in(enum period_kind kind, const struct period *container)
{
	struct period first = period_of_day(kind, period_first_day(container));
	struct period last = period_of_day(kind, period_last_day(container));

	return period_index(&last) - period_index(&first) + 1;
}
