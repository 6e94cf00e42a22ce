/*
 * fuzz_csvtab.c: any bytes through the CSV table reader. It must give a
 * table or an error, never crash, leak or read out of bounds; every row it
 * gives is at least as wide as the header, and rows come in line order.
 */
#include "base/wm.h"

#include "import/csvtab.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wm_err err = WM_ERR_INIT;
	struct csvtab t;
	size_t line = 0;

	if (csvtab_header((const char *)data, size, &t, &err) == 0)
		csvtab_release(&t);
	if (csvtab_read((const char *)data, size, &t, &err) != 0)
		return 0;
	for (size_t i = 0; i < t.nrows; i++) {
		if (t.rows[i].ncells < t.header.ncells || t.rows[i].line <= line)
			abort();
		line = t.rows[i].line;
		for (size_t c = 0; c < t.rows[i].ncells; c++)
			if (t.rows[i].cells[c] == NULL)
				abort();
	}
	csvtab_release(&t);
	return 0;
}
