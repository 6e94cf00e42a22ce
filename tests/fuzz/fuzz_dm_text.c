/*
 * fuzz_dm_text.c: any bytes through the plain-text reader (import/dm.h).
 * It must give a model or an error, never crash, leak or read out of
 * bounds; every block must hold valid UTF-8 text, every table's cells
 * their spans' shape, and the model must dump.
 */
#include "base/wm.h"

#include "base/arena.h"
#include "base/buf.h"
#include "base/str.h"
#include "import/dm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct wm_err err = WM_ERR_INIT;
	struct buf b = BUF_INIT;
	struct dm_doc d;

	dm_init(&d, a, DM_TEXT);
	if (dm_read_text(&d, (const char *)data, size, &err) == 0) {
		for (size_t i = 0; i < d.nblocks; i++) {
			const struct dm_block *bl = &d.blocks[i];

			if (bl->type == DM_TABLE) {
				const struct dm_table *t = bl->table;

				if (t == NULL || t->nrows == 0 || t->ncols == 0)
					abort();
				for (size_t c = 0; c < t->nrows * t->ncols; c++)
					if (t->cells[c].text == NULL ||
					    !utf8_valid(t->cells[c].text, strlen(t->cells[c].text)))
						abort();
			} else if (bl->text == NULL || !utf8_valid(bl->text, strlen(bl->text)) ||
			    bl->pos <= 0 || bl->pos_end < bl->pos) {
				abort();
			}
		}
		if (dm_dump(&d, &b) != 0)
			abort();
	} else if (err.msg[0] == '\0') {
		abort();
	}
	buf_release(&b);
	arena_free(a);
	return 0;
}
