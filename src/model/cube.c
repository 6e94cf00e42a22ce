/*
 * cube.c: storing and loading indicators' figures as arrays.
 *
 * Arrays are stored as little-endian IEEE doubles and bytes, so a
 * database copied between machines reads the same. A slice of periods is
 * read with store_blob_read(): for a report on the latest month of ten
 * years of figures, only the last rows' bytes leave the database.
 */
#include "base/wm.h"

#include <math.h>

#include "base/mem.h"
#include "model/cube.h"
#include "store/store.h"

void
cube_init(struct cube *c, int64_t pi_id, enum period_kind kind)
{
	memset(c, 0, sizeof(*c));
	c->pi_id = pi_id;
	c->kind = kind;
}

void
cube_release(struct cube *c)
{
	free(c->units);
	free(c->value);
	free(c->num);
	free(c->den);
	free(c->flag);
	cube_init(c, c->pi_id, c->kind);
}

/*
 * Re-lay the arrays with room for caprows rows (the first at row0) and
 * stride columns, keeping what they hold. Growth is geometric, so building
 * a cube a figure at a time costs amortised constant time per figure.
 */
static void
relay(struct cube *c, int caprows, int row0, size_t stride)
{
	size_t cells = (size_t)caprows * stride;
	double *v = wm_calloc(cells ? cells : 1, sizeof(*v));
	double *n = c->num ? wm_calloc(cells ? cells : 1, sizeof(*n)) : NULL;
	double *d = c->den ? wm_calloc(cells ? cells : 1, sizeof(*d)) : NULL;
	uint8_t *f = wm_calloc(cells ? cells : 1, 1);

	for (int r = 0; r < c->nperiods; r++)
		for (size_t u = 0; u < c->nunits; u++) {
			size_t from = cube_cell(c, r, (long)u);
			size_t to = (size_t)(row0 + r) * stride + u;

			v[to] = c->value[from];
			f[to] = c->flag[from];
			if (n) {
				n[to] = c->num[from];
				d[to] = c->den[from];
			}
		}
	free(c->value);
	free(c->num);
	free(c->den);
	free(c->flag);
	c->value = v;
	c->num = n;
	c->den = d;
	c->flag = f;
	c->caprows = caprows;
	c->row0 = row0;
	c->stride = stride;
}

long
cube_col(struct cube *c, int64_t unit_id, bool create)
{
	for (size_t u = 0; u < c->nunits; u++)
		if (c->units[u] == unit_id)
			return (long)u;
	if (!create)
		return -1;
	c->units = wm_reallocarray(c->units, c->nunits + 1, sizeof(*c->units));
	c->units[c->nunits] = unit_id;
	if (c->nunits + 1 > c->stride)
		relay(c, c->caprows, c->row0, c->stride ? c->stride * 2 : 16);
	c->nunits++;
	return (long)c->nunits - 1;
}

long
cube_row(struct cube *c, int index, bool create)
{
	int before, after, cap;

	if (c->nperiods > 0 && index >= c->first && index < c->first + c->nperiods)
		return index - c->first;
	if (!create)
		return -1;
	if (c->stride == 0)
		relay(c, c->caprows, c->row0, 16);
	if (c->nperiods == 0) {
		if (c->caprows == 0)
			relay(c, 16, 8, c->stride);
		c->first = index;
		c->nperiods = 1;
		return 0;
	}
	/* room needed before row 0 and after the last row */
	before = index < c->first ? c->first - index : 0;
	after = index >= c->first + c->nperiods ? index - (c->first + c->nperiods) + 1 : 0;
	if (c->row0 < before || c->row0 + c->nperiods + after > c->caprows) {
		cap = c->caprows ? c->caprows : 16;
		while (cap < c->nperiods + before + after + 2)
			cap *= 2;
		cap *= 2;
		/* keep a quarter free in front: figures mostly arrive in time order */
		relay(c, cap, before + (cap - c->nperiods - before - after) / 4, c->stride);
	}
	if (before > 0) {
		c->row0 -= before;
		c->first = index;
		c->nperiods += before;
		return 0;
	}
	c->nperiods += after;
	return index - c->first;
}

void
cube_want_counts(struct cube *c)
{
	size_t cells = (size_t)c->caprows * c->stride;

	if (c->num != NULL)
		return;
	c->num = wm_calloc(cells ? cells : 1, sizeof(*c->num));
	c->den = wm_calloc(cells ? cells : 1, sizeof(*c->den));
}

static void
put_f64(unsigned char *out, double v)
{
	uint64_t bits;

	memcpy(&bits, &v, sizeof(bits));
	for (int i = 0; i < 8; i++)
		out[i] = (unsigned char)(bits >> (8 * i));
}

static double
get_f64(const unsigned char *in)
{
	uint64_t bits = 0;
	double v;

	for (int i = 0; i < 8; i++)
		bits |= (uint64_t)in[i] << (8 * i);
	memcpy(&v, &bits, sizeof(v));
	return v;
}

/* The array packed row by row, as stored. */
static unsigned char *
encode(const struct cube *c, const double *a)
{
	size_t cells = (size_t)c->nperiods * c->nunits, k = 0;
	unsigned char *out = wm_malloc(cells * 8 + 1);

	for (int r = 0; r < c->nperiods; r++)
		for (size_t u = 0; u < c->nunits; u++)
			put_f64(out + 8 * k++, a[cube_cell(c, r, (long)u)]);
	return out;
}

static unsigned char *
encode_flags(const struct cube *c)
{
	size_t k = 0;
	unsigned char *out = wm_malloc((size_t)c->nperiods * c->nunits + 1);

	for (int r = 0; r < c->nperiods; r++)
		for (size_t u = 0; u < c->nunits; u++)
			out[k++] = c->flag[cube_cell(c, r, (long)u)];
	return out;
}

static void
decode(const unsigned char *in, size_t n, double *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = get_f64(in + i * 8);
}

int
cube_kinds(struct wm_ctx *ctx, int64_t pi_id, unsigned *kinds, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	*kinds = 0;
	rc = store_prepare(ctx->st, "SELECT period_kind FROM pi_series WHERE pi_id = ?", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, pi_id);
	while ((rc = stmt_step(s, err)) == STORE_ROW)
		*kinds |= 1u << stmt_int(s, 0);
	return rc < 0 ? rc : 0;
}

int
cube_range(struct wm_ctx *ctx, int64_t pi_id, enum period_kind kind, int *first, int *last,
    struct wm_err *err)
{
	struct stmt *s;
	int rc;

	*first = 1;
	*last = 0;
	rc = store_prepare(ctx->st, "SELECT first_index, nperiods FROM pi_series"
	    " WHERE pi_id = ? AND period_kind = ?", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, pi_id);
	stmt_bind_int(s, 2, kind);
	if ((rc = stmt_step(s, err)) == STORE_ROW) {
		*first = (int)stmt_int(s, 0);
		*last = *first + (int)stmt_int(s, 1) - 1;
	}
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

static int
load_units(struct wm_ctx *ctx, struct cube *c, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	c->units = wm_calloc(c->nunits ? c->nunits : 1, sizeof(*c->units));
	rc = store_prepare(ctx->st, "SELECT unit_id, pos FROM series_unit WHERE series_id = ?",
	    &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, c->id);
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		int64_t pos = stmt_int(s, 1);

		if (pos < 0 || (size_t)pos >= c->nunits) {
			stmt_reset(s);
			return wm_error(err, WM_EDB, "stored figures are damaged: unit column %lld of %zu",
			    (long long)pos, c->nunits);
		}
		c->units[pos] = stmt_int(s, 0);
	}
	return rc < 0 ? rc : 0;
}

/* Read rows [r0, r0 + nr) of one array column into out. */
static int
read_slice(struct wm_ctx *ctx, const struct cube *c, const char *column, size_t width, int r0,
    int nr, void *out, struct wm_err *err)
{
	size_t row = c->nunits * width;

	return store_blob_read(ctx->st, "pi_series", column, c->id, (size_t)r0 * row, out,
	    (size_t)nr * row, err);
}

int
cube_load(struct wm_ctx *ctx, int64_t pi_id, enum period_kind kind, int from, int to,
    struct cube *c, struct wm_err *err)
{
	struct stmt *s;
	int stored_first, stored_n, r0, nr, rc;
	bool counts;
	unsigned char *raw = NULL;
	size_t cells;

	cube_init(c, pi_id, kind);
	rc = store_prepare(ctx->st, "SELECT id, first_index, nperiods, nunits, num IS NOT NULL, version"
	    " FROM pi_series WHERE pi_id = ? AND period_kind = ?", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, pi_id);
	stmt_bind_int(s, 2, kind);
	if ((rc = stmt_step(s, err)) != STORE_ROW) {
		stmt_reset(s);
		return rc < 0 ? rc : 0;
	}
	c->id = stmt_int(s, 0);
	stored_first = (int)stmt_int(s, 1);
	stored_n = (int)stmt_int(s, 2);
	c->nunits = (size_t)stmt_int(s, 3);
	counts = stmt_int(s, 4) != 0;
	c->version = stmt_int(s, 5);
	stmt_reset(s);
	if ((rc = load_units(ctx, c, err)) != 0)
		goto fail;
	/* clip [from, to] to what is stored */
	if (from < stored_first)
		from = stored_first;
	if (to > stored_first + stored_n - 1)
		to = stored_first + stored_n - 1;
	if (from > to || c->nunits == 0) {
		c->first = from;
		c->nperiods = 0;
		c->stride = c->nunits;
		return 0;
	}
	r0 = from - stored_first;
	nr = to - from + 1;
	cells = (size_t)nr * c->nunits;
	c->first = from;
	c->nperiods = nr;
	c->caprows = nr;
	c->row0 = 0;
	c->stride = c->nunits;
	c->value = wm_malloc(cells * sizeof(double));
	c->flag = wm_malloc(cells);
	raw = wm_malloc(cells * 8);
	if ((rc = read_slice(ctx, c, "value", 8, r0, nr, raw, err)) != 0)
		goto fail;
	decode(raw, cells, c->value);
	if ((rc = read_slice(ctx, c, "flag", 1, r0, nr, c->flag, err)) != 0)
		goto fail;
	if (counts) {
		c->num = wm_malloc(cells * sizeof(double));
		c->den = wm_malloc(cells * sizeof(double));
		if ((rc = read_slice(ctx, c, "num", 8, r0, nr, raw, err)) != 0)
			goto fail;
		decode(raw, cells, c->num);
		if ((rc = read_slice(ctx, c, "den", 8, r0, nr, raw, err)) != 0)
			goto fail;
		decode(raw, cells, c->den);
	}
	free(raw);
	return 0;
fail:
	free(raw);
	cube_release(c);
	return rc;
}

int
cube_store(struct wm_ctx *ctx, struct cube *c, struct wm_err *err)
{
	size_t cells = (size_t)c->nperiods * c->nunits;
	unsigned char *v = encode(c, c->value);
	unsigned char *n = c->num ? encode(c, c->num) : NULL;
	unsigned char *d = c->den ? encode(c, c->den) : NULL;
	unsigned char *f = encode_flags(c);
	struct stmt *s;
	int rc;

	if ((rc = store_begin(ctx->st, err)) != 0)
		goto out;
	if (c->id == 0) {
		rc = store_prepare(ctx->st, "INSERT INTO pi_series (pi_id, period_kind, first_index,"
		    " nperiods, nunits, value, num, den, flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
		    " RETURNING id, version", &s, err);
	} else {
		rc = store_prepare(ctx->st, "UPDATE pi_series SET pi_id = ?, period_kind = ?,"
		    " first_index = ?, nperiods = ?, nunits = ?, value = ?, num = ?, den = ?, flag = ?,"
		    " version = version + 1 WHERE id = ? RETURNING id, version", &s, err);
	}
	if (rc != 0)
		goto fail;
	stmt_bind_int(s, 1, c->pi_id);
	stmt_bind_int(s, 2, c->kind);
	stmt_bind_int(s, 3, c->first);
	stmt_bind_int(s, 4, c->nperiods);
	stmt_bind_int(s, 5, (int64_t)c->nunits);
	stmt_bind_blob(s, 6, v, cells * 8);
	stmt_bind_blob(s, 7, n, cells * 8);
	stmt_bind_blob(s, 8, d, cells * 8);
	stmt_bind_blob(s, 9, f, cells);
	if (c->id != 0)
		stmt_bind_int(s, 10, c->id);
	if ((rc = stmt_step(s, err)) != STORE_ROW) {
		stmt_reset(s);
		rc = rc < 0 ? rc : wm_error(err, WM_EINTERNAL, "storing figures returned no row");
		goto fail;
	}
	c->id = stmt_int(s, 0);
	c->version = stmt_int(s, 1);
	stmt_reset(s);
	/* the unit columns, in order */
	if ((rc = store_prepare(ctx->st, "DELETE FROM series_unit WHERE series_id = ?", &s, err)) != 0)
		goto fail;
	stmt_bind_int(s, 1, c->id);
	if ((rc = stmt_exec(s, err)) != 0)
		goto fail;
	for (size_t u = 0; u < c->nunits; u++) {
		rc = store_prepare(ctx->st, "INSERT INTO series_unit (series_id, unit_id, pos)"
		    " VALUES (?, ?, ?)", &s, err);
		if (rc != 0)
			goto fail;
		stmt_bind_int(s, 1, c->id);
		stmt_bind_int(s, 2, c->units[u]);
		stmt_bind_int(s, 3, (int64_t)u);
		if ((rc = stmt_exec(s, err)) != 0)
			goto fail;
	}
	rc = store_commit(ctx->st, err);
	goto out;
fail:
	store_rollback(ctx->st, rc);
out:
	free(v);
	free(n);
	free(d);
	free(f);
	return rc;
}

static const char *const flag_names[] = { "none", "actual", "estimate", "provisional",
	"not_available" };

const char *
cube_flag_name(enum cube_flag f)
{
	return (size_t)f < WM_ARRAY_LEN(flag_names) ? flag_names[f] : "none";
}

int
cube_flag_parse(const char *name, enum cube_flag *f)
{
	for (size_t i = 1; i < WM_ARRAY_LEN(flag_names); i++)
		if (strcasecmp(name, flag_names[i]) == 0) {
			*f = (enum cube_flag)i;
			return 0;
		}
	if (strcasecmp(name, "not available") == 0 || strcasecmp(name, "n/a") == 0) {
		*f = CF_NOT_AVAILABLE;
		return 0;
	}
	return WM_EINVAL;
}
