/*
 * mem.c: allocation wrappers that end the process on exhaustion.
 */
#include "base/wm.h"

#include "base/mem.h"

WM_NORETURN static void
out_of_memory(size_t n)
{
	fprintf(stderr, "waymark: out of memory allocating %zu bytes\n", n);
	abort();
}

void *
wm_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory(n);
	return p;
}

void *
wm_calloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory(count * size);
	return p;
}

void *
wm_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		out_of_memory(n);
	return q;
}

void *
wm_reallocarray(void *p, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	return wm_realloc(p, count * size);
}

char *
wm_strdup(const char *s)
{
	return wm_strndup(s, strlen(s));
}

char *
wm_strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = wm_malloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
