/*
 * fuzz_tsc.c: any bytes through the fuzzy timescale reader, with and
 * without a document date; the interval it gives must be in order.
 */
#include "base/wm.h"

#include "base/date.h"
#include "base/tsc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[512];
	struct timescale t;
	size_t n = size < sizeof(text) - 1 ? size : sizeof(text) - 1;

	memcpy(text, data, n);
	text[n] = '\0';
	tsc_parse(text, DATE_NONE, &t);
	tsc_parse(text, date_from_ymd(2002, 9, 19), &t);
	if (t.earliest != DATE_NONE && t.latest != DATE_NONE && t.earliest > t.latest)
		abort();
	return 0;
}
