/*
 * pdf.h: the inside of the PDF reader (dm_read_pdf in dm.h), for its own
 * files, its unit tests and its fuzz target; nothing else includes it.
 *
 * A PDF holds no paragraphs, lists or tables: only glyphs at positions.
 * The reader gets them from poppler (dm_pdf.c), makes words and then lines
 * of them (pdf_lines, in pdf_text.c), and lays each page out again from
 * the positions alone (pdf_layout, in pdf_layout.c, with pdf_table.c and
 * pdf_text.c; pdf_impl.h is what they share): tables from the gaps between
 * columns that hold down consecutive lines, a page set in two columns read
 * column by column, and the rest cut into blocks of text (paragraphs,
 * headings, list items) at vertical gaps and changes of size, weight and
 * indentation. What only the whole document shows — page headers and
 * footers repeated on every page, heading levels from the sizes used, a
 * table that goes on over a page break — is decided in pdf_doc.c.
 *
 * Coordinates are PDF points with y growing down the page, as poppler
 * gives them; a word's box is its glyphs' boxes together.
 */
#ifndef WM_PDF_H
#define WM_PDF_H

#include "base/wm.h"

#include "base/err.h"

struct arena;
struct dm_doc;

struct pdf_word {
	double x1, y1, x2, y2;
	double size;		/* the font's size in points */
	bool bold;
	const char *text;	/* UTF-8, never empty, no spaces */
};

/* Words on one baseline, left to right. */
struct pdf_line {
	const struct pdf_word *w;
	size_t n;
	double x1, y1, x2, y2;
	double size;		/* the size of most of its text */
	bool bold;		/* every word is bold */
	const char *why;	/* a page header or footer: why it is not content; else NULL */
};

/* What one page gave, before and after layout. */
struct pdf_page {
	int number;		/* 1-based */
	double width, height;
	struct pdf_word *words;
	size_t nwords;
	struct pdf_line *lines;	/* top to bottom */
	size_t nlines;
	struct pdf_blk *blks;	/* pdf_layout's blocks, in reading order */
	size_t nblks;
};

struct pdf_cell {
	const char *text;	/* words joined, wrapped lines joined with a space; "" if empty */
	bool bold;		/* every word in it bold (and it has some) */
	int rowspan, colspan;	/* as in dm_cell: 0 (both) for a cell covered by a span */
};

struct pdf_table {
	size_t nrows, ncols;
	struct pdf_cell *cells;	/* nrows * ncols, row-major */
	bool *head;		/* per row: a header row */
	bool *spans;		/* per row: one cell spans every column (a group row) */
	int *page;		/* per row: the page it is on */
	double *gap_a, *gap_b;	/* ncols - 1: the white space between two columns, left to right */
	double cell_gap;	/* the widest gap (in ems) between two lines of one cell */
};

enum pdf_blk_type { PDF_TEXT, PDF_TABLE };

/* A block of one page in reading order: some lines of text, or a table. */
struct pdf_blk {
	enum pdf_blk_type type;
	int page;
	double x1, y1, x2, y2;
	/* PDF_TEXT */
	const struct pdf_line *lines;
	size_t nlines;
	double size;		/* the size of most of its text */
	bool bold;		/* every line bold */
	const char *marker;	/* a list item's marker ("1.", "•", "(iv)"), else NULL */
	double marker_x;	/* where the marker starts */
	const char *why;	/* a page header or footer (the block is one noise line), else NULL */
	/* PDF_TABLE */
	struct pdf_table *table;
};

/* What the layout needs to know of the whole document. */
struct pdf_params {
	/*
	 * The usual gap between two lines of one paragraph, in ems of their
	 * size (box bottom to next box top; negative when the boxes overlap):
	 * a gap a good deal wider starts a new paragraph.
	 */
	double line_gap;
};

/* Most a document may make us read: past them it is refused, in plain words. */
struct pdf_limits {
	size_t max_bytes;
	int max_pages;
	size_t max_chars;		/* in the whole document */
	size_t max_page_chars;		/* on one page */
	/*
	 * Seconds poppler may take over the pages, looked at between pages
	 * (a page's content may repeat a million glyphs, and many pages may
	 * share one content): past it the reading stops with an error.
	 */
	double max_seconds;
};
extern const struct pdf_limits pdf_default_limits;

/* dm_read_pdf with limits of the caller's (the fuzz target's are small). */
int pdf_read(struct dm_doc *d, const char *data, size_t len, const struct pdf_limits *lim,
    struct wm_err *err);

/* pdf_text.c */

/* Group words (any order) into lines: each word in one line, lines top to bottom. */
void pdf_lines(struct arena *a, const struct pdf_word *w, size_t n, struct pdf_line **lines,
    size_t *nlines);
/* The usual gap between a paragraph's lines, in ems, over these pages (a default if none). */
double pdf_line_gap(const struct pdf_page *pages, size_t npages);
/* Is word a list marker by itself ("•", "1.", "2.1", "a)", "(iv)", "-")? */
bool pdf_is_marker(const char *word);
/* The text of n lines as one: words joined with a space, a hyphen at a line's end kept tight. */
char *pdf_lines_text(struct arena *a, const struct pdf_line *lines, size_t n, size_t skip_words);
/* Make b a block of text of the one line l (its page and marker left as they are). */
void pdf_blk_of_line(struct pdf_blk *b, const struct pdf_line *l);

/* pdf_layout.c */

/* How a page ended, for the next to go on from. */
struct pdf_carry {
	const struct pdf_table *table;	/* the table that ended it, or NULL */
	bool columns;			/* it ended in two columns of text */
	double gutter_a, gutter_b;	/* the white space between them */
};

/*
 * Lay out lines (one page's, top to bottom, page headers and footers
 * taken out) into blocks in reading order. carry says how the page before
 * ended (lines at the top that fit the columns of the table that ended it
 * go on with it; two columns under the same gutter are text, however few
 * their lines), and is set to how this page ends.
 */
void pdf_layout(struct arena *a, const struct pdf_line *lines, size_t n, const struct pdf_params *p,
    int page, struct pdf_carry *carry, struct pdf_blk **blks, size_t *nblks);

/* pdf_doc.c */

/*
 * The pages' words (each page's number, size and words set) into the
 * document model d, working in the arena a: lines, page headers and
 * footers (a line at the top or bottom of the page, apart from the text,
 * that is a page number or comes again at the same place on other pages,
 * the same or but for its numbers), layout, tables going on over a page
 * break joined (the next page starts with a table of the same columns,
 * its header row repeated and marked as one), a paragraph cut by a page
 * or column break joined again, heading levels from the sizes headings
 * are set in.
 */
int pdf_model(struct dm_doc *d, struct arena *a, struct pdf_page *pages, size_t npages,
    struct wm_err *err);

#endif
