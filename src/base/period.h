/*
 * period.h: reporting periods.
 *
 * One syntax everywhere: "2003-04" is April 2003, "2003-Q2" the calendar
 * quarter April-June 2003, "2003/04" the financial year 1 April 2003 to
 * 31 March 2004, "2003" the calendar year. A period is also a number
 * (period_index) so that "the previous one" and "the same one last year"
 * are arithmetic.
 */
#ifndef WM_PERIOD_H
#define WM_PERIOD_H

#include "base/wm.h"

enum period_kind {
	PERIOD_MONTH,
	PERIOD_QUARTER,
	PERIOD_FYEAR,
	PERIOD_YEAR
};

struct period {
	enum period_kind kind;
	int year;	/* for PERIOD_FYEAR, the year it starts */
	int n;		/* month 1-12, quarter 1-4, else 0 */
};

#define PERIOD_LEN 12

/* Strict parse of the four forms; WM_EINVAL with no message otherwise. */
int period_parse(const char *s, struct period *p);
/* Canonical text into out (PERIOD_LEN bytes). */
void period_format(const struct period *p, char *out);

/* First and last day (date.h day numbers). */
int period_first_day(const struct period *p);
int period_last_day(const struct period *p);

/* Consecutive periods of one kind have consecutive indexes. */
int period_index(const struct period *p);
struct period period_from_index(enum period_kind kind, int index);
struct period period_add(const struct period *p, int steps);
/* Periods of its kind in a year: 12, 4 or 1. */
int period_per_year(enum period_kind kind);

/* Does a lie wholly inside b? */
bool period_within(const struct period *a, const struct period *b);

/* Read a financial year, "2003/04" or "2003/2004", into the year it starts. */
int fyear_parse(const char *s, int *start_year);

const char *period_kind_name(enum period_kind kind);

#endif
