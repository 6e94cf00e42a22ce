/*
 * project.c: what the engine cannot know about projects, their costs and
 * the aims they serve.
 *
 *   - A benefit score and a cost are never negative: the funding choice
 *     (analysis/funding.h) weighs benefit against cost and would read a
 *     negative as money or benefit found.
 *   - A contribution's weight says how much of a project goes to an aim:
 *     0 to 1.
 *   - Listed or shown, a project adds its total cost over all its years.
 */
#include "base/wm.h"

#include "model/ent.h"
#include "model/hooks.h"
#include "store/store.h"

static int
not_negative(const json_t *row, const char *field, const char *what, struct wm_err *err)
{
	const json_t *v = json_object_get(row, field);

	if (json_is_number(v) && json_number_value(v) < 0)
		return wm_error(err, WM_EINVAL, "%s %s: %g is negative; give 0 or more", what, field,
		    json_number_value(v));
	return 0;
}

static int
project_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	(void)ctx;
	(void)before;
	return not_negative(row, "benefit", "project", err);
}

/* A project's total cost: its one-off and recurring costs over every year; null if none. */
static int
project_decorate(struct wm_ctx *ctx, const struct kind_row *rows, size_t n, struct wm_err *err)
{
	struct stmt *s;
	size_t at = 0;
	int rc;

	for (size_t i = 0; i < n; i++)
		json_object_set_new(rows[i].row, "cost", json_null());
	while ((rc = ent_rows_next(ctx, "SELECT project_id, COALESCE(SUM(one_off + recurring), 0)"
	    " FROM project_cost WHERE project_id BETWEEN ? AND ? GROUP BY project_id",
	    rows, n, &at, &s, err)) == STORE_ROW) {
		while ((rc = stmt_step(s, err)) == STORE_ROW) {
			struct kind_row *r = kind_row_find(rows, n, stmt_int(s, 0));

			if (r != NULL)
				json_object_set_new(r->row, "cost", json_real(stmt_double(s, 1)));
		}
		if (rc < 0)
			return rc;
	}
	return rc < 0 ? rc : 0;
}

const struct kind_hooks project_hooks = { project_prepare, NULL, project_decorate };

static int
cost_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	int rc;

	(void)ctx;
	(void)before;
	if ((rc = not_negative(row, "one_off", "cost", err)) != 0)
		return rc;
	return not_negative(row, "recurring", "cost", err);
}

const struct kind_hooks cost_hooks = { cost_prepare, NULL, NULL };

static int
contribution_prepare(struct wm_ctx *ctx, json_t *row, const json_t *before, struct wm_err *err)
{
	const json_t *w = json_object_get(row, "weight");

	(void)ctx;
	(void)before;
	if (json_is_number(w) && (json_number_value(w) < 0 || json_number_value(w) > 1))
		return wm_error(err, WM_EINVAL, "contribution weight: %g is not between 0 and 1 "
		    "(1: the project wholly serves the aim)", json_number_value(w));
	return 0;
}

const struct kind_hooks contribution_hooks = { contribution_prepare, NULL, NULL };
