/*
 * fuzz_import.c: any bytes as a file given to `waymark import`, into a
 * database holding the bundled sample: the reader is chosen by content
 * (JSON data or a planning paper) and what it reads is merged with what
 * is there. Run as a dry run, so each input starts from the sample. It
 * must import or refuse with a message, and its report must be JSON.
 */
#include "base/wm.h"

#include <jansson.h>

#include "fuzzdb.h"
#include "import/import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wm_ctx *ctx = fuzzdb(true);
	struct import_opts opts = { .dry_run = true };
	struct wm_err err = WM_ERR_INIT;
	json_t *report = NULL;
	char *s;
	int rc;

	rc = import_data(ctx, "fuzz", (const char *)data, size, &opts, &report, &err);
	if (rc != 0 && err.msg[0] == '\0')
		abort();
	if (report == NULL || store_in_transaction(ctx->st))
		abort();
	if ((s = json_dumps(report, JSON_COMPACT)) == NULL)
		abort();
	free(s);
	json_decref(report);
	return 0;
}
