/*
 * cmd_backup.c: `waymark backup FILE` and `waymark restore FILE`.
 *
 * The copying is the store's (an engine operation: SQLite's online
 * backup); what is here is what makes a copy worth trusting: a backup
 * says what it holds, and a restore refuses a file that is not a Waymark
 * database, is damaged, comes from a newer waymark, or whose audit log
 * has been altered, and will not replace a database that holds records
 * unless told to.
 */
#include "base/wm.h"

#include <sys/stat.h>

#include "cli/args.h"
#include "cli/cli.h"
#include "model/audit.h"
#include "store/migrate.h"
#include "store/store.h"

/* The schema version and audit entries of the database at url, opened read-only. */
static int
describe(const char *url, int *schema, int64_t *entries, struct wm_err *err)
{
	struct store *st = NULL;
	struct wm_ctx ctx = { 0 };
	int rc;

	*entries = 0;
	if ((rc = store_open(&st, url, STORE_READONLY, err)) != 0)
		return rc;
	ctx.st = st;
	rc = migrate_current(st, schema, err);
	if (rc == 0 && *schema > 0)
		rc = audit_count(&ctx, entries, err);
	store_close(st);
	return rc;
}

int
cmd_backup(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { NULL, false } };
	struct args a;
	int64_t entries;
	int schema, rc;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0)
		return rc;
	if (a.npos != 1)
		return wm_error(err, WM_EUSAGE, "backup writes one new file: waymark backup FILE");
	if ((rc = store_backup(c->st, a.pos[0], err)) != 0)
		return rc;
	if ((rc = describe(a.pos[0], &schema, &entries, err)) != 0)
		return rc;
	fprintf(c->out, "backed up %s to %s: schema %d, %lld audit entries, checked and complete\n",
	    store_url(c->st), a.pos[0], schema, (long long)entries);
	return 0;
}

/* Is path the database file itself (or another name for it)? */
static bool
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (strncmp(b, "sqlite:", 7) == 0)
		b += 7;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	    sa.st_ino == sb.st_ino;
}

/* Refuse a copy that is not a sound Waymark database this waymark can use. */
static int
check_copy(const char *path, int *schema, int64_t *entries, struct wm_err *err)
{
	struct store *st = NULL;
	struct wm_ctx ctx = { 0 };
	int64_t checked;
	int rc;

	if ((rc = store_open(&st, path, STORE_READONLY, err)) != 0 ||
	    (rc = store_check(st, err)) != 0 || (rc = migrate_current(st, schema, err)) != 0) {
		wm_error_prefix(err, "not restored: ");
		goto out;
	}
	if (*schema == 0) {
		rc = wm_error(err, WM_EINVAL, "%s is not a Waymark database: not restored", path);
		goto out;
	}
	if (*schema > migrate_latest()) {
		rc = wm_error(err, WM_ESCHEMA, "%s has schema version %d, newer than this waymark "
		    "knows (%d): restore it with a newer waymark", path, *schema, migrate_latest());
		goto out;
	}
	ctx.st = st;
	if ((rc = audit_verify(&ctx, &checked, err)) != 0) {
		wm_error_prefix(err, "%s: not restored: ", path);
		goto out;
	}
	*entries = checked;
out:
	store_close(st);
	return rc;
}

int
cmd_restore(struct cli *c, int argc, char **argv, struct wm_err *err)
{
	static const struct optdef defs[] = { { "force", false }, { NULL, false } };
	struct args a;
	struct stat sb;
	int64_t entries = 0, had = 0;
	int schema, cur, rc;
	const char *path;

	if ((rc = args_parse(&a, argc, argv, defs, false, err)) != 0)
		return rc;
	if (a.npos != 1)
		return wm_error(err, WM_EUSAGE, "restore reads one backup: waymark restore [--force] FILE");
	path = a.pos[0];
	if (stat(path, &sb) != 0)
		return wm_error(err, WM_EIO, "%s: %s", path, strerror(errno));
	if (same_file(path, c->db))
		return wm_error(err, WM_EUSAGE, "%s is the database itself: restore from a backup",
		    path);
	if ((rc = check_copy(path, &schema, &entries, err)) != 0)
		return rc;
	/* What would be lost: a database with a history is replaced only on request. */
	if ((rc = migrate_current(c->st, &cur, err)) != 0)
		return rc;
	c->ctx.st = c->st;
	if (cur > 0 && (rc = audit_history(&c->ctx, &had, err)) != 0)
		return rc;
	if (had > 0 && !args_has(&a, "force"))
		return wm_error(err, WM_EUSAGE, "%s holds %lld audit entries that restoring %s would "
		    "replace, with everything else in it: back it up first, then add --force",
		    store_url(c->st), (long long)had, path);
	if ((rc = store_restore(c->st, path, err)) != 0)
		return rc;
	fprintf(c->out, "restored %s from %s: schema %d, %lld audit entries, chain intact\n",
	    store_url(c->st), path, schema, (long long)entries);
	if (schema < migrate_latest())
		fprintf(c->out, "the backup has an older schema: run `waymark init` to upgrade it\n");
	return 0;
}
