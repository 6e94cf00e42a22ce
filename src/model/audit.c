/*
 * audit.c: writing, listing and checking the audit log.
 *
 * The hash of an entry is BLAKE2b-256 over the previous entry's hash and
 * the entry's fields, each followed by a unit separator, so that no two
 * different entries hash the same input. The first entry's previous hash
 * is 64 zeros.
 *
 * An entry is numbered one past the head it follows, inside the writers'
 * lock (store.h), so numbers have no gaps on either engine: a PostgreSQL
 * sequence would skip the numbers of rolled-back entries, and a copy of
 * the log would then number it differently. A restored entry keeps its
 * number.
 */
#include "base/wm.h"

#include <sodium.h>

#include "base/buf.h"
#include "base/date.h"
#include "model/audit.h"
#include "model/authz.h"
#include "store/store.h"

#define HASH_HEX (crypto_generichash_BYTES * 2 + 1)
_Static_assert(HASH_HEX == AUDIT_HASH_LEN, "audit.h states the hash length");
static const char genesis[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

static void
entry_hash(const char *prev, const char *at, const char *actor, const char *action,
    const char *kind, const char *ref, const char *before, const char *after, char *out)
{
	const char *parts[] = { prev, at, actor, action, kind, ref, before ? before : "",
		after ? after : "" };
	unsigned char h[crypto_generichash_BYTES];
	crypto_generichash_state st;

	/* Idempotent and thread-safe; the library may be used without a main(). */
	if (sodium_init() < 0)
		abort();
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	for (size_t i = 0; i < WM_ARRAY_LEN(parts); i++) {
		crypto_generichash_update(&st, (const unsigned char *)parts[i], strlen(parts[i]));
		crypto_generichash_update(&st, (const unsigned char *)"\x1f", 1);
	}
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(out, HASH_HEX, h, sizeof(h));
}

static char *
dump(const json_t *j)
{
	return j != NULL ? json_dumps(j, JSON_COMPACT | JSON_ENSURE_ASCII) : NULL;
}

/* The newest entry's number and hash; 0 and the genesis hash for an empty log. */
static int
insert(struct wm_ctx *ctx, int64_t id, const char *at, const char *actor, const char *action,
    const char *kind, const char *ref, const char *before, const char *after,
    const char *prev, const char *hash, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	rc = store_prepare(ctx->st,
	    "INSERT INTO audit (id, at, actor, action, kind, ref, before, after, prev_hash, hash)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	stmt_bind_text(s, 2, at);
	stmt_bind_text(s, 3, actor);
	stmt_bind_text(s, 4, action);
	stmt_bind_text(s, 5, kind);
	stmt_bind_text(s, 6, ref);
	stmt_bind_text(s, 7, before);
	stmt_bind_text(s, 8, after);
	stmt_bind_text(s, 9, prev);
	stmt_bind_text(s, 10, hash);
	return stmt_exec(s, err);
}

/* Read the head and append after it, holding the writers' lock throughout. */
static int
append(struct wm_ctx *ctx, const char *at, const char *actor, const char *action,
    const char *kind, const char *key, const char *b, const char *a, struct wm_err *err)
{
	char prev[HASH_HEX], hash[HASH_HEX];
	int64_t id;
	int rc;

	if ((rc = audit_head(ctx, &id, prev, err)) != 0)
		return rc;
	entry_hash(prev, at, actor, action, kind, key, b, a, hash);
	return insert(ctx, id + 1, at, actor, action, kind, key, b, a, prev, hash, err);
}

int
audit_record(struct wm_ctx *ctx, const char *action, const char *kind, const char *key,
    const json_t *before, const json_t *after, struct wm_err *err)
{
	char at[TIMESTAMP_LEN];
	char *b = dump(before), *a = dump(after);
	const char *actor = ctx->actor != NULL ? ctx->actor : "unknown";
	bool own = !store_in_transaction(ctx->st);
	int rc;

	timestamp_format(ctx->now, at);
	if (own && (rc = store_begin(ctx->st, err)) != 0)
		goto out;
	rc = append(ctx, at, actor, action, kind, key, b, a, err);
	if (own)
		rc = rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
out:
	free(b);
	free(a);
	return rc;
}

static json_t *
parsed_or_null(const char *text)
{
	json_t *j;

	if (text == NULL)
		return json_null();
	j = json_loads(text, 0, NULL);
	return j != NULL ? j : json_string(text);
}

/* " WHERE ..." for the query's filters; binds[] receives the values, in order. */
static size_t
audit_where(const struct wm_ctx *ctx, const struct audit_query *q, struct buf *sql,
    const char **binds)
{
	size_t nb = 0;

	buf_adds(sql, " FROM audit WHERE 1 = 1");
	/* Accounts are an administrator's business, in the log as elsewhere. */
	if (ctx->role != ROLE_ADMIN && ctx->role != ROLE_SYSTEM)
		buf_adds(sql, " AND kind <> 'users'");
	if (q->kind != NULL) {
		buf_adds(sql, " AND kind = ?");
		binds[nb++] = q->kind;
	}
	if (q->key != NULL) {
		buf_adds(sql, " AND ref = ?");
		binds[nb++] = q->key;
	}
	if (q->actor != NULL) {
		buf_adds(sql, " AND actor = ?");
		binds[nb++] = q->actor;
	}
	if (q->since != NULL) {
		buf_adds(sql, " AND at >= ?");
		binds[nb++] = q->since;
	}
	return nb;
}

int
audit_list(struct wm_ctx *ctx, const struct audit_query *q, json_t **out, struct wm_err *err)
{
	struct buf sql = BUF_INIT;
	const char *binds[4];
	size_t nb;
	struct stmt *s;
	json_t *arr = NULL;
	int rc;

	*out = NULL;
	if ((rc = authz_audit(ctx, err)) != 0)
		return rc;
	arr = json_array();
	buf_adds(&sql, "SELECT id, at, actor, action, kind, ref, before, after, prev_hash, hash");
	nb = audit_where(ctx, q, &sql, binds);
	buf_adds(&sql, q->newest_first ? " ORDER BY id DESC" : " ORDER BY id");
	if (q->limit > 0)
		buf_adds(&sql, " LIMIT ? OFFSET ?");
	if ((rc = store_prepare(ctx->st, buf_str(&sql), &s, err)) != 0)
		goto out;
	for (size_t i = 0; i < nb; i++)
		stmt_bind_text(s, (int)i + 1, binds[i]);
	if (q->limit > 0) {
		stmt_bind_int(s, (int)nb + 1, (int64_t)q->limit);
		stmt_bind_int(s, (int)nb + 2, (int64_t)q->offset);
	}
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		json_t *e = json_object();

		json_object_set_new(e, "id", json_integer(stmt_int(s, 0)));
		json_object_set_new(e, "at", json_string(stmt_text(s, 1)));
		json_object_set_new(e, "actor", json_string(stmt_text(s, 2)));
		json_object_set_new(e, "action", json_string(stmt_text(s, 3)));
		json_object_set_new(e, "kind", json_string(stmt_text(s, 4)));
		json_object_set_new(e, "ref", json_string(stmt_text(s, 5)));
		json_object_set_new(e, "before", parsed_or_null(stmt_text(s, 6)));
		json_object_set_new(e, "after", parsed_or_null(stmt_text(s, 7)));
		json_object_set_new(e, "prev_hash", json_string(stmt_text(s, 8)));
		json_object_set_new(e, "hash", json_string(stmt_text(s, 9)));
		json_array_append_new(arr, e);
	}
	if (rc < 0)
		goto out;
	rc = 0;
	*out = arr;
	arr = NULL;
out:
	buf_release(&sql);
	json_decref(arr);
	return rc;
}

int
audit_total(struct wm_ctx *ctx, const struct audit_query *q, int64_t *n, struct wm_err *err)
{
	struct buf sql = BUF_INIT;
	const char *binds[4];
	size_t nb;
	struct stmt *s;
	int rc;

	*n = 0;
	if ((rc = authz_audit(ctx, err)) != 0)
		return rc;
	buf_adds(&sql, "SELECT COUNT(*)");
	nb = audit_where(ctx, q, &sql, binds);
	rc = store_prepare(ctx->st, buf_str(&sql), &s, err);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < nb; i++)
		stmt_bind_text(s, (int)i + 1, binds[i]);
	if ((rc = stmt_step(s, err)) == STORE_ROW)
		*n = stmt_int(s, 0);
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

int
audit_restore(struct wm_ctx *ctx, const json_t *e, struct wm_err *err)
{
	static const char *const names[] = { "at", "actor", "action", "kind", "ref", "prev_hash",
		"hash" };
	const char *v[WM_ARRAY_LEN(names)];
	char *b, *a;
	int64_t id;
	int rc;

	for (size_t i = 0; i < WM_ARRAY_LEN(names); i++) {
		v[i] = json_string_value(json_object_get(e, names[i]));
		if (v[i] == NULL)
			return wm_error(err, WM_EINVAL, "audit entry: missing \"%s\"", names[i]);
	}
	id = json_integer_value(json_object_get(e, "id"));
	if (id <= 0) {
		char prev[HASH_HEX];

		if ((rc = audit_head(ctx, &id, prev, err)) != 0)
			return rc;
		id++;
	}
	b = json_is_null(json_object_get(e, "before")) ? NULL : dump(json_object_get(e, "before"));
	a = json_is_null(json_object_get(e, "after")) ? NULL : dump(json_object_get(e, "after"));
	rc = insert(ctx, id, v[0], v[1], v[2], v[3], v[4], b, a, v[5], v[6], err);
	free(b);
	free(a);
	return rc;
}

int
audit_count(struct wm_ctx *ctx, int64_t *n, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	if ((rc = store_prepare(ctx->st, "SELECT COUNT(*) FROM audit", &s, err)) != 0)
		return rc;
	rc = stmt_step(s, err);
	*n = rc == STORE_ROW ? stmt_int(s, 0) : 0;
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

int
audit_verify(struct wm_ctx *ctx, int64_t *checked, struct wm_err *err)
{
	char prev[HASH_HEX], hash[HASH_HEX];
	struct stmt *s;
	int rc;

	*checked = 0;
	snprintf(prev, sizeof(prev), "%s", genesis);
	rc = store_prepare(ctx->st,
	    "SELECT id, at, actor, action, kind, ref, before, after, prev_hash, hash"
	    " FROM audit ORDER BY id", &s, err);
	if (rc != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		int64_t id = stmt_int(s, 0);

		if (strcmp(stmt_text(s, 8), prev) != 0) {
			stmt_reset(s);
			return wm_error(err, WM_EINVAL,
			    "audit entry %lld does not follow entry before it: "
			    "an entry was removed or reordered", (long long)id);
		}
		entry_hash(prev, stmt_text(s, 1), stmt_text(s, 2), stmt_text(s, 3),
		    stmt_text(s, 4), stmt_text(s, 5), stmt_text(s, 6), stmt_text(s, 7), hash);
		if (strcmp(hash, stmt_text(s, 9)) != 0) {
			stmt_reset(s);
			return wm_error(err, WM_EINVAL,
			    "audit entry %lld has been altered: its hash does not match its content",
			    (long long)id);
		}
		snprintf(prev, sizeof(prev), "%s", hash);
		(*checked)++;
	}
	return rc < 0 ? rc : 0;
}

int
audit_hash_of(struct wm_ctx *ctx, int64_t id, char *hash, bool *found, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	*found = false;
	hash[0] = '\0';
	if ((rc = store_prepare(ctx->st, "SELECT hash FROM audit WHERE id = ?", &s, err)) != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	if ((rc = stmt_step(s, err)) == STORE_ROW) {
		snprintf(hash, AUDIT_HASH_LEN, "%s", stmt_text(s, 0));
		*found = true;
	}
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

int
audit_head(struct wm_ctx *ctx, int64_t *id, char *hash, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	*id = 0;
	snprintf(hash, AUDIT_HASH_LEN, "%s", genesis);
	if ((rc = store_prepare(ctx->st, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", &s,
	    err)) != 0)
		return rc;
	if ((rc = stmt_step(s, err)) == STORE_ROW) {
		*id = stmt_int(s, 0);
		snprintf(hash, AUDIT_HASH_LEN, "%s", stmt_text(s, 1));
	}
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}
