/*
 * timing.h: the clock and the median the bench's programs share.
 */
#ifndef WM_BENCH_TIMING_H
#define WM_BENCH_TIMING_H

#include "base/wm.h"

#include <time.h>

#include "base/mem.h"

static inline double
bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static inline int
bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The median of v[0..n) (n > 0), which it sorts. */
static inline double
bench_median(double *v, size_t n)
{
	wm_sort(v, n, sizeof(*v), bench_cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

#endif
