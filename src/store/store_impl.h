/*
 * store_impl.h: what an engine driver provides. Private to store/.
 *
 * store.c owns the statement cache and the transaction depth; a driver only
 * talks to its engine. Every driver entry returns 0 or a WM_E* code.
 */
#ifndef WM_STORE_IMPL_H
#define WM_STORE_IMPL_H

#include "store/store.h"

/*
 * What a constraint failure (WM_EEXIST: a second record with one key;
 * WM_EINVAL: any other rule) says, the same on every engine and without
 * the engine's names of tables and columns: callers add what the data was.
 */
const char *store_constraint_message(int code);

struct store_driver {
	const char *name;
	enum store_engine engine;
	const char *ddl_id;	/* replaces @ID@ */
	const char *ddl_real;	/* replaces @REAL@ */
	const char *ddl_blob;	/* replaces @BLOB@ */
	/*
	 * Starts an outermost transaction. Every transaction is a write
	 * transaction and takes the one writer's lock at once, so writers
	 * queue (SQLite's BEGIN IMMEDIATE; an advisory lock on PostgreSQL).
	 */
	const char *begin;
	/* Starts an outermost read-only transaction that sees one moment. */
	const char *begin_read;
	/* A query of one parameter, a table's name, giving a row if it exists. */
	const char *table_query;
	/*
	 * Full-text search (store_search_sql): the query, and how a match is
	 * written: each word through search_word (a printf format of one %s),
	 * joined by search_and.
	 */
	const char *search_sql;
	const char *search_word;
	const char *search_and;

	int (*open)(struct store *st, const char *target, unsigned flags, struct wm_err *err);
	void (*close)(struct store *st);
	int (*exec)(struct store *st, const char *sql, struct wm_err *err);

	int (*prepare)(struct store *st, struct stmt *s, struct wm_err *err);
	void (*finalize)(struct stmt *s);
	void (*bind_null)(struct stmt *s, int i);
	void (*bind_int)(struct stmt *s, int i, int64_t v);
	void (*bind_double)(struct stmt *s, int i, double v);
	void (*bind_text)(struct stmt *s, int i, const char *v);
	void (*bind_blob)(struct stmt *s, int i, const void *v, size_t len);
	int (*step)(struct stmt *s, struct wm_err *err);
	void (*reset)(struct stmt *s);
	int64_t (*changes)(struct stmt *s);
	int (*column_count)(struct stmt *s);
	const char *(*column_name)(struct stmt *s, int col);
	bool (*is_null)(struct stmt *s, int col);
	int64_t (*col_int)(struct stmt *s, int col);
	double (*col_double)(struct stmt *s, int col);
	const char *(*col_text)(struct stmt *s, int col);
	const void *(*col_blob)(struct stmt *s, int col, size_t *len);
	int (*blob_read)(struct store *st, const char *table, const char *column, int64_t id,
	    size_t offset, void *buf, size_t len, struct wm_err *err);
	/* Optional (NULL: the engine has none; store.c says so). */
	int (*backup)(struct store *st, const char *path, struct wm_err *err);
	int (*restore)(struct store *st, const char *path, struct wm_err *err);
	int (*check)(struct store *st, struct wm_err *err);
	const char *instead;	/* what to use where backup, restore or check are NULL */
};

struct stmt {
	struct store *st;
	char *sql;
	void *handle;	/* the driver's statement */
	bool active;	/* handed out and not finished: do not hand out again */
	struct stmt *next_same;	/* another instance of the same SQL */
};

struct store {
	const struct store_driver *drv;
	void *handle;	/* the driver's connection */
	char *url;
	int depth;	/* transaction nesting */
	/* statement cache: open addressing on the SQL text */
	struct stmt **cache;
	size_t ncache, capcache;
	double deadline;	/* store_clock() after which statements fail; 0: none */
	unsigned steps;		/* since the clock was last read */
};

/* Has the store's deadline passed? (The SQLite driver asks from its progress handler too.) */
bool store_past_deadline(struct store *st);

extern const struct store_driver store_sqlite_driver;
#ifdef WM_HAVE_POSTGRES
/*
 * The PostgreSQL driver (store_pg.c), or NULL with err set when it cannot
 * be had: the waymark command loads it as a module (store_pg_stub.c).
 */
const struct store_driver *store_pg_driver_get(struct wm_err *err);
#endif

#endif
