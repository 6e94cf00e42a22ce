/*
 * tsc.c: reading fuzzy timescales.
 *
 * This first version places exact dates, "Month YYYY", a bare month (in
 * the document's year), financial years and the words "ongoing" and
 * "complete". Anything else is left unplaced with a reason.
 */
#include "base/wm.h"

#include <ctype.h>

#include "base/date.h"
#include "base/period.h"
#include "base/str.h"
#include "base/tsc.h"

static int
month_of(const char *word)
{
	for (int m = 0; m < 12; m++) {
		size_t len = strlen(date_month_names[m]);

		if (strncasecmp(word, date_month_names[m], len) == 0 &&
		    !isalpha((unsigned char)word[len]))
			return m + 1;
		if (strncasecmp(word, date_month_names[m], 3) == 0 &&
		    !isalpha((unsigned char)word[3]))
			return m + 1;
	}
	return 0;
}

void
tsc_parse(const char *text, int doc_date, struct timescale *out)
{
	char buf[256];
	int m, y, fy, d;
	char *s, *rest;

	*out = (struct timescale){ DATE_NONE, DATE_NONE, false, false, false, false, NULL };
	if (text == NULL || str_is_blank(text)) {
		out->why = "no timescale given";
		return;
	}
	wm_strlcpy(buf, text, sizeof(buf));
	s = str_trim(buf);
	if (strcasecmp(s, "ongoing") == 0) {
		out->ongoing = true;
		return;
	}
	if (strcasecmp(s, "complete") == 0 || strcasecmp(s, "completed") == 0) {
		out->complete = true;
		return;
	}
	if (date_parse_iso(s, &d) == 0) {
		out->earliest = out->latest = d;
		return;
	}
	if (fyear_parse(s, &fy) == 0) {
		out->earliest = date_from_ymd(fy, 4, 1);
		out->latest = date_from_ymd(fy + 1, 3, 31);
		return;
	}
	if ((m = month_of(s)) != 0) {
		rest = s;
		while (isalpha((unsigned char)*rest))
			rest++;
		while (*rest == ' ')
			rest++;
		if (*rest == '\0' && doc_date != DATE_NONE) {
			int dm, dd;

			date_to_ymd(doc_date, &y, &dm, &dd);
		} else if (strlen(rest) == 4 && isdigit((unsigned char)rest[0]) &&
		    isdigit((unsigned char)rest[3])) {
			int64_t v;

			if (str_to_int64(rest, &v) != 0) {
				out->why = "not a date Waymark can read";
				return;
			}
			y = (int)v;
		} else {
			out->why = "not a date Waymark can read";
			return;
		}
		out->earliest = date_from_ymd(y, m, 1);
		out->latest = date_from_ymd(y, m, date_days_in_month(y, m));
		return;
	}
	out->why = "not a date Waymark can read";
}
