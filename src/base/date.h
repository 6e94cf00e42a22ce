/*
 * date.h: calendar dates as day numbers.
 *
 * A date is an int: days since 1970-01-01 in the proleptic Gregorian
 * calendar. Differences are plain subtraction; "no date" is DATE_NONE.
 * The financial year of an English public body runs 1 April to 31 March
 * and is written "2003/04".
 */
#ifndef WM_DATE_H
#define WM_DATE_H

#include "base/wm.h"

#include <time.h>

#define DATE_NONE INT_MIN
#define DATE_ISO_LEN 11	/* "YYYY-MM-DD" and a NUL */
#define TIMESTAMP_LEN 21	/* "YYYY-MM-DDTHH:MM:SSZ" and a NUL */

bool date_valid_ymd(int y, int m, int d);
int date_days_in_month(int y, int m);
int date_from_ymd(int y, int m, int d);
void date_to_ymd(int date, int *y, int *m, int *d);

/* Strict "YYYY-MM-DD"; WM_EINVAL for anything else, including 2003-02-30. */
int date_parse_iso(const char *s, int *date);
/* Writes "YYYY-MM-DD" into out (DATE_ISO_LEN bytes); "" for DATE_NONE. */
void date_format_iso(int date, char *out);

/* 0 = Monday ... 6 = Sunday */
int date_weekday(int date);

/* The year in which the financial year holding date starts (2003 for 2004-02-01). */
int date_fy_start_year(int date);

/* Today in UTC from the system clock. */
int date_today(void);
int date_from_time(time_t t);

/* "YYYY-MM-DDTHH:MM:SSZ" in UTC into out (TIMESTAMP_LEN bytes). */
void timestamp_format(time_t t, char *out);
/* The instant a timestamp_format() text stands for; WM_EINVAL for anything else. */
int timestamp_parse(const char *s, time_t *out);

extern const char *const date_month_names[12];	/* "January" ... */

#endif
