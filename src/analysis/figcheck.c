/*
 * figcheck.c: the checks before a figure is saved (see figcheck.h).
 */
#include "base/wm.h"

#include <math.h>

#include "analysis/figcheck.h"
#include "base/mem.h"

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The median of a[0..n) (sorted in place); n > 0. */
static double
median(double *a, size_t n)
{
	wm_sort(a, n, sizeof(*a), dbl_cmp);
	return n % 2 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
}

bool
figcheck_robust_z(double v, const double *h, size_t n, double *z, double *med)
{
	double *a = wm_calloc(n + 1, sizeof(*a)), *dev = wm_calloc(n + 1, sizeof(*dev));
	double m, mad, mean_ad = 0;
	size_t k = 0;
	bool ok = false;

	*z = *med = NAN;
	for (size_t i = 0; i < n; i++)
		if (isfinite(h[i]))
			a[k++] = h[i];
	if (k < FIGCHECK_MIN_HISTORY)
		goto out;
	m = median(a, k);
	for (size_t i = 0; i < k; i++) {
		dev[i] = fabs(a[i] - m);
		mean_ad += dev[i];
	}
	mean_ad /= (double)k;
	mad = median(dev, k);
	if (mad > 0)
		*z = 0.6745 * (v - m) / mad;
	else if (mean_ad > 0)
		*z = (v - m) / (1.253314 * mean_ad);
	else
		*z = v == m ? 0 : v > m ? INFINITY : -INFINITY;
	*med = m;
	ok = true;
out:
	free(a);
	free(dev);
	return ok;
}

void
figcheck_run(const struct figcheck *in, struct figcheck_result *out)
{
	out->problems = 0;
	if ((isfinite(in->lo) && in->value < in->lo) || (isfinite(in->hi) && in->value > in->hi))
		out->problems |= FIGCHECK_RANGE;
	if (figcheck_robust_z(in->value, in->history, in->nhistory, &out->z, &out->median) &&
	    fabs(out->z) > FIGCHECK_Z)
		out->problems |= FIGCHECK_OUTLIER;
	if (in->ratio && !in->has_counts)
		out->problems |= FIGCHECK_COUNTS;
}
