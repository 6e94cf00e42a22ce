/*
 * arena.h: memory for one request or one report, dropped in one call.
 *
 * Everything allocated from an arena lives until arena_free(); nothing in
 * it is freed on its own. Handlers and report builders allocate freely and
 * have a single cleanup, so they have no leak paths to get wrong.
 */
#ifndef WM_ARENA_H
#define WM_ARENA_H

#include "base/wm.h"

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);	/* accepts NULL */
/*
 * Drop everything allocated, as arena_free() would, but keep one block for
 * the arena's next use: a server reuses one arena a worker for request
 * after request instead of a fresh 64 KB from malloc each time.
 */
void arena_reset(struct arena *a);

/* Zeroed memory, aligned for any type. */
void *arena_alloc(struct arena *a, size_t n);
void *arena_array(struct arena *a, size_t count, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* n bytes as they are, NUL bytes included, with a NUL after them. */
char *arena_memdup(struct arena *a, const void *p, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) WM_PRINTF(2, 3);

/* Bytes handed out so far (for tests and the bench's memory figures). */
size_t arena_used(const struct arena *a);

#endif
