/*
 * fuzz_figcsv.c: any bytes through the figures and targets CSV reader,
 * into a database that knows one unit and two indicators (a sum and a
 * ratio), so that rows can get as far as the series store. It must take
 * the rows or list them as unread, never crash, leak or read out of bounds;
 * each input's writes are rolled back.
 */
#include "base/wm.h"

#include <jansson.h>
#include <stdio.h>

#include "import/figcsv.h"
#include "model/ent.h"
#include "model/kind.h"
#include "store/migrate.h"
#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *st;
static struct wm_ctx ctx;

static void
add(const char *kind, const char *json)
{
	struct wm_err err = WM_ERR_INIT;
	json_t *f = json_loads(json, 0, NULL);

	if (f == NULL || ent_add(&ctx, kind_find(kind), f, NULL, &err) != 0)
		abort();
	json_decref(f);
}

static void
setup(void)
{
	struct wm_err err = WM_ERR_INIT;
	int from, to;

	if (store_open(&st, "sqlite::memory:", STORE_CREATE, &err) != 0 ||
	    migrate_apply(st, &from, &to, &err) != 0)
		abort();
	ctx.st = st;
	ctx.actor = "fuzz";
	ctx.role = ROLE_SYSTEM;
	add("units", "{\"ref\": \"U\", \"name\": \"Unit\"}");
	add("pis", "{\"code\": \"S\", \"title\": \"A sum\", \"aggregation\": \"sum\"}");
	add("pis", "{\"code\": \"R\", \"title\": \"A ratio\", \"aggregation\": \"ratio\", "
	    "\"scale\": 100}");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_opts opts = { .as_targets = -1, .partial = size % 2 == 0 };
	struct wm_err err = WM_ERR_INIT;
	json_t *report = json_pack("{s:[], s:{}, s:{}, s:{}, s:[]}", "kinds", "created", "changed",
	    "unchanged", "unread");
	bool targets = false;
	FILE *in;

	if (st == NULL)
		setup();
	figcsv_claims((const char *)data, size, &targets);
	in = fmemopen((void *)(size ? data : (const uint8_t *)""), size ? size : 1, "rb");
	if (in == NULL)
		abort();
	if (store_begin(st, &err) != 0)
		abort();
	figcsv_read(&ctx, "fuzz.csv", in, size, &opts, targets, report, &err);
	store_rollback(st, 0);
	fclose(in);
	json_decref(report);
	return 0;
}
