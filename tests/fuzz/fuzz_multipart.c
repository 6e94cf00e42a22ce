/*
 * fuzz_multipart.c: the multipart/form-data parser the upload page's
 * bodies go through (src/http/multipart.c). The input's first line is the
 * Content-Type, the rest the body: any bytes must give fields and files
 * inside the body, or -1, never a crash or a read past the input.
 */
#include "base/wm.h"

#include <assert.h>

#include "base/arena.h"
#include "base/mem.h"
#include "http/multipart.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	size_t hl = nl != NULL ? (size_t)(nl - (const char *)data) : size;
	struct arena *a = arena_new();
	struct params_list form = { 0 };
	struct upload_list *files = wm_calloc(1, sizeof(*files));
	char *type = arena_strndup(a, (const char *)data, hl);
	size_t blen = nl != NULL ? size - hl - 1 : 0;
	/* the body in a buffer of its own size, so a read past it is caught */
	char *body = wm_malloc(blen + 1);

	memcpy(body, nl != NULL ? nl + 1 : "", blen);
	body[blen] = '\0';
	if (multipart_parse(a, type, body, blen, &form, files) == 0)
		for (size_t i = 0; i < files->n; i++)
			assert(files->v[i].data >= body && files->v[i].data + files->v[i].len <=
			    body + blen);
	free(body);
	free(files);
	arena_free(a);
	return 0;
}
