/*
 * arena.c: a bump allocator over a chain of blocks.
 *
 * Small requests come from the current block; a request larger than a
 * quarter of the block size gets a block of its own, so one big string does
 * not waste the rest of a fresh block.
 */
#include "base/wm.h"

#include "base/arena.h"
#include "base/mem.h"

#define ARENA_BLOCK ((size_t)64 * 1024)

/* Under AddressSanitizer a reset frees every block, so a use after it is caught. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_UNDER_ASAN 1
#endif
#endif
#define ARENA_ALIGN ((size_t)16)

struct block {
	struct block *next;
	size_t size, used;
	/* C11 max_align_t keeps data[] suitably aligned */
	max_align_t data[];
};

struct arena {
	struct block *head;
	size_t total;
};

struct arena *
arena_new(void)
{
	return wm_calloc(1, sizeof(struct arena));
}

void
arena_free(struct arena *a)
{
	struct block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void
arena_reset(struct arena *a)
{
	struct block *b, *next, *keep = NULL;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
#ifndef ARENA_UNDER_ASAN
		if (keep == NULL && b->size == ARENA_BLOCK) {
			keep = b;
			continue;
		}
#endif
		free(b);
	}
	if (keep != NULL) {
		keep->next = NULL;
		keep->used = 0;
	}
	a->head = keep;
	a->total = 0;
}

static struct block *
block_new(size_t size)
{
	struct block *b = wm_malloc(sizeof(*b) + size);

	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct block *b;
	void *p;

	n = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (n == 0)
		n = ARENA_ALIGN;
	if (n > ARENA_BLOCK / 4) {
		/* A big request gets its own block, kept behind the current one. */
		b = block_new(n);
		b->used = n;
		if (a->head != NULL) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			a->head = b;
		}
		a->total += n;
		memset(b->data, 0, n);
		return b->data;
	}
	if (a->head == NULL || a->head->size - a->head->used < n) {
		b = block_new(ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
	}
	b = a->head;
	p = (char *)b->data + b->used;
	b->used += n;
	a->total += n;
	memset(p, 0, n);
	return p;
}

void *
arena_array(struct arena *a, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size) {
		fprintf(stderr, "waymark: arena array too large\n");
		abort();
	}
	return arena_alloc(a, count * size);
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = arena_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_memdup(struct arena *a, const void *p, size_t n)
{
	char *out = arena_alloc(a, n + 1);	/* zeroed: the NUL after them is there */

	if (n > 0)
		memcpy(out, p, n);
	return out;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return s == NULL ? NULL : arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap, cp;
	int n;
	char *p;

	va_start(ap, fmt);
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		va_end(ap);
		return arena_strdup(a, "");
	}
	p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}
