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
#include "base/mem.h"
#include "model/audit.h"
#include "model/authz.h"
#include "model/digest.h"
#include "model/ent.h"
#include "store/store.h"

#define HASH_HEX (crypto_generichash_BYTES * 2 + 1)
_Static_assert(HASH_HEX == AUDIT_HASH_LEN, "audit.h states the hash length");
static const char genesis[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

/*
 * The parts are the previous hash and the entry's fields; an entry with a
 * state (schema 10 on) has it as a ninth part. Entries written before it
 * hash as they always did, so an old chain still verifies.
 */
static void
entry_hash(const char *prev, const char *at, const char *actor, const char *action,
    const char *kind, const char *ref, const char *before, const char *after, const char *state,
    char *out)
{
	const char *parts[] = { prev, at, actor, action, kind, ref, before ? before : "",
		after ? after : "", state };
	size_t n = state != NULL ? WM_ARRAY_LEN(parts) : WM_ARRAY_LEN(parts) - 1;
	unsigned char h[crypto_generichash_BYTES];
	crypto_generichash_state st;

	/* Idempotent and thread-safe; the library may be used without a main(). */
	if (sodium_init() < 0)
		abort();
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	for (size_t i = 0; i < n; i++) {
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
    const char *kind, const char *ref, const char *before, const char *after, const char *state,
    const char *prev, const char *hash, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	rc = store_prepare(ctx->st,
	    "INSERT INTO audit (id, at, actor, action, kind, ref, before, after, prev_hash, hash,"
	    " state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &s, err);
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
	stmt_bind_text(s, 11, state);
	return stmt_exec(s, err);
}

/* Read the head and append after it, holding the writers' lock throughout. */
static int
append(struct wm_ctx *ctx, const char *at, const char *actor, const char *action,
    const char *kind, const char *key, const char *b, const char *a, const char *state,
    struct wm_err *err)
{
	char prev[HASH_HEX], hash[HASH_HEX];
	int64_t id;
	int rc;

	if ((rc = audit_head(ctx, &id, prev, err)) != 0)
		return rc;
	entry_hash(prev, at, actor, action, kind, key, b, a, state, hash);
	return insert(ctx, id + 1, at, actor, action, kind, key, b, a, state, prev, hash, err);
}

int
audit_record(struct wm_ctx *ctx, const char *action, const char *kind, const char *key,
    const json_t *before, const json_t *after, struct wm_err *err)
{
	return audit_record_state(ctx, action, kind, key, before, after, NULL, err);
}

int
audit_record_state(struct wm_ctx *ctx, const char *action, const char *kind, const char *key,
    const json_t *before, const json_t *after, const json_t *state, struct wm_err *err)
{
	char at[TIMESTAMP_LEN];
	char *b = dump(before), *a = dump(after);
	char *st = state != NULL && json_object_size(state) > 0 ? dump(state) : NULL;
	const char *actor = ctx->actor != NULL ? ctx->actor : "unknown";
	bool own = !store_in_transaction(ctx->st);
	int rc;

	timestamp_format(ctx->now, at);
	if (own && (rc = store_begin(ctx->st, err)) != 0)
		goto out;
	rc = append(ctx, at, actor, action, kind, key, b, a, st, err);
	if (own)
		rc = rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
out:
	free(b);
	free(a);
	free(st);
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
	if (q->until != NULL) {
		buf_adds(sql, " AND at < ?");
		binds[nb++] = q->until;
	}
	return nb;
}

/* A checkpoint's digests of accounts, like their entries, are an administrator's. */
static void
drop_accounts(json_t *state)
{
	const char *name;
	json_t *v;
	void *tmp;

	json_object_foreach_safe(state, tmp, name, v)
		if (strncmp(name, "users:", 6) == 0)
			json_object_del(state, name);
}

int
audit_list(struct wm_ctx *ctx, const struct audit_query *q, json_t **out, struct wm_err *err)
{
	bool accounts = ctx->role == ROLE_ADMIN || ctx->role == ROLE_SYSTEM;
	struct buf sql = BUF_INIT;
	const char *binds[5];
	size_t nb;
	struct stmt *s;
	json_t *arr = NULL;
	int rc;

	*out = NULL;
	if ((rc = authz_audit(ctx, err)) != 0)
		return rc;
	arr = json_array();
	buf_adds(&sql, "SELECT id, at, actor, action, kind, ref, before, after, prev_hash, hash,"
	    " state");
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
		if (!stmt_is_null(s, 10)) {
			json_t *state = parsed_or_null(stmt_text(s, 10));

			if (!accounts)
				drop_accounts(state);
			json_object_set_new(e, "state", state);
		}
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
	const char *binds[5];
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
	const json_t *state = json_object_get(e, "state");
	char *b, *a, *st;
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
	st = state != NULL && !json_is_null(state) ? dump(state) : NULL;
	rc = insert(ctx, id, v[0], v[1], v[2], v[3], v[4], b, a, st, v[5], v[6], err);
	free(b);
	free(a);
	free(st);
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
	    "SELECT id, at, actor, action, kind, ref, before, after, prev_hash, hash, state"
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
		    stmt_text(s, 4), stmt_text(s, 5), stmt_text(s, 6), stmt_text(s, 7),
		    stmt_text(s, 10), hash);
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

int
audit_checkpoint(struct wm_ctx *ctx, const char *why, struct wm_err *err)
{
	json_t *state = NULL, *after;
	bool own = !store_in_transaction(ctx->st);
	int rc;

	if (own && (rc = store_begin(ctx->st, err)) != 0)
		return rc;
	if ((rc = digest_all(ctx, &state, err)) == 0) {
		after = json_pack("{s:s, s:I}", "why", why, "records",
		    (json_int_t)json_object_size(state));
		/* an empty database still says so: its state is an empty object */
		if (json_object_size(state) == 0)
			json_object_set_new(state, "database", json_string("empty"));
		rc = audit_record_state(ctx, AUDIT_CHECKPOINT, "database", why, NULL, after, state,
		    err);
		json_decref(after);
	}
	json_decref(state);
	if (own)
		rc = rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
	return rc;
}

int
audit_history(struct wm_ctx *ctx, int64_t *n, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	if ((rc = store_prepare(ctx->st, "SELECT COUNT(*) FROM audit WHERE action <> ?", &s,
	    err)) != 0)
		return rc;
	stmt_bind_text(s, 1, AUDIT_CHECKPOINT);
	rc = stmt_step(s, err);
	*n = rc == STORE_ROW ? stmt_int(s, 0) : 0;
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

int
audit_forget_checkpoints(struct wm_ctx *ctx, struct wm_err *err)
{
	int64_t n;
	int rc;

	if ((rc = audit_history(ctx, &n, err)) != 0)
		return rc;
	if (n > 0)
		return wm_error(err, WM_EINTERNAL, "the audit log has a history: it is kept");
	return store_exec(ctx->st, "DELETE FROM audit", err);
}

/* ---- records against the log ------------------------------------------- */

/*
 * What the log says each record holds: name -> [digest or null, entry id,
 * "kind ref" of that entry]. A checkpoint starts afresh.
 */
static int
replay(struct wm_ctx *ctx, json_t *said, bool *any, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	*any = false;
	rc = store_prepare(ctx->st, "SELECT id, action, kind, ref, state FROM audit"
	    " WHERE state IS NOT NULL ORDER BY id", &s, err);
	if (rc != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		json_t *state = json_loads(stmt_text(s, 4), 0, NULL), *v;
		const char *name;
		char where[256];

		if (!json_is_object(state)) {
			int64_t id = stmt_int(s, 0);

			json_decref(state);
			stmt_reset(s);
			return wm_error(err, WM_EINVAL, "audit entry %lld: its record digests are "
			    "not readable", (long long)id);
		}
		*any = true;
		if (strcmp(stmt_text(s, 1), AUDIT_CHECKPOINT) == 0)
			json_object_clear(said);
		snprintf(where, sizeof(where), "%s %s", stmt_text(s, 2), stmt_text(s, 3));
		json_object_foreach(state, name, v) {
			if (strcmp(name, "database") == 0)
				continue;
			json_object_set_new(said, name, json_pack("[O, I, s]", v,
			    (json_int_t)stmt_int(s, 0), where));
		}
		json_decref(state);
	}
	return rc < 0 ? rc : 0;
}

/* "users pat" for "users:3", from the database as it is now. */
static char *
record_label(struct wm_ctx *ctx, const char *name, const char *fallback)
{
	struct buf b = BUF_INIT;
	const char *colon = strrchr(name, ':');
	char kind[64];
	int64_t id;
	const struct kind *k;
	json_t *row = NULL;
	struct wm_err quiet = WM_ERR_INIT;

	if (colon == NULL || (size_t)(colon - name) >= sizeof(kind))
		return wm_strdup(name);
	snprintf(kind, sizeof(kind), "%.*s", (int)(colon - name), name);
	id = strtoll(colon + 1, NULL, 10);
	k = kind_find(kind);
	if (k != NULL && k->store == NULL &&
	    ent_get_by_id(ctx, k, id, true, &row, &quiet) == 0) {
		buf_addf(&b, "%s ", k->name);
		ent_row_key(k, row, &b);
		json_decref(row);
	} else if (strcmp(kind, "series") == 0 || strcmp(kind, "archive") == 0 ||
	    strcmp(kind, "notes") == 0) {
		struct stmt *s;
		const char *sql = strcmp(kind, "notes") == 0 ?
		    "SELECT code FROM pi WHERE id = ?" :
		    "SELECT p.code FROM pi_series s JOIN pi p ON p.id = s.pi_id WHERE s.id = ?";

		if (store_prepare(ctx->st, sql, &s, &quiet) == 0) {
			stmt_bind_int(s, 1, id);
			if (stmt_step(s, &quiet) == STORE_ROW)
				buf_addf(&b, "%s of %s", strcmp(kind, "notes") == 0 ? "the notes" :
				    strcmp(kind, "series") == 0 ? "the recent figures" :
				    "the older figures", stmt_text(s, 0));
			stmt_reset(s);
		}
	}
	if (b.len == 0)
		buf_adds(&b, fallback != NULL ? fallback : name);
	buf_addf(&b, " (%s)", name);
	return buf_detach(&b, NULL);
}

static void
differs(struct wm_ctx *ctx, json_t *out, const char *name, const char *what, const json_t *said)
{
	char *label = record_label(ctx, name, json_string_value(json_array_get(said, 2)));

	json_array_append_new(out, json_pack("{s:s, s:s, s:s, s:O?, s:O?}", "record", label,
	    "name", name, "what", what, "entry", json_array_get(said, 1), "entry_of",
	    json_array_get(said, 2)));
	free(label);
}

int
audit_verify_records(struct wm_ctx *ctx, json_t **diffs, int64_t *checked, struct wm_err *err)
{
	json_t *said = json_object(), *now = NULL, *out = json_array(), *v;
	const char *name;
	bool any;
	int rc;

	*diffs = NULL;
	*checked = 0;
	/* the log and the records as of one moment, however others write meanwhile */
	if ((rc = store_begin_read(ctx->st, err)) != 0)
		goto out;
	rc = replay(ctx, said, &any, err);
	if (rc == 0 && any)
		rc = digest_all(ctx, &now, err);
	rc = rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
	if (rc != 0)
		goto out;
	if (!any) {
		rc = wm_error(err, WM_EINVAL, "the audit log holds no record digests: run `waymark "
		    "init` once with this version to record what each record holds now");
		goto out;
	}
	json_object_foreach(now, name, v) {
		const json_t *was = json_object_get(said, name);

		(*checked)++;
		if (was == NULL || json_is_null(json_array_get(was, 0)))
			differs(ctx, out, name, "not in the audit log: added behind Waymark's back",
			    was);
		else if (strcmp(json_string_value(json_array_get(was, 0)), json_string_value(v)) != 0)
			differs(ctx, out, name, "changed since its last audit entry", was);
	}
	json_object_foreach(said, name, v)
		if (!json_is_null(json_array_get(v, 0)) && json_object_get(now, name) == NULL)
			differs(ctx, out, name, "gone, though its last audit entry keeps it", v);
	*diffs = out;
	out = NULL;
out:
	json_decref(said);
	json_decref(now);
	json_decref(out);
	return rc;
}

int
audit_span_begin(struct wm_ctx *ctx, struct audit_span *sp, struct wm_err *err)
{
	char hash[HASH_HEX];
	int64_t id;
	int rc;

	sp->first = 0;
	if ((rc = audit_head(ctx, &id, hash, err)) != 0)
		return rc;
	sp->first = id + 1;
	return 0;
}

int
audit_span_json(struct wm_ctx *ctx, const struct audit_span *sp, json_t **out,
    struct wm_err *err)
{
	char hash[HASH_HEX];
	int64_t id;
	int rc;

	*out = NULL;
	if ((rc = audit_head(ctx, &id, hash, err)) != 0)
		return rc;
	if (sp != NULL && sp->first > 0 && id >= sp->first)
		*out = json_pack("{s:I, s:I, s:I}", "first", (json_int_t)sp->first, "last",
		    (json_int_t)id, "count", (json_int_t)(id - sp->first + 1));
	return 0;
}
