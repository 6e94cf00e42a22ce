/*
 * ent.c: the generic record engine over the descriptions in kinds.c:
 * reading, keys, and finding records by key.
 *
 * Reading: a SELECT is composed from the kind's fields; a reference column
 * is shown as the key of what it refers to through a correlated subquery
 * built from the target kind's own key fields (recursively, so a node's
 * key "TTSC/G1" comes from its plan's ref and its own). Link fields are
 * filled by a second query.
 *
 * Writing is in ent_write.c.
 *
 * All SQL text here is built from the constant descriptions, never from
 * input; the store caches the prepared statements by their text.
 */
#include "base/wm.h"

#include <stdatomic.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/mem.h"
#include "base/period.h"
#include "base/str.h"
#include "base/tsc.h"
#include "model/audit.h"
#include "model/authz.h"
#include "model/ent.h"
#include "model/ent_impl.h"
#include "store/store.h"

void
param_int(struct params *ps, int64_t v)
{
	if (ps->n < MAX_PARAMS)
		ps->p[ps->n++] = (struct param){ P_INT, v, 0, NULL };
}

void
param_real(struct params *ps, double v)
{
	if (ps->n < MAX_PARAMS)
		ps->p[ps->n++] = (struct param){ P_REAL, 0, v, NULL };
}

void
param_text(struct params *ps, const char *v)
{
	if (ps->n < MAX_PARAMS)
		ps->p[ps->n++] = (struct param){ v ? P_TEXT : P_NULL, 0, 0, v };
}

void
param_null(struct params *ps)
{
	if (ps->n < MAX_PARAMS)
		ps->p[ps->n++] = (struct param){ P_NULL, 0, 0, NULL };
}

int
prepare_bound(struct store *st, const struct buf *sql, const struct params *ps,
    struct stmt **out, struct wm_err *err)
{
	int rc;

	if (sql->failed || ps->n >= MAX_PARAMS)
		return wm_error(err, WM_EINTERNAL, "query too large");
	if ((rc = store_prepare(st, buf_str(sql), out, err)) != 0)
		return rc;
	for (size_t i = 0; i < ps->n; i++) {
		const struct param *p = &ps->p[i];

		switch (p->type) {
		case P_NULL: stmt_bind_null(*out, (int)i + 1); break;
		case P_INT: stmt_bind_int(*out, (int)i + 1, p->i); break;
		case P_REAL: stmt_bind_double(*out, (int)i + 1, p->d); break;
		case P_TEXT: stmt_bind_text(*out, (int)i + 1, p->s); break;
		}
	}
	return 0;
}

const struct kind *
target_kind(const struct field *f)
{
	return kind_base(kind_find(f->target));
}

bool
is_fixed(const struct kind *k, const struct field *f)
{
	return k->fixed_col != NULL && f->col != NULL && strcmp(f->col, k->fixed_col) == 0;
}

bool
has_column(const struct field *f)
{
	return f->type != FT_LINKS;
}

const char *const ts_cols[TS_NCOLS] = { "ts_text", "ts_earliest", "ts_latest", "ts_ongoing",
	"ts_complete", "ts_uncertain", "ts_conditional" };

/* ---- composing SQL --------------------------------------------------- */

/* "(SELECT <key> FROM target kN WHERE kN.id = alias.col)": the key reference f names. */
static void
ref_key_of(struct buf *b, const struct field *f, const char *alias, int *n)
{
	const struct kind *t = target_kind(f);
	char a[16];

	snprintf(a, sizeof(a), "k%d", (*n)++);
	buf_adds(b, "(SELECT ");
	key_expr(b, t, a, n);
	buf_addf(b, " FROM %s %s WHERE %s.id = %s.%s)", t->table, a, a, alias, f->col);
}

/* The SQL expression for the key of the row of k aliased `alias`. */
void
key_expr(struct buf *b, const struct kind *k, const char *alias, int *n)
{
	bool first = true;

	for (const struct field *f = k->fields; f->name != NULL; f++) {
		if (!(f->flags & FF_KEY))
			continue;
		if (!first)
			buf_adds(b, " || '/' || ");
		first = false;
		if (f->type == FT_REF && (f->flags & FF_ONE_OF)) {
			/* the one reference of the run the row has, named unless it is the first */
			buf_adds(b, "COALESCE(");
			for (const struct field *g = f; g->name != NULL && (g->flags & FF_ONE_OF); g++) {
				if (g != f)
					buf_addf(b, ", '%s:' || ", g->name);
				ref_key_of(b, g, alias, n);
			}
			buf_addc(b, ')');
		} else if (f->type == FT_REF) {
			ref_key_of(b, f, alias, n);
		} else if (f->type == FT_INT) {
			buf_addf(b, "CAST(%s.%s AS TEXT)", alias, f->col);
		} else {
			buf_addf(b, "%s.%s", alias, f->col);
		}
	}
}

/* The key of what reference field f of the row aliased t refers to, as a subquery. */
static void
ref_key(struct buf *b, const struct field *f, int *n)
{
	const struct kind *t = target_kind(f);
	char a[16];

	snprintf(a, sizeof(a), "r%d", (*n)++);
	buf_adds(b, "(SELECT ");
	key_expr(b, t, a, n);
	buf_addf(b, " FROM %s %s WHERE %s.id = t.%s)", t->table, a, a, f->col);
}

/*
 * " AND ...": the row of k aliased alias is published, and so is each
 * record its key names, recursively (authz.h). Only for the public.
 */
static void
public_cond(struct buf *b, const struct kind *k, const char *alias, int *n)
{
	if (kind_field(k, "published") != NULL)
		buf_addf(b, " AND %s.published = 1", alias);
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		const struct kind *t;
		char a[16];

		if (f->type != FT_REF || !(f->flags & (FF_KEY | FF_ONE_OF)))
			continue;
		t = target_kind(f);
		snprintf(a, sizeof(a), "v%d", (*n)++);
		/* of a run, the one reference the row has */
		if (f->flags & FF_ONE_OF)
			buf_addf(b, " AND (%s.%s IS NULL OR %s.%s IN (SELECT %s.id FROM %s %s WHERE 1 = 1",
			    alias, f->col, alias, f->col, a, t->table, a);
		else
			buf_addf(b, " AND %s.%s IN (SELECT %s.id FROM %s %s WHERE 1 = 1", alias, f->col,
			    a, t->table, a);
		public_cond(b, t, a, n);
		buf_adds(b, (f->flags & FF_ONE_OF) ? "))" : ")");
	}
}

/* For the public, public_cond() on the row aliased alias; nothing for anyone else. */
static void
visible_only(const struct wm_ctx *ctx, struct buf *b, const struct kind *k, const char *alias)
{
	int n = 0;

	if (authz_published_only(ctx))
		public_cond(b, k, alias, &n);
}

/* " FROM table t WHERE 1 = 1 [AND fixed]": the rows of k, for conditions to follow. */
static void
from_kind(struct buf *b, const struct kind *k)
{
	buf_addf(b, " FROM %s t WHERE 1 = 1", k->table);
	if (k->fixed_col != NULL)
		buf_addf(b, " AND t.%s = '%s'", k->fixed_col, k->fixed_val);
}

/* "SELECT t.id, t.version, <fields> FROM table t WHERE 1 = 1 [AND fixed]" */
static void
select_head(struct buf *b, const struct kind *k)
{
	int n = 0;

	buf_adds(b, "SELECT t.id, t.version");
	FOR_FIELDS(k, f) {
		if (f->type == FT_REF) {
			buf_adds(b, ", ");
			ref_key(b, f, &n);
		} else if (f->type == FT_TIMESCALE) {
			for (size_t i = 0; i < TS_NCOLS; i++)
				buf_addf(b, ", t.%s", ts_cols[i]);
		} else if (has_column(f)) {
			buf_addf(b, ", t.%s", f->col);
		}
	}
	from_kind(b, k);
}

/*
 * "ORDER BY 3 NULLS FIRST, 5 NULLS FIRST, 1": the kind's order fields as
 * positions in the select_head() column list (id and version come first);
 * or, with exprs, as the expressions themselves, for a query that selects
 * only the ids.
 */
static void
order_terms(struct buf *b, const struct kind *k, bool exprs)
{
	const char *p = k->order;
	bool first = true;
	int n = 0;

	buf_adds(b, " ORDER BY ");
	while (p != NULL && *p != '\0') {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		int col = 3;

		FOR_FIELDS(k, f) {
			if (strlen(f->name) == len && strncmp(f->name, p, len) == 0) {
				if (!first)
					buf_adds(b, ", ");
				first = false;
				if (!exprs)
					buf_addf(b, "%d", col);
				else if (f->type == FT_REF)
					ref_key(b, f, &n);
				else
					buf_addf(b, "t.%s", f->type == FT_TIMESCALE ? ts_cols[0] : f->col);
				buf_adds(b, " NULLS FIRST");
				break;
			}
			if (f->type == FT_TIMESCALE)
				col += (int)TS_NCOLS;
			else if (has_column(f))
				col++;
		}
		p = end ? end + 1 : NULL;
	}
	buf_addf(b, "%s%s", first ? "" : ", ", exprs ? "t.id" : "1");
}

/*
 * SQL text that depends only on the kind (its select list and order, the
 * query for each link field) is built once per process and kept: the
 * formatting cost a tenth of a served page of records. One slot per kind
 * and part; two threads may build the same text at once, and the one that
 * loses frees its copy. What no slot fits is built every time.
 */
enum { PART_HEAD, PART_ORDER, PART_COUNT, PART_IDS, PART_ID_ORDER, PART_ID_RANGE, PART_LINK0 };
#define SQL_PARTS 64
#define SQL_KINDS 64

typedef void sql_builder(struct buf *b, const struct kind *k, const struct field *f);

static _Atomic(char *) sql_cache[SQL_KINDS][SQL_PARTS];

static void
add_kind_sql(struct buf *b, const struct kind *k, size_t part, sql_builder *build,
    const struct field *f)
{
	size_t ki = (size_t)(k - kinds);
	struct buf own = BUF_INIT;
	char *text, *none = NULL;

	if (ki >= SQL_KINDS || part >= SQL_PARTS) {
		build(b, k, f);
		return;
	}
	text = atomic_load_explicit(&sql_cache[ki][part], memory_order_acquire);
	if (text == NULL) {
		build(&own, k, f);
		text = buf_detach(&own, NULL);
		if (!atomic_compare_exchange_strong(&sql_cache[ki][part], &none, text)) {
			free(text);
			text = none;
		}
	}
	buf_adds(b, text);
}

static void
build_head(struct buf *b, const struct kind *k, const struct field *f)
{
	(void)f;
	select_head(b, k);
}

static void
build_order(struct buf *b, const struct kind *k, const struct field *f)
{
	(void)f;
	order_terms(b, k, false);
}

static void
build_id_order(struct buf *b, const struct kind *k, const struct field *f)
{
	(void)f;
	order_terms(b, k, true);
}

static void
build_ids(struct buf *b, const struct kind *k, const struct field *f)
{
	(void)f;
	buf_adds(b, "SELECT t.id");
	from_kind(b, k);
}

static void
build_id_range(struct buf *b, const struct kind *k, const struct field *f)
{
	(void)f;
	select_head(b, k);
	buf_adds(b, " AND t.id BETWEEN ? AND ?");
}

static void
build_count(struct buf *b, const struct kind *k, const struct field *f)
{
	(void)f;
	buf_adds(b, "SELECT COUNT(*)");
	from_kind(b, k);
}

/* ---- reading ---------------------------------------------------------- */

json_t *
text_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *
timescale_json(struct stmt *s, int col)
{
	json_t *o;

	if (stmt_is_null(s, col))
		return json_null();
	o = json_object();
	json_object_set_new_nocheck(o, "text", text_or_null(stmt_text(s, col)));
	json_object_set_new_nocheck(o, "earliest", text_or_null(stmt_text(s, col + 1)));
	json_object_set_new_nocheck(o, "latest", text_or_null(stmt_text(s, col + 2)));
	json_object_set_new_nocheck(o, "ongoing", json_boolean(stmt_int(s, col + 3)));
	json_object_set_new_nocheck(o, "complete", json_boolean(stmt_int(s, col + 4)));
	json_object_set_new_nocheck(o, "uncertain", json_boolean(stmt_int(s, col + 5)));
	json_object_set_new_nocheck(o, "conditional", json_boolean(stmt_int(s, col + 6)));
	return o;
}

/* The current row of s (from select_head) as JSON. */
static json_t *
row_json(const struct kind *k, struct stmt *s, unsigned how)
{
	/* the keys are the kinds' own field names: jansson need not check them */
	json_t *o = json_object();
	int col = 2;

	FOR_FIELDS(k, f) {
		json_t *v;

		if (f->type == FT_LINKS) {
			json_object_set_new_nocheck(o, f->name, json_array());
			continue;
		}
		if (f->type == FT_TIMESCALE) {
			json_object_set_new_nocheck(o, f->name, timescale_json(s, col));
			col += (int)TS_NCOLS;
			continue;
		}
		if ((f->flags & FF_SECRET) && !(how & READ_SECRETS)) {
			col++;
			continue;
		}
		if (stmt_is_null(s, col))
			v = json_null();
		else switch (f->type) {
		case FT_INT: v = json_integer(stmt_int(s, col)); break;
		case FT_REAL: v = json_real(stmt_double(s, col)); break;
		case FT_BOOL: v = json_boolean(stmt_int(s, col) != 0); break;
		default: v = json_string(stmt_text(s, col)); break;
		}
		json_object_set_new_nocheck(o, f->name, v);
		col++;
	}
	json_object_set_new_nocheck(o, "version", json_integer(stmt_int(s, 1)));
	return o;
}

/* How far apart two ids of one run may be: the rows a range query may read in vain. */
#define RUN_GAP 32

int
ent_rows_next(struct wm_ctx *ctx, const char *sql, const struct kind_row *rows, size_t n,
    size_t *at, struct stmt **s, struct wm_err *err)
{
	int64_t lo, hi;
	int rc;

	if (*at >= n)
		return STORE_DONE;
	lo = hi = rows[*at].id;
	for ((*at)++; *at < n && rows[*at].id - hi <= RUN_GAP; (*at)++)
		hi = rows[*at].id;
	if ((rc = store_prepare(ctx->st, sql, s, err)) != 0)
		return rc;
	stmt_bind_int(*s, 1, lo);
	stmt_bind_int(*s, 2, hi);
	return STORE_ROW;
}

/* The query for one link field's keys, for the rows in an id range. */
static void
build_links(struct buf *b, const struct kind *k, const struct field *f)
{
	const struct kind *t = target_kind(f);
	int kn = 0;

	(void)k;
	buf_addf(b, "SELECT l.%s, ", f->link_self);
	key_expr(b, t, "x", &kn);
	buf_addf(b, " FROM %s l JOIN %s x ON x.id = l.%s WHERE l.%s BETWEEN ? AND ?"
	    " ORDER BY l.%s, l.seq", f->link_table, t->table, f->link_other, f->link_self,
	    f->link_self);
}

/*
 * Fill every link field of the rows (sorted by id): one query per link
 * field and run of near ids (ent_rows_next), so that a page of a long
 * list reads the links near that page, not every link of the table.
 */
static int
fill_links(struct wm_ctx *ctx, const struct kind *k, const struct kind_row *rows, size_t n,
    struct wm_err *err)
{
	int rc = 0;

	FOR_FIELDS(k, f) {
		struct buf sql = BUF_INIT;
		struct stmt *s;
		size_t at = 0;

		if (f->type != FT_LINKS)
			continue;
		add_kind_sql(&sql, k, PART_LINK0 + (size_t)(f - k->fields), build_links, f);
		rc = sql.failed ? wm_error(err, WM_EINTERNAL, "query too large") : STORE_ROW;
		while (rc == STORE_ROW &&
		    (rc = ent_rows_next(ctx, buf_str(&sql), rows, n, &at, &s, err)) == STORE_ROW) {
			while ((rc = stmt_step(s, err)) == STORE_ROW) {
				struct kind_row *hit = kind_row_find(rows, n, stmt_int(s, 0));

				if (hit != NULL)
					json_array_append_new(json_object_get(hit->row, f->name),
					    json_string(stmt_text(s, 1)));
			}
			rc = rc < 0 ? rc : STORE_ROW;
		}
		buf_release(&sql);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* The range a list is limited to, from ent_query's from/to. */
struct range {
	const struct field *f;
	int first, last;	/* days; DATE_NONE: open */
};

static int
range_bound(const char *text, bool last, int *day)
{
	struct period p;

	if (text == NULL) {
		*day = DATE_NONE;
		return 0;
	}
	if (date_parse_iso(text, day) == 0)
		return 0;
	if (period_parse(text, &p) != 0)
		return WM_EINVAL;
	*day = last ? period_last_day(&p) : period_first_day(&p);
	return 0;
}

static bool
in_range(const struct range *r, const json_t *row)
{
	const char *v = json_string_value(json_object_get(row, r->f->name));
	struct period p;

	if (v == NULL || period_parse(v, &p) != 0)
		return false;
	return (r->first == DATE_NONE || period_first_day(&p) >= r->first) &&
	    (r->last == DATE_NONE || period_last_day(&p) <= r->last);
}


/* Add "AND ..." for each filter in where. */
static int
add_filters(struct wm_ctx *ctx, const struct kind *k, const json_t *where, struct buf *sql,
    struct params *ps, json_t *hold, struct wm_err *err)
{
	const char *name;
	json_t *val;
	int rc;

	json_object_foreach((json_t *)where, name, val) {
		const struct field *f = kind_field(k, name);
		json_t *norm = NULL;
		int64_t id;

		if (f == NULL || (f->flags & FF_SECRET) || f->type == FT_TIMESCALE)
			return wm_error(err, WM_EUSAGE, "%s cannot be filtered by \"%s\"",
			    k->name, name);
		if (json_is_null(val) || (json_is_string(val) && *json_string_value(val) == '\0')) {
			if (f->type == FT_LINKS)
				buf_addf(sql, " AND NOT EXISTS (SELECT 1 FROM %s l WHERE l.%s = t.id)",
				    f->link_table, f->link_self);
			else
				buf_addf(sql, " AND t.%s IS NULL", f->col);
			continue;
		}
		if (f->type == FT_REF || f->type == FT_LINKS) {
			if (!json_is_string(val))
				return wm_error(err, WM_EINVAL, "%s: expected a key", name);
			if ((rc = resolve(ctx, target_kind(f), json_string_value(val), false, &id, err)) != 0)
				return rc;
			if (f->type == FT_REF)
				buf_addf(sql, " AND t.%s = ?", f->col);
			else
				buf_addf(sql, " AND EXISTS (SELECT 1 FROM %s l WHERE l.%s = t.id AND l.%s = ?)",
				    f->link_table, f->link_self, f->link_other);
			param_int(ps, id);
			continue;
		}
		if ((rc = normalize_value(ctx, k, f, val, &norm, err)) != 0)
			return rc;
		json_array_append_new(hold, norm);	/* keeps the text alive for binding */
		buf_addf(sql, " AND t.%s = ?", f->col);
		if (json_is_boolean(norm))
			param_int(ps, json_is_true(norm));
		else if (json_is_integer(norm))
			param_int(ps, json_integer_value(norm));
		else if (json_is_real(norm))
			param_real(ps, json_real_value(norm));
		else
			param_text(ps, json_string_value(norm));
	}
	return 0;
}

/*
 * Add the conditions of q (and of the actor: published records only) to
 * sql, after a head that ends "WHERE ...". A period range cannot be
 * compared as text and is left to the caller: *range says what it is.
 */
static int
add_conditions(struct wm_ctx *ctx, const struct kind *k, const struct ent_query *q,
    struct buf *sql, struct params *ps, json_t *hold, struct range *range, bool *post_filter,
    struct wm_err *err)
{
	int rc;

	*post_filter = false;
	visible_only(ctx, sql, k, "t");
	/* comments on what the actor may not read are not theirs to read either */
	if (strcmp(k->name, "comments") == 0)
		for (const struct kind *c = kinds; c->name != NULL; c++)
			if (c->fixed_col == NULL && authz_read(ctx, c, NULL) != 0)
				buf_addf(sql, " AND t.kind <> '%s'", c->name);
	if (q != NULL && q->where != NULL &&
	    (rc = add_filters(ctx, k, q->where, sql, ps, hold, err)) != 0)
		return rc;
	if (q == NULL || (q->from == NULL && q->to == NULL))
		return 0;
	FOR_FIELDS(k, f)
		if (range->f == NULL && (f->type == FT_PERIOD || f->type == FT_DATE))
			range->f = f;
	if (range->f == NULL)
		return wm_error(err, WM_EUSAGE, "%s have no date or period to limit by", k->name);
	if (range_bound(q->from, false, &range->first) != 0 ||
	    range_bound(q->to, true, &range->last) != 0)
		return wm_error(err, WM_EUSAGE,
		    "from/to must be a date (2003-04-30) or a period (2003-04, 2003-Q2, 2003/04, 2003)");
	if (range->f->type == FT_DATE) {
		char d[DATE_ISO_LEN];

		if (range->first != DATE_NONE) {
			buf_addf(sql, " AND t.%s >= ?", range->f->col);
			date_format_iso(range->first, d);
			json_array_append_new(hold, json_string(d));
			param_text(ps, json_string_value(json_array_get(hold, json_array_size(hold) - 1)));
		}
		if (range->last != DATE_NONE) {
			buf_addf(sql, " AND t.%s <= ?", range->f->col);
			date_format_iso(range->last, d);
			json_array_append_new(hold, json_string(d));
			param_text(ps, json_string_value(json_array_get(hold, json_array_size(hold) - 1)));
		}
	} else {
		/* Periods of mixed kinds do not sort as text: filter them as rows are read. */
		*post_filter = true;
	}
	return 0;
}

/*
 * One page of a list in two steps: the ids of the page, sorted on the
 * order fields alone, then those rows whole by id range. Sorting whole
 * rows, every column and every reference's key, to keep a few cost more
 * than all the rest of a served page, and grew with the table. The two
 * steps read one snapshot. *n rows by id in rows, *ids the page's order.
 */
static int
read_page(struct wm_ctx *ctx, const struct kind *k, const struct ent_query *q,
    const struct buf *conds, struct params *ps, unsigned how, struct kind_row **rows_out,
    int64_t **ids_out, size_t *n, struct wm_err *err)
{
	struct buf sql = BUF_INIT;
	struct kind_row *rows = NULL;
	int64_t *ids = NULL;
	size_t count = 0, cap = 0, at = 0, found = 0;
	bool own = !store_in_transaction(ctx->st);
	struct stmt *s;
	int rc;

	if (own && (rc = store_begin_read(ctx->st, err)) != 0)
		return rc;
	add_kind_sql(&sql, k, PART_IDS, build_ids, NULL);
	buf_add(&sql, conds->s, conds->len);
	add_kind_sql(&sql, k, PART_ID_ORDER, build_id_order, NULL);
	buf_adds(&sql, " LIMIT ? OFFSET ?");
	param_int(ps, (int64_t)q->limit);
	param_int(ps, (int64_t)q->offset);
	if ((rc = prepare_bound(ctx->st, &sql, ps, &s, err)) != 0)
		goto out;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		WM_GROW(ids, count + 1, cap);
		ids[count++] = stmt_int(s, 0);
	}
	if (rc < 0)
		goto out;
	rows = wm_calloc(count ? count : 1, sizeof(*rows));
	for (size_t i = 0; i < count; i++)
		rows[i].id = ids[i];
	kind_rows_sort(rows, count);
	buf_reset(&sql);
	add_kind_sql(&sql, k, PART_ID_RANGE, build_id_range, NULL);
	while ((rc = ent_rows_next(ctx, buf_str(&sql), rows, count, &at, &s, err)) == STORE_ROW) {
		while ((rc = stmt_step(s, err)) == STORE_ROW) {
			struct kind_row *r = kind_row_find(rows, count, stmt_int(s, 0));

			/* a range holds rows that are not on the page: skip them unread */
			if (r != NULL && r->row == NULL) {
				r->row = row_json(k, s, how);
				found++;
			}
		}
		if (rc < 0)
			goto out;
	}
	if (found < count)
		rc = wm_error(err, WM_EINTERNAL, "%s: %zu of a page's rows vanished while it was read",
		    k->name, count - found);
out:
	buf_release(&sql);
	if (own)
		store_rollback(ctx->st, 0);	/* it only read */
	if (rc < 0) {
		for (size_t i = 0; rows != NULL && i < count; i++)
			json_decref(rows[i].row);
		free(rows);
		free(ids);
		return rc;
	}
	*rows_out = rows;
	*ids_out = ids;
	*n = count;
	return 0;
}

static int
read_rows(struct wm_ctx *ctx, const struct kind *k, const struct ent_query *q, int64_t only_id,
    unsigned how, json_t **out, struct wm_err *err)
{
	struct buf sql = BUF_INIT, conds = BUF_INIT;
	struct params ps = { 0 };
	struct range range = { NULL, DATE_NONE, DATE_NONE };
	struct kind_row *rows = NULL;
	int64_t *ids = NULL;
	size_t nrows = 0, caprows = 0, skipped = 0;
	json_t *result = json_array(), *hold = json_array();
	struct stmt *s;
	bool post_filter = false;
	int rc;

	*out = NULL;
	if (only_id != 0) {
		buf_adds(&conds, " AND t.id = ?");
		param_int(&ps, only_id);
	}
	if ((rc = add_conditions(ctx, k, q, &conds, &ps, hold, &range, &post_filter, err)) != 0)
		goto out;
	if (q != NULL && q->limit > 0 && !post_filter) {
		if ((rc = read_page(ctx, k, q, &conds, &ps, how, &rows, &ids, &nrows, err)) != 0)
			goto out;
		/* the list in the page's order; rows[] (by id) borrows them */
		for (size_t i = 0; i < nrows; i++)
			json_array_append_new(result, kind_row_find(rows, nrows, ids[i])->row);
		goto decorate;
	}
	add_kind_sql(&sql, k, PART_HEAD, build_head, NULL);
	buf_add(&sql, conds.s, conds.len);
	add_kind_sql(&sql, k, PART_ORDER, build_order, NULL);
	if ((rc = prepare_bound(ctx->st, &sql, &ps, &s, err)) != 0)
		goto out;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		json_t *row = row_json(k, s, how);

		if (post_filter) {
			if (!in_range(&range, row) || skipped++ < q->offset) {
				json_decref(row);
				continue;
			}
			if (q->limit > 0 && nrows >= q->limit) {
				json_decref(row);
				stmt_reset(s);
				rc = STORE_DONE;
				break;
			}
		}
		WM_GROW(rows, nrows + 1, caprows);
		rows[nrows].id = stmt_int(s, 0);
		rows[nrows].row = row;
		nrows++;
		json_array_append_new(result, row);
	}
	if (rc < 0)
		goto out;
	/* rows[] by id, for the queries that add to them; result keeps the list's order */
	kind_rows_sort(rows, nrows);
decorate:
	if ((rc = fill_links(ctx, k, rows, nrows, err)) != 0)
		goto out;
	if (!(how & READ_RAW) && k->hooks != NULL && k->hooks->decorate != NULL && nrows > 0 &&
	    (rc = k->hooks->decorate(ctx, rows, nrows, err)) != 0)
		goto out;
	*out = result;
	result = NULL;
	rc = 0;
out:
	buf_release(&sql);
	buf_release(&conds);
	free(rows);
	free(ids);
	json_decref(result);
	json_decref(hold);
	return rc;
}

int
ent_count(struct wm_ctx *ctx, const struct kind *k, const struct ent_query *q, size_t *n,
    struct wm_err *err)
{
	struct buf sql = BUF_INIT;
	struct params ps = { 0 };
	struct range range = { NULL, DATE_NONE, DATE_NONE };
	json_t *hold = json_array(), *rows = NULL;
	struct stmt *s;
	bool post_filter = false;
	int rc;

	*n = 0;
	if ((rc = authz_read(ctx, k, err)) != 0)
		goto out;
	if (k->store != NULL) {
		/* A kind with its own storage: count what it lists without limits. */
		struct ent_query all = { 0 };

		if (q != NULL)
			all = *q;
		all.limit = 0;
		all.offset = 0;
		if (k->store->count != NULL)
			rc = k->store->count(ctx, k, &all, n, err);
		else if ((rc = k->store->list(ctx, k, &all, &rows, err)) == 0)
			*n = json_array_size(rows);
		goto out;
	}
	add_kind_sql(&sql, k, PART_COUNT, build_count, NULL);
	if ((rc = add_conditions(ctx, k, q, &sql, &ps, hold, &range, &post_filter, err)) != 0)
		goto out;
	if (post_filter) {
		/* Count what a list without limits would give. */
		struct ent_query all = *q;

		all.limit = 0;
		all.offset = 0;
		if ((rc = read_rows(ctx, k, &all, 0, READ_RAW, &rows, err)) == 0)
			*n = json_array_size(rows);
		goto out;
	}
	if ((rc = prepare_bound(ctx->st, &sql, &ps, &s, err)) != 0)
		goto out;
	if ((rc = stmt_step(s, err)) == STORE_ROW)
		*n = (size_t)stmt_int(s, 0);
	stmt_reset(s);
	rc = rc < 0 ? rc : 0;
out:
	buf_release(&sql);
	json_decref(hold);
	json_decref(rows);
	return rc;
}

int
ent_list(struct wm_ctx *ctx, const struct kind *k, const struct ent_query *q, json_t **out,
    struct wm_err *err)
{
	int rc;

	unsigned how = 0;

	if ((rc = authz_read(ctx, k, err)) != 0)
		return rc;
	if (k->store != NULL)
		return k->store->list(ctx, k, q, out, err);
	if (q != NULL && q->raw)
		how |= READ_RAW;
	if (q != NULL && q->raw && q->secrets &&
	    (ctx->role == ROLE_SYSTEM || ctx->role == ROLE_ADMIN))
		how |= READ_SECRETS;
	return read_rows(ctx, k, q, 0, how, out, err);
}

int
read_one(struct wm_ctx *ctx, const struct kind *k, int64_t id, unsigned how, json_t **out,
    struct wm_err *err)
{
	json_t *arr;
	int rc;

	*out = NULL;
	if ((rc = read_rows(ctx, k, NULL, id, how, &arr, err)) != 0)
		return rc;
	if (json_array_size(arr) == 0) {
		json_decref(arr);
		return wm_error(err, WM_ENOTFOUND, "no %s with that key", k->one);
	}
	*out = json_incref(json_array_get(arr, 0));
	json_decref(arr);
	return 0;
}

int
ent_get_by_id(struct wm_ctx *ctx, const struct kind *k, int64_t id, bool raw, json_t **out,
    struct wm_err *err)
{
	int rc;

	if ((rc = authz_read(ctx, k, err)) != 0)
		return rc;
	return read_one(ctx, k, id, raw ? READ_RAW : 0, out, err);
}

int
ent_get(struct wm_ctx *ctx, const struct kind *k, const char *key, json_t **out,
    struct wm_err *err)
{
	int64_t id;
	int rc;

	*out = NULL;
	if ((rc = authz_read(ctx, k, err)) != 0)
		return rc;
	if (k->store != NULL)
		return k->store->get(ctx, k, key, out, err);
	if ((rc = resolve(ctx, k, key, false, &id, err)) != 0)
		return rc;
	if ((rc = read_one(ctx, k, id, 0, out, err)) == WM_ENOTFOUND)
		return wm_error(err, WM_ENOTFOUND, "no %s \"%s\"", k->one, key);
	return rc;
}

/* ---- keys and resolution ---------------------------------------------- */

/*
 * Split key into the parts of k's key fields: a reference field takes as
 * many parts as its target's key has; the last field takes the rest, so a
 * period "2003/04" at the end survives.
 */
struct key_part {
	const struct field *f;
	char *text;	/* for a reference: the target's whole key */
};

static size_t
split_key(const struct kind *k, const char *key, size_t nparts_given, struct key_part *parts,
    size_t skip_fields)
{
	const char *p = key;
	size_t n = 0, field_no = 0, nkey = 0;

	for (const struct field *f = k->fields; f->name != NULL; f++)
		if (f->flags & FF_KEY)
			nkey++;
	for (const struct field *f = k->fields; f->name != NULL; f++) {
		size_t want;
		const char *end;

		if (!(f->flags & FF_KEY))
			continue;
		if (field_no++ < skip_fields)
			continue;
		want = f->type == FT_REF ? kind_key_parts(kind_find(f->target)) : 1;
		if (field_no == nkey) {
			end = p + strlen(p);
		} else {
			end = p;
			for (size_t i = 0; i < want; i++) {
				end = strchr(i == 0 ? end : end + 1, '/');
				if (end == NULL)
					return 0;
			}
		}
		parts[n].f = f;
		/* of a run, the field the key's "FIELD:" names, the first if none */
		for (const struct field *g = f + 1; (f->flags & FF_ONE_OF) && g->name != NULL &&
		    (g->flags & FF_ONE_OF); g++) {
			size_t len = strlen(g->name);

			if ((size_t)(end - p) > len + 1 && strncmp(p, g->name, len) == 0 &&
			    p[len] == ':') {
				parts[n].f = g;
				p += len + 1;
				break;
			}
		}
		parts[n].text = wm_strndup(p, (size_t)(end - p));
		n++;
		p = *end ? end + 1 : end;
	}
	(void)nparts_given;
	return n;
}

static void
free_parts(struct key_part *parts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(parts[i].text);
}

static size_t
count_parts(const char *key)
{
	size_t n = 1;

	for (; *key != '\0'; key++)
		n += *key == '/';
	return n;
}

/*
 * Look the key up exactly (nocase: text parts compared case-insensitively).
 * skip_fields leading key fields are not constrained (a partial key).
 * Sets *found to the number of matches (stopping at 2) and *id to the first.
 */
static int
lookup(struct wm_ctx *ctx, const struct kind *k, struct key_part *parts, size_t nparts,
    bool nocase, int *found, int64_t *id, struct wm_err *err)
{
	struct buf sql = BUF_INIT;
	struct params ps = { 0 };
	struct stmt *s;
	int rc;

	*found = 0;
	buf_addf(&sql, "SELECT t.id FROM %s t WHERE 1 = 1", k->table);
	if (k->fixed_col != NULL)
		buf_addf(&sql, " AND t.%s = '%s'", k->fixed_col, k->fixed_val);
	/* what the public may not see is not there */
	visible_only(ctx, &sql, k, "t");
	for (size_t i = 0; i < nparts; i++) {
		const struct field *f = parts[i].f;

		if (f->type == FT_REF) {
			int64_t rid;

			rc = resolve(ctx, target_kind(f), parts[i].text, true, &rid, err);
			if (rc == WM_ENOTFOUND) {
				buf_release(&sql);
				return 0;
			}
			if (rc != 0) {
				buf_release(&sql);
				return rc;
			}
			buf_addf(&sql, " AND t.%s = ?", f->col);
			param_int(&ps, rid);
		} else if (f->type == FT_INT) {
			int64_t v;

			if (str_to_int64(parts[i].text, &v) != 0) {
				buf_release(&sql);
				return 0;
			}
			buf_addf(&sql, " AND t.%s = ?", f->col);
			param_int(&ps, v);
		} else {
			if (nocase)
				buf_addf(&sql, " AND LOWER(t.%s) = LOWER(?)", f->col);
			else
				buf_addf(&sql, " AND t.%s = ?", f->col);
			param_text(&ps, parts[i].text);
		}
	}
	buf_adds(&sql, " LIMIT 2");
	rc = prepare_bound(ctx->st, &sql, &ps, &s, err);
	buf_release(&sql);
	if (rc != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		if ((*found)++ == 0)
			*id = stmt_int(s, 0);
	}
	return rc < 0 ? rc : 0;
}

/* Find by the kind's name field, then by alias (single-part keys only). */
static int
lookup_name(struct wm_ctx *ctx, const struct kind *k, const char *key, int *found, int64_t *id,
    struct wm_err *err)
{
	const struct kind *base = kind_base(k);
	struct buf sql = BUF_INIT;
	struct stmt *s;
	int rc;

	*found = 0;
	FOR_FIELDS(k, f) {
		if (!(f->flags & FF_NAME))
			continue;
		buf_reset(&sql);
		buf_addf(&sql, "SELECT t.id FROM %s t WHERE LOWER(t.%s) = LOWER(?)", k->table, f->col);
		if (k->fixed_col != NULL)
			buf_addf(&sql, " AND t.%s = '%s'", k->fixed_col, k->fixed_val);
		visible_only(ctx, &sql, k, "t");
		buf_adds(&sql, " LIMIT 2");
		if ((rc = store_prepare(ctx->st, buf_str(&sql), &s, err)) != 0)
			goto out;
		stmt_bind_text(s, 1, key);
		while ((rc = stmt_step(s, err)) == STORE_ROW)
			if ((*found)++ == 0)
				*id = stmt_int(s, 0);
		if (rc < 0)
			goto out;
		if (*found > 0)
			break;
	}
	rc = 0;
	if (*found == 0) {
		char *target = NULL;

		rc = store_prepare(ctx->st,
		    "SELECT target FROM alias WHERE kind = ? AND LOWER(name) = LOWER(?)", &s, err);
		if (rc != 0)
			goto out;
		stmt_bind_text(s, 1, base->name);
		stmt_bind_text(s, 2, key);
		if ((rc = stmt_step(s, err)) == STORE_ROW)
			target = wm_strdup(stmt_text(s, 0));
		stmt_reset(s);
		if (rc < 0)
			goto out;
		rc = 0;
		if (target != NULL && strcasecmp(target, key) != 0) {
			struct key_part parts[16];
			size_t n = split_key(k, target, count_parts(target), parts, 0);

			if (n > 0)
				rc = lookup(ctx, k, parts, n, false, found, id, err);
			free_parts(parts, n);
		}
		free(target);
	}
out:
	buf_release(&sql);
	return rc;
}

/* "unknown unit "Camdn" (did you mean "Camden"?)" */
static int
not_found(struct wm_ctx *ctx, const struct kind *k, const char *key, struct wm_err *err)
{
	struct buf sql = BUF_INIT;
	const char **cands = NULL;
	size_t n = 0, cap = 0;
	const char *pick;
	json_t *hold = json_array();
	struct stmt *s;
	int kn = 0, rc;

	buf_adds(&sql, "SELECT ");
	key_expr(&sql, k, "t", &kn);
	buf_addf(&sql, " FROM %s t WHERE 1 = 1", k->table);
	if (k->fixed_col != NULL)
		buf_addf(&sql, " AND t.%s = '%s'", k->fixed_col, k->fixed_val);
	/* "did you mean" names nothing the public may not see */
	visible_only(ctx, &sql, k, "t");
	buf_adds(&sql, " LIMIT 2000");
	rc = store_prepare(ctx->st, buf_str(&sql), &s, NULL);
	if (rc == 0) {
		while (stmt_step(s, NULL) == STORE_ROW) {
			json_array_append_new(hold, json_string(stmt_text(s, 0)));
		}
	}
	for (size_t i = 0; i < json_array_size(hold); i++) {
		WM_GROW(cands, n + 1, cap);
		cands[n++] = json_string_value(json_array_get(hold, i));
	}
	pick = str_suggest(key, cands, n);
	if (pick != NULL)
		wm_error(err, WM_ENOTFOUND, "unknown %s \"%s\" (did you mean \"%s\"?)", k->one, key, pick);
	else
		wm_error(err, WM_ENOTFOUND, "unknown %s \"%s\"", k->one, key);
	free(cands);
	json_decref(hold);
	buf_release(&sql);
	return WM_ENOTFOUND;
}

static int
ambiguous(const struct kind *k, const char *key, struct wm_err *err)
{
	return wm_error(err, WM_EINVAL, "\"%s\" matches more than one %s: give its whole key",
	    key, k->one);
}

int
resolve(struct wm_ctx *ctx, const struct kind *k, const char *key, bool quiet, int64_t *id,
    struct wm_err *err)
{
	struct key_part parts[16];
	size_t need = kind_key_parts(k), given, n;
	int found = 0, rc = 0;

	if (key == NULL || *key == '\0')
		return wm_error(err, WM_EINVAL, "no %s given", k->one);
	if (need > WM_ARRAY_LEN(parts))
		return wm_error(err, WM_EINTERNAL, "%s: key too long", k->name);
	given = count_parts(key);
	if (given >= need) {
		n = split_key(k, key, given, parts, 0);
		if (n > 0) {
			rc = lookup(ctx, k, parts, n, false, &found, id, err);
			if (rc == 0 && found == 0)
				rc = lookup(ctx, k, parts, n, true, &found, id, err);
		}
		free_parts(parts, n);
	} else {
		/* A partial key ("G1" for "TTSC/G1"): leave out the leading reference. */
		const struct field *first = NULL;

		for (const struct field *f = k->fields; f->name != NULL && first == NULL; f++)
			if (f->flags & FF_KEY)
				first = f;
		if (first != NULL && first->type == FT_REF &&
		    need - kind_key_parts(kind_find(first->target)) == given) {
			n = split_key(k, key, given, parts, 1);
			if (n > 0) {
				rc = lookup(ctx, k, parts, n, false, &found, id, err);
				if (rc == 0 && found == 0)
					rc = lookup(ctx, k, parts, n, true, &found, id, err);
			}
			free_parts(parts, n);
		}
	}
	if (rc == 0 && found == 0 && given == 1)
		rc = lookup_name(ctx, k, key, &found, id, err);
	if (rc != 0)
		return rc;
	if (found == 1)
		return 0;
	if (found > 1)
		return ambiguous(k, key, err);
	if (quiet)
		return WM_ENOTFOUND;
	return not_found(ctx, k, key, err);
}

/* Only the key exactly as written: WM_ENOTFOUND (no message) if none. */
int
resolve_exact(struct wm_ctx *ctx, const struct kind *k, const char *key, int64_t *id,
    struct wm_err *err)
{
	struct key_part parts[16];
	size_t n;
	int found = 0, rc = 0;

	if (kind_key_parts(k) > WM_ARRAY_LEN(parts) || count_parts(key) < kind_key_parts(k))
		return WM_ENOTFOUND;
	n = split_key(k, key, count_parts(key), parts, 0);
	if (n > 0)
		rc = lookup(ctx, k, parts, n, false, &found, id, err);
	free_parts(parts, n);
	if (rc != 0)
		return rc;
	return found == 1 ? 0 : WM_ENOTFOUND;
}

int
ent_resolve(struct wm_ctx *ctx, const struct kind *k, const char *key, int64_t *id,
    struct wm_err *err)
{
	return resolve(ctx, k, key, false, id, err);
}

int
ent_row_key(const struct kind *k, const json_t *row, struct buf *out)
{
	bool first = true;

	for (const struct field *f = k->fields; f->name != NULL; f++) {
		const json_t *v;

		if (!(f->flags & FF_KEY))
			continue;
		v = json_object_get(row, f->name);
		if (!first)
			buf_addc(out, '/');
		first = false;
		if (f->flags & FF_ONE_OF) {
			bool several;
			const struct field *set = field_run_set(f, row, &several);

			if (set == NULL || several)
				return WM_EINVAL;
			if (set != f)
				buf_addf(out, "%s:", set->name);
			v = json_object_get(row, set->name);
		}
		if (json_is_string(v))
			buf_adds(out, json_string_value(v));
		else if (json_is_integer(v))
			buf_addf(out, "%lld", (long long)json_integer_value(v));
		else
			return WM_EINVAL;
	}
	return out->failed ? WM_ETOOBIG : 0;
}

