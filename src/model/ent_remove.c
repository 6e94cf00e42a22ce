/*
 * ent_remove.c: removing records, and what refers to them.
 *
 * "Refers to" is read from the kinds' descriptions, not listed by hand: a
 * record of kind J refers to one of kind K when a reference field of J
 * (FT_REF) names K, or a link field (FT_LINKS) lists it. The schema's
 * foreign keys say the same (tests/unit/test_security.c checks that every
 * one of them is described), so a database cascade never removes a
 * described record that this file has not dealt with first.
 *
 * A record others refer to is not removed: the answer says which refer to
 * it and how many. With the cascade, each referrer is dealt with first,
 * in the same transaction and under the same permission checks as if the
 * actor had made each change by hand, and each is audited:
 *
 *   - a record that needs the reference (a required or key field: the
 *     recommendations of a source, the figures of a PI) is removed, with
 *     whatever refers to it in turn;
 *   - a record for which it is optional (a unit's parent, a PI's owner)
 *     has the reference cleared;
 *   - a record that lists it (a node's lead posts) lists it no longer.
 *
 * So the audit log holds every row the removal took, whole, and can
 * rebuild it.
 */
#include "base/wm.h"

#include "base/buf.h"
#include "base/mem.h"
#include "model/authz.h"
#include "model/ent.h"
#include "model/ent_impl.h"
#include "model/search.h"
#include "store/store.h"

/* How deep a cascade may go: far beyond any chain the kinds have (source, recommendation, progress). */
#define CASCADE_DEPTH 16
/* How many keys of a referring kind the answer names. */
#define REFERRER_KEYS 5

enum effect { EFFECT_REMOVE, EFFECT_CLEAR, EFFECT_UNLINK };

static const char *const effect_names[] = { "removed", "cleared", "unlinked" };

static enum effect
effect_of(const struct field *f)
{
	if (f->type == FT_LINKS)
		return EFFECT_UNLINK;
	/* a reference of a run is what the record is on: it goes with it */
	return (f->flags & (FF_REQ | FF_KEY | FF_ONE_OF)) ? EFFECT_REMOVE : EFFECT_CLEAR;
}

/* Does field f of kind j refer to records of k? Views are their base kind's rows. */
static bool
refers_to(const struct kind *j, const struct field *f, const struct kind *k)
{
	if (j->fixed_col != NULL || (f->type != FT_REF && f->type != FT_LINKS))
		return false;
	return target_kind(f) == kind_base(k);
}

/* ids[]: the records of j whose field f names the record id (a kind with rows of its own). */
static int
referring_ids(struct wm_ctx *ctx, const struct kind *j, const struct field *f, int64_t id,
    int64_t **ids, size_t *n, struct wm_err *err)
{
	struct buf sql = BUF_INIT;
	struct stmt *s;
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (f->type == FT_LINKS)
		buf_addf(&sql, "SELECT %s FROM %s WHERE %s = ? ORDER BY %s", f->link_self,
		    f->link_table, f->link_other, f->link_self);
	else
		buf_addf(&sql, "SELECT id FROM %s WHERE %s = ? ORDER BY id", j->table, f->col);
	rc = store_prepare(ctx->st, buf_str(&sql), &s, err);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		WM_GROW(*ids, *n + 1, cap);
		(*ids)[(*n)++] = stmt_int(s, 0);
	}
	return rc < 0 ? rc : 0;
}

/* The query of a kind with its own storage for the records naming key in field f. */
static struct ent_query
store_query(const struct field *f, const char *key, json_t **where)
{
	struct ent_query q = { 0 };

	*where = json_pack("{s:s}", f->name, key);
	q.where = *where;
	q.raw = true;
	return q;
}

/* One group of referrers: how many, and the first few keys. */
static int
describe_group(struct wm_ctx *ctx, const struct kind *j, const struct field *f, int64_t id,
    const char *key, json_t *out, struct wm_err *err)
{
	json_t *keys = json_array(), *where = NULL, *rows = NULL;
	size_t count = 0;
	int rc;

	if (j->store != NULL) {
		struct ent_query q = store_query(f, key, &where);

		if ((rc = j->store->count(ctx, j, &q, &count, err)) == 0 && count > 0) {
			q.limit = REFERRER_KEYS;
			if ((rc = j->store->list(ctx, j, &q, &rows, err)) == 0)
				for (size_t i = 0; i < json_array_size(rows); i++) {
					struct buf k = BUF_INIT;

					if (ent_row_key(j, json_array_get(rows, i), &k) == 0)
						json_array_append_new(keys, json_string(buf_str(&k)));
					buf_release(&k);
				}
		}
	} else {
		struct buf sql = BUF_INIT;
		struct stmt *s;
		int kn = 0;

		if (f->type == FT_LINKS)
			buf_addf(&sql, "SELECT COUNT(*) FROM %s WHERE %s = ?", f->link_table,
			    f->link_other);
		else
			buf_addf(&sql, "SELECT COUNT(*) FROM %s WHERE %s = ?", j->table, f->col);
		if ((rc = store_prepare(ctx->st, buf_str(&sql), &s, err)) == 0) {
			stmt_bind_int(s, 1, id);
			if ((rc = stmt_step(s, err)) == STORE_ROW)
				count = (size_t)stmt_int(s, 0);
			stmt_reset(s);
			rc = rc < 0 ? rc : 0;
		}
		buf_reset(&sql);
		buf_adds(&sql, "SELECT ");
		key_expr(&sql, j, "t", &kn);
		if (f->type == FT_LINKS)
			buf_addf(&sql, " FROM %s t JOIN %s l ON l.%s = t.id WHERE l.%s = ?",
			    j->table, f->link_table, f->link_self, f->link_other);
		else
			buf_addf(&sql, " FROM %s t WHERE t.%s = ?", j->table, f->col);
		buf_addf(&sql, " ORDER BY t.id LIMIT %d", REFERRER_KEYS);
		if (rc == 0 && count > 0 && (rc = store_prepare(ctx->st, buf_str(&sql), &s, err)) == 0) {
			stmt_bind_int(s, 1, id);
			while ((rc = stmt_step(s, err)) == STORE_ROW)
				json_array_append_new(keys, json_string(stmt_text(s, 0)));
			rc = rc < 0 ? rc : 0;
		}
		buf_release(&sql);
	}
	if (rc == 0 && count > 0)
		json_array_append_new(out, json_pack("{s:s, s:s, s:I, s:O, s:s}", "kind", j->name,
		    "field", f->name, "count", (json_int_t)count, "keys", keys, "on_cascade",
		    effect_names[effect_of(f)]));
	json_decref(keys);
	json_decref(where);
	json_decref(rows);
	return rc;
}

static int
referrers_of(struct wm_ctx *ctx, const struct kind *k, int64_t id, const char *key,
    json_t **out, struct wm_err *err)
{
	int rc = 0;

	*out = json_array();
	for (const struct kind *j = kinds; j->name != NULL && rc == 0; j++)
		for (const struct field *f = j->fields; f->name != NULL && rc == 0; f++)
			if (refers_to(j, f, k))
				rc = describe_group(ctx, j, f, id, key, *out, err);
	return rc;
}

/* The record's id and canonical key; for a kind with its own storage, id 0. */
static int
find(struct wm_ctx *ctx, const struct kind *k, const char *key, int64_t *id, struct buf *canon,
    json_t **before, struct wm_err *err)
{
	int rc;

	*id = 0;
	*before = NULL;
	if (k->store != NULL)
		rc = k->store->get(ctx, k, key, before, err);
	else if ((rc = resolve(ctx, k, key, false, id, err)) == 0)
		rc = stored(ctx, k, *id, before, err);
	if (rc == 0 && ent_row_key(kind_base(k), *before, canon) != 0)
		rc = wm_error(err, WM_EINTERNAL, "%s \"%s\" has no key", k->one, key);
	return rc;
}

int
ent_referrers(struct wm_ctx *ctx, const struct kind *k, const char *key, json_t **out,
    struct wm_err *err)
{
	struct buf canon = BUF_INIT;
	json_t *before = NULL;
	int64_t id;
	int rc;

	*out = NULL;
	if ((rc = authz_read(ctx, k, err)) == 0 &&
	    (rc = find(ctx, k, key, &id, &canon, &before, err)) == 0)
		rc = referrers_of(ctx, kind_base(k), id, buf_str(&canon), out, err);
	if (rc != 0) {
		json_decref(*out);
		*out = NULL;
	}
	json_decref(before);
	buf_release(&canon);
	return rc;
}

/* "13 recommendations (BVA2002/R1, BVA2002/R2, ... and 8 more) and 2 milestones" */
static void
say_referrers(struct buf *b, const json_t *refs)
{
	size_t n = json_array_size(refs);

	for (size_t i = 0; i < n; i++) {
		const json_t *g = json_array_get(refs, i);
		const json_t *keys = json_object_get(g, "keys");
		json_int_t count = json_integer_value(json_object_get(g, "count"));
		const struct kind *j = kind_find(json_string_value(json_object_get(g, "kind")));

		buf_addf(b, "%s%lld %s (", i == 0 ? "" : i + 1 == n ? " and " : ", ", (long long)count,
		    count == 1 ? j->one : j->name);
		for (size_t x = 0; x < json_array_size(keys); x++)
			buf_addf(b, "%s%s", x ? ", " : "", json_string_value(json_array_get(keys, x)));
		if ((size_t)count > json_array_size(keys))
			buf_addf(b, " and %lld more", (long long)(count - (json_int_t)json_array_size(keys)));
		buf_addc(b, ')');
	}
}

static int remove_row(struct wm_ctx *ctx, const struct kind *k, int64_t id, int64_t if_version,
    bool cascade, int depth, struct wm_err *err);

/* A link list without one key. */
static json_t *
without(const json_t *list, const char *key)
{
	json_t *out = json_array(), *v;
	size_t i;

	json_array_foreach(list, i, v)
		if (!json_is_string(v) || strcmp(json_string_value(v), key) != 0)
			json_array_append(out, v);
	return out;
}

/* Deal with the records of j that refer through f to the record (id, key) of k. */
static int
cascade_group(struct wm_ctx *ctx, const struct kind *j, const struct field *f, int64_t id,
    const char *key, int depth, struct wm_err *err)
{
	int64_t *ids = NULL;
	size_t n = 0;
	int rc;

	if (j->store != NULL) {
		json_t *where = NULL, *rows = NULL;
		struct ent_query q = store_query(f, key, &where);

		if (j->store->remove_all != NULL) {
			rc = j->store->remove_all(ctx, j, &q, err);
		} else if ((rc = j->store->list(ctx, j, &q, &rows, err)) == 0) {
			for (size_t i = 0; i < json_array_size(rows) && rc == 0; i++) {
				struct buf k = BUF_INIT;

				ent_row_key(j, json_array_get(rows, i), &k);
				rc = j->store->remove(ctx, j, buf_str(&k), 0, err);
				buf_release(&k);
			}
		}
		json_decref(where);
		json_decref(rows);
		return rc;
	}
	if ((rc = referring_ids(ctx, j, f, id, &ids, &n, err)) != 0)
		goto out;
	for (size_t i = 0; i < n && rc == 0; i++) {
		json_t *row = NULL, *change = NULL;
		bool changed;

		switch (effect_of(f)) {
		case EFFECT_REMOVE:
			rc = remove_row(ctx, j, ids[i], 0, true, depth + 1, err);
			break;
		case EFFECT_CLEAR:
			change = json_pack("{s:n}", f->name);
			rc = set_row(ctx, j, ids[i], change, 0, false, &changed, NULL, err);
			break;
		case EFFECT_UNLINK:
			if ((rc = stored(ctx, j, ids[i], &row, err)) == 0) {
				change = json_object();
				json_object_set_new(change, f->name,
				    without(json_object_get(row, f->name), key));
				rc = set_row(ctx, j, ids[i], change, 0, false, &changed, NULL, err);
			}
			break;
		}
		/* a record an earlier part of the cascade already took is no longer in the way */
		if (rc == WM_ENOTFOUND)
			rc = 0;
		json_decref(row);
		json_decref(change);
	}
out:
	free(ids);
	return rc;
}

/*
 * Remove one row: refuse (WM_EINUSE, saying which refer to it) if others
 * do and this is no cascade; else deal with them first.
 */
static int
remove_row(struct wm_ctx *ctx, const struct kind *k, int64_t id, int64_t if_version,
    bool cascade, int depth, struct wm_err *err)
{
	const struct kind *base = kind_base(k);
	struct buf sql = BUF_INIT, key = BUF_INIT, msg = BUF_INIT;
	json_t *before = NULL, *refs = NULL;
	struct stmt *s;
	int rc;

	if (depth > CASCADE_DEPTH)
		return wm_error(err, WM_EINTERNAL, "removing %s: the cascade goes too deep", k->one);
	if ((rc = stored(ctx, k, id, &before, err)) != 0)
		goto out;
	ent_row_key(base, before, &key);
	if (if_version > 0 &&
	    json_integer_value(json_object_get(before, "version")) != if_version) {
		rc = wm_error(err, WM_ECONFLICT,
		    "the %s is at version %lld, not %lld: someone else changed it",
		    k->one, (long long)json_integer_value(json_object_get(before, "version")),
		    (long long)if_version);
		goto out;
	}
	/* the actor may remove this record before anything is done to the others */
	if ((rc = authz_write(ctx, k, before, NULL, err)) != 0)
		goto out;
	if ((rc = referrers_of(ctx, base, id, buf_str(&key), &refs, err)) != 0)
		goto out;
	if (json_array_size(refs) > 0 && !cascade) {
		say_referrers(&msg, refs);
		rc = wm_error(err, WM_EINUSE, "cannot remove %s \"%s\": %s refer%s to it; remove or "
		    "change them first, or remove it with cascade, which removes what needs it and "
		    "clears the other references", k->one, buf_str(&key), buf_str(&msg),
		    json_array_size(refs) == 1 &&
		    json_integer_value(json_object_get(json_array_get(refs, 0), "count")) == 1 ?
		    "s" : "");
		goto out;
	}
	for (size_t i = 0; i < json_array_size(refs) && rc == 0; i++) {
		const json_t *g = json_array_get(refs, i);
		const struct kind *j = kind_find(json_string_value(json_object_get(g, "kind")));

		rc = cascade_group(ctx, j, kind_field(j, json_string_value(json_object_get(g,
		    "field"))), id, buf_str(&key), depth, err);
	}
	if (rc != 0)
		goto out;
	buf_addf(&sql, "DELETE FROM %s WHERE id = ?", base->table);
	if ((rc = store_prepare(ctx->st, buf_str(&sql), &s, err)) != 0)
		goto out;
	stmt_bind_int(s, 1, id);
	if ((rc = stmt_exec(s, err)) != 0) {
		/* a reference no description names: never a described record's */
		if (rc == WM_EINVAL)
			rc = wm_error(err, WM_EINUSE, "cannot remove %s \"%s\": other records still "
			    "refer to it; remove or change them first", k->one, buf_str(&key));
		goto out;
	}
	if ((rc = search_drop(ctx, k, id, err)) != 0)
		goto out;
	if (k->hooks != NULL && k->hooks->after != NULL &&
	    (rc = k->hooks->after(ctx, id, before, NULL, err)) != 0)
		goto out;
	rc = audit_change(ctx, k, id, "remove", before, NULL, err);
out:
	buf_release(&sql);
	buf_release(&key);
	buf_release(&msg);
	json_decref(before);
	json_decref(refs);
	return rc;
}

static int
remove_record(struct wm_ctx *ctx, const struct kind *k, const char *key, int64_t if_version,
    bool cascade, struct wm_err *err)
{
	json_t *before = NULL;
	int64_t id;
	int rc;

	if (k->flags & KF_READONLY)
		return wm_error(err, WM_EPERM, "%s are recorded by Waymark itself", k->name);
	if ((rc = authz_read(ctx, k, err)) != 0)
		return rc;
	if (k->store != NULL) {
		/* nothing refers to a record of a kind with its own storage (a figure) */
		if ((rc = k->store->get(ctx, k, key, &before, err)) == 0 &&
		    (rc = authz_write(ctx, k, before, NULL, err)) == 0)
			rc = k->store->remove(ctx, k, key, if_version, err);
		json_decref(before);
		return rc;
	}
	if ((rc = store_begin(ctx->st, err)) != 0)
		return rc;
	if ((rc = resolve(ctx, k, key, false, &id, err)) == 0)
		rc = remove_row(ctx, k, id, if_version, cascade, 0, err);
	if (rc != 0)
		return store_rollback(ctx->st, rc);
	return store_commit(ctx->st, err);
}

int
ent_remove(struct wm_ctx *ctx, const struct kind *k, const char *key, int64_t if_version,
    struct wm_err *err)
{
	return remove_record(ctx, k, key, if_version, false, err);
}

int
ent_remove_cascade(struct wm_ctx *ctx, const struct kind *k, const char *key,
    int64_t if_version, struct wm_err *err)
{
	return remove_record(ctx, k, key, if_version, true, err);
}
