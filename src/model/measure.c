/*
 * measure.c: the bulk writer of measure.h.
 */
#include "base/wm.h"

#include "base/mem.h"
#include "model/audit.h"
#include "model/authz.h"
#include "model/ent.h"
#include "model/kind.h"
#include "model/measure.h"
#include "store/store.h"

/* A small cache from key to id, so each PI and unit is resolved once. */
struct idmap {
	char **keys;
	int64_t *ids;
	size_t n, cap;
};

struct meas_writer {
	struct wm_ctx *ctx;
	enum meas_table table;
	char *what;
	struct idmap pis, units;
	int64_t added, changed, unchanged;
};

static void
idmap_free(struct idmap *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->ids);
}

static int
idmap_get(struct wm_ctx *ctx, struct idmap *m, const char *kind, const char *key, int64_t *id,
    struct wm_err *err)
{
	int rc;

	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->keys[i], key) == 0) {
			*id = m->ids[i];
			return 0;
		}
	if ((rc = ent_resolve(ctx, kind_find(kind), key, id, err)) != 0)
		return rc;
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->keys = wm_reallocarray(m->keys, m->cap, sizeof(*m->keys));
		m->ids = wm_reallocarray(m->ids, m->cap, sizeof(*m->ids));
	}
	m->keys[m->n] = wm_strdup(key);
	m->ids[m->n] = *id;
	m->n++;
	return 0;
}

int
meas_writer_open(struct wm_ctx *ctx, enum meas_table table, const char *what,
    struct meas_writer **out, struct wm_err *err)
{
	const struct kind *k = kind_find(table == MEAS_TARGETS ? "targets" : "measurements");
	struct meas_writer *w;
	int rc;

	*out = NULL;
	if ((rc = authz_write(ctx, k, NULL, NULL, err)) != 0)
		return rc;
	w = wm_calloc(1, sizeof(*w));
	w->ctx = ctx;
	w->table = table;
	w->what = wm_strdup(what);
	*out = w;
	return 0;
}

static bool
same_double(bool has_a, double a, bool null_b, double b)
{
	return has_a ? !null_b && a == b : null_b;
}

int
meas_writer_put(struct meas_writer *w, const struct meas_row *r, int *changed, struct wm_err *err)
{
	struct wm_ctx *ctx = w->ctx;
	struct stmt *s;
	int64_t pi, unit, id = 0;
	bool same = false;
	int rc;

	*changed = ENT_UNCHANGED;
	if ((rc = idmap_get(ctx, &w->pis, "pis", r->pi, &pi, err)) != 0 ||
	    (rc = idmap_get(ctx, &w->units, "units", r->unit, &unit, err)) != 0)
		return rc;
	if (w->table == MEAS_MEASUREMENTS) {
		rc = store_prepare(ctx->st, "SELECT id, value, numerator, denominator, flag, note"
		    " FROM measurement WHERE pi_id = ? AND unit_id = ? AND period = ?", &s, err);
	} else {
		rc = store_prepare(ctx->st, "SELECT id, value, tolerance, note"
		    " FROM target WHERE pi_id = ? AND unit_id = ? AND period = ?", &s, err);
	}
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, pi);
	stmt_bind_int(s, 2, unit);
	stmt_bind_text(s, 3, r->period);
	if ((rc = stmt_step(s, err)) == STORE_ROW) {
		const char *note;

		id = stmt_int(s, 0);
		if (w->table == MEAS_MEASUREMENTS) {
			const char *flag = stmt_text(s, 4);

			note = stmt_text(s, 5);
			same = same_double(r->has_value, r->value, stmt_is_null(s, 1), stmt_double(s, 1)) &&
			    same_double(r->has_ratio, r->numerator, stmt_is_null(s, 2), stmt_double(s, 2)) &&
			    same_double(r->has_ratio, r->denominator, stmt_is_null(s, 3), stmt_double(s, 3)) &&
			    strcmp(flag, r->flag ? r->flag : "actual") == 0;
		} else {
			note = stmt_text(s, 3);
			same = same_double(r->has_value, r->value, stmt_is_null(s, 1), stmt_double(s, 1)) &&
			    same_double(r->has_tolerance, r->tolerance, stmt_is_null(s, 2), stmt_double(s, 2));
		}
		same = same && ((note == NULL && r->note == NULL) ||
		    (note != NULL && r->note != NULL && strcmp(note, r->note) == 0));
	}
	stmt_reset(s);
	if (rc < 0)
		return rc;
	if (same) {
		w->unchanged++;
		return 0;
	}
	if (w->table == MEAS_MEASUREMENTS) {
		rc = store_prepare(ctx->st, id ?
		    "UPDATE measurement SET value = ?, numerator = ?, denominator = ?, flag = ?,"
		    " note = ?, version = version + 1 WHERE id = ?" :
		    "INSERT INTO measurement (value, numerator, denominator, flag, note, pi_id, unit_id,"
		    " period) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &s, err);
		if (rc != 0)
			return rc;
		if (r->has_value)
			stmt_bind_double(s, 1, r->value);
		if (r->has_ratio) {
			stmt_bind_double(s, 2, r->numerator);
			stmt_bind_double(s, 3, r->denominator);
		}
		stmt_bind_text(s, 4, r->flag ? r->flag : "actual");
		stmt_bind_text(s, 5, r->note);
		if (id) {
			stmt_bind_int(s, 6, id);
		} else {
			stmt_bind_int(s, 6, pi);
			stmt_bind_int(s, 7, unit);
			stmt_bind_text(s, 8, r->period);
		}
	} else {
		if (!r->has_value)
			return wm_error(err, WM_EINVAL, "target %s/%s/%s has no value", r->pi, r->unit,
			    r->period);
		rc = store_prepare(ctx->st, id ?
		    "UPDATE target SET value = ?, tolerance = ?, note = ?, version = version + 1"
		    " WHERE id = ?" :
		    "INSERT INTO target (value, tolerance, note, pi_id, unit_id, period)"
		    " VALUES (?, ?, ?, ?, ?, ?)", &s, err);
		if (rc != 0)
			return rc;
		stmt_bind_double(s, 1, r->value);
		if (r->has_tolerance)
			stmt_bind_double(s, 2, r->tolerance);
		stmt_bind_text(s, 3, r->note);
		if (id) {
			stmt_bind_int(s, 4, id);
		} else {
			stmt_bind_int(s, 4, pi);
			stmt_bind_int(s, 5, unit);
			stmt_bind_text(s, 6, r->period);
		}
	}
	if ((rc = stmt_exec(s, err)) != 0)
		return rc;
	if (id) {
		w->changed++;
		*changed = ENT_CHANGED;
	} else {
		w->added++;
		*changed = ENT_ADDED;
	}
	return 0;
}

void
meas_writer_free(struct meas_writer *w)
{
	if (w == NULL)
		return;
	idmap_free(&w->pis);
	idmap_free(&w->units);
	free(w->what);
	free(w);
}

int
meas_writer_close(struct meas_writer *w, json_t *summary, struct wm_err *err)
{
	const char *kind = w->table == MEAS_TARGETS ? "targets" : "measurements";
	json_t *after;
	int rc = 0;

	if (summary != NULL)
		json_object_set_new(summary, kind, json_pack("{s:I, s:I, s:I}", "added",
		    (json_int_t)w->added, "changed", (json_int_t)w->changed, "unchanged",
		    (json_int_t)w->unchanged));
	if (w->added + w->changed > 0) {
		after = json_pack("{s:s, s:I, s:I}", "from", w->what, "added", (json_int_t)w->added,
		    "changed", (json_int_t)w->changed);
		rc = audit_record(w->ctx, "import", kind, w->what, NULL, after, err);
		json_decref(after);
	}
	meas_writer_free(w);
	return rc;
}
