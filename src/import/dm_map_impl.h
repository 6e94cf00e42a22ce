/*
 * dm_map_impl.h: what the parts of the mapper share (private to
 * src/import). dm_map.c walks the document and keeps the context (title,
 * date, the headings and introductions over each block, what was read
 * and what not); dm_maptab.c reads tables, dm_repair.c mends them first;
 * dm_maplist.c reads lists, labelled headings and blocks of "Label:
 * value" lines; dm_maptime.c reads timetables of date lines. Each adds
 * records (struct mrec) that dm_emit.c turns into Waymark's JSON.
 */
#ifndef WM_DM_MAP_IMPL_H
#define WM_DM_MAP_IMPL_H

#include <jansson.h>

#include "import/dm.h"
#include "import/dm_map.h"
#include "import/vocab.h"

struct arena;

/* One record read from the document, in the document's own words. */
struct mrec {
	enum rec_kind kind;
	const char *ref;	/* as printed, without its label word ("33.10a", "AFI 1"), or NULL */
	const char *title;	/* the item's text */
	const char *desc;	/* what a paragraph under it said, a footnote */
	const char *lead, *timescale, *priority, *status;
	const char *response, *progress, *subject, *measure, *evidence, *source_name;
	const char *progress_date;
	const char *degree;	/* "Recommendation met: X", lifted from the progress */
	int statutory;		/* 1, 0, or -1 when not stated */
	const char *marks;	/* footnote marks its text carried */
	int parent;		/* index of the record above it, or -1 */
	bool parent_weak;	/* parent only by the section it is in: numbering may say otherwise */
	int pos;		/* where it starts in the source */
	const char *where;
	int group;		/* the list, table or timetable it came from */
	struct buf *extra;	/* "Header: text" lines of cells with no field */
	bool guessed_kind;	/* its kind was the document's, not its own */
	/* set by dm_emit.c */
	const char *key;
};

/* A list, table or timetable the records came from. */
struct mgroup {
	enum rec_kind kind;
	const char *title;	/* the heading or line above it */
	const char *plan_name;	/* a plan it names ('Towards the Safest City'), or NULL */
	int pos;
};

#define MAP_MAX_DEPTH 8

struct mctx {
	struct arena *a;
	const struct dm_doc *d;
	const struct map_opts *o;
	struct mrec *recs;
	size_t nrecs, rcap;
	struct mgroup *groups;
	size_t ngroups, gcap;
	char *used;		/* per block: read into something */
	const char **why;	/* per block: why it was not read (NULL: say by its look) */
	json_t *unread;		/* cells and lines of read blocks that were not read */
	json_t *notes;
	json_t *columns;	/* header -> what it was read as, once per header */
	const char *title;	/* the document's title */
	int date;		/* the document's date, or DATE_NONE */
	int year;		/* a year for dates without one, when the date is unknown */
	bool us_dates;		/* numeric dates are month first (09/30/17) */
	/* the record each kind's next children belong to, as headings and lists set it */
	int parent[RK__MAX];
	/* the record a labelled heading opened ("Objective 1:"): lists under it are its children */
	int section;
	/* key actions lettered a), b)...: the last letter read, and for which parent */
	int last_letter, letter_parent;
	bool progress_rows;	/* recommendations with progress were read */
};

/* ---- dm_map.c --------------------------------------------------------- */

/* A new record of kind k from block b (zeroed but for kind, parent -1, statutory -1). */
struct mrec *map_rec(struct mctx *m, enum rec_kind k, const struct dm_block *b, int group);
/* A new group (a table, list or timetable); its index. */
int map_group(struct mctx *m, enum rec_kind k, const char *title, int pos);
/*
 * Put text in r's field for role (the first text a field gets stays); true
 * if it went there, false if it was kept as the extra field "label: text".
 */
bool map_field(struct mctx *m, struct mrec *r, enum col_role role, const char *label,
    const char *text);
/* Block i, or NULL past the end. */
const struct dm_block *map_block(const struct mctx *m, size_t i);
/* The next block after i that is not noise, or the number of blocks. */
size_t map_next(const struct mctx *m, size_t i);
/* Keep "Header: text" on r as an extra field. */
void map_extra(struct mctx *m, struct mrec *r, const char *header, const char *text);
/* Report once that column header was kept as extra fields, or read as role. */
void map_column(struct mctx *m, const char *header, const char *as);
/* A cell or part of block b that was not read, and why. */
void map_unread(struct mctx *m, const struct dm_block *b, int pos, const char *text,
    const char *why);
void map_note(struct mctx *m, const char *fmt, ...) WM_PRINTF(2, 3);

/*
 * The kind the words around block i name: the nearest heading above it or
 * the introduction just before it ("the following eight recommendations:"),
 * then the document's title; RK_NONE if none. *count, if not NULL, gets a
 * number the introduction promises ("five goals"), or 0.
 */
enum rec_kind map_context_kind(struct mctx *m, size_t i, int *count);
/* The family noun a sentence introduces, and the number it says (the head noun of its list). */
enum rec_kind map_intro(const char *text, int *count, bool *partial);
/* What an introduction says of the state of the items it lists ("were off track"), or NULL. */
const char *map_intro_status(struct mctx *m, const char *text, bool heading);
/* The title of the block just above block i that heads it (a heading, a caption), or NULL. */
const char *map_title_above(struct mctx *m, size_t i);

/*
 * "Objective 1: Prevent...", "Key Target 4:", "Goal A. Financial...",
 * "Recommendation 33.10a", "Priority 2 - Work...", "AFI 1 - The service":
 * a label naming a kind, its reference, and (in *rest) what follows, or
 * RK_NONE. A code label ("AFI 1", "Stage 1") stays whole in *ref.
 */
enum rec_kind map_label(struct mctx *m, const char *text, const char **ref, const char **rest);

/* "ten", "12": a number written as a word or in digits (w, n bytes), or 0. */
int map_number_word(const char *w, size_t n);

/* An item's text tidied: trailing list punctuation and " and" gone, a first capital. */
const char *map_tidy(struct mctx *m, const char *text, bool capital);

/* ---- tables (dm_maptab.c, mended by dm_repair.c) --------------------- */

struct mcol {
	const char *header;	/* as the header rows give it */
	enum col_role role;
	enum rec_kind kind;	/* the kind of record a text column names */
	bool parents;		/* a column of parent items beside their children (a merged cell) */
	bool reported;
};

struct mrow {
	const char **cell;	/* ncols cells; NULL for one a merged cell above covers */
	const int *span;	/* rows each cell spans (1, or more for a merged cell) */
	const char **marks;
	int *cpos;		/* where each cell starts */
	int pos;
	bool head;		/* a header row (first, continued, or repeated) */
	bool group;		/* one cell across the table: a group's name */
	bool merged;		/* continued the record above: read into it */
	const char *ref;	/* the row's reference, if it starts a record */
};

struct mtab {
	const struct dm_block *b;
	struct mcol *col;
	size_t ncols;
	struct mrow *row;
	size_t nrows;
	enum rec_kind kind;
	size_t text;		/* the column that holds each record's text */
	bool lettered;		/* records start at "a)", "b)" in the text column */
};

/* The first column of role r, or SIZE_MAX. */
size_t tab_col(const struct mtab *t, enum col_role r);
/* "R1", "R 12", "Rec 3", "No. 4", "7", "3a", "AFI 1", "1.2": a row's reference, or NULL. */
const char *tab_ref(struct mctx *m, const char *cell);
/* "a) Publish", "(b) Review": a key action's letter, *rest its text; 0 if none. */
char tab_letter(const char *cell, const char **rest);

/* The named repairs of a table read from text, in order (dm_repair.c). */
void rep_repeated_headers(struct mctx *m, struct mtab *t);
void rep_header_continued(struct mctx *m, struct mtab *t);
void rep_rows_continued(struct mctx *m, struct mtab *t);

/* ---- dm_maptab.c ----------------------------------------------------- */

/* Read table block i into records; true if it was read as records. */
bool map_table(struct mctx *m, size_t i);

/* ---- dm_maplist.c ---------------------------------------------------- */

/* The first family noun anywhere in s names a kind ("Our key priorities"): it, or RK_NONE. */
enum rec_kind map_kind_named(const char *s);
/* Try the list-like readers at block i; the number of blocks read, or 0. */
size_t map_list(struct mctx *m, size_t i);
/* "July 2014 - We agree...": the time a line starts with, *rest what follows; or NULL. */
const char *map_time_prefix(struct mctx *m, const char *text, const char **rest);
/* A deadline an item's text gives ("by April 2014", "in July 2005" -> "July 2005"), or NULL. */
const char *map_text_timescale(struct mctx *m, const char *s);
/* Attach footnotes to the records whose text carried their marks. */
void map_footnotes(struct mctx *m);

/* ---- dm_mapnamed.c -------------------------------------------------- */

/*
 * The records from `from` on each name items by number ("actions 1.2 and
 * 1.5 within ..."), and the numbers named add up to count: one record each.
 */
bool map_name_to_count(struct mctx *m, size_t from, int count);
/*
 * The records from `from` on (read from blocks first..last) only count
 * items ("ten are on track"), and the counts add up to count: they are
 * taken back and their blocks reported as counts.
 */
bool map_tallies_to_count(struct mctx *m, size_t from, int count, size_t first, size_t last);
/* A paragraph naming items by number, as many as it says ("four actions (actions 2.3 ...)
 * did not..."): their records, or their state on those read before; blocks read, or 0. */
size_t map_named_prose(struct mctx *m, size_t i);

/* The kind a list's items name themselves ("This recommendation had ..."), most of them; or RK_NONE. */
enum rec_kind map_self_kind(struct mctx *m, size_t j);
/* "five Red responses which included the following:": the status the count gives them, or NULL. */
const char *map_counted_status(struct mctx *m, const char *text);

/* The paragraph at block x speaks of r as "this recommendation": kept as r's description; true if so. */
bool map_commentary(struct mctx *m, size_t x, struct mrec *r);
/* Labelled items named in a sentence ("Recommendation 2 – Improve ..."); blocks read, or 0. */
size_t map_labels_in_prose(struct mctx *m, size_t i);

/* ---- dm_mapprose.c -------------------------------------------------- */

/* Items written as one-sentence paragraphs under a heading naming their kind; blocks read, or 0. */
size_t map_prose_items(struct mctx *m, size_t i);

/* ---- dm_maptime.c ---------------------------------------------------- */

/* A timetable of date lines at block i ("16 September" then what happens); blocks read, or 0. */
size_t map_timetable(struct mctx *m, size_t i);
/* A time that names a day for certain ("30 Sep 2023", "09/30/17"): that day, else DATE_NONE. */
int map_due(struct mctx *m, const char *timescale);
/* Does the text read as a time ("June 2002", "Mid - end October")? */
bool map_is_time(struct mctx *m, const char *text);

#endif
