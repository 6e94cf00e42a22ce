/*
 * fuzz_dbx.c: any bytes as a whole-database JSON file (docs/json.md),
 * read into an empty database: both formats, "waymark-export" restored
 * and "waymark-data" merged. It must import or refuse with a message,
 * never crash or leak, and always leave its transaction closed.
 */
#include "base/wm.h"

#include <jansson.h>

#include "fuzzdb.h"
#include "model/dbx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wm_ctx *ctx = fuzzdb(false);
	struct wm_err err = WM_ERR_INIT;
	json_t *doc, *summary = NULL;
	int rc;

	doc = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, NULL);
	if (doc == NULL)
		return 0;
	fuzzdb_begin(ctx);
	rc = dbx_import(ctx, doc, &summary, &err);
	/* a refusal says why */
	if (rc != 0 && err.msg[0] == '\0')
		abort();
	if (rc == 0 && summary == NULL)
		abort();
	fuzzdb_rollback(ctx);
	json_decref(summary);
	json_decref(doc);
	return 0;
}
