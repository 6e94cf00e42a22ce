/*
 * fuzz_form.c: the application/x-www-form-urlencoded parser the web forms
 * and query strings go through (src/http/req.c). Any bytes must give a
 * list of names and values, never a crash or a read past the input.
 */
#include "base/wm.h"

#include "base/arena.h"
#include "http/req.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct params_list l = { 0 };

	http_parse_urlencoded(a, (const char *)data, size, &l);
	for (size_t i = 0; i < l.n; i++)
		(void)params_get(&l, l.v[i].name);
	arena_free(a);
	return 0;
}
