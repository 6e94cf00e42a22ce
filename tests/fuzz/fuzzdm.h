/*
 * fuzzdm.h: what a document model must be, whatever bytes it came from
 * (for the reader fuzz targets): text present and valid UTF-8, every
 * table slot filled, every span inside its table and every covered slot
 * covered by exactly one span. Any breach aborts.
 */
#ifndef WM_FUZZDM_H
#define WM_FUZZDM_H

#include "base/wm.h"

#include "base/arena.h"
#include "base/buf.h"
#include "base/str.h"
#include "import/dm.h"

static inline void
fuzzdm_text(const char *s)
{
	if (s == NULL || !utf8_valid(s, strlen(s)))
		abort();
}

static inline void
fuzzdm_table(const struct dm_table *t)
{
	unsigned char *cover;

	if (t == NULL || t->nrows == 0 || t->ncols == 0 || t->nrows * t->ncols > DM_MAX_CELLS)
		abort();
	cover = calloc(t->nrows * t->ncols, 1);
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			const struct dm_cell *x = dm_cell(t, r, c);

			fuzzdm_text(x->text);
			if ((x->rowspan == 0) != (x->colspan == 0))
				abort();
			if (x->rowspan == 0)
				continue;
			if (x->rowspan < 1 || x->colspan < 1 || r + (size_t)x->rowspan > t->nrows ||
			    c + (size_t)x->colspan > t->ncols)
				abort();
			for (size_t y = r; y < r + (size_t)x->rowspan; y++)
				for (size_t z = c; z < c + (size_t)x->colspan; z++) {
					if (cover[y * t->ncols + z]++ != 0)
						abort();
					if ((y != r || z != c) && dm_cell(t, y, z)->rowspan != 0)
						abort();
				}
		}
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		if (cover[i] != 1)
			abort();
	free(cover);
}

/* Check d, and that it dumps. */
static inline void
fuzzdm_check(const struct dm_doc *d)
{
	struct buf out = BUF_INIT;

	if (d->nblocks > DM_MAX_BLOCKS)
		abort();
	if (d->title != NULL)
		fuzzdm_text(d->title);
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct dm_block *b = &d->blocks[i];

		if (b->type == DM_TABLE) {
			fuzzdm_table(b->table);
		} else {
			fuzzdm_text(b->text);
			if (b->type == DM_ITEM)
				fuzzdm_text(b->marker);
			if (b->type == DM_HEADING && (b->level < 1 || b->level > 6))
				abort();
		}
	}
	if (dm_dump(d, &out) != 0)
		abort();
	buf_release(&out);
}

#endif
