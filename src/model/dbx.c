/*
 * dbx.c: exporting and importing a whole database as JSON.
 *
 * Within a kind, a record may refer to another of the same kind (a unit's
 * parent, a milestone's dependencies). Import orders such records so that
 * what is referred to comes first; records in a cycle are added without
 * those references and then given them.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/mem.h"
#include "model/audit.h"
#include "model/dbx.h"
#include "model/ent.h"
#include "model/kind.h"
#include "store/migrate.h"

static bool
exported(const struct kind *k)
{
	return !(k->flags & (KF_VIEW | KF_NOEXPORT));
}

/* Every kind and the audit log, as they are at one moment even while others write. */
int
dbx_export(struct wm_ctx *ctx, json_t **out, struct wm_err *err)
{
	struct ent_query q = { .raw = true, .secrets = true };
	struct audit_query aq = { 0 };
	json_t *doc = json_object(), *arr;
	int rc;

	*out = NULL;
	if ((rc = store_begin_read(ctx->st, err)) != 0)
		goto fail;
	json_object_set_new(doc, "format", json_string(DBX_FORMAT_EXPORT));
	json_object_set_new(doc, "version", json_integer(DBX_VERSION));
	json_object_set_new(doc, "schema", json_integer(migrate_latest()));
	for (const struct kind *k = kinds; k->name != NULL; k++) {
		if (!exported(k))
			continue;
		if ((rc = ent_list(ctx, k, &q, &arr, err)) != 0)
			goto rollback;
		json_object_set_new(doc, k->name, arr);
	}
	if ((rc = audit_list(ctx, &aq, &arr, err)) != 0)
		goto rollback;
	json_object_set_new(doc, "audit", arr);
	if ((rc = store_commit(ctx->st, err)) != 0)
		goto fail;
	*out = doc;
	return 0;
rollback:
	store_rollback(ctx->st, rc);
fail:
	json_decref(doc);
	return rc;
}

/* The fields of k that refer to k itself. */
static bool
self_field(const struct kind *k, const struct field *f)
{
	return (f->type == FT_REF || f->type == FT_LINKS) &&
	    kind_base(kind_find(f->target)) == kind_base(k);
}

static bool
has_self_refs(const struct kind *k)
{
	for (const struct field *f = k->fields; f->name != NULL; f++)
		if (self_field(k, f))
			return true;
	return false;
}

/* Index of the record in rows with this key (or owner/key), or -1. */
static long
find_row(const struct kind *k, json_t *keys, const char *ref, const char *owner)
{
	struct buf b = BUF_INIT;
	long hit = -1;
	size_t i;
	json_t *v;

	json_array_foreach(keys, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), ref) == 0)
			return (long)i;
	if (owner != NULL && strchr(ref, '/') == NULL) {
		buf_addf(&b, "%s/%s", owner, ref);
		json_array_foreach(keys, i, v)
			if (json_is_string(v) && strcmp(json_string_value(v), buf_str(&b)) == 0)
				hit = (long)i;
	}
	buf_release(&b);
	(void)k;
	return hit;
}

/* Does row refer, through a self field, to a record of rows not yet placed? */
static bool
waits(const struct kind *k, const json_t *row, json_t *keys, const char *done)
{
	const char *owner = NULL;

	for (const struct field *f = k->fields; f->name != NULL; f++)
		if (f->flags & FF_KEY) {
			owner = json_string_value(json_object_get(row, f->name));
			break;
		}
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		const json_t *v = json_object_get(row, f->name), *e;
		size_t i;
		long at;

		if (!self_field(k, f) || v == NULL)
			continue;
		if (json_is_string(v)) {
			at = find_row(k, keys, json_string_value(v), owner);
			if (at >= 0 && !done[at])
				return true;
		}
		json_array_foreach(v, i, e) {
			if (!json_is_string(e))
				continue;
			at = find_row(k, keys, json_string_value(e), owner);
			if (at >= 0 && !done[at])
				return true;
		}
	}
	return false;
}

static void
count(json_t *summary, const struct kind *k, int changed)
{
	static const char *const names[] = { "unchanged", "added", "changed" };
	json_t *o = json_object_get(summary, k->name);

	if (o == NULL) {
		o = json_pack("{s:i, s:i, s:i}", "added", 0, "changed", 0, "unchanged", 0);
		json_object_set_new(summary, k->name, o);
	}
	json_object_set_new(o, names[changed],
	    json_integer(json_integer_value(json_object_get(o, names[changed])) + 1));
}

static int
upsert_at(struct wm_ctx *ctx, const struct kind *k, const json_t *row, size_t i, bool restore,
    json_t *summary, struct wm_err *err)
{
	int changed, rc;

	if ((rc = ent_upsert(ctx, k, row, restore, &changed, err)) != 0) {
		wm_error_prefix(err, "%s[%zu]: ", k->name, i);
		return rc;
	}
	count(summary, k, changed);
	return 0;
}

static int
import_kind(struct wm_ctx *ctx, const struct kind *k, const json_t *rows, bool restore,
    json_t *summary, struct wm_err *err)
{
	size_t n = json_array_size(rows), placed = 0, i;
	json_t *keys, *row;
	char *done;
	bool progress;
	int rc = 0;

	if (!json_is_array(rows))
		return wm_error(err, WM_EINVAL, "%s: expected an array of records", k->name);
	if (k->store != NULL && k->store->import_rows != NULL)
		return k->store->import_rows(ctx, k, rows, restore, summary, err);
	if (!has_self_refs(k)) {
		json_array_foreach(rows, i, row)
			if ((rc = upsert_at(ctx, k, row, i, restore, summary, err)) != 0)
				return rc;
		return 0;
	}
	keys = json_array();
	json_array_foreach(rows, i, row) {
		struct buf b = BUF_INIT;

		if (json_is_object(row) && ent_row_key(k, row, &b) == 0)
			json_array_append_new(keys, json_string(buf_str(&b)));
		else
			json_array_append_new(keys, json_null());
		buf_release(&b);
	}
	done = wm_calloc(n ? n : 1, 1);
	do {
		progress = false;
		for (i = 0; i < n && rc == 0; i++) {
			row = json_array_get(rows, i);
			if (done[i] || (json_is_object(row) && waits(k, row, keys, done)))
				continue;
			rc = upsert_at(ctx, k, row, i, restore, summary, err);
			done[i] = 1;
			placed++;
			progress = true;
		}
	} while (rc == 0 && progress && placed < n);
	/* What is left refers round in a circle: add it bare, then whole. */
	for (int pass = 0; pass < 2 && rc == 0 && placed < n; pass++) {
		for (i = 0; i < n && rc == 0; i++) {
			json_t *bare;
			int changed;

			if (done[i])
				continue;
			row = json_array_get(rows, i);
			if (pass == 0) {
				bare = json_deep_copy(row);
				for (const struct field *f = k->fields; f->name != NULL; f++)
					if (self_field(k, f))
						json_object_del(bare, f->name);
				rc = ent_upsert(ctx, k, bare, restore, &changed, err);
				json_decref(bare);
				if (rc != 0)
					wm_error_prefix(err, "%s[%zu]: ", k->name, i);
			} else {
				rc = upsert_at(ctx, k, row, i, restore, summary, err);
				done[i] = 1;
			}
		}
	}
	free(done);
	json_decref(keys);
	return rc;
}

static int
check_header(const json_t *doc, bool *restore, struct wm_err *err)
{
	const char *format = json_string_value(json_object_get(doc, "format"));
	const json_t *schema = json_object_get(doc, "schema");
	const char *name;
	json_t *v;

	if (!json_is_object(doc))
		return wm_error(err, WM_EINVAL, "expected a JSON object");
	if (format == NULL)
		return wm_error(err, WM_EINVAL, "no \"format\": expected \"%s\" or \"%s\"",
		    DBX_FORMAT_EXPORT, DBX_FORMAT_DATA);
	if (strcmp(format, DBX_FORMAT_EXPORT) == 0)
		*restore = true;
	else if (strcmp(format, DBX_FORMAT_DATA) == 0)
		*restore = false;
	else
		return wm_error(err, WM_EINVAL, "format \"%s\" is not \"%s\" or \"%s\"", format,
		    DBX_FORMAT_EXPORT, DBX_FORMAT_DATA);
	if (json_integer_value(json_object_get(doc, "version")) > DBX_VERSION)
		return wm_error(err, WM_EINVAL, "file format version %lld is newer than this "
		    "waymark reads (%d)", (long long)json_integer_value(json_object_get(doc, "version")),
		    DBX_VERSION);
	if (json_is_integer(schema) && json_integer_value(schema) > migrate_latest())
		return wm_error(err, WM_EINVAL, "exported from schema %lld, newer than this waymark "
		    "knows (%d): use a newer waymark", (long long)json_integer_value(schema),
		    migrate_latest());
	/* Nothing is dropped silently: every member must be something we read. */
	json_object_foreach((json_t *)doc, name, v) {
		const struct kind *k = kind_find(name);

		if (strcmp(name, "format") == 0 || strcmp(name, "version") == 0 ||
		    strcmp(name, "schema") == 0 || strcmp(name, "audit") == 0 ||
		    strcmp(name, "comment") == 0)
			continue;
		if (k == NULL || (k->flags & KF_VIEW)) {
			const char *hint = k == NULL ? kind_suggest(name) : kind_base(k)->name;

			if (hint != NULL)
				return wm_error(err, WM_EINVAL, "\"%s\" is not a kind of record "
				    "(did you mean \"%s\"?)", name, hint);
			return wm_error(err, WM_EINVAL, "\"%s\" is not a kind of record", name);
		}
	}
	if (!*restore && json_object_get(doc, "audit") != NULL)
		return wm_error(err, WM_EINVAL, "a \"%s\" file has no audit log; only an export does",
		    DBX_FORMAT_DATA);
	return 0;
}

/*
 * Records restored may be numbered otherwise than in the database the
 * export came from, and figures are laid out afresh, while the log's
 * digests name the old rows (digest.h). When the copy does not match its
 * log so, a checkpoint after the restored entries says what it holds; one
 * that matches (and one whose log predates digests) is left as restored.
 */
static int
vouch_for_copy(struct wm_ctx *ctx, struct wm_err *err)
{
	struct wm_err quiet = WM_ERR_INIT;
	json_t *diffs = NULL;
	int64_t n;
	int rc;

	rc = audit_verify_records(ctx, &diffs, &n, &quiet);
	if (rc == 0 && json_array_size(diffs) == 0) {
		json_decref(diffs);
		return 0;
	}
	json_decref(diffs);
	if (rc != 0 && rc != WM_EINVAL)
		return wm_error(err, rc, "%s", quiet.msg);
	return audit_checkpoint(ctx, "restored from an export", err);
}

int
dbx_import(struct wm_ctx *ctx, const json_t *doc, json_t **summary, struct wm_err *err)
{
	const json_t *audit;
	json_t *sum = json_object();
	bool restore = false;
	int64_t entries;
	size_t i;
	json_t *e;
	int rc;

	*summary = NULL;
	if ((rc = check_header(doc, &restore, err)) != 0)
		goto out;
	if (restore && ctx->role != ROLE_SYSTEM && ctx->role != ROLE_ADMIN) {
		rc = wm_error(err, WM_EPERM, "only an administrator may restore a whole database");
		goto out;
	}
	if ((rc = store_begin(ctx->st, err)) != 0)
		goto out;
	if (restore) {
		if ((rc = audit_history(ctx, &entries, err)) != 0)
			goto rollback;
		if (entries > 0) {
			rc = wm_error(err, WM_EINVAL, "an export restores only into a new database, "
			    "and this one already has a history (%lld audit entries): "
			    "create one with `waymark --db NEW.db init`", (long long)entries);
			goto rollback;
		}
		/* a new database's log holds only init's checkpoint: the export's log replaces it */
		if ((rc = audit_forget_checkpoints(ctx, err)) != 0)
			goto rollback;
	}
	for (const struct kind *k = kinds; k->name != NULL; k++) {
		const json_t *rows = json_object_get(doc, k->name);

		if (rows == NULL || !exported(k))
			continue;
		if ((rc = import_kind(ctx, k, rows, restore, sum, err)) != 0)
			goto rollback;
	}
	audit = json_object_get(doc, "audit");
	if (restore && audit != NULL) {
		if (!json_is_array(audit)) {
			rc = wm_error(err, WM_EINVAL, "audit: expected an array of entries");
			goto rollback;
		}
		json_array_foreach(audit, i, e) {
			if ((rc = audit_restore(ctx, e, err)) != 0) {
				wm_error_prefix(err, "audit[%zu]: ", i);
				goto rollback;
			}
		}
	}
	if (restore && (rc = vouch_for_copy(ctx, err)) != 0)
		goto rollback;
	if ((rc = store_commit(ctx->st, err)) != 0)
		goto out;
	*summary = sum;
	return 0;
rollback:
	store_rollback(ctx->st, rc);
out:
	json_decref(sum);
	return rc;
}

int
dbx_copy(struct wm_ctx *from, struct wm_ctx *to, json_t **summary, struct wm_err *err)
{
	json_t *doc = NULL, *sum = NULL;
	int rc;

	*summary = NULL;
	if ((rc = dbx_export(from, &doc, err)) != 0) {
		wm_error_prefix(err, "reading %s: ", store_url(from->st));
		return rc;
	}
	if ((rc = dbx_import(to, doc, &sum, err)) != 0) {
		wm_error_prefix(err, "writing %s: ", store_url(to->st));
	} else {
		json_object_set_new(sum, "audit", json_pack("{s:I, s:i, s:i}", "added",
		    (json_int_t)json_array_size(json_object_get(doc, "audit")), "changed", 0,
		    "unchanged", 0));
		*summary = sum;
	}
	json_decref(doc);
	return rc;
}
