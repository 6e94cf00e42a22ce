/*
 * timing.h: the clock and the median the bench's programs share.
 */
#ifndef WM_BENCH_TIMING_H
#define WM_BENCH_TIMING_H

#include "base/wm.h"

#include <limits.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

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

/* Remove a sample's SQLite file db, its WAL and shared memory, and the folder dir holding it. */
static inline void
bench_remove_db(const char *dir, const char *db)
{
	char side[PATH_MAX];

	unlink(db);
	snprintf(side, sizeof(side), "%s-wal", db);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", db);
	unlink(side);
	rmdir(dir);
}

#endif
