/*
 * migrate.c: applying the embedded migrations in order.
 */
#include "base/wm.h"

#include <time.h>

#include "base/date.h"
#include "base/embed.h"
#include "store/migrate.h"

extern const struct embedded_file store_migrations[];

static int
file_version(const char *name)
{
	int v = 0;

	for (; *name >= '0' && *name <= '9'; name++)
		v = v * 10 + (*name - '0');
	return v;
}

int
migrate_latest(void)
{
	int latest = 0;

	for (const struct embedded_file *f = store_migrations; f->name != NULL; f++)
		if (file_version(f->name) > latest)
			latest = file_version(f->name);
	return latest;
}

int
migrate_current(struct store *st, int *version, struct wm_err *err)
{
	struct stmt *s;
	bool exists;
	int rc;

	*version = 0;
	if ((rc = store_table_exists(st, "schema_version", &exists, err)) != 0)
		return rc;
	if (!exists)
		return 0;
	if ((rc = store_prepare(st, "SELECT MAX(version) FROM schema_version", &s, err)) != 0)
		return rc;
	rc = stmt_step(s, err);
	if (rc == STORE_ROW && !stmt_is_null(s, 0))
		*version = (int)stmt_int(s, 0);
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

static int
apply_one(struct store *st, const struct embedded_file *f, struct wm_err *err)
{
	char now[TIMESTAMP_LEN];
	struct stmt *s;
	int rc;

	if ((rc = store_begin(st, err)) != 0)
		return rc;
	if ((rc = store_exec_ddl(st, (const char *)f->data, err)) != 0) {
		wm_error_prefix(err, "migration %s: ", f->name);
		return store_rollback(st, rc);
	}
	timestamp_format(time(NULL), now);
	rc = store_prepare(st,
	    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
	    &s, err);
	if (rc == 0) {
		stmt_bind_int(s, 1, file_version(f->name));
		stmt_bind_text(s, 2, f->name);
		stmt_bind_text(s, 3, now);
		rc = stmt_exec(s, err);
	}
	if (rc != 0)
		return store_rollback(st, rc);
	return store_commit(st, err);
}

/*
 * All of it is one transaction, the writers' lock held from the start, so
 * that servers started at once on one database upgrade it once: the
 * others wait, then find it up to date. A failed migration leaves the
 * database as it was.
 */
int
migrate_apply(struct store *st, int *from, int *to, struct wm_err *err)
{
	int cur, latest = migrate_latest(), rc;

	*from = *to = 0;
	if ((rc = store_begin(st, err)) != 0)
		return rc;
	if ((rc = migrate_current(st, &cur, err)) != 0)
		return store_rollback(st, rc);
	*from = *to = cur;
	if (cur > latest)
		return store_rollback(st, wm_error(err, WM_ESCHEMA,
		    "%s has schema version %d, newer than this waymark knows (%d): "
		    "use a newer waymark", store_url(st), cur, latest));
	if (cur == 0) {
		rc = store_exec(st,
		    "CREATE TABLE schema_version (version INTEGER PRIMARY KEY,"
		    " name TEXT NOT NULL, applied_at TEXT NOT NULL)", err);
		if (rc != 0)
			return store_rollback(st, rc);
	}
	/* The table is in name order, and names start with their number. */
	for (const struct embedded_file *f = store_migrations; f->name != NULL; f++) {
		int v = file_version(f->name);

		if (v <= cur)
			continue;
		if ((rc = apply_one(st, f, err)) != 0) {
			*to = cur;
			return store_rollback(st, rc);
		}
		*to = v;
	}
	if ((rc = store_commit(st, err)) != 0)
		*to = cur;
	return rc;
}

int
migrate_check(struct store *st, struct wm_err *err)
{
	int cur, latest = migrate_latest(), rc;

	if ((rc = migrate_current(st, &cur, err)) != 0)
		return rc;
	if (cur == latest)
		return 0;
	if (cur == 0)
		return wm_error(err, WM_ESCHEMA,
		    "%s is not a Waymark database yet: run `waymark init`", store_url(st));
	if (cur > latest)
		return wm_error(err, WM_ESCHEMA,
		    "%s has schema version %d, newer than this waymark knows (%d): "
		    "use a newer waymark", store_url(st), cur, latest);
	return wm_error(err, WM_ESCHEMA,
	    "%s has schema version %d and this waymark needs %d: "
	    "run `waymark init` to upgrade it", store_url(st), cur, latest);
}
