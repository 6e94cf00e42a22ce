/*
 * store.h: the database connection, whatever engine is behind it.
 *
 * Model code writes SQL once, with `?` placeholders and in the subset both
 * SQLite and PostgreSQL accept, and runs it through this interface. A store
 * keeps every statement it has prepared, keyed by its SQL text, so callers
 * prepare on every use and pay for parsing once. Statements belong to the
 * store: callers never finalize them.
 *
 * Transactions nest: an inner store_begin() is a savepoint, so a library
 * function can be "one transaction" whether or not its caller opened one.
 * An outermost transaction is a write transaction: it takes the database's
 * one writer's lock when it begins, so that writers from any number of
 * processes queue rather than interleave, on either engine. Readers do not
 * wait. Keep transactions short.
 */
#ifndef WM_STORE_H
#define WM_STORE_H

#include "base/wm.h"

#include "base/err.h"

struct buf;

struct store;
struct stmt;

enum store_engine {
	STORE_SQLITE,
	STORE_POSTGRES
};

enum {
	STORE_DONE = 0,	/* stmt_step: no (more) rows */
	STORE_ROW = 1	/* stmt_step: a row is ready */
};

/* store_open flags */
#define STORE_CREATE 0x1	/* create the database if it does not exist */
#define STORE_READONLY 0x2

/*
 * Open url: "sqlite:PATH", a plain PATH, "postgresql://...", or libpq's
 * keyword form ("host=db dbname=waymark user=waymark": a string that
 * begins with one of libpq's keywords and =).
 * Does not check the schema; see migrate.h.
 */
int store_open(struct store **out, const char *url, unsigned flags, struct wm_err *err);
void store_close(struct store *st);	/* accepts NULL */

enum store_engine store_engine(const struct store *st);
const char *store_engine_name(const struct store *st);
/* The url as given, for messages; a PostgreSQL password shows as ***. */
const char *store_url(const struct store *st);
/*
 * A url as messages show it, malloc'd: a PostgreSQL password
 * (user:PASSWORD@host, ?password=PASSWORD, or password=PASSWORD in the
 * keyword form, quoted or not) becomes ***. Any string gives one; what is
 * not a PostgreSQL address is returned as it is.
 */
char *store_url_redact(const char *url);

int store_prepare(struct store *st, const char *sql, struct stmt **out, struct wm_err *err);

/* Parameters are numbered from 1; text is copied. A NULL string binds NULL. */
void stmt_bind_null(struct stmt *s, int i);
void stmt_bind_int(struct stmt *s, int i, int64_t v);
void stmt_bind_double(struct stmt *s, int i, double v);
void stmt_bind_text(struct stmt *s, int i, const char *v);
/* Bytes; copied. A NULL pointer binds NULL. */
void stmt_bind_blob(struct stmt *s, int i, const void *v, size_t len);

/*
 * A time limit: once the clock (store_clock(), seconds) passes deadline,
 * every statement fails with WM_ETIMEOUT, a long one part-way through on
 * SQLite, so whatever was asking gives up and its caller rolls back. 0
 * lifts it. The web server sets one per request.
 */
void store_set_deadline(struct store *st, double deadline);
/* Seconds on a clock that only goes forward, for deadlines. */
double store_clock(void);

/* STORE_ROW, STORE_DONE, or a negative WM_E* code with err filled in. */
int stmt_step(struct stmt *s, struct wm_err *err);
/* Run a statement that returns no rows (or ignore them): 0 or an error. */
int stmt_exec(struct stmt *s, struct wm_err *err);
/* Rows changed by the last INSERT, UPDATE or DELETE run on s. */
int64_t stmt_changes(struct stmt *s);
void stmt_reset(struct stmt *s);

/* Columns are numbered from 0. Text stays valid until the next step or reset. */
int stmt_column_count(struct stmt *s);
const char *stmt_column_name(struct stmt *s, int col);
bool stmt_is_null(struct stmt *s, int col);
int64_t stmt_int(struct stmt *s, int col);
double stmt_double(struct stmt *s, int col);
const char *stmt_text(struct stmt *s, int col);	/* NULL for SQL NULL */
/* Bytes and their length; NULL for SQL NULL. Valid until the next step or reset. */
const void *stmt_blob(struct stmt *s, int col, size_t *len);

/* Run SQL without parameters (several statements allowed): DDL, pragmas. */
int store_exec(struct store *st, const char *sql, struct wm_err *err);

/*
 * Run DDL written in the portable dialect: @ID@ becomes the engine's
 * auto-increment primary key, @REAL@ its double type, @BLOB@ its byte type.
 * What only one engine has (SQLite's FTS5, PostgreSQL's text search) comes
 * after a line "-- @sqlite" or "-- @postgresql", until "-- @both".
 */
int store_exec_ddl(struct store *st, const char *sql, struct wm_err *err);

int store_begin(struct store *st, struct wm_err *err);
/*
 * Begin a read-only transaction that sees the database as it was when it
 * began, however long it runs, without making writers wait: for an export
 * or a copy of a database in use. End it with store_commit() or
 * store_rollback(). Inside another transaction it is a savepoint of that.
 */
int store_begin_read(struct store *st, struct wm_err *err);
int store_commit(struct store *st, struct wm_err *err);
/* Undo the innermost transaction and return rc, for `return store_rollback(st, rc)`. */
int store_rollback(struct store *st, int rc);
bool store_in_transaction(const struct store *st);

/*
 * Read len bytes at offset of the blob in table.column of the row with
 * this id, without reading the rest of it. table and column are names
 * from the code, never from input.
 */
int store_blob_read(struct store *st, const char *table, const char *column, int64_t id,
    size_t offset, void *buf, size_t len, struct wm_err *err);

/*
 * Full-text search over search_doc (migration 020; model/search.c keeps it):
 * the engine's query giving (tbl, rec_id) of the rows whose title or body
 * hold every word of a match (store_search_match), the best first; its
 * two parameters are the match and the most rows.
 */
const char *store_search_sql(const struct store *st);
/*
 * words (letters and digits only: the caller splits the text) as the
 * engine's match: each word a prefix of a word in the text, all needed.
 */
void store_search_match(const struct store *st, const char *const *words, size_t n,
    struct buf *out);

/* Does a table of this name exist? */
int store_table_exists(struct store *st, const char *table, bool *exists, struct wm_err *err);

/*
 * Whole-database operations that belong to the engine. An engine without
 * one returns WM_EUSAGE saying so and what to use instead (PostgreSQL has
 * pg_dump, pg_restore and amcheck), so callers need no engine tests.
 */

/*
 * Copy the whole database, as it stood at one moment, into a new file at
 * path while others go on reading and writing (SQLite's online backup).
 * The copy is one self-contained file, checked before it is put in place;
 * a half-made copy is never left at path. path must not exist already.
 */
int store_backup(struct store *st, const char *path, struct wm_err *err);

/*
 * Replace the whole database with the copy at path, in one transaction:
 * other connections see all of the old database or all of the copy. The
 * copy's own structures are checked first. Schemas are the caller's
 * business: see migrate.h.
 */
int store_restore(struct store *st, const char *path, struct wm_err *err);

/* Check the database's own structures (pages, indexes): 0, or WM_EDB saying what is wrong. */
int store_check(struct store *st, struct wm_err *err);

#endif
