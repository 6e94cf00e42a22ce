/*
 * map.h: small hash maps for hot loops: text to number and number to number.
 *
 * An import resolves the same PI codes and unit names millions of times;
 * these make each lookup a hash and a compare. Keys are copied; the maps
 * grow by doubling and are freed in one call.
 */
#ifndef WM_MAP_H
#define WM_MAP_H

#include "base/wm.h"

struct strmap {
	char **keys;
	int64_t *vals;
	size_t cap, n;
};

struct intmap {
	int64_t *keys;
	int64_t *vals;
	bool *used;
	size_t cap, n;
};

#define STRMAP_INIT { NULL, NULL, 0, 0 }
#define INTMAP_INIT { NULL, NULL, NULL, 0, 0 }

/* true and *val if key is there. */
bool strmap_get(const struct strmap *m, const char *key, int64_t *val);
void strmap_put(struct strmap *m, const char *key, int64_t val);
void strmap_release(struct strmap *m);

bool intmap_get(const struct intmap *m, int64_t key, int64_t *val);
void intmap_put(struct intmap *m, int64_t key, int64_t val);
void intmap_release(struct intmap *m);

#endif
