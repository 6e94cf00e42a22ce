/*
 * fuzz_date.c: any text as a date ("YYYY-MM-DD", strict). An accepted
 * date writes back as the same text, its day number converts back to the
 * same year, month and day, and its weekday and financial year are in
 * range; anything else (2003-02-29, 2003-2-1, " 2003-01-01") is refused.
 */
#include "base/wm.h"

#include "base/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[32], back[DATE_ISO_LEN];
	size_t n = size < sizeof(text) - 1 ? size : sizeof(text) - 1;
	int day, y, m, d, w, fy;

	memcpy(text, data, n);
	text[n] = '\0';
	if (date_parse_iso(text, &day) != 0)
		return 0;
	date_format_iso(day, back);
	if (strcmp(back, text) != 0)
		abort();
	date_to_ymd(day, &y, &m, &d);
	if (!date_valid_ymd(y, m, d) || date_from_ymd(y, m, d) != day)
		abort();
	w = date_weekday(day);
	fy = date_fy_start_year(day);
	if (w < 0 || w > 6 || (fy != y && fy != y - 1))
		abort();
	return 0;
}
