/*
 * dm.h: one model of a document, whatever format it came in.
 *
 * Every format reader (plain text in its layouts, HTML, DOCX, ODT, XLSX,
 * ODS, PDF) turns bytes into the same thing: a sequence of blocks, each a
 * heading (with its level), a paragraph, a list item (with its marker as
 * written and its nesting level) or a table with real cells (rows x
 * columns, spans, header rows marked). What the blocks mean — which table
 * is an action plan, which list the goals — is decided later, by the
 * mapper, from this model alone; no reader knows about recommendations.
 *
 * Readers are chosen by content (magic bytes and structure), never by the
 * file's name: dm_sniff() says which format some bytes are, dm_read()
 * reads them with that format's reader.
 *
 * All memory of a document lives in the arena it was read into. Text in
 * the model is valid UTF-8, cleaned (single spaces, no control characters;
 * a line break inside a cell or item kept as "\n").
 *
 * dm_dump() writes the model as plain text, one block a line, so that a
 * reader's test is a diff against a golden file.
 */
#ifndef WM_DM_H
#define WM_DM_H

#include "base/wm.h"

#include "base/err.h"

struct arena;
struct buf;

enum dm_format {
	DM_TEXT,	/* plain text, in any of its layouts (also Markdown-ish text) */
	DM_HTML,
	DM_DOCX,
	DM_ODT,
	DM_XLSX,
	DM_ODS,
	DM_PDF,
	DM_NFORMATS
};

enum dm_type {
	DM_HEADING,	/* level 1 (a title) to 6 */
	DM_PARA,
	DM_ITEM,	/* a list item: marker as written, level 0 for the outermost */
	DM_TABLE
};

/* block flags */
#define DMF_NOISE 0x01	/* not content: a page header or footer, a site banner (why says which) */
#define DMF_GUESS 0x02	/* the type was guessed from the text's look (a heading in plain text) */
#define DMF_BOLD 0x04	/* the whole block was set in bold (a heading a format did not mark) */
#define DMF_NOTE 0x08	/* a footnote (DM_PARA): marker holds its number ("1") */

struct dm_cell {
	const char *text;	/* "" for an empty cell; never NULL */
	int rowspan;		/* >= 1 for the cell that starts a span; 0 (both) for a cell inside one */
	int colspan;
	/* A cell whose type the format knew: for DM_CELL_DATE, text is "YYYY-MM-DD". */
	enum { DM_CELL_TEXT, DM_CELL_NUMBER, DM_CELL_DATE } type;
	double number;		/* DM_CELL_NUMBER's value (text holds it as the sheet shows it) */
	/* Footnote marks the text carried ("1", "1,3"), lifted out of text; NULL for none. */
	const char *marks;
	int pos;		/* where the cell starts in the source, if not where its row does; else 0 */
};

struct dm_table {
	size_t nrows, ncols;
	struct dm_cell *cells;	/* nrows * ncols, row-major: every slot filled */
	/* Per row: a header row (the first ones, or one repeated after a page break). */
	bool *head;
	int *row_pos;		/* per row: where it starts in the source (as dm_block.pos) */
	const char *name;	/* a sheet's name, a caption, or NULL */
};

struct dm_block {
	enum dm_type type;
	unsigned flags;
	int level;
	const char *marker;	/* DM_ITEM: "1.", "2.1a", "a)", "(iv)", "•", "Priority 2A"; else NULL */
	const char *text;	/* never NULL: "" for a table (its text is in its cells) */
	struct dm_table *table;	/* DM_TABLE only */
	/*
	 * Where the block starts and ends in the source, in the source's own
	 * unit: the 1-based line of a text file, else the 1-based paragraph
	 * (DOCX, ODT, HTML), row (XLSX, ODS) or page (PDF). where is the same
	 * said for a person: "line 12", "page 3", "sheet 'Tracker' row 5".
	 */
	int pos, pos_end;
	const char *where;
	const char *why;	/* DMF_NOISE: why it is not content ("page footer, on every page") */
	/* Footnote marks the text carried ("1", "1,3"), lifted out of text; NULL for none. */
	const char *marks;
};

struct dm_doc {
	enum dm_format format;
	struct dm_block *blocks;
	size_t nblocks, cap;
	const char *title;	/* from the file's own metadata (DOCX core, <title>, PDF Info), or NULL */
	struct arena *a;
};

/* Caps on what one document may make, whatever its format claims. */
#define DM_MAX_BLOCKS 1000000
#define DM_MAX_CELLS 4000000

const char *dm_format_name(enum dm_format f);	/* "text", "html", "docx"... */
const char *dm_type_name(enum dm_type t);	/* "heading", "para", "item", "table" */

/* Which format the bytes are, by content alone. Anything not recognised is DM_TEXT. */
enum dm_format dm_sniff(const char *data, size_t len);

/*
 * Read data into d (allocating from a) with the reader for its format
 * (dm_sniff). A damaged or hostile file gives WM_EINVAL or WM_ETOOBIG with
 * a message a person can act on ("the .docx has no word/document.xml"); d
 * then holds what was read before the fault, or nothing. A format whose
 * reader this build lacks gives WM_EINVAL saying so.
 */
int dm_read(struct dm_doc *d, struct arena *a, const char *data, size_t len, struct wm_err *err);

/* Each reader, for callers (and tests) that know the format already. */
int dm_read_text(struct dm_doc *d, const char *data, size_t len, struct wm_err *err);
int dm_read_html(struct dm_doc *d, const char *data, size_t len, struct wm_err *err);
int dm_read_docx(struct dm_doc *d, const char *data, size_t len, struct wm_err *err);
int dm_read_odt(struct dm_doc *d, const char *data, size_t len, struct wm_err *err);
int dm_read_xlsx(struct dm_doc *d, const char *data, size_t len, struct wm_err *err);
int dm_read_ods(struct dm_doc *d, const char *data, size_t len, struct wm_err *err);
int dm_read_pdf(struct dm_doc *d, const char *data, size_t len, struct wm_err *err);

/* Building a model (for readers) */

/* An empty document of format f in arena a. */
void dm_init(struct dm_doc *d, struct arena *a, enum dm_format f);
/*
 * A new block of type t at the end of d, zeroed but for its type, with
 * text "" for text blocks; NULL (and err set) past DM_MAX_BLOCKS.
 */
struct dm_block *dm_add(struct dm_doc *d, enum dm_type t, struct wm_err *err);
/*
 * Clean len bytes of text (txt_clean: UTF-8, no tags, single spaces) into
 * d's arena; *marks, if marks is not NULL, gets the footnote marks the
 * text carried ("1,3"), or NULL.
 */
const char *dm_clean(struct dm_doc *d, const char *text, size_t len, const char **marks);
/* Add a text block: text is copied and cleaned (dm_clean), its marks kept. */
struct dm_block *dm_add_text(struct dm_doc *d, enum dm_type t, const char *text, size_t len,
    struct wm_err *err);
/*
 * A table of nrows x ncols empty cells (each rowspan = colspan = 1, text "");
 * NULL (and err set) past DM_MAX_CELLS.
 */
struct dm_table *dm_table_new(struct dm_doc *d, size_t nrows, size_t ncols, struct wm_err *err);
static inline struct dm_cell *
dm_cell(const struct dm_table *t, size_t row, size_t col)
{
	return &t->cells[row * t->ncols + col];
}
/* Set "where" of b from its pos in the format's unit ("line 12", "page 3"). */
void dm_where(struct dm_doc *d, struct dm_block *b);

/*
 * Write d as text, one line a block (a table's rows each on a line of
 * their own), for golden files:
 *   heading 2: Action plan
 *   item 0 [1.]: Develop a prevention strategy
 *   table 3x4 head=1
 *   | Ref | Recommendation | Lead | Due
 *   | R1 | ... (a spanned cell as "<2x1> text", a covered one as "^")
 *   noise (page footer): 1 of 2
 *   note [1]: Funded from the grant.
 * Footnote marks a text carried follow it as " ^1,3".
 */
int dm_dump(const struct dm_doc *d, struct buf *out);

#endif
