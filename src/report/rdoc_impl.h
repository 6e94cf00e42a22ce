/*
 * rdoc_impl.h: the report document's insides, shared by its writers
 * (rdoc.c builds; rdoc_write.c, rdoc_json.c, rdoc_xlsx.c... write).
 * Private to src/report/.
 *
 * A document is a list of blocks kept in an arena; each writer walks the
 * list once. Every value a writer shows is a struct cell: a table's
 * cell, a fact, a list item.
 */
#ifndef WM_RDOC_IMPL_H
#define WM_RDOC_IMPL_H

#include "base/buf.h"
#include "report/rdoc.h"

enum block_kind {
	B_HEADING,
	B_PARA,
	B_LIST,
	B_ITEM,
	B_FIGURE,
	B_TABLE,
	B_FACT,		/* a fact inside a group: JSON only */
	B_GROUP,	/* opens an object in an array of the JSON */
	B_GROUP_END,
	B_BREAK		/* a new page */
};

/* How a number cell is shown: its decimals (or NUM_SHORTEST), a suffix, or as money. */
struct rnum {
	int decimals;
	const char *suffix;	/* NULL for none */
	bool money;		/* pounds.h: "£1,234", "£12.50" */
};

enum cell_type {
	C_TEXT,
	C_NULL,
	C_NUM,
	C_DATE,
	C_BOOL,
	C_LIST,
	C_JSON,		/* any JSON value, kept as its text (rtable_json of an object) */
	C_NONE		/* empty on paper, left out of the JSON (rtable_none) */
};

struct cell {
	enum cell_type type;
	const char *text;	/* C_TEXT's value; "" for C_NULL; NULL otherwise */
	const char *shown;	/* rtable_show(): how it reads on paper, or NULL */
	const char *tag;	/* status colour, or NULL */
	const char *href;	/* link target, or NULL */
	double num;		/* C_NUM */
	const struct rnum *fmt;	/* C_NUM: copied into the arena */
	int day;		/* C_DATE */
	bool yes;		/* C_BOOL */
	const char **items;	/* C_LIST */
	size_t nitems;
};

struct rtable {
	struct rdoc *doc;
	const char *key;	/* the JSON array; NULL: not in the JSON */
	const char *caption;
	size_t ncols, nrows, caprows;
	const char **headers;
	const char **keys;	/* per column, or NULL */
	unsigned *flags;	/* RC_* per column */
	const char **header_hrefs;	/* per column, or NULL: rtable_header_link() */
	signed char *sorted;	/* per column: 1 ascending, -1 descending, 0 */
	bool map;		/* rtable_as_map() */
	bool reversed;		/* rtable_json_reversed() */
	struct cell *cells;	/* nrows * ncols, row-major */
	unsigned char *row_in;	/* per row: ROW_DATA (only in the JSON) or ROW_PAPER (not in it) */
	size_t filled;		/* cells of the row being built */
};

struct fact {
	const char *key;	/* NULL: shown only (rdoc_meta) */
	const char *label;	/* NULL: JSON only */
	struct cell v;
};

struct block {
	enum block_kind kind;
	int level;
	const char *text;	/* heading, paragraph, item; figure caption; group's key */
	const char *svg;	/* figure */
	struct rtable *table;
	struct fact fact;	/* B_FACT */
	struct block *next;
};

/* A report's own rendering in a format of its own (see rdoc_add_rendition). */
struct rendition {
	const char *format, *media_type, *text;
	struct rendition *next;
};

struct rdoc {
	struct arena *arena;
	const char *title;
	const char *header;		/* above the title: the body's name, or NULL */
	const unsigned char *logo;	/* PNG, or NULL */
	size_t logo_len;
	struct fact *facts;	/* under the title */
	size_t nfacts, capfacts;
	int depth;		/* groups open */
	bool keyed;		/* some fact or table has a key: the JSON comes from them */
	struct block *first, *last;
	json_t *data;
	struct rendition *renditions;
};

static inline const struct cell *
rtable_at(const struct rtable *t, size_t r, size_t c)
{
	return &t->cells[r * t->ncols + c];
}

/* Is the column shown on paper and in sheets (not RC_DATA)? */
static inline bool
rcol_shown(const struct rtable *t, size_t c)
{
	return !(t->flags[c] & RC_DATA);
}

/*
 * Does the block show on paper and in sheets: not a group's fact or
 * bounds, not a table of data-only columns or of data-only rows?
 */
static inline bool
block_on_paper(const struct block *b)
{
	if (b->kind == B_FACT || b->kind == B_GROUP || b->kind == B_GROUP_END)
		return false;
	if (b->kind == B_TABLE) {
		const struct rtable *t = b->table;
		bool cols = false, rows = t->nrows == 0;

		for (size_t c = 0; c < t->ncols && !cols; c++)
			cols = rcol_shown(t, c);
		for (size_t r = 0; r < t->nrows && !rows; r++)
			rows = t->row_in[r] != 1;	/* ROW_DATA */
		return cols && rows;
	}
	return true;
}

/* Is the row shown on paper and in sheets? */
#define ROW_DATA 1
#define ROW_PAPER 2

static inline bool
rrow_shown(const struct rtable *t, size_t r)
{
	return t->row_in[r] != ROW_DATA;
}

/*
 * How a cell reads: on paper (grouped: 1,234.5, £12, 3.5%) or as data
 * (1234.5, yes/no, the list joined). Into out (at least 64 bytes), or a
 * pointer to the cell's own text.
 */
const char *cell_text(const struct cell *c, bool grouped, char *out, size_t len);
/* The cell as a JSON value (a new reference). */
json_t *cell_json(const struct cell *c);

/*
 * How to share a page's width among the shown columns of t, for writers
 * that size columns before the reader lays them out (Word, OpenDocument):
 * by characters, each column its widest line where capacity (characters a
 * line of the page holds) allows, never narrower than its longest word
 * when that fits. share[k] for the k-th shown column; they add up to 1.
 */
void rtable_shares(const struct rtable *t, double capacity, double *share);

/*
 * A status colour (rtable_tag's tag): its background and its text, as
 * 0xRRGGBB, the same in every format the paper's GOV.UK tags use. NULL
 * for a tag that is not one of them.
 */
struct rtag {
	const char *name;	/* "red", "amber", "green", "grey", "blue" */
	unsigned bg, fg;
};

const struct rtag *rtag_find(const char *name);
/* Its index in the table (for writers that name a style per colour), or -1. */
int rtag_index(const char *name);
const struct rtag *rtag_at(int index);

/* A PNG's size in pixels, from its header; false if it is not a PNG. */
bool png_size(const unsigned char *png, size_t len, long *w, long *h);

/* The writers, by file. */
void rdoc_write_text(const struct rdoc *d, struct buf *out);
void rdoc_write_md(const struct rdoc *d, struct buf *out);
void rdoc_write_html(const struct rdoc *d, struct buf *out, bool whole);
void rdoc_write_csv(const struct rdoc *d, struct buf *out);
int rdoc_write_xlsx(const struct rdoc *d, struct buf *out, struct wm_err *err);
int rdoc_write_pdf(const struct rdoc *d, struct buf *out, struct wm_err *err);
int rdoc_write_docx(const struct rdoc *d, struct buf *out, struct wm_err *err);
int rdoc_write_odt(const struct rdoc *d, struct buf *out, struct wm_err *err);
void rdoc_write_model(const struct rdoc *d, struct buf *out);

#endif
