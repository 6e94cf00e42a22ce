/*
 * doc.h: a text document as lines of cells.
 *
 * The planning papers Waymark reads are text saved from Word and web pages:
 * tables are lines of tab-separated cells, everything else is lines of
 * prose, headings and bullets. doc_read() splits any bytes into numbered
 * lines (LF or CRLF), each cleaned whole and cell by cell (text.h), keeping
 * the footnote marks each cell carried. What the lines mean is decided by
 * docimp.c.
 */
#ifndef WM_DOC_H
#define WM_DOC_H

#include "base/wm.h"

#include "base/err.h"
#include "import/text.h"

struct arena;

struct doc_line {
	int no;			/* 1-based line number in the file */
	const char *raw;	/* the line as it was, without its end of line */
	const char *text;	/* the whole line, cleaned; "" for a blank line */
	const char **cells;	/* split at tabs, each cleaned */
	struct txt_marks *marks;	/* footnote marks of each cell */
	size_t ncells;
	bool tabbed;		/* had at least one tab: part of a table */
};

struct doc {
	struct doc_line *lines;
	size_t nlines;
};

#define DOC_MAX_LINES 1000000

/* Read data into d, allocating from a. Fails only past DOC_MAX_LINES. */
int doc_read(struct doc *d, struct arena *a, const char *data, size_t len, struct wm_err *err);

/* The cell, or "" past the end of the line. */
const char *doc_cell(const struct doc_line *l, size_t i);

#endif
