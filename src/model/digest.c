/*
 * digest.c: digests of records, figure blocks and notes (see digest.h).
 *
 * A record's digest is made from the kind's description, not from the
 * table: the fields' columns in field order, each read as its type says
 * (whole numbers, booleans and references as integers, reals as their
 * bits, the rest as text), so SQLite and PostgreSQL give the same digest
 * for the same record. Columns the kinds do not describe are not covered;
 * docs/RELIABILITY.md lists them.
 */
#include "base/wm.h"

#include <openssl/evp.h>

#include "base/buf.h"
#include "base/mem.h"
#include "model/ctx.h"
#include "model/kind.h"
#include "model/digest.h"
#include "model/ent_impl.h"
#include "store/store.h"

void
digest_begin(struct digest *d)
{
	d->md = EVP_MD_CTX_new();
	if (d->md == NULL || EVP_DigestInit_ex(d->md, EVP_sha256(), NULL) != 1)
		abort();
}

static void
put(struct digest *d, const void *p, size_t n)
{
	EVP_DigestUpdate(d->md, p, n);
}

static void
put_u64(struct digest *d, char tag, uint64_t v)
{
	unsigned char b[9];

	b[0] = (unsigned char)tag;
	for (int i = 0; i < 8; i++)
		b[1 + i] = (unsigned char)(v >> (8 * i));
	put(d, b, sizeof(b));
}

void
digest_int(struct digest *d, int64_t v)
{
	put_u64(d, 'i', (uint64_t)v);
}

void
digest_real(struct digest *d, double v)
{
	uint64_t bits;

	memcpy(&bits, &v, sizeof(bits));
	put_u64(d, 'r', bits);
}

void
digest_text(struct digest *d, const char *s)
{
	if (s == NULL) {
		put(d, "n", 1);
		return;
	}
	put_u64(d, 't', strlen(s));
	put(d, s, strlen(s));
}

void
digest_blob(struct digest *d, const void *p, size_t n)
{
	put_u64(d, 'b', p != NULL ? n : 0);
	if (p != NULL && n > 0)
		put(d, p, n);
}

void
digest_end(struct digest *d, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	unsigned char h[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	EVP_DigestFinal_ex(d->md, h, &n);
	EVP_MD_CTX_free(d->md);
	d->md = NULL;
	for (int i = 0; i < (DIGEST_HEX - 1) / 2; i++) {
		hex[2 * i] = digits[h[i] >> 4];
		hex[2 * i + 1] = digits[h[i] & 15];
	}
	hex[DIGEST_HEX - 1] = '\0';
}

void
digest_series_row(const struct digest_series *r, char *hex)
{
	const int64_t meta[] = { r->id, r->pi_id, r->kind, r->first, r->nperiods, r->nunits,
		r->counts, r->recent, r->layout, r->version };
	struct digest d;

	digest_begin(&d);
	digest_text(&d, "series");
	for (size_t i = 0; i < WM_ARRAY_LEN(meta); i++)
		digest_int(&d, meta[i]);
	for (size_t i = 0; i < WM_ARRAY_LEN(r->blob); i++)
		digest_blob(&d, r->blob[i], r->len[i]);
	digest_end(&d, hex);
}

void
digest_archive_row(int64_t id, const void *block, size_t len, char *hex)
{
	struct digest d;

	digest_begin(&d);
	digest_text(&d, "archive");
	digest_int(&d, id);
	digest_blob(&d, block, len);
	digest_end(&d, hex);
}

void
digest_name(char *out, size_t size, const char *what, int64_t id)
{
	snprintf(out, size, "%s:%lld", what, (long long)id);
}

/* Kinds whose records are rows of their own table, each digested by itself. */
static bool
digested(const struct kind *k)
{
	return !(k->flags & KF_VIEW) && k->store == NULL && k->table != NULL;
}

/* "SELECT t.id, t.version, <columns> FROM table t" for k's digest. */
static void
record_sql(const struct kind *k, struct buf *sql)
{
	buf_adds(sql, "SELECT t.id, t.version");
	FOR_FIELDS(k, f) {
		if (f->type == FT_TIMESCALE)
			for (size_t i = 0; i < TS_NCOLS; i++)
				buf_addf(sql, ", t.%s", ts_cols[i]);
		else if (has_column(f))
			buf_addf(sql, ", t.%s", f->col);
	}
	buf_addf(sql, " FROM %s t", k->table);
}

static void
column(struct digest *d, struct stmt *s, int col, enum ftype type)
{
	if (stmt_is_null(s, col))
		put(d, "n", 1);
	else if (type == FT_INT || type == FT_BOOL || type == FT_REF)
		digest_int(d, stmt_int(s, col));
	else if (type == FT_REAL)
		digest_real(d, stmt_double(s, col));
	else
		digest_text(d, stmt_text(s, col));
}

/* The row s is on, and then its links: the digest of one record. */
static int
record_digest(struct wm_ctx *ctx, const struct kind *k, struct stmt *s, char *hex,
    struct wm_err *err)
{
	int64_t id = stmt_int(s, 0);
	struct digest d;
	int col = 2, rc = 0;

	digest_begin(&d);
	digest_text(&d, k->name);
	digest_int(&d, id);
	digest_int(&d, stmt_int(s, 1));
	FOR_FIELDS(k, f) {
		if (f->type == FT_TIMESCALE) {
			for (int i = 0; i < (int)TS_NCOLS; i++)
				column(&d, s, col++, i < 3 ? FT_TEXT : FT_INT);
		} else if (has_column(f)) {
			column(&d, s, col++, f->type);
		}
	}
	FOR_FIELDS(k, f) {
		struct buf sql = BUF_INIT;
		struct stmt *ls;

		if (f->type != FT_LINKS)
			continue;
		buf_addf(&sql, "SELECT %s FROM %s WHERE %s = ? ORDER BY seq, %s", f->link_other,
		    f->link_table, f->link_self, f->link_other);
		rc = store_prepare(ctx->st, buf_str(&sql), &ls, err);
		buf_release(&sql);
		if (rc != 0)
			break;
		stmt_bind_int(ls, 1, id);
		digest_text(&d, f->name);
		while ((rc = stmt_step(ls, err)) == STORE_ROW)
			digest_int(&d, stmt_int(ls, 0));
		if (rc < 0)
			break;
		rc = 0;
	}
	digest_end(&d, hex);
	return rc;
}

int
digest_record(struct wm_ctx *ctx, const struct kind *k, int64_t id, json_t *state,
    struct wm_err *err)
{
	struct buf sql = BUF_INIT;
	char name[96], hex[DIGEST_HEX];
	struct stmt *s;
	int rc;

	k = kind_base(k);
	digest_name(name, sizeof(name), k->name, id);
	record_sql(k, &sql);
	buf_adds(&sql, " WHERE t.id = ?");
	rc = store_prepare(ctx->st, buf_str(&sql), &s, err);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	if ((rc = stmt_step(s, err)) != STORE_ROW) {
		stmt_reset(s);
		if (rc < 0)
			return rc;
		json_object_set_new(state, name, json_null());
		return 0;
	}
	/* the row's columns are read before the link queries use the connection */
	rc = record_digest(ctx, k, s, hex, err);
	stmt_reset(s);
	if (rc == 0)
		json_object_set_new(state, name, json_string(hex));
	return rc;
}

/* Every note of one indicator, in a fixed order. */
static int
notes_digest(struct wm_ctx *ctx, int64_t pi_id, char *hex, bool *any, struct wm_err *err)
{
	struct digest d;
	struct stmt *s;
	int rc;

	*any = false;
	rc = store_prepare(ctx->st, "SELECT unit_id, period, note FROM measurement_note"
	    " WHERE pi_id = ? ORDER BY unit_id, period", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, pi_id);
	digest_begin(&d);
	digest_text(&d, "notes");
	digest_int(&d, pi_id);
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		*any = true;
		digest_int(&d, stmt_int(s, 0));
		digest_text(&d, stmt_text(s, 1));
		digest_text(&d, stmt_text(s, 2));
	}
	digest_end(&d, hex);
	return rc < 0 ? rc : 0;
}

int
digest_notes(struct wm_ctx *ctx, int64_t pi_id, json_t *state, struct wm_err *err)
{
	char name[64], hex[DIGEST_HEX];
	bool any;
	int rc;

	digest_name(name, sizeof(name), "notes", pi_id);
	if ((rc = notes_digest(ctx, pi_id, hex, &any, err)) != 0)
		return rc;
	json_object_set_new(state, name, any ? json_string(hex) : json_null());
	return 0;
}

/* Every row of k. The ids are read first: a record's links need the connection. */
static int
all_records(struct wm_ctx *ctx, const struct kind *k, json_t *state, struct wm_err *err)
{
	struct buf sql = BUF_INIT;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	struct stmt *s;
	bool links = false;
	int rc;

	FOR_FIELDS(k, f)
		links = links || f->type == FT_LINKS;
	record_sql(k, &sql);
	buf_adds(&sql, " ORDER BY t.id");
	rc = store_prepare(ctx->st, buf_str(&sql), &s, err);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		char name[96], hex[DIGEST_HEX];

		if (links) {
			WM_GROW(ids, n + 1, cap);
			ids[n++] = stmt_int(s, 0);
			continue;
		}
		digest_name(name, sizeof(name), k->name, stmt_int(s, 0));
		if ((rc = record_digest(ctx, k, s, hex, err)) != 0) {
			stmt_reset(s);
			break;
		}
		json_object_set_new(state, name, json_string(hex));
	}
	for (size_t i = 0; rc == STORE_DONE && i < n; i++)
		if ((rc = digest_record(ctx, k, ids[i], state, err)) == 0)
			rc = STORE_DONE;
	free(ids);
	return rc < 0 ? rc : 0;
}

static int
all_series(struct wm_ctx *ctx, json_t *state, struct wm_err *err)
{
	struct stmt *s;
	int64_t *pis = NULL;
	size_t npis = 0, cap = 0;
	int rc;

	rc = store_prepare(ctx->st, "SELECT id, pi_id, period_kind, first_index, nperiods, nunits,"
	    " counts, recent, layout, version, block, value, flag, num, den FROM pi_series"
	    " ORDER BY id", &s, err);
	if (rc != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		struct digest_series r;
		char name[64], hex[DIGEST_HEX];

		r.id = stmt_int(s, 0);
		r.pi_id = stmt_int(s, 1);
		r.kind = stmt_int(s, 2);
		r.first = stmt_int(s, 3);
		r.nperiods = stmt_int(s, 4);
		r.nunits = stmt_int(s, 5);
		r.counts = stmt_int(s, 6);
		r.recent = stmt_int(s, 7);
		r.layout = stmt_int(s, 8);
		r.version = stmt_int(s, 9);
		for (int i = 0; i < 5; i++)
			r.blob[i] = stmt_blob(s, 10 + i, &r.len[i]);
		digest_series_row(&r, hex);
		digest_name(name, sizeof(name), "series", r.id);
		json_object_set_new(state, name, json_string(hex));
	}
	if (rc < 0)
		return rc;
	rc = store_prepare(ctx->st, "SELECT id, block FROM pi_archive ORDER BY id", &s, err);
	if (rc != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		char name[64], hex[DIGEST_HEX];
		size_t len;
		const void *b = stmt_blob(s, 1, &len);

		digest_archive_row(stmt_int(s, 0), b, len, hex);
		digest_name(name, sizeof(name), "archive", stmt_int(s, 0));
		json_object_set_new(state, name, json_string(hex));
	}
	if (rc < 0)
		return rc;
	rc = store_prepare(ctx->st, "SELECT DISTINCT pi_id FROM measurement_note ORDER BY pi_id",
	    &s, err);
	if (rc != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		WM_GROW(pis, npis + 1, cap);
		pis[npis++] = stmt_int(s, 0);
	}
	for (size_t i = 0; rc == STORE_DONE && i < npis; i++)
		if ((rc = digest_notes(ctx, pis[i], state, err)) == 0)
			rc = STORE_DONE;
	free(pis);
	return rc < 0 ? rc : 0;
}

int
digest_all(struct wm_ctx *ctx, json_t **out, struct wm_err *err)
{
	json_t *state = json_object();
	int rc = 0;

	*out = NULL;
	for (const struct kind *k = kinds; k->name != NULL && rc == 0; k++)
		if (digested(k))
			rc = all_records(ctx, k, state, err);
	if (rc == 0)
		rc = all_series(ctx, state, err);
	if (rc != 0) {
		json_decref(state);
		return rc;
	}
	*out = state;
	return 0;
}
