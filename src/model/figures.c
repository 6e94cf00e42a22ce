/*
 * figures.c: one indicator's figures for a period, for data entry (see
 * figures.h).
 *
 * One cube load covers the period, its history and the same period a
 * year before (the 24 periods before it), so a grid of 32 boroughs costs
 * a handful of queries whatever the length of the series.
 */
#include "base/wm.h"

#include <math.h>

#include "base/arena.h"
#include "base/date.h"
#include "base/mem.h"
#include "model/authz.h"
#include "model/cube.h"
#include "model/ent.h"
#include "model/figures.h"
#include "model/measure.h"
#include "model/setting.h"
#include "store/store.h"

static enum period_kind
kind_of_frequency(const char *frequency)
{
	if (frequency != NULL && strcmp(frequency, "quarterly") == 0)
		return PERIOD_QUARTER;
	if (frequency != NULL && strcmp(frequency, "annual") == 0)
		return PERIOD_FYEAR;
	return PERIOD_MONTH;
}

static int
load_pi(struct wm_ctx *ctx, int64_t id, struct fig_grid *g, const char **frequency,
    struct wm_err *err)
{
	struct stmt *s;
	int rc;

	rc = store_prepare(ctx->st, "SELECT code, title, measure_unit, decimals, aggregation, scale,"
	    " min_value, max_value, frequency FROM pi WHERE id = ?", &s, err);
	if (rc != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	if ((rc = stmt_step(s, err)) == STORE_ROW) {
		const char *mu = stmt_text(s, 2);

		g->pi = arena_strdup(g->a, stmt_text(s, 0));
		g->title = arena_strdup(g->a, stmt_text(s, 1));
		g->measure_unit = arena_strdup(g->a, mu != NULL ? mu : "");
		g->decimals = stmt_is_null(s, 3) ? 1 : (int)stmt_int(s, 3);
		g->ratio = stmt_text(s, 4) != NULL && strcmp(stmt_text(s, 4), "ratio") == 0;
		g->scale = stmt_is_null(s, 5) ? 1 : stmt_double(s, 5);
		g->lo = stmt_is_null(s, 6) ? NAN : stmt_double(s, 6);
		g->hi = stmt_is_null(s, 7) ? NAN : stmt_double(s, 7);
		/* a percentage is from 0 to 100 unless the indicator says otherwise */
		if (strcmp(g->measure_unit, "%") == 0) {
			if (isnan(g->lo))
				g->lo = 0;
			if (isnan(g->hi))
				g->hi = 100;
		}
		*frequency = stmt_is_null(s, 8) ? NULL : arena_strdup(g->a, stmt_text(s, 8));
		rc = 0;
	} else if (rc == STORE_DONE) {
		rc = wm_error(err, WM_ENOTFOUND, "no such indicator");
	}
	stmt_reset(s);
	return rc;
}

/* The period asked for, or the one after the latest with figures (else the current one). */
static int
pick_period(struct wm_ctx *ctx, int64_t pi, const char *text, const char *frequency,
    struct period *p, struct wm_err *err)
{
	enum period_kind kind = kind_of_frequency(frequency);
	int first, last, rc;

	if (text != NULL) {
		if (period_parse(text, p) != 0)
			return wm_error_field(err, WM_EINVAL, "period", FIELD_BAD_TYPE,
			    "\"%s\" is not a period: a month (2005-03), a quarter (2005-Q1), a financial "
			    "year (2004/05) or a year (2005)", text);
		return 0;
	}
	if ((rc = cube_range(ctx, pi, kind, &first, &last, err)) != 0)
		return rc;
	if (first <= last)
		*p = period_from_index(kind, last + 1);
	else
		*p = period_of_day(kind, date_from_time(ctx->now));
	return 0;
}

/* Add unit id to the grid (once), with its ref and name. */
static int
add_unit(struct wm_ctx *ctx, struct fig_grid *g, int64_t id, int64_t *ids, struct wm_err *err)
{
	struct stmt *s;
	int rc;

	for (size_t i = 0; i < g->n; i++)
		if (ids[i] == id)
			return 0;
	if ((rc = store_prepare(ctx->st, "SELECT ref, name FROM unit WHERE id = ?", &s, err)) != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	if ((rc = stmt_step(s, err)) == STORE_ROW) {
		struct fig_unit *u = &g->units[g->n];

		memset(u, 0, sizeof(*u));
		u->ref = arena_strdup(g->a, stmt_text(s, 0));
		u->name = arena_strdup(g->a, stmt_text(s, 1) ? stmt_text(s, 1) : stmt_text(s, 0));
		u->value = u->previous = u->year_before = NAN;
		ids[g->n++] = id;
	}
	stmt_reset(s);
	return rc < 0 ? rc : 0;
}

/*
 * Which units the actor enters for: every unit that reports the indicator
 * (or, before any does, every unit with none below it) for its owner or
 * a planner; the units of the posts they hold for a borough's lead.
 */
static int
pick_units(struct wm_ctx *ctx, struct fig_grid *g, const struct cube *c, int64_t **ids,
    struct wm_err *err)
{
	struct stmt *s;
	size_t cap;
	int rc = 0;

	if (g->may_approve) {
		rc = store_prepare(ctx->st, "SELECT COUNT(*) FROM unit", &s, err);
		if (rc != 0)
			return rc;
		cap = stmt_step(s, err) == STORE_ROW ? (size_t)stmt_int(s, 0) : 0;
		stmt_reset(s);
	} else {
		cap = 64;
	}
	g->units = arena_array(g->a, cap + c->nunits + 1, sizeof(*g->units));
	*ids = wm_calloc(cap + c->nunits + 1, sizeof(**ids));
	if (g->may_approve) {
		for (size_t u = 0; u < c->nunits && rc == 0; u++)
			rc = add_unit(ctx, g, c->units[u], *ids, err);
		if (rc != 0 || g->n > 0)
			return rc;
		rc = store_prepare(ctx->st, "SELECT u.id FROM unit u WHERE NOT EXISTS"
		    " (SELECT 1 FROM unit c WHERE c.parent_id = u.id)", &s, err);
	} else if (ctx->role == ROLE_LEAD) {
		rc = store_prepare(ctx->st, "SELECT DISTINCT p.unit_id FROM post p"
		    " JOIN post_holder h ON h.post_id = p.id JOIN app_user u ON u.person_id = h.person_id"
		    " WHERE u.id = ? AND p.unit_id IS NOT NULL", &s, err);
		if (rc == 0)
			stmt_bind_int(s, 1, ctx->user_id);
	} else {
		return 0;
	}
	if (rc != 0)
		return rc;
	{
		/* collected first: add_unit prepares statements of its own */
		int64_t *found = NULL;
		size_t nfound = 0, capfound = 0;

		while ((rc = stmt_step(s, err)) == STORE_ROW && nfound < cap) {
			WM_GROW(found, nfound + 1, capfound);
			found[nfound++] = stmt_int(s, 0);
		}
		stmt_reset(s);
		for (size_t i = 0; i < nfound && rc >= 0; i++)
			rc = add_unit(ctx, g, found[i], *ids, err);
		free(found);
	}
	return rc < 0 ? rc : 0;
}

static int
unit_cmp(const void *a, const void *b)
{
	return strcasecmp(((const struct fig_unit *)a)->name, ((const struct fig_unit *)b)->name);
}

/* The notes and the approval rows of the period (measure.h). */
static int
load_extras(struct wm_ctx *ctx, struct fig_grid *g, int64_t pi, const int64_t *ids,
    struct wm_err *err)
{
	json_t *notes = NULL;
	int rc;

	if ((rc = meas_notes(ctx, pi, &notes, err)) == 0)
		for (size_t i = 0; i < g->n; i++) {
			char nk[64];
			const json_t *e;

			snprintf(nk, sizeof(nk), "%lld/%s", (long long)ids[i], g->period);
			if ((e = json_object_get(notes, nk)) == NULL)
				continue;
			if (json_string_value(json_object_get(e, "note")) != NULL)
				g->units[i].note = arena_strdup(g->a, json_string_value(json_object_get(e,
				    "note")));
			if (json_string_value(json_object_get(e, "submitted_by")) != NULL)
				g->units[i].submitted_by = arena_strdup(g->a,
				    json_string_value(json_object_get(e, "submitted_by")));
			if (json_string_value(json_object_get(e, "reason")) != NULL)
				g->units[i].reason = arena_strdup(g->a, json_string_value(json_object_get(e,
				    "reason")));
		}
	json_decref(notes);
	return rc;
}

/* A held figure's value: NAN for none or for one not available. */
static double
held(const struct cube *c, int index, int64_t unit)
{
	long row = cube_row((struct cube *)c, index, false), col = cube_col((struct cube *)c, unit,
	    false);
	size_t cell;

	if (row < 0 || col < 0)
		return NAN;
	cell = cube_cell(c, row, col);
	if ((c->flag[cell] & CF_QUALITY) == CF_NONE ||
	    (c->flag[cell] & CF_QUALITY) == CF_NOT_AVAILABLE)
		return NAN;
	return c->value[cell];
}

int
figures_grid(struct wm_ctx *ctx, const char *pi, const char *period, struct fig_grid *out,
    struct wm_err *err)
{
	const char *frequency = NULL;
	struct cube c = { 0 };
	struct period p, prev, year;
	int64_t pid, *ids = NULL;
	int idx, rc;

	memset(out, 0, sizeof(*out));
	out->a = arena_new();
	if ((rc = authz_read(ctx, kind_find("measurements"), err)) != 0 ||
	    (rc = ent_resolve(ctx, kind_find("pis"), pi, &pid, err)) != 0 ||
	    (rc = load_pi(ctx, pid, out, &frequency, err)) != 0 ||
	    (rc = pick_period(ctx, pid, period, frequency, &p, err)) != 0)
		goto out;
	idx = period_index(&p);
	prev = period_add(&p, -1);
	year = period_add(&p, -period_per_year(p.kind));
	period_format(&p, out->period);
	period_format(&prev, out->previous);
	period_format(&year, out->year_before);
	out->may_approve = authz_may_approve(ctx, out->pi);
	if ((rc = cube_load(ctx, pid, p.kind, idx - FIGCHECK_HISTORY, idx, &c, err)) != 0 ||
	    (rc = pick_units(ctx, out, &c, &ids, err)) != 0)
		goto out;
	for (size_t i = 0; i < out->n; i++) {
		struct fig_unit *u = &out->units[i];
		long row = cube_row(&c, idx, false), col = cube_col(&c, ids[i], false);

		if (row >= 0 && col >= 0) {
			size_t cell = cube_cell(&c, row, col);
			uint8_t f = c.flag[cell];

			if ((f & CF_QUALITY) != CF_NONE) {
				u->has = true;
				u->flag = cube_flag_name((enum cube_flag)f);
				u->pending = (f & CF_PENDING) != 0;
				u->value = (f & CF_QUALITY) == CF_NOT_AVAILABLE ? NAN : c.value[cell];
				u->counts = c.num != NULL && c.den[cell] != 0;
				u->num = u->counts ? c.num[cell] : 0;
				u->den = u->counts ? c.den[cell] : 0;
			}
		}
		u->previous = held(&c, idx - 1, ids[i]);
		u->year_before = held(&c, period_index(&year), ids[i]);
		for (int k = idx - FIGCHECK_HISTORY; k < idx; k++)
			u->history[u->nhistory++] = held(&c, k, ids[i]);
	}
	if ((rc = load_extras(ctx, out, pid, ids, err)) != 0)
		goto out;
	/* by name, as people look for their unit: sorted last, ids no longer needed */
	wm_sort(out->units, out->n, sizeof(*out->units), unit_cmp);
out:
	free(ids);
	cube_release(&c);
	if (rc != 0)
		figures_grid_release(out);
	return rc;
}

void
figures_grid_release(struct fig_grid *g)
{
	arena_free(g->a);
	memset(g, 0, sizeof(*g));
}

void
figures_check(const struct fig_grid *g, size_t u, double value, bool has_counts,
    struct figcheck_result *out)
{
	const struct fig_unit *fu = &g->units[u];
	struct figcheck in = { value, g->ratio, has_counts, g->lo, g->hi, fu->history,
		fu->nhistory };

	figcheck_run(&in, out);
}

/* ---- figures due ------------------------------------------------------ */

int
fig_due_day(const struct period *p, int lag)
{
	return period_last_day(p) + lag;
}

int
fig_due_load(struct wm_ctx *ctx, const char *pi, int from, int to, struct fig_due **out,
    size_t *n, long *latest, struct wm_err *err)
{
	struct cube c;
	struct stmt *s;
	struct period p;
	enum period_kind kind;
	int64_t id = 0;
	double dflt;
	int lag = -1, first, last, held_first, held_last, rc;
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	*latest = -1;
	if ((rc = ent_resolve(ctx, kind_find("pis"), pi, &id, err)) != 0)
		return rc;
	if ((rc = store_prepare(ctx->st, "SELECT frequency, reporting_lag FROM pi WHERE id = ?", &s,
	    err)) != 0)
		return rc;
	stmt_bind_int(s, 1, id);
	kind = PERIOD_MONTH;
	if ((rc = stmt_step(s, err)) == STORE_ROW) {
		kind = kind_of_frequency(stmt_text(s, 0));
		if (!stmt_is_null(s, 1))
			lag = (int)stmt_int(s, 1);
	}
	stmt_reset(s);
	if (rc < 0)
		return rc;
	if (lag < 0) {
		if ((rc = setting_number(ctx, "figures.reporting_lag", &dflt, err)) != 0)
			return rc;
		lag = (int)dflt;
	}
	if (to < from)
		return 0;
	/* the first period due on or after from, the last due on or before to */
	p = period_of_day(kind, from - lag);
	if (fig_due_day(&p, lag) < from)
		p = period_add(&p, 1);
	first = period_index(&p);
	p = period_of_day(kind, to - lag);
	if (fig_due_day(&p, lag) > to)
		p = period_add(&p, -1);
	last = period_index(&p);
	/* nothing was due before the indicator's first figure: reporting had not begun */
	if ((rc = cube_range(ctx, id, kind, &held_first, &held_last, err)) != 0)
		return rc;
	if (held_first <= held_last && first < held_first)
		first = held_first;
	if (last < first)
		return 0;
	cube_init(&c, id, kind);
	if ((rc = cube_load(ctx, id, kind, first, last, &c, err)) != 0)
		goto out;
	for (int i = first; i <= last; i++) {
		struct period q = period_from_index(kind, i);
		struct fig_due *d;
		long row = cube_row(&c, i, false);

		WM_GROW(*out, *n + 1, cap);
		d = &(*out)[(*n)++];
		period_format(&q, d->period);
		d->due = fig_due_day(&q, lag);
		d->in = false;
		for (size_t u = 0; row >= 0 && u < c.nunits && !d->in; u++)
			d->in = (c.flag[cube_cell(&c, row, (long)u)] & CF_QUALITY) != CF_NONE;
		if (d->in)
			*latest = (long)(*n - 1);
	}
out:
	cube_release(&c);
	if (rc != 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
