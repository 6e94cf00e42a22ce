/*
 * store.c: engine-independent half of the store: choosing the driver from
 * the url, the statement cache, nested transactions and dialect DDL.
 */
#include "base/wm.h"

#include <ctype.h>
#include <time.h>

#include "base/buf.h"
#include "base/mem.h"
#include "base/str.h"
#include "store/store_impl.h"

static uint64_t
hash_sql(const char *s)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* libpq's keywords, for telling its keyword form ("host=db dbname=waymark") from a file name */
static const char *const pg_keywords[] = { "host", "hostaddr", "port", "dbname", "user",
	"password", "passfile", "service", "sslmode", "sslrootcert", "connect_timeout",
	"application_name", "options", "target_session_attrs", "client_encoding", NULL };

/* Does s begin as a libpq keyword connection string does: a keyword, then '='? */
static bool
is_conninfo(const char *s)
{
	size_t n;

	while (isspace((unsigned char)*s))
		s++;
	n = strspn(s, "abcdefghijklmnopqrstuvwxyz_");
	for (size_t i = 0; n > 0 && pg_keywords[i] != NULL; i++)
		if (strlen(pg_keywords[i]) == n && strncmp(s, pg_keywords[i], n) == 0) {
			s += n;
			while (isspace((unsigned char)*s))
				s++;
			return *s == '=';
		}
	return false;
}

/* A keyword connection string with the value of password= (quoted or not) as ***. */
static char *
conninfo_redact(const char *s)
{
	struct buf b = BUF_INIT;
	const char *p = s;

	while (*p != '\0') {
		const char *key = p, *v;
		size_t klen;

		if (isspace((unsigned char)*p)) {
			buf_addc(&b, *p++);
			continue;
		}
		klen = strcspn(p, "= \t\n\r\f\v");
		p += klen;
		buf_add(&b, key, klen);
		while (isspace((unsigned char)*p))
			buf_addc(&b, *p++);
		if (*p != '=')
			continue;
		buf_addc(&b, *p++);
		while (isspace((unsigned char)*p))
			buf_addc(&b, *p++);
		/* libpq's value: 'quoted', or up to a space; a backslash escapes either way */
		v = p;
		if (*p == '\'') {
			for (p++; *p != '\0' && *p != '\''; p++)
				if (*p == '\\' && p[1] != '\0')
					p++;
			if (*p == '\'')
				p++;
		} else {
			for (; *p != '\0' && !isspace((unsigned char)*p); p++)
				if (*p == '\\' && p[1] != '\0')
					p++;
		}
		if (klen == strlen("password") && strncmp(key, "password", klen) == 0)
			buf_adds(&b, "***");
		else
			buf_add(&b, v, (size_t)(p - v));
	}
	return buf_detach(&b, NULL);
}

char *
store_url_redact(const char *url)
{
	struct buf b = BUF_INIT;
	const char *p = url, *auth_end, *colon;

	if (is_conninfo(url))
		return conninfo_redact(url);
	if (!str_has_prefix(url, "postgresql://") && !str_has_prefix(url, "postgres://"))
		return wm_strdup(url);
	p = strstr(url, "://") + 3;
	buf_add(&b, url, (size_t)(p - url));
	auth_end = p + strcspn(p, "@/?");
	if (*auth_end == '@' && (colon = memchr(p, ':', (size_t)(auth_end - p))) != NULL) {
		buf_add(&b, p, (size_t)(colon - p));
		buf_adds(&b, ":***");
		p = auth_end;
	}
	while (*p != '\0') {
		if ((p[-1] == '?' || p[-1] == '&') && str_has_prefix(p, "password=")) {
			buf_adds(&b, "password=***");
			p += strcspn(p, "&");
		} else {
			buf_addc(&b, *p++);
		}
	}
	return buf_detach(&b, NULL);
}

int
store_open(struct store **out, const char *url, unsigned flags, struct wm_err *err)
{
	const struct store_driver *drv = &store_sqlite_driver;
	const char *target = url;
	struct store *st;
	int rc;

	*out = NULL;
	if (url == NULL || *url == '\0')
		return wm_error(err, WM_EUSAGE, "no database given");
	if (str_has_prefix(url, "postgresql://") || str_has_prefix(url, "postgres://") ||
	    is_conninfo(url)) {
#ifdef WM_HAVE_POSTGRES
		if ((drv = store_pg_driver_get(err)) == NULL)
			return err ? err->code : WM_EINTERNAL;
#else
		char *shown = store_url_redact(url);

		rc = wm_error(err, WM_EUSAGE, "%s: this waymark was built without PostgreSQL support",
		    shown);
		free(shown);
		return rc;
#endif
	} else if (str_has_prefix(url, "sqlite:")) {
		target = url + strlen("sqlite:");
		if (*target == '\0')
			return wm_error(err, WM_EUSAGE, "%s: no file name after sqlite:", url);
	}
	st = wm_calloc(1, sizeof(*st));
	st->drv = drv;
	st->url = store_url_redact(url);
	if ((rc = drv->open(st, target, flags, err)) != 0) {
		free(st->url);
		free(st);
		return rc;
	}
	*out = st;
	return 0;
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->capcache; i++) {
		struct stmt *s = st->cache[i], *next;

		for (; s != NULL; s = next) {
			next = s->next_same;
			st->drv->finalize(s);
			free(s->sql);
			free(s);
		}
	}
	free(st->cache);
	st->drv->close(st);
	free(st->url);
	free(st);
}

enum store_engine
store_engine(const struct store *st)
{
	return st->drv->engine;
}

const char *
store_engine_name(const struct store *st)
{
	return st->drv->name;
}

const char *
store_url(const struct store *st)
{
	return st->url;
}

static void
cache_insert(struct store *st, struct stmt *s)
{
	size_t i;

	if ((st->ncache + 1) * 2 > st->capcache) {
		struct stmt **old = st->cache;
		size_t oldcap = st->capcache;

		st->capcache = oldcap ? oldcap * 2 : 64;
		st->cache = wm_calloc(st->capcache, sizeof(*st->cache));
		for (i = 0; i < oldcap; i++)
			if (old[i] != NULL) {
				size_t j = hash_sql(old[i]->sql) & (st->capcache - 1);

				while (st->cache[j] != NULL)
					j = (j + 1) & (st->capcache - 1);
				st->cache[j] = old[i];
			}
		free(old);
	}
	i = hash_sql(s->sql) & (st->capcache - 1);
	while (st->cache[i] != NULL)
		i = (i + 1) & (st->capcache - 1);
	st->cache[i] = s;
	st->ncache++;
}

/*
 * A statement is in use from the moment it is handed out until it is
 * stepped to the end, fails, or is reset. One in use (an outer loop over its
 * rows) is not handed out again: a second instance of the same SQL is
 * prepared and chained behind the first, so nested use of a query is safe.
 * Callers that stop before the last row must stmt_reset().
 */
int
store_prepare(struct store *st, const char *sql, struct stmt **out, struct wm_err *err)
{
	struct stmt *s, *first = NULL;
	int rc;

	if (st->capcache > 0) {
		size_t i = hash_sql(sql) & (st->capcache - 1);

		for (; st->cache[i] != NULL; i = (i + 1) & (st->capcache - 1))
			if (strcmp(st->cache[i]->sql, sql) == 0) {
				first = st->cache[i];
				break;
			}
	}
	for (s = first; s != NULL; s = s->next_same) {
		if (!s->active) {
			stmt_reset(s);
			s->active = true;
			*out = s;
			return 0;
		}
	}
	s = wm_calloc(1, sizeof(*s));
	s->st = st;
	s->sql = wm_strdup(sql);
	if ((rc = st->drv->prepare(st, s, err)) != 0) {
		free(s->sql);
		free(s);
		return rc;
	}
	if (first != NULL) {
		s->next_same = first->next_same;
		first->next_same = s;
	} else {
		cache_insert(st, s);
	}
	s->active = true;
	*out = s;
	return 0;
}

void stmt_bind_null(struct stmt *s, int i) { s->st->drv->bind_null(s, i); }
void stmt_bind_int(struct stmt *s, int i, int64_t v) { s->st->drv->bind_int(s, i, v); }
void stmt_bind_double(struct stmt *s, int i, double v) { s->st->drv->bind_double(s, i, v); }

void
stmt_bind_text(struct stmt *s, int i, const char *v)
{
	if (v == NULL)
		s->st->drv->bind_null(s, i);
	else
		s->st->drv->bind_text(s, i, v);
}

void
stmt_bind_blob(struct stmt *s, int i, const void *v, size_t len)
{
	if (v == NULL)
		s->st->drv->bind_null(s, i);
	else
		s->st->drv->bind_blob(s, i, v, len);
}

double
store_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
store_set_deadline(struct store *st, double deadline)
{
	st->deadline = deadline;
	st->steps = 0;
}

bool
store_past_deadline(struct store *st)
{
	return st->deadline > 0 && store_clock() > st->deadline;
}

static int
timed_out(struct wm_err *err)
{
	return wm_error(err, WM_ETIMEOUT, "this took longer than the server allows for one "
	    "request: ask for less at a time (a shorter period, one unit), or try again later");
}

int
stmt_step(struct stmt *s, struct wm_err *err)
{
	int rc;

	/* the clock read every few steps: a row costs more than that, a clock read less */
	if (s->st->deadline > 0 && (s->st->steps++ & 63) == 0 && store_past_deadline(s->st)) {
		s->st->drv->reset(s);
		s->active = false;
		return timed_out(err);
	}
	rc = s->st->drv->step(s, err);
	if (rc == WM_ETIMEOUT)
		timed_out(err);

	/* Finished or failed: free for the next store_prepare of this SQL. */
	s->active = rc == STORE_ROW;
	return rc;
}

int
stmt_exec(struct stmt *s, struct wm_err *err)
{
	int rc;

	while ((rc = stmt_step(s, err)) == STORE_ROW)
		;
	return rc;
}

int64_t stmt_changes(struct stmt *s) { return s->st->drv->changes(s); }

void
stmt_reset(struct stmt *s)
{
	s->st->drv->reset(s);
	s->active = false;
}

int stmt_column_count(struct stmt *s) { return s->st->drv->column_count(s); }
const char *stmt_column_name(struct stmt *s, int col) { return s->st->drv->column_name(s, col); }
bool stmt_is_null(struct stmt *s, int col) { return s->st->drv->is_null(s, col); }
int64_t stmt_int(struct stmt *s, int col) { return s->st->drv->col_int(s, col); }
double stmt_double(struct stmt *s, int col) { return s->st->drv->col_double(s, col); }
const char *stmt_text(struct stmt *s, int col) { return s->st->drv->col_text(s, col); }

const void *
stmt_blob(struct stmt *s, int col, size_t *len)
{
	return s->st->drv->col_blob(s, col, len);
}

int
store_blob_read(struct store *st, const char *table, const char *column, int64_t id,
    size_t offset, void *buf, size_t len, struct wm_err *err)
{
	return st->drv->blob_read(st, table, column, id, offset, buf, len, err);
}

int
store_exec(struct store *st, const char *sql, struct wm_err *err)
{
	return st->drv->exec(st, sql, err);
}

const char *
store_search_sql(const struct store *st)
{
	return st->drv->search_sql;
}

void
store_search_match(const struct store *st, const char *const *words, size_t n,
    struct buf *out)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(out, st->drv->search_and);
		buf_addf(out, st->drv->search_word, words[i]);
	}
}

/* Is the line of len bytes "-- @name" (with its newline, or a CR before it)? */
static bool
marker(const char *line, size_t len, const char *name)
{
	size_t n = strlen(name);

	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	return len == 4 + n && memcmp(line, "-- @", 4) == 0 && memcmp(line + 4, name, n) == 0;
}

/*
 * The lines of sql this engine runs: a line "-- @sqlite" or "-- @postgresql"
 * starts what only that engine runs, "-- @both" what both do again.
 */
static void
engine_lines(const struct store *st, const char *sql, struct buf *out)
{
	bool keep = true;

	for (const char *line = sql; *line != '\0';) {
		const char *end = strchr(line, '\n');
		size_t len = end != NULL ? (size_t)(end - line) + 1 : strlen(line);

		/* a marker is the whole line: "-- @ID@ is ..." in a comment is not one */
		if (marker(line, len, "both"))
			keep = true;
		else if (marker(line, len, "sqlite"))
			keep = st->drv->engine == STORE_SQLITE;
		else if (marker(line, len, "postgresql"))
			keep = st->drv->engine == STORE_POSTGRES;
		else if (keep) {
			buf_add(out, line, len);
		}
		line += len;
	}
}

int
store_exec_ddl(struct store *st, const char *sql, struct wm_err *err)
{
	static const char *const tokens[] = { "@ID@", "@REAL@", "@BLOB@" };
	const char *repl[3] = { st->drv->ddl_id, st->drv->ddl_real, st->drv->ddl_blob };
	struct buf mine = BUF_INIT, b = BUF_INIT;
	const char *p;
	int rc;

	engine_lines(st, sql, &mine);
	p = buf_str(&mine);
	while (*p != '\0') {
		size_t k, hit = WM_ARRAY_LEN(tokens);

		if (*p == '@')
			for (k = 0; k < WM_ARRAY_LEN(tokens); k++)
				if (str_has_prefix(p, tokens[k]))
					hit = k;
		if (hit < WM_ARRAY_LEN(tokens)) {
			buf_adds(&b, repl[hit]);
			p += strlen(tokens[hit]);
		} else {
			buf_addc(&b, *p++);
		}
	}
	rc = b.failed || mine.failed ? wm_error(err, WM_ETOOBIG, "DDL too large") :
	    store_exec(st, buf_str(&b), err);
	buf_release(&mine);
	buf_release(&b);
	return rc;
}

/*
 * Savepoint names carry the depth so that an inner rollback undoes only
 * its own work.
 */
static int
begin(struct store *st, const char *outermost, struct wm_err *err)
{
	char sql[64];
	int rc;

	if (st->depth == 0)
		rc = store_exec(st, outermost, err);
	else {
		snprintf(sql, sizeof(sql), "SAVEPOINT wm_sp%d", st->depth);
		rc = store_exec(st, sql, err);
	}
	if (rc == 0)
		st->depth++;
	return rc;
}

int
store_begin(struct store *st, struct wm_err *err)
{
	return begin(st, st->drv->begin, err);
}

int
store_begin_read(struct store *st, struct wm_err *err)
{
	return begin(st, st->drv->begin_read, err);
}

int
store_commit(struct store *st, struct wm_err *err)
{
	char sql[64];
	int rc;

	if (st->depth <= 0)
		return wm_error(err, WM_EINTERNAL, "commit without a transaction");
	if (st->depth == 1) {
		rc = store_exec(st, "COMMIT", err);
		if (rc != 0) {
			store_exec(st, "ROLLBACK", NULL);
			st->depth = 0;
			return rc;
		}
	} else {
		snprintf(sql, sizeof(sql), "RELEASE SAVEPOINT wm_sp%d", st->depth - 1);
		if ((rc = store_exec(st, sql, err)) != 0)
			return rc;
	}
	st->depth--;
	return 0;
}

int
store_rollback(struct store *st, int rc)
{
	char sql[96];

	if (st->depth <= 0)
		return rc;
	if (st->depth == 1) {
		store_exec(st, "ROLLBACK", NULL);
	} else {
		snprintf(sql, sizeof(sql),
		    "ROLLBACK TO SAVEPOINT wm_sp%d; RELEASE SAVEPOINT wm_sp%d",
		    st->depth - 1, st->depth - 1);
		store_exec(st, sql, NULL);
	}
	st->depth--;
	return rc;
}

bool
store_in_transaction(const struct store *st)
{
	return st->depth > 0;
}

int
store_table_exists(struct store *st, const char *table, bool *exists, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	if ((rc = store_prepare(st, st->drv->table_query, &s, err)) != 0)
		return rc;
	stmt_bind_text(s, 1, table);
	rc = stmt_step(s, err);
	stmt_reset(s);
	if (rc < 0)
		return rc;
	*exists = rc == STORE_ROW;
	return 0;
}

static int
missing(struct store *st, const char *what, struct wm_err *err)
{
	return wm_error(err, WM_EUSAGE, "%s: waymark cannot %s a %s database itself%s%s",
	    st->url, what, st->drv->name, st->drv->instead ? ": " : "",
	    st->drv->instead ? st->drv->instead : "");
}

int
store_backup(struct store *st, const char *path, struct wm_err *err)
{
	if (st->drv->backup == NULL)
		return missing(st, "back up", err);
	if (st->depth > 0)
		return wm_error(err, WM_EINTERNAL, "backup inside a transaction");
	return st->drv->backup(st, path, err);
}

int
store_restore(struct store *st, const char *path, struct wm_err *err)
{
	if (st->drv->restore == NULL)
		return missing(st, "restore", err);
	if (st->depth > 0)
		return wm_error(err, WM_EINTERNAL, "restore inside a transaction");
	return st->drv->restore(st, path, err);
}

int
store_check(struct store *st, struct wm_err *err)
{
	if (st->drv->check == NULL)
		return missing(st, "check", err);
	return st->drv->check(st, err);
}

const char *
store_constraint_message(int code)
{
	if (code == WM_EEXIST)
		return "a record with that key exists already";
	return "that would break a rule of the database (a value it cannot hold, or a reference "
	    "to a record that is not there)";
}
