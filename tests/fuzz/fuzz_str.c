/*
 * fuzz_str.c: any text through the strict number readers, the UTF-8
 * check and the "did you mean" matcher (base/str.h). A number that is
 * read must read the same again when written out; an edit distance is
 * symmetric and zero only for equal words (ASCII case aside).
 */
#include "base/wm.h"

#include <math.h>

#include "base/str.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const words[] = { "units", "posts", "recommendations", "targets",
		"measurements", "Camden", "" };
	char text[256], back[64], *half;
	size_t n = size < sizeof(text) - 1 ? size : sizeof(text) - 1, d1, d2;
	int64_t i, i2;
	double x, x2;

	memcpy(text, data, n);
	text[n] = '\0';
	if (str_to_int64(text, &i) == 0) {
		snprintf(back, sizeof(back), "%lld", (long long)i);
		if (str_to_int64(back, &i2) != 0 || i2 != i)
			abort();
	}
	if (str_to_double(text, &x) == 0 && isfinite(x)) {
		snprintf(back, sizeof(back), "%.17g", x);
		if (str_to_double(back, &x2) != 0 || x2 != x)
			abort();
	}
	(void)utf8_valid((const char *)data, size);
	/* The first half against the second. */
	half = text + strlen(text) / 2;
	d1 = str_edit_distance(text, half, 8);
	d2 = str_edit_distance(half, text, 8);
	if (d1 != d2 || d1 > 9)
		abort();
	if (str_edit_distance(text, text, 8) != 0)
		abort();
	(void)str_suggest(text, words, WM_ARRAY_LEN(words));
	str_trim(text);
	return 0;
}
