/*
 * numfmt.c: the one number formatter (see numfmt.h).
 */
#include "base/wm.h"

#include <math.h>

#include "base/numfmt.h"

/*
 * The fewest decimals that show v to six significant figures, and never
 * fewer than two for a number that has them: 27.1235, 0.333333,
 * 1,764,000.5, 26,195,000.
 */
static int
shortest(double v)
{
	int whole = fabs(v) >= 1 ? (int)floor(log10(fabs(v))) + 1 : 0;
	int most = whole >= 4 ? 2 : 6 - whole;
	double scale = pow(10, most), held = round(v * scale) / scale;

	for (int d = 0; d < most; d++) {
		double s = pow(10, d);

		if (fabs(round(held * s) / s - held) <= 1e-9 * fmax(1, fabs(held)))
			return d;
	}
	return most;
}

void
num_format(double v, int decimals, bool group, char *out, size_t len)
{
	char digits[NUM_LEN];
	const char *p;
	size_t n = 0, intlen;
	int d;

	if (len == 0)
		return;
	if (!isfinite(v) || fabs(v) >= 1e15) {
		snprintf(out, len, "%.15g", v);
		return;
	}
	d = decimals == NUM_SHORTEST ? shortest(v) : decimals < 0 ? 0 : decimals > 9 ? 9 :
	    decimals;
	snprintf(digits, sizeof(digits), "%.*f", d, v);
	/* "-0", "-0.00": a value that rounds to nothing has no sign */
	p = digits + (digits[0] == '-');
	if (digits[0] == '-' && strspn(p, "0.") == strlen(p))
		memmove(digits, p, strlen(p) + 1);
	p = digits;
	if (*p == '-') {
		if (n + 1 < len)
			out[n++] = '-';
		p++;
	}
	intlen = strcspn(p, ".");
	for (size_t i = 0; p[i] != '\0' && n + 1 < len; i++) {
		if (group && i > 0 && i < intlen && (intlen - i) % 3 == 0) {
			out[n++] = ',';
			if (n + 1 >= len)
				break;
		}
		out[n++] = p[i];
	}
	out[n] = '\0';
}
