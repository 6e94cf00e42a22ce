/*
 * map.c: open-addressing hash maps (see map.h).
 */
#include "base/wm.h"

#include "base/map.h"
#include "base/mem.h"

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static uint64_t
hash_int(int64_t k)
{
	uint64_t x = (uint64_t)k;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return x;
}

bool
strmap_get(const struct strmap *m, const char *key, int64_t *val)
{
	if (m->cap == 0)
		return false;
	for (size_t i = hash_str(key) & (m->cap - 1); m->keys[i] != NULL; i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], key) == 0) {
			*val = m->vals[i];
			return true;
		}
	return false;
}

static void
strmap_insert(struct strmap *m, char *key, int64_t val)
{
	size_t i = hash_str(key) & (m->cap - 1);

	while (m->keys[i] != NULL) {
		if (strcmp(m->keys[i], key) == 0) {
			free(key);
			m->vals[i] = val;
			return;
		}
		i = (i + 1) & (m->cap - 1);
	}
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
}

void
strmap_put(struct strmap *m, const char *key, int64_t val)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct strmap old = *m;

		m->cap = old.cap ? old.cap * 2 : 64;
		m->keys = wm_calloc(m->cap, sizeof(*m->keys));
		m->vals = wm_calloc(m->cap, sizeof(*m->vals));
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.keys[i] != NULL)
				strmap_insert(m, old.keys[i], old.vals[i]);
		free(old.keys);
		free(old.vals);
	}
	strmap_insert(m, wm_strdup(key), val);
}

void
strmap_release(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	*m = (struct strmap)STRMAP_INIT;
}

bool
intmap_get(const struct intmap *m, int64_t key, int64_t *val)
{
	if (m->cap == 0)
		return false;
	for (size_t i = hash_int(key) & (m->cap - 1); m->used[i]; i = (i + 1) & (m->cap - 1))
		if (m->keys[i] == key) {
			*val = m->vals[i];
			return true;
		}
	return false;
}

static void
intmap_insert(struct intmap *m, int64_t key, int64_t val)
{
	size_t i = hash_int(key) & (m->cap - 1);

	while (m->used[i]) {
		if (m->keys[i] == key) {
			m->vals[i] = val;
			return;
		}
		i = (i + 1) & (m->cap - 1);
	}
	m->used[i] = true;
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
}

void
intmap_put(struct intmap *m, int64_t key, int64_t val)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct intmap old = *m;

		m->cap = old.cap ? old.cap * 2 : 64;
		m->keys = wm_calloc(m->cap, sizeof(*m->keys));
		m->vals = wm_calloc(m->cap, sizeof(*m->vals));
		m->used = wm_calloc(m->cap, sizeof(*m->used));
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.used[i])
				intmap_insert(m, old.keys[i], old.vals[i]);
		free(old.keys);
		free(old.vals);
		free(old.used);
	}
	intmap_insert(m, key, val);
}

void
intmap_release(struct intmap *m)
{
	free(m->keys);
	free(m->vals);
	free(m->used);
	*m = (struct intmap)INTMAP_INIT;
}
