/*
 * measure.c: the bulk writer of measure.h, and the storage behind the
 * "measurements" kind.
 *
 * The writer keeps each indicator's cube in memory while a batch arrives,
 * loaded whole the first time the batch touches it, and writes each once
 * at the end (or sooner, when what it holds grows past a limit, so a
 * ten-million-row file fits in a fixed amount of memory). A figure set
 * twice in one batch with different values is refused: the second copy of
 * a row cannot silently win.
 *
 * A batch is audited in bulk (audit.h): one entry for each indicator's
 * series whose figures it changed, holding each changed figure's old and
 * new value in columns ({"pi": "SC-01", "units": [...], "unit": [column],
 * "period": [...], "old": [...], "new": [...]}), written as the series is,
 * so that memory stays bounded however many figures change; then one entry
 * for the batch: how many it added and changed, the entries that hold the
 * changes, and the digests of every block it wrote. Figures added are
 * counted, not listed: the file they came from is named, and the blocks'
 * digests vouch for what was stored.
 */
#include "base/wm.h"

#include <math.h>

#include "base/buf.h"
#include "base/date.h"
#include "base/map.h"
#include "base/mem.h"
#include "base/period.h"
#include "model/audit.h"
#include "model/authz.h"
#include "model/cube.h"
#include "model/digest.h"
#include "model/ent.h"
#include "model/measure.h"
#include "store/store.h"

/*
 * Figures held in memory before the writer writes what it has. A figure
 * costs about 25 bytes held (value, counts, flag) plus its block when
 * written; 4M keeps a 10M-row import near 150 MB.
 */
#define HELD_MAX ((size_t)4 * 1000 * 1000)
#define SEEN CF_MARK	/* flag bit: set in this batch */

/* A figure changed by the batch, kept until its series is written. */
struct fchange {
	int32_t col, period;	/* the cube's column, the period's index */
	uint8_t old_flag, new_flag;
	bool old_counts, new_counts;
	double old_value, new_value, old_num, old_den, new_num, new_den;
};

struct wcube {
	struct cube c;
	char *code;	/* the PI's code, for the audit entry */
	struct fchange *chg;
	size_t nchg, capchg;
	bool ratio;	/* a ratio PI: counts make the value */
	double scale;
	bool dirty;	/* a figure was added or changed: store it */
};

/*
 * A key as given and its id. Figures files come sorted, so a row's PI and
 * unit are nearly always the row before's: one strcmp instead of a hash.
 */
struct resolved {
	struct strmap all;
	char last[64];
	int64_t last_id;
};

struct meas_writer {
	struct wm_ctx *ctx;
	enum meas_table table;
	char *what;
	struct resolved pis, units;
	struct intmap where;		/* pi_id << 2 | kind -> index in cubes */
	struct wcube *cubes;
	size_t ncubes, capcubes;
	size_t held;			/* cells held across all cubes */
	int64_t added, changed, unchanged;
	bool audit;			/* one summary entry; off for a restore */
	/* the kind's fields whose limits (kind.h) every figure is checked against */
	const struct kind *k;
	const struct field *f_value, *f_num, *f_den, *f_tolerance, *f_note;
	double value_lo, value_hi;	/* f_value's limits, looked up once */
	json_t *state;			/* what was written: digest.h's names -> digests */
	json_t *changes;		/* targets changed: old and new */
	struct intmap noted;		/* PIs whose notes were written */
	struct audit_span span;		/* the entries of this batch */
};

/*
 * A figure's value within its limits, the test in line: a 2.5M import
 * checks five million; field_check_number says why when it is not.
 */
static inline int
value_ok(const struct meas_writer *w, double v, struct wm_err *err)
{
	if (isfinite(v) && v >= w->value_lo && v <= w->value_hi)
		return 0;
	return field_check_number(w->k, w->f_value, v, err);
}

/* Are the row's numbers and note within what the kind's description allows? */
static int
check_limits(const struct meas_writer *w, const struct meas_row *r, struct wm_err *err)
{
	int rc = 0;

	if (r->has_value)
		rc = value_ok(w, r->value, err);
	if (rc == 0 && r->has_ratio && w->f_num != NULL)
		rc = field_check_number(w->k, w->f_num, r->numerator, err);
	if (rc == 0 && r->has_ratio && w->f_den != NULL)
		rc = field_check_number(w->k, w->f_den, r->denominator, err);
	if (rc == 0 && r->has_tolerance && w->f_tolerance != NULL)
		rc = field_check_number(w->k, w->f_tolerance, r->tolerance, err);
	if (rc == 0 && r->note != NULL)
		rc = field_check_text(w->k, w->f_note, r->note, err);
	return rc;
}

static int
resolve(struct meas_writer *w, struct resolved *map, const char *kind, const char *key,
    int64_t *id, struct wm_err *err)
{
	int rc;

	if (map->last[0] != '\0' && strcmp(map->last, key) == 0) {
		*id = map->last_id;
		return 0;
	}
	if (!strmap_get(&map->all, key, id)) {
		if ((rc = ent_resolve(w->ctx, kind_find(kind), key, id, err)) != 0)
			return rc;
		strmap_put(&map->all, key, *id);
	}
	if ((size_t)snprintf(map->last, sizeof(map->last), "%s", key) >= sizeof(map->last))
		map->last[0] = '\0';	/* too long to keep: no short cut for it */
	map->last_id = *id;
	return 0;
}

/* A writer for a caller that has already asked authz.h (the kind's own store, below). */
static int
writer_new(struct wm_ctx *ctx, enum meas_table table, const char *what,
    struct meas_writer **out, struct wm_err *err)
{
	const struct kind *k = kind_find(table == MEAS_TARGETS ? "targets" : "measurements");
	struct meas_writer *w;
	int rc;

	*out = NULL;
	w = wm_calloc(1, sizeof(*w));
	w->ctx = ctx;
	w->table = table;
	w->what = wm_strdup(what);
	w->audit = true;
	w->k = k;
	w->f_value = kind_field(k, "value");
	field_range(w->f_value, &w->value_lo, &w->value_hi);
	w->f_num = kind_field(k, "numerator");
	w->f_den = kind_field(k, "denominator");
	w->f_tolerance = kind_field(k, "tolerance");
	w->f_note = kind_field(k, "note");
	w->state = json_object();
	w->changes = json_array();
	if ((rc = audit_span_begin(ctx, &w->span, err)) != 0) {
		meas_writer_free(w);
		return rc;
	}
	*out = w;
	return 0;
}

int
meas_writer_open(struct wm_ctx *ctx, enum meas_table table, const char *what,
    struct meas_writer **out, struct wm_err *err)
{
	const struct kind *k = kind_find(table == MEAS_TARGETS ? "targets" : "measurements");
	int rc;

	*out = NULL;
	/* a batch needs the right to write any figure: a planner's, not a borough's */
	if ((rc = authz_write(ctx, k, NULL, NULL, err)) != 0)
		return rc;
	return writer_new(ctx, table, what, out, err);
}

size_t
meas_writer_held(const struct meas_writer *w)
{
	return w->held;
}

static int
pi_meta(struct wm_ctx *ctx, int64_t pi, bool *ratio, double *scale, char **code,
    struct wm_err *err)
{
	struct stmt *s;
	int rc;

	*ratio = false;
	*scale = 1;
	*code = NULL;
	if ((rc = store_prepare(ctx->st, "SELECT aggregation, scale, code FROM pi WHERE id = ?", &s,
	    err)) != 0)
		return rc;
	stmt_bind_int(s, 1, pi);
	if ((rc = stmt_step(s, err)) == STORE_ROW) {
		*ratio = strcmp(stmt_text(s, 0), "ratio") == 0;
		*scale = stmt_double(s, 1);
		*code = wm_strdup(stmt_text(s, 2));
	}
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

/* The batch's cube of (pi, kind), its recent part loaded the first time. */
static int
wcube_of(struct meas_writer *w, int64_t pi, enum period_kind kind, struct wcube **out,
    struct wm_err *err)
{
	int64_t idx, key = pi << 2 | kind;
	struct wcube *wc;
	int rc;

	if (intmap_get(&w->where, key, &idx)) {
		*out = &w->cubes[idx];
		return 0;
	}
	WM_GROW(w->cubes, w->ncubes + 1, w->capcubes);
	wc = &w->cubes[w->ncubes];
	memset(wc, 0, sizeof(*wc));
	if ((rc = cube_load_recent(w->ctx, pi, kind, &wc->c, err)) != 0 ||
	    (rc = pi_meta(w->ctx, pi, &wc->ratio, &wc->scale, &wc->code, err)) != 0) {
		cube_release(&wc->c);
		free(wc->code);
		return rc;
	}
	w->held += (size_t)wc->c.nperiods * wc->c.nunits;
	intmap_put(&w->where, key, (int64_t)w->ncubes);
	*out = &w->cubes[w->ncubes++];
	return 0;
}

/* Note in state what the last store of c wrote (cube.h). */
static void
cube_state(json_t *state, const struct cube *c)
{
	char name[64];

	if (c->digest[0] != '\0') {
		digest_name(name, sizeof(name), "series", c->id);
		json_object_set_new(state, name, json_string(c->digest));
	}
	if (c->archive_written != 0) {
		digest_name(name, sizeof(name), "archive", c->id);
		json_object_set_new(state, name, c->archive_written > 0 ?
		    json_string(c->archive_digest) : json_null());
	}
}

static int audit_changes(struct meas_writer *w, struct wcube *wc, struct wm_err *err);

/* Write every cube held, clearing the batch marks, and let them go. */
static int
flush(struct meas_writer *w, struct wm_err *err)
{
	int rc = 0;

	for (size_t i = 0; i < w->ncubes; i++) {
		struct cube *c = &w->cubes[i].c;

		for (int r = 0; r < c->nperiods; r++)
			for (size_t u = 0; u < c->nunits; u++)
				c->flag[cube_cell(c, r, (long)u)] &= (uint8_t)~SEEN;
		/* A batch that changed nothing writes nothing, and keeps the version. */
		if (rc == 0 && w->cubes[i].dirty) {
			rc = cube_store_part(w->ctx, c, CUBE_PART_RECENT, err);
			cube_state(w->state, c);
		}
	}
	/* then the history, so that the recent parts sit side by side (see cube.h) */
	for (size_t i = 0; i < w->ncubes; i++) {
		if (rc == 0 && w->cubes[i].dirty) {
			rc = cube_store_part(w->ctx, &w->cubes[i].c, CUBE_PART_ARCHIVE, err);
			cube_state(w->state, &w->cubes[i].c);
		}
		if (rc == 0 && w->cubes[i].nchg > 0)
			rc = audit_changes(w, &w->cubes[i], err);
		cube_release(&w->cubes[i].c);
		free(w->cubes[i].code);
		free(w->cubes[i].chg);
	}
	w->ncubes = 0;
	w->held = 0;
	intmap_release(&w->where);
	return rc;
}

/*
 * Keep a figure's note (none: remove it); *changed says whether the stored
 * note is now another, so that a change to the note alone is audited.
 */
static int
put_note(struct wm_ctx *ctx, int64_t pi, int64_t unit, const char *period, const char *note,
    struct intmap *noted, bool *changed, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	*changed = false;
	if (note == NULL || *note == '\0') {
		rc = store_prepare(ctx->st, "DELETE FROM measurement_note"
		    " WHERE pi_id = ? AND unit_id = ? AND period = ?", &s, err);
	} else {
		rc = store_prepare(ctx->st, "INSERT INTO measurement_note (pi_id, unit_id, period, note)"
		    " VALUES (?, ?, ?, ?) ON CONFLICT (pi_id, unit_id, period) DO UPDATE SET note ="
		    " excluded.note WHERE measurement_note.note <> excluded.note", &s, err);
	}
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, pi);
	stmt_bind_int(s, 2, unit);
	stmt_bind_text(s, 3, period);
	if (note != NULL && *note != '\0')
		stmt_bind_text(s, 4, note);
	if ((rc = stmt_exec(s, err)) == 0 && stmt_changes(s) > 0) {
		intmap_put(noted, pi, 1);
		*changed = true;
	}
	return rc;
}

/* A figure as the audit log shows it: a plain number for an actual one without counts. */
static json_t *
figure_json(uint8_t flag, double value, const double *num, const double *den)
{
	json_t *o;

	if (flag == CF_ACTUAL && (num == NULL || *den == 0) && !isnan(value))
		return json_real(value);
	o = json_object();
	json_object_set_new(o, "value", isnan(value) || (flag & CF_QUALITY) == CF_NOT_AVAILABLE ?
	    json_null() : json_real(value));
	json_object_set_new(o, "flag", json_string(cube_flag_name((enum cube_flag)flag)));
	if (flag & CF_PENDING)
		json_object_set_new(o, "approved", json_false());
	if (num != NULL && *den != 0) {
		json_object_set_new(o, "numerator", json_real(*num));
		json_object_set_new(o, "denominator", json_real(*den));
	}
	return o;
}

/* The key of every column of c, for a changes entry. */
static json_t *
column_refs(struct wm_ctx *ctx, const struct cube *c)
{
	json_t *refs = json_array();
	struct wm_err quiet = WM_ERR_INIT;
	struct stmt *s;

	for (size_t u = 0; u < c->nunits; u++) {
		const char *ref = NULL;

		if (store_prepare(ctx->st, "SELECT ref FROM unit WHERE id = ?", &s, &quiet) == 0) {
			stmt_bind_int(s, 1, c->units[u]);
			if (stmt_step(s, &quiet) == STORE_ROW)
				ref = stmt_text(s, 0);
			json_array_append_new(refs, json_string(ref != NULL ? ref : "?"));
			stmt_reset(s);
		} else {
			json_array_append_new(refs, json_string("?"));
		}
	}
	return refs;
}

/*
 * The entry of one series' changed figures, written with the series: its
 * figures' old and new values in columns, and the digests of its blocks.
 */
static int
audit_changes(struct meas_writer *w, struct wcube *wc, struct wm_err *err)
{
	struct cube *c = &wc->c;
	json_t *after, *unit = json_array(), *period = json_array(), *old = json_array();
	json_t *now = json_array(), *state = json_object(), *v;
	char name[64];
	int rc;

	for (size_t i = 0; i < wc->nchg; i++) {
		const struct fchange *f = &wc->chg[i];
		struct period p = period_from_index(c->kind, f->period);
		char text[PERIOD_LEN];

		period_format(&p, text);
		json_array_append_new(unit, json_integer(f->col));
		json_array_append_new(period, json_string(text));
		json_array_append_new(old, figure_json(f->old_flag, f->old_value,
		    f->old_counts ? &f->old_num : NULL, &f->old_den));
		json_array_append_new(now, figure_json(f->new_flag, f->new_value,
		    f->new_counts ? &f->new_num : NULL, &f->new_den));
	}
	after = json_pack("{s:s, s:s, s:I, s:o, s:o, s:o, s:o, s:o}", "from", w->what, "pi",
	    wc->code != NULL ? wc->code : "?", "changed", (json_int_t)wc->nchg, "units",
	    column_refs(w->ctx, c), "unit", unit, "period", period, "old", old, "new", now);
	for (int part = 0; part < 2; part++) {
		digest_name(name, sizeof(name), part ? "archive" : "series", c->id);
		if ((v = json_object_get(w->state, name)) != NULL)
			json_object_set(state, name, v);
	}
	rc = audit_record_state(w->ctx, "import", "measurements", w->what, NULL, after, state, err);
	json_decref(after);
	json_decref(state);
	wc->nchg = 0;
	return rc;
}

static bool
same(double a, double b)
{
	return a == b || (isnan(a) && isnan(b));
}

/* One figure, by ids; the heart of the writer. */
static int
put_cell(struct meas_writer *w, int64_t pi, int64_t unit, const struct meas_row *r,
    int *changed, struct wm_err *err)
{
	struct period p;
	enum cube_flag flag = CF_ACTUAL;
	struct wcube *wc;
	struct cube *c;
	double value = r->value, num = r->numerator, den = r->denominator;
	size_t cell;
	long row, col;
	uint8_t old, stored;
	int rc;

	*changed = ENT_UNCHANGED;
	if (period_parse(r->period, &p) != 0)
		return wm_error(err, WM_EINVAL, "period \"%s\" is not a month (2003-04), quarter "
		    "(2003-Q2), financial year (2003/04) or year (2003)", r->period);
	if (r->flag != NULL && *r->flag != '\0' && cube_flag_parse(r->flag, &flag) != 0)
		return wm_error(err, WM_EINVAL, "flag \"%s\" is not actual, estimate, provisional or "
		    "not_available", r->flag);
	if ((rc = wcube_of(w, pi, p.kind, &wc, err)) != 0)
		return rc;
	c = &wc->c;
	if (flag == CF_NOT_AVAILABLE) {
		value = NAN;
		num = den = 0;
	} else if (r->has_ratio) {
		if (den == 0)
			return wm_error(err, WM_EINVAL, "denominator is 0");
		if (!r->has_value)
			value = num / den * wc->scale;
	} else if (!r->has_value) {
		return wm_error(err, WM_EINVAL, "no value (a figure that could not be had is "
		    "flagged not_available)");
	}
	/* a value worked out from its counts must be within the limits too */
	if (flag != CF_NOT_AVAILABLE && (rc = value_ok(w, value, err)) != 0)
		return rc;
	/* a figure older than the recent part: the history is wanted after all */
	if (c->partial && period_index(&p) < c->first) {
		size_t before = (size_t)c->nperiods * c->nunits;

		if ((rc = cube_complete(w->ctx, c, err)) != 0)
			return rc;
		w->held += (size_t)c->nperiods * c->nunits - before;
	}
	col = cube_col(c, unit, true);
	row = cube_row(c, period_index(&p), true);
	if (r->has_ratio)
		cube_want_counts(c);	/* after reshaping, so the counts match the shape */
	cell = cube_cell(c, row, col);
	old = c->flag[cell];
	/* what is stored: the quality, and whether it awaits approval */
	stored = (uint8_t)(flag | (r->pending ? CF_PENDING : 0));
	if (old & SEEN) {
		if ((old & (uint8_t)~SEEN) != stored || !same(c->value[cell], value) ||
		    (c->num != NULL && (!same(c->num[cell], r->has_ratio ? num : 0) ||
		    !same(c->den[cell], r->has_ratio ? den : 0))))
			return wm_error(err, WM_EEXIST, "the same PI, unit and period came earlier with "
			    "a different figure (%g)", c->value[cell]);
		w->unchanged++;
		return 0;
	}
	if (old == CF_NONE) {
		*changed = ENT_ADDED;
		w->added++;
		w->held++;
	} else if (old != stored || !same(c->value[cell], value) ||
	    (c->num != NULL && r->has_ratio && (!same(c->num[cell], num) ||
	    !same(c->den[cell], den)))) {
		*changed = ENT_CHANGED;
		w->changed++;
		if (w->audit) {
			struct fchange *f;

			WM_GROW(wc->chg, wc->nchg + 1, wc->capchg);
			f = &wc->chg[wc->nchg++];
			*f = (struct fchange){ (int32_t)col, period_index(&p), old, stored,
				c->num != NULL && c->den[cell] != 0, r->has_ratio, c->value[cell], value,
				c->num ? c->num[cell] : 0, c->den ? c->den[cell] : 0, num, den };
		}
	} else {
		w->unchanged++;
	}
	c->value[cell] = value;
	if (c->num != NULL) {
		c->num[cell] = r->has_ratio ? num : 0;
		c->den[cell] = r->has_ratio ? den : 0;
	}
	c->flag[cell] = (uint8_t)(stored | SEEN);
	if (*changed != ENT_UNCHANGED)
		wc->dirty = true;
	/*
	 * A note given is kept; a figure replaced loses the old one's (no SQL for a
	 * new figure); a record changed whole (a PATCH, a form) has the note it says.
	 */
	if (r->note != NULL || r->whole_note || *changed == ENT_CHANGED) {
		char canon[PERIOD_LEN];
		bool noted;

		period_format(&p, canon);
		if ((rc = put_note(w->ctx, pi, unit, canon, r->note, &w->noted, &noted, err)) != 0)
			return rc;
		/* the note alone changed: a change, audited like one */
		if (noted && *changed == ENT_UNCHANGED) {
			*changed = ENT_CHANGED;
			w->unchanged--;
			w->changed++;
		}
	}
	if (w->held > HELD_MAX)
		return flush(w, err);
	return 0;
}

/* Targets are rows: one per PI, unit and period. */
static int
put_target(struct meas_writer *w, int64_t pi, int64_t unit, const struct meas_row *r,
    int *changed, struct wm_err *err)
{
	struct wm_ctx *ctx = w->ctx;
	struct period p;
	char canon[PERIOD_LEN];
	struct stmt *s;
	int64_t id = 0;
	bool same_row = false;
	json_t *old = NULL;
	int rc;

	*changed = ENT_UNCHANGED;
	if (period_parse(r->period, &p) != 0)
		return wm_error(err, WM_EINVAL, "period \"%s\" is not a month, quarter, financial year "
		    "or year", r->period);
	if (!r->has_value)
		return wm_error(err, WM_EINVAL, "a target needs a value");
	period_format(&p, canon);
	rc = store_prepare(ctx->st, "SELECT id, value, tolerance, note, numerator, denominator"
	    " FROM target WHERE pi_id = ? AND unit_id = ? AND period = ?", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, pi);
	stmt_bind_int(s, 2, unit);
	stmt_bind_text(s, 3, canon);
	if ((rc = stmt_step(s, err)) == STORE_ROW) {
		const char *note = stmt_text(s, 3);

		id = stmt_int(s, 0);
		old = json_pack("{s:f, s:o, s:s?, s:o, s:o}", "value", stmt_double(s, 1), "tolerance",
		    stmt_is_null(s, 2) ? json_null() : json_real(stmt_double(s, 2)), "note", note,
		    "numerator", stmt_is_null(s, 4) ? json_null() : json_real(stmt_double(s, 4)),
		    "denominator", stmt_is_null(s, 5) ? json_null() : json_real(stmt_double(s, 5)));
		same_row = stmt_double(s, 1) == r->value &&
		    (r->has_tolerance ? !stmt_is_null(s, 2) && stmt_double(s, 2) == r->tolerance :
		    stmt_is_null(s, 2)) &&
		    (r->has_ratio ? !stmt_is_null(s, 4) && stmt_double(s, 4) == r->numerator &&
		    !stmt_is_null(s, 5) && stmt_double(s, 5) == r->denominator :
		    stmt_is_null(s, 4) && stmt_is_null(s, 5)) &&
		    ((note == NULL && r->note == NULL) ||
		    (note != NULL && r->note != NULL && strcmp(note, r->note) == 0));
	}
	stmt_reset(s);
	if (rc < 0 || same_row) {
		json_decref(old);
		if (same_row)
			w->unchanged++;
		return rc < 0 ? rc : 0;
	}
	rc = store_prepare(ctx->st, id ?
	    "UPDATE target SET value = ?, tolerance = ?, note = ?, numerator = ?, denominator = ?,"
	    " version = version + 1 WHERE id = ? RETURNING id" :
	    "INSERT INTO target (value, tolerance, note, numerator, denominator, pi_id, unit_id,"
	    " period) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", &s, err);
	if (rc != 0) {
		json_decref(old);
		return rc;
	}
	stmt_bind_double(s, 1, r->value);
	if (r->has_tolerance)
		stmt_bind_double(s, 2, r->tolerance);
	else
		stmt_bind_null(s, 2);
	stmt_bind_text(s, 3, r->note);
	if (r->has_ratio) {
		stmt_bind_double(s, 4, r->numerator);
		stmt_bind_double(s, 5, r->denominator);
	} else {
		stmt_bind_null(s, 4);
		stmt_bind_null(s, 5);
	}
	if (id) {
		stmt_bind_int(s, 6, id);
	} else {
		stmt_bind_int(s, 6, pi);
		stmt_bind_int(s, 7, unit);
		stmt_bind_text(s, 8, canon);
	}
	rc = stmt_step(s, err);
	if (rc == STORE_ROW) {
		int64_t written = stmt_int(s, 0);

		stmt_reset(s);
		rc = digest_record(ctx, kind_find("targets"), written, w->state, err);
	} else if (rc == STORE_DONE) {
		rc = wm_error(err, WM_EINTERNAL, "writing a target returned no row");
	}
	if (rc == 0 && id) {
		struct buf key = BUF_INIT;

		buf_addf(&key, "%s/%s/%s", r->pi, r->unit, canon);
		json_array_append_new(w->changes, json_pack("{s:s, s:O, s:{s:f, s:o, s:s?, s:o, s:o}}",
		    "key", buf_str(&key), "old", old, "new", "value", r->value, "tolerance",
		    r->has_tolerance ? json_real(r->tolerance) : json_null(), "note", r->note,
		    "numerator", r->has_ratio ? json_real(r->numerator) : json_null(),
		    "denominator", r->has_ratio ? json_real(r->denominator) : json_null()));
		buf_release(&key);
	}
	json_decref(old);
	if (rc != 0)
		return rc;
	*changed = id ? ENT_CHANGED : ENT_ADDED;
	if (id)
		w->changed++;
	else
		w->added++;
	return 0;
}

int
meas_writer_put(struct meas_writer *w, const struct meas_row *r, int *changed, struct wm_err *err)
{
	int64_t pi, unit;
	int rc;

	*changed = ENT_UNCHANGED;
	if ((rc = check_limits(w, r, err)) != 0)
		return rc;
	if ((rc = resolve(w, &w->pis, "pis", r->pi, &pi, err)) != 0 ||
	    (rc = resolve(w, &w->units, "units", r->unit, &unit, err)) != 0)
		return rc;
	if (w->table == MEAS_TARGETS)
		return put_target(w, pi, unit, r, changed, err);
	return put_cell(w, pi, unit, r, changed, err);
}

void
meas_writer_free(struct meas_writer *w)
{
	if (w == NULL)
		return;
	for (size_t i = 0; i < w->ncubes; i++) {
		cube_release(&w->cubes[i].c);
		free(w->cubes[i].code);
		free(w->cubes[i].chg);
	}
	free(w->cubes);
	intmap_release(&w->where);
	intmap_release(&w->noted);
	strmap_release(&w->pis.all);
	strmap_release(&w->units.all);
	json_decref(w->state);
	json_decref(w->changes);
	free(w->what);
	free(w);
}

/*
 * Write what is held and digest the notes written; *state, if not NULL,
 * receives what was written (for a caller that audits it itself).
 */
static int
finish(struct meas_writer *w, json_t *summary, json_t **state, struct wm_err *err)
{
	const char *kind = w->table == MEAS_TARGETS ? "targets" : "measurements";
	json_t *after;
	int rc;

	if ((rc = flush(w, err)) != 0)
		goto out;
	for (size_t i = 0; i < w->noted.cap && rc == 0; i++)
		if (w->noted.used[i])
			rc = digest_notes(w->ctx, w->noted.keys[i], w->state, err);
	if (rc != 0)
		goto out;
	if (summary != NULL)
		json_object_set_new(summary, kind, json_pack("{s:I, s:I, s:I}", "added",
		    (json_int_t)w->added, "changed", (json_int_t)w->changed, "unchanged",
		    (json_int_t)w->unchanged));
	if (w->audit && w->added + w->changed > 0) {
		after = json_pack("{s:s, s:I, s:I}", "from", w->what, "added", (json_int_t)w->added,
		    "changed", (json_int_t)w->changed);
		json_t *entries = NULL;

		if (json_array_size(w->changes) > 0)
			json_object_set(after, "changes", w->changes);
		/* the entries before this one that hold the figures changed */
		if (w->table == MEAS_MEASUREMENTS && w->changed > 0 &&
		    (rc = audit_span_json(w->ctx, &w->span, &entries, err)) != 0) {
			json_decref(after);
			goto out;
		}
		if (entries != NULL)
			json_object_set_new(after, "changes_in", entries);
		rc = audit_record_state(w->ctx, "import", kind, w->what, NULL, after, w->state, err);
		json_decref(after);
	}
	if (state != NULL) {
		*state = w->state;
		w->state = NULL;
	}
out:
	meas_writer_free(w);
	return rc;
}

int
meas_writer_close(struct meas_writer *w, json_t *summary, struct wm_err *err)
{
	return finish(w, summary, NULL, err);
}

int
meas_fold_staged(struct wm_ctx *ctx, int64_t *n, struct wm_err *err)
{
	struct meas_writer *w = NULL;
	struct stmt *s;
	bool exists;
	int rc, changed;

	*n = 0;
	if ((rc = store_table_exists(ctx->st, "measurement_staged", &exists, err)) != 0 || !exists)
		return rc;
	if ((rc = store_begin(ctx->st, err)) != 0)
		return rc;
	if ((rc = meas_writer_open(ctx, MEAS_MEASUREMENTS, "figures kept before schema 3", &w,
	    err)) != 0)
		goto fail;
	rc = store_prepare(ctx->st, "SELECT pi_id, unit_id, period, value, numerator, denominator,"
	    " flag, note FROM measurement_staged", &s, err);
	if (rc != 0)
		goto fail;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		struct meas_row r = { NULL, NULL, stmt_text(s, 2), !stmt_is_null(s, 3),
			stmt_double(s, 3), !stmt_is_null(s, 4) && !stmt_is_null(s, 5),
			stmt_double(s, 4), stmt_double(s, 5), stmt_text(s, 6), false, 0,
			stmt_text(s, 7), false, false };

		if ((rc = put_cell(w, stmt_int(s, 0), stmt_int(s, 1), &r, &changed, err)) != 0) {
			stmt_reset(s);
			goto fail;
		}
		(*n)++;
	}
	if (rc < 0)
		goto fail;
	rc = meas_writer_close(w, NULL, err);
	w = NULL;
	if (rc == 0)
		rc = store_exec(ctx->st, "DELETE FROM measurement_staged", err);
	if (rc != 0)
		goto fail;
	return store_commit(ctx->st, err);
fail:
	meas_writer_free(w);
	return store_rollback(ctx->st, rc);
}

/* ---- the measurements kind ------------------------------------------------- */

/* "SC-01/Camden/2003-04" -> its parts (the period may itself hold a '/'). */
static int
split_key(struct wm_ctx *ctx, const char *key, int64_t *pi, int64_t *unit, struct period *p,
    struct wm_err *err)
{
	const char *a = strchr(key, '/'), *b = a ? strchr(a + 1, '/') : NULL;
	char *pic, *unitc;
	int rc;

	if (a == NULL || b == NULL)
		return wm_error(err, WM_EINVAL, "\"%s\" is not a measurement's key (PI/unit/period)", key);
	pic = wm_strndup(key, (size_t)(a - key));
	unitc = wm_strndup(a + 1, (size_t)(b - a - 1));
	rc = ent_resolve(ctx, kind_find("pis"), pic, pi, err);
	if (rc == 0)
		rc = ent_resolve(ctx, kind_find("units"), unitc, unit, err);
	if (rc == 0 && period_parse(b + 1, p) != 0)
		rc = wm_error(err, WM_EINVAL, "\"%s\" is not a period", b + 1);
	free(pic);
	free(unitc);
	return rc;
}

/* Names for ids, for showing keys: every PI's code and every unit's ref. */
struct names {
	struct intmap pi_at, unit_at;	/* id -> index */
	json_t *pis, *units;		/* arrays of strings */
	json_t *pi_ids;			/* PI index -> id */
	json_t *published;		/* PI index -> published */
	json_t *unit_published;		/* unit index -> published */
};

/* May the actor see figures of this unit? (Of the PI: names' published.) */
static bool
unit_visible(const struct wm_ctx *ctx, const struct names *nm, int64_t unit)
{
	int64_t at;

	return !authz_published_only(ctx) || (intmap_get(&nm->unit_at, unit, &at) &&
	    json_is_true(json_array_get(nm->unit_published, (size_t)at)));
}

static int
names_load(struct wm_ctx *ctx, struct names *nm, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	memset(nm, 0, sizeof(*nm));
	nm->pis = json_array();
	nm->units = json_array();
	nm->published = json_array();
	nm->pi_ids = json_array();
	nm->unit_published = json_array();
	if ((rc = store_prepare(ctx->st, "SELECT id, code, published FROM pi ORDER BY code", &s,
	    err)) != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		intmap_put(&nm->pi_at, stmt_int(s, 0), (int64_t)json_array_size(nm->pis));
		json_array_append_new(nm->pis, json_string(stmt_text(s, 1)));
		json_array_append_new(nm->published, json_boolean(stmt_int(s, 2)));
		json_array_append_new(nm->pi_ids, json_integer(stmt_int(s, 0)));
	}
	if (rc < 0)
		return rc;
	if ((rc = store_prepare(ctx->st, "SELECT id, ref, published FROM unit", &s, err)) != 0)
		return rc;
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		intmap_put(&nm->unit_at, stmt_int(s, 0), (int64_t)json_array_size(nm->units));
		json_array_append_new(nm->units, json_string(stmt_text(s, 1)));
		json_array_append_new(nm->unit_published, json_boolean(stmt_int(s, 2)));
	}
	return rc < 0 ? rc : 0;
}

static void
names_release(struct names *nm)
{
	intmap_release(&nm->pi_at);
	intmap_release(&nm->unit_at);
	json_decref(nm->pis);
	json_decref(nm->unit_published);
	json_decref(nm->units);
	json_decref(nm->published);
	json_decref(nm->pi_ids);
}

static const char *
name_of(const struct intmap *at, json_t *names, int64_t id)
{
	int64_t i;

	return intmap_get(at, id, &i) ? json_string_value(json_array_get(names, (size_t)i)) : "?";
}

static json_t *
cell_json(const struct names *nm, const struct cube *c, long row, long col, json_t *notes)
{
	size_t cell = cube_cell(c, row, col);
	struct period p = period_from_index(c->kind, c->first + (int)row);
	char text[PERIOD_LEN], nk[64];
	uint8_t f = c->flag[cell] & CF_QUALITY;
	bool pending = (c->flag[cell] & CF_PENDING) != 0;
	json_t *o = json_object(), *extra;

	period_format(&p, text);
	json_object_set_new(o, "pi", json_string(name_of(&nm->pi_at, nm->pis, c->pi_id)));
	json_object_set_new(o, "unit", json_string(name_of(&nm->unit_at, nm->units,
	    c->units[col])));
	json_object_set_new(o, "period", json_string(text));
	json_object_set_new(o, "value", f == CF_NOT_AVAILABLE || isnan(c->value[cell]) ?
	    json_null() : json_real(c->value[cell]));
	json_object_set_new(o, "numerator", c->num && f != CF_NOT_AVAILABLE && c->den[cell] != 0 ?
	    json_real(c->num[cell]) : json_null());
	json_object_set_new(o, "denominator", c->den && f != CF_NOT_AVAILABLE && c->den[cell] != 0 ?
	    json_real(c->den[cell]) : json_null());
	json_object_set_new(o, "flag", json_string(cube_flag_name((enum cube_flag)f)));
	snprintf(nk, sizeof(nk), "%lld/%s", (long long)c->units[col], text);
	extra = json_object_get(notes, nk);
	json_object_set(o, "note", json_object_get(extra, "note") ? json_object_get(extra, "note") :
	    json_null());
	json_object_set_new(o, "approved", json_boolean(!pending));
	json_object_set(o, "reason", pending && json_object_get(extra, "reason") ?
	    json_object_get(extra, "reason") : json_null());
	json_object_set(o, "submitted_by", pending && json_object_get(extra, "submitted_by") ?
	    json_object_get(extra, "submitted_by") : json_null());
	json_object_set_new(o, "version", json_integer(c->version));
	return o;
}

/*
 * What an indicator's figures have beside their numbers, by "UNITID/PERIOD":
 * {"note"} and, for those awaiting approval, {"submitted_by", "reason"}.
 */
int
meas_notes(struct wm_ctx *ctx, int64_t pi, json_t **out, struct wm_err *err)
{
	static const char *const sql[] = {
		"SELECT unit_id, period, note FROM measurement_note WHERE pi_id = ?",
		"SELECT unit_id, period, submitted_by, reason FROM figure_review WHERE pi_id = ?",
	};
	struct stmt *s;
	int rc = 0;

	*out = json_object();
	for (size_t q = 0; q < WM_ARRAY_LEN(sql) && rc == 0; q++) {
		if ((rc = store_prepare(ctx->st, sql[q], &s, err)) != 0)
			return rc;
		stmt_bind_int(s, 1, pi);
		while ((rc = stmt_step(s, err)) == STORE_ROW) {
			char nk[64];
			json_t *o;

			snprintf(nk, sizeof(nk), "%lld/%s", (long long)stmt_int(s, 0), stmt_text(s, 1));
			if ((o = json_object_get(*out, nk)) == NULL)
				json_object_set_new(*out, nk, o = json_object());
			if (q == 0) {
				json_object_set_new(o, "note", json_string(stmt_text(s, 2)));
			} else {
				json_object_set_new(o, "submitted_by", json_string(stmt_text(s, 2)));
				if (!stmt_is_null(s, 3))
					json_object_set_new(o, "reason", json_string(stmt_text(s, 3)));
			}
		}
		rc = rc < 0 ? rc : 0;
	}
	return rc;
}

/*
 * Keep (pending) or drop who entered a figure and why it was saved, as it
 * awaits approval or no longer does.
 */
static int
put_review(struct wm_ctx *ctx, const char *pi, const char *unit, const char *period,
    bool pending, const char *by, const char *reason, struct wm_err *err)
{
	char now[TIMESTAMP_LEN], canon[PERIOD_LEN];
	struct period p;
	int64_t pid, uid;
	struct stmt *s;
	int rc;

	if ((rc = ent_resolve(ctx, kind_find("pis"), pi, &pid, err)) != 0 ||
	    (rc = ent_resolve(ctx, kind_find("units"), unit, &uid, err)) != 0)
		return rc;
	if (period_parse(period, &p) != 0)
		return wm_error(err, WM_EINVAL, "\"%s\" is not a period", period);
	period_format(&p, canon);
	rc = store_prepare(ctx->st, pending ?
	    "INSERT INTO figure_review (pi_id, unit_id, period, submitted_by, submitted_at, reason)"
	    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (pi_id, unit_id, period) DO UPDATE SET"
	    " submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,"
	    " reason = excluded.reason" :
	    "DELETE FROM figure_review WHERE pi_id = ? AND unit_id = ? AND period = ?", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, pid);
	stmt_bind_int(s, 2, uid);
	stmt_bind_text(s, 3, canon);
	if (pending) {
		timestamp_format(ctx->now, now);
		stmt_bind_text(s, 4, by != NULL ? by : "unknown");
		stmt_bind_text(s, 5, now);
		stmt_bind_text(s, 6, reason);
	}
	return stmt_exec(s, err);
}

struct listed {
	const char *unit;	/* for sorting */
	char period[PERIOD_LEN];
	json_t *row;		/* NULL until wanted */
	int kind;		/* where the figure is: cube, row, column */
	long r, col;
};

static int
listed_cmp(const void *a, const void *b)
{
	const struct listed *x = a, *y = b;
	int c = strcmp(x->unit, y->unit);

	return c != 0 ? c : strcmp(x->period, y->period);
}

/* Does the figure pass the query's field filters (all but pi, already applied)? */
static bool
matches(const json_t *row, const json_t *where)
{
	const char *name;
	json_t *want;

	json_object_foreach((json_t *)where, name, want) {
		const json_t *have = json_object_get(row, name);

		if (strcmp(name, "pi") == 0)
			continue;
		if (json_is_string(want) && strcmp(name, "unit") == 0)
			continue;	/* resolved to an id and applied on the columns */
		if (json_is_string(want) && json_is_string(have) &&
		    strcmp(json_string_value(want), json_string_value(have)) == 0)
			continue;
		if (json_is_number(want) && json_is_number(have) &&
		    json_number_value(want) == json_number_value(have))
			continue;
		if (json_is_string(want) && json_is_number(have)) {
			char *end;
			double v = strtod(json_string_value(want), &end);

			if (*end == '\0' && v == json_number_value(have))
				continue;
		}
		return false;
	}
	return true;
}

static int
in_range(const struct ent_query *q, const struct period *p, bool *ok)
{
	int d;
	struct period b;

	*ok = true;
	if (q == NULL)
		return 0;
	if (q->from != NULL) {
		if (date_parse_iso(q->from, &d) != 0) {
			if (period_parse(q->from, &b) != 0)
				return WM_EUSAGE;
			d = period_first_day(&b);
		}
		*ok = *ok && period_first_day(p) >= d;
	}
	if (q->to != NULL) {
		if (date_parse_iso(q->to, &d) != 0) {
			if (period_parse(q->to, &b) != 0)
				return WM_EUSAGE;
			d = period_last_day(&b);
		}
		*ok = *ok && period_last_day(p) <= d;
	}
	return 0;
}

/* Does where filter on anything but the pi and unit, so that rows must be built to match? */
static bool
filters_fields(const json_t *where)
{
	const char *name;
	json_t *want;

	json_object_foreach((json_t *)where, name, want)
		if (strcmp(name, "pi") != 0 && !(json_is_string(want) && strcmp(name, "unit") == 0))
			return true;
	return false;
}

/*
 * The figures a query selects, by indicator, then unit and period: into
 * out (an array) those within its offset and limit, or only counted when
 * out is NULL. A row's JSON is built only when it is kept or must be
 * matched, so counting or paging millions of figures builds few.
 */
static int
m_walk(struct wm_ctx *ctx, const struct ent_query *q, json_t *out, size_t *count,
    struct wm_err *err)
{
	const json_t *where = q ? q->where : NULL;
	const char *pi_key = json_string_value(json_object_get(where, "pi"));
	const char *unit_key = json_string_value(json_object_get(where, "unit"));
	bool build_all = filters_fields(where);
	size_t offset = q ? q->offset : 0, limit = q && q->limit > 0 ? q->limit : SIZE_MAX;
	struct names nm;
	int64_t only_pi = 0, only_unit = 0;
	int rc;

	*count = 0;
	if ((rc = names_load(ctx, &nm, err)) != 0)
		return rc;
	if (pi_key != NULL && (rc = ent_resolve(ctx, kind_find("pis"), pi_key, &only_pi, err)) != 0)
		goto out;
	if (unit_key != NULL &&
	    (rc = ent_resolve(ctx, kind_find("units"), unit_key, &only_unit, err)) != 0)
		goto out;
	for (size_t i = 0; i < json_array_size(nm.pis) && rc == 0; i++) {
		int64_t pi = json_integer_value(json_array_get(nm.pi_ids, i));
		struct cube cubes[4];
		unsigned have;
		json_t *notes = NULL;
		struct listed *rows = NULL;
		size_t nrows = 0, caprows = 0;

		if (only_pi && pi != only_pi)
			continue;
		if (authz_published_only(ctx) && !json_is_true(json_array_get(nm.published, i)))
			continue;
		/* a page already full: only a count goes on */
		if (out != NULL && *count >= offset + limit)
			break;
		if ((rc = cube_kinds(ctx, pi, &have, err)) != 0 || (rc = meas_notes(ctx, pi, &notes,
		    err)) != 0) {
			json_decref(notes);
			break;
		}
		for (int kind = 0; kind < 4; kind++)
			cube_init(&cubes[kind], pi, (enum period_kind)kind);
		for (int kind = 0; kind < 4 && rc == 0; kind++) {
			struct cube *c = &cubes[kind];

			if (!(have & (1u << kind)))
				continue;
			if ((rc = cube_load(ctx, pi, (enum period_kind)kind, INT_MIN, INT_MAX, c,
			    err)) != 0)
				break;
			for (long r = 0; r < c->nperiods && rc == 0; r++)
				for (size_t u = 0; u < c->nunits; u++) {
					struct period p = period_from_index(c->kind, c->first + (int)r);
					json_t *row = NULL;
					bool ok;

					if ((c->flag[cube_cell(c, r, (long)u)] & (uint8_t)~SEEN) == CF_NONE ||
					    (only_unit && c->units[u] != only_unit) ||
					    !unit_visible(ctx, &nm, c->units[u]))
						continue;
					if (in_range(q, &p, &ok) != 0) {
						rc = wm_error(err, WM_EUSAGE, "from/to must be a date or a period");
						break;
					}
					if (!ok)
						continue;
					if (build_all) {
						row = cell_json(&nm, c, r, (long)u, notes);
						if (!matches(row, where)) {
							json_decref(row);
							continue;
						}
					}
					if (out == NULL) {	/* counting: no order needed */
						json_decref(row);
						(*count)++;
						continue;
					}
					WM_GROW(rows, nrows + 1, caprows);
					rows[nrows] = (struct listed){ name_of(&nm.unit_at, nm.units, c->units[u]),
						"", row, kind, r, (long)u };
					period_format(&p, rows[nrows].period);
					nrows++;
				}
		}
		wm_sort(rows, nrows, sizeof(*rows), listed_cmp);
		for (size_t r = 0; r < nrows; r++) {
			struct listed *l = &rows[r];

			if (rc == 0 && out != NULL && *count >= offset && *count < offset + limit)
				json_array_append_new(out, l->row != NULL ? l->row :
				    cell_json(&nm, &cubes[l->kind], l->r, l->col, notes));
			else
				json_decref(l->row);
			(*count)++;
		}
		free(rows);
		for (int kind = 0; kind < 4; kind++)
			cube_release(&cubes[kind]);
		json_decref(notes);
	}
out:
	names_release(&nm);
	return rc;
}

static int
m_list(struct wm_ctx *ctx, const struct kind *k, const struct ent_query *q, json_t **out,
    struct wm_err *err)
{
	json_t *all = json_array();
	size_t n;
	int rc;

	(void)k;
	*out = NULL;
	if ((rc = m_walk(ctx, q, all, &n, err)) != 0) {
		json_decref(all);
		return rc;
	}
	*out = all;
	return 0;
}

/*
 * Counted from the counts the series keep when nothing but the indicator
 * narrows the query: a summary of ten million figures reads a few
 * thousand index entries, not the figures. The public's count leaves out
 * what they may not see, so it is walked.
 */
static int
m_count(struct wm_ctx *ctx, const struct kind *k, const struct ent_query *q, size_t *n,
    struct wm_err *err)
{
	const json_t *where = q ? q->where : NULL;
	const char *pi_key = json_string_value(json_object_get(where, "pi"));
	size_t nwhere = json_object_size(where);
	int64_t pi = 0;
	int rc;

	(void)k;
	if (authz_published_only(ctx) || (q != NULL && (q->from != NULL || q->to != NULL)) ||
	    nwhere > (pi_key != NULL ? 1u : 0u))
		return m_walk(ctx, q, NULL, n, err);
	*n = 0;
	if (pi_key != NULL && (rc = ent_resolve(ctx, kind_find("pis"), pi_key, &pi, err)) != 0)
		return rc;
	return cube_count(ctx, pi, n, err);
}

/* The figure at key, loading the one period it is in. */
static int
m_get(struct wm_ctx *ctx, const struct kind *k, const char *key, json_t **out,
    struct wm_err *err)
{
	struct names nm;
	struct cube c;
	struct period p;
	int64_t pi, unit;
	json_t *notes = NULL;
	long row, col;
	int rc;

	(void)k;
	*out = NULL;
	if ((rc = split_key(ctx, key, &pi, &unit, &p, err)) != 0)
		return rc;
	if ((rc = cube_load(ctx, pi, p.kind, period_index(&p), period_index(&p), &c, err)) != 0)
		return rc;
	row = cube_row(&c, period_index(&p), false);
	col = cube_col(&c, unit, false);
	if (row < 0 || col < 0 || c.flag[cube_cell(&c, row, col)] == CF_NONE) {
		cube_release(&c);
		return wm_error(err, WM_ENOTFOUND, "no measurement \"%s\"", key);
	}
	if ((rc = names_load(ctx, &nm, err)) == 0 && (rc = meas_notes(ctx, pi, &notes, err)) == 0)
		*out = cell_json(&nm, &c, row, col, notes);
	json_decref(notes);
	names_release(&nm);
	cube_release(&c);
	return rc;
}

static void
row_of(const json_t *row, struct meas_row *r)
{
	const json_t *v = json_object_get(row, "value");
	const json_t *n = json_object_get(row, "numerator"), *d = json_object_get(row, "denominator");

	memset(r, 0, sizeof(*r));
	r->pi = json_string_value(json_object_get(row, "pi"));
	r->unit = json_string_value(json_object_get(row, "unit"));
	r->period = json_string_value(json_object_get(row, "period"));
	r->has_value = json_is_number(v);
	r->value = json_number_value(v);
	r->has_ratio = json_is_number(n) && json_is_number(d);
	r->numerator = json_number_value(n);
	r->denominator = json_number_value(d);
	r->flag = json_string_value(json_object_get(row, "flag"));
	r->note = json_string_value(json_object_get(row, "note"));
	r->pending = json_is_false(json_object_get(row, "approved"));
}

static int
m_put(struct wm_ctx *ctx, const struct kind *k, const json_t *row, int mode, bool restore,
    int64_t if_version, int *changed, struct wm_err *err)
{
	struct meas_writer *w = NULL;
	struct meas_row r;
	struct buf key = BUF_INIT;
	json_t *before = NULL, *after = NULL, *state = NULL;
	struct wm_err quiet = WM_ERR_INIT;
	bool was_pending;
	int rc;

	*changed = ENT_UNCHANGED;
	row_of(row, &r);
	r.whole_note = mode == PUT_SET;	/* the record as changed: its note emptied is gone */
	ent_row_key(k, row, &key);
	rc = m_get(ctx, k, buf_str(&key), &before, &quiet);
	if (rc != 0 && rc != WM_ENOTFOUND) {
		*err = quiet;
		goto out;
	}
	rc = 0;
	was_pending = before != NULL && json_is_false(json_object_get(before, "approved"));
	if (!restore) {
		/*
		 * Approved only by those who may approve it (authz.h): anyone else's
		 * figure awaits them, and their asking for approval is refused.
		 * "approved" true in row is a request when the figure is new or
		 * awaited approval; otherwise it is only what was there.
		 */
		bool may = authz_may_approve(ctx, r.pi);
		bool asks = json_is_true(json_object_get(row, "approved")) &&
		    (before == NULL || was_pending);

		if (asks && !may) {
			rc = wm_error_field(err, WM_EPERM, "approved", "approval",
			    "only the indicator's owner or a planner may approve its figures");
			goto out;
		}
		r.pending = !may || r.pending;
	}
	if (mode == PUT_ADD && before != NULL) {
		rc = wm_error(err, WM_EEXIST, "measurement \"%s\" already exists", buf_str(&key));
		goto out;
	}
	if (mode == PUT_SET && before == NULL) {
		rc = wm_error(err, WM_ENOTFOUND, "no measurement \"%s\"", buf_str(&key));
		goto out;
	}
	if (if_version > 0 && before != NULL &&
	    json_integer_value(json_object_get(before, "version")) != if_version) {
		rc = wm_error(err, WM_ECONFLICT, "the figures of this PI changed after version %lld; "
		    "reload and make the change again", (long long)if_version);
		goto out;
	}
	if ((rc = store_begin(ctx->st, err)) != 0)
		goto out;
	/* store_put has asked authz_write about this figure */
	if ((rc = writer_new(ctx, MEAS_MEASUREMENTS, buf_str(&key), &w, err)) != 0)
		goto fail;
	w->audit = false;	/* a single figure is audited with before and after, below */
	if ((rc = meas_writer_put(w, &r, changed, err)) != 0)
		goto fail;
	rc = finish(w, NULL, &state, err);
	w = NULL;
	if (rc != 0)
		goto fail;
	if (*changed != ENT_UNCHANGED || r.pending != was_pending) {
		const char *reason = json_string_value(json_object_get(row, "reason"));
		const char *by = restore ? json_string_value(json_object_get(row, "submitted_by")) :
		    ctx->actor;
		/* who entered it awaiting approval, or who approved it */
		const char *action = r.pending ? "submit" : was_pending ? "approve" :
		    before ? "set" : "add";

		if ((rc = put_review(ctx, r.pi, r.unit, r.period, r.pending, by, reason, err)) != 0)
			goto fail;
		if (!restore && ((rc = m_get(ctx, k, buf_str(&key), &after, err)) != 0 ||
		    (reason != NULL && !r.pending &&
		    json_object_set_new(after, "reason", json_string(reason)) != 0) ||
		    (rc = audit_record_state(ctx, action, "measurements", buf_str(&key), before, after,
		    state, err)) != 0))
			goto fail;
	}
	rc = store_commit(ctx->st, err);
	goto out;
fail:
	meas_writer_free(w);
	store_rollback(ctx->st, rc);
out:
	json_decref(before);
	json_decref(after);
	json_decref(state);
	buf_release(&key);
	return rc;
}

static int
m_remove(struct wm_ctx *ctx, const struct kind *k, const char *key, int64_t if_version,
    struct wm_err *err)
{
	struct cube c = { 0 };
	struct period p;
	json_t *before = NULL, *state = NULL;
	struct intmap noted = { 0 };
	int64_t pi, unit;
	long row, col;
	int rc;

	if ((rc = m_get(ctx, k, key, &before, err)) != 0)
		return rc;
	if (if_version > 0 && json_integer_value(json_object_get(before, "version")) != if_version) {
		json_decref(before);
		return wm_error(err, WM_ECONFLICT, "the figures of this PI changed after version %lld",
		    (long long)if_version);
	}
	state = json_object();
	if ((rc = store_begin(ctx->st, err)) != 0)
		goto out;
	if ((rc = split_key(ctx, key, &pi, &unit, &p, err)) != 0 ||
	    (rc = cube_load(ctx, pi, p.kind, INT_MIN, INT_MAX, &c, err)) != 0)
		goto fail;
	row = cube_row(&c, period_index(&p), false);
	col = cube_col(&c, unit, false);
	if (row >= 0 && col >= 0) {
		bool empty = true;

		c.flag[cube_cell(&c, row, col)] = CF_NONE;
		for (long r = 0; r < c.nperiods && empty; r++)
			empty = c.flag[cube_cell(&c, r, col)] == CF_NONE;
		/* a unit with no figure left in the series is no longer one of its units */
		if (empty)
			cube_drop_unit(&c, unit);
	}
	{
		char canon[PERIOD_LEN];
		bool gone;

		period_format(&p, canon);
		if ((rc = cube_store(ctx, &c, err)) != 0 ||
		    (rc = put_note(ctx, pi, unit, canon, NULL, &noted, &gone, err)) != 0 ||
		    (rc = put_review(ctx, json_string_value(json_object_get(before, "pi")),
		    json_string_value(json_object_get(before, "unit")), canon, false, NULL, NULL,
		    err)) != 0)
			goto fail;
		cube_state(state, &c);
		if ((rc = digest_notes(ctx, pi, state, err)) != 0 ||
		    (rc = audit_record_state(ctx, "remove", "measurements", key, before, NULL, state,
		    err)) != 0)
			goto fail;
	}
	rc = store_commit(ctx->st, err);
	goto out;
fail:
	store_rollback(ctx->st, rc);
out:
	cube_release(&c);
	json_decref(before);
	json_decref(state);
	intmap_release(&noted);
	return rc;
}

/*
 * Every figure of one PI or of one unit at once: a cascade's part in
 * removing the PI or the unit. A PI's series go whole; a unit's column is
 * taken out of every series that has one, so the unit can go. Each figure
 * is audited as removed, with what it was; the last entry carries what
 * the series and notes now hold (digest.h), or that they are gone.
 */
static int
m_remove_all(struct wm_ctx *ctx, const struct kind *k, const struct ent_query *q,
    struct wm_err *err)
{
	const char *pi_key = json_string_value(json_object_get(q->where, "pi"));
	const char *unit_key = json_string_value(json_object_get(q->where, "unit"));
	json_t *rows = NULL, *row, *state = json_object();
	int64_t unit = 0, pi = 0, *ids = NULL;
	size_t nids = 0, capids = 0, i;
	struct stmt *s;
	char name[64];
	int rc;

	if (json_object_size(q->where) != 1 || (pi_key == NULL) == (unit_key == NULL)) {
		json_decref(state);
		return wm_error(err, WM_EINTERNAL, "measurements: removed all at once by PI or unit");
	}
	if ((rc = store_begin(ctx->st, err)) != 0) {
		json_decref(state);
		return rc;
	}
	if ((rc = m_list(ctx, k, q, &rows, err)) != 0)
		goto out;
	json_array_foreach(rows, i, row)
		if ((rc = authz_write(ctx, k, row, NULL, err)) != 0)
			goto out;
	if (pi_key != NULL) {
		rc = ent_resolve(ctx, kind_find("pis"), pi_key, &pi, err);
		if (rc == 0)
			rc = store_prepare(ctx->st, "SELECT id FROM pi_series WHERE pi_id = ?", &s, err);
	} else {
		rc = ent_resolve(ctx, kind_find("units"), unit_key, &unit, err);
		if (rc == 0)
			rc = store_prepare(ctx->st, "SELECT DISTINCT s.pi_id FROM series_unit su"
			    " JOIN pi_series s ON s.id = su.series_id WHERE su.unit_id = ? ORDER BY 1",
			    &s, err);
	}
	if (rc != 0)
		goto out;
	stmt_bind_int(s, 1, pi_key != NULL ? pi : unit);
	while ((rc = stmt_step(s, err)) == STORE_ROW) {
		WM_GROW(ids, nids + 1, capids);
		ids[nids++] = stmt_int(s, 0);
	}
	if (rc < 0)
		goto out;
	rc = 0;
	if (pi_key != NULL) {
		/* the PI's series (ids[]) go, their archives and unit lists with them */
		for (i = 0; i < nids; i++) {
			digest_name(name, sizeof(name), "series", ids[i]);
			json_object_set_new(state, name, json_null());
			digest_name(name, sizeof(name), "archive", ids[i]);
			json_object_set_new(state, name, json_null());
		}
		if ((rc = store_prepare(ctx->st, "DELETE FROM pi_series WHERE pi_id = ?", &s, err)) != 0)
			goto out;
		stmt_bind_int(s, 1, pi);
		if ((rc = stmt_exec(s, err)) != 0 ||
		    (rc = store_prepare(ctx->st, "DELETE FROM measurement_note WHERE pi_id = ?", &s,
		    err)) != 0)
			goto out;
		stmt_bind_int(s, 1, pi);
		if ((rc = stmt_exec(s, err)) != 0 || (rc = digest_notes(ctx, pi, state, err)) != 0 ||
		    (rc = store_prepare(ctx->st, "DELETE FROM figure_review WHERE pi_id = ?", &s,
		    err)) != 0)
			goto out;
		stmt_bind_int(s, 1, pi);
		if ((rc = stmt_exec(s, err)) != 0)
			goto out;
	}
	/* a unit's column out of each series of the PIs in ids[] */
	for (i = 0; pi_key == NULL && i < nids; i++) {
		unsigned have;

		if ((rc = cube_kinds(ctx, ids[i], &have, err)) != 0)
			goto out;
		for (int kind = 0; kind < 4 && rc == 0; kind++) {
			struct cube c;

			if (!(have & (1u << kind)))
				continue;
			if ((rc = cube_load(ctx, ids[i], (enum period_kind)kind, INT_MIN, INT_MAX, &c,
			    err)) != 0)
				goto out;
			cube_drop_unit(&c, unit);
			if ((rc = cube_store(ctx, &c, err)) == 0)
				cube_state(state, &c);
			cube_release(&c);
		}
		if (rc == 0)
			rc = store_prepare(ctx->st, "DELETE FROM measurement_note"
			    " WHERE pi_id = ? AND unit_id = ?", &s, err);
		if (rc != 0)
			goto out;
		stmt_bind_int(s, 1, ids[i]);
		stmt_bind_int(s, 2, unit);
		if ((rc = stmt_exec(s, err)) != 0 || (rc = digest_notes(ctx, ids[i], state, err)) != 0 ||
		    (rc = store_prepare(ctx->st, "DELETE FROM figure_review"
		    " WHERE pi_id = ? AND unit_id = ?", &s, err)) != 0)
			goto out;
		stmt_bind_int(s, 1, ids[i]);
		stmt_bind_int(s, 2, unit);
		if ((rc = stmt_exec(s, err)) != 0)
			goto out;
	}
	json_array_foreach(rows, i, row) {
		struct buf key = BUF_INIT;
		bool last = i + 1 == json_array_size(rows);

		ent_row_key(k, row, &key);
		rc = audit_record_state(ctx, "remove", "measurements", buf_str(&key), row, NULL,
		    last ? state : NULL, err);
		buf_release(&key);
		if (rc != 0)
			goto out;
	}
	/* series that held the unit's column but none of its figures changed too */
	if (json_array_size(rows) == 0 && json_object_size(state) > 0)
		rc = audit_record_state(ctx, "remove", "measurements", pi_key ? pi_key : unit_key,
		    NULL, NULL, state, err);
out:
	json_decref(rows);
	json_decref(state);
	free(ids);
	return rc != 0 ? store_rollback(ctx->st, rc) : store_commit(ctx->st, err);
}

/*
 * A whole-database import: all the figures through one writer. A restore
 * puts back each series' version as exported, so an export of the copy is
 * the same file.
 */
static int
m_import_rows(struct wm_ctx *ctx, const struct kind *k, const json_t *rows, bool restore,
    json_t *summary, struct wm_err *err)
{
	struct meas_writer *w = NULL;
	json_t *versions = json_object(), *row, *counts = json_object();
	size_t i;
	int rc, changed;

	(void)k;
	if (!json_is_array(rows)) {
		rc = wm_error(err, WM_EINVAL, "measurements: expected an array of records");
		goto out;
	}
	if ((rc = meas_writer_open(ctx, MEAS_MEASUREMENTS, "imported file", &w, err)) != 0)
		goto out;
	w->audit = !restore;
	json_array_foreach(rows, i, row) {
		struct meas_row r;

		row_of(row, &r);
		if (r.pi == NULL || r.unit == NULL || r.period == NULL) {
			rc = wm_error(err, WM_EINVAL, "measurements[%zu]: needs pi, unit and period", i);
			goto out;
		}
		if ((rc = meas_writer_put(w, &r, &changed, err)) != 0 ||
		    (r.pending && (rc = put_review(ctx, r.pi, r.unit, r.period, true, restore ?
		    json_string_value(json_object_get(row, "submitted_by")) : ctx->actor,
		    json_string_value(json_object_get(row, "reason")), err)) != 0)) {
			wm_error_prefix(err, "measurements[%zu]: ", i);
			goto out;
		}
		if (restore && json_is_integer(json_object_get(row, "version")))
			json_object_set(versions, r.pi, json_object_get(row, "version"));
	}
	rc = meas_writer_close(w, counts, err);
	w = NULL;
	if (rc != 0)
		goto out;
	{
		json_t *c = json_object_get(counts, "measurements");

		json_object_set_new(summary, "measurements", json_pack("{s:O, s:O, s:O}", "added",
		    json_object_get(c, "added"), "changed", json_object_get(c, "changed"), "unchanged",
		    json_object_get(c, "unchanged")));
	}
	if (restore) {
		const char *code;
		json_t *v;

		json_object_foreach(versions, code, v) {
			struct stmt *s;

			rc = store_prepare(ctx->st, "UPDATE pi_series SET version = ?"
			    " WHERE pi_id = (SELECT id FROM pi WHERE code = ?)", &s, err);
			if (rc != 0)
				goto out;
			stmt_bind_int(s, 1, json_integer_value(v));
			stmt_bind_text(s, 2, code);
			if ((rc = stmt_exec(s, err)) != 0)
				goto out;
		}
	}
out:
	meas_writer_free(w);
	json_decref(versions);
	json_decref(counts);
	return rc;
}

const struct kind_store measurement_store = { m_list, m_get, m_put, m_remove, m_import_rows,
	m_count, m_remove_all };
