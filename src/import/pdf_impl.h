/*
 * pdf_impl.h: what the PDF layout's three files share (pdf_text.c: lines,
 * markers and blocks of text; pdf_layout.c: runs of lines that hold
 * columns, and the page's reading order; pdf_table.c: a run's pieces
 * made a table). Nothing outside them includes it; pdf.h is their face.
 */
#ifndef WM_PDF_IMPL_H
#define WM_PDF_IMPL_H

#include "base/wm.h"

#include "import/pdf.h"

struct arena;

/* A river of white space down a run of lines: the gap between two columns, or one that may be. */
struct river {
	double a, b;		/* -HUGE_VAL / HUGE_VAL at the run's outside edges */
	int starts;		/* lines with a word starting right at b (a left-aligned column) */
	int ends;		/* lines with a word ending right at a (a right-aligned column) */
	int both;		/* lines with text on both sides of it */
	bool bullets;		/* every word just left of it is a bullet: a list's, not a column */
};

struct rivers {
	struct river *r;
	size_t n, cap;
};

/* A run of lines that may be a table, and the columns' edges it holds. */
struct run {
	size_t first, end;	/* lines [first, end) */
	struct rivers cols;	/* the established rivers inside the run: the columns' edges */
	double x1, x2, size;
};

/* The words of one line between two column edges: a piece of a cell. */
struct piece {
	struct pdf_line l;	/* its words, as a line of their own */
	size_t c1, c2;		/* the columns it covers */
	size_t row;
};

/* The blocks a page's layout makes, in reading order. */
struct out {
	struct arena *a;
	struct pdf_blk *b;
	size_t n, cap;
	int page;
};

/* pdf_text.c */

/* The box, size and weight of a line from its words. */
void pdf_line_measure(struct pdf_line *l);
/*
 * 0: not a list marker; 1: a marker ("1.", "a)", "(iv)", "•"); 2: a
 * marker only when a wide gap follows it (a bare "2.1", which could be a
 * number).
 */
int pdf_marker_kind(const char *s);
/* A bullet proper (•, ◦, ▪...), not a dash or a tick a table may hold for its own sake. */
bool pdf_is_bullet(const char *w);
bool pdf_lower_start(const char *s);
struct pdf_blk *pdf_out_add(struct out *o, enum pdf_blk_type t);
/* Lines (not a table's) cut into blocks of text, added to o. */
void pdf_text_blocks(struct out *o, const struct pdf_line *lines, size_t n,
    const struct pdf_params *par);
/* The part of each line inside [x1, x2): a column of a page set in columns. */
struct pdf_line *pdf_column_lines(struct arena *a, const struct pdf_line *lines, size_t first,
    size_t end, double x1, double x2, size_t *n);

/* pdf_table.c */

/* The widest gap (in ems) between two lines of one cell of the table the pieces make. */
double pdf_cell_gap(const struct piece *p, size_t n, size_t ncols);
/* The run's pieces (sorted down the page) as a table, going on from carry if not NULL. */
struct pdf_table *pdf_make_table(struct arena *a, struct piece *p, size_t np, const struct run *run,
    int page, const struct pdf_table *carry);

#endif
