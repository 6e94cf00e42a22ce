/*
 * pounds.c: formatting sums of money (see pounds.h).
 */
#include "base/wm.h"

#include <math.h>

#include "base/numfmt.h"
#include "report/pounds.h"

void
pounds_format(double v, char *out, size_t size)
{
	char n[NUM_LEN];
	double a;

	if (!isfinite(v) || fabs(v) > 1e15) {
		snprintf(out, size, "?");
		return;
	}
	a = round(fabs(v) * 100) / 100;
	num_format(a, fmod(a, 1) != 0 ? 2 : 0, true, n, sizeof(n));
	snprintf(out, size, "%s\u00a3%s", v < 0 && a > 0 ? "-" : "", n);
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
