/*
 * fuzz_docimp.c: any bytes through the planning-paper reader. It must
 * return a result or an error, never crash, leak or read out of bounds.
 */
#include "base/wm.h"

#include <jansson.h>

#include "base/date.h"
#include "import/docimp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct map_opts o = { .file = "fuzz.txt", .date = DATE_NONE };
	struct wm_err err = WM_ERR_INIT;
	json_t *out = NULL;

	docimp_read((const char *)data, size, &o, &out, &err);
	/* the report must always be valid JSON that serialises */
	if (out != NULL) {
		char *s = json_dumps(out, JSON_COMPACT);

		if (s == NULL)
			abort();
		free(s);
	}
	json_decref(out);
	return 0;
}
