/*
 * mem.h: allocation that cannot return NULL.
 *
 * Like git's xmalloc and Redis's zmalloc, running out of memory ends the
 * process with a message: no caller has a better plan, and a NULL check
 * after every allocation hides the real error paths. Hostile input cannot
 * drive us there, because every growable buffer has a cap (buf.h).
 */
#ifndef WM_MEM_H
#define WM_MEM_H

#include "base/wm.h"

void *wm_malloc(size_t n);
void *wm_calloc(size_t count, size_t size);
void *wm_realloc(void *p, size_t n);
/* realloc for arrays: checks count * size for overflow. */
void *wm_reallocarray(void *p, size_t count, size_t size);
char *wm_strdup(const char *s);
char *wm_strndup(const char *s, size_t n);

/* Grow *arr (of *cap elements of size sz) so that it holds at least need. */
#define WM_GROW(arr, need, cap) do { \
	if ((size_t)(need) > (cap)) { \
		size_t wm_nc_ = (cap) ? (cap) * 2 : 16; \
		while (wm_nc_ < (size_t)(need)) wm_nc_ *= 2; \
		(arr) = wm_reallocarray((arr), wm_nc_, sizeof(*(arr))); \
		(cap) = wm_nc_; \
	} \
} while (0)

/*
 * qsort for any count. qsort's array may not be null even when there is
 * nothing to sort, and an empty list here is usually a null one: UBSan
 * and the fuzzers found that three times before it was done once.
 */
static inline void
wm_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

#endif
