/*
 * fuzz_dm_pdf.c: any bytes through the PDF reader (import/dm.h, pdf.h):
 * poppler's parsing of a hostile file, then the layout of whatever words
 * it gives. It must give a model or an error in words, never crash, leak
 * or read out of bounds; the model must be whole (fuzzdm.h) and every
 * block on the page it came from.
 *
 * Poppler is slow to fuzz: a page of drawing can take it seconds. So the
 * target reads with small limits (a few pages, a few thousand characters,
 * a second of poppler's time between pages), and libFuzzer's -max_len
 * should stay near the seeds' size (a few kilobytes).
 */
#include "base/wm.h"

#include "base/arena.h"
#include "import/dm.h"
#include "import/pdf.h"

#include "fuzzdm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct pdf_limits lim = {
		.max_bytes = 1 << 20,
		.max_pages = 4,
		.max_chars = 20000,
		.max_page_chars = 10000,
		.max_seconds = 1,
	};
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	struct dm_doc d;

	dm_init(&d, a, DM_PDF);
	if (pdf_read(&d, (const char *)data, size, &lim, &err) == 0) {
		fuzzdm_check(&d);
		/* every block on the pages it came from */
		for (size_t i = 0; i < d.nblocks; i++)
			if (d.blocks[i].pos <= 0 || d.blocks[i].pos_end < d.blocks[i].pos ||
			    d.blocks[i].where == NULL)
				abort();
	} else if (err.msg[0] == '\0') {
		abort();
	}
	arena_free(a);
	return 0;
}
