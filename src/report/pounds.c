/*
 * pounds.c: formatting sums of money (see pounds.h).
 */
#include "base/wm.h"

#include <math.h>

#include "report/pounds.h"

void
pounds_format(double v, char *out, size_t size)
{
	char digits[32], grouped[48];
	long long whole;
	int pence, len, n = 0;
	bool neg = v < 0;

	if (!isfinite(v) || fabs(v) > 1e15) {
		snprintf(out, size, "?");
		return;
	}
	v = fabs(v);
	whole = (long long)floor(v + 0.005);
	pence = (int)llround((v - (double)whole) * 100);
	if (pence >= 100) {
		whole++;
		pence = 0;
	}
	len = snprintf(digits, sizeof(digits), "%lld", whole);
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			grouped[n++] = ',';
		grouped[n++] = digits[i];
	}
	grouped[n] = '\0';
	if (pence > 0)
		snprintf(out, size, "%s\u00a3%s.%02d", neg ? "-" : "", grouped, pence);
	else
		snprintf(out, size, "%s\u00a3%s", neg ? "-" : "", grouped);
}

void
pounds_short(double v, char *out, size_t size)
{
	double a = fabs(v);
	const char *sign = v < 0 ? "-" : "";

	if (a >= 1e6)
		snprintf(out, size, "%s\u00a3%.3gm", sign, a / 1e6);
	else if (a >= 1e3)
		snprintf(out, size, "%s\u00a3%.3gk", sign, a / 1e3);
	else
		snprintf(out, size, "%s\u00a3%.0f", sign, a);
}
