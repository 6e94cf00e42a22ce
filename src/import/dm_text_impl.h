/*
 * dm_text_impl.h: what the halves of the plain-text reader share. Private
 * to src/import: dm_text.c splits the text into lines and reads prose
 * (headings, items, paragraphs, footnotes, page furniture); dm_texttab.c
 * finds the tables in their many text layouts.
 */
#ifndef WM_DM_TEXT_IMPL_H
#define WM_DM_TEXT_IMPL_H

#include "base/arena.h"
#include "base/buf.h"
#include "import/dm.h"

/* One line of the text. */
struct tline {
	int no;			/* 1-based line number */
	const char *raw;	/* as written, without its end of line (NUL-terminated copy) */
	size_t len;
	int indent;		/* leading spaces */
	const char *text;	/* cleaned ("" for a blank or space-only line) */
	const char *marks;	/* footnote marks the line carried */
	int tabs;		/* tab characters in it */
	bool used;		/* read into a table */
};

struct tdoc {
	struct dm_doc *d;
	struct tline *l;
	size_t n;
	int width;		/* the longest line, in bytes: where prose wraps */
	/* the text of the block being joined from wrapped lines (SIZE_MAX: none) */
	struct buf *join;
	size_t joining;
};

/* Lines one cell or row may run over in a text table: a table's cell is not a page. */
#define TT_MAX_CELL_LINES 30

/* arr with room for need elements of size bytes, grown from *cap in a. */
static inline void *
tt_grow(struct arena *a, void *arr, size_t *cap, size_t need, size_t size)
{
	void *n;
	size_t c = *cap ? *cap : 16;

	if (need <= *cap)
		return arr;
	while (c < need)
		c *= 2;
	n = arena_array(a, c, size);
	if (*cap)
		memcpy(n, arr, *cap * size);
	*cap = c;
	return n;
}

/* The next word at *p (words are separated by spaces), its length in *len; NULL at the end. */
static inline const char *
tt_next_word(const char **p, size_t *len)
{
	const char *s = *p, *w;

	while (*s == ' ')
		s++;
	if (*s == '\0')
		return NULL;
	w = s;
	while (*s != '\0' && *s != ' ')
		s++;
	*len = (size_t)(s - w);
	*p = s;
	return w;
}

/* Is line i blank (or past the end)? */
static inline bool
tt_blank(const struct tdoc *t, size_t i)
{
	return i >= t->n || t->l[i].text[0] == '\0';
}

/*
 * Try each table layout at line i. The number of lines from i the table
 * spans (0: no table starts here), its lines marked used and the table in
 * *out; or a negative WM_E* code with err set.
 */
long tt_table(struct tdoc *t, size_t i, struct dm_table **out, struct wm_err *err);

/* Rows run together on one line under a header line (dm_textrow.c); as tt_table. */
long tt_rows(struct tdoc *t, size_t i, struct dm_table **out, struct wm_err *err);

/* A list-item marker at the start of s ("1.", "2.1a", "(iv)", "•"): its length, or 0. */
size_t tt_marker(const char *s, bool *plain_number);

/* Words and their counts, for telling labels from sentences. */
size_t tt_words(const char *s);

#endif
