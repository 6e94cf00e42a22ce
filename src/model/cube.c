/*
 * cube.c: storing and loading indicators' figures as arrays.
 *
 * Numbers are stored as little-endian IEEE doubles and bytes, so a
 * database copied between machines reads the same. A series is one block
 * (layout 2, migration 008): the unit ids, then the periods newest first.
 * A slice of periods is read with store_blob_read(), so a report on the
 * latest month of ten years of figures reads the block's first kilobytes.
 * Layout 1 (four arrays oldest first) is still read, for databases not yet
 * rewritten by cube_relayout().
 */
#include "base/wm.h"

#include <limits.h>
#include <math.h>

#include "base/mem.h"
#include "model/cube.h"
#include "model/digest.h"
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
	if (c->last_col < c->nunits && c->units[c->last_col] == unit_id)
		return (long)c->last_col;
	for (size_t u = 0; u < c->nunits; u++)
		if (c->units[u] == unit_id)
			return (long)(c->last_col = u);
	if (!create)
		return -1;
	c->units = wm_reallocarray(c->units, c->nunits + 1, sizeof(*c->units));
	c->units[c->nunits] = unit_id;
	if (c->nunits + 1 > c->stride)
		relay(c, c->caprows, c->row0, c->stride ? c->stride * 2 : 16);
	c->last_col = c->nunits++;
	return (long)c->last_col;
}

void
cube_drop_unit(struct cube *c, int64_t unit_id)
{
	long col = cube_col(c, unit_id, false);

	if (col < 0)
		return;
	for (long r = 0; r < c->nperiods; r++)
		for (size_t u = (size_t)col; u + 1 < c->nunits; u++) {
			size_t to = cube_cell(c, r, (long)u), from = to + 1;

			c->value[to] = c->value[from];
			c->flag[to] = c->flag[from];
			if (c->num != NULL) {
				c->num[to] = c->num[from];
				c->den[to] = c->den[from];
			}
		}
	memmove(c->units + col, c->units + col + 1, (c->nunits - (size_t)col - 1) * sizeof(*c->units));
	c->nunits--;
	c->last_col = 0;
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

/* The block stores numbers little-endian: on such a machine, the doubles' own bytes. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define STORED_ORDER_IS_NATIVE 1
#else
#define STORED_ORDER_IS_NATIVE 0
#endif

#if !STORED_ORDER_IS_NATIVE
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
#endif

/*
 * n doubles stored little-endian. On a little-endian machine that is the
 * doubles' own bytes: one copy, not eight shifts a value (a report
 * decodes 13 months of every unit of every indicator).
 */
static void
decode(const unsigned char *in, size_t n, double *out)
{
#if STORED_ORDER_IS_NATIVE
	memcpy(out, in, n * sizeof(*out));
#else
	for (size_t i = 0; i < n; i++)
		out[i] = get_f64(in + i * 8);
#endif
}

static void
put_i64(unsigned char *out, int64_t v)
{
	for (int i = 0; i < 8; i++)
		out[i] = (unsigned char)((uint64_t)v >> (8 * i));
}

static int64_t
get_i64(const unsigned char *in)
{
	uint64_t bits = 0;

	for (int i = 0; i < 8; i++)
		bits |= (uint64_t)in[i] << (8 * i);
	return (int64_t)bits;
}

/* Bytes of one period in a layout 2 block: values, then counts, then flags. */
static size_t
row_bytes(size_t nunits, bool counts)
{
	return nunits * (8 + (counts ? 16 : 0) + 1);
}

/*
 * Periods k0 .. k1 - 1 counted from the newest, as stored in layout 2,
 * after the unit ids if with_units.
 */
static unsigned char *
encode_rows(const struct cube *c, int k0, int k1, bool with_units, size_t *len)
{
	size_t nu = c->nunits, rb = row_bytes(nu, c->num != NULL);
	size_t head = with_units ? nu * 8 : 0;
	unsigned char *out, *p;

	*len = head + (size_t)(k1 - k0) * rb;
	out = wm_malloc(*len + 1);
	for (size_t u = 0; u < nu && with_units; u++)
		put_i64(out + 8 * u, c->units[u]);
	p = out + head;
	for (int k = k0; k < k1; k++) {
		size_t cell = cube_cell(c, c->nperiods - 1 - k, 0);

		for (size_t u = 0; u < nu; u++, p += 8)
			put_f64(p, c->value[cell + u]);
		if (c->num != NULL) {
			for (size_t u = 0; u < nu; u++, p += 8)
				put_f64(p, c->num[cell + u]);
			for (size_t u = 0; u < nu; u++, p += 8)
				put_f64(p, c->den[cell + u]);
		}
		memcpy(p, c->flag + cell, nu);
		p += nu;
	}
	return out;
}

/* Row r of the cube (packed) from one period of a layout 2 block. */
static void
decode_row(struct cube *c, int r, const unsigned char *p)
{
	size_t nu = c->nunits, cell = (size_t)r * nu;

	decode(p, nu, c->value + cell);
	p += nu * 8;
	if (c->num != NULL) {
		decode(p, nu, c->num + cell);
		p += nu * 8;
		decode(p, nu, c->den + cell);
		p += nu * 8;
	}
	memcpy(c->flag + cell, p, nu);
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
	if (rc < 0)
		return rc;
	/*
	 * The public's series ends at its last figure they may see: where the
	 * indicator has figures awaiting approval, the range is the one a
	 * load for them leaves (cube_load).
	 */
	if (ctx->role == ROLE_PUBLIC && *first <= *last) {
		bool pending = false;

		rc = store_prepare(ctx->st, "SELECT 1 FROM figure_review WHERE pi_id = ? LIMIT 1", &s,
		    err);
		if (rc != 0)
			return rc;
		stmt_bind_int(s, 1, pi_id);
		rc = stmt_step(s, err);
		pending = rc == STORE_ROW;
		stmt_reset(s);
		if (rc < 0)
			return rc;
		if (pending) {
			struct cube c;

			if ((rc = cube_load(ctx, pi_id, kind, *first, *last, &c, err)) != 0)
				return rc;
			*first = c.first;
			*last = c.first + c.nperiods - 1;
			cube_release(&c);
		}
	}
	return 0;
}

static int
damaged(struct wm_err *err, const struct cube *c, const char *what)
{
	return wm_error(err, WM_EDB, "stored figures of series %lld are damaged: %s",
	    (long long)c->id, what);
}

/* Layout 1: the units' order as rows of series_unit. */
static int
load_units(struct wm_ctx *ctx, struct cube *c, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	rc = store_prepare(ctx->st, "SELECT unit_id, pos FROM series_unit WHERE series_id = ?",
	    &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, c->id);
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		int64_t pos = stmt_int(s, 1);

		if (pos < 0 || (size_t)pos >= c->nunits) {
			stmt_reset(s);
			return damaged(err, c, "a unit column out of range");
		}
		c->units[pos] = stmt_int(s, 0);
	}
	return rc < 0 ? rc : 0;
}

/* Layout 1: rows [r0, r0 + nr) of one array column, oldest first. */
static int
read_slice(struct wm_ctx *ctx, const struct cube *c, const char *column, size_t width, int r0,
    int nr, void *out, struct wm_err *err)
{
	size_t row = c->nunits * width;

	return store_blob_read(ctx->st, "pi_series", column, c->id, (size_t)r0 * row, out,
	    (size_t)nr * row, err);
}

static int
load_layout1(struct wm_ctx *ctx, struct cube *c, int r0, struct wm_err *err)
{
	size_t cells = (size_t)c->nperiods * c->nunits;
	unsigned char *raw = wm_malloc(cells * 8 + 1);
	int nr = c->nperiods, rc;

	if ((rc = load_units(ctx, c, err)) != 0 ||
	    (rc = read_slice(ctx, c, "value", 8, r0, nr, raw, err)) != 0)
		goto out;
	decode(raw, cells, c->value);
	if ((rc = read_slice(ctx, c, "flag", 1, r0, nr, c->flag, err)) != 0)
		goto out;
	if (c->num != NULL) {
		if ((rc = read_slice(ctx, c, "num", 8, r0, nr, raw, err)) != 0)
			goto out;
		decode(raw, cells, c->num);
		if ((rc = read_slice(ctx, c, "den", 8, r0, nr, raw, err)) != 0)
			goto out;
		decode(raw, cells, c->den);
	}
out:
	free(raw);
	return rc;
}

/* Layout 2: only the unit ids at the block's head. */
static int
block_units(struct wm_ctx *ctx, struct cube *c, struct wm_err *err)
{
	unsigned char *raw = wm_malloc(c->nunits * 8 + 1);
	int rc = store_blob_read(ctx->st, "pi_series", "block", c->id, 0, raw, c->nunits * 8, err);

	for (size_t u = 0; rc == 0 && u < c->nunits; u++)
		c->units[u] = get_i64(raw + 8 * u);
	free(raw);
	return rc;
}

/*
 * Layout 2: the unit ids, then periods k0 .. k0 + nperiods - 1 counted
 * from the newest: the first `recent` periods from the series row, the
 * rest from its archive. When the periods wanted are near the front, one
 * read takes the unit ids and them.
 */
static int
load_layout2(struct wm_ctx *ctx, struct cube *c, int k0, int recent, struct wm_err *err)
{
	size_t head = c->nunits * 8, rb = row_bytes(c->nunits, c->num != NULL);
	int k1 = k0 + c->nperiods, hot_end = k1 < recent ? k1 : recent;
	int cold_from = k0 > recent ? k0 : recent;
	size_t skip = k0 < hot_end ? (size_t)k0 * rb : 0;
	size_t hot = k0 < hot_end ? (size_t)(hot_end - k0) * rb : 0;
	bool one = skip <= 16384;
	unsigned char *raw = wm_malloc(head + (one ? skip : 0) + (size_t)c->nperiods * rb + 1);
	unsigned char *rows = raw + head + (one ? skip : 0);
	int rc;

	if (one) {
		rc = store_blob_read(ctx->st, "pi_series", "block", c->id, 0, raw, head + skip + hot,
		    err);
	} else {
		rc = store_blob_read(ctx->st, "pi_series", "block", c->id, 0, raw, head, err);
		if (rc == 0)
			rc = store_blob_read(ctx->st, "pi_series", "block", c->id, head + skip, rows,
			    hot, err);
	}
	if (rc == 0 && cold_from < k1)
		rc = store_blob_read(ctx->st, "pi_archive", "block", c->id,
		    (size_t)(cold_from - recent) * rb, rows + hot, (size_t)(k1 - cold_from) * rb, err);
	if (rc != 0)
		goto out;
	for (size_t u = 0; u < c->nunits; u++)
		c->units[u] = get_i64(raw + 8 * u);
	/* newest first as stored, oldest first in the cube */
	for (int i = 0; i < c->nperiods; i++)
		decode_row(c, c->nperiods - 1 - i, rows + (size_t)i * rb);
out:
	free(raw);
	return rc;
}

/*
 * How many figures the archive a partial cube leaves unread holds, so that
 * the series row it rewrites still counts them; -1 when the row has no
 * count yet (rows from before schema 15, until `waymark init`). A
 * statement of its own: only a writer of the recent part asks, and a
 * column stored after the block costs SQLite a walk along it.
 */
static int
archive_count(struct wm_ctx *ctx, struct cube *c, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	c->archived_figures = -1;
	rc = store_prepare(ctx->st, "SELECT archive_figures FROM pi_series"
	    " WHERE pi_id = ? AND period_kind = ? AND figures IS NOT NULL", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, c->pi_id);
	stmt_bind_int(s, 2, c->kind);
	if ((rc = stmt_step(s, err)) == STORE_ROW && !stmt_is_null(s, 0))
		c->archived_figures = stmt_int(s, 0);
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

/* Periods [from, to] of the series, or with recent_only its recent part (see cube.h). */
static int
load(struct wm_ctx *ctx, int64_t pi_id, enum period_kind kind, int from, int to,
    bool recent_only, struct cube *c, struct wm_err *err)
{
	struct stmt *s;
	int stored_first, stored_n, layout, recent, rc;
	bool counts;
	size_t cells;

	cube_init(c, pi_id, kind);
	rc = store_prepare(ctx->st, "SELECT id, first_index, nperiods, nunits, layout, counts,"
	    " num IS NOT NULL, version, recent FROM pi_series WHERE pi_id = ? AND period_kind = ?",
	    &s, err);
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
	layout = (int)stmt_int(s, 4);
	counts = layout == 1 ? stmt_int(s, 6) != 0 : stmt_int(s, 5) != 0;
	c->version = stmt_int(s, 7);
	recent = (int)stmt_int(s, 8);
	stmt_reset(s);
	if (layout != 1 && layout != 2) {
		rc = damaged(err, c, "an unknown layout");
		goto fail;
	}
	c->units = wm_calloc(c->nunits ? c->nunits : 1, sizeof(*c->units));
	c->stored_nunits = c->nunits;
	c->stored_counts = counts;
	if (recent_only && layout == 2 && recent < stored_n) {
		from = stored_first + stored_n - recent;
		c->partial = true;
		c->archived = stored_n - recent;
		if ((rc = archive_count(ctx, c, err)) != 0)
			goto fail;
	}
	/* clip [from, to] to what is stored */
	if (from < stored_first)
		from = stored_first;
	if (to > stored_first + stored_n - 1)
		to = stored_first + stored_n - 1;
	c->first = from;
	c->stride = c->nunits;
	if (from > to || c->nunits == 0) {
		c->nperiods = 0;
		/* the units are wanted even when no period is */
		if (c->nunits > 0)
			rc = layout == 1 ? load_units(ctx, c, err) : block_units(ctx, c, err);
		if (rc != 0)
			goto fail;
		return 0;
	}
	c->nperiods = to - from + 1;
	c->caprows = c->nperiods;
	c->row0 = 0;
	cells = (size_t)c->nperiods * c->nunits;
	c->value = wm_malloc(cells * sizeof(double));
	c->flag = wm_malloc(cells);
	if (counts) {
		c->num = wm_malloc(cells * sizeof(double));
		c->den = wm_malloc(cells * sizeof(double));
	}
	rc = layout == 1 ? load_layout1(ctx, c, from - stored_first, err) :
	    load_layout2(ctx, c, stored_first + stored_n - 1 - to, recent, err);
	if (rc != 0)
		goto fail;
	return 0;
fail:
	cube_release(c);
	return rc;
}

int
cube_load(struct wm_ctx *ctx, int64_t pi_id, enum period_kind kind, int from, int to,
    struct cube *c, struct wm_err *err)
{
	int rc = load(ctx, pi_id, kind, from, to, false, c, err);

	/* what awaits approval is not yet a figure the public may see (authz.h's rule) */
	if (rc == 0 && ctx->role == ROLE_PUBLIC)
		for (long r = 0; r < c->nperiods; r++)
			for (size_t u = 0; u < c->nunits; u++) {
				size_t cell = cube_cell(c, r, (long)u);

				if (c->flag[cell] & CF_PENDING) {
					c->flag[cell] = CF_NONE;
					c->value[cell] = NAN;
				}
			}
	/* nor are the periods only such figures filled: the series ends where its figures do */
	if (rc == 0 && ctx->role == ROLE_PUBLIC)
		while (c->nperiods > 0) {
			bool any = false;

			for (size_t u = 0; u < c->nunits && !any; u++)
				any = c->flag[cube_cell(c, c->nperiods - 1, (long)u)] != CF_NONE;
			if (any)
				break;
			c->nperiods--;
		}
	return rc;
}

int
cube_load_recent(struct wm_ctx *ctx, int64_t pi_id, enum period_kind kind, struct cube *c,
    struct wm_err *err)
{
	return load(ctx, pi_id, kind, INT_MIN, INT_MAX, true, c, err);
}

int
cube_complete(struct wm_ctx *ctx, struct cube *c, struct wm_err *err)
{
	struct cube old;
	int rc;

	if (!c->partial)
		return 0;
	if ((rc = cube_load(ctx, c->pi_id, c->kind, INT_MIN, c->first - 1, &old, err)) != 0)
		return rc;
	if (old.nperiods != c->archived || old.nunits > c->nunits) {
		rc = damaged(err, c, "the archive changed under a writer");
		goto out;
	}
	/* the columns keep their order; a partial cube only adds units after them */
	for (size_t u = 0; u < old.nunits; u++)
		if (old.units[u] != c->units[u]) {
			rc = damaged(err, c, "the archive's units differ from the series'");
			goto out;
		}
	if (old.nperiods > 0)
		cube_row(c, old.first, true);
	if (old.num != NULL)
		cube_want_counts(c);
	for (long r = 0; r < old.nperiods; r++)
		for (size_t u = 0; u < old.nunits; u++) {
			size_t from = cube_cell(&old, r, (long)u);
			size_t to = cube_cell(c, cube_row(c, old.first + (int)r, false), (long)u);

			c->value[to] = old.value[from];
			c->flag[to] = old.flag[from];
			if (old.num != NULL) {
				c->num[to] = old.num[from];
				c->den[to] = old.den[from];
			}
		}
	c->partial = false;
	c->archived = 0;
out:
	cube_release(&old);
	return rc;
}

/* Cells with a figure in rows [r0, r1) of the cube, a writer's mark aside. */
static int64_t
figures_in(const struct cube *c, int r0, int r1)
{
	int64_t n = 0;

	for (int r = r0 < 0 ? 0 : r0; r < r1 && r < c->nperiods; r++) {
		const uint8_t *f = c->flag + cube_cell(c, r, 0);

		for (size_t u = 0; u < c->nunits; u++)
			n += (f[u] & (uint8_t)~CF_MARK) != CF_NONE;
	}
	return n;
}

/*
 * The series row: its shape and its newest CUBE_RECENT periods, after the
 * unit ids; or all a partial cube holds, its archive left as it is.
 */
static int
store_recent(struct wm_ctx *ctx, struct cube *c, struct wm_err *err)
{
	int recent = c->partial || c->nperiods < CUBE_RECENT ? c->nperiods : CUBE_RECENT;
	size_t len;
	unsigned char *block = encode_rows(c, 0, recent, true, &len);
	int64_t figures, archived;
	struct stmt *s;
	int rc;

	/* the counts beside the blocks (migration 015): the rows older than recent are archived */
	if (c->partial) {
		archived = c->archived_figures;
		figures = archived < 0 ? -1 : archived + figures_in(c, 0, c->nperiods);
	} else {
		archived = figures_in(c, 0, c->nperiods - recent);
		figures = archived + figures_in(c, c->nperiods - recent, c->nperiods);
	}
	if (c->id == 0) {
		rc = store_prepare(ctx->st, "INSERT INTO pi_series (pi_id, period_kind, first_index,"
		    " nperiods, nunits, counts, recent, block, value, flag, layout, figures,"
		    " archive_figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2, ?, ?)"
		    " RETURNING id, version", &s, err);
	} else {
		rc = store_prepare(ctx->st, "UPDATE pi_series SET pi_id = ?, period_kind = ?,"
		    " first_index = ?, nperiods = ?, nunits = ?, counts = ?, recent = ?, block = ?,"
		    " value = ?, flag = ?, num = NULL, den = NULL, layout = 2, version = version + 1,"
		    " figures = ?, archive_figures = ? WHERE id = ? RETURNING id, version", &s, err);
	}
	if (rc != 0)
		goto out;
	stmt_bind_int(s, 1, c->pi_id);
	stmt_bind_int(s, 2, c->kind);
	stmt_bind_int(s, 3, c->first - c->archived);
	stmt_bind_int(s, 4, c->archived + c->nperiods);
	stmt_bind_int(s, 5, (int64_t)c->nunits);
	stmt_bind_int(s, 6, c->num != NULL);
	stmt_bind_int(s, 7, recent);
	stmt_bind_blob(s, 8, block, len);
	/* layout 1's arrays, left empty */
	stmt_bind_blob(s, 9, "", 0);
	stmt_bind_blob(s, 10, "", 0);
	/* unknown (an archive never counted) stays unknown until `waymark init` counts it */
	if (figures < 0) {
		stmt_bind_null(s, 11);
		stmt_bind_null(s, 12);
	} else {
		stmt_bind_int(s, 11, figures);
		stmt_bind_int(s, 12, archived);
	}
	if (c->id != 0)
		stmt_bind_int(s, 13, c->id);
	if ((rc = stmt_step(s, err)) != STORE_ROW) {
		stmt_reset(s);
		rc = rc < 0 ? rc : wm_error(err, WM_EINTERNAL, "storing figures returned no row");
		goto out;
	}
	c->id = stmt_int(s, 0);
	c->version = stmt_int(s, 1);
	stmt_reset(s);
	{
		/* the row as written, digested from the bytes in hand (digest.h) */
		struct digest_series r = { c->id, c->pi_id, c->kind, c->first - c->archived,
			c->archived + c->nperiods, (int64_t)c->nunits, c->num != NULL, recent, 2,
			c->version, { block, "", "", NULL, NULL }, { len, 0, 0, 0, 0 } };

		digest_series_row(&r, c->digest);
	}
	/* the unit columns, in order, so that a unit with figures cannot be removed */
	if ((rc = store_prepare(ctx->st, "DELETE FROM series_unit WHERE series_id = ?", &s, err)) != 0)
		goto out;
	stmt_bind_int(s, 1, c->id);
	if ((rc = stmt_exec(s, err)) != 0)
		goto out;
	for (size_t u = 0; u < c->nunits && rc == 0; u++) {
		rc = store_prepare(ctx->st, "INSERT INTO series_unit (series_id, unit_id, pos)"
		    " VALUES (?, ?, ?)", &s, err);
		if (rc != 0)
			break;
		stmt_bind_int(s, 1, c->id);
		stmt_bind_int(s, 2, c->units[u]);
		stmt_bind_int(s, 3, (int64_t)u);
		rc = stmt_exec(s, err);
	}
out:
	free(block);
	return rc;
}

/* The periods older than the newest CUBE_RECENT, or no archive row when there are none. */
static int
store_archive(struct wm_ctx *ctx, struct cube *c, struct wm_err *err)
{
	unsigned char *block = NULL;
	size_t len;
	struct stmt *s;
	int rc;

	if (c->nperiods <= CUBE_RECENT) {
		rc = store_prepare(ctx->st, "DELETE FROM pi_archive WHERE id = ?", &s, err);
		c->archive_written = -1;
	} else {
		block = encode_rows(c, CUBE_RECENT, c->nperiods, false, &len);
		digest_archive_row(c->id, block, len, c->archive_digest);
		c->archive_written = 1;
		rc = store_prepare(ctx->st, "INSERT INTO pi_archive (id, block) VALUES (?, ?)"
		    " ON CONFLICT (id) DO UPDATE SET block = excluded.block", &s, err);
	}
	if (rc == 0) {
		stmt_bind_int(s, 1, c->id);
		if (block != NULL)
			stmt_bind_blob(s, 2, block, len);
		rc = stmt_exec(s, err);
	}
	free(block);
	return rc;
}

int
cube_store_part(struct wm_ctx *ctx, struct cube *c, enum cube_part part, struct wm_err *err)
{
	int rc;

	_Static_assert(sizeof(c->digest) == DIGEST_HEX, "cube.h holds a digest");
	c->digest[0] = '\0';
	c->archive_written = 0;
	if ((rc = store_begin(ctx->st, err)) != 0)
		return rc;
	/*
	 * A partial cube is written alone while the archive's rows still fit:
	 * same units, same counts, and a recent part at most twice the usual.
	 */
	if (c->partial && (c->nunits != c->stored_nunits || (c->num != NULL) != c->stored_counts ||
	    c->nperiods > 2 * CUBE_RECENT))
		rc = cube_complete(ctx, c, err);
	if (rc == 0 && (part & CUBE_PART_RECENT))
		rc = store_recent(ctx, c, err);
	if (rc == 0 && (part & CUBE_PART_ARCHIVE) && !c->partial) {
		if (c->id == 0)
			rc = wm_error(err, WM_EINTERNAL, "an archive stored before its series");
		else
			rc = store_archive(ctx, c, err);
	}
	return rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
}

int
cube_store(struct wm_ctx *ctx, struct cube *c, struct wm_err *err)
{
	return cube_store_part(ctx, c, CUBE_PART_RECENT | CUBE_PART_ARCHIVE, err);
}

/* A series row, as the whole-database passes of `waymark init` take them. */
struct series_ref {
	int64_t id, pi;
	enum period_kind kind;
	int recent;
};

/*
 * Run fn on each series row sql selects (id, pi_id, period_kind, recent),
 * all in one transaction; *n: how many.
 */
static int
each_series(struct wm_ctx *ctx, const char *sql,
    int (*fn)(struct wm_ctx *, const struct series_ref *, struct wm_err *), int64_t *n,
    struct wm_err *err)
{
	struct series_ref *rows = NULL;
	size_t count = 0, cap = 0;
	struct stmt *s;
	int rc;

	*n = 0;
	if ((rc = store_prepare(ctx->st, sql, &s, err)) != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		WM_GROW(rows, count + 1, cap);
		rows[count++] = (struct series_ref){ stmt_int(s, 0), stmt_int(s, 1),
			(enum period_kind)stmt_int(s, 2), (int)stmt_int(s, 3) };
	}
	if (rc < 0 || (rc = store_begin(ctx->st, err)) != 0)
		goto out;
	for (size_t i = 0; i < count && rc == 0; i++)
		rc = fn(ctx, &rows[i], err);
	rc = rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
	if (rc == 0)
		*n = (int64_t)count;
out:
	free(rows);
	return rc;
}

static int
relayout_one(struct wm_ctx *ctx, const struct series_ref *r, struct wm_err *err)
{
	struct cube c;
	int rc;

	if ((rc = cube_load(ctx, r->pi, r->kind, INT_MIN, INT_MAX, &c, err)) != 0)
		return rc;
	rc = cube_store(ctx, &c, err);
	cube_release(&c);
	return rc;
}

int
cube_relayout(struct wm_ctx *ctx, int64_t *n, struct wm_err *err)
{
	return each_series(ctx, "SELECT id, pi_id, period_kind, recent FROM pi_series"
	    " WHERE layout = 1 ORDER BY id", relayout_one, n, err);
}

/* Count a series from its blocks: every figure, and those older than its recent part. */
static int
count_blocks(struct wm_ctx *ctx, int64_t pi_id, enum period_kind kind, int recent,
    int64_t *figures, int64_t *archived, struct wm_err *err)
{
	struct cube c;
	int rc;

	if ((rc = cube_load(ctx, pi_id, kind, INT_MIN, INT_MAX, &c, err)) != 0)
		return rc;
	*archived = figures_in(&c, 0, c.nperiods - recent);
	*figures = *archived + figures_in(&c, c.nperiods - recent > 0 ? c.nperiods - recent : 0,
	    c.nperiods);
	cube_release(&c);
	return 0;
}

int
cube_count(struct wm_ctx *ctx, int64_t pi_id, size_t *n, struct wm_err *err)
{
	static const char *const sql[] = {
		"SELECT pi_id, period_kind, figures FROM pi_series",
		"SELECT pi_id, period_kind, figures FROM pi_series WHERE pi_id = ?",
	};
	struct stmt *s;
	int64_t *unknown = NULL;
	size_t nunknown = 0, cap = 0;
	int rc;

	*n = 0;
	/* the index holds all three: no block is read */
	if ((rc = store_prepare(ctx->st, sql[pi_id != 0], &s, err)) != 0)
		return rc;
	if (pi_id != 0)
		stmt_bind_int(s, 1, pi_id);
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		if (!stmt_is_null(s, 2)) {
			*n += (size_t)stmt_int(s, 2);
			continue;
		}
		WM_GROW(unknown, 2 * nunknown + 2, cap);
		unknown[2 * nunknown] = stmt_int(s, 0);
		unknown[2 * nunknown++ + 1] = stmt_int(s, 1);
	}
	for (size_t i = 0; rc >= 0 && i < nunknown; i++) {
		int64_t figures, archived;

		if ((rc = count_blocks(ctx, unknown[2 * i], (enum period_kind)unknown[2 * i + 1], 0,
		    &figures, &archived, err)) == 0)
			*n += (size_t)figures;
	}
	free(unknown);
	return rc < 0 ? rc : 0;
}

static int
recount_one(struct wm_ctx *ctx, const struct series_ref *r, struct wm_err *err)
{
	int64_t figures, archived;
	struct stmt *s;
	int rc;

	if ((rc = count_blocks(ctx, r->pi, r->kind, r->recent, &figures, &archived, err)) != 0)
		return rc;
	if ((rc = store_prepare(ctx->st, "UPDATE pi_series SET figures = ?, archive_figures = ?"
	    " WHERE id = ?", &s, err)) != 0)
		return rc;
	stmt_bind_int(s, 1, figures);
	stmt_bind_int(s, 2, archived);
	stmt_bind_int(s, 3, r->id);
	return stmt_exec(s, err);
}

int
cube_recount(struct wm_ctx *ctx, int64_t *n, struct wm_err *err)
{
	return each_series(ctx, "SELECT id, pi_id, period_kind, recent FROM pi_series"
	    " WHERE figures IS NULL ORDER BY id", recount_one, n, err);
}

static const char *const flag_names[] = { "none", "actual", "estimate", "provisional",
	"not_available" };

const char *
cube_flag_name(enum cube_flag f)
{
	f = (enum cube_flag)(f & CF_QUALITY);
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
