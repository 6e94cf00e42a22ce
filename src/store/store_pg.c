/*
 * store_pg.c: the PostgreSQL driver, through libpq.
 *
 * Model code writes `?` placeholders; they become $1, $2... here, outside
 * string literals, quoted names and comments. Every statement is prepared
 * once per connection (PQprepare) under a name of its own and run with its
 * parameters as text, except blobs, which go as bytes. Results come back as
 * text, whole: a caller may run other statements while it walks the rows of
 * one (libpq allows one query in flight), and the store reads every type
 * from its text.
 *
 * Errors a caller's data caused (constraint violations, values a column's
 * type cannot hold) are WM_EINVAL, as in the SQLite driver; the rest are
 * WM_EDB. When the server has gone away (restarted, failed over) the
 * connection is re-established on the next statement outside a
 * transaction, and statements are prepared again as they are used.
 */
#include "base/wm.h"

#include <libpq-fe.h>
#include <math.h>

#include "base/buf.h"
#include "base/mem.h"
#include "store/store_impl.h"

#define BYTEA_OID 17
#define BOOL_OID 16

/*
 * Write transactions queue on one advisory lock, held until they end, as
 * SQLite's BEGIN IMMEDIATE makes them queue: a record's version is read
 * and checked in the transaction that changes it, and the audit log's hash
 * chain is extended from its true head, however many servers write at
 * once. Readers never wait. The key is "Waymark" in ASCII; advisory locks
 * are per database, so other databases on the server do not share it.
 */
#define WRITER_LOCK "24595497127866987"

struct pg_conn {
	PGconn *conn;
	unsigned long next_name;	/* statements are named wm1, wm2, ... */
	unsigned gen;		/* bumped when the connection is re-established */
	unsigned flags;		/* store_open's, for a new session */
};

struct pg_stmt {
	char name[32];
	char *sql;		/* with $n placeholders */
	unsigned gen;		/* the connection generation it was prepared in */
	int nparams;
	char **vals;		/* NULL for SQL NULL */
	int *lens;
	int *fmts;		/* 0 text, 1 bytes */
	PGresult *res;		/* the rows of the current run */
	int row;		/* the current row; -1 before the first */
	int64_t changes;
	PGresult *desc;		/* column names before a run */
	unsigned char **blobs;	/* decoded bytea of the current row, by column */
	size_t *bloblens;
	int nblobs;
};

static PGconn *
conn_of(struct store *st)
{
	return ((struct pg_conn *)st->handle)->conn;
}

/* A message without libpq's trailing newline. */
static int
pg_error(struct wm_err *err, int code, const char *what, const char *msg)
{
	size_t n = strlen(msg);

	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	return wm_error(err, code, "%s: %.*s", what, (int)n, msg);
}

/*
 * Integrity violations (class 23) and values a column cannot hold (class
 * 22) are the data's fault; everything else is the database's.
 */
static int
result_error(struct store *st, PGresult *res, struct wm_err *err, const char *what)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
	int code = WM_EDB;

	if (state != NULL && (strncmp(state, "23", 2) == 0 || strncmp(state, "22", 2) == 0))
		code = strcmp(state, "23505") == 0 ? WM_EEXIST : WM_EINVAL;
	/* the server's words name tables and columns: callers say what the data broke */
	if (code != WM_EDB)
		return wm_error(err, code, "%s", store_constraint_message(code));
	if (msg == NULL)
		return pg_error(err, code, what, PQerrorMessage(conn_of(st)));
	if (detail != NULL)
		return wm_error(err, code, "%s: %s (%s)", what, msg, detail);
	return wm_error(err, code, "%s: %s", what, msg);
}

static void
quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;	/* NOTICEs (a savepoint, an IF NOT EXISTS) are not errors */
}

/*
 * What every session needs, on connecting and on connecting again: quiet
 * NOTICEs, UTF-8 both ways, and doubles in full (servers before
 * PostgreSQL 12 otherwise print 15 digits and lose a figure's last bits).
 */
static int
session_setup(PGconn *conn, unsigned flags, const char *url, struct wm_err *err)
{
	const char *enc = PQparameterStatus(conn, "server_encoding");
	PGresult *res;
	int rc = 0;

	PQsetNoticeProcessor(conn, quiet, NULL);
	if (enc == NULL || strcmp(enc, "UTF8") != 0)
		return wm_error(err, WM_ESCHEMA, "%s: the database's encoding is %s, and Waymark"
		    " keeps text as UTF-8: create the database with `createdb -E UTF8"
		    " --locale=C -T template0 NAME`", url, enc != NULL ? enc : "unknown");
	if (PQsetClientEncoding(conn, "UTF8") != 0)
		return pg_error(err, WM_EDB, url, PQerrorMessage(conn));
	res = PQexec(conn, flags & STORE_READONLY ?
	    "SET extra_float_digits = 3; SET default_transaction_read_only = on" :
	    "SET extra_float_digits = 3");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = pg_error(err, WM_EDB, url, PQerrorMessage(conn));
	PQclear(res);
	return rc;
}

/*
 * Before a statement: if the server went away (restarted, failed over),
 * connect again. Never inside a transaction: its work is lost, and running
 * the rest of it outside one would commit half of it; it fails until its
 * caller rolls it back, and the next statement reconnects.
 */
static void
reconnect_if_lost(struct store *st)
{
	struct pg_conn *pc = st->handle;

	if (PQstatus(pc->conn) != CONNECTION_BAD || st->depth > 0)
		return;
	PQreset(pc->conn);
	if (PQstatus(pc->conn) == CONNECTION_OK) {
		pc->gen++;	/* prepared statements went with the old session */
		session_setup(pc->conn, pc->flags, st->url, NULL);
	}
}

static int
pg_open(struct store *st, const char *url, unsigned flags, struct wm_err *err)
{
	struct pg_conn *pc;
	PGconn *conn;
	int rc;

	conn = PQconnectdb(url);
	if (conn == NULL)
		return wm_error(err, WM_EDB, "%s: cannot allocate a connection", st->url);
	if (PQstatus(conn) != CONNECTION_OK)
		rc = pg_error(err, WM_EDB, st->url, PQerrorMessage(conn));
	else
		rc = session_setup(conn, flags, st->url, err);
	if (rc != 0) {
		PQfinish(conn);
		return rc;
	}
	pc = wm_calloc(1, sizeof(*pc));
	pc->conn = conn;
	pc->flags = flags;
	st->handle = pc;
	return 0;
}

static void
pg_close(struct store *st)
{
	struct pg_conn *pc = st->handle;

	PQfinish(pc->conn);
	free(pc);
}

static int
pg_exec(struct store *st, const char *sql, struct wm_err *err)
{
	PGresult *res;
	ExecStatusType status;
	int rc = 0;

	reconnect_if_lost(st);
	res = PQexec(conn_of(st), sql);
	status = PQresultStatus(res);
	if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
		rc = result_error(st, res, err, "query failed");
	PQclear(res);
	return rc;
}

/*
 * `?` becomes $1, $2, ... in order, except inside '...' strings, "..."
 * names and comments, where it is left as it is. (The portable subset has
 * no E'' strings or dollar quoting, whose quotes this would misread.)
 */
static char *
rewrite_placeholders(const char *sql, int *nparams)
{
	struct buf b = BUF_INIT;
	const char *p = sql;
	int n = 0;

	while (*p != '\0') {
		if (*p == '\'' || *p == '"') {
			char q = *p;

			buf_addc(&b, *p++);
			while (*p != '\0' && *p != q)
				buf_addc(&b, *p++);
			if (*p != '\0')
				buf_addc(&b, *p++);	/* a doubled quote reopens at once */
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p != '\0' && *p != '\n')
				buf_addc(&b, *p++);
		} else if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");
			size_t len = end != NULL ? (size_t)(end + 2 - p) : strlen(p);

			buf_add(&b, p, len);
			p += len;
		} else if (*p == '?') {
			buf_addf(&b, "$%d", ++n);
			p++;
		} else {
			buf_addc(&b, *p++);
		}
	}
	*nparams = n;
	return buf_detach(&b, NULL);
}

static int
prepare_now(struct store *st, struct stmt *s, struct wm_err *err)
{
	struct pg_conn *pc = st->handle;
	struct pg_stmt *h = s->handle;
	PGresult *res;
	int rc = 0;

	reconnect_if_lost(st);
	res = PQprepare(pc->conn, h->name, h->sql, 0, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = result_error(st, res, err, "preparing a query");
	else
		h->gen = pc->gen;
	PQclear(res);
	return rc;
}

static void
free_blobs(struct pg_stmt *h)
{
	for (int i = 0; i < h->nblobs; i++) {
		free(h->blobs[i]);
		h->blobs[i] = NULL;
	}
}

static void
free_handle(struct pg_stmt *h)
{
	if (h == NULL)
		return;
	for (int i = 0; i < h->nparams; i++)
		free(h->vals[i]);
	free_blobs(h);
	free(h->blobs);
	free(h->bloblens);
	free(h->vals);
	free(h->lens);
	free(h->fmts);
	PQclear(h->res);
	PQclear(h->desc);
	free(h->sql);
	free(h);
}

static int
pg_prepare(struct store *st, struct stmt *s, struct wm_err *err)
{
	struct pg_conn *pc = st->handle;
	struct pg_stmt *h = wm_calloc(1, sizeof(*h));
	int rc;

	snprintf(h->name, sizeof(h->name), "wm%lu", ++pc->next_name);
	h->sql = rewrite_placeholders(s->sql, &h->nparams);
	h->row = -1;
	if (h->nparams > 0) {
		h->vals = wm_calloc((size_t)h->nparams, sizeof(*h->vals));
		h->lens = wm_calloc((size_t)h->nparams, sizeof(*h->lens));
		h->fmts = wm_calloc((size_t)h->nparams, sizeof(*h->fmts));
	}
	s->handle = h;
	if ((rc = prepare_now(st, s, err)) != 0) {
		free_handle(h);
		s->handle = NULL;
	}
	return rc;
}

static void
pg_finalize(struct stmt *s)
{
	free_handle(s->handle);
}

/* Set parameter i (from 1) to its text or bytes, taking ownership of v. */
static void
set_param(struct stmt *s, int i, char *v, size_t len, int fmt)
{
	struct pg_stmt *h = s->handle;

	if (i < 1 || i > h->nparams) {
		free(v);	/* out of range: ignored, as SQLite does */
		return;
	}
	free(h->vals[i - 1]);
	h->vals[i - 1] = v;
	h->lens[i - 1] = (int)len;
	h->fmts[i - 1] = fmt;
}

static void pg_bind_null(struct stmt *s, int i) { set_param(s, i, NULL, 0, 0); }

static void
pg_bind_int(struct stmt *s, int i, int64_t v)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%lld", (long long)v);
	set_param(s, i, wm_strdup(tmp), 0, 0);
}

static void
pg_bind_double(struct stmt *s, int i, double v)
{
	char tmp[40];

	if (isnan(v))
		snprintf(tmp, sizeof(tmp), "NaN");
	else if (isinf(v))
		snprintf(tmp, sizeof(tmp), "%s", v < 0 ? "-Infinity" : "Infinity");
	else
		snprintf(tmp, sizeof(tmp), "%.17g", v);
	set_param(s, i, wm_strdup(tmp), 0, 0);
}

static void pg_bind_text(struct stmt *s, int i, const char *v) { set_param(s, i, wm_strdup(v), 0, 0); }

static void
pg_bind_blob(struct stmt *s, int i, const void *v, size_t len)
{
	char *copy = wm_malloc(len > 0 ? len : 1);

	if (len > INT_MAX) {
		free(copy);
		copy = NULL;	/* cannot be sent: step reports it */
		len = 0;
	} else if (len > 0) {
		memcpy(copy, v, len);
	}
	set_param(s, i, copy, len, 1);
}

static void
clear_result(struct pg_stmt *h)
{
	free_blobs(h);
	PQclear(h->res);
	h->res = NULL;
	h->row = -1;
}

static int
run(struct stmt *s, struct wm_err *err)
{
	struct store *st = s->st;
	struct pg_conn *pc = st->handle;
	struct pg_stmt *h = s->handle;
	ExecStatusType status;
	int rc;

	reconnect_if_lost(st);
	if (h->gen != pc->gen && (rc = prepare_now(st, s, err)) != 0)
		return rc;
	for (int i = 0; i < h->nparams; i++)
		if (h->fmts[i] == 1 && h->vals[i] == NULL)
			return wm_error(err, WM_ETOOBIG, "a value over 2 GB cannot be stored");
	h->res = PQexecPrepared(pc->conn, h->name, h->nparams, (const char *const *)h->vals,
	    h->lens, h->fmts, 0);
	status = PQresultStatus(h->res);
	if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
		const char *n = PQcmdTuples(h->res);

		h->changes = *n != '\0' ? strtoll(n, NULL, 10) : 0;
		if (h->nblobs < PQnfields(h->res)) {
			int nf = PQnfields(h->res);

			h->blobs = wm_realloc(h->blobs, (size_t)nf * sizeof(*h->blobs));
			h->bloblens = wm_realloc(h->bloblens, (size_t)nf * sizeof(*h->bloblens));
			for (int i = h->nblobs; i < nf; i++)
				h->blobs[i] = NULL;
			h->nblobs = nf;
		}
		return 0;
	}
	rc = result_error(st, h->res, err, "query failed");
	clear_result(h);
	return rc;
}

/*
 * The first step runs the statement and keeps its rows; later steps move
 * through them. After the last row the next step runs it again, as
 * SQLite's does.
 */
static int
pg_step(struct stmt *s, struct wm_err *err)
{
	struct pg_stmt *h = s->handle;
	int rc;

	free_blobs(h);
	if (h->res == NULL && (rc = run(s, err)) != 0)
		return rc;
	if (++h->row < PQntuples(h->res))
		return STORE_ROW;
	clear_result(h);
	return STORE_DONE;
}

static void
pg_reset(struct stmt *s)
{
	struct pg_stmt *h = s->handle;

	clear_result(h);
	for (int i = 0; i < h->nparams; i++) {
		free(h->vals[i]);
		h->vals[i] = NULL;
		h->lens[i] = 0;
		h->fmts[i] = 0;
	}
}

static int64_t pg_changes(struct stmt *s) { return ((struct pg_stmt *)s->handle)->changes; }

/* The result describing the columns: the rows if run, else the prepared statement's. */
static PGresult *
columns(struct stmt *s)
{
	struct pg_stmt *h = s->handle;

	if (h->res != NULL)
		return h->res;
	if (h->desc == NULL) {
		h->desc = PQdescribePrepared(conn_of(s->st), h->name);
		if (PQresultStatus(h->desc) != PGRES_COMMAND_OK) {
			PQclear(h->desc);
			h->desc = NULL;
		}
	}
	return h->desc;
}

static int
pg_column_count(struct stmt *s)
{
	PGresult *r = columns(s);

	return r != NULL ? PQnfields(r) : 0;
}

static const char *
pg_column_name(struct stmt *s, int col)
{
	PGresult *r = columns(s);

	return r != NULL ? PQfname(r, col) : NULL;
}

static bool
has_value(struct pg_stmt *h, int col)
{
	return h->res != NULL && h->row >= 0 && h->row < PQntuples(h->res) && col >= 0 &&
	    col < PQnfields(h->res) && !PQgetisnull(h->res, h->row, col);
}

static bool pg_is_null(struct stmt *s, int col) { return !has_value(s->handle, col); }

static const char *
pg_col_text(struct stmt *s, int col)
{
	struct pg_stmt *h = s->handle;

	if (!has_value(h, col))
		return NULL;
	if (PQftype(h->res, col) == BOOL_OID)	/* as SQLite would say it */
		return PQgetvalue(h->res, h->row, col)[0] == 't' ? "1" : "0";
	return PQgetvalue(h->res, h->row, col);
}

/* Numbers as SQLite converts them: a real is truncated, text that is no number is 0. */
static int64_t
pg_col_int(struct stmt *s, int col)
{
	const char *t = pg_col_text(s, col);
	char *end;
	long long v;

	if (t == NULL)
		return 0;
	/* a boolean expression (EXISTS, IS NOT NULL) comes back as t or f */
	if ((t[0] == 't' || t[0] == 'f') && t[1] == '\0')
		return t[0] == 't';
	errno = 0;
	v = strtoll(t, &end, 10);
	if (*end == '.' || *end == 'e' || *end == 'E' || errno == ERANGE) {
		double d = strtod(t, NULL);

		if (isnan(d))
			return 0;
		if (d >= 9223372036854775807.0)
			return INT64_MAX;
		if (d <= -9223372036854775808.0)
			return INT64_MIN;
		return (int64_t)d;
	}
	return v;
}

static double
pg_col_double(struct stmt *s, int col)
{
	const char *t = pg_col_text(s, col);

	return t != NULL ? strtod(t, NULL) : 0.0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * bytea comes as text in hex form (\x0a1b...); it is decoded once per
 * row and column. Any other type gives the bytes of its text.
 */
static const void *
pg_col_blob(struct stmt *s, int col, size_t *len)
{
	struct pg_stmt *h = s->handle;
	const char *t;
	size_t n;

	*len = 0;
	if (!has_value(h, col))
		return NULL;
	t = PQgetvalue(h->res, h->row, col);
	n = (size_t)PQgetlength(h->res, h->row, col);
	if (PQftype(h->res, col) != BYTEA_OID || n < 2 || t[0] != '\\' || t[1] != 'x') {
		*len = n;
		return t;
	}
	if (h->blobs[col] == NULL) {
		size_t out = (n - 2) / 2;
		unsigned char *b = wm_malloc(out > 0 ? out : 1);

		for (size_t i = 0; i < out; i++) {
			int hi = hexval(t[2 + 2 * i]), lo = hexval(t[3 + 2 * i]);

			b[i] = (unsigned char)((hi < 0 ? 0 : hi) << 4 | (lo < 0 ? 0 : lo));
		}
		h->blobs[col] = b;
		h->bloblens[col] = out;
	}
	*len = h->bloblens[col];
	return h->blobs[col];
}

/* Only the bytes asked for travel: the server cuts them out with substring(). */
static int
pg_blob_read(struct store *st, const char *table, const char *column, int64_t id,
    size_t offset, void *buf, size_t len, struct wm_err *err)
{
	char sql[256];
	struct stmt *s;
	const void *p;
	size_t got = 0;
	int rc;

	if (len == 0)
		return 0;
	if (offset >= INT_MAX || len > INT_MAX)
		return wm_error(err, WM_ETOOBIG, "blob read past 2 GB");
	snprintf(sql, sizeof(sql), "SELECT substring(%s FROM ? FOR ?) FROM %s WHERE id = ?",
	    column, table);
	if ((rc = store_prepare(st, sql, &s, err)) != 0)
		return rc;
	stmt_bind_int(s, 1, (int64_t)offset + 1);
	stmt_bind_int(s, 2, (int64_t)len);
	stmt_bind_int(s, 3, id);
	rc = stmt_step(s, err);
	if (rc == STORE_ROW && (p = stmt_blob(s, 0, &got)) != NULL && got == len) {
		memcpy(buf, p, len);
		rc = 0;
	} else if (rc >= 0) {
		rc = wm_error(err, WM_EDB, "reading stored figures: %s.%s of row %lld is shorter"
		    " than expected", table, column, (long long)id);
	}
	stmt_reset(s);
	return rc;
}

static const struct store_driver store_pg_driver = {
	.name = "postgresql",
	.engine = STORE_POSTGRES,
	.ddl_id = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
	.ddl_real = "DOUBLE PRECISION",
	.ddl_blob = "BYTEA",
	.begin = "BEGIN; SELECT pg_advisory_xact_lock(" WRITER_LOCK ")",
	.begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
	.table_query = "SELECT 1 FROM information_schema.tables"
	    " WHERE table_schema = current_schema() AND table_name = ?",
	/* search_doc's tsv: the title weighed A, the body B (migration 020) */
	/*
	 * The words are read as the documents are (to_tsvector), each then a
	 * prefix; all of them needed. Words that give no lexeme give no query,
	 * which finds nothing.
	 */
	.search_sql = "SELECT d.tbl, d.rec_id FROM search_doc d,"
	    " (SELECT to_tsquery('simple', coalesce(string_agg(quote_literal(lexeme) || ':*',"
	    " ' & '), '')) AS q FROM unnest(to_tsvector('simple', ?))) w"
	    " WHERE d.tsv @@ w.q ORDER BY ts_rank(d.tsv, w.q) DESC, d.id LIMIT ?",
	.search_word = "%s",
	.search_and = " ",
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.bind_null = pg_bind_null,
	.bind_int = pg_bind_int,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_blob = pg_bind_blob,
	.step = pg_step,
	.reset = pg_reset,
	.changes = pg_changes,
	.column_count = pg_column_count,
	.column_name = pg_column_name,
	.is_null = pg_is_null,
	.col_int = pg_col_int,
	.col_double = pg_col_double,
	.col_text = pg_col_text,
	.col_blob = pg_col_blob,
	.blob_read = pg_blob_read,
};

const struct store_driver *
store_pg_driver_get(struct wm_err *err)
{
	(void)err;
	return &store_pg_driver;
}
