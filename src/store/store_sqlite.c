/*
 * store_sqlite.c: the SQLite driver.
 *
 * One connection per struct store (and so per thread in the server), in WAL
 * mode so readers never wait for the writer, with foreign keys enforced and
 * a busy timeout so that two processes writing at once queue instead of
 * failing. Backup and restore use SQLite's online backup API, so neither
 * stops anyone else working.
 */
#include "base/wm.h"

#include <fcntl.h>
#include <libgen.h>
#include <pthread.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/mem.h"
#include "store/store_impl.h"

/* How long backup and restore wait for a lock another connection holds. */
#define SQ_LOCK_WAIT_MS 10000

/*
 * Constraint failures are the data's fault, not the database's: a second
 * record with the same key is WM_EEXIST, the rest WM_EINVAL.
 */
static int
wm_code(int sqlite_code)
{
	if (sqlite_code == SQLITE_INTERRUPT)
		return WM_ETIMEOUT;	/* only the deadline interrupts (progress_check) */
	if (sqlite_code == SQLITE_CONSTRAINT_UNIQUE || sqlite_code == SQLITE_CONSTRAINT_PRIMARYKEY)
		return WM_EEXIST;
	return (sqlite_code & 0xff) == SQLITE_CONSTRAINT ? WM_EINVAL : WM_EDB;
}

/* Every ten thousand steps of a statement: stop it if the store's deadline has passed. */
static int
progress_check(void *arg)
{
	return store_past_deadline(arg);
}

static int
db_error(struct store *st, struct wm_err *err, const char *what)
{
	sqlite3 *db = st->handle;
	int code = wm_code(sqlite3_extended_errcode(db));

	/* the engine's words name tables and columns: callers say what the data broke */
	if (code == WM_EINVAL || code == WM_EEXIST)
		return wm_error(err, code, "%s", store_constraint_message(code));
	return wm_error(err, code, "%s: %s", what, sqlite3_errmsg(db));
}

/*
 * Before SQLite's first use in the process: no memory statistics. Kept,
 * they take one process-wide mutex on every allocation SQLite makes, which
 * the server's worker threads, each on its own connection, queue on.
 */
static void
sq_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/*
 * A database holds password hashes and unpublished records: a new one is
 * made readable by its owner only. SQLite would create it 0644; made here
 * empty and 0600 first, SQLite fills it, and gives its -wal, -shm and
 * -journal files the same mode. ":memory:" and "" are no file.
 */
static int
create_private(const char *path, struct wm_err *err)
{
	int fd;

	if (*path == '\0' || strcmp(path, ":memory:") == 0)
		return 0;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return errno == EEXIST ? 0 : wm_error(err, WM_EIO, "%s: %s", path, strerror(errno));
	close(fd);
	return 0;
}

/*
 * A WAL database is read through its -shm file, which SQLite must be able
 * to create beside it: a database kept read-only in a folder this user
 * cannot write (an archived copy, a mounted snapshot) could not be read at
 * all. Such a one, with no -wal beside it (so nothing is half-written and
 * nobody here can write it), is read as it stands, as an immutable file.
 * The answer is a "file:" URI (malloc'd), or NULL to open the path as it is.
 */
static char *
frozen_uri(const char *path)
{
	struct buf b = BUF_INIT, side = BUF_INIT;
	char *dir = wm_strdup(path);
	bool frozen;

	buf_addf(&side, "%s-wal", path);
	frozen = access(path, W_OK) != 0 && access(dirname(dir), W_OK) != 0 &&
	    access(buf_str(&side), F_OK) != 0;
	buf_release(&side);
	free(dir);
	if (!frozen)
		return NULL;
	buf_adds(&b, path[0] == '/' ? "file://" : "file:");
	for (const char *p = path; *p != '\0'; p++)
		if (*p == '%' || *p == '?' || *p == '#')
			buf_addf(&b, "%%%02X", (unsigned char)*p);
		else
			buf_addc(&b, *p);
	buf_adds(&b, "?immutable=1");
	return buf_detach(&b, NULL);
}

static int
sq_open(struct store *st, const char *path, unsigned flags, struct wm_err *err)
{
	static pthread_once_t configured = PTHREAD_ONCE_INIT;

	int oflags = SQLITE_OPEN_NOMUTEX;
	sqlite3 *db = NULL;
	char *uri = NULL;
	struct stat sb;
	int rc;

	if (flags & STORE_READONLY)
		oflags |= SQLITE_OPEN_READONLY;
	else
		oflags |= SQLITE_OPEN_READWRITE;
	if (flags & STORE_CREATE) {
		oflags |= SQLITE_OPEN_CREATE;
		if (!(flags & STORE_READONLY) && (rc = create_private(path, err)) != 0)
			return rc;
	} else if (stat(path, &sb) != 0)
		return wm_error(err, WM_ESCHEMA,
		    "no database at %s: run `waymark init` to create one", path);
	pthread_once(&configured, sq_configure);
	if ((flags & STORE_READONLY) && !(flags & STORE_CREATE) && (uri = frozen_uri(path)) != NULL)
		oflags |= SQLITE_OPEN_URI;
	rc = sqlite3_open_v2(uri != NULL ? uri : path, &db, oflags, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		wm_error(err, WM_EDB, "%s: %s", path,
		    db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return WM_EDB;
	}
	st->handle = db;
	sqlite3_busy_timeout(db, 10000);
	sqlite3_progress_handler(db, 10000, progress_check, st);
	sqlite3_extended_result_codes(db, 1);
	rc = sqlite3_exec(db,
	    "PRAGMA foreign_keys = ON;"
	    /*
	     * FULL: a commit is on the disk before it is acknowledged. NORMAL
	     * would be faster for a large import, but in WAL mode it lets a
	     * power cut take back the last transactions committed, and this
	     * is a body's record of what it did.
	     */
	    "PRAGMA synchronous = FULL;"
	    "PRAGMA temp_store = MEMORY;"
	    /*
	     * Read pages in place rather than copied into SQLite's own cache: a
	     * report over every indicator takes a third less time.
	     */
	    "PRAGMA mmap_size = 268435456;", NULL, NULL, NULL);
	if (rc == SQLITE_OK && !(flags & STORE_READONLY))
		rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL;", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		/* Not a database at all: say so plainly. */
		wm_error(err, rc == SQLITE_NOTADB ? WM_ESCHEMA : WM_EDB,
		    "%s: %s", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		st->handle = NULL;
		return err ? err->code : WM_EDB;
	}
	return 0;
}

static void
sq_close(struct store *st)
{
	sqlite3_close(st->handle);
}

/*
 * The statements that begin and end a transaction run on every request:
 * they come from the statement cache rather than being parsed each time.
 */
static bool
is_transaction_word(const char *sql)
{
	return strcmp(sql, "BEGIN DEFERRED") == 0 || strcmp(sql, "BEGIN IMMEDIATE") == 0 ||
	    strcmp(sql, "COMMIT") == 0 || strcmp(sql, "ROLLBACK") == 0;
}

static int
sq_exec(struct store *st, const char *sql, struct wm_err *err)
{
	char *msg = NULL;
	struct stmt *s;
	int rc;

	if (is_transaction_word(sql) && store_prepare(st, sql, &s, NULL) == 0) {
		rc = sqlite3_step(s->handle);
		if (rc != SQLITE_DONE) {
			rc = wm_error(err, wm_code(rc), "%s", sqlite3_errmsg(st->handle));
			stmt_reset(s);
			return rc;
		}
		stmt_reset(s);
		return 0;
	}
	rc = sqlite3_exec(st->handle, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK) {
		int code = wm_code(sqlite3_extended_errcode(st->handle));

		rc = code == WM_EINVAL || code == WM_EEXIST ?
		    wm_error(err, code, "%s", store_constraint_message(code)) :
		    wm_error(err, code, "%s", msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return rc;
	}
	return 0;
}

static int
sq_prepare(struct store *st, struct stmt *s, struct wm_err *err)
{
	sqlite3_stmt *h = NULL;

	if (sqlite3_prepare_v3(st->handle, s->sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &h, NULL) != SQLITE_OK)
		return db_error(st, err, "preparing a query");
	s->handle = h;
	return 0;
}

static void sq_finalize(struct stmt *s) { sqlite3_finalize(s->handle); }
static void sq_bind_null(struct stmt *s, int i) { sqlite3_bind_null(s->handle, i); }
static void sq_bind_int(struct stmt *s, int i, int64_t v) { sqlite3_bind_int64(s->handle, i, v); }
static void sq_bind_double(struct stmt *s, int i, double v) { sqlite3_bind_double(s->handle, i, v); }

static void
sq_bind_text(struct stmt *s, int i, const char *v)
{
	sqlite3_bind_text(s->handle, i, v, -1, SQLITE_TRANSIENT);
}

static void
sq_bind_blob(struct stmt *s, int i, const void *v, size_t len)
{
	sqlite3_bind_blob64(s->handle, i, v, len, SQLITE_TRANSIENT);
}

static int
sq_step(struct stmt *s, struct wm_err *err)
{
	int rc = sqlite3_step(s->handle);

	if (rc == SQLITE_ROW)
		return STORE_ROW;
	if (rc == SQLITE_DONE)
		return STORE_DONE;
	/* Reset so the statement's error state does not leak into its next use. */
	db_error(s->st, err, "query failed");
	sqlite3_reset(s->handle);
	return err ? err->code : WM_EDB;
}

static void
sq_reset(struct stmt *s)
{
	sqlite3_reset(s->handle);
	sqlite3_clear_bindings(s->handle);
}

static int64_t sq_changes(struct stmt *s) { return sqlite3_changes(s->st->handle); }
static int sq_column_count(struct stmt *s) { return sqlite3_column_count(s->handle); }
static const char *sq_column_name(struct stmt *s, int col) { return sqlite3_column_name(s->handle, col); }

static bool
sq_is_null(struct stmt *s, int col)
{
	return sqlite3_column_type(s->handle, col) == SQLITE_NULL;
}

static int64_t sq_col_int(struct stmt *s, int col) { return sqlite3_column_int64(s->handle, col); }
static double sq_col_double(struct stmt *s, int col) { return sqlite3_column_double(s->handle, col); }

static const char *
sq_col_text(struct stmt *s, int col)
{
	if (sqlite3_column_type(s->handle, col) == SQLITE_NULL)
		return NULL;
	return (const char *)sqlite3_column_text(s->handle, col);
}

static const void *
sq_col_blob(struct stmt *s, int col, size_t *len)
{
	const void *p;

	if (sqlite3_column_type(s->handle, col) == SQLITE_NULL) {
		*len = 0;
		return NULL;
	}
	p = sqlite3_column_blob(s->handle, col);
	*len = (size_t)sqlite3_column_bytes(s->handle, col);
	return p != NULL ? p : "";
}

/* Incremental blob I/O: only the pages that hold the bytes asked for are read. */
static int
sq_blob_read(struct store *st, const char *table, const char *column, int64_t id, size_t offset,
    void *buf, size_t len, struct wm_err *err)
{
	sqlite3_blob *b = NULL;
	int rc;

	if (len == 0)
		return 0;
	if (offset > INT_MAX || len > INT_MAX)
		return wm_error(err, WM_ETOOBIG, "blob read past 2 GB");
	rc = sqlite3_blob_open(st->handle, "main", table, column, id, 0, &b);
	if (rc == SQLITE_OK)
		rc = sqlite3_blob_read(b, buf, (int)len, (int)offset);
	sqlite3_blob_close(b);
	if (rc != SQLITE_OK)
		return db_error(st, err, "reading stored figures");
	return 0;
}

/*
 * PRAGMA integrity_check on db: 0 if it says "ok", else WM_EDB with what
 * it found (the first few problems) and whose database it is.
 */
static int
integrity(sqlite3 *db, const char *whose, struct wm_err *err)
{
	struct buf found = BUF_INIT;
	sqlite3_stmt *q = NULL;
	int rc, n = 0;

	buf_init(&found, 512);
	rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check(4)", -1, &q, NULL);
	while (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(q, 0);

		if (line != NULL && strcmp(line, "ok") != 0)
			buf_addf(&found, "%s%s", n++ ? "; " : "", line);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_finalize(q) == SQLITE_OK ? 0 : -1;
	if (rc != 0)
		rc = wm_error(err, WM_EDB, "%s: cannot be checked: %s", whose, sqlite3_errmsg(db));
	else if (n > 0)
		rc = wm_error(err, WM_EDB, "%s is damaged: %s", whose, buf_str(&found));
	buf_release(&found);
	return rc;
}

/*
 * Copy every page of src into dst in one step, so the copy is the database
 * as it stood at one moment even while others write (in WAL mode they go
 * on writing meanwhile). A lock held elsewhere is waited for, a while.
 */
static int
copy_pages(sqlite3 *dst, sqlite3 *src, const char *what, struct wm_err *err)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc, waited = 0;

	if (b == NULL)
		return wm_error(err, WM_EDB, "%s: %s", what, sqlite3_errmsg(dst));
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			sqlite3_sleep(20);
			waited += 20;
		}
	} while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) &&
	    waited < SQ_LOCK_WAIT_MS);
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return wm_error(err, WM_EDB, "%s: the database stayed locked for %d s",
		    what, SQ_LOCK_WAIT_MS / 1000);
	return wm_error(err, WM_EDB, "%s: %s", what, sqlite3_errmsg(dst));
}

/* Make what was written to path (a file or a directory) durable. */
static int
sync_path(const char *path, struct wm_err *err)
{
	int fd = open(path, O_RDONLY), rc = 0;

	if (fd < 0 || fsync(fd) != 0)
		rc = wm_error(err, WM_EIO, "%s: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return rc;
}

/*
 * Copy into a temporary file beside path, make it a plain rollback-journal
 * database (a backup is one file, with no -wal beside it), check it, make
 * it durable, and only then give it its name: link() refuses to replace a
 * file that exists, where rename() would not.
 */
static int
sq_backup(struct store *st, const char *path, struct wm_err *err)
{
	struct buf tmp = BUF_INIT;
	char *dir = NULL;
	sqlite3 *dst = NULL;
	struct stat sb;
	int rc;

	if (stat(path, &sb) == 0)
		return wm_error(err, WM_EEXIST, "%s exists already: back up to a new file", path);
	buf_addf(&tmp, "%s.tmp%ld", path, (long)getpid());
	unlink(buf_str(&tmp));
	if ((rc = create_private(buf_str(&tmp), err)) != 0)
		goto out;
	if (sqlite3_open_v2(buf_str(&tmp), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	    NULL) != SQLITE_OK) {
		rc = wm_error(err, WM_EIO, "%s: %s", path, dst ? sqlite3_errmsg(dst) : "cannot create");
		goto out;
	}
	if ((rc = copy_pages(dst, st->handle, "backing up", err)) != 0)
		goto out;
	if (sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		rc = wm_error(err, WM_EDB, "%s: %s", path, sqlite3_errmsg(dst));
		goto out;
	}
	if ((rc = integrity(dst, "the copy", err)) != 0)
		goto out;
	sqlite3_close(dst);
	dst = NULL;
	if ((rc = sync_path(buf_str(&tmp), err)) != 0)
		goto out;
	if (link(buf_str(&tmp), path) != 0) {
		rc = wm_error(err, errno == EEXIST ? WM_EEXIST : WM_EIO, "%s: %s", path,
		    strerror(errno));
		goto out;
	}
	dir = wm_strdup(path);
	rc = sync_path(dirname(dir), err);
out:
	sqlite3_close(dst);
	unlink(buf_str(&tmp));
	buf_release(&tmp);
	free(dir);
	return rc;
}

static int
page_size(sqlite3 *db)
{
	sqlite3_stmt *q = NULL;
	int n = 0;

	if (sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return n;
}

static int
sq_restore(struct store *st, const char *path, struct wm_err *err)
{
	sqlite3 *src = NULL;
	int rc;

	if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		rc = wm_error(err, WM_EIO, "%s: %s", path, src ? sqlite3_errmsg(src) : "cannot open");
		goto out;
	}
	if ((rc = integrity(src, path, err)) != 0)
		goto out;
	/* A database in WAL mode takes only pages of its own size. */
	if (page_size(src) != page_size(st->handle)) {
		rc = wm_error(err, WM_EINVAL, "%s has %d-byte pages and %s %d-byte ones: restore "
		    "it into a new database file (--db NEW) instead", path, page_size(src),
		    st->url, page_size(st->handle));
		goto out;
	}
	rc = copy_pages(st->handle, src, "restoring", err);
out:
	sqlite3_close(src);
	return rc;
}

static int
sq_check(struct store *st, struct wm_err *err)
{
	return integrity(st->handle, st->url, err);
}

const struct store_driver store_sqlite_driver = {
	.name = "sqlite",
	.engine = STORE_SQLITE,
	.ddl_id = "INTEGER PRIMARY KEY",
	.ddl_real = "REAL",
	.ddl_blob = "BLOB",
	.begin = "BEGIN IMMEDIATE",
	.begin_read = "BEGIN DEFERRED",	/* WAL: the snapshot is taken at the first read */
	.table_query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
	/* FTS5 over search_doc; a word in the title counts five in the body */
	.search_sql = "SELECT d.tbl, d.rec_id FROM search_fts JOIN search_doc d"
	    " ON d.id = search_fts.rowid WHERE search_fts MATCH ?"
	    " ORDER BY bm25(search_fts, 5.0, 1.0), d.id LIMIT ?",
	.search_word = "\"%s\"*",
	.search_and = " ",
	.open = sq_open,
	.close = sq_close,
	.exec = sq_exec,
	.prepare = sq_prepare,
	.finalize = sq_finalize,
	.bind_null = sq_bind_null,
	.bind_int = sq_bind_int,
	.bind_double = sq_bind_double,
	.bind_text = sq_bind_text,
	.bind_blob = sq_bind_blob,
	.step = sq_step,
	.reset = sq_reset,
	.changes = sq_changes,
	.column_count = sq_column_count,
	.column_name = sq_column_name,
	.is_null = sq_is_null,
	.col_int = sq_col_int,
	.col_double = sq_col_double,
	.col_text = sq_col_text,
	.col_blob = sq_col_blob,
	.blob_read = sq_blob_read,
	.backup = sq_backup,
	.restore = sq_restore,
	.check = sq_check,
};
