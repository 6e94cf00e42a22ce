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

/*
 * The run of periods of one kind from index first to last as a person
 * writes it, into out (PERIOD_RANGE_LEN bytes): "Oct 2004", "Apr–Oct
 * 2004", "Apr 2004–Mar 2005"; other kinds "2004-Q1", "2004-Q1 to 2004-Q3".
 */
#define PERIOD_RANGE_LEN 40
void period_range_format(enum period_kind kind, int first, int last, char *out, size_t len);

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

/* The period of this kind that holds the given day. */
struct period period_of_day(enum period_kind kind, int day);

/*
 * The period of a longer kind that holds p (a month's quarter, financial
 * year or year). WM_EINVAL when kind is shorter than p's or does not hold
 * it whole (a quarter is not within one financial year... it is; a
 * financial year is not within a calendar year).
 */
int period_container(const struct period *p, enum period_kind kind, struct period *out);

/* The periods of p's kind from the start of container up to and including p. */
int period_elapsed(const struct period *p, const struct period *container);
/* How many periods of kind make up container (12 months in a financial year). */
int period_count_in(enum period_kind kind, const struct period *container);

/* Is kind a shorter period than other (month < quarter < year and financial year)? */
bool period_kind_shorter(enum period_kind kind, enum period_kind other);

const char *period_kind_name(enum period_kind kind);

#endif
