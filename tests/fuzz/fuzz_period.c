/*
 * fuzz_period.c: any text as a reporting period ("2003-04", "2003-Q2",
 * "2003/04", "2003") and as a financial year. What is accepted must
 * survive the arithmetic the analyses do on it: its canonical text reads
 * back as the same period, its days lie in it, the next period follows
 * it, and the longer periods that hold it hold all of it.
 */
#include "base/wm.h"

#include "base/date.h"
#include "base/period.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
same(const struct period *a, const struct period *b)
{
	return a->kind == b->kind && a->year == b->year && a->n == b->n;
}

static void
check(const struct period *p)
{
	static const enum period_kind all[] = { PERIOD_MONTH, PERIOD_QUARTER, PERIOD_FYEAR,
		PERIOD_YEAR };
	char text[PERIOD_LEN];
	struct period again, next, of_first, of_last, c;
	int first = period_first_day(p), last = period_last_day(p);

	period_format(p, text);
	if (period_parse(text, &again) != 0 || !same(p, &again))
		abort();
	if (first > last)
		abort();
	of_first = period_of_day(p->kind, first);
	of_last = period_of_day(p->kind, last);
	if (!same(&of_first, p) || !same(&of_last, p))
		abort();
	next = period_add(p, 1);
	if (period_index(&next) != period_index(p) + 1 || period_first_day(&next) != last + 1)
		abort();
	for (size_t i = 0; i < WM_ARRAY_LEN(all); i++) {
		if (period_container(p, all[i], &c) != 0)
			continue;
		if (!period_within(p, &c))
			abort();
		if (period_elapsed(p, &c) < 1 || period_elapsed(p, &c) > period_count_in(p->kind, &c))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[64];
	size_t n = size < sizeof(text) - 1 ? size : sizeof(text) - 1;
	struct period p;
	int y;

	memcpy(text, data, n);
	text[n] = '\0';
	if (period_parse(text, &p) == 0)
		check(&p);
	if (fyear_parse(text, &y) == 0) {
		if (period_parse(text, &p) != 0 || p.kind != PERIOD_FYEAR || p.year != y)
			abort();
	}
	return 0;
}
