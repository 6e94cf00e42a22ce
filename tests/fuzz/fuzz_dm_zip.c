/*
 * fuzz_dm_zip.c: any bytes through each of the zip readers (DOCX, ODT,
 * XLSX, ODS) in turn. Each must give a well-formed model (fuzzdm.h) or an
 * error in plain words, never crash, leak or run away with memory: the
 * seeds are real office files, whose members libFuzzer mutates inside the
 * zip's structure only now and then, so the regressions (a zip bomb, an
 * entity bomb, a hostile package) matter as much as the fuzzing.
 */
#include "fuzzdm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef int reader(struct dm_doc *d, const char *data, size_t len, struct wm_err *err);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static reader *const readers[] = { dm_read_docx, dm_read_odt, dm_read_xlsx, dm_read_ods };
	static const enum dm_format formats[] = { DM_DOCX, DM_ODT, DM_XLSX, DM_ODS };

	for (size_t i = 0; i < 4; i++) {
		struct arena *a = arena_new();
		struct wm_err err = WM_ERR_INIT;
		struct dm_doc d;
		int rc;

		dm_init(&d, a, formats[i]);
		rc = readers[i](&d, (const char *)data, size, &err);
		if (rc == 0)
			fuzzdm_check(&d);
		else if (err.msg[0] == '\0')
			abort();	/* an error must say what it is */
		arena_free(a);
	}
	return 0;
}
