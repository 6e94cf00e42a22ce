/*
 * dm_build.h: what the structured readers (HTML, DOCX, ODT, XLSX, ODS)
 * share in building the document model (private to them).
 *
 * - An output that is either the document or one table cell: a reader
 *   walks a cell's content with the same code as the body's, and what
 *   would be blocks become the cell's lines ("\n" between paragraphs, a
 *   list item keeping its marker, a nested table a line a row).
 * - A grid that places cells with row and column spans, as HTML's table
 *   model does (or at a column the format names, as DOCX and ODF do), and
 *   turns them into a dm_table with every slot filled.
 * - List markers: numbers in decimal, letters and roman numerals, and
 *   bullets as they show (a Symbol-font private character is a "•").
 * - A sheet: cells at (row, column) with their type, weight and size, and
 *   merged ranges, read into blocks the same way from XLSX and ODS.
 */
#ifndef WM_DM_BUILD_H
#define WM_DM_BUILD_H

#include "base/wm.h"

#include "base/buf.h"
#include "import/dm.h"

/* Where blocks go: the document, or (cell != NULL) the lines of one cell. */
struct dmb_out {
	struct dm_doc *d;
	struct buf *cell;
	int para;	/* paragraphs so far: every text block and every table row counts one */
	size_t cells;	/* cells in the document's tables so far, against DM_MAX_CELLS */
	bool cell_bold, cell_any;	/* the cell: has text, all of it in bold paragraphs */
	struct buf *cell_marks;		/* the cell's footnote marks so far ("1,3") */
};

/* Read a cell: between begin and end, blocks go to its lines. */
struct dmb_cell {
	struct buf lines, marks;
	struct buf *outer, *outer_marks;
	bool bold, any;
};

void dmb_cell_begin(struct dmb_out *o, struct dmb_cell *c);
/*
 * The cell's text (in the document's arena), whether all of it was in
 * bold paragraphs, and its footnote marks ("1,3", or NULL); bold and
 * marks may be NULL.
 */
const char *dmb_cell_end(struct dmb_out *o, struct dmb_cell *c, bool *bold, const char **marks);

/*
 * Split raw at '\n', clean each line (txt_clean) and add the non-empty
 * ones to out, "\n" between them; the footnote marks the cleaning lifted
 * out go to marks ("1,3"), when it is not NULL. A reader that knows a
 * mark for what it is (<sup>2</sup>, a footnote reference) writes it in
 * raw as "<sup>2</sup>" for the cleaning to find.
 */
void dmb_lines(struct buf *out, struct arena *a, const char *raw, size_t len, struct buf *marks);
/* marks as a string in a, or NULL when there are none. */
const char *dmb_marks(struct arena *a, const struct buf *marks);

/*
 * A text block of cleaned text (lines joined by "\n"): added to the
 * document at the next paragraph, or as lines of the cell (an item as
 * "marker text"). Nothing is added for empty text. The block, or NULL
 * in a cell or when empty; *rc < 0 (err set) on a fault.
 */
struct dm_block *dmb_text(struct dmb_out *o, enum dm_type t, int level, const char *marker,
    const char *text, const char *marks, unsigned flags, int *rc, struct wm_err *err);
/*
 * A list item being read: its first paragraph makes its block, later ones
 * join it, on lines of their own, when it closes (in one copy, however
 * many there are; in a cell, each is a line of the cell).
 */
struct dmb_item {
	bool open, emitted, in_doc;
	const char *marker;
	int level;
	size_t block;		/* its block's index (the array moves as blocks are added) */
	struct buf more, more_marks;
};

void dmb_item_open(struct dmb_item *it, const char *marker, int level);
void dmb_item_para(struct dmb_out *o, struct dmb_item *it, const char *text, const char *marks,
    int *rc, struct wm_err *err);
/* Join what came after the first paragraph, and end the item (its buffers freed; again is harmless). */
void dmb_item_close(struct dmb_out *o, struct dmb_item *it);
/* A finished table: a block of the document, or a line a row in the cell (" | " between cells). */
int dmb_table(struct dmb_out *o, struct dm_table *t, struct wm_err *err);

/* List markers */
enum dmb_numfmt {
	DMB_DECIMAL, DMB_DECIMAL_ZERO, DMB_LOWER_ALPHA, DMB_UPPER_ALPHA,
	DMB_LOWER_ROMAN, DMB_UPPER_ROMAN, DMB_BULLET, DMB_NONE
};
/* n written in format f: "3", "03", "c", "C", "iii", "III"; "" for DMB_NONE and DMB_BULLET. */
void dmb_number(struct buf *out, enum dmb_numfmt f, long n);
/* A bullet character as written, as it shows: private-use (Symbol, Wingdings) and "" as "•". */
const char *dmb_bullet(const char *written);

/* A table being read, cell by cell. */
struct dmb_gcell {
	size_t row, col;
	int rowspan, colspan;
	const char *text;
	const char *marks;
	size_t first, last;	/* 1 + the index of its first and last joined piece; 0 for none */
};

/* Text that joins a cell (from the rows a merge continues over), joined once at the end. */
struct dmb_piece {
	const char *text;
	size_t next;		/* 1 + the index of the next piece; 0 for none */
};

struct dmb_grid {
	struct arena *a;
	struct dmb_gcell *cells;
	size_t ncells, cap;
	size_t nrows, rows_cap;
	bool *head;
	int *pos;
	size_t *cover;		/* per column: the first row no rowspan from above covers (auto placement) */
	size_t *last;		/* per column: 1 + the index of the last cell starting there */
	size_t ncols, cols_cap;
	size_t next;		/* auto placement: the next column to try in this row */
	size_t first_cells, first_bold;	/* of the first row: cells with text, those wholly bold */
	struct dmb_piece *pieces;
	size_t npieces, pcap;
	const char *name;	/* the table's, if it has one (an HTML caption) */
};

#define DMB_MAX_SPAN 1000	/* a colspan past HTML's own limit is a mistake or an attack */
#define DMB_MAX_ROWSPAN 65534

/* A grid's arrays are malloc'd: dmb_grid_emit() frees them, dmb_grid_release() if it is not reached. */
void dmb_grid_init(struct dmb_grid *g, struct arena *a);
void dmb_grid_release(struct dmb_grid *g);
/* Start a row (head: a header row), at paragraph pos. */
int dmb_grid_row(struct dmb_grid *g, bool head, int pos, struct wm_err *err);
/* A cell at column col of the current row. */
int dmb_grid_put(struct dmb_grid *g, size_t col, int rowspan, int colspan, const char *text,
    struct wm_err *err);
/* The footnote marks of the cell put last. */
void dmb_grid_marks(struct dmb_grid *g, const char *marks);
/* A cell at the next column no span from above covers (HTML). */
int dmb_grid_auto(struct dmb_grid *g, int rowspan, int colspan, const char *text,
    struct wm_err *err);
/*
 * A cell at col that continues the one above (DOCX's vMerge): the cell
 * above spans one more row. False when there is no cell above starting
 * at col (the caller then puts a cell of its own).
 */
bool dmb_grid_extend(struct dmb_grid *g, size_t col, const char *text);
/* Note a cell's text and whether it is wholly bold (the first row's decide dmb_grid_emit's header). */
void dmb_grid_bold(struct dmb_grid *g, const char *text, bool bold);
/*
 * The table to o, and the grid released. When no row was marked a header, a first row of two or
 * more cells all wholly bold (as dmb_grid_bold noted), with rows below,
 * is the header.
 */
int dmb_grid_emit(struct dmb_out *o, struct dmb_grid *g, struct wm_err *err);
/* The table, or NULL for a grid without cells (*rc < 0, err set, on a fault). */
struct dm_table *dmb_grid_table(struct dm_doc *d, struct dmb_grid *g, int *rc,
    struct wm_err *err);

/* A sheet: cells by position, then blocks. */
struct dmb_scell {
	uint32_t row, col;
	const char *text;
	const char *marks;
	int type;		/* DM_CELL_TEXT, DM_CELL_NUMBER, DM_CELL_DATE */
	double number;
	bool bold;
	float size;		/* points; 0 when not known */
	uint32_t seq;		/* the order it was read in (set by dmb_sheet_cell) */
};

struct dmb_merge {
	uint32_t r0, c0, r1, c1;
};

struct dmb_sheet {
	struct arena *a;
	const char *name;
	float base_size;	/* the sheet's ordinary font size, to tell headings by */
	struct dmb_scell *cells;
	size_t ncells, cap;
	struct dmb_merge *merges;
	size_t nmerges, mcap;
};

#define DMB_SHEET_ROWS 1048576u
#define DMB_SHEET_COLS 16384u
/* Cells with text in one sheet: a tracker of 50,000 rows of 20 columns fits */
#define DMB_SHEET_CELLS 1000000

/* The cells and merges are malloc'd, not in the arena: dmb_sheet_release() frees them. */
void dmb_sheet_init(struct dmb_sheet *s, struct arena *a, const char *name, float base_size);
void dmb_sheet_release(struct dmb_sheet *s);
/* A cell; empty text is not kept. Past DMB_SHEET_CELLS cells: WM_ETOOBIG. */
int dmb_sheet_cell(struct dmb_sheet *s, const struct dmb_scell *c, struct wm_err *err);
int dmb_sheet_merge(struct dmb_sheet *s, uint32_t r0, uint32_t c0, uint32_t r1, uint32_t c1,
    struct wm_err *err);
/*
 * The sheet's blocks: rows above the table holding one text cell in the
 * first column become headings (bold and larger than the sheet's
 * ordinary size) or paragraphs, as do such rows below it that are not
 * bold; the rest is one table, its first row a header when it reads as
 * one (two or more cells, all text, and rows below it). An empty sheet
 * gives nothing.
 */
int dmb_sheet_emit(struct dmb_out *o, struct dmb_sheet *s, struct wm_err *err);

/* A title from metadata: cleaned, NULL when empty. */
const char *dmb_title(struct dm_doc *d, const char *raw);

#endif
