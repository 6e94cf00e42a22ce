/*
 * date.c: day-number arithmetic (after Howard Hinnant's days_from_civil).
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/date.h"
#include "base/err.h"

const char *const date_month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool
date_valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_days_in_month(y, m);
}

int
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_to_ymd(int date, int *y, int *m, int *d)
{
	int z = date + 719468, era, doe, yoe, doy, mp, yy;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yy + (*m <= 2);
}

static int
digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int
date_parse_iso(const char *s, int *date)
{
	int y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d) ||
	    !date_valid_ymd(y, m, d))
		return WM_EINVAL;
	*date = date_from_ymd(y, m, d);
	return 0;
}

void
date_format_iso(int date, char *out)
{
	int y, m, d;

	if (date == DATE_NONE) {
		out[0] = '\0';
		return;
	}
	date_to_ymd(date, &y, &m, &d);
	snprintf(out, DATE_ISO_LEN, "%04d-%02d-%02d", y, m, d);
}

int
date_weekday(int date)
{
	/* 1970-01-01 was a Thursday */
	int w = (date + 3) % 7;

	return w < 0 ? w + 7 : w;
}

int
date_fy_start_year(int date)
{
	int y, m, d;

	date_to_ymd(date, &y, &m, &d);
	return m >= 4 ? y : y - 1;
}

int
date_from_time(time_t t)
{
	long long days = (long long)t / 86400;

	if ((long long)t < 0 && (long long)t % 86400 != 0)
		days--;
	return (int)days;
}

int
date_today(void)
{
	return date_from_time(time(NULL));
}

void
timestamp_format(time_t t, char *out)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, TIMESTAMP_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int
timestamp_parse(const char *s, time_t *out)
{
	char d[DATE_ISO_LEN];
	int day, h, m, sec;

	if (s == NULL || strlen(s) != TIMESTAMP_LEN - 1 || s[10] != 'T' || s[19] != 'Z' ||
	    s[13] != ':' || s[16] != ':')
		return WM_EINVAL;
	memcpy(d, s, 10);
	d[10] = '\0';
	if (date_parse_iso(d, &day) != 0 || !isdigit((unsigned char)s[11]) ||
	    sscanf(s + 11, "%2d:%2d:%2d", &h, &m, &sec) != 3 || h > 23 || m > 59 || sec > 60)
		return WM_EINVAL;
	*out = (time_t)day * 86400 + h * 3600 + m * 60 + sec;
	return 0;
}
