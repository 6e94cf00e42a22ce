/*
 * summary.c: `waymark report summary`: a count of each kind of record.
 *
 * Counted, not listed: ten million figures are not built to be counted.
 */
#include "base/wm.h"

#include "model/ent.h"
#include "model/kind.h"
#include "report/summary.h"
#include "store/store.h"

int
report_summary(struct wm_ctx *ctx, struct rdoc **out, struct wm_err *err)
{
	static const char *const cols[] = { "Kind", "Records", "What they are" };
	struct rdoc *d = rdoc_new("What this database holds");
	json_t *data = json_object();
	struct rtable *t;
	int rc = 0;

	rdoc_meta(d, "Database", store_url(ctx->st));
	t = rdoc_table(d, NULL, 3, cols);
	rtable_numeric(t, 1);
	for (const struct kind *k = kinds; k->name != NULL && rc == 0; k++) {
		struct ent_query q = { .raw = true };
		size_t n;

		if (k->flags & KF_VIEW || strcmp(k->name, "users") == 0)
			continue;
		if ((rc = ent_count(ctx, k, &q, &n, err)) != 0)
			break;
		if (n > 0) {
			rtable_cell(t, k->name);
			rtable_cellf(t, "%zu", n);
			rtable_cell(t, k->help);
			rtable_end_row(t);
		}
		json_object_set_new(data, k->name, json_integer((json_int_t)n));
	}
	rdoc_set_data(d, data);
	if (rc != 0) {
		rdoc_free(d);
		return rc;
	}
	*out = d;
	return 0;
}
