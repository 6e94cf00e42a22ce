/*
 * project.c: what the engine cannot know about projects, their costs and
 * the aims they serve.
 *
 *   - Listed or shown, a project adds its total cost over all its years.
 *
 * A benefit score and a cost are never negative (the funding choice,
 * analysis/funding.h, would read a negative as money or benefit found), and
 * a contribution's weight is 0 to 1: kinds.c says so in the fields' limits.
 */
#include "base/wm.h"

#include "model/authz.h"
#include "model/ent.h"
#include "model/hooks.h"
#include "store/store.h"

/* A project's total cost: its one-off and recurring costs over every year; null if none. */
static int
project_decorate(struct wm_ctx *ctx, const struct kind_row *rows, size_t n, struct wm_err *err)
{
	struct stmt *s;
	size_t at = 0;
	int rc;

	for (size_t i = 0; i < n; i++)
		json_object_set_new(rows[i].row, "cost", json_null());
	/* costs are not published: the public sees none */
	if (!authz_read_quiet(ctx, "costs"))
		return 0;
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

const struct kind_hooks project_hooks = { NULL, NULL, project_decorate };
