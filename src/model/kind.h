/*
 * kind.h: what kinds of record Waymark keeps, described as data.
 *
 * Each kind (units, goals, recommendations, measurements...) is a table
 * plus a list of fields: their JSON and command-line name, column, type,
 * and whether they are part of the natural key. The generic engine in
 * ent.c reads these descriptions to list, show, add, set, remove, export
 * and import every kind the same way, and the command line's help is
 * generated from them, so it cannot drift from what the code does.
 *
 * SQL is composed from these compile-time strings only, never from input;
 * values always travel as bound parameters.
 *
 * A kind's key is its key fields' values joined by '/': "Camden",
 * "DA2002/R3", "TTSC/G1", "BVPI 153b/Camden/2003-04". A key field that
 * refers to another kind contributes that kind's whole key.
 */
#ifndef WM_KIND_H
#define WM_KIND_H

#include "base/wm.h"

#include <jansson.h>

#include "base/err.h"

struct wm_ctx;
struct ent_query;
struct kind;

enum ftype {
	FT_TEXT,
	FT_INT,
	FT_REAL,
	FT_BOOL,	/* true/false; with FF_NULL also null ("not stated") */
	FT_DATE,	/* "YYYY-MM-DD" */
	FT_ENUM,	/* one of field.values */
	FT_PERIOD,	/* "2003-04", "2003-Q2", "2003/04", "2003" */
	FT_FYEAR,	/* a financial year, "2003/04" */
	FT_REF,		/* the key of one record of kind field.target */
	FT_LINKS,	/* keys of several records of field.target, via a link table */
	FT_TIMESCALE	/* a timescale as written and what it means; columns ts_* */
};

/* field flags */
#define FF_KEY 0x01	/* part of the natural key, in field order */
#define FF_REQ 0x02	/* must be given when adding */
#define FF_BRIEF 0x04	/* a column of the text table in `list` */
#define FF_DERIVED 0x08	/* worked out by Waymark; cannot be set */
#define FF_NULL 0x10	/* FT_BOOL: null allowed */
#define FF_SECRET 0x20	/* never shown; only exported */
#define FF_NAME 0x40	/* a record may also be found by this field's value */
#define FF_REST 0x80	/* the last key part, which may hold '/' (another record's key) */
#define FF_LONG 0x100	/* text of several lines or paragraphs (a form gives it a text area) */
#define FF_ADDED_BY 0x200	/* set by Waymark on adding: the actor, as the audit log names them */
#define FF_ADDED_AT 0x400	/* set by Waymark on adding: the instant, YYYY-MM-DDTHH:MM:SSZ */
/*
 * FT_DATE: today or earlier (it says what had happened by then), by the
 * context's clock, for what a person enters through the web or the API; the
 * command line, whose imports carry the dates of the papers they read, is
 * not held to it.
 */
#define FF_PAST 0x800
/*
 * FT_BOOL: a word awaiting a planner's (a lead's that a recommendation is
 * met in full). Waymark's own rules set it yes; only a planner or an
 * administrator sets it back to no, and that is the sign-off (authz.h). No
 * form shows it; the command line, acting for the system, may set either.
 */
#define FF_SIGNOFF 0x1000
/*
 * One of a run of reference fields, next to each other, through exactly
 * one of which a record refers: a progress update is on a recommendation,
 * a plan item or a milestone (model/track.h). One of them must be given
 * (none carries FF_REQ). FF_KEY goes on the run's first field alone and
 * stands for the run: the key holds the
 * reference the record has, written bare for the first field and as
 * "FIELD:KEY" for the others ("DA2002/R1/2", "node:CS/P1.a/2"), so the
 * keys the first field gave before the others existed stay as they were.
 * In a key, every field of the run refers to a kind with keys of as many
 * parts as the first's.
 */
#define FF_ONE_OF 0x2000

struct field {
	const char *name;		/* JSON and --option name, snake_case */
	const char *col;		/* column (FT_TIMESCALE: unused) */
	enum ftype type;
	unsigned flags;
	const char *target;		/* FT_REF, FT_LINKS: kind name */
	const char *const *values;	/* FT_ENUM: NULL-terminated */
	const char *link_table;		/* FT_LINKS */
	const char *link_self;		/* FT_LINKS: column naming this record */
	const char *link_other;		/* FT_LINKS: column naming the target */
	const char *help;
	/*
	 * What the values may be beyond their type (field_check() below):
	 * FT_INT and FT_REAL within [min, max] when min < max, else within
	 * +-FIELD_NUMBER_MAX; FT_TEXT at most max_len characters, else
	 * FIELD_TEXT_MAX (FIELD_KEY_MAX for a key part).
	 */
	double min, max;
	unsigned max_len;
};

/*
 * The limits every field has unless its description says otherwise. No
 * figure a public body keeps comes near 1e15 (and doubles count whole
 * numbers exactly to 9e15), while figures near the largest double break
 * every sum and scale drawn from them.
 */
#define FIELD_NUMBER_MAX 1e15
#define FIELD_TEXT_MAX 20000
#define FIELD_KEY_MAX 200

/*
 * Why field_check() refused a value: the word in wm_err.reason, for
 * programs (the API's "reason", the web's forms) to act on.
 */
#define FIELD_BAD_TYPE "type"		/* not a number, a date, one of the choices... */
#define FIELD_BAD_RANGE "range"		/* a number outside [min, max] */
#define FIELD_BAD_LENGTH "length"	/* text longer than max_len */
#define FIELD_BAD_KEY "key_chars"	/* a key part blank, with control characters, spaces at */
					/* either end, or '/' */
#define FIELD_BAD_TEXT "encoding"	/* not UTF-8 */
#define FIELD_MISSING "required"	/* a field that must be given was not */

/* kind flags */
#define KF_VIEW 0x01	/* a filtered view of another kind's table: not exported */
#define KF_NOEXPORT 0x02
#define KF_READONLY 0x04	/* changed only by Waymark itself */
/*
 * Shown to the public when the records it belongs to are, though it has
 * no published field of its own (figures and targets: authz.h).
 */
#define KF_PUBLIC 0x08

/*
 * Hooks let a kind's own module derive and check what the generic engine
 * cannot: a recommendation's due date from its timescale, a node's parent
 * within its plan. All are optional.
 */
/* A record the engine has read: its id, and the row it will present. */
struct kind_row {
	int64_t id;
	json_t *row;
};

/* Sort rows[] by id, as kind_row_find and the decorate hooks want them. */
void kind_rows_sort(struct kind_row *rows, size_t n);
/* The row of rows[] (n of them, sorted by id) with this id, or NULL. */
struct kind_row *kind_row_find(const struct kind_row *rows, size_t n, int64_t id);

struct kind_hooks {
	/*
	 * Before a write: row is the complete new record (keys as strings),
	 * before the old one or NULL on add. May change row; returns 0 or an
	 * error that aborts the write.
	 */
	int (*prepare)(struct wm_ctx *ctx, json_t *row, const json_t *before,
	    struct wm_err *err);
	/* After a write, in the same transaction; after is NULL on remove. */
	int (*after)(struct wm_ctx *ctx, int64_t id, const json_t *before,
	    const json_t *after, struct wm_err *err);
	/*
	 * Add what list and show present beside the stored fields (not
	 * exported), to every row a read gives at once (rows[] sorted by id),
	 * so that a page costs a few queries, not a few a row.
	 */
	int (*decorate)(struct wm_ctx *ctx, const struct kind_row *rows, size_t n,
	    struct wm_err *err);
};

/*
 * A kind whose records are not one row each (measurements live in
 * column-wise series) brings its own storage; the engine still checks,
 * normalises and permits, then calls these. put() adds (mode PUT_ADD:
 * WM_EEXIST if it exists), changes (PUT_SET: WM_ENOTFOUND if it does not;
 * the row is complete) or either (PUT_UPSERT). With restore, nothing is
 * audited. *changed says what happened (ent.h's ENT_ADDED...).
 */
enum { PUT_ADD, PUT_SET, PUT_UPSERT };

struct kind_store {
	int (*list)(struct wm_ctx *ctx, const struct kind *k, const struct ent_query *q,
	    json_t **out, struct wm_err *err);
	int (*get)(struct wm_ctx *ctx, const struct kind *k, const char *key, json_t **out,
	    struct wm_err *err);
	int (*put)(struct wm_ctx *ctx, const struct kind *k, const json_t *row, int mode,
	    bool restore, int64_t if_version, int *changed, struct wm_err *err);
	int (*remove)(struct wm_ctx *ctx, const struct kind *k, const char *key, int64_t if_version,
	    struct wm_err *err);
	/*
	 * Many records at once (a whole-database import): rows is a JSON array;
	 * counts go into summary as dbx_import keeps them.
	 */
	int (*import_rows)(struct wm_ctx *ctx, const struct kind *k, const json_t *rows,
	    bool restore, json_t *summary, struct wm_err *err);
	/* How many records list would give without limit or offset (NULL: list and count). */
	int (*count)(struct wm_ctx *ctx, const struct kind *k, const struct ent_query *q,
	    size_t *n, struct wm_err *err);
	/*
	 * Remove every record list would give (a cascade: the figures of a
	 * unit or a PI being removed), auditing each as remove does, in one
	 * pass (NULL: list, then remove one at a time).
	 */
	int (*remove_all)(struct wm_ctx *ctx, const struct kind *k, const struct ent_query *q,
	    struct wm_err *err);
};

struct kind {
	const char *name;	/* plural, as on the command line and in JSON files */
	const char *one;	/* singular, for messages and `add` */
	const char *table;
	const char *fixed_col;	/* a view's rows have fixed_col = fixed_val */
	const char *fixed_val;
	const struct field *fields;	/* ends with a field whose name is NULL */
	/*
	 * The fields lists are sorted by, comma-separated. Sorting by what
	 * records say rather than by internal ids makes an export the same
	 * whatever order its records were made in.
	 */
	const char *order;
	unsigned flags;
	const struct kind_hooks *hooks;
	const char *help;
	const struct kind_store *store;	/* NULL: one row per record in table */
};

/* Every kind, ending with one whose name is NULL; in dependency order. */
extern const struct kind kinds[];

/* By plural or singular name, '-' and '_' alike; NULL if none. */
const struct kind *kind_find(const char *name);
/* The closest kind name to a misspelt one, or NULL. */
const char *kind_suggest(const char *name);
const struct field *kind_field(const struct kind *k, const char *name);
size_t kind_nfields(const struct kind *k);
/* How many '/'-separated parts a key of this kind has. */
size_t kind_key_parts(const struct kind *k);
/* The kind a view shows rows of ("goals" -> "nodes"); k itself if not a view. */
const struct kind *kind_base(const struct kind *k);

const char *ftype_name(enum ftype t);

/*
 * A run of FF_ONE_OF fields: the first field of the run f is in, and the
 * field of that run that row refers through (NULL if none, or *several
 * set if more than one).
 */
const struct field *field_run_first(const struct kind *k, const struct field *f);
const struct field *field_run_set(const struct field *first, const json_t *row, bool *several);
/* Is f the first of its run (or not in a run at all)? */
bool field_run_head(const struct kind *k, const struct field *f);

/* The range a number field allows (its own, or the default). */
void field_range(const struct field *f, double *min, double *max);
/* The most characters a text field allows. */
size_t field_max_len(const struct field *f);

/* A field's own limits in words ("0 to 100", "0 or more"), or "" if it has the defaults. */
void field_limits_text(const struct field *f, char *out, size_t len);

/*
 * Is this normalised value within the field's limits? 0, or WM_EINVAL
 * with err's field and reason set and a message a person can act on
 * ("progress percent_complete: 120 is more than 100: enter a number from 0
 * to 100"). For the engine's every write and the figures writer.
 */
int field_check_number(const struct kind *k, const struct field *f, double v, struct wm_err *err);
int field_check_text(const struct kind *k, const struct field *f, const char *s, struct wm_err *err);

/*
 * One value as a person reads it, malloc'd: "", "yes", "A; B", a
 * timescale's words, numbers in full with thousands grouped ("1,764,000").
 */
char *kind_value_text(const json_t *v);
/* The same for a program (CSV): numbers in full, not grouped ("1764000"). */
char *kind_value_plain(const json_t *v);

#endif
