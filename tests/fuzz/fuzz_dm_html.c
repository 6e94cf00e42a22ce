/*
 * fuzz_dm_html.c: any bytes as a web page through the HTML reader. It must
 * give a well-formed model (fuzzdm.h) or an error, never crash or leak.
 */
#include "fuzzdm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	struct dm_doc d;

	dm_init(&d, a, DM_HTML);
	if (dm_read_html(&d, (const char *)data, size, &err) == 0)
		fuzzdm_check(&d);
	arena_free(a);
	return 0;
}
